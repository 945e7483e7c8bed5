"""Organizations and places: known names from generator/data/entities.yml, plus unknown
organizations recognised by a closing word such as "Agency"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..model import Article, Organization, Place
from ..read import slugify
from .lexicon import KnownName, entity_lexicon, people_lexicon
from .text import NAME_TOKEN, phrase_alternation


@dataclass
class _Found:
    """What one organization or place looks like in one article, while it is being collected."""

    id: str
    name: str
    forms: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)

    def add(self, form: str, block_id: str) -> None:
        if form not in self.forms:
            self.forms.append(form)
        if block_id not in self.blocks:
            self.blocks.append(block_id)


def _known_pattern(entries: Iterable[KnownName]) -> tuple[re.Pattern[str], dict[str, KnownName]]:
    by_form = {form: entry for entry in entries for form in entry.forms}
    pattern = re.compile(r"(?<![\w\-])(?:" + phrase_alternation(by_form) + r")(?![\w\-])")
    return pattern, by_form


@cache
def _organization_pattern() -> tuple[re.Pattern[str], dict[str, KnownName]]:
    return _known_pattern(entity_lexicon().organizations)


# A run of capitalised words, scanned once (a regex ending in a suffix word would rescan runs).
_CAPITALISED_RUN = re.compile(rf"(?<![\w\-]){NAME_TOKEN}(?:\s+{NAME_TOKEN})*")


@cache
def _place_pattern() -> tuple[re.Pattern[str], dict[str, KnownName]]:
    return _known_pattern(entity_lexicon().places)


def _normal(form: str) -> str:
    return " ".join(form.split())


def _generic_organizations(text: str) -> list[tuple[int, int, str, str]]:
    """Unknown organizations: capitalised words closed by a word such as "Agency"."""
    suffixes = entity_lexicon().organization_suffixes
    closed = people_lexicon().closed_class
    spans: list[tuple[int, int, str, str]] = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(m.start() + run.start(), m.group()) for m in re.finditer(r"\S+", run.group())]
        first = 0
        for index, (offset, word) in enumerate(words):
            if index == first and word.lower() in closed:  # "The Israel Space Agency"
                first = index + 1
            elif word in suffixes:
                if index > first:
                    name = " ".join(w for _, w in words[first : index + 1])
                    spans.append((words[first][0], offset + len(word), slugify(name), name))
                first = index + 1
    return spans


def organization_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, organization id, surface form) of each organization named in `text`."""
    known, by_form = _organization_pattern()
    spans = [
        (m.start(), m.end(), by_form[_normal(m.group())].id, _normal(m.group()))
        for m in known.finditer(text)
    ]
    known_spans = list(spans)
    for span in _generic_organizations(text):
        if not any(s < span[1] and span[0] < e for s, e, _, _ in known_spans):
            spans.append(span)
    return sorted(spans)


def find_organizations(article: Article) -> tuple[Organization, ...]:
    """Organizations named in the story, in order of first mention."""
    names = {entry.id: entry.name for entry in entity_lexicon().organizations}
    found: dict[str, _Found] = {}
    for block in article.story_blocks:
        for _, _, org_id, form in organization_spans(block.text):
            entry = found.setdefault(org_id, _Found(org_id, names.get(org_id, form)))
            entry.add(form, block.id)
    return tuple(
        Organization(f.id, f.name, tuple(x for x in f.forms if x != f.name), tuple(f.blocks))
        for f in found.values()
    )


def find_places(article: Article) -> tuple[Place, ...]:
    """Gazetteer places named in the story (not inside an organization's name)."""
    pattern, by_form = _place_pattern()
    found: dict[str, _Found] = {}
    for block in article.story_blocks:
        orgs = organization_spans(block.text)
        for match in pattern.finditer(block.text):
            if any(s < match.end() and match.start() < e for s, e, _, _ in orgs):
                continue
            entry = by_form[_normal(match.group())]
            found.setdefault(entry.id, _Found(entry.id, entry.name)).add(entry.name, block.id)
    return tuple(Place(f.id, f.name, tuple(f.blocks)) for f in found.values())
