"""MkDocs hooks: validate the strategy before anything is built, add one generated page per
entity, and list those pages in the navigation under their overview page (up to NAV_LIMIT in
publishing/site_sources.py).

Flow: on_config (load + validate, or abort with every problem; render the entity pages, the
version pages and the open data; extend nav and expose settings to the theme, as the engine-neutral
site sources do: publishing/site_sources.py) -> on_files (add the generated files) ->
on_page_content (put the shield's pieces back into each page's HTML).
Everything is rendered by the core; this file only hands it to MkDocs. MkDocs' Markdown parser
sees fixed headings and the shield's tokens, never text from the strategy (render/shield.py).
"""

from __future__ import annotations

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

from strategy_as_code import StrategyInvalid, load_strategy_cached, site_strategy_folder
from strategy_as_code.kinds import KINDS, STRATEGY_FOLDER
from strategy_as_code.publishing import open_data as export
from strategy_as_code.publishing.site import generated_pages
from strategy_as_code.publishing.site_sources import in_navigation, site_navigation, theme_settings
from strategy_as_code.reading.versions import repository_of
from strategy_as_code.render.shield import Shield

_pages = []
_data_files: dict[str, bytes] = {}

SHIELD = "rus_shield"
"""Key of this build's shield in ``config.extra``, where the macros (macros/main.py) find it too."""


def on_config(config):
    folder = site_strategy_folder(config.config_file_path, config.extra)
    try:
        strategy = load_strategy_cached(folder)
    except StrategyInvalid as invalid:
        raise Abort("\n" + invalid.report()) from None
    repo = repository_of(folder)
    shield = config.extra[SHIELD] = Shield()
    _pages[:] = generated_pages(
        strategy, shield, repo=repo, folder=folder.resolve().relative_to(repo).as_posix() if repo else STRATEGY_FOLDER,
        # !ENV values are read as YAML, so a year arrives as a number.
        version=str(config.extra.get("rus_version") or ""), status=str(config.extra.get("rus_version_status") or ""),
    )
    _data_files.clear()
    _data_files.update(export.files(strategy))
    config.extra["strategy"] = theme_settings(strategy)
    config.nav = site_navigation(config.nav, _pages)
    return config


def on_files(files, config):
    shown = {kind.key: in_navigation(kind.key, _pages) for kind in KINDS}
    for page in _pages:
        # Pages left out of the nav on purpose: MkDocs would otherwise list each of them as "omitted".
        inclusion = InclusionLevel.UNDEFINED if shown.get(page.kind, True) else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
        # "Edit this page" opens the YAML file the page comes from, not the generated Markdown.
        file.edit_uri = f"../{page.source_path}" if page.source_path else None
        files.append(file)
    for path, content in _data_files.items():
        files.append(File.generated(config, f"data/{path}", content=content))
    return files


def on_page_content(html, page, config, files):
    return config.extra[SHIELD].reveal(html)
