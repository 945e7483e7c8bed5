"""`mkdocs serve --dirty` that stays correct: the hook's helpers for incremental rebuilds.

With --dirty, MkDocs re-renders only pages whose Markdown is newer than their HTML. The
generator writes only pages whose bytes change, so an edited seed re-renders its own page and
the few pages that quote it. Two things a dirty build gets wrong are put right here:

- **Site-wide changes.** When the set of pages, the nav, mkdocs.yml or the theme overrides
  change, every page's HTML may change (menus, links, templates): the site folder is emptied,
  so MkDocs renders everything, as a clean build would.
- **The search index.** Material's search plugin, in a dirty build, keeps the previous index
  and swaps in the entries of one rebuilt page only (the first): with several pages rebuilt,
  the others would be listed twice, or with stale text. Here every page's entries are kept
  from the last time it was rendered, and the index is written from them in the order a clean
  build uses, so it is the clean build's index (tests/test_incremental.py compares them).

State lives in this module (not the hook file, which MkDocs re-executes on each config load).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.generator")


@dataclass
class _State:
    dirty: bool = False
    signature: str | None = None
    pages: list[str] = field(default_factory=list)  # documentation pages (src_uri), build order
    entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # page → its entries
    mark: int = 0  # how many of this build's search entries are already filed
    rebuilt: int = 0
    full: bool = False


STATE = _State()
SERVING = False  # `mkdocs serve` (set by the hook's on_startup): a long-lived process


def reset() -> None:
    """Forget everything (a new `mkdocs serve`, or a test)."""
    global STATE, SERVING
    STATE = _State()
    SERVING = False


class _DirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation and links may be inaccurate, which
    `strict: true` turns into a failed build. The checks above make them accurate: drop it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_FILTER = _DirtyWarning()


def startup(dirty: bool) -> None:
    reset()
    STATE.dirty = dirty
    build_log = logging.getLogger("mkdocs.commands.build")
    if dirty and _FILTER not in build_log.filters:
        build_log.addFilter(_FILTER)


def _search_plugin(config: Any) -> Any | None:
    """Material's search plugin, when it has what the index repair needs."""
    for name, plugin in config.plugins.items():
        if name.endswith("search"):
            index = getattr(plugin, "search_index", None)
            if isinstance(getattr(index, "entries", None), list) and hasattr(
                plugin, "search_index_prev"
            ):
                return plugin
    return None


def _signature(config: Any, pages: list[str]) -> str:
    """What every page's HTML depends on besides its own Markdown."""
    digest = hashlib.sha256()
    digest.update(repr(config.nav).encode())
    digest.update("\0".join(pages).encode())
    config_file = Path(config.config_file_path) if config.config_file_path else None
    if config_file is not None and config_file.is_file():
        digest.update(config_file.read_bytes())
    custom = config.theme.custom_dir
    if custom and Path(custom).is_dir():
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\0".encode())
    return digest.hexdigest()


def files_ready(config: Any, files: Any) -> None:
    """After MkDocs listed the files, before it renders: decide whether this dirty build must
    render everything."""
    if not STATE.dirty:
        return
    STATE.pages = [f.src_uri for f in files.documentation_pages()]
    STATE.mark = 0
    STATE.rebuilt = 0
    signature = _signature(config, STATE.pages)
    STATE.full = signature != STATE.signature
    if STATE.full and STATE.signature is not None:
        from mkdocs import utils

        log.info("generator: the site's structure changed; rendering every page")
        utils.clean_directory(config.site_dir)
    if STATE.full:
        STATE.entries.clear()
    STATE.signature = signature


def page_rendered(config: Any, page: Any) -> None:
    """After the search plugin indexed `page` (the hook runs after it): file its entries."""
    if not STATE.dirty:
        return
    STATE.rebuilt += 1
    plugin = _search_plugin(config)
    if plugin is None:
        return
    entries = plugin.search_index.entries
    STATE.entries[page.file.src_uri] = list(entries[STATE.mark :])
    STATE.mark = len(entries)


def before_search_index(config: Any) -> None:
    """Before the search plugin writes its index (the hook runs first): hand it every page's
    entries, in clean-build order, and no previous index to merge."""
    if not STATE.dirty:
        return
    plugin = _search_plugin(config)
    if plugin is None:
        log.warning("generator: the search index may be stale after a dirty rebuild")
        return
    plugin.search_index.entries = [e for p in STATE.pages for e in STATE.entries.get(p, ())]
    plugin.search_index_prev = None
    if not STATE.full:
        log.info("generator: rendered %d of %d page(s) again", STATE.rebuilt, len(STATE.pages))
