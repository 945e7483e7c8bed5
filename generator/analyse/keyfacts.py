"""Key facts for fact boxes (spacecraft, launch site, film title…) and the film's cast (stub)."""

from __future__ import annotations

from ..model import Article, CastMember, KeyFact, Person


def find_key_facts(article: Article) -> tuple[KeyFact, ...]:
    return ()


def find_cast(article: Article, people: tuple[Person, ...]) -> tuple[CastMember, ...]:
    return ()
