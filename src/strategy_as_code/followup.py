"""Follow-up (uppföljning): is an indicator on its way to its target? A pure assessment of the
model's figures; the Swedish words for each status and reason live in ``templates/_followup.j2``.

Method: the share of the way from the starting point (the baseline, or the base year's value of
a relative target) to the target that the latest value has covered is compared with the share of
the period that has passed, both in whole percent, as the page states them ("45 procent av
vägen, när 45 procent av tiden har gått" must never read as too slow).

Only what the strategy states is judged. Where it gives no figure to judge against (a target in
words, a rank, no baseline, a base year without a value), the status is NOT_ASSESSABLE with the
reason, never a number nobody adopted.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from strategy_as_code.model import Indicator, Measurement, Target, TargetForm


class Status(StrEnum):
    ON_TRACK = "on_track"
    """The latest value has covered at least as much of the way as time has passed (or the target is reached)."""
    TOO_SLOW = "too_slow"
    """Better than or equal to the starting point, but behind the pace the target needs."""
    WRONG_WAY = "wrong_way"
    """Worse than the starting point: the value has moved away from the target."""
    NO_DATA = "no_data"
    """No value measured after the starting point yet, so there is nothing to judge."""
    NOT_ASSESSABLE = "not_assessable"
    """The strategy gives nothing to judge against: see :class:`Reason`."""


STATUS_ORDER = (Status.ON_TRACK, Status.TOO_SLOW, Status.WRONG_WAY, Status.NO_DATA, Status.NOT_ASSESSABLE)


class Reason(StrEnum):
    """Why a status cannot be assessed (kan inte bedömas)."""

    NO_TARGET = "no_target"
    WORDS = "words"
    RANK = "rank"
    NO_BASELINE = "no_baseline"
    NO_BASE_VALUE = "no_base_value"
    BY_SEX = "by_sex"
    APPROXIMATE_BASELINE = "approximate_baseline"
    NO_DIRECTION = "no_direction"
    NO_COMPARISON = "no_comparison"
    ONE_COMPARISON_YEAR = "one_comparison_year"


@dataclass(frozen=True)
class Assessment:
    status: Status
    latest: Measurement | None
    """The value the status is based on."""
    progress: float | None
    """Share of the way from the start to the target covered (1.0 = target reached; negative = moved
    the wrong way). None without a newer value, or when start and target are equal."""
    elapsed: float | None
    """Share of the period from the start year to the target year that has passed at ``latest``, 0–1."""
    reached: bool = False
    """The latest value is at or beyond the target, in the better direction."""
    target: Target | None = None
    """The target judged against: the first milestone not yet passed, or the final target."""
    target_value: float | None = None
    """The target as a figure: its value, or for a relative target the value computed from the base year's."""
    start: Measurement | None = None
    """Where the way to the target starts: the baseline, or the base year's value of a relative target."""
    reason: Reason | None = None
    """Why the status is NOT_ASSESSABLE."""
    compared: Measurement | None = None
    """For a target relative to another area: that area's value in the year of ``latest``."""

    @property
    def progress_percent(self) -> int | None:
        return None if self.progress is None else percent(self.progress)

    @property
    def elapsed_percent(self) -> int | None:
        return None if self.elapsed is None else percent(self.elapsed)


def percent(share: float) -> int:
    """A share in whole percent, halves rounded up (0.455 -> 46), as people round."""
    return math.floor(share * 100 + 0.5 + 1e-9)


def _better(indicator: Indicator, target: Target, start: Measurement | None, target_value: float | None) -> int | None:
    """+1 when a higher value is better, -1 when a lower one is: as the indicator says, else as
    the target says (its direction, or the way from the start to the target value); None when
    nothing the strategy states tells."""
    direction = indicator.direction or target.direction
    if direction:
        return 1 if direction == "increase" else -1
    if start is not None and target_value is not None and target_value != start.value:
        return 1 if target_value > start.value else -1
    return None


def _compared(indicator: Indicator, target: Target, sign: int | None) -> Assessment:
    """A target relative to another area (reach the national average, stay below it): judged in
    the latest year both have a value; the way the gap has moved tells the rest."""
    other = next((s for s in indicator.series if s.area == target.compared_with), None)
    theirs = {m.year: m for m in other.values} if other else {}
    common = [m for m in indicator.values if m.year in theirs]
    latest = indicator.latest
    if not common:
        return _not_assessable(Reason.NO_COMPARISON, latest, target)
    if target.relation == "reach" and sign is None:
        return _not_assessable(Reason.NO_DIRECTION, latest, target)
    ours, first = common[-1], common[0]

    def gap(m: Measurement) -> float:
        """How far from meeting the target, positive while it is not met."""
        difference = m.value - theirs[m.year].value
        if target.relation == "above":
            return -difference
        if target.relation == "below":
            return difference
        return -difference * (sign or 1)

    known = Assessment(
        Status.ON_TRACK, ours, None, None, target=target, compared=theirs[ours.year],
        start=first if first is not ours else None,
    )
    met = gap(ours) < 0 or (gap(ours) == 0 and target.relation == "reach")
    if met:
        return replace(known, reached=True)
    if first is ours:
        return replace(known, status=Status.NOT_ASSESSABLE, reason=Reason.ONE_COMPARISON_YEAR)
    return replace(known, status=Status.TOO_SLOW if gap(ours) < gap(first) else Status.WRONG_WAY)


def current_target(indicator: Indicator) -> Target | None:
    """The target the latest value is judged against: the first milestone or target whose year
    has not passed, else the last one."""
    targets = indicator.targets
    if not targets:
        return None
    latest = indicator.latest
    if latest is not None:
        for target in targets:
            if target.year is None or target.year >= latest.year:
                return target
    return targets[-1] if latest is not None else targets[0]


def value_in(indicator: Indicator, year: int) -> Measurement | None:
    """The indicator's own value for ``year``: measured, or the baseline of that year."""
    for measured in indicator.values:
        if measured.year == year:
            return measured
    baseline = indicator.baseline
    return baseline if baseline is not None and baseline.year == year else None


def relative_target_value(target: Target, base: Measurement) -> float:
    """A relative target as a figure: the base year's value changed by ``change`` percent, or by
    ``change`` in the indicator's unit."""
    assert target.change is not None
    if target.change_type == "absolute":
        return base.value + target.change
    return base.value * (1 + target.change / 100)


def _reached(value: float, target: Target, target_value: float, sign: int) -> bool:
    """At or beyond the target: a bound ("under 4") is met on its side of the figure, otherwise
    the better direction decides. Figures typed alike are exactly alike as floats."""
    if target.qualifier == "under":
        return value < target_value
    if target.qualifier == "högst":
        return value <= target_value
    if target.qualifier == "över":
        return value > target_value
    if target.qualifier == "minst":
        return value >= target_value
    return (value - target_value) * sign >= 0 - 1e-12 * abs(target_value)


def _not_assessable(
    reason: Reason, latest: Measurement | None, target: Target | None, *, target_value: float | None = None,
    start: Measurement | None = None,
) -> Assessment:
    return Assessment(
        Status.NOT_ASSESSABLE, latest, None, None, target=target, reason=reason, target_value=target_value,
        start=start,
    )


def assess(indicator: Indicator) -> Assessment:
    """The indicator's status against its current target, from what the strategy states."""
    target = current_target(indicator)
    latest = indicator.latest
    if target is None:
        return _not_assessable(Reason.NO_TARGET, latest, None)
    if target.form is TargetForm.WORDS:
        return _not_assessable(Reason.WORDS, latest, target)
    if target.form is TargetForm.RANK:
        return _not_assessable(Reason.RANK, latest, target)
    if target.form is TargetForm.COMPARISON:
        return _compared(indicator, target, _better(indicator, target, indicator.baseline, None))
    if target.form is TargetForm.BY_SEX:
        assert target.women is not None and target.men is not None
        sign = _better(indicator, target, None, None)
        if sign is None:
            return _not_assessable(Reason.NO_DIRECTION, latest, target)
        if latest is not None and latest.women is not None and latest.men is not None and (
            (latest.women - target.women) * sign >= 0 and (latest.men - target.men) * sign >= 0
        ):
            return Assessment(Status.ON_TRACK, latest, None, None, True, target=target)
        return _not_assessable(Reason.BY_SEX, latest, target)

    start: Measurement | None
    target_value: float | None = None
    if target.form is TargetForm.CHANGE:
        assert target.base_year is not None
        start = value_in(indicator, target.base_year)
        if start is None:
            return _not_assessable(Reason.NO_BASE_VALUE, latest, target)
        target_value = relative_target_value(target, start)
    else:
        start = indicator.baseline
        target_value = target.value  # None for a direction only

    sign = _better(indicator, target, start, target_value)
    if sign is None:
        return _not_assessable(Reason.NO_DIRECTION, latest, target, target_value=target_value, start=start)
    known = Assessment(Status.ON_TRACK, latest, None, None, target=target, target_value=target_value, start=start)
    reached = target_value is not None and latest is not None and _reached(latest.value, target, target_value, sign)
    if start is None:
        if reached:  # reached is reached, whatever the strategy says of the starting point
            return replace(known, reached=True)
        return _not_assessable(Reason.NO_BASELINE, latest, target, target_value=target_value)
    if start.qualifier in ("under", "över", "minst", "högst") and not reached:
        return _not_assessable(Reason.APPROXIMATE_BASELINE, latest, target, target_value=target_value, start=start)
    newer = [m for m in indicator.values if m.year > start.year]
    if not newer:
        return replace(known, status=Status.ON_TRACK if reached else Status.NO_DATA, reached=reached)
    latest = newer[-1]
    gain = (latest.value - start.value) * sign

    if target_value is None:  # a direction only: is the value moving the way the strategy wants?
        status = Status.ON_TRACK if gain > 0 else Status.WRONG_WAY if gain < 0 else Status.TOO_SLOW
        return replace(known, status=status, latest=latest)

    needed = (target_value - start.value) * sign
    span = (target.year or start.year) - start.year
    elapsed = 1.0 if span <= 0 else min(1.0, (latest.year - start.year) / span)
    if needed <= 0:
        # The target is to hold the starting level (or a level no better than it): either the
        # value is at least as good as the target, or it has gone the wrong way.
        status = Status.ON_TRACK if reached else Status.WRONG_WAY
        return replace(known, status=status, latest=latest, elapsed=elapsed, reached=reached)
    progress = gain / needed
    if reached:
        status = Status.ON_TRACK
    elif gain < 0:
        status = Status.WRONG_WAY
    elif percent(progress) >= percent(elapsed):
        status = Status.ON_TRACK
    else:
        status = Status.TOO_SLOW
    return replace(known, status=status, latest=latest, progress=progress, elapsed=elapsed, reached=reached)


def decimals_of(indicator: Indicator) -> int:
    """How many decimals the indicator's figures are written with (28.4 and 32.0: one), so that
    all of them are shown alike; YAML keeps 32.0 a float, and repr() gives the shortest form."""
    figures: list[float] = []
    for target in indicator.targets:
        figures += [v for v in (target.value, target.women, target.men) if v is not None]
    measured = list(indicator.values) + [m for s in indicator.series for m in s.values]
    if indicator.baseline is not None:
        measured.append(indicator.baseline)
    for m in measured:
        figures += [v for v in (m.value, m.women, m.men) if v is not None]
    if not figures:
        return 0
    return min(6, max(len(repr(v).partition(".")[2]) if isinstance(v, float) else 0 for v in figures))


def status_counts(indicators: Iterable[Indicator]) -> list[tuple[Status, int]]:
    """How many indicators have each status, in the order statuses are shown; zero counts left out."""
    counts = Counter(assess(indicator).status for indicator in indicators)
    return [(status, counts[status]) for status in STATUS_ORDER if counts[status]]


KOLADA_KPI_URL = "https://www.kolada.se/verktyg/fri-sokning/?kpis={kpi}"
"""Kolada's public search tool, opened on one key figure (nyckeltal)."""


def kolada_url(kpi: str) -> str:
    return KOLADA_KPI_URL.format(kpi=kpi)
