"""Structured data for search engines: JSON-LD `NewsArticle` on source pages and `Person` on
the people page, made only of what the articles (and their front matter) say.

The JSON reaches the page through front matter and overrides/main.html, which prints it raw in
a <script type="application/ld+json">: so every <, > and & is written as a \\u escape, and no
article text can close the script element.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .model import Article
from .site import SiteConfig


def _url(site: SiteConfig, path: str) -> str:
    """Absolute URL of a docs-relative page path ("articles/x.md" → site_url + "articles/x/")."""
    stem = path[: -len(".md")] if path.endswith(".md") else path
    if stem == "index":
        url = ""
    elif stem.endswith("/index"):
        url = stem[: -len("index")]
    else:
        url = stem + "/"
    return site.url + url


# Inside its JSON strings, markup and Markdown punctuation are \u escapes: the JSON means the
# same, and neither an HTML parser nor a Markdown renderer of the front matter sees any.
_STRING_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "<>&[](){}*_`!#+-.|~:'"}


def to_script_text(data: Any) -> str:
    """JSON safe to print unescaped inside <script>: no <, > or & left as such."""
    if isinstance(data, dict):
        items = (f"{to_script_text(str(k))}:{to_script_text(v)}" for k, v in data.items())
        return "{" + ",".join(items) + "}"
    if isinstance(data, list | tuple):
        return "[" + ",".join(to_script_text(v) for v in data) + "]"
    if isinstance(data, str):
        return json.dumps(data, ensure_ascii=False).translate(_STRING_ESCAPES)
    return json.dumps(data)


def news_article(
    article: Article, page_path: str, site: SiteConfig, image: str | None, description: str
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": " ".join(article.title.split())[:110],
        "description": " ".join(description.split()),
        "inLanguage": "en",
    }
    if site.url:
        data["url"] = _url(site, page_path)
        data["mainEntityOfPage"] = data["url"]
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if image and site.url:
        data["image"] = [site.url + image]
    if article.byline:
        data["author"] = [{"@type": "Person", "name": article.byline}]
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.source:
        data["isBasedOn"] = article.source
    return data


def person(card: Any, page_path: str, site: SiteConfig) -> dict[str, Any]:
    """One person card of a page as a schema.org Person (name, roles, organizations)."""
    data: dict[str, Any] = {"@type": "Person", "name": " ".join(card.name.split())}
    if site.url:
        data["@id"] = data["url"] = f"{_url(site, page_path)}#{card.id}"
    roles = [r.value for r in card.roles]
    if roles:
        data["jobTitle"] = roles[0] if len(roles) == 1 else roles
    orgs = [o.value for o in card.organizations]
    if orgs:
        data["affiliation"] = [{"@type": "Organization", "name": o} for o in orgs]
    return data


def people(cards: Sequence[Any], page_path: str, site: SiteConfig) -> dict[str, Any]:
    """Every person card of the page as a schema.org Person (name, roles, organizations)."""
    return {"@context": "https://schema.org", "@graph": [person(c, page_path, site) for c in cards]}


_PEOPLE_OPEN = to_script_text({"@context": "https://schema.org", "@graph": []})[: -len("]}")]


def people_script_text(persons: Sequence[str]) -> str:
    """to_script_text(people(...)) from each Person's to_script_text (share.py keeps those
    between builds): the same text, joined."""
    return _PEOPLE_OPEN + ",".join(persons) + "]}"
