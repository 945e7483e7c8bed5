"""A timeline (Mission's, the core Timeline page's) as an inline SVG, drawn at build time (no
JavaScript, no CDN).

A vertical axis with one point per dated event: it reads the same on a phone and a wide screen,
and every colour comes from CSS (currentColor and custom properties), so it follows the palette.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Sequence

from markupsafe import Markup

from .compose import TimelineEntry
from .ui import Catalogue, catalogue

WIDTH = 400


def _flat(text: str) -> str:
    return " ".join(text.split())


ROW = 76
TOP = 28
AXIS_X = 22
TEXT_X = 44
CHARS_PER_LINE = 40


def _summary_lines(text: str) -> list[str]:
    lines = textwrap.wrap(_flat(text), CHARS_PER_LINE)
    if len(lines) > 2:
        lines = [lines[0], lines[1].rstrip(" ,.;:") + "…"]
    return lines


def timeline_svg(
    entries: Sequence[TimelineEntry], url: Callable[[str], str], words: Catalogue | None = None
) -> Markup:
    """One line of SVG markup (so Markdown leaves it alone); each point links to its source.
    `words`: the site's language (ui.py; English by default)."""
    words = words or catalogue(None)
    height = TOP + ROW * len(entries)
    parts = [
        # The list below the drawing holds the same events for search and screen readers.
        '<figure class="timeline" data-search-exclude>'
        f'<svg class="timeline__svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="group" '
        f'aria-label="{html.escape(words.message("timeline_label"))}">',
        f'<line class="timeline__axis" x1="{AXIS_X}" y1="8" x2="{AXIS_X}" y2="{height - 8}"/>',
    ]
    for index, entry in enumerate(entries):
        y = TOP + ROW * index
        label = f"{entry.label}: {_flat(entry.text)}"
        parts.append(
            f'<a class="timeline__link" href="{html.escape(url(entry.source.path))}" '
            f'aria-label="{html.escape(label)}">'
            f'<circle class="timeline__point" cx="{AXIS_X}" cy="{y}" r="7"/>'
            f'<text class="timeline__date" x="{TEXT_X}" y="{y + 5}">'
            f"{html.escape(entry.label)}</text>"
        )
        for line_no, line in enumerate(_summary_lines(entry.text)):
            parts.append(
                f'<text class="timeline__label" x="{TEXT_X}" y="{y + 26 + 19 * line_no}">'
                f"{html.escape(line)}</text>"
            )
        parts.append("</a>")
    parts.append(
        '</svg><figcaption class="timeline__caption">'
        f"{html.escape(words.message('timeline_caption'))}</figcaption></figure>"
    )
    return Markup("".join(parts))
