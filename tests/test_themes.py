"""Theme membership (generator/analyse/themes.py with generator/data/themes.yml)."""

from __future__ import annotations

from scoring import load_article
from support import SEED

from generator.analyse import analyse
from generator.analyse.quotes import find_quotes
from generator.analyse.themes import assign_themes, load_theme_rules, load_themes
from generator.model import Article, Block, Person, Theme
from generator.read import read_seed

COSMONAUT = Person("anton-shkaplerov", "Anton Shkaplerov", ("Mr Shkaplerov",), ("cosmonaut",))
OFFICIAL = Person("dmitry-rogozin", "Dmitry Rogozin", (), ("head",))
DIRECTOR = Person("klim-shipenko", "Klim Shipenko", ("Shipenko",), ("director",))
PEOPLE = (COSMONAUT, OFFICIAL, DIRECTOR)


def _themes(*texts: str, kinds: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    blocks = tuple(
        Block(f"b{n}", kinds[n - 1] if kinds else "paragraph", t, n)  # type: ignore[arg-type]
        for n, t in enumerate(texts, start=1)
    )
    article = Article("t", "T", None, "t.md", blocks)
    return assign_themes(article, PEOPLE, find_quotes(article, PEOPLE), load_themes())


def test_themes_are_data_with_titles_and_cues() -> None:
    themes = load_themes()
    assert [t.id for t in themes] == ["mission", "crew", "film", "context"]
    assert all(t.title and t.description and t.cues for t in themes)
    assert "Mission Control" in load_theme_rules()["mission"].ignore


def test_seed_issue_rules() -> None:
    themes = analyse(read_seed(SEED)).themes
    for block in ("b25", "b26", "b27", "b28"):  # the rival Hollywood project
        assert [t for t, ids in themes.items() if block in ids] == ["context"], block
    assert "b4" in themes["mission"] and "b4" not in themes["film"]  # the docking
    assert "b19" in themes["crew"]  # the station crew
    assert "b15" in themes["context"] and "b15" not in themes["crew"]  # continues Rogozin
    assert "b9" in themes["context"]  # "he said": Peskov's follow-up
    assert {"b11", "b12", "b21", "b22"} <= set(themes["crew"])  # the crew's quotations
    assert "b21" not in themes["mission"]  # "Mission Control" is no cue


def test_every_theme_is_a_key_and_ids_are_in_document_order() -> None:
    themes = analyse(read_seed(SEED)).themes
    assert list(themes) == ["mission", "crew", "film", "context"]
    for ids in themes.values():
        assert list(ids) == sorted(ids, key=lambda b: int(b[1:]))


def test_nasa_releases_have_no_film_but_have_mission_and_crew() -> None:
    for name in ("nasa_article_329", "nasa_article_550", "nasa_article_813"):
        themes = analyse(load_article(name)).themes
        assert themes["film"] == (), name
        assert themes["mission"] and themes["crew"], name


def test_boilerplate_is_never_themed() -> None:
    themes = _themes(
        "The Soyuz launched.", "Soyuz launch contacts", kinds=("paragraph", "boilerplate")
    )
    assert themes["mission"] == ("b1",)


def test_quoted_words_are_not_cues_but_the_speaker_counts() -> None:
    themes = _themes("Rogozin said: “The movie and the launch matter.”")
    assert themes["film"] == () and themes["mission"] == ()
    assert themes["context"] == ("b1",)  # an official speaks


def test_people_with_crew_roles_make_crew() -> None:
    assert _themes("Mr Shkaplerov waved.")["crew"] == ("b1",)


def test_a_director_is_crew_only_in_an_article_about_a_film() -> None:
    assert _themes("Shipenko waved.")["crew"] == ()
    assert _themes("Shipenko waved.", "The movie starts.")["crew"] == ("b1",)


def test_continued_quotation_takes_the_previous_themes() -> None:
    themes = _themes("Rogozin said: “I expect the launch", "“The cosmonauts will fly.”")
    assert [t for t, ids in themes.items() if "b2" in ids] == ["context"]


def test_pronoun_speech_adds_the_previous_themes() -> None:
    themes = _themes("Rogozin said the Kremlin agreed.", "He said the movie is good.")
    assert themes["context"] == ("b1", "b2") and themes["film"] == ("b2",)


def test_custom_theme_from_cues_only() -> None:
    article = read_seed(SEED)
    custom = (Theme("space", "Space", "All about it", ("ISS",)),)
    assert assign_themes(article, (), (), custom) == {"space": ("b19", "b26")}
