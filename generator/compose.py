"""Facts of every article → page models: what goes on which page. No Markdown here.

Paths in page models are docs-relative Markdown paths ("crew.md", "articles/x.md#b7");
render.py turns them into URLs relative to the page that links to them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .analyse.themes import has_role, load_theme_rules
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
from .model import Block, Event, Facts, KeyFact, Person
from .site import SiteConfig

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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
        if self.sentence:
            return f"{block_label(self.block)}, sentence {self.sentence}"
        return block_label(self.block)


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

    @property
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


def human_date(value: str | dt.date | None) -> str:
    """ISO date (full or partial) → "5 October 2021", "October 2021" or "2021"."""
    if value is None:
        return ""
    iso = value.isoformat() if isinstance(value, dt.date) else value
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def block_label(block_id: str) -> str:
    return f"paragraph {block_id[1:]}"


def _by_date(all_facts: Sequence[Facts]) -> list[Facts]:
    """Articles oldest first (undated last), then by slug: the reading order of a story."""
    return sorted(
        all_facts,
        key=lambda f: (
            f.article.published is None,
            f.article.published or dt.date.min,
            f.article.slug,
        ),
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
    groups = []
    for facts in _by_date(all_facts):
        ids = facts.themes.get(theme_id, ())
        if not ids:
            continue
        passages = tuple(Passage(facts.article.block(i), _ref(facts, i)) for i in ids)
        groups.append(
            ArticleGroup(
                facts.article.slug,
                facts.article.title,
                human_date(facts.article.published),
                passages,
            )
        )
    return tuple(groups)


# value → its sources, in first-seen order; a dict used as an ordered set keeps adding O(1).
Bucket = dict[str, dict[SourceRef, None]]


def _add(bucket: Bucket, value: str, ref: SourceRef) -> None:
    bucket.setdefault(value, {})[ref] = None


def _sourced(bucket: Bucket) -> tuple[Sourced, ...]:
    return tuple(Sourced(v, tuple(refs)) for v, refs in bucket.items())


def _role_text(person: Person, org_names: dict[str, str]) -> str:
    roles = ", ".join(person.roles)
    orgs = ", ".join(org_names.get(o, o) for o in person.organizations)
    if roles and orgs:
        return f"{roles}, {orgs}"
    return roles or orgs


def compose_cards(
    all_facts: Sequence[Facts], parts_from: Collection[str] | None = None
) -> tuple[Card, ...]:
    """Merge people across articles by id (their full name); surnames alone never merge.

    `parts_from`: slugs of the articles whose "part in the mission" counts (those a theme set
    with parts applies to); None: every article's.
    """
    order: list[str] = []
    names: dict[str, str] = {}
    roles: dict[str, Bucket] = {}
    ages: dict[str, Bucket] = {}
    orgs: dict[str, Bucket] = {}
    parts: dict[str, Bucket] = {}
    mentions: dict[str, list[SourceRef]] = {}
    quotes: dict[str, list[QuoteView]] = {}
    for facts in _by_date(all_facts):
        org_names = {o.id: o.name for o in facts.organizations}
        for person in facts.people:
            pid = person.id
            if pid not in names:
                order.append(pid)
                names[pid] = person.name
            first = _ref(facts, person.blocks[0]) if person.blocks else _ref(facts, "b1")
            for role in person.roles:
                _add(roles.setdefault(pid, {}), role, first)
            if person.age is not None:
                _add(ages.setdefault(pid, {}), str(person.age), first)
            for org in person.organizations:
                _add(orgs.setdefault(pid, {}), org_names.get(org, org), first)
            if person.part and (parts_from is None or facts.article.slug in parts_from):
                _add(parts.setdefault(pid, {}), person.part, first)
            mentions.setdefault(pid, []).extend(_ref(facts, b) for b in person.blocks)
        for view in _quote_views(facts):
            if view.speaker_id:
                quotes.setdefault(view.speaker_id, []).append(view)
    return tuple(
        Card(
            id=pid,
            name=names[pid],
            roles=_sourced(roles.get(pid, {})),
            ages=_sourced(ages.get(pid, {})),
            organizations=_sourced(orgs.get(pid, {})),
            parts=_sourced(parts.get(pid, {})),
            quotes=tuple(quotes.get(pid, ())),
            mentions=tuple(mentions.get(pid, ())),
        )
        for pid in order
    )


def _quote_views(facts: Facts) -> list[QuoteView]:
    org_names = {o.id: o.name for o in facts.organizations}
    people = {p.id: p for p in facts.people}
    views = []
    for quote in facts.quotes:
        speaker = people.get(quote.speaker) if quote.speaker else None
        views.append(
            QuoteView(
                text=quote.text,
                speaker_id=speaker.id if speaker else None,
                speaker_name=speaker.name if speaker else "Unattributed",
                speaker_role=_role_text(speaker, org_names) if speaker else "",
                source=_cite(facts, quote.block, quote.text),
                article_slug=facts.article.slug,
            )
        )
    return views


def compose_timeline(all_facts: Sequence[Facts]) -> tuple[TimelineEntry, ...]:
    """Every dated event of every article, oldest first; ties keep article and block order."""
    entries: list[tuple[str, int, TimelineEntry]] = []
    for index, facts in enumerate(_by_date(all_facts)):
        for event in facts.events:
            entries.append((event.date, index, _timeline_entry(facts, event)))
    entries.sort(key=lambda e: (e[0], e[1]))
    # The same sentence with the same date in several articles (a story retold, a wire copy
    # reprinted) is one event, told once, with every article that gives it.
    merged: dict[tuple[str, str], TimelineEntry] = {}
    for _, _, entry in entries:
        key = (entry.date, " ".join(entry.text.split()))
        if key in merged:
            first = merged[key]
            if entry.source not in first.sources:
                merged[key] = replace(first, also=(*first.also, entry.source))
        else:
            merged[key] = entry
    return tuple(merged.values())


def _timeline_entry(facts: Facts, event: Event) -> TimelineEntry:
    source = _cite(facts, event.block, event.text, (event.expression,))
    if source.sentence is None and event.expression:
        source = _cite(facts, event.block, event.expression)
    return TimelineEntry(event.date, human_date(event.date), event.text, source)


def compose_fact_rows(
    all_facts: Sequence[Facts], names: Sequence[str], labels: dict[str, str] | None = None
) -> tuple[FactRow, ...]:
    """Fact-box rows in the configured order; one value per row, with every source that gives it."""
    labels = labels or {}
    rows: list[FactRow] = []
    for name in names:
        values: Bucket = {}
        for facts in _by_date(all_facts):
            for fact in facts.key_facts:
                if fact.name == name:
                    value = human_date(fact.value) if name.endswith("_date") else fact.value
                    _add(values, value, _cite(facts, fact.block, _fact_words(facts, fact)))
        for value, refs in values.items():
            label = labels.get(name, name.replace("_", " ").capitalize())
            rows.append(FactRow(label, value, tuple(refs), name))
    return tuple(rows)


def _fact_words(facts: Facts, fact: KeyFact) -> str:
    """Words that locate a key fact in its block: its value, or for a date the words of the
    dated event in the same block that gives that date."""
    for event in facts.events:
        if event.block == fact.block and event.date == fact.value and event.expression:
            return event.expression
    return fact.value


def compose_cast(all_facts: Sequence[Facts]) -> tuple[CastRow, ...]:
    rows = []
    for facts in _by_date(all_facts):
        people = {p.id: p for p in facts.people}
        for member in facts.cast:
            actor = people.get(member.person) if member.person else None
            rows.append(
                CastRow(
                    actor.id if actor else None,
                    actor.name if actor else "Not named in the article",
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
    words = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
    return tuple(p for g in groups for p in g.passages if pattern.search(p.block.text))


@dataclass(frozen=True)
class _ThemedPage:
    """A themed page worked out, before it is known whether it earns its place."""

    spec: ThemePage
    count: int
    description: str
    context: dict[str, Any]


def _crew_ids(facts_of_set: Sequence[Facts], theme_set: ThemeSet, spec: ThemePage) -> set[str]:
    """People with a part in the flight (not a hidden one) or one of the theme's roles."""
    roles = load_theme_rules().get(spec.id)
    role_words = roles.roles if roles else ()
    ids: set[str] = set()
    for facts in facts_of_set:
        for person in facts.people:
            has_part = person.part is not None and person.part not in theme_set.hidden_parts
            if has_part or has_role(person, role_words):
                ids.add(person.id)
    return ids


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
        members = tuple(c for c in cards if c.id in crew)
        context["cards"] = members
        count = len(members)
        if any(c.quotes for c in members):
            features.add("quotes")
        features |= {f"part:{p.value}" for c in members for p in c.parts}
    if spec.shows("facts"):
        rows = compose_fact_rows(facts_of_set, spec.facts, theme_set.key_fact_labels)
        context["facts"] = rows
        features |= {"facts"} if rows else set()
        features |= {f"fact:{r.name}" for r in rows}
    if spec.shows("cast"):
        context["cast"] = compose_cast(facts_of_set)
        features |= {"cast"} if context["cast"] else set()
    if spec.shows("timeline"):
        context["timeline"] = compose_timeline(facts_of_set)
        features |= {"timeline"} if context["timeline"] else set()
    if spec.shows("voices"):
        blocks = {(p.source.slug, p.block.id) for g in groups for p in g.passages}
        context["voices"] = tuple(
            q
            for f in _by_date(facts_of_set)
            for q in _quote_views(f)
            if (q.source.slug, q.source.block) in blocks
        )
        features |= {"voices"} if context["voices"] else set()
    if spec.shows("sections"):
        context["sections"] = tuple(
            (section.title, _section_blocks(groups, section.cues)) for section in spec.sections
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


def _card_features(cards: Sequence[Card]) -> set[str]:
    """What the people cards hold, for the People page's summary (core.yml `needs`)."""
    held = {
        "roles": any(c.roles for c in cards),
        "ages": any(c.ages for c in cards),
        "organisations": any(c.organizations for c in cards),
        "quotes": any(c.quotes for c in cards),
    }
    return {name for name, present in held.items() if present}


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
    core = core or load_core()
    theme_sets = load_theme_sets() if theme_sets is None else theme_sets
    articles = _by_date(all_facts)
    # Newest first for readers; articles without a published date come last.
    newest_first = sorted(
        (f for f in articles if f.article.published),
        key=lambda f: f.article.published or dt.date.min,
        reverse=True,
    ) + [f for f in articles if not f.article.published]
    lead = newest_first[:1]  # the overview's "at a glance" tells the latest article's story
    # Each theme set frames only the articles it applies to (a flight for spaceflight).
    applied = {s.id: [f for f in articles if s.applies_to(f)] for s in theme_sets}
    with_parts = [s for s in theme_sets if s.part_label]
    part_slugs = {f.article.slug for s in with_parts for f in applied[s.id]}
    mentions = {
        f.article.slug: tuple(
            Mention(alias, p.id) for p in f.people for alias in (p.name, *p.aliases)
        )
        for f in articles
    }
    cards = compose_cards(articles, part_slugs)

    themed: list[_ThemedPage] = []
    for theme_set in theme_sets:
        if applied[theme_set.id]:
            for theme_spec in theme_set.pages:
                candidate = _themed_page(theme_spec, theme_set, applied[theme_set.id], cards)
                if candidate.count >= max(theme_spec.min, 1):
                    themed.append(candidate)

    timeline = compose_timeline(articles)
    voices = tuple(q for f in articles for q in _quote_views(f) if q.speaker_id)
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
    entries = tuple(
        ArticleEntry(
            f.article.slug,
            f.article.title,
            human_date(f.article.published),
            _lede(f),
            f"articles/{f.article.slug}.md",
            f.article.source,
            f.article.outlet,
            f.article.byline,
        )
        for f in newest_first
    )
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
                "crew_by_part": _crew_by_part(compose_cards(lead, part_slugs), hidden)
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
    for facts in articles:
        pages.append(
            Page(
                f"articles/{facts.article.slug}.md",
                facts.article.title,
                facts.article.description or _lede(facts),
                "article.md.j2",
                {
                    **common,
                    "article": facts.article,
                    "published": human_date(facts.article.published),
                    "facts_of": facts,
                },
                search_boost=0.2,
            )
        )
    return tuple(pages)


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


def _lede(facts: Facts) -> str:
    """The article's first paragraph, shortened for descriptions and lists."""
    for block in facts.article.blocks:
        if block.kind == "paragraph":
            text = " ".join(block.text.split())
            return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"
    return facts.article.title
