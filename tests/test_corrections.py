"""Editor corrections (generator/corrections.py): every action and every error."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SEED

from generator.analyse import analyse
from generator.corrections import apply_corrections, load_corrections, parse_corrections
from generator.errors import GeneratorError
from generator.model import Correction, Facts, Person, Quote
from generator.read import read_seed

PATH = "seeds/first-film-in-orbit.corrections.yml"


@pytest.fixture(scope="module")
def facts() -> Facts:
    base = analyse(read_seed(SEED))
    # Known starting point, independent of how good the people rules are.
    people = (
        Person("yulia-peresild", "Yulia Peresild", ("Peresild",), ("actor",), 37),
        Person("dmitry-peskov", "Dmitry Peskov", (), ("spokesman",)),
        Person("mission-control", "Mission Control"),
    )
    quotes = (
        Quote("We have been pioneers", None, "b9"),
        Quote("Such missions", None, "b9"),
        Quote("I feel like I’m dreaming", "mission-control", "b21"),
    )
    return Facts(base.article, people=people, quotes=quotes, themes=dict(base.themes))


def _apply(facts: Facts, text: str) -> Facts:
    return apply_corrections(facts, parse_corrections(text, PATH), PATH)


def _error(facts: Facts, text: str) -> GeneratorError:
    with pytest.raises(GeneratorError) as info:
        _apply(facts, text)
    return info.value


def test_missing_file_is_none_and_empty_file_changes_nothing(tmp_path: Path, facts: Facts) -> None:
    assert load_corrections(tmp_path / "none.corrections.yml") is None
    empty = tmp_path / "empty.corrections.yml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    corrections = load_corrections(empty)
    assert corrections is not None and corrections.entries == ()
    assert apply_corrections(facts, corrections, "x") is facts


def test_set_role_roles_and_age(facts: Facts) -> None:
    fixed = _apply(facts, "people:\n  - set: yulia-peresild\n    role: actress\n    age: 38\n")
    person = fixed.person("yulia-peresild")
    assert person.roles == ("actor", "actress") and person.age == 38
    assert fixed.corrections == (
        Correction("add-role", "yulia-peresild", "actress"),
        Correction("set-age", "yulia-peresild", "38"),
    )
    replaced = _apply(facts, "people:\n  - set: dmitry-peskov\n    roles: [press secretary]\n")
    assert replaced.person("dmitry-peskov").roles == ("press secretary",)
    assert facts.person("yulia-peresild").roles == ("actor",)  # the input is untouched


def test_add_person(facts: Facts) -> None:
    text = """people:
  - add: Oleg Novitskiy
    aliases: [Novitskiy, Mr Novitskiy]
    roles: [cosmonaut]
    age: 50
    organizations: [roscosmos]
    blocks: [b13, b19]
"""
    added = _apply(facts, text).person("oleg-novitskiy")
    assert added == Person(
        "oleg-novitskiy",
        "Oleg Novitskiy",
        ("Novitskiy", "Mr Novitskiy"),
        ("cosmonaut",),
        50,
        ("roscosmos",),
        ("b13", "b19"),
    )


def test_remove_person_unattributes_their_quotes(facts: Facts) -> None:
    fixed = _apply(facts, "people:\n  - remove: mission-control\n")
    assert "mission-control" not in {p.id for p in fixed.people}
    assert fixed.quotes[2].speaker is None
    assert fixed.corrections == (Correction("remove-person", "mission-control", ""),)


def test_set_speaker_by_block_and_prefix(facts: Facts) -> None:
    fixed = _apply(
        facts, "quotes:\n  - block: b9\n    text: such MISSIONS\n    speaker: dmitry-peskov\n"
    )
    assert [q.speaker for q in fixed.quotes] == [None, "dmitry-peskov", "mission-control"]
    both = _apply(facts, "quotes:\n  - block: b9\n    speaker: dmitry-peskov\n")
    assert [q.speaker for q in both.quotes[:2]] == ["dmitry-peskov", "dmitry-peskov"]
    cleared = _apply(facts, "quotes:\n  - block: b21\n    speaker: null\n")
    assert cleared.quotes[2].speaker is None
    assert cleared.corrections[0].action == "set-speaker" and cleared.corrections[0].value == "none"


def test_speaker_may_be_a_person_added_in_the_same_file(facts: Facts) -> None:
    text = "quotes:\n  - block: b21\n    speaker: yulia-p\npeople:\n  - add: Yulia P\n"
    assert _apply(facts, text).quotes[2].speaker == "yulia-p"


def test_move_block_into_and_out_of_a_theme(facts: Facts) -> None:
    assert "b3" not in facts.themes["film"] and "b6" in facts.themes["film"]
    text = "themes:\n  - add: b3\n    theme: film\n  - remove: b6\n    theme: film\n"
    fixed = _apply(facts, text)
    assert "b3" in fixed.themes["film"] and "b6" not in fixed.themes["film"]
    assert list(fixed.themes["film"]) == sorted(fixed.themes["film"], key=lambda b: int(b[1:]))
    assert fixed.corrections == (
        Correction("add-to-theme", "film", "b3"),
        Correction("remove-from-theme", "film", "b6"),
    )


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("people:\n  - set: nobody\n    age: 3\n", "no person 'nobody'", 2),
        ("people:\n  - remove: nobody\n", "no person 'nobody'", 2),
        ("people:\n  - set: yulia-peresild\n    age: old\n", "age must be", 2),
        ("people:\n  - add: Yulia Peresild\n", "already exists", 2),
        ("people:\n  - add: Someone\n    blocks: [b99]\n", "no block 'b99'", 2),
        ("people:\n  - add: Someone\n    remove: x\n", "exactly one of", 2),
        ("people:\n  - set: yulia-peresild\n    rol: actor\n", "unknown key 'rol'", 2),
        ("quotes:\n  - block: b9\n    speaker: nobody\n", "no person 'nobody'", 2),
        ("quotes:\n  - block: b99\n    speaker: null\n", "no quotation in block 'b99'", 2),
        ("quotes:\n  - block: b1\n    speaker: null\n", "no quotation in block 'b1'", 2),
        ("quotes:\n  - block: b9\n    text: Nope\n    speaker: null\n", "starting 'Nope'", 2),
        ("quotes:\n  - speaker: null\n", "needs 'block'", 2),
        ("themes:\n  - add: b3\n    theme: sport\n", "no theme 'sport'", 2),
        ("themes:\n  - add: b99\n    theme: film\n", "no block 'b99'", 2),
        ("themes:\n  - theme: film\n", "one of add, remove", 2),
        ("people:\n  - set: dmitry-peskov\n    age: 1\n  - set: ghost\n", "no person 'ghost'", 4),
        ("people: [\n", "malformed YAML", 2),
        ("- just a list\n", "must be a mapping", 1),
        ("persons: []\n", "unknown section 'persons'", 1),
        ("people: 3\n", "must be a list", 1),
    ],
)
def test_errors_name_the_file_and_line(facts: Facts, text: str, message: str, line: int) -> None:
    error = _error(facts, text)
    assert message in error.message
    assert error.path == PATH and error.line == line
    assert "\n" not in str(error)


def test_boilerplate_cannot_join_a_theme(tmp_path: Path) -> None:
    from scoring import load_article

    facts = analyse(load_article("nasa_article_550"))
    error = _error(facts, "themes:\n  - add: b14\n    theme: mission\n")
    assert "boilerplate" in error.message


def test_load_reads_the_file_and_reports_with_its_path(tmp_path: Path, facts: Facts) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text("people:\n  - set: ghost\n", encoding="utf-8")
    corrections = load_corrections(path, "seeds/x.corrections.yml")
    assert corrections is not None
    with pytest.raises(GeneratorError, match=r"^seeds/x\.corrections\.yml:2: no person 'ghost'"):
        apply_corrections(facts, corrections, "seeds/x.corrections.yml")
    path.write_text("people: [\n", encoding="utf-8")
    with pytest.raises(GeneratorError, match="malformed YAML"):
        load_corrections(path, "seeds/x.corrections.yml")
