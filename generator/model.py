"""The domain model: frozen values passed from one pipeline stage to the next.

read → Article; analyse → Facts; compose → Page; render → text; write → docs/.
Every fact carries the ids of the blocks it came from (provenance is data).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "caption", "boilerplate"]


@dataclass(frozen=True)
class Block:
    """A blank-line-separated part of an article body, numbered b1, b2, … in order."""

    id: str
    kind: BlockKind
    text: str
    line: int  # 1-based line of the seed file where the block starts
    label: str | None = None  # caption label line ("Russia Space Station")
    credit: str | None = None  # caption credit ("Roscosmos Space Agency/AP")


@dataclass(frozen=True)
class PhotoRef:
    """A photo the editor tied to a caption block in front matter (`photos:`)."""

    file: str  # as written, relative to the seed's folder: "soyuz-launch.jpg"
    caption: str  # the id of the caption block it illustrates: "b3"
    line: int  # the front matter line that names it, for messages
    alt: str | None = None  # the editor's alt text; otherwise the caption's text


@dataclass(frozen=True)
class Article:
    """One seed file, read but not yet understood."""

    slug: str
    title: str
    published: dt.date | None
    path: str  # the seed's path as given to the reader, for messages
    blocks: tuple[Block, ...]
    description: str | None = None  # front matter `description`, if the editor wrote one
    source: str | None = None  # front matter `source`: the original's http(s) URL, never fetched
    outlet: str | None = None  # front matter `outlet`: where it was first published
    byline: str | None = None  # front matter `byline`: who wrote it, as the outlet credits them
    photos: tuple[PhotoRef, ...] = ()  # front matter `photos`, each tied to a caption block

    def block(self, block_id: str) -> Block:
        # Ids are "b<position>", so the lookup is direct (no scan: 1,000s of blocks per page).
        index = int(block_id[1:]) - 1 if block_id[1:].isdigit() else -1
        if 0 <= index < len(self.blocks) and self.blocks[index].id == block_id:
            return self.blocks[index]
        raise KeyError(block_id)

    @property
    def story_blocks(self) -> tuple[Block, ...]:
        """Blocks that tell the story: everything but boilerplate (contacts, "-end-")."""
        return tuple(b for b in self.blocks if b.kind != "boilerplate")


@dataclass(frozen=True)
class Person:
    id: str  # slug of the full name: "yulia-peresild"
    name: str  # fullest form the article gives: "Yulia Peresild"
    aliases: tuple[str, ...] = ()  # other forms used: "Peresild", "Mr Shkaplerov"
    roles: tuple[str, ...] = ()  # the article's role nouns: "actor", "station commander"
    age: int | None = None
    organizations: tuple[str, ...] = ()  # Organization ids
    blocks: tuple[str, ...] = ()  # every block that mentions the person
    # Where the person stood in the story, when the article says: e.g. "flew up on the Soyuz".
    part: str | None = None
    # A quoted nickname written inside the name, without its marks: "Jack" of Arthur “Jack”
    # Doe. The name (and id) keep it; it is part of the name, not a quotation.
    nickname: str | None = None


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    blocks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    blocks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    text: str  # the words inside the quotation marks, without the marks
    speaker: str | None  # Person id, or None where the article doesn't say who spoke
    block: str


@dataclass(frozen=True)
class Event:
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY: as precise as the article allows
    text: str  # the sentence that holds the date expression
    block: str
    expression: str = ""  # the words that gave the date: "last month", "on October 17"


@dataclass(frozen=True)
class KeyFact:
    """A fact for a fact box, e.g. name="spacecraft", value="Soyuz MS-19"."""

    name: str
    value: str
    block: str


@dataclass(frozen=True)
class CastMember:
    person: str | None  # Person id of the actor, where the article names one
    character: str  # who they play, in the article's words: "a surgeon"
    block: str


@dataclass(frozen=True)
class Correction:
    """One editor correction that was applied, as shown in `extract` output."""

    action: str  # e.g. "set-role", "add-person", "set-speaker", "add-to-theme"
    target: str
    value: str


@dataclass(frozen=True)
class Facts:
    """Everything the generator understood of one article."""

    article: Article
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    themes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    key_facts: tuple[KeyFact, ...] = ()
    cast: tuple[CastMember, ...] = ()
    corrections: tuple[Correction, ...] = ()
    # An editor's word on whether a theme set applies (set id → yes/no); absent: its evidence
    # rule decides (generator/analyse/themesets.py).
    theme_sets: dict[str, bool] = field(default_factory=dict)

    def person(self, person_id: str) -> Person:
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)


@dataclass(frozen=True)
class Theme:
    """A themed page as defined in a theme set (generator/data/themes/*.yml)."""

    id: str
    title: str
    description: str
    cues: tuple[str, ...] = ()
