"""Compiled templates are kept between builds (render/environment.py), like Python's own
__pycache__: off when Python's is off, never a reason for a build to fail, and never a source of
stale pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from strategy_as_code.render import environment as environment_module

RENDER_ALL = """
import sys
from strategy_as_code import load_strategy
from strategy_as_code.render.site import generated_pages
strategy = load_strategy(sys.argv[1])
sys.stdout.write("".join(page.content for page in generated_pages(strategy)))
"""


def _render(cache_home: Path, *, bytecode: bool = True) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", RENDER_ALL, str(Path(__file__).resolve().parents[1] / "strategy")],
        env=env, capture_output=True, text=True, check=True,
    )
    return done.stdout


def test_a_second_build_loads_the_compiled_templates_and_renders_the_same_pages(tmp_path):
    first = _render(tmp_path)
    folder = tmp_path / "strategy-as-code" / "templates"
    cached = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    assert len(cached) >= 10  # the entity page templates and the parts they import
    second = _render(tmp_path)
    assert second == first
    # Loaded, not written again.
    assert {path.name: path.stat().st_mtime_ns for path in folder.iterdir()} == cached
    # Only the user may read them (compiled code is run when loaded).
    assert folder.stat().st_mode & 0o077 == 0


def test_a_build_without_a_cache_renders_the_same_pages(tmp_path):
    assert _render(tmp_path / "off", bytecode=False) == _render(tmp_path / "on")
    assert not (tmp_path / "off").exists()


def test_no_cache_when_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert environment_module.template_cache() is None
    assert not (tmp_path / "strategy-as-code").exists()


def test_a_cache_folder_that_cannot_be_made_means_no_cache_not_a_failed_build(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert environment_module.template_cache() is None


def test_the_cache_lives_under_xdg_cache_home_or_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert environment_module.template_cache_folder() == tmp_path / "xdg" / "strategy-as-code" / "templates"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert environment_module.template_cache_folder() == tmp_path / "home" / ".cache" / "strategy-as-code" / "templates"


@pytest.mark.parametrize("value", ["<script>", "1, 2", "NaN) onload=alert(1"])
def test_chart_markers_take_numbers_only(value):
    from strategy_as_code.render.chart import marker

    with pytest.raises(ValueError):
        marker("value", value, 1)


def test_an_edited_template_is_compiled_again(tmp_path, monkeypatch):
    from jinja2 import Environment, FileSystemLoader

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    templates = tmp_path / "templates"
    templates.mkdir()

    def render(text: str) -> str:
        (templates / "page.j2").write_text(text, encoding="utf-8")
        # A new environment each time, as a new build process has.
        env = Environment(loader=FileSystemLoader(templates), bytecode_cache=environment_module.template_cache())
        return env.get_template("page.j2").render(name="Sjöland")

    assert render("Region {{ name }}") == "Region Sjöland"
    assert render("Län: {{ name }}") == "Län: Sjöland"
