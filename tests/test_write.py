"""The writer: plan/apply, the manifest, and all-or-nothing writes when a run fails halfway."""

from __future__ import annotations

import builtins
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import SEED

from generator import journal
from generator.build import build
from generator.errors import GeneratorError
from generator.site import Project
from generator.write import MANIFEST, Output, apply, digest, plan, read_manifest

Tree = Callable[[Path], dict[str, bytes]]


def outputs(**files: str) -> tuple[Output, ...]:
    return tuple(Output(path.replace("__", "/"), text.encode()) for path, text in files.items())


def test_first_apply_writes_files_and_a_sorted_manifest(tmp_path: Path) -> None:
    apply(plan(tmp_path, outputs(b="2", a__x="1")))
    assert (tmp_path / "a" / "x").read_text() == "1" and (tmp_path / "b").read_text() == "2"
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert list(manifest["files"]) == ["a/x", "b"]
    assert manifest["files"]["b"] == digest(b"2")


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    apply(plan(tmp_path, outputs(a="1", b="2")))
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    again = plan(tmp_path, outputs(a="1", b="2"))
    assert (again.writes, again.deletes, again.manifest_changed) == ((), (), False)
    apply(again)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == stamps


def test_files_no_longer_produced_are_deleted_with_their_empty_folders(tmp_path: Path) -> None:
    apply(plan(tmp_path, outputs(keep="k", gone__deep__x="x")))
    (tmp_path / "mine.css").write_text("hand-written")
    apply(plan(tmp_path, outputs(keep="k")))
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "keep", "mine.css"]
    assert "gone/deep/x" not in read_manifest(tmp_path)


def test_hand_edit_is_a_conflict_and_keeps_the_recorded_hash(tmp_path: Path) -> None:
    apply(plan(tmp_path, outputs(a="v1")))
    (tmp_path / "a").write_text("edited")
    result = plan(tmp_path, outputs(a="v2"))
    assert [(c.path, c.reason) for c in result.conflicts] == [("a", "edited")]
    assert result.writes == ()
    # The manifest must still say what *we* wrote, so the edit keeps showing as an edit.
    assert result.manifest["a"] == digest(b"v1")
    apply(result)  # what the MkDocs hook does: write everything else, leave the edit alone
    assert (tmp_path / "a").read_text() == "edited"
    assert plan(tmp_path, outputs(a="v2")).conflicts == result.conflicts


def test_force_overwrites_hand_edits(tmp_path: Path) -> None:
    apply(plan(tmp_path, outputs(a="v1", b="b")))
    (tmp_path / "a").write_text("edited")
    (tmp_path / "b").write_text("edited too")
    result = plan(tmp_path, outputs(a="v2"), force=True)
    assert result.conflicts == () and result.deletes == ("b",)
    apply(result)
    assert (tmp_path / "a").read_text() == "v2" and not (tmp_path / "b").exists()


def test_unowned_file_in_the_way_is_never_recorded_or_overwritten(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("mine")
    for force in (False, True):
        result = plan(tmp_path, outputs(a="generated", b="b"), force=force)
        assert [(c.path, c.reason) for c in result.conflicts] == [("a", "unowned")]
        assert "a" not in result.manifest
    apply(result)
    assert (tmp_path / "a").read_text() == "mine" and "a" not in read_manifest(tmp_path)


def test_identical_file_is_adopted_after_the_manifest_is_lost(tmp_path: Path) -> None:
    apply(plan(tmp_path, outputs(a="1")))
    (tmp_path / MANIFEST).unlink()
    result = plan(tmp_path, outputs(a="1"))
    assert result.conflicts == () and result.manifest == {"a": digest(b"1")}


@pytest.mark.parametrize("manifest", ["not json", '{"files": 3}', "[]", '{"other": {}}'], ids=str)
def test_damaged_manifest_is_a_one_line_error(tmp_path: Path, manifest: str) -> None:
    (tmp_path / MANIFEST).write_text(manifest)
    with pytest.raises(GeneratorError, match=r"is damaged \(.*\); delete it and build again"):
        plan(tmp_path, outputs(a="1"))


@pytest.mark.parametrize("path", ["../outside", "a/../../outside", "/etc/passwd"])
def test_manifest_cannot_make_us_delete_outside_docs(tmp_path: Path, path: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "outside").write_text("precious")
    (docs / MANIFEST).write_text(json.dumps({"files": {path: digest(b"precious")}}))
    with pytest.raises(GeneratorError, match=r"lists a path outside docs/|is not a plain path"):
        plan(docs, ())
    assert (tmp_path / "outside").read_text() == "precious"


# ---- failed and interrupted runs: all or nothing -----------------------------------------


def _fail_on_call(n: int, real: Callable[..., Any], exc: BaseException) -> Callable[..., Any]:
    calls = 0

    def patched(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == n:
            raise exc
        return real(*args, **kwargs)

    return patched


def _changed_project(built_project: Path) -> Project:
    """A built project whose next build rewrites several pages, adds one and deletes one."""
    seeds = built_project / "seeds"
    text = SEED.read_text(encoding="utf-8")
    (seeds / SEED.name).write_text(text.replace("Challenge", "Vyzov"), encoding="utf-8")
    (seeds / "second.md").write_text(text.replace("Peresild", "Peresildova"), encoding="utf-8")
    return Project(built_project)


def _changes_in(project: Project) -> int:
    result = plan(project.docs, _generate(project))
    return len(result.writes) + len(result.deletes) + 1  # + the manifest


def _generate(project: Project) -> tuple[Output, ...]:
    from generator.build import generate

    return generate(project)


@pytest.mark.parametrize("target", ["os.pwrite", "open"])
def test_failure_on_any_write_leaves_docs_as_it_was(
    built_project: Path, tree_bytes: Tree, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    project = _changed_project(built_project)
    changes = _changes_in(project)
    assert changes >= 4  # several pages change, or this test would prove little
    before = tree_bytes(project.docs)
    for n in range(1, changes + 1):
        with monkeypatch.context() as patch:
            if target == "os.pwrite":
                failing = _fail_on_call(n, os.pwrite, OSError(28, "No space left on device"))
                patch.setattr(os, "pwrite", failing)
            else:
                failing = _fail_on_call(n, builtins.open, PermissionError(13, "Permission denied"))
                patch.setattr(builtins, "open", failing)
            with pytest.raises(
                GeneratorError, match=r"could not be written .*; docs/ is unchanged"
            ):
                build(project)
        assert tree_bytes(project.docs) == before, f"{target} failing on call {n}"
    assert build(project).applied  # and with nothing failing, the same build goes through
    assert tree_bytes(project.docs) != before


def test_interrupt_halfway_through_the_swap_rolls_back(
    built_project: Path, tree_bytes: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _changed_project(built_project)
    before = tree_bytes(project.docs)
    monkeypatch.setattr(os, "pwrite", _fail_on_call(3, os.pwrite, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        build(project)
    assert tree_bytes(project.docs) == before


def test_bad_second_of_three_seeds_leaves_docs_untouched(
    built_project: Path, tree_bytes: Tree
) -> None:
    seeds = built_project / "seeds"
    text = SEED.read_text(encoding="utf-8")
    (seeds / "a-first.md").write_text(text.replace("Peresild", "Peresildova"), encoding="utf-8")
    (seeds / "b-second.md").write_bytes(b"---\npublished: soon\n---\nBody.\n")
    (seeds / "c-third.md").write_text(text.replace("Shipenko", "Shipenkov"), encoding="utf-8")
    before = tree_bytes(built_project / "docs")
    with pytest.raises(GeneratorError, match=r"^seeds/b-second\.md:2: 'published: soon'"):
        build(Project(built_project))
    assert tree_bytes(built_project / "docs") == before


def test_unreadable_docs_file_is_a_one_line_error(
    built_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "crew.md":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(GeneratorError, match=r"crew\.md: cannot be read \(Permission denied\)"):
        build(Project(built_project))


def test_a_swap_rewrites_pages_in_place_and_makes_no_file_of_its_own_in_docs(
    built_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `zensical serve` needs to follow every edit: it tracks files by inode, so a page
    must keep its inode, and no dot-file may appear in docs/ (ext4 gives a freed inode to the
    next new file at once, and Zensical would take that file for the page)."""
    project = _changed_project(built_project)
    docs = project.docs
    before = {p: (p.stat().st_ino, p.read_bytes()) for p in docs.rglob("*") if p.is_file()}
    seen: set[str] = set()
    real = journal._write_in_place

    def watched(target: Path, content: bytes, **how: Any) -> None:
        seen.update(p.relative_to(docs).as_posix() for p in docs.rglob(".*"))
        real(target, content, **how)

    monkeypatch.setattr(journal, "_write_in_place", watched)
    assert build(project).applied
    rewritten = [
        p for p, (_, content) in before.items() if p.exists() and p.read_bytes() != content
    ]
    assert len(rewritten) >= 4
    assert all(p.stat().st_ino == before[p][0] for p in rewritten)
    assert MANIFEST in seen  # the dot-files docs/ already had, and none more
    assert seen <= {p.relative_to(docs).as_posix() for p in before}
    assert not journal.swap_folder(docs).exists()


@pytest.mark.parametrize("files", [2, journal.SYNC_ONCE_FROM + 4])
def test_every_file_a_swap_writes_is_synced_before_its_journal_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: int
) -> None:
    """A power cut must never leave a torn page with no journal to roll it back: each file is
    fsynced (an edit's few files side by side, through the descriptors they were written
    with), or (a swap of many files) all of them by one sync, after the last write and before
    the journal is removed; their old copies too, before the journal is written."""
    first = {f"p{n}.md": f"old {n}" for n in range(files)}
    apply(plan(tmp_path, outputs(**first)))
    events: list[tuple[str, object]] = []
    real_write, real_copy, real_unlink = journal._write_in_place, journal._write_copy, os.unlink
    real_fsync_all = journal._fsync_all
    kept: dict[int, str] = {}  # descriptor left open → the kind of file written through it

    def write(
        target: Path, content: bytes, *, synced: bool = True, keep: list[int] | None = None
    ) -> None:
        real_write(target, content, synced=synced, keep=keep)
        events.append(("write", synced))
        if keep is not None:
            kept[keep[-1]] = "write"

    def copy(path: Path, content: bytes, *, synced: bool, keep: list[int] | None = None) -> None:
        real_copy(path, content, synced=synced, keep=keep)
        events.append((path.parent.name if path.name != "journal.json.new" else "journal", synced))
        if keep is not None:
            kept[keep[-1]] = path.parent.name

    def fsync_all(fds: list[int]) -> None:
        if fds:
            events.append(("fsync", tuple(sorted(kept.pop(fd) for fd in fds))))
        real_fsync_all(fds)

    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        real_unlink(path, *args, **kwargs)
        events.append(("unlink", Path(path).name))

    monkeypatch.setattr(journal, "_write_in_place", write)
    monkeypatch.setattr(journal, "_write_copy", copy)
    monkeypatch.setattr(journal, "_fsync_all", fsync_all)
    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "sync", lambda: events.append(("sync", True)))
    apply(plan(tmp_path, outputs(**{k: v.replace("old", "new") for k, v in first.items()})))
    assert [(tmp_path / k).read_text() for k in first] == [f"new {n}" for n in range(files)]
    gone = events.index(("unlink", "journal.json"))
    writes = [at for at, (kind, _) in enumerate(events) if kind == "write"]
    olds = [at for at, (kind, _) in enumerate(events) if kind == "old"]
    journal_at = next(at for at, (kind, _) in enumerate(events) if kind == "journal")
    assert len(writes) == files + 1 and len(olds) == files + 1  # the pages and the manifest
    assert writes[-1] < gone and olds[-1] < journal_at < writes[0]
    assert events[journal_at][1]  # the journal itself: always fsynced
    assert not kept  # every descriptor kept open was fsynced (and closed)
    fsyncs = [at for at, (kind, _) in enumerate(events) if kind == "fsync"]
    syncs = [at for at, event in enumerate(events) if event == ("sync", True)]
    if files < journal.SYNC_ONCE_FROM:
        assert not syncs and len(fsyncs) == 2
        assert events[fsyncs[0]][1] == ("old",) * (files + 1)
        assert events[fsyncs[1]][1] == ("write",) * (files + 1)
        assert olds[-1] < fsyncs[0] < journal_at and writes[-1] < fsyncs[1] < gone
    else:
        assert not fsyncs and len(syncs) == 2
        assert olds[-1] < syncs[0] < journal_at and writes[-1] < syncs[1] < gone
    assert not any(events[at][1] for at in writes + olds)  # (not one by one)


def test_fsync_all_syncs_and_closes_every_descriptor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fds = [os.open(tmp_path / f"f{n}", os.O_WRONLY | os.O_CREAT) for n in range(3)]
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    journal._fsync_all(list(fds))
    assert sorted(synced) == sorted(fds)
    for fd in fds:
        with pytest.raises(OSError):
            os.fstat(fd)  # closed
    # An error is raised, and every descriptor is closed all the same.
    fds = [os.open(tmp_path / f"g{n}", os.O_WRONLY | os.O_CREAT) for n in range(2)]

    def failing(fd: int) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "fsync", failing)
    pending = list(fds)
    with pytest.raises(OSError):
        journal._fsync_all(pending)
    assert pending == []
    for fd in fds:
        with pytest.raises(OSError):
            os.fstat(fd)


def test_a_hand_written_page_at_a_generated_page_s_address_is_found(tmp_path: Path) -> None:
    """crew.md and crew/index.md (or crew/README.md) are both crew/: a hand-written one in the
    way of a generated page is a conflict, wherever it is; a file at no generated address is
    not (the check lists folders instead of asking for each path: the same answers)."""
    docs = tmp_path / "docs"
    for rel in (
        "crew/index.md",
        "articles/a/README.md",
        "README.md",
        "people/index.md",
        "articles/b/index.md",
        "articles/c/other.md",
        "mission/passages-2/notes.txt",
    ):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("hand\n", encoding="utf-8")
    (docs / "timeline").mkdir()
    (docs / "timeline" / "index.md").mkdir()  # a folder, not a page
    outputs = tuple(
        Output(rel, b"generated\n")
        for rel in (
            "index.md",
            "crew.md",
            "articles/a.md",
            "articles/c.md",
            "people.md",
            "people/cards-1.md",
            "mission/passages-2.md",
            "timeline.md",
        )
    )
    found = plan(docs, outputs, built_before=False)
    assert sorted((c.path, c.reason, c.other) for c in found.conflicts) == [
        ("README.md", "shadows", "index.md"),
        ("articles/a/README.md", "shadows", "articles/a.md"),
        ("crew/index.md", "shadows", "crew.md"),
        ("people/index.md", "shadows", "people.md"),
    ]


@pytest.mark.parametrize(
    "manifest",
    [
        {},
        {"index.md": "a" * 64},
        {"zz.md": "1" * 64, "a/b.md": "2" * 64, "é/ü “q”.md": "3" * 64, 'x"\\\t.md': "4" * 64},
    ],
)
def test_the_manifest_is_written_as_json_with_two_space_indents(manifest: dict[str, str]) -> None:
    from generator.write import _manifest_bytes

    body = {"generator": "python -m generator build", "files": dict(sorted(manifest.items()))}
    expected = (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    assert _manifest_bytes(manifest) == expected
