"""Print precision and recall of the rule-based extraction against the annotated fixtures.

Run from the repository root: .venv/bin/python scripts/score_extraction.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import CATEGORIES, Score, nasa_total, score_all


def _cell(score: Score | None) -> str:
    if score is None:
        return f"{'not annotated':>22}"
    return f"P {score.precision:4.2f} R {score.recall:4.2f} ({score.tp:>3}✓)"


def main() -> int:
    scores = score_all()
    width = max(len(n) for n in scores)
    print(f"{'':<{width}}  " + "  ".join(f"{c:>22}" for c in CATEGORIES))
    rows = {**scores, "nasa corpus": {c: nasa_total(scores, c) for c in CATEGORIES}}
    for name, by_category in rows.items():
        print(f"{name:<{width}}  " + "  ".join(_cell(by_category[c]) for c in CATEGORIES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
