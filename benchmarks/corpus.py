"""N-article seed sets for the benchmarks, made from the project's seed and the test articles.

Article 0 is the first source unchanged (so a 1-article set is the real seed site). Every later
article is a copy of one source (round robin) given its own slug, title and published date in
front matter, so the generator sees N distinct articles with N pages. The first round of copies
keeps the sources' text (their people merge across articles, as in a real story); from the
second round on, each copy's people get surnames of their own (a real given name made a
surname, the same for every mention, "Mr Shkaplerov" too), so the People page grows with the
site as it does when a thousand reports name thousands of people.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = REPO / "seeds"
DEFAULT_ARTICLES = REPO / "tests" / "fixtures" / "articles"
# Articles without a `published:` date count their dates from here.
FALLBACK_DATE = dt.date(2021, 10, 5)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?)\n---[ \t]*\n?", re.S)
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Source:
    """One article the corpus is copied from: its body, title, date and slug."""

    name: str  # file stem, e.g. "first-film-in-orbit"
    title: str
    published: dt.date | None
    body: str  # the text after any front matter, line endings normalised to \n
    meta: dict[str, object]  # the front matter, minus title/published/slug
    surnames: tuple[str, ...] = ()  # of the people the generator finds in it (copies rename)


@dataclass(frozen=True)
class CorpusArticle:
    """One article of a generated set, as it is written to seeds/."""

    file_name: str
    slug: str
    title: str
    published: dt.date
    text: str


def _slug(text: str) -> str:
    return _SLUG_JUNK.sub("-", text.lower()).strip("-") or "article"


def parse_source(path: Path) -> Source:
    """A seed or plain-text article → Source. Without front matter the first line is the title."""
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, object] = {}
    body = text
    match = _FRONT_MATTER.match(text)
    if match:
        loaded = yaml.safe_load(match.group("meta")) or {}
        if not isinstance(loaded, dict):
            raise ValueError(f"{path}: front matter is not a mapping")
        meta = {str(k): v for k, v in loaded.items()}
        body = text[match.end() :]
    title = str(meta.pop("title", "") or "").strip()
    if not title:
        first = next((line for line in body.split("\n") if line.strip()), "")
        title = first.strip().lstrip("#").strip() or path.stem
    published = meta.pop("published", None)
    if isinstance(published, dt.datetime):
        published = published.date()
    elif isinstance(published, str):
        published = dt.date.fromisoformat(published.strip())
    if published is not None and not isinstance(published, dt.date):
        raise ValueError(f"{path}: 'published' is not a date")
    meta.pop("slug", None)
    return Source(path.stem, title, published, body, meta, _surnames(path, text))


def _surnames(path: Path, text: str) -> tuple[str, ...]:
    """The last word of the name of every person the generator finds in the article."""
    from generator.analyse import analyse
    from generator.read import decode_seed, read_text, slug_for, split_front_matter

    seed = decode_seed(str(path), text.encode("utf-8"))
    meta, _, _ = split_front_matter(seed)
    facts = analyse(read_text(seed, slug_for(path, meta.get("slug"))))
    return tuple(dict.fromkeys(p.name.split()[-1] for p in facts.people))


_ENDINGS = ("son", "sen", "berg", "ström", "ez", "ini", "ov", "ard")


@cache
def _names() -> tuple[str, ...]:
    lines = (REPO / "generator" / "data" / "given_names.txt").read_text(encoding="utf-8")
    return tuple(
        n
        for n in lines.splitlines()
        if n.isascii() and n.isalpha() and n[0].isupper() and len(n) > 4
    )


def renamed(body: str, surnames: Sequence[str], index: int) -> str:
    """`body` with each of `surnames` (whole words) replaced by one of copy `index`'s own."""
    if not surnames:
        return body
    names = _names()
    new = {}
    for old in surnames:
        key = zlib.crc32(f"{index}:{old}".encode())
        new[old] = names[key % len(names)] + _ENDINGS[key // len(names) % len(_ENDINGS)]
    pattern = re.compile(
        r"(?<![\w’'-])(?:"
        + "|".join(re.escape(o) for o in sorted(new, key=len, reverse=True))
        + r")(?![\w-])"
    )
    return pattern.sub(lambda m: new[m.group(0)], body)


def default_sources(
    seeds: Path = DEFAULT_SEEDS, articles: Path = DEFAULT_ARTICLES
) -> tuple[Source, ...]:
    """The project's seeds (sorted), then the test corpus articles (sorted)."""
    paths = sorted(p for p in seeds.glob("*.md") if ".corrections." not in p.name)
    paths += sorted(articles.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed articles in {seeds} or {articles}")
    return tuple(parse_source(p) for p in paths)


def _front_matter(meta: dict[str, object]) -> str:
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{dumped}---\n"


def corpus_article(sources: Sequence[Source], index: int) -> CorpusArticle:
    """Article number `index` (0-based) of any set built from `sources`."""
    if not sources:
        raise ValueError("at least one source article is needed")
    if index < 0:
        raise ValueError("index must be >= 0")
    source = sources[index % len(sources)]
    base_date = sources[0].published or FALLBACK_DATE
    if index == 0:
        slug, title, published = source.name, source.title, base_date
    else:
        slug = f"{_slug(source.name)}-{index:04d}"
        title = f"{source.title} (report {index})"
        published = base_date + dt.timedelta(days=index)
    meta: dict[str, object] = {"title": title, "published": published, "slug": slug}
    meta.update(source.meta)
    body = source.body if source.body.endswith("\n") else source.body + "\n"
    if index >= len(sources):
        body = renamed(body, source.surnames, index)
    return CorpusArticle(f"{slug}.md", slug, title, published, _front_matter(meta) + body)


def corpus(sources: Sequence[Source], size: int) -> tuple[CorpusArticle, ...]:
    """The first `size` articles: distinct file names, slugs, titles and dates."""
    if size < 1:
        raise ValueError("a corpus has at least one article")
    return tuple(corpus_article(sources, i) for i in range(size))


def write_corpus(dest: Path, size: int, sources: Sequence[Source] | None = None) -> list[Path]:
    """Write a `size`-article seeds/ folder at `dest` (created; must hold no seed yet)."""
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.glob("*.md")):
        raise FileExistsError(f"{dest} already holds seed files")
    written: list[Path] = []
    for article in corpus(sources if sources is not None else default_sources(), size):
        path = dest / article.file_name
        path.write_text(article.text, encoding="utf-8")
        written.append(path)
    return written
