"""ProperDocs, the maintained drop-in fork of MkDocs 1.x, builds the site from the same
mkdocs.yml and runs the generator's hook unchanged (its `mkdocs.*` imports are redirected)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import SEED, ensure_generated

PROPERDOCS = Path(sys.executable).parent / "properdocs"
pytestmark = pytest.mark.skipif(not PROPERDOCS.exists(), reason="properdocs is not installed")


def properdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "DISABLE_MKDOCS_2_WARNING": "true"},
        timeout=300,
        check=False,
    )


def test_properdocs_builds_the_site_and_runs_the_hook(seed_project: Path) -> None:
    ensure_generated(seed_project)
    seed = seed_project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("lifted off", "lifted off PDX-51"))
    done = properdocs_build(seed_project)
    assert done.returncode == 0, done.stdout + done.stderr
    log = done.stdout + done.stderr
    assert "generator: wrote" in log, log  # the hook ran and regenerated docs/
    site = seed_project / "site"
    assert "PDX-51" in (site / "articles" / "first-film-in-orbit" / "index.html").read_text()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="properdocs-' in home
    assert "Built with ProperDocs and Material for MkDocs." in home
    assert (site / "search" / "search_index.json").is_file()  # Material's search plugin ran
    for page in ("mission", "crew", "people", "timeline"):
        assert (site / page / "index.html").is_file(), page


def test_properdocs_strict_build_refuses_a_hand_edited_page(seed_project: Path) -> None:
    ensure_generated(seed_project)
    page = seed_project / "docs" / "film.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy own words.\n")
    edited = page.read_bytes()
    seed = seed_project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("Challenge", "Vyzov"))
    done = properdocs_build(seed_project)
    assert done.returncode != 0
    assert "docs/film.md: edited by hand" in done.stdout + done.stderr
    assert page.read_bytes() == edited
