"""The GitHub workflows, read as data: triggers, least privilege, pinned actions, the make
targets they run. The comment step's shell script is run for real against a stand-in for
GitHub's ``gh`` command, to show what it posts and what it refuses."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from yamllint import linter
from yamllint.config import YamlLintConfig

from strategy_as_code.yamlsource import parse
from support import REPO

WORKFLOWS = REPO / ".github" / "workflows"
FULL_SHA = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
MARKER = "<!-- strategi-som-kod:granskning -->"


def load(path: Path) -> dict:
    # The project's own reader: YAML 1.2 style, so the key "on" stays a string.
    document, problems = parse(str(path), path.read_bytes())
    assert not problems, problems
    return document.data


@pytest.fixture(scope="module")
def pr() -> dict:
    return load(WORKFLOWS / "pr.yml")


@pytest.fixture(scope="module")
def comment() -> dict:
    return load(WORKFLOWS / "pr-comment.yml")


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def runs(workflow: dict) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


def test_pull_request_workflow_runs_untrusted_code_read_only(pr):
    assert pr["on"] == {"pull_request": None}
    assert pr["permissions"] == {}
    assert {name: job["permissions"] for name, job in pr["jobs"].items()} == {"check": {"contents": "read"}}
    assert pr["concurrency"] == {
        "group": "pull-request-${{ github.event.pull_request.number }}", "cancel-in-progress": True,
    }
    checkout = next(step for step in steps(pr) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_comment_workflow_writes_comments_only_and_never_runs_the_proposal(comment, pr):
    assert comment["on"] == {"workflow_run": {"workflows": [pr["name"]], "types": ["completed"]}}
    assert comment["permissions"] == {}
    (job,) = comment["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]
    assert comment["concurrency"]["cancel-in-progress"] is True
    assert [step.get("uses") for step in job["steps"]] == [None]  # no checkout, no third-party action
    script = job["steps"][0]["run"]
    assert not re.search(r"\b(make|python|pip|git|scripts/)\b", script)


def test_third_party_actions_are_pinned_to_full_commit_shas(pr, comment):
    used = [step["uses"] for workflow in (pr, comment) for step in steps(workflow) if "uses" in step]
    assert used and all(FULL_SHA.match(action) for action in used), used


def test_no_expression_is_pasted_into_a_shell_script(pr, comment):
    # Branch names and titles come from the proposer: they reach scripts only through env.
    for script in runs(pr) + runs(comment):
        assert "${{" not in script


def test_ci_runs_the_same_make_targets_as_a_developer(pr):
    called = [re.findall(r"\bmake (?:--silent )?([\w-]+)", script) for script in runs(pr)]
    assert [targets for targets in called if targets] == [["pr-summary"], ["validate"], ["build"], ["test"]]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for (target,) in (targets for targets in called if targets):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
    summary = next(script for script in runs(pr) if "pr-summary" in script)
    assert "make --silent pr-summary BASE=HEAD^1 HEAD=HEAD > pr-kommentar/comment.md" in summary
    assert 'cat pr-kommentar/comment.md >> "$GITHUB_STEP_SUMMARY"' in summary


def test_summary_and_preview_are_uploaded(pr):
    uploads = {step["with"]["name"]: step for step in steps(pr) if "upload-artifact" in step.get("uses", "")}
    assert {name: step["with"]["path"] for name, step in uploads.items()} == {
        "pr-kommentar": "pr-kommentar/", "webbplats-forhandsvisning": "site/",
    }
    assert uploads["pr-kommentar"]["if"] == "${{ !cancelled() }}"  # also when a check failed


def test_yaml_files_for_github_follow_the_house_style():
    config = YamlLintConfig(file=str(REPO / ".yamllint.yml"))
    files = [*(REPO / ".github").rglob("*.yml"), REPO / ".pre-commit-config.yaml"]
    for path in files:
        problems = list(linter.run(path.read_text(encoding="utf-8"), config))
        assert problems == [], (path, problems)


def test_pre_commit_runs_the_validator_and_yamllint():
    config = load(REPO / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["strategi"]["entry"] == "scripts/validate"
    assert hooks["strategi"]["pass_filenames"] is False
    assert re.match(hooks["strategi"]["files"], "strategy/goals/goda-livsvillkor.yml")
    assert hooks["yamllint"]["entry"] == "yamllint --strict"
    pinned = dict(dep.split("==") for dep in hooks["yamllint"]["additional_dependencies"])
    requirements = (REPO / "requirements-dev.txt").read_text() + (REPO / "requirements.txt").read_text()
    for name, version in pinned.items():
        assert f"{name}=={version}\n" in requirements


def test_issue_forms_and_codeowners():
    forms = {path.name: load(path) for path in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml")}
    assert forms["config.yml"]["blank_issues_enabled"] is False
    assert forms["forslag-till-andring.yml"]["name"] == "Förslag till ändring"
    assert forms["fel-pa-webbplatsen.yml"]["name"] == "Fel på webbplatsen"
    for name in ("forslag-till-andring.yml", "fel-pa-webbplatsen.yml"):
        ids = [field.get("id") for field in forms[name]["body"] if field["type"] != "markdown"]
        assert len(ids) == len(set(ids)) and all(ids)
    owners = {
        line.split()[0]: line.split()[1:] for line in (REPO / ".github" / "CODEOWNERS").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    folders = {path.name for path in (REPO / "strategy").iterdir() if path.is_dir()}
    assert {f"/strategy/{folder}/" for folder in folders} <= set(owners)


# --- The comment step, run against a stand-in for gh ----------------------------------------

FAKE_GH = """#!{python}
# Stand-in for GitHub's gh: answers "gh api" from files, logs every call, applies --jq with jq.
import json, os, subprocess, sys
from pathlib import Path
state = Path(os.environ["FAKE_GH"])
args = sys.argv[1:]
assert args.pop(0) == "api", args
method, query, body, endpoint = "GET", None, None, None
while args:
    arg = args.pop(0)
    if arg == "--method":
        method = args.pop(0)
    elif arg == "--jq":
        query = args.pop(0)
    elif arg == "--input":
        args.pop(0)
        body = json.load(sys.stdin)
    elif arg != "--paginate":
        endpoint = arg
with open(state / "calls.jsonl", "a") as log:
    log.write(json.dumps({{"method": method, "endpoint": endpoint, "body": body}}) + "\\n")
answer = state / (method + " " + endpoint.replace("/", "_"))
raw = answer.read_bytes() if answer.exists() else b"{{}}"
if query:
    raw = subprocess.run(["jq", "-r", query], input=raw, capture_output=True, check=True).stdout
sys.stdout.buffer.write(raw)
"""


def run_comment_step(tmp_path: Path, comment: dict, *, pr_number: str, pull_head: str, comments: list,
                     conclusion: str = "success", extra_entries: dict | None = None) -> tuple[int, list[dict]]:
    for tool in ("jq", "unzip"):  # on GitHub's runners; on Debian: apt-get install jq unzip
        assert shutil.which(tool), f"{tool} is missing: apt-get install {tool}"
    state, bin_dir, temp = tmp_path / "gh", tmp_path / "bin", tmp_path / "runner-temp"
    for folder in (state, bin_dir, temp):
        folder.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable))
    gh.chmod(0o755)

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("comment.md", "## Kontroll av strategin\n\n✅ **Strategin är giltig:** 3 mål.\n")
        zipped.writestr("pr-number", pr_number + "\n")
        for name, text in (extra_entries or {}).items():
            zipped.writestr(name, text)
    answers = {
        "GET repos_o_r_actions_runs_77_artifacts": json.dumps({"artifacts": [{"id": 5, "name": "pr-kommentar"}]}),
        "GET repos_o_r_actions_artifacts_5_zip": archive.getvalue(),
        f"GET repos_o_r_pulls_{pr_number.strip()}": json.dumps({"head": {"sha": pull_head}}),
        f"GET repos_o_r_issues_{pr_number.strip()}_comments": json.dumps(comments),
    }
    for name, content in answers.items():
        if "/" not in name:
            (state / name).write_bytes(content if isinstance(content, bytes) else content.encode())

    (script,) = [step["run"] for step in comment["jobs"]["comment"]["steps"]]
    (tmp_path / "step.sh").write_text(script)
    env = {
        **os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "FAKE_GH": str(state),
        "RUNNER_TEMP": str(temp), "GH_TOKEN": "x", "REPO": "o/r", "RUN_ID": "77", "HEAD_SHA": "a" * 40,
        "CONCLUSION": conclusion, "RUN_URL": "https://github.example/o/r/actions/runs/77",
    }
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(tmp_path / "step.sh")],
                            env=env, cwd=tmp_path, capture_output=True, text=True, check=False)
    log = state / "calls.jsonl"
    calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return result.returncode, calls


def writes(calls: list[dict]) -> list[tuple[str, str]]:
    return [(call["method"], call["endpoint"]) for call in calls if call["method"] != "GET"]


def test_comment_is_created_once_with_the_trusted_status_on_top(tmp_path, comment):
    code, calls = run_comment_step(tmp_path, comment, pr_number="42", pull_head="a" * 40, comments=[
        {"id": 3, "user": {"login": "partner"}, "body": MARKER + " en människa kan inte kapa robotens kommentar"},
    ], extra_entries={"../../utanfor.txt": "ska inte packas upp"})
    assert code == 0
    assert writes(calls) == [("POST", "repos/o/r/issues/42/comments")]
    assert calls[-1]["body"]["body"].splitlines() == [
        MARKER,
        "✅ **Alla kontroller gick igenom.** Strategin är giltig, testerna lyckades och webbplatsen gick att bygga.",
        "",
        "Webbplatsen med förslaget finns att ladda ned som zip-fil under *Artifacts* i "
        "[körningen](https://github.example/o/r/actions/runs/77).",
        "",
        "## Kontroll av strategin",
        "",
        "✅ **Strategin är giltig:** 3 mål.",
    ]
    assert not (tmp_path / "utanfor.txt").exists() and not (tmp_path.parent / "utanfor.txt").exists()


def test_the_bots_own_comment_is_updated_not_duplicated(tmp_path, comment):
    code, calls = run_comment_step(tmp_path, comment, pr_number="42", pull_head="a" * 40, conclusion="failure",
                                   comments=[{"id": 9, "user": {"login": "github-actions[bot]"}, "body": MARKER + "\ngammal"}])
    assert code == 0
    assert writes(calls) == [("PATCH", "repos/o/r/issues/comments/9")]
    assert calls[-1]["body"]["body"].splitlines()[1] == (
        "❌ **Minst en kontroll misslyckades.** Läs mer nedan och i [körningen](https://github.example/o/r/actions/runs/77)."
    )


@pytest.mark.parametrize("number", ["42; touch pwned", "../1", "0", "-1", "12345678901"])
def test_a_malformed_pull_request_number_is_refused(tmp_path, comment, number):
    code, calls = run_comment_step(tmp_path, comment, pr_number=number, pull_head="a" * 40, comments=[])
    assert code == 1
    assert writes(calls) == [] and not any("pulls" in call["endpoint"] for call in calls)
    assert not (tmp_path / "pwned").exists()


def test_no_comment_when_the_pull_request_has_moved_on(tmp_path, comment):
    code, calls = run_comment_step(tmp_path, comment, pr_number="42", pull_head="b" * 40, comments=[])
    assert code == 0
    assert writes(calls) == []


def test_publishing_runs_the_release_command_on_tags_and_the_draft_on_main():
    publish = load(WORKFLOWS / "publish.yml")
    assert publish["on"] == {"push": {"branches": ["main"], "tags": ["v*"]}}
    assert publish["permissions"] == {}
    assert publish["concurrency"]["cancel-in-progress"] is False
    job = publish["jobs"]["publish"]
    assert job["permissions"] == {"contents": "write"}
    steps = job["steps"]
    assert all(FULL_SHA.match(step["uses"]) for step in steps if "uses" in step)
    assert steps[0]["with"]["fetch-depth"] == 0
    runs = {step["name"]: (step.get("if"), step.get("run")) for step in steps if "run" in step}
    assert runs["Publicera den antagna versionen"] == (
        "startsWith(github.ref, 'refs/tags/v')", 'make release YEAR="${TAG#v}" ARGS=--from-tag'
    )
    assert runs["Publicera utkastet"] == ("github.ref == 'refs/heads/main'", "make draft")
