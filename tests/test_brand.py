"""The region's look from strategy.yml (``identity``): the logo, the favicon and two colours reach
every page; a colour pair below WCAG's 4.5:1 stops the build with the pair and its ratio; an image
that is not a file in the repository, or an SVG that could run or fetch something, is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from strategy_as_code.publishing.brand import contrast, darker, ratio_text, svg_problem
from strategy_as_code.publishing.site_sources import read_site_config, write_site_sources
from support import build, copy_project

LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#fff"/></svg>'
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def with_identity(project: Path, identity: str) -> None:
    settings = project / "strategy" / "strategy.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + identity, encoding="utf-8")


def failure(project: Path) -> str:
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert not (project / "site").exists()
    return output


@pytest.mark.parametrize(("first", "second", "shown"), [
    ("#ffffff", "#000000", "21:1"),
    ("#767676", "#ffffff", "4,54:1"),
    ("#777777", "#ffffff", "4,47:1"),  # 4.478…: rounded down, never up to the limit
    ("#1b4a6b", "#ffffff", "9,38:1"),
])
def test_contrast_is_wcags_and_shown_rounded_down(first, second, shown):
    assert ratio_text(contrast(first, second)) == shown


def test_the_suggested_darker_colour_passes_and_keeps_the_hue():
    assert contrast(darker("#7fa7c9"), "#ffffff") >= 4.5
    assert darker("#1b4a6b") == "#1b4a6b"
    red, green, blue = (int(darker("#7fa7c9")[i:i + 2], 16) for i in (1, 3, 5))
    assert red < green < blue


def test_logo_favicon_and_colours_reach_every_page(tmp_path: Path):
    project = copy_project(tmp_path)
    (project / "docs" / "bilder").mkdir()
    (project / "docs" / "bilder" / "logotyp.svg").write_bytes(LOGO)
    (project / "profil").mkdir()
    (project / "profil" / "ikon.png").write_bytes(PNG)
    with_identity(project, (
        "identity:\n  logo: docs/bilder/logotyp.svg\n  favicon: profil/ikon.png\n"
        '  colours:\n    primary: "#0B3D2E"\n    accent: "#8a1c1c"\n'
    ))
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "assets" / "region" / "logo.svg").read_bytes() == LOGO
    assert (site / "assets" / "region" / "favicon.png").read_bytes() == PNG
    for path in ("index.html", "mal/goda-livsvillkor/index.html", "404.html"):
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        logo = soup.select_one("header .md-logo img")
        assert logo["src"].endswith("assets/region/logo.svg") and logo["alt"] == ""
        assert soup.select_one("header .md-logo")["aria-label"] == "Regional utvecklingsstrategi för Sjölands län"
        assert soup.select_one("link[rel=icon]")["href"].endswith("assets/region/favicon.png")
        style = " ".join(" ".join(s.get_text() for s in soup.select("head style")).split())
        assert "--md-primary-fg-color: #0b3d2e;" in style and "--md-typeset-a-color: #0b3d2e;" in style
        assert "--md-accent-fg-color: #8a1c1c;" in style


def test_without_identity_the_site_keeps_its_own_look(site: Path):
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "--md-primary-fg-color" not in " ".join(s.get_text() for s in soup.select("head style"))
    assert soup.select_one("header .md-logo img") is None
    assert "assets/images/favicon.png" in soup.select_one("link[rel=icon]")["href"]


def test_colour_pairs_below_four_and_a_half_stop_the_build_with_the_pair_and_its_ratio(tmp_path: Path):
    project = copy_project(tmp_path)
    with_identity(project, 'identity:\n  colours:\n    primary: "#7FA7C9"\n    accent: "#ff8c00"\n')
    output = failure(project)
    lines = (project / "strategy" / "strategy.yml").read_text(encoding="utf-8").splitlines()
    primary, accent = lines.index('    primary: "#7FA7C9"') + 1, lines.index('    accent: "#ff8c00"') + 1
    assert "Strategin har 2 problem som måste rättas innan webbplatsen kan byggas:" in output
    assert (
        f"strategy/strategy.yml:{primary}:14: Färgparet vit text på primärfärgen #7FA7C9 (sidhuvudet; primärfärgen "
        "är också länkarnas färg på den vita sidan) har kontrasten 2,53:1, men WCAG 2.1 AA kräver minst 4,5:1 för "
        f'text.\n    Så här rättar du: Välj en mörkare färg, till exempel "{darker("#7fa7c9")}" (samma färgton, '
        f"kontrast {ratio_text(contrast(darker('#7fa7c9'), '#ffffff'))})."
    ) in output
    assert (
        f"strategy/strategy.yml:{accent}:13: Färgparet accentfärgen #ff8c00 som text på vit bakgrund (länkar under "
        "muspekaren och fokusmarkeringen) har kontrasten 2,33:1, men WCAG 2.1 AA kräver minst 4,5:1 för text."
    ) in output


@pytest.mark.parametrize(("path", "message"), [
    ("../utanfor.png", 'Fältet "identity.logo" har ett ogiltigt värde'),
    ("/etc/logo.png", 'Fältet "identity.logo" har ett ogiltigt värde'),
    ("https://cdn.example/logo.png", 'Fältet "identity.logo" har ett ogiltigt värde'),
    ("docs/bilder/logo.gif", 'Fältet "identity.logo" har ett ogiltigt värde'),
    ("docs/bilder/saknas.svg", "Logotypen docs/bilder/saknas.svg finns inte i repot."),
    ("docs/bilder/falsk.png", "Logotypen docs/bilder/falsk.png heter .png men är ingen PNG-bild."),
    ("docs/bilder/lank.svg", "Logotypen docs/bilder/lank.svg ligger utanför repot eller är ingen fil."),
    ("docs/bilder/stor.png", "Logotypen docs/bilder/stor.png är 1001 kB; logotypen hämtas av varje sida och får vara "
                             "högst 1000 kB.\n    Så här rättar du: Spara bilden mindre"),
    ("docs/bilder/skript.svg", "Logotypen docs/bilder/skript.svg innehåller <script>, som kan köra kod. En SVG-fil "
                               "som webbplatsen publicerar får inte köra eller hämta något."),
])
def test_an_image_that_is_no_safe_file_of_the_repository_is_refused(tmp_path: Path, path: str, message: str):
    project = tmp_path / "projekt"
    project.mkdir()
    copy_project(project)
    images = project / "docs" / "bilder"
    images.mkdir()
    (images / "falsk.png").write_bytes(b"GIF89a")
    (images / "stor.png").write_bytes(PNG + b"\0" * (1_000_001 - len(PNG)))
    (images / "skript.svg").write_bytes(LOGO.replace(b"<rect", b"<script>alert(1)</script><rect"))
    outside = tmp_path / "hemligt.svg"
    outside.write_bytes(LOGO)
    os.symlink(outside, images / "lank.svg")
    with_identity(project, f'identity:\n  logo: "{path}"\n')
    output = failure(project)
    assert "strategy/strategy.yml:" in output and message in output


@pytest.mark.parametrize(("svg", "reason"), [
    (LOGO, None),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "har händelseattributet onload, som kör kod"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "innehåller <foreignobject>, som kan köra kod"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><use x:href="https://a.example/s.svg#i"/></svg>',
     "länkar till 'https://a.example/s.svg#i'; bara länkar inom bilden (#…) får finnas"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><use href="#i"/></svg>', None),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://a.example/x.css);</style></svg>',
     "hämtar något i sin stil (@import eller url(…)) från en annan fil eller webbplats"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://a.example/p)"/></svg>',
     "hämtar eller kör något i attributet style"),
    (b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
     "har en DOCTYPE eller ENTITY, som kan hämta eller upprepa innehåll"),
    (b"<html><script>alert(1)</script></html>", "är ingen SVG-bild (den yttersta taggen är inte <svg>)"),
    (b"<svg", "går inte att läsa som SVG (XML)"),
])
def test_an_svg_that_could_run_or_fetch_something_is_named(svg: bytes, reason: str | None):
    assert svg_problem(svg) == reason


def test_the_sources_for_another_engine_carry_the_logo_and_favicon(tmp_path: Path):
    project = tmp_path / "projekt"
    project.mkdir()
    copy_project(project)
    (project / "docs" / "bilder").mkdir()
    (project / "docs" / "bilder" / "logotyp.svg").write_bytes(LOGO)
    with_identity(project, "identity:\n  logo: docs/bilder/logotyp.svg\n  favicon: docs/bilder/logotyp.svg\n")
    out = tmp_path / "kallor"
    write_site_sources(project, out)
    assert (out / "docs" / "assets" / "region" / "logo.svg").read_bytes() == LOGO
    theme = read_site_config(out / "mkdocs.yml")["theme"]
    assert (theme["logo"], theme["favicon"]) == ("assets/region/logo.svg", "assets/region/favicon.svg")
