"""Render only what changed: a page's Markdown is reused when everything it is made from is.

A page is a pure function of its model (path, title, description, template, search boost,
context) and of the generator's code and templates. Its fingerprint is a digest of all of that:
the generator's version, then every value reachable from the model, walked field by field.
Facts and Articles are not walked: each stands for the digest it was made from (its seed's
bytes and name, corrections and the generator's version, see build.Understood). A value of a
kind the walk does not know makes the page unmemoisable (rendered every time), never wrongly
reused.

Every page is memoised, the pages that gather every article too. Their models are large, but
compose keeps each article's share between builds (compose._kept), so after one seed edit
nearly every value in them is the very object of the last build: the digest of an immutable
value (str, numbers, dates, tuples, frozensets, frozen dataclasses holding only such values) is
kept by identity between builds (the entry holds the object, so its identity is never reused
while the entry lives), and only dicts, lists and new objects are walked again. Entries the
last build did not use are dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from . import state
from .cache import generator_version
from .compose import Page
from .model import Article, Facts

_LIMIT = 20_000
_rendered: dict[bytes, bytes] = {}
# id(value) → [value, digest, number of the last build that used it], for immutable values:
# kept between builds (the entry holds the value, so its identity stays its own).
_lasting: dict[int, list[Any]] = {}
_build = 0
# str → its digest, kept between builds (a string is immutable, keyed by its value); emptied
# when it outgrows a few sites' worth of strings.
_strings: dict[str, bytes] = {}
_STRINGS_LIMIT = 500_000
# Page path → (its shallow items, fingerprint) of the last build and of this one (see
# Fingerprints._shallow); the items hold their objects, so identities stay theirs.
_pages: dict[str, tuple[tuple[Any, ...], bytes]] = {}
_pages_now: dict[str, tuple[tuple[Any, ...], bytes]] = {}
_OPEN, _CLOSE = b"{", b"}"  # never a digest: those are 24 bytes (or longer)


# Per dataclass type: its field names, and whether it is frozen.
_shapes: dict[type, tuple[tuple[str, ...], bool]] = {}


_CONSTANTS = {v: f"{type(v).__name__}:{v!r}".encode() for v in (None, True, False)}


class Unmemoisable(TypeError):
    """A value the fingerprint does not know how to walk."""


def _blake(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=24).digest()


class Fingerprints:
    """Fingerprints of the pages of one build (walks shared values once)."""

    def __init__(self, understood: Sequence[tuple[Facts, str]]) -> None:
        global _build
        _build += 1
        # id → (digest, immutable) for this build's Facts, Articles and mutable values.
        self._known: dict[int, tuple[bytes, bool]] = {}
        self._keep: list[object] = []  # keeps the objects alive, so ids stay theirs
        for facts, digest in understood:
            self._known[id(facts)] = (b"F" + digest.encode(), True)
            self._known[id(facts.article)] = (b"A" + digest.encode(), True)
            self._keep.append(facts)
        self._strings = _strings

    def page(self, page: Page) -> bytes | None:
        shallow = self._shallow(page)
        if shallow is not None:
            last = _pages.get(page.path)
            if last is not None and last[0] == shallow:
                _pages_now[page.path] = last
                return last[1]
        try:
            parts = [generator_version().encode(), self._value(page)[0]]
        except Unmemoisable:
            return None
        digest = _blake(b"\0".join(parts))
        if shallow is not None:
            _pages_now[page.path] = (shallow, digest)
        return digest

    def _shallow(self, page: Page) -> tuple[Any, ...] | None:
        """The page's fields and its context's keys and values, each as a str or its
        digest: kept by identity (an immutable value in _lasting), or walked as the full walk
        would (new and mutable values, such as the mentions dict that many pages share, once
        per build; Facts and Articles by their digest). A tuple equal to last build's means
        the same fingerprint, without walking all of the page again (a page's context is a
        new dict every build). None: the page holds something the walk does not know."""
        names = _shapes.get(type(page))
        if names is None:
            return None  # the first walk of a Page records its fields
        items: list[Any] = [type(page)]
        try:
            for name in names[0]:
                items.append(name)
                self._item(getattr(page, name), items, 1)
        except Unmemoisable:
            return None
        return tuple(items)

    def _item(self, value: Any, items: list[Any], depth: int) -> None:
        kind = type(value)
        if kind is str:
            items.append(value)
        elif kind is dict and depth:
            items.append(_OPEN)
            for key, inner in value.items():
                self._item(key, items, 0)
                self._item(inner, items, depth - 1)
            items.append(_CLOSE)
        else:
            hit = _lasting.get(id(value))
            if hit is not None and hit[0] is value:
                hit[2] = _build
                items.append(hit[1])
            else:
                items.append(self._value(value)[0])

    def _string(self, value: str) -> bytes:
        found = self._strings.get(value)
        if found is None:
            found = self._strings[value] = b"s" + _blake(value.encode("utf-8", "surrogatepass"))
        return found

    def _walk(self, children: Iterable[Any], items: list[bytes]) -> bool:
        """Append each child's digest to `items`; → whether all of them are immutable. The
        common cases (a string, a value kept from an earlier build) are handled inline."""
        frozen = True
        lasting, build = _lasting, _build
        for child in children:
            if type(child) is str:
                items.append(self._string(child))
                continue
            hit = lasting.get(id(child))
            if hit is not None and hit[0] is child:
                hit[2] = build
                items.append(hit[1])
                continue
            digest, immutable = self._value(child)
            items.append(digest)
            frozen = frozen and immutable
        return frozen

    def _value(self, value: Any) -> tuple[bytes, bool]:
        """(digest, whether the value and all it holds are immutable)."""
        kind = type(value)
        if kind is str:
            return self._string(value), True
        if value is None or kind is bool:
            return _CONSTANTS[value], True
        if kind is int or kind is float:
            return f"{kind.__name__}:{value!r}".encode(), True
        if isinstance(value, str):  # Markup: the template does not escape it again
            return b"m" + kind.__name__.encode() + self._string(str(value)), True
        if isinstance(value, bool | int | float):
            return f"{kind.__qualname__}:{value!r}".encode(), True
        if isinstance(value, dt.date):
            return f"{kind.__name__}:{value.isoformat()}".encode(), True
        hit = _lasting.get(id(value))
        if hit is not None and hit[0] is value:
            hit[2] = _build
            return hit[1], True
        known = self._known.get(id(value))
        if known is not None:
            return known
        if isinstance(value, Facts | Article):
            raise Unmemoisable("facts that were not made by this build")
        items: list[bytes]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            shape = _shapes.get(kind)
            if shape is None:
                names = tuple(f.name for f in dataclasses.fields(value))
                shape = _shapes[kind] = (names, kind.__dataclass_params__.frozen)
            names, frozen = shape
            items = [kind.__qualname__.encode()]
            frozen = self._walk((getattr(value, n) for n in names), items) and frozen
        elif kind is tuple or kind is list:
            items = [b"(" if kind is tuple else b"["]
            frozen = self._walk(value, items) and kind is tuple
        elif isinstance(value, Mapping):
            items = [b"{"]  # insertion order: templates iterate in that order
            self._walk(itertools.chain.from_iterable(value.items()), items)
            frozen = False
        elif kind is frozenset or kind is set:
            children: list[bytes] = []
            frozen = self._walk(value, children) and kind is frozenset
            items = [b"<", *sorted(children)]
        else:
            raise Unmemoisable(kind.__qualname__)
        digest = _blake(b"\0".join(items))
        if frozen:
            _lasting[id(value)] = [value, digest, _build]
        else:
            self._known[id(value)] = (digest, False)
            self._keep.append(value)
        return digest, frozen


def render_pages(
    pages: Sequence[Page],
    understood: Sequence[tuple[Facts, str]],
    render: Callable[[Page], bytes],
) -> list[bytes]:
    """`render` of every page, reusing what an earlier build of this process rendered from
    the very same inputs."""
    if len(_strings) > _STRINGS_LIMIT:
        _strings.clear()
    prints = Fingerprints(understood)
    out = []
    used: dict[bytes, bytes] = {}
    for page in pages:
        key = prints.page(page)
        content = _rendered.get(key) if key is not None else None
        if content is None:
            content = render(page)
            state.worked()
        if key is not None and len(used) < _LIMIT:
            used[key] = content
        out.append(content)
    # Keep what this build used: the memo is the size of one site, whatever the edits.
    _rendered.clear()
    _rendered.update(used)
    _pages.clear()
    _pages.update(_pages_now)
    _pages_now.clear()
    for ident in [i for i, entry in _lasting.items() if entry[2] != _build]:
        del _lasting[ident]
    return out


def forget() -> None:
    _rendered.clear()
    _lasting.clear()
    _pages.clear()
    _pages_now.clear()
    _strings.clear()


def snapshot() -> dict[str, Any]:
    """What the memo keeps between builds, for the next process (state.py)."""
    return {
        "build": _build,
        "rendered": _rendered,
        "lasting": list(_lasting.values()),
        "pages": _pages,
        "strings": _strings,
        "shapes": _shapes,
    }


def restore(value: object) -> None:
    """Take what a process's memo kept (None: nothing); the digests of immutable values keyed
    again by their identities in this process (each entry holds its value)."""
    global _build
    forget()
    if value is None:
        return
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    build = value["build"]
    if type(build) is not int:
        raise TypeError("not a build number")
    for entry in value["lasting"]:
        if type(entry) is not list or len(entry) != 3 or type(entry[1]) is not bytes:
            raise TypeError("not a digest entry")
        _lasting[id(entry[0])] = entry
    _rendered.update(value["rendered"])
    _pages.update(value["pages"])
    _strings.update(value["strings"])
    _shapes.update(value["shapes"])
    _build = build
