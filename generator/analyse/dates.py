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

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..model import Article, Block, Event
from .sentences import load_data, sentence_bounds, sentence_starts, str_list

_TENSE_WINDOW = 200  # chars either side of a weekday searched for future markers
# Quoted words do not set the narrative's tense ("on Monday, she said: “we will …”").
_QUOTED = re.compile(r"“[^“”]*”?|\"[^\"]*\"?")
_YEAR = r"(?P<year>1[6-9]\d\d|2[01]\d\d)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"


@dataclass(frozen=True)
class _Rules:
    months: dict[str, int]  # every form, as written in the data, → 1..12
    weekdays: dict[str, int]  # full name → 0 (Monday) .. 6
    relative: dict[str, tuple[str, int]]  # lower-cased expression → (unit, offset)
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), most specific first
    future: re.Pattern[str]
    month_words: tuple[str, ...]  # every month form holds one of these (case-sensitive)
    weekday_words: tuple[str, ...]


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
    return _Rules(
        months=months,
        weekdays=weekdays,
        relative=relative,
        patterns=_patterns(list(months), list(weekdays), list(relative), list(preps)),
        future=re.compile(rf"(?i)(?<![\w’'])(?:{_alternation(future)})(?![\w’'])"),
        month_words=_shortest_forms(months),
        weekday_words=_shortest_forms(weekdays),
    )


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


def _patterns(
    months: list[str], weekdays: list[str], relative: list[str], preps: list[str]
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Month and weekday names keep their capital ("May", never "may"); an abbreviation may
    # carry a dot. Prepositions and relative expressions match in any case ("Last month").
    month = rf"(?P<month>{_month_forms(months)})"
    weekday = rf"(?P<weekday>{_alternation(weekdays)})(?![\w’'])"
    prep = rf"(?:(?i:{_alternation(preps)})\s+)?"
    edge = r"(?<![\w’'-])"
    month_day = rf"{month}\s+{_DAY}(?:,?\s+{_YEAR})?"
    shapes = [
        ("weekday_date", rf"{prep}{weekday},?\s+{month_day}"),
        ("month_day", rf"{prep}{month_day}"),
        ("day_month", rf"{prep}{_DAY}\s+(?:(?i:of)\s+)?{month}(?:,?\s+{_YEAR})?"),
        ("month_year", rf"{prep}{month},?\s+{_YEAR}"),
        ("weekday", rf"(?:(?i:on|last|this|next)\s+)?{weekday}"),
        ("relative", rf"(?i:{_alternation(relative)})(?![\w’'])" if relative else r"(?!x)x"),
        ("month", rf"(?i:{_alternation(preps)})\s+{month}(?!\s*\d)"),
        ("year", rf"(?i:{_alternation(preps)})\s+{_YEAR}"),
    ]
    return tuple((kind, re.compile(edge + body)) for kind, body in shapes)


# What each kind of expression needs in the text: a month name (as written, capital and
# all), a weekday name, a digit (\d, as in the patterns). A text without one is not searched
# for those kinds, which is most of them: most paragraphs name no month and no weekday.
_NEEDS = {
    "weekday_date": ("month", "weekday", "digit"),
    "month_day": ("month", "digit"),
    "day_month": ("month", "digit"),
    "month_year": ("month", "digit"),
    "weekday": ("weekday",),
    "relative": (),
    "month": ("month",),
    "year": ("digit",),
}
_DIGIT = re.compile(r"\d")


def _candidates(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping matches: the leftmost wins, then the longest, then the most specific."""
    rules = _rules()
    has = {
        "month": any(w in text for w in rules.month_words),
        "weekday": any(w in text for w in rules.weekday_words),
        "digit": _DIGIT.search(text) is not None,
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
        except ValueError:
            continue
    # Nearest to publication; on a tie the earlier (reporting looks back more than ahead).
    return min(options, key=lambda d: (abs((d - published).days), d)) if options else None


def _day_month(match: re.Match[str], published: dt.date | None) -> str | None:
    month = _rules().months[match.group("month").rstrip(".")]
    day = int(match.group("day"))
    if match.group("year"):
        try:
            return dt.date(int(match.group("year")), month, day).isoformat()
        except ValueError:
            return None
    if published is None:
        return None
    resolved = _nearest_year(month, day, published)
    return resolved.isoformat() if resolved else None


def _weekday(weekday: int, future: bool, published: dt.date) -> str:
    if future:
        return (published + dt.timedelta(days=(weekday - published.weekday()) % 7)).isoformat()
    return (published - dt.timedelta(days=(published.weekday() - weekday) % 7)).isoformat()


def _shift_month(published: dt.date, offset: int) -> str:
    index = published.year * 12 + published.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _week(published: dt.date, offset: int) -> str:
    day = published + dt.timedelta(weeks=offset)
    monday = day - dt.timedelta(days=day.weekday())
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}"
    return f"{monday.year:04d}" if monday.year == sunday.year else ""


def _relative(expression: str, published: dt.date) -> str | None:
    unit, offset = _rules().relative.get(" ".join(expression.lower().split()), ("", 0))
    if unit == "day":
        return (published + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        return _week(published, offset) or None
    if unit == "month":
        return _shift_month(published, offset)
    if unit == "year":
        return f"{published.year + offset:04d}"
    return None


def _resolve(
    kind: str, match: re.Match[str], context: str, published: dt.date | None
) -> str | None:
    rules = _rules()
    if kind in ("weekday_date", "month_day", "day_month"):
        return _day_month(match, published)
    if kind == "month_year":
        return f"{match.group('year')}-{rules.months[match.group('month').rstrip('.')]:02d}"
    if kind == "year":
        return match.group("year")
    if published is None:
        return None
    if kind == "weekday":
        future = bool(rules.future.search(context)) or match.group().lower().startswith("next")
        past = match.group().lower().startswith("last")
        return _weekday(rules.weekdays[match.group("weekday")], future and not past, published)
    if kind == "relative":
        return _relative(match.group(), published)
    if kind == "month":
        resolved = _nearest_year(rules.months[match.group("month").rstrip(".")], 1, published)
        return resolved.isoformat()[:7] if resolved else None
    return None


def _block_events(block: Block, published: dt.date | None) -> list[Event]:
    text = block.text
    starts = sentence_starts(text)
    events: list[Event] = []
    sentences: dict[int, str] = {}  # each sentence is normalised once, however many dates it has
    for start, end, kind, match in _candidates(text):
        lo, hi = sentence_bounds(text, starts, start)
        if lo not in sentences:
            sentences[lo] = " ".join(text[lo:hi].split())
        sentence = sentences[lo]
        # Tense is judged near the expression, so a very long sentence costs no more.
        nearby = text[max(lo, start - _TENSE_WINDOW) : min(hi, end + _TENSE_WINDOW)]
        try:
            date = _resolve(kind, match, _QUOTED.sub(" ", nearby), published)
        except OverflowError:  # "tomorrow" of 9999-12-31, "yesterday" of 0001-01-01
            date = None
        year = date.split("-")[0] if date else ""
        if len(year) != 4 or year == "0000":  # "next year" of 9999, "last month" of year 1
            date = None
        if date:
            events.append(Event(date, sentence, block.id, " ".join(match.group().split())))
    return events


def find_events(article: Article) -> tuple[Event, ...]:
    """Every resolvable date expression of the story blocks, in document order."""
    return tuple(
        e for block in article.story_blocks for e in _block_events(block, article.published)
    )
