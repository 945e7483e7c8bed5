"""Organizations and places: known names from generator/data/entities.yml, plus unknown
organizations recognised by a closing word such as "Agency"."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..model import Article, Organization, Place
from ..read import slugify
from ..site import load_data
from . import patterns
from .lexicon import KnownName, entity_lexicon, people_lexicon
from .text import DOTTED, NAME_TOKEN, lowercase_words, phrase_alternation


@dataclass
class _Found:
    """What one organization or place looks like in one article, while it is being collected."""

    id: str
    name: str
    forms: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)

    def add(self, form: str, block_id: str) -> None:
        if form not in self.forms:
            self.forms.append(form)
        if block_id not in self.blocks:
            self.blocks.append(block_id)


def _known_pattern(entries: Iterable[KnownName]) -> tuple[re.Pattern[str], dict[str, KnownName]]:
    by_form = {form: entry for entry in entries for form in entry.forms}
    pattern = patterns.compile(r"(?<![\w\-])(?:" + phrase_alternation(by_form) + r")(?![\w\-])")
    return pattern, by_form


@cache
def _organization_pattern() -> tuple[re.Pattern[str], dict[str, KnownName]]:
    return _known_pattern(entity_lexicon().organizations)


# A run of capitalised words (and dotted abbreviations such as "U.S.") that may be joined by
# "of", "for", "on" or "and" ("Department of Energy", "U.S. District Court for the Northern
# District of Illinois", "Narcotic and Dangerous Drug Section"), scanned once: a regex ending in
# a suffix word would rescan runs. A plural possessive keeps its mark ("National Sheriffs’
# Association").
# Capitals joined by "&" are one word ("Texas A&M University", "North Carolina A&T State").
_ORG_TOKEN = rf"(?:[A-Z]{{1,3}}&[A-Z]{{1,3}}(?![\w&])|{DOTTED}|{NAME_TOKEN}(?:[’'](?=\s))?)"
_ORG_JOIN = r"(?:(?:of|for|on)(?:\s+the)?|and|&)"
# A unit's number may open it: "752nd Medical Squadron", "4th Infantry Division".
_ORDINAL = r"\d{1,4}(?:st|nd|rd|th)\s+(?=[A-Z])"
_CAPITALISED_RUN = patterns.compile(
    rf"(?<![\w\-.])(?:{_ORDINAL})?{_ORG_TOKEN}(?:\s+(?:{_ORG_JOIN}\s+)?{_ORG_TOKEN})*"
)
_JOIN_WORDS = frozenset({"of", "for", "on", "the", "and", "&"})
_ABBREVIATION_AFTER = patterns.compile(r"\s*\((?P<abbr>[A-Z][A-Z&\-]{1,7})\)")


@cache
def _place_pattern() -> tuple[re.Pattern[str], dict[str, KnownName]]:
    return _known_pattern(entity_lexicon().places)


def _normal(form: str) -> str:
    return " ".join(form.split())


def _bare(word: str) -> str:
    """A word without its possessive mark: "Department’s" → "Department"."""
    return re.sub(r"(?:[’']s|[’'])$", "", word)


def _possessive(word: str) -> bool:
    return _bare(word) != word


def _may_open(word: str) -> bool:
    """Whether an organization's name may begin with `word`: not "The", "Former"."""
    low = word.lower()
    return not (
        low in people_lexicon().closed_class or word in entity_lexicon().organization_non_openers
    )


def _generic_organizations(text: str) -> list[tuple[int, int, str, str]]:
    """Unknown organizations: capitalised words closed by a word such as "Agency" ("Israel
    Space Agency", "Deschutes County Sheriff’s Office"), or such a word followed by "of", "for"
    or "on" and a name ("Department of Energy", "Office of International Affairs").

    A possessive splits two names ("Justice Department’s Criminal Division"), except one just
    before the closing word that is not an organization itself ("U.S. Attorney’s Office").
    "and" joins words before the closing word unless a role stands before it ("Canyon County
    Sheriff and National Sheriffs’ Association": the association only).
    """
    weak = entity_lexicon().weak_organization_suffixes
    suffixes = entity_lexicon().organization_suffixes | weak
    lex = people_lexicon()
    known = _known_forms()
    places = _place_forms() | lex.place_words
    spans: list[tuple[int, int, str, str]] = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(m.start() + run.start(), m.group()) for m in re.finditer(r"\S+", run.group())]
        taken = 0  # words before this index belong to an organization already found
        for head, (_, word) in enumerate(words):
            bare = _bare(word)
            if bare not in suffixes or head < taken:
                continue
            if _modifiers_then_role(words, head, taken):
                continue  # "Deputy Center Director Laurie Grindle": one title, no centre named
            first = head
            while first > taken:
                prev = words[first - 1][1]
                if prev.lower() in ("of", "for", "on", "the", "&"):
                    break
                if prev == "and":
                    left = words[first - 2][1] if first >= 2 else ""
                    if (
                        first - 2 < taken
                        or not left[:1].isupper()
                        or _bare(left).lower() in lex.roles
                    ):
                        break
                    first -= 2
                    continue
                if _possessive(prev) and (
                    _bare(prev) in suffixes
                    or _bare(prev) in known
                    or _bare(prev) in places
                    or first != head
                ):
                    break  # "Justice Department’s …", "Russia’s …"; not "Attorney’s Office"
                if (
                    prev in known
                    and head - first >= 2
                    and (bare in weak or _bare(words[first][1]) in lex.given_names)
                ):
                    # "NASA Kennedy Space Center": NASA and its center, two names; "NASA
                    # Katherine Johnson IV&V Facility": a facility named after a person
                    break
                first -= 1
            while first < head and not _may_open(words[first][1]):
                first += 1
            if bare in weak and head - first == 1 and _opens_with_role(words, head + 1):
                continue  # "Ames Center Director Eugene Tu": a centre's director, by its short name
            opens_name = (  # "the Center of Science and Industry", "the Center for Ocean …"
                first == head
                and head + 1 < len(words)
                and words[head + 1][1] in ("of", "for")
                and sum(  # two capitalised words after the link: not "the Group of Friends"
                    w[:1].isupper()
                    for _, w in words[head + 1 : _extension(words, head, suffixes, known) + 1]
                )
                >= 2
                and not _HONORIFIC_BEFORE.search(text[max(0, run.start() - 6) : run.start()])
            )
            if (
                bare in weak
                and not opens_name
                and not (
                    _names_more_than_a_person(words[first:head], text, run.start())
                    and _may_close(words, head)
                )
            ):
                continue  # "Anna Branch", "Mr. Branch": a person's name; "Air Force Base"
            last = head
            tails = entity_lexicon().organization_tails
            if (
                not _possessive(word)
                and head + 1 < len(words)
                and _bare(words[head + 1][1]) in tails
            ):
                last = head + 1  # "Cleveland Metropolitan School District"
            elif not _possessive(word):
                last = _extension(words, head, suffixes, known)
            if last == head and (
                first == head or (first + 1 == head and words[first][1][0].isdigit())
            ):
                continue  # "the Department", "the 12th Agency": no name
            name_words = [w for _, w in words[first : last + 1]]
            name_words[-1] = _bare(name_words[-1])
            name = " ".join(name_words)
            end = words[last][0] + len(name_words[-1])
            taken = last + 1
            if name not in entity_lexicon().organization_exclusions:
                spans.append((words[first][0], end, slugify(name), name))
    return spans


def _modifiers_then_role(words: list[tuple[int, str]], head: int, taken: int) -> bool:
    """Whether a closing word that is also a role modifier ("Center") stands in a title: role
    modifiers only before it, back to the run's start or an "and" ("… and Deputy Center
    Director Laurie Grindle"), and a role after it. A name word before the modifiers makes an
    organization ("NASA Ames Research Center Director Eugene Tu")."""
    modifiers = people_lexicon().role_modifiers
    if not (0 < head < len(words) - 1) or _bare(words[head][1]).lower() not in modifiers:
        return False
    first = head
    while first > taken and _bare(words[first - 1][1]).lower() in modifiers:
        first -= 1
    if first == head:
        return False
    if first > taken and words[first - 1][1] != "and":
        # a name word before the modifiers: an organization and its title ("NASA Ames Research
        # Center Director"), unless a rank word stands among them ("Glenn Deputy Center Director")
        title_only = entity_lexicon().title_only_modifiers
        if not any(_bare(w).lower() in title_only for _, w in words[first:head]):
            return False
    return _opens_with_role(words, head + 1)


def _may_close(words: list[tuple[int, str]], head: int) -> bool:
    """Whether a weak closing word may end a name where it stands: last in the run, before a
    connector ("Center for …"), possessive, or before a title ("Center Director"); not when it
    opens a role itself ("HLS Program Manager": a program manager)."""
    if head + 1 >= len(words) or _possessive(words[head][1]):
        return True
    roles = people_lexicon().roles
    for size in (2, 3):  # "HLS Program Manager": the word opens a role, no organization ends
        if " ".join(_bare(w) for _, w in words[head : head + size]).lower() in roles:
            return False
    after = words[head + 1][1]
    return after in _JOIN_WORDS or _opens_with_role(words, head + 1)


_HONORIFIC_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{1,3}\.)\s*$")  # "Mr. ", "Sen. "


def _names_more_than_a_person(before: list[tuple[int, str]], text: str, run_start: int) -> bool:
    """Whether the words before a weak closing word ("Branch", "Center") make an organization's
    name: one of them is a known organization's form, or no known given name, no title and no
    particle, and no honorific stands before the run ("Operations Plans Branch", "Brooke Army
    Medical Center"; not "Anna Branch", "Mr. Branch")."""
    lex = people_lexicon()
    if _HONORIFIC_BEFORE.search(text[max(0, run_start - 6) : run_start]):
        return False
    known = _known_forms()
    for _, word in before:
        bare = _bare(word)
        if bare in known:
            return True  # "Brooke Army Medical Center": a known organization's word in it
        low = bare.lower().rstrip(".")
        if low in lex.role_modifiers and bare not in lex.given_names:
            return True  # "National Center for …": a modifier is no person's title
        if bare in lex.given_names or low in lex.titles or low in lex.particles:
            continue
        return True
    return False


def _extension(
    words: list[tuple[int, str]], head: int, suffixes: frozenset[str], known: frozenset[str]
) -> int:
    """Index of the last word of a name after a closing word ("Court for the Northern District
    of Illinois", "Department of Health and Human Services"); `head` when none follows. It
    stops before a known organization ("Division of NASA") and after a possessive."""
    last, i = head, head + 1
    while i < len(words) and words[i][1] in ("of", "for", "on", "and"):
        joiner, j = words[i][1], i + 1
        if j < len(words) and words[j][1] == "the":
            if joiner == "and":
                break  # "the Department of Energy and the FBI": two names
            j += 1
        if j < len(words) and words[j][1] in _calendar_words():
            break  # "Kennedy Space Center on April 9": a date, no part of the name
        if _opens_with_known(words, j, known):
            return last  # "Diplomatic Security Service of the Department of State": two names
        if joiner == "and" and _opens_with_role(words, j):
            break  # "Criminal Division and Special Agent in Charge …": a person's title follows
        k = j
        while k < len(words) and words[k][1] not in _JOIN_WORDS:
            bare = _bare(words[k][1])
            if bare in known or (joiner == "and" and bare in suffixes):
                return last
            k += 1
            if _possessive(words[k - 1][1]):
                return k - 1
        if k == j or (joiner == "and" and _person_shaped(words[j:k], k == len(words))):
            break  # "Howard University and Joe Doe": a person after the name
        if joiner == "and" and k == j + 1 and _CAPITALS_WORD.fullmatch(words[j][1]):
            break  # "Texas A&M University and AT&T": an acronym is a name of its own
        last, i = k - 1, k
    return last


_CAPITALS_WORD = patterns.compile(r"[A-Z][A-Z&]+")
_DOUBLE_SURNAME = patterns.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")


def _person_shaped(words: list[tuple[int, str]], last: bool) -> bool:
    """Whether two or three words read as a person's name: a known given name first (not one
    that opens places, people.yml `given_name_exclusions`), then capitalised words; or, ending
    the run, a capitalised word and a surname of two joined by a hyphen ("Elikem
    Des-Amekudi")."""
    lex = people_lexicon()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for _, w in words):
        return False
    first = words[0][1]
    if last and len(words) == 2 and _DOUBLE_SURNAME.fullmatch(words[1][1]):
        return first.lower() not in lex.titles and first not in _place_forms()
    return (
        first in lex.given_names
        and first not in lex.given_name_exclusions
        and first.lower() not in lex.titles
    )


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names, in full (dates.yml)."""
    data = load_data("dates.yml") or {}
    months = data.get("months")
    words = {str(w) for w in data.get("weekdays") or ()}
    for forms in months if isinstance(months, list) else []:
        words.update(str(f) for f in forms[:1])
    return frozenset(words)


def _opens_with_role(words: list[tuple[int, str]], at: int) -> bool:
    """Whether the words from `at` begin with a role, maybe after its modifiers ("Special
    Agent", "Deputy Director")."""
    lex = people_lexicon()
    i = at
    while True:
        for size in (3, 2, 1):
            phrase = " ".join(w for _, w in words[i : i + size]).lower()
            if i + size <= len(words) and phrase in lex.roles:
                return True
        if i >= len(words) or not (
            words[i][1].lower() in lex.role_modifiers or re.fullmatch(DOTTED, words[i][1])
        ):
            return False  # "Acting U.S. Attorney": modifiers and abbreviations may lead
        i += 1


def _opens_with_known(words: list[tuple[int, str]], at: int, known: frozenset[str]) -> bool:
    """Whether the words from `at` begin with a known organization's name of several words."""
    for size in range(2, 7):
        if at + size > len(words):
            return False
        if (
            " ".join(
                _bare(w) if i == size - 1 else w for i, (_, w) in enumerate(words[at : at + size])
            )
            in known
        ):
            return True
    return False


@cache
def _place_forms() -> frozenset[str]:
    return frozenset(form for entry in entity_lexicon().places for form in entry.forms)


@cache
def _known_forms() -> frozenset[str]:
    return frozenset(form for entry in entity_lexicon().organizations for form in entry.forms)


def organization_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, organization id, surface form) of each organization named in `text`."""
    return list(_organization_spans(text))  # a list of the caller's own


# find_organizations and find_places read each paragraph's organizations: found once. They
# depend on the text alone (and the data files, read once per process). Emptied before each
# article (analyse.forget_texts); bounded all the same.
@lru_cache(maxsize=2048)
def _organization_spans(text: str) -> tuple[tuple[int, int, str, str], ...]:
    known, by_form = _organization_pattern()
    spans = [
        (m.start(), m.end(), by_form[_normal(m.group())].id, _normal(m.group()))
        for m in known.finditer(text)
    ]
    for span in [*_generic_organizations(text), *_designated_companies(text)]:
        overlapping = [k for k in spans if k[0] < span[1] and span[0] < k[1]]
        # A longer name holding a known one is another organization ("Senate Foreign
        # Relations Committee"), but one opening with a known abbreviation names a branch of
        # it ("DEA Seattle Field Division": the DEA); one only overlapping a name is none.
        if all(
            span[0] <= k[0]
            and k[1] <= span[1]
            and k[1] - k[0] < span[1] - span[0]
            and not (k[0] == span[0] and k[3].isupper())
            for k in overlapping
        ):
            spans = [k for k in spans if k not in overlapping]
            spans.append(span)
    return tuple(sorted(spans))


# "Steve Altemus, chief executive officer and co-founder, Intuitive Machines": a name, a role
# in lower case, and a capitalised name closing the clause.
_ROLE_THEN_NAME = patterns.compile(
    rf"(?<![\w\-])(?P<person>{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|[A-Z]\.)){{1,3}}),\s+"
    rf"(?P<role>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){{0,6}}),\s+"
    rf"(?P<org>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}})(?=\s*(?:[,.;)]|$))"
)


# "was working as a software developer for General Motors", "began his career in 1982 as a news
# reporter at KRCR-TV in Redding": a post held at a capitalised name that ends the clause (or
# comes before a place, a time or another clause); "took a job with WESH-TV in Orlando,
# Florida, as a news reporter": the employer of a job before the post.
_CLAUSE_END = r"(?=\s*(?:[,.;)]|\s+(?:in|from|when|until|before|after|and|since|during)\b|$))"
_AS_ROLE_AT = patterns.compile(
    rf"(?<![\w’'])as\s+(?:an?|the)\s+(?P<role>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){{0,4}})\s+"
    rf"(?:at|for|with)\s+(?:the\s+)?(?P<org>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}}){_CLAUSE_END}"
)
_JOB_WITH = patterns.compile(
    rf"(?<![\w’'])(?:job|position|post|internship)\s+(?:at|with)\s+(?:the\s+)?"
    rf"(?P<org>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}})"
    rf"(?:\s+in\s+{NAME_TOKEN}(?:\s+{NAME_TOKEN})?(?:,\s+{NAME_TOKEN}(?:\s+{NAME_TOKEN})?)?,?)?"
    rf"\s+as\s+(?:an?|the)\s+(?P<role>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){{0,4}})"
)
_CAPITALS = patterns.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})*")  # "IBM", "KRCR-TV": no town's name


# "Your Baby Can, LLC", "Loma International Business Group, Inc.": a company's name, its
# designator after a comma (entities.yml `company_designators`).
_DESIGNATED = (
    r"(?<![\w\-.])(?P<name>{word}(?:\s+(?:{word}|&|and|of))*?),?\s+(?:{designators})(?![\w])"
)


@cache
def _designated_pattern() -> re.Pattern[str]:
    designators = "|".join(
        re.escape(d) + ("" if d.endswith(".") else r"\.?")
        for d in sorted(entity_lexicon().company_designators, key=len, reverse=True)
    )
    word = r"[A-Z][\w’'\-]*!?"
    return patterns.compile(_DESIGNATED.format(word=word, designators=designators or "(?!x)x"))


def _designated_companies(text: str) -> list[tuple[int, int, str, str]]:
    """Companies named with a designator after a comma ("Your Baby Can, LLC"): the name as
    written with it, a leading "The" set aside; the one-word openers of a sentence or title
    ("Against Your Baby Can, LLC") are not part of it when they are closed-class words."""
    found = []
    closed = people_lexicon().closed_class
    for match in _designated_pattern().finditer(text):
        words = match.group("name").split()
        while words and words[0].lower() in closed - {"your", "my", "our"}:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        start = match.end("name") - len(name)
        found.append((start, match.end(), slugify(name), name))
    return found


def _ends_in_role(words: str) -> bool:
    roles = people_lexicon().roles
    for piece in words.split(" and "):
        parts = piece.split()
        if not any(" ".join(parts[-k:]) in roles for k in (1, 2, 3) if len(parts) >= k):
            return False
    return True


def _employers(article: Article, taken: set[str]) -> list[tuple[str, str]]:
    """Organizations named only as where someone works: "Hailey Moosebrugger, payload manager,
    Astrobotic" → (id, name); "as a news reporter at KRCR-TV", "a job with Florida Today as a
    photojournalist". The person's first word must be a known given name and
    the name no place, none of its words written in lower case in the story; a one-word name
    must also be written with a possessive somewhere in the
    story ("Astrobotic’s control center"), since a lone word there may be a town, or (after
    "as a …") be written in capitals ("KRCR-TV")."""
    lex = people_lexicon()
    places = {form for entry in entity_lexicon().places for form in entry.forms}
    story = "\n".join(b.text for b in article.story_blocks)
    lower = lowercase_words(article)
    found: list[tuple[str, str]] = []
    for block in article.story_blocks:
        text = block.text
        held = [*_AS_ROLE_AT.finditer(text), *_JOB_WITH.finditer(text)] if " as " in text else []
        for match in [*_ROLE_THEN_NAME.finditer(text), *held]:
            name = match.group("org")
            words = name.split()
            person = match.groupdict().get("person")
            if (
                (person is not None and person.split()[0] not in lex.given_names)
                or not _ends_in_role(match.group("role"))
                or name in taken
                or name in places
                or name in lex.place_names
                or any(w in lex.place_words or w.lower() in lex.closed_class for w in words)
                or (words[0] in lex.given_names and words[0].lower() not in lex.adjective_titles)
                or any(w.lower() in lower for w in words)  # "Mission Control": "mission"
            ):
                continue
            if (
                len(words) == 1
                and not (person is None and _CAPITALS.fullmatch(name))
                and not re.search(rf"(?<![\w\-]){re.escape(name)}[’']s?\s", story)
            ):
                continue
            if (slugify(name), name) not in found:
                found.append((slugify(name), name))
    return found


# An abbreviation in brackets after a minister's or secretary's portfolio names the ministry:
# "Japan’s Minister of Education, Culture, Sports, Science and Technology (MEXT) Masahito …".
_OFFICE_ABBREVIATION = patterns.compile(
    r"(?<![\w’'-])(?:Minister|Ministry|Secretary|Secretariat)\s+(?:of|for)\s+(?:the\s+)?"
    r"[A-Z][\w’'\-]*(?:,?\s+(?:[A-Z][\w’'\-]*|and|of|the|for|&)){0,12}"
    r"\s+\((?P<abbr>[A-Z]{2,8})\)"
)


def find_organizations(article: Article) -> tuple[Organization, ...]:
    """Organizations named in the story, in order of first mention. An abbreviation written in
    brackets after an unknown organization's name is another name of it ("Narcotic and
    Dangerous Drug Section (NDDS)"), also where it stands alone ("Trial Attorney X of NDDS")."""
    names = {entry.id: entry.name for entry in entity_lexicon().organizations}
    known = _known_forms()
    found: dict[str, _Found] = {}
    abbreviations: dict[str, str] = {}  # abbreviation → organization id
    for block in article.story_blocks:
        for _, end, org_id, form in organization_spans(block.text):
            entry = found.setdefault(org_id, _Found(org_id, names.get(org_id, form)))
            entry.add(form, block.id)
            bracket = _ABBREVIATION_AFTER.match(block.text, end)
            if org_id not in names and bracket and bracket.group("abbr") not in known:
                abbreviations.setdefault(bracket.group("abbr"), org_id)
    for block in article.story_blocks:  # "Minister of Education, …, and Technology (MEXT)"
        for match in _OFFICE_ABBREVIATION.finditer(block.text):
            abbr = match.group("abbr")
            if abbr not in known and abbr not in abbreviations:
                found.setdefault(slugify(abbr), _Found(slugify(abbr), abbr))
                abbreviations[abbr] = slugify(abbr)
    forms = {form for f in found.values() for form in f.forms} | set(known)
    for org_id, name in _employers(article, forms):
        found.setdefault(org_id, _Found(org_id, name))
        pattern = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
        for block in article.story_blocks:
            if pattern.search(block.text):
                found[org_id].add(name, block.id)
    _short_forms(article, found, names)
    for entry in list(found.values()):
        initials = _initials(entry.name)
        if initials and initials not in known and initials not in abbreviations:
            abbreviations[initials] = entry.id  # "FTC" of "Federal Trade Commission"
    if abbreviations:
        pattern = re.compile(r"(?<![\w\-])(?:" + phrase_alternation(abbreviations) + r")(?![\w\-])")
        for block in article.story_blocks:
            for match in pattern.finditer(block.text):
                found[abbreviations[match.group()]].add(match.group(), block.id)
    return tuple(
        Organization(f.id, f.name, tuple(x for x in f.forms if x != f.name), tuple(f.blocks))
        for f in found.values()
    )


def _short_forms(article: Article, found: dict[str, _Found], names: dict[str, str]) -> None:
    """A known organization before the first word of another the article names is that one's
    short form: "NASA Goddard" for Goddard Space Flight Center, "NASA Johnson" for Johnson
    Space Center (not before more of its name: "NASA Goddard Space Flight Center")."""
    owners = [f for f in found.values() if f.id in names]
    for entry in list(found.values()):
        head, _, last = entry.name.rpartition(" ")
        if last in entity_lexicon().organization_short_drops and " " in head:
            # "University High School" … "said University High senior X", "Torrance High"
            pattern = re.compile(rf"(?<![\w\-]){re.escape(head)}(?![\w\-]|\s+{last})")
            for block in article.story_blocks:
                if pattern.search(block.text):
                    entry.add(head, block.id)
    for entry in list(found.values()):
        words = entry.name.split()
        if entry.id in names or len(words) < 3 or not words[0][:1].isupper():
            continue
        for owner in owners:
            forms = phrase_alternation(f for f in owner.forms if f != words[0])
            if not forms:
                continue
            pattern = re.compile(
                rf"(?<![\w\-])(?P<short>(?:{forms})\s+{re.escape(words[0])})(?![\w\-]|\s+[A-Z])"
            )
            for block in article.story_blocks:
                for match in pattern.finditer(block.text):
                    entry.add(" ".join(match.group("short").split()), block.id)


def _initials(name: str) -> str | None:
    """The abbreviation a name's initials make ("Federal Trade Commission" → "FTC"), when it
    has three capitalised words or more: an article that writes it means that organization."""
    words = [w for w in name.split() if w.lower() not in entity_lexicon().initial_skip_words]
    if len(words) < 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return "".join(w[0] for w in words)


def _merged(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int]]:
    """The stretches of text the spans cover, sorted, overlapping ones merged (a match overlaps
    one of them exactly when it overlaps one of the spans)."""
    merged: list[tuple[int, int]] = []
    for start, end, _, _ in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def find_places(article: Article) -> tuple[Place, ...]:
    """Gazetteer places named in the story (not inside an organization's name)."""
    pattern, by_form = _place_pattern()
    found: dict[str, _Found] = {}
    for block in article.story_blocks:
        covered = _merged(organization_spans(block.text))
        starts = [start for start, _ in covered]
        for match in pattern.finditer(block.text):
            # inside an organization's name ("Kennedy Space Center, Florida"): one bisect, not a
            # scan of every organization of the block
            at = bisect.bisect_left(starts, match.end()) - 1
            if at >= 0 and match.start() < covered[at][1]:
                continue
            entry = by_form[_normal(match.group())]
            found.setdefault(entry.id, _Found(entry.id, entry.name)).add(entry.name, block.id)
    return tuple(Place(f.id, f.name, tuple(f.blocks)) for f in found.values())
