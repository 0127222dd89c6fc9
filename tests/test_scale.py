"""What a large strategy (10× the example, from the benchmark's generator) changes on the site:
long sections leave the navigation, and the goal × strategy table gives way to the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files, InclusionLevel

from bench.generate import generate
from strategy_as_code import load_strategy
from strategy_as_code.render.fragments import render_fragment
from support import copy_project


@pytest.fixture(scope="module")
def large_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("large"))
    generate(project / "strategy", 10)
    return project


def test_matrix_gives_way_to_the_list_beyond_twelve_goals(large_project: Path):
    strategy = load_strategy(large_project / "strategy")
    html = render_fragment(strategy, "strategy_matrix", "strategier/")
    assert "<table" not in html
    assert f"Strategin har {len(strategy.goals)} mål, för många för en läsbar tabell." in html


def test_sections_longer_than_the_limit_leave_the_nav(large_project: Path):
    config = load_config(str(large_project / "mkdocs.yml"))
    config = config.plugins.on_config(config)  # what `mkdocs build` runs first: macros and our hooks
    sections = {}
    for entry in config.nav:
        title, target = next(iter(entry.items()))
        sections[title] = target
    # 30 goals, 50 actions and 16 decisions are listed; 80 strategies, 120 indicators, 150 partners are not.
    assert isinstance(sections["Vision och mål"], list) and len(sections["Vision och mål"]) == 31
    assert isinstance(sections["Kraftsamlingar"], list) and len(sections["Kraftsamlingar"]) == 51
    assert sections["Strategier"] == "strategier/index.md"
    assert sections["Aktörer"] == "aktorer/index.md"
    files = config.plugins.on_files(Files([]), config=config)
    inclusion = {file.src_uri.split("/")[0]: file.inclusion for file in files}
    assert inclusion["aktorer"] == InclusionLevel.NOT_IN_NAV
    assert inclusion["mal"] == InclusionLevel.UNDEFINED
