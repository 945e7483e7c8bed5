"""What the rules for Chinese-language articles share: whether a text is written in Chinese, its
sentences (they end at 。！？, closing marks included), its digits made ASCII, and its words with
their parts of speech (jieba, whose tagger marks personal names nr/nrt/nrfg).

Chinese is written without spaces between words, so the English rules (capitalised names, words
between spaces) find nothing in it; dates_zh.py, quotes_zh.py and people_zh.py read it instead.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import cache

from ..model import Article
from . import patterns

_HAN = patterns.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN_WORD = patterns.compile(r"[A-Za-z][A-Za-z’'-]*")
# A sentence ends at 。！？ (or ! ?) and the closing marks after it; a line break ends one too.
_END = patterns.compile(r"[。！？!?]+[”」』）)\"']*|\n+")
# … and straight double marks around Chinese words, as text typed without a Chinese input
# method writes them (Linus Torvalds 说："我不喜欢这个补丁。"); closed on the same line only, so a
# stray mark in code or a measurement swallows nothing
QUOTED = patterns.compile(
    r"“[^“”]*”?|「[^「」]*」?|『[^『』]*』?|\"(?=[^\"\n]*[\u4e00-\u9fff])[^\"\n]*\""
)
_FAR = 1 << 62  # past any offset: (pos, _FAR) sorts after every span starting at pos
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def is_chinese_text(text: str) -> bool:
    """Whether `text` is written in Chinese: more Han characters than Latin words, and some (a
    Chinese tech story names products and people in Latin script: "DuckDB Labs 首席执行官 Mark
    Raasveldt 说" has more Latin letters than Han characters, but far fewer words)."""
    han = len(_HAN.findall(text))
    return han >= 2 and han > len(_LATIN_WORD.findall(text))


def is_chinese(article: Article) -> bool:
    """Whether the article is written in Chinese (its title and story together)."""
    return is_chinese_text(article.title + "\n" + "\n".join(b.text for b in article.blocks))


def ascii_digits(text: str) -> str:
    """`text` with full-width digits (０-９) as ASCII ones: the same length, so offsets hold."""
    return text.translate(_DIGITS)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each quotation of `text` in “…”, 「…」 or 『…』, marks included (one left
    open runs to the end of the text)."""
    return [(m.start(), m.end()) for m in QUOTED.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`, in order; together they cover it. A sentence
    does not end inside a quotation (“我很高兴。北京……。”)."""
    spans: list[tuple[int, int]] = []
    quoted = quoted_spans(text)
    start = 0
    for match in _END.finditer(text):
        if match.end() > start and not inside(quoted, match.start(), match.end()):
            spans.append((start, match.end()))
            start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int | None = None) -> bool:
    """Whether [start, end) (or the position `start`) lies strictly inside one of the sorted,
    disjoint `spans` (a binary search: a long text with many quotations stays linear)."""
    index = bisect.bisect_right(spans, (start, _FAR)) - 1
    if index < 0:
        return False
    lo, hi = spans[index]
    return lo < start and (start if end is None else end) < hi


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The span of `spans` that holds `pos` (the last one when `pos` is past the end)."""
    if not spans:
        return 0, 0
    index = bisect.bisect_right(spans, (pos, _FAR)) - 1  # the last span starting at or before
    return spans[max(index, 0)]


@dataclass(frozen=True)
class Word:
    text: str
    flag: str  # jieba's part of speech: "nr" a personal name, "v" a verb, "x" punctuation …
    start: int
    end: int


@cache
def _tagger() -> object:
    import jieba  # type: ignore[import-untyped]
    import jieba.posseg  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading messages are no news
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


@cache
def words(text: str) -> tuple[Word, ...]:
    """jieba's words of `text` with their offsets (every character falls in one word)."""
    found: list[Word] = []
    pos = 0
    for pair in _tagger().cut(text):  # type: ignore[attr-defined]
        word, flag = str(pair.word), str(pair.flag)
        found.append(Word(word, flag, pos, pos + len(word)))
        pos += len(word)
    return tuple(found)


def is_name_word(word: Word) -> bool:
    """A word jieba tags as a personal name (nr, nrt transliterated, nrfg)."""
    return word.flag.startswith("nr")


def han_only(text: str) -> bool:
    return bool(text) and all(_HAN.fullmatch(c) for c in text)


def matches_any(text: str, pos: int, options: tuple[str, ...]) -> str | None:
    """The longest of `options` that `text` holds at `pos`, or None."""
    best = None
    for option in options:
        if option and text.startswith(option, pos) and (best is None or len(option) > len(best)):
            best = option
    return best


def ends_with_any(text: str, end: int, options: tuple[str, ...]) -> str | None:
    """The longest of `options` that ends at `end` in `text`, or None."""
    best = None
    for option in options:
        fits = option and end >= len(option) and text.endswith(option, 0, end)
        if fits and (best is None or len(option) > len(best)):
            best = option
    return best


def alternation(options: tuple[str, ...] | list[str]) -> str:
    """A regular-expression alternation of the literal `options`, longest first."""
    return "|".join(re.escape(o) for o in sorted(set(options), key=len, reverse=True) if o)
