"""YAML written by people (seed front matter, corrections files), read with bounded work.

Before anything is composed, the event stream is scanned (libyaml's parser when available):
anchors and aliases are refused, so an alias bomb costs nothing, and so is nesting deeper than
MAX_DEPTH, so nothing recurses without bound. Loaders built with `refuse_duplicate_keys` refuse
a key written twice in one mapping (PyYAML would silently keep the last). Every string value can
be checked for characters no page can carry (`forbidden_character`).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import GeneratorError, cut

# Front matter and corrections are a few levels deep; anything deeper is not one of them.
MAX_DEPTH = 20

# Characters refused in seeds and in every YAML value, besides what decode_seed refuses:
# C0 controls but tab, LF, CR and form feed; DEL; C1 controls; lone surrogates (from YAML
# escapes or surrogateescape); Unicode noncharacters (U+FDD0..U+FDEF and the last two code
# points of every plane), which YAML forbids in a stream and MkDocs drops front matter over.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)

_FAST_PARSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def forbidden_character(text: str) -> re.Match[str] | None:
    """The first character of `text` that no seed or page may hold, if any."""
    return _FORBIDDEN.search(text)


def describe(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate"
    elif code < 0xA0:
        kind = "the control character"
    else:
        kind = "the Unicode noncharacter"
    return f"{kind} U+{code:04X}"


def _yaml_problem(exc: yaml.YAMLError) -> tuple[str, int | None]:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "invalid YAML"
    return str(problem), (mark.line if mark is not None else None)


def check_structure(text: str, path: str, first_line: int, what: str) -> None:
    """Refuse anchors, aliases and deep nesting by scanning events; parse errors are left to the
    loader (which reports them with the pure-Python parser's wording).

    `first_line`: the file line of the text's first line (front matter starts on line 2)."""
    try:
        _scan(text, path, first_line, what, _FAST_PARSER)
    except yaml.YAMLError:
        # libyaml stops at its own limits (e.g. 1,000 levels); the pure-Python parser, a state
        # machine, does not recurse and finds what our limits say (or the syntax error).
        try:
            _scan(text, path, first_line, what, yaml.SafeLoader)
        except yaml.YAMLError:
            return  # malformed: the loader says where and why


def _scan(text: str, path: str, first_line: int, what: str, loader: Any) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + first_line if event.start_mark else None
        if isinstance(event, yaml.AliasEvent):
            raise GeneratorError(
                path,
                f"{what} uses the YAML alias *{cut(event.anchor, 40)}; aliases and anchors "
                "are not accepted here: write the value out",
                line,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise GeneratorError(
                path,
                f"{what} uses the YAML anchor &{cut(anchor, 40)}; aliases and anchors are "
                "not accepted here: write the value out",
                line,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise GeneratorError(
                    path, f"{what} is nested more than {MAX_DEPTH} levels deep", line
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def refuse_duplicate_keys(loader: Any, node: yaml.MappingNode, path: str, line0: int) -> None:
    """Raise if a mapping node names the same (scalar) key twice."""
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = loader.construct_object(key_node)
        try:
            hash(key)
        except TypeError:
            continue
        line = key_node.start_mark.line + line0
        if key in seen:
            raise GeneratorError(
                path,
                f"the key '{cut(key, 40)}' is written twice (also on line {seen[key]}); keep one",
                line,
            )
        seen[key] = line


def check_strings(value: object, path: str, line: int | None, what: str) -> None:
    """Refuse a forbidden character in any string of a loaded value (keys included)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            bad = forbidden_character(item)
            if bad is not None:
                raise GeneratorError(
                    path,
                    f"{what} holds {describe(bad.group())}, which no page can show; "
                    "remove it and build again",
                    line,
                )
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)


def yaml_error(exc: yaml.YAMLError, path: str, first_line: int, what: str) -> GeneratorError:
    problem, line = _yaml_problem(exc)
    return GeneratorError(
        path, f"{what}: {cut(problem, 120)}", line + first_line if line is not None else None
    )
