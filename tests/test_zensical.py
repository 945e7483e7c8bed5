"""Zensical builds the generated site from the project's own mkdocs.yml and overrides/.

Zensical runs no MkDocs hooks, so the generator runs first (as `make site-zensical` does);
Zensical then reads the same mkdocs.yml (its nav INHERITed from the generator's
docs/.generator-nav.yml) and docs/. Every generated page must come out as HTML with its title,
the overrides must render Zensical's own markup where it differs from Material's (search,
generator meta, footer credit), and a theme page without material has no nav entry.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.project import copy_static_docs, without_custom_dir  # noqa: E402
from generator.build import build  # noqa: E402
from generator.nav import missing_pages, read_nav  # noqa: E402
from generator.site import Project  # noqa: E402

CORPUS = REPO / "tests" / "fixtures" / "articles"

ZENSICAL = Path(sys.executable).parent / "zensical"
REQUIRED = (
    "index.md",
    "mission.md",
    "crew.md",
    "film.md",
    "context.md",
    "articles/index.md",
    "articles/first-film-in-orbit.md",
)

pytestmark = pytest.mark.skipif(not ZENSICAL.exists(), reason="zensical is not installed")


def seed_project(root: Path, seeds: dict[str, Path] | None = None) -> Project:
    """The real mkdocs.yml, overrides/, hand-written docs/ files and seeds/ (or the given
    seeds), then generated."""
    root.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", root / "overrides")
    copy_static_docs(REPO / "docs", root / "docs")
    if seeds is None:
        shutil.copytree(REPO / "seeds", root / "seeds")
    else:
        (root / "seeds").mkdir()
        for name, source in seeds.items():
            shutil.copy2(source, root / "seeds" / name)
    project = Project(root)
    result = build(project)
    assert result.applied, [c.path for c in result.plan.conflicts]
    return project


def zensical_build(root: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZENSICAL), "build", "--clean", "--strict", "-f", str(config)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def html_path(site: Path, page: str) -> Path:
    """docs-relative Markdown path → its HTML file with directory URLs."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / stem / "index.html"


def page_title(markdown_file: Path) -> str:
    """The `title:` the generator wrote (HTML-escaped in front matter), as plain text."""
    text = markdown_file.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    return html.unescape(str(meta["title"]))


def assert_pages_built(project: Project, site: Path) -> None:
    generated = sorted(
        p.relative_to(project.docs).as_posix()
        for p in project.docs.rglob("*.md")
        if "assets" not in p.parts
    )
    assert set(REQUIRED) <= set(generated)
    for page in generated:
        built = html_path(site, page)
        assert built.is_file(), f"{page}: no {built.relative_to(site)} in Zensical's output"
        body = built.read_text(encoding="utf-8")
        title = page_title(project.docs / page)
        assert html.escape(title, quote=False) in body or title in body, (
            f"{page}: title {title!r} not in {built.relative_to(site)}"
        )


def test_zensical_builds_every_generated_page_from_the_project_config(tmp_path: Path) -> None:
    project = seed_project(tmp_path / "site-project")
    done = zensical_build(project.root, project.mkdocs_yml)
    assert done.returncode == 0, done.stderr[-2000:]
    assert_pages_built(project, project.root / "site")


def test_zensical_handles_the_rest_of_mkdocs_yml_without_custom_dir(tmp_path: Path) -> None:
    """hooks:, validation:, watch:, nav, plugins and Markdown extensions as configured."""
    project = seed_project(tmp_path / "site-project")
    config = project.root / "mkdocs.no-overrides.yml"
    config.write_text(
        without_custom_dir(project.mkdocs_yml.read_text(encoding="utf-8")), encoding="utf-8"
    )
    done = zensical_build(project.root, config)
    assert done.returncode == 0, done.stderr[-2000:]
    assert_pages_built(project, project.root / "site")


def test_overrides_render_zensicals_own_markup(tmp_path: Path) -> None:
    project = seed_project(tmp_path / "site-project")
    done = zensical_build(project.root, project.mkdocs_yml)
    assert done.returncode == 0, done.stderr[-2000:]
    home = (project.root / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="zensical-0.0.73">' in home
    assert "Built with Zensical." in home and "Built with MkDocs" not in home
    # Zensical's search button (its script opens the dialog), not Material's inert input.
    assert 'class="md-search__button"' in home and "md-search__input" not in home
    # The classic variant: Material's look (the modern one has a white header).
    assert "assets/stylesheets/classic/main." in home


def test_a_theme_page_without_material_has_no_nav_entry(tmp_path: Path) -> None:
    """A NASA release about a spacewalk gives the film page nothing: no page, no nav entry."""
    root = tmp_path / "nasa-project"
    project = seed_project(root, seeds={"nasa_article_329.txt": CORPUS / "nasa_article_329.txt"})
    assert not (project.docs / "film.md").exists()
    done = zensical_build(project.root, project.mkdocs_yml)
    assert done.returncode == 0, done.stderr[-2000:]
    site = project.root / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="film/"' not in home and 'href="./film/"' not in home
    nav = read_nav(project.docs)
    assert missing_pages(nav, project.docs) == []
    for entry in nav:
        (page,) = entry.values()
        assert html_path(site, page).is_file(), page


def test_zensical_builds_a_many_article_site(tmp_path: Path) -> None:
    """The seed and every NASA release of the test corpus: one site, every page built."""
    seeds = {"first-film-in-orbit.md": REPO / "seeds" / "first-film-in-orbit.md"}
    seeds |= {path.name: path for path in sorted(CORPUS.glob("*.txt"))}
    project = seed_project(tmp_path / "many", seeds=seeds)
    done = zensical_build(project.root, project.mkdocs_yml)
    assert done.returncode == 0, done.stderr[-2000:]
    assert_pages_built(project, project.root / "site")
    articles = sorted((project.docs / "articles").glob("*.md"))
    assert len(articles) == len(seeds) + 1  # each article's page and the articles index
