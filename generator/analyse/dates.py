"""Date expressions resolved against the published date, by rules over generator/data/dates.yml.

Recognised (an optional preposition such as "on" or "in" is kept in the expression):
- "Saturday, April 6, 2024", "Monday, March 11": weekday + date → the date (weekday is redundant);
- "Sept. 15, 2023", "Jan. 18", "on October 17", "17 October 2021": month and day, year optional;
- "In May 2020": month and year → YYYY-MM;
- "in October" (bare month after a preposition) → YYYY-MM; "in 2020" → YYYY;
- "on Monday", "Friday": a weekday; "last month", "next week"…: relative expressions.

Resolution, when the article has a published date P:
- a day and month without a year take the year that puts the date nearest to P (so "Jan. 18" in
  an article of 2024-02-09 is 2024-01-18, and "Dec. 28" in one of January is last December);
- a weekday is the most recent such day on or before P ("on Monday" in an article of Tuesday
  2021-10-05 → 2021-10-04), unless its sentence is clearly about the future (a word from
  `future_markers`, e.g. "will", "next"), then the first such day on or after P;
- "last/this/next month|year" shift P by whole months or years; "yesterday/today/tomorrow" by days;
  "last/this/next week" gives the month (or else the year) that holds the whole Monday–Sunday week.
Without a published date only expressions that carry their own year are resolved; the rest are
skipped. Bare numbers ("38", "12 days", "3:27 a.m.") are never dates: a number counts only beside a
month name.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..model import Article, Block, Event
from . import patterns
from .sentences import load_data, sentence_bounds, sentence_starts, str_list
from .text import phrase_trie

_HEDGE_WINDOW = 40  # chars before a date expression searched for a hedge ("most likely")
_TENSE_WINDOW = 200  # chars either side of a weekday searched for future markers
# Quoted words do not set the narrative's tense ("on Monday, she said: “we will …”").
_QUOTED = patterns.compile(r"“[^“”]*”?|\"[^\"]*\"?")
_YEAR = r"(?P<year>1[6-9]\d\d|2[01]\d\d)(?!\w)"
_THE_BEFORE = patterns.compile(r"(?i)(?:^|[^\w’'])the\s+$")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"


@dataclass(frozen=True)
class _Rules:
    months: dict[str, int]  # every form, as written in the data, → 1..12
    weekdays: dict[str, int]  # full name → 0 (Monday) .. 6
    relative: dict[str, tuple[str, int]]  # lower-cased expression → (unit, offset)
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), most specific first
    future: re.Pattern[str]
    past: re.Pattern[str]
    month_words: tuple[str, ...]  # every month form holds one of these (case-sensitive)
    weekday_words: tuple[str, ...]
    offsets: dict[str, tuple[str, int]]  # fixed offset expression → (unit, offset)
    counted: dict[str, tuple[str, int]]  # "days later" → (unit, sign), after a number
    numbers: dict[str, int]
    historic_years: int
    season_words: re.Pattern[str]  # any season word, in any case (a cheap pre-test)
    hedges: re.Pattern[str]  # words before a date that make it uncertain
    speaker_relative: frozenset[str]  # relative words a quotation's speaker owns ("tonight")
    speaker_days: frozenset[str]  # … when the lede dates the event before publication ("today")
    possessive_events: frozenset[str]  # nouns after "today’s" that make it a date ("vote")
    determiners: frozenset[str]
    event_days: dict[str, int]  # "first" → 1, "final" → 0 (the last day of the range)
    season_months: dict[str, tuple[int, int]]  # "summer" → (6, 8): its first and last month
    ago_units: dict[str, str]  # "days" → "day", for "10 days ago"
    holidays: dict[str, tuple[int, int]]  # "Christmas" → (12, 25)
    holiday_words: tuple[str, ...]  # the first word of each holiday (a cheap pre-test)
    dated_names: frozenset[str]  # "the Outer Space Treaty of 1967": "of" a year is its date
    number_labels: frozenset[str]  # "Flight 1549": a number after one of these is no year
    decade_words: frozenset[str]  # "the mid-1980’s": words before a decade (besides determiners)
    # "Since December 2022": a year opening a period that lasts to the story's time
    period_start_years: re.Pattern[str]


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@cache
def _rules() -> _Rules:
    data = load_data("dates.yml")
    months = {form: n for n, forms in enumerate(_month_lists(), start=1) for form in forms}
    weekdays = {name: n for n, name in enumerate(str_list(data.get("weekdays")))}
    relative: dict[str, tuple[str, int]] = {}
    raw_relative = data.get("relative")
    for entry in raw_relative if isinstance(raw_relative, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("offset"), int):
            key = " ".join(str(entry.get("expression", "")).lower().split())
            relative[key] = (str(entry.get("unit")), int(entry["offset"]))
    preps = str_list(data.get("prepositions")) or ("in", "on")
    future = str_list(data.get("future_markers")) or ("will",)
    offsets, counted, alone = _offsets(data.get("offsets"))
    past = str_list(data.get("past_markers"))
    raw_numbers = data.get("numbers")
    numbers = {
        str(k).lower(): int(v)
        for k, v in (raw_numbers.items() if isinstance(raw_numbers, dict) else ())
        if isinstance(v, int)
    }
    historic = data.get("historic_years")
    raw_ago = data.get("ago_units")
    ago_units = {
        str(k).lower(): str(v)
        for k, v in (raw_ago.items() if isinstance(raw_ago, dict) else ())
        if v in ("day", "week", "month", "year")
    }
    raw_seasons = data.get("season_months")
    season_months = {
        str(k).lower(): (int(v[0]), int(v[1]))
        for k, v in (raw_seasons.items() if isinstance(raw_seasons, dict) else ())
        if isinstance(v, list) and len(v) == 2 and all(isinstance(m, int) for m in v)
    }
    raw_holidays = data.get("holidays")
    holidays = {
        str(k): (int(v[0]), int(v[1]))
        for k, v in (raw_holidays.items() if isinstance(raw_holidays, dict) else ())
        if isinstance(v, list) and len(v) == 2 and all(isinstance(n, int) for n in v)
    }
    raw_days = data.get("event_days")
    event_days = {
        str(k).lower(): int(v)
        for k, v in (raw_days.items() if isinstance(raw_days, dict) else ())
        if isinstance(v, int)
    }
    shapes = _Shapes(
        months=list(months),
        weekdays=list(weekdays),
        relative=list(relative),
        preps=list(preps),
        determiners=list(str_list(data.get("year_determiners"))),
        count_nouns=list(str_list(data.get("count_nouns"))),
        range_words=list(str_list(data.get("range_words"))),
        label_nouns=list(str_list(data.get("label_nouns"))),
        event_days=list(event_days),
        event_day_nouns=list(str_list(data.get("event_day_nouns"))),
        offsets=[o for o in offsets if o not in alone],
        alone=sorted(alone),
        counted=list(counted),
        seasons=list(str_list(data.get("seasons"))),
        numbers=list(numbers),
        address_words=list(str_list(data.get("address_words"))),
        ago_units=list(ago_units),
        ago_words=list(str_list(data.get("ago_words"))),
        holidays=list(holidays),
        holiday_followers=list(str_list(data.get("holiday_followers"))),
    )
    return _Rules(
        months=months,
        weekdays=weekdays,
        relative=relative,
        patterns=_patterns(shapes),
        future=patterns.compile(rf"(?i)(?<![\w’'])(?:{_alternation(future)})(?![\w’'])"),
        # the listed words, or a regular verb in the past: lower-case, ending in -ed
        past=patterns.compile(
            rf"(?<![\w’'-])(?:(?i:{_alternation(past) or '(?!x)x'})|[a-z]{{2,}}ed)(?![\w’'-])"
        ),
        month_words=_shortest_forms(months),
        weekday_words=_shortest_forms(weekdays),
        offsets=offsets,
        counted=counted,
        numbers=numbers,
        historic_years=historic if isinstance(historic, int) and historic > 0 else 2,
        hedges=patterns.compile(
            rf"(?i)(?<![\w’'-])(?:{_alternation(str_list(data.get('hedges')))})(?![\w’'-])"
            if str_list(data.get("hedges"))
            else r"(?!x)x"
        ),
        determiners=frozenset(d.lower() for d in str_list(data.get("year_determiners"))),
        speaker_relative=frozenset(
            " ".join(w.lower().split()) for w in str_list(data.get("speaker_relative"))
        ),
        speaker_days=frozenset(w.lower() for w in str_list(data.get("speaker_days"))),
        possessive_events=frozenset(w.lower() for w in str_list(data.get("possessive_events"))),
        event_days=event_days,
        season_months=season_months,
        ago_units=ago_units,
        holidays=holidays,
        holiday_words=tuple(sorted({h.split()[0] for h in holidays})),
        dated_names=frozenset(str_list(data.get("dated_names"))),
        number_labels=frozenset(str_list(data.get("number_labels"))),
        decade_words=frozenset(w.lower() for w in str_list(data.get("decade_words"))),
        season_words=patterns.compile(
            f"(?i:{_alternation(str_list(data.get('seasons')))})"
            if str_list(data.get("seasons"))
            else r"(?!x)x"
        ),
        period_start_years=patterns.compile(
            rf"(?<![\w’'-])(?i:{_alternation(str_list(data.get('period_start_words')))})\s+"
            rf"(?:(?:{_month_forms(list(months))})\s+(?:[0-3]?\d,?\s+)?)?{_YEAR}"
            if str_list(data.get("period_start_words"))
            else r"(?!x)x"
        ),
    )


def _offsets(
    raw: object,
) -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]], set[str]]:
    """Fixed offsets, counted ones ("days later" after a number), and those that count only
    when no word follows them."""
    fixed: dict[str, tuple[str, int]] = {}
    counted: dict[str, tuple[str, int]] = {}
    alone: set[str] = set()
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, dict):
            continue
        expression = " ".join(str(entry.get("expression", "")).lower().split())
        unit = str(entry.get("unit"))
        if expression.startswith("{number} ") and isinstance(entry.get("sign"), int):
            counted[expression.removeprefix("{number} ")] = (unit, int(entry["sign"]))
        elif expression and isinstance(entry.get("offset"), int):
            fixed[expression] = (unit, int(entry["offset"]))
            if entry.get("alone") is True:
                alone.add(expression)
    return fixed, counted, alone


@dataclass(frozen=True)
class _Shapes:
    """The word lists the patterns are built from."""

    months: list[str]
    weekdays: list[str]
    relative: list[str]
    preps: list[str]
    determiners: list[str]
    count_nouns: list[str]
    range_words: list[str]
    label_nouns: list[str]
    event_days: list[str]
    event_day_nouns: list[str]
    offsets: list[str]
    alone: list[str]
    counted: list[str]
    seasons: list[str]
    numbers: list[str]
    address_words: list[str]
    ago_units: list[str]
    ago_words: list[str]
    holidays: list[str]
    holiday_followers: list[str]


def _shortest_forms(words: Iterable[str]) -> tuple[str, ...]:
    """Words such that a text matching any of `words` holds one of them: the first part of each
    (a part after white space may be written with other white space), minus those holding
    another ("Jan" stands for "January" and "Jan")."""
    unique = {w.split()[0] if w.split() else "" for w in words}
    return tuple(sorted(w for w in unique if not any(o != w and o in w for o in unique)))


def _month_forms(months: list[str]) -> str:
    """Full names as written; other forms (abbreviations) may carry a dot: "Sept." or "Sept"."""
    full = {forms[0] for forms in _month_lists()}
    forms = sorted(months, key=len, reverse=True)
    return "|".join(
        re.escape(f) + (r"(?![\w’'])" if f in full else r"(?:\.|(?![\w’']))") for f in forms
    )


@cache
def _month_lists() -> tuple[tuple[str, ...], ...]:
    raw = load_data("dates.yml").get("months")
    lists = (str_list(forms) for forms in (raw if isinstance(raw, list) else []))
    return tuple(tuple(f.rstrip(".") for f in forms) for forms in lists if forms)


def _patterns(words: _Shapes) -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Month and weekday names keep their capital ("May", never "may"); an abbreviation may
    # carry a dot. Prepositions and relative expressions match in any case ("Last month").
    month = rf"(?P<month>{_month_forms(words.months)})"
    weekday = rf"(?P<weekday>{_alternation(words.weekdays)})(?![\w’'])"
    prep = rf"(?:(?i:{_alternation(words.preps)})\s+)?"
    edge = r"(?<![\w’'-])"
    # "May 1-2": a range of days gives the month only (group `to`)
    to = r"(?:\s*[-–]\s*(?P<to>[0-3]?\d)(?![\d:]))?"
    month_day = rf"{month}\s+{_DAY}{to}(?:,?\s+{_YEAR})?"
    year_ahead = r"\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:1[6-9]\d\d|2[01]\d\d)(?!\w)"
    never = r"(?!x)x"
    counts = _alternation(words.count_nouns) if words.count_nouns else never
    ranges = "".join("|" + re.escape(w) for w in [*words.range_words, *words.label_nouns])
    # "the 1975 mission": a year between a determiner and a word that is not a count noun.
    # The year comes first and the determiner is looked for behind it (one fixed-width
    # look-behind per determiner), so the search only stops at digits.
    behind = "|".join(rf"(?<=(?<![\w’'-])(?i:{re.escape(d)})\s\d{{4}})" for d in words.determiners)
    if behind:  # a possessive determines too: "the Counseil's 2007 Military World Games";
        # and a year opening a block names an event: "2023 Armed Forces Basketball Finals"
        # a year opening a line does too ("WHAT:\n2016 Atlantic hurricane season outlook …"),
        # and one opening a parenthesis before a capitalised noun: "(2000 Olympian)"
        behind += r"|(?<=\w[’']s\s\d{4})|(?<=^\d{4})|(?<=\n\d{4})|(?<=\(\d{4})(?=\s+[A-Z])"
    # "1600 Pennsylvania Avenue", "2000 Main St.": a street number, no year
    street = (
        rf"(?!\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}(?:{_alternation(words.address_words)})(?![\w’'-]))"
        if words.address_words
        else ""
    )
    adjective = (
        rf"{_YEAR}(?:{behind})(?=\s+(?!(?i:{counts}{ranges})(?![\w’'-]))[^\W\d_]){street}"
        if behind
        else never
    )
    pair = (
        rf"{_YEAR}(?:{behind})[/–-][’']?(?P<next>\d\d)(?![\w’'-])"
        rf"(?=\s+(?!(?i:{counts}{ranges})(?![\w’'-]))[^\W\d_])"
        if behind
        else never
    )
    number = rf"(?:{phrase_trie(words.numbers)}|\d{{1,3}})" if words.numbers else r"\d{1,3}"
    # Factored alternations (phrase_trie): the same strings, fewer tries at each position.
    offsets = [phrase_trie(words.offsets)] if words.offsets else []
    if words.alone:  # "the day before," but not "the day before the launch"
        offsets.append(rf"(?:{phrase_trie(words.alone)})(?!\s+[\w“\"])")
    seasons = _alternation(words.seasons) if words.seasons else never
    if words.counted:
        exact = r"(?:(?i:exactly|precisely)\s+)?"
        offsets.append(rf"{exact}{number}\s+(?:{phrase_trie(words.counted)})")
    shapes = [
        ("weekday_date", rf"{prep}{weekday},?\s+{month_day}"),
        # "on August, 24": a comma between month and day only after "on" or before a year
        # ("in August, 24 of the teams" counts teams; "August, 24, 2019" is a date)
        (
            "month_day",
            rf"(?:(?P<on>(?i:on)\s+)|{prep}){month}(?:(?(on),|,(?={year_ahead})))?"
            rf"\s+{_DAY}{to}(?:,?\s+{_YEAR})?",
        ),
        # "17 October 2021"; "from 20-22 August": a range of days gives the month only
        (
            "day_month",
            rf"{prep}{_DAY}(?:\s*[-–]\s*(?P<to>[0-3]?\d)(?![\d:]))?\s+(?:(?i:of)\s+)?{month}"
            rf"(?:,?\s+{_YEAR})?",
        ),
        ("month_year", rf"{prep}{month},?\s+(?:(?i:of)\s+)?{_YEAR}"),
        # "Tuesday's explosion": a possessive weekday (dated only as a weekday written before)
        (
            "weekday",
            rf"(?:(?i:on|last|this|next)\s+)?(?P<weekday>{_alternation(words.weekdays)})"
            rf"(?:(?P<poss>[’']s)(?=\s)|(?![\w’']))",
        ),
        ("offset", rf"(?i:{'|'.join(offsets)})(?![\w’'])" if offsets else never),
        # "10 days ago", "two years ago": counted back from publication (`ago_units`)
        (
            "ago",
            rf"(?P<count>{number})\s+(?P<unit>(?i:{_alternation(words.ago_units)}))\s+"
            rf"(?i:{_alternation(words.ago_words)})(?![\w’'-])"
            if words.ago_units and words.ago_words
            else never,
        ),
        # "last summer": the summer before publication (dates.yml `season_months`)
        ("season_relative", rf"(?i:last|past)\s+(?P<season>(?i:{seasons}))(?![\w-])"),
        (
            "relative",
            rf"(?i:{_alternation(words.relative)})(?P<poss>[’']s(?=\s))?(?![\w’'])"
            if words.relative
            else never,
        ),
        ("month", rf"(?i:{_alternation(words.preps)})\s+{month}(?!\s*\d)"),
        # "his conviction last August" (published in January): the August before (`_month_relative`)
        ("month_relative", rf"(?P<which>(?i:last|next))\s+{month}(?!\s*\d)(?![\w’'])"),
        # "their July Moon landing", "in the November election": a month between a possessive
        # or "the" and the noun it qualifies (not "the March on Washington": a word, no month)
        (
            "month_adjective",
            rf"(?i:their|its|his|her|our|the)\s+{month}"
            rf"(?=\s+(?!(?i:on|for|of|to|and|or|in|at)(?![\w’'-]))[A-Za-z])",
        ),
        (
            "year",
            # not the first year of a span ("rates for 2007–2011": five years, no one date)
            # "From 1987 to 1993": the year after "to" of a range from a year is one too
            # … and "between 1986 and 1994": both years
            rf"(?:(?i:{_alternation(words.preps)})|(?<=(?i:from)\s\d{{4}}\s)(?i:to)"
            rf"|(?<=(?i:between)\s\d{{4}}\s)(?i:and))\s+{_YEAR}"
            rf"(?!\s+(?i:{counts})(?![\w’'-]))"
            rf"(?!\s?[–—-]\s?\d)",
        ),
        ("year_adjective", adjective),
        # "… Missions Directorate 2020 Tipping Point awards": a year inside a name (checked by
        # _in_a_name: a determiner or possessive before the name, no number label before it)
        ("year_in_name", rf"(?<=[^\W\d_] ){_YEAR}(?=\s+[A-Z][^\W\d_])"),
        # 'Walt Owen, “Apollo 15 NASA Artist at Work, VAB,” 1971, watercolor on paper': the
        # year of a work, after its quoted title
        ("year_of_work", rf"(?:(?<=[,.][”\"] )|(?<=[”\"], )){_YEAR}(?=,)"),
        # "(1966) — Portrait of astronaut Thomas P. Stafford": a caption's year in brackets
        # before a dash, opening the block: the year of the photograph
        ("year_bracketed", rf"(?<=^\(){_YEAR}(?=\)\s*[—–-])"),
        # "The 2009/'10 flu experience", "the 2009-10 season": a season over two years (both)
        ("year_pair", pair),
        # "11.09.2023", "9/11/2023": day and month in an order the text alone does not tell
        (
            "numeric",
            rf"(?<![\d.,/])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep){_YEAR}(?![.,/]?\d)",
        ),
        # "On 1/16/24": slashes and a two-digit year (month first, as the US writes it)
        (
            "numeric_short",
            r"(?<![\d.,/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<yy>\d\d)(?![.,/]?\d)(?![\w/-])",
        ),
        ("iso", rf"(?<![\d.,/-]){_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
        ("year_possessive", rf"{_YEAR}(?=[’']s\s)"),
        (
            "season_year",
            rf"(?:(?i:early|late|mid-|the)\s*)?(?i:{seasons}),?\s+(?:(?i:of)\s+)?{_YEAR}",
        ),
        # "on the first day of the tournament", "Day two": a day of a range the article gives
        ("event_day", _event_day_shape(words) if words.event_days else never),
        # "at Christmas", "on New Year’s Day": a holiday on a fixed day (`holidays`)
        (
            "holiday",
            rf"(?i:on|at)\s+(?P<holiday>{_alternation(words.holidays)})(?![\w’'-])"
            rf"(?=\s*(?:[,.;:!?)—–]|$)|\s+(?:{_alternation(words.holiday_followers)})(?![\w’'-]))"
            if words.holidays
            else never,
        ),
    ]
    return tuple((kind, patterns.compile(edge + body)) for kind, body in shapes)


def _event_day_shape(words: _Shapes) -> str:
    ordinal = _alternation(words.event_days)
    nouns = _alternation(words.event_day_nouns) if words.event_day_nouns else r"(?!x)x"
    return (
        rf"(?i:(?:on\s+)?(?:the\s+)?(?P<ord>{ordinal})\s+day(?:\s+of\s+(?:the\s+)?(?:{nouns}))?"
        rf"(?![\w’'-])(?!\s+of\b)|day\s+(?P<num>{ordinal})(?![\w’'-]))"
    )


# What each kind of expression needs in the text: a month name (as written, capital and
# all), a weekday name, a digit (\d, as in the patterns). A text without one is not searched
# for those kinds, which is most of them: most paragraphs name no month and no weekday.
_NEEDS = {
    "weekday_date": ("month", "weekday", "digit"),
    "month_day": ("month", "digit"),
    "day_month": ("month", "digit"),
    "month_year": ("month", "digit"),
    "weekday": ("weekday",),
    "offset": (),
    "relative": (),
    "ago": (),
    "month": ("month",),
    "month_relative": ("month",),
    "month_adjective": ("month",),
    "year": ("digit",),
    "year_adjective": ("digit",),
    "year_in_name": ("digit",),
    "year_of_work": ("digit",),
    "year_bracketed": ("digit",),
    "year_pair": ("digit",),
    "numeric": ("digit",),
    "numeric_short": ("digit",),
    "iso": ("digit",),
    "year_possessive": ("digit",),
    "season_year": ("digit", "season"),
    "season_relative": ("season",),
    "event_day": (),
    "holiday": ("holiday",),
}
_DIGIT = patterns.compile(r"\d")


def _candidates(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping matches: the leftmost wins, then the longest, then the most specific."""
    rules = _rules()
    has = {
        "month": any(w in text for w in rules.month_words),
        "weekday": any(w in text for w in rules.weekday_words),
        "digit": _DIGIT.search(text) is not None,
        "season": rules.season_words.search(text) is not None,
        "holiday": any(w in text for w in rules.holiday_words),
    }
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for rank, (kind, pattern) in enumerate(rules.patterns):
        if not all(has[need] for need in _NEEDS[kind]):
            continue  # the pattern needs a word the text lacks: it cannot match
        found.extend((m.start(), -m.end(), rank, kind, m) for m in pattern.finditer(text))
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    for start, neg_end, _, kind, match in found:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, -neg_end, kind, match))
    return chosen


def _nearest_year(month: int, day: int, published: dt.date) -> dt.date | None:
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:  # no such day, or a year outside 1..9999
            continue
    # Nearest to publication; on a tie the earlier (reporting looks back more than ahead).
    return min(options, key=lambda d: (abs((d - published).days), d)) if options else None


def _add_days(day: dt.date, days: int) -> dt.date | None:
    """`day` + `days`, or None outside the calendar (0001-01-01 − 1 day, 9999-12-31 + 1)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass
class _Context:
    """What a yearless or relative date may lean on."""

    published: dt.date | None
    year: int | None = None  # the last year the paragraph wrote out, before this expression
    year_frames: bool = False  # that year frames what follows ("In 1965, …" or a sentence ago)
    # the last year written as a qualifier ("the 1975 mission", "the crash of December 1968"):
    # it sets no time for what follows, but with a published date it makes a yearless date unsure
    attributive_year: int | None = None
    anchor: str | None = None  # the date of the event before this expression
    # (month, day) → year of the dates the article wrote out in full so far ("Feb. 27, 2024")
    full_dates: dict[tuple[int, int], int] = field(default_factory=dict)
    # month → the year of each day of that month the paragraphs wrote out in full so far
    # ("updated on March 22, 2024", "Monday, March 25" placed by its weekday): without a
    # published date, two or more days there, all of one year, place another day of the month
    # ("who docked to the station on March 5"); captions' dates are not counted
    full_months: dict[int, list[int]] = field(default_factory=dict)
    years: frozenset[int] | None = None  # every year the article writes (no published date)
    # the years written before the block at hand, and where the sentence at hand ends (for
    # _weekday_date_alone)
    years_before: frozenset[int] = frozenset()
    sentence_end: int = -1
    # where the paragraph's last year stands when it opens its sentence ("In 2014, …"): without a
    # published date it still places a yearless day of that very sentence
    opening_year_sentence: int = -1
    list_year: int | None = None  # the year closing a list of days: "July 31, August 7, in 2023"
    # Without a published date: the year the article writes most, if it dominates (at least
    # twice, and twice as often as any other), for the days and months it leaves without one
    # ("in May 1969 … May 6")
    reference_year: int | None = None
    # Where the attributive year stands, the sentence of the expression at hand, and how many
    # years that sentence writes: "the 2009 Armed Forces Boxing Championships … on May 1"
    attributive_sentence: int = -1
    sentence: int = -1
    sentence_years: int = 0
    # The last range of days the article gave ("March 16-17, 2013"): its first and last day,
    # for "the first day of the tournament", "day two"
    day_range: tuple[dt.date, dt.date] | None = None
    # Whether the lede dates the story's event before publication ("walked off the field …
    # Sept. 18" in a report of Sept. 25): then a quoted "today" is the speaker's day, not ours
    lede_seen: bool = False
    reported_before: bool = False
    # weekday (0 Monday) → the date a weekday written so far was given ("On Tuesday, …"), for
    # "Tuesday's explosion" later on
    weekday_dates: dict[int, str] = field(default_factory=dict)


def _historic(year: int, published: dt.date | None) -> bool:
    return published is not None and year <= published.year - _rules().historic_years


def _yearless(month: int, day: int | None, ctx: _Context, tense: str = "") -> str | None:
    """A month (and day) without a year: the year a list of days closes with; the year of the
    same day written out in full earlier; the paragraph's earlier year when the paragraph is
    about an earlier time; else the year nearest to publication, or the one before or after it
    when the sentence's tense says so. None when that is uncertain."""
    if ctx.list_year is not None:
        return _on(ctx.list_year, month, day)
    if day is not None and (month, day) in ctx.full_dates:
        return _on(ctx.full_dates[(month, day)], month, day)
    if ctx.published is None:  # no publication to measure "an earlier time" against
        # (nor a paragraph's own year: "launched Sept. 15, 2023 … on March 23" may be 2024)
        if ctx.year is not None and ctx.opening_year_sentence == ctx.sentence:
            # "In 2014, Wilmore made time to call Stover at Christmas": the year opening the
            # sentence is the time of what it tells
            return _on(ctx.year, month, day)
        month_years = ctx.full_months.get(month, [])
        if day is not None and len(month_years) >= 2 and len(set(month_years)) == 1:
            # "updated on March 22, 2024", "Monday, March 25" … "who docked to the station on
            # March 5": the one year the paragraphs gave that month, twice or more (a single
            # "born March 3, 1930" places no "died March 5")
            return _on(month_years[0], month, day)
        if ctx.reference_year is not None:
            return _on(ctx.reference_year, month, day)  # the year the article is about
        if (
            ctx.attributive_year is not None
            and ctx.attributive_sentence == ctx.sentence
            and ctx.sentence_years == 1
        ):
            # "the 2009 Armed Forces Boxing Championships at Barnes Field House on May 1": the
            # only year of the sentence names the event whose day it gives
            return _on(ctx.attributive_year, month, day)
        return None
    if ctx.year is not None and _historic(ctx.year, ctx.published):
        if not ctx.year_frames:
            return None  # "Leonov, who flew in 1965, died on Oct. 11": which year is unsure
        return _on(ctx.year, month, day)
    if ctx.attributive_year is not None and _historic(ctx.attributive_year, ctx.published):
        return None  # "He flew the 1975 mission and landed on July 24": unsure
    resolved = _nearest_year(month, day or 1, ctx.published)
    if resolved is None:
        return None
    resolved = _by_tense(resolved, month, day, ctx.published, tense)
    if (
        ctx.attributive_year is not None
        and ctx.attributive_sentence == ctx.sentence
        and ctx.attributive_year != resolved.year
    ):
        return None  # "The 2025 launch window opens in September" (published 2024): unsure
    return resolved.isoformat() if day is not None else resolved.isoformat()[:7]


def _on(year: int, month: int, day: int | None) -> str | None:
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _by_tense(
    nearest: dt.date, month: int, day: int | None, published: dt.date, tense: str
) -> dt.date:
    """The nearest date, unless it lies on the wrong side of publication for the sentence's
    tense: "In January, he was arrested" (published in September) is last January."""
    rules = _rules()
    future = bool(rules.future.search(tense))
    past = bool(rules.past.search(tense))
    first_of_month = dt.date(published.year, published.month, 1)
    ahead = nearest > published if day is not None else nearest > first_of_month
    behind = nearest < published if day is not None else nearest < first_of_month
    shift = -1 if ahead and past and not future else 1 if behind and future and not past else 0
    if not shift:
        return nearest
    try:
        return dt.date(nearest.year + shift, month, day or 1)
    except ValueError:
        return nearest


def _day_month(match: re.Match[str], ctx: _Context, tense: str) -> str | None:
    month = _rules().months[match.group("month").rstrip(".")]
    day: int | None = int(match.group("day"))
    if match.groupdict().get("to"):
        day = None  # "May 1-2", "Between May 19-22": the month is all the words give
    if match.group("year"):
        return _on(int(match.group("year")), month, day)
    resolved = _yearless(month, day, ctx, tense)
    weekday = _rules().weekdays.get(match.groupdict().get("weekday") or "")
    if resolved is None or day is None or weekday is None:
        return resolved
    return _agreeing_weekday(dt.date.fromisoformat(resolved), weekday, ctx.published)


def _agreeing_weekday(day: dt.date, weekday: int, published: dt.date | None) -> str | None:
    """A written weekday checks a year the tense moved: "The meeting will take place Monday,
    March 16" in a release of March 17, 1998 is 1998's Monday, not the next year's March 16 (a
    Tuesday) that "will" alone gives. A date moved off the publication's year whose weekday
    disagrees is the publication year's when that day is the weekday, and else left out. (In
    the publication's own year the weekday is not checked: a slip of the weekday there does
    not make the year unsure.)"""
    if published is None or day.year == published.year or day.weekday() == weekday:
        return day.isoformat()
    with contextlib.suppress(ValueError):
        same_year = dt.date(published.year, day.month, day.day)
        if same_year.weekday() == weekday:
            return same_year.isoformat()
    return None


def _weekday(weekday: int, future: bool, published: dt.date) -> str | None:
    if future:
        return _iso(_add_days(published, (weekday - published.weekday()) % 7))
    return _iso(_add_days(published, -((published.weekday() - weekday) % 7)))


def _shift_month(year: int, month: int, offset: int) -> str | None:
    index = year * 12 + month - 1 + offset
    if not 1 <= index // 12 <= 9999:
        return None
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _shift_year(year: int, offset: int) -> str | None:
    return f"{year + offset:04d}" if 1 <= year + offset <= 9999 else None


def _seven_days(first: dt.date | None) -> str | None:
    """Some day of the seven from `first`: their month, else their year, else unknown."""
    last = _add_days(first, 6) if first is not None else None
    if first is None or last is None:
        return None
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == last.year else None


def _week(published: dt.date, offset: int) -> str | None:
    day = _add_days(published, 7 * offset)
    return _seven_days(_add_days(day, -day.weekday()) if day is not None else None)


def _relative(expression: str, published: dt.date) -> str | None:
    unit, offset = _rules().relative.get(" ".join(expression.lower().split()), ("", 0))
    if unit == "day":
        return _iso(_add_days(published, offset))
    if unit == "week":
        return _week(published, offset)
    if unit == "month":
        return _shift_month(published.year, published.month, offset)
    if unit == "year":
        return _shift_year(published.year, offset)
    return None


def _offset(expression: str, anchor: str | None) -> str | None:
    """ "two months later" from the event before it: never more precise than either."""
    if anchor is None:
        return None
    rules = _rules()
    words = " ".join(expression.lower().split())
    exact = words.startswith(("exactly ", "precisely "))  # "Exactly two months later": the day
    words = words.split(" ", 1)[1] if exact else words
    unit, offset = rules.offsets.get(words, ("", 0))
    if not unit:
        count, _, rest = words.partition(" ")
        unit, sign = rules.counted.get(rest, ("", 0))
        number = rules.numbers.get(count) if not count.isdigit() else int(count)
        if not unit or number is None:
            return None
        offset = sign * number
    parts = [int(p) for p in anchor.split("-")]
    if unit == "week-span":  # "the week before": some day of those seven, so their month
        if len(parts) != 3:
            return None
        return _seven_days(_add_days(dt.date(*parts), 7 * offset if offset < 0 else 1))
    if unit in ("day", "week"):
        if len(parts) != 3:
            return None  # "the next day" after "in December": which day is unknown
        days = offset * (7 if unit == "week" else 1)
        return _iso(_add_days(dt.date(*parts), days))
    if unit in ("month", "year") and exact and len(parts) == 3:
        months = offset * (12 if unit == "year" else 1)
        shifted = _shift_month(parts[0], parts[1], months)
        return _on(int(shifted[:4]), int(shifted[5:7]), parts[2]) if shifted else None
    if unit == "month":
        return _shift_month(parts[0], parts[1], offset) if len(parts) >= 2 else None
    if unit == "year":
        return _shift_year(parts[0], offset)
    return None


def _resolve(kind: str, match: re.Match[str], tense: str, ctx: _Context) -> str | None:
    rules = _rules()
    if kind == "weekday_date" and not match.group("year") and ctx.published is None:
        return _weekday_date_alone(match, ctx)
    if kind in ("weekday_date", "month_day", "day_month"):
        return _day_month(match, ctx, tense)
    if kind == "month_year":
        return f"{match.group('year')}-{rules.months[match.group('month').rstrip('.')]:02d}"
    if kind in (
        "year",
        "year_adjective",
        "year_possessive",
        "season_year",
        "year_of_work",
        "year_bracketed",
    ):
        return match.group("year")
    if kind == "year_in_name":
        return match.group("year") if _in_a_name(match) else None
    if kind == "year_pair":  # only two years running: "2009/'10", never "2009/'12"
        year = int(match.group("year"))
        return str(year) if int(match.group("next")) == (year + 1) % 100 else None
    if kind == "iso":
        return _on(int(match.group("year")), int(match.group("m")), int(match.group("d")))
    if kind == "numeric":
        return _numeric(match, ctx.published)
    if kind == "numeric_short":
        return _numeric_short(match, ctx.published)
    if kind in ("month", "month_adjective"):
        return _yearless(rules.months[match.group("month").rstrip(".")], None, ctx, tense)
    if kind == "offset":
        return _offset(match.group(), ctx.anchor)
    if kind == "event_day":
        return _event_day(match, ctx.day_range)
    if kind == "holiday":
        month, day = rules.holidays[" ".join(match.group("holiday").split())]
        return _yearless(month, day, ctx, tense)
    if kind == "month_relative":
        return _month_relative(match, ctx.published)
    published = ctx.published
    if kind == "relative" and published is None:
        return _undated_this_year(match, ctx)
    if published is None:
        return None
    if kind == "season_relative":
        return _season(match, published)
    if kind == "ago":
        return _ago(match, published)
    if kind == "weekday" and (match.group("poss") or _after_the(match)):
        # "Tuesday's explosion", "the Sunday attempt": the day of an earlier "On Tuesday", else
        # unknown (the noun does not say whether the Tuesday is past or to come: "ahead of
        # Tuesday's vote"; a weekday's tense is judged by its sentence, which here is the noun's)
        return ctx.weekday_dates.get(rules.weekdays[match.group("weekday")])
    if kind == "weekday":
        future = bool(rules.future.search(tense)) or match.group().lower().startswith("next")
        past = match.group().lower().startswith("last")
        return _weekday(rules.weekdays[match.group("weekday")], future and not past, published)
    if kind == "relative":
        words, poss = match.group(), match.group("poss")
        return _relative(words[: -len(poss)] if poss else words, published)
    return None


def _month_relative(match: re.Match[str], published: dt.date | None) -> str | None:
    """ "last August" / "next March": the month before or after publication, only where the
    words cannot mean two years ("last August" in January is the August before; in September it
    may be either the month just gone or the one a year earlier: left out)."""
    if published is None:
        return None
    month = _rules().months[match.group("month").rstrip(".")]
    if match.group("which").lower() == "last":
        return f"{published.year - 1:04d}-{month:02d}" if month > published.month else None
    return f"{published.year + 1:04d}-{month:02d}" if month < published.month else None


def _after_the(match: re.Match[str]) -> bool:
    """A bare weekday right after "the" ("for the Sunday attempt"): a noun's qualifier."""
    before = match.string[max(0, match.start() - 5) : match.start()]
    return match.group() == match.group("weekday") and bool(_THE_BEFORE.search(before))


def _undated_this_year(match: re.Match[str], ctx: _Context) -> str | None:
    """ "this year" in an article with no published date: the year the article is about (the
    one it writes most, dominating, `reference_year`) when no later year is written; else, or
    for any other relative word, unknown."""
    words = match.group()
    poss = match.group("poss")
    unit, offset = _rules().relative.get(
        " ".join((words[: -len(poss)] if poss else words).lower().split()), ("", 0)
    )
    year = ctx.reference_year
    if unit != "year" or offset != 0 or year is None or any(y > year for y in ctx.years or ()):
        return None
    return f"{year:04d}"


def _ago(match: re.Match[str], published: dt.date) -> str | None:
    """ "10 days ago" (that day), "three weeks ago" (the month of the week around that day,
    if one), "two months ago" (that month), "a year ago" (that year), from publication."""
    rules = _rules()
    count = match.group("count").lower()
    number = int(count) if count.isdigit() else rules.numbers.get(count)
    unit = rules.ago_units.get(match.group("unit").lower())
    if number is None or unit is None:
        return None
    if unit == "day":
        return _iso(_add_days(published, -number))
    if unit == "week":
        return _seven_days(_add_days(published, -7 * number - 3))
    if unit == "month":
        return _shift_month(published.year, published.month, -number)
    return _shift_year(published.year, -number)


def _season(match: re.Match[str], published: dt.date) -> str | None:
    """ "last summer": the year of that season, when publication leaves no doubt: before or
    during this year's, it is last year's (after it, it may be either). A season across two
    years (winter) is not placed, and the year is all the words give. "this fall", "next
    spring" tell a plan, vaguely: not placed."""
    months = _rules().season_months.get(match.group("season").lower())
    if months is None:
        return None
    return f"{published.year - 1:04d}" if published.month <= months[1] else None


def _event_day(match: re.Match[str], days: tuple[dt.date, dt.date] | None) -> str | None:
    """ "The first day of the tournament", "day two", "the final day": a day of the range of
    days the article gave before (`event_days`: 1 the first, 0 the last). None without one, or
    past its end."""
    if days is None:
        return None
    first, last = days
    number = _rules().event_days[(match.group("ord") or match.group("num")).lower()]
    day = last if number == 0 else _add_days(first, number - 1)
    return day.isoformat() if day is not None and day <= last else None


def _day_range(kind: str, match: re.Match[str], date: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of "March 16-17, 2013" once it is dated (to its month)."""
    if kind not in _YEARLESS_DAYS or date is None or not match.groupdict().get("to"):
        return None
    year, month = int(date[:4]), int(date[5:7])
    try:
        first = dt.date(year, month, int(match.group("day")))
        last = dt.date(year, month, int(match.group("to")))
    except ValueError:
        return None
    return (first, last) if first < last else None


def _numeric(match: re.Match[str], published: dt.date | None) -> str | None:
    """ "11.09.2023": day first or month first? Only what makes it certain places it."""
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    return _certain_day(a, b, year, published)


def _numeric_short(match: re.Match[str], published: dt.date | None) -> str | None:
    """ "1/16/24": month, day and a two-digit year, as the US writes them. The day must be
    certain (as _numeric has it); the year is the one of its century nearest publication, or
    with no publication date POSIX's pivot (00-68 the 2000s, 69-99 the 1900s, as strptime's
    %y reads it)."""
    a, b, yy = int(match.group("a")), int(match.group("b")), int(match.group("yy"))
    if published is not None:
        year = min((c + yy for c in (1900, 2000, 2100)), key=lambda y: abs(y - published.year))
    else:
        year = (2000 if yy <= 68 else 1900) + yy
    return _certain_day(a, b, year, published)


def _certain_day(a: int, b: int, year: int, published: dt.date | None) -> str | None:
    """The day two numbers give in either order, only when something makes it certain: a number
    above 12 (it is the day), the same number twice, or a published date equal to one reading
    and not the other (a date line). Otherwise None: left out."""
    readings = {r for r in (_on(year, b, a), _on(year, a, b)) if r and min(a, b) >= 1}
    if a > 12 or b > 12 or a == b:
        return readings.pop() if len(readings) == 1 else None
    if published is not None and published.isoformat() in readings:
        return published.isoformat()
    return None


def _weekday_date_alone(match: re.Match[str], ctx: _Context) -> str | None:
    """ "Monday, April 8" in an article with no published date: the one year the article
    writes in which April 8 is a Monday, if there is exactly one."""
    month = _rules().months[match.group("month").rstrip(".")]
    day = int(match.group("day"))
    weekday = _rules().weekdays[match.group("weekday")]
    fits = []
    # the years written so far, and the latest the article writes (an undated report's news
    # is no older than its history): "Monday, May 6" in a lede is not 2002's because a later
    # paragraph goes back to 2002 (May 6, 2002 was a Monday), but "The 2024 eclipse" places
    # "On Monday, April 8, the eclipse …"
    written = ctx.years_before.union(
        int(y) for y in _YEAR_WORDS.findall(match.string, 0, max(ctx.sentence_end, match.end()))
    )
    if ctx.years:
        written |= {max(ctx.years)}
    for year in sorted(written & (ctx.years or frozenset())):
        try:
            if dt.date(year, month, day).weekday() == weekday:
                fits.append(year)
        except ValueError:
            continue
    if len(fits) == 1:
        return dt.date(fits[0], month, day).isoformat()
    return _period_start(match, month, day, weekday)


_STARTS = patterns.compile(r"(?i)\b(?:begins?|began|starts?|commences?|effective)\s+(?:on\s+)?$")
_PERIOD_PART = patterns.compile(
    r"(?i)(?<![\w-])(?P<n>\d{1,3}|[a-z]+)[-\s](?P<unit>day|week|month|year)s?(?![\w-])"
)
_PERIOD_END = patterns.compile(
    r"(?i)\b(?:through|until|to|ending)\s+(?P<month>[A-Z][a-z]{2,8})\.?\s+"
    r"(?P<day>[0-3]?\d),\s+(?P<year>1[6-9]\d\d|2[01]\d\d)\b"
)
_PERIOD_SLACK = 62  # days: "through Nov. 30, 2029" after periods adding up to Oct. 31, 2029


def _period_start(match: re.Match[str], month: int, day: int, weekday: int) -> str | None:
    """ "The performance period begins Monday, April 1, and includes a 30-day phase-in period,
    a two-year base period, … and a six-month option, … through Nov. 30, 2029": in an undated
    notice, the one year in which that day is that weekday and the periods the sentence lists
    end, added up, within two months of the end it writes. Otherwise None."""
    text = match.string
    if not _STARTS.search(text, max(0, match.start() - 30), match.start()):
        return None
    rules = _rules()
    tail = text[match.end() : match.end() + 400]
    end = _PERIOD_END.search(tail)
    if end is None or end.group("month") not in rules.months:
        return None
    try:
        last = dt.date(
            int(end.group("year")), rules.months[end.group("month")], int(end.group("day"))
        )
    except ValueError:
        return None
    days = months = 0
    for part in _PERIOD_PART.finditer(tail, 0, end.start()):
        word = part.group("n").lower()
        count = int(word) if word.isdigit() else rules.numbers.get(word)
        if count is None:
            continue
        unit = part.group("unit").lower()
        days += count * {"day": 1, "week": 7}.get(unit, 0)
        months += count * {"month": 1, "year": 12}.get(unit, 0)
    if not days and not months:
        return None
    fits = []
    for year in range(last.year - 40, last.year + 1):
        try:
            start = dt.date(year, month, day)
        except ValueError:
            continue
        if start.weekday() != weekday:
            continue
        shifted = _shift_month(year, month, months)
        if shifted is None:
            continue
        moved = _on(int(shifted[:4]), int(shifted[5:7]), min(day, 28))
        ends = _add_days(dt.date.fromisoformat(moved), days) if moved else None
        if ends is not None and abs((last - ends).days) <= _PERIOD_SLACK:
            fits.append(start)
    return fits[0].isoformat() if len(fits) == 1 else None


def _expression(kind: str, match: re.Match[str]) -> str:
    return " ".join(match.group().split())


_LIST_GAP = patterns.compile(r"\s*(?:,|,?\s+(?:and|or))?\s*")  # "July 31, August 7, and August 21"
_YEARLESS_DAYS = frozenset({"weekday_date", "month_day", "day_month"})
_YEAR_WORDS = patterns.compile(r"(?<![\w’'-])(1[6-9]\d\d|2[01]\d\d)(?![\w’'-])")


def _list_years(text: str, found: list[tuple[int, int, str, re.Match[str]]]) -> list[int | None]:
    """For each yearless day of a list closed by a year ("on July 31, August 7, and August 21,
    in 2023"), that year; None elsewhere."""
    years: list[int | None] = [None] * len(found)
    closing: int | None = None
    for i in range(len(found) - 1, -1, -1):
        start, _, kind, match = found[i]
        own = _written_year(match)
        if kind in _YEARLESS_DAYS and own is None:
            years[i] = closing
        nxt = found[i - 1] if i else None
        # what closes the list for the candidate before this one
        if nxt is not None and _LIST_GAP.fullmatch(text, nxt[1], start):
            if kind == "year" or (kind in _YEARLESS_DAYS and own is not None):
                closing = own
            elif kind not in _YEARLESS_DAYS:
                closing = None
        else:
            closing = None
    return years


def _block_events(block: Block, ctx: _Context) -> list[Event]:
    """The dated events of one block (`ctx`: the article's context, carried between blocks)."""
    text = block.text
    starts = sentence_starts(text)
    events: list[Event] = []
    sentences: dict[int, str] = {}  # each sentence is normalised once, however many dates it has
    ctx.year, ctx.year_frames, ctx.attributive_year = None, False, None
    ctx.opening_year_sentence = -1
    ctx.sentence = ctx.attributive_sentence = -1  # offsets are the block's own
    year_sentence = -1  # where the paragraph's last written-out year stands
    found = _candidates(text)
    quoted = _quoted_spans(text) if found else []
    list_years = _list_years(text, found)
    closes_list = {i + 1 for i, y in enumerate(list_years) if y is not None}
    for number, (start, end, kind, match) in enumerate(found):
        lo, hi = sentence_bounds(text, starts, start)
        if lo not in sentences:
            sentences[lo] = " ".join(text[lo:hi].split())
        sentence = sentences[lo]
        if ctx.sentence != lo:
            ctx.sentence, ctx.sentence_years = lo, len(set(_YEAR_WORDS.findall(text, lo, hi)))
            ctx.sentence_end = hi
        if ctx.year is not None and year_sentence < lo:
            ctx.year_frames = True  # a year written in an earlier sentence frames this one
        ctx.list_year = list_years[number]
        # Tense is judged near the expression, so a very long sentence costs no more.
        nearby = text[max(lo, start - _TENSE_WINDOW) : min(hi, end + _TENSE_WINDOW)]
        hedged = bool(_rules().hedges.search(text, max(lo, start - _HEDGE_WINDOW), start))
        hedged = hedged or _not_a_date(text, start, kind, match, quoted, ctx.reported_before)
        # "most likely in November", "tentatively planned for September": uncertain, left out
        date = None if hedged else _resolve(kind, match, _QUOTED.sub(" ", nearby), ctx)
        if date and not (kind == "year" and number in closes_list):  # "…, in 2023" closes a list
            events.append(Event(date, sentence, block.id, _expression(kind, match)))
            if kind == "year_pair":  # and the year after: "2009/'10" is 2009 and 2010
                events.append(Event(str(int(date) + 1), sentence, block.id, events[-1].expression))
        ctx.day_range = _day_range(kind, match, date) or ctx.day_range
        if kind == "weekday" and date and not match.group("poss"):
            ctx.weekday_dates.setdefault(_rules().weekdays[match.group("weekday")], date)
        if kind != "year" or number not in closes_list:
            # An offset counts from the date expression before it; when that one could not be
            # placed ("On May 24" with no year to give it), neither can the offset.
            ctx.anchor = date
        year = _written_year(match)
        if kind == "weekday_date" and year is None and date and ctx.published is None:
            year = int(date[:4])  # "Monday, April 8", placed by its weekday: as good as written
        if year is not None:
            if kind in _YEARLESS_DAYS:
                day = int(match.group("day"))
                month = _rules().months[match.group("month").rstrip(".")]
                ctx.full_dates[(month, day)] = year
                ctx.full_months.setdefault(month, []).append(year)
            if kind in _ATTRIBUTIVE or _qualifies(text, start, match):
                # "the December 1968 crash", "the 1975 mission", "the Song of the Year for
                # 1969": a year that qualifies a noun sets no time for what follows
                ctx.attributive_year = year
                ctx.attributive_sentence = lo
                if year != ctx.year:  # two years in play: neither frames what follows
                    ctx.year, ctx.year_frames = None, False
            else:
                ctx.year = year
                # "In 1965, …" opens its sentence (opening marks aside): it frames what follows
                ctx.year_frames = start - lo <= 3 and not text[lo:start].strip(' “"(')
                year_sentence = lo
                ctx.opening_year_sentence = lo if ctx.year_frames else -1
    if not ctx.lede_seen and block.kind == "paragraph":
        ctx.lede_seen = True
        published = ctx.published.isoformat() if ctx.published else None
        ctx.reported_before = published is not None and any(
            len(e.date) == 10 and e.date < published for e in events
        )
    return events


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies inside one of the sorted, disjoint `spans`."""
    index = bisect.bisect_right(spans, (pos, pos)) - 1
    return index >= 0 and spans[index][0] < pos < spans[index][1]


def _not_a_date(
    text: str,
    start: int,
    kind: str,
    match: re.Match[str],
    quoted: list[tuple[int, int]],
    reported_before: bool = False,
) -> bool:
    """Expressions that name no date of the story: "tonight" inside a quotation (the
    speaker's night, not the article's); "over the last year" (a period); "the PACT Act of
    2022" (a title)."""
    if kind == "ago" and reported_before and _inside(quoted, start):
        return True  # "two weeks ago," said the coach, in a report a week later: his weeks
    if kind == "relative" and _inside(quoted, start):
        # "tonight" in a coach's words is the night he spoke of, not the article's; "today" in
        # a statement released that day is the day (dates.yml `speaker_relative`)
        words = " ".join(match.group().lower().split())
        if words in _rules().speaker_relative:
            return True
        if reported_before and words in _rules().speaker_days:
            return True  # "what we did today," said the coach, a week before publication
    if kind == "relative" and _title_cased(text, start, match):
        return True  # "At SSA in Boulder This Week...", "on NBC's Today": a title, no date
    if kind == "month" and _NAME_AFTER.match(text, match.end()):
        return True  # "of March Air Reserve Base", "in May Day parades": a name, not a month
    if kind in ("relative", "weekday") and match.group("poss"):
        # "today’s vote" is the day; "in today’s world" is no date: only an event noun within
        # a few words after the possessive makes it one (dates.yml `possessive_events`)
        following = text[match.end() : match.end() + 60].lower().split()[:4]
        if not any(w.strip(",.;:") in _rules().possessive_events for w in following):
            return True
    before = text[max(0, start - 12) : start].split()
    last = before[-1] if before else ""
    if kind in ("year", "year_possessive") and _decade(text, match, last):
        return True  # "a 1980’s or 90’s show": a decade, no year
    if kind in ("relative", "season_relative") and last.lower() in ("the", "past"):
        return True  # "over the last year", "the last summer of his life": a period
    if kind == "offset" and last.lower() in ("over", "throughout"):
        return True  # "Over the following year, …": the year after the event, no calendar year
    # "the PACT Act of 2022" is a title; "the Outer Space Treaty of 1967" dated (`dated_names`)
    return (
        kind == "year"
        and match.group().lower().startswith("of")
        and last[:1].isupper()
        and last not in _rules().dated_names
    )


_DECADE_BEFORE = patterns.compile(r"\d0[’']?s\s+(?:or|and|to|through)\s+$")
_OTHER_DECADE = patterns.compile(
    r"[’']s\s+(?:or|and|to|through)\s+(?:[’']?\d\d[’']?s|\d{4}[’']?s)\b"
)


def _decade(text: str, match: re.Match[str], last: str) -> bool:
    """ "a 1980’s show", "the mid-1990's", "1980's or 90's": a year ending in 0 written with
    "’s" after a determiner or a decade word (`decade_words`), or beside another decade, is a
    decade, not the year ("1969’s landing" stays a year)."""
    if not match.group("year").endswith("0") or text[match.end() : match.end() + 1] not in (
        "’",
        "'",
    ):
        return False
    words = match.group().split()  # "early 1960’s": the preposition is the word before it
    word = (words[0] if len(words) > 1 else last).lower().rstrip("-")  # "mid-1980’s"
    rules = _rules()
    return (
        word in rules.determiners
        or word in rules.decade_words
        or bool(_OTHER_DECADE.match(text, match.end()))
        or bool(_DECADE_BEFORE.search(text[max(0, match.start() - 20) : match.start()]))
    )


def _title_cased(text: str, start: int, match: re.Match[str]) -> bool:
    """A relative expression capitalised word by word inside a sentence ("in Boulder This
    Week", "NBC's Today show") is part of a heading or a name; at a sentence's start ("Today
    we have", "This week, the crew …") it is the day."""
    words = match.group().split()
    if not all(w[:1].isupper() for w in words):
        return False
    before = text[:start].rstrip(' \t"“‘(')
    return bool(before) and before[-1] not in ".!?:;\n—–"


_ATTRIBUTIVE = frozenset(
    {
        "year_adjective",
        "year_possessive",
        "year_pair",
        "year_in_name",
        "year_of_work",
        "year_bracketed",
    }
)
_NAME_WORD = patterns.compile(r"[A-Z][\w’'&.-]*")
_NAME_WORDS_BEFORE = 4


def _in_a_name(match: re.Match[str]) -> bool:
    """A year between capitalised words: inside a name only when the capitalised words before
    it (at most four) follow a determiner or a possessive ("NASA’s Space Technology Missions
    Directorate 2020 Tipping Point awards"), and the word right before it numbers nothing
    (`number_labels`: "the US Airways Flight 1549 crew")."""
    rules = _rules()
    words = match.string[max(0, match.start() - 120) : match.start()].split()
    if not words or words[-1] in rules.number_labels:
        return False
    for count, word in enumerate(reversed(words)):
        if count > _NAME_WORDS_BEFORE:
            return False
        if word.lower() in rules.determiners or word.endswith(("’s", "'s")):
            return count > 0
        if not _NAME_WORD.fullmatch(word):
            return False
    return False


_NAME_AFTER = patterns.compile(r"[ \t]+[A-Z][a-z]")  # a capitalised word right after a bare month


def _qualifies(text: str, start: int, match: re.Match[str]) -> bool:
    """A date written after a determiner ("the December 1968 crash") or introduced by "of" or
    "for" ("the crash of December 1968"): it qualifies a noun, it is no time adverbial."""
    first = match.group().split(maxsplit=1)[0].lower()
    if first in ("of", "for"):
        return True
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].lower() in _rules().determiners


def _written_year(match: re.Match[str]) -> int | None:
    year = match.groupdict().get("year")
    return int(year) if year else None


def _photo_years(block: Block) -> list[int]:
    """The years of the full dates a caption writes ("Thursday, July 7, 2022")."""
    return [
        int(match.group("year"))
        for _, _, kind, match in _candidates(block.text)
        if kind in _YEARLESS_DAYS and match.group("year")
    ]


def _name_years(text: str) -> list[int]:
    """Years that end a name ("Total Eclipse Fest 2024"): a capitalised word, not a month,
    right before the year. They tell the year of an event's name, not of the days the article
    writes without one ("on March 30"), so they give no reference year. (A year before a
    name, "the 2016 Atlantic hurricane season", is the year of that season: it still counts.)"""
    months = _rules().months
    found = []
    for match in _NAMED_YEAR.finditer(text):
        opening = text[: match.start("word")].rstrip()
        if opening and opening[-1] not in ".!?:;—–\n" and match.group("word") not in months:
            found.append(int(match.group("year")))  # not "In 1969, …" opening a sentence
    return found


_NAMED_YEAR = patterns.compile(
    r"(?<![\w’'-])(?P<word>[A-Z][\w’'&-]*)\s+(?P<year>1[6-9]\d\d|2[01]\d\d)(?![\w’'-])"
)


def _reference_year(written: Counter[int]) -> int | None:
    """The year an undated article writes most, if it dominates: at least twice, and at least
    twice as often as any other year."""
    ranked = written.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def find_events(article: Article) -> tuple[Event, ...]:
    """Every resolvable date expression of the story blocks, in document order."""
    events: list[Event] = []
    story = article.story_blocks
    years = None
    reference = None
    if article.published is None:  # "Monday, April 8" needs the years the article writes
        written = Counter(int(y) for b in story for y in _YEAR_WORDS.findall(b.text))
        years = frozenset(written)
        named = Counter(y for b in story for y in _name_years(b.text))
        # the year the story is about: a caption's full date dates its photo, which may show
        # another time ("Medals of Freedom are displayed Thursday, July 7, 2022", an earlier
        # ceremony), so it does not count towards it
        told = written - Counter(y for b in story if b.kind != "paragraph" for y in _photo_years(b))
        # "Since December 2022, SWOT has been measuring": the period runs up to the story's
        # time, later by an unknown span, so its first year is not the year the story is about
        # ("on Jan. 15" and "on Feb. 4" there stay unresolved)
        starts = _rules().period_start_years
        told -= Counter(int(m.group("year")) for b in story for m in starts.finditer(b.text))
        reference = _reference_year(told - named)
    # Offsets count from the last date of the paragraphs so far; captions neither give nor
    # take one. Full dates ("Feb. 27, 2024") lend their year to the same day written alone.
    paragraphs = _Context(article.published, years=years, reference_year=reference)
    before: set[int] = set()
    for block in story:
        if block.kind == "paragraph":
            paragraphs.years_before = frozenset(before)
            events.extend(_block_events(block, paragraphs))
        else:
            caption = _Context(
                article.published,
                years=years,
                full_dates=dict(paragraphs.full_dates),
                reference_year=reference,
                years_before=frozenset(before),
            )
            events.extend(_block_events(block, caption))
            # a day a caption writes out in full ("Tuesday, April 9, 2024") gives its year to
            # the same day written alone in the story ("The signing took place April 9")
            for day, year in caption.full_dates.items():
                paragraphs.full_dates.setdefault(day, year)
        if years is not None:
            before.update(int(y) for y in _YEAR_WORDS.findall(block.text))
    return tuple(events)
