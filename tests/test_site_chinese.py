"""A site of a Chinese-language article: `generator new` sets Material's language and search to
zh, and the search index (segmented by jieba, which Material's search plugin uses when it is
installed) holds words, not whole sentences."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support import REPO, mkdocs_build

from generator.cli import main
from generator.newsite import site_config, with_language

STORY = """---
title: "残奥会火炬汇聚 开始北京段传递"
published: 2008-09-05
---
北京残奥会火炬经过在中国国内两条路线的传递后，星期五在北京中华世纪坛汇聚，开始北京段的传递。

后来北京奥组委邀请加拿大温哥华市的市长苏利文参加火炬传递活动。苏利文接受了美国之音记者采访。

“我觉得非常高兴，非常荣幸能够代表温哥华，我的城市。北京安排得非常棒，我很感动。”
"""

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
