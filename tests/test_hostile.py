"""Hostile and clumsy input (issue 11): every case is a correct site or one line, exit 2, naming
the file (and line), with control characters escaped; never exit 3, never a hang, never a
silently ignored file."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from support import SEED

from generator.cli import main

TEXT = SEED.read_text(encoding="utf-8")
BODY = TEXT.split("---\n", 2)[2]
Tree = Callable[[Path], dict[str, bytes]]


def run(project: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str]:
    code = main(["build", *flags, "--project", str(project)])
    _, err = capsys.readouterr()
    return code, err


def one_line_error(code: int, err: str, start: str) -> None:
    assert code == 2, err
    assert err.startswith(f"error: {start}"), err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err[:-1].isprintable(), err  # no raw newline, ANSI escape or bidi override


def seed(front: str, body: str = "Nothing happened at the station today.\n") -> str:
    return f"---\n{front}---\n{body}"


# name → (file name, text, the start of the one-line error after "error: ")
REFUSED: dict[str, tuple[str, str, str]] = {
    # Characters YAML or HTML cannot carry: raw, or as YAML escapes in a value.
    "U+FFFE raw in the body": ("nc.md", seed("title: x\n", "A \ufffe B.\n"), "seeds/nc.md:4:"),
    "U+FFFF raw in the title": ("nc2.md", seed("title: a\uffffb\n"), "seeds/nc2.md:2:"),
    "U+FFFE as a YAML escape": ("nc3.md", seed('title: "a\\uFFFEb"\n'), "seeds/nc3.md:2:"),
    "U+10FFFF escape": ("nc4.md", seed('description: "\\U0010FFFF"\n'), "seeds/nc4.md:2:"),
    "U+FDD0 noncharacter": ("nc5.md", seed("title: x\n", "A \ufdd0 B.\n"), "seeds/nc5.md:4:"),
    "lone surrogate escape": ("sur.md", seed('title: "a\\ud800b"\n'), "seeds/sur.md:2:"),
    "NUL escape in a value": ("nul.md", seed('title: "a\\0b"\n'), "seeds/nul.md:2:"),
    "C1 escape in a value": ("c1.md", seed('title: "a\\x9bb"\n'), "seeds/c1.md:2:"),
    "DEL escape in a value": ("del.md", seed('slug: "a\\x7fb"\n'), "seeds/del.md:2:"),
    "ANSI escape in published": (
        "ansi.md",
        seed('published: "\\e[2J\\e[31mred"\n'),
        "seeds/ansi.md:2:",
    ),
    "newline in published": (
        "nl.md",
        seed('published: "2021-10-05\\nerror: forged second line"\n'),
        "seeds/nl.md:2: 'published: 2021-10-05\\nerror: forged",
    ),
    # Bounded work.
    "alias in front matter": (
        "alias.md",
        seed("title: &t x\ndescription: *t\n"),
        "seeds/alias.md:2: front matter uses the YAML anchor &t",
    ),
    "alias bomb in published": (
        "bomb.md",
        seed(
            'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n"
                for i in range(8)
            )
            + "published: *i\n"
        ),
        "seeds/bomb.md:2: front matter uses the YAML anchor &a",
    ),
    "front matter nested deep": (
        "deep.md",
        seed("title: " + "[" * 5000 + "]" * 5000 + "\n"),
        "seeds/deep.md:2: front matter is nested more than",
    ),
    "duplicate key": (
        "dup.md",
        seed("title: One\npublished: 2021-10-05\ntitle: Two\n"),
        "seeds/dup.md:4: the key 'title' is written twice (also on line 2)",
    ),
    "huge value is cut": (
        "long.md",
        seed("published: " + "x9" * 25_000 + "\n"),
        "seeds/long.md:2: 'published: x9x9",
    ),
    "50,000-digit number": (
        "digits.md",
        seed("published: " + "9" * 50_000 + "\n"),
        "seeds/digits.md:2: malformed front matter: a number too long to read",
    ),
    "front matter over 64 KB": (
        "fat.md",
        seed("title: " + "x" * 70_000 + "\n"),
        "seeds/fat.md:1: front matter is 70 KB",
    ),
    # Bounded work per sentence and per block (every stage linear in the article's length).
    "a sentence that never ends": (
        "endless.md",
        seed("title: x\n", "Intro. " + "and then " * 3000 + "\n"),
        "seeds/endless.md:4: has a sentence of over 20,000 characters",
    ),
    "20,001 paragraphs": (
        "many.md",
        seed("title: x\n", "Para.\n\n" * 20_001),
        "seeds/many.md: has 20,001 paragraphs",
    ),
    # Reserved slugs name the seed.
    "seed named index.md": ("index.md", TEXT, "seeds/index.md: would be published as the list"),
    "slug: index": ("other.md", seed("slug: Index\n"), "seeds/other.md:2: would be published"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_refused_in_one_line_and_docs_untouched(
    case: str, built_project: Path, tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    name, text, expected = REFUSED[case]
    (built_project / "seeds" / name).write_text(text, encoding="utf-8")
    before = tree_bytes(built_project / "docs")
    code, err = run(built_project, capsys)
    one_line_error(code, err, expected)
    assert len(err) < 700
    assert tree_bytes(built_project / "docs") == before


def test_file_name_with_a_newline_and_escape_is_shown_escaped(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (built_project / "seeds" / "a\nerror: b\x1b[2J.md").write_bytes(b"\xff\xfe\x00")
    code, err = run(built_project, capsys)
    one_line_error(code, err, "seeds/a\\nerror: b\\x1b[2J.md:")


# ---- dates at the ends of the calendar -------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "body"),
    [
        ("0001-01-01", "Yesterday, last week, last month and last year the crew trained."),
        ("9999-12-31", "Tomorrow, next week, next month and next year the crew will fly."),
        ("0001-01-01", "On Monday the crew trained."),
        ("9999-12-31", "On Friday the crew will fly."),
    ],
)
def test_relative_dates_at_the_ends_of_the_calendar_build(
    published: str,
    body: str,
    project_factory: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = project_factory({"x.md": seed(f"title: T\npublished: {published}\n", body + "\n")})
    code, err = run(project, capsys)
    assert (code, err) == (0, "")


# ---- corrections files ---------------------------------------------------------------------

CORRECTIONS_REFUSED: dict[str, tuple[str, str]] = {
    "entry used twice through an alias": (
        "people:\n  - &p {set: yulia-peresild, role: actress}\n  - *p\n",
        ":2: the corrections file uses the YAML anchor &p",
    ),
    "alias bomb in a value": (
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "people:\n  - set: yulia-peresild\n    age: *b\n",
        ":1: the corrections file uses the YAML anchor &a",
    ),
    "nested thousands deep": ("people: " + "[" * 5000 + "]" * 5000 + "\n", ":1: the corrections"),
    "nested mappings deep": ("people:\n" + "".join(" " * i + "a:\n" for i in range(2, 200)), ":"),
    "duplicate key": (
        "people:\n  - set: yulia-peresild\n    age: 37\n    age: 38\n",
        ":4: the key 'age' is written twice (also on line 3)",
    ),
    "duplicate section": (
        "people: []\nthemes: []\npeople: []\n",
        ":3: the key 'people' is written twice",
    ),
    "ANSI escape in a value": (
        'people:\n  - set: "\\e[31myulia"\n    role: actress\n',
        ":2: this people entry holds the control character U+001B",
    ),
    "newline in a person id": (
        'people:\n  - set: "nobody\\nerror: forged"\n    role: actress\n',
        ":2: no person 'nobody\\nerror: forged' in this article",
    ),
    "noncharacter in a role": (
        'people:\n  - set: yulia-peresild\n    role: "a\\uFFFEb"\n',
        ":2: this people entry holds the Unicode noncharacter U+FFFE",
    ),
    "raw control character": ("people:\n  - set: a\x1bb\n", ":2: contains the control"),
    "50,000-digit number": ("people:\n  - set: x\n    age: " + "9" * 50_000 + "\n", ":"),
    "long value is cut": (
        "people:\n  - set: " + "x" * 100_000 + "\n    role: actress\n",
        ":2: no person 'xxx",
    ),
}


@pytest.mark.parametrize("case", CORRECTIONS_REFUSED, ids=list(CORRECTIONS_REFUSED))
def test_corrections_refused_in_one_line(
    case: str, built_project: Path, tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    text, expected = CORRECTIONS_REFUSED[case]
    name = f"{SEED.stem}.corrections.yml"
    (built_project / "seeds" / name).write_text(text, encoding="utf-8")
    before = tree_bytes(built_project / "docs")
    code, err = run(built_project, capsys)
    one_line_error(code, err, f"seeds/{name}{expected}")
    assert len(err) < 700
    assert tree_bytes(built_project / "docs") == before


def test_corrections_file_over_the_size_limit_is_refused_before_reading(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = built_project / "seeds" / f"{SEED.stem}.corrections.yml"
    with open(path, "wb") as handle:
        handle.truncate(900_000_000)  # sparse: costs nothing on disk, would cost 900 MB to read
    code, err = run(built_project, capsys)
    one_line_error(code, err, f"seeds/{path.name}: is 900000 KB; a corrections file holds at")


# ---- nothing ignored silently --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("renamed.corrections.yml", "is a corrections file for a seed 'renamed'"),
        (
            f"{SEED.stem}.corrections.yaml",
            f"must be named '<seed name>.corrections.yml' (here '{SEED.stem}.corrections.yml')",
        ),
        (f"{SEED.stem}.correction.yml", f"(here '{SEED.stem}.corrections.yml')"),
        (f"{SEED.stem}.Corrections.yml", f"(here '{SEED.stem}.corrections.yml')"),
        ("notes.yml", "(here 'notes.corrections.yml')"),
    ],
)
def test_orphan_or_misspelled_corrections_file_is_an_error(
    name: str, expected: str, built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (built_project / "seeds" / name).write_text("people: []\n", encoding="utf-8")
    code, err = run(built_project, capsys)
    one_line_error(code, err, f"seeds/{name}: ")
    assert expected in err


def test_upper_case_extension_is_a_seed(
    project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_factory({"STORY.MD": TEXT, "STORY.corrections.yml": "people: []\n"})
    assert run(project, capsys) == (0, "")
    assert (project / "docs" / "articles" / "story.md").is_file()


@pytest.mark.parametrize("name", ["story.docx", "story.mdown", "story.html", "story"])
def test_file_the_reader_skips_is_a_warning(
    name: str, built_project: Path, tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    (built_project / "seeds" / name).write_text(TEXT, encoding="utf-8")
    before = tree_bytes(built_project / "docs")
    code, err = run(built_project, capsys)
    assert code == 0
    assert err == (
        f"warning: seeds/{name}: is not read: seeds end in .md, .markdown or .txt (rename it, or "
        "move it out of seeds/)\n"
    )
    assert tree_bytes(built_project / "docs") == before


def test_hidden_backup_and_readme_files_are_ignored_quietly(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in (".story.md.swp", "story.md~", "#story.md#", "README.md", "archive"):
        path = built_project / "seeds" / name
        if name == "archive":
            path.mkdir()
        else:
            path.write_text(TEXT, encoding="utf-8")
    assert run(built_project, capsys) == (0, "")


# ---- symbolic links and special files -------------------------------------------------------


def test_symlink_leaving_the_project_is_refused(
    built_project: Path, tmp_path: Path, tree_bytes: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "credentials.txt"
    secret.write_text("password=hunter2\n")
    (built_project / "seeds" / "passwd.md").symlink_to("/etc/passwd")
    before = tree_bytes(built_project / "docs")
    code, err = run(built_project, capsys)
    one_line_error(code, err, "seeds/passwd.md: is a symbolic link to /etc/passwd, outside seeds/")
    (built_project / "seeds" / "passwd.md").unlink()
    (built_project / "seeds" / "creds.md").symlink_to(secret)
    code, err = run(built_project, capsys)
    one_line_error(code, err, "seeds/creds.md: is a symbolic link to ")
    assert "hunter2" not in err
    assert tree_bytes(built_project / "docs") == before


def test_symlink_to_a_project_file_outside_seeds_is_refused(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (built_project / "seeds" / "config.md").symlink_to(built_project / "mkdocs.yml")
    code, err = run(built_project, capsys)
    one_line_error(code, err, "seeds/config.md: is a symbolic link to ")


def test_symlink_to_a_corrections_file_outside_seeds_is_refused(
    built_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "c.yml"
    outside.write_text("people: []\n")
    (built_project / "seeds" / f"{SEED.stem}.corrections.yml").symlink_to(outside)
    code, err = run(built_project, capsys)
    one_line_error(code, err, f"seeds/{SEED.stem}.corrections.yml: is a symbolic link to ")


def test_symlink_resolving_inside_seeds_is_read(
    project_factory: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_factory()
    archive = project / "seeds" / "archive"
    archive.mkdir()
    (archive / "2021.md").write_text(TEXT, encoding="utf-8")
    (project / "seeds" / "orbit.md").symlink_to("archive/2021.md")
    assert run(project, capsys) == (0, "")
    assert (project / "docs" / "articles" / "orbit.md").is_file()


def test_broken_symlink_and_fifo_are_refused_without_hanging(
    built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (built_project / "seeds" / "gone.md").symlink_to("nowhere.md")
    code, err = run(built_project, capsys)
    one_line_error(code, err, "seeds/gone.md: is a broken symbolic link")
    (built_project / "seeds" / "gone.md").unlink()
    os.mkfifo(built_project / "seeds" / "pipe.md")
    code, err = run(built_project, capsys)  # a plain open() would wait for a writer forever
    one_line_error(code, err, "seeds/pipe.md: is not a regular file")


# ---- bombs under a memory cap ---------------------------------------------------------------

CAPPED = textwrap.dedent(
    """
    import resource, sys
    limit = 400 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from generator.cli import main
    sys.exit(main(["build", "--project", sys.argv[1]]))
    """
)


def capped_build(project: Path) -> tuple[int, str, float]:
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", CAPPED, str(project)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stderr, time.monotonic() - start


BOMB_FRONT = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_AS"), reason="needs RLIMIT_AS")
@pytest.mark.parametrize("where", ["seed", "corrections", "size"])
def test_bombs_are_refused_under_a_memory_cap(built_project: Path, where: str) -> None:
    seeds = built_project / "seeds"
    if where == "seed":
        (seeds / "bomb.md").write_text(seed(BOMB_FRONT + "published: *i\n"), encoding="utf-8")
    elif where == "corrections":
        (seeds / f"{SEED.stem}.corrections.yml").write_text(
            BOMB_FRONT + "people:\n  - set: *i\n", encoding="utf-8"
        )
    else:
        with open(seeds / "huge.md", "wb") as handle:
            handle.truncate(900_000_000)
    code, err, _ = capped_build(built_project)
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err


# ---- deeply nested or odd manifests -----------------------------------------------------------


@pytest.mark.parametrize(
    ("mine", "generated"),
    [
        ("crew/index.md", "crew.md"),
        ("crew/README.md", "crew.md"),
        ("README.md", "index.md"),
        ("articles.md", "articles/index.md"),
    ],
)
def test_hand_written_page_at_a_generated_address_is_a_conflict(
    mine: str,
    generated: str,
    built_project: Path,
    tree_bytes: Tree,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = built_project / "docs" / mine
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# My own page\n", encoding="utf-8")
    (built_project / "seeds" / SEED.name).write_text(TEXT.replace("Challenge", "Vyzov"))
    before = tree_bytes(built_project / "docs")
    for flags in ((), ("--force",)):
        code, err = run(built_project, capsys, *flags)
        assert code == 1
        assert err.splitlines() == [
            f"docs/{mine}: a hand-written page that MkDocs would publish at the address of the "
            f"generated docs/{generated}; rename or move your page and build again",
            "Nothing was written.",
        ]
        assert tree_bytes(built_project / "docs") == before
