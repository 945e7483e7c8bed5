"""Render only what changed: a page's Markdown is reused when everything it is made from is.

A page is a pure function of its model (path, title, description, template, search boost,
context) and of the generator's code and templates. Its fingerprint is a digest of all of that:
the generator's version, then every value reachable from the model, walked field by field.
Facts and Articles are not walked: each stands for the digest it was made from (its seed's
bytes and name, corrections and the generator's version, see build.Understood). A value of a
kind the walk does not know makes the page unmemoisable (rendered every time), never wrongly
reused. Shared values (one article's mentions, the site settings) are walked once per build.

Only pages that exist once per article, or once per part of a long list, are memoised (their
models are small and most of them do not change when one seed is edited); the pages that
gather every article are rendered on every build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .cache import generator_version
from .compose import Page
from .model import Article, Facts

# Templates of the pages made once per article or once per part of a long list (their models
# are small, and one seed edit changes few of them); see compose.py and paging.py.
PER_ARTICLE_TEMPLATES = frozenset({"article.md.j2", "part.md.j2"})
_LIMIT = 20_000
_rendered: dict[bytes, bytes] = {}


class Unmemoisable(TypeError):
    """A value the fingerprint does not know how to walk."""


class Fingerprints:
    """Fingerprints of the pages of one build (walks shared values once)."""

    def __init__(self, understood: Sequence[tuple[Facts, str]]) -> None:
        self._known: dict[int, bytes] = {}
        self._keep: list[object] = []  # keeps the objects alive, so ids stay theirs
        for facts, digest in understood:
            self._known[id(facts)] = b"F" + digest.encode()
            self._known[id(facts.article)] = b"A" + digest.encode()
            self._keep.append(facts)
        self._memo: dict[int, bytes] = {}

    def page(self, page: Page) -> bytes | None:
        try:
            parts = [generator_version().encode(), self._value(page)]
        except Unmemoisable:
            return None
        return hashlib.blake2b(b"\0".join(parts), digest_size=24).digest()

    def _value(self, value: Any) -> bytes:
        if value is None or isinstance(value, bool | int | float):
            return f"{type(value).__name__}:{value!r}".encode()
        if isinstance(value, str):  # Markup too: the same text renders the same
            return b"s" + hashlib.blake2b(value.encode("utf-8", "surrogatepass")).digest()
        if isinstance(value, dt.date):
            return b"d" + value.isoformat().encode()
        known = self._known.get(id(value))
        if known is not None:
            return known
        memo = self._memo.get(id(value))
        if memo is not None:
            return memo
        if isinstance(value, Facts | Article):
            raise Unmemoisable("facts that were not made by this build")
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            items = [type(value).__qualname__.encode()]
            items += [self._value(getattr(value, f.name)) for f in dataclasses.fields(value)]
        elif isinstance(value, tuple | list):
            items = [b"(" if isinstance(value, tuple) else b"["]
            items += [self._value(v) for v in value]
        elif isinstance(value, Mapping):
            items = [b"{"]
            for k, v in value.items():  # insertion order: templates iterate in that order
                items += [self._value(k), self._value(v)]
        elif isinstance(value, frozenset | set):
            items = [b"<", *sorted(self._value(v) for v in value)]
        else:
            raise Unmemoisable(type(value).__name__)
        digest = hashlib.blake2b(b"\0".join(items), digest_size=24).digest()
        self._memo[id(value)] = digest
        self._keep.append(value)
        return digest


def render_pages(
    pages: Sequence[Page],
    understood: Sequence[tuple[Facts, str]],
    render: Callable[[Page], bytes],
) -> list[bytes]:
    """`render` of every page, reusing what an earlier build of this process rendered from
    the very same inputs."""
    prints = Fingerprints(understood)
    out = []
    for page in pages:
        key = prints.page(page) if page.template in PER_ARTICLE_TEMPLATES else None
        content = _rendered.get(key) if key is not None else None
        if content is None:
            content = render(page)
            if key is not None:
                if len(_rendered) >= _LIMIT:
                    _rendered.pop(next(iter(_rendered)))
                _rendered[key] = content
        out.append(content)
    return out


def forget() -> None:
    _rendered.clear()
