"""Compare what the rules extract with the hand-annotated articles, per article, kind and overall.

Used by scripts/score_extraction.py and tests/test_scoring_bar.py.

The scored articles are the seed and the three NASA fixtures (FIXTURES, which the bars in
tests/test_scoring_bar.py hold to), plus every development-corpus article
tests/fixtures/corpus/<name>.md, whose front matter gives its `kind`. Annotations live in
tests/fixtures/expected/<name>/: people.yml (people, roles, ages, organizations, non_people),
quotes.yml, dates.yml, keyfacts.yml (about_flight, facts) and themes.yml. A missing file means
"not annotated": those measures are not scored for the article (shown as "-"). A corpus
article with `holdout: N` in its front matter belongs to hold-out batch N (holdout_batch; batches
HOLDOUT_BATCHES, tests/fixtures/corpus/SOURCES-holdout<N>.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.analyse import analyse
from generator.analyse.themesets import load_theme_sets
from generator.model import Article, Facts, KeyFact
from generator.read import decode_seed, is_seed_file, read_seed, slugify, split_front_matter

REPO = Path(__file__).resolve().parent.parent
EXPECTED = REPO / "tests" / "fixtures" / "expected"
FIXTURE_DIR = REPO / "tests" / "fixtures" / "articles"
CORPUS_DIR = REPO / "tests" / "fixtures" / "corpus"
CORPUS = FIXTURE_DIR  # the NASA fixtures (older name, kept for callers)
KINDS = (
    "launch-landing",
    "space-journalism",
    "politics",
    "courts-crime",
    "business-regulation",
    "science-health",
    "sport",
)
# The fixtures the bars apply to: path, the published date the NASA files don't carry, kind.
FIXTURES: dict[str, tuple[Path, dt.date | None, str]] = {
    "first-film-in-orbit": (REPO / "seeds" / "first-film-in-orbit.md", None, "space-journalism"),
    "nasa_article_329": (
        FIXTURE_DIR / "nasa_article_329.txt",
        dt.date(2024, 4, 6),
        "launch-landing",
    ),
    "nasa_article_550": (
        FIXTURE_DIR / "nasa_article_550.txt",
        dt.date(2024, 3, 12),
        "launch-landing",
    ),
    "nasa_article_813": (
        FIXTURE_DIR / "nasa_article_813.txt",
        dt.date(2024, 2, 9),
        "launch-landing",
    ),
}
# Hold-out batches (front matter `holdout: N`; tests/fixtures/corpus/SOURCES-holdout<N>.md), each
# annotated before any run on it, scored and printed apart, and gated by no bar. Each was scored
# untuned and then released for rule tuning; UNSEEN_BATCH, when set, is the one kept out of it
# (batches 13 and 14, built in sessions 13 and 14, were released in session 14, batch 16 in
# session 15; batches 17 and 18 were built side by side in session 15: 17 released there, 18
# when batches 19 and 20 were built side by side; batch 19 was released in session 16 too, batch
# 20 when batch 21 was built, batch 21 when batch 22 was built, batch 22 when batch 23 was built;
# batch 23, corpus23, is the unseen one; None: every batch is released). Batch 15 (zh15) holds
# Chinese-language articles, released for tuning as it was built; batch 24 (zh24) holds
# Chinese-language technology and internet stories with Latin-script names, scored untuned and
# released for tuning as it was built.
HOLDOUT_BATCHES = (
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
)
UNSEEN_BATCH: int | None = 23
# Set-compared categories (precision and recall over items).
CATEGORIES = ("people", "roles", "ages", "organizations", "quote speakers", "dates", "themes")
_PREFIX = 30  # a quotation is identified by its block and its first characters

Item = tuple[str | None, ...]


class ScoringError(Exception):
    """An annotation or corpus file the scorer cannot use (the message names the file)."""


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


@dataclass(frozen=True)
class Speakers:
    """Quotation speakers against quotes.yml.

    Over the attributed quotations (annotated speaker not null): `right` got the same speaker,
    `null` got none (also when the quotation was missed). `wrong` counts every annotated
    quotation given a different speaker, including one the article leaves unattributed (a
    guess). The bar: right / attributed >= 0.90 and wrong == 0.
    """

    right: int = 0
    wrong: int = 0
    null: int = 0
    attributed: int = 0
    wrong_items: tuple[str, ...] = ()  # "b16 “Man, when he…”: expected x, got y"

    @property
    def right_rate(self) -> float:
        return self.right / self.attributed if self.attributed else 1.0

    def __add__(self, other: Speakers) -> Speakers:
        return Speakers(
            self.right + other.right,
            self.wrong + other.wrong,
            self.null + other.null,
            self.attributed + other.attributed,
            self.wrong_items + other.wrong_items,
        )


@dataclass(frozen=True)
class Report:
    """Everything measured on one article (None: not annotated)."""

    scores: dict[str, Score | None]
    speakers: Speakers | None = None
    terms_as_voices: tuple[str, ...] | None = None  # predicted quotes not in quotes.yml
    non_people_carded: tuple[str, ...] | None = None  # predicted people named in non_people
    bad_key_facts: tuple[str, ...] | None = None  # key facts shown that keyfacts.yml doesn't allow
    dates_wrong: tuple[str, ...] | None = None  # predicted dates not in dates.yml


def compare(predicted: set[Item], expected: set[Item]) -> Score:
    return Score(len(predicted & expected), len(predicted - expected), len(expected - predicted))


def _kind_of(path: Path) -> str:
    seed = decode_seed(str(path), path.read_bytes())
    meta, _, _ = split_front_matter(seed)
    kind = meta.get("kind")
    if kind not in KINDS:
        raise ScoringError(
            f"{path.relative_to(REPO)}: front matter needs `kind:` one of {', '.join(KINDS)} "
            f"(found {kind!r})"
        )
    return str(kind)


@cache
def corpus() -> dict[str, tuple[Path, str]]:
    """Development-corpus article name → (path, kind), for every tests/fixtures/corpus/*.md.

    SOURCES*.md (the attribution lists) and README*.md are not articles.
    """
    if not CORPUS_DIR.is_dir():
        return {}
    paths = [
        p
        for p in sorted(CORPUS_DIR.glob("*.md"))
        if not p.name.lower().startswith(("sources", "readme")) and is_seed_file(p)
    ]
    return {path.stem: (path, _kind_of(path)) for path in paths}


@cache
def holdout_batch(name: str) -> int | None:
    """The hold-out batch of a corpus article (front matter `holdout: N`), else None.

    Batches HOLDOUT_BATCHES (tests/fixtures/corpus/SOURCES-holdout<N>.md) were annotated before
    any run on them: each is scored and printed apart, and no issue bar gates it. Each was scored
    untuned and then released for rule tuning; UNSEEN_BATCH, when not None, is kept out of it.
    """
    found = corpus().get(name)
    if found is None:
        return None
    path = found[0]
    meta, _, _ = split_front_matter(decode_seed(str(path), path.read_bytes()))
    value = meta.get("holdout")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScoringError(f"{path.relative_to(REPO)}: `holdout:` must be a batch number")
    return value


def holdout_articles(batch: int) -> frozenset[str]:
    """The corpus articles of one hold-out batch (front matter `holdout: batch`)."""
    return frozenset(name for name in corpus() if holdout_batch(name) == batch)


def all_holdout_articles() -> frozenset[str]:
    """The corpus articles of every hold-out batch in HOLDOUT_BATCHES."""
    return frozenset().union(*(holdout_articles(batch) for batch in HOLDOUT_BATCHES))


def articles() -> dict[str, tuple[Path, dt.date | None, str]]:
    """Every scored article: name → (path, published override or None, kind)."""
    found = {name: (path, None, kind) for name, (path, kind) in corpus().items()}
    return {**FIXTURES, **found}


# The fixtures' paths and published dates, as before (tests/test_scoring_bar.py iterates this).
ARTICLES: dict[str, tuple[Path, dt.date | None]] = {n: (p, d) for n, (p, d, _) in FIXTURES.items()}


def kind(name: str) -> str:
    return articles()[name][2]


def load_article(name: str) -> Article:
    path, published, _ = articles()[name]
    article = read_seed(path)
    return dataclasses.replace(article, published=published) if published else article


def _yaml(name: str, file: str) -> Any:
    path = EXPECTED / name / file
    if not path.is_file():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ScoringError(f"{path.relative_to(REPO)}: not valid YAML ({exc})") from None


def _flat(text: str) -> str:
    quotes = {"’": "'", "‘": "'", "“": '"', "”": '"'}
    return " ".join("".join(quotes.get(c, c) for c in text).split()).casefold()


def _quote_key(block: str, text: str) -> str:
    """The block and the quotation's first characters, without the clause punctuation that
    may end it (an annotation keeps “My momma knitted this,”; a voice is shown without it)."""
    return f"{block}:{_flat(text).rstrip(' ,;:—–')[:_PREFIX]}"


def _slug(name: str) -> str:
    """Slug of a name, transliterated: the key people and organizations are compared by."""
    text = re.sub(r"'s\b", "", _flat(name).replace('"', ""))  # possessives: "NASA’s" is NASA
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return slugify(ascii_text) or text


def _value(text: str) -> str:
    """A key-fact value, normalised for comparison (case, quotes, spaces, end punctuation)."""
    return _flat(text).strip(" .,;:")


def _entries(data: Any, key: str) -> list[dict[str, Any]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [e for e in value or () if isinstance(e, dict)]


def _org_keys(entries: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Annotated organization id → the slugs that name it (id, name, aliases)."""
    keys: dict[str, set[str]] = {}
    for org in entries:
        names = [str(org.get("name") or ""), *(str(a) for a in org.get("aliases") or ())]
        keys[str(org["id"])] = {str(org["id"]), *(_slug(n) for n in names if n)}
    return keys


# Qualifiers a page may keep that the annotations leave out of the office: "Former Assistant
# U.S. Attorney Richard G. Convertino" holds the office "assistant u.s. attorney" (the page's
# "former assistant u.s. attorney" is as true, and says more); "U.S. astronaut Sunita Williams"
# is an astronaut, and so is "United States Ambassador Kara C. McDonald" an ambassador ("united
# states" is "u.s." written out; the annotations keep either where they write it: "united states
# attorney"). A predicted role with one of these in front counts as the annotated office when the
# annotation has the office without it (and never when it has the qualified form).
ROLE_QUALIFIERS = ("former ", "u.s. ", "united states ")


def aligned_roles(predicted: set[Item], expected: set[Item]) -> set[Item]:
    """`predicted` roles (person id, role), each written as the annotation writes the office."""
    aligned: set[Item] = set()
    for item in predicted:
        pid, role = item[0], str(item[1])
        bare = role
        while (pid, bare) not in expected and bare.startswith(ROLE_QUALIFIERS):
            bare = bare[len(next(q for q in ROLE_QUALIFIERS if bare.startswith(q))) :]
        aligned.add((pid, bare) if (pid, bare) in expected else item)
    return aligned


def expected_items(name: str) -> dict[str, set[Item] | None]:
    """Category → annotated items (None when that fixture file is missing)."""
    people_file = _yaml(name, "people.yml")
    entries = _entries(people_file, "people") if isinstance(people_file, dict) else None
    quotes, dates, themes = (_yaml(name, f) for f in ("quotes.yml", "dates.yml", "themes.yml"))
    people: set[Item] | None = None
    roles: set[Item] | None = None
    ages: set[Item] | None = None
    orgs: set[Item] | None = None
    if entries is not None:
        people = {(str(p["id"]),) for p in entries}
        roles = {(str(p["id"]), str(r).lower()) for p in entries for r in p.get("roles") or ()}
        ages = {(str(p["id"]), str(p["age"])) for p in entries if p.get("age") is not None}
        orgs = {(str(p["id"]), str(o)) for p in entries for o in p.get("organizations") or ()}
    return {
        "people": people,
        "roles": roles,
        "ages": ages,
        "organizations": orgs,
        "quote speakers": None
        if quotes is None
        else {(_quote_key(q["block"], q["text"]), q.get("speaker")) for q in quotes or ()},
        "dates": None
        if dates is None
        else {(str(d["date"]), str(d["block"])) for d in dates or ()},
        "themes": None
        if themes is None
        else {(str(t), str(b)) for t, blocks in themes.items() for b in blocks or ()},
    }


def predicted_items(
    facts: Facts, org_keys: Mapping[str, set[str]] | None = None
) -> dict[str, set[Item]]:
    """Category → predicted items; organizations are mapped onto the annotated ids."""
    names = {o.id: [o.name, *o.aliases] for o in facts.organizations}

    def org_id(oid: str) -> str:
        slugs = {oid, *(_slug(n) for n in names.get(oid, ()))}
        for expected_id, keys in (org_keys or {}).items():
            if slugs & keys:
                return expected_id
        return oid

    return {
        "people": {(p.id,) for p in facts.people},
        "roles": {(p.id, r.lower()) for p in facts.people for r in p.roles},
        "ages": {(p.id, str(p.age)) for p in facts.people if p.age is not None},
        "organizations": {(p.id, org_id(o)) for p in facts.people for o in p.organizations},
        "quote speakers": {(_quote_key(q.block, q.text), q.speaker) for q in facts.quotes},
        "dates": {(e.date, e.block) for e in facts.events},
        "themes": {(t, b) for t, blocks in facts.themes.items() for b in blocks},
    }


def _speakers(facts: Facts, quotes: list[dict[str, Any]]) -> Speakers:
    predicted = {_quote_key(q.block, q.text): q.speaker for q in facts.quotes}
    right = null = attributed = 0
    wrong: list[str] = []
    for quote in quotes:
        expected = quote.get("speaker")
        got = predicted.get(_quote_key(quote["block"], quote["text"]))
        attributed += expected is not None
        if got is not None and got != expected:
            wrong.append(f"{quote['block']} “{str(quote['text'])[:24]}…”: {expected} → {got}")
        elif expected is not None:
            right += got == expected
            null += got is None
    return Speakers(right, len(wrong), null, attributed, tuple(wrong))


def _allowed(value: Any) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {_value(str(v)) for v in values if v is not None}


def shown_key_facts(facts: Facts) -> tuple[KeyFact, ...]:
    """The key facts of this article that its sites show: those a fact box of a theme set
    that applies to it lists (a themed page's, on a site made of it alone or once other
    articles give the page its place, and the overview's "At a glance"). Not every fact the
    rules found: "rocket" is in no fact box, and a set that does not apply shows nothing."""
    names: set[str] = set()
    for theme_set in load_theme_sets():
        if theme_set.applies_to(facts):
            names |= {n for p in theme_set.pages for n in p.facts} | set(theme_set.index_facts)
    return tuple(f for f in facts.key_facts if f.name in names)


def _bad_key_facts(facts: Facts, keyfacts: Any, name: str) -> tuple[str, ...]:
    if not isinstance(keyfacts, dict) or "about_flight" not in keyfacts:
        raise ScoringError(f"tests/fixtures/expected/{name}/keyfacts.yml: needs `about_flight:`")
    allowed = {k: _allowed(v) for k, v in (keyfacts.get("facts") or {}).items()}
    shown = [(f.name, f.value) for f in shown_key_facts(facts)]
    if not keyfacts["about_flight"]:
        return tuple(f"{n}: {v}" for n, v in shown)
    return tuple(f"{n}: {v}" for n, v in shown if _value(v) not in allowed.get(n, set()))


def _covered(tokens: list[str], banned: list[list[str]]) -> bool:
    """Whether `tokens` splits into consecutive pieces that each occur in some banned name."""

    def piece(i: int, j: int) -> bool:
        part, n = tokens[i:j], j - i
        return any(b[k : k + n] == part for b in banned for k in range(len(b) - n + 1))

    reach = [True] + [False] * len(tokens)  # reach[j]: tokens[:j] is covered
    for j in range(1, len(tokens) + 1):
        reach[j] = any(reach[i] and piece(i, j) for i in range(j))
    return bool(tokens) and reach[-1]


def _non_people(facts: Facts, people_file: Mapping[str, Any]) -> tuple[str, ...]:
    """Predicted people who are annotated as something else.

    The non-person names are `non_people` plus the annotated organizations and places (names
    and aliases). A card counts when one of its forms (id, name, aliases) is made only of such
    names or fragments of them: "Hilliard Robertson" (of "S.S. Patricia “Patty” Hilliard
    Robertson"), "Astrobotic Peregrine" (two of them). A card holding a real name as well
    ("SEC Chair Gary Gensler") is a broken name, not a non-person; cards for annotated people
    never count.
    """
    names = [str(e) for e in people_file.get("non_people") or ()]
    for key in ("organizations", "places"):
        for entry in _entries(people_file, key):
            names += [str(entry.get("name") or ""), *(str(a) for a in entry.get("aliases") or ())]
    banned = [_slug(n).split("-") for n in names if n]
    annotated = {str(p["id"]) for p in _entries(people_file, "people")}
    carded = []
    for person in facts.people:
        if person.id in annotated:
            continue
        forms = {person.id, *(_slug(n) for n in (person.name, *person.aliases))}
        if any(_covered(f.split("-"), banned) for f in forms):
            carded.append(person.name)
    return tuple(carded)


def score_article(name: str, facts: Facts | None = None) -> dict[str, Score | None]:
    """Category → score of one article's extraction (None: not annotated)."""
    return report(name, facts).scores


def _person_forms(pid: str, name: str, aliases: Iterable[str]) -> set[str]:
    return {pid, *(_slug(n) for n in (name, *aliases) if n)} - {""}


def with_annotated_ids(facts: Facts, people_file: Any) -> Facts:
    """`facts` with each card that is an annotated person under another id given that id: the
    same names, written the other way round ("Cedric Alviani", alias 艾玮昂, where the
    annotation names him 艾玮昂, alias Cedric Alviani). A card matches when its forms (id, name,
    aliases) meet the forms of exactly one annotated person and the card's id is none of the
    annotation's; its quotations follow it."""
    annotated = {
        str(e.get("id")): _person_forms(
            str(e.get("id")), str(e.get("name") or ""), [str(a) for a in e.get("aliases") or ()]
        )
        for e in _entries(people_file, "people")
    }
    renamed: dict[str, str] = {}
    for person in facts.people:
        if person.id in annotated:
            continue
        forms = _person_forms(person.id, person.name, person.aliases)
        matches = [aid for aid, theirs in annotated.items() if forms & theirs]
        if len(matches) == 1 and matches[0] not in {p.id for p in facts.people}:
            renamed[person.id] = matches[0]
    if not renamed:
        return facts
    people = tuple(dataclasses.replace(p, id=renamed.get(p.id, p.id)) for p in facts.people)
    quotes = tuple(
        dataclasses.replace(q, speaker=renamed.get(q.speaker, q.speaker)) if q.speaker else q
        for q in facts.quotes
    )
    return dataclasses.replace(facts, people=people, quotes=quotes)


def report(name: str, facts: Facts | None = None) -> Report:
    """All measures of one article's extraction."""
    people_file = _yaml(name, "people.yml")
    facts = with_annotated_ids(facts or analyse(load_article(name)), people_file)
    org_keys = _org_keys(_entries(people_file, "organizations"))
    predicted = predicted_items(facts, org_keys)
    expected = expected_items(name)
    if expected["roles"] is not None:
        predicted["roles"] = aligned_roles(predicted["roles"], expected["roles"])
    scores = {
        c: None if expected[c] is None else compare(predicted[c], expected[c] or set())
        for c in CATEGORIES
    }
    quotes = _yaml(name, "quotes.yml")
    quote_list = [q for q in quotes or () if isinstance(q, dict)] if quotes is not None else None
    keyfacts = _yaml(name, "keyfacts.yml")
    dates = expected["dates"]
    return Report(
        scores=scores,
        speakers=None if quote_list is None else _speakers(facts, quote_list),
        terms_as_voices=None
        if quote_list is None
        else tuple(
            q.text
            for q in facts.quotes
            if _quote_key(q.block, q.text)
            not in {_quote_key(e["block"], e["text"]) for e in quote_list}
        ),
        non_people_carded=None
        if not isinstance(people_file, dict) or "non_people" not in people_file
        else _non_people(facts, people_file),
        bad_key_facts=None if keyfacts is None else _bad_key_facts(facts, keyfacts, name),
        dates_wrong=None
        if dates is None
        else tuple(f"{d} ({b})" for d, b in sorted(predicted["dates"] - dates, key=str)),
    )


def total(reports: Iterable[Report]) -> Report:
    """The sum of several articles' reports (a measure is None when no article has it)."""
    listed = list(reports)
    scores: dict[str, Score | None] = {}
    for category in CATEGORIES:
        parts = [s for r in listed if (s := r.scores[category]) is not None]
        scores[category] = sum(parts, Score()) if parts else None
    speakers = [r.speakers for r in listed if r.speakers is not None]

    def joined(values: list[tuple[str, ...] | None]) -> tuple[str, ...] | None:
        present = [v for v in values if v is not None]
        return tuple(x for v in present for x in v) if present else None

    return Report(
        scores=scores,
        speakers=sum(speakers, Speakers()) if speakers else None,
        terms_as_voices=joined([r.terms_as_voices for r in listed]),
        non_people_carded=joined([r.non_people_carded for r in listed]),
        bad_key_facts=joined([r.bad_key_facts for r in listed]),
        dates_wrong=joined([r.dates_wrong for r in listed]),
    )


def report_all() -> dict[str, Report]:
    """Article name → its report, for every scored article."""
    return {name: report(name) for name in articles()}


def by_kind(reports: Mapping[str, Report]) -> dict[str, dict[str, Report]]:
    """Kind → article name → report, kinds in KINDS order (only kinds with articles)."""
    grouped: dict[str, dict[str, Report]] = {}
    for k in KINDS:
        members = {n: r for n, r in reports.items() if kind(n) == k}
        if members:
            grouped[k] = members
    return grouped


def score_all() -> dict[str, dict[str, Score | None]]:
    """Fixture name → category → score, plus "overall" (sums over the fixtures)."""
    scores = {name: report(name).scores for name in FIXTURES}
    overall: dict[str, Score | None] = {}
    for category in CATEGORIES:
        parts = [p for s in scores.values() if (p := s[category]) is not None]
        overall[category] = sum(parts, Score()) if parts else None
    scores["overall"] = overall
    return scores


def nasa_total(scores: dict[str, dict[str, Score | None]], category: str) -> Score | None:
    """Sum of one category over the three NASA fixtures (the bars' "nasa" figure)."""
    parts = [s[category] for n, s in scores.items() if n in FIXTURES and n.startswith("nasa_")]
    present = [p for p in parts if p is not None]
    return sum(present, Score()) if present else None
