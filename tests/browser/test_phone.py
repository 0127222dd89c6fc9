"""Every page on a phone (320 and 360 px): nothing scrolls the page sideways, no word is split
across two lines ("livsvil / lkor"), and whatever is wider than the screen (a table) sits in a
region that says what it is, takes keyboard focus and shows that it scrolls."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = [320, 360]

# Each stretch of text after which a line may end: up to a space, or just after a hyphen, a dash or
# a slash. A stretch whose client rectangles lie on more than one line was split mid-word. Text a
# reader cannot see (a closed menu, text for screen readers only, chart labels) is skipped.
BROKEN_WORDS = """() => {
    const broken = [];
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest('script, style, svg, noscript')) continue;
        if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue;
        for (const match of node.data.matchAll(/[^\\s\\-–—\\/\\u200b]+[\\-–—\\/]*/g)) {
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
            if (rects.length < 2) continue;
            const lowest = Math.min(...rects.map(r => r.height));
            const tops = rects.map(r => r.top);
            if (Math.max(...tops) - Math.min(...tops) > lowest / 2) broken.push(match[0]);
        }
    }
    return broken;
}"""

# Everything that scrolls sideways inside the page, and what it offers a reader to notice and reach it.
SCROLLERS = """() => [...document.querySelectorAll('.md-content *')]
    .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
    .filter(e => e.checkVisibility({visibilityProperty: true}))
    .map(e => ({
        what: e.tagName.toLowerCase() + '.' + e.className,
        role: e.getAttribute('role'), label: e.getAttribute('aria-label') || '', tabindex: e.getAttribute('tabindex'),
        cue: getComputedStyle(e).backgroundImage,
    }))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_or_splits_a_word(page, live_site_url, live_pages, width):
    page.set_viewport_size({"width": width, "height": 800})
    wide, split, hidden_scrollers = [], [], []
    for path in live_pages:
        page.goto(live_site_url + path)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide.append(f"/{path} is {scroll} px wide")
        words = page.evaluate(BROKEN_WORDS)
        if words:
            split.append(f"/{path}: {', '.join(sorted(set(words)))}")
        for scroller in page.evaluate(SCROLLERS):
            if not (scroller["role"] == "region" and scroller["label"].strip() and scroller["tabindex"] == "0"
                    and "gradient" in scroller["cue"]):
                hidden_scrollers.append(f"/{path}: {scroller}")
    assert not wide, f"Pages that scroll sideways at {width} px: " + ", ".join(wide)
    assert not split, f"Words split across lines at {width} px:\n" + "\n".join(split)
    assert not hidden_scrollers, "Scrolling boxes without a label, keyboard focus or a visible cue:\n" + "\n".join(hidden_scrollers)


def test_the_check_finds_a_split_word_and_a_wide_page(page, site_url):
    # The checks above can fail: a narrow box splits a long word, a wide one widens the page.
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url)
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p style="width: 2em; overflow-wrap: anywhere">livsvillkor</p><div style="width: 500px">bred</div>')""")
    assert page.evaluate(BROKEN_WORDS) == ["livsvillkor"]
    assert page.evaluate("document.documentElement.scrollWidth") > 320
