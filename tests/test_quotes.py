"""Direct quotations and their speakers (generator/analyse/quotes.py)."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from support import SEED

from generator.analyse.quotes import find_quotes
from generator.model import Article, Block, Person, Quote
from generator.read import read_seed

PERESILD = Person("yulia-peresild", "Yulia Peresild", ("Peresild",), ("actor",))
SHIPENKO = Person("klim-shipenko", "Klim Shipenko", ("Shipenko",), ("director",))
PESKOV = Person("dmitry-peskov", "Dmitry Peskov", (), ("spokesman",))
ROGOZIN = Person("dmitry-rogozin", "Dmitry Rogozin", (), ("head",))
LIMAN = Person("doug-liman", "Doug Liman", ("Liman",), ("director",))
SHKAPLEROV = Person("anton-shkaplerov", "Anton Shkaplerov", ("Mr Shkaplerov",), ("cosmonaut",))
SEED_PEOPLE = (PERESILD, SHIPENKO, PESKOV, ROGOZIN, LIMAN, SHKAPLEROV)
NELSON = Person("bill-nelson", "Bill Nelson", (), ("administrator",))
MCALISTER = Person("phil-mcalister", "Phil McAlister", (), ("director",))


def _article(*texts: str) -> Article:
    blocks = tuple(Block(f"b{n}", "paragraph", t, n) for n, t in enumerate(texts, start=1))
    return Article("t", "T", None, "t.md", blocks)


def _speakers(quotes: tuple[Quote, ...]) -> list[tuple[str, str | None]]:
    return [(q.block, q.speaker) for q in quotes]


def test_seed_quotes_and_speakers() -> None:
    quotes = find_quotes(read_seed(SEED), SEED_PEOPLE)
    assert _speakers(quotes) == [
        ("b9", "dmitry-peskov"),
        ("b9", "dmitry-peskov"),
        ("b11", "yulia-peresild"),
        ("b11", "yulia-peresild"),
        ("b12", "klim-shipenko"),
        ("b14", "dmitry-rogozin"),
        ("b15", "dmitry-rogozin"),
        ("b21", "yulia-peresild"),
        ("b22", "klim-shipenko"),
        ("b28", "doug-liman"),
        ("b28", "doug-liman"),
    ]
    assert quotes[2].text == "psychologically, physically and morally hard"
    assert quotes[7].text == "I feel like I’m dreaming"  # the closing comma is not quoted
    assert quotes[5].text.endswith("to the cosmonaut profession.")  # runs on, no closing mark


def test_without_people_every_speaker_is_unknown() -> None:
    quotes = find_quotes(read_seed(SEED), ())
    assert len(quotes) == 11
    assert {q.speaker for q in quotes} == {None}


def test_nasa_speaker_named_after_said() -> None:
    for name, person in (("550", NELSON), ("813", MCALISTER)):
        path = Path(SEED).parent.parent / "tests/fixtures/articles" / f"nasa_article_{name}.txt"
        quotes = find_quotes(read_seed(path), (person, PERESILD))
        assert _speakers(quotes) == [("b4", person.id), ("b4", person.id)], name


def test_straight_quotes_and_aliases() -> None:
    article = _article('"It was hard," Mr Shkaplerov said. "But fun."')
    quotes = find_quotes(article, SEED_PEOPLE)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("It was hard", "anton-shkaplerov"),
        ("But fun.", "anton-shkaplerov"),
    ]


def test_pronoun_resolves_to_the_latest_speaker_not_the_latest_name() -> None:
    article = _article(
        "Peskov said the flight went well, praising Shipenko.",
        "“We are proud,” he said.",
    )
    assert _speakers(find_quotes(article, SEED_PEOPLE)) == [("b2", "dmitry-peskov")]


def test_pronoun_without_an_earlier_speaker_stays_unknown() -> None:
    article = _article("Shipenko filmed the launch.", "“Great,” she said.")
    assert _speakers(find_quotes(article, SEED_PEOPLE)) == [("b2", None)]


def test_name_after_a_preposition_is_not_the_speaker() -> None:
    article = _article("Speaking with Peresild, Rogozin said: “Well done.”")
    assert _speakers(find_quotes(article, SEED_PEOPLE)) == [("b1", "dmitry-rogozin")]


def test_unattributed_quotation_has_no_speaker() -> None:
    article = _article("The banner read “Welcome to space”. Peresild waved.")
    assert _speakers(find_quotes(article, SEED_PEOPLE)) == [("b1", None)]


def test_apostrophes_are_not_quotation_marks() -> None:
    article = _article("Peresild’s crew didn’t rest; O’Hara’s team said it’s fine.")
    assert find_quotes(article, SEED_PEOPLE) == ()


def test_closing_mark_only_continues_an_open_quotation() -> None:
    article = _article("Rogozin said: “We began", "and we finished.” Then he left.")
    quotes = find_quotes(article, SEED_PEOPLE)
    assert [(q.block, q.text, q.speaker) for q in quotes] == [
        ("b1", "We began", "dmitry-rogozin"),
        ("b2", "and we finished.", "dmitry-rogozin"),
    ]
    stray = _article("He was 6 feet” tall.")
    assert find_quotes(stray, SEED_PEOPLE) == ()


def test_quote_in_a_later_paragraph_after_a_closed_one_is_not_a_continuation() -> None:
    article = _article("Rogozin said: “Done.”", "“Next,” Liman said.")
    assert _speakers(find_quotes(article, SEED_PEOPLE)) == [
        ("b1", "dmitry-rogozin"),
        ("b2", "doug-liman"),
    ]


def test_boilerplate_is_ignored() -> None:
    blocks = (
        Block("b1", "paragraph", "Text.", 1),
        Block("b2", "boilerplate", "“Contact us,” Liman said.", 2),
    )
    assert find_quotes(Article("t", "T", None, "t.md", blocks), SEED_PEOPLE) == ()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab “”\"’', .:\n\x00\x07PeresildHhesaid"), max_size=80),
        max_size=4,
    )
)
def test_arbitrary_text_never_raises(texts: list[str]) -> None:
    blocks = tuple(b for b in texts if b.strip())
    quotes = find_quotes(_article(*blocks), SEED_PEOPLE) if blocks else ()
    assert all(q.text for q in quotes)


def test_a_five_megabyte_block_is_linear() -> None:
    unit = "“We fly,” Peresild said. He said Shipenko agreed: “Yes. "
    text = unit * (5_000_000 // len(unit))
    start = time.perf_counter()
    quotes = find_quotes(_article(text), SEED_PEOPLE)
    assert len(quotes) >= 5_000_000 // len(unit)
    assert time.perf_counter() - start < 30
