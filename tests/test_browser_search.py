"""The search in a real headless Chromium, on the built example site (Pagefind's index and our
own interface, overrides/partials/search.html and docs/javascripts/search.js): Swedish queries
find the expected page among the first three results, the messages are Swedish and exact, a typo
gets "Menade du …?", nothing of the index is fetched before the field has focus, and each
version of the site searches its own text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from support import EXAMPLE, build, copy_project, serve

pytestmark = pytest.mark.browser

# (query, a page expected among the first three results). Inflections both ways, compounds,
# numbers, years, diarienummer with and without their prefix, typos, and every kind of page.
QUERIES = [
    ("kommunerna", "kraftsamlingar/okad-narvaro-i-kommunerna/"),
    ("kommunernas", "kraftsamlingar/okad-narvaro-i-kommunerna/"),
    ("kommuner", "kraftsamlingar/okad-narvaro-i-kommunerna/"),
    ("kommun", "kraftsamlingar/okad-narvaro-i-kommunerna/"),
    ("företag", "strategier/foretags-och-innovationsklimat/"),
    ("företagen", "strategier/foretags-och-innovationsklimat/"),
    ("företagens", "strategier/foretags-och-innovationsklimat/"),
    ("näringslivet", "mal/starkt-naringsliv/"),
    ("näringslivets", "mal/starkt-naringsliv/"),
    ("kompetensförsörjning", "kraftsamlingar/kraftsamling-kompetensforsorjning/"),
    ("kompetensförsörjningen", "kraftsamlingar/kraftsamling-kompetensforsorjning/"),
    ("kompetensförsörjnig", "kraftsamlingar/kraftsamling-kompetensforsorjning/"),
    ("kompetensförs", "kraftsamlingar/kraftsamling-kompetensforsorjning/"),  # still typing
    ("förvärvsfr", "indikatorer/forvarvsfrekvens/"),
    ("innovationsklimat", "strategier/foretags-och-innovationsklimat/"),
    ("klimatomställningen", "kraftsamlingar/kraftsamling-klimatomstallning-och-energi/"),
    ("regionfullmäktige", "beslut/antagande-rus-2030/"),
    ("regionfullmäktigr", "beslut/antagande-rus-2030/"),
    ("RS 2020/00412", "beslut/antagande-rus-2030/"),
    ("2020/00412", "beslut/antagande-rus-2030/"),
    ("00412", "beslut/antagande-rus-2030/"),
    ("RUN 2025/00141", "beslut/arsversion-2025/"),
    ("diarienummer", "beslut/antagande-rus-2030/"),
    ("2030", ""),
    ("2021–2030", ""),
    ("2021-2030", ""),
    ("förvärvsfrekvens", "indikatorer/forvarvsfrekvens/"),
    ("medellivslängden", "indikatorer/medellivslangd/"),
    ("ohälsotalet", "indikatorer/ohalsotal/"),
    ("växthusgaser", "indikatorer/vaxthusgasutslapp-per-invanare/"),
    ("1 Gbit", "indikatorer/bredband-1-gbit/"),
    ("24 år", "indikatorer/unga-som-varken-arbetar-eller-studerar/"),
    ("16–24 år", "indikatorer/unga-som-varken-arbetar-eller-studerar/"),
    ("Hamnvik", "aktorer/hamnviks-kommun/"),
    ("universitetet", "aktorer/sjolands-universitet/"),
    ("länsstyrelsen", "aktorer/lansstyrelsen-sjoland/"),
    ("lansstyrelsen", "aktorer/lansstyrelsen-sjoland/"),
    ("helhetssyn", "principer/"),
    ("tidig involvering", "framgangsfaktorer/"),
    ("barn och unga", "kraftsamlingar/kraftsamling-barn-och-unga/"),
    ("flerkärnig", "strategier/flerkarnig-stadsregion/"),
    ("tillgänglighetsredogörelse", "tillganglighet/"),
]

# The page about the word comes first, before the pages that mention it.
FIRST = [
    ("kompetensförsörjning", "kraftsamlingar/kraftsamling-kompetensforsorjning/"),
    ("kommunerna", "kraftsamlingar/okad-narvaro-i-kommunerna/"),
    ("RS 2020/00412", "beslut/antagande-rus-2030/"),
    ("2020/00412", "beslut/antagande-rus-2030/"),
    ("förvärvsfrekvens", "indikatorer/forvarvsfrekvens/"),
    ("Hamnvik", "aktorer/hamnviks-kommun/"),
]

NOT_RESULTS = ("skriv-ut/", "404.html")
"""The print page repeats every other page; the 404 page answers nothing."""


@pytest.fixture(scope="module")
def tab(browser, site_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url)
    yield page
    context.close()


def status(page):
    return page.get_by_role("status")


def search(page, query: str) -> list[str]:
    """Type ``query`` into the field (replacing what was there) and wait for its own result line:
    the addresses of the results shown, relative to the site's root."""
    field = page.get_by_role("searchbox", name="Sök")
    field.fill("")
    field.press_sequentially(query)
    expect(status(page)).to_contain_text(f"för ”{query}”.", timeout=15_000)
    base = urlsplit(page.url)._replace(path="/", query="", fragment="").geturl()
    links = page.locator(".rus-search__results a").evaluate_all("links => links.map(a => a.href)")
    shown = [link.removeprefix(base) for link in links]
    assert not [link for link in shown if link.startswith(NOT_RESULTS)], shown
    return shown


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_a_swedish_query_finds_its_page_among_the_first_three(tab, query, expected):
    assert len(QUERIES) >= 20
    shown = search(tab, query)
    assert expected in shown[:3], f"{query!r}: {shown[:5]}"


@pytest.mark.parametrize(("query", "expected"), FIRST, ids=[q for q, _ in FIRST])
def test_the_page_about_the_word_comes_first(tab, query, expected):
    assert search(tab, query)[0] == expected


def test_stemming_works_both_ways(tab):
    # An inflected query finds a page that has only the base form, and the reverse.
    for query in ("kommunerna", "kommunernas", "kommuner"):
        search(tab, query)
        assert "aktorer/asby-kommun/" in all_results(tab), query
    search(tab, "kommun")
    assert "kraftsamlingar/okad-narvaro-i-kommunerna/" in all_results(tab)
    for query in ("företag", "företagen", "företagens"):
        search(tab, query)
        assert "mal/starkt-naringsliv/" in all_results(tab), query


def all_results(page) -> list[str]:
    """Every result of the query on screen, "Visa fler träffar" pressed until none is left."""
    more = page.get_by_role("button", name="Visa fler träffar")
    while more.is_visible():
        count = page.locator(".rus-search__results a").count()
        more.click()
        expect(page.locator(".rus-search__results a")).not_to_have_count(count)
    base = urlsplit(page.url)._replace(path="/", query="", fragment="").geturl()
    return [link.removeprefix(base) for link in page.locator(".rus-search__results a").evaluate_all(
        "links => links.map(a => a.href)")]


def test_counts_and_messages_are_swedish_and_exact(tab):
    search(tab, "förvärvsfrekvens")
    expect(status(tab)).to_have_text("13 träffar för ”förvärvsfrekvens”.")
    search(tab, "2020/00412")
    expect(status(tab)).to_have_text("4 träffar för ”2020/00412”.")
    search(tab, "helhetssyn")
    expect(status(tab)).to_have_text("1 träff för ”helhetssyn”.")
    search(tab, "education")
    expect(status(tab)).to_have_text("Inga träffar för ”education”.")
    expect(tab.locator(".rus-search__results a")).to_have_count(0)
    # Ten results at a time; the rest behind a button.
    search(tab, "kommunerna")
    expect(status(tab)).to_have_text("43 träffar för ”kommunerna”.")
    expect(tab.locator(".rus-search__results a")).to_have_count(10)
    assert len(all_results(tab)) == 43
    expect(tab.get_by_role("button", name="Visa fler träffar")).to_be_hidden()


def test_a_typo_gets_a_suggestion_from_the_sites_own_words(tab):
    search(tab, "kompetensförsörjnig")
    expect(status(tab)).to_have_text("27 träffar för ”kompetensförsörjnig”. Menade du kompetensförsörjning?")
    tab.get_by_role("button", name="kompetensförsörjning").click()
    expect(status(tab)).to_have_text("27 träffar för ”kompetensförsörjning”.")
    expect(tab.get_by_role("searchbox", name="Sök")).to_have_value("kompetensförsörjning")
    expect(tab.get_by_role("searchbox", name="Sök")).to_be_focused()
    # A word the site does not use at all, and one missing a letter in the middle.
    search(tab, "regionfullmäktigr")
    expect(status(tab)).to_have_text("7 träffar för ”regionfullmäktigr”. Menade du regionfullmäktige?")
    search(tab, "kommunerana")
    expect(status(tab)).to_contain_text("Menade du kommunerna?")
    search(tab, "lanstyrelsen")  # Pagefind finds it without the ring; the suggestion has it
    expect(status(tab)).to_contain_text("Menade du länsstyrelsen?")
    search(tab, "xyzzy")
    expect(status(tab)).to_have_text("Inga träffar för ”xyzzy”.")
    # An inflection the stemming understood is no typo.
    search(tab, "kommunernas")
    expect(status(tab)).to_have_text(re.compile(r"^\d+ träffar för ”kommunernas”\.$"))


def test_a_query_that_finds_nothing_suggests_a_word_that_finds_something(tab):
    search(tab, "tilgänglighet")
    expect(status(tab)).to_have_text("Inga träffar för ”tilgänglighet”. Menade du tillgänglighet?")
    tab.get_by_role("button", name="tillgänglighet").click()
    expect(status(tab)).to_have_text(re.compile(r"^\d+ träffar? för ”tillgänglighet”\.$"))
    # Each word of a longer query, as it was typed.
    search(tab, "kompetensförsörjnig Sjötsad")
    expect(status(tab)).to_contain_text("Menade du kompetensförsörjning Sjöstad?")
    tab.get_by_role("button", name="kompetensförsörjning Sjöstad").press("Enter")
    expect(status(tab)).to_have_text(re.compile(r"^\d+ träffar? för ”kompetensförsörjning Sjöstad”\.$"))


def test_a_result_opens_its_page(tab, site_url):
    tab.goto(site_url + "strategier/")
    search(tab, "förvärvsfrekvens")
    tab.get_by_role("link", name="Förvärvsfrekvens 20–64 år").click()
    expect(tab).to_have_url(re.compile(r"indikatorer/forvarvsfrekvens/$"))
    expect(tab.locator("h1")).to_contain_text("Förvärvsfrekvens")


def test_results_show_the_section_and_an_excerpt_with_the_match_marked(tab, site_url):
    tab.goto(site_url)
    search(tab, "förvärvsfrekvens")
    first = tab.locator(".rus-search__result").first
    expect(first.locator("a")).to_have_text("Förvärvsfrekvens 20–64 år")  # the en dash shown as written
    expect(first.locator(".rus-search__section")).to_have_text("Uppföljning")
    expect(first.locator(".rus-search__excerpt mark").first).to_have_text(re.compile("förvärvsfrekvens", re.I))


def test_nothing_of_the_index_is_fetched_before_the_field_has_focus(browser, site_url):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page = context.new_page()
    page.goto(site_url + "mal/goda-livsvillkor/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 400)
    page.keyboard.press("Tab")  # the skip link: not the search field
    page.wait_for_load_state("networkidle")
    assert not [path for path in requests if "/pagefind/" in path], requests
    with page.expect_response(lambda response: response.url.endswith(".pf_meta")):
        page.get_by_role("searchbox", name="Sök").focus()
    loaded = [path for path in requests if "/pagefind/" in path]
    assert any(path.endswith("/pagefind.js") for path in loaded)
    # Focus loads Pagefind and the index's metadata; index chunks and pages wait for a query.
    assert not [path for path in loaded if path.endswith((".pf_index", ".pf_fragment"))], loaded
    page.get_by_role("searchbox", name="Sök").fill("kommunerna")
    expect(page.get_by_role("status")).to_have_text("43 träffar för ”kommunerna”.")
    assert [path for path in requests if path.endswith(".pf_index")]
    assert "/search/search_index.json" not in requests
    context.close()


VERSIONS = {"2025": "blåbärsskogen", "2026": "lingonriset"}


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory):
    """Two versions of the site side by side, as mike publishes them (/2025/, /2026/), each built
    from the frozen example with a word of its own in the vision."""
    root = tmp_path_factory.mktemp("versions")
    for version, word in VERSIONS.items():
        project = copy_project(tmp_path_factory.mktemp(f"project-{version}"))
        shutil.rmtree(project / "strategy")
        shutil.copytree(EXAMPLE, project / "strategy")
        settings = project / "strategy" / "strategy.yml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text.replace("levande region", f"levande region med {word}", 1), encoding="utf-8")
        result = build(project)
        assert result.returncode == 0, result.stderr
        shutil.move(project / "site", root / version)
    return root


def test_every_version_searches_its_own_text(browser, two_versions: Path):
    with serve(two_versions) as base:
        page = browser.new_page()
        for version, word in VERSIONS.items():
            other = next(w for v, w in VERSIONS.items() if v != version)
            page.goto(f"{base}{version}/mal/")
            shown = search(page, word)
            assert shown and all(link.startswith(f"{version}/") for link in shown), shown
            assert f"{version}/mal/" in shown
            page.get_by_role("link", name="Vision och mål").first.click()
            expect(page).to_have_url(f"{base}{version}/mal/")
            search(page, other)
            expect(page.get_by_role("status")).to_have_text(f"Inga träffar för ”{other}”.")
        page.close()


def test_a_search_that_cannot_load_says_so_in_swedish(browser, site_url):
    context = browser.new_context()
    context.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("searchbox", name="Sök").fill("kommunerna")
    expect(page.get_by_role("status")).to_have_text("Sökningen kunde inte laddas. Försök igen om en stund.")
    context.close()
