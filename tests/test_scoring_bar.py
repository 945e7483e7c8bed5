"""The accuracy bars the issue sets, measured on the annotated fixtures (see tests/scoring.py).

The bars hold the seed and the three NASA fixtures (scoring.FIXTURES) only. The development
corpus (tests/fixtures/corpus/) is scored per kind by scripts/score_extraction.py; its bars are
added here when the rules meet them. Hold-out articles (_HOLDOUT and the batches of
scoring.HOLDOUT_BATCHES) are held to no issue bar; a released batch in _RELEASED_FLOORS keeps
its per-kind figures of the day it was released as floors (the unseen batch has none).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

import pytest
from scoring import (
    ARTICLES,
    EXPECTED,
    HOLDOUT_BATCHES,
    KINDS,
    UNSEEN_BATCH,
    Report,
    Score,
    Speakers,
    all_holdout_articles,
    by_kind,
    corpus,
    holdout_articles,
    kind,
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


@cache
def _reports() -> dict[str, Report]:
    """scoring.report_all() once per process: every test below reads the same reports (frozen
    dataclasses of a pure analysis), so each batch and kind no longer scores the corpus anew."""
    return report_all()


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


# Hold-out batches (scoring.HOLDOUT_BATCHES; tests/fixtures/corpus/SOURCES-holdout<N>.md): real
# articles marked `holdout: N` in their front matter, annotated before any run on them. Each was
# built as the unseen batch (scoring.UNSEEN_BATCH: scored and printed apart, never gated, no rule
# tuned to it), scored untuned and then released for tuning when the next batch was built
# (batch 12, i12corpus12, session 11, was released in session 12; batch 13, corpus13, session
# 13, in session 14; batch 14, corpus14, session 14, also in session 14; batch 16, corpus16,
# when batches 17 and 18 were built); batch 17 (corpus17, built beside batch 18) was released
# in session 15, batches 18 and 19 (corpus18, corpus19) in session 16, when batches 19 and 20
# were built, batch 20 (corpus20, built beside batch 19) when batch 21 was built, batch 21
# (corpus21) when batch 22 was built, and batch 22 (corpus22) when batch 23 was built; batch 23
# (corpus23) is the unseen one now. Batch 2 (i12corpus) was built before batches had to cover
# every kind; batches 3 to 14 and 16 to 23 (i12corpus3 to i12corpus12, corpus13, corpus14,
# corpus16 to corpus23) cover them all.
_BATCHES = {batch: holdout_articles(batch) for batch in HOLDOUT_BATCHES}
# Batch 15 (zh15, session 14) is the corpus's first Chinese-language batch: six VOA Chinese
# stories over the kinds its brief asked for (space, politics, business, science-health, sport;
# no court story was found that the project may ship). Batch 24 (zh24) is the second: eight VOA
# Chinese technology and internet stories (business, politics and one launch; the stored pages
# held no court, science, space-journalism or sport story of that shape, SOURCES-holdout24.md).
_KINDS_NEEDED = {
    2: {"courts-crime", "sport", "politics", "launch-landing"},
    15: set(KINDS) - {"courts-crime"},
    24: {"business-regulation", "politics", "launch-landing"},
}
_ARTICLES_NEEDED = {15: 6}


def test_the_holdout_articles_are_corpus_articles() -> None:
    assert set(_BATCHES) == set(HOLDOUT_BATCHES) and all(_BATCHES.values()), _BATCHES
    assert not _HOLDOUT - set(corpus()), sorted(_HOLDOUT - set(corpus()))
    seen = set(_HOLDOUT)
    for batch, held in _BATCHES.items():  # every article is in one batch at most
        assert not seen & held, (batch, sorted(seen & held))
        seen |= held
    assert seen == _HOLDOUT | all_holdout_articles()


@pytest.mark.parametrize("batch", HOLDOUT_BATCHES)
def test_holdout_batch_is_annotated_and_scored(batch: int) -> None:
    held = _BATCHES[batch]
    assert len(held) >= _ARTICLES_NEEDED.get(batch, 8), (batch, sorted(held))
    reports = _reports()
    for name in sorted(held):
        for file in ("people.yml", "quotes.yml", "dates.yml", "keyfacts.yml"):
            assert (EXPECTED / name / file).is_file(), (name, file)
        report = reports[name]
        assert report.scores["people"] is not None and report.scores["dates"] is not None, name
        assert report.speakers is not None and report.bad_key_facts is not None, name
        assert report.non_people_carded is not None, name
    kinds = {k for n in held for k in by_kind({n: reports[n]})}
    assert _KINDS_NEEDED.get(batch, set(KINDS)) <= kinds, (batch, kinds)


# Floors of a released hold-out batch, per kind: its figures when it was released (the rules it
# was last scored on as the unseen batch), written as scripts/score_extraction.py prints the
# kind's row (people, roles, ages, orgs P/R; speakers right/attributed and wrong; voices+; dates
# recall and wrong; non-ppl; facts+). Tuning may raise a figure, never lower one: a precision,
# recall or right count below its floor, or a count of wrong items above it, fails. Raise a
# floor when the rules get better (the README's batch section says by how much).
_RELEASED_FLOORS: dict[int, dict[str, str]] = {
    # Batch 8 (i12corpus8), released in session 8: its rows on main 731f40d (session 7's rules),
    # people, roles and non-people raised by i12people9's name rules (session 8).
    # Sport roles raised by i12roles11 (session 10: "reserve guard X").
    8: {
        "launch-landing": "1.00/1.00 0.92/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 1",
        "space-journalism": "1.00/1.00 1.00/0.67 1.00/0.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 0.80/0.80 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 0.86/0.86 1.00/0.50 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 0.00/0.00 1.00/1.00 1.00/0.00 0/0 w0 1 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 3/3 w0 0 1.00 w0 0 0",
    },
    # Batch 9 (i12corpus9), released in session 9: its rows on main 2fd6be8 (session 8's rules,
    # the same row for row as its untuned score on main 731f40d); speakers and voices+ raised by
    # i12voices10's quote rules; people, orgs and non-ppl by i12people10's; roles and ages by
    # i12roles10's (session 9).
    # Batch 9's dates and key facts raised by i12facts10 (session 9): dates 1.00 w0, facts+ 0.
    # Courts-crime roles and orgs, space-journalism roles raised by i12roles11 (session 10).
    9: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 0.50/0.33 3/3 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/1.00 1.00/0.97 1.00/1.00 1.00/0.82 25/26 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 10/10 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 2/2 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/0.50 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 3/3 w0 0 1.00 w0 0 0",
    },
    # Batch 10 (i12corpus10), released in session 10: its rows on main 61a18c7 (session 9's rules,
    # the same row for row as its score after session 9's tuning on main ea92526); roles (and
    # the organizations they carry) raised by i12roles11's rules (session 10).
    10: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/0.93 1.00/0.56 1.00/1.00 1.00/0.50 12/17 w0 0 0.94 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.88 9/9 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/0.83 1.00/1.00 1.00/0.67 4/4 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 2/2 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 1/1 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 2/2 w0 0 1.00 w0 0 0",
    },
    # Batch 11 (i12corpus11), released in session 11: its rows on main 80aee89 (session 10's
    # rules, the same row for row as its score after session 10's tuning on main 0f1a46d).
    # Organizations raised by i12people12's rules (session 11) in batches 9, 10 and 11.
    # Politics people and sport orgs raised by i12people12 (session 11: "President Lee Myung-bak",
    # a Korean given name; "the Army’s head coach X" after "Army defeated Navy", the team's).
    # Business-regulation roles raised by roles13 (session 13: "Team members: A, B, and C"),
    # politics and science-health roles by its role words ("President-elect", "platform scientist").
    11: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/1.00 0.80/0.50 1.00/1.00 1.00/0.40 12/12 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 0.90/1.00 1.00/1.00 1.00/0.00 3/3 w0 0 0.80 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/1.00 1.00/0.50 1.00/1.00 4/4 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/0.94 1.00/0.89 1.00/1.00 1.00/0.89 3/3 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 6/6 w0 0 1.00 w0 0 0",
        "sport": "1.00/0.67 1.00/0.33 1.00/1.00 1.00/1.00 4/4 w0 0 1.00 w0 0 0",
    },
    # Batch 12 (i12corpus12), released in session 12: its rows on main cd6d20f (session 11's
    # rules, the same row for row as its untuned score on main 74620a1). Dates wrong lowered
    # by dates13 (session 13): science-health w5 -> w0 ("Since December 2022" sets no year),
    # launch-landing w1 -> w0 ("the Sunday attempt" is the Sunday written before); facts+
    # space-journalism 2 -> 0 (nasa-490 and nasa-796 no longer framed as flights); voices+
    # space-journalism 2 -> 1 ("official title is “…”" is a title). Raised where session 13's
    # rules raised them (organizations in brackets after a name, romanized given names, roles).
    # Space-journalism roles 0.77/0.45 -> 0.81/0.59 (session 14: a plural role after a list of
    # titled groups, "A and B, and UAE astronaut C all served as flight engineers"); speakers
    # space-journalism 19 -> 20 of 21 (a first-person quotation after one sentence of
    # narration), launch-landing 0 -> 1 of 1 with roles and orgs 0.00 -> 1.00 ("Mike Curie, NASA
    # launch commentator reported": role words commentator, launch commentator, announcer,
    # correspondent; an apposition left open before the verb). Space-journalism dates 0.75 ->
    # 0.88 ("(1966) — Portrait of …", a caption's bracketed year); business-regulation roles
    # 0.50 -> 1.00, orgs 0.57 -> 0.64 ("Mark Vande Hei (NESC Chief Astronaut)": chief astronaut).
    12: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 1/1 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/1.00 0.81/0.59 1.00/1.00 1.00/0.25 20/21 w0 1 0.88 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/0.88 1.00/1.00 1.00/1.00 1.00/0.64 0/0 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.50 2/2 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/0.75 1.00/1.00 1.00/1.00 4/4 w0 0 1.00 w0 0 0",
    },
    # Batch 13 (corpus13), released in session 14: its rows after session 14's rules (main,
    # batch13 rules), raised from its untuned rows on main 34050a3 (people 0.82/0.88 -> 1.00/0.94,
    # roles 0.82/0.69 -> 1.00/0.92, orgs 0.64/0.88 -> 1.00/0.88, dates w3 -> w1, non-ppl 2 -> 0).
    13: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.75 0/0 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/0.50 1.00/0.50 1.00/1.00 1.00/1.00 1/3 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w1 0 0",
    },
    # Batch 14 (corpus14), released in session 14 (batch 16 built as the next unseen one): its
    # rows after the rules tuned on it (untuned on main 29d67e9's generator: people 0.91/0.86,
    # roles 0.65/0.62, speakers 5/13, voices+ 3, dates 0.90, non-ppl 3, facts+ 1; now 1.00/0.94,
    # 0.95/0.88, 13/13, 1, 1.00, 0, 0).
    14: {
        "launch-landing": "1.00/1.00 1.00/0.86 1.00/1.00 1.00/0.50 0/0 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/0.86 1.00/1.00 1.00/1.00 1.00/0.00 4/4 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.67 0/0 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.50 1/1 w0 1 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 0.80/0.67 1.00/1.00 0.83/0.56 2/2 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "sport": "1.00/0.88 1.00/1.00 1.00/1.00 1.00/1.00 6/6 w0 0 1.00 w0 0 0",
    },
    # Batch 16 (corpus16), released in session 15: its rows after the session's rules tuned on it
    16: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 0.75 w0 0 0",
        "space-journalism": "1.00/1.00 0.86/0.86 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.50 0/0 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 4/4 w0 0 0.88 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.75 4/4 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.50 2/2 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
    },
    # Batch 17 (corpus17), released in session 15: its rows after the session's rules tuned on it
    17: {
        "launch-landing": "1.00/1.00 1.00/0.83 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 1",
        "space-journalism": "1.00/1.00 0.91/0.83 1.00/1.00 0.91/0.62 6/6 w0 0 1.00 w2 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w3 0 0",
        "courts-crime": "1.00/1.00 1.00/0.80 1.00/1.00 1.00/0.00 4/5 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/0.67 1.00/1.00 1.00/0.58 6/6 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 0.83/1.00 1.00/1.00 1.00/0.60 6/6 w0 0 1.00 w0 0 0",
        "sport": "1.00/0.50 1.00/1.00 1.00/1.00 1.00/0.50 2/2 w0 0 1.00 w3 0 0",
    },
    # Batch 18 (corpus18), released in session 16: its rows after the session's rules tuned on it
    18: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.67 4/4 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.50 0/0 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 1/1 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/0.50 1.00/1.00 1.00/0.33 2/2 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.75 6/6 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.00 7/7 w0 0 1.00 w0 0 0",
    },
    # Batch 19 (corpus19), released in session 16 (batch 20 the unseen one): its rows after the
    # session's rules tuned on it
    19: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 1",
        "space-journalism": "1.00/0.83 1.00/0.60 1.00/1.00 1.00/1.00 6/7 w0 0 0.83 w2 0 0",
        "politics": "1.00/1.00 0.67/0.67 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.00 1/1 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/0.67 1.00/1.00 1.00/0.75 6/6 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/0.50 1.00/1.00 1.00/1.00 2/2 w0 0 1.00 w0 0 0",
        "sport": "1.00/0.86 1.00/0.20 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w1 0 0",
    },
    # Batch 20 (corpus20), released in session 17 (batch 21 built): its rows after the
    # session's rules tuned on it (untuned: people 0.84/0.97, roles 0.73/0.64, speakers 8/11 w1)
    20: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/1.00 1.00/1.00 1.00/1.00 0.83/1.00 0/0 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 3/3 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/0.78 1.00/1.00 0.67/0.67 4/4 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 1 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 4/4 w0 0 1.00 w0 0 0",
    },
    # Batch 21 (corpus21), released in session 17 (batch 22 the unseen one): its rows after
    # the session's rules tuned on it (untuned: people 0.86/0.91, speakers 21/29 w4)
    21: {
        "launch-landing": "1.00/1.00 0.93/0.93 1.00/1.00 1.00/0.92 0/0 w0 0 0.94 w0 0 0",
        "space-journalism": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.00 6/6 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 0.89/1.00 1.00/1.00 1.00/0.31 6/6 w0 0 0.94 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/0.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/0.40 1.00/1.00 1.00/0.00 4/4 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/0.71 1.00/1.00 1.00/0.57 7/8 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 5/5 w0 0 0.82 w0 0 0",
    },
    # Batch 22 (corpus22), released in session 18 (batch 23 the unseen one): its rows after
    # the session's rules (untuned, as the unseen batch of session 17: people 1.00/1.00, roles
    # 1.00/0.75, speakers 27/28 w0, dates 0.77 w1)
    22: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 0.83/0.56 4/4 w0 0 0.83 w0 0 0",
        "space-journalism": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 2/2 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.43 8/8 w0 0 0.89 w0 0 0",
        "courts-crime": "1.00/1.00 1.00/0.67 1.00/1.00 1.00/0.00 0/0 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/0.40 4/4 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/0.00 1.00/1.00 1.00/1.00 3/3 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/0.40 1.00/1.00 1.00/0.50 6/7 w0 1 0.50 w1 0 0",
    },
    # Batch 24 (zh24, Chinese-language technology and internet stories), released as it was
    # built in session 18: its rows after the session's Chinese rules (untuned, 7d2e44e's:
    # people 0.56/0.56, roles 0.56/0.56, speakers 0/7 w2, one non-person)
    24: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 2/2 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/0.83 1.00/0.83 1.00/1.00 1.00/0.33 4/5 w0 0 1.00 w2 0 0",
    },
    # Batch 15 (zh15, Chinese-language), released as it was built: untuned, the English rules
    # found nothing (people 1.00/0.00 where anyone is named, speakers 0/2, dates 0.00); these
    # are its rows with zh15's Chinese rules (dates_zh, people_zh, quotes_zh), and since session
    # 18 the organization written before a role (people_zh.with_organizations_zh: orgs 1.00/0.00
    # → 1.00/1.00).
    15: {
        "launch-landing": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "space-journalism": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "politics": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "business-regulation": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "science-health": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 0/0 w0 0 1.00 w0 0 0",
        "sport": "1.00/1.00 1.00/1.00 1.00/1.00 1.00/1.00 2/2 w0 0 1.00 w0 0 0",
    },
}
_FLOOR_ROW = re.compile(
    r"(?P<people>\S+) (?P<roles>\S+) (?P<ages>\S+) (?P<orgs>\S+) "
    r"(?P<right>\d+)/\d+ w(?P<wrong>\d+) (?P<voices>\d+) (?P<dates>[\d.]+) w(?P<dates_wrong>\d+) "
    r"(?P<non_people>\d+) (?P<facts>\d+)"
)


def _below_floor(report: Report, row: str) -> list[str]:
    """What of one kind's report falls below its floor row (an empty list: it holds)."""
    floor = _FLOOR_ROW.fullmatch(row)
    assert floor is not None, f"floor row not in the score table's form: {row!r}"
    below: list[str] = []
    for column, category in (
        ("people", "people"),
        ("roles", "roles"),
        ("ages", "ages"),
        ("orgs", "organizations"),
    ):
        score = report.scores[category]
        assert score is not None, f"{category} not annotated"
        precision, recall = (float(x) for x in floor[column].split("/"))
        if round(score.precision, 2) < precision or round(score.recall, 2) < recall:
            below.append(f"{column} {score.precision:.2f}/{score.recall:.2f} < {floor[column]}")
    speakers, dates = report.speakers, report.scores["dates"]
    assert speakers is not None and dates is not None
    if speakers.right < int(floor["right"]) or speakers.wrong > int(floor["wrong"]):
        below.append(f"speakers {speakers.right} right, {speakers.wrong} wrong")
    if round(dates.recall, 2) < float(floor["dates"]):
        below.append(f"dates {dates.recall:.2f} < {floor['dates']}")
    for label, items, limit in (
        ("dates wrong", report.dates_wrong, "dates_wrong"),
        ("voices+", report.terms_as_voices, "voices"),
        ("non-ppl", report.non_people_carded, "non_people"),
        ("facts+", report.bad_key_facts, "facts"),
    ):
        assert items is not None, f"{label} not annotated"
        if len(items) > int(floor[limit]):
            below.append(f"{label} {len(items)} > {floor[limit]}")
    return below


def test_the_floors_name_released_batches_and_every_kind() -> None:
    for batch, rows in _RELEASED_FLOORS.items():
        assert batch in HOLDOUT_BATCHES and batch != UNSEEN_BATCH, batch
        assert set(rows) == _KINDS_NEEDED.get(batch, set(KINDS)), (batch, sorted(rows))


def test_a_row_below_its_floor_is_reported() -> None:
    row = _RELEASED_FLOORS[8]["sport"]
    sport = total(r for n, r in _reports().items() if n in _BATCHES[8] and kind(n) == "sport")
    assert _below_floor(sport, row) == []
    worse = dataclasses.replace(sport, terms_as_voices=("“a term”",), speakers=Speakers())
    assert _below_floor(worse, row) == ["speakers 0 right, 0 wrong", "voices+ 1 > 0"]


@pytest.mark.parametrize(
    ("batch", "kind_name"), [(b, k) for b, rows in _RELEASED_FLOORS.items() for k in rows]
)
def test_a_released_batch_keeps_its_floors(batch: int, kind_name: str) -> None:
    reports = _reports()
    members = [r for n, r in reports.items() if n in _BATCHES[batch] and kind(n) == kind_name]
    assert members, (batch, kind_name)
    assert _below_floor(total(members), _RELEASED_FLOORS[batch][kind_name]) == [], (
        batch,
        kind_name,
    )


@cache
def _kind_reports() -> dict[str, Report]:
    gated = {n for n in corpus() if n not in _HOLDOUT | all_holdout_articles()}
    reports = {n: r for n, r in _reports().items() if n in gated}
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
