"""The test server that browser tests and the Lighthouse audit load the built site from."""

from __future__ import annotations

import gzip
import sys
import urllib.request
from pathlib import Path

from support import REPO

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from scripts.serve_site import serve_site


def fetch(url: str, gzip_ok: bool = False) -> tuple[dict[str, str], bytes]:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return dict(response.headers.items()), response.read()


def test_only_content_hashed_files_are_cached_for_long(tmp_path: Path) -> None:
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "bundle.a5f9d56c.min.js").write_text("var a=1;")
    (tmp_path / "assets" / "site.css").write_text("body{}")
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>" + "x" * 2000)
    with serve_site(tmp_path) as served:
        bundle, _ = fetch(served.page("assets/javascripts/bundle.a5f9d56c.min.js"))
        css, _ = fetch(served.page("assets/site.css"))
        page, body = fetch(served.page(""), gzip_ok=True)
    assert bundle["Cache-Control"] == "public, max-age=31536000"
    assert css["Cache-Control"] == "no-cache"  # edited by hand, same name: must revalidate
    assert page["Cache-Control"] == "no-cache"
    assert page["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"<!doctype html>")
