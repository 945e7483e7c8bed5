"""Live rebuild with Zensical: `python -m benchmarks.live_zensical [--size N] [--edits N]`.

What `make serve-zensical` runs, in a temporary copy of the project: the generator's watcher
(`python -m generator watch`) beside `zensical serve`. Each edit saves a seed with a new marker
word and polls the served article page until it shows the word: the time from saving to the
served page, the figure a reader of `make serve-zensical` feels. Between edits both processes
are left to settle, and the watcher's log tells how many builds each edit caused (1: no loop).

`serving_zensical()` starts the pair for tests too (tests/test_serve_zensical.py). Separate
from benchmarks/run.py (the mkdocs serve benchmark), whose helpers it reuses.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .project import make_project
from .run import BIN, _free_port, _get, _process_group, _run, insert_marker


def _is_build_line(line: str) -> bool:
    """The one line each build ends with, as `python -m generator build` prints it: what it
    wrote, that nothing changed, or its one-line error (a hand edit in the way ends with
    "Nothing was written.")."""
    return (
        line.startswith(("wrote ", "error: "))
        or line.endswith("is already up to date")
        or line == "Nothing was written."
    )


@dataclass
class ZensicalServe:
    """A running watcher + `zensical serve` pair for the project at `root`."""

    root: Path
    origin: str  # http://127.0.0.1:PORT
    watch_log: Path
    serve_log: Path

    def page(self, path: str) -> str:
        return urllib.parse.urljoin(self.origin + "/", path)

    def builds(self) -> int:
        """Builds the watcher has reported so far (its first build included)."""
        text = self.watch_log.read_text(encoding="utf-8", errors="replace")
        return sum(1 for line in text.splitlines() if _is_build_line(line))

    def wait_quiet(self, quiet_s: float = 1.0, timeout_s: float = 30.0) -> None:
        """Until neither log has grown for `quiet_s` (bounded by `timeout_s`)."""
        deadline = time.perf_counter() + timeout_s
        sizes = (-1, -1)
        last = time.perf_counter()
        while time.perf_counter() < deadline:
            now = (self.watch_log.stat().st_size, self.serve_log.stat().st_size)
            if now != sizes:
                sizes, last = now, time.perf_counter()
            elif time.perf_counter() - last >= quiet_s:
                return
            time.sleep(0.05)


def _wait_for(url: str, needle: bytes, timeout_s: float) -> float | None:
    """Poll `url` until its body holds `needle`; → the moment it did (perf_counter)."""
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        body = _get(url)
        if body is not None and needle in body:
            return time.perf_counter()
        time.sleep(0.02)
    return None


@contextlib.contextmanager
def serving_zensical(
    root: Path, page: str = "", timeout_s: float = 120.0
) -> Iterator[ZensicalServe]:
    """`python -m generator watch` and `zensical serve` on a free port, both in `root` (whose
    docs/ must have been generated once: mkdocs.yml INHERITs the nav file); yields once `page`
    is served. Both processes are always ended."""
    port = _free_port()
    served = ZensicalServe(
        root, f"http://127.0.0.1:{port}", root / "watch.log", root / "zensical-serve.log"
    )
    watcher = [sys.executable, "-m", "generator", "watch", "--project", str(root)]
    server = [str(BIN / "zensical"), "serve", "-a", f"127.0.0.1:{port}"]
    with (
        _process_group(watcher, root, served.watch_log) as w,
        _process_group(server, root, served.serve_log) as z,
    ):
        deadline = time.perf_counter() + timeout_s
        while _get(served.page(page)) is None or served.builds() < 1:
            if time.perf_counter() > deadline or w.poll() is not None or z.poll() is not None:
                logs = served.watch_log.read_text() + served.serve_log.read_text()
                raise RuntimeError(f"watcher or zensical serve did not come up:\n{logs[-2000:]}")
            time.sleep(0.1)
        yield served


@dataclass
class ZensicalLive:
    size: int
    latencies_s: list[float] = field(default_factory=list)
    builds_per_edit: list[int] = field(default_factory=list)
    timeouts: int = 0


def measure_zensical_live(root: Path, seed: Path, size: int, edits: int) -> ZensicalLive:
    """Save `edits` edits of `seed`; time each until the served article page shows it."""
    result = ZensicalLive(size)
    original = seed.read_text(encoding="utf-8")
    article = f"articles/{seed.stem}/"
    try:
        with serving_zensical(root, article) as served:
            for _ in range(edits):
                served.wait_quiet()
                before = served.builds()
                marker = "zqlive" + uuid.uuid4().hex[:12]
                seed.write_text(insert_marker(original, marker), encoding="utf-8")
                saved = time.perf_counter()
                seen = _wait_for(served.page(article), marker.encode(), 60)
                served.wait_quiet()
                if seen is None:
                    result.timeouts += 1
                    continue
                result.latencies_s.append(seen - saved)
                result.builds_per_edit.append(served.builds() - before)
    finally:
        seed.write_text(original, encoding="utf-8")
    return result


def _report(result: ZensicalLive) -> str:
    lat = result.latencies_s
    if not lat:
        return f"{result.size} article(s): no edit was served ({result.timeouts} timed out)"
    return (
        f"{result.size} article(s), {len(lat)} edits: seed saved → served page "
        f"median {statistics.median(lat):.2f} s (min {min(lat):.2f}, max {max(lat):.2f}); "
        f"builds per edit {sorted(set(result.builds_per_edit))}; timeouts {result.timeouts}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=1, help="articles in the site (1)")
    parser.add_argument("--edits", type=int, default=5, help="edits timed (5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-zensical-live-") as tmp:
        project = make_project(Path(tmp) / "project", args.size)
        _run(
            [sys.executable, "-m", "generator", "build", "--project", str(project.root)],
            cwd=project.root,
            timeout=600,
        )
        result = measure_zensical_live(project.root, project.first_seed, args.size, args.edits)
    print(_report(result))
    return 0 if result.latencies_s else 1


if __name__ == "__main__":
    raise SystemExit(main())
