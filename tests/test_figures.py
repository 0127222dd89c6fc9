"""``make figures`` against local stand-ins for Kolada and SCB (tests/figures_stand_ins.py): the
figures land in the indicator files with provenance, a second run changes nothing, a revised
figure keeps the one it replaced, a missing figure stays missing, and every failure leaves every
file as it was with a Swedish message."""

from __future__ import annotations

import shutil
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import pytest

from figures_stand_ins import SCB_CONFIG, Reply, StandIn, json_stat, kolada, kolada_rows, municipalities, scb, serve
from strategy_as_code.figures import Endpoints, FiguresFailed, markdown, update_figures
from strategy_as_code.figures.client import Policy
from strategy_as_code.reading.loader import load_strategy
from strategy_as_code.reading.yamlsource import parse
from support import EXAMPLE, example_without_figures

KPI = "N00914"
TABLE = "NR0105ENS2010T01A"
NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
KOLADA_FETCH = f"""# Hämtas med make figures.
fetch:
  kolada:
    kpi: {KPI}
    areas: [län, riket, kommuner]
    sexes: [T, K, M]
    since: 2019
"""
SCB_FETCH = f"""fetch:
  scb:
    table: {TABLE}
    selection:
      ContentsCode: NR0105AI
    areas: [län, riket]
"""
# The county's figures as the fixture's file has them, year -> (total, women, men).
COUNTY = {2019: (79.8, 77.9, 81.6), 2020: (78.9, 77.2, 80.5), 2021: (79.6, 77.8, 81.3),
          2022: (80.7, 79.0, 82.3), 2023: (81.0, 79.5, 82.4), 2024: (81.2, 79.8, 82.5)}


def sexes(total, women=None, men=None):
    return {"T": total, "K": women, "M": men}


def kolada_figures(**changes):
    """The county as in the file plus 2025, Sweden, two municipalities; ``changes`` replaces years
    of the county (``y2023=sexes(...)``)."""
    county = {year: sexes(*figures) for year, figures in COUNTY.items()} | {2025: sexes(81.5, 80.0, 82.9)}
    county |= {int(key[1:]): value for key, value in changes.items()}
    return {
        "27": county,
        "00": {year: sexes(80.0 + (year - 2018) / 10) for year in range(2018, 2026)},
        "2715": {2024: sexes(78.0, 76.5, 79.4), 2025: sexes(78.4, None, 79.9)},
        "2701": {2025: sexes(83.25, 82.0, 84.5)},
    }


@pytest.fixture
def strategy(tmp_path: Path) -> Path:
    """The frozen example with a Kolada fetch on one indicator and an SCB fetch on another."""
    root = tmp_path / "strategy"
    shutil.copytree(EXAMPLE, root)
    example_without_figures(root)
    for name, spec in (("forvarvsfrekvens", KOLADA_FETCH), ("brp-per-invanare", SCB_FETCH)):
        path = root / "indicators" / f"{name}.yml"
        path.write_text(path.read_text(encoding="utf-8") + spec + "# Slut på filen.\n", encoding="utf-8")
    return root


def scb_dataset(**cells):
    values = {("27", "NR0105AI", "2023"): 455, ("27", "NR0105AI", "2024"): 457, ("27", "NR0105AI", "2025"): 470,
              ("00", "NR0105AI", "2023"): 520, ("00", "NR0105AI", "2024"): 522.5, ("00", "NR0105AI", "2025"): None}
    values |= {tuple(key.split("_")): value for key, value in cells.items()}
    return json_stat(TABLE, {"Region": ["00", "27"], "ContentsCode": ["NR0105AI"], "Tid": ["2023", "2024", "2025"]},
                     values, status={("00", "NR0105AI", "2025"): ".."})


class Run:
    """Both stand-ins served, and the command run against them with waits recorded, not slept."""

    def __init__(self, root: Path, kolada_stand_in, scb_stand_in, policy: Policy | None = None) -> None:
        self.root, self.kolada, self.scb = root, kolada_stand_in, scb_stand_in
        self.policy = policy or Policy(timeout=5, first_wait=1)
        self.waits: list[float] = []
        self.slept = 0.0

    def sleep(self, seconds: float) -> None:
        """Waits are recorded, and the clock moves on by them, without sleeping."""
        self.waits.append(seconds)
        self.slept += seconds

    def clock(self) -> float:
        return time.monotonic() + self.slept

    def __call__(self, **options):
        with ExitStack() as stack:
            stack.enter_context(serve(self.kolada, "/v3"))
            stack.enter_context(serve(self.scb, "/api/v2"))
            return update_figures(
                self.root, endpoints=Endpoints(self.kolada.url, self.scb.url), policy=self.policy,
                now=lambda: NOW, sleep=self.sleep, clock=self.clock, **options,
            )


def texts(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yml"))}


def data(root: Path, name: str) -> dict:
    document, problems = parse(name, (root / "indicators" / f"{name}.yml").read_bytes())
    assert problems == []
    return document.data


def test_figures_land_in_the_files_with_provenance_and_a_second_run_changes_nothing(strategy):
    before = texts(strategy)
    run = Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, scb_dataset()))
    outcome = run()
    assert outcome.written == ["strategy/indicators/brp-per-invanare.yml", "strategy/indicators/forvarvsfrekvens.yml"]

    labour = data(strategy, "forvarvsfrekvens")
    assert labour["values"][-2:] == [
        {"year": 2024, "value": 81.2, "women": 79.8, "men": 82.5},
        {"year": 2025, "value": 81.5, "women": 80.0, "men": 82.9},
    ]
    assert [s["area"] for s in labour["series"]] == ["00", "2701", "2715"]
    sweden = labour["series"][0]["values"]
    assert [v["year"] for v in sweden] == list(range(2019, 2026))  # since: 2019 leaves 2018 out
    # A figure the source marks missing (women in Åsby 2025) is no number in the file.
    assert labour["series"][2]["values"] == [
        {"year": 2024, "value": 78.0, "women": 76.5, "men": 79.4}, {"year": 2025, "value": 78.4, "men": 79.9},
    ]
    provenance = labour["fetched"]["kolada"]
    assert provenance["api"] == "v3" and provenance["at"] == "2026-12-01T06:00:00Z"
    [request] = provenance["requests"]
    assert request["url"] == (
        f"{run.kolada.url}/data/kpi/{KPI}/municipality/0000,0027,2701,2704,2710,2715,2721,2722,2780,2781?per_page=5000"
    )
    assert len(request["sha256"]) == 64

    brp = data(strategy, "brp-per-invanare")
    assert brp["values"][-1] == {"year": 2025, "value": 470}
    assert brp["series"] == [{"area": "00", "values": [{"year": 2023, "value": 520}, {"year": 2024, "value": 522.5}]}]
    assert brp["fetched"]["scb"]["api"] == "v2 (2.0.0)"
    assert brp["fetched"]["scb"]["requests"][0]["url"] == (
        f"{run.scb.url}/tables/{TABLE}/data?lang=sv&outputFormat=json-stat2&valuecodes[Region]=00,27"
        "&valuecodes[Tid]=*&valuecodes[ContentsCode]=NR0105AI"
    )

    # Only the two files changed, and in them only the figures' blocks: the comments stay.
    after = texts(strategy)
    assert [name for name in after if after[name] != before[name]] == [
        "indicators/brp-per-invanare.yml", "indicators/forvarvsfrekvens.yml",
    ]
    labour_text = after["indicators/forvarvsfrekvens.yml"]
    head = before["indicators/forvarvsfrekvens.yml"].split("values:")[0]
    assert labour_text.startswith(head)
    assert "# Hämtas med make figures.\nfetch:\n" in labour_text and labour_text.endswith("# Slut på filen.\n")
    assert labour_text.index("series:") < labour_text.index("fetch:") < labour_text.index("fetched:")
    load_strategy(strategy)  # still a valid strategy

    again = run()
    assert again.written == [] and texts(strategy) == after


def test_the_written_blocks_are_one_value_per_line_in_a_stable_order(strategy):
    Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, scb_dataset()))()
    text = (strategy / "indicators" / "forvarvsfrekvens.yml").read_text(encoding="utf-8")
    assert """  - year: 2025
    value: 81.5
    women: 80.0
    men: 82.9
series:
  - area: "00"
    values:
      - year: 2019
        value: 80.1
""" in text
    assert """  - area: "2701"
    values:
      - year: 2025
        value: 83.25
        women: 82.0
        men: 84.5
""" in text
    assert '''fetched:
  kolada:
    api: "v3"
    at: "2026-12-01T06:00:00Z"
    requests:
      - url: "http://127.0.0.1:''' in text


def test_pages_are_followed_on_the_configured_server(strategy):
    stand_in = kolada(KPI, kolada_figures(), pages=3)
    run = Run(strategy, stand_in, scb(TABLE, scb_dataset()))
    run()
    # next_url names api.kolada.se, as Kolada writes it; the pages were read from the stand-in.
    pages = [r.path for r in stand_in.requests if "/data/" in r.path]
    assert len(pages) == 3 and pages[1].endswith("?page=2&per_page=5000")
    labour = data(strategy, "forvarvsfrekvens")
    assert [len(s["values"]) for s in labour["series"]] == [7, 1, 2]
    assert len(labour["fetched"]["kolada"]["requests"]) == 3


def test_a_relative_next_page_and_an_empty_last_page(strategy):
    rows = kolada_rows(KPI, kolada_figures())
    stand_in = kolada(KPI, {})
    stand_in.on(r"per_page=5000$", {"values": rows[:5], "next_page": "?page=2"})
    stand_in.on(r"\?page=2$", {"values": rows[5:], "next_url": "?page=3"})
    stand_in.on(r"\?page=3$", {"values": [], "next_url": "?page=4"})
    Run(strategy, stand_in, scb(TABLE, scb_dataset()))()
    assert data(strategy, "forvarvsfrekvens")["values"][-1]["year"] == 2025
    assert not any("page=4" in r.path for r in stand_in.requests)


def test_a_revised_figure_replaces_the_published_one_and_keeps_it(strategy):
    run = Run(strategy, kolada(KPI, kolada_figures(y2023=sexes(81.1, 79.5, 82.6))), scb(TABLE, scb_dataset()))
    outcome = run()
    row = next(v for v in data(strategy, "forvarvsfrekvens")["values"] if v["year"] == 2023)
    assert row == {"year": 2023, "value": 81.1, "women": 79.5, "men": 82.6,
                   "revised": [{"date": "2026-12-01", "value": 81.0, "women": 79.5, "men": 82.4}]}
    summary = markdown(outcome)
    assert "| Region Sjöland | 2023 | 81,0 (kvinnor 79,5, män 82,4) | 81,1 (kvinnor 79,5, män 82,6) |" in summary
    assert run().written == []  # the revision is written once


def test_a_figure_the_source_marks_missing_stays_missing(strategy):
    outcome = Run(strategy, kolada(KPI, kolada_figures(y2024=sexes(None, None, None))), scb(TABLE, scb_dataset()))()
    values = data(strategy, "forvarvsfrekvens")["values"]
    # Kolada has no figure for 2024 any more: the file's figure stays, and the summary says so.
    assert {"year": 2024, "value": 81.2, "women": 79.8, "men": 82.5} in values
    assert "- Region Sjöland: 2024 (Kolada)" in markdown(outcome)
    brp = data(strategy, "brp-per-invanare")
    assert [v["year"] for v in brp["series"][0]["values"]] == [2023, 2024]  # SCB's ".." for 2025


def test_the_summary_is_the_pull_requests_description(strategy):
    outcome = Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, scb_dataset()))()
    summary = markdown(outcome)
    assert summary.startswith(
        "# Nya siffror från Kolada och SCB\n\nHämtade 2026-12-01 kl. 06:00 (UTC) från Kolada och SCB av kommandot "
        "`make figures`.\n\n14 nya värden och 0 reviderade värden i 2 indikatorer.\n"
    )
    assert "## Förvärvsfrekvens 20–64 år\n\n`strategy/indicators/forvarvsfrekvens.yml` · Kolada, nyckeltal N00914\n" \
        in summary
    assert "| Sverige | 2019–2025 | 2025: 80,7 |" in summary
    assert "| Åsby kommun | 2024, 2025 | 2025: 78,4 (män 79,9) |" in summary
    assert "| Region Sjöland | 2025 | 2025: 470 |" in summary


def _unchanged_after(strategy: Path, run: Run) -> str:
    before = texts(strategy)
    with pytest.raises(FiguresFailed) as failed:
        run()
    assert texts(strategy) == before
    assert not list(strategy.rglob("*.tmp"))
    return str(failed.value)


def test_a_busy_source_is_asked_again_after_the_wait_it_names(strategy):
    stand_in = kolada(KPI, kolada_figures())
    first_page = stand_in.routes[0]
    stand_in.on(first_page[0].pattern, Reply(429, {"title": "Too many requests"}, {"Retry-After": "7"}),
                *first_page[1])
    run = Run(strategy, stand_in, scb(TABLE, scb_dataset()))
    assert run().written
    assert run.waits[0] == 7


def test_a_source_that_stays_busy_fails_the_run_and_nothing_is_written(strategy):
    stand_in = kolada(KPI, kolada_figures())
    stand_in.on(r"/v3/data/", Reply(429, {"title": "Too many requests"}))
    message = _unchanged_after(strategy, Run(strategy, stand_in, scb(TABLE, scb_dataset())))
    assert message.startswith(
        "strategy/indicators/forvarvsfrekvens.yml: Kolada tar inte emot fler anrop just nu (HTTP 429 Too Many "
        "Requests). Kolada svarade likadant vid alla 4 försöken. Adressen: http://127.0.0.1:"
    )


def test_a_wait_longer_than_we_wait_fails_at_once(strategy):
    stand_in = kolada(KPI, kolada_figures())
    stand_in.on(r"/v3/data/", Reply(503, {}, {"Retry-After": "3600"}))
    message = _unchanged_after(strategy, Run(strategy, stand_in, scb(TABLE, scb_dataset())))
    assert "Kolada svarade med ett serverfel (HTTP 503). Kolada bad oss vänta 3600 sekunder, längre än 120." in message


def test_a_server_error_is_retried_with_growing_waits_then_fails(strategy):
    run = Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, Reply(500, b"Internal Server Error")))
    message = _unchanged_after(strategy, run)
    assert message.startswith(
        "strategy/indicators/brp-per-invanare.yml: SCB svarade med ett serverfel (HTTP 500). "
        "SCB svarade likadant vid alla 4 försöken."
    )
    assert [wait for wait in run.waits if wait >= 1] == [1, 2, 4]


def test_a_source_that_does_not_answer_in_time(strategy):
    stand_in = kolada(KPI, kolada_figures())
    stand_in.on(r"/v3/data/", Reply(body={"values": []}, delay=1.0))
    run = Run(strategy, stand_in, scb(TABLE, scb_dataset()), Policy(timeout=0.2, attempts=2, first_wait=0))
    message = _unchanged_after(strategy, run)
    assert "Kolada svarade inte inom 0.2 sekunder. Kolada svarade likadant vid alla 2 försöken." in message


def test_a_source_that_cannot_be_reached(strategy):
    before = texts(strategy)
    with pytest.raises(FiguresFailed) as failed:
        update_figures(strategy, endpoints=Endpoints("http://127.0.0.1:9/v3", "http://127.0.0.1:9/api/v2"),
                       policy=Policy(attempts=2, first_wait=0), sleep=lambda seconds: None)
    assert str(failed.value) == (
        "strategy/indicators/brp-per-invanare.yml: SCB gick inte att nå (servern tog inte emot anslutningen). "
        "SCB svarade likadant vid alla 2 försöken. Adressen: http://127.0.0.1:9/api/v2/config"
    )
    assert texts(strategy) == before


@pytest.mark.parametrize("body", [b"<html>Service Unavailable</html>", b'{"values": [', b'{"values": NaN}'])
def test_an_answer_that_is_not_json(strategy, body):
    stand_in = kolada(KPI, kolada_figures())
    stand_in.on(r"/v3/data/", Reply(body=body))
    message = _unchanged_after(strategy, Run(strategy, stand_in, scb(TABLE, scb_dataset())))
    assert "Kolada svarade med något som inte är giltig JSON, så inga siffror kunde läsas." in message


@pytest.mark.parametrize(("body", "what"), [
    ({"rows": []}, "svaret saknar listan values"),
    ({"values": [{"kpi": KPI, "municipality": "0027", "period": 2025, "values": [{"gender": "T", "value": "81"}]}]},
     "svarade med ett värde som inte är ett tal ('81')"),
    ({"values": [{"kpi": KPI, "municipality": "0027", "period": "2025H1", "values": []}]},
     "svarade med perioden '2025H1', som inte är ett år"),
])
def test_an_answer_in_another_shape(strategy, body, what):
    stand_in = kolada(KPI, kolada_figures())
    stand_in.on(r"/v3/data/", body)
    assert what in _unchanged_after(strategy, Run(strategy, stand_in, scb(TABLE, scb_dataset())))


@pytest.mark.parametrize("reply", [Reply(body={"count": 0, "values": []}), Reply(404, {"title": "Not found"})])
def test_an_unknown_key_figure(strategy, reply):
    """Kolada's data for an unknown key figure is empty (or a 404): its metadata tells why."""
    stand_in = kolada(KPI, kolada_figures())
    stand_in.on(r"/v3/data/", reply)
    stand_in.on(rf"/v3/kpi/{KPI}$", reply)
    message = _unchanged_after(strategy, Run(strategy, stand_in, scb(TABLE, scb_dataset())))
    assert message == (
        "strategy/indicators/forvarvsfrekvens.yml: Kolada har inget nyckeltal med id N00914. "
        "Kontrollera kpi under fetch.kolada."
    )


@pytest.mark.parametrize("unknown", [municipalities(unknown=("0027",)), Reply(404, {})])
def test_an_area_kolada_does_not_know(strategy, unknown):
    """No figures for an area: Kolada's list of areas tells whether it knows the area at all."""
    figures = kolada_figures()
    del figures["27"]
    stand_in = kolada(KPI, figures)
    stand_in.on(r"/v3/municipality/", unknown)
    message = _unchanged_after(strategy, Run(strategy, stand_in, scb(TABLE, scb_dataset())))
    assert message == (
        "strategy/indicators/forvarvsfrekvens.yml: Kolada känner inte till området 27 (Region Sjöland, i Kolada "
        "0027). Kontrollera areas under fetch.kolada och kommunkoderna i aktörernas filer."
    )


def test_an_unknown_table_and_a_refused_selection(strategy):
    run = Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, Reply(404, {"title": "Not Found", "status": 404})))
    assert _unchanged_after(strategy, run).endswith(f"SCB har ingen tabell med id {TABLE}. Kontrollera table under fetch.scb.")
    refused = Reply(400, {"title": "Bad Request", "status": 400,
                          "detail": "Value, 27 is not a valid value code for variable Region"})
    run = Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, refused))
    assert _unchanged_after(strategy, run).endswith(
        f"SCB godtog inte urvalet ur tabell {TABLE} (HTTP 400: Value, 27 is not a valid value code for variable "
        "Region). Kontrollera att variablerna och värdena under fetch.scb (selection, region, time, sex) och "
        "områdena finns i tabellen."
    )


def test_a_table_with_more_than_one_value_per_area_and_year(strategy):
    dataset = json_stat(TABLE, {"Region": ["27"], "ContentsCode": ["A", "B"], "Tid": ["2025"]},
                        {("27", "A", "2025"): 1, ("27", "B", "2025"): 2})
    message = _unchanged_after(strategy, Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, dataset)))
    assert message.endswith(
        f"SCB (tabell {TABLE}) gav 2 värden för variabeln ContentsCode, men indikatorn kan bara visa ett. "
        'Välj ett av dem under fetch.scb.selection, t.ex. ContentsCode: "A".'
    )


def test_scb_sex_codes_and_a_sparse_answer(strategy):
    path = strategy / "indicators" / "brp-per-invanare.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    areas: [län, riket]\n",
        '    sex: {variable: Kon, total: "1+2", women: "2", men: "1"}\n    areas: [län]\n    since: 2025\n',
    ), encoding="utf-8")
    dataset = json_stat(TABLE, {"Region": ["27"], "Kon": ["1", "2", "1+2"], "ContentsCode": ["NR0105AI"],
                                "Tid": ["2024", "2025"]},
                        {("27", "1", "NR0105AI", "2025"): 480, ("27", "2", "NR0105AI", "2025"): 460,
                         ("27", "1+2", "NR0105AI", "2025"): 470, ("27", "1+2", "NR0105AI", "2024"): 999})
    dataset["value"] = {str(i): v for i, v in enumerate(dataset["value"]) if v is not None}
    stand_in = scb(TABLE, dataset)
    Run(strategy, kolada(KPI, kolada_figures()), stand_in)()
    assert data(strategy, "brp-per-invanare")["values"][-1] == {"year": 2025, "value": 470, "women": 460, "men": 480}
    assert stand_in.requests[-1].query["valuecodes[Kon]"] == ["1+2,2,1"]


def test_scbs_call_window_is_kept(strategy):
    for number in range(3):  # three more indicators from the same table
        path = strategy / "indicators" / f"brp-{number}.yml"
        text = (strategy / "indicators" / "brp-per-invanare.yml").read_text(encoding="utf-8")
        path.write_text(text.replace("id: brp-per-invanare", f"id: brp-{number}"), encoding="utf-8")
    config = SCB_CONFIG | {"maxCallsPerTimeWindow": 2, "timeWindow": 10}
    run = Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, scb_dataset(), config=config))
    run()
    # /config and four tables: five calls, at most two in any ten seconds.
    assert [round(wait) for wait in run.waits] == [10, 10]


def test_one_failing_indicator_writes_no_other(strategy):
    stand_in = scb(TABLE, scb_dataset())
    stand_in.on(r"/data\?", Reply(400, {"detail": "nej"}))
    message = _unchanged_after(strategy, Run(strategy, kolada(KPI, kolada_figures()), stand_in))
    assert message.startswith("strategy/indicators/brp-per-invanare.yml: SCB godtog inte urvalet")


def test_a_figure_no_file_may_hold_writes_nothing(strategy):
    message = _unchanged_after(strategy, Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, scb_dataset(
        **{"27_NR0105AI_2025": 1e300}))))
    assert message.startswith("De hämtade siffrorna skulle göra strategin ogiltig, så inget skrevs:\n\n"
                              "strategy/indicators/brp-per-invanare.yml:")


def test_an_invalid_strategy_is_not_fetched_for(strategy):
    path = strategy / "indicators" / "forvarvsfrekvens.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("areas: [län, riket, kommuner]", 'areas: ["0999"]'),
                    encoding="utf-8")
    from strategy_as_code.problems import StrategyInvalid

    stand_in = kolada(KPI, kolada_figures())
    with pytest.raises(StrategyInvalid) as invalid:
        Run(strategy, stand_in, scb(TABLE, scb_dataset()))()
    assert stand_in.requests == []
    [problem] = invalid.value.problems
    assert (problem.path, problem.line, problem.message) == (
        "strategy/indicators/forvarvsfrekvens.yml", 52, 'Området "0999" finns inte.'
    )


def _command(strategy: Path, kolada_url: str, scb_url: str, *args: str):
    import os
    import subprocess
    import sys

    env = os.environ | {"KOLADA_API_URL": kolada_url, "SCB_API_URL": scb_url}
    return subprocess.run(
        [sys.executable, "-m", "strategy_as_code", "figures", str(strategy), "--retry-wait", "0", *args],
        capture_output=True, text=True, check=False, env=env,
    )


def test_the_command_writes_the_figures_and_the_pull_requests_description(strategy, tmp_path):
    summary = tmp_path / "beskrivning.md"
    with serve(kolada(KPI, kolada_figures()), "/v3") as k, serve(scb(TABLE, scb_dataset()), "/api/v2") as s:
        done = _command(strategy, k.url, s.url, "--summary", str(summary))
        assert done.returncode == 0, done.stderr
        assert done.stdout == (
            "strategy/indicators/brp-per-invanare.yml: 3 nya värden, 0 reviderade, 4 bara i filen (skrevs)\n"
            "strategy/indicators/forvarvsfrekvens.yml: 11 nya värden, 0 reviderade, 0 bara i filen (skrevs)\n"
            "Nya siffror skrevs i 2 filer.\n"
        )
        assert summary.read_text(encoding="utf-8").startswith("# Nya siffror från Kolada och SCB\n")
        again = _command(strategy, k.url, s.url, "--summary", str(summary))
    assert again.returncode == 0
    assert again.stdout.endswith("Inga nya siffror: filerna är oförändrade.\n")
    assert "Inga nya eller ändrade siffror: alla hämtade värden stämmer med strategins filer." in summary.read_text(
        encoding="utf-8")


def test_the_command_says_what_failed_in_swedish_and_writes_nothing(strategy):
    before = texts(strategy)
    with serve(kolada(KPI, kolada_figures()), "/v3") as k, serve(scb(TABLE, Reply(500, b"")), "/api/v2") as s:
        done = _command(strategy, k.url, s.url)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        "Siffrorna kunde inte hämtas.\n"
        "strategy/indicators/brp-per-invanare.yml: SCB svarade med ett serverfel (HTTP 500). SCB svarade likadant "
        f"vid alla 4 försöken. Adressen: {s.url}/tables/{TABLE}/data?lang=sv&outputFormat=json-stat2"
        "&valuecodes[Region]=00,27&valuecodes[Tid]=*&valuecodes[ContentsCode]=NR0105AI\n"
        "Inga siffror skrevs; strategins filer är som de var.\n"
    )
    assert texts(strategy) == before


def test_the_examples_sourced_indicators_are_fetched_with_provenance(strategy_dir):
    """The example's fetch specs against a Kolada that knows every key figure and area."""
    import re as regex



    def answer(path: str) -> dict:
        kpi, ids = regex.search(r"/kpi/(\w+)/municipality/([\d,]+)", path).groups()
        rows = [{"kpi": kpi, "municipality": i, "period": 2025,
                 "values": [{"gender": g, "status": "", "value": 50.0 + n} for n, g in enumerate("TKM")]}
                for i in ids.split(",")]
        return {"count": len(rows), "values": rows}

    stand_in = StandIn()
    stand_in.on(r"/v3/kpi/(N\d{5})$", Reply(body=lambda path: {"values": [{"id": path.rsplit("/", 1)[1]}]}))
    stand_in.on(r"/v3/municipality/", municipalities())
    stand_in.on(r"/v3/data/", Reply(body=answer))
    run = Run(strategy_dir, stand_in, scb(TABLE, scb_dataset()))
    outcome = run()
    assert outcome.written == [f"strategy/indicators/{name}.yml" for name in (
        "bredband-1-gbit", "forvarvsfrekvens", "nyforetagande", "ohalsotal")]
    for name in ("bredband-1-gbit", "forvarvsfrekvens", "nyforetagande", "ohalsotal"):
        indicator = data(strategy_dir, name)
        assert indicator["values"][-1]["year"] == 2025
        assert [s["area"] for s in indicator["series"]] == ["00", "2701", "2704", "2710", "2715", "2721", "2722",
                                                             "2780", "2781"]
        assert indicator["fetched"]["kolada"]["at"] == "2026-12-01T06:00:00Z"
    assert run().written == []


def test_an_scb_that_takes_the_selection_only_as_a_post(strategy):
    """PxWebApi 2 documents both GET and POST for data; a server that refuses the GET (405) gets
    the same selection as JSON, and the file keeps the body beside the address."""
    import json

    stand_in = StandIn()
    stand_in.on(r"/api/v2/config$", SCB_CONFIG)
    stand_in.on(rf"/api/v2/tables/{TABLE}/data\?", scb_dataset(), method="POST")
    Run(strategy, kolada(KPI, kolada_figures()), stand_in)()
    post = stand_in.requests[-1]
    assert (post.method, json.loads(post.body)) == ("POST", {"selection": [
        {"variableCode": "Region", "valueCodes": ["00", "27"]}, {"variableCode": "Tid", "valueCodes": ["*"]},
        {"variableCode": "ContentsCode", "valueCodes": ["NR0105AI"]},
    ]})
    [request] = data(strategy, "brp-per-invanare")["fetched"]["scb"]["requests"]
    assert request["url"].endswith(f"/tables/{TABLE}/data?lang=sv&outputFormat=json-stat2")
    assert json.loads(request["body"]) == json.loads(post.body)
    load_strategy(strategy)


def test_an_scb_without_config_is_asked_at_scbs_published_pace(strategy):
    stand_in = scb(TABLE, scb_dataset())
    stand_in.on(r"/api/v2/config$", Reply(404, {"title": "Not Found"}))
    run = Run(strategy, kolada(KPI, kolada_figures()), stand_in)
    assert run().written
    assert data(strategy, "brp-per-invanare")["fetched"]["scb"]["api"] == "v2"


def test_an_area_scbs_table_does_not_have(strategy):
    dataset = json_stat(TABLE, {"Region": ["27"], "ContentsCode": ["NR0105AI"], "Tid": ["2025"]},
                        {("27", "NR0105AI", "2025"): 470})
    message = _unchanged_after(strategy, Run(strategy, kolada(KPI, kolada_figures()), scb(TABLE, dataset)))
    assert message == (
        f"strategy/indicators/brp-per-invanare.yml: SCB:s tabell {TABLE} har inget område 00 (Sverige). "
        "Kontrollera areas under fetch.scb och kommunkoderna i aktörernas filer."
    )
