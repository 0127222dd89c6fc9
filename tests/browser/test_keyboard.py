"""Keyboard alone: from the top of a page, Tab reaches the skip link, the search and the
navigation, focus is always visible and on screen, and Enter opens what it is on. On a phone
the menu button opens the navigation, and the closed menu takes no focus."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# What a sighted keyboard user sees of the focused element, once its focus transition (the skip
# link fades in) has finished: waiting for the animation, not for a time.
FOCUSED = """async () => {
    const e = document.activeElement;
    await Promise.all(e.getAnimations().map(a => a.finished));
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return {
        tag: e.tagName.toLowerCase(), classes: e.className, href: e.getAttribute('href'),
        text: (e.innerText || e.getAttribute('aria-label') || '').trim(),
        inContent: !!e.closest('.md-content'), inNav: !!e.closest('.md-nav'),
        left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
        outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
        shadow: style.boxShadow !== 'none', visible: style.visibility === 'visible' && style.opacity !== '0',
        viewport: [innerWidth, innerHeight],
    };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def assert_visibly_focused(state: dict) -> None:
    width, height = state["viewport"]
    where = f"{state['tag']}.{state['classes']} {state['text']!r}"
    assert state["visible"] and state["width"] > 0 and state["height"] > 0, f"focus on something invisible: {where}"
    assert state["right"] > 0 and state["left"] < width, f"focus off screen: {where} at x={state['left']}"
    assert state["bottom"] > 0 and state["top"] < height, f"focus off screen: {where} at y={state['top']}"
    assert state["outline"] >= 2 or state["shadow"], f"no visible focus indicator on {where}"


def tab(page, times: int = 1) -> dict:
    for _ in range(times):
        page.keyboard.press("Tab")
    return focused(page)


def test_skip_link_appears_first_and_leads_into_the_content(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "mal/goda-livsvillkor/")
    first = tab(page)
    assert first["classes"].startswith("md-skip") and first["text"] == "Gå till innehållet"
    assert_visibly_focused(first)
    assert page.locator(".md-skip").evaluate("e => getComputedStyle(e).opacity") == "1"
    # It leads to the page heading, not past the introduction to the first subheading.
    target = page.locator(first["href"])
    assert target.evaluate("e => e.tagName") == "H1" and target.inner_text() == "Goda livsvillkor för regionens invånare"
    page.keyboard.press("Enter")
    next_stop = tab(page)
    assert next_stop["inContent"], f"after the skip link, Tab went to {next_stop}"
    assert_visibly_focused(next_stop)


def test_tab_reaches_search_and_navigation_with_focus_always_visible(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "mal/goda-livsvillkor/")
    reached_search = reached_nav = False
    for _ in range(30):
        state = tab(page)
        assert_visibly_focused(state)
        reached_search |= "rus-search__input" in state["classes"]
        if state["inNav"] and state["tag"] == "a":
            reached_nav = True
            break
    assert reached_search, "Tab never reached the search field"
    assert reached_nav, "Tab never reached a navigation link"
    target = state["href"]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(page.url.split("#")[0]) + "|" + re.escape(target.strip("./"))))


def test_search_by_keyboard_alone(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    for _ in range(10):
        if "rus-search__input" in tab(page)["classes"]:
            break
    else:
        pytest.fail("Tab never reached the search field")
    page.keyboard.type("förvärvsfrekvens", delay=10)
    # The number of results is a status message, which screen readers announce as it changes.
    expect(page.get_by_role("status")).to_have_text("13 träffar för ”förvärvsfrekvens”.")
    # Down arrow moves into the results, each visibly focused; up arrow goes back to the field.
    page.keyboard.press("ArrowDown")
    state = focused(page)
    assert state["tag"] == "a" and state["text"] == "Förvärvsfrekvens 20–64 år"
    assert_visibly_focused(state)
    page.keyboard.press("ArrowDown")
    assert_visibly_focused(focused(page))
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert "rus-search__input" in focused(page)["classes"]
    # Escape closes the results and leaves the query; typing again opens them.
    page.keyboard.press("Escape")
    expect(page.locator(".rus-search__results")).to_be_hidden()
    expect(page.get_by_role("searchbox", name="Sök")).to_have_value("förvärvsfrekvens")
    page.keyboard.press("ArrowDown")
    assert "rus-search__input" in focused(page)["classes"]  # nothing open to move into
    page.keyboard.press("Enter")
    expect(page.locator(".rus-search__results")).to_be_visible()
    # Tab goes through the results in order, and Enter opens the one it is on.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Förvärvsfrekvens 20–64 år"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"indikatorer/forvarvsfrekvens/"))


def test_more_results_by_keyboard(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    page.get_by_role("searchbox", name="Sök").focus()
    page.keyboard.type("kommunerna", delay=10)
    expect(page.get_by_role("status")).to_have_text("43 träffar för ”kommunerna”.")
    for _ in range(11):
        page.keyboard.press("ArrowDown")
    state = focused(page)
    assert state["tag"] == "button" and state["text"] == "Visa fler träffar"
    assert_visibly_focused(state)
    page.keyboard.press("Enter")
    # Focus lands on the first of the new results.
    expect(page.locator(".rus-search__results a")).to_have_count(20)
    assert focused(page)["text"] == page.locator(".rus-search__results a").nth(10).inner_text()
    # Tabbing past the last stop closes the results.
    page.locator(".rus-search__more").focus()
    page.keyboard.press("Tab")
    expect(page.locator(".rus-search__results")).to_be_hidden()


def test_on_a_phone_the_search_opens_from_its_button(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site_url + "indikatorer/ohalsotal/")
    expect(page.get_by_role("searchbox", name="Sök")).to_be_hidden()
    for _ in range(8):
        state = tab(page)
        if "rus-search__toggle" in state["classes"]:
            break
    else:
        pytest.fail("Tab never reached the search button")
    assert state["text"] == "Sök"
    assert_visibly_focused(state)
    toggle = page.locator(".rus-search__toggle")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    assert "rus-search__input" in focused(page)["classes"]
    assert_visibly_focused(focused(page))
    page.keyboard.type("ohälsotalet", delay=10)
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^\d+ träffar? för ”ohälsotalet”\.$"))
    page.keyboard.press("ArrowDown")
    assert_visibly_focused(focused(page))
    # Escape closes the results, a second Escape the search, and focus returns to its button.
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page.get_by_role("searchbox", name="Sök")).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert "rus-search__toggle" in focused(page)["classes"]


def test_on_a_phone_the_closed_menu_takes_no_focus(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site_url + "indikatorer/ohalsotal/")
    stops = []
    for _ in range(12):
        state = tab(page)
        assert not state["inNav"], f"focus went into the closed menu: {state['text']!r}"
        assert_visibly_focused(state)
        stops.append(state)
    assert any("rus-menu-button" in s["classes"] for s in stops), "Tab never reached the menu button"
    assert any(s["inContent"] for s in stops), "after the header, Tab should go on into the page's content"


def test_on_a_phone_the_menu_button_opens_the_navigation(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site_url + "indikatorer/ohalsotal/")
    for _ in range(8):
        state = tab(page)
        if "rus-menu-button" in state["classes"]:
            break
    else:
        pytest.fail("Tab never reached the menu button")
    assert state["text"] == "Meny"
    page.keyboard.press("Enter")
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer).to_be_visible()
    # The menu slides in; focus is judged where it ends, not halfway (x=-231 was seen).
    drawer.evaluate("e => Promise.all(e.getAnimations({subtree: true}).map(a => a.finished))")
    for _ in range(15):
        state = tab(page)
        assert_visibly_focused(state)
        if state["inNav"] and state["tag"] == "a" and state["text"] == "Uppföljning":
            break
    else:
        pytest.fail("Tab never reached the navigation link Uppföljning in the open menu")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/indikatorer/$"))
