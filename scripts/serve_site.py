"""Build the site and serve it on 127.0.0.1 the way a static host would, for tests and audits.

The site is mounted under the path of `site_url` (e.g. /first-film-in-orbit/) so that the 404
page, whose links MkDocs makes absolute from site_url, works exactly as when published. Text
responses are gzip-compressed when the client accepts it, content-hashed assets get a long cache
lifetime, a
missing file answers 404 with the site's 404.html, and / redirects to the site.

    python scripts/serve_site.py site/ --prefix /first-film-in-orbit/ --port 8000
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import mimetypes
import os
import posixpath
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
# Files whose names carry a content hash (Material's bundles: bundle.a5f9d56c.min.js) may be
# cached for a year; everything else (pages, site.css, the logo) is revalidated.
CONTENT_HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$")


ENGINES = ("mkdocs", "zensical")


def build_site(project: Path, dest: Path, engine: str = "mkdocs") -> Path:
    """A strict build of the project in `project` into dest; returns dest.

    mkdocs: `mkdocs build --strict` (the project's MkDocs hook regenerates its docs/ from
    seeds/ first). zensical: `python -m generator build`, then `zensical build --strict` (it
    runs no hooks) in a copy of the project beside dest, so neither docs/ nor the project's
    site/ and .cache/ are touched."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    bin_dir = Path(sys.executable).parent
    if engine == "mkdocs":
        # Not --quiet: in MkDocs 1.6 it sets the "mkdocs" logger to ERROR, so --strict never
        # sees a warning. The log is shown when the build fails.
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"mkdocs build --strict failed in {project}:\n{done.stderr}")
        return dest
    if engine != "zensical":
        raise ValueError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")
    work = dest.with_name(dest.name + "-zensical-project")
    work.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "overrides", "seeds"):
        src = project / name
        if src.is_dir():
            shutil.copytree(src, work / name)
        elif src.is_file():
            shutil.copy2(src, work / name)
    generate = [sys.executable, "-m", "generator", "build", "--project", str(work)]
    subprocess.run(generate, cwd=work, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [str(bin_dir / "zensical"), "build", "--strict"],
        cwd=work,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.move(work / "site", dest)
    return dest


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as a path relative to its root ("", "crew/", ...)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def site_prefix(mkdocs_yml: Path) -> str:
    """The URL path the site is published under, from site_url in mkdocs.yml ("/" if none)."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use tags like !ENV or !!python/name; treat any unknown tag as a plain value.
    def _any(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        return None

    _Loader.add_multi_constructor("", _any)
    with mkdocs_yml.open(encoding="utf-8") as fh:
        config = yaml.load(fh, Loader=_Loader) or {}
    path = urllib.parse.urlsplit(str(config.get("site_url") or "/")).path or "/"
    return path if path.endswith("/") else path + "/"


@dataclass(frozen=True)
class ServedSite:
    """A running server: `url` is the site's home page, `origin` is http://127.0.0.1:PORT."""

    origin: str
    prefix: str
    root: Path

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def page(self, path: str = "") -> str:
        """Absolute URL of a page given relative to the site root, e.g. page("crew/")."""
        return self.url + path.lstrip("/")


def _make_handler(root: Path, prefix: str) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "site-server"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_HEAD(self) -> None:
            self._respond(head=True)

        def do_GET(self) -> None:
            self._respond(head=False)

        def _respond(self, *, head: bool) -> None:
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            if path in ("", "/") and prefix != "/":
                self._send(302, b"", "text/plain", head=head, extra={"Location": prefix})
                return
            if path == "/robots.txt":
                rel = "robots.txt"
            elif path.startswith(prefix):
                rel = path[len(prefix) :]
            else:
                self._not_found(head)
                return
            target = self._resolve(rel)
            if target is None:
                if (root / rel).is_dir() and not path.endswith("/"):
                    self._send(301, b"", "text/plain", head=head, extra={"Location": path + "/"})
                else:
                    self._not_found(head)
                return
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/javascript", "image/svg+xml"):
                ctype += "; charset=utf-8"
            cache = "public, max-age=31536000" if CONTENT_HASHED.search(rel) else "no-cache"
            self._send(200, target.read_bytes(), ctype, head=head, extra={"Cache-Control": cache})

        def _resolve(self, rel: str) -> Path | None:
            norm = posixpath.normpath("/" + rel).lstrip("/")
            if norm.startswith(".."):
                return None
            candidate = root / norm if norm not in ("", ".") else root
            if candidate.is_dir():
                if not rel.endswith("/") and rel != "":
                    return None
                candidate = candidate / "index.html"
            if candidate.is_file() and root in candidate.resolve().parents:
                return candidate
            return None

        def _not_found(self, head: bool) -> None:
            page = root / "404.html"
            body = page.read_bytes() if page.is_file() else b"Not found"
            self._send(404, body, "text/html; charset=utf-8", head=head)

        def _send(
            self,
            status: int,
            body: bytes,
            ctype: str,
            *,
            head: bool,
            extra: dict[str, str] | None = None,
        ) -> None:
            headers = dict(extra or {})
            accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
            if body and accepts_gzip and ctype.startswith(COMPRESSIBLE) and len(body) > 512:
                body = gzip.compress(body, compresslevel=6)
                headers["Content-Encoding"] = "gzip"
                headers["Vary"] = "Accept-Encoding"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            # Lets linkchecker go faster than 10 requests a second (see its maxrequestspersecond).
            self.send_header("LinkChecker", "local test server")
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Browsers and checkers drop keep-alive connections at will; that is not an error.
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_site(root: Path, prefix: str = "/", port: int = 0) -> Iterator[ServedSite]:
    """Serve `root` under `prefix` on 127.0.0.1 (a free port unless given) in a thread."""
    if not prefix.startswith("/"):
        prefix = "/" + prefix
    if not prefix.endswith("/"):
        prefix += "/"
    root = root.resolve()
    server = _Server(("127.0.0.1", port), _make_handler(root, prefix))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield ServedSite(
            origin=f"http://127.0.0.1:{server.server_address[1]}", prefix=prefix, root=root
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--prefix", help="URL path of the site (default: from mkdocs.yml)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    prefix = args.prefix or (site_prefix(args.config) if args.config.is_file() else "/")
    with serve_site(args.site, prefix, args.port) as served:
        print(f"Serving {served.root} at {served.url} (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
