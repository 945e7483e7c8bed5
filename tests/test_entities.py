"""Organizations and places: against hand annotations, and on small synthetic sentences."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from support import ARTICLES, EXPECTED

from generator.analyse.entities import find_organizations, find_places
from generator.analyse.people import find_people
from generator.model import Article
from generator.read import SeedText, read_seed, read_text


def article_from(body: str) -> Article:
    return read_text(SeedText("test.md", f"---\ntitle: A test story\n---\n{body}"), "test")


def expected(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((EXPECTED / name / "people.yml").read_text("utf-8"))
    return loaded


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_organizations_match_the_annotation(name: str) -> None:
    found = [
        {"id": o.id, "name": o.name, "aliases": list(o.aliases), "blocks": list(o.blocks)}
        for o in find_organizations(read_seed(ARTICLES[name]))
    ]
    assert found == expected(name)["organizations"]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_places_match_the_annotation(name: str) -> None:
    found = [
        {"id": p.id, "name": p.name, "blocks": list(p.blocks)}
        for p in find_places(read_seed(ARTICLES[name]))
    ]
    assert found == expected(name)["places"]


def test_an_abbreviation_is_an_alias_of_the_organization() -> None:
    article = article_from("ESA (European Space Agency) astronaut Anna Lind and JAXA flew.")
    organizations = {o.id: o for o in find_organizations(article)}
    assert organizations["esa"].name == "European Space Agency"
    assert organizations["esa"].aliases == ("ESA",)
    assert organizations["jaxa"].aliases == ("JAXA",)


def test_a_date_after_an_organization_is_no_part_of_its_name() -> None:
    """Hold-out 9 (a feature): "at NASA’s Kennedy Space Center on April 9, 1981" gave the
    organization "Kennedy Space Center on April"."""
    text = "It sat at NASA’s Kennedy Space Center on April 9, 1981, and at the Court on Monday."
    names = {o.name for o in find_organizations(article_from(text))}
    assert "Kennedy Space Center" in names
    assert not any(" on " in n for n in names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Team members: Jay Desai with Howard University and Joe Doe, Yale University.",
            ["Howard University", "Yale University"],
        ),
        (
            "Members: Jay Desai with the University of North Carolina Pembroke and Elikem "
            "Des-Amekudi, North Carolina A&T State University",
            ["University of North Carolina Pembroke", "North Carolina A&T State University"],
        ),
        ("She joined the Department of Health and Human Services.", None),
        ("He went to Texas A&M University and AT&T.", ["Texas A&M University"]),
    ],
)
def test_an_organizations_name_ends_before_a_person_after_and(
    text: str, names: list[str] | None
) -> None:
    """Hold-out 11 (a press release's team lists): "… University of North Carolina Pembroke and
    Elikem Des-Amekudi" was one organization's name."""
    found = [o.name for o in find_organizations(article_from(text))]
    assert found == (names or ["Department of Health and Human Services"])


@pytest.mark.parametrize(
    "text",
    [
        "She is director of CDC’s National Center for Immunizations and Respiratory Diseases.",
        "He worked with the National Art Gallery Curator of Painting H. Lester Cooke.",
    ],
)
def test_a_modifier_before_a_weak_closing_word_is_no_persons_title(text: str) -> None:
    """Hold-out 4 and 9: "National" (a role modifier, and a title in nameparser's set) before
    "Center" or "Gallery" read as "a title and a surname", so no organization was found."""
    names = [o.name for o in find_organizations(article_from(text))]
    assert any(n.startswith("National ") for n in names), names


def test_an_unknown_agency_is_found_by_its_closing_word() -> None:
    article = article_from("The Israel Space Agency signed with SpaceX’s team.")
    assert [(o.id, o.name) for o in find_organizations(article)] == [
        ("israel-space-agency", "Israel Space Agency"),
        ("spacex", "SpaceX"),
    ]


def test_a_place_inside_an_organization_name_is_not_a_place() -> None:
    article = article_from("Japan Aerospace Exploration Agency staff flew from Japan.")
    assert [(p.id, p.blocks) for p in find_places(article)] == [("japan", ("b1",))]
    article = article_from("Japan Aerospace Exploration Agency staff flew.")
    assert find_places(article) == ()


def test_spellings_of_one_place_share_an_id() -> None:
    article = article_from("It landed near Zhezkazgan.\n\nThe town of Dzhezkazgan cheered.")
    assert [(p.id, p.name, p.blocks) for p in find_places(article)] == [
        ("zhezkazgan", "Zhezkazgan", ("b1", "b2"))
    ]


def test_station_and_adjectives_are_not_places() -> None:
    article = article_from(
        "The Russian crew reached the International Space Station and the US section."
    )
    assert find_places(article) == ()


def test_boilerplate_is_not_read() -> None:
    article = article_from("Nasa said so.\n\n-end-\n\nJohnson Space Center, Houston")
    assert [o.id for o in find_organizations(article)] == ["nasa"]
    assert find_places(article) == ()


# --- generic government, court and agency names (i12rules) ----------------------------------


def _orgs(body: str) -> list[str]:
    return [o.name for o in find_organizations(article_from(body))]


def test_an_office_named_with_of_or_for_is_one_organization() -> None:
    assert _orgs("He worked at the Department of Energy, where he led.") == ["Department of Energy"]
    assert _orgs(
        "before the U.S. District Court for the Northern District of Illinois and pleaded"
    ) == ["U.S. District Court for the Northern District of Illinois"]
    assert _orgs("the Department of Justice and the Navy") == ["Department of Justice", "Navy"]


def test_a_possessive_splits_two_organizations_unless_it_names_the_holder() -> None:
    assert _orgs("the Justice Department’s Criminal Division said") == [
        "Department of Justice",
        "Criminal Division",
    ]
    assert _orgs("the U.S. Attorney’s Office and the Deschutes County Sheriff’s Office") == [
        "U.S. Attorney’s Office",
        "Deschutes County Sheriff’s Office",
    ]


def test_and_joins_words_of_a_name_but_not_a_title_and_a_name() -> None:
    assert _orgs("the Narcotic and Dangerous Drug Section handled it") == [
        "Narcotic and Dangerous Drug Section"
    ]
    assert _orgs("said County Sheriff and National Sheriffs’ Association President Kim Roe") == [
        "National Sheriffs’ Association"
    ]


def test_a_bracketed_abbreviation_is_another_name_also_alone() -> None:
    article = article_from(
        "The Narcotic and Dangerous Drug Section (NDDS) led.\n\nTrial Attorney Kim Roe of NDDS."
    )
    (org,) = find_organizations(article)
    assert (org.name, org.aliases, org.blocks) == (
        "Narcotic and Dangerous Drug Section",
        ("NDDS",),
        ("b1", "b2"),
    )


def test_rooms_and_opening_words_are_not_organizations() -> None:
    assert _orgs("She spoke in the Oval Office.") == []
    assert _orgs("Former Justice Department staff met.") == ["Department of Justice"]
    assert _orgs("The Department said so.") == []


def test_a_company_named_after_a_role_in_an_apposition() -> None:
    article = article_from(
        "Steve Altemus, chief executive officer and co-founder, Intuitive Machines\n\n"
        "Hailey Moosebrugger, payload manager, Astrobotic, works in Astrobotic’s center.\n\n"
        "Jane Smith, engineer, Pittsburgh, spoke. Tim Roe, engineer, Mission Control, led the "
        "mission control team."
    )
    assert [o.name for o in find_organizations(article)] == ["Intuitive Machines", "Astrobotic"]


def test_an_organizations_initials_name_it_too() -> None:
    """Hold-out 3 (FTC): "FTC Chairwoman Edith Ramirez" in a release that writes the Federal
    Trade Commission in full, never "(FTC)" after it."""
    article = article_from("The Federal Trade Commission sued. Later the FTC said so. The AB met.")
    orgs = {o.id: o for o in find_organizations(article)}
    assert orgs["federal-trade-commission"].aliases == ("FTC",)
    two = article_from("Blue Origin flew. The BO team cheered.")  # two words: too short a guess
    assert {o.id: o.aliases for o in find_organizations(two)} == {"blue-origin": ()}


def test_a_known_organization_after_of_the_is_its_own() -> None:
    """Hold-out 3 (DOJ): "the Diplomatic Security Service of the Department of State" names
    two organizations; hold-out 4 (FTC): "the FTC’s Bureau of Consumer Protection" too."""
    article = article_from(
        "He served with the Diplomatic Security Service of the Department of State. "
        "The FTC’s Bureau of Consumer Protection sued."
    )
    assert [o.id for o in find_organizations(article)] == [
        "diplomatic-security-service",
        "department-of-state",
        "federal-trade-commission",
        "bureau-of-consumer-protection",
    ]


def test_common_federal_agencies_are_known_by_their_abbreviation() -> None:
    article = article_from("FEMA and HSI agents met OMB staff; HHS sent a letter.")
    assert [o.id for o in find_organizations(article)] == [
        "fema",
        "homeland-security-investigations",
        "office-of-management-and-budget",
        "department-of-health-and-human-services",
    ]


def test_initials_leave_out_the_connector_words() -> None:
    article = article_from("The Office of the Inspector General said the OIG would look.")
    found = {o.id: o for o in find_organizations(article)}
    assert found["office-of-the-inspector-general"].aliases == ("OIG",)


def test_a_company_with_a_designator_after_a_comma_is_an_organization() -> None:
    article = article_from(
        "The FTC charged Your Baby Can, LLC, and Loma Business Group, Inc. today."
    )
    assert [(o.id, o.name) for o in find_organizations(article)][1:] == [
        ("your-baby-can", "Your Baby Can"),
        ("loma-business-group", "Loma Business Group"),
    ]


def test_and_before_a_title_ends_an_organization_name() -> None:
    article = article_from(
        "Nicholas McQuaid of the Criminal Division and Special Agent in Charge Rafael Riviere"
        " made the announcement."
    )
    assert [o.name for o in find_organizations(article)] == ["Criminal Division"]


def test_a_military_unit_is_an_organization_not_a_person() -> None:
    """Hold-out 7 (a base's sports story): "Tech. Sgt. Julio Sandoval, 452nd Security Forces
    Squadron, …" gave a card "Forces Squadron"."""
    article = article_from(
        "Also running was Tech. Sgt. Julio Sandoval, 452nd Security Forces Squadron, who "
        "trained for four months."
    )
    names = {o.name for o in find_organizations(article)}
    assert any(name.endswith("Security Forces Squadron") for name in names)
    people = {p.name for p in find_people(article, find_organizations(article))}
    assert people == {"Julio Sandoval"}


def test_a_school_district_and_a_school_written_without_school() -> None:
    """Released batch 20: "Monica Reese, science teacher, Cleveland Metropolitan School
    District" names the district (not a school of that name); "University High School" …
    "University High senior X" is one school. A district alone is a court's area or a place."""
    article = article_from(
        "Monica Reese, science teacher, Cleveland Metropolitan School District, came. "
        "University High School won. A University High senior spoke. "
        "He sat in the Northern District of Illinois."
    )
    orgs = {o.id: o for o in find_organizations(article)}
    assert "cleveland-metropolitan-school-district" in orgs
    assert "cleveland-metropolitan-school" not in orgs
    assert orgs["university-high-school"].aliases == ("University High",)
    assert not any("district-of-illinois" in oid for oid in orgs)
    alone = article_from("Torrance High placed third.")  # no school written in full: nothing
    assert [o.id for o in find_organizations(alone)] == []


def test_a_centre_whose_name_opens_with_center_and_of() -> None:
    """Released batch 20: "The Center of Science and Industry (COSI) … COSI CEO Dr. Frederic
    Bertley"; not after an honorific ("Mr. Center of Ohio" is a person's name)."""
    article = article_from(
        "The Center of Science and Industry (COSI) led. Mr. Center of Ohio came."
    )
    orgs = {o.id: o.aliases for o in find_organizations(article)}
    assert orgs == {"center-of-science-and-industry": ("COSI",)}
