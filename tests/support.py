"""Paths and helpers the tests share (importable as `support`, since tests/ is on sys.path)."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import jinja2

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "first-film-in-orbit.md"
CORPUS = REPO / "tests" / "fixtures" / "articles"
EXPECTED = REPO / "tests" / "fixtures" / "expected"
# The annotated articles: name of their folder in tests/fixtures/expected/ → the article file.
ARTICLES = {
    "first-film-in-orbit": SEED,
    **{f"nasa_article_{n}": CORPUS / f"nasa_article_{n}.txt" for n in ("329", "550", "813")},
}


def make_project(root: Path, seeds: dict[str, bytes | str] | None = None) -> Path:
    """A minimal project in `root`: mkdocs.yml, overrides/, docs/assets/ and the given seeds."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    # The hook is named relative to mkdocs.yml; point the copy at the real one.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    hook = (REPO / "generator" / "mkdocs_hook.py").as_posix()
    (root / "mkdocs.yml").write_text(
        config.replace("- generator/mkdocs_hook.py", f"- {hook}"), encoding="utf-8"
    )
    for folder in ("overrides", "docs/assets"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder, dirs_exist_ok=True)
    for extra in ("docs/robots.txt",):
        if (REPO / extra).is_file():
            shutil.copy(REPO / extra, root / extra)
    for name, content in (seeds or {}).items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / "seeds" / name).write_bytes(data)
    return root


def ensure_generated(project: Path) -> None:
    """A project that was never generated has no docs/.generator-nav.yml for mkdocs.yml's
    INHERIT, and no engine starts without it: generate once, as `make site` does."""
    if not (project / "docs" / ".generator-nav.yml").is_file():
        from generator.build import build
        from generator.site import Project

        build(Project(project))


def mkdocs_build(
    project: Path, *extra: str, env: dict[str, str] | None = None, new_process: bool = False
) -> Path:
    """`mkdocs build --strict` of a temporary project into project/site (the hook regenerates
    docs/); any warning MkDocs, a plugin or the hook logs fails the test with its text.

    It runs in this process, as the `mkdocs build` command does it (load_config, the plugins'
    startup, build, shutdown), which saves a Python start and MkDocs' imports per site. With an
    `env`, or `new_process=True` (a test of what a new process does, such as one that takes the
    saved state), it runs `python -m mkdocs build --strict` in a new process. Never `-q`: in
    MkDocs 1.6 it sets the "mkdocs" logger to ERROR, so `--strict` never sees a warning."""
    ensure_generated(project)
    site = project / "site"
    options = [e for e in extra if e != "--strict"]
    if env is not None or new_process or options:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *options],
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert not logged_warnings(result.stderr), result.stderr
        return site
    _mkdocs_build_here(project, site)
    return site


def logged_warnings(stderr: str) -> list[str]:
    """The WARNING and ERROR lines of a `mkdocs` command's log (its stderr)."""
    return [line for line in stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]


class _Collect(logging.Handler):
    """Keeps the text of every record of WARNING and above; shows nothing."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname} {record.name}: {record.getMessage()}")


@contextlib.contextmanager
def no_mkdocs_warnings(what: str = "mkdocs build --strict") -> Iterator[None]:
    """Fail, with their text, when MkDocs (or a plugin, or the hook) logs a warning inside:
    `mkdocs build --strict` aborts on one. The "mkdocs" logger is set as the `mkdocs`
    command sets it (its own handler, no propagation), at WARNING: INFO and DEBUG are dropped
    as `-q` drops them, warnings reach MkDocs' strict-mode counter and this collector."""
    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    collect = _Collect()
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(collect)
    try:
        yield
    except Exception as exc:
        if collect.messages:  # MkDocs' own abort ("Aborted with 1 warnings") says no more
            raise AssertionError(_warned(what, collect.messages)) from exc
        raise
    finally:
        logger.removeHandler(collect)
        logger.setLevel(level)
        logger.propagate = propagate
    assert not collect.messages, _warned(what, collect.messages)


def _warned(what: str, messages: list[str]) -> str:
    return f"{what} logged {len(messages)} warning(s):\n" + "\n".join(messages)


class _TemplateCode(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept between the MkDocs builds of this process (each makes a
    new environment and compiled Material's templates again). A bucket is keyed by the
    template's name and file and checked against its source's checksum, so a template that
    changed (a project's overrides) is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CODE = _TemplateCode()


def _mkdocs_build_here(project: Path, site: Path) -> None:
    """What `mkdocs build --strict -d site` does, run from the project's folder, with every
    warning failing the test (no_mkdocs_warnings)."""
    from unittest import mock

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.theme import Theme

    real_get_env = Theme.get_env

    def get_env(theme: Theme) -> jinja2.Environment:
        env = real_get_env(theme)
        env.bytecode_cache = _TEMPLATE_CODE
        return env

    with (
        no_mkdocs_warnings(),
        contextlib.chdir(project),
        mock.patch.object(Theme, "get_env", get_env),
    ):
        config = load_config(
            config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True
        )
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()


def make_photo(path: Path, size: tuple[int, int] = (1600, 1000), fmt: str = "JPEG") -> Path:
    """A small, real-looking photo made with Pillow (a dusk sky, a launch tower, a plume, film
    grain), so tests never need a committed binary. Deterministic for a given size."""
    import random

    from PIL import Image, ImageDraw, ImageFilter

    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.72)
    for y in range(height):  # sky from deep blue to orange at the horizon, then dark ground
        t = min(y / horizon, 1.0)
        colour = (
            (int(20 + 215 * t), int(40 + 110 * t), int(110 - 40 * t))
            if y < horizon
            else (35, 38, 30)
        )
        draw.line([(0, y), (width, y)], fill=colour)
    cx = width // 2
    draw.rectangle(
        [cx - width // 60, int(height * 0.25), cx + width // 60, horizon], fill=(230, 230, 225)
    )
    draw.polygon(
        [
            (cx - width // 60, int(height * 0.25)),
            (cx, int(height * 0.18)),
            (cx + width // 60, int(height * 0.25)),
        ],
        fill=(200, 60, 40),
    )
    draw.rectangle(
        [cx + width // 25, int(height * 0.2), cx + width // 18, horizon], fill=(60, 60, 70)
    )
    draw.ellipse(
        [cx - width // 8, horizon - height // 12, cx + width // 8, horizon + height // 20],
        fill=(250, 240, 215),
    )
    image = image.filter(ImageFilter.GaussianBlur(2))
    rng = random.Random(width * 7919 + height)
    grain = Image.frombytes("L", size, bytes(rng.randrange(96, 160) for _ in range(width * height)))
    image = Image.blend(image, Image.merge("RGB", (grain, grain, grain)), 0.08)
    image.save(path, fmt, quality=88)
    return path


NEWSROOM_FRONT_MATTER = """\
source: https://news.example/2021/10/05/first-film-in-orbit
outlet: Example Wire
byline: A. Reporter
photos:
  - file: soyuz-launch.jpg
    caption: b10
  - file: film-crew.png
    caption: Russia Movie in Space
"""


def add_newsroom_extras(project: Path) -> Path:
    """Give the seed article of a copied project what a newsroom adds: the original's address,
    outlet and byline, and two photos (made here with Pillow) for two of its captions."""
    seed = project / "seeds" / SEED.name
    make_photo(project / "seeds" / "soyuz-launch.jpg", (1600, 1000))
    make_photo(project / "seeds" / "film-crew.png", (1200, 900), "PNG")
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("---\n", "---\n" + NEWSROOM_FRONT_MATTER, 1), encoding="utf-8")
    return project


def fetch(url: str) -> str:
    """A served page's text, or "" while the server is not answering (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, marker: str, seconds: float = 30, step: float = 0.2) -> bool:
    """Poll `url` until its text holds `marker`; False when `seconds` pass first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if marker in fetch(url):
            return True
        time.sleep(step)
    return False
