"""Open data: the whole strategy as ``strategy.json``, one CSV per kind and the JSON Schemas.

Output is a pure function of the model: keys sorted, rows in the model's display order, fixed
line endings and no timestamps, so the same commit always gives byte-identical files.

The CSV files are opened in spreadsheet programs, which run a cell that starts like a formula.
Text comes from pull requests, so text cells are neutralised as OWASP recommends (see
:func:`csv_cell`); ``strategy.json`` is data, not formulas, and keeps every text as written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategy_as_code.model import Link, RegionalStrategy, Text
from strategy_as_code.reading.schema import SCHEMA_DIR

FORMAT_VERSION = 1
"""Bumped when a field is renamed or removed, so that data users can notice."""


def _text(value: Text | None) -> str | dict[str, str] | None:
    if value is None:
        return None
    if set(value.translations) == {"sv"}:
        return str(value)
    return dict(value.translations)


def _links(links: Iterable[Link]) -> list[dict[str, Any]]:
    return [{"title": _text(link.title), "url": link.url} for link in links]


def _measurement(m) -> dict[str, Any]:
    row = {"year": m.year, "value": m.value}
    if getattr(m, "women", None) is not None:
        row["women"] = m.women
    if getattr(m, "men", None) is not None:
        row["men"] = m.men
    return row


def document(strategy: RegionalStrategy) -> dict[str, Any]:
    """The strategy as plain JSON data, in the same vocabulary as the YAML files."""
    s = strategy.settings
    contact = s.contact
    return {
        "format_version": FORMAT_VERSION,
        "settings": {
            "region": _text(s.region), "name": _text(s.name), "short_name": _text(s.short_name),
            "period": {"start": s.period_start, "end": s.period_end}, "example": s.example,
            "vision": _text(s.vision), "introduction": _text(s.introduction), "adopted_by": s.adopted_by,
            "contact": {
                "organisation": _text(contact.organisation), "unit": _text(contact.unit), "email": contact.email,
                "phone": contact.phone, "url": contact.url,
            },
            "links": _links(s.links),
        },
        "goals": [
            {"id": g.id, "order": g.order, "name": _text(g.name), "summary": _text(g.summary),
             "description": _text(g.description), "agenda2030": list(g.agenda2030)}
            for g in strategy.goals
        ],
        "strategies": [
            {"id": x.id, "order": x.order, "name": _text(x.name), "summary": _text(x.summary),
             "description": _text(x.description), "goals": list(x.goal_ids),
             "priorities": [_text(p) for p in x.priorities]}
            for x in strategy.strategies
        ],
        "principles": [
            {"id": p.id, "order": p.order, "name": _text(p.name), "description": _text(p.description)}
            for p in strategy.principles
        ],
        "success_factors": [
            {"id": p.id, "order": p.order, "name": _text(p.name), "description": _text(p.description)}
            for p in strategy.success_factors
        ],
        "actions": [
            {"id": a.id, "name": _text(a.name), "summary": _text(a.summary), "challenge": _text(a.challenge),
             "description": _text(a.description), "status": a.status, "start": a.start, "end": a.end,
             "owner": a.owner_id, "partners": list(a.partner_ids), "strategies": list(a.strategy_ids),
             "links": _links(a.links)}
            for a in strategy.actions
        ],
        "indicators": [
            {"id": i.id, "name": _text(i.name), "description": _text(i.description), "unit": _text(i.unit),
             "direction": i.direction, "goals": list(i.goal_ids),
             "source": {"name": _text(i.source_of_data.name), "kolada": i.source_of_data.kolada,
                        "scb_table": i.source_of_data.scb_table, "url": i.source_of_data.url},
             "baseline": _measurement(i.baseline), "target": _measurement(i.target),
             "values": [_measurement(m) for m in i.values]}
            for i in strategy.indicators
        ],
        "partners": [
            {"id": p.id, "name": _text(p.name), "type": p.type, "kommunkod": p.kommunkod,
             "description": _text(p.description), "url": p.url}
            for p in strategy.partners
        ],
        "decisions": [
            {"id": d.id, "title": _text(d.title), "body": _text(d.body), "date": d.date,
             "diarienummer": d.diarienummer, "summary": _text(d.summary), "links": _links(d.links),
             "version": d.version}
            for d in strategy.decisions
        ],
    }


@dataclass(frozen=True)
class Table:
    """One CSV file: its name, what a row is (Swedish), its columns and how to fill them."""

    filename: str
    row: str
    columns: tuple[str, ...]
    rows: Callable[[RegionalStrategy], Iterable[tuple]]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def csv_cell(value: object) -> str | int | float:
    """A CSV cell: numbers stay numbers; a text that starts like a formula gets a leading ``'``,
    so that a spreadsheet shows it as text instead of running it."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _join(values: Iterable[object]) -> str:
    """Several ids in one cell, separated by semicolons (ids never contain one)."""
    return ";".join(str(v) for v in values)


TABLES: tuple[Table, ...] = (
    Table("goals.csv", "ett mål", ("id", "order", "name", "summary", "agenda2030"),
          lambda s: ((g.id, g.order, g.name, g.summary, _join(g.agenda2030)) for g in s.goals)),
    Table("strategies.csv", "en strategi", ("id", "order", "name", "summary", "goals"),
          lambda s: ((x.id, x.order, x.name, x.summary, _join(x.goal_ids)) for x in s.strategies)),
    Table("principles.csv", "en vägledande princip", ("id", "order", "name", "description"),
          lambda s: ((p.id, p.order, p.name, p.description) for p in s.principles)),
    Table("success-factors.csv", "en framgångsfaktor", ("id", "order", "name", "description"),
          lambda s: ((p.id, p.order, p.name, p.description) for p in s.success_factors)),
    Table("actions.csv", "en kraftsamling", ("id", "name", "summary", "status", "start", "end", "owner", "partners",
                                             "strategies"),
          lambda s: ((a.id, a.name, a.summary, a.status, a.start, a.end, a.owner_id, _join(a.partner_ids),
                      _join(a.strategy_ids)) for a in s.actions)),
    Table("indicators.csv", "en indikator", ("id", "name", "unit", "direction", "goals", "source", "kolada",
                                             "scb_table", "source_url", "baseline_year", "baseline_value",
                                             "target_year", "target_value"),
          lambda s: ((i.id, i.name, i.unit, i.direction, _join(i.goal_ids), i.source_of_data.name,
                      i.source_of_data.kolada, i.source_of_data.scb_table, i.source_of_data.url, i.baseline.year,
                      i.baseline.value, i.target.year, i.target.value) for i in s.indicators)),
    Table("indicator-values.csv", "ett uppmätt värde för en indikator ett år",
          ("indicator", "year", "value", "women", "men"),
          lambda s: ((i.id, m.year, m.value, m.women, m.men) for i in s.indicators for m in i.values)),
    Table("partners.csv", "en aktör", ("id", "name", "type", "kommunkod", "url"),
          lambda s: ((p.id, p.name, p.type, p.kommunkod, p.url) for p in s.partners)),
    Table("decisions.csv", "ett beslut", ("id", "title", "body", "date", "diarienummer", "version"),
          lambda s: ((d.id, d.title, d.body, d.date, d.diarienummer, d.version) for d in s.decisions)),
)


def csv_bytes(table: Table, strategy: RegionalStrategy) -> bytes:
    buffer = io.StringIO()
    # RFC 4180 line endings, as spreadsheet programs expect. Every text cell is quoted: Excel in
    # Swedish splits an unquoted line at semicolons, which would start a new cell mid-text.
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(table.columns)
    writer.writerows(tuple(csv_cell(cell) for cell in row) for row in table.rows(strategy))
    return buffer.getvalue().encode("utf-8")


def json_bytes(strategy: RegionalStrategy) -> bytes:
    return (json.dumps(document(strategy), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def files(strategy: RegionalStrategy, schema_dir: Path = SCHEMA_DIR) -> dict[str, bytes]:
    """Every open-data file, keyed by its path under the site's ``data/`` folder."""
    result = {"strategy.json": json_bytes(strategy)}
    result.update({table.filename: csv_bytes(table, strategy) for table in TABLES})
    for path in sorted(schema_dir.glob("*.schema.json")):
        result[f"schemas/{path.name}"] = path.read_bytes()
    return result
