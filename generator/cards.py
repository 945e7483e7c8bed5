"""Share cards: one 1200×630 PNG per page, for `og:image`, drawn at build time with Pillow.

The font is the one Pillow ships (ImageFont.load_default), so nothing is fetched and every
machine draws the same pixels. A card is two colours (the theme's indigo and white, with the
anti-aliased shades between them) stored as a palette PNG: small, fast to encode, and with no
metadata or time stamp, so the same page always gives the same bytes.
"""

from __future__ import annotations

import io
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow (and the executors) are imported when a card is drawn: most builds
    # take their cards from the media cache
    from concurrent.futures import Executor, Future

    from PIL import Image
    from PIL.ImageFont import FreeTypeFont as Font

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = (0x28, 0x35, 0x93)  # the theme colour (mkdocs.yml primary: indigo 800)
FOREGROUND = (0xFF, 0xFF, 0xFF)
CARD_DIR = "images/cards"
TITLE_SIZES = (72, 60, 50)  # the largest that fits in MAX_TITLE_LINES lines
MAX_TITLE_LINES = 4


def card_path(page_path: str) -> str:
    """docs path of a page's card: "articles/x.md" → "images/cards/articles/x.png"."""
    stem = page_path[: -len(".md")] if page_path.endswith(".md") else page_path
    return f"{CARD_DIR}/{stem}.png"


@cache
def _font(size: int) -> Font:
    from PIL import ImageFont

    font = ImageFont.load_default(size=size)  # Pillow's bundled font (needs FreeType)
    assert isinstance(font, ImageFont.FreeTypeFont)
    return font


@cache
def _palette() -> list[int]:
    """Index i = the background blended i/255 of the way to the foreground."""
    values: list[int] = []
    for i in range(256):
        values += [
            round(b + (f - b) * i / 255) for b, f in zip(BACKGROUND, FOREGROUND, strict=True)
        ]
    return values


@lru_cache(maxsize=16384)
def _length(font: Font, text: str) -> float:
    """font.getlength(text), once per text: the cards of a site measure the same words, kickers
    and site name again and again (at 100 articles 4,546 measures of 1,003 texts)."""
    return font.getlength(text)


def _wrap(text: str, font: Font, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        while _length(font, word) > width:  # a word longer than a line: cut it
            cut = len(word)
            while cut > 1 and _length(font, word[:cut]) > width:
                cut -= 1
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        trial = f"{current} {word}".strip()
        if _length(font, trial) <= width:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _fit_title(title: str, width: int) -> tuple[Font, list[str]]:
    for size in TITLE_SIZES:
        font = _font(size)
        lines = _wrap(title, font, width)
        if len(lines) <= MAX_TITLE_LINES:
            return font, lines
    lines = lines[:MAX_TITLE_LINES]
    last = lines[-1]
    while last and _length(font, last + " …") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last + " …"
    return font, lines


@lru_cache(maxsize=4096)
def render_card(site_name: str, title: str, kicker: str) -> bytes:
    """The PNG bytes of one card: site name on top, the page title, a kicker line below."""
    return encode_card(draw_card(site_name, title, kicker))


@lru_cache(maxsize=8)
def _heading(site_name: str) -> Image.Image:
    """A card's first strokes, the same on every card of a site: the site name and the rule
    under it (each card starts from a copy: the same drawing operations in the same order)."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    draw.text(
        (MARGIN, MARGIN), _one_line(site_name, _font(40), text_width), font=_font(40), fill=215
    )
    draw.rectangle((MARGIN, MARGIN + 66, MARGIN + 120, MARGIN + 72), fill=255)
    return image


def draw_card(site_name: str, title: str, kicker: str) -> Image.Image:
    """The card as a grey-level image (encode_card turns it into the PNG)."""
    from PIL import ImageDraw

    title = " ".join(title.split()) or site_name
    image = _heading(site_name).copy()
    draw = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    font, lines = _fit_title(title, text_width)
    size = font.size
    y = MARGIN + 110
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=255)
        y += round(size * 1.22)
    if kicker:
        small = _font(34)
        draw.text(
            (MARGIN, HEIGHT - MARGIN - 34),
            _one_line(kicker, small, text_width),
            font=small,
            fill=200,
        )
    return image


def encode_card(image: Image.Image) -> bytes:
    """PNG bytes of a drawn card, which becomes a palette image (Pillow releases the GIL while
    zlib works)."""
    image.putpalette(_palette())  # L → P: the grey levels become shades of the theme colour
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=1)
    return out.getvalue()


# From this many cards to draw, with fork available, they are drawn in worker processes (a
# card takes ~5 ms; starting a forked worker ~20 ms).
PROCESS_THRESHOLD = 48


def _render_cards(requests: list[tuple[str, str, str]]) -> list[bytes]:
    return [render_card(*request) for request in requests]


class CardBatch:
    """The cards of one build, in order, with the bytes render_card gives, made while the build
    goes on (it renders the pages meanwhile): add() and add_bytes() every card, start(), then
    results() once, also when the build fails (it stops the workers).

    With `workers` ≥ 2, at least PROCESS_THRESHOLD cards to draw and fork available (see
    pool.start_method), they are drawn in forked worker processes, in chunks. Otherwise each is
    drawn in the calling thread (so the fonts are used by one thread only) and PNG-encoded in one
    background thread, which overlaps with the page rendering because zlib runs without the GIL.
    """

    def __init__(self, workers: int = 1) -> None:
        self._workers = workers
        self._items: list[bytes | tuple[str, str, str]] = []
        self._pool: Executor | None = None
        self._encoded: list[Future[bytes]] = []
        self._chunks: list[Future[list[bytes]]] = []

    def add(self, site_name: str, title: str, kicker: str) -> None:
        self._items.append((site_name, title, kicker))

    def add_bytes(self, data: bytes) -> None:
        self._items.append(data)

    def start(self) -> None:
        from .pool import start_method

        requests = [item for item in self._items if isinstance(item, tuple)]
        if not requests:
            return
        from concurrent.futures import ThreadPoolExecutor

        if self._workers >= 2 and len(requests) >= PROCESS_THRESHOLD and start_method() == "fork":
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor  # imports multiprocessing

            count = min(self._workers, len(requests))
            self._pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))
            size = max(1, -(-len(requests) // (count * 4)))
            self._chunks = [
                self._pool.submit(_render_cards, requests[i : i + size])
                for i in range(0, len(requests), size)
            ]
            return
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cards")
        for request in requests:
            self._encoded.append(self._pool.submit(encode_card, draw_card(*request)))

    def results(self) -> list[bytes]:
        try:
            made = iter(
                [data for chunk in self._chunks for data in chunk.result()]
                if self._chunks
                else [future.result() for future in self._encoded]
            )
            return [item if isinstance(item, bytes) else next(made) for item in self._items]
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None


def _one_line(text: str, font: Font, width: int) -> str:
    lines = _wrap(" ".join(text.split()), font, width)
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return lines[0] + " …"
