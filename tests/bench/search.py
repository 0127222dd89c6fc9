"""What the search costs a visitor, measured in a real browser (Debian's Chromium, as in the
browser tests) on the built site served on localhost: the bytes of the search's files fetched when
the start page loads (none: the index waits for the field), when the search field gets focus, and
for a first query, for each of a few queries in a fresh browser with an empty cache.

Each file counts as a host that compresses text sends it: gzip at level 6, or as it is where that
is smaller (Pagefind compresses its index, metadata and fragments itself). Pagefind's code (its
script and its WebAssembly) is the same at every scale and cached after a visit; the index data
(metadata, index chunks, the results' fragments, our vocabulary) is what grows with the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bench.weight import gzip_size
from support import CHROMIUM, CHROMIUM_ARGS, serve

QUERIES = ("kommunerna", "kompetensförsörjning", "utveckling", "2030")
"""Words every generated strategy uses (tests/bench/vocabulary.py), from rare to everywhere, and a year."""

BUNDLE = "pagefind/"
CODE = ("pagefind.js", "pagefind-worker.js", "wasm.")


@dataclass(frozen=True)
class SearchWeight:
    bundle_files: int
    bundle_bytes: int
    """Files and raw bytes of the search folder on disk (all of it, never fetched whole)."""
    on_load: int
    """Search files fetched when the start page loads (the target is none)."""
    focus_code: int
    focus_data: int
    """Fetched when the search field gets focus: Pagefind's code and the index's metadata."""
    query_code: int
    query_data: int
    """Fetched from focus until the first query's results are shown (what focus fetched included),
    for the costliest of QUERIES."""
    query: str
    """That query."""
    vocabulary: int
    """Of its data, the vocabulary for "Menade du …?"."""

    @property
    def first_query(self) -> int:
        return self.query_code + self.query_data


def wire_size(path: Path) -> int:
    return min(path.stat().st_size, gzip_size(path))


def measure_search(site: Path) -> SearchWeight:
    from playwright.sync_api import expect, sync_playwright

    files = [path for path in (site / BUNDLE).rglob("*") if path.is_file()]
    measured = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for query in QUERIES:
                context = browser.new_context()
                fetched: list[str] = []
                context.on("requestfinished", lambda request, fetched=fetched: fetched.append(request.url))
                page = context.new_page()
                page.goto(base)
                page.wait_for_load_state("networkidle")
                on_load = _sizes(site, base, fetched)
                fetched.clear()
                field = page.get_by_role("searchbox", name="Sök")
                field.focus()
                _settle(page, fetched, lambda fetched=fetched: any(url.endswith(".pf_meta") for url in fetched))
                focus = _sizes(site, base, fetched)
                field.fill(query)
                expect(page.get_by_role("status")).not_to_have_text("", timeout=60_000)
                _settle(page, fetched, lambda: True)
                first = _sizes(site, base, fetched)
                measured.append((sum(first.values()), query, on_load, focus, first))
                context.close()
        finally:
            browser.close()
    _, query, _, focus, first = max(measured, key=lambda item: item[0])

    def split(sizes: dict[str, int]) -> tuple[int, int]:
        code = sum(size for path, size in sizes.items() if Path(path).name.startswith(CODE))
        return code, sum(sizes.values()) - code

    return SearchWeight(
        len(files), sum(path.stat().st_size for path in files),
        max(sum(item[2].values()) for item in measured), *split(focus), *split(first), query,
        sum(size for path, size in first.items() if "/vocabulary/" in path),
    )


def _settle(page, fetched: list[str], ready, quiet_ms: int = 700, limit_ms: int = 60_000) -> None:
    """Wait until ``ready()`` and no request has finished for ``quiet_ms`` (the page's load state
    cannot tell: it was reached long before)."""
    waited = 0
    while waited < limit_ms:
        count = len(fetched)
        page.wait_for_timeout(quiet_ms)
        waited += quiet_ms
        if count == len(fetched) and ready():
            return


def _sizes(site: Path, base: str, urls: list[str]) -> dict[str, int]:
    """Wire bytes of each of the search's files among ``urls`` (each once: a browser caches it)."""
    sizes = {}
    for url in urls:
        if not url.startswith(base):
            continue
        path = unquote(urlsplit(url).path).lstrip("/")
        if path.startswith(BUNDLE) and (site / path).is_file():
            sizes[path] = wire_size(site / path)
    return sizes
