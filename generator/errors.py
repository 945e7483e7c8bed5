"""The one error type users see: a single line naming the file (and line) and the problem."""

from __future__ import annotations

import reprlib

# What an error message shows of a value the user wrote: enough to recognise it, never a whole
# article (or an alias bomb's expansion), never a raw control character.
SHOWN_CHARS = 80
# Whatever a message is built from, the line printed stays readable.
MAX_MESSAGE_CHARS = 600

_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxlist = _REPR.maxdict = _REPR.maxtuple = _REPR.maxset = 6
_REPR.maxstring = _REPR.maxother = SHOWN_CHARS


def _escape_char(char: str) -> str:
    code = ord(char)
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape_controls(text: str) -> str:
    """Text safe to print on one terminal line: every character that is not printable (controls,
    line and paragraph separators, format characters such as bidi overrides, surrogates,
    noncharacters) shown as a Python-style escape (\\n, \\x1b, \\u202e, \\ufffe)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape_char(c) for c in text)


def cut(value: object, limit: int = SHOWN_CHARS) -> str:
    """A user's value as an error message shows it: at most `limit` characters, escaped.

    Strings are cut before anything else is done with them; other values go through a bounded
    repr (a list nested a thousand deep or aliased a billion times costs nothing to show)."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, int | float | bool) or value is None:
        text = str(value)
    else:
        text = _REPR.repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return escape_controls(text)


class GeneratorError(Exception):
    """A problem with the user's input or files, reported as one line, never a traceback."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        if len(text) > MAX_MESSAGE_CHARS:
            text = text[: MAX_MESSAGE_CHARS - 1] + "…"
        return escape_controls(text)
