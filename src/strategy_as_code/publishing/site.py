"""Every page the build generates from the strategy (one per entity, plus the version pages),
in one list, so that the site engine's glue and the benchmark's plain twin build the same site."""

from __future__ import annotations

from pathlib import Path

from strategy_as_code.model import RegionalStrategy
from strategy_as_code.render.history import version_pages
from strategy_as_code.render.pages import GeneratedPage, entity_pages
from strategy_as_code.render.shield import Shield


def generated_pages(
    strategy: RegionalStrategy, shield: Shield, *, repo: Path | None = None, folder: str = "strategy",
    version: str = "", status: str = "",
) -> list[GeneratedPage]:
    return entity_pages(strategy, shield) + version_pages(
        strategy, shield, repo=repo, folder=folder, version=version, status=status,
    )
