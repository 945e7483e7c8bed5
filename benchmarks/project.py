"""Throw-away copies of the project for the benchmarks: mkdocs.yml, overrides/, hand-written
docs/ files and an N-article seeds/ folder, in a temporary directory (never the real tree)."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .corpus import REPO, Source, write_corpus

MANIFEST = ".generator-manifest.json"
_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):")


@dataclass(frozen=True)
class BenchProject:
    root: Path
    size: int
    first_seed: Path  # the seed the live-rebuild benchmark edits

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def config(self) -> Path:
        """mkdocs.yml as the project has it (hook paths made absolute)."""
        return self.root / "mkdocs.yml"

    @property
    def config_without_hooks(self) -> Path:
        return self.root / "mkdocs.nohooks.yml"

    @property
    def static_docs(self) -> Path:
        """The hand-written docs/ files (assets, robots.txt…), to reset docs/ between runs."""
        return self.root / "docs.static"


def _top_level_block(text: str, key: str) -> tuple[int, int] | None:
    """(first, end) line indexes of a top-level `key:` and the lines that belong to it."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _TOP_KEY.match(line)
        if match and match.group("key") == key:
            end = index + 1
            while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t-#"):
                end += 1
            # Keep trailing blank lines outside the block.
            while end > index + 1 and not lines[end - 1].strip():
                end -= 1
            return index, end
    return None


def without_top_level_key(text: str, key: str) -> str:
    """mkdocs.yml text with a top-level key (and its list or mapping) removed."""
    span = _top_level_block(text, key)
    if span is None:
        return text
    lines = text.split("\n")
    return "\n".join(lines[: span[0]] + lines[span[1] :])


def with_absolute_hooks(text: str, base: Path) -> str:
    """mkdocs.yml text whose relative `hooks:` entries point into `base` (the real checkout)."""
    span = _top_level_block(text, "hooks")
    if span is None:
        return text
    lines = text.split("\n")
    for index in range(span[0] + 1, span[1]):
        match = re.match(r"^(?P<lead>\s*-\s+)(?P<path>[^#\s][^#]*?)\s*$", lines[index])
        if match and not Path(match.group("path")).is_absolute():
            lines[index] = match.group("lead") + str(base / match.group("path"))
    return "\n".join(lines)


def without_custom_dir(text: str) -> str:
    """mkdocs.yml text without the theme's `custom_dir:` (Zensical fallback)."""
    return re.sub(r"(?m)^[ \t]+custom_dir:.*\n", "", text)


def _generated_paths(docs: Path) -> set[str]:
    manifest = docs / MANIFEST
    if not manifest.is_file():
        return set()
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError):
        return set()
    return {str(k) for k in files}


def copy_static_docs(src: Path, dest: Path) -> None:
    """Copy docs/ without the pages the generator owns (listed in its manifest; without a
    manifest, without any Markdown file)."""
    generated = _generated_paths(src)
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src).as_posix()
        if path.is_dir() or rel == MANIFEST or rel in generated:
            continue
        if not generated and path.suffix == ".md":
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


def make_project(
    root: Path,
    size: int,
    sources: tuple[Source, ...] | None = None,
    repo: Path = REPO,
    code: Path | None = None,
) -> BenchProject:
    """A project copy at `root`: a `size`-article seeds/, docs/ with hand-written files only."""
    root.mkdir(parents=True)
    config_text = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    hooked = with_absolute_hooks(config_text, code or repo)
    (root / "mkdocs.yml").write_text(hooked, encoding="utf-8")
    (root / "mkdocs.nohooks.yml").write_text(
        without_top_level_key(config_text, "hooks"), encoding="utf-8"
    )
    if (repo / "overrides").is_dir():
        shutil.copytree(repo / "overrides", root / "overrides")
    project = BenchProject(root, size, root / "seeds" / "placeholder")
    copy_static_docs(repo / "docs", project.static_docs)
    reset_docs(project)
    seeds = write_corpus(root / "seeds", size, sources)
    return BenchProject(root, size, seeds[0])


def snapshot_code(dest: Path, repo: Path = REPO) -> Path:
    """A copy of generator/ at `dest`/generator: the code measured stays the same for the whole
    run even if someone edits the checkout meanwhile. Put `dest` first on PYTHONPATH."""
    shutil.copytree(
        repo / "generator", dest / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    return dest


def reset_docs(project: BenchProject) -> None:
    """docs/ back to its hand-written files only, so the next generation writes every page."""
    if project.docs.exists():
        shutil.rmtree(project.docs)
    shutil.copytree(project.static_docs, project.docs)
