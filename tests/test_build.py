"""The pipeline end to end through the command line: build, --check, extract, golden pages."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import CORPUS, REPO, SEED

from generator.build import generate
from generator.cli import main
from generator.site import Project

GOLDEN = REPO / "tests" / "golden"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_build_writes_every_page_then_nothing(seed_project: Path) -> None:
    assert main(["build", "--project", str(seed_project)]) == 0
    docs = seed_project / "docs"
    for page in ("index", "mission", "crew", "film", "context", "articles/index"):
        assert (docs / f"{page}.md").is_file(), page
    assert (docs / "articles" / "first-film-in-orbit.md").is_file()
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    assert main(["build", "--project", str(seed_project)]) == 0
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")} == stamps


def test_check_names_stale_files_and_changes_nothing(seed_project: Path) -> None:
    result = run_cli("build", "--check", "--project", str(seed_project))
    assert result.returncode == 1
    assert "docs/crew.md" in result.stderr
    assert not (seed_project / "docs" / "crew.md").exists()
    assert run_cli("build", "--project", str(seed_project)).returncode == 0
    clean = run_cli("build", "--check", "--project", str(seed_project))
    assert clean.returncode == 0, clean.stderr
    seed = seed_project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n")
    stale = run_cli("build", "--check", "--project", str(seed_project))
    assert stale.returncode == 1
    assert "docs/articles/first-film-in-orbit.md" in stale.stderr


def test_committed_docs_are_what_the_seeds_produce() -> None:
    result = run_cli("build", "--check")
    assert result.returncode == 0, result.stderr


def test_extract_prints_schema_one_json() -> None:
    result = run_cli("extract", "seeds/first-film-in-orbit.md")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    assert data["slug"] == "first-film-in-orbit"
    assert data["published"] == "2021-10-05"
    assert set(data) >= {"blocks", "people", "organizations", "places", "quotes", "events"}
    assert set(data["themes"]) == {"mission", "crew", "film", "context"}
    b10 = next(b for b in data["blocks"] if b["id"] == "b10")
    assert b10["kind"] == "caption"
    assert b10["label"] == "Russia Space Station"
    assert b10["credit"] == "Roscosmos Space Agency/AP"
    assert b10["text"] == "The Soyuz spaceship blasts off from Baikonur cosmodrome"


def test_every_verb_has_help_for_newcomers() -> None:
    for args in ([], ["build"], ["watch"], ["extract"], ["new"]):
        result = run_cli(*args, "--help")
        assert result.returncode == 0
        assert "seeds/" in result.stdout
    assert "--check" in run_cli("build", "--help").stdout


def test_missing_seed_is_a_one_line_error() -> None:
    result = run_cli("extract", "seeds/does-not-exist.md")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "seeds/does-not-exist.md" in result.stderr
    assert "Traceback" not in result.stderr


GOLDEN_SUFFIXES = (".md", ".yml", ".xml")


def _golden_project(factory: Callable[..., Path]) -> Path:
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    for path in sorted(CORPUS.glob("*.txt")):
        seeds[path.name] = path.read_bytes()
    return factory(seeds)


def test_golden_pages(project_factory: Callable[..., Path]) -> None:
    """Generated pages for the seed plus the NASA corpus, compared with tests/golden/.

    After an intended change, refresh with `UPDATE_GOLDEN=1 pytest tests/test_build.py` and
    review the diff in git like any other change.
    """
    outputs = {
        o.path: o.content.decode("utf-8")
        for o in generate(Project(_golden_project(project_factory)))
        if o.path.endswith(GOLDEN_SUFFIXES)  # text outputs; share cards and photos are bytes
    }
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in outputs.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file() and p.name.endswith(GOLDEN_SUFFIXES)  # pages, nav, feed
    }
    assert sorted(outputs) == sorted(expected)
    diffs: list[str] = []
    for path in sorted(outputs):
        if outputs[path] != expected[path]:
            diffs.extend(
                difflib.unified_diff(
                    expected[path].splitlines(),
                    outputs[path].splitlines(),
                    f"golden/{path}",
                    f"generated/{path}",
                    lineterm="",
                )
            )
    if diffs:
        pytest.fail("generated pages differ from tests/golden/:\n" + "\n".join(diffs[:200]))
