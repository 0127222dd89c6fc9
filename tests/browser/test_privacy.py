"""No page asks any host but its own for anything: every request the browser makes while
reading pages, searching and opening the print page is recorded and checked."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = ["", "mal/goda-livsvillkor/", "indikatorer/ohalsotal/", "indikatorer/", "skriv-ut/", "tillganglighet/"]


def test_every_request_stays_on_the_site(browser, site_url):
    own = urlsplit(site_url).netloc
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for path in PAGES:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    # Searching loads the search index and its worker.
    page.get_by_role("textbox", name="Sök").first.click()
    page.keyboard.type("kommunerna", delay=10)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    page.wait_for_load_state("networkidle")
    context.close()

    fetched = [url for url in requests if urlsplit(url).scheme in ("http", "https")]
    assert any(url.endswith("search_index.json") for url in fetched), "the search index was never loaded"
    assert any(url.endswith(".css") for url in fetched) and any(url.endswith(".js") for url in fetched)
    elsewhere = sorted({url for url in fetched if urlsplit(url).netloc != own})
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
    assert all(urlsplit(url).scheme in ("http", "https", "data", "blob") for url in requests), requests
