"""Article → Facts. Each module finds one kind of fact; this one only wires them together.

The rule modules are imported by analyse() itself, on its first call: a build whose seeds are
all in the analysis cache never imports them (nor compiles their patterns), and one that does
analyse imports them after code_cache.use(), so their module-level patterns come from the code
cache (patterns.py)."""

from __future__ import annotations

from ..model import Article, Facts

__all__ = ["analyse"]


def analyse(article: Article) -> Facts:
    """Understand one article by the rules alone (corrections are applied afterwards). Key
    facts and the cast are the theme sets': found only where a set applies."""
    from .dates import find_events
    from .entities import find_organizations, find_places
    from .people import find_people
    from .quotes import analyse_speech
    from .themes import assign_themes, load_themes
    from .themesets import load_theme_sets, with_theme_set_facts

    organizations = find_organizations(article)
    people = find_people(article, organizations)
    speeches = analyse_speech(article, people)  # for the quotations and the themes
    quotes = tuple(q for speech in speeches for q in speech.quotes)  # = find_quotes(…)
    events = find_events(article)
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
