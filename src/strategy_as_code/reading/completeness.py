"""What a valid strategy still lacks: a goal that nothing follows up, a goal no strategy
contributes to. A strategy being entered (or one whose region has not decided on indicators
yet) is published as it is; these are warnings for the people entering it, never errors."""

from __future__ import annotations

from dataclasses import dataclass

from strategy_as_code.model import Goal, RegionalStrategy


@dataclass(frozen=True)
class Incomplete:
    path: str
    line: int
    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}\n    Så kan du komplettera: {self.hint}"


def warnings(strategy: RegionalStrategy, folder: str = "strategy") -> list[Incomplete]:
    """Goals without indicators that follow them up (directly, or through their sub-goals), and,
    when the strategy has strategies at all, main goals that none of them contributes to."""
    found: list[Incomplete] = []
    goal_word, indicator_word = strategy.label("goal"), strategy.label("indicator")

    def followed(goal: Goal) -> bool:
        return bool(strategy.related("goals", goal.id, "indicators")) or any(
            followed(sub) for sub in strategy.subgoals_of(goal)
        )

    for goal in strategy.goals:
        where = (goal.source.path, goal.source.line)
        if not followed(goal):
            found.append(Incomplete(
                *where, f'Inga {indicator_word.plural} följer upp "{goal.name}" ännu.',
                f'Lägg till "{goal.id}" under goals i en fil i {folder}/indicators/ när strategin anger hur '
                "det ska följas upp. Sidan säger under tiden att uppföljningen inte är angiven.",
            ))
        if strategy.strategies and goal.parent_id is None and not strategy.related("goals", goal.id, "strategies"):
            found.append(Incomplete(
                *where, f'Inga {strategy.label("strategy").plural} bidrar till "{goal.name}".',
                f'Lägg till "{goal.id}" under goals i en fil i {folder}/strategies/, om strategin säger vilka '
                f"som bidrar till detta {goal_word.singular}.",
            ))
    return found
