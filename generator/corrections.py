"""Editor corrections (stub until the real module lands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Facts


def load_corrections(path: Path) -> Any:
    return None


def apply_corrections(facts: Facts, corrections: Any, path_for_messages: str) -> Facts:
    return facts
