"""Follow-up (uppföljning): is an indicator on its way to its target? A pure assessment of the
model's figures; the Swedish words for each status live in ``templates/_followup.j2``.

Method: the share of the way from baseline to target that the latest value has covered is
compared with the share of the period (baseline year -> target year) that has passed, both in
whole percent, as the page states them ("45 procent av vägen, när 45 procent av tiden har gått"
must never read as too slow).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from strategy_as_code.model import Indicator, Measurement


class Status(StrEnum):
    ON_TRACK = "on_track"
    """The latest value has covered at least as much of the way as time has passed (or the target is reached)."""
    TOO_SLOW = "too_slow"
    """Better than or equal to the baseline, but behind the pace the target needs."""
    WRONG_WAY = "wrong_way"
    """Worse than the baseline: the value has moved away from the target."""
    NO_DATA = "no_data"
    """No value measured after the baseline year yet, so there is nothing to judge."""


STATUS_ORDER = (Status.ON_TRACK, Status.TOO_SLOW, Status.WRONG_WAY, Status.NO_DATA)


@dataclass(frozen=True)
class Assessment:
    status: Status
    latest: Measurement | None
    """The value the status is based on."""
    progress: float | None
    """Share of the way from baseline to target covered (1.0 = target reached; negative = moved
    the wrong way). None without a newer value, or when baseline and target are equal."""
    elapsed: float | None
    """Share of the period from baseline year to target year that has passed at ``latest``, 0–1."""
    reached: bool = False
    """The latest value is at or beyond the target, in the better direction."""

    @property
    def progress_percent(self) -> int | None:
        return None if self.progress is None else percent(self.progress)

    @property
    def elapsed_percent(self) -> int | None:
        return None if self.elapsed is None else percent(self.elapsed)


def percent(share: float) -> int:
    """A share in whole percent, halves rounded up (0.455 -> 46), as people round."""
    return math.floor(share * 100 + 0.5 + 1e-9)


def _better(indicator: Indicator) -> int:
    """+1 when a higher value is better, -1 when a lower one is."""
    return 1 if indicator.direction == "increase" else -1


def assess(indicator: Indicator) -> Assessment:
    """The indicator's status from its baseline, target and latest value after the baseline year."""
    baseline, target = indicator.baseline, indicator.target
    newer = [m for m in indicator.values if m.year > baseline.year]
    if not newer:
        return Assessment(Status.NO_DATA, indicator.latest, None, None)
    latest = newer[-1]
    sign = _better(indicator)
    gain = (latest.value - baseline.value) * sign
    needed = (target.value - baseline.value) * sign
    span = target.year - baseline.year
    elapsed = 1.0 if span <= 0 else min(1.0, (latest.year - baseline.year) / span)
    # Figures typed alike are exactly alike as floats: 22.0 - 22.0 is 0, so no tolerance is needed.
    reached = (latest.value - target.value) * sign >= 0

    if needed <= 0:
        # The target is to hold the baseline level (or a level no better than it): either the
        # value is at least as good as the target, or it has gone the wrong way.
        status = Status.ON_TRACK if reached else Status.WRONG_WAY
        return Assessment(status, latest, None, elapsed, reached)
    progress = gain / needed
    if reached:
        status = Status.ON_TRACK
    elif gain < 0:
        status = Status.WRONG_WAY
    elif percent(progress) >= percent(elapsed):
        status = Status.ON_TRACK
    else:
        status = Status.TOO_SLOW
    return Assessment(status, latest, progress, elapsed, reached)


def decimals_of(indicator: Indicator) -> int:
    """How many decimals the indicator's figures are written with (28.4 and 32.0: one), so that
    all of them are shown alike; YAML keeps 32.0 a float, and repr() gives the shortest form."""
    figures = [indicator.baseline.value, indicator.target.value]
    for m in indicator.values:
        figures += [v for v in (m.value, m.women, m.men) if v is not None]
    return min(6, max(len(repr(v).partition(".")[2]) if isinstance(v, float) else 0 for v in figures))


def status_counts(indicators: Iterable[Indicator]) -> list[tuple[Status, int]]:
    """How many indicators have each status, in the order statuses are shown; zero counts left out."""
    counts = Counter(assess(indicator).status for indicator in indicators)
    return [(status, counts[status]) for status in STATUS_ORDER if counts[status]]


KOLADA_KPI_URL = "https://www.kolada.se/verktyg/fri-sokning/?kpis={kpi}"
"""Kolada's public search tool, opened on one key figure (nyckeltal)."""


def kolada_url(kpi: str) -> str:
    return KOLADA_KPI_URL.format(kpi=kpi)
