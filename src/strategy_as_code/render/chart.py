"""Geometry of an indicator's line chart, computed at build time: scales, axis ticks, the paths of
the measured values (and of women and men, and a comparison such as Sweden), the start and
target the follow-up judges against and the pace the target needs. Years stand where they fall on
a time scale, so 2005, 2017, 2018 and 2019 are not evenly spaced; the years that are labelled are
chosen so that no two labels collide, the years with figures first.
The SVG itself is written by the macro ``indicator_chart`` in ``templates/_followup.j2``, but for
the markers of the measured values (``marker``): there are up to three per year, and writing them
in Python instead of a Jinja macro took a third off the time of rendering the pages."""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

from strategy_as_code.followup import assess
from strategy_as_code.model import Indicator

WIDTH = 400
HEIGHT = 320
# Text size in SVG units (followup.css): on a wide screen the chart is drawn at about 1.3 times
# its size; on a 320 px phone at about 0.7, where the labels are enlarged to stay readable.
FONT = 12.5
LARGEST_FONT = 18
_CHAR_WIDTH = 0.6  # of the font size, for digits and spaces in a sans-serif font
TOP, BOTTOM = 14, 60
YEAR_LABEL_GAP = 13
"""From the x axis down to the top of the year labels."""
UNIT_GAP = YEAR_LABEL_GAP + LARGEST_FONT + 8
"""From the x axis down to the top of its unit ("År"), below the year labels at their largest."""
RIGHT = 4 * _CHAR_WIDTH * LARGEST_FONT / 2 + 4  # half a year label sticks out past the last year


def _year_room(font: float) -> float:
    """Horizontal room one year label needs."""
    return 4 * _CHAR_WIDTH * font + 10


@dataclass(frozen=True)
class Point:
    year: int
    value: float
    x: float
    y: float


@dataclass(frozen=True)
class Series:
    key: str
    """``value`` (everyone), ``women``, ``men`` or ``comparison`` (Sweden, or another area)."""
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))

    @property
    def markers(self) -> Markup:
        return Markup("").join(marker(self.key, p.x, p.y) for p in self.points)


def marker(key: str, x: float, y: float) -> Markup:
    """One value's marker: a triangle for women, a square for men, a circle for everyone, so that
    the series differ in more than colour. Only numbers go into it (the coordinates)."""
    x, y = float(x), float(y)  # a number, or ValueError: no text can enter the markup
    if key == "women":
        return Markup(f'<path class="rus-chart__marker rus-chart__marker--women" '
                      f'd="M{x:g},{y - 5.5:g} L{x + 5:g},{y + 3.5:g} L{x - 5:g},{y + 3.5:g} Z"/>')
    if key == "men":
        return Markup(f'<rect class="rus-chart__marker rus-chart__marker--men" '
                      f'x="{x - 4:g}" y="{y - 4:g}" width="8" height="8"/>')
    if key == "comparison":
        return Markup(f'<path class="rus-chart__marker rus-chart__marker--comparison" '
                      f'd="M{x:g},{y - 5:g} L{x + 5:g},{y:g} L{x:g},{y + 5:g} L{x - 5:g},{y:g} Z"/>')
    return Markup(f'<circle class="rus-chart__marker rus-chart__marker--value" cx="{x:g}" cy="{y:g}" r="4.5"/>')


@dataclass(frozen=True)
class Tick:
    value: float
    position: float
    label: str = "always"
    """``always`` labelled, ``wide`` labelled on wide screens only (where labels are smaller), or
    ``none`` (a tick mark without label), so that year labels never collide."""


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    y_ticks: tuple[Tick, ...]
    y_decimals: int
    """Decimals of every value label, e.g. 1 for an axis 1,0 – 1,5 – 2,0."""
    x_ticks: tuple[Tick, ...]
    x_unit: str
    """The x axis's unit, shown centred below the year labels."""
    series: tuple[Series, ...]
    baseline: Point | None
    """The starting point the target is measured from, when the strategy gives one."""
    target: Point | None
    """The target as a point, when it is a figure with a year (or computed from a base year)."""
    comparison: str | None = None
    """The name of the area the comparison line is for (Sverige), when there is one."""

    @property
    def year_label_y(self) -> float:
        return self.bottom + YEAR_LABEL_GAP

    @property
    def unit_x(self) -> float:
        return round((self.left + self.right) / 2, 1)

    @property
    def unit_y(self) -> float:
        return self.bottom + UNIT_GAP


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round axis values (steps of 1, 2 or 5 times a power of ten) covering ``low``–``high``."""
    # Values closer than a millionth (the finest figure a page shows) or than a billionth of their
    # size are drawn as one level: a smaller step is lost in floating-point rounding (1e12 + 0.0001
    # never grew, and the loop below never ended), or has no logarithm (5e-324).
    if high - low < 1e-6 or high - low < max(abs(low), abs(high)) * 1e-9:
        pad = abs(low) * 0.1 if abs(low) >= 1e-5 else 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(1, count - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw * (1 - 1e-9))
    decimals = tick_decimals(step)
    first = math.floor(low / step + 1e-9) * step
    ticks: list[float] = []
    value = first
    while value < high + step * 1e-9 or len(ticks) < 2:
        ticks.append(round(value, decimals))
        value += step
    if ticks[-1] < high - step * 1e-9:
        ticks.append(round(value, decimals))
    return ticks


def tick_decimals(step: float) -> int:
    """Decimals every label of an axis with this step needs (0.5 -> 1), so that they line up."""
    return max(0, -math.floor(math.log10(step) + 1e-9))


def _label_width(value: float, decimals: int) -> float:
    # Swedish notation has as many characters as Python's ("1,234.5" -> "1 234,5").
    return len(f"{value:,.{decimals}f}") * _CHAR_WIDTH * LARGEST_FONT


def year_labels(wanted: list[int], first: int, last: int, per_year: float) -> dict[int, str]:
    """Which years get a label: ``always`` (room for the largest labels, on a phone), ``wide``
    (only where labels are smaller) or none. The years in ``wanted`` come first, in its order (the
    target year, the first year, the baseline, the years measured, latest first); then round years
    (2010, 2015 …) fill the gaps. A year is labelled only if its label keeps clear of every label
    already placed, so labels never collide however irregular the years are."""
    def roundness(year: int) -> tuple[int, int]:
        return (0 if year % 10 == 0 else 1 if year % 5 == 0 else 2 if year % 2 == 0 else 3, -year)

    order = list(dict.fromkeys([*wanted, *sorted(range(first, last + 1), key=roundness)]))
    placed: dict[int, str] = {}
    for label, font in (("always", LARGEST_FONT), ("wide", FONT)):
        room = _year_room(font) / per_year
        for year in order:
            if year not in placed and all(abs(year - other) >= room - 1e-9 for other in placed):
                placed[year] = label
    return placed


def chart_of(indicator: Indicator, comparison_name: str | None = None) -> Chart:
    """The chart of the indicator's values, the first comparison series (Sweden), and the start
    and target the follow-up judges against, when the strategy states them as figures."""
    assessment = assess(indicator)
    start = assessment.start
    target = assessment.target
    target_at = (
        (target.year, assessment.target_value)
        if target is not None and target.year is not None and assessment.target_value is not None else None
    )
    compared = indicator.comparison_series[0] if indicator.comparison_series else None
    measured = list(indicator.values) + (list(compared.values) if compared else [])
    years = [m.year for m in measured]
    numbers = [v for m in measured for v in (m.value, m.women, m.men) if v is not None]
    if start is not None:
        years.append(start.year)
        numbers.append(start.value)
    if target_at is not None:
        years.append(target_at[0])
        numbers.append(target_at[1])
    first_year, last_year = min(years), max(years)
    y_values = nice_ticks(min(numbers), max(numbers))
    low, high = y_values[0], y_values[-1]
    y_decimals = tick_decimals(y_values[1] - y_values[0])

    left = 10 + max(_label_width(v, y_decimals) for v in y_values)
    right, bottom = round(WIDTH - RIGHT, 1), HEIGHT - BOTTOM
    span = max(1, last_year - first_year)

    def x(year: int) -> float:
        return left + (year - first_year) / span * (right - left)

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - TOP)

    def point(year: int, value: float) -> Point:
        return Point(year, value, round(x(year), 1), round(y(value), 1))

    wanted = [target_at[0] if target_at else None, first_year, start.year if start else None,
              *sorted((m.year for m in measured), reverse=True)]
    labels = year_labels([year for year in wanted if year is not None], first_year, last_year, (right - left) / span)
    x_ticks = tuple(
        Tick(year, round(x(year), 1), labels.get(year, "none")) for year in range(first_year, last_year + 1)
    )
    series = [Series("value", tuple(point(m.year, m.value) for m in indicator.values))]
    for key in ("women", "men"):
        points = tuple(point(m.year, getattr(m, key)) for m in indicator.values if getattr(m, key) is not None)
        if points:
            series.append(Series(key, points))
    if compared is not None and compared.values:
        series.append(Series("comparison", tuple(point(m.year, m.value) for m in compared.values)))
    return Chart(
        WIDTH, HEIGHT, round(left, 1), TOP, right, bottom,
        tuple(Tick(v, round(y(v), 1)) for v in y_values), y_decimals, x_ticks, "År", tuple(series),
        None if start is None else point(start.year, start.value),
        None if target_at is None else point(*target_at),
        comparison_name if compared is not None and compared.values else None,
    )


def has_chart(indicator: Indicator) -> bool:
    """A chart needs measured values (the strategy's own or a comparison's)."""
    return bool(indicator.values or any(x.values for x in indicator.comparison_series))
