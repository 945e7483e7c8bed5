"""The analysis shortcuts taken for speed give the answers of the plain rules they stand for.

Results on the fixture articles are covered by the other tests; these check the shortcuts
themselves on many generated strings: factored alternations match the same strings, the cheap
pre-tests never reject a text the full pattern would match, and the faster YAML loaders read
the same data (and report the same errors).
"""

from __future__ import annotations

import random
import re
from importlib import resources

import pytest
import yaml

from generator.analyse import people
from generator.analyse.dates import _candidates, _rules, _shortest_forms
from generator.analyse.lexicon import people_lexicon
from generator.analyse.text import phrase_alternation, phrase_trie
from generator.analyse.themes import _any_phrase, _phrases, load_theme_rules, load_themes
from generator.corrections import _LineLoader, parse_corrections
from generator.errors import GeneratorError
from generator.model import Article, Block
from generator.site import load_data as data_file

_ODD = ["ſ", "K", "İ", "ı", "\u00a0", "\t", "\n", "  ", ",", "—", "–", "’", "-", "x", "s"]


def _variant(rng: random.Random, phrase: str) -> str:
    """The phrase in another case, spacing or spelling, maybe no longer a phrase."""
    text = "".join(c.upper() if rng.random() < 0.3 else c for c in phrase)
    if rng.random() < 0.3:
        text = text.replace(" ", rng.choice(["  ", "\n", "\u00a0", " \t"]))
    if rng.random() < 0.2:
        text = text.replace("s", "ſ").replace("k", "K")
    if rng.random() < 0.2 and text:
        cut = rng.randrange(len(text))
        text = text[:cut] + text[cut + 1 :]
    return text + "".join(rng.choice(_ODD) for _ in range(rng.randint(0, 2)))


def _phrase_lists() -> list[tuple[str, ...]]:
    rules = load_theme_rules()
    lists = [tuple(people_lexicon().roles), *(t.cues for t in load_themes())]
    lists += [r.exclusive_cues for r in rules.values() if r.exclusive_cues]
    return [*lists, ("a b", "ab", "a", "a  b", "a\tb", "abc d", "x")]


@pytest.mark.parametrize("phrases", _phrase_lists())
def test_phrase_trie_matches_the_same_strings(phrases: tuple[str, ...]) -> None:
    plain = re.compile("(?i:" + phrase_alternation(phrases) + ")")
    factored = re.compile("(?i:" + phrase_trie(phrases) + ")")
    rng = random.Random(1)
    words = sorted(set(phrases))
    for _ in range(3000):
        text = _variant(rng, rng.choice(words))
        assert (plain.fullmatch(text) is None) == (factored.fullmatch(text) is None), text


def test_theme_cue_search_finds_cues_where_the_plain_pattern_does() -> None:
    rng = random.Random(2)
    for theme in load_themes():
        for _ in range(500):
            text = " ".join(_variant(rng, rng.choice(theme.cues)) for _ in range(3))
            text = rng.choice(["", "x", "The ", "’"]) + text
            plain, fast = _phrases(theme.cues), _any_phrase(theme.cues)
            assert plain is not None and fast is not None
            assert (plain.search(text) is None) == (fast.search(text) is None), text


def test_role_prefix_shortcut_gives_the_full_search_result() -> None:
    ctx = people._context(Article("x", "x", None, "x.md", ()), ())
    rng = random.Random(3)
    roles = sorted(ctx.lex.roles)
    fronts = ["", "NASA ", "the ", "x", "Russian ", "Roscosmos (the agency) ", "said "]
    for _ in range(4000):
        prefix = rng.choice(fronts) + _variant(rng, rng.choice(roles))
        if rng.random() < 0.2:
            prefix += " on board " + rng.choice(["—", "–", ""]) + " "
        expected = ctx.prefix.search(prefix)
        if not people._may_end_in_role(prefix, ctx):
            assert expected is None, prefix
            continue
        start = ctx.prefix_start.search(prefix)
        found = ctx.prefix.match(prefix, start.start()) if start else None
        assert (found and found.groupdict()) == (expected and expected.groupdict()), prefix
        assert (found and found.span()) == (expected and expected.span()), prefix


def test_date_pretests_skip_only_patterns_that_cannot_match() -> None:
    rules = _rules()
    rng = random.Random(4)
    pieces = [*rules.months, *rules.weekdays, "on", "in", "7", "2021", "1st", "of", "last week"]
    for _ in range(2000):
        text = " ".join(rng.choice(pieces + _ODD) for _ in range(rng.randint(1, 6)))
        every = sorted(
            (m.start(), -m.end(), rank)
            for rank, (_, pattern) in enumerate(rules.patterns)
            for m in pattern.finditer(text)
        )
        chosen: list[tuple[int, int]] = []
        for start, neg_end, _ in every:
            if not chosen or start >= chosen[-1][1]:
                chosen.append((start, -neg_end))
        assert [(s, e) for s, e, _, _ in _candidates(text)] == chosen, text


def test_shortest_forms() -> None:
    assert _shortest_forms(["January", "Jan", "May", "Sept", "Sep"]) == ("Jan", "May", "Sep")
    assert _shortest_forms(["New Year", "Newton"]) == ("New",)


def test_data_files_read_the_same_with_either_loader() -> None:
    for name in ("dates.yml", "entities.yml", "people.yml", "speech.yml"):
        text = resources.files("generator").joinpath(f"data/{name}").read_text("utf-8")
        assert data_file(name) == yaml.load(text, Loader=yaml.SafeLoader)
    for name in ("core.yml", "themes/spaceflight.yml"):
        text = resources.files("generator").joinpath(f"data/{name}").read_text("utf-8")
        assert data_file(name) == yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize(
    "text",
    [
        "people:\n  - set: x\n    age: 3\n  - {set: y, age: 4}\nquotes:\n  - block: b9\n",
        "# note\n\npeople:\n\n  -   set: x\n      roles: [a, b]\n      aliases:\n        - A\n",
        "people:\n  - &a {add: X}\n  - *a\n",
        "a: !!str 3\nb: 2021-10-05\nc: yes\n",
    ],
)
def test_corrections_loader_keeps_lines(text: str) -> None:
    from generator.corrections import _load_yaml

    assert _load_yaml(text) == yaml.load(text, Loader=_LineLoader)


@pytest.mark.parametrize("text", ["people: [\n", "a: 1\n---\nb: 2\n", "a:\tb: c\n", "x: [}\n"])
def test_corrections_errors_are_the_pure_parsers(text: str) -> None:
    with pytest.raises(yaml.YAMLError) as plain:
        yaml.load(text, Loader=_LineLoader)
    mark = getattr(plain.value, "problem_mark", None)
    with pytest.raises(GeneratorError) as error:
        parse_corrections(text, "x.corrections.yml")
    assert error.value.line == (mark.line + 1 if mark else None)
    assert (getattr(plain.value, "problem", None) or "invalid YAML") in error.value.message


def test_blocks_without_digits_or_names_still_find_relative_dates() -> None:
    block = Block("b1", "paragraph", "It happened last week, and yesterday too.", 1)
    assert [kind for _, _, kind, _ in _candidates(block.text)] == ["relative", "relative"]
