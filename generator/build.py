"""The whole pipeline, shared by the command line and the MkDocs hook:
seeds/ → read → analyse (+ corrections) → compose → render → plan/apply on docs/."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from . import code_cache, state
from .analyse.themesets import load_theme_sets
from .cache import CACHE_DIR, AnalysisCache, entry_key
from .cache import enabled as cache_enabled
from .compose import compose_site
from .corrections import (
    MAX_CORRECTIONS_BYTES,
    apply_corrections,
    load_corrections,
    parse_corrections,
)
from .errors import GeneratorError
from .feed import FEED_PATH, atom_feed
from .media_cache import MediaCache
from .memo import render_pages
from .model import Article, Facts
from .nav import nav_output
from .paging import split_pages
from .photos import render_photos
from .pool import analyse_all
from .read import MAX_SEED_BYTES, SeedFolder, read_file_bounded, read_seed, scan_seed_folder
from .render import render_page
from .share import share
from .site import Project, load_site_config
from .ui import catalogue
from .write import OUTPUT_INDEX, RACY_NS, Output, Plan, Stat, regular_stat, update


@dataclass(frozen=True)
class BuildResult:
    plan: Plan
    applied: bool
    warnings: tuple[str, ...] = ()  # seed_warnings() as the build found seeds/


def seed_files(project: Project) -> list[Path]:
    """Seed files in a stable order, whatever order the file system lists them in."""
    return list(seed_folder(project).seeds)


def seed_warnings(project: Project) -> tuple[str, ...]:
    """Files in seeds/ that are not read (e.g. `story.docx`): the build can still be right."""
    return seed_folder(project).warnings


def seed_folder(project: Project) -> SeedFolder:
    if not project.seeds.is_dir():
        raise GeneratorError(project.shown(project.seeds), "is not a folder of seed articles")
    return scan_seed_folder(project.seeds, project.shown(project.seeds))


def corrections_path(seed: Path) -> Path:
    return seed.with_name(f"{seed.stem}.corrections.yml")


def _corrections_name(seed_name: str) -> str:
    """corrections_path(seed).name, from the seed's name (Path.stem's rule)."""
    dot = seed_name.rfind(".")
    stem = seed_name[:dot] if 0 < dot < len(seed_name) - 1 else seed_name
    return f"{stem}.corrections.yml"


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


@dataclass(frozen=True)
class Understood:
    """One seed, understood: its Facts (corrections applied) and a digest of everything they
    were made from (the seed's name and bytes, its corrections file, the generator's version)."""

    path: Path
    facts: Facts
    digest: str


# Corrected Facts per (analysis key, corrections bytes): a rebuild under `mkdocs serve` then
# hands compose the very same objects for every seed that did not change.
_corrected: dict[tuple[str, str], Facts] = {}


def snapshot() -> dict[tuple[str, str], Facts]:
    """The corrected Facts, for the next process (state.py)."""
    return _corrected


def restore(value: object) -> None:
    _corrected.clear()
    if value is None:
        return
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    _corrected.update(value)


# What this process last read of each seed: its path and shown name → (its stat just before
# the read, when that stat was taken, the analysis key of the bytes read). A seed whose stat is
# still that one is not read and hashed again (as git's index and write.OutputIndex do): any
# write, rename over, `touch` or copy changes its size, mtime, ctime or inode. A stat whose
# mtime or ctime was within RACY_NS of the moment it was taken is not trusted (a second write
# in the same clock tick could leave it unchanged). Only regular files (a link is read every
# time); rebuilt at every build, so it holds exactly the seeds of the last one.
_seen: dict[tuple[str, str], tuple[Stat, int, str]] = {}


def forget_seeds() -> None:
    """Forget what was read of seeds/ (tests: start as a new process would)."""
    _seen.clear()


def unchanged_key(found: Stat | None, entry: tuple[Stat, int, str] | None) -> str | None:
    """The analysis key recorded with `entry`, when `found` (the seed's stat now) says its bytes
    are still the ones read then; None: read the seed."""
    if found is None or entry is None:
        return None
    recorded, seen, key = entry
    if found != recorded or max(recorded[1], recorded[2]) + RACY_NS > seen:
        return None
    return key


def _seed_bytes(project: Project, path: Path, shown: str, inside: Path | None = None) -> bytes:
    """A seed's bytes: a regular file in seeds/, its size checked before it is read."""
    where = inside or project.seeds
    data = read_file_bounded(path, shown, limit=MAX_SEED_BYTES, inside=where)
    if data is None:
        raise GeneratorError(shown, "cannot be read (No such file or directory)")
    return data


def _corrections_bytes(project: Project, path: Path) -> bytes | None:
    return read_file_bounded(
        path,
        project.shown(path),
        limit=MAX_CORRECTIONS_BYTES,
        inside=project.seeds,
        what="corrections file",
    )


def _corrected_facts(
    project: Project, path: Path, key: str, facts: Facts, listed: frozenset[str] | None = None
) -> tuple[Facts, str]:
    """The editor's corrections file beside the seed, if any, applied to the rules' Facts.
    `listed`: the names seeds/ held when it was listed (a file not among them is not there)."""
    if listed is not None and _corrections_name(path.name) not in listed:
        return facts, key  # (told from the names alone: no Path made for each of 1,000 seeds)
    correction_file = corrections_path(path)
    shown = project.shown(correction_file)
    raw = _corrections_bytes(project, correction_file)
    if raw is None:
        return facts, key
    digest = hashlib.sha256(key.encode() + b"\0" + raw).hexdigest()
    memo = _corrected.get((key, digest))
    if memo is not None:
        return memo, digest
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise GeneratorError(shown, f"cannot be read ({exc})") from None
    corrections = parse_corrections(text, shown)
    if corrections.entries:
        facts = apply_corrections(facts, corrections, shown)
    if len(_corrected) > 4096:
        _corrected.clear()
    _corrected[(key, digest)] = facts
    return facts, digest


def understand(project: Project, path: Path, article: Article) -> Facts:
    """Rules first, then the editor's corrections file beside the seed, if any."""
    from .analyse import analyse

    facts = analyse(article)
    correction_file = corrections_path(path)
    corrections = load_corrections(correction_file, project.shown(correction_file))
    if corrections:
        facts = apply_corrections(facts, corrections, project.shown(correction_file))
    return facts


def understand_all(
    project: Project, workers: int | None = None, folder: SeedFolder | None = None
) -> list[Understood]:
    """Every seed, in seed order: analysed, or taken from the analysis cache when the seed's
    bytes, name and the generator are unchanged; new analyses run in parallel when there are
    many (see pool.py). A bad seed, or two seeds sharing a slug, raise as a serial read would:
    the first in seed order."""
    store = AnalysisCache(project.root if cache_enabled() else None)
    folder = folder or seed_folder(project)
    in_seeds = project.shown(project.seeds)  # a seed's shown path is this, "/", its name
    seeds: list[tuple[Path, str, bytes | None, str]] = []
    found: list[Facts | GeneratorError | None] = []
    inside = project.seeds  # a new Path at each use: made once for the 1,000 reads
    skip = cache_enabled()
    seen: dict[tuple[str, str], tuple[Stat, int, str]] = {}
    for path in folder.seeds:
        shown = f"{in_seeds}/{path.name}"
        where = (str(path), shown)
        now = regular_stat(path) if skip else None
        taken = time.time_ns()  # the stat came first: then the bytes, if they are read
        known = unchanged_key(now, _seen.get(where))
        facts = store.get(known) if known is not None else None
        if facts is None:  # read it (and hash it) again
            data = _seed_bytes(project, path, shown, inside)
            key = entry_key(shown, data)
            if key != known:
                facts = store.get(key)
            seeds.append((path, shown, data, key))
            if now is not None:
                seen[where] = (now, taken, key)
        else:
            assert known is not None  # facts were found by it
            seeds.append((path, shown, None, known))
            seen[where] = _seen[where]
        found.append(facts)
    _seen.clear()
    _seen.update(seen)
    missing = [i for i, facts in enumerate(found) if facts is None]
    if missing:
        state.worked()
        outcomes = analyse_all([_with_bytes(seeds[i]) for i in missing], workers)
        for i, outcome in zip(missing, outcomes, strict=True):
            found[i] = outcome
            if isinstance(outcome, Facts):
                store.put(seeds[i][3], outcome)
    by_slug: dict[str, Path] = {}
    understood: list[Understood] = []
    for (path, _, _, key), result in zip(seeds, found, strict=True):
        if isinstance(result, GeneratorError):
            raise result
        assert result is not None
        slug = result.article.slug
        if slug in by_slug:
            raise GeneratorError(
                project.shown(path),
                f"has the same slug '{slug}' as {project.shown(by_slug[slug])}; "
                "rename one of them or give it a `slug:` in its front matter",
            )
        by_slug[slug] = path
        understood.append(Understood(path, result, key))
    corrected = [
        Understood(u.path, *_corrected_facts(project, u.path, u.digest, u.facts, folder.names))
        for u in understood
    ]
    if store.stats.disk_hits:
        state.worked()  # Facts decoded anew: the next process should have them in the state
    if store.stats.written:
        store.prune(key for *_, key in seeds)
    return corrected


def _with_bytes(seed: tuple[Path, str, bytes | None, str]) -> tuple[Path, str, bytes]:
    path, shown, data, _ = seed
    assert data is not None  # a seed whose analysis is missing was read above
    return path, shown, data


def generate(
    project: Project, *, workers: int | None = None, folder: SeedFolder | None = None
) -> tuple[Output, ...]:
    """Everything docs/ should hold that the generator owns (pure apart from reading inputs and
    the analysis cache in .cache/). `workers`: see pool.analyse_all; `folder`: seeds/ as just
    listed (default: list it now)."""
    code_cache.use(project.root)  # compiled patterns and templates (saved by build())
    state.restore(project.root)  # a new process: what the last one kept (state.py)
    understood = understand_all(project, workers, folder)
    all_facts = [u.facts for u in understood]
    site = load_site_config(project)
    pages = split_pages(compose_site(all_facts, load_theme_sets(), site))
    photo_outputs, photos = render_photos(
        project.seeds, [f.article for f in all_facts], project.shown
    )
    if photos:  # every page may show a caption: the photo goes with it
        pages = tuple(replace(p, context={**p.context, "photos": photos}) for p in pages)
    cards, extras = share(pages, site, MediaCache(project.root))
    # Share-card head data is a function of the page itself, so the page-model fingerprint the
    # memo keys on covers it too.
    try:  # the cards are encoded in a thread meanwhile (cards.CardBatch)
        contents = render_pages(
            pages,
            [(u.facts, u.digest) for u in understood],
            lambda p: render_page(p, extras.get(p.path)).encode("utf-8"),
        )
    finally:
        card_outputs = cards.outputs()
    made = [(page.path, content) for page, content in zip(pages, contents, strict=True)]
    made += card_outputs
    # the nav: docs/.generator-nav.yml (generator/nav.py), with the theme's words of the site's
    # language
    nav = nav_output(pages, catalogue(site.language))
    made.append((nav.path, nav.content))
    made += photo_outputs
    made.append((FEED_PATH, atom_feed([f.article for f in all_facts], site)))
    return _outputs(made)


# Each path's Output of the last build: a rebuild whose memo hands back the very same bytes
# object gets the very same Output (thousands of frozen dataclasses made again otherwise).
_last_outputs: dict[str, Output] = {}


def _outputs(made: list[tuple[str, bytes]]) -> tuple[Output, ...]:
    kept = _last_outputs
    fresh: dict[str, Output] = {}
    outputs: list[Output] = []
    for path, content in made:
        output = kept.get(path)
        if output is None or output.content is not content:
            output = Output(path, content)
        fresh[path] = output
        outputs.append(output)
    kept.clear()
    kept.update(fresh)
    return tuple(outputs)


def settle() -> None:
    """After a build in a long-lived process (`mkdocs serve`, `generator watch`): collect the
    build's garbage, then move what is alive into the collector's permanent generation
    (gc.freeze). What a build keeps for the next (Facts, per-article shares, memos) is large,
    and otherwise every full collection during a rebuild walks all of it again (about half a
    second at 1,000 articles). Collections after the first scan only what is new since. The
    collector's thresholds are then as they were before the rebuild (see rebuilding())."""
    global _settled
    gc.collect()
    gc.freeze()
    if _normal:
        gc.set_threshold(*_normal.pop())
    _settled = True


_settled = False  # settle() ran: this is a long-lived process, which settles after each build
# During such a rebuild the youngest generation is collected only every this many new objects,
# not every 700: a one-seed rebuild at 1,000 articles otherwise runs ~80 collections (~30 ms
# of CPU), for garbage that settle() collects right after it anyway. A rebuild of everything
# (a theme change) still collects as it goes, so its garbage stays bounded.
_REBUILD_THRESHOLD = 1_000_000
_normal: list[tuple[int, int, int]] = []  # the thresholds to go back to, while raised


@contextlib.contextmanager
def rebuilding() -> Iterator[None]:
    """Around a rebuild in a process that settle()s after each build: the collector's youngest
    generation runs rarely (see _REBUILD_THRESHOLD) until settle() collects and puts the
    thresholds back (not at the end of the rebuild: the young objects counted meanwhile would
    start a collection right then). Elsewhere: nothing changes."""
    if _settled and not _normal:
        before = gc.get_threshold()
        _normal.append(before)
        gc.set_threshold(max(before[0], _REBUILD_THRESHOLD), *before[1:])
    yield


def warm_up(project: Project) -> None:
    """Analyse one seed and forget the result, so that the patterns and word lists analysis
    compiles on first use are ready before the first edit needs them. A long-lived process
    (`mkdocs serve`, `generator watch`) starts from the analysis cache, so otherwise its first
    rebuild after an edit would pay that start-up. Errors are left to the next build."""
    from .analyse import analyse

    with contextlib.suppress(Exception):
        for path in seed_files(project)[:1]:
            analyse(read_seed(path, project.shown(path)))
    state.long_lived()
    settle()


def output_index(project: Project) -> Path | None:
    """Where write.OutputIndex keeps what it knows of docs/ (None: the caches are off)."""
    return project.root / CACHE_DIR / OUTPUT_INDEX if cache_enabled() else None


def build(project: Project, *, check: bool = False, force: bool = False) -> BuildResult:
    """Plan docs/ from the seeds; apply unless checking. Conflicts stop a real build. Writing
    happens under the lock on docs/, after rolling back what a killed build left (write.update)."""
    with rebuilding():
        folder = seed_folder(project)  # listed once: the build and its warnings
        outputs = generate(project, folder=folder)
        shown = project.shown(project.docs)
        result, applied = update(
            project.docs,
            outputs,
            shown=shown,
            force=force,
            check=check,
            index=output_index(project),
        )
    code_cache.save()  # after docs/ is written: no file-system change of its own before it
    if not check:
        state.after_build(project.root)
    return BuildResult(result, applied=applied, warnings=folder.warnings)
