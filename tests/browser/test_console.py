"""Every page loads without an error in the browser's console: no failed request (a local build
asked for the version list, versions.json, on every page), no script error."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_no_page_logs_an_error(browser, live_site_url, live_pages):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{page.url}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on("response", lambda response: errors.append(f"{page.url}: {response.status} {response.url}") if response.status >= 400 else None)
    for path in live_pages:
        page.goto(live_site_url + path)
        page.wait_for_load_state("networkidle")
    context.close()
    assert len(live_pages) >= 10  # whatever strategy/ holds: a new region has few
    assert not errors, "\n".join(errors)


def test_the_check_sees_a_failed_request(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(site_url)
    page.evaluate("fetch('finns-inte.json')")
    page.wait_for_load_state("networkidle")
    context.close()
    assert any("404" in error for error in errors), errors
