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

from strategy_as_code.kinds import KINDS, EntityKind
from strategy_as_code.model import (
    DEFAULT_LABELS,
    AccessibilityStatement,
    Action,
    Challenge,
    Decision,
    Goal,
    Indicator,
    Link,
    Measurement,
    Partner,
    Principle,
    RegionalStrategy,
    Series,
    Settings,
    Strategy,
    Target,
    Text,
)
from strategy_as_code.reading.schema import SCHEMA_DIR
from strategy_as_code.series import Fetch, Provenance

FORMAT_VERSION = 3
"""Bumped when a field is renamed or removed, so that data users can notice. 2: a field without a
value is left out, as in the YAML files, instead of written as null. 3: an indicator's target is
written as the strategy states it (value, change from a base year, rank, direction or words),
``indicator-values.csv`` has an ``area`` column for series, and targets have their own file."""


def _text(value: Text | None) -> str | dict[str, str] | None:
    if value is None:
        return None
    if set(value.translations) == {"sv"}:
        return str(value)
    return dict(value.translations)


def _texts(values: Iterable[Text]) -> list[str | dict[str, str] | None]:
    return [_text(value) for value in values]


def _record(**fields: Any) -> dict[str, Any]:
    """A record as its YAML file would hold it: a field without a value is left out (the schemas
    allow no null)."""
    return {name: value for name, value in fields.items() if value is not None}


def _links(links: Iterable[Link]) -> list[dict[str, Any]]:
    return [_record(title=_text(link.title), url=link.url) for link in links]


def _measurement(measured: Measurement | None) -> dict[str, Any] | None:
    if measured is None:
        return None
    return _record(
        year=measured.year, value=measured.value, women=measured.women, men=measured.men,
        qualifier=measured.qualifier, text=_text(measured.text),
        revised=[_record(date=r.date, value=r.value, women=r.women, men=r.men) for r in measured.revised] or None,
    )


def _target(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return _record(
        year=target.year, text=_text(target.text), value=target.value, qualifier=target.qualifier,
        women=target.women, men=target.men, change=target.change, base_year=target.base_year, rank=target.rank,
        among=_text(target.among), direction=target.direction,
        change_type=None if target.change_type == "percent" else target.change_type,
        compared_with=target.compared_with, relation=target.relation,
    )


def _series(series: Series) -> dict[str, Any]:
    source = series.source_of_data
    return _record(
        area=series.area, name=_text(series.name),
        source=None if source is None else _record(
            name=_text(source.name), kolada=source.kolada, scb_table=source.scb_table, url=source.url,
        ),
        values=[_measurement(m) for m in series.values],
    )


def _fetch(spec: Fetch | None) -> dict[str, Any] | None:
    """Where make figures fetches an indicator's figures from (issue 16), as the file says it."""
    if spec is None:
        return None
    kolada, scb = spec.kolada, spec.scb
    return _record(
        kolada=_record(
            kpi=kolada.kpi, areas=list(kolada.areas), sexes=list(kolada.sexes), since=kolada.since,
        ) if kolada else None,
        scb=_record(
            table=scb.table, selection=dict(scb.selection), region=scb.region, time=scb.time,
            sex=_record(variable=scb.sex.variable, total=scb.sex.total, women=scb.sex.women, men=scb.sex.men)
            if scb.sex else None,
            areas=list(scb.areas), since=scb.since,
        ) if scb else None,
    )


def _fetched(provenance: tuple[Provenance, ...]) -> dict[str, Any] | None:
    return {
        p.source: {"api": p.api, "at": p.at, "requests": [
            _record(url=url, sha256=sha, body=body) for url, sha, body in p.requests
        ]}
        for p in provenance
    } or None


def _accessibility(statement: AccessibilityStatement | None) -> dict[str, Any] | None:
    if statement is None:
        return None
    return _record(
        organisation=_text(statement.organisation), compliance=statement.compliance,
        shortcomings=_texts(statement.shortcomings), out_of_scope=_texts(statement.out_of_scope),
        assessment={"method": _text(statement.method), "date": statement.assessed},
        published=statement.published, updated=statement.updated,
        contact=_record(
            email=statement.email, phone=statement.phone, url=statement.report_url,
            response_time=_text(statement.response_time),
        ),
        supervisor={"name": _text(statement.supervisor), "url": statement.complaint_url},
    )


def settings_record(settings: Settings) -> dict[str, Any]:
    """``strategy.yml`` as data, in the vocabulary of ``settings.schema.json``."""
    contact = settings.contact
    return _record(
        region=_text(settings.region), name=_text(settings.name), short_name=_text(settings.short_name),
        period={"start": settings.period_start, "end": settings.period_end}, example=settings.example,
        vision=_text(settings.vision), introduction=_text(settings.introduction), adopted_by=settings.adopted_by,
        contact=_record(
            organisation=_text(contact.organisation), unit=_text(contact.unit), email=contact.email,
            phone=contact.phone, url=contact.url,
        ),
        links=_links(settings.links), accessibility=_accessibility(settings.accessibility),
        county_code=settings.county_code, example_note=_text(settings.example_note),
        horizons=[{"year": h.year, "description": _text(h.description)} for h in settings.horizons] or None,
        labels={
            key: {"singular": label.singular, "plural": label.plural}
            for key, label in settings.labels.items() if label != DEFAULT_LABELS[key]
        } or None,
    )


def _goal(g: Goal) -> dict[str, Any]:
    return _record(
        id=g.id, order=g.order, name=_text(g.name), parent=g.parent_id, summary=_text(g.summary),
        description=_text(g.description), target=_text(g.target), horizon=g.horizon,
        priorities=_texts(g.priorities) or None, agenda2030=list(g.agenda2030) or None,
    )


def _strategy(x: Strategy) -> dict[str, Any]:
    return _record(
        id=x.id, order=x.order, name=_text(x.name), summary=_text(x.summary), description=_text(x.description),
        goals=list(x.goal_ids), priorities=_texts(x.priorities),
    )


def _principle(p: Principle) -> dict[str, Any]:
    return _record(id=p.id, order=p.order, name=_text(p.name), description=_text(p.description))


def _challenge(c: Challenge) -> dict[str, Any]:
    return _record(
        id=c.id, order=c.order, name=_text(c.name), summary=_text(c.summary), description=_text(c.description),
        goals=list(c.goal_ids) or None, links=_links(c.links) or None,
    )


def _action(a: Action) -> dict[str, Any]:
    return _record(
        id=a.id, name=_text(a.name), summary=_text(a.summary), challenge=_text(a.challenge),
        description=_text(a.description), status=a.status, start=a.start, end=a.end, owner=a.owner_id,
        partners=list(a.partner_ids), strategies=list(a.strategy_ids), links=_links(a.links),
    )


def _indicator(i: Indicator) -> dict[str, Any]:
    source = i.source_of_data
    return _record(
        id=i.id, name=_text(i.name), description=_text(i.description), unit=_text(i.unit), direction=i.direction,
        goals=list(i.goal_ids),
        source=_record(name=_text(source.name), kolada=source.kolada, scb_table=source.scb_table, url=source.url),
        baseline=_measurement(i.baseline), target=_target(i.target),
        milestones=[_target(t) for t in i.milestones] or None,
        values=[_measurement(m) for m in i.values], series=[_series(x) for x in i.series] or None,
        fetch=_fetch(i.fetch), fetched=_fetched(i.fetched),
    )


def _partner(p: Partner) -> dict[str, Any]:
    return _record(
        id=p.id, name=_text(p.name), type=p.type, kommunkod=p.kommunkod, description=_text(p.description),
        url=p.url,
    )


def _decision(d: Decision) -> dict[str, Any]:
    return _record(
        id=d.id, title=_text(d.title), body=_text(d.body), date=d.date, diarienummer=d.diarienummer,
        summary=_text(d.summary), links=_links(d.links), version=d.version,
    )


def document(strategy: RegionalStrategy) -> dict[str, Any]:
    """The strategy as plain JSON data, in the same vocabulary as the YAML files: ``settings`` is
    ``strategy.yml`` and each list holds one kind's files, every record valid against the kind's
    schema (tests/test_open_data_mirror.py)."""
    return {
        "format_version": FORMAT_VERSION,
        "settings": settings_record(strategy.settings),
        "goals": [_goal(g) for g in strategy.goals],
        "strategies": [_strategy(x) for x in strategy.strategies],
        "principles": [_principle(p) for p in strategy.principles],
        "success_factors": [_principle(p) for p in strategy.success_factors],
        "perspectives": [_principle(p) for p in strategy.perspectives],
        "challenges": [_challenge(c) for c in strategy.challenges],
        "actions": [_action(a) for a in strategy.actions],
        "indicators": [_indicator(i) for i in strategy.indicators],
        "partners": [_partner(p) for p in strategy.partners],
        "decisions": [_decision(d) for d in strategy.decisions],
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


def _cell(entity: object, attribute: str) -> object:
    for part in attribute.split("."):
        entity = None if entity is None else getattr(entity, part)
    return _join(entity) if isinstance(entity, tuple | list) else entity


def _kind_table(kind: EntityKind) -> Table:
    """The CSV file of a kind, as its row of the kinds table (kinds.py) describes it."""
    return Table(
        kind.csv_file, kind.one, tuple(name for name, _ in kind.columns),
        lambda s: (tuple(_cell(entity, attribute) for _, attribute in kind.columns) for entity in s.all(kind.key)),
    )


def _value_rows(strategy: RegionalStrategy) -> Iterable[tuple]:
    """The strategy's own values (area: the county's code, if the settings give it), then each series'."""
    own = strategy.settings.county_code or ""
    for i in strategy.indicators:
        for area, values in ((own, i.values), *((x.area, x.values) for x in i.series)):
            for m in values:
                yield (i.id, area, m.year, m.value, m.women, m.men, m.qualifier)


_VALUES = Table(
    "indicator-values.csv", "ett uppmätt värde för en indikator, ett område och ett år",
    ("indicator", "area", "year", "value", "women", "men", "qualifier"), _value_rows,
)

_TARGETS = Table(
    "indicator-targets.csv", "ett mål eller etappmål för en indikator, så som strategin anger det",
    ("indicator", "final", "year", "text", "value", "qualifier", "women", "men", "change", "change_type",
     "base_year", "rank", "among", "compared_with", "relation", "direction"),
    lambda s: (
        (i.id, "ja" if t is i.target else "nej", t.year, t.text, t.value, t.qualifier, t.women, t.men, t.change,
         t.change_type if t.change is not None else None, t.base_year, t.rank, t.among, t.compared_with,
         t.relation, t.direction)
        for i in s.indicators for t in i.targets
    ),
)

TABLES: tuple[Table, ...] = tuple(
    table for kind in KINDS for table in ((_kind_table(kind), _VALUES, _TARGETS) if kind.key == "indicators" else
                                          (_kind_table(kind),))
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
