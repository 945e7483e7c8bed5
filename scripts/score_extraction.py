"""Score the rule-based extraction against the hand-annotated articles, per kind and overall.

Run from the repository root: .venv/bin/python scripts/score_extraction.py [--details]

One table per kind (its articles, then the kind's total) and an overall table (one row per
kind, then everything). Columns:
  people, roles, ages, orgs   precision / recall against people.yml ("-": not annotated);
             a role with "former ", "u.s. " or "united states " in front counts as the
             annotated office without it (tests/scoring.py ROLE_QUALIFIERS)
  speakers   right/attributed quotations, then "w" wrong ones (bar: >= 0.90 right, 0 wrong)
  voices+    quotations shown that are not in quotes.yml (terms shown as voices)
  dates      recall, then "w" predicted dates that are not in dates.yml
  non-ppl    people carded whose name is in people.yml `non_people`
  facts+     key facts a site SHOWS (the fact boxes of the theme sets that apply, "At a
             glance") that keyfacts.yml does not allow (about_flight false: any shown fact)
--details lists, under each table, what the extra voices, wrong dates, non-people and facts are.
Then, per kind, the issue-12 targets it does not meet yet; a last line gives theme-page
membership where themes.yml exists (the seed, the NASA fixtures). Hold-out batches 2 to 24
(corpus articles with `holdout: N`, scoring.HOLDOUT_BATCHES) are left out of those figures and
printed after them, each apart, the same way; scoring.UNSEEN_BATCH (23) is the one not used to
tune the rules (batches 2 to 14 and 16 to 22 were scored untuned, then released for tuning;
batches 15 and 24, the Chinese-language ones, were released as they were built).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import (
    HOLDOUT_BATCHES,
    UNSEEN_BATCH,
    Report,
    Score,
    ScoringError,
    by_kind,
    holdout_articles,
    report_all,
    total,
)

from generator.errors import GeneratorError

COLUMNS = ("people", "roles", "ages", "orgs", "speakers", "voices+", "dates", "non-ppl", "facts+")
WIDTHS = (11, 11, 11, 11, 12, 7, 11, 7, 6)


def _pr(score: Score | None) -> str:
    return "-" if score is None else f"{score.precision:.2f}/{score.recall:.2f}"


def _count(items: tuple[str, ...] | None) -> str:
    return "-" if items is None else str(len(items))


def cells(r: Report) -> list[str]:
    s = r.scores
    speakers = (
        "-"
        if r.speakers is None
        else f"{r.speakers.right}/{r.speakers.attributed} w{r.speakers.wrong}"
    )
    dates = s["dates"]
    date_cell = "-" if dates is None else f"{dates.recall:.2f} w{len(r.dates_wrong or ())}"
    return [
        _pr(s["people"]),
        _pr(s["roles"]),
        _pr(s["ages"]),
        _pr(s["organizations"]),
        speakers,
        _count(r.terms_as_voices),
        date_cell,
        _count(r.non_people_carded),
        _count(r.bad_key_facts),
    ]


def missed_targets(r: Report) -> list[str]:
    """The issue-12 targets one report does not meet (ages and organizations: no number set)."""
    s, missed = r.scores, []
    people, roles, dates = s["people"], s["roles"], s["dates"]
    if people and (people.precision < 0.95 or people.recall < 0.90):
        missed.append("people")
    if roles and (roles.precision < 0.85 or roles.recall < 0.85):
        missed.append("roles")
    if r.speakers and (r.speakers.right_rate < 0.90 or r.speakers.wrong):
        missed.append("speakers")
    if dates and (dates.recall < 0.90 or r.dates_wrong):
        missed.append("dates")
    for label, items in (
        ("voices+", r.terms_as_voices),
        ("non-ppl", r.non_people_carded),
        ("facts+", r.bad_key_facts),
    ):
        if items:
            missed.append(label)
    return missed


def table(title: str, rows: dict[str, Report], details: bool) -> list[str]:
    width = max(len(title), *(len(n) for n in rows))
    head = f"{title:<{width}}  " + "  ".join(
        f"{c:>{w}}" for c, w in zip(COLUMNS, WIDTHS, strict=True)
    )
    lines = [head, "-" * len(head)]
    for name, r in rows.items():
        line = "  ".join(f"{c:>{w}}" for c, w in zip(cells(r), WIDTHS, strict=True))
        lines.append(f"{name:<{width}}  {line}")
    if details:
        for name, r in rows.items():
            if name.startswith("all "):
                continue  # the kind's total repeats its articles' lists
            for label, items in (
                ("speakers wrong", r.speakers.wrong_items if r.speakers else ()),
                ("voices+", r.terms_as_voices),
                ("dates wrong", r.dates_wrong),
                ("non-people carded", r.non_people_carded),
                ("facts+", r.bad_key_facts),
            ):
                if items:
                    shown = "; ".join(i if len(i) <= 90 else i[:87] + "..." for i in items)
                    lines.append(f"    {name} {label}: {shown}")
    return lines


def section(reports: dict[str, Report], details: bool) -> list[str]:
    """Per-kind tables, the overall table and the targets not met, for one set of articles."""
    kinds = by_kind(reports)
    out: list[str] = []
    for kind_name, members in kinds.items():
        rows = {**members, f"all {kind_name}": total(members.values())}
        out += [*table(kind_name, rows, details), ""]
    overall = {k: total(m.values()) for k, m in kinds.items()}
    overall["overall"] = total(reports.values())
    out += table("overall", overall, details=False)
    out += ["", "targets not met (people P>=0.95 R>=0.90, roles >=0.85, speakers >=0.90 right and"]
    out += ["none wrong, dates >=0.90 found and none wrong, no extra voice, non-person or fact):"]
    for name, r in overall.items():
        out.append(f"  {name}: {', '.join(missed_targets(r)) or 'none'}")
    return out


def main(argv: list[str]) -> int:
    details = "--details" in argv
    try:
        reports = report_all()
        held = {batch: holdout_articles(batch) for batch in HOLDOUT_BATCHES}
    except (ScoringError, GeneratorError) as exc:
        print(f"score_extraction: {exc}", file=sys.stderr)
        return 2
    all_held = set().union(*held.values())
    development = {n: r for n, r in reports.items() if n not in all_held}
    out = section(development, details)
    themes = total(development.values()).scores["themes"]
    if themes is not None:  # annotated for the seed and the NASA fixtures only
        out += ["", f"themes (where annotated): P {themes.precision:.2f} R {themes.recall:.2f}"]
    for batch, names in held.items():
        if not names:
            continue
        out += [
            "",
            "=" * 79,
            f"HOLD-OUT BATCH {batch} ({len(names)} articles, `holdout: {batch}`; "
            + ("not used to tune the" if batch == UNSEEN_BATCH else "scored untuned, then"),
        ]
        out += [
            (
                "rules and not gated; "
                if batch == UNSEEN_BATCH
                else "released for tuning; not gated; "
            )
            + f"tests/fixtures/corpus/SOURCES-holdout{batch}.md)",
            "=" * 79,
            "",
        ]
        out += section({n: r for n, r in reports.items() if n in names}, details)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
