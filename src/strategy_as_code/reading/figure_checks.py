"""The checks of an indicator's figures that a schema cannot make: every area a fetch spec or a
series names exists, the words ``län`` and ``kommuner`` have a county to mean, no area is fetched
from two sources, and no area or year is written twice."""

from __future__ import annotations

from collections.abc import Iterable

from strategy_as_code.areas import CODE, COUNTY_WORD, MUNICIPALITIES_WORD, WORDS, Areas, areas_of
from strategy_as_code.problems import Problem, visible
from strategy_as_code.reading.yamlsource import Document
from strategy_as_code.series import SOURCE_NAMES, SOURCES


def figure_problems(
    settings: Document | None, indicators: Iterable[Document], partners: Iterable[Document]
) -> list[Problem]:
    areas = areas_of(settings.data if settings else {}, [p.data for p in partners if isinstance(p.data, dict)])
    problems: list[Problem] = []
    for document in indicators:
        problems += _fetch_problems(document, areas) + _series_problems(document, areas)
    return problems


def _unknown(document: Document, path: tuple, code: str, areas: Areas) -> Problem:
    county = f', länets kod "{areas.county}"' if areas.county else ""
    return document.problem(
        path, f'Området "{visible(code)}" finns inte.',
        f'Skriv "00" för riket{county}, kommunkoden för en av aktörerna eller en kod för ett län eller en kommun '
        "ur SCB:s lista i data/sverige. Saknas en kommun bland aktörerna, lägg till den med sin kommunkod.",
    )


def _fetch_problems(document: Document, areas: Areas) -> list[Problem]:
    spec = document.data.get("fetch")
    if not isinstance(spec, dict):
        return []
    problems: list[Problem] = []
    fetched_from: dict[str, str] = {}
    for source in SOURCES:
        entries = spec.get(source, {}).get("areas") if isinstance(spec.get(source), dict) else None
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            path = ("fetch", source, "areas", index)
            if not isinstance(entry, str) or not (entry in WORDS or CODE.fullmatch(entry)):
                continue  # the schema says what it should be
            if entry in (COUNTY_WORD, MUNICIPALITIES_WORD) and areas.county is None:
                problems.append(document.problem(
                    path, f'Det går inte att avgöra vilket län strategin gäller, så "{entry}" kan inte hämtas.',
                    'Skriv länets kod i strategy.yml (county_code: "21"), ge aktörerna som är kommuner sina '
                    'kommunkoder (alla i länet), eller skriv områdenas koder i stället, t.ex. "00" för riket och '
                    '"0180" för en kommun.',
                ))
            elif entry not in WORDS and not areas.known(entry):
                problems.append(_unknown(document, path, entry, areas))
        for code in areas.resolve(e for e in entries if isinstance(e, str) and (e in WORDS or areas.known(e))):
            if code in fetched_from and fetched_from[code] != source:
                problems.append(document.problem(
                    ("fetch", source, "areas"),
                    f'Området "{code}" ({areas.name(code)}) hämtas både från {SOURCE_NAMES[fetched_from[code]]} '
                    f"och från {SOURCE_NAMES[source]}.",
                    "Hämta varje område från en källa: ta bort området från areas under den ena.",
                ))
            fetched_from.setdefault(code, source)
    return problems


def _series_problems(document: Document, areas: Areas) -> list[Problem]:
    series = document.data.get("series")
    if not isinstance(series, list):
        return []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(series):
        code = item.get("area") if isinstance(item, dict) else None
        if not isinstance(code, str):
            continue
        path = ("series", index, "area")
        if code == areas.county:
            problems.append(document.problem(
                path, f'Serien för "{code}" är länets egen, och länets värden står under values.',
                "Flytta värdena till values och ta bort serien.",
            ))
        elif not areas.known(code):
            problems.append(_unknown(document, path, code, areas))
        if code in seen:
            line = document.position(("series", seen[code], "area"))[0]
            problems.append(document.problem(
                path, f'Området "{visible(code)}" har redan en serie (rad {line}).',
                "Varje område ska ha en serie. Slå ihop dem till en.",
            ))
        seen.setdefault(code, index)
        years: dict[int, int] = {}
        values = item.get("values")
        for position, measured in enumerate(values if isinstance(values, list) else []):
            year = measured.get("year") if isinstance(measured, dict) else None
            if not isinstance(year, int) or isinstance(year, bool):
                continue
            if year in years:
                line = document.position(("series", index, "values", years[year], "year"))[0]
                problems.append(document.problem(
                    ("series", index, "values", position, "year"),
                    f"Året {year} har redan ett värde i serien för {visible(code)} (rad {line}).",
                    "Varje år ska ha ett enda värde. Ta bort det ena, eller rätta årtalet om det är fel.",
                ))
            years.setdefault(year, position)
    return problems
