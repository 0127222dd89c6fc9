"""Publish versions of the site with mike: an adopted annual version (``/<year>/``, tagged
``vYEAR``, becomes the version in force) or the draft from ``main`` (``/utkast/``).

An adopted version is never overwritten: the release refuses a dirty tree, an invalid strategy,
a year without an adopting decision, a year that is already tagged or deployed and a year
earlier than the latest. Nothing is published that is not on ``main``: what is there was reviewed
(see :func:`_main_ref` for which ``main``). Works against any git remote, including a local bare
repository.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.model import RegionalStrategy
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.reading.git import run_git
from strategy_as_code.reading.loader import load_strategy
from strategy_as_code.reading.versions import (
    DRAFT_VERSION,
    IN_FORCE_ALIAS,
    TAG_PREFIX,
    adopted_versions,
    is_year,
    repository_of,
)
from strategy_as_code.render.environment import environment

IN_FORCE_SUFFIX = " – gällande"
DRAFT_TITLE = "Utkast – ej antagen"
MAIN_BRANCH = "main"
"""The reviewed branch: pull requests are merged into it, and only its commits are published."""


class ReleaseRefused(Exception):
    """The release was refused before anything was published; the message says why, in Swedish."""


@dataclass(frozen=True)
class Target:
    """Where versions are published: a git remote and the branch mike writes to."""

    repo: Path
    remote: str = "origin"
    branch: str = "gh-pages"
    config_file: str = "mkdocs.yml"


def _tool(name: str) -> str:
    """mike and mkdocs from the same environment as this Python, whatever PATH says."""
    return str(Path(sys.executable).parent / name)


def _environment(version: str, status: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["RUS_VERSION"] = version
    env["RUS_VERSION_STATUS"] = status
    return env


def _mike(target: Target, *args: str, env: dict[str, str]) -> None:
    command = [
        _tool("mike"), *args[:1], "--config-file", target.config_file, "--remote", target.remote,
        "--branch", target.branch, "--push", *args[1:],
    ]
    result = subprocess.run(command, cwd=target.repo, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ReleaseRefused(
            f"Publiceringen med mike misslyckades:\n{result.stdout}{result.stderr}".rstrip()
            + "\nInget nytt har publicerats på grenen " + target.branch + "."
        )


def _run_git(repo: Path, *args: str) -> str:
    result = run_git(repo, *args)
    if result.returncode != 0:
        raise ReleaseRefused(f"Kommandot git {' '.join(args)} misslyckades:\n{result.stderr.strip()}")
    return result.stdout


def _check_repository(repo: Path) -> None:
    if repository_of(repo) is None:
        raise ReleaseRefused(
            f"Mappen {repo} är inte en arbetskopia av ett git-förråd, eller så saknas programmet git.\n"
            "En version publiceras från en klon av strategins förråd, där taggarna och grenen main finns. "
            "Klona förrådet med git clone och kör kommandot i den klonen."
        )


def _check_clean(repo: Path) -> None:
    status = _run_git(repo, "status", "--porcelain", "--untracked-files=all")
    if status.strip():
        lines = status.splitlines()
        files = "\n".join(f"  {line}" for line in lines[:20])
        if len(lines) > 20:
            files += f"\n  … och {len(lines) - 20} filer till"
        raise ReleaseRefused(
            "Arbetskopian har ändringar som inte är incheckade:\n"
            f"{files}\n"
            "En version publiceras bara från det som är granskat och incheckat. "
            "Checka in eller ta bort ändringarna och försök igen."
        )


def _check_valid(repo: Path) -> RegionalStrategy:
    try:
        return load_strategy(repo / STRATEGY_FOLDER)
    except StrategyInvalid as invalid:
        raise ReleaseRefused(invalid.report()) from None


def _fetch(target: Target) -> None:
    """Bring tags and the published branch up to date, so that a version released from another
    machine is seen (and never overwritten)."""
    run_git(target.repo, "fetch", "--quiet", "--tags", target.remote)
    remote_branch = run_git(target.repo, "ls-remote", "--heads", target.remote, target.branch).stdout
    if remote_branch.strip():
        _run_git(target.repo, "fetch", "--quiet", target.remote, f"+{target.branch}:{target.branch}")


def _main_ref(target: Target) -> str:
    """``main`` as the remote has it (just fetched) when the clone knows the remote's branches,
    as in CI; otherwise the local ``main``. The remote's comes first because that is what was
    reviewed and merged: a local ``main`` may hold commits nobody else has seen."""
    for ref in (f"refs/remotes/{target.remote}/{MAIN_BRANCH}", f"refs/heads/{MAIN_BRANCH}"):
        if run_git(target.repo, "rev-parse", "--verify", "--quiet", ref).returncode == 0:
            return ref
    raise ReleaseRefused(
        f"Grenen {MAIN_BRANCH} finns varken på {target.remote} eller i den här klonen, så det går inte att se om "
        f"det som ska publiceras är granskat. Hämta den med git fetch {target.remote} {MAIN_BRANCH} och försök igen."
    )


def _check_on_main(target: Target, commit: str, *, tag: str | None = None) -> None:
    """Refuse ``commit`` (HEAD, or what ``tag`` points at) unless it is on ``main``."""
    ref = _main_ref(target)
    branch = ref.removeprefix("refs/remotes/").removeprefix("refs/heads/")
    result = run_git(target.repo, "merge-base", "--is-ancestor", commit, ref)
    if result.returncode == 0:
        return
    if result.returncode != 1:
        raise ReleaseRefused(f"git kunde inte jämföra {commit[:7]} med {branch}:\n{result.stderr.strip()}")
    if tag:
        raise ReleaseRefused(
            f"Taggen {tag} pekar på incheckningen {commit[:7]}, som inte finns på grenen {branch}. "
            f"Bara det som är granskat och incheckat på {MAIN_BRANCH} kan bli en antagen version.\n"
            f"Slå ihop ändringarna med {MAIN_BRANCH} genom en pull request, ta bort taggen "
            f"(git push {target.remote} :refs/tags/{tag}) och tagga sedan incheckningen på {MAIN_BRANCH}."
        )
    raise ReleaseRefused(
        f"Incheckningen du står på ({commit[:7]}) finns inte på grenen {branch}. Bara det som är granskat och "
        f"incheckat på {MAIN_BRANCH} publiceras.\n"
        f"Byt till {MAIN_BRANCH} med git switch {MAIN_BRANCH}, hämta det senaste med git pull och försök igen."
    )


def deployed_versions(target: Target) -> list[dict]:
    """The entries of ``versions.json`` on the published branch (empty before the first release)."""
    result = run_git(target.repo, "show", f"{target.branch}:versions.json")
    return json.loads(result.stdout) if result.returncode == 0 else []


def _write_root_files(target: Target, site_url: str) -> None:
    """mike writes no root 404.html; GitHub Pages serves it for every missing path, so a page
    missing in one version sends the reader to the same page in the version in force."""
    page = environment().get_template("site/404.html.j2").render(
        site_url=site_url, in_force=IN_FORCE_ALIAS, draft=DRAFT_VERSION
    )
    with tempfile.TemporaryDirectory() as folder:
        worktree = Path(folder) / "pages"
        _run_git(target.repo, "worktree", "add", "--quiet", str(worktree), target.branch)
        try:
            (worktree / "404.html").write_text(page, encoding="utf-8")
            _run_git(worktree, "add", "404.html")
            if run_git(worktree, "diff", "--cached", "--quiet").returncode != 0:
                _run_git(worktree, "commit", "--quiet", "-m", "Sida för adresser som inte finns")
        finally:
            run_git(target.repo, "worktree", "remove", "--force", str(worktree))
    _run_git(target.repo, "push", "--quiet", target.remote, target.branch)


def _site_url(target: Target) -> str:
    text = (target.repo / target.config_file).read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", text, re.MULTILINE)
    return match.group(1).strip("'\"") if match else ""


def release(target: Target, year: str, *, from_tag: bool = False) -> str:
    """Adopt ``year``: tag, build, deploy, move the in-force alias. Returns a Swedish summary.

    ``from_tag`` is for CI after staff pushed the tag ``vYEAR``: the tag must point at HEAD; it
    deploys if the version is not yet published and otherwise does nothing.
    """
    if not (is_year(year) and year >= "2000"):
        raise ReleaseRefused(
            f'"{year}" är inget giltigt årtal för en version. Ange året med fyra siffror 0–9, från 2000, t.ex. 2026.'
        )
    repo = target.repo
    _check_repository(repo)
    _check_clean(repo)
    strategy = _check_valid(repo)
    decision = strategy.adoption_of_version(int(year))
    if decision is None:
        raise ReleaseRefused(
            f"Inget beslut i strategy/decisions/ anger version: {year}.\n"
            f"Lägg först till beslutet som antog {year} års version (organ, datum, diarienummer) med raden "
            f'"version: {year}", låt det granskas och checka in det. Släpp sedan versionen.'
        )
    _fetch(target)
    tag = f"{TAG_PREFIX}{year}"
    head = _run_git(repo, "rev-parse", "HEAD").strip()
    if from_tag:
        tagged_commit = run_git(repo, "rev-parse", "--verify", "--quiet", f"{tag}^{{commit}}").stdout.strip()
        if tagged_commit != head:
            raise ReleaseRefused(f"Taggen {tag} finns inte eller pekar inte på den incheckning som ska publiceras.")
    _check_on_main(target, head, tag=tag if from_tag else None)
    tagged = {v.year for v in adopted_versions(repo)}
    deployed = {int(v["version"]) for v in deployed_versions(target) if is_year(str(v["version"]))}
    if from_tag:
        if int(year) in deployed:
            return f"Version {year} är redan publicerad från taggen {tag}; inget att göra."
        tagged.discard(int(year))
    if int(year) in tagged | deployed:
        where = "taggad" if int(year) in tagged else "publicerad"
        raise ReleaseRefused(
            f"Version {year} är redan {where}. En antagen version skrivs aldrig över.\n"
            "Om en publicerad version innehåller ett fel som måste rättas, gör det medvetet och spårbart:\n"
            f"  1. Fatta ett nytt beslut om rättelsen och lägg in det i strategy/decisions/.\n"
            f"  2. Ta bort den publicerade versionen: mike delete --push {year}\n"
            f"  3. Ta bort taggen lokalt och på servern: git tag -d {TAG_PREFIX}{year} && "
            f"git push {target.remote} :refs/tags/{TAG_PREFIX}{year}\n"
            f"  4. Kör scripts/release {year} igen."
        )
    latest = max(tagged | deployed, default=None)
    if latest is not None and int(year) < latest:
        raise ReleaseRefused(
            f"Version {year} är äldre än den senaste antagna versionen, {latest}. "
            "Versioner släpps i ordning; ange ett år som är senare än "
            f"{latest}."
        )
    previous = next((v for v in deployed_versions(target) if IN_FORCE_ALIAS in v.get("aliases", [])), None)
    if not from_tag:
        _run_git(repo, "tag", "-a", tag, "-m",
                 f"Antagen version {year}\n\n{decision.body} {decision.date}, diarienummer {decision.diarienummer}")
    env = _environment(year, "antagen")
    try:
        _mike(target, "deploy", "--update-aliases", "--alias-type", "redirect", "--title",
              f"{year}{IN_FORCE_SUFFIX}", year, IN_FORCE_ALIAS, env=env)
    except ReleaseRefused:
        if not from_tag:
            run_git(repo, "tag", "-d", tag)  # nothing was published, so nothing is adopted
        raise
    _run_git(repo, "push", "--quiet", target.remote, tag)
    # The version is published and tagged; what follows only tidies titles and root pages and
    # can be repeated safely if it fails.
    if previous and previous["version"] != year:
        _mike(target, "retitle", previous["version"], previous["version"], env=env)
    _mike(target, "set-default", IN_FORCE_ALIAS, env=env)
    _write_root_files(target, _site_url(target))
    return (
        f"Version {year} är publicerad på /{year}/ och är nu gällande version (/{IN_FORCE_ALIAS}/). "
        f"Taggen {tag} är skapad och skickad till {target.remote}."
    )


def publish_draft(target: Target) -> str:
    """Deploy the working tree, which must be on ``main``, as the draft ``/utkast/``."""
    _check_repository(target.repo)
    _check_clean(target.repo)
    _check_valid(target.repo)
    _fetch(target)
    head = _run_git(target.repo, "rev-parse", "HEAD").strip()
    _check_on_main(target, head)
    env = _environment(DRAFT_VERSION, "utkast")
    _mike(target, "deploy", "--title", DRAFT_TITLE, DRAFT_VERSION, env=env)
    if not any(IN_FORCE_ALIAS in v.get("aliases", []) for v in deployed_versions(target)):
        _mike(target, "set-default", DRAFT_VERSION, env=env)  # until a version is adopted
    _write_root_files(target, _site_url(target))
    return f"Utkastet är publicerat på /{DRAFT_VERSION}/."
