"""MkDocs hook: regenerate docs/ from seeds/ before every build, so `mkdocs serve` follows edits.

A thin adapter over generator.build. It writes only files whose bytes change (so the rebuild it
triggers finds nothing to do and stops) and never overwrites a page edited by hand (it warns).
The site's structure does not depend on it: the generator writes the nav too
(docs/.generator-nav.yml, which mkdocs.yml INHERITs). MkDocs read that file before this hook
ran, so when this build changed it the hook hands MkDocs the nav just written.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

try:
    import generator  # noqa: F401  (installed with `pip install -e .`, as the Makefile does)
except ImportError:  # `mkdocs` run from a bare checkout: import the package beside this file
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from generator import code_cache, incremental, state
from generator.build import generate, output_index, rebuilding, seed_folder, settle, warm_up
from generator.errors import GeneratorError
from generator.nav import NAV_FILE, parse_nav, read_nav
from generator.site import Project
from generator.write import read_manifest, update

log = logging.getLogger("mkdocs.hooks.generator")


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    project = Project(Path(config.config_file_path).resolve().parent)
    docs_dir = Path(config.docs_dir)
    loaded_nav = read_nav(docs_dir)  # what INHERIT gave MkDocs, before this build
    started, used = time.perf_counter(), time.process_time()
    try:
        with rebuilding():
            folder = seed_folder(project)  # listed once: the build and its warnings
            outputs = generate(project, folder=folder)
            result, applied = update(
                docs_dir,
                outputs,
                shown=project.shown(docs_dir),
                around_conflicts=True,
                index=output_index(project),
            )
    except GeneratorError as exc:
        raise PluginError(f"generator: {exc}") from None
    code_cache.save()  # compiled patterns and templates, after docs/ is written
    state.after_build(project.root)  # `mkdocs build`: now; `mkdocs serve`: at exit
    docs = project.shown(Path(config.docs_dir))
    for warning in folder.warnings:
        log.warning("generator: %s", warning)
    for conflict in result.conflicts:
        log.warning("generator: %s", conflict.explain(docs))
    # The benchmark reads the time from this line (the generator's part of a rebuild), and the
    # process's CPU time in it (which a busy machine, or MkDocs' server threads, do not inflate).
    log.info(
        "generator: wrote %d, removed %d file(s) in %.3f s (CPU %.3f s)",
        len(result.writes),
        len(result.deletes),
        time.perf_counter() - started,
        time.process_time() - used,
    )
    # The nav came from the generator's file (not from a `nav:` someone put in mkdocs.yml):
    # use the one this build wrote, which MkDocs could not have read yet.
    if applied and config.nav == loaded_nav:
        config.nav = next(parse_nav(o.content) for o in outputs if o.path == NAV_FILE)
    if incremental.SERVING:
        settle()
    return config


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    """Watch seeds/ and every hand-written file of docs/, including pages and folders created
    while the server runs, but not the files the hook writes itself (nor its dot-file
    bookkeeping): each of those writes would trigger a second, useless rebuild. One recursive
    watch on docs/ with a filter that reads the manifest when a change arrives. (mkdocs.yml's
    `watch:` lists the nav file for `zensical serve`; here on_config reads the nav fresh, so it
    is dropped.)"""
    config.watch[:] = [w for w in config.watch if Path(w).name != NAV_FILE]
    project = Project(Path(config.config_file_path).resolve().parent)
    server.watch(str(project.seeds))
    warm_up(project)  # the first edit's rebuild should not compile the analysis patterns
    docs = Path(config.docs_dir)
    try:
        read_manifest(docs)
    except GeneratorError:
        return server  # keep MkDocs' default of watching all of docs/
    condition = getattr(server, "_rebuild_cond", None)
    observer = getattr(server, "observer", None)
    if condition is None or observer is None or not hasattr(server, "_want_rebuild"):
        return _watch_entries(server, config, docs)  # another MkDocs: the entries there now
    server.unwatch(config.docs_dir)
    observer.schedule(_HandWrittenChanges(server, docs), str(docs), recursive=True)
    return server


class _HandWrittenChanges(FileSystemEventHandler):
    """Asks `mkdocs serve` for a rebuild when a file of docs/ that the generator does not own
    changes (MkDocs' own watch callback does the same, for every file)."""

    def __init__(self, server: Any, docs: Path) -> None:
        self.server = server
        self.docs = docs

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if not any(self._hand_written(os.fsdecode(p)) for p in paths if p):
            return
        with self.server._rebuild_cond:
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()

    def _hand_written(self, path: str) -> bool:
        try:
            rel = Path(path).relative_to(self.docs).as_posix()
        except ValueError:
            return False
        if any(part.startswith(".") for part in rel.split("/")):
            return False  # the generator's bookkeeping, editors' swap files
        try:
            return rel not in read_manifest(self.docs)  # read now: this build's pages too
        except GeneratorError:
            return True


def _watch_entries(server: Any, config: MkDocsConfig, docs: Path) -> Any:
    generated = {path.split("/", 1)[0] for path in read_manifest(docs)}
    server.unwatch(config.docs_dir)
    for entry in sorted(docs.iterdir()):
        if entry.name not in generated and not entry.name.startswith("."):
            server.watch(str(entry))
    return server


# `mkdocs serve --dirty` (what `make serve` runs): see generator/incremental.py.


def on_startup(command: str, dirty: bool, **_: Any) -> None:
    incremental.startup(dirty)
    incremental.SERVING = command == "serve"
    if incremental.SERVING:
        state.long_lived()


@event_priority(-100)  # after other plugins changed the file list
def on_files(files: Any, config: MkDocsConfig, **_: Any) -> Any:
    incremental.files_ready(config, files)
    return files


@event_priority(-100)  # after the search plugin indexed the page
def on_page_context(context: Any, page: Any, config: MkDocsConfig, **_: Any) -> Any:
    incremental.page_rendered(config, page)
    return context


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    incremental.before_search_index(config)
