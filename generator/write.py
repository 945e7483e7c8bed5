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
"""

from __future__ import annotations

import dataclasses
import json
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
RESERVED_NAMES = frozenset({MANIFEST, LOCK_NAME, journal.JOURNAL})
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


def digest(content: bytes) -> str:
    return journal.digest(content)


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
        raw = json.loads(path.read_text(encoding="utf-8"))
        files = raw["files"]
        if not isinstance(files, dict):
            raise TypeError
    except GeneratorError as exc:
        raise _damaged(shown, exc.message) from None
    except (ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise _damaged(shown, "is not the generator's JSON") from None
    owned: dict[str, str] = {}
    for key, value in files.items():
        problem = canonical_problem(key)
        if problem is None and key.rsplit("/", 1)[-1] in RESERVED_NAMES:
            problem = "names the generator's own bookkeeping"
        if problem is not None:
            raise _damaged(shown, f"lists {cut(key)}, which {problem}")
        if not isinstance(value, str) or len(value) != 64:
            raise _damaged(shown, f"lists {cut(key)} without a valid hash")
        owned[key] = value
    return owned


def _damaged(shown: str, why: str) -> GeneratorError:
    return GeneratorError(
        shown,
        f"is damaged ({why}); delete it and build again: files identical to what the generator "
        "writes are taken back, any other file in the way is reported and only --force "
        "replaces it",
    )


def _safe_target(docs: Path, rel: str) -> Path:
    """A docs-relative path from the manifest or the generator, never escaping docs/."""
    target = (docs / rel).resolve()
    if docs.resolve() not in target.parents:
        raise GeneratorError(str(docs / MANIFEST), f"lists a path outside docs/: {cut(rel)}")
    return docs / rel


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


def plan(
    docs: Path,
    outputs: tuple[Output, ...],
    force: bool = False,
    *,
    built_before: bool | None = None,
    shown: str | None = None,
) -> Plan:
    """Compare what the seeds produce with docs/ as it is; touch nothing.

    `built_before`: whether a build ran in docs/ before (default: its lock file is there). Then
    a missing manifest was lost, and --force may replace what is in the way; in a docs/ no build
    ever wrote, a file in the way is the user's, and is never replaced."""
    loaded = _load_manifest(docs, shown)
    if built_before is None:
        built_before = (docs / LOCK_NAME).exists()
    lost = loaded is None and built_before  # the manifest is gone: nothing is known to be ours
    owned = loaded or {}
    writes: list[Output] = []
    conflicts: list[Conflict] = []
    manifest: dict[str, str] = {}
    expected: dict[str, str | None] = {}
    produced = {o.path for o in outputs}
    for output in sorted(outputs, key=lambda o: o.path):
        target = _safe_target(docs, output.path)
        current = _current(target)
        if current == output.content:
            manifest[output.path] = digest(output.content)
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
            if recorded is not None and digest(current) != recorded and not force:
                conflicts.append(Conflict(output.path, "edited"))
                # Keep the hash we wrote: the file stays ours, and still reads as edited.
                manifest[output.path] = recorded
                continue
        manifest[output.path] = digest(output.content)
        expected[output.path] = None if current is None else digest(current)
        writes.append(output)
    for output in sorted(outputs, key=lambda o: o.path):
        for other in same_address(output.path):
            if other in produced or other in owned:
                continue  # ours (a page we no longer write is deleted below)
            if (docs / other).is_file():
                conflicts.append(Conflict(other, "shadows", output.path))
    deletes: list[str] = []
    for rel, recorded in sorted(owned.items()):
        if rel in manifest:
            continue
        target = _safe_target(docs, rel)
        current = _current(target)
        if current is None:
            continue
        if digest(current) != recorded and not force:
            conflicts.append(Conflict(rel, "edited"))
            manifest[rel] = recorded  # still ours until the editor decides
            continue
        expected[rel] = digest(current)
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


def _manifest_bytes(manifest: dict[str, str]) -> bytes:
    body = {"generator": "python -m generator build", "files": dict(sorted(manifest.items()))}
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def apply(plan: Plan) -> None:
    """Make docs/ match the plan, all or nothing (journal.swap). Conflicting files are left as
    they are. A file that changed since it was planned raises ChangedMeanwhile, after every
    change is rolled back."""
    docs = plan.docs
    changes = [
        Change(o.path, o.content, plan.expected.get(o.path, file_digest(docs / o.path)))
        for o in plan.writes
    ] + [Change(rel, None, plan.expected.get(rel, file_digest(docs / rel))) for rel in plan.deletes]
    if plan.manifest_changed or changes:
        changes.append(
            Change(MANIFEST, _manifest_bytes(plan.manifest), file_digest(docs / MANIFEST))
        )
    if not changes:
        return
    current = str(docs / changes[0].path)
    try:
        docs.mkdir(parents=True, exist_ok=True)
        journal.swap(docs, changes)
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
) -> tuple[Plan, bool]:
    """What a build does to docs/, under the lock: roll back what a killed build left, plan, and
    apply unless checking or blocked by conflicts (`around_conflicts`: apply everything else,
    as the MkDocs hook does). → (the plan, whether it was applied)."""
    if check:
        with docs_lock(docs, shown, shared=True):
            return plan(docs, outputs, force=force, shown=shown), False
    built_before = (docs / LOCK_NAME).exists()
    with docs_lock(docs, shown):
        journal.roll_back(docs)
        result = plan(docs, outputs, force=force, built_before=built_before, shown=shown)
        if result.conflicts and not around_conflicts:
            return result, False
        if result.writes or result.deletes or result.manifest_changed:
            mark_holder(docs)
        try:
            apply(result)
        except ChangedMeanwhile as changed:
            late = Conflict(changed.path, "changed")
            return dataclasses.replace(result, conflicts=(*result.conflicts, late)), False
        return result, True
