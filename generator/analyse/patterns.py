"""How the analysis' big patterns are compiled: once per process, and their compiled `re`
program kept between processes (code_cache.py).

compile(source) returns a pattern equal to re.compile(source) (same source, flags and
program: `==` on patterns compares exactly these), so what matches is unchanged by
construction. Python's `re` turns a source into a program in pure Python (the huge
alternations of role and organization words take ~10 ms each); the program it makes is a list
of integers that `_sre.compile` turns into a pattern in microseconds. That last step and
the program format are CPython internals (`re._compiler`, `_sre`): the cache file's name
carries Python's version and `_sre.MAGIC`, and at first use a probe checks that this module
builds exactly what re.compile builds; if anything differs or fails, compile() is plain
re.compile.

Every pattern of analyse/ that is the same in every process goes through it: the module-level
constants and those built from the data files (word lists, theme sets). Not the patterns made
from one article's words (its people, its organizations): those would only fill the cache.
The module-level ones come from the cache when their module is imported after code_cache.use():
the command line takes the project's cache before it imports the pipeline, and analyse() imports
the rule modules on its first call (a build whose seeds are all cached imports none of them).

Shared pieces (share()): a big alternation that many patterns hold (the ~11 KB of role words in
ten role patterns) is parsed and compiled once per process, not once per pattern: compile()
puts a placeholder where the source holds a shared piece, parses that small source, puts the
piece's own parse tree in the placeholder's place and, while it turns the tree into code,
reuses the code the piece compiled to under the same flags (the code of a group that holds no
capturing group depends only on it and the flags). The source is unchanged, so the pattern is
still equal to re.compile(source): same source, flags and program (tests/test_patterns.py
checks it for every pattern of the corpus' analysis). A source the splice cannot stand for
(the placeholder merged into a character set, say) is compiled whole, as before.
"""

from __future__ import annotations

import array
import importlib
import marshal
import re
import threading
from functools import cache
from re import _compiler as _re_compiler  # type: ignore[attr-defined]
from typing import Any

from .. import code_cache

_PROBE = r"(?i)(?P<a>x|y(?:z|)\s+)(?<![\w-])(?=q)(?:\1|b)*?$"


def _program(source: str, flags: int, plain: bool = True) -> tuple[Any, ...]:
    """What re._compiler.compile hands to _sre.compile, for `source` (Python 3.11–3.13);
    `plain`: its code as plain ints, which marshal can store (else as re has it: opcodes are an
    int subclass, which _sre.compile takes as re.compile hands them)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _spliced(source, flags) if _pieces else None
    spliced = parsed is not None
    if parsed is None:
        parsed = _parser.parse(source, flags)
    with _REUSING:  # re's own functions are swapped only while this program is made
        _compiler._optimize_charset = _memo_charset
        if spliced:
            _compiler._compile = _reusing_compile
        try:
            code = _compiler._code(parsed, flags)
        finally:
            if spliced:
                _compiler._compile = _COMPILE[0]
            _compiler._optimize_charset = _OPTIMIZE_CHARSET
    if plain:
        code = _plain(code)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        dict(groupindex),
        tuple(indexgroup),
    )


# An array of re's code words' size, if this platform has one: it makes plain ints of the code
# in C (~50 K words in the big role patterns: 3.7 ms with int() on each word, 1.4 ms so).
_CODESIZE = importlib.import_module("_sre").CODESIZE
_WORDS = next((t for t in "IL" if array.array(t).itemsize == _CODESIZE), None)


def _plain(code: list[Any]) -> list[int]:
    """re's code (ints and int-subclass opcodes) as plain ints, the same numbers."""
    if _WORDS is not None:
        return array.array(_WORDS, code).tolist()
    return list(map(int, code))


# re's character set optimiser, memoised. It is a pure function of the set's items and of the
# case functions it is handed, and the sets recur: "[\w’'\-]" is in most name patterns, and a
# character above U+00FF (the apostrophe ’) makes re build a 64 K map for it, ~40 µs each time.
# A cold one-article build optimised ~4,500 sets (250 distinct), 0.19 s of its 0.71 s of
# analysis. The same result makes the same program: the pattern is still re.compile's.
_OPTIMIZE_CHARSET = _re_compiler._optimize_charset
_IGNORECASE_FIXES = getattr(_re_compiler, "_EXTRA_CASES", None)  # the one table re hands it
_charsets: dict[tuple[Any, ...], tuple[list[Any], bool]] = {}


def _memo_charset(
    charset: list[Any], iscased: Any = None, fixup: Any = None, fixes: Any = None
) -> tuple[list[Any], bool]:
    """re._compiler._optimize_charset(charset, iscased, fixup, fixes), each distinct set once."""
    key: tuple[Any, ...] | None = None
    found: tuple[list[Any], bool] | None = None
    if fixes is None or fixes is _IGNORECASE_FIXES:  # (a table of another re: not memoised)
        try:
            key = (tuple(charset), iscased, fixup, fixes is not None)
            found = _charsets.get(key)
        except TypeError:  # an item that cannot be hashed (not what this Python's parser makes)
            key = None
    if found is None:
        out, hascased = _OPTIMIZE_CHARSET(charset, iscased, fixup, fixes)
        found = (list(out), hascased)
        if key is not None:
            _charsets[key] = found
    return list(found[0]), found[1]  # a copy: the caller's list is its own


def _from_program(source: str, program: tuple[Any, ...]) -> re.Pattern[str]:
    pattern: re.Pattern[str] = importlib.import_module("_sre").compile(source, *program)
    return pattern


@cache
def _works() -> bool:
    try:
        made = _from_program(_PROBE, marshal.loads(marshal.dumps(_program(_PROBE, 0))))
    except Exception:  # another Python: fall back to re.compile
        return False
    return made == re.compile(_PROBE)


# --- shared pieces -------------------------------------------------------------------------

# A piece's source → its parse tree's one item and {flags: the code its group compiled to};
# by the identity of the group's tree (what _compile is handed), the tree and that dict.
_pieces: dict[str, tuple[Any, dict[int, list[int]]]] = {}
_inner: dict[int, tuple[Any, dict[int, list[int]]]] = {}
# The pieces of one article (its organizations): only the last few are kept.
_passing: list[str] = []
_PASSING_KEPT = 4
# Placeholders: private-use characters of plane 15, one per occurrence in a source.
_PLACEHOLDER = 0xF0000
_REUSING = threading.Lock()  # _compiler._compile is swapped while a spliced tree compiles
_COMPILE: list[Any] = []  # re._compiler._compile as Python has it
_SPLICE_PROBES = (
    (r"(?i:ab|a(?:c|d)\b(?!\s+x))", r"^(?:\s*,)?(?P<x>{0})(?:\s+(?P<y>{0}))?\b"),
    # a group without flags (its BRANCH, in a group of no number): first, repeated, looked ahead
    (r"(?:ab|a(?:c|d)|e\s+f)", r"{0}\s+(?:{0})+(?={0})(?:x|(?P<x>{0}))?\b"),
)


def share(piece: str, lasting: bool = True) -> str:
    """`piece`, a group with no capturing group in it ("(?i:…)", "(?:…)"), registered as a
    shared piece: the patterns compile() makes from sources holding it parse and compile it
    once (see the module's text). `lasting`: the same in every build (made from the data
    files); else one article's, of which only the last few are kept. Returns `piece`."""
    if piece in _pieces or not _splices():
        return piece
    item = _piece_item(piece)
    if item is None:
        return piece
    _add(piece, item)
    if not lasting:
        _passing.append(piece)
        if len(_passing) > _PASSING_KEPT:
            _drop(_passing.pop(0))
    return piece


def _add(piece: str, item: Any) -> None:
    from re import _constants  # type: ignore[attr-defined]

    compiled: dict[int, list[int]] = {}
    _pieces[piece] = (item, compiled)
    if item[0] is _constants.SUBPATTERN:  # "(?i:…)": _compile gets its tree, its code is kept
        _inner[id(item[1][3])] = (item[1][3], compiled)


def _drop(piece: str) -> None:
    item, _ = _pieces.pop(piece)
    found = _inner.get(id(item[1][-1]))
    if found is not None and found[0] is item[1][-1]:
        del _inner[id(item[1][-1])]


def _piece_item(piece: str) -> Any:
    from re import _constants, _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(piece, 0)
    except re.error:
        return None
    if len(parsed.data) != 1 or parsed.state.groups != 1 or parsed.state.grouprefpos:
        return None
    item = parsed.data[0]  # "(?:a|b)" is its BRANCH (the parse unpacks such a group)
    if item[0] is _constants.BRANCH:
        # … put in a group with no number and no flags, which compiles to exactly the code of
        # what it holds (and is seen through wherever re looks for a prefix), so that its code
        # too is compiled once per flags: an article's organizations are in four patterns
        return (_constants.SUBPATTERN, (None, 0, 0, _parser.SubPattern(parsed.state, [item])))
    return item


@cache
def _splices() -> bool:
    """Whether a spliced tree compiles to re.compile's program here (else: no pieces)."""
    from re import _compiler  # type: ignore[attr-defined]

    if not _works():
        return False
    _COMPILE.append(_compiler._compile)
    for piece, template in _SPLICE_PROBES:
        source = template.format(piece)
        item = _piece_item(piece)
        if item is None:
            return False
        _add(piece, item)
        try:  # twice: the piece's code compiled, then reused
            made = [_from_program(source, _program(source, 0)) for _ in range(2)]
        except Exception:
            return False
        finally:
            _drop(piece)
        if not all(m == re.compile(source) for m in made):
            return False
    return True


def _spliced(source: str, flags: int) -> Any:
    """`source` parsed with its shared pieces' trees put in (see the module's text); None when
    it holds none, or the splice cannot stand for the whole parse."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    found = [piece for piece in _pieces if piece in source]
    if not found or flags & re.VERBOSE or "(?x" in source:
        return None
    found.sort(key=len, reverse=True)
    items: dict[int, Any] = {}
    small = source
    for piece in found:
        parts = small.split(piece)
        if len(parts) == 1:
            continue  # (inside a longer piece)
        out = [parts[0]]
        for part in parts[1:]:
            code = _PLACEHOLDER + len(items)
            if chr(code) in source or (len(out[-1]) - len(out[-1].rstrip("\\"))) % 2:
                return None  # a character of the source itself, or an escaped "("
            items[code] = _pieces[piece][0]
            out += [chr(code), part]
        small = "".join(out)
    try:
        parsed = _parser.parse(small, flags)
    except re.error:
        return None  # (the whole source tells its own error)
    if parsed.state.flags & re.VERBOSE:
        return None
    placed = _place(parsed, items, _constants)
    if placed != len(items):
        return None
    for group, width in enumerate(parsed.state.groupwidths):
        if width is not None:
            parsed.state.groupwidths[group] = None
    _fix_widths(parsed, parsed.state, _constants)
    return parsed


def _place(tree: Any, items: dict[int, Any], constants: Any) -> int:
    """Puts each placeholder's piece item in its place in `tree` (a SubPattern) and unsets
    every width the parse worked out with the placeholder; → how many were put. A placeholder
    anywhere else (in a character set) leaves it short of the count, so nothing is spliced."""
    tree.width = None
    placed = 0
    data = tree.data
    for at, (op, av) in enumerate(data):
        if op is constants.LITERAL and av in items:
            data[at] = items[av]
            placed += 1
        else:
            placed += _place_in(av, items, constants)
    return placed


def _place_in(value: Any, items: dict[int, Any], constants: Any) -> int:
    from re import _parser  # type: ignore[attr-defined]

    if isinstance(value, _parser.SubPattern):
        return _place(value, items, constants)
    if isinstance(value, (tuple, list)):
        return sum(_place_in(v, items, constants) for v in value)
    return 0


def _fix_widths(tree: Any, state: Any, constants: Any) -> None:
    """The capturing groups' widths, worked out again on the spliced tree (as closegroup)."""
    from re import _parser  # type: ignore[attr-defined]

    for op, av in tree.data:
        if op is constants.SUBPATTERN and av[0] is not None:
            state.groupwidths[av[0]] = av[-1].getwidth()
        for value in av if isinstance(av, (tuple, list)) else (av,):
            if isinstance(value, _parser.SubPattern) and value.state is state:
                _fix_widths(value, state, constants)
            elif isinstance(value, list):
                for sub in value:
                    if isinstance(sub, _parser.SubPattern) and sub.state is state:
                        _fix_widths(sub, state, constants)


def _reusing_compile(code: list[Any], pattern: Any, flags: int) -> None:
    """re._compiler._compile, with a shared piece's code compiled once per flags."""
    found = _inner.get(id(pattern))
    if found is None or found[0] is not pattern:
        _COMPILE[0](code, pattern, flags)
        return
    compiled = found[1]
    done = compiled.get(flags)
    if done is None:
        start = len(code)
        _COMPILE[0](code, pattern, flags)
        compiled[flags] = _plain(code[start:])
    else:
        code.extend(done)


def compile(source: str, flags: int = 0, keep: bool = True) -> re.Pattern[str]:
    """re.compile(source, flags), from the code cache when it holds this source's program
    (`keep`: the source is the same in every process; else, one article's, it is not kept)."""
    if not _works() or flags & re.DEBUG:
        return re.compile(source, flags)
    flags = int(flags)
    store = code_cache.store("patterns")
    key = f"{flags}\0{source}"
    raw = store.get(key) if keep else None
    if raw is not None:
        try:
            return _from_program(source, marshal.loads(raw))
        except Exception:  # damaged or foreign: compile it again
            store.forget(key)
    try:
        program = _program(source, flags, plain=keep)  # (plain ints only to be stored)
        pattern = _from_program(source, program)
    except re.error:
        raise
    except Exception:  # should not happen (see _works): plain re
        return re.compile(source, flags)
    if keep:
        store.put(key, marshal.dumps(program))
    return pattern
