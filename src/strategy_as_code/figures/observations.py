"""What a source answered for one indicator: per area and year, the figures it states, and the
requests they were read from. Both sources' readers build it; merging reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strategy_as_code.figures.client import Answer, FetchFailed

FIELDS = ("value", "women", "men")


@dataclass
class Observations:
    source: str
    """``kolada`` or ``scb``."""
    api: str
    asked: frozenset[str]
    """Which of ``value``, ``women``, ``men`` were asked for: a field asked for and not stated is
    one the source marks missing."""
    since: int | None = None
    areas: tuple[str, ...] = ()
    """The areas asked for (our codes)."""
    figures: dict[str, dict[int, dict[str, float]]] = field(default_factory=dict)
    """Area code -> year -> {field: number}; only the figures the source states."""
    requests: list[tuple[str, str, str | None]] = field(default_factory=list)
    """(URL, SHA-256, the JSON body of a POST or None) of every answer the figures were read from."""

    def read_from(self, answer: Answer, body: str | None = None) -> None:
        self.requests.append((answer.url, answer.sha256, body))

    def add(self, area: str, year: int, key: str, number: float, where: str) -> None:
        """One figure; a second, different figure for the same area, year and field means the
        answer cannot be trusted."""
        if self.since is not None and year < self.since:
            return
        figures = self.figures.setdefault(area, {}).setdefault(year, {})
        if key in figures and figures[key] != number:
            raise FetchFailed(
                f"{where} gav två olika värden för område {area} år {year} ({figures[key]} och {number}), "
                "så svaret går inte att lita på."
            )
        figures[key] = number


def number(value: Any, where: str) -> float | None:
    """A figure from JSON: a number, or None for a missing one; anything else is a malformed answer."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FetchFailed(f"{where} svarade med ett värde som inte är ett tal ({str(value)[:40]!r}).")
    return value


def year_of(period: Any, where: str) -> int:
    """A year from ``2023`` or ``"2023"``; any other period is not one the indicator can show."""
    if isinstance(period, int) and not isinstance(period, bool) and 1900 <= period <= 2100:
        return period
    if isinstance(period, str) and len(period) == 4 and period.isascii() and period.isdigit():
        return int(period)
    raise FetchFailed(
        f"{where} svarade med perioden {str(period)[:20]!r}, som inte är ett år. Indikatorerna visar årsvärden: "
        "välj ett nyckeltal eller en tabell med ett värde per år."
    )


def malformed(where: str, what: str) -> FetchFailed:
    return FetchFailed(f"{where} svarade inte som väntat ({what}), så inga siffror kunde läsas.")
