"""Seed file → Article: decoding, front matter, blocks and photo captions.

Accepted encodings: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
mark. Anything else is refused with a one-line error, since guessing a legacy code page would
silently turn an article into mojibake. Line endings may be LF, CRLF or CR. Control characters
(other than tab, line breaks and form feed) are refused too: no article needs them, and
Python-Markdown silently drops STX/ETX, which it uses as its own placeholder markers.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii
from frontmatter.default_handlers import YAMLHandler

from .errors import GeneratorError, cut
from .errors import escape_controls as escape
from .model import Article, Block
from .photos import SUFFIXES as PHOTO_SUFFIXES
from .photos import photo_refs
from .provenance import provenance
from .safe_yaml import (
    check_strings,
    check_structure,
    describe,
    forbidden_character,
    refuse_duplicate_keys,
    yaml_error,
)

SEED_SUFFIXES = (".md", ".markdown", ".txt")  # in any case: X.MD is a seed too
# Slugs whose article page would take the name of a page the generator writes itself.
RESERVED_SLUGS = frozenset({"index"})

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

# A news article is tens of kilobytes; a seed this big is the wrong file (or a whole archive),
# and would bloat every page it feeds. Checked before the file is read.
MAX_SEED_BYTES = 1_000_000
# Front matter is a few short fields.
MAX_FRONT_MATTER_CHARS = 64_000
# Work per sentence and per block must stay bounded whatever the text: no news article has a
# 20,000-character sentence (that is a text without sentence ends) or 20,000 paragraphs.
MAX_SENTENCE_CHARS = 20_000
MAX_BLOCKS = 20_000
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*\s")


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so a bad `published` gets our message, not a crash.

    (SafeLoader turns 2021-13-45 into a ValueError deep inside its timestamp constructor.)
    A key written twice is refused (`path` is set per document, for the message).
    """

    path = "?"

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        refuse_duplicate_keys(self, node, self.path, 2)
        return super().construct_mapping(node, deep=deep)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class SeedText:
    """A decoded seed: its text with line endings normalised to \\n."""

    path: str
    text: str


def decode_seed(path: str, data: bytes) -> SeedText:
    """Bytes → text, or a one-line GeneratorError saying why not."""
    if len(data) > MAX_SEED_BYTES:
        raise GeneratorError(
            path,
            f"is {len(data) / 1_000_000:.1f} MB; a seed holds one news article, at most "
            f"{MAX_SEED_BYTES // 1_000_000} MB (is it the right file?)",
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise GeneratorError(path, f"is not valid UTF-16 text ({exc.reason})") from None
    else:
        if b"\x00" in data:
            raise GeneratorError(path, _nul_problem(data))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise GeneratorError(
                path,
                f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8 "
                "(or UTF-16 with a byte-order mark) and build again",
                line,
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise GeneratorError(path, "is a binary file, not text (it contains NUL characters)")
    control = forbidden_character(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise GeneratorError(
            path,
            f"contains {describe(control.group())}, which no article needs; remove it and "
            "build again",
            line,
        )
    return SeedText(path, text)


def _nul_problem(data: bytes) -> str:
    """Why NUL bytes are there: UTF-16 without its byte-order mark, or a binary file."""
    sample = data[:4096]
    odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
    if max(odd_nuls, even_nuls) > len(sample) // 4 and min(odd_nuls, even_nuls) == 0:
        return (
            "looks like UTF-16 text without a byte-order mark; save it as UTF-8 "
            "(or UTF-16 with a byte-order mark) and build again"
        )
    return "is a binary file, not text (it contains NUL bytes)"


def slugify(name: str) -> str:
    """A URL-safe slug: ASCII letters, digits and hyphens ('' when nothing is left)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def name_id(name: str) -> str:
    """A readable, stable id for a name in any script: the slug of its ASCII transliteration
    (anyascii), apostrophes dropped ("Loral O’Hara" → loral-ohara, "Дмитрий Песков" →
    dmitriy-peskov). Never empty: a name with nothing to transliterate gets a hash."""
    plain = anyascii(re.sub(r"[’'‘`ʼ]", "", name)).replace("'", "")
    return slugify(plain) or "name-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def slug_for(path: Path, meta_slug: object = None) -> str:
    """The article's slug: front matter `slug`, else the file name; never empty."""
    base = str(meta_slug) if meta_slug else path.stem
    slug = slugify(base)
    if not slug:
        # Names in other scripts (e.g. Cyrillic) keep a stable, distinct slug.
        slug = "article-" + hashlib.sha1(base.encode("utf-8")).hexdigest()[:10]
    return slug


@dataclass(frozen=True)
class FrontMatter:
    """A seed's front matter: its values, and the file line of each top-level key."""

    values: dict[str, object]
    lines: dict[str, int]

    def get(self, key: str) -> object:
        return self.values.get(key)

    def text(self, path: str, key: str) -> str | None:
        """A text value (title, description, slug), or None; lists and mappings are refused."""
        value = self.values.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dict | list):
            raise GeneratorError(
                path,
                f"'{key}' must be a single line of text, not a list or mapping",
                self.lines.get(key),
            )
        return str(value).strip() or None


def split_front_matter(seed: SeedText) -> tuple[FrontMatter, str, int]:
    """→ (front matter, body, line number of the body's first line)."""
    text = seed.text
    if not (text.startswith("---\n") or text.rstrip(" \t") == "---"):
        return FrontMatter({}, {}), text, 1
    closing = _FM_BOUNDARY.search(text, 4)
    if closing is None:
        raise GeneratorError(seed.path, "front matter opened with '---' is never closed", 1)
    fm_text = text[4 : closing.start()]
    if len(fm_text) > MAX_FRONT_MATTER_CHARS:
        raise GeneratorError(
            seed.path,
            f"front matter is {len(fm_text) // 1000} KB; it holds a few short fields (at most "
            f"{MAX_FRONT_MATTER_CHARS // 1000} KB): is a closing '---' missing?",
            1,
        )
    # Anchors, aliases and deep nesting are refused before anything is built from them.
    check_structure(fm_text, seed.path, 2, "front matter")
    loader_class = type("_Loader", (_FrontMatterLoader,), {"path": seed.path})
    try:
        # python-frontmatter's YAML handler, with a SafeLoader that keeps dates as text.
        loaded = YAMLHandler().load(fm_text, Loader=loader_class)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, seed.path, 2, "malformed front matter") from None
    except RecursionError:  # kept as a last resort; check_structure bounds the depth
        raise GeneratorError(seed.path, "malformed front matter: nested too deeply", 2) from None
    except ValueError:  # e.g. a 50,000-digit number (Python refuses to convert it)
        raise GeneratorError(
            seed.path, "malformed front matter: a number too long to read", 2
        ) from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise GeneratorError(seed.path, "front matter must be a mapping of keys to values", 2)
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    body_line = text.count("\n", 0, body_start) + 1
    lines: dict[str, int] = {}
    for number, line_text in enumerate(fm_text.split("\n"), start=2):
        key = re.match(r"([^\s:#][^:]*?)\s*:(\s|$)", line_text)
        if key is not None:
            lines.setdefault(key.group(1).strip("'\""), number)
    values: dict[str, object] = {}
    for k, v in loaded.items():
        if not isinstance(k, str | int | float | bool):
            raise GeneratorError(seed.path, f"front matter key {cut(k)} is not a name", 2)
        values[str(k)] = v
    for name, value in values.items():
        check_strings([name, value], seed.path, lines.get(name), f"'{cut(name, 40)}'")
    return FrontMatter(values, lines), text[body_start:], body_line


def _published(path: str, meta: FrontMatter) -> dt.date | None:
    value = meta.get("published")
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        raw = value.strip()
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
        try:  # a full timestamp such as 2021-10-05T08:55:00Z: its date is what we show
            return dt.datetime.fromisoformat(raw).date()
        except ValueError:
            pass
    raise GeneratorError(
        path,
        f"'published: {cut(value)}' is not a date (write it as YYYY-MM-DD)",
        meta.lines.get("published"),
    )


def _raw_blocks(body: str, first_line: int) -> list[tuple[str, int]]:
    """Blank-line-separated parts of the body, with the file line each starts on."""
    parts: list[tuple[str, int]] = []
    pos = 0
    line = first_line  # the file line of body[pos]; counted as we go (a 1 MB body stays fast)
    for match in [*_BLANK_LINE.finditer(body), None]:
        end = match.start() if match else len(body)
        chunk = body[pos:end]
        stripped = chunk.strip("\n")
        if stripped.strip():
            lead = len(chunk) - len(chunk.lstrip("\n"))
            parts.append((stripped, line + lead))
        if match:
            new_pos = match.end() - 1  # keep the newline that ends the blank line's predecessor
            line += body.count("\n", pos, new_pos)
            pos = new_pos
    return parts


def _check_shape(path: str, parts: list[tuple[str, int]]) -> None:
    """Refuse what no article is (a sentence that never ends, thousands of paragraphs), so that
    every later stage does bounded work per sentence and per block."""
    if len(parts) > MAX_BLOCKS:
        raise GeneratorError(
            path,
            f"has {len(parts):,} paragraphs; a news article has at most {MAX_BLOCKS:,} "
            "(is it the right file?)",
        )
    for text, line in parts:
        if len(text) <= MAX_SENTENCE_CHARS:
            continue
        start = 0
        for end in [*(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]:
            if end - start > MAX_SENTENCE_CHARS:
                raise GeneratorError(
                    path,
                    f"has a sentence of over {MAX_SENTENCE_CHARS:,} characters (no '.', '!' or '?' "
                    "followed by a space); no article has one: is the text complete?",
                    line + text.count("\n", 0, start),
                )
            start = end


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
    published = _published(seed.path, meta)
    parts = _raw_blocks(body, body_line)
    _check_shape(seed.path, parts)
    title = meta.text(seed.path, "title") or ""
    description = meta.text(seed.path, "description")
    origin = provenance(seed.path, meta)

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

    return Article(
        slug=slug,
        title=title,
        published=published,
        path=seed.path,
        blocks=tuple(blocks),
        description=description,
        source=origin.source,
        outlet=origin.outlet,
        byline=origin.byline,
        photos=photo_refs(seed.path, meta.values, meta.lines.get("photos"), blocks),
    )


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = re.match(r"(.{20,}?[.!?])(\s|$)", flat)
    return (match.group(1) if match else flat)[:160]


def read_file_bounded(
    path: Path, shown: str, *, limit: int, inside: Path, what: str = "seed"
) -> bytes | None:
    """The bytes of a regular file in folder `inside` (None: no such file), read with bounds.

    The size is checked before reading (a 900 MB file costs one stat) and the read itself is
    capped. A symbolic link is followed only when it resolves to a regular file inside `inside`
    (another name for a file kept there, e.g. in a subfolder); one that leaves the folder,
    however it gets there, is refused, so a link to /etc/passwd is never published. FIFOs,
    devices and folders are refused without being opened for reading (a FIFO would hang).
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise GeneratorError(shown, f"cannot be read ({exc.strerror})") from None
    target = path
    if stat.S_ISLNK(info.st_mode):
        folder = inside.resolve()
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise GeneratorError(shown, "is a broken symbolic link") from None
        if folder not in target.parents:
            raise GeneratorError(
                shown,
                f"is a symbolic link to {cut(str(target))}, outside {inside.name}/; a {what} must "
                f"be a file in {inside.name}/ (copy the file in instead of linking it)",
            )
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise GeneratorError(shown, f"cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise GeneratorError(shown, f"is not a regular file, so it is not read as a {what}")
        if opened.st_size > limit:
            raise GeneratorError(shown, _too_big(opened.st_size, limit, what))
        data = handle.read(limit + 1)  # the file may have grown since fstat
    if len(data) > limit:
        raise GeneratorError(shown, _too_big(len(data), limit, what))
    return data


def _too_big(size: int, limit: int, what: str) -> str:
    if what == "seed":
        return (
            f"is {size / 1_000_000:.1f} MB; a seed holds one news article, at most "
            f"{limit // 1_000_000} MB (is it the right file?)"
        )
    return f"is {size / 1000:.0f} KB; a {what} holds at most {limit // 1000} KB"


def read_seed(path: Path, display: str | None = None) -> Article:
    """Read one seed file from disk (the only disk access of this stage)."""
    shown = display or str(path)
    data = read_file_bounded(path, shown, limit=MAX_SEED_BYTES, inside=path.parent)
    if data is None:
        raise GeneratorError(shown, "cannot be read (No such file or directory)")
    return read_seed_bytes(path, data, shown)


def read_seed_bytes(path: Path, data: bytes, display: str | None = None) -> Article:
    """A seed's bytes, already read from `path` → Article (pure: the analysis cache reads each
    seed once, hashes those bytes and analyses exactly them)."""
    shown = display or str(path)
    seed = decode_seed(shown, data)
    meta, _, _ = split_front_matter(seed)
    slug = slug_for(path, meta.text(shown, "slug"))
    if slug in RESERVED_SLUGS:
        from_meta = meta.text(shown, "slug") is not None
        raise GeneratorError(
            shown,
            f"would be published as the list of all articles (its slug is '{slug}', a name the "
            "generator keeps for that page); "
            + ("choose another `slug:`" if from_meta else "rename the file or give it a `slug:`"),
            meta.lines.get("slug") if from_meta else None,
        )
    return read_text(seed, slug)


CORRECTIONS_SUFFIX = ".corrections.yml"
_IGNORED_NAMES = ("readme.md", "readme.txt", "readme.markdown", "readme")


def is_seed_file(path: Path) -> bool:
    """Seeds are .md/.markdown/.txt files (any case); corrections files and hidden files are not.

    Symbolic links count (read_seed decides whether to follow them); FIFOs and the like count
    too, so that they are refused with a message instead of skipped."""
    return _is_seed_name(path.name) and not path.is_dir()


def _is_seed_name(name: str) -> bool:
    return (
        not _ignored(name) and name.lower().endswith(SEED_SUFFIXES) and ".corrections." not in name
    )


def _ignored(name: str) -> bool:
    """Hidden files, editor backups and READMEs: never an article, never worth a warning."""
    return name.startswith((".", "#")) or name.endswith("~") or name.lower() in _IGNORED_NAMES


@dataclass(frozen=True)
class SeedFolder:
    """What seeds/ holds: seeds (sorted by name), and what is there but not read."""

    seeds: tuple[Path, ...]
    warnings: tuple[str, ...]
    names: frozenset[str] = frozenset()  # every entry's name (a corrections file is one)


def scan_seed_folder(folder: Path, shown: str) -> SeedFolder:
    """Seeds of a folder; a corrections file without its seed, or one named so that it would not
    be read, is an error; a photo (read if a seed names it) is neither; any other file that is
    not read is a warning."""
    # (name, is a folder) per entry, from one listing (no stat per file: the file type comes
    # with it on most systems; is_dir() follows links, as Path.is_dir does).
    with os.scandir(folder) as listing:
        entries = sorted(((e.name, e.is_dir()) for e in listing), key=lambda e: e[0])
    seed_names = [n for n, is_dir in entries if not is_dir and _is_seed_name(n)]
    seeds = [folder / n for n in seed_names]
    seed_set = set(seed_names)  # a set: a list would make this loop quadratic
    stems = {_stem(n) for n in seed_names}
    warnings: list[str] = []
    for name, is_dir in entries:
        if name in seed_set or _ignored(name) or is_dir:
            continue
        where = f"{shown}/{name}"
        if name.endswith(CORRECTIONS_SUFFIX):
            stem = name[: -len(CORRECTIONS_SUFFIX)]
            if stem not in stems:
                raise GeneratorError(
                    where,
                    f"is a corrections file for a seed '{cut(stem, 60)}' (.md, .markdown or "
                    ".txt) that does not exist; rename it after its seed, or delete it",
                )
            continue
        lower = name.lower()
        if lower.endswith(PHOTO_SUFFIXES):
            # A photo lives beside its seed (README, Photos): read when a seed's `photos:` names
            # it, never published otherwise, so never worth a warning (a warning fails a strict
            # `mkdocs build`).
            continue
        if lower.endswith((".yml", ".yaml")) or ".correction" in lower:
            stem = re.split(r"\.correction", name, maxsplit=1, flags=re.I)[0]
            stem = stem if stem != name else name.rsplit(".", 1)[0]
            raise GeneratorError(
                where,
                f"is not read: a corrections file must be named '<seed name>{CORRECTIONS_SUFFIX}'"
                f" (here '{cut(stem, 60)}{CORRECTIONS_SUFFIX}')",
            )
        warnings.append(
            f"{where}: is not read: seeds end in .md, .markdown or .txt (rename it, or move it "
            f"out of {shown}/)"
        )
    return SeedFolder(
        tuple(seeds), tuple(escape(w) for w in warnings), frozenset(n for n, _ in entries)
    )


def _stem(name: str) -> str:
    """The name less its suffix, as Path(name).stem (a leading dot is no suffix)."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name
