"""Time budget for one 1 MB one-paragraph article: `python -m benchmarks.big_seed [--budget S]`.

Every stage must be linear in the article's length (issue 11): a seed at the 1 MB limit, all one
paragraph, builds in seconds. Two shapes are timed in a fresh `python -m generator build`
process each: the seed and NASA articles run together into one paragraph ("prose"), and a
sentence dense in names, glossary terms, quotes and dates repeated ("dense"; glossary
annotation used to be quadratic: 200 KB of it took 13 s, 1 MB over 5 minutes). Also run by
`python -m benchmarks.run` (skip with `--no-big-seed`). No test asserts these timings.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .corpus import REPO, default_sources

BUDGET_S = 10.0
LIMIT = 1_000_000
DENSE_SENTENCE = (
    "The ISS crew met NASA and ESA staff of Roscosmos at the Kremlin on Tuesday, Yulia Peresild "
    "said. “We will fly,” Klim Shipenko said last month. "
)


@dataclass
class BigSeedResult:
    shape: str
    size_bytes: int
    wall_s: float
    exit_code: int
    peak_rss_mib: float
    budget_s: float

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and self.wall_s <= self.budget_s


def one_paragraph(shape: str, limit: int = LIMIT) -> str:
    """A seed just under `limit` bytes whose body is a single paragraph."""
    head = "---\ntitle: One very long paragraph\npublished: 2021-10-05\n---\n"
    if shape == "dense":
        unit = DENSE_SENTENCE
    else:
        texts = [source.body for source in default_sources()]
        unit = " ".join(" ".join(texts).split()) + " "
    room = limit - len(head.encode()) - 2
    repeats = room // len(unit.encode())
    return head + (unit * repeats).rstrip() + "\n"


def measure(shape: str, work: Path, budget_s: float = BUDGET_S) -> BigSeedResult:
    project = work / shape
    (project / "seeds").mkdir(parents=True, exist_ok=True)
    (project / "docs").mkdir(exist_ok=True)
    seed = project / "seeds" / "long.md"
    seed.write_text(one_paragraph(shape), encoding="utf-8")
    child = (
        "import resource, runpy, sys\n"
        "sys.argv = ['generator', 'build', '--project', sys.argv[1]]\n"
        "try:\n    runpy.run_module('generator', run_name='__main__')\n"
        "except SystemExit as e:\n"
        "    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "    print(rss, file=sys.stderr)\n    raise\n"
    )
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", child, str(project)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=max(600.0, budget_s * 20),
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=False,
        )
    except subprocess.TimeoutExpired:  # a FAIL line like any other, not a lost benchmark run
        wall = time.perf_counter() - start
        return BigSeedResult(shape, seed.stat().st_size, wall, -1, 0.0, budget_s)
    wall = time.perf_counter() - start
    try:
        rss = float(done.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        rss = 0.0
    return BigSeedResult(shape, seed.stat().st_size, wall, done.returncode, rss, budget_s)


def run_all(budget_s: float = BUDGET_S) -> list[BigSeedResult]:
    with tempfile.TemporaryDirectory(prefix="microsite-big-seed-") as tmp:
        return [measure(shape, Path(tmp), budget_s) for shape in ("prose", "dense")]


def markdown(results: Sequence[BigSeedResult]) -> str:
    lines = [
        "| 1 MB one-paragraph seed | size (bytes) | build (s) | peak RSS (MiB) | exit |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.shape} | {r.size_bytes:,} | {r.wall_s:.2f} | {r.peak_rss_mib:.0f} | "
            f"{r.exit_code} |"
        )
    lines.append("")
    for r in results:
        lines.append(
            f"- {'PASS' if r.ok else 'FAIL'}: 1 MB one-paragraph seed ({r.shape}) built in "
            f"{r.wall_s:.2f} s (budget ≤ {r.budget_s:.0f} s)"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.big_seed", description=__doc__)
    parser.add_argument("--budget", type=float, default=BUDGET_S, help="seconds (default 10)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    results = run_all(args.budget)
    print(markdown(results))
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
