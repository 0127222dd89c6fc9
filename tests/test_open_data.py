"""Open data per version: strategy.json, one CSV per kind and the schemas, linked from the
"Öppna data" page, and byte-identical from one build of the same commit to the next."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bs4 import BeautifulSoup

from strategy_as_code import load_strategy
from strategy_as_code.export import TABLES
from support import REPO, build, copy_project


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
    strategy = load_strategy(REPO / "strategy")
    assert [g["id"] for g in data["goals"]] == [g.id for g in strategy.goals]
    assert data["settings"]["adopted_by"] == strategy.settings.adopted_by
    indicator = data["indicators"][0]
    assert indicator["values"][0]["year"] == strategy.indicators[0].values[0].year


def test_csv_files_are_utf8_with_headers(site: Path):
    strategy = load_strategy(REPO / "strategy")
    for table in TABLES:
        text = (site / "data" / table.filename).read_bytes().decode("utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        assert tuple(rows[0]) == table.columns, table.filename
    partners = list(csv.DictReader(io.StringIO((site / "data" / "partners.csv").read_text(encoding="utf-8"))))
    assert {row["name"] for row in partners} == {str(p.name) for p in strategy.partners}
    assert all(len(row["kommunkod"]) == 4 for row in partners if row["type"] == "kommun")
    values = list(csv.DictReader(io.StringIO((site / "data" / "indicator-values.csv").read_text(encoding="utf-8"))))
    assert len(values) == sum(len(i.values) for i in strategy.indicators)


def test_open_data_page_links_every_file_and_explains_the_licence(site: Path):
    page = BeautifulSoup((site / "oppna-data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in page.select("table.rus-open-data a")}
    assert links == {"../data/strategy.json"} | {f"../data/{t.filename}" for t in TABLES}
    assert "CC0 1.0 Universell" in page.get_text()
    fields = [dt.get_text(strip=True) for dt in page.select("#falt-mal ~ dl dt")][:3]
    assert fields == ["id", "order", "name"]
