"""axe-core on every page of the site this repository publishes (whatever ``strategy/`` holds), at
desktop width and on a 320 px phone: no violation of the WCAG 2.0/2.1 A and AA rules or of axe's
best practices. On the phone, no page may scroll sideways either (WCAG 1.4.10, reflow). The search
results are checked on the example, whose words the queries are."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from strategy_as_code.kinds import KINDS
from strategy_as_code.reading.loader import load_strategy
from strategy_as_code.render.links import entity_path
from support import LIVE

pytestmark = pytest.mark.browser

AXE = Axe()
RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# Pages that must be among those checked, so that a change in how pages are listed cannot
# quietly shrink the check: these, and the page of every entity the live strategy has.
MUST_CHECK = ["", "indikatorer/", "skriv-ut/", "tillganglighet/", "404.html"]


def test_the_site_lists_every_page_of_the_strategy(live_pages):
    strategy = load_strategy(LIVE)
    entities = [
        entity_path(kind.key, entity.id) for kind in KINDS if kind.has_pages for entity in strategy.all(kind.key)
    ]
    assert entities, "the live strategy has no page of its own"
    assert set(MUST_CHECK) | set(entities) <= set(live_pages)


@pytest.mark.parametrize("width", [1280, 320])
def test_no_axe_violations_on_any_page(page, live_site_url, live_pages, axe_figures, width):
    page.set_viewport_size({"width": width, "height": 900})
    reports, wide, violations = [], [], 0
    for path in live_pages:
        page.goto(live_site_url + path)
        results = AXE.run(page, options=RULES)
        assert results.response["passes"], f"axe checked nothing on /{path}"
        violations += results.violations_count
        if results.violations_count:
            reports.append(f"/{path} at {width} px: {results.generate_report()}")
        if width <= 320:
            scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if scroll > client:
                wide.append(f"/{path} is {scroll} px wide")
    axe_figures.append((width, len(live_pages), violations))
    assert not reports, "\n\n".join(reports)
    assert not wide, "Pages that scroll sideways on a phone: " + ", ".join(wide)


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("query", ["kommunerna", "kompetensförsörjnig", "tilgänglighet"])
def test_no_axe_violations_with_the_search_results_open(page, site_url, width, query):
    """Results, a suggestion ("Menade du …?") and no results, each with the results open, on a
    desktop and on a 320 px phone, where the results must not scroll the page sideways either."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "mal/goda-livsvillkor/")
    if width <= 320:
        page.get_by_role("button", name="Sök").click()
    page.get_by_role("searchbox", name="Sök").fill(query)
    expect(page.get_by_role("status")).to_contain_text(f"för ”{query}”.")
    expect(page.locator(".rus-search__output")).to_be_visible()
    results = AXE.run(page, options=RULES)
    assert results.response["passes"]
    assert results.violations_count == 0, results.generate_report()
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"the search results make the page {scroll} px wide"
    box = page.locator(".rus-search__output").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width


def test_axe_would_report_a_violation(page, site_url):
    # The check above can fail: an unnamed button and a link told apart by colour alone are caught.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    page.evaluate("""() => {
        document.querySelector('article').insertAdjacentHTML('beforeend', '<p><button></button></p>');
        document.querySelectorAll('.md-typeset a').forEach(a => a.style.textDecoration = 'none');
    }""")
    found = {v["id"] for v in AXE.run(page, options=RULES).response["violations"]}
    assert {"button-name", "link-in-text-block"} <= found
