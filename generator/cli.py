"""Command line: `python -m generator build | watch | extract | new`; errors are one line, never a
traceback."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .errors import GeneratorError, cut

if TYPE_CHECKING:
    from .site import Project

# Each verb imports what it uses when it runs (`build` needs no file watcher, `watch` no JSON),
# and a build takes the project's code cache before it imports the pipeline: the patterns
# compiled at import are then the cache's (code_cache.py, analyse/patterns.py).

DESCRIPTION = """\
Turn the news articles in seeds/ into the Markdown pages of a themed MkDocs site in docs/.

Typical use, from the project folder:
  python -m generator build            write docs/ from seeds/
  python -m generator build --check    fail (exit 1) if docs/ is out of date
  python -m generator extract seeds/first-film-in-orbit.md
                                       print what the generator understood, as JSON
  python -m generator new ../other-story --from article.md
                                       start the microsite of another story
"""

BUILD_HELP = """\
Read every article in seeds/ (.md, .markdown or .txt, with or without YAML front matter),
work out its people, quotes, dates and themes, and write the site's pages into docs/.

Only files whose bytes change are written, and only files the generator owns (listed in
docs/.generator-manifest.json): your own files in docs/ are never touched. If you edited a
generated page by hand, the build stops and says how to keep or discard the edit.
Corrections an editor writes in seeds/<name>.corrections.yml are applied on top.

Exit codes: 0 done (or up to date with --check), 1 docs/ is stale (--check) or a hand edit
is in the way, 2 bad input (the message names the file and line), 3 a bug in the generator
(please report it with the seed that caused it; GENERATOR_DEBUG=1 shows the traceback).
docs/ is left as it was unless the exit code is 0.
"""

WATCH_HELP = """\
Build docs/ from seeds/ as `build` does, then again whenever a seed or a corrections file in
seeds/ changes, until Ctrl-C. For `zensical serve`, which runs no MkDocs hook: run both side by
side (`make serve-zensical` does) and the served site follows seed edits. Each build prints the
same line as `build`; an error is one line, and the next save tries again. A page edited by
hand is never overwritten: the build stops and says so, as `build` does.
"""

EXTRACT_HELP = """\
Read one seed article and print, as JSON on standard output, everything the generator found:
blocks (b1, b2, …), people with roles, ages and organizations, organizations, places, quotes
with their speakers, dated events, which blocks belong to each theme, key facts, the film's
cast, and any corrections applied from the seed's .corrections.yml file. Nothing is written.
"""


NEW_HELP = """\
Start the microsite of another story in a new folder DIR: seeds/ with the article, a mkdocs.yml
with the story's own headline (site_name) and description (site_description: the article's
`description:` front matter, else its first paragraph), the look of the current site (its
theme settings, overrides/ and hand-written docs/ files such as assets/, with a neutral logo),
a hook so `mkdocs serve` and `mkdocs build` regenerate docs/ from seeds/, a Makefile
(`make serve`, `make site`) and a README. The pages are generated once before it returns.

DIR must not exist or be empty. Nothing in the current site changes.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    verbs.required = True
    b = verbs.add_parser(
        "build",
        help="write docs/ from the articles in seeds/",
        description=BUILD_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 and list the stale files if docs/ differs from the seeds",
    )
    b.add_argument(
        "--force",
        action="store_true",
        help="overwrite generated pages even if they were edited by hand (your edits are lost)",
    )
    b.add_argument(
        "--project",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the project folder holding seeds/, docs/ and mkdocs.yml (default: current folder)",
    )
    w = verbs.add_parser(
        "watch",
        help="build docs/ now and after every change to seeds/ (beside `zensical serve`)",
        description=WATCH_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    w.add_argument(
        "--project",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the project folder holding seeds/, docs/ and mkdocs.yml (default: current folder)",
    )
    e = verbs.add_parser(
        "extract",
        help="print what the generator understood of one article, as JSON",
        description=EXTRACT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("seed", type=Path, metavar="SEED", help="the article file, e.g. seeds/x.md")
    n = verbs.add_parser(
        "new",
        help="start the microsite of another story, from one article (one of the seeds/ files)",
        description=NEW_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    n.add_argument("dir", type=Path, metavar="DIR", help="the new site's folder (must not exist)")
    n.add_argument(
        "--from",
        dest="article",
        type=Path,
        required=True,
        metavar="ARTICLE",
        help="the story's first article (.md, .markdown or .txt), copied into DIR/seeds/",
    )
    n.add_argument(
        "--like",
        type=Path,
        default=Path("."),
        metavar="PROJECT",
        help="the site whose look to copy (default: the current folder)",
    )
    return parser


def _project(folder: Path) -> Project:
    """The project at `folder`, its code cache taken before the pipeline is imported."""
    from . import code_cache
    from .site import Project

    project = Project(folder.resolve())
    code_cache.use(project.root)
    return project


def _run_build(args: argparse.Namespace) -> int:
    project = _project(args.project)
    from .build import build

    result = build(project, check=args.check, force=args.force)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    docs = project.shown(project.docs)
    stale = result.plan.stale
    if args.check:
        if stale:
            print(f"docs/ is out of date with seeds/ ({len(stale)} file(s)):", file=sys.stderr)
            for path in stale:
                print(f"  {docs}/{path}", file=sys.stderr)
            print("Run `python -m generator build` to update it.", file=sys.stderr)
            return 1
        print("docs/ is up to date with seeds/")
        return 0
    if result.plan.conflicts:
        for conflict in result.plan.conflicts:
            print(conflict.explain(docs), file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    written, deleted = len(result.plan.writes), len(result.plan.deletes)
    if written or deleted:
        print(f"wrote {written} file(s), removed {deleted} file(s) in {docs}/")
    else:
        print(f"{docs}/ is already up to date")
    return 0


def _run_extract(args: argparse.Namespace) -> int:
    import json

    seed: Path = args.seed
    from .build import understand
    from .read import read_seed
    from .serialize import facts_to_json
    from .site import Project

    project = Project(Path(".").resolve())  # writes nothing, the code cache neither

    article = read_seed(seed, str(seed))
    facts = understand(project, seed, article)
    json.dump(facts_to_json(facts), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _run_new(args: argparse.Namespace) -> int:
    from .newsite import new_site
    from .site import Project

    made = new_site(args.dir, args.article, Project(args.like.resolve()))
    print(f"made {made.root}: “{made.title}”, {made.written} generated file(s) in docs/")
    print(f"next: cd {made.root} && make serve   (or: python -m generator build; mkdocs serve)")
    return 0


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP: handled like Ctrl-C (the build in progress is rolled back)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _signals_like_ctrl_c() -> Iterator[None]:
    """SIGTERM and SIGHUP raise like Ctrl-C while the command runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _terminated) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run_watch(args: argparse.Namespace) -> int:
    project = _project(args.project)
    from .watch import watch

    build_args = argparse.Namespace(project=args.project, check=False, force=False)
    with contextlib.suppress(AttributeError, ValueError):  # each build's line shows at once
        sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]

    def once() -> int:
        code = _guarded(_run_build, build_args)  # errors: one line, and keep watching
        if code >= 128:  # Ctrl-C, SIGTERM or SIGHUP during the build: stop watching
            raise KeyboardInterrupt
        return code

    try:
        return watch(project, once)
    except KeyboardInterrupt:
        print("stopped watching", file=sys.stderr)
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    with _signals_like_ctrl_c():
        return _main(args)


def exit_now(code: int) -> NoReturn:
    """End the process with `code` as the interpreter's exit would (atexit handlers, such as
    the code cache's save, and the flush of stdout and stderr), but without freeing, one by
    one, every object the build left in memory: at 100 articles that teardown took 0.6–0.9 s
    of CPU (load 5), about as long as writing docs/. A forked state writer is its own process
    and goes on. While another thread still runs: the normal exit, which waits for it."""
    main_thread = threading.main_thread()
    if any(t is not main_thread and t.is_alive() and not t.daemon for t in threading.enumerate()):
        raise SystemExit(code)
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def _main(args: argparse.Namespace) -> int:
    verbs = {"build": _run_build, "watch": _run_watch, "extract": _run_extract, "new": _run_new}
    return _guarded(verbs[args.verb], args)


def _guarded(verb: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a verb; every failure becomes one line on stderr and an exit code."""
    try:
        return verb(args)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        print("interrupted; docs/ is unchanged", file=sys.stderr)
        return 128 + exc.signum if isinstance(exc, Terminated) else 130
    except BrokenPipeError:
        # `extract … | head`: the reader left; that is not an error worth a traceback.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (lets the exit flush quietly)
        return 0
    except OSError as exc:  # a folder that cannot be listed, a disk that is full
        where = exc.filename or "?"
        problem = cut(f"{where}: {exc.strerror or exc}", 300)
        print(f"error: {problem}; docs/ is unchanged", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: still one line, and docs/ was not touched (all or nothing)
        if os.environ.get("GENERATOR_DEBUG"):
            raise  # developers chasing the bug want the traceback
        problem = cut(" ".join(str(exc).split()), 300)
        print(
            f"error: internal error ({type(exc).__name__}: {problem}); docs/ is unchanged. "
            "Please report this with the seed that caused it.",
            file=sys.stderr,
        )
        return 3
