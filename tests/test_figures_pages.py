"""The figures per municipality on the built site, read back as HTML: an indicator with municipal
figures shows every municipality's latest figure in a sorted table and a bar chart with a text
alternative, the county and Sweden beside them, and the source; a municipality's page shows
"Så går det i <kommun>". Built from the frozen example after make figures (conftest.figures_site)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def cells(row) -> list[str]:
    return [" ".join(cell.get_text().split()) for cell in row.find_all(["th", "td"])]


def test_every_municipality_sorted_with_the_county_and_sweden(figures_site):
    html = page(figures_site, "indikatorer/forvarvsfrekvens")
    assert html.find("h2", string="Per kommun")
    table = html.select_one("table.rus-areas__table")
    assert table.caption.get_text() == "Förvärvsfrekvens 20–64 år per kommun, procent, senaste året, högst värde först"
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Område", "År", "Värde", "Kvinnor", "Män"]
    municipal, comparison = table.find_all("tbody")
    assert [cells(row) for row in municipal.find_all("tr")] == [
        ["Hamnviks kommun", "2023", "84,25", "–", "–"],
        ["Sjöstads kommun", "2024", "82,70", "80,60", "84,80"],
        ["Norrmo kommun", "2024", "82,00", "80,00", "–"],
        ["Granberga kommun", "2024", "81,30", "79,40", "83,20"],
        ["Åsby kommun", "2024", "80,60", "78,80", "82,40"],
        ["Långnäs kommun", "2024", "79,90", "78,20", "81,60"],
        ["Björkfors kommun", "2024", "79,20", "77,60", "80,80"],
        ["Ekeby kommun", "2024", "78,50", "77,00", "80,00"],
    ]
    assert [cells(row) for row in comparison.find_all("tr")] == [
        ["Region Sjöland (länet, jämförelse)", "2024", "81,20", "79,80", "82,50"],
        ["Sverige (riket, jämförelse)", "2024", "81,90", "80,40", "83,30"],
    ]


def test_the_bar_chart_has_a_name_a_description_and_a_bar_per_area(figures_site):
    html = page(figures_site, "indikatorer/forvarvsfrekvens")
    svg = html.select_one(".rus-areas__chart svg[role='img']")
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == "Stapeldiagram: Förvärvsfrekvens 20–64 år per kommun, procent"
    description = svg.find("desc", id=desc_id).get_text()
    assert description.startswith("Hamnviks kommun 84,25 år 2023; Sjöstads kommun 82,70; ")
    assert description.endswith("Sverige 81,90. Samma värden finns i tabellen under diagrammet.")
    assert len(svg.find_all("rect")) == 10
    assert [t.get_text() for t in svg.find_all("text") if t.get("font-weight") == "700"] == ["Region Sjöland", "Sverige"]
    widths = [float(rect["width"]) for rect in svg.find_all("rect")[:8]]
    assert widths == sorted(widths, reverse=True)


def test_the_source_is_named_as_koladas_terms_ask(figures_site):
    html = page(figures_site, "indikatorer/forvarvsfrekvens")
    source = html.select_one(".rus-areas .rus-source")
    assert source.get_text() == "Källa: Kolada, RKA, nyckeltal N00914."
    assert source.a["href"] == "https://www.kolada.se/verktyg/fri-sokning/?kpis=N00914"


def test_an_indicator_without_municipal_figures_shows_no_such_section(figures_site):
    html = page(figures_site, "indikatorer/ohalsotal")
    assert not html.find("h2", string="Per kommun") and not html.select(".rus-areas")


def test_a_municipality_page_says_how_it_is_going_there(figures_site):
    html = page(figures_site, "aktorer/asby-kommun")
    assert html.find("h2", string="Så går det i Åsby kommun")
    table = html.select_one("table.rus-areas__table")
    assert [cells(row) for row in table.find_all("tr")] == [
        ["Indikator", "År", "Åsby kommun", "Länet", "Sverige"],
        ["Förvärvsfrekvens 20–64 år (procent)", "2024", "80,6", "81,2", "81,9"],
    ]
    assert table.tbody.a["href"] == "../../indikatorer/forvarvsfrekvens/"
    assert html.select_one(".rus-areas .rus-source").get_text() == (
        "Källor: Förvärvsfrekvens 20–64 år: Kolada, RKA, nyckeltal N00914."
    )
    # Hamnvik's latest figure is from 2023, a year the file has no figure for Sweden.
    hamnvik = page(figures_site, "aktorer/hamnviks-kommun").select_one("table.rus-areas__table tbody tr")
    assert cells(hamnvik) == ["Förvärvsfrekvens 20–64 år (procent)", "2023", "84,25", "81,00", "–"]


def test_a_partner_that_is_no_municipality_has_no_such_section(figures_site):
    assert not page(figures_site, "aktorer/sjolands-universitet").select(".rus-areas")
