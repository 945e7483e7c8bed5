"""Dates of Chinese-language articles (generator/analyse/dates_zh.py, dates.yml `chinese`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import pytest
from scoring import holdout_articles, load_article

from generator.analyse import analyse
from generator.analyse.dates_zh import find_events_zh, number
from generator.model import Article, Block, Facts

FRIDAY = dt.date(2024, 3, 15)


def _events(*texts: str, published: dt.date | None = FRIDAY) -> list[tuple[str, str]]:
    blocks = tuple(Block(f"b{i}", "paragraph", t, i) for i, t in enumerate(texts, 1))
    article = Article("t", "测试", published, "t.md", blocks)
    return [(e.date, e.expression) for e in find_events_zh(article)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年3月12日，拜登签署法案。", [("2024-03-12", "2024年3月12日")]),
        ("会议于2023年12月举行。", [("2023-12", "2023年12月")]),
        ("该公司成立于2020年。", [("2020", "2020年")]),
        ("３月１２日，他抵达北京。", [("2024-03-12", "３月１２日")]),
        ("二〇二三年十二月五日，会议在北京举行。", [("2023-12-05", "二〇二三年十二月五日")]),
        ("中国外长王毅星期一（1月29日）在曼谷会晤泰国总理。", [("2024-01-29", "1月29日")]),
        ("今天（星期五）凌晨，他们开始执行任务。", [("2024-03-15", "今天")]),
        ("他去年11月说，我们会赢。", [("2023-11", "去年11月")]),
        ("他仍然计划在今年8月出席奥运会。", [("2024-08", "今年8月")]),
        ("中国去年宣布这项计划。", [("2023", "去年")]),
        ("国际太空活动将在明年进入新的阶段。", [("2025", "明年")]),
        ("斯皮尔伯格本星期宣布辞职。", [("2024-03", "本星期")]),
        ("他上个月访问了中国。", [("2024-02", "上个月")]),
    ],
)
def test_chinese_dates_are_as_precise_as_their_words(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _events(text) == expected


def test_weekdays_look_back_unless_the_sentence_is_set_in_the_future() -> None:
    assert _events("他们星期四搭乘飞船与空间站对接。") == [("2024-03-14", "星期四")]
    assert _events("指令长预计将在星期六执行太空行走任务。") == [("2024-03-16", "星期六")]
    assert _events("结果将在下周五公布。") == [("2024-03-22", "下周五")]
    assert _events("他上周一抵达。") == [("2024-03-04", "上周一")]


def test_ranges_give_both_years_or_the_month_alone() -> None:
    assert _events("2020年至2022年，他担任部长。") == [("2020", "2020年"), ("2022", "2022年")]
    assert _events("2020至2022年间，他担任部长。") == [
        ("2020", "2020至2022年"),
        ("2022", "2020至2022年"),
    ]
    assert _events("会议将于2024年5月20日至22日举行。") == [("2024-05", "2024年5月20日至22日")]
    assert _events("展览3月12日-15日举行。") == [("2024-03", "3月12日-15日")]


def test_numbers_and_labels_that_are_no_dates() -> None:
    assert _events("1990年代，该公司成立。") == []
    assert _events("《2017年度国防授权方案》获得通过。") == []
    assert _events("他们在未来近6个月的时间里进行研究，飞行了一条路线。") == []
    assert _events("每周五他都去跑步。") == []
    assert _events("《今日美国》报道了此事。") == []
    assert _events("十月革命改变了俄国。") == []  # a name: no month of any year
    assert _events("“我今天很高兴，”他说。") == []  # the speaker's day, not the article's


def test_a_yearless_day_takes_its_year_from_context() -> None:
    # the nearest year to publication, moved by the tense
    assert _events("细节大约在3月宣布。", published=dt.date(2008, 1, 3)) == [("2008-03", "3月")]
    assert _events("他在12月已经离开。", published=dt.date(2024, 3, 15)) == [("2023-12", "12月")]
    # an earlier year that frames the paragraph
    assert _events("2010年，他当选市长。3月5日，他宣誓就职。") == [
        ("2010", "2010年"),
        ("2010-03-05", "3月5日"),
    ]
    # with no published date: only the year the article writes most
    assert _events("新冠疫苗可望在12月10日后推出。", published=None) == []
    undated = _events("2020年的选举……2020年3月3日投票。", "3月10日，结果公布。", published=None)
    assert undated[-1] == ("2020-03-10", "3月10日")
    assert _events("今年的比赛很精彩。", published=None) == []


def test_an_event_named_after_its_year() -> None:
    assert _events("和2008北京奥运火炬传递形成鲜明对比。") == [("2008", "2008")]
    assert _events("他们有2008名球迷。") == []


def test_chinese_numerals() -> None:
    assert [number(n) for n in ("十二", "三十一", "十", "五", "二〇二四", "12", "三十三十")] == [
        12,
        31,
        10,
        5,
        2024,
        12,
        None,
    ]


def test_an_english_article_gets_no_chinese_rules() -> None:
    blocks = (Block("b1", "paragraph", "The launch was on March 12, 2024. 3月12日", 1),)
    facts = analyse(Article("t", "T", FRIDAY, "t.md", blocks))
    assert [e.date for e in facts.events] == ["2024-03-12"]


def test_a_day_of_the_month_alone() -> None:
    assert _events("美国总统拜登12日表示，将继续支持。") == [("2024-03-12", "12日")]
    assert _events("他20日抵达北京。") == [("2024-02-20", "20日")]  # after the 15th: last month
    assert _events("会议将于18日举行。") == [("2024-03-18", "18日")]
    assert _events("2010年3月5日，他抵达。7日，他离开。") == [
        ("2010-03-05", "2010年3月5日"),
        ("2010-03-07", "7日"),  # the month the paragraph is at
    ]
    assert _events("工程在3日内完成，第3日比赛开始。") == []
    assert _events("他12日抵达。", published=None) == []


def test_ago_counts_back_to_its_unit() -> None:
    assert _events("三年前，他离开了公司。") == [("2021", "三年前")]
    assert _events("两个月前他来过。") == [("2024-01", "两个月前")]
    assert _events("美国之音82年前开播。") == [("1942", "82年前")]
    assert _events("10天前发生地震。") == [("2024-03-05", "10天前")]
    assert _events("他多年前来过。") == []
    assert _events("三年前，他离开了公司。", published=None) == []


@pytest.mark.parametrize("name", sorted(holdout_articles(15)))
def test_ascii_punctuation_reads_as_full_width(name: str) -> None:
    """Copies of Chinese pages often fold "，（：" to ",(:" (NFKC): the rules read them alike."""
    article = load_article(name)
    folded = dataclasses.replace(
        article,
        blocks=tuple(
            dataclasses.replace(b, text=unicodedata.normalize("NFKC", b.text))
            for b in article.blocks
        ),
    )
    assert "，" not in "".join(b.text for b in folded.blocks)

    def read(facts: Facts) -> tuple[object, ...]:
        return (
            [(p.id, p.roles) for p in facts.people],
            [(q.block, q.speaker) for q in facts.quotes],
            [(e.date, e.block) for e in facts.events],
        )

    assert read(analyse(folded)) == read(analyse(article))


def test_a_date_written_with_spaces_between_its_numbers_and_words_is_one_date() -> None:
    """ "2024 年 3 月 12 日，OpenAI 发布了新模型": the day, once (the English rules' bare "2024"
    inside it is the same date, less precise)."""
    blocks = (Block("b1", "paragraph", "2024 年 3 月 12 日，OpenAI 发布了新模型。", 1),)
    facts = analyse(Article("t", "测试", FRIDAY, "t.md", blocks))
    assert [(e.date, e.block) for e in facts.events] == [("2024-03-12", "b1")]


def test_a_weekdays_tense_is_its_own_clauses() -> None:
    """ "Sam Altman 周一在旧金山表示，公司将于本周发布新模型" (published Friday 15 March 2024):
    the Monday he spoke, not the next one; a future in the weekday's own clause still counts."""
    said = "Sam Altman 周一在旧金山表示，公司将于本周发布新模型。"
    assert ("2024-03-11", "周一") in _events(said)
    plan = "公司表示，新模型将于周一发布。"
    assert ("2024-03-18", "周一") in _events(plan)
