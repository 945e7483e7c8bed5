"""The benchmark: `python -m benchmarks.run [--sizes 1,10,100] [--repeat N]` (or `make bench`).

For each size it builds an N-article project in a temporary folder and, `repeat` times in turn
(so slow drift of the machine hits every tool alike), measures:
  generation (seeds → docs/, in a fresh process, start-up included and shown apart),
  `mkdocs build` of the generated docs/ with a copy of mkdocs.yml without `hooks:`, and
  `zensical build`;
then page weight, search index size and peak memory. The live rebuild under `mkdocs serve`
(with the hook: the real path) is measured on the 1-article site. Medians are reported;
every raw figure goes to benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import gzip
import itertools
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from . import big_seed
from .corpus import REPO, default_sources
from .incremental import (
    PAGE_BUDGET,
    TARGET_WARM_S,
    describe,
    largest_pages,
    machine,
    measure_warm_edit,
    pages_over,
    search_index_sizes,
    seed_bytes,
)
from .project import BenchProject, make_project, reset_docs, snapshot_code, without_custom_dir

BIN = Path(sys.executable).parent
RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_SIZES = (1, 10, 100, 1000)
# Chosen so the default run (all four sizes, live rebuild, Zensical) stays near 10 minutes
# on 2 cores; `--repeat` overrides them.
DEFAULT_REPEATS = {1: 5, 10: 5, 100: 3, 1000: 1}
TARGET_GENERATOR_SHARE = 0.10
TARGET_LIVE_S = 1.5
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}

_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


# ---------------------------------------------------------------------------------------------
# Results


@dataclass
class Weight:
    html: int = 0
    css: int = 0
    js: int = 0
    search_index: int = 0
    other: int = 0  # images and icons the page references
    gzip_total: int = 0
    files: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.search_index + self.other


@dataclass
class SizeResult:
    size: int
    repeat: int
    pages: int = 0
    import_s: list[float] = field(default_factory=list)
    # The process less generate + write + save: the interpreter, the imports, the exit.
    startup_s: list[float] = field(default_factory=list)
    generate_s: list[float] = field(default_factory=list)  # generate(): read → render
    write_s: list[float] = field(default_factory=list)  # plan + apply on docs/
    save_s: list[float] = field(default_factory=list)  # code cache saved, state writer forked
    writer_s: list[float] = field(default_factory=list)  # the state's writer (not waited for)
    cli_wall_s: list[float] = field(default_factory=list)  # the whole fresh process
    mkdocs_s: list[float] = field(default_factory=list)  # `mkdocs build` wall time
    mkdocs_internal_s: list[float] = field(default_factory=list)  # its "built in" figure
    zensical_s: list[float] = field(default_factory=list)
    zensical_note: str = ""
    peak_rss_mib: float = 0.0
    rss_after_imports_mib: float = 0.0
    generated_bytes: int = 0
    weight: Weight | None = None
    zensical_search_bytes: int = 0
    errors: list[str] = field(default_factory=list)
    # After editing one seed: generation in a fresh process with the analysis cache warm.
    warm_generate_s: list[float] = field(default_factory=list)
    warm_write_s: list[float] = field(default_factory=list)
    warm_save_s: list[float] = field(default_factory=list)
    warm_startup_s: list[float] = field(default_factory=list)
    warm_writer_s: list[float] = field(default_factory=list)
    warm_state_taken: list[int] = field(default_factory=list)  # 1: the saved state was taken
    largest_pages: list[tuple[str, int]] = field(default_factory=list)  # built HTML
    pages_over_budget: int = 0
    search_raw: int = 0
    search_gzip: int = 0
    seed_bytes: int = 0

    @property
    def warm_totals(self) -> list[float]:
        """Each fresh-process rebuild after one seed edit: the process's start-up + generate()
        (with taking the saved state) + writing docs/ + saving the caches for the next process."""
        saves = self.warm_save_s or [0.0] * len(self.warm_generate_s)
        starts = self.warm_startup_s or [0.0] * len(self.warm_generate_s)
        parts = zip(starts, self.warm_generate_s, self.warm_write_s, saves, strict=True)
        return [u + g + w + s for u, g, w, s in parts]

    @property
    def warm_gen_s(self) -> float:
        return _median(self.warm_totals)

    @property
    def warm_share(self) -> float:
        """Generator share of a rebuild after one seed edit (warm cache, fresh process)."""
        pairs = [t / (t + m) for t, m in zip(self.warm_totals, self.mkdocs_s, strict=False)]
        return _median(pairs)

    @property
    def totals(self) -> list[float]:
        """Each cold generation: the process's start-up + generate() + writing docs/ + saving
        the caches (= the whole process, as `python -m generator build` runs)."""
        saves = self.save_s or [0.0] * len(self.generate_s)
        starts = self.startup_s or [0.0] * len(self.generate_s)
        parts = zip(starts, self.generate_s, self.write_s, saves, strict=True)
        return [u + g + w + s for u, g, w, s in parts]

    @property
    def gen_s(self) -> float:
        """Median generator time as `python -m generator build` spends it, start-up included."""
        return _median(self.totals)

    @property
    def share(self) -> float:
        """Generator share of the whole build, from runs paired in the same repeat."""
        pairs = [t / (t + m) for t, m in zip(self.totals, self.mkdocs_s, strict=False)]
        return _median(pairs)


@dataclass
class LiveResult:
    size: int
    edits: int
    latencies_s: list[float] = field(default_factory=list)  # save → page shows the edit
    detect_s: list[float] = field(default_factory=list)  # save → "Detected file changes"
    debounce_s: list[float] = field(default_factory=list)  # → "Building documentation..."
    first_build_s: list[float] = field(default_factory=list)  # → "Reloading browsers"
    builds_per_edit: list[int] = field(default_factory=list)
    second_build_s: list[float] = field(default_factory=list)
    timeouts: int = 0
    error: str = ""
    dirty: bool = True  # `mkdocs serve --dirty`, as `make serve` runs it
    generator_s: list[float] = field(default_factory=list)  # the hook's own time per rebuild
    generator_cpu_s: list[float] = field(default_factory=list)  # its CPU time (same rebuilds)
    rendered: list[int] = field(default_factory=list)  # pages MkDocs rendered again per edit
    pages: int = 0


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


# ---------------------------------------------------------------------------------------------
# Processes


@contextlib.contextmanager
def _process_group(
    args: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A child in its own process group, always ended (SIGINT, then SIGTERM, then SIGKILL)."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            args,
            cwd=cwd,
            env={**ENV, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield proc
        finally:
            for sig, wait in ((signal.SIGINT, 10.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
                if proc.poll() is not None:
                    break
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, sig)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=wait)


def _run(
    args: list[str], cwd: Path, timeout: float
) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(
        args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout, check=False
    )
    return time.perf_counter() - start, done


def _timeout(size: int) -> float:
    return 120.0 + 0.6 * size


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(no output)"


# ---------------------------------------------------------------------------------------------
# 1. generation, 2. mkdocs build, 6. zensical build


def measure_generation(project: BenchProject, result: SizeResult) -> None:
    reset_docs(project)
    shutil.rmtree(project.root / ".cache" / "generator", ignore_errors=True)  # cold: no cache
    wall, done = _run(
        [sys.executable, "-m", "benchmarks.gen_child", str(project.root)],
        cwd=project.root.parent,
        timeout=_timeout(project.size),
    )
    if done.returncode != 0:
        raise RuntimeError(f"generation failed: {_last_line(done.stderr or done.stdout)}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    result.import_s.append(figures["import_s"])
    result.generate_s.append(figures["generate_s"])
    result.write_s.append(figures["write_s"])
    result.save_s.append(figures.get("save_s", 0.0))
    result.writer_s.append(figures.get("save_background_s", 0.0))
    # gen_child waits for the state's writer before it exits (a build does not): not start-up
    done_s = result.generate_s[-1] + result.write_s[-1] + result.save_s[-1] + result.writer_s[-1]
    result.startup_s.append(wall - done_s)
    result.cli_wall_s.append(wall)
    result.pages = int(figures["pages"])
    result.generated_bytes = int(figures["bytes"])
    result.peak_rss_mib = max(result.peak_rss_mib, float(figures["peak_rss_mib"]))
    result.rss_after_imports_mib = float(figures["rss_after_imports_mib"])


def measure_mkdocs(project: BenchProject, result: SizeResult) -> None:
    site = project.root / "site_mkdocs"
    shutil.rmtree(site, ignore_errors=True)
    args = [str(BIN / "mkdocs"), "build", "-f", str(project.config_without_hooks), "-d", str(site)]
    wall, done = _run(args, cwd=project.root, timeout=_timeout(project.size))
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed: {_last_line(done.stderr)}")
    result.mkdocs_s.append(wall)
    built = _BUILT_IN.search(done.stderr)
    if built:
        result.mkdocs_internal_s.append(float(built.group(1)))


def measure_zensical(project: BenchProject, result: SizeResult) -> None:
    """A cold `zensical build` (cache cleared). If the project's mkdocs.yml fails, record why
    and time the same site without `custom_dir` instead, saying so."""
    zensical = BIN / "zensical"
    if not zensical.exists():
        result.zensical_note = "zensical is not installed"
        return
    config = project.config
    fallback = project.root / "mkdocs.zensical-fallback.yml"
    if "fallback failed" in result.zensical_note:
        return  # known to fail at this size: don't spend the time again
    if result.zensical_note.startswith("fails") and fallback.exists():
        config = fallback
    for _ in range(2):
        shutil.rmtree(project.root / ".cache", ignore_errors=True)
        shutil.rmtree(project.root / "site", ignore_errors=True)
        args = [str(zensical), "build", "--clean", "-f", str(config)]
        try:
            wall, done = _run(args, cwd=project.root, timeout=_timeout(project.size))
        except subprocess.TimeoutExpired:
            result.zensical_note = f"timed out after {_timeout(project.size):.0f} s"
            return
        if done.returncode == 0:
            result.zensical_s.append(wall)
            index = project.root / "site" / "search.json"
            result.zensical_search_bytes = index.stat().st_size if index.exists() else 0
            return
        if config == fallback:
            result.zensical_note += f"; fallback failed too: {_last_line(done.stderr)}"
            return
        result.zensical_note = (
            f"fails with the project's mkdocs.yml: {_last_line(done.stderr)}; "
            "timed without theme.custom_dir (overrides/)"
        )
        fallback.write_text(
            without_custom_dir(project.config.read_text(encoding="utf-8")), encoding="utf-8"
        )
        config = fallback


# ---------------------------------------------------------------------------------------------
# 5. page weight


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []  # (kind, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and "stylesheet" in a.get("rel", "").split() and a.get("href"):
            self.refs.append(("css", a["href"]))
        elif tag == "link" and "icon" in a.get("rel", "").split() and a.get("href"):
            self.refs.append(("other", a["href"]))
        elif tag == "script" and a.get("src"):
            self.refs.append(("js", a["src"]))
        elif tag == "img" and a.get("src") and not a["src"].startswith("data:"):
            self.refs.append(("other", a["src"]))


def page_weight(site: Path) -> Weight:
    """Bytes a first visit to the home page fetches: HTML, stylesheets, scripts (with Material's
    search worker), referenced images and the search index."""
    index = site / "index.html"
    html_text = index.read_text(encoding="utf-8")
    parser = _Assets()
    parser.feed(html_text)
    refs = list(parser.refs)
    worker = re.search(r'"search":\s*"([^"]+\.js)"', html_text)
    if worker:
        refs.append(("js", worker.group(1)))
    weight = Weight(html=index.stat().st_size)
    seen: set[Path] = set()
    gz = len(gzip.compress(index.read_bytes()))
    for kind, url in refs:
        if re.match(r"^([a-z]+:)?//", url):
            weight.external.append(url)
            continue
        path = (site / url.split("#")[0].split("?")[0]).resolve()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        size = path.stat().st_size
        setattr(weight, kind, getattr(weight, kind) + size)
        weight.files.append(path.relative_to(site.resolve()).as_posix())
        gz += len(gzip.compress(path.read_bytes()))
    search = site / "search" / "search_index.json"
    if search.is_file():
        weight.search_index = search.stat().st_size
        weight.files.append("search/search_index.json")
        gz += len(gzip.compress(search.read_bytes()))
    weight.gzip_total = gz
    return weight


# ---------------------------------------------------------------------------------------------
# 3. live rebuild under `mkdocs serve`


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body: bytes = response.read()
            return body
    except (urllib.error.URLError, OSError):
        return None


class _ServeLog:
    """Follows `mkdocs serve`'s log, stamping each event with the time this process saw it
    (MkDocs prints only whole seconds, and drops repeated identical messages)."""

    EVENTS = (
        ("detected", "Detected file changes"),
        ("building", "Building documentation..."),
        ("reloaded", "Reloading browsers"),
        ("error", "An error happened during the rebuild"),
    )

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.partial = ""
        self.events: list[tuple[float, str]] = []
        self.text = ""

    def poll(self) -> int:
        """Read what was appended; → how many events it held."""
        now = time.perf_counter()
        with open(self.path, encoding="utf-8", errors="replace") as handle:
            handle.seek(self.offset)
            chunk = handle.read()
            self.offset = handle.tell()
        if not chunk:
            return 0
        self.text += chunk
        lines = (self.partial + chunk).split("\n")
        self.partial = lines.pop()
        found = 0
        for line in lines:
            for name, needle in self.EVENTS:
                if needle in line:
                    self.events.append((now, name))
                    found += 1
        return found

    def since(self, t0: float) -> list[tuple[float, str]]:
        return [(t, name) for t, name in self.events if t >= t0]

    def busy(self) -> bool:
        names = [name for _, name in self.events]
        return names.count("building") > names.count("reloaded") + names.count("error")

    def wait_quiet(self, quiet_s: float, timeout_s: float) -> None:
        """Until no event for `quiet_s` and no build is half done (bounded by `timeout_s`)."""
        deadline = time.perf_counter() + timeout_s
        last = time.perf_counter()
        while time.perf_counter() < deadline:
            if self.poll():
                last = time.perf_counter()
            if time.perf_counter() - last >= quiet_s and not self.busy():
                return
            time.sleep(0.02)


def insert_marker(text: str, marker: str) -> str:
    """The seed with `marker` added to the end of a story paragraph (the third block of the
    body, or the last one before it): a unique word that only this edit puts on the page."""
    fm = re.match(r"\A---\n.*?\n---\n", text, re.S)
    head, body = (text[: fm.end()], text[fm.end() :]) if fm else ("", text)
    blocks = body.split("\n\n")
    candidates = [
        i
        for i, b in enumerate(blocks)
        if b.strip() and "\n" not in b.strip() and b.strip()[-1] in '.”"'
    ]
    if not candidates:
        raise ValueError("the seed has no one-line paragraph to edit")
    chosen = next((i for i in candidates if i >= 2), candidates[-1])
    block = blocks[chosen].rstrip()
    blocks[chosen] = f"{block} {marker}."
    return head + "\n\n".join(blocks)


_HOOK_TIME = re.compile(
    r"generator: wrote \d+, removed \d+ file\(s\) in ([0-9.]+) s(?: \(CPU ([0-9.]+) s\))?"
)
_RENDERED = re.compile(r"generator: rendered (\d+) of (\d+) page\(s\) again")


def measure_live(project: BenchProject, edits: int, dirty: bool = True) -> LiveResult:
    """Save an edited seed; time until the served article page shows the edit. Between edits
    the server is left to settle (including the rebuild the hook's own writes trigger)."""
    result = LiveResult(project.size, edits, dirty=dirty)
    reset_docs(project)
    # mkdocs.yml INHERITs the generator's nav file: docs/ must have been generated once.
    _run(
        [sys.executable, "-m", "benchmarks.gen_child", str(project.root)],
        cwd=project.root.parent,
        timeout=_timeout(project.size),
    )
    port = _free_port()
    log_path = project.root / "serve.log"
    args = [str(BIN / "mkdocs"), "serve", "-f", str(project.config), "-a", f"127.0.0.1:{port}"]
    if dirty:
        args.insert(2, "--dirty")
    seed = project.first_seed
    original = seed.read_text(encoding="utf-8")
    timeout = _timeout(project.size)
    try:
        with _process_group(args, project.root, log_path) as proc:
            log = _ServeLog(log_path)
            deadline = time.perf_counter() + timeout
            url = ""
            while time.perf_counter() < deadline and proc.poll() is None:
                log.poll()
                served = re.search(r"Serving on (http://\S+)", log.text)
                if served:
                    url = served.group(1).rstrip("/") + f"/articles/{seed.stem}/"
                    if _get(url) is not None:
                        log.events.clear()  # the first build logs no "Reloading browsers"
                        break
                time.sleep(0.1)
            else:
                result.error = f"mkdocs serve did not come up: {_last_line(log.text)}"
                return result
            for _ in range(edits):
                log.wait_quiet(quiet_s=1.2, timeout_s=timeout)
                marker = "zqbench" + uuid.uuid4().hex[:12]
                seed.write_text(insert_marker(original, marker), encoding="utf-8")
                saved = time.perf_counter()
                log_at_save = len(log.text)
                seen_at = None
                while time.perf_counter() - saved < 60:
                    log.poll()
                    body = _get(url)
                    if body is not None and marker.encode() in body:
                        seen_at = time.perf_counter()
                        break
                    time.sleep(0.02)
                log.wait_quiet(quiet_s=1.2, timeout_s=timeout)
                since = log.text[log_at_save:]
                for wall, cpu in _HOOK_TIME.findall(since)[:1]:
                    result.generator_s.append(float(wall))
                    if cpu:
                        result.generator_cpu_s.append(float(cpu))
                for again, total in _RENDERED.findall(since)[:1]:
                    result.rendered.append(int(again))
                    result.pages = int(total)
                if seen_at is None:
                    result.timeouts += 1
                    continue
                _record_edit(result, saved, seen_at, log.since(saved))
    finally:
        seed.write_text(original, encoding="utf-8")
    return result


def _record_edit(
    result: LiveResult, saved: float, seen_at: float, events: list[tuple[float, str]]
) -> None:
    result.latencies_s.append(seen_at - saved)
    first = {name: t for t, name in reversed(events)}  # earliest time of each event
    starts = [t for t, name in events if name == "building"]
    ends = [t for t, name in events if name in ("reloaded", "error")]
    result.builds_per_edit.append(len(starts))
    if "detected" in first:
        result.detect_s.append(first["detected"] - saved)
    if "detected" in first and starts:
        result.debounce_s.append(starts[0] - first["detected"])
    if starts and ends:
        result.first_build_s.append(ends[0] - starts[0])
    if len(starts) > 1 and len(ends) > 1:
        result.second_build_s.append(ends[1] - starts[1])


# ---------------------------------------------------------------------------------------------
# Report


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _kib(n: int) -> str:
    return f"{n / 1024:,.0f}" if n >= 10 * 1024 else f"{n / 1024:.1f}"


def markdown(results: Sequence[SizeResult], live: Sequence[LiveResult]) -> str:
    out = [
        "### Build time (medians)",
        "",
        "| Articles | Pages | Runs | Generator (s) | per article (ms) | Start-up (s) | imports (s) "
        "| `mkdocs build` (s) | Generator share | Zensical (s) | Zensical ÷ MkDocs |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        zen = _median(r.zensical_s)
        mk = _median(r.mkdocs_s)
        zen_s = f"{zen:.2f}" if r.zensical_s else "—"
        if r.zensical_s and r.zensical_note:
            zen_s += "*"
        out.append(
            f"| {r.size:,} | {r.pages:,} | {len(r.generate_s)} | {r.gen_s:.3f} "
            f"| {_ms(r.gen_s / r.size)} | {_median(r.startup_s):.3f} | {_median(r.import_s):.3f} "
            f"| {mk:.2f} | {r.share:.0%} | {zen_s} "
            f"| {(zen / mk) if r.zensical_s else float('nan'):.2f} |"
        )
    out += [
        "",
        "Generator = the whole fresh `python -m generator build`-like process (wall): its "
        "start-up + `generate()` + writing docs/ + saving the caches for the next process "
        "(code cache, process state). Start-up = that process less generate, write and save: "
        "the interpreter, the imports (the code cache taken first, as the CLI does; the "
        "generator's bytecode compiled beforehand, as after any earlier run) and the exit; "
        "imports = the part the child times itself. "
        "Generator share = generator ÷ (generator + `mkdocs build` without the hook, whose wall "
        "time includes its own start-up), per repeat, "
        f"median; target ≤ {TARGET_GENERATOR_SHARE:.0%}.",
        "",
        "### Weight and memory",
        "",
        "| Articles | Generated Markdown (KiB) | Peak RSS (MiB) | RSS after imports (MiB) "
        "| Search index (KiB) | Home page first visit (KiB) | gzipped (KiB) "
        "| Zensical search.json (KiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        w = r.weight
        out.append(
            f"| {r.size:,} | {_kib(r.generated_bytes)} | {r.peak_rss_mib:.0f} "
            f"| {r.rss_after_imports_mib:.0f} | {_kib(w.search_index) if w else '—'} "
            f"| {_kib(w.total) if w else '—'} | {_kib(w.gzip_total) if w else '—'} "
            f"| {_kib(r.zensical_search_bytes) if r.zensical_search_bytes else '—'} |"
        )
    if results and results[-1].weight:
        w = results[-1].weight
        out += [
            "",
            f"Home page at {results[-1].size:,} articles: HTML {_kib(w.html)} KiB, "
            f"CSS {_kib(w.css)} KiB, JS {_kib(w.js)} KiB (with the search worker), "
            f"images {_kib(w.other)} KiB, "
            f"search index {_kib(w.search_index)} KiB; external requests: {len(w.external)}.",
        ]
    out += [
        "",
        "### Incremental rebuilds and page size",
        "",
        "| Articles | Seeds (KiB) | Generator, cold (s) | share | After one seed edit (s) "
        "| start-up (s) | share "
        "| Largest page (KiB HTML) | Pages > 300 KiB | Search index (KiB) | gzipped (KiB) "
        "| Index ÷ seeds | Zensical's ÷ seeds |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        big = r.largest_pages[0] if r.largest_pages else ("—", 0)
        ratio = r.search_raw / r.seed_bytes if r.seed_bytes else float("nan")
        zen = r.zensical_search_bytes
        zen_ratio = f"{zen / r.seed_bytes:.2f}" if zen and r.seed_bytes else "—"
        out.append(
            f"| {r.size:,} | {_kib(r.seed_bytes)} | {r.gen_s:.3f} | {r.share:.0%} "
            f"| {r.warm_gen_s:.3f} | {_median(r.warm_startup_s):.3f} | {r.warm_share:.0%} "
            f"| {_kib(big[1])} (`{big[0]}`) "
            f"| {r.pages_over_budget} | {_kib(r.search_raw)} | {_kib(r.search_gzip)} "
            f"| {ratio:.2f} | {zen_ratio} |"
        )
    out += [
        "",
        "Cold = a fresh process with no analysis cache (`.cache/generator/` deleted; the pool "
        "analyses when ≥ 48 seeds). After one seed edit = the next fresh-process generation "
        "with those caches (it takes the process state the cold run saved, generator/state.py: "
        "one article analysed, only the pages the edit changed composed and rendered, "
        "unchanged pages not written; then it forks the state's writer, counted: a build does "
        "not wait for the writer, whose time is below); both are the "
        "whole process, start-up included (its own column); share = its part of that "
        "generation + `mkdocs build`. Largest page: the biggest built HTML file but "
        "404.html. Index ÷ seeds: search index bytes per byte of seed text (flat = the index "
        "grows no faster than the articles); Zensical's `site/search.json` likewise.",
    ]
    writers = [
        f"{r.size:,}: {_median(r.writer_s):.2f} s cold, {_median(r.warm_writer_s):.2f} s after "
        "an edit"
        for r in results
        if any(r.writer_s) or any(r.warm_writer_s)
    ]
    if writers:
        out += ["", "The state's writer, in the background (median): " + "; ".join(writers) + "."]
    for lv in live:
        mode = "--dirty, as `make serve`" if lv.dirty else "without --dirty"
        out += ["", f"### Live rebuild (`mkdocs serve {mode}`, {lv.size:,} article(s))", ""]
        if lv.error:
            out.append(f"Not measured: {lv.error}")
            continue
        nan = float("nan")
        parts = {
            "change detection (watchdog polling)": _median(lv.detect_s),
            "MkDocs' debounce": _median(lv.debounce_s),
            "the rebuild (hook + MkDocs)": _median(lv.first_build_s),
        }
        dominant = max(parts, key=lambda k: parts[k] if parts[k] == parts[k] else -1.0)
        rendered = (
            f"{_median([float(n) for n in lv.rendered]):.0f} of {lv.pages:,}"
            if lv.rendered
            else "all"
        )
        out += [
            "| Edits | Save → page shows edit (s), median | min | max | Detect (s) "
            "| Debounce (s) | Rebuild (s) | of which generator (s) | Pages rendered again "
            "| Rebuilds per edit | Second rebuild (s) | Timeouts |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {len(lv.latencies_s)} | {_median(lv.latencies_s):.2f} "
            f"| {min(lv.latencies_s, default=nan):.2f} | {max(lv.latencies_s, default=nan):.2f} "
            f"| {_median(lv.detect_s):.2f} | {_median(lv.debounce_s):.2f} "
            f"| {_median(lv.first_build_s):.2f} | {_median(lv.generator_s):.3f} "
            f"(CPU {_median(lv.generator_cpu_s):.3f}) | {rendered} "
            f"| {_median([float(b) for b in lv.builds_per_edit]):.0f} "
            f"| {_median(lv.second_build_s):.2f} | {lv.timeouts} |",
            "",
            "Save → page: seed written until an HTTP GET of the article page holds the edit. "
            "Detect: until `mkdocs serve` logs the change (watchdog PollingObserver, 0.5 s "
            "interval); Debounce: MkDocs waits until 0.1 s pass without a change; Rebuild: "
            '"Building documentation" to "Reloading browsers" (the hook regenerates docs/, '
            "then MkDocs builds). "
            + (
                "The hook's writes to docs/ then trigger a second rebuild, which finds nothing "
                "to change but holds page requests until it ends. "
                if _median([float(b) for b in lv.builds_per_edit]) > 1
                else "The hook does not watch the pages it writes, so an edit is one rebuild. "
            )
            + f"Largest part: {dominant} ({parts[dominant]:.2f} s). Target ≤ {TARGET_LIVE_S} s.",
        ]
    notes = [
        f"- {r.size:,} articles, Zensical: {r.zensical_note}" for r in results if r.zensical_note
    ]
    errors = [f"- {r.size:,} articles: {e}" for r in results for e in r.errors]
    errors += [
        f"- {r.size:,} articles: {r.warm_state_taken.count(0)} of {len(r.warm_state_taken)} "
        "fresh-process rebuilds did not take the saved process state (they built as a new "
        "process without it)"
        for r in results
        if r.warm_state_taken.count(0)
    ]
    if notes or errors:
        out += ["", "Notes:", *notes, *errors]
    out += ["", *verdicts(results, live)]
    return "\n".join(out)


def verdicts(results: Sequence[SizeResult], live: Sequence[LiveResult]) -> list[str]:
    lines = []
    for r in results:
        if r.generate_s and r.mkdocs_s:
            ok = r.share <= TARGET_GENERATOR_SHARE
            lines.append(
                f"- {'PASS' if ok else 'FAIL'}: generator share at {r.size:,} articles "
                f"{r.share:.1%} (target ≤ {TARGET_GENERATOR_SHARE:.0%})"
            )
    measured = [r for r in results if r.generate_s and r.size >= 10]
    for small, big in itertools.pairwise(measured):
        growth = (big.gen_s / big.size) / (small.gen_s / small.size)
        ok = growth <= 1.5
        lines.append(
            f"- {'PASS' if ok else 'FAIL'}: time per article {small.size:,} → {big.size:,} "
            f"articles ×{growth:.2f} (linear: ≈1)"
        )
    for lv in live:
        if lv.latencies_s:
            ok = _median(lv.latencies_s) <= TARGET_LIVE_S and not lv.timeouts
            mode = "" if lv.dirty else " (without --dirty)"
            lines.append(
                f"- {'PASS' if ok else 'FAIL'}: live rebuild at {lv.size:,} article(s){mode} "
                f"{_median(lv.latencies_s):.2f} s (target ≤ {TARGET_LIVE_S} s"
                + (", at 100 articles)" if lv.size != 100 else ")")
            )
        if lv.generator_s and lv.size >= 1000:
            ok = _median(lv.generator_s) <= TARGET_WARM_S
            lines.append(
                f"- {'PASS' if ok else 'FAIL'}: generator's part of a rebuild after one seed edit "
                f"under `mkdocs serve`, {lv.size:,} articles: {_median(lv.generator_s):.3f} s "
                f"(CPU {_median(lv.generator_cpu_s):.3f} s; target ≤ {TARGET_WARM_S} s)"
            )
    for r in results:
        if r.size >= 1000 and r.warm_generate_s:
            ok = r.warm_gen_s <= TARGET_WARM_S
            lines.append(
                f"- {'PASS' if ok else 'FAIL'}: generator after one seed edit, fresh process, "
                f"{r.size:,} articles: {r.warm_gen_s:.3f} s (target ≤ {TARGET_WARM_S} s)"
            )
        if r.size >= 1000 and r.largest_pages:
            name, size = r.largest_pages[0]
            ok = size <= PAGE_BUDGET
            lines.append(
                f"- {'PASS' if ok else 'FAIL'}: largest page at {r.size:,} articles "
                f"{_kib(size)} KiB HTML ({name}; target ≤ {PAGE_BUDGET // 1024} KiB)"
            )
    sized = [r for r in results if r.search_raw and r.seed_bytes and r.size >= 10]
    for small, big in itertools.pairwise(sized):
        growth = (big.search_raw / big.seed_bytes) / (small.search_raw / small.seed_bytes)
        lines.append(
            f"- {'PASS' if growth <= 1.05 else 'FAIL'}: search index per byte of seed text, "
            f"{small.size:,} → {big.size:,} articles ×{growth:.2f} (no faster than the text: ≤ 1)"
        )
    zensical = [r for r in results if r.zensical_search_bytes and r.seed_bytes and r.size >= 10]
    for small, big in itertools.pairwise(zensical):
        growth = (big.zensical_search_bytes / big.seed_bytes) / (
            small.zensical_search_bytes / small.seed_bytes
        )
        lines.append(
            f"- {'PASS' if growth <= 1.05 else 'FAIL'}: Zensical's search index per byte of "
            f"seed text, {small.size:,} → {big.size:,} articles ×{growth:.2f}"
        )
    return lines


# ---------------------------------------------------------------------------------------------
# Main


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(s) for s in text.split(",") if s.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("sizes are whole numbers, e.g. 1,10,100") from None
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError("sizes are whole numbers ≥ 1, e.g. 1,10,100")
    return sizes


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Time generation, mkdocs build, zensical build and live rebuilds at several "
        "site sizes; print a Markdown table and write benchmarks/results/latest.json.",
    )
    p.add_argument("--sizes", type=_sizes, default=DEFAULT_SIZES, help="default: 1,10,100,1000")
    p.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="runs per size (default: 5, 5, 3, 1 for 1, 10, 100, 1000 articles; 1 above)",
    )
    p.add_argument("--edits", type=int, default=5, help="edits timed under mkdocs serve (5)")
    p.add_argument(
        "--live-sizes",
        type=_sizes,
        default=(1, 100, 1000),
        help="site sizes for the live-rebuild benchmark (default: 1,100,1000)",
    )
    p.add_argument(
        "--serve-full",
        action="store_true",
        help="also time `mkdocs serve` without --dirty (every page rendered on each edit), "
        "at live sizes up to 100",
    )
    p.add_argument("--no-live", action="store_true", help="skip the mkdocs serve benchmark")
    p.add_argument(
        "--no-zensical",
        action="store_true",
        help="skip zensical build and the `make serve-zensical` live rebuild",
    )
    p.add_argument(
        "--no-big-seed",
        action="store_true",
        help="skip the time budget for a 1 MB one-paragraph seed (benchmarks/big_seed.py)",
    )
    p.add_argument(
        "--profile",
        action="store_true",
        help="also profile one generation at the largest size (cProfile; top functions printed, "
        "stats in benchmarks/results/profile-N.prof)",
    )
    p.add_argument("--output", type=Path, default=RESULTS / "latest.json", help="JSON results")
    return p


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # A plain SIGTERM would skip the clean-up (temporary folders, the mkdocs serve child).
    signal.signal(signal.SIGTERM, _interrupt)
    if args.repeat is not None and args.repeat < 1:
        _log("--repeat must be ≥ 1")
        return 2
    sources = default_sources()
    from .live_zensical import ZensicalLive, measure_zensical_live
    from .live_zensical import markdown as zensical_markdown
    from .live_zensical import verdicts as zensical_verdicts

    results: list[SizeResult] = []
    live: list[LiveResult] = []
    zensical_live: list[ZensicalLive] = []
    started = time.perf_counter()
    host = machine()
    with tempfile.TemporaryDirectory(prefix="microsite-bench-") as tmp:
        code = snapshot_code(Path(tmp) / "code")
        # Bytecode as after any earlier run of the checkout (the children run with
        # PYTHONDONTWRITEBYTECODE: they would otherwise compile every module each time).
        compileall.compile_dir(code / "generator", quiet=1)
        ENV["PYTHONPATH"] = os.pathsep.join(
            [str(code), str(REPO), os.environ.get("PYTHONPATH", "")]
        )
        check = subprocess.run(
            [sys.executable, "-c", "import generator, generator.build; print(generator.__file__)"],
            cwd=tmp,
            env=ENV,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if check.returncode != 0 or not check.stdout.startswith(str(code)):
            _log(
                f"cannot import the generator snapshot: {_last_line(check.stderr or check.stdout)}"
            )
            return 1
        for size in args.sizes:
            repeat = args.repeat or DEFAULT_REPEATS.get(size, 1)
            result = SizeResult(size, repeat)
            results.append(result)
            _log(f"[{time.perf_counter() - started:6.0f}s] {size} article(s) × {repeat} run(s)")
            project = make_project(Path(tmp) / f"n{size}", size, sources, code=code)
            try:
                result.seed_bytes = seed_bytes(project.root / "seeds")
                for _ in range(repeat):
                    measure_generation(project, result)
                    measure_mkdocs(project, result)
                    warm = measure_warm_edit(
                        project.root,
                        project.first_seed,
                        insert_marker,
                        ENV,
                        _timeout(project.size),
                    )
                    result.warm_generate_s.append(warm["generate_s"])
                    result.warm_write_s.append(warm["write_s"])
                    result.warm_save_s.append(warm.get("save_s", 0.0))
                    result.warm_writer_s.append(warm.get("save_background_s", 0.0))
                    result.warm_startup_s.append(
                        warm["wall_s"]
                        - warm["generate_s"]
                        - warm["write_s"]
                        - warm.get("save_s", 0.0)
                        - result.warm_writer_s[-1]
                    )
                    result.warm_state_taken.append(int(warm.get("state_taken", 0)))
                    if not args.no_zensical:
                        measure_zensical(project, result)
                site = project.root / "site_mkdocs"
                result.weight = page_weight(site)
                result.largest_pages = largest_pages(site)
                result.pages_over_budget = pages_over(site)
                result.search_raw, result.search_gzip = search_index_sizes(site)
            except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
                result.errors.append(str(exc))
                _log(f"  error: {exc}")
            if not args.no_live and size in args.live_sizes:
                _log(f"[{time.perf_counter() - started:6.0f}s] live rebuild, {size} article(s)")
                live.append(measure_live(project, args.edits))
                if args.serve_full and size <= 100:  # a full rebuild per edit: minutes at 1,000
                    live.append(measure_live(project, args.edits, dirty=False))
                if not args.no_zensical:
                    _log(f"[{time.perf_counter() - started:6.0f}s] live rebuild, Zensical")
                    zensical_live.append(
                        measure_zensical_live(project.root, project.first_seed, size, args.edits)
                    )
            if args.profile and size == max(args.sizes):
                _log(f"[{time.perf_counter() - started:6.0f}s] profiling {size} article(s)")
                _profile(project)
            shutil.rmtree(project.root, ignore_errors=True)
    end_load = list(os.getloadavg())
    table = describe(host, end_load) + "\n\n" + markdown(results, live)
    if zensical_live:
        table += "\n\n" + "\n".join(
            [*zensical_markdown(zensical_live), "", *zensical_verdicts(zensical_live)]
        )
    print(table, flush=True)  # before the 1 MB seeds: whatever they do, these figures are kept
    big: list[big_seed.BigSeedResult] = []
    if not args.no_big_seed:
        _log(f"[{time.perf_counter() - started:6.0f}s] 1 MB one-paragraph seed")
        big = big_seed.run_all()
        print("\n" + big_seed.markdown(big))
        table += "\n\n" + big_seed.markdown(big)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    payload: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "host": {**host, "load_average_end": end_load},
        "elapsed_s": time.perf_counter() - started,
        "sizes": [
            {**asdict(r), "gen_s": r.gen_s, "share": r.share, "weight_total": r.weight.total}
            if r.weight
            else {**asdict(r), "gen_s": r.gen_s, "share": r.share}
            for r in results
        ],
        "live": [asdict(lv) for lv in live],
        "live_zensical": [asdict(z) for z in zensical_live],
        "big_seed": [asdict(b) for b in big],
        "markdown": table,
    }
    args.output.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    _log(f"wrote {args.output} in {time.perf_counter() - started:.0f} s")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _profile(project: BenchProject, top: int = 25) -> None:
    import pstats

    RESULTS.mkdir(parents=True, exist_ok=True)
    stats_path = RESULTS / f"profile-{project.size}.prof"
    reset_docs(project)
    _, done = _run(
        [sys.executable, "-m", "benchmarks.gen_child", str(project.root), str(stats_path)],
        cwd=project.root.parent,
        timeout=_timeout(project.size) * 3,
    )
    if done.returncode != 0:
        _log(f"  profiling failed: {_last_line(done.stderr)}")
        return
    for order in ("cumulative", "tottime"):
        print(f"\n### Profile, {project.size} articles, by {order}\n\n```")
        pstats.Stats(str(stats_path), stream=sys.stdout).strip_dirs().sort_stats(order).print_stats(
            top
        )
        print("```")


if __name__ == "__main__":
    raise SystemExit(main())
