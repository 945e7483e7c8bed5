"""Which story blocks belong to each themed page, by the rules of the theme sets
(generator/data/themes/*.yml, e.g. spaceflight.yml: mission, crew, film, context).

For each story block (paragraphs and captions, never boilerplate), in document order:
1. cues: the theme's cues found in the block's narrative (quoted words masked, `ignore` phrases
   removed) make it join;
2. people: naming or quoting a person with one of the theme's `roles` makes it join (roles under
   `roles_if_theme` count only when some block of the article has cues of that other theme);
3. speakers: quoting someone with none of any theme's roles joins `other_speakers` themes;
4. exclusive cues: a block holding one belongs to that theme (or those themes) only;
5. carry-over: a paragraph that continues a quotation left open takes the previous paragraph's
   themes; one whose first speech is "he/she said" with no one named before it adds them
   (captions neither give nor take themes this way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..model import Article, Person, Quote, Theme
from ..site import load_data as data_file
from . import patterns
from .sentences import str_list
from .text import phrase_trie
from .themesets import load_theme_sets, theme_set_files

if TYPE_CHECKING:  # imported by assign_themes: compose needs only the rules
    from .quotes import BlockSpeech, PeopleIndex


@dataclass(frozen=True)
class ThemeRules:
    """The rule fields of one theme beyond its cues (see generator/data/themes/*.yml)."""

    ignore: tuple[str, ...] = ()
    exclusive_cues: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    roles_if_theme: tuple[tuple[str, tuple[str, ...]], ...] = ()
    other_speakers: bool = False


def _raw_themes() -> list[dict[str, object]]:
    """Every theme of every theme set, as written in its file."""
    found: list[dict[str, object]] = []
    for name in theme_set_files():
        loaded = data_file(name)
        themes = loaded.get("themes") if isinstance(loaded, dict) else None
        found.extend(t for t in themes or () if isinstance(t, dict))
    return found


@cache
def load_themes() -> tuple[Theme, ...]:
    """The themes of every theme set, in navigation order (each article is sorted into all of
    them; compose shows a set's themes only from the articles the set applies to)."""
    return tuple(t for theme_set in load_theme_sets() for t in theme_set.themes)


@cache
def load_theme_rules() -> dict[str, ThemeRules]:
    rules: dict[str, ThemeRules] = {}
    for raw in _raw_themes():
        conditional = raw.get("roles_if_theme")
        pairs = conditional.items() if isinstance(conditional, dict) else ()
        rules[str(raw["id"])] = ThemeRules(
            ignore=str_list(raw.get("ignore")),
            exclusive_cues=str_list(raw.get("exclusive_cues")),
            roles=tuple(r.lower() for r in str_list(raw.get("roles"))),
            roles_if_theme=tuple((str(k), tuple(r.lower() for r in str_list(v))) for k, v in pairs),
            other_speakers=raw.get("other_speakers") is True,
        )
    return rules


@lru_cache(maxsize=256)
def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive alternation of phrases (None when there are none)."""
    words = sorted(sorted({p.strip() for p in phrases if p.strip()}), key=len, reverse=True)
    if not words:
        return None
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return patterns.compile(rf"(?i)(?<![\w’'-])(?:{body})(?![\w’'-])")


@lru_cache(maxsize=256)
def _any_phrase(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """_phrases(phrases) with its alternation factored (phrase_trie): the same strings match, so
    whether it finds one is the same, and a search tries a few branches per place, not all."""
    words = {p.strip() for p in phrases if p.strip()}
    if not words:
        return None
    return patterns.compile(rf"(?i)(?<![\w’'-])(?:{phrase_trie(words)})(?![\w’'-])")


def _has(phrases: tuple[str, ...], text: str) -> bool:
    pattern = _any_phrase(phrases)
    return pattern is not None and pattern.search(text) is not None


def _cue_hits(theme: Theme, rules: ThemeRules, narrative: str) -> bool:
    ignored = _phrases(rules.ignore)
    text = ignored.sub(" ", narrative) if ignored else narrative
    return _has(theme.cues, text)


def tells_theme(theme: Theme, text: str) -> bool:
    """Whether `text` (a sentence) holds one of the theme's cues, outside its `ignore` phrases
    and quotation marks (what a speaker says does not make the topic)."""
    narrative = _QUOTED.sub(" ", text) if "“" in text or '"' in text else text
    return _cue_hits(theme, load_theme_rules().get(theme.id, ThemeRules()), narrative)


_QUOTED = patterns.compile(r"“[^“”]*(?:”|$)|\"[^\"]*\"")


def has_role(person: Person | None, roles: tuple[str, ...]) -> bool:
    if person is None:
        return False
    for role in (r.lower().strip() for r in person.roles):
        if any(role == r or role.endswith(" " + r) for r in roles):
            return True
    return False


@dataclass(frozen=True)
class _Context:
    themes: tuple[Theme, ...]
    rules: dict[str, ThemeRules]
    people: dict[str, Person]
    index: PeopleIndex
    roles: dict[str, tuple[str, ...]]  # theme id → roles that count in this article
    all_roles: tuple[str, ...]


def _article_roles(
    themes: tuple[Theme, ...], rules: dict[str, ThemeRules], cued: set[str]
) -> dict[str, tuple[str, ...]]:
    result: dict[str, tuple[str, ...]] = {}
    for theme in themes:
        rule = rules.get(theme.id, ThemeRules())
        extra = tuple(r for other, roles in rule.roles_if_theme if other in cued for r in roles)
        result[theme.id] = rule.roles + extra
    return result


def _own_themes(
    ctx: _Context, speech: BlockSpeech, quotes: list[Quote], cue_hits: set[str]
) -> set[str]:
    """`cue_hits`: the themes whose cues the block's narrative has (_cue_hits)."""
    mentioned = {pid for _, _, pid in ctx.index.mentions(speech.narrative)}
    speakers = {q.speaker for q in quotes if q.speaker is not None}
    joined: set[str] = set()
    exclusive: set[str] = set()
    for theme in ctx.themes:
        rule = ctx.rules.get(theme.id, ThemeRules())
        roles = ctx.roles[theme.id]
        if theme.id in cue_hits or any(
            has_role(ctx.people.get(pid), roles) for pid in mentioned | speakers
        ):
            joined.add(theme.id)
        if rule.other_speakers and any(
            not has_role(ctx.people.get(pid), ctx.all_roles) for pid in speakers
        ):
            joined.add(theme.id)
        if _has(rule.exclusive_cues, speech.narrative):
            exclusive.add(theme.id)
    return exclusive or joined


def assign_themes(
    article: Article,
    people: tuple[Person, ...],
    quotes: tuple[Quote, ...],
    themes: tuple[Theme, ...],
    speeches: tuple[BlockSpeech, ...] | None = None,
) -> dict[str, tuple[str, ...]]:
    """Theme id → ids of the story blocks on its page, in document order (every theme a key).

    `speeches`: analyse_speech(article, people), when the caller has it already.
    """
    from .quotes import PeopleIndex, analyse_speech

    rules = load_theme_rules()
    if speeches is None:
        speeches = analyse_speech(article, people)
    # Whether each block's narrative has each theme's cues, worked out once for both uses.
    hits = [
        {t.id for t in themes if _cue_hits(t, rules.get(t.id, ThemeRules()), s.narrative)}
        for s in speeches
    ]
    cued: set[str] = set().union(*hits)
    roles = _article_roles(themes, rules, cued)
    ctx = _Context(
        themes,
        rules,
        {p.id: p for p in people},
        PeopleIndex(people),
        roles,
        tuple(r for rs in roles.values() for r in rs),
    )
    by_block: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_block.setdefault(quote.block, []).append(quote)
    kinds = {b.id: b.kind for b in article.story_blocks}
    result: dict[str, list[str]] = {t.id: [] for t in themes}
    previous: set[str] = set()
    for speech, cue_hits in zip(speeches, hits, strict=True):
        own = _own_themes(ctx, speech, by_block.get(speech.block, []), cue_hits)
        if kinds[speech.block] == "paragraph":
            if speech.continues_previous and previous:
                own = set(previous)
            elif speech.pronoun_led:
                own |= previous
            previous = own
        for theme_id in own:
            result[theme_id].append(speech.block)
    return {theme_id: tuple(ids) for theme_id, ids in result.items()}
