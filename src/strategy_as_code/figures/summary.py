"""The semantic diff of the figures: between two versions of an indicator's data, which years are
new and which published figures the source has revised, by indicator and area. Written as GitHub
Markdown for the description of the pull request "Nya siffror från Kolada och SCB", and as plain
lines for the terminal. Names come from the strategy files, so they are made literal (escape)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from strategy_as_code.areas import Areas, order
from strategy_as_code.figures.observations import FIELDS
from strategy_as_code.figures.run import Outcome, Update
from strategy_as_code.render.changes_markdown import escape
from strategy_as_code.series import SOURCE_NAMES, fetch_of
from strategy_as_code.swedish import swedish_number

TITLE = "Nya siffror från Kolada och SCB"
MOST_ROWS = 300
"""Revised figures listed per indicator; the rest are counted (a pull request's description is
limited to 65 536 characters)."""
_LABELS = {"value": "", "women": "kvinnor ", "men": "män "}


@dataclass(frozen=True)
class FigureChange:
    area: str
    year: int
    kind: str
    """``new``, ``revised`` or ``removed``."""
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None


def _by_area(data: Mapping[str, Any], county: str | None) -> dict[str, dict[int, Mapping[str, Any]]]:
    rows = {s["area"]: {v["year"]: v for v in s.get("values", ())} for s in data.get("series", ())}
    if county is not None:
        rows[county] = {v["year"]: v for v in data.get("values", ())}
    return rows


def figure_changes(before: Mapping[str, Any], after: Mapping[str, Any], county: str | None) -> list[FigureChange]:
    """What changed in the figures, area by area (Sweden, counties, municipalities) and year by year."""
    old, new = _by_area(before, county), _by_area(after, county)
    changes = []
    for area in sorted(set(old) | set(new), key=order):
        was, now = old.get(area, {}), new.get(area, {})
        for year in sorted(set(was) | set(now)):
            a, b = was.get(year), now.get(year)
            if a is None and b is not None:
                changes.append(FigureChange(area, year, "new", None, b))
            elif b is None and a is not None:
                changes.append(FigureChange(area, year, "removed", a, None))
            elif a is not None and b is not None and any(a.get(key) != b.get(key) for key in FIELDS):
                changes.append(FigureChange(area, year, "revised", a, b))
    return changes


def years(numbers: Iterable[int]) -> str:
    """``2019, 2021–2024``: runs of years written as ranges."""
    ordered = sorted(set(numbers))
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)


def decimals(rows: Iterable[Mapping[str, Any]]) -> int:
    """Decimals every figure of an area is shown with (81.0 and 81.25: two), as a page does."""
    numbers = [row[key] for row in rows for key in FIELDS if isinstance(row.get(key), float)]
    return min(6, max((len(repr(n).partition(".")[2]) for n in numbers), default=0))


def _places(area: str, *versions: Mapping[str, Any], county: str | None) -> int:
    return decimals(row for data in versions for row in _by_area(data, county).get(area, {}).values())


def _figures(row: Mapping[str, Any], places: int) -> str:
    parts = [f"{_LABELS[key]}{swedish_number(row[key], places)}" for key in FIELDS if row.get(key) is not None]
    return parts[0] + (f" ({', '.join(parts[1:])})" if parts[1:] else "") if parts else "–"


def _source(update: Update) -> str:
    spec = fetch_of(update.before)
    parts = []
    if spec and spec.kolada:
        parts.append(f"Kolada, nyckeltal {escape(spec.kolada.kpi)}")
    if spec and spec.scb:
        parts.append(f"SCB, tabell {escape(spec.scb.table)}")
    return " och ".join(parts)


def _counts(changes: list[FigureChange]) -> tuple[int, int]:
    return sum(c.kind == "new" for c in changes), sum(c.kind == "revised" for c in changes)


def markdown(outcome: Outcome) -> str:
    """The pull request's description."""
    areas = outcome.areas
    updates = [(u, figure_changes(u.before, u.after, areas.county)) for u in outcome.updates]
    new = sum(_counts(c)[0] for _, c in updates)
    revised = sum(_counts(c)[1] for _, c in updates)
    asked = sorted({SOURCE_NAMES[o.source] for u in outcome.updates for o in u.sources})
    fetched = " och ".join(asked) or "ingen källa"
    lines = [
        f"# {TITLE}", "",
        f"Hämtade {outcome.at[:10]} kl. {outcome.at[11:16]} (UTC) från {fetched} av kommandot `make figures`.", "",
    ]
    if not new + revised:
        lines.append("Inga nya eller ändrade siffror: alla hämtade värden stämmer med strategins filer.")
    else:
        lines += [
            f"{_number(new, 'nytt värde', 'nya värden')} och "
            f"{_number(revised, 'reviderat värde', 'reviderade värden')} i "
            f"{_number(sum(1 for _, c in updates if c), 'indikator', 'indikatorer')}.",
            "",
            "Ett reviderat värde är ett som redan var publicerat och som källan sedan har ändrat. Det nya värdet "
            "ersätter det, och det tidigare står kvar i filen under `revised` med dagen då ändringen hämtades.",
        ]
    for update, changes in updates:
        if not changes and not update.unstated:
            continue
        lines += ["", f"## {escape(update.name)}", "", f"`{update.path}` · {_source(update)}"]
        places = {area: _places(area, update.before, update.after, county=areas.county)
                  for area in {c.area for c in changes}}
        lines += _new_section(changes, areas, places) + _revised_section(changes, areas, places)
        lines += _unstated_section(update, areas)
    return "\n".join(lines) + "\n"


def _number(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _new_section(changes: list[FigureChange], areas: Areas, places: Mapping[str, int]) -> list[str]:
    by_area: dict[str, list[FigureChange]] = {}
    for change in changes:
        if change.kind == "new":
            by_area.setdefault(change.area, []).append(change)
    if not by_area:
        return []
    lines = ["", "**Nya år**", "", "| Område | Nya år | Senaste värdet |", "| --- | --- | --- |"]
    for area, new in by_area.items():
        latest = new[-1]
        assert latest.after is not None
        figures = _figures(latest.after, places[area])
        lines.append(f"| {escape(areas.name(area))} | {years(c.year for c in new)} | {latest.year}: {figures} |")
    return lines


def _revised_section(changes: list[FigureChange], areas: Areas, places: Mapping[str, int]) -> list[str]:
    revised = [c for c in changes if c.kind in ("revised", "removed")]
    if not revised:
        return []
    lines = ["", "**Reviderade värden**", "", "| Område | År | Tidigare | Nu |", "| --- | --- | --- | --- |"]
    for change in revised[:MOST_ROWS]:
        before = _figures(change.before, places[change.area]) if change.before else "–"
        after = _figures(change.after, places[change.area]) if change.after else "saknas"
        lines.append(f"| {escape(areas.name(change.area))} | {change.year} | {before} | {after} |")
    if len(revised) > MOST_ROWS:
        lines += ["", f"… och {len(revised) - MOST_ROWS} till. Alla står i filens `revised`."]
    return lines


def _unstated_section(update: Update, areas: Areas) -> list[str]:
    if not update.unstated:
        return []
    grouped: dict[tuple[str, str], list[int]] = {}
    for item in update.unstated:
        grouped.setdefault((item.area, item.source), []).append(item.year)
    lines = [
        "", "**Står i filen men inte hos källan**", "",
        "Källan anger inga värden för de här åren. Värdena i filen står kvar; kontrollera om de ska vara kvar.", "",
    ]
    for (area, source), missing in sorted(grouped.items(), key=lambda item: (order(item[0][0]), item[0][1])):
        lines.append(f"- {escape(areas.name(area))}: {years(missing)} ({SOURCE_NAMES[source]})")
    return lines


def plain(outcome: Outcome) -> str:
    """What the terminal shows after a run."""
    lines = []
    for update in outcome.updates:
        new, revised = _counts(figure_changes(update.before, update.after, outcome.areas.county))
        state = "skrevs" if update.path in outcome.written else "oförändrad"
        lines.append(
            f"{update.path}: {_number(new, 'nytt värde', 'nya värden')}, "
            f"{_number(revised, 'reviderat', 'reviderade')}, {len(update.unstated)} bara i filen ({state})"
        )
    if not outcome.updates:
        lines.append("Ingen indikator har fetch: det finns inga siffror att hämta.")
    elif not outcome.written:
        lines.append("Inga nya siffror: filerna är oförändrade.")
    else:
        lines.append(f"Nya siffror skrevs i {_number(len(outcome.written), 'fil', 'filer')}.")
    return "\n".join(lines) + "\n"
