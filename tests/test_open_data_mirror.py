"""strategy.json is a mirror of the model: every record follows the JSON Schema published beside
it (the same schema the partners' YAML files follow), and the records, written back as YAML
files, load to the same strategy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.generate import generate
from strategy_as_code import load_strategy
from strategy_as_code.kinds import KINDS, SETTINGS_FILE, SETTINGS_SCHEMA, folder_of
from strategy_as_code.model import RegionalStrategy
from strategy_as_code.publishing.open_data import FORMAT_VERSION, json_bytes
from strategy_as_code.reading import schema
from strategy_as_code.reading.loader import load_files
from support import EXAMPLE


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> RegionalStrategy:
    """A strategy ten times the example's size, from the benchmark's generator."""
    folder = tmp_path_factory.mktemp("generated") / "strategy"
    generate(folder, 10)
    return load_strategy(folder)


def _exported(strategy: RegionalStrategy) -> dict[str, Any]:
    """strategy.json as a data user reads it."""
    return json.loads(json_bytes(strategy))


def _schema_errors(record: dict[str, Any], schema_name: str) -> list[str]:
    return [
        f"{'.'.join(map(str, error.absolute_path)) or '(posten)'}: {error.message}"
        for error in schema.validator(schema_name).iter_errors(record)
    ]


def _invalid_records(document: dict[str, Any]) -> dict[str, list[str]]:
    """Every record that its kind's schema refuses, with the schema's errors."""
    invalid = {}
    errors = _schema_errors(document["settings"], SETTINGS_SCHEMA)
    if errors:
        invalid["settings"] = errors
    for kind in KINDS:
        for record in document[kind.key]:
            errors = _schema_errors(record, kind.schema)
            if errors:
                invalid[f"{kind.key}/{record.get('id')}"] = errors
    return invalid


def _as_files(document: dict[str, Any]) -> dict[str, bytes]:
    """The exported records written back as the strategy folder's YAML files."""
    def dumped(record: dict[str, Any]) -> bytes:
        return yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000).encode("utf-8")

    files = {SETTINGS_FILE: dumped(document["settings"])}
    for kind in KINDS:
        files.update({f"{folder_of(kind)}/{record['id']}.yml": dumped(record) for record in document[kind.key]})
    return files


def _assert_loads_back(strategy: RegionalStrategy) -> None:
    loaded = load_files(_as_files(_exported(strategy)))
    assert loaded.settings == strategy.settings
    for kind in KINDS:
        assert loaded.all(kind.key) == strategy.all(kind.key), kind.key
    assert loaded == strategy


def test_every_record_of_the_example_follows_its_schema():
    document = _exported(load_strategy(EXAMPLE))
    assert document["format_version"] == FORMAT_VERSION
    assert all(document[kind.key] for kind in KINDS)
    assert _invalid_records(document) == {}


def test_every_record_of_a_generated_larger_strategy_follows_its_schema(generated: RegionalStrategy):
    document = _exported(generated)
    assert len(document["partners"]) == 150
    assert _invalid_records(document) == {}


def test_the_example_loads_back_from_its_open_data_to_the_same_model():
    _assert_loads_back(load_strategy(EXAMPLE))


def test_a_generated_larger_strategy_loads_back_from_its_open_data_to_the_same_model(generated: RegionalStrategy):
    _assert_loads_back(generated)


def _replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_translations_and_fields_left_out_survive_the_round_trip(strategy_dir: Path):
    goal = strategy_dir / "goals" / "goda-livsvillkor.yml"
    _replace_line(goal, "summary: Alla som bor i Sjöland", "summary:\n  en: Everyone living in Sjöland\n  sv: Alla som bor i Sjöland")
    strategy = load_strategy(strategy_dir)
    document = _exported(strategy)
    summary = next(g for g in document["goals"] if g["id"] == "goda-livsvillkor")["summary"]
    assert summary["en"] == "Everyone living in Sjöland" and summary["sv"].startswith("Alla som bor i Sjöland")
    # A field the file leaves out is left out of the record too: the schemas allow no null.
    assert all(None not in record.values() for kind in KINDS for record in document[kind.key])
    assert any("end" not in action for action in document["actions"])
    assert any("kommunkod" not in partner for partner in document["partners"])
    assert _invalid_records(document) == {}
    _assert_loads_back(strategy)
