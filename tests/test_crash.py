"""Crash consistency and one build at a time (issue 11).

A kill harness stops a real build process (SIGKILL) at every file-system change it makes
(rename, link, unlink) and checks that docs/ is then the old state or the new one once the
journal is rolled back, and that the next build succeeds without reporting a hand edit. Also:
SIGTERM and SIGHUP are handled like Ctrl-C, a hand edit saved while a build writes is never
overwritten, two overlapping builds leave no orphan page, a second build says who holds the
lock, and a lost manifest is rebuilt safely.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import REPO, SEED

from generator import journal
from generator.cli import main
from generator.write import MANIFEST, read_manifest

Tree = Callable[[Path], dict[str, bytes]]
TEXT = SEED.read_text(encoding="utf-8")

# A build in a child process whose k-th file-system change (os.replace, os.link, os.unlink,
# os.pwrite, os.ftruncate) kills it (SIGKILL, or the signal given), exactly as `kill -9`
# between two changes would. With "half", only writes count, and the k-th is cut off halfway.
HARNESS = textwrap.dedent(
    """
    import os, signal, sys
    project, k, signame, half = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "half"
    # A shell that starts jobs in the background hands them SIGINT ignored (CI may): restore
    # Python's own handler so the child reacts to SIGINT as a terminal's Ctrl-C would.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    calls = 0
    def wrap(name, real):
        def changed(*args, **kwargs):
            global calls
            calls += not half or name == "pwrite"
            if calls == k and (not half or name == "pwrite"):
                if half:
                    fd, data, offset = args
                    real(fd, bytes(data)[: len(data) // 2], offset)
                os.kill(os.getpid(), getattr(signal, signame))
                if signame == "SIGKILL":
                    time.sleep(10)
            return real(*args, **kwargs)
        return changed
    import time
    for name in ("replace", "link", "unlink", "pwrite", "ftruncate"):
        setattr(os, name, wrap(name, getattr(os, name)))
    from generator.cli import main
    code = main(["build", "--project", project])
    print(calls, file=sys.stderr)
    sys.exit(code)
    """
)


def harness(
    project: Path, k: int, signame: str = "SIGKILL", *, half: bool = False
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", HARNESS, str(project), str(k), signame, "half" if half else "any"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        check=False,
        env={**os.environ, "GENERATOR_WORKERS": "1"},
    )


def docs_state(docs: Path) -> dict[str, bytes]:
    """docs/ as a reader sees it: every file but the empty lock file."""
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in sorted(docs.rglob("*"))
        if p.is_file() and p.name != ".generator.lock"
    }


def change_seeds(project: Path) -> None:
    """The next build rewrites pages, adds an article and deletes one."""
    seeds = project / "seeds"
    (seeds / SEED.name).write_text(TEXT.replace("Challenge", "Vyzov"), encoding="utf-8")
    (seeds / "second.md").write_text(TEXT.replace("Peresild", "Peresildova"), encoding="utf-8")
    (seeds / "third.md").unlink()


@pytest.fixture
def two_states(
    project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A built project (old state) whose seeds have changed, and the docs/ the change gives."""
    third = TEXT.replace("Shipenko", "Shipenkov")
    project = project_factory({SEED.name: TEXT, "third.md": third})
    assert main(["build", "--project", str(project)]) == 0
    old = docs_state(project / "docs")
    change_seeds(project)
    other = project.parent / "expected"
    shutil.copytree(project, other)
    assert main(["build", "--project", str(other)]) == 0
    new = docs_state(other / "docs")
    capsys.readouterr()
    assert old != new and "articles/third.md" in old and "articles/second.md" in new
    return project, old, new


# A build makes ~75 changes (~15 writes): the kill points between changes are shared out over
# SHARDS tests (k = shard + 1, shard + 1 + SHARDS, …, until the build ends), so that two
# workers run them side by side; together they kill the build at every change, as one loop did.
SHARDS = 4
KILLS = [(False, shard, SHARDS) for shard in range(SHARDS)] + [(True, 0, 1)]


@pytest.mark.parametrize(
    ("half", "shard", "shards"),
    KILLS,
    ids=[f"between changes {s + 1} of {n}" if not h else "in a write" for h, s, n in KILLS],
)
def test_a_kill_at_any_change_leaves_old_or_new_and_the_next_build_succeeds(
    half: bool,
    shard: int,
    shards: int,
    two_states: tuple[Path, dict[str, bytes], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, old, new = two_states
    pristine = project.parent / "pristine"
    shutil.copytree(project, pristine)
    seen_old = seen_new = 0
    for k in range(1 + shard, 200, shards):
        shutil.rmtree(project)
        shutil.copytree(pristine, project)
        docs = project / "docs"
        done = harness(project, k, half=half)
        if done.returncode == 0:
            assert k > 5, done.stderr  # the build made several changes: each was a kill point
            assert docs_state(docs) == new
            break
        assert done.returncode == -signal.SIGKILL, done.stderr
        journal.roll_back(docs)  # what the next build does first, under the lock
        state = docs_state(docs)
        assert state in (old, new), f"mixed docs/ after a kill at change {k}"
        seen_old += state == old
        seen_new += state == new
        code = main(["build", "--project", str(project)])
        err = capsys.readouterr().err
        assert (code, err) == (0, ""), f"kill at change {k}: {err}"
        assert docs_state(docs) == new
        assert not journal.pending(docs)
    else:
        pytest.fail("the build never finished")
    assert seen_old  # kills before the end were rolled back


def test_a_hand_edit_after_a_crash_is_kept_and_reported(
    two_states: tuple[Path, dict[str, bytes], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, _, _ = two_states
    docs = project / "docs"
    pristine = project.parent / "pristine"
    shutil.copytree(project, pristine)
    # The first kill point inside the swap (how many cache files the build writes before it
    # varies with the generator's caches).
    for k in range(1, 60):
        shutil.rmtree(project)
        shutil.copytree(pristine, project)
        done = harness(project, k)
        assert done.returncode == -signal.SIGKILL, done.stderr
        if journal.pending(docs):
            break
    else:
        pytest.fail("no kill left a swap to roll back")
    page = docs / "film.md"
    edited = page.read_bytes() + b"\nAn editor's sentence.\n"
    page.write_bytes(edited)
    code = main(["build", "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("docs/film.md: edited by hand"), err
    assert page.read_bytes() == edited
    assert main(["build", "--force", "--project", str(project)]) == 0


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_sigterm_and_sighup_roll_back_like_ctrl_c(
    signame: str, two_states: tuple[Path, dict[str, bytes], dict[str, bytes]]
) -> None:
    project, old, _ = two_states
    done = harness(project, 6, signame)
    expected = 130 if signame == "SIGINT" else 128 + getattr(signal, signame)
    assert done.returncode == expected, done.stderr
    assert done.stderr.startswith("interrupted; docs/ is unchanged\n")
    assert docs_state(project / "docs") == old
    assert not journal.pending(project / "docs")


def test_staging_files_of_a_killed_build_are_removed_by_the_next(
    two_states: tuple[Path, dict[str, bytes], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, _, new = two_states
    docs = project / "docs"
    (docs / ".film.md.generator-new").write_text("left by a build killed while staging")
    (docs / "articles" / ".x.md.generator-old").write_text("left by a finished swap")
    leftover = journal.swap_folder(docs) / "new" / "film.md"  # a swap killed before its commit
    leftover.parent.mkdir(parents=True)
    leftover.write_text("staged, never committed")
    assert main(["build", "--project", str(project)]) == 0
    capsys.readouterr()
    assert docs_state(docs) == new
    assert not journal.swap_folder(docs).exists()


def test_gitignore_covers_the_generators_bookkeeping() -> None:
    ignored = subprocess.run(
        [
            "git",
            "check-ignore",
            "--no-index",
            "docs/.generator.lock",
            ".docs.generator-swap/journal.json",
            "docs/.generator-journal.json",
            "docs/.film.md.generator-new",
            "docs/articles/.x.md.generator-old",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert len(ignored.stdout.split()) == 5, ignored.stdout + ignored.stderr


# ---- a hand edit saved while the build writes ------------------------------------------------


def test_hand_edit_saved_during_the_swap_is_never_overwritten(
    two_states: tuple[Path, dict[str, bytes], dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, old, _ = two_states
    docs = project / "docs"
    page = docs / "mission.md"
    edited = old["mission.md"] + b"\nTyped while the build ran.\n"
    real = os.pwrite
    calls = 0

    def pwrite(fd: int, data: bytes, offset: int) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:  # the journal is committed and a page is written: the editor saves
            page.write_bytes(edited)
        return real(fd, data, offset)

    monkeypatch.setattr(os, "pwrite", pwrite)
    code = main(["build", "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("docs/mission.md: changed while the build was writing"), err
    assert page.read_bytes() == edited
    assert {k: v for k, v in docs_state(docs).items() if k != "mission.md"} == {
        k: v for k, v in old.items() if k != "mission.md"
    }


# ---- one build at a time -----------------------------------------------------------------------


@contextlib.contextmanager
def holding_lock(docs: Path) -> Iterator[None]:
    fd = os.open(docs, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def test_a_second_build_waits_then_names_the_holder(built_project: Path) -> None:
    env = {**os.environ, "GENERATOR_LOCK_WAIT": "0.5"}
    command = [sys.executable, "-m", "generator", "build", "--project", str(built_project)]
    (built_project / "seeds" / SEED.name).write_text(TEXT.replace("Challenge", "Vyzov"))
    with holding_lock(built_project / "docs"):
        start = time.monotonic()
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        waited = time.monotonic() - start
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"error: docs/: another build (pid {os.getpid()}) is writing it; wait for it to finish "
        "and build again\n"
    )
    assert waited >= 0.5
    env["GENERATOR_LOCK_WAIT"] = "30"
    waiter = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    with holding_lock(built_project / "docs"):
        time.sleep(1)  # the waiter is waiting…
        assert waiter.poll() is None
    assert waiter.wait(timeout=60) == 0  # …and builds once the lock is free


SLOW_PLAN = textwrap.dedent(
    """
    import sys, time
    import generator.write as write
    real = write.plan
    def slow(*args, **kwargs):
        result = real(*args, **kwargs)
        print("planned", file=sys.stderr, flush=True)
        time.sleep(3)
        return result
    write.plan = slow
    import generator.build as build
    if hasattr(build, "plan"):
        build.plan = slow
    from generator.cli import main
    sys.exit(main(["build", "--project", sys.argv[1]]))
    """
)


def test_overlapping_builds_leave_no_orphan_page(
    project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_factory({SEED.name: TEXT})
    assert main(["build", "--project", str(project)]) == 0
    capsys.readouterr()
    extra = project / "seeds" / "two.md"
    extra.write_text(TEXT.replace("Peresild", "Peresildova"), encoding="utf-8")
    env = {**os.environ, "GENERATOR_LOCK_WAIT": "60"}
    first = subprocess.Popen(
        [sys.executable, "-c", SLOW_PLAN, str(project)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )
    assert first.stderr is not None
    assert first.stderr.readline() == "planned\n"  # the first build has planned with two.md…
    extra.unlink()  # …the editor removes the article, and a second build starts
    second = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--project", str(project)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert first.wait(timeout=60) == 0
    assert second.returncode == 0, second.stderr
    docs = project / "docs"
    owned = set(read_manifest(docs))
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    assert pages <= owned, f"orphan pages: {pages - owned}"
    assert not (docs / "articles" / "two.md").exists()
    assert main(["build", "--check", "--project", str(project)]) == 0


# ---- a lost or damaged manifest -----------------------------------------------------------------


def test_lost_manifest_is_rebuilt_safely(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = built_project / "docs"
    film = docs / "film.md"
    edited = film.read_bytes() + b"\nA hand edit.\n"
    film.write_bytes(edited)
    (docs / MANIFEST).unlink()
    code = main(["build", "--project", str(built_project)])
    err = capsys.readouterr().err
    # Identical pages are the generator's again; the edited one is a conflict --force resolves.
    assert code == 1
    assert err.splitlines()[0].startswith(
        "docs/film.md: differs from what the generator writes, and docs/.generator-manifest.json"
    )
    assert "--force" in err and len(err.splitlines()) == 2
    assert film.read_bytes() == edited
    assert main(["build", "--force", "--project", str(built_project)]) == 0
    assert film.read_bytes() != edited and "film.md" in read_manifest(docs)
    assert main(["build", "--check", "--project", str(built_project)]) == 0


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        ('{"files": ' + "[" * 100_000 + "]" * 100_000 + "}", "is not the generator's JSON"),
        ('{"files": {"crew\\u0000.md": "' + "0" * 64 + '"}}', "holds a control character"),
        ('{"files": {"./crew.md": "' + "0" * 64 + '"}}', "lists ./crew.md, which is not a plain"),
        ('{"files": {"crew.md\\n\\u001b[2J": "x"}}', "lists crew.md\\n\\x1b[2J, which holds"),
        ('{"files": {"a/../crew.md": "' + "0" * 64 + '"}}', "which is not a plain path"),
    ],
    ids=["nested deep", "NUL", "dot slash", "newline and ANSI", "dot dot"],
)
def test_damaged_manifest_is_one_line_exit_2_and_touches_nothing(
    manifest: str,
    expected: str,
    built_project: Path,
    tree_bytes: Tree,
    capsys: pytest.CaptureFixture[str],
) -> None:
    docs = built_project / "docs"
    (docs / MANIFEST).write_text(manifest, encoding="utf-8")
    before = tree_bytes(docs)
    code = main(["build", "--project", str(built_project)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err[:-1].isprintable(), err
    assert err.startswith("error: docs/.generator-manifest.json: is damaged ("), err
    assert expected in err
    assert tree_bytes(docs) == before
    assert (docs / "crew.md").is_file()
