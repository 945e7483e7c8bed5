"""render: URLs between pages, escaping of article text, front matter."""

from __future__ import annotations

import html

import yaml

from generator.compose import Mention, Page
from generator.render import annotate, front_matter, heading_text, page_url, relative_url


def test_page_urls_use_directory_urls() -> None:
    assert page_url("index.md") == ""
    assert page_url("crew.md") == "crew/"
    assert page_url("articles/index.md") == "articles/"
    assert page_url("articles/x.md#b7") == "articles/x/#b7"


def test_relative_urls_between_pages() -> None:
    assert relative_url("index.md", "crew.md") == "crew/"
    assert relative_url("crew.md", "articles/x.md#b3") == "../articles/x/#b3"
    assert relative_url("articles/x.md", "crew.md#anton") == "../../crew/#anton"
    assert relative_url("articles/x.md", "articles/x.md#b2") == "#b2"
    assert relative_url("crew.md", "index.md") == "../"
    assert relative_url("articles/index.md", "articles/y.md") == "y/"


def test_annotate_escapes_markup_and_links_names() -> None:
    text = 'Mr Shkaplerov <script>alert(1)</script> met "Peresild" at the ISS\n& left.'
    out = str(annotate(text, [Mention("Mr Shkaplerov", "anton-shkaplerov")], "../crew/"))
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert '<a class="mention" href="../crew/#anton-shkaplerov">Mr Shkaplerov</a>' in out
    assert "<abbr title=" in out and ">ISS</abbr>" in out
    assert "\n" not in out  # one line, so Markdown keeps the raw HTML block whole


def test_annotate_without_crew_page_links_nothing() -> None:
    out = str(annotate("Peresild flew.", [Mention("Peresild", "yulia-peresild")], None))
    assert "<a " not in out
    assert out == "Peresild flew."


def test_annotate_matches_whole_words_only() -> None:
    out = str(annotate("Cruiser and Cruise", [Mention("Cruise", "tom-cruise")], "crew/"))
    assert out.count("<a ") == 1
    assert out.startswith("Cruiser and <a")


def test_heading_text_neutralises_markdown_and_html() -> None:
    escaped = str(heading_text("# Title *x* [a](javascript:b) <i> {#id}"))
    assert "<i>" not in escaped
    assert "\\*x\\*" in escaped and "\\[a\\]" in escaped and "\\{\\#id\\}" in escaped


def test_front_matter_is_yaml_with_escaped_values() -> None:
    page = Page("x.md", 'A "title" </title><script>', "Desc & more", "article.md.j2", {}, 2)
    text = front_matter(page)
    assert text.startswith("---\n") and text.endswith("---\n")
    meta = yaml.safe_load(text.strip("-\n"))
    assert meta["title"] == html.escape('A "title" </title><script>')
    assert meta["description"] == "Desc &amp; more"
    assert meta["search"] == {"boost": 2}
