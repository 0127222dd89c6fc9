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
    # Searching loads Pagefind, chunks of its index, the results' fragments and the vocabulary
    # for a suggestion ("kompetensförsörjnig" is a typo).
    page.get_by_role("searchbox", name="Sök").click()
    page.keyboard.type("kompetensförsörjnig", delay=10)
    expect(page.get_by_role("status")).to_contain_text("Menade du kompetensförsörjning?")
    page.get_by_role("button", name="kompetensförsörjning").click()
    expect(page.get_by_role("status")).to_contain_text("för ”kompetensförsörjning”.")
    context.close()

    fetched = [url for url in requests if urlsplit(url).scheme in ("http", "https")]
    for part in ("/pagefind/pagefind.js", "/pagefind/wasm.sv.pagefind", ".pf_meta", ".pf_index", ".pf_fragment",
                 "/pagefind/vocabulary/"):
        assert any(part in url for url in fetched), f"the search never loaded {part}"
    assert any(url.endswith(".css") for url in fetched) and any(url.endswith(".js") for url in fetched)
    elsewhere = sorted({url for url in fetched if urlsplit(url).netloc != own})
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
    assert all(urlsplit(url).scheme in ("http", "https", "data", "blob") for url in requests), requests
