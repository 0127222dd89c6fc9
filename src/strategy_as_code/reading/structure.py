"""Checks of how the parts of a strategy fit together that the schemas cannot express: a target
uses one form, milestones come before the final target, and sub-goals never form a circle (the
areas of series are checked with the figures, figure_checks.py). Each returns every problem it
finds, in Swedish."""

from __future__ import annotations

from typing import TypeGuard

from strategy_as_code.model import TARGET_FORM_FIELDS, target_forms
from strategy_as_code.problems import Problem
from strategy_as_code.reading.yamlsource import Document


def is_year_number(value: object) -> TypeGuard[int]:
    """A whole number, not a boolean: what a year field holds once the schema has checked it."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_targets(indicators: list[Document]) -> list[Problem]:
    """A target uses one form only, and milestones come before the final target."""
    problems: list[Problem] = []
    for document in indicators:
        data = document.data
        targets = [(("target",), data.get("target"))] + [
            (("milestones", index), item) for index, item in enumerate(data.get("milestones") or [])
            if isinstance(data.get("milestones"), list)
        ]
        for path, target in targets:
            if not isinstance(target, dict):
                continue
            forms = target_forms(target)
            if len(forms) > 1:
                fields = " och ".join(
                    "/".join(f'"{name}"' for name in TARGET_FORM_FIELDS[form] if name in target) for form in forms
                )
                problems.append(document.problem(
                    path, f"Målet blandar flera sätt att ange ett mål: {fields}.",
                    "Ange målet på ett av sätten: value (ett tal), women och men (per kön), change och "
                    "base_year (förändring från ett basår), rank och among (en placering), compared_with och "
                    "relation (jämfört med ett annat område) eller direction (bara en riktning). Skriv "
                    "dokumentets egna ord i text.",
                ))
            base, year = target.get("base_year"), target.get("year")
            if is_year_number(base) and is_year_number(year) and base >= year:
                problems.append(document.problem(
                    (*path, "base_year"), f"Basåret {base} ligger inte före målåret {year}.",
                    "base_year är året förändringen räknas från och year året målet ska vara nått.",
                ))
        final = data.get("target")
        final_year = final.get("year") if isinstance(final, dict) else None
        for path, milestone in targets[1:]:
            year = milestone.get("year") if isinstance(milestone, dict) else None
            if is_year_number(year) and is_year_number(final_year) and year >= final_year:
                problems.append(document.problem(
                    (*path, "year"), f"Etappmålet för {year} ligger inte före målet för {final_year}.",
                    "Etappmål (milestones) är mål på vägen. Flytta det sista målet till target, "
                    "eller rätta årtalet.",
                ))
    return problems


def check_goal_tree(goals: dict[str, Document]) -> list[Problem]:
    """A sub-goal's parents never lead back to itself."""
    problems: list[Problem] = []
    parents = {
        goal_id: d.data.get("parent") for goal_id, d in goals.items()
        if isinstance(d.data.get("parent"), str)
    }
    for goal_id, document in goals.items():
        seen, current = [goal_id], parents.get(goal_id)
        while current is not None and current not in seen:
            seen.append(current)
            current = parents.get(current)
        if current is not None:
            chain = " → ".join([*seen, current])
            problems.append(document.problem(
                ("parent",), f"Målet är till slut sitt eget delmål: {chain}.",
                'Ett delmål pekar med "parent" på målet det hör till. Ta bort "parent" från det '
                "övergripande målet.",
            ))
    return problems
