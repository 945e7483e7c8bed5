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
