"""Take full-page screenshots of a built site (see scripts/screenshots): each page at desktop
width, at 360 and at 320 px, with Debian's Chromium, served on localhost like the browser tests do."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support import CHROMIUM, CHROMIUM_ARGS, serve

DEFAULT_PAGES = ["mal/goda-livsvillkor/", "indikatorer/ohalsotal/", "indikatorer/", "skriv-ut/", "tillganglighet/"]
WIDTHS = (1280, 360, 320)


def main(site: Path, target: Path, pages: list[str]) -> None:
    target.mkdir(exist_ok=True)
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            tab = browser.new_page(viewport={"width": width, "height": 900})
            for path in pages:
                tab.goto(base + path)
                name = path.strip("/").replace("/", "_") or "start"
                tab.screenshot(path=str(target / f"{name}-{width}.png"), full_page=True)
                print(target / f"{name}-{width}.png")
            tab.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or DEFAULT_PAGES)
