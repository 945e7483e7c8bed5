"""Seed file → Article: decoding, front matter, blocks and photo captions.

Accepted encodings: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
mark. Anything else is refused with a one-line error, since guessing a legacy code page would
silently turn an article into mojibake.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from .errors import GeneratorError
from .model import Article, Block

SEED_SUFFIXES = (".md", ".markdown", ".txt")

# "(Roscosmos Space Agency/AP)" at the end of a caption's second line.
_PAREN_CREDIT = re.compile(r"^(?P<text>.*\S)\s*\((?P<credit>[^()]+)\)\s*$", re.S)
# " … Credits: NASA/Bill Ingalls" in a wire-style lead caption.
_CREDITS_TAIL = re.compile(r"^(?P<text>.*?)\s*Credits?:\s*(?P<credit>\S.*?)\s*$", re.S)
# " … space. NASA/Bill Ingalls": an agency/photographer credit closing the caption.
_SLASH_CREDIT = re.compile(
    r"^(?P<text>.*[.!?])\s+(?P<credit>[A-Z][\w.&-]*/[A-Z][\w .'’-]+?)\s*$", re.S
)
_FM_BOUNDARY = re.compile(r"^-{3,}[ \t]*$", re.M)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BARE_URL = re.compile(r"^\s*https?://\S+\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


@dataclass(frozen=True)
class SeedText:
    """A decoded seed: its text with line endings normalised to \\n."""

    path: str
    text: str


def decode_seed(path: str, data: bytes) -> SeedText:
    """Bytes → text, or a one-line GeneratorError saying why not."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise GeneratorError(path, f"is not valid UTF-16 text ({exc.reason})") from None
    else:
        if b"\x00" in data:
            raise GeneratorError(path, "is a binary file, not text (it contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise GeneratorError(
                path,
                "is not UTF-8 text (byte "
                f"0x{data[exc.start]:02x}); save it as UTF-8 and build again",
                line,
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise GeneratorError(path, "is a binary file, not text (it contains NUL characters)")
    return SeedText(path, text)


def slugify(name: str) -> str:
    """A URL-safe slug: ASCII letters, digits and hyphens ('' when nothing is left)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def slug_for(path: Path, meta_slug: object = None) -> str:
    """The article's slug: front matter `slug`, else the file name; never empty."""
    base = str(meta_slug) if meta_slug else path.stem
    slug = slugify(base)
    if not slug:
        # Names in other scripts (e.g. Cyrillic) keep a stable, distinct slug.
        slug = "article-" + hashlib.sha1(base.encode("utf-8")).hexdigest()[:10]
    return slug


def split_front_matter(seed: SeedText) -> tuple[dict[str, object], str, int]:
    """→ (metadata, body, line number of the body's first line)."""
    text = seed.text
    if not (text.startswith("---\n") or text.rstrip(" \t") == "---"):
        return {}, text, 1
    closing = _FM_BOUNDARY.search(text, 4)
    if closing is None:
        raise GeneratorError(seed.path, "front matter opened with '---' is never closed", 1)
    fm_text = text[4 : closing.start()]
    try:
        loaded = YAMLHandler().load(fm_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise GeneratorError(seed.path, f"malformed front matter: {problem}", line) from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise GeneratorError(seed.path, "front matter must be a mapping of keys to values", 2)
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    body_line = text.count("\n", 0, body_start) + 1
    return {str(k): v for k, v in loaded.items()}, text[body_start:], body_line


def _published(path: str, value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise GeneratorError(
            path, f"'published: {value}' is not a date (write it as YYYY-MM-DD)"
        ) from None


def _raw_blocks(body: str, first_line: int) -> list[tuple[str, int]]:
    """Blank-line-separated parts of the body, with the file line each starts on."""
    parts: list[tuple[str, int]] = []
    pos = 0
    for match in [*_BLANK_LINE.finditer(body), None]:
        end = match.start() if match else len(body)
        chunk = body[pos:end]
        stripped = chunk.strip("\n")
        if stripped.strip():
            lead = len(chunk) - len(chunk.lstrip("\n"))
            line = first_line + body.count("\n", 0, pos + lead)
            parts.append((stripped, line))
        if match:
            pos = match.end() - 1  # keep the newline that ends the blank line's predecessor
    return parts


def _caption(text: str) -> tuple[str, str, str] | None:
    """(label, caption, credit) for a two-line photo caption block, else None."""
    lines = text.split("\n")
    if len(lines) != 2:
        return None
    label, second = lines[0].strip(), lines[1].strip()
    match = _PAREN_CREDIT.match(second)
    if not label or match is None or len(label) > 80 or label.endswith((".", ":", "”", '"')):
        return None
    return label, match.group("text"), match.group("credit").strip()


def _boilerplate_start(parts: list[tuple[str, int]]) -> int:
    """Index of the first block of a press-release tail ("Learn more…", URL, "-end-", contacts)."""
    for index, (text, _) in enumerate(parts):
        if text.strip().lower() in ("-end-", "- end -", "###", "-30-"):
            start = index
            while start > 0 and (
                _BARE_URL.match(parts[start - 1][0])
                or parts[start - 1][0].lstrip().lower().startswith("learn more")
            ):
                start -= 1
            return start
    return len(parts)


def read_text(seed: SeedText, slug: str) -> Article:
    """Decoded seed → Article (pure: no disk access)."""
    meta, body, body_line = split_front_matter(seed)
    published = _published(seed.path, meta.get("published"))
    parts = _raw_blocks(body, body_line)
    title = str(meta["title"]).strip() if meta.get("title") else ""

    blocks: list[Block] = []
    lead_caption: tuple[str, str, int] | None = None
    if parts:
        first_text, first_line = parts[0]
        first_lines = first_text.split("\n")
        heading = _MD_HEADING.match(first_lines[0])
        if heading and len(first_lines) == 1:
            # A Markdown "# Headline" line is the title, not a block of the story.
            title = title or heading.group("title")
            parts = parts[1:]
        elif (
            len(first_lines) > 1
            and first_lines[1][:1].isspace()
            and not first_lines[0].rstrip().endswith((".", "”", '"', ","))
        ):
            # Wire style: a headline line, then an indented lead photo caption with its credit.
            title = title or first_lines[0].strip()
            caption = " ".join(line.strip() for line in first_lines[1:])
            credited = _CREDITS_TAIL.match(caption) or _SLASH_CREDIT.match(caption)
            if credited:
                lead_caption = (credited.group("text"), credited.group("credit"), first_line + 1)
            else:
                lead_caption = (caption, "", first_line + 1)
            parts = parts[1:]
    if not title:
        title = _first_sentence(parts[0][0]) if parts else ""
    if not title:
        raise GeneratorError(seed.path, "has no article text (it is empty or only whitespace)")

    if lead_caption is not None:
        text, credit, line = lead_caption
        blocks.append(Block("b1", "caption", text, line, credit=credit or None))
    tail = _boilerplate_start(parts)
    for index, (text, line) in enumerate(parts):
        block_id = f"b{len(blocks) + 1}"
        caption_parts = _caption(text)
        if index >= tail:
            blocks.append(Block(block_id, "boilerplate", text, line))
        elif caption_parts:
            label, caption_text, credit = caption_parts
            blocks.append(Block(block_id, "caption", caption_text, line, label, credit))
        else:
            blocks.append(Block(block_id, "paragraph", text, line))

    description = str(meta["description"]).strip() if meta.get("description") else None
    return Article(
        slug=slug,
        title=title,
        published=published,
        path=seed.path,
        blocks=tuple(blocks),
        description=description,
    )


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = re.match(r"(.{20,}?[.!?])(\s|$)", flat)
    return (match.group(1) if match else flat)[:160]


def read_seed(path: Path, display: str | None = None) -> Article:
    """Read one seed file from disk (the only disk access of this stage)."""
    shown = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GeneratorError(shown, f"cannot be read ({exc.strerror})") from None
    seed = decode_seed(shown, data)
    meta, _, _ = split_front_matter(seed)
    return read_text(seed, slug_for(path, meta.get("slug")))


def is_seed_file(path: Path) -> bool:
    """Seeds are .md/.markdown/.txt files; corrections files and hidden files are not."""
    name = path.name
    return (
        path.is_file()
        and not name.startswith(".")
        and name.endswith(SEED_SUFFIXES)
        and ".corrections." not in name
        and name.lower() not in ("readme.md", "readme.txt")
    )
