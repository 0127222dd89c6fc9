"""What the sources state, merged into an indicator's data: the county's figures into ``values``,
every other area's into ``series``; a figure that differs from the file's replaces it with the
earlier one kept under ``revised``; a figure the source marks missing is no row; a row the file
has and the source does not state is left as it is, and noted. Pure: data in, data out."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from strategy_as_code.areas import order
from strategy_as_code.figures.observations import FIELDS, Observations

Rows = dict[int, dict[str, Any]]


@dataclass(frozen=True)
class Unstated:
    """A figure the file has that the source, asked for it, no longer states."""

    area: str
    year: int
    source: str


@dataclass
class Merged:
    data: dict[str, Any]
    changed: bool = False
    unstated: list[Unstated] = field(default_factory=list)


def _rows(values: Any) -> Rows:
    return {v["year"]: dict(v) for v in values or () if isinstance(v, dict)}


def merge(data: Mapping[str, Any], found: Sequence[Observations], county: str | None, at: str) -> Merged:
    """``data`` with ``found`` merged in. ``at`` is when they were fetched, ``2026-12-01T06:00:00Z``;
    its date marks revisions."""
    merged = Merged(copy.deepcopy(dict(data)))
    result = merged.data
    by_area: dict[str, Rows] = {s["area"]: _rows(s.get("values")) for s in result.get("series", ())}
    if county is not None:
        by_area[county] = _rows(result.get("values"))
    fetched = dict(result.get("fetched") or {})
    for observations in found:
        changed = _merge_source(observations, by_area, at[:10], merged)
        if changed or observations.source not in fetched:
            fetched[observations.source] = {
                "api": observations.api, "at": at,
                "requests": [
                    {"url": url, "sha256": digest, **({"body": body} if body else {})}
                    for url, digest, body in observations.requests
                ],
            }
            merged.changed = True
    if not merged.changed:
        return merged
    if county is not None:
        result["values"] = _sorted(by_area.pop(county))
    extra = {s["area"]: {k: v for k, v in s.items() if k not in ("area", "values")} for s in result.get("series", ())}
    result["series"] = [
        {"area": area, **extra.get(area, {}), "values": _sorted(rows)}
        for area, rows in sorted(by_area.items(), key=lambda item: order(item[0])) if rows or area in extra
    ]
    if not result["series"]:
        del result["series"]
    result["fetched"] = {source: fetched[source] for source in ("kolada", "scb") if source in fetched}
    return merged


def _sorted(rows: Rows) -> list[dict[str, Any]]:
    return [rows[year] for year in sorted(rows)]


def _merge_source(observations: Observations, by_area: dict[str, Rows], date: str, merged: Merged) -> bool:
    changed = False
    asked = observations.asked
    for area in observations.areas:
        stated_years = observations.figures.get(area, {})
        rows = by_area.setdefault(area, {})
        for year, stated in sorted(stated_years.items()):
            if "value" not in stated:
                continue  # no figure for everyone: no row (a row needs its value)
            old = rows.get(year)
            if old is None:
                rows[year] = {"year": year, **{key: stated[key] for key in FIELDS if key in stated}}
                changed = True
            elif any(old.get(key) != stated.get(key) for key in asked):
                rows[year] = _revised(old, stated, asked, date)
                changed = True
        since = observations.since
        merged.unstated += [
            Unstated(area, year, observations.source) for year in sorted(rows)
            if year not in stated_years and (since is None or year >= since)
        ]
    return changed


def _revised(old: dict[str, Any], stated: Mapping[str, float], asked: frozenset[str], date: str) -> dict[str, Any]:
    """The stated figures, with what the file said before kept under ``revised``. A field not
    asked for (women, when only totals are fetched) keeps its value; one asked for and not stated
    is missing now, and its earlier value is in the revision."""
    row: dict[str, Any] = {"year": old["year"]}
    for key in FIELDS:
        number = stated.get(key) if key in asked else old.get(key)
        if number is not None:
            row[key] = number
    earlier = {"date": date, **{key: old[key] for key in FIELDS if key in old}}
    row["revised"] = [*old.get("revised", ()), earlier]
    return row
