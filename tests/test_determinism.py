"""Same seeds, same bytes: docs/ and the built site, whatever order the files are listed in.

The only site files MkDocs stamps with a date are sitemap.xml (<lastmod>, the build date) and
sitemap.xml.gz (the same text, plus the gzip header's mtime). Both follow SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import support
from support import CORPUS, SEED, make_project

from generator.build import build
from generator.site import Project

Tree = Callable[[Path], dict[str, bytes]]
SEEDS = [SEED, *sorted(CORPUS.glob("*.txt"))]
DATE_STAMPED = {"sitemap.xml", "sitemap.xml.gz"}


def project_with_seeds_in_order(root: Path, order: list[Path]) -> Path:
    """A project whose seeds are created (so, on most file systems, listed) in `order`."""
    make_project(root)
    for seed in order:
        (root / "seeds" / seed.name).write_bytes(seed.read_bytes())
    return root


def test_docs_are_identical_whatever_the_listing_order(
    tmp_path: Path, tree_bytes: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    forward = project_with_seeds_in_order(tmp_path / "a", SEEDS)
    backward = project_with_seeds_in_order(tmp_path / "b", SEEDS[::-1])
    assert build(Project(forward)).applied

    real_iterdir = Path.iterdir
    shuffler = random.Random(7)

    def shuffled(self: Path) -> Iterator[Path]:
        entries = list(real_iterdir(self))
        shuffler.shuffle(entries)
        return iter(entries[::-1])

    monkeypatch.setattr(Path, "iterdir", shuffled)
    assert build(Project(backward)).applied
    docs = tree_bytes(forward / "docs")
    assert len(docs) > 8 and docs == tree_bytes(backward / "docs")
    # And building again from the same seeds changes nothing at all.
    assert build(Project(backward)).plan.stale == ()


def mkdocs_build(project: Path, epoch: int) -> dict[str, bytes]:
    site = support.mkdocs_build(project, env={"SOURCE_DATE_EPOCH": str(epoch)})
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_built_site_is_identical_apart_from_the_sitemap_dates(tmp_path: Path) -> None:
    seeds = SEEDS[:2]
    one = project_with_seeds_in_order(tmp_path / "one", seeds)
    two = project_with_seeds_in_order(tmp_path / "two", seeds[::-1])
    launch, later = 1_633_392_000, 1_700_000_000  # 2021-10-05, 2023-11-14
    first = mkdocs_build(one, launch)  # the hook writes docs/ from the seeds on the way
    second = mkdocs_build(two, later)
    assert first.keys() == second.keys()
    differing = {name for name in first if first[name] != second[name]}
    assert differing == DATE_STAMPED
    assert b"<lastmod>2021-10-05</lastmod>" in first["sitemap.xml"]
    # With the same build date, every byte is the same.
    assert mkdocs_build(two, launch) == first
