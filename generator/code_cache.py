"""Compiled code kept between processes: the big regular expressions of the analysis (their
`re` program) and the page templates (Jinja's Python code), in `.cache/generator/code/`.

Compiling them is most of a small build's fixed cost (about 0.2 s in every new process, e.g.
each `mkdocs build`, or the one article analysed after an edit). Both are pure functions of
their source text and of the Python (and Jinja) that compiles them, so an entry is addressed
by the SHA-256 of its source, in a file named after those versions:

    .cache/generator/code/<kind>-<sha256 of Python, _sre and Jinja versions>.bin

Each file is written whole, to a temporary name and renamed, only after the build has
written docs/ (build.build calls save(): the cache never adds a file-system change before
the swap into docs/), and only when the process compiled something new. It then holds what
this process used, so entries for sources that no longer exist go at the next write. A file
that is torn, edited or of another format fails its checksum and is ignored (everything is
compiled again); an entry that does not load is compiled again. The cache is an accelerator,
like the analysis cache: delete it at any time; GENERATOR_CACHE=off bypasses it. Its code is
loaded as Python's own `__pycache__` is (marshal), so it is as trusted as the checkout.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib
import os
import sys
from functools import cache
from pathlib import Path

from .cache import CACHE_DIR, enabled

_MAGIC = b"generator-code 1\n"
_KINDS = ("patterns", "templates", "lexicon", "data")


@cache
def _tag() -> str:
    import jinja2

    _sre = importlib.import_module("_sre")
    versions = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{jinja2.__version__}"
    return hashlib.sha256(versions.encode()).hexdigest()[:16]


def package_version(name: str) -> str:
    """An installed package's version, from the name of its `.dist-info` folder beside it
    (importing importlib.metadata would add ~20 ms to every start-up), else from its metadata
    ("?" when it is not installed)."""
    import importlib.util

    with contextlib.suppress(ImportError, ValueError, OSError):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            found = list(Path(spec.origin).parent.parent.glob(f"{name}-*.dist-info"))
            if len(found) == 1:
                return found[0].name[len(name) + 1 : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


class Store:
    """The entries of one kind for one project: loaded once, saved when something was added."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._loaded: dict[bytes, bytes] = _read(path) if path is not None else {}
        self._used: dict[bytes, bytes] = {}
        self._fresh: dict[bytes, bytes] = {}  # compiled by this process since take_fresh()
        self._new = False

    def get(self, source: str) -> bytes | None:
        key = _key(source)
        found = self._loaded.get(key)
        if found is not None:
            self._used[key] = found
        return found

    def put(self, source: str, payload: bytes) -> None:
        if self.path is None:
            return
        key = _key(source)
        self._used[key] = self._fresh[key] = payload
        self._new = True

    def take_fresh(self) -> dict[bytes, bytes]:
        """What this process compiled since the last call (a pool worker hands it back)."""
        fresh, self._fresh = self._fresh, {}
        return fresh

    def merge(self, entries: dict[bytes, bytes]) -> None:
        """Entries a worker compiled: saved with this process's own."""
        if self.path is None or not entries:
            return
        self._used.update(entries)
        self._new = True

    def forget(self, source: str) -> None:
        """An entry that did not load: not kept."""
        key = _key(source)
        self._loaded.pop(key, None)
        self._used.pop(key, None)

    def save(self) -> None:
        if self.path is None or not self._new:
            return
        body = b"".join(
            len(k).to_bytes(4, "big") + k + len(v).to_bytes(4, "big") + v
            for k, v in sorted(self._used.items())
        )
        data = _MAGIC + hashlib.sha256(body).digest() + body
        temp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}")
        try:
            if not self.path.parents[3].is_dir():  # the project is gone (a test's tmp folder)
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(data)
            os.replace(temp, self.path)
        except OSError:  # a cache that cannot be written is skipped
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            return
        self._loaded = dict(self._used)
        self._new = False


def _key(source: str) -> bytes:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).digest()


def _read(path: Path) -> dict[bytes, bytes]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head = len(_MAGIC) + 32
    if (
        not data.startswith(_MAGIC)
        or hashlib.sha256(data[head:]).digest() != data[head - 32 : head]
    ):
        return {}
    entries: dict[bytes, bytes] = {}
    pos = head
    try:
        while pos < len(data):
            size = int.from_bytes(data[pos : pos + 4], "big")
            key = data[pos + 4 : pos + 4 + size]
            pos += 4 + size
            size = int.from_bytes(data[pos : pos + 4], "big")
            value = data[pos + 4 : pos + 4 + size]
            pos += 4 + size
            if len(key) != 32 or pos > len(data):
                return {}
            entries[key] = value
    except ValueError:
        return {}
    return entries


_root: Path | None = None
_at_exit: list[bool] = []
_stores: dict[str, Store] = {kind: Store(None) for kind in _KINDS}


def use(root: Path | None) -> None:
    """Take the code cache of the project at `root` (None: none) for what this process
    compiles from now on; the one of another project is dropped (unsaved)."""
    global _root
    if not enabled():
        root = None
    if root == _root:
        return
    if root is not None and not _at_exit:
        # Entry points that write docs/ themselves (the MkDocs hook) save at exit.
        atexit.register(save)
        _at_exit.append(True)
    _root = root
    folder = root / CACHE_DIR / "code" if root is not None else None
    for kind in _KINDS:
        _stores[kind] = Store(folder / f"{kind}-{_tag()}.bin" if folder is not None else None)


def store(kind: str) -> Store:
    return _stores[kind]


def save() -> None:
    """Write what this process compiled anew (call it after docs/ is written)."""
    for kind in _KINDS:
        _stores[kind].save()
