"""One generation, measured in a fresh process: `python -m benchmarks.gen_child PROJECT [PROFILE]`.

Prints one JSON object: import time (imported as `python -m generator build` does: the
project's code cache taken first, then the pipeline), generate() time (read → analyse →
compose → render, and before it the saved process state taken from .cache/generator/, see
generator/state.py), write time (plan + apply on docs/, with the output index in
.cache/generator/), save time (the code cache written and the process state's writer forked,
as `generator build` does after docs/; the writer's own time apart, as save_background_s: this
process waits for it before it exits, which a build does not), pages, and the peak resident
memory (ru_maxrss) after the imports and at the end, this process's and its largest child's.
The parent times the whole process too: its start-up (interpreter, imports, exit) is that wall
time less generate + write + save + save_background_s, and is
part of the generator's figure, as it is of `mkdocs build`'s. With PROFILE, generate() runs
under cProfile and the stats are saved there (the timings then include the profiler's
overhead).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _rss_mib() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(project_dir: Path, profile_to: Path | None = None) -> dict[str, float | int]:
    """Generate docs/ for the project at `project_dir`; → timings and memory."""
    t0 = time.perf_counter()
    from generator import code_cache
    from generator.site import Project

    project = Project(project_dir.resolve())
    code_cache.use(project.root)  # as generator.cli does before it imports the pipeline
    from generator import state
    from generator.build import generate, output_index
    from generator.write import update

    t1 = time.perf_counter()
    rss_imports = _rss_mib()
    if profile_to is not None:
        import cProfile

        profiler = cProfile.Profile()
        t2 = time.perf_counter()
        outputs = profiler.runcall(generate, project)
        t3 = time.perf_counter()
        profiler.dump_stats(profile_to)
    else:
        t2 = time.perf_counter()
        outputs = generate(project)
        t3 = time.perf_counter()
    # As `python -m generator build` writes: under the lock, with the output index.
    result, _ = update(project.docs, outputs, shown="docs", index=output_index(project))
    if result.conflicts:
        raise SystemExit(f"docs/ has conflicts: {[c.path for c in result.conflicts]}")
    t4 = time.perf_counter()
    code_cache.save()
    state.after_build(project.root)  # what `python -m generator build` does after docs/
    t5 = time.perf_counter()
    # The build returns here; its state is still being written in a forked child (state.py).
    # Wait for it, so that it does not run into the next step of the benchmark.
    state.wait()
    return {
        "import_s": t1 - t0,
        "generate_s": t3 - t2,
        "write_s": t4 - t3,
        "save_s": t5 - t4,
        "save_background_s": state.timing["writer_s"],
        "state_taken": state.stats["loaded"],
        "pages": len(outputs),
        "bytes": sum(len(o.content) for o in outputs),
        "rss_after_imports_mib": rss_imports,
        "peak_rss_mib": _rss_mib(),
        # the largest child's: a pool worker's or the state writer's (copy-on-write pages
        # shared with this process are counted in both)
        "children_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print("usage: python -m benchmarks.gen_child PROJECT [PROFILE]", file=sys.stderr)
        return 2
    profile_to = Path(argv[1]) if len(argv) == 2 else None
    print(json.dumps(measure(Path(argv[0]), profile_to)))
    return 0


if __name__ == "__main__":
    from generator.cli import exit_now

    exit_now(main(sys.argv[1:]))  # as `python -m generator build` ends (its start-up counts it)
