"""MkDocs hook: regenerate docs/ from seeds/ before every build, so `mkdocs serve` follows edits.

A thin adapter over generator.build. It writes only files whose bytes change (so the rebuild it
triggers finds nothing to do and stops), never overwrites a page edited by hand (it warns), and
drops nav entries for theme pages the articles give no material for.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

try:
    import generator  # noqa: F401  (installed with `pip install -e .`, as the Makefile does)
except ImportError:  # `mkdocs` run from a bare checkout: import the package beside this file
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator.build import generate, seed_warnings
from generator.errors import GeneratorError
from generator.site import Project
from generator.write import read_manifest, update

log = logging.getLogger("mkdocs.hooks.generator")


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    project = Project(Path(config.config_file_path).resolve().parent)
    docs_dir = Path(config.docs_dir)
    try:
        result, _applied = update(
            docs_dir, generate(project), shown=project.shown(docs_dir), around_conflicts=True
        )
    except GeneratorError as exc:
        raise PluginError(f"generator: {exc}") from None
    docs = project.shown(Path(config.docs_dir))
    for warning in seed_warnings(project):
        log.warning("generator: %s", warning)
    for conflict in result.conflicts:
        log.warning("generator: %s", conflict.explain(docs))
    if result.writes or result.deletes:
        log.info("generator: wrote %d, removed %d file(s)", len(result.writes), len(result.deletes))
    config.nav = _existing_only(config.nav, Path(config.docs_dir))
    return config


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    """Watch seeds/ (mkdocs.yml's `watch:`) and the hand-written parts of docs/, not the pages
    the hook itself writes: each of those writes would trigger a second, useless rebuild."""
    docs = Path(config.docs_dir)
    try:
        generated = {path.split("/", 1)[0] for path in read_manifest(docs)}
    except GeneratorError:
        return server  # keep MkDocs' default of watching all of docs/
    server.unwatch(config.docs_dir)
    for entry in sorted(docs.iterdir()):
        if entry.name not in generated and not entry.name.startswith("."):
            server.watch(str(entry))
    return server


def _existing_only(nav: Any, docs: Path) -> Any:
    """The configured nav without entries whose page the generator did not produce."""
    if not isinstance(nav, list):
        return nav
    kept = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if isinstance(value, str) and value.endswith(".md") and not (docs / value).exists():
            continue
        if isinstance(value, list):
            item = {next(iter(item)): _existing_only(value, docs)}
        kept.append(item)
    return kept
