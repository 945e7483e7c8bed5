"""People: names, aliases, roles, ages, organizations (stub, replaced by the rules)."""

from __future__ import annotations

from ..model import Article, Organization, Person


def find_people(article: Article, organizations: tuple[Organization, ...]) -> tuple[Person, ...]:
    return ()
