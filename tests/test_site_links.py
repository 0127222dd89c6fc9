"""Every internal link and resource of every built page resolves when the site is served under a
version folder (``/2026/``), as mike publishes it: for our build and for the plain build of the
site sources. ``mkdocs build --strict`` checks Markdown links only, never those inside the HTML
our templates write, so this reads the built HTML as a browser would."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from support import copy_project, serve
from test_site_sources import build_plain

VERSION = "2026"
_LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


@pytest.fixture(scope="module")
def plain_build(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("links-project"))
    return build_plain(project, project.parent / "sources")


def _pages(site: Path) -> list[Path]:
    # 404.html is left out: MkDocs writes its links absolute to site_url on purpose (it is served
    # for any missing path), and mike serves no version's 404 page anyway.
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def _address(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def check_links(site: Path, tmp_path: Path) -> tuple[int, int, list[str]]:
    """Serve ``site`` as ``<tmp>/2026/``; returns pages read, links checked and the broken ones."""
    shutil.copytree(site, tmp_path / VERSION)
    broken, checked, status, ids = [], 0, {}, {}
    with serve(tmp_path) as base:
        root = f"{base}{VERSION}/"

        def fetch(url: str) -> bytes | None:
            if url not in status:
                try:
                    with urllib.request.urlopen(url) as response:
                        status[url] = response.read()
                except urllib.error.HTTPError:
                    status[url] = None
            return status[url]

        pages = _pages(site)
        for page in pages:
            page_url = root + _address(site, page)
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            article = soup.find("article")
            for tag in soup.find_all(list(_LINKING)):
                value = tag.get(_LINKING[tag.name])
                if not value or urlsplit(value).scheme or value.startswith("//"):
                    continue  # no link, or another host (the theme's site_url links, mailto:)
                checked += 1
                target, fragment = urldefrag(urljoin(page_url, value))
                where = f"{page.relative_to(site)}: {tag.name} {value!r}"
                if not target.startswith(root):
                    broken.append(f"{where} leaves /{VERSION}/")
                    continue
                body = fetch(target)
                if body is None:
                    broken.append(f"{where} -> {target} is missing")
                elif fragment and article is not None and tag in article.find_all(tag.name):
                    # An anchor our own HTML links to must exist on the target page.
                    if target not in ids:
                        ids[target] = {t.get("id") for t in BeautifulSoup(body, "html.parser").find_all(id=True)}
                    if fragment not in ids[target]:
                        broken.append(f"{where} -> no #{fragment} on {target}")
    return len(pages), checked, broken


@pytest.mark.parametrize("build", ["ours", "plain"])
def test_every_internal_link_resolves_under_a_version_folder(build, site, plain_build, tmp_path):
    built = site if build == "ours" else plain_build
    pages, checked, broken = check_links(built, tmp_path)
    print(f"\nlinks under /{VERSION}/, {build} build: {pages} pages, {checked} links checked, {len(broken)} broken")
    assert broken == []
    assert pages > 60 and checked > 1000


def test_the_check_finds_a_link_to_the_root(tmp_path):
    """The check has teeth: a link written from the site root leaves the version folder."""
    site = tmp_path / "site"
    (site / "mal").mkdir(parents=True)
    (site / "index.html").write_text('<article><a href="mal/">ok</a><a href="/mal/">bad</a></article>')
    (site / "mal" / "index.html").write_text('<article><a href="../#x">no anchor</a></article>')
    pages, checked, broken = check_links(site, tmp_path / "served")
    assert (pages, checked) == (2, 3)
    assert len(broken) == 2
    assert broken[0] == "index.html: a '/mal/' leaves /2026/"
    assert broken[1].startswith("mal/index.html: a '../#x' -> no #x on ")
