"""A site with many distinct people, and the size of its largest pages (no timing).

The benchmark corpus copies four articles, so its People page never grows past their dozen
people. Real stories name new people in every article: this makes N short flight reports, each
naming five people no other article names (real given names from generator/data/given_names.txt,
in a fixed pseudo-random draw), builds the site in a temporary folder and prints the largest
generated pages (Markdown) and, with --html, the largest pages MkDocs makes of them.

    .venv/bin/python scripts/many_people.py --articles 1000 --html

The same articles serve the tests (tests/test_paging.py).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEOPLE_PER_ARTICLE = 5
# Endings that make a given name a surname, some of them outside ASCII (sorting folds them).
_ENDINGS = ("son", "sen", "berg", "ström", "ez", "ini", "ović", "ssen", "ard", "")
BUDGET_HTML = 300 * 1024  # issue 14: no page over 300 KiB of HTML at 1,000 articles


def _given_names() -> list[str]:
    lines = (REPO / "generator" / "data" / "given_names.txt").read_text(encoding="utf-8")
    return [
        n for n in lines.splitlines() if n and not n.startswith("#") and n.isalpha() and len(n) > 3
    ]


def people_seeds(count: int, seed: int = 14) -> dict[str, str]:
    """`count` flight reports (file name → text), each naming PEOPLE_PER_ARTICLE people with
    roles no other article names."""
    names = _given_names()
    rng = random.Random(seed)
    used: set[str] = set()

    def person() -> str:
        while True:
            name = f"{rng.choice(names)} {rng.choice(names)}{rng.choice(_ENDINGS)}"
            if name not in used:
                used.add(name)
                return name

    seeds = {}
    for i in range(count):
        a, b, c, d, e = (person() for _ in range(PEOPLE_PER_ARTICLE))
        seeds[f"report-{i:04}.md"] = f"""---
title: Crew {i + 1} launches to the station
published: {2020 + i // 336}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}
---
Astronaut {a} and cosmonaut {b} lifted off aboard the Soyuz MS-{30 + i} spacecraft from \
Baikonur and docked at the International Space Station.

Flight engineer {c}, {30 + i % 25}, joined them for a six-month stay.

“This is a great day for all of us,” said {a}.

Mission director {d} of Roscosmos said the launch went as planned.

Engineer {e} told reporters the spacecraft performed well.
"""
    return seeds


def _project(root: Path, seeds: dict[str, str]) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    from support import make_project

    return make_project(root, dict(seeds))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--html", action="store_true", help="also build with MkDocs")
    parser.add_argument("--top", type=int, default=5, help="how many pages to list")
    parser.add_argument(
        "--benchmark-corpus",
        action="store_true",
        help="the benchmark's articles instead (benchmarks/corpus.py: copies renamed)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from generator.build import build
    from generator.site import Project

    with tempfile.TemporaryDirectory() as tmp:
        if args.benchmark_corpus:
            from benchmarks.corpus import corpus, default_sources

            seeds = {a.file_name: a.text for a in corpus(default_sources(), args.articles)}
        else:
            seeds = people_seeds(args.articles)
        root = _project(Path(tmp) / "site", seeds)
        build(Project(root))
        docs = root / "docs"
        pages = sorted(docs.rglob("*.md"))
        people = [p for p in pages if p.relative_to(docs).as_posix().startswith("people")]
        cards = sum(p.read_text(encoding="utf-8").count('class="card__name"') for p in people)
        print(
            f"{args.articles} articles, {len(pages)} pages, {cards} people on "
            f"{len(people)} People page(s)"
        )
        sizes = sorted((p.stat().st_size, p.relative_to(docs).as_posix()) for p in pages)
        for size, name in reversed(sizes[-args.top :]):
            print(f"  Markdown {size / 1024:8.1f} KiB  {name}")
        size, name = max((s, n) for s, n in sizes if n.startswith("people"))
        print(f"  largest People page: Markdown {size / 1024:.1f} KiB  {name}")
        if not args.html:
            return 0
        site = root / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)],
            cwd=root,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        html = sorted(
            (p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")
        )
        for size, name in reversed(html[-args.top :]):
            print(f"  HTML     {size / 1024:8.1f} KiB  {name}")
        size, name = max((s, n) for s, n in html if n.startswith("people"))
        print(f"  largest People page: HTML {size / 1024:.1f} KiB  {name}")
        over = [name for size, name in html if size > BUDGET_HTML]
        print(f"pages over {BUDGET_HTML // 1024} KiB of HTML: {len(over)}", *over[:5])
        return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
