"""Guards over every schema in ``schemas/``, generated from the schemas themselves so that a field
added later is covered without a new test: every number has bounds, every pattern is anchored and
refuses a trailing newline, every text that is not Markdown refuses every kind of line break, and
the two validators can never disagree in the file's favour."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterator
from typing import Any

import pytest

from strategy_as_code.kinds import KINDS, SETTINGS_SCHEMA
from strategy_as_code.reading import schema
from strategy_as_code.reading.places import place
from strategy_as_code.reading.yamlsource import Document
from support import REPO

SCHEMAS = sorted(path.name for path in (REPO / "schemas").glob("*.schema.json"))
FILE_SCHEMAS = [SETTINGS_SCHEMA, *(kind.schema for kind in KINDS)]
"""The schemas a file is checked against (the others are parts of them)."""

# A valid text for each pattern in the schemas; test_every_pattern_has_a_sample keeps it complete.
SAMPLES = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "goda-livsvillkor",
    "^[^\\n\\r\\u0085\\u2028\\u2029]*$": "Ett namn på en rad",
    "^[^\\r\\u0085\\u2028\\u2029]*$": "Ett stycke.\n\nEtt stycke till.",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "2024-01-31",
    "^(https?://|mailto:)[^\\s<>\"\\u0085]+$": "https://www.region.se/rus",
    "^[^@\\s<>\\u0085]+@[^@\\s<>\\u0085]+\\.[a-z]{2,}$": "rus@region.se",
    "^[0-9 +()-]{5,20}$": "010-123 45 00",
    "^[NU][0-9]{5}$": "N00914",
    "^[A-Za-z0-9/_.-]{2,80}$": "BE0101/BefolkningNy",
    "^[A-Za-zÅÄÖåäö0-9§][A-Za-zÅÄÖåäö0-9§ ./:-]{1,39}$": "RF § 32",
    "^[0-9]{4}$": "0580",
    "^[0-9]{2}$": "21",
    "^(00|[0-9]{2}|[0-9]{4})$": "00",
    "^(1[0-7]|[1-9])\\.([1-9][0-9]?|[a-c])$": "11.2",
    "^(län|riket|kommuner|[0-9]{2}|[0-9]{4})$": "kommuner",
    "^[A-Za-z0-9ÅÄÖåäö_.-]{1,60}$": "ContentsCode",
    "^[A-Za-z0-9ÅÄÖåäö_.+/-]{1,60}$": "1+2",
    "^[A-Za-z0-9_.-]{2,80}$": "TAB5974",
    "^[A-Za-z0-9 .()+-]{1,40}$": "v3",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$": "2026-12-01T06:00:00Z",
    "^[0-9a-f]{64}$": "0" * 64,
    "^\\{[^\\n\\r\\u0085\\u2028\\u2029]*\\}$": '{"selection":[]}',
    "^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$": "@region-sjoland/rus-ledning",
    "^(?!/)(?!.*(?:^|/)\\.\\.?(?:/|$))[A-Za-z0-9_./-]+\\.(?:png|svg)$": "docs/bilder/logotyp.svg",
    "^#[0-9a-fA-F]{6}$": "#1b4a6b",
}
LINE_BREAKS = ["\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029"]


def _load(name: str) -> dict[str, Any]:
    return json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))


def _nodes(node: Any) -> Iterator[dict]:
    """Every subschema written in a schema file."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _resolve(ref: str, current: str) -> tuple[dict, str]:
    filename, _, pointer = ref.partition("#")
    filename = filename or current
    target: Any = _load(filename)
    for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
        target = target[part]
    return target, filename


def _fields(node: dict, current: str, path: tuple = ()) -> Iterator[tuple[tuple, dict, str]]:
    """(path, subschema, schema file) for every value a file can hold, ``$ref``s followed; the
    path has 0 for an item of a list. Of a ``oneOf``, each branch."""
    if "$ref" in node:
        target, filename = _resolve(node["$ref"], current)
        yield from _fields(target, filename, path)
        return
    if "oneOf" in node:
        for branch in node["oneOf"]:
            yield from _fields(branch, current, path)
        return
    yield path, node, current
    for name, child in node.get("properties", {}).items():
        yield from _fields(child, current, (*path, name))
    if "items" in node:
        yield from _fields(node["items"], current, (*path, 0))


def _sample(node: dict, current: str) -> Any:
    """A valid value for a subschema with every optional field filled in."""
    if "$ref" in node:
        target, filename = _resolve(node["$ref"], current)
        return _sample(target, filename)
    if "oneOf" in node:
        return _sample(node["oneOf"][0], current)
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if isinstance(kind, list):  # e.g. a global goal's number or one of its targets: the first type
        kind = kind[0]
        node = {**node, "type": kind}
    if kind == "object":
        return {name: _sample(child, current) for name, child in node.get("properties", {}).items()}
    if kind == "array":
        return [_sample(node["items"], current)]
    if kind in ("integer", "number"):
        return node["minimum"]
    if kind == "boolean":
        return True
    if kind == "string":
        return SAMPLES.get(node.get("pattern", ""), "Ett namn")
    raise AssertionError(f"no sample for {node}")


def _full(name: str) -> dict[str, Any]:
    return _sample(_load(name), name)


def _set(data: Any, path: tuple, value: Any) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return data


def _problems(name: str, data: Any) -> list:
    return schema.check(Document("f.yml", data), name, "filen")


def _both_refuse(name: str, data: Any) -> bool:
    fast = schema._surely_valid(data, name, schema.SCHEMA_DIR)
    wording = any(True for _ in schema.validator(name).iter_errors(data))
    assert fast != wording, "the two validators disagree"
    return wording


@pytest.mark.parametrize("name", FILE_SCHEMAS)
def test_a_file_with_every_field_filled_in_is_valid(name):
    assert _problems(name, _full(name)) == []


def test_every_number_is_bounded():
    """A number without bounds let 1e308 through to the chart, which then crashed the build."""
    for name in SCHEMAS:
        for node in _nodes(_load(name)):
            if node.get("type") in ("number", "integer"):
                assert "minimum" in node and "maximum" in node, (name, node)
                assert math.isfinite(node["minimum"]) and math.isfinite(node["maximum"])
                assert abs(node["maximum"]) <= 1e15 and abs(node["minimum"]) <= 1e15  # exact as a float


NUMBERS = [(name, path) for name in FILE_SCHEMAS for path, node, _ in _fields(_load(name), name)
           if node.get("type") in ("number", "integer")]


@pytest.mark.parametrize(("name", "path"), NUMBERS, ids=[f"{n}:{'.'.join(map(str, p))}" for n, p in NUMBERS])
@pytest.mark.parametrize("value", [1e308, -1e308, 10**400, -(10**400), 1e16])
def test_a_number_no_strategy_can_mean_is_refused(name, path, value):
    problems = _problems(name, _set(_full(name), path, value))
    assert len(problems) == 1
    message = problems[0].message
    assert message.startswith(f'{place(path, capital=True)} är ') and (
        "men får vara högst" in message or "men får vara minst" in message
    )
    assert len(message.removeprefix(place(path, capital=True))) < 100  # a 400-digit number is shown shortened


def test_every_pattern_is_anchored_at_both_ends():
    for name in SCHEMAS:
        for node in _nodes(_load(name)):
            if "pattern" in node:
                pattern = node["pattern"]
                assert pattern.startswith("^") and pattern.endswith("$") and not pattern.endswith("\\$"), pattern


def test_every_pattern_has_a_sample():
    patterns = {node["pattern"] for name in SCHEMAS for node in _nodes(_load(name)) if "pattern" in node}
    assert patterns == set(SAMPLES)
    for pattern, sample in SAMPLES.items():
        assert schema.ecma_pattern(pattern).search(sample), pattern


STRINGS = [
    (name, path, node, current) for name in FILE_SCHEMAS for path, node, current in _fields(_load(name), name)
    if node.get("type") == "string" or "string" in (node.get("type") or []) or ("enum" in node and all(isinstance(o, str) for o in node["enum"]))
]
STRING_IDS = [f"{name}:{'.'.join(map(str, path))}:{node.get('pattern', 'enum')[:12]}" for name, path, node, _ in STRINGS]


def _multi_line(node: dict) -> bool:
    return "pattern" in node and bool(schema.ecma_pattern(node["pattern"]).search("\n"))


def test_every_text_field_is_either_one_line_or_markdown():
    """Every pattern is met by the fields walked below; the fields that may hold line breaks are
    exactly the Markdown ones (descriptions and the like)."""
    assert {node["pattern"] for _, _, node, _ in STRINGS if "pattern" in node} == set(SAMPLES)
    multi = {(name, path) for name, path, node, _ in STRINGS if _multi_line(node)}
    assert multi and all(path[-1] in {"description", "vision", "introduction", "challenge", "summary", "method",
                                      "sv", "en", 0} for _, path in multi), multi
    assert ("decision.schema.json", ("summary",)) in multi  # a decision's summary is Markdown
    assert ("goal.schema.json", ("summary",)) not in multi  # a goal's is one sentence


@pytest.mark.parametrize(("name", "path", "node", "current"), STRINGS, ids=STRING_IDS)
@pytest.mark.parametrize("line_break", LINE_BREAKS, ids=repr)
def test_a_line_break_is_refused_in_every_one_line_field(name, path, node, current, line_break):
    full = _full(name)
    if path[-1] in ("sv", "en"):  # a translation table: the branch this node belongs to
        parent = _sample(_resolve(f"{current}#/$defs/{'translations' if _multi_line(node) else 'line_translations'}",
                                  current)[0], current)
        full = _set(full, path[:-1], parent)
    sample = SAMPLES[node["pattern"]] if isinstance(node.get("type"), list) else _sample(node, current)
    if _multi_line(node):
        if line_break == "\n":
            assert _problems(name, _set(full, path, f"Första raden.{line_break}Andra raden.")) == []
            return
        planted = _set(full, path, f"Första raden.{line_break}Andra raden.")
        expected = f'{place(path, capital=True)} innehåller ett ovanligt radbrytningstecken'
    else:
        planted = _set(full, path, sample + line_break)
        expected = f'{place(path, capital=True)} ska stå på en rad, men texten har en radbrytning.'
    assert _both_refuse(name, planted)
    problems = _problems(name, planted)
    if "enum" in node:  # not one of the words allowed (a partner's type may add a second problem)
        expected = f'{place(path, capital=True)} kan inte vara'
    else:
        assert len(problems) == 1, problems
    assert problems[0].message.startswith(expected)


# Characters on which regular-expression dialects differ: controls, every kind of space and line
# break, invisible format characters, digits and letters outside ASCII.
TRICKY = [chr(code) for code in (*range(0x20), 0x7F, 0x85, 0xA0, 0xAD, 0x1680, 0x180E, *range(0x2000, 0x2010),
                                 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF, 0x0663, 0xE5, 0xC5, 0x1D7D8)]


@pytest.mark.parametrize("pattern", sorted(SAMPLES))
def test_both_validators_read_every_pattern_alike(pattern):
    """jsonschema-rs alone decides that a file is valid; python-jsonschema words the errors. On
    any text where they differ, a file could pass that the wording validator would refuse."""
    import jsonschema_rs

    fast = jsonschema_rs.Draft202012Validator({"type": "string", "pattern": pattern})
    sample = SAMPLES[pattern]
    for char in TRICKY:
        for text in (char + sample, sample[:3] + char + sample[3:], sample + char, char):
            assert fast.is_valid(text) == bool(schema.ecma_pattern(pattern).search(text)), (pattern, text)


@pytest.mark.parametrize("pattern", sorted(SAMPLES))
def test_a_trailing_newline_never_passes_a_pattern(pattern):
    """Python's $ matches before a final newline; ECMA-262's (the schemas', the editors' and
    jsonschema-rs's) does not. Both validators here refuse it."""
    import jsonschema_rs

    rule = {"type": "string", "pattern": pattern}
    sample = SAMPLES[pattern]
    assert jsonschema_rs.Draft202012Validator(rule).is_valid(sample)
    for text in (sample + "\n", sample + "\n\n", "\n" + sample):
        if "\n" in sample and text == sample + "\n":
            continue  # Markdown may end with a newline
        assert not jsonschema_rs.Draft202012Validator(rule).is_valid(text) or _multi_line(rule)
        assert not schema.ecma_pattern(pattern).search(text) or _multi_line(rule)


def test_an_id_with_a_trailing_newline_is_refused():
    data = _set(_full("goal.schema.json"), ("id",), "goda-livsvillkor\n")
    assert [(p.message, p.hint) for p in _problems("goal.schema.json", data)] == [(
        'Fältet "id" ska stå på en rad, men texten har en radbrytning.',
        "Skriv hela texten på samma rad som fältnamnet, utan | eller > efter kolonet och utan \\n. Bara "
        "beskrivningar och andra texter i Markdown får ha flera rader.",
    )]


def test_a_disagreement_between_the_validators_makes_the_file_invalid(monkeypatch):
    """If jsonschema-rs refuses a file that python-jsonschema finds no error in, the file is
    invalid (with a message), never valid."""
    monkeypatch.setattr(schema, "_surely_valid", lambda data, name, folder: False)
    problems = _problems("goal.schema.json", _full("goal.schema.json"))
    assert [(p.line, p.column, p.message) for p in problems] == [
        (1, 1, "Filen följer inte schemat för filen, men felet gick inte att peka ut.")
    ]
    assert problems[0].hint.endswith("schemas/goal.schema.json: kontrollerna av schemat är oense.")
