"""Checks across files, run by the loader once every file is read: each id a file names exists
(an error), and each goal has strategies that contribute to it and indicators that follow it up
(a warning: a strategy entered part by part still builds)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath

from strategy_as_code.kinds import KIND_BY_KEY, REFERENCES, folder_of
from strategy_as_code.problems import Problem, visible
from strategy_as_code.reading.yamlsource import Document

LISTED_IDS = 20
"""An unknown id's hint lists the existing ids of that kind up to this many."""


def reference_problems(
    valid: Mapping[str, Mapping[str, Document]], settings: Document | None,
    unreadable: Mapping[str, Mapping[str, str]], shown: Callable[[str], str], well_formed: re.Pattern,
) -> list[Problem]:
    """Every id a file names that no file of its kind has. ``valid``: per kind, id -> the file that
    has it; ``unreadable``: per kind, the ids the files that could not be read may hold -> the file.
    A reference to those is not reported (one typo, one message), but an unknown id's hint says
    that their ids could not be checked; so for a file whose id is malformed."""
    problems: list[Problem] = []
    for reference in REFERENCES:
        target = KIND_BY_KEY[reference.target]
        known = valid[reference.target]
        # A file with a malformed id is reported itself: its id is never offered as the right one,
        # and a reference to its file name is taken to mean it, as for a file that cannot be read.
        offered = sorted(entity_id for entity_id in known if well_formed.search(entity_id))
        not_read = {**unreadable[reference.target], **{
            PurePosixPath(document.path).stem: document.path
            for entity_id, document in known.items() if entity_id not in offered
        }}
        if reference.source == "settings":
            sources = [settings] if settings else []
        else:
            sources = list(valid[reference.source].values())
        for document in sources:
            value = document.data.get(reference.field)
            if value is None:
                continue
            items = enumerate(value) if reference.many and isinstance(value, list) else [(None, value)]
            for index, entity_id in items:
                if not isinstance(entity_id, str) or entity_id in known or entity_id in not_read:
                    continue  # a wrong type or an unreadable file is reported already
                path = (reference.field,) if index is None else (reference.field, index)
                entity_id = visible(entity_id)
                guess = difflib.get_close_matches(entity_id, offered, n=1)
                advice = f'Menade du "{guess[0]}"? ' if guess else ""
                folder = shown(folder_of(target))
                if len(offered) <= LISTED_IDS:
                    existing = ", ".join(offered) or "inga ännu"
                else:  # a large strategy: a list of hundreds of ids helps no one
                    existing = f"{len(offered)} {target.plural} finns, med id:t i fältet id i varje fil i {folder}/"
                problems.append(document.problem(
                    path, f'Fältet "{reference.field}" pekar på {target.singular} "{entity_id}", som inte finns.',
                    f"{advice}Skriv id för {target.singular} som finns ({existing}), eller lägg till "
                    f"{folder}/{entity_id}.yml.{_unchecked(not_read)}",
                ))
    return problems


def _unchecked(not_read: Mapping[str, str]) -> str:
    """What a partner should know when a file the reference may point into could not be read."""
    files = sorted(set(not_read.values()))
    if not files:
        return ""
    if len(files) == 1:
        return f" Id:t i {files[0]} kunde inte kontrolleras (se felet där)."
    return f" Id:n i {', '.join(files[:-1])} och {files[-1]} kunde inte kontrolleras (se felen där)."


def coverage_warnings(
    documents: Mapping[str, list[Document]], unreadable: Mapping[str, Mapping[str, str]], shown: Callable[[str], str],
    well_formed: re.Pattern,
) -> list[Problem]:
    """A goal no strategy contributes to, or no indicator follows up, is not finished yet. A goal
    counts as followed up when one of its sub-goals is; a sub-goal needs no strategy of its own.
    A goal with a malformed id has its own problem, and no warning. Without any strategies at
    all, no goal is asked for one."""
    if unreadable["strategies"] or unreadable["indicators"]:
        return []  # an unreadable file may hold the missing link; its own problem is enough

    def referenced(kind: str) -> set[str]:
        return {
            goal_id for document in documents[kind] if isinstance(document.data.get("goals"), list)
            for goal_id in document.data["goals"] if isinstance(goal_id, str)
        }

    goals = {
        d.data["id"]: d for d in documents["goals"]
        if isinstance(d.data.get("id"), str) and well_formed.search(d.data["id"])
    }
    parents = {goal_id: document.data.get("parent") for goal_id, document in goals.items()}
    contributed, followed = referenced("strategies"), referenced("indicators")
    for goal_id in list(followed):
        seen: set[str] = set()
        while isinstance(parents.get(goal_id), str) and goal_id not in seen:  # a cycle must not loop here
            seen.add(goal_id)
            goal_id = parents[goal_id]
            followed.add(goal_id)
    warnings: list[Problem] = []
    for goal_id, document in goals.items():
        # A region whose strategy has no free-standing strategies (its priorities sit under each
        # goal) is not asked for them.
        if documents["strategies"] and goal_id not in contributed and not isinstance(parents[goal_id], str):
            warnings.append(document.problem(
                ("id",), f'Ingen strategi bidrar till målet "{goal_id}" ännu.',
                f'Lägg till "{goal_id}" under goals i minst en fil i {shown("strategies")}/ när strategierna '
                "är inskrivna. Tills dess visar målets sida inga strategier.",
            ))
        if goal_id not in followed:
            warnings.append(document.problem(
                ("id",), f'Ingen indikator följer upp målet "{goal_id}" ännu.',
                f'Lägg till "{goal_id}" under goals i en fil i {shown("indicators")}/ när målet har en '
                "indikator. Tills dess visar målets sida ingen uppföljning.",
            ))
    return warnings
