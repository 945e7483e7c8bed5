"""Date expressions resolved against the published date (stub)."""

from __future__ import annotations

from ..model import Article, Event


def find_events(article: Article) -> tuple[Event, ...]:
    return ()
