"""Sweden's 21 counties (län), their regions and 290 municipalities, read from the official codes
shipped in ``data/sverige/``; finds a region from what a person types ("Gävleborg", "21").

Used by ``new_region`` to start a strategy for a real region. Reading checks the data as the
loader checks a strategy: every problem collected, then reported once in Swedish.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path


def _data_folder() -> Path:
    """``data/sverige`` in the repository this module belongs to: the nearest ancestor folder that
    has it, so the module may move within the package without losing its data."""
    here = Path(__file__).resolve()
    for folder in here.parents:
        candidate = folder / "data" / "sverige"
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "data" / "sverige"


DATA_FOLDER = _data_folder()
COUNTIES_FILE = "lan.csv"
MUNICIPALITIES_FILE = "kommuner.csv"
COUNTY_COLUMNS = ("lanskod", "lan", "kortnamn", "region", "lansstyrelse")
MUNICIPALITY_COLUMNS = ("kommunkod", "kommun", "namn", "lanskod")


@dataclass(frozen=True)
class Municipality:
    """A kommun, by SCB's code."""

    code: str
    """Kommunkod, four digits; the first two are the county's code, e.g. ``2180``."""
    name: str
    """The name in SCB's code list, e.g. ``Gävle``."""
    organisation: str
    """The municipality as an organisation, as a partner file names it, e.g. ``Gävle kommun``."""
    county_code: str


@dataclass(frozen=True)
class County:
    """A län with the region that holds the regional development responsibility in it."""

    code: str
    """Länskod, two digits, e.g. ``21``."""
    name: str
    """The county's name, e.g. ``Gävleborgs län``."""
    short_name: str
    """The name without "län", e.g. ``Gävleborg``."""
    region: str
    """The region's own name, e.g. ``Region Gävleborg`` or ``Västra Götalandsregionen``."""
    county_board: str
    """The länsstyrelse, e.g. ``Länsstyrelsen i Gävleborgs län``."""
    municipalities: tuple[Municipality, ...]
    """In code order."""

    @property
    def label(self) -> str:
        """How a message names the region unmistakably: ``Region Gävleborg (Gävleborgs län, länskod 21)``."""
        return f"{self.region} ({self.name}, länskod {self.code})"


class RegionDataInvalid(Exception):
    """The files in ``data/sverige`` are missing or wrong; the message lists every problem in Swedish."""


class RegionNotFound(Exception):
    """No region matches what was typed; the message says so in Swedish and may suggest one."""

    def __init__(self, message: str, suggestion: County | None = None) -> None:
        super().__init__(message)
        self.suggestion = suggestion


def fold(text: str) -> str:
    """Lower case, one space between words, no diacritics and no hyphens: how names are compared,
    so that "gavleborgs  lan" finds Gävleborgs län."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.split(r"[\s\-–]+", plain.strip()))


@dataclass(frozen=True)
class Sweden:
    counties: tuple[County, ...]

    @property
    def municipalities(self) -> tuple[Municipality, ...]:
        return tuple(m for county in self.counties for m in county.municipalities)

    def county(self, code: str) -> County:
        for county in self.counties:
            if county.code == code:
                return county
        raise KeyError(code)

    def municipality(self, code: str) -> Municipality:
        for municipality in self.municipalities:
            if municipality.code == code:
                return municipality
        raise KeyError(code)

    def _names(self) -> dict[str, County]:
        """Every way of naming a region that :meth:`find` accepts, folded, to its county."""
        names: dict[str, County] = {}
        for county in self.counties:
            forms = {
                county.region, county.region.removeprefix("Region "), county.name, county.short_name,
                county.name.removesuffix(" län"), county.county_board,
            }
            for form in forms:
                names[fold(form)] = county
        return names

    def find(self, typed: str) -> County:
        """The county a person means by ``typed``: the region's name ("Region Gävleborg"), the
        county's ("Gävleborgs län", "Gävleborg") or its code ("21", "1" for "01"), in any case and
        with or without å, ä, ö. Raises :class:`RegionNotFound` with a Swedish message otherwise."""
        text = typed.strip()
        if not text:
            raise RegionNotFound("Ange vilken region strategin gäller, med namn eller länskod.")
        if text.isdigit() and len(text) <= 2:
            code = text.zfill(2)
            for county in self.counties:
                if county.code == code:
                    return county
            codes = ", ".join(c.code for c in self.counties)
            raise RegionNotFound(
                f'Det finns ingen region med länskoden "{text}". Länskoderna är {codes} '
                "(02, 11, 15 och 16 används inte)."
            )
        names = self._names()
        folded = fold(text)
        if folded in names:
            return names[folded]
        for municipality in self.municipalities:
            if fold(municipality.name) == folded or fold(municipality.organisation) == folded:
                county = self.county(municipality.county_code)
                raise RegionNotFound(
                    f'"{text}" är en kommun i {county.name}, inte en region. Menade du {county.region}?',
                    county,
                )
        guess = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.8)
        if guess:
            county = names[guess[0]]
            raise RegionNotFound(f'Det finns ingen region som heter "{text}". Menade du {county.label}?', county)
        regions = ", ".join(c.region for c in self.counties)
        raise RegionNotFound(f'Det finns ingen region som heter "{text}". Sveriges regioner är {regions}.')


def _read(path: Path, columns: tuple[str, ...], problems: list[str]) -> list[tuple[int, dict[str, str]]]:
    """The rows of one CSV file with their line numbers; a missing file or wrong header is a problem."""
    try:
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            if tuple(reader.fieldnames or ()) != columns:
                problems.append(
                    f"{path}: rad 1: kolumnerna ska vara {','.join(columns)}, "
                    f"men är {','.join(reader.fieldnames or ()) or 'inga'}."
                )
                return []
            rows = []
            for row in reader:
                if None in row or any(value is None for value in row.values()):
                    problems.append(f"{path}: rad {reader.line_num}: raden ska ha {len(columns)} fält.")
                    continue
                rows.append((reader.line_num, {key: value.strip() for key, value in row.items()}))
            return rows
    except FileNotFoundError:
        problems.append(f"{path}: filen saknas. Den hör till repot; hämta den från git.")
    except UnicodeDecodeError:
        problems.append(f"{path}: filen är inte sparad som UTF-8.")
    except csv.Error as error:
        problems.append(f"{path}: filen går inte att läsa som CSV ({error}).")
    return []


def load(folder: Path = DATA_FOLDER) -> Sweden:
    """Read and check the counties and municipalities in ``folder``; raise
    :class:`RegionDataInvalid` listing every problem if the data is wrong."""
    problems: list[str] = []
    county_path, municipality_path = folder / COUNTIES_FILE, folder / MUNICIPALITIES_FILE
    county_rows = _read(county_path, COUNTY_COLUMNS, problems)
    municipality_rows = _read(municipality_path, MUNICIPALITY_COLUMNS, problems)

    counties: dict[str, dict[str, str]] = {}
    for line, row in county_rows:
        where = f"{county_path}: rad {line}"
        if not re.fullmatch(r"[0-9]{2}", row["lanskod"]):
            problems.append(f'{where}: länskoden "{row["lanskod"]}" ska vara två siffror, t.ex. 01.')
        elif row["lanskod"] in counties:
            problems.append(f"{where}: länskoden {row['lanskod']} finns redan på en tidigare rad.")
        empty = [column for column in COUNTY_COLUMNS if not row[column]]
        if empty:
            problems.append(f"{where}: {', '.join(empty)} är tomt.")
        counties.setdefault(row["lanskod"], row)

    members: dict[str, list[Municipality]] = {code: [] for code in counties}
    seen: set[str] = set()
    for line, row in municipality_rows:
        where = f"{municipality_path}: rad {line}"
        code, county_code = row["kommunkod"], row["lanskod"]
        if not re.fullmatch(r"[0-9]{4}", code):
            problems.append(f'{where}: kommunkoden "{code}" ska vara fyra siffror, t.ex. 0114.')
            continue
        if code in seen:
            problems.append(f"{where}: kommunkoden {code} finns redan på en tidigare rad.")
            continue
        seen.add(code)
        if county_code not in counties:
            problems.append(f'{where}: länskoden "{county_code}" finns inte i {COUNTIES_FILE}.')
            continue
        if not code.startswith(county_code):
            problems.append(f"{where}: kommunkoden {code} ska börja med länets kod {county_code}.")
        empty = [column for column in MUNICIPALITY_COLUMNS if not row[column]]
        if empty:
            problems.append(f"{where}: {', '.join(empty)} är tomt.")
        members[county_code].append(Municipality(code, row["kommun"], row["namn"], county_code))

    for code, row in counties.items():
        if not members.get(code):
            problems.append(f"{county_path}: {row['lan'] or code} har inga kommuner i {MUNICIPALITIES_FILE}.")
    if problems:
        raise RegionDataInvalid(
            "Uppgifterna om Sveriges län och kommuner går inte att läsa:\n" + "\n".join(f"- {p}" for p in problems)
        )
    return Sweden(tuple(
        County(
            code, row["lan"], row["kortnamn"], row["region"], row["lansstyrelse"],
            tuple(sorted(members[code], key=lambda m: m.code)),
        )
        for code, row in sorted(counties.items())
    ))
