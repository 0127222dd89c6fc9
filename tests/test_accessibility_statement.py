"""The accessibility statement (tillgänglighetsredogörelse): its facts come from strategy.yml and
are validated like any other field, it is linked from the footer of every page, and text in
another language is marked as such."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from strategy_as_code import StrategyInvalid, load_strategy
from support import EXAMPLE, build, copy_project


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_statement_holds_what_the_supervising_authority_requires(site: Path):
    facts = load_strategy(EXAMPLE).settings.accessibility
    html = page(site, "tillganglighet")
    text = " ".join(html.select_one("article").get_text().split())
    assert "Region Sjöland står bakom den här webbplatsen." in text
    assert "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service" in text
    for shortcoming in facts.shortcomings:
        assert str(shortcoming).split(".")[0] in text
    assert html.select_one(f"a[href='mailto:{facts.email}']")
    complaint = html.find("a", href="https://www.digg.se/tdosanmalan")
    assert complaint and complaint.get_text() == "anmäla bristande tillgänglighet"
    assert "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn" in text
    assert "Den senaste bedömningen gjordes den 22 november 2026." in text
    assert "axe-core" in text
    headings = [h.get_text() for h in html.select("article h2")]
    assert headings == [
        "Hur tillgänglig är webbplatsen?", "Innehåll som inte omfattas av lagen",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet", "Tillsyn", "Hur vi har testat webbplatsen",
    ]


def test_every_page_links_to_the_statement_from_its_footer(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 50
    for html_file in pages:
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("footer .rus-footer-links").find("a", string="Tillgänglighetsredogörelse")
        assert link, html_file
        base = "/" + html_file.relative_to(site).as_posix()
        assert urljoin(base, link["href"]) == "/tillganglighet/", html_file


def test_facts_come_from_configuration(tmp_path: Path):
    project = copy_project(tmp_path)
    settings = project / "strategy" / "strategy.yml"
    text = settings.read_text(encoding="utf-8").replace("compliance: delvis", "compliance: helt")
    text = text.replace("tillganglighet@regionsjoland.example", "webb@regionsjoland.example")
    settings.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = page(project / "site", "tillganglighet")
    assert "Webbplatsen är helt förenlig med lagen" in html.get_text()
    assert html.select_one("a[href='mailto:webb@regionsjoland.example']")


def problems(strategy_dir: Path, old: str, new: str) -> list[str]:
    settings = strategy_dir / "strategy.yml"
    text = settings.read_text(encoding="utf-8")
    assert old in text
    settings.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(StrategyInvalid) as raised:
        load_strategy(strategy_dir)
    return [p.format() for p in raised.value.problems]


def without_statement(settings: Path) -> None:
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text[:text.index("accessibility:")], encoding="utf-8")


def test_a_site_without_a_statement_is_not_built(tmp_path: Path):
    project = copy_project(tmp_path)
    without_statement(project / "strategy" / "strategy.yml")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "strategy/strategy.yml: Tillgänglighetsredogörelsen saknas." in output
    assert "Lägg till avsnittet accessibility" in output
    assert not (project / "site").exists()


def test_a_strategy_from_before_the_statement_can_still_be_read(strategy_dir: Path):
    # Older revisions (annual versions compared in "Vad har ändrats?") have no statement.
    without_statement(strategy_dir / "strategy.yml")
    assert load_strategy(strategy_dir).settings.accessibility is None


def test_an_unknown_compliance_level_is_explained(strategy_dir: Path):
    [problem] = problems(strategy_dir, "compliance: delvis", "compliance: delvis förenlig")
    assert 'Fältet "accessibility.compliance" kan inte vara texten "delvis förenlig".' in problem
    assert "Välj ett av: helt, delvis, inte." in problem


def test_the_complaint_form_is_required(strategy_dir: Path):
    [problem] = problems(strategy_dir, "    url: https://www.digg.se/tdosanmalan\n", "")
    assert 'Det obligatoriska fältet "url" saknas i fältet "accessibility.supervisor".' in problem


def test_text_in_another_language_is_marked(site: Path):
    html = page(site, "om")
    assert html.find("html")["lang"] == "sv"
    assert html.find("span", lang="en").get_text() == "pull request"
