"""A site of a Chinese-language article: `generator new` sets Material's language and search to
zh, and the search index (segmented by jieba, which Material's search plugin uses when it is
installed) holds words, not whole sentences."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from support import CORPUS, REPO, SEED, add_newsroom_extras, make_project, mkdocs_build

from generator import cache, paging, ui
from generator.build import generate
from generator.cli import main
from generator.errors import GeneratorError
from generator.newsite import site_config, with_language
from generator.site import Project, load_data

STORY = """---
title: "残奥会火炬汇聚 开始北京段传递"
published: 2008-09-05
---
北京残奥会火炬经过在中国国内两条路线的传递后，星期五在北京中华世纪坛汇聚，开始北京段的传递。

后来北京奥组委邀请加拿大温哥华市的市长苏利文参加火炬传递活动。苏利文接受了美国之音记者采访。

“我觉得非常高兴，非常荣幸能够代表温哥华，我的城市。北京安排得非常棒，我很感动。”
"""

ZENSICAL = Path(sys.executable).parent / "zensical"

MODEL = """site_name: X
theme:
  name: material
  language: en
plugins:
  - search:
      lang: en
extra:
  language: en
"""


def test_the_language_is_set_in_the_theme_and_the_search_plugin_only() -> None:
    text = with_language(MODEL, "zh")
    assert "  language: zh\n" in text and "      lang: zh\n" in text
    assert text.endswith("extra:\n  language: en\n")  # another key of that name is left alone
    assert "language: en" in site_config(MODEL, "T", "D").split("extra")[0]  # English: as is


def test_a_chinese_site_searches_by_word(tmp_path: Path) -> None:
    article = tmp_path / "input" / "torch.md"
    article.parent.mkdir(parents=True)
    article.write_text(STORY, encoding="utf-8")
    root = tmp_path / "zh-site"
    assert main(["new", str(root), "--from", str(article), "--like", str(REPO)]) == 0
    config = (root / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"(?m)^  language: zh$", config)
    assert re.search(r"(?m)^      lang: zh$", config)
    site = mkdocs_build(root, "--strict")
    assert '<html lang="zh"' in (site / "index.html").read_text("utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["zh"]
    separator = re.compile(index["config"]["separator"])
    page = next(d for d in index["docs"] if "苏利文接受了" in d["text"].replace("\u200b", ""))
    tokens = [t for t in separator.split(re.sub(r"<[^>]+>", " ", page["text"])) if t]
    assert {"苏利文", "火炬", "温哥华"} <= set(tokens)  # words, each a search term
    han = re.compile(r"[\u4e00-\u9fff]")
    assert max(len(t) for t in tokens if han.search(t)) <= 8  # no sentence (40+) is one token
    people = (site / "people" / "index.html").read_text("utf-8")
    assert "苏利文" in people and "市长" in people


# --- the site's own words in Chinese (generator/data/ui/zh.yml) ----------------------------


def _english_words() -> set[str]:
    """Every run of words an English message writes (its text between the {names}): none of
    them may be left on a Chinese site's pages."""
    raw = yaml.safe_load((REPO / "generator" / "data" / "ui" / "en.yml").read_text("utf-8"))
    found: set[str] = set()
    for value in raw["messages"].values():
        for text in value.values() if isinstance(value, dict) else [value]:
            for piece in re.split(r"\{\w+\}", text):
                piece = piece.strip(" ,.:;()")
                if len(piece) >= 4 and re.search("[A-Za-z]{2}", piece):
                    found.add(piece)
    return found | set(raw["dates"]["months"])


def _body(page: str) -> str:
    """The words a generated page shows or reads out: its text, its front matter's title,
    description and card text, and its labels (aria-label, alt, title); no tag, address or
    JSON-LD (schema.org's keys are English)."""
    lines = [line for line in page.splitlines() if not line.startswith(("jsonld:", "card:"))]
    text = "\n".join(lines)
    labels = re.findall(r'\b(?:aria-label|alt|title)="([^"]*)"', text)
    return "\n".join([re.sub(r"<[^>]*>", " ", text), *labels])


def _leftovers(text: str, words: set[str]) -> list[str]:
    return sorted(w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text))


@pytest.fixture(scope="module")
def torch_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`generator new` from the Chinese story, then `mkdocs build --strict`."""
    base = tmp_path_factory.mktemp("torch")
    article = base / "input" / "torch.md"
    article.parent.mkdir(parents=True)
    article.write_text(STORY, encoding="utf-8")
    root = base / "zh-site"
    assert main(["new", str(root), "--from", str(article), "--like", str(REPO)]) == 0
    mkdocs_build(root, "--strict")
    return root


def test_a_chinese_sites_own_words_are_chinese(torch_site: Path) -> None:
    docs = torch_site / "docs"
    page = {p: (docs / p).read_text("utf-8") for p in PAGES}
    assert '<p class="index__kicker">报道 · 2008年9月5日</p>' in page["index.md"]
    assert "## 深入了解" in page["index.md"] and "## 文章" in page["index.md"]
    for count in ("1 位人物", "1 个有日期的事件", "1 条引语"):  # no English plural rules
        assert f'<span class="theme-card__count">{count}</span>' in page["index.md"]
    people = page["people.md"]
    assert 'title: "人物"' in people and "## 文中提到的所有人" in people
    assert "<dt>身份</dt> <dd>市长</dd><dt>提及段落</dt>" in people
    assert ">来源：第 3 段</a>" in people
    assert "文章提到的每一个人" in people  # the core's summary, translated
    assert '<time datetime="2008-09-05">2008年9月5日</time>' in page["timeline.md"]
    assert 'aria-label="有日期的事件时间线，按时间先后排列"' in page["timeline.md"]
    assert '苏利文</a>，市长 · <a class="passage__source"' in page["voices.md"]
    article = page["articles/torch.md"]
    assert "发表于 2008年9月5日。全文逐段呈现" in article
    assert 'aria-label="第 2 段"' in article
    assert "用订阅阅读器关注这个报道" in page["articles/index.md"]
    assert '(来源文章 · 2008年9月5日)"' in article  # the share card's alt text
    for name, text in page.items():
        assert _leftovers(_body(text), _english_words()) == [], name
    nav = (docs / ".generator-nav.yml").read_text("utf-8")
    for title, path in (("概览", "index.md"), ("人物", "people.md"), ("时间线", "timeline.md")):
        assert f"{title}: {path}" in nav  # the same URLs, other words
    feed = (docs / "feed.xml").read_text("utf-8")
    assert 'xml:lang="zh"' in feed
    html = (torch_site / "site" / "people" / "index.html").read_text("utf-8")
    assert "<dt>身份</dt>" in html and "<dt>Role</dt>" not in html
    # the theme's footer and 404 page (overrides/), from the nav file's extra.generator_ui
    assert '本站由<a href="../articles/">文章页</a>所列的新闻文章生成' in html
    assert "使用 MkDocs 和 Material for MkDocs 构建。" in html and "Generated from" not in html
    lost = (torch_site / "site" / "404.html").read_text("utf-8")
    assert "<title>找不到该页面 - " in lost and "<p>或者点击页面顶部的搜索按钮" in lost


PAGES = (
    "index.md",
    "people.md",
    "timeline.md",
    "voices.md",
    "articles/index.md",
    "articles/torch.md",
)


def test_an_english_article_on_a_chinese_site_gets_chinese_words_around_it(
    tmp_path: Path,
) -> None:
    english = make_project(tmp_path / "en", {SEED.name: SEED.read_bytes()})
    chinese = add_newsroom_extras(make_project(tmp_path / "zh", {SEED.name: SEED.read_bytes()}))
    add_newsroom_extras(english)  # byline, outlet, link to the original
    config = chinese / "mkdocs.yml"
    config.write_text(
        re.sub(r"(?m)^  language: en$", "  language: zh", config.read_text("utf-8")), "utf-8"
    )
    en = {o.path: o.content.decode() for o in generate(Project(english)) if o.path.endswith(".md")}
    zh = {o.path: o.content.decode() for o in generate(Project(chinese)) if o.path.endswith(".md")}
    assert sorted(zh) == sorted(en)  # the same pages at the same URLs
    crew, mission = zh["crew.md"], zh["mission.md"]
    assert 'title: "乘组"' in crew and "<dt>在任务中的角色</dt> <dd>乘 Soyuz 升空</dd>" in crew
    assert "## 关键信息" in mission and "<dt>计划返回</dt> <dd>2021年10月17日" in mission
    assert '<span class="theme-card__count">11 条引语</span>' in zh["index.md"]
    origin = '<span class="origin__byline">作者：A. Reporter</span> · <span class="origin__outlet">'
    assert origin in zh["articles/first-film-in-orbit.md"]
    assert '>原文<span class="origin__external">（外部网站）</span></a>' in zh["articles/index.md"]
    assert '> 饰演 <span class="cast__character">' in zh["film.md"]
    assert "Yulia Peresild" in crew and "rocketed into space" in zh["index.md"]  # the article's
    words = _english_words()
    in_story = set(_leftovers(SEED.read_text("utf-8"), words))
    for name, text in zh.items():  # English words only where the article has them
        assert [w for w in _leftovers(_body(text), words) if w not in in_story] == [], name


def test_the_parts_of_a_long_list_are_worded_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paging, "LIST_BUDGET", 3_000)  # the small site's lists cut into parts
    monkeypatch.setattr(paging, "PART_BUDGET", 6_000)
    monkeypatch.setattr(paging, "OVERVIEW_ARTICLES", 2)
    texts = [SEED.read_bytes(), *(p.read_bytes() for p in sorted(CORPUS.glob("*.txt")))]
    names = [SEED.name, *(p.name for p in sorted(CORPUS.glob("*.txt")))]
    seeds: dict[str, bytes | str] = dict(zip(names, texts, strict=True))
    project = make_project(tmp_path / "p", seeds)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  language: en\n", "  language: zh\n"))
    pages = {
        o.path: o.content.decode() for o in generate(Project(project)) if o.path.endswith(".md")
    }
    part = pages["people/cards-1.md"]
    assert re.search(r'title: "人物：\w+ – \w+，第 1 部分（共 \d+ 部分）"', part)
    assert re.search(r"<p class=\"page-intro\"><a href=\"../\">人物</a>的第 1 部分：", part)
    assert '<p class="parts__initials">按姓氏首字母：<a href=' in pages["people.md"]
    assert re.search(
        r'<p class="index__all"><a href="articles/">全部 \d+ 篇文章</a>，最新的在前。',
        pages["index.md"],
    )
    assert "段摘录）" in pages["mission/passages-2.md"]
    words = _english_words()
    in_story = {w for text in texts for w in _leftovers(text.decode("utf-8"), words)}
    for name in ("people/cards-1.md", "people.md", "mission/passages-2.md", "index.md"):
        assert [w for w in _leftovers(_body(pages[name]), words) if w not in in_story] == [], name


def test_dates_and_counts_in_chinese() -> None:
    words = ui.catalogue("zh")
    assert [words.date(d) for d in ("2008-09-05", "2008-09", "2008")] == [
        "2008年9月5日",
        "2008年9月",
        "2008年",
    ]
    assert [words.message("count_quotations", n) for n in (1, 3)] == ["1 条引语", "3 条引语"]
    english = ui.catalogue("en")
    assert english.date("2008-09-05") == "5 September 2008"
    assert [english.message("count_quotations", n) for n in (1, 3)] == [
        "1 quotation",
        "3 quotations",
    ]


def test_the_chinese_catalogue_gives_every_message() -> None:
    zh = yaml.safe_load((REPO / "generator" / "data" / "ui" / "zh.yml").read_text("utf-8"))
    en = yaml.safe_load((REPO / "generator" / "data" / "ui" / "en.yml").read_text("utf-8"))
    assert set(zh["messages"]) == set(en["messages"])
    for key, text in zh["messages"].items():  # only names the page fills in for English
        names = set(re.findall(r"\{(\w+)\}", str(text)))
        assert names <= set(re.findall(r"\{(\w+)\}", str(en["messages"][key]))), key
    for english, chinese in zh["texts"].items():  # the same for the data texts
        assert set(re.findall(r"\{(\w+)\}", chinese)) <= set(re.findall(r"\{(\w+)\}", english))


@pytest.fixture
def fake_catalogue(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, object]]:
    """A catalogue "xx" whose file holds what the test puts in the returned mapping."""
    given: dict[str, object] = {}
    monkeypatch.setattr(
        "generator.ui.load_data", lambda name: given if name == "ui/xx.yml" else load_data(name)
    )
    monkeypatch.setattr(ui, "available", lambda: frozenset({"en", "zh", "xx"}))
    ui.catalogue.cache_clear()
    yield given
    ui.catalogue.cache_clear()


def test_a_message_the_catalogue_lacks_is_english(fake_catalogue: dict[str, object]) -> None:
    fake_catalogue["messages"] = {"role": "Rolle"}
    words = ui.catalogue("xx")
    assert words.message("role") == "Rolle"
    assert words.message("age") == "Age"  # missing: English
    assert words.message("source", label="x") == "Source: x"
    assert words.date("2008-09-05") == "5 September 2008"  # no dates: English ones
    assert ui.catalogue("fr").language == "en"  # no catalogue at all: English


def test_an_unknown_message_is_a_one_line_error(fake_catalogue: dict[str, object]) -> None:
    fake_catalogue["messages"] = {"rolle": "Rolle"}
    with pytest.raises(GeneratorError) as error:
        ui.catalogue("xx")
    assert str(error.value) == ("generator/data/ui/xx.yml: unknown message 'rolle' (not in en.yml)")


def test_the_catalogues_are_part_of_the_generators_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "generator"
    shutil.copytree(Path(cache.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", copy)
    try:
        cache.generator_version.cache_clear()
        before = cache.generator_version()
        zh = copy / "data" / "ui" / "zh.yml"
        zh.write_text(zh.read_text("utf-8").replace("身份", "职务"), "utf-8")
        cache.generator_version.cache_clear()
        assert cache.generator_version() != before  # every page's memo and cache key changes
    finally:
        cache.generator_version.cache_clear()


def test_a_change_of_language_in_one_process_is_a_fresh_build(tmp_path: Path) -> None:
    """compose and paging keep shares between builds (`mkdocs serve`): a build in another
    language must not reuse the last one's words."""
    project = make_project(tmp_path / "p", {SEED.name: SEED.read_bytes()})
    config = project / "mkdocs.yml"
    english_config = config.read_text("utf-8")
    english = {o.path: o.content for o in generate(Project(project))}
    config.write_text(english_config.replace("  language: en\n", "  language: zh\n"), "utf-8")
    chinese = {o.path: o.content for o in generate(Project(project))}
    config.write_text(english_config, "utf-8")
    assert {o.path: o.content for o in generate(Project(project))} == english
    fresh = make_project(tmp_path / "fresh", {SEED.name: SEED.read_bytes()})
    (fresh / "mkdocs.yml").write_text(
        english_config.replace("  language: en\n", "  language: zh\n"), "utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "generator", "build"], cwd=fresh, check=True, capture_output=True
    )
    for path, content in chinese.items():
        assert (fresh / "docs" / path).read_bytes() == content, path


@pytest.mark.skipif(not ZENSICAL.exists(), reason="zensical is not installed")
def test_zensical_gives_the_theme_its_chinese_words(torch_site: Path, tmp_path: Path) -> None:
    """Zensical runs no hook and has its own template engine: the footer and the 404 page read
    the words from the nav file it INHERITs, with what its templates can do."""
    root = tmp_path / "copy"
    shutil.copytree(torch_site, root, ignore=shutil.ignore_patterns("site", ".cache"))
    result = subprocess.run(
        [str(ZENSICAL), "build", "--clean", "--strict", "-f", "mkdocs.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    html = (root / "site" / "people" / "index.html").read_text("utf-8")
    assert "本站由" in html and "使用 Zensical 构建。" in html and "Generated from" not in html
    assert "<title>找不到该页面 - " in (root / "site" / "404.html").read_text("utf-8")
