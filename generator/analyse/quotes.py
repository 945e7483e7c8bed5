"""Direct quotations and their speakers, by rules over the words in generator/data/speech.yml.

Quotation marks: curly “…” and straight "…" (a straight mark opens when no quotation is open and
closes otherwise). Apostrophes (’ ') are never quotation marks. A quotation left open at the end
of a paragraph runs on: the next paragraph continues it, whether or not it re-opens with a mark.

Who spoke a quotation, first rule that applies:
1. It continues a quotation left open in the previous paragraph → that quotation's speaker.
2. After it, in the same sentence, a reporting verb with its subject: “…,” Peresild said /
   “…,” said NASA Administrator Bill Nelson / “…,” he said.
3. Before it, in the same sentence, a reporting verb with its subject: Shipenko, 38, …, said: “…” /
   Peresild said the training had been “…”, adding: “…”.
4. It follows another quotation of the same paragraph → that quotation's speaker.
5. Otherwise None: the article does not say.

A reporting verb's subject is the nearest person (or he/she) before it in its sentence that does
not follow a preposition ("with Shkaplerov" is no subject); failing that, a person right after it
("said Phil McAlister"). Names are matched only outside quotation marks, against the names and
aliases of the `people` given (plus a person's surname when no one else shares it).

Pronouns (he/she) resolve to the most recent speaker — the subject of the last reporting verb
with a named person, in this paragraph or an earlier one (Peskov in b8 for "he said" in b9). With
no earlier speaker the pronoun stays unresolved (None) rather than guessing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..model import Article, Block, Person, Quote
from .sentences import load_data, sentence_bounds, sentence_starts, str_list

_PRONOUN = "\x00pronoun"  # a subject that is a singular pronoun, resolved later
_MARK = re.compile(r"[“”\"]")
_STRAIGHT_QUOTE = '"'
_AFTER_WINDOW = (
    80  # chars between a closing mark and its reporting verb: "” said NASA Administrator"
)
_BEFORE_WINDOW = 400  # chars of a sentence searched before an opening mark
_INVERTED_GAP = re.compile(r"\s*,?\s*(?:[A-Z][\w.’'-]*\s+){0,4}")  # "said NASA Administrator "


@dataclass(frozen=True)
class _Span:
    start: int  # offset of the opening mark (block start for a continuation without one)
    end: int  # offset just after the closing mark (block end when left open)
    text_start: int
    text_end: int
    closed: bool
    continued: bool = False  # continues a quotation left open in the previous paragraph


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


@dataclass(frozen=True)
class _Words:
    verbs: re.Pattern[str]
    pronouns: re.Pattern[str]
    prepositions: frozenset[str]


@cache
def _words() -> _Words:
    data = load_data("speech.yml")
    verbs = sorted(str_list(data.get("reporting_verbs")), key=len, reverse=True)
    pronouns = str_list(data.get("singular_pronouns"))
    return _Words(
        verbs=_word_pattern(verbs or ["said"]),
        pronouns=_word_pattern(pronouns or ["he", "she"]),
        prepositions=frozenset(p.lower() for p in str_list(data.get("prepositions"))),
    )


def _word_pattern(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?i)(?<![\w’'-])(?:{body})(?![\w’'-])")


class PeopleIndex:
    """Finds mentions of the given people (names, aliases, unshared surnames) in text."""

    def __init__(self, people: tuple[Person, ...]) -> None:
        self.by_form: dict[str, str] = {}
        surnames: dict[str, set[str]] = {}
        for person in people:
            for form in (person.name, *person.aliases):
                if form.strip():
                    self.by_form.setdefault(form.strip(), person.id)
            words = person.name.split()
            if len(words) > 1:
                surnames.setdefault(words[-1], set()).add(person.id)
        for surname, ids in surnames.items():
            if len(ids) == 1:  # a shared surname would be a guess
                self.by_form.setdefault(surname, next(iter(ids)))
        forms = sorted(self.by_form, key=len, reverse=True)
        body = "|".join(re.escape(f) for f in forms)
        self.pattern = re.compile(rf"(?<![\w’'-])(?:{body})(?![\w-])") if forms else None

    def mentions(self, text: str) -> Iterator[tuple[int, int, str]]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            yield match.start(), match.end(), self.by_form[match.group()]


def _opens(text: str, index: int, open_at: int | None) -> bool:
    char = text[index]
    return char == "“" or (char == _STRAIGHT_QUOTE and open_at is None)


def _spans(text: str, continuing: bool) -> list[_Span]:
    """Quotations of one block, in order; `continuing`: the previous one was left open."""
    spans: list[_Span] = []
    open_at: int | None = None
    for match in _MARK.finditer(text):
        i = match.start()
        if _opens(text, i, open_at):
            if open_at is not None:  # a new opening mark ends an unclosed quotation
                spans.append(_span(open_at, i, closed=False, continued=continuing and not spans))
            open_at = i
        elif open_at is not None:
            spans.append(_span(open_at, i + 1, closed=True, continued=continuing and not spans))
            open_at = None
        elif continuing and not spans:  # "…profession.”": the quotation began a paragraph ago
            spans.append(_Span(0, i + 1, 0, i, closed=True, continued=True))
    if open_at is not None:
        spans.append(_span(open_at, len(text), closed=False, continued=continuing and not spans))
    if continuing and spans and spans[0].start > 0 and text[: spans[0].start].strip():
        spans[0] = _Span(*_fields(spans[0]), continued=False)  # text before it: not a run-on
    return spans


def _span(start: int, end: int, closed: bool, continued: bool) -> _Span:
    return _Span(start, end, start + 1, end - 1 if closed else end, closed, continued)


def _fields(span: _Span) -> tuple[int, int, int, int, bool]:
    return span.start, span.end, span.text_start, span.text_end, span.closed


def _masked(text: str, spans: list[_Span]) -> str:
    """The narrative: quoted words replaced by x (same length), so offsets still line up."""
    parts: list[str] = []
    pos = 0
    for span in spans:
        parts.append(text[pos : span.text_start])
        parts.append("x" * (span.text_end - span.text_start))
        pos = span.text_end
    parts.append(text[pos:])
    return "".join(parts)


def _quote_text(text: str, span: _Span) -> str:
    words = " ".join(text[span.text_start : span.text_end].split())
    return words.rstrip(",;:—– ").strip()


@dataclass
class _Tracker:
    """The most recent named speaker, carried from block to block in document order."""

    last_speaker: str | None = None


def _subjects(masked: str, index: PeopleIndex) -> list[_Subject]:
    found = [_Subject(s, e, pid) for s, e, pid in index.mentions(masked)]
    found += [_Subject(m.start(), m.end(), _PRONOUN) for m in _words().pronouns.finditer(masked)]
    found.sort(key=lambda s: s.start)
    # A mention inside a longer one ("Bill Nelson" vs "Nelson") is the same person: keep the first.
    kept: list[_Subject] = []
    for subject in found:
        if not kept or subject.start >= kept[-1].end:
            kept.append(subject)
    return kept


def _after_preposition(masked: str, start: int) -> bool:
    head = masked[max(0, start - 20) : start].split()
    return bool(head) and head[-1].lower().strip(",") in _words().prepositions


def _verb_subject(
    masked: str, verb: re.Match[str], subjects: _Subjects, sentence: tuple[int, int]
) -> _Subject | None:
    """The subject of one reporting verb: nearest before it, else right after it (inverted)."""
    floor = max(sentence[0], verb.start() - _BEFORE_WINDOW)
    for subject in subjects.before(verb.start(), floor):
        if not _after_preposition(masked, subject.start):
            return subject
    after = subjects.first_from(verb.end())
    if after is None or after.start >= sentence[1]:
        return None
    gap = _INVERTED_GAP.fullmatch(masked, verb.end(), after.start)
    return after if gap else None


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


@dataclass(frozen=True)
class _Speech:
    start: int  # the verb's offset
    end: int
    sentence: tuple[int, int]
    subject: _Subject | None
    speaker: str | None  # resolved person id


def _speech_acts(
    masked: str, starts: list[int], subjects: _Subjects, tracker: _Tracker
) -> list[_Speech]:
    """Every reporting verb of a block, with its speaker; updates the running speaker."""
    acts: list[_Speech] = []
    for verb in _words().verbs.finditer(masked):
        sentence = sentence_bounds(masked, starts, verb.start())
        subject = _verb_subject(masked, verb, subjects, sentence)
        speaker: str | None = None
        if subject is not None and subject.person == _PRONOUN:
            speaker = tracker.last_speaker
        elif subject is not None:
            speaker = subject.person
            tracker.last_speaker = speaker
        acts.append(_Speech(verb.start(), verb.end(), sentence, subject, speaker))
    return acts


def _ends_clause(text: str, span: _Span) -> bool:
    """“…,” / “…?” / “…!”: the quotation stops mid-sentence, so an attribution may follow."""
    inner = text[span.text_start : span.text_end].rstrip()
    after = text[span.end : span.end + 3].lstrip()
    return inner.endswith((",", "?", "!", "—", "–", "-")) or after.startswith(",")


def _speaker_after(text: str, span: _Span, acts: _Acts, limit: int) -> _Speech | None:
    if not span.closed or not _ends_clause(text, span):
        return None
    act = acts.first_from(span.end)
    if act is None or act.start > min(span.end + _AFTER_WINDOW, limit):
        return None
    inside = act.sentence[0] <= span.end - 1 < act.sentence[1]
    valid = act.subject is not None and act.subject.start >= span.end
    return act if inside and valid else None


def _speaker_before(span: _Span, acts: _Acts, floor: int) -> _Speech | None:
    """The last reporting verb with a subject between `floor` and the quotation, same sentence."""
    for act in acts.before(span.start, max(floor, span.start - _BEFORE_WINDOW)):
        if act.subject is not None and act.sentence[0] <= span.start < act.sentence[1]:
            return act
    return None


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


def _attribute(
    text: str, spans: list[_Span], acts: _Acts, previous: str | None
) -> list[str | None]:
    speakers: list[str | None] = []
    for number, span in enumerate(spans):
        limit = spans[number + 1].start if number + 1 < len(spans) else len(text)
        floor = spans[number - 1].end if number else 0
        if span.continued:
            speakers.append(previous)
            continue
        act = _speaker_after(text, span, acts, limit) or _speaker_before(span, acts, floor)
        if act is not None:
            speakers.append(act.speaker)
        elif number:  # a further quotation of the same speaker: “…,” he said. “…”
            speakers.append(speakers[-1])
        else:
            speakers.append(None)
    return speakers


def _pronoun_led(subjects: _Subjects, acts: _Acts) -> bool:
    first = next((a for a in acts.items if a.subject is not None), None)
    if first is None or first.subject is None or first.subject.person != _PRONOUN:
        return False
    return not any(s.person != _PRONOUN for s in subjects.before(first.start, 0))


def _block_speech(
    block: Block, index: PeopleIndex, tracker: _Tracker, continuing: bool, previous: str | None
) -> BlockSpeech:
    text = block.text
    spans = _spans(text, continuing)
    masked = _masked(text, spans)
    starts = sentence_starts(masked)
    subjects = _Subjects(_subjects(masked, index))
    acts = _Acts(_speech_acts(masked, starts, subjects, tracker))
    speakers = _attribute(text, spans, acts, previous)
    quotes = tuple(
        Quote(words, speaker, block.id)
        for span, speaker in zip(spans, speakers, strict=True)
        if (words := _quote_text(text, span)) and any(c.isalnum() for c in words)
    )
    return BlockSpeech(
        block=block.id,
        quotes=quotes,
        narrative=masked,
        continues_previous=bool(spans) and spans[0].continued,
        pronoun_led=_pronoun_led(subjects, acts),
        left_open=bool(spans) and not spans[-1].closed,
    )


def analyse_speech(article: Article, people: tuple[Person, ...]) -> tuple[BlockSpeech, ...]:
    """Quotations and speech flags of every story block, in document order."""
    index = PeopleIndex(people)
    tracker = _Tracker()
    results: list[BlockSpeech] = []
    open_speaker: str | None = None
    continuing = False
    for block in article.story_blocks:
        speech = _block_speech(block, index, tracker, continuing, open_speaker)
        results.append(speech)
        if block.kind == "paragraph":  # captions neither continue nor interrupt a quotation
            continuing = speech.left_open
            open_speaker = speech.quotes[-1].speaker if speech.quotes else None
    return tuple(results)


def find_quotes(article: Article, people: tuple[Person, ...]) -> tuple[Quote, ...]:
    """Every direct quotation of the story, with its speaker's person id (or None)."""
    return tuple(q for speech in analyse_speech(article, people) for q in speech.quotes)
