"""MkDocs hooks: validate the strategy before anything is built, add one generated page per
entity, and list those pages in the navigation under their overview page.

Flow: on_config (load + validate, or abort with every problem; render the entity pages, the
version pages and the open data; extend nav; expose settings to the theme) -> on_files (add the
generated files). Everything is rendered by the core; this file only hands it to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from strategy_as_code import StrategyInvalid, export, load_strategy_cached
from strategy_as_code.kinds import KINDS
from strategy_as_code.render.history import version_pages
from strategy_as_code.render.links import overview_path
from strategy_as_code.render.pages import entity_pages
from strategy_as_code.versions import repository_of

_pages = []
_data_files: dict[str, bytes] = {}


def _strategy_folder(config) -> Path:
    return Path(config.config_file_path).parent / config.extra.get("strategy_dir", "strategy")


def on_config(config):
    folder = _strategy_folder(config)
    try:
        strategy = load_strategy_cached(folder)
    except StrategyInvalid as invalid:
        raise Abort("\n" + invalid.report()) from None
    repo = repository_of(folder)
    _pages[:] = entity_pages(strategy) + version_pages(
        strategy, repo=repo, folder=folder.resolve().relative_to(repo).as_posix() if repo else "strategy",
        # !ENV values are read as YAML, so a year arrives as a number.
        version=str(config.extra.get("rus_version") or ""), status=str(config.extra.get("rus_version_status") or ""),
    )
    _data_files.clear()
    _data_files.update(export.files(strategy))
    config.extra["strategy"] = {
        "region": str(escape(strategy.settings.region)),
        "name": str(escape(strategy.settings.name)),
        "example": strategy.settings.example,
    }
    config.nav = _with_entity_pages(config.nav)
    return config


def _with_entity_pages(nav):
    """Each overview page ``<section>/index.md`` in the nav becomes a section holding it and its
    entities' pages (titles escaped: the theme prints nav titles as HTML)."""
    if nav is None:
        return None
    overviews = {overview_path(kind.key) + "index.md": kind.key for kind in KINDS if kind.has_pages}
    result = []
    for entry in nav:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        kind = overviews.get(target) if isinstance(target, str) else None
        if kind is None:
            result.append(entry)
            continue
        children = [target] + [{str(escape(p.title)): p.src_uri} for p in _pages if p.kind == kind]
        result.append({title: children} if title else children)
    return result


def on_files(files, config):
    for page in _pages:
        file = File.generated(config, page.src_uri, content=page.content)
        # "Edit this page" opens the YAML file the page comes from, not the generated Markdown.
        file.edit_uri = f"../{page.source_path}" if page.source_path else None
        files.append(file)
    for path, content in _data_files.items():
        files.append(File.generated(config, f"data/{path}", content=content))
    return files
