"""Whole numbers where the schemas want them. JSON Schema counts 2030.0 as an integer, and so do
both validators; a year written so once reached the chart as a decimal number and stopped the
build. The loader runs this beside the schema check (schema.py) on every file."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path as FilePath
from typing import Any

from strategy_as_code.problems import Problem
from strategy_as_code.reading.places import place
from strategy_as_code.reading.schema import describe, schema_files
from strategy_as_code.reading.yamlsource import Document


def _resolved(spec: Mapping[str, Any], file: str, schema_dir: FilePath) -> list[tuple[Mapping[str, Any], str]]:
    """``spec`` with its $ref followed and its oneOf/anyOf/allOf spread out, each with its file."""
    if "$ref" in spec:
        target, _, pointer = spec["$ref"].partition("#")
        file = target or file
        found: Any = schema_files(schema_dir)[file]
        for part in filter(None, pointer.split("/")):
            found = found[part]
        spec = {**found, **{key: value for key, value in spec.items() if key != "$ref"}}
    result = [(spec, file)]
    for key in ("oneOf", "anyOf", "allOf"):
        for option in spec.get(key, ()):
            result += _resolved(option, file, schema_dir)
    return result


@cache
def integer_fields(schema_name: str, schema_dir: FilePath) -> frozenset[tuple[str, ...]]:
    """Every field the schema wants a whole number in (``*`` for any item of a list)."""
    found: set[tuple[str, ...]] = set()

    def walk(spec: Mapping[str, Any], file: str, path: tuple[str, ...], depth: int) -> None:
        for alternative, alt_file in _resolved(spec, file, schema_dir):
            if alternative.get("type") == "integer":
                found.add(path)
            if depth > 8:  # the schemas nest a few levels; a cycle of refs must not recurse forever
                continue
            for name, sub in alternative.get("properties", {}).items():
                walk(sub, alt_file, (*path, name), depth + 1)
            if isinstance(alternative.get("items"), Mapping):
                walk(alternative["items"], alt_file, (*path, "*"), depth + 1)

    walk(schema_files(schema_dir)[schema_name], schema_name, (), 0)
    return frozenset(found)


def decimal_where_whole(document: Document, schema_name: str, schema_dir: FilePath) -> list[Problem]:
    """A decimal number (2030.0) in a field the schema wants a whole number in."""
    problems: list[Problem] = []

    def walk(value: Any, path: tuple[Any, ...], pattern: tuple[str, ...]) -> None:
        if isinstance(value, float) and pattern in fields:
            problems.append(document.problem(
                path, f'{place(path, capital=True)} ska vara ett heltal, men YAML läser {describe(value)}.',
                f"Skriv talet utan decimaler, t.ex. {int(value) if value.is_integer() else round(value)}.",
            ))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key), (*pattern, str(key)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index), (*pattern, "*"))

    fields = integer_fields(schema_name, schema_dir)
    walk(document.data, (), ())
    return problems
