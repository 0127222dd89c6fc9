"""``make figures``: fetch every indicator's figures from the sources its ``fetch`` names and
write them into the indicator files, all or nothing.

The strategy is loaded and checked first (an invalid strategy is not touched). Then, indicator
by indicator, each source is asked (figures/kolada.py, figures/scb.py), the answers merged into
the file's data (figures/merge.py) and the file's text written anew where its figures changed
(figures/writer.py). The new files are loaded and checked as a whole strategy before anything
is written; then each is written to a temporary file beside it and all are renamed into place.
Any failure stops the run with a Swedish message and leaves every file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from strategy_as_code.areas import Areas, areas_of
from strategy_as_code.figures.client import Client, FetchFailed, Policy
from strategy_as_code.figures.kolada import KOLADA_API, Kolada
from strategy_as_code.figures.merge import Unstated, merge
from strategy_as_code.figures.observations import Observations
from strategy_as_code.figures.scb import SCB_API, Scb
from strategy_as_code.figures.writer import rewrite
from strategy_as_code.kinds import SETTINGS_FILE
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.reading.files import read_tree
from strategy_as_code.reading.loader import load_files
from strategy_as_code.reading.yamlsource import Document, parse
from strategy_as_code.series import fetch_of

BLOCKS = ("values", "series", "fetched")
AFTER = {"series": "values", "fetched": "fetch"}
"""Where a block the file does not have yet is written: after which field."""


class FiguresFailed(Exception):
    """No figures were written; the message says why in Swedish."""


@dataclass(frozen=True)
class Endpoints:
    kolada: str = KOLADA_API
    scb: str = SCB_API

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Endpoints:
        """``KOLADA_API_URL`` and ``SCB_API_URL`` point the command at a mirror or a stand-in."""
        return cls(environ.get("KOLADA_API_URL") or KOLADA_API, environ.get("SCB_API_URL") or SCB_API)


@dataclass
class Update:
    """One indicator whose figures were fetched."""

    path: str
    """As shown in messages: ``strategy/indicators/forvarvsfrekvens.yml``."""
    indicator: str
    name: str
    before: dict[str, Any]
    after: dict[str, Any]
    text: str
    changed: bool
    unstated: list[Unstated] = field(default_factory=list)
    sources: list[Observations] = field(default_factory=list)


@dataclass
class Outcome:
    at: str
    areas: Areas
    updates: list[Update]
    written: list[str] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(UTC)


def _swedish(text: Any) -> str:
    return str(text.get("sv", "")) if isinstance(text, Mapping) else str(text)


class _Sources:
    """The sources' clients, made when an indicator first needs one (no call to SCB's /config
    when no indicator fetches from SCB)."""

    def __init__(
        self, endpoints: Endpoints, policy: Policy, sleep: Callable[[float], None], clock: Callable[[], float],
    ) -> None:
        self.endpoints, self.policy, self.sleep, self.clock = endpoints, policy, sleep, clock
        self._kolada: Kolada | None = None
        self._scb: Scb | None = None

    def _client(self, source: str) -> Client:
        return Client(source, self.policy, sleep=self.sleep, clock=self.clock)

    def kolada(self) -> Kolada:
        if self._kolada is None:
            self._kolada = Kolada(self.endpoints.kolada, self._client("Kolada"))
        return self._kolada

    def scb(self) -> Scb:
        if self._scb is None:
            self._scb = Scb(self.endpoints.scb, self._client("SCB"))
        return self._scb


def _fetch(document: Document, areas: Areas, sources: _Sources) -> list[Observations]:
    spec = fetch_of(document.data)
    found: list[Observations] = []
    if spec is None:
        return found
    if spec.kolada is not None:
        codes = areas.resolve(spec.kolada.areas)
        if codes:
            found.append(sources.kolada().fetch(spec.kolada, codes, {code: areas.name(code) for code in codes}))
    if spec.scb is not None:
        codes = areas.resolve(spec.scb.areas)
        if codes:
            found.append(sources.scb().fetch(spec.scb, codes, {code: areas.name(code) for code in codes}))
    return found


def update_figures(
    root: Path, *, endpoints: Endpoints | None = None, policy: Policy | None = None,
    now: Callable[[], datetime] = _now, sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic, write: bool = True,
) -> Outcome:
    """Fetch and write the figures of the strategy in ``root``. Raises :class:`StrategyInvalid`
    for an invalid strategy and :class:`FiguresFailed` for anything else; then nothing is written."""
    files = read_tree(root)
    load_files(files, prefix=root.name)  # an invalid strategy is reported, and not touched
    documents = {relative: _parsed(root, relative, raw) for relative, raw in files.items()}
    partners = [d.data for relative, d in documents.items() if relative.startswith("partners/")]
    areas = areas_of(documents[SETTINGS_FILE].data, partners)
    at = now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    sources = _Sources(endpoints or Endpoints(), policy or Policy(), sleep, clock)
    outcome = Outcome(at, areas, [])
    changed: dict[str, Update] = {}
    for relative in sorted(r for r in documents if r.startswith("indicators/")):
        document = documents[relative]
        if "fetch" not in document.data:
            continue
        try:
            found = _fetch(document, areas, sources)
        except FetchFailed as failed:
            raise FiguresFailed(f"{document.path}: {failed}") from None
        merged = merge(document.data, found, areas.county, at)
        text = files[relative].decode("utf-8")
        if merged.changed:
            blocks = {key: merged.data.get(key) for key in BLOCKS if merged.data.get(key) != document.data.get(key)}
            text = rewrite(text, document, blocks, AFTER)
        update = Update(
            document.path, document.data["id"], _swedish(document.data["name"]), document.data, merged.data, text,
            merged.changed, merged.unstated, found,
        )
        outcome.updates.append(update)
        if update.changed:
            changed[relative] = update
    if changed:
        _check(files, {relative: u.text for relative, u in changed.items()}, root)
        if write:
            _write_all({root / relative: u.text for relative, u in changed.items()})
        outcome.written = [u.path for u in changed.values()]
    return outcome


def _parsed(root: Path, relative: str, raw: bytes) -> Document:
    document, problems = parse(f"{root.name}/{relative}", raw)
    assert document is not None and not problems, "the strategy was loaded without problems"
    return document


def _check(files: Mapping[str, bytes], texts: Mapping[str, str], root: Path) -> None:
    """The strategy with the new figures must load as the old one did; if it does not, the fault
    is in a source's figures (a number beyond what a file may hold) or in this command."""
    updated = dict(files) | {relative: text.encode("utf-8") for relative, text in texts.items()}
    try:
        load_files(updated, prefix=root.name)
    except StrategyInvalid as invalid:
        raise FiguresFailed(invalid.report(
            heading="De hämtade siffrorna skulle göra strategin ogiltig, så inget skrevs:",
            closing="Kontrollera källans siffror och fetch i filerna ovan.",
        )) from None


def _write_all(texts: Mapping[Path, str]) -> None:
    """Every file or none: each is written to a temporary file beside it first, and only when all
    are written are they renamed into place (a rename within a folder replaces a file whole)."""
    written: list[tuple[str, Path]] = []
    try:
        for path, text in texts.items():
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            written.append((temporary, path))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
                file.write(text)
            os.chmod(temporary, path.stat().st_mode & 0o777)
    except OSError as error:
        for temporary, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise FiguresFailed(f"Filerna gick inte att skriva ({error.strerror or error}), så inget skrevs.") from None
    for temporary, path in written:
        os.replace(temporary, path)
