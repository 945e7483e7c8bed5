"""The memos of what one paragraph's text gives (its sentence starts, its organizations; speed,
issue 14): each text's own answer, the plain rules' answer, a list of the caller's own, and
emptied before each article's analysis (analyse.forget_texts)."""

from __future__ import annotations

from generator.analyse import entities, forget_texts, sentences

_TEXTS = [
    "Mr. Rogozin spoke at 10 a.m. Moscow time. Tracy C. Dyson stayed.",
    "Mr. Rogozin spoke at 10 a.m. Moscow time. Tracy C. Dyson stayed!",
    "The European Space Agency and the Israel Space Agency met. NASA did not.",
    "The European Space Agency and the Israel Space Agency met, NASA did not.",
    "No organization here. Nor a second one? None.",
    "",
]


def _plain_starts(text: str) -> list[int]:
    return list(sentences._starts.__wrapped__(text))  # the rules, not the memo


def _plain_spans(text: str) -> list[tuple[int, int, str, str]]:
    return list(entities._organization_spans.__wrapped__(text))


def test_each_text_gets_its_own_sentence_starts() -> None:
    forget_texts()
    expected = [_plain_starts(t) for t in _TEXTS]
    for _ in range(2):  # computed, then from the memo
        assert [sentences.sentence_starts(t) for t in _TEXTS] == expected
    assert expected[0] != expected[4]  # (different texts, different answers: a real check)


def test_each_text_gets_its_own_organizations() -> None:
    expected = [_plain_spans(t) for t in _TEXTS]  # each computed with an empty memo
    assert expected[2] and not expected[4]
    forget_texts()
    for _ in range(2):
        assert [entities.organization_spans(t) for t in _TEXTS] == expected


def test_a_caller_changing_its_list_changes_no_other_answer() -> None:
    forget_texts()
    text = _TEXTS[2]
    starts, spans = sentences.sentence_starts(text), entities.organization_spans(text)
    want_starts, want_spans = list(starts), list(spans)
    starts.append(999)
    spans.clear()
    assert sentences.sentence_starts(text) == want_starts
    assert entities.organization_spans(text) == want_spans


def test_forget_texts_empties_the_memos() -> None:
    sentences.sentence_starts(_TEXTS[0])
    entities.organization_spans(_TEXTS[2])
    forget_texts()
    assert sentences._starts.cache_info().currsize == 0
    assert entities._organization_spans.cache_info().currsize == 0
