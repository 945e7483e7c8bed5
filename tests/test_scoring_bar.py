"""The accuracy bars the issue sets, measured on the annotated fixtures (see tests/scoring.py).

The bars hold the seed and the three NASA fixtures (scoring.FIXTURES) only. The development
corpus (tests/fixtures/corpus/) is scored per kind by scripts/score_extraction.py; its bars are
added here when the rules meet them.
"""

from __future__ import annotations

from functools import cache

import pytest
from scoring import ARTICLES, EXPECTED, Score, load_article, nasa_total, score_all

from generator.analyse import analyse

SEED = "first-film-in-orbit"
PEOPLE_ANNOTATED = all((EXPECTED / name / "people.yml").is_file() for name in ARTICLES)


@cache
def _scores() -> dict[str, dict[str, Score | None]]:
    return score_all()


def _score(name: str, category: str) -> Score:
    score = nasa_total(_scores(), category) if name == "nasa" else _scores()[name][category]
    assert score is not None, f"{category} of {name} is not annotated"
    return score


def test_nasa_quote_speakers_meet_the_bar() -> None:
    score = _score("nasa", "quote speakers")
    assert score.tp > 0
    assert score.recall >= 0.9 and score.precision >= 0.95, score


def test_every_seed_quote_speaker_is_exact() -> None:
    assert _score(SEED, "quote speakers") == Score(tp=11), _score(SEED, "quote speakers")


def test_every_seed_date_is_exact() -> None:
    assert _score(SEED, "dates") == Score(tp=5), _score(SEED, "dates")


def test_nasa_dates_meet_the_bar() -> None:
    score = _score("nasa", "dates")
    assert score.recall >= 0.9 and score.precision >= 0.95, score


def test_seed_themes_meet_the_bar() -> None:
    score = _score(SEED, "themes")
    assert score.recall >= 0.9 and score.precision >= 0.9, score


def test_nasa_releases_have_no_film_page() -> None:
    for name in ARTICLES:
        if name.startswith("nasa_"):
            assert analyse(load_article(name)).themes["film"] == (), name


@pytest.mark.skipif(not PEOPLE_ANNOTATED, reason="tests/fixtures/expected/*/people.yml absent")
@pytest.mark.parametrize("category", ["people", "roles"])
@pytest.mark.parametrize("where", ["nasa", SEED])
def test_people_meet_the_bar(category: str, where: str) -> None:
    score = _score(where, category)
    assert score.recall >= 0.9 and score.precision >= 0.95, score
