"""`make serve-zensical`: the generator's watcher beside `zensical serve` follows seeds,
corrections files and hand-written pages live, never overwrites a hand edit, and settles."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from support import REPO, SEED, ensure_generated, wait_for

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.live_zensical import serving_zensical

ZENSICAL = Path(sys.executable).parent / "zensical"
pytestmark = [
    pytest.mark.skipif(not ZENSICAL.exists(), reason="zensical is not installed"),
    pytest.mark.slow,
]


def test_serve_zensical_follows_every_kind_of_edit(seed_project: Path) -> None:
    ensure_generated(seed_project)
    seed = seed_project / "seeds" / SEED.name
    original = seed.read_text(encoding="utf-8")
    with serving_zensical(seed_project, "articles/first-film-in-orbit/") as served:

        def logs() -> str:
            return served.watch_log.read_text() + served.serve_log.read_text()

        article = served.page("articles/first-film-in-orbit/")
        # A seed edit reaches its article page and the theme pages, in one build.
        served.wait_quiet()
        before = served.builds()
        seed.write_text(original.replace("lifted off", "lifted off (MARKER-7731)"))
        assert wait_for(article, "MARKER-7731"), logs()
        assert wait_for(served.page("mission/"), "MARKER-7731"), logs()
        served.wait_quiet()
        assert served.builds() == before + 1, logs()

        # A corrections file beside the seed.
        corrections = seed_project / "seeds" / "first-film-in-orbit.corrections.yml"
        corrections.write_text("people:\n  - set: yulia-peresild\n    role: stuntwoman\n")
        assert wait_for(served.page("crew/"), "stuntwoman"), logs()

        # A page of the editor's own, which Zensical follows by itself.
        (seed_project / "docs" / "notes.md").write_text("# Notes\n\nMARKER-NOTES-5\n")
        assert wait_for(served.page("notes/"), "MARKER-NOTES-5"), logs()

        # Bad input: one line naming the file; the next good save is served again.
        served.wait_quiet()
        seed.write_text("---\ntitle: [unclosed\n---\nText.\n")
        served.wait_quiet()
        errors = [line for line in served.watch_log.read_text().splitlines() if "error" in line]
        assert len(errors) == 1 and errors[0].startswith(f"error: seeds/{SEED.name}:"), logs()
        assert "Traceback" not in logs()
        seed.write_text(original.replace("lifted off", "lifted off (MARKER-8842)"))
        assert wait_for(article, "MARKER-8842"), logs()

        # A generated page edited by hand is never overwritten: the watcher says so instead.
        film = seed_project / "docs" / "film.md"
        film.write_text(film.read_text(encoding="utf-8") + "\nMy own words.\n")
        edited = film.read_bytes()
        seed.write_text(original)
        # Wait for the watcher's word itself: a quiet second of log can come before the build
        # of this save has printed anything on a loaded machine.
        said = _log_holds(served.watch_log, "docs/film.md: edited by hand", seconds=60)
        assert said, logs()
        assert film.read_bytes() == edited
        # Zensical serves the hand edit from its own rebuild, which can finish after the
        # watcher's line on a loaded machine: poll the page, as for every other edit.
        assert wait_for(served.page("film/"), "My own words.", seconds=60), logs()


def _log_holds(log: Path, line: str, seconds: float) -> bool:
    """Poll `log` until it holds `line`; False when `seconds` pass first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if line in log.read_text(encoding="utf-8", errors="replace"):
            return True
        time.sleep(0.2)
    return False
