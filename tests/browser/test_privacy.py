"""No page asks any host but its own for anything: every request the browser makes while
reading pages of the site this repository publishes (whatever ``strategy/`` holds), searching and
opening the print page is recorded and checked."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

def pages_to_read(pages: list[str]) -> list[str]:
    """The home page, the print page, the accessibility statement, and in every section its overview
    and its first page: one page of each kind the site has."""
    chosen = ["", "skriv-ut/", "tillganglighet/"]
    for path in pages:
        section = path.split("/")[0] + "/"
        if path.count("/") == 1 and path not in chosen:
            chosen.append(path)
        if path.count("/") == 2 and not any(p.startswith(section) and p != section for p in chosen):
            chosen.append(path)
    return chosen


def test_every_request_stays_on_the_site(browser, live_site_url, live_pages):
    own = urlsplit(live_site_url).netloc
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    read = pages_to_read(live_pages)
    assert len(read) >= 5, read
    for path in read:
        page.goto(live_site_url + path)
        page.wait_for_load_state("networkidle")
    # Searching loads Pagefind, chunks of its index, the results' fragments and the vocabulary for
    # a suggestion: "tilgänglighet" is a typo of a word every site has (the footer's link).
    page.get_by_role("searchbox", name="Sök").click()
    page.keyboard.type("tilgänglighet", delay=10)
    expect(page.get_by_role("status")).to_contain_text("Menade du tillgänglighet?")
    page.get_by_role("button", name="tillgänglighet").click()
    expect(page.get_by_role("status")).to_contain_text("för ”tillgänglighet”.")
    context.close()

    fetched = [url for url in requests if urlsplit(url).scheme in ("http", "https")]
    for part in ("/pagefind/pagefind.js", "/pagefind/wasm.sv.pagefind", ".pf_meta", ".pf_index", ".pf_fragment",
                 "/pagefind/vocabulary/"):
        assert any(part in url for url in fetched), f"the search never loaded {part}"
    assert any(url.endswith(".css") for url in fetched) and any(url.endswith(".js") for url in fetched)
    elsewhere = sorted({url for url in fetched if urlsplit(url).netloc != own})
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
    assert all(urlsplit(url).scheme in ("http", "https", "data", "blob") for url in requests), requests
