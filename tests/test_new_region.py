"""`make new-region`: a copy of the project with the example becomes a clean, valid start for a
real region; it refuses a real strategy, suggests on a typo, and never prompts in CI."""

from __future__ import annotations

import datetime
import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from strategy_as_code import load_strategy, regions
from strategy_as_code.cli import new_region
from strategy_as_code.followup import Status, assess
from strategy_as_code.publishing import starter
from strategy_as_code.publishing.accessibility import publishing_problems
from strategy_as_code.reading.loader import load_files
from support import EXAMPLE, REPO, build, copy_project

OLD_NAMES = re.compile(r"sj[öo]land", re.IGNORECASE)
PARTNER_FILES = REPO / "tests" / "fixtures" / "partner-files"
"""CODEOWNERS, the issue forms and CONTRIBUTING.md as they were with the example."""
TOUCHED = ("strategy", "mkdocs.yml", ".github", "CONTRIBUTING.md", "docs")
"""What the command may write; none of it may still name the example's region afterwards."""


@pytest.fixture(scope="module")
def sweden() -> regions.Sweden:
    return regions.load()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project as a fresh clone has it: the site, the Sjöland example and the files
    partners read. The example and those files are frozen copies, so the tests hold in a fork too."""
    target = tmp_path / "fork"
    target.mkdir()
    copy_project(target)
    shutil.rmtree(target / "strategy")
    shutil.copytree(EXAMPLE, target / "strategy")
    shutil.copytree(PARTNER_FILES / "github", target / ".github")
    shutil.copy(PARTNER_FILES / "CONTRIBUTING.md", target / "CONTRIBUTING.md")
    return target


def run(project: Path, *args: str, ci: bool = True) -> subprocess.CompletedProcess:
    """The command as CI runs it: stdin not a terminal; without CI in the environment if asked."""
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "strategy_as_code.cli.new_region", *args, "--root", str(project)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env, check=False, timeout=120,
    )


def files_naming_the_example(project: Path) -> list[str]:
    found = []
    for name in TOUCHED:
        path = project / name
        for file in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
            for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                if OLD_NAMES.search(line):
                    found.append(f"{file.relative_to(project)}:{number}: {line}")
    return found


def snapshot(project: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(project)): path.read_bytes()
        for name in TOUCHED for path in ([project / name] if (project / name).is_file() else (project / name).rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(("typed", "code", "municipalities"), [
    ("Region Gävleborg", "21", 10),
    ("09", "09", 1),
    ("västra götaland", "14", 49),
])
def test_a_region_gets_a_valid_start_with_its_municipalities_and_county_board(project, sweden, typed, code, municipalities):
    done = run(project, typed)
    assert done.returncode == 0, done.stderr
    county = sweden.county(code)
    assert done.stdout.startswith(f"Klart: strategy/ är nu en ny start för {county.label}.\n")

    strategy = load_strategy(project / "strategy")
    assert str(strategy.settings.region) == county.region
    assert strategy.settings.example is False
    assert publishing_problems(strategy) == []  # the accessibility statement is there
    partners = strategy.all("partners")
    kommuner = {p.kommunkod: str(p.name) for p in partners if p.type == "kommun"}
    assert len(kommuner) == municipalities
    assert kommuner == {m.code: m.organisation for m in county.municipalities}
    assert [str(p.name) for p in partners if p.type == "länsstyrelse"] == [county.county_board]
    assert files_naming_the_example(project) == []


def test_gotland_is_one_partner_that_is_both_municipality_and_region(project):
    assert run(project, "Gotland").returncode == 0
    partners = load_strategy(project / "strategy").all("partners")
    assert sorted((str(p.name), p.type, p.kommunkod) for p in partners) == [
        ("Länsstyrelsen i Gotlands län", "länsstyrelse", None), ("Region Gotland", "kommun", "0980"),
    ]


def test_the_start_has_one_placeholder_goal_and_only_what_the_validator_requires(project):
    assert run(project, "21").returncode == 0
    strategy = load_strategy(project / "strategy")
    counts = {kind: len(strategy.all(kind)) for kind in
              ("goals", "strategies", "indicators", "decisions", "actions", "principles", "success_factors")}
    assert counts == {"goals": 1, "strategies": 1, "indicators": 1, "decisions": 1, "actions": 0, "principles": 0,
                      "success_factors": 0}
    (goal,), (indicator,), (decision,) = strategy.all("goals"), strategy.all("indicators"), strategy.all("decisions")
    assert str(goal.name).startswith("FYLL I:")
    assert str(decision.title).startswith("FYLL I:") and decision.diarienummer == "FYLL I"
    assert "inget beslut" in str(decision.summary)
    # No figure at all: no baseline, no target, no measured values; the page says the state
    # cannot be assessed, and the file says what to add.
    assert indicator.values == () and indicator.baseline is None and indicator.target is None
    assert assess(indicator).status is Status.NOT_ASSESSABLE
    text = (project / "strategy" / "indicators" / "fyll-i-indikator.yml").read_text(encoding="utf-8")
    assert "Inga siffror är påhittade här." in text
    accessibility = yaml.safe_load((project / "strategy" / "strategy.yml").read_text(encoding="utf-8"))["accessibility"]
    assert accessibility["assessment"]["method"].startswith("**FYLL I:**")
    assert accessibility["contact"]["email"] == starter.PLACEHOLDER_EMAIL


def test_the_starting_files_pass_yamllint_like_every_pull_request(project):
    assert run(project, "21").returncode == 0
    lint = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-c", str(REPO / ".yamllint.yml"), "strategy"],
        cwd=project, capture_output=True, text=True, check=False,
    )
    assert lint.returncode == 0, lint.stdout


def test_every_one_of_the_21_regions_gets_a_valid_start(sweden):
    start = starter.Start(datetime.date(2027, 1, 15), 2027, 2037)
    for county in sweden.counties:
        files = {path: text.encode() for path, text in starter.starter_files(county, start).items()}
        strategy = load_files(files)
        kommuner = sorted(p.kommunkod for p in strategy.all("partners") if p.type == "kommun")
        assert kommuner == [m.code for m in county.municipalities], county.region
        assert not any(OLD_NAMES.search(text.decode()) for text in files.values())


def test_mkdocs_yml_changes_in_its_four_keys_only(project):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    done = run(project, "Region Gävleborg", "--site-url", "https://rus.example.se", "--repo-url",
               "https://github.com/region-gavleborg/rus")
    assert done.returncode == 0, done.stderr
    after = (project / "mkdocs.yml").read_text(encoding="utf-8")
    keys = re.compile(r"(site_name|site_url|repo_url|copyright):")
    assert [line for line in after.splitlines(keepends=True) if not keys.match(line)] == [
        line for line in before.splitlines(keepends=True) if not keys.match(line)
    ]
    assert [line for line in after.splitlines() if keys.match(line)] == [
        "site_name: Regional utvecklingsstrategi för Gävleborgs län",
        "site_url: https://rus.example.se/",
        "repo_url: https://github.com/region-gavleborg/rus",
        "copyright: Region Gävleborg",
    ]
    codeowners = (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/strategy/goals/            @region-gavleborg/rus-ledning\n" in codeowners
    settings = (project / "strategy" / "strategy.yml").read_text(encoding="utf-8")
    assert ("Teamen är förslag för Region Gävleborg:\n# skapa dem i organisationen region-gavleborg på GitHub, "
            "eller byt till era egna konton och team.\n") in settings
    assert '  goals: ["@region-gavleborg/rus-ledning"]\n' in settings
    config = yaml.safe_load((project / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["contact_links"][0]["url"] == "https://rus.example.se/"
    assert "Region Gävleborg" in config["contact_links"][0]["about"]
    form = (project / ".github" / "ISSUE_TEMPLATE" / "forslag-till-andring.yml").read_text(encoding="utf-8")
    assert "placeholder: Till exempel Gävle kommun" in form


def test_the_repository_address_comes_from_origin_on_github(project):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run(["git", "-C", str(project), "remote", "add", "origin", "git@github.com:region-gavleborg/rus.git"],
                   check=True)
    assert run(project, "21").returncode == 0
    assert "repo_url: https://github.com/region-gavleborg/rus\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "@region-gavleborg/rus-forvaltning" in (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


def test_the_built_site_names_the_region_and_lists_its_municipalities_and_never_the_example(project, sweden):
    assert run(project, "Region Gävleborg", "--repo-url", "https://github.com/region-gavleborg/rus").returncode == 0
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Regional utvecklingsstrategi för Gävleborgs län" in home
    assert "Region Gävleborg" in home
    assert "rus-announce" not in home  # a real region's site is no example
    partners = (site / "aktorer" / "index.html").read_text(encoding="utf-8")
    for municipality in sweden.county("21").municipalities:
        assert municipality.organisation in partners and municipality.code in partners
    mentions = [
        str(path.relative_to(site)) for path in site.rglob("*")
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".js", ".txt")
        and OLD_NAMES.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert mentions == []


def test_a_real_strategy_is_refused_without_force(project):
    settings = project / "strategy" / "strategy.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("example: true", "example: false"), encoding="utf-8")
    before = snapshot(project)
    done = run(project, "21")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(
        "strategy/strategy.yml är en riktig strategi, inte exemplet: där står inte example: true. "
        "Kommandot skriver inte över den.\n"
    )
    assert "kör igen med --force" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(project) == before
    assert run(project, "21", "--force").returncode == 0
    assert str(load_strategy(project / "strategy").settings.region) == "Region Gävleborg"


def test_the_start_itself_counts_as_real_so_a_second_run_needs_force(project):
    assert run(project, "21").returncode == 0
    assert run(project, "09").returncode == 2
    assert run(project, "09", "--force").returncode == 0
    assert files_naming_the_example(project) == []


def test_a_typo_is_answered_with_a_suggestion_and_changes_nothing(project):
    before = snapshot(project)
    done = run(project, "Gävlebrog")
    assert done.returncode == 2
    assert done.stderr == (
        'Det finns ingen region som heter "Gävlebrog". Menade du Region Gävleborg (Gävleborgs län, länskod 21)? '
        'Skriv till exempel REGION="Region Gävleborg".\n'
    )
    assert snapshot(project) == before


def test_bad_options_get_swedish_messages_not_tracebacks(project):
    done = run(project, "21", "--site-url", "rus.region.se")
    assert (done.returncode, done.stderr) == (2, "--site-url ska vara en webbadress som börjar med https://, inte 'rus.region.se'.\n")
    done = run(project, "21", "--sajt")
    assert done.returncode == 2
    assert "fel: okända argument: --sajt" in done.stderr
    done = run(project.parent / "nowhere", "21")
    assert done.returncode == 2 and done.stderr.startswith("Hittar inte mkdocs.yml i ")


def _on_a_terminal(project: Path, *args: str, ci: bool, answers: list[str]) -> tuple[int, str]:
    """Run the command with a pseudo-terminal as stdin and stdout, answering its questions in order."""
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    if ci:
        env["CI"] = "true"
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "strategy_as_code.cli.new_region", *args, "--root", str(project)],
        stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True,
    )
    os.close(follower)
    output, pending = b"", list(answers)
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=60)
    while datetime.datetime.now() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the command has exited and closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if pending and output.rstrip().endswith((b"[j/n]", b"21):")):
                os.write(leader, pending.pop(0).encode() + b"\n")
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(leader)
    return process.returncode, output.decode("utf-8", "replace").replace("\r\n", "\n")


def test_in_ci_it_never_asks_even_on_a_terminal(project):
    code, output = _on_a_terminal(project, ci=True, answers=[])
    assert code == 2
    assert "Vilken region" not in output
    assert output.startswith('Ange vilken region strategin gäller, till exempel make new-region REGION="Region Gävleborg"')


def test_on_a_terminal_it_asks_which_region_suggests_and_confirms(project):
    code, output = _on_a_terminal(project, ci=False, answers=["Gävlebrog", "j", "j"])
    assert code == 0, output
    assert new_region.QUESTION_REGION.strip() in output
    assert 'Menade du Region Gävleborg (Gävleborgs län, länskod 21)? [j/n]' in output
    assert "Allt i strategy/ (exemplet Region Sjöland) ersätts med en ny start för Region Gävleborg" in output
    assert str(load_strategy(project / "strategy").settings.region) == "Region Gävleborg"


def test_saying_no_changes_nothing(project):
    before = snapshot(project)
    code = new_region.main(["21", "--root", str(project)], ask=lambda _question: "n", interactive=True)
    assert code == 1
    assert snapshot(project) == before


def test_yes_skips_the_question(project):
    def never(question: str) -> str:
        raise AssertionError(f"asked: {question}")

    assert new_region.main(["21", "--yes", "--root", str(project)], ask=never, interactive=True) == 0


def test_make_new_region_passes_a_name_with_spaces_and_swedish_letters(project):
    for name in ("Makefile", "scripts", "requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name, copy_function=shutil.copy2)
        else:
            shutil.copy2(source, project / name)
    (project / ".venv").symlink_to(REPO / ".venv")
    done = subprocess.run(
        ["make", "--silent", "new-region", "REGION=Region Gävleborg"], cwd=project, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, env={**os.environ, "CI": "true"}, check=False, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert str(load_strategy(project / "strategy").settings.region) == "Region Gävleborg"


def test_yaml_scalars_read_back_as_written():
    for text in ("FYLL I: målets namn", "**FYLL I:** text", "Region Gävleborg", "0114", "true", "a # b", "x: y"):
        assert yaml.safe_load(f"k: {starter.scalar(text)}") == {"k": text}
    assert starter.scalar("Region Gävleborg") == "Region Gävleborg"
    assert starter.slug("Upplands-Bro kommun") == "upplands-bro-kommun"
    assert starter.slug("Länsstyrelsen i Västra Götalands län") == "lansstyrelsen-i-vastra-gotalands-lan"
