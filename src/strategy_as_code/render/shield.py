"""Keeps every piece of HTML that carries strategy text away from the site engine's Markdown
parser: the engine sees opaque tokens (and our fixed section headings), and the pieces are put
back into the HTML it produced.

Escaping is not enough against a Markdown engine: ``{: onfocus=… }`` (attr_list), a reference
definition to ``javascript:`` or a line break followed by ``## …`` all survive HTML escaping and
take effect when Python-Markdown parses the page. So no text from ``strategy/`` reaches any
Markdown engine but ours (``markdown.py``): templates render finished HTML, ``Shield.hide`` swaps it
for a token of letters and digits that no Markdown syntax touches, and ``Shield.reveal`` swaps
the token back in the engine's output, in one pass, so that nothing revealed is scanned again.
"""

from __future__ import annotations

import re
import secrets

import yaml
from markupsafe import escape

_BLOCK = re.compile(
    r"\s*<(?:address|aside|blockquote|details|div|dl|figure|h[1-6]|hr|nav|ol|p|section|svg|table|ul)\b"
)
"""A piece that starts with a block element replaces the whole paragraph its token lands in."""

_SECTION_HEADING = re.compile(r"^<h2>([^<>\n]+)</h2>$", re.MULTILINE)
"""A section heading of a page template. Strategy text can never produce one: autoescape turns its
``<`` into ``&lt;`` and our Markdown renderer writes headings from h3 down (markup.py)."""

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Characters Python-Markdown reads inside a heading; each gets a backslash (or an entity) so that
# a heading shows exactly the words the template wrote.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


class Shield:
    """The pieces of one build. A new build (also each rebuild of ``mkdocs serve``) makes a new
    shield, whose tokens carry a fresh random part: a token written into a strategy text cannot
    match, and a revealed piece is never scanned again anyway."""

    def __init__(self) -> None:
        self._prefix = f"rusx{secrets.token_hex(8)}n"
        self._pieces: list[tuple[str, bool]] = []
        self._token = re.compile(rf"(<p>)?{self._prefix}(\d+)z(</p>)?")

    def saved(self) -> dict:
        """The shield as data (its token prefix and pieces), for a reveal after the build in
        another process (``publishing/site_sources.py``)."""
        return {"prefix": self._prefix, "pieces": [[html, block] for html, block in self._pieces]}

    @classmethod
    def restored(cls, saved: dict) -> Shield:
        """The shield that ``saved`` describes; it reveals what the saved one hid."""
        shield = cls()
        shield._prefix = str(saved["prefix"])
        shield._pieces = [(str(html), bool(block)) for html, block in saved["pieces"]]
        shield._token = re.compile(rf"(<p>)?{re.escape(shield._prefix)}(\d+)z(</p>)?")
        return shield

    def hide(self, html: str) -> str:
        """The token that stands for ``html`` in Markdown. A block piece gets a paragraph of its
        own; an inline piece stays inline (``TOKEN står bakom webbplatsen``)."""
        html = str(html)
        if not html.strip():
            return ""
        block = bool(_BLOCK.match(html))
        self._pieces.append((html, block))
        token = f"{self._prefix}{len(self._pieces) - 1}z"
        return f"\n\n{token}\n\n" if block else token

    def reveal(self, html: str) -> str:
        """The engine's HTML (or Markdown) with every token replaced by its piece."""

        def piece(match: re.Match) -> str:
            opening, index, closing = match.groups()
            text, block = self._pieces[int(index)]
            if block and opening and closing:
                return text
            return f"{opening or ''}{text}{closing or ''}"

        return self._token.sub(piece, html)

    def page(self, rendered: str) -> str:
        """A page rendered by a page template (front matter, then HTML whose sections start with
        ``<h2>Heading</h2>`` lines) as Markdown for the site engine: the front matter, each section
        heading as a Markdown heading (for the engine's table of contents and search sections), and
        a token for everything else."""
        front = _FRONT_MATTER.match(rendered)
        head, body = (front.group(0), rendered[front.end():]) if front else ("", rendered)
        _check_front_matter(head)
        parts = [head]
        position = 0
        for heading in _SECTION_HEADING.finditer(body):
            parts.append(self.hide(body[position:heading.start()].strip()))
            parts.append(f"\n\n## {markdown_literal(heading.group(1))}\n\n")
            position = heading.end()
        parts.append(self.hide(body[position:].strip()))
        return "".join(parts).rstrip("\n") + "\n"


def _check_front_matter(head: str) -> None:
    """The header must read back as YAML with macros off. MkDocs reads a header it cannot parse as
    page text, silently: the escaped title would then meet Markdown and the page would be run as
    Jinja. The header is written so that this cannot happen (environment.front_matter_string);
    should it ever, the build stops instead of publishing."""
    try:
        meta = yaml.load(head[4:-4], Loader=_YAML_LOADER) if head else None
    except yaml.YAMLError as error:
        raise ValueError(f"A generated page's front matter does not read back as YAML: {error}") from None
    if head and not (isinstance(meta, dict) and meta.get("render_macros") is False):
        raise ValueError(f"A generated page's front matter lost render_macros: false: {head!r}")


def markdown_literal(text: str) -> str:
    """``text`` as Markdown that shows exactly these characters (for fixed headings)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text)))
