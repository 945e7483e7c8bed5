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
- **cards**: never split (every page links to `people/#id`); when they are over budget each
  card shows its first MAX_CARD_QUOTES quotations and says how many more Voices has;
- **the overview** lists the newest OVERVIEW_ARTICLES articles and links to all of them.

Small sites are untouched (no list reaches the budget: the seed site is byte-identical).
Nothing is dropped: the parts of a list partition it, so every passage is two clicks from its
theme (theme page → part → the source paragraph) and keeps its source link.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .compose import ArticleEntry, ArticleGroup, Card, Page, Passage, QuoteView, TimelineEntry
from .read import slugify

# Estimated bytes of Markdown. MkDocs' HTML of a page is about its Markdown (raw HTML blocks
# pass through) plus ~30 KiB of theme and its table of contents. A themed page has at most
# four lists inline, each ≤ LIST_BUDGET, beside a fact box: well under 300 KiB.
LIST_BUDGET = 48_000
PART_BUDGET = 110_000
OVERVIEW_ARTICLES = 20
MAX_CARD_QUOTES = 3
# Templates whose `items` are one list of one kind (core pages), by the kind of their items.
_LIST_KEYS = ("groups", "timeline", "voices", "items", "articles")
_BIG_KEYS = ("groups", "timeline", "voices", "items", "articles", "sections", "cards", "facts")


@dataclass(frozen=True)
class PartLink:
    path: str  # docs-relative page path
    label: str  # "Part 2: 5 October 2021 – 3 January 2022"
    detail: str  # "34 articles, 120 passages"
    current: bool = False


def _text_cost(text: str) -> int:
    return len(text.encode("utf-8")) * 5 // 4  # names become links, terms <abbr>


def _passage_cost(passage: Passage) -> int:
    return 230 + _text_cost(passage.block.text)


def _group_cost(group: ArticleGroup) -> int:
    return 160 + sum(_passage_cost(p) for p in group.passages)


def _entry_cost(entry: TimelineEntry) -> int:
    return 450 + _text_cost(entry.text) + 90 * len(entry.also)  # with its mark on the drawing


def _voice_cost(quote: QuoteView) -> int:
    return 400 + _text_cost(quote.text) + len(quote.speaker_role)


def _article_cost(entry: ArticleEntry) -> int:
    return 240 + len(entry.title) + _text_cost(entry.lede)


def _card_cost(card: Card) -> int:
    quotes = sum(300 + _text_cost(q.text) for q in card.quotes)
    return 900 + quotes + 120 * min(len(card.mention_groups), 10)


COSTS: dict[str, Callable[[Any], int]] = {
    "groups": _group_cost,
    "passages": _passage_cost,
    "timeline": _entry_cost,
    "voices": _voice_cost,
    "articles": _article_cost,
}
_KIND_OF_ITEM: dict[type, str] = {
    ArticleGroup: "groups",
    Passage: "passages",
    TimelineEntry: "timeline",
    QuoteView: "voices",
    ArticleEntry: "articles",
}
_FILE = {"groups": "passages", "timeline": "events", "voices": "voices", "articles": ""}
_WHAT = {
    "groups": "from the articles",
    "passages": "passages",
    "timeline": "timeline",
    "voices": "voices",
    "articles": "articles",
}


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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _describe(kind: str, chunk: Sequence[Any]) -> tuple[str, str]:
    """(date range, counts) of one part, for its link."""
    if kind == "groups":
        passages = sum(len(g.passages) for g in chunk)
        detail = f"{_plural(len(chunk), 'article')}, {_plural(passages, 'passage')}"
        return _span(chunk[0].published, chunk[-1].published), detail
    if kind == "timeline":
        return _span(chunk[0].label, chunk[-1].label), _plural(len(chunk), "dated event")
    if kind == "articles":  # newest first: from the part's oldest to its newest
        return _span(chunk[-1].published, chunk[0].published), _plural(len(chunk), "article")
    if kind == "passages":
        return "", _plural(len(chunk), "passage")
    return "", _plural(len(chunk), "quotation")


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
    return {a.slug for a in chunk}


def _paths(page: Page, name: str, count: int, first_inline: bool) -> list[str]:
    stem = page.path[: -len(".md")]
    files = [f"{stem}/{name}-{n}.md" if name else f"{stem}/{n}.md" for n in range(1, count + 1)]
    if first_inline:
        files[0] = page.path
    return files


@dataclass
class _Split:
    """One list cut into parts: what stays on the page, the links, the part pages."""

    inline: tuple[Any, ...]
    links: tuple[PartLink, ...]
    pages: list[Page]


def _split(page: Page, kind: str, items: Sequence[Any], name: str, title: str) -> _Split | None:
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
    paths = _paths(page, name, len(chunks), first_inline)
    links = tuple(
        PartLink(path, f"Part {n + 1}" + (f": {span}" if span else ""), detail)
        for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True))
        for span, detail in [_describe(kind, chunk)]
    )
    pages = [
        _part_page(page, kind, chunk, n, links, title)
        for n, chunk in enumerate(chunks)
        if links[n].path != page.path
    ]
    return _Split(chunks[0] if first_inline else (), links, pages)


def _part_page(
    page: Page, kind: str, chunk: tuple[Any, ...], n: int, links: tuple[PartLink, ...], what: str
) -> Page:
    wanted = _slugs(kind, chunk)
    context = {
        **page.context,
        **dict.fromkeys(_BIG_KEYS, ()),
        "mentions": {s: m for s, m in page.context.get("mentions", {}).items() if s in wanted},
        "kind": kind,
        "items": chunk,
        "parent": (page.path, page.title),
        "part_links": tuple(
            dataclasses.replace(link, current=i == n) for i, link in enumerate(links)
        ),
        "part": links[n],
        "parts": {},
    }
    title = f"{page.title}: {what}, part {n + 1} of {len(links)}"
    span = links[n].label.partition(": ")[2]
    description = f"{page.title}, {what}{f', {span}' if span else ''} ({links[n].detail})."
    return Page(
        path=links[n].path,
        title=title,
        description=description,
        template="part.md.j2",
        context=context,
        search_boost=page.search_boost,
    )


def split_pages(pages: Sequence[Page]) -> tuple[Page, ...]:
    """`pages` with every over-budget list cut into parts (part pages follow their page);
    pages within budget come back as they were."""
    sources = next((p.path for p in pages if p.template == "articles_index.md.j2"), "")
    voices = next((p.path for p in pages if p.template == "voices.md.j2"), "")
    out: list[Page] = []
    for page in pages:
        context = dict(page.context)
        extra: list[Page] = []
        parts: dict[str, tuple[PartLink, ...]] = {}
        if page.template == "article.md.j2" and "mentions" in context and "article" in context:
            # A source page names only its own article's people: its model (and so its
            # memo, see memo.py) does not change when another article's people do.
            slug = context["article"].slug
            context["mentions"] = {slug: context["mentions"].get(slug, ())}
            out.append(dataclasses.replace(page, context=context))
            continue
        if page.template == "index.md.j2":
            articles = context.get("articles", ())
            if len(articles) > OVERVIEW_ARTICLES:
                context["articles"] = articles[:OVERVIEW_ARTICLES]
                context["all_articles"] = (len(articles), sources)
                out.append(dataclasses.replace(page, context=context))
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
            cut = _split(page, kind, items, _FILE[kind], _WHAT[kind])
            if cut is not None:
                context[key] = cut.inline
                parts[kind] = cut.links
                extra += cut.pages
        sections = context.get("sections")
        if sections:
            new_sections = []
            for title, passages in sections:
                cut = (
                    _split(page, "passages", passages, slugify(title) or "section", title.lower())
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
                and sum(_card_cost(c) for c in cards) > LIST_BUDGET
            ):
                context[key] = tuple(
                    dataclasses.replace(c, quotes=c.quotes[:MAX_CARD_QUOTES]) for c in cards
                )
                more = {c.id: len(c.quotes) - MAX_CARD_QUOTES for c in cards}
                context["card_more"] = ({k: v for k, v in more.items() if v > 0}, voices)
        if parts:
            context["parts"] = parts
        if context == page.context:
            out.append(page)
        else:
            out.append(dataclasses.replace(page, context=context))
        out += extra
    return tuple(out)
