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
