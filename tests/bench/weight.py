"""Page weight: the gzip-compressed bytes a browser fetches on a page's first load (empty cache),
read from a built site: the HTML, every stylesheet, script, icon and image it references (and the
files those stylesheets reference). The search fetches nothing on load (search.py measures it)."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

GZIP_LEVEL = 6
"""A common server default (Apache's mod_deflate; nginx is often configured to it)."""

_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass(frozen=True)
class PageWeight:
    html: int
    """The page's own HTML, gzip bytes."""
    assets: int
    """Stylesheets, scripts, icons, images and fonts it loads, gzip bytes."""
    external: tuple[str, ...]
    """Anything loaded from another host (there should be nothing)."""

    @property
    def total(self) -> int:
        return self.html + self.assets


def gzip_size(path: Path) -> int:
    stat = path.stat()
    return _gzip_size(path, stat.st_mtime_ns, stat.st_size)


@cache
def _gzip_size(path: Path, mtime_ns: int, size: int) -> int:
    """Theme assets are shared by every page: compress each version of a file once."""
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def _local(site: Path, page_url: str, reference: str, external: list[str]) -> Path | None:
    parts = urlsplit(reference)
    if parts.scheme == "data" or reference.startswith("#"):
        return None
    if parts.scheme or parts.netloc:
        external.append(reference)
        return None
    target = unquote(urlsplit(urljoin(page_url, reference)).path).lstrip("/")
    path = site / target
    if target.endswith("/") or not target:
        path = path / "index.html"
    return path if path.is_file() else None


def first_load(site: Path, page: str) -> PageWeight:
    """Weight of the page at site path ``page`` (``""``, ``mal/x/``) on a first visit."""
    page_url = "/" + page
    html_file = site / page / "index.html"
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    external: list[str] = []
    references = [link.get("href") for link in soup.find_all("link") if _fetched(link.get("rel", []))]
    references += [element.get("src") for element in soup.find_all(["script", "img"])]
    assets: set[Path] = set()
    for reference in filter(None, references):
        path = _local(site, page_url, reference, external)
        if path is None:
            continue
        assets.add(path)
        if path.suffix == ".css":
            css_url = "/" + path.relative_to(site).as_posix()
            for inner in _CSS_URL.findall(path.read_text(encoding="utf-8")):
                found = _local(site, css_url, inner, external)
                if found:
                    assets.add(found)
    return PageWeight(gzip_size(html_file), sum(gzip_size(p) for p in assets), tuple(external))


def _fetched(rel: list[str]) -> bool:
    return bool({"stylesheet", "icon", "preload", "modulepreload"} & set(rel))
