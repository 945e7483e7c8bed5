"""Key facts for fact boxes (spacecraft, launch site, film title…) and the film's cast.

The patterns live in generator/data/keyfacts.yml; this module only applies them, sentence by
sentence, paragraphs before captions (a caption repeats what the story says, more loosely).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..model import Article, Block, CastMember, Event, KeyFact, Person
from .lexicon import keyfact_lexicon, people_lexicon
from .sentences import sentences
from .text import INITIAL, NAME_TOKEN, phrase_alternation, strip_possessive

_TRAILING = " ,;:—–"
_CAST_WORDS = re.compile(r"\b(?:play|plays|played|star|stars|starred)\b")


def _blocks_in_reading_order(article: Article) -> list[Block]:
    story = article.story_blocks
    return [b for b in story if b.kind == "paragraph"] + [b for b in story if b.kind == "caption"]


def _sentences(blocks: list[Block]) -> Iterator[tuple[Block, str]]:
    for block in blocks:
        for sentence in sentences(block.text):
            yield block, sentence


def find_dated_facts(events: tuple[Event, ...]) -> tuple[KeyFact, ...]:
    """Launch and return dates: the date of the first dated sentence with the fact's cue."""
    found: dict[str, KeyFact] = {}
    for name, cues in keyfact_lexicon().dated_facts.items():
        pattern = re.compile(r"(?<!\w)(?:" + phrase_alternation(cues) + r")(?!\w)", re.I)
        for event in events:
            if pattern.search(event.text):
                found[name] = KeyFact(name, event.date, event.block)
                break
    return tuple(found.values())


def find_key_facts(article: Article) -> tuple[KeyFact, ...]:
    """At most one value per fact name, in the order the data file lists the facts."""
    found: dict[str, KeyFact] = {}
    split = list(_sentences(_blocks_in_reading_order(article)))  # once, for all the facts
    for fact in keyfact_lexicon().facts:
        if fact.name in found:
            continue  # a second pattern for the same fact is a fallback
        for block, sentence in split:
            match = fact.pattern.search(sentence)
            if match:
                value = match.group("value").strip(_TRAILING)
                found[fact.name] = KeyFact(fact.name, value, block.id)
                break
    return tuple(found.values())


@cache
def _cast_patterns() -> tuple[re.Pattern[str], ...]:
    honorific = "(?:" + phrase_alternation(people_lexicon().honorifics) + r")\.?\s+"
    name = rf"(?:{honorific})?(?:{INITIAL}|{NAME_TOKEN})(?:\s+(?:{INITIAL}|{NAME_TOKEN}))*"
    return tuple(re.compile(p.replace("{name}", name)) for p in keyfact_lexicon().cast)


def _person_for(written: str, people: tuple[Person, ...]) -> str | None:
    """The id of the person written as `written` ("Peresild", "Mr Novitskiy"), if known."""
    form = " ".join(strip_possessive(w) for w in written.split())
    for person in people:
        if form == person.name or form in person.aliases:
            return person.id
    surname = form.split()[-1]
    owners = [p.id for p in people if p.name.split()[-1] == surname]
    return owners[0] if len(owners) == 1 else None


def find_cast(article: Article, people: tuple[Person, ...]) -> tuple[CastMember, ...]:
    """Who plays whom, where the article names the character ("a surgeon played by X")."""
    cast: list[CastMember] = []
    seen: set[tuple[str | None, str]] = set()
    for block, sentence in _sentences(list(article.story_blocks)):
        if not _CAST_WORDS.search(sentence):
            continue  # cheap test first: most sentences say nothing about a cast
        for pattern in _cast_patterns():
            for match in pattern.finditer(sentence):
                person = _person_for(match.group("actor"), people)
                character = match.group("character").strip(_TRAILING)
                if (person, character) not in seen:
                    seen.add((person, character))
                    cast.append(CastMember(person, character, block.id))
    return tuple(cast)
