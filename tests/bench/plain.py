"""The benchmark's floor: the same site as plain Markdown, built by MkDocs without our glue.

Every page our build would produce (the generated entity pages and the overview pages with
their macros already expanded) is written to a docs folder, and a ``mkdocs.yml`` that inherits
ours drops the macros plugin and the hooks (but the search index's, which any engine would run on
its built site) and spells out the navigation our hooks compute.
Building it costs what the engine and theme cost; the difference to our build is our glue.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from strategy_as_code import load_strategy
from strategy_as_code.publishing.site import generated_pages, overview_fragment
from strategy_as_code.render.fragments import fragment_names
from strategy_as_code.render.shield import Shield

BASE_CONFIG = "base.yml"
PLUGIN_CONFIG = "mkdocs-macros-plugin.yml"


def write_plain_project(project: Path, target: Path) -> Path:
    """Write the plain twin of ``project`` into ``target``; returns its ``mkdocs.yml``."""
    if target.exists():
        shutil.rmtree(target)
    config = load_config(str(project / "mkdocs.yml"))
    for hook in config.hooks.values():
        if hasattr(hook, "on_config"):
            hook.on_config(config)  # our nav and theme settings, exactly as a real build computes them
    strategy = load_strategy(project / config.extra["strategy_dir"])
    source_docs, docs = project / "docs", target / "docs"

    shutil.copytree(source_docs, docs, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(project / "overrides", target / "overrides")
    shield = Shield()
    pages = generated_pages(strategy, shield)
    for page in pages:
        # Without our hooks nothing would reveal the tokens: the twin gets the HTML in place.
        _write(docs / page.src_uri, shield.reveal(page.content))
    for markdown_file in sorted(source_docs.rglob("*.md")):
        src_uri = markdown_file.relative_to(source_docs).as_posix()
        url = File(src_uri, str(source_docs), "", use_directory_urls=config.use_directory_urls).url
        url = "" if url in (".", "./") else url  # as mkdocs' Page.url, which the macros see, has it
        _write(docs / src_uri, _expand_macros(markdown_file.read_text(encoding="utf-8"), strategy, url))

    shutil.copy(project / "mkdocs.yml", target / BASE_CONFIG)
    overrides = {
        "INHERIT": BASE_CONFIG,
        "plugins": [entry for entry in _raw_plugins(project / "mkdocs.yml") if _plugin_name(entry) != "macros"],
        # The search index is made from the built HTML by any engine, as Material's search plugin
        # (in both builds before) made its own: the twin runs it too, so it weighs on both sides.
        "hooks": [str((project / "macros" / "search.py").resolve())],
        "watch": [],  # only for `mkdocs serve`; the folders it names are not in the plain project
        "nav": config.nav,
        "not_in_nav": _not_in_nav(config.nav, pages),
        "extra": {"strategy": config.extra["strategy"]},
    }
    config_file = target / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(overrides, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # The same with the macros plugin as configured but without our module of macros (the default
    # module name, whose absence the plugin accepts): what the plugin itself costs.
    plugins = [
        {"macros": {k: v for k, v in entry["macros"].items() if k != "module_name"}}
        if _plugin_name(entry) == "macros" and isinstance(entry, dict) else entry
        for entry in _raw_plugins(project / "mkdocs.yml")
    ]
    with_plugin = {"INHERIT": config_file.name, "plugins": plugins}
    (target / PLUGIN_CONFIG).write_text(yaml.safe_dump(with_plugin, allow_unicode=True), encoding="utf-8")
    return config_file


def _not_in_nav(nav, pages) -> str:
    """Gitignore-style patterns for the sections whose pages our hooks keep out of the nav (as
    the hooks mark them, so that MkDocs does not list thousands of "omitted" pages)."""
    listed = set()

    def walk(items) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                listed.add(value)

    walk(nav)
    sections = sorted({page.src_uri.split("/")[0] for page in pages if page.src_uri not in listed})
    return "".join(f"/{section}/*.md\n!/{section}/index.md\n" for section in sections)


def _expand_macros(source: str, strategy, url: str) -> str:
    """What mkdocs-macros makes of an overview page: its Markdown with every macro call replaced
    by the fragment (front matter kept as it was, plus ``render_macros: false``: the expanded page
    has no macros left, and without it the plugin-only build would run each expanded page, the
    whole strategy for the print page, through Jinja, which no real build does. MkDocs ignores the
    key, so the plain build is unchanged)."""
    markdown, meta = get_data(source)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    environment.globals.update({
        name: (lambda name=name: overview_fragment(strategy, name, url)) for name in fragment_names()
    })
    rendered = environment.from_string(markdown).render()
    meta = {**meta, "render_macros": False}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" + rendered


def _raw_plugins(config_file: Path) -> list:
    """The ``plugins`` list as written (the loaded config has plugin objects, not their settings)."""

    class _Lenient(yaml.SafeLoader):
        """Reads mkdocs.yml's python tags as plain data; only ``plugins`` is used."""

    _Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    _Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient)["plugins"]


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
