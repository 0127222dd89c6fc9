"""Checks of every text in a strategy file: no HTML, no script links, no invisible characters.
Run by the loader on every file; the renderer (render/markdown.py) is the second line of defence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from strategy_as_code.reading.places import place
from strategy_as_code.reading.yamlsource import Document, Path

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
_NONCHARACTER = re.compile(
    "[\ufdd0-\ufdef" + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)) + "]"
)
"""Unicode's noncharacters (U+FDD0–FDEF and the last two of every plane): never text. A YAML
escape such as "\\uFFFE" can put one in a string, and YAML refuses them when a page's header is read
back, which once turned a page's header into its text."""
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
        field = place(path, capital=True)
        without_autolinks = _AUTOLINK.sub("", text)
        tag = _TAG.search(without_autolinks)
        if tag:
            shown = tag.group(0)[:30]
            problems.append(document.problem(
                path, f'{field} innehåller HTML ({shown}), som inte är tillåtet i strategifilerna.',
                "Skriv texten i Markdown i stället: **fetstil**, *kursiv*, [länktext](https://…) och listor "
                "med - i början av raden. Ta bort taggen.",
            ))
        if _BAD_SCHEME.search(text):
            problems.append(document.problem(
                path, f'{field} innehåller en länk som inte går till en webbadress.',
                "Länkar ska börja med https://, http:// eller mailto:.",
            ))
        invisible = _INVISIBLE.search(text)
        if invisible:
            code = ord(invisible.group())
            name = _INVISIBLE_NAMES.get(code, "ett osynligt styrtecken")
            problems.append(document.problem(
                path, f'{field} innehåller {name} (U+{code:04X}), tecken nummer {invisible.start() + 1} '
                "i texten.",
                "Ersätt tabbtecknet med mellanslag." if code == 0x09 else
                "Ta bort tecknet: skriv om texten för hand eller klistra in den som oformaterad text. Osynliga "
                "tecken kan vända på texten eller dölja ord för läsaren och för sökningen.",
            ))
        noncharacter = _NONCHARACTER.search(text)
        if noncharacter:
            problems.append(document.problem(
                path, f'{field} innehåller ett tecken som inte är text (U+{ord(noncharacter.group()):04X}), '
                f"tecken nummer {noncharacter.start() + 1} i texten.",
                "Ta bort tecknet. Det kommer ofta av en felskriven teckenkod (\\u…) eller av en kopierad text.",
            ))
    return problems
