"""The development corpus's hand annotations hang together with the articles they describe.

Every block an annotation names exists and holds what the annotation says it holds: a quotation's
words, a date's expression, a person's name or alias. (This checks the annotations, not the
generator: it only runs the reader.)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from anyascii import anyascii
from scoring import EXPECTED, KINDS, corpus

from generator.read import read_seed, slugify

ANNOTATED = sorted(n for n in corpus() if (EXPECTED / n).is_dir())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _load(name: str, file: str) -> Any:
    path = EXPECTED / name / file
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def _blocks(name: str) -> dict[str, str]:
    path: Path = corpus()[name][0]
    return {b.id: _flat(b.text) for b in read_seed(path).blocks}


def test_the_corpus_covers_the_space_kinds() -> None:
    kinds = {kind for _, kind in corpus().values()}
    assert {"launch-landing", "space-journalism", "science-health"} <= kinds <= set(KINDS)


@pytest.mark.parametrize("name", ANNOTATED)
def test_quotations_are_in_their_blocks(name: str) -> None:
    blocks = _blocks(name)
    for quote in _load(name, "quotes.yml") or ():
        assert quote["block"] in blocks, quote
        assert _flat(quote["text"]) in blocks[quote["block"]], quote["text"]


@pytest.mark.parametrize("name", ANNOTATED)
def test_date_expressions_are_in_their_blocks(name: str) -> None:
    blocks = _blocks(name)
    for date in _load(name, "dates.yml") or ():
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date["date"])), date
        assert date["block"] in blocks, date
        assert _flat(str(date["expression"])).lower() in blocks[date["block"]].lower(), date


@pytest.mark.parametrize("name", ANNOTATED)
def test_people_are_named_in_the_blocks_listed(name: str) -> None:
    blocks = _blocks(name)
    people = _load(name, "people.yml") or {}
    for person in people.get("people") or ():
        forms = [person["name"], *(person.get("aliases") or ())]
        forms += [f.split()[-1] for f in forms]  # "Dr. Jane Roe" may be "Roe" in a block
        for block in person.get("blocks") or ():
            assert block in blocks, (person["id"], block)
            assert any(f in blocks[block] for f in forms), (person["id"], block)


@pytest.mark.parametrize("name", ANNOTATED)
def test_key_facts_say_whether_a_flight_is_reported(name: str) -> None:
    keyfacts = _load(name, "keyfacts.yml")
    if keyfacts is None:
        pytest.skip("no keyfacts.yml")
    assert isinstance(keyfacts.get("about_flight"), bool)
    assert isinstance(keyfacts.get("facts") or {}, dict)
    if not keyfacts["about_flight"]:
        assert not keyfacts.get("facts"), "an article that reports no flight allows no facts"


@pytest.mark.parametrize("name", sorted(corpus()))
def test_every_corpus_article_is_fully_annotated(name: str) -> None:
    for file in ("people.yml", "quotes.yml", "dates.yml", "keyfacts.yml"):
        assert (EXPECTED / name / file).is_file(), f"{name}/{file}"


@pytest.mark.parametrize("name", ANNOTATED)
def test_person_ids_are_slugs_of_the_full_name_nickname_included(name: str) -> None:
    """The lead's rule (TEAM-NOTES 07:40, 08:05): "Henry “Hank” Aaron" is henry-hank-aaron.

    A letter slugify drops (the Turkish dotless "ı") may be transliterated instead (anyascii:
    "Alper Gezeravcı" is alper-gezeravci), as issue 12 asks of ids in any script."""
    people = _load(name, "people.yml") or {}
    for person in people.get("people") or ():
        expected = slugify(str(person["name"]))
        if expected:  # a name in another script needs a transliteration: not checked here
            transliterated = slugify(anyascii(str(person["name"])))
            assert person["id"] in (expected, transliterated), person["name"]
