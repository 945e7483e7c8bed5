"""People: names, aliases, roles, ages, organizations and parts, by rules over the story text.

A person is found from a capitalised run of two or more name words (after setting aside
leading organization, role, place and sentence-initial common words) that contains no word
from the non-name lists, or from a single name word after an honorific or a role noun. The
context around each mention gives the evidence:

* a role noun before the name, maybe after an organization: "Kremlin spokesman Dmitry Peskov";
  a plural role is shared by the list that follows: "Nasa astronauts A, B and C";
* an apposition after it: "Dmitry Rogozin, head of … Roscosmos"; "Thomas Pesquet, of the ESA";
* an age: "37-year-old Peresild", "Shipenko, 38,".

A bare two-word run with no such evidence ("Elon Musk") is a person only if none of its words
is written in lower case elsewhere in the article ("Mission Control": "mission" is).
Single-word mentions ("Peresild", "Mr Shkaplerov") are joined to the person with that surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from ..model import Article, Organization, Person
from ..read import name_id
from . import patterns
from .lexicon import (
    PartCue,
    PeopleLexicon,
    country_names,
    entity_lexicon,
    is_nickname_of,
    nickname_pairs,
    people_lexicon,
    plural_of,
)
from .sentences import abbreviations, dotted_ends, sentence_spans
from .text import (
    DOTTED,
    INITIAL,
    lowercase_words,
    name_run,
    phrase_alternation,
    phrase_trie,
    strip_possessive,
    title_case,
)

_CONTEXT = 200  # characters of context looked at after a mention
_PREFIX = 120  # … and before it ("Japan Aerospace Exploration Agency (JAXA) astronaut ")
_MAX_NAME_WORDS = 4
# List connectors; picture captions put a position between names ("Frank Borman, left, …").
_CONNECTOR = patterns.compile(
    r"\s*(?:,\s*(?:(?:(?:far\s+|second\s+from\s+|third\s+from\s+)?(?:left|right)|center|centre)"
    r"\s*,\s*)?(?:and\s+)?|(?:and|&)\s+)"
)
_AS_VERBS = (
    "serve|work|act|remain|"  # "will serve as", "to work as"
    "served|serves|serving|worked|works|working|sworn\\s+in|elected|joined|"
    "took\\s+over|stepped\\s+down|retired|remained|remains|acted|acting|"
    "began|started|continued|returned|succeeded|replaced|reporting|reported|"
    # "will also be aboard as commander", "flew as pilot": a part in a flight
    "aboard|fly|flies|flew|flying|flown"
)
# … and verbs whose object is the one who holds the role: "Hill hired her as a clerk" (hers)
_AS_OBJECT_VERBS = (
    "named|appointed|hired|confirmed|nominated|chosen|selected|selects|assigned|installed|"
    "promoted|recruited|designated|listed|picked"
)
_AGE_BEFORE = patterns.compile(r"\b(\d{1,3})-year-old\s+$")
_APPOSED = patterns.compile(r",\s+(?:who|whose)\b")
_LOCATED = patterns.compile(
    r"(?:^|\s)(?:at|in|near|inside|outside|across|throughout|into)\s+(?:the\s+)?$"
)
# "the" right before a name: people are not named so ("joined the Cleveland Monsters", "The
# Monsters also showed"); teams, ships and bands are
_DETERMINED = patterns.compile(r"(?:^|\s)(?i:the)\s+$")
# "Docas Inzikuru of Uganda ran": a country after "of" right after a full name
_OF_PLACE = patterns.compile(
    r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}?)"
    r"(?=\s*[,.;:)]|\s+[a-z])"
)
# Whose relatives a list names: "Family members of fallen astronauts A, B", "the widows of
# cosmonauts …" (a plural role after it is the relatives', not the list's)
_KIN_OF = patterns.compile(
    r"(?i:famil(?:y|ies)|relatives|members|widows|widowers|wives|husbands|children|sons|"
    r"daughters|parents|grandchildren|siblings)\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?$"
)
_OF_WORD = patterns.compile(r"\s(?:of|at|for)\s[^,;:]*,\s*$")
_BYLINE = patterns.compile(r"(?i)(?:(?:story|photos?|video|text|words|reporting|written)\s+)?by\s+")
# A byline's form of address or rank before the name ("By Mr. Steven Dinote", "By Tech. Sgt.")
_BYLINE_TITLE = patterns.compile(r"[A-Z][a-z]{0,4}\.\s+")
# … and the affiliation after it, names only ("…, U.S. Armed Forces Sports Secretariat")
_AFFILIATION_WORD = r"(?:[A-Z0-9][\w.’'&-]*|of|the|and|for|at|in|&)"
_BYLINE_AFTER = patterns.compile(
    rf"(?:(?:,|\s+[|/–-])\s*{_AFFILIATION_WORD}(?:\s+{_AFFILIATION_WORD})*)?\s*"
)
_ABBREVIATED = patterns.compile(r"[A-Z][a-z]{1,4}\.")
_UNIT_NUMBER = patterns.compile(r"(?<![\w.])(\d{1,4}(?:st|nd|rd|th))\s+$")
_ORDINAL_BEFORE = patterns.compile(r"\b(\d{1,2}(?:st|nd|rd|th)\.?)\s+$")
_WITH_I = patterns.compile(r"\s+and\s+I\b")
_AKA = patterns.compile(
    r",?\s*(?:aka|a\.k\.a\.|(?:also|now|formerly|better)\s+known\s+as|known\s+as|née|born|"
    r"who\s+(?:now\s+)?(?:calls|called)\s+(?:himself|herself|themself))\s+"
)
_AKA_MORE = patterns.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")
_AGE_AFTER = patterns.compile(r"^,\s*(?:aged?\s+)?(\d{1,3})(?=\s*(?:,|$))")  # ", 47," ", age 32,"
_INITIAL = patterns.compile(INITIAL + "|[A-Z]\\.$")
_DOTTED = patterns.compile(DOTTED)
_QUOTES = '“"‘'
# A thing's name follows: "comedy group Monty Python", "the Command Module (CM) Charlie Brown".
_PHONE_AFTER = patterns.compile(r"\s*[:,]?\s*\(?\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b")
_FICTIONAL_BEFORE = patterns.compile(r"(?i)\b(?:fictional|imaginary)\s+(?:[a-z]+\s+){0,2}$")
_THING_BEFORE = patterns.compile(
    r"(?i)\b(?:group|band|company|firm|ship|vessel|liner|boat|yacht|submarine|spacecraft|module|"
    r"lander|rover|capsule|orbiter|probe|satellite|telescope|rocket|aircraft|plane|jet|helicopter|"
    r"craft|album|single|song|film|movie|book|novel|play|opera|series|show|magazine|newspaper|"
    r"brand|label|studio|hotel|restaurant|horse|dog|hurricane|storm|typhoon|cyclone)"
    r"\s*(?:\([A-Z]{1,6}\))?\s*$"
)
_POSSESSIVE_GAP = patterns.compile(r"[’']s\s+")
# After an apposition's role, a comma and a piece naming where: ", DEA Seattle Field Division",
# ", Space Technology Mission Directorate at NASA Headquarters".
_WHERE_PIECE = patterns.compile(r",\s+(?P<piece>[A-Z][^,;:.()“”\"]{0,80})")
_FRONTED = patterns.compile(r"^\W*(?:At|From)\s+(?:the\s+)?")
_RANK_WORDS = patterns.compile(r"(?<![\w’'-])([A-Z][a-z]{1,4}\.|[A-Z][a-z]+)\s+$")
_CASE_PARTY = patterns.compile(r"(?<![\w.])vs?\.\s+$")
# "Minister of Foreign and European Affairs Rastislav Káčer", "Special Assistant to the
# President Jay Fields": a role, its portfolio (capitalised words and connectors), the name.
_CAPITALISED_OR_LINK = r"(?:[A-Z][\w’'-]*|and|of|the|for|&)"
_PORTFOLIO = patterns.compile(
    rf"(?<![\w’'-])(?P<link>of|for|to)\s+(?P<words>(?:the\s+)?[A-Z][\w’'-]*"
    rf"(?:,?\s+{_CAPITALISED_OR_LINK})*?)(?:\s+\((?P<abbr>[A-Z]{{2,8}})\))?\s+$"
)  # commas too: "Minister of Education, Culture, Sports, Science and Technology Masahito …";
# and the ministry's abbreviation in brackets: "… Science and Technology (MEXT) Masahito …"
_LOWER_PART = patterns.compile(r"-[a-z]")  # "Crow-era", "Texas-based": a modifier, not a name
_INITIALS = patterns.compile(r"(?:[A-Z]\.){2,3}")  # "T.J." of "T.J. Creamer"
_CONTRACTION = patterns.compile(r"[A-Za-z]+[’'](?:ve|m|ll|re|d)")  # "I’ve", "We’re": no name
# A word glued to the capitalised one before the run ("map forAtmospheric Perturbations", a
# missing space): the run is the rest of that name, not a shorter reference to someone.
_GLUED_BEFORE = patterns.compile(r"[a-z][A-Z][\w’'\-]*\s+$")
# an aircraft's type ("F-106", "X-59", "B-52"), not a mission's ("STS-41C", "Crew-8")
_DESIGNATION_BEFORE = patterns.compile(r"(?<![\w-])[A-Z]{1,2}-\d{2,3}\s+$")
_QUOTED = patterns.compile(r"“([^“”]{8,300})”")


def _quoted_titles(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence quotes a title: Title Case words in quotation marks ("“Student
    Construction and Deployment of Low Cost Sensor Network in Whittier, California”")."""
    return [
        (m.start(1), m.end(1))
        for m in _QUOTED.finditer(sentence)
        if len(m.group(1).split()) >= 3 and title_case(m.group(1).split())
    ]


def _in_quoted_title(sentence: str, at: int, titles: list[tuple[int, int]]) -> bool:
    return any(lo <= at < hi for lo, hi in titles)


_NUMBER_LABEL = patterns.compile(r"\.\s*#?\d")  # "No. 11", "Vol. 3": a label, not a name


@dataclass
class _Mention:
    """One place where a name is written, with the evidence its context gives."""

    order: tuple[int, int]  # (block index, offset in block) for document order
    block: str
    sentence: int  # index into the article's sentence list
    start: int  # offset in the sentence, honorific included
    end: int
    tokens: tuple[str, ...]  # as written, nickname and suffix included
    core: tuple[str, ...]  # without them: what names are compared on
    honorific: str | None = None
    lower: bool = False  # a word of the name is also written in lower case in the article
    # … every word is, and none is a known given name ("Pilot Breathing Assessment")
    common: bool = False
    after_number: bool = False  # "Gemini 1.5 Pro": a model's designation, no name
    initial: bool = False  # the name starts its sentence, so its first word may be common
    roles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    age: int | None = None
    spoke: bool = False  # a speech verb right before or after: "said Jane Roe", "Roe said"
    apposed: bool = False  # ", a …" or ", who …" right after the name
    run_start: int = 0  # where its capitalised run begins ("Agency Chair Jane Roe")
    plural_role: bool = False  # its run ends in a plural role: "NASA Astronauts Amy Cole"
    run_roles: int = 0  # how many of `roles` came from the capitalised run itself
    titled: bool = False  # a role stands before the name (run or prefix), not only after it
    alias_of: _Mention | None = None  # "Joaquin Guzman Loera, aka El Chapo": El Chapo → him
    group: int = -1  # mentions in one list ("X, Y and Z") share a group number
    located: bool = False  # right after "at", "in", "near" …: likely a place
    determined: bool = False  # right after "the": "the Cleveland Monsters", a team's name
    of_country: bool = False  # "Docas Inzikuru of Uganda": a full name and the country it is of
    person_cue: bool = False  # "co-defendant X", "sentenced X to": people.yml `person_cues`
    with_i: bool = False  # "Jill and I": the writer's companion
    kin: bool = False  # "his beloved Billye", "his wife of 50 years, Barbara"
    kin_listed: bool = False  # in a list of given names after such words ("our dear friends …")
    thing: bool = False  # right after "group", "ship", "module" …: likely a thing's name
    owns_org: bool = False  # a possessive before an organization: "Sierra Lobo’s NASA Machine Shop"
    shared_role: str | None = None  # a plural role after the last name of a list
    given: bool = False  # its first word is a known given name
    of_org: str | None = None  # the organization of "of/from/with the ORG" right after it
    member_of: tuple[str, ...] = ()  # "retired from NASA’s Glenn Research Center": both
    run_orgs: tuple[str, ...] = ()  # organizations its own capitalised run names ("FTC Chair")
    plural_shared: tuple[str, ...] = ()  # the plural role its list shares ("Flight Engineers")
    # its apposition's capitalised portfolio: (start, end, role, role with the portfolio)
    portfolio: tuple[int, int, str, str] | None = None
    address: str | None = None  # the whole rank when longer than the honorific: "Lt. Col."
    # its only title is a word that is also an adjective, before one word: "General Atomics"
    adjective_title: bool = False
    told: list[str] = field(default_factory=list)  # roles told of it by "he"/"she" (_tell_role)
    headline: bool = False  # in a block written as a headline ("Hubble Views a Galaxy …")
    in_title: bool = False  # in a block that is the article's own title, however cased

    @property
    def cued(self) -> bool:
        # An organization alone is evidence only beside a given name: "NASA's Bill Nelson",
        # not "the Navy's Underwater Demolition Team" or "the laboratory's Chamber B".
        return bool(
            self.honorific
            or (self.roles and not self.adjective_title)
            or (self.orgs and self.given)
            or self.age is not None
            or self.spoke
            or self.apposed
            or self.of_country
            or self.person_cue
        )

    @property
    def form(self) -> str:
        """As written, with the whole rank: "Lt. Col. Derrick Weyand" (never "Col. Derrick
        Weyand", another rank)."""
        name = " ".join(self.tokens)
        title = self.address or self.honorific
        return f"{title} {name}" if title else name


@dataclass
class _Person:
    tokens: tuple[str, ...]
    core: tuple[str, ...]
    mentions: list[_Mention] = field(default_factory=list)
    part: str | None = None

    @property
    def name(self) -> str:
        """As written, a quoted nickname kept; a parenthesised one is an aside, left out."""
        return " ".join(t for t in self.tokens if not _is_aside(t))


@dataclass(frozen=True)
class _Context:
    """Everything the rules need that does not depend on the sentence at hand."""

    lex: PeopleLexicon
    lower: frozenset[str]
    org_ids: dict[str, str]  # organization form → id
    prefix: re.Pattern[str]  # role (and organization) just before a name
    prefix_start: re.Pattern[str]  # matches where `prefix` does, faster (see _role_patterns)
    role_ends: tuple[tuple[int, re.Pattern[str]], ...]  # last words of roles, by length
    apposition: re.Pattern[str]  # ", head of …" just after a name
    of_org: re.Pattern[str]  # ", of the European Space Agency" just after a name
    any_org: re.Pattern[str]
    as_role: re.Pattern[str]  # "X, who served as commissioner"
    as_the: re.Pattern[str]  # "X as the next Chief Justice"
    copula: re.Pattern[str]  # "X is the program executive"
    role_chain: re.Pattern[str]  # "associate administrator, " before another role
    and_role: re.Pattern[str]  # " and co-founder" after a role
    of_apposition: re.Pattern[str]  # "the Prime Minister of Bahrain, " before a name
    attributive: re.Pattern[str]  # " terrier" after "Jack Russell": a thing, not a person
    kin: re.Pattern[str]  # "his beloved " / "his wife of 50 years, " just before a name
    speech_after: re.Pattern[str]  # " said" just after a name
    capitals: frozenset[str] = frozenset()  # words of names written in capitals (_capitals)
    # `lower` without the words of e-mail and web addresses ("nang.t.pham@nasa.gov")
    prose_lower: frozenset[str] = frozenset()
    org_names: tuple[str, ...] = ()  # the article's organizations, as written (_inside_org)
    teams: frozenset[str] = frozenset()  # organization ids the story sets against another (_teams)


# Initials before a role, with or without a space between them: "U.S. Attorney", "U. S. District
# Judge" (kept as written).
_DOTTED_MODIFIER = r"(?:[A-Z]\.(?:\s(?=[A-Z]\.))?){2,}"


def _prefix_source(orgs: str, roles: str, modifiers: str) -> str:
    # Optional organization (with a parenthesised expansion), optional place/nationality word,
    # modifiers ("deputy", "U.S."), the role, and for plural roles an optional dash apposition
    # ("cosmonauts on board — ", "eight artists – "), or a colon right after it, as a list's
    # label ("Team members: A, B, and C").
    return (
        # "acting NASA Administrator": a modifier may stand before the organization too
        rf"(?:(?P<pre>(?:{modifiers}\s+)*?)(?P<org>{orgs})(?:[’']s)?(?:\s*\([^()]{{1,80}}\))?\s+)?"
        rf"(?:(?=[A-Z])(?!{modifiers}\s)[A-Z][\w’'\-]*\s+)?"
        # the role starts a word ("son" is no role in "Harley-Davidson"; "then-Senator" is one)
        rf"(?P<mods>(?:{modifiers}\s+|{_DOTTED_MODIFIER}\s+)*)(?<![\w’'])(?P<role>{roles})"
        rf"(?P<dash>(?:\s+[a-z][^—–,.;:]{{0,60}}?)?\s*[—–]|:)?\s*,?\s*$"
    )


@cache
def _modifier_words() -> str:
    return patterns.share("(?i:" + phrase_alternation(people_lexicon().role_modifiers) + ")")


@cache
def _modifiers() -> str:
    """Words that qualify the role after them, kept with it: "deputy", "assistant", "U.S."."""
    return rf"(?P<mods>(?:{_modifier_words()}\s+|{_DOTTED_MODIFIER}\s+)*)"


def _role_text(match: re.Match[str], lex: PeopleLexicon) -> str:
    """The role a match names, singular, with its modifiers: "assistant u.s. attorney"."""
    role = lex.roles[" ".join(match.group("role").lower().split())]
    written = f"{match.groupdict().get('pre') or ''} {match.group('mods')}".split()
    if match.group("role")[:1].isupper() and written and written[-1] in lex.lower_descriptors:
        written = []  # "federal Judge T.S. Ellis": the capitalised title is the role
    mods = " ".join(written).lower()
    return f"{mods} {role}" if mods else role


@cache
def _prefix_start(org_forms: tuple[str, ...], keep: bool = False) -> re.Pattern[str]:
    """The prefix pattern with its role alternation factored (phrase_trie): it matches the same
    strings, so it starts matching at the same places, but a failed attempt at one place (the
    search tries every place of the text) costs a few tests instead of one per role form."""
    orgs = patterns.share("(?:" + phrase_alternation(org_forms) + ")", lasting=keep)
    source = _prefix_source(orgs, _role_trie(), _modifier_trie())
    return patterns.compile(source, keep=keep)


# The factored role and modifier alternations (~9 KB and ~1 KB), built once per process and
# shared (patterns.share): an article with organizations of its own compiles the prefix again,
# and then parses only its organizations and the glue, not the tries (most real articles:
# ~50 ms each before, 151 of the corpus' 233 articles).
@cache
def _role_trie() -> str:
    return patterns.share("(?i:" + phrase_trie(people_lexicon().roles) + ")")


@cache
def _modifier_trie() -> str:
    return patterns.share("(?i:" + phrase_trie(people_lexicon().role_modifiers) + ")")


@cache
def _roles() -> str:
    """The role nouns, longest first; one is not taken where the words after it make it part of
    a longer role that modifiers before it would hide ("Special Agent in Charge": not "special"
    + "agent")."""
    roles = people_lexicon().roles
    tails = _longer_role_tails(tuple(roles))
    alternatives = [
        re.escape(p).replace(r"\ ", r"\s+")
        + (rf"(?!\s+(?:{phrase_alternation(tails[p])})\b)" if p in tails else "")
        for p in sorted(set(roles), key=lambda p: (-len(p), p))
    ]
    return patterns.share("(?i:" + "|".join(alternatives) + ")")  # in ten patterns


def _longer_role_tails(roles: tuple[str, ...]) -> dict[str, set[str]]:
    """Role → the rest of a longer role that holds it after modifiers: "agent" → {"in
    charge"} (of "special agent in charge")."""
    modifiers = people_lexicon().role_modifiers
    tails: dict[str, set[str]] = {}
    for longer in roles:
        words = longer.split(" ")
        for i in range(1, len(words) - 1):
            if not all(w in modifiers for w in words[:i]):
                break
            for j in range(i + 1, len(words)):
                if " ".join(words[i:j]) in roles:
                    tails.setdefault(" ".join(words[i:j]), set()).add(" ".join(words[j:]))
    return tails


@cache
def _org_patterns(org_forms: tuple[str, ...], keep: bool = False) -> tuple[re.Pattern[str], ...]:
    """The patterns that name the article's organizations (known ones and those it found):
    built per set of organization forms, so their (costly) role alternation is compiled again
    only when an article finds new organizations; the others are in _role_patterns. `keep`:
    the set is the data's own (the same in every process): keep the compiled code
    (patterns.py)."""
    orgs = patterns.share("(?:" + phrase_alternation(org_forms) + ")", lasting=keep)
    prefix = patterns.compile(_prefix_source(orgs, _roles(), _modifier_words()), keep=keep)
    of_org = patterns.compile(
        rf"^\s*,?\s*(?P<prep>of|from|with|for)\s+(?:the\s+)?(?P<org>{orgs})(?![\w\-])", keep=keep
    )
    any_org = patterns.compile(rf"(?<![\w\-])(?P<org>{orgs})(?![\w\-])", keep=keep)
    return prefix, of_org, any_org


# "X, who from October 2017 to April 2019 served as chief strategy officer": the years of a post
_WHEN_SPAN = (
    r"(?:(?:from|since|between|in|until)\s+(?:[A-Z][a-z]+\.?\s+)?\d{4}"
    r"(?:\s+(?:to|and|until)\s+(?:[A-Z][a-z]+\.?\s+)?\d{4})?,?\s+)"
)


@cache
def _role_patterns() -> tuple[re.Pattern[str], ...]:
    """The role patterns that do not depend on the article: compiled once per process."""
    roles = _roles()
    apposition = patterns.compile(
        rf"^,\s*(?:\d{{1,3}},\s*)?(?:(?:[A-Z][a-z]?\.){{2,3}},\s*){{0,3}}"
        # ", is the first private company": a verb after the comma ends a clause, no apposition
        rf"(?!(?:who|whom|whose|which|that|is|was|are|were|has|have|had|will|would)\b)"
        rf"(?:(?:an?|the)\s+)?"
        rf"(?:(?!(?:and|or|but)\s)[\w’'\-]+\s+){{0,4}}?{_modifiers()}(?P<role>{roles})"
        # not the head of a hyphened title ("…, Langley Engineer-in-Charge Henry Reid")
        rf"\b(?!-)(?!\s+[A-Z])(?:\s+(?:of|at|for|with)\s+(?P<rest>[^,;]{{0,120}}))?"
    )
    # "X, who served as commissioner", "X was named as chief executive of Y", "X, as chair, …"
    verbs = _AS_VERBS
    # … or a verb of a career a few words before "as" ("began his career in 1982 as a …")
    career = _career_verbs()
    as_role = patterns.compile(
        rf"^(?:,\s*(?:who\s+{_WHEN_SPAN}?)?|\s+)(?:(?:has|had|have|was|were|is|are|will|also|"
        rf"then|later|now|been|be|once|formerly|previously|all|both|each)\s+){{0,3}}"
        rf"(?:(?:{verbs}|(?:{_AS_OBJECT_VERBS})(?!\s+(?:him|her|them|me|us|you)\b))"
        rf"(?:\s+[a-z]+){{0,3}}?|{career})\s+as\s+"
        rf"(?:(?:an?|the|its|their|his|her)\s+)?(?:next\s+|new\s+)?(?:[\w’'\-]+[’']s\s+)?"
        rf"{_modifiers()}(?P<role>{roles})\b(?!\s+[A-Z])"
        rf"(?:\s+(?:of|at|for|with)\s+(?P<rest>[^,;]{{0,120}}))?"
    )
    # "President Nixon selects Warren E. Burger as the next Chief Justice", "nominated Apollo 8
    # astronaut Anders, also serving on the backup crew, as Executive Secretary of …"
    as_the = patterns.compile(
        rf"^(?:,[^,;:“”\"]{{1,60}},)?\s+as\s+(?:(?:an?|the|its|their)\s+)?(?:next\s+|new\s+)?"
        rf"{_modifiers()}(?P<role>{roles})\b"
        rf"(?!\s+[A-Z])(?:\s+(?:of|at|for|with)\s+(?P<rest>[^,;]{{0,120}}))?"
    )
    # "Dave Lavery is the program executive for …", "X, who is the director of …", "X was
    # named coach", "X, who was elected mayor in 2019"
    copula = patterns.compile(
        rf"^(?:,\s*who\s+|\s+)(?:(?:is|was|(?P<are>are|were)|has\s+been|had\s+been|will\s+be|"
        # "Faler has cofounded and become the CEO of …"
        rf"became|becomes|remains|to\s+be|(?:has|had|have)\s+(?:[a-z]+ed\s+and\s+)?become)"
        rf"(?:\s+(?:an?|the|its|their|this|that|these|those))?"
        # "… are this mission’s alternate crew members": a possessive before the role
        # … and "retired" ("Wilmore is a retired U.S. Navy captain": captain)
        rf"(?:\s+[a-z][\w\-]*[’']s)?(?:\s+retired)?|(?:(?:has|had|have)\s+been\s+|was\s+|were\s+|is\s+|"
        rf"will\s+be\s+)?(?:named|elected|appointed|re-elected|became|becomes)"
        rf"(?:\s+(?:an?|the|its|their))?"
        # "Anum Ashraf is a Climate Scientist at …": capitalised words of a title-case title
        rf"(?:\s+(?:new|next))?)\s+(?P<lead>(?:(?!{_modifier_words()}\s)[A-Z][a-z]+\s+){{1,2}}(?=[A-Z]))?"
        rf"{_modifiers()}(?P<role>{roles})\b(?![\s\-]*[A-Z’'])"
        rf"(?!\s+of\s+the\s+(?:Year|Month|Week|Game|Match|Series|Tournament)\b)"
        rf"(?:\s+(?:of|at|for|with)\s+(?P<rest>[^,;]{{0,120}}))?"
    )
    # the role before another role and a comma: "associate administrator, and astronaut …"
    role_chain = patterns.compile(
        rf"(?<![\w\-]){_modifiers()}(?P<role>{roles})(?:\s*,\s*(?:and\s+)?|\s+and\s+)$"
    )
    # … maybe after the organization the second role is held in ("head coach and 66th
    # Security Forces Squadron commander"): `lead`, which must then name an organization
    and_role = patterns.compile(
        rf"\s*,?\s+and\s+(?:(?:[a-z]+\s+){{0,2}}?as\s+)?(?:(?:an?|the)\s+)?"
        rf"(?P<lead>(?:(?:[A-Z][\w’'.\-]*|\d{{1,4}}(?:st|nd|rd|th))\s+){{1,6}}?)??{_modifiers()}"
        rf"(?P<role>{roles})\b(?!\s+[A-Z])"
    )
    # "the Crown Prince and Prime Minister of the Kingdom of Bahrain, His Royal Highness …"
    of_apposition = patterns.compile(
        rf"(?<![\w\-]){_modifiers()}(?P<role>{roles})\s+(?:of|at|for)\s+(?P<rest>[^,;:—–()]{{1,60}}),\s*$"
    )
    return (
        apposition,
        as_role,
        as_the,
        copula,
        role_chain,
        and_role,
        of_apposition,
    )


# The words between a verb of a career and "as": lower-case words (no object pronoun), a
# number, a preposition and a capitalised name (maybe a place after a comma): "began his
# career in 1982", "accepted a job with Florida Today", "took a job with WESH-TV in Orlando,
# Florida,"
_CAREER_GAP = (
    r"(?:\s+(?:with|at|for|in|from|by|on|to)(?:\s+the)?(?:\s+[A-Z][\w’'.&\-]*){1,4}"
    r"(?:,\s+[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)?,)?"
    r"|\s+(?!(?:as|him|them|me|us|you)\b)[a-z][\w’'\-]*|\s+\d{1,4}"
    r"|\s+[A-Z][\w’'.&\-]*(?=\s+career\b)){0,6}?"  # "began his NASA career as …"
)


@cache
def _career_verbs() -> str:
    """A verb of a career (people.yml `career_verbs`) and the words up to its "as"."""
    verbs = people_lexicon().career_verbs
    if not verbs:
        return "(?!x)x"
    # "He returned to Johnson in 1994, first as deputy director, then director"
    return rf"(?:{phrase_alternation(verbs)}){_CAREER_GAP}(?:,\s+(?:first|initially|later|again))?"


@cache
def _role_ends() -> tuple[tuple[int, re.Pattern[str]], ...]:
    """(length, pattern) for the last words of the role nouns, grouped by length.

    `prefix` can only match when its role ends where the text ends (but for a dash apposition
    and trailing white space and comma), so these short anchored tests rule out most
    sentences before the costly search. Same case-insensitive literals as in `prefix`.
    """
    by_length: dict[int, set[str]] = {}
    for role in people_lexicon().roles:
        last = role.split(" ")[-1]
        by_length.setdefault(len(last), set()).add(last)
    return tuple(
        (size, patterns.compile("(?i:" + "|".join(re.escape(w) for w in sorted(words)) + ")"))
        for size, words in sorted(by_length.items())
    )


def _context(article: Article, organizations: tuple[Organization, ...]) -> _Context:
    org_ids = {form: e.id for e in entity_lexicon().organizations for form in e.forms}
    known = len(org_ids)
    for org in organizations:
        for form in (org.name, *org.aliases):
            org_ids[form] = org.id
    org_forms = tuple(sorted(org_ids))
    keep = len(org_ids) == known  # no organization of the article's own
    prefix, of_org, any_org = _org_patterns(org_forms, keep)
    (
        apposition,
        as_role,
        as_the,
        copula,
        role_chain,
        and_role,
        of_apposition,
    ) = _role_patterns()
    return _Context(
        people_lexicon(),
        lowercase_words(article) | _class_words(article),
        org_ids,
        prefix,
        _prefix_start(org_forms, keep),
        _role_ends(),
        apposition,
        of_org,
        any_org,
        as_role,
        as_the,
        copula,
        role_chain,
        and_role,
        of_apposition,
        _attributive(),
        _kin(),
        *_speech_patterns(),
        capitals=_capitals(article, org_ids),
        prose_lower=lowercase_words(article, addresses=False),
        org_names=tuple(
            sorted({f for o in organizations for f in (o.name, *o.aliases) if " " in f})
        ),
    )


@cache
def _game_verb() -> re.Pattern[str]:
    verbs = phrase_alternation(people_lexicon().game_verbs)
    return patterns.compile(rf"\s+(?:{verbs})\s+(?:the\s+)?")


def _teams(article: Article, ctx: _Context) -> frozenset[str]:
    """The organizations the story sets one against another in a game ("Army defeated Navy",
    "Army sinks Navy": people.yml `game_verbs`): teams here, though named as the institution
    is. A team's possessive before a role ("the Army’s head coach X") is no organization of
    the person's (the coach of a base's flag football team)."""
    if not ctx.lex.game_verbs:
        return frozenset()
    teams: set[str] = set()
    for text in (article.title, *(b.text for b in article.story_blocks)):
        for verb in _game_verb().finditer(text):
            before = _org_ending(text[: verb.start()], ctx)
            after = ctx.any_org.match(text, verb.end())
            if before and after:
                teams.update((ctx.org_ids[before], ctx.org_ids[after.group("org")]))
    return frozenset(teams)


# A capitalised plural after a word that counts or sets apart a class: "these Chroniclers", "82
# other Chroniclers awardees", "all the Fellows". No person's name stands there (a year may:
# "In 1998 Jones flew"; so may "both": "both Adams and Roe").
_CLASS_WORD = patterns.compile(
    r"(?<![\w’'-])(?i:these|those|other|several|many|all\s+the|\d{1,3})\s+"
    r"(?P<word>[A-Z][a-z]+s)(?![\w’'-])"
)


def _class_words(article: Article) -> frozenset[str]:
    """Capitalised plurals the article uses as common nouns (_CLASS_WORD): read as words the
    article writes in lower case, so a name made of one is no person ("Kennedy Chroniclers")."""
    given = people_lexicon().given_names
    return frozenset(
        m.group("word").lower()
        for block in article.story_blocks
        for m in _CLASS_WORD.finditer(block.text)
        if m.group("word") not in given  # "those Charles", "other Williams"
    )


# A name written in capitals with an age after it: "GEORGE JEFFERSON, age 32," "JANE Q. DOE, 41,"
_CAPITALS_WORD = r"[A-Z][A-Z’'\-]*[A-Z]"
_CAPITALS_NAME = patterns.compile(
    rf"(?<![\w.’'\-])(?P<name>{_CAPITALS_WORD}(?:\s+(?:[A-Z]\.|{_CAPITALS_WORD})){{1,3}})"
    r",\s+(?:aged?\s+)?\d{1,3}\s*,"
)
# … or opening a paragraph before a dash, as an awards list writes each recipient: "JANE Q. DOE –
# In recognition of …".
_CAPITALS_LEAD = patterns.compile(
    rf"^\s*(?P<name>{_CAPITALS_WORD}(?:\s+(?:[A-Z]\.|{_CAPITALS_WORD})){{1,3}})\s+[–—]\s+[A-Z]"
)


def _capitals(article: Article, org_ids: dict[str, str]) -> frozenset[str]:
    """Words of the names a story writes in capitals (court releases: "GEORGE JEFFERSON, age
    32, a resident of …", later "JEFFERSON"), which are otherwise read as acronyms: the name
    has an age after it, starts with a known given name and has no word that is an
    organization's form or a place; its words are then name words in the whole story."""
    lex = people_lexicon()
    words: set[str] = set()
    for block in article.story_blocks:
        aged = _CAPITALS_NAME.finditer(block.text) if "," in block.text else iter(())
        lead = _CAPITALS_LEAD.match(block.text)
        for found in [*aged, *([lead] if lead else [])]:
            name = found.group("name").split()
            if not is_given(name[0].title(), lex) or any(
                w in org_ids or w.title() in _place_words() for w in name
            ):
                continue
            words.update(w for w in name if len(w) > 2)
    return frozenset(words)


@cache
def _kin() -> re.Pattern[str]:
    """A possessive and a word of kinship or affection just before a name."""
    words = phrase_alternation(people_lexicon().kin_words)
    # "his wife", "My older brother, Saul", "They have three adult children: Alex, …"
    owner = r"(?:his|her|their|my|our|[A-Z][\w\-]*[’']s|(?:they|we|he|she|I)\s+(?:have|has|had))"
    count = r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    return patterns.compile(
        rf"(?i)\b{owner}\s+{count}(?:[a-z]+\s+)?(?:{words})(?:\s+(?:{words}))?"
        rf"(?:\s+of\s+[\w\s]{{1,30}}?)?[,:]?\s+$"
    )


@cache
def _attributive() -> re.Pattern[str]:
    heads = phrase_alternation(people_lexicon().attributive_heads)
    return patterns.compile(rf"(?:[’']s)?\s+(?:{heads})(?![\w\-])")  # also "Lou Gehrig’s disease"


@cache
def _shared_head() -> re.Pattern[str]:
    """A thing's plural head shared along "and": "NASA’s James Webb and Hubble Space
    Telescopes" names two telescopes (`attributive_heads`, in the plural)."""
    heads = {h if h.endswith("s") else plural_of(h) for h in people_lexicon().attributive_heads}
    words = phrase_alternation(heads)
    return patterns.compile(rf"\s+and\s+(?:[A-Z][\w’'.\-]*\s+){{1,3}}(?i:{words})(?![\w\-])")


@cache
def _speech_patterns() -> tuple[re.Pattern[str]]:
    verbs = "(?:" + phrase_alternation(people_lexicon().speech_verbs) + ")"
    return (patterns.compile(rf"(?i)^(?:\s*,\s*\d{{1,3}}\s*,)?\s+{verbs}\b"),)


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(v.lower() for v in people_lexicon().speech_verbs)


def _spoken_before(before: str, lex: PeopleLexicon) -> bool:
    """A speech verb is the word (or two) just before the name: "said Jane Roe"."""
    if not before[-1:].isspace():
        return False
    words = before.rstrip(" ,").lower().split()[-2:]
    verbs = _speech_verbs()
    return bool(words) and (words[-1] in verbs or " ".join(words) in verbs)


# --- mentions -------------------------------------------------------------------------------


_LEADING = ' \t\n“"‘(—–:'


def _first_word_at(sentence: str) -> int:
    """Offset of the sentence's first word (after opening quotes and brackets)."""
    return len(sentence) - len(sentence.lstrip(_LEADING))


def _role_at(tokens: list[str], i: int, lex: PeopleLexicon) -> tuple[str, int] | None:
    """The (singular role, word count) of a capitalised role noun at tokens[i], if any."""
    for size in (4, 3, 2, 1):
        phrase = " ".join(tokens[i : i + size]).lower()
        if len(tokens[i : i + size]) == size and phrase in lex.roles:
            return lex.roles[phrase], size
    return None


def _org_at(tokens: list[str], i: int, ctx: _Context) -> tuple[str, int] | None:
    for size in range(min(6, len(tokens) - i), 0, -1):
        phrase = " ".join(tokens[i : i + size])
        if phrase in ctx.org_ids:
            return ctx.org_ids[phrase], size
    return None


@cache
def _place_words() -> frozenset[str]:
    return frozenset(form for entry in entity_lexicon().places for form in entry.forms)


def _is_place_word(token: str, ctx: _Context) -> bool:
    low = token.lower()
    return (
        low in ctx.lex.nationalities
        or (low.endswith("s") and low[:-1] in ctx.lex.nationalities)  # "African Americans"
        or token in _place_words()
        or token in ctx.lex.place_words
    )


def _blocked(token: str, ctx: _Context) -> bool:
    """Words that can never be part of a person's name."""
    low = token.lower()
    return (
        low in ctx.lex.non_name_words
        or low in ctx.lex.closed_class
        or token in ctx.org_ids
        or _is_place_word(token, ctx)
        or (_DOTTED.fullmatch(token) is not None and not _is_initials(token, ctx))
        or (any(c.isdigit() for c in token) and not _is_nickname(token))  # not “2fish”
        or _LOWER_PART.search(token) is not None
        or _CONTRACTION.fullmatch(token) is not None  # "I’ve", "I’m Wreck-It Ralph"
        or ("-" in token and any(p.lower() in ctx.lex.non_name_words for p in token.split("-")))
        or (
            len(token) > 1
            and token.isalpha()
            and token.isupper()
            and token not in ctx.lex.suffixes
            and token not in ctx.capitals
        )
    )


@cache
def _syllable(source: str) -> re.Pattern[str] | None:
    return patterns.compile(source) if source else None


def _romanized_given(tokens: list[str], i: int, last: int, ctx: _Context) -> bool:
    """ "Lee Myung-bak", "Park Geun-hye": a given name romanized from Korean, two syllables
    (people.yml `romanized_syllables`) joined by a hyphen with the second in lower case, is a
    name word as the last word of a name, right after a family name; any other word with a
    lower-case part ("Jim Crow-era Alabama", "Texas-based") is none."""
    if i != last or i == 0:
        return False
    parts = tokens[i].split("-")
    syllable = _syllable(ctx.lex.romanized_syllable)
    if syllable is None or len(parts) != 2 or not parts[1].islower():
        return False
    if not all(syllable.fullmatch(p.lower()) for p in parts) or _blocked(parts[0], ctx):
        return False
    surname = tokens[i - 1]
    return (
        surname.isalpha()
        and surname[1:].islower()
        and not _blocked(surname, ctx)
        and not _is_title(surname, ctx)
    )


def _is_initials(token: str, ctx: _Context) -> bool:
    """Initials written without a space ("T.J.", "W.S."): a name word, unlike the dotted
    abbreviations the data knows ("U.S.", "S.S.", "D.C.") and organizations' forms."""
    bare = token.lower().rstrip(".")
    return (
        _INITIALS.fullmatch(token) is not None
        and bare not in abbreviations()
        and bare not in dotted_ends()
        and token not in ctx.org_ids
        and token not in ctx.lex.vessel_prefixes
        and not _is_place_word(token, ctx)
    )


def is_given(token: str, lex: PeopleLexicon) -> bool:
    """A known given name (data/given_names.txt), or one of known given names joined by
    hyphens ("Ray-Jay", "Jean-Luc")."""
    if token in lex.given_names:
        return True
    parts = token.split("-")
    return len(parts) > 1 and all(p in lex.given_names for p in parts)


def _is_suffix(token: str, ctx: _Context) -> bool:
    return token in ctx.lex.suffixes


def _is_nickname(token: str) -> bool:
    return token[:1] in _QUOTES or _is_aside(token)


def _is_aside(token: str) -> bool:
    """A parenthesised nickname, "(Drew)": an aside the name reads without."""
    return token[:1] == "(" and token[-1:] == ")"


def _nickname_core(tokens: tuple[str, ...], core: tuple[str, ...]) -> tuple[str, ...] | None:
    """The name as the nickname makes it: "Andrew (Drew) Dziedzic" → Drew Dziedzic,
    "Edwin E. “Buzz” Aldrin" → Buzz Aldrin; None without a nickname."""
    for i, token in enumerate(tokens):
        if _is_nickname(token):
            after = tuple(t for t in tokens[i + 1 :] if t in core)
            return (token.strip(_QUOTES + "”’()"), *after) if after else None
    return None


def _core(tokens: tuple[str, ...] | list[str], ctx: _Context) -> tuple[str, ...]:
    """The name without nickname and suffix: what "Jane Doe" and "Doe" are compared on."""
    return tuple(t for t in tokens if not _is_nickname(t) and not _is_suffix(t, ctx))


def _name_words(core: tuple[str, ...]) -> int:
    """Capitalised words of a name: particles do not count ("Salman bin Hamad Al Khalifa")."""
    return sum(1 for t in core if t[:1].isupper())


def _is_title(token: str, ctx: _Context) -> bool:
    bare = token.rstrip(".")
    return bare.lower() in ctx.lex.titles or bare in ctx.lex.honorifics


def _name_start(
    tokens: list[str], possessive: list[bool], initial: bool, ctx: _Context, aged: bool = False
) -> int:
    """Where the name begins in a capitalised run: after the last word that cannot be part of
    it (an organization, place, non-name word, abbreviation with dots, a possessive: "DEA’s
    Chicago") and after any title ("Chair", "Assistant", "Judge") that has a name word after
    it. A title that ends the run is a name word ("Martin Luther King Jr.")."""
    start = 0
    last = len(tokens) - 1
    while last > 0 and _is_suffix(tokens[last], ctx):
        last -= 1
    for i, token in enumerate(tokens):
        if i > last:
            break
        low = token.rstrip(".").lower()
        if aged and 0 < i == last and low in ctx.lex.closed_class and token[:1].isupper():
            continue  # "Shengsheng He, 39, of La Puente": a surname, never a pronoun mid-name
        if i < last - 1 and token in ctx.lex.demonyms:
            # "Australian Peter Greste", "Egyptian Baher Mohamed": a nationality before two name
            # words or more is no name word ("French Stewart", two words, keeps it)
            start = max(start, i + 1)
            continue
        if 0 < i < last - 1 and _is_title(tokens[i - 1], ctx) and _rank_class(tokens, i, ctx):
            start = i + 2  # "Petty Officer Second Class Wilson …": the class ends the rank
        elif (
            (_blocked(token, ctx) and not _romanized_given(tokens, i, last, ctx))
            or (0 < i == last and low in ctx.lex.non_name_final_words)
            or (i == 0 and initial and token.lower() in ctx.lower)
            or (
                i < last
                and (possessive[i] or _is_title(token, ctx) or _phrase_role(tokens, i, ctx))
            )
        ):
            start = max(start, i + 1)
    return start


def _phrase_role(tokens: list[str], i: int, ctx: _Context) -> bool:
    """Whether a role of several words ends at tokens[i] ("Second Gentleman"), its last word no
    title by itself."""
    return any(
        " ".join(tokens[j : i + 1]).lower() in ctx.lex.roles for j in range(max(0, i - 3), i)
    )


def _rank_class(tokens: list[str], i: int, ctx: _Context) -> bool:
    """Whether tokens[i:i+2] are a rank's class ("Second Class"), written after the rank."""
    return " ".join(tokens[i : i + 2]).lower() in ctx.lex.rank_classes


def _prefix_roles(prefix: list[str], ctx: _Context) -> tuple[list[str], list[str], bool]:
    """Roles (with the modifiers before them) and organizations among the words before a name:
    "Assistant U.S. Attorney" → "assistant u.s. attorney"; "Magistrate Judge" → one role;
    "NASA Administrator" → NASA; and whether the words end in a plural role ("NASA
    Astronauts"), shared by a list of names."""
    roles: list[str] = []
    plural = False
    orgs: list[str] = []
    modifiers: list[str] = []
    i = 0
    while i < len(prefix):
        role = _role_at(prefix, i, ctx.lex)
        org = _org_at(prefix, i, ctx)
        low = prefix[i].lower()
        if role:
            named = _org_before(prefix, i, len(modifiers), ctx)
            if named is not None:  # "NASA Johnson Space Center Director": the centre's words
                orgs.append(named)
                modifiers = []
            written = " ".join(prefix[i : i + role[1]]).lower()
            i += role[1]
            if _rank_class(prefix, i, ctx):  # "petty officer second class"
                written = f"{written} {' '.join(prefix[i : i + 2]).lower()}"
                role = (f"{role[0]} {' '.join(prefix[i : i + 2]).lower()}", role[1])
                i += 2
            plural = i == len(prefix) and written in ctx.lex.plural_roles
            j = i
            while j < len(prefix) and (
                prefix[j].lower() in ctx.lex.role_modifiers or _dotted_part(prefix, j)
            ):
                j += 1
            if (
                j < len(prefix)
                and _role_at(prefix, j, ctx.lex)  # "Magistrate Judge",
                and not _rank_after_office(written, prefix[j], ctx)
            ):
                modifiers.append(written)  # "Executive Associate Director"
                continue
            roles.append(" ".join([*modifiers, role[0]]))
            modifiers = []
        elif org:
            orgs.append(org[0])
            modifiers = []
            i += org[1]
        else:
            if low.rstrip(".") in ctx.lex.role_modifiers or _dotted_part(prefix, i):
                modifiers.append(low)
            else:
                modifiers = []
            i += 1
    return roles, orgs, plural


def _org_in_modifiers(prefix: str, match: re.Match[str], ctx: _Context) -> tuple[str, int] | None:
    """The organization whose name ends with a role's capitalised modifiers ("Research Center"
    of "NASA Ames Research Center Director"), and how many of the modifiers its name takes:
    those words are its name, not the role's; the modifiers after it are the role's ("Deputy"
    of "Glenn Research Center Deputy Director")."""
    mods = match.group("mods").split()
    if not mods or not mods[0][:1].isupper():
        return None
    before = prefix[: match.start("mods")].split()
    for taken in range(len(mods), 0, -1):  # the name that takes the most modifiers first
        words = [*before, *mods[:taken]]
        for size in range(min(6, len(words)), taken, -1):  # the longest name first
            name = " ".join(words[-size:])
            if name in ctx.org_ids:  # "Johnson Space Center" after "NASA"
                return name, taken
    return None


_ONE_WORD = patterns.compile(r"(?P<word>[A-Z][\w’'\-]*)\s+")


def _short_org_before_role(prefix: str, match: re.Match[str], ctx: _Context) -> str | None:
    """ "said Johnson Director Vanessa Wyche" in a story of "NASA’s Johnson Space Center": the
    one capitalised word before the role (the prefix's place word) that opens the name of one
    site the article names (a center, laboratory, observatory or facility, called by its first
    word) is that site, not a place ("Philippine President" is not the Philippine Supreme
    Court's)."""
    if match.group("org"):
        return None
    word = _ONE_WORD.fullmatch(prefix, match.start(), match.start("mods"))
    if word is None or _is_place_phrase(word.group("word"), ctx):
        return None
    opening = word.group("word") + " "
    named = {
        ctx.org_ids[n]: n
        for n in ctx.org_names
        if n.startswith(opening) and n in ctx.org_ids and _SITE.search(n)
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _org_before(prefix: list[str], at: int, modifiers: int, ctx: _Context) -> str | None:
    """The id of a known organization whose name ends right before the role at `at` and takes
    in the `modifiers` words before it ("Johnson Space Center" of "NASA Johnson Space Center
    Director", whose "Center" would else be the role's); None when there is none."""
    if not modifiers:
        return None
    for start in range(max(0, at - 6), at - modifiers):
        name = " ".join(prefix[start:at])
        if name in ctx.org_ids:
            return ctx.org_ids[name]
    return None


def _rank_after_office(written: str, word: str, ctx: _Context) -> bool:
    """ "Security Minister Colonel X": a rank after a portfolio head is a second role."""
    return written.split(" ")[-1] in ctx.lex.portfolio_heads and (
        word.lower() in ctx.lex.ranks_after_office
    )


_SPACED_LETTER = patterns.compile(r"[A-Z]\.")
_CAPITAL_INITIALS = patterns.compile(r"[A-Z]{2}")


def _capital_initials(match: re.Match[str], tokens: list[str], i: int, ctx: _Context) -> bool:
    """ "Senator JD Vance", "then-Senator JD Vance": two capitals before a surname
    are initials written without dots when a title stands right before them (in the run, or a
    role just before it) and the surname ends the run; never an organization's or a place's
    form ("NASA Administrator", "FBI Director")."""
    if i < 0 or not _CAPITAL_INITIALS.fullmatch(tokens[i]):
        return False
    surname = tokens[i + 1]
    if not surname[1:].islower() or _blocked(surname, ctx) or _is_title(surname, ctx):
        return False
    token = tokens[i]
    if token in ctx.org_ids or _is_place_word(token, ctx) or token in ctx.lex.suffixes:
        return False
    if token.lower() in ctx.lex.closed_class or token.lower() in ctx.lex.non_name_words:
        return False
    if i > 0:
        return _is_title(tokens[i - 1], ctx)
    return _role_just_before(match, ctx)


def _role_just_before(match: re.Match[str], ctx: _Context) -> bool:
    """Whether the words right before the run end in a role ("astronaut "), with no comma."""
    before = match.string[max(0, match.start() - _PREFIX) : match.start()]
    if not _may_end_in_role(before, ctx) or before.rstrip().endswith(","):
        return False
    start = ctx.prefix_start.search(before)
    role = ctx.prefix.match(before, start.start()) if start else None
    return role is not None and role.end() == len(before)


def _title_as_given(match: re.Match[str], tokens: list[str], start: int, ctx: _Context) -> bool:
    """ "United Arab Emirates astronaut Sultan Alneyadi": a title word (no honorific, no
    abbreviation) opening a run of two words right after a role is the given name; the role
    before it is the person's title already."""
    if start != 1 or len(tokens) != 2 or not tokens[0].isalpha() or not tokens[0].istitle():
        return False
    if tokens[0] in ctx.lex.honorifics or _blocked(tokens[0], ctx) or _blocked(tokens[1], ctx):
        return False
    return not _is_title(tokens[1], ctx) and _role_just_before(match, ctx)


def _dotted_part(words: list[str], i: int) -> bool:
    """Whether words[i] is a dotted abbreviation ("U.S.") or one letter of one written with
    spaces ("U. S. District Judge": "U." and "S."), before a role."""
    if _DOTTED.fullmatch(words[i]):
        return True
    if not _SPACED_LETTER.fullmatch(words[i]):
        return False
    return any(0 <= j < len(words) and _SPACED_LETTER.fullmatch(words[j]) for j in (i - 1, i + 1))


def _signed_title(prefix: list[str], core: tuple[str, ...], ctx: _Context) -> bool:
    """A full name and then its title in one run, as a pull quote is signed: "Corey Twine
    Astronaut Fitness Trainer" names Corey Twine; the words after the title ("Fitness Trainer",
    no given name first) are the rest of the title, no second person."""
    first_role = next((i for i in range(len(prefix)) if _role_at(prefix, i, ctx.lex)), None)
    if first_role is None or first_role < 2 or is_given(core[0], ctx.lex):
        return False
    name = prefix[:first_role]
    return is_given(name[0], ctx.lex) and not any(
        _blocked(w, ctx) or _is_title(w, ctx) or _is_place_word(w, ctx) for w in name
    )


def _trailing_title(rest: list[str], ctx: _Context) -> int:
    """How many words at the end of a capitalised run are a title written after a full name
    ("Jane Roe Chief Executive Officer of Acme", "Joseph Pelfrey Director" of a headline "NASA
    Names Joseph Pelfrey Director of Marshall"): a role of two or more words, or one of
    people.yml `titles_after_name`, after at least two name words opening with a known given
    name, none of them a title, the role ending the run or going on with "of", "for" or "at";
    else 0 ("Martin Luther King": a surname)."""
    first = next((i for i, w in enumerate(rest) if is_given(w, ctx.lex)), None)
    if first is None or len(rest) - first < 3:
        return 0
    for at in range(first + 2, len(rest)):
        if _is_title(rest[at - 1], ctx) or rest[at - 1].lower() in ctx.lex.roles:
            return 0
        for size in (4, 3, 2, 1):
            title = rest[at : at + size]
            end = at + size
            if len(title) < size or (end < len(rest) and rest[end] not in ("of", "for", "at")):
                continue
            if size == 1 and title[0] not in ctx.lex.titles_after_name:
                continue
            if _role_phrase(" ".join(title), ctx) is not None:
                return 0 if _glued(rest[at - 1]) else len(rest) - at
    return 0


# A word glued to the next in the source ("Al-AliAppointed"): a capital right after a lower-case
# letter, in a part that opens with no name prefix ("McDonald", "MacArthur", "DeShawn", "JoAnn")
_NAME_PREFIX = patterns.compile(r"(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|Jo|Mary)[A-Z]")


def _glued(word: str) -> bool:
    return any(
        re.search(r"[a-z][A-Z]", part) and not _NAME_PREFIX.match(part)
        for part in re.split(r"[-’']", word)
    )


def _clean_run(
    match: re.Match[str], initial: bool, ctx: _Context
) -> tuple[int, int, tuple[str, ...], str | None, list[str], list[str], bool, str | None] | None:
    """Set aside leading non-name words of a capitalised run; → the name part, or None.

    Returns (start, end, name tokens, honorific, roles, organizations, plural role, the rank
    as written when it is longer than the honorific: "Lt. Col.") with offsets in the sentence.
    """
    words = [(m.start() + match.start(), m.group()) for m in re.finditer(r"\S+", match.group())]
    raw = [w.rstrip(",") for _, w in words]
    tokens = [strip_possessive(w) for w in raw]
    possessive = [t != w for t, w in zip(tokens, raw, strict=True)]
    aged = _AGE_AFTER.match(match.string[match.end() : match.end() + 12]) is not None
    start = _name_start(tokens, possessive, initial, ctx, aged)
    if start == len(tokens) - 1 and _capital_initials(match, tokens, start - 1, ctx):
        start -= 1
    elif _title_as_given(match, tokens, start, ctx):
        start = 0
    rest = tokens[start:]
    cut = _trailing_title(tokens, ctx)
    if cut:  # "named Jane Roe Chief Executive Officer of Acme": the title after the name
        tokens, words, possessive = tokens[:-cut], words[:-cut], possessive[:-cut]
        start = _name_start(tokens, possessive, initial, ctx, aged)
        rest = tokens[start:]
    core = _core(rest, ctx)
    if not core or _name_words(core) > _MAX_NAME_WORDS or _INITIAL.match(core[-1]):
        return None
    if _INITIALS.fullmatch(core[-1]):  # "Creamer T.J.": initials end no name
        return None
    if len(core) > 1 and any(len(t) == 1 and t.isupper() for t in (core[0], core[-1])):
        # "Merlini G, Hashizume T": a reference list's authors, surname first; "Saturn V S-II":
        # a letter without its dot opens or ends no name
        return None
    if _is_nickname(rest[0]) or not core[0][:1].isupper():
        return None
    if core[-1] in ctx.lex.honorifics and match.string[match.end() : match.end() + 1] == ".":
        return None  # "Maj. Gen. (ret.)": a rank, no name after it
    if any(_is_suffix(t, ctx) for t in rest[:-1]):  # "Martin Luther King Jr. Day"
        return None
    if core[-1].lower() in ctx.lex.roles and not (
        len(core) == 2
        and core[0] in ctx.lex.given_names
        and not _is_title(core[0], ctx)
        and start > 0
        and tokens[start - 1].rstrip(".") in ctx.lex.honorifics
    ):  # "Crown Prince-Prime Minister", "Ambassador", "Art Director"; "Dr. Todd Ensign" is a
        # surname after an honorific
        return None
    if " ".join(core) in ctx.lex.place_names or " ".join(core) in ctx.org_ids:
        return None  # "San Diego", "El Salvador", "Red Cross"
    if any(" ".join(tokens[i:]) in ctx.org_ids for i in range(start)):
        return None  # "Your Baby Can" (a company's name) is not "Baby Can"
    unit = _UNIT_NUMBER.search(match.string, max(0, match.start() - 8), match.start())
    if unit and any(
        f"{unit.group(1)} {' '.join(tokens[: i + 1])}" in ctx.org_ids for i in range(len(tokens))
    ):
        return None  # "452nd Security Forces Squadron": a unit, not "Forces Squadron"
    prefix = tokens[:start]
    if any(t in ctx.lex.vessel_prefixes for t in prefix):  # "the S.S. Patricia Robertson"
        return None
    if core[0] in ctx.lex.vessel_words and (
        prefix or _CAPITAL_WORD_BEFORE.search(match.string, 0, match.start())
    ):
        return None  # "the U.S. Coast Guard Cutter Healy": a ship
    if _signed_title(prefix, core, ctx):
        return None
    honorific = address = None
    if prefix and prefix[-1].rstrip(".") in ctx.lex.honorifics:
        honorific = prefix[-1]
        prefix = prefix[:-1]
    roles, orgs, plural = _prefix_roles(prefix, ctx)
    owner = max((i for i, p in enumerate(possessive[: len(prefix)]) if p), default=-1)
    if owner >= 0:
        # Roles before a possessive are its owner's: "First Lady Jill Biden’s Cancer
        # Moonshot" gives "Cancer Moonshot" no role (organizations stay: "NASA’s X")
        roles, _, plural = _prefix_roles(prefix[owner + 1 :], ctx)
    if honorific and honorific.rstrip(".") in ctx.lex.honorific_roles:
        # "Sen. Susan Collins": "sen.", as written; "Tech. Sgt." keeps its qualifier.
        written = [honorific]
        while prefix and (
            (_ABBREVIATED.fullmatch(prefix[-1]) and not _is_title(prefix[-1], ctx))
            or prefix[-1] in ctx.lex.rank_qualifiers
            or (prefix[-1].endswith(".") and prefix[-1][:-1] in ctx.lex.honorific_roles)
        ):
            written.insert(0, prefix.pop())
        address = " ".join(written) if len(written) > 1 else None
        office = " ".join(written).lower()
        if office not in roles:
            roles.append(office)
    first = start - 1 if honorific else start
    begin = words[first][0]
    end = words[-1][0] + len(tokens[-1])
    return begin, end, tuple(rest), honorific, roles, orgs, plural, address


_POSSESSIVE_WORD = patterns.compile(r"\S+?(?P<mark>[’']s?)(?=\s)")


def _runs(sentence: str) -> Iterator[re.Match[str]]:
    """The capitalised runs of a sentence; a run with a possessive inside gives its owner's
    part first, up to the mark: "First Lady Jill Biden’s Cancer Moonshot" → "First Lady Jill
    Biden" (the run whole then gives "Cancer Moonshot", which the owner's roles are not)."""
    pattern = name_run()
    for match in pattern.finditer(sentence):
        text = match.group()
        if "’" in text or "'" in text:
            mark = _POSSESSIVE_WORD.search(text)
            if mark is not None:
                owner = pattern.match(sentence, match.start(), match.start() + mark.start("mark"))
                if owner is not None and owner.end() == match.start() + mark.start("mark"):
                    yield owner
        yield match


def _org_spans(sentence: str, ctx: _Context) -> list[tuple[int, int]]:
    """Where the sentence writes one of the article's organizations of two or more words."""
    spans: list[tuple[int, int]] = []
    for name in ctx.org_names:
        at = sentence.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = sentence.find(name, at + 1)
    return spans


def _inside_org(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """A name inside an organization's name is no person's: "National Academy of Engineering",
    "the Society of Professional Journalists Silver Medallion" (the organization as found)."""
    return any(a <= start and end <= b and (a, b) != (start, end) for a, b in spans)


_SHORT_ORG_BEFORE = patterns.compile(r"(?<![\w’'-])(?:of|at|from|to|in)\s+(?:the\s+)?$")
_LOWER_AFTER = patterns.compile(r"\s+(?P<word>[a-z][a-z\-]*)")


def _org_short_form(
    sentence: str, run_start: int, end: int, tokens: tuple[str, ...], orgs: list[str], ctx: _Context
) -> bool:
    """One word that opens the name of an organization the article names ("Johnson" of Johnson
    Space Center) is that organization's short form, not a surname, after an organization
    ("NASA Johnson"), after "of"/"at" ("director of Johnson"), or before a lower-case role
    ("Johnson deputy center director")."""
    if not any(n.startswith(tokens[0] + " ") for n in ctx.org_names):
        return False
    if len(tokens) == 2 and orgs:
        return True  # "the NASA Ames Exchange": a body of the centre, no "Ames Exchange"
    if len(tokens) != 1:
        return False
    if orgs or _SHORT_ORG_BEFORE.search(sentence, max(0, run_start - 12), run_start):
        return True
    after = _LOWER_AFTER.match(sentence, end)
    return after is not None and (
        after.group("word") in ctx.lex.roles or after.group("word") in ctx.lex.role_modifiers
    )


def _raw_mentions(sentence: str, key: tuple[int, int, int, str], ctx: _Context) -> list[_Mention]:
    block_index, offset, sentence_index, block_id = key
    found: list[_Mention] = []
    first_word = _first_word_at(sentence)
    org_spans = _org_spans(sentence, ctx)
    titles = _quoted_titles(sentence)
    for match in _runs(sentence):
        if _CASE_PARTY.search(sentence, max(0, match.start() - 6), match.start()):
            continue  # a party in a case's name ("United States v. John Doe"): the case's name
        if _NUMBER_LABEL.match(sentence, match.end()):
            continue  # "cosmonaut No. 11", "Fig. 3": an abbreviation labelling a number
        if _DESIGNATION_BEFORE.search(sentence, max(0, match.start() - 12), match.start()):
            continue  # "an F-106 Delta Dart", "the X-59 Quesst": a craft's name after its type
        if _in_quoted_title(sentence, match.start(), titles):
            continue  # "“Student Construction and Deployment of …”": a project's title
        cleaned = _clean_run(match, match.start() == first_word, ctx)
        if cleaned is None:
            continue
        start, end, tokens, honorific, roles, orgs, plural, address = cleaned
        if org_spans and _inside_org(start, end, org_spans):
            continue
        if len(tokens) == 1 and _GLUED_BEFORE.search(sentence, max(0, start - 40), start):
            continue
        if (
            not roles
            and not honorific
            and _org_short_form(sentence, match.start(), end, tokens, orgs, ctx)
        ):
            continue
        if honorific is None and not roles:
            start, tokens = _after_portfolio(sentence, start, tokens, ctx)
        core = _core(tokens, ctx)
        if _name_words(core) >= 2:  # a full name only: the words before it are its role
            named_at = sentence.find(tokens[0], start)
            portfolio = _portfolio_span(sentence, named_at, ctx) if named_at >= 0 else None
            if portfolio is not None and any(
                m.start >= portfolio[2] and len(m.core) >= 2 for m in found
            ):
                portfolio = None  # "Chief of Staff Tahara Dawkins, Cal Poly …": a name inside
            if portfolio is not None:
                roles = [portfolio[0]]  # what the run's own words gave is part of it ("President")
                plural = plural or portfolio[1]
                # "NASA Kennedy Space Center’s Associate Director of Management X": the
                # organizations before the role are the person's
                abbr = portfolio[3].group("abbr")
                for org in [*_orgs_ending(sentence[: portfolio[2]], ctx), abbr, portfolio[4]]:
                    if org in ctx.org_ids and ctx.org_ids[org] not in orgs:
                        orgs.append(ctx.org_ids[org])
        found.append(
            _Mention(
                order=(block_index, offset + start),
                block=block_id,
                sentence=sentence_index,
                start=start,
                end=end,
                tokens=tokens,
                core=core,
                honorific=honorific,
                lower=any(t.lower() in ctx.lower for t in core if t[:1].isupper()),
                common=len(core) >= 2 and all(_common_word(t, ctx) for t in core),
                after_number=bool(_NUMBER_BEFORE.search(sentence, max(0, start - 12), start)),
                initial=start == first_word,
                roles=roles,
                orgs=orgs,
                run_start=match.start(),
                plural_role=plural,
                run_roles=len(roles),
                titled=bool(roles),
                given=is_given(core[0], ctx.lex),
                run_orgs=tuple(orgs),
                plural_shared=tuple(roles) if plural else (),
                address=address,
                adjective_title=_adjective_title(sentence, match.start(), start, core, roles, ctx),
                owns_org=_owns_org(sentence, end, ctx),
                thing=_joined_to_a_name(sentence, end, ctx),
            )
        )
        ordinal = _ORDINAL_BEFORE.search(sentence, max(0, match.start() - 8), match.start())
        if ordinal and honorific and roles and roles[-1].endswith(honorific.lower()):
            roles[-1] = f"{ordinal.group(1).lower()} {roles[-1]}"  # "1st Lt."
            found[-1].address = f"{ordinal.group(1)} {address or honorific}"
    return found


_AND_NEXT = patterns.compile(r"\s+(?:and|&)\s+(?=[A-Z])")


def _joined_to_a_name(sentence: str, end: int, ctx: _Context) -> bool:
    """Whether the name is one of two joined by "and" in a thing's name: "Jeff Norris and Joe
    Sexton Memorial Pit Crew Award" (the run after "and" goes on past its first word into a word
    no name has)."""
    joined = _AND_NEXT.match(sentence, end)
    if joined is None:
        return False
    run = name_run().match(sentence, joined.end())
    words = run.group().split() if run is not None else []
    return any(w.lower() in ctx.lex.non_name_words for w in words[1:])


_POSSESSIVE_MARK = patterns.compile(r"[’']s?\s+")


def _owns_org(sentence: str, end: int, ctx: _Context) -> bool:
    """Whether a possessive right after the name owns an organization ("Sierra Lobo’s NASA
    Machine Shop"): a contractor's name, when nothing else says it is a person's."""
    mark = _POSSESSIVE_MARK.match(sentence, end)
    return mark is not None and ctx.any_org.match(sentence, mark.end()) is not None


def _adjective_title(
    sentence: str,
    run_start: int,
    start: int,
    core: tuple[str, ...],
    roles: list[str],
    ctx: _Context,
) -> bool:
    """Whether a one-word name's only title is a word that is also an adjective (people.yml
    `adjective_titles`), written alone before it: "General Atomics, of San Diego" names a
    company, "General Motors" another; such a title is no evidence of a person by itself."""
    if len(core) != 1 or len(roles) != 1:
        return False
    title = sentence[run_start:start].strip()
    return title.lower() == roles[0] and title.lower() in ctx.lex.adjective_titles


def _after_portfolio(
    sentence: str, start: int, tokens: tuple[str, ...], ctx: _Context
) -> tuple[int, tuple[str, ...]]:
    """A title's portfolio written before the name is no part of it: in "Special Presidential
    Advisor for the Americas Christopher J. Dodd" the run "Americas Christopher J. Dodd" starts
    with the portfolio; the name starts at the first known given name when no word before it
    is one, two name words or more follow and a role with its link stands before the run
    (_portfolio_role). → (start, tokens), unchanged when the run is all name."""
    at = start
    offsets: list[int] = []
    for token in tokens:
        at = sentence.find(token, at)
        if at < 0:
            return start, tokens
        offsets.append(at)
        at += len(token)
    for i in range(1, len(tokens) - 1):
        if is_given(tokens[i], ctx.lex) and tokens[i] not in ctx.lex.given_name_exclusions:
            if any(is_given(t, ctx.lex) for t in tokens[:i]):
                break
            if i > 1 and _INITIAL.fullmatch(tokens[i - 1]):
                i -= 1  # "Curator of Painting H. Lester Cooke": the initial opens the name
            if _name_words(_core(tokens[i:], ctx)) >= 2 and _portfolio_role(
                sentence, offsets[i], ctx
            ):
                return offsets[i], tokens[i:]
            return start, tokens
    # No given name known ("… Science and Technology Masahito Moriyama"): the last two words
    # are the name when the portfolio before them is whole.
    i = len(tokens) - 2
    inside = tokens[i - 1 : i + 1]  # an initial or a particle here: a longer name ("… Le Drian")
    if any(
        _INITIAL.fullmatch(t) or _INITIALS.fullmatch(t) or t.lower() in ctx.lex.particles
        for t in inside
    ):
        return start, tokens
    if (
        i >= 1
        and _name_words(_core(tokens[i:], ctx)) == 2
        and _portfolio_role(sentence, offsets[i], ctx)
    ):
        return offsets[i], tokens[i:]
    return start, tokens


def _portfolio_role(sentence: str, start: int, ctx: _Context) -> tuple[str, bool] | None:
    """The role before a name written with its portfolio and whether it is plural
    (_portfolio_span), or None."""
    span = _portfolio_span(sentence, start, ctx)
    return (span[0], span[1]) if span else None


_ORG_LINK = patterns.compile(r"\s+(?P<link>of|for|at)\s+(?:the\s+)?$")
_ORG_OPENS = patterns.compile(r"(?:the\s+)?")


def _portfolio_org(words: str, ctx: _Context) -> tuple[str, str, str] | None:
    """An organization that ends a portfolio, right after its link or as all of it: "Mission for
    the Embassy of Israel" → ("Mission", "for", "Embassy of Israel"); "the CCP Central Foreign
    Affairs Commission" → ("", "", the commission). None when no organization ends it."""
    text = words.rstrip()
    for match in ctx.any_org.finditer(text):
        if match.end() != len(text):
            continue
        if _ORG_OPENS.fullmatch(text, 0, match.start()):
            return "", "", match.group("org")
        link = _ORG_LINK.search(text, 0, match.start())
        if link is not None:
            return text[: link.start()], link.group("link"), match.group("org")
    return None


def _portfolio_span(
    sentence: str, start: int, ctx: _Context
) -> tuple[str, bool, int, re.Match[str], str | None] | None:
    """The role before a name when it is written with its portfolio: "Minister of Foreign and
    European Affairs Rastislav Káčer" → "minister of foreign and european affairs". The
    portfolio is capitalised words and connectors only, names no organization or place (the
    organization of "Administrator of NASA Bill Nelson" is his organization, not his role), and
    ends on a capitalised word; the role is the capitalised role just before it (with its
    modifiers: "Deputy Assistant to the President"), and whether it is written plural ("Deputy
    Assistants to the President A, B, and C": shared by the list). An organization that ends
    the portfolio is the person's, not part of the role (the fifth value, as written): "Deputy
    Chief of Mission for the Embassy of Israel X" → "deputy chief of mission", the embassy;
    "Director of the CCP Central Foreign Affairs Commission X" → "director", the commission."""
    window = max(0, start - 160)
    found = _PORTFOLIO.search(sentence, window, start)
    while found is not None and re.search(r",\s", found.group("words")):
        # "Prime Minister of Luxembourg Xavier Bettel, Luxembourg Minister of Economy Lex
        # Delles": a later "of" may open the name's own portfolio (an earlier one spans a name)
        later = _PORTFOLIO.search(sentence, found.start("words"), start)
        if later is None or _plain_portfolio(
            [w.rstrip(",") for w in found.group("words").split()], ctx
        ):
            break
        found = later
    if found is None or found.end() != start:
        return None
    written_words = found.group("words").split()
    org = _portfolio_org(found.group("words"), ctx)
    link = found.group("link")
    if org is not None:
        written_words = org[0].split()
        if not written_words:
            link = ""
    words = [w.rstrip(",") for w in written_words]
    country = org is None and link == "of" and _names_a_place(words, ctx)
    if country:  # "Prime Minister of India Narendra Modi": the role; a place is no portfolio
        words, written_words, link = [], [], ""
    # "Ambassador to the United States Nicole Bintner": the place is the post's own
    posted = org is None and link == "to" and _names_a_place(words, ctx)
    if words and not posted and not _plain_portfolio(words, ctx):
        return None
    if not words and org is None and not country:
        return None
    placed = list(re.finditer(r"\S+", sentence[window : found.start()]))
    before = [w.group() for w in placed]
    for size in (3, 2, 1):
        written = before[-size:] if len(before) >= size else []
        if not written or not written[0][:1].isupper():
            continue
        head = " ".join(written).lower()
        role = ctx.lex.roles.get(head)
        plural = head in ctx.lex.plural_roles
        if role is None and size == 1:  # "Assistant to the President": the modifier is the head
            role = next((m for m in (head, head[:-1]) if m in ctx.lex.role_modifiers), None)
            plural = role is not None and role != head
        if role is None:
            continue
        mods: list[str] = []
        for word in reversed(before[: len(before) - size]):
            if not word[:1].isupper() or not (
                word.lower() in ctx.lex.role_modifiers or _DOTTED.fullmatch(word)
            ):
                break
            mods.insert(0, word.lower())
        opens = window + placed[len(before) - size - len(mods)].start()
        text = " ".join(
            [*mods, role, *([link] if link else []), *(w.lower() for w in written_words)]
        )
        return text, plural, opens, found, org[2] if org else None
    return None


def _names_a_place(words: list[str], ctx: _Context) -> bool:
    """Whether the words are one place's name as a whole ("India", "the United States")."""
    phrase = " ".join(words[1:] if words[:1] == ["the"] else words)
    return bool(phrase) and _is_place_name(phrase, ctx)


def _is_place_name(phrase: str, ctx: _Context) -> bool:
    """Whether a phrase is a known place's name: entities.yml's places, people.yml's place
    words, or data/places.txt's names of several words."""
    return (
        phrase in _place_words() or phrase in ctx.lex.place_words or phrase in ctx.lex.place_names
    )


def _plain_portfolio(words: list[str], ctx: _Context) -> bool:
    """Whether capitalised words after a role's "of" or "for" are its portfolio ("Foreign and
    European Affairs", "International Consumer Protection"): they end on no connector and name
    no organization, place or other role (nationalities are fine: "European Affairs")."""
    if not words or words[-1].lower() in ctx.lex.portfolio_links:
        return False
    if any(
        w.lower() in ctx.lex.closed_class for w in words if w.lower() not in ctx.lex.portfolio_links
    ):
        return False  # "… of Outer Space, Including the Moon and Other Celestial Bodies"
    if words[0] in ctx.lex.given_names or any(w.rstrip(".") in ctx.lex.honorifics for w in words):
        return False  # "Director for Sen. Eric Schmitt": a person, no portfolio
    if any(
        w in ctx.lex.given_names and n[:1].isupper() and n.lower() not in ctx.lex.portfolio_links
        for w, n in pairwise(words)
    ):
        return False  # "Chief of Staff Tahara Dawkins": a name after the title, no portfolio
    if ctx.any_org.search(" ".join(words)):
        return False
    for size in (1, 2, 3, 4):
        for at in range(len(words) - size + 1):
            phrase = " ".join(words[at : at + size])
            if phrase in ctx.org_ids or _is_place_name(phrase, ctx):
                return False
            # Another role in it is the name's own ("Director for Senator Bill Hagerty"),
            # unless it names an office ("Assistant to the President Jay Fields").
            if phrase.lower() in ctx.lex.roles and (at == 0 or words[at - 1] != "the"):
                return False
    return True


_APPOSED_PORTFOLIO = patterns.compile(
    rf"\s+(?P<link>of|for)\s+(?P<words>(?:the\s+)?[A-Z][\w’'-]*(?:\s+{_CAPITALISED_OR_LINK})*)"
    r"\s*(?=[,;]|\.?$)"
)


def _apposed_portfolio(
    after: str, apposition: re.Match[str], ctx: _Context
) -> re.Match[str] | None:
    """The portfolio of a title in an apposition, up to its comma: "Hugh Stevenson, Deputy
    Director for International Consumer Protection, said" → "for International Consumer
    Protection" (part of the role; its words are no person)."""
    found = _APPOSED_PORTFOLIO.match(after, apposition.end("role"))
    if found is None or not _plain_portfolio(found.group("words").split(), ctx):
        return None
    if not apposition.group("role")[:1].isupper() and not all(
        w.lower() in ctx.lower or w.lower() in ctx.lex.non_name_words
        for w in found.group("words").split()
        if w.lower() not in ctx.lex.portfolio_links
    ):
        # a lower-case role takes a field as its portfolio ("director of Aeronautics", which
        # the story also writes in lower case), not a name ("president of Acme": its company)
        return None
    return found


_OFFICE_AFTER = patterns.compile(r"\s+to\s+the\s+(?P<office>(?:Vice\s+)?[A-Z][\w’'-]*)(?![\w’'-])")


def _office_after(text: str, end: int, ctx: _Context) -> tuple[str, int]:
    """ " to the president" when an assistant's or deputy's role goes on to name the office it
    serves ("Special Assistant to the President in the White House Office …"): part of the
    title; and where it ends. ("", end) otherwise (a director "of the Senate" works for an
    organization)."""
    office = _OFFICE_AFTER.match(text, end)
    head = text[:end].split()[-1:] or [""]
    if office is None or head[0].lower() not in ctx.lex.office_heads:
        return "", end
    named = " ".join(office.group("office").split())
    if named.lower() not in ctx.lex.roles:
        return "", end
    return f" to the {named.lower()}", office.end()


# "… to the President in the White House Office of Legislative Affairs": where the title is held
_HELD_IN = patterns.compile(r"\s+(?:in|at|of|for|with)\s+(?:the\s+)?")


_ASIDE_GAP = patterns.compile(r"\s*\([^()]{1,60}\)")  # "Jay Fields (internal lead), …"
_IN_ASIDE = patterns.compile(r"\s*\([^()]*")  # a name inside that aside: "(House lead)"


def _list_start(sentence: str, mention: _Mention) -> int:
    """Where a list item opens: before the nationality set aside in its run ("…, Egyptian Baher
    Mohamed, and Australian Peter Greste"), else at the name."""
    if mention.run_start < mention.start:
        words = sentence[mention.run_start : mention.start].split()
        if words and all(w in people_lexicon().demonyms for w in words):
            return mention.run_start
    return mention.start


def _groups(sentence: str, mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions joined by list connectors (", ", " and ", ", and ") form one group; a
    parenthesised aside after a name does not break the list ("Jay Fields (internal lead), Jeff
    Freeland (House lead), and Pace McMullan"), nor does a nationality before a name ("Canadian
    A, Egyptian B, and Australian C"), and a name inside an aside stands alone."""
    groups: list[list[_Mention]] = []
    current: list[_Mention] | None = None
    closed = True  # an "and" ends a list: "cosmonauts X and Y, and Aki Hoshide" is two lists
    for mention in mentions:
        connector = None
        if current is not None:
            last = current[-1].end
            if _IN_ASIDE.fullmatch(sentence, last, mention.start):
                groups.append([mention])
                continue
            connector = _CONNECTOR.fullmatch(sentence, last, _list_start(sentence, mention))
            aside = _ASIDE_GAP.match(sentence, last, mention.start)
            if connector is None and aside is not None:
                connector = _CONNECTOR.fullmatch(sentence, aside.end(), mention.start)
        if current is not None and connector and not closed:
            current.append(mention)
        else:
            current = [mention]
            groups.append(current)
        closed = bool(connector and "and" in connector.group())
    return groups


def _is_list(sentence: str, group: list[_Mention]) -> bool:
    """A group closed by "and" or "&" (a real list, not a name and its apposition)."""
    if len(group) < 2:
        return False
    gap = sentence[group[-2].end : group[-1].start]
    return "and" in gap or "&" in gap


def _add_org(mention: _Mention, org: str | None, ctx: _Context) -> None:
    if org and org in ctx.org_ids and ctx.org_ids[org] not in mention.orgs:
        mention.orgs.append(ctx.org_ids[org])


def _prefix_evidence(
    sentence: str, group: list[_Mention], ctx: _Context, prior_end: int | None = None
) -> None:
    """A role (and organization) before the group's first name; plural roles are shared;
    a list of roles before one name gives each ("administrator, associate administrator, and
    astronaut Richard Truly")."""
    first = group[0]
    # "Al Jazeera journalists Canadian Mohamed Fahmy": the role stands before the nationality
    opening = _list_start(sentence, first)
    prefix = sentence[max(0, opening - _PREFIX) : opening]
    if prefix.endswith(" including ") or prefix.endswith(" such as "):
        _including_role(sentence, group, ctx)
    # "Chief Warrant Officer 4 Raul Almendarez": a rank's grade after it (people.yml
    # `graded_ranks`) is part of the role
    grade = _GRADE.search(prefix)
    if grade and not prefix[: grade.start()].lower().endswith(ctx.lex.graded_ranks):
        grade = None
    if grade:
        prefix = prefix[: grade.start()]
    # "Petty Officer 2nd Class Sammy Swancy": a class written with a number stays out of the
    # name's run, so it ends the prefix; it is part of the rank before it (`rank_classes`)
    class_end = _RANK_CLASS_END.search(prefix)
    rank_class = " ".join(class_end.group(1).lower().split()) if class_end else ""
    if class_end and rank_class in ctx.lex.rank_classes:
        prefix = prefix[: class_end.start()]
    else:
        rank_class = ""
    # The rank's own words before its abbreviation are the mention's ("head coach, Tech. Sgt.
    # Marcus Hollins": the role before them is his too)
    ranks = _RANK_WORDS.search(prefix) if first.honorific else None
    while ranks and (ranks.group(1).endswith(".") or ranks.group(1) in ctx.lex.rank_qualifiers):
        prefix = prefix[: ranks.start()]
        ranks = _RANK_WORDS.search(prefix)
    if first.honorific and first.honorific.rstrip(".") in ctx.lex.honorific_roles:
        # "Marine Corps 1st Lt. William Rogers": the service before a rank is the person's
        _add_org(first, _org_ending(_ORDINAL_BEFORE.sub("", prefix), ctx), ctx)
        # "Former astronaut and U.S. Sen. John Glenn": roles listed before the rank are his
        chained, head = _chained_roles(_DOTTED_END.sub("", prefix), ctx)
        if chained and _CHAIN_OPENING.fullmatch(head):
            for role in chained:
                _add_role(first, role)
    if not _may_end_in_role(prefix, ctx):
        _of_apposition(sentence, first, ctx, prior_end)
        return
    # Where the fast pattern matches first, the prefix pattern does too: match it there.
    start = ctx.prefix_start.search(prefix)
    match = ctx.prefix.match(prefix, start.start()) if start else None
    if match is None:
        return
    if prefix[match.start("mods") : match.end("role")] in ctx.org_ids:
        return  # "National Guard Staff Sgt. X": the service's name holds no role
    written = " ".join(match.group("role").lower().split())
    plural = written in ctx.lex.plural_roles
    if match.group("dash") and not plural:
        return
    if plural and _KIN_OF.search(prefix, 0, match.start()):
        return  # "Family members of fallen astronauts A, B, C": the list is theirs, no astronauts
    if match.group("dash") == ":" and not any(m.given for m in group):
        return  # "Advice to Students: Success Takes Effort": a heading, no list of names
    # "payload manager, Astrobotic": after a comma, a lone word is a person only if it is a
    # known given name ("Richard’s wife, Cody").
    comma = prefix.rstrip().endswith(",")
    roles = [_role_text(match, ctx.lex)]
    named_org = _org_in_modifiers(prefix, match, ctx)
    short_org = _short_org_before_role(prefix, match, ctx)
    if named_org is not None:  # "NASA Ames Research Center Director X": director, of Ames
        rest = " ".join(match.group("mods").split()[named_org[1] :]).lower()
        role = ctx.lex.roles[" ".join(match.group("role").lower().split())]
        roles = [f"{rest} {role}" if rest else role]
    if grade:
        words = prefix.split()[-4:]
        ranked = next(
            (r for i in range(len(words)) if (r := _role_phrase(" ".join(words[i:]), ctx))), None
        )
        roles = [f"{ranked or roles[0]} {grade.group(1)}"]
    if rank_class:
        roles = [f"{roles[0]} {rank_class}"]
    # "… as a veteran astronaut and leader, Ellen served": a role after "as" before a comma is
    # said of the clause's subject, which _fronted_role finds (at the sentence's start only)
    chained, head = _chained_roles(prefix[: match.start()], ctx)
    if comma and _AS_BEFORE.search(prefix, 0, match.start()):
        return
    # "Canyon County Sheriff and National Sheriffs’ Association President X", "… and OLA
    # Director X": the roles listed stand before the last one's organization or place word
    roles[:0] = chained
    chain_org = _org_ending(head, ctx) if chained and not match.group("org") else None
    for mention in group if plural else [first]:
        if comma and len(mention.core) == 1 and mention.core[0] not in ctx.lex.given_names:
            continue
        if comma and written in ctx.lex.kin_words and not _SET_OFF.match(sentence, mention.end):
            continue  # "Along with his mother, Gaines said": the relation is no one named
        for role in roles:
            _add_role(mention, role)
        if plural:
            mention.plural_shared = tuple(roles)
        mention.titled = True
        org = match.group("org")
        if (
            org
            and ctx.org_ids.get(org) in ctx.teams
            and _POSSESSIVE_GAP.match(prefix, match.end("org"))
        ):
            continue  # "the Army’s head coach X" after "Army defeated Navy": the team's
        _add_org(mention, org or chain_org, ctx)
        if named_org is not None:
            _add_org(mention, named_org[0], ctx)
        _add_org(mention, short_org, ctx)


_GRADE = patterns.compile(r"(?<=\w)\s+([1-5])\s+$")
_RANK_CLASS_END = patterns.compile(r"(?<=\w)\s+([1-3](?:st|nd|rd)\s+Class)\s+$")
_INCLUDING = patterns.compile(r",\s+(?:including|such\s+as)\s+$")
_INCLUDING_WINDOW = 160


@cache
def _role_word() -> re.Pattern[str]:
    """A role with its modifiers, anywhere (a name may follow it or not)."""
    return patterns.compile(rf"(?<![\w’'\-]){_modifiers()}(?P<role>{_roles()})\b(?![\w’'\-])")


def _including_role(sentence: str, group: list[_Mention], ctx: _Context) -> None:
    """ "many other well-known artists continued to work with the program …, including Norman
    Rockwell, Robert Rauschenberg, …": the names listed after ", including" (or "such as") are
    of the plural role nearest before it in the sentence, with no name and no other role
    between; each gets it (a list of two or more: "experts, including Harrison H. Schmitt,
    the only geologist" is told by its apposition)."""
    if not _is_list(sentence, group):
        return
    first = group[0]
    start = max(0, first.start - _INCLUDING_WINDOW)
    lead = _INCLUDING.search(sentence, start, first.start)
    if lead is None:
        return
    last = None
    for found in _role_word().finditer(sentence, start, lead.start()):
        last = found
    if last is None or " ".join(last.group("role").lower().split()) not in ctx.lex.plural_roles:
        return
    if re.search(r"[.;:“”\"()]|\s[A-Z]", sentence[last.end() : lead.start()]):
        return  # a name or a clause's end between: not surely theirs
    role = _role_text(last, ctx.lex)
    for mention in group:
        _add_role(mention, role)
        mention.titled = True


_DOTTED_END = patterns.compile(rf"{_DOTTED_MODIFIER}\s+$")
_AS_BEFORE = patterns.compile(r"(?<![\w’'])[Aa]s\s+(?:an?|the)\s+[^.;:!?“”\"()]{0,80}$")
# Where a list of roles before a ranked name may open: the sentence's start (not after another
# name and a comma: "Jane Roe, astronaut, and Sen. John Glenn" are two).
_CHAIN_OPENING = patterns.compile(r"[\s“\"‘(]*")


_SERVED_BEFORE = patterns.compile(r"(?<![\w’'])(?P<link>to|of|for)\s+(?:the\s+)?$")


def _chained_roles(head: str, ctx: _Context) -> tuple[list[str], str]:
    """Roles listed before another one: "administrator, associate administrator, and " before
    "astronaut Richard Truly", and the text before them. A cheap test first: `head` must end
    in a role word and a comma or "and" (the pattern is anchored at the end, so a search would
    try every place)."""
    roles: list[str] = []
    while _may_chain(head, ctx) and (chained := ctx.role_chain.search(head)):
        served = _SERVED_BEFORE.search(head, 0, chained.start())
        if served is None:
            roles.insert(0, _role_text(chained, ctx.lex))
            head = head[: chained.start("mods")]
            continue
        # "Assistant to the President and …": the office served, no role held; with the
        # assistant or deputy before it, one role ("assistant to the president")
        office = _office_head().search(head, 0, served.start())
        if office is None or served.group("link") != "to":
            break
        words = " ".join(head[office.start() : chained.end("role")].lower().split())
        roles.insert(0, words)
        head = head[: office.start()]
    return roles, head


@cache
def _office_head() -> re.Pattern[str]:
    """An office head (people.yml `office_heads`: assistant, deputy …), its modifiers before it,
    ending where "to the" follows."""
    heads = phrase_alternation(tuple(people_lexicon().office_heads))
    return patterns.compile(rf"(?<![\w’'\-]){_modifiers()}(?i:{heads})\s+$")


def _org_ending(text: str, ctx: _Context) -> str | None:
    """The organization `text` ends with ("former NASA " before "administrator, and …")."""
    tail = text[-80:]
    for match in ctx.any_org.finditer(tail):
        if not re.fullmatch(r"(?:[’']s)?\s*", tail[match.end() :]):
            continue
        return match.group("org")
    return None


def _orgs_ending(text: str, ctx: _Context) -> list[str]:
    """The organizations `text` ends with, possessive or not, a known one before another: "NASA
    Kennedy Space Center’s " → NASA and Kennedy Space Center (as written)."""
    tail = text[-100:]
    spans = [
        (m.start(), m.end(), m.group("org"))
        for w in re.finditer(r"(?<!\S)\S", tail)
        if (m := ctx.any_org.match(tail, w.start())) is not None
    ]
    last = [s for s in spans if re.fullmatch(r"(?:[’']s)?\s*", tail[s[1] :])]
    if not last:
        return []
    final = min(last)  # the longest name that ends the text
    gap = tail[: final[0]]
    before = _org_ending(gap, ctx) if gap[-1:].isspace() else None
    return [before, final[2]] if before else [final[2]]


# "Salvagnini’s current role as chief data officer", "served the Office of … as director of …"
_ROLE_AS = patterns.compile(
    r"(?:[’']s\s+(?:(?:current|former|new|previous|last|first)\s+)?(?:role|post|job|position)"
    r"|\s+(?:also\s+)?(?:served|serves)\s+(?:the\s+)?(?P<org>[A-Z][^,;:“”\"]{1,80}?))"
    r"\s+as\s+(?:an?\s+|the\s+)?"
)


def _role_as(after: str, mention: _Mention, ctx: _Context) -> None:
    """A role after the name's possessive "role as", or after "served ORG as": "The role is an
    expansion of Salvagnini’s current role as chief data officer"; "… he served the Office of
    the Director of National Intelligence as director of … and chief architect" (for a name,
    `_pronoun_roles` for he/she)."""
    found = _ROLE_AS.match(after)
    if found is None:
        return
    org = ctx.any_org.fullmatch(found.group("org")) if found.group("org") else None
    if found.group("org") and org is None:
        return  # "served the country as …": only an organization the story knows
    words = _PRONOUN_ROLE_WORDS.match(after, found.end())
    role = _role_phrase(words.group("role"), ctx) if words else None
    if role is None:
        return
    _add_role(mention, role)
    if org is not None:
        _add_org(mention, org.group("org"), ctx)


# "… of NASA’s Marshall Space Flight Center in Huntsville, Alabama, who served as …": the place
_PLACE_AFTER = patterns.compile(
    r"(?:’s\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)?"
    r"(?:\s+in\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?(?:,\s+[A-Z][\w\-]*)?)?"
    r"(?=,\s*who\s)"
)


def _who_after_org(after: str, end: int, mention: _Mention, ctx: _Context) -> None:
    """A "who" clause's role after the name's organization (and where it is): "said Weisskopf
    of NASA’s Marshall Space Flight Center in Huntsville, Alabama, who served as the principal
    investigator of IXPE" gives him principal investigator."""
    place = _PLACE_AFTER.match(after, end)
    if place is None:
        return
    found = ctx.as_role.match(after[place.end() :]) or ctx.copula.match(after[place.end() :])
    if found is not None:
        _add_role(mention, _role_text(found, ctx.lex))


@cache
def _membership_verb() -> re.Pattern[str]:
    verbs = phrase_alternation(people_lexicon().membership_verbs)
    return patterns.compile(rf"\s+(?:{verbs})\s+(?:the\s+)?" if verbs else r"(?!x)x")


# What may follow the organization: the clause ends, or a time, place or post is added
_CLAUSE_GOES_ON = patterns.compile(r"\s*(?:[,.;:)]|$)|\s+(?:in|on|at|as|after|with)\s")


def _membership_org(after: str, mention: _Mention, ctx: _Context) -> None:
    """ "Timothy McCartney and Dr. Ajay Misra retire from NASA’s Glenn Research Center": the
    organization (and the one its possessive names) right after a membership verb is the
    person's, when the clause ends there; a list shares it (`of_org`, _share_list_org)."""
    verb = _membership_verb().match(after)
    org = ctx.any_org.match(after, verb.end()) if verb is not None else None
    if org is None:
        return
    end = org.end()
    possessive = _POSSESSIVE_GAP.match(after, end)
    inner = ctx.any_org.match(after, possessive.end()) if possessive else None
    if inner is not None:
        end = inner.end()
    if _CLAUSE_GOES_ON.match(after, end) is None:
        return
    mention.of_org = org.group("org")
    mention.member_of = tuple(o.group("org") for o in (org, inner) if o is not None)
    for form in mention.member_of:
        _add_org(mention, form, ctx)


def _add_orgs_from(
    mention: _Mention, text: str, match: re.Match[str] | None, ctx: _Context
) -> None:
    """The organization `match` found in `text`, and one its possessive names right after it:
    "the Justice Department’s Criminal Division" gives both; so does one written right after it
    ("at NASA Langley Research Center": NASA and the center)."""
    if match is None:
        return
    possessive = _POSSESSIVE_GAP.match(text, match.end())
    sub = possessive or _SPACE_GAP.match(text, match.end())
    inner = ctx.any_org.match(text, sub.end()) if sub else None
    # "chief safety officer for NASA’s Commercial Crew Program": the programme's post (as the
    # batch 2 and 9 annotations have it), not NASA's
    # "project scientist at NASA’s Jet Propulsion Laboratory": the post is the center's, the
    # possessive only says whose center it is (as batches 2, 9 and 11 annotate it)
    site = possessive is not None and inner is not None and _SITE.search(inner.group("org"))
    if not (possessive and _PROGRAMME.match(text, possessive.end())) and not site:
        _add_org(mention, match.group("org"), ctx)
    if inner:
        _add_org(mention, inner.group("org"), ctx)
    # … and the one that holds it: "in the Earth Science Division at NASA Headquarters"
    link = _AT_NEXT.match(text, (inner or match).end())
    holder = ctx.any_org.match(text, link.end()) if link else None
    if holder:
        _add_org(mention, holder.group("org"), ctx)


_SPACE_GAP = patterns.compile(r" (?=[A-Z])")
_SITE = patterns.compile(r"\b(?:Center|Centre|Laboratory|Observatory|Facility)$")


# A programme named after an organization's possessive ("NASA’s Commercial Crew Program")
_PROGRAMME = patterns.compile(r"(?:[A-Z][\w’'\-]*\s+){1,4}Program(?:me)?\b")
_AT_NEXT = patterns.compile(r"\s+(?:at|of)\s+(?:the\s+)?")


def _add_org_chain(
    mention: _Mention, text: str, match: re.Match[str] | None, ctx: _Context
) -> None:
    """The organization `match` found, and the one it is part of right after "at" or "of":
    "General Manager of Advanced Programs Group at Orbital Sciences Corporation" gives both."""
    while match is not None:
        _add_orgs_from(mention, text, match, ctx)
        link = _AT_NEXT.match(text, match.end())
        match = ctx.any_org.match(text, link.end()) if link else None


def _may_chain(head: str, ctx: _Context) -> bool:
    text = head.rstrip()
    if text.endswith(" and"):
        text = text[:-4].rstrip()
    if text.endswith(","):
        text = text[:-1].rstrip()
    elif len(text) == len(head.rstrip()):
        return False
    end = len(text)
    return any(size <= end and p.fullmatch(text, end - size, end) for size, p in ctx.role_ends)


# A name and its role in between: "Donald P. Hodel to be Secretary of …", "X as Director of …"
_LINKED = patterns.compile(
    r"\s+(?:to\s+be|as|is|was|will\s+be|would\s+be|becomes|became)\s+(?:(?:the|an?)\s+)?"
)


def _of_apposition(
    sentence: str, mention: _Mention, ctx: _Context, prior_end: int | None = None
) -> None:
    """ "the Crown Prince and Prime Minister of the Kingdom of Bahrain, His Royal Highness
    Salman …": roles "of" somewhere, then a comma, just before the name's run."""
    prefix = sentence[max(0, mention.run_start - _PREFIX) : mention.run_start]
    if not prefix.rstrip().endswith(","):
        return
    if len(mention.core) < 2 or not _OF_WORD.search(prefix):
        return
    match = ctx.of_apposition.search(prefix)
    if match is None:
        return
    offset = max(0, mention.run_start - _PREFIX)
    if prior_end is not None and prior_end > offset:
        gap = sentence[prior_end : offset + match.start("mods")]
        if _LINKED.fullmatch(gap):
            return  # "Donald P. Hodel to be Secretary of the Interior, John S. Herrington": Hodel's
        if prior_end > offset + match.start("rest"):
            return  # "Chief of Staff Tahara Dawkins, Cal Poly Pomona student": a name in it
    roles = [*_chained_roles(prefix[: match.start("mods")], ctx)[0], _role_text(match, ctx.lex)]
    for role in roles:
        _add_role(mention, role)
    org = ctx.any_org.search(match.group("rest"))
    _add_org(mention, org.group("org") if org else None, ctx)


def _add_role(mention: _Mention, role: str) -> None:
    """Add a role; the run's own title and the same words read as a prefix are one role, the
    fuller kept ("Magistrate Judge" and "judge" → "magistrate judge")."""
    for i in range(mention.run_roles):
        known = mention.roles[i]
        if known == role or known.endswith(" " + role):
            return
        if role.endswith(" " + known):
            mention.roles[i] = role
            return
    if role not in mention.roles:
        mention.roles.append(role)


def _tell_role(mention: _Mention, role: str) -> None:
    """A role told of the mention by "he" or "she" (or a list of titles), not written with it:
    no title of a surname-only mention (_without_short_forms)."""
    _add_role(mention, role)
    mention.told.append(role)


def _may_end_in_role(prefix: str, ctx: _Context) -> bool:
    """False when ctx.prefix cannot match `prefix`: no dash, and no role word at its end."""
    if "—" in prefix or "–" in prefix:
        return True
    end = len(prefix.rstrip())  # str.rstrip() strips what the pattern's \s matches
    if end and prefix[end - 1] in ",:":
        end = len(prefix[: end - 1].rstrip())
    return any(size <= end and p.fullmatch(prefix, end - size, end) for size, p in ctx.role_ends)


_IN_ORG = patterns.compile(r"\s+in\s+(?:the\s+)?")


def _in_rest(after: str, apposition: re.Match[str], pattern: re.Pattern[str], ctx: _Context) -> str:
    """An apposition's post "in" an organization ("associate director in the Earth Science
    Division at NASA Headquarters"): the text from the organization on, or ""."""
    if pattern is not ctx.apposition:
        return ""
    link = _IN_ORG.match(after, apposition.end("role"))
    if link is None or ctx.any_org.match(after, link.end()) is None:
        return ""
    return after[link.end() : link.end() + 120].split(",")[0].split(";")[0]


def _modifies_a_noun(after: str, end: int, written: str, ctx: _Context) -> bool:
    """Whether a role word that is also a modifier ("senior", "deputy") qualifies the
    lower-case noun after it, a role the lexicon lacks ("senior conservation ecologist")."""
    if written not in ctx.lex.role_modifiers:
        return False
    following = _NEXT_LOWER.match(after, end)
    return following is not None and following.group("word") not in ctx.lex.closed_class


# "NASA Administrator Bill Nelson on Monday named Joseph Pelfrey director of the agency’s
# Marshall Space Flight Center": the post right after the name a naming verb takes as object
_NAMING_VERB_BEFORE = patterns.compile(
    r"(?<![\w’'-])(?:named|names|appointed|appoints|nominated|nominates|selected|selects|"
    r"elected|elects|promoted|promotes|tapped|taps)\s+$"
)


@cache
def _named_object() -> re.Pattern[str]:
    return patterns.compile(
        rf"^\s+(?:(?:the|its|their)\s+)?(?:new\s+|next\s+)?{_modifiers()}(?P<role>{_roles()})\b"
        rf"(?![\s\-]*[A-Z’'])(?:\s+(?:of|at|for|with)\s+(?P<rest>[^,;]{{0,120}}))?"
    )


_SERVED_IN = patterns.compile(
    r"\s+(?:(?:also|later|then|has|had|have)\s+){0,2}served\s+(?:in|with)\s+(?:the\s+)?"
)


def _own_evidence(sentence: str, mention: _Mention, ctx: _Context) -> None:
    """Age, apposition and "of the ORG" right around one mention."""
    before = sentence[max(0, mention.start - 30) : mention.start]
    after = sentence[mention.end : mention.end + _CONTEXT]
    age = _AGE_BEFORE.search(before) or _AGE_AFTER.match(after)
    if age:
        mention.age = int(age.group(1))
    bracket = _BRACKETED_BEFORE.search(sentence, max(0, mention.start - 50), mention.start)
    if bracket:  # "kind of like (2000 Olympian) Olanda Anderson"
        bracket_role = _role_phrase(bracket.group("role"), ctx)
        if bracket_role is not None:
            _add_role(mention, bracket_role)
            mention.titled = True
    _bracketed_orgs(after, mention, ctx)
    served = _SERVED_IN.match(after)
    if served:  # "Michael R. Brown served in the United States Navy from 1968 to 1972"
        _add_orgs_from(mention, after, ctx.any_org.match(after, served.end()), ctx)
    named = (_named_object(),) if _NAMING_VERB_BEFORE.search(before) else ()
    for pattern in (ctx.apposition, ctx.as_role, ctx.as_the, ctx.copula, *named):
        apposition = pattern.match(after)
        if apposition and _titles_a_name(after, apposition, ctx):
            continue  # "Jane Roe, NASA Chief of Staff John Doe,": the title is Doe's, not Roe's
        if apposition:
            written = " ".join(apposition.group("role").lower().split())
            if written.split()[-1] in ctx.lex.cause_roles and _FOR_AFTER.match(
                after, apposition.end("role")
            ):
                continue  # "X, a champion for clean air": a cause, no post
            if written in ctx.lex.kin_words and not _KIN_OWNER.match(after):
                continue  # "Bob Gilruth, the father of human spaceflight": no one's father
            plural = pattern is not ctx.apposition and written in ctx.lex.plural_roles
            longer = _longer_role(after, apposition.end("role"), ctx.lex)
            if longer is not None:
                plural = pattern is not ctx.apposition and longer[2]
            elif _modifies_a_noun(after, apposition.end("role"), written, ctx):
                # "chief exploration scientist": the words up to the role they qualify; "a
                # senior conservation ecologist" (no known role at the end): no "senior"
                longer = _role_through_words(after, apposition.end("role"), ctx.lex)
                if longer is None:
                    continue
                plural = pattern is not ctx.apposition and longer[2]
            if pattern is ctx.copula and apposition.group("are") and not plural:
                continue  # "A and B are …" names a plural role
            role = _role_text(apposition, ctx.lex)
            if _mods_name_org(apposition, ctx):  # "became a Navy pilot": pilot, of the Navy
                role = ctx.lex.roles[written]
            if pattern is ctx.apposition:
                role = _title_words(after[: apposition.start("mods")], apposition, ctx) + role
            elif pattern is ctx.copula and apposition.group("lead"):
                # as an apposition's title: ", a Climate Scientist" (after an article only)
                article = after[: apposition.start("lead")].split()[-1:]
                lead = " ".join(
                    [",", *article, after[apposition.start("lead") : apposition.start("mods")]]
                )
                role = _title_words(lead, apposition, ctx) + role
            portfolio = _apposed_portfolio(after, apposition, ctx)
            role_end = apposition.end("role")
            rest = apposition.group("rest") or _in_rest(after, apposition, pattern, ctx)
            if longer is not None:  # "chief safety officer for …", not "chief"
                role, role_end = f"{role} {longer[0]}", longer[1]
                tail = _ROLE_REST.match(after, role_end)
                rest = tail.group("rest") if tail else ""
                portfolio = None
            if plural:  # "A and B, as crewmembers", "A and B are the alternate crew members"
                mention.shared_role = role
            if role.split(" ")[-1] in ctx.lex.portfolio_heads:  # "to be Secretary of Energy"
                role, role_end = _with_portfolio(
                    after, role, apposition.group("role"), role_end, ctx
                )
                portfolio = None
            if portfolio is not None:
                words = " ".join(portfolio.group("words").lower().split())
                mention.portfolio = (
                    mention.end + portfolio.start("words"),
                    mention.end + portfolio.end("words"),
                    role,
                    f"{role} {portfolio.group('link')} {words}",
                )
            office, office_end = _office_after(after, apposition.end("role"), ctx)
            _add_role(mention, role + office)
            held = _HELD_IN.match(after, office_end) if office else None
            if held:  # "Special Assistant to the President in the White House Office of …"
                _add_orgs_from(mention, after, ctx.any_org.match(after, held.end()), ctx)
            more = _and_role(after, role_end, ctx)
            if more:  # "chief executive officer and co-founder"
                _add_role(mention, _role_text(more, ctx.lex))
                _add_orgs_from(mention, after, _lead_org(more, ctx), ctx)
                # "Executive Vice President and General Manager of … at Orbital Sciences
                # Corporation": the organization after the second role
                tail = _ROLE_REST.match(after, more.end())
                if tail:
                    found_org = ctx.any_org.search(tail.group("rest"))
                    _add_org_chain(mention, tail.group("rest"), found_org, ctx)
            # The organization before the role is the role's: "Williams, a NASA flight
            # engineer", "who served as NASA's chief"
            lead = after[: apposition.start("role")]
            _add_orgs_from(mention, lead, ctx.any_org.search(lead), ctx)
            org = ctx.any_org.search(rest)
            _add_orgs_from(mention, rest, org, ctx)
            late = _late_and_role().search(rest)
            if late:  # "director of … at the University of Puerto Rico and a co-author of …"
                _add_role(mention, _role_text(late, ctx.lex))
            if org is None and pattern is ctx.apposition:
                end = max(apposition.end(), more.end() if more else 0)
                _where_pieces(after, end, mention, ctx)
            break
    else:
        if mention.honorific or mention.roles:
            _unit_apposition(after, mention, ctx)
    bracketed = _BRACKETED_ROLE.match(after)
    if bracketed:  # "Paul Fulton (Moderator):", a transcript's speaker line
        bracket_role = _role_phrase(bracketed.group("role"), ctx)
        if bracket_role is not None:
            _add_role(mention, bracket_role)
    of_org = ctx.of_org.match(after)
    # "for the ORG" is an office's ("Assistant Attorney General Alice S. Fisher for the
    # Criminal Division"): only after a title
    if of_org and (of_org.group("prep") != "for" or mention.titled):
        _add_orgs_from(mention, after, of_org, ctx)
        mention.of_org = of_org.group("org")
        _role_after_org(after, of_org.end(), mention, ctx)
        _who_after_org(after, of_org.end(), mention, ctx)
    if not of_org:
        _membership_org(after, mention, ctx)
    _role_as(after, mention, ctx)
    _fronted_org(sentence, mention, ctx)
    mention.located = bool(_LOCATED.search(before))
    mention.determined = bool(_DETERMINED.search(before))
    country = _OF_PLACE.match(after) if len(mention.core) >= 2 else None
    mention.of_country = country is not None and country.group("place") in country_names()
    cue = before.split()[-1:] if len(mention.core) >= 2 and before[-1:].isspace() else []
    mention.person_cue = bool(cue) and cue[0].lower() in ctx.lex.person_cues
    # "Researchers at Johns Hopkins agreed": after "at", "in" … the verb is the subject's
    speech_after = not mention.located and bool(ctx.speech_after.match(after))
    mention.spoke = _spoken_before(before, ctx.lex) or speech_after
    mention.apposed = bool(_APPOSED.match(after))
    if len(mention.core) == 1 and mention.core[0] in ctx.lex.given_names:
        mention.with_i = bool(_WITH_I.match(after))
        kin = ctx.kin.search(sentence, max(0, mention.start - 60), mention.start)
        mention.kin = kin is not None
        # "with his wife of 41 years, Rebecca": a relation that is a role is hers
        # … one relation: "his three brothers, A, B and C" names no one's role
        kin_words = [w.strip(",:") for w in kin.group().lower().split()] if kin else []
        relation = [w for w in kin_words if w in ctx.lex.roles and ctx.lex.roles[w] == w]
        # … set off by commas ("his brother, Ilya, set out"), not the clause's subject ("Along
        # with his mother, Gaines said")
        if relation and not mention.roles and _SET_OFF.match(after):
            _add_role(mention, ctx.lex.roles[relation[-1]])


_KIN_OWNER = patterns.compile(r",?\s*(?:his|her|their|[A-Z][\w\-]*[’']s?)\s")
_SET_OFF = patterns.compile(r"\s*(?:[,;)]|[.!?](?:\s|$)|$)")


def _titles_a_name(after: str, apposition: re.Match[str], ctx: _Context) -> bool:
    """Whether the role goes on, past "of" or "for", into a longer role ("Chief" → "Chief of
    Staff") followed by a capitalised word: the title of the next name in a list."""
    written = " ".join(apposition.group("role").lower().split())
    tokens = after[apposition.end("role") :].split()[:5]
    if _role_before_given(tokens, ctx):
        return True
    if not tokens or tokens[0] not in ("of", "for"):
        return False
    for size in (2, 3, 4):
        phrase = " ".join([written, *(t.lower() for t in tokens[:size])])
        if phrase in ctx.lex.roles and len(tokens) > size and tokens[size][:1].isupper():
            return True
    return False


def _role_before_given(tokens: list[str], ctx: _Context) -> bool:
    """Whether what follows an apposition's role makes it the title of the next name: a known
    given name right after it ("…, team captain Maia Kopylova"), after "and" and a second role
    ("senior Julianne Wu, team captain and senior Maia Kopylova"), or after "of" and a place
    ("Eugene Tu, Deputy Prime Minister of Luxembourg Xavier Bettel")."""
    at = 0
    if tokens[:1] == ["and"]:
        at = next(
            (1 + n for n in (3, 2, 1) if " ".join(tokens[1 : 1 + n]).lower() in ctx.lex.roles), 0
        )
        if not at:
            return False
    elif tokens[:1] == ["of"] and len(tokens) > 1 and _is_place_word(tokens[1], ctx):
        at = 2
    elif tokens[:1] == ["of"]:
        # "Xavier Bettel, Luxembourg Minister of Economy Lex Delles": a capitalised portfolio,
        # then a given name and a surname that start no organization's name
        at = next((k for k in (2, 3) if k < len(tokens) and tokens[k] in ctx.lex.given_names), 0)
        words = tokens[1:at]
        if not at or not all(w[:1].isupper() and w.isalpha() for w in words):
            return False
        name = " ".join(tokens[at : at + 2]).rstrip(",.;")
        if (
            len(tokens) <= at + 1
            or not tokens[at + 1][:1].isupper()
            or any(form.startswith(name.split()[0] + " ") for form in ctx.org_ids)
        ):
            return False
    return len(tokens) > at and tokens[at] in ctx.lex.given_names and tokens[at][:1].isupper()


def _mods_name_org(match: re.Match[str], ctx: _Context) -> bool:
    """Whether the modifiers before a match's role, capitalised, are an organization's name as
    a whole ("a Navy pilot", "a retired U.S. Navy captain"): the organization's, not the role's
    words ("a navy pilot" and "an army officer" in lower case stay roles)."""
    mods = match.group("mods").strip()
    return mods[:1].isupper() and ctx.any_org.fullmatch(mods) is not None


_NEXT_LOWER = patterns.compile(r"\s+(?P<word>[a-z][a-z\-]*)\b(?![’'])")


def _lower_words_after(
    text: str, end: int, stop: frozenset[str] = frozenset()
) -> tuple[list[str], list[int]]:
    """The (at most four) lower-case words right after `end`, up to one of `stop`, and where
    each ends."""
    words: list[str] = []
    ends: list[int] = []
    for _ in range(4):
        found = _NEXT_LOWER.match(text, end)
        if found is None or found.group("word") in stop:
            break
        words.append(found.group("word"))
        end = found.end()
        ends.append(end)
    return words, ends


def _longer_role(text: str, end: int, lex: PeopleLexicon) -> tuple[str, int, bool] | None:
    """A role right after the role ending at `end`, maybe after modifiers: the whole phrase is
    one role, its head the last ("chief safety officer", not "chief"). Returns the words added
    (the last role singular), where they end and whether it is written plural; None when no
    role follows."""
    words, ends = _lower_words_after(text, end)
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            if phrase in lex.roles and not _CAPITAL_AFTER.match(text, ends[j - 1]):
                added = " ".join([*words[:i], lex.roles[phrase]])
                return added, ends[j - 1], phrase in lex.plural_roles
        if words[i] not in lex.role_modifiers:
            return None
    return None


def _role_through_words(text: str, end: int, lex: PeopleLexicon) -> tuple[str, int, bool] | None:
    """After a role word that qualifies what follows ("chief", "deputy"): the lower-case words
    up to the nearest role of at most four words ("exploration scientist" of "chief exploration
    scientist", "board chair" of "executive board chair"), as _longer_role returns them; None
    when no role ends them (a closed-class word, a capital or the fourth word comes first)."""
    words, ends = _lower_words_after(text, end, lex.closed_class)
    for j in range(1, len(words) + 1):
        for i in range(j):  # the longest role ending at the j-th word ("compliance specialist")
            phrase = " ".join(words[i:j])
            if phrase in lex.roles and not _CAPITAL_AFTER.match(text, ends[j - 1]):
                added = " ".join([*words[:i], lex.roles[phrase]])
                return added, ends[j - 1], phrase in lex.plural_roles
    return None


def _common_word(token: str, ctx: _Context) -> bool:
    """Whether the article writes the word in lower case (or its plural: "assessments") outside
    addresses, and it is no known given name."""
    low = token.lower()
    return (low in ctx.prose_lower or f"{low}s" in ctx.prose_lower) and not is_given(token, ctx.lex)


_NUMBER_BEFORE = patterns.compile(r"\d[\d.]*\s+$")
_CAPITAL_WORD_BEFORE = patterns.compile(r"[A-Z][\w.]*\s+$")
_CAPITAL_AFTER = patterns.compile(r"[\s\-]*[A-Z’']")
_TITLE_WORD = patterns.compile(r"[A-Z][a-z]+")


def _title_words(lead: str, apposition: re.Match[str], ctx: _Context) -> str:
    """The capitalised words of a title-case apposition's title before its role, lower case
    with a space after: ", HVO's Seismic Network Manager," gives "seismic network " (the role
    "seismic network manager"). Only plain capitalised words right before a capitalised role,
    after an organization's possessive or an article ("a", "the"); none that names an
    organization, a place or nationality, or a given name; else ""."""
    if not apposition.group("role")[:1].isupper():
        return ""
    words = lead.split()
    kept: list[str] = []
    while words and _TITLE_WORD.fullmatch(words[-1]):
        word = words.pop()
        if (
            word in ctx.org_ids
            or _is_place_word(word, ctx)
            or word.lower() in ctx.lex.closed_class
            or word in ctx.lex.given_names
            or word.lower() in ctx.lex.roles
        ):
            return ""
        kept.insert(0, word.lower())
    if not kept or not words:
        return ""
    opener = words[-1]
    if opener.lower() in ("a", "an", "the") and len(words) == 2:
        return " ".join(kept) + " "
    if re.fullmatch(r"[A-Z][\w.&-]*[’']s", opener) and len(words) == 2:
        owner = opener[:-2]
        if owner in ctx.org_ids:
            return " ".join(kept) + " "
    return ""


def _and_role(text: str, end: int, ctx: _Context) -> re.Match[str] | None:
    """A second role after "and" at `end`; one written after capitalised words only when they
    name an organization ("… and NOAA administrator", not "… and Apollo astronaut")."""
    more = ctx.and_role.match(text, end)
    if more is None or not more.group("lead"):
        return more
    return more if _lead_org(more, ctx) is not None else None


def _lead_org(match: re.Match[str], ctx: _Context) -> re.Match[str] | None:
    """The organization that the `lead` group of `match` is, whole (a possessive allowed)."""
    lead = match.group("lead")
    if not lead:
        return None
    text = match.string
    start, end = match.start("lead"), match.end("lead")
    while end > start and text[end - 1].isspace():
        end -= 1
    found = ctx.any_org.match(text, start)
    if found is None or not re.fullmatch(r"(?:[’']s)?", text[found.end() : end]):
        return None
    return found


# ", 752nd Medical Squadron, who …": a comma piece right after a name, to the clause's end
_UNIT_PIECE = patterns.compile(r",\s+(?P<piece>[^,;:()“”\"]{2,80}?)(?=\s*(?:[,;)]|\.(?:\s|$)|$))")


def _unit_apposition(after: str, mention: _Mention, ctx: _Context) -> None:
    """A titled name's apposition that is an organization and nothing more: "Staff Sgt. Alicia
    Salas, 752nd Medical Squadron, who ran …" (her unit)."""
    piece = _UNIT_PIECE.match(after)
    if piece is None:
        return
    org = ctx.any_org.fullmatch(after, piece.start("piece"), piece.end("piece"))
    _add_orgs_from(mention, after, org, ctx)


_ROLE_REST = patterns.compile(r"\s+(?:of|at|for|with)\s+(?P<rest>[^,;]{0,120})")
# "Yuan Chen (LaRC)", "Shane Cravens (Syncom Space Services, SSC)": brackets right after a name
_BRACKETED_AFTER = patterns.compile(r"\s*\((?P<inner>[^()]{1,80})\)")


def _bracketed_orgs(after: str, mention: _Mention, ctx: _Context) -> None:
    """Brackets right after a name holding known organizations, alone or in a comma list,
    give the person's: each item must be one whole organization form, or one followed by a
    whole role ("NESC Director": director, of NESC); any other item ("left", "R-Texas") adds
    nothing."""
    bracket = _BRACKETED_AFTER.match(after)
    if bracket is None:
        return
    for item in (part.strip() for part in bracket.group("inner").split(",")):
        if item in ctx.org_ids:
            _add_org(mention, item, ctx)
            continue
        words = item.split(" ")
        for cut in range(len(words) - 1, 0, -1):
            org = " ".join(words[:cut])
            role = _role_phrase(" ".join(words[cut:]), ctx) if org in ctx.org_ids else None
            if role is not None:
                _add_org(mention, org, ctx)
                _add_role(mention, role)
                break


_BRACKETED_BEFORE = patterns.compile(r"\((?:\d{4}\s+)?(?P<role>[A-Za-z][\w\- ]{1,40})\)\s+$")


@cache
def _late_and_role() -> re.Pattern[str]:
    """ "… and a co-author of the paper" closing an apposition's clause: a second role; a
    title written capitalised needs no article ("Vice President of JAXA and Director General of
    JAXA’s Institute of …")."""
    return patterns.compile(
        rf"\s+and\s+(?:(?:an?|the)\s+|(?=[A-Z])){_modifiers()}(?P<role>{_roles()})\b"
        rf"(?=\s+(?:of|for|at|on|with)\b|\s*$)"
    )


_BRACKETED_ROLE = patterns.compile(r"\s*\((?P<role>[A-Za-z][\w\- ]{1,40})\)")


_PLACE_PIECE = patterns.compile(r",\s*(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})(?=\s*,)")


def _role_after_org(after: str, end: int, mention: _Mention, ctx: _Context) -> None:
    """An apposition after "of ORG" (and maybe its place): "Brice Olivier Demory of the
    University of Cambridge, England, lead author of a new report" → lead author."""
    place = _PLACE_PIECE.match(after, end)
    if place and _is_place_phrase(place.group("place"), ctx):
        end = place.end()
    later = ctx.apposition.match(after[end:])
    if later is not None:
        _add_role(mention, _role_text(later, ctx.lex))


def _is_place_phrase(text: str, ctx: _Context) -> bool:
    return (
        text in _place_words()
        or text in ctx.lex.place_words
        or text in ctx.lex.place_names
        or text.lower() in ctx.lex.nationalities
    )


def _where_pieces(after: str, end: int, mention: _Mention, ctx: _Context) -> None:
    """ "Reames, Special Agent in Charge, DEA Seattle Field Division": up to two comma pieces
    after an apposition's role; the first that opens with an organization, or names one after
    "at", gives it, and the piece right after it too when it opens with one ("Chief, Operations
    Plans Branch, Headquarters Fourth Air Force": both; "medical officer, Commercial Low Earth
    Orbit Development Program, NASA Johnson Space Center")."""
    found = False
    for _ in range(2):
        piece = _WHERE_PIECE.match(after, end)
        if piece is None:
            return
        text = piece.group("piece")
        opening = ctx.any_org.match(text, len(text) - len(text.lstrip()))
        if opening is None and not found:
            at = re.search(r"\sat\s+(?:the\s+)?", text)
            opening = ctx.any_org.match(text, at.end()) if at else None
        if opening is not None:
            _add_orgs_from(mention, text, opening, ctx)
        elif found:
            return
        found = found or opening is not None
        end = piece.end()


def _fronted_org(sentence: str, mention: _Mention, ctx: _Context) -> None:
    """ "At NASA Headquarters, Dave Lavery is …": an organization fronted before the first name
    of the sentence."""
    head = sentence[: mention.run_start]
    fronted = _FRONTED.match(head)
    if fronted is None:
        return
    org = ctx.any_org.match(head, fronted.end())
    if org and re.fullmatch(r"(?:[’']s)?[^,;:]{0,40},\s*", head[org.end() :]):
        _add_org(mention, org.group("org"), ctx)


_AGE_LATER = patterns.compile(
    r"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+|at\s+(?=\d{2,3}(?:\s*(?:[,.;)]|$)|\s+(?:on|in|"
    r"after|following|from|of|at|surrounded|while)\b)))(\d{1,3})\b(?![:.,]\d)"
)
# "Richard rose from the role of ensign to vice admiral"
_FROM_TO = patterns.compile(
    r"^\s+(?:(?:has|had|was|were)\s+)?(?:rose|risen|climbed|advanced|progressed|moved\s+up|"
    r"was\s+promoted|promoted)(?:\s+through\s+the\s+ranks)?\s+from\s+(?P<a>[^,;.]{1,60}?)\s+to\s+"
    r"(?P<b>[^,;.]{1,60}?)(?=\s*(?:[,;.]|$)|\s+(?:in|by|before|after|during|and|at|on)\b)"
)
# "Bill Richardson wore many weighty titles in his life – Congressman, Governor, Ambassador"
# … "she served a variety of positions over the years, including the 11th director of NASA
# Johnson, Johnson deputy center director, and director of Flight Crew Operations"
_TITLES_SOURCE = (
    r"\s+(?:(?:has|had)\s+)?(?:also\s+)?(?:wore|worn|held|carried|bore|borne|served|filled|"
    # "He has worked on Capitol Hill in a variety of legislative roles, including …"
    r"occupied|worked(?:\s+(?:on|at|for)(?:\s+[A-Z][\w’'\-]*){1,4})?)\s+(?:in\s+)?"
    r"(?:many|several|numerous|various|a\s+(?:number|string|variety|range|"
    r"series)\s+of)\s+(?:[a-z\-]+\s+)?(?:titles|roles|posts|positions|offices|jobs|hats)\b"
    r"[^–—:.;,]{0,40}?(?:\s*[–—:]\s*|,\s+including\s+)(?P<list>[^.;:–—]{1,200})"
)
_TITLES = patterns.compile("^" + _TITLES_SOURCE)
_PRONOUN_TITLES = patterns.compile(r"(?<![\w’'])(?P<pronoun>[Hh]e|[Ss]he)" + _TITLES_SOURCE)
# A listed title's words that are not the role: "the 11th", "of NASA Johnson", a name before a
# lower-case role ("Johnson deputy center director")
_LISTED_HEAD = patterns.compile(
    r"^(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?(?:[A-Z][\w’'.\-]*\s+)*(?=[a-z])"
)
_LISTED_TAIL = patterns.compile(r"\s+(?:of|at|for|with|in|to)\s[\s\S]*$")
_LIST_SPLIT = patterns.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as)\s+")
_ROLE_WORDS = patterns.compile(
    r"^(?:the\s+|an?\s+)?(?:(?:role|rank|post|position|office|job|title)\s+of\s+)?(?:an?\s+)?"
)
# "when he was a staffer on the Senate Foreign Relations Committee", "his role as the leader",
# "Prior to this role, he worked as Executive Director of …", "She previously served as the …"
_FOR_AFTER = patterns.compile(r"\s+for\s")
_CAPITALISED_WORDS = patterns.compile(r"^(?:\s+[A-Z][\w’'\-]*)*(?=\s+[a-z])")
_PRONOUN_ROLE_SOURCE = (
    r"(?<![\w’'])(?:(?P<pronoun>[Hh]e|[Ss]he)\s+(?:(?:previously|most\s+recently|recently|also|"
    r"later|then|once|first|formerly|currently|now|briefly)\s+)?"
    # "He was named NASA Stennis associate director in 2018 and selected as …"
    r"(?:(?:was|has\s+been|had\s+been)\s+(?:named(?:\s+as)?|appointed(?:\s+as)?|promoted\s+to|selected\s+as"
    r"|chosen\s+as)|was|is|had\s+been|has\s+been|"
    r"became|becomes|(?:has\s+|had\s+|will\s+)?(?:served|serves|serve|worked|works|work)"
    # "he served the Office of the Director of National Intelligence as director of …"
    r"(?:\s+(?:the\s+)?(?P<served>[A-Z][^,;:“”\"]{1,80}?))?\s+as"
    r"|{career}\s+as|held\s+the\s+(?:position|post|role|office|title)\s+of)"
    r"|(?:[Hh]is|[Hh]er)\s+(?:role|post|job|time)\s+as)"
    # "He was also commander of Apollo 10": the adverb after the verb too
    r"(?:\s+(?:also|later|then|once|first|formerly|previously|briefly|currently|now))?"
    # "He then became the 12th NASA Administrator": an ordinal after the article
    # … or a possessive: "selected as the center’s deputy director"
    # … or a name's: "He was appointed as Marshall’s deputy center director"
    r"\s+(?:an?\s+|the\s+(?:[a-z]+[’']s\s+)?|(?:his|her|its|their)\s+|[A-Z][\w\-]*[’']s\s+)?"
    r"(?:\d{1,3}(?:st|nd|rd|th)\s+)?"
    r"(?P<role>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?)"
    r"(?=\s*(?:[,.;]|$)|\s+(?:on|of|at|for|in|with|who|when|and|to|from|under)\b)"
)


@cache
def _pronoun_role() -> re.Pattern[str]:
    return patterns.compile(_PRONOUN_ROLE_SOURCE.replace("{career}", _career_verbs()))


# A capitalised title's portfolio after it: "Executive Director of Political Operations for …"
_TITLE_PORTFOLIO = patterns.compile(
    r"\s+(?P<link>of|for)\s+(?P<words>[A-Z][\w’'-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w’'-]*)*)"
    r"(?![\w’'-]|\.[\w’'-])"  # a full stop may end the sentence ("… of Member Services.")
)
# … and of an office named by its portfolio: "Secretary of the Interior", "of Energy"
_OFFICE_PORTFOLIO = patterns.compile(
    r"\s+(?P<link>of|for)\s+(?P<words>(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w’'-]*)*)"
    r"(?![\w’'-])"
)
# "the Deputy to the Associate Director for …": the office a deputy or assistant serves
_SERVED_OFFICE = patterns.compile(
    r"\s+to\s+the\s+(?P<office>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
)
# "… and as Chief of Staff to …": a second role told of the same pronoun
_AND_AS = patterns.compile(
    r"(?:\s+in\s+(?:\d{4}|[A-Z][a-z]+(?:\s+\d{4})?))?"  # "… director in 2018 and selected as …"
    r"\s+and\s+(?:also\s+)?(?:(?:was\s+)?(?:named|appointed|promoted\s+to|selected\s+as|chosen\s+as)"
    r"\s+|as\s+)(?:an?\s+|the\s+(?:[a-z]+[’']s\s+)?)?"
)
_PRONOUN_ROLE_WORDS = patterns.compile(
    r"(?P<role>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?)"
    r"(?=\s*(?:[,.;]|$)|\s+(?:on|of|at|for|in|with|who|when|and|to|from|under)\b)"
)
# Where a sentence's subject stands: at its start, maybe after one fronted phrase and a comma
# ("Prior to this role, he …", "Previously, Natalie was …"), or after a "Name: " heading.
_SUBJECT_PLACE = patterns.compile(r"^[^\w“”\"‘’]*(?:[A-Z][^,;:“”\"]{0,80},\s+)?$")
_AFTER_PREPOSITION = patterns.compile(
    r"(?:\b(?:for|to|of|with|by|under|from|at|on|behalf\s+of|including)\s+(?:the\s+)?|then-)$"
)


def _role_phrase(text: str, ctx: _Context) -> str | None:
    """The role `text` is, whole, with its modifiers ("vice admiral", "medical officer"):
    lower case, singular; None when it is not only a role."""
    words = _ROLE_WORDS.sub("", " ".join(text.split()).lower()).rstrip(" ,")
    parts = words.split(" ")
    for cut in range(len(parts)):
        head = " ".join(parts[cut:])
        if head in ctx.lex.roles and all(w in ctx.lex.role_modifiers for w in parts[:cut]):
            return " ".join([*parts[:cut], ctx.lex.roles[head]])
    return None


# "a young Japanese businessman named Shuji Sakuma": an article, at most three words, "named"
_NAMED_AFTER = patterns.compile(
    r"(?<![\w’'-])(?:[Aa]n?|[Tt]he)\s+(?P<words>[a-z][\w\-]*(?:\s+[\w\-]+){0,3}?)\s+"
    r"(?:named|called)\s+$"
)


def _named_after_role(sentence: str, mention: _Mention, ctx: _Context) -> None:
    """A role before "named" is the name's: "a young Japanese businessman named Shuji Sakuma"
    (the role the last words are, after any description: "young Japanese")."""
    if mention.roles or mention.honorific:
        return
    found = _NAMED_AFTER.search(sentence, max(0, mention.start - 60), mention.start)
    if found is None:
        return
    words = found.group("words").split()
    for cut in range(len(words)):
        role = _role_phrase(" ".join(words[cut:]), ctx)
        if role is not None:
            _add_role(mention, role)
            return


_FROM_LEFT = patterns.compile(
    r"^\s*(?:Pictured\s+)?[Ff]rom\s+left(?:\s+to\s+right)?\s*(?:,\s*|:\s*|\s+are\s+|\s+is\s+)"
)


def _from_left_list(sentence: str, previous: str, found: list[_Mention], ctx: _Context) -> None:
    """ "NASA has selected four new crew members … From left are Jason Lee, Stephanie Navarro
    …": the names a "From left" sentence lists, after a sentence of the same paragraph that
    names them by a plural role, each hold that role (singular) when they have none of their
    own ("From left to right: Mission Specialist X, Pilot Y" keep theirs)."""
    if len(found) < 2 or not _FROM_LEFT.match(sentence) or "(" in sentence:
        return  # "From left to right: William Hopkins (former city manager), …": their own
    words = previous.lower().replace(",", " ").split()
    plural = None
    for size in (3, 2, 1):  # the last plural role of the sentence before, longest first
        for at in range(len(words) - size, -1, -1):
            phrase = " ".join(words[at : at + size])
            if phrase in ctx.lex.plural_roles:
                plural = phrase if plural is None else plural
                break
        if plural is not None:
            break
    if plural is None:
        return
    for mention in found:
        if not mention.roles:
            _add_role(mention, ctx.lex.roles[plural])


def _sentence_evidence(sentence: str, found: list[_Mention], ctx: _Context) -> None:
    """Evidence a little away from a name: an age after a death ("…, who passed away …, at the
    age of 86"), the ranks of a career ("rose from ensign to vice admiral"), a list of titles
    ("wore many titles – Congressman, Governor"), and a role told of "he" or "she" when one
    person is named before it in the sentence, or the pronoun stands in that person's "who"
    clause ("when he was a staffer on …", "who was convicted for his role as the leader")."""
    if not found:
        return
    _fronted_role(sentence, found, ctx)
    _reversed_copula(sentence, found[0], ctx)
    _plural_copula(sentence, found, ctx)
    for mention in found:
        _named_after_role(sentence, mention, ctx)
        after = sentence[mention.end :]
        career = _FROM_TO.match(after)
        if career:
            ranks = [_role_phrase(career.group(g), ctx) for g in ("a", "b")]
            if all(ranks):
                for rank in ranks:
                    _add_role(mention, str(rank))
        titles = _TITLES.match(after)
        if titles:
            for role in _listed_titles(titles.group("list"), ctx):
                _add_role(mention, role)
    for mention in found:
        led = _role_verb(tuple(ctx.lex.role_verbs)).match(sentence, mention.end)
        if led:  # "X, who chairs the House Judiciary Committee": chair (of it)
            _add_role(mention, ctx.lex.role_verbs[led.group("verb").lower()])
            _add_orgs_from(mention, sentence, ctx.any_org.match(sentence, led.end()), ctx)
    deaths = _death_words(ctx.lex.death_words)
    for age in _AGE_LATER.finditer(sentence):
        holder = _antecedent(sentence, found, age.start()) or _apposed_subject(
            sentence, found, deaths.search(sentence, 0, age.start())
        )
        if holder and holder.age is None and deaths.search(sentence, holder.end, age.start()):
            holder.age = int(age.group(1))


def _listed_titles(text: str, ctx: _Context) -> list[str]:
    """The roles of a list of titles ("Congressman, Governor, Ambassador"; "the 11th director
    of NASA Johnson, Johnson deputy center director, and director of …"), each without its
    article, ordinal, organization or portfolio; none unless two or more open the list."""
    listed = []
    for piece in _LIST_SPLIT.split(text.strip()):
        bare = _LISTED_TAIL.sub("", piece)
        head = _LISTED_HEAD.match(bare)
        role = _role_phrase(bare, ctx) or (_role_phrase(bare[head.end() :], ctx) if head else None)
        if role is None:
            break
        listed.append(role)
    return listed if len(listed) >= 2 else []


def _pronoun_titles(
    sentence: str, found: list[_Mention], topic: tuple[_Mention, str] | None, ctx: _Context
) -> None:
    """A list of titles told of "he" or "she", the sentence's subject, goes to the paragraph's
    topic (_next_topic; the pronoun agrees): "In addition to being an astronaut, she served a
    variety of positions over the years, including …"."""
    if topic is None or not any(c in sentence for c in (" including ", "–", ":")):
        return
    said = _PRONOUN_TITLES.search(sentence)
    if said is None or not _subject_pronoun(sentence, said, found):
        return
    pronoun = said.group("pronoun").lower()
    if topic[1] and topic[1] != pronoun:
        return
    for role in _listed_titles(said.group("list"), ctx):
        _tell_role(topic[0], role)


@cache
def _fronted_as() -> re.Pattern[str]:
    """ "As NOAA Administrator, Spinrad …": "as", a role (maybe after the organization it is
    held in) and a comma opening the sentence (or its clause after one opening phrase)."""
    return patterns.compile(
        # … maybe after one opening phrase: "According to the indictment, as an equipment
        # program manager for the FBI, Jones was …"
        rf"[^\w“”\"‘’]*(?:As|(?:According\s+to|In|At|On|From|During)\s[^,;:“”\"]{{1,60}},\s+as)"
        rf"\s+(?:(?:an?|the|its|their)\s+)?"
        rf"(?P<lead>(?:[A-Z][\w’'.\-]*\s+){{1,6}}?)??{_modifiers()}(?P<role>{_roles()})\b"
        rf"(?:\s+(?:of|at|for|with)\s+(?P<rest>[^,;:“”\"]{{1,80}}?))?\s*,\s*"
    )


@cache
def _role_first() -> re.Pattern[str]:
    """ "The keynote speaker for the meeting’s opening day luncheon is Dr. David Hill": the
    sentence opens with "The", a singular role and its complement, then "is" and the name."""
    return patterns.compile(
        rf"[^\w“”\"‘’]*The\s+(?:new\s+|next\s+|current\s+)?{_modifiers()}(?P<role>{_roles()})\b"
        rf"(?P<rest>\s+(?:of|for|at|on|with)\s+[^,;:.“”\"]{{1,80}}?)?"
        rf"\s+(?:is|was|will\s+be|has\s+been)\s+"
    )


def _reversed_copula(sentence: str, first: _Mention, ctx: _Context) -> None:
    """A role the sentence opens with and gives to the name after "is" ("The keynote speaker
    … is Dr. David Hill of the USGS"); a plural role or anything else before the name: none."""
    if not sentence.lstrip(_LEADING).startswith("The "):
        return
    found = _role_first().match(sentence)
    if found is None or found.end() != first.start:
        return
    if " ".join(found.group("role").lower().split()) in ctx.lex.plural_roles:
        return
    _add_role(first, _role_text(found, ctx.lex))
    rest = found.group("rest")
    if rest:
        _add_orgs_from(first, rest, ctx.any_org.search(rest), ctx)


@cache
def _plural_first() -> re.Pattern[str]:
    """ "The graduating NASA astronauts are …": the sentence opens with "The", maybe an
    organization, a plural role, then "are", "were" or "include"."""
    return patterns.compile(
        rf"[^\w“”\"‘’]*The\s+(?:(?:new|newest|next|current|graduating)\s+)?"
        rf"(?P<lead>(?:[A-Z][\w’'.\-]*\s+){{1,6}}?)??{_modifiers()}(?P<role>{_roles()})"
        rf"\s+(?:are|were|will\s+be|include)\s+"
    )


# Between two items of a copula's list: " of Colorado Springs, Colorado; ", " of Minneapolis; ",
# " of Potomac, Maryland, and ", ", "; a hometown (capitalised words) may follow each name
_TOWN_WORDS = r"[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}"
_HOMETOWN = rf"(?:\s+of\s+{_TOWN_WORDS}(?:,\s+{_TOWN_WORDS})?)?"
_COPULA_GAP = patterns.compile(_HOMETOWN + r"(?:\s*[;,]\s*(?:and\s+)?|,?\s+and\s+)")
_COPULA_END = patterns.compile(_HOMETOWN + r"\s*(?:[.;]|$)")


def _plural_copula(sentence: str, found: list[_Mention], ctx: _Context) -> None:
    """ "The graduating NASA astronauts are Nichole Ayers of Colorado Springs, Colorado; Marcos
    Berríos of Guaynabo, Puerto Rico; … and Jessica Wittner of Clovis, California": a plural role
    the sentence opens with is each listed name's, with the organization before it, when the
    list is names only (each maybe with a hometown) from the verb to the sentence's end or its
    first semicolon after the last name."""
    if not sentence.lstrip(_LEADING).startswith("The "):
        return
    head = _plural_first().match(sentence)
    if head is None or " ".join(head.group("role").lower().split()) not in ctx.lex.plural_roles:
        return
    if head.group("lead") and _lead_org(head, ctx) is None:
        return
    listed = [m for m in found if m.start >= head.end()]
    if len(listed) < 2 or listed[0].run_start != head.end():
        return
    items = [listed[0]]
    for mention in listed[1:]:  # a hometown's words are mentions too: passed over in a gap
        if _COPULA_GAP.fullmatch(sentence, items[-1].end, mention.run_start):
            items.append(mention)
    if len(items) < 2 or not _COPULA_END.match(sentence, items[-1].end):
        return
    if any(m.titled for m in items):
        return  # a title of its own: not surely the list's
    role = _role_text(head, ctx.lex)
    org = _lead_org(head, ctx)
    for mention in items:
        _add_role(mention, role)
        _add_orgs_from(mention, sentence, org, ctx)


_AND_ORG = patterns.compile(r"\s+and\s+(?:the\s+|at\s+(?:the\s+)?)?(?=[A-Z])")


def _fronted_role(sentence: str, found: list[_Mention], ctx: _Context) -> None:
    """A role fronted with "as" belongs to the name right after its comma: "As NOAA
    Administrator, Spinrad is responsible …", "As an astronaut, Richard was …" (not "As NASA
    administrator, it also was under Richard’s leadership"); names inside the fronted phrase
    are not that name ("As a research engineer at Sandia National Laboratories and NASA Ames
    Research Center, Ochoa investigated …")."""
    if not sentence.lstrip(_LEADING).startswith("As ") and ", as " not in sentence:
        return
    fronted = _fronted_as().match(sentence)
    if fronted is None:
        return
    first = next((m for m in found if m.start >= fronted.end()), None)
    if first is None or first.start != fronted.end():
        return
    if fronted.group("lead") and _lead_org(fronted, ctx) is None:
        return
    _add_role(first, _role_text(fronted, ctx.lex))
    _add_orgs_from(first, sentence, _lead_org(fronted, ctx), ctx)
    rest = fronted.group("rest")
    if rest:
        org = ctx.any_org.search(rest)
        _add_orgs_from(first, rest, org, ctx)
        both = _AND_ORG.match(rest, org.end()) if org else None
        if both:  # "As a research engineer at Sandia National Laboratories and NASA Ames …"
            _add_orgs_from(first, rest, ctx.any_org.match(rest, both.end()), ctx)


def _subject_holder(
    sentence: str, found: list[_Mention], topic: tuple[_Mention, str] | None
) -> tuple[_Mention, str, int] | None:
    """The paragraph's topic when "he" or "she" is the sentence's subject (no name before it;
    the pronoun agrees), the pronoun and where it stands: the same pronoun later in the
    sentence is that person too ("Prior to joining the White House, he served as Senior
    Advisor to Chairman Jason Smith …, where he previously held the position of …")."""
    if topic is None:
        return None
    first = _PRONOUN_SUBJECT.search(sentence)
    if first is None or any(m.run_start < first.start() for m in _named(found)):
        return None
    if not _SUBJECT_PLACE.match(sentence[: first.start()]):
        return None
    pronoun = first.group("pronoun").lower()
    if topic[1] and topic[1] != pronoun:
        return None
    return topic[0], pronoun, first.start()


def _pronoun_roles(
    sentence: str, found: list[_Mention], topic: tuple[_Mention, str] | None, ctx: _Context
) -> None:
    """Roles told of "he" or "she": of the one person named before the pronoun in the
    sentence (or whose "who" clause holds it), else of the paragraph's topic (`topic`, see
    _next_topic) when the pronoun is the sentence's subject and no name stands before it:
    "Jordan Cox will serve as … Prior to this role, he worked as Executive Director of
    Political Operations for …" gives Jordan Cox that title."""
    subject = _subject_holder(sentence, found, topic)
    for said in _pronoun_role().finditer(sentence):
        served = ctx.any_org.fullmatch(said.group("served")) if said.group("served") else None
        if said.group("served") and served is None:
            continue  # "he served his country as …": only an organization the story knows
        role = _role_phrase(said.group("role"), ctx)
        org = ctx.any_org.match(said.group("role")) if role is None else None
        if org is not None:  # "He then became the 12th NASA Administrator": NASA's
            # (and "named NASA Stennis associate director": a centre's short name after it)
            after_org = _CAPITALISED_WORDS.sub("", said.group("role")[org.end() :])
            role = _role_phrase(after_org, ctx)
        if role is None:
            continue
        if role.split()[-1] in ctx.lex.cause_roles and _FOR_AFTER.match(sentence, said.end("role")):
            continue  # "He serves as a champion for AI innovation": a cause, no post
        pronoun = (said.group("pronoun") or "").lower()
        if subject is not None and pronoun == subject[1] and said.start() > subject[2]:
            holder: _Mention | None = subject[0]  # "he served as …, where he previously held …"
        else:
            holder = _antecedent(sentence, _named(found), said.start())
        if holder is None and topic is not None and _subject_pronoun(sentence, said, found):
            holder = topic[0] if not topic[1] or not pronoun or topic[1] == pronoun else None
        if holder is None:
            continue
        for named in (org, served):
            if named is not None:
                _add_org(holder, named.group("org"), ctx)
        end, written = said.end("role"), said.group("role")
        while True:
            role, end = _with_portfolio(sentence, role, written, end, ctx)
            if written[:1].isupper() and role.split(" ")[-1] in ctx.lex.office_heads:
                role, end = _served_office(sentence, role, end, ctx)
            _tell_role(holder, role)
            rest = re.match(r"\s+(?:on|of|at|for|with|in)\s+(?:the\s+)?", sentence[end:])
            if rest:
                org = ctx.any_org.match(sentence, end + rest.end())
                _add_orgs_from(holder, sentence, org, ctx)
                if org is not None:
                    end = org.end()
            more = _AND_AS.match(sentence, end)
            words = _PRONOUN_ROLE_WORDS.match(sentence, more.end()) if more else None
            role_found = _role_phrase(words.group("role"), ctx) if words else None
            if words is None or role_found is None:
                break
            role, end, written = role_found, words.end("role"), words.group("role")


def _with_portfolio(
    sentence: str, role: str, written: str, end: int, ctx: _Context
) -> tuple[str, int]:
    """A capitalised title with its portfolio ("Executive Director of Political Operations"),
    and where it ends; the role as it is otherwise."""
    if not written[:1].isupper():
        return _lower_portfolio(sentence, role, end, ctx)
    pattern = (
        _OFFICE_PORTFOLIO if role.split(" ")[-1] in ctx.lex.portfolio_heads else _TITLE_PORTFOLIO
    )
    portfolio = pattern.match(sentence, end)
    if portfolio is None or not _plain_portfolio(portfolio.group("words").split(), ctx):
        return role, end
    words = " ".join(portfolio.group("words").lower().split())
    return f"{role} {portfolio.group('link')} {words}", portfolio.end()


_LOWER_LINK = patterns.compile(r"\s+(?P<link>of|for)\s+(?=[a-z])")
_LOWER_WORD = patterns.compile(r"\s*(?P<word>[a-z][a-z\-]*)")
_CLAUSE_END = patterns.compile(r"\s*(?:[,;:)]|\.(?:\s|$)|$)|\s+and\s+(?P<next>[\w’'\-]+)")
_PORTFOLIO_JOINS = frozenset({"of", "for", "and"})


def _lower_portfolio(sentence: str, role: str, end: int, ctx: _Context) -> tuple[str, int]:
    """A lower-case office of a portfolio head with its portfolio, when the portfolio (at most
    six lower-case words and connectors) ends the clause: "under secretary of commerce for
    oceans and atmosphere, …", "… and NOAA administrator", "minister of health and a doctor";
    the role as it is otherwise ("the secretary of commerce announced")."""
    if role.split(" ")[-1] not in ctx.lex.portfolio_heads:
        return role, end
    link = _LOWER_LINK.match(sentence, end)
    if link is None:
        return role, end
    words: list[str] = []
    at = link.end()
    while len(words) < 6 and (word := _LOWER_WORD.match(sentence, at)):
        text = word.group("word")
        if text in _speech_verbs() or text in ctx.lex.roles:
            break
        if text in ctx.lex.closed_class and text not in _PORTFOLIO_JOINS:
            break
        words.append(text)
        at = word.end()
        if text in _PORTFOLIO_JOINS:
            continue
        closing = _CLAUSE_END.match(sentence, at)
        if closing is None:
            continue
        after = closing.group("next")
        if (
            after is None
            or after[:1].isupper()
            or after in ("the", "a", "an")
            or (after.lower() in ctx.lex.roles)
        ):
            return f"{role} {link.group('link')} {' '.join(words)}", at
    return role, end


def _served_office(sentence: str, role: str, end: int, ctx: _Context) -> tuple[str, int]:
    """A deputy's or assistant's title with the office it serves, written as a title: "Deputy
    to the Associate Director for Legislative Affairs"; the role as it is otherwise."""
    served = _SERVED_OFFICE.match(sentence, end)
    if served is None:
        return role, end
    words = served.group("office").split()
    for size in range(len(words), 0, -1):
        office = _role_phrase(" ".join(words[:size]), ctx)
        if office is None:
            continue
        at = served.start("office") + len(" ".join(words[:size]))
        full, after = _with_portfolio(sentence, office, words[0], at, ctx)
        return f"{role} to the {full}", after
    return role, end


def _subject_pronoun(sentence: str, said: re.Match[str], found: list[_Mention]) -> bool:
    """Whether the pronoun of `said` is its sentence's subject, with no name before it."""
    at = said.start()
    named = _named(found)
    return not any(m.run_start < at for m in named) and bool(_SUBJECT_PLACE.match(sentence[:at]))


def _named(found: list[_Mention]) -> list[_Mention]:
    """The mentions that may name someone: not a lone capitalised word opening the sentence
    with no evidence and no given name ("Prior to this role, he …"; "Bill and I" stays)."""
    return [m for m in found if not (m.initial and len(m.core) == 1 and not m.cued and not m.given)]


_PRONOUN_SUBJECT = patterns.compile(r"(?<![\w’'])(?P<pronoun>[Hh]e|[Ss]he)\b")  # not "t-he"


# A sentence that is only an age, said of the paragraph's subject: "He was 85."
_AGE_SENTENCE = patterns.compile(
    r"^\W*(?:(?P<pronoun>[Hh]e|[Ss]he)|The\s+(?:[A-Z][\w’'-]*\s+){0,3}(?P<noun>[a-z][\w-]*))"
    r"\s+was\s+(?P<age>\d{1,3})(?:\s+years\s+old)?\s*[.!]?\s*$"
)


def _age_sentence(sentence: str, topic: tuple[_Mention, str] | None, ctx: _Context) -> None:
    """ "Leonov, famous for … He was 85.", "… died Sunday. The Seattle native was 91.": a
    sentence that is nothing but "he" or "she" (or "the", maybe capitalised words, and a noun
    of a person: ctx.lex.person_nouns or a role) and an age gives the paragraph's topic (see
    _next_topic; the pronoun agrees) that age."""
    said = _AGE_SENTENCE.match(sentence)
    if said is None or topic is None:
        return
    mention, pronoun = topic
    noun = said.group("noun")
    if noun is not None and noun not in ctx.lex.person_nouns and noun not in ctx.lex.roles:
        return
    if pronoun and said.group("pronoun") and pronoun != said.group("pronoun").lower():
        return
    if mention.age is None:
        mention.age = int(said.group("age"))


_AGED_NOUN = patterns.compile(
    r"(?<![\w’'-])[Tt]he\s+(?P<age>\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)\b"
)


def _aged_noun_death(
    sentence: str, found: list[_Mention], topic: tuple[_Mention, str] | None, ctx: _Context
) -> None:
    """ "Former U.S. astronaut Neil Armstrong … has died. // A family statement said the
    82-year-old icon died Saturday …": "the", an age, a noun of a person (people.yml
    `person_nouns` or a role) and then a death word, in a sentence that names no one, give the
    topic (of this paragraph, or of the one before in its first sentence) that age."""
    if topic is None or found:
        return
    aged = _AGED_NOUN.search(sentence)
    if aged is None:
        return
    noun = aged.group("noun")
    if noun not in ctx.lex.person_nouns and noun not in ctx.lex.roles:
        return
    if _death_words(ctx.lex.death_words).search(sentence, aged.end()) and topic[0].age is None:
        topic[0].age = int(aged.group("age"))


_PRONOUN_OPENING = patterns.compile(r"^\W*(?P<pronoun>[Hh]e|[Ss]he)\s+")


def _death_age(
    sentence: str, found: list[_Mention], topic: tuple[_Mention, str] | None, ctx: _Context
) -> None:
    """ "Dean served as the director … He passed away in Washington on March 22, 2024, at the
    age of 92.": a sentence whose subject is "he" or "she" (agreeing with the paragraph's
    topic, _next_topic), a death word and then an age, with no name before the age, gives the
    topic that age."""
    if topic is None:
        return
    opening = _PRONOUN_OPENING.match(sentence)
    if opening is None or (topic[1] and topic[1] != opening.group("pronoun").lower()):
        return
    death = _death_words(ctx.lex.death_words).search(sentence, opening.end())
    if death is None:
        return
    age = _AGE_LATER.search(sentence, death.end())
    if age is None or any(m.start < age.start() for m in found):
        return
    if topic[0].age is None:
        topic[0].age = int(age.group(1))


# The subject's own title before it, opening the sentence: "Former U.S. astronaut Neil
# Armstrong … has died" (words with no preposition, comma or quotation mark)
_TITLE_BEFORE_SUBJECT = patterns.compile(
    r"(?:(?!(?:on|at|in|into|for|to|with|by|of|from|and|or|said|says|told)\s)[\w.’'\-]+\s+){1,6}"
)


def _next_topic(
    sentence: str,
    found: list[_Mention],
    topic: tuple[_Mention, str] | None,
    surnames: Mapping[str, int] | None = None,
) -> tuple[_Mention, str] | None:
    """The person a paragraph is about after `sentence`, and the pronoun used of them ("" when
    none yet): the sentence's subject when it is a name and every other name in the sentence
    stands after a preposition ("Natalie was the Legislative Director for Senator Bill
    Hagerty"); the same as before when the subject is "he" or "she" (and the pronoun agrees);
    else no one (a quotation, another subject: precision first). A lone surname counts when
    one full name met before ends with it (`surnames`: last word → how many full names)."""
    if sentence.lstrip()[:1] in '“"‘':
        return None
    known = surnames or {}
    found = [  # "House" alone: no one; "Leonov" after "Alexei Leonov": him
        m for m in found if len(m.core) >= 2 or m.cued or known.get(m.core[-1]) == 1
    ]
    if found:
        first = found[0]
        head = sentence[: first.run_start]
        if (
            _SUBJECT_PLACE.match(head)
            or re.fullmatch(r"[^:]{1,80}:\s+", head)
            or (first.titled and _TITLE_BEFORE_SUBJECT.fullmatch(head) is not None)
        ):
            others = [m for m in found[1:] if m.core[-1] != first.core[-1]]
            if all(_AFTER_PREPOSITION.search(sentence[: m.run_start]) for m in others):
                return (first, "")
            return None
    pronoun = None
    for candidate in _PRONOUN_SUBJECT.finditer(sentence):
        if _SUBJECT_PLACE.match(sentence[: candidate.start()]) and not any(
            m.run_start < candidate.start() for m in found
        ):
            pronoun = candidate.group("pronoun").lower()
        break
    if pronoun is None or topic is None:
        return None
    if topic[1] and topic[1] != pronoun:
        return None
    return (topic[0], pronoun)


def _apposed_subject(
    sentence: str, found: list[_Mention], verb: re.Match[str] | None
) -> _Mention | None:
    """The name opening the sentence when its apposition ends right before `verb`: "John
    Young, the only astronaut to fly the Gemini, Apollo and Space Shuttle programmes, died …"
    (names inside the apposition are not the subject)."""
    if verb is None or not found or found[0].start > 3:
        return None
    first = found[0]
    if not sentence.startswith(",", first.end) or not re.search(r",\s*$", sentence[: verb.start()]):
        return None
    return first


def _antecedent(sentence: str, found: list[_Mention], at: int) -> _Mention | None:
    """Whom words at `at` are about: the one person named before them in the sentence, or the
    nearest name before them when they stand in its "who" clause with no name between."""
    before = [m for m in found if m.end <= at and not m.located]  # "at his home in Genesee"
    if not before:
        return None
    nearest = before[-1]
    named = {(m.alias_of or m).core[-1] for m in before}
    if len(named) == 1:
        return nearest
    if nearest.apposed and not re.search(r"[;:]", sentence[nearest.end : at]):
        return nearest
    return None


@cache
def _role_verb(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """ "X, who chairs the …", "X heads the FBI": a verb of holding an office, before "the" or
    a capitalised name (so "heads to Paris" is none)."""
    if not verbs:
        return patterns.compile(r"(?!x)x")
    return patterns.compile(
        r"(?:,\s*who\s+|\s+)(?:(?:now|also|currently|once|later)\s+)?(?P<verb>(?i:"
        + phrase_alternation(verbs)
        + r"))\s+(?:the\s+(?=[\w])|(?=[A-Z]))"
    )


@cache
def _death_words(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return patterns.compile(r"(?!x)x")
    return patterns.compile(r"(?i)(?<![\w’'])(?:" + phrase_alternation(words) + r")(?![\w’'])")


_CREDIT_LABEL = patterns.compile(r"[^\w“\"‘(]*(?P<label>[A-Za-z][A-Za-z ]{0,30}?)\s*:")
_CREDIT_GAP = patterns.compile(r"[\s(]*|\s*(?:[,;&]\s*(?:and\s+)?|and\s+)")


@cache
def _credit_by() -> re.Pattern[str]:
    """A credit label and "by" just before a name: "Photo by", "NASA image by"."""
    labels = phrase_alternation(tuple(sorted(people_lexicon().credit_labels)))
    return patterns.compile(rf"(?i)(?<![\w’'-])(?:{labels})\s+by\s+$")


def _credit_start(sentence: str) -> int | None:
    """Where the names of a credit line begin: after "Image Credit:", "Interviewer:" (people.yml
    `credit_labels`); None when the sentence is no credit line."""
    label = _CREDIT_LABEL.match(sentence)
    if label is None or label.group("label").lower() not in people_lexicon().credit_labels:
        return None
    return label.end()


def _drop_credits(found: list[_Mention], sentence: str, block: str) -> list[_Mention]:
    """Not people of the story: picture credits ("NASA/Kim Shiflett", "Image processing: A/B")
    and a block that is nothing but a name (a contact or byline line)."""
    kept = []
    credited = _credit_start(sentence)
    for mention in found:
        if credited is not None and (
            _CREDIT_GAP.fullmatch(sentence, credited, mention.start)
            or (
                _CREDIT_GAP.fullmatch(sentence, credited, mention.run_start)
                and not sentence[mention.end :].strip(" .,;")  # the line ends with the name
            )
        ):  # "Image Credit: Josh Valcarcel", "Photos: A, B and C", "Credit: Artist Bill Hinsch"
            credited = mention.end
            continue
        if _PHONE_AFTER.match(sentence, mention.end):
            continue  # "comuníquese con Antonia Jaramillo: 321-501-8425": a media contact
        if _FICTIONAL_BEFORE.search(sentence, max(0, mention.run_start - 40), mention.run_start):
            continue  # "the adventures of fictional astronaut Callie Rodriguez": no one real
        if _THING_BEFORE.search(sentence, max(0, mention.run_start - 40), mention.run_start):
            mention.thing = True  # "comedy group Monty Python": a given name is no evidence
        opens = sentence[mention.run_start - 1 : mention.run_start]
        closes = sentence[mention.end : mention.end + 2].lstrip(".,!?")
        if opens in '“"‘' and opens and closes[:1] in '”"’' and closes:
            continue  # a quoted title: the single “My Cherie Amour.”
        if sentence[: mention.run_start].rstrip().endswith("/"):
            continue  # "NASA/Kim Shiflett", "Image Credit: NASA / Josh Valcarcel"
        if _credit_by().search(sentence, max(0, mention.run_start - 40), mention.run_start):
            continue  # "(Official White House Photo by Cameron Smith)"
        if sentence[mention.end :].lstrip().startswith("/"):
            continue
        if block.strip() == sentence[mention.run_start : mention.end]:
            continue
        name = sentence[mention.run_start : mention.end]
        whole = block.strip()
        if whole.endswith(name) and _BYLINE.fullmatch(whole[: -len(name)]):
            continue  # "Story by Alexander Gago"
        if _is_byline(whole, sentence[mention.start : mention.end]):
            continue
        kept.append(mention)
    return kept


def _is_byline(block: str, name: str) -> bool:
    """A block that is a byline: "By Mr. Steven Dinote, U.S. Armed Forces Sports Secretariat"
    (by, a form of address or rank, the name, then at most an affiliation of names)."""
    lead = _BYLINE.match(block)
    if lead is None:
        return False
    at = lead.end()
    for _ in range(3):  # the name may hold its honorific ("Mr. Steven Dinote", "Sgt. Jane Doe")
        if block.startswith(name, at) and _BYLINE_AFTER.fullmatch(block, at + len(name)):
            return True
        title = _BYLINE_TITLE.match(block, at)
        if title is None:
            return False
        at = title.end()
    return False


def _outside_portfolios(found: list[_Mention]) -> list[_Mention]:
    """A title's portfolio in an apposition that would otherwise be read as a name is part of
    the title: "Hugh Stevenson, Deputy Director for International Consumer Protection" holds
    "deputy director for international consumer protection", and "Consumer Protection" is no
    person. A portfolio with no name in it leaves the title as it is ("Associate Administrator
    for Manned Space Flight": associate administrator)."""
    kept = found
    for holder in found:
        if holder.portfolio is None:
            continue
        start, end, short, full = holder.portfolio
        inside = [m for m in kept if m is not holder and start <= m.run_start and m.end <= end]
        if inside:
            kept = [m for m in kept if not any(m is i for i in inside)]
            holder.roles = [full if r == short else r for r in holder.roles]
    return kept


def _link_akas(sentence: str, found: list[_Mention]) -> None:
    """ "Ovidio Guzman Lopez, aka El Raton and Raton Nuevo": the names after "aka" are other
    names of the one before it."""
    for before, mention in pairwise(found):
        gap = sentence[before.end : mention.start]
        if _AKA.fullmatch(gap):
            mention.alias_of = before
        elif before.alias_of is not None and _AKA_MORE.fullmatch(gap):
            mention.alias_of = before.alias_of


_HEADLINE_WORDS = 3


def _is_headline(text: str) -> bool:
    """A block written as a headline: one line of three words or more, no full stop at its end,
    every word of four letters or more capitalised ("Hubble Views a Galaxy with a Voracious
    Black Hole", "IXPE General Observer Program Opens Doors to Global X-ray Astronomy"): the
    headlines of the other stories a page carries, whose capitalised words are no names."""
    line = text.strip()
    if "\n" in line or line.endswith((".", "?", "!", ":", "”", '"')):
        return False
    words = line.split()
    return len(words) >= _HEADLINE_WORDS and title_case(words)


_AND_ONLY = patterns.compile(r"\s+and\s+")


def _share_surname(
    sentence: str, found: list[_Mention], surnames: dict[str, int], ctx: _Context
) -> None:
    """ "The yacht was owned by Jean and Scott Adam": a known given name alone, "and", then a
    full name opening with a known given name: the first shares the surname (Jean Adam). Not
    a place ("Houston and Scott Adam"), a possessive ("Jean’s and …"), or the surname of a
    full name written before ("astronauts Conrad and Alan L. Bean" after "Charles Conrad")."""
    for first, second in pairwise(found):
        if len(first.core) != 1 or len(second.core) < 2 or first.honorific or first.roles:
            continue
        if not (first.given and second.given) or first.tokens != first.core:
            continue
        if first.run_start != first.start or not _AND_ONLY.fullmatch(
            sentence, first.end, second.run_start
        ):
            continue
        if _is_place_word(first.core[0], ctx) or first.core[0].lower() in ctx.lower:
            continue
        if first.core[0] in surnames:
            continue
        surname = second.core[1:]  # past middle names and initials: "Scott C. Adam"
        while len(surname) > 1 and (
            _INITIAL.fullmatch(surname[0]) or surname[0] in ctx.lex.given_names
        ):
            surname = surname[1:]
        first.core = first.core + surname
        first.tokens = first.tokens + surname


def _collect(article: Article, ctx: _Context) -> tuple[list[_Mention], list[str]]:
    """All name mentions in the story, with evidence, and the list of sentences."""
    mentions: list[_Mention] = []
    texts: list[str] = []
    group_number = 0
    surnames: dict[str, int] = {}  # a full name's last word → how many full names end in it
    seen_full: set[tuple[str, str]] = set()  # (first word, last word): "Jane C. Doe" = "Jane Doe"
    topic: tuple[_Mention, str] | None = None
    for block_index, block in enumerate(article.blocks):
        if block.kind == "boilerplate":
            continue
        carried = topic if texts else None  # whom the paragraph before was about, at its end
        headline = _is_headline(block.text)
        topic = None  # whom the paragraph is about (_next_topic)
        previous = ""  # the block's sentence before this one
        for start, end in sentence_spans(block.text):
            sentence = _unbracketed(block.text[start:end])
            key = (block_index, start, len(texts), block.id)
            texts.append(sentence)
            found = _drop_credits(_raw_mentions(sentence, key, ctx), sentence, block.text)
            if headline:
                for mention in found:
                    mention.headline = True
            title = article.title.strip()
            if title and block.text.startswith(title):  # a NASA file's headline line
                for mention in found:
                    mention.in_title = start + mention.end <= len(title)
            _link_akas(sentence, found)
            _share_surname(sentence, found, surnames, ctx)
            groups = _groups(sentence, found)
            for group in groups:
                group_number += 1
                if _is_list(sentence, group) or _name_list(group, ctx):  # not "A, DEA Seattle"
                    for member in group:
                        member.group = group_number
                prior = [m.end for m in found if m.end <= group[0].run_start]
                _prefix_evidence(sentence, group, ctx, max(prior, default=None))
                _things_listed(sentence, group, found, ctx)
                if group[0].plural_role:
                    for other in group[1:]:
                        other.roles.extend(r for r in group[0].roles if r not in other.roles)
                        other.orgs.extend(o for o in group[0].orgs if o not in other.orgs)
            for mention in found:
                _own_evidence(sentence, mention, ctx)
            for group in groups:
                _share_list_org(sentence, group, ctx)
                _kin_list(sentence, group, ctx)
            for before, after in pairwise(groups):
                _share_title_org(sentence, before, after, ctx)
            group_number = _affiliation_lists(sentence, found, group_number, ctx)
            group_number = _semicolon_list(sentence, found, group_number)
            _plural_over_semicolons(sentence, found)
            _plural_over_part_commas(sentence, found, ctx)
            found = _outside_portfolios(found)
            _sentence_evidence(sentence, found, ctx)
            _from_left_list(sentence, previous, found, ctx)
            previous = sentence
            # A paragraph opening with "he" or "she" goes on about whom the one before was about
            # ("Rigby, who was born … // She is an astrophysicist at …")
            _pronoun_roles(sentence, found, topic or carried, ctx)
            _pronoun_titles(sentence, found, topic or carried, ctx)
            _age_sentence(sentence, topic, ctx)
            _death_age(sentence, found, topic, ctx)
            _aged_noun_death(sentence, found, topic or carried, ctx)
            carried = None  # only the paragraph's first sentence may speak of it
            topic = _next_topic(sentence, found, topic, surnames)
            for full in {(m.core[0], m.core[-1]) for m in found if len(m.core) >= 2}:
                surnames[full[-1]] = surnames.get(full[-1], 0) + (full not in seen_full)
                seen_full.add(full)
            for at, group in enumerate(groups):
                shared = group[-1].shared_role
                if shared:  # "Kate Rubins and Andre Douglas are serving as the crewmembers"
                    for other in [*_listed_before(sentence, groups, at, ctx), *group]:
                        _add_role(other, shared)
                if group[0].plural_role and _is_list(sentence, group):
                    # "Trial Attorneys James I. Pearce and Nicole R. Lockhart of the Criminal
                    # Division": the organization after the list is everyone's in it
                    for other in group[:-1]:
                        other.orgs.extend(o for o in group[-1].orgs if o not in other.orgs)
            mentions.extend(
                m
                for m in found
                if not ctx.attributive.match(sentence, m.end)
                and not _shared_head().match(sentence, m.end)
                and not _titles_next(sentence, m, found)
            )
    return mentions, texts


_SPACE_THEN_ROLE = patterns.compile(r"\s+(?=[a-z])")
_SPACE = patterns.compile(r"\s+")


def _titles_next(sentence: str, mention: _Mention, found: list[_Mention]) -> bool:
    """Whether a bare name stands before a lower-case role and the next name ("Cal Poly Pomona
    student Ericka Ontiveros"): it names her school or employer, not a person."""
    if mention.roles or mention.honorific:
        return False
    gap = _SPACE_THEN_ROLE.match(sentence, mention.end)
    if gap is None:
        return False
    role = _role_word().match(sentence, gap.end())
    if role is None or role.start("role") != gap.end():
        return False
    space = _SPACE.match(sentence, role.end())
    return space is not None and any(m.start == space.end() for m in found)


_AND_GAP = re.compile(r"\s*,?\s+and\s+")
_LIST_GOES_ON = patterns.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z]")


_LIST_JOIN = patterns.compile(r",?\s+and\s+|,\s+")
_LIST_GAP_WORD = patterns.compile(r"[A-Z][\w’'.&-]*|[a-z][\w-]*")


def _listed_before(
    sentence: str, groups: list[list[_Mention]], at: int, ctx: _Context
) -> list[_Mention]:
    """The names of the groups that one list joins before groups[at]: "NASA astronauts A and B,
    and United Arab Emirates astronaut C all served as flight engineers" shares the role with
    A and B. Groups are joined by a comma or "and" and, before the next name, only capitalised
    words or role words (its own title); anything else ends the list."""
    joined: list[_Mention] = []
    for before in range(at - 1, -1, -1):
        gap = sentence[groups[before][-1].end : groups[before + 1][0].run_start]
        join = _LIST_JOIN.match(gap)
        words = gap[join.end() if join else 0 :].split()
        if not all(
            _LIST_GAP_WORD.fullmatch(w) and (w[:1].isupper() or w in ctx.lex.roles) for w in words
        ):
            break
        if join is not None:
            joined[:0] = groups[before]
        # no join: the words are part of the next name's title ("United Arab Emirates
        # astronaut"), not a name of the list
    return joined


def _things_listed(
    sentence: str, group: list[_Mention], found: list[_Mention], ctx: _Context
) -> None:
    """A plural role before one name whose list goes on with no other name is a list of things:
    "streaming media players Roku and Apple TV" gives Roku no role."""
    if len(group) != 1 or not group[0].plural_shared:
        return
    mention = group[0]
    more = _LIST_GOES_ON.match(sentence, mention.end)
    if more is None or any(m.start > mention.end for m in found):
        return  # "NASA astronauts Jane Roe and ESA’s Tim Peake": a list of people
    if ctx.any_org.match(sentence, more.end() - 1):
        return  # "Flight Engineers Jasmin Moghbeli, NASA, …": her organization
    mention.roles = [r for r in mention.roles if r not in mention.plural_shared]
    mention.plural_shared, mention.plural_role = (), False
    mention.titled = bool(mention.roles)


_ITEM_OPENS = patterns.compile(r"[;:]\s*(?:and\s+)?$")


def _semicolon_list(sentence: str, found: list[_Mention], group_number: int) -> int:
    """The names that open the items of a list kept apart by semicolons ("visitors from JAXA:
    Dr. A, Vice President of JAXA; B of the ISAS Department; and C, a JAXA engineer") are one
    list: a bare name among them is kept beside people with evidence. → the last group number."""
    if sentence.count(";") < 1:
        return group_number
    openers = [
        m
        for m in found
        if m.group < 0 and _ITEM_OPENS.search(sentence, max(0, m.run_start - 8), m.run_start)
    ]
    if len(openers) < 2 or not any(
        sentence.rfind(";", max(0, m.run_start - 8), m.run_start) >= 0 for m in openers
    ):
        return group_number
    group_number += 1
    for member in openers:
        member.group = group_number
    return group_number


_ITEM_ROLE_END = patterns.compile(r",\s*[^;,“”\"]{1,60};")  # ", commander;"
_NEXT_ITEM = patterns.compile(r";\s*(?:and\s+)?$")


_PART_AFTER = patterns.compile(r",\s*(?P<part>[a-z][a-z\- ]{1,30}?)\s*,\s*(?:and\s+)?")


def _plural_over_part_commas(sentence: str, found: list[_Mention], ctx: _Context) -> None:
    """ "NASA astronauts John W. Young, commander, and Robert L. Crippen, pilot, aboard": a
    plural title before names each followed by its part between commas (a role word) is every
    such name's, with its organization."""
    for at, first in enumerate(found):
        if not first.plural_shared:
            continue
        previous = first
        for item in found[at + 1 :]:
            gap = _PART_AFTER.fullmatch(sentence, previous.end, item.run_start)
            if gap is None or gap.group("part") not in ctx.lex.roles or item.titled:
                break
            item.roles[:0] = [r for r in first.plural_shared if r not in item.roles]
            item.orgs.extend(o for o in first.run_orgs or first.orgs if o not in item.orgs)
            previous = item
        return


def _plural_over_semicolons(sentence: str, found: list[_Mention]) -> None:
    """ "NASA astronauts Matthew Dominick, commander; Michael Barratt, pilot; and Jeanette Epps,
    mission specialist; as well as Roscosmos cosmonaut …": a plural title before a list whose
    items are kept apart by semicolons, each a name and its part, is every item's (with its
    organization), up to an item with a title of its own or after "as well as"."""
    for at, first in enumerate(found):
        if not first.plural_shared or not _ITEM_ROLE_END.match(sentence, first.end):
            continue
        for item in found[at + 1 :]:
            if item.titled or not _NEXT_ITEM.search(sentence, 0, item.run_start):
                break
            item.roles[:0] = [r for r in first.plural_shared if r not in item.roles]
            item.orgs.extend(o for o in first.run_orgs or first.orgs if o not in item.orgs)
            if not _ITEM_ROLE_END.match(sentence, item.end):
                break
        return


def _share_title_org(
    sentence: str, before: list[_Mention], after: list[_Mention], ctx: _Context
) -> None:
    """ "FTC Chairwoman Edith Ramirez and Commissioners Julie Brill, Maureen K. Ohlhausen and
    Joshua D. Wright": a plural title right after "and" and a name whose own title names an
    organization holds that organization too (for everyone it is shared by); so does a title
    of the same office ("… and Deputy Administrator Pam Melroy")."""
    last, first = before[-1], after[0]
    if not last.run_orgs or first.run_orgs:
        return
    if _AND_GAP.fullmatch(sentence, last.end, first.run_start) is None:
        return
    if not first.plural_role:
        # "NASA Administrator Bill Nelson and Deputy Administrator Pam Melroy": a title of the
        # same office after "and" is held in the same organization
        # same office, another rank of it; not "NASA Flight Engineer A and Russian Flight
        # Engineer B" (the same title, qualified apart)
        own = last.roles[: last.run_roles]
        role = first.roles[first.run_roles - 1] if first.run_roles else ""
        qualified = any(
            w.lower() in ctx.lex.nationalities
            for w in sentence[first.run_start : first.start].split()
        )
        heads = {r.split()[-1] for r in own}
        if role and role not in own and role.split()[-1] in heads and not qualified:
            first.orgs.extend(o for o in last.run_orgs if o not in first.orgs)
        return
    for member in after:
        if member.plural_shared == first.plural_shared:
            for org in last.run_orgs:
                if org not in member.orgs:
                    member.orgs.append(org)


def _name_list(group: list[_Mention], ctx: _Context) -> bool:
    """A list with commas only (a caption's "left to right: Ben Easter, Dan Buckland, …"): three
    full names or more, three quarters of them opening with a known given name."""
    if len(group) < 3 or any(len(m.core) < 2 for m in group):
        return False
    given = sum(1 for m in group if m.given)
    return 4 * given >= 3 * len(group)


def _kin_list(sentence: str, group: list[_Mention], ctx: _Context) -> None:
    """ "We are deeply mourning our dear friends Rick, Willie, Mike, Kalpana, Ilan, Laurel, and
    Dave": a list of single names after words of kinship or friendship is a list of people when
    two thirds of them (and at least two) are known given names."""
    if not group[0].kin or not _is_list(sentence, group):
        return
    if any(len(m.core) != 1 or m.lower for m in group):
        return
    given = sum(1 for m in group if m.core[0] in ctx.lex.given_names)
    if given < 2 or 3 * given < 2 * len(group):
        return
    for member in group:
        member.kin_listed = True


def _share_list_org(sentence: str, group: list[_Mention], ctx: _Context) -> None:
    """ "Soyuz crew members Mark Vande Hei and Joe Acaba of NASA": the organization after the
    last name of a list closed by "and" is everyone's in it, when no one before has an
    organization of their own and all share their roles or have none ("President Biden and
    Bill Nelson of NASA": Nelson's alone)."""
    last = group[-1]
    if last.of_org is None or not _is_list(sentence, group):
        return
    earlier = group[:-1]
    if any(m.orgs for m in earlier):
        return
    if not all(m.roles == last.roles for m in earlier) and any(m.roles for m in earlier):
        return
    for member in earlier:
        for form in last.member_of or (last.of_org,):
            _add_org(member, form, ctx)


# Between two names of a list of affiliations: " of NASA, ", " of the Japan Aerospace
# Exploration Agency (JAXA) and "
_AFFILIATION_GAP = patterns.compile(r"\s*(?:\([^()]{1,60}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)")


def _affiliation_lists(
    sentence: str, found: list[_Mention], group_number: int, ctx: _Context
) -> int:
    """ "Kjell Lindgren of NASA, Oleg Kononenko of the Russian Federal Space Agency (Roscosmos)
    and Kimiya Yui of the Japan Aerospace Exploration Agency (JAXA)": names each followed by
    their organization form one list (a bare name in it is kept with the others, see
    _build_people); → the last group number used."""
    chain: list[_Mention] = []
    for before, mention in pairwise(found):
        gap = sentence[before.end : mention.start]
        of_org = ctx.of_org.match(gap)  # anchored at its start ("^"): matched on the slice
        linked = (
            of_org is not None
            and of_org.group("prep") in ("of", "from")
            and mention.of_org is not None
            and _AFFILIATION_GAP.fullmatch(gap, of_org.end()) is not None
        )
        if linked:
            chain = chain or [before]
            chain.append(mention)
            continue
        group_number = _number_chain(chain, group_number)
        chain = []
    return _number_chain(chain, group_number)


def _number_chain(chain: list[_Mention], group_number: int) -> int:
    """Number a list of names and their organizations; a plural title before its first name is
    everyone's in it ("Flight Engineers Sergey Ryazanskiy of Roscosmos and Paolo Nespoli of
    ESA": both flight engineers)."""
    if len(chain) < 2:
        return group_number
    for member in chain[1:]:
        if chain[0].plural_shared and not member.roles:
            for role in chain[0].plural_shared:
                _add_role(member, role)
    if any(m.group >= 0 for m in chain):
        return group_number
    group_number += 1
    for member in chain:
        member.group = group_number
    return group_number


@cache
def _bracketed_given() -> re.Pattern[str]:
    honorifics = phrase_alternation(people_lexicon().honorifics)
    return patterns.compile(
        rf"(?<![\w’'-])(?P<rank>(?:{honorifics})\.\s+)\((?P<given>[A-Z][a-z][\w’'-]*)\)(?=\s+[A-Z])"
    )


def _unbracketed(sentence: str) -> str:
    """A given name an editor put in brackets after a rank ("Maj. Gen. (Richard) Cripwell", in
    a quotation that said only the rank and surname) is read as part of the name: the brackets
    become spaces (same length, so every offset holds)."""
    if "(" not in sentence:
        return sentence
    return _bracketed_given().sub(lambda m: f"{m.group('rank')} {m.group('given')} ", sentence)


# --- people ---------------------------------------------------------------------------------


def _same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """'Vande Hei' ⊂ 'Mark Vande Hei'; 'Tracy Dyson' ~ 'Tracy C. Dyson' (cores compared); a
    given name's nickname is that name ('Mike Brown' ~ 'Michael R. Brown': data/nicknames.txt);
    a name written in capitals is the same name ('Kevin Dickens' ~ 'KEVIN W. DICKENS')."""
    short, full = _uncapitalised(short), _uncapitalised(full)
    if short == full[len(full) - len(short) :]:
        return True
    if short[-1] != full[-1]:
        return False
    return short[0] == full[0] or (
        len(short) == 2 and len(full) >= 2 and is_nickname_of(short[0], full[0])
    )


def _uncapitalised(core: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words as written in mixed case: "KEVIN W. DICKENS" → Kevin W. Dickens."""
    return tuple(w.title() if len(w) > 1 and w.isalpha() and w.isupper() else w for w in core)


def _cluster_full(
    mentions: list[_Mention], people: list[_Person], by_surname: dict[str, list[_Person]]
) -> None:
    """People from names of two or more words; the fullest form is met first, a middle name
    written out before its initial ("Carolyn Ringer Lepre" names "Dr. Carolyn R. Lepre")."""

    def fullness(m: _Mention) -> tuple[int, int, int, tuple[int, int]]:
        initials = sum(1 for t in m.core if _INITIAL.fullmatch(t))
        return (-len(m.core), -len(m.tokens), initials, m.order)

    for mention in sorted(mentions, key=fullness):
        if not _attach(mention, by_surname):
            person = _Person(mention.tokens, mention.core, [mention])
            people.append(person)
            for surname in _surname_keys(mention.core[-1]):
                by_surname.setdefault(surname, []).append(person)


def _surname_keys(surname: str) -> tuple[str, ...]:
    """The surname, and without a particle joined by a hyphen: "Abadi" refers to Haider
    al-Abadi as "Sisi" to Abdel Fattah el-Sisi."""
    if len(surname) > 1 and surname.isalpha() and surname.isupper():
        return (surname, surname.title())  # "DICKENS" is Dickens too
    head, dash, rest = surname.partition("-")
    if dash and rest[:1].isupper() and head in people_lexicon().particles:
        return (surname, rest)
    return (surname,)


def _attach(mention: _Mention, by_surname: dict[str, list[_Person]]) -> bool:
    """Add a name of two or more words to a known person it fits; → whether it did."""
    owners: list[_Person] = []
    for key in _surname_keys(mention.core[-1]):  # "DICKENS" is Dickens's too
        owners.extend(p for p in by_surname.get(key, []) if not any(p is o for o in owners))
    for person in owners:  # both rules need the same surname
        if _same_person(mention.core, person.core) or mention.core == _nickname_core(
            person.tokens, person.core
        ):  # "Drew Dziedzic" after Andrew (Drew) Dziedzic
            if len(mention.core) > len(person.core) or (
                len(mention.core) == len(person.core) == 2
                and (mention.core[0].lower(), person.core[0].lower()) in nickname_pairs()
                and len(mention.core[0]) > len(person.core[0])
            ):  # the fullest form names the person: "Wesley Faler" after "Wes Faler"
                person.tokens, person.core = mention.tokens, mention.core
            person.mentions.append(mention)
            return True
        if _nickname_core(mention.tokens, mention.core) == person.core:
            person.tokens, person.core = mention.tokens, mention.core  # the full name
            person.mentions.append(mention)
            return True
    return False


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one inserted, dropped, replaced or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def _merge_misspelt(people: list[_Person], by_surname: dict[str, list[_Person]]) -> None:
    """One person whose surname the source spells two ways: "senior Claudia Kahana" in a
    caption, "said University High senior Claudia Kahanka" in the story. Only a name of two
    words, the same given name, surnames of five letters or more one letter apart with the same
    first letter, and no other person of that given name: the first form met names the person."""
    for later in sorted(people, key=lambda p: min(m.order for m in p.mentions)):
        if len(later.core) != 2 or len(later.core[1]) < 5:
            continue
        same_given = [p for p in people if p is not later and p.core[0] == later.core[0]]
        if len(same_given) != 1:
            continue
        first = same_given[0]
        if (
            len(first.core) != 2
            or first.core[1][0] != later.core[1][0]
            or not _one_edit_apart(first.core[1], later.core[1])
            or min(m.order for m in first.mentions) > min(m.order for m in later.mentions)
        ):
            continue
        first.mentions.extend(later.mentions)
        people.remove(later)
        owners = by_surname[later.core[1]]
        owners.remove(later)
        if first not in owners:
            owners.append(first)


def _without_first_word(mention: _Mention) -> _Mention:
    """ "Later Gromov" → "Gromov": a capitalised common word that starts a sentence."""
    start = mention.start + len(mention.tokens[0]) + 1
    order = (mention.order[0], mention.order[1] + start - mention.start)
    return replace(
        mention,
        tokens=mention.tokens[1:],
        core=mention.core[1:],
        start=start,
        order=order,
        initial=False,
    )


def _resolve_short(mention: _Mention, owners: list[_Person]) -> _Person | None:
    """The person a one-word mention refers to: the surname's owner; if several, the one its title
    names already, else the latest named before it."""
    if len(owners) <= 1:
        return owners[0] if owners else None
    if mention.roles:  # "President Biden" after President Joe Biden and First Lady Jill Biden
        titled = [p for p in owners if any(set(m.roles) & set(mention.roles) for m in p.mentions)]
        if len(titled) == 1:
            return titled[0]
    earlier = [
        (max(m.order for m in p.mentions if m.order < mention.order), p)
        for p in owners
        if any(m.order < mention.order for m in p.mentions)
    ]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else owners[0]


def _evident(person: _Person, lex: PeopleLexicon) -> bool:
    """Precision first: a person needs evidence. A role, honorific, organization, age, speech
    verb or apposition at some mention; a later, shorter reference ("Doe" after "Jane Doe");
    or, for a name none of whose words the article writes in lower case, a first word known
    as a given name (data/given_names.txt), unless it stands where places do ("at Lewis
    Field"). A name written after "the" at every mention (or where places are), with no cue,
    is no person's."""
    # Named only in headlines: a title there or the capitalised words are no evidence ("Artemis
    # Student Challenges", "Hubble Views a Galaxy"); an honorific is, and a known given name
    # opening a full name.
    headlines = all(m.headline for m in person.mentions)
    if headlines and len(person.core) < 2:
        return False
    if headlines and any(m.honorific for m in person.mentions):
        return True  # "Ocean Worlds Planetary Scientist Dr. Lynnae Quick"
    # "its Pilot Breathing Assessment team": words the article writes in lower case, a title
    full = [m for m in person.mentions if len(m.core) >= 2]
    if full and all(m.common for m in full) and not any(m.honorific for m in person.mentions):
        return False
    if not headlines and any(m.cued or m.kin_listed for m in person.mentions):
        return True
    if any(m.determined for m in person.mentions) and all(
        m.determined or m.located for m in person.mentions
    ):  # "the Cleveland Monsters" … "The Monsters" … "in Cleveland": a team and a city
        return False
    if not headlines and any(m.alias_of or _refers(m, person, lex) for m in person.mentions):
        return True
    first = person.core[0]
    return (
        (is_given(first, lex) or (first.isupper() and is_given(first.title(), lex)))
        and first not in lex.given_name_exclusions
        and not any(m.lower or m.thing for m in person.mentions)
        and not all(m.located for m in person.mentions)
        and not all(m.owns_org for m in person.mentions)
    )


def _refers(mention: _Mention, person: _Person, lex: PeopleLexicon) -> bool:
    """Whether a shorter mention refers to the person as a later reference does: by the
    surname ("Minear" of "J. Toby Minear", "Al Mansoori"), or by a first word that is a known
    given name or a surname written first ("Wang" of "Wang Yaping"). A first word of another
    kind is the name of a thing again ("Hubble" of "Hubble Views", "Telesat" of "Telesat
    Lightspeed")."""
    size = len(mention.core)
    if size >= len(person.core) or mention.after_number:
        return False  # … nor a product's designation after its number ("Gemini 1.5 Pro")
    if tuple(mention.core) == tuple(person.core[-size:]):
        return True
    first = mention.core[0]
    return is_given(first, lex) or first in lex.surnames_first


def _by_first_name(people: list[_Person]) -> dict[str, _Person | None]:
    """Given (or middle) name → the one person of two or more words who has it, None when
    several do ("Richard" for Richard Truly; "Gertz" for Alejandro Gertz Manero)."""
    owners: dict[str, _Person | None] = {}
    for person in people:
        for token in set(person.core[:-1]):
            owners[token] = person if token not in owners else None
    return owners


def _headline_verbs_cut(mentions: list[_Mention]) -> list[_Mention]:
    """A headline's title case runs a verb into a name the story writes without it: "NASA
    Astronauts Jasmin Moghbeli and Loral O’Hara Read “First Woman”" names Loral O’Hara (the
    caption's "Loral O’Hara pose"), not "Loral O’Hara Read"."""
    written = {m.core for m in mentions if not (m.headline or m.in_title)}
    cut: list[_Mention] = []
    for m in mentions:
        if (
            (m.headline or m.in_title)
            and len(m.core) >= 3
            and m.core not in written
            and m.core[:-1] in written
        ):
            last = m.tokens[-1]
            m = replace(m, tokens=m.tokens[:-1], core=m.core[:-1], end=m.end - len(last) - 1)
        cut.append(m)
    return cut


def _build_people(
    mentions: list[_Mention], lex: PeopleLexicon, lower: frozenset[str]
) -> list[_Person]:
    akas = [m for m in mentions if m.alias_of is not None]
    mentions = _headline_verbs_cut([m for m in mentions if m.alias_of is None])
    full = [m for m in mentions if len(m.core) >= 2 and (m.cued or not m.lower)]
    short = [m for m in mentions if len(m.core) == 1]
    people: list[_Person] = []
    by_surname: dict[str, list[_Person]] = {}
    _cluster_full([m for m in full if m.cued or not m.initial], people, by_surname)
    _merge_misspelt(people, by_surname)
    # A bare name starting a sentence may begin with a common word ("Later Gromov slept"):
    # fullest first, each joins a known person, or without its first word names one, or is new.
    unsure = [m for m in full if m.initial and not m.cued]
    for mention in sorted(unsure, key=lambda m: (-len(m.core), m.order)):
        if _attach(mention, by_surname):
            continue
        rest = _without_first_word(mention)
        common = mention.core[0] not in lex.given_names or mention.core[0].lower() in lower
        if common and len(rest.core) == 1 and by_surname.get(rest.core[0]):
            short.append(rest)
        elif not (common and len(rest.core) > 1 and _attach(rest, by_surname)):
            _cluster_full([mention], people, by_surname)
    by_given = _by_first_name(people)
    for mention in sorted(short, key=lambda m: m.order):
        token = mention.core[0]
        owner = _resolve_short(mention, by_surname.get(token, []))
        if owner is None and not mention.lower:  # "Richard" for Richard Truly
            owner = by_given.get(token)
        if owner is not None:
            owner.mentions.append(mention)
        elif (
            mention.honorific
            or (
                mention.titled
                and (not mention.adjective_title or mention.cued)
                and not _verb_form(token, lex)
                and token not in lex.demonyms  # "senior Mexican government officials"
            )
            or mention.kin_listed
            or _alone_with_i(mention, lex)
        ) and not mention.lower:
            owner = _Person(mention.tokens, mention.core, [mention])  # "Mr Smith", known by no more
            people.append(owner)
            by_surname[token] = [owner]
    owner_of = {id(m): p for p in people for m in p.mentions}
    for mention in akas:
        person = owner_of.get(id(mention.alias_of))
        if person is not None:
            person.mentions.append(mention)
    evident = [p for p in people if _evident(p, lex)]
    # A bare name in one list with a person who has evidence: "along with Zambada Garcia and
    # Damaso Lopez Nunez".
    groups = {m.group for p in evident for m in p.mentions if m.group >= 0}
    kept = {id(p) for p in evident}
    people = [
        p
        for p in people
        if id(p) in kept
        or (
            len(p.core) >= 2
            and not any(m.lower for m in p.mentions)
            and any(m.group in groups and m.group >= 0 for m in p.mentions)
        )
    ]
    for each in people:
        each.mentions.sort(key=lambda m: m.order)
    return sorted(people, key=lambda p: p.mentions[0].order)


def _verb_form(token: str, lex: PeopleLexicon) -> bool:
    """A headline's verb after a title, no surname: "Former NSA Senior Executive Indicted in
    Maryland" (a word ending in "-ed" that is no known given name)."""
    return len(token) > 4 and token.endswith("ed") and not is_given(token, lex)


def _alone_with_i(mention: _Mention, lex: PeopleLexicon) -> bool:
    """ "Jill and I": a given name the writer pairs with themself; "his beloved Billye"."""
    return (mention.with_i or mention.kin) and mention.core[0] in lex.given_names


# --- parts ----------------------------------------------------------------------------------


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return patterns.compile(r"(?<!\w)(?:" + phrase_alternation(cues) + r")(?!\w)", re.IGNORECASE)


def _assign_parts(people: list[_Person], sentences: list[str], lex: PeopleLexicon) -> None:
    """Parts from cue phrases; earlier cue lists in the data win over later ones."""
    cue_ends: dict[int, list[int | None]] = {}  # sentence → per part, end of its first cue
    found = False
    for person in people:
        ranks: list[tuple[int, int]] = []  # (rank of the part, sentence that gave it)
        for mention in person.mentions:
            if mention.sentence not in cue_ends:
                cue_ends[mention.sentence] = _first_cue_ends(sentences[mention.sentence], lex)
            for rank, end in enumerate(cue_ends[mention.sentence]):
                scope = lex.parts[rank].scope
                if end is not None and (scope == "sentence" or end <= mention.start):
                    ranks.append((rank, mention.sentence))
                    break
        if ranks:
            rank, sentence = min(ranks)
            person.part = _part_label(lex.parts[rank], sentences[sentence], lex.crafts)
            found = True
    if found:
        _assign_not_aboard(people, lex)


def _part_label(part: PartCue, sentence: str, crafts: tuple[str, ...]) -> str:
    """The part's label, naming the spacecraft only when the sentence itself names one."""
    if "{craft}" not in part.label:
        return part.label
    for craft in crafts:
        if re.search(rf"(?<!\w){re.escape(craft)}(?!\w)", sentence):
            return part.label.replace("{craft}", craft)
    return part.fallback


def _first_cue_ends(sentence: str, lex: PeopleLexicon) -> list[int | None]:
    ends: list[int | None] = []
    for part in lex.parts:
        match = _cue_pattern(part.cues).search(sentence)
        ends.append(match.end() if match else None)
    return ends


def _assign_not_aboard(people: list[_Person], lex: PeopleLexicon) -> None:
    """Officials and film people with no cue of their own, in a story of crews, stay home."""
    for person in people:
        roles = {role for m in person.mentions for role in m.roles}
        if person.part is None and roles and not roles & lex.flying_roles:
            person.part = lex.not_aboard


# --- output ---------------------------------------------------------------------------------


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _without_short_forms(mentions: list[_Mention]) -> tuple[str, ...]:
    """The person's roles, less the title of a surname-only mention ("Secretary Mattis", "Judge
    Berrigan") that another mention gives in full ("Secretary of Defense James N. Mattis",
    "U. S. District Judge Helen G. Berrigan"), unless a full-name mention has it too."""
    roles = _unique([r for m in mentions for r in m.roles])
    longest = max((m.core for m in mentions), key=len, default=())
    # a mention without the given name is a surname-only one ("Le Drian" of Jean-Yves Le Drian)
    short_forms = [m for m in mentions if len(m.core) == 1 or longest[0] not in m.core]
    # (a role told of a surname by "she" is no title written with it: "Ochoa … she served …,
    # including the 11th director of …" beside "former center director")
    short = {r for m in short_forms for r in m.roles if r not in m.told}
    short_ids = {id(m) for m in short_forms}
    full = {r for m in mentions if id(m) not in short_ids for r in m.roles}
    return tuple(
        r
        for r in roles
        if r not in short
        or r in full
        or not any(
            o.startswith(f"{r} {w} ") or o.endswith(f" {r}")
            for o in roles
            for w in ("of", "for", "to")
        )
    )


def _to_person(person: _Person, known_orgs: set[str], person_id: str) -> Person:
    mentions = person.mentions
    ages = [m.age for m in mentions if m.age is not None]
    nicknames = [t.strip(_QUOTES + "”’()") for t in person.tokens if _is_nickname(t)]
    return Person(
        id=person_id,
        name=person.name,
        aliases=_unique([m.form for m in mentions if m.form != person.name]),
        roles=_without_short_forms(mentions),
        age=ages[0] if ages else None,
        organizations=_unique([o for m in mentions for o in m.orgs if o in known_orgs]),
        blocks=_unique([m.block for m in mentions]),
        part=person.part,
        nickname=nicknames[0] if nicknames else None,
    )


def _ids(people: list[_Person]) -> list[str]:
    """Ids from the names (name_id), made distinct in order of first mention."""
    taken: set[str] = set()
    ids: list[str] = []
    for person in people:
        base = name_id(person.name)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


def find_people(article: Article, organizations: tuple[Organization, ...]) -> tuple[Person, ...]:
    """Every named person of the story, in order of first mention."""
    ctx = _context(article, organizations)
    ctx = replace(ctx, teams=_teams(article, ctx))
    mentions, sentences = _collect(article, ctx)
    people = _build_people(mentions, ctx.lex, ctx.lower)
    _assign_parts(people, sentences, ctx.lex)
    known = {org.id for org in organizations}
    return tuple(_to_person(p, known, pid) for p, pid in zip(people, _ids(people), strict=True))
