"""Quotations of Chinese-language articles: “……” and 「……」 that are voices, and who speaks.

A quotation is a voice when its sentence (quotations aside) holds a speech verb of
generator/data/speech.yml `chinese` (表示, 说, 称, 指出, 写道, 告诉 …; not inside 称为, 小说 …):
- its speaker is a person found in that sentence (people.py or people_zh.py, by any form of the
  name): the one right after the quotation when the verb closes it ("“……，”林培瑞告诉美国之音"),
  else the last one named before the verb that comes before the quotation ("X表示：“……”"), else
  the first one named after it before the verb; none when the sentence names nobody (a pronoun
  or "官员" is no one);
- a quotation shorter than `short_quote` characters away from the verb is a term (“飞天”), no
  voice; a sentence with no speech verb holds no voice at all;
- a quotation that is a paragraph of its own is a voice; when no verb of its own names a speaker,
  it is the one person named in the sentence before it, if that sentence holds a speech verb or an
  interview word ("……接受了美国之音记者采访。" then “我觉得非常高兴……”).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Article, Block, Person, Quote
from .chinese import quoted_spans, sentence_at, sentence_spans
from .sentences import load_data, str_list

_CLOSERS = '”」』"'
_GLUE = " ，,：:。"  # what may stand between a quotation and the verb or speaker next to it
_ADDRESSEE_MARKS = "对向跟给同与和及對與"
# Words that hold a mark's character and address no one: "共和党众议员X说" is X speaking.
_NOT_ADDRESSEE = ("共和", "和平", "同时", "同意", "共同", "与会", "给予", "及时", "以及", "同事")
_ADDRESSEE_REACH = 8  # characters: room for a country and a role between the mark and the name
_AFTER_SPEAKER = ("也", "还", "则", "又", "再", "曾", "当时", "随后", "接着")


@dataclass(frozen=True)
class _Rules:
    verbs: tuple[str, ...]
    interview: tuple[str, ...]
    not_speech: tuple[str, ...]
    short: int
    title_after: tuple[str, ...] = ()
    title_before: tuple[str, ...] = ()


@cache
def _rules() -> _Rules:
    raw = load_data("speech.yml").get("chinese")
    data = raw if isinstance(raw, dict) else {}
    short = data.get("short_quote")
    return _Rules(
        verbs=tuple(sorted(str_list(data.get("verbs")), key=len, reverse=True)),
        interview=str_list(data.get("interview_words")),
        not_speech=str_list(data.get("not_speech")),
        short=short if isinstance(short, int) else 8,
        title_after=str_list(data.get("title_after")),
        title_before=str_list(data.get("title_before")),
    )


def _is_title(text: str, lo: int, hi: int) -> bool:
    """Whether the quotation text[lo:hi] is a title or a name: "以“iCloud in China”为标题"."""
    rules = _rules()
    before = text[:lo].rstrip()
    return any(text.startswith(w, hi) for w in rules.title_after) or any(
        before.endswith(w) for w in rules.title_before
    )


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the quotations and the not-speech words blanked out (same length)."""
    chars = list(text)
    for lo, hi in spans:
        chars[lo:hi] = " " * (hi - lo)
    plain = "".join(chars)
    for word in _rules().not_speech:
        plain = plain.replace(word, " " * len(word))
    return plain


def _verbs(plain: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of each speech verb of plain[lo:hi], longest first where they overlap."""
    found: list[tuple[int, int]] = []
    taken: set[int] = set()
    for verb in _rules().verbs:
        for match in re.finditer(re.escape(verb), plain[lo:hi]):
            start, end = lo + match.start(), lo + match.end()
            if not taken & set(range(start, end)):
                found.append((start, end))
                taken.update(range(start, end))
    return sorted(found)


def _mentions(text: str, people: tuple[Person, ...]) -> list[tuple[int, int, str]]:
    """(start, end, person id) of every form of every person's name in `text`, longest first."""
    forms = sorted(
        ((form, p.id) for p in people for form in (p.name, *p.aliases) if form),
        key=lambda f: len(f[0]),
        reverse=True,
    )
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for form, pid in forms:
        start = text.find(form)
        while start >= 0:
            span = set(range(start, start + len(form)))
            if not taken & span:
                found.append((start, start + len(form), pid))
                taken |= span
            start = text.find(form, start + 1)
    return sorted(found)


def _speaker_after(
    text: str, end: int, mentions: list[tuple[int, int, str]], verbs: list[tuple[int, int]]
) -> str | None:
    """The person right after the quotation whose verb follows ("”林培瑞告诉…", "”，他说" no)."""
    pos = end
    while pos < len(text) and text[pos] in _GLUE:
        pos += 1
    for start, stop, pid in mentions:
        if start != pos:
            continue
        rest = stop
        for word in _AFTER_SPEAKER:
            if text.startswith(word, rest):
                rest += len(word)
                break
        if any(v_start == rest for v_start, _ in verbs):
            return pid
    return None


def _addressed(text: str, mention: tuple[int, int, str]) -> bool:
    """Whether the person is spoken to, not speaking: "王毅对（美国国务卿）布林肯说" (after 对,
    向, 跟 … a few characters before the name, with no punctuation between)."""
    before = text[max(0, mention[0] - _ADDRESSEE_REACH) : mention[0]]
    before = re.split(r"[，,。；;：:、\s]", before)[-1]
    for word in _NOT_ADDRESSEE:
        before = before.replace(word, "")
    return any(mark in before for mark in _ADDRESSEE_MARKS)


def _verb_right_before(text: str, start: int, verbs: list[tuple[int, int]]) -> bool:
    pos = start
    while pos > 0 and text[pos - 1] in _GLUE:
        pos -= 1
    return any(v_end == pos for _, v_end in verbs)


@dataclass(frozen=True)
class _Found:
    quote: Quote
    named: bool  # whether its own sentence named the speaker or decided there is none
    pronoun_at: int = -1  # where its sentence starts when "他说" / "她还表示" opens it


_PRONOUNS = ("他", "她")


def _pronoun_subject(text: str, lo: int, verb: int) -> bool:
    """Whether the words before the speech verb are only 他 or 她 (maybe with 也, 还 …):
    "他还说，“……”" is the person the story last named speaking."""
    subject = text[lo:verb].strip(_GLUE + " ")
    for word in _AFTER_SPEAKER:
        if subject.endswith(word):
            subject = subject[: -len(word)]
            break
    return subject in _PRONOUNS


def _block_quotes(block: Block, people: tuple[Person, ...]) -> list[_Found]:
    text = block.text
    quoted = quoted_spans(text)
    if not quoted:
        return []
    plain = _blanked(text, quoted)
    spans = sentence_spans(text)
    mentions = _mentions(plain, people)
    found: list[_Found] = []
    for q_lo, q_hi in quoted:
        # without a comma that closes it before the speaker ("“……，”林培瑞告诉")
        inner = text[q_lo + 1 : q_hi - 1 if text[q_hi - 1] in _CLOSERS else q_hi].strip()
        inner = inner.rstrip("，,、 ")
        if not inner:
            continue
        lo, hi = sentence_at(spans, q_lo)
        verbs = _verbs(plain, lo, hi)
        alone = not text[:q_lo].strip() and not text[q_hi:].strip(" 。")
        if not verbs and not alone:
            continue  # no one speaks in this sentence: a term, a name or a title
        if _is_title(text, q_lo, q_hi):
            continue  # a title or a name, not a voice
        speaker = _speaker_after(text, q_hi, mentions, verbs)
        close = speaker is not None or _verb_right_before(text, q_lo, verbs)
        if len(inner) < _rules().short and not close and not alone:
            continue  # “飞天”: a short term in a sentence that reports speech elsewhere
        if speaker is None:
            before = [v for v in verbs if v[1] <= q_lo]
            after = [v for v in verbs if v[0] >= q_hi]
            if before:
                verb = before[-1][0]
                named = [
                    m for m in mentions if lo <= m[0] and m[1] <= verb and not _addressed(plain, m)
                ]
                speaker = named[-1][2] if named else None
                if speaker is None and _pronoun_subject(plain, lo, verb):
                    found.append(_Found(Quote(inner, None, block.id), True, lo))
                    continue
            elif after:
                verb = after[0][0]
                named = [m for m in mentions if q_hi <= m[0] and m[1] <= verb]
                speaker = named[0][2] if named else None
        found.append(_Found(Quote(inner, speaker, block.id), bool(verbs)))
    return found


def _previous_speaker(block: Block | None, people: tuple[Person, ...]) -> str | None:
    """The one person named in the last sentence of `block`, when it reports speech or an
    interview; else None."""
    if block is None:
        return None
    text = block.text
    spans = sentence_spans(text.rstrip())
    if not spans:
        return None
    lo, hi = spans[-1]
    plain = _blanked(text, quoted_spans(text))
    reports = _verbs(plain, lo, hi) or any(w in plain[lo:hi] for w in _rules().interview)
    named = {pid for start, _, pid in _mentions(plain, people) if lo <= start < hi}
    return next(iter(named)) if reports and len(named) == 1 else None


def _last_named(
    block: Block, before: int, earlier: Block | None, people: tuple[Person, ...]
) -> str | None:
    """The person a 他 or 她 refers to: the one person named in the nearest sentence before
    `before` (in the block, else in the block before it) that names anyone; None when that
    sentence names several (never a guess between them) or none is found."""
    for text, end in ((block.text, before), (earlier.text if earlier else "", None)):
        plain = _blanked(text, quoted_spans(text))
        mentions = _mentions(plain, people)
        for lo, hi in reversed(sentence_spans(text)):
            if end is not None and lo >= end:
                continue
            named = {pid for start, _, pid in mentions if lo <= start < hi}
            if named:
                return next(iter(named)) if len(named) == 1 else None
    return None


def find_quotes_zh(article: Article, people: tuple[Person, ...]) -> tuple[Quote, ...]:
    """The voices of the story blocks, in document order."""
    quotes: list[Quote] = []
    previous: Block | None = None
    for block in article.story_blocks:
        for item in _block_quotes(block, people):
            quote = item.quote
            if item.pronoun_at >= 0:
                speaker = _last_named(block, item.pronoun_at, previous, people)
                quote = Quote(quote.text, speaker, quote.block)
            elif quote.speaker is None and not item.named:
                quote = Quote(quote.text, _previous_speaker(previous, people), quote.block)
            quotes.append(quote)
        previous = block
    return tuple(quotes)
