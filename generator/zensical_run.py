"""`zensical serve` with its anchor scan remembered: `python -m generator.zensical_run serve …`.

What `make serve-zensical` runs beside the generator's watcher. Zensical 0.0.73 rebuilds every
page's template after any change, and for link validation it scans the HTML of *every* page
for its anchors again (`zensical.collectors.anchors`, a Python regular expression, called from
its Rust core once per page per rebuild): at 100 articles 152 pages, ~4.6 M characters, about
0.13 s of CPU of each edit's ~0.3 s, ten times that at 1,000 articles, although only the
edited pages' HTML is new. Here that scan is remembered by the digest of the HTML it was given
(a page whose HTML is unchanged has the same anchors: the scan is a function of its text), so
each rebuild scans only the pages whose HTML changed. Nothing else of Zensical is touched; if
its layout is not the one expected (another version), it runs unchanged.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import cast

Scan = Callable[[str], Iterable[str]]
# Remembered scans, at most: ~1.5 pages' worth of entries per page of a 10,000-page site; an
# entry is a 16-byte digest and the page's anchor ids (no HTML is kept).
MAX_ENTRIES = 16_384


class AnchorMemo:
    """`scan` (html → anchor ids) remembered by the BLAKE2b-128 digest of the HTML; least
    recently used entries go past `limit`. Thread-safe (Zensical calls it from its workers)."""

    def __init__(self, scan: Scan, limit: int = MAX_ENTRIES) -> None:
        self._scan = scan
        self._limit = limit
        self._seen: OrderedDict[bytes, tuple[str, ...]] = OrderedDict()
        self._lock = threading.Lock()
        self.scans = 0  # calls that ran `scan` (the others were remembered)

    def __call__(self, html: str) -> Iterator[str]:
        key = hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        with self._lock:
            found = self._seen.get(key)
            if found is not None:
                self._seen.move_to_end(key)
                return iter(found)
        found = tuple(self._scan(html))
        with self._lock:
            self.scans += 1
            self._seen[key] = found
            while len(self._seen) > self._limit:
                self._seen.popitem(last=False)
        return iter(found)


def install() -> AnchorMemo | None:
    """Put the remembered scan in place of Zensical's (None: not the layout this expects)."""
    try:
        import zensical.collectors as collectors
        import zensical.collectors.anchors  # noqa: F401  (the module, shadowed by its function)
    except ImportError:
        return None
    module = sys.modules.get("zensical.collectors.anchors")
    scan = getattr(collectors, "anchors", None)
    if not callable(scan) or getattr(module, "anchors", None) is not scan:
        return None
    memo = AnchorMemo(cast(Scan, scan))
    setattr(collectors, "anchors", memo)  # noqa: B010  (Zensical's names, not typed here)
    setattr(module, "anchors", memo)  # noqa: B010
    return memo


def main(argv: list[str] | None = None) -> int:
    install()
    from zensical.main import cli

    sys.argv[0] = "zensical"
    cli.main(args=sys.argv[1:] if argv is None else argv, prog_name="zensical")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
