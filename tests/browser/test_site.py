"""What a visitor does: search, move between tabs, switch the palette, follow the timeline."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import textwrap
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect

from generator.render import page_url
from scripts.serve_site import ServedSite, serve_site

from .conftest import REPO, ContextFactory, scheme_of, search, wait_for_scheme

# Query -> the page a reader must find: first in Material's results, in the top three of
# Zensical's (its ranking puts sections of the overview first for some words). A person's name
# leads to their card on People (role, part, quotes, every mention: every person's card is
# there, the crew's also on Crew, unindexed); events and places to the mission page.
SEARCH_EXPECTATIONS = {
    "Peresild": "people/#yulia-peresild",
    "Rogozin": "people/#dmitry-rogozin",
    "Tom Cruise": "people/#tom-cruise",
    "docking": "mission/",
    "Baikonur": "mission/",
}


@pytest.mark.parametrize(("query", "expected"), SEARCH_EXPECTATIONS.items())
def test_search_finds_the_right_page(
    page: Page, site: ServedSite, engine: str, query: str, expected: str
) -> None:
    if not page.url.startswith(site.url):
        page.goto(site.page(""))
    results = search(page, engine, query)
    expected_page, _, anchor = expected.partition("#")
    pages = [r.split("#")[0] for r in results]
    if engine == "mkdocs":
        assert pages[0] == site.page(expected_page), f"{query!r}: results {results}"
    else:
        assert site.page(expected_page) in pages[:3], f"{query!r}: results {results}"
    if anchor:  # the person's own card is among the first results
        assert site.page(expected) in results[:3], f"{query!r}: results {results}"
    page.keyboard.press("Escape")


def test_tabs_lead_to_every_section(page: Page, site: ServedSite) -> None:
    page.goto(site.page(""))
    tabs = page.locator(".md-tabs__link")
    labels = [t.strip() for t in tabs.all_inner_texts()]
    assert labels[:2] == ["Overview", "Mission"], labels
    for label in labels[1:]:
        page.locator(".md-tabs__link", has_text=label).first.click()
        expect(page.locator(".md-tabs__item--active .md-tabs__link")).to_have_text(label)
        expect(page.locator("h1").first).to_be_visible()
        assert page.title().endswith("First Film in Orbit")
    page.locator(".md-tabs__link", has_text="Overview").click()
    expect(page).to_have_url(site.page(""))


def test_palette_toggle_switches_and_persists(
    new_context: ContextFactory, site: ServedSite
) -> None:
    page = new_context(color_scheme="light").new_page()
    page.goto(site.page(""))
    wait_for_scheme(page, "default")
    page.locator("label[for='__palette_1']").click()
    wait_for_scheme(page, "slate")
    page.goto(site.page("crew/"))
    assert scheme_of(page) == "slate", "the dark palette did not persist to the next page"
    page.reload()
    assert scheme_of(page) == "slate"
    page.locator("label[for='__palette_0']").click()
    wait_for_scheme(page, "default")
    page.close()


BUNDLE = "**/assets/javascripts/bundle.*.min.js"


def test_palette_works_before_materials_script_arrives(
    new_context: ContextFactory, site: ServedSite
) -> None:
    """Material's bundle starts after the first paint; until then the page is already in the
    system's palette, and a toggle pressed early switches and is remembered."""
    page = new_context(color_scheme="dark").new_page()
    page.route(BUNDLE, lambda route: route.abort())  # as if the bundle had not arrived yet
    page.goto(site.page("crew/"))
    assert scheme_of(page) == "slate", "a dark-mode reader was shown the light palette first"
    expect(page.locator("label[for='__palette_0']")).to_be_visible()  # "Switch to light mode"
    expect(page.locator("label[for='__palette_1']")).to_be_hidden()
    page.locator("label[for='__palette_0']").click()
    assert scheme_of(page) == "default"
    expect(page.locator("label[for='__palette_1']")).to_be_visible()
    page.unroute(BUNDLE)
    page.goto(site.page("mission/"))
    page.wait_for_function("window.component$ !== undefined")
    assert scheme_of(page) == "default", "Material did not keep the choice made before it ran"
    page.locator("label[for='__palette_1']").click()
    wait_for_scheme(page, "slate")
    page.close()


def test_no_script_holds_up_the_first_paint(
    page: Page, site: ServedSite, site_pages: list[str]
) -> None:
    """Every script file is started from the inert <template> after the first frame, and
    Material's components still mount (its header hides the title on scroll, ...)."""
    for path in site_pages:
        with urllib.request.urlopen(site.page(path)) as response:
            text = response.read().decode("utf-8")
        outside = re.sub(r'<template id="__scripts">.*?</template>', "", text, flags=re.S)
        assert not re.search(r"<script\b[^>]*\bsrc=", outside), f"{path}: parser-blocking script"
        assert '<template id="__scripts">' in text, path
    page.goto(site.page("crew/"))
    page.wait_for_function("window.component$ !== undefined")
    assert page.evaluate("document.documentElement.classList.contains('js')")


@pytest.mark.parametrize(("path", "least"), [("timeline/", 2), ("mission/", 1)])
def test_timeline_points_link_to_existing_source_blocks(
    page: Page, site: ServedSite, path: str, least: int
) -> None:
    """The Timeline holds every dated event; Mission's only what the flight did (the seed's
    return), so one point there."""
    page.goto(site.page(path))
    figure = page.locator("figure.timeline")
    assert figure.count() == 1, f"{path}: no timeline"
    svg = figure.locator("svg")
    expect(svg).to_be_visible()
    labelled_by = svg.get_attribute("aria-labelledby")
    if labelled_by:
        assert page.locator(f"[id='{labelled_by.split()[0]}']").count() == 1
    else:
        assert (svg.get_attribute("aria-label") or "").strip(), "the timeline has no name"
    # Links inside role=img would be hidden from assistive technology (axe nested-interactive).
    assert svg.get_attribute("role") != "img" or figure.locator("svg a").count() == 0
    assert figure.locator("figcaption").inner_text().strip()
    points = figure.locator("svg a")
    assert points.count() >= least, f"{path}: fewer than {least} dated events"
    targets = {
        urllib.parse.urljoin(page.url, str(points.nth(i).get_attribute("href")))
        for i in range(points.count())
    }
    assert page.locator("ol.timeline-list > li").count() >= points.count()
    for target in sorted(targets):
        url, _, anchor = target.partition("#")
        assert anchor, f"timeline link {target} has no block anchor"
        page.goto(url)
        assert page.locator(f"[id='{anchor}']").count() == 1, f"{target}: no such block"


def test_people_cards_one_per_person_with_anchor(page: Page, site: ServedSite) -> None:
    page.goto(site.page("people/"))
    cards = page.locator(".cards > article.card")
    count = cards.count()
    assert count >= 3
    # The anchor sits on the card's heading, so search results land on the person too.
    ids = [str(cards.nth(i).locator(".card__name").get_attribute("id")) for i in range(count)]
    names = [n.strip() for n in page.locator(".card .card__name").all_inner_texts()]
    assert len(set(ids)) == count and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids), ids
    assert len(set(names)) == count, f"a person has two cards: {names}"
    assert "yulia-peresild" in ids and "Yulia Peresild" in names
    # A mention elsewhere leads to the card.
    page.goto(site.page("articles/first-film-in-orbit/"))
    page.locator("a.mention[href$='#yulia-peresild']").first.click()
    expect(page).to_have_url(re.compile(r"/people/#yulia-peresild$"))
    expect(page.locator("#yulia-peresild")).to_be_in_viewport()


def test_crew_page_shows_the_crew_only(page: Page, site: ServedSite) -> None:
    page.goto(site.page("crew/"))
    ids = page.locator(".cards > article.card .card__name").evaluate_all(
        "els => els.map(e => e.id)"
    )
    assert "yulia-peresild" in ids and "anton-shkaplerov" in ids, ids
    # Officials and the rival project's people are on People, not on "who flew".
    assert not {"dmitry-rogozin", "dmitry-peskov", "tom-cruise"} & set(ids), ids


def test_passage_sources_resolve(page: Page, site: ServedSite) -> None:
    page.goto(site.page("film/"))
    link = page.locator("a.passage__source").first
    href = str(link.get_attribute("href"))
    link.click()
    anchor = href.split("#", 1)[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()


def test_abbr_tooltip_is_readable(page: Page, site: ServedSite) -> None:
    page.goto(site.page("mission/"))
    abbr = page.locator(".md-content abbr[title]").first
    # The seed's mission page explains "Kremlin" (data/themes/spaceflight.yml): a page with no
    # abbreviation would leave nothing to check, so that fails instead of skipping.
    assert abbr.count() == 1, "no abbreviation on the mission page"
    title = abbr.get_attribute("title")  # Material moves it into the tooltip on hover
    assert title == "The seat of the Russian presidency in Moscow"
    abbr.hover()
    tip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    expect(tip).to_be_visible()
    text = tip.inner_text()
    assert text == title
    colors = tip.evaluate(
        """el => { const inner = el.querySelector('.md-tooltip2__inner') || el;
                  const s = getComputedStyle(inner); return [s.color, s.backgroundColor]; }"""
    )
    assert colors[0] != colors[1]


def test_404_page_is_ours(page: Page, site: ServedSite) -> None:
    response = page.goto(site.page("no-such-page/"))
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Lost in orbit")
    assert page.title() == "Page not found - First Film in Orbit"
    page.locator(".lost-links a", has_text="Crew").click()
    expect(page).to_have_url(site.page("crew/"))


def test_meta_and_open_graph(page: Page, site: ServedSite, site_pages: list[str]) -> None:
    for path in site_pages:
        page.goto(site.page(path))
        head = page.locator("head")
        description = head.locator("meta[name=description]").get_attribute("content")
        assert description and len(description) > 20, path
        assert (
            head.locator("meta[property='og:description']").get_attribute("content") == description
        )
        og_title = head.locator("meta[property='og:title']").get_attribute("content")
        assert og_title and og_title in page.title(), path
        assert head.locator("meta[property='og:type']").get_attribute("content") in (
            "website",
            "article",
        )
        og_url = head.locator("meta[property='og:url']").get_attribute("content")
        assert og_url and og_url.endswith("/" + path), (path, og_url)
        assert head.locator("link[rel=icon]").get_attribute("href", timeout=1000)


HOSTILE = '</title><script>alert(1)</script> "x" onload='


def test_hostile_title_is_escaped_exactly_once(
    new_context: ContextFactory, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A front matter title escaped by the generator shows literally and runs nothing."""
    work = tmp_path_factory.mktemp("hostile")
    docs = work / "docs"
    docs.mkdir()
    (docs / "assets").mkdir()
    for asset in ("site.css", "logo.svg", "favicon.svg"):
        (docs / "assets" / asset).write_bytes((REPO / "docs" / "assets" / asset).read_bytes())
    escaped = html.escape(HOSTILE, quote=True)
    for name in ("index", "other"):
        (docs / f"{name}.md").write_text(
            textwrap.dedent(
                f"""\
                ---
                title: '{escaped}'
                description: '{escaped}'
                ---

                Body text of {name}.
                """
            )
        )
    config = (REPO / "mkdocs.yml").read_text()
    config = re.sub(r"(?m)^INHERIT:.*\n", "", config)  # the generator's nav: ours is below
    config = "nav:\n  - Home: index.md\n  - Other: other.md\n" + config
    config = re.sub(r"(?ms)^(hooks|watch):.*?(?=^\S)", "", config)
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    (work / "mkdocs.yml").write_text(config)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(work / "site")],
        cwd=work,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    raw = (work / "site" / "other" / "index.html").read_text()
    assert "<script>alert" not in raw
    assert escaped.replace("&quot;", "&#34;") in raw or escaped in raw
    assert "&amp;lt;" not in raw.split("</head>")[0], "escaped twice in <head>"
    page = new_context().new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    with serve_site(work / "site", "/first-film-in-orbit/") as served:
        page.goto(served.page("other/"))
        assert page.title() == f"{HOSTILE} - First Film in Orbit"
        for prop in ("og:title", "og:description"):
            assert page.locator(f"meta[property='{prop}']").get_attribute("content") == HOSTILE
        assert page.locator("meta[name=description]").get_attribute("content") == HOSTILE
        assert page.locator("meta[property='og:title'][onload]").count() == 0
    assert dialogs == []
    page.close()


def test_phone_layout_has_no_horizontal_scroll(
    new_context: ContextFactory, site: ServedSite, site_pages: list[str]
) -> None:
    page = new_context(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    for path in site_pages:
        page.goto(site.page(path))
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path or '/'} is {overflow}px wider than a 360px phone"
    page.close()


# The structures the generator writes as raw HTML in the Markdown, which each engine must
# render whole: cards, fact boxes, the timeline, passages, voices, source blocks.
STRUCTURE = (
    "card",
    "theme-card",
    "factbox",
    "factbox__row",
    "timeline",
    "timeline__point",
    "timeline-list",
    "passage",
    "voice",
    "source-block",
)


def test_every_page_has_its_structure(
    page: Page, site: ServedSite, site_docs: Path, site_pages: list[str]
) -> None:
    """Each page shows every card, fact box row, timeline point… that its generated Markdown
    holds (counted by exact class), and the structures readers rely on exist at all."""
    seen: dict[str, int] = {}
    checked = 0
    for markdown in sorted(site_docs.rglob("*.md")):
        rel = markdown.relative_to(site_docs).as_posix()
        url = page_url(rel)
        if url not in site_pages:
            continue  # a hand-written page of the project (none in the seed site)
        page.goto(site.page(url))
        text = markdown.read_text(encoding="utf-8")
        expect(page.locator("article.md-content__inner h1").first).to_be_visible()
        for name in STRUCTURE:
            want = len(re.findall(rf'class="{re.escape(name)}"', text))
            got = page.locator(f"article.md-content__inner [class='{name}']").count()
            assert got == want, f"{url or '/'}: {got} of {want} elements of class {name}"
            seen[name] = seen.get(name, 0) + got
        checked += 1
    assert checked >= 6, checked
    for name in ("card", "factbox", "timeline", "timeline__point", "source-block"):
        assert seen.get(name), f"no page shows a {name}"


def test_search_on_a_site_for_another_story_finds_the_person(
    new_context: ContextFactory, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A site made with `generator new` for a court story: a surname search answers with the
    person's card on People, as on the seed site."""
    from test_framing import COURT_STORY

    from generator.cli import main

    work = tmp_path_factory.mktemp("court")
    article = work / "court.md"
    article.write_text(COURT_STORY, encoding="utf-8")
    root = work / "site-project"
    assert main(["new", str(root), "--from", str(article), "--like", str(REPO)]) == 0
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")],
        cwd=root,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    page = new_context().new_page()
    with serve_site(root / "site", "/") as served:
        page.goto(served.page(""))
        page.wait_for_function("window.component$ !== undefined")
        for surname, card in (("Hale", "robert-hale"), ("Alvarez", "maria-alvarez")):
            results = search(page, "mkdocs", surname)
            assert results[0].split("#")[0] == served.page("people/"), (surname, results)
            assert served.page(f"people/#{card}") in results[:3], (surname, results)
            page.keyboard.press("Escape")
    page.close()
