"""Facts → the JSON document printed by `python -m generator extract` (schema 1)."""

from __future__ import annotations

from typing import Any

from .analyse.themesets import load_theme_sets
from .model import Block, Facts

SCHEMA = 1


def _block(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"id": block.id, "kind": block.kind, "text": block.text}
    if block.kind == "caption":
        data["label"] = block.label
        data["credit"] = block.credit
    data["line"] = block.line
    return data


def facts_to_json(facts: Facts) -> dict[str, Any]:
    article = facts.article
    return {
        "schema": SCHEMA,
        "slug": article.slug,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "outlet": article.outlet,
        "byline": article.byline,
        "photos": [{"file": p.file, "caption": p.caption, "alt": p.alt} for p in article.photos],
        "blocks": [_block(b) for b in article.blocks],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "aliases": list(p.aliases),
                "roles": list(p.roles),
                "age": p.age,
                "organizations": list(p.organizations),
                "part": p.part,
                "blocks": list(p.blocks),
            }
            for p in facts.people
        ],
        "organizations": [
            {"id": o.id, "name": o.name, "aliases": list(o.aliases), "blocks": list(o.blocks)}
            for o in facts.organizations
        ],
        "places": [{"id": p.id, "name": p.name, "blocks": list(p.blocks)} for p in facts.places],
        "quotes": [{"text": q.text, "speaker": q.speaker, "block": q.block} for q in facts.quotes],
        "events": [
            {"date": e.date, "text": e.text, "block": e.block, "expression": e.expression}
            for e in facts.events
        ],
        "themes": {theme: list(ids) for theme, ids in facts.themes.items()},
        # Whether each theme set frames this article (its pages, fact boxes, parts).
        "theme_sets": {s.id: s.applies_to(facts) for s in load_theme_sets()},
        "key_facts": [
            {"name": k.name, "value": k.value, "block": k.block} for k in facts.key_facts
        ],
        "cast": [
            {"person": c.person, "character": c.character, "block": c.block} for c in facts.cast
        ],
        "corrections": [
            {"action": c.action, "target": c.target, "value": c.value} for c in facts.corrections
        ],
    }
