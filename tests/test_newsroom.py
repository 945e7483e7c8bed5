"""What a newsroom expects of a published story page: the original source, outlet and byline,
and an Atom feed of the story's articles (read by a real feed parser)."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
import support
from support import SEED

from generator.build import build, generate
from generator.cli import main
from generator.feed import atom_feed
from generator.model import Article, Block
from generator.site import Project, SiteConfig

BODY = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
ORIGIN = (
    "---\ntitle: Russian actress and director blast off to shoot the first film in orbit\n"
    "published: 2021-10-05\nsource: https://news.example/2021/10/05/film-in-orbit?ref=a&b=1\n"
    "outlet: Example Daily News\nbyline: By Jane Q. Reporter\n---\n"
)


def seed(front: str, body: str = "The first paragraph of the story.\n") -> str:
    return f"---\n{front}---\n{body}"


def build_docs(project: Path) -> dict[str, str]:
    outputs = generate(Project(project))
    return {o.path: o.content.decode("utf-8") for o in outputs if o.path.endswith((".md", ".xml"))}


# ---- source, outlet, byline -------------------------------------------------------------


def test_source_outlet_and_byline_on_source_page_and_articles_list(
    project_factory: Callable[..., Path],
) -> None:
    docs = build_docs(project_factory({"orbit.md": ORIGIN + BODY}))
    page = docs["articles/orbit.md"]
    href = html.escape("https://news.example/2021/10/05/film-in-orbit?ref=a&b=1")
    link = (
        f'<a class="origin__link" href="{href}" rel="noopener external">Original article'
        '<span class="origin__external"> (external site)</span></a>'
    )
    assert link in page
    assert '<span class="origin__byline">By Jane Q. Reporter</span>' in page  # one "By"
    assert '<span class="origin__outlet">Example Daily News</span>' in page
    listing = docs["articles/index.md"]
    assert link in listing and "By Jane Q. Reporter" in listing
    assert "Example Daily News" in listing


def test_outlet_alone_says_where_it_was_first_published(
    project_factory: Callable[..., Path],
) -> None:
    docs = build_docs(project_factory({"a.md": seed("title: A story\noutlet: The Gazette\n")}))
    assert (
        '<span class="origin__outlet">First published by The Gazette</span>'
        in docs["articles/a.md"]
    )
    assert "origin__link" not in docs["articles/a.md"]


def test_no_origin_fields_no_origin_line(project_factory: Callable[..., Path]) -> None:
    docs = build_docs(project_factory({"a.md": seed("title: A story\n")}))
    assert 'class="origin' not in docs["articles/a.md"]
    assert 'class="origin' not in docs["articles/index.md"]


def test_source_markup_in_fields_is_text(project_factory: Callable[..., Path]) -> None:
    front = 'title: A story\nsource: "https://x.example/?q=\\"><script>"\noutlet: "<b>Bold</b>"\n'
    docs = build_docs(project_factory({"a.md": seed(front)}))
    page = docs["articles/a.md"]
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page


BAD_SOURCES = {
    "javascript": ("javascript:alert(1)", "must be an http:// or https:// address"),
    "ftp": ("ftp://files.example/a.txt", "must be an http:// or https:// address"),
    "relative": ("/news/a.html", "must be an http:// or https:// address"),
    "no host": ("https:///path", "has no valid host name"),
    "space": ("https://news.example/a b", "contains spaces"),
    "bad port": ("https://news.example:port/", "is not a valid web address"),
    "password": ("https://user:pw@news.example/", "must not carry a user name or password"),
}


@pytest.mark.parametrize("case", BAD_SOURCES, ids=list(BAD_SOURCES))
def test_bad_source_is_a_one_line_error(
    case: str, built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, problem = BAD_SOURCES[case]
    (built_project / "seeds" / "bad.md").write_text(
        seed(f"title: A story\nsource: '{url}'\n"), encoding="utf-8"
    )
    assert main(["build", "--project", str(built_project)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: seeds/bad.md:3: 'source: {url}' {problem}"), err
    assert err.count("\n") == 1


def test_source_must_be_one_line_of_text(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (built_project / "seeds" / "bad.md").write_text(
        seed("title: A story\nsource: [https://a.example/]\n"), encoding="utf-8"
    )
    assert main(["build", "--project", str(built_project)]) == 2
    assert "seeds/bad.md:3: 'source' must be a single line of text" in capsys.readouterr().err


def test_good_sources_are_accepted(project_factory: Callable[..., Path]) -> None:
    for url in (
        "http://news.example",
        "https://NEWS.example:8443/a/b?c=d#e",
        "https://[2001:db8::1]/x",
    ):
        docs = build_docs(project_factory({"a.md": seed(f"title: A\nsource: '{url}'\n")}))
        assert html.escape(url) in docs["articles/a.md"]


def test_extract_shows_the_origin(
    project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    project = project_factory({"orbit.md": ORIGIN + BODY})
    assert main(["extract", str(project / "seeds" / "orbit.md")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"].startswith("https://news.example/")
    assert (data["outlet"], data["byline"]) == ("Example Daily News", "Jane Q. Reporter")


# ---- the Atom feed ----------------------------------------------------------------------


def _article(slug: str, published: dt.date | None, **extra: str) -> Article:
    blocks = (Block("b1", "paragraph", f"First paragraph of {slug} & <co>.", 5),)
    return Article(slug, f"Title of {slug}", published, f"seeds/{slug}.md", blocks, **extra)  # type: ignore[arg-type]


SITE = SiteConfig("Story site", "All about the story.", "https://site.example/story/")


def test_feed_is_valid_atom_newest_first_with_dates_summaries_and_links() -> None:
    articles = [
        _article("old", dt.date(2021, 9, 1)),
        _article("undated", None),
        _article("new", dt.date(2021, 10, 17), source="https://wire.example/x", byline="A. Writer"),
        _article("mid", dt.date(2021, 10, 5), description="An editor's summary."),
    ]
    parsed = feedparser.parse(atom_feed(articles, SITE))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Story site"
    assert parsed.feed.updated == "2021-10-17T00:00:00Z"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links["self"] == "https://site.example/story/feed.xml"
    # Newest first; an undated article is left out (Atom needs a date, none is invented).
    assert [e.title for e in parsed.entries] == ["Title of new", "Title of mid", "Title of old"]
    new, mid, old = parsed.entries
    assert new.link == "https://site.example/story/articles/new/"
    assert new.id == new.link
    assert new.published == "2021-10-17T00:00:00Z"
    assert {link.rel: link.href for link in new.links}["via"] == "https://wire.example/x"
    assert new.author == "A. Writer"
    assert new.summary == "First paragraph of new & <co>."
    assert mid.summary == "An editor's summary."
    assert "via" not in {link.rel for link in old.links}


def test_feed_bytes_depend_only_on_the_articles() -> None:
    articles = [_article("a", dt.date(2021, 1, 2)), _article("b", dt.date(2021, 1, 3))]
    assert atom_feed(articles, SITE) == atom_feed(list(reversed(articles)), SITE)


def test_feed_without_site_url_is_still_valid() -> None:
    parsed = feedparser.parse(atom_feed([_article("a", dt.date(2021, 1, 2))], SiteConfig("S", "")))
    assert parsed.bozo == 0 and parsed.entries[0].link == "articles/a/"


def test_feed_is_an_owned_output_and_linked_from_every_page(seed_project: Path) -> None:
    result = build(Project(seed_project))
    assert "feed.xml" in result.plan.manifest
    site = support.mkdocs_build(seed_project, "--strict")
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) == 1
    assert parsed.entries[0].link == "https://example.invalid/articles/first-film-in-orbit/"
    for page, feed_href in (("index.html", "feed.xml"), ("articles/index.html", "../feed.xml")):
        text = (site / page).read_text(encoding="utf-8")
        discovery = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', text)
        assert discovery is not None, page
        assert f'href="{feed_href}"' in discovery.group(0), discovery.group(0)
    listing = (site / "articles" / "index.html").read_text(encoding="utf-8")
    assert 'href="../feed.xml" type="application/atom+xml"' in listing


def test_the_feed_escapes_text_and_attributes_as_the_standard_library_does() -> None:
    from xml.sax.saxutils import escape, quoteattr

    from generator import feed

    samples = [
        "",
        "plain",
        "AT&T <b>",
        'a"b',
        "it's",
        "both \" and '",
        "tab\there\nline\r",
        "é “x”",
    ]
    for text in samples:
        assert feed.escape(text) == escape(text)
        assert feed.quoteattr(text) == quoteattr(text)
