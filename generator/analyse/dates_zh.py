"""Date expressions of Chinese-language articles, resolved as dates.py resolves English ones.

Recognised (words in generator/data/dates.yml `chinese`; full-width digits and Chinese numerals
count as digits):
- "2024年3月12日" (or 号) → the day; "2024年3月" → YYYY-MM; "2024年" → YYYY (not "1990年代", a
  decade, nor "2017年度", a label); "2008北京奥运": a year before an event's name (`year_events`);
- "3月12日", "3月": the year a yearless English day or month gets (dates.py `_yearless`, in
  short): the same day written in full before, the paragraph's earlier year when it frames the
  sentence and lies in the past, else the year nearest to publication, moved by the sentence's
  tense; in an undated article the year the article writes most, else none;
- ranges: "2020年至2022年" (both years), "3月12日至15日" (the month: never more precise than the
  words), "3月至5月" (both months);
- 今天/昨天/本周/上个月/今年/去年/明年 … (`relative`) and weekdays (星期五, 周五, 上周五):
  against the published date only ("今年" in an undated article: the year it writes most, as
  "this year").
Inside a quotation a relative word or weekday is the speaker's time, not the article's: none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..model import Article, Block, Event
from . import patterns
from .chinese import QUOTED as _QUOTED
from .chinese import (
    alternation,
    ascii_digits,
    ends_with_any,
    inside,
    quoted_spans,
    sentence_at,
    sentence_spans,
)
from .dates import (
    _add_days,
    _historic,
    _nearest_year,
    _on,
    _reference_year,
    _shift_month,
    _shift_year,
    _week,
    _weekday,
)
from .sentences import load_data, str_list

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS.update({"八": 8, "九": 9, "两": 2, "兩": 2})
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:1[6-9]\d\d|2[01]\d\d|[〇零一二三四五六七八九]{4})"


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern[str]
    relative: dict[str, tuple[str, int]]
    weekdays: dict[str, int]
    not_after: tuple[str, ...]
    future: tuple[str, ...]
    past: tuple[str, ...]
    month_before: tuple[str, ...]
    month_after: tuple[str, ...]
    relative_not: tuple[str, ...]
    ago_units: dict[str, str]


@cache
def _rules() -> _Rules:
    raw = load_data("dates.yml").get("chinese")
    data = raw if isinstance(raw, dict) else {}
    relative_raw = data.get("relative")
    relative = {
        str(k): (str(v[0]), int(v[1]))
        for k, v in (relative_raw.items() if isinstance(relative_raw, dict) else ())
        if isinstance(v, list) and len(v) == 2
    }
    weekdays = {w: i for i, w in enumerate(str_list(data.get("weekdays")))}
    weekdays.update({w: 6 for w in str_list(data.get("weekday_sunday"))})
    heads = alternation(str_list(data.get("weekday_heads")))
    ranges = alternation(str_list(data.get("range_marks")))
    no_year = "".join(re.escape(c) for c in "".join(str_list(data.get("year_not_before"))))
    events = alternation(str_list(data.get("year_events")))
    ago_raw = data.get("ago_units")
    ago_units = {str(k): str(v) for k, v in (ago_raw.items() if isinstance(ago_raw, dict) else ())}
    ago = alternation(str_list(data.get("ago_words")))
    day_not_before = alternation(str_list(data.get("day_not_before")))
    day_not_after = "".join(re.escape(c) for c in "".join(str_list(data.get("day_not_after"))))
    days = "".join(weekdays)
    year_not = f"(?![{no_year}])" if no_year else ""
    years = alternation(tuple(w for w, (unit, _) in relative.items() if unit == "year"))
    shapes = [
        # (a weekday before the relative words: "下周五" is that Friday, not next week)
        # "今年8月", "去年11月3日": the relative year's month or day, one expression
        rf"(?P<year_month>(?P<yw>{years})\s*(?P<ym>{_NUM})\s*月(?:\s*(?P<yd>{_NUM})\s*[日号])?)"
        if years
        else "",
        # "2024年3月12日至15日", "3月12-15日": a range of days, the month alone
        rf"(?P<day_range>(?:(?P<ry>{_YEAR})\s*年\s*)?(?P<rm>{_NUM})\s*月\s*(?P<rd>{_NUM})\s*[日号]?"
        rf"\s*(?:{ranges})\s*(?P<rd2>{_NUM})\s*[日号])",
        # "2020至2022年": two years, the first without 年
        rf"(?P<year_range>(?P<ya>{_YEAR})\s*(?:{ranges})\s*(?P<yb>{_YEAR})\s*年{year_not})",
        rf"(?P<date>(?:(?P<y>{_YEAR})\s*年\s*)?(?P<m>{_NUM})\s*月(?:\s*(?P<d>{_NUM})\s*[日号])?)",
        rf"(?P<year>(?P<yo>{_YEAR})\s*年{year_not})",
        rf"(?P<year_event>(?P<ye>1[6-9]\d\d|2[01]\d\d)(?={events}))" if events else "",
        rf"(?P<weekday>(?P<wp>上|本|这|下)?个?(?P<wh>{heads})(?P<wd>[{days}]))" if heads else "",
        # "三年前", "两个月前"
        rf"(?P<ago>(?P<an>\d{{1,3}}|[一二三四五六七八九十两兩]{{1,3}})\s*(?P<au>{alternation(tuple(ago_units))})"
        rf"\s*(?:{ago}))"
        if ago_units and ago
        else "",
        # "拜登12日表示": a day of the month alone
        rf"(?P<day_alone>(?<![月年\d{day_not_after}])(?P<da>\d{{1,2}})\s*日(?!{day_not_before}))"
        if day_not_before
        else "",
        rf"(?P<relative>{alternation(tuple(relative))})" if relative else "",
    ]
    body = "|".join(s for s in shapes if s)
    return _Rules(
        pattern=patterns.compile(rf"(?<![\d.．]){body}"),
        relative=relative,
        weekdays=weekdays,
        not_after=str_list(data.get("weekday_not_after")),
        future=str_list(data.get("future_markers")),
        past=str_list(data.get("past_markers")),
        month_before=str_list(data.get("month_before")),
        month_after=str_list(data.get("month_after")),
        relative_not=str_list(data.get("relative_not")),
        ago_units=ago_units,
    )


def number(text: str) -> int | None:
    """A number written in digits or Chinese numerals ("十二", "三十一", "二〇二四"), else None."""
    if text.isdigit():
        return int(text)
    if all(c in _CN_DIGITS for c in text):  # a year digit by digit: 二〇二四
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    if "十" not in text or "十" in ones or not all(c in _CN_DIGITS for c in tens + ones):
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


@dataclass
class _Context:
    published: dt.date | None
    reference_year: int | None = None
    years: frozenset[int] = frozenset()  # every year the article writes (for undated "今年")
    year: int | None = None  # the paragraph's last written year
    year_sentence: int = -1  # where its sentence starts
    year_opens: bool = False  # it opens its sentence ("2014年，…")
    full_dates: dict[tuple[int, int], int] | None = None
    # (year, month) of the paragraph's last date placed to the month or day: "3月5日……7日"
    month_anchor: tuple[int, int] | None = None


_CLAUSE_MARK = patterns.compile(r"[，,；;：:]")


def _clause(text: str, lo: int, hi: int, at: int) -> tuple[int, int]:
    """The clause of the sentence text[lo:hi] that holds offset `at`, between its commas."""
    start = max((m.end() for m in _CLAUSE_MARK.finditer(text, lo, at)), default=lo)
    after = _CLAUSE_MARK.search(text, at, hi)
    return start, after.start() if after else hi


def _tense(sentence: str) -> int:
    """+1 when the sentence is set in the future, -1 in the past, 0 when it does not say."""
    rules = _rules()
    plain = _QUOTED.sub(" ", sentence)
    future = any(w in plain for w in rules.future)
    past = any(w in plain for w in rules.past)
    return 1 if future and not past else -1 if past and not future else 0


def _yearless(month: int, day: int | None, ctx: _Context, lo: int, tense: int) -> str | None:
    if day is not None and ctx.full_dates and (month, day) in ctx.full_dates:
        return _on(ctx.full_dates[(month, day)], month, day)
    frames = ctx.year is not None and (ctx.year_sentence < lo or ctx.year_opens)
    if ctx.published is None:
        if ctx.year is not None and ctx.year_sentence == lo and ctx.year_opens:
            return _on(ctx.year, month, day)  # "2014年，……3月5日": the year opening the sentence
        return _on(ctx.reference_year, month, day) if ctx.reference_year else None
    if ctx.year is not None and _historic(ctx.year, ctx.published):
        return _on(ctx.year, month, day) if frames else None  # an earlier time: its year or none
    nearest = _nearest_year(month, day or 1, ctx.published)
    if nearest is None:
        return None
    pivot = ctx.published if day is not None else ctx.published.replace(day=1)
    year = nearest.year
    if tense < 0 and nearest > pivot:
        year -= 1  # "3月……已经" in a story of January: last March
    elif tense > 0 and nearest < pivot:
        year += 1  # "3月……将" in a story of November: next March
    return _on(year, month, day)


def _weekday_date(match: re.Match[str], ctx: _Context, tense: int) -> str | None:
    if ctx.published is None:
        return None
    weekday = _rules().weekdays[match.group("wd")]
    prefix = match.group("wp")
    if prefix:  # 上周五 / 本周五 / 下周五: that day of last, this or next week
        offset = {"上": -1, "本": 0, "这": 0, "下": 1}[prefix]
        monday = _add_days(ctx.published, 7 * offset - ctx.published.weekday())
        day = _add_days(monday, weekday) if monday is not None else None
        return day.isoformat() if day is not None else None
    return _weekday(weekday, tense > 0, ctx.published)


def _relative(words: str, ctx: _Context) -> str | None:
    unit, offset = _rules().relative[words]
    published = ctx.published
    if published is None:
        # "今年" with no published date: the year the article is about, when no later one is
        # written (as "this year" in dates.py)
        year = ctx.reference_year
        if unit == "year" and offset == 0 and year and not any(y > year for y in ctx.years):
            return f"{year:04d}"
        return None
    if unit == "day":
        day = _add_days(published, offset)
        return day.isoformat() if day is not None else None
    if unit == "week":
        return _week(published, offset)
    if unit == "month":
        return _shift_month(published.year, published.month, offset)
    return _shift_year(published.year, offset)


def _relative_month(groups: dict[str, str | None], ctx: _Context) -> list[str]:
    """ "今年8月" → the publication year's August; "去年11月3日" → that day of last year."""
    year = _relative(str(groups["yw"]), ctx)
    month = number(str(groups["ym"]))
    day = number(str(groups["yd"])) if groups["yd"] else None
    if year is None or month is None or not 1 <= month <= 12 or (groups["yd"] and not day):
        return []
    found = _on(int(year), month, day)
    return [found] if found else []


def _month_day(match: re.Match[str], ctx: _Context, lo: int, tense: int) -> str | None:
    month, day = number(match.group("m")), match.group("d")
    day_number = number(day) if day else None
    if month is None or not 1 <= month <= 12 or (day and not day_number):
        return None
    if match.group("y"):
        year = number(match.group("y"))
        return _on(year, month, day_number) if year else None
    if day is None and not match.group("m").isdigit() and not _month_framed(match):
        return None  # "十月革命": a name, not a month
    return _yearless(month, day_number, ctx, lo, tense)


def _month_framed(match: re.Match[str]) -> bool:
    rules = _rules()
    text = match.string
    return bool(
        ends_with_any(text, match.start(), rules.month_before)
        or any(text.startswith(w, match.end()) for w in rules.month_after)
    )


def _in_a_name(match: re.Match[str]) -> bool:
    text, start = match.string, match.start()
    return any(
        text.startswith(name, start - name.find(match.group()))
        for name in _rules().relative_not
        if match.group() in name and start >= name.find(match.group())
    )


def _skipped_weekday(match: re.Match[str]) -> bool:
    """ "每周五" (every Friday), "一周一次": no day; "周三（3月13日）", "今天（星期五）": the
    date or the relative word beside it says the day already."""
    text, start = match.string, match.start()
    if not match.group("wp") and start and text[start - 1] in "".join(_rules().not_after):
        return True
    after = text[match.end() : match.end() + 8]
    if re.match(rf"\s*[（(]\s*(?:{_YEAR}\s*年\s*)?{_NUM}\s*月", after):
        return True
    before = text[max(0, start - 6) : start].rstrip()
    return before.endswith(("（", "(")) and bool(
        ends_with_any(before[:-1], len(before) - 1, tuple(_rules().relative))
    )


def _resolve(match: re.Match[str], ctx: _Context, lo: int, tense: int) -> list[str]:
    kind = match.lastgroup
    groups = match.groupdict()
    if kind == "day_range":
        month = number(groups["rm"])
        if month is None or not 1 <= month <= 12:
            return []
        if groups["ry"]:
            year = number(groups["ry"])
            return [_on(year, month, None) or ""] if year else []
        found = _yearless(month, None, ctx, lo, tense)
        return [found] if found else []
    if kind == "year_month":
        return _relative_month(groups, ctx)
    if kind == "year_range":
        first, last = number(groups["ya"]), number(groups["yb"])
        return [f"{y:04d}" for y in (first, last) if y]
    if kind == "date":
        found = _month_day(match, ctx, lo, tense)
        return [found] if found else []
    if kind in ("year", "year_event"):
        year = number(groups["yo"] or groups["ye"])
        return [f"{year:04d}"] if year else []
    if kind == "relative":
        found = _relative(groups["relative"], ctx)
        return [found] if found else []
    if kind == "weekday":
        found = None if _skipped_weekday(match) else _weekday_date(match, ctx, tense)
        return [found] if found else []
    if kind == "ago":
        found = _ago(groups, ctx)
        return [found] if found else []
    if kind == "day_alone":
        found = _day_alone(int(str(groups["da"])), ctx, tense)
        return [found] if found else []
    return []


def _ago(groups: dict[str, str | None], ctx: _Context) -> str | None:
    """ "三年前" → the year three before publication; a unit is the precision (a week: the month
    of its seven days, when they lie in one)."""
    count = number(str(groups["an"]))
    unit = _rules().ago_units.get(str(groups["au"]))
    published = ctx.published
    if published is None or count is None or unit is None:
        return None
    if unit == "day":
        day = _add_days(published, -count)
        return day.isoformat() if day is not None else None
    if unit == "week":
        return _week(published, -count)
    if unit == "month":
        return _shift_month(published.year, published.month, -count)
    return _shift_year(published.year, -count)


def _day_alone(day: int, ctx: _Context, tense: int) -> str | None:
    """ "12日" in a story of March 15: March 12; "20日" then: February 20 (or, in a sentence set
    in the future, March 20)."""
    if not 1 <= day <= 31:
        return None
    if ctx.month_anchor is not None:  # "2010年3月5日……7日": the month the paragraph is at
        return _on(*ctx.month_anchor, day)
    published = ctx.published
    if published is None:
        return None
    year, month = published.year, published.month
    if day > published.day and tense <= 0:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    elif day < published.day and tense > 0:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _on(year, month, day)


def _written_years(match: re.Match[str]) -> list[int]:
    groups = match.groupdict()
    found = [number(groups[g]) for g in ("ry", "ya", "yb", "y", "yo", "ye") if groups.get(g)]
    return [y for y in found if y]


def _block_events(block: Block, ctx: _Context) -> list[Event]:
    text = ascii_digits(block.text)
    spans = sentence_spans(text)
    quoted = quoted_spans(text)
    ctx.year, ctx.year_sentence, ctx.year_opens = None, -1, False
    ctx.month_anchor = None
    events: list[Event] = []
    for match in _rules().pattern.finditer(text):
        lo, hi = sentence_at(spans, match.start())
        kind = match.lastgroup
        if kind in ("relative", "weekday") and inside(quoted, match.start()):
            continue  # the speaker's "今天", not the article's
        if kind == "relative" and _in_a_name(match):
            continue  # "今日美国": a newspaper
        # a weekday's tense is its own clause's ("Altman 周一在旧金山表示，公司将于本周发布":
        # the Monday he spoke, not the launch to come)
        told = _clause(text, lo, hi, match.start()) if kind == "weekday" else (lo, hi)
        dates = _resolve(match, ctx, lo, _tense(text[told[0] : told[1]]))
        expression = block.text[match.start() : match.end()]
        sentence = " ".join(block.text[lo:hi].split())
        events.extend(Event(d, sentence, block.id, expression) for d in dates if d)
        placed = [d for d in dates if d and len(d) >= 7]
        if placed and kind != "ago":
            ctx.month_anchor = (int(placed[-1][:4]), int(placed[-1][5:7]))
        written = _written_years(match)
        if written:
            ctx.year, ctx.year_sentence = written[-1], lo
            ctx.year_opens = not text[lo : match.start()].strip(" “「")
            if kind == "date" and match.group("d") and ctx.full_dates is not None:
                month, day = number(match.group("m")), number(match.group("d"))
                if month and day:
                    ctx.full_dates[(month, day)] = written[-1]
    return events


def find_events_zh(article: Article) -> tuple[Event, ...]:
    """Every resolvable Chinese date expression of the story blocks, in document order."""
    story = article.story_blocks
    pattern = _rules().pattern
    written: Counter[int] = Counter()
    for block in story:
        for match in pattern.finditer(ascii_digits(block.text)):
            written.update(_written_years(match))
    ctx = _Context(
        article.published,
        reference_year=_reference_year(written) if article.published is None else None,
        years=frozenset(written),
        full_dates={},
    )
    events: list[Event] = []
    for block in story:
        events.extend(_block_events(block, ctx))
    return tuple(events)
