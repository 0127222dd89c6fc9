"""The region's look on the site (``identity`` in strategy.yml): its logo, its favicon and its two
colours, checked when a site is prepared (site_content.py) like the accessibility statement.

Colours must keep text readable (WCAG 2.1 AA, 1.4.3: 4.5:1). The theme uses them in two pairs, so
both are checked: white text on the primary colour (the header; the primary colour is also the
links' colour on the white page, the same pair), and the accent colour as text on white (a link
under the pointer, and the focus outline). The images are files in the repository, published with
the site; an SVG file opened on its own runs its scripts with the site's address, so an SVG with
a script, an event attribute or a reference to another host is refused."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategy_as_code.kinds import SETTINGS_FILE
from strategy_as_code.problems import Problem
from strategy_as_code.reading.yamlsource import Document, parse

WHITE = "#ffffff"
MINIMUM_CONTRAST = 4.5
MAX_IMAGE_BYTES = 1_000_000
IMAGE_FOLDER = "assets/region"
"""Where the site publishes the region's images, under fixed names (``logo.svg``, ``favicon.png``)."""
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
IMAGE_WORDS = {"logo": ("Logotypen", "logotypen"), "favicon": ("Ikonen", "ikonen")}


@dataclass(frozen=True)
class Image:
    source: Path
    """The file in the repository."""
    site_path: str
    """Where the site publishes it, e.g. ``assets/region/logo.svg``."""


@dataclass(frozen=True)
class Brand:
    """The region's look; ``None`` where settings leave the site's own."""

    primary: str | None = None
    accent: str | None = None
    logo: Image | None = None
    favicon: Image | None = None

    def theme_settings(self) -> dict[str, str]:
        """What the theme's overrides read (``extra.strategy``): checked colours and site paths."""
        settings = {"primary": self.primary, "accent": self.accent}
        settings.update({name: image.site_path for name, image in self.images.items()})
        return {key: value for key, value in settings.items() if value}

    @property
    def images(self) -> dict[str, Image]:
        """The images settings name, by the theme's key for them (``logo``, ``favicon``)."""
        return {name: image for name, image in (("logo", self.logo), ("favicon", self.favicon)) if image}


# ------------------------------------------------------------------ contrast


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` as WCAG 2.1 defines it."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ratio_text(ratio: float) -> str:
    """``4,49:1``: rounded down, so a pair just below the limit never reads as reaching it."""
    return f"{math.floor(ratio * 100) / 100:.2f}".replace(".", ",").removesuffix("0").removesuffix(",0") + ":1"


def darker(colour: str) -> str:
    """The same hue made darker until white text on it reaches the limit: a suggestion."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    for step in range(100, -1, -1):
        candidate = "#{:02x}{:02x}{:02x}".format(*(round(c * step / 100) for c in (red, green, blue)))
        if contrast(candidate, WHITE) >= MINIMUM_CONTRAST:
            return candidate
    return "#000000"


PAIRS = (
    ("primary", "vit text på primärfärgen {colour} (sidhuvudet; primärfärgen är också länkarnas färg på den "
                "vita sidan)"),
    ("accent", "accentfärgen {colour} som text på vit bakgrund (länkar under muspekaren och fokusmarkeringen)"),
)


def _colour_problems(document: Document, colours: dict[str, Any]) -> list[Problem]:
    problems = []
    for name, pair in PAIRS:
        colour = colours.get(name)
        if not isinstance(colour, str):
            continue
        ratio = contrast(colour.lower(), WHITE)
        if ratio < MINIMUM_CONTRAST:
            suggestion = darker(colour.lower())
            problems.append(document.problem(
                ("identity", "colours", name),
                f"Färgparet {pair.format(colour=colour)} har kontrasten {ratio_text(ratio)}, men WCAG 2.1 AA kräver "
                f"minst 4,5:1 för text.",
                f"Välj en mörkare färg, till exempel \"{suggestion}\" (samma färgton, kontrast "
                f"{ratio_text(contrast(suggestion, WHITE))}).",
            ))
    return problems


# ------------------------------------------------------------------ images


_SVG_NAMESPACES = re.compile(r"^\{[^}]*\}")
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}


def svg_problem(data: bytes) -> str | None:
    """Why an SVG file may not be published as it is, in Swedish, or None."""
    text = data.decode("utf-8", errors="replace")
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return "har en DOCTYPE eller ENTITY, som kan hämta eller upprepa innehåll"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return "går inte att läsa som SVG (XML)"
    if _SVG_NAMESPACES.sub("", root.tag).lower() != "svg":
        return "är ingen SVG-bild (den yttersta taggen är inte <svg>)"
    for element in root.iter():
        tag = _SVG_NAMESPACES.sub("", element.tag).lower() if isinstance(element.tag, str) else ""
        if tag in _FORBIDDEN_ELEMENTS:
            return f"innehåller <{tag}>, som kan köra kod"
        if tag == "style" and re.search(r"@import|url\(\s*['\"]?(?!#)", element.text or "", re.IGNORECASE):
            return "hämtar något i sin stil (@import eller url(…)) från en annan fil eller webbplats"
        for attribute, value in element.attrib.items():
            name = _SVG_NAMESPACES.sub("", attribute).lower()
            if name.startswith("on"):
                return f"har händelseattributet {name}, som kör kod"
            if name in ("href", "src") and not value.strip().startswith("#"):
                return f"länkar till {value.strip()[:60]!r}; bara länkar inom bilden (#…) får finnas"
            if re.search(r"javascript:|url\(\s*['\"]?(?!#)|@import", value, re.IGNORECASE):
                return f"hämtar eller kör något i attributet {name}"
    return None


def _image(root: Path, document: Document, name: str, value: str) -> tuple[Image | None, Problem | None]:
    key = ("identity", name)
    what, what_lower = IMAGE_WORDS[name]
    path = root / value
    fix = f"Lägg bilden i repot och skriv sökvägen från repots rot, t.ex. docs/bilder/{name}.svg."
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None, document.problem(key, f"{what} {value} finns inte i repot.", fix)
    if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
        return None, document.problem(key, f"{what} {value} ligger utanför repot eller är ingen fil.", fix)
    data = resolved.read_bytes()
    if len(data) > MAX_IMAGE_BYTES:
        return None, document.problem(
            key, f"{what} {value} är {-(-len(data) // 1000)} kB; {what_lower} hämtas av varje sida och får vara högst "
                 f"{MAX_IMAGE_BYTES // 1000} kB.", "Spara bilden mindre, till exempel som SVG eller med färre pixlar.",
        )
    suffix = resolved.suffix.lower()
    if suffix == ".png" and not data.startswith(PNG_SIGNATURE):
        return None, document.problem(key, f"{what} {value} heter .png men är ingen PNG-bild.",
                                      "Spara bilden som PNG eller SVG.")
    if suffix == ".svg":
        reason = svg_problem(data)
        if reason:
            return None, document.problem(
                key, f"{what} {value} {reason}. En SVG-fil som webbplatsen publicerar får inte köra eller hämta något.",
                "Spara bilden utan skript, händelseattribut (onload …) och länkar till andra filer, eller som PNG.",
            )
    return Image(resolved, f"{IMAGE_FOLDER}/{name}{suffix}"), None


# ------------------------------------------------------------------ reading the settings


def read_brand(folder: Path, prefix: str) -> tuple[Brand, list[Problem]]:
    """The look that ``folder/strategy.yml`` asks for (its shape checked by the schema already),
    with every problem found; images are looked up from the repository root (``folder``'s parent).
    ``prefix`` names the folder in messages."""
    path = folder / SETTINGS_FILE
    document, _ = parse(f"{prefix}/{SETTINGS_FILE}", path.read_bytes())
    if document is None or not isinstance(document.data, dict) or not isinstance(document.data.get("identity"), dict):
        return Brand(), []
    identity: dict[str, Any] = document.data["identity"]
    colours: dict[str, Any] = identity["colours"] if isinstance(identity.get("colours"), dict) else {}
    problems = _colour_problems(document, colours)
    images: dict[str, Image | None] = {}
    for name in ("logo", "favicon"):
        value = identity.get(name)
        if isinstance(value, str):
            images[name], problem = _image(folder.parent, document, name, value)
            problems += [problem] if problem else []
    brand = Brand(
        primary=str(colours["primary"]).lower() if colours.get("primary") else None,
        accent=str(colours["accent"]).lower() if colours.get("accent") else None,
        logo=images.get("logo"), favicon=images.get("favicon"),
    )
    return brand, problems
