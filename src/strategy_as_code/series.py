"""Where an indicator's figures are fetched from (Kolada, SCB), when and from which requests they
were fetched, and the earlier value of a figure the source has revised. (The series per area
themselves are the model's ``Series``.)

Plain vocabulary read from an indicator file's validated data (schemas/figures.schema.json); the
model keeps it beside the indicator, the figures command writes it, the pages show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

KOLADA, SCB = "kolada", "scb"
SOURCES = (KOLADA, SCB)
SOURCE_NAMES = {KOLADA: "Kolada", SCB: "SCB"}
SEXES = {"T": "value", "K": "women", "M": "men"}
"""Kolada's sexes (totalt, kvinnor, män) -> the field of a value they fill."""


@dataclass(frozen=True)
class Revision:
    """What a figure was before the source revised it, and the day the change was fetched."""

    date: str
    value: float
    women: float | None = None
    men: float | None = None


@dataclass(frozen=True)
class KoladaFetch:
    kpi: str
    areas: tuple[str, ...]
    """As written: codes and the words ``riket``, ``län``, ``kommuner``."""
    sexes: tuple[str, ...] = ("T",)
    since: int | None = None


@dataclass(frozen=True)
class ScbSex:
    variable: str
    total: str
    women: str | None = None
    men: str | None = None


@dataclass(frozen=True)
class ScbFetch:
    table: str
    areas: tuple[str, ...]
    selection: tuple[tuple[str, str], ...] = ()
    """Variable code -> the one value code selected, in the order written."""
    region: str = "Region"
    time: str = "Tid"
    sex: ScbSex | None = None
    since: int | None = None


@dataclass(frozen=True)
class Fetch:
    """Where ``make figures`` fetches an indicator's figures from: one source or both."""

    kolada: KoladaFetch | None = None
    scb: ScbFetch | None = None


@dataclass(frozen=True)
class Provenance:
    """Where one source's figures in the file came from."""

    source: str
    """``kolada`` or ``scb``."""
    api: str
    at: str
    """When they were fetched, UTC, ``2026-12-01T10:00:00Z``."""
    requests: tuple[tuple[str, str, str | None], ...]
    """(URL, SHA-256 of the response, the JSON body of a POST or None) for every request the
    figures were read from."""

    @property
    def date(self) -> str:
        return self.at[:10]


def revisions_of(data: Mapping[str, Any]) -> tuple[Revision, ...]:
    return tuple(
        Revision(r["date"], r["value"], r.get("women"), r.get("men")) for r in data.get("revised", ())
    )


def fetch_of(data: Mapping[str, Any]) -> Fetch | None:
    spec = data.get("fetch")
    if not isinstance(spec, Mapping):
        return None
    kolada, scb = spec.get(KOLADA), spec.get(SCB)
    return Fetch(
        kolada=KoladaFetch(
            kolada["kpi"], tuple(kolada["areas"]), tuple(kolada.get("sexes", ("T",))), kolada.get("since"),
        ) if isinstance(kolada, Mapping) else None,
        scb=ScbFetch(
            scb["table"], tuple(scb["areas"]), tuple(scb.get("selection", {}).items()), scb.get("region", "Region"),
            scb.get("time", "Tid"),
            ScbSex(scb["sex"]["variable"], scb["sex"]["total"], scb["sex"].get("women"), scb["sex"].get("men"))
            if isinstance(scb.get("sex"), Mapping) else None,
            scb.get("since"),
        ) if isinstance(scb, Mapping) else None,
    )


def fetched_of(data: Mapping[str, Any]) -> tuple[Provenance, ...]:
    fetched = data.get("fetched")
    if not isinstance(fetched, Mapping):
        return ()
    return tuple(
        Provenance(
            source, entry["api"], entry["at"], tuple((r["url"], r["sha256"], r.get("body")) for r in entry["requests"]),
        )
        for source, entry in fetched.items() if source in SOURCES and isinstance(entry, Mapping)
    )
