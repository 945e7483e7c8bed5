"""The story's articles as an Atom feed (RFC 4287): docs/feed.xml, an owned output.

Newest first, one entry per article that has a `published` date (Atom needs a date for every
entry, and the generator never makes one up: an undated article is left out of the feed). Each
entry links to the article's source page on this site and, when the editor gave one, to the
original (`rel="via"`). Links are absolute from mkdocs.yml's `site_url`; without it they are
site-relative. The bytes depend only on the articles and the site settings, never on the clock.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from . import keep
from .keep import Kept
from .model import Article
from .site import SiteConfig

FEED_PATH = "feed.xml"
FEED_TYPE = "application/atom+xml"


# xml.sax.saxutils' escape and quoteattr, the same output: importing that module imports
# urllib.request, http.client and email (~20 ms of every build's start-up).
def escape(data: str) -> str:
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    data = escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"{}"'.format(data.replace('"', "&quot;"))


def feed_articles(articles: Sequence[Article]) -> list[Article]:
    """The articles the feed lists, newest first (then by slug, for a stable order)."""
    dated = [a for a in articles if a.published is not None]
    return sorted(dated, key=lambda a: (a.published or dt.date.min, a.slug), reverse=True)


def summary(article: Article) -> str:
    """The editor's description, else the article's first paragraph."""
    if article.description:
        return " ".join(article.description.split())
    for block in article.blocks:
        if block.kind == "paragraph":
            return " ".join(block.text.split())
    return article.title


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _text(tag: str, value: str, indent: str = "  ") -> str:
    return f"{indent}<{tag}>{escape(' '.join(value.split()))}</{tag}>"


def atom_feed(articles: Sequence[Article], site: SiteConfig) -> bytes:
    """The Atom document, UTF-8."""
    base = site.url
    entries = feed_articles(articles)
    # A feed needs an `updated` date: the newest article's, or the epoch for a feed with none.
    updated = entries[0].published if entries and entries[0].published else dt.date(1970, 1, 1)
    feed_id = base + FEED_PATH if base else "urn:news-microsite:feed"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        # the language of the site (mkdocs.yml theme.language), as its pages say it
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(site.language)}>',
        _text("title", site.name),
    ]
    if site.description:
        lines.append(_text("subtitle", site.description))
    lines += [
        f"  <id>{escape(feed_id)}</id>",
        f"  <updated>{_timestamp(updated)}</updated>",
        f'  <link rel="self" type="{FEED_TYPE}" href={quoteattr(base + FEED_PATH)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(base or "./")}/>',
        "  <author>",
        _text("name", site.name, "    "),
        "  </author>",
        "  <generator>news-microsite generator</generator>",
    ]
    entry = functools.partial(_entry, base=base)
    lines += [_ENTRIES.get(article, entry, base) for article in entries]
    lines.append("</feed>")
    keep.turn(_STAGE)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _entry(article: Article, base: str) -> str:
    """One article's <entry> element (its lines)."""
    page = f"{base}articles/{article.slug}/"
    entry_id = page if base else f"urn:news-microsite:article:{article.slug}"
    assert article.published is not None
    lines = [
        "  <entry>",
        _text("title", article.title, "    "),
        f"    <id>{escape(entry_id)}</id>",
        f'    <link rel="alternate" type="text/html" href={quoteattr(page)}/>',
    ]
    if article.source:
        lines.append(f'    <link rel="via" type="text/html" href={quoteattr(article.source)}/>')
    lines += [
        f"    <published>{_timestamp(article.published)}</published>",
        f"    <updated>{_timestamp(article.published)}</updated>",
    ]
    if article.byline:
        lines += ["    <author>", _text("name", article.byline, "      "), "    </author>"]
    lines += [_text("summary", summary(article), "    "), "  </entry>"]
    return "\n".join(lines)


# Each article's entry, by the (immutable) Article's identity and the site's address: a rebuild
# after one edit writes one entry again (keep.py; the stage turns at the end of each feed).
_STAGE = "feed"
_ENTRIES: Kept[str] = Kept(_STAGE, "feed.entries")
