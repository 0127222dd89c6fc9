"""The examples under ``examples/``: two real regions' strategies re-entered from their public
documents (each with a SOURCES.md naming where every fact comes from) validate and build into a
site in the region's own words, with only the parts that region's strategy has."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from strategy_as_code import load_strategy
from strategy_as_code.reading.loader import read_strategy
from support import REPO, build, copy_project

EXAMPLES = sorted(path for path in (REPO / "examples").iterdir() if (path / "strategy.yml").is_file())
REAL = [path for path in EXAMPLES if not load_strategy(path).settings.example or path.name != "sjoland"]


@pytest.fixture(scope="module", params=[p.name for p in EXAMPLES if p.name in ("dalarna", "skane")])
def built(request, tmp_path_factory) -> tuple[str, Path]:
    project = copy_project(tmp_path_factory.mktemp(request.param))
    shutil.rmtree(project / "strategy")
    shutil.copytree(REPO / "examples" / request.param, project / "strategy")
    # What make new-region sets for a fork: the site's name and addresses are the region's own.
    settings = load_strategy(project / "strategy").settings
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    own = {"site_name": f'"{settings.name}"', "site_url": "https://exempel.se/", "copyright": f'"{settings.region}"'}
    config.write_text("\n".join(
        f"{line.split(':')[0]}: {own[line.split(':')[0]]}" if line.split(":")[0] in own else line for line in lines
    ) + "\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return request.param, project / "site"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_validates_and_names_its_sources(example: Path):
    strategy = load_strategy(example)
    assert strategy.goals
    if not strategy.settings.example:  # a real region's strategy, re-entered: every fact has its source
        sources = (example / "SOURCES.md").read_text(encoding="utf-8")
        assert sources.count("https://") >= 5


def test_a_real_strategy_builds_in_its_own_words(built):
    name, site = built
    strategy = load_strategy(REPO / "examples" / name)
    home = page(site, "")
    nav = [a.get_text(" ", strip=True) for a in home.select("nav.md-nav--primary > ul > li > a, "
                                                           "nav.md-nav--primary > ul > li > label")]
    goal_word = strategy.label("goal")
    assert any(f"Vision och {goal_word.plural}" in entry for entry in nav), nav
    # Parts the strategy does not have are neither in the menu nor built.
    if not strategy.actions:
        assert not any("Kraftsamlingar" in entry for entry in nav)
        assert not (site / "kraftsamlingar" / "index.html").exists()
    if not strategy.strategies:
        assert not (site / "strategier" / "index.html").exists()
    text = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Sjöland" not in text
    assert "regionfullmäktige" not in text.lower() or any(
        "fullmäktige" in str(d.body).lower() for d in strategy.decisions
    )
    assert "en gång om året" not in text
    overview = page(site, "mal")
    assert overview.select_one("h1").get_text() == f"Vision och {goal_word.plural}"
    for goal in strategy.main_goals:
        goal_page = page(site, f"mal/{goal.id}")
        assert goal_page.select_one(".rus-kicker").get_text().startswith(goal_word.singular_title)
        if goal.priorities:
            headings = [h.get_text() for h in goal_page.select("article h2")]
            assert strategy.label("priority").title in headings
            items = [li.get_text() for li in goal_page.select("ul.rus-priorities li")]
            assert items == [str(p) for p in goal.priorities]


def test_no_figure_is_made_up_where_the_document_has_none(built):
    name, site = built
    strategy = load_strategy(REPO / "examples" / name)
    for indicator in strategy.indicators:
        html = page(site, f"indikatorer/{indicator.id}")
        facts = html.select_one("dl.rus-facts").get_text(" ", strip=True)
        if indicator.baseline is None:
            assert "Strategin anger inget utgångsläge." in facts
        if indicator.target is None:
            assert html.find("p", string="Strategin anger inget mål för indikatorn.")
            status = html.select_one(".rus-followup__sentence").get_text(" ", strip=True)
            assert status.startswith("Läget kan inte bedömas: strategin anger inget mål för indikatorn.")


def test_an_incomplete_strategy_is_published_with_warnings_not_errors():
    reading = read_strategy(REPO / "examples" / "skane")
    assert not reading.strategy.indicators and not reading.strategy.strategies
    # Every goal lacks indicators; none is asked for strategies, which this region does not have.
    assert sorted(w.message for w in reading.warnings) == sorted(
        f'Ingen indikator följer upp målet "{goal.id}" ännu.' for goal in reading.strategy.goals
    )
