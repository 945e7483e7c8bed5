"""Pages that stay small (generator/paging.py): long lists move to part pages, nothing is lost,
every passage stays two clicks from its theme and every link of the built site resolves."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from support import CORPUS, SEED, make_project, mkdocs_build

from generator import cache, memo, paging
from generator.build import build, generate
from generator.compose import compose_site
from generator.site import Project

Outputs = dict[str, str]


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    memo.forget()
    yield
    memo.forget()


def four_articles(root: Path) -> Path:
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    return make_project(root, seeds)


@pytest.fixture
def tiny_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Budgets small enough that four articles need parts (the logic is the same at 1,000)."""
    monkeypatch.setattr(paging, "LIST_BUDGET", 3_000)
    monkeypatch.setattr(paging, "PART_BUDGET", 6_000)
    monkeypatch.setattr(paging, "OVERVIEW_ARTICLES", 2)


def outputs(project: Path) -> Outputs:
    return {
        o.path: o.content.decode()
        for o in generate(Project(project))
        if o.path.endswith((".md", ".yml", ".xml"))  # not the share cards and photos
    }


SOURCE_LINK = re.compile(r'href="(?:\.\./)+articles/([\w-]+)/#(b\d+)"')


def test_the_seed_site_has_no_parts(seed_project: Path) -> None:
    assert not any("/" in p and not p.startswith("articles/") for p in outputs(seed_project))


def test_passages_move_to_parts_and_none_is_lost(tmp_path: Path, tiny_budget: None) -> None:
    project = four_articles(tmp_path / "p")
    out = outputs(project)
    from generator.analyse.themesets import load_theme_sets
    from generator.build import understand_all
    from generator.site import load_site_config

    cache.forget_memory()
    whole = {
        p.path: p
        for p in compose_site(
            [u.facts for u in understand_all(Project(project))],
            load_theme_sets(),
            load_site_config(Project(project)),
        )
    }
    themed = [
        p
        for p in whole.values()
        if p.template == "theme.md.j2"
        and sum(map(paging.COSTS["groups"], p.context["groups"])) > paging.LIST_BUDGET
    ]
    assert len(themed) >= 2
    for page in themed:
        stem = page.path[: -len(".md")]
        parts = sorted(p for p in out if p.startswith(f"{stem}/passages-"))
        assert len(parts) >= 2, page.path
        theme_page = out[page.path]
        # One click: the theme page links every part; the second click is the source link.
        for part in parts:
            assert f'href="{part[len(stem) + 1 : -len(".md")]}/"' in theme_page or (
                f'href="../{part[: -len(".md")]}/"' in theme_page
            ), part
        expected = [
            (p.source.slug, p.source.block) for g in page.context["groups"] for p in g.passages
        ]
        found = [m.groups() for part in parts for m in SOURCE_LINK.finditer(out[part])]
        assert found == expected, "the parts hold every passage once, in reading order"
        assert 'class="passage"' not in theme_page.split("## " + "From the articles")[-1]


def test_long_lists_keep_their_first_part_and_link_the_rest(
    tmp_path: Path, tiny_budget: None
) -> None:
    out = outputs(four_articles(tmp_path / "p"))
    timeline_parts = sorted(p for p in out if p.startswith("timeline/events-"))
    assert timeline_parts and timeline_parts[0] == "timeline/events-2.md"
    assert "<time datetime=" in out["timeline.md"]
    assert 'href="events-2/"' in out["timeline.md"]
    # The parts partition the list: every event once.
    events = [
        m.group(0)
        for path in ["timeline.md", *timeline_parts]
        for m in re.finditer(r"<li><time datetime=[^\n]*", out[path])
    ]
    assert len(events) == len(set(events))
    overview = out["index.md"]
    assert overview.count('<li><a href="articles/') == 2
    assert 'href="articles/">All 4 articles</a>' in overview


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name == "href" and value and tag == "a":
                self.hrefs.append(value)


def test_every_link_of_a_paged_site_resolves(tmp_path: Path, tiny_budget: None) -> None:
    """A strict `mkdocs build` of a site with parts; then every relative link and anchor."""
    project = four_articles(tmp_path / "p")
    assert build(Project(project)).applied  # docs/ with the tiny budgets, then MkDocs alone
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^hooks:\n(  - .*\n)+", "", config.read_text(encoding="utf-8")))
    site = mkdocs_build(project)
    pages: dict[Path, _Links] = {}
    for html in site.rglob("*.html"):
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        pages[html.resolve()] = parser
    assert any("passages-" in str(p) for p in pages), "the build has parts"
    broken = []
    for html, parser in pages.items():
        for href in parser.hrefs:
            if re.match(r"^[a-z]+:|^/|^#?$", href) or html.name == "404.html":
                continue
            target, fragment = urldefrag(href)
            path = (html.parent / unquote(target)).resolve() if target else html
            if path.is_dir():
                path = path / "index.html"
            if path not in pages and not path.is_file():
                broken.append(f"{html.relative_to(site)}: {href}")
            elif fragment and path in pages and fragment not in pages[path].ids:
                broken.append(f"{html.relative_to(site)}: {href} (no such anchor)")
    assert broken == [], "\n".join(broken)


def test_pages_stay_small_as_the_site_grows(project_factory: Callable[..., Path]) -> None:
    """With the real budgets: 120 articles give parts, and no page grows with the site."""
    text = SEED.read_text(encoding="utf-8")
    seeds: dict[str, bytes | str] = {
        f"copy-{i:03}.md": text.replace("title: ", f"title: Copy {i} — ", 1) for i in range(120)
    }
    out = outputs(project_factory(seeds))
    sizes = {path: len(content.encode()) for path, content in out.items()}
    assert any(p.startswith("crew/passages-") for p in sizes)
    biggest = max(sizes.values())
    assert biggest <= paging.PART_BUDGET * 2, max(sizes, key=sizes.__getitem__)
    assert sum(sizes.values()) > 20 * biggest  # the site itself is far bigger than any page
