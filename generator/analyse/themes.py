"""Which blocks belong to each theme, from cues in generator/data/themes.yml (stub rules)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from ..model import Article, Person, Quote, Theme


@cache
def load_themes() -> tuple[Theme, ...]:
    raw = yaml.safe_load(resources.files("generator").joinpath("data/themes.yml").read_text("utf-8"))
    return tuple(
        Theme(str(t["id"]), str(t["title"]), str(t["description"]), tuple(map(str, t["cues"])))
        for t in raw
    )


def assign_themes(
    article: Article,
    people: tuple[Person, ...],
    quotes: tuple[Quote, ...],
    themes: tuple[Theme, ...],
) -> dict[str, tuple[str, ...]]:
    result: dict[str, tuple[str, ...]] = {}
    for theme in themes:
        pattern = re.compile(
            r"\b(?:" + "|".join(re.escape(c) for c in theme.cues) + r")\b", re.IGNORECASE
        )
        result[theme.id] = tuple(
            b.id for b in article.story_blocks if pattern.search(b.text)
        )
    return result
