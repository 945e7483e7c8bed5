"""A corrections file beside a seed changes extract output and the built site, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.cli import main

CORRECTIONS = """\
people:
  - set: aki-hoshide
    role: astronaut
  - add: Yuri Gagarin
    roles: [cosmonaut]
    blocks: [b25]
quotes:
  - block: b9
    speaker: null
themes:
  - remove: b18
    theme: context
"""


def test_corrections_reach_extract_and_the_site(seed_project: Path) -> None:
    (seed_project / "seeds" / "first-film-in-orbit.corrections.yml").write_text(CORRECTIONS)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "extract", "seeds/first-film-in-orbit.md"],
        cwd=seed_project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    actions = [c["action"] for c in data["corrections"]]
    # b9 holds two quotes: both lose their speaker.
    assert actions == ["add-role", "add-person", "set-speaker", "set-speaker", "remove-from-theme"]
    hoshide = next(p for p in data["people"] if p["id"] == "aki-hoshide")
    assert hoshide["roles"] == ["astronaut"]
    assert "b18" not in data["themes"]["context"]

    assert main(["build", "--project", str(seed_project)]) == 0
    people = (seed_project / "docs" / "people.md").read_text(encoding="utf-8")
    card = people.split('id="aki-hoshide"', 1)[1].split("</article>", 1)[0]
    assert "<dt>Role</dt> <dd>astronaut</dd>" in card
    assert 'id="yuri-gagarin"' in people
    context = (seed_project / "docs" / "context.md").read_text(encoding="utf-8")
    assert "#b18" not in context
    assert "We have been pioneers" in context
    peskov = people.split('id="dmitry-peskov"', 1)[1].split("</article>", 1)[0]
    assert "We have been pioneers" not in peskov  # the quote lost its speaker


def test_a_correction_naming_nothing_is_a_one_line_error(seed_project: Path) -> None:
    docs_before = sorted(p.name for p in (seed_project / "docs").rglob("*"))
    (seed_project / "seeds" / "first-film-in-orbit.corrections.yml").write_text(
        "people:\n  - set: nobody-at-all\n    age: 40\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=seed_project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: seeds/first-film-in-orbit.corrections.yml:2:")
    assert "nobody-at-all" in result.stderr
    assert result.stderr.count("\n") == 1
    assert sorted(p.name for p in (seed_project / "docs").rglob("*")) == docs_before
