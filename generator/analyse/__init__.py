"""Article → Facts. Each module finds one kind of fact; this one only wires them together."""

from __future__ import annotations

from ..model import Article, Facts
from .dates import find_events
from .entities import find_organizations, find_places
from .keyfacts import find_all_key_facts, find_cast
from .people import find_people
from .quotes import analyse_speech
from .themes import assign_themes, load_themes

__all__ = ["analyse"]


def analyse(article: Article) -> Facts:
    """Understand one article by the rules alone (corrections are applied afterwards)."""
    organizations = find_organizations(article)
    people = find_people(article, organizations)
    speeches = analyse_speech(article, people)  # for the quotations and the themes
    quotes = tuple(q for speech in speeches for q in speech.quotes)  # = find_quotes(…)
    events = find_events(article)
    return Facts(
        article=article,
        people=people,
        organizations=organizations,
        places=find_places(article),
        quotes=quotes,
        events=events,
        themes=assign_themes(article, people, quotes, load_themes(), speeches),
        key_facts=find_all_key_facts(article, events),
        cast=find_cast(article, people),
    )
