"""Many articles in seeds/: one site, people merged, each article with its own source page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from support import CORPUS, SEED
from test_site import mkdocs_build

from generator.build import generate
from generator.cli import main
from generator.site import Project
from generator.write import read_manifest

PUBLISHED = {"329": "2024-04-06", "550": "2024-03-12", "813": "2024-02-09"}


def corpus_seed(number: str) -> bytes:
    """A NASA release as an editor would file it: front matter with its published date."""
    body = (CORPUS / f"nasa_article_{number}.txt").read_bytes()
    return f"---\npublished: {PUBLISHED[number]}\n---\n".encode() + body


def story_project(factory: Callable[..., Path]) -> Path:
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({f"nasa-{n}.txt": corpus_seed(n) for n in PUBLISHED})
    return factory(seeds)


def page(project: Path, path: str) -> str:
    return (project / "docs" / path).read_text(encoding="utf-8")


def test_four_articles_build_strictly_with_their_own_source_pages(
    project_factory: Callable[..., Path],
) -> None:
    project = story_project(project_factory)
    site = mkdocs_build(project)
    for slug in ("first-film-in-orbit", "nasa-329", "nasa-550", "nasa-813"):
        assert (site / "articles" / slug / "index.html").is_file()
    index = page(project, "index.md").split("## Articles", 1)[1]
    order = [index.index(f"articles/{s}/") for s in ("nasa-329", "nasa-550", "nasa-813")]
    assert order == sorted(order), "articles are listed newest first"
    assert index.index("articles/nasa-813/") < index.index("articles/first-film-in-orbit/")


def test_oleg_novitskiy_is_one_person_with_both_articles_as_sources(
    project_factory: Callable[..., Path],
) -> None:
    project = story_project(project_factory)
    assert main(["build", "--project", str(project)]) == 0
    crew = page(project, "crew.md")
    assert crew.count('id="oleg-novitskiy"') == 1
    card = crew.split('id="oleg-novitskiy"', 1)[1].split("</article>", 1)[0]
    assert "../articles/first-film-in-orbit/#b" in card
    assert "../articles/nasa-329/#b" in card


def test_theme_pages_group_passages_by_article_in_date_order(
    project_factory: Callable[..., Path],
) -> None:
    project = story_project(project_factory)
    assert main(["build", "--project", str(project)]) == 0
    mission = page(project, "mission.md")
    headings = [
        mission.index(f"{{#from-{slug}}}")
        for slug in ("first-film-in-orbit", "nasa-813", "nasa-550", "nasa-329")
    ]
    assert headings == sorted(headings)


def test_adding_editing_and_removing_an_article(seed_project: Path) -> None:
    project = Project(seed_project)
    assert main(["build", "--project", str(seed_project)]) == 0
    added = seed_project / "seeds" / "nasa-329.txt"
    added.write_bytes(corpus_seed("329"))
    assert main(["build", "--project", str(seed_project)]) == 0
    assert (seed_project / "docs" / "articles" / "nasa-329.md").is_file()
    assert "articles/nasa-329/" in page(seed_project, "index.md")

    added.write_bytes(corpus_seed("329").replace(b"six-month research", b"six-month science"))
    assert main(["build", "--project", str(seed_project)]) == 0
    assert "six-month science" in page(seed_project, "articles/nasa-329.md")

    added.unlink()
    assert main(["build", "--project", str(seed_project)]) == 0
    assert not (seed_project / "docs" / "articles" / "nasa-329.md").exists()
    assert "nasa-329" not in page(seed_project, "index.md")
    # What the generator owns now is exactly what it would write: nothing of the removed
    # article is left behind (pages, feed entries, cards).
    owned = set(read_manifest(seed_project / "docs"))
    assert {o.path for o in generate(project)} == owned
    assert all((seed_project / "docs" / path).is_file() for path in owned)


def test_a_hundred_articles_stay_one_story(project_factory: Callable[..., Path]) -> None:
    text = SEED.read_text(encoding="utf-8")
    seeds: dict[str, bytes | str] = {
        f"copy-{i:03}.md": text.replace("title: ", f"title: Copy {i} — ", 1) for i in range(100)
    }
    project = project_factory(seeds)
    outputs = {
        o.path: o.content.decode() for o in generate(Project(project)) if o.path.endswith(".md")
    }
    assert len([p for p in outputs if p.startswith("articles/copy-")]) == 100
    assert outputs["crew.md"].count('class="card"') == outputs["crew.md"].count("<article ")
    assert outputs["crew.md"].count('id="yulia-peresild"') == 1
    # The overview lists the newest articles and links to the list of all of them, which (in
    # parts, when it is long: generator/paging.py) holds every article once.
    assert outputs["index.md"].count('<li><a href="articles/copy-') == 20
    assert '<a href="articles/">All 100 articles</a>' in outputs["index.md"]
    listed = [
        slug
        for path, page in outputs.items()
        if path == "articles/index.md" or path.startswith("articles/index/")
        for slug in re.findall(r'<li><a href="(?:\.\./)*(copy-\d+)/">', page)
    ]
    assert sorted(listed) == sorted(f"copy-{i:03}" for i in range(100))
