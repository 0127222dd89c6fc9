"""What every page offers at the top: on a desktop the navigation beside the content, the start
page included; on a phone the menu button; and a site name in the header that is never cut off
(the strategy's short name where the full one does not fit)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FULL_NAME = "Regional utvecklingsstrategi för Sjölands län"
SHORT_NAME = "RUS 2030"
TITLE = ".md-header__topic:first-child .md-ellipsis"


@pytest.mark.parametrize("path", ["", "mal/goda-livsvillkor/", "beslut/"])
def test_a_desktop_shows_the_navigation_on_every_kind_of_page(page, site_url, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + path)
    navigation = page.locator(".md-sidebar--primary")
    for name in ("Vision och mål", "Strategier", "Uppföljning", "Beslut", "Versioner"):
        expect(navigation.get_by_role("link", name=name, exact=True)).to_be_visible()


def test_a_phone_offers_the_menu_on_the_start_page(page, site_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url)
    page.get_by_text("Meny", exact=True).locator("..").click()
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="Uppföljning", exact=True)).to_be_visible()


@pytest.mark.parametrize(("width", "name"), [(320, SHORT_NAME), (360, SHORT_NAME), (719, SHORT_NAME), (720, FULL_NAME), (1280, FULL_NAME)])
def test_the_site_name_in_the_header_is_never_cut_off(page, site_url, width, name):
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("", "indikatorer/kollektivtrafikens-marknadsandel/"):
        page.goto(site_url + path)
        title = page.locator(TITLE)
        expect(title).to_have_text(name, use_inner_text=True)
        scroll, client = title.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert scroll <= client, f"the header's name is cut off at {width} px on /{path}: {scroll} > {client}"
