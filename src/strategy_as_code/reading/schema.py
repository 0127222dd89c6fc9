"""Check one file's data against its JSON Schema (``schemas/``) and word each error in Swedish.

The same schemas give editors autocompletion (the ``# yaml-language-server: $schema=…`` line at
the top of each file), so the rules a partner sees while typing are the rules the build enforces.

Somewhat over 350 lines on purpose: one wording for each kind of schema error, kept side by side
so that the messages read alike.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from strategy_as_code.problems import Problem, visible
from strategy_as_code.reading.hints import empty_list, number_advice, or_empty
from strategy_as_code.reading.places import is_neuter, place
from strategy_as_code.reading.unknown_fields import unknown_field
from strategy_as_code.reading.yamlsource import Document

if TYPE_CHECKING:  # jsonschema is imported when a file is invalid (see check), not on every build
    from jsonschema import Draft202012Validator, ValidationError
    from jsonschema.exceptions import _Error  # ValidationError's base: the type of its parent
    from referencing import Registry

SCHEMA_DIR = FilePath(__file__).resolve().parents[3] / "schemas"

_TYPE_NAMES = {
    "string": "text",
    "integer": "ett heltal",
    "number": "ett tal",
    "boolean": "true eller false",
    "array": "en lista",
    "object": "en grupp av fält (namn: värde)",
    "null": "tomt",
}


LINE_BREAKS = "\n\r\u0085\u2028\u2029"
"""Every character YAML or a browser may break a line at."""


def number(value: int | float) -> str:
    """A number as a partner wrote it, cut short if it is too long to read (a 400-digit integer)."""
    text = str(value)
    if len(text) <= 20:
        return text
    return f"{text[:12]}… ({len(text.lstrip('-'))} siffror)" if isinstance(value, int) else f"{value:.6g}"


def describe(value: Any) -> str:
    """How a partner would recognise the value YAML read, in Swedish."""
    if value is None:
        return "ett tomt värde"
    if isinstance(value, bool):
        return f"sanningsvärdet {str(value).lower()}"
    if isinstance(value, int | float):
        return f"talet {number(value)}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f'texten "{visible(shown)}"'
    if isinstance(value, list):
        return "en lista"
    return "en grupp av fält"


@cache
def schema_files(schema_dir: FilePath) -> dict[str, dict[str, Any]]:
    return {
        path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(schema_dir.glob("*.schema.json"))
    }


@cache
def _registry(schema_dir: FilePath) -> Registry:
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    # Without "$schema": python-jsonschema switches to the stock validator class for any schema
    # that names its dialect (settings -> accessibility.schema.json), which would leave our
    # ECMA-262 reading of "pattern" behind. Every schema here is draft 2020-12.
    return Registry().with_resources(
        (name, DRAFT202012.create_resource({key: value for key, value in contents.items() if key != "$schema"}))
        for name, contents in schema_files(schema_dir).items()
    )


_ECMA_SPACE = r"\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_ECMA_CLASSES = {"s": _ECMA_SPACE, "d": "0-9", "w": "A-Za-z0-9_"}
_TOKEN = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|\$")
"""An escaped character, a character class, or a ``$`` anchor in a regular expression."""


def _ecma_token(found: re.Match) -> str:
    token = found.group()
    if token == "$":
        return r"\Z"
    if token.startswith("["):
        return re.sub(r"\\(.)", lambda escape: _ECMA_CLASSES.get(escape.group(1), escape.group()), token)
    letter = token[1]
    if letter.lower() in _ECMA_CLASSES:
        return f"[{'^' if letter.isupper() else ''}{_ECMA_CLASSES[letter.lower()]}]"
    return token


@cache
def ecma_pattern(pattern: str) -> re.Pattern:
    """A JSON Schema pattern as ECMA-262 reads it, and jsonschema-rs and every editor with it.
    There ``$`` is the very end of the text, where Python's also matches before a final newline
    (``^[a-z]+$`` passed "goda-livsvillkor\\n" as an id); and ``\\s``, ``\\d`` and ``\\w`` are
    ECMA's sets, where Python's ``\\s`` also holds U+0085 and U+001C–U+001F. So ``$`` outside a
    character class becomes ``\\Z``, and the three classes are written out."""
    return re.compile(_TOKEN.sub(_ecma_token, pattern))


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict) -> Iterator[ValidationError]:
    from jsonschema import ValidationError

    if validator.is_type(instance, "string") and not ecma_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def validator(schema_name: str, schema_dir: FilePath = SCHEMA_DIR) -> Draft202012Validator:
    """The validator whose errors are worded for partners (python-jsonschema: detailed errors)."""
    from jsonschema import Draft202012Validator, validators

    registry = _registry(schema_dir)
    schema = registry.contents(schema_name)
    ecma = validators.extend(Draft202012Validator, {"pattern": _pattern})
    return ecma(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


_BASE_URI = "json-schema:///"


@cache
def _quick_registry(schema_dir: FilePath) -> jsonschema_rs.Registry:
    """Every schema, for jsonschema-rs to resolve ``$ref``s in; built once and shared by the
    validators (one per kind each building its own was half of their cost)."""
    return jsonschema_rs.Registry([(_BASE_URI + name, contents) for name, contents in schema_files(schema_dir).items()])


@cache
def _quick_validator(schema_name: str, schema_dir: FilePath) -> jsonschema_rs.Validator:
    """The same schema compiled by jsonschema-rs, which only answers "valid or not" but a hundred
    times faster: a 100× strategy spent most of its validation in python-jsonschema."""
    return jsonschema_rs.Draft202012Validator(
        schema_files(schema_dir)[schema_name], registry=_quick_registry(schema_dir), base_uri=_BASE_URI + schema_name,
        validate_formats=True, offline=True,
    )


def _surely_valid(data: Any, schema_name: str, schema_dir: FilePath) -> bool:
    try:
        return _quick_validator(schema_name, schema_dir).is_valid(data)
    except (ValueError, UnicodeError):  # text jsonschema-rs cannot take (a lone surrogate): ask jsonschema
        return False


def forget_schemas() -> None:
    schema_files.cache_clear()
    _registry.cache_clear()
    validator.cache_clear()
    _quick_registry.cache_clear()
    _quick_validator.cache_clear()


def schema_of(schema_name: str, schema_dir: FilePath = SCHEMA_DIR) -> dict[str, Any]:
    return schema_files(schema_dir)[schema_name]


def _description(error: _Error) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    text = schema.get("description", "")
    if not text and error.parent is not None:  # a sub-error of oneOf: its parent may say more
        return _description(error.parent)
    return text


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """For ``oneOf`` (a text may be a string or a {sv, en} table), report the branch that fits."""
    if error.validator == "oneOf" and error.context:
        if isinstance(error.instance, dict):
            branch = [e for e in error.context if e.schema_path and e.schema_path[0] == 1]
            if branch:
                for sub in branch:
                    yield from _leaves(sub)
                return
        if not isinstance(error.instance, str | dict):
            yield error
            return
        for sub in error.context:
            if sub.schema_path and sub.schema_path[0] == 0 and sub.validator != "type":
                yield from _leaves(sub)
                return
    yield error


def _at(schema_name: str, schema_dir: FilePath, path: tuple) -> Mapping[str, Any]:
    """The schema written for the field at ``path`` (a rule beside a $ref, such as minItems, stays)."""
    spec: Any = schema_files(schema_dir)[schema_name]
    for part in path:
        spec = spec.get("items", {}) if isinstance(part, int) else spec.get("properties", {}).get(part, {})
    return spec


def _word(
    error: ValidationError, document: Document, kind_noun: str, schema_name: str, schema_dir: FilePath,
) -> Problem | list[Problem]:
    path = tuple(error.absolute_path)
    field, subject = place(path), place(path, capital=True)
    hint = _description(error)
    check = error.validator
    # An error from iter_errors always has its instance, its rule's value and a schema object; the
    # stubs also allow a bare true/false schema and "unset", which no error of ours carries.
    value: Any = error.instance
    rule: Any = error.validator_value
    rule_schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}

    if check == "required":
        # One problem for each missing field: a file missing three fields says so at once.
        missing = [name for name in rule if name not in (value or {})]
        properties = rule_schema.get("properties", {})
        where = f"i {field}" if path else f"i {kind_noun}"
        return [
            document.problem(
                path, f'Det obligatoriska fältet "{name}" saknas {where}.',
                f'Lägg till en rad "{name}: …"{or_empty(name, properties.get(name, {}))}. '
                f'{properties.get(name, {}).get("description", "")}'.strip(), key=True,
            )
            for name in missing
        ]
    if check == "additionalProperties":
        properties = rule_schema.get("properties", {})
        return [
            unknown_field(document, path, name, list(properties), properties, schema_name, schema_files(schema_dir))
            for name in value if name not in properties
        ]
    if check in ("type", "oneOf"):
        expected = rule if check == "type" else "string"
        if isinstance(expected, list):
            expected = expected[0]
        name = path[-1] if path and isinstance(path[-1], str) else ""
        if expected == "string" and isinstance(value, int | float) and not isinstance(value, bool):
            advice = f'Sätt värdet inom citattecken så läses det som text: {name or "fält"}: "{number(value)}". '
        elif expected in ("number", "integer") and isinstance(value, str):
            advice = number_advice(value)
        elif expected == "array" and value is None and name and not _at(schema_name, schema_dir, path).get("minItems"):
            advice = f'Skriv "{name}: []" {empty_list(name)}. '
        else:
            advice = ""
        return document.problem(
            path, f'{subject} ska vara {_TYPE_NAMES.get(expected, expected)}, men YAML läser {describe(value)}.',
            f"{advice}{hint}".strip(),
        )
    if check == "pattern":
        breaks = [char for char in value if char in LINE_BREAKS]
        if breaks and not ecma_pattern(rule).search("\n"):
            return document.problem(
                path, f'{subject} ska stå på en rad, men texten har en radbrytning.',
                "Skriv hela texten på samma rad som fältnamnet, utan | eller > efter kolonet och utan \\n. "
                "Bara beskrivningar och andra texter i Markdown får ha flera rader.",
            )
        if any(char != "\n" for char in breaks):
            code = next(ord(char) for char in breaks if char != "\n")
            return document.problem(
                path, f'{subject} innehåller ett ovanligt radbrytningstecken (U+{code:04X}).',
                "Ta bort tecknet och tryck Enter där raden ska brytas; det kommer ofta med text som "
                "klistrats in från ett annat program.",
            )
        return document.problem(path, f'{subject} har ett ogiltigt värde: {describe(value)}.', hint)
    if check == "enum":
        options = ", ".join(str(option) for option in rule)
        guess = difflib.get_close_matches(str(value), [str(o) for o in rule], n=1)
        advice = f'Menade du "{guess[0]}"? ' if guess else ""
        return document.problem(
            path, f'{subject} kan inte vara {describe(value)}.', f"{advice}Välj ett av: {options}."
        )
    if check == "minItems":
        return document.problem(
            path, f'{place(path, capital=True, noun="listan")} är tom men ska ha minst {rule} värde.', hint
        )
    if check == "uniqueItems":
        listed = place(path, capital=True, noun="listan")
        return document.problem(path, f"{listed} innehåller samma värde två gånger.", "Ta bort dubbletten.")
    if check in ("minimum", "maximum"):
        bound = "minst" if check == "minimum" else "högst"
        limit = rule
        shown = f"{int(limit):,}".replace(",", " ") if float(limit).is_integer() else str(limit)
        return document.problem(path, f'{subject} är {number(value)}, men får vara {bound} {shown}.', hint)
    if check in ("minLength", "maxLength"):
        neuter = is_neuter(path)
        if check == "minLength":
            message = f'{subject} är {"tomt" if neuter else "tom"} eller för kort.'
        else:
            message = f'{subject} är för {"långt" if neuter else "lång"} ({len(value)} tecken, högst {rule}).'
        return document.problem(path, message, hint)
    if check == "format":
        return document.problem(path, f'{subject} är inget giltigt datum: {describe(value)}.', hint)
    if check == "not" and rule_schema.get("not", {}).get("required") == ["kommunkod"]:
        return document.problem(
            (*path, "kommunkod"), "Bara kommuner har kommunkod.",
            'Ta bort raden "kommunkod", eller ändra "type" till kommun om aktören är en kommun.', key=True,
        )
    if check == "anyOf" and all(set(branch) == {"required"} for branch in rule):
        # "At least one of": a contact with neither e-mail, phone nor web address.
        names = _and([f'"{branch["required"][0]}"' for branch in rule])
        return document.problem(
            path, f"{field[:1].upper()}{field[1:]} behöver minst ett av fälten {names}.",
            f"Lägg till ett av dem. {hint}".strip(), key=True,
        )
    if check == "dependentRequired" and isinstance(value, Mapping):
        # One problem per field that needs a partner field: "change" without "base_year".
        return [
            document.problem(
                (*path, name), f'Fältet "{name}" i {field} behöver också {_and(missing)}.',
                f'Lägg till {_and(missing)} i {field}, eller ta bort "{name}". {hint}'.strip(), key=True,
            )
            for name, needed in rule.items() if name in value
            for missing in [[f'"{other}"' for other in needed if other not in value]] if missing
        ]
    # Every rule the schemas use is worded above; python-jsonschema's English never reaches a partner.
    return document.problem(path, f'{subject} har ett värde som schemat inte tillåter: {describe(value)}.', hint)


def _and(names: list[str]) -> str:
    """"a", "a och b", "a, b och c"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


def check(document: Document, schema_name: str, kind_noun: str, schema_dir: FilePath = SCHEMA_DIR) -> list[Problem]:
    """Every schema error of one document, in Swedish."""
    # Where jsonschema-rs finds the file valid, so does python-jsonschema (tests/test_schema_quick.py
    # checks it); only the files it rejects are validated again, for errors worth wording.
    if _surely_valid(document.data, schema_name, schema_dir):
        return []
    problems: list[Problem] = []
    errors = [
        leaf for error in validator(schema_name, schema_dir).iter_errors(document.data) for leaf in _leaves(error)
    ]
    # A date that breaks the pattern is no date either: one message for it is enough.
    patterned = {tuple(error.absolute_path) for error in errors if error.validator == "pattern"}
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in patterned:
            continue
        worded = _word(error, document, kind_noun, schema_name, schema_dir)
        problems.extend(worded if isinstance(worded, list) else [worded])
    if not problems:
        # jsonschema-rs refused the file and python-jsonschema found nothing: the two read a rule
        # differently (as they did "$" in patterns). The file is invalid until they agree.
        problems.append(document.problem(
            (), f"Filen följer inte schemat för {kind_noun}, men felet gick inte att peka ut.",
            f"Jämför fälten med en fungerande fil av samma slag. Ser allt rätt ut, be den som sköter "
            f"webbplatsen att jämföra filen med schemas/{schema_name}: kontrollerna av schemat är oense.",
        ))
    return problems
