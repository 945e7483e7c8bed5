"""The accuracy bars the issue sets, measured on the annotated fixtures (see tests/scoring.py).

The bars hold the seed and the three NASA fixtures (scoring.FIXTURES) only. The development
corpus (tests/fixtures/corpus/) is scored per kind by scripts/score_extraction.py; its bars are
added here when the rules meet them. Hold-out articles (_HOLDOUT and the batches of
scoring.HOLDOUT_BATCHES) are scored but not gated.
"""

from __future__ import annotations

from functools import cache

import pytest
from scoring import (
    ARTICLES,
    EXPECTED,
    HOLDOUT_BATCHES,
    KINDS,
    Report,
    Score,
    all_holdout_articles,
    by_kind,
    corpus,
    holdout_articles,
    load_article,
    nasa_total,
    report_all,
    score_all,
    total,
)

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


# --- people and roles on the development corpus, per kind (i12people) ------------------------
# Every article of tests/fixtures/corpus/ with a people.yml, summed per kind (scoring.KINDS).
# Bars from issue 12: people precision ≥ 0.95 and recall ≥ 0.90 on every kind, no card for a
# non-person, roles ≥ 0.85. Kinds listed in _ROLE_RECALL_GAPS do not meet that bar yet; each is
# explained in the README's people table, and is removed from the list when it does.
_ROLE_RECALL_GAPS: dict[str, str] = {
    "sport": "descriptions, not titles, with no name beside them ('watching a gifted athlete', "
    "'he was part of the initial wave of Black players')",
}


# Hold-out articles (i12holdout; tests/fixtures/corpus/SOURCES-holdout.md): annotated before any
# generator run on them to check how the rules generalise. scripts/score_extraction.py scores
# them with every other article, but the bars above do not gate them yet (they would fail on
# landing, by design). Remove a name here once the rules meet the bars with it included.
_HOLDOUT = frozenset(
    {
        # i12rules (12-01): the other five hold-out articles meet the bars and are gated now;
        # this one's kind misses role recall and date recall with it included.
        "dvids-armed-forces-basketball-finals",
    }
)


# Hold-out batch 2 (i12corpus; tests/fixtures/corpus/SOURCES-holdout2.md): real articles marked
# `holdout: 2` in their front matter, annotated before any run on them and kept out of rule
# tuning, so that they measure generalisation. They are scored (scripts/score_extraction.py
# prints them apart from the development corpus) but never gated: their figures are reported,
# not held to a bar, and no rule is tuned to them.
_HOLDOUT2 = holdout_articles(2)
# Hold-out batch 3 (i12corpus3; tests/fixtures/corpus/SOURCES-holdout3.md): `holdout: 3`, built
# when batch 2 was released for tuning, so that the final rules are measured on text nobody
# tuned on. Scored and printed apart; never gated. Now released for tuning, like batch 2.
_HOLDOUT3 = holdout_articles(3)
# Hold-out batch 4 (i12corpus4; tests/fixtures/corpus/SOURCES-holdout4.md): `holdout: 4`, built
# when batch 3 was released for tuning. Scored and printed apart; never gated. Now released for
# tuning, like batches 2 and 3.
_HOLDOUT4 = holdout_articles(4)
# Hold-out batch 5 (i12corpus5; tests/fixtures/corpus/SOURCES-holdout5.md): `holdout: 5`, built
# when batch 4 was released for tuning. Scored and printed apart; never gated. Now released for
# tuning, like batches 2 to 4.
_HOLDOUT5 = holdout_articles(5)
# Hold-out batch 6 (i12corpus6; tests/fixtures/corpus/SOURCES-holdout6.md): `holdout: 6`, built
# when batch 5 was released for tuning. Scored and printed apart; never gated. Now released for
# tuning, like batches 2 to 5.
_HOLDOUT6 = holdout_articles(6)
# Hold-out batch 7 (i12corpus7; tests/fixtures/corpus/SOURCES-holdout7.md): `holdout: 7`, built
# when batch 6 was released for tuning. Scored and printed apart; never gated. Now released for
# tuning, like batches 2 to 6.
_HOLDOUT7 = holdout_articles(7)
# Hold-out batch 8 (i12corpus8; tests/fixtures/corpus/SOURCES-holdout8.md): `holdout: 8`, built
# in session 7 after batch 7 was released: the unseen batch (scoring.UNSEEN_BATCH). Scored and
# printed apart; never gated, and no rule is tuned to it.
_HOLDOUT8 = holdout_articles(8)
_BATCHES = {
    2: _HOLDOUT2,
    3: _HOLDOUT3,
    4: _HOLDOUT4,
    5: _HOLDOUT5,
    6: _HOLDOUT6,
    7: _HOLDOUT7,
    8: _HOLDOUT8,
}


def test_the_holdout_articles_are_corpus_articles() -> None:
    assert set(_BATCHES) == set(HOLDOUT_BATCHES)
    assert not _HOLDOUT - set(corpus()), sorted(_HOLDOUT - set(corpus()))
    seen = set(_HOLDOUT)
    for batch, held in _BATCHES.items():  # every article is in one batch at most
        assert not seen & held, (batch, sorted(seen & held))
        seen |= held
    assert seen == _HOLDOUT | all_holdout_articles()


@pytest.mark.parametrize(
    ("batch", "held", "kinds_needed"),
    [
        (2, _HOLDOUT2, {"courts-crime", "sport", "politics", "launch-landing"}),
        (3, _HOLDOUT3, set(KINDS)),
        (4, _HOLDOUT4, set(KINDS)),
        (5, _HOLDOUT5, set(KINDS)),
        (6, _HOLDOUT6, set(KINDS)),
        (7, _HOLDOUT7, set(KINDS)),
        (8, _HOLDOUT8, set(KINDS)),
    ],
)
def test_holdout_batch_is_annotated_and_scored(
    batch: int, held: frozenset[str], kinds_needed: set[str]
) -> None:
    assert len(held) >= 8, (batch, sorted(held))
    reports = report_all()
    for name in sorted(held):
        for file in ("people.yml", "quotes.yml", "dates.yml", "keyfacts.yml"):
            assert (EXPECTED / name / file).is_file(), (name, file)
        report = reports[name]
        assert report.scores["people"] is not None and report.scores["dates"] is not None, name
        assert report.speakers is not None and report.bad_key_facts is not None, name
        assert report.non_people_carded is not None, name
    kinds = {k for n in held for k in by_kind({n: reports[n]})}
    assert kinds_needed <= kinds, (batch, kinds)


@cache
def _kind_reports() -> dict[str, Report]:
    gated = {n for n in corpus() if n not in _HOLDOUT | all_holdout_articles()}
    reports = {n: r for n, r in report_all().items() if n in gated}
    return {k: total(members.values()) for k, members in by_kind(reports).items()}


def _corpus_score(kind: str, category: str) -> Score:
    score = _kind_reports()[kind].scores[category]
    assert score is not None, f"{category} of {kind} is not annotated"
    return score


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_people_meet_the_bar_on_every_kind(kind: str) -> None:
    score = _corpus_score(kind, "people")
    assert score.tp > 0
    assert score.precision >= 0.95 and score.recall >= 0.90, (kind, score)


@pytest.mark.parametrize("kind", KINDS)
def test_no_card_for_a_non_person_on_any_kind(kind: str) -> None:
    carded = _kind_reports()[kind].non_people_carded
    assert carded is not None, f"{kind}: no non_people annotated"
    assert carded == (), kind


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_roles_meet_the_bar_on_every_kind(kind: str) -> None:
    score = _corpus_score(kind, "roles")
    assert score.precision >= 0.85, (kind, score)
    if kind not in _ROLE_RECALL_GAPS:
        assert score.recall >= 0.85, (kind, score)


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_ages_are_as_the_article_gives_them_on_every_kind(kind: str) -> None:
    score = _corpus_score(kind, "ages")
    assert score.precision == 1.0 and score.recall >= 0.90, (kind, score)


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_organizations_of_people_are_mostly_right_on_every_kind(kind: str) -> None:
    # Recall is no bar yet (see the README's Extraction section); a wrong organization is.
    score = _corpus_score(kind, "organizations")
    assert score.precision >= 0.80, (kind, score)


def test_corpus_roles_meet_the_bar_overall() -> None:
    score = sum((_corpus_score(k, "roles") for k in _kind_reports()), Score())
    assert score.precision >= 0.95 and score.recall >= 0.85, score


# --- quotes, dates and key facts on the development corpus, per kind (i12speech) ---------------
# Bars from issue 12: ≥ 0.90 of attributed quotations with the right speaker and none wrong (null
# allowed), no term shown as a voice; dates ≥ 0.90 found and none wrong; no key fact the article
# does not state about its flight. Kinds in _DATE_RECALL_GAPS miss the recall bar, explained.
_DATE_RECALL_GAPS: dict[str, str] = {}


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_quote_speakers_meet_the_bar_on_every_kind(kind: str) -> None:
    report = _kind_reports()[kind]
    assert report.speakers is not None, f"{kind}: no quotes annotated"
    assert report.speakers.wrong == 0, (kind, report.speakers)
    assert report.speakers.right_rate >= 0.90, (kind, report.speakers)


@pytest.mark.parametrize("kind", KINDS)
def test_no_term_shown_as_a_voice_on_any_kind(kind: str) -> None:
    assert _kind_reports()[kind].terms_as_voices == (), kind


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_dates_meet_the_bar_on_every_kind(kind: str) -> None:
    report = _kind_reports()[kind]
    assert report.dates_wrong == (), (kind, report.dates_wrong)
    score = _corpus_score(kind, "dates")
    if kind not in _DATE_RECALL_GAPS:
        assert score.recall >= 0.90, (kind, score)


def test_corpus_dates_meet_the_bar_overall() -> None:
    score = sum((_corpus_score(k, "dates") for k in _kind_reports()), Score())
    assert score.recall >= 0.95 and score.fp == 0, score


@pytest.mark.parametrize("kind", KINDS)
def test_no_key_fact_the_article_does_not_state_on_any_kind(kind: str) -> None:
    assert _kind_reports()[kind].bad_key_facts == (), kind
