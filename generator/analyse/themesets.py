"""The neutral core (generator/data/core.yml) and the theme sets (generator/data/themes/*.yml).

The core says which pages any site gets (people, timeline, voices, sources) and how they are
named. A theme set adds themed pages for one kind of story (spaceflight: mission, crew, film,
context) and applies only to the articles its evidence rule accepts, so an article that is not
about a flight never gets a fact box, a crew or a "rival project". A theme set also owns its
key facts (with_theme_set_facts: found only in the articles it applies to), its role words and
its parts in the story (read by lexicon.people_lexicon). Everything here is data read once; the
decisions are pure functions of an article's Facts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from ..errors import GeneratorError
from ..model import CastMember, Event, Facts, KeyFact, Theme
from ..site import load_data
from . import patterns
from .keyfacts import KeyFactRules, find_all_key_facts, find_cast, key_fact_rules
from .sentences import sentence_spans, str_list

THEME_SET_FOLDER = "themes"
# Quotations: what a speaker says is not evidence of what the article reports.
# A quotation ends at its closing mark, or at the end of its paragraph: a statement quoted over
# several paragraphs opens each with “ and closes only the last (the press-release convention).
# It never spans another opening mark (so a text full of unclosed “ costs one pass).
_QUOTED = patterns.compile(r"“[^“”]*(?:”|$)|\"[^\"]*\"")


@dataclass(frozen=True)
class Described:
    """One candidate summary of a page: used when everything in `needs` is on the page. `text`
    speaks of several articles; `text_one`, when given, of one ("the article names")."""

    needs: frozenset[str]
    text: str
    text_one: str = ""

    def text_for(self, articles: int) -> str:
        return self.text_one if articles == 1 and self.text_one else self.text


def describe(
    candidates: tuple[Described, ...], features: set[str], fallback: str = "", articles: int = 2
) -> str:
    """The first summary whose needs the page meets (so it never promises what is absent),
    worded for the number of articles the page is made from."""
    for candidate in candidates:
        if candidate.needs <= features:
            return candidate.text_for(articles)
    return fallback


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class ThemePage:
    """A themed page as its theme set defines it: the theme, what the page shows, its texts."""

    theme: Theme
    min: int
    unit: tuple[str, str]
    descriptions: tuple[Described, ...]
    headings: dict[str, str]  # part of the page (cards, facts, cast, ...) → its heading
    facts: tuple[str, ...] = ()  # key facts of the page's fact box, in order
    sections: tuple[Section, ...] = ()
    search_boost: float | None = None
    headings_one: dict[str, str] = field(default_factory=dict)  # `heading_one`: one article

    @property
    def id(self) -> str:
        return self.theme.id

    def for_articles(self, articles: int) -> ThemePage:
        """The page as worded for a site (or set) of this many articles ("From the article")."""
        if articles != 1 or not self.headings_one:
            return self
        return replace(self, headings={**self.headings, **self.headings_one})

    def shows(self, part: str) -> bool:
        return part in self.headings


@dataclass(frozen=True)
class Evidence:
    """When a theme set applies to an article (see `applies_when` in a theme set file)."""

    min_sentences: int  # evidence sentences needed anywhere in the story
    all_of: tuple[tuple[str, ...], ...]  # a sentence counts when it holds a phrase of each
    not_if_lede: tuple[str, ...] = ()
    lede_blocks: int = 0  # one evidence sentence in the first this many story blocks suffices
    not_if_title: tuple[str, ...] = ()
    max_age_days: int | None = None  # a sentence dated longer before publication is history
    not_if_sentence: tuple[str, ...] = ()  # a sentence with one of these tells a plan
    # a sentence dated more than this many days after publication tells a plan
    max_ahead_days: int | None = None
    # a hedge right after one of these opens a clause about something else ("an explorer that
    # will study …"): that clause is not the sentence's event
    clause_openers: tuple[str, ...] = ()
    # events that are evidence only in the first `lede_blocks` story blocks ("The Expedition 42
    # crew members are safe … inside the Russian segment of the International Space Station":
    # a flight in progress, named at the top; further down "aboard the space station for
    # Expedition 41" may be a career's history)
    lede_events: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThemeSet:
    id: str
    evidence: Evidence
    pages: tuple[ThemePage, ...]
    key_fact_labels: dict[str, str] = field(default_factory=dict)
    index_facts: tuple[str, ...] = ()
    hidden_parts: tuple[str, ...] = ()
    part_label: str = ""
    key_facts: KeyFactRules = field(default_factory=KeyFactRules)

    @property
    def themes(self) -> tuple[Theme, ...]:
        return tuple(p.theme for p in self.pages)

    def page(self, theme_id: str) -> ThemePage | None:
        return next((p for p in self.pages if p.id == theme_id), None)

    def applies_to(self, facts: Facts) -> bool:
        """Whether the article is this set's kind of story: the editor's word (corrections
        file, `theme_sets:`) when given, else the evidence rule."""
        decided = facts.theme_sets.get(self.id)
        return _applies(self.evidence, facts) if decided is None else decided


def with_theme_set_facts(facts: Facts, theme_sets: Sequence[ThemeSet]) -> Facts:
    """The article's key facts and cast, found by the rules of the theme sets that apply to it
    (and only those: a medical feature that names the station has no "Destination"). A fact
    name already given by an earlier set is not taken from a later one."""
    key_facts: dict[str, KeyFact] = {}
    cast: list[CastMember] = []
    for theme_set in theme_sets:
        if not theme_set.applies_to(facts):
            continue
        rules = theme_set.key_facts
        for fact in find_all_key_facts(facts.article, facts.events, rules):
            key_facts.setdefault(fact.name, fact)
        cast += [c for c in find_cast(facts.article, facts.people, rules) if c not in cast]
    return replace(facts, key_facts=tuple(key_facts.values()), cast=tuple(cast))


@dataclass(frozen=True)
class CorePage:
    id: str
    title: str
    description: str  # the last (most modest) summary, about several articles
    count: str  # what the page shows and the threshold counts: people, events or quotes
    unit: tuple[str, str]
    min: int
    heading: str = ""
    descriptions: tuple[Described, ...] = ()  # chosen by what is on the page (`needs`)

    @property
    def path(self) -> str:
        return f"{self.id}.md"

    def describe(self, features: set[str], articles: int) -> str:
        return describe(self.descriptions, features, self.description, articles)


@dataclass(frozen=True)
class Core:
    overview_nav_title: str
    pages: tuple[CorePage, ...]
    sources_nav_title: str
    sources_title: str
    sources_description: str  # with {count} and {articles}
    sources_description_one: str = ""  # the same, for a site of one article
    sources_intro: Described = Described(frozenset(), "")  # the list's introduction
    sources_intro_themed: str = ""  # added when the site has a themed page

    def sources_text(self, articles: int) -> tuple[str, str]:
        """(description, introduction) of the list of sources, for this many articles."""
        template = (
            self.sources_description_one
            if articles == 1 and self.sources_description_one
            else self.sources_description
        )
        noun = "article" if articles == 1 else "articles"
        return template.format(count=articles, articles=noun), self.sources_intro.text_for(articles)


# --- evidence ------------------------------------------------------------------------------


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(sorted({p.strip() for p in phrases if p.strip()}), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or r"(?!x)x"
    # A possessive still names the thing: "the International Space Station’s crew".
    return patterns.compile(rf"(?i)(?<![\w’'-])(?:{body})(?:(?=[’']s(?!\w))|(?![\w’'-]))")


def _last_day(event: Event) -> dt.date:
    """The latest day a date can mean: "1969" may be 31 December 1969."""
    parts = [int(p) for p in event.date.split("-")]
    return dt.date(parts[0], *(parts[1:2] or [12]), *(parts[2:3] or [28]))


def _first_day(event: Event) -> dt.date:
    """The earliest day a date can mean: "1969" may be 1 January 1969."""
    parts = [int(p) for p in event.date.split("-")]
    return dt.date(parts[0], *(parts[1:2] or [1]), *(parts[2:3] or [1]))


def _latest_day(facts: Facts) -> dt.date | None:
    """The latest date written to the day or the month in the story (a month by its first
    day: the story is no older), None when there is none."""
    days = [_first_day(e) for e in facts.events if len(e.date) >= 7]
    return max(days) if days else None


def _too_old(evidence: Evidence, facts: Facts, events: Sequence[Event]) -> bool:
    """Whether a date the sentence gives (`events`: the sentence's own) lies more than
    max_age_days before publication (history), or whether all its dates lie more than
    max_ahead_days after it (a plan: "is launching a mission … on September 7" in a report of
    September 3). An undated story's latest date to the day or the month stands for its time,
    for history only
    ("during docking of … Crew-4 … on April 27, 2022" in a story that goes on to March 4,
    2024)."""
    published = facts.article.published
    # "the first landing since 1972" reports a flight now, measured from then
    events = [e for e in events if not e.expression.lower().startswith("since ")]
    now = published or _latest_day(facts)
    oldest = evidence.max_age_days
    if (
        now is not None
        and oldest is not None
        and any((now - _last_day(e)).days > oldest for e in events)
    ):
        return True
    ahead = evidence.max_ahead_days
    if published is None or ahead is None or not events:
        return False
    return all((_first_day(e) - published).days > ahead for e in events)


# "in the 1960s", not "since the 1970s" (the first landing since then is one now)
_DECADE = patterns.compile(r"(?<![\w’'-])(?<![Ss]ince the )(1[6-9]\d0|20\d0)[’']?s(?![\w’'-])")


def _past_decade(evidence: Evidence, facts: Facts, narrative: str) -> bool:
    """ "Astronauts who landed on the moon in the 1960s": a decade (no date of its own) that
    ended more than max_age_days before publication tells history too."""
    published = facts.article.published
    if evidence.max_age_days is None or published is None:
        return False
    for match in _DECADE.finditer(narrative):
        last = dt.date(int(match.group(1)) + 9, 12, 31)
        if (published - last).days > evidence.max_age_days:
            return True
    return False


@cache
def _clause_pattern(openers: tuple[str, ...], hedges: tuple[str, ...]) -> re.Pattern[str]:
    """ "that will study the lunar atmosphere": a hedged clause, to the next comma or end."""
    first = "|".join(re.escape(o) for o in openers)
    second = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in hedges)
    return patterns.compile(rf"(?i)(?<![\w’'-])(?:{first})\s+(?:{second})(?![\w’'-])[^,;:—–]*")


def _events_by_sentence(facts: Facts) -> dict[tuple[str, str], list[Event]]:
    """The dated events of each sentence, by (block, the sentence with its white space
    normalised): an event's text is the sentence that holds it (dates.py splits sentences as
    sentence_spans does), so one lookup per sentence, not a scan of every event."""
    by_sentence: dict[tuple[str, str], list[Event]] = {}
    for event in facts.events:
        by_sentence.setdefault((event.block, " ".join(event.text.split())), []).append(event)
    return by_sentence


def _all_found(needed: list[re.Pattern[str]], narrative: str) -> bool:
    """Whether each group's pattern finds its phrase, the first group (the events) outside the
    names the others found: "the SLS (Space Launch System) core stage" names a craft, no launch
    (a craft in lower case, "the launch attempt", still tells one)."""
    if not all(p.search(narrative) for p in needed):
        return False
    blanked = narrative
    for pattern in needed[1:]:
        blanked = pattern.sub(
            lambda m: " " * len(m.group()) if m.group()[:1].isupper() else m.group(), blanked
        )
    return needed[0].search(blanked) is not None


def evidence_sentences(evidence: Evidence, facts: Facts) -> list[tuple[int, str]]:
    """(position among the story blocks, sentence) of every sentence that is evidence."""
    patterns = [_phrase_pattern(group) for group in evidence.all_of]
    lede_patterns = (
        [_phrase_pattern(evidence.all_of[0] + evidence.lede_events), *patterns[1:]]
        if evidence.lede_events and patterns
        else patterns
    )
    hedged = _phrase_pattern(evidence.not_if_sentence) if evidence.not_if_sentence else None
    clauses = (
        _clause_pattern(evidence.clause_openers, evidence.not_if_sentence)
        if evidence.clause_openers and evidence.not_if_sentence
        else None
    )
    found = []
    dated = _events_by_sentence(facts)
    for position, block in enumerate(facts.article.story_blocks):
        # Quotations are found in the whole paragraph (one can span sentences), blanked to
        # the same length so each sentence's narrative sits at the sentence's own offsets.
        narrative_text = _QUOTED.sub(lambda quoted: " " * len(quoted.group()), block.text)
        for start, end in sentence_spans(block.text):
            sentence, narrative = block.text[start:end], narrative_text[start:end]
            if clauses is not None:
                narrative = clauses.sub(lambda clause: " " * len(clause.group()), narrative)
            needed = lede_patterns if position < evidence.lede_blocks else patterns
            if (
                needed
                and _all_found(needed, narrative)
                and not (hedged and hedged.search(narrative))
                and not _too_old(
                    evidence, facts, dated.get((block.id, " ".join(sentence.split())), ())
                )
                and not _past_decade(evidence, facts, narrative)
            ):
                found.append((position, sentence))
    return found


def _applies(evidence: Evidence, facts: Facts) -> bool:
    paragraphs = [b for b in facts.article.story_blocks if b.kind == "paragraph"]
    lede = paragraphs[0].text if paragraphs else ""
    if evidence.not_if_lede and _phrase_pattern(evidence.not_if_lede).search(lede):
        return False
    title = facts.article.title
    if evidence.not_if_title and _phrase_pattern(evidence.not_if_title).search(title):
        return False
    found = evidence_sentences(evidence, facts)
    in_lede = any(position < evidence.lede_blocks for position, _ in found)
    return in_lede or len(found) >= max(evidence.min_sentences, 1)


# --- loading -------------------------------------------------------------------------------


def _where(name: str, problem: str) -> GeneratorError:
    return GeneratorError(f"generator/data/{name}", problem)


def _pair(value: Any, default: str) -> tuple[str, str]:
    items = str_list(value)
    if len(items) == 2:
        return items[0], items[1]
    return default, default + "s"


def _descriptions(raw: Any, one: Any = None) -> tuple[Described, ...]:
    """`descriptions:` (a list of needs/text/text_one) or a plain `description:` text (with
    `description_one`)."""
    if isinstance(raw, str):
        return (Described(frozenset(), raw, str(one or "")),)
    result = []
    for entry in raw or ():
        if isinstance(entry, dict):
            needs = frozenset(str_list(entry.get("needs")))
            result.append(Described(needs, str(entry["text"]), str(entry.get("text_one") or "")))
    return tuple(result)


def _theme_page(raw: dict[str, Any]) -> ThemePage:
    descriptions = _descriptions(raw.get("descriptions") or raw.get("description"))
    theme = Theme(
        str(raw["id"]),
        str(raw["title"]),
        descriptions[-1].text if descriptions else "",
        str_list(raw.get("cues")),
    )
    page = raw.get("page") or {}
    headings = {
        str(part): str(spec.get("heading", "")) if isinstance(spec, dict) else ""
        for part, spec in page.items()
        if part != "sections"
    }
    headings_one = {
        str(part): str(spec["heading_one"])
        for part, spec in page.items()
        if isinstance(spec, dict) and spec.get("heading_one")
    }
    facts_spec = page.get("facts")
    facts_spec = facts_spec if isinstance(facts_spec, dict) else {}
    sections = tuple(
        Section(str(s["id"]), str(s["title"]), str_list(s.get("cues")))
        for s in page.get("sections") or ()
        if isinstance(s, dict)
    )
    if sections:
        headings["sections"] = ""
    boost = raw.get("search_boost")
    return ThemePage(
        theme=theme,
        min=int(raw.get("min", 1)),
        unit=_pair(raw.get("unit"), "passage"),
        descriptions=descriptions,
        headings=headings,
        facts=str_list(facts_spec.get("show")),
        sections=sections,
        search_boost=boost if isinstance(boost, int | float) else None,
        headings_one=headings_one,
    )


def theme_set_from_data(name: str, raw: Any) -> ThemeSet:
    """A theme set from the parsed YAML of its file (`name` is for messages)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("themes"), list):
        raise _where(name, "must be a mapping with a `themes:` list")
    when = raw.get("applies_when") or {}
    groups = tuple(str_list(g) for g in when.get("all_of") or ())
    if not groups:
        groups = tuple(g for g in (str_list(when.get("events")), str_list(when.get("crafts"))) if g)
    evidence = Evidence(
        int(when.get("min_sentences", 1)),
        groups,
        str_list(when.get("not_if_lede")),
        int(when.get("lede_blocks", 0)),
        str_list(when.get("not_if_title")),
        int(when["max_age_days"]) if "max_age_days" in when else None,
        str_list(when.get("not_if_sentence")),
        int(when["max_ahead_days"]) if "max_ahead_days" in when else None,
        str_list(when.get("clause_openers")),
        str_list(when.get("lede_events")),
    )
    labels = raw.get("key_fact_labels") or {}
    key_facts = raw.get("key_facts")
    return ThemeSet(
        id=str(raw.get("id") or name.rsplit("/", 1)[-1].removesuffix(".yml")),
        evidence=evidence,
        pages=tuple(_theme_page(t) for t in raw["themes"] if isinstance(t, dict)),
        key_fact_labels={str(k): str(v) for k, v in labels.items()},
        index_facts=str_list(raw.get("index_facts")),
        hidden_parts=str_list(raw.get("hidden_parts")),
        part_label=str(raw.get("part_label") or ""),
        key_facts=key_fact_rules(key_facts if isinstance(key_facts, dict) else {}),
    )


@cache
def theme_set_files() -> tuple[str, ...]:
    """Names of the theme set files, "themes/<id>.yml", in a stable (alphabetical) order."""
    folder = resources.files("generator").joinpath(f"data/{THEME_SET_FOLDER}")
    return tuple(
        f"{THEME_SET_FOLDER}/{entry.name}"
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yml")
    )


@cache
def load_theme_sets() -> tuple[ThemeSet, ...]:
    """Every theme set in generator/data/themes/, in file-name order."""
    sets = tuple(theme_set_from_data(name, load_data(name)) for name in theme_set_files())
    seen: set[str] = set()
    for theme_set in sets:
        for theme in theme_set.themes:
            if theme.id in seen or theme.id in {p.id for p in load_core().pages}:
                raise _where(f"themes/{theme_set.id}.yml", f"theme id '{theme.id}' is taken")
            seen.add(theme.id)
    return sets


@cache
def load_core() -> Core:
    raw = load_data("core.yml")
    if not isinstance(raw, dict):
        raise _where("core.yml", "must be a mapping")
    pages = []
    for p in raw.get("pages") or ():
        if not isinstance(p, dict):
            continue
        described = _descriptions(
            p.get("descriptions") or p.get("description"), p.get("description_one")
        )
        pages.append(
            CorePage(
                id=str(p["id"]),
                title=str(p["title"]),
                description=described[-1].text if described else "",
                count=str(p.get("count", p["id"])),
                unit=_pair(p.get("unit"), str(p["id"])),
                min=int(p.get("min", 1)),
                heading=str(p.get("heading") or ""),
                descriptions=described,
            )
        )
    sources = raw.get("sources") or {}
    intro = _descriptions(str(sources.get("intro") or ""), sources.get("intro_one"))
    return Core(
        overview_nav_title=str((raw.get("overview") or {}).get("nav_title", "Overview")),
        pages=tuple(pages),
        sources_nav_title=str(sources.get("nav_title", "Articles")),
        sources_title=str(sources.get("title", "Articles")),
        sources_description=str(
            sources.get("description", "The {count} source {articles} of this site.")
        ),
        sources_description_one=str(sources.get("description_one") or ""),
        sources_intro=intro[0],
        sources_intro_themed=str(sources.get("intro_themed") or ""),
    )
