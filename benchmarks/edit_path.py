"""The generator's part of a live rebuild, in one long-lived process:
`python -m benchmarks.edit_path [--size N] [--edits N] [--profile FILE]`.

What `generator watch` (and the MkDocs hook under `mkdocs serve`) does after a seed is saved:
one build in the process that built the site before, so that every cache kept between builds
(analysis in memory, compose's per-article shares, paging's cuts, share's JSON-LD, the page
memo, the output index) is warm. It builds an N-article project in a temporary folder, builds
once, warms up as the watcher does, then times `edits` builds, each after a new edit of the
same seed (benchmarks.run.insert_marker) and the watcher's `settle()`; the first edit comes
2 s after the warm-up, the others right after the build before. The issue's target is
≤ 0.3 s at 1,000 articles (issue 14). `--profile` saves cProfile stats of the last edit.
The CPU time printed beside the wall time tells a busy machine's waiting from the build's work
(on an idle machine they differ by the fsyncs of the swap, journal.py).
"""

from __future__ import annotations

import argparse
import cProfile
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .project import make_project
from .run import insert_marker


def measure(
    root: Path,
    seed: Path,
    edits: int,
    profile_to: Path | None = None,
    cpu: list[float] | None = None,
) -> list[float]:
    """Seconds of each build after an edit of `seed`, in this process (seed restored after);
    `cpu`, if given, gets each build's CPU seconds (the process's, as time.process_time)."""
    from generator import state
    from generator.build import build, settle, warm_up
    from generator.site import Project

    # As `mkdocs serve` (on_startup) and `generator watch` (a thread is running, so no fork):
    # the first build forks no state writer, whose copy-on-write faults and CPU would slow the
    # first timed edit (0.5-2.5 s instead of ~0.3 s at 1,000 articles).
    state.long_lived()
    project = Project(root)
    build(project)
    settle()
    warm_up(project)
    # A person edits a while after the server started: files written less than write.RACY_NS
    # ago are read again by the next plan (their stat cannot tell a same-tick edit apart).
    time.sleep(2.1)
    original = seed.read_text(encoding="utf-8")
    times: list[float] = []
    try:
        for n in range(edits):
            seed.write_text(insert_marker(original, f"zqedit{n}path"), encoding="utf-8")
            profiler = cProfile.Profile() if profile_to and n == edits - 1 else None
            started, used = time.perf_counter(), time.process_time()
            if profiler is not None:
                profiler.enable()
            result = build(project)
            if profiler is not None:
                profiler.disable()
            times.append(time.perf_counter() - started)
            if cpu is not None:
                cpu.append(time.process_time() - used)
            if not result.applied:
                raise RuntimeError("the build after an edit was not applied")
            settle()
            if profiler is not None and profile_to is not None:
                profiler.dump_stats(profile_to)
    finally:
        seed.write_text(original, encoding="utf-8")
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=1000, help="articles in the site (1000)")
    parser.add_argument("--edits", type=int, default=5, help="edits timed (5)")
    parser.add_argument("--profile", type=Path, default=None, help="cProfile of the last edit")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-edit-path-") as tmp:
        project = make_project(Path(tmp) / "project", args.size)
        cpu: list[float] = []
        times = measure(project.root, project.first_seed, args.edits, args.profile, cpu)
    print(
        f"{args.size} article(s), {len(times)} edits in one process: generator's build "
        f"median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}; "
        f"in order {', '.join(f'{t:.3f}' for t in times)}); its CPU time median "
        f"{statistics.median(cpu):.3f} s (min {min(cpu):.3f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
