"""Helpers for the tests: copy the project (with the example or the live strategy), build it with
MkDocs, serve a built site on localhost, and the flags Debian's Chromium needs on this closed network.

Two strategies: ``EXAMPLE`` (``examples/sjoland``, the fictional Region Sjöland) is what tests of
behaviour read and copy, so they hold on a fork whose ``strategy/`` is another region's; ``LIVE``
(``strategy/``) is whatever the repository publishes, read only by the checks every site must pass
(it validates, every page builds, axe, no third-party requests)."""

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

from strategy_as_code.publishing.starter import set_mkdocs_keys

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "sjoland"
"""The example strategy: what every test of behaviour reads, whatever ``strategy/`` holds."""
LIVE = REPO / "strategy"
"""The strategy the repository publishes: Sjöland on the template, a region's own on a fork."""
EXAMPLE_SITE = {
    "site_name": "Regional utvecklingsstrategi för Sjölands län",
    "site_url": "http://127.0.0.1:8000/",
    "repo_url": "https://github.com/region-sjoland/rus",
    "copyright": "Region Sjöland. Exemplet får fritt återanvändas.",
}
"""The example's own settings in ``mkdocs.yml``, which ``make new-region`` changes on a fork."""
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "macros", "schemas", "src")


def copy_project(target: Path, strategy: Path = EXAMPLE) -> Path:
    """The site's files in ``target`` with ``strategy`` as its ``strategy/``; the example comes with
    its own site name and addresses, the live strategy with the repository's ``mkdocs.yml`` as it is
    but for ``site_url``."""
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    shutil.copytree(strategy, target / "strategy")
    # The tests serve a site at the root of localhost; a fork's site_url (https://…/rus/) would send
    # the 404 page's absolute links to its own path there.
    keys = EXAMPLE_SITE if strategy == EXAMPLE else {"site_url": EXAMPLE_SITE["site_url"]}
    settings = target / "mkdocs.yml"
    settings.write_text(set_mkdocs_keys(settings.read_text(encoding="utf-8"), keys), encoding="utf-8")
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
