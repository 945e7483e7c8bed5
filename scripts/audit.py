"""Lighthouse audit of every page of the built site, served on 127.0.0.1 (mobile, the default).

    .venv/bin/python scripts/audit.py                 # build, serve, audit every page
    .venv/bin/python scripts/audit.py --engine zensical   # the same, built with Zensical
    .venv/bin/python scripts/audit.py --site site/    # audit an already-built site
    .venv/bin/python scripts/audit.py --pages "" crew/ --json scores.json

Targets: accessibility, best practices and SEO 100 on every page, performance at least 95.
Exits 1 when a page misses a target, 2 when a tool is missing. Needs `npm ci` (Lighthouse
12.2.3) and Debian's Chromium at /usr/bin/chromium (or CHROME_PATH).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from scripts.serve_site import (  # noqa: E402
    ENGINES,
    build_site,
    serve_site,
    site_pages,
    site_prefix,
)

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


@dataclass(frozen=True)
class PageScores:
    path: str
    scores: dict[str, int]
    failed_audits: list[str]
    performance_runs: tuple[int, ...] = ()  # every run's performance score, for the spread

    def misses(self) -> list[str]:
        return [
            f"{cat} {self.scores.get(cat, 0)} < {want}"
            for cat, want in TARGETS.items()
            if self.scores.get(cat, 0) < want
        ]


def run_lighthouse(url: str, chrome: str) -> dict[str, Any]:
    """Run Lighthouse on one URL in a fresh Chromium profile; return its JSON report."""
    with tempfile.TemporaryDirectory(prefix="lh-profile-") as profile:
        flags = f"{CHROME_FLAGS} --user-data-dir={profile}"
        proc = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                f"--chrome-flags={flags}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                "--output-path=stdout",
                "--quiet",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": chrome},
            timeout=240,
            check=False,
        )
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def scores_of(path: str, report: dict[str, Any]) -> PageScores:
    scores = {}
    failed: list[str] = []
    for cat in CATEGORIES:
        category = report["categories"][cat]
        scores[cat] = round(100 * (category["score"] or 0))
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failed.append(f"{cat}/{ref['id']} ({audit['score']})")
    return PageScores(path=path, scores=scores, failed_audits=failed)


def median_of(runs: list[PageScores]) -> PageScores:
    """The median score of each category over several runs of one page."""
    scores = {cat: int(statistics.median_low(r.scores[cat] for r in runs)) for cat in CATEGORIES}
    failed = sorted({audit for r in runs for audit in r.failed_audits})
    spread = tuple(r.scores["performance"] for r in runs)
    return PageScores(
        path=runs[0].path, scores=scores, failed_audits=failed, performance_runs=spread
    )


def table(results: list[PageScores]) -> str:
    heads = ["page", "perf", "a11y", "best-pr", "seo", "perf min-max"]
    rows = [
        [
            r.path or "/",
            *(str(r.scores.get(c, "-")) for c in CATEGORIES),
            f"{min(r.performance_runs)}-{max(r.performance_runs)}" if r.performance_runs else "-",
        ]
        for r in results
    ]
    widths = [max(len(row[i]) for row in [heads, *rows]) for i in range(len(heads))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse audit of the built microsite.")
    parser.add_argument("--site", type=Path, help="an already-built site (default: build one)")
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help="build with MkDocs + Material (default) or Zensical (in a temporary copy)",
    )
    parser.add_argument("--pages", nargs="*", help='pages relative to the site root ("" = home)')
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument(
        "--reports", type=Path, help="also keep every Lighthouse JSON report in this directory"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="Lighthouse runs per page; the median score counts (Lighthouse's own advice, as "
        "performance varies from run to run; default 3)",
    )
    args = parser.parse_args(argv)

    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    missing = [str(p) for p in (LIGHTHOUSE, Path(chrome)) if not p.exists()]
    if shutil.which("node") is None:
        missing.append("node")
    if missing:
        print(
            f"audit: missing {', '.join(missing)} (run `npm ci`, install chromium)", file=sys.stderr
        )
        return 2

    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        site = (
            args.site.resolve()
            if args.site
            else build_site(REPO, Path(tmp) / "site", engine=args.engine)
        )
        pages = args.pages if args.pages is not None else site_pages(site)
        results = []
        with serve_site(site, site_prefix(REPO / "mkdocs.yml")) as served:
            for path in pages:
                print(f"auditing {served.page(path)} ...", file=sys.stderr, flush=True)
                runs = []
                for n in range(max(1, args.runs)):
                    report = run_lighthouse(served.page(path), chrome)
                    if args.reports:
                        args.reports.mkdir(parents=True, exist_ok=True)
                        name = (path.strip("/").replace("/", "_") or "home") + f".{n + 1}.json"
                        (args.reports / name).write_text(json.dumps(report))
                    runs.append(scores_of(path, report))
                results.append(median_of(runs))

    print(table(results))
    bad = [(r, r.misses()) for r in results if r.misses()]
    for r, misses in bad:
        print(f"\n{r.path or '/'}: {'; '.join(misses)}")
        for audit in r.failed_audits:
            print(f"  failing audit: {audit}")
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {"page": r.path, **r.scores, "performance_runs": list(r.performance_runs)}
                    for r in results
                ],
                indent=2,
            )
            + "\n"
        )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
