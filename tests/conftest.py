"""Shared fixtures: throw-away projects, so no test touches the real docs/."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from support import SEED, make_project

# A build saves its process state before it returns (generator/state.py), not in a forked
# writer that may still be at work when a test deletes or copies the project; the tests of the
# writer itself (tests/test_state.py) turn it back on in the processes they start.
os.environ["GENERATOR_STATE_WRITER"] = "inline"


@pytest.fixture
def project_factory(tmp_path: Path) -> Callable[..., Path]:
    """Build a temporary project: project_factory({"x.md": "..."}) → its root."""
    counter = iter(range(1_000))

    def factory(seeds: dict[str, bytes | str] | None = None) -> Path:
        return make_project(tmp_path / f"project{next(counter)}", seeds)

    return factory


@pytest.fixture
def seed_project(project_factory: Callable[..., Path]) -> Path:
    """A project holding just the seed article."""
    return project_factory({SEED.name: SEED.read_bytes()})


# ---- helpers for the robustness tests (bad input, hand edits, failed runs, determinism) ----


def _tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def tree_bytes() -> Callable[[Path], dict[str, bytes]]:
    """tree_bytes(folder): every file under it (hidden ones too) → bytes, to prove no change."""
    return _tree_bytes


@pytest.fixture
def built_project(seed_project: Path) -> Path:
    """The seed project after one successful build (docs/ holds generated pages + manifest)."""
    from generator.build import build
    from generator.site import Project

    result = build(Project(seed_project))
    assert result.applied and not result.plan.conflicts
    return seed_project
