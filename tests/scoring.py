"""Compare what the rules extract with the hand-annotated fixtures (precision and recall).

Used by scripts/score_extraction.py and tests/test_scoring_bar.py. Fixtures live in
tests/fixtures/expected/<name>/: people.yml (people and roles), quotes.yml, dates.yml, themes.yml.
A missing file means "not annotated": that category is not scored for the article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.analyse import analyse
from generator.model import Article, Facts
from generator.read import read_seed

REPO = Path(__file__).resolve().parent.parent
EXPECTED = REPO / "tests" / "fixtures" / "expected"
CORPUS = REPO / "tests" / "fixtures" / "articles"
# The scored articles, with the published dates the NASA releases don't carry themselves.
ARTICLES: dict[str, tuple[Path, dt.date | None]] = {
    "first-film-in-orbit": (REPO / "seeds" / "first-film-in-orbit.md", None),
    "nasa_article_329": (CORPUS / "nasa_article_329.txt", dt.date(2024, 4, 6)),
    "nasa_article_550": (CORPUS / "nasa_article_550.txt", dt.date(2024, 3, 12)),
    "nasa_article_813": (CORPUS / "nasa_article_813.txt", dt.date(2024, 2, 9)),
}
CATEGORIES = ("people", "roles", "quote speakers", "dates", "themes")
_PREFIX = 30  # a quotation is identified by its block and its first characters

Item = tuple[str | None, ...]


@dataclass(frozen=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def compare(predicted: set[Item], expected: set[Item]) -> Score:
    return Score(len(predicted & expected), len(predicted - expected), len(expected - predicted))


def load_article(name: str) -> Article:
    path, published = ARTICLES[name]
    article = read_seed(path)
    return dataclasses.replace(article, published=published) if published else article


def _yaml(name: str, file: str) -> Any:
    path = EXPECTED / name / file
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def _quote_key(block: str, text: str) -> str:
    flat = " ".join(text.replace("’", "'").split()).lower()
    return f"{block}:{flat[:_PREFIX]}"


def expected_items(name: str) -> dict[str, set[Item] | None]:
    """Category → annotated items (None when that fixture file is missing)."""
    people = _yaml(name, "people.yml")
    entries = people.get("people", []) if isinstance(people, dict) else None
    quotes, dates, themes = (_yaml(name, f) for f in ("quotes.yml", "dates.yml", "themes.yml"))
    return {
        "people": None if entries is None else {(str(p["id"]),) for p in entries},
        "roles": None
        if entries is None
        else {(str(p["id"]), str(r).lower()) for p in entries for r in p.get("roles") or ()},
        "quote speakers": None
        if quotes is None
        else {(_quote_key(q["block"], q["text"]), q.get("speaker")) for q in quotes},
        "dates": None if dates is None else {(str(d["date"]), str(d["block"])) for d in dates},
        "themes": None
        if themes is None
        else {(str(t), str(b)) for t, blocks in themes.items() for b in blocks or ()},
    }


def predicted_items(facts: Facts) -> dict[str, set[Item]]:
    return {
        "people": {(p.id,) for p in facts.people},
        "roles": {(p.id, r.lower()) for p in facts.people for r in p.roles},
        "quote speakers": {(_quote_key(q.block, q.text), q.speaker) for q in facts.quotes},
        "dates": {(e.date, e.block) for e in facts.events},
        "themes": {(t, b) for t, blocks in facts.themes.items() for b in blocks},
    }


def score_article(name: str, facts: Facts | None = None) -> dict[str, Score | None]:
    """Category → score of one article's extraction (None: not annotated)."""
    predicted = predicted_items(facts or analyse(load_article(name)))
    expected = expected_items(name)
    return {
        c: None if expected[c] is None else compare(predicted[c], expected[c] or set())
        for c in CATEGORIES
    }


def score_all() -> dict[str, dict[str, Score | None]]:
    """Article name → category → score, plus "overall" (sums over the annotated articles)."""
    scores = {name: score_article(name) for name in ARTICLES}
    overall: dict[str, Score | None] = {}
    for category in CATEGORIES:
        parts = [p for s in scores.values() if (p := s[category]) is not None]
        overall[category] = sum(parts, Score()) if parts else None
    scores["overall"] = overall
    return scores


def nasa_total(scores: dict[str, dict[str, Score | None]], category: str) -> Score | None:
    parts = [s[category] for n, s in scores.items() if n.startswith("nasa_")]
    present = [p for p in parts if p is not None]
    return sum(present, Score()) if present else None
