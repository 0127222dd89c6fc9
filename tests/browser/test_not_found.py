"""An address with no page: the site's own 404 page answers in Swedish, says what happened and
leads home (as `make serve` and a host like GitHub Pages serve it for any missing path)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support import serve

pytestmark = pytest.mark.browser


def test_a_missing_page_answers_in_swedish_and_leads_home(page, site):
    with serve(site, like_github_pages=True) as base:
        response = page.goto(base + "mal/finns-inte/")
        assert response.status == 404
        assert page.locator("html").get_attribute("lang") == "sv"
        assert page.title().startswith("Sidan finns inte – ")
        expect(page.get_by_role("heading", level=1)).to_have_text("Sidan finns inte")
        assert "Not found" not in page.content()
        page.get_by_role("link", name="Gå till startsidan").click()
        expect(page).to_have_url(base)
        expect(page.get_by_role("heading", level=1)).not_to_have_text("Sidan finns inte")
