"""Bad input through the command line: a correct site, or one line naming the file, exit 2,
no traceback, and docs/ exactly as it was."""

from __future__ import annotations

import codecs
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import SEED

from generator.cli import main

TEXT = SEED.read_text(encoding="utf-8")
BODY = TEXT.split("---\n", 2)[2]
Tree = Callable[[Path], dict[str, bytes]]

# name → (file name, bytes, the start of the one-line error after "error: ")
REFUSED: dict[str, tuple[str, bytes, str]] = {
    "empty": ("empty.md", b"", "seeds/empty.md: has no article text"),
    "whitespace only": ("blank.md", b" \n\t\r\n  \n", "seeds/blank.md: has no article text"),
    "binary": (
        "photo.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
        "seeds/photo.md: is a binary",
    ),
    "windows-1251": (
        "ru.md",
        "Заголовок\n\nРоссийская актриса полетела.".encode("cp1251"),
        "seeds/ru.md:1: is not UTF-8 text",
    ),
    "latin-1": ("fr.txt", b"Title line.\n\nCaf\xe9.\n", "seeds/fr.txt:3: is not UTF-8 text"),
    "utf-16 without BOM": (
        "u16.md",
        TEXT.encode("utf-16-le"),
        "seeds/u16.md: looks like UTF-16 text without a byte-order mark",
    ),
    "truncated utf-16": ("odd.md", codecs.BOM_UTF16_LE + b"a\x00b", "seeds/odd.md: is not valid"),
    "malformed front matter": (
        "fm.md",
        b"---\ntitle: [unclosed\n---\nBody.\n",
        "seeds/fm.md:3: malformed front matter",
    ),
    "front matter never closed": (
        "open.md",
        b"---\ntitle: x\nBody.\n",
        "seeds/open.md:1: front matter opened with '---' is never closed",
    ),
    "front matter a list": ("list.md", b"---\n- a\n---\nB.\n", "seeds/list.md:2: front matter"),
    "published not a date": (
        "date.md",
        b"---\ntitle: x\npublished: last Tuesday\n---\nBody.\n",
        "seeds/date.md:3: 'published: last Tuesday' is not a date",
    ),
    "published impossible date": (
        "date2.md",
        b"---\ntitle: x\npublished: 2021-13-45\n---\nBody.\n",
        "seeds/date2.md:3: 'published: 2021-13-45' is not a date",
    ),
    "title a mapping": (
        "title.md",
        b"---\ntitle: {a: 1}\n---\nBody.\n",
        "seeds/title.md:2: 'title' must be a single line of text",
    ),
    "python tag in front matter": (
        "tag.md",
        b"---\ntitle: !!python/object/apply:os.system [echo hi]\n---\nBody.\n",
        "seeds/tag.md:2: malformed front matter",
    ),
    "control character": (
        "ctl.md",
        b"Title.\n\nEscape \x1b[31m code.\n",
        "seeds/ctl.md:3: contains the control character U+001B",
    ),
    "5 MB article": (
        "huge.md",
        (BODY + "\n\n").encode() * 1100,
        "seeds/huge.md: is 5.",
    ),
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_refused_seed_is_one_line_and_docs_untouched(
    case: str, built_project: Path, tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    name, data, expected = REFUSED[case]
    (built_project / "seeds" / name).write_bytes(data)
    before = tree_bytes(built_project / "docs")
    code, out, err = run(["build", "--project", str(built_project)], capsys)
    assert code == 2
    assert err.startswith(f"error: {expected}"), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert tree_bytes(built_project / "docs") == before
    # --check reads the same way, and extract names the path as given.
    assert run(["build", "--check", "--project", str(built_project)], capsys)[0] == 2
    code, out, err = run(["extract", str(built_project / "seeds" / name)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {built_project / 'seeds' / name}") and err.count("\n") == 1


def test_two_seeds_with_the_same_slug_are_refused(
    built_project: Path, tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = built_project / "seeds"
    (seeds / "orbit story.md").write_text(TEXT, encoding="utf-8")
    (seeds / "orbit-story.txt").write_text(TEXT, encoding="utf-8")
    before = tree_bytes(built_project / "docs")
    code, _, err = run(["build", "--project", str(built_project)], capsys)
    assert code == 2
    assert err == (
        "error: seeds/orbit-story.txt: has the same slug 'orbit-story' as seeds/orbit story.md; "
        "rename one of them or give it a `slug:` in its front matter\n"
    )
    assert tree_bytes(built_project / "docs") == before


def test_front_matter_slug_colliding_with_a_file_name_is_refused(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (built_project / "seeds" / "other.md").write_text(
        "---\nslug: First Film in Orbit\n---\n" + BODY, encoding="utf-8"
    )
    code, _, err = run(["build", "--project", str(built_project)], capsys)
    assert code == 2 and "same slug 'first-film-in-orbit'" in err


# Inputs that must give a correct site: byte-identical docs/ to the plain UTF-8 build.
SAME_SITE: dict[str, bytes] = {
    "utf-8 BOM": codecs.BOM_UTF8 + TEXT.encode(),
    "utf-16 LE with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "CRLF": TEXT.replace("\n", "\r\n").encode(),
    "CRLF and BOM": codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode(),
}


@pytest.mark.parametrize("case", SAME_SITE, ids=list(SAME_SITE))
def test_accepted_encodings_give_the_same_site(
    case: str,
    project_factory: Callable[..., Path],
    tree_bytes: Tree,
    capsys: pytest.CaptureFixture[str],
) -> None:
    plain = project_factory({SEED.name: TEXT})
    other = project_factory({SEED.name: SAME_SITE[case]})
    for project in (plain, other):
        assert run(["build", "--project", str(project)], capsys)[0] == 0
    assert tree_bytes(other / "docs") == tree_bytes(plain / "docs")


@pytest.mark.parametrize(
    ("file_name", "page"),
    [
        ("first film in orbit.md", "first-film-in-orbit"),
        ("Première étoile.md", "premiere-etoile"),
    ],
)
def test_seed_names_with_spaces_or_accents_get_clean_pages(
    file_name: str,
    page: str,
    project_factory: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = project_factory({file_name: TEXT})
    assert run(["build", "--project", str(project)], capsys)[0] == 0
    assert (project / "docs" / "articles" / f"{page}.md").is_file()


def test_cyrillic_seed_name_gets_an_ascii_page(
    project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_factory({"Полёт.md": TEXT})
    assert run(["build", "--project", str(project)], capsys)[0] == 0
    pages = [p.name for p in (project / "docs" / "articles").iterdir() if p.name != "index.md"]
    assert len(pages) == 1 and pages[0].startswith("article-") and pages[0].isascii()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The weather was fine today and nothing else happened.\n\nIt rained.\n", id="no people"
        ),
        pytest.param(
            "---\ntitle: Quiet day\n---\nNobody said anything at the station today.\n",
            id="no quotes",
        ),
        pytest.param(BODY.replace("Russia Space Station\n", ""), id="no captions"),
        pytest.param("# Headline only\n", id="headline only"),
        pytest.param("---\ntitle: Title only\n---\n", id="front matter only"),
    ],
)
def test_thin_articles_still_build_a_site(
    text: str, project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_factory({"thin.md": text})
    code, _, err = run(["build", "--project", str(project)], capsys)
    assert (code, err) == (0, "")
    docs = project / "docs"
    assert (docs / "index.md").is_file() and (docs / "articles" / "thin.md").is_file()
    page = (docs / "articles" / "thin.md").read_text(encoding="utf-8")
    first_words = " ".join(text.split("---\n")[-1].lstrip("# ").split()[:4])
    assert not first_words or first_words in page


def test_real_process_prints_no_traceback(built_project: Path) -> None:
    """The in-process tests above can't see what the interpreter prints on a crash."""
    (built_project / "seeds" / "bad.md").write_bytes(b"---\npublished: 2021-02-30\n---\nB.\n")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--project", str(built_project)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "error: seeds/bad.md:2: 'published: 2021-02-30' is not a date (write it as YYYY-MM-DD)\n"
    )


def test_unexpected_failure_is_still_one_line(
    built_project: Path,
    tree_bytes: Tree,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: object) -> object:
        raise ValueError("simulated bug\nwith a second line")

    monkeypatch.setattr("generator.build.compose_site", broken)
    monkeypatch.delenv("GENERATOR_DEBUG", raising=False)
    before = tree_bytes(built_project / "docs")
    code, _, err = run(["build", "--project", str(built_project)], capsys)
    assert code == 3
    assert err.startswith("error: internal error (ValueError: simulated bug with a second line)")
    assert err.count("\n") == 1
    assert tree_bytes(built_project / "docs") == before


def test_missing_project_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["build", "--project", str(tmp_path / "nowhere")], capsys)
    assert code == 2 and err.count("\n") == 1 and "is not a folder of seed articles" in err
