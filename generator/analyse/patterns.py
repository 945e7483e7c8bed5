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
"""

from __future__ import annotations

import importlib
import marshal
import re
from functools import cache
from typing import Any

from .. import code_cache

_PROBE = r"(?i)(?P<a>x|y(?:z|)\s+)(?<![\w-])(?=q)(?:\1|b)*?$"


def _program(source: str, flags: int) -> tuple[Any, ...]:
    """What re._compiler.compile hands to _sre.compile, for `source` (Python 3.11–3.13)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: marshal can store them
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


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(source, flags), from the code cache when it holds this source's program."""
    if not _works() or flags & re.DEBUG:
        return re.compile(source, flags)
    flags = int(flags)
    store = code_cache.store("patterns")
    key = f"{flags}\0{source}"
    raw = store.get(key)
    if raw is not None:
        try:
            return _from_program(source, marshal.loads(raw))
        except Exception:  # damaged or foreign: compile it again
            store.forget(key)
    try:
        program = _program(source, flags)
        pattern = _from_program(source, program)
    except re.error:
        raise
    except Exception:  # should not happen (see _works): plain re
        return re.compile(source, flags)
    store.put(key, marshal.dumps(program))
    return pattern
