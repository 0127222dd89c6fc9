"""A partner's page says what the partner leads and takes part in, which strategies and goals that
serves, and whom to contact; a strategy's page says which indicators follow it up (through its
goals) and which partners carry it out. The expectations are worked out here from the fixture's
files, not from the model's reverse links the pages use."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from strategy_as_code import load_strategy
from strategy_as_code.render.pages import entity_pages
from strategy_as_code.render.shield import Shield
from support import EXAMPLE


def records(kind: str) -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (EXAMPLE / kind).glob("*.yml")}


@pytest.fixture(scope="module")
def pages() -> dict[tuple[str, str], BeautifulSoup]:
    shield = Shield()
    return {
        (page.kind, page.entity_id): BeautifulSoup(shield.reveal(page.content), "html.parser")
        for page in entity_pages(load_strategy(EXAMPLE), shield)
    }


def section(page: BeautifulSoup, heading: str) -> BeautifulSoup:
    """The HTML between the Markdown heading ``## heading`` and the next one."""
    text = str(page)
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return BeautifulSoup(text[start:end if end != -1 else None], "html.parser")


def linked(soup: BeautifulSoup, selector: str = "") -> list[str]:
    return [a["href"].strip("/").split("/")[-1] for a in soup.select(f"{selector} .rus-links > li > a")]


def in_order(kind: str, ids: set[str]) -> list[str]:
    """``ids`` in the order the site lists that kind (order number)."""
    return [i for i, data in sorted(records(kind).items(), key=lambda item: item[1]["order"]) if i in ids]


@pytest.mark.parametrize("partner", ["region-sjoland", "bjorkfors-kommun", "folkbildningsforbundet-sjoland"])
def test_a_partner_page_shows_what_it_leads_and_takes_part_in_and_what_that_serves(pages, partner):
    actions = records("actions")
    strategies = records("strategies")
    leads = {i for i, a in actions.items() if a["owner"] == partner}
    joins = {i for i, a in actions.items() if partner in a.get("partners", []) and i not in leads}
    served = {s for i in leads | joins for s in actions[i]["strategies"]}
    goals = {g for s in served for g in strategies[s]["goals"]}

    page = pages["partners", partner]
    work = section(page, "Kraftsamlingar")
    assert set(linked(work, "h3#leder +")) == leads
    assert set(linked(work, "h3#deltar +")) == joins
    together = section(page, "Strategier och mål")
    assert linked(together, "h3#strategier +") == in_order("strategies", served)
    assert linked(together, "h3#mal +") == in_order("goals", goals)
    contact = section(page, "Kontakt")
    assert records("partners")[partner]["url"] in [a["href"] for a in contact.select("a")]
    assert contact.select_one("address a[href^='mailto:']")["href"] == "mailto:rus@regionsjoland.example"
    assert "Deltar" not in [s.get_text() for s in page.select(".rus-links__summary")]


def test_a_strategy_page_shows_the_indicators_that_follow_it_up_and_its_partners(pages):
    strategy = "foretags-och-innovationsklimat"
    goals = records("strategies")[strategy]["goals"]
    indicators = records("indicators")
    actions = [a for a in records("actions").values() if strategy in a["strategies"]]
    partners = {a["owner"] for a in actions} | {p for a in actions for p in a.get("partners", [])}

    page = pages["strategies", strategy]
    followup = section(page, "Uppföljning")
    headings = [h["id"].removeprefix("uppfoljning-") for h in followup.select("h3")]
    assert headings == in_order("goals", set(goals))
    for goal in headings:
        expected = {i for i, data in indicators.items() if goal in data["goals"]}
        assert set(linked(followup, f"h3#uppfoljning-{goal} +")) == expected
    assert set(linked(section(page, "Aktörer"))) == partners
