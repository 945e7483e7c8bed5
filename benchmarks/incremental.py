"""The benchmark's incremental figures (issue 14): warm rebuilds, page and index sizes, machine.

- warm rebuild: one seed edited, then generation in a fresh process with the analysis cache
  of the previous run (what `python -m generator build` or `mkdocs build` does after an edit);
- the largest page's HTML, and pages over the 300 KiB budget;
- the search index raw and gzipped, against the seeds' own size (it should grow no faster);
- a description of the machine and its load, since timings depend on both.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PAGE_BUDGET = 300 * 1024  # bytes of HTML: the target at 1,000 articles
TARGET_WARM_S = 0.3  # the generator's part of a rebuild after one seed edit, 1,000 articles
MARKER = "zqwarmedit"


def edited_text(text: str, insert: Callable[[str, str], str], marker: str = MARKER) -> str:
    return insert(text, marker)


def measure_warm_edit(
    root: Path,
    seed: Path,
    insert: Callable[[str, str], str],
    env: dict[str, str],
    timeout: float,
) -> dict[str, float]:
    """Edit `seed`, generate in a fresh process with the cache of the last run, undo the edit.
    → gen_child's figures (import_s, generate_s, write_s, …) for the edited build, and wall_s:
    the whole process, start-up included."""
    original = seed.read_text(encoding="utf-8")
    seed.write_text(insert(original, MARKER), encoding="utf-8")
    try:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.gen_child", str(root)],
            cwd=root.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        wall = time.perf_counter() - started
    finally:
        seed.write_text(original, encoding="utf-8")
    if done.returncode != 0:
        raise RuntimeError(f"warm generation failed: {(done.stderr or done.stdout)[-300:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return {**figures, "wall_s": wall}


def largest_pages(site: Path, top: int = 3) -> list[tuple[str, int]]:
    """The biggest HTML pages of a built site: (path, bytes), biggest first."""
    sizes = [
        (p.relative_to(site).as_posix(), p.stat().st_size)
        for p in site.rglob("*.html")
        if p.name != "404.html"
    ]
    return sorted(sizes, key=lambda item: (-item[1], item[0]))[:top]


def pages_over(site: Path, budget: int = PAGE_BUDGET) -> int:
    return sum(1 for p in site.rglob("*.html") if p.stat().st_size > budget)


def search_index_sizes(site: Path) -> tuple[int, int]:
    """(raw, gzipped) bytes of Material's search index; (0, 0) when there is none."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return 0, 0
    data = index.read_bytes()
    return len(data), len(gzip.compress(data, 6))


def seed_bytes(seeds: Path) -> int:
    return sum(p.stat().st_size for p in seeds.iterdir() if p.is_file())


def machine() -> dict[str, Any]:
    """CPU, cores, memory and load, as far as the platform tells."""
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    with contextlib.suppress(AttributeError):
        info["usable_cpus"] = len(os.sched_getaffinity(0))
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        for line in meminfo.read_text(errors="replace").splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    with contextlib.suppress(OSError):
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return info


def describe(info: dict[str, Any], end_load: list[float] | None = None) -> str:
    load = info.get("load_average")
    parts = [
        f"{info.get('cpu', platform.machine())}",
        f"{info.get('usable_cpus', info.get('cpus'))} usable core(s)",
        f"{info.get('memory_gib', '?')} GiB",
        f"Python {info['python']}",
    ]
    if load:
        parts.append(f"load average at start {load[0]:.1f}")
    if end_load:
        parts.append(f"at end {end_load[0]:.1f}")
    return "Machine: " + ", ".join(parts) + "."
