"""Incremental rebuilds: `mkdocs serve --dirty` (what `make serve` runs) and the page memo.

A dirty rebuild must give the site a clean build gives, search index included, while
rendering only the pages an edit changed. The builds here run as `mkdocs serve` runs them: one
process, the config loaded again for every rebuild, plugins kept, `dirty=True`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config.defaults import MkDocsConfig
from support import CORPUS, SEED, logged_warnings, make_project, no_mkdocs_warnings

from generator import cache, incremental, memo

SiteFiles = dict[str, bytes]
EPOCH = "1633392000"


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    incremental.reset()
    cache.forget_memory()
    memo.forget()
    yield
    incremental.reset()


def site_files(site: Path) -> SiteFiles:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def clean_build(project: Path, dest: Path) -> SiteFiles:
    """`mkdocs build --strict` in a fresh process, as CI builds the site."""
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not logged_warnings(done.stderr), done.stderr
    return site_files(dest)


class Served:
    """`mkdocs serve --dirty` without the server: the same builds into one site folder."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.site = project / "served"
        from mkdocs.commands.build import build

        self._build = build
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=True)
        self.rebuild(config)

    def _config(self) -> MkDocsConfig:
        from mkdocs.config import load_config

        return load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site))

    def rebuild(self, config: MkDocsConfig | None = None) -> SiteFiles:
        cwd = Path.cwd()
        os.chdir(self.project)
        try:
            with no_mkdocs_warnings("a `mkdocs serve --dirty` rebuild"):
                self._build(config or self._config(), dirty=True)
        finally:
            os.chdir(cwd)
        return site_files(self.site)


def four_articles(root: Path) -> Path:
    """A four-article project, generated once (as `make serve` does before `mkdocs serve`:
    mkdocs.yml INHERITs the nav file the generator writes)."""
    from generator.build import build
    from generator.site import Project

    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    project = make_project(root, seeds)
    assert build(Project(project)).applied
    return project


def edit(seed: Path, old: bytes, new: bytes) -> None:
    data = seed.read_bytes()
    assert old in data
    seed.write_bytes(data.replace(old, new, 1))


def search_docs(files: SiteFiles) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads(files["search/search_index.json"])["docs"]
    return docs


def assert_same_site(dirty: SiteFiles, clean: SiteFiles) -> None:
    assert sorted(dirty) == sorted(clean)
    differing = sorted(name for name in clean if dirty[name] != clean[name])
    assert differing == [], differing


Change = Callable[[Path], object]
CHANGES: dict[str, Change] = {
    "a paragraph of one article": lambda p: edit(
        p / "seeds" / "nasa_article_329.txt", b"research", b"zqmarker research"
    ),
    "the seed's people": lambda p: edit(
        p / "seeds" / SEED.name, b"Yulia Peresild", b"Yulia Peresilt"
    ),
    "an article added": lambda p: shutil.copy(SEED, p / "seeds" / "copy-of-the-seed.md"),
    "an article removed": lambda p: (p / "seeds" / "nasa_article_813.txt").unlink(),
    "an article renamed": lambda p: (p / "seeds" / "nasa_article_550.txt").rename(
        p / "seeds" / "renamed-article.txt"
    ),
    "a corrections file": lambda p: (
        p / "seeds" / "first-film-in-orbit.corrections.yml"
    ).write_text("themes:\n  - remove: b18\n    theme: context\n"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_dirty_rebuild_is_the_clean_build(tmp_path: Path, change: str) -> None:
    project = four_articles(tmp_path / "p")
    served = Served(project)
    CHANGES[change](project)
    dirty = served.rebuild()
    assert_same_site(dirty, clean_build(project, tmp_path / "clean"))
    if change == "a paragraph of one article":
        assert incremental.STATE.rebuilt < len(incremental.STATE.pages) // 2
        hits = {d["location"].split("#")[0] for d in search_docs(dirty) if "zqmarker" in d["text"]}
        # Its page (and the list of articles, which shows the article's first paragraph); the
        # passages on themed pages are left out of the index.
        assert "articles/nasa-article-329/" in hits <= {"articles/nasa-article-329/", "articles/"}


def test_search_after_several_dirty_rebuilds(tmp_path: Path) -> None:
    project = four_articles(tmp_path / "p")
    served = Served(project)
    seed = project / "seeds" / "nasa_article_550.txt"
    for word in ("zqone", "zqtwo", "zqthree"):
        original = seed.read_bytes()
        edit(seed, b". ", f" {word}. ".encode())
        files = served.rebuild()
        seed.write_bytes(original)
    files = served.rebuild()
    docs = search_docs(files)
    assert not any(w in d["text"] for d in docs for w in ("zqone", "zqtwo", "zqthree"))
    locations = [d["location"] for d in docs]
    assert len(locations) == len(set(locations)), "no page is indexed twice"
    assert_same_site(files, clean_build(project, tmp_path / "clean"))


def test_an_unchanged_article_page_is_not_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import build
    from generator.compose import Page
    from generator.render import render_page
    from generator.site import Project

    project = four_articles(tmp_path / "p")
    rendered: list[str] = []
    real = render_page

    def counting(page: Page, extras: Any = None) -> str:
        rendered.append(page.path)
        return real(page, extras)

    first = {o.path: o.content for o in build.generate(Project(project))}
    monkeypatch.setattr("generator.build.render_page", counting)
    edit(project / "seeds" / "nasa_article_329.txt", b"research", b"zqmarker research")
    second = {o.path: o.content for o in build.generate(Project(project))}
    articles = [p for p in rendered if p.startswith("articles/") and p != "articles/index.md"]
    assert articles == ["articles/nasa-article-329.md"]
    assert first.keys() == second.keys()
    changed = {p for p in first if first[p] != second[p]}
    assert "articles/nasa-article-329.md" in changed
    assert all(p in rendered for p in changed)
    # A new process (empty memo) renders the same bytes.
    memo.forget()
    cache.forget_memory()
    assert {o.path: o.content for o in build.generate(Project(project))} == second


def test_make_serve_dirty_serves_the_edit_and_a_correct_search_index(tmp_path: Path) -> None:
    """The real server, as `make serve` starts it."""
    import socket
    import time
    import urllib.request

    def fetch(url: str) -> bytes:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return bytes(response.read())
        except OSError:
            return b""

    def wait_for(url: str, marker: bytes, seconds: float = 60) -> bytes:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            body = fetch(url)
            if marker in body:
                return body
            time.sleep(0.2)
        raise AssertionError(f"{url} never showed {marker!r}:\n{log.read_text()}")

    project = four_articles(tmp_path / "p")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base + "articles/nasa-article-329/", b"research")
        time.sleep(1.5)
        edit(project / "seeds" / "nasa_article_329.txt", b"research", b"zqmarker research")
        wait_for(base + "articles/nasa-article-329/", b"zqmarker")
        time.sleep(1.5)  # the search index is written at the end of the same build
        served = json.loads(fetch(base + "search/search_index.json"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text()
    assert "rendered" in text and "page(s) again" in text, text  # it was a dirty rebuild
    assert "Aborted" not in text and "Error" not in text, text
    assert not logged_warnings(text), text
    clean = json.loads(clean_build(project, tmp_path / "clean")["search/search_index.json"])
    assert served == clean
