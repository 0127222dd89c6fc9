"""The built site: a real `mkdocs build --strict` of the example strategy, read back as HTML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from strategy_as_code.kinds import KINDS
from strategy_as_code.publishing.search_index import indexed_pages
from support import EXAMPLE, LIVE, build, copy_project


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_entity_of_the_published_strategy_has_a_page_at_its_id(live_site: Path):
    """Whatever ``strategy/`` holds (the example, or a region's own strategy on a fork)."""
    from strategy_as_code import load_strategy

    strategy = load_strategy(LIVE)
    pages = [(kind, item) for kind in KINDS if kind.has_pages for item in strategy.all(kind.key)]
    assert {kind.section for kind, _ in pages} >= {"mal", "indikatorer", "aktorer", "beslut"}
    for kind, item in pages:
        html = page(live_site, f"{kind.section}/{item.id}")
        assert html.find("h1").get_text(strip=True) == str(item.name)


def test_goal_page_links_both_ways(site: Path):
    from strategy_as_code import load_strategy

    strategy = load_strategy(EXAMPLE)
    goal = strategy.main_goals[0]
    html = page(site, f"mal/{goal.id}")
    assert html.find("html")["lang"] == "sv"
    links = {a["href"] for a in html.select("article a[href]")}
    contributing = strategy.related("goals", goal.id, "strategies")
    assert contributing
    for item in contributing:
        assert f"../../strategier/{item.id}/" in links
        back = page(site, f"strategier/{item.id}")
        assert f"../../mal/{goal.id}/" in {a["href"] for a in back.select("article a[href]")}
    for indicator in strategy.related("goals", goal.id, "indicators"):
        assert f"../../indikatorer/{indicator.id}/" in links
    headings = [h.get_text(strip=True) for h in html.select("article h2")]
    assert "Strategier som bidrar" in headings and "Så följer vi upp" in headings


def test_matrix_marks_each_contribution(site: Path):
    from strategy_as_code import load_strategy

    strategy = load_strategy(EXAMPLE)
    table = page(site, "strategier").select_one("table.rus-matrix")
    rows = table.select("tbody tr")
    assert len(rows) == len(strategy.strategies)
    for row, item in zip(rows, strategy.strategies, strict=True):
        marks = [cell.get_text(strip=True) for cell in row.select("td")]
        expected = ["●Bidrar" if goal.id in item.goal_ids else "–Bidrar inte" for goal in strategy.goals]
        assert marks == expected


def test_partners_list_municipalities_with_kommunkod(site: Path):
    table = page(site, "aktorer").select_one("table.rus-partners")
    codes = [row.select("td")[0].get_text(strip=True) for row in table.select("tbody tr")]
    assert len(codes) >= 5 and all(len(code) == 4 and code.isdigit() for code in codes)


def test_decisions_show_body_date_and_diarienummer(site: Path):
    from strategy_as_code import load_strategy

    strategy = load_strategy(EXAMPLE)
    adoption = strategy.adoption
    text = page(site, f"beslut/{adoption.id}").get_text(" ", strip=True)
    assert adoption.diarienummer in text and str(adoption.body) in text
    assert "Genom detta beslut antogs" in text


def test_example_is_marked_on_every_page(site: Path):
    for html_file in site.rglob("index.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one(".rus-announce")
        assert banner and "påhittad" in banner.get_text(), html_file


def test_no_page_loads_anything_from_another_host(live_site: Path):
    """Of the site this repository publishes (whatever strategy/ holds)."""
    for html_file in live_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                url = element.get(attribute)
                if not url or (tag == "link" and "stylesheet" not in element.get("rel", []) and "icon" not in element.get("rel", [])):
                    continue
                assert not urlsplit(url).netloc, f"{html_file}: {tag} {url}"
    assert "fonts.googleapis" not in "".join(p.read_text("utf-8", "ignore") for p in live_site.rglob("*.html"))


def test_internal_links_all_resolve(site: Path):
    for html_file in site.rglob("*.html"):
        base = "/" + html_file.relative_to(site).as_posix()
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"]
            if urlsplit(href).scheme or href.startswith(("#", "mailto:")):
                continue
            target = unquote(urlsplit(urljoin(base, href)).path).lstrip("/")
            resolved = site / target
            if target.endswith("/") or target == "":
                resolved = resolved / "index.html"
            assert resolved.exists(), f"{base}: dead link {href}"


def test_search_index_holds_generated_pages_in_swedish(site: Path):
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["sv"]  # one index, stemmed as Swedish
    pages = {page["url"]: page for page in indexed_pages(bundle)}
    assert {"/mal/goda-livsvillkor/", "/aktorer/", "/beslut/", "/indikatorer/forvarvsfrekvens/"} <= set(pages)
    # The print page repeats everything (each part has its page); the 404 page is no answer.
    assert not {"/skriv-ut/", "/404.html"} & set(pages)
    assert entry["languages"]["sv"]["page_count"] == len(pages) == len(list(site.rglob("index.html"))) - 1
    assert pages["/mal/goda-livsvillkor/"]["meta"]["title"] == "Goda livsvillkor för regionens invånare"
    # A decision's diarienummer is searchable metadata as well as text.
    decision = pages["/beslut/antagande-rus-2030/"]
    assert "RS 2020/00412" in decision["meta"]["description"] and "RS 2020/00412" in decision["content"]
    assert "kompetensförsörjning" in " ".join(page["content"] for page in pages.values()).lower()
    # Nothing of Material's lunr search is built any more.
    assert not (site / "search").exists()


def test_theme_interface_is_swedish(site: Path):
    html = page(site, "")
    assert html.find("html")["lang"] == "sv"
    search = html.select_one("[data-rus-search]")
    assert search.select_one("input#rus-search-input")["placeholder"] == "Sök"
    assert search.select_one("label[for=rus-search-input]").get_text() == "Sök"
    assert search.select_one(".rus-search__more").get_text() == "Visa fler träffar"


def test_the_repository_link_says_where_it_goes(site: Path):
    """Material's Swedish tooltip for the repository link is "Gå till datakatalog"."""
    link = page(site, "").select_one("a.md-source")
    assert link["title"] == "Föreslå ändringar på GitHub"
    assert "datakatalog" not in str(page(site, "mal/"))


def test_the_start_page_warns_of_the_example_once(site: Path):
    """The banner on every page says it; a box below the heading said it again and filled a phone's
    first screen."""
    from strategy_as_code import load_strategy

    html = page(site, "")
    assert html.select(".rus-example-notice") == []
    example = load_strategy(EXAMPLE).settings.example
    assert html.get_text().count("är påhittad") == (1 if example else 0)


def test_the_versions_page_claims_nothing_the_data_does_not_say(site: Path):
    """Built from a folder with no adopted version: no menu or table to point at, and no sentence
    on how often the region revises its strategy (that is the region's to write)."""
    text = page(site, "versioner/").select_one("article").get_text(" ", strip=True)
    assert "Ingen version av strategin har publicerats på webbplatsen ännu." in text
    assert "tabellen nedan" not in text and "menyn" not in text
    assert "en gång om året" not in text


def test_invalid_strategy_fails_the_build_with_the_validator_message(tmp_path: Path):
    project = copy_project(tmp_path)
    (project / "strategy" / "goals" / "trasig.yml").write_text("id: trasig\nname: [\n", encoding="utf-8")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "Strategin har 1 problem som måste rättas innan webbplatsen kan byggas:" in output
    assert (
        "strategy/goals/trasig.yml:3:1: Här saknas ett värde, eller så stängs aldrig en lista [ eller en tabell {."
        in output
    )
    assert not (project / "site").exists()


def test_text_from_yaml_is_never_markup_or_jinja(tmp_path: Path):
    project = copy_project(tmp_path)
    goal = project / "strategy" / "goals" / "goda-livsvillkor.yml"
    text = goal.read_text(encoding="utf-8")
    hostile = "description: |\n  Räkna {{ 7*7 }} och {% raw %}; **fetstil** & \"citat\" > mer.\n"
    start = text.index("description:")
    end = text.find("\nagenda2030:", start)
    goal.write_text(text[:start] + hostile + (text[end + 1:] if end != -1 else ""), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = page(project / "site", "mal/goda-livsvillkor")
    body = html.select_one(".rus-entity--goal")
    assert "Räkna {{ 7*7 }} och {% raw %};" in body.get_text()
    assert body.find("strong").get_text() == "fetstil"


def test_edit_button_opens_the_yaml_file_the_page_comes_from(site: Path):
    edit = page(site, "mal/goda-livsvillkor").select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"] == "https://github.com/region-sjoland/rus/edit/main/strategy/goals/goda-livsvillkor.yml"


def test_a_kind_the_strategy_has_none_of_leaves_the_menu(tmp_path: Path):
    """A region without guiding principles or success factors edits no menu: the entries go, and
    the empty overview pages are not built (nothing links to them)."""
    project = copy_project(tmp_path)
    for folder in ("principles", "success-factors"):
        shutil.rmtree(project / "strategy" / folder)
    result = build(project)
    assert result.returncode == 0, result.stderr
    menu = [a.get_text(strip=True) for a in page(project / "site", "").select("nav.md-nav--primary > ul > li > a")]
    assert "Kraftsamlingar" in menu
    assert "Vägledande principer" not in menu and "Framgångsfaktorer" not in menu
    assert not (project / "site" / "principer" / "index.html").exists()
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="principer/"' not in home and "vägledande princip" not in home
