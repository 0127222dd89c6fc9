"""MkDocs hook: a page without an h1 of its own (the generated entity pages) gets its heading
with an id, first in its table of contents, as does an h1 with that id written by the core.
Material's skip link ("Gå till innehållet") points at the first entry, so it now lands on the
page heading instead of skipping the introduction."""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, TableOfContents

HEADING_ID = "innehall"


def on_page_content(html, page, config, files):
    # A heading the core wrote as HTML (the strategy's name on the start and print pages) is not in
    # the engine's table of contents: put it there, as the engine would have.
    written = f'<h1 id="{HEADING_ID}"' in html
    if "<h1" in html and not written:
        return html
    # page.title is HTML already (generated pages escape it in their front matter), as in the toc.
    heading = AnchorLink(page.title, HEADING_ID, 1)
    heading.children = list(page.toc)
    page.toc = TableOfContents([heading])
    if written:
        return html
    return str(Markup('<h1 id="{}">{}</h1>\n').format(HEADING_ID, Markup(page.title))) + html
