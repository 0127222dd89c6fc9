"""The quick validator (jsonschema-rs) lets a file through unchecked by jsonschema only if it is
valid; so it must never accept what jsonschema refuses. Checked on thousands of broken variants
of the example's files: wrong types, missing and unknown fields, edge values."""

from __future__ import annotations

import copy
import random

from strategy_as_code.kinds import FOLDERS, SETTINGS_FILE, SETTINGS_SCHEMA
from strategy_as_code.reading import schema
from strategy_as_code.reading.yamlsource import parse
from support import EXAMPLE

ODD_VALUES = [
    None, True, False, 0, 1, -1, 1.5, 1.0, 1e30, 10**30, "", "x", "A", "a-b", "ab\n", "2021-02-30", "2024-02-29",
    "2021-13-01", "1234", "12345", "https://x.se", "javascript:x", [], ["a"], ["a", "a"], [1], {}, {"sv": "x"},
    {"en": "x"}, {"sv": ""}, {"sv": "x", "fr": "y"}, "kommun", "näringsliv", "increase", 1899, 2100, 2101, 17, 18,
    "N12345", "X1", "a" * 81, "a" * 300, "\ud800",
]
FIELDS = ["extra", "kommunkod", "end", "women", "en", "sv", "links", "id"]


def _example_documents() -> list[tuple[object, str]]:
    documents = []
    for path in sorted(EXAMPLE.rglob("*.yml")):
        relative = path.relative_to(EXAMPLE).as_posix()
        name = SETTINGS_SCHEMA if relative == SETTINGS_FILE else FOLDERS[relative.split("/")[0]].schema
        document, problems = parse(relative, path.read_bytes())
        assert document is not None and not problems
        documents.append((document.data, name))
    return documents


def _paths(node, path=()):
    yield path
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        yield from _paths(value, (*path, key))


def _mutate(data, rng: random.Random):
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 2)):
        path = rng.choice([p for p in _paths(data) if p] or [None])
        if path is None:
            break
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        roll = rng.random()
        if roll < 0.6:
            parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif roll < 0.8:
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[rng.choice(FIELDS)] = copy.deepcopy(rng.choice(ODD_VALUES))
    return data


def test_quick_validator_never_accepts_what_jsonschema_refuses():
    rng = random.Random(6)
    refused = 0
    for data, name in _example_documents():
        for _ in range(40):
            variant = _mutate(data, rng)
            valid = not any(True for _ in schema.validator(name).iter_errors(variant))
            refused += not valid
            if schema._surely_valid(variant, name, schema.SCHEMA_DIR):
                assert valid, (name, variant)
    assert refused > 1000  # the variants do exercise the schemas


def test_valid_files_skip_jsonschema():
    for data, name in _example_documents():
        assert schema._surely_valid(data, name, schema.SCHEMA_DIR), name


def test_a_schema_changed_under_mkdocs_serve_is_used_by_the_quick_check_too(tmp_path):
    """`mkdocs serve` reloads when a schema changes; the quick check must not keep the old
    schemas its references point to (it decides alone that a file is valid)."""
    import json
    import shutil

    import pytest

    from strategy_as_code import StrategyInvalid, load_strategy_cached
    from support import REPO

    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    shutil.copytree(EXAMPLE, tmp_path / "strategy")
    load_strategy_cached(tmp_path / "strategy", schema_dir=tmp_path / "schemas")
    common = tmp_path / "schemas" / "common.schema.json"
    data = json.loads(common.read_text(encoding="utf-8"))
    data["$defs"]["markdown"]["oneOf"][0]["maxLength"] = 5  # every description is now too long
    common.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StrategyInvalid):
        load_strategy_cached(tmp_path / "strategy", schema_dir=tmp_path / "schemas")
