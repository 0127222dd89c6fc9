"""The benchmark's floor: the same site as plain Markdown, built by MkDocs without our glue.

The plain twin is the project's engine-neutral site sources (``scripts/site-sources``,
publishing/site_sources.py): every page as Markdown, the overview pages with their macros
expanded, and a ``mkdocs.yml`` without the macros plugin and hooks (but the search index's) that
spells out the navigation.
Building it costs what the engine and theme cost; the difference to our build is our glue. (The
reveal after the build, which puts the strategy's HTML into the pages, is not timed: the pages
weighed are those of our build.)
"""

from __future__ import annotations

from pathlib import Path

import yaml

from strategy_as_code.publishing.site_sources import read_site_config, write_site_sources

PLUGIN_CONFIG = "mkdocs-macros-plugin.yml"
TWIN_CONFIG = "plain.yml"


def write_plain_project(project: Path, target: Path) -> Path:
    """Write the plain twin of ``project`` into ``target``; returns its ``mkdocs.yml``."""
    sources = write_site_sources(project, target).config_file
    # The search index is made from the built HTML by any engine (in our build by a hook, as
    # Material's search plugin made its own before): the twin runs the same hook, so it weighs on
    # both sides.
    config_file = target / TWIN_CONFIG
    twin = {"INHERIT": sources.name, "hooks": [str((project / "macros" / "search.py").resolve())]}
    config_file.write_text(yaml.safe_dump(twin, allow_unicode=True), encoding="utf-8")
    # The same with the macros plugin as configured but without our module of macros (the default
    # module name, whose absence the plugin accepts): what the plugin itself costs. The expanded
    # pages say ``render_macros: false``, so the plugin runs no page through Jinja, as in our build.
    plugins = [
        {"macros": {k: v for k, v in entry["macros"].items() if k != "module_name"}}
        if isinstance(entry, dict) and "macros" in entry else entry
        for entry in read_site_config(project / "mkdocs.yml").get("plugins") or []
    ]
    with_plugin = {"INHERIT": config_file.name, "plugins": plugins}
    (target / PLUGIN_CONFIG).write_text(yaml.safe_dump(with_plugin, allow_unicode=True), encoding="utf-8")
    return config_file
