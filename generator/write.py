"""The only writer of docs/: plans, then applies all changes at once, or none.

It owns exactly the files listed in docs/.generator-manifest.json (with the hash of the bytes it
wrote). A file whose bytes already match is never rewritten (that is what keeps `mkdocs serve`
from looping); a file it doesn't own is never changed or deleted; an owned file edited by hand is
reported as a conflict instead of being overwritten. Without a manifest (lost, or never there),
a file whose bytes equal what the build would write is adopted, and any other file in the way
is a conflict that only --force resolves. A hand-written page that MkDocs would publish at the
address of a generated one (`crew/index.md` beside `crew.md`) is a conflict too.

`update()` is what builds call: under the lock on docs/ (lock.py) it rolls back a swap that an
earlier, killed build left (journal.py), plans, and applies through the journaled swap.

To plan, every file's bytes must be known. Reading and hashing all of docs/ at every build
costs more than the rest of a one-seed rebuild, so, as git's index does, `OutputIndex` keeps
in `.cache/generator/outputs.json` the digest of each file the generator read or wrote, with
the file's stat (size, mtime_ns, ctime_ns, inode, device) when it had those bytes. A file
whose stat is unchanged is not read again; any change (a hand edit, a `touch`, a copy over
it) changes its stat, so it is read and hashed as before: hand edits are never missed. An
entry whose mtime is within RACY_NS of the moment its stat was taken is not trusted (a second
write in the same clock tick could leave the stat unchanged), nor is a damaged index: then
every file is read, as without one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import stat as stat_
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from . import journal
from .errors import GeneratorError, cut
from .journal import Change, ChangedMeanwhile, canonical_problem, file_digest
from .lock import LOCK_NAME, docs_lock, mark_holder

MANIFEST = ".generator-manifest.json"
MAX_MANIFEST_BYTES = 64_000_000
# The generator's own bookkeeping in docs/: never a page, never owned, never in a manifest.
RESERVED_NAMES = frozenset({MANIFEST, LOCK_NAME, journal.OLD_JOURNAL})
Reason = Literal["edited", "unowned", "unknown", "shadows", "changed"]


@dataclass(frozen=True)
class Output:
    path: str  # docs-relative, POSIX separators
    content: bytes


@dataclass(frozen=True)
class Conflict:
    path: str
    reason: Reason
    other: str = ""  # "shadows": the generated page whose address the hand-written one takes

    def explain(self, docs_shown: str) -> str:
        where = f"{docs_shown}/{self.path}"
        if self.reason == "edited":
            return (
                f"{where}: edited by hand since the generator wrote it; to keep the edit, move it "
                "into the seed (or a corrections file) and build again, or copy the file "
                "elsewhere; to discard it, run `python -m generator build --force`"
            )
        if self.reason == "unknown":
            return (
                f"{where}: differs from what the generator writes, and {docs_shown}/{MANIFEST}, "
                "which records the generator's files, is missing; if it holds a hand edit, copy "
                "it elsewhere; to replace it, run `python -m generator build --force`"
            )
        if self.reason == "shadows":
            return (
                f"{where}: a hand-written page that MkDocs would publish at the address of the "
                f"generated {docs_shown}/{self.other}; rename or move your page and build again"
            )
        if self.reason == "changed":
            return (
                f"{where}: changed while the build was writing {docs_shown}/ (a hand edit saved "
                "just then?); nothing was written: build again"
            )
        return (
            f"{where}: exists but was not written by the generator, which would need that name; "
            "rename or move your file and build again"
        )


@dataclass(frozen=True)
class Plan:
    docs: Path
    writes: tuple[Output, ...] = ()
    deletes: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    manifest: dict[str, str] = field(default_factory=dict)
    manifest_changed: bool = False
    # Digest of each file to write or delete (and of the manifest) as planned; None: absent.
    expected: dict[str, str | None] = field(default_factory=dict)

    @property
    def stale(self) -> tuple[str, ...]:
        """Every docs-relative path that differs from what the seeds produce."""
        paths = {o.path for o in self.writes} | set(self.deletes) | {c.path for c in self.conflicts}
        return tuple(sorted(paths))


# id(content) → (content, digest): the outputs of the last plan, whose bytes objects a rebuild
# often hands back unchanged (the render memo, share cards); the entry keeps the object alive.
_digests: dict[int, tuple[bytes, str]] = {}


def snapshot() -> list[tuple[bytes, str]]:
    """The last plan's digests of its outputs' bytes objects, for the next process (state.py)."""
    return list(_digests.values())


def restore(value: object) -> None:
    _digests.clear()
    if value is None:
        return
    for content, value_digest in value:  # type: ignore[attr-defined]
        if type(content) is not bytes or type(value_digest) is not str:
            raise TypeError("not a digest entry")
        _digests[id(content)] = (content, value_digest)


def digest(content: bytes) -> str:
    known = _digests.get(id(content))
    if known is not None and known[0] is content:
        return known[1]
    return journal.digest(content)


def _output_digests(outputs: tuple[Output, ...]) -> dict[str, str]:
    """Each output's digest, reusing the last plan's for the very same bytes objects."""
    fresh: dict[int, tuple[bytes, str]] = {}
    found: dict[str, str] = {}
    for output in outputs:
        value = digest(output.content)
        fresh[id(output.content)] = (output.content, value)
        found[output.path] = value
    _digests.clear()
    _digests.update(fresh)
    return found


OUTPUT_INDEX = "outputs.json"  # in the project's .cache/generator/ (build.output_index)
RACY_NS = 2_000_000_000  # 2 s: coarser than any file system's timestamps (FAT: 2 s)
INDEX_FORMAT = 1
Stat = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device


def regular_stat(target: Path | str) -> Stat | None:
    """A regular file's stat (not following a link); None for anything else or nothing."""
    try:
        found = os.lstat(target)
    except OSError:
        return None
    if not stat_.S_ISREG(found.st_mode):
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)


# The index file as this process last read or wrote it: its path → (its stat then, the docs/
# it describes, its entries). A long-lived process takes the entries back from here instead of
# parsing the file again while the file's stat is still that one (a save by anyone renames a
# new file over it: another inode).
_files: dict[str, tuple[Stat, str, dict[str, tuple[str, Stat, int]]]] = {}


class OutputIndex:
    """What the generator knows of docs/ files: path → (digest, stat, when the stat was taken).

    Lives outside docs/ (in the project's .cache/); `None` as path: in memory only, empty."""

    def __init__(self, path: Path | None, docs: Path) -> None:
        self.path = path
        self.docs = str(docs.resolve())
        self.entries: dict[str, tuple[str, Stat, int]] = {}
        self.changed = False
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        found = regular_stat(path)  # before the bytes: a save meanwhile leaves another stat
        last = _files.get(str(path))
        if found is not None and last is not None and last[0] == found and last[1] == self.docs:
            self.entries = dict(last[2])
            return
        try:
            raw = json.loads(path.read_bytes())
            if raw.get("format") != INDEX_FORMAT or raw.get("docs") != self.docs:
                return
            entries = {}
            for rel, (value, size, mtime, ctime, ino, dev, seen) in raw["files"].items():
                numbers = (size, mtime, ctime, ino, dev, seen)
                if not isinstance(value, str) or not all(type(n) is int for n in numbers):
                    return
                entries[str(rel)] = (value, (size, mtime, ctime, ino, dev), seen)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return  # missing or damaged: every file is read, as without an index
        self.entries = entries
        self._remember(found)

    def known(self, rel: str, target: Path | str, found: Stat | bool | None = False) -> str | None:
        """The digest of `target`'s bytes, when its stat (`found`, if the caller just took it:
        see _Targets.locate) says they are the ones recorded."""
        entry = self.entries.get(rel)
        if entry is None:
            return None
        value, recorded, seen = entry
        if recorded[1] + RACY_NS > seen:
            return None  # racily clean: the file may have changed within the same tick
        now = regular_stat(target) if found is False else found
        return value if now == recorded else None

    def record(self, rel: str, value: str, found: Stat | None, seen: int) -> None:
        if found is None:
            self.forget(rel)
        elif self.entries.get(rel) != (value, found, seen):
            self.entries[rel] = (value, found, seen)
            self.changed = True

    def forget(self, rel: str) -> None:
        if self.entries.pop(rel, None) is not None:
            self.changed = True

    def keep_only(self, paths: set[str]) -> None:
        for rel in [r for r in self.entries if r not in paths]:
            self.forget(rel)

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        temp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(index_text(self.docs, self.entries), encoding="utf-8")
            os.replace(temp, self.path)
            self.changed = False
            # (Another build's save just now would leave its stat here with these entries:
            # harmless, since an entry is believed only while its own file keeps its stat.)
            self._remember(regular_stat(self.path))
        except OSError:  # an index that cannot be written is skipped: the next build reads
            _files.pop(str(self.path), None)
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)

    def _remember(self, found: Stat | None) -> None:
        if self.path is None:
            return
        if found is None:
            _files.pop(str(self.path), None)
        else:
            _files[str(self.path)] = (found, self.docs, dict(self.entries))


# rel → (its entry, that entry's JSON text) as the last save wrote them: a save after a one-seed
# rebuild encodes only the few entries that changed (the JSON encoder took ~15 ms of CPU for
# the 2,842 entries of a 1,000-article site, at every rebuild).
_encoded: dict[str, tuple[tuple[str, Stat, int], str]] = {}


def index_text(docs: str, entries: dict[str, tuple[str, Stat, int]]) -> str:
    """json.dumps({"format": …, "docs": docs, "files": {rel: [digest, *stat, seen], …} sorted},
    separators=(",", ":")), character for character, from the entries' kept encodings."""
    quote = json.encoder.encode_basestring_ascii
    rows: list[str] = []
    fresh: dict[str, tuple[tuple[str, Stat, int], str]] = {}
    for rel in sorted(entries):
        entry = entries[rel]
        known = _encoded.get(rel)
        if known is not None and known[0] == entry:
            text = known[1]
        else:
            value, found, seen = entry
            numbers = ",".join(map(str, (*found, seen)))
            text = f"{quote(rel)}:[{quote(value)},{numbers}]"
        fresh[rel] = (entry, text)
        rows.append(text)
    _encoded.clear()
    _encoded.update(fresh)
    return f'{{"format":{INDEX_FORMAT},"docs":{quote(docs)},"files":{{{",".join(rows)}}}}}'


def read_manifest(docs: Path) -> dict[str, str]:
    """The generator's files ({} when there is no manifest); a damaged one is a one-line error."""
    owned = _load_manifest(docs)
    return {} if owned is None else owned


def _load_manifest(docs: Path, docs_shown: str | None = None) -> dict[str, str] | None:
    path = docs / MANIFEST
    shown = f"{docs_shown}/{MANIFEST}" if docs_shown else str(path)
    try:
        if not path.exists():
            return None
        if path.is_symlink() or not path.is_file():
            raise GeneratorError(shown, "is not a regular file")
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise GeneratorError(shown, f"is over {MAX_MANIFEST_BYTES // 1_000_000} MB")
        data = path.read_bytes()
        if _checked and _checked[0][0] == data:
            return dict(_checked[0][1])  # what these very bytes were found to say
        if _manifests and _manifests[0][0] == data:
            files: object = _manifests[0][1]  # the very bytes this process last read or wrote
        else:
            raw = json.loads(data.decode("utf-8"))
            files = raw["files"]
        if not isinstance(files, dict):
            raise TypeError
    except GeneratorError as exc:
        raise _damaged(shown, exc.message) from None
    except (ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise _damaged(shown, "is not the generator's JSON") from None
    owned: dict[str, str] = {}
    for key, value in files.items():
        if key not in _GOOD_NAMES:
            problem = canonical_problem(key)
            if problem is None and key.rsplit("/", 1)[-1] in RESERVED_NAMES:
                problem = "names the generator's own bookkeeping"
            if problem is not None:
                raise _damaged(shown, f"lists {cut(key)}, which {problem}")
            if len(_GOOD_NAMES) > 200_000:
                _GOOD_NAMES.clear()
            _GOOD_NAMES.add(key)
        if not isinstance(value, str) or len(value) != 64:
            raise _damaged(shown, f"lists {cut(key)} without a valid hash")
        owned[key] = value
    _manifests[:] = [(data, dict(owned))]
    _checked[:] = [(data, dict(owned))]
    return owned


# The last manifest this process read or wrote: its bytes and what they say. The same bytes
# again (a rebuild in a long-lived process) are not parsed again, and a path already found to
# be a plain docs/ path (a pure check of its text) is not checked again; values always are.
_manifests: list[tuple[bytes, dict[str, str]]] = []
_GOOD_NAMES: set[str] = set()
# The last manifest bytes that passed every check above, and what they say (a pure function
# of the bytes, so the very bytes again are not checked again): each plan reads the manifest,
# and so does `mkdocs serve`'s watcher of docs/ (mkdocs_hook._HandWrittenChanges) at each
# change it sees; checking 2,800 entries took ~0.6 ms each time at 1,000 articles.
_checked: list[tuple[bytes, dict[str, str]]] = []


def _damaged(shown: str, why: str) -> GeneratorError:
    return GeneratorError(
        shown,
        f"is damaged ({why}); delete it and build again: files identical to what the generator "
        "writes are taken back, any other file in the way is reported and only --force "
        "replaces it",
    )


class _Targets:
    """docs-relative paths from the manifest or the generator → paths never escaping docs/.
    Folders are resolved once per plan (resolving each file's whole path costs more than the
    rest of a one-seed rebuild); a file that is itself a link is resolved whole."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.root = str(docs)
        self.inside = str(docs.resolve()).rstrip(os.sep) + os.sep
        self.folders: dict[str, str] = {}
        self.inside_folders: dict[str, bool] = {}

    def __call__(self, rel: str) -> str:
        """The file's path (a string: thousands per plan, and pathlib costs more than the
        system calls)."""
        return self.locate(rel)[0]

    def plain_folder(self, rel: str) -> bool:
        """Whether a regular file named `rel` (not itself a link) resolves inside docs/, as
        locate() checks it, told from its folder alone (resolved once per plan); False also for
        a name locate() resolves whole ("", ".", "..")."""
        folder, _, name = rel.rpartition("/")
        if name in ("", ".", ".."):
            return False
        inside = self.inside_folders.get(folder)
        if inside is None:
            base = self.folders.get(folder)
            if base is None:
                base = self.folders[folder] = str((self.docs / folder).resolve())
            # A name holds no separator: base/name is inside exactly when base/ is.
            inside = self.inside_folders[folder] = os.path.join(base, "").startswith(self.inside)
        return inside

    def locate(self, rel: str) -> tuple[str, Stat | None]:
        """The file's path, and its stat if it is a regular file (None: anything else, or
        nothing), from the one lstat that tells whether it is a link."""
        path = os.path.join(self.root, rel)
        folder, _, name = rel.rpartition("/")
        try:
            info: os.stat_result | None = os.lstat(path)
        except (OSError, ValueError):
            info = None
        found = None
        if info is not None and stat_.S_ISREG(info.st_mode):
            found = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
        if name in ("", ".", "..") or (info is not None and stat_.S_ISLNK(info.st_mode)):
            resolved = str(Path(path).resolve())
        else:
            base = self.folders.get(folder)
            if base is None:
                base = self.folders[folder] = str((self.docs / folder).resolve())
            resolved = os.path.join(base, name)
        if not resolved.startswith(self.inside):
            raise GeneratorError(
                str(self.docs / MANIFEST), f"lists a path outside docs/: {cut(rel)}"
            )
        return path, found


def _folded(name: str) -> str:
    found = _FOLDED.get(name)
    if found is None:
        if len(_FOLDED) > 200_000:
            _FOLDED.clear()
        found = _FOLDED[name] = unicodedata.normalize("NFC", name).casefold()
    return found


_FOLDED: dict[str, str] = {}  # name → its folded form (a pure function, kept for the next plan)


class _Listings:
    """Which docs-relative paths may exist, from one listing per folder that exists (a plan
    asks about two paths per page that are nearly never there: one stat each cost more than
    the rest of a one-seed rebuild's plan). Names compare case- and normalisation-folded, so
    "may" covers case-insensitive file systems; the caller asks the file system to be sure."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.names: dict[str, frozenset[str] | None] = {}  # None: cannot tell, say "may"
        self.folders: dict[str, bool] = {}  # folder → may_hold(folder), once per plan

    def may_hold(self, rel: str) -> bool:
        folder, _, name = rel.rpartition("/")
        if folder:
            held = self.folders.get(folder)
            if held is None:
                held = self.folders[folder] = self.may_hold(folder)
            if not held:
                return False
        if folder not in self.names:
            try:
                found: frozenset[str] | None = frozenset(
                    map(_folded, os.listdir(os.path.join(self.root, folder)))
                )
            except (FileNotFoundError, NotADirectoryError):
                found = frozenset()
            except OSError:
                found = None
            self.names[folder] = found
        names = self.names[folder]
        return names is None or _folded(name) in names


def _current(target: Path) -> bytes | None:
    """The bytes a docs/ file holds now, or None when there is no such file."""
    try:
        return target.read_bytes() if target.is_file() else None
    except OSError as exc:
        raise GeneratorError(str(target), f"cannot be read ({exc.strerror})") from None


def same_address(path: str) -> Iterator[str]:
    """Other docs-relative Markdown files MkDocs publishes at the address of `path`
    (with directory URLs: crew.md and crew/index.md are both crew/; README.md stands for
    index.md)."""
    if not path.endswith(".md"):
        return
    stem = path[: -len(".md")]
    folder, _, name = stem.rpartition("/")
    prefix = f"{folder}/" if folder else ""
    if name == "index":
        yield f"{prefix}README.md"
        if folder:
            yield f"{folder}.md"
    else:
        yield f"{stem}/index.md"
        yield f"{stem}/README.md"


# path → tuple(same_address(path)), a pure function of the path (kept for the next plan).
_SAME_ADDRESS: dict[str, tuple[str, ...]] = {}


def _path_of(output: Output) -> str:
    return output.path


def plan(
    docs: Path,
    outputs: tuple[Output, ...],
    force: bool = False,
    *,
    built_before: bool | None = None,
    shown: str | None = None,
    index: OutputIndex | None = None,
) -> Plan:
    """Compare what the seeds produce with docs/ as it is; touch nothing (but `index`, in
    memory: what was learnt of docs/ files).

    `built_before`: whether a build ran in docs/ before (default: its lock file is there). Then
    a missing manifest was lost, and --force may replace what is in the way; in a docs/ no build
    ever wrote, a file in the way is the user's, and is never replaced."""
    loaded = _load_manifest(docs, shown)
    if built_before is None:
        built_before = (docs / LOCK_NAME).exists()
    lost = loaded is None and built_before  # the manifest is gone: nothing is known to be ours
    owned = loaded or {}
    index = index if index is not None else OutputIndex(None, docs)
    targets = _Targets(docs)
    writes: list[Output] = []
    conflicts: list[Conflict] = []
    manifest: dict[str, str] = {}
    expected: dict[str, str | None] = {}
    produced = {o.path for o in outputs}
    wanted = _output_digests(outputs)

    def current_digest(rel: str, target: str, stat: Stat | bool | None = False) -> str | None:
        """The digest of the bytes `target` holds now (None: no such file); `stat`: its stat
        just taken (False: take it here)."""
        known = index.known(rel, target, stat)
        if known is not None:
            return known
        found, seen = regular_stat(target), time.time_ns()  # the stat first: then the bytes
        current = _current(Path(target))
        if current is None:
            index.forget(rel)
            return None
        value = digest(current)
        index.record(rel, value, found, seen)
        return value

    ordered = sorted(outputs, key=_path_of)
    entries = index.entries
    prefix = targets.root if targets.root.endswith(os.sep) else targets.root + os.sep
    lstat, is_regular = os.lstat, stat_.S_ISREG
    for output in ordered:
        rel = output.path
        new = wanted[rel]
        entry = entries.get(rel)
        if (
            entry is not None
            and entry[0] == new
            and entry[1][1] + RACY_NS <= entry[2]
            and rel[:1] != "/"
            and targets.plain_folder(rel)
        ):
            # What _Targets.locate and OutputIndex.known tell, in one lstat and no more: the
            # file still has the stat it had when it held these very bytes (any other case,
            # a link, a name to resolve, a racy or changed stat, goes the long way below).
            try:
                info = lstat(prefix + rel)
            except (OSError, ValueError):
                info = None
            if (
                info is not None
                and is_regular(info.st_mode)
                and entry[1]
                == (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
            ):
                manifest[rel] = new
                continue
        target, found = targets.locate(rel)
        current = current_digest(rel, target, found)
        if current == new:
            manifest[rel] = new
            continue
        if current is not None:
            recorded = owned.get(output.path)
            if recorded is None and not lost:
                # Not ours: never recorded, so a later build can't mistake it for ours.
                conflicts.append(Conflict(output.path, "unowned"))
                continue
            if recorded is None and not force:
                conflicts.append(Conflict(output.path, "unknown"))
                continue
            if recorded is not None and current != recorded and not force:
                conflicts.append(Conflict(output.path, "edited"))
                # Keep the hash we wrote: the file stays ours, and still reads as edited.
                manifest[output.path] = recorded
                continue
        manifest[output.path] = new
        expected[output.path] = current
        writes.append(output)
    listed = _Listings(str(docs))
    for output in ordered:
        others = _SAME_ADDRESS.get(output.path)
        if others is None:
            if len(_SAME_ADDRESS) > 200_000:
                _SAME_ADDRESS.clear()
            others = _SAME_ADDRESS[output.path] = tuple(same_address(output.path))
        for other in others:
            if other in produced or other in owned:
                continue  # ours (a page we no longer write is deleted below)
            if listed.may_hold(other) and (docs / other).is_file():
                conflicts.append(Conflict(other, "shadows", output.path))
    deletes: list[str] = []
    for rel, recorded in sorted(owned.items()):
        if rel in manifest:
            continue
        target, found = targets.locate(rel)
        current = current_digest(rel, target, found)
        if current is None:
            continue
        if current != recorded and not force:
            conflicts.append(Conflict(rel, "edited"))
            manifest[rel] = recorded  # still ours until the editor decides
            continue
        expected[rel] = current
        deletes.append(rel)
    return Plan(
        docs=docs,
        writes=tuple(writes),
        deletes=tuple(deletes),
        conflicts=tuple(conflicts),
        manifest=manifest,
        manifest_changed=loaded is None or manifest != owned,
        expected=expected,
    )


_GENERATOR = "python -m generator build"


def _manifest_bytes(manifest: dict[str, str]) -> bytes:
    """json.dumps({"generator": …, "files": sorted manifest}, indent=2, ensure_ascii=False)
    and a newline, byte for byte, written out directly: the indenting encoder is pure Python
    (~50 ms for a 1,000-article site, on every rebuild)."""
    quote = json.encoder.encode_basestring
    head = f'{{\n  "generator": {quote(_GENERATOR)},\n  "files": '
    if not manifest:
        return (head + "{}\n}\n").encode("utf-8")
    rows = ",\n".join(f"    {quote(k)}: {quote(v)}" for k, v in sorted(manifest.items()))
    return (head + "{\n" + rows + "\n  }\n}\n").encode("utf-8")


def apply(plan: Plan) -> None:
    """Make docs/ match the plan, all or nothing (journal.swap). Conflicting files are left as
    they are. A file that changed since it was planned raises ChangedMeanwhile, after every
    change is rolled back."""
    docs = plan.docs
    changes = [
        Change(o.path, o.content, plan.expected.get(o.path, file_digest(docs / o.path)))
        for o in plan.writes
    ] + [Change(rel, None, plan.expected.get(rel, file_digest(docs / rel))) for rel in plan.deletes]
    manifest = None
    if plan.manifest_changed or changes:
        manifest = _manifest_bytes(plan.manifest)
        changes.append(Change(MANIFEST, manifest, file_digest(docs / MANIFEST)))
    if not changes:
        return
    current = str(docs / changes[0].path)
    _manifests.clear()  # until the swap is done, docs/ holds the old manifest or the new one
    try:
        docs.mkdir(parents=True, exist_ok=True)
        journal.swap(docs, changes)
        if manifest is not None:
            _manifests[:] = [(manifest, dict(sorted(plan.manifest.items())))]
    except OSError as exc:
        where = exc.filename or current
        left = journal.pending(docs)
        outcome = "the next build puts it back" if left else "docs/ is unchanged"
        raise GeneratorError(
            str(where), f"could not be written ({exc.strerror}); {outcome}"
        ) from None


def update(
    docs: Path,
    outputs: tuple[Output, ...],
    *,
    shown: str,
    force: bool = False,
    check: bool = False,
    around_conflicts: bool = False,
    index: Path | None = None,
) -> tuple[Plan, bool]:
    """What a build does to docs/, under the lock: roll back what a killed build left, plan, and
    apply unless checking or blocked by conflicts (`around_conflicts`: apply everything else,
    as the MkDocs hook does). `index`: the file of the OutputIndex (None: read every file).
    → (the plan, whether it was applied)."""
    if check:
        with docs_lock(docs, shown, shared=True):
            known = OutputIndex(index, docs) if index is not None else None
            return plan(docs, outputs, force=force, shown=shown, index=known), False
    built_before = (docs / LOCK_NAME).exists()
    with docs_lock(docs, shown):
        journal.roll_back(docs)
        known = OutputIndex(index, docs)
        result = plan(
            docs, outputs, force=force, built_before=built_before, shown=shown, index=known
        )
        if result.conflicts and not around_conflicts:
            known.save()  # what was read is true whatever happens next
            return result, False
        if result.writes or result.deletes or result.manifest_changed:
            mark_holder(docs)
        try:
            apply(result)
        except ChangedMeanwhile as changed:
            late = Conflict(changed.path, "changed")
            for rel in (*(o.path for o in result.writes), *result.deletes):
                known.forget(rel)  # rolled back: read them again next time
            known.save()
            return dataclasses.replace(result, conflicts=(*result.conflicts, late)), False
        _note_applied(known, result)
        known.save()
        return result, True


def _note_applied(index: OutputIndex, result: Plan) -> None:
    """After a swap: the written files' stats with the bytes written; deleted ones gone."""
    for output in result.writes:
        found, seen = regular_stat(result.docs / output.path), time.time_ns()
        index.record(output.path, digest(output.content), found, seen)
    for rel in result.deletes:
        index.forget(rel)
    index.keep_only(set(result.manifest))
