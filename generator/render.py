"""Page models → Markdown files with YAML front matter, through Jinja2 templates.

The article is data, never markup: every piece of article text reaches the page HTML-escaped
inside raw HTML blocks, on a single line, so neither Markdown, its extensions (snippets,
abbreviations, footnotes, attribute lists) nor a browser can read it as anything but text.
Front matter values are HTML-escaped too, because MkDocs' theme templates print them unescaped.
"""

from __future__ import annotations

import html
import marshal
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from types import SimpleNamespace
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import code_cache, ui
from .citations import anchor, flatten
from .citations import spans as sentence_spans
from .compose import Mention, Page, SourceRef
from .model import Block
from .site import load_data
from .timeline import timeline_svg

# With hundreds of articles, a fact or a person is sourced hundreds of times: show a few.
MAX_SOURCES = 3
MAX_MENTION_GROUPS = 10
# Where every person's card is (the core's people page): names on other pages link there.
PEOPLE_PAGE = "people.md"


@cache
def page_url(path: str) -> str:
    """docs-relative Markdown path → site URL path with directory URLs ("crew.md" → "crew/")."""
    path, _, anchor = path.partition("#")
    stem = path[: -len(".md")] if path.endswith(".md") else path
    is_index = stem == "index" or stem.endswith("/index")
    url = stem[: -len("index")] if is_index else stem + "/"
    return url + (f"#{anchor}" if anchor else "")


@cache  # pure, and called for every link of every page
def relative_url(from_page: str, target: str) -> str:
    """The href that leads from one generated page to another page (and anchor)."""
    target_url = page_url(target)
    path, _, anchor = target_url.partition("#")
    base = page_url(from_page)
    rel = "" if path == base else posixpath.relpath(path or ".", base or ".") + "/"
    result = rel + (f"#{anchor}" if anchor else "")
    return result or "./"


@cache
def asset_url(from_page: str, target: str) -> str:
    """The href that leads from a generated page to a file of the site ("feed.xml", an image)."""
    return posixpath.relpath(target, page_url(from_page) or ".")


def cited_text(block: Block, annotate_text: Callable[[str], Markup]) -> Markup:
    """The block's text, one line, each sentence wrapped in a span carrying its anchor."""
    flat = flatten(block.text)
    out: list[str] = []
    pos = 0
    for number, (start, end) in enumerate(sentence_spans(flat), start=1):
        out.append(html.escape(flat[pos:start]))
        out.append(f'<span class="sentence" id="{anchor(block.id, number)}">')
        out.append(annotate_text(flat[start:end]))
        out.append("</span>")
        pos = end
    out.append(html.escape(flat[pos:]))
    return Markup("".join(out))


def one_line(text: str) -> str:
    """Collapse a block's line breaks and runs of white space: HTML shows them as one space."""
    return " ".join(text.split())


@cache
def _glossary() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Tooltips: glossary.yml and every theme set's `glossary` (its kind of story's terms)."""
    from .analyse.themesets import theme_set_files

    raw = dict(load_data("glossary.yml") or {})
    for name in theme_set_files():
        data = load_data(name)
        extra = data.get("glossary") if isinstance(data, dict) else None
        for term, text in (extra if isinstance(extra, dict) else {}).items():
            raw.setdefault(term, text)
    terms = {str(k): str(v) for k, v in raw.items()}
    if not terms:
        return terms, None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return terms, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@cache
def _within_people(page: str) -> str:
    """The URL of a page under the People page's folder, relative to the People page."""
    if not page or page == PEOPLE_PAGE:
        return ""
    base, url = page_url(PEOPLE_PAGE), page_url(page)
    if not url.startswith(base):
        raise ValueError(f"{page} is not under {base}")
    return url[len(base) :]


@cache  # one article's mentions are the same tuple for every text of every page
def _mention_index(
    mentions: tuple[Mention, ...],
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    # alias → the rest of the href after the People page's URL: "#id", or "cards-3/#id" when
    # the card is on a part of People (paging.py keeps those parts under people/).
    by_alias = {m.alias: f"{_within_people(m.page)}#{m.person_id}" for m in mentions}
    if not by_alias:
        return None, by_alias
    alternatives = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])(?:{alternatives})(?![\w-])"), by_alias


def annotate(text: str, mentions: Sequence[Mention], link_prefix: str | None) -> Markup:
    """Escaped text with people's names linked to their card and known terms as <abbr>.

    `link_prefix` is the href of the people page from the current page (None: no links, e.g. on
    the people page itself where the card is right there).
    """
    return _annotate(text, _mentions_key(mentions), link_prefix)


class _MentionsKey:
    """One distinct tuple of mentions, hashed by identity: a cache key that costs nothing to
    hash (hashing the tuple hashed every mention, for every text of every page)."""

    __slots__ = ("mentions",)

    def __init__(self, mentions: tuple[Mention, ...]) -> None:
        self.mentions = mentions


_KEY_LIMIT = 65536
# id(tuple) → (the tuple, its key); the tuple is kept so its id stays its own.
_keys_by_id: dict[int, tuple[tuple[Mention, ...], _MentionsKey]] = {}
_keys: dict[tuple[Mention, ...], _MentionsKey] = {}  # equal mentions share one key


def _mentions_key(mentions: Sequence[Mention]) -> _MentionsKey:
    known = _keys_by_id.get(id(mentions))
    if known is not None and known[0] is mentions:
        return known[1]
    if len(_keys_by_id) >= _KEY_LIMIT:
        _keys_by_id.clear()
    as_tuple = tuple(mentions)
    if as_tuple is not mentions:  # a list may change: keyed by its contents every time
        return _key_of(as_tuple)
    key = _key_of(as_tuple)
    _keys_by_id[id(mentions)] = (as_tuple, key)
    return key


def _key_of(as_tuple: tuple[Mention, ...]) -> _MentionsKey:
    key = _keys.get(as_tuple)
    if key is None:
        if len(_keys) >= _KEY_LIMIT:
            _keys.clear()
            _annotate.cache_clear()
        key = _keys[as_tuple] = _MentionsKey(as_tuple)
    return key


@lru_cache(maxsize=65536)  # a passage appears on its source page and on one or more themed pages
def _annotate(text: str, key: _MentionsKey, link_prefix: str | None) -> Markup:
    flat = one_line(text)
    spans: list[tuple[int, int, str]] = []
    pattern, by_alias = _mention_index(key.mentions)
    if pattern is not None and link_prefix is not None:
        for match in pattern.finditer(flat):
            href = link_prefix + by_alias[match.group(0)]
            spans.append(
                (
                    match.start(),
                    match.end(),
                    f'<a class="mention" href="{html.escape(href)}">'
                    f"{html.escape(match.group(0))}</a>",
                )
            )
    terms, glossary = _glossary()
    if glossary is not None:
        # Mention spans come in order and never overlap: one pointer walks them alongside the
        # glossary matches, so this is linear in the text (a scan of every earlier span per
        # match made a 1 MB paragraph take minutes).
        mention_spans = [(s, e) for s, e, _ in spans]
        at = 0
        for match in glossary.finditer(flat):
            while at < len(mention_spans) and mention_spans[at][1] <= match.start():
                at += 1
            if at < len(mention_spans) and mention_spans[at][0] <= match.start():
                continue  # inside a linked name
            title = html.escape(terms[match.group(0)])
            spans.append(
                (
                    match.start(),
                    match.end(),
                    f'<abbr title="{title}">{html.escape(match.group(0))}</abbr>',
                )
            )
    spans.sort()
    out: list[str] = []
    pos = 0
    for start, end, markup in spans:
        if start < pos:
            continue
        out.append(html.escape(flat[pos:start]))
        out.append(markup)
        pos = end
    out.append(html.escape(flat[pos:]))
    return Markup("".join(out))


def heading_text(text: str) -> Markup:
    """Text safe inside a Markdown heading: Markdown punctuation backslash-escaped, HTML escaped."""
    escaped = html.escape(one_line(text), quote=False)
    # Exactly the characters Python-Markdown unescapes: others would show their backslash.
    return Markup(re.sub(r"([\\`*_{}\[\]()>#+\-.!])", r"\\\1", escaped))


class _TemplateCode(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept between processes in the code cache (code_cache.py),
    by template and source checksum."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = f"{bucket.key}\0{bucket.checksum}"
        raw = code_cache.store("templates").get(key)
        if raw is None:
            return
        try:
            bucket.code = marshal.loads(raw)
        except (EOFError, ValueError, TypeError):  # damaged: compiled again
            code_cache.store("templates").forget(key)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            key = f"{bucket.key}\0{bucket.checksum}"
            code_cache.store("templates").put(key, marshal.dumps(bucket.code))


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        bytecode_cache=_TemplateCode(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["one_line"] = one_line
    env.filters["heading"] = heading_text
    env.filters["first_upper"] = lambda s: s[:1].upper() + s[1:]
    return env


# What a YAML double-quoted scalar escapes: quote and backslash, and all but plain printable
# characters (those YAML forbids in a stream, and U+0085, U+2028, U+2029 that it reads as line
# breaks, and the byte-order mark U+FEFF).
_YAML_ESCAPED = re.compile(
    '["\\\\]|[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]'
)
# What no HTML page can carry: C0 and C1 controls but white space, noncharacters, surrogates.
_NOT_HTML = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p << 16 | 0xFFFE)}{chr(p << 16 | 0xFFFF)}" for p in range(1, 17))
    + "]"
)
# Markdown punctuation, written as character references in front matter values: browsers show
# them as typed, and should MkDocs ever render the front matter as Markdown (it does when the
# YAML does not parse), no link, image, attribute list or code span can form.
_MARKDOWN_PUNCTUATION = str.maketrans({c: f"&#{ord(c)};" for c in "[]{}`*_\\"})


def _yaml_escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in '"\\':
        return "\\" + char
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar that both PyYAML and libyaml (MkDocs' parser) read back as
    exactly `value`, on one line, with nothing YAML forbids in a stream: everything but plain
    printable characters is a YAML escape. Characters no HTML page can carry (controls,
    noncharacters, lone surrogates) never get here from a seed (read.py refuses them); should one
    come from elsewhere, it is written as U+FFFD."""
    value = _NOT_HTML.sub("\ufffd", value)
    return '"' + _YAML_ESCAPED.sub(_yaml_escape, value) + '"'


def front_matter_text(value: str) -> str:
    """A front matter value: one line, HTML-escaped (MkDocs' templates print it as it is) and
    with Markdown punctuation as character references."""
    return html.escape(one_line(value)).translate(_MARKDOWN_PUNCTUATION)


def front_matter(page: Page, extra: Mapping[str, str] | None = None) -> str:
    """`extra`: more keys, values already made safe for the head (share.py: card, card_alt,
    jsonld)."""
    lines = [
        "---",
        f"title: {yaml_string(front_matter_text(page.title))}",
        f"description: {yaml_string(front_matter_text(page.description))}",
    ]
    if page.search_boost is not None:
        lines += ["search:", f"  boost: {page.search_boost}"]
    lines += [f"{key}: {yaml_string(value)}" for key, value in (extra or {}).items()]
    return "\n".join([*lines, "---", ""])


# A catalogue's messages that take no value, as markup, by the catalogue's identity (the entry
# holds it): the templates read them as `t.role`, an attribute, not a call per card.
_FIXED: dict[int, tuple[ui.Catalogue, SimpleNamespace]] = {}


def _fixed_words(words: ui.Catalogue) -> SimpleNamespace:
    found = _FIXED.get(id(words))
    if found is None or found[0] is not words:
        fixed = {
            key: Markup(words.escaped_form(key))
            for key, value in words.messages.items()
            if isinstance(value, str) and not re.search(r"\{\w+\}", value)
        }
        found = _FIXED[id(words)] = (words, SimpleNamespace(**fixed))
    return found[1]


def render_page(page: Page, extra: Mapping[str, str] | None = None) -> str:
    """One page model → the full text of its Markdown file."""
    template = _environment().get_template(page.template)
    site = page.context.get("site")
    words = ui.catalogue(getattr(site, "language", None))

    def say(key: str, count: int | None = None, **values: object) -> Markup:
        """A message of the site's language: its text escaped, each value escaped unless it is
        markup already (a link the template made)."""
        text = words.escaped_form(key, count)
        if count is not None:
            values = {"n": count, **values}
        if not values:
            return Markup(text)
        # What Markup.format does (a value escaped unless it is Markup), without its formatter.
        safe = {k: v if isinstance(v, Markup) else escape(v) for k, v in values.items()}
        return Markup(text.format(**safe))

    def source_label(ref: SourceRef) -> str:
        return ref.label_in(words)

    def source_text(ref: SourceRef) -> Markup:
        """ "Source: paragraph 4, sentence 2": one call for the commonest message of a page."""
        return Markup(words.escaped_form("source").format(label=escape(ref.label_in(words))))

    def url(target: str) -> str:
        return relative_url(page.path, target)

    def asset(target: str) -> str:
        return asset_url(page.path, target)

    def text(value: str, slug: str | None = None, link: bool = True) -> Markup:
        mentions = page.context["mentions"].get(slug, ()) if slug else ()
        # Every name leads to the person's card on the People page (not from that page itself).
        linked = link and page.context["has_people"] and page.path != PEOPLE_PAGE
        return annotate(value, mentions, url(PEOPLE_PAGE) if linked else None)

    def sentences(block: Block, slug: str) -> Markup:
        """A source block's text with each sentence in <span id="b7-s2"> (citations.py)."""
        return cited_text(block, lambda value: text(value, slug))

    def timeline(entries: Sequence[Any]) -> Markup:
        return timeline_svg(entries, url, words)

    homes: dict[str, str] | None = None

    def person_url(person_id: str) -> str:
        """The link to a person's card: on People, or on the part of People that holds it."""
        nonlocal homes
        if homes is None:
            homes = {
                m.person_id: m.page
                for found in page.context.get("mentions", {}).values()
                for m in found
                if m.page
            }
        return url(f"{homes.get(person_id) or PEOPLE_PAGE}#{person_id}")

    body = template.render(
        page=page,
        url=url,
        asset=asset,
        text=text,
        sentences=sentences,
        timeline_svg=timeline,
        people_page=PEOPLE_PAGE,
        person_url=person_url,
        max_sources=MAX_SOURCES,
        max_groups=MAX_MENTION_GROUPS,
        ui=say,
        t=_fixed_words(words),
        ui_text=words.text,
        source_label=source_label,
        source_text=source_text,
        **{"photos": {}, **page.context},
    )
    while "\n\n\n" in body:  # runs of blank lines → one (as re.sub(r"\n{3,}", "\n\n"), faster)
        body = body.replace("\n\n\n", "\n\n")
    body = body.strip("\n") + "\n"
    return front_matter(page, extra) + "\n" + body
