"""`make serve` as a person editing the strategy meets it: a short log without the plugins' chatter,
and, when an edit breaks a file, the Swedish problem report in the browser instead of a page that
hangs, then the page again once the file is fixed (the open page reloads itself both times)."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support import MKDOCS, copy_project

pytestmark = pytest.mark.browser

# All that a build says when nothing is wrong; anything else in the log is noise or a problem.
QUIET_LOG = re.compile(
    r"INFO +- +(\[[0-9:]+\] )?(Building documentation\.\.\.|Cleaning site directory|Documentation built in [0-9.]+ seconds"
    r"|Watching paths for changes: .*|Serving on http://127\.0\.0\.1:[0-9]+/|Detected file changes|Reloading browsers"
    r"|Browser connected: .*)"
)
GOAL = "strategy/goals/goda-livsvillkor.yml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    """`mkdocs serve` (what `make serve` runs) on a copy of the project; yields the project, its
    URL and its log file."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=output,
            stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        while process.poll() is None and "Serving on" not in log.read_text(encoding="utf-8"):
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.2)
        assert process.poll() is None, log.read_text(encoding="utf-8")
        urllib.request.urlopen(url, timeout=30).close()
        yield project, url, log
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_shows_the_problem_report_while_a_file_is_broken_and_the_page_when_fixed(server, page):
    project, url, log = server
    started = log.read_text(encoding="utf-8").splitlines()
    noise = [line for line in started if not QUIET_LOG.fullmatch(line)]
    assert not noise, "make serve says more than it needs:\n" + "\n".join(noise)

    page.goto(url + "mal/goda-livsvillkor/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goda livsvillkor för regionens invånare")
    goal = project / GOAL
    original = goal.read_text(encoding="utf-8")
    goal.write_text(original.replace("name: Goda livsvillkor", "name: [Goda livsvillkor", 1), encoding="utf-8")

    expect(page.get_by_role("heading", level=1)).to_have_text("Strategin har problem som måste rättas", timeout=60_000)
    assert page.locator("html").get_attribute("lang") == "sv"
    report = page.locator("pre").inner_text()
    assert report.startswith("Strategin har 1 problem som måste rättas innan webbplatsen kan byggas:")
    assert f"{GOAL}:" in report
    assert "Traceback" not in log.read_text(encoding="utf-8")

    goal.write_text(original, encoding="utf-8")
    expect(page.get_by_role("heading", level=1)).to_have_text("Goda livsvillkor för regionens invånare", timeout=60_000)
