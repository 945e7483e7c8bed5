"""Property-based: for any text, `extract` and `build` either succeed with every block's text on
the source page, or give the one-line error. Never a traceback.

The pipeline runs in-process (no MkDocs build), with modest example counts to stay fast.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.errors import GeneratorError
from generator.read import decode_seed, read_text

# Valid text only (no lone surrogates: they cannot be written as UTF-8), weighted towards what
# breaks parsers: control characters, quotes, Markdown/HTML/Jinja punctuation, Unicode
# line and space separators, right-to-left and combining marks.
AWKWARD = "\t\r\u2028\u2029\u3000\u00a0\u200b\u202e\ufeff\u0301'\"“”‘’<>&*_[]()#`{}%|~^=:!-.\\/ "
CONTROLS = "\x85\x00\x01\x02\x03\x07\x0b\x0c\x1b\x7f\x9f"
characters = st.one_of(
    st.sampled_from(AWKWARD),
    st.characters(blacklist_categories=("Cs", "Cc")),
    st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
)
lines = st.one_of(
    st.text(characters, max_size=60),
    st.text(characters, min_size=500, max_size=2_000),  # a very long line
    st.sampled_from(["---", "# Heading", "-end-", "*[ISS]: x", "[^1]: note", "--8<-- 'x'"]),
)
paragraphs = st.lists(lines, min_size=1, max_size=4).map("\n".join)
scalars = st.text(characters, max_size=40)


@st.composite
def bodies(draw: st.DrawFn) -> str:
    body = "\n\n".join(draw(st.lists(paragraphs, max_size=6)))
    if body and draw(st.integers(0, 7)) == 0:  # now and then, a control character somewhere
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.sampled_from(CONTROLS)) + body[at:]
    return body


@st.composite
def seeds(draw: st.DrawFn) -> str:
    body = draw(bodies())
    if draw(st.booleans()):
        meta = {"title": draw(scalars), "description": draw(scalars)}
        if draw(st.booleans()):
            meta["published"] = draw(st.sampled_from(["2021-10-05", "soon", "2021-02-30", ""]))
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    return body


def flat(text: str) -> str:
    return " ".join(text.split())


def split_page(markdown: str) -> tuple[str, str]:
    """A generated page → (front matter YAML, body), split the way MkDocs splits it."""
    match = re.match(r"---\n(.*?\n)---\n", markdown, re.S)
    assert match is not None
    return match.group(1), markdown[match.end() :]


def page_text(markdown: str) -> str:
    """A generated page's visible text: article text is escaped, so every '<' starts a tag."""
    body = split_page(markdown)[1]
    return flat(html.unescape(re.sub(r"<[^>]*>", "", body)))


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(code: int, err: str, shown: str) -> None:
    assert code == 2, err
    assert err.startswith(f"error: {shown}") and err.count("\n") == 1, err


@settings(max_examples=150, deadline=None)
@given(text=seeds())
def test_reader_accepts_or_refuses_in_one_line(text: str) -> None:
    try:
        article = read_text(decode_seed("s.md", text.encode("utf-8")), "s")
    except GeneratorError as error:
        assert str(error).startswith("s.md") and "\n" not in str(error)
        return
    assert article.title.strip()
    assert [b.id for b in article.blocks] == [f"b{n}" for n in range(1, len(article.blocks) + 1)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=seeds(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_build_and_extract_succeed_with_all_text_or_fail_in_one_line(
    text: str, encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        seed = root / "seeds" / "story.md"
        seed.write_bytes(text.encode(encoding))

        code, out, err = run(["extract", str(seed)])
        if code != 0:
            assert_one_line_error(code, err, str(seed))
        else:
            assert out.startswith("{") and err == ""

        code, _, err = run(["build", "--project", str(root)])
        event("built" if code == 0 else "refused: " + err.split(": ", 2)[-1][:30])
        if code != 0:
            assert_one_line_error(code, err, "seeds/story.md")
            assert not (root / "docs").exists() or not any((root / "docs").iterdir())
            return
        article = read_text(decode_seed("s", seed.read_bytes()), "story")
        page = (root / "docs" / "articles" / "story.md").read_text(encoding="utf-8")
        shown = page_text(page)
        for block in article.blocks:
            for part in (block.label, block.text, block.credit):
                if part and flat(part):
                    assert flat(part) in shown, (block.id, part)
        meta = yaml.safe_load(split_page(page)[0])
        assert html.unescape(meta["title"]) == flat(article.title)
        # Building again from the same seed changes nothing.
        assert run(["build", "--check", "--project", str(root)])[0] == 0
