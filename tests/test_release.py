"""Annual versions published with mike to a gh-pages branch of a bare "remote": two releases,
the alias moved, refusals that change nothing, the draft, and switching version in a browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import CHROMIUM, CHROMIUM_ARGS, REPO, serve

PROJECT = ("mkdocs.yml", "docs", "overrides", "macros", "strategy", "schemas", "src", ".gitignore")


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
    for name in PROJECT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, work / name)
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
