"""MkDocs hook: a page without an h1 of its own (the generated entity pages) gets its heading
with an id, first in its table of contents. Material's skip link ("Gå till innehållet") points at
the first entry, so it now lands on the page heading instead of skipping the introduction."""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, TableOfContents

HEADING_ID = "innehall"


def on_page_content(html, page, config, files):
    if "<h1" in html:
        return html
    # page.title is HTML already (generated pages escape it in their front matter), as in the toc.
    heading = AnchorLink(page.title, HEADING_ID, 1)
    heading.children = list(page.toc)
    page.toc = TableOfContents([heading])
    return str(Markup('<h1 id="{}">{}</h1>\n').format(HEADING_ID, Markup(page.title))) + html
