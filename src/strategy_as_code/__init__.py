"""Strategy as code: a regional development strategy kept as YAML, loaded into plain Python objects.

The core (load, validate, model, render) imports nothing from MkDocs; the site engine's glue lives
in ``macros/`` and calls :func:`load_strategy` and the renderers here.
"""

from strategy_as_code.model import RegionalStrategy
from strategy_as_code.problems import Problem, StrategyInvalid
from strategy_as_code.reading.loader import load_strategy, load_strategy_cached, site_strategy_folder

__all__ = [
    "Problem", "RegionalStrategy", "StrategyInvalid", "load_strategy", "load_strategy_cached", "site_strategy_folder",
]
