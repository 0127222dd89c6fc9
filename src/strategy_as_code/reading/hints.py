"""How to write what a partner wrote as Swedish prose writes it, for the schema check's messages
(schema.py): a number with a decimal comma or spaces between thousands ("69,4", "1 234"), which
YAML reads as text, and a list with nothing in it yet (``values: []``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]{1,3}(?:[ \u00a0][0-9]{3})*(?:,[0-9]+)?|[-+]?[0-9]+,[0-9]+")
"""A number as Swedish prose writes it: "69,4", "1 234", "1 234,5", which YAML reads as text."""

_EMPTY_LIST = {"values": "om inget är uppmätt ännu"}
"""When a list field may be empty, and what an empty one means (default: there is nothing to list)."""


def empty_list(name: str) -> str:
    """When to write the field as an empty list, in words: "om inget är uppmätt ännu"."""
    return _EMPTY_LIST.get(name, "om listan ska vara tom")


def or_empty(name: str, spec: Mapping[str, Any]) -> str:
    """For a missing list that may be empty: how to write it so (``values: []``)."""
    if spec.get("type") != "array" or spec.get("minItems"):
        return ""
    return f', eller "{name}: []" {empty_list(name)}'


def number_advice(text: str) -> str:
    """How to write a number YAML read as text because it is written as in Swedish prose."""
    if not _DECIMAL_COMMA.fullmatch(text.strip()) or not any(char in text for char in ", \u00a0"):
        return ""
    written = re.sub(r"[ \u00a0]", "", text.strip()).replace(",", ".")
    if "," in text and not re.search(r"[ \u00a0]", text.strip()):
        return f"Skriv decimaltal med punkt: {written}. "
    if "," not in text:
        return f"Skriv talet utan mellanslag: {written}. "
    return f"Skriv talet utan mellanslag och med punkt före decimalerna: {written}. "
