"""compose: which pages exist and what they hold, from hand-made facts (no disk, no rules)."""

from __future__ import annotations

import datetime as dt

from generator.analyse.themesets import load_theme_sets
from generator.compose import Page, compose_cards, compose_site, compose_timeline, human_date
from generator.model import Article, Block, Event, Facts, KeyFact, Person, Quote
from generator.site import SiteConfig

SETS = load_theme_sets()  # the spaceflight set, as shipped
SITE = SiteConfig("Test site", "A site for tests.")
FLIGHT = (
    "The Soyuz rocket launched from Baikonur.",
    "Three hours later the spacecraft docked with the space station.",
)
COURT = (
    "Judge Jane Roe sentenced the former mayor on Monday.",
    "Prosecutor John Doe said the case was a warning to officials.",
)


def article(slug: str, published: dt.date | None, *texts: str) -> Article:
    blocks = tuple(Block(f"b{i}", "paragraph", t, i) for i, t in enumerate(texts, 1))
    return Article(slug, f"Title of {slug}", published, f"seeds/{slug}.md", blocks)


def site(*facts: Facts) -> dict[str, Page]:
    return {p.path: p for p in compose_site(list(facts), SETS, SITE)}


def test_human_dates_at_every_precision() -> None:
    assert human_date("2021-10-04") == "4 October 2021"
    assert human_date("2021-09") == "September 2021"
    assert human_date("2020") == "2020"
    assert human_date(dt.date(2024, 4, 6)) == "6 April 2024"
    assert human_date(None) == ""


def test_theme_without_material_has_no_page() -> None:
    a = article("a", dt.date(2024, 1, 1), *FLIGHT)
    facts = Facts(a, themes={"mission": ("b1", "b2"), "crew": (), "film": (), "context": ()})
    paths = [p.path for p in compose_site([facts], SETS, SITE)]
    assert paths == ["index.md", "mission.md", "articles/index.md", "articles/a.md"]


def test_pages_come_in_navigation_order_with_their_nav_titles() -> None:
    a = article("a", dt.date(2024, 1, 1), *FLIGHT, "“We are fine,” said astronaut Ann Lee.")
    lee = Person("ann-lee", "Ann Lee", roles=("astronaut",), blocks=("b3",))
    facts = Facts(
        a,
        people=(lee,),
        quotes=(Quote("We are fine,", "ann-lee", "b3"),),
        events=(Event("2024-01-01", FLIGHT[0], "b1"),),
        themes={"mission": ("b1", "b2"), "crew": ("b3",), "film": (), "context": ()},
    )
    pages = compose_site([facts], SETS, SITE)
    assert [(p.path, p.nav_title) for p in pages] == [
        ("index.md", "Overview"),
        ("mission.md", "Mission"),
        ("crew.md", "Crew"),
        ("people.md", "People"),
        ("timeline.md", "Timeline"),
        ("voices.md", "Voices"),
        ("articles/index.md", "Articles"),
        ("articles/a.md", None),
    ]


def test_an_article_that_reports_no_flight_gets_the_core_and_nothing_else() -> None:
    """A court story that happens to hit theme cues (an "experiments" word, a misfired key fact,
    a "part") still gets no mission, crew, film or context page, no fact box and no part."""
    a = article("court", dt.date(2024, 3, 1), *COURT)
    judge = Person("jane-roe", "Jane Roe", roles=("judge",), blocks=("b1",), part="not aboard")
    prosecutor = Person("john-doe", "John Doe", roles=("commander",), blocks=("b2",))
    facts = Facts(
        a,
        people=(judge, prosecutor),
        quotes=(Quote("a warning", "john-doe", "b2"),),
        events=(Event("2024-02-26", COURT[0], "b1"),),
        themes={"mission": ("b1",), "crew": ("b1", "b2"), "film": (), "context": ("b2",)},
        key_facts=(KeyFact("launch_date", "2024-02-26", "b1"), KeyFact("docking", "x", "b1")),
    )
    pages = site(facts)
    assert list(pages) == [
        "index.md",
        "people.md",
        "timeline.md",
        "voices.md",
        "articles/index.md",
        "articles/court.md",
    ]
    index = pages["index.md"].context
    assert index["facts"] == () and index["crew_by_part"] == ()
    assert [(t.title, t.count, t.unit) for t in index["themes"]] == [
        ("People", 2, "people"),
        ("Timeline", 1, "dated event"),
        ("Voices", 1, "quotation"),
    ]
    assert all(card.parts == () for card in pages["people.md"].context["items"])
    assert pages["people.md"].context["part_label"] == ""


def test_a_named_person_gets_a_card_on_people() -> None:
    a = article("a", None, "Jane Roe spoke.")
    facts = Facts(a, people=(Person("jane-roe", "Jane Roe", blocks=("b1",)),), themes={})
    pages = site(facts)
    assert "crew.md" not in pages
    assert [c.id for c in pages["people.md"].context["items"]] == ["jane-roe"]


def test_crew_page_holds_the_crew_and_people_holds_everyone() -> None:
    a = article("a", dt.date(2024, 1, 1), *FLIGHT, "Agency head Bo Kim watched.")
    lee = Person("ann-lee", "Ann Lee", roles=("astronaut",), blocks=("b2",))
    sam = Person("sam-ito", "Sam Ito", blocks=("b1",), part="flew up on the Soyuz")
    kim = Person("bo-kim", "Bo Kim", roles=("head",), blocks=("b3",), part="not aboard")
    facts = Facts(a, people=(lee, sam, kim), themes={"mission": ("b1", "b2"), "crew": ("b2",)})
    pages = site(facts)
    assert [c.id for c in pages["crew.md"].context["cards"]] == ["ann-lee", "sam-ito"]
    assert [c.id for c in pages["people.md"].context["items"]] == ["ann-lee", "sam-ito", "bo-kim"]
    crew_link = next(t for t in pages["index.md"].context["themes"] if t.id == "crew")
    assert (crew_link.count, crew_link.unit) == (2, "crew members")


def test_flight_facts_come_only_from_the_articles_about_the_flight() -> None:
    flight = article("flight", dt.date(2024, 1, 1), *FLIGHT)
    court = article("court", dt.date(2024, 2, 1), *COURT)
    soyuz = KeyFact("spacecraft", "Soyuz MS-25", "b1")
    f1 = Facts(flight, key_facts=(soyuz,), themes={"mission": ("b1", "b2")})
    f2 = Facts(court, key_facts=(KeyFact("spacecraft", "Wrong", "b1"),), themes={})
    pages = site(f1, f2)
    assert [r.value for r in pages["mission.md"].context["facts"]] == ["Soyuz MS-25"]
    assert pages["index.md"].context["facts"] == ()  # the latest article reports no flight


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


def test_the_mission_timeline_shows_what_the_flight_did_the_timeline_every_date() -> None:
    """Mission's timeline: the dated events of its passages, not "since July 2011" (another
    spacewalk's time), a paragraph of an earlier time, a paragraph about something else (a
    rival film project), another flight ("The next launch …") or a sentence with no cue of the
    page ("More awards are expected this year"); the core Timeline keeps them all."""
    flight = article(
        "flight",
        dt.date(2012, 9, 5),
        "The Soyuz rocket launched from Baikonur on Monday.",
        "This is the first U.S.-based spacewalk since July 2011.",
        "The station's first module launched in 1998.",
        "In May 2012, it was reported that an actor was developing a film.",
        "The next launch from Baikonur is scheduled Sept. 20. More awards are expected this year.",
    )
    events = (
        Event(
            "2012-09-03", "The Soyuz rocket launched from Baikonur on Monday.", "b1", "on Monday"
        ),
        Event("2011-07", "This is the first … since July 2011.", "b2", "since July 2011"),
        Event("1998", "The station's first module launched in 1998.", "b3", "in 1998"),
        Event("2012-05", "In May 2012, it was reported …", "b4", "In May 2012"),
        Event(
            "2012-09-20", "The next launch from Baikonur is scheduled Sept. 20.", "b5", "Sept. 20"
        ),
        Event("2012", "More awards are expected this year.", "b5", "this year"),
    )
    facts = Facts(flight, events=events, themes={"mission": ("b1", "b2", "b3", "b5")})
    pages = site(facts)
    assert [e.date for e in pages["mission.md"].context["timeline"]] == ["2012-09-03"]
    assert [e.date for e in pages["timeline.md"].context["items"]] == [
        "1998",
        "2011-07",
        "2012",
        "2012-05",
        "2012-09-03",
        "2012-09-20",
    ]


def test_index_lists_articles_newest_first_and_site_title_from_config() -> None:
    old = Facts(article("old", dt.date(2021, 1, 1), "Old news."), themes={})
    new = Facts(article("new", dt.date(2022, 1, 1), "New news."), themes={})
    index = compose_site([old, new], SETS, SITE)[0]
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
    a = article("a", None, *FLIGHT, "The critics spoke.", "A cruiser sailed.", "Cruise called.")
    facts = Facts(a, themes={"context": ("b3", "b4", "b5")})
    context = site(facts)["context.md"]
    sections = dict(context.context["sections"])
    assert [p.block.id for p in sections["The criticism"]] == ["b3"]
    assert [p.block.id for p in sections["The rival project"]] == ["b5"]


def test_page_descriptions_promise_only_what_is_there() -> None:
    a = article("a", None, *FLIGHT, "The critics spoke.", "Officials met.")
    facts = Facts(a, themes={"context": ("b3", "b4")})
    context = site(facts)["context.md"]
    assert "rival project" not in context.description
    assert context.description == "The background to the flight, from the article."
    two = site(facts, Facts(article("a2", None, *FLIGHT), themes={}))["context.md"]
    assert two.description == "The background to the flight, from the articles."
    rival = article("b", None, *FLIGHT, "The critics spoke.", "Tom Cruise called.")
    quote = Quote("Fine.", "x", "b3")
    people = (Person("x", "Al Bo", blocks=("b3",)),)
    full = Facts(rival, people=people, quotes=(quote,), themes={"context": ("b3", "b4")})
    assert site(full)["context.md"].description == (
        "What officials and critics said, and the rival project that came before."
    )
