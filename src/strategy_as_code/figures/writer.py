"""Write the figures back into an indicator file: only the blocks ``values``, ``series`` and
``fetched`` are written anew, in one canonical form (one field per line, every list item on lines
of its own, text in double quotes), and the rest of the file stays byte for byte as the person
wrote it, comments included. Where each block starts and ends is taken from the project's own
YAML reader, not guessed from the text."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from strategy_as_code.reading.yamlsource import Document

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same number
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _key(name: str) -> str:
    return name if _PLAIN_KEY.fullmatch(name) else scalar(name)


def _simple(value: Any) -> bool:
    return not isinstance(value, Mapping | list) or not value


def _inline(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, Mapping):
        for name, item in value.items():
            if _simple(item):
                lines.append(f"{pad}{_key(name)}: {_inline(item)}")
            else:
                lines.append(f"{pad}{_key(name)}:")
                lines += _lines(item, indent + 2)
        return lines
    for item in value:
        if _simple(item):
            lines.append(f"{pad}- {_inline(item)}")
        else:
            nested = _lines(item, indent + 2)
            lines.append(f"{pad}- {nested[0][indent + 2:]}")
            lines += nested[1:]
    return lines


def block(name: str, value: Any) -> str:
    """One top-level field as YAML text, ending with a line break."""
    if _simple(value):
        return f"{_key(name)}: {_inline(value)}\n"
    return "\n".join([f"{_key(name)}:", *_lines(value, 2)]) + "\n"


def _spans(document: Document, line_count: int, lines: list[str]) -> dict[str, tuple[int, int]]:
    """Top-level field -> (first line, line after its last), 0-based. Blank lines and comments
    at the start of a line after a field belong to the field that follows."""
    data = document.data if isinstance(document.data, Mapping) else {}
    starts = sorted((document.keys[(name,)][0] - 1, name) for name in data if (name,) in document.keys)
    spans = {}
    for index, (start, name) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else line_count
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        spans[name] = (start, end)
    return spans


def rewrite(text: str, document: Document, blocks: Mapping[str, Any], after: Mapping[str, str]) -> str:
    """``text`` with each field of ``blocks`` written anew: in its place, or, for a new field, after
    the field ``after`` names (or at the end). A field whose value is None is removed."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    spans = _spans(document, len(lines), lines)
    edits: list[tuple[int, int, int, str]] = []  # (start, end, order given, replacement), 0-based lines
    for index, (name, value) in enumerate(blocks.items()):
        written = "" if value is None else block(name, value).replace("\n", newline)
        if name in spans:
            start, end = spans[name]
            edits.append((start, end, index, written))
        elif written:
            anchor = spans.get(after.get(name, ""))
            position = anchor[1] if anchor else len(lines)
            edits.append((position, position, index, written))
    # From the bottom up, so that earlier positions stay valid; new fields at the same place in
    # the order given.
    for start, end, _, written in sorted(edits, reverse=True):
        lines[start:end] = [written] if written else []
    return "".join(lines)
