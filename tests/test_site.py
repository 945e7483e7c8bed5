"""The MkDocs site itself: a strict build in a temporary folder, with what readers rely on."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import support
from support import CORPUS, SEED


def mkdocs_build(project: Path) -> Path:
    return support.mkdocs_build(project, "--strict")


class _Refs(HTMLParser):
    """Collects every URL an HTML page refers to, and the ids it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []  # (what refers, url): "a", "img", "link:icon"…
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rel = dict(attrs).get("rel") or ""
        kind = f"{tag}:{rel}" if tag == "link" else tag
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src", "action", "poster", "data") and value:
                self.urls.append((kind, value))
            if name == "srcset" and value:
                self.urls.extend((kind, part.split()[0]) for part in value.split(",") if part)


def parse(path: Path) -> _Refs:
    refs = _Refs()
    refs.feed(path.read_text(encoding="utf-8"))
    return refs


def test_strict_build_has_every_page_and_resolving_links(seed_project: Path) -> None:
    site = mkdocs_build(seed_project)
    pages = [
        "index.html",
        "mission/index.html",
        "crew/index.html",
        "film/index.html",
        "context/index.html",
        "people/index.html",
        "timeline/index.html",
        "voices/index.html",
        "articles/first-film-in-orbit/index.html",
    ]
    for page in pages:
        assert (site / page).is_file(), page
    parsed = {p.relative_to(site).as_posix(): parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, refs in parsed.items():
        for _, url in refs.urls:
            if re.match(r"^[a-z]+:", url) or url.startswith("/"):
                continue  # other hosts, and the 404 page's site-rooted URLs
            path, _, anchor = url.partition("#")
            target = (site / page).parent / path if path else site / page
            if target.is_dir() or path.endswith("/"):
                target = target / "index.html"
            target_key = target.resolve().relative_to(site.resolve()).as_posix()
            if not target.exists():
                broken.append(f"{page}: {url}")
            elif anchor and target_key in parsed and anchor not in parsed[target_key].ids:
                broken.append(f"{page}: {url} (no such anchor)")
    assert broken == []


def test_built_html_requests_nothing_from_another_host(seed_project: Path) -> None:
    site = mkdocs_build(seed_project)
    foreign = []
    for page in site.rglob("*.html"):
        for tag, url in parse(page).urls:
            # Links (<a>, canonical) may point anywhere; nothing may be *loaded* from elsewhere.
            if tag in ("a", "link:canonical", "link:alternate", "link:sitemap"):
                continue
            if re.match(r"^[a-z]+://", url) or url.startswith("//"):
                foreign.append(f"{page.relative_to(site)}: <{tag}> {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            if re.match(r"""^['"]?(https?:)?//""", url):
                foreign.append(f"{css.relative_to(site)}: {url}")
    assert foreign == []


def test_search_index_finds_people_by_surname(seed_project: Path) -> None:
    site = mkdocs_build(seed_project)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    for surname, card in (
        ("Peresild", "yulia-peresild"),
        ("Shkaplerov", "anton-shkaplerov"),
        ("Rogozin", "dmitry-rogozin"),
    ):
        hits = {d["location"] for d in index["docs"] if surname in d["title"] + d["text"]}
        # Every card is on People; the crew page's copies of the crew's cards are not indexed,
        # so a name has one answer.
        assert f"people/#{card}" in hits, surname
        assert f"crew/#{card}" not in hits, surname


def test_nasa_release_site_has_no_film_page_and_no_broken_nav(
    project_factory: Callable[..., Path],
) -> None:
    project = project_factory(
        {"nasa_article_329.txt": (CORPUS / "nasa_article_329.txt").read_bytes()}
    )
    site = mkdocs_build(project)
    assert not (site / "film" / "index.html").exists()
    assert not (project / "docs" / "film.md").exists()
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="film/"' not in index
    assert (site / "articles" / "nasa-article-329" / "index.html").is_file()


def test_hook_follows_seed_edits_without_rewriting_unchanged_files(seed_project: Path) -> None:
    def mkdocs_build(project: Path) -> Path:  # each `mkdocs build` a new process, as a user's
        return support.mkdocs_build(project, "--strict", new_process=True)

    mkdocs_build(seed_project)
    docs = seed_project / "docs"
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    mkdocs_build(seed_project)
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")} == stamps
    seed = seed_project / "seeds" / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("Challenge", "Vyzov"))
    site = mkdocs_build(seed_project)
    assert "Vyzov" in (site / "articles" / "first-film-in-orbit" / "index.html").read_text()
    unchanged = docs / "articles" / "index.md"
    assert unchanged.stat().st_mtime_ns == stamps[unchanged]
