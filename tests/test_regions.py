"""Sweden's counties, regions and municipalities as shipped in data/sverige: the official codes,
complete and consistent, and a region found from what a person types."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from strategy_as_code import regions
from strategy_as_code.regions import RegionDataInvalid, RegionNotFound

REGION_NAMES = {
    "01": "Region Stockholm", "03": "Region Uppsala", "04": "Region Sörmland", "05": "Region Östergötland",
    "06": "Region Jönköpings län", "07": "Region Kronoberg", "08": "Region Kalmar län", "09": "Region Gotland",
    "10": "Region Blekinge", "12": "Region Skåne", "13": "Region Halland", "14": "Västra Götalandsregionen",
    "17": "Region Värmland", "18": "Region Örebro län", "19": "Region Västmanland", "20": "Region Dalarna",
    "21": "Region Gävleborg", "22": "Region Västernorrland", "23": "Region Jämtland Härjedalen",
    "24": "Region Västerbotten", "25": "Region Norrbotten",
}
"""The regions' own names, cross-checked against three independent lists (data/sverige/README.md)."""

MUNICIPALITIES_PER_COUNTY = {
    "01": 26, "03": 8, "04": 9, "05": 13, "06": 13, "07": 8, "08": 12, "09": 1, "10": 5, "12": 33, "13": 6,
    "14": 49, "17": 16, "18": 12, "19": 10, "20": 15, "21": 10, "22": 7, "23": 8, "24": 15, "25": 14,
}


@pytest.fixture(scope="module")
def sweden() -> regions.Sweden:
    return regions.load()


def test_there_are_21_counties_and_290_municipalities(sweden):
    assert len(sweden.counties) == 21
    assert len(sweden.municipalities) == 290


def test_county_codes_run_from_01_to_25_without_02_11_15_16(sweden):
    expected = {f"{n:02d}" for n in range(1, 26)} - {"02", "11", "15", "16"}
    assert {county.code for county in sweden.counties} == expected


def test_each_region_has_its_official_name_and_county_board(sweden):
    assert {county.code: county.region for county in sweden.counties} == REGION_NAMES
    for county in sweden.counties:
        assert county.name.endswith(" län")
        assert county.county_board == f"Länsstyrelsen i {county.name}"
    assert sweden.county("01").name == "Stockholms län"
    assert sweden.county("12").name == "Skåne län"
    assert sweden.county("14").name == "Västra Götalands län"


def test_municipality_codes_are_four_digits_unique_and_start_with_their_county_code(sweden):
    codes = [m.code for m in sweden.municipalities]
    assert len(set(codes)) == 290
    for county in sweden.counties:
        for municipality in county.municipalities:
            assert len(municipality.code) == 4 and municipality.code.isdigit()
            assert municipality.code.startswith(county.code)
            assert municipality.county_code == county.code


def test_each_county_has_its_number_of_municipalities(sweden):
    assert {c.code: len(c.municipalities) for c in sweden.counties} == MUNICIPALITIES_PER_COUNTY


@pytest.mark.parametrize(("code", "name", "organisation", "county"), [
    ("0114", "Upplands Väsby", "Upplands Väsby kommun", "01"),
    ("0140", "Nykvarn", "Nykvarns kommun", "01"),
    ("0180", "Stockholm", "Stockholms kommun", "01"),
    ("0330", "Knivsta", "Knivsta kommun", "03"),
    ("0331", "Heby", "Heby kommun", "03"),
    ("0380", "Uppsala", "Uppsala kommun", "03"),
    ("0980", "Gotland", "Region Gotland", "09"),
    ("1280", "Malmö", "Malmö kommun", "12"),
    ("1421", "Orust", "Orust kommun", "14"),
    ("1480", "Göteborg", "Göteborgs kommun", "14"),
    ("1860", "Laxå", "Laxå kommun", "18"),
    ("2080", "Falun", "Falu kommun", "20"),
    ("2180", "Gävle", "Gävle kommun", "21"),
    ("2580", "Luleå", "Luleå kommun", "25"),
    ("2584", "Kiruna", "Kiruna kommun", "25"),
])
def test_known_codes(sweden, code, name, organisation, county):
    municipality = sweden.municipality(code)
    assert (municipality.name, municipality.organisation, municipality.county_code) == (name, organisation, county)


def test_gotland_is_one_municipality_in_gotlands_lan_run_by_region_gotland(sweden):
    gotland = sweden.county("09")
    assert (gotland.name, gotland.region) == ("Gotlands län", "Region Gotland")
    assert [m.code for m in gotland.municipalities] == ["0980"]


@pytest.mark.parametrize("typed", [
    "Region Gävleborg", "Gävleborg", "gävleborgs län", "GÄVLEBORGS LÄN", "21", "gavleborg", "  Region  Gävleborg ",
    "Länsstyrelsen i Gävleborgs län",
])
def test_a_region_is_found_by_name_county_or_code(sweden, typed):
    assert sweden.find(typed).code == "21"


@pytest.mark.parametrize(("typed", "code"), [
    ("Västra Götaland", "14"), ("Västra Götalandsregionen", "14"), ("Sörmland", "04"), ("Södermanland", "04"),
    ("Jämtland Härjedalen", "23"), ("jämtland", "23"), ("1", "01"), ("Region Kalmar län", "08"), ("Skåne", "12"),
])
def test_other_names_regions_go_by(sweden, typed, code):
    assert sweden.find(typed).code == code


def test_a_typo_gets_a_swedish_suggestion(sweden):
    with pytest.raises(RegionNotFound) as raised:
        sweden.find("Gävlebrog")
    assert str(raised.value) == (
        'Det finns ingen region som heter "Gävlebrog". Menade du Region Gävleborg (Gävleborgs län, länskod 21)?'
    )
    assert raised.value.suggestion.code == "21"


def test_a_municipality_is_pointed_to_its_region(sweden):
    with pytest.raises(RegionNotFound) as raised:
        sweden.find("Göteborg")
    assert str(raised.value) == '"Göteborg" är en kommun i Västra Götalands län, inte en region. Menade du Västra Götalandsregionen?'


def test_an_unused_county_code_is_explained(sweden):
    with pytest.raises(RegionNotFound, match=r'ingen region med länskoden "11".*\(02, 11, 15 och 16 används inte\)'):
        sweden.find("11")


def test_nothing_like_a_region_lists_all_21(sweden):
    with pytest.raises(RegionNotFound) as raised:
        sweden.find("Norrland")
    assert raised.value.suggestion is None
    assert all(name in str(raised.value) for name in REGION_NAMES.values())


def _broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "sverige"
    shutil.copytree(regions.DATA_FOLDER, folder)
    return folder


def test_wrong_data_is_refused_with_every_problem_named_by_file_and_line(tmp_path):
    folder = _broken_copy(tmp_path)
    path = folder / "kommuner.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "0114,Upplands Väsby,Upplands Väsby kommun,01"
    lines[1] = "0314,Upplands Väsby,Upplands Väsby kommun,01"  # code and county disagree
    lines.append("2584,Kiruna,Kiruna kommun,25")  # a second Kiruna
    lines.append("114,Fel,Fel kommun,01")  # three digits
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RegionDataInvalid) as raised:
        regions.load(folder)
    message = str(raised.value)
    assert message.startswith("Uppgifterna om Sveriges län och kommuner går inte att läsa:\n")
    assert f"{path}: rad 2: kommunkoden 0314 ska börja med länets kod 01." in message
    assert f"{path}: rad 292: kommunkoden 2584 finns redan på en tidigare rad." in message
    assert f'{path}: rad 293: kommunkoden "114" ska vara fyra siffror, t.ex. 0114.' in message


def test_a_missing_file_or_wrong_header_is_refused(tmp_path):
    folder = _broken_copy(tmp_path)
    (folder / "kommuner.csv").unlink()
    county_file = folder / "lan.csv"
    county_file.write_text(county_file.read_text(encoding="utf-8").replace("lanskod,lan,", "kod,lan,", 1), encoding="utf-8")
    with pytest.raises(RegionDataInvalid) as raised:
        regions.load(folder)
    assert f"{folder / 'kommuner.csv'}: filen saknas." in str(raised.value)
    assert f"{county_file}: rad 1: kolumnerna ska vara lanskod,lan,kortnamn,region,lansstyrelse" in str(raised.value)
