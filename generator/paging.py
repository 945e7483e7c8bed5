"""Pages that stay small: long lists move to numbered part pages, so no page outgrows a budget.

A page that gathers every article (a themed page, People, Timeline, Voices, the list of
sources) grows with the site. After compose, each such list whose estimated Markdown exceeds
LIST_BUDGET is cut, in its reading order, into parts of at most PART_BUDGET:

- **passages** ("From the articles"): the themed page keeps its structure (cards, fact box,
  timeline, voices) and lists its parts instead, with their dates and counts; a part holds
  whole articles' passages, oldest first (`mission/passages-2.md`);
- **timeline, voices, a themed page's sections, the list of sources**: the page keeps the
  first part (so it reads as before, only shorter) and links to the others, which show the
  same list drawn the same way (`timeline/events-2.md`, `articles/index/2.md`);
- **cards** (People, and a themed page's cards such as Crew): over budget, each card shows its
  first MAX_CARD_QUOTES quotations and says how many more Voices has; still over, the cards
  leave the page for parts in surname order, cut into near-equal alphabetical ranges
  (`people/cards-3.md`: "Hall – Kim"), and the page lists the ranges and the initials. Every
  link to a person then leads to the part that holds the card (`Mention.page`, read by
  render.py), and each People part carries the JSON-LD of its own cards;
- **the overview** lists the newest OVERVIEW_ARTICLES articles and links to all of them.

Small sites are untouched (no list reaches the budget: the seed site is byte-identical).
Nothing is dropped: the parts of a list partition it, so every passage is two clicks from its
theme (theme page → part → the source paragraph) and keeps its source link.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from anyascii import anyascii

from . import keep
from .analyse.lexicon import people_lexicon
from .compose import (
    ArticleEntry,
    ArticleGroup,
    Card,
    CastRow,
    Mention,
    Page,
    Passage,
    QuoteView,
    TimelineEntry,
)
from .keep import Kept, kept_function
from .read import slugify
from .render import MAX_MENTION_GROUPS
from .ui import Catalogue, catalogue

# Estimated bytes of Markdown. MkDocs' HTML of a page is about its Markdown (raw HTML blocks
# pass through) plus ~30 KiB of theme and its table of contents. A themed page has at most
# four lists inline, each ≤ LIST_BUDGET, beside a fact box: well under 300 KiB.
LIST_BUDGET = 48_000
PART_BUDGET = 110_000
OVERVIEW_ARTICLES = 20
MAX_CARD_QUOTES = 3
# Templates whose `items` are one list of one kind (core pages), by the kind of their items.
_LIST_KEYS = ("groups", "timeline", "voices", "items", "articles", "cast")
_BIG_KEYS = (
    "groups",
    "timeline",
    "voices",
    "items",
    "articles",
    "sections",
    "cards",
    "facts",
    "cast",
)


@dataclass(frozen=True)
class PartLink:
    path: str  # docs-relative page path
    label: str  # "Part 2: 5 October 2021 – 3 January 2022"
    detail: str  # "34 articles, 120 passages"
    current: bool = False
    span: str = ""  # the label's range ("5 October 2021 – 3 January 2022"), for part titles


def _plain_cost(text: str) -> int:
    return len(text.encode("utf-8")) * 5 // 4  # terms become <abbr>


def _text_cost(text: str) -> int:
    """Terms become <abbr>, names links (~70 bytes each, for two capitalised words; but
    sentences, places and organisations are capitalised too)."""
    capitalised = sum(1 for word in text.split() if word[:1].isupper())
    return _plain_cost(text) + 20 * capitalised


def _passage_cost_of(passage: Passage) -> int:
    return 230 + _text_cost(passage.block.text)


def _group_cost_of(group: ArticleGroup) -> int:
    return 160 + sum(_passage_cost(p) for p in group.passages)


def _entry_cost_of(entry: TimelineEntry) -> int:
    """Its mark on the drawing (the whole text as its label, two lines of it shown) and its
    line in the list."""
    drawn = 450 + len(entry.text.encode("utf-8")) + min(len(entry.text), 90)
    return drawn + 250 + _text_cost(entry.text) + 90 * len(entry.also)


def _voice_cost_of(quote: QuoteView) -> int:
    # A quotation's own words link no one.
    return 400 + _plain_cost(quote.text) + len(quote.speaker_role)


def _cast_cost_of(row: CastRow) -> int:
    return 330 + 2 * len(row.actor_id or "") + _plain_cost(row.actor_name) + len(row.character)


def _article_cost_of(entry: ArticleEntry) -> int:
    return 240 + len(entry.title) + _text_cost(entry.lede)


def _card_cost_of(card: Card) -> int:
    quotes = sum(300 + _plain_cost(q.text) for q in card.quotes)
    return 900 + quotes + 120 * min(len(card.mention_groups), 10)


_STAGE = "paging"  # keep.py: the maps turned at the end of split_pages
# Each item's cost, kept by the item's identity between builds (keep.py): after one seed edit
# only the edited article's items are new, and only theirs are estimated again.
_passage_cost = kept_function(_STAGE, _passage_cost_of)
_group_cost = kept_function(_STAGE, _group_cost_of)
_entry_cost = kept_function(_STAGE, _entry_cost_of)
_voice_cost = kept_function(_STAGE, _voice_cost_of)
_cast_cost = kept_function(_STAGE, _cast_cost_of)
_article_cost = kept_function(_STAGE, _article_cost_of)
_card_cost = kept_function(_STAGE, _card_cost_of)


def _cards_cost_of(cards: tuple[Card, ...]) -> int:
    return sum(_card_cost(c) for c in cards)


_cards_cost = kept_function(_STAGE, _cards_cost_of)  # a page's cards, by their tuple's identity


COSTS: dict[str, Callable[[Any], int]] = {
    "groups": _group_cost,
    "passages": _passage_cost,
    "timeline": _entry_cost,
    "voices": _voice_cost,
    "articles": _article_cost,
    "cast": _cast_cost,
}
_KIND_OF_ITEM: dict[type, str] = {
    ArticleGroup: "groups",
    Passage: "passages",
    TimelineEntry: "timeline",
    QuoteView: "voices",
    ArticleEntry: "articles",
    CastRow: "cast",
}
_FILE = {
    "groups": "passages",
    "timeline": "events",
    "voices": "voices",
    "articles": "",
    "cast": "cast",
}
PEOPLE_FOLDER = "people/"  # the People page's parts: render.py links names into them
# What a part of each kind holds, for its title ("Mission: from the articles, part 2 of 5"):
# the message of the site's language (ui.py) named what_<kind>.
_KINDS_WITH_WHAT = ("groups", "passages", "timeline", "voices", "articles", "cast")


def _words_of(page: Page) -> Catalogue:
    """The catalogue of the site a page belongs to (its language's words)."""
    return catalogue(getattr(page.context.get("site"), "language", None))


def _chunks(items: Sequence[Any], cost: Callable[[Any], int]) -> list[tuple[Any, ...]]:
    """Consecutive runs of `items`, each of at most PART_BUDGET (a single item over it alone)."""
    chunks: list[list[Any]] = [[]]
    used = 0
    for item in items:
        size = cost(item)
        if chunks[-1] and used + size > PART_BUDGET:
            chunks.append([])
            used = 0
        chunks[-1].append(item)
        used += size
    return [tuple(c) for c in chunks if c]


def _span(first: str, last: str) -> str:
    return first if first == last or not last else f"{first} – {last}" if first else last


def _describe(kind: str, chunk: Sequence[Any], words: Catalogue) -> tuple[str, str]:
    """(date range, counts) of one part, for its link."""
    if kind == "groups":
        passages = sum(len(g.passages) for g in chunk)
        detail = words.message("list_separator").join(
            (
                words.message("count_articles", len(chunk)),
                words.message("count_passages", passages),
            )
        )
        return _span(chunk[0].published, chunk[-1].published), detail
    if kind == "timeline":
        return _span(chunk[0].label, chunk[-1].label), words.message(
            "count_dated_events", len(chunk)
        )
    if kind == "articles":  # newest first: from the part's oldest to its newest
        return _span(chunk[-1].published, chunk[0].published), words.message(
            "count_articles", len(chunk)
        )
    if kind == "passages":
        return "", words.message("count_passages", len(chunk))
    if kind == "cast":
        return "", words.message("count_roles", len(chunk))
    return "", words.message("count_quotations", len(chunk))


def _part_label(n: int, span: str, words: Catalogue) -> str:
    """ "Part 2: 5 October 2021 – 3 January 2022" (n counts from 1)."""
    return words.message("part_span", n, span=span) if span else words.message("part", n)


def _slugs(kind: str, chunk: Sequence[Any]) -> set[str]:
    """The articles whose text a part shows (for the names it links)."""
    if kind == "groups":
        return {g.slug for g in chunk}
    if kind == "passages":
        return {p.source.slug for p in chunk}
    if kind == "timeline":
        return {e.source.slug for e in chunk}
    if kind == "voices":
        return {q.article_slug for q in chunk}
    if kind == "cast":
        return {r.source.slug for r in chunk}
    if kind == "cards":  # a card names no one but its person (its quotes are not linked)
        return set()
    return {a.slug for a in chunk}


_LINKS: dict[tuple[PartLink, ...], tuple[PartLink, ...]] = {}  # equal links: one tuple


def _same_links(links: tuple[PartLink, ...]) -> tuple[PartLink, ...]:
    """`links`, or the equal tuple an earlier build made (memo.py knows its identity): a list
    cut again after an edit often has the same parts, dates and counts."""
    if len(_LINKS) > 4096:
        _LINKS.clear()
    return _LINKS.setdefault(links, links)


def _paths(page_path: str, name: str, count: int, first_inline: bool) -> list[str]:
    stem = page_path[: -len(".md")]
    files = [f"{stem}/{name}-{n}.md" if name else f"{stem}/{n}.md" for n in range(1, count + 1)]
    if first_inline:
        files[0] = page_path
    return files


@dataclass
class _Split:
    """One list cut into parts: what stays on the page, the links, the part pages."""

    inline: tuple[Any, ...]
    links: tuple[PartLink, ...]
    pages: list[Page]


@dataclass(frozen=True)
class _Cut:
    """Where a list is cut: its parts (the first stays inline unless it is passages) and the
    links to them. A function of the list, its kind, names and the budgets alone, so it is
    kept for the very same list (keep.py): the next build gets the same tuples."""

    chunks: tuple[tuple[Any, ...], ...]
    links: tuple[PartLink, ...]
    first_inline: bool


def _cut(
    kind: str, items: Sequence[Any], name: str, page_path: str, words: Catalogue
) -> _Cut | None:
    cost = COSTS[kind]
    if sum(cost(i) for i in items) <= LIST_BUDGET:
        return None
    chunks = _chunks(items, cost)
    first_inline = kind != "groups"  # passages leave the page; other lists keep part 1
    if first_inline and cost(chunks[0][0]) <= LIST_BUDGET:
        # Part 1 stays on the page, so it is held to the page's budget: re-cut the rest.
        head: list[Any] = []
        used = 0
        for item in items:
            if used + cost(item) > LIST_BUDGET:
                break
            head.append(item)
            used += cost(item)
        chunks = [tuple(head), *_chunks(items[len(head) :], cost)]
    paths = _paths(page_path, name, len(chunks), first_inline)
    links = tuple(
        PartLink(path, _part_label(n + 1, span, words), detail, span=span)
        for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True))
        for span, detail in [_describe(kind, chunk, words)]
    )
    return _Cut(tuple(chunks), _same_links(links), first_inline)


def _split(page: Page, kind: str, items: Sequence[Any], name: str, title: str) -> _Split | None:
    words = _words_of(page)
    budgets = (kind, name, page.path, LIST_BUDGET, PART_BUDGET, words.language)
    cut = _CUTS.get(items, lambda i: _cut(kind, i, name, page.path, words), budgets)
    if cut is None:
        return None
    chunks, links = cut.chunks, cut.links
    pages = [
        _part_page(page, kind, chunk, n, links, title)
        for n, chunk in enumerate(chunks)
        if links[n].path != page.path
    ]
    return _Split(chunks[0] if cut.first_inline else (), links, pages)


def _current(links: tuple[PartLink, ...], n: int) -> tuple[PartLink, ...]:
    """The links to every part, as part `n` shows them (its own marked current)."""
    return tuple(dataclasses.replace(link, current=i == n) for i, link in enumerate(links))


def _mentions_of(
    mentions: dict[str, tuple[Mention, ...]], wanted: frozenset[str]
) -> dict[str, tuple[Mention, ...]]:
    """The mentions of the articles a part shows, in the page's order."""
    if len(wanted) * 8 < len(mentions):
        known = _ORDERS.get(id(mentions))
        if known is None or known[0] is not mentions:
            known = _ORDERS[id(mentions)] = (mentions, {slug: i for i, slug in enumerate(mentions)})
        order = known[1]
        found = sorted((s for s in wanted if s in order), key=order.__getitem__)
        return {s: mentions[s] for s in found}
    return {s: m for s, m in mentions.items() if s in wanted}


def _part_page(
    page: Page,
    kind: str,
    chunk: tuple[Any, ...],
    n: int,
    links: tuple[PartLink, ...],
    what: str,
    extra: dict[str, Any] | None = None,
) -> Page:
    wanted = _WANTED.get(chunk, lambda c: frozenset(_slugs(kind, c)), kind)
    context = {
        **page.context,
        **dict.fromkeys(_BIG_KEYS, ()),
        "mentions": _mentions_of(page.context.get("mentions", {}), wanted),
        "kind": kind,
        "items": chunk,
        "parent": (page.path, page.title),
        "part_links": _PART_LINKS.get(links, lambda ls: _current(ls, n), n),
        "part": links[n],
        "parts": {},
        **(extra or {}),
    }
    span = links[n].span
    words = _words_of(page)
    detail = links[n].detail
    if kind == "cards":  # "People: Hall – Kim, part 3 of 9"
        title = words.message(
            "part_title_cards", n + 1, page=page.title, span=span, total=len(links)
        )
        description = words.message(
            "part_description_cards", page=page.title, span=span, detail=detail
        )
    else:
        title = words.message("part_title", n + 1, page=page.title, what=what, total=len(links))
        key = "part_description_span" if span else "part_description"
        description = words.message(key, page=page.title, what=what, span=span, detail=detail)
    return Page(
        path=links[n].path,
        title=title,
        description=description,
        template="part.md.j2",
        context=context,
        search_boost=page.search_boost,
    )


# ---- cards: alphabetical parts ------------------------------------------------------------


_NOT_SORTED = re.compile(r"[^0-9a-z\s]+")


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """A name as it sorts: ASCII (anyascii), lower case, letters, digits and spaces only."""
    plain = anyascii(unicodedata.normalize("NFC", text)).lower()
    return " ".join(_NOT_SORTED.sub("", plain).split())


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(s.casefold().rstrip(".") for s in people_lexicon().suffixes)


@lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """The word a name sorts by: its last word, less suffixes ("Jr.", "III") and quoted
    nicknames ("Edwin E. “Buzz” Aldrin" → Aldrin); a one-word name is its own surname."""
    suffixes = _suffixes()
    words = [w.strip(",") for w in name.split() if w[:1] not in "“”\"‘’'(“«"]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1].casefold().rstrip(".") in suffixes:
        words.pop()
    return words[-1] if words else " ".join(name.split())


def _card_order_of(card: Card) -> tuple[str, str, str]:
    return (_fold(surname(card.name)), _fold(card.name), card.id)


_card_order = kept_function(_STAGE, _card_order_of)


def _initial_of(card: Card) -> str:
    first = _fold(surname(card.name))[:1].upper()
    return first if first.isalpha() else "#"


_initial = kept_function(_STAGE, _initial_of)


# What structured.to_script_text writes as a \u escape, and YAML's front matter escapes again.
_LD_PLAIN = str.maketrans(dict.fromkeys("<>&[](){}*_`!#+-.|~:'"))


def _ld_text(text: str) -> int:
    return 7 * len(text) - 6 * len(text.translate(_LD_PLAIN)) + 4


def _card_size_of(card: Card) -> int:
    """Bytes of a card as _macros.card draws it on a part page (a little over, not under)."""
    size = 130 + len(card.id) + _plain_cost(card.name)
    size += sum(25 + _plain_cost(v.value) for v in (*card.roles, *card.parts))
    size += sum(25 + 2 * _plain_cost(o.value) for o in card.organizations)  # an <abbr> each
    size += sum(
        30 + (130 + len(a.sources[0].article_title) if len(card.ages) > 1 else 0) for a in card.ages
    )
    groups = card.mention_groups
    if len(groups) == 1:
        size += 40 + sum(40 + len(r.slug) + len(r.block) for r in groups[0][1])
    else:
        size += 60 + sum(
            60 + len(first.slug) + _plain_cost(first.article_title) + 6 * len(refs)
            for first, refs in groups[:MAX_MENTION_GROUPS]
        )
    return size + 60 + sum(map(_quote_size, card.quotes))  # 60: "And N more quotations"


def _quote_size_of(quote: QuoteView) -> int:
    return 150 + len(quote.source.slug) + _plain_cost(quote.text)


def _ld_size_of(card: Card, url: str) -> int:
    """Bytes of the card's Person in the JSON-LD of the page's front matter (structured.py;
    the head script carries the same with fewer escapes)."""
    link = _ld_text(f"{url}people/cards-00/#{card.id}")
    size = 60 + _ld_text(card.name) + 2 * (16 + link)
    size += sum(4 + _ld_text(r.value) for r in card.roles) + (20 if card.roles else 0)
    size += sum(60 + _ld_text(o.value) for o in card.organizations)
    return size


_card_size = kept_function(_STAGE, _card_size_of)
_quote_size = kept_function(_STAGE, _quote_size_of)
_LD_SIZES: Kept[int] = Kept(_STAGE, "paging.ld_sizes")
_CUTS: Kept[_Cut | None] = Kept(
    _STAGE, "paging.cuts"
)  # by the list, its kind, names and the budgets
_CARD_CUTS: Kept[_CardCut | None] = Kept(
    _STAGE, "paging.card_cuts"
)  # by the cards, the page and the budgets
_THEMED_CUTS: Kept[_CardCut] = Kept(_STAGE, "paging.themed_cuts")
_HOMED: Kept[tuple[Mention, ...]] = Kept(
    _STAGE, "paging.homed"
)  # by mentions tuple and their cards' pages
_PART_LINKS: Kept[tuple[PartLink, ...]] = Kept(
    _STAGE, "paging.part_links"
)  # by links tuple and part number
_WANTED: Kept[frozenset[str]] = Kept(_STAGE, "paging.wanted")  # by a part's items and kind
_PLACED: Kept[tuple[dict[str, str], tuple[Mention, ...]]] = Kept(
    _STAGE, "paging.placed"
)  # by mentions tuple: (the canonical card pages it was placed with, _homed's tuple)
# The card pages of the last build's People parts (person id → page), a private copy that
# nothing changes: a build whose map is equal uses this very object (_canonical_home).
_HOME: list[dict[str, str]] = []


def _canonical_home(home: dict[str, str]) -> dict[str, str]:
    """`home`, as the object of the last build when equal (so identity tells it)."""
    if _HOME and _HOME[0] == home:
        return _HOME[0]  # (checked below when it was new)
    if not all(path.startswith(PEOPLE_FOLDER) for path in home.values()):
        raise AssertionError("people parts live under people/")  # render.py relies on it
    _HOME[:] = [dict(home)]
    return _HOME[0]


# id(mentions dict) → (it, its slugs' positions), for one split_pages call
_ORDERS: dict[int, tuple[dict[str, tuple[Mention, ...]], dict[str, int]]] = {}


def _ld_size(card: Card, url: str) -> int:
    return _LD_SIZES.get(card, lambda c: _ld_size_of(c, url), url)


def _cost_of_cards(page: Page, with_ld: bool) -> Callable[[Card], int]:
    site = page.context.get("site")
    url = getattr(site, "url", "") or ""
    if with_ld:
        return lambda c: _card_size(c) + _ld_size(c, url)
    return _card_size


def _balanced(items: Sequence[Any], costs: Sequence[int]) -> list[tuple[Any, ...]]:
    """Consecutive runs of `items` (costing `costs`) of near-equal cost, as few as PART_BUDGET
    allows (a single item over it alone): item i goes to the run its middle falls in."""
    total = sum(costs)
    count = max(1, math.ceil(total / PART_BUDGET))
    while True:
        runs: list[list[Any]] = [[] for _ in range(count)]
        spent = [0] * count
        used = 0
        for item, size in zip(items, costs, strict=True):
            run = min(count - 1, (2 * used + size) * count // (2 * max(total, 1)))
            runs[run].append(item)
            spent[run] += size
            used += size
        if count >= len(items) or all(
            len(r) <= 1 or c <= PART_BUDGET for r, c in zip(runs, spent, strict=True)
        ):
            return [tuple(r) for r in runs if r]
        count += 1


@dataclass(frozen=True)
class _CardCut:
    """Cards cut into alphabetical parts: the cards as they show (trimmed or not), how many
    more quotations each has (None: none trimmed), the parts, links and the initials' index."""

    cards: tuple[Card, ...]
    more: Any
    chunks: tuple[tuple[Card, ...], ...]
    links: tuple[PartLink, ...]
    initials: tuple[tuple[str, str], ...]
    home: dict[str, str] = dataclasses.field(default_factory=dict)  # card id → its part


def _card_chunks(
    cards: tuple[Card, ...],
    costs: Sequence[int],
    name: str,
    page_path: str,
    more: Any,
    words: Catalogue,
) -> _CardCut:
    """Cards in surname order, in parts of near-equal size (`<page>/<name>-N.md`)."""
    order = sorted(range(len(cards)), key=lambda i: _card_order(cards[i]))
    chunks = _balanced([cards[i] for i in order], [costs[i] for i in order])
    paths = _paths(page_path, name, len(chunks), first_inline=False)
    links = tuple(
        PartLink(
            path,
            _part_label(n + 1, span, words),
            words.message("count_people", len(chunk)),
            span=span,
        )
        for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True))
        for span in [_span(surname(chunk[0].name), surname(chunk[-1].name))]
    )
    seen: dict[str, str] = {}  # initial → docs path#id of the first card with it, in order
    for path, chunk in zip(paths, chunks, strict=True):
        for card in chunk:
            initial = _initial(card)
            if initial not in seen:
                seen[initial] = f"{path}#{card.id}"
    home = {card.id: path for path, chunk in zip(paths, chunks, strict=True) for card in chunk}
    return _CardCut(cards, more, tuple(chunks), _same_links(links), tuple(seen.items()), home)


def _card_pages(page: Page, cut: _CardCut, searchable: bool) -> list[Page]:
    trimmed = dataclasses.replace(page, context={**page.context, "items": cut.cards})
    return [
        _part_page(trimmed, "cards", chunk, n, cut.links, "", {"cards_searchable": searchable})
        for n, chunk in enumerate(cut.chunks)
    ]


def _short_card_of(card: Card) -> Card:
    return dataclasses.replace(card, quotes=card.quotes[:MAX_CARD_QUOTES])


_short_card = kept_function(_STAGE, _short_card_of)


def _trimmed(cards: tuple[Card, ...], voices: str) -> tuple[tuple[Card, ...], Any]:
    """Cards showing their first MAX_CARD_QUOTES quotations, and how many more each has."""
    more = {c.id: len(c.quotes) - MAX_CARD_QUOTES for c in cards}
    short = tuple(_short_card(c) if len(c.quotes) > MAX_CARD_QUOTES else c for c in cards)
    return short, ({k: v for k, v in more.items() if v > 0}, voices)


def _is_people(page: Page) -> bool:
    return getattr(page.context.get("spec"), "count", None) == "people"


def _themed_cut(
    cards: tuple[Card, ...], key: str, voices: str, page_path: str, words: Catalogue
) -> _CardCut:
    """A themed page's cards over budget: trimmed, and in parts when still over (no chunks:
    they stay on the page)."""
    shown, more = _trimmed(cards, voices)
    costs = [_card_size(c) for c in shown] if key == "cards" else []
    if sum(costs) > LIST_BUDGET:
        return _card_chunks(shown, costs, "cards", page_path, more, words)
    return _CardCut(shown, more, (), (), ())


def _themed_cards(
    page: Page,
    context: dict[str, Any],
    parts: dict[str, tuple[PartLink, ...]],
    key: str,
    voices: str,
) -> list[Page]:
    """A themed page's cards over budget, trimmed in `context`; still over, (Crew) to parts
    of their own, out of search (People answers for them): → those parts."""
    cards = context[key]
    words = _words_of(page)
    plain = (key, voices, page.path, LIST_BUDGET, PART_BUDGET, MAX_CARD_QUOTES, words.language)
    cut = _THEMED_CUTS.get(cards, lambda cs: _themed_cut(cs, key, voices, page.path, words), plain)
    context[key], context["card_more"] = cut.cards, cut.more
    if not cut.chunks:
        return []
    pages = _card_pages(dataclasses.replace(page, context=dict(context)), cut, searchable=False)
    context[key] = ()
    parts["cards"] = cut.links
    context["card_initials"] = cut.initials
    return pages


def _people_cut(
    cards: tuple[Card, ...], url: str, voices: str, page_path: str, words: Catalogue
) -> _CardCut | None:
    """Where the People page's cards are cut (None: they fit on the page)."""
    costs = [_card_size(c) + _ld_size(c, url) for c in cards]
    if not cards or sum(costs) <= PART_BUDGET:
        return None
    more = None
    shown = cards
    if sum(_card_cost(c) for c in cards) > LIST_BUDGET:
        shown, more = _trimmed(cards, voices)
        costs = [
            size - sum(map(_quote_size, card.quotes[MAX_CARD_QUOTES:]))
            for size, card in zip(costs, cards, strict=True)
        ]
    if sum(costs) <= PART_BUDGET:
        return None
    return _card_chunks(shown, costs, "cards", page_path, more, words)


def _people_split(page: Page, voices: str) -> tuple[Page, _Split, dict[str, str]] | None:
    """The People page's cards over PART_BUDGET (the page holds nothing else): the page with
    the parts instead of the cards, and the parts."""
    cards = page.context.get("items", ())
    site = page.context.get("site")
    url = getattr(site, "url", "") or ""
    words = _words_of(page)
    plain = (url, voices, page.path, LIST_BUDGET, PART_BUDGET, MAX_CARD_QUOTES, words.language)
    cut = _CARD_CUTS.get(cards, lambda cs: _people_cut(cs, url, voices, page.path, words), plain)
    if cut is None:
        return None
    context = dict(page.context)
    if cut.more is not None:
        context["card_more"] = cut.more
    parts = _card_pages(dataclasses.replace(page, context=context), cut, searchable=True)
    context["items"] = ()
    context["parts"] = {"cards": cut.links}
    context["card_initials"] = cut.initials
    return _with_context(page, context), _Split((), cut.links, parts), cut.home


def _homed(mentions: tuple[Mention, ...], home: dict[str, str]) -> tuple[Mention, ...]:
    """One article's mentions, each with the page of its person's card; the very tuple of the
    last build when the mentions and their pages are the same (memo.py knows it). `home`: the
    canonical map (_canonical_home), so the very same object means the same map: then the
    mentions of last build come back without looking up each person's page again."""
    found = _PLACED.get(mentions, lambda ms: (home, _homed_anew(ms, home)))
    if found[0] is not home:
        found = (home, _homed_anew(mentions, home))
        _PLACED.put(mentions, found)
    return found[1]


def _homed_anew(mentions: tuple[Mention, ...], home: dict[str, str]) -> tuple[Mention, ...]:
    pages = tuple(home.get(m.person_id, "") for m in mentions)
    return _HOMED.get(
        mentions,
        lambda ms: tuple(dataclasses.replace(m, page=p) for m, p in zip(ms, pages, strict=True)),
        pages,
    )


def _with_context(page: Page, context: dict[str, Any]) -> Page:
    """dataclasses.replace(page, context=context) without its per-call introspection (every
    page is replaced once per build)."""
    new = object.__new__(type(page))  # copy.copy's work, without its protocol lookups
    fields = new.__dict__
    fields.update(page.__dict__)
    fields["context"] = context
    return new


def _placed(page: Page, home: dict[str, str], new: dict[int, Any]) -> Page:
    """`page` whose names link to the part that holds each person's card (`new`: the mentions
    mappings already placed in this build, by identity)."""
    mentions = page.context.get("mentions")
    if not isinstance(mentions, dict):
        return page
    found = new.get(id(mentions))
    if found is None or found[0] is not mentions:
        found = new[id(mentions)] = (
            mentions,
            {slug: _homed(ms, home) for slug, ms in mentions.items()},
        )
    return _with_context(page, {**page.context, "mentions": found[1]})


def split_pages(pages: Sequence[Page]) -> tuple[Page, ...]:
    """`pages` with every over-budget list cut into parts (part pages follow their page);
    pages within budget come back as they were. What it works out from an item alone is kept
    for the next build (keep.py): the same items give the same objects."""
    try:
        return _split_pages(pages)
    finally:
        _ORDERS.clear()
        keep.turn(_STAGE)


def _split_pages(pages: Sequence[Page]) -> tuple[Page, ...]:
    sources = next((p.path for p in pages if p.template == "articles_index.md.j2"), "")
    voices = next((p.path for p in pages if p.template == "voices.md.j2"), "")
    people = next((p for p in pages if _is_people(p)), None)
    people_cut = _people_split(people, voices) if people is not None else None
    home = _canonical_home(people_cut[2]) if people_cut is not None else None
    placed: dict[int, Any] = {}
    out: list[Page] = []
    for page in pages:
        if people_cut is not None and _is_people(page):
            out += [people_cut[0], *people_cut[1].pages]
            continue
        if home is not None:
            page = _placed(page, home, placed)
        context = dict(page.context)
        extra: list[Page] = []
        parts: dict[str, tuple[PartLink, ...]] = {}
        if page.template == "article.md.j2" and "mentions" in context and "article" in context:
            # A source page names only its own article's people: its model (and so its
            # memo, see memo.py) does not change when another article's people do.
            slug = context["article"].slug
            context["mentions"] = {slug: context["mentions"].get(slug, ())}
            out.append(_with_context(page, context))
            continue
        if page.template == "index.md.j2":
            articles = context.get("articles", ())
            if len(articles) > OVERVIEW_ARTICLES:
                context["articles"] = articles[:OVERVIEW_ARTICLES]
                context["all_articles"] = (len(articles), sources)
                out.append(_with_context(page, context))
            else:
                out.append(page)
            continue
        for key in _LIST_KEYS:
            items = context.get(key)
            if not items or not isinstance(items, tuple):
                continue
            kind = _KIND_OF_ITEM.get(type(items[0]))
            if kind is None or (key != "items" and kind != key):
                continue
            what = _words_of(page).message(f"what_{kind}") if kind in _KINDS_WITH_WHAT else ""
            cut = _split(page, kind, items, _FILE[kind], what)
            if cut is not None:
                context[key] = cut.inline
                parts[kind] = cut.links
                extra += cut.pages
        sections = context.get("sections")
        if sections:
            new_sections = []
            for title, passages in sections:
                cut = (
                    _split(
                        page,
                        "passages",
                        passages,
                        slugify(title) or "section",
                        _words_of(page).text(title).lower(),
                    )
                    if passages
                    else None
                )
                if cut is None:
                    new_sections.append((title, passages))
                    continue
                new_sections.append((title, cut.inline))
                parts[f"section:{title}"] = cut.links
                extra += cut.pages
            context["sections"] = tuple(new_sections)
        for key in ("cards", "items"):
            cards = context.get(key)
            if (
                cards
                and isinstance(cards, tuple)
                and isinstance(cards[0], Card)
                and _cards_cost(cards) > LIST_BUDGET
            ):
                extra += _themed_cards(page, context, parts, key, voices)
        if parts:
            context["parts"] = parts
        if context == page.context:
            out.append(page)
        else:
            out.append(_with_context(page, context))
        out += extra
    return tuple(out)
