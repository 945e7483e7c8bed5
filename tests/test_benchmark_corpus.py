"""The benchmark's N-article seed sets (benchmarks/corpus.py) and project copies. No timing here."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.corpus import (  # noqa: E402
    corpus,
    default_sources,
    parse_source,
    write_corpus,
)
from benchmarks.project import (  # noqa: E402
    with_absolute_hooks,
    without_custom_dir,
    without_top_level_key,
)
from benchmarks.run import insert_marker  # noqa: E402
from generator.analyse import analyse  # noqa: E402
from generator.model import Article  # noqa: E402
from generator.read import (  # noqa: E402
    decode_seed,
    read_seed,
    read_text,
    slug_for,
    split_front_matter,
)

SEED = REPO / "seeds" / "first-film-in-orbit.md"


def test_sources_are_the_seed_then_the_corpus_articles() -> None:
    sources = default_sources()
    assert sources[0].name == SEED.stem
    assert sources[0].published == dt.date(2021, 10, 5)
    assert [s.name for s in sources[1:]] == [
        "nasa_article_329",
        "nasa_article_550",
        "nasa_article_813",
    ]
    assert all(s.title and s.body.strip() for s in sources)


def test_an_article_without_front_matter_takes_its_first_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Headline here \n Caption line\n\nBody paragraph.\n", encoding="utf-8")
    source = parse_source(path)
    assert source.title == "Headline here"
    assert source.published is None
    assert source.body.startswith("Headline here")


def test_the_first_article_is_the_seed_itself() -> None:
    (only,) = corpus(default_sources(), 1)
    article = read_seed_text(only.text, Path("/tmp") / only.file_name)
    seed = read_seed(SEED)
    assert (only.slug, only.file_name) == ("first-film-in-orbit", "first-film-in-orbit.md")
    assert (article.slug, article.title, article.published) == (
        seed.slug,
        seed.title,
        seed.published,
    )
    assert [b.text for b in article.blocks] == [b.text for b in seed.blocks]


@pytest.mark.parametrize("size", [1, 2, 4, 5, 37])
def test_every_article_has_its_own_slug_title_date_and_file(size: int) -> None:
    articles = corpus(default_sources(), size)
    assert len(articles) == size
    for attribute in ("slug", "title", "published", "file_name"):
        values = [getattr(a, attribute) for a in articles]
        assert len(set(values)) == size, attribute


def test_sources_are_used_in_turn_the_first_round_unchanged() -> None:
    sources = default_sources()
    articles = corpus(sources, 3 * len(sources))
    for index, article in enumerate(articles):
        source = sources[index % len(sources)]
        body = source.body.rstrip("\n")
        if index < len(sources):
            assert article.text.rstrip("\n").endswith(body)
        else:  # the same text, but for the people's surnames
            assert source.surnames and not article.text.rstrip("\n").endswith(body)
            copy = article.text.split("\n---\n", 1)[1]
            assert copy.count("\n\n") == source.body.count("\n\n")
            for surname in source.surnames:
                assert not re.search(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])", copy)


def test_later_copies_name_people_of_their_own(tmp_path: Path) -> None:
    """From the second round on, every copy adds its people to the site (the People page
    grows with the site, as with real reports), and the analysis still finds them all."""
    sources = default_sources()
    found = []
    for path in write_corpus(tmp_path / "seeds", 3 * len(sources)):
        found.append({p.id for p in analyse(read_seed(path)).people})
    first, later = found[: len(sources)], found[len(sources) :]
    assert [len(f) for f in later] == 2 * [len(f) for f in first]
    assert len(set().union(*later)) == sum(map(len, later))  # no two copies share a person
    assert not set().union(*later) & set().union(*first)


def test_the_generator_reads_each_article_as_the_corpus_describes_it(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "seeds", 9)
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == sorted(p.name for p in paths)
    for path, expected in zip(paths, corpus(default_sources(), 9), strict=True):
        article = read_seed(path)
        assert article.slug == expected.slug
        assert article.title == expected.title
        assert article.published == expected.published
        assert any(b.kind == "paragraph" for b in article.blocks)


def test_a_thousand_articles_stay_distinct_and_dated_forward() -> None:
    articles = corpus(default_sources(), 1000)
    assert len({a.slug for a in articles}) == 1000
    dates = [a.published for a in articles]
    assert dates == sorted(dates)


def test_bad_sizes_and_occupied_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        corpus(default_sources(), 0)
    write_corpus(tmp_path, 2)
    with pytest.raises(FileExistsError):
        write_corpus(tmp_path, 2)


CONFIG = """\
site_name: X
theme:
  name: material
  custom_dir: overrides
hooks:
  - generator/mkdocs_hook.py

watch:
  - seeds
"""


def test_config_copies_drop_hooks_or_custom_dir_and_nothing_else() -> None:
    no_hooks = without_top_level_key(CONFIG, "hooks")
    assert "hooks" not in no_hooks and "mkdocs_hook" not in no_hooks
    assert "watch:\n  - seeds" in no_hooks and "custom_dir: overrides" in no_hooks
    assert "custom_dir" not in without_custom_dir(CONFIG)
    absolute = with_absolute_hooks(CONFIG, Path("/repo"))
    assert "  - /repo/generator/mkdocs_hook.py" in absolute
    assert "  - seeds" in absolute


def test_the_live_edit_marker_lands_in_one_story_paragraph() -> None:
    text = SEED.read_text(encoding="utf-8")
    edited = insert_marker(text, "zqbenchmarker")
    assert edited.count("zqbenchmarker") == 1
    article = read_seed_text(edited, Path("/tmp/first-film-in-orbit.md"))
    (block,) = [b for b in article.blocks if "zqbenchmarker" in b.text]
    assert block.kind == "paragraph"
    assert article.title == read_seed(SEED).title


def read_seed_text(text: str, path: Path) -> Article:
    """What the generator reads from `text` saved as `path` (without touching the disk)."""
    seed = decode_seed(str(path), text.encode("utf-8"))
    meta, _, _ = split_front_matter(seed)
    return read_text(seed, slug_for(path, meta.get("slug")))
