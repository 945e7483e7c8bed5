"""The scorer itself (tests/scoring.py): what counts as right, wrong, invented, per kind."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import scoring
from scoring import KINDS, Report, Score, Speakers, aligned_roles, by_kind, corpus, report, total

from generator.model import Article, Block, Facts, KeyFact, Organization, Person, Quote

ANNOTATION = {
    "people.yml": """
people:
  - {id: jane-roe, name: Jane Roe, aliases: [Roe], roles: [judge], age: 61,
     organizations: [high-court], blocks: [b1]}
  - {id: john-doe, name: John Doe, aliases: [], roles: [], age: null, organizations: [],
     blocks: [b2]}
organizations:
  - {id: high-court, name: High Court, aliases: [the Court], blocks: [b1]}
non_people: [Clean Air Act, S.S. Patricia “Patty” Robertson]
""",
    "quotes.yml": """
- {block: b1, speaker: jane-roe, text: "The law is clear."}
- {block: b2, speaker: john-doe, text: "We will appeal."}
- {block: b2, speaker: null, text: "No comment at this time."}
""",
    "dates.yml": """
- {date: "2024-03-04", block: b1, expression: on March 4}
""",
    "keyfacts.yml": """
about_flight: true
facts:
  spacecraft: Cygnus
  rocket: [Falcon 9, SpaceX Falcon 9]
  launch_site: [Cape Canaveral Space Force Station, Space Launch Complex 40]
""",
}


@pytest.fixture
def annotated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    folder = tmp_path / "expected" / "case"
    folder.mkdir(parents=True)
    for file, text in ANNOTATION.items():
        (folder / file).write_text(text, encoding="utf-8")
    monkeypatch.setattr(scoring, "EXPECTED", tmp_path / "expected")
    return "case"


def _facts(**kwargs: object) -> Facts:
    article = Article(
        slug="case",
        title="Case",
        published=dt.date(2024, 3, 5),
        path="case.md",
        blocks=(Block("b1", "paragraph", "x", 1), Block("b2", "paragraph", "y", 3)),
    )
    return Facts(article=article, **kwargs)  # type: ignore[arg-type]


def test_people_roles_ages_and_organizations_by_annotated_id(annotated: str) -> None:
    facts = _facts(
        people=(
            Person("jane-roe", "Jane Roe", roles=("Judge", "chair"), age=61, organizations=("c",)),
            Person("clean-air-act", "Clean Air Act"),
        ),
        # The generator's own id for the court: matched to the annotation by its alias.
        organizations=(Organization("c", "Court", aliases=("the Court",)),),
    )
    r = report(annotated, facts)
    assert r.scores["people"] == Score(tp=1, fp=1, fn=1)
    assert r.scores["roles"] == Score(tp=1, fp=1, fn=0)
    assert r.scores["ages"] == Score(tp=1)
    assert r.scores["organizations"] == Score(tp=1)
    assert r.non_people_carded == ("Clean Air Act",)


def test_a_nickname_spacecraft_is_a_non_person_in_any_quote_style(annotated: str) -> None:
    facts = _facts(people=(Person("x", 'S.S. Patricia "Patty" Robertson'),))
    assert report(annotated, facts).non_people_carded == ('S.S. Patricia "Patty" Robertson',)


def test_organizations_places_fragments_and_holders_of_non_people_count(annotated: str) -> None:
    facts = _facts(
        people=(
            Person("high-court", "High Court"),  # an annotated organization
            Person("patty-robertson", "Patty Robertson"),  # a fragment of a spacecraft's name
            Person("clean-air", "Clean Air"),  # a fragment of a law's name
            Person("x", "Clean Air Act High Court"),  # two non-people glued together
            Person("y", "High Court Judge Mary Major"),  # a broken name, not a non-person
            Person("jane-roe", "Jane Roe", aliases=("High Court",)),  # annotated: never counts
            Person("karen-fox", "Karen Fox"),  # a person, only not of the story
        )
    )
    assert report(annotated, facts).non_people_carded == (
        "High Court",
        "Patty Robertson",
        "Clean Air",
        "Clean Air Act High Court",
    )


def test_speakers_right_wrong_null_and_terms_shown_as_voices(annotated: str) -> None:
    facts = _facts(
        quotes=(
            Quote("The law is clear.", "jane-roe", "b1"),  # right
            Quote("We will appeal.", None, "b2"),  # null: allowed, not right
            Quote("No comment at this time.", "jane-roe", "b2"),  # a guess: wrong
            Quote("rogue", None, "b1"),  # a term, not a voice
        )
    )
    r = report(annotated, facts)
    assert r.speakers == Speakers(
        right=1,
        wrong=1,
        null=1,
        attributed=2,
        wrong_items=("b2 “No comment at this time.…”: None → jane-roe",),
    )
    assert r.speakers.right_rate == 0.5
    assert r.terms_as_voices == ("rogue",)


def test_a_quotation_is_matched_without_the_comma_that_ends_it() -> None:
    """An annotation that keeps the comma of “My momma knitted this,” matches the voice shown
    without it (a voice's text drops its closing comma); the words themselves still count."""
    assert scoring._quote_key("b8", "My momma knitted this,") == scoring._quote_key(
        "b8", "My momma knitted this"
    )
    assert scoring._quote_key("b8", "My momma knitted") != scoring._quote_key(
        "b8", "My momma knitted this"
    )


def test_dates_found_and_wrong(annotated: str) -> None:
    from generator.model import Event

    facts = _facts(
        events=(Event("2024-03-04", "…", "b1"), Event("2024-03", "…", "b2")),
    )
    r = report(annotated, facts)
    assert r.scores["dates"] == Score(tp=1, fp=1)
    assert r.dates_wrong == ("2024-03 (b2)",)


def test_key_facts_allowed_forms_and_invented_ones(annotated: str) -> None:
    facts = _facts(
        key_facts=(
            KeyFact("spacecraft", "Cygnus", "b1"),
            KeyFact("launch_site", "Space Launch  Complex 40.", "b1"),  # another allowed form
            KeyFact("mission", "Cape", "b1"),  # cut off: invented
            KeyFact("return_date", "2024-03-04", "b1"),  # not stated: invented
        ),
        theme_sets={"spaceflight": True},  # an editor's word: the theme set applies
        themes={"mission": ("b1",)},  # so Mission (and its fact box) is built
    )
    assert report(annotated, facts).bad_key_facts == (
        "mission: Cape",
        "return_date: 2024-03-04",
    )


def test_only_the_key_facts_the_pages_show_count(annotated: str) -> None:
    """facts+ counts what the built pages show: a fact no fact box lists ("rocket") is not on
    any site; one of a page that a site of more articles builds (Mission, with passages from
    another article) is; nor is any fact of an article the theme set does not apply to."""
    key_facts = (
        KeyFact("rocket", "SpaceX Falcon", "b1"),  # in no fact box
        KeyFact("return_date", "2024-03-04", "b1"),  # on Mission, whoever gives its passages
        KeyFact("launch_date", "2024-03-01", "b1"),  # on the overview's "At a glance"
    )
    applied = _facts(key_facts=key_facts, theme_sets={"spaceflight": True})
    assert scoring.shown_key_facts(applied) == key_facts[1:]
    assert report(annotated, applied).bad_key_facts == (
        "return_date: 2024-03-04",
        "launch_date: 2024-03-01",
    )
    assert scoring.shown_key_facts(_facts(key_facts=key_facts)) == ()  # the set does not apply


def test_no_flight_means_every_fact_is_invented(annotated: str) -> None:
    keyfacts = scoring.EXPECTED / annotated / "keyfacts.yml"
    keyfacts.write_text("about_flight: false\nfacts: {}\n", encoding="utf-8")
    facts = _facts(
        key_facts=(KeyFact("spacecraft", "Cygnus", "b1"),), theme_sets={"spaceflight": True}
    )
    assert report(annotated, facts).bad_key_facts == ("spacecraft: Cygnus",)


def test_missing_files_are_not_annotated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scoring, "EXPECTED", tmp_path)
    r = report("nothing", _facts(people=(Person("a", "A"),)))
    assert r.scores["people"] is None and r.speakers is None and r.bad_key_facts is None
    assert total([r]).scores["people"] is None


def test_every_corpus_article_has_a_known_kind_and_is_grouped_by_it() -> None:
    found = corpus()
    assert found, "tests/fixtures/corpus/ holds the development corpus"
    assert all(kind in KINDS for _, kind in found.values())
    grouped = by_kind({name: report(name, _facts()) for name in found})
    assert sum(len(members) for members in grouped.values()) == len(found)


def test_a_corpus_file_without_kind_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x.md").write_text("---\ntitle: X\n---\nBody.\n", encoding="utf-8")
    monkeypatch.setattr(scoring, "CORPUS_DIR", tmp_path)
    monkeypatch.setattr(scoring, "REPO", tmp_path)
    scoring.corpus.cache_clear()
    try:
        with pytest.raises(scoring.ScoringError, match=r"x\.md: front matter needs `kind:`"):
            corpus()
    finally:
        scoring.corpus.cache_clear()


def _script() -> Any:
    import importlib.util

    path = scoring.REPO / "scripts" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_targets_are_the_issues_numbers() -> None:
    missed_targets = _script().missed_targets
    perfect = Report(
        scores={c: Score(tp=10) for c in scoring.CATEGORIES},
        speakers=Speakers(right=9, null=1, attributed=10),
        terms_as_voices=(),
        non_people_carded=(),
        bad_key_facts=(),
        dates_wrong=(),
    )
    assert missed_targets(perfect) == []
    people = Score(tp=94, fp=5, fn=0)  # precision 0.949
    dates = Score(tp=9, fn=1)
    worse = dataclasses.replace(
        perfect,
        scores={**perfect.scores, "people": people, "dates": dates},
        speakers=Speakers(right=9, wrong=1, attributed=10),
        bad_key_facts=("return_date: 2024-01-08",),
    )
    assert missed_targets(worse) == ["people", "speakers", "facts+"]


def test_the_script_prints_a_table_per_kind_and_an_overall_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_scoring_bar import _reports  # report_all() once per process, shared with the bars

    script = _script()
    monkeypatch.setattr(script, "report_all", _reports)
    assert script.main([]) == 0
    out = capsys.readouterr().out
    kinds = {kind for _, kind in corpus().values()} | {"launch-landing", "space-journalism"}
    heads = {
        line.split()[0] for line in out.splitlines() if line.split()[1:3] == ["people", "roles"]
    }
    assert heads == kinds | {"overall"}


def test_a_qualified_role_counts_as_the_annotated_office_only() -> None:
    expected: set[tuple[str | None, ...]] = {
        ("a", "assistant u.s. attorney"),
        ("b", "astronaut"),
        ("c", "u.s. attorney"),
        ("e", "ambassador"),
        ("f", "united states attorney"),
    }
    predicted: set[tuple[str | None, ...]] = {
        ("a", "former assistant u.s. attorney"),  # the office, with a time qualifier
        ("b", "u.s. astronaut"),  # the office, with a nationality
        ("c", "u.s. attorney"),  # the annotation has the qualified form: kept as it is
        ("d", "former director"),  # not annotated at all: stays wrong
        ("e", "united states ambassador"),  # "u.s." written out
        ("f", "united states attorney"),  # annotated so: kept
    }
    assert aligned_roles(predicted, expected) == {
        ("a", "assistant u.s. attorney"),
        ("b", "astronaut"),
        ("c", "u.s. attorney"),
        ("d", "former director"),
        ("e", "ambassador"),
        ("f", "united states attorney"),
    }


def test_a_card_under_another_id_of_the_same_names_is_the_annotated_person() -> None:
    """An annotation names a person 艾玮昂 (alias Cedric Alviani); the card is Cedric Alviani
    (alias 艾玮昂): the same person, scored under the annotation's id, its quotations too. A
    card whose names meet two annotated people, or none, keeps its id."""
    people_file = {
        "people": [
            {"id": "aiweiang", "name": "艾玮昂", "aliases": ["Cedric Alviani"]},
            {"id": "jane-roe", "name": "Jane Roe", "aliases": ["Roe"]},
            {"id": "john-roe", "name": "John Roe", "aliases": ["Roe"]},
        ]
    }
    article = Article("t", "T", None, "t.md", (Block("b1", "paragraph", "x", 1),))
    facts = Facts(
        article=article,
        people=(
            Person("cedric-alviani", "Cedric Alviani", ("艾玮昂",)),
            Person("roe", "Roe", ()),
        ),
        quotes=(Quote("这没有办法确定", "cedric-alviani", "b1"),),
    )
    renamed = scoring.with_annotated_ids(facts, people_file)
    assert [p.id for p in renamed.people] == ["aiweiang", "roe"]
    assert [q.speaker for q in renamed.quotes] == ["aiweiang"]
