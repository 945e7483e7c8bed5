"""Front matter parses exactly as written (issue 11): every generated page's front matter loads
through yaml.safe_load and through MkDocs' own meta parser to the same values, whatever Unicode
the articles and corrections hold; and should MkDocs ever render front matter as Markdown (its
fallback when the YAML does not parse), nothing in it becomes markup."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from support import SEED, make_project
from test_injection import HOSTILE, _Parser

from generator.build import generate
from generator.errors import GeneratorError
from generator.site import Project

# What neither YAML nor HTML can carry: C0/C1 controls but white space, DEL, surrogates and
# noncharacters.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p << 16 | 0xFFFE)}{chr(p << 16 | 0xFFFF)}" for p in range(1, 17))
    + "]"
)


def forbidden_character(text: str) -> re.Match[str] | None:
    return _FORBIDDEN.search(text)


# All of Unicode: noncharacters, lone surrogates, C0/C1 controls, separators, private use.
EVERYTHING = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
SPECIAL = st.sampled_from(
    "\x00\x01\x1b\x7f\x85\x9b\x9f\ufffe\uffff\ufdd0\U0001fffe\U0010ffff\ud800\udfff\u2028\u2029"
    "\ufeff\u202e\u200b\xa0\t\n\r\x0c\"'\\[](){}<>&`*_!#:-|~%@"
)
awkward_text = st.text(st.one_of(EVERYTHING, SPECIAL), max_size=40)
# Most fields plain, so that builds get through often, and any of them awkward.
plain_text = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=40)
field_text = st.one_of(plain_text, plain_text, plain_text, awkward_text)


def split(page: str) -> str:
    assert page.startswith("---\n")
    return page[4 : page.index("\n---\n", 4) + 1]


def both_parsers(page: str) -> dict[str, object]:
    """The page's front matter as PyYAML and as MkDocs read it; they must agree."""
    ours = yaml.safe_load(split(page))
    _, theirs = get_data(page)
    assert isinstance(ours, dict) and ours, page[:300]
    assert theirs == ours, (theirs, ours)
    return ours


@settings(max_examples=400, deadline=None)
@given(value=awkward_text)
def test_any_string_round_trips_through_both_parsers(value: str) -> None:
    from generator.render import front_matter_text, yaml_string

    text = front_matter_text(value)
    written = yaml_string(text)
    assert "\n" not in written
    written.encode("utf-8")  # no lone surrogate left: the page can be written
    assert forbidden_character(written) is None  # nothing YAML forbids in a stream
    doc = f"---\ntitle: {written}\n---\nbody\n"
    loaded = both_parsers(doc)["title"]
    assert isinstance(loaded, str)
    assert forbidden_character(loaded) is None  # nothing HTML cannot carry
    if forbidden_character(text) is None:
        assert loaded == text  # exactly as written


def quote(value: str) -> str:
    """A YAML double-quoted scalar: printable characters as they are, the rest as \\U escapes
    (so lone surrogates and U+FFFE reach the loader, as a hostile author would write them)."""
    return '"' + "".join(_quote_char(c) for c in value) + '"'


def _quote_char(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    return char if char.isprintable() else f"\\U{ord(char):08x}"


def _seed_with(fields: dict[str, str]) -> str:
    lines = "".join(f"{key}: {quote(value)}\n" for key, value in fields.items())
    return f"---\n{lines}---\nThe crew of Soyuz MS-19 met NASA staff, Yulia Peresild said.\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=field_text,
    description=field_text,
    slug=field_text,
    published=st.one_of(awkward_text, st.just("2021-10-05")),
    role=field_text,
    alias=field_text,
)
def test_every_field_is_refused_in_one_line_or_round_trips(
    title: str, description: str, slug: str, published: str, role: str, alias: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        fields = {"title": title, "description": description, "slug": slug or "s"}
        fields["published"] = published
        try:
            (root / "seeds" / "story.md").write_text(_seed_with(fields), encoding="utf-8")
            corrections = (
                "people:\n  - add: Anna Kikina\n"
                f"    roles: [{quote('r' + role)}]\n    aliases: [{quote('a' + alias)}]\n"
            )
            (root / "seeds" / "story.corrections.yml").write_text(corrections, encoding="utf-8")
        except UnicodeEncodeError:
            return  # JSON escaped every surrogate, so this cannot happen; keep the guard honest
        try:
            outputs = generate(Project(root))
        except GeneratorError as error:
            message = str(error)
            assert message.startswith("seeds/story") and message.isprintable(), message
            event("refused: " + message.split(": ", 2)[-1][:50])
            return
        event("built")
        for output in outputs:
            if not output.path.endswith(".md"):
                continue
            text = output.content.decode("utf-8")
            assert forbidden_character(text) is None, output.path
            meta = both_parsers(text)
            assert isinstance(meta["title"], str) and isinstance(meta["description"], str)


def _fallback_html(page: str) -> str:
    """What MkDocs renders when it cannot parse the front matter: the whole file as Markdown."""
    html: str = markdown.markdown(page, extensions=["attr_list", "md_in_html", "tables", "toc"])
    return html


def test_front_matter_rendered_as_markdown_stays_inert() -> None:
    with tempfile.TemporaryDirectory() as folder:
        seeds: dict[str, bytes | str] = {p.name: p.read_bytes() for p in HOSTILE.iterdir()}
        seeds["markdown-title.md"] = (
            "---\ntitle: 'Docking [plan](javascript:alert(11)) {: onclick=\"alert(12)\" }'\n"
            "description: '![x](javascript:alert(13)) `code` *em* [ref]: javascript:alert(14)'\n"
            "---\n" + SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
        )
        project = make_project(Path(folder), seeds)
        pages = [o for o in generate(Project(project)) if o.path.endswith(".md")]
    assert any("markdown-title" in o.path for o in pages)
    for output in pages:
        text = output.content.decode("utf-8")
        head = text[: text.index("\n---\n", 4) + 5]  # the front matter only: the body is tested
        parser = _Parser()
        parser.feed(_fallback_html(head))
        parser.close()
        found = parser.page
        assert found.handlers == [], (output.path, found.handlers)
        assert found.urls == [], (output.path, found.urls)
        assert found.tags <= {"p", "hr", "h2"}, (output.path, found.tags)
