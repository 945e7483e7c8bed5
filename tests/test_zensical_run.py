"""`python -m generator.zensical_run serve` (what `make serve-zensical` runs): Zensical's
per-page anchor scan remembered by the page's HTML, with the same ids as Zensical's own scan."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from collections.abc import Iterable

import pytest

from generator import zensical_run
from generator.zensical_run import AnchorMemo

zensical_anchors = pytest.importorskip("zensical.collectors.anchors")

PAGE = (
    '<h1 id="top">Title</h1>\n<p>Text “quoted” <a name="old-style">here</a></p>\n'
    '<h2 id="section-1" class="x">One</h2><div data-id="no"><span id=\'p-3\'>x</span></div>'
)


class Counting:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, html: str) -> Iterable[str]:
        self.calls.append(html)
        found: Iterable[str] = zensical_anchors.anchors(html)
        return found


def test_remembered_scan_gives_zensical_s_ids_and_scans_each_html_once() -> None:
    scan = Counting()
    memo = AnchorMemo(scan)
    expected = list(zensical_anchors.anchors(PAGE))
    assert expected == ["top", "old-style", "section-1", "p-3"]
    assert list(memo(PAGE)) == expected
    assert list(memo(PAGE)) == expected
    assert scan.calls == [PAGE] and memo.scans == 1
    # Any change of the HTML is scanned again: an id added, removed, renamed, one byte moved.
    for changed in (
        PAGE + '<h3 id="new">New</h3>',
        PAGE.replace('<h1 id="top">', "<h1>"),
        PAGE.replace("section-1", "section-2"),
        PAGE.replace("“", '"'),
    ):
        assert list(memo(changed)) == list(zensical_anchors.anchors(changed))
    assert len(scan.calls) == 5 and memo.scans == 5
    assert list(memo("")) == []


def test_oldest_entries_go_past_the_limit() -> None:
    scan = Counting()
    memo = AnchorMemo(scan, limit=2)
    pages = [f'<h2 id="a{n}">{n}</h2>' for n in range(3)]
    for page in pages:
        assert list(memo(page)) == [page[8:10]]
    assert list(memo(pages[2])) == ["a2"] and list(memo(pages[1])) == ["a1"]
    assert len(scan.calls) == 3
    assert list(memo(pages[0])) == ["a0"]  # dropped (least recently used), scanned again
    assert len(scan.calls) == 4


def test_install_puts_the_memo_where_zensical_calls_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import zensical.collectors as collectors

    original = collectors.anchors
    monkeypatch.setattr(collectors, "anchors", original)
    monkeypatch.setattr(zensical_anchors, "anchors", original)
    memo = zensical_run.install()
    assert isinstance(memo, AnchorMemo)
    assert collectors.anchors is memo and zensical_anchors.anchors is memo
    assert list(collectors.anchors(PAGE)) == list(original(PAGE))
    # Another layout (not the function it expects): Zensical is left as it is.
    monkeypatch.setattr(collectors, "anchors", object())
    assert zensical_run.install() is None


def test_the_module_runs_zensical_s_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator.zensical_run", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == importlib.metadata.version("zensical")
