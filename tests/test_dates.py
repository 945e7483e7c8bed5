"""Date expressions resolved against the published date (generator/analyse/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import SEED

from generator.analyse.dates import find_events
from generator.model import Article, Block, BlockKind
from generator.read import SeedText, read_seed, read_text

TUESDAY = dt.date(2021, 10, 5)


def _events(text: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str]]:
    article = Article("t", "T", published, "t.md", (Block("b1", "paragraph", text, 1),))
    return [(e.date, e.expression) for e in find_events(article)]


def test_seed_dates() -> None:
    events = find_events(read_seed(SEED))
    assert [(e.date, e.block, e.expression) for e in events] == [
        ("2021-10-04", "b11", "on Monday"),
        ("2021-10-17", "b24", "on October 17"),
        ("2020", "b26", "last year"),
        ("2020-05", "b26", "In May 2020"),
        ("2021-09", "b27", "Last month"),
    ]
    assert (
        events[2].text
        == "Nasa confirmed last year that it was in talks with Cruise about filming on the ISS."
    )


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "She launched Sept. 15, 2023, with them.",
            dt.date(2024, 4, 6),
            [("2023-09-15", "Sept. 15, 2023")],
        ),
        (
            "It launched at 4:49 p.m. Jan. 18 on a rocket.",
            dt.date(2024, 2, 9),
            [("2024-01-18", "Jan. 18")],
        ),
        (
            "Landed Saturday, April 6, 2024.",
            dt.date(2024, 4, 6),
            [("2024-04-06", "Saturday, April 6, 2024")],
        ),
        (
            "Undocked at 11:20 a.m. Monday, March 11, to go.",
            dt.date(2024, 3, 12),
            [("2024-03-11", "Monday, March 11")],
        ),
        ("It docked March 5, and stayed.", dt.date(2024, 3, 12), [("2024-03-05", "March 5")]),
        (
            "Lifted off at 3:27 a.m. Aug. 26, 2023, on a rocket.",
            None,
            [("2023-08-26", "Aug. 26, 2023")],
        ),
        ("They returned to Earth Friday.", dt.date(2024, 2, 9), [("2024-02-09", "Friday")]),
        ("It left at 9:20 a.m. Wednesday.", dt.date(2024, 2, 9), [("2024-02-07", "Wednesday")]),
        ("Seen on 17 October 2021 there.", None, [("2021-10-17", "on 17 October 2021")]),
        ("It happened in October.", TUESDAY, [("2021-10", "in October")]),
        ("It happened in 2019.", None, [("2019", "in 2019")]),
        ("Talks began last week.", dt.date(2021, 10, 14), [("2021-10", "last week")]),
        ("Talks began last week.", TUESDAY, [("2021", "last week")]),  # Sept 27 – Oct 3
        ("Talks begin next month.", TUESDAY, [("2021-11", "next month")]),
        ("It rained yesterday.", TUESDAY, [("2021-10-04", "yesterday")]),
        ("A party on Dec. 28 was fun.", dt.date(2022, 1, 3), [("2021-12-28", "on Dec. 28")]),
    ],
)
def test_expressions(text: str, published: dt.date | None, expected: list[tuple[str, str]]) -> None:
    assert _events(text, published) == expected


def test_weekday_in_a_future_sentence_is_the_next_one() -> None:
    assert _events("The crew will land on Sunday.") == [("2021-10-10", "on Sunday")]
    assert _events("He spoke on Sunday.") == [("2021-10-03", "on Sunday")]
    assert _events("They said on Tuesday.") == [("2021-10-05", "on Tuesday")]  # the same day


def test_future_words_inside_a_quotation_do_not_set_the_tense() -> None:
    text = "On Monday she said: “We will remember it.”"
    assert _events(text) == [("2021-10-04", "On Monday")]


@pytest.mark.parametrize(
    "text",
    [
        "Shipenko, 38, spent 12 days and 199 days aboard at 3:27 a.m.",
        "We may go. May we? It may rain in may.",
        "They march on. A 37-year-old flew 360 miles in 2 hours.",
        "Orbiting the Sun. Wed and Mon are short.",
        "February 30 is not a date.",
        "The report gives rates for 2007–2011 and from 1998-2003.",  # spans: no one date
    ],
)
def test_non_dates(text: str) -> None:
    assert _events(text) == []


def test_without_published_date_only_absolute_dates() -> None:
    text = "On Monday, last month, on October 17, In May 2020 and Sept. 15, 2023."
    assert _events(text, None) == [("2020-05", "In May 2020"), ("2023-09-15", "Sept. 15, 2023")]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("MayJn.Sept 0123456789,:lastmonhMondayOctober\x00“”"), max_size=120
    )
)
def test_arbitrary_text_never_raises(text: str) -> None:
    for date, _ in _events(text) + _events(text, None):
        assert len(date) in (4, 7, 10)


def test_a_long_block_of_dates_keeps_every_one() -> None:
    # Time is the benchmark's to measure (benchmarks/big_seed.py, a 1 MB budget), not a test's.
    unit = "On Monday, Sept. 15, 2023 and last month it flew 12 days "
    text = unit * (500_000 // len(unit))
    assert len(_events(text)) == 2 * (500_000 // len(unit))  # the weekday and date are one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 1975 mission docked in orbit.", [("1975", "1975")]),
        ("A 2021 decision was overturned.", [("2021", "2021")]),
        ("It reversed 2019’s ruling.", [("2019", "2019")]),
        ("The summer of 1969 was hot.", [("1969", "The summer of 1969")]),
        ("It opens in summer 2024.", [("2024", "summer 2024")]),
        ("The 2000 people who attended cheered.", []),
        ("The 1960s were a decade of firsts.", []),
        ("A 2021 to 2022 change.", []),
    ],
)
def test_a_year_used_as_an_adjective_is_a_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert _events(text, dt.date(2024, 4, 6)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the paragraph is about 1965: a month without a year is of 1965
        (
            "In 1965, Leonov trained. In December he flew.",
            [("1965", "In 1965"), ("1965-12", "In December")],
        ),
        (
            "Leonov trained in 1965. On Dec. 3 he flew.",
            [("1965", "in 1965"), ("1965-12-03", "On Dec. 3")],
        ),
        # which year is unsure: the old year sits in a clause of the same sentence
        ("Leonov, who flew in 1965, died on Oct. 11 in Moscow.", [("1965", "in 1965")]),
        ("He flew the 1975 mission and landed on July 24.", [("1975", "1975")]),
        # a recent year: the year nearest to publication, as before
        (
            "She flew in 2023 and landed on March 23.",
            [("2023", "in 2023"), ("2024-03-23", "on March 23")],
        ),
    ],
)
def test_a_yearless_date_takes_the_year_of_its_paragraph(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _events(text, dt.date(2024, 4, 6)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It launched on March 2, 2024. Two days later it docked.",
            [("2024-03-02", "on March 2, 2024"), ("2024-03-04", "Two days later")],
        ),
        (
            "It launched on March 2, 2024, and docked the next day.",
            [("2024-03-02", "on March 2, 2024"), ("2024-03-03", "the next day")],
        ),
        (
            "It launched on Dec. 30, 2023. Two months later it landed.",
            [("2023-12-30", "on Dec. 30, 2023"), ("2024-02", "Two months later")],
        ),
        (
            "It launched in May 2020. A year later it landed.",
            [("2020-05", "In May 2020"), ("2021", "A year later")],
        ),
        # never more precise than the words: a month then "the next day" is no day
        ("It launched in May 2020. The next day it docked.", [("2020-05", "in May 2020")]),
        ("Two days later it docked.", []),  # nothing to count from
    ],
)
def test_offsets_count_from_the_event_they_follow(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = _events(text, dt.date(2024, 4, 6))
    assert [(d, e.lower()) for d, e in found] == [(d, e.lower()) for d, e in expected]


def test_offsets_count_from_the_previous_paragraph() -> None:
    blocks = (
        Block("b1", "paragraph", "It launched on March 2, 2024.", 1),
        Block("b2", "paragraph", "Two days later it docked.", 3),
    )
    article = Article("t", "T", dt.date(2024, 4, 6), "t.md", blocks)
    assert [(e.date, e.block) for e in find_events(article)] == [
        ("2024-03-02", "b1"),
        ("2024-03-04", "b2"),
    ]


@pytest.mark.parametrize(
    ("published", "text"),
    [
        (dt.date(1, 1, 1), "It rained yesterday and on Sunday, last week and last month."),
        (dt.date(9999, 12, 31), "It rains tomorrow and next Sunday, next week and next year."),
        (dt.date(9999, 12, 31), "It flew on Dec. 31, 9999. The next day it landed."),
    ],
)
def test_date_arithmetic_at_the_ends_of_the_calendar_does_not_crash(
    published: dt.date, text: str
) -> None:
    for date, _ in _events(text, published):
        assert len(date) in (4, 7, 10)


def test_without_published_date_a_yearless_date_is_left_out_even_after_a_year() -> None:
    text = "It lifted off Aug. 26, 2023. It undocked Monday, March 11, to go home."
    assert _events(text, None) == [("2023-08-26", "Aug. 26, 2023")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the nearest January is ahead, but the sentence is in the past
        (
            "In January, he was arrested in Mexico.",
            dt.date(2023, 9, 18),
            [("2023-01", "In January")],
        ),
        ("In January, he will be tried.", dt.date(2023, 9, 18), [("2024-01", "In January")]),
        # a list of days closed by its year
        (
            "He sold drugs on July 31, August 7, and August 21, in 2023, at home.",
            dt.date(2024, 8, 7),
            [
                ("2023-07-31", "on July 31"),
                ("2023-08-07", "August 7"),
                ("2023-08-21", "August 21"),
            ],
        ),
        ("It was great last night.", dt.date(2024, 6, 19), [("2024-06-18", "last night")]),
    ],
)
def test_yearless_dates_in_context(
    text: str, published: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert _events(text, published) == expected


def _article_events(published: dt.date | None, *texts: str) -> list[tuple[str, str]]:
    blocks = tuple(Block(f"b{n}", "paragraph", t, n) for n, t in enumerate(texts, start=1))
    return [(e.date, e.block) for e in find_events(Article("t", "T", published, "t.md", blocks))]


def test_a_day_written_in_full_lends_its_year_to_the_same_day_written_alone() -> None:
    assert _article_events(None, "Truly died Feb. 27, 2024, at home.", "We lost him Feb. 27.") == [
        ("2024-02-27", "b1"),
        ("2024-02-27", "b2"),
    ]


def test_a_weekday_places_a_yearless_day_among_the_years_the_article_writes() -> None:
    texts = ("On Monday, April 8, the eclipse crosses America.", "The 2024 eclipse is the last.")
    assert _article_events(None, *texts) == [("2024-04-08", "b1"), ("2024", "b2")]
    assert _article_events(None, "On Monday, April 8, it came.") == []  # which year: unknown


def test_the_day_before_counts_only_alone() -> None:
    texts = ("The team met on April 16, 2024.", "They sent it the day before, and it worked.")
    assert _article_events(None, *texts) == [("2024-04-16", "b1"), ("2024-04-15", "b2")]
    assert _article_events(None, "It met on April 16, 2024, the day before the launch.") == [
        ("2024-04-16", "b1")
    ]


def test_an_offset_after_a_date_that_could_not_be_placed_is_left_out() -> None:
    texts = ("It ended in January 1976.", "On May 24, they trained. Two months later, they flew.")
    assert _article_events(None, *texts) == [("1976-01", "b1")]


def test_without_published_date_the_year_the_article_is_about() -> None:
    texts = (
        "The march to the Moon took a leap in May 1969. Their July Moon landing neared.",
        "On May 6, the crew trained. Exactly two months later, they flew.",
        "Stacking ran on May 1-2. The crash of December 1968 was past. In early June, it ended.",
        "The first stage arrived on May 3, 1969, and the second the following day.",
    )
    assert _article_events(None, *texts) == [
        ("1969-05", "b1"),
        ("1969-07", "b1"),
        ("1969-05-06", "b2"),
        ("1969-07-06", "b2"),
        ("1969-05", "b3"),
        ("1968-12", "b3"),
        ("1969-06", "b3"),
        ("1969-05-03", "b4"),
        ("1969-05-04", "b4"),
    ]


def test_a_year_qualifying_a_noun_sets_no_time_for_what_follows() -> None:
    texts = ("In 1969, it flew in May 1969 after the December 1968 crash. On May 7 it landed.",)
    assert _article_events(None, *texts)[-1] == ("1969-05-07", "b1")
    texts = ("She launched in 1965. He spoke of the 1975 mission. On July 24 it ended.",)
    assert _article_events(dt.date(2024, 4, 6), *texts)[-1] == ("1975", "b1")  # July: unsure


def test_a_hedged_date_is_left_out() -> None:
    text = "Apollo 12 would fly later, most likely in November, or tentatively for September."
    assert _events(text, dt.date(2024, 4, 6)) == []
    assert _events("The song of the year for 1969.", None) == [("1969", "for 1969")]


@pytest.mark.parametrize(
    "text",
    [
        "The coach said: “We play tonight and we win.”",
        "Jobs grew over the last year.",
        "The PACT Act of 2022 passed.",
    ],
)
def test_expressions_that_name_no_date_of_the_story(text: str) -> None:
    assert _events(text, dt.date(2023, 11, 9)) == []


# --- i12rules: possessives, numeric date lines, "the week before", a period's start ----------


def _found(body: str, published: str | None = "2023-11-09") -> list[tuple[str, str]]:
    front = f"published: {published}\n" if published else ""
    article = read_text(SeedText("t.md", f"---\ntitle: T\n{front}---\n{body}"), "t")
    return [(e.date, e.expression) for e in find_events(article)]


def test_a_possessive_relative_word_is_a_date_only_before_an_event() -> None:
    assert _found("Today’s bipartisan vote passed. In today’s world, all is well.") == [
        ("2023-11-09", "Today’s")
    ]


def test_a_numeric_date_is_placed_only_when_unambiguous() -> None:
    assert _found("11.09.2023\n\nThe team won.") == [("2023-11-09", "11.09.2023")]
    assert _found("11.09.2023\n\nThe team won.", "2023-11-10") == []  # day or month first?
    assert _found("11.09.2023\n\nThe team won.", None) == []
    assert _found("On 25.09.2023 and 3.3.2023, not 1.2.2023.4.", None) == [
        ("2023-09-25", "25.09.2023"),
        ("2023-03-03", "3.3.2023"),
    ]


def test_the_week_before_gives_the_month_of_those_days() -> None:
    assert _found("On May 24, they met. The week before, they had decided.", "1969-06-01") == [
        ("1969-05-24", "On May 24"),
        ("1969-05", "The week before"),
    ]
    assert _found("On May 3, they met. The week before, they had decided.", "1969-06-01") == [
        ("1969-05-03", "On May 3"),
        ("1969", "The week before"),  # April 26 – May 2: two months, one year
    ]


def test_an_undated_period_start_is_placed_by_the_periods_that_end_it() -> None:
    text = (
        "The period begins Monday, April 1, and includes a 30-day phase-in period, a two-year "
        "base period, a two-year option, a one-year option, and a six-month option, with the "
        "potential to extend services through Nov. 30, 2029."
    )
    assert _found(text, None) == [
        ("2024-04-01", "Monday, April 1"),
        ("2029-11-30", "through Nov. 30, 2029"),
    ]
    # April 1 was a Monday in 2019 and 2024 both: without the periods, nothing places it
    assert _found("The period begins Monday, April 1, through Nov. 30, 2029.", None) == [
        ("2029-11-30", "through Nov. 30, 2029")
    ]


def test_a_stray_comma_between_month_and_day_keeps_the_day() -> None:
    published = dt.date(2019, 8, 29)
    text = "They won in Glendale, Colorado, on August, 24 beating the Air Force 33-5."
    assert _events(text, published) == [("2019-08-24", "on August, 24")]
    assert _events("It was signed August, 24, 2019 in Paris.", published) == [
        ("2019-08-24", "August, 24, 2019")
    ]
    # after "in" the number counts something: the month alone
    assert _events("In August, 24 of the teams withdrew.", published) == [("2019-08", "In August")]


def test_undated_a_day_takes_the_one_year_of_its_sentences_event() -> None:
    """Hold-out 3 (army.mil boxing, no publication date): "the 2009 … Championships at Barnes
    Field House on May 1" is 1 May 2009; with a second year in the sentence, or the year in
    another sentence, the day stays unplaced."""
    one = "Soldiers won the 2009 Armed Forces Boxing Championships at Barnes Field House on May 1."
    assert ("2009-05-01", "on May 1") in _events(one, None)
    two = "The 2009 Championships, after the 2007 Games, ended on May 1."
    assert all(date != "2009-05-01" and date != "2007-05-01" for date, _ in _events(two, None))
    apart = "Soldiers won the 2009 Armed Forces Boxing Championships. The final was on May 1."
    assert [d for d, _ in _events(apart, None)] == ["2009"]


def test_a_year_after_a_possessive_qualifies_and_a_budgets_year_is_a_label() -> None:
    assert [d for d, _ in _events("He won silver at the council's 2007 Military Games.")] == [
        "2007"
    ]
    assert _events("The rollout of the President’s 2025 budget and the 2025 budget request.") == []
    assert [d for d, _ in _events("2023 Armed Forces Basketball Championships Finals")] == ["2023"]


def test_a_day_of_an_event_counts_from_the_range_the_article_gave() -> None:
    """Hold-out 3 (DVIDS wrestling): "March 16-17, 2013 … on the first day of the tournament …
    on day two"; without a range, or past its end, such a day is no date."""
    text = (
        "The team won the Championship March 16-17, 2013. It led on the first day of the "
        "tournament and won on day two. Day three never came. The final day was long."
    )
    assert [d for d, _ in _events(text)] == ["2013-03", "2013-03-16", "2013-03-17", "2013-03-17"]
    assert _events("He struggled on the first day of school and on day two.") == []
    ranged = "The summit ran March 16-17, 2013. On the first day of school he left."
    assert [d for d, _ in _events(ranged)] == ["2013-03"]


def test_a_quoted_today_is_the_speakers_day_when_the_lede_dates_the_event_earlier() -> None:
    """Hold-out 4 (army.mil softball, published a week after the final of Sept. 18): the
    coach's "what we did today" is the final's day, not the publication day."""
    published = dt.date(2014, 9, 25)

    def article(*texts: str) -> Article:
        blocks = tuple(Block(f"b{n}", "paragraph", t, n) for n, t in enumerate(texts, 1))
        return Article("t", "T", published, "t.md", blocks)

    report = article("The team won the final Sept. 18.", '"We did it today," said the coach.')
    assert [e.date for e in find_events(report)] == ["2014-09-18"]
    statement = article("The agency spoke today.", '"We act today," said the director.')
    assert [e.date for e in find_events(statement)] == ["2014-09-25", "2014-09-25"]


# --- i12voices6: day ranges before the month, line-opening and parenthesised years, "from …
# to", an undated "this year", "last summer" --------------------------------------------------


def test_a_range_of_days_before_the_month_gives_the_month() -> None:
    """Hold-out 2 (rugby): "the Rugbytown 7’s Tournament from 20-22 August"."""
    assert _events("The tournament ran from 20-22 August.", dt.date(2021, 8, 22)) == [
        ("2021-08", "from 20-22 August")
    ]
    assert _events("Navy won 14-7 on Saturday.", dt.date(2021, 8, 22)) == [
        ("2021-08-21", "on Saturday")
    ]  # a score is no range of days


def test_a_year_opening_a_line_or_a_parenthesis_qualifies_a_noun() -> None:
    """Hold-out 5 (NOAA): "WHAT:\\n2016 Atlantic hurricane season …"; hold-out 3 (boxing):
    "kind of like (2000 Olympian) Olanda Anderson"."""
    assert _events("WHAT:\n2016 Atlantic hurricane season outlook", None) == [("2016", "2016")]
    assert _events("He is like (2000 Olympian) Olanda Anderson.", None) == [("2000", "2000")]
    assert _events("Seats (2000 people) were sold. (1500 meters) of road.", None) == []
    assert _events("The scores (2000 points) stood.", None) == []


def test_the_end_of_a_range_from_a_year_is_a_date() -> None:
    """Hold-out 2 (Abbey): "From 1987 to 1993, Abbey supported NASA Headquarters"."""
    assert _events("From 1987 to 1993, he served.", dt.date(2024, 3, 25)) == [
        ("1987", "From 1987"),
        ("1993", "to 1993"),
    ]
    assert _events("Sales rose to 1993 units.", dt.date(2024, 3, 25)) == []


def test_undated_this_year_is_the_year_the_article_is_about() -> None:
    """Hold-out 5 (NOAA advisory, no publication date): "the 2016 Atlantic hurricane season …
    forecasts this year" → 2016; not when a later year is written, nor "last year"."""
    texts = ("On May 27, NOAA issues its outlook for the 2016 season.", "Upgrades help this year.")
    assert _article_events(None, *texts, "It meets on Friday, May 27, 2016.") == [
        ("2016-05-27", "b1"),
        ("2016", "b1"),
        ("2016", "b2"),
        ("2016-05-27", "b3"),
    ]
    later = ("The 2016 season and the 2016 outlook.", "This year, and in 2019.")
    assert ("2016", "b2") not in _article_events(None, *later)
    assert _article_events(None, "The 2016 season and the 2016 outlook. Last year it rained.") == [
        ("2016", "b1"),
        ("2016", "b1"),
    ]


def test_last_summer_is_dated_only_when_publication_leaves_no_doubt() -> None:
    """Hold-out 3 (Manafort, published 2019-03-15): "his conviction in that case last summer"."""
    text = "After his conviction last summer, he agreed."
    assert _events(text, dt.date(2019, 3, 15)) == [("2018", "last summer")]
    assert _events(text, dt.date(2019, 7, 1)) == [("2018", "last summer")]
    assert _events(text, dt.date(2019, 10, 1)) == []  # the summer just past, or the one before?
    assert _events("He left last winter.", dt.date(2019, 3, 15)) == []  # across two years
    assert _events("It was the last summer of his life.", dt.date(2019, 3, 15)) == []
    assert _events("They return this fall.", dt.date(2019, 3, 15)) == []  # a plan, vaguely


def test_a_street_number_is_no_year() -> None:
    """A line of an advisory's address, or one in parentheses, is no adjective year."""
    assert _events("WHERE:\n2000 Suitland Road, Suitland", None) == []
    assert _events("The White House (1600 Pennsylvania Avenue NW) is near.", None) == []
    assert _events("WHAT:\n2016 Atlantic hurricane season outlook", None) == [("2016", "2016")]


def test_ago_counts_back_from_publication_never_more_precise_than_its_unit() -> None:
    published = dt.date(2024, 3, 25)
    text = "It began 10 days ago. They met three weeks ago, two months ago and a year ago."
    assert _events(text, published) == [
        ("2024-03-15", "10 days ago"),
        ("2024-03", "three weeks ago"),
        ("2024-01", "two months ago"),
        ("2023", "a year ago"),
    ]
    assert _events("The first was conducted 10 days ago.", None) == []  # no published date
    assert _events("It ran five weeks ago.", dt.date(2024, 3, 6)) == [("2024", "five weeks ago")]
    assert _events("It was decades ago, years ago.", published) == []


def test_a_month_opening_a_name_is_no_date() -> None:
    """Hold-out 6: "Airman Erick Mata of March Air Reserve Base" named no March."""
    published = dt.date(2022, 6, 10)
    assert _events("Goals by Airman Mata of March Air Reserve Base, Calif.", published) == []
    assert _events("The parade in May Day colours.", published) == []
    assert _events("The first was in March, the second of May.", published) == [
        ("2022-03", "in March"),
        ("2022-05", "of May"),
    ]


def test_a_possessive_weekday_is_the_weekday_written_before() -> None:
    """Hold-out 6: "On Tuesday, a rocket … burst" then "the cause of Tuesday's explosion"."""
    published = dt.date(2014, 10, 29)  # a Wednesday
    story = "On Tuesday, a rocket burst. It will wait till the cause of Tuesday's crash is known."
    assert _events(story, published) == [
        ("2014-10-28", "On Tuesday"),
        ("2014-10-28", "Tuesday's"),
    ]
    # alone, its Tuesday may be past or to come ("ahead of Tuesday's vote"): left out
    assert _events("Ahead of Tuesday's vote, they met.", published) == []
    assert _events("On Tuesday, he said Tuesday's students were late.", published) == [
        ("2014-10-28", "On Tuesday"),
    ]  # no event noun after the possessive


def test_later_in_the_day_and_this_years_tournament() -> None:
    """Hold-out 6: "launched … on Wednesday. … expected to dock later in the day"; "to prepare
    for this year's tournament"."""
    published = dt.date(2014, 10, 29)
    assert _events("It launched on Wednesday. It docks later in the day.", published) == [
        ("2014-10-29", "on Wednesday"),
        ("2014-10-29", "later in the day"),
    ]
    assert _events("It docks later in the day.", published) == []  # no day before it
    assert _events("They prepared for this year's tournament.", dt.date(2024, 4, 16)) == [
        ("2024", "this year's"),
    ]


def test_a_written_weekday_settles_a_year_the_tense_moved() -> None:
    """Hold-out 7 (a USGS release of Tuesday, March 17, 1998): "The meeting will take place
    Monday, March 16" is the day before, not March 16, 1999 (a Tuesday)."""
    published = dt.date(1998, 3, 17)
    assert _events("The meeting will take place Monday, March 16.", published) == [
        ("1998-03-16", "Monday, March 16"),
    ]
    # without the weekday the tense decides, as before
    assert _events("The meeting will take place March 16.", published) == [
        ("1999-03-16", "March 16"),
    ]
    # a weekday neither year agrees with: left out
    assert _events("The meeting will take place Sunday, March 16.", published) == []


def test_a_relative_word_capitalised_inside_a_sentence_is_a_title() -> None:
    """Hold-out 7 (a USGS release): the heading "At SSA in Boulder This Week..." was dated
    March 1998; "This Week" capitalised mid-sentence is a heading's (or a show's) words."""
    published = dt.date(1998, 3, 17)
    assert _events("At SSA in Boulder This Week...", published) == []
    assert _events("She appeared on NBC's Today show.", published) == []
    # at a sentence's start, or written in lower case, it is the day or the week
    assert _events("Thank you. Today we have Dr. Roe.", published) == [("1998-03-17", "Today")]
    assert _events("This week, the crew met. They met this week.", published) == [
        ("1998-03", "This week"),
        ("1998-03", "this week"),
    ]


def test_a_season_over_two_years_is_both_years() -> None:
    """Hold-out 6 (a CDC briefing): "The 2009/'10 flu experience has been unique." is 2009 and
    2010; a span of more years, or two years not running, stays no date."""
    published = dt.date(2010, 4, 1)
    assert _events("The 2009/'10 flu experience has been unique.", published) == [
        ("2009", "2009/'10"),
        ("2010", "2009/'10"),
    ]
    assert _events("During the 2009-10 season they won.", published) == [
        ("2009", "2009-10"),
        ("2010", "2009-10"),
    ]
    assert _events("The 2009/'12 plan failed. Rates for 2007–2011 rose.", published) == []
    assert _events("The 2009-10 budget passed.", published) == []  # a budget's years


def test_offsets_within_the_day_week_and_month_of_the_date_before() -> None:
    """Offsets count from the event they follow, never more precise than it: "that night",
    "later that week" (some day of the seven after it: their month), "earlier that month"."""
    published = dt.date(2021, 10, 20)
    assert _events("On Oct. 5, 2021, the crew launched. That night, they docked.", published) == [
        ("2021-10-05", "On Oct. 5, 2021"),
        ("2021-10-05", "That night"),
    ]
    assert _events("They met on Oct. 5, 2021. Later that week they flew.", published) == [
        ("2021-10-05", "on Oct. 5, 2021"),
        ("2021-10", "Later that week"),
    ]
    assert _events("They met in October 2021. Earlier that month, they trained.", published) == [
        ("2021-10", "in October 2021"),
        ("2021-10", "Earlier that month"),
    ]
    # from a month alone, no day; with no date before, nothing; "the night before the launch"
    # names another event
    assert _events("They met in October 2021. That night they flew.", published) == [
        ("2021-10", "in October 2021"),
    ]
    assert _events("That night they flew.", published) == []
    assert _events(
        "On Oct. 5, 2021, it flew. The night before the launch was calm.", published
    ) == [
        ("2021-10-05", "On Oct. 5, 2021"),
    ]


def _article(*blocks: tuple[BlockKind, str], published: dt.date | None = None) -> Article:
    return Article(
        "t",
        "T",
        published,
        "t.md",
        tuple(Block(f"b{i}", kind, text, i) for i, (kind, text) in enumerate(blocks, 1)),
    )


def test_a_weekday_places_a_date_only_in_a_year_written_so_far() -> None:
    """ "Monday, May 6" in the lede of an undated feature is not 2002's because a later
    paragraph goes back to 2002 (May 6, 2002 was a Monday too) while the article's latest year
    is 2018: left out. A year written before it (or the latest) still places it."""
    later = _article(
        ("paragraph", "As the astronaut launches Monday, May 6 on its first crewed flight, ..."),
        ("paragraph", "In 2002, Stover ran into Wilmore during a launch campaign."),
        ("paragraph", "In 2018, Wilmore received an award."),
    )
    assert [(e.date, e.block) for e in find_events(later)] == [("2002", "b2"), ("2018", "b3")]
    before = _article(
        ("paragraph", "In 2002, Stover ran into Wilmore."),
        ("paragraph", "They met again Monday, May 6 at the center."),
    )
    assert ("2002-05-06", "b2") in [(e.date, e.block) for e in find_events(before)]


def test_a_caption_lends_its_full_date_to_the_same_day_in_the_story() -> None:
    """The caption "…, Tuesday, April 9, 2024, at NASA Headquarters" dates the story's
    "The signing took place April 9" of an undated release."""
    article = _article(
        (
            "caption",
            "Nelson and Moriyama hold signed copies, Tuesday, April 9, 2024, in Washington.",
        ),
        ("paragraph", "The signing took place April 9 at NASA Headquarters in Washington."),
    )
    assert [(e.date, e.block) for e in find_events(article)] == [
        ("2024-04-09", "b1"),
        ("2024-04-09", "b2"),
    ]


def test_a_treaty_of_a_year_is_dated_a_law_of_a_year_is_a_title() -> None:
    assert _events(
        "The accords are grounded in the Outer Space Treaty of 1967 and three related treaties."
    ) == [("1967", "of 1967")]
    assert _events("The Senate passed the Honoring our PACT Act of 2022 on Tuesday.") == [
        ("2021-10-05", "on Tuesday")
    ]


def test_a_year_inside_a_name_after_a_determiner_or_possessive() -> None:
    """ "NASA’s Space Technology Missions Directorate 2020 Tipping Point awards" is 2020; a
    number after a word that numbers things, or with no determiner before the name, is not."""
    assert _events(
        "It is part of NASA’s Space Technology Missions Directorate 2020 Tipping Point awards."
    ) == [("2020", "2020")]
    assert _events("The Armed Forces 2017 Warrior Games began.") == [("2017", "2017")]
    assert _events("The US Airways Flight 1549 Crew landed.") == []
    assert _events("Directorate 2020 Tipping Point awards were given.") == []


def test_the_year_of_a_work_after_its_quoted_title() -> None:
    """'Walt Owen, “Apollo 15 NASA Artist at Work, VAB,” 1971, watercolor on paper.'"""
    assert _events(
        "Walt Owen, “Apollo 15 NASA Artist at Work, VAB,” 1971, watercolor on paper."
    ) == [("1971", "1971")]
    assert _events("James Browning Wyeth, “Support”, 1965, watercolor on paper.") == [
        ("1965", "1965")
    ]


def test_a_holiday_after_on_or_at_is_its_day() -> None:
    """ "In 2014, Wilmore made time to call Stover at Christmas while aboard the station": the
    year opening the sentence places the holiday, even with no published date. A greeting, an
    island or a party is no date."""
    undated = _article(
        ("paragraph", "In 2014, Wilmore made time to call Stover at Christmas while aboard."),
        ("paragraph", "He called to wish me and my family a ‘Merry Christmas.’"),
        ("paragraph", "They flew on Christmas Island and met at Christmas parties."),
    )
    assert [(e.date, e.block) for e in find_events(undated)] == [
        ("2014", "b1"),
        ("2014-12-25", "b1"),
    ]
    assert _events("The crew opened presents on Christmas Day.") == [
        ("2020-12-25", "on Christmas Day")
    ]


def test_without_a_published_date_a_year_opening_the_sentence_places_its_days() -> None:
    assert _article_events(None, "In 2014, the crew landed on March 3.") == [
        ("2014", "b1"),
        ("2014-03-03", "b1"),
    ]
    # a year inside the sentence, not opening it, does not (it may be another event's)
    assert _article_events(None, "It launched in 2014 and landed on March 3.") == [("2014", "b1")]


@pytest.mark.parametrize(
    "text",
    [
        "I think it was a 1980’s or 90’s show about scientists.",
        "It was popular in the mid-1990's, they said.",
        "He loved early 1960's music.",
        "Shows from 1980's and 1990's screens were kept.",
    ],
)
def test_a_decade_is_no_year(text: str) -> None:
    """ "a 1980’s or 90’s show" names a decade: neither 1980 nor any date."""
    assert _events(text) == []
    assert _events(text, None) == []


def test_a_possessive_year_is_still_a_year() -> None:
    assert _events("He recalled 1969’s landing on the Moon.") == [("1969", "1969")]
    assert _events("It was 2020's hardest decision.") == [("2020", "2020")]


def test_a_year_naming_a_thing_does_not_date_an_undated_article() -> None:
    """Without a published date, "announced May 3" takes no year from a caption's earlier
    ceremony and "the 2022 … Scientist of the Year": the year naming a title is no time."""
    article = _article(
        ("caption", "Medals are displayed Thursday, July 7, 2022, before a ceremony."),
        ("paragraph", "The two recipients are among the 19 awardees announced May 3."),
        ("paragraph", "She was named the 2022 LGBTQ+ Scientist of the Year by Pride."),
    )
    dates = [(e.date, e.block) for e in find_events(article)]
    assert dates == [("2022-07-07", "b1"), ("2022", "b3")]
    told = _article(
        ("paragraph", "In May 2022 the medals were announced. The list grew in 2022."),
        ("paragraph", "The recipients were named May 3."),
    )
    assert ("2022-05-03", "b2") in [(e.date, e.block) for e in find_events(told)]


def _paragraph_events(published: dt.date | None, *texts: str) -> list[tuple[str, str]]:
    blocks = tuple(Block(f"b{n}", "paragraph", t, n) for n, t in enumerate(texts, start=1))
    return [
        (e.date, e.expression) for e in find_events(Article("t", "T", published, "t.md", blocks))
    ]


def test_undated_a_day_takes_the_one_year_its_month_was_written_with() -> None:
    """Hold-out 11 (an undated crew-return advisory): "This media advisory was updated on
    March 22, 2024" … "a news conference … Monday, March 25" … "the crew of Crew-8, who docked
    to the station on March 5" is 5 March 2024, the one year the paragraphs wrote two days of
    March with; with March written in two years, or once only ("born March 3, 1930" places
    no "died on March 5"), the day stays unplaced."""
    note = "This media advisory was updated on March 22, 2024."
    conference = "The crew will speak at a news conference on Monday, March 25."
    docked = "They met the crew of Crew-8, who docked to the station on March 5."
    assert ("2024-03-05", "on March 5") in _paragraph_events(None, note, conference, docked)
    two = "The first test was on March 2, 2023, the second on March 22, 2024."
    assert all(not d.endswith("-03-05") for d, _ in _paragraph_events(None, two, docked))
    born = _paragraph_events(None, "Smith was born on March 3, 1930.", "He died on March 5.")
    assert born == [("1930-03-03", "on March 3, 1930")]


def test_a_month_beside_another_years_qualifier_in_its_sentence_is_unsure() -> None:
    """ "The 2025 launch window opens in September" (published October 2021) is not September
    2021: the sentence's own year qualifies the window, so the month's year is unsure and it
    is left out; the year itself stays. The same year as the month's nearest keeps it."""
    assert _events("The 2025 launch window opens in September.") == [("2025", "2025")]
    same = _events("The 2021 launch window closed in September.")
    assert ("2021-09", "in September") in same


def test_a_weekday_after_the_is_the_weekday_written_before() -> None:
    """Hold-out 12 (a scrub post of Saturday 2014-09-20): "Next launch attempt is Sunday
    morning" is the next day; "the Sunday attempt" later, in a sentence of no tense, is that
    same Sunday, not the Sunday before publication. Alone, "the Sunday attempt" says neither
    past nor future: left out."""
    published = dt.date(2014, 9, 20)
    story = (
        "Next launch attempt is Sunday morning at 1:52 a.m. EDT. The forecast calls for a 40"
        " percent chance of acceptable conditions for the Sunday attempt."
    )
    assert _events(story, published) == [("2014-09-21", "Sunday"), ("2014-09-21", "Sunday")]
    assert _events("The forecast calls for rain for the Sunday attempt.", published) == []
    # a weekday with a word of its own before "the" keeps its tense rule
    assert _events("The crew landed on Sunday.", published) == [("2014-09-14", "on Sunday")]


def test_a_year_opening_a_period_is_not_the_year_the_article_is_about() -> None:
    """Hold-out 12 (undated): "on Jan. 15" and "on Feb. 4" after "Since December 2022, SWOT
    has been measuring" and "Launched in December 2022" are in some later year: a year after
    "since" does not count towards the year the article is about, so the days stay unplaced."""
    texts = (
        "The image shows the area on Jan. 15, and then again on Feb. 4.",
        "Since December 2022, SWOT has been measuring the height of water.",
        "Launched in December 2022, SWOT is now in its operations phase.",
    )
    assert _article_events(None, *texts) == [("2022-12", "b2"), ("2022-12", "b3")]
    # written twice without "since", the year is the article's and places the days
    told = ("The image shows the area on Jan. 15.", "In January 2022 it rained.", "Also 2022.")
    assert ("2022-01-15", "b1") in _article_events(None, *told)


def test_a_year_that_ends_a_name_gives_no_year_to_undated_days() -> None:
    """Hold-out 13 (no publication date): "… Cleveland on March 30 … Total Eclipse Fest 2024,
    April 6-8 … a 2024 Eclipse Countdown Kickoff video": the year of a name is no reference
    year, so the days stay unresolved; a year the story writes twice as a date still is one."""
    named = (
        "The game was in Cleveland on March 30. Staff discussed the Total Eclipse Fest 2024, "
        "April 6-8. The Monsters also showed a 2024 Eclipse Countdown Kickoff video."
    )
    assert [d for d, _ in _events(named, None)] == ["2024"]
    told = "The game was on March 30. In 2024 the team moved, and in 2024 it won."
    assert [d for d, _ in _events(told, None)] == ["2024-03-30", "2024", "2024"]


def test_a_bracketed_year_opening_a_caption_dates_its_photograph() -> None:
    """Released batch 12: "(1966) — Portrait of astronaut Thomas P. Stafford"; a bracketed year
    inside a sentence names nothing."""
    assert _events("(1966) — Portrait of astronaut Thomas P. Stafford, in a spacesuit.", None) == [
        ("1966", "1966")
    ]
    assert _events("The vote (2016) — a turning point.", None) == []


def test_between_two_years_gives_both() -> None:
    """Released batch 14: "he traveled to orbit four times … between 1986 and 1994"."""
    assert _events("He flew four times between 1986 and 1994, commanding two.", None) == [
        ("1986", "between 1986"),
        ("1994", "and 1994"),
    ]


def test_last_or_next_month_only_where_it_names_one_year() -> None:
    """Released batch 14 (published 22 January 2008): "his conviction last August" is August
    2007; "last August" in September could be either August, "next March" in September is
    the March after."""
    assert _events("It followed his conviction last August.", dt.date(2008, 1, 22)) == [
        ("2007-08", "last August")
    ]
    assert _events("He was convicted last August.", dt.date(2008, 9, 22)) == []
    assert _events("The trial opens next March.", dt.date(2008, 9, 22)) == [
        ("2009-03", "next March")
    ]


def test_a_year_after_an_adjective_and_a_month_after_the_qualify_a_noun() -> None:
    """Released batch 16: "Trump is the presumptive 2024 Republican presidential nominee in the
    November election" (published May 31, 2024); "the March on Washington" is no month."""
    published = dt.date(2024, 5, 31)
    nominee = "Trump is the presumptive 2024 Republican nominee in the November election."
    assert _events(nominee, published) == [("2024", "2024"), ("2024-11", "the November")]
    assert _events("She joined the March on Washington.", published) == []


def test_a_numeric_date_with_a_two_digit_year_and_a_present_tense_through() -> None:
    """Released batch 18: "On 1/16/24, NASA posted" (no publication date: POSIX's pivot gives
    2024; with one, the century nearest it); an uncertain day order is left out. "Athletics
    and other Olympic events continue through Sunday" (published Wednesday, August 20, 2008)
    is the Sunday ahead."""
    assert _events("On 1/16/24, NASA posted it.", None) == [("2024-01-16", "1/16/24")]
    assert _events("On 1/16/99, NASA posted it.", dt.date(2001, 5, 1)) == [
        ("1999-01-16", "1/16/99")
    ]
    assert _events("On 3/4/24, NASA posted it.", None) == []
    wednesday = dt.date(2008, 8, 20)
    assert _events("Olympic events continue through Sunday.", wednesday) == [
        ("2008-08-24", "Sunday")
    ]
    assert _events("Olympic events continued through Sunday.", wednesday) == [
        ("2008-08-17", "Sunday")
    ]
