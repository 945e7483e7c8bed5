"""The edit path (issue 14): rebuilds in one long-lived process (`mkdocs serve`'s hook,
`generator watch`) reuse what compose, render, share cards and the output index kept from the
last build. Whatever they reuse, docs/ must be byte for byte what a clean build in a fresh
process writes, and a hand edit of a generated file must never be missed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import CORPUS, REPO, SEED, make_project

from generator import build as build_module
from generator import cache, compose, keep, memo, paging, share, write
from generator.build import build, generate, output_index, unchanged_key
from generator.errors import GeneratorError
from generator.model import Facts
from generator.site import Project

Tree = dict[str, bytes]
BOOKKEEPING = {".generator.lock", ".generator-journal.json"}


@pytest.fixture(autouse=True)
def fresh_process_state() -> Iterator[None]:
    """Each test starts as a new process would (nothing kept from another test)."""

    def forget() -> None:
        cache.forget_memory()
        compose.forget()
        keep.forget()
        memo.forget()
        share.forget()
        build_module.forget_seeds()

    forget()
    yield
    forget()


def docs_tree(docs: Path) -> Tree:
    return {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in sorted(docs.rglob("*"))
        if p.is_file() and p.name not in BOOKKEEPING
    }


def seeds_of(project: Path) -> dict[str, bytes | str]:
    return {p.name: p.read_bytes() for p in sorted((project / "seeds").iterdir()) if p.is_file()}


def clean_builds(roots: list[Path]) -> list[Tree]:
    """`python -m generator build` of each project in a fresh process, caches off."""
    env = {**os.environ, "GENERATOR_CACHE": "off", "GENERATOR_WORKERS": "1"}
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "--project", str(root)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for root in roots
    ]
    for process, root in zip(running, roots, strict=True):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, (root, err.decode())
    return [docs_tree(root / "docs") for root in roots]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


STEPS: list[tuple[str, Callable[[Path], object]]] = [
    ("a paragraph edited", lambda s: edit(s / "nasa_article_329.txt", "research", "zq research")),
    ("a person renamed", lambda s: edit(s / SEED.name, "Yulia Peresild", "Yulia Peresilt")),
    ("the same edit again", lambda s: edit(s / SEED.name, "Yulia Peresilt", "Yulia Peresilt")),
    ("a seed added", lambda s: shutil.copy(SEED, s / "copy-of-the-seed.md")),
    ("a seed removed", lambda s: (s / "nasa_article_813.txt").unlink()),
    (
        "a seed renamed",
        lambda s: (s / "nasa_article_550.txt").rename(s / "renamed-article.txt"),
    ),
    (
        "a corrections file added",
        lambda s: (s / "first-film-in-orbit.corrections.yml").write_text(
            "themes:\n  - remove: b18\n    theme: context\n", encoding="utf-8"
        ),
    ),
    (
        "the corrections file changed",
        lambda s: (s / "first-film-in-orbit.corrections.yml").write_text(
            "people:\n  - set: yulia-peresilt\n    age: 38\n", encoding="utf-8"
        ),
    ),
    (
        "the corrections file removed",
        lambda s: (s / "first-film-in-orbit.corrections.yml").unlink(),
    ),
    ("an edit undone", lambda s: edit(s / SEED.name, "Yulia Peresilt", "Yulia Peresild")),
]


def test_rebuilds_in_one_process_write_what_a_clean_build_writes(tmp_path: Path) -> None:
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    project = make_project(tmp_path / "live", seeds)
    assert build(Project(project)).applied
    trees: list[tuple[str, Tree]] = []
    references: list[Path] = []
    for n, (what, change) in enumerate(STEPS):
        change(project / "seeds")
        result = build(Project(project))
        assert result.applied and not result.plan.conflicts, what
        trees.append((what, docs_tree(project / "docs")))
        references.append(make_project(tmp_path / f"clean{n}", seeds_of(project)))
    for (what, tree), clean in zip(trees, clean_builds(references), strict=True):
        assert sorted(tree) == sorted(clean), what
        differing = sorted(name for name in clean if tree[name] != clean[name])
        assert differing == [], (what, differing)


def generated(project: Path) -> Tree:
    return {o.path: o.content for o in generate(Project(project))}


def forget_everything() -> None:
    cache.forget_memory()
    compose.forget()
    keep.forget()
    memo.forget()
    share.forget()
    build_module.forget_seeds()


def test_a_paged_site_rebuilt_in_one_process_is_what_a_cold_build_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Budgets small enough that four articles need parts everywhere (People in alphabetical
    parts, passages, timeline, voices, sources): what paging and share keep between builds
    (costs, trimmed cards, part links, mentions with their card's page, each Person's JSON-LD)
    must give every output byte of a build that kept nothing, after every kind of edit."""
    monkeypatch.setattr(paging, "LIST_BUDGET", 3_000)
    monkeypatch.setattr(paging, "PART_BUDGET", 6_000)
    monkeypatch.setattr(paging, "OVERVIEW_ARTICLES", 2)
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    project = make_project(tmp_path / "live", seeds)
    first = generated(project)
    assert sum(1 for path in first if path.startswith("people/cards-")) >= 3
    assert any(path.startswith("timeline/events-") for path in first)
    for what, change in STEPS:
        change(project / "seeds")
        warm = generated(project)
        forget_everything()
        cold = generated(project)
        assert sorted(warm) == sorted(cold), what
        assert [p for p in cold if warm[p] != cold[p]] == [], what
        generated(project)  # the next step starts from a warm process again


# ---- seeds trusted by their stat (build._seen): an unchanged seed is not read again ----------


def count_seed_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = build_module._seed_bytes

    def reading(project: Project, path: Path, *args: object) -> bytes:
        reads.append(path.name)
        return real(project, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "_seed_bytes", reading)
    return reads


def test_every_kind_of_edit_is_seen_when_seeds_are_trusted_by_their_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No racy window at all (a stat is trusted as soon as it is taken): the most a stat can
    be trusted. Every kind of edit still gives what a build that read every seed gives, and
    the seeds that did not change are not read."""
    monkeypatch.setattr(build_module, "RACY_NS", 0)
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    project = make_project(tmp_path / "live", seeds)
    generated(project)
    reads = count_seed_reads(monkeypatch)
    skipped = 0
    for what, change in STEPS:
        change(project / "seeds")
        reads.clear()
        warm = generated(project)
        listed = [p for p in (project / "seeds").iterdir() if not p.name.endswith(".yml")]
        skipped += len(listed) - len(reads)
        forget_everything()
        cold = generated(project)  # every seed read again
        assert sorted(warm) == sorted(cold), what
        assert [p for p in cold if warm[p] != cold[p]] == [], what
        generated(project)  # the next step starts from a warm process that read every seed
    assert skipped >= 2 * len(STEPS)  # most seeds were trusted, not read


def test_an_unchanged_seed_is_not_read_but_an_edited_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "RACY_NS", 0)
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    project = Project(make_project(tmp_path / "p", seeds))
    assert build(project).applied
    reads = count_seed_reads(monkeypatch)
    assert build(project).applied
    assert reads == []
    seed = project.seeds / SEED.name
    before = seed.stat()
    data = seed.read_bytes()
    edited = data.replace(b"Peresild", b"Peresilt")
    assert len(edited) == len(data) and edited != data
    seed.write_bytes(edited)  # same size, and the old mtime put back: the ctime still moves
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = build(project)
    assert reads == [SEED.name]
    assert "articles/first-film-in-orbit.md" in {o.path for o in result.plan.writes}
    assert b"Peresilt" in (project.docs / "articles" / "first-film-in-orbit.md").read_bytes()
    reads.clear()
    replaced = project.seeds / "replacement.tmp"  # an editor's save: a new file renamed over
    replaced.write_bytes(data)
    os.utime(replaced, ns=(before.st_atime_ns, before.st_mtime_ns))
    replaced.replace(seed)
    assert build(project).applied
    assert reads == [SEED.name]
    assert b"Peresilt" not in (project.docs / "articles" / "first-film-in-orbit.md").read_bytes()


def test_a_seed_stat_is_trusted_only_outside_the_racy_window() -> None:
    racy = write.RACY_NS
    old, now = 1_000 * racy, 1_010 * racy
    entry = ((5, old, old, 7, 9), now, "key")
    assert unchanged_key((5, old, old, 7, 9), entry) == "key"
    for other in ((6, old, old, 7, 9), (5, old + 1, old, 7, 9), (5, old, old + 1, 7, 9)):
        assert unchanged_key(other, entry) is None  # size, mtime, ctime
    for moved in ((5, old, old, 8, 9), (5, old, old, 7, 8), None):
        assert unchanged_key(moved, entry) is None  # another file, or none
    assert unchanged_key((5, old, old, 7, 9), None) is None  # never read
    for recent in ((5, now - racy + 1, old, 7, 9), (5, old, now - racy + 1, 7, 9)):
        # modified, or its metadata changed (a copy keeping an old mtime), just before the stat
        assert unchanged_key(recent, (recent, now, "key")) is None


def test_a_seed_that_is_a_link_is_read_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "RACY_NS", 0)
    project = Project(make_project(tmp_path / "p", {}))
    (project.seeds / "kept").mkdir()
    target = project.seeds / "kept" / "story.txt"
    target.write_bytes(SEED.read_bytes())
    (project.seeds / "story.md").symlink_to(target)
    assert build(project).applied
    reads = count_seed_reads(monkeypatch)
    assert build(project).applied
    assert reads == ["story.md"]


# ---- the output index (write.OutputIndex): stat-trusted, never blind to a hand edit ---------


def built(tmp_path: Path) -> Project:
    project = Project(make_project(tmp_path / "p", {SEED.name: SEED.read_bytes()}))
    assert build(project).applied
    return project


def age_docs(project: Project, seconds: int = 60) -> None:
    """Make every docs/ file look written `seconds` ago (out of the racy window)."""
    for path in project.docs.rglob("*"):
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 1_000_000_000))


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = write._current

    def reading(target: Path) -> bytes | None:
        reads.append(target.name)
        return real(target)

    monkeypatch.setattr(write, "_current", reading)
    return reads


def test_an_unchanged_docs_file_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = built(tmp_path)
    age_docs(project)
    reads = count_reads(monkeypatch)
    assert build(project).applied  # stats changed (utime): every file is read and recorded
    assert len(reads) > 20
    reads.clear()
    assert build(project).applied
    assert reads == []  # then none is read while its stat stays what was recorded
    index = output_index(project)
    assert index is not None and index.is_file()


def test_a_hand_edit_is_seen_even_with_the_old_mtime_and_size(tmp_path: Path) -> None:
    project = built(tmp_path)
    age_docs(project)
    assert build(project).applied  # records the aged stats
    page = project.docs / "people.md"
    before = page.stat()
    data = page.read_bytes()
    edited = data.replace(b"Peresild", b"Peresilt", 1)
    assert len(edited) == len(data) and edited != data
    page.write_bytes(edited)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # ctime still moves
    result = build(project)
    assert [c.path for c in result.plan.conflicts] == ["people.md"]
    assert result.plan.conflicts[0].reason == "edited"
    assert page.read_bytes() == edited


def forge_index(project: Project, rel: str, wrong: str, mtime_back_ns: int) -> None:
    """Record for `rel` its exact current stat but a wrong digest, as if a hand edit had kept
    the stat (a second write within one clock tick)."""
    index = output_index(project)
    assert index is not None
    raw = json.loads(index.read_bytes())
    target = project.docs / rel
    found = os.lstat(target)
    os.utime(target, ns=(found.st_atime_ns, found.st_mtime_ns - mtime_back_ns))
    found = os.lstat(target)
    stat = [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev]
    raw["files"][rel] = [wrong, *stat, found.st_mtime_ns + 1_000]  # seen right after mtime
    index.write_text(json.dumps(raw), encoding="utf-8")


def test_a_racily_clean_entry_is_not_trusted(tmp_path: Path) -> None:
    """An entry whose stat was taken within the racy window of the file's mtime is checked by
    reading the file: here the index claims other bytes, and the build sees the truth."""
    project = built(tmp_path)
    forge_index(project, "people.md", "0" * 64, 0)
    result = build(project)
    assert result.applied and not result.plan.conflicts and not result.plan.writes


def test_a_trusted_entry_is_what_plan_believes(tmp_path: Path) -> None:
    """The control for the test above: outside the racy window the entry is believed (the file
    is taken to hold the recorded bytes; a foreign digest reads as a hand edit)."""
    project = built(tmp_path)
    forge_index(project, "people.md", "0" * 64, 0)
    raw = json.loads(output_index(project).read_bytes())  # type: ignore[union-attr]
    raw["files"]["people.md"][-1] += 10 * write.RACY_NS  # seen long after the mtime
    output_index(project).write_text(json.dumps(raw), encoding="utf-8")  # type: ignore[union-attr]
    result = build(project)
    assert [c.path for c in result.plan.conflicts] == ["people.md"]


def _into_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


DAMAGES: dict[str, Callable[[Path], object]] = {
    "missing": lambda p: p.unlink(),
    "not JSON": lambda p: p.write_bytes(b"\x00{not json"),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "wrong shapes": lambda p: p.write_text(
        json.dumps({"format": 1, "docs": "x", "files": {"a": [1, 2]}}), encoding="utf-8"
    ),
    "wrong types": lambda p: p.write_text(
        json.dumps(
            {
                **json.loads(p.read_bytes()),
                "files": {
                    k: [v[0], *map(str, v[1:])]
                    for k, v in json.loads(p.read_bytes())["files"].items()
                },
            }
        ),
        encoding="utf-8",
    ),
    "a folder": lambda p: _into_folder(p),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_index_falls_back_to_reading_every_file(
    tmp_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = built(tmp_path)
    age_docs(project)
    assert build(project).applied
    expected = docs_tree(project.docs)
    index = output_index(project)
    assert index is not None
    DAMAGES[damage](index)
    page = project.docs / "timeline.md"
    page.write_bytes(page.read_bytes() + b"\nhand edit\n")
    reads = count_reads(monkeypatch)
    result = build(project)
    assert len(reads) > 20
    assert [c.path for c in result.plan.conflicts] == ["timeline.md"]
    page.write_bytes(expected["timeline.md"])
    assert build(project).applied
    assert docs_tree(project.docs) == expected


def test_an_index_copied_with_the_project_is_not_used(tmp_path: Path) -> None:
    """The index names the docs/ it describes: a copy of the project reads every file."""
    project = built(tmp_path)
    copy = Project(tmp_path / "copy")
    shutil.copytree(project.root, copy.root)
    page = copy.docs / "voices.md"
    page.write_bytes(page.read_bytes() + b"\nhand edit\n")
    result = build(copy)
    assert [c.path for c in result.plan.conflicts] == ["voices.md"]


def test_check_leaves_the_index_alone(tmp_path: Path) -> None:
    project = built(tmp_path)
    index = output_index(project)
    assert index is not None
    index.unlink()
    assert build(project, check=True).plan.stale == ()
    assert not index.exists()


def test_the_manifest_is_read_again_whenever_its_bytes_change(tmp_path: Path) -> None:
    """A long-lived process reuses what it last read or wrote of the manifest only for those
    very bytes: an entry removed by hand, or a path that leaves docs/, is seen at once."""
    project = built(tmp_path)
    assert build(project).applied  # the manifest now known to this process
    manifest = project.docs / write.MANIFEST
    data = manifest.read_text(encoding="utf-8")
    assert '"people.md"' in data
    manifest.write_text(data.replace('"people.md"', '"people-moved.md"'), encoding="utf-8")
    result = build(project)  # people.md holds the bytes it would get: taken back
    assert result.applied and result.plan.manifest_changed
    assert manifest.read_text(encoding="utf-8") == data
    manifest.write_text(data.replace('"people.md"', '"../people.md"'), encoding="utf-8")
    with pytest.raises(GeneratorError, match="damaged"):
        build(project)
    manifest.write_text(data, encoding="utf-8")
    assert build(project).applied


def test_a_manifest_is_checked_again_unless_its_very_bytes_passed(tmp_path: Path) -> None:
    """The manifest's checks are skipped only for bytes that passed them (write._checked): the
    same damaged bytes read twice are refused twice, and what a read hands back is a copy."""
    project = built(tmp_path)
    manifest = project.docs / write.MANIFEST
    data = manifest.read_text(encoding="utf-8")
    write.read_manifest(project.docs)  # checked: these bytes are now known to pass
    owned = write.read_manifest(project.docs)
    owned.pop("people.md")  # a caller's change to what it was given …
    assert "people.md" in write.read_manifest(project.docs)  # … is not what the next read says
    damaged = data.replace('"people.md": "', '"people.md": "0')
    manifest.write_text(damaged, encoding="utf-8")
    for _ in range(2):
        with pytest.raises(GeneratorError, match="without a valid hash"):
            write.read_manifest(project.docs)
    manifest.write_text(data, encoding="utf-8")
    assert write.read_manifest(project.docs) == json.loads(data)["files"]


# ---- the page memo's identity check (memo.Fingerprints._unchanged) ---------------------------


def memo_renders(pages: list[compose.Page]) -> tuple[list[bytes], list[str]]:
    """memo.render_pages of `pages` with a renderer that records what it renders."""
    rendered: list[str] = []

    def render(page: compose.Page) -> bytes:
        rendered.append(page.path)
        return repr(sorted(page.context.items(), key=str)).encode()

    return memo.render_pages(pages, [], render), rendered


def a_page(context: dict[str, object], path: str = "p.md") -> compose.Page:
    return compose.Page(path, "Title", "Description", "theme.md.j2", context)


def test_the_memo_sees_a_value_changed_in_place_behind_the_same_objects() -> None:
    """A page whose context holds the very objects of the last build is reused without a walk
    only where those objects are immutable: a list, dict or set changed in place (the same
    object) is walked again and the page rendered again; so is a frozenset swapped for an
    equal set that then changes."""
    words = ["one"]
    nested = {"k": ("a",)}
    frozen = frozenset({"x"})
    kept = ("tuple", 1, None)
    memo_renders([a_page({"first": kept})])  # the first Page walked records Page's fields

    def page() -> compose.Page:
        return a_page({"kept": kept, "words": words, "nested": nested, "set": frozen})

    first, rendered = memo_renders([page()])
    assert rendered == ["p.md"]
    again, rendered = memo_renders([page()])
    assert rendered == [] and again == first  # the same objects: not rendered again
    words.append("two")
    changed, rendered = memo_renders([page()])
    assert rendered == ["p.md"] and b"two" in changed[0]
    nested["k"] = ("b",)
    changed, rendered = memo_renders([page()])
    assert rendered == ["p.md"] and b"'b'" in changed[0]
    _, rendered = memo_renders([page()])
    assert rendered == []
    mutable = set(frozen)  # equal to the frozenset, and so is its digest: but mutable
    _, rendered = memo_renders(
        [a_page({"kept": kept, "words": words, "nested": nested, "set": mutable})]
    )
    mutable.add("y")
    changed, rendered = memo_renders(
        [a_page({"kept": kept, "words": words, "nested": nested, "set": mutable})]
    )
    assert rendered == ["p.md"] and b"'y'" in changed[0]


def test_the_memo_tells_equal_strings_from_other_values() -> None:
    """An equal new string is the same item; an equal value of another kind is not."""
    memo_renders([a_page({})])
    _, rendered = memo_renders([a_page({"n": "1", "d": "description"})])
    assert rendered == ["p.md"]
    _, rendered = memo_renders([a_page({"n": "".join(["1"]), "d": "descr" + "iption"})])
    assert rendered == []
    _, rendered = memo_renders([a_page({"n": 1, "d": "description"})])
    assert rendered == ["p.md"]
    _, rendered = memo_renders([a_page({"n": 1.0, "d": "description"})])
    assert rendered == ["p.md"]
    _, rendered = memo_renders([a_page({"d": "description", "n": 1.0})])
    assert rendered == ["p.md"]  # the same items in another order: another page model


def test_the_memo_keeps_unreached_digests_within_twice_the_most_one_build_reached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Digests a build did not reach stay while the map holds at most twice the most one
    build reached (counted only when it outgrows that); then only the build's own stay, and a
    page made of dropped values again is walked and rendered again, never taken for another."""
    monkeypatch.setattr(memo, "_RETAIN_FLOOR", 0)
    monkeypatch.setattr(memo, "_peak_used", 0)
    memo_renders([a_page({})])  # the first Page walked records Page's fields

    def values(tag: str) -> dict[str, object]:
        return {f"v{n}": (tag, n) for n in range(10)}

    first_values = values("first")
    first, rendered = memo_renders([a_page(first_values)])
    assert rendered == ["p.md"]
    reached = len(memo._lasting)
    assert memo._peak_used >= 10 and reached >= 10
    _, rendered = memo_renders([a_page(values("second"))])
    assert rendered == ["p.md"]
    assert len(memo._lasting) > reached  # the first build's digests stay (within twice)
    kept_first = [id(v) for v in first_values.values()]
    assert all(i in memo._lasting for i in kept_first)
    _, rendered = memo_renders([a_page(values("third"))])
    assert rendered == ["p.md"]
    assert len(memo._lasting) <= 2 * memo._peak_used
    assert all(entry[2] == memo._build for entry in memo._lasting.values())
    assert not any(i in memo._lasting for i in kept_first)
    again, rendered = memo_renders([a_page(first_values)])
    assert rendered == ["p.md"] and again == first  # walked again: the first page's bytes
    changed, rendered = memo_renders([a_page({**first_values, "v0": ("first", 99)})])
    assert rendered == ["p.md"] and changed != first


def test_the_index_text_is_the_json_encoding_of_its_entries() -> None:
    """write.index_text reuses each unchanged entry's encoding from the last save: whatever
    changed, its text is json.dumps of the body, character for character (and loads back)."""

    def dumped(docs: str, entries: dict[str, tuple[str, write.Stat, int]]) -> str:
        files = {rel: [value, *stat, seen] for rel, (value, stat, seen) in sorted(entries.items())}
        body = {"format": write.INDEX_FORMAT, "docs": docs, "files": files}
        return json.dumps(body, separators=(",", ":"))

    entries: dict[str, tuple[str, write.Stat, int]] = {
        "people.md": ("a" * 64, (10, 2, 3, 4, 5), 6),
        'crew/"quoted" é.md': ("b" * 64, (1, 1 << 62, 3, 4, 2**40), 7),
        "articles/\u0130stanbul.md": ("c" * 64, (0, 0, 0, 0, 0), 0),
    }
    docs = "/tmp/d\u00e9cor/docs"
    assert write.index_text(docs, entries) == dumped(docs, entries)
    entries["people.md"] = ("d" * 64, (11, 2, 3, 4, 5), 9)  # changed: encoded again
    del entries["articles/\u0130stanbul.md"]
    entries["a-new.md"] = ("e" * 64, (1, 2, 3, 4, 5), 6)
    text = write.index_text(docs, entries)
    assert text == dumped(docs, entries)
    assert json.loads(text)["files"]["people.md"] == ["d" * 64, 11, 2, 3, 4, 5, 9]


def test_the_memo_takes_a_new_container_of_the_same_values_by_its_skeleton(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new dict, list or tuple (paging makes new ones every build) holding the very same
    immutable values as last build's is told from its skeleton (memo._Node), without a walk;
    any other value, a changed length, a nested change or a change in place is rendered
    again."""
    kept = ("kept", 1)
    other = ("kept", 2)
    memo_renders([a_page({"first": kept})])  # the first Page walked records Page's fields
    inner: list[object] = [kept]

    def page(**changes: object) -> compose.Page:
        context: dict[str, object] = {
            "mentions": {"slug": kept, "n": 1},
            "pair": (kept, "title"),
            "nested": {"inner": {"k": kept}, "list": inner},
        }
        return a_page({**context, **changes})

    first, rendered = memo_renders([page()])
    assert rendered == ["p.md"]
    walked: list[type] = []
    real = memo.Fingerprints._value

    def counting(self: memo.Fingerprints, value: object) -> tuple[bytes, bool]:
        walked.append(type(value))
        return real(self, value)

    monkeypatch.setattr(memo.Fingerprints, "_value", counting)
    again, rendered = memo_renders([page()])
    assert rendered == [] and again == first
    assert dict not in walked and tuple not in walked  # told from the skeletons
    changes: list[dict[str, object]] = [
        {"mentions": {"slug": other, "n": 1}},  # another value
        {"mentions": {"slug": kept, "n": True}},  # an equal value of another kind
        {"mentions": {"slug": kept, "n": 1.0}},
        {"mentions": {"n": 1, "slug": kept}},  # another order
        {"mentions": {"slug": kept}},  # another length
        {"pair": (other, "title")},
        {"pair": [kept, "title"]},  # another kind of container
        {"nested": {"inner": {"k": other}, "list": inner}},  # a nested change
    ]
    for change in changes:
        _, rendered = memo_renders([page(**change)])
        assert rendered == ["p.md"], change
        _, rendered = memo_renders([page()])
        assert rendered == ["p.md"], change  # and back
    inner.append("more")  # the same list, changed in place
    changed, rendered = memo_renders([page()])
    assert rendered == ["p.md"] and b"more" in changed[0]
    _, rendered = memo_renders([page()])
    assert rendered == []


def test_editing_another_article_does_not_make_every_card_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild finds most values whole (compose._each, _same_as_last) without looking up the
    per-person cards they are made of; those must still be there for the next edit of another
    article (dropped, every card of the site was made again: ~1 s at 1,000 articles)."""
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    project = Project(make_project(tmp_path / "p", seeds))
    made: list[object] = []
    real = compose._card

    def counting(*args: object) -> object:
        made.append(args)
        return real(*args)

    monkeypatch.setattr(compose, "_card", counting)
    assert build(project).applied
    cards = len(made)
    assert cards > 5  # the site has people
    edit(project.seeds / "nasa_article_329.txt", "research", "zq research")
    assert build(project).applied
    made.clear()
    text = (project.seeds / "nasa_article_550.txt").read_text(encoding="utf-8")
    (project.seeds / "nasa_article_550.txt").write_text(text + "\n\nZq.\n", encoding="utf-8")
    assert build(project).applied
    assert len(made) < cards // 2, (len(made), cards)


def test_the_shares_of_an_edited_articles_old_version_are_dropped(tmp_path: Path) -> None:
    """compose keeps what each article gave the shared pages; after an edit, what the old
    version of the edited article gave is dropped (or the kept map grows with every save),
    while the other articles' shares stay for the next edit."""
    seeds: dict[str, bytes | str] = {SEED.name: SEED.read_bytes()}
    seeds.update({p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))})
    project = Project(make_project(tmp_path / "p", seeds))

    def heads(slug: str) -> list[object]:
        return [
            objects[0]
            for objects, _ in compose.snapshot().values()
            if objects and isinstance(objects[0], Facts) and objects[0].article.slug == slug
        ]

    assert build(project).applied
    old, other = heads("nasa-article-329"), heads("nasa-article-550")
    assert old and other
    edit(project.seeds / "nasa_article_329.txt", "research", "zq research")
    assert build(project).applied
    assert heads("nasa-article-329")  # the new version's shares
    assert not [h for h in heads("nasa-article-329") if any(h is o for o in old)]
    assert all(any(h is o for o in other) for h in heads("nasa-article-550"))
