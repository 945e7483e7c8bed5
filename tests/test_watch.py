"""`python -m generator watch`: one build per save, none of its own making, errors in one line."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import REPO, SEED
from watchdog.events import (
    FileClosedEvent,
    FileClosedNoWriteEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileOpenedEvent,
    FileSystemEvent,
)

from generator.site import Project
from generator.watch import _Changes, is_input, watch


def test_only_seeds_and_corrections_files_count() -> None:
    assert is_input("seeds/first-film-in-orbit.md")
    assert is_input("seeds/nasa.txt")
    assert is_input("seeds/first-film-in-orbit.corrections.yml")
    assert not is_input("seeds/.first-film-in-orbit.md.swp")
    assert not is_input("seeds/first-film-in-orbit.md~")
    assert not is_input("seeds/4913")
    assert not is_input("seeds/notes.yml")


def after(*events: FileSystemEvent) -> tuple[bool, bool]:
    """(a build is due, the last event that counted ended a save) after `events`."""
    changes = _Changes()
    for event in events:
        changes.on_any_event(event)
    return changes.pending.is_set(), changes.saved


def test_a_build_waits_less_only_after_an_event_that_ends_a_save() -> None:
    seed, other = "seeds/story.md", "seeds/notes.yml"
    assert after(FileModifiedEvent(seed), FileClosedEvent(seed)) == (True, True)
    assert after(FileClosedEvent(seed), FileModifiedEvent(seed)) == (True, False)  # writing on
    assert after(FileCreatedEvent(seed)) == (True, False)
    assert after(FileDeletedEvent(seed)) == (True, False)
    assert after(FileMovedEvent("seeds/.story.md.tmp", seed)) == (True, True)  # into place
    assert after(FileMovedEvent(seed, "seeds/story.md~")) == (True, False)  # moved away
    assert after(FileClosedEvent(seed), FileClosedEvent(other)) == (True, True)  # not counted
    assert after(FileClosedEvent(seed), FileModifiedEvent(other)) == (True, True)
    assert after(FileOpenedEvent(seed), FileClosedNoWriteEvent(seed)) == (False, False)  # read
    assert after(FileClosedEvent(other)) == (False, False)


class Builds:
    """A stand-in for the command line's build: counts calls and can be told to fail."""

    def __init__(self) -> None:
        self.count = 0
        self.changed = threading.Event()

    def __call__(self) -> int:
        self.count += 1
        self.changed.set()
        return 0

    def wait_for(self, count: int, seconds: float = 10) -> bool:
        deadline = time.monotonic() + seconds
        while self.count < count and time.monotonic() < deadline:
            self.changed.wait(0.05)
            self.changed.clear()
        return self.count >= count


@pytest.fixture
def watching(seed_project: Path) -> Iterator[tuple[Path, Builds]]:
    builds = Builds()
    stop = threading.Event()
    # A long quiet time, so that a loaded machine cannot split one burst of writes in two.
    thread = threading.Thread(
        target=watch,
        args=(Project(seed_project), builds),
        kwargs={"stop": stop, "debounce": 0.5, "announce": lambda _: None, "after_save": 0.5},
        daemon=True,
    )
    thread.start()
    try:
        assert builds.wait_for(1), "no first build"
        time.sleep(0.3)  # the observer is scheduled before the first build; let it settle
        yield seed_project, builds
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_a_burst_of_writes_is_one_build_and_other_files_none(
    watching: tuple[Path, Builds],
) -> None:
    project, builds = watching
    seed = project / "seeds" / SEED.name
    text = seed.read_text(encoding="utf-8")
    for n in range(3):  # an editor's save: several events in a few milliseconds
        seed.write_text(text + "\n" * n, encoding="utf-8")
    (project / "seeds" / f"{SEED.name}.corrections.yml").write_text("people: []\n")
    assert builds.wait_for(2)
    time.sleep(1.5)
    assert builds.count == 2, "one burst of saves must be one build"
    (project / "seeds" / ".notes.swp").write_text("x")
    (project / "docs" / "index.md").write_text("written by the build, not watched")
    time.sleep(1.5)
    assert builds.count == 2, "neither an editor's swap file nor docs/ may trigger a build"


def wait_for_text(path: Path, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in path.read_text(encoding="utf-8"):
            return True
        time.sleep(0.1)
    return False


def test_the_command_reports_each_build_and_keeps_going_after_bad_input(
    seed_project: Path, tmp_path: Path
) -> None:
    out, err = tmp_path / "watch.out", tmp_path / "watch.err"
    with open(out, "w") as stdout, open(err, "w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "watch", "--project", str(seed_project)],
            stdout=stdout,
            stderr=stderr,
        )
    try:
        assert wait_for_text(out, "watching seeds/"), out.read_text() + err.read_text()
        (seed_project / "seeds" / SEED.name).write_text("---\ntitle: [unclosed\n---\nText.\n")
        assert wait_for_text(err, "error: "), out.read_text() + err.read_text()
        time.sleep(0.5)
        assert proc.poll() is None, "the watcher must keep going after bad input"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    first, second = out.read_text().splitlines()[:2]
    assert re.fullmatch(r"wrote \d+ file\(s\), removed 0 file\(s\) in docs/", first), first
    assert second == "watching seeds/ for changes (Ctrl-C to stop)"
    lines = err.read_text().strip().splitlines()
    errors = [line for line in lines if line != "stopped watching"]  # SIGTERM ends it quietly
    assert len(errors) == 1 and errors[0].startswith(f"error: seeds/{SEED.name}"), lines
    assert "Traceback" not in err.read_text()


def test_watch_without_seeds_is_a_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "watch", "--project", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "seeds" in done.stderr, done.stderr
