"""The search index as the core makes it from built HTML (publishing/search_index.py):
en dashes that Pagefind should split at, the vocabulary for "Menade du …?", and Pagefind run on
a small hand-written site. The search in a browser is tested in test_browser_search.py."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from strategy_as_code.publishing.search_index import (
    SearchIndexFailed,
    for_indexing,
    index_site,
    indexed_pages,
    vocabulary,
    vocabulary_file,
    write_vocabulary,
)
from support import REPO

PAGE = """<!doctype html>
<html lang="sv"><head><title>{title}</title></head>
<body>
<nav><a href="/">Navigeringsord</a></nav>
<div {body}>
<h1 id="mal-2021–2030">{title}</h1>
<p>Kommunerna samverkar om kompetensförsörjning under perioden 2021–2030 – och längre.</p>
<ul class="rus-links"><li><a href="/b/">Ett annat mål</a><span class="rus-links__summary">Sammanfattningsord</span></li></ul>
<p><del>Strukenord</del> <ins>Tillagt</ins></p>
<p data-pagefind-ignore>Ignoreratord</p>
</div>
<footer>Sidfotsord</footer>
</body></html>
"""


def write_site(folder: Path) -> Path:
    pages = {
        "index.html": PAGE.format(title="Startsidan", body="data-pagefind-body"),
        "mal/kompetens/index.html": PAGE.format(title="Kompetens", body="data-pagefind-body"),
        "skriv-ut/index.html": PAGE.format(title="Utskriftsord", body=""),
    }
    for path, html in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(html, encoding="utf-8")
    return folder


def test_an_en_dash_between_words_is_split_in_the_text_but_not_in_tags():
    html = '<h1 id="a–b" title="2021–2030">Perioden 2021–2030, Stockholm–Mälardalen – och mer</h1>–'
    assert for_indexing(html) == (
        '<h1 id="a–b" title="2021–2030">Perioden 2021~2030, Stockholm~Mälardalen – och mer</h1>–'
    )
    assert for_indexing("utan tankstreck") == "utan tankstreck"


def test_the_vocabulary_is_the_words_most_frequent_first():
    texts = ["Kommunerna och kommunerna, KOMMUNERNA.", "Företagen och 2030 år ab kommun x1y", "och och",
             "Webbplats https://www.lansstyrelsen.example/ eller www.foo.example, kontakt@region.example"]
    assert vocabulary(texts) == ["och", "kommunerna", "eller", "företagen", "kommun", "webbplats"]
    assert vocabulary(texts, limit=2) == ["och", "kommunerna"]


def test_the_vocabulary_is_written_one_file_per_first_letter(tmp_path: Path):
    write_vocabulary(tmp_path, ["kommun", "åsby", "kompetens", "ett"])
    # Without diacritics, as Pagefind matches them: å, ä and a share a file.
    assert vocabulary_file("kommun") == "6b.json" and vocabulary_file("åsby") == vocabulary_file("asby") == "61.json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["61.json", "65.json", "6b.json"]
    assert json.loads((tmp_path / "6b.json").read_text(encoding="utf-8")) == {"words": ["kommun", "kompetens"]}


def test_pagefind_indexes_the_marked_pages_and_the_vocabulary_holds_their_words(tmp_path: Path):
    site = write_site(tmp_path / "site")
    result = index_site(site)
    bundle = site / "pagefind"
    assert result.pages == 2
    assert sorted(page["url"] for page in indexed_pages(bundle)) == ["/", "/mal/kompetens/"]
    assert json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["sv"]["page_count"] == 2
    assert (bundle / "pagefind.js").is_file() and not (bundle / "pagefind-ui.js").exists()
    words = {word for file in (bundle / "vocabulary").iterdir()
             for word in json.loads(file.read_text(encoding="utf-8"))["words"]}
    assert {"kommunerna", "kompetensförsörjning", "startsidan", "tillagt", "perioden"} <= words
    # Not what Pagefind leaves out: the navigation, the footer, removed wording, another entity's
    # summary, an ignored element, an unmarked page.
    left_out = {"navigeringsord", "sidfotsord", "strukenord", "sammanfattningsord", "ignoreratord", "utskriftsord"}
    assert not words & left_out
    # The text is the published one: the en dash was only split for the index.
    content = next(page["content"] for page in indexed_pages(bundle) if page["url"] == "/")
    assert "2021~2030" in content
    # A second run replaces the index instead of adding to it.
    (site / "mal" / "kompetens" / "index.html").unlink()
    assert index_site(site).pages == 1
    assert [page["url"] for page in indexed_pages(bundle)] == ["/"]


def test_a_missing_pagefind_stops_the_build_with_a_swedish_message(tmp_path: Path, monkeypatch):
    import pagefind_bin

    def missing():
        raise FileNotFoundError("pagefind")

    monkeypatch.setattr(pagefind_bin, "get_executable", missing)
    with pytest.raises(SearchIndexFailed) as failed:
        index_site(write_site(tmp_path / "site"))
    assert str(failed.value) == (
        "Sökindexet kunde inte byggas: programmet Pagefind saknas. "
        "Installera paketen i requirements.txt (make build gör det själv)."
    )


def test_an_unknown_fragment_format_is_reported(tmp_path: Path):
    (tmp_path / "fragment").mkdir()
    (tmp_path / "fragment" / "sv_x.pf_fragment").write_bytes(gzip.compress(b'{"url": "/"}'))
    with pytest.raises(SearchIndexFailed) as failed:
        indexed_pages(tmp_path)
    assert str(failed.value) == (
        "Sökindexet kunde inte läsas: sv_x.pf_fragment har ett okänt format. "
        "Har Pagefind bytt version utan att search_index.py har följt med?"
    )


def test_the_hook_turns_a_failure_into_an_abort(tmp_path: Path, monkeypatch):
    from mkdocs.exceptions import Abort

    spec = importlib.util.spec_from_file_location("search_hook", REPO / "macros" / "search.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)

    def fail(site):
        raise SearchIndexFailed("Sökindexet kunde inte byggas: prov.")

    monkeypatch.setattr(hook, "index_site", fail)
    with pytest.raises(Abort) as aborted:
        hook.on_post_build(type("Config", (), {"site_dir": str(tmp_path)})())
    assert str(aborted.value) == "Sökindexet kunde inte byggas: prov."


def test_another_engines_site_is_indexed_from_the_command_line(tmp_path: Path, capsys):
    from strategy_as_code.publishing.search_index import main

    assert main([str(write_site(tmp_path / "site"))]) == 0
    assert capsys.readouterr().out.startswith("Sökindexet har 2 sidor och ")
    assert main([str(tmp_path / "saknas")]) == 2
    assert capsys.readouterr().err == (
        "Ange mappen med den byggda webbplatsen, till exempel: python -m strategy_as_code.publishing.search_index site\n"
    )
