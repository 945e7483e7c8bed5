"""What a page gives to link previews and search engines: its share card (cards.py) and its
structured data (structured.py), as generator outputs plus the front matter keys that
overrides/main.html turns into `og:image` and a JSON-LD script.

Front matter keys: `card` (the card's docs path), `card_alt` (its text, HTML-escaped like
`title`), `jsonld` (JSON safe to print raw inside <script>).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from . import keep
from .cache import generator_version
from .cards import CardBatch, card_path, render_card
from .compose import Page
from .keep import Kept
from .media_cache import MediaCache
from .model import Article
from .pool import worker_count
from .render import front_matter_text
from .site import SiteConfig
from .structured import news_article, people_script_text, person, to_script_text
from .ui import catalogue

PEOPLE_COUNT = "people"


def _card_text(page: Page, site: SiteConfig) -> tuple[str, str]:
    """(title, kicker) drawn on a page's card."""
    words = catalogue(site.language)
    article = page.context.get("article")
    if article is not None:
        parts = [words.message("card_source_article")]
        if article.published:
            parts.append(words.date(article.published))
        if article.outlet:
            parts.append(article.outlet)
        return page.title, " · ".join(parts)
    if page.path == "index.md":
        return site.description or page.description or page.title, words.message("card_overview")
    # A page of the overview's grid says what it holds ("15 people"), not its title again.
    link = next((t for t in page.context.get("themes", ()) if t.path == page.path), None)
    if link is not None:
        return page.title, f"{link.count} {link.unit}"
    if page.path == "articles/index.md":
        # Every article's slug keys "mentions" (the list itself may be cut into parts).
        count = len(page.context.get("mentions", ()))
        return page.title, words.message("card_source_articles", count)
    return page.title, "" if page.nav_title == page.title else page.nav_title or ""


# What the last build of this process drew and serialised, so that a rebuild under `mkdocs
# serve` or `generator watch` reads no media cache entry and writes no JSON-LD for a page that
# did not change. Keys hold every input: the generator's version, the project's media cache
# (a card drawn for another project still goes into this one's cache) and the card's text;
# for JSON-LD the Article's identity (the entry keeps the immutable Article alive, so the
# identity stays its own), the page's path and description, the site and the card. Each build
# keeps only the entries it used.
CardKey = tuple[str, str, str, str, str]
LdKey = tuple[int, str, SiteConfig, str, str]
_drawn: dict[CardKey, bytes] = {}
_described: dict[LdKey, tuple[Article, str]] = {}


def _card_key(site: SiteConfig, title: str, kicker: str, media: MediaCache) -> CardKey:
    return (generator_version(), str(media.folder), site.name, title, kicker)


def _article_jsonld(page: Page, article: Article, site: SiteConfig, card: str) -> str:
    key = (id(article), page.path, site, card, page.description)
    found = _described.get(key)
    if found is None or found[0] is not article:
        text = to_script_text(news_article(article, page.path, site, card, page.description))
        found = (article, text)
    _described_now[key] = found
    return found[1]


_described_now: dict[LdKey, tuple[Article, str]] = {}
# A card's Person on a People page (or part), by the card's identity (keep.py), the page and
# the site's address: a rebuild serialises only the cards that changed or moved.
_STAGE = "share"
_PERSONS: Kept[str] = Kept(_STAGE, "share.persons")


_PARTS: Kept[str] = Kept(
    _STAGE, "share.parts"
)  # a page's whole JSON-LD, by its tuple of cards (paging.py)
_alt_text = functools.lru_cache(maxsize=1 << 16)(front_matter_text)  # str → str, pure


def _person_text(card: Any, page_path: str, site: SiteConfig) -> str:
    return _PERSONS.get(
        card, lambda c: to_script_text(person(c, page_path, site)), (page_path, site.url)
    )


def _people_text(cards: Sequence[Any], page_path: str, site: SiteConfig) -> str:
    if type(cards) is not tuple:  # only an immutable tuple of cards is kept by its identity
        return people_script_text([_person_text(c, page_path, site) for c in cards])
    return _PARTS.get(
        cards,
        lambda cs: people_script_text([_person_text(c, page_path, site) for c in cs]),
        (page_path, site.url),
    )


def forget() -> None:
    """Drop what this process kept (tests)."""
    _drawn.clear()
    _described.clear()


def snapshot() -> tuple[dict[CardKey, bytes], list[tuple[LdKey, tuple[Article, str]]]]:
    """The cards drawn and the JSON-LD written, for the next process (state.py)."""
    return _drawn, list(_described.items())


def restore(value: Any) -> None:
    forget()
    if value is None:
        return
    drawn: dict[CardKey, bytes]
    described: list[tuple[LdKey, tuple[Article, str]]]
    drawn, described = value
    _drawn.update(drawn)
    for key, found in described:  # keyed again by the Article's identity in this process
        _described[(id(found[0]), *key[1:])] = found


def card_bytes(page: Page, site: SiteConfig, media: MediaCache) -> bytes:
    title, kicker = _card_text(page, site)
    key = media.key("card", site.name.encode(), title.encode(), kicker.encode())
    found = media.get(key)
    if found is None:
        found = render_card(site.name, title, kicker)
        media.put(key, found)
    return found


class Cards:
    """Every page's card (docs path, PNG bytes), encoded while the build goes on: outputs()
    waits for them (and stores the new ones in the media cache). Call it once, also when the
    build fails."""

    def __init__(
        self,
        paths: list[str],
        batch: CardBatch,
        new: list[tuple[int, str]],
        media: MediaCache,
        keys: list[CardKey] | None = None,
    ) -> None:
        self._paths = paths
        self._batch = batch
        self._new = new  # (index, media cache key) of the cards drawn by this build
        self._media = media
        self._keys = keys  # each card's in-process key (share._drawn), when it keeps them

    def outputs(self) -> list[tuple[str, bytes]]:
        data = self._batch.results()
        for index, key in self._new:
            self._media.put(key, data[index])
        if self._keys is not None:
            _drawn.clear()
            _drawn.update(zip(self._keys, data, strict=True))
        return list(zip(self._paths, data, strict=True))


def share(
    pages: Sequence[Page], site: SiteConfig, media: MediaCache
) -> tuple[Cards, dict[str, dict[str, str]]]:
    """Every page's card and front matter extras by page path."""
    paths: list[str] = []
    new: list[tuple[int, str]] = []
    keys: list[CardKey] = []
    batch = CardBatch(worker_count())
    extras: dict[str, dict[str, str]] = {}
    _described_now.clear()
    try:
        for page in pages:
            card = card_path(page.path)
            title, kicker = _card_text(page, site)
            memo = _card_key(site, title, kicker, media)
            keys.append(memo)
            found = _drawn.get(memo)
            if found is None:
                key = media.key("card", site.name.encode(), title.encode(), kicker.encode())
                found = media.get(key)
                if found is None:
                    new.append((len(paths), key))
            if found is None:
                batch.add(site.name, title, kicker)
            else:
                batch.add_bytes(found)
            paths.append(card)
            alt = f"{site.name}: {title}" + (f" ({kicker})" if kicker else "")
            meta = {"card": card, "card_alt": _alt_text(alt)}
            article = page.context.get("article")
            if article is not None:
                meta["jsonld"] = _article_jsonld(page, article, site, card)
            spec = page.context.get("spec")
            # The People page, or one of its parts (paging.py): the Persons of the cards it
            # holds (none on a People page whose cards are all in parts).
            if (
                spec is not None
                and getattr(spec, "count", None) == PEOPLE_COUNT
                and page.context.get("items")
            ):
                meta["jsonld"] = _people_text(page.context["items"], page.path, site)
            extras[page.path] = meta
        batch.start()
    except BaseException:
        batch.results()
        raise
    _described.clear()
    _described.update(_described_now)
    _described_now.clear()
    keep.turn(_STAGE)
    return Cards(paths, batch, new, media, keys), extras
