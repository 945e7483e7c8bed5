"""The tests' own MkDocs builds (support.mkdocs_build) are as strict as `mkdocs build --strict`:
a warning that would abort a strict build fails the test that built the site, with its text."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
import support
from support import SEED

# The generator warns about (and skips) a file in seeds/ that is no seed, a photo or a
# corrections file; `mkdocs build --strict` aborts on that warning.
NOT_A_SEED = "seeds/notes.docx: is not read"


@pytest.mark.parametrize("new_process", [False, True], ids=["in-process", "new-process"])
def test_a_warning_of_the_hook_fails_the_build(
    project_factory: Callable[..., Path], new_process: bool
) -> None:
    project = project_factory({SEED.name: SEED.read_bytes(), "notes.docx": b"minutes"})
    with pytest.raises(AssertionError, match=NOT_A_SEED):
        support.mkdocs_build(project, new_process=new_process)


def test_a_warning_of_mkdocs_fails_the_build(project_factory: Callable[..., Path]) -> None:
    project = project_factory({SEED.name: SEED.read_bytes()})
    support.ensure_generated(project)
    # A hand-written page beside the generated ones, linking to a page that does not exist.
    (project / "docs" / "extra.md").write_text("# Extra\n\n[Gone](missing.md)\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"WARNING .*missing\.md"):
        support.mkdocs_build(project)


def test_a_clean_build_leaves_the_mkdocs_logger_as_it_was(
    project_factory: Callable[..., Path],
) -> None:
    logger = logging.getLogger("mkdocs")
    before = (logger.level, logger.propagate, list(logger.handlers))
    site = support.mkdocs_build(project_factory({SEED.name: SEED.read_bytes()}))
    assert (site / "index.html").is_file()
    assert (logger.level, logger.propagate, list(logger.handlers)) == before
