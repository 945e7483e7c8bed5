"""Values worked out from immutable objects, kept between builds of one long-lived process
(`mkdocs serve`, `generator watch`) by the objects' identity.

compose keeps each article's share between builds (compose._kept), so after one seed edit
nearly every object the later stages see (passages, cards, timeline entries, mentions) is the
very object of the last build. What paging and share work out from such an object alone (a
cost estimate, a trimmed card, a card's JSON-LD) is then the same as last time: a `Kept` map
returns it without working it out again. An entry holds its object, so the object's identity
is never reused while the entry lives; `plain` values (str, int, tuples of them) complete the
key by equality. Each build keeps the entries it used and, within twice the most one build
used, those it did not look up (`turn()` after the build's stage), so the maps stay about the
size of one site whatever the edits (each map belongs to a stage, such as "paging", turned
together). Never a wrong value: the key is the
identity of an immutable object plus every other input.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

_V = TypeVar("_V")
_O = TypeVar("_O")

_ALL: dict[str, list[Kept[object]]] = {}
_RETAIN_FLOOR = 50_000  # entries a map may keep unused whatever its builds used
_NAMES: dict[str, Kept[object]] = {}  # each map by a name stable across processes (state.py)


class Kept(Generic[_V]):
    """value = make(obj), kept by id(obj) (and equal `plain` values) for the next build."""

    __slots__ = ("_last", "_now", "_peak", "name")

    def __init__(self, stage: str, name: str) -> None:
        """`name`: unique and the same in every process (state.py saves the maps by it)."""
        self._last: dict[Hashable, tuple[object, _V]] = {}
        self._now: dict[Hashable, tuple[object, _V]] = {}
        self._peak = 0  # the most entries one build of this process used
        if name in _NAMES:
            raise ValueError(f"two kept maps named {name}")
        self.name = name
        _NAMES[name] = self  # type: ignore[assignment]
        _ALL.setdefault(stage, []).append(self)  # type: ignore[arg-type]

    def get(self, obj: _O, make: Callable[[_O], _V], plain: Hashable = None) -> _V:
        key = id(obj) if plain is None else (id(obj), plain)
        hit = self._now.get(key)
        if hit is not None and hit[0] is obj:
            return hit[1]
        hit = self._last.get(key)
        if hit is None or hit[0] is not obj:
            hit = (obj, make(obj))
        self._now[key] = hit
        return hit[1]

    def put(self, obj: _O, value: _V, plain: Hashable = None) -> None:
        """Keep `value` for `obj` (and `plain`) in place of what get() found."""
        key = id(obj) if plain is None else (id(obj), plain)
        self._now[key] = (obj, value)

    def turn(self) -> None:
        """End of a build: what it used is what the next build may reuse, and what it did not
        look up too (a value found whole one level up leaves the values it is made of unused,
        and the next edit needs them), while the map stays within twice the most one
        build used."""
        used = len(self._now)
        self._peak = max(self._peak, used)
        if len(self._last) + used <= max(2 * self._peak, _RETAIN_FLOOR):
            self._last.update(self._now)
        else:
            self._last = self._now
        self._now = {}

    def clear(self) -> None:
        self._last = {}
        self._now = {}


def kept_function(stage: str, make: Callable[[_O], _V]) -> Callable[[_O], _V]:
    """`make`, memoised by its argument's identity (turned with its `stage`)."""
    memo: Kept[_V] = Kept(stage, f"{make.__module__}.{make.__qualname__}")

    def get(obj: _O) -> _V:
        return memo.get(obj, make)

    get.__doc__ = make.__doc__
    return get


def turn(stage: str) -> None:
    """The end of a build's `stage` (its last use of the stage's maps): each keeps what this
    build used, for the next."""
    for memo in _ALL.get(stage, ()):
        memo.turn()


def forget() -> None:
    """Drop every kept value (tests: start as a new process would)."""
    for memos in _ALL.values():
        for memo in memos:
            memo.clear()


def snapshot() -> dict[str, dict[Hashable, tuple[object, Any]]]:
    """Every map's entries of the last build, by the map's name, for the next process."""
    return {name: memo._last for name, memo in _NAMES.items()}


def restore(value: object) -> None:
    """Take the maps a process saved (None: empty), keyed again by their objects' identities
    in this process (each entry holds its object)."""
    forget()
    if value is None:
        return
    if not isinstance(value, dict) or set(value) != set(_NAMES):
        raise TypeError("not this generator's maps")
    for name, entries in value.items():
        memo = _NAMES[name]
        memo._last = {
            (id(entry[0]) if type(key) is int else (id(entry[0]), key[1])): entry
            for key, entry in entries.items()
        }
