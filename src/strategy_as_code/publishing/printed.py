"""The printed edition as a PDF: the print page's fragments (title page, contents, the whole
strategy) in one HTML document, laid out for paper by the site's print stylesheet and written by
WeasyPrint as a tagged PDF/UA-1 file: headings, lists, tables and figures in reading order, the
charts' text alternatives, bookmarks from the headings and the document's language (sv).

WeasyPrint is imported only when a PDF is made: publishing a version makes one, and a local build
or a test of anything else never pays for it.
"""

from __future__ import annotations

import base64
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from strategy_as_code.model import RegionalStrategy
from strategy_as_code.publishing.site import overview_fragment
from strategy_as_code.reading.versions import DRAFT_VERSION, is_year
from strategy_as_code.render.environment import environment
from strategy_as_code.render.history import pdf_name

PARTS = ("strategy_heading", "print_title", "example_notice", "print_contents", "whole_strategy")
"""The fragments of the printed edition, in the order of docs/skriv-ut.md."""


def version_label(version: str, status: str) -> str:
    if status == "utkast" or version == DRAFT_VERSION:
        return "utkast"
    return f"version {version}" if is_year(version) else ""


_SVG = re.compile(r"(<svg\b[^>]*>)")
_DECORATION = re.compile(r"<svg\b([^>]*)\baria-hidden=\"true\"([^>]*)>(.*?)</svg>", re.DOTALL)
_SIZE = re.compile(r'\b(width|height)="([0-9.]+)"')
_TITLE_AND_DESCRIPTION = re.compile(r"(<title\b[^>]*>)(.*?)</title>\s*<desc\b[^>]*>(.*?)</desc>", re.DOTALL)
_VARIABLE = re.compile(r"var\((--[\w-]+)\)")


def chart_styles(css: str) -> str:
    """The rules of ``css`` that draw the charts (selectors with ``rus-chart``, outside any @media),
    with the custom properties they use (``var(--rus-chart-value)``) written out: WeasyPrint draws
    an inline SVG with the SVG's own styles only, without custom properties."""
    import tinycss2  # type: ignore[import-untyped]  # ships no types

    rules = [r for r in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
             if r.type == "qualified-rule"]
    variables = {}
    for rule in rules:
        for declaration in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if declaration.type == "declaration" and declaration.name.startswith("--"):
                variables[declaration.name] = tinycss2.serialize(declaration.value).strip()
    chart = [f"{tinycss2.serialize(r.prelude).strip()} {{{tinycss2.serialize(r.content)}}}"
             for r in rules if "rus-chart" in tinycss2.serialize(r.prelude)]
    return _VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), "\n".join(chart))


def for_paper(html: str, chart_css: str) -> str:
    """Our own rendered HTML made ready for WeasyPrint, which tags every image as a figure and
    draws an SVG with its own styles only: each SVG gets ``chart_css``; a decorative one (hidden
    from screen readers: a legend's line, a status icon) becomes a background, which the PDF marks
    as an artifact; a chart's text alternative, its title, gets its description too."""
    style = str(Markup("<style>{}</style>").format(chart_css)) if chart_css else ""

    def decoration(match: re.Match) -> str:
        attributes = match.group(1) + match.group(2)
        size = dict(_SIZE.findall(attributes))
        svg = f'<svg xmlns="http://www.w3.org/2000/svg"{attributes}>{style}{match.group(3)}</svg>'
        image = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        return (
            f'<span class="rus-decoration" style="display: inline-block; width: {size.get("width", "16")}px; '
            f'height: {size.get("height", "16")}px; background: url(data:image/svg+xml;base64,{image}) '
            'no-repeat center / contain"></span>'
        )

    html = _DECORATION.sub(decoration, html)
    html = _TITLE_AND_DESCRIPTION.sub(lambda m: f"{m.group(1)}{m.group(2)}. {m.group(3)}</title>", html)
    return _SVG.sub(lambda m: m.group(1) + style, html) if style else html


def printed_document(strategy: RegionalStrategy, *, version: str = "", status: str = "", chart_css: str = "") -> str:
    """The printed edition as one HTML document. Its links are relative to a version's root.
    ``chart_css`` goes into each SVG (see :func:`chart_styles`)."""
    parts = [overview_fragment(strategy, name, "", version=version, status=status) for name in PARTS]
    parts = [Markup(for_paper(str(part), chart_css)) for part in parts]
    return environment().get_template("print/document.html.j2").render(
        strategy=strategy, parts=parts, version_label=version_label(version, status)
    )


def write_pdf(
    strategy: RegionalStrategy, target: Path, *, stylesheets: Sequence[Path], base_url: str | None = None,
    version: str = "", status: str = "",
) -> None:
    """Write the printed edition to ``target`` as PDF/UA-1. ``stylesheets`` are the site's (print.css
    lays out the paper); ``base_url`` is the version's address on the web, so that the document's
    links lead to the website's pages."""
    from weasyprint import CSS, HTML  # type: ignore[import-untyped]  # ships no types

    css = chart_styles("\n".join(path.read_text(encoding="utf-8") for path in stylesheets))
    document = HTML(string=printed_document(strategy, version=version, status=status, chart_css=css), base_url=base_url)
    document.write_pdf(
        target, stylesheets=[CSS(filename=str(path)) for path in stylesheets], pdf_variant="pdf/ua-1",
        pdf_identifier=pdf_name(version).encode(),
    )


if __name__ == "__main__":  # python -m strategy_as_code.publishing.printed STRATEGY OUT.pdf CSS...
    from strategy_as_code import load_strategy

    write_pdf(load_strategy(Path(sys.argv[1])), Path(sys.argv[2]), stylesheets=[Path(p) for p in sys.argv[3:]])
