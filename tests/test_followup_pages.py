"""Follow-up on the built site, read back as HTML: every indicator page has its status in words,
the method, a chart with a text alternative and the same figures in a table, and the source;
goal pages and the Uppföljning page show every indicator's status at a glance."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from strategy_as_code import load_strategy
from strategy_as_code.followup import assess, decimals_of
from strategy_as_code.swedish import swedish_number
from support import EXAMPLE

LABELS = {
    "on_track": "I takt med målet", "too_slow": "Går för långsamt", "wrong_way": "Går åt fel håll",
    "no_data": "Inga värden ännu", "not_assessable": "Kan inte bedömas",
}
STRATEGY = load_strategy(EXAMPLE)


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def badge_labels(element) -> list[str]:
    return [b.select_one(".rus-progress__label").get_text() for b in element.select(".rus-progress")]


@pytest.mark.parametrize("indicator", STRATEGY.indicators, ids=lambda i: i.id)
def test_indicator_page_shows_status_chart_table_and_source(site: Path, indicator):
    html = page(site, f"indikatorer/{indicator.id}")
    followup = html.select_one(".rus-followup")
    assert badge_labels(followup) == [LABELS[assess(indicator).status.value]]
    # Never colour alone: the badge carries an icon and its words.
    assert followup.select_one(".rus-progress svg[aria-hidden='true']")
    assert followup.select_one(".rus-method").get_text().startswith("Så bedömer vi:")

    svg = html.select_one("figure.rus-chart svg[role='img']")
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == f"Diagram: {indicator.name}, {indicator.unit}"
    assert "Bedömning:" in svg.find("desc", id=desc_id).get_text()
    assert len(svg.select(".rus-chart__marker--value")) == len(indicator.values)

    rows = html.select("table.rus-values tbody tr")
    assert [row.th.get_text().split()[0] for row in rows] == [str(m.year) for m in indicator.values]
    headers = [th.get_text() for th in html.select("table.rus-values thead th")]
    comparisons = [STRATEGY.series_name(x) for x in indicator.comparison_series]
    assert headers == (["År", "Värde", "Kvinnor", "Män"] if indicator.has_gender_split else ["År", "Värde"]) + comparisons
    assert rows[-1].select("td")[0].get_text() == swedish_number(indicator.values[-1].value, decimals_of(indicator))

    source = html.find("dt", string="Källa").find_next("dd")
    if indicator.source_of_data.kolada:
        link = source.find("a", string=indicator.source_of_data.kolada)
        assert link["href"] == f"https://www.kolada.se/verktyg/fri-sokning/?kpis={indicator.source_of_data.kolada}"
    if indicator.source_of_data.url:
        assert source.find("a", href=indicator.source_of_data.url)


def test_gender_split_is_charted_when_the_data_has_it(site: Path):
    split = [i for i in STRATEGY.indicators if i.has_gender_split]
    plain = [i for i in STRATEGY.indicators if not i.has_gender_split]
    assert split and plain
    assert page(site, f"indikatorer/{split[0].id}").select(".rus-chart__line--women")
    assert not page(site, f"indikatorer/{plain[0].id}").select(".rus-chart__line--women")


def test_the_status_sentence_states_the_figures(site: Path):
    indicator = STRATEGY.get("indicators", "ohalsotal")
    result = assess(indicator)
    text = page(site, "indikatorer/ohalsotal").select_one(".rus-followup__sentence").get_text(" ", strip=True)
    assert text == (
        f"Värdet har minskat från 28,4 dagar per försäkrad 16–64 år (2019) till "
        f"{swedish_number(result.latest.value, 1)} dagar per försäkrad 16–64 år ({result.latest.year}). "
        f"Det är {result.progress_percent} procent av vägen till målet, 22,0 dagar per försäkrad 16–64 år (2030), "
        f"när {result.elapsed_percent} procent av tiden har gått."
    )


@pytest.mark.parametrize("goal", STRATEGY.goals, ids=lambda g: g.id)
def test_goal_page_shows_the_status_of_its_indicators_at_a_glance(site: Path, goal):
    html = page(site, f"mal/{goal.id}")
    indicators = STRATEGY.related("goals", goal.id, "indicators")
    rows = html.select("table.rus-indicators tbody tr")
    assert [r.th.a.get_text() for r in rows] == [str(i.name) for i in indicators]
    assert [badge_labels(r)[0] for r in rows] == [LABELS[assess(i).status.value] for i in indicators]
    counts = [int(c.get_text().split()[0]) for c in html.select(".rus-progress-summary .rus-progress-summary__count")]
    assert sum(counts) == len(indicators)
    assert html.select_one(".rus-method")


def test_overview_groups_every_indicator_by_goal(site: Path):
    html = page(site, "indikatorer")
    assert html.h1.get_text() == "Uppföljning – hur går det?"
    for goal in STRATEGY.goals:
        section = html.select_one(f"section[aria-labelledby='indikatorer-{goal.id}']")
        names = [a.get_text() for a in section.select("tbody th a")]
        assert names == [str(i.name) for i in STRATEGY.related("goals", goal.id, "indicators")]
        assert len(section.select("tbody .rus-progress")) == len(names)
    total = html.select_one(".rus-progress-summary")
    assert sum(int(c.get_text().split()[0]) for c in total.select(".rus-progress-summary__count")) == len(STRATEGY.indicators)
