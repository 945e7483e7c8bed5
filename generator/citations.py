"""Sentence-level citations: which sentence of a block states a quote, date or fact.

A source page wraps every sentence of every story block in `<span id="b7-s2">` (block b7, its
second sentence), splitting the block's text with the analysis' own sentence splitter
(analyse/sentences.py), so an anchor stays put as long as the block's text does. A fact
carries its block; the sentence is found here, at compose time, by locating the fact's words
in that block. When they cannot be found (a date the article writes in words, a corrected
quote), the citation falls back to the paragraph anchor (#b7), which always works.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from .analyse.sentences import sentence_spans
from .model import Block


def flatten(text: str) -> str:
    """A block's text as the page shows it: line breaks and runs of white space as one space."""
    return " ".join(text.split())


@lru_cache(maxsize=16384)
def spans(flat: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of already-flattened text; one span for text without any."""
    if not flat:
        return ()
    return tuple(sentence_spans(flat)) or ((0, len(flat)),)


def spans_of(block: Block) -> tuple[tuple[int, int], ...]:
    """The sentences of a block, as its source page shows them."""
    return _located(block.text)[1]


@lru_cache(maxsize=256)
def _located(text: str) -> tuple[str, tuple[tuple[int, int], ...], tuple[int, ...]]:
    """A block's flattened, casefolded text, its sentence spans and their ends, computed once
    per block text: every fact of a block looks its sentence up here (a long one-paragraph
    seed has thousands)."""
    bounds = spans(flatten(text))
    return flatten(text).casefold(), bounds, tuple(end for _, end in bounds)


def anchor(block_id: str, sentence: int) -> str:
    """The id of a sentence on the source page: "b7-s2" (1-based)."""
    return f"{block_id}-s{sentence}"


def sentence_of(block: Block, text: str, near: Sequence[str] = ()) -> int | None:
    """1-based index of the sentence of `block` that holds `text`, or None when it is not there.
    When `text` occurs in several sentences, the first one that also holds one of `near` (e.g.
    the actor's name for a cast row) wins; otherwise the first occurrence."""
    flat, bounds, ends = _located(block.text)
    needle = flatten(text).casefold()
    if not needle:
        return None
    others = [flatten(n).casefold() for n in near if n and n.strip()]
    first: int | None = None
    start = flat.find(needle)
    while start >= 0:
        # The first sentence that ends after `start` (the last one for anything beyond).
        index = min(bisect_right(ends, start), len(bounds) - 1) + 1
        begin, end = bounds[index - 1]
        if first is None:
            first = index
        if not others or any(o in flat[begin:end] for o in others):
            return index
        start = flat.find(needle, start + 1)
    return first
