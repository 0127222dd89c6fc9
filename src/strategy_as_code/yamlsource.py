"""Read one strategy file: bytes -> plain Python data, plus the line and column of every value.

PyYAML's SafeLoader is too forgiving for files that partners edit in a browser: it keeps the
last of two equal keys, reads ``no`` as False, ``2021-06-15`` as a date and ``0114`` as the
octal number 76, and expands aliases without limit. This reader resolves only the plain types
the schemas use (text, integer, decimal number, true/false, null), refuses duplicate keys,
anchors and aliases, and words every failure in Swedish with its position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from strategy_as_code.problems import Problem

MAX_BYTES = 512 * 1024
"""A strategy file is a few kilobytes; anything this large is a mistake or an attack."""

Path = tuple[str | int, ...]

try:  # libyaml's parser is several times faster; the pure-Python one reads files the same way
    # (a few errors are worded differently: _YAML_MESSAGES knows both). yaml.cyaml has CParser;
    # `from yaml import CParser` always failed, as yaml does not re-export it.
    from yaml.cyaml import CParser as _Parser

    _PURE = False
except ImportError:  # pragma: no cover - libyaml is in the pinned PyYAML wheels
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    _PURE = True


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2-style plain scalars: no dates, no yes/no booleans, no octal or sexagesimal."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _Loader(_Parser, _Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)


@dataclass
class Document:
    """The data of one file and where each part of it stands in the file."""

    path: str
    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Line and column (1-based) where the value at a path starts."""
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Line and column where the key of the value at a path is written."""

    def position(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The nearest known position for ``path``: its own, else its parent's."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if key and path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def problem(self, path: Path, message: str, hint: str = "", *, key: bool = False) -> Problem:
        line, column = self.position(path, key=key)
        return Problem(self.path, line, column, message, hint)


# PyYAML's English problems, each with what it usually means in a strategy file.
_YAML_MESSAGES: tuple[tuple[str, str, str], ...] = (
    (
        "mapping values are not allowed",
        "Ett kolon står där YAML inte väntar sig ett.",
        'Om texten innehåller kolon följt av mellanslag, sätt hela texten inom citattecken: namn: "Mål: bättre hälsa".',
    ),
    (
        "could not find expected ':'",
        "Raden saknar kolon efter fältnamnet, eller har fel indrag.",
        "Skriv fältnamn, kolon och mellanslag före värdet (namn: värde) och kontrollera indraget.",
    ),
    (
        "did not find expected key",
        "Indraget stämmer inte: här väntas ett nytt fält på samma nivå som fälten ovanför.",
        "Ge raden samma antal mellanslag i början som de andra fälten på samma nivå.",
    ),
    (
        "expected <block end>",
        "Indraget stämmer inte med raderna ovanför.",
        "Kontrollera antalet mellanslag i början av raden; fält på samma nivå ska börja i samma kolumn.",
    ),
    (
        "did not find expected '-' indicator",
        "En rad i en lista har fel indrag.",
        "Låt varje listrad börja med bindestreck och mellanslag (- ) i samma kolumn.",
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i ett värde, troligen för att ett citattecken aldrig stängs.",
        "Kontrollera att varje text som börjar med \" eller ' också slutar med samma tecken.",
    ),
    (
        "node content",  # "expected the node content" in PyYAML, "did not find expected node content" in libyaml
        "Här saknas ett värde, eller så stängs aldrig en lista [ eller en tabell {.",
        "Skriv värdet efter kolonet, och avsluta listor med ] och tabeller med }.",
    ),
    (
        "found unknown escape character",
        "Ett bakstreck (\\) inom dubbla citattecken följs av ett tecken YAML inte känner till.",
        "Använd enkla citattecken ('…') runt texten, eller skriv bakstrecket dubbelt (\\\\).",
    ),
    (
        "expected a single document",
        "Filen innehåller mer än ett YAML-dokument (skiljelinjen ---).",
        "Ta bort den extra skiljelinjen ---; en fil beskriver en sak.",
    ),
    (
        "that cannot start any token",
        "Ett värde börjar med ett tecken som YAML reserverar (t.ex. @, ` eller %).",
        'Sätt hela värdet inom citattecken, t.ex. namn: "@exempel".',
    ),
    (
        "expected ',' or ']'",
        "En lista inom hakparenteser [ ] är inte korrekt skriven.",
        "Skilj värdena åt med kommatecken och avsluta med ], t.ex. goals: [mal-a, mal-b].",
    ),
    (
        "expected ',' or '}'",
        "En tabell inom klammerparenteser { } är inte korrekt skriven.",
        "Skilj fälten åt med kommatecken och avsluta med }.",
    ),
)


def _yaml_error(path: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = getattr(error, "problem", None) or str(error)
    for english, message, hint in _YAML_MESSAGES:
        if english in problem:
            return Problem(path, line, column, message, hint)
    return Problem(
        path,
        line,
        column,
        f"Filen är inte korrekt YAML ({problem}).",
        "Jämför med en fungerande fil av samma slag och kontrollera indrag, kolon och citattecken.",
    )


def _tab_problems(path: str, text: str) -> list[Problem]:
    if "\t" not in text:
        return []
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    path,
                    number,
                    indent.index("\t") + 1,
                    "Raden är indragen med tabbtecken. YAML tillåter bara mellanslag i indrag.",
                    "Ersätt tabbtecknet med mellanslag (två mellanslag per nivå).",
                )
            )
    return problems


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text, or a problem saying why the file cannot be read as UTF-8 text."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                path,
                0,
                0,
                f"Filen är {len(raw) // 1024} kB; en strategifil får vara högst {MAX_BYTES // 1024} kB.",
                "Dela upp innehållet i flera filer, en per mål, strategi, indikator osv.",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                path,
                line,
                column,
                f"Filen är inte sparad som UTF-8 (byten 0x{raw[error.start]:02X} kan inte läsas).",
                "Spara filen med teckenkodningen UTF-8. GitHubs webbredigerare gör det alltid; "
                "i andra program väljer du UTF-8 när du sparar.",
            )
        ]
    return text.removeprefix("\ufeff"), []


def _refuse_anchors(path: str, text: str) -> Problem | None:
    """Anchors and aliases have no use in a strategy file, and aliases can multiply a tiny file
    into gigabytes (the "billion laughs" attack): refuse them before anything is built."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, AliasEvent) or (
            isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None
        ):
            mark = event.start_mark
            return Problem(
                path,
                mark.line + 1,
                mark.column + 1,
                "Filen använder YAML-ankare eller alias (& eller *), som inte är tillåtna i strategifilerna.",
                "Skriv ut värdet på varje ställe där det behövs. Om en text börjar med & eller *, "
                "sätt den inom citattecken.",
            )
    return None


_SCALARS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda value: value.lower() == "true",
    "tag:yaml.org,2002:null": lambda value: None,
}


_ALLOWED_TAGS = {*_SCALARS, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


class _Builder:
    """Turns the node tree into dicts, lists and scalars, recording positions and problems."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def build(self, node: Node, path: Path) -> Any:
        self.document.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _ALLOWED_TAGS:
            self.problems.append(self.document.problem(
                path, f"Taggen {node.tag} är inte tillåten i strategifilerna.",
                "Ta bort taggen (ordet som börjar med !) och skriv bara värdet.",
            ))
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        raise TypeError(node)  # pragma: no cover - PyYAML has no other node kinds

    def _scalar(self, node: ScalarNode, path: Path) -> Any:
        try:
            return _SCALARS[node.tag](node.value)
        except ValueError:  # an explicit !!int on text: keep the text, the schema says what is wrong
            return node.value

    def _mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line, key_column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.problems.append(
                    Problem(
                        self.document.path,
                        key_line,
                        key_column,
                        "Ett fältnamn måste vara ett ord, inte ett tal, en lista eller en tabell.",
                        "Skriv fältnamnet med bokstäver, t.ex. name: …",
                    )
                )
                continue
            key = key_node.value
            if key in seen:
                self.problems.append(
                    Problem(
                        self.document.path,
                        key_line,
                        key_column,
                        f'Fältet "{key}" står två gånger (första gången på rad {seen[key]}). '
                        "YAML skulle tyst behålla bara det sista värdet.",
                        f'Ta bort det ena "{key}", eller slå ihop värdena till ett.',
                    )
                )
                continue
            seen[key] = key_line
            self.document.keys[(*path, key)] = (key_line, key_column)
            result[key] = self.build(value_node, (*path, key))
        return result


def parse(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one file. Returns the document (None if it could not be read) and its problems."""
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    problems = _tab_problems(path, text)
    if problems:
        return None, problems
    try:
        # An anchor or alias needs & or *; most files have neither and skip this second pass.
        refused = _refuse_anchors(path, text) if "&" in text or "*" in text else None
        if refused:
            return None, [refused]
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        return None, [_yaml_error(path, error)]
    document = Document(path, None)
    if node is None:
        return document, []
    builder = _Builder(document)
    document.data = builder.build(node, ())
    return document, builder.problems
