"""Editor corrections: fix what the rules got wrong without touching code.

An editor writes `seeds/<seed-stem>.corrections.yml` beside the seed. Three optional sections:

    people:
      - set: yulia-peresild          # fix a person the rules found (by person id)
        role: actress                # add one role (kept if already there)
        roles: [actress, surgeon]    # or replace all roles
        age: 37                      # set the age (null clears it)
      - add: Oleg Novitskiy          # a person the rules missed (full name)
        id: oleg-novitskiy           # optional; default: slug of the name
        aliases: [Novitskiy, Mr Novitskiy]
        roles: [cosmonaut]
        age: 50
        organizations: [roscosmos]
        blocks: [b13, b19, b24]
      - remove: mission-control      # a false person (their quotes become unattributed)
    quotes:
      - block: b9                    # the block holding the quotation
        text: Such missions          # optional: the quotation's first words, when the block has
                                     # several (without it every quotation of the block changes)
        speaker: dmitry-peskov       # person id, or null for "the article doesn't say"
    themes:
      - add: b4                      # put a story block on a themed page…
        theme: crew
      - remove: b6                   # …or take it off one
        theme: crew
    theme_sets:
      - set: spaceflight             # a theme set (generator/data/themes/<id>.yml)…
        applies: true                # …applies to this article (false: it does not), whatever
                                     # its evidence rule says; the set's key facts and cast
                                     # are found (or dropped) accordingly

People corrections apply first (so a person added there may speak in `quotes`), then quotes, then
themes, then theme sets. Anything naming what doesn't exist — an unknown person id, a block not in
the article, an unknown theme or theme set, a block without quotations (or without one starting
with `text`) — is refused with a one-line GeneratorError naming the file and the entry's line; so
is malformed YAML.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .analyse.themes import load_themes
from .analyse.themesets import load_theme_sets, with_theme_set_facts
from .errors import GeneratorError, cut
from .model import Correction, Facts, Person, Quote
from .read import name_id, read_file_bounded
from .safe_yaml import (
    check_strings,
    check_structure,
    describe,
    forbidden_character,
    refuse_duplicate_keys,
    yaml_error,
)

# A corrections file is a few dozen lines; checked before it is read.
MAX_CORRECTIONS_BYTES = 256_000

_LINE = "__line__"
SECTIONS = ("people", "quotes", "themes", "theme_sets")  # in the order they apply
_MISSING = object()
_PEOPLE_KEYS = {
    "set": {"role", "roles", "age"},
    "add": {"id", "aliases", "roles", "age", "organizations", "blocks"},
    "remove": set(),
}


@dataclass(frozen=True)
class Entry:
    """One correction as written: its section, its fields, and the line it starts on."""

    section: str
    fields: dict[str, Any]
    line: int


@dataclass(frozen=True)
class CorrectionSet:
    path: str
    entries: tuple[Entry, ...] = ()


class _LineLoader(yaml.SafeLoader):
    """Safe YAML that remembers the line where each mapping starts."""


def _mapping_with_line(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
    refuse_duplicate_keys(loader, node, getattr(loader, "path", "?"), 1)
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)

# The same loader on libyaml's parser when PyYAML has it (much faster); a document it rejects is
# parsed again by _LineLoader, so error messages and lines stay those of the pure-Python parser.
_FAST_LINE_LOADER: Any = _LineLoader
if hasattr(yaml, "CSafeLoader"):

    class _CLineLoader(yaml.CSafeLoader):
        """_LineLoader on libyaml's parser."""

    _CLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
    _FAST_LINE_LOADER = _CLineLoader


def _load_with(loader_class: Any, text: str, path: str) -> Any:
    loader = loader_class(text)
    loader.path = path
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _load_yaml(text: str, path: str = "?") -> Any:
    if _FAST_LINE_LOADER is not _LineLoader:
        try:
            return _load_with(_FAST_LINE_LOADER, text, path)
        except yaml.YAMLError:
            pass  # parse again below for the pure-Python parser's message (or its result)
    return _load_with(_LineLoader, text, path)  # a SafeLoader subclass: no arbitrary objects


def load_corrections(path: Path, display: str | None = None) -> CorrectionSet | None:
    """The corrections file beside a seed, or None when there is none (`display`: for messages)."""
    shown = display or str(path)
    data = read_file_bounded(
        path, shown, limit=MAX_CORRECTIONS_BYTES, inside=path.parent, what="corrections file"
    )
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GeneratorError(shown, "is not UTF-8 text; save it as UTF-8", line) from None
    return parse_corrections(text, shown)


def parse_corrections(text: str, path: str) -> CorrectionSet:
    """Corrections YAML → CorrectionSet (structure checked; names are checked when applied)."""
    bad = forbidden_character(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        raise GeneratorError(path, f"contains {describe(bad.group())}; remove it", line)
    # Anchors, aliases and deep nesting are refused before anything is built from them.
    check_structure(text, path, 1, "the corrections file")
    try:
        data = _load_yaml(text, path)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, 1, "malformed YAML") from None
    except RecursionError:  # a last resort; check_structure bounds the depth
        raise GeneratorError(path, "malformed YAML: nested too deeply") from None
    except ValueError:  # e.g. a 50,000-digit number (Python refuses to convert it)
        raise GeneratorError(path, "malformed YAML: a number too long to read") from None
    if data is None:
        return CorrectionSet(path)
    if not isinstance(data, dict):
        raise GeneratorError(
            path, "must be a mapping with people:, quotes:, themes: and theme_sets:", 1
        )
    entries: list[Entry] = []
    for key, value in data.items():
        if key == _LINE:
            continue
        if key not in SECTIONS:
            raise GeneratorError(
                path, f"unknown section '{cut(key, 40)}' (use {', '.join(SECTIONS)})", 1
            )
        if value is None:
            continue
        if not isinstance(value, list):
            raise GeneratorError(path, f"'{key}' must be a list of entries", data[_LINE])
        entries.extend(_entry(path, str(key), item, data[_LINE]) for item in value)
    return CorrectionSet(path, tuple(entries))


def _entry(path: str, section: str, item: object, parent_line: int) -> Entry:
    if not isinstance(item, dict):
        raise GeneratorError(path, f"each '{section}' entry must be a mapping", parent_line)
    line = int(item[_LINE])
    fields = {str(k): v for k, v in item.items() if k != _LINE}
    check_strings(fields, path, line, f"this {section} entry")
    if section == "people":
        actions = [a for a in _PEOPLE_KEYS if a in fields]
        if len(actions) != 1:
            raise GeneratorError(path, "a people entry needs exactly one of set, add, remove", line)
        allowed = _PEOPLE_KEYS[actions[0]] | {actions[0]}
    elif section == "quotes":
        allowed = {"block", "text", "speaker"}
        for required in ("block", "speaker"):
            if required not in fields:
                raise GeneratorError(path, f"a quotes entry needs '{required}'", line)
    elif section == "theme_sets":
        if "set" not in fields or not isinstance(fields.get("applies"), bool):
            raise GeneratorError(
                path, "a theme_sets entry needs set: and applies: true or false", line
            )
        allowed = {"set", "applies"}
    else:
        if ("add" in fields) == ("remove" in fields) or "theme" not in fields:
            raise GeneratorError(path, "a themes entry needs theme: and one of add, remove", line)
        allowed = {"add", "remove", "theme"}
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise GeneratorError(
            path, f"unknown key '{cut(unknown[0], 40)}' in a {section} entry", line
        )
    return Entry(section, fields, line)


# ---- applying -------------------------------------------------------------------------------


@dataclass
class _State:
    """Facts being corrected, plus the log of applied corrections."""

    people: list[Person]
    quotes: list[Quote]
    themes: dict[str, list[str]]
    log: list[Correction]
    theme_sets: dict[str, bool] = dataclasses.field(default_factory=dict)


def apply_corrections(
    facts: Facts, corrections: CorrectionSet | None, path_for_messages: str
) -> Facts:
    """A new Facts with the corrections applied and listed in `corrections`."""
    if corrections is None or not corrections.entries:
        return facts
    state = _State(
        list(facts.people),
        list(facts.quotes),
        {k: list(v) for k, v in facts.themes.items()},
        [],
    )
    order = {name: n for n, name in enumerate(SECTIONS)}
    for entry in sorted(corrections.entries, key=lambda e: order[e.section]):
        fail = _failer(path_for_messages, entry.line)
        if entry.section == "people":
            _apply_person(facts, state, entry.fields, fail)
        elif entry.section == "quotes":
            _apply_quote(state, entry.fields, fail)
        elif entry.section == "theme_sets":
            _apply_theme_set(facts, state, entry.fields, fail)
        else:
            _apply_theme(facts, state, entry.fields, fail)
    block_order = {b.id: n for n, b in enumerate(facts.article.blocks)}
    themes = {k: tuple(sorted(v, key=block_order.__getitem__)) for k, v in state.themes.items()}
    known = {p.id for p in state.people}
    cast = tuple(
        c if c.person is None or c.person in known else dataclasses.replace(c, person=None)
        for c in facts.cast
    )
    corrected = dataclasses.replace(
        facts,
        people=tuple(state.people),
        quotes=tuple(state.quotes),
        themes=themes,
        cast=cast,
        corrections=facts.corrections + tuple(state.log),
        theme_sets={**facts.theme_sets, **state.theme_sets},
    )
    if state.theme_sets:  # the editor's word on a theme set: its key facts follow it
        return with_theme_set_facts(corrected, load_theme_sets())
    return corrected


class _Fail:
    def __init__(self, path: str, line: int) -> None:
        self.path = path
        self.line = line

    def __call__(self, message: str) -> GeneratorError:
        return GeneratorError(self.path, message, self.line)


def _failer(path: str, line: int) -> _Fail:
    return _Fail(path, line)


def _text(value: object, what: str, fail: _Fail) -> str:
    if (
        not isinstance(value, str | int | float)
        or isinstance(value, bool)
        or not str(value).strip()
    ):
        raise fail(f"{what} must be a non-empty text")
    return str(value).strip()


def _texts(value: object, what: str, fail: _Fail) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise fail(f"{what} must be a list")
    return tuple(_text(v, f"each of {what}", fail) for v in value)


def _age(value: object, fail: _Fail) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 150:
        raise fail(f"age must be a whole number of years, not {cut(value)}")
    return value


def _person_index(state: _State, person_id: str, fail: _Fail) -> int:
    for index, person in enumerate(state.people):
        if person.id == person_id:
            return index
    raise fail(f"no person '{cut(person_id)}' in this article")


def _check_blocks(facts: Facts, blocks: tuple[str, ...], fail: _Fail) -> None:
    known = {b.id for b in facts.article.blocks}
    for block in blocks:
        if block not in known:
            raise fail(f"no block '{cut(block)}' in this article")


def _apply_person(facts: Facts, state: _State, fields: dict[str, Any], fail: _Fail) -> None:
    if "set" in fields:
        _set_person(state, fields, fail)
    elif "add" in fields:
        _add_person(facts, state, fields, fail)
    else:
        person_id = _text(fields["remove"], "remove", fail)
        state.people.pop(_person_index(state, person_id, fail))
        state.quotes = [
            dataclasses.replace(q, speaker=None) if q.speaker == person_id else q
            for q in state.quotes
        ]
        state.log.append(Correction("remove-person", person_id, ""))


def _set_person(state: _State, fields: dict[str, Any], fail: _Fail) -> None:
    person_id = _text(fields["set"], "set", fail)
    index = _person_index(state, person_id, fail)
    person = state.people[index]
    if "roles" in fields:
        roles = _texts(fields["roles"], "roles", fail)
        person = dataclasses.replace(person, roles=roles)
        state.log.append(Correction("set-roles", person_id, ", ".join(roles)))
    if "role" in fields:
        role = _text(fields["role"], "role", fail)
        if role not in person.roles:
            person = dataclasses.replace(person, roles=(*person.roles, role))
        state.log.append(Correction("add-role", person_id, role))
    if "age" in fields:
        age = _age(fields["age"], fail)
        person = dataclasses.replace(person, age=age)
        state.log.append(Correction("set-age", person_id, "" if age is None else str(age)))
    state.people[index] = person


def _add_person(facts: Facts, state: _State, fields: dict[str, Any], fail: _Fail) -> None:
    name = _text(fields["add"], "add", fail)
    person_id = _text(fields["id"], "id", fail) if "id" in fields else name_id(name)
    if not person_id:
        raise fail(f"cannot make an id from '{cut(name)}'; give one with id:")
    if any(p.id == person_id for p in state.people):
        raise fail(f"person '{cut(person_id)}' already exists; use set: to fix them")
    blocks = _texts(fields.get("blocks"), "blocks", fail)
    _check_blocks(facts, blocks, fail)
    state.people.append(
        Person(
            id=person_id,
            name=name,
            aliases=_texts(fields.get("aliases"), "aliases", fail),
            roles=_texts(fields.get("roles"), "roles", fail),
            age=_age(fields.get("age"), fail),
            organizations=_texts(fields.get("organizations"), "organizations", fail),
            blocks=blocks,
        )
    )
    state.log.append(Correction("add-person", person_id, name))


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def _apply_quote(state: _State, fields: dict[str, Any], fail: _Fail) -> None:
    block = _text(fields["block"], "block", fail)
    prefix = _normal(_text(fields["text"], "text", fail)) if "text" in fields else ""
    speaker = fields["speaker"]
    speaker_id = None if speaker is None else _text(speaker, "speaker", fail)
    if speaker_id is not None:
        _person_index(state, speaker_id, fail)
    hits = [
        i
        for i, q in enumerate(state.quotes)
        if q.block == block and _normal(q.text).startswith(prefix)
    ]
    if not hits:
        which = f" starting '{cut(fields['text'])}'" if prefix else ""
        raise fail(f"no quotation{which} in block '{cut(block)}'")
    for index in hits:
        state.quotes[index] = dataclasses.replace(state.quotes[index], speaker=speaker_id)
        target = f"{block}: {state.quotes[index].text[:40]}"
        state.log.append(Correction("set-speaker", target, speaker_id or "none"))


def _apply_theme(facts: Facts, state: _State, fields: dict[str, Any], fail: _Fail) -> None:
    theme = _text(fields["theme"], "theme", fail)
    known = set(state.themes) | {t.id for t in load_themes()}
    if theme not in known:
        raise fail(f"no theme '{cut(theme)}' (themes: {', '.join(sorted(known))})")
    adding = "add" in fields
    block = _text(fields["add" if adding else "remove"], "block", fail)
    _check_blocks(facts, (block,), fail)
    if facts.article.block(block).kind == "boilerplate":
        raise fail(f"block '{cut(block)}' is boilerplate (contacts, links), not part of the story")
    members = state.themes.setdefault(theme, [])
    if adding and block not in members:
        members.append(block)
    elif not adding and block in members:
        members.remove(block)
    state.log.append(Correction("add-to-theme" if adding else "remove-from-theme", theme, block))


def _apply_theme_set(facts: Facts, state: _State, fields: dict[str, Any], fail: _Fail) -> None:
    set_id = _text(fields["set"], "set", fail)
    known = [s.id for s in load_theme_sets()]
    if set_id not in known:
        raise fail(f"no theme set '{set_id}' (theme sets: {', '.join(known)})")
    applies = bool(fields["applies"])
    state.theme_sets[set_id] = applies
    state.log.append(
        Correction("set-theme-set", set_id, "applies" if applies else "does not apply")
    )
