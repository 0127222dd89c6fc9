"""axe-core on the real regions' strategies re-entered under examples/ (their own words, their
own parts, the example banner with its link, municipal figures): the pages that differ most from
the invented example, at desktop width and on a 320 px phone."""

from __future__ import annotations

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from strategy_as_code import load_strategy
from support import REPO, build, copy_project, serve

pytestmark = pytest.mark.browser

AXE = Axe()
RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module", params=["dalarna", "skane"])
def example_url(request, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp(request.param))
    shutil.rmtree(project / "strategy")
    shutil.copytree(REPO / "examples" / request.param, project / "strategy")
    result = build(project)
    assert result.returncode == 0, result.stderr
    strategy = load_strategy(project / "strategy")
    paths = ["", "mal/", "om/", f"mal/{strategy.main_goals[0].id}/", "aktorer/"]
    paths += [f"indikatorer/{i.id}/" for i in strategy.indicators if i.municipal_series][:1]
    paths += [f"indikatorer/{i.id}/" for i in strategy.indicators if not i.values][:1]
    with serve(project / "site") as url:
        yield url, paths


@pytest.mark.parametrize("width", [1280, 320])
def test_no_axe_violations_on_a_real_example(page, example_url, width):
    url, paths = example_url
    page.set_viewport_size({"width": width, "height": 900})
    found = []
    for path in paths:
        page.goto(url + path)
        results = AXE.run(page, options=RULES)
        if results.violations_count:
            found.append(f"/{path} at {width} px: {results.generate_report()}")
    assert not found, found
    page.goto(url)
    link = page.locator(".rus-announce a")
    assert link.count() == 1  # the banner says it is not the region's own site, and links to more
    # axe passes over the banner's link, which the theme coloured dark blue on the dark brown banner.
    colours = link.evaluate("a => [getComputedStyle(a).color, getComputedStyle(a.parentElement).color]")
    assert colours[0] == colours[1] == "rgb(255, 255, 255)"
