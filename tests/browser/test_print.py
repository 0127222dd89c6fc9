"""The whole strategy on one page, as the printer sees it: no navigation chrome, every main
section on a new sheet, the addresses of links to other sites written out."""

from __future__ import annotations

import re

import pytest

from strategy_as_code import load_strategy
from support import EXAMPLE

pytestmark = pytest.mark.browser

SECTIONS = [
    "Vision", "Tidshorisonter", "Utmaningar", "Mål", "Strategier", "Perspektiv", "Vägledande principer",
    "Framgångsfaktorer", "Kraftsamlingar", "Uppföljning",
]


@pytest.fixture(scope="module")
def printed(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "skriv-ut/")
    page.emulate_media(media="print")
    yield page
    page.emulate_media(media="screen")


def test_no_navigation_chrome_on_paper(printed):
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-banner", ".rus-search"):
        display = printed.locator(selector).first.evaluate("e => getComputedStyle(e).display")
        assert display == "none", f"{selector} is printed"


def test_each_section_starts_a_new_sheet(printed):
    sections = printed.locator(".rus-print-section")
    headings = [h.strip() for h in sections.locator("> h2").all_inner_texts()]
    assert headings == SECTIONS
    breaks = sections.evaluate_all("all => all.map(e => getComputedStyle(e).breakBefore)")
    assert breaks == ["page"] * len(SECTIONS)


def test_link_addresses_are_written_out(printed):
    external = printed.locator(".md-content a[href^='http']")
    assert external.count() >= 5
    for index in range(external.count()):
        link = external.nth(index)
        after = link.evaluate("e => getComputedStyle(e, '::after').content")
        assert after == '" (" attr(href) ")"' or link.get_attribute("href") in after, after


def test_every_indicator_is_printed_with_its_table(printed, site_url):
    strategy = load_strategy(EXAMPLE)
    tables = printed.locator(".rus-print-indicator table.rus-values caption").all_inner_texts()
    assert [t.split(",")[0] for t in tables] == [str(i.name) for i in strategy.indicators]


def test_it_prints_to_many_sheets(printed):
    pdf = printed.pdf(format="A4")
    sheets = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert sheets >= len(SECTIONS) + 5


def test_paper_starts_with_a_title_page_and_contents_and_numbers_its_pages(printed):
    """The title page (name, region, version, adopting decision) alone on the first sheet, the
    contents on the next, every other sheet numbered "Sida n av N" at its foot (@page)."""
    import io

    from pypdf import PdfReader

    assert printed.locator(".rus-print-toc").evaluate("e => getComputedStyle(e).breakBefore") == "page"
    reader = PdfReader(io.BytesIO(printed.pdf(format="A4")))
    total = len(reader.pages)
    first = " ".join(reader.pages[0].extract_text().split())
    assert first.startswith("Regional utvecklingsstrategi för Sjölands län 2021–2030 Region Sjöland")
    assert "Strategin antogs av Regionfullmäktige 15 juni 2021, diarienummer RS 2020/00412" in first
    assert "Sida" not in first and "Innehåll" not in first
    contents = reader.pages[1].extract_text()
    assert contents.startswith(f"Sida 2 av {total}\nInnehåll\n")
    assert f"Sida {total} av {total}" in reader.pages[-1].extract_text()
