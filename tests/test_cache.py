"""The analysis cache (.cache/generator/) and the analysis pool: a cached build is the build.

Wrong hits must be impossible: every input that decides an analysis is in its key, so changing
any of them changes the output; a damaged entry is recomputed, never trusted, never fatal.
The pool gives the same bytes whatever the number of workers.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import ARTICLES, CORPUS, SEED, make_project
from test_corrections_site import CORRECTIONS

import generator.analyse
import generator.cache as cache
import generator.pool as pool
from generator.build import build, generate, understand_all
from generator.cache import (
    AnalysisCache,
    DamagedEntry,
    entry_key,
    facts_from_payload,
    facts_to_payload,
    generator_version,
)
from generator.cli import main
from generator.errors import GeneratorError
from generator.model import Article, Facts
from generator.read import read_seed
from generator.site import Project

Outputs = dict[str, bytes]


@pytest.fixture(autouse=True)
def fresh_memory() -> Iterator[None]:
    """Each test starts (and ends) with an empty in-memory layer, so the files are exercised."""
    cache.forget_memory()
    yield
    cache.forget_memory()


@pytest.fixture
def analyses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs of the articles analysed (by the rules) from now on, in this process."""
    seen: list[str] = []
    real = generator.analyse.analyse

    def counting(article: Article) -> Facts:
        seen.append(article.slug)
        return real(article)

    monkeypatch.setattr(generator.analyse, "analyse", counting)
    return seen


def four_articles(root: Path) -> Path:
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    return make_project(root, seeds)


def outputs(project: Path, workers: int | None = 1) -> Outputs:
    return {o.path: o.content for o in generate(Project(project), workers=workers)}


def entries(project: Path) -> list[Path]:
    return sorted((project / ".cache" / "generator" / "analysis").rglob("*.json"))


def test_a_warm_build_analyses_nothing_and_an_edit_analyses_one(
    tmp_path: Path, analyses: list[str]
) -> None:
    project = four_articles(tmp_path / "p")
    cold = outputs(project)
    assert len(analyses) == 4 and len(entries(project)) == 4
    cache.forget_memory()  # a new process: only the files remain
    analyses.clear()
    assert outputs(project) == cold
    assert analyses == []
    seed = project / "seeds" / "nasa_article_329.txt"
    seed.write_bytes(seed.read_bytes().replace(b"research", b"science", 1))
    cache.forget_memory()
    edited = outputs(project)
    assert analyses == ["nasa-article-329"]
    assert edited != cold and b"science" in edited["articles/nasa-article-329.md"]
    # The old entry of the edited seed is dropped: the cache stays the size of the site.
    assert len(entries(project)) == 4


def test_the_cached_build_is_byte_identical_to_an_uncached_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = four_articles(tmp_path / "p")
    outputs(project)
    cache.forget_memory()
    warm = outputs(project)  # from the files
    monkeypatch.setenv("GENERATOR_CACHE", "off")
    cache.forget_memory()
    other = four_articles(tmp_path / "q")
    assert outputs(other) == warm
    assert not (other / ".cache").exists()  # off means no reads and no writes


def test_facts_survive_the_round_trip_exactly() -> None:
    for name, path in ARTICLES.items():
        facts = understand_all_one(path)
        payload = facts_to_payload(facts)
        assert facts_from_payload(payload) == facts, name


def understand_all_one(seed: Path) -> Facts:
    return generator.analyse.analyse(read_seed(seed, f"seeds/{seed.name}"))


@pytest.mark.parametrize(
    "change",
    ["seed-byte", "rename", "corrections", "corrections-removed"],
)
def test_changing_an_input_changes_the_output(tmp_path: Path, change: str) -> None:
    project = four_articles(tmp_path / "p")
    seed = project / "seeds" / SEED.name
    corrections = project / "seeds" / "first-film-in-orbit.corrections.yml"
    if change == "corrections-removed":
        corrections.write_text(CORRECTIONS, encoding="utf-8")
    before = outputs(project)
    cache.forget_memory()
    if change == "seed-byte":  # one letter of one paragraph
        seed.write_bytes(seed.read_bytes().replace(b"Peresild", b"Peresilt", 1))
    elif change == "rename":  # same bytes, another name: another slug and other messages
        seed.rename(seed.with_name("film-in-orbit.md"))
    elif change == "corrections":
        corrections.write_text(CORRECTIONS, encoding="utf-8")
    else:
        corrections.unlink()
    after = outputs(project)
    assert after != before
    fresh = tmp_path / "fresh"
    shutil.copytree(project / "seeds", make_project(fresh) / "seeds", dirs_exist_ok=True)
    cache.forget_memory()
    assert outputs(fresh) == after  # the cached build is what a first build gives


def test_corrections_are_applied_on_top_without_reanalysing(
    tmp_path: Path, analyses: list[str]
) -> None:
    project = four_articles(tmp_path / "p")
    outputs(project)
    analyses.clear()
    cache.forget_memory()
    (project / "seeds" / "first-film-in-orbit.corrections.yml").write_text(CORRECTIONS)
    crew = outputs(project)["crew.md"].decode()
    assert analyses == []
    assert 'id="yuri-gagarin"' in crew


def test_the_key_covers_every_file_of_the_generator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = Path(cache.__file__).parent
    copy = tmp_path / "generator"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", copy)

    def version() -> str:
        generator_version.cache_clear()
        return generator_version()

    try:
        seen = {version()}
        for name in (
            "data/themes/spaceflight.yml",
            "data/people.yml",
            "templates/theme.md.j2",
            "compose.py",
        ):
            target = copy / name
            target.write_bytes(target.read_bytes() + b"\n")
            seen.add(version())
        (copy / "data" / "new.yml").write_text("x: 1\n")
        seen.add(version())
        assert len(seen) == 6, "each change gives a new version"
    finally:
        generator_version.cache_clear()
    base = entry_key("seeds/a.md", b"text")
    assert len({base, entry_key("seeds/b.md", b"text"), entry_key("seeds/a.md", b"texT")}) == 3


def test_a_new_generator_version_never_reads_old_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, analyses: list[str]
) -> None:
    project = four_articles(tmp_path / "p")
    outputs(project)
    old = entries(project)
    cache.forget_memory()
    analyses.clear()
    generator_version.cache_clear()
    monkeypatch.setattr(cache, "FORMAT", 999)  # stands for any change of code or data
    try:
        outputs(project)
        assert len(analyses) == 4
        assert not any(p.exists() for p in old), "entries of other versions are dropped"
    finally:
        generator_version.cache_clear()


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda raw: b"",
    "truncated": lambda raw: raw[: len(raw) // 2],
    "garbage": lambda raw: b"\x00\xff not json at all",
    "flipped-byte": lambda raw: raw[:-40] + bytes([raw[-40] ^ 0x01]) + raw[-39:],
    "no-header": lambda raw: raw.partition(b"\n")[2],
    "other-key": lambda raw: raw.replace(b'"key":"', b'"key":"0', 1),
    "header-only": lambda raw: raw.partition(b"\n")[0] + b"\n",
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_is_recomputed_never_trusted(
    tmp_path: Path, damage: str, analyses: list[str]
) -> None:
    project = four_articles(tmp_path / "p")
    good = outputs(project)
    for entry in entries(project):
        entry.write_bytes(DAMAGE[damage](entry.read_bytes()))
    cache.forget_memory()
    analyses.clear()
    assert outputs(project) == good
    assert len(analyses) == 4
    cache.forget_memory()
    analyses.clear()
    assert outputs(project) == good and analyses == [], "the entries were rewritten"


def test_an_entry_whose_checksum_holds_but_types_do_not_is_refused() -> None:
    facts = understand_all_one(SEED)
    payload = facts_to_payload(facts).replace(b'"b1","paragraph"', b'"b1",7', 1)
    with pytest.raises(DamagedEntry):
        facts_from_payload(payload)
    with pytest.raises(DamagedEntry):
        facts_from_payload(b"[1, 2]")


def test_a_crash_mid_write_leaves_a_working_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = four_articles(tmp_path / "p")
    good = outputs(project)
    folder = entries(project)[0].parent
    (folder / ".x.json.tmp-12345").write_bytes(b'{"format":1')  # a killed writer's leftover
    shutil.rmtree(folder)
    folder.mkdir()
    cache.forget_memory()

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("generator.cache.os.replace", failing_replace)
    assert outputs(project) == good  # writing the cache failed: the build did not
    assert not list(folder.iterdir()), "no temporary file is left behind"


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path) -> None:
    project = four_articles(tmp_path / "p")
    (project / ".cache").write_text("a file where the folder should be")
    assert main(["build", "--project", str(project)]) == 0
    assert (project / "docs" / "crew.md").is_file()


def test_the_cache_holds_no_code(tmp_path: Path) -> None:
    project = four_articles(tmp_path / "p")
    outputs(project)
    for entry in entries(project):
        header, _, payload = entry.read_bytes().partition(b"\n")
        assert header.startswith(b'{"format":1,"key":"')
        assert payload.startswith(b"[[") and b"pickle" not in payload


# ---- the pool ---------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_one_and_two_workers_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    monkeypatch.setenv("GENERATOR_CACHE", "off")
    monkeypatch.setattr(pool, "start_method", lambda: method)
    one = outputs(four_articles(tmp_path / "one"), workers=1)
    cache.forget_memory()
    two = outputs(four_articles(tmp_path / "two"), workers=2)
    assert one == two and len(one) > 8


def test_a_bad_seed_in_the_pool_is_the_same_one_line_error(tmp_path: Path) -> None:
    project = four_articles(tmp_path / "p")
    (project / "seeds" / "b-broken.md").write_bytes(b"---\ntitle: [unclosed\n---\nText.\n")
    (project / "seeds" / "c-empty.md").write_bytes(b"   \n")
    messages = []
    for workers in (1, 2):
        cache.forget_memory()
        with pytest.raises(GeneratorError) as error:
            generate(Project(project), workers=workers)
        messages.append(str(error.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith("seeds/b-broken.md:")


def test_the_pool_is_used_only_for_many_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GENERATOR_WORKERS", raising=False)
    started: list[int] = []

    class Spy:
        def __init__(self, max_workers: int, mp_context: object) -> None:
            started.append(max_workers)
            raise RuntimeError("stop here")

    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Spy)
    monkeypatch.setattr(pool, "worker_count", lambda: 2)
    tasks = [(SEED, "seeds/x.md", SEED.read_bytes())] * 3
    assert len(pool.analyse_all(tasks)) == 3 and started == []
    with pytest.raises(RuntimeError, match="stop here"):
        pool.analyse_all(tasks * pool.POOL_THRESHOLD)
    assert started == [2]


def test_forked_workers_start_after_the_first_article_is_analysed_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The parent analyses the first article (compiling the patterns once), then the forked
    # workers, which inherit them, take the rest; the outcomes stay in task order.
    mapped: list[list[str]] = []
    here: list[str] = []

    class Pool:
        def __init__(self, max_workers: int, mp_context: object) -> None:
            pass

        def __enter__(self) -> Pool:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def map(self, fn: Callable[[pool.Task], object], tasks: list[pool.Task], chunksize: int):  # type: ignore[no-untyped-def]
            mapped.append([shown for _, shown, _ in tasks])
            return [fn(task) for task in tasks]

    real = pool.analyse_one

    def spy(task: pool.Task) -> pool.Outcome:
        here.append(task[1])
        return real(task)

    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(pool, "start_method", lambda: "fork")
    monkeypatch.setattr(pool, "analyse_one", spy)
    data = SEED.read_bytes()
    tasks = [(SEED, f"seeds/{n}.md", data) for n in "abc"]
    outcomes = pool.analyse_all(tasks, workers=2)
    assert mapped == [["seeds/b.md", "seeds/c.md"]]
    assert here[0] == "seeds/a.md"
    assert outcomes == pool.analyse_all(tasks, workers=1)


def test_worker_count_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENERATOR_WORKERS", "3")
    assert pool.worker_count() == 3
    monkeypatch.setenv("GENERATOR_WORKERS", "lots")
    assert pool.worker_count() >= 1


def test_extract_and_build_agree(tmp_path: Path) -> None:
    project = four_articles(tmp_path / "p")
    assert build(Project(project)).applied
    cache.forget_memory()
    understood = understand_all(Project(project))
    assert [u.facts.article.slug for u in understood] == [
        "first-film-in-orbit",
        "nasa-article-329",
        "nasa-article-550",
        "nasa-article-813",
    ]
    store = AnalysisCache(project)
    assert all(
        store.get(entry_key(f"seeds/{u.path.name}", u.path.read_bytes())) for u in understood
    )


def test_the_key_reads_jiebas_version_as_its_metadata_gives_it() -> None:
    """The analysis key holds jieba's version without importing it (start-up): the version read
    from its source is the installed distribution's; a module not installed gives "-"."""
    import importlib.metadata

    from generator.cache import _source_version

    assert _source_version("jieba") == importlib.metadata.version("jieba")
    assert _source_version("no_such_module_here") == "-"
