"""Organizations and places (stub)."""

from __future__ import annotations

from ..model import Article, Organization, Place


def find_organizations(article: Article) -> tuple[Organization, ...]:
    return ()


def find_places(article: Article) -> tuple[Place, ...]:
    return ()
