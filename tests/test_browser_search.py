"""Search in Swedish, in a real headless Chromium, from any page of the built site."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser_page(browser, site_url: str):
    context = browser.new_context()
    page = context.new_page()
    page.base = site_url
    yield page
    context.close()


def search(page, start: str, query: str):
    page.goto(page.base + start)
    page.get_by_role("textbox", name="Sök").first.click()
    page.keyboard.type(query, delay=10)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    return results


def result_links(results) -> list[str]:
    return [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]


@pytest.mark.parametrize(
    "query", ["kommunerna", "kommunernas", "regionfullmäktige", "kompetensförsörjningen", "medellivslängden"]
)
def test_inflected_swedish_words_find_pages(browser_page, query):
    assert search(browser_page, "", query).count() >= 1


def test_a_base_form_finds_its_inflections(browser_page):
    # "kommun" must find pages that only say "kommunerna" or "kommunernas".
    results = search(browser_page, "", "kommun")
    assert "kraftsamlingar/okad-narvaro-i-kommunerna/" in " ".join(result_links(results))


def test_competence_supply_finds_the_action_page(browser_page):
    results = search(browser_page, "mal/goda-livsvillkor/", "kompetensförsörjning")
    assert any("kraftsamlingar/kraftsamling-kompetensforsorjning/" in link for link in result_links(results))


def test_diarienummer_finds_the_decision(browser_page):
    results = search(browser_page, "aktorer/", "2020/00412")
    assert any("beslut/antagande-rus-2030/" in link for link in result_links(results))


def test_indicator_name_and_opening_a_result(browser_page):
    results = search(browser_page, "strategier/", "förvärvsfrekvens")
    links = result_links(results)
    assert any("indikatorer/forvarvsfrekvens/" in link for link in links)
    results.locator("a[href*='indikatorer/forvarvsfrekvens/']").first.click()
    expect(browser_page).to_have_url(re.compile(r"indikatorer/forvarvsfrekvens/"))
    expect(browser_page.locator("h1")).to_contain_text("Förvärvsfrekvens")
