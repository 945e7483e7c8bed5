"""The journaled swap: how docs/ goes from one build's files to the next, all or nothing, even
across a kill -9, a SIGTERM or a power cut of the process.

Everything but the pages themselves lives in a swap folder beside docs/ (`.docs.generator-swap`,
outside every folder MkDocs and Zensical watch), and every page is rewritten in place, so a
page keeps its inode. Why in place: `zensical serve` (0.0.73) tracks files by inode, and a page
renamed over (or a hard link or dot-file made in docs/ whose inode a freed page's is reused
for, as ext4 does at once) makes it attribute the next change to the wrong file, so the served
page silently kept its old text (measured: 1 edit in 6 lost in tests/test_serve_zensical.py).

1. Copies: the new bytes of every written file (`new/<path>`) and the old bytes of every file
   that changes or goes (`old/<path>`, fsynced), the old bytes checked against what the plan
   saw (a hand edit saved meanwhile stops the build before anything is touched).
2. Journal: `journal.json` lists every change (path, digest before, digest after) and the
   folders the swap makes; it is written to a temporary name, fsynced, and renamed into place.
   That rename is the commit point.
3. Swap, in order (the manifest last): right before each file is written its bytes are checked
   again; then it is rewritten in place (one write, then truncated to length, fsynced), created,
   or deleted. The fsyncs of an edit's few files are issued side by side (they share a commit
   of the file system's journal): its old copies' before the journal is written, its files'
   before the journal is removed. A swap of many files (SYNC_ONCE_FROM) fsyncs none of its
   copies and files but syncs once instead (os.sync), at the same two places (one fsync
   costs about as much as one sync of them all: 312 files of a 100-article build, 0.4–1.5 s
   of waiting → ~0.1 s).
4. Done: the journal is removed (from then on the build is complete), then the swap folder.

If anything fails or interrupts step 3, every change is rolled back from the old copies. If the
process dies instead, the next build (holding the lock) finds the journal and rolls back the
same way before it plans, so the interrupted build never shows up as a hand edit. A file cut
off in the middle of its write is recognised (each of its bytes is the old or the new file's at
that place, its length between theirs) and put back too; a file that is neither (edited after
the crash) is left alone. A swap folder without a journal is the leftover of a finished or
never-committed swap and is removed: nothing outlives the next build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import posixpath
import re
import shutil
import signal
import stat
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

SWAP_SUFFIX = ".generator-swap"
JOURNAL = "journal.json"
_JOURNAL_TEMP = "journal.json.new"
# What earlier versions left in docs/ itself (a journal, staged and kept dot-files beside their
# targets): still rolled back and swept, so an upgrade never strands an interrupted swap.
OLD_JOURNAL = ".generator-journal.json"
STAGED_SUFFIX = ".generator-new"
KEPT_SUFFIX = ".generator-old"
_DIGEST = re.compile(r"[0-9a-f]{64}")
_BAD_PATH_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\\]")
_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
_BLOCK = 4096
# From this many changes a swap syncs once (os.sync) in place of an fsync per file; fewer (an
# edit) fsync each: a sync also waits for every other dirty file of the machine.
SYNC_ONCE_FROM = 16
_FSYNC_THREADS = 8  # fsyncs of a smaller swap issued side by side (_fsync_all)


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


def swap_folder(docs: Path) -> Path:
    """The swap's own folder: beside docs/, so no watcher of docs/ sees what is in it."""
    return docs.with_name(f".{docs.name}{SWAP_SUFFIX}")


def _read_regular(target: Path) -> bytes | None:
    """A regular file's bytes; None when nothing is there. OSError for anything else (a
    folder, a symlink, a FIFO: never followed, never waited on)."""
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(21, "not a regular file", str(target))
        return handle.read()


def file_digest(target: Path) -> str | None:
    """Digest of a regular file's bytes; None when nothing is there; "" for anything else."""
    try:
        content = _read_regular(target)
    except OSError:
        return "" if os.path.lexists(target) else None
    return None if content is None else digest(content)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_copy(path: Path, content: bytes, *, synced: bool, keep: list[int] | None = None) -> None:
    """Write a file of the swap folder; fsynced if `synced`; with `keep`, its descriptor is
    left open there, for the caller to fsync (_fsync_all) and close."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(content)
        handle.flush()
        if synced:
            os.fsync(handle.fileno())
        if keep is not None:
            keep.append(os.dup(handle.fileno()))  # (the same open file: its errors too)


def _write_in_place(
    target: Path, content: bytes, *, synced: bool = True, keep: list[int] | None = None
) -> None:
    """Make `target` hold `content`, keeping its inode (or creating it): one write from the
    start, then truncated to length, then fsynced (unless not `synced`: the caller syncs; with
    `keep`, its descriptor is left open there for that). Never follows a symlink."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)

    try:
        view = memoryview(content)
        done = 0
        while done < len(content):
            done += os.pwrite(fd, view[done:], done)
        os.ftruncate(fd, len(content))
        if synced:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        raise
    if keep is None:
        os.close(fd)
    else:
        keep.append(fd)


def _fsync_all(fds: list[int]) -> None:
    """fsync the files written through `fds` (descriptors kept open since their write, so a
    write-back error is reported to them), side by side, then close them all; `fds` is
    emptied. A few files of an edit: each fsync waits for a commit of the file system's
    journal, and fsyncs issued together share one commit (ext4, XFS, btrfs), so an edit's
    three files wait about as long as one, where one after the other they waited three times.
    Raises the first error (all are closed)."""
    try:
        if len(fds) == 1:
            os.fsync(fds[0])
        elif fds:
            with ThreadPoolExecutor(max_workers=min(len(fds), _FSYNC_THREADS)) as pool:
                for _ in pool.map(os.fsync, fds):
                    pass
    finally:
        _close_all(fds)


def _cut_off_write(current: bytes, old: bytes, new: bytes) -> bool:
    """Whether `current` can be a write of `new` over `old` (or back) cut off part way: its
    length between theirs, and each byte the old or the new file's byte at that place."""
    if not min(len(old), len(new)) <= len(current) <= max(len(old), len(new)):
        return False
    for start in range(0, len(current), _BLOCK):
        piece = current[start : start + _BLOCK]
        if piece in (new[start : start + len(piece)], old[start : start + len(piece)]):
            continue
        for place, byte in enumerate(piece, start):
            if not (
                (place < len(old) and old[place] == byte)
                or (place < len(new) and new[place] == byte)
            ):
                return False
    return True


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


def _folders_to_make(docs: Path, changes: Sequence[Change]) -> list[str]:
    """The folders, parents first, that written files need and docs/ lacks."""
    missing: list[str] = []
    for change in changes:
        if change.content is None:
            continue
        for parent in reversed(PurePosixPath(change.path).parents):
            rel = str(parent)
            if rel != "." and rel not in missing and not (docs / parent).exists():
                missing.append(rel)
    return missing


def swap(docs: Path, changes: Sequence[Change]) -> None:
    """Apply `changes` to docs/ all or nothing (see the module's docstring)."""
    area = swap_folder(docs)
    created = _folders_to_make(docs, changes)
    sync_once = len(changes) >= SYNC_ONCE_FROM and hasattr(os, "sync")
    kept_old = False
    unsynced: list[int] = []  # descriptors of files written, to fsync together (_fsync_all)
    try:
        shutil.rmtree(area, ignore_errors=True)  # a leftover (no journal: roll_back ran first)
        for change in changes:
            if change.content is not None:
                # Only what a cut-off write is checked against: not fsynced (after a power cut
                # without it, a page cut off in its write is reported instead of put back).
                _write_copy(area / "new" / change.path, change.content, synced=False)
            if change.old is not None:
                try:
                    current = _read_regular(docs / change.path)
                except OSError:
                    current = None
                if current is None or digest(current) != change.old:
                    raise ChangedMeanwhile(change.path)
                _write_copy(
                    area / "old" / change.path,
                    current,
                    synced=False,
                    keep=None if sync_once else unsynced,
                )
                kept_old = True
        if sync_once and kept_old:
            os.sync()  # the old copies, before the journal that relies on them
        _fsync_all(unsynced)  # (or each of them, together)
        record = {
            "version": 2,
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
        journal_bytes = json.dumps(record, indent=1).encode("utf-8")
        _write_copy(area / _JOURNAL_TEMP, journal_bytes, synced=True)
        os.replace(area / _JOURNAL_TEMP, area / JOURNAL)  # the commit point of the swap
        _fsync_dir(area)
    except BaseException:
        with _signals_held():
            _close_all(unsynced)
            shutil.rmtree(area, ignore_errors=True)
        raise
    try:
        for rel in created:
            (docs / rel).mkdir(exist_ok=True)
        for change in changes:
            target = docs / change.path
            if file_digest(target) != change.old:
                raise ChangedMeanwhile(change.path)
            if change.content is None:
                os.unlink(target)
            else:
                _write_in_place(
                    target, change.content, synced=False, keep=None if sync_once else unsynced
                )
        if sync_once:
            os.sync()  # every file written, before the journal goes
        _fsync_all(unsynced)  # (or each of them, together: before the journal goes)
    except BaseException:
        with _signals_held():
            _close_all(unsynced)
            roll_back(docs)
        raise
    os.unlink(area / JOURNAL)  # from here on the build is complete
    _fsync_dir(area)
    shutil.rmtree(area, ignore_errors=True)
    for change in changes:
        if change.content is None:
            _remove_empty_parents(docs / change.path, docs)


def _close_all(fds: list[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    fds.clear()


def roll_back(docs: Path) -> list[str]:
    """Undo the swap the journal describes, if any; then remove the swap folder and every
    leftover of earlier versions. → the docs-relative paths that could not be put back (left
    for the plan to report)."""
    area = swap_folder(docs)
    lost: list[str] = []
    record = _load_journal(area / JOURNAL)
    if record is not None:
        entries, created = record
        for rel, old, new in reversed(entries):
            if not _put_back(docs, area, rel, old, new):
                lost.append(rel)
        _tidy_folders(docs, entries, created)
    with contextlib.suppress(OSError):
        (area / JOURNAL).unlink(missing_ok=True)
    _fsync_dir(area)
    shutil.rmtree(area, ignore_errors=True)
    lost += _roll_back_beside(docs)
    sweep(docs)
    return lost


def _put_back(docs: Path, area: Path, rel: str, old: str | None, new: str | None) -> bool:
    """Return one file to its old bytes if the swap touched it. → False when it could not be."""
    target = docs / rel
    try:
        current = _read_regular(target)
    except OSError:
        return True  # not a regular file: not the swap's doing, left for the plan to report
    now = None if current is None else digest(current)
    if now == old:
        return True  # never touched, or already put back
    kept = _copy(area / "old" / rel, old)
    if current is not None and now != new:
        staged = _copy(area / "new" / rel, new)
        if staged is None or not _cut_off_write(current, kept or b"", staged):
            return True  # edited since the crash: left as it is, for the plan to report
    try:
        if old is None:
            target.unlink(missing_ok=True)
        elif kept is None:
            return False
        else:
            _write_in_place(target, kept)
    except OSError:
        return False
    return True


def _copy(path: Path, expected: str | None) -> bytes | None:
    """A copy in the swap folder, if it is there whole (its digest the journal's)."""
    if expected is None:
        return None
    try:
        content = _read_regular(path)
    except OSError:
        return None
    return content if content is not None and digest(content) == expected else None


def _tidy_folders(docs: Path, entries: Sequence[Entry], created: Sequence[str]) -> None:
    for rel, _, new in entries:
        if new is None:
            _remove_empty_parents(docs / rel, docs)
    for rel in sorted(created, key=len, reverse=True):
        with contextlib.suppress(OSError):
            (docs / rel).rmdir()


def _roll_back_beside(docs: Path) -> list[str]:
    """Undo a swap journaled by an earlier version (kept files beside their targets)."""
    journal = docs / OLD_JOURNAL
    record = _load_journal(journal)
    lost: list[str] = []
    if record is not None:
        entries, created = record
        for rel, old, new in reversed(entries):
            target = docs / rel
            kept = target.with_name(f".{target.name}{KEPT_SUFFIX}")
            current = file_digest(target)
            try:
                if current == old:
                    pass
                elif current == new or (current is None and old is not None):
                    if old is None:
                        target.unlink()
                    elif kept.exists():
                        os.replace(kept, target)
                    else:
                        lost.append(rel)
            except OSError:
                lost.append(rel)
        _tidy_folders(docs, entries, created)
    for leftover in (journal, docs / f"{OLD_JOURNAL}{STAGED_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)
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
    """Remove staging and kept dot-files earlier versions left beside their targets (no swap is
    under way: the caller holds the lock and no journal is left)."""
    for folder, dirs, files in os.walk(docs):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") and name.endswith((STAGED_SUFFIX, KEPT_SUFFIX)):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


def pending(docs: Path) -> bool:
    """Whether an interrupted swap (or its leftovers) waits for the next build."""
    if swap_folder(docs).exists() or (docs / OLD_JOURNAL).exists():
        return True
    for _, dirs, files in os.walk(docs):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(n.startswith(".") and n.endswith((STAGED_SUFFIX, KEPT_SUFFIX)) for n in files):
            return True
    return False


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
