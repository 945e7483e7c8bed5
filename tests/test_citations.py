"""Sentence-level citations: quotes, dates, key facts and cast rows link to the sentence that
states them, every sentence of a source page has a stable anchor, paragraph anchors stay."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from generator.build import generate, understand_all
from generator.citations import anchor, sentence_of, spans_of
from generator.model import Block
from generator.site import Project

BLOCK = Block(
    "b7",
    "paragraph",
    "Mr. Roe arrived on Monday. He said: “We are ready.”\nThe launch is set for\nOctober 5. "
    "Ready is the word.",
    12,
)


def test_sentences_of_a_block_use_the_analysis_splitter() -> None:
    flat = " ".join(BLOCK.text.split())
    sentences = [flat[s:e] for s, e in spans_of(BLOCK)]
    assert sentences == [
        "Mr. Roe arrived on Monday.",  # "Mr." is an abbreviation, not an end
        "He said: “We are ready.”",
        "The launch is set for October 5.",
        "Ready is the word.",
    ]
    assert anchor("b7", 2) == "b7-s2"


def test_sentence_of_finds_the_words_across_line_breaks_and_case() -> None:
    assert sentence_of(BLOCK, "We are ready.") == 2
    assert sentence_of(BLOCK, "set for October 5") == 3  # a line break inside the block
    assert sentence_of(BLOCK, "READY IS") == 4
    assert sentence_of(BLOCK, "not in the block") is None
    # "ready" is in sentences 2 and 4: the one that also holds a `near` word wins.
    assert sentence_of(BLOCK, "ready") == 2
    assert sentence_of(BLOCK, "ready", ("word",)) == 4
    assert sentence_of(BLOCK, "ready", ("absent",)) == 2  # none does: the first one


def _docs(project: Path) -> dict[str, str]:
    return {
        o.path: o.content.decode("utf-8")
        for o in generate(Project(project))
        if o.path.endswith(".md")
    }


def test_every_sentence_of_the_source_page_has_its_anchor(seed_project: Path) -> None:
    page = _docs(seed_project)["articles/first-film-in-orbit.md"]
    (facts,) = [u.facts for u in understand_all(Project(seed_project))]
    for block in facts.article.story_blocks:
        # The paragraph anchor is still there …
        match = re.search(rf'<(p|figure) class="source-[a-z]+" id="{block.id}">(.*)', page)
        assert match is not None, block.id
        line = match.group(2)
        # … and inside it, one span per sentence, whose texts are the block's sentences.
        found = re.findall(rf'<span class="sentence" id="{block.id}-s(\d+)">(.*?)</span>', line)
        flat = " ".join(block.text.split())
        expected = [flat[s:e] for s, e in spans_of(block)]
        assert [int(n) for n, _ in found] == list(range(1, len(expected) + 1)), block.id
        shown = [html.unescape(re.sub(r"<[^>]+>", "", text)) for _, text in found]
        assert shown == expected, block.id


def test_citations_lead_to_the_sentence_that_states_them(seed_project: Path) -> None:
    docs = _docs(seed_project)
    source = docs["articles/first-film-in-orbit.md"]
    sentences = {
        f"b{b}-s{s}": html.unescape(re.sub(r"<[^>]+>", "", text))
        for b, s, text in re.findall(
            r'<span class="sentence" id="b(\d+)-s(\d+)">(.*?)</span>', source
        )
    }
    voices = docs["voices.md"]
    quotes = re.findall(
        r'<blockquote class="voice"><p>“(.*?)”</p>.*?'
        r'href="\.\./articles/first-film-in-orbit/#(b\d+(?:-s\d+)?)"',
        voices,
    )
    assert quotes
    by_sentence = [(q, target) for q, target in quotes if "-s" in target]
    assert len(by_sentence) >= 3, quotes  # the seed's multi-sentence paragraphs hold quotes
    for quote, target in by_sentence:
        text = html.unescape(re.sub(r"<[^>]+>", "", quote))
        assert text[:30] in sentences[target], (text, target, sentences[target])
    # Dates on the timeline page: the sentence holds the event's text.
    timeline = docs["timeline.md"]
    events = re.findall(
        r'<span class="timeline-list__text">(.*?)</span> <a class="passage__source" '
        r'href="\.\./articles/first-film-in-orbit/#(b\d+-s\d+)"',
        timeline,
    )
    assert events
    for text, target in events:
        plain = html.unescape(re.sub(r"<[^>]+>", "", text))
        assert plain[:40] in sentences[target], (plain, target)
    # Every sentence link anywhere on the site has its target.
    for path, text in docs.items():
        for target in re.findall(r'articles/first-film-in-orbit/#(b\d+-s\d+)"', text):
            assert target in sentences, (path, target)


def test_a_one_sentence_paragraph_is_cited_by_its_paragraph_anchor(
    project_factory: Callable[..., Path],
) -> None:
    body = (
        "---\ntitle: A story\npublished: 2021-10-05\n---\n"
        'Prosecutor John Doe said on Monday: "This case is closed."\n\n'
        "The trial began on October 1. "
        'Judge Jane Roe said on Tuesday: "We will hear every witness."\n'
    )
    docs = _docs(project_factory({"a.md": body}))
    voices = docs.get("voices.md", "")
    assert 'href="../articles/a/#b1"' in voices
    assert 'href="../articles/a/#b2-s2"' in voices
    assert "paragraph 2, sentence 2" in voices
