"""Figures per municipality on the site: for an indicator, every municipality's latest figure beside
the county's and Sweden's (a sorted table and a horizontal bar chart, drawn here as geometry and
written as SVG by ``templates/figures/areas.html.j2``); for a municipality's partner page, its
latest figure on every indicator that has one, beside the county and Sweden the same year
(``templates/figures/municipality.html.j2``). Every figure shown is one a file states, with the
source the terms of Kolada (RKA) and SCB ask to be named."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from strategy_as_code.areas import SWEDEN
from strategy_as_code.followup import kolada_url
from strategy_as_code.model import Indicator, Partner, RegionalStrategy
from strategy_as_code.render.chart import nice_ticks, tick_decimals

WIDTH = 300
"""Units across the chart. Each area's name stands on a line of its own above its bar, so the
bars can use the whole width: on a 320 px phone the chart is drawn at about its size (13-unit
text at 12 px), on a wide screen at most 23em wide (text at 16 px)."""
VALUES = 52
"""Room for the figure at the end of each bar."""
ROW, LABEL, BAR, TOP, AXIS = 36, 14, 14, 4, 24
FONT = 13
_CHAR = 0.56 * FONT


@dataclass(frozen=True)
class AreaFigure:
    code: str
    name: str
    kind: str
    """``municipality``, ``county`` (the strategy's own) or ``sweden``."""
    year: int
    value: float
    women: float | None = None
    men: float | None = None
    revised: bool = False


@dataclass(frozen=True)
class Bar:
    figure: AreaFigure
    label: str
    """The name as the chart writes it, shortened to fit (the table has it whole)."""
    label_y: float
    y: float
    """Top of the bar."""
    x: float
    width: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    zero: float
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, float], ...]
    """(value, position) of the axis' round values."""
    tick_decimals: int
    axis_y: float
    bar_height: int = BAR

@dataclass(frozen=True)
class SourceNote:
    """One source as its terms ask to be named, e.g. "Kolada, RKA", nyckeltal N00914 and a link."""

    name: str
    what: str
    url: str | None


@dataclass(frozen=True)
class AreaComparison:
    municipalities: tuple[AreaFigure, ...]
    """Highest figure first."""
    comparison: tuple[AreaFigure, ...]
    """The county, then Sweden, those the indicator has figures for."""
    decimals: int
    first_year: int
    last_year: int
    has_sexes: bool
    chart: BarChart
    sources: tuple[SourceNote, ...]

    @property
    def rows(self) -> tuple[AreaFigure, ...]:
        return self.municipalities + self.comparison


def _decimals(numbers: Iterable[float | None]) -> int:
    return min(6, max((len(repr(n).partition(".")[2]) for n in numbers if isinstance(n, float)), default=0))


def _latest(code: str, name: str, kind: str, figures: Iterable[Any]) -> AreaFigure | None:
    ordered = sorted(figures, key=lambda f: f.year)
    if not ordered:
        return None
    last = ordered[-1]
    return AreaFigure(code, name, kind, last.year, last.value, last.women, last.men, bool(last.revised))


def sources_of(indicator: Indicator) -> tuple[SourceNote, ...]:
    """The sources an indicator's figures come from: those it fetches from, else its source's
    Kolada key figure or SCB table."""
    fetch = indicator.fetch
    kpi = fetch.kolada.kpi if fetch and fetch.kolada else indicator.source_of_data.kolada
    table = fetch.scb.table if fetch and fetch.scb else indicator.source_of_data.scb_table
    notes = []
    if kpi:
        notes.append(SourceNote("Kolada, RKA", f"nyckeltal {kpi}", kolada_url(kpi)))
    if table:
        url = indicator.source_of_data.url or "https://www.statistikdatabasen.scb.se/"
        notes.append(SourceNote("SCB, Statistikdatabasen", f"tabell {table}", url))
    return tuple(notes)


def _shortened(name: str, room: float) -> str:
    most = max(4, int(room / _CHAR))
    return name if len(name) <= most else name[: most - 1].rstrip() + "…"


def bar_chart(rows: tuple[AreaFigure, ...]) -> BarChart:
    values = [row.value for row in rows]
    ticks = nice_ticks(min(0.0, *values), max(0.0, *values), 4)
    low, high = ticks[0], ticks[-1]
    left, right = 1.0, float(WIDTH - VALUES)

    def x(value: float) -> float:
        return round(left + (value - low) / (high - low) * (right - left), 1)

    zero = x(0.0)
    bars = []
    for index, row in enumerate(rows):
        top = TOP + index * ROW
        end = x(row.value)
        bars.append(Bar(
            row, _shortened(row.name, WIDTH), top + LABEL - 3, top + LABEL + 1, min(zero, end),
            round(max(abs(end - zero), 0.5), 1), round(max(zero, end) + 4, 1),
        ))
    axis_y = TOP + len(rows) * ROW + 2
    return BarChart(
        WIDTH, math.ceil(axis_y + AXIS), zero, tuple(bars), tuple((t, x(t)) for t in ticks),
        tick_decimals(ticks[1] - ticks[0]), axis_y,
    )


def area_comparison(strategy: RegionalStrategy, indicator: Indicator) -> AreaComparison | None:
    """Every municipality's latest figure with the county's and Sweden's, or None when the
    indicator has no figures for any municipality."""
    areas = strategy.areas
    municipal = [s for s in indicator.series if areas.kind(s.area) == "municipality"]
    found = [
        _latest(s.area, str(s.name) if s.name else areas.name(s.area), "municipality", s.values) for s in municipal
    ]
    municipalities = sorted((f for f in found if f is not None), key=lambda f: (-f.value, f.name))
    if not municipalities:
        return None
    comparison = [_latest(areas.county or "", areas.name(areas.county) if areas.county else "Länet", "county",
                          indicator.values)]
    comparison += [
        _latest(SWEDEN, str(s.name) if s.name else "Sverige", "sweden", s.values)
        for s in indicator.series if s.area == SWEDEN
    ]
    compared = tuple(f for f in comparison if f is not None)
    rows = tuple(municipalities) + compared
    years = [row.year for row in rows]
    return AreaComparison(
        tuple(municipalities), compared,
        _decimals(n for row in rows for n in (row.value, row.women, row.men)), min(years), max(years),
        any(row.women is not None or row.men is not None for row in rows), bar_chart(rows), sources_of(indicator),
    )


@dataclass(frozen=True)
class MunicipalFigure:
    """One indicator's latest figure for a municipality, and the county's and Sweden's that year."""

    indicator: Indicator
    municipality: AreaFigure
    county: float | None
    sweden: float | None
    decimals: int
    sources: tuple[SourceNote, ...]


def municipality_figures(strategy: RegionalStrategy, partner: Partner) -> tuple[MunicipalFigure, ...]:
    """The indicators with figures for ``partner`` (a municipality, by its kommunkod), in the
    order the site lists indicators."""
    if not partner.kommunkod:
        return ()
    found = []
    for indicator in strategy.indicators:
        series = next((s for s in indicator.series if s.area == partner.kommunkod), None)
        latest = _latest(partner.kommunkod, str(partner.name), "municipality", series.values) if series else None
        if latest is None:
            continue
        county = next((m.value for m in indicator.values if m.year == latest.year), None)
        sweden = next((f.value for s in indicator.series if s.area == SWEDEN for f in s.values
                       if f.year == latest.year), None)
        found.append(MunicipalFigure(
            indicator, latest, county, sweden, _decimals((latest.value, county, sweden)), sources_of(indicator),
        ))
    return tuple(found)
