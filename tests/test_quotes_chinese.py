"""Quotations of Chinese articles (generator/analyse/quotes_zh.py, speech.yml `chinese`)."""

from __future__ import annotations

import datetime as dt

from generator.analyse import analyse
from generator.model import Article, Block


def _quotes(*texts: str) -> list[tuple[str, str | None, str]]:
    blocks = tuple(Block(f"b{i}", "paragraph", t, i) for i, t in enumerate(texts, 1))
    facts = analyse(Article("t", "测试", dt.date(2024, 3, 15), "t.md", blocks))
    return [(q.block, q.speaker, q.text) for q in facts.quotes]


def test_the_speaker_before_the_verb_before_the_quotation() -> None:
    assert _quotes("中国外交部发言人汪文斌表示：“美方应当停止干涉中国内政。”") == [
        ("b1", "wangwenbin", "美方应当停止干涉中国内政。")
    ]
    assert _quotes("前总统特朗普去年11月说：「我们会赢。」") == [("b1", "telangpu", "我们会赢。")]


def test_the_speaker_after_the_quotation_that_the_verb_closes() -> None:
    text = "“他们有一种怕的心理，怕说错了话，”汉学家林培瑞告诉美国之音。"
    assert _quotes("美国著名汉学家林培瑞任教于加州大学。", text) == [
        ("b2", "linpeirui", "他们有一种怕的心理，怕说错了话")  # the closing comma left out
    ]


def test_no_person_named_no_speaker() -> None:
    assert _quotes("这位议员表示，为了应对挑战，“美国要利用一切外交和经济工具”。") == [
        ("b1", None, "美国要利用一切外交和经济工具")
    ]


def test_a_term_is_no_voice() -> None:
    assert _quotes("太空服被命名为“飞天”。") == []  # no speech verb
    assert _quotes("国际空间站迎来3位新“住客”。") == []
    # a short quotation away from the verb, in a sentence that reports speech
    assert _quotes("中国总理李强表示，要坚定不移贯彻“一国两制”的方针。") == []
    assert _quotes("这部作品被称为“一部杰作中的杰作”。") == []  # 称为 reports no speech


def test_a_quotation_paragraph_takes_the_speaker_of_the_sentence_before() -> None:
    assert _quotes(
        "市长苏利文坐著轮椅，接受了美国之音记者采访。",
        "“我觉得非常高兴，非常荣幸能够代表温哥华。”",
    ) == [("b2", "suliwen", "我觉得非常高兴，非常荣幸能够代表温哥华。")]
    assert _quotes(  # no one named before: a voice with no speaker
        "现场民众欢呼。", "“我觉得非常高兴，非常荣幸能够代表温哥华。”"
    ) == [("b2", None, "我觉得非常高兴，非常荣幸能够代表温哥华。")]


def test_the_person_spoken_to_is_not_the_speaker() -> None:
    assert _quotes(
        "国务卿布林肯在北京会见外长王毅。外长王毅对国务卿布林肯说：“中方坚决反对。”"
    ) == [("b1", "wangyi", "中方坚决反对。")]


def test_a_word_holding_a_marks_character_addresses_no_one() -> None:
    assert _quotes("美国共和党众议员麦考尔表示：“我们必须领导世界。”") == [
        ("b1", "maikaoer", "我们必须领导世界。")
    ]


def test_the_english_rules_quotations_only_in_english_and_once() -> None:
    assert _quotes("奥巴马在演讲中说：“Yes, we can.”", "市长苏利文表示：“我觉得非常高兴。”") == [
        ("b1", None, "Yes, we can."),
        ("b2", "suliwen", "我觉得非常高兴。"),
    ]


def test_straight_marks_around_chinese_words_are_a_quotation() -> None:
    """Text typed without a Chinese input method: 'Linus Torvalds 说："我不喜欢这个补丁。"'; a
    setting in straight marks with no Chinese words and no speech ("设为 "fast"") is none."""
    assert _quotes('Linus Torvalds 说："我不喜欢这个补丁。"') == [
        ("b1", "linus-torvalds", "我不喜欢这个补丁。")
    ]
    assert _quotes('他把参数设为 "fast" 之后，速度变快了很多。') == []


def test_he_said_is_the_one_person_the_story_named_last() -> None:
    """Released batch 24: "首席执行官库克在剧场使这款新手机亮相。" then "他说，“……”", and "他还说，
    “……”" after a quotation of the same man: the person the nearest sentence naming anyone
    names; none when that sentence names two."""
    assert _quotes(
        "首席执行官库克在剧场使这款新手机亮相。",
        "他说，“在十年后的今天推出这款产品再合适不过了。”",
    ) == [("b2", "kuke", "在十年后的今天推出这款产品再合适不过了。")]
    two = _quotes(
        "首席执行官库克和总统拜登会面。",
        "他说，“在十年后的今天推出这款产品再合适不过了。”",
    )
    assert [speaker for _, speaker, _ in two] == [None]


def test_a_quoted_title_is_no_voice() -> None:
    """Released batch 24: "苹果在官网上以“iCloud in China”为标题的问答集中解释了变革" (a page's
    title, in a sentence with a speech verb) is no voice; "题为“……”的报告" neither."""
    assert _quotes("苹果在官网上以“iCloud in China”为标题的常见问答集中解释了服务变革。") == []
    assert _quotes("他说，题为“中国的人工智能发展现状与未来”的报告已经发表。") == []
    assert _quotes("我认为所谓的“在我的机器上能正常运行的软件工程”是一种反模式。") == []


def test_a_question_asked_is_a_voice() -> None:
    """ "问" reports speech ("我的同事问我：“你为什么不用 Docker？”"); 问题, 访问, 顾问 do not."""
    assert _quotes("我的同事问我：“你为什么不用 Docker？”") == [
        ("b1", None, "你为什么不用 Docker？")
    ]
    assert _quotes("这个问题被称为“最后一公里难题”，至今没有答案。") == []
