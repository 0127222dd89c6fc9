"""Helpers for the tests: copy the project, build it with MkDocs, serve a built site on
localhost, and the flags Debian's Chromium needs on this closed network."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "strategy"
FIXTURE = REPO / "tests" / "fixtures" / "sjoland"
"""A frozen copy of the example, for tests whose expected output must not change with it."""
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "macros", "strategy", "schemas", "src")


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    return target


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project, capture_output=True, text=True, check=False,
    )


CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium phones home at start; on a closed network that only makes noise.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _PagesHandler(_QuietHandler):
    """Like GitHub Pages: a missing path gets the site's root 404.html, with status 404."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(folder: Path, *, like_github_pages: bool = False) -> Iterator[str]:
    """Serve ``folder`` on a free localhost port; yields the base URL."""
    handler_class = _PagesHandler if like_github_pages else _QuietHandler
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


FIGURE_KEYS = ("series", "fetch", "fetched")


def without_figures(path: Path) -> None:
    """Take the figure blocks (``series``, ``fetch``, ``fetched``) and the comment lines right above
    them out of an indicator file, so that a test can write its own: the example carries some."""
    kept: list[str] = []
    skipping = False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        top_level = line[:1] not in (" ", "\t", "\n", "-")
        if top_level and not line.startswith("#"):
            skipping = line.split(":")[0] in FIGURE_KEYS
            if skipping:
                while kept and kept[-1].startswith("#"):
                    kept.pop()
        if not skipping:
            kept.append(line)
    path.write_text("".join(kept), encoding="utf-8")


def example_without_figures(root: Path) -> None:
    """Every indicator of a copied example without its figure blocks: tests of ``make figures``
    write their own fetch specifications and know exactly what is in the files."""
    for path in sorted((root / "indicators").glob("*.yml")):
        without_figures(path)
