"""Share cards (one 1200×630 PNG per page, same bytes every time) with og:image in the head,
and JSON-LD structured data (NewsArticle on source pages, Person on the people page)."""

from __future__ import annotations

import html
import io
import json
import multiprocessing
import re
import struct
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import support
from PIL import Image
from support import SEED

from generator import cards
from generator.build import generate
from generator.site import Project

BODY = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]


def png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunks.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return chunks


def test_a_card_is_a_1200_by_630_png_without_metadata_and_the_same_bytes_every_time() -> None:
    args = ("First Film in Orbit", "Russian actress and director blast off", "Source article")
    first = cards.render_card(*args)
    cards.render_card.cache_clear()
    cards._font.cache_clear()
    assert cards.render_card(*args) == first
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == (1200, 630) and image.format == "PNG"
    assert set(png_chunks(first)) <= {b"IHDR", b"PLTE", b"IDAT", b"IEND"}  # no tIME, no tEXt
    assert cards.render_card(args[0], "Another title", args[2]) != first


def test_a_very_long_title_or_word_still_fits() -> None:
    long_title = " ".join(["Extraordinarily"] * 60) + " " + "x" * 300
    data = cards.render_card("Site", long_title, "k" * 500)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1200, 630)


def _outputs(project: Path) -> dict[str, bytes]:
    return {o.path: o.content for o in generate(Project(project))}


def test_every_page_has_its_card_and_front_matter_names_it(seed_project: Path) -> None:
    outputs = _outputs(seed_project)
    pages = [p for p in outputs if p.endswith(".md")]
    assert pages
    for page in pages:
        card = cards.card_path(page)
        assert card in outputs, page
        assert f'card: "{card}"' in outputs[page].decode(), page


def _head(site: Path, page: str) -> str:
    text = (site / page).read_text(encoding="utf-8")
    return text[: text.index("</head>")]


def _json_ld(site: Path, page: str) -> list[dict[str, object]]:
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', _head(site, page), re.S
    )
    return [json.loads(s) for s in scripts]


@pytest.fixture(scope="module")
def newsroom_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = support.make_project(tmp_path_factory.mktemp("newsroom"), {SEED.name: SEED.read_bytes()})
    support.add_newsroom_extras(root)
    return support.mkdocs_build(root, "--strict")


def test_og_image_in_the_head_of_every_page(newsroom_site: Path) -> None:
    for index in newsroom_site.rglob("index.html"):
        page = index.relative_to(newsroom_site).as_posix()
        if page.startswith(("search", "images")):
            continue
        head = _head(newsroom_site, page)
        image = re.search(r'<meta property="og:image" content="([^"]+)">', head)
        assert image is not None, page
        url = image.group(1)
        assert url.startswith("https://example.invalid/images/cards/") and url.endswith(".png")
        card = newsroom_site / url.removeprefix("https://example.invalid/")
        with Image.open(card) as picture:
            assert picture.size == (1200, 630)
        assert '<meta property="og:image:width" content="1200">' in head
        assert '<meta property="og:image:height" content="630">' in head
        alt = re.search(r'<meta property="og:image:alt" content="([^"]+)">', head)
        assert alt is not None and alt.group(1).startswith("First Film in Orbit: ")
        assert '<meta name="twitter:card" content="summary_large_image">' in head


def test_source_page_has_news_article_structured_data(newsroom_site: Path) -> None:
    (data,) = _json_ld(newsroom_site, "articles/first-film-in-orbit/index.html")
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == (
        "Russian actress and director blast off to shoot the first film in orbit"
    )
    assert data["datePublished"] == "2021-10-05"
    assert data["url"] == "https://example.invalid/articles/first-film-in-orbit/"
    assert data["image"] == [
        "https://example.invalid/images/cards/articles/first-film-in-orbit.png"
    ]
    assert data["author"] == [{"@type": "Person", "name": "A. Reporter"}]
    assert data["publisher"] == {"@type": "Organization", "name": "Example Wire"}
    assert data["isBasedOn"] == "https://news.example/2021/10/05/first-film-in-orbit"


def test_people_page_has_a_person_for_every_card(newsroom_site: Path) -> None:
    (data,) = _json_ld(newsroom_site, "people/index.html")
    people = data["@graph"]
    assert isinstance(people, list)
    page = (newsroom_site / "people" / "index.html").read_text(encoding="utf-8")
    names = [
        html.unescape(n) for n in re.findall(r'<h3 class="card__name" id="[^"]+">(.*?)<', page)
    ]
    assert [p["name"] for p in people] == names
    peresild = next(p for p in people if p["name"] == "Yulia Peresild")
    assert peresild["@type"] == "Person"
    assert peresild["url"] == "https://example.invalid/people/#yulia-peresild"
    assert "jobTitle" in peresild
    # Nothing invented: other pages carry no structured data.
    assert _json_ld(newsroom_site, "index.html") == []


def test_structured_data_cannot_be_closed_by_article_text(
    project_factory: Callable[..., Path],
) -> None:
    seed = "---\ntitle: 'Bad </script><script>alert(1)</script> & co'\n---\n" + BODY
    site = support.mkdocs_build(project_factory({"bad.md": seed}), "--strict")
    head = _head(site, "articles/bad/index.html")
    assert "<script>alert(1)" not in head
    (data,) = _json_ld(site, "articles/bad/index.html")
    assert data["headline"] == "Bad </script><script>alert(1)</script> & co"


def test_cards_encoded_in_the_background_are_render_cards_bytes_and_the_thread_stops() -> None:
    site, kicker = "First Film in Orbit", "Source article · 5 October 2021"
    titles = ["Russian actress and director blast off", "Crew", " ".join(["Long"] * 80)]
    before = threading.active_count()
    batch = cards.CardBatch()
    batch.add_bytes(b"cached")
    for title in titles:
        batch.add(site, title, kicker)
    batch.start()
    assert threading.active_count() == before + 1  # encoding runs beside the caller
    expected = [b"cached", *(cards.render_card(site, t, kicker) for t in titles)]
    assert batch.results() == expected
    # Stopped: a later build may still fork its analysis workers (pool.start_method).
    assert threading.active_count() == before


def test_cards_drawn_in_worker_processes_are_render_cards_bytes_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cards, "PROCESS_THRESHOLD", 2)
    site = "Site"
    requests = [(site, f"Title {i}", f"kicker {i % 3}") for i in range(7)]
    batch = cards.CardBatch(workers=2)
    for i, request in enumerate(requests):
        batch.add(*request)
        if i % 3 == 0:
            batch.add_bytes(b"known %d" % i)
    batch.start()
    got = batch.results()
    expected = []
    for i, request in enumerate(requests):
        expected.append(cards.render_card(*request))
        if i % 3 == 0:
            expected.append(b"known %d" % i)
    assert got == expected
    assert multiprocessing.active_children() == []


def test_people_json_ld_joined_from_each_person_is_the_whole_graph_serialised() -> None:
    """share.py serialises each Person once and joins them: the same text as serialising the
    page's whole graph, with and without a site address, escapes and all."""
    from generator.compose import Card, Sourced
    from generator.site import SiteConfig
    from generator.structured import people, people_script_text, person, to_script_text

    def card(ident: str, name: str, roles: tuple[str, ...], orgs: tuple[str, ...]) -> Card:
        return Card(
            ident,
            name,
            tuple(Sourced(r, ()) for r in roles),
            (),
            tuple(Sourced(o, ()) for o in orgs),
            (),
            (),
            (),
        )

    cards_ = [
        card("ada-l", "Ada  Lovelace", ("Analyst",), ("Babbage & Co <Ltd>",)),
        card("b-c", "B. “Bee” C.", ("A", "B [1]"), ()),
        card("x", "X", (), ("NASA", "ESA")),
    ]
    for url in ("", "https://example.org/site/"):
        site = SiteConfig(name="S", description="", url=url)
        for chosen in (cards_, cards_[:1], []):
            whole = to_script_text(people(chosen, "people/cards-2.md", site))
            joined = people_script_text(
                [to_script_text(person(c, "people/cards-2.md", site)) for c in chosen]
            )
            assert joined == whole
            assert json.loads(joined)["@graph"] == [
                person(c, "people/cards-2.md", site) for c in chosen
            ]
