"""The contact block reads as text: browsers set <address> in italics, which made the start
page's contact all italics."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_the_contact_is_not_in_italics(page, site_url):
    page.goto(site_url)
    contact = page.locator("address.rus-contact")
    assert contact.count() == 1
    assert contact.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
