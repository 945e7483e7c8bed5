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
last build did not reach are dropped once the map holds twice the most one build reached.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import operator
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
# Page path → (its raw values, their shallow items, the positions of mutable values, the
# _lasting entries its items came from, fingerprint) of the last build and of this one (see
# Fingerprints._raw and _shallow); the raw values hold their objects, so identities stay theirs.
# Each entry also holds, per position whose value is a new container (a dict, list or tuple the
# walk did not find in _lasting), its skeleton (_Node): its kind and its children as they were
# when its digest was taken, each an immutable leaf kept by identity or a nested skeleton.
_Shallow = tuple[
    tuple[Any, ...], tuple[Any, ...], tuple[int, ...], list[list[Any]], bytes, dict[int, "_Node"]
]
_pages: dict[str, _Shallow] = {}
_pages_now: dict[str, _Shallow] = {}
# Values whose digest is their value (not their identity): never mutable.
_PLAIN = frozenset({int, float, bool, type(None), dt.date})


# Per dataclass type: its field names, and whether it is frozen.
_shapes: dict[type, tuple[tuple[str, ...], bool]] = {}
# Per Page type: its fields' values in one call (set when the first Page is walked).
_getters: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


_CONSTANTS = {v: f"{type(v).__name__}:{v!r}".encode() for v in (None, True, False)}


class _Node:
    """A container's skeleton, taken when its digest was: its exact kind (dict, list or tuple),
    its children in the walk's order (a dict's keys and values, interleaved), each either an
    immutable leaf (a str, a plain value, or a value with a _lasting entry: one whose digest is
    its identity's while it lives, and the node keeps it alive) or the skeleton of a nested
    container, and whether it and all it holds are immutable (only tuples). A new container
    that matches it (_matches: the same kinds and lengths, the very same leaves) has the same
    digest, by construction of the walk: that is told without walking it again."""

    __slots__ = ("children", "frozen", "kind")

    def __init__(self, kind: type, children: tuple[Any, ...], frozen: bool) -> None:
        self.kind = kind
        self.children = children
        self.frozen = frozen

    # Saved in the process state (state.py) with its kind by name: the state's loader takes no
    # builtin type but a few.
    def __getstate__(self) -> tuple[str, tuple[Any, ...], bool]:
        return self.kind.__name__, self.children, self.frozen

    def __setstate__(self, saved: tuple[str, tuple[Any, ...], bool]) -> None:
        name, self.children, self.frozen = saved
        self.kind = _CONTAINER_NAMES[name]


_CONTAINERS = (dict, list, tuple)
_CONTAINER_NAMES: dict[str, type] = {kind.__name__: kind for kind in _CONTAINERS}


def _skeleton(value: Any) -> _Node | None:
    """`value`'s skeleton (right after its walk, so its immutable children have their _lasting
    entries); None: it holds something else (a Facts, a set, a mutable dataclass …), which is
    then walked each time, as before. The leaves' _lasting entries are not marked as used by a
    match (many are new objects every build, which no later match finds): an entry dropped
    while its object is in a skeleton costs only a walk, when a page holding it changes."""
    kind = type(value)
    flat = tuple(itertools.chain.from_iterable(value.items())) if kind is dict else tuple(value)
    frozen = kind is tuple
    children: list[Any] = []
    for child in flat:
        child_kind = type(child)
        if child_kind is str or child_kind in _PLAIN or isinstance(child, str):
            children.append(child)  # (a str subclass: Markup, as immutable as a str)
            continue
        hit = _lasting.get(id(child))
        if hit is not None and hit[0] is child:
            children.append(child)
            continue
        if child_kind not in _CONTAINERS:
            return None
        node = _skeleton(child)
        if node is None:
            return None
        frozen = frozen and node.frozen
        children.append(node)
    return _Node(kind, tuple(children), frozen)


def _matches(value: Any, node: _Node) -> bool:
    """Whether `value` has the digest `node` was taken with (see _Node)."""
    kind: Any = node.kind  # (Any: `type(value) is kind` would narrow value to object)
    if type(value) is not kind:
        return False
    children = node.children
    if kind is dict:
        if 2 * len(value) != len(children):
            return False
        flat: Any = tuple(itertools.chain.from_iterable(value.items()))
    else:
        if len(value) != len(children):
            return False
        flat = value
    if all(map(operator.is_, flat, children)):
        return True
    for child, old in zip(flat, children, strict=True):
        if child is old:
            continue
        kind = type(old)
        if kind is _Node:
            if not _matches(child, old):
                return False
        elif not (kind is str and type(child) is str and child == old):  # its digest: its value
            return False
    return True


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
        # This build's matches of a value against a skeleton, and its skeletons taken anew,
        # by identity (pages share values: a tuple of links on every page is told once); each
        # entry holds its objects, so their identities stay theirs for the build.
        self._matched: dict[tuple[int, int], tuple[Any, _Node, bool]] = {}
        self._retaken: dict[int, tuple[Any, _Node | None]] = {}

    def _matches(self, value: Any, node: _Node) -> bool:
        key = (id(value), id(node))
        found = self._matched.get(key)
        if found is None or found[0] is not value or found[1] is not node:
            found = self._matched[key] = (value, node, _matches(value, node))
        return found[2]

    def page(self, page: Page) -> bytes | None:
        raw = self._raw(page)
        if raw is None:
            return self._full(page)
        last = _pages.get(page.path)
        if last is not None and self._unchanged(raw, last):
            _pages_now[page.path] = (raw, last[1], last[2], last[3], last[4], last[5])
            return last[4]
        shallow = self._shallow(raw)
        if shallow is None:
            return self._full(page)
        items, mutable, hits, skeletons = shallow
        digest = last[4] if last is not None and last[1] == items else self._full(page)
        if digest is not None:
            _pages_now[page.path] = (raw, items, mutable, hits, digest, skeletons)
        return digest

    def _full(self, page: Page) -> bytes | None:
        """The page's fingerprint from a walk of all of it (None: it holds an unknown kind)."""
        try:
            parts = [generator_version().encode(), self._value(page)[0]]
        except Unmemoisable:
            return None
        return _blake(b"\0".join(parts))

    def _raw(self, page: Page) -> tuple[Any, ...] | None:
        """The page's type, its fields' values and, for a field that is a dict (the context),
        its length, keys and values: the very objects, in a tuple (None: no Page walked yet)."""
        shape = _getters.get(type(page))
        if shape is None:
            return None  # the first walk of a Page records its fields
        raw: list[Any] = [type(page)]
        for value in shape(page):
            if type(value) is dict:
                raw.append(len(value))
                raw += value
                raw += value.values()
            else:
                raw.append(value)
        return tuple(raw)

    def _unchanged(self, raw: tuple[Any, ...], last: _Shallow) -> bool:
        """Whether `raw` has last build's items (so its fingerprint), checking only what may
        differ: a position whose object is not last build's (a new dict, an equal new string),
        and one whose object is mutable. Last build's immutable objects, held by the entry (so
        their identities stay theirs), are their items without a look; their _lasting entries
        are marked as used, as a walk would."""
        old_raw, old_items, mutable, hits, _, skeletons = last
        if len(old_raw) != len(raw):
            return False
        same = list(map(operator.is_, old_raw, raw))
        for at in mutable:
            same[at] = None  # type: ignore[call-overload]
        at = -1
        try:
            for _ in range(same.count(False)):
                at = same.index(False, at + 1)
                node = skeletons.get(at)
                if node is not None and node.frozen and self._matches(raw[at], node):
                    continue  # a new tuple of the very same immutable values, say
                item, immutable = self._item(raw[at])
                if not immutable or item != old_items[at]:
                    return False  # a new mutable value, say: worked out in full
                self._retake(skeletons, at, raw[at])
            for at in mutable:
                node = skeletons.get(at)
                if node is not None and self._matches(raw[at], node):
                    continue  # a new dict of the very same values, say
                if self._item(raw[at])[0] != old_items[at]:
                    return False
                self._retake(skeletons, at, raw[at])
        except Unmemoisable:
            return False
        build = _build
        for hit in hits:
            hit[2] = build
        return True

    def _retake(self, skeletons: dict[int, _Node], at: int, value: Any) -> None:
        """A value just walked had the item recorded at `at`: its skeleton, taken now (once
        per build for a value many pages share), stands for that item from now on (the one
        recorded held other objects, of the same digest)."""
        node = self._skeleton(value)
        if node is not None:
            skeletons[at] = node
        else:
            skeletons.pop(at, None)

    def _skeleton(self, value: Any) -> _Node | None:
        """_skeleton(value), right after its walk; once per build for a shared value."""
        found = self._retaken.get(id(value))
        if found is None or found[0] is not value:
            node = _skeleton(value) if type(value) in _CONTAINERS else None
            found = self._retaken[id(value)] = (value, node)
        return found[1]

    def _item(self, value: Any) -> tuple[Any, bool]:
        """One position of a page's shallow items (a str itself, else its digest), and whether
        the value can be told by its identity next time (it and all it holds are immutable)."""
        kind = type(value)
        if kind is str:
            return value, True
        hit = _lasting.get(id(value))
        if hit is not None and hit[0] is value:
            hit[2] = _build
            return hit[1], True
        digest, immutable = self._value(value)
        return digest, immutable and (
            kind in _PLAIN or id(value) in _lasting or id(value) in self._known
        )

    def _shallow(
        self, raw: tuple[Any, ...]
    ) -> tuple[tuple[Any, ...], tuple[int, ...], list[list[Any]], dict[int, _Node]] | None:
        """The page's shallow items (see _raw: each a str or its digest, kept by identity for
        an immutable value in _lasting, or walked as the full walk would: new and mutable
        values, such as the mentions dict that many pages share, once per build; Facts and
        Articles by their digest), which positions hold mutable values, and the _lasting
        entries used, and the skeleton of each new container (_Node). Items equal to last
        build's mean the same fingerprint, without walking all of the page again (a page's
        context is a new dict every build). None: the page holds something the walk does not
        know."""
        items: list[Any] = [raw[0]]
        mutable: list[int] = []
        hits: list[list[Any]] = []
        skeletons: dict[int, _Node] = {}
        lasting, known, build = _lasting, self._known, _build
        try:
            for at in range(1, len(raw)):
                value = raw[at]
                kind = type(value)
                if kind is str:
                    items.append(value)
                    continue
                hit = lasting.get(id(value))
                if hit is not None and hit[0] is value:
                    hit[2] = build
                    items.append(hit[1])
                    hits.append(hit)
                    continue
                digest, immutable = self._value(value)
                items.append(digest)
                if kind in _CONTAINERS:  # taken now: the children are as they were walked
                    node = self._skeleton(value)
                    if node is not None:
                        skeletons[at] = node
                hit = lasting.get(id(value))
                if hit is not None and hit[0] is value:
                    hits.append(hit)
                elif not (immutable and (kind in _PLAIN or id(value) in known)):
                    mutable.append(at)
        except Unmemoisable:
            return None
        return tuple(items), tuple(mutable), hits, skeletons

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
                if isinstance(value, Page) and len(names) > 1:
                    _getters[kind] = operator.attrgetter(*names)
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
    # Digests this build did not reach stay (a page told unchanged from its shallow items
    # leaves the values inside it unreached, and the next edit's walk needs them), while the
    # map stays within twice the most one build reached. What a build reached is counted only
    # when the map outgrows that bound (the count walks every entry: ~10 ms at 1,000 articles,
    # on every one-seed rebuild otherwise), so the peak is the most reached by such a build.
    global _peak_used
    if len(_lasting) > max(2 * _peak_used, _RETAIN_FLOOR):
        reached = sum(1 for entry in _lasting.values() if entry[2] == _build)
        _peak_used = max(_peak_used, reached)
        if len(_lasting) > max(2 * _peak_used, _RETAIN_FLOOR):
            for ident in [i for i, entry in _lasting.items() if entry[2] != _build]:
                del _lasting[ident]
    return out


_RETAIN_FLOOR = 200_000
_peak_used = 0  # the most _lasting entries a build of this process reached (when counted)


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
    for path, entry in value["pages"].items():
        if (
            type(entry) is not tuple
            or len(entry) != 6
            or type(entry[4]) is not bytes
            or type(entry[5]) is not dict
            or not all(type(node) is _Node for node in entry[5].values())
        ):
            raise TypeError("not a page entry")
        _pages[path] = entry
    _strings.update(value["strings"])
    _shapes.update(value["shapes"])
    for kind, (names, _) in _shapes.items():
        if issubclass(kind, Page) and len(names) > 1:
            _getters[kind] = operator.attrgetter(*names)
    _build = build
