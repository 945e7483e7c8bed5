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


def test_a_captioned_photo_loads_responsively_with_its_alt_text_and_credit(
    page: Page, site: ServedSite
) -> None:
    page.goto(site.page("articles/first-film-in-orbit/"))
    figure = page.locator('figure[id="b10"]')
    image = figure.locator("picture img")
    assert image.get_attribute("loading") == "lazy"  # below the first screen
    assert image.get_attribute("width") and image.get_attribute("height")
    caption = figure.locator(".sentence").first.inner_text()
    assert image.get_attribute("alt") == caption
    figure.scroll_into_view_if_needed()
    expect(image).to_be_visible()
    page.wait_for_function(
        "e => e.complete && e.naturalWidth > 0", arg=image.element_handle(), timeout=5000
    )
    current = str(image.evaluate("e => e.currentSrc"))
    assert current.endswith(".webp"), current  # Chromium takes the WebP source
    box = image.bounding_box()
    assert box is not None and box["width"] > 200
    ratio = int(str(image.get_attribute("width"))) / int(str(image.get_attribute("height")))
    assert abs(box["width"] / box["height"] - ratio) < 0.02  # not stretched
    expect(figure.locator(".caption__credit")).to_be_visible()
    # A caption the editor gave no photo stays a caption.
    expect(page.locator('figure[id="b17"] picture')).to_have_count(0)


def test_the_original_source_is_marked_as_leaving_the_site(page: Page, site: ServedSite) -> None:
    for path in ("articles/first-film-in-orbit/", "articles/"):
        page.goto(site.page(path))
        link = page.locator("a.origin__link").first
        expect(link).to_be_visible()
        assert link.get_attribute("rel") == "noopener external"
        assert str(link.get_attribute("href")).startswith("https://news.example/")
        expect(link).to_contain_text("(external site)")
        expect(page.locator(".origin__byline").first).to_have_text("By A. Reporter")
