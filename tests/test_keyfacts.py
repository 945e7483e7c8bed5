"""Key facts and the film's cast: the article's own words, each with its block."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse.dates import find_events
from generator.analyse.entities import find_organizations
from generator.analyse.keyfacts import (
    KeyFactRules,
    find_all_key_facts,
    find_cast,
    find_dated_facts,
    find_key_facts,
)
from generator.analyse.people import find_people
from generator.analyse.themesets import load_theme_sets
from generator.model import Article, CastMember, KeyFact
from generator.read import SeedText, read_seed, read_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "first-film-in-orbit.md"
CORPUS = ROOT / "tests" / "fixtures" / "articles"


def spaceflight_rules() -> KeyFactRules:
    """The spaceflight theme set's key-fact rules (generator/data/themes/spaceflight.yml)."""
    return next(s for s in load_theme_sets() if s.id == "spaceflight").key_facts


def article_from(body: str) -> Article:
    return read_text(SeedText("test.md", f"---\ntitle: A test story\n---\n{body}"), "test")


def facts_of(article: Article) -> dict[str, tuple[str, str]]:
    return {f.name: (f.value, f.block) for f in find_key_facts(article, (), spaceflight_rules())}


def cast_of(article: Article) -> tuple[CastMember, ...]:
    people = find_people(article, find_organizations(article))
    return find_cast(article, people, spaceflight_rules())


def test_seed_key_facts() -> None:
    assert find_key_facts(read_seed(SEED), (), spaceflight_rules()) == (
        KeyFact("spacecraft", "Soyuz MS-19", "b3"),
        KeyFact("launch_site", "Baikonur, Kazakhstan", "b3"),
        KeyFact("time_to_station", "about three and a half hours", "b3"),
        KeyFact(
            "docking",
            "took manual control to smoothly dock the spacecraft at the space outpost",
            "b4",
        ),
        KeyFact("station", "International Space Station", "b2"),
        KeyFact("stay", "12 days", "b7"),
        # no "return": "…, will take the film crew back to Earth on October 17" is a plan (the
        # dated fact "planned_return_date" gives it, as a plan)
        KeyFact("film_title", "Challenge", "b6"),
        KeyFact(
            "film_premise",
            "a surgeon played by Peresild rushes to the space station to save a crew member "
            "who needs an urgent operation in orbit",
            "b6",
        ),
    )


def test_every_value_is_the_articles_own_words() -> None:
    for path in [SEED, *sorted(CORPUS.glob("*.txt"))]:
        article = read_seed(path)
        for fact in find_key_facts(article, (), spaceflight_rules()):
            assert fact.value in article.block(fact.block).text, (path.name, fact)
            assert article.block(fact.block).kind != "boilerplate"


def test_soyuz_return_article() -> None:
    facts = facts_of(read_seed(CORPUS / "nasa_article_329.txt"))
    assert facts["spacecraft"] == ("Soyuz MS-24", "b3")
    assert facts["landing_site"] == (
        "southeast of the remote town of Dzhezkazgan, Kazakhstan",
        "b3",
    )
    assert facts["return"] == ("Saturday", "b2")
    assert "mission" not in facts and "film_title" not in facts


def test_dragon_articles() -> None:
    crew7 = facts_of(read_seed(CORPUS / "nasa_article_550.txt"))
    assert crew7["mission"] == ("Crew-7", "b2")
    assert crew7["spacecraft"] == ("Dragon", "b2")
    assert crew7["spacecraft_name"] == ("Endurance", "b9")
    assert crew7["landing_site"] == ("off the coast of Pensacola, Florida", "b2")
    assert crew7["launch_site"] == ("NASA’s Kennedy Space Center in Florida", "b5")
    assert "return" not in crew7  # "return to Earth follows …, which docked … March 5" is not it
    ax3 = facts_of(read_seed(CORPUS / "nasa_article_813.txt"))
    assert ax3["mission"] == ("Axiom Mission 3", "b2")
    assert ax3["time_to_station"] == ("Approximately 37 hours", "b5")
    assert ax3["docking"] == ("docked to the Harmony module’s forward port", "b5")


def test_a_fact_in_a_clause_telling_a_plan_is_not_the_flights() -> None:
    """ "…, which will land astronauts … during the Artemis III mission": a later mission; "will
    launch from" the next crew's site. A plan's film title is still the film's."""
    plan = article_from(
        "SpaceX launched its third Starship flight test on March 14. The agency is working with "
        "SpaceX on a lander, which will land astronauts near the South Pole during the Artemis "
        "III mission.\n\nA new trio will launch from the Baikonur Cosmodrome on June 15."
    )
    assert "mission" not in facts_of(plan) and "launch_site" not in facts_of(plan)
    film = article_from("The pair will film segments of a new movie titled Challenge.")
    assert facts_of(film)["film_title"] == ("Challenge", "b1")
    on_time = article_from("Their Soyuz MS-19 lifted off as scheduled from Baikonur, Kazakhstan.")
    assert facts_of(on_time)["launch_site"] == ("Baikonur, Kazakhstan", "b1")


def test_one_of_several_values_is_no_fact() -> None:
    """ "the Artemis III and Artemis IV missions": which one is the flight is unsure."""
    article = article_from(
        "The third test flight launched on March 14, a step toward the Artemis III and "
        "Artemis IV missions, and Soyuz MS-24, Soyuz MS-25 or Progress MS-26 flew too."
    )
    assert "mission" not in facts_of(article) and "spacecraft" not in facts_of(article)


def test_a_craft_named_where_nothing_flies_is_not_the_flights() -> None:
    """A programme's standard paragraph lists its parts; it tells no flight."""
    article = article_from(
        "Commercial human landing systems are critical to deep space exploration, along with "
        "the Space Launch System rocket, Orion spacecraft, advanced spacesuits and rovers."
    )
    assert "spacecraft" not in facts_of(article)
    flew = article_from("Approximately 37 hours later, Dragon docked to the forward port.")
    assert facts_of(flew)["spacecraft"] == ("Dragon", "b1")


def test_a_launch_site_named_after_the() -> None:
    """ "from the Baikonur cosmodrome in Kazakhstan" (lower-case or not) is the site."""
    lower = article_from(
        "A Russian Soyuz rocket has blasted off from the Baikonur cosmodrome in Kazakhstan."
    )
    assert facts_of(lower)["launch_site"] == ("Baikonur cosmodrome in Kazakhstan", "b1")
    upper = article_from("A Soyuz rocket and Progress 57 blasted off from the Baikonur Cosmodrome.")
    assert facts_of(upper)["launch_site"] == ("Baikonur Cosmodrome", "b1")


def test_a_maker_is_no_rocket() -> None:
    """ "on a Rocket Lab rocket", where the article writes "Rocket Lab’s Electron rocket"."""
    body = (
        "The mission was the first NRO mission to fly on a Rocket Lab rocket launched from the "
        "United States.\n\nRocket Lab’s Electron rocket lifts off from Wallops."
    )
    assert "rocket" not in facts_of(article_from(body))
    falcon = article_from("The mission lifted off on a Falcon 9 rocket from Florida.")
    assert facts_of(falcon)["rocket"] == ("Falcon 9", "b1")


def test_following_a_launch_is_this_flights_the_following_launch_is_not() -> None:
    """ "Following a successful launch … on Jan. 8, the spacecraft …" dates the launch; "the
    following launch" (or "the next launch") is another flight's."""
    text = (
        "---\ntitle: Lander mission ends\npublished: 2024-01-19\n---\n\n"
        "Following a successful launch and separation from the rocket on Jan. 8, the "
        "spacecraft experienced a propulsion issue.\n"
    )
    article = read_text(SeedText("t.md", text), "t")
    found = find_all_key_facts(article, find_events(article), spaceflight_rules())
    assert KeyFact("launch_date", "2024-01-08", "b1") in found
    later = read_text(SeedText("t.md", text.replace("Following a", "The following")), "t")
    found = find_all_key_facts(later, find_events(later), spaceflight_rules())
    assert "launch_date" not in {f.name for f in found}


def test_a_mission_dubbed_and_a_site_before_its_date() -> None:
    """ "The mission, dubbed NROL-123, …"; "lifts off from NASA’s Wallops Flight Facility March
    21, 2024" (the date is no part of the site's name); "Starship upper stage"."""
    body = (
        "The rocket carried three missions. The mission, dubbed NROL-123, was the first.\n\n"
        "Rocket Lab’s Electron rocket lifts off from NASA’s Wallops Flight Facility March 21, "
        "2024, at 3:25 a.m.\n\nSpaceX launched its Super Heavy booster and Starship upper stage."
    )
    facts = facts_of(article_from(body))
    assert facts["mission"] == ("NROL-123", "b1")
    assert facts["launch_site"] == ("NASA’s Wallops Flight Facility", "b2")
    assert facts["spacecraft"] == ("Starship", "b3")


def test_paragraphs_are_preferred_to_captions() -> None:
    body = (
        "Russia Space Station\nThe Soyuz MS-22 blasts off (Roscosmos/AP)\n\n"
        "Their Soyuz MS-23 lifted off from Baikonur."
    )
    assert facts_of(article_from(body))["spacecraft"] == ("Soyuz MS-23", "b2")


def test_nothing_is_invented() -> None:
    article = article_from("The weather was fine and nobody flew anywhere.")
    assert find_key_facts(article, (), spaceflight_rules()) == ()


def test_seed_cast() -> None:
    assert cast_of(read_seed(SEED)) == (
        CastMember("yulia-peresild", "a surgeon", "b6"),
        CastMember("oleg-novitskiy", "the ailing cosmonaut", "b24"),
    )


def test_cast_forms() -> None:
    body = (
        "Actor Ann Lee flew. The film shows a pilot played by Lee.\n\n"
        "Cosmonaut Ivan Orlov will play the station doctor in the film.\n\n"
        "Mr Orlov and others will play parts in the movie."
    )
    assert cast_of(article_from(body)) == (
        CastMember("ann-lee", "a pilot", "b1"),
        CastMember("ivan-orlov", "the station doctor", "b2"),
    )


def test_an_unknown_actor_is_kept_without_a_person() -> None:
    body = "The film shows a doctor played by Smith."
    assert cast_of(article_from(body)) == (CastMember(None, "a doctor", "b1"),)


def test_launch_and_return_dates_come_from_dated_sentences_with_their_cues() -> None:
    from generator.model import Event

    events = (
        Event("2023-08-26", "The mission lifted off at 3:27 a.m. Aug. 26, 2023.", "b5"),
        Event("2024-03-05", "Crew-8 docked to the station March 5.", "b9"),
        Event("2024-03-12", "The crew splashed down on Tuesday.", "b2"),
        Event("2024-03-13", "They landed again on Wednesday.", "b3"),
    )
    facts = {f.name: (f.value, f.block) for f in find_dated_facts(events, spaceflight_rules())}
    assert facts == {"launch_date": ("2023-08-26", "b5"), "return_date": ("2024-03-12", "b2")}
    assert find_dated_facts((), spaceflight_rules()) == ()


def _earned(body: str, published: str = "2024-04-06") -> dict[str, str]:
    """What the spaceflight rules find in a story (whether or not the set applies to it)."""
    text = f"---\ntitle: A test story\npublished: {published}\n---\n{body}"
    article = read_text(SeedText("test.md", text), "test")
    found = find_all_key_facts(article, find_events(article), spaceflight_rules())
    return {f.name: f.value for f in found}


def test_a_death_is_not_a_return_date() -> None:
    facts = _earned(
        "Doe, who returned to Earth aboard Soyuz TMA-3 in 1975, died on March 3, 2024, in Moscow."
    )
    assert "return_date" not in facts and "return" not in facts


def test_a_historical_flight_gives_no_facts() -> None:
    facts = _earned(
        "In 1975, Doe launched on a Soyuz rocket from Baikonur and landed near Arkalyk, "
        "Kazakhstan, on July 21, 1975, after docking to the Apollo spacecraft."
    )
    assert facts == {}


def test_without_a_publication_date_the_lede_dates_the_story() -> None:
    """No `published:`: the lede's date stands in, so background told years earlier gives no
    launch date (nasa-913, hold-out 2: "Launched on June 18, 2009, LRO has…" in a 2024 report)."""

    def earned(body: str) -> dict[str, str]:
        article = read_text(SeedText("test.md", f"---\ntitle: A test story\n---\n{body}"), "t")
        found = find_all_key_facts(article, find_events(article), spaceflight_rules())
        return {f.name: f.value for f in found}

    background = (
        "\n\nThe orbiter photographed the lander five days later. Launched on June 18, 2009, "
        "the orbiter has since mapped the Moon."
    )
    assert "launch_date" not in earned(
        "On Jan. 19, 2024, the lander landed on the Moon." + background
    )
    assert earned("On June 20, 2009, the orbiter reached the Moon." + background)[
        "launch_date"
    ] == ("2009-06-18")


def test_the_next_mission_and_a_week_give_no_dated_fact() -> None:
    """Hold-out 3 (VOA): "The next shuttle mission is set to launch in April" is another
    flight's launch; "will return to Earth next week" gives a month, looser than a fact."""
    assert _earned("The next shuttle mission is set to launch in April.") == {}
    assert "planned_return_date" not in _earned("The crew will return to Earth next week.")
    assert _earned("The crew will return to Earth on April 20.")["planned_return_date"] == (
        "2024-04-20"
    )


def test_a_planned_departure_is_not_a_return_date() -> None:
    facts = _earned(
        "The crew will depart the station on April 20 and later return to Earth, NASA said."
    )
    assert "return_date" not in facts and "return" not in facts


def test_a_leak_gives_no_docking() -> None:
    facts = _earned("A coolant leak was found on the Soyuz MS-22 docked to the station.")
    assert "docking" not in facts


def test_the_station_needs_a_sentence_about_flying_there() -> None:
    text = "Leonov never flew to the International Space Station, which was built decades later."
    assert "station" not in _earned(text)
    assert "station" not in _earned("The International Space Station is a laboratory.")
    assert _earned("The crew arrived at the International Space Station.")["station"] == (
        "International Space Station"
    )


def test_values_are_whole_names() -> None:
    facts = _earned("The capsule splashed down near Cape Canaveral Space Force Station.")
    assert "landing_site" not in facts  # "near Cape" would cut the name
    facts = _earned("It lifted off from Launch Complex 39A on Tuesday.")
    assert facts["launch_site"] == "Launch Complex 39A"  # with its number, never "Launch Complex"
    facts = _earned("The Soyuz landed near Zhezkazgan Tuesday, ending the mission.")
    assert facts["landing_site"] == "near Zhezkazgan"


def test_a_landing_on_the_moon_is_no_return_date() -> None:
    facts = _earned("The lander successfully landed on the Moon at 6:23 p.m. on Feb. 22.")
    assert "return_date" not in facts


def test_what_someone_hopes_is_no_fact() -> None:
    text = "“During Artemis III, the astronauts will be our science operators,” said Ann Lee."
    assert "mission" not in _earned(text)


def test_a_date_opening_the_sentence_is_its_launch_date() -> None:
    text = "At 1:05 a.m. EST on Thursday, Feb. 15, 2024, the lander, named Odysseus, lifted off."
    facts = _earned(text, "2024-02-15")
    assert facts["launch_date"] == "2024-02-15" and facts["spacecraft_name"] == "Odysseus"


def test_an_article_that_tells_history_gets_no_key_facts() -> None:
    from generator.analyse import analyse

    text = '---\ntitle: "55 Years Ago: Apollo 10"\n---\nThe crew lifted off on a Saturn V rocket.'
    assert analyse(read_text(SeedText("test.md", text), "test")).key_facts == ()


MEDICAL_FEATURE = ROOT / "tests" / "fixtures" / "corpus" / "nasa-317-medical-expertise.md"


def test_key_facts_belong_to_the_theme_set_that_applies() -> None:
    """A medical feature that names the station reports no flight: the spaceflight set does
    not apply, so its rules are not even asked (nothing found, nothing shown)."""
    from generator.analyse import analyse

    article = read_seed(MEDICAL_FEATURE)
    rules_alone = find_all_key_facts(article, find_events(article), spaceflight_rules())
    assert [f.name for f in rules_alone] == ["station"]  # what the rules would say
    facts = analyse(article)
    spaceflight = next(s for s in load_theme_sets() if s.id == "spaceflight")
    assert not spaceflight.applies_to(facts)
    assert facts.key_facts == () and facts.cast == ()
    seed = analyse(read_seed(SEED))  # a flight: the set's facts and cast
    assert {f.name for f in seed.key_facts} >= {"spacecraft", "station", "film_title"}
    assert seed.cast


def test_the_editors_word_on_a_theme_set_decides_its_key_facts() -> None:
    from generator.analyse import analyse
    from generator.corrections import apply_corrections, parse_corrections

    def corrected(path: Path, applies: str) -> tuple[KeyFact, ...]:
        text = f"theme_sets:\n  - set: spaceflight\n    applies: {applies}\n"
        facts = apply_corrections(analyse(read_seed(path)), parse_corrections(text, "c.yml"), "c")
        return facts.key_facts

    assert [f.name for f in corrected(MEDICAL_FEATURE, "true")] == ["station"]
    assert corrected(SEED, "false") == ()
    assert corrected(SEED, "true") == analyse(read_seed(SEED)).key_facts


def test_a_planned_date_is_shown_as_planned_never_as_done() -> None:
    """The seed's "…, will take the film crew back to Earth on October 17" is the planned
    return, not the return date; a later sentence that gives the date as done wins."""
    plan = "Ivan Orlov, who will star in the film, will take the crew back to Earth on October 17."
    found = _earned(plan, "2021-10-05")
    assert found["planned_return_date"] == "2021-10-17" and "return_date" not in found
    done = plan + "\n\nThe crew landed on October 17."
    assert _earned(done, "2021-10-18")["return_date"] == "2021-10-17"
    assert "planned_return_date" not in _earned(done, "2021-10-18")
    # A plan in another clause of the sentence leaves the date done (nasa_article_329).
    launched = "O’Hara launched Sept. 15, 2023, with two cosmonauts, who both will remain aboard."
    found = _earned(launched, "2024-04-06")
    assert found["launch_date"] == "2023-09-15" and "planned_launch_date" not in found
    assert "planned_launch_date" in _earned("The crew is scheduled to launch on March 3.")


def test_a_satellite_named_by_its_abbreviation_its_rocket_and_a_numbered_pad() -> None:
    """Hold-out 2 (nasa-822, PACE): only the launch date was found."""
    facts = _earned(
        "NASA’s Plankton, Aerosol, Cloud, ocean Ecosystem (PACE) satellite launched aboard a "
        "SpaceX Falcon 9 rocket at 1:33 a.m. EST, Feb. 8, 2024, from Space Launch Complex 40 at "
        "Cape Canaveral Space Force Station in Florida."
    )
    assert facts["spacecraft"] == "PACE"
    assert facts["rocket"] == "SpaceX Falcon 9"
    assert facts["launch_site"] == "Space Launch Complex 40"
    assert facts["launch_date"] == "2024-02-08"
    assert "spacecraft" not in _earned("The agency's (PACE) satellite team met on Monday.")


def test_a_country_alone_is_no_launch_site() -> None:
    """Hold-out 4 (VOA Soyuz): "took off from Kazakhstan" names the country; the cosmodrome
    a later sentence names is the site."""
    facts = _earned(
        "A Soyuz rocket took off from Kazakhstan on Tuesday. The Soyuz launched from "
        "Baikonur Cosmodrome."
    )
    assert facts.get("launch_site") == "Baikonur Cosmodrome"
    assert "launch_site" not in _earned("A Soyuz rocket took off from Kazakhstan on Tuesday.")


def test_a_value_cut_at_an_abbreviations_dot_is_never_shown() -> None:
    """Hold-out 7 (a station blog): "docked to the International Space Station at 10:55 p.m.
    EDT" gave the docking "docked to the International Space Station at 10:55 p"."""
    facts = _earned(
        "The Soyuz MS-06 spacecraft docked to the International Space Station at 10:55 p.m. "
        "EDT while both spacecraft were flying over the Pacific.",
        "2017-09-12",
    )
    assert all(not value.endswith(" p") for value in facts.values())
    assert "docking" not in facts
    # a value that ends at a sentence's own full stop is kept
    assert "docking" in _earned("The crew docked to the International Space Station.")


@pytest.mark.parametrize(
    ("sentence", "spacecraft"),
    [
        # Hold-out 8 (Wikinews): the text names a "Crew Dragon capsule", never a bare "Dragon".
        (
            "SpaceX launched its first crewed mission yesterday with two astronauts in a Crew "
            "Dragon capsule atop a Falcon 9 rocket.",
            "Crew Dragon",
        ),
        ("The Cargo Dragon spacecraft lifted off on Monday.", "Cargo Dragon"),
        ("About 30 hours later, Dragon docked to the Harmony module.", "Dragon"),
        ("SpaceX’s Dragon docked to the station.", "Dragon"),  # a possessive is no part of it
    ],
)
def test_a_spacecraft_is_the_whole_name_the_text_gives(sentence: str, spacecraft: str) -> None:
    assert facts_of(article_from(sentence))["spacecraft"][0] == spacecraft


def test_no_spacecraft_value_starts_inside_a_longer_name() -> None:
    """ "Dragon" of "the Red Dragon Inn": a value cut at its front is no value (whole_name)."""
    found = facts_of(article_from("The crew met at the Red Dragon Inn before the launch."))
    assert "spacecraft" not in found


def test_a_soyuz_tma_m_spacecraft_keeps_its_letter() -> None:
    """Hold-out 7 (NASA blog): "The Soyuz TMA-17M launched from the Baikonur Cosmodrome"; the
    pattern stopped before the M and gave nothing (a value cut inside a word is none)."""
    found = facts_of(article_from("The Soyuz TMA-17M launched from the Baikonur Cosmodrome."))
    assert found["spacecraft"][0] == "Soyuz TMA-17M"


def test_a_sentence_naming_another_mission_gives_no_fact_of_this_one() -> None:
    """Hold-out 11 (a Crew-7 return advisory): "They spent five days with the newly arrived
    crew of NASA’s SpaceX Crew-8 mission, who docked to the station on March 5" is Crew-8's
    docking, not a fact of the flight the article reports (its mission, Crew-7)."""
    body = (
        "NASA’s SpaceX Crew-7 crew members will discuss their mission aboard the International "
        "Space Station.\n\nThey spent five days with the newly arrived crew of NASA’s SpaceX "
        "Crew-8 mission, who docked to the station on March 5, and conducted a handover.\n"
    )
    facts = facts_of(article_from(body))
    assert facts["mission"] == ("Crew-7", "b1")
    assert "docking" not in facts
    # the same docking sentence naming the article's own mission is its fact
    own = facts_of(article_from(body.replace("Crew-8 mission", "Crew-7 mission")))
    assert own["docking"] == ("docked to the station on March 5", "b2")


def test_a_spacecraft_named_less_often_than_another_is_not_the_flights() -> None:
    """Hold-out 11 (a Soyuz return's coverage): "Novitskiy and Vasilevskaya launched … aboard
    the Soyuz MS-25 spacecraft on March 23" beside the Soyuz MS-24 the crew departs and lands
    in (named three times) is not the flight's craft; named most often, it is
    (nasa_article_329: "departed the space station aboard the Soyuz MS-24 spacecraft")."""
    body = (
        "Three crew members will depart the station in the Roscosmos Soyuz MS-24 spacecraft "
        "on April 5.\n\nNovitskiy and Vasilevskaya launched to the station aboard the Soyuz "
        "MS-25 spacecraft on March 23.\n\nNASA coverage of the hatch closure of the Soyuz "
        "MS-24 spacecraft begins.\n\nUndocking of the Soyuz MS-24.\n"
    )
    assert "spacecraft" not in facts_of(article_from(body))
    departed = body.replace("will depart the station in the Roscosmos", "departed aboard the")
    assert facts_of(article_from(departed))["spacecraft"] == ("Soyuz MS-24", "b1")


def test_a_sentence_about_another_flight_gives_no_fact() -> None:
    """ "The previous crew launched from Baikonur Cosmodrome in Kazakhstan aboard Soyuz
    MS-23" in a return story, and "The next launch from Wallops is …", tell another
    flight's facts (`other_flights`): no launch site; the return stays."""
    body = (
        "The crew returned to Earth on March 12 after six months.\n\nThe previous "
        "crew launched from Baikonur Cosmodrome in Kazakhstan aboard Soyuz MS-23.\n"
    )
    facts = facts_of(article_from(body))
    assert "launch_site" not in facts
    assert facts["return"] == ("March 12", "b1")
    own = facts_of(article_from(body.replace("The previous crew", "The crew")))
    assert own["launch_site"] == ("Baikonur Cosmodrome in Kazakhstan", "b2")


def test_a_sentence_naming_a_craft_other_than_the_flights_gives_no_fact() -> None:
    """A spacecraft names the flight too (`flight_names`): with two Soyuz craft named as often
    (the flight's is unsure), "The Soyuz MS-25 spacecraft docked to the station's Prichal
    module on March 25" is no docking of the flight; once the craft is known, a sentence
    naming another one is another flight's."""
    body = (
        "The Soyuz MS-25 spacecraft docked to the station's Prichal module on March 25.\n\n"
        "The Soyuz MS-24 undocked on April 5 with O'Hara aboard.\n"
    )
    assert facts_of(article_from(body)) == {}
    known = (
        "The crew launched aboard the Soyuz MS-24 on Sept. 15.\n\nThe Soyuz MS-24 landed on "
        "April 6.\n\nThe Soyuz MS-25 spacecraft docked to the station's Prichal module.\n"
    )
    facts = facts_of(article_from(known))
    assert facts["spacecraft"] == ("Soyuz MS-24", "b1")
    assert "docking" not in facts


def test_a_scrubbed_launch_has_no_launch_date() -> None:
    """Released batch 12 (a launch blog): "Today’s launch opportunity has been scrubbed because
    of poor weather": nothing launched today; a launch done today still is one."""
    assert "launch_date" not in _earned("Today’s launch opportunity has been scrubbed.")
    assert "launch_date" not in _earned("The Falcon 9 launch was postponed on Friday.")
    assert _earned("The Falcon 9 rocket launched today from Florida.")["launch_date"] == (
        "2024-04-06"
    )


def test_a_year_after_by_is_a_deadline_not_a_launch_date() -> None:
    """Released batch 14: "returning the capability … to launch astronauts from American soil
    by 2017"."""
    assert "launch_date" not in _earned(
        "The agency made progress toward the capability to launch astronauts by 2017."
    )


def test_a_nationality_is_no_launch_site() -> None:
    """Released batch 17: "the launch of SpaceX Demo-2 in 2020 – the first crewed spaceflight
    from American soil"."""
    article = article_from(
        "The launch of SpaceX Demo-2 – the first crewed spaceflight from American soil – went well."
    )
    assert "launch_site" not in facts_of(article)
    site = article_from("The crew launched aboard a Falcon 9 from Kennedy Space Center in Florida.")
    assert facts_of(site)["launch_site"][0].startswith("Kennedy Space Center")


def _undated(body: str, title: str = "A test story") -> dict[str, str]:
    article = read_text(SeedText("test.md", f"---\ntitle: {title}\n---\n{body}"), "test")
    found = find_all_key_facts(article, find_events(article), spaceflight_rules())
    return {f.name: f.value for f in found}


def test_an_undated_storys_launch_date_needs_a_month_and_no_later_years() -> None:
    """Found over NASA_RAG digests ("The Marshall Star for …", no publication date): "launched
    in 2016" in one of its features, or "will launch in 2028", gave the digest a launch date.
    Undated, a launch date needs a month at least, and none lies years after the story's latest
    full date; a full date is kept ("launched on Dec. 14, 2009")."""
    digest = (
        "The team met on Jan. 17, 2024, at Marshall.\n\n"
        "The satellite launched in 2016 aboard a rocket.\n\n"
        "The lander will launch in 2028 from Kennedy."
    )
    assert "launch_date" not in _undated(digest)
    kept = _undated("NEOWISE launched on Dec. 14, 2009, from California aboard a rocket.")
    assert kept.get("launch_date") == "2009-12-14"
    # … two years or more before the story's latest full date, it is history
    old = _undated("The team met on Jan. 17, 2024.\n\nNEOWISE launched on Dec. 14, 2009.")
    assert "launch_date" not in old


def test_a_title_years_after_tells_history() -> None:
    """ "20 Years After Landing: How NASA’s Twin Rovers Changed Mars Science": no key facts."""
    facts = _undated(
        "Spirit landed on Jan. 3, 2004, and returned to Earth data for years.",
        title='"20 Years After Landing: How the Rovers Changed Science"',
    )
    assert facts == {}


def test_a_destination_before_rocket_names_no_rocket() -> None:
    """NASA_RAG scan: "it’s hard to beat working on a Moon rocket" gave "Rocket: Moon"."""
    facts = _earned("Doe launched aboard a Falcon 9 rocket. She now works on a Moon rocket.")
    assert facts.get("rocket") == "Falcon 9"
    assert "rocket" not in _earned("He works on a Moon rocket that launched from Kennedy.")


def test_a_deadline_to_apply_is_no_launch_date() -> None:
    """Released batch 21: "U.S. media interested in covering the launch must apply for
    credentials by 11:59 p.m., Sunday, April 7" in an advisory whose launch is targeted for
    April 22: the deadline is no launch date, the target is the planned one."""
    facts = _earned(
        "Liftoff is currently targeted for no earlier than Monday, April 22, 2024, from Space "
        "Launch Complex-41.\n\nU.S. media interested in covering the launch must apply for "
        "credentials by 11:59 p.m., Sunday, April 7, 2024.\n\nRequests are due by Monday, "
        "April 15, 2024.",
        published="2024-02-22",
    )
    assert "launch_date" not in facts
    assert facts.get("planned_launch_date") == "2024-04-22"
    done = _earned("The crew launched on Sunday, April 7, 2024, from Baikonur.", "2024-04-08")
    assert done.get("launch_date") == "2024-04-07"


def test_a_caption_of_another_numbered_flight_gives_no_date() -> None:
    """Released batch 20: under the headline "NASA Invites You to Share Excitement of Agency’s
    SpaceX Crew-8 Launch", a caption "… is launched on NASA’s SpaceX Crew-7 mission …
    Saturday, Aug. 26, 2023" tells the earlier flight: no launch date of this one."""
    rules = spaceflight_rules()
    text = (
        "---\ntitle: NASA Invites You to Share Excitement of Agency’s SpaceX Crew-8 Launch\n"
        "---\nA Falcon 9 rocket is launched on NASA’s SpaceX Crew-7 mission Saturday, Aug. 26, "
        "2023.\n"
    )
    article = read_text(SeedText("test.md", text), "test")
    assert "launch_date" not in {
        f.name for f in find_all_key_facts(article, find_events(article), rules)
    }
    own = read_text(SeedText("t.md", text.replace("Crew-7 mission", "Crew-8 mission")), "t")
    found = {f.name: f.value for f in find_all_key_facts(own, find_events(own), rules)}
    assert found.get("launch_date") == "2023-08-26"
    # a dated headline is no flight's number ("The Marshall Star for April 24, 2024")
    dated = read_text(
        SeedText(
            "d.md",
            "---\ntitle: The Marshall Star for April 24\n---\nThe crew launched "
            "on the Soyuz from Baikonur on April 13, 2024.\n",
        ),
        "d",
    )
    assert "launch_date" in {f.name for f in find_all_key_facts(dated, find_events(dated), rules)}


@pytest.mark.parametrize("memo", [False, True])
def test_the_other_flight_scans_kept_for_the_facts_give_each_sentence_its_answer(
    memo: bool,
) -> None:
    """find_key_facts keeps each rule's values per sentence for _names_another_flight (speed):
    kept or not, the same verdicts, each sentence its own (one names another craft, one the
    same, one none), however often it is asked and in whichever order."""
    from generator.analyse.keyfacts import _names_another_flight

    rules = spaceflight_rules()
    named = {"spacecraft": "Soyuz MS-24"}
    sentences = [
        "The Soyuz MS-25 docked to the station.",  # another craft
        "The Soyuz MS-24 docked to the station.",  # the article's own
        "The crew rested after the docking.",  # no craft at all
    ]
    expected = [True, False, False]
    seen: dict[tuple[int, str], tuple[str, ...]] | None = {} if memo else None
    others = tuple(f for f in rules.facts if f.name in named)
    for order in (sentences, sentences[::-1], sentences):
        got = [_names_another_flight(s, named, frozenset(), rules, others, seen) for s in order]
        assert got == [expected[sentences.index(s)] for s in order]
    # left unsure, any value of the fact is another flight's
    assert _names_another_flight(sentences[1], {}, frozenset({"spacecraft"}), rules, None, seen)
    assert not _names_another_flight(sentences[2], {}, frozenset({"spacecraft"}), rules)
