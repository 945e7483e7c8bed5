"""Shared text helpers: capitalised-name patterns, phrase alternations, lower-case words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..model import Article
from . import patterns
from .lexicon import people_lexicon

# Every upper-case letter up to U+1FFF (Latin, Greek, Cyrillic…), for names such as "Élodie".
_UPPER = "".join(c for c in map(chr, range(0x2000)) if c.isupper() and c.isalpha())


def _class_body(chars: str) -> str:
    """The body of a character class holding exactly `chars`, consecutive runs as ranges (the
    same set as listing every character, but a shorter pattern that compiles faster)."""
    points = sorted(set(map(ord, chars)))
    parts: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        first, last = re.escape(chr(points[i])), re.escape(chr(points[j]))
        parts.append(first if i == j else first + ("-" if j > i + 1 else "") + last)
        i = j + 1
    return "".join(parts)


_UPPER_CLASS = _class_body(_UPPER)
UPPER = "[" + _UPPER_CLASS + "]"
# Han, kana and hangul: Chinese (and Japanese, Korean) text writes a Latin name with no space
# around it ("项目负责人Hannes Mühleisen在博客中表示"); such a character ends a name's word, as a
# space does, though Python counts it as a letter.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_LETTER = rf"[^\W\d_{CJK}]"
_WORD_AFTER = rf"(?![^\W{CJK}]|-)"  # no letter, digit or hyphen of a Latin word goes on
# One capitalised word of a name: "Peresild", "O’Hara’s", "López-Alegría", "McArthur", "NASA".
# It may not run into digits or a hyphen ("MS-19", "Crew-7" are not names).
NAME_TOKEN = rf"{UPPER}(?:{_LETTER}|[’'\-](?={_LETTER}))*{_WORD_AFTER}"
# A middle initial: the "C." of "Tracy C. Dyson".
INITIAL = rf"{UPPER}\.(?=\s+{UPPER})"
# Abbreviations with dots never end a name or split it: "U.S.", "D.C." (one word) and short
# ones before another capitalised word: "St. Louis", "Sen. Roe", "Jr." is a suffix (below).
DOTTED = rf"(?:{UPPER}\.){{2,}}(?![\w\-])"
ABBREVIATION = rf"{UPPER}[a-z]{{1,3}}\.(?=\s+{UPPER})"
# A quoted or parenthesised nickname inside a name: the “Jack” of Arthur “Jack” Doe, the
# (Drew) of Andrew (Drew) Dziedzic, never an abbreviation: Command Module (CM) Charlie Brown.
_ASIDE = rf"\({UPPER}[a-z](?:{_LETTER}|[’'\-](?={_LETTER}))*\)"
# … or a call sign that opens with a digit: Jack “2fish” Fischer
NICKNAME = rf"(?:[“\"‘](?:{NAME_TOKEN}|\d[a-z]{{1,10}})[”\"’]|{_ASIDE})(?=\s+{UPPER})"
POSSESSIVE = patterns.compile(r"[’']s$")
_LOWER_WORD = patterns.compile(r"(?<![\w’'-])[a-z][\w’'-]*")


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first so the fullest form wins."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique)


def phrase_trie(phrases: Iterable[str]) -> str:
    """A regex matching exactly the strings phrase_alternation(phrases) matches, with shared
    beginnings factored out ("astronaut|astronauts" → "astronaut(?:s|)"), so a failed attempt
    costs a few tests instead of one per phrase.

    Only which strings match is the same: among several phrases matching at one place the
    branch taken may differ, so use it to find *where* a pattern matches and re-match there
    with the pattern built on phrase_alternation when the groups matter.
    """
    trie: dict[str, Any] = {}
    for phrase in set(phrases):
        node = trie
        for unit in re.split(r"( )", phrase):
            if unit == " ":
                node = node.setdefault(" ", {})
                continue
            for char in unit:
                node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = []
    for unit in sorted(node):
        if unit == "":
            branches.append("")
            continue
        head = r"\s+" if unit == " " else re.escape(unit)
        child = node[unit]
        while len(child) == 1 and "" not in child:  # a run with no choice: no group needed
            (next_unit,) = child
            head += r"\s+" if next_unit == " " else re.escape(next_unit)
            child = child[next_unit]
        branches.append(head + ("" if list(child) == [""] else "(?:" + _trie_regex(child) + ")"))
    return "|".join(branches)


@cache
def name_run() -> re.Pattern[str]:
    """A run of capitalised words, maybe after an honorific: "Mr Novitskiy", "Tracy C. Dyson",
    "Assistant U.S. Attorney Jane Roe", "Juan de la Cruz", "Arthur “Jack” Doe", "King Jr."."""
    lex = people_lexicon()
    honorific = "(?:" + phrase_alternation(lex.honorifics) + r")\.?\s+"
    particles = "(?:" + phrase_alternation(lex.particles) + ")"
    # "de los": an inner particle ("los") only after another one
    after = "(?:" + phrase_alternation((*lex.particles, *lex.inner_particles)) + ")"
    particle = rf"{particles}(?:\s+{after})*(?=\s+{UPPER})"
    # A particle joined by a hyphen is one word of the name ("Haider al-Abadi", "el-Sisi").
    joined = rf"{particles}-{NAME_TOKEN}"
    suffix = "(?:" + phrase_alternation(lex.suffixes) + r")(?![\w\-])"
    initial = rf"{UPPER}\.(?=\s+[“\"‘]?{UPPER})"  # also before a nickname: Edwin E. “Buzz” Aldrin
    first = rf"(?:{DOTTED}|{ABBREVIATION}|{initial}|{NAME_TOKEN})"
    word = (
        rf"(?:{DOTTED}|{ABBREVIATION}|{initial}|{suffix}|{NAME_TOKEN}|{NICKNAME}|{joined}"
        rf"|{particle})"
    )
    return patterns.compile(
        rf"(?<![^\W{CJK}])(?<![’'\-.])(?:{honorific})?{first}(?:\s+{word})*(?:,?\s+{suffix})?"
    )


def lowercase_words(article: Article, addresses: bool = True) -> frozenset[str]:
    """Words the article's story writes in lower case somewhere: these are common words.
    `addresses`: with the words of e-mail and web addresses ("nang.t.pham@nasa.gov")."""
    words: set[str] = set()
    for block in article.story_blocks:
        text = block.text if addresses else _ADDRESS.sub(" ", block.text)
        words.update(POSSESSIVE.sub("", w) for w in _LOWER_WORD.findall(text))
    return frozenset(words)


_ADDRESS = patterns.compile(r"[^\s@]+@[^\s@]+|(?:https?://|www\.)\S+")


def strip_possessive(token: str) -> str:
    return POSSESSIVE.sub("", token)


def title_case(tokens: list[str]) -> bool:
    """Every word of four letters or more capitalised (numbers count for neither side): a
    title or a headline ("Hubble Views a Galaxy with a Voracious Black Hole")."""
    long_words = [t for t in tokens if len(t) > 3 and t[:1].isalpha()]
    return bool(long_words) and all(t[:1].isupper() for t in long_words)
