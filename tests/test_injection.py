"""The article is data, never markup: hostile seeds, built into a real MkDocs site.

The hostile seeds (tests/fixtures/hostile/) carry script tags, event handlers, raw HTML,
javascript: links, Jinja, the snippets marker, footnote/abbreviation syntax and `---` lines in
the body, the front matter title and description, and the headline and lead caption of a
NASA-style release. Each must reach the site as the literal text the author wrote, and nothing
executable or linking to another scheme may reach the HTML.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support import REPO, SEED, make_project

from generator.build import read_articles
from generator.cli import main
from generator.site import Project

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href"}


@dataclass
class Page:
    """What one built HTML page holds, as a browser would see it."""

    tags: set[str] = field(default_factory=set)
    scripts: set[str] = field(default_factory=set)  # "src:<url>" or the inline code
    structured: list[str] = field(default_factory=list)  # JSON-LD (data, not code)
    handlers: list[str] = field(default_factory=list)  # attributes named on…
    urls: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    metas: dict[str, str] = field(default_factory=dict)
    title: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._open: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.add(tag)
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.page.handlers.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES:
                parts = value.split(",") if name == "srcset" else [value]
                self.page.urls.extend(p.split()[0] for p in parts if p.strip())
        if tag == "meta" and "content" in values:
            self.page.metas[values.get("name") or values.get("property", "")] = values["content"]
        if tag == "script":
            if "src" in values:
                self.page.scripts.add("src:" + values["src"].lstrip("./"))
            self._script = []
            self._json_ld = values.get("type") == "application/ld+json"
        if tag not in ("meta", "link", "br", "img", "input", "hr", "source", "path"):
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            code = "".join(self._script).strip()
            if getattr(self, "_json_ld", False):
                self.page.structured.append(code)
            elif code:
                # The inline config names the page's depth; the rest must match Material's own.
                self.page.scripts.add(re.sub(r'"base": "[./]*"', '"base": ""', code))
            self._script = None
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        elif "title" in self._open:
            self.page.title += data
        elif "style" not in self._open:
            self.page.text.append(data)


def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def flat(text: str) -> str:
    return " ".join(text.split())


def mkdocs_build(project: Path) -> dict[str, Page]:
    assert main(["build", "--project", str(project)]) == 0
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(project / "site"),
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    return {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def benign(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    project = make_project(tmp_path_factory.mktemp("benign"), {SEED.name: SEED.read_bytes()})
    return mkdocs_build(project)


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds: dict[str, bytes | str] = {
        p.name: p.read_bytes() for p in sorted(HOSTILE.iterdir()) if p.is_file()
    }
    return make_project(tmp_path_factory.mktemp("hostile"), seeds)


@pytest.fixture(scope="module")
def hostile(hostile_project: Path) -> dict[str, Page]:
    return mkdocs_build(hostile_project)


def test_fixtures_really_are_hostile() -> None:
    """Guard against someone 'cleaning up' the fixtures until the tests prove nothing."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in HOSTILE.iterdir())
    for needle in (
        "<script>",
        "onerror=",
        "javascript:",
        "{{",
        "{%",
        "--8<--",
        "[^1]",
        "*[ISS]:",
        "\n---\n\n",
        "<div onmouseover",
        "{: onclick",
    ):
        assert needle in text, needle


def test_no_script_but_materials_own(benign: dict[str, Page], hostile: dict[str, Page]) -> None:
    allowed = set().union(*(page.scripts for page in benign.values()))
    assert any(s.startswith("src:") and "assets/javascripts/" in s for s in allowed)
    for name, page in hostile.items():
        assert page.scripts <= allowed, (name, page.scripts - allowed)
        for data in page.structured:  # JSON-LD: data that parses, with no markup in it
            assert isinstance(json.loads(data), dict) and "<" not in data, (name, data)
        for script in page.scripts:
            if script.startswith("src:"):
                assert script.startswith("src:assets/javascripts/"), (name, script)


def test_no_event_handler_attributes(hostile: dict[str, Page]) -> None:
    for name, page in hostile.items():
        assert page.handlers == [], name


def test_no_tag_that_the_benign_site_does_not_have(
    benign: dict[str, Page], hostile: dict[str, Page]
) -> None:
    known = set().union(*(page.tags for page in benign.values()))
    for name, page in hostile.items():
        assert page.tags - known == set(), name


def test_links_are_http_or_relative(hostile: dict[str, Page]) -> None:
    for name, page in hostile.items():
        for url in page.urls:
            scheme = urlsplit(url.strip()).scheme.lower()
            assert scheme in ("", "http", "https"), (name, url)


def test_every_block_title_and_description_reads_literally(
    hostile_project: Path, hostile: dict[str, Page]
) -> None:
    for _, article in read_articles(Project(hostile_project)):
        page = hostile[f"articles/{article.slug}/index.html"]
        text = flat("".join(page.text))
        for block in article.blocks:
            for part in (block.label, block.text, block.credit):
                if part:
                    assert flat(part) in text, (article.slug, block.id, part)
        assert flat(article.title) in text  # the h1
        assert page.title.startswith(flat(article.title))
        if article.description:
            assert page.metas["description"] == flat(article.description)


def test_hostile_strings_appear_as_typed(hostile: dict[str, Page]) -> None:
    page = flat("".join(hostile["articles/hostile-article/index.html"].text))
    for literal in (
        '<script>alert("body")</script>',
        "<img src=x onerror=alert(3)>",
        "[the plan](javascript:alert(4))",
        '<a href="javascript:alert(5)">this link</a>',
        "{{ config.site_name }}",
        '{% include "base.html" %}',
        "{# comment #}",
        '--8<-- "/etc/passwd"',
        "footnote[^1]",
        "[^1]: A footnote definition",
        "*[ISS]: International Space Station",
        "---",
        '{: onclick="alert(9)" }',
        "![pic](data:text/html,alert)",
    ):
        assert literal in page, literal
    # Nothing was expanded: no footnote list, no abbreviation from the article's own definition.
    assert "First Film in Orbit" not in page.split("Templates", 1)[1][:80]


def test_article_titles_read_literally_in_headings_on_theme_pages(
    hostile_project: Path, hostile: dict[str, Page]
) -> None:
    titles = [flat(a.title) for _, a in read_articles(Project(hostile_project))]
    seen = 0
    for name, page in hostile.items():
        text = flat("".join(page.text))
        for title in titles:
            head = title.split("[")[0]  # where the title appears at all…
            if head in text:
                seen += 1
                assert title in text, (name, title)  # …it appears whole and literal
    assert seen


def test_search_index_holds_text_not_markup(
    hostile_project: Path, hostile: dict[str, Page]
) -> None:
    """Material's search shows titles and text as HTML: they must be as inert as the pages.
    (`hostile` builds the site: the index exists whichever test runs first.)"""
    index = json.loads((hostile_project / "site" / "search" / "search_index.json").read_text())
    for doc in index["docs"]:
        for key in ("title", "text"):
            parser = _Parser()
            parser.feed(doc[key])
            parser.close()
            found = parser.page
            assert (found.scripts, found.handlers) == (set(), []), (doc["location"], key)
            assert "script" not in found.tags and "img" not in found.tags, doc["location"]
            assert all(urlsplit(u).scheme in ("", "http", "https") for u in found.urls)


def test_corrections_values_read_literally(hostile: dict[str, Page]) -> None:
    """Names, roles and aliases an editor typed into a corrections file are text too (on the
    cards of the crew or people pages)."""
    cards = " ".join(flat("".join(page.text)) for page in hostile.values())
    for literal in (
        "Evil <img src=x onerror=alert(21)> Person",
        '<script>alert("role")</script> actress {: onclick="alert(20)" }',
        "javascript:alert(23)",
    ):
        assert literal in cards, literal
