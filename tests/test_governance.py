"""`make governance`: CODEOWNERS, the issue forms' contact link, the pull-request template and the
region's lines in CONTRIBUTING.md are written from strategy.yml; `--check` names each file that has
drifted and the command that fixes it; text from strategy.yml stays text in GitHub's Markdown and
YAML. The repository's own files match whatever its strategy/ holds."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from strategy_as_code.kinds import KINDS, folder_of
from support import EXAMPLE, REPO

GOVERNED = (".github/CODEOWNERS", ".github/ISSUE_TEMPLATE/config.yml", ".github/PULL_REQUEST_TEMPLATE.md",
            "CONTRIBUTING.md")


def governance(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "strategy_as_code.cli.governance", *args, "--root", str(root)],
        capture_output=True, text=True, check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The example with the repository's governed files, written from the example's settings."""
    shutil.copytree(EXAMPLE, tmp_path / "strategy")
    shutil.copytree(REPO / ".github", tmp_path / ".github")
    shutil.copy(REPO / "CONTRIBUTING.md", tmp_path / "CONTRIBUTING.md")
    assert governance(tmp_path).returncode == 0
    return tmp_path


def edit_settings(project: Path, old: str, new: str) -> None:
    settings = project / "strategy" / "strategy.yml"
    text = settings.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    settings.write_text(text.replace(old, new), encoding="utf-8")


def test_the_repositorys_own_files_match_its_strategy():
    """Whatever strategy/ holds: a fork that changes its owners or contact runs make governance."""
    done = governance(REPO, "--check")
    assert done.returncode == 0, done.stderr


def test_codeowners_gives_every_folder_its_reviewers(project):
    lines = (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = {line.split()[0]: line.split()[1:] for line in lines if line.strip() and not line.startswith("#")}
    assert rules["*"] == ["@region-sjoland/rus-forvaltning"]
    assert rules["/strategy/strategy.yml"] == ["@region-sjoland/rus-ledning"]
    assert rules["/strategy/indicators/"] == ["@region-sjoland/analys-och-uppfoljning"]
    assert rules["/.github/"] == rules["/schemas/"] == ["@region-sjoland/rus-forvaltning"]
    assert {f"/strategy/{folder.name}/" for folder in EXAMPLE.iterdir() if folder.is_dir()} <= set(rules)
    # The last matching line wins on GitHub: the catch-all comes first.
    assert next(line for line in lines if line and not line.startswith("#")).startswith("* ")


def test_a_drifted_file_is_named_with_the_command_that_fixes_it(project):
    edit_settings(project, 'indicators: ["@region-sjoland/analys-och-uppfoljning"]',
                  'indicators: ["@region-sjoland/statistik", "@anna-analytiker"]')
    (project / ".github" / "PULL_REQUEST_TEMPLATE.md").write_text("Egen mall\n", encoding="utf-8")
    check = governance(project, "--check")
    assert check.returncode == 1
    assert check.stderr.splitlines() == [
        f"{path} stämmer inte med strategy/strategy.yml. Skriv filen på nytt med make governance "
        "(eller scripts/governance) och checka in den."
        for path in (".github/CODEOWNERS", ".github/PULL_REQUEST_TEMPLATE.md", "CONTRIBUTING.md")
    ]
    written = governance(project)
    assert written.stdout == "Skrev .github/CODEOWNERS, .github/PULL_REQUEST_TEMPLATE.md, CONTRIBUTING.md.\n"
    codeowners = (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/strategy/indicators/       @region-sjoland/statistik @anna-analytiker\n" in codeowners
    contributing = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "| indikatorer | `/strategy/indicators/` | `@region-sjoland/statistik`, `@anna-analytiker` |" in contributing
    assert governance(project, "--check").returncode == 0
    assert governance(project).stdout == "Filerna stämmer redan med strategy.yml.\n"


def test_without_owners_no_one_is_named(project):
    settings = project / "strategy" / "strategy.yml"
    data = settings.read_text(encoding="utf-8")
    start, end = data.index("# Vem som granskar"), data.index("links:")
    settings.write_text(data[:start] + data[end:], encoding="utf-8")
    assert governance(project).returncode == 0
    codeowners = (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert [line for line in codeowners.splitlines() if line and not line.startswith("#")] == []
    assert "# Inga granskare är utsedda ännu: skriv in dem under owners i strategy/strategy.yml." in codeowners
    assert "- En handläggare på regionen granskar ditt förslag.\n" in (project / "CONTRIBUTING.md").read_text(
        encoding="utf-8")


def test_contributing_names_the_contact_and_the_body_that_adopted_the_strategy(project):
    text = " ".join((project / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    assert ("Strategin förvaltas av **Region Sjöland, Regional utveckling**. Frågor om strategin eller om hur du "
            "föreslår en ändring besvaras på [rus@regionsjoland.example](mailto:rus@regionsjoland.example) eller "
            "telefon 010-480 00 00.") in text
    assert ("Strategin antogs av Regionfullmäktige den 15 juni 2021 (diarienummer RS 2020/00412); ändringar "
            "beslutas på samma sätt") in text
    assert "en gång om året" not in text and "årliga" not in text


def test_the_contact_link_needs_an_https_address(project):
    config = yaml.safe_load((project / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["contact_links"] == [{
        "name": "Frågor om strategin", "url": "https://www.regionsjoland.example/rus/",
        "about": "Frågor som inte är förslag eller fel på webbplatsen besvaras av Region Sjöland, Regional "
                 "utveckling (rus@regionsjoland.example).",
    }]
    edit_settings(project, "  url: https://www.regionsjoland.example/rus/\n", "")
    assert governance(project).returncode == 0
    config = yaml.safe_load((project / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config == {"blank_issues_enabled": False, "contact_links": []}


def test_text_from_strategy_yml_stays_text_on_github(project):
    hostile = 'Region [klicka](https://elak.example) **x** --> `kod` | # "citat"'
    edit_settings(project, "  organisation: Region Sjöland\n", f"  organisation: {json.dumps(hostile)}\n")
    assert governance(project).returncode == 0
    contributing = (project / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert ("**Region \\[klicka\\](https://elak.example) \\*\\*x\\*\\* --\\> \\`kod\\` \\| \\# "
            '"citat", Regional utveckling**') in " ".join(contributing.split())
    template = (project / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    first_comment = template[:template.index("-->") + 3]
    assert "Frågor besvarar\nRegion [klicka](https://elak.example) **x** –› `kod` | #" in first_comment
    config = yaml.safe_load((project / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["contact_links"][0]["about"].startswith(f"Frågor som inte är förslag eller fel på webbplatsen "
                                                           f"besvaras av {hostile}, Regional utveckling")


def test_missing_markers_in_contributing_are_named_and_nothing_is_written(project):
    contributing = project / "CONTRIBUTING.md"
    text = contributing.read_text(encoding="utf-8")
    contributing.write_text(text.replace("<!-- SLUT beslut -->", ""), encoding="utf-8")
    edit_settings(project, 'goals: ["@region-sjoland/rus-ledning"]', 'goals: ["@region-sjoland/mal"]')
    before = (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    done = governance(project)
    assert done.returncode == 1
    assert done.stderr == (
        "CONTRIBUTING.md saknar markeringarna för beslut. Raderna mellan <!-- BÖRJAN namn: … --> och "
        "<!-- SLUT namn --> skrivs av make governance; lägg tillbaka markeringarna där raderna ska stå (se hur de "
        "ser ut i mallens CONTRIBUTING.md).\n"
    )
    assert (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == before


def test_an_invalid_strategy_is_reported_and_nothing_is_written(project):
    edit_settings(project, 'goals: ["@region-sjoland/rus-ledning"]', 'goals: ["region-sjoland/rus-ledning"]')
    done = governance(project)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert ('strategy/strategy.yml:38:11: Det 1:a kontot under "owners.goals" har ett ogiltigt värde: texten '
            '"region-sjoland/rus-ledning".\n    Så här rättar du: Ett konto eller team på GitHub inom citattecken: '
            '"@användare" eller "@organisation/team".') in done.stderr
    assert done.stderr.endswith("Filerna skrevs inte: rätta strategin först.\n")


def test_every_folder_of_the_strategy_can_be_given_reviewers():
    schema = json.loads((REPO / "schemas" / "settings.schema.json").read_text(encoding="utf-8"))
    keys = set(schema["properties"]["owners"]["properties"])
    assert {folder_of(kind) for kind in KINDS} | {"default", "settings", "checks"} <= keys
