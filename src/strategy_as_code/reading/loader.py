"""Load and validate a whole strategy: files -> parsed YAML -> schema -> text safety ->
unique ids -> cross-references -> :class:`RegionalStrategy`.

Every stage collects problems for every file; if any stage found one, :class:`StrategyInvalid`
is raised once with all of them, and no model is returned (so nothing can be published). What is
merely incomplete (a goal no indicator follows up yet) is a warning beside the model instead.
The files come as a mapping of path -> bytes, so a strategy can be loaded from the working
tree or from any git revision alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path as FilePath
from pathlib import PurePosixPath
from typing import Any

from strategy_as_code.kinds import (
    FOLDERS,
    KINDS,
    SETTINGS_FILE,
    SETTINGS_SCHEMA,
    STRATEGY_FOLDER,
)
from strategy_as_code.model import ENTITY_CLASSES, Entity, RegionalStrategy, Settings, Source
from strategy_as_code.problems import Problem, StrategyInvalid, visible
from strategy_as_code.reading import links, schema
from strategy_as_code.reading.figure_checks import figure_problems
from strategy_as_code.reading.files import NOT_FILES, NOTES, StrategyFiles, read_tree, refusal, walk
from strategy_as_code.reading.places import place
from strategy_as_code.reading.structure import check_goal_tree, check_targets, is_year_number
from strategy_as_code.reading.text_checks import check_text
from strategy_as_code.reading.whole_numbers import decimal_where_whole, integer_fields
from strategy_as_code.reading.yamlsource import Document, parse


class _Loading:
    """One run of the loader over one set of files."""

    def __init__(self, files: Mapping[str, bytes], prefix: str, schema_dir: FilePath) -> None:
        self.files = files
        self.prefix = prefix
        self.schema_dir = schema_dir
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        """What is merely incomplete or looks like a slip: reported, but the strategy still builds."""
        self.settings: Document | None = None
        self.documents: dict[str, list[Document]] = {kind.key: [] for kind in KINDS}
        self.unreadable: dict[str, dict[str, str]] = {kind.key: {} for kind in KINDS}
        """Per kind, the files that could not be read at all: the id each may hold (its file-name
        stem, and the id its text seems to give) -> the file. Their ids are unknown, so references
        to them are not reported too: one typo, one message."""

    def shown(self, relative: str) -> str:
        return visible(f"{self.prefix}/{relative}" if self.prefix else relative)

    def run(self) -> Reading:
        self._read()
        self._years()
        self.problems += figure_problems(self.settings, self.documents["indicators"], self.documents["partners"])
        valid_ids = self._unique_ids()
        self._references(valid_ids)
        self._coverage()
        self._one_decision_per_version()
        self.problems.extend(
            check_targets(self.documents["indicators"])
            + check_goal_tree(valid_ids["goals"])
        )
        if self.problems:
            raise StrategyInvalid(self.problems, self.warnings)
        return Reading(self._build(), tuple(sorted(set(self.warnings))))

    def _read(self) -> None:
        if SETTINGS_FILE not in self.files:
            self.problems.append(Problem(
                self.shown(SETTINGS_FILE), 0, 0, "Filen med strategins inställningar saknas.",
                f"Skapa {self.shown(SETTINGS_FILE)} med region, namn, period, vision, beslut och kontakt.",
            ))
        not_files = self.files.not_files if isinstance(self.files, StrategyFiles) else {}
        for relative, what in not_files.items():
            self.problems.append(Problem(self.shown(relative), 0, 0, *NOT_FILES[what]))
        for relative, raw in self.files.items():
            if relative in NOTES:
                continue
            refused = refusal(relative, f"{self.prefix}/" if self.prefix else "strategimappen")
            if refused is not None:
                self.problems.append(Problem(self.shown(relative), 0, 0, *refused))
                continue
            if relative == SETTINGS_FILE:
                self.settings = self._document(relative, raw, SETTINGS_SCHEMA, "inställningarna")
                continue
            kind = FOLDERS[relative.split("/")[0]]
            document = self._document(relative, raw, kind.schema, kind.definite)
            if document is not None:
                self.documents[kind.key].append(document)
            else:
                text = raw.decode("utf-8", "replace")
                for possible_id in (PurePosixPath(relative).stem, *_ID_LINE.findall(text)):
                    self.unreadable[kind.key].setdefault(possible_id, self.shown(relative))

    def _document(self, relative: str, raw: bytes, schema_name: str, noun: str) -> Document | None:
        path = self.shown(relative)
        document, problems = parse(path, raw)
        self.problems.extend(problems)
        if document is None or problems:
            return None
        self.warnings.extend(document.warnings)
        if document.data is None:
            required = schema.schema_of(schema_name, self.schema_dir).get("required", [])
            self.problems.append(Problem(
                path, 1, 1, "Filen är tom.",
                f"Fyll i fälten för {noun}: {', '.join(required)}. Eller ta bort filen om den inte ska finnas.",
            ))
            return None
        if not isinstance(document.data, dict):
            self.problems.append(document.problem(
                (), f"Filen ska bestå av fält (namn: värde), men innehåller {schema.describe(document.data)}.",
                "Börja varje rad med ett fältnamn, kolon och värdet, t.ex. id: goda-livsvillkor.",
            ))
            return None
        self.problems.extend(
            schema.check(document, schema_name, noun, self.schema_dir) + check_text(document)
            + decimal_where_whole(document, schema_name, self.schema_dir)
        )
        # Kept even with schema problems: its id still counts as known, so one typo in a file
        # does not also turn every reference to that file into an error.
        return document

    def _years(self) -> None:
        """Years that must come in order, and an indicator's series with one value per year: the
        schema checks each year alone, and the follow-up would otherwise judge against nonsense."""
        for kind, earlier, later, strict, message, hint in _YEAR_ORDER:
            documents = [self.settings] if kind == "settings" and self.settings else self.documents.get(kind, [])
            for document in documents:
                first, last = _value_at(document.data, earlier), _value_at(document.data, later)
                if is_year_number(first) and is_year_number(last) and (last <= first if strict else last < first):
                    self.problems.append(document.problem(later, message.format(first, last), hint))
        for document in self.documents["indicators"]:
            values = document.data.get("values")
            seen: dict[int, int] = {}
            for index, measured in enumerate(values if isinstance(values, list) else []):
                year = measured.get("year") if isinstance(measured, dict) else None
                if not is_year_number(year):
                    continue
                if year in seen:
                    first_line = document.position(("values", seen[year], "year"))[0]
                    self.problems.append(document.problem(
                        ("values", index, "year"),
                        f"Året {year} har redan ett värde: {place(('values', seen[year]))} (rad {first_line}).",
                        "Varje år ska ha ett enda värde. Ta bort det ena, eller rätta årtalet om det är fel.",
                    ))
                else:
                    seen[year] = index

    def _unique_ids(self) -> dict[str, dict[str, Document]]:
        valid: dict[str, dict[str, Document]] = {}
        for kind in KINDS:
            seen: dict[str, Document] = {}
            for document in sorted(self.documents[kind.key], key=lambda d: d.path):
                entity_id = document.data.get("id")
                if not isinstance(entity_id, str):
                    continue
                if entity_id in seen:
                    first = seen[entity_id]
                    line = first.position(("id",))[0]
                    self.problems.append(document.problem(
                        ("id",), f'id "{visible(entity_id)}" används redan av {first.path} (rad {line}).',
                        f"Varje {kind.singular} behöver ett eget id, eftersom id:t blir sidans adress. "
                        "Byt id i en av filerna.",
                    ))
                else:
                    seen[entity_id] = document
            valid[kind.key] = seen
        return valid

    def _well_formed_id(self) -> re.Pattern:
        return schema.ecma_pattern(schema.schema_of("common.schema.json", self.schema_dir)["$defs"]["id"]["pattern"])

    def _references(self, valid: dict[str, dict[str, Document]]) -> None:
        self.problems.extend(links.reference_problems(
            valid, self.settings, self.unreadable, self.shown, self._well_formed_id(),
        ))

    def _coverage(self) -> None:
        self.warnings.extend(links.coverage_warnings(
            self.documents, self.unreadable, self.shown, self._well_formed_id(),
        ))

    def _one_decision_per_version(self) -> None:
        adopted: dict[int, Document] = {}
        for document in sorted(self.documents["decisions"], key=lambda d: d.path):
            year = document.data.get("version")
            if not isinstance(year, int):
                continue
            if year in adopted:
                self.problems.append(document.problem(
                    ("version",), f"Version {year} antogs redan genom {adopted[year].path}.",
                    "Varje årsversion antas genom ett beslut. Ta bort version från det ena beslutet.",
                ))
            else:
                adopted[year] = document

    def _build(self) -> RegionalStrategy:
        assert self.settings is not None
        entities: dict[str, list[Entity]] = {}
        for kind in KINDS:
            cls: Any = ENTITY_CLASSES[kind.key]
            entities[kind.key] = [
                cls.from_data(d.data, Source(d.path, d.position(("id",))[0])) for d in self.documents[kind.key]
            ]
        settings = Settings.from_data(self.settings.data, Source(self.settings.path))
        return RegionalStrategy.build(settings, entities)


@dataclass(frozen=True)
class Reading:
    """A valid strategy, and what in it is incomplete or looks like a slip (``scripts/validate``
    shows the warnings; they never stop a build)."""

    strategy: RegionalStrategy
    warnings: tuple[Problem, ...] = ()


_ID_LINE = re.compile(r"""^id:[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)
"""The id line of a file that cannot be read as YAML: references to that id are not reported."""


_YEAR_ORDER: tuple[tuple[str, tuple[str, ...], tuple[str, ...], bool, str, str], ...] = (
    # kind, the earlier year, the later year, whether they may not be equal, message, hint
    (
        "settings", ("period", "start"), ("period", "end"), False,
        "Strategins period slutar år {1}, före året den börjar ({0}).",
        "Rätta period: start är det första året och end det sista. Har årtalen bytt plats?",
    ),
    (
        "actions", ("start",), ("end",), False,
        "Kraftsamlingen slutar år {1}, före året den startar ({0}).",
        "Rätta start och end: start är året kraftsamlingen startar, end året den avslutas. Har årtalen bytt plats?",
    ),
    (
        "indicators", ("baseline", "year"), ("target", "year"), True,
        "Målåret {1} ligger inte efter utgångsåret {0}.",
        "Rätta årtalen: baseline.year är året för utgångsläget (oftast när strategin antogs) och target.year "
        "året då målvärdet ska vara nått, som måste vara senare. Har årtalen bytt plats?",
    ),
)


def _value_at(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def read_files(
    files: Mapping[str, bytes], *, prefix: str = STRATEGY_FOLDER, schema_dir: FilePath = schema.SCHEMA_DIR
) -> Reading:
    """Load a strategy from files keyed by their path inside the strategy folder (a
    :class:`StrategyFiles` also names the entries that are not files), with its warnings."""
    return _Loading(files, prefix, schema_dir).run()


def load_files(
    files: Mapping[str, bytes], *, prefix: str = STRATEGY_FOLDER, schema_dir: FilePath = schema.SCHEMA_DIR
) -> RegionalStrategy:
    """:func:`read_files` without the warnings."""
    return read_files(files, prefix=prefix, schema_dir=schema_dir).strategy


def site_strategy_folder(config_file: str, extra: Mapping[str, Any]) -> FilePath:
    """The strategy folder a site configuration names: ``strategy/`` beside the configuration
    file, unless ``extra.strategy_dir`` says otherwise (the benchmark builds other folders)."""
    return FilePath(config_file).parent / extra.get("strategy_dir", STRATEGY_FOLDER)


def read_strategy(root: FilePath | str, *, schema_dir: FilePath = schema.SCHEMA_DIR) -> Reading:
    """Load and validate the strategy folder ``root`` with its warnings; raise
    :class:`StrategyInvalid` on problems."""
    root = FilePath(root)
    if root.is_symlink():
        raise StrategyInvalid([Problem(
            visible(str(root)), 0, 0,
            "Mappen med strategifilerna är en symbolisk länk, och strategin läser inga länkar.",
            "Ersätt länken med en vanlig mapp med strategins filer.",
        )])
    if not root.is_dir():
        raise StrategyInvalid([Problem(
            visible(str(root)), 0, 0, "Mappen med strategifilerna finns inte.",
            "Kontrollera sökvägen; strategin ligger normalt i mappen strategy/ i repot.",
        )])
    return read_files(read_tree(root), prefix=root.name, schema_dir=schema_dir)


def load_strategy(root: FilePath | str, *, schema_dir: FilePath = schema.SCHEMA_DIR) -> RegionalStrategy:
    """Load and validate the strategy folder ``root``; raise :class:`StrategyInvalid` on problems."""
    return read_strategy(root, schema_dir=schema_dir).strategy


_cache: dict[FilePath, tuple[tuple, RegionalStrategy]] = {}


def _fingerprint(*folders: FilePath) -> tuple:
    return tuple(
        (entry.path, stat.st_mtime_ns, stat.st_size)
        for folder in folders
        for _, entry in walk(folder)
        if (stat := entry.stat(follow_symlinks=False))
    )


def load_strategy_cached(root: FilePath | str, *, schema_dir: FilePath = schema.SCHEMA_DIR) -> RegionalStrategy:
    """:func:`load_strategy`, loaded once per change of the files: a site build asks for the model
    from several hooks and macros, and ``mkdocs serve`` rebuilds when a file changes."""
    if FilePath(root).is_symlink():  # refused by load_strategy, which would only see the resolved path
        return load_strategy(root, schema_dir=schema_dir)
    root = FilePath(root).resolve()
    fingerprint = _fingerprint(root, schema_dir) if root.is_dir() else ()
    cached = _cache.get(root)
    if cached and cached[0] == fingerprint:
        return cached[1]
    if cached:  # a schema may have changed too
        schema.forget_schemas()
        integer_fields.cache_clear()
    strategy = load_strategy(root, schema_dir=schema_dir)
    _cache[root] = (fingerprint, strategy)
    return strategy
