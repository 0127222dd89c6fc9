"""axe-core on the pages that show figures per municipality (issue 16), at desktop width and on a
320 px phone: no violation, and no sideways scroll. The site is the frozen example after
make figures (conftest.figures_site); the example itself has no municipal figures."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
PAGES = ["indikatorer/forvarvsfrekvens/", "aktorer/asby-kommun/", "aktorer/hamnviks-kommun/"]


@pytest.mark.parametrize("width", [1280, 320])
def test_no_axe_violations_where_figures_per_municipality_are_shown(browser, figures_site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    try:
        for path in PAGES:
            tab.goto(figures_site_url + path)
            assert tab.locator(".rus-areas table").count() == 1
            results = AXE.run(tab, options=RULES)
            assert results.response["passes"]
            assert results.violations_count == 0, f"/{path} at {width} px: {results.generate_report()}"
            scroll, client = tab.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert scroll <= client, f"/{path} is {scroll} px wide at {width} px"
            if width == 320:  # the chart fits the phone's width, its text no smaller than 11 px
                box = tab.locator(".rus-areas svg").bounding_box() if "indikatorer" in path else None
                if box:
                    assert box["x"] >= 0 and box["x"] + box["width"] <= width
                    assert box["width"] / 300 * 13 >= 11
    finally:
        context.close()
