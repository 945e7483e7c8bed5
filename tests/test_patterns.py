"""Shared pieces (patterns.share): a pattern whose source holds a shared piece, compiled from
the piece's parse tree and code, is the pattern re.compile makes of the same source (same
source, flags and program: what `==` on patterns compares), so it matches the same; and a
source the splice cannot stand for is compiled whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from support import ARTICLES

from generator import code_cache
from generator.analyse import analyse, patterns, people
from generator.read import read_seed

_ROLES = r"(?i:chief|chief\s+executive|director(?!\s+(?:general)\b)|deputy)"
_ORGS = r"(?:NASA|European\s+Space\s+Agency|ESA)"


@pytest.fixture
def no_cache() -> Iterator[None]:
    code_cache.use(None)  # every pattern compiled here, none taken from a file
    yield
    code_cache.use(None)


def _spliced(source: str, flags: int = 0) -> re.Pattern[str]:
    patterns.share(_ROLES)
    patterns.share(_ORGS, lasting=False)
    assert patterns._spliced(source, flags) is not None  # the splice stands for the parse
    return patterns._from_program(source, patterns._program(source, flags))  # (no fallback)


@pytest.mark.parametrize(
    "source",
    [
        rf"(?P<role>{_ROLES})\b",
        rf"^,\s*(?P<mods>(?:deputy\s+)*)(?P<role>{_ROLES})(?:\s+of\s+(?P<org>{_ORGS}))?",
        rf"(?:{_ORGS})?\s*{_ROLES}|{_ROLES}\s+{_ORGS}",  # in two alternatives: not factored
        rf"(?<![\w\-])(?:{_ROLES}\s+)*{_ORGS}+",  # repeated
        rf"(?=\w+\s+{_ROLES})\w+|(?<=the\s){_ORGS}",  # in a lookahead; a fixed-width lookbehind
        rf"(?P<a>{_ROLES})\s+(?P=a)",  # a reference to a group holding a piece
        rf"(?a)the\s+{_ROLES}",  # other flags: the piece's code compiled for them too
    ],
)
def test_a_spliced_pattern_is_re_compile_of_its_source(no_cache: None, source: str) -> None:
    for _ in range(2):  # the first compiles the piece's code, the second reuses it
        made = _spliced(source)
        plain = re.compile(source)
        assert made == plain
        text = (
            "The Chief Executive of NASA, deputy director ESA ESA and director general chief chief"
        )
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    "source",
    [
        rf"(?:x|{_ORGS})",  # the placeholder alone in an alternative: merged into a set
        rf"(?:\{_ROLES}",  # an escaped "(": not the piece at all
        rf"(?x) {_ROLES} \s",  # verbose: the piece's text reads otherwise
    ],
)
def test_a_source_the_splice_cannot_stand_for_is_compiled_whole(
    no_cache: None, source: str
) -> None:
    patterns.share(_ROLES)
    patterns.share(_ORGS, lasting=False)
    assert patterns._spliced(source, 0) is None
    assert patterns.compile(source) == re.compile(source)


def test_only_the_last_passing_pieces_are_kept(no_cache: None) -> None:
    pieces = [f"(?:x{n}|y{n})" for n in range(patterns._PASSING_KEPT + 2)]
    for piece in pieces:
        patterns.share(piece, lasting=False)
    assert pieces[0] not in patterns._pieces
    assert pieces[-1] in patterns._pieces
    assert patterns.compile(rf"a{pieces[0]}b") == re.compile(rf"a{pieces[0]}b")


def test_every_pattern_of_the_analysis_is_re_compile_of_its_source(
    no_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analysis of the annotated articles (the seed's, and articles with organizations of
    their own: their patterns share a passing piece) compiles only patterns equal to plain
    re.compile of their source; the role patterns do share the role alternation."""
    made: dict[tuple[str, int], re.Pattern[str]] = {}
    spliced: list[str] = []
    compile_, splice = patterns.compile, patterns._spliced

    def recording(source: str, flags: int = 0, keep: bool = True) -> re.Pattern[str]:
        made[(source, flags)] = found = compile_(source, flags, keep)
        return found

    def splicing(source: str, flags: int) -> Any:
        tree = splice(source, flags)
        if tree is not None:
            spliced.append(source)
        return tree

    monkeypatch.setattr(patterns, "compile", recording)
    monkeypatch.setattr(patterns, "_spliced", splicing)
    for cached in (
        people._org_patterns,
        people._prefix_start,
        people._role_patterns,
        people._late_and_role,
        people._fronted_as,
        people._role_first,
    ):
        cached.cache_clear()  # compiled again, here (other tests of this worker compiled them)
    for path in ARTICLES.values():
        analyse(read_seed(path))
    roles = people._roles()
    assert sum(roles in source for source in spliced) >= 8  # the seven, and the prefix
    # the factored prefix shares its role and modifier tries (parsed once, not per article)
    assert any(people._role_trie() in s and people._modifier_trie() in s for s in spliced)
    assert any(source not in patterns._pieces for source in spliced)
    for (source, flags), pattern in made.items():
        assert pattern == re.compile(source, flags), source[:80]


def _sets(source: str, flags: int = 0) -> list[list[Any]]:
    """The character sets (IN items) of `source`'s parse, as _optimize_charset gets them."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    found: list[list[Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, _parser.SubPattern):
            for op, av in value.data:
                if op is _constants.IN:
                    found.append(av)
                walk(av)
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    walk(_parser.parse(source, flags))
    return found


def test_the_charset_memo_returns_what_re_computes_for_each_set() -> None:
    """The memo of re's set optimiser (patterns._memo_charset) gives each set re's own result,
    a different one for a different set or other case functions, and a copy each time."""
    import importlib
    from re import _compiler  # type: ignore[attr-defined]

    _sre = importlib.import_module("_sre")

    optimize = patterns._OPTIMIZE_CHARSET
    sets = _sets(r"[\w’'\-][a-z][^()][A-Z\d][’'][^\W\d_]x[—–,.;:]")
    assert len(sets) == 7
    case = (_sre.unicode_iscased, _sre.unicode_tolower, _compiler._EXTRA_CASES)
    ascii_case = (_sre.ascii_iscased, _sre.ascii_tolower, None)
    for charset in sets:
        for args in ((), case, ascii_case):
            for _ in range(2):  # computed, then from the memo
                made = patterns._memo_charset(list(charset), *args)
                assert made == optimize(list(charset), *args)
            made[0].append("changed")  # the caller's list is its own: the memo is unchanged
            assert patterns._memo_charset(list(charset), *args) == optimize(list(charset), *args)
    assert patterns._memo_charset(sets[1], *case) != patterns._memo_charset(sets[1])  # [a-z] (?i)
    assert patterns._memo_charset(sets[0]) != patterns._memo_charset(sets[2])


@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.IGNORECASE | re.ASCII])
def test_patterns_with_sets_compile_to_re_compile_of_their_source(
    no_cache: None, flags: int
) -> None:
    """Sets optimised through the memo (twice: computed, then reused) make re.compile's
    program, with each flag set (the case functions are part of the memo's key)."""
    sources = [
        r"(?<![\w’'\-])[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*",
        r"[^—–,.;:]{0,60}?\s*[—–]|[a-z][a-z\-]*",
        r"(?:[A-Z]\.){2,}[’']s\b[^()]",
    ]
    for _ in range(2):
        for source in sources:
            assert patterns.compile(source, flags, keep=False) == re.compile(source, flags)


def test_a_piece_without_flags_has_its_code_compiled_once(no_cache: None) -> None:
    """ "(?:a|b)" (an article's organizations) is shared in a group of no number, whose code
    is compiled once per flags and reused: the patterns are still re.compile's."""
    from re import _constants  # type: ignore[attr-defined]

    piece = r"(?:Foo\s+Agency|Bar|Baz\s+Office\s+of\s+Qux)"
    patterns.share(piece, lasting=False)
    item, compiled = patterns._pieces[piece]
    assert item[0] is _constants.SUBPATTERN and item[1][:3] == (None, 0, 0)
    sources = [
        rf"{piece}\s+said",  # first: re reads a prefix through the group
        rf"^\s*,?\s*(?P<prep>of|from)\s+(?:the\s+)?(?P<org>{piece})(?![\w\-])",
        rf"(?<![\w\-])(?P<org>{piece})(?![\w\-])|(?:{piece}\s+)+x",
    ]
    for source in sources:
        assert patterns.compile(source, keep=False) == re.compile(source)
    assert compiled  # its code was kept, and reused by the later patterns
    text = "Director of the Baz Office of Qux, Bar said; Foo  Agency Bar x"
    for source in sources:
        made, plain = patterns.compile(source, keep=False), re.compile(source)
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_plain_code_is_the_same_numbers_as_plain_ints() -> None:
    """patterns._plain (re's code words made plain ints in C, to be stored) changes no number,
    up to the largest code word; a program made without it is the same pattern too."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    source = r"(?i)(?<![\w’'-])(?P<a>ab{2,9}?|c)\s*(?=x)(?:\1|[^—–])*$"
    code = [*_compiler._code(_parser.parse(source, 0), 0), _compiler.MAXCODE, 0]
    plain = patterns._plain(code)
    assert plain == list(map(int, code)) and all(type(word) is int for word in plain)
    for as_plain in (True, False):
        made = patterns._from_program(source, patterns._program(source, 0, plain=as_plain))
        assert made == re.compile(source)
