"""Facts of every article → page models: what goes on which page. No Markdown here.

Paths in page models are docs-relative Markdown paths ("crew.md", "articles/x.md#b7");
render.py turns them into URLs relative to the page that links to them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from . import ui
from .analyse.keyfacts import KeyFactRules, flight_events
from .analyse.themes import has_role, load_theme_rules, tells_theme
from .analyse.themesets import (
    Core,
    CorePage,
    ThemePage,
    ThemeSet,
    describe,
    load_core,
    load_theme_sets,
)
from .citations import anchor, sentence_of
from .citations import spans_of as sentence_spans_of
from .model import Block, Event, Facts, KeyFact, Person, Theme
from .site import SiteConfig

# The words compose writes (dates, "paragraph 4", "Unattributed"), in the language of the site
# being composed (compose_site sets it): its catalogue (ui.py).
_words: ui.Catalogue = ui.catalogue(ui.DEFAULT)


@dataclass(frozen=True)
class SourceRef:
    """Where a fact or passage comes from: one block of one article."""

    slug: str
    block: str
    article_title: str
    sentence: int | None = None  # 1-based sentence of the block that states it, when known

    @property
    def path(self) -> str:
        target = anchor(self.block, self.sentence) if self.sentence else self.block
        return f"articles/{self.slug}.md#{target}"

    @property
    def label(self) -> str:
        """ "paragraph 4, sentence 2" (in the language of the site being composed)."""
        return self.label_in(_words)

    def label_in(self, words: ui.Catalogue) -> str:
        paragraph = block_label(self.block, words)
        if self.sentence:
            return words.message("paragraph_sentence", self.sentence, paragraph=paragraph)
        return paragraph


@dataclass(frozen=True)
class Passage:
    block: Block
    source: SourceRef


@dataclass(frozen=True)
class ArticleGroup:
    """The passages one article contributes to a page."""

    slug: str
    title: str
    published: str  # human date, "" when unknown
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class FactRow:
    label: str
    value: str
    sources: tuple[SourceRef, ...]
    name: str = ""  # the key fact's name ("launch_date")


@dataclass(frozen=True)
class Sourced:
    """A value and the articles/blocks that give it (several when articles agree)."""

    value: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class QuoteView:
    text: str
    speaker_id: str | None
    speaker_name: str
    speaker_role: str
    source: SourceRef
    article_slug: str


@dataclass(frozen=True)
class Card:
    """A person as the whole site knows them, merged across articles."""

    id: str
    name: str
    roles: tuple[Sourced, ...]
    ages: tuple[Sourced, ...]
    organizations: tuple[Sourced, ...]
    parts: tuple[Sourced, ...]
    quotes: tuple[QuoteView, ...]
    mentions: tuple[SourceRef, ...]

    @property
    def conflicting_ages(self) -> bool:
        return len(self.ages) > 1

    @functools.cached_property  # a card is immutable: its groups are worked out once
    def mention_groups(self) -> tuple[tuple[SourceRef, tuple[SourceRef, ...]], ...]:
        """Mentions grouped by article, in the articles' reading order."""
        groups: dict[str, list[SourceRef]] = {}
        for ref in self.mentions:
            groups.setdefault(ref.slug, []).append(ref)
        return tuple((refs[0], tuple(refs)) for refs in groups.values())


@dataclass(frozen=True)
class TimelineEntry:
    date: str  # ISO, as precise as the article allows
    label: str  # "4 October 2021"
    text: str
    source: SourceRef
    also: tuple[SourceRef, ...] = ()  # other articles that give the same event

    @property
    def sources(self) -> tuple[SourceRef, ...]:
        return (self.source, *self.also)


@dataclass(frozen=True)
class CastRow:
    actor_id: str | None
    actor_name: str
    character: str
    source: SourceRef


@dataclass(frozen=True)
class ThemeLink:
    """A card on the overview for one page: what it is and how much it holds."""

    id: str
    title: str
    description: str
    path: str
    count: int
    unit: str  # what is counted, singular or plural as `count` needs: "passages", "person"


@dataclass(frozen=True)
class ArticleEntry:
    slug: str
    title: str
    published: str
    lede: str
    path: str
    source: str | None = None  # the original's address (front matter), never fetched
    outlet: str | None = None
    byline: str | None = None


@dataclass(frozen=True)
class Mention:
    """How a person is named in one article, for linking names to their card."""

    alias: str
    person_id: str
    page: str = ""  # the page that holds the card when People is in parts (paging.py)


@dataclass(frozen=True)
class Page:
    """One page of the site. compose_site returns pages in navigation order."""

    path: str  # docs-relative: "crew.md"
    title: str
    description: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    search_boost: float | None = None
    nav_title: str | None = None  # its name in the site navigation; None: not in the navigation


# ---------------------------------------------------------------------------------------------
# What one article gives the pages that gather every article, kept between builds of one
# process (`mkdocs serve`, `generator watch`): after one seed is edited, only that seed's Facts
# are new objects, so only its share is worked out again and the pages are reassembled from
# the kept shares of the others. Keys are the identities of the inputs (Facts and theme-set
# objects are immutable, and each entry holds them, so an identity is never reused while its
# entry lives) and plain values (str, int, tuples of str). compose_site keeps exactly the
# entries its build used.

_T = TypeVar("_T")
_KEPT: dict[tuple[Any, ...], tuple[tuple[object, ...], Any]] = {}
_USED: set[tuple[Any, ...]] = set()
# The keys of the entries whose objects start with a Facts, by that Facts' identity: what
# _keep_only_used drops when the Facts is gone, found without a scan of every entry.
_BY_FACTS: dict[int, set[tuple[Any, ...]]] = {}
_KEPT_LIMIT = 500_000


def _store(key: tuple[Any, ...], entry: tuple[tuple[object, ...], Any]) -> None:
    """_KEPT[key] = entry, indexed by its leading Facts (if it has one) in _BY_FACTS."""
    _KEPT[key] = entry
    objects = entry[0]
    if objects and isinstance(objects[0], Facts):
        _BY_FACTS.setdefault(id(objects[0]), set()).add(key)


def _kept(kind: str, make: Callable[..., _T], *objects: Any, plain: tuple[Any, ...] = ()) -> _T:
    """make(*objects, *plain), or what it gave for the very same `objects` (by identity) and
    equal `plain` values (str, tuples of str) in this or the last build."""
    key = (kind, plain, *map(id, objects))
    hit = _KEPT.get(key)
    if hit is not None and all(map(operator.is_, hit[0], objects)):
        _USED.add(key)
        value: _T = hit[1]
        return value
    value = make(*objects, *plain)
    if len(_KEPT) >= _KEPT_LIMIT:
        forget()
    if objects and isinstance(objects[0], Facts):
        # An edited article whose share is equal to its last one (an edit elsewhere in its
        # text) gives the very objects of the last build, so what gathers them is kept too.
        slot = ("slot", kind, plain, objects[0].article.slug, *map(id, objects[1:]))
        before = _KEPT.get(slot)
        same_context = before is not None and all(map(operator.is_, before[0], objects[1:]))
        if same_context and before is not None and before[1] == value:
            value = before[1]
        _store(slot, (objects[1:], value))
        _USED.add(slot)
    _store(key, (objects, value))
    _USED.add(key)
    return value


def _steady(name: tuple[Any, ...], value: tuple[_T, ...]) -> tuple[_T, ...]:
    """`value`, or the last build's tuple under `name` when it holds the very same objects:
    then the page memo (memo.py) knows it already and does not walk it again."""
    key = ("steady", name)
    _USED.add(key)
    hit = _KEPT.get(key)
    if hit is not None:
        old: tuple[_T, ...] = hit[1]
        if len(old) == len(value) and all(map(operator.is_, old, value)):
            return old
    _KEPT[key] = ((), value)
    return value


def _same_as_last(name: tuple[Any, ...], inputs: tuple[Any, ...], make: Callable[[], _T]) -> _T:
    """make(), or what it gave under `name` last time when `inputs` are the very same objects.
    `inputs` must be everything make() reads (kept shares, flags, in their order): then its
    value is theirs, and an edit that leaves them alone costs one pass over them."""
    key = ("same", name)
    _USED.add(key)
    hit = _KEPT.get(key)
    if hit is not None and len(hit[0]) == len(inputs) and all(map(operator.is_, hit[0], inputs)):
        value: _T = hit[1]
        return value
    value = make()
    if hit is not None and type(value) is tuple and type(hit[1]) is tuple:
        old: Any = hit[1]
        new: Any = value
        if len(old) == len(new) and all(map(operator.is_, old, new)):
            value = old  # the very same items: the very same tuple (as _steady gives)
    _store(key, (inputs, value))
    return value


def _strictly_equal(a: Any, b: Any) -> bool:
    """Whether `a` and `b` are the same value down to their types (a frozen dataclass field by
    field, a tuple item by item, else ==): then whatever reads one reads the other alike."""
    kind = type(a)
    if type(b) is not kind:
        return False
    if kind is tuple:
        return len(a) == len(b) and all(map(_strictly_equal, a, b))
    if dataclasses.is_dataclass(a):
        return all(
            _strictly_equal(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a)
        )
    return bool(kind in _PLAIN_VALUES and a == b)


_PLAIN_VALUES = frozenset({str, int, float, bool, type(None)})


def _equal_as_last(name: tuple[Any, ...], value: _T) -> _T:
    """`value`, or the last build's value under `name` when it is strictly equal to it (a new
    tuple of new frozen dataclasses holding the same strings, say): the page memo (memo.py) then
    finds the very object it knows, on every page that holds it."""
    key = ("equal", name)
    _USED.add(key)
    hit = _KEPT.get(key)
    if hit is not None and _strictly_equal(hit[1], value):
        kept: _T = hit[1]
        return kept
    _KEPT[key] = ((), value)
    return value


_NO_ITEMS: tuple[Any, ...] = ()


def _each(
    name: tuple[Any, ...],
    kind: str,
    make: Callable[..., _T],
    items: Sequence[Any],
    *context: Any,
    plain: tuple[Any, ...] = (),
) -> tuple[_T, ...]:
    """(_kept(kind, make, item, *context, plain=plain) for item in items), as a tuple: the
    last call's under `name` when `items` and `context` are the very same objects as then (one
    identity scan, no lookup per item); else the last call's value for each item it had, by
    identity, and _kept for the others (the edited article). The same items give the very same
    tuple. Each item's value depends on the item, `context` and `plain` alone, as with _kept,
    so a name shared by two sequences only costs lookups, never a wrong value."""
    key = ("each", name)
    _USED.add(key)
    given = tuple(items)
    hit = _KEPT.get(key)
    previous: dict[int, tuple[Any, _T]] = {}
    old_values: tuple[_T, ...] = _NO_ITEMS
    if hit is not None:
        entry: Any = hit
        (old_items, old_context, old_plain), old_values = entry
        if (
            old_plain == plain
            and len(old_context) == len(context)
            and all(map(operator.is_, old_context, context))
        ):
            same = list(map(operator.is_, old_items, given)) if len(old_items) == len(given) else []
            replaced = same.count(False)
            if same and not replaced:
                return old_values
            if same and replaced <= _FEW:  # a few items replaced in place (an edited article)
                values = list(old_values)
                at = -1
                for _ in range(replaced):
                    at = same.index(False, at + 1)
                    values[at] = _kept(kind, make, given[at], *context, plain=plain)
                return _steadied(key, (given, context, plain), tuple(values), old_values)
            previous = {id(o): (o, v) for o, v in zip(old_items, old_values, strict=True)}
        else:
            old_values = _NO_ITEMS
    values = []
    for item in given:
        found = previous.get(id(item))
        if found is not None and found[0] is item:
            values.append(found[1])
        else:
            values.append(_kept(kind, make, item, *context, plain=plain))
    return _steadied(key, (given, context, plain), tuple(values), old_values)


_FEW = 8  # items replaced in place that _each works out by position (else: by identity)


def _steadied(
    key: tuple[Any, ...], inputs: tuple[Any, ...], result: tuple[_T, ...], old: tuple[_T, ...]
) -> tuple[_T, ...]:
    """Keep `result` under `key` for the next _each; the old tuple if it holds the same items."""
    if len(result) == len(old) and all(map(operator.is_, result, old)):
        result = old
    _KEPT[key] = (inputs, result)
    return result


def _keep_only_used(current: Sequence[Facts] = ()) -> None:
    """Drop the shares of Facts this build no longer has (removed or edited articles' old
    versions). Other shares this build did not use stay: a build finds most of its values whole
    one level up (_each, _same_as_last), without looking up the shares they are made of, and
    the first edit of another article needs them (dropped, it worked out every card of the site
    again: ~1 s at 1,000 articles, ~3 s after a restart). The map is bounded all the same: past
    twice what a build uses, everything unused goes, as before."""
    global _peak_used
    _peak_used = max(_peak_used, len(_USED))
    if len(_KEPT) > max(2 * _peak_used, _RETAIN_FLOOR):
        for key in [k for k in _KEPT if k not in _USED]:
            del _KEPT[key]
        _BY_FACTS.clear()
        for key, entry in _KEPT.items():
            _store(key, entry)
    else:
        alive = {id(f) for f in current}
        for gone in [i for i in _BY_FACTS if i not in alive]:
            keys = _BY_FACTS.pop(gone)
            used = {k for k in keys if k in _USED}
            for key in keys - used:
                held = _KEPT.get(key)
                # A key named, not keyed by identity ("same") may hold other objects by now.
                if held is not None and held[0] and id(held[0][0]) == gone:
                    del _KEPT[key]
            if used:
                _BY_FACTS[gone] = used
    _USED.clear()


_RETAIN_FLOOR = 100_000
_peak_used = 0  # the most shares one build of this process used (a cold build: all of them)


def forget() -> None:
    """Drop every kept share (tests; a map past _KEPT_LIMIT)."""
    _KEPT.clear()
    _USED.clear()
    _BY_FACTS.clear()


def snapshot() -> dict[tuple[Any, ...], tuple[tuple[object, ...], Any]]:
    """The kept shares, for the next process (state.py)."""
    return _KEPT


def restore(value: object) -> None:
    """Take the shares a process saved (None: none), keyed again by their objects' identities
    in this process (each entry holds its objects, so their identities are known)."""
    forget()
    if value is None:
        return
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    for key, entry in value.items():
        objects, _ = entry
        head = key[0]
        if head in ("steady", "same", "each"):  # keyed by name; inputs compared by identity
            new = key
        elif head == "slot":  # ("slot", kind, plain, slug, *ids of the objects but the Facts)
            new = (*key[:4], *map(id, objects))
        else:  # (kind, plain, *ids of the objects)
            new = (key[0], key[1], *map(id, objects))
        _store(new, entry)


def human_date(value: str | dt.date | None, words: ui.Catalogue | None = None) -> str:
    """ISO date (full or partial) → "5 October 2021", "October 2021" or "2021" (or, on a
    Chinese site, "2021年10月5日", "2021年10月", "2021年"): see ui.Catalogue.date."""
    return (words or _words).date(value)


def block_label(block_id: str, words: ui.Catalogue | None = None) -> str:
    """ "paragraph 7" for block b7."""
    return (words or _words).message("paragraph", int(block_id[1:]))


def _by_date(all_facts: Sequence[Facts]) -> tuple[Facts, ...]:
    """Articles oldest first (undated last), then by slug: the reading order of a story.
    The same Facts objects (kept by the caller: the build's own) give the order worked out
    last time for them (the very same tuple)."""
    given = tuple(all_facts)
    return _same_as_last(("by date", len(given)), given, lambda: _sorted_by_date(given))


def _sorted_by_date(all_facts: Sequence[Facts]) -> tuple[Facts, ...]:
    return tuple(
        sorted(
            all_facts,
            key=lambda f: (
                f.article.published is None,
                f.article.published or dt.date.min,
                f.article.slug,
            ),
        )
    )


def _ref(facts: Facts, block_id: str) -> SourceRef:
    return SourceRef(facts.article.slug, block_id, facts.article.title)


def _cite(facts: Facts, block_id: str, text: str, near: Sequence[str] = ()) -> SourceRef:
    """A reference to the sentence of the block that holds `text` (see citations.py); to the
    whole block when it is not found there."""
    try:
        block = facts.article.block(block_id)
    except KeyError:
        return _ref(facts, block_id)
    # A one-sentence block is its sentence: the paragraph anchor says it all.
    sentence = sentence_of(block, text, near) if len(sentence_spans_of(block)) > 1 else None
    return SourceRef(facts.article.slug, block_id, facts.article.title, sentence)


def _groups(all_facts: Sequence[Facts], theme_id: str) -> tuple[ArticleGroup, ...]:
    shares = _each(("group", theme_id), "group", _group, _by_date(all_facts), plain=(theme_id,))
    return _same_as_last(
        ("groups", theme_id), (shares,), lambda: tuple(g for g in shares if g is not None)
    )


def _group(facts: Facts, theme_id: str) -> ArticleGroup | None:
    ids = facts.themes.get(theme_id, ())
    if not ids:
        return None
    passages = tuple(Passage(facts.article.block(i), _ref(facts, i)) for i in ids)
    return ArticleGroup(
        facts.article.slug,
        facts.article.title,
        human_date(facts.article.published),
        passages,
    )


# value → its sources, in first-seen order; a dict used as an ordered set keeps adding O(1).
Bucket = dict[str, dict[SourceRef, None]]


def _add(bucket: Bucket, value: str, ref: SourceRef) -> None:
    bucket.setdefault(value, {})[ref] = None


def _sourced(bucket: Bucket) -> tuple[Sourced, ...]:
    return tuple(Sourced(v, tuple(refs)) for v, refs in bucket.items())


def _role_text(person: Person, org_names: dict[str, str]) -> str:
    comma = _words.message("list_separator")
    roles = comma.join(person.roles)
    orgs = comma.join(org_names.get(o, o) for o in person.organizations)
    if roles and orgs:
        return f"{roles}{comma}{orgs}"
    return roles or orgs


def compose_cards(
    all_facts: Sequence[Facts], parts_from: Collection[str] | None = None
) -> tuple[Card, ...]:
    """Merge people across articles by id (their full name); surnames alone never merge.

    `parts_from`: slugs of the articles whose "part in the mission" counts (those a theme set
    with parts applies to); None: every article's.
    """
    return _compose_cards(all_facts, parts_from, "")


def _compose_cards(
    all_facts: Sequence[Facts], parts_from: Collection[str] | None, scope: str
) -> tuple[Card, ...]:
    # Per person, what each article gives (its share, and whether its parts count), then its
    # quotations: a card whose inputs are the very objects of the last build is that card.
    articles = _by_date(all_facts)
    people = _each(("people", scope), "people", _people_of, articles)
    quotes = _each(("quotes", scope), "quotes", _make_quote_views, articles)
    inputs: list[Any] = []
    for facts, share, views in zip(articles, people, quotes, strict=True):
        with_parts = parts_from is None or facts.article.slug in parts_from
        inputs += (share, views, with_parts)
    given = tuple(inputs)
    return _same_as_last(("cards", scope), given, lambda: _cards_of(given, scope))


def _cards_of(inputs: tuple[Any, ...], scope: str) -> tuple[Card, ...]:
    """The cards from each article's (people shares, quotation views, whether parts count)."""
    shares: dict[str, list[Any]] = {}
    quotes: dict[str, list[QuoteView]] = {}
    for at in range(0, len(inputs), 3):
        people, views, with_parts = inputs[at : at + 3]
        for share in people:
            shares.setdefault(share.id, []).extend((share, with_parts))
        for view in views:
            if view.speaker_id:
                quotes.setdefault(view.speaker_id, []).append(view)
    cards = tuple(
        _kept("card", _card, *given, None, *quotes.get(pid, ()), plain=(scope,))
        for pid, given in shares.items()
    )
    return _steady(("cards", scope), cards)


def _card(*inputs: Any) -> Card:
    """One card from its person's shares (share, with_parts, …), None, their quotations and
    the scope (which only keys the memo)."""
    given = inputs[:-1]
    end = given.index(None)
    pairs: list[tuple[_PersonShare, bool]] = list(zip(given[0:end:2], given[1:end:2], strict=True))
    roles: Bucket = {}
    ages: Bucket = {}
    orgs: Bucket = {}
    parts: Bucket = {}
    mentions: list[SourceRef] = []
    for share, with_parts in pairs:
        for role in share.roles:
            _add(roles, role, share.first)
        if share.age is not None:
            _add(ages, share.age, share.first)
        for org in share.organizations:
            _add(orgs, org, share.first)
        if share.part and with_parts:
            _add(parts, share.part, share.first)
        mentions.extend(share.mentions)
    first = pairs[0][0]
    return Card(
        id=first.id,
        name=first.name,
        roles=_sourced(roles),
        ages=_sourced(ages),
        organizations=_sourced(orgs),
        parts=_sourced(parts),
        quotes=tuple(given[end + 1 :]),
        mentions=tuple(mentions),
    )


@dataclass(frozen=True)
class _PersonShare:
    """One person as one article gives them (compose_cards merges these across articles)."""

    id: str
    name: str
    first: SourceRef  # where the article first names them
    roles: tuple[str, ...]
    age: str | None
    organizations: tuple[str, ...]  # names
    part: str | None
    mentions: tuple[SourceRef, ...]


def _people_of(facts: Facts) -> tuple[_PersonShare, ...]:
    org_names = {o.id: o.name for o in facts.organizations}
    return tuple(
        _PersonShare(
            person.id,
            person.name,
            _ref(facts, person.blocks[0]) if person.blocks else _ref(facts, "b1"),
            tuple(person.roles),
            None if person.age is None else str(person.age),
            tuple(org_names.get(org, org) for org in person.organizations),
            person.part,
            tuple(_ref(facts, b) for b in person.blocks),
        )
        for person in facts.people
    )


def _quote_views(facts: Facts) -> tuple[QuoteView, ...]:
    return _kept("quotes", _make_quote_views, facts)


def _make_quote_views(facts: Facts) -> tuple[QuoteView, ...]:
    org_names = {o.id: o.name for o in facts.organizations}
    people = {p.id: p for p in facts.people}
    views = []
    for quote in facts.quotes:
        speaker = people.get(quote.speaker) if quote.speaker else None
        views.append(
            QuoteView(
                text=quote.text,
                speaker_id=speaker.id if speaker else None,
                speaker_name=speaker.name if speaker else _words.message("unattributed"),
                speaker_role=_role_text(speaker, org_names) if speaker else "",
                source=_cite(facts, quote.block, quote.text),
                article_slug=facts.article.slug,
            )
        )
    return tuple(views)


def compose_timeline(
    all_facts: Sequence[Facts], scope: str = "", themed: bool = False
) -> tuple[TimelineEntry, ...]:
    """Every dated event of every article, oldest first; ties keep article and block order.
    `scope`: which page asks (only names what is kept for the next build). `themed`: the
    timeline of the themed page `scope` (a flight's page): only the events of its passages
    that tell the flight's time (keyfacts.flight_events)."""
    if themed:
        shares = _each(
            ("events", scope),
            "flight events",
            _flight_timeline_entries,
            _by_date(all_facts),
            plain=(scope,),
        )
    else:
        shares = _each(("events", scope), "events", _timeline_entries, _by_date(all_facts))
    return _same_as_last(("timeline", scope), (shares,), lambda: _timeline_of(shares))


def _timeline_of(
    shares: tuple[tuple[tuple[str, str, TimelineEntry], ...], ...],
) -> tuple[TimelineEntry, ...]:
    """The timeline from each article's dated events, the articles in reading order."""
    entries: list[tuple[str, int, str, TimelineEntry]] = []
    for index, share in enumerate(shares):
        for date, words, entry in share:
            entries.append((date, index, words, entry))
    entries.sort(key=lambda e: (e[0], e[1]))
    # The same sentence with the same date in several articles (a story retold, a wire copy
    # reprinted) is one event, told once, with every article that gives it.
    merged: dict[tuple[str, str], tuple[TimelineEntry, dict[SourceRef, None]]] = {}
    for date, _, words, entry in entries:
        key = (date, words)
        found = merged.get(key)
        if found is None:
            merged[key] = (entry, dict.fromkeys(entry.sources))
        else:
            found[1][entry.source] = None
    return _steady(
        ("timeline", len(shares)),
        tuple(
            entry if len(sources) == len(entry.sources) else _kept("also", _also, entry, *sources)
            for entry, sources in merged.values()
        ),
    )


def _also(entry: TimelineEntry, *sources: SourceRef) -> TimelineEntry:
    return TimelineEntry(entry.date, entry.label, entry.text, sources[0], sources[1:])


def _timeline_entries(facts: Facts) -> tuple[tuple[str, str, TimelineEntry], ...]:
    """An article's dated events: (date, its words normalised for merging, entry)."""
    return tuple(
        (event.date, " ".join(event.text.split()), _timeline_entry(facts, event))
        for event in facts.events
    )


def _flight_timeline_entries(
    facts: Facts, theme_id: str
) -> tuple[tuple[str, str, TimelineEntry], ...]:
    """The article's dated events on the themed page `theme_id` (see compose_timeline): those
    keyfacts.flight_events keeps whose sentence holds one of the theme's cues ("There are seven
    additional deliveries awarded …, with more expected this year" is no flight's date)."""
    blocks = frozenset(facts.themes.get(theme_id, ()))
    theme, rules = _theme_and_rules(theme_id)
    return tuple(
        (event.date, " ".join(event.text.split()), _timeline_entry(facts, event))
        for event in flight_events(facts.article, facts.events, blocks, rules)
        if theme is None or tells_theme(theme, event.text)
    )


def _theme_and_rules(theme_id: str) -> tuple[Theme | None, KeyFactRules | None]:
    """The theme `theme_id` and the key-fact rules of the theme set that has it."""
    for theme_set in load_theme_sets():
        for theme in theme_set.themes:
            if theme.id == theme_id:
                return theme, theme_set.key_facts
    return None, None


def _timeline_entry(facts: Facts, event: Event) -> TimelineEntry:
    source = _cite(facts, event.block, event.text, (event.expression,))
    if source.sentence is None and event.expression:
        source = _cite(facts, event.block, event.expression)
    return TimelineEntry(event.date, human_date(event.date), event.text, source)


def compose_fact_rows(
    all_facts: Sequence[Facts],
    names: Sequence[str],
    labels: dict[str, str] | None = None,
    scope: str = "",
) -> tuple[FactRow, ...]:
    """Fact-box rows in the configured order; one value per row, with every source that gives it.
    `scope`: which page asks (only names what is kept for the next build)."""
    labels = labels or {}
    shares = _each(("facts", scope, len(all_facts)), "facts", _fact_values, _by_date(all_facts))
    name = ("facts", scope, len(shares), tuple(names), tuple(labels.items()))
    return _same_as_last(name, (shares,), lambda: _fact_rows_of(shares, names, labels))


def _fact_rows_of(
    shares: tuple[dict[str, tuple[tuple[str, SourceRef], ...]], ...],
    names: Sequence[str],
    labels: dict[str, str],
) -> tuple[FactRow, ...]:
    rows: list[FactRow] = []
    for name in names:
        values: Bucket = {}
        for share in shares:
            for value, ref in share.get(name, ()):
                _add(values, value, ref)
        for value, refs in values.items():
            label = labels.get(name, name.replace("_", " ").capitalize())
            rows.append(FactRow(label, value, tuple(refs), name))
    return tuple(rows)


def _fact_values(facts: Facts) -> dict[str, tuple[tuple[str, SourceRef], ...]]:
    """One article's values of each key fact, each with where it says so (read only)."""
    found: dict[str, list[tuple[str, SourceRef]]] = {}
    for fact in facts.key_facts:
        value = human_date(fact.value) if fact.name.endswith("_date") else fact.value
        ref = _cite(facts, fact.block, _fact_words(facts, fact))
        found.setdefault(fact.name, []).append((value, ref))
    return {name: tuple(values) for name, values in found.items()}


def _fact_words(facts: Facts, fact: KeyFact) -> str:
    """Words that locate a key fact in its block: its value, or for a date the words of the
    dated event in the same block that gives that date."""
    for event in facts.events:
        if event.block == fact.block and event.date == fact.value and event.expression:
            return event.expression
    return fact.value


def compose_cast(all_facts: Sequence[Facts], scope: str = "") -> tuple[CastRow, ...]:
    shares = _each(("cast", scope), "cast", _cast_of, _by_date(all_facts))
    return _same_as_last(
        ("cast", scope), (shares,), lambda: tuple(row for rows in shares for row in rows)
    )


def _cast_of(facts: Facts) -> tuple[CastRow, ...]:
    people = {p.id: p for p in facts.people}
    rows = []
    for member in facts.cast:
        actor = people.get(member.person) if member.person else None
        rows.append(
            CastRow(
                actor.id if actor else None,
                actor.name if actor else _words.message("not_named"),
                member.character,
                _cite(
                    facts,
                    member.block,
                    member.character,
                    (actor.name, *actor.aliases) if actor else (),
                ),
            )
        )
    return tuple(rows)


def _section_blocks(groups: Sequence[ArticleGroup], cues: Sequence[str]) -> tuple[Passage, ...]:
    """Passages holding one of the cues as whole words ("Cruise", not "Cruiser")."""
    cue_words = tuple(cues)
    shares = _each(("section", cue_words), "section", _cued, groups, plain=(cue_words,))
    return _same_as_last(
        ("section", cue_words), (shares,), lambda: tuple(p for found in shares for p in found)
    )


def _cued(group: ArticleGroup, cues: tuple[str, ...]) -> tuple[Passage, ...]:
    pattern = _cue_pattern(cues)
    return tuple(p for p in group.passages if pattern.search(p.block.text))


_CUE_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _CUE_PATTERNS.get(cues)
    if pattern is None:
        words = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
        _CUE_PATTERNS[cues] = pattern
    return pattern


@dataclass(frozen=True)
class _ThemedPage:
    """A themed page worked out, before it is known whether it earns its place."""

    spec: ThemePage
    count: int
    description: str
    context: dict[str, Any]


def _crew_ids(
    facts_of_set: Sequence[Facts], theme_set: ThemeSet, spec: ThemePage
) -> frozenset[str]:
    """People with a part in the flight (not a hidden one) or one of the theme's roles."""
    roles = load_theme_rules().get(spec.id)
    words = tuple(roles.roles if roles else ())
    shares = _each(("crew", spec.id), "crew", _crew_of, facts_of_set, theme_set, plain=(words,))
    return _same_as_last(("crew", spec.id), (shares,), lambda: frozenset().union(*shares))


def _crew_of(facts: Facts, theme_set: ThemeSet, role_words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        person.id
        for person in facts.people
        if (person.part is not None and person.part not in theme_set.hidden_parts)
        or has_role(person, role_words)
    )


def _themed_page(
    spec: ThemePage,
    theme_set: ThemeSet,
    facts_of_set: Sequence[Facts],
    cards: Sequence[Card],
) -> _ThemedPage:
    """What one themed page shows, from the articles its theme set applies to."""
    groups = _groups(facts_of_set, spec.id)
    passages = sum(len(g.passages) for g in groups)
    context: dict[str, Any] = {
        "spec": spec,
        "groups": groups,
        **dict.fromkeys(("cards", "facts", "cast", "timeline", "voices", "sections"), ()),
    }
    features: set[str] = set()
    count = passages
    if spec.shows("cards"):
        crew = _crew_ids(facts_of_set, theme_set, spec)
        members = _same_as_last(
            ("members", spec.id), (cards, crew), lambda: tuple(c for c in cards if c.id in crew)
        )
        context["cards"] = members
        count = len(members)
        features |= _same_as_last(("member features", spec.id), (members,), lambda: _held(members))
    if spec.shows("facts"):
        rows = compose_fact_rows(facts_of_set, spec.facts, theme_set.key_fact_labels, spec.id)
        context["facts"] = rows
        features |= {"facts"} if rows else set()
        features |= {f"fact:{r.name}" for r in rows}
    if spec.shows("cast"):
        context["cast"] = compose_cast(facts_of_set, spec.id)
        features |= {"cast"} if context["cast"] else set()
    if spec.shows("timeline"):
        context["timeline"] = compose_timeline(facts_of_set, spec.id, themed=True)
        features |= {"timeline"} if context["timeline"] else set()
    if spec.shows("voices"):
        shares = _each(
            ("voices", spec.id), "voices", _voices_of, _by_date(facts_of_set), plain=(spec.id,)
        )
        context["voices"] = _same_as_last(
            ("voices", spec.id), (shares,), lambda: tuple(q for qs in shares for q in qs)
        )
        features |= {"voices"} if context["voices"] else set()
    if spec.shows("sections"):
        context["sections"] = tuple(
            (
                section.title,
                _section_blocks(groups, section.cues),
            )
            for section in spec.sections
        )
        features |= {
            f"section:{section.id}"
            for section, (_, found) in zip(spec.sections, context["sections"], strict=True)
            if found
        }
    # Worded for the articles the page is made from ("the dates the article gives").
    articles = len(facts_of_set)
    description = describe(spec.descriptions, features, spec.theme.description, articles)
    context["spec"] = spec.for_articles(articles)
    return _ThemedPage(spec, count, description, context)


def _held(members: Sequence[Card]) -> frozenset[str]:
    """What a themed page's cards hold, for its description: quotations, parts."""
    quotes = {"quotes"} if any(c.quotes for c in members) else set()
    return frozenset(quotes | {f"part:{p.value}" for c in members for p in c.parts})


def _card_features(cards: Sequence[Card]) -> set[str]:
    """What the people cards hold, for the People page's summary (core.yml `needs`)."""
    held = {
        "roles": any(c.roles for c in cards),
        "ages": any(c.ages for c in cards),
        "organisations": any(c.organizations for c in cards),
        "quotes": any(c.quotes for c in cards),
    }
    return {name for name, present in held.items() if present}


def _voices_of(facts: Facts, theme_id: str) -> tuple[QuoteView, ...]:
    """The article's quotations that stand in its passages of a theme."""
    group = _kept("group", _group, facts, plain=(theme_id,))
    if group is None:
        return ()
    blocks = {(p.source.slug, p.block.id) for p in group.passages}
    return tuple(q for q in _quote_views(facts) if (q.source.slug, q.source.block) in blocks)


def _applies_to(facts: Facts, theme_set: ThemeSet) -> bool:
    return theme_set.applies_to(facts)


def _chosen(articles: Sequence[Facts], flags: Sequence[bool]) -> tuple[Facts, ...]:
    return tuple(f for f, ok in zip(articles, flags, strict=True) if ok)


def _mentions_of(facts: Facts) -> tuple[Mention, ...]:
    return tuple(Mention(alias, p.id) for p in facts.people for alias in (p.name, *p.aliases))


def _entry_of(facts: Facts) -> ArticleEntry:
    return ArticleEntry(
        facts.article.slug,
        facts.article.title,
        human_date(facts.article.published),
        _kept("lede", _lede, facts),
        f"articles/{facts.article.slug}.md",
        facts.article.source,
        facts.article.outlet,
        facts.article.byline,
    )


def _plural(count: int, unit: tuple[str, str]) -> str:
    return unit[0] if count == 1 else unit[1]


def compose_site(
    all_facts: Sequence[Facts],
    theme_sets: Sequence[ThemeSet] | None,
    site: SiteConfig,
    core: Core | None = None,
) -> tuple[Page, ...]:
    """Every page of the site, in navigation order: the overview, the pages of the theme sets
    that apply (each only when it earns its place), the core pages that have material, the
    source list and the source articles. Nothing is left empty, nothing is framed by a theme
    the articles are not about."""
    words = ui.catalogue(site.language)
    _use_language(words)
    core = _localised_core(core or load_core(), words)
    theme_sets = _localised_sets(load_theme_sets() if theme_sets is None else theme_sets, words)
    articles = _by_date(all_facts)
    # Newest first for readers; articles without a published date come last.
    newest_first = sorted(
        (f for f in articles if f.article.published),
        key=lambda f: f.article.published or dt.date.min,
        reverse=True,
    ) + [f for f in articles if not f.article.published]
    lead = newest_first[:1]  # the overview's "at a glance" tells the latest article's story
    # Each theme set frames only the articles it applies to (a flight for spaceflight).
    applied: dict[str, tuple[Facts, ...]] = {}
    for theme_set in theme_sets:
        flags = _each(("applies", theme_set.id), "applies", _applies_to, articles, theme_set)
        applied[theme_set.id] = _same_as_last(
            ("applied", theme_set.id),
            (articles, flags),
            functools.partial(_chosen, articles, flags),
        )
    with_parts = [s for s in theme_sets if s.part_label]
    part_slugs = {f.article.slug for s in with_parts for f in applied[s.id]}
    shares = _each(("mentions",), "mentions", _mentions_of, articles)
    mentions = {f.article.slug: m for f, m in zip(articles, shares, strict=True)}
    cards = compose_cards(articles, part_slugs)

    themed: list[_ThemedPage] = []
    for theme_set in theme_sets:
        if applied[theme_set.id]:
            for theme_spec in theme_set.pages:
                candidate = _themed_page(theme_spec, theme_set, applied[theme_set.id], cards)
                if candidate.count >= max(theme_spec.min, 1):
                    themed.append(candidate)

    timeline = compose_timeline(articles)
    quotes = _each(("quotes", ""), "quotes", _make_quote_views, articles)  # as compose_cards'
    voices = _same_as_last(
        ("core voices",),
        (quotes,),
        lambda: tuple(q for views in quotes for q in views if q.speaker_id),
    )
    core_material: dict[str, tuple[Any, ...]] = {
        "people": cards,
        "events": timeline,
        "quotes": voices,
    }
    core_pages: list[tuple[CorePage, tuple[Any, ...]]] = [
        (spec, core_material.get(spec.count, ()))
        for spec in core.pages
        if len(core_material.get(spec.count, ())) >= max(spec.min, 1)
    ]
    core_features = {"people": _card_features(cards)}
    core_descriptions = {
        spec.id: spec.describe(core_features.get(spec.count, set()), len(articles))
        for spec, _ in core_pages
    }

    links = tuple(
        ThemeLink(
            t.spec.id,
            t.spec.theme.title,
            t.description,
            f"{t.spec.id}.md",
            t.count,
            _plural(t.count, t.spec.unit),
        )
        for t in themed
    ) + tuple(
        ThemeLink(
            spec.id,
            spec.title,
            core_descriptions[spec.id],
            spec.path,
            len(items),
            _plural(len(items), spec.unit),
        )
        for spec, items in core_pages
    )
    links = _equal_as_last(("theme links",), links)
    entries = _each(("entries",), "entry", _entry_of, newest_first)
    has_people = any(spec.count == "people" for spec, _ in core_pages)
    lead_sets = [s for s in theme_sets if lead and lead[0] in applied[s.id]]
    common: dict[str, Any] = {
        "site": site,
        "mentions": mentions,
        "themes": links,
        "has_people": has_people,
        "part_label": next((s.part_label for s in with_parts if applied[s.id]), ""),
    }
    hidden = tuple(p for s in lead_sets for p in s.hidden_parts)
    pages = [
        Page(
            "index.md",
            site.name,
            site.description or (entries[0].lede if entries else site.name),
            "index.md.j2",
            {
                **common,
                "articles": entries,
                "facts": tuple(
                    row
                    for s in lead_sets
                    for row in compose_fact_rows(lead, s.index_facts, s.key_fact_labels)
                ),
                "published": human_date(lead[0].article.published) if lead else "",
                "crew_by_part": _crew_by_part(_compose_cards(lead, part_slugs, "lead"), hidden)
                if any(s.part_label for s in lead_sets)
                else (),
            },
            nav_title=core.overview_nav_title,
        )
    ]
    for t in themed:
        pages.append(
            Page(
                f"{t.spec.id}.md",
                t.spec.theme.title,
                t.description,
                "theme.md.j2",
                {**common, **t.context, "description": t.description},
                search_boost=t.spec.search_boost,
                nav_title=t.spec.theme.title,
            )
        )
    for spec, items in core_pages:
        pages.append(
            Page(
                spec.path,
                spec.title,
                core_descriptions[spec.id],
                f"{spec.id}.md.j2",
                {**common, "items": items, "description": core_descriptions[spec.id], "spec": spec},
                # Readers search for people: their cards should answer first.
                search_boost=2 if spec.count == "people" else None,
                nav_title=spec.title,
            )
        )
    sources_description, intro = core.sources_text(len(entries))
    if themed and core.sources_intro_themed:
        intro = f"{intro} {core.sources_intro_themed}".strip()
    pages.append(
        Page(
            "articles/index.md",
            core.sources_title,
            sources_description,
            "articles_index.md.j2",
            {**common, "articles": entries, "intro": intro},
            # Source pages hold every sentence; the themed pages should answer a search first.
            search_boost=0.2,
            nav_title=core.sources_nav_title,
        )
    )
    ledes = _each(("ledes",), "lede", _lede, articles)
    dates = _each(("published",), "published", _published, articles)
    for facts, lede, published in zip(articles, ledes, dates, strict=True):
        pages.append(
            Page(
                f"articles/{facts.article.slug}.md",
                facts.article.title,
                facts.article.description or lede,
                "article.md.j2",
                {**common, "article": facts.article, "published": published, "facts_of": facts},
                search_boost=0.2,
            )
        )
    _keep_only_used(all_facts)
    return tuple(pages)


def _use_language(words: ui.Catalogue) -> None:
    """Compose in the language of `words`. The kept shares hold its words (dates, "Unattributed"):
    a build in another language than theirs starts afresh."""
    global _words
    _words = words
    key = ("steady", ("language",))  # kept (and saved, state.py) with the shares it describes
    hit = _KEPT.get(key)
    if (hit[1] if hit is not None else ui.DEFAULT) != words.language:
        forget()
    _KEPT[key] = ((), words.language)
    _USED.add(key)


# (id of a theme set, language) → (the theme set, it in that language): the same object for
# every build, so the shares kept by its identity stay valid.
_LOCALISED: dict[tuple[int, str], tuple[ThemeSet, ThemeSet]] = {}


_LOCALISED_CORE: dict[tuple[int, str], tuple[Core, Core]] = {}  # the same, for the core


def _localised_core(core: Core, words: ui.Catalogue) -> Core:
    key = (id(core), words.language)
    hit = _LOCALISED_CORE.get(key)
    if hit is None or hit[0] is not core:
        hit = _LOCALISED_CORE[key] = (core, ui.localised_core(core, words))
    return hit[1]


def _localised_sets(theme_sets: Sequence[ThemeSet], words: ui.Catalogue) -> Sequence[ThemeSet]:
    if words.language == ui.DEFAULT:
        return theme_sets
    result = []
    for theme_set in theme_sets:
        key = (id(theme_set), words.language)
        hit = _LOCALISED.get(key)
        if hit is None or hit[0] is not theme_set:
            hit = _LOCALISED[key] = (theme_set, ui.localised_theme_set(theme_set, words))
        result.append(hit[1])
    return result


def _crew_by_part(
    cards: Sequence[Card], hidden: Sequence[str]
) -> tuple[tuple[str, tuple[Card, ...]], ...]:
    """People grouped by their part in the mission ("flew up…", "already aboard…")."""
    groups: dict[str, list[Card]] = {}
    for card in cards:
        for part in card.parts:
            if part.value not in hidden:
                groups.setdefault(part.value, []).append(card)
    return tuple((part, tuple(members)) for part, members in groups.items())


def _published(facts: Facts) -> str:
    return human_date(facts.article.published)


def _lede(facts: Facts) -> str:
    """The article's first paragraph, shortened for descriptions and lists."""
    for block in facts.article.blocks:
        if block.kind == "paragraph":
            text = " ".join(block.text.split())
            return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"
    return facts.article.title
