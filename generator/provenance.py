"""Where an article was first published: front matter `source:`, `outlet:` and `byline:`.

The source is an address for readers to follow, never fetched by the generator. Only http and
https addresses are accepted, so a page never links a reader to javascript:, file: or a mail
client by surprise.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Protocol

from .errors import GeneratorError

MAX_URL_LENGTH = 2000
MAX_CREDIT_LENGTH = 200
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
_HOST = re.compile(r"^[^\W_](?:[\w.-]*[^\W_])?$")  # letters (any script), digits, dots, hyphens


class _Meta(Protocol):
    @property
    def lines(self) -> dict[str, int]: ...

    def text(self, path: str, key: str) -> str | None: ...


@dataclass(frozen=True)
class Provenance:
    source: str | None
    outlet: str | None
    byline: str | None


def provenance(path: str, meta: _Meta) -> Provenance:
    """The three fields, checked: a bad value is a one-line error naming the file and line."""
    source = meta.text(path, "source")
    if source is not None:
        problem = url_problem(source)
        if problem:
            raise GeneratorError(
                path, f"'source: {source[:80]}' {problem}", meta.lines.get("source")
            )
    return Provenance(source, _credit(path, meta, "outlet"), _credit(path, meta, "byline"))


def _credit(path: str, meta: _Meta, key: str) -> str | None:
    value = meta.text(path, key)
    if value is None:
        return None
    value = " ".join(value.split())
    if key == "byline":  # "By Jane Roe" as newspapers print it: the page adds its own "By"
        value = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE) or value
    if len(value) > MAX_CREDIT_LENGTH:
        raise GeneratorError(
            path,
            f"'{key}' is {len(value)} characters; at most {MAX_CREDIT_LENGTH}",
            meta.lines.get(key),
        )
    return value


def url_problem(url: str) -> str | None:
    """Why `url` is not a usable http(s) address for a reader, or None when it is."""
    if len(url) > MAX_URL_LENGTH:
        return f"is longer than {MAX_URL_LENGTH} characters"
    if _SPACE_OR_CONTROL.search(url):
        return "contains spaces or control characters (write the address without them)"
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        return "is not a valid web address"
    if parts.scheme.lower() not in ("http", "https"):
        return "must be an http:// or https:// address"
    if not host or not (_HOST.match(host) or ":" in host):
        return "has no valid host name (write it as https://host/path)"
    if "@" in parts.netloc:
        return "must not carry a user name or password"
    return None
