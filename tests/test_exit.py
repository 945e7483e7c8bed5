"""`python -m generator` ends its process at once (cli.exit_now): what the interpreter's exit
does that matters (atexit handlers, the flush of stdout and stderr, the exit code) still
happens; what it skips is freeing each object of the build; with a thread still running the
exit is the normal one, which waits for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import REPO, SEED, make_project


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )


def test_exit_now_runs_the_atexit_handlers_and_flushes_the_streams() -> None:
    done = _run(
        "import atexit, sys\n"
        "from generator.cli import exit_now\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "print('buffered', end='')\n"
        "sys.stderr.write('to stderr')\n"
        "exit_now(3)\n"
    )
    assert (done.returncode, done.stdout, done.stderr) == (3, "bufferedatexit ran\n", "to stderr")


def test_exit_now_waits_for_a_thread_still_running() -> None:
    done = _run(
        "import threading, time\n"
        "from generator.cli import exit_now\n"
        "def late():\n"
        "    time.sleep(0.2)\n"
        "    print('thread done', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "exit_now(4)\n"
    )
    assert (done.returncode, done.stdout) == (4, "thread done\n")


def test_the_command_line_says_and_returns_what_it_did(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.md": SEED.read_text(encoding="utf-8")})

    def generator(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "generator", *args, "--project", str(project)]
        return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)

    stale = generator("build", "--check")
    assert stale.returncode == 1 and "docs/ is out of date" in stale.stderr
    built = generator("build")
    assert built.returncode == 0 and built.stdout.startswith("wrote "), built.stderr
    assert list((project / ".cache" / "generator" / "code").glob("patterns-*.bin"))
    again = generator("build", "--check")
    assert (again.returncode, again.stdout) == (0, "docs/ is up to date with seeds/\n")
