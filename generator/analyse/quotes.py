"""Direct quotations and their speakers, by rules over the words in generator/data/speech.yml.

A *voice* is a quotation someone says, writes, tells, radios or posts. A quoted term or title with
no speech ("the so-called “space race”", a film “Challenge”, a nickname Arthur “Jack” Doe) is not
one and is left out. Precision first: a speaker is given only on evidence, otherwise None.

Quotation marks: curly “…” and straight "…" (a straight mark opens when no quotation is open and
closes otherwise). Apostrophes (’ ') are never quotation marks. A quotation is bounded by its
paragraph. One left open at the end of a paragraph runs on only when the next paragraph opens with
a quotation mark (the newspaper convention); otherwise it is kept only when a reporting verb
introduces it ("said: “…"), and else the mark is a stray one and quotes nothing.

Who spoke a quotation, first rule that applies:
1. After it, in the same sentence, a reporting verb: “…,” Peresild said / “…,” said NASA
   Administrator Bill Nelson / “…,” he said / “…,” the agency said (a voice, speaker unknown).
2. Before it, in the same sentence, a reporting verb with no one else named in between:
   Shipenko, 38, …, said: “…” / Peresild said the training had been “…”, adding: “…”.
   Speech told with no reporting verb counts as one: "he sent the historic message: “…”"
   (`speech_nouns`), "Obama, in a statement Saturday, called Armstrong “…”" (`speech_sources`).
3. It continues a quotation left open in the previous paragraph → that quotation's speaker.
4. It opens a sentence and the sentence before (in this paragraph, or the last one of the
   previous paragraph when it opens this one) ends with one speaker's speech, no one else named
   after it → that speaker ("“…,” Liman said. “…”").
5. Otherwise None: the article does not say.

A reporting verb's subject is the nearest person (or he/she) before it in its sentence that is
not an object (after a preposition, "praising Shipenko") nor a possessive ("Smith’s lawyer
said"), with only a few words or a comma-enclosed apposition between ("Shipenko, 38, who …,
said"); failing that, for some verbs, a person right after it ("said Phil McAlister"). Names are
matched only outside quotation marks, against the names and aliases of the `people` given (plus
a person's surname when no one else shares it), and "the <role>" for the one person who holds
that role ("the defense secretary said"), unless the sentence names that person too ("the lawyer
told Smith") or words after it make it someone else ("the judge in that case").

Pronouns (he/she) resolve to the most recent speaker — the subject of the last reporting verb
with a named person — when no one else is named after that speaker's sentence, or the speaker
is named again, as a subject, after the one who was; with no speaker in play, a he/she is the
one person its paragraph names before it as a sentence's subject (no pronoun of the other
gender before it, no one else named in the paragraph before). Otherwise the pronoun stays
unresolved (None) rather than guessing. A quotation in single marks inside a voice, introduced
by a named person's reporting verb ("Kraft said, 'The conductor …'"), is that person's voice too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from ..model import Article, Block, Person, Quote
from . import patterns
from .lexicon import people_lexicon, pronoun_of
from .sentences import load_data, sentence_bounds, sentence_starts, str_list
from .text import title_case

_PRONOUN = "\x00pronoun"  # a subject that is a singular pronoun, resolved later
_MARK = patterns.compile(r"[“”\"]")
_STRAIGHT_QUOTE = '"'
_OPENING = '“"'
_AFTER_WINDOW = (
    80  # chars between a closing mark and its reporting verb: "” said NASA Administrator"
)
_BEFORE_WINDOW = 400  # chars of a sentence searched before an opening mark
_APPOSITION_MAX = 250  # chars of a comma-enclosed apposition between a speaker and the verb
# Between an inverted verb and its speaker: a few words of role, maybe as an apposition —
# "said NASA Administrator ", "said JADE scientist ", "said Ingenuity’s project manager, ".
_INVERTED_GAP = patterns.compile(
    r"\s*,?\s*(?:[\w.’'&-]+\s+){0,8}?"
    r"(?:[\w.’'&-]+,\s+(?!(?:and|or|but|while)\s)(?:[\w.’'&-]+\s+){0,3})?"
)  # "said head coach, Tech. Sgt. "
_COMMA_BEFORE = patterns.compile(r",\s+$")  # "…, saying": a participle after a comma
_POSSESSIVE_ROLE = patterns.compile(r"[’']s?(?:\s+[a-z][\w’'.-]*){1,4},\s+")  # "’s lawyer, "
_RELATIVE = patterns.compile(r"(?<![\w’'-])(?:who|whom|whose|that|which)(?![\w’'-])")
_DASH_GAP = patterns.compile(r"\s*[—–]\s*")  # “…” — Smith said — “and …”
_AFTER_CLOSING = patterns.compile(r"[”\"][,?!]?\s+$")  # a closing mark right before a verb
_CLAUSE_AFTER = patterns.compile(r",?\s*(?:and|but|while|as|then)\s")
_AND_NAME = patterns.compile(r",?\s+(?:and|or|&)\s+")  # "Smith and Jones", "Smith, and Jones"
# "NASA and Smith said": a capitalised word (a name the index may not know) and "and" before a
# mention make two subjects; not after a comma ("… in Tokyo, and Smith said": a new clause)
_CAPITAL_AND = patterns.compile(r"(?<![\w’'.&-])[A-Z][\w’'&-]*\s+(?:and|&)\s+$")
_CAPITAL_WORD_END = patterns.compile(r"(?<![\w’'.&-])[A-Z][\w.’'&-]*\s+$")
_INITIALS = patterns.compile(r"(?:[A-Z]\.)+")
# "said Smith and Jones", "said Smith and Prime Minister Jones": two speakers, not one
_AND_ANOTHER = patterns.compile(r",?\s+(?:and|or|&)\s+[A-Z]")
_POSSESSIVE_AFTER = patterns.compile(r"[’']s\b|[’'](?=\s)")
_WORD_END = patterns.compile(r"[\w’'-]+$")
_OBJECT_FORM = patterns.compile(r"[a-z][a-z-]{2,}(?:ing|ed)")  # "praising", "accused"
_SENTENCE_END = patterns.compile(r"[.!?…]$")
_TOKEN = patterns.compile(r"[\w’'-]+")
_GAP_PUNCTUATION = patterns.compile(r"[\w’'\s,-]*")  # words and commas only
_NEW_CLAUSE = patterns.compile(r"[;—–]|,\s+(?:but|while|whereas|although|though|yet|and|or)\s")
_IS = patterns.compile(r"\s+(?:was|is)\s")  # "Ferguson was the commander": who the person is
# "… who kept going was Staff Sgt. Alicia Salas": the person named after was/is and a title
_IS_BEFORE = patterns.compile(r"(?<![\w’'-])(?:was|is)\s+(?:[A-Z][\w’'-]*\.?\s+){0,3}$")
_NICKNAME = patterns.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}")


@dataclass(frozen=True)
class _Span:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (block end when left open)
    text_start: int
    text_end: int
    closed: bool
    continued: bool = False  # continues a quotation left open in the previous paragraph
    runs_on: bool = False  # left open, and the next paragraph goes on with it


@dataclass(frozen=True)
class BlockSpeech:
    """What the rules found in one block; themes use the flags to carry themes over."""

    block: str
    quotes: tuple[Quote, ...]
    narrative: str  # the block's text with quoted words replaced by x (offsets unchanged)
    continues_previous: bool  # opens by continuing a quotation left open before it
    pronoun_led: bool  # its first speech has a he/she subject and no person is named before it
    left_open: bool  # its last quotation runs on into the next paragraph


@dataclass(frozen=True)
class _Subject:
    start: int
    end: int
    person: str  # person id, or _PRONOUN
    object: bool = False  # after a preposition or an -ing/-ed word: not a subject
    possessive: bool = False  # "Smith’s lawyer": Smith is not the one who speaks


@dataclass(frozen=True)
class _Words:
    verbs: re.Pattern[str]
    inverted: frozenset[str]
    inverted_after_quote: frozenset[str]  # “…?” asked Jones (only right after the mark)
    after_only: frozenset[str]
    not_speech: re.Pattern[str] | None
    pronouns: re.Pattern[str]
    prepositions: frozenset[str]
    gap_words: frozenset[str]
    passive: frozenset[str]
    term_cue: re.Pattern[str] | None
    verb_set: frozenset[str]  # the reporting verbs, lower case, one space between words
    longest_verb: int  # in words
    statement: re.Pattern[str] | None  # a headline's "Statement from", "Remarks by"
    restrictive: frozenset[str]  # after "the judge": someone else ("the judge in that case")
    scare_determiners: re.Pattern[str]  # "an “agency-only” broker": a determiner before a term
    fragment_lead: re.Pattern[str]  # "of a “gang of traitors.”": a word before a narrative phrase
    fragment_leads: frozenset[str]  # those words ("a", "the", "to")
    name_before: re.Pattern[str]  # "The USGS ": a determiner and capitalised words before a name
    name_nouns: frozenset[str]  # "“Did you feel it?” website": a noun a quoted name qualifies
    noun_intro: re.Pattern[str]  # "sent the historic message: “": speech told by a noun
    source_intro: re.Pattern[str]  # "in a statement Saturday, ": speech told by its source
    in_document: re.Pattern[str]  # "In it, " / "In the memo, " opening a sentence
    document: re.Pattern[str]  # "addressed a two-paragraph memorandum": a document written
    thought: re.Pattern[str]  # "I started to think “": a verb of thought right before a mark
    speech_words: re.Pattern[str]  # "message", "letter": what may carry someone else's words


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@cache
def _words() -> _Words:
    data = load_data("speech.yml")
    reporting = {*str_list(data.get("reporting_verbs")), *str_list(data.get("quote_verbs"))}
    verbs = sorted(sorted(reporting or {"said"}), key=len, reverse=True)  # ties: one order
    pronouns = str_list(data.get("singular_pronouns"))
    not_speech = str_list(data.get("not_speech"))
    cues = str_list(data.get("term_cues"))
    statements = str_list(data.get("statement_headlines"))
    determiners = str_list(data.get("scare_quote_determiners"))
    fragment_leads = str_list(data.get("fragment_lead_words"))
    speech_words = [*str_list(data.get("speech_nouns")), *str_list(data.get("speech_sources"))]
    verb_body = _alternation(verbs)
    inverted = [v for v in str_list(data.get("inverted_verbs")) if " " not in v]
    after_only = list(str_list(data.get("after_only_verbs")))  # "According to Smith, …"
    return _Words(
        # lower case only ("the United States" is no "states"), but an inverted verb may open
        # a sentence: "Said Shepard of his return, “…”"
        verbs=patterns.compile(
            rf"(?<![\w’'-])(?:{verb_body}|{_alternation(_capitalised([*inverted, *after_only]))})"
            r"(?![\w’'-])"
        ),
        inverted=frozenset(_norm(v) for v in str_list(data.get("inverted_verbs"))),
        inverted_after_quote=frozenset(
            _norm(v) for v in str_list(data.get("inverted_after_quote_verbs"))
        ),
        after_only=frozenset(_norm(v) for v in str_list(data.get("after_only_verbs"))),
        not_speech=_word_pattern(not_speech, case=False) if not_speech else None,
        pronouns=_word_pattern(pronouns or ["he", "she"], case=True, capital=True),
        prepositions=frozenset(p.lower() for p in str_list(data.get("prepositions"))),
        gap_words=frozenset(w.lower() for w in str_list(data.get("subject_gap_words"))),
        passive=frozenset(w.lower() for w in str_list(data.get("passive_markers"))),
        term_cue=patterns.compile(rf"(?i)(?<![\w’'-])(?:{_alternation(cues)})\s*,?\s*$")
        if cues
        else None,
        verb_set=frozenset(_norm(v) for v in verbs),
        longest_verb=max(len(v.split()) for v in verbs),
        statement=_word_pattern(statements, case=False) if statements else None,
        restrictive=frozenset(_norm(w) for w in str_list(data.get("role_reference_not_before"))),
        scare_determiners=patterns.compile(
            rf"(?i)(?<![\w’'-])(?:{_alternation(determiners) or '(?!x)x'})\s+$"
        ),
        fragment_leads=frozenset(w.lower() for w in fragment_leads),
        fragment_lead=patterns.compile(
            # … maybe with a word or two qualifying the phrase: "a radioactive “dirty bomb.”"
            rf"(?i)(?<![\w’'-])(?:{_alternation(fragment_leads) or _NEVER})\s+"
            rf"(?:(?-i:[a-z][\w-]*)\s+){{0,2}}$"
        ),
        name_before=patterns.compile(
            rf"(?<![\w’'-])(?i:{_alternation(determiners) or _NEVER})"
            r"(?:\s+[A-Z][\w’'.&-]*){0,3}\s+$"
        ),
        name_nouns=frozenset(_norm(w) for w in str_list(data.get("quoted_name_nouns"))),
        noun_intro=patterns.compile(
            rf"(?<![\w’'-])(?:{_alternation(str_list(data.get('speech_noun_verbs'))) or _NEVER})"
            rf"\s+{_DETERMINER}\s+(?:[a-z][\w’'-]*\s+){{0,2}}?"
            rf"(?:{_alternation(str_list(data.get('speech_nouns'))) or _NEVER})"
            # the colon before the quotation, or ending the paragraph before it ("Smith issued
            # the following statement on Tuesday:" ¶ "“We mourn …”")
            r"(?:\s*:\s*(?=[“\"])|[^.:;“\"\n]{0,40}:\s*$)"
        ),
        source_intro=patterns.compile(
            rf"(?<![\w’'-])[Ii]n\s+{_DETERMINER}\s+(?:[a-z][\w’'-]*\s+)?"
            rf"(?:{_alternation(str_list(data.get('speech_sources'))) or _NEVER})(?![\w’'-])"
            r"[^,.;:“\"\n]{0,40},\s+"
        ),
        in_document=patterns.compile(
            rf"\s*In\s+(?:it|{_DETERMINER}\s+(?:[a-z][\w’'-]*\s+)?"
            rf"(?:{_alternation(str_list(data.get('speech_sources'))) or _NEVER}))\s*,\s*"
        ),
        document=patterns.compile(
            rf"(?<![\w’'-])(?:{_alternation(str_list(data.get('speech_noun_verbs'))) or _NEVER})"
            rf"\s+{_DETERMINER}\s+(?:[\w’'-]+\s+){{0,2}}?"
            rf"(?:{_alternation(str_list(data.get('speech_sources'))) or _NEVER})(?![\w’'-])"
        ),
        speech_words=_word_pattern(speech_words, case=False)
        if speech_words
        else patterns.compile(_NEVER),
        thought=patterns.compile(
            rf"(?i)(?<![\w’'-])(?:{_alternation(str_list(data.get('thought_verbs'))) or _NEVER})"
            r"\s*[,:]?\s*$"
        ),
    )


_NEVER = "(?!x)x"
_DETERMINER = "(?:the|a|an|his|her|their|its|this|that)"


def _capitalised(words: list[str]) -> list[str]:
    return [w[:1].upper() + w[1:] for w in words] or ["(?!x)x"]


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _word_pattern(
    words: list[str] | tuple[str, ...], case: bool, capital: bool = False
) -> re.Pattern[str]:
    forms = list(words)
    if capital:  # "he" and "He", never "HE"-only forms
        forms += [w[:1].upper() + w[1:] for w in words]
    flags = "" if case else "(?i)"
    return patterns.compile(rf"{flags}(?<![\w’'-])(?:{_alternation(forms)})(?![\w’'-])")


class PeopleIndex:
    """Finds mentions of the given people (names, aliases, unshared surnames) in text; with
    `role_references`, also "the defense secretary" for the one person whose role it is."""

    def __init__(self, people: tuple[Person, ...], role_references: bool = False) -> None:
        self.by_form: dict[str, str] = {}
        self.by_role = _role_references(people) if role_references else {}
        surnames: dict[str, set[str]] = {}
        for person in people:
            for form in (person.name, *person.aliases):
                if len(form.strip()) > 1:  # "U" (of "U.S.") is no one's name
                    self.by_form.setdefault(form.strip(), person.id)
            words = person.name.split()
            if len(words) > 1:
                surnames.setdefault(words[-1], set()).add(person.id)
        for surname, ids in surnames.items():
            if len(ids) == 1:  # a shared surname would be a guess
                self.by_form.setdefault(surname, next(iter(ids)))
        forms = sorted(self.by_form, key=len, reverse=True)
        self.pattern = _names_pattern(tuple(forms)) if forms else None
        self.role_pattern = _role_pattern(tuple(self.by_role)) if self.by_role else None

    def mentions(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Mentions by name."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            yield match.start(), match.end(), self.by_form[match.group()]

    def role_mentions(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Mentions by role ("the defense secretary"), with `role_references` only."""
        if self.role_pattern is None:
            return
        for match in self.role_pattern.finditer(text):
            yield match.start(), match.end(), self.by_role[_norm(match.group("role"))]


@lru_cache(maxsize=4)
def _names_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """The names of one article's people, compiled once for both of its indexes (quotations
    and themes build one each from the same people)."""
    body = "|".join(re.escape(f) for f in forms)
    # Not inside an abbreviation: the "U" or "S. Attorney" of "U.S. Attorney" is no mention.
    edge = r"(?<![\w’'-])(?<!\w\.)"
    return re.compile(rf"{edge}(?:{body})(?![\w-]|\.\w)")


_INITIALS_WORD = patterns.compile(r"(?:[a-z]\.){2,}")  # "u.s.", "u.k."


def _role_references(people: tuple[Person, ...]) -> dict[str, str]:
    """Role (lower case) → the one person who holds it, for "the defense secretary said":
    a role two people share, or an abbreviated rank ("gen."), refers to no one for sure."""
    holders: dict[str, set[str]] = {}
    for person in people:
        for role in person.roles:
            key = _norm(role)
            # "former u.s. president" is also "the former president" (initials qualify it)
            bare = " ".join(w for w in key.split() if not _INITIALS_WORD.fullmatch(w))
            for form in {key, bare}:
                if len(form) > 3 and "." not in form:
                    holders.setdefault(form, set()).add(person.id)
    return {role: next(iter(ids)) for role, ids in holders.items() if len(ids) == 1}


@cache
def _role_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """ "the defense secretary" (the article, then the role in any case), not followed by what
    makes it someone else: "the judge in that case", "the coach of the other team"."""
    words = _words()
    body = _alternation(list(roles))
    restrictive = _alternation(sorted(words.restrictive)) if words.restrictive else "(?!x)x"
    return patterns.compile(  # one article's: not kept in the code cache, its sets memoised
        # nor after "and" ("the judge and the lawyer said": two speakers, neither one)
        rf"(?<![\w’'-])(?<!and\s)(?<!or\s)(?<!&\s)[Tt]he\s+(?P<role>(?i:{body}))(?![\w’'-])"
        rf"(?!\s+(?:{restrictive})(?![\w’'-]))",
        keep=False,
    )


# ---------------------------------------------------------------------------------------------
# Quotation spans


def _opens(text: str, index: int, open_at: int | None) -> bool:
    """Whether the mark at `index` opens a quotation. A straight mark right after a digit
    ("a 12" pipe", "5'11"") is an inch mark: it opens nothing (it may still close one)."""
    char = text[index]
    if char == "“":
        return True
    return char == _STRAIGHT_QUOTE and open_at is None and not text[index - 1 : index].isdigit()


def opens_with_mark(text: str) -> bool:
    """Whether a paragraph begins with an opening quotation mark (it may continue a quotation)."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in _OPENING


def _introduced(text: str, start: int) -> bool:
    """A reporting verb right before the opening mark at `start`: "said: “", "added, “"."""
    words = _words()
    tail = text[max(0, start - 60) : start].rstrip().rstrip(":,").split()[-words.longest_verb :]
    return any(" ".join(tail[-n:]) in words.verb_set for n in range(1, len(tail) + 1))


# Between a closed quotation and the next opening mark: its attribution, ended by a full stop
# ("“…,” she said. “…", "“…,” said Jane Roe. “…", "“…,” said Monica Reese, science teacher,
# Cleveland Metropolitan School District. “…").
_ATTRIBUTION = patterns.compile(r"\s*,?\s*[\w’'.,\s-]{1,120}?\.\s+")


def _resumed(text: str, previous: tuple[int, int, bool], start: int) -> bool:
    """ "“I've always been a runner,” she said. “I've had tons of support …" (no closing mark
    to the paragraph's end): a quotation opening the sentence right after the attribution of a
    closed one is the same speaker going on, the newspaper convention for a last paragraph."""
    _, end, closed = previous
    if not closed or not text[: end - 1].rstrip().endswith((",", "?", "!", "—", "–")):
        return False
    gap = _ATTRIBUTION.fullmatch(text, end, start)
    return gap is not None and _words().verbs.search(gap.group()) is not None


def _is_nickname(text: str, start: int, end: int) -> bool:
    """Arthur “Jack” Doe: one to three capitalised words quoted between two parts of a name."""
    inner = text[start + 1 : end - 1]
    if not _NICKNAME.fullmatch(inner):
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 3]
    return bool(re.search(r"[A-Z][\w.’'-]*\s$", before)) and bool(re.match(r"\s[A-Z]", after))


def _nested_pair(text: str, marks: list[int], number: int, open_at: int) -> bool:
    """ "Smith said, “The so-called “space race” is over, and we won it.”": a curly opening
    mark inside an open curly quotation, followed by two closing marks before any other
    opening one, quotes words inside it (the inner pair is part of the quotation); a single
    closing mark after it means the open quotation was left unclosed instead. Straight marks
    the same way, by their shape: 'Smith said, "We call it "the beast," and it works."' (an
    opening mark after a space and before a word, then two marks each after a word)."""
    if number + 2 >= len(marks):
        return False
    inner, first, second = marks[number], marks[number + 1], marks[number + 2]
    if text[open_at] == "“" and text[inner] == "“":
        return text[first] == "”" and text[second] == "”"
    if not text[open_at] == text[inner] == text[first] == text[second] == _STRAIGHT_QUOTE:
        return False
    return (
        _opening_shaped(text, inner)
        and _closing_shaped(text, first)
        and (_closing_shaped(text, second))
    )


def _opening_shaped(text: str, index: int) -> bool:
    """A straight mark after a space (or a line's start) and before a word: ' "the'."""
    before = text[index - 1 : index]
    return (not before or before.isspace()) and text[index + 1 : index + 2].isalnum()


def _closing_shaped(text: str, index: int) -> bool:
    """A straight mark right after a word or its punctuation, before a space, punctuation or
    the end: 'beast," ', 'works."'."""
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    return bool(before) and not before.isspace() and not after.isalnum()


_LAST_SENTENCE_END = patterns.compile(r"[.!?…](?=\s+[A-Z][^.!?…]*$)")
_LOWER_WORD = patterns.compile(r"(?<![\w’'-])[a-z]")


def _unclosed_end(text: str, open_at: int, next_open: int) -> int:
    """Where a quotation left unclosed before another opening mark ends: "said “Hey, are you
    thinking of a PhD? And I was like “OK, …”" quotes the question only; the sentence after
    its last full stop, which leads to the next mark in lower-case words, is narrative.
    Without such a sentence it runs to the next mark."""
    inner = text[open_at + 1 : next_open]
    found = _LAST_SENTENCE_END.search(inner)
    if found is None or not _LOWER_WORD.search(inner, found.end()):
        return next_open
    return open_at + 1 + found.end()


def _mistyped_close(text: str, index: int) -> bool:
    """ "“… we will bring to justice those who would flood our ports.“": a curly opening mark
    right after a sentence's (or clause's) punctuation and before a space or the paragraph's
    end opens nothing; with a quotation open, it is that quotation's closing mark, mistyped."""
    return (
        text[index] == "“"
        and text[index - 1 : index] in (".", ",", "!", "?")
        and not text[index + 1 : index + 2].strip()
    )


def _spans(text: str, continuing: bool, next_opens: bool) -> list[_Span]:
    """Quotations of one block, in order; `continuing`: the previous one was left open and runs
    on here; `next_opens`: the next paragraph opens with a quotation mark."""
    raw: list[tuple[int, int, bool]] = []  # (opening mark, end, closed)
    open_at: int | None = None
    marks = [match.start() for match in _MARK.finditer(text)]
    inner_close = -1  # the closing mark of a quotation nested in the open one
    for number, i in enumerate(marks):
        if i == inner_close:
            continue
        if open_at is not None and _nested_pair(text, marks, number, open_at):
            inner_close = marks[number + 1]  # “… the so-called “space race” is …”
            continue
        if open_at is not None and _mistyped_close(text, i):
            raw.append((open_at, i + 1, True))  # "… with dangerous narcotics.“" ends it
            open_at = None
            continue
        if _opens(text, i, open_at):
            if open_at is not None:  # a new opening mark ends an unclosed quotation
                raw.append((open_at, _unclosed_end(text, open_at, i), False))
            open_at = i
        elif open_at is not None:
            raw.append((open_at, i + 1, True))
            open_at = None
        # a closing mark with nothing open is a stray mark: it quotes nothing
    if open_at is not None:
        raw.append((open_at, len(text), False))
    spans: list[_Span] = []
    for number, (start, end, closed) in enumerate(raw):
        last = number == len(raw) - 1
        if closed and _is_nickname(text, start, end):
            continue
        runs_on = not closed and last and next_opens
        first = not spans and not text[:start].strip()
        # A continuation paragraph ("“…" after a paragraph left open) that is never closed
        # is still the quotation going on, to its paragraph's end: the last paragraph of a
        # statement whose closing mark the source lost, or that the text held cuts off.
        carried_on = continuing and first and last
        if (
            not closed
            and not runs_on
            and not carried_on
            and not _introduced(text, start)
            and not (last and number and _resumed(text, raw[number - 1], start))
        ):
            continue  # a stray opening mark: it must not swallow the words after it
        text_end = end - 1 if closed else len(text[:end].rstrip())
        spans.append(_Span(start, end, start + 1, text_end, closed, continuing and first, runs_on))
    if not continuing and marks:
        bare = _unopened(text, marks[0])
        if bare is not None:
            spans.insert(0, bare)
    return spans


_ATTRIBUTION_AHEAD = patterns.compile(r"\s*,?\s*(?:(?:[A-Z][\w.’'-]*|he|she)\s+){0,5}")


def _unopened(text: str, mark: int) -> _Span | None:
    """ "Japan is a significant partner for NASA and for Ames, specifically,” said Center
    Director Eugene Tu.": a paragraph whose first mark closes a quotation it never opened,
    right after a comma, ? or ! and right before a reporting verb (at most a name or he/she
    between), quotes its words from its start; any other stray closing mark quotes nothing."""
    if text[mark] != "”":
        return None
    lead = len(text) - len(text.lstrip())
    if not text[:mark].rstrip().endswith((",", "?", "!")) or mark <= lead:
        return None
    gap = _ATTRIBUTION_AHEAD.match(text, mark + 1)
    verb = _words().verbs.match(text, gap.end()) if gap else None
    if verb is None:
        return None
    return _Span(lead, mark + 1, lead, mark, closed=True)


def _masked(text: str, spans: list[_Span]) -> str:
    """The narrative: quoted words replaced by x (same length), so offsets still line up."""
    parts: list[str] = []
    pos = 0
    for span in spans:
        parts.append(text[pos : span.text_start])
        length = span.text_end - span.text_start
        if length:  # the first letter keeps its case, so "… Antonio. “And" ends a sentence
            first = text[span.text_start]
            parts.append("X" if first.isupper() else "0" if first.isdigit() else "x")
            parts.append("x" * (length - 1))
        pos = span.text_end
    parts.append(text[pos:])
    return "".join(parts)


def _quote_text(text: str, span: _Span) -> str:
    words = " ".join(text[span.text_start : span.text_end].split())
    return words.rstrip(",;:—– ").strip()


# ---------------------------------------------------------------------------------------------
# Subjects and reporting verbs


@dataclass
class _Tracker:
    """The most recent named speaker, carried from block to block in document order."""

    last_speaker: str | None = None
    intervened: bool = False  # someone else was named after the speaker's sentence
    clear_until: int = 0  # in the current block: mentions before this offset never intervene
    # the one person the previous paragraph names, as a subject, with no speech in it
    # ("Astronaut Chris Ferguson was the shuttle commander."): whom a he/she opening the next
    # one stands for, when no speaker is in play
    introduced: str | None = None
    # the one person the previous paragraph names, as the subject opening a sentence, and then
    # calls by one gender's pronoun, with no speech in it ("Kajsa Bergqvist of Sweden soared …
    # Her victory was …"): (person, "he" or "she"), whom the same pronoun opening the next one
    # stands for ("“I have been close so many times,” she says.")
    introduced_pronoun: tuple[str, str] | None = None
    previous_named: frozenset[str] = frozenset()  # the people the paragraph before names
    # person → the he/she the article has used for them as a speaker: a rule that would give a
    # "she" to someone the article calls "he" gives no one
    pronouns: dict[str, str] = field(default_factory=dict)
    # the he/she that last stood for the speaker ("“…,” she said."): the same pronoun later
    # ("she refused …, even though she said") is the speaker again, not someone else
    pronoun: str | None = None
    headline: str | None = None  # the one person the headline names ("Meet Hemanth Koralla")
    # person → the he or she their given name tells (lexicon.pronoun_of: "Lauryn" she), where it
    # tells one: a he/she is never given to someone whose name tells the other
    named_as: dict[str, str] = field(default_factory=dict)


_THE_BEFORE = patterns.compile(r"(?<![\w’'-])[Tt]he\s+$")


def _subjects(masked: str, index: PeopleIndex, starts: list[int]) -> list[_Subject]:
    found = [(s, e, pid) for s, e, pid in index.mentions(masked)]
    # "the lawyer told Smith": a role whose holder the same sentence names is someone else's;
    # a name qualifying a noun ("the Trump campaign … in which the former president said")
    # names no one there
    named = {
        (sentence_bounds(masked, starts, s)[0], pid)
        for s, e, pid in found
        if not (_THE_BEFORE.search(masked, max(0, s - 4), s) and _NOUN_AFTER.match(masked, e))
    }
    found += [
        (s, e, pid)
        for s, e, pid in index.role_mentions(masked)
        if (sentence_bounds(masked, starts, s)[0], pid) not in named
    ]
    found += [(m.start(), m.end(), _PRONOUN) for m in _words().pronouns.finditer(masked)]
    found.sort()
    # A mention inside a longer one ("Bill Nelson" vs "Nelson") is the same person: keep the first.
    kept: list[_Subject] = []
    for start, end, person in found:
        if not kept or start >= kept[-1].end:
            kept.append(
                _Subject(
                    start,
                    end,
                    person,
                    object=_is_object(masked, start, kept[-1].end if kept else -1),
                    possessive=bool(_POSSESSIVE_AFTER.match(masked, end)),
                )
            )
    return kept


def _word_before(masked: str, pos: int) -> str | None:
    """The word right before `pos`, white space between ("with Smith"), else None (a comma
    between: "Following it, Smith")."""
    stripped = masked[max(0, pos - 30) : pos].rstrip()
    if not stripped:
        return None
    word = _WORD_END.search(stripped.rsplit(None, 1)[-1])
    return word.group() if word else None


def _title_start(masked: str, pos: int) -> int:
    """Where the capitalised words right before a mention start ("Prime Minister " before
    "Kishida", "NASA Public Affairs Director " before "Hiden T. Cox"): at most four, none a
    preposition or "and", none ending in a full stop but initials ("U.S."), so a sentence's end
    ("… of NASA. Smith said") is never crossed."""
    prepositions = _words().prepositions
    for _ in range(4):
        found = _CAPITAL_WORD_END.search(masked, max(0, pos - 40), pos)
        if found is None:
            break
        word = found.group().strip()
        if word.lower() in prepositions or word.lower() in ("and", "or"):
            break
        if word.endswith(".") and not _INITIALS.fullmatch(word):
            break
        pos = found.start()
    return pos


def _is_object(masked: str, start: int, previous_end: int) -> bool:
    """A name right after a preposition ("with Shkaplerov") or an -ing/-ed word ("praising"),
    or the second of two names joined by "and" ("Peresild and Shipenko said", "President Biden
    and Prime Minister Kishida announced": a title may stand after "and"; "NASA and Smith
    said": a capitalised word right before "and"; no one speaker; `previous_end`: where the
    mention before it ends). After "and" with no capitalised word before it, the name starts a
    new clause: "Young docked and Stafford exclaimed"."""
    token = _word_before(masked, start)
    if token is None:
        return False
    if token.lower() == "and":
        if previous_end >= 0 and _AND_NAME.fullmatch(masked, previous_end, start) is not None:
            return True
        return _CAPITAL_AND.search(masked, max(0, start - 60), start) is not None
    titled = _title_start(masked, start) if token[:1].isupper() else start
    if titled < start and (_word_before(masked, titled) or "").lower() == "and":
        # "Biden and Prime Minister Kishida", not "Sheriff and Association President Donahue"
        return previous_end >= 0 and _AND_NAME.fullmatch(masked, previous_end, titled) is not None
    words = _words()
    if token.lower() in words.prepositions:
        return True
    # "recalled Smith", "agreed Smith": an inverted reporting verb's speaker, not its object
    return bool(_OBJECT_FORM.fullmatch(token)) and token.lower() not in words.inverted


def _transparent(gap: str) -> bool:
    """Whether the words between a subject and its verb let the subject govern the verb: a few
    gap words ("later", "has") or a comma-enclosed apposition (", 38, who …, ")."""
    words = _words().gap_words
    if _GAP_PUNCTUATION.fullmatch(gap) and all(w.lower() in words for w in _TOKEN.findall(gap)):
        return True
    stripped = gap.lstrip()
    if not stripped.startswith(",") or len(gap) > _APPOSITION_MAX:
        return False
    tail = stripped[stripped.rfind(",") + 1 :]
    if stripped.rfind(",") == 0:
        # "Mike Curie, NASA launch commentator reported": an apposition of a few words, its
        # closing comma left out, ending in a lower-case noun (a role)
        open_words = _TOKEN.findall(tail)
        return (
            0 < len(open_words) <= _OPEN_APPOSITION_WORDS
            and open_words[-1].islower()
            and not any(w.lower() in _CLAUSE_WORDS for w in open_words)
        )
    return all(w.lower() in words for w in _TOKEN.findall(tail))


_OPEN_APPOSITION_WORDS = 4
_CLAUSE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "and", "or", "but", "the"})


class _Subjects:
    """Subject candidates of a block, sorted, with bisect lookups (no scans per verb)."""

    def __init__(self, subjects: list[_Subject]) -> None:
        self.items = subjects
        self.starts = [s.start for s in subjects]

    def before(self, pos: int, floor: int) -> Iterator[_Subject]:
        """Candidates ending by `pos` and starting at or after `floor`, nearest first."""
        index = bisect.bisect_left(self.starts, pos) - 1
        while index >= 0 and self.items[index].start >= floor:
            if self.items[index].end <= pos:
                yield self.items[index]
            index -= 1

    def first_from(self, pos: int) -> _Subject | None:
        index = bisect.bisect_left(self.starts, pos)
        return self.items[index] if index < len(self.items) else None

    def between(self, start: int, end: int) -> Iterator[_Subject]:
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.items) and self.items[index].start < end:
            yield self.items[index]
            index += 1


def _with_participle(masked: str, subject: _Subject, verb: re.Match[str]) -> bool:
    """ "with Stafford exclaiming, “…”": the name after "with" is the -ing verb's subject."""
    return (
        verb.group().split()[0].endswith("ing")
        and masked[subject.end : verb.start()].isspace()
        and (_word_before(masked, subject.start) or "").lower() == "with"
    )


def _passive(masked: str, verb_start: int) -> bool:
    token = _word_before(masked, verb_start)
    return token is not None and token.lower() in _words().passive


def _verb_subject(
    masked: str, verb: re.Match[str], subjects: _Subjects, sentence: tuple[int, int]
) -> _Subject | None:
    """The subject of one reporting verb: nearest before it, else right after it (inverted)."""
    words = _words()
    phrase = _norm(verb.group())
    if phrase.split()[0].endswith("ing") and _COMMA_BEFORE.search(
        masked, max(0, verb.start() - 4), verb.start()
    ):
        # "Smith hugged his lawyer, Jones, saying “…”": the clause's subject, not the nearest
        return _clause_subject(masked, subjects, sentence, verb.start())
    if phrase not in words.after_only:
        if _passive(masked, verb.start()):
            return None
        floor = max(sentence[0], verb.start() - _BEFORE_WINDOW)
        for subject in subjects.before(verb.start(), floor):
            if subject.possessive:
                continue
            if subject.object and not _with_participle(masked, subject, verb):
                continue
            if _transparent(masked[subject.end : verb.start()]):
                return subject
        shared = _coordinated_subject(masked, subjects, sentence, verb.start())
        if shared is not None:
            return shared
    after_quote = phrase in words.inverted_after_quote and bool(
        _AFTER_CLOSING.search(masked, max(0, verb.start() - 5), verb.start())
    )
    if phrase not in words.inverted and not after_quote:
        return None
    after = subjects.first_from(verb.end())
    if after is not None and after.possessive:
        # "said Doe’s lawyer, Bob Smith": the name the possessive's role stands beside
        following = subjects.first_from(after.end)
        if following is not None and _POSSESSIVE_ROLE.fullmatch(masked, after.end, following.start):
            after = following
    if after is None or after.start >= sentence[1] or after.possessive:
        return None
    # "the lawyer for Smith" is no speaker; "according to Smith" is (the phrase ends in "to"),
    # and so is "“…?” asked Jones" (the object flag is the verb's own), but not "according to
    # prosecutors who charged Smith" nor "according to documents filed by Smith"
    own_object = masked[verb.end() : after.start].isspace() or (
        phrase in words.after_only and _word_before(masked, after.start) == verb.group().split()[-1]
    )
    if after.object and not (own_object and (phrase in words.after_only or after_quote)):
        return None
    if _RELATIVE.search(masked, verb.end(), after.start):
        return None  # "according to court documents that quote Smith": the clause's name
    if not _INVERTED_GAP.fullmatch(masked, verb.end(), after.start):
        return None
    following = subjects.first_from(after.end)
    if _AND_ANOTHER.match(masked, after.end) or (
        following is not None and _AND_NAME.fullmatch(masked, after.end, following.start)
    ):
        return None  # "said Smith and Jones", "said Smith and the judge": not one speaker
    return after


_AND_BEFORE = patterns.compile(r"(?:,\s*|\s+)and\s+$")


def _coordinated_subject(
    masked: str, subjects: _Subjects, sentence: tuple[int, int], pos: int
) -> _Subject | None:
    """ "she sent me an email, and said: “…”": a reporting verb right after "and", with no
    subject of its own, shares the one its sentence names before it: the only person (or
    he/she) mentioned there, no object or possessive ("Smith met Jones and said" names two:
    None)."""
    if not _AND_BEFORE.search(masked, max(sentence[0], pos - 8), pos):
        return None
    found = [s for s in subjects.between(sentence[0], pos) if not _possessive_modifier(masked, s)]
    if len(found) != 1 or found[0].object or found[0].possessive:
        return None
    return found[0]


def _clause_subject(
    masked: str, subjects: _Subjects, sentence: tuple[int, int], pos: int
) -> _Subject | None:
    """The subject of the clause a ", saying" participle at `pos` belongs to ("Smith thanked
    Jones, saying", "After the verdict, Smith hugged his lawyer, Jones, saying"): the one
    person (or he/she) named before it in its sentence who is no object, possessive or
    apposition set off by commas (", Jones,"), right before a verb or an apposition, and not
    one of two ("Smith and Jones thanked …"). Else None."""
    found = [
        m
        for m in subjects.between(sentence[0], pos)
        if not (m.object or m.possessive)
        and not (
            _COMMA_BEFORE.search(masked, max(0, m.start - 3), m.start)
            and masked[m.end : m.end + 1] == ","
        )
    ]
    if not found or any(m.person != found[0].person for m in found):
        return None
    first = found[0]
    if _AND_ANOTHER.match(masked, first.end):
        return None
    if not (_VERB_AFTER.match(masked, first.end) or masked[first.end : first.end + 1] == ","):
        return None
    return first


@dataclass(frozen=True)
class _Speech:
    start: int  # the verb's offset
    end: int
    sentence: tuple[int, int]
    subject: _Subject | None
    speaker: str | None  # resolved person id


def _not_speech_starts(masked: str) -> set[int]:
    pattern = _words().not_speech
    return {m.start() for m in pattern.finditer(masked)} if pattern else set()


def _speech_acts(
    masked: str,
    starts: list[int],
    subjects: _Subjects,
    tracker: _Tracker,
    text_starts: list[int] | None = None,
) -> list[_Speech]:
    """Every reporting verb of a block, with its speaker; updates the running speaker.
    `text_starts`: the sentences of the block's own text, where a quotation's full stop ends
    one ("Smith spoke first: “We are ready.” Jones then took the stage."): someone named after
    the speaker's sentence there intervenes."""
    acts: list[_Speech] = []
    excluded = _not_speech_starts(masked)
    items = subjects.items
    seen = 0  # mentions before this index have been weighed as interventions

    def weigh(upto: int, own: int = -1) -> None:
        """Mentions before `upto` name someone else after the speaker's sentence: intervention
        (`own`: the offset of the verb's own subject, which does not count)."""
        nonlocal seen
        while seen < len(items) and items[seen].start < upto:
            mention = items[seen]
            seen += 1
            if mention.start == own or mention.start < tracker.clear_until:
                continue
            if (
                mention.person == _PRONOUN
                and tracker.pronoun is not None
                and masked[mention.start : mention.end].lower() == tracker.pronoun
            ):
                continue  # the speaker's own pronoun again
            if mention.person != tracker.last_speaker:
                tracker.intervened = True
            elif not (mention.object or mention.possessive):
                # named again as a subject after the one who intervened ("After thanking
                # Dunford, the defense secretary offered …"): the speaker is the last named
                tracker.intervened = False

    found: list[tuple[int, int, re.Match[str] | None, _Subject | None]] = [
        (verb.start(), verb.end(), verb, None)
        for verb in _words().verbs.finditer(masked)
        if verb.start() not in excluded
    ]
    found += _intro_acts(masked, starts, subjects)
    found.sort(key=lambda item: item[0])
    for start, end, verb, told in found:
        sentence = sentence_bounds(masked, starts, start)
        subject = _verb_subject(masked, verb, subjects, sentence) if verb is not None else told
        weigh(start, subject.start if subject is not None else -1)
        speaker: str | None = None
        if verb is not None and subject is None and verb.group().split()[0].endswith("ing"):
            # "adding": the clause's subject
            earlier = acts[-1] if acts and acts[-1].sentence == sentence else None
            if earlier is not None and earlier.subject is not None:
                subject, speaker = earlier.subject, earlier.speaker
        elif subject is not None and subject.person == _PRONOUN:
            speaker = None if tracker.intervened else tracker.last_speaker
            if (speaker is None or tracker.intervened) and not any(
                s.person != _PRONOUN for s in subjects.before(start, 0)
            ):
                speaker = tracker.introduced  # "Ferguson was commander. ¶ “…,” he said."
                if speaker is not None and tracker.named_as.get(
                    speaker, _pronoun_form(masked, subject)
                ) != _pronoun_form(masked, subject):
                    speaker = None  # "Yulia … was the actress. ¶ “…,” he said.": not her
                by = tracker.introduced_pronoun
                if by is not None and speaker is None and by[1] == _pronoun_form(masked, subject):
                    speaker = by[0]  # "Bergqvist soared … Her victory … ¶ “…,” she says."
            if speaker is None:
                speaker = _paragraph_topic(masked, starts, subjects, subject, tracker)
            if speaker is None:
                speaker = _document_writer(masked, starts, subjects, subject)
            form = masked[subject.start : subject.end].lower()
            if speaker is not None and tracker.pronouns.setdefault(speaker, form) != form:
                speaker = None  # "she" for someone the article has called "he": not them
        elif subject is not None:
            speaker = subject.person
            weigh(subject.end)  # an inverted subject comes after its verb
        if speaker is not None:
            if subject is not None and subject.person == _PRONOUN:
                tracker.pronoun = masked[subject.start : subject.end].lower()
            elif speaker != tracker.last_speaker:
                tracker.pronoun = None  # named: which pronoun stands for them is not known
            tracker.last_speaker = speaker
            tracker.intervened = False
            tracker.clear_until = (
                sentence_bounds(masked, text_starts, start)[1]
                if text_starts is not None
                else sentence[1]
            )
        acts.append(_Speech(start, end, sentence, subject, speaker))
    weigh(len(masked))
    return acts


def _intro_acts(
    masked: str, starts: list[int], subjects: _Subjects
) -> list[tuple[int, int, None, _Subject]]:
    """Speech told with no reporting verb, (start, end, None, subject) when its subject is
    found: "he sent the historic message: “…" (`speech_nouns`: the verb's subject before it, as
    for a reporting verb); "President Barack Obama, in a statement Saturday, called Armstrong
    “…" (`speech_sources`: the person right before the comma) or "In a statement, Smith called
    it “…" (opening the sentence: the person after it, at most a title between, then a verb)."""
    words = _words()
    acts: list[tuple[int, int, None, _Subject]] = []
    for intro in words.noun_intro.finditer(masked):
        lo, _ = sentence_bounds(masked, starts, intro.start())
        nearest = next(subjects.before(intro.start(), lo), None)
        if (
            nearest is not None
            and not (nearest.object or nearest.possessive)
            and _transparent(masked[nearest.end : intro.start()])
        ):
            acts.append((intro.start(), intro.end(), None, nearest))
    for intro in words.source_intro.finditer(masked):
        lo, hi = sentence_bounds(masked, starts, intro.start())
        subject: _Subject | None = None
        if not masked[lo : intro.start()].strip(' “"('):  # "In a statement, Smith called"
            after = subjects.first_from(intro.end())
            if (
                after is not None
                and after.end < hi
                and _TITLE_GAP.fullmatch(masked, intro.end(), after.start)
                and _VERB_AFTER.match(masked, after.end)
            ):
                subject = after
        elif masked[intro.end() : intro.end() + 1].islower():
            # "Obama, in a statement Saturday, called": the person right before the comma
            before = next(subjects.before(intro.start(), lo), None)
            if before is not None and _COMMA_GAP.fullmatch(masked, before.end, intro.start()):
                subject = before
        if subject is not None and not (subject.object or subject.possessive):
            acts.append((intro.start(), intro.end(), None, subject))
    return acts


_TITLE_GAP = patterns.compile(r"(?:[A-Z][\w.’'-]*\s+){0,3}")  # "In a statement, President Obama"
_COMMA_GAP = patterns.compile(r"\s*,\s*")
_VERB_AFTER = patterns.compile(r"\s+[a-z]")  # a lower-case word: the verb the speaker governs
_HE_FORMS = patterns.compile(r"(?i)(?<![\w’'-])(?:he|him|his|himself)(?![\w’'-])")
_SHE_FORMS = patterns.compile(r"(?i)(?<![\w’'-])(?:she|her|hers|herself)(?![\w’'-])")
_OTHER_GENDER = {"he": _SHE_FORMS, "she": _HE_FORMS}
_SAME_GENDER = {"he": _HE_FORMS, "she": _SHE_FORMS}


def _paragraph_topic(
    masked: str, starts: list[int], subjects: _Subjects, pronoun: _Subject, tracker: _Tracker
) -> str | None:
    """ "Armstrong commanded the Apollo 11 spacecraft … . After stepping on the lunar surface,
    he sent the historic message: “…”": a he/she with no speaker in play (none yet, or only
    this one) is the one person its paragraph names before it, when that person opens a
    sentence as its subject (or is named after "was"/"is" and the next sentence opens with this
    pronoun: "… was Pamela Marcum, my supervisor. She was very nice …"), no pronoun of the
    other gender stands before it in the paragraph, and the paragraph before named (or heard)
    no one else, unless this paragraph opens with its own subject and that sentence goes on
    about them by the same pronoun. Otherwise None."""
    named = [s for s in subjects.before(pronoun.start, 0) if s.person != _PRONOUN]
    people = {s.person for s in named}
    if len(people) != 1:
        return None
    person = people.pop()
    form = masked[pronoun.start : pronoun.end].lower()
    subjects_of = [s for s in named if not (s.object or s.possessive)]
    opening = [s for s in subjects_of if _opens_sentence(masked, starts, s)]
    # Someone else named (or heard) in the paragraph before may be the "he", unless this
    # paragraph opens with its own subject, named after them, whose sentence goes on about them
    # by that pronoun: "Blanche asked … ¶ Inside the courtroom, Trump showed little emotion as
    # he learned his fate. … he told reporters"
    first = starts[0] if starts else 0
    same = _SAME_GENDER.get(form)
    own = (
        tracker.intervened
        and same is not None
        and any(
            sentence_bounds(masked, starts, s.start)[0] == first
            and same.search(masked, s.end, sentence_bounds(masked, starts, s.start)[1])
            for s in opening
        )
    )
    if not own and (
        tracker.last_speaker not in (None, person) or not tracker.previous_named <= {person}
    ):
        return None
    if not opening and not any(
        _introduced_then_pronoun(masked, starts, s, form) for s in subjects_of
    ):
        return None
    other = _OTHER_GENDER.get(form)
    if other is None or other.search(masked, 0, pronoun.start):
        return None
    return person


_PRONOUN_OPENS = patterns.compile(r"[\s“\"(]*([A-Za-z]+)(?![\w’'-])")


def _introduced_then_pronoun(masked: str, starts: list[int], subject: _Subject, form: str) -> bool:
    """ "… one of the people who answered was Pamela Marcum, my supervisor here. She was very
    nice …": a person named right after "was" or "is" (who someone is), whose next sentence
    opens with the very pronoun being resolved, is that pronoun's person."""
    if _IS_BEFORE.search(masked, max(0, subject.start - 60), subject.start) is None:
        return False
    index = bisect.bisect_right(starts, subject.start)
    if index >= len(starts):
        return False
    opening = _PRONOUN_OPENS.match(masked, starts[index])
    return opening is not None and opening.group(1).lower() == form


def _document_writer(
    masked: str, starts: list[int], subjects: _Subjects, pronoun: _Subject
) -> str | None:
    """ "Webb addressed a two-paragraph memorandum to NASA Public Affairs Director Hiden T.
    Cox …. In it, he wrote, “…”": a he/she right after "In it," (or "In the memo,", a
    `speech_sources` noun) is the writer of the document the sentence before names after one
    of `speech_noun_verbs` ("addressed", "sent", "wrote"; not "received"): the one person
    named there before that document, as a subject; anyone else there is named after a
    preposition (the one it was sent to, "to NASA Public Affairs Director Cox"). Else None."""
    words = _words()
    index = bisect.bisect_right(starts, pronoun.start) - 1
    if index < 1 or not words.in_document.fullmatch(masked, starts[index], pronoun.start):
        return None
    lo, hi = starts[index - 1], starts[index]
    document = words.document.search(masked, lo, hi)
    if document is None:
        return None
    writers: set[str] = set()
    for mention in subjects.between(lo, hi):
        if mention.person == _PRONOUN:
            return None
        recipient = (_word_before(masked, _title_start(masked, mention.start)) or "").lower()
        if mention.object or recipient in words.prepositions:
            if mention.start < document.start():
                return None  # "with Smith, Jones wrote a memo": who wrote it is not clear
            continue
        if mention.possessive or mention.start > document.start():
            return None
        writers.add(mention.person)
    return writers.pop() if len(writers) == 1 else None


def _opens_sentence(masked: str, starts: list[int], subject: _Subject) -> bool:
    """Whether the name opens its sentence, after at most a title: capitalised words ("In a
    statement, President Obama") or the words of a role ("Kenyan runner Jane Kiprop won …")."""
    lo, _ = sentence_bounds(masked, starts, subject.start)
    gap = masked[lo : subject.start].lstrip(' “"(')
    if _TITLE_GAP.fullmatch(gap) is not None:
        return True
    fronted = _FRONTED.match(gap)  # "In the final event of the day, Lauryn Williams …"
    if fronted is not None and _TITLE_GAP.fullmatch(gap, fronted.end()) is not None:
        return True
    words = gap.split()
    role_words = _role_words()
    return (
        0 < len(words) <= _ROLE_GAP_WORDS
        and all(w[:1].isupper() or w in role_words for w in words)
        and any(w in role_words for w in words)
    )


_ROLE_GAP_WORDS = 4
_FRONTED = patterns.compile(r"[A-Z][^,;:“”\"]{0,80},\s+")  # one opening phrase and its comma


@cache
def _role_words() -> frozenset[str]:
    """Single words of roles and their modifiers (people.yml): "runner", "deputy"."""
    lex = people_lexicon()
    return frozenset(
        w for phrase in (*lex.roles, *lex.role_modifiers) for w in phrase.split() if w.isalpha()
    )


class _Acts:
    """Speech acts of a block with bisect lookups."""

    def __init__(self, acts: list[_Speech]) -> None:
        self.items = acts
        self.starts = [a.start for a in acts]

    def first_from(self, pos: int) -> _Speech | None:
        index = bisect.bisect_left(self.starts, pos)
        return self.items[index] if index < len(self.items) else None

    def before(self, pos: int, floor: int) -> Iterator[_Speech]:
        index = bisect.bisect_left(self.starts, pos) - 1
        while index >= 0 and self.items[index].start >= floor:
            yield self.items[index]
            index -= 1


# ---------------------------------------------------------------------------------------------
# Attribution


def _ends_clause(text: str, span: _Span) -> bool:
    """“…,” / “…?” / “…!”: the quotation stops mid-sentence, so an attribution may follow."""
    inner = text[span.text_start : span.text_end].rstrip()
    after = text[span.end : span.end + 3].lstrip()
    # also “We are ready…” Smith said / “We are ready” — Smith said — “and …”
    return inner.endswith((",", "?", "!", "—", "–", "-", "…", "...")) or after.startswith(
        (",", "—", "–")
    )


def _bare_attribution(text: str, span: _Span, act: _Speech) -> bool:
    """ "“… a ‘Merry Christmas.’” Stover said.": a quotation that opens its sentence, closed
    after its own full stop, then a sentence that is only its speaker and a reporting verb (at
    most three words more, "Stover said in 2019."): that sentence attributes the quotation
    before it. Not a quotation inside the writer's sentence ("Smith called the ruling “a
    travesty.” Jones said it was fair.": not Jones's)."""
    inner = text[span.text_start : span.text_end].rstrip(" ’'")
    if not _SENTENCE_END.search(inner) or act.subject is None or act.subject.start < span.end:
        return False
    lead = text[: span.start].rstrip(" \t\n(")
    if lead and (lead[-1].isalnum() or lead[-1] in ",;:"):
        return False  # "Smith called the ruling “a travesty.” Jones said …": Smith's sentence
    return _BARE_TAIL.fullmatch(text, act.end, act.sentence[1]) is not None


_LEADING_SPACE = patterns.compile(r"\s+")
_BARE_TAIL = patterns.compile(r"(?:\s+[\w’'-]+){0,3}\s*[.!]\s*")


def _speech_after(text: str, span: _Span, acts: _Acts, limit: int) -> _Speech | None:
    """“…,” Peresild said / said Nelson / the agency said: the verb right after, same sentence
    (or “….” Stover said.)."""
    if not span.closed:
        return None
    act = acts.first_from(span.end)
    if act is None or act.start > min(span.end + _AFTER_WINDOW, limit):
        return None
    if not _ends_clause(text, span) and not _bare_attribution(text, span, act):
        return None
    if not act.sentence[0] <= span.end - 1 < act.sentence[1]:
        return None
    if act.subject is not None and act.subject.start < span.end:
        return None  # its subject stands before the quotation: not an attribution of it
    if _CLAUSE_AFTER.match(text, span.end):
        return None  # "“…,” and Young added, “…”": Young's words are the next quotation
    if _new_sentence_after(text, span, act):
        return None  # "“I want to be an astronaut!” But at some point I said, “…”"
    return act


def _new_sentence_after(text: str, span: _Span, act: _Speech) -> bool:
    """A quotation ending with its own . ! or ?, then a capitalised word that opens a new
    sentence whose reporting verb has no one the rules know as its subject ("But at some point
    I said"): anything but the verb right there ("“Go!” Said Smith"). A named subject still
    attributes it ("“Houston, we are returning to Earth!” With those words, Stafford
    announced …")."""
    if act.subject is not None or not _SENTENCE_END.search(
        text[span.text_start : span.text_end].rstrip(" ’'")
    ):
        return False
    gap = _LEADING_SPACE.match(text, span.end)
    lo = gap.end() if gap else span.end
    if not text[lo : lo + 1].isupper():
        return False
    return act.start > lo and _TITLE_GAP.fullmatch(text, lo, act.start) is None


_STOP_BETWEEN = patterns.compile(r"[.!?]")  # between two fragments: not one clause
_WORD_AFTER_POSSESSIVE = patterns.compile(r"[’']s?\s+[“\"]?(?P<word>[a-z][\w\-]*)")


def _possessive_modifier(masked: str, mention: _Subject) -> bool:
    """A possessive before a thing, not a person's title ("affecting Moussaoui’s “constitutional
    rights”", not "Jones’s lawyer called it"): no speaker of its own."""
    if not mention.possessive:
        return False
    after = _WORD_AFTER_POSSESSIVE.match(masked, mention.end)
    return after is not None and after.group("word") not in _role_words()


def _speech_before(
    masked: str, span: _Span, acts: _Acts, subjects: _Subjects, floor: int
) -> _Speech | None:
    """The nearest reporting verb before the quotation in its sentence, with no one else named
    between them ("Smith said the vote was close, but Jones called it “…”" is not Smith's)."""
    for act in acts.before(span.start, max(floor, span.start - _BEFORE_WINDOW)):
        if not act.sentence[0] <= span.start < act.sentence[1]:
            return None
        own = act.subject
        for mention in subjects.between(act.end, span.start):
            if (own is None or mention.start != own.start) and not (
                mention.object or _possessive_modifier(masked, mention)
            ):
                return None
        if _NEW_CLAUSE.search(masked, act.end, span.start) and not _DASH_GAP.fullmatch(
            masked, act.end, span.start
        ):
            return None  # "Smith said …, but the judge called it “…”": another clause
        return act
    return None


def _at_sentence_start(masked: str, starts: list[int], pos: int) -> bool:
    lo, _ = sentence_bounds(masked, starts, pos)
    return not masked[lo:pos].strip(' \t\n“"‘(')


_TERM_WORDS = 3
# "Smith called the ruling “a travesty.”": someone's word for a thing, a voice (no term) even
# with the full stop inside the marks
_CALLED_BEFORE = patterns.compile(
    r"(?<![\w’'-])(?:called|calls)\s+(?:it|him|her|them|the\s+\w+)\s+$"
)


def _characterised(text: str, span: _Span, words: str) -> bool:
    """A short term-shaped quotation ending in a full stop that a verb of calling puts on an
    object right before it ("called the ruling “a travesty.”"): someone's words."""
    return words.endswith(".") and bool(
        _CALLED_BEFORE.search(text, max(0, span.start - 40), span.start)
    )


def _is_term(words: str, at_start: bool) -> bool:
    """A title or term, not speech: short, no sentence punctuation, or Title Case (of any
    length when it ends no sentence: a painting's “Apollo 15 NASA Artist at Work, VAB,”, a
    treaty's “Framework Agreement Between the Government of Japan and …, For Peaceful
    Purposes,”)."""
    tokens = words.split()
    if _is_title(words) or (title_case(tokens) and len(tokens) <= 6):
        return True
    if not at_start and len(tokens) <= _TERM_WORDS and words[:1].islower() and words.endswith("."):
        # "the rover’s “neck” and “head.”", "evaporation or “boiloff.”": a term, the sentence's
        # full stop put inside the marks
        return True
    if _SENTENCE_END.search(words.rstrip("’'\")")):
        return False
    return not (at_start and len(tokens) >= 3) and len(tokens) < 6


def _narrative_fragment(text: str, span: _Span, words: str, at_start: bool) -> bool:
    """ "the leader of a “gang of traitors.”", "trains … researchers to “get out of their
    comfort zone” and talk to customers": at most six lower-case words in quotation marks
    right after a determiner or "to" inside the narrative's sentence, with no reporting verb
    for them, are the writer's (an epithet, an idiom), even with the full stop the style puts
    inside the marks (`fragment_lead_words`)."""
    if at_start or span.continued or not words[:1].islower() or len(words.split()) > 6:
        return False
    lead = _words().fragment_lead.search(text, max(0, span.start - 40), span.start)
    if lead is None:
        return False
    # a word between the determiner and the marks qualifies the phrase ("a radioactive “dirty
    # bomb.”"), unless the quotation is a phrase of its own ("called the ruling “a travesty.”")
    qualified = len(lead.group().split()) > 1
    return not (qualified and words.split()[0].lower() in _words().fragment_leads)


def _is_title(words: str) -> bool:
    """Title Case words that end no sentence, of any length: “Framework Agreement Between the
    Government of Japan and …, For Peaceful Purposes,”, “Chips and Science Act of 2022”."""
    return title_case(words.split()) and not _SENTENCE_END.search(words.rstrip("’'\")"))


@cache
def _title_is() -> re.Pattern[str]:
    """`title_cues` of speech.yml ("title is") right before a quotation."""
    cues = str_list(load_data("speech.yml").get("title_cues"))
    return patterns.compile(
        rf"(?i)(?<![\w’'-])(?:{_alternation(cues)})\s*,?\s*$" if cues else r"(?!x)x"
    )


def _term_cued(text: str, span: _Span, words: str) -> bool:
    """“Challenge” after "a film called", “Steeple Mountain.” after "nicknamed", a Title Case
    quotation set off after a noun ("The exhibit, “Art of the Space Age,” opens"): a title or a
    name, even in a sentence with a reporting verb."""
    cue = _words().term_cue
    tokens = words.split()
    apposed = (
        _APPOSED.search(text, max(0, span.start - 60), span.start) if _is_title(words) else None
    )
    if apposed is not None and not _words().verbs.search(apposed.group()):
        return True  # "The exhibit, “Art of the Space Age,” opens Friday, Smith said."
    if cue is None or (len(tokens) > 6 and not title_case(tokens)):
        # a title after its cue at any length, the sentence's full stop inside its marks too:
        # "a book titled “Into the Void: …”", "in his presentation, “… Orbit and Beyond.”"
        return False
    if _title_is().search(text, max(0, span.start - 30), span.start):
        # "Twine’s official title is “astronaut strength, … specialist.”": a job title, even
        # with the sentence's full stop inside the marks
        return True
    if _SENTENCE_END.search(words) and not title_case(tokens):
        return False
    return bool(cue.search(text, max(0, span.start - 30), span.start))


# "The exhibit, “…”": a determiner, at most two more lower-case words and a noun, then a comma
_APPOSED = patterns.compile(
    r"(?<![\w’'-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s*,\s*$"
)


_NOUN_AFTER = patterns.compile(r"\s+(?P<word>[a-z][\w’'-]*)")


def _scare_quoted(text: str, span: _Span, words: str, reported: bool = False) -> bool:
    """ "an “agency-only” broker": a word or two in quotation marks between a determiner and
    the noun they qualify is a term (the writer's scare quotes), even beside a reporting verb."""
    if not span.closed or len(words.split()) > 2 or _SENTENCE_END.search(words):
        return False
    before = _words().scare_determiners.search(text, max(0, span.start - 20), span.start)
    after = _NOUN_AFTER.match(text, span.end)
    # in reported speech the word after must be the noun they qualify, not a preposition:
    # "Judge X said a sentence was warranted as a “general deterrence” to other employees"
    # quotes the judge; "the result of a “burp” from the drink bag" stays the writer's
    return (
        before is not None
        and after is not None
        and not (reported and after.group("word").lower() in people_lexicon().closed_class)
    )


_NEXT_WORD = patterns.compile(r"\s+([A-Za-z][\w’'-]*)(?:\s+([a-z][\w’'-]*))?")


def _quoted_name(text: str, span: _Span, words: str) -> bool:
    """ "The USGS “Did you feel it?” Web site received …": a quotation after a determiner (and
    at most three capitalised words) that qualifies the noun right after it names a service,
    product or campaign; it is no one's speech, even when it is a whole question or sentence."""
    if not span.closed or len(words.split()) > 8 or words.endswith(","):
        return False
    if not _words().name_before.search(text, max(0, span.start - 60), span.start):
        return False
    after = _NEXT_WORD.match(text, span.end)
    if after is None:
        return False
    nouns = _words().name_nouns
    one = after.group(1).lower()
    two = f"{one} {after.group(2)}" if after.group(2) else ""
    return one in nouns or two in nouns


# After a work's quoted title: its maker ("“We’re going back” by Hannah Kim, 1st Place"), or a
# verb it is the subject of ("She said “Beyond Imagination” emerged from a philosophy")
_BY_MAKER = patterns.compile(r",?\s+by\s+[A-Z]")
_TITLE_SUBJECT = patterns.compile(
    r"\s+(?!(?:and|or|but|as|is|was)\b)[a-z]+ed\b|\s+(?:won|depicts|shows|features|remains)\b"
)


def _work_title(text: str, span: _Span, words: str) -> bool:
    """A work's title, not speech: a closed quotation followed by "by" and its maker's name (a
    caption's credit), or a Title Case one (no sentence end inside) that is the subject of the
    verb right after it."""
    if not span.closed:
        return False
    if _BY_MAKER.match(text, span.end):
        return True
    return _is_title(words) and _TITLE_SUBJECT.match(text, span.end) is not None


def _defined_term(text: str, span: _Span, words: str) -> bool:
    """ "performance-enhancing drugs and methods (“PEDs”)": a few words quoted alone inside
    brackets name a term the sentence defines, whoever speaks around it."""
    return (
        span.closed
        and len(words.split()) <= 4
        and text[: span.start].rstrip().endswith("(")
        and text[span.end :].lstrip().startswith(")")
    )


class _Evidence:
    """Who speaks where in a block: the speakers of its reporting verbs (None when unknown) and
    of its voices so far, by offset, for bisect lookups."""

    def __init__(self, acts: _Acts) -> None:
        self.act_starts = acts.starts
        self.act_speakers = [a.speaker for a in acts.items]
        self.quote_starts: list[int] = []
        self.quote_speakers: list[str | None] = []

    def add_voice(self, pos: int, speaker: str | None) -> None:
        self.quote_starts.append(pos)  # voices are added in document order
        self.quote_speakers.append(speaker)

    def sole_speaker(self, lo: int, hi: int) -> tuple[int, str] | None:
        """(last offset, speaker) when every act and voice in [lo, hi) has one named speaker."""
        i, j = bisect.bisect_left(self.act_starts, lo), bisect.bisect_left(self.act_starts, hi)
        k, m = bisect.bisect_left(self.quote_starts, lo), bisect.bisect_left(self.quote_starts, hi)
        speakers = {*self.act_speakers[i:j], *self.quote_speakers[k:m]}
        if len(speakers) != 1:
            return None
        (speaker,) = speakers
        if speaker is None:
            return None
        last = max(
            self.act_starts[j - 1] if j > i else -1, self.quote_starts[m - 1] if m > k else -1
        )
        return last, speaker


def _nobody_between(acts: _Acts, start: int, end: int, speaker: str) -> bool:
    """No one but `speaker` speaks in [start, end): no reporting verb there has another subject
    ("a statement from Bill Nelson on Richard Truly, who …": Truly does not speak)."""
    for act in acts.before(end, start):
        if act.subject is not None and act.speaker != speaker:
            return False
    return True


@dataclass(frozen=True)
class _Context:
    text: str
    masked: str
    starts: list[int]
    subjects: _Subjects
    acts: _Acts
    previous: str | None  # speaker of a quotation left open in the previous paragraph
    trailing: str | None  # speaker the previous paragraph ends with, no one after
    headline: str | None = None  # the one person the headline names


def _attribute(
    ctx: _Context, spans: list[_Span], evidence: _Evidence
) -> list[tuple[str, str | None] | None]:
    """(words, speaker) of each span that is a voice, None for a term or title."""
    text, masked, starts = ctx.text, ctx.masked, ctx.starts
    result: list[tuple[str, str | None] | None] = []
    reported: _Speech | None = None  # the verb before the last quotation, reporting it
    for number, span in enumerate(spans):
        words = _quote_text(text, span)
        limit = spans[number + 1].start if number + 1 < len(spans) else len(text)
        floor = spans[number - 1].end if number else 0
        if (
            reported is not None
            and reported.sentence[0] <= span.start < reported.sentence[1]
            and not _STOP_BETWEEN.search(text, max(0, floor - 3), span.start)
        ):
            # "The judge said this is the government’s “second significant error” affecting
            # Moussaoui’s “constitutional rights,”": one verb reports both fragments
            floor = reported.start
        act = _speech_after(text, span, ctx.acts, limit)
        reported = None
        if act is None:
            act = reported = _speech_before(masked, span, ctx.acts, ctx.subjects, floor)
        at_start = _at_sentence_start(masked, starts, span.start)
        speaker: str | None = None
        if (
            _term_cued(text, span, words)
            or _scare_quoted(
                text, span, words, reported=act is not None and act.subject is not None
            )
            or _defined_term(text, span, words)
            or _quoted_name(text, span, words)
            or _work_title(text, span, words)
        ):
            result.append(None)
            continue
        if act is not None and act.subject is None and not span.continued and _is_title(words):
            # “Moon to Mars Architecture Definition Document,” released Tuesday, says …: a
            # title the verb's subject is, not anyone's speech
            result.append(None)
            continue
        if act is not None:
            speaker = act.speaker
            if span.continued and act.subject is None:
                speaker = ctx.previous
        elif span.continued:
            speaker = ctx.previous
        elif _words().thought.search(text, max(0, span.start - 40), span.start):
            result.append(None)  # "I started to think “I want to be an astronaut!”": a thought
            continue
        elif (
            _is_term(words, at_start) and not _characterised(text, span, words)
        ) or _narrative_fragment(text, span, words, at_start):
            result.append(None)
            continue
        elif at_start:
            speaker = (
                _previous_sentence_speaker(ctx, evidence, span)
                or _speaker_past_narration(ctx, evidence, span, words)
                or _narrated_subject(ctx, span, words)
            )
        # A question does not carry its asker over to the answer after it.
        evidence.add_voice(span.start, None if words.endswith("?") else speaker)
        result.append((words, speaker))
    return result


def _previous_sentence_speaker(ctx: _Context, evidence: _Evidence, span: _Span) -> str | None:
    """Rule 4: the one speaker of the sentence before, no one else named since."""
    index = bisect.bisect_right(ctx.starts, span.start) - 1
    if index == 0:
        opens_block = not ctx.masked[: span.start].strip()
        return ctx.trailing if opens_block else None
    lo, hi = ctx.starts[index - 1], ctx.starts[index]
    found = evidence.sole_speaker(lo, hi)
    if found is None:
        return None
    pos, speaker = found
    return speaker if _nobody_between(ctx.acts, pos, span.start, speaker) else None


def _speaker_past_narration(
    ctx: _Context, evidence: _Evidence, span: _Span, words: str
) -> str | None:
    """ "“They had a question,” said Twine. Together, they worked out a solution. “It was a
    great asset because we were able to adjust …”": a quotation in the first person that is a
    whole sentence, after one sentence of narration that names no one, reports no speech and
    goes on about someone by a pronoun, is the speaker of the sentence before that (in the
    same block)."""
    index = bisect.bisect_right(ctx.starts, span.start) - 1
    if index < 2 or not _PERSONAL.search(words):
        return None
    lo, mid, hi = ctx.starts[index - 2], ctx.starts[index - 1], ctx.starts[index]
    if evidence.sole_speaker(mid, hi) is not None or any(ctx.acts.before(hi, mid)):
        return None
    if any(s.person != _PRONOUN for s in ctx.subjects.between(mid, hi)):
        return None
    if not _THIRD_PERSON.search(ctx.masked, mid, hi):
        return None  # "… said Twine. The agency disagreed. “We …”": the agency may speak
    found = evidence.sole_speaker(lo, mid)
    if found is None:
        return None
    pos, speaker = found
    return speaker if _nobody_between(ctx.acts, pos, span.start, speaker) else None


_THIRD_PERSON = patterns.compile(
    r"(?<![\w’'-])(?:[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Hh]er|[Tt]heir|[Hh]im|[Tt]hem)(?![\w’'-])"
)
_PERSONAL = patterns.compile(
    r"(?<![\w’'-])(?:I|we|We|my|My|our|Our|me|us|you|You|your|Your)(?![\w’'-])"
)


def _narrated_subject(ctx: _Context, span: _Span, words: str) -> str | None:
    """In a profile whose headline names one person ("Meet Hemanth Koralla"): "While
    unexpected, Koralla seized the opportunity. “You can’t say no to NASA!”" — a sentence that
    is only a quotation, in the first or second person, right after a sentence whose subject
    is that person, the one its paragraph names, in a paragraph with no reporting verb at all,
    is theirs (a feature's way of letting its subject speak). Anyone else named there, a verb
    of speech, a message or letter in the sentence before (`speech_nouns`, `speech_sources`:
    its words may be someone else's), or another headline ("Peresild waved. “We will be back
    soon.”") gives no one."""
    if ctx.headline is None or ctx.acts.items:
        return None
    if len(words.split()) < 3 or not _PERSONAL.search(words):
        return None
    index = bisect.bisect_right(ctx.starts, span.start) - 1
    if index == 0:
        return None
    named = {s.person for s in ctx.subjects.items if s.person != _PRONOUN}
    if len(named) != 1:
        return None
    (person,) = named
    if person != ctx.headline:
        return None
    lo, hi = ctx.starts[index - 1], ctx.starts[index]
    if _words().speech_words.search(ctx.masked, lo, hi):
        return None  # "Koralla received a letter. “We regret to inform you …”": the letter's
    subject = any(
        s.person == person and not (s.object or s.possessive) for s in ctx.subjects.between(lo, hi)
    )
    return person if subject else None


def _trailing_speaker(ctx: _Context, evidence: _Evidence, last_voice: str | None) -> str | None:
    """Who the block ends with: the one speaker of its last sentence, no one else speaking after
    (`last_voice`: the words of its last voice; a question is no one's lead-in to an answer)."""
    if last_voice is not None and last_voice.endswith("?"):
        return None
    found = evidence.sole_speaker(ctx.starts[-1], len(ctx.masked) + 1)
    if found is None:
        return None
    pos, speaker = found
    return speaker if _nobody_between(ctx.acts, pos, len(ctx.masked), speaker) else None


def _introduces(
    masked: str, subjects: _Subjects, acts: list[_Speech], spans: list[_Span]
) -> str | None:
    """The one person a paragraph with no quotation, no speech verb and no he/she names, and
    says who they are ("Chris Ferguson was the shuttle commander": the name, then "was" or
    "is"; "Another member who kept going was Staff Sgt. Alicia Salas": "was" or "is", at most
    a capitalised title, then the name); else None ("Shipenko filmed the launch. ¶ “Great,”
    she said": maybe someone else)."""
    if spans or acts or any(s.person == _PRONOUN for s in subjects.items):
        return None
    named = {s.person for s in subjects.items}
    if len(named) != 1 or not any(
        not (s.object or s.possessive)
        and (
            _IS.match(masked, s.end)
            or _IS_BEFORE.search(masked, max(0, s.start - 60), s.start) is not None
        )
        for s in subjects.items
    ):
        return None
    return named.pop()


def _introduced_by_pronoun(
    masked: str,
    starts: list[int],
    subjects: _Subjects,
    acts: _Acts,
    spans: list[_Span],
    named_as: Mapping[str, str],
) -> tuple[str, str] | None:
    """(person, "he"/"she") for a paragraph with no quotation and no speech that names one
    person, as the subject opening a sentence ("Kajsa Bergqvist of Sweden soared …"), and goes
    on about them by one gender's pronouns only ("Her victory was an amazing comeback"); else
    None ("Shipenko filmed the launch." names him by no pronoun: a "she" after it may be
    anyone)."""
    if spans or acts.items:
        return None
    named = [s for s in subjects.items if s.person != _PRONOUN]
    if len({s.person for s in named}) != 1:
        return None
    opening = [
        s for s in named if not (s.object or s.possessive) and _opens_sentence(masked, starts, s)
    ]
    if not opening:
        return None
    person, after = opening[0].person, opening[0].end
    he = _HE_FORMS.search(masked, after) is not None
    she = _SHE_FORMS.search(masked, after) is not None
    if _HE_FORMS.search(masked, 0, after) or _SHE_FORMS.search(masked, 0, after) or (he and she):
        return None
    if not (he or she):  # "In the final event, Lauryn Williams … shot across": her name tells
        told = named_as.get(person)
        return (person, told) if told is not None else None
    forms = _HE_FORMS if he else _SHE_FORMS
    if not any(
        _opens_with(forms, masked, _sentence_opening(masked, st)) for st in starts if st > after
    ):
        return None  # "Doe met her; she was the pilot.": no sentence opens with the pronoun
    form = "he" if he else "she"
    return (person, form) if named_as.get(person, form) == form else None


_OPENING_PHRASE = patterns.compile(r"[A-Z][^,;:.!?“”\"]{0,60},\s+")  # "Instead, "


def _opens_with(forms: re.Pattern[str], masked: str, start: int) -> bool:
    """Whether the sentence at `start` opens with one of `forms`, maybe after one opening
    phrase and its comma ("Instead, she finished with a bronze")."""
    if forms.match(masked, start):
        return True
    fronted = _OPENING_PHRASE.match(masked, start)
    return fronted is not None and forms.match(masked, fronted.end()) is not None


def _sentence_opening(masked: str, start: int) -> int:
    """Where a sentence's first word is (past spaces and opening marks)."""
    while start < len(masked) and masked[start] in ' \t\n“"‘(':
        start += 1
    return start


def _pronoun_form(masked: str, subject: _Subject) -> str:
    return masked[subject.start : subject.end].lower()


def _unknown_told(masked: str, subjects: _Subjects, acts: _Acts, spans: list[_Span]) -> bool:
    """Whether a paragraph with no quotation and no speech goes on about someone by he or she
    while naming no person found: someone the rules do not know, who may be the next "she"."""
    if spans or acts.items or any(s.person != _PRONOUN for s in subjects.items):
        return False
    return bool(_HE_FORMS.search(masked) or _SHE_FORMS.search(masked))


def _pronoun_led(subjects: _Subjects, acts: _Acts) -> bool:
    first = next((a for a in acts.items if a.subject is not None), None)
    if first is None or first.subject is None or first.subject.person != _PRONOUN:
        return False
    return not any(s.person != _PRONOUN for s in subjects.before(first.start, 0))


@dataclass(frozen=True)
class _Carry:
    """What one paragraph hands to the next."""

    continuing: bool = False  # its last quotation runs on
    previous: str | None = None  # that quotation's speaker
    trailing: str | None = None  # the one speaker it ends with


def _block_speech(
    block: Block, index: PeopleIndex, tracker: _Tracker, carry: _Carry, next_opens: bool
) -> tuple[BlockSpeech, _Carry]:
    text = block.text
    spans = _spans(text, carry.continuing, next_opens)
    masked = _masked(text, spans)
    starts = sentence_starts(masked)
    subjects = _Subjects(_subjects(masked, index, starts))
    tracker.clear_until = 0
    acts = _Acts(_speech_acts(masked, starts, subjects, tracker, sentence_starts(text)))
    tracker.introduced = _introduces(masked, subjects, acts.items, spans)
    tracker.introduced_pronoun = _introduced_by_pronoun(
        masked, starts, subjects, acts, spans, tracker.named_as
    )
    if _unknown_told(masked, subjects, acts, spans):
        tracker.intervened = True  # "Docas Inzikuru of Uganda ran … She started …": not the speaker
    tracker.previous_named = frozenset(s.person for s in subjects.items if s.person != _PRONOUN)
    ctx = _Context(
        text, masked, starts, subjects, acts, carry.previous, carry.trailing, tracker.headline
    )
    evidence = _Evidence(acts)
    attributed = _attribute(ctx, spans, evidence)
    voices = [
        (span, found)
        for span, found in zip(spans, attributed, strict=True)
        if found is not None and any(c.isalnum() for c in found[0])
    ]
    quotes = tuple(
        quote
        for _, (words, speaker) in voices
        for quote in (Quote(words, speaker, block.id), *_nested(words, index, block.id))
    )
    left_open = bool(spans) and spans[-1].runs_on
    speech = BlockSpeech(
        block=block.id,
        quotes=quotes,
        narrative=masked,
        continues_previous=bool(spans) and spans[0].continued,
        pronoun_led=_pronoun_led(subjects, acts),
        left_open=left_open,
    )
    last_speaker = attributed[-1][1] if attributed and attributed[-1] is not None else None
    trailing = _trailing_speaker(ctx, evidence, voices[-1][1][0] if voices else None)
    return speech, _Carry(left_open, last_speaker if left_open else None, trailing)


_NESTED_OPEN = patterns.compile(r"[,:]\s+[‘'](?=[A-Z])")  # "Kraft said, 'The"
_NESTED_CLOSE = patterns.compile(r"(?<=[.!?,])[’'](?=\s|$)")  # "we do here.'": not "Chris' talents"


def _nested(words: str, index: PeopleIndex, block: str) -> tuple[Quote, ...]:
    """A quotation inside a voice, in single marks and introduced by a reporting verb whose
    subject is a person named right before it: "“Once comparing his work to a conductor's,
    Kraft said, 'The conductor can't play all the instruments. … That's what we do here.'”"
    in Bridenstine's statement is Kraft's voice too (the whole stays Bridenstine's). A he/she
    there, or no closing mark after a sentence's end, gives none."""
    found: list[Quote] = []
    for opening in _NESTED_OPEN.finditer(words):
        close = _NESTED_CLOSE.search(words, opening.end())
        lead = words[: opening.start()]
        verb = None
        for candidate in _words().verbs.finditer(lead, max(0, len(lead) - 40)):
            verb = candidate
        if close is None or verb is None or verb.end() != len(lead):
            continue
        before = [m for m in index.mentions(lead) if m[1] <= verb.start()]
        if not before:
            continue
        start, end, person = before[-1]
        if (
            _POSSESSIVE_AFTER.match(lead, end)
            or _is_object(lead, start, -1)
            or not _transparent(lead[end : verb.start()])
        ):
            continue
        inner = " ".join(words[opening.end() : close.start()].split())
        if inner:
            found.append(Quote(inner, person, block))
    return (*found, *_nested_messages(words, index, block))


_CURLY_OPEN = patterns.compile(r"(?<![\w’'])‘(?=[A-Z])")  # ‘ never stands for an apostrophe
_SENTENCE_BREAK = patterns.compile(r"[.!?]\s")


def _nested_messages(words: str, index: PeopleIndex, block: str) -> tuple[Quote, ...]:
    """ "“On my answering machine was a message from Barry calling me … to wish me and my
    family a ‘Merry Christmas.’” Stover said": a quotation in curly single marks inside a
    voice, in a sentence where a speech phrase that names its speaker after it
    (`after_only_verbs`: "message from", "statement by") names a person, no one else named
    between them, is that person's words."""
    found: list[Quote] = []
    words_data = _words()
    for opening in _CURLY_OPEN.finditer(words):
        close = _NESTED_CLOSE.search(words, opening.end())
        if close is None or words[close.start()] != "’":
            continue
        breaks = [m.end() for m in _SENTENCE_BREAK.finditer(words, 0, opening.start())]
        lo = breaks[-1] if breaks else 0
        phrase = None
        for verb in words_data.verbs.finditer(words, lo, opening.start()):
            if _norm(verb.group()) in words_data.after_only:
                phrase = verb
        if phrase is None:
            continue
        named = [m for m in index.mentions(words[: opening.start()]) if m[0] >= phrase.end()]
        if (
            len(named) != 1
            or not _INVERTED_GAP.fullmatch(words, phrase.end(), named[0][0])
            or _POSSESSIVE_AFTER.match(words, named[0][1])  # "a message from Doe’s office"
        ):
            continue
        inner = " ".join(words[opening.end() : close.start()].split())
        if inner:
            found.append(Quote(inner, named[0][2], block))
    return tuple(found)


def analyse_speech(article: Article, people: tuple[Person, ...]) -> tuple[BlockSpeech, ...]:
    """Quotations and speech flags of every story block, in document order."""
    index = PeopleIndex(people, role_references=True)
    named = {pid for *_, pid in index.mentions(article.title)}
    named_as = {p.id: g for p in people if (g := pronoun_of(p.name)) is not None}
    tracker = _Tracker(headline=named.pop() if len(named) == 1 else None, named_as=named_as)
    blocks = article.story_blocks
    # Whether the next paragraph (captions skipped) opens with a quotation mark, for each block.
    next_opens = [False] * len(blocks)
    upcoming = False
    for number in range(len(blocks) - 1, -1, -1):
        next_opens[number] = upcoming
        if blocks[number].kind == "paragraph":
            upcoming = opens_with_mark(blocks[number].text)
    results: list[BlockSpeech] = []
    carry = _Carry()
    for number, (block, opens) in enumerate(zip(blocks, next_opens, strict=True)):
        if block.kind != "paragraph" and not _caption_runs_on(blocks, number):
            # captions neither continue nor interrupt a quotation
            fresh = _Tracker(headline=tracker.headline, named_as=tracker.named_as)
            speech, _ = _block_speech(block, index, fresh, _Carry(), False)
            results.append(speech)
            continue
        speech, carry = _block_speech(block, index, tracker, carry, opens)
        results.append(speech)
    results = _credited(results, blocks, index)
    author = _statement_author(article.title, index)
    if author is not None:
        results = [
            _as_statement(speech, block, author, index)
            for speech, block in zip(results, blocks, strict=True)
        ]
    return tuple(results)


def _caption_runs_on(blocks: tuple[Block, ...], number: int) -> bool:
    """ "“When people begin their careers, … as an individual." read as the lead caption, then
    paragraphs that each open with “ and only the last closes it: a caption that opens a
    quotation, leaves it open, and is followed by a paragraph opening with a mark is the first
    paragraph of that quotation."""
    text = blocks[number].text
    following = blocks[number + 1] if number + 1 < len(blocks) else None
    if following is None or following.kind != "paragraph" or not opens_with_mark(text):
        return False
    if not opens_with_mark(following.text):
        return False
    spans = _spans(text, False, True)
    return len(spans) == 1 and spans[0].runs_on


# "— Dana Weigel, International Space Station Program Manager": a line crediting the quotation
_CREDIT = patterns.compile(r"\s*[—–―]\s*")


def _credited(
    results: list[BlockSpeech], blocks: tuple[Block, ...], index: PeopleIndex
) -> list[BlockSpeech]:
    """A dash and a person's name credit the quotation closed right before them: a paragraph
    of its own ("— Dana Weigel, International Space Station Program Manager, NASA’s Johnson
    Space Center") after a paragraph that ends by closing a quotation, or the end of a
    paragraph that opens with a quotation ("“We choose to go to the Moon.” — John Doe"). The
    credit covers the paragraphs that quotation continues (each opening with a mark, the last
    closing it), when each holds that one quotation and no one speaks in them."""
    for number, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        text = block.text.rstrip()
        if results[number].quotes:  # "“…” — John Doe": the credit ends this paragraph
            close = max(text.rfind("”"), text.rfind('"'))
            last = number
            if not opens_with_mark(text) or close < 0:
                continue
        else:  # "— Dana Weigel, …" after the paragraph whose quotation it credits
            close, last = -1, number - 1
            if last < 0 or not blocks[last].text.rstrip().endswith(("”", '"')):
                continue
        dash = _CREDIT.match(text, close + 1)
        named = next(index.mentions(text[dash.end() :]), None) if dash else None
        if named is None or named[0] != 0:
            continue
        chain = [last]
        while results[chain[-1]].continues_previous and chain[-1] > 0:
            chain.append(chain[-1] - 1)
        quotes = [q for n in chain for q in results[n].quotes]
        if len(quotes) == len(chain) and all(q.speaker is None for q in quotes):
            for n in chain:
                credited = tuple(replace(q, speaker=named[2]) for q in results[n].quotes)
                results[n] = replace(results[n], quotes=credited)
    return results


# A headline's topic starts at these words: "Statement by Nelson on the Death of John Glenn".
_TOPIC = patterns.compile(r"(?i)\s(?:on|about|regarding|for|at|to)\s|:")


def _statement_author(title: str, index: PeopleIndex) -> str | None:
    """Whose statement the article is, when its headline says so (`statement_headlines`:
    "Statement from NASA’s Janet Petro on …"): the person of the story named after those words,
    before the topic. None otherwise."""
    pattern = _words().statement
    found = pattern.search(title) if pattern else None
    if found is None:
        return None
    topic = _TOPIC.search(title, found.end())
    named = {
        pid for *_, pid in index.mentions(title[found.end() : topic.start() if topic else None])
    }
    return named.pop() if len(named) == 1 else None


def _as_statement(
    speech: BlockSpeech, block: Block, author: str, index: PeopleIndex
) -> BlockSpeech:
    """A paragraph of the statement (it opens with a quotation mark, and its narrative names no
    one else): its quotations with no speaker are the author's. Captions are not the statement."""
    if block.kind != "paragraph" or not opens_with_mark(block.text):
        return speech
    if any(pid != author for *_, pid in index.mentions(speech.narrative)):
        return speech
    if all(q.speaker is not None for q in speech.quotes):
        return speech
    quotes = tuple(
        q if q.speaker is not None else replace(q, speaker=author) for q in speech.quotes
    )
    return replace(speech, quotes=quotes)


def find_quotes(article: Article, people: tuple[Person, ...]) -> tuple[Quote, ...]:
    """Every direct quotation of the story, with its speaker's person id (or None)."""
    return tuple(q for speech in analyse_speech(article, people) for q in speech.quotes)
