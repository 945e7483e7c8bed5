"""Hand edits in docs/ are never lost silently, and files the generator didn't write are never
changed or deleted; pages of a removed seed are removed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import SEED

from generator.cli import main
from generator.write import MANIFEST, read_manifest

Tree = Callable[[Path], dict[str, bytes]]
EDIT = "\nAn editor's sentence, typed straight into docs/.\n"


def build(project: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str]:
    code = main(["build", *flags, "--project", str(project)])
    return code, capsys.readouterr().err


def edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + EDIT, encoding="utf-8")


def change_seed(project: Path) -> None:
    seed = project / "seeds" / SEED.name
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("Challenge", "Vyzov"), encoding="utf-8")


def test_build_refuses_to_overwrite_a_hand_edit_and_says_how_to_resolve_it(
    built_project: Path, tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(built_project / "docs" / "film.md")
    change_seed(built_project)  # other pages change too: none of them may be written either
    before = tree_bytes(built_project / "docs")
    code, err = build(built_project, capsys)
    assert code == 1
    assert err.splitlines() == [
        "docs/film.md: edited by hand since the generator wrote it; to keep the edit, move it "
        "into the seed (or a corrections file) and build again, or copy the file elsewhere; "
        "to discard it, run `python -m generator build --force`",
        "Nothing was written.",
    ]
    assert tree_bytes(built_project / "docs") == before
    code, err = build(built_project, capsys, "--check")
    assert code == 1 and "docs/film.md" in err


def test_force_discards_the_edit(built_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = built_project / "docs" / "film.md"
    generated = page.read_bytes()
    edit(page)
    assert build(built_project, capsys, "--force")[0] == 0
    assert page.read_bytes() == generated
    assert build(built_project, capsys)[0] == 0


def test_undoing_the_edit_by_hand_clears_the_conflict(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = built_project / "docs" / "film.md"
    generated = page.read_bytes()
    edit(page)
    assert build(built_project, capsys)[0] == 1
    page.write_bytes(generated)
    assert build(built_project, capsys)[0] == 0


def test_deleted_generated_page_is_simply_written_again(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = built_project / "docs" / "crew.md"
    generated = page.read_bytes()
    page.unlink()
    assert build(built_project, capsys)[0] == 0
    assert page.read_bytes() == generated


def test_files_we_did_not_write_are_never_touched(
    project_factory: Callable[..., Path], tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_factory({SEED.name: SEED.read_bytes()})
    docs = project / "docs"
    (docs / "about.md").write_text("# About us\n", encoding="utf-8")
    (docs / "articles").mkdir()
    (docs / "articles" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    ours = {"about.md", "articles/notes.md", "assets/site.css", "robots.txt"}
    mine = {k: v for k, v in tree_bytes(docs).items() if k in ours}
    assert len(mine) == 4
    assert build(project, capsys)[0] == 0
    change_seed(project)
    assert build(project, capsys, "--force")[0] == 0
    (project / "seeds" / SEED.name).unlink()  # every generated page goes…
    (project / "seeds" / "other.md").write_text("Another story, told briefly.\n", encoding="utf-8")
    assert build(project, capsys)[0] == 0
    after = tree_bytes(docs)
    assert {k: v for k, v in after.items() if k in ours} == mine  # …ours all stay
    assert not set(read_manifest(docs)) & ours


def test_hand_written_file_where_a_page_would_go_is_a_conflict(
    project_factory: Callable[..., Path], tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_factory({SEED.name: SEED.read_bytes()})
    (project / "docs" / "crew.md").write_text("# Our own crew page\n", encoding="utf-8")
    before = tree_bytes(project / "docs")
    for flags in ((), ("--force",)):
        code, err = build(project, capsys, *flags)
        assert code == 1
        assert err.startswith(
            "docs/crew.md: exists but was not written by the generator, which would need that "
            "name; rename or move your file and build again\n"
        )
        assert tree_bytes(project / "docs") == before


def test_pages_of_a_removed_seed_are_removed(
    project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED.read_text(encoding="utf-8")
    project = project_factory({"one.md": text, "two.md": text.replace("Peresild", "Peresildova")})
    articles = project / "docs" / "articles"
    assert build(project, capsys)[0] == 0
    assert (articles / "two.md").is_file()
    (project / "seeds" / "two.md").unlink()
    assert build(project, capsys)[0] == 0
    assert not (articles / "two.md").exists() and (articles / "one.md").is_file()
    assert "articles/two.md" not in read_manifest(project / "docs")


def test_edited_page_of_a_removed_seed_is_kept_until_the_editor_decides(
    project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED.read_text(encoding="utf-8")
    project = project_factory({"one.md": text, "two.md": text.replace("Peresild", "Peresildova")})
    assert build(project, capsys)[0] == 0
    page = project / "docs" / "articles" / "two.md"
    edit(page)
    (project / "seeds" / "two.md").unlink()
    code, err = build(project, capsys)
    assert code == 1 and err.startswith("docs/articles/two.md: edited by hand")
    assert EDIT in page.read_text(encoding="utf-8")
    assert build(project, capsys, "--force")[0] == 0
    assert not page.exists()


def test_mkdocs_hook_warns_and_keeps_the_edit(built_project: Path) -> None:
    page = built_project / "docs" / "film.md"
    edit(page)
    edited = page.read_bytes()
    change_seed(built_project)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(built_project / "site")],
        cwd=built_project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    output = result.stdout + result.stderr
    assert "WARNING -  generator: docs/film.md: edited by hand" in output
    assert "Traceback" not in output
    assert page.read_bytes() == edited
    # The hook still brought every other page up to date (the seed now says "Vyzov").
    assert "Vyzov" in (built_project / "docs" / "articles" / f"{SEED.stem}.md").read_text()
    assert (built_project / "docs" / MANIFEST).is_file()
