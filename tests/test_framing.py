"""Framing follows content: the neutral core for any story, the spaceflight theme set only for
articles that report a flight, and `generator new` for a site about another story."""

from __future__ import annotations

import dataclasses
import functools
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from scoring import HOLDOUT_BATCHES, holdout_articles
from support import ARTICLES, REPO, SEED, mkdocs_build

from generator.analyse import analyse
from generator.analyse.themes import assign_themes
from generator.analyse.themesets import (
    evidence_sentences,
    load_core,
    load_theme_sets,
    theme_set_from_data,
    with_theme_set_facts,
)
from generator.cli import main
from generator.compose import Page, compose_site
from generator.read import read_seed
from generator.render import render_page
from generator.site import SiteConfig

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
# A made-up court story in the shape of a wire report (names, ages, quotes, dates, officials).
COURT_STORY = """\
---
title: Former county treasurer sentenced to six years for pension fraud
published: 2024-03-08
---

A former county treasurer was sentenced on Thursday to six years in prison for stealing
$2.3 million from the county's pension fund, prosecutors said.

Judge Maria Alvarez, who presided over the trial, told the court that Robert Hale, 61, had
betrayed the retirees who trusted him. "You took the savings of people who spent their lives
serving this county," Alvarez said.

Hale, who served as treasurer from 2009 until his arrest in May 2022, pleaded guilty in
November to wire fraud and money laundering.

Assistant District Attorney Karen Liu said the sentence sent a clear message to public
officials. "No one is above the law, and no office is a hiding place," Liu said after the
hearing.

Hale's lawyer, Thomas Reed, said his client was sorry and would repay what he could. "He has
accepted responsibility from the first day," Reed said.

The county began an audit of the fund in March 2022 after a bank reported unusual transfers.
Auditors found that Hale had moved money into accounts he controlled over nine years.

Hale must report to prison on April 15.
"""
# Words of spaceflight beyond those the theme set's data holds (its titles, cues and labels).
SPACE_WORDS = (
    "orbit",
    "orbital",
    "space",
    "spaceflight",
    "flight",
    "flew",
    "fly",
    "station",
    "aboard",
    "rocket",
    "mission",
    "crew",
    "film",
    "dock",
)


@functools.cache  # the data files are the checkout's: read once, not once per site
def spaceflight_vocabulary() -> frozenset[str]:
    """Every word and phrase that would give a spaceflight frame away, from the theme set's own
    data (page titles, mission/crew/film cues, fact labels, part labels) and SPACE_WORDS.
    Context cues are left out: "programme", "critics" or "strategy" belong to any story."""
    (spaceflight,) = (s for s in load_theme_sets() if s.id == "spaceflight")
    words = {w.lower() for w in SPACE_WORDS}
    for page in spaceflight.pages:
        words.add(page.theme.title.lower())
        if page.id != "context":
            words |= {c.lower() for c in page.theme.cues}
        words |= {h.lower() for h in page.headings.values() if h}
    words |= {label.lower() for label in spaceflight.key_fact_labels.values()}
    words.add(spaceflight.part_label.lower())
    data = yaml.safe_load(
        (REPO / "generator" / "data" / "themes" / "spaceflight.yml").read_text("utf-8")
    )
    words |= {p["label"].split("{")[0].strip().lower() for p in data.get("parts") or ()}
    words.add(str(data.get("not_aboard", "")).lower())
    # What the core shows on any site ("Timeline", "Voices") is no frame, wherever it appears.
    neutral = {p.title.lower() for p in load_core().pages} | {"from the articles"}
    return frozenset(w for w in words if w and w not in neutral)


class _Text(HTMLParser):
    """What a reader (or a screen reader, or a search engine) gets from a page: its text and
    the attributes that are read out or shown (titles, labels, descriptions)."""

    READ_ATTRIBUTES = ("title", "alt", "aria-label", "content", "placeholder")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name, value in attrs:
            if name in self.READ_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def _has(phrase: str, text: str) -> bool:
    return _phrase_pattern(phrase).search(text) is not None


@functools.cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """The phrase as a whole-word, any-case pattern, compiled once (the vocabulary times three
    endings is more patterns than `re` keeps compiled)."""
    pattern = r"\s+".join(re.escape(w) for w in phrase.split())
    return re.compile(rf"(?<![\w’'-]){pattern}(?![\w’'-])", re.IGNORECASE)


def _own_words(article_text: str) -> str:
    """The article's text and the tooltips of the abbreviations it uses (generator/data/
    glossary.yml): "NASA" is explained as "National Aeronautics and Space Administration"."""
    used = [value for key, value in _glossary() if _has(key, article_text)]
    return " ".join([article_text, *used])


@functools.cache  # read once, as spaceflight_vocabulary
def _glossary() -> tuple[tuple[str, str], ...]:
    """generator/data/glossary.yml and every theme set's glossary: (abbreviation, tooltip)."""
    data = REPO / "generator" / "data"
    glossary = yaml.safe_load((data / "glossary.yml").read_text("utf-8")) or {}
    for theme_set in sorted((data / "themes").glob("*.yml")):
        glossary |= yaml.safe_load(theme_set.read_text("utf-8")).get("glossary") or {}
    return tuple((str(k), str(v)) for k, v in glossary.items())


def foreign_words(site: Path, article_text: str) -> dict[str, list[str]]:
    """Spaceflight words on the built site's pages that the article itself never uses."""
    own = _own_words(article_text)
    # A word is the article's own in its plural too: "NASA astronauts Stephen Bowen and Frank
    # Rubio" gives each the role "NASA astronaut" (nasa-468, hold-out 2).
    vocabulary = sorted(
        w
        for w in spaceflight_vocabulary()
        if not any(_has(w + ending, own) for ending in ("", "s", "es"))
    )
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        text = page_text(page)
        hits = [w for w in vocabulary if _has(w, text)]
        if hits:
            found[page.relative_to(site).as_posix()] = hits
    return found


# Known framing failures of the hold-out batches (scoring.HOLDOUT_BATCHES; articles marked
# `holdout: N`, tests/fixtures/corpus/SOURCES-holdout<N>.md): each built as the unseen batch and
# later released for tuning, so their failures are reported here, not fixed against them. Each is
# an expected failure (strict: the test fails once the article passes; then remove the entry).
# _SITE_FAILURES: the non-space site test; _FRAME_FAILURES: the spaceflight frame, article by
# article (a batch not listed has no known failure).
_SITE_FAILURES: dict[int, dict[str, str]] = {
    # Batch 16 (corpus16): the appointment framed as a flight untuned (main 92983ad's generator)
    # got spaceflight words on its site; not framed since session 15 (a craft's name, "Space
    # Launch System", tells no launch; "helped launch" hedges its clause): none left.
    # Batch 22 (unseen in session 17, released in session 18): the article framed as a flight
    # untuned (main 550de6c's generator) got spaceflight words on its site; not framed since
    # session 18 (an undated story's latest month stands for its time too): none left.
    # Batch 23 (the unseen batch, corpus23): the article framed as a flight untuned (main
    # 7d2e44e's generator) gets spaceflight words on its site.
    23: {
        "nasa-767-wildfire-coordinating-group": "framed as a flight, spaceflight words on its site",
    },
}
_FRAME_FAILURES: dict[int, dict[str, str]] = {
    # Batch 8's one (the station alarm) is framed since session 9 (`lede_events`); batch 9
    # (released in session 9): none (scripts/score_theme_sets.py gives 12 of 12 for both).
    # Batch 10 (released in session 10): its one (nasa-233, two sounding rockets told in a
    # caption) is framed since session 10 (crafts += "sounding rocket"): 12 of 12. Batch 11
    # (released in session 11): none, frames and non-space sites alike, as scored untuned (main
    # 144580c's rules) and on session 10's final rules (80aee89): 12 of 12. Batch 12 (released in
    # session 12): three frames, as scored untuned (main 74620a1's rules: 9 of 12) and on session
    # 11's final rules (cd6d20f); every non-space site of the batch is clean. nasa-490 and
    # nasa-796 (no flight) are no longer framed since session 13 (dates13: "last year" and
    # "whether" in not_if_sentence): 11 of 12. nasa-blog-crs4 (a scrubbed launch) is framed
    # since session 14 (crafts += launch attempt, launch opportunity; a scrub gives no launch
    # date): 12 of 12.
    # Batch 13 (session 13, released in session 14): one frame, as scored untuned (main
    # 34050a3's rules: 7 of 8, a 1969 splashdown told as history framed), not framed since
    # session 14 ("years ago today" in not_if_lede, "years ago" in not_if_sentence): 8 of 8;
    # every non-space site of the batch is clean.
    # Batch 14 (the unseen batch, session 14): one frame, as scored untuned (main 29d67e9's
    # generator: 9 of 10, a 1994 shuttle commander's photograph and career told as history
    # framed); every non-space site of the batch is clean.
    14: {
        "nasa-800-bolden-sts60-deorbit": "reports no flight (keyfacts.yml), framed",
    },
    # Batch 16 (corpus16, released in session 15): three frames, as scored untuned (main 92983ad's
    # generator: 7 of 10): a centre director's appointment framed (the centre's Artemis I test
    # told as history), a scheduled sounding-rocket launch and an astronaut's interview advisory
    # before her Soyuz launch not framed.
    # The appointment is not framed since session 15 (see _SITE_FAILURES): 8 of 10.
    16: {
        "nasa-344-wallops-apep-eclipse-rockets": "reports a flight (keyfacts.yml), no frame",
        "nasa-745-tracy-dyson-interviews": "reports a flight (keyfacts.yml), no frame",
    },
    # Batch 17 (corpus17, released in session 15): two frames, as scored untuned (main 5d0c430's
    # generator: 8 of 10): an engineer's award framed (his program's Crew-8 launch told as
    # history), a welcome-home event advisory after the crew's return not framed. The award is
    # not framed since session 15 (an undated story's latest full date stands for its time when
    # `max_age_days` tells history): 9 of 10.
    17: {
        "nasa-28-expedition70-welcome-home": "reports a flight (keyfacts.yml), no frame",
    },
    # Batch 18 (corpus18, released in session 16): none, as scored untuned (main 5d0c430's
    # generator: 10 of 10, the scheduled rideshare launch framed) and since; every non-space
    # site of the batch is clean.
    # Batch 19 (corpus19, released in session 16): two frames, as scored untuned (main 0a96809's
    # generator: 8 of 10): the first shuttle's 1981 launch and landing told as history in an
    # image article framed, a crewed Dragon's coming port relocation (an undocking and a docking
    # at the station) not framed.
    19: {
        "nasa-288-first-space-shuttle-sts1": "reports no flight (keyfacts.yml), framed",
        "nasa-167-dragon-relocation-coverage": "reports a flight (keyfacts.yml), no frame",
    },
    # Batch 20 (the unseen batch, corpus20): one frame, as scored untuned (main 0a96809's
    # generator: 9 of 10, the crew-launch invitation and the image article aboard the station
    # framed): a scientific balloon mission in flight since its launch not framed; every
    # non-space site of the batch is clean.
    20: {
        "nasa-988-gusto-balloon-antarctica": "reports a flight (keyfacts.yml), no frame",
    },
    # Batch 21 (corpus21, released in session 17): one frame, as scored untuned (main a4fd572's
    # generator: 9 of 10): a crew's return-coverage advisory (undocking and splashdown still to
    # come) not framed, as the other advisories above; every non-space site of the batch clean.
    21: {
        "nasa-568-crew7-return-coverage": "reports a flight (keyfacts.yml), no frame",
    },
    # Batch 22 (corpus22, released in session 18): one frame, as scored untuned (main 550de6c's
    # generator: 9 of 10, a rover's 2021 landing told in an undated story framed), not framed
    # since session 18 (the story's "September 2023" stands for its time): 10 of 10.
    # Batch 23 (the unseen batch, corpus23): five frames, as scored untuned (main 7d2e44e's
    # generator: 5 of 10): two articles that report no flight framed, three that report one
    # (two scheduled launches, an experiment flown on a cargo craft) not framed; one of the
    # two also gets spaceflight words on its site (see _SITE_FAILURES).
    23: {
        "nasa-204-cloudsat-ends-mission": "reports no flight (keyfacts.yml), framed",
        "nasa-767-wildfire-coordinating-group": "reports no flight (keyfacts.yml), framed",
        "nasa-696-crs30-science-investigations": "reports a flight (keyfacts.yml), no frame",
        "nasa-775-saffire-fire-experiment-ends": "reports a flight (keyfacts.yml), no frame",
        "nasa-946-goes-u-arrives-florida": "reports a flight (keyfacts.yml), no frame",
    },
    # Batch 15 (zh15, Chinese-language): the spaceflight set's evidence is English words, so
    # neither space story is framed (4 of 6: the four non-space stories are right, unframed).
    15: {
        "voa-zh-iss-three-new-crew-members": "reports a flight (keyfacts.yml), no frame (Chinese)",
        "voa-zh-shenzhou7-spacewalk-preparation": (
            "reports a flight (keyfacts.yml), no frame (Chinese)"
        ),
    },
    # Batch 24 (zh24, Chinese-language, released as built): as batch 15's, the satellite launch
    # is not framed as scored untuned (main 7d2e44e's generator: 7 of 8, the seven stories that
    # report no flight right, unframed; every non-space site of the batch is clean).
    24: {
        "voa-zh-china-communications-satellite-launch": (
            "reports a flight (keyfacts.yml), no frame (Chinese)"
        ),
    },
}
# Batch 2 was built before frames were checked article by article: its articles stay in the
# corpus-wide check (test_the_theme_set_applies_as_the_corpus_annotations_say, where a fifth
# of the flights may be missed); every later batch is checked article by article instead.
_CORPUS_WIDE_FRAME_BATCHES = frozenset({2})
# The batches whose frames are checked article by article, not in the corpus-wide check.
_FRAME_BATCHES = {
    batch: holdout_articles(batch)
    for batch in HOLDOUT_BATCHES
    if batch not in _CORPUS_WIDE_FRAME_BATCHES
}


def _known_failure(path: Path) -> object:
    for batch, failures in _SITE_FAILURES.items():
        if reason := failures.get(path.stem):
            mark = pytest.mark.xfail(reason=f"hold-out {batch}: {reason}", strict=True)
            return pytest.param(path, marks=[mark], id=path.stem)
    return pytest.param(path, id=path.stem)


def non_space_articles() -> Iterator[Path]:
    """The real annotated articles of the corpus that report no flight and are not about
    spaceflight at all (once tests/fixtures/corpus/ holds them)."""
    for path in sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else ():
        text = path.read_text(encoding="utf-8")
        match = re.search(r"(?m)^kind:\s*(\S+)", text.split("\n---", 1)[0])
        if match and match.group(1) not in ("launch-landing", "space-journalism"):
            yield path


def test_the_vocabulary_is_spaceflights_own() -> None:
    words = spaceflight_vocabulary()
    assert {"crew", "mission", "spacecraft", "launch site", "docked", "not aboard"} <= words
    assert "programme" not in words  # a context cue, not a frame
    assert _has("launch site", "The Launch  site was")
    assert not _has("orbit", "orbiting") and not _has("crew", "screwed")


def new_project(tmp_path: Path, name: str, text: str | bytes) -> Path:
    """A site made for one article the way a user makes it: `python -m generator new`."""
    article = tmp_path / "input" / name
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    root = tmp_path / "site-project"
    assert main(["new", str(root), "--from", str(article), "--like", str(REPO)]) == 0
    return root


def test_a_court_story_gets_the_core_and_no_spaceflight_words(tmp_path: Path) -> None:
    site = mkdocs_build(new_project(tmp_path, "court.md", COURT_STORY), "--strict")
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert pages == [
        "articles/court/index.html",
        "articles/index.html",
        "index.html",
        "people/index.html",
        "timeline/index.html",
        "voices/index.html",
    ]
    assert foreign_words(site, COURT_STORY) == {}
    assert "At a glance" not in page_text(site / "index.html")  # no facts to glance at
    # Every dated event is on the timeline, which the navigation reaches from every page.
    timeline = page_text(site / "timeline" / "index.html")
    for date in ("7 March 2024", "May 2022", "15 April 2024"):
        assert date in timeline
    for page in site.rglob("index.html"):
        assert 'href="' in page.read_text() and "Timeline" in page_text(page), page


@pytest.mark.parametrize("path", [_known_failure(p) for p in non_space_articles()])
def test_a_real_non_space_article_builds_a_site_without_spaceflight_words(
    tmp_path: Path, path: Path
) -> None:
    site = mkdocs_build(new_project(tmp_path, path.name, path.read_bytes()), "--strict")
    assert foreign_words(site, path.read_text(encoding="utf-8")) == {}
    assert not (site / "mission").exists() and not (site / "crew").exists()
    # A site of one article speaks of one ("Everyone the article names").
    for page in sorted(site.rglob("*.html")):
        words = page_text(page)
        assert not _PLURAL_WORDING.search(words) or _PLURAL_WORDING.search(path.read_text()), page


def test_the_theme_set_applies_to_flight_reports_only(tmp_path: Path) -> None:
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    for name, path in ARTICLES.items():  # the seed and three NASA launch/landing releases
        assert spaceflight.applies_to(analyse(read_seed(path))), name
    court = read_seed(_write(tmp_path / "court.md", COURT_STORY))
    assert not spaceflight.applies_to(analyse(court))
    obituary = (
        "---\ntitle: Astronaut dies\n---\n\nRetired astronaut Jane Roe has died at 81.\n\n"
        "Roe launched on the space shuttle in 1985, and the shuttle docked with the Mir space "
        "station. The spacecraft landed safely.\n"
    )
    assert not spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "o.md", obituary))))
    history = (
        "---\ntitle: A school named for a shuttle veteran\npublished: 2024-05-01\n---\n\n"
        "The city named a school after retired astronaut Jane Roe on Monday.\n\n"
        "Roe launched on the space shuttle Challenger in June 1983, and the spacecraft landed "
        "in California six days later.\n"
    )
    history_facts = analyse(read_seed(_write(tmp_path / "h.md", history)))
    assert any(e.date == "1983-06" for e in history_facts.events)  # the sentence is dated
    assert not spaceflight.applies_to(history_facts)  # so it tells history, not this flight
    news = history.replace("in June 1983", "on Monday").replace("2024-05-01", "1983-06-20")
    assert spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "n.md", news))))
    war = (
        "---\ntitle: Rockets hit border town\npublished: 2024-05-01\n---\n\n"
        "Militants launched rockets at the town on Monday, and one rocket landed near a school."
        "\n\nThe army said it had launched a rocket strike in response.\n"
    )
    assert not spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "w.md", war))))
    plan = news.replace("Roe launched", "Roe will launch").replace("the spacecraft landed", "")
    assert not spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "p.md", plan))))


def test_a_possessive_still_names_the_station(tmp_path: Path) -> None:
    """ "the International Space Station’s Harmony module" is evidence like the bare name
    (the hold-out spacewalk release was missed for want of it)."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    arrival = (
        "---\ntitle: Crew arrives\npublished: 2024-05-04\n---\n\n"
        "A new crew docked at the International Space Station’s Harmony module on Saturday.\n"
    )
    assert spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "a.md", arrival))))


def test_a_flight_dated_after_publication_or_a_decade_long_past_is_no_evidence(
    tmp_path: Path,
) -> None:
    """Hold-out 5 (VOA LADEE preview, 2013-09-03): "The U.S. space agency is launching a
    mission to study the moon … on September 7" tells a plan (its date is after publication),
    and "Astronauts who landed on the moon in the 1960s" history: no frame."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    preview = (
        "---\ntitle: Agency readies lunar mission\npublished: 2013-09-03\n---\n\n"
        "The agency is launching a probe to the Moon from Virginia on September 7.\n\n"
        "Astronauts who landed on the Moon in the 1960s saw a glow.\n\n"
        "Scientists want to learn more. Astronauts who landed on the Moon in the 1970s did too.\n"
    )
    facts = analyse(read_seed(_write(tmp_path / "preview.md", preview)))
    assert evidence_sentences(spaceflight.evidence, facts) == []
    assert not spaceflight.applies_to(facts)
    report = preview.replace("September 7", "September 1")  # two days before publication
    assert spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "report.md", report))))
    # "since" measures from then: the first landing since 1972 (or the 1970s) is one now
    since = (
        "---\ntitle: Lander touches down\npublished: 2024-02-23\n---\n\n"
        "A lander touched down on the Moon, the first such landing since 1972.\n\n"
        "It is the first spacecraft that landed on the Moon since the 1970s.\n"
    )
    facts = analyse(read_seed(_write(tmp_path / "since.md", since)))
    assert len(evidence_sentences(spaceflight.evidence, facts)) == 2
    before = since.replace("since 1972", "in 1972").replace("since the 1970s", "in the 1970s")
    facts = analyse(read_seed(_write(tmp_path / "before.md", before)))
    assert evidence_sentences(spaceflight.evidence, facts) == []


def test_an_undated_storys_latest_month_stands_for_its_time(tmp_path: Path) -> None:
    """Released batch 22 (nasa-279, no publication date): "NASA’s Perseverance rover has been
    collecting samples … since it landed on Mars in 2021" in a story that goes on to a report
    "from September 2023" tells history: no frame; with no later date it is evidence."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    story = (
        "---\ntitle: The agency's path for sample return\n---\n\n"
        "The agency shared its path forward on Monday.\n\n"
        "The rover has been collecting samples since it landed on Mars in 2021.\n\n"
        "The agency released its response to a review board report from September 2023.\n"
    )
    facts = analyse(read_seed(_write(tmp_path / "path.md", story)))
    assert not spaceflight.applies_to(facts)
    alone = story.replace(" from September 2023", "")
    assert spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "alone.md", alone))))


def test_a_hedged_clause_about_something_else_leaves_the_flight_reported(tmp_path: Path) -> None:
    """Hold-out 5 (VOA LADEE launch): "An unmanned rocket blasted off late Friday from
    Virginia's Eastern Shore with a robotic explorer that will study the lunar atmosphere": the
    "will" is the explorer's future work, not the launch's; an unmanned rocket is a craft."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    launch = (
        "---\ntitle: Back to the Moon\n---\n\nThe agency is returning to the moon.\n\n"
        "An unmanned rocket blasted off late Friday from Virginia's Eastern Shore with a robotic "
        "explorer that will study the lunar atmosphere and dust.\n"
    )
    facts = analyse(read_seed(_write(tmp_path / "launch.md", launch)))
    assert spaceflight.applies_to(facts)
    assert [(f.name, f.value) for f in facts.key_facts] == [
        ("launch_site", "Virginia's Eastern Shore")
    ]
    # The hedge of the sentence's own event still tells a plan; a bare rocket is no craft.
    plan = launch.replace("An unmanned rocket blasted off", "An unmanned rocket will blast off")
    assert not spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "plan.md", plan))))
    war = launch.replace("An unmanned rocket", "A rocket").replace("a robotic explorer", "a bang")
    assert not spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "war.md", war))))


def test_sounding_rockets_launched_in_a_caption_are_a_flight(tmp_path: Path) -> None:
    """Hold-out 10 (NASA, caption only): "Two Black Brant IX sounding rockets launched from
    Poker Flat Research Range in Fairbanks, Alaska, April 17, 2024": a sounding rocket is a
    launcher only spaceflight flies; a plan to launch one, or a bare rocket, is still none."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    caption = (
        "---\ntitle: Two Sounding Rockets Launch During Solar Flare\n---\n\n"
        "![Two rockets rise](rockets.jpg)\n"
        "*Two Black Brant IX sounding rockets launched from Poker Flat Research Range in "
        "Fairbanks, Alaska, during a solar flare.*\n"
    )
    assert spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "rockets.md", caption))))
    plan = caption.replace("rockets launched", "rockets will launch")
    assert not spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "plan.md", plan))))
    bare = caption.replace("sounding rockets", "rockets")
    assert not spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "bare.md", bare))))


def test_an_expedition_named_at_the_top_is_a_flight_in_progress(tmp_path: Path) -> None:
    """Hold-out 8 (a station alarm): "The Expedition 42 crew members are safe … inside the
    Russian segment of the International Space Station" reports a flight in progress; an
    expedition further down ("In 2014, … while aboard the space station for Expedition 41",
    hold-out 9's feature on two friends) may be a career's history, and is no evidence."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    alarm = (
        "---\ntitle: Crew safe after an alarm\n---\n\nThe Expedition 42 crew members are safe "
        "inside the Russian segment of the International Space Station after an alarm.\n"
    )
    assert spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "alarm.md", alarm))))
    filler = "".join(f"Paragraph {n} says nothing of the kind.\n\n" for n in range(6))
    feature = (
        f"---\ntitle: Two friends\n---\n\n{filler}In 2014, Wilmore called Stover while aboard "
        "the space station for Expedition 41.\n"
    )
    facts = analyse(read_seed(_write(tmp_path / "feature.md", feature)))
    assert evidence_sentences(spaceflight.evidence, facts) == []


def test_a_crew_of_last_year_or_a_flight_to_either_place_is_no_evidence(tmp_path: Path) -> None:
    """Hold-out 12: "all served as flight engineers on the Expedition 69 crew aboard the
    International Space Station last year" (a visit, undated) tells a past mission; "whether
    they're flying to the International Space Station or journeying around the Moon" (a
    career feature) a possibility: neither frames the article. The same crew aboard the
    station now is a flight in progress."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    visit = (
        "---\ntitle: Astronauts visit Goddard\n---\n\nThe astronauts visited the center.\n\n"
        "They served as flight engineers on the Expedition 69 crew aboard the International "
        "Space Station last year.\n"
    )
    facts = analyse(read_seed(_write(tmp_path / "visit.md", visit)))
    assert evidence_sentences(spaceflight.evidence, facts) == []
    now = visit.replace("They served", "They serve").replace(" last year", "")
    assert spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "now.md", now))))
    career = (
        "---\ntitle: A trainer's journey\n---\n\nHe keeps explorers in shape before launch "
        "day, whether they are flying to the International Space Station or around the Moon.\n"
    )
    facts = analyse(read_seed(_write(tmp_path / "career.md", career)))
    assert evidence_sentences(spaceflight.evidence, facts) == []


def _about_flight(name: str) -> bool | None:
    path = FIXTURES / "expected" / name / "keyfacts.yml"
    if not path.is_file():
        return None
    value = (yaml.safe_load(path.read_text("utf-8")) or {}).get("about_flight")
    return value if isinstance(value, bool) else None


def test_the_theme_set_applies_as_the_corpus_annotations_say() -> None:
    """On every annotated corpus article (keyfacts.yml `about_flight`): never a spaceflight
    frame for an article that reports no flight, and the flights found (precision first)."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    wrong, missed, flights = [], [], 0
    for path in sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else ():
        truth = _about_flight(path.stem)
        if truth is None or any(path.stem in held for held in _FRAME_BATCHES.values()):
            continue
        got = spaceflight.applies_to(analyse(read_seed(path)))
        flights += truth
        if got and not truth:
            wrong.append(path.stem)
        elif truth and not got:
            missed.append(path.stem)
    assert wrong == [], "a spaceflight frame on articles that report no flight"
    assert len(missed) <= 0.2 * flights, f"flights not recognised: {missed}"


def test_a_statement_quoted_over_several_paragraphs_is_no_evidence(tmp_path: Path) -> None:
    """A statement opens each paragraph with “ and closes only the last: its words are the
    speaker's (nasa-561, hold-out 2, got the spaceflight frame from one of them)."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    statement = (
        "---\ntitle: Statement on the budget request\n---\n\n"
        "“The budget request supports the work of the centre.\n\n"
        "“We keep launching crews and cargo to the International Space Station. The crew "
        "docked at the space station last week.\n\n"
        "“We are proud of the work.”\n"
    )
    quoted = analyse(read_seed(_write(tmp_path / "statement.md", statement)))
    assert evidence_sentences(spaceflight.evidence, quoted) == []
    told = statement.replace("“We keep", "The centre keeps")
    assert evidence_sentences(
        spaceflight.evidence, analyse(read_seed(_write(tmp_path / "t.md", told)))
    )


def _frame_params() -> list[object]:
    params: list[object] = []
    for batch, held in _FRAME_BATCHES.items():
        for name in sorted(held):
            reason = _FRAME_FAILURES.get(batch, {}).get(name)
            marks = [pytest.mark.xfail(reason=f"hold-out {batch}: {reason}", strict=True)]
            params.append(pytest.param(name, marks=marks if reason else [], id=name))
    return params


@pytest.mark.parametrize("name", _frame_params())
def test_the_theme_set_applies_to_the_holdout_articles_as_annotated(name: str) -> None:
    """Hold-out batches from 3 on (_FRAME_BATCHES), article by article: the spaceflight frame
    exactly where keyfacts.yml says the article reports a flight (known failures are strict
    expected failures)."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    truth = _about_flight(name)
    assert truth is not None, f"{name}: keyfacts.yml needs about_flight"
    assert spaceflight.applies_to(analyse(read_seed(CORPUS / f"{name}.md"))) is truth


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_new_starts_a_site_for_another_story_that_builds_strictly(tmp_path: Path) -> None:
    article = _write(tmp_path / "court.md", COURT_STORY)
    root = tmp_path / "court-site"
    assert main(["new", str(root), "--from", str(article), "--like", str(REPO)]) == 0
    config = yaml.safe_load(
        "\n".join(
            line
            for line in (root / "mkdocs.yml").read_text("utf-8").splitlines()
            if "!!python" not in line
        )
    )
    headline = "Former county treasurer sentenced to six years for pension fraud"
    assert config["site_name"] == headline
    assert config["site_description"].startswith("A former county treasurer was sentenced")
    assert (root / "seeds" / "court.md").read_text("utf-8") == COURT_STORY
    assert (root / "docs" / "people.md").is_file()  # built once already
    for name in ("README.md", "Makefile", "overrides/main.html", "docs/assets/site.css"):
        assert (root / name).is_file(), name
    site = mkdocs_build(root, "--strict")
    assert f"<title>{headline}</title>" in (site / "index.html").read_text("utf-8")
    assert "Lost in orbit" not in (site / "404.html").read_text("utf-8")
    assert foreign_words(site, COURT_STORY) == {}
    zensical = Path(sys.executable).parent / "zensical"
    if zensical.exists():  # the other engine builds the new site too (no hook: nav from docs/)
        shutil.rmtree(site)
        subprocess.run([str(zensical), "build", "-f", "mkdocs.yml"], cwd=root, check=True)
        assert headline in (site / "index.html").read_text("utf-8")
        assert (site / "people" / "index.html").is_file() and not (site / "mission").exists()
    # The seed site is still "First Film in Orbit".
    seed_config = (REPO / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"(?m)^site_name: First Film in Orbit$", seed_config)


def test_new_site_follows_seed_edits_through_its_hook(tmp_path: Path) -> None:
    article = _write(tmp_path / "court.md", COURT_STORY)
    root = tmp_path / "site"
    assert main(["new", str(root), "--from", str(article), "--like", str(REPO)]) == 0
    seed = root / "seeds" / "court.md"
    seed.write_text(COURT_STORY.replace("pension fund", "retirement fund"), encoding="utf-8")
    site = mkdocs_build(root, "--strict")  # no `generator build` in between: the hook runs it
    assert "retirement fund" in (site / "articles" / "court" / "index.html").read_text("utf-8")


def test_new_refuses_a_folder_in_use_and_bad_articles_in_one_line(tmp_path: Path) -> None:
    article = _write(tmp_path / "court.md", COURT_STORY)
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    for args, problem in (
        ([str(tmp_path / "taken"), "--from", str(article)], "not empty"),
        ([str(tmp_path / "fresh"), "--from", str(tmp_path / "missing.md")], "missing.md"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "generator", "new", *args, "--like", str(REPO)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 2, result.stderr
        assert problem in result.stderr and result.stderr.strip().count("\n") == 0
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "fresh").exists()
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"


def test_seed_site_keeps_its_frame() -> None:
    """The seed reports a flight: it keeps mission, crew, film and context."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    assert [p.id for p in spaceflight.pages] == ["mission", "crew", "film", "context"]
    assert spaceflight.applies_to(analyse(read_seed(SEED)))


def test_an_editor_decides_whether_the_theme_set_applies(
    project_factory: Callable[..., Path],
) -> None:
    """The evidence rule is precision first; a corrections file has the last word, both ways."""
    project = project_factory({SEED.name: SEED.read_bytes(), "court.md": COURT_STORY})
    (project / "seeds" / f"{SEED.stem}.corrections.yml").write_text(
        "theme_sets:\n  - set: spaceflight\n    applies: false\n", encoding="utf-8"
    )
    assert main(["build", "--project", str(project)]) == 0
    docs = project / "docs"
    assert not (docs / "mission.md").exists() and not (docs / "crew.md").exists()
    assert (docs / "people.md").is_file() and (docs / "timeline.md").is_file()
    (project / "seeds" / "court.corrections.yml").write_text(
        "theme_sets:\n  - set: spaceflight\n    applies: true\n", encoding="utf-8"
    )
    (project / "seeds" / f"{SEED.stem}.corrections.yml").unlink()
    assert main(["build", "--project", str(project)]) == 0
    assert (docs / "mission.md").is_file()
    (project / "seeds" / "court.corrections.yml").write_text(
        "theme_sets:\n  - set: elections\n    applies: true\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--project", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "court.corrections.yml:2: no theme set 'elections'" in result.stderr


def test_a_site_of_a_flight_and_a_court_story_frames_each_as_it_is(
    project_factory: Callable[..., Path],
) -> None:
    """People of the court story go on People, never on Crew; its dates reach the timeline;
    its passages are on no themed page."""
    project = project_factory({SEED.name: SEED.read_bytes(), "court.md": COURT_STORY})
    assert main(["build", "--project", str(project)]) == 0
    docs = project / "docs"
    crew = (docs / "crew.md").read_text("utf-8")
    people = (docs / "people.md").read_text("utf-8")
    assert 'id="yulia-peresild"' in crew and 'id="yulia-peresild"' in people
    assert 'id="robert-hale"' in people and "robert-hale" not in crew
    for theme in ("mission", "crew", "film", "context"):
        assert "articles/court/" not in (docs / f"{theme}.md").read_text("utf-8"), theme
    assert "15 April 2024" in (docs / "timeline.md").read_text("utf-8")


# The README's worked example of a second theme set ("Adding a theme set"): the same bytes.
COURTS_SET = FIXTURES / "theme_sets" / "courts.yml"


def test_the_readmes_theme_set_example_is_the_tested_file() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    assert f"```yaml\n{COURTS_SET.read_text('utf-8')}```" in readme


def test_another_theme_set_is_data_only(tmp_path: Path) -> None:
    """A maintainer's second theme set (README, "Adding a theme set"): one YAML file, no code,
    no template. It decides where it applies, finds its own key facts there, and its page is
    made and rendered by the generic theme template."""
    courts = theme_set_from_data("themes/courts.yml", yaml.safe_load(COURTS_SET.read_text()))
    article = read_seed(_write(tmp_path / "court.md", COURT_STORY))
    base = analyse(article)
    themes = assign_themes(article, base.people, base.quotes, courts.themes)
    sets = (*load_theme_sets(), courts)
    facts = with_theme_set_facts(dataclasses.replace(base, themes=themes), sets)
    assert courts.applies_to(facts)
    assert [(f.name, f.value) for f in facts.key_facts] == [("sentence", "six years in prison")]
    pages = {p.path: p for p in compose_site([facts], sets, SiteConfig("S", ""))}
    assert "mission.md" not in pages and "trial.md" in pages
    trial = pages["trial.md"]
    assert (trial.title, trial.nav_title) == ("The case", "The case")
    assert trial.description == "The case, its sentence, and what was said in court."
    text = render_page(trial)
    assert "## The sentence" in text and "six years in prison" in text
    assert "## What the court heard" in text and "## From the articles" in text
    assert "six years in prison" in render_page(pages["index.md"])  # "At a glance"
    assert list(pages).index("trial.md") < list(pages).index("people.md")
    # The spaceflight set finds nothing in a court story; the courts set nothing in the seed.
    seed = analyse(read_seed(SEED))
    assert not courts.applies_to(seed)
    assert "sentence" not in {f.name for f in with_theme_set_facts(seed, sets).key_facts}


# --- wording that follows the number of articles and what is on the page ---------------------

_PLURAL_WORDING = re.compile(
    r"\bthe articles (?:name|give|tell)\b|\bin the articles\b|from the articles\b", re.I
)
_SINGULAR_WORDING = re.compile(
    r"\bthe article (?:names|gives|tells)\b|\bin the article\b|from the article\b", re.I
)


def _site_wording(pages: tuple[Page, ...]) -> dict[str, str]:
    """Page → the words the generator itself writes on it: title, description, the rendered
    page with the articles' own text left out (source pages, passages, quotations, ledes)."""
    wording = {}
    for page in pages:
        if page.path.startswith("articles/") and page.path != "articles/index.md":
            continue  # a source page is the article's own text
        text = render_page(page)
        text = re.sub(
            r'<(p|div|blockquote|li) class="(passage|voice|index__lede|article-list__lede'
            r'|card__quote|timeline)[^"]*".*',
            "",
            text,
        )
        wording[page.path] = " ".join([page.title, page.description, text])
    return wording


def _compose(*paths: Path) -> tuple[Page, ...]:
    return compose_site([analyse(read_seed(p)) for p in paths], None, SiteConfig("S", ""))


def test_a_one_article_site_speaks_of_one_article(tmp_path: Path) -> None:
    """The core's and the theme set's texts are worded for one article ("Everyone the article
    names", "The source article of this site."), on a court story and on the seed."""
    court = _write(tmp_path / "court.md", COURT_STORY)
    for path in (court, SEED):
        pages = _compose(path)
        for name, words in _site_wording(pages).items():
            assert not _PLURAL_WORDING.search(words), (path.name, name)
        sources = next(p for p in pages if p.path == "articles/index.md")
        assert sources.description == "The source article of this site."
        assert "newest first" not in render_page(sources)
    court_pages = {p.path: p for p in _compose(court)}
    # No themed page on a court story: the sources list does not promise one.
    assert "themed pages" not in render_page(court_pages["articles/index.md"])


def test_a_mixed_site_speaks_of_its_articles() -> None:
    """Seed, NASA releases and non-space corpus articles: the core speaks of the articles;
    a themed page of the one flight article of a set speaks of one."""
    others = [p for p in non_space_articles()][:4]
    many = _compose(*ARTICLES.values(), *others)  # the seed and three NASA releases
    for name, words in _site_wording(many).items():
        assert not _SINGULAR_WORDING.search(words), name
    sources = next(p for p in many if p.path == "articles/index.md")
    assert (
        sources.description
        == f"The {len(ARTICLES) + len(others)} source articles of this site, newest first."
    )
    seed_and_court = {p.path: p for p in _compose(SEED, *others[:1])}
    assert "the article gives" in seed_and_court["mission.md"].description  # one flight
    assert "the articles name" in seed_and_court["people.md"].description  # two articles


def test_the_people_page_promises_only_what_its_cards_hold(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Fair opens\npublished: 2024-05-01\n---\n\n"
        "Jane Roe and John Doe opened the fair.\n\nRoe thanked Doe.\n"
    )
    pages = {p.path: p for p in _compose(_write(tmp_path / "fair.md", text))}
    people = pages["people.md"].description
    assert people == "Everyone the article names, with the paragraphs that name them."
    court = {p.path: p for p in _compose(_write(tmp_path / "court.md", COURT_STORY))}
    cards = court["people.md"].context["items"]
    description = court["people.md"].description
    held = {
        "roles": any(c.roles for c in cards),
        "ages": any(c.ages for c in cards),
        "organisations": any(c.organizations for c in cards),
        "words": any(c.quotes for c in cards),
    }
    assert all(held[word] for word in held if word in description), description  # no promise
    assert (
        description == "Everyone the article names, with the roles, ages and words it gives them."
    )


def test_share_cards_say_what_a_page_holds_not_its_title_twice(tmp_path: Path) -> None:
    from generator.share import _card_text

    for page in _compose(_write(tmp_path / "court.md", COURT_STORY)):
        title, kicker = _card_text(page, SiteConfig("S", ""))
        assert kicker != title, page.path
    pages = {p.path: p for p in _compose(_write(tmp_path / "court.md", COURT_STORY))}
    assert _card_text(pages["people.md"], SiteConfig("S", ""))[1].endswith(" people")
    assert _card_text(pages["articles/index.md"], SiteConfig("S", ""))[1] == "1 source article"


LAUNCH_PREVIEW = """\
---
title: NASA Sets Coverage for Crew-12 Launch to Space Station
published: 2024-08-20
---

NASA’s SpaceX Crew-12 mission will launch four crew members to the International Space Station
no earlier than 1:17 p.m. EDT on Saturday, Sept. 28, from Space Launch Complex 40 at Cape
Canaveral Space Force Station in Florida.

The Dragon spacecraft is scheduled to dock to the station about 28 hours later. After a stay of
about five months, the crew is expected to return to Earth in February 2025.

Launch coverage will begin at 9:30 a.m. on NASA+, said Jane Roe, a spokeswoman for the agency.
"""


def test_a_launch_preview_gets_the_core_and_no_fact_of_a_flight_not_flown(tmp_path: Path) -> None:
    """Decision (README, "The pages a site gets"): a planned flight stays core-only. The
    spaceflight set's texts and rules speak of a flight that happened ("Launch date", "Return
    date", "who flew"); a plan ("will launch", "is scheduled to", "is expected to return") is
    left to the timeline, in the article's own words."""
    path = _write(tmp_path / "preview.md", LAUNCH_PREVIEW)
    facts = analyse(read_seed(path))
    assert facts.key_facts == () and facts.cast == ()
    pages = {p.path: p for p in _compose(path)}
    assert not {"mission.md", "crew.md", "film.md", "context.md"} & set(pages)
    text = " ".join(render_page(p) for p in pages.values() if not p.path.startswith("articles/"))
    for label in ("Launch date", "Return date", "Launch site", "Docking", "At a glance"):
        assert label not in text, label
    assert "timeline.md" in pages  # the plan's dates, each in its own sentence


def test_the_core_data_carries_no_spaceflight_words() -> None:
    """What every site gets (core.yml, glossary.yml) speaks of no flight, and the flight's own
    vocabulary (crew roles, parts, key facts) lives in its theme set, not in people.yml."""
    data = REPO / "generator" / "data"
    vocabulary = spaceflight_vocabulary()
    for name in ("core.yml", "glossary.yml"):
        raw = yaml.safe_load((data / name).read_text("utf-8"))
        text = " ".join(str(v) for v in _strings_in(raw))
        assert [w for w in sorted(vocabulary) if _has(w, text)] == [], name
    people = yaml.safe_load((data / "people.yml").read_text("utf-8"))
    assert not [r for r in people["roles"] if isinstance(r, dict) and "flies" in r]
    assert not {"parts", "crafts", "not_aboard"} & set(people)
    assert not (data / "keyfacts.yml").exists()


def _strings_in(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)
    elif value is not None:
        yield str(value)


def _evidence_of(path: Path, text: str) -> list[tuple[int, str]]:
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    return evidence_sentences(spaceflight.evidence, analyse(read_seed(_write(path, text))))


def test_an_undated_storys_latest_full_date_tells_history(tmp_path: Path) -> None:
    """Released batch 17 (an engineer's award, no publication date): "… during docking of
    NASA’s SpaceX Crew-4 to the International Space Station on April 27, 2022" is history in a
    story that goes on to March 4, 2024; with no later date, it is evidence as before."""
    award = (
        "---\ntitle: Engineer wins award\n---\n\n"
        "Lupo monitors the docking of the Crew Dragon spacecraft to the International Space "
        "Station on April 27, 2022.\n\nThe award ceremony was held on March 4, 2024.\n"
    )
    assert _evidence_of(tmp_path / "award.md", award) == []
    alone = award.replace("on March 4, 2024", "in the spring")
    assert len(_evidence_of(tmp_path / "alone.md", alone)) == 1


def test_an_event_word_inside_a_crafts_name_tells_no_flight(tmp_path: Path) -> None:
    """Released batch 16 (a centre director's appointment): "The center tested the SLS (Space
    Launch System) core stage that helped launch the Artemis I mission." tells a part's
    history; "The Space Launch System launched Orion" still tells a flight."""
    tested = (
        "---\ntitle: Director named\n---\n\nThe center tested the SLS (Space Launch System) core "
        "stage that helped launch the Artemis I mission.\n"
    )
    assert _evidence_of(tmp_path / "tested.md", tested) == []
    flew = tested.replace("The center tested", "The Space Launch System launched Orion with")
    assert len(_evidence_of(tmp_path / "flew.md", flew)) == 1


def test_an_observances_tribute_to_many_careers_reports_no_flight(tmp_path: Path) -> None:
    """NASA_RAG scan: "Honoring Black Astronauts During Black History Month 2024" recalls many
    careers' flights; it reports none (and gets no key facts). The same sentences under a
    news headline still report one."""
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    body = (
        "Jane Roe launched aboard the Soyuz spacecraft to the International Space Station. "
        "The Soyuz docked to the station two days later.\n\nShe landed in Kazakhstan.\n\n"
        "The crew returned to Earth aboard the spacecraft.\n"
    )
    tribute = "---\ntitle: Honoring Astronauts During Black History Month 2024\n---\n\n" + body
    facts = analyse(read_seed(_write(tmp_path / "t.md", tribute)))
    assert not spaceflight.applies_to(facts)
    news = "---\ntitle: Soyuz crew docks to the station\n---\n\n" + body
    assert spaceflight.applies_to(analyse(read_seed(_write(tmp_path / "n.md", news))))
