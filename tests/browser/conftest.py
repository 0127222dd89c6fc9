"""The browser suite (real headless Chromium against the built site on localhost): a page per
module on the session's one browser, the list of the site's pages, and the axe figures that
`make test` prints at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

_AXE_FIGURES = pytest.StashKey[list]()


@pytest.fixture(scope="module")
def page(browser, site_url: str):
    """One tab for the whole module, at desktop width; tests set another width when they need it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path: ``""`` (home), ``mal/x/``, ``404.html``."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        pages.append(path.removesuffix("index.html") if path.endswith("index.html") else path)
    return pages


@pytest.fixture(scope="session")
def axe_figures(request) -> list:
    return request.config.stash.setdefault(_AXE_FIGURES, [])


def pytest_terminal_summary(terminalreporter, config):
    for width, pages, violations in config.stash.get(_AXE_FIGURES, []):
        terminalreporter.write_line(
            f"axe-core (WCAG 2.0/2.1 A and AA, best practice): {pages} pages at {width} px, {violations} violations"
        )
