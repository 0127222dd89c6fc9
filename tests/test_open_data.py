"""Open data per version: strategy.json, one CSV per kind and the schemas, linked from the
"Öppna data" page, and byte-identical from one build of the same commit to the next."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from strategy_as_code import load_strategy
from strategy_as_code.publishing.open_data import TABLES, csv_cell, files
from support import EXAMPLE, REPO, build, copy_project


def test_same_commit_gives_byte_identical_files(site: Path, tmp_path: Path):
    again = copy_project(tmp_path)
    result = build(again)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site / "data"): p.read_bytes() for p in (site / "data").rglob("*") if p.is_file()}
    second = {p.relative_to(again / "site" / "data"): p.read_bytes() for p in (again / "site" / "data").rglob("*")
              if p.is_file()}
    assert first == second
    assert len(first) == 1 + len(TABLES) + len(list((REPO / "schemas").glob("*.schema.json")))


def test_json_holds_the_whole_strategy(site: Path):
    data = json.loads((site / "data" / "strategy.json").read_text(encoding="utf-8"))
    strategy = load_strategy(EXAMPLE)
    assert [g["id"] for g in data["goals"]] == [g.id for g in strategy.goals]
    assert data["settings"]["adopted_by"] == strategy.settings.adopted_by
    indicator = data["indicators"][0]
    assert indicator["values"][0]["year"] == strategy.indicators[0].values[0].year


def test_csv_files_are_utf8_with_headers(site: Path):
    strategy = load_strategy(EXAMPLE)
    for table in TABLES:
        text = (site / "data" / table.filename).read_bytes().decode("utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        assert tuple(rows[0]) == table.columns, table.filename
    partners = list(csv.DictReader(io.StringIO((site / "data" / "partners.csv").read_text(encoding="utf-8"))))
    assert {row["name"] for row in partners} == {str(p.name) for p in strategy.partners}
    assert all(len(row["kommunkod"]) == 4 for row in partners if row["type"] == "kommun")
    values = list(csv.DictReader(io.StringIO((site / "data" / "indicator-values.csv").read_text(encoding="utf-8"))))
    assert len(values) == sum(len(i.values) + sum(len(x.values) for x in i.series) for i in strategy.indicators)
    own = strategy.settings.county_code or ""
    assert {row["area"] for row in values} == {own} | {x.area for i in strategy.indicators for x in i.series}
    targets = list(csv.DictReader(io.StringIO((site / "data" / "indicator-targets.csv").read_text(encoding="utf-8"))))
    assert len(targets) == sum(len(i.targets) for i in strategy.indicators)


def test_open_data_page_links_every_file_and_explains_the_licence(site: Path):
    page = BeautifulSoup((site / "oppna-data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in page.select("table.rus-open-data a")}
    assert links == {"../data/strategy.json"} | {f"../data/{t.filename}" for t in TABLES}
    assert "CC0 1.0 Universell" in page.get_text()
    fields = [dt.get_text(strip=True) for dt in page.select("#falt-mal ~ dl dt")][:3]
    assert fields == ["id", "order", "name"]


def _replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_text_that_starts_like_a_formula_is_neutralised_in_csv_but_not_in_json(strategy_dir: Path):
    link = '=HYPERLINK("http://evil.example/","Klicka här")'
    _replace_line(strategy_dir / "goals" / "goda-livsvillkor.yml", "name: Goda livsvillkor för regionens invånare",
                  f"name: '{link}'")
    _replace_line(strategy_dir / "goals" / "goda-livsvillkor.yml", "summary: Alla som bor i Sjöland",
                  "summary: -1+1 Alla som bor i Sjöland")
    _replace_line(strategy_dir / "partners" / "asby-kommun.yml", "name: Åsby kommun", "name: '@SUM(1+1)'")
    _replace_line(strategy_dir / "principles" / "vi-testar.yml", "name: Vi testar", "name: +1 Vi testar")
    _replace_line(strategy_dir / "indicators" / "andel-fornybar-energi.yml", "value: 63.5", "value: -3.5")
    data = files(load_strategy(strategy_dir))

    def rows(name: str) -> dict[str, dict[str, str]]:
        reader = csv.DictReader(io.StringIO(data[name].decode("utf-8")))
        return {row.get("id") or f"{row['indicator']}/{row['year']}": row for row in reader}

    goal = rows("goals.csv")["goda-livsvillkor"]
    assert goal["name"] == "'" + link
    assert goal["summary"].startswith("'-1+1 Alla som bor i Sjöland")
    assert rows("partners.csv")["asby-kommun"]["name"] == "'@SUM(1+1)"
    assert rows("principles.csv")["vi-testar"]["name"] == "'+1 Vi testar"
    assert rows("indicator-values.csv")["andel-fornybar-energi/2024"]["value"] == "-3.5"
    # Text is quoted (the formula's own quotes doubled), numbers are bare.
    goals = data["goals.csv"].decode("utf-8").splitlines()
    assert goals[0] == '"id","order","name","summary","target","horizon","agenda2030","parent"'
    assert goals[1].startswith('"goda-livsvillkor",1,"\'=HYPERLINK(""http://evil.example/"",""Klicka här"")","\'-1+1 ')
    assert '"andel-fornybar-energi","27",2024,-3.5,"","",""' in data["indicator-values.csv"].decode("utf-8").splitlines()

    document = json.loads(data["strategy.json"])
    assert next(g for g in document["goals"] if g["id"] == "goda-livsvillkor")["name"] == link
    assert next(p for p in document["partners"] if p["id"] == "asby-kommun")["name"] == "@SUM(1+1)"


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+46 70", "'+46 70"), ("-", "'-"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("Åsby kommun", "Åsby kommun"), ("1+1=2", "1+1=2"), (" =1", " =1"), (None, ""),
    (-3.5, -3.5), (-7, -7), (0, 0),
])
def test_csv_cells_neutralise_every_formula_start_and_keep_numbers(value, cell):
    assert csv_cell(value) == cell
    assert type(csv_cell(value)) is type(cell)


def test_open_data_page_says_how_formulas_are_neutralised(site: Path):
    page = BeautifulSoup((site / "oppna-data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(page.select_one("article").get_text(" ").split())
    assert (
        "En textcell som börjar med = , + , - , @ , tabb eller vagnretur får en apostrof ( ' ) först, "
        "så att kalkylprogram inte tolkar texten som en formel."
    ) in text
    assert "Vill du ha texterna exakt som de är skrivna, använd strategy.json ." in text
