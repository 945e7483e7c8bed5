"""Article → Facts. Each module finds one kind of fact; this one only wires them together.

The rule modules are imported by analyse() itself, on its first call: a build whose seeds are
all in the analysis cache never imports them (nor compiles their patterns), and one that does
analyse imports them after code_cache.use(), so their module-level patterns come from the code
cache (patterns.py)."""

from __future__ import annotations

from ..model import Article, Event, Facts

__all__ = ["analyse"]


def analyse(article: Article) -> Facts:
    """Understand one article by the rules alone (corrections are applied afterwards). Key
    facts and the cast are the theme sets': found only where a set applies."""
    from .chinese import is_chinese, is_chinese_text
    from .dates import find_events
    from .dates_zh import find_events_zh
    from .entities import find_organizations, find_places
    from .people import find_people
    from .people_zh import find_people_zh, with_organizations_zh
    from .quotes import analyse_speech
    from .quotes_zh import find_quotes_zh
    from .themes import assign_themes, load_themes
    from .themesets import load_theme_sets, with_theme_set_facts

    forget_texts()
    organizations = find_organizations(article)
    people = find_people(article, organizations)
    chinese = is_chinese(article)
    if chinese:
        people = find_people_zh(article, people)
        people, organizations = with_organizations_zh(article, people, organizations)
    speeches = analyse_speech(article, people)  # for the quotations and the themes
    quotes = tuple(q for speech in speeches for q in speech.quotes)  # = find_quotes(…)
    if chinese:  # “……” and 「……」 with Chinese speech verbs (quotes_zh.py)
        zh_quotes = find_quotes_zh(article, people)
        order = {b.id: i for i, b in enumerate(article.blocks)}
        # the English rules' quotations only where they are English words ("Yes, we can")
        shown = {(q.block, q.text) for q in zh_quotes}
        english = (
            q for q in quotes if not is_chinese_text(q.text) and (q.block, q.text) not in shown
        )
        quotes = tuple(sorted((*zh_quotes, *english), key=lambda q: order.get(q.block, 0)))
    events = find_events(article)
    if chinese:  # the English rules find nothing in Chinese text (chinese.py)
        events = _merged(events, find_events_zh(article))
    facts = Facts(
        article=article,
        people=people,
        organizations=organizations,
        places=find_places(article),
        quotes=quotes,
        events=events,
        themes=assign_themes(article, people, quotes, load_themes(), speeches),
    )
    return with_theme_set_facts(facts, load_theme_sets())


def forget_texts() -> None:
    """Empties the memos of what one paragraph's text gives (its sentences, its organizations):
    each article's analysis reuses only what it found itself, so that paragraphs repeated across
    articles (the benchmark's copies repeat most of theirs) cost a real site's time."""
    from .entities import _organization_spans
    from .sentences import _starts

    _starts.cache_clear()
    _organization_spans.cache_clear()


def _merged(first: tuple[Event, ...], second: tuple[Event, ...]) -> tuple[Event, ...]:
    """Both rule sets' events, each (date, block) once, in block order as found; an English
    rule's event whose words are part of a Chinese one's ("2024" of "2024 年 3 月 12 日") is that
    one, less precise: left out."""
    first = tuple(
        e
        for e in first
        if not any(z.block == e.block and e.expression in z.expression for z in second)
    )
    seen = {(e.date, e.block) for e in first}
    extra = []
    for event in second:
        if (event.date, event.block) not in seen:
            seen.add((event.date, event.block))
            extra.append(event)
    order: dict[str, int] = {}
    for event in (*first, *extra):
        order.setdefault(event.block, len(order))
    return tuple(sorted((*first, *extra), key=lambda e: order[e.block]))
