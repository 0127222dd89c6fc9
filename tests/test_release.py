"""Annual versions published with mike to a gh-pages branch of a bare "remote": two releases,
the alias moved, refusals that change nothing, the draft, and switching version in a browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gitrepo import new_repo
from strategy_as_code.reading.versions import adopted_versions, previous_version
from support import CHROMIUM, CHROMIUM_ARGS, REPO, copy_project, serve


def run(cwd: Path, *command: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=check)


def git(cwd: Path, *args: str) -> str:
    return run(cwd, "git", *args).stdout


def release(work: Path, year: str) -> subprocess.CompletedProcess:
    return run(work, sys.executable, "-m", "strategy_as_code", "release", year, check=False)


def commit(work: Path, message: str) -> None:
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", message)
    git(work, "push", "-q", "origin", "main")


def pages_file(work: Path, path: str) -> str:
    return git(work, "show", f"gh-pages:{path}")


def add_decision(work: Path, year: int, date: str) -> None:
    (work / "strategy" / "decisions" / f"arsversion-{year}.yml").write_text(
        f"id: arsversion-{year}\ntitle: Årlig revidering av RUS 2030 – version {year}\n"
        f"body: Regionala utvecklingsnämnden\ndate: \"{date}\"\ndiarienummer: RUN {year}/00077\n"
        f"version: {year}\nsummary: Nämnden fastställde {year} års version av strategin.\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A staff member's clone with two adopted versions released to a bare remote."""
    root = tmp_path_factory.mktemp("release")
    run(root, "git", "init", "-q", "--bare", "remote.git")
    work = root / "work"
    work.mkdir()
    copy_project(work)
    shutil.copy(REPO / ".gitignore", work / ".gitignore")
    git(work, "init", "-q", "-b", "main")
    git(work, "config", "user.email", "utvecklare@regionsjoland.example")
    git(work, "config", "user.name", "Regional utvecklare")
    git(work, "remote", "add", "origin", str(root / "remote.git"))
    commit(work, "Strategin som antogs 2025")
    first = release(work, "2025")
    assert first.returncode == 0, first.stderr

    goal = work / "strategy" / "goals" / "goda-livsvillkor.yml"
    goal.write_text(
        goal.read_text(encoding="utf-8").replace(
            "name: Goda livsvillkor för regionens invånare", "name: Goda och jämlika livsvillkor för alla invånare"
        ),
        encoding="utf-8",
    )
    add_decision(work, 2026, "2026-05-19")
    commit(work, "Version 2026: målet om livsvillkor omformulerat")
    second = release(work, "2026")
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == (
        "Version 2026 är publicerad på /2026/ och är nu gällande version (/gallande/). "
        "Taggen v2026 är skapad och skickad till origin."
    )
    return work


def test_both_versions_are_published_and_the_alias_moved(published: Path):
    versions = json.loads(pages_file(published, "versions.json"))
    assert versions == [
        {"version": "2026", "title": "2026 – gällande", "aliases": ["gallande"]},
        {"version": "2025", "title": "2025", "aliases": []},
    ]
    old = BeautifulSoup(pages_file(published, "2025/mal/goda-livsvillkor/index.html"), "html.parser")
    new = BeautifulSoup(pages_file(published, "2026/mal/goda-livsvillkor/index.html"), "html.parser")
    assert old.find("h1").get_text(strip=True) == "Goda livsvillkor för regionens invånare"
    assert new.find("h1").get_text(strip=True) == "Goda och jämlika livsvillkor för alla invånare"
    alias = pages_file(published, "gallande/mal/goda-livsvillkor/index.html")
    assert 'url=../../../2026/mal/goda-livsvillkor/"' in alias


def test_what_changed_lists_the_real_differences_and_the_decision(published: Path):
    page = BeautifulSoup(pages_file(published, "2026/andringar/index.html"), "html.parser")
    article = page.select_one("article")
    text = article.get_text(" ", strip=True)
    assert article.select_one(".rus-lead").get_text(" ", strip=True) == (
        "Version 2026 av strategin antogs av Regionala utvecklingsnämnden 19 maj 2026 , diarienummer RUN 2026/00077."
    )
    assert "Jämfört med version 2025" in text
    assert "1 mål har ändrats och 1 beslut har lagts till." in text
    assert "Goda och jämlika livsvillkor för alla invånare" in text
    name = article.select_one(".rus-changes__fields dd")
    assert [d.get_text(" ", strip=True) for d in name.select("del")] == ["Borttaget: regionens"]
    assert [i.get_text(" ", strip=True) for i in name.select("ins")] == ["Tillagt: och jämlika", "Tillagt: alla"]
    first = BeautifulSoup(pages_file(published, "2025/andringar/index.html"), "html.parser")
    assert "Det här är den första antagna versionen" in first.select_one("article").get_text()


def test_archive_lists_every_version_with_its_decision(published: Path):
    page = BeautifulSoup(pages_file(published, "2026/versioner/index.html"), "html.parser")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in page.select("tbody tr")]
    assert [row[0] for row in rows] == ["2026 (gällande)", "2025"]
    assert rows[0][2] == "Regionala utvecklingsnämnden 19 maj 2026 , diarienummer RUN 2026/00077"
    assert rows[1][2] == "Regionala utvecklingsnämnden 20 maj 2025 , diarienummer RUN 2025/00141"
    assert page.select_one("tbody a")["href"] == "../../2026/"
    assert [a["href"] for a in page.select("tbody a[type='application/pdf']")] == [
        "../../2026/strategin-2026.pdf", "../../2025/strategin-2025.pdf"
    ]


def test_every_published_version_has_its_pdf_linked_from_every_page(published: Path):
    for version in ("2025", "2026"):
        pdf = subprocess.run(["git", "show", f"gh-pages:{version}/strategin-{version}.pdf"], cwd=published,
                             capture_output=True, check=False)
        assert pdf.returncode == 0 and pdf.stdout.startswith(b"%PDF-"), f"no PDF in /{version}/"
        for path, href in (("index.html", f"strategin-{version}.pdf"),
                           ("mal/goda-livsvillkor/index.html", f"../../strategin-{version}.pdf")):
            page = BeautifulSoup(pages_file(published, f"{version}/{path}"), "html.parser")
            link = page.select_one(".rus-footer-links a[type='application/pdf']")
            assert link is not None and link["href"] == href
            assert link.get_text(strip=True) == "Hela strategin som pdf"


def test_root_redirects_to_the_version_in_force_and_has_a_helpful_404(published: Path):
    assert 'window.location.replace(\n      "gallande/"' in pages_file(published, "index.html")
    missing = BeautifulSoup(pages_file(published, "404.html"), "html.parser")
    assert missing.find("html")["lang"] == "sv"
    assert missing.find("h1").get_text() == "Sidan finns inte i den här versionen"
    assert missing.find("a")["href"] == "http://127.0.0.1:8000/gallande/"


def test_tags_are_annotated_and_pushed(published: Path):
    remote_tags = git(published, "ls-remote", "--tags", "origin")
    assert "refs/tags/v2025\n" in remote_tags and "refs/tags/v2026\n" in remote_tags
    message = git(published, "tag", "-l", "--format=%(contents)", "v2026")
    assert message.strip() == "Antagen version 2026\n\nRegionala utvecklingsnämnden 2026-05-19, diarienummer RUN 2026/00077"


def test_an_adopted_year_is_never_overwritten(published: Path):
    before = git(published, "ls-remote", "origin")
    result = release(published, "2026")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "Versionen publicerades inte.\nVersion 2026 är redan taggad. En antagen version skrivs aldrig över.\n"
    )
    assert "mike delete --push 2026" in result.stderr
    assert git(published, "ls-remote", "origin") == before


def test_ci_run_on_the_pushed_tag_does_nothing_when_already_published(published: Path):
    before = git(published, "ls-remote", "origin")
    git(published, "checkout", "-q", "v2026")
    try:
        result = run(published, sys.executable, "-m", "strategy_as_code", "release", "2026", "--from-tag", check=False)
    finally:
        git(published, "checkout", "-q", "main")
    assert (result.returncode, result.stdout.strip()) == (
        0, "Version 2026 är redan publicerad från taggen v2026; inget att göra.",
    )
    assert git(published, "ls-remote", "origin") == before


def test_a_dirty_tree_is_refused(published: Path):
    scratch = published / "strategy" / "goals" / "skiss.yml"
    scratch.write_text("id: skiss\n", encoding="utf-8")
    try:
        result = release(published, "2027")
    finally:
        scratch.unlink()
    assert result.returncode == 1
    assert "Arbetskopian har ändringar som inte är incheckade:\n  ?? strategy/goals/skiss.yml\n" in result.stderr


def test_an_earlier_year_and_an_invalid_strategy_are_refused(published: Path):
    before = git(published, "ls-remote", "origin")
    add_decision(published, 2024, "2024-05-21")
    commit(published, "Beslut om version 2024 i efterhand")
    result = release(published, "2024")
    assert result.returncode == 1
    assert "Version 2024 är äldre än den senaste antagna versionen, 2026." in result.stderr

    (published / "strategy" / "goals" / "trasig.yml").write_text("id: trasig\nname: [\n", encoding="utf-8")
    commit(published, "Ett trasigt mål")
    result = release(published, "2027")
    assert result.returncode == 1
    assert "Strategin har " in result.stderr and "strategy/goals/trasig.yml:3:1:" in result.stderr
    after = git(published, "ls-remote", "origin")
    assert {line for line in after.splitlines() if "gh-pages" in line or "tags" in line} == {
        line for line in before.splitlines() if "gh-pages" in line or "tags" in line
    }
    git(published, "rm", "-q", "strategy/goals/trasig.yml", "strategy/decisions/arsversion-2024.yml")
    commit(published, "Städa")


def test_the_draft_is_marked_as_not_adopted(published: Path):
    result = release(published, "utkast")
    assert result.returncode == 0, result.stderr
    versions = json.loads(pages_file(published, "versions.json"))
    assert {"version": "utkast", "title": "Utkast – ej antagen", "aliases": []} in versions
    assert 'window.location.replace(\n      "gallande/"' in pages_file(published, "index.html")
    for path in ("utkast/index.html", "utkast/mal/goda-livsvillkor/index.html"):
        banner = BeautifulSoup(pages_file(published, path), "html.parser").select_one(".rus-announce--draft")
        assert banner.get_text(" ", strip=True).startswith("Utkast – inte antaget.")
    adopted = BeautifulSoup(pages_file(published, "2026/index.html"), "html.parser")
    assert adopted.select_one(".rus-announce--draft") is None


def test_a_tag_on_a_branch_never_merged_into_main_is_refused(published: Path):
    before = git(published, "ls-remote", "origin")
    git(published, "switch", "-q", "-c", "ej-granskad")
    try:
        add_decision(published, 2028, "2028-05-16")
        git(published, "add", "-A")
        git(published, "commit", "-q", "-m", "Version 2028 utan granskning")
        short = git(published, "rev-parse", "--short=7", "HEAD").strip()
        # Staff on the branch: the command would tag it, so it refuses first.
        result = release(published, "2028")
        assert (result.returncode, result.stderr) == (1, (
            "Versionen publicerades inte.\n"
            f"Incheckningen du står på ({short}) finns inte på grenen origin/main. Bara det som är granskat och "
            "incheckat på main publiceras.\n"
            "Byt till main med git switch main, hämta det senaste med git pull och försök igen.\n"
        ))
        # CI on a pushed tag vYEAR that points at the branch.
        git(published, "tag", "-a", "v2028", "-m", "Antagen version 2028")
        git(published, "checkout", "-q", "v2028")
        result = run(published, sys.executable, "-m", "strategy_as_code", "release", "2028", "--from-tag", check=False)
        assert (result.returncode, result.stderr) == (1, (
            "Versionen publicerades inte.\n"
            f"Taggen v2028 pekar på incheckningen {short}, som inte finns på grenen origin/main. Bara det som är "
            "granskat och incheckat på main kan bli en antagen version.\n"
            "Slå ihop ändringarna med main genom en pull request, ta bort taggen (git push origin :refs/tags/v2028) "
            "och tagga sedan incheckningen på main.\n"
        ))
        # The draft, too, is only what main holds.
        git(published, "switch", "-q", "ej-granskad")
        result = release(published, "utkast")
        assert result.returncode == 1
        assert f"Incheckningen du står på ({short}) finns inte på grenen origin/main." in result.stderr
    finally:
        git(published, "switch", "-q", "--discard-changes", "main")
        git(published, "tag", "-d", "v2028")
        git(published, "branch", "-q", "-D", "ej-granskad")
    assert git(published, "ls-remote", "origin") == before


def test_a_commit_on_main_that_was_never_pushed_is_refused(published: Path):
    add_decision(published, 2029, "2029-05-15")
    git(published, "add", "-A")
    git(published, "commit", "-q", "-m", "Bara lokalt")
    try:
        result = release(published, "2029")
        assert result.returncode == 1
        assert "finns inte på grenen origin/main. Bara det som är granskat och incheckat på main publiceras." in (
            result.stderr
        )
    finally:
        git(published, "reset", "-q", "--hard", "origin/main")
    assert "v2029" not in git(published, "tag", "-l")


@pytest.mark.parametrize("year", ["٢٠٢٨", "２０２８", "2028\n", "v2028", "202", "20288", "1999", "", "2028 "])
def test_only_four_ascii_digits_make_a_year(tmp_path: Path, year: str):
    result = release(tmp_path, year)
    assert (result.returncode, result.stderr) == (1, (
        "Versionen publicerades inte.\n"
        f'"{year}" är inget giltigt årtal för en version. Ange året med fyra siffror 0–9, från 2000, t.ex. 2026.\n'
    ))


def test_tags_with_other_digits_are_not_versions(tmp_path: Path):
    repo = new_repo(tmp_path / "repo")
    for tag in ("v2025", "v٢٠٢٨", "v２０２９", "v2030x", "version2031"):
        repo.git("tag", "-a", tag, "-m", "Antagen version")
    assert [v.tag for v in adopted_versions(repo.root)] == ["v2025"]
    versions = adopted_versions(repo.root)
    assert previous_version(versions, "٢٠٢٨") == versions[-1]  # not a year: compared with the latest


def test_release_outside_a_git_repository_says_so_in_swedish(tmp_path: Path):
    project = tmp_path / "projekt"
    project.mkdir()
    shutil.copytree(REPO / "scripts", project / "scripts")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        shutil.copy2(REPO / name, project / name)  # same times: make sees the environment as up to date
    (project / ".venv").symlink_to(REPO / ".venv")
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path)}
    for year in ("2026", "utkast"):
        result = subprocess.run([str(project / "scripts" / "release"), year], cwd=tmp_path, env=env,
                                capture_output=True, text=True, check=False)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", (
            "Versionen publicerades inte.\n"
            f"Mappen {project.resolve()} är inte en arbetskopia av ett git-förråd, eller så saknas programmet git.\n"
            "En version publiceras från en klon av strategins förråd, där taggarna och grenen main finns. "
            "Klona förrådet med git clone och kör kommandot i den klonen.\n"
        ))


def test_make_passes_the_year_as_an_argument_never_as_shell(tmp_path: Path):
    pwned = tmp_path / "pwned"
    year = f'x"$(touch {pwned})"; touch {pwned}; echo "'
    result = subprocess.run(["make", "--silent", "-C", str(REPO), "release"], env={**os.environ, "YEAR": year},
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert not pwned.exists()
    assert (
        f'Versionen publicerades inte.\n"{year}" är inget giltigt årtal för en version. Ange året med fyra siffror '
        "0–9, från 2000, t.ex. 2026.\n"
    ) in result.stderr


def test_no_value_from_outside_is_pasted_into_a_recipe():
    """Recipes read YEAR, ARGS, BASE, HEAD … from the environment ($$NAME); make expands only
    its own paths. A $(NAME) of a value from the command line or CI would be pasted as shell."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipes = [line for line in makefile.splitlines() if line.startswith("\t")]
    expanded = {name for line in recipes for name in re.findall(r"\$[({](\w+)", line.replace("$$", ""))}
    assert expanded <= {"BIN", "PYTHON", "VENV", "STAMP"}, expanded
    assert 'scripts/release "$${YEAR-}" $${ARGS-}' in makefile


@pytest.fixture
def pages_tree(published: Path, tmp_path: Path) -> Path:
    """The gh-pages branch checked out into a folder, as GitHub Pages would serve it."""
    tree = tmp_path / "gh-pages"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=published, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


@pytest.mark.browser
def test_a_page_missing_in_a_version_offers_the_same_page_in_force(pages_tree: Path):
    from playwright.sync_api import expect, sync_playwright

    with serve(pages_tree, like_github_pages=True) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        response = page.goto(f"{base}2025/mal/ett-nytt-mal/")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text("Sidan finns inte i den här versionen")
        same = page.get_by_role("link", name="Öppna samma sida i gällande version")
        expect(same).to_have_attribute("href", "/gallande/mal/ett-nytt-mal/")
        expect(page.get_by_role("link", name="Gå till startsidan för version 2025")).to_have_attribute("href", "/2025/")
        browser.close()


@pytest.mark.browser
def test_switching_version_with_the_selector(pages_tree: Path):
    from playwright.sync_api import expect, sync_playwright

    with serve(pages_tree) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base)
        expect(page).to_have_url(f"{base}2026/")  # root -> gallande/ -> 2026/
        page.locator(".md-version__current").focus()  # the list opens on hover and on focus
        page.locator(".md-version__link", has_text="2025").click()
        expect(page).to_have_url(f"{base}2025/")
        expect(page.locator(".md-version__current")).to_have_text("2025")
        browser.close()


def test_each_published_version_has_its_own_search_index(published: Path):
    for version in ("2025", "2026"):
        entry = json.loads(pages_file(published, f"{version}/pagefind/pagefind-entry.json"))
        assert entry["languages"]["sv"]["page_count"] > 50


@pytest.mark.browser
def test_each_published_version_searches_its_own_text(pages_tree: Path):
    """mike builds each version with the search hook: /2026/ finds the goal's new wording, /2025/
    does not, and each finds the goal in its own folder."""
    from playwright.sync_api import expect, sync_playwright

    with serve(pages_tree, like_github_pages=True) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for version, found in (("2026", True), ("2025", False)):
            page.goto(f"{base}{version}/")
            page.get_by_role("searchbox", name="Sök").fill("jämlika")
            status = page.get_by_role("status")
            if found:
                expect(status).to_have_text(re.compile(r"^\d+ träffa?r? för ”jämlika”\.$"))
                link = page.get_by_role("list", name="Sökresultat").get_by_role(
                    "link", name="Goda och jämlika livsvillkor för alla invånare")
                assert link.evaluate("a => new URL(a.href).pathname") == f"/{version}/mal/goda-livsvillkor/"
            else:
                expect(status).to_have_text("Inga träffar för ”jämlika”.")
            page.get_by_role("searchbox", name="Sök").fill("livsvillkor")
            expect(status).to_contain_text("för ”livsvillkor”.")
            paths = page.locator(".rus-search__results a").evaluate_all("l => l.map(a => new URL(a.href).pathname)")
            assert f"/{version}/mal/goda-livsvillkor/" in paths[:3]
            assert all(path.startswith(f"/{version}/") for path in paths), paths
        browser.close()
