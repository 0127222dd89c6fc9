"""What a published site needs beyond a valid strategy: the accessibility statement the law
requires. Checked when a site is prepared (site_content.py), not when a strategy is read, so
that revisions from before the statement existed can still be loaded and compared."""

from __future__ import annotations

from strategy_as_code.kinds import SETTINGS_FILE, STRATEGY_FOLDER
from strategy_as_code.model import RegionalStrategy
from strategy_as_code.problems import Problem


def publishing_problems(strategy: RegionalStrategy, prefix: str = STRATEGY_FOLDER) -> list[Problem]:
    problems = []
    if strategy.settings.accessibility is None:
        problems.append(Problem(
            f"{prefix}/{SETTINGS_FILE}", 0, 0,
            "Tillgänglighetsredogörelsen saknas. En offentlig webbplats måste ha en enligt lagen (2018:1937) "
            "om tillgänglighet till digital offentlig service.",
            "Lägg till avsnittet accessibility med compliance, shortcomings, assessment, updated, contact och "
            "supervisor; se schemas/accessibility.schema.json och exemplet i examples/sjoland/strategy.yml.",
        ))
    return problems
