"""Pages that stay small (generator/paging.py): long lists move to part pages, nothing is lost,
every passage stays two clicks from its theme and every link of the built site resolves."""

from __future__ import annotations

import json
import posixpath
import re
import sys
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
import yaml
from support import CORPUS, REPO, SEED, make_project, mkdocs_build

from generator import cache, memo, paging, render
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
        assert len(parts) >= min(2, len(page.context["groups"])), page.path  # whole articles
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
    # People's cards are in parts too: every name on the site links into them.
    assert any("people/cards-" in p.as_posix() for p in pages)
    assert any("crew/cards-" in p.as_posix() for p in pages)
    people_index = (site / "people" / "index.html").read_text(encoding="utf-8")
    assert "card__name" not in people_index and 'href="cards-1/"' in people_index
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
    # Search holds each list of parts once, on the page the parts belong to: a part page
    # repeats the whole list (for the reader), which the index would otherwise hold once per
    # part, growing with the square of the site.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    part_pages = {
        html.parent.relative_to(site.resolve()).as_posix() + "/"
        for html in pages
        if 'aria-label="Every part"' in html.read_text(encoding="utf-8")
    }
    assert any("passages-" in p for p in part_pages) and any("cards-" in p for p in part_pages)
    lists = re.compile(r", in \d+ parts:")
    with_lists = {e["location"].split("#")[0] for e in index["docs"] if lists.search(e["text"])}
    assert with_lists, "the pages the parts belong to list them, searchably"
    assert with_lists.isdisjoint(part_pages)
    assert part_pages <= {e["location"] for e in index["docs"]}  # the part pages are searched


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


# ---- people: cards in alphabetical parts ----------------------------------------------------

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from scripts.many_people import people_seeds  # noqa: E402

_HREF = re.compile(r'href="([^"]*)"')
_ID = re.compile(r'id="([^"]+)"')


def _url_of(path: str) -> str:
    return render.page_url(path)


def _resolve(out: Outputs, page: str, href: str) -> tuple[str | None, str]:
    """The generated page (docs path) a relative href of `page` leads to, and its fragment."""
    target, fragment = urldefrag(unquote(href))
    if not target:
        return page, fragment
    url = posixpath.normpath(posixpath.join(_url_of(page), target)) + "/"
    url = "" if url in ("./", "/") else url
    for candidate in (url[:-1] + ".md", url + "index.md") if url else ("index.md",):
        if candidate in out:
            return candidate, fragment
    return None, fragment


def _cards_of(text: str) -> list[str]:
    return re.findall(r'<h3 class="card__name" id="([^"]+)"', text)


def _front_matter(text: str) -> dict[str, str]:
    data = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert isinstance(data, dict)
    return {str(k): str(v) for k, v in data.items()}


def test_many_people_move_to_alphabetical_parts(project_factory: Callable[..., Path]) -> None:
    """Real budgets, 90 articles naming 450 different people: People lists parts by surname,
    every card is on exactly one part, every link to a person leads to that part."""
    project = project_factory(people_seeds(90))
    out = outputs(project)
    cache.forget_memory()
    from generator.analyse.themesets import load_theme_sets
    from generator.build import understand_all
    from generator.site import load_site_config

    composed = compose_site(
        [u.facts for u in understand_all(Project(project))],
        load_theme_sets(),
        load_site_config(Project(project)),
    )
    people = {c.id: c for p in composed if p.path == "people.md" for c in p.context["items"]}
    assert len(people) >= 440
    parts = sorted((p for p in out if p.startswith("people/cards-")), key=lambda p: int(p[13:-3]))
    assert len(parts) >= 3
    assert _cards_of(out["people.md"]) == []
    # Every card once, in surname order across the parts.
    placed = [(part, card) for part in parts for card in _cards_of(out[part])]
    assert sorted(c for _, c in placed) == sorted(people)
    order = [paging._card_order(people[c]) for _, c in placed]
    assert order == sorted(order)
    home = {card: part for part, card in placed}
    # One click from People to every part, and each initial to the first card that has it.
    linked = {_resolve(out, "people.md", h) for h in _HREF.findall(out["people.md"])}
    assert {(p, "") for p in parts} <= linked
    initials = re.search(r'<p class="parts__initials">.*</p>', out["people.md"])
    assert initials is not None
    for href in _HREF.findall(initials.group(0)):
        target, fragment = _resolve(out, "people.md", href)
        assert target is not None and home[fragment] == target
    # The pages stay small: People's within the budget of a part, no page far over it (the
    # budgets are estimates of the Markdown, ~30 KiB of theme away from 300 KiB of HTML).
    sizes = {path: len(text.encode()) for path, text in out.items()}
    assert max(sizes[p] for p in ["people.md", *parts]) <= paging.PART_BUDGET
    assert max(sizes.values()) <= paging.PART_BUDGET * 5 // 4, max(sizes, key=sizes.__getitem__)
    # Every link to a person, from every page, leads to the part that holds the card.
    to_people = 0
    for path, text in out.items():
        ids = set(_ID.findall(text))
        for href in _HREF.findall(text):
            if re.match(r"^[a-z]+:", href) or href.endswith((".png", ".xml", ".css", ".js")):
                continue
            target, fragment = _resolve(out, path, href)
            assert target is not None, f"{path}: {href}"
            if fragment in people and target != path:
                # Crew's index leads to its own parts; every other link to People's.
                in_crew = path.startswith("crew") and target.startswith("crew/cards-")
                to_people += not in_crew
                assert target == home[fragment] or in_crew, f"{path}: {href}"
            if fragment:
                assert fragment in (ids if target == path else _ID.findall(out[target])), href
    assert to_people > 2 * len(people)  # names on the source pages, Voices, Crew, the overview
    # Each part's JSON-LD names its own cards, at its own address; the index has none.
    assert "jsonld" not in _front_matter(out["people.md"])
    for part in parts:
        graph = json.loads(_front_matter(out[part])["jsonld"])["@graph"]
        url = "https://example.invalid/" + _url_of(part)
        assert [g["@id"] for g in graph] == [url + "#" + c for c in _cards_of(out[part])]
        assert all(g["url"] == g["@id"] and g["name"] for g in graph)
    # Crew: its cards in parts of their own (searched on People), its page listing them.
    crew_parts = [p for p in out if p.startswith("crew/cards-")]
    assert crew_parts and _cards_of(out["crew.md"]) == []
    for part in crew_parts:
        assert '<div class="cards" data-search-exclude>' in out[part]
        assert all(home[c] for c in _cards_of(out[part]))


def test_surnames_sort_names_the_way_a_reader_looks_them_up() -> None:
    assert paging.surname("Yulia Peresild") == "Peresild"
    assert paging.surname("Edwin E. “Buzz” Aldrin") == "Aldrin"
    assert paging.surname("Martin Luther King Jr.") == "King"
    assert paging.surname("Sting") == "Sting"
    assert paging._fold("Åsa Ström") == "asa strom"
    assert paging._fold("Дмитрий Песков") == "dmitriy peskov"


def test_balanced_parts_are_near_equal_and_within_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paging, "PART_BUDGET", 1_000)
    sizes = [90 + (i * 37) % 60 for i in range(100)]  # 90–149 each, about 12,000 in all
    chunks = paging._balanced(list(range(100)), sizes)
    totals = [sum(sizes[i] for i in c) for c in chunks]
    assert [i for c in chunks for i in c] == list(range(100))
    assert max(totals) <= 1_000 and len(chunks) <= 14
    assert max(totals) - min(totals) <= 2 * max(sizes)


def test_a_long_cast_keeps_its_first_part_and_links_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight copies of the seed, each with its own people (the benchmark corpus): sixteen cast
    rows, in parts; every actor's link leads to the part of People that holds the card."""
    from benchmarks.corpus import corpus, default_sources

    monkeypatch.setattr(paging, "LIST_BUDGET", 1_200)
    monkeypatch.setattr(paging, "PART_BUDGET", 2_400)
    articles = [a for a in corpus(default_sources(), 32) if a.slug.startswith("first-film")]
    out = outputs(make_project(tmp_path / "p", {a.file_name: a.text for a in articles}))
    parts = sorted((p for p in out if p.startswith("film/cast-")), key=lambda p: int(p[10:-3]))
    assert parts and parts[0] == "film/cast-2.md"
    assert 'href="cast-2/"' in out["film.md"]
    rows = [
        (path, m.group(1))
        for path in ["film.md", *parts]
        for m in re.finditer(r'<li><a href="([^"]+)">[^<]*</a> plays ', out[path])
    ]
    assert len(rows) == 2 * len(articles)  # every row once: each copy casts two people
    for path, href in rows:
        target, fragment = _resolve(out, path, href)
        assert target is not None and target.startswith("people/cards-"), href
        assert fragment in _cards_of(out[target])
