"""The journaled swap: how docs/ goes from one build's files to the next, all or nothing, even
across a kill -9, a SIGTERM or a power cut of the process.

1. Stage: every new file is written (and fsynced) beside its target as `.<name>.generator-new`.
2. Journal: `.generator-journal.json` lists every change (path, digest before, digest after);
   it is written to a temporary name, fsynced, and renamed into place.
3. Swap, in order (the manifest last): right before each file is replaced, its bytes are
   checked against what the plan saw (a hand edit saved meanwhile stops the build, and
   everything is put back); the old file is kept as `.<name>.generator-old` (a hard link, so
   the target never disappears); then the staged file is renamed over it, or it is deleted.
4. Done: the journal is removed (from then on the build is complete), then the kept old files.

If anything fails or interrupts step 3, every change is rolled back from the kept old files.
If the process dies instead, the next build (holding the lock) finds the journal and rolls back
the same way before it plans, so the interrupted build never shows up as a hand edit; a file
that matches neither side (edited after the crash) is left alone. Staging and kept files
without a journal are leftovers of a finished or never-committed swap and are removed: none
outlives the next build. Dot-files all: MkDocs never publishes them, .gitignore covers them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import posixpath
import re
import signal
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

JOURNAL = ".generator-journal.json"
STAGED_SUFFIX = ".generator-new"
KEPT_SUFFIX = ".generator-old"
_JOURNAL_TEMP = f"{JOURNAL}{STAGED_SUFFIX}"
_DIGEST = re.compile(r"[0-9a-f]{64}")
_BAD_PATH_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\\]")
_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@dataclass(frozen=True)
class Change:
    path: str  # docs-relative, canonical POSIX
    content: bytes | None  # None: delete the file
    old: str | None  # digest of the file when the build planned; None: there was none


class ChangedMeanwhile(Exception):
    """A file changed between planning and replacing it (a hand edit saved meanwhile)."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def canonical_problem(rel: object) -> str | None:
    """Why `rel` is not a canonical docs-relative path (None: it is one)."""
    if not isinstance(rel, str) or not rel:
        return "is not a path"
    if _BAD_PATH_CHARS.search(rel):
        return "holds a control character or backslash"
    if rel.startswith("/") or posixpath.normpath(rel) != rel or rel.split("/")[0] == "..":
        return "is not a plain path inside docs/ (no '/' first, no '.' or '..' parts)"
    return None


def file_digest(target: Path) -> str | None:
    """Digest of a regular file's bytes; None when nothing is there; "" for anything else."""
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError:
        return "" if os.path.lexists(target) else None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        return digest(handle.read())


def _staged(docs: Path, rel: str) -> Path:
    target = docs / rel
    return target.with_name(f".{target.name}{STAGED_SUFFIX}")


def _kept(docs: Path, rel: str) -> Path:
    target = docs / rel
    return target.with_name(f".{target.name}{KEPT_SUFFIX}")


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_synced(path: Path, content: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block is done (a roll-back is not cut short)."""
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    except (AttributeError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def swap(docs: Path, changes: Sequence[Change]) -> None:
    """Apply `changes` to docs/ all or nothing (see the module's docstring)."""
    created: list[str] = []
    staged: list[Path] = []
    try:
        for change in changes:
            if change.content is None:
                continue
            for parent in reversed(PurePosixPath(change.path).parents):
                folder = docs / parent
                if str(parent) != "." and not folder.exists():
                    folder.mkdir()
                    created.append(str(parent))
            staging = _staged(docs, change.path)
            staged.append(staging)
            _write_synced(staging, change.content)
        record = {
            "version": 1,
            "created": created,
            "changes": [
                {
                    "path": c.path,
                    "old": c.old,
                    "new": None if c.content is None else digest(c.content),
                }
                for c in changes
            ],
        }
        _write_synced(docs / _JOURNAL_TEMP, json.dumps(record, indent=1).encode("utf-8"))
        os.replace(docs / _JOURNAL_TEMP, docs / JOURNAL)  # the commit point of the swap
        _fsync_dir(docs)
    except BaseException:
        with _signals_held():
            for path in [*staged, docs / _JOURNAL_TEMP]:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)
            _remove_folders(docs, created)
        raise
    try:
        for change in changes:
            target = docs / change.path
            if file_digest(target) != change.old:
                raise ChangedMeanwhile(change.path)
            if change.old is not None:
                _keep(target, _kept(docs, change.path))
            if change.content is None:
                target.unlink()
            else:
                os.replace(_staged(docs, change.path), target)
    except BaseException:
        with _signals_held():
            roll_back(docs)
        raise
    (docs / JOURNAL).unlink()  # from here on the build is complete
    _fsync_dir(docs)
    for change in changes:
        with contextlib.suppress(OSError):
            _kept(docs, change.path).unlink(missing_ok=True)
        if change.content is None:
            _remove_empty_parents(docs / change.path, docs)


def _keep(target: Path, kept: Path) -> None:
    """The old file under its kept name: a hard link (the target stays in place), or a copy."""
    kept.unlink(missing_ok=True)
    try:
        os.link(target, kept, follow_symlinks=False)
    except OSError:
        _write_synced(kept, target.read_bytes())


def roll_back(docs: Path) -> list[str]:
    """Undo the swap the journal describes, if any; then remove every leftover staging and kept
    file. → the docs-relative paths that could not be put back (left for the plan to report)."""
    journal = docs / JOURNAL
    record = _load_journal(journal)
    lost: list[str] = []
    if record is not None:
        entries, created = record
        for rel, old, new in reversed(entries):
            target, kept = docs / rel, _kept(docs, rel)
            current = file_digest(target)
            try:
                if current == old:
                    pass  # never replaced, or already put back
                elif current == new or (current is None and old is not None):
                    if old is None:
                        target.unlink()
                    elif kept.exists():
                        os.replace(kept, target)
                    else:
                        lost.append(rel)
                # else: edited since the crash: left as it is, for the plan to report
            except OSError:
                lost.append(rel)
        for rel, _, new in entries:
            if new is None:
                _remove_empty_parents(docs / rel, docs)
        _remove_folders(docs, created)
    with contextlib.suppress(OSError):
        journal.unlink(missing_ok=True)
    _fsync_dir(docs)
    sweep(docs)
    return lost


Entry = tuple[str, str | None, str | None]  # path, digest before, digest after (None: absent)


def _load_journal(journal: Path) -> tuple[list[Entry], list[str]] | None:
    """The journal's changes and created folders, if there is a journal that reads right (it
    is written whole, then renamed into place: one that does not read right was not written by
    a build, and is dropped)."""
    try:
        raw = json.loads(journal.read_bytes()[:50_000_000])
        entries: list[Entry] = [(c["path"], c["old"], c["new"]) for c in raw["changes"]]
        created = [str(p) for p in raw["created"] if canonical_problem(p) is None]
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    for rel, *sides in entries:
        if canonical_problem(rel) is not None:
            return None
        for value in sides:
            if value is not None and not (isinstance(value, str) and _DIGEST.fullmatch(value)):
                return None
    return entries, created


def sweep(docs: Path) -> None:
    """Remove staging and kept files, wherever they were left (no swap is under way: the caller
    holds the lock and no journal is left)."""
    for folder, dirs, files in os.walk(docs):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") and name.endswith((STAGED_SUFFIX, KEPT_SUFFIX)):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


def pending(docs: Path) -> bool:
    """Whether an interrupted swap (or its leftovers) waits for the next build."""
    if (docs / JOURNAL).exists():
        return True
    for _, dirs, files in os.walk(docs):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(n.startswith(".") and n.endswith((STAGED_SUFFIX, KEPT_SUFFIX)) for n in files):
            return True
    return False


def _remove_folders(docs: Path, created: Sequence[str]) -> None:
    for rel in sorted(created, key=len, reverse=True):
        with contextlib.suppress(OSError):
            (docs / rel).rmdir()


def _remove_empty_parents(path: Path, docs: Path) -> None:
    parent = path.parent
    while parent != docs and docs in parent.parents:
        try:
            if any(parent.iterdir()):
                return
            parent.rmdir()
        except OSError:
            return
        parent = parent.parent
