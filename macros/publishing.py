"""MkDocs hook: refuse to build a site that lacks what publishing needs (the accessibility
statement), with the same Swedish report as an invalid strategy. The check lives in the core."""

from __future__ import annotations

from mkdocs.exceptions import Abort

from strategy_as_code import StrategyInvalid, load_strategy_cached, site_strategy_folder
from strategy_as_code.publishing.accessibility import publishing_problems


def on_config(config):
    folder = site_strategy_folder(config.config_file_path, config.extra)
    # hooks.py has loaded and validated the strategy already; this is the cached model.
    problems = publishing_problems(load_strategy_cached(folder), folder.name)
    if problems:
        raise Abort("\n" + StrategyInvalid(problems).report())
    return config
