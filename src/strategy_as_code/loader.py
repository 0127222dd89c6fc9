"""Load and validate a whole strategy: files -> parsed YAML -> schema -> text safety ->
unique ids -> cross-references -> :class:`RegionalStrategy`.

Every stage collects problems for every file; if any stage found one, :class:`StrategyInvalid`
is raised once with all of them, and no model is returned (so nothing can be published).
The files come as a mapping of path -> bytes, so a strategy can be loaded from the working
tree or from any git revision alike.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path as FilePath
from pathlib import PurePosixPath
from typing import Any

from strategy_as_code import schema
from strategy_as_code.kinds import FOLDERS, KIND_BY_KEY, KINDS, REFERENCES, SETTINGS_FILE, SETTINGS_SCHEMA, folder_of
from strategy_as_code.markup import check_text
from strategy_as_code.model import ENTITY_CLASSES, Entity, RegionalStrategy, Settings, Source
from strategy_as_code.problems import Problem, StrategyInvalid
from strategy_as_code.yamlsource import Document, parse

YAML_SUFFIXES = (".yml", ".yaml")


LISTED_IDS = 20
"""An unknown id's hint lists the existing ids of that kind up to this many."""


def _walk(root: FilePath) -> list[tuple[str, os.DirEntry]]:
    """Every file under ``root``: its path relative to root (POSIX form) and its directory entry,
    in path order. One scandir per folder, so no extra system call per file to ask what it is
    (rglob plus is_file cost a tenth of a second per pass at 4,000 files)."""
    found: list[tuple[str, os.DirEntry]] = []
    folders = [("", str(root))]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                elif entry.is_file():
                    found.append((prefix + entry.name, entry))
    found.sort(key=lambda item: item[0].split("/"))
    return found


def read_tree(root: FilePath) -> dict[str, bytes]:
    """Every file under ``root`` (the ``strategy/`` folder), keyed by its path relative to root."""
    files: dict[str, bytes] = {}
    for relative, entry in _walk(root):
        with open(entry.path, "rb") as file:
            files[relative] = file.read()
    return files


class _Loading:
    """One run of the loader over one set of files."""

    def __init__(self, files: Mapping[str, bytes], prefix: str, schema_dir: FilePath) -> None:
        self.files = files
        self.prefix = prefix
        self.schema_dir = schema_dir
        self.problems: list[Problem] = []
        self.settings: Document | None = None
        self.documents: dict[str, list[Document]] = {kind.key: [] for kind in KINDS}
        self.unreadable: dict[str, set[str]] = {kind.key: set() for kind in KINDS}
        """Per kind, the file-name stems of files that could not be read at all. Their ids are
        unknown, so references to the stem are not reported too: one typo, one message."""

    def shown(self, relative: str) -> str:
        return f"{self.prefix}/{relative}" if self.prefix else relative

    def run(self) -> RegionalStrategy:
        self._read()
        valid_ids = self._unique_ids()
        self._references(valid_ids)
        self._coverage()
        self._one_decision_per_version()
        if self.problems:
            raise StrategyInvalid(self.problems)
        return self._build()

    def _read(self) -> None:
        if SETTINGS_FILE not in self.files:
            self.problems.append(Problem(
                self.shown(SETTINGS_FILE), 0, 0, "Filen med strategins inställningar saknas.",
                f"Skapa {self.shown(SETTINGS_FILE)} med region, namn, period, vision, beslut och kontakt.",
            ))
        for relative, raw in self.files.items():
            parts = relative.split("/")
            if not relative.endswith(YAML_SUFFIXES):
                continue
            if relative == SETTINGS_FILE:
                self.settings = self._document(relative, raw, SETTINGS_SCHEMA, "inställningarna")
                continue
            kind = FOLDERS.get(parts[0]) if len(parts) == 2 else None
            if kind is None:
                folders = ", ".join(f"{name}/" for name in FOLDERS)
                self.problems.append(Problem(
                    self.shown(relative), 0, 0, "Filen ligger på en plats där strategin inte läser filer.",
                    f"Flytta filen till en av mapparna {folders} i {self.prefix or 'strategimappen'}.",
                ))
                continue
            document = self._document(relative, raw, kind.schema, kind.definite)
            if document is not None:
                self.documents[kind.key].append(document)
            else:
                self.unreadable[kind.key].add(PurePosixPath(relative).stem)

    def _document(self, relative: str, raw: bytes, schema_name: str, noun: str) -> Document | None:
        path = self.shown(relative)
        document, problems = parse(path, raw)
        self.problems.extend(problems)
        if document is None or problems:
            return None
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
        self.problems.extend(schema.check(document, schema_name, noun, self.schema_dir) + check_text(document))
        # Kept even with schema problems: its id still counts as known, so one typo in a file
        # does not also turn every reference to that file into an error.
        return document

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
                        ("id",), f'id "{entity_id}" används redan av {first.path} (rad {line}).',
                        f"Varje {kind.singular} behöver ett eget id, eftersom id:t blir sidans adress. "
                        "Byt id i en av filerna.",
                    ))
                else:
                    seen[entity_id] = document
            valid[kind.key] = seen
        return valid

    def _references(self, valid: dict[str, dict[str, Document]]) -> None:
        for reference in REFERENCES:
            target = KIND_BY_KEY[reference.target]
            known = valid[reference.target]
            unreadable = self.unreadable[reference.target]
            if reference.source == "settings":
                sources = [self.settings] if self.settings else []
            else:
                sources = list(valid[reference.source].values())
            for document in sources:
                value = document.data.get(reference.field)
                if value is None:
                    continue
                items = enumerate(value) if reference.many and isinstance(value, list) else [(None, value)]
                for index, entity_id in items:
                    if not isinstance(entity_id, str) or entity_id in known or entity_id in unreadable:
                        continue  # a wrong type or an unreadable file is reported already
                    path = (reference.field,) if index is None else (reference.field, index)
                    guess = difflib.get_close_matches(entity_id, list(known), n=1)
                    advice = f'Menade du "{guess[0]}"? ' if guess else ""
                    folder = self.shown(folder_of(target))
                    if len(known) <= LISTED_IDS:
                        existing = ", ".join(sorted(known)) or "inga ännu"
                    else:  # a large strategy: a list of hundreds of ids helps no one
                        existing = f"{len(known)} {target.plural} finns, med id:t i fältet id i varje fil i {folder}/"
                    self.problems.append(document.problem(
                        path, f'Fältet "{reference.field}" pekar på {target.singular} "{entity_id}", som inte finns.',
                        f"{advice}Skriv id för {target.singular} som finns ({existing}), eller lägg till "
                        f"{folder}/{entity_id}.yml.",
                    ))

    def _coverage(self) -> None:
        """Every goal needs strategies that contribute to it and indicators that follow it up."""
        if self.unreadable["strategies"] or self.unreadable["indicators"]:
            return  # an unreadable file may hold the missing link; its own problem is enough
        def referenced(kind: str) -> set:
            return {
                gid for d in self.documents[kind] if isinstance(d.data.get("goals"), list)
                for gid in d.data["goals"] if isinstance(gid, str)
            }

        goals = {d.data["id"]: d for d in self.documents["goals"] if isinstance(d.data.get("id"), str)}
        contributed, followed = referenced("strategies"), referenced("indicators")
        for goal_id, document in goals.items():
            if goal_id not in contributed:
                self.problems.append(document.problem(
                    ("id",), f'Ingen strategi bidrar till målet "{goal_id}".',
                    f'Lägg till "{goal_id}" under goals i minst en fil i {self.shown("strategies")}/, '
                    "eller ta bort målet.",
                ))
            if goal_id not in followed:
                self.problems.append(document.problem(
                    ("id",), f'Ingen indikator följer upp målet "{goal_id}".',
                    f'Lägg till "{goal_id}" under goals i minst en fil i {self.shown("indicators")}/.',
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


def load_files(
    files: Mapping[str, bytes], *, prefix: str = "strategy", schema_dir: FilePath = schema.SCHEMA_DIR
) -> RegionalStrategy:
    """Load a strategy from files keyed by their path inside the strategy folder."""
    return _Loading(files, prefix, schema_dir).run()


def site_strategy_folder(config_file: str, extra: Mapping[str, Any]) -> FilePath:
    """The strategy folder a site configuration names: ``strategy/`` beside the configuration
    file, unless ``extra.strategy_dir`` says otherwise (the benchmark builds other folders)."""
    return FilePath(config_file).parent / extra.get("strategy_dir", "strategy")


def load_strategy(root: FilePath | str, *, schema_dir: FilePath = schema.SCHEMA_DIR) -> RegionalStrategy:
    """Load and validate the strategy folder ``root``; raise :class:`StrategyInvalid` on problems."""
    root = FilePath(root)
    if not root.is_dir():
        raise StrategyInvalid([Problem(
            str(root), 0, 0, "Mappen med strategifilerna finns inte.",
            "Kontrollera sökvägen; strategin ligger normalt i mappen strategy/ i repot.",
        )])
    return load_files(read_tree(root), prefix=root.name, schema_dir=schema_dir)


_cache: dict[FilePath, tuple[tuple, RegionalStrategy]] = {}


def _fingerprint(*folders: FilePath) -> tuple:
    return tuple(
        (entry.path, stat.st_mtime_ns, stat.st_size)
        for folder in folders
        for _, entry in _walk(folder)
        if (stat := entry.stat())
    )


def load_strategy_cached(root: FilePath | str, *, schema_dir: FilePath = schema.SCHEMA_DIR) -> RegionalStrategy:
    """:func:`load_strategy`, loaded once per change of the files: a site build asks for the model
    from several hooks and macros, and ``mkdocs serve`` rebuilds when a file changes."""
    root = FilePath(root).resolve()
    fingerprint = _fingerprint(root, schema_dir) if root.is_dir() else ()
    cached = _cache.get(root)
    if cached and cached[0] == fingerprint:
        return cached[1]
    if cached:  # a schema may have changed too
        schema.forget_schemas()
    strategy = load_strategy(root, schema_dir=schema_dir)
    _cache[root] = (fingerprint, strategy)
    return strategy
