"""Read one strategy file: bytes -> plain Python data, plus the line and column of every value.

PyYAML's SafeLoader is too forgiving for files that partners edit in a browser: it keeps the
last of two equal keys, reads ``no`` as False, ``2021-06-15`` as a date and ``0114`` as the
octal number 76, and expands aliases without limit. This reader resolves only the plain types
the schemas use (text, integer, decimal number, true/false, null), refuses duplicate keys,
anchors, aliases, numbers that cannot be computed with and nesting deeper than any strategy
needs, and words every failure in Swedish with its position.

The data is built straight from the parser's events, in a loop with a stack of open lists and
tables: PyYAML's composer recurses once per level (libyaml's crashed the interpreter at 25,000
nested lists) and so did the builder this replaced (a ``RecursionError`` at 1,000).

About 470 lines, on purpose: the decoding checks, the event loop and its stack share the state
of one file's reading (and a text's lines, for the warning about a list item joined to the text
above); the Swedish wording of the parser's problems is in yaml_messages.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from strategy_as_code.problems import Problem, visible
from strategy_as_code.reading.places import place
from strategy_as_code.reading.yaml_messages import ANCHOR, SECOND_DOCUMENT, TAB, wording

MAX_BYTES = 512 * 1024
"""A strategy file is a few kilobytes; anything this large is a mistake or an attack."""

MAX_DEPTH = 32
"""Lists and tables inside each other. The deepest a schema goes is five (strategy.yml,
accessibility, contact ...); 32 leaves room for any future field while the reader, the schema
check and the templates stay far from Python's recursion limit."""

Path = tuple[str | int, ...]

try:  # libyaml's parser is several times faster; the pure-Python one reads files the same way
    # (a few errors are worded differently: _PROBLEMS knows both). yaml.cyaml has CParser;
    # `from yaml import CParser` always failed, as yaml does not re-export it.
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]  # the stubs leave CParser out

    _PURE = False
except ImportError:  # pragma: no cover - libyaml is in the pinned PyYAML wheels
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    # The same name as the C parser above, so the rest of the module uses either alike.
    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

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
    warnings: list[Problem] = field(default_factory=list)
    """What the file says that is probably not what the partner meant, though it can be read."""

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


_NOT_YAML_TEXT = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML does not allow anywhere in a file (control characters, lone surrogates, U+FFFE …)."""


def _yaml_error(path: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    worded = wording(getattr(error, "problem", None) or "", getattr(error, "context", None) or "")
    return Problem(path, line, column, worded.message, worded.hint)


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _character_problems(path: str, text: str) -> list[Problem]:
    """Tabs in indentation, and characters YAML refuses to read, each where it stands."""
    problems = []
    if "\t" in text:
        for number, text_line in enumerate(text.splitlines(), start=1):
            indent = text_line[: len(text_line) - len(text_line.lstrip(" \t"))]
            if "\t" in indent:
                problems.append(Problem(path, number, indent.index("\t") + 1, TAB.message, TAB.hint))
    for found in _NOT_YAML_TEXT.finditer(text):
        line, column = _line_and_column(text, found.start())
        problems.append(Problem(
            path, line, column,
            f"Raden innehåller ett osynligt styrtecken (U+{ord(found.group()):04X}), "
            "som inte får finnas i en YAML-fil.",
            "Ta bort tecknet; det syns oftast inte i editorn. Skriv om raden för hand om du inte hittar det.",
        ))
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


def _strict_bool(value: str) -> bool:
    if value.lower() not in ("true", "false"):
        raise ValueError(value)
    return value.lower() == "true"


def _strict_null(value: str) -> None:
    if value not in ("", "~", "null", "Null", "NULL"):
        raise ValueError(value)


_SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": _strict_bool,
    "tag:yaml.org,2002:null": _strict_null,
}
_STR = "tag:yaml.org,2002:str"
_SEQUENCE = "tag:yaml.org,2002:seq"
_MAPPING = "tag:yaml.org,2002:map"
_RESOLVED_FIRST = frozenset(char for char in _Resolver.yaml_implicit_resolvers if char)
"""First characters of a plain scalar that may be something other than text (a digit, t, n …)."""


def _scalar_tag(loader: _Loader, event: ScalarEvent) -> str:
    """The tag the composer would give the scalar. Most scalars are keys and words that cannot be
    anything but text: they skip the resolver's regular expressions (a fifth of reading a file)."""
    tag = event.tag
    if tag is not None and tag != "!":
        return tag
    value = event.value
    if event.implicit[0] and (not value or value[0] in _RESOLVED_FIRST):
        return loader.resolve(ScalarNode, value, event.implicit)
    return _STR
_DIGITS = re.compile(r"[-+]?[0-9]+")
_LIST_ITEM = re.compile(r"[ \t]*([-*+]|[0-9]{1,2}[.)])[ \t]+\S")
"""A line that begins like an item of a list: "- a", "* a", "1. a"."""


def _position(event: Event) -> tuple[int, int]:
    """Line and column (from 1) where an event starts; the parser marks every event."""
    mark = event.start_mark
    assert mark is not None
    return mark.line + 1, mark.column + 1


class _Stop(Exception):
    """The file cannot be read any further (an alias, or nesting too deep); carries the problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


@dataclass
class _Open:
    """A list or table whose end the parser has not reached yet."""

    path: Path
    items: list | dict | None
    """What is built so far; None when the contents are not kept (under a refused key or tag)."""
    is_mapping: bool
    is_key: bool = False
    """A list or table used as a key: refused, and the value after it is skipped."""
    key: str | None = None
    """Mapping: the key whose value comes next."""
    wants_key: bool = True
    """Mapping: the next node is a key (else a value)."""
    keep_value: bool = True
    """Mapping: False after a refused key, whose value is then skipped."""
    seen: dict[str, int] = field(default_factory=dict)
    """Mapping: line of each key so far."""


class _Builder:
    """Turns the parser's events into dicts, lists and scalars, recording positions and problems."""

    def __init__(self, document: Document, loader: _Loader, text: str) -> None:
        self.document = document
        self.loader = loader
        self.text = text
        self.lines: list[str] | None = None
        """The text's lines, split the first time a text of several lines is read."""
        self.problems: list[Problem] = []

    def _problem(self, event: Event, message: str, hint: str) -> Problem:
        line, column = _position(event)
        return Problem(self.document.path, line, column, message, hint)

    def read(self) -> Any:
        """The data of the one document in the stream (None for an empty file)."""
        self.loader.get_event()  # StreamStartEvent
        if self.loader.check_event(StreamEndEvent):
            return None
        self.loader.get_event()  # DocumentStartEvent
        data = self._node_tree()
        self.loader.get_event()  # DocumentEndEvent
        if not self.loader.check_event(StreamEndEvent):
            second = self.loader.peek_event()
            assert second is not None  # the stream has not ended, as checked just above
            raise _Stop(self._problem(second, SECOND_DOCUMENT.message, SECOND_DOCUMENT.hint))
        return data

    def _node_tree(self) -> Any:
        stack: list[_Open] = []
        get_event, values = self.loader.get_event, self.document.values
        while True:
            # Told apart by their exact class, faster in this loop than isinstance, which is what
            # mypy would need to narrow the type; the parser gives events until the document ends.
            event: Any = get_event()
            kind = type(event)
            parent = stack[-1] if stack else None
            if kind is SequenceEndEvent or kind is MappingEndEvent:
                done = stack.pop()
                value: Any = done.items
                parent = stack[-1] if stack else None
                if parent is not None and done.is_key:  # a list or table as a key: its value is skipped
                    parent.wants_key = parent.keep_value = False
                    continue
            elif kind is AliasEvent or event.anchor is not None:
                # Aliases can multiply a tiny file into gigabytes (the "billion laughs" attack),
                # and anchors have no use without them: refused before anything is built from them.
                raise _Stop(self._problem(event, ANCHOR.message, ANCHOR.hint))
            elif parent is not None and parent.is_mapping and parent.wants_key:
                if kind is ScalarEvent:
                    self._key(parent, event)
                    continue
                if parent.items is not None:
                    self.problems.append(self._problem(
                        event, "Ett fältnamn måste vara ett ord, inte ett tal, en lista eller en tabell.",
                        "Skriv fältnamnet med bokstäver, t.ex. name: …",
                    ))
                stack.append(self._open(event, (), kept=False, is_key=True, depth=len(stack)))
                continue
            else:
                # Where the node goes: the root, the next item of a list, or the value of a key.
                path: Path
                if parent is None:
                    path, kept = (), True
                elif parent.is_mapping:
                    kept = parent.items is not None and parent.keep_value
                    path = (*parent.path, parent.key or "")
                else:
                    items = parent.items
                    kept = items is not None
                    path = (*parent.path, len(items) if items is not None else 0)
                if kept:
                    mark = event.start_mark
                    values[path] = (mark.line + 1, mark.column + 1)
                if kind is not ScalarEvent:
                    stack.append(self._open(event, path, kept=kept, is_key=False, depth=len(stack)))
                    continue
                value = self._scalar(event, kept)
                if kept and event.style in (None, "", ">") and event.end_mark.line > event.start_mark.line:
                    self._joined_list_items(event, path)
            if parent is None:
                return value
            if not parent.is_mapping:
                if isinstance(parent.items, list):
                    parent.items.append(value)
            else:
                if isinstance(parent.items, dict) and parent.keep_value:
                    parent.items[parent.key] = value
                parent.wants_key, parent.keep_value, parent.key = True, True, None

    def _joined_list_items(self, event: ScalarEvent, path: Path) -> None:
        """A warning for each line of a text that looks like a list item but was joined to the text
        above: a plain text over several lines, or one folded with >, is one line to YAML, so an
        item indented a step too far ("  - a\n    - b") silently becomes the end of the one before."""
        if self.lines is None:
            self.lines = self.text.split("\n")
        lines = self.lines
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # the parser marks every event
        first = start.line + (2 if event.style == ">" else 1)  # after the first line of text
        last = end.line - (1 if end.column == 0 else 0)
        for number in range(first, min(last, len(lines) - 1) + 1):
            item = _LIST_ITEM.match(lines[number])
            if item is None:
                continue
            in_list = bool(path) and isinstance(path[-1], int)
            self.document.warnings.append(Problem(
                self.document.path, number + 1, item.start(1) + 1,
                f"Raden ser ut som en punkt i en lista, men YAML läser den som en fortsättning på texten i "
                f"{place(path)}.",
                ("Ska raden vara en egen punkt, ge den samma indrag som punkten ovanför. " if in_list else
                 "Ska texten ha en lista, skriv | efter kolonet så att raderna behålls (det går i beskrivningar, "
                 "som skrivs i Markdown). ")
                + "Hör raden till texten, sätt hela texten inom citattecken.",
            ))

    def _open(self, event: CollectionStartEvent, path: Path, *, kept: bool, is_key: bool, depth: int) -> _Open:
        if depth >= MAX_DEPTH:
            raise _Stop(self._problem(
                event, f"Listor och fält ligger i mer än {MAX_DEPTH} nivåer inuti varandra.",
                "Ingen strategifil behöver så många nivåer. Kontrollera indraget och att varje [ och { "
                "stängs med ] och }.",
            ))
        is_mapping = isinstance(event, MappingStartEvent)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(MappingNode if is_mapping else SequenceNode, None, event.implicit)
        if kept and tag != (_MAPPING if is_mapping else _SEQUENCE):
            self._refuse_tag(event, tag)
            kept = False
        items: list | dict | None = ({} if is_mapping else []) if kept else None
        return _Open(path, items, is_mapping, is_key=is_key)

    def _refuse_tag(self, event: Event, tag: str) -> None:
        self.problems.append(self._problem(
            event, f"Taggen {visible(tag)} är inte tillåten i strategifilerna.",
            "Ta bort taggen (ordet som börjar med !) och skriv bara värdet.",
        ))

    def _key(self, parent: _Open, event: ScalarEvent) -> None:
        parent.wants_key = False
        parent.keep_value = False
        if parent.items is None:
            return
        line, column = _position(event)
        if _scalar_tag(self.loader, event) != _STR:
            self.problems.append(Problem(
                self.document.path, line, column,
                "Ett fältnamn måste vara ett ord, inte ett tal, en lista eller en tabell.",
                "Skriv fältnamnet med bokstäver, t.ex. name: …",
            ))
            return
        key = event.value
        if key in parent.seen:
            self.problems.append(Problem(
                self.document.path, line, column,
                f'Fältet "{visible(key)}" står två gånger (första gången på rad {parent.seen[key]}). '
                "YAML skulle tyst behålla bara det sista värdet.",
                f'Ta bort det ena "{visible(key)}", eller slå ihop värdena till ett.',
            ))
            return
        parent.seen[key] = line
        parent.key, parent.keep_value = key, True
        self.document.keys[(*parent.path, key)] = (line, column)

    def _scalar(self, event: ScalarEvent, kept: bool) -> Any:
        if not kept:
            return None
        tag = _scalar_tag(self.loader, event)
        if tag not in _SCALARS:
            self._refuse_tag(event, tag)
            return None
        text = event.value
        try:
            value = _SCALARS[tag](text)
        except ValueError:
            if tag == "tag:yaml.org,2002:int" and _DIGITS.fullmatch(text.strip()):
                # Python refuses to read integers of more than 4,300 digits (a guard against slow
                # conversions); such a number is no figure of a strategy.
                self.problems.append(self._problem(
                    event, f"Talet har {len(text)} siffror, fler än något tal i en strategi kan ha.",
                    "Skriv talet med färre siffror, eller sätt värdet inom citattecken om det är en text.",
                ))
                return None
            return text  # an explicit !!int on text: keep the text, the schema says what is wrong
        if isinstance(value, float) and not math.isfinite(value):
            shown = text if len(text) <= 20 else text[:17] + "…"
            self.problems.append(self._problem(
                event, f"Talet {shown} är för stort eller inget tal alls, så det går inte att räkna med.",
                "Skriv ett tal med högst 15 siffror, eller sätt värdet inom citattecken om det är en text.",
            ))
            return None
        return value


def parse(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one file. Returns the document (None if it could not be read) and its problems."""
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    problems = _character_problems(path, text)
    if problems:
        return None, problems
    document = Document(path, None)
    loader = _Loader(text)
    builder = _Builder(document, loader, text)
    try:
        document.data = builder.read()
    except _Stop as stop:
        return None, [*builder.problems, stop.problem]
    except yaml.YAMLError as error:
        return None, [*builder.problems, _yaml_error(path, error)]
    finally:
        loader.dispose()
    return document, builder.problems
