"""The saved process state (generator/state.py, issue 14): a new process (`python -m generator
build`, `mkdocs build`, `make serve`'s first build) takes what the last one kept between builds
(analysis in memory, compose's shares, paging's and share's maps, the page memo) from
.cache/generator/state-*.bin. Whatever it takes, docs/ must be byte for byte what a build with no
cache at all writes, after any kind of edit; a damaged, planted or foreign state is refused
(never fatal, never run) and replaced by the next build."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import CORPUS, REPO, SEED, make_project
from test_edit_path import STEPS, Tree, clean_builds, docs_tree, edit, seeds_of

from generator import build as build_module
from generator import cache, compose, keep, memo, share, state
from generator.build import build
from generator.site import Project


def forget_process() -> None:
    """As a new process starts: nothing in memory, and its first build takes the state."""
    state.wait()
    cache.forget_memory()
    compose.forget()
    keep.forget()
    memo.forget()
    share.forget()
    build_module.restore(None)
    state.forget()


@pytest.fixture(autouse=True)
def new_process() -> Iterator[None]:
    forget_process()
    yield
    forget_process()


def state_files(project: Path) -> list[Path]:
    """The saved states, once every writer (of this process or another) is done."""
    state.wait()
    folder = project / ".cache" / "generator"
    held = state._locked(folder / "state-x.bin", exclusive=False) if folder.is_dir() else None
    if held is not None:
        os.close(held)
    return sorted(folder.glob("state-*.bin"))


_FRESH_BUILD = """
import json, sys
from pathlib import Path
from generator import state
from generator.build import build
from generator.site import Project
result = build(Project(Path(sys.argv[1])))
assert result.applied and not result.plan.conflicts
print(json.dumps(state.stats))
"""


def run_fresh(script: str, *args: Path) -> subprocess.CompletedProcess[str]:
    """`script` in a new Python, caches on, one worker, the state writer as the CLI has it."""
    env = {**os.environ, "GENERATOR_WORKERS": "1"}
    env.pop("GENERATOR_CACHE", None)
    env.pop("GENERATOR_STATE_WRITER", None)
    return subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def fresh_build(project: Path) -> dict[str, int]:
    """`generator build` in a new process, caches on (a forked state writer, as `generator
    build` runs); → its state.stats."""
    done = run_fresh(_FRESH_BUILD, project)
    assert done.returncode == 0, done.stderr
    stats: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return stats


def site_name(project: Path, name: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    head, _, rest = text.partition("site_name:")
    _, _, tail = rest.partition("\n")
    config.write_text(f"{head}site_name: {name}\n{tail}", encoding="utf-8")


FRESH_STEPS: list[tuple[str, Callable[[Path], object]]] = [
    *STEPS,
    ("the site renamed", lambda s: site_name(s.parent, "Another story")),
    ("nothing changed", lambda s: None),
]


def test_fresh_process_rebuilds_write_what_a_build_without_caches_writes(tmp_path: Path) -> None:
    """Each step in a new process that takes the state the last one saved: every output byte
    is what `generator build` with GENERATOR_CACHE=off writes from the same inputs."""
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    project = make_project(tmp_path / "live", seeds)
    assert fresh_build(project)["loaded"] == 0  # nothing saved yet
    assert len(state_files(project)) == 1
    trees: list[tuple[str, Tree]] = []
    references: list[Path] = []
    for n, (what, change) in enumerate(FRESH_STEPS):
        change(project / "seeds")
        stats = fresh_build(project)
        assert stats["loaded"] == 1 and stats["refused"] == 0, what  # it took the state
        trees.append((what, docs_tree(project / "docs")))
        reference = make_project(tmp_path / f"clean{n}", seeds_of(project))
        (reference / "mkdocs.yml").write_bytes((project / "mkdocs.yml").read_bytes())
        references.append(reference)
    for (what, tree), clean in zip(trees, clean_builds(references), strict=True):
        assert sorted(tree) == sorted(clean), what
        differing = sorted(name for name in clean if tree[name] != clean[name])
        assert differing == [], (what, differing)


def test_a_new_process_renders_only_the_pages_an_edit_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))[:4]})
    project = Project(make_project(tmp_path / "p", seeds))
    assert build(project).applied
    pages = sum(1 for p in project.docs.rglob("*.md"))
    edit(project.seeds / "nasa_article_329.txt", "research", "zq research")
    forget_process()
    rendered: list[str] = []
    real = build_module.render_page  # type: ignore[attr-defined]

    def counting(page: compose.Page, extra: dict[str, str] | None = None) -> str:
        rendered.append(page.path)
        return real(page, extra)

    monkeypatch.setattr(build_module, "render_page", counting)
    assert build(project).applied
    assert state.stats["loaded"] >= 1
    in_new_process = sorted(rendered)
    (clean,) = clean_builds([make_project(tmp_path / "clean", seeds_of(project.root))])
    assert docs_tree(project.docs) == clean
    # The control: the same edit in a process that made the last build itself.
    edit(project.seeds / "nasa_article_329.txt", "zq research", "research")
    assert build(project).applied
    rendered.clear()
    edit(project.seeds / "nasa_article_329.txt", "research", "zq research")
    assert build(project).applied
    assert in_new_process == sorted(rendered)
    assert "articles/nasa-article-329.md" in rendered and len(rendered) < pages / 2


def _planted(marker: Path) -> bytes:
    """A pickle that would create `marker` if anything in it were called."""

    class Plant:
        def __reduce__(self) -> tuple[object, tuple[str, str]]:
            return (open, (str(marker), "w"))

    return pickle.dumps({"format": state.FORMAT, "parts": {"analysis": Plant()}}, protocol=5)


def _with_checksum(payload: bytes) -> bytes:
    import hashlib

    return state._MAGIC + hashlib.sha256(payload).digest() + payload


def _into_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


DAMAGES: dict[str, Callable[[Path], object]] = {
    "a byte flipped": lambda p: p.write_bytes(
        (lambda d: d[:-100] + bytes([d[-100] ^ 1]) + d[-99:])(p.read_bytes())
    ),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "empty": lambda p: p.write_bytes(b""),
    "not ours": lambda p: p.write_bytes(b"\x00" * 4096),
    "planted code": lambda p: p.write_bytes(_with_checksum(_planted(p.parent / "PLANTED"))),
    "wrong shape": lambda p: p.write_bytes(
        _with_checksum(pickle.dumps({"format": state.FORMAT, "parts": {"memo": [1, 2]}}))
    ),
    "wrong types": lambda p: p.write_bytes(
        _with_checksum(
            pickle.dumps(
                {
                    "format": state.FORMAT,
                    "parts": {name: {"x": 1} for name in state._PARTS},
                }
            )
        )
    ),
    "another format": lambda p: p.write_bytes(
        _with_checksum(pickle.dumps({"format": state.FORMAT + 1, "parts": {}}))
    ),
    "a folder": lambda p: _into_folder(p),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_state_is_refused_and_replaced(tmp_path: Path, damage: str) -> None:
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))[:2]})
    project = Project(make_project(tmp_path / "p", seeds))
    assert build(project).applied
    expected = docs_tree(project.docs)
    (saved,) = state_files(project.root)
    DAMAGES[damage](saved)
    edit(project.seeds / SEED.name, "Yulia Peresild", "Yulia Peresilt")
    forget_process()
    before = dict(state.stats)
    assert build(project).applied  # never fatal
    assert state.stats["loaded"] == before["loaded"]  # refused: built as a new process did
    assert not (saved.parent / "PLANTED").exists()  # nothing in it was run
    (clean,) = clean_builds([make_project(tmp_path / "clean", seeds_of(project.root))])
    assert docs_tree(project.docs) == clean != expected
    if damage != "a folder":  # a folder in its place is left alone (and never read)
        forget_process()
        assert state.restore(project.root)  # the build replaced it with a good one


def test_the_state_is_named_after_the_code_data_and_libraries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = state.state_key.__wrapped__()
    monkeypatch.setattr(state, "generator_version", lambda: "another version")
    assert state.state_key.__wrapped__() != key
    monkeypatch.undo()
    monkeypatch.setattr(state, "_LIBRARIES", (*state._LIBRARIES[:-1], "json"))
    assert state.state_key.__wrapped__() != key


def test_off_means_no_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENERATOR_CACHE", "off")
    project = Project(make_project(tmp_path / "p", {SEED.name: SEED.read_bytes()}))
    assert build(project).applied
    assert state_files(project.root) == []


def test_a_long_lived_process_saves_once_when_it_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project(make_project(tmp_path / "p", {SEED.name: SEED.read_bytes()}))
    monkeypatch.setattr(state, "_long_lived", [None])  # as after state.long_lived()
    assert build(project).applied
    assert state_files(project.root) == []  # not after each build
    state._save_at_exit()
    assert len(state_files(project.root)) == 1
    forget_process()
    assert state.restore(project.root)


def test_a_state_of_another_version_is_removed_when_one_is_saved(tmp_path: Path) -> None:
    project = Project(make_project(tmp_path / "p", {SEED.name: SEED.read_bytes()}))
    old = project.root / ".cache" / "generator" / "state-0123456789abcdef0123456789abcdef.bin"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old")
    assert build(project).applied
    assert state_files(project.root) == [state.state_path(project.root)]


def test_a_build_that_changed_nothing_leaves_the_state_as_it_was(tmp_path: Path) -> None:
    project = Project(make_project(tmp_path / "p", {SEED.name: SEED.read_bytes()}))
    assert build(project).applied
    (saved,) = state_files(project.root)
    before = saved.stat().st_mtime_ns
    forget_process()
    assert build(project).applied and state.stats["loaded"] >= 1
    assert saved.stat().st_mtime_ns == before  # nothing analysed or rendered: not rewritten
    edit(project.seeds / SEED.name, "Yulia Peresild", "Yulia Peresilt")
    assert build(project).applied
    assert state_files(project.root) == [saved] and saved.stat().st_mtime_ns != before


# A build whose state writer stops half-way (its temporary file begun, the lock held) until
# the file argv[2] exists; the writer's pid goes to argv[3].
_STALLED_BUILD = """
import json, os, sys, time
from pathlib import Path
from generator import state
from generator.build import build
from generator.site import Project
real = state._write
def stalled(path, body):
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temp.write_bytes(state._MAGIC + b"half of a state")
    Path(sys.argv[3]).write_text(str(os.getpid()))
    while not Path(sys.argv[2]).exists():
        time.sleep(0.01)
    temp.unlink()
    return real(path, body)
state._write = stalled
result = build(Project(Path(sys.argv[1])))
assert result.applied and not result.plan.conflicts
print(json.dumps(state.stats))
"""


def _writer_pid(pid_file: Path) -> int:
    """The stalled writer's pid, once it has begun (it starts after its build returned)."""
    for _ in range(30_000):
        if pid_file.is_file() and pid_file.read_text():
            return int(pid_file.read_text())
        import time

        time.sleep(0.01)
    raise AssertionError("the writer never started")


def _lock_is_free(project: Path) -> bool:
    import fcntl

    lock = project / ".cache" / "generator" / "state.lock"
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the background writer needs fork")
def test_a_killed_writer_leaves_no_state_and_the_next_build_is_right(tmp_path: Path) -> None:
    """The build returns (its caller's pipes closed) while its writer is still at work; killed
    there, it leaves a temporary file only: the next process takes no state, is not misled by
    the half-written file, writes what a build without caches writes, and saves a good one."""
    import signal

    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))[:2]})
    project = make_project(tmp_path / "p", seeds)
    go, pid_file = tmp_path / "go", tmp_path / "pid"
    done = run_fresh(_STALLED_BUILD, project, go, pid_file)  # returns with the writer stalled
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["saved"] == 1
    pid = _writer_pid(pid_file)
    folder = project / ".cache" / "generator"
    assert list(folder.glob("state-*.bin")) == []  # not renamed into place yet
    (partial,) = folder.glob(".state-*.tmp-*")
    assert not _lock_is_free(project)  # the writer holds it
    os.kill(pid, signal.SIGKILL)
    while not _lock_is_free(project):  # the kernel drops a dead writer's lock
        pass
    edit(project / "seeds" / SEED.name, "Yulia Peresild", "Yulia Peresilt")
    stats = fresh_build(project)
    assert stats["loaded"] == 0 and stats["refused"] == 0  # nothing half-written was read
    assert not partial.exists()  # the next save removed what the killed writer left
    (clean,) = clean_builds([make_project(tmp_path / "clean", seeds_of(project))])
    assert docs_tree(project / "docs") == clean
    assert len(state_files(project)) == 1
    assert fresh_build(project)["loaded"] == 1  # and the one it saved is taken


_WAITING_BUILD = """
import fcntl, json, os, sys
from pathlib import Path
from generator import state
from generator.build import build
from generator.site import Project
folder = Path(sys.argv[1]) / ".cache" / "generator"
fd = os.open(folder / "state.lock", os.O_RDWR)
try:
    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    busy = False
except BlockingIOError:
    busy = True
os.close(fd)
saved_before = bool(list(folder.glob("state-*.bin")))
print(json.dumps({"busy": busy, "saved_before": saved_before}), flush=True)
Path(sys.argv[2]).write_text("go")  # let the last build's writer finish
result = build(Project(Path(sys.argv[1])))
assert result.applied and not result.plan.conflicts
print(json.dumps(state.stats))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the background writer needs fork")
def test_the_next_process_waits_for_the_last_ones_writer(tmp_path: Path) -> None:
    """A process that starts while the last build's state is still being written waits for
    it (instead of building without it, or reading it half-written)."""
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))[:2]})
    project = make_project(tmp_path / "p", seeds)
    go, pid_file = tmp_path / "go", tmp_path / "pid"
    assert run_fresh(_STALLED_BUILD, project, go, pid_file).returncode == 0
    _writer_pid(pid_file)
    done = run_fresh(_WAITING_BUILD, project, go)
    assert done.returncode == 0, done.stderr
    first, last = (json.loads(line) for line in done.stdout.strip().splitlines()[-2:])
    assert first == {"busy": True, "saved_before": False}  # it started mid-write ...
    assert last["loaded"] == 1 and last["refused"] == 0  # ... and took the finished state
