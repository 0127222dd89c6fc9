"""Shared fixtures: the example site and the live site (whatever ``strategy/`` holds) built once
per run, and a copy of the example strategy in a temporary folder, ready to break; for browser
tests, those sites served on localhost and a headless Chromium shared by the tests of a module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, EXAMPLE, LIVE, build, copy_project, serve


def _built(project: Path) -> Path:
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The example (Region Sjöland) built: the site tests of behaviour read."""
    return _built(copy_project(tmp_path_factory.mktemp("project")))


@pytest.fixture(scope="session")
def site_url(site: Path):
    """Base URL of the built example site, served on localhost for the whole run."""
    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def live_site(tmp_path_factory) -> Path:
    """The strategy this repository publishes, built with its own ``mkdocs.yml``: the site the checks
    every region's site must pass (every page builds, axe, no third-party requests) read."""
    return _built(copy_project(tmp_path_factory.mktemp("live-project"), LIVE))


@pytest.fixture(scope="session")
def live_site_url(live_site: Path):
    """Base URL of the built live site, served on localhost for the whole run."""
    with serve(live_site) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless; Playwright never downloads a browser here. One per module, not
    per session: Playwright's sync API runs one instance at a time, so a browser kept open for the
    whole run would break any test that starts Playwright itself."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def strategy_dir(tmp_path: Path) -> Path:
    """A writable copy of the example strategy (``<tmp>/strategy``)."""
    target = tmp_path / "strategy"
    shutil.copytree(EXAMPLE, target)
    return target


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's chromium; without it they fail loudly instead of skipping,
    so that a CI run without a browser can never pass as green."""
    if any(item.get_closest_marker("browser") for item in items) and not Path(CHROMIUM).exists():
        raise pytest.UsageError(f"{CHROMIUM} is missing: run `apt-get install chromium` (.ci/run does it)")


@pytest.fixture(scope="session")
def figures_site(tmp_path_factory) -> Path:
    """The frozen example with Kolada's figures for every municipality fetched by make figures
    (from a local stand-in), built: the pages per municipality (issue 16)."""
    from figures_stand_ins import kolada, scb, serve
    from strategy_as_code.figures import Endpoints, update_figures
    from support import EXAMPLE, example_without_figures

    project = copy_project(tmp_path_factory.mktemp("figures-project"))
    shutil.rmtree(project / "strategy")
    shutil.copytree(EXAMPLE, project / "strategy")
    example_without_figures(project / "strategy")
    path = project / "strategy" / "indicators" / "forvarvsfrekvens.yml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "fetch:\n  kolada:\n    kpi: N00914\n    areas: [län, riket, kommuner]\n    sexes: [T, K, M]\n    since: 2023\n"
    ), encoding="utf-8")
    figures = {"00": {2024: {"T": 81.9, "K": 80.4, "M": 83.3}}, "27": {2024: {"T": 81.2, "K": 79.8, "M": 82.5}}}
    for number, code in enumerate(("2701", "2704", "2710", "2715", "2721", "2722", "2780", "2781")):
        figures[code] = {2023: {"T": 76.0 + number}, 2024: {
            "T": round(78.5 + number * 0.7, 1), "K": round(77.0 + number * 0.6, 1),
            "M": None if code == "2722" else round(80.0 + number * 0.8, 1),
        }}
    figures["2781"] = {2023: {"T": 84.25}}  # Hamnvik has no figure for 2024 yet
    with serve(kolada("N00914", figures), "/v3") as k, serve(scb("X", {}), "/api/v2") as s:
        update_figures(project / "strategy", endpoints=Endpoints(k.url, s.url), sleep=lambda seconds: None)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def figures_site_url(figures_site: Path):
    with serve(figures_site) as base:
        yield base
