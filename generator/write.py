"""The only writer of docs/: plans, then applies all changes at once, or none.

It owns exactly the files listed in docs/.generator-manifest.json (with the hash of the bytes it
wrote). A file whose bytes already match is never rewritten (that is what keeps `mkdocs serve`
from looping); a file it doesn't own is never changed or deleted; an owned file edited by hand is
reported as a conflict instead of being overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import GeneratorError

MANIFEST = ".generator-manifest.json"


@dataclass(frozen=True)
class Output:
    path: str  # docs-relative, POSIX separators
    content: bytes


@dataclass(frozen=True)
class Conflict:
    path: str
    reason: Literal["edited", "unowned"]

    def explain(self, docs_shown: str) -> str:
        where = f"{docs_shown}/{self.path}"
        if self.reason == "edited":
            return (
                f"{where}: edited by hand since the generator wrote it; to keep the edit, move it "
                "into the seed (or a corrections file) and build again, or copy the file "
                "elsewhere; to discard it, run `python -m generator build --force`"
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

    @property
    def stale(self) -> tuple[str, ...]:
        """Every docs-relative path that differs from what the seeds produce."""
        paths = {o.path for o in self.writes} | set(self.deletes) | {c.path for c in self.conflicts}
        return tuple(sorted(paths))


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_manifest(docs: Path) -> dict[str, str]:
    path = docs / MANIFEST
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        files = raw["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        raise GeneratorError(
            str(path), "is damaged; delete it and build again (files it listed become yours)"
        ) from None


def _safe_target(docs: Path, rel: str) -> Path:
    """A docs-relative path from the manifest or the generator, never escaping docs/."""
    target = (docs / rel).resolve()
    if docs.resolve() not in target.parents:
        raise GeneratorError(str(docs / MANIFEST), f"lists a path outside docs/: {rel}")
    return docs / rel


def _current(target: Path) -> bytes | None:
    """The bytes a docs/ file holds now, or None when there is no such file."""
    try:
        return target.read_bytes() if target.is_file() else None
    except OSError as exc:
        raise GeneratorError(str(target), f"cannot be read ({exc.strerror})") from None


def plan(docs: Path, outputs: tuple[Output, ...], force: bool = False) -> Plan:
    """Compare what the seeds produce with docs/ as it is; touch nothing."""
    owned = read_manifest(docs)
    writes: list[Output] = []
    conflicts: list[Conflict] = []
    manifest: dict[str, str] = {}
    for output in sorted(outputs, key=lambda o: o.path):
        target = _safe_target(docs, output.path)
        current = _current(target)
        if current == output.content:
            manifest[output.path] = digest(output.content)
            continue
        if current is not None:
            recorded = owned.get(output.path)
            if recorded is None:
                # Not ours: never recorded, so a later build can't mistake it for ours.
                conflicts.append(Conflict(output.path, "unowned"))
                continue
            if digest(current) != recorded and not force:
                conflicts.append(Conflict(output.path, "edited"))
                # Keep the hash we wrote: the file stays ours, and still reads as edited.
                manifest[output.path] = recorded
                continue
        manifest[output.path] = digest(output.content)
        writes.append(output)
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
        deletes.append(rel)
    return Plan(
        docs=docs,
        writes=tuple(writes),
        deletes=tuple(deletes),
        conflicts=tuple(conflicts),
        manifest=manifest,
        manifest_changed=manifest != owned,
    )


def _manifest_bytes(manifest: dict[str, str]) -> bytes:
    body = {"generator": "python -m generator build", "files": dict(sorted(manifest.items()))}
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def apply(plan: Plan) -> None:
    """Make docs/ match the plan, all or nothing. Conflicting files are left as they are."""
    docs = plan.docs
    changes: list[tuple[Path, bytes | None]] = [(docs / o.path, o.content) for o in plan.writes] + [
        (docs / rel, None) for rel in plan.deletes
    ]
    if plan.manifest_changed or changes:
        changes.append((docs / MANIFEST, _manifest_bytes(plan.manifest)))
    if not changes:
        return
    _apply_all_or_nothing(changes, docs)


def _apply_all_or_nothing(changes: list[tuple[Path, bytes | None]], docs: Path) -> None:
    """Stage every new file beside its target, then swap them all in; undo it all on failure."""
    backups: list[tuple[Path, bytes | None]] = []
    temps: list[Path] = []
    created_dirs: list[Path] = []
    current = changes[0][0]  # the file being worked on, for the message
    try:
        staged: list[tuple[Path, Path | None]] = []
        for target, content in changes:
            current = target
            if content is None:
                staged.append((target, None))
                continue
            for relative_parent in reversed(target.relative_to(docs).parents):
                parent = docs / relative_parent
                if not parent.exists():
                    parent.mkdir()
                    created_dirs.append(parent)
            # A dot-file in the same folder: same file system (so os.replace is atomic), and
            # ignored by MkDocs should a killed run leave it behind.
            staging = target.with_name(f".{target.name}.tmp-{os.getpid()}")
            temps.append(staging)
            with open(staging, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append((target, staging))
        # Everything that can fail for lack of space or permission has happened; now swap in.
        for target, staged_file in staged:
            current = target
            backups.append((target, target.read_bytes() if target.exists() else None))
            if staged_file is None:
                target.unlink()
            else:
                os.replace(staged_file, target)
    except OSError as exc:
        lost = _roll_back(backups, temps, created_dirs)
        outcome = f"could not restore {', '.join(lost)}" if lost else "docs/ is unchanged"
        raise GeneratorError(
            str(current), f"could not be written ({exc.strerror}); {outcome}"
        ) from None
    except BaseException:
        _roll_back(backups, temps, created_dirs)
        raise
    for target, content in changes:
        if content is None:
            _remove_empty_parents(target, docs)


def _roll_back(
    backups: list[tuple[Path, bytes | None]], temps: list[Path], created_dirs: list[Path]
) -> list[str]:
    """Put back every file swapped so far; → the files that could not be put back."""
    lost: list[str] = []
    for target, old in reversed(backups):
        try:
            if old is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(old)
        except OSError:
            lost.append(str(target))  # keep going: restore as much as possible
    for temp in temps:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    for directory in reversed(created_dirs):
        with contextlib.suppress(OSError):
            directory.rmdir()
    return lost


def _remove_empty_parents(path: Path, docs: Path) -> None:
    parent = path.parent
    while parent != docs and docs in parent.parents and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
