"""Word lists and patterns, loaded once from the YAML files in generator/data/.

The rules live in the analyse modules; everything an editor may want to extend (role nouns,
honorifics, known organizations, places, key-fact patterns) lives in the data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..site import load_data as data_file


@dataclass(frozen=True)
class PartCue:
    label: str  # may hold "{craft}": the spacecraft named in the same sentence
    scope: str  # "sentence" or "after"
    cues: tuple[str, ...]
    fallback: str = ""  # the label when "{craft}" is asked for but the sentence names none


@dataclass(frozen=True)
class PeopleLexicon:
    roles: dict[
        str, str
    ]  # any written form, lower case → singular role ("spokesmen" → "spokesman")
    plural_roles: frozenset[str]  # lower-case plural forms
    flying_roles: frozenset[str]  # singular roles whose holders are crew
    honorifics: tuple[str, ...]
    particles: tuple[str, ...]
    non_name_words: frozenset[str]  # lower case
    nationalities: frozenset[str]  # lower case
    closed_class: frozenset[str]  # lower case
    parts: tuple[PartCue, ...]
    not_aboard: str
    crafts: tuple[str, ...] = ()  # spacecraft names a part label may mention ("Soyuz")


@dataclass(frozen=True)
class KnownName:
    """A known organization or place: id, display name and other spellings."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class EntityLexicon:
    organizations: tuple[KnownName, ...]
    organization_suffixes: frozenset[str]
    places: tuple[KnownName, ...]


@dataclass(frozen=True)
class FactPattern:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class KeyFactLexicon:
    facts: tuple[FactPattern, ...]
    cast: tuple[str, ...]  # regex sources with a {name} placeholder
    dated_facts: dict[str, tuple[str, ...]]  # fact name → cue phrases


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def _lower_set(values: Any) -> frozenset[str]:
    return frozenset(s.lower() for s in _strings(values))


@cache
def people_lexicon() -> PeopleLexicon:
    raw = data_file("people.yml")
    roles: dict[str, str] = {}
    plurals: set[str] = set()
    flying: set[str] = set()
    for entry in raw["roles"]:
        word = str(entry["word"]).lower()
        plural = str(entry.get("plural", word + "s")).lower()
        roles[word] = word
        roles[plural] = word
        plurals.add(plural)
        if entry.get("flies"):
            flying.add(word)
    parts = tuple(
        PartCue(
            str(p["label"]),
            str(p["scope"]),
            _strings(p["cues"]),
            str(p.get("fallback") or p["label"]),
        )
        for p in raw["parts"]
    )
    return PeopleLexicon(
        roles=roles,
        plural_roles=frozenset(plurals),
        flying_roles=frozenset(flying),
        honorifics=_strings(raw["honorifics"]),
        particles=_strings(raw["particles"]),
        non_name_words=_lower_set(raw["non_name_words"]),
        nationalities=_lower_set(raw["nationalities"]),
        closed_class=_lower_set(raw["closed_class"]),
        parts=parts,
        not_aboard=str(raw["not_aboard"]),
        crafts=_strings(raw.get("crafts") or ()),
    )


def _known(entries: Any) -> tuple[KnownName, ...]:
    return tuple(
        KnownName(str(e["id"]), str(e["name"]), _strings(e.get("aliases"))) for e in entries
    )


@cache
def entity_lexicon() -> EntityLexicon:
    raw = data_file("entities.yml")
    return EntityLexicon(
        organizations=_known(raw["organizations"]),
        organization_suffixes=frozenset(_strings(raw["organization_suffixes"])),
        places=_known(raw["places"]),
    )


@cache
def keyfact_lexicon() -> KeyFactLexicon:
    raw = data_file("keyfacts.yml")
    facts = tuple(FactPattern(str(f["name"]), re.compile(str(f["pattern"]))) for f in raw["facts"])
    dated = {str(k): _strings(v) for k, v in (raw.get("dated_facts") or {}).items()}
    return KeyFactLexicon(facts=facts, cast=_strings(raw["cast"]), dated_facts=dated)
