"""The one sentence splitter every analysis reads (people, key facts, quotations, dates)."""

from __future__ import annotations

import pytest

from generator.analyse.sentences import sentence_bounds, sentence_starts, sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations and initials do not end a sentence
        (
            "Mr. Rogozin spoke at 10 a.m. Moscow time. Tracy C. Dyson stayed.",
            ["Mr. Rogozin spoke at 10 a.m. Moscow time.", "Tracy C. Dyson stayed."],
        ),
        # a short month name is an abbreviation; a full one ends a sentence
        (
            "They launched Sept. 15, 2023. The crew landed in May. Then they rested.",
            ["They launched Sept. 15, 2023.", "The crew landed in May.", "Then they rested."],
        ),
        # closing quotes stay with their sentence; an opening quote starts the next one
        (
            "“I feel like I’m dreaming.” “It is normal,” she said! Why? 38 people watched.",
            [
                "“I feel like I’m dreaming.”",
                "“It is normal,” she said!",
                "Why?",
                "38 people watched.",
            ],
        ),
        # a full stop before a lower-case word is not a boundary
        (
            "The Soyuz MS-19 craft etc. were ready. it went on.",
            ["The Soyuz MS-19 craft etc. were ready. it went on."],
        ),
        # hold-out 6 (DVIDS soccer): an ordinal's dot before an abbreviated rank goes on
        (
            "Air Force 1st. Lt. James Souder of Tinker Air Force Base, Okla. knocked in the "
            "first goal. They finished 2nd. The team flew home.",
            [
                "Air Force 1st. Lt. James Souder of Tinker Air Force Base, Okla. knocked in the "
                "first goal.",
                "They finished 2nd.",
                "The team flew home.",
            ],
        ),
        # ranks and words that stand before a name or a number (sentences.yml)
        (
            "Lieut. Adam D’Amico of Naval Shipyard Portsmouth converted the try. TSgt. Jane Roe "
            "ran approx. 40 Miles near Mt. Hood. SSgt. Doe, of Ft. Bragg, won.",
            [
                "Lieut. Adam D’Amico of Naval Shipyard Portsmouth converted the try.",
                "TSgt. Jane Roe ran approx. 40 Miles near Mt. Hood.",
                "SSgt. Doe, of Ft. Bragg, won.",
            ],
        ),
        # offices written short before a name, as press releases of the courts do
        (
            "Asst. U.S. Atty. Jane Roe prosecuted the case. Ofc. John Doe and Amb. Ann Lee "
            "testified.",
            [
                "Asst. U.S. Atty. Jane Roe prosecuted the case.",
                "Ofc. John Doe and Amb. Ann Lee testified.",
            ],
        ),
        # a degree or a time zone may end a sentence
        (
            "She earned her Ph.D. She flew at 5 p.m. EST. The crew slept.",
            ["She earned her Ph.D.", "She flew at 5 p.m. EST.", "The crew slept."],
        ),
        # initials without a space go on; after a comma they are a place and end it
        (
            "Flight Engineers T.J. Doe and Jo Roe landed. Camp Lejeune, N.C. Ramos won. "
            "She holds an M.D. She flew.",
            [
                "Flight Engineers T.J. Doe and Jo Roe landed.",
                "Camp Lejeune, N.C.",
                "Ramos won.",
                "She holds an M.D.",
                "She flew.",
            ],
        ),
        ("", []),
        ("   ", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert list(sentences(text)) == expected


def test_sentence_bounds_finds_the_sentence_holding_an_offset() -> None:
    text = "First one. Second one here. Third."
    starts = sentence_starts(text)
    pos = text.index("here")
    start, end = sentence_bounds(text, starts, pos)
    assert text[start:end].strip() == "Second one here."
