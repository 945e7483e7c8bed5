"""Key facts for fact boxes (spacecraft, launch site, film title…) and the film's cast.

The patterns belong to a theme set (`key_facts:` in generator/data/themes/<id>.yml, parsed by
key_fact_rules); this module only applies them, sentence by sentence, paragraphs before
captions (a caption repeats what the story says, more loosely). Which articles get a theme
set's key facts at all is the theme set's decision (themesets.with_theme_set_facts).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..model import Article, Block, CastMember, Event, KeyFact, Person
from . import patterns
from .lexicon import country_names, people_lexicon
from .sentences import load_data, sentence_spans, sentences, str_list
from .text import INITIAL, NAME_TOKEN, phrase_alternation, strip_possessive

_TRAILING = " ,;:—–"
_OPENING_WORDS = 40  # a date this near a sentence's start may stand before its cue


@cache
def _calendar_words() -> frozenset[str]:
    """Weekday and month names (dates.yml): never part of a place or craft name."""
    data = load_data("dates.yml")
    months = data.get("months")
    words = set(str_list(data.get("weekdays")))
    for forms in months if isinstance(months, list) else []:
        words.update(str_list(forms)[:1])
    return frozenset(words)


@cache
def _name_goes_on() -> re.Pattern[str]:
    """A capitalised word or a number right after a name value: the name goes on ("Cape
    Canaveral"); a weekday or month there is the date, not the name."""
    calendar = "|".join(sorted(_calendar_words())) or "(?!x)x"
    return patterns.compile(
        rf"(?:[’']s)?\s(?!(?:{calendar})\b)(?:[A-Z][\w’'-]*|\d[\w-]*)(?![\w’'-])"
    )


_CAST_WORDS = patterns.compile(r"\b(?:play|plays|played|star|stars|starred)\b")


def _blocks_in_reading_order(article: Article) -> list[Block]:
    story = article.story_blocks
    return [b for b in story if b.kind == "paragraph"] + [b for b in story if b.kind == "caption"]


def _sentences(blocks: list[Block]) -> Iterator[tuple[Block, str]]:
    for block in blocks:
        for sentence in sentences(block.text):
            yield block, sentence


_QUOTATION = patterns.compile(r"“[^“”]*”|\"[^\"\n]*\"")


def _without_voices(text: str) -> str:
    """The text with what people say blanked out (same offsets): a key fact is the article's
    statement, not a speaker's hope ("During Artemis III, the astronauts will …"). A short or
    Title Case quotation (a film called “Challenge”) stays."""

    def blank(match: re.Match[str]) -> str:
        words = match.group()[1:-1].split()
        long_words = [w for w in words if len(w) > 3]
        title = bool(long_words) and all(w[:1].isupper() for w in long_words)
        return match.group() if len(words) < 4 or title else " " * len(match.group())

    return _QUOTATION.sub(blank, text) if "“" in text or '"' in text else text


def _narrative_sentences(blocks: list[Block]) -> Iterator[tuple[Block, str]]:
    for block in blocks:
        narrative = _without_voices(block.text)
        for start, end in sentence_spans(block.text):
            yield block, narrative[start:end]


@dataclass(frozen=True)
class _FactRule:
    name: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    whole_name: bool = False
    finer_than_a_country: bool = False  # "took off from Kazakhstan" names no launch site
    # "on a Rocket Lab rocket" names the maker when the article writes "Rocket Lab’s Electron"
    not_an_owner: bool = False
    # a fact a plan still states ("will film segments of a new movie titled Challenge"); other
    # facts are the flight's only outside a clause telling a plan (`dated_fact_plans`)
    in_plans: bool = False
    # one value per article: two different values in its flight sentences (a Soyuz leaving,
    # another one arriving) leave the flight's unsure, so none is taken
    one_value: bool = False


@dataclass(frozen=True)
class KeyFactRules:
    """A theme set's key-fact rules (its `key_facts:` mapping), compiled."""

    facts: tuple[_FactRule, ...] = ()
    not_the_flight: re.Pattern[str] | None = None
    history_titles: re.Pattern[str] | None = None
    dated: tuple[tuple[str, re.Pattern[str]], ...] = ()  # fact name → its cues
    dated_unless: tuple[tuple[str, re.Pattern[str]], ...] = ()
    window: int = 100
    breaks: re.Pattern[str] | None = None
    cast: tuple[str, ...] = ()  # regex sources with a {name} placeholder
    plans: re.Pattern[str] | None = None  # a dated fact's clause telling a plan
    planned: tuple[tuple[str, str], ...] = ()  # dated fact → the name of its planned form
    vague: re.Pattern[str] | None = None  # date expressions too loose for a fact ("next week")
    other_flights: re.Pattern[str] | None = None  # "The next launch from Wallops is …"
    # the facts naming the flight (mission, spacecraft): a sentence naming another value of one
    # tells another flight
    flight_names: tuple[str, ...] = ()

    def unless_for(self, name: str) -> re.Pattern[str] | None:
        return next((p for n, p in self.dated_unless if n == name), None)

    def planned_name(self, name: str) -> str:
        """The fact a planned date is shown as ("" : a planned date is no fact at all)."""
        return next((p for n, p in self.planned if n == name), "")


def _optional(value: object) -> re.Pattern[str] | None:
    return patterns.compile(value) if isinstance(value, str) and value else None


def key_fact_rules(data: Mapping[str, Any]) -> KeyFactRules:
    """The rules of one theme set's `key_facts:` mapping (see generator/data/themes/)."""
    raw_facts = data.get("facts")
    facts = tuple(
        _FactRule(
            str(f["name"]),
            patterns.compile(str(f["pattern"])),
            _optional(f.get("requires")),
            _optional(f.get("unless")),
            f.get("whole_name") is True,
            f.get("finer_than_a_country") is True,
            f.get("not_an_owner") is True,
            f.get("in_plans") is True,
            f.get("one_value") is True,
        )
        for f in (raw_facts if isinstance(raw_facts, list) else [])
        if isinstance(f, dict) and "name" in f and "pattern" in f
    )
    raw_dated = data.get("dated_facts")
    dated = tuple(
        (
            str(name),
            patterns.compile(r"(?<!\w)(?:" + phrase_alternation(str_list(cues)) + r")(?!\w)", re.I),
        )
        for name, cues in (raw_dated.items() if isinstance(raw_dated, dict) else ())
        if str_list(cues)
    )
    raw_unless = data.get("dated_fact_unless")
    dated_unless = tuple(
        (str(name), patterns.compile(str(pattern)))
        for name, pattern in (raw_unless.items() if isinstance(raw_unless, dict) else ())
    )
    window = data.get("dated_fact_window")
    planned = data.get("planned_facts")
    planned = planned if isinstance(planned, dict) else {}
    return KeyFactRules(
        facts=facts,
        not_the_flight=_optional(data.get("not_the_flight")),
        history_titles=_optional(data.get("history_titles")),
        dated=dated,
        dated_unless=dated_unless,
        window=window if isinstance(window, int) else 100,
        breaks=_optional(data.get("dated_fact_breaks")),
        cast=str_list(data.get("cast")),
        plans=_optional(data.get("dated_fact_plans")),
        planned=tuple((str(k), str(v)) for k, v in planned.items()),
        vague=_optional(data.get("dated_fact_vague")),
        other_flights=_optional(data.get("other_flights")),
        flight_names=str_list(data.get("flight_names")),
    )


_AHEAD_YEARS = 1  # a date more years than this after the story's year is no done flight's


def _ahead(date: str, published: dt.date | None) -> bool:
    """A date more than `_AHEAD_YEARS` years after the story's year."""
    return (
        published is not None
        and date[:4].isdigit()
        and int(date[:4]) > published.year + _AHEAD_YEARS
    )


@cache
def _historic_years() -> int:
    historic = load_data("dates.yml").get("historic_years")
    return historic if isinstance(historic, int) and historic > 0 else 2


def _historic(date: str, published: dt.date | None) -> bool:
    """A date `historic_years` or more before publication: an earlier time, not the flight."""
    year = int(date[:4]) if date[:4].isdigit() else None
    return (
        published is not None and year is not None and (year <= published.year - _historic_years())
    )


def historic_blocks(events: tuple[Event, ...], published: dt.date | None) -> frozenset[str]:
    """Blocks about an earlier time: every date in them is historic (see _historic)."""
    recent = {e.block for e in events if not _historic(e.date, published)}
    return frozenset(e.block for e in events if e.block not in recent)


def _date_of_cue(
    sentence: str, expression: str, cue: re.Pattern[str], rules: KeyFactRules
) -> tuple[int, int] | None:
    """The span of the cue and its date when the date is the cue's: after it, near, same
    clause; or opening the sentence before it. None when the date is not the cue's."""
    positions = [m.start() for m in re.finditer(re.escape(expression), sentence)]
    for cue_match in cue.finditer(sentence):
        for pos in positions:
            if pos >= cue_match.end():
                between = sentence[cue_match.end() : pos]
                near = pos - cue_match.end() <= rules.window
                span = (cue_match.start(), pos + len(expression))
            elif pos <= _OPENING_WORDS and not (
                rules.breaks and rules.breaks.search(sentence, 0, pos)
            ):
                # "On Saturday, the crew landed", "At 1:05 a.m. EST on Thursday, Feb. 15, …"
                between = sentence[pos + len(expression) : cue_match.start()]
                near = cue_match.start() - pos <= rules.window
                span = (pos, cue_match.end())
            else:
                continue
            if near and not (rules.breaks and rules.breaks.search(between)):
                return span
    return None


def _date_belongs_to_cue(
    sentence: str, expression: str, cue: re.Pattern[str], rules: KeyFactRules
) -> bool:
    return _date_of_cue(sentence, expression, cue, rules) is not None


_CLAUSE_BREAK = patterns.compile(r"[,;:—–()]")


def _tells_a_plan(sentence: str, span: tuple[int, int], rules: KeyFactRules) -> bool:
    """Whether the clause of the cue and its date tells a plan ("…, will take the film crew
    back to Earth on October 17"): from the clause's start to the end of the date."""
    if rules.plans is None:
        return False
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, span[0])]
    return rules.plans.search(sentence, breaks[-1] if breaks else 0, span[1]) is not None


# a flight's hyphened series number ("Crew-8", "MS-24"; not "April 24" of a dated headline)
_DESIGNATION = patterns.compile(
    r"(?<![\w’'-])(?P<stem>[A-Z][A-Za-z]+)-(?P<number>\d{1,3})(?![\w-])"
)


@lru_cache(maxsize=256)
def _designations(text: str) -> frozenset[tuple[str, str]]:
    """The hyphened series numbers a text names, as (stem, number)."""
    return frozenset((m.group("stem"), m.group("number")) for m in _DESIGNATION.finditer(text))


def _another_numbered_flight(sentence: str, title: str) -> bool:
    """Whether the sentence names a flight of the same series as the headline's with another
    number and not the headline's own: a caption of "NASA’s SpaceX Crew-7 mission … Aug. 26,
    2023" above a story headlined "… SpaceX Crew-8 Launch" tells the earlier flight."""
    own = _designations(title)  # the same headline for every event: found once
    if not own:
        return False
    named = _designations(sentence)
    stems = {stem for stem, _ in own}
    return not (named & own) and any(stem in stems for stem, _ in named)


def find_dated_facts(
    events: tuple[Event, ...],
    rules: KeyFactRules,
    published: dt.date | None = None,
    title: str = "",
) -> tuple[KeyFact, ...]:
    """Launch and return dates: the first dated event that is its cue's date (see the data).
    A date whose clause tells a plan is the planned date (`planned_facts`), taken only when
    no event gives the date as done; a sentence naming another flight of the headline's series
    gives none."""
    found: dict[str, KeyFact] = {}
    for name, cue in rules.dated:
        unless = rules.unless_for(name)
        planned_name = rules.planned_name(name)
        planned: KeyFact | None = None
        for event in events:
            if unless is not None and unless.search(event.text):
                continue
            if rules.vague is not None and rules.vague.search(event.expression):
                continue
            if _historic(event.date, published):
                continue
            if _ahead(event.date, published):
                continue  # "launch in 2028" in a story of 2024: no flight done
            if rules.not_the_flight and rules.not_the_flight.search(event.text):
                continue
            if rules.other_flights and rules.other_flights.search(event.text):
                continue  # "The previous crew launched … on Sept. 15": another flight's date
            if _another_numbered_flight(event.text, title):
                continue
            span = (
                _date_of_cue(event.text, event.expression, cue, rules)
                if cue.search(event.text)
                else None
            )
            if span is None:
                continue
            if _tells_a_plan(event.text, span, rules):
                if planned is None and planned_name:
                    planned = KeyFact(planned_name, event.date, event.block)
                continue
            found[name] = KeyFact(name, event.date, event.block)
            break
        else:
            if planned is not None:
                found[planned.name] = planned
    return tuple(found.values())


_NAME_BEFORE = patterns.compile(r"(?<![\w’'-])[A-Z][\w’'-]* $")


def _cuts_a_name(sentence: str, match: re.Match[str]) -> bool:
    """The value stops inside a longer name: "near Cape" before "Canaveral", or starts inside
    one: "Dragon" of "a Crew Dragon capsule" (a capitalised word right before it that does not
    open the sentence and is no possessive: "SpaceX’s Dragon" is the Dragon)."""
    if _name_goes_on().match(sentence, match.end("value")):
        return True
    start = match.start("value")
    before = _NAME_BEFORE.search(sentence, max(0, start - 40), start)
    return before is not None and bool(sentence[: before.start()].strip(' “"‘(—–'))


def _cuts_an_abbreviation(sentence: str, end: int) -> bool:
    """The value stops at the first dot of an abbreviation ("at 10:55 p" of "p.m.", "the U"
    of "U.S."): a value cut off is never shown, whatever the fact."""
    return sentence[end : end + 1] == "." and sentence[end + 1 : end + 2].isalpha()


def _whole_value(value: str) -> str:
    """Without the date after the name: "Baikonur Tuesday" → "Baikonur", "NASA’s Wallops
    Flight Facility March 21" → "NASA’s Wallops Flight Facility" (from its first weekday or
    month after the first word)."""
    words = value.split(" ")
    for index in range(1, len(words)):
        if words[index].rstrip(".,") in _calendar_words():
            return " ".join(words[:index]).rstrip(_TRAILING)
    return value


def tells_history(article: Article, rules: KeyFactRules) -> bool:
    """A headline that looks back ("55 Years Ago: …"): the article reports no flight of its
    own, so none of its facts is a fact of "the flight" (`history_titles`)."""
    pattern = rules.history_titles
    return pattern is not None and pattern.search(article.title) is not None


def story_time(article: Article, events: tuple[Event, ...]) -> dt.date | None:
    """When the story happens, for telling its history apart: the publication date, or else
    the first date of the lede (a report dates its news at the top: "On Jan. 19, 2024, … SLIM
    landed"; a background sentence further down, "Launched on June 18, 2009, LRO has…", then
    tells an earlier time). None when the article gives neither."""
    if article.published is not None:
        return article.published
    paragraphs = [b.id for b in article.story_blocks if b.kind == "paragraph"]
    lede = paragraphs[0] if paragraphs else None
    for event in events:
        if event.block == lede and event.date[:4].isdigit():
            return dt.date(int(event.date[:4]), 1, 1)
    return None


_DAY = patterns.compile(r"\d{4}-\d\d-\d\d")


def _latest_year(events: tuple[Event, ...]) -> dt.date | None:
    """The year of the latest day the story writes in full: a digest of several stories ("The
    Marshall Star for January 17, 2024") is no older than its latest news."""
    days = [e.date for e in events if _DAY.fullmatch(e.date)]
    return dt.date.fromisoformat(max(days)).replace(month=1, day=1) if days else None


_SINCE = patterns.compile(r"(?i)^since\b")


def flight_events(
    article: Article,
    events: tuple[Event, ...],
    blocks: frozenset[str],
    rules: KeyFactRules | None = None,
) -> tuple[Event, ...]:
    """The dated events of a flight page's timeline: those of its passages (`blocks`), but not
    the start of a span measured from another time ("the first U.S.-based spacewalk since July
    2011"), an earlier time (`historic_years` before the story's time, see story_time), nor
    another flight's (`other_flights`: "The next launch from Wallops is scheduled April 8"):
    the page shows what the flight did; every date stays on the neutral Timeline."""
    when = story_time(article, events)
    others = rules.other_flights if rules is not None else None
    return tuple(
        e
        for e in events
        if e.block in blocks
        and not _SINCE.match(e.expression)
        and not _historic(e.date, when)
        and not (others is not None and others.search(e.text))
    )


def find_all_key_facts(
    article: Article, events: tuple[Event, ...], rules: KeyFactRules
) -> tuple[KeyFact, ...]:
    """Key facts and launch and return dates, none for an article that tells history."""
    if tells_history(article, rules):
        return ()
    when = story_time(article, events)
    # an undated story with no date in its lede: its latest full date stands in for the launch
    # and return dates ("launched in 2016" in one feature of a 2024 digest tells history, "in
    # 2028" a plan)
    dated_when = when or _latest_year(events)
    # … and a year alone is too little to tell an undated story's flight from the others it
    # recalls ("launched in 2006"): its launch and return dates need a month at least
    dated = events if article.published else tuple(e for e in events if len(e.date) >= 7)
    return find_key_facts(article, events, rules, when) + find_dated_facts(
        dated, rules, dated_when, article.title
    )


def find_key_facts(
    article: Article,
    events: tuple[Event, ...],
    rules: KeyFactRules,
    when: dt.date | None = None,
) -> tuple[KeyFact, ...]:
    """At most one value per fact name, in the order the data file lists the facts. `events`
    (find_events of the article) tell the paragraphs about an earlier time than `when` (the
    story's time; the publication date when not given), which give none."""
    found: dict[str, KeyFact] = {}
    earlier = historic_blocks(events, when or article.published)
    split = [  # once, for all the facts
        (block, sentence)
        for block, sentence in _narrative_sentences(_blocks_in_reading_order(article))
        if block.id not in earlier
        and not (rules.not_the_flight and rules.not_the_flight.search(sentence))
        and not (rules.other_flights and rules.other_flights.search(sentence))
    ]
    owners = _owners(article)
    unsure: set[str] = set()  # facts left out because two values compete (`one_value`)
    seen: dict[tuple[int, str], tuple[str, ...]] = {}  # _names_another_flight's scans
    for fact in rules.facts:
        if fact.name in found or fact.name in unsure:
            continue  # a second pattern for the same fact is a fallback
        named = {n: found[n].value for n in rules.flight_names if n in found and n != fact.name}
        hidden = frozenset(n for n in unsure if n != fact.name)
        # the facts whose values tell another flight, picked once for all the sentences
        others = tuple(f for f in rules.facts if f.name in named or f.name in hidden)
        for block, sentence in split:
            if others and _names_another_flight(sentence, named, hidden, rules, others, seen):
                continue  # "the crew of NASA’s SpaceX Crew-8 mission, who docked …" in Crew-7's
            value = _fact_value(fact, sentence, rules, owners)
            if value and fact.one_value and _outnumbered(fact, value, article):
                unsure.add(fact.name)  # "launched … aboard the Soyuz MS-25" beside the MS-24
                break
            if value:
                found[fact.name] = KeyFact(fact.name, value, block.id)
                break
    return tuple(found.values())


def _names_another_flight(
    sentence: str,
    named: Mapping[str, str],
    hidden: frozenset[str],
    rules: KeyFactRules,
    facts: Sequence[_FactRule] | None = None,
    seen: dict[tuple[int, str], tuple[str, ...]] | None = None,
) -> bool:
    """The sentence names a flight other than the article's (`flight_names`): a value of the
    mission or the spacecraft other than the one found ("Crew-8" in a Crew-7 story), or any
    value of one left unsure (two Soyuz craft named as often: "The Soyuz MS-25 docked …" may
    be another flight's). What it tells is not this flight's."""
    if not named and not hidden:
        return False  # (the loop below would skip every fact)
    # `facts`: those of rules.facts named in `named` or `hidden`, in order (find_key_facts
    # picks them once per fact, not once per sentence). `seen`: each rule's values in each
    # sentence, kept by find_key_facts across its facts, which scan the same sentences with
    # the same rules (~10 µs a scan, 16,600 per 100 benchmark articles)
    for fact in rules.facts if facts is None else facts:
        if fact.name not in named and fact.name not in hidden:
            continue
        values = seen.get((id(fact), sentence)) if seen is not None else None
        if values is None:
            values = tuple(
                m.group("value").strip(_TRAILING) for m in fact.pattern.finditer(sentence)
            )
            if seen is not None:
                seen[(id(fact), sentence)] = values
        for value in values:
            if fact.name in hidden:
                return True
            if not _same_name(value, named[fact.name]):
                return True
    return False


def _same_name(one: str, other: str) -> bool:
    """ "Dragon" and "Crew Dragon" name one craft; "Soyuz MS-24" and "Soyuz MS-25" two."""
    return bool(re.search(rf"(?<![\w-]){re.escape(one)}(?![\w-])", other)) or bool(
        re.search(rf"(?<![\w-]){re.escape(other)}(?![\w-])", one)
    )


def _outnumbered(fact: _FactRule, value: str, article: Article) -> bool:
    """Whether the article's paragraphs name another value of `fact` (not "Dragon" beside
    "Crew Dragon") at least as often as `value`: a return story's "launched … aboard the Soyuz
    MS-25" (the crew who stays) beside two mentions of the Soyuz MS-24 that lands is not the
    flight's. Captions, which repeat the story more loosely, are not counted."""
    counts: dict[str, int] = {}
    for block in article.story_blocks:
        if block.kind != "paragraph":
            continue
        for match in fact.pattern.finditer(block.text):
            found = match.group("value").strip(_TRAILING)
            counts[found] = counts.get(found, 0) + 1
    own = sum(n for v, n in counts.items() if _same_name(v, value))
    return any(n >= own for v, n in counts.items() if not _same_name(v, value))


_OWNER = patterns.compile(r"(?<![\w’'-])((?:[A-Z][\w-]*\s){0,3}[A-Z][\w-]*)[’']s\s+[A-Z]")


def _owners(article: Article) -> frozenset[str]:
    """Names the article writes as owners of a capitalised name ("Rocket Lab’s Electron"):
    a maker, never the thing it makes. Each tail of the owner's words counts ("Lab")."""
    found: set[str] = set()
    for block in article.story_blocks:
        if "’" not in block.text and "'" not in block.text:
            continue
        for match in _OWNER.finditer(block.text):
            words = match.group(1).split()
            found.update(" ".join(words[i:]) for i in range(len(words)))
    return frozenset(found)


_JOINED = patterns.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)")


def _one_of_several(matches: list[re.Match[str]], index: int) -> bool:
    """A value joined to another match of the same rule ("during the Artemis III and Artemis
    IV missions", "Soyuz MS-19 and Progress MS-18"): which one is the flight's is unsure."""
    match, text = matches[index], matches[index].string
    before = matches[index - 1] if index else None
    after = matches[index + 1] if index + 1 < len(matches) else None
    joined_before = before is not None and bool(
        _JOINED.fullmatch(text, before.end("value"), match.start("value"))
    )
    return joined_before or (
        after is not None
        and bool(_JOINED.fullmatch(text, match.end("value"), after.start("value")))
    )


def _fact_value(
    fact: _FactRule,
    sentence: str,
    rules: KeyFactRules | None = None,
    owners: frozenset[str] = frozenset(),
) -> str | None:
    if fact.requires is not None and not fact.requires.search(sentence):
        return None
    if fact.unless is not None and fact.unless.search(sentence):
        return None
    matches = list(fact.pattern.finditer(sentence))
    for index, match in enumerate(matches):
        if fact.whole_name and _cuts_a_name(sentence, match):
            continue
        if _cuts_an_abbreviation(sentence, match.end("value")):
            continue
        if _one_of_several(matches, index):
            continue
        if (
            rules is not None
            and not fact.in_plans
            and _tells_a_plan(sentence, (match.start(), match.end()), rules)
        ):
            continue  # "…, which will land astronauts … during the Artemis III mission"
        value = match.group("value").strip(_TRAILING)
        if fact.whole_name:
            value = _whole_value(value)
        if fact.finer_than_a_country and (
            value in country_names() or value.lower() in people_lexicon().nationalities
        ):
            continue  # "from Kazakhstan", "from American soil": no launch site
        if fact.not_an_owner and value in owners:
            continue
        if value:
            return value
    return None


@cache
def _cast_patterns(sources: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    honorific = "(?:" + phrase_alternation(people_lexicon().honorifics) + r")\.?\s+"
    name = rf"(?:{honorific})?(?:{INITIAL}|{NAME_TOKEN})(?:\s+(?:{INITIAL}|{NAME_TOKEN}))*"
    return tuple(patterns.compile(p.replace("{name}", name)) for p in sources)


def _person_for(written: str, people: tuple[Person, ...]) -> str | None:
    """The id of the person written as `written` ("Peresild", "Mr Novitskiy"), if known."""
    form = " ".join(strip_possessive(w) for w in written.split())
    for person in people:
        if form == person.name or form in person.aliases:
            return person.id
    surname = form.split()[-1]
    owners = [p.id for p in people if p.name.split()[-1] == surname]
    return owners[0] if len(owners) == 1 else None


def find_cast(
    article: Article, people: tuple[Person, ...], rules: KeyFactRules
) -> tuple[CastMember, ...]:
    """Who plays whom, where the article names the character ("a surgeon played by X")."""
    if not rules.cast:
        return ()
    cast: list[CastMember] = []
    seen: set[tuple[str | None, str]] = set()
    for block, sentence in _sentences(list(article.story_blocks)):
        if not _CAST_WORDS.search(sentence):
            continue  # cheap test first: most sentences say nothing about a cast
        for pattern in _cast_patterns(rules.cast):
            for match in pattern.finditer(sentence):
                person = _person_for(match.group("actor"), people)
                character = match.group("character").strip(_TRAILING)
                if (person, character) not in seen:
                    seen.add((person, character))
                    cast.append(CastMember(person, character, block.id))
    return tuple(cast)
