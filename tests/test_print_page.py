"""The whole strategy on one page (skriv-ut), read back as HTML: every part of the strategy in
order, in full, and nothing left out."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from strategy_as_code import load_strategy
from support import EXAMPLE


def test_the_whole_strategy_is_on_one_page(site: Path):
    strategy = load_strategy(EXAMPLE)
    html = BeautifulSoup((site / "skriv-ut" / "index.html").read_text(encoding="utf-8"), "html.parser")
    sections = html.select("section.rus-print-section")
    assert [s.h2.get_text() for s in sections] == [
        "Vision", "Tidshorisonter", "Utmaningar", "Mål", "Strategier", "Perspektiv", "Vägledande principer",
        "Framgångsfaktorer", "Kraftsamlingar", "Uppföljning",
    ]
    vision, horizons, challenges, goals, strategies, perspectives, principles, factors, actions, followup = sections
    assert "Sjöland 2030" in vision.get_text()
    assert [h.get_text() for h in horizons.select("h3")] == [str(h.year) for h in strategy.settings.horizons]
    assert [h.get_text() for h in challenges.select("h3")] == [str(c.name) for c in strategy.challenges]
    assert [h.get_text() for h in perspectives.select("h3")] == [str(p.name) for p in strategy.perspectives]
    assert [h.get_text() for h in goals.select("h3")] == [f"Mål {g.order}. {g.name}" for g in strategy.main_goals]
    subgoals = [g for g in strategy.goals if g.parent_id]
    assert [h.get_text() for h in goals.select("h4")] == [f"Delmål {g.order}. {g.name}" for g in subgoals]
    assert [h.get_text() for h in strategies.select("h3")] == [f"{s.order}. {s.name}" for s in strategy.strategies]
    assert [h.get_text() for h in principles.select("h3")] == [str(p.name) for p in strategy.principles]
    assert [h.get_text() for h in factors.select("h3")] == [str(f.name) for f in strategy.success_factors]
    assert [h.get_text() for h in actions.select("h3")] == [str(a.name) for a in strategy.actions]
    indicators = followup.select("article.rus-print-indicator")
    assert [a.h3.get_text() for a in indicators] == [str(i.name) for i in strategy.indicators]
    for article, indicator in zip(indicators, strategy.indicators, strict=True):
        years = {m.year for m in indicator.values} | {m.year for x in indicator.comparison_series for m in x.values}
        assert len(article.select("table.rus-values tbody tr")) == len(years)
    # Descriptions are there in full, not only summaries.
    first_goal = strategy.goals[0]
    assert str(first_goal.description).split("\n")[0][:80] in goals.get_text()
    ids = [e["id"] for e in html.find_all(id=True)]
    assert len(ids) == len(set(ids)), "an id is used twice on the page"


def test_the_print_page_is_linked_from_every_page(site: Path):
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("footer .rus-footer-links").find("a", string="Hela strategin på en sida"), html_file
