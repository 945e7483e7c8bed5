"""What a reader of a published story does: follow the feed, a sentence citation, a photo."""

from __future__ import annotations

import urllib.parse

import feedparser
from playwright.sync_api import Page, expect

from scripts.serve_site import ServedSite


def test_feed_link_in_the_head_and_on_the_articles_page_works(page: Page, site: ServedSite) -> None:
    page.goto(site.page("articles/"))
    discovery = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    expect(discovery).to_have_count(1)
    feed_url = urllib.parse.urljoin(page.url, str(discovery.get_attribute("href")))
    visible = page.locator('a[type="application/atom+xml"]')
    assert urllib.parse.urljoin(page.url, str(visible.get_attribute("href"))) == feed_url
    response = page.request.get(feed_url)
    assert response.ok
    parsed = feedparser.parse(response.body())
    assert parsed.bozo == 0 and parsed.version == "atom10"
    assert parsed.entries, "the feed lists the story's articles"
    # Every entry's link is a page of this site (site_url mapped onto the local server).
    for entry in parsed.entries:
        path = urllib.parse.urlsplit(entry.link).path
        assert page.request.get(site.origin + path).ok, entry.link


def test_a_sentence_citation_opens_the_source_page_on_that_sentence_highlighted(
    page: Page, site: ServedSite
) -> None:
    page.goto(site.page("voices/"))
    link = page.locator('a.passage__source[href*="-s"]').first
    target = str(link.get_attribute("href")).rsplit("#", 1)[1]
    quote = link.locator("xpath=ancestor::blockquote//p").inner_text().strip("“”")
    link.click()
    expect(page).to_have_url(f"{site.page('articles/first-film-in-orbit/')}#{target}")
    sentence = page.locator(f'span.sentence[id="{target}"]')
    expect(sentence).to_be_in_viewport()
    assert quote[:25] in sentence.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == target
    styles = sentence.evaluate(
        "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.outlineStyle]; }"
    )
    assert styles[0] not in ("rgba(0, 0, 0, 0)", "transparent") and styles[1] == "solid", styles
    # Its neighbours are not marked, and the paragraph anchor still works.
    paragraph = target.split("-")[0]
    others = page.locator(f'[id="{paragraph}"] span.sentence:not([id="{target}"])')
    if others.count():
        background = others.first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert background == "rgba(0, 0, 0, 0)"
    page.goto(f"{site.page('articles/first-film-in-orbit/')}#{paragraph}")
    assert page.evaluate("document.querySelector(':target').id") == paragraph
