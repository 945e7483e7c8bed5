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
saves at its end, in a forked writer the build does not wait for (below; GENERATOR_STATE_WRITER=
inline saves before the build returns); a long-lived process (`mkdocs serve`, `generator watch`)
saves when it exits. GENERATOR_CACHE=off bypasses it, like every cache. Delete `.cache/` at any
time (a writer still at work then fails and leaves nothing).
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
import threading
import time
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


def _pickle(body: object, out: Any) -> None:
    """Pickle `body` into `out` (anything with a write method)."""
    from .analyse.themesets import Core, CorePage, ThemePage, ThemeSet

    refs = _constants()

    def by_reference(obj: Any) -> Any:
        ref = refs.get(id(obj))
        if ref is None or constant(*ref) is not obj:
            return obj.__reduce_ex__(5)  # one of another origin: by value
        return constant, ref

    pickler = pickle.Pickler(out, protocol=5)
    pickler.dispatch_table = {kind: by_reference for kind in (ThemeSet, ThemePage, Core, CorePage)}
    pickler.dump(body)


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
        path = state_path(root)
        if _lock_path(path).exists():  # a writer ran: wait until it is done (it renames last)
            held = _locked(path, exclusive=False)
            if held is not None:
                os.close(held)
        taken = _take(_read(path))
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


class _Hashing:
    """A file the pickler streams into, hashed on the way (no copy of the payload in memory)."""

    def __init__(self, out: io.BufferedWriter) -> None:
        self.out, self.sha = out, hashlib.sha256()

    def write(self, data: bytes | memoryview) -> int:
        self.sha.update(data)
        return self.out.write(data)


def _write(path: Path, body: object) -> bool:
    """Pickle `body` into a temporary file beside `path`, then rename it there (checksummed:
    a torn or partial file is never taken). → whether it was written."""
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(temp, "wb") as out:
            out.write(_MAGIC + bytes(32))  # the checksum's place, filled in below
            hashing = _Hashing(out)
            _pickle(body, hashing)
            out.seek(len(_MAGIC))
            out.write(hashing.sha.digest())
        os.replace(temp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        # something the state does not know how to keep, or no room: no state, never wrong
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        return False
    with contextlib.suppress(OSError):  # other versions' states go (the cache stays one file)
        for other in path.parent.glob("state-*.bin"):
            if other.name != path.name:
                other.unlink(missing_ok=True)
    return True


# The writer. Pickling the state of a 1,000-article site takes seconds (a million objects,
# ~100 MB), and nothing the build returns waits for it: after docs/ is written, a one-shot
# build forks a child that writes the file, and returns (the process exits without waiting;
# `mkdocs build` renders the site meanwhile). The child works on a frozen copy of the
# parent's memory, so it writes exactly the state of the build that forked it.
#
# Nothing half-written is ever read: the file is renamed into place only once complete (and is
# checksummed). The writer holds an exclusive flock on `state.lock` from before the fork (the
# parent takes it and hands it over) until it exits or dies (the kernel drops the lock), and
# whoever reads or saves the state first takes that lock: the next process's first build
# waits for the writer of the last one instead of missing its state, and saves are written
# in the order of the builds. A writer killed mid-way leaves its temporary file, removed by
# the next save (under the lock, no writer is running).

_MAX_FD = 1 << 16
WAIT_SECONDS = 120.0  # a reader waits this long at most for a writer, then builds without
_writers: list[int] = []  # this process's writers not yet reaped
timing = {"forked": 0.0, "writer_s": 0.0}  # the last writer's start, and time as wait() saw it


def _lock_path(path: Path) -> Path:
    return path.parent / "state.lock"


def _locked(path: Path, exclusive: bool, wait: float = WAIT_SECONDS) -> int | None:
    """An fd holding the state's lock (None: no lock to be had in `wait` s, or no flock)."""
    try:
        import fcntl
    except ImportError:  # not posix: one process saves inline, nothing to wait for
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(_lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.01)
        except OSError:
            os.close(fd)
            return None


def _reap(block: bool = False) -> None:
    for pid in list(_writers):
        with contextlib.suppress(ChildProcessError):
            done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
            if not done:
                continue
        _writers.remove(pid)


def wait() -> None:
    """Wait for this process's writers (tests, the benchmark; a build never waits)."""
    if _writers:
        _reap(block=True)
        timing["writer_s"] = time.perf_counter() - timing["forked"]


def _forkable() -> bool:
    """fork is safe with no other thread (as pool.start_method), on posix, when allowed."""
    return (
        hasattr(os, "fork")
        and threading.active_count() == 1
        and os.environ.get("GENERATOR_STATE_WRITER", "").lower() != "inline"
    )


def save(root: Path | None, *, background: bool = False) -> bool:
    """Write this process's state for `root`'s next process (after docs/ is written); with
    `background`, in a forked writer when that is safe. → whether it was (being) written."""
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
    _reap()
    lock = _locked(path, exclusive=True)  # after any writer still running (ours or not)
    try:
        with contextlib.suppress(OSError):  # what killed writers left
            for stale in path.parent.glob(f".{path.name}.tmp-*"):
                stale.unlink(missing_ok=True)
        body = {"format": FORMAT, "parts": {name: snap() for name, (snap, _) in _PARTS.items()}}
        if background and lock is not None and _forkable():
            pid = _fork_writer(path, body, lock)
            if pid is not None:
                _writers.append(pid)
                stats["saved"] += 1
                _work = 0
                return True
        if not _write(path, body):
            return False
    finally:
        if lock is not None:
            os.close(lock)  # the parent's hold; a writer keeps its own until it exits
    stats["saved"] += 1
    _work = 0
    return True


def _fork_writer(path: Path, body: object, lock: int) -> int | None:
    """Fork the writer, holding `lock`; → its pid (None: no fork, save inline)."""
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        timing["forked"] = time.perf_counter()
        return pid
    code = 1
    try:  # the child: nothing of the parent's runs here (no atexit, no flush, no finalizers)
        gc.disable()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # never hold the caller's pipes open (`generator build | tee`)
            os.dup2(null, fd)
        # ... nor any other file of the parent's: only the lock is kept.
        os.closerange(3, lock)
        os.closerange(lock + 1, _MAX_FD)
        with contextlib.suppress(OSError):
            os.nice(5)  # the build's own work (MkDocs after the hook) comes first
        code = 0 if _write(path, body) else 1
    finally:
        os._exit(code)


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
        save(root, background=True)
