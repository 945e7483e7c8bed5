"""`python -m generator watch`: rebuild docs/ whenever seeds/ changes.

For engines that run no MkDocs hook (Zensical): run it beside `zensical serve`, which follows
docs/ itself (`make serve-zensical` does both). It watches seeds/ only: the seeds and their
corrections files. The build writes only docs/, so a build never triggers a build (no loop),
and it writes only files whose bytes change, so the server rebuilds only pages that did.

With GENERATOR_TIMING=1 in the environment, each build is followed by a line
`generator: built in S s (CPU C s)` (the time of the build alone, and the process's CPU time
in it, which a busy machine does not inflate; the benchmark reads both).

Edits arrive in bursts (an editor's save is often several events: a temporary file, a rename,
a metadata change), so a build starts once seeds/ has been quiet for a moment (`debounce`), or
for a tenth of it when the last event ends a save (a file written and closed, or renamed into
place: what an editor does last); edits made during a build are collected and built right
after it. Errors are the build's own one-line messages; the watcher keeps going and the next
save tries again.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .build import settle, warm_up
from .errors import GeneratorError
from .read import SEED_SUFFIXES
from .site import Project

DEBOUNCE_S = 0.05  # quiet time before a build: one save, one build
# The events that end a save (a write closed, a rename into place): then a tenth of it.
_SAVED = frozenset({"closed", "moved"})


def is_input(path: str) -> bool:
    """Does a change to this seeds/ path matter to the build? (The file may be gone already.)"""
    name = Path(path).name
    if name.startswith(".") or name.endswith("~"):
        return False  # editors' swap, backup and temporary files
    return name.endswith(SEED_SUFFIXES) or name.endswith(".corrections.yml")


class _Changes(FileSystemEventHandler):
    def __init__(self) -> None:
        self.pending = threading.Event()
        self.saved = False  # the last event that counted ended a save

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or event.is_directory:
            return  # reading a seed (the build does) changes nothing
        if event.event_type == "moved":
            counts = is_input(str(event.dest_path or ""))  # renamed into place: a seed now
            if not counts and is_input(str(event.src_path)):
                counts, saved = True, False  # a seed renamed away: a change, not a save
            else:
                saved = counts
        else:
            counts = is_input(str(event.src_path))
            saved = event.event_type in _SAVED
        if counts:
            self.saved = saved
            self.pending.set()


def watch(
    project: Project,
    rebuild: Callable[[], int],
    *,
    stop: threading.Event | None = None,
    debounce: float = DEBOUNCE_S,
    announce: Callable[[str], None] = print,
    after_save: float | None = None,
) -> int:
    """Build once, then again after every change to seeds/, until `stop` is set (or Ctrl-C).
    `rebuild` runs one build and reports it (the command line's `build`); → 0. The quiet time
    is `debounce`, or `after_save` (default: a tenth of it) after an event that ends a save."""
    if not project.seeds.is_dir():
        raise GeneratorError(project.shown(project.seeds), "is not a folder of seed articles")
    stop = stop or threading.Event()
    changes = _Changes()
    observer = Observer()
    observer.schedule(changes, str(project.seeds), recursive=False)
    observer.start()
    timed = os.environ.get("GENERATOR_TIMING") == "1"
    quick = debounce / 10 if after_save is None else after_save

    def once() -> None:
        started, used = time.perf_counter(), time.process_time()
        rebuild()
        if timed:
            wall, cpu = time.perf_counter() - started, time.process_time() - used
            announce(f"generator: built in {wall:.3f} s (CPU {cpu:.3f} s)")
        settle()

    try:
        once()
        warm_up(project)  # the first edit's build should not compile the analysis patterns
        announce(f"watching {project.shown(project.seeds)}/ for changes (Ctrl-C to stop)")
        while not stop.is_set():
            if not changes.pending.wait(timeout=0.2):
                continue
            # Let the burst of events of one save settle, then build once.
            while changes.pending.is_set() and not stop.is_set():
                changes.pending.clear()
                saved = changes.saved
                stop.wait(quick if saved else debounce)
            if not stop.is_set():
                once()
    finally:
        observer.stop()
        observer.join(timeout=5)
    return 0
