"""Text from the strategy files on its way to HTML: Markdown rendered without raw HTML, and what
comes out sanitised. This is the one place where text from ``strategy/`` is turned into markup;
every template and macro goes through it (or through Jinja's autoescape), and the shield keeps
the result away from the site engine's own Markdown parser (shield.py).

Defence in depth: a pull request that slips a ``<script>`` past the validator (reading/
text_checks.py), or a fork that turns the check off, still gets escaped text, because the
Markdown renderer has no raw-HTML support and its output passes an allow-list sanitiser.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.etree import ElementTree

import markdown
import nh3
from markupsafe import Markup, escape

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


class _DemoteHeadings(markdown.treeprocessors.Treeprocessor):
    """A heading inside a YAML text sits under the page's own h1/h2: start it at h3."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            if re.fullmatch(r"h[1-6]", element.tag):
                element.tag = f"h{min(int(element.tag[1]) + 2, 6)}"


class _SafeMarkdown(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 1)


_MARKDOWN = markdown.Markdown(extensions=[_SafeMarkdown(), "tables", "sane_lists"], output_format="html")


# Paragraphs of prose whose every line starts with a letter, has no character that Markdown or
# HTML would read (` \ [ ] ! < > & * _ | # or a control character) and ends without a space.
# Markdown makes exactly <p>…</p> of them; most strategy texts are such prose, and converting
# them with Python-Markdown was the largest cost of a large build (0.25 ms each).
_LINE = r"[^\W\d_][^\x00-\x1f\x7f`\\\[\]!<>&*_|#]*(?<! )"
_PROSE = re.compile(rf"{_LINE}(?:\n{_LINE})*(?:\n\n{_LINE}(?:\n{_LINE})*)*\n?")


def _markdown(text: str) -> str:
    if _PROSE.fullmatch(text):
        return "\n".join(f"<p>{paragraph}</p>" for paragraph in text.rstrip("\n").split("\n\n"))
    _MARKDOWN.reset()
    return _MARKDOWN.convert(text)


def markdown_to_html(text: object) -> Markup:
    """Markdown from a strategy file -> sanitised HTML, safe to insert into any page."""
    if text is None:
        return Markup("")
    return _sanitised_html(str(text))


@lru_cache(maxsize=1 << 15)
def _sanitised_html(text: str) -> Markup:
    """Each text once per build: the print page shows every text its entity's page shows, and
    summaries recur in every list that links the entity. (A pure function of the text; the bound
    keeps `mkdocs serve` from growing without end across edits.)"""
    html = _markdown(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
    )
    return Markup(clean)


def plain(text: object) -> Markup:
    """A one-line text (a name, a unit) escaped for HTML."""
    return escape("" if text is None else str(text))
