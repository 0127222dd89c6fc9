"""The figures in the indicator files: the loader's Swedish messages for a fetch spec or a series
that names an area that does not exist, and the writer that rewrites only the figures' blocks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from strategy_as_code import StrategyInvalid, load_strategy
from strategy_as_code.figures.writer import rewrite
from strategy_as_code.reading.yamlsource import parse
from support import EXAMPLE, example_without_figures


@pytest.fixture
def strategy(tmp_path: Path) -> Path:
    root = tmp_path / "strategy"
    shutil.copytree(EXAMPLE, root)
    example_without_figures(root)
    return root


def add(root: Path, text: str, name: str = "forvarvsfrekvens") -> None:
    path = root / "indicators" / f"{name}.yml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def messages(root: Path) -> list[tuple[int, int, str, str]]:
    with pytest.raises(StrategyInvalid) as invalid:
        load_strategy(root)
    return [(p.line, p.column, p.message, p.hint) for p in invalid.value.problems]


def test_a_fetch_spec_and_series_in_every_form_load(strategy):
    add(strategy, """fetch:
  kolada:
    kpi: N00914
    areas: [län, riket, kommuner, "0180", "01"]
    sexes: [T, K, M]
    since: 2015
  scb:
    table: TAB5974
    selection: {ContentsCode: "000006SY", Alder: "20-64"}
    region: Region
    time: Tid
    sex: {variable: Kon, total: "1+2", women: "2", men: "1"}
    areas: ["0114"]
series:
  - area: "00"
    name: Riket
    values:
      - year: 2024
        value: 82.0
        revised:
          - date: "2026-12-01"
            value: 81.9
fetched:
  kolada:
    api: v3
    at: "2026-12-01T06:00:00Z"
    requests:
      - url: "https://api.kolada.se/v3/data/kpi/N00914/municipality/0000?per_page=5000"
        sha256: "0000000000000000000000000000000000000000000000000000000000000000"
""")
    indicator = next(i for i in load_strategy(strategy).indicators if i.id == "forvarvsfrekvens")
    assert indicator.fetch.kolada.areas == ("län", "riket", "kommuner", "0180", "01")
    assert indicator.fetch.scb.selection == (("ContentsCode", "000006SY"), ("Alder", "20-64"))
    assert indicator.fetch.scb.sex.total == "1+2"
    [series] = indicator.series
    assert (series.area, str(series.name), series.latest.value, series.latest.revised[0].value) == ("00", "Riket", 82.0, 81.9)
    assert indicator.fetched[0].requests[0][0].endswith("/municipality/0000?per_page=5000")


def test_an_area_that_does_not_exist_is_named(strategy):
    add(strategy, 'fetch:\n  kolada:\n    kpi: N00914\n    areas: [riket, "0999"]\nseries:\n  - area: "26"\n    values: []\n')
    hint = ('Skriv "00" för riket, länets kod "27", kommunkoden för en av aktörerna eller en kod för ett län eller en '
            "kommun ur SCB:s lista i data/sverige. Saknas en kommun bland aktörerna, lägg till den med sin kommunkod.")
    assert messages(strategy) == [
        (51, 20, 'Området "0999" finns inte.', hint), (53, 11, 'Området "26" finns inte.', hint),
    ]


def test_a_word_for_an_area_is_refused_by_the_schema(strategy):
    add(strategy, "fetch:\n  kolada:\n    kpi: N00914\n    areas: [Sverige]\n")
    [(line, _, message, hint)] = messages(strategy)
    assert (line, message) == (51, 'Den 1:a punkten under "fetch.kolada.areas" har ett ogiltigt värde: texten "Sverige".')
    assert hint.startswith("län, riket, kommuner eller en kod inom citattecken")


def test_the_county_a_strategy_is_about_must_be_known_for_its_words(strategy):
    for path in (strategy / "partners").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('kommunkod: "2715"', 'kommunkod: "0180"'), encoding="utf-8")
    settings = strategy / "strategy.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('county_code: "27"\n', ""), encoding="utf-8")
    add(strategy, "fetch:\n  kolada:\n    kpi: N00914\n    areas: [län]\n")
    [(line, _, message, hint)] = messages(strategy)
    assert (line, message) == (51, 'Det går inte att avgöra vilket län strategin gäller, så "län" kan inte hämtas.')
    assert hint.startswith('Skriv länets kod i strategy.yml (county_code: "21"), ge aktörerna som är kommuner')


def test_an_area_from_two_sources_and_twice_in_the_series(strategy):
    add(strategy, """fetch:
  kolada:
    kpi: N00914
    areas: [riket]
  scb:
    table: TAB1
    areas: ["00"]
series:
  - area: "2715"
    values:
      - {year: 2024, value: 1}
      - {year: 2024, value: 2}
  - area: "2715"
    values: []
  - area: "27"
    values: []
""")
    assert [m[:3] for m in messages(strategy)] == [
        (54, 12, 'Området "00" (Sverige) hämtas både från Kolada och från SCB.'),
        (59, 16, "Året 2024 har redan ett värde i serien för 2715 (rad 58)."),
        (60, 11, 'Området "2715" har redan en serie (rad 56).'),
        (62, 11, 'Serien för "27" är länets egen, och länets värden står under values.'),
    ]


TEXT = """# Överst
id: x
values:
  - year: 2019   # hand entered
    value: 1.0

# About the fetch
fetch:
  kolada: {kpi: N00914, areas: [län]}
# Last words
"""


def test_only_the_figures_blocks_are_written_anew():
    document, _ = parse("x.yml", TEXT.encode())
    new = rewrite(TEXT, document, {
        "values": [{"year": 2019, "value": 1.0}, {"year": 2020, "value": 2}],
        "series": [{"area": "00", "values": [{"year": 2020, "value": 3.5}]}],
        "fetched": {"kolada": {"api": "v3", "at": "2026-12-01T06:00:00Z", "requests": []}},
    }, {"series": "values", "fetched": "fetch"})
    assert new == """# Överst
id: x
values:
  - year: 2019
    value: 1.0
  - year: 2020
    value: 2
series:
  - area: "00"
    values:
      - year: 2020
        value: 3.5

# About the fetch
fetch:
  kolada: {kpi: N00914, areas: [län]}
fetched:
  kolada:
    api: "v3"
    at: "2026-12-01T06:00:00Z"
    requests: []
# Last words
"""
    again, _ = parse("x.yml", new.encode())
    assert again.data["series"][0]["area"] == "00"


def test_windows_line_endings_and_a_missing_last_line_break_are_kept():
    text = "id: x\r\nvalues: []\r\nfetch: {}"
    document, _ = parse("x.yml", text.encode())
    new = rewrite(text, document, {"values": [{"year": 2020, "value": 1}], "fetched": {"scb": {}}},
                  {"fetched": "fetch"})
    assert new == "id: x\r\nvalues:\r\n  - year: 2020\r\n    value: 1\r\nfetch: {}\r\nfetched:\r\n  scb: {}\r\n"


def test_a_revised_figure_is_called_revised_in_the_diff(tmp_path):
    import subprocess
    import sys

    from gitrepo import new_repo

    repo = new_repo(tmp_path / "repo", source=EXAMPLE)
    repo.edit("indicators/forvarvsfrekvens.yml", "  - year: 2023\n    value: 81.0\n",
              '  - year: 2023\n    value: 81.1\n    revised:\n      - date: "2026-12-01"\n        value: 81.0\n')
    repo.commit("Nya siffror från Kolada och SCB")
    done = subprocess.run([sys.executable, "-m", "strategy_as_code", "diff", "HEAD^", "HEAD"], cwd=repo.root,
                          capture_output=True, text=True, check=True)
    assert "- Har ändrats: 2023: ~~81~~ **81,1** (kvinnor 79,5, män 82,4) **– reviderat av källan, tidigare 81 " \
        "(hämtat 2026-12-01)**\n" in done.stdout


def test_new_figures_for_an_area_and_where_they_come_from_are_in_the_diff(tmp_path):
    import subprocess
    import sys

    from gitrepo import new_repo

    repo = new_repo(tmp_path / "repo", source=EXAMPLE)
    example_without_figures(repo.strategy)
    repo.commit("Utan siffror från källorna")
    add(repo.strategy, 'series:\n  - area: "2715"\n    values:\n      - {year: 2024, value: 78.0}\n')
    repo.commit("Åsby")
    add(repo.strategy, "      - {year: 2025, value: 78.4}\nfetch:\n  kolada:\n    kpi: N00914\n    areas: [kommuner]\n")
    repo.commit("Nya siffror från Kolada och SCB")
    done = subprocess.run([sys.executable, "-m", "strategy_as_code", "diff", "HEAD^", "HEAD"], cwd=repo.root,
                          capture_output=True, text=True, check=True)
    assert "**Värden för jämförelse och per kommun**\n\n- Har lagts till: Åsby kommun, 2025: 78,4\n" in done.stdout
    assert "**Hämtas från:** (inget angivet) → Kolada N00914: kommuner\n" in done.stdout
