"""Direct quotations and their speakers (stub)."""

from __future__ import annotations

from ..model import Article, Person, Quote


def find_quotes(article: Article, people: tuple[Person, ...]) -> tuple[Quote, ...]:
    return ()
