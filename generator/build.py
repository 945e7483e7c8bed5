"""The whole pipeline, shared by the command line and the MkDocs hook:
seeds/ → read → analyse (+ corrections) → compose → render → plan/apply on docs/."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .analyse import analyse
from .analyse.themes import load_themes
from .compose import compose_site
from .corrections import apply_corrections, load_corrections
from .errors import GeneratorError
from .model import Article, Facts
from .read import is_seed_file, read_seed
from .render import render_page
from .site import Project, load_site_config
from .write import Output, Plan, apply, plan


@dataclass(frozen=True)
class BuildResult:
    plan: Plan
    applied: bool


def seed_files(project: Project) -> list[Path]:
    """Seed files in a stable order, whatever order the file system lists them in."""
    if not project.seeds.is_dir():
        raise GeneratorError(project.shown(project.seeds), "is not a folder of seed articles")
    return sorted((p for p in project.seeds.iterdir() if is_seed_file(p)), key=lambda p: p.name)


def corrections_path(seed: Path) -> Path:
    return seed.with_name(f"{seed.stem}.corrections.yml")


def read_articles(project: Project) -> list[tuple[Path, Article]]:
    """Every seed, read; two seeds that would share a slug (and so a page) are an error."""
    articles: list[tuple[Path, Article]] = []
    by_slug: dict[str, Path] = {}
    for path in seed_files(project):
        article = read_seed(path, project.shown(path))
        if article.slug in by_slug:
            raise GeneratorError(
                project.shown(path),
                f"has the same slug '{article.slug}' as {project.shown(by_slug[article.slug])}; "
                "rename one of them or give it a `slug:` in its front matter",
            )
        by_slug[article.slug] = path
        articles.append((path, article))
    return articles


# Analysis is pure and Articles are immutable values: under `mkdocs serve` each rebuild then
# analyses only the seeds that changed.
_analyse_cached = lru_cache(maxsize=4096)(analyse)


def understand(project: Project, path: Path, article: Article) -> Facts:
    """Rules first, then the editor's corrections file beside the seed, if any."""
    facts = _analyse_cached(article)
    correction_file = corrections_path(path)
    corrections = load_corrections(correction_file, project.shown(correction_file))
    if corrections:
        facts = apply_corrections(facts, corrections, project.shown(correction_file))
    return facts


def generate(project: Project) -> tuple[Output, ...]:
    """Everything docs/ should hold that the generator owns (pure apart from reading inputs)."""
    all_facts = [understand(project, path, article) for path, article in read_articles(project)]
    pages = compose_site(all_facts, load_themes(), load_site_config(project))
    return tuple(Output(page.path, render_page(page).encode("utf-8")) for page in pages)


def build(project: Project, *, check: bool = False, force: bool = False) -> BuildResult:
    """Plan docs/ from the seeds; apply unless checking. Conflicts stop a real build."""
    result = plan(project.docs, generate(project), force=force)
    if check or result.conflicts:
        return BuildResult(result, applied=False)
    apply(result)
    return BuildResult(result, applied=True)
