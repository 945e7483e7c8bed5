"""Organizations and roles of people in the shapes news copy gives them (issue 12, items 1-3):
each rule on a sentence shaped like the real one that showed the gap."""

from __future__ import annotations

from test_people import article_from, people_of

from generator.analyse.entities import find_organizations
from generator.model import Person


def _person(text: str, pid: str) -> Person:
    return people_of(article_from(text))[pid]


# --- "of", "with" and "for" the organization after a name -------------------------------------


def test_the_organization_after_the_last_name_of_a_list_is_everyones() -> None:
    """Hold-out 7 (a docking blog): "Soyuz crew members Mark Vande Hei and Joe Acaba of NASA"
    gave NASA to Acaba alone."""
    people = people_of(
        article_from(
            "Soyuz crew members Ann Bell and Joe Acre of NASA and Ivan Orlov of Roscosmos will "
            "arrive."
        )
    )
    assert people["ann-bell"].organizations == people["joe-acre"].organizations == ("nasa",)
    assert people["ivan-orlov"].organizations == ("roscosmos",)


def test_a_list_member_with_another_title_keeps_no_organization_of_the_last() -> None:
    people = people_of(article_from("President Joe Biden and Bill Nelson of NASA spoke."))
    assert people["joe-biden"].organizations == ()
    assert people["bill-nelson"].organizations == ("nasa",)


def test_a_name_in_a_list_of_names_and_their_organizations_is_a_person() -> None:
    """Hold-out 7 (a launch blog): "… and Kimiya Yui of the Japan Aerospace Exploration Agency
    (JAXA)" was no person ("Kimiya" is no known given name) though the list around it is."""
    people = people_of(
        article_from(
            "Kjell Lindgren of NASA, Oleg Kononenko of the Russian Federal Space Agency "
            "(Roscosmos) and Kimiya Yui of the Japan Aerospace Exploration Agency (JAXA) now are "
            "safely in orbit."
        )
    )
    assert people["kimiya-yui"].organizations == ("jaxa",)
    assert set(people) == {"kjell-lindgren", "oleg-kononenko", "kimiya-yui"}


def test_a_bare_name_after_an_organization_alone_stays_unknown() -> None:
    assert people_of(article_from("The award went to Kimiya Yui of NASA.")) == {}


def test_with_the_organization_after_a_name() -> None:
    person = _person("Special Agent John Roe with the FBI said the case was closed.", "john-roe")
    assert person.roles == ("special agent",)
    assert person.organizations == ("fbi",)


def test_for_the_organization_after_a_title_and_a_name() -> None:
    """Hold-out 7 (a verdict): "Assistant Attorney General Alice S. Fisher for the Criminal
    Division and Acting U.S. Attorney Louis V. Franklin, Sr. of the Middle District …"."""
    text = (
        "Assistant Attorney General Ann C. Bell for the Criminal Division and Acting U.S. "
        "Attorney Louis V. Hart, Sr. of the Middle District of Alabama announced today."
    )
    article = article_from(text)
    assert [o.name for o in find_organizations(article)] == ["Criminal Division"]
    person = people_of(article)["ann-c-bell"]
    assert person.organizations == ("criminal-division",)


def test_for_the_organization_after_a_bare_name_is_not_the_persons() -> None:
    person = _person("Tom Smith for NASA said it was fine.", "tom-smith")
    assert person.organizations == ()


# --- units and second roles in an apposition --------------------------------------------------


def test_a_unit_alone_in_the_apposition_of_a_rank_and_name() -> None:
    """Hold-out 7 (a base's sports story): "Staff Sgt. Alicia Salas, 752nd Medical Squadron,
    who ran the full marathon"."""
    article = article_from(
        "Another runner who kept going was Staff Sgt. Ana Sala, 752nd Medical Squadron, who ran "
        "the full marathon."
    )
    assert [o.id for o in find_organizations(article)] == ["752nd-medical-squadron"]
    person = people_of(article)["ana-sala"]
    assert person.organizations == ("752nd-medical-squadron",)


def test_a_numbered_unit_needs_a_name_word() -> None:
    assert find_organizations(article_from("It was the 12th Agency meeting of the year.")) == ()


def test_a_second_role_after_and_held_in_an_organization() -> None:
    """Hold-out 5 (a sports story): "Lt. Col. Derrick Weyand, head coach and 66th Security
    Forces Squadron commander, was grateful"."""
    person = _person(
        "Lt. Col. Dan Wey, head coach and 66th Security Forces Squadron commander, was grateful.",
        "dan-wey",
    )
    assert person.roles == ("lt. col.", "head coach", "commander")
    assert person.organizations == ("66th-security-forces-squadron",)


def test_capitalised_words_before_a_second_role_must_name_an_organization() -> None:
    person = _person("Jane Roe, a geologist and Apollo astronaut, said.", "jane-roe")
    assert person.organizations == ()
    assert "geologist" in person.roles


# --- offices -----------------------------------------------------------------------------------


def test_an_office_in_lower_case_keeps_its_portfolio_and_a_second_role_its_organization() -> None:
    """Hold-out 7 (a conference notice): "retired Navy Vice Adm. Conrad C. Lautenbacher, Ph.D.,
    undersecretary of commerce for oceans and atmosphere and NOAA administrator"."""
    person = _person(
        "A speech from retired Navy Vice Adm. Carl C. Lauten, Ph.D., undersecretary of commerce "
        "for oceans and atmosphere and NOAA administrator, will open it.",
        "carl-c-lauten",
    )
    assert person.roles == (
        "vice adm.",
        "undersecretary of commerce for oceans and atmosphere",
        "administrator",
    )
    assert person.organizations == ("navy", "noaa")


def test_a_lower_case_portfolio_must_end_its_clause() -> None:
    assert _person("Jane Roe, secretary of commerce, said.", "jane-roe").roles == (
        "secretary of commerce",
    )
    assert _person("Jane Roe, minister of health and a doctor, said.", "jane-roe").roles == (
        "minister of health",
        "doctor",
    )
    # the portfolio runs into a verb: left short
    assert _person("Jane Roe, the secretary of commerce announced.", "jane-roe").roles == (
        "secretary",
    )


def test_an_office_fronted_with_as_belongs_to_the_name_after_the_comma() -> None:
    """Hold-out 4 (a confirmation): "As NOAA Administrator, Spinrad – who has worked at NOAA
    previously – is responsible for …"."""
    person = _person(
        "Rick Spin was confirmed. As NOAA Administrator, Spin – who has worked at NOAA "
        "previously – is responsible for it.",
        "rick-spin",
    )
    assert person.roles == ("administrator",)
    assert person.organizations == ("noaa",)


def test_a_fronted_as_before_something_else_gives_no_role() -> None:
    text = "Bill Ness spoke. As a child, Ness played. As administrator, it was under Ness’s watch."
    assert _person(text, "bill-ness").roles == ()


def test_a_special_agent_in_charge_is_not_a_special_agent() -> None:
    """The dev corpus (a sentencing): "said David F. Reames, Special Agent in Charge, DEA Seattle
    Field Division" — "agent" alone is a role too ("Special Agent John Roe")."""
    person = _person(
        "“It is done,” said David F. Rame, Special Agent in Charge, DEA Seattle Field Division.",
        "david-f-rame",
    )
    assert person.roles == ("special agent in charge",)
    assert person.organizations == ("drug-enforcement-administration",)
    assert _person("Agent Jane Doe spoke.", "jane-doe").roles == ("agent",)
