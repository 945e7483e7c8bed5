"""One build at a time: an advisory lock on docs/, taken by the command line and the MkDocs hook.

The lock is `fcntl.flock` on the docs/ folder itself, so there is no lock file to race over;
the kernel releases it when its holder exits, however it exits (kill -9 too), so a stale lock
never blocks anything. A second build waits up to GENERATOR_LOCK_WAIT seconds (default 10),
then says who holds it. The holder's pid is written in `docs/.generator.lock` (a dot-file: MkDocs
and Zensical leave it out of the site, .gitignore covers it), empty between builds; that file
exists once a build has written docs/, which is how a lost manifest is told from a docs/ no
build ever wrote (write.plan).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import GeneratorError

LOCK_NAME = ".generator.lock"
DEFAULT_WAIT_S = 10.0


def wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("GENERATOR_LOCK_WAIT", DEFAULT_WAIT_S)))
    except ValueError:
        return DEFAULT_WAIT_S


def _holder(docs: Path, fd: int) -> str:
    """Who holds the lock: the pid the holder wrote, else the kernel's lock table."""
    with contextlib.suppress(OSError):
        text = (docs / LOCK_NAME).read_text(encoding="ascii", errors="replace").strip()
        if text.isdigit():
            return f"pid {text}"
    with contextlib.suppress(OSError):
        info = os.fstat(fd)
        inode = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
        for line in Path("/proc/locks").read_text().splitlines():
            fields = line.split()
            if "FLOCK" in fields and inode in fields:
                return f"pid {fields[fields.index(inode) - 1]}"
    return "another process"


def mark_holder(docs: Path) -> None:
    """Write this process's pid in docs/.generator.lock (creating it: docs/ has been built)."""
    with contextlib.suppress(OSError):
        (docs / LOCK_NAME).write_text(f"{os.getpid()}\n", encoding="ascii")


@contextlib.contextmanager
def docs_lock(docs: Path, shown: str, *, shared: bool = False) -> Iterator[None]:
    """Hold the lock on `docs` for the block. `shared` (for --check, which writes nothing):
    wait for a running build, create nothing."""
    try:
        if not shared:
            docs.mkdir(parents=True, exist_ok=True)
        fd = os.open(docs, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError:
        if shared:
            yield  # no docs/ yet: nothing to wait for
            return
        raise GeneratorError(shown, "cannot be created") from None
    except OSError as exc:
        raise GeneratorError(shown, f"cannot be opened ({exc.strerror})") from None
    marked = False
    try:
        deadline = time.monotonic() + wait_seconds()
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise GeneratorError(
                        f"{shown}/",
                        f"another build ({_holder(docs, fd)}) is writing it; wait for it to "
                        "finish and build again",
                    ) from None
                time.sleep(0.05)
        if not shared and (docs / LOCK_NAME).is_file():
            mark_holder(docs)
            marked = True
        try:
            yield
        finally:
            if not shared and (marked or (docs / LOCK_NAME).is_file()):
                with contextlib.suppress(OSError):
                    (docs / LOCK_NAME).write_bytes(b"")  # idle: empty between builds
    finally:
        os.close(fd)  # releases the lock
