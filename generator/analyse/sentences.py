"""Sentence boundaries, one rule for every analysis that reads sentences (people, key facts,
quotations, dates).

A sentence ends at . ! or ? (and any closing quote marks) followed by white space and a capital
letter, digit or opening mark, unless the word before the dot is a known abbreviation ("Mr.",
"a.m.", "Sept."; data/sentences.yml and the short month names of data/dates.yml), a
single-letter initial ("Tracy C. Dyson"), initials written without a space ("T.J. Creamer"; not
after a comma, where they are a place: "Camp Lejeune, N.C. Ramos rallied", nor data/sentences.yml
dotted_ends), or an ordinal written with a dot before an abbreviated rank ("Air Force 1st. Lt.
James Souder"). One pass over the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from ..site import load_data as data_file  # parsed once, with libyaml where available
from . import patterns

_END = patterns.compile(r"[.!?]+[\"”’)\]]*\s+")
_LAST_WORD = patterns.compile(r"([\w.]+)\.$")
_ORDINAL = patterns.compile(r"\d+(?:st|nd|rd|th)")
_NEXT_ABBREVIATION = patterns.compile(r"([A-Za-z][\w.]*?)\.(?=\s)")
_OPENERS = "\"“‘('["
_INITIALS = patterns.compile(r"[a-z](?:\.[a-z]){1,2}")  # "t.j" of "T.J.", "j.r.r" of "J.R.R."


def load_data(name: str) -> dict[str, object]:
    """A packaged YAML mapping from generator/data (the only files these rules read)."""
    loaded = data_file(name)
    return loaded if isinstance(loaded, dict) else {}


def str_list(value: object) -> tuple[str, ...]:
    """A YAML list of strings (anything else → empty), for defensive data loading."""
    if not isinstance(value, list):
        return ()
    return tuple(str(item) for item in value if item is not None)


@cache
def abbreviations() -> frozenset[str]:
    """Lower case, without the final dot. A month's full name is not one: "in May. The"."""
    listed = str_list(load_data("sentences.yml").get("abbreviations"))
    words = {w.lower().rstrip(".") for w in listed}
    months = load_data("dates.yml").get("months")
    for forms in months if isinstance(months, list) else []:
        words.update(f.lower().rstrip(".") for f in str_list(forms)[1:])
    return frozenset(words)


@cache
def dotted_ends() -> frozenset[str]:
    """Dotted abbreviations of places and bodies that end a sentence like any word ("in
    Washington, D.C. The"), lower case without the final dot; other initials do not."""
    listed = str_list(load_data("sentences.yml").get("dotted_ends"))
    return frozenset(w.lower().rstrip(".") for w in listed)


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    follow = match.end()
    while follow < len(text) and text[follow] in _OPENERS:
        follow += 1
    if follow >= len(text) or not (text[follow].isupper() or text[follow].isdigit()):
        return False
    if text[match.start()] != ".":
        return True
    # Look only a few characters back, so a long run without spaces stays cheap.
    word = _LAST_WORD.search(text, max(0, match.start() - 12), match.start() + 1)
    if word is None:
        return True
    token = word.group(1).lower()
    if (len(token) == 1 and token.isalpha()) or token in abbreviations():
        return False
    if _INITIALS.fullmatch(token) and token not in dotted_ends():
        before = text[max(0, word.start() - 2) : word.start()]
        return before.rstrip().endswith(",") or not text[follow].isupper()
    if _ORDINAL.fullmatch(token):  # "1st. Lt. James Souder": the rank goes on
        rank = _NEXT_ABBREVIATION.match(text, follow)
        return rank is None or rank.group(1).lower() not in abbreviations()
    return True


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin, ascending; always starts with 0."""
    return list(_starts(text))  # a list of the caller's own


# People, dates, quotations, key facts and theme sets each split the same paragraphs (~7 times
# a paragraph in all): split each text once. The rules depend on the text alone (and the data
# files, read once per process). Emptied before each article (analyse.forget_texts); bounded
# all the same (render splits texts too).
@lru_cache(maxsize=2048)
def _starts(text: str) -> tuple[int, ...]:
    starts = [0]
    for match in _END.finditer(text):
        if _is_boundary(text, match):
            starts.append(match.end())
    return tuple(starts)


def sentence_bounds(text: str, starts: list[int], pos: int) -> tuple[int, int]:
    """(start, end) of the sentence holding offset `pos`, given sentence_starts(text)."""
    index = bisect.bisect_right(starts, pos) - 1
    start = starts[max(index, 0)]
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty sentence; the end leaves out the white space after it."""
    starts = sentence_starts(text)
    ends = [*starts[1:], len(text)]
    spans = []
    for start, end in zip(starts, ends, strict=True):
        end = start + len(text[start:end].rstrip())
        if end > start:
            spans.append((start, end))
    return spans


def sentences(text: str) -> Iterator[str]:
    for start, end in sentence_spans(text):
        yield text[start:end]
