"""The fork test's own check (tests/fork/run.py, make fork-test): a built page that names the
example's region, in words or in an address, is found."""

from __future__ import annotations

from pathlib import Path

from fork.run import example_names, pages_naming_the_example


def test_the_example_is_named_in_words_and_addresses():
    assert example_names() == {"sjoland"}  # folded: "Sjöland", "SJÖLAND" and "region-sjoland" alike


def test_a_page_naming_the_example_is_found(tmp_path: Path):
    (tmp_path / "mal").mkdir()
    (tmp_path / "index.html").write_text("<p>Region Gävleborg</p>", encoding="utf-8")
    (tmp_path / "mal" / "index.html").write_text("<p>Länsstyrelsen i SJÖLANDS län</p>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<loc>https://github.com/region-sjoland/rus</loc>", encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"Sj\xc3\xb6land")
    assert pages_naming_the_example(tmp_path, example_names()) == ["mal/index.html", "sitemap.xml"]
