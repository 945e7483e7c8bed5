"""The words the generator itself writes on pages, in the site's language.

A message catalogue per language is data: generator/data/ui/<language>.yml, chosen by the
site's `theme.language` (mkdocs.yml; site.SiteConfig.language). Each holds
- `messages`: the interface words of the templates and of compose ("Role", "Source: {label}"),
  by key; a value is a text, or `{one: …, other: …}` where the count decides the form
  (English plurals; a language without plural forms gives one text);
- `dates`: month names and the patterns of a date to the day, to the month, to the year;
- `texts`: the texts of the core (core.yml) and the theme sets (themes/*.yml) in this language,
  keyed by their English text exactly as written there (a `{name}` in a key stands for any
  words: "flew up on the {craft}"). An English text that is edited loses its translation and
  shows in English until the translation follows: never a stale text that says something else.

English (en.yml) is the default and the fallback: a language without a file gets English, and
a key a catalogue lacks gets the English message. English `texts` are the data files' own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import escape

from .analyse.themesets import Core, Described, ThemeSet
from .errors import GeneratorError
from .site import load_data

DEFAULT = "en"
FOLDER = "ui"


@dataclass(frozen=True)
class Catalogue:
    language: str  # the catalogue's language ("en" when the site's has none)
    messages: Mapping[str, Any]  # key → text or {one, other}; English where the file has none
    texts: Mapping[str, str] = field(default_factory=dict)  # English data text → translated
    dates: Mapping[str, Any] = field(default_factory=dict)
    patterns: tuple[tuple[re.Pattern[str], str], ...] = ()  # `texts` keys with a {name}
    # (key, count is 1) → the form HTML-escaped, for pages: asked for on every card of a site
    _escaped: dict[tuple[str, bool], str] = field(default_factory=dict, compare=False, repr=False)

    def form(self, key: str, count: int | None = None) -> str:
        """The message `key` as written, in the form `count` needs ({one, other})."""
        raw = self.messages.get(key)
        if raw is None:
            raise KeyError(f"no message {key!r} in {_path(DEFAULT)}")
        if isinstance(raw, dict):
            raw = raw["one"] if count == 1 and "one" in raw else raw["other"]
        return str(raw)

    def escaped_form(self, key: str, count: int | None = None) -> str:
        """form(), HTML-escaped (its {names} still to fill in, with escaped values)."""
        slot = (key, count == 1)
        found = self._escaped.get(slot)
        if found is None:
            found = self._escaped[slot] = str(escape(self.form(key, count)))
        return found

    def message(self, key: str, count: int | None = None, **values: object) -> str:
        """The message `key`, its {names} filled in (`count` is {n}, and picks the form)."""
        if count is not None:
            values = {"n": count, **values}
        return self.form(key, count).format(**values)

    def text(self, english: str) -> str:
        """A core or theme-set text (written in English in its data file) in this language."""
        found = self.texts.get(english)
        if found is not None:
            return found
        for pattern, translated in self.patterns:
            match = pattern.fullmatch(english)
            if match:
                return translated.format(**match.groupdict())
        return english

    def date(self, value: str | dt.date | None) -> str:
        """An ISO date (full or partial) as written on pages: "5 October 2021", "2021年10月5日"."""
        if value is None:
            return ""
        iso = value.isoformat() if isinstance(value, dt.date) else value
        parts = iso.split("-")
        year = parts[0]
        if len(parts) == 1:
            return str(self.dates["year"]).format(year=year)
        month = int(parts[1])
        names = self.dates["months"]
        fields: dict[str, object] = {"year": year, "month": names[month - 1], "month_number": month}
        if len(parts) == 2:
            return str(self.dates["month"]).format(**fields)
        return str(self.dates["day"]).format(day=int(parts[2]), **fields)


def _path(language: str) -> str:
    return f"generator/data/{FOLDER}/{language}.yml"


def available() -> frozenset[str]:
    """The languages that have a catalogue."""
    folder = resources.files("generator").joinpath(f"data/{FOLDER}")
    return frozenset(p.name[: -len(".yml")] for p in folder.iterdir() if p.name.endswith(".yml"))


def _section(raw: object, name: str, language: str) -> dict[str, Any]:
    value = raw.get(name) if isinstance(raw, dict) else None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GeneratorError(_path(language), f"'{name}' must be a mapping")
    return dict(value)


@cache
def catalogue(language: str | None) -> Catalogue:
    """The catalogue of a site's language: its file over English's, English for a language
    that has none (and for a key its file lacks)."""
    english_raw = load_data(f"{FOLDER}/{DEFAULT}.yml")
    messages = _section(english_raw, "messages", DEFAULT)
    dates = _section(english_raw, "dates", DEFAULT)
    code = (language or DEFAULT).strip().lower()
    if code == DEFAULT or code not in available():
        return Catalogue(DEFAULT, messages, {}, dates)
    raw = load_data(f"{FOLDER}/{code}.yml")
    own = _section(raw, "messages", code)
    unknown = sorted(set(own) - set(messages))
    if unknown:  # a typo would otherwise leave the English message in place, silently
        raise GeneratorError(_path(code), f"unknown message '{unknown[0]}' (not in en.yml)")
    texts = {str(k): str(v) for k, v in _section(raw, "texts", code).items()}
    patterns = tuple(
        (_key_pattern(key), value) for key, value in texts.items() if re.search(r"\{\w+\}", key)
    )
    return Catalogue(
        code, {**messages, **own}, texts, {**dates, **_section(raw, "dates", code)}, patterns
    )


def _key_pattern(key: str) -> re.Pattern[str]:
    """ "flew up on the {craft}" → a pattern whose group `craft` takes any words."""
    pieces = re.split(r"\{(\w+)\}", key)
    body = "".join(
        re.escape(piece) if i % 2 == 0 else f"(?P<{piece}>.+?)" for i, piece in enumerate(pieces)
    )
    return re.compile(body)


# --- the core and the theme sets, worded in a language ----------------------------------------


def _described(items: tuple[Described, ...], cat: Catalogue) -> tuple[Described, ...]:
    return tuple(
        dataclasses.replace(d, text=cat.text(d.text), text_one=cat.text(d.text_one)) for d in items
    )


def _words(values: Mapping[str, str], cat: Catalogue) -> dict[str, str]:
    return {key: cat.text(value) for key, value in values.items()}


def _pair(unit: tuple[str, str], cat: Catalogue) -> tuple[str, str]:
    return (cat.text(unit[0]), cat.text(unit[1]))


def localised_core(core: Core, cat: Catalogue) -> Core:
    """The core's titles, summaries and units in the catalogue's language (English: `core`)."""
    if cat.language == DEFAULT:
        return core
    pages = tuple(
        dataclasses.replace(
            page,
            title=cat.text(page.title),
            description=cat.text(page.description),
            unit=_pair(page.unit, cat),
            heading=cat.text(page.heading),
            descriptions=_described(page.descriptions, cat),
        )
        for page in core.pages
    )
    return dataclasses.replace(
        core,
        overview_nav_title=cat.text(core.overview_nav_title),
        pages=pages,
        sources_nav_title=cat.text(core.sources_nav_title),
        sources_title=cat.text(core.sources_title),
        sources_description=cat.text(core.sources_description),
        sources_description_one=cat.text(core.sources_description_one),
        sources_intro=_described((core.sources_intro,), cat)[0],
        sources_intro_themed=cat.text(core.sources_intro_themed),
    )


def localised_theme_set(theme_set: ThemeSet, cat: Catalogue) -> ThemeSet:
    """A theme set's page titles, summaries, headings, units and labels in the catalogue's
    language (English: `theme_set`). What decides (evidence, cues, parts' values) stays, and so
    do section titles: they name the section's part pages (paging.py), which keep their URLs;
    the page shows them translated (theme.md.j2)."""
    if cat.language == DEFAULT:
        return theme_set
    pages = tuple(
        dataclasses.replace(
            page,
            theme=dataclasses.replace(
                page.theme,
                title=cat.text(page.theme.title),
                description=cat.text(page.theme.description),
            ),
            unit=_pair(page.unit, cat),
            descriptions=_described(page.descriptions, cat),
            headings=_words(page.headings, cat),
            headings_one=_words(page.headings_one, cat),
        )
        for page in theme_set.pages
    )
    return dataclasses.replace(
        theme_set,
        pages=pages,
        key_fact_labels=_words(theme_set.key_fact_labels, cat),
        part_label=cat.text(theme_set.part_label),
    )
