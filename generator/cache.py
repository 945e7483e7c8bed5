"""The persistent analysis cache: what the rules found in a seed, kept in `.cache/generator/`.

Analysis is a pure function of the seed's bytes, its name (slug and messages), the data files
and the generator's code. So each entry is addressed by the SHA-256 of exactly those:

    version = sha256(every file of the generator package: *.py, templates/, data/;
                     Python's version; PyYAML's and python-frontmatter's versions)
    key     = sha256(version, the seed's shown path, the seed's bytes)

and a wrong hit would need a hash collision. The corrections file is not part of the key: the
cached Facts are the rules' output, and corrections (cheap, and often edited on their own) are
applied afterwards on every build, so editing corrections never re-analyses the article.

Each entry is one file `.cache/generator/analysis/<version>/<key>.json`: a header line with its
key and the SHA-256 of the payload, then the Facts as JSON. It is written to a temporary name
and renamed (atomic on POSIX and Windows), so a crash leaves the old entry, no entry, or a
stray temporary file; an entry that is torn, truncated, edited, of another format or for
another key fails its checks and is recomputed and rewritten, never trusted and never fatal.
Nothing is unpickled: the payload is plain JSON decoded into the model's frozen dataclasses
with every field's type checked. The cache is an accelerator only: if `.cache/` cannot be
written (read-only checkout, full disk), builds go on without it. Delete it at any time.
Set GENERATOR_CACHE=off to bypass it (no reads, no writes).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import importlib.util
import json
import os
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from .model import Facts

FORMAT = 1
CACHE_DIR = Path(".cache") / "generator"
_PACKAGE = Path(__file__).resolve().parent
# A process keeps the Facts it has seen (`mkdocs serve` rebuilds then decode nothing).
_MEMORY_LIMIT = 20_000
_memory: dict[str, Facts] = {}


def enabled() -> bool:
    return os.environ.get("GENERATOR_CACHE", "").lower() not in ("off", "0", "no", "false")


_VERSION_LINE = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)


def _source_version(module: str) -> str:
    """A package's `__version__` as its `__init__.py` writes it, without importing it; "-"
    when it is not installed or writes none."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return "-"
    try:
        text = Path(spec.origin).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "-"
    found = _VERSION_LINE.search(text)
    return found.group(1) if found else "-"


@cache
def generator_version() -> str:
    """A digest of everything that decides what analysis returns, besides the seed itself.

    Computed once per process: the code and data a process has loaded are the ones it keys
    by (under `mkdocs serve`, editing the generator needs a restart either way)."""
    digest = hashlib.sha256(f"format {FORMAT}\0python {sys.version}\0".encode())
    for module in ("yaml", "frontmatter"):
        loaded = sys.modules.get(module) or __import__(module)
        digest.update(f"{module} {getattr(loaded, '__version__', '?')}\0".encode())
    # jieba's dictionary decides the Chinese rules' words (analyse/chinese.py): its version,
    # read from its source, so that a build that analyses nothing never imports it (nor
    # importlib.metadata, 20-30 ms of start-up)
    digest.update(f"jieba {_source_version('jieba')}\0".encode())
    files = sorted(
        p
        for p in _PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    )
    for path in files:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def entry_key(shown: str, data: bytes) -> str:
    """The key of one seed's analysis: the generator's version, its shown path, its bytes."""
    digest = hashlib.sha256(generator_version().encode())
    digest.update(b"\0" + shown.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(data)
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------
# Facts <-> JSON: each dataclass as a list of its field values, in field order; every value's
# type checked on the way back, so a damaged entry fails instead of becoming wrong Facts.


class DamagedEntry(ValueError):
    """A cache entry that does not decode to valid Facts."""


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _expect(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DamagedEntry(f"expected {kind}, found {type(value).__name__}")
    return value


def _identity(value: Any) -> Any:
    return value


@cache
def _codec(tp: Any) -> Codec:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp in (str, int, bool):
        return _identity, lambda v, t=tp: _expect(v, t)
    if tp is dt.date:
        return dt.date.isoformat, lambda v: dt.date.fromisoformat(_expect(v, str))
    if origin is typing.Literal:
        allowed = frozenset(args)

        def literal(v: Any) -> Any:
            if v not in allowed:
                raise DamagedEntry(f"unexpected value {v!r}")
            return v

        return _identity, literal
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        enc, dec = _codec(inner)
        return (lambda v: None if v is None else enc(v)), (lambda v: None if v is None else dec(v))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        enc, dec = _codec(args[0])
        return (lambda v: [enc(x) for x in v]), (lambda v: tuple(dec(x) for x in _expect(v, list)))
    if origin is dict:
        kenc, kdec = _codec(args[0])
        venc, vdec = _codec(args[1])
        return (
            lambda v: [[kenc(k), venc(x)] for k, x in v.items()],
            lambda v: {kdec(k): vdec(x) for k, x in (_pair(p) for p in _expect(v, list))},
        )
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_codec(tp)
    raise TypeError(f"the analysis cache cannot store {tp!r}")  # a new model type: extend this


def _pair(value: Any) -> tuple[Any, Any]:
    if not isinstance(value, list) or len(value) != 2:
        raise DamagedEntry("expected a pair")
    return value[0], value[1]


def _dataclass_codec(cls: type) -> Codec:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    codecs = [_codec(hints[name]) for name in names]

    def encode(obj: Any) -> list[Any]:
        return [enc(getattr(obj, name)) for name, (enc, _) in zip(names, codecs, strict=True)]

    def decode(value: Any) -> Any:
        if not isinstance(value, list) or len(value) != len(codecs):
            raise DamagedEntry(f"expected {len(codecs)} fields of {cls.__name__}")
        return cls(*(dec(v) for (_, dec), v in zip(codecs, value, strict=True)))

    return encode, decode


def facts_to_payload(facts: Facts) -> bytes:
    encode, _ = _codec(Facts)
    return json.dumps(encode(facts), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def facts_from_payload(payload: bytes) -> Facts:
    _, decode = _codec(Facts)
    try:
        value = json.loads(payload)
    except (ValueError, RecursionError) as exc:
        raise DamagedEntry(f"not JSON ({exc})") from None
    try:
        facts: Facts = decode(value)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
        raise DamagedEntry(str(exc)) from None
    return facts


# ---------------------------------------------------------------------------------------------
# The store


@dataclasses.dataclass
class CacheStats:
    memory_hits: int = 0
    disk_hits: int = 0
    misses: int = 0
    damaged: int = 0  # entries found but refused (and recomputed)
    written: int = 0
    pruned: int = 0


class AnalysisCache:
    """One project's analysis cache. All methods swallow file-system errors: worst case, a miss."""

    def __init__(self, root: Path | None) -> None:
        """`root`: the project folder (entries in root/.cache/generator); None: memory only."""
        self.base = root / CACHE_DIR / "analysis" if root is not None else None
        self.folder = self.base / generator_version()[:32] if self.base is not None else None
        self.stats = CacheStats()

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.json" if self.folder is not None else None

    def get(self, key: str) -> Facts | None:
        facts = _memory.get(key)
        if facts is not None:
            self.stats.memory_hits += 1
            return facts
        path = self._path(key)
        if path is not None:
            try:
                raw = path.read_bytes()
            except OSError:
                raw = None
            if raw is not None:
                try:
                    facts = _decode_entry(raw, key)
                except DamagedEntry:
                    self.stats.damaged += 1
                else:
                    self.stats.disk_hits += 1
                    _remember(key, facts)
                    return facts
        self.stats.misses += 1
        return None

    def put(self, key: str, facts: Facts) -> None:
        _remember(key, facts)
        path = self._path(key)
        if path is None:
            return
        payload = facts_to_payload(facts)
        header = {
            "format": FORMAT,
            "key": key,
            "sha256": hashlib.sha256(payload).hexdigest(),
        }
        data = json.dumps(header, separators=(",", ":")).encode() + b"\n" + payload
        # No fsync: a crash can leave a torn entry, which its checksum refuses (then recomputed).
        temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(data)
            os.replace(temp, path)
            self.stats.written += 1
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)

    def prune(self, keep: Iterable[str]) -> None:
        """Drop entries of other generator versions, and of this version those not in `keep`
        (the seeds of the site just built): the cache stays the size of the site."""
        if self.base is None or self.folder is None:
            return
        wanted = {f"{k}.json" for k in keep}
        with contextlib.suppress(OSError):
            for version in self.base.iterdir():
                if version != self.folder and version.is_dir():
                    for entry in version.iterdir():
                        with contextlib.suppress(OSError):
                            entry.unlink()
                    with contextlib.suppress(OSError):
                        version.rmdir()
        with contextlib.suppress(OSError):
            for entry in self.folder.iterdir():
                if entry.name not in wanted:  # stray temporaries of a crashed run too
                    with contextlib.suppress(OSError):
                        entry.unlink()
                        self.stats.pruned += 1


def _remember(key: str, facts: Facts) -> None:
    if len(_memory) >= _MEMORY_LIMIT:
        _memory.pop(next(iter(_memory)))  # oldest first: a dict keeps insertion order
    _memory[key] = facts


def forget_memory() -> None:
    """Empty this process's in-memory layer (tests use it to exercise the files)."""
    _memory.clear()


def snapshot() -> dict[str, Facts]:
    """The in-memory layer, for the next process (state.py)."""
    return _memory


def restore(value: object) -> None:
    """Take the in-memory layer a process saved (None: empty)."""
    _memory.clear()
    if value is None:
        return
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    for key, facts in value.items():
        if type(key) is not str or type(facts) is not Facts:
            raise TypeError("not an analysis entry")
    _memory.update(value)


def _decode_entry(raw: bytes, key: str) -> Facts:
    header_line, newline, payload = raw.partition(b"\n")
    if not newline:
        raise DamagedEntry("no header")
    try:
        header = json.loads(header_line)
    except ValueError:
        raise DamagedEntry("header is not JSON") from None
    if not isinstance(header, dict):
        raise DamagedEntry("header is not a mapping")
    if header.get("format") != FORMAT or header.get("key") != key:
        raise DamagedEntry("another format or key")
    if header.get("sha256") != hashlib.sha256(payload).hexdigest():
        raise DamagedEntry("checksum mismatch")
    return facts_from_payload(payload)
