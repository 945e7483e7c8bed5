"""`python -m generator new DIR --from ARTICLE`: start the microsite of another story.

The new project gets the look of an existing one (its mkdocs.yml, overrides/ and the
hand-written files of docs/, such as assets/), the article in seeds/, a mkdocs.yml with the
story's own headline and description, a neutral logo, a hook that regenerates docs/ whenever
MkDocs builds or serves, a Makefile and a README. Its first build is done before returning, so
`mkdocs build --strict` or `make serve` works there at once.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .analyse.chinese import is_chinese
from .build import build
from .errors import GeneratorError
from .read import read_seed
from .site import Project
from .write import read_manifest

HOOK_FILE = "microsite_hook.py"
HOOK = '''"""MkDocs hook: regenerate docs/ from seeds/ before every build and on every seed edit."""

from generator.mkdocs_hook import on_config, on_serve  # noqa: F401
'''
MAKEFILE = """\
# make serve   regenerate docs/ from seeds/ and serve the site on http://127.0.0.1:8000
# make site    regenerate docs/ and build the static site into site/
PYTHON ?= {python}
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site check

serve:
\t$(PYTHON) -m generator build
\t$(PYTHON) -m mkdocs serve -a 127.0.0.1:8000

site:
\t$(PYTHON) -m generator build
\t$(PYTHON) -m mkdocs build --strict

check:
\t$(PYTHON) -m generator build --check
"""
README = """\
# {title}

A news microsite made by the article-to-microsite generator from `seeds/{seed}`.

- `make serve` regenerates `docs/` from `seeds/` and serves the site on http://127.0.0.1:8000;
  `make site` builds it into `site/` (or: `python -m generator build`, then `mkdocs build`).
- Add more articles about the story to `seeds/`; corrections go in `seeds/<name>.corrections.yml`.
- The site's name and description are `site_name` and `site_description` in `mkdocs.yml`.
"""
# Set aside when copying the look of another project: its story's own wording.
STORY_KEYS = ("not_found",)
DESCRIPTION_CHARS = 200


@dataclass(frozen=True)
class NewSite:
    root: Path
    seed: Path
    title: str
    description: str
    written: int  # generated pages written by the first build


def _description(article_description: str | None, paragraphs: list[str]) -> str:
    if article_description:
        return " ".join(article_description.split())
    text = " ".join(paragraphs[0].split()) if paragraphs else ""
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[: DESCRIPTION_CHARS - 3].rsplit(" ", 1)[0] + "…"


def _top_level_block(text: str, key: str) -> tuple[int, int] | None:
    """Line range [start, end) of a top-level key of a YAML file, its indented lines included
    (not the blank lines after it)."""
    lines = text.splitlines(keepends=True)
    for start, line in enumerate(lines):
        if re.match(rf"{re.escape(key)}\s*:", line):
            end = start + 1
            while end < len(lines) and (lines[end][:1] in (" ", "\t") or not lines[end].strip()):
                end += 1
            while end > start + 1 and not lines[end - 1].strip():
                end -= 1
            return start, end
    return None


def set_top_level(text: str, key: str, block: str) -> str:
    """`text` (a YAML file) with the top-level `key` replaced by `block` (or appended), keeping
    every other line and comment as it was."""
    lines = text.splitlines(keepends=True)
    found = _top_level_block(text, key)
    block = block if block.endswith("\n") else block + "\n"
    if found is None:
        return "".join(lines) + ("" if text.endswith("\n") or not text else "\n") + block
    start, end = found
    return "".join([*lines[:start], block, *lines[end:]])


def _yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar


def _extra_block(config_text: str) -> str:
    """The `extra:` of the model project without the wording of its own story."""
    import yaml

    from .site import _LenientLoader

    raw = yaml.load(config_text, Loader=_LenientLoader) or {}
    extra = raw.get("extra") if isinstance(raw, dict) else None
    kept = {k: v for k, v in (extra or {}).items() if k not in STORY_KEYS}
    if not kept:
        return "extra: {}\n"
    return yaml.safe_dump({"extra": kept}, allow_unicode=True, sort_keys=False)


_THEME_LANGUAGE = re.compile(r"^(\s+language:[ \t]*)[\w-]+", re.MULTILINE)
_SEARCH_LANG = re.compile(r"^(\s+lang:[ \t]*)[\w-]+", re.MULTILINE)


def with_language(text: str, language: str) -> str:
    """mkdocs.yml `text` with the theme's language and the search plugin's `lang` set to
    `language` ("zh": Material's Chinese interface words, and a search index segmented into
    words by jieba instead of lunr's whole-sentence tokens)."""
    theme = _top_level_block(text, "theme")
    plugins = _top_level_block(text, "plugins")
    lines = text.splitlines(keepends=True)
    for found, pattern in ((theme, _THEME_LANGUAGE), (plugins, _SEARCH_LANG)):
        if found is not None:
            start, end = found
            block = pattern.sub(rf"\g<1>{language}", "".join(lines[start:end]), count=1)
            lines[start:end] = block.splitlines(keepends=True)
    return "".join(lines)


def site_config(model: str, title: str, description: str, language: str | None = None) -> str:
    """The model project's mkdocs.yml, made the new story's (in its `language`, when given)."""
    text = set_top_level(model, "site_name", f"site_name: {_yaml_string(title)}")
    text = set_top_level(text, "site_description", f"site_description: {_yaml_string(description)}")
    text = set_top_level(text, "hooks", f"hooks:\n  - {HOOK_FILE}")
    if _top_level_block(text, "extra") is not None:
        text = set_top_level(text, "extra", _extra_block(model))
    return with_language(text, language) if language else text


def _copy_look(like: Project, root: Path) -> None:
    overrides = like.root / "overrides"
    if overrides.is_dir():
        shutil.copytree(overrides, root / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    docs = like.docs
    generated = read_manifest(docs) if docs.is_dir() else set()
    for path in sorted(docs.rglob("*")) if docs.is_dir() else ():
        rel = path.relative_to(docs).as_posix()
        if path.is_dir() or rel.startswith(".") or rel in generated or path.suffix == ".md":
            continue
        target = root / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    # The model's logo tells its own story; the new site starts with a neutral one.
    assets = resources.files("generator").joinpath("data/site")
    for name in ("logo.svg", "favicon.svg"):
        target = root / "docs" / "assets" / name
        if target.exists():
            target.write_bytes(assets.joinpath(name).read_bytes())


def new_site(root: Path, article_path: Path, like: Project) -> NewSite:
    """Make the project in `root` (which must not exist, or be empty) for the article."""
    shown_root = str(root)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise GeneratorError(shown_root, "already exists and is not empty; name a new folder")
    if not like.mkdocs_yml.is_file():
        raise GeneratorError(
            str(like.mkdocs_yml), "not found: run `new` from a site's folder, or give --like DIR"
        )
    article = read_seed(article_path, str(article_path))
    paragraphs = [b.text for b in article.blocks if b.kind == "paragraph"]
    title = " ".join(article.title.split())
    description = _description(article.description, paragraphs)
    model = like.mkdocs_yml.read_text(encoding="utf-8")
    language = "zh" if is_chinese(article) else None  # else the model's own
    existed = root.exists()
    try:
        return _make(root, article_path, like, model, title, description, language)
    except BaseException:
        if not existed:  # all or nothing: no half-made project is left behind
            shutil.rmtree(root, ignore_errors=True)
        raise


def _make(
    root: Path,
    article_path: Path,
    like: Project,
    model: str,
    title: str,
    description: str,
    language: str | None = None,
) -> NewSite:
    root.mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir()
    seed = root / "seeds" / article_path.name
    shutil.copy2(article_path, seed)
    _copy_look(like, root)
    config = site_config(model, title, description, language)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / HOOK_FILE).write_text(HOOK, encoding="utf-8")
    (root / "Makefile").write_text(MAKEFILE.format(python=sys.executable), encoding="utf-8")
    (root / "README.md").write_text(
        README.format(title=title, seed=article_path.name), encoding="utf-8"
    )
    (root / ".gitignore").write_text(
        "site/\n.cache/\n"
        "docs/.generator.lock\n.*.generator-swap/\n"
        "docs/.generator-journal.json*\n.*.generator-new\n.*.generator-old\n",
        encoding="utf-8",
    )
    result = build(Project(root))
    return NewSite(root, seed, title, description, len(result.plan.writes))
