"""The monthly workflow "Nya siffror" (.github/workflows/figures.yml): read as data for its
triggers and privileges, and its two shell steps run for real, against local stand-ins for
Kolada and SCB, a bare repository as GitHub and a stand-in for gh, to show the pull request it
opens, updates, or refuses to open from files it did not expect."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from figures_stand_ins import kolada, scb, serve
from gitrepo import new_repo
from strategy_as_code.reading.yamlsource import parse
from support import EXAMPLE, REPO, example_without_figures
from test_figures import KOLADA_FETCH, KPI, SCB_FETCH, TABLE, kolada_figures, scb_dataset

WORKFLOW = REPO / ".github" / "workflows" / "figures.yml"
TITLE = "Nya siffror från Kolada och SCB"

FAKE_GH = """#!{python}
import json, os, sys
with open(os.environ["FAKE_GH_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if sys.argv[1:3] == ["pr", "list"]:
    print(os.environ.get("FAKE_GH_OPEN_PR", ""))
"""
FAKE_MAKE = """#!/usr/bin/env bash
# make as the workflow calls it; the project's .venv (linked into the checkout) is ready.
for target; do
  if [ "$target" = figures ]; then exec "{python}" -m strategy_as_code figures strategy $ARGS; fi
done
"""


@pytest.fixture(scope="module")
def workflow() -> dict:
    document, problems = parse(str(WORKFLOW), WORKFLOW.read_bytes())
    assert problems == []
    return document.data


def test_monthly_and_on_demand_on_the_default_branch_only(workflow):
    assert workflow["on"] == {"schedule": [{"cron": "17 5 3 * *"}], "workflow_dispatch": None}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["fetch"]["if"] == "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
    assert jobs["pull-request"]["needs"] == "fetch"


def test_only_the_job_that_runs_no_project_code_may_write(workflow):
    jobs = workflow["jobs"]
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "fetch": {"contents": "read"},
        "pull-request": {"contents": "write", "pull-requests": "write"},
    }
    for job in jobs.values():
        checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"] == {"ref": "${{ github.event.repository.default_branch }}", "persist-credentials": False}
    writing = " ".join(step.get("run", "") for step in jobs["pull-request"]["steps"])
    assert not re.search(r"\b(make|python3?|pip|scripts/|\.venv)\b", writing)
    assert not any("setup-python" in step.get("uses", "") for step in jobs["pull-request"]["steps"])
    fetching = next(step["run"] for step in jobs["fetch"]["steps"] if step.get("id") == "figures")
    assert 'ARGS="--summary $out/beskrivning.md" make --silent figures' in fetching


class Actions:
    """The workflow's run steps in a checkout of a local "GitHub" (a bare repository)."""

    def __init__(self, root: Path, *, example: bool = False) -> None:
        self.root = root
        source = root / "source"
        shutil.copytree(EXAMPLE, source)
        example_without_figures(source)
        if not example:
            settings = source / "strategy.yml"
            settings.write_text(settings.read_text(encoding="utf-8").replace("example: true", "example: false"),
                                encoding="utf-8")
        for name, spec in (("forvarvsfrekvens", KOLADA_FETCH), ("brp-per-invanare", SCB_FETCH)):
            path = source / "indicators" / f"{name}.yml"
            path.write_text(path.read_text(encoding="utf-8") + spec, encoding="utf-8")
        project = new_repo(root / "project", source=source)
        self.bare = root / "github.git"
        subprocess.run(["git", "clone", "--quiet", "--bare", str(project.root), str(self.bare)], check=True)
        self.temp, self.bin = root / "runner-temp", root / "bin"
        self.temp.mkdir()
        self.bin.mkdir()
        for name, text in (("gh", FAKE_GH), ("make", FAKE_MAKE)):
            (self.bin / name).write_text(text.format(python=sys.executable))
            (self.bin / name).chmod(0o755)
        self.log = root / "gh.jsonl"
        self.runs = 0

    def checkout(self) -> Path:
        self.runs += 1
        work = self.root / f"work-{self.runs}"
        subprocess.run(["git", "clone", "--quiet", str(self.bare), str(work)], check=True)
        (work / ".venv").symlink_to(REPO / ".venv")
        return work

    def step(self, job: dict, name: str, work: Path, **env: str) -> tuple[subprocess.CompletedProcess, dict]:
        step = next(step for step in job["steps"] if step["name"] == name)
        output = self.root / f"output-{self.runs}"
        environment = {
            **os.environ, "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}", "RUNNER_TEMP": str(self.temp),
            "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(self.root / "summary.md"),
            "GITHUB_SERVER_URL": "https://github.example", "FAKE_GH_LOG": str(self.log),
            **{key: str(value).replace("${{ github.token }}", "ghs_token").replace("${{ github.repository }}", "o/r")
               .replace("${{ github.event.repository.default_branch }}", "main")
               for key, value in step.get("env", {}).items()},
            **env,
        }
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=work,
                              env=environment, capture_output=True, text=True, check=False)
        outputs = dict(line.split("=", 1) for line in output.read_text().splitlines()) if output.exists() else {}
        return done, outputs

    def gh_calls(self) -> list[list[str]]:
        return [json.loads(line) for line in self.log.read_text().splitlines()] if self.log.exists() else []

    def git(self, *args: str) -> str:
        return subprocess.run(["git", "--git-dir", str(self.bare), *args], capture_output=True, text=True,
                              check=True).stdout.strip()


FETCH_STEP = "Hämta siffrorna från Kolada och SCB"
PR_STEP = "Skriv grenen och pull requesten"


def fetch(actions: Actions, workflow: dict) -> tuple[subprocess.CompletedProcess, dict]:
    with serve(kolada(KPI, kolada_figures()), "/v3") as k, serve(scb(TABLE, scb_dataset()), "/api/v2") as s:
        return actions.step(workflow["jobs"]["fetch"], FETCH_STEP, actions.checkout(),
                            KOLADA_API_URL=k.url, SCB_API_URL=s.url)


def test_new_figures_become_one_pull_request_updated_month_by_month(tmp_path, workflow):
    actions = Actions(tmp_path)
    done, outputs = fetch(actions, workflow)
    assert done.returncode == 0, done.stderr
    assert outputs == {"changed": "true"}
    made = actions.temp / "nya-siffror"
    assert sorted(p.name for p in (made / "indicators").iterdir()) == ["brp-per-invanare.yml", "forvarvsfrekvens.yml"]
    assert (made / "beskrivning.md").read_text(encoding="utf-8").startswith(f"# {TITLE}\n")

    main = actions.git("rev-parse", "main")
    done, _ = actions.step(workflow["jobs"]["pull-request"], PR_STEP, actions.checkout())
    assert done.returncode == 0, done.stderr
    assert actions.git("rev-parse", "main") == main  # the default branch is never written
    assert actions.git("rev-parse", "nya-siffror^") == main
    assert actions.git("diff", "--name-only", "main", "nya-siffror").splitlines() == [
        "strategy/indicators/brp-per-invanare.yml", "strategy/indicators/forvarvsfrekvens.yml",
    ]
    assert actions.git("log", "-1", "--format=%s %an", "nya-siffror") == f"{TITLE} github-actions[bot]"
    body = str(made / "beskrivning.md")
    assert actions.gh_calls() == [
        ["pr", "list", "--repo", "o/r", "--head", "nya-siffror", "--base", "main", "--state", "open", "--json",
         "number", "--jq", ".[0].number // empty"],
        ["pr", "create", "--repo", "o/r", "--base", "main", "--head", "nya-siffror", "--title", TITLE,
         "--body-file", body],
    ]

    # Next month: the open pull request is updated, not doubled.
    done, _ = actions.step(workflow["jobs"]["pull-request"], PR_STEP, actions.checkout(), FAKE_GH_OPEN_PR="12")
    assert done.returncode == 0, done.stderr
    assert actions.gh_calls()[-1] == ["pr", "edit", "12", "--repo", "o/r", "--title", TITLE, "--body-file", body]


@pytest.mark.parametrize("planted", ["indicators/ny-indikator.yml", "indicators/Goals.yml", "indicators/mapp/x.yml",
                                     "link"])
def test_files_the_command_does_not_write_are_refused(tmp_path, workflow, planted):
    actions = Actions(tmp_path)
    assert fetch(actions, workflow)[0].returncode == 0
    made = actions.temp / "nya-siffror"
    if planted == "link":
        (made / "indicators" / "goals.yml").symlink_to(REPO / "Makefile")
    else:
        (made / planted).parent.mkdir(exist_ok=True)
        (made / planted).write_text("x: 1\n")
    done, _ = actions.step(workflow["jobs"]["pull-request"], PR_STEP, actions.checkout())
    assert done.returncode == 1
    assert "::error::" in done.stdout
    assert actions.git("branch", "--list", "nya-siffror") == ""
    assert actions.gh_calls() == []


def test_no_pull_request_when_nothing_changed_or_for_the_example(tmp_path, workflow):
    actions = Actions(tmp_path / "same")
    fetch(actions, workflow)
    actions.step(workflow["jobs"]["pull-request"], PR_STEP, actions.checkout())
    subprocess.run(["git", "--git-dir", str(actions.bare), "update-ref", "refs/heads/main", "refs/heads/nya-siffror"],
                   check=True)
    done, outputs = fetch(actions, workflow)
    assert (done.returncode, outputs) == (0, {"changed": "false"})
    assert "::notice::Inga nya siffror: strategins filer är oförändrade." in done.stdout

    example = Actions(tmp_path / "example", example=True)
    done, outputs = fetch(example, workflow)
    assert (done.returncode, outputs) == (0, {"changed": "false"})
    assert "Strategin är ett påhittat exempel" in done.stdout
