"""The accessible PDF of a version (publishing/printed.py), read back with pypdf as a PDF reader
and a screen reader's software would: tagged PDF/UA-1 in Swedish, a bookmark for every part and
every goal, headings, tables and the charts' text alternatives in reading order, a title page from
the data, a table of contents whose page numbers are right, page numbers, and no heading left at
the foot of a page without what follows it.

pypdf: pure Python (no compiled library to install), reads both the structure tree and the page
text, and is kept up to date; the PDF itself is written by WeasyPrint."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from strategy_as_code import load_strategy
from strategy_as_code.publishing.printed import write_pdf
from support import EXAMPLE, REPO

HEADINGS = {"/H1", "/H2", "/H3", "/H4"}


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(EXAMPLE)


@pytest.fixture(scope="module")
def pdf(strategy, tmp_path_factory) -> PdfReader:
    """Version 2025 of the frozen example, with the site's stylesheets as mkdocs.yml lists them."""
    class Loader(yaml.SafeLoader):
        """mkdocs.yml as plain data: its tags (!ENV, !!python/…) read as nothing."""

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    stylesheets = [REPO / "docs" / path for path in config["extra_css"]]
    target = tmp_path_factory.mktemp("pdf") / "strategin-2025.pdf"
    write_pdf(strategy, target, stylesheets=stylesheets, base_url="https://example.org/rus/2025/",
              version="2025", status="antagen")
    return PdfReader(target)


def elements(reader: PdfReader) -> list[tuple[int, DictionaryObject]]:
    """The structure tree's elements in reading order, with their depth."""
    found: list[tuple[int, DictionaryObject]] = []

    def walk(node, depth: int) -> None:
        node = node.get_object()
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid, depth)
        elif isinstance(node, DictionaryObject) and "/S" in node:
            found.append((depth, node))
            if "/K" in node:
                walk(node["/K"], depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"], 0)
    return found


def page_of(reader: PdfReader, element: DictionaryObject) -> int | None:
    """The page (1-based) where an element's first content is."""
    numbers = {page.indirect_reference.idnum: index + 1 for index, page in enumerate(reader.pages)}
    if "/Pg" in element:
        return numbers[element.raw_get("/Pg").idnum]
    kids = element.get("/K")
    for kid in (kids.get_object() if isinstance(kids.get_object(), ArrayObject) else [kids]) if kids is not None else []:
        kid = kid.get_object()
        if isinstance(kid, DictionaryObject) and (page := page_of(reader, kid)):
            return page
    return None


def bookmarks(reader: PdfReader, items=None, depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, page) of every bookmark, in order."""
    result = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            result.extend(bookmarks(reader, item, depth + 1))
        else:
            result.append((depth, item.title, reader.get_destination_page_number(item) + 1))
    return result


def test_it_is_tagged_pdf_ua_in_swedish_with_its_title_shown(pdf, strategy):
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "sv"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", metadata), "no PDF/UA-1 identification in the XMP metadata"
    assert pdf.metadata.title == f"{strategy.settings.name} – version 2025"
    assert pdf.metadata.author == str(strategy.settings.region)
    assert elements(pdf)[0][1]["/S"] == "/Document"


def test_a_bookmark_for_every_part_and_every_goal_in_reading_order(pdf, strategy):
    marks = bookmarks(pdf)
    assert marks[0][:2] == (0, str(strategy.settings.name))
    parts = [title for depth, title, _ in marks if depth == 1]
    assert parts == ["Innehåll", "Vision", "Tidshorisonter", "Utmaningar", "Mål", "Strategier", "Perspektiv",
                     "Vägledande principer", "Framgångsfaktorer", "Kraftsamlingar", "Uppföljning"]
    goals = [
        title for goal in strategy.main_goals
        for title in [f"Mål {goal.order}. {goal.name}"] + [f"Delmål {sub.order}. {sub.name}"
                                                          for sub in strategy.subgoals_of(goal)]
    ]
    titles = [title for _, title, _ in marks]
    assert titles[titles.index("Mål") + 1:titles.index("Strategier")] == goals
    pages = [page for _, _, page in marks]
    assert pages == sorted(pages), "the bookmarks do not follow the pages"
    # Each heading is tagged, in the same order as the bookmarks.
    headings = [element for _, element in elements(pdf) if element["/S"] in HEADINGS]
    assert [page_of(pdf, h) for h in headings] == pages


def test_every_chart_has_its_text_in_reading_order(pdf, strategy):
    figures = [element for _, element in elements(pdf) if element["/S"] == "/Figure"]
    charted = [indicator for indicator in strategy.indicators if indicator.values]
    assert len(figures) == len(charted), "a figure without text, or a decoration tagged as content"
    for figure, indicator in zip(figures, charted, strict=True):
        alternative = str(figure["/Alt"])
        assert alternative.startswith(f"Diagram: {indicator.name}, {indicator.unit}. ")
        assert "Alla värden finns i tabellen under diagrammet." in alternative


def test_figures_are_real_tables_with_header_cells(pdf, strategy):
    tagged = elements(pdf)
    tables = [(depth, element) for depth, element in tagged if element["/S"] == "/Table"]
    assert len(tables) >= len([i for i in strategy.indicators if i.values])
    kinds = {element["/S"] for _, element in tagged}
    assert {"/THead", "/TBody", "/TR", "/TH", "/TD", "/Caption", "/L", "/LI", "/Link"} <= kinds
    # Each data cell names its header cells (PDF/UA: headers by ID where a header has no scope).
    header_ids = {str(element["/ID"]) for _, element in tagged if element["/S"] == "/TH"}
    cells = [element for _, element in tagged if element["/S"] == "/TD"]
    assert cells and all(
        cell["/A"]["/Headers"] and {str(h) for h in cell["/A"]["/Headers"]} <= header_ids for cell in cells
    )


def stranded_headings(reader: PdfReader) -> list[int]:
    """Pages whose last heading's text starts on the next page."""
    tagged = elements(reader)
    stranded = []
    for index, (depth, element) in enumerate(tagged):
        if element["/S"] not in HEADINGS - {"/H1"}:
            continue
        following = next((e for d, e in tagged[index + 1:] if d <= depth), None)
        if following is not None and page_of(reader, following) != page_of(reader, element):
            stranded.append(page_of(reader, element))
    return stranded


def test_no_heading_is_left_at_the_foot_of_a_page(pdf):
    assert stranded_headings(pdf) == []


def test_the_check_finds_a_stranded_heading(strategy, tmp_path: Path):
    careless = tmp_path / "careless.css"
    careless.write_text("@media print { .md-typeset h3 + * { break-before: page !important; } }", encoding="utf-8")
    target = tmp_path / "careless.pdf"
    write_pdf(strategy, target, stylesheets=[REPO / "docs" / "stylesheets" / "print.css", careless], version="2025")
    assert len(stranded_headings(PdfReader(target))) >= len(strategy.goals)


def test_the_title_page_names_region_version_and_adopting_decisions(pdf, strategy):
    text = " ".join(pdf.pages[0].extract_text().split())
    assert str(strategy.settings.name) in text and str(strategy.settings.region) in text
    assert "Version 2025" in text
    assert "Strategin antogs av Regionfullmäktige 15 juni 2021, diarienummer RS 2020/00412" in text
    assert "Version 2025 antogs av Regionala utvecklingsnämnden 20 maj 2025, diarienummer RUN 2025/00141" in text
    assert "Sida 1" not in text


def test_contents_give_the_right_page_and_every_page_its_number(pdf, strategy):
    contents = " ".join(pdf.pages[1].extract_text().split())
    assert contents.startswith("Innehåll")
    marks = {title: page for _, title, page in bookmarks(pdf)}
    for goal in strategy.main_goals:
        title = f"Mål {goal.order}. {goal.name}"
        listed = re.search(re.escape(title) + r"[ .]*?(\d+)", contents)
        assert listed and int(listed.group(1)) == marks[title], f"{title}: {listed and listed.group(1)} ≠ {marks[title]}"
    total = len(pdf.pages)
    for number in (2, total):
        assert f"Sida {number} av {total}" in pdf.pages[number - 1].extract_text()


def test_a_draft_says_it_is_not_adopted_and_claims_no_decision_of_its_own(strategy, tmp_path: Path):
    target = tmp_path / "utkast.pdf"
    write_pdf(strategy, target, stylesheets=[REPO / "docs" / "stylesheets" / "print.css"], version="utkast", status="utkast")
    reader = PdfReader(target)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Utkast till nästa version – inte antaget" in text
    assert "Strategin antogs av Regionfullmäktige 15 juni 2021" in text
    assert "Version utkast antogs" not in text
    assert reader.metadata.title == f"{strategy.settings.name} – utkast"
