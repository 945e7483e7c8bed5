"""Paths and helpers the tests share (importable as `support`, since tests/ is on sys.path)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "first-film-in-orbit.md"
CORPUS = REPO / "tests" / "fixtures" / "articles"
EXPECTED = REPO / "tests" / "fixtures" / "expected"
# The annotated articles: name of their folder in tests/fixtures/expected/ → the article file.
ARTICLES = {
    "first-film-in-orbit": SEED,
    **{f"nasa_article_{n}": CORPUS / f"nasa_article_{n}.txt" for n in ("329", "550", "813")},
}


def make_project(root: Path, seeds: dict[str, bytes | str] | None = None) -> Path:
    """A minimal project in `root`: mkdocs.yml, overrides/, docs/assets/ and the given seeds."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    # The hook is named relative to mkdocs.yml; point the copy at the real one.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    hook = (REPO / "generator" / "mkdocs_hook.py").as_posix()
    (root / "mkdocs.yml").write_text(
        config.replace("- generator/mkdocs_hook.py", f"- {hook}"), encoding="utf-8"
    )
    for folder in ("overrides", "docs/assets"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder, dirs_exist_ok=True)
    for extra in ("docs/robots.txt",):
        if (REPO / extra).is_file():
            shutil.copy(REPO / extra, root / extra)
    for name, content in (seeds or {}).items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / "seeds" / name).write_bytes(data)
    return root


def ensure_generated(project: Path) -> None:
    """A project that was never generated has no docs/.generator-nav.yml for mkdocs.yml's
    INHERIT, and no engine starts without it: generate once, as `make site` does."""
    if not (project / "docs" / ".generator-nav.yml").is_file():
        from generator.build import build
        from generator.site import Project

        build(Project(project))


def mkdocs_build(project: Path, *extra: str, env: dict[str, str] | None = None) -> Path:
    """`mkdocs build` of a temporary project into project/site (the hook regenerates docs/)."""
    ensure_generated(project)
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site
