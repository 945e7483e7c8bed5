"""The code cache (compiled patterns and templates kept between processes) changes no output:
a pattern from the cache equals re.compile of its source, a build that takes everything from
the cache writes the same docs/, and a damaged or foreign cache file is ignored."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import REPO, SEED

from generator import code_cache
from generator.analyse import patterns, people
from generator.analyse.lexicon import people_lexicon
from generator.analyse.text import phrase_alternation
from generator.cache import generator_version

SOURCES = [
    r"(?i)(?P<a>x|y(?:z|)\s+)(?<![\w-])(?=q)(?:\1|b)*?$",
    "(?i:" + phrase_alternation(people_lexicon().roles) + r")\b(?!\s+[A-Z])",
    r"(?P<year>1[6-9]\d\d|2[01]\d\d)(?![\w’'-])",
]


@pytest.fixture
def fresh_cache(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "project").mkdir()
    code_cache.use(None)
    yield tmp_path / "project"
    code_cache.use(None)


def _reload(root: Path) -> None:
    code_cache.use(None)
    code_cache.use(root)


def test_a_cached_pattern_equals_re_compile_of_its_source(fresh_cache: Path) -> None:
    code_cache.use(fresh_cache)
    first = [patterns.compile(s) for s in SOURCES]
    code_cache.save()
    files = list((fresh_cache / ".cache" / "generator" / "code").glob("patterns-*.bin"))
    assert len(files) == 1
    _reload(fresh_cache)
    store = code_cache.store("patterns")
    assert all(store.get(f"0\0{s}") is not None for s in SOURCES)  # from the file this time
    again = [patterns.compile(s) for s in SOURCES]
    for source, one, two in zip(SOURCES, first, again, strict=True):
        plain = re.compile(source)
        assert one == plain and two == plain  # same source, flags and program
        text = "Deputy administrator, xyz  yb 1969 the astronaut Jane and q"
        assert [m.span() for m in two.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_damaged_or_foreign_file_is_ignored(fresh_cache: Path) -> None:
    code_cache.use(fresh_cache)
    for source in SOURCES:
        patterns.compile(source)
    code_cache.save()
    (path,) = (fresh_cache / ".cache" / "generator" / "code").glob("patterns-*.bin")
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF
    path.write_bytes(bytes(data))
    _reload(fresh_cache)
    assert code_cache.store("patterns").get(f"0\0{SOURCES[1]}") is None
    assert patterns.compile(SOURCES[1]) == re.compile(SOURCES[1])
    path.write_bytes(b"something else entirely")
    _reload(fresh_cache)
    assert patterns.compile(SOURCES[0]) == re.compile(SOURCES[0])


def test_nothing_is_written_with_the_cache_off(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENERATOR_CACHE", "off")
    code_cache.use(fresh_cache)
    patterns.compile(SOURCES[2])
    code_cache.save()
    assert not (fresh_cache / ".cache").exists()


def _build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GENERATOR_WORKERS": "1"}
    command = [sys.executable, "-m", "generator", "build", "--project", str(project), *args]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)


def test_a_build_from_the_code_cache_writes_the_same_docs(
    seed_project: Path, tree_bytes: Callable[[Path], dict[str, bytes]]
) -> None:
    first = _build(seed_project)
    assert first.returncode == 0, first.stderr
    code = seed_project / ".cache" / "generator" / "code"
    assert {p.name.split("-")[0] for p in code.glob("*.bin")} == {
        "patterns",
        "templates",
        "lexicon",
        "data",
    }
    # The rule modules were imported after the project's code cache was taken: their
    # module-level patterns are in it too.
    code_cache.use(seed_project)
    try:
        assert code_cache.store("patterns").get(f"0\0{people._CONNECTOR.pattern}")
    finally:
        code_cache.use(None)
    docs = tree_bytes(seed_project / "docs")
    # Analysis and cards again, with the compiled patterns and templates from the cache.
    shutil.rmtree(seed_project / ".cache" / "generator" / "analysis")
    shutil.rmtree(seed_project / ".cache" / "generator" / "media")
    stamp = {p: p.stat().st_mtime_ns for p in code.glob("*.bin")}
    again = _build(seed_project, "--check")
    assert again.returncode == 0, again.stdout + again.stderr
    assert tree_bytes(seed_project / "docs") == docs
    assert {p: p.stat().st_mtime_ns for p in code.glob("*.bin")} == stamp  # nothing new


def test_the_word_lists_from_the_cache_equal_those_built_from_the_data(fresh_cache: Path) -> None:
    from generator.analyse import lexicon

    built = lexicon._build_people_lexicon()
    code_cache.use(fresh_cache)
    lexicon.people_lexicon.cache_clear()
    try:
        assert lexicon.people_lexicon() == built  # built, and stored
        code_cache.save()
        _reload(fresh_cache)
        lexicon.people_lexicon.cache_clear()
        key = f"people\0{generator_version()}\0{lexicon._nameparser_version()}"
        assert code_cache.store("lexicon").get(key) is not None  # from the file this time
        again = lexicon.people_lexicon()
        assert again == built and again is not built
        assert [type(p) for p in again.parts] == [lexicon.PartCue] * len(built.parts)
        assert list(again.roles) == list(built.roles)  # the same order, too
    finally:
        lexicon.people_lexicon.cache_clear()


def test_the_data_files_from_the_cache_equal_their_yaml(fresh_cache: Path) -> None:
    import yaml

    from generator import site

    path = Path(site.__file__).parent / "data" / "dates.yml"
    parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
    site.load_data.cache_clear()
    code_cache.use(fresh_cache)
    try:
        assert site.load_data("dates.yml") == parsed  # parsed, and stored
        code_cache.save()
        _reload(fresh_cache)
        site.load_data.cache_clear()
        again = site.load_data("dates.yml")
        assert again == parsed and code_cache.store("data")._used  # from the file this time
    finally:
        site.load_data.cache_clear()


def test_a_build_with_every_seed_cached_imports_no_rule_module(seed_project: Path) -> None:
    assert _build(seed_project).returncode == 0
    shown = (
        "import sys; from generator.cli import main; "
        f"code = main(['build', '--project', {str(seed_project)!r}]); "
        "print(code, sorted(m for m in sys.modules if m.startswith('generator.analyse.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", shown], cwd=REPO, capture_output=True, text=True, check=False
    )
    code, modules = done.stdout.strip().splitlines()[-1].split(" ", 1)
    assert code == "0", done.stderr
    for rules in ("people", "dates", "entities", "quotes"):
        assert f"generator.analyse.{rules}" not in modules  # analysed nothing: not imported
    edited = seed_project / "seeds" / SEED.name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", shown], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert "'generator.analyse.people'" in done.stdout.strip().splitlines()[-1], done.stderr


def test_the_countries_from_the_cache_equal_those_read_from_the_data(fresh_cache: Path) -> None:
    from generator.analyse import lexicon

    built = frozenset(name for kind, name in lexicon._place_lines() if kind == "country")
    code_cache.use(fresh_cache)
    lexicon.country_names.cache_clear()
    try:
        assert lexicon.country_names() == built  # read, and stored
        code_cache.save()
        _reload(fresh_cache)
        lexicon.country_names.cache_clear()
        assert code_cache.store("lexicon").get(f"countries\0{generator_version()}") is not None
        again = lexicon.country_names()
        assert again == built and again is not built and "Kazakhstan" in again
    finally:
        lexicon.country_names.cache_clear()
