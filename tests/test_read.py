"""The reader: which bytes are accepted, how front matter and blocks are read, and the errors."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from support import SEED

from generator.errors import GeneratorError
from generator.read import (
    MAX_SEED_BYTES,
    SeedText,
    _raw_blocks,
    decode_seed,
    is_seed_file,
    read_seed,
    read_text,
    slug_for,
)

TEXT = SEED.read_text(encoding="utf-8")


def article_from(data: bytes, name: str = "seed.md") -> tuple[str, list[str]]:
    """Decode and read bytes → (title, block texts)."""
    article = read_text(decode_seed(name, data), "seed")
    return article.title, [b.text for b in article.blocks]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16 with BOM (native order)"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be with BOM"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), id="utf-16-le with BOM"),
        pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), id="CRLF"),
        pytest.param(TEXT.replace("\n", "\r").encode("utf-8"), id="old Mac CR"),
    ],
)
def test_accepted_encodings_read_the_same_article(data: bytes) -> None:
    assert article_from(data) == article_from(TEXT.encode("utf-8"))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            "Российская актриса.\n\nВторой абзац.".encode("cp1251"),
            "seed.md:1: is not UTF-8 text (byte 0xd0)",
            id="windows-1251",
        ),
        pytest.param(
            "First line.\n\nCaf\xe9 society.\n".encode("latin-1"),
            "seed.md:3: is not UTF-8 text (byte 0xe9)",
            id="latin-1, line named",
        ),
        pytest.param(
            TEXT.encode("utf-16-le"),
            "seed.md: looks like UTF-16 text without a byte-order mark",
            id="utf-16 without BOM",
        ),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "seed.md: is a binary file",
            id="png",
        ),
        pytest.param(codecs.BOM_UTF16_LE + b"a\x00b", "seed.md: is not valid UTF-16", id="odd"),
        pytest.param(
            b"Fine text.\n\nA bell \x07 here.\n",
            "seed.md:3: contains the control character U+0007",
            id="control character",
        ),
        pytest.param(
            b"Text \x02wzxhzdk:0\x03 placeholder",
            "seed.md:1: contains the control character U+0002",
            id="markdown placeholder markers",
        ),
        pytest.param(
            "Mis-decoded \x93quote\x94.".encode(),
            "seed.md:1: contains the control character U+0093",
            id="C1 control",
        ),
    ],
)
def test_refused_bytes_name_file_line_and_cause(data: bytes, expected: str) -> None:
    with pytest.raises(GeneratorError) as error:
        decode_seed("seed.md", data)
    assert str(error.value).startswith(expected)
    assert "\n" not in str(error.value)


def test_tab_and_form_feed_are_not_control_characters_we_refuse() -> None:
    assert decode_seed("s.md", b"a\tb\x0cc").text == "a\tb\x0cc"


def test_seed_over_the_size_limit_is_refused_before_decoding() -> None:
    with pytest.raises(GeneratorError, match=r"s\.md: is 5\.0 MB; a seed holds one news"):
        decode_seed("s.md", b"x" * 5_000_000)
    assert len(decode_seed("s.md", b"x" * MAX_SEED_BYTES).text) == MAX_SEED_BYTES


def test_splitting_many_blocks_is_linear_time() -> None:
    # The old splitter re-counted lines from the start of the body for every block (150,000
    # one-word blocks took ~28 s). How long it takes is the benchmark's to measure
    # (benchmarks/big_seed.py); this checks the split and its line numbers at that size.
    parts = _raw_blocks("\n\n".join(["a"] * 150_000), 1)
    assert len(parts) == 150_000 and parts[-1] == ("a", 299_999)


def test_line_numbers_stay_exact_in_a_near_limit_article() -> None:
    body = TEXT.split("---\n", 2)[2]
    text = "---\ntitle: Long\n---\n" + "\n\n".join([body] * 200)  # ~1 MB, ~3000 blocks
    article = read_text(SeedText("s.md", text), "s")
    lines = text.split("\n")
    for block in article.blocks[-50:]:  # line numbers still exact at the far end
        first_line = block.label or block.text.split("\n")[0]
        assert lines[block.line - 1].strip() == first_line.strip()


def read(text: str) -> object:
    return read_text(SeedText("s.md", text), "s")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "s.md: has no article text"),
        (" \n\t\n   \n", "s.md: has no article text"),
        ("---\n---\n", "s.md: has no article text"),
        ("---\ntitle: x\nNo closing line.\n", "s.md:1: front matter opened with '---' is never"),
        ("---\ntitle: [unclosed\n---\nBody.\n", "s.md:3: malformed front matter"),
        ("---\ntitle: x\n\tbad: tab\n---\nBody.\n", "s.md:3: malformed front matter"),
        ("---\n- a list\n---\nBody.\n", "s.md:2: front matter must be a mapping"),
        ("---\ntitle: x\npublished: next tuesday\n---\nBody.\n", "s.md:3: 'published: next"),
        ("---\ntitle: x\npublished: 2021-13-45\n---\nBody.\n", "s.md:3: 'published: 2021-13-45"),
        ("---\ntitle: x\npublished: 2021\n---\nBody.\n", "s.md:3: 'published: 2021' is not"),
        ("---\npublished: [2021]\n---\nBody.\n", "s.md:2: 'published: [2021]' is not a date"),
        ("---\ntitle: [a, b]\n---\nBody.\n", "s.md:2: 'title' must be a single line of text"),
        ("---\na: 1\ndescription: {a: 1}\n---\nBody.\n", "s.md:3: 'description' must be a"),
        ("---\ntitle: !!python/object:os.system x\n---\nB.\n", "s.md:2: malformed front matter"),
        ("---\nt: " + "[" * 2000 + "\n---\nBody.\n", "s.md:"),
    ],
)
def test_bad_text_is_a_one_line_error(text: str, expected: str) -> None:
    with pytest.raises(GeneratorError) as error:
        read(text)
    assert str(error.value).startswith(expected)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-10-05", dt.date(2021, 10, 5)),
        ("'2021-10-05'", dt.date(2021, 10, 5)),
        ("2021-10-05T08:55:00Z", dt.date(2021, 10, 5)),
        ("2021-10-05 08:55:00+03:00", dt.date(2021, 10, 5)),
        ("", None),
    ],
)
def test_published_forms(value: str, expected: dt.date | None) -> None:
    article = read_text(SeedText("s.md", f"---\npublished: {value}\n---\nBody text.\n"), "s")
    assert article.published == expected


def test_front_matter_title_description_and_body_lines() -> None:
    article = read_text(
        SeedText("s.md", "---\ntitle: T\ndescription: D\n---\nFirst block.\n\n\nSecond\nblock.\n"),
        "s",
    )
    assert (article.title, article.description) == ("T", "D")
    assert [(b.id, b.text, b.line) for b in article.blocks] == [
        ("b1", "First block.", 5),
        ("b2", "Second\nblock.", 8),
    ]


def test_dashed_line_in_the_body_is_text_not_front_matter() -> None:
    article = read_text(SeedText("s.md", "---\ntitle: T\n---\nOne.\n\n---\n\nTwo.\n"), "s")
    assert [b.text for b in article.blocks] == ["One.", "---", "Two."]


def test_markdown_heading_becomes_the_title_of_a_headline_only_file() -> None:
    article = read_text(SeedText("s.md", "# A headline\n"), "s")
    assert (article.title, article.blocks) == ("A headline", ())


def test_no_people_no_quotes_no_captions_is_still_an_article() -> None:
    article = read_text(SeedText("s.md", "The weather was fine today.\n\nIt rained.\n"), "s")
    assert article.title == "The weather was fine today."
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]


@pytest.mark.parametrize(
    ("name", "meta_slug", "expected"),
    [
        ("first film in orbit.md", None, "first-film-in-orbit"),
        ("Première étoile.md", None, "premiere-etoile"),
        ("Юлия Пересильд.md", None, "article-"),
        ("x.md", "../../etc/passwd", "etc-passwd"),
        ("x.md", "<script>", "script"),
    ],
)
def test_slugs_are_url_safe(name: str, meta_slug: str | None, expected: str) -> None:
    slug = slug_for(Path(name), meta_slug)
    assert slug.startswith(expected)
    assert slug.replace("-", "").isalnum() and slug.isascii()


def test_cyrillic_names_get_distinct_stable_slugs() -> None:
    one, two = slug_for(Path("Юлия.md")), slug_for(Path("Клим.md"))
    assert one != two and one == slug_for(Path("Юлия.md"))


def test_read_seed_names_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match=r"^shown\.md: cannot be read \("):
        read_seed(tmp_path / "missing.md", "shown.md")


def test_only_article_files_are_seeds(tmp_path: Path) -> None:
    names = ["a.md", "b.txt", "c.markdown", ".hidden.md", "a.corrections.yml", "README.md", "x.py"]
    for name in names:
        (tmp_path / name).write_text("x")
    (tmp_path / "folder.md").mkdir()
    seeds = sorted(p.name for p in tmp_path.iterdir() if is_seed_file(p))
    assert seeds == ["a.md", "b.txt", "c.markdown"]
