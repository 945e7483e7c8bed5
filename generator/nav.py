"""The site's navigation, written by the generator so that no engine needs the hook for it.

`docs/.generator-nav.yml` holds `nav:`, one entry per generated page that has a `nav_title`, in
the order compose gives the pages (and, for a site not in English, `extra.generator_ui`: the
words of the theme's footer and 404 page, see nav_output). mkdocs.yml reads it with
`INHERIT: docs/.generator-nav.yml`, which MkDocs, ProperDocs and Zensical all understand, so a
theme page the articles give no material for has no page *and* no nav entry under every engine.
The file is an owned output like every page: only rewritten when its bytes change, and a hand
edit is a conflict, never silently overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .compose import Page
from .errors import GeneratorError
from .ui import DEFAULT, Catalogue
from .write import Output

NAV_FILE = ".generator-nav.yml"
HEADER = (
    "# Written by `python -m generator build` (mkdocs.yml INHERITs it): the site's navigation,\n"
    "# one entry per generated page. Do not edit; page titles come from generator/data/.\n"
)
THEME_PREFIX = "theme_"  # the messages of the theme's own pages (generator/data/ui/en.yml)
# Engines print nav titles without escaping them: a title is plain text from the theme data.
_MARKUP = ("<", ">", "&")


NavEntry = dict[str, str]


def nav_entries(pages: Sequence[Page]) -> list[NavEntry]:
    """[{title: path}, …] for the pages that belong in the navigation, in page order."""
    entries: list[NavEntry] = []
    seen: set[str] = set()
    for page in pages:
        title = page.nav_title
        if title is None:
            continue
        if not title.strip() or any(mark in title for mark in _MARKUP):
            raise GeneratorError(page.path, f"has a nav title that is not plain text: {title!r}")
        if page.path in seen:
            raise GeneratorError(page.path, "has two nav entries")
        seen.add(page.path)
        entries.append({title: page.path})
    return entries


def nav_output(pages: Sequence[Page], words: Catalogue | None = None) -> Output:
    """The nav file's bytes, deterministic: same pages, same bytes. A site in another language
    than English (`words`) also gets the theme's own words in it, as `extra.generator_ui`: the
    overrides (404 page, footer) are rendered by the engine, which reads them there (mkdocs.yml
    INHERITs this file, merging `extra`); without them they keep their English."""
    data: dict[str, Any] = {"nav": nav_entries(pages)}
    if words is not None and words.language != DEFAULT:
        theme = {k: words.form(k) for k in words.messages if k.startswith(THEME_PREFIX)}
        # The credit around its link, cut here: Zensical's templates have no str.split.
        before, _, after = theme.pop(THEME_PREFIX + "credit").partition("{link}")
        theme.update({"theme_credit_before": before, "theme_credit_after": after})
        data["extra"] = {"generator_ui": theme}
    body = yaml.safe_dump(
        data,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1000,
    )
    return Output(NAV_FILE, (HEADER + body).encode("utf-8"))


def parse_nav(content: bytes) -> Any:
    """The `nav:` value of a nav file's bytes (None when it has none or cannot be read)."""
    try:
        data = yaml.safe_load(content.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    return data.get("nav") if isinstance(data, dict) else None


def read_nav(docs: Path) -> Any:
    """The nav docs/ holds now (None when there is no nav file)."""
    path = docs / NAV_FILE
    try:
        return parse_nav(path.read_bytes()) if path.is_file() else None
    except OSError:
        return None


def missing_pages(nav: Any, docs: Path) -> list[str]:
    """Nav targets (Markdown paths) that docs/ does not hold: should always be empty."""
    missing: list[str] = []
    for item in nav if isinstance(nav, list) else []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                missing += missing_pages(value, docs)
            elif isinstance(value, str) and value.endswith(".md") and not (docs / value).is_file():
                missing.append(value)
    return missing
