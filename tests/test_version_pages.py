""""Vad har ändrats?" and "Versioner" say what is true at every stage of the site's life: before
any version is published (a local build, the draft), with one published version, and with many,
including versions the decisions record that were never published on the site."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from strategy_as_code import load_strategy
from strategy_as_code.changes.compare import compare
from strategy_as_code.reading.versions import AdoptedVersion
from strategy_as_code.render.history import History, version_pages
from strategy_as_code.render.shield import Shield
from support import EXAMPLE

ADOPTION = "Strategin antogs av Regionfullmäktige 15 juni 2021 , diarienummer RS 2020/00412."
DECISIONS_NEWEST_FIRST = [
    "Årlig revidering av RUS 2030 – version 2025 Regionala utvecklingsnämnden, 20 maj 2025",
    "Modell för uppföljning av den regionala utvecklingsstrategin Regionala utvecklingsnämnden, 17 mars 2022",
    "Ökad närvaro i kommunerna för att stärka det regionala utvecklingsarbetet Regionstyrelsen, 28 september 2021",
    "Antagande av regional utvecklingsstrategi för Sjölands län 2021–2030 Regionfullmäktige, 15 juni 2021",
]


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(EXAMPLE)


def version(year: int) -> AdoptedVersion:
    return AdoptedVersion(year, f"v{year}", f"{year}-06-01", "0" * 40)


def pages(strategy, history: History, *, current: str, status: str) -> tuple[BeautifulSoup, BeautifulSoup]:
    """The changes page and the versions page as HTML."""
    shield = Shield()
    changes, archive = version_pages(strategy, shield, history, version=current, status=status)
    return tuple(BeautifulSoup(shield.reveal(page.content), "html.parser") for page in (changes, archive))


def text(soup: BeautifulSoup) -> str:
    return soup.get_text(" ", strip=True)


def items(soup: BeautifulSoup, selector: str) -> list[str]:
    return [text(item) for item in soup.select(selector)]


@pytest.mark.parametrize(("current", "status", "reading"), [
    ("", "", "Du läser strategin som den står i källfilerna just nu, inte en publicerad version."),
    ("utkast", "utkast", "Du läser utkastet till nästa version. Det är inte antaget."),
])
def test_before_any_version_is_published_the_decisions_say_what_is_adopted(strategy, current, status, reading):
    changes, archive = pages(strategy, History(), current=current, status=status)
    assert "Ingen version av strategin har publicerats på webbplatsen ännu, så här finns ingen version att jämföra med." in text(changes)
    assert items(changes, ".rus-links li") == DECISIONS_NEWEST_FIRST
    assert changes.select_one(".rus-links a")["href"] == "../beslut/arsversion-2025/"

    assert text(archive.select_one(".rus-lead")) == reading
    assert ADOPTION in text(archive)
    assert text(archive.select_one(".rus-empty")) == "Ingen version av strategin har publicerats på webbplatsen ännu."
    assert archive.select("table") == []
    assert "tabellen" not in text(archive) and "menyn" not in text(archive)
    assert text(archive.select_one("h2")) == "Beslutade versioner"
    assert items(archive, ".rus-links li") == [
        "Version 2025: Regionala utvecklingsnämnden 20 maj 2025 , diarienummer RUN 2025/00141"
    ]


def test_the_first_published_version_has_nothing_to_compare_and_is_listed_with_its_decision(strategy):
    history = History(versions=[version(2025)])
    changes, archive = pages(strategy, history, current="2025", status="antagen")
    assert text(changes.select_one(".rus-lead")) == (
        "Version 2025 av strategin antogs av Regionala utvecklingsnämnden 20 maj 2025 , diarienummer RUN 2025/00141."
    )
    assert "Det här är den första antagna versionen av strategin på webbplatsen" in text(changes)
    assert items(changes, ".rus-links li") == DECISIONS_NEWEST_FIRST

    assert text(archive.select_one(".rus-lead")) == "Du läser version 2025."
    assert ADOPTION in text(archive)
    rows = [[text(cell) for cell in row.select("th, td")] for row in archive.select("tbody tr")]
    assert rows == [["2025 (gällande)", "1 juni 2025", "Regionala utvecklingsnämnden 20 maj 2025 , diarienummer RUN 2025/00141",
                     "Version 2025 som pdf"]]
    assert archive.select_one("tbody a[type='application/pdf']")["href"] == "../../2025/strategin-2025.pdf"
    assert archive.select("h2") == [] and archive.select(".rus-empty") == []


def test_many_versions_are_compared_and_listed_and_a_decided_version_never_published_is_named(strategy):
    # The site started with version 2026; the decisions also record version 2025, adopted before it.
    history = History(versions=[version(2026), version(2027)], previous=version(2026), changes=compare(strategy, strategy))
    changes, archive = pages(strategy, history, current="2027", status="antagen")
    assert "Jämfört med version 2026 , publicerad 1 juni 2026 ." in text(changes)
    assert "Inget i strategin har ändrats sedan version 2026." in text(changes)
    assert changes.select(".rus-links") == []

    rows = [[text(cell) for cell in row.select("th, td")] for row in archive.select("tbody tr")]
    assert [row[0] for row in rows] == ["2027 (gällande)", "2026"]
    assert rows[0][2] == "Beslutet finns inte med i den här versionens underlag."
    assert text(archive.select_one("h2")) == "Beslutade versioner som inte finns på webbplatsen"
    assert items(archive, ".rus-links li") == [
        "Version 2025: Regionala utvecklingsnämnden 20 maj 2025 , diarienummer RUN 2025/00141"
    ]
