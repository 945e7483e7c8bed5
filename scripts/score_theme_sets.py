"""Does each theme set apply where the corpus annotations say? Per kind of article.

    .venv/bin/python scripts/score_theme_sets.py [--details]

Reads tests/fixtures/corpus/*.md and their keyfacts.yml `about_flight` (does the article report
a flight?) and compares the spaceflight set's verdict (ThemeSet.applies_to, corrections files
not applied). A false frame is a spaceflight frame on an article that reports no flight.
Hold-out articles (front matter `holdout: N`, kept out of rule tuning) get a table of their own.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.analyse import analyse  # noqa: E402
from generator.analyse.themesets import load_theme_sets  # noqa: E402
from generator.read import read_seed  # noqa: E402

CORPUS = REPO / "tests" / "fixtures" / "corpus"
EXPECTED = REPO / "tests" / "fixtures" / "expected"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="one line per article")
    args = parser.parse_args()
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    # table → kind → [articles, flights, right, false frames, missed]
    tables: dict[str, dict[str, list[int]]] = {}
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        found = re.search(r"(?m)^kind:\s*(\S+)", text)
        batch = re.search(r"(?m)^holdout:\s*(\d+)", text.split("\n---", 1)[0])
        table = f"hold-out batch {batch.group(1)}" if batch else "development corpus"
        rows = tables.setdefault(table, {})
        annotation = EXPECTED / path.stem / "keyfacts.yml"
        if found is None or not annotation.is_file():
            continue
        truth = bool((yaml.safe_load(annotation.read_text("utf-8")) or {}).get("about_flight"))
        got = spaceflight.applies_to(analyse(read_seed(path)))
        row = rows.setdefault(found.group(1), [0, 0, 0, 0, 0])
        row[0] += 1
        row[1] += truth
        row[2] += got == truth
        row[3] += got and not truth
        row[4] += truth and not got
        if args.details:
            verdict = "ok" if got == truth else ("FALSE FRAME" if got else "missed")
            print(f"{path.stem:40} about_flight={truth!s:5} applies={got!s:5} {verdict}")
    for table in sorted(tables):
        rows = tables[table]
        print(f"\n{table}\n")
        print("| kind | articles | report a flight | right | false frames | flights missed |")
        print("| --- | --- | --- | --- | --- | --- |")
        total = [0, 0, 0, 0, 0]
        for name in sorted(rows):
            print(f"| {name} | " + " | ".join(str(n) for n in rows[name]) + " |")
            total = [a + b for a, b in zip(total, rows[name], strict=True)]
        print("| all | " + " | ".join(str(n) for n in total) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
