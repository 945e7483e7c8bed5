"""compose: which pages exist and what they hold, from hand-made facts (no disk, no rules)."""

from __future__ import annotations

import datetime as dt

from generator.compose import compose_cards, compose_site, compose_timeline, human_date
from generator.model import Article, Block, Event, Facts, Person, Quote, Theme
from generator.site import SiteConfig

THEMES = (
    Theme("mission", "Mission", "The flight."),
    Theme("crew", "Crew", "The people."),
    Theme("film", "Film", "The film."),
    Theme("context", "Context", "Reactions."),
)
SITE = SiteConfig("Test site", "A site for tests.")


def article(slug: str, published: dt.date | None, *texts: str) -> Article:
    blocks = tuple(Block(f"b{i}", "paragraph", t, i) for i, t in enumerate(texts, 1))
    return Article(slug, f"Title of {slug}", published, f"seeds/{slug}.md", blocks)


def test_human_dates_at_every_precision() -> None:
    assert human_date("2021-10-04") == "4 October 2021"
    assert human_date("2021-09") == "September 2021"
    assert human_date("2020") == "2020"
    assert human_date(dt.date(2024, 4, 6)) == "6 April 2024"
    assert human_date(None) == ""


def test_theme_without_material_has_no_page() -> None:
    a = article("a", dt.date(2024, 1, 1), "The rocket launched.")
    facts = Facts(a, themes={"mission": ("b1",), "crew": (), "film": (), "context": ()})
    paths = [p.path for p in compose_site([facts], THEMES, SITE)]
    assert paths == ["index.md", "mission.md", "articles/index.md", "articles/a.md"]


def test_crew_page_exists_whenever_someone_is_named() -> None:
    a = article("a", None, "Jane Roe spoke.")
    facts = Facts(a, people=(Person("jane-roe", "Jane Roe", blocks=("b1",)),), themes={})
    assert "crew.md" in [p.path for p in compose_site([facts], THEMES, SITE)]


def test_people_merge_across_articles_with_sources_and_conflicts() -> None:
    one = article("one", dt.date(2021, 10, 5), "Oleg Novitskiy, 50, flew.")
    two = article("two", dt.date(2024, 4, 6), "Oleg Novitskiy, 52, landed.", "Ivan Novitskiy.")
    oleg1 = Person("oleg-novitskiy", "Oleg Novitskiy", roles=("cosmonaut",), age=50, blocks=("b1",))
    oleg2 = Person("oleg-novitskiy", "Oleg Novitskiy", roles=("cosmonaut",), age=52, blocks=("b1",))
    ivan = Person("ivan-novitskiy", "Ivan Novitskiy", blocks=("b2",))
    cards = compose_cards([Facts(two, people=(oleg2, ivan)), Facts(one, people=(oleg1,))])
    assert [c.id for c in cards] == ["oleg-novitskiy", "ivan-novitskiy"]
    oleg = cards[0]
    assert [r.value for r in oleg.roles] == ["cosmonaut"]
    assert [s.slug for s in oleg.roles[0].sources] == ["one", "two"]
    assert [(a.value, a.sources[0].slug) for a in oleg.ages] == [("50", "one"), ("52", "two")]
    assert oleg.conflicting_ages
    assert [m.slug for m in oleg.mentions] == ["one", "two"]


def test_quotes_reach_their_speakers_card() -> None:
    a = article("a", None, "“Hello,” Jane Roe said.")
    jane = Person("jane-roe", "Jane Roe", blocks=("b1",))
    facts = Facts(a, people=(jane,), quotes=(Quote("Hello,", "jane-roe", "b1"),))
    (card,) = compose_cards([facts])
    assert [q.text for q in card.quotes] == ["Hello,"]
    assert card.quotes[0].source.path == "articles/a.md#b1"


def test_timeline_merges_articles_in_date_order() -> None:
    one = article("one", dt.date(2021, 10, 5), "On Monday.", "Last year.")
    two = article("two", dt.date(2021, 10, 17), "On October 17.")
    f1 = Facts(one, events=(Event("2021-10-04", "On Monday.", "b1"), Event("2020", "x", "b2")))
    f2 = Facts(two, events=(Event("2021-10-17", "On October 17.", "b1"),))
    entries = compose_timeline([f2, f1])
    assert [(e.date, e.source.slug) for e in entries] == [
        ("2020", "one"),
        ("2021-10-04", "one"),
        ("2021-10-17", "two"),
    ]


def test_index_lists_articles_newest_first_and_site_title_from_config() -> None:
    old = Facts(article("old", dt.date(2021, 1, 1), "Old news."), themes={})
    new = Facts(article("new", dt.date(2022, 1, 1), "New news."), themes={})
    index = compose_site([old, new], THEMES, SITE)[0]
    assert index.title == "Test site"
    assert [e.slug for e in index.context["articles"]] == ["new", "old"]


def test_the_same_event_in_two_articles_is_told_once_with_both_sources() -> None:
    one = article("one", dt.date(2021, 10, 5), "On October 17 they return.")
    two = article("two", dt.date(2021, 10, 6), "On October 17  they return.")
    f1 = Facts(one, events=(Event("2021-10-17", "On October 17 they return.", "b1"),))
    f2 = Facts(two, events=(Event("2021-10-17", "On October 17  they return.", "b1"),))
    (entry,) = compose_timeline([f1, f2])
    assert [s.slug for s in entry.sources] == ["one", "two"]


def test_context_sections_match_cues_as_whole_words() -> None:
    a = article("a", None, "The critics spoke.", "A cruiser sailed.", "Cruise called.")
    facts = Facts(a, themes={"context": ("b1", "b2", "b3")})
    context = next(p for p in compose_site([facts], THEMES, SITE) if p.path == "context.md")
    sections = dict(context.context["sections"])
    assert [p.block.id for p in sections["The criticism"]] == ["b1"]
    assert [p.block.id for p in sections["The rival project"]] == ["b3"]
