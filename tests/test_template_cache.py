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
from support import EXAMPLE

RENDER_ALL = """
import sys
from strategy_as_code import load_strategy
from strategy_as_code.render.shield import Shield
from strategy_as_code.publishing.site import generated_pages
strategy = load_strategy(sys.argv[1])
shield = Shield()
sys.stdout.write("".join(shield.reveal(page.content) for page in generated_pages(strategy, shield)))
"""


def _folder(cache_home: Path) -> Path:
    folders = list((cache_home / "strategy-as-code").glob("templates-*"))
    assert len(folders) == 1, folders
    return folders[0]


def _render(cache_home: Path, *, bytecode: bool = True) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", RENDER_ALL, str(EXAMPLE)],
        env=env, capture_output=True, text=True, check=True,
    )
    return done.stdout


def test_a_second_build_loads_the_compiled_templates_and_renders_the_same_pages(tmp_path):
    first = _render(tmp_path)
    folder = _folder(tmp_path)
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
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert environment_module.template_cache_folder().parent == tmp_path / "xdg" / "strategy-as-code"
    for unset_or_relative in ("", "relative/cache"):
        monkeypatch.setenv("XDG_CACHE_HOME", unset_or_relative)
        folder = environment_module.template_cache_folder()
        assert folder.parent == tmp_path / "home" / ".cache" / "strategy-as-code"


def test_the_folder_is_named_by_jinja_release_and_the_environment_options(monkeypatch):
    import jinja2

    folder = environment_module.template_cache_folder()
    assert folder.name.startswith(f"templates-{jinja2.__version__}-")
    monkeypatch.setitem(environment_module._OPTIONS, "trim_blocks", False)
    assert environment_module.template_cache_folder() != folder  # compiled code differs: another folder
    monkeypatch.setattr(jinja2, "__version__", "9.9.9")
    assert environment_module.template_cache_folder().name.startswith("templates-9.9.9-")


def test_no_cache_in_a_folder_others_may_write_to(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    folder = environment_module.template_cache_folder()
    folder.mkdir(parents=True)
    folder.chmod(0o777)  # as if another user had made it in a shared XDG_CACHE_HOME
    assert environment_module.template_cache() is None
    folder.chmod(0o700)
    folder.parent.chmod(0o777)
    assert environment_module.template_cache() is None
    folder.parent.chmod(0o755)
    assert environment_module.template_cache() is not None


def test_no_cache_through_a_symbolic_link(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    folder = environment_module.template_cache_folder()
    folder.parent.mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    folder.symlink_to(tmp_path / "elsewhere")
    assert environment_module.template_cache() is None


def test_a_cache_that_cannot_be_written_costs_a_compilation_not_the_build(tmp_path, monkeypatch):
    from jinja2 import DictLoader, Environment

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = environment_module.template_cache()
    assert cache is not None
    environment_module.template_cache_folder().rmdir()  # gone after the check, as on a full or read-only disk
    env = Environment(loader=DictLoader({"page.j2": "Region {{ name }}"}), bytecode_cache=cache)
    assert env.get_template("page.j2").render(name="Sjöland") == "Region Sjöland"


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
        cache = environment_module.template_cache()
        assert cache is not None
        # A new environment each time, as a new build process has.
        env = Environment(loader=FileSystemLoader(templates), bytecode_cache=cache)
        return env.get_template("page.j2").render(name="Sjöland")

    assert render("Region {{ name }}") == "Region Sjöland"
    assert render("Län: {{ name }}") == "Län: Sjöland"


def test_equal_indicators_written_with_other_decimals_get_their_own_chart():
    """79 == 79.0 to Python, but the chart writes "79" for one and "79,0" for the other: after an
    edit under `mkdocs serve` the chart must follow."""
    import dataclasses

    from strategy_as_code import load_strategy
    from strategy_as_code.followup import assess
    from strategy_as_code.render.environment import indicator_chart

    indicator = load_strategy(EXAMPLE).indicators[0]

    def rounded(kind):
        def figure(value):
            return None if value is None else kind(round(value))

        return dataclasses.replace(
            indicator,
            baseline=dataclasses.replace(indicator.baseline, value=figure(indicator.baseline.value)),
            target=dataclasses.replace(indicator.target, value=figure(indicator.target.value)),
            values=tuple(
                dataclasses.replace(m, value=figure(m.value), women=figure(m.women), men=figure(m.men))
                for m in indicator.values
            ),
        )

    whole, with_decimal = rounded(int), rounded(float)
    assert whole == with_decimal and hash(whole) == hash(with_decimal)  # what a cache keyed on them sees
    first, second = indicator_chart(whole, assess(whole)), indicator_chart(with_decimal, assess(with_decimal))
    assert first != second
    assert ",0" in second and ",0" not in first
