"""The engine-neutral site sources (publishing/site_sources.py): built by plain MkDocs, without
the macros plugin and our hooks, and revealed afterwards, they give the same page bodies as our
build; hostile strategy text stays harmless there too; an invalid strategy writes nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from strategy_as_code.publishing.search_index import index_site, indexed_pages
from strategy_as_code.publishing.site_sources import SHIELD_FILE, reveal_site, write_site_sources
from support import MKDOCS, REPO, copy_project
from test_hostile_text import PAYLOADS, _mkdir, _project_with, scan_site


def build_plain(project: Path, out: Path) -> Path:
    """Write the sources of ``project`` into ``out``, build them with plain MkDocs, reveal."""
    write_site_sources(project, out)
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(out / "mkdocs.yml")], cwd=out, capture_output=True, text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    reveal_site(out)
    index_site(out / "site")  # the search indexes the revealed pages, as make site-sources does
    return out / "site"


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("plain-project"))
    return build_plain(project, project.parent / "sources")


def article(page: Path) -> str:
    """The page body. Normalised: the theme's "edit this page" button is left out. Our hooks point
    a generated page's button at its YAML file and give the version pages none; plain MkDocs has
    no per-page setting for it and points every button at the Markdown source, which exists only
    in the sources folder (a known difference, see the README). With the button goes the empty
    line the theme writes after it, so empty lines are left out too."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = soup.find("article")
    assert body is not None, page
    for edit in body.select('a.md-content__button[rel="edit"]'):
        edit.decompose()
    return "\n".join(line for line in str(body).splitlines() if line.strip())


def test_the_plain_build_gives_the_same_page_bodies(site, plain_site):
    ours = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    plain = sorted(p.relative_to(plain_site) for p in plain_site.rglob("*.html"))
    assert ours == plain
    different = [str(path) for path in ours if article(site / path) != article(plain_site / path)]
    print(f"\nsite-sources: {len(ours)} pages compared, {len(ours) - len(different)} identical bodies")
    assert different == []
    assert len(ours) > 60


def test_the_plain_build_has_the_same_open_data_and_search_words(site, plain_site):
    ours = sorted(p.relative_to(site) for p in (site / "data").rglob("*") if p.is_file())
    assert ours and ours == sorted(p.relative_to(plain_site) for p in (plain_site / "data").rglob("*") if p.is_file())
    assert all((site / p).read_bytes() == (plain_site / p).read_bytes() for p in ours)
    index = " ".join(page["content"] for page in indexed_pages(plain_site / "pagefind"))
    assert "rusx" not in index and "Goda livsvillkor" in index


def test_no_strategy_text_reaches_markdown_in_the_sources(tmp_path):
    """The sources hold fixed headings, fixed HTML and tokens: no word of a strategy text."""
    project = copy_project(_mkdir(tmp_path / "project"))
    out = tmp_path / "sources"
    write_site_sources(project, out)
    marker = "Goda förutsättningar för hälsa"  # from goals/goda-livsvillkor.yml's description
    pages = "".join(p.read_text(encoding="utf-8").split("---\n", 2)[-1] for p in (out / "docs").rglob("*.md"))
    assert marker.lower() not in pages.lower()
    assert "rusx" in pages and (out / SHIELD_FILE).exists() and not (out / "docs" / SHIELD_FILE).exists()


OUR_TEXT = "".join(p.read_text(encoding="utf-8") for p in (REPO / "docs").rglob("*.md"))
"""Our own overview pages: a payload word they contain too ("https:") proves nothing."""


@pytest.mark.parametrize("name", PAYLOADS)
def test_hostile_text_is_harmless_in_the_plain_build(tmp_path, name):
    """The payloads of test_hostile_text.py, built from the sources by plain MkDocs and revealed:
    nothing live, no heading from strategy text, no Jinja run, no token left."""
    translate = list(PAYLOADS).index(name) % 2 == 1
    project, accepted, _ = _project_with(tmp_path, PAYLOADS[name], translate)
    assert accepted
    out = tmp_path / "sources"
    assert scan_site(build_plain(project, out)) == []
    # The structural proof: no Markdown the engine parses holds the payload (front matter is
    # YAML, read as data: the title and description, escaped, as in our build).
    words = [word for word in re.findall(r"[\w:]{5,}", PAYLOADS[name]) if word not in OUR_TEXT]
    for page in (out / "docs").rglob("*.md"):
        body = page.read_text(encoding="utf-8").split("---\n", 2)[-1]
        assert not [word for word in words if word in body], page


def test_an_invalid_strategy_writes_nothing(tmp_path):
    project = copy_project(_mkdir(tmp_path / "project"))
    goal = project / "strategy" / "goals" / "goda-livsvillkor.yml"
    goal.write_text(goal.read_text(encoding="utf-8").replace("name:", "namn:", 1), encoding="utf-8")
    out = tmp_path / "sources"
    result = subprocess.run(
        [sys.executable, "-m", "strategy_as_code", "site-sources", str(out), "--project", str(project)],
        capture_output=True, text=True, check=False, cwd=REPO,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "goda-livsvillkor.yml" in result.stderr and "Inget skrevs till" in result.stderr
    assert not out.exists()



def _command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "strategy_as_code", "site-sources", *args], capture_output=True, text=True,
        check=False, cwd=REPO,
    )


def test_the_command_refuses_in_swedish(tmp_path):
    (tmp_path / "viktigt.txt").write_text("inte källor")
    unrevealable = _command("--reveal", str(tmp_path))
    assert unrevealable.returncode == 1 and "Traceback" not in unrevealable.stderr
    assert unrevealable.stderr == f"{tmp_path / 'shield.json'} finns inte. Skriv källorna först med site-sources {tmp_path}.\n"
    over_itself = _command(str(REPO), "--project", str(REPO))
    assert over_itself.returncode == 1
    assert over_itself.stderr == f"{REPO} är projektets egen mapp. Ange en annan mapp, t.ex. build/sources.\n"
    occupied = _command(str(tmp_path), "--project", str(REPO))
    assert occupied.returncode == 1
    assert occupied.stderr == f"{tmp_path} finns redan och innehåller annat än webbplatsens källor. Ange en ny eller tom mapp.\n"
    no_project = _command(str(tmp_path / "ut"), "--project", str(tmp_path))
    assert no_project.returncode == 1
    assert no_project.stderr == f"{tmp_path / 'mkdocs.yml'} finns inte. Ange projektets mapp med --project.\n"
