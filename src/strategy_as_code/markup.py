"""Text from the strategy files on its way to HTML: refuse HTML at validation, render Markdown
without it, and sanitise what comes out. This is the one place where text from ``strategy/`` is
turned into markup; every template and macro goes through it (or through Jinja's autoescape).

Defence in depth: a pull request that slips a ``<script>`` past the validator (or a fork that
turns the check off) still gets escaped text, because the Markdown renderer has no raw-HTML
support and its output passes an allow-list sanitiser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree

import markdown
import nh3
from markupsafe import Markup, escape

from strategy_as_code.yamlsource import Document, Path

_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?|<!--")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^\s<>]+>")
_BAD_SCHEME = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data|file)\s*:", re.IGNORECASE)
# Every control and format character of Unicode 15 (categories Cc and Cf; tests/test_text_checks.py
# compares it with unicodedata): direction marks and overrides that turn text around, zero-width
# characters that hide inside a word (search then misses it), tags that smuggle invisible ASCII.
# Line breaks are the schemas' business: only Markdown fields may have them, and only "\n".
_INVISIBLE = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_INVISIBLE_NAMES = {
    0x09: "ett tabbtecken",
    0xAD: "ett mjukt bindestreck",
    0x061C: "en osynlig riktningsmarkering",
    0x200B: "ett nollbreddsmellanslag",
    0x200C: "ett osynligt tecken som hindrar sammanfogning",
    0x200D: "ett osynligt sammanfogningstecken",
    0x200E: "en osynlig riktningsmarkering",
    0x200F: "en osynlig riktningsmarkering",
    **dict.fromkeys(range(0x202A, 0x202F), "ett tecken som ändrar textens riktning"),
    0x2060: "ett osynligt ordsammanfogningstecken",
    **dict.fromkeys(range(0x2066, 0x206A), "ett tecken som ändrar textens riktning"),
    0xFEFF: "ett osynligt byte order mark (BOM)",
}

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _strings(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def check_text(document: Document) -> list:
    """Problems for HTML, script links or invisible control characters in any text of a file."""
    problems = []
    for path, text in _strings(document.data, ()):
        field = ".".join(str(part) for part in path)
        without_autolinks = _AUTOLINK.sub("", text)
        tag = _TAG.search(without_autolinks)
        if tag:
            shown = tag.group(0)[:30]
            problems.append(document.problem(
                path, f'Fältet "{field}" innehåller HTML ({shown}), som inte är tillåtet i strategifilerna.',
                "Skriv texten i Markdown i stället: **fetstil**, *kursiv*, [länktext](https://…) och listor "
                "med - i början av raden. Ta bort taggen.",
            ))
        if _BAD_SCHEME.search(text):
            problems.append(document.problem(
                path, f'Fältet "{field}" innehåller en länk som inte går till en webbadress.',
                "Länkar ska börja med https://, http:// eller mailto:.",
            ))
        invisible = _INVISIBLE.search(text)
        if invisible:
            code = ord(invisible.group())
            name = _INVISIBLE_NAMES.get(code, "ett osynligt styrtecken")
            problems.append(document.problem(
                path, f'Fältet "{field}" innehåller {name} (U+{code:04X}), tecken nummer {invisible.start() + 1} '
                "i texten.",
                "Ersätt tabbtecknet med mellanslag." if code == 0x09 else
                "Ta bort tecknet: skriv om texten för hand eller klistra in den som oformaterad text. Osynliga "
                "tecken kan vända på texten eller dölja ord för läsaren och för sökningen.",
            ))
    return problems


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
