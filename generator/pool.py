"""Read and analyse seeds, in worker processes when there are many (a cold build).

The result is the same list, in the same order, whatever the number of workers: each article
is analysed on its own (analysis is a pure function of the seed's bytes), and results are
collected in submission order. Errors are returned, not raised, so the caller reports the
first bad seed in seed order, as a serial build would.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from . import code_cache
from .errors import GeneratorError
from .model import Facts

# Below this many articles to analyse, starting workers costs more than it saves (a worker
# starts in ~0.05 s by fork, ~0.4 s by spawn; an article takes ~10 ms).
POOL_THRESHOLD = 48

Task = tuple[Path, str, bytes]  # the seed's path, its shown path, its bytes
Outcome = Facts | GeneratorError
# GeneratorError's own pickling loses its fields: a worker sends them as a plain tuple.
_Failure = tuple[str, str, int | None]


def worker_count() -> int:
    """GENERATOR_WORKERS if set (1 = never a pool), else the CPUs this process may use."""
    configured = os.environ.get("GENERATOR_WORKERS", "").strip()
    if configured.isdigit() and int(configured) >= 1:
        return int(configured)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyse_one(task: Task) -> Outcome:
    """Read and analyse one seed from the bytes given; a bad seed → its GeneratorError."""
    from .analyse import analyse  # imported only when something needs analysing
    from .read import read_seed_bytes

    path, shown, data = task
    try:
        return analyse(read_seed_bytes(path, data, shown))
    except GeneratorError as exc:
        return exc


_SHARED = ("patterns", "lexicon")  # code cache kinds a worker fills while analysing
_Fresh = tuple[dict[bytes, bytes], ...]


def _in_worker(task: Task) -> tuple[Facts | _Failure, _Fresh]:
    """The outcome, and the patterns and word lists this worker compiled for it (its first tasks
    only), so the parent keeps them in the code cache (code_cache.py)."""
    outcome = analyse_one(task)
    fresh = tuple(code_cache.store(kind).take_fresh() for kind in _SHARED)
    if isinstance(outcome, GeneratorError):
        return (outcome.path, outcome.message, outcome.line), fresh
    return outcome, fresh


def _outcome(result: tuple[Facts | _Failure, _Fresh]) -> Outcome:
    outcome, fresh = result
    for kind, entries in zip(_SHARED, fresh, strict=True):
        code_cache.store(kind).merge(entries)
    return GeneratorError(*outcome) if isinstance(outcome, tuple) else outcome


def start_method() -> str:
    """fork is cheapest (workers inherit what is loaded), but forking a process that runs other
    threads (`mkdocs serve`) can deadlock a child: then workers start as fresh interpreters."""
    return "fork" if os.name == "posix" and threading.active_count() == 1 else "spawn"


def analyse_all(tasks: Sequence[Task], workers: int | None = None) -> list[Outcome]:
    """Outcomes in the order of `tasks`. `workers`: None = automatic (a pool of worker_count()
    processes from POOL_THRESHOLD tasks up), 1 = in this process, n ≥ 2 = a pool of n."""
    count = worker_count() if workers is None else workers
    if count < 2 or len(tasks) < 2 or (workers is None and len(tasks) < POOL_THRESHOLD):
        return [analyse_one(task) for task in tasks]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = start_method()
    context = multiprocessing.get_context(method)
    first: list[Outcome] = []
    if method == "fork":
        # The first article in this process: it compiles the analysis' patterns and loads its
        # word lists (~0.5 s of CPU when the code cache is cold), which the forked workers then
        # inherit instead of each compiling them again.
        first, tasks = [analyse_one(tasks[0])], tasks[1:]
        for kind in _SHARED:  # kept here already: not for the workers to hand back
            code_cache.store(kind).take_fresh()
    count = min(count, len(tasks))
    chunk = max(1, len(tasks) // (count * 8))
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        return first + [_outcome(r) for r in pool.map(_in_worker, tasks, chunksize=chunk)]
