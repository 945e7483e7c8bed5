"""Fixtures for the browser suite: build the site once, serve it on 127.0.0.1, drive Chromium.

Everything here is session-scoped so that the whole suite builds once per engine (one build
shared by the xdist workers of a run), serves once per engine and starts one browser. The site
fixtures are parametrised by engine: every test that uses the built site runs against the
MkDocs + Material build and the Zensical build of the same mkdocs.yml, overrides/ and docs/
(test ids end in [mkdocs] / [zensical]). Tests that need a tool which is missing (Debian's
Chromium, java, node_modules, zensical) skip, except under CI=true, where a missing tool is a
failure.

Environment:
  BROWSER_SITE_DIR  use this already-built MkDocs site instead of building one (quicker while
                    editing; the Zensical tests then skip).
  BROWSER_ENGINES   engines to test, comma-separated (default: mkdocs,zensical).
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    Request,
    expect,
    sync_playwright,
)

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from support import add_newsroom_extras  # noqa: E402

from scripts import serve_site as serve_site_module  # noqa: E402
from scripts.serve_site import ServedSite, serve_site, site_prefix  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Copied into the temporary build: everything the generator and mkdocs read.
BUILD_INPUTS = ("mkdocs.yml", "docs", "overrides", "generator", "seeds", "pyproject.toml")


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def require(condition: bool, reason: str) -> None:
    """Skip the test when `condition` is false; under CI=true, fail instead."""
    if condition:
        return
    unavailable(reason)


def unavailable(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"{reason} (CI=true, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class RequestLog:
    """Every URL the browser requested, for the "no other host" check."""

    urls: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    def foreign(self, origin: str) -> list[str]:
        allowed = urllib.parse.urlsplit(origin).netloc
        bad = []
        for url in self.urls:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.netloc != allowed:
                bad.append(url)
        return bad


ENGINES = tuple(os.environ.get("BROWSER_ENGINES", "mkdocs,zensical").split(","))


def build_site(dest: Path, engine: str = "mkdocs") -> Path:
    """Build the site from a copy of the repo's inputs into dest/site and return that folder."""
    work = dest / "repo"
    work.mkdir(parents=True)
    for name in BUILD_INPUTS:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.is_file():
            shutil.copy2(src, work / name)
    # The site under test has photos, and the original's source, outlet and byline, so the
    # quality checks hold for what a newsroom publishes, not only for the bare seed.
    add_newsroom_extras(work)
    return serve_site_module.build_site(work, dest / "site", engine=engine)


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine that built the site under test: "mkdocs" (with Material) or "zensical"."""
    name = str(request.param)
    if name == "zensical":
        zensical = Path(sys.executable).with_name("zensical")
        require(zensical.is_file(), f"{zensical} is missing (pip install zensical)")
        if os.environ.get("BROWSER_SITE_DIR"):
            pytest.skip("BROWSER_SITE_DIR is a MkDocs build")
    return name


@pytest.fixture(scope="session")
def site_dir(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("BROWSER_SITE_DIR")
    if prebuilt:
        path = Path(prebuilt).resolve()
        assert (path / "index.html").is_file(), f"BROWSER_SITE_DIR={prebuilt} has no index.html"
        return path
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build_site(tmp_path_factory.mktemp(f"built-{engine}"), engine)
    # Under xdist every worker has its own session: the first to get here builds the site into
    # the run's shared temporary folder (its workers' parent), the others wait and serve it.
    shared = tmp_path_factory.getbasetemp().parent
    with open(shared / f"built-{engine}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        dest, done = shared / f"built-{engine}", shared / f"built-{engine}.done"
        if not done.is_file():
            shutil.rmtree(dest, ignore_errors=True)  # a build that failed on another worker
            build_site(dest, engine)
            done.touch()
    return dest / "site"


@pytest.fixture(scope="session")
def site_docs(site_dir: Path) -> Path:
    """The docs/ the site under test was built from (generated by its build)."""
    docs = site_dir.parent / "repo" / "docs"
    return docs if docs.is_dir() else REPO / "docs"


@pytest.fixture(scope="session")
def site(site_dir: Path) -> Iterator[ServedSite]:
    with serve_site(site_dir, site_prefix(REPO / "mkdocs.yml")) as served:
        yield served


@pytest.fixture(scope="session")
def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as paths relative to the site root ("", "crew/", ...)."""
    return serve_site_module.site_pages(site_dir)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require(CHROMIUM.is_file(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    # Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def request_log() -> RequestLog:
    return RequestLog()


ContextFactory = Callable[..., BrowserContext]


@pytest.fixture(scope="session")
def new_context(browser: Browser, request_log: RequestLog) -> Iterator[ContextFactory]:
    """Make a browser context (own storage, so own palette choice) that logs its requests."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("reduced_motion", "reduce")
        ctx = browser.new_context(**options)
        ctx.on("request", request_log.record)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture(scope="session")
def context(new_context: ContextFactory) -> BrowserContext:
    return new_context()


@pytest.fixture(scope="session")
def page(context: BrowserContext) -> Page:
    """One page reused by the whole session; tests navigate it where they need."""
    return context.new_page()


def open_search(page: Page, engine: str) -> Locator:
    """Open the engine's own search UI as a reader would; → the box to type into.
    Material: the header's input. Zensical: its button opens a <dialog> in an open shadow root
    (Playwright's CSS selectors pierce it)."""
    if engine == "zensical":
        page.locator(".md-search__button").click()
        box = page.locator('dialog[aria-label="Search"] input')
    else:
        box = page.locator(".md-search__input")
        box.click()
    box.fill("")
    return box


def result_links(page: Page, engine: str) -> Locator:
    if engine == "zensical":
        return page.locator('[role=listbox][aria-label="Search results"] [role=option]')
    return page.locator(".md-search-result__item > .md-search-result__link")


def search(page: Page, engine: str, query: str) -> list[str]:
    """Type `query` into the engine's search as a person would (key by key: both UIs react to
    key events); → the result URLs, best first, without the highlighting query."""
    box = open_search(page, engine)
    box.press_sequentially(query, delay=15)
    if engine == "mkdocs":
        meta = page.locator(".md-search-result__meta")
        expect(meta).not_to_have_text(re.compile("Initializing|Type to start"), timeout=10_000)
    links = result_links(page, engine)
    expect(links.first).to_be_visible(timeout=10_000)
    hrefs = _settled_hrefs(links)
    urls = [urllib.parse.urlsplit(urllib.parse.urljoin(page.url, h)) for h in hrefs]
    return [u._replace(query="").geturl() for u in urls]


def _settled_hrefs(links: Locator) -> list[str]:
    """The results once they stop changing (both engines refine them as keys arrive)."""
    last: list[str] = []
    for _ in range(50):
        now = [str(h) for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
        if now and now == last:
            return now
        last = now
        time.sleep(0.1)
    return last


def scheme_of(page: Page) -> str:
    """The palette scheme Material applied to the page: "default" (light) or "slate" (dark)."""
    return str(page.locator("body").get_attribute("data-md-color-scheme"))


def wait_for_scheme(page: Page, scheme: str) -> None:
    """Wait until the page shows `scheme` ("default" or "slate") and Material's JavaScript,
    which starts after the first paint, has mounted and finished switching colours: before
    that the page is in a passing state that checkers such as axe must not judge."""
    page.wait_for_function(
        """s => document.body.getAttribute('data-md-color-scheme') === s
            && window.component$ !== undefined
            && !document.body.hasAttribute('data-md-color-switching')""",
        arg=scheme,
        timeout=5000,
    )
