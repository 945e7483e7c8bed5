"""Shared fixtures: throw-away projects, so no test touches the real docs/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import SEED, make_project


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
