"""The browser suite (real headless Chromium against the built sites on localhost): a page per
module on the module's browser, the list of the live site's pages, and the axe figures that
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
def live_pages(live_site: Path) -> list[str]:
    """Every HTML page of the live site (what ``strategy/`` holds) as a URL path: ``""`` (home),
    ``mal/x/``, ``404.html``."""
    pages = []
    for file in sorted(live_site.rglob("*.html")):
        path = file.relative_to(live_site).as_posix()
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
