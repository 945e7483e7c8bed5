"""What a long-lived process keeps between builds, saved for the next process:
`.cache/generator/state-<key>.bin`, one file.

Under `mkdocs serve` or `generator watch` a rebuild after one seed edit costs a fraction of a
second at 1,000 articles, because every stage keeps what it worked out from the last build's
immutable objects, by their identity (cache._memory, build._corrected, compose._KEPT, keep.py's
maps, memo.py's digests and rendered pages, write._digests, share's cards and JSON-LD). A new
process (`python -m generator build`, `mkdocs build`, the first build of `make serve`) had none
of it, and composed, fingerprinted and rendered all ~1,400 pages again (~10 s at 1,000).

So after a build the process saves those maps, as one pickled object graph: pickle keeps the
identities *within* the graph (the Facts the analysis cache holds are the very objects the
compose shares were made from, and so on), and the next process takes the whole graph back
before its first build, as if it had made those builds itself. Nothing in it can be a wrong
hit, by the same construction as within one process: every map is keyed by the identity of an
immutable object it holds plus plain values, and the roots the new build reaches it by are the
analysis cache's keys (the SHA-256 of the generator's version, the seed's name and bytes) and
the corrections' digests. Everything else the new process makes (theme sets, site config) is a
new object, never `is` one of the graph's, so whatever hangs off it is worked out again. What
the maps take for constant within one process is the code, the data files and the libraries,
so the file is named after all of them (generator version, Python, and the versions of the
libraries that shape the output): another version never reads it.

Loading: the payload's SHA-256 is checked first (a torn or edited file is ignored, and the next
save replaces it), then it is unpickled with only the model's own classes and a few builtins
allowed (no function is ever called: a damaged or planted file cannot run code; it fails to
load and is ignored). A state that does not load is never fatal: the build runs as a new process
did before. Saving: written to a temporary name and renamed, after docs/ is written (so it never
adds a file-system change before the swap into docs/, like code_cache.save()). A one-shot build
saves at its end; a long-lived process (`mkdocs serve`, `generator watch`) saves when it exits.
GENERATOR_CACHE=off bypasses it, like every cache. Delete `.cache/` at any time.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import hashlib
import importlib
import importlib.util
import io
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .cache import CACHE_DIR, enabled, generator_version

FORMAT = 1
_MAGIC = b"generator-state 1\n"
# Libraries whose version can change a page's bytes (templates, escaping, cards, YAML, names).
_LIBRARIES = ("jinja2", "markupsafe", "PIL", "yaml", "frontmatter", "nameparser", "anyascii")
# Builtins the graph may hold besides the generator's own classes.
_ALLOWED = {
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "bytearray"),
    ("builtins", "complex"),
    ("builtins", "slice"),
    ("datetime", "date"),
    ("markupsafe", "Markup"),
    ("re", "_compile"),  # a pattern the graph holds: compiled again, never run here
    ("generator.state", "constant"),  # a theme set or core page of this process (below)
}


@cache
def state_key() -> str:
    """The generator's version (code, data files, Python) and the output-shaping libraries'."""
    digest = hashlib.sha256(f"state {FORMAT}\0{generator_version()}\0".encode())
    for name in _LIBRARIES:  # each one's installed file, located without importing it
        module = sys.modules.get(name)
        try:
            spec = None if module is not None else importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        where = getattr(module, "__file__", None) if module is not None else None
        where = where or (spec.origin if spec is not None else None) or "absent"
        try:
            found = os.stat(where)
            version = f"{where}\0{found.st_size}\0{found.st_mtime_ns}"
        except OSError:
            version = where
        digest.update(f"{name}\0{version}\0".encode())
    return digest.hexdigest()


def state_path(root: Path) -> Path:
    return root / CACHE_DIR / f"state-{state_key()[:32]}.bin"


# ---------------------------------------------------------------------------------------------
# The parts: (name, snapshot, restore), registered by the modules that own the maps.

_PARTS: dict[str, tuple[Callable[[], Any], Callable[[Any], None]]] = {}


def register(name: str, snapshot: Callable[[], Any], restore: Callable[[Any], None]) -> None:
    _PARTS[name] = (snapshot, restore)


def _register_all() -> None:
    from . import build, cache, compose, keep, memo, share, write

    register("analysis", cache.snapshot, cache.restore)
    register("corrected", build.snapshot, build.restore)
    register("compose", compose.snapshot, compose.restore)
    register("keep", keep.snapshot, keep.restore)
    register("memo", memo.snapshot, memo.restore)
    register("write", write.snapshot, write.restore)
    register("share", share.snapshot, share.restore)


# ---------------------------------------------------------------------------------------------
# Loading


# The theme sets and the core pages are the process's own objects (loaded once from
# generator/data/, which the state's key covers): entries keyed by their identity are saved
# with a reference to them and taken back with this process's objects, not copies.


def _constants() -> dict[int, tuple[str, int, int]]:
    from .analyse.themesets import load_core, load_theme_sets

    refs: dict[int, tuple[str, int, int]] = {}
    for i, theme_set in enumerate(load_theme_sets()):
        refs[id(theme_set)] = ("set", i, 0)
        for j, page in enumerate(theme_set.pages):
            refs[id(page)] = ("page", i, j)
    core = load_core()
    refs[id(core)] = ("core", 0, 0)
    for j, core_page in enumerate(core.pages):
        refs[id(core_page)] = ("core page", 0, j)
    return refs


def constant(kind: str, i: int, j: int) -> object:
    """The theme set, theme page, core or core page a saved state refers to."""
    from .analyse.themesets import load_core, load_theme_sets

    if kind == "set":
        return load_theme_sets()[i]
    if kind == "page":
        return load_theme_sets()[i].pages[j]
    if kind == "core":
        return load_core()
    if kind == "core page":
        return load_core().pages[j]
    raise pickle.UnpicklingError(f"no constant {kind!r}")


def _pickle(body: object) -> memoryview:
    from .analyse.themesets import Core, CorePage, ThemePage, ThemeSet

    refs = _constants()

    def by_reference(obj: Any) -> Any:
        ref = refs.get(id(obj))
        if ref is None or constant(*ref) is not obj:
            return obj.__reduce_ex__(5)  # one of another origin: by value
        return constant, ref

    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.dispatch_table = {kind: by_reference for kind in (ThemeSet, ThemePage, Core, CorePage)}
    pickler.dump(body)
    return out.getbuffer()  # no copy of ~100 MB at 1,000 articles


class _Unpickler(pickle.Unpickler):
    """Only classes: the generator's own (and a few builtins); never a function."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module == "generator" or module.startswith("generator."):
            found = getattr(sys.modules.get(module) or importlib.import_module(module), name, None)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the state")


_started = False  # this process has built (or taken the state) already
_taken = False  # this process's state came from the file
_work = 0  # analyses and renders since the state was taken or saved
stats = {"loaded": 0, "refused": 0, "saved": 0}


def _read(path: Path) -> dict[str, Any] | None:
    head = len(_MAGIC) + 32
    try:
        with open(path, "rb") as file:
            header, payload = file.read(head), file.read()  # the payload is not copied again
    except OSError:
        return None
    if header[: len(_MAGIC)] != _MAGIC or hashlib.sha256(payload).digest() != header[-32:]:
        stats["refused"] += 1
        return None
    try:
        value = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # anything that does not load is ignored, never fatal
        stats["refused"] += 1
        return None
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        stats["refused"] += 1
        return None
    return value


def restore(root: Path | None) -> bool:
    """Before a process's first build: take the state the last process saved for `root`.
    → whether it was taken. Later builds of the process keep their own state."""
    global _started
    if _started:
        return False
    _started = True
    if root is None or not enabled():
        return False
    collecting, taken = gc.isenabled(), False
    gc.disable()  # a graph of a million immutable objects: nothing to collect while loading
    try:
        taken = _take(_read(state_path(root)))
    finally:
        if taken:
            # Out of the collector's way, as settle() does in a long-lived process: otherwise
            # every full collection of the build would walk the whole graph again.
            gc.freeze()
        if collecting:
            gc.enable()
    return taken


def _take(value: dict[str, Any] | None) -> bool:
    if value is None:
        return False
    if not _PARTS:
        _register_all()
    parts = value.get("parts")
    if not isinstance(parts, dict) or set(parts) != set(_PARTS):
        stats["refused"] += 1
        return False
    try:
        for name, (_, take) in _PARTS.items():
            take(parts[name])
    except Exception:  # a part of the wrong shape: start empty, as a new process does
        for _, take in _PARTS.values():
            with contextlib.suppress(Exception):
                take(None)
        stats["refused"] += 1
        return False
    global _taken, _work
    stats["loaded"] += 1
    _taken, _work = True, 0
    return True


def worked() -> None:
    """A build analysed or rendered something (so its state differs from the one taken)."""
    global _work
    _work += 1


def forget() -> None:
    """Tests: the next build is a new process's first (and saves after each build)."""
    global _started, _taken
    _started = _taken = False
    _long_lived.clear()


# ---------------------------------------------------------------------------------------------
# Saving


def save(root: Path | None) -> bool:
    """Write this process's state for `root`'s next process (after docs/ is written)."""
    global _work
    if root is None or not enabled():
        return False
    path = state_path(root)
    if _taken and not _work and path.is_file():
        return False  # nothing new since the state was taken: the file holds the same
    if not _PARTS:
        _register_all()
    if not root.is_dir():  # the project is gone (a test's tmp folder)
        return False
    body = {"format": FORMAT, "parts": {name: snap() for name, (snap, _) in _PARTS.items()}}
    try:
        payload = _pickle(body)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return False  # something the state does not know how to keep: no state, never wrong
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as out:
            out.write(_MAGIC)
            out.write(hashlib.sha256(payload).digest())
            out.write(payload)
        os.replace(temp, path)
    except OSError:  # a state that cannot be written is skipped
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        return False
    stats["saved"] += 1
    _work = 0
    with contextlib.suppress(OSError):  # other versions' states go (the cache stays one file)
        for other in path.parent.glob("state-*.bin"):
            if other.name != path.name:
                other.unlink(missing_ok=True)
    return True


_long_lived: list[Path | None] = []  # [root to save at exit] once the process serves


def long_lived() -> None:
    """This process keeps its state in memory between builds (`mkdocs serve`, `generator
    watch`): it saves it once, when it exits, not after every build (pickling the state of a
    1,000-article site takes longer than the rebuild after an edit)."""
    if not _long_lived:
        _long_lived.append(None)
        atexit.register(_save_at_exit)


def _save_at_exit() -> None:
    if _long_lived and _long_lived[0] is not None:
        with contextlib.suppress(Exception):
            save(_long_lived[0])


def after_build(root: Path | None) -> None:
    """A build wrote docs/: save the state now, or at exit in a long-lived process."""
    if _long_lived:
        _long_lived[0] = root
    else:
        save(root)
