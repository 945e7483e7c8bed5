"""Project layout and site-wide settings (title, description) read from mkdocs.yml."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import GeneratorError

# libyaml's loader when PyYAML has it: the data files load several times faster.
_FAST_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LenientLoader(_FAST_SAFE_LOADER):  # type: ignore[valid-type,misc]
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags SafeLoader refuses (libyaml's
    parser when there is one: it is a fixed cost of every build)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_LenientLoader.add_multi_constructor("!", _ignore_tag)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class SiteConfig:
    name: str
    description: str
    url: str = ""  # site_url, always ending in "/" ("" when unset): for the feed and share cards
    # theme.language ("en", "zh"): the language of the site's own words (ui.py)
    language: str = "en"


@dataclass(frozen=True)
class Project:
    """Where things live: seeds/ in, docs/ out, mkdocs.yml for site settings."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    def shown(self, path: Path) -> str:
        """A path as users should see it in messages: relative to the project when possible."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def load_site_config(project: Project) -> SiteConfig:
    """Site title and description come from mkdocs.yml, never from whichever seed sorts first."""
    path = project.mkdocs_yml
    if not path.exists():
        return SiteConfig(name="News microsite", description="")
    try:
        text = path.read_text(encoding="utf-8")
        last = _last_config.get(str(path))
        if last is not None and last[0] == text:
            return last[1]  # the very object: the page memo (memo.py) knows it
        raw = yaml.load(text, Loader=_LenientLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise GeneratorError(project.shown(path), f"cannot be read as YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise GeneratorError(project.shown(path), "must be a YAML mapping")
    name = str(raw.get("site_name") or "News microsite")
    description = " ".join(str(raw.get("site_description") or "").split())
    url = str(raw.get("site_url") or "").strip()
    if url and not url.endswith("/"):
        url += "/"
    theme = raw.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    language = str(language).strip() if isinstance(language, str) and language.strip() else "en"
    config = SiteConfig(name=name, description=description, url=url, language=language)
    _last_config.clear()
    _last_config[str(path)] = (text, config)
    return config


# mkdocs.yml's path → (the text last read there, the SiteConfig made of it): a rebuild in a
# long-lived process hands every page the same object while the file says the same.
_last_config: dict[str, tuple[str, SiteConfig]] = {}


@cache
def load_data(name: str) -> Any:
    """A packaged YAML data file from generator/data/ (word lists, page layout, glossary),
    parsed once: callers must not modify what it returns. What it parses to is kept in the code
    cache (code_cache.py) under the file's text and PyYAML's version, as marshal data (plain
    mappings, lists, strings and numbers; a file holding anything else is parsed every time):
    the data files take ~10 ms to parse, in every new process."""
    import marshal

    from . import code_cache

    text = resources.files("generator").joinpath(f"data/{name}").read_text(encoding="utf-8")
    store = code_cache.store("data")
    key = f"yaml {yaml.__version__} {_FAST_SAFE_LOADER.__name__}\0{text}"
    found = store.get(key)
    if found is not None:
        with contextlib.suppress(EOFError, ValueError, TypeError):
            return marshal.loads(found)
        store.forget(key)  # damaged: parsed again
    data = yaml.load(text, Loader=_FAST_SAFE_LOADER)
    with contextlib.suppress(ValueError):  # a date or another type marshal does not store
        store.put(key, marshal.dumps(data))
    return data
