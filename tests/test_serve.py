"""`mkdocs serve` follows an edited seed live, and settles (no rebuild loop)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import SEED, ensure_generated, fetch, logged_warnings, wait_for

POLLED_TOO_EARLY = re.compile(r'"GET /(about|notes/first)/ HTTP/1\.1" code 404$')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_follows_seed_edits_and_settles(seed_project: Path, tmp_path: Path) -> None:
    ensure_generated(seed_project)
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=seed_project,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        page = f"http://127.0.0.1:{port}/articles/first-film-in-orbit/"
        if not wait_for(page, "Soyuz MS-19", 60):
            pytest.fail("server never came up:\n" + log_path.read_text())
        time.sleep(1)
        before = log_path.read_text().count("Building documentation")
        seed = seed_project / "seeds" / SEED.name
        seed.write_text(
            seed.read_text(encoding="utf-8").replace("lifted off", "lifted off (MARKER-7731)"),
            encoding="utf-8",
        )
        assert wait_for(page, "MARKER-7731", 30), log_path.read_text()
        assert "MARKER-7731" in fetch(f"http://127.0.0.1:{port}/mission/")
        # One rebuild per edit: the pages the hook writes are not watched (no second build, no
        # loop), while hand-written files in docs/ still are.
        time.sleep(3)
        assert log_path.read_text().count("Building documentation") == before + 1
        css = seed_project / "docs" / "assets" / "site.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* MARKER-CSS-42 */\n")
        assert wait_for(f"http://127.0.0.1:{port}/assets/site.css", "MARKER-CSS-42", 30)
        # Pages and folders created while the server runs are watched too (issue 11).
        (seed_project / "docs" / "about.md").write_text("# About\n\nMARKER-ABOUT-5\n")
        assert wait_for(f"http://127.0.0.1:{port}/about/", "MARKER-ABOUT-5", 30)
        notes = seed_project / "docs" / "notes"
        notes.mkdir()
        (notes / "first.md").write_text("# Notes\n\nMARKER-NOTES-6\n")
        assert wait_for(f"http://127.0.0.1:{port}/notes/first/", "MARKER-NOTES-6", 30)
        (notes / "first.md").write_text("# Notes\n\nMARKER-NOTES-7\n")
        assert wait_for(f"http://127.0.0.1:{port}/notes/first/", "MARKER-NOTES-7", 30)
        # …and still one rebuild per seed edit: the hook's own pages and bookkeeping are not.
        time.sleep(3)
        settled = log_path.read_text().count("Building documentation")
        seed.write_text(
            seed.read_text(encoding="utf-8").replace("MARKER-7731", "MARKER-7732"),
            encoding="utf-8",
        )
        assert wait_for(page, "MARKER-7732", 30), log_path.read_text()
        time.sleep(3)
        assert log_path.read_text().count("Building documentation") == settled + 1
    finally:
        server.terminate()
        server.wait(timeout=10)
    # No build of the server warned (`mkdocs build --strict` would abort); the server's own
    # 404 lines for the pages this test polled before they existed are no build's.
    text = log_path.read_text()
    assert [w for w in logged_warnings(text) if not POLLED_TOO_EARLY.search(w)] == [], text
