"""Everything the site engine gets from the strategy: the generated pages (one per entity, plus
the version pages) and the overview fragments, so that the site engine's glue and the
benchmark's plain twin build the same site. The version pages need the adopted versions and the
previous one from git: they are read here, and the renderer only writes the pages."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.model import RegionalStrategy
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.publishing import open_data
from strategy_as_code.reading.versions import adopted_versions, is_year, previous_version
from strategy_as_code.render.fragments import render_fragment
from strategy_as_code.render.history import History, version_pages
from strategy_as_code.render.pages import GeneratedPage, entity_pages
from strategy_as_code.render.shield import Shield


def generated_pages(
    strategy: RegionalStrategy, shield: Shield, *, repo: Path | None = None, folder: str = STRATEGY_FOLDER,
    version: str = "", status: str = "",
) -> list[GeneratedPage]:
    history = version_history(strategy, repo=repo, folder=folder, version=version)
    return entity_pages(strategy, shield) + version_pages(strategy, shield, history, version=version, status=status)


def version_history(strategy: RegionalStrategy, *, repo: Path | None, folder: str, version: str) -> History:
    """The adopted versions in ``repo`` and what changed since the one before ``version``."""
    versions = adopted_versions(repo)
    previous = previous_version(versions, version)
    if previous is None or repo is None:
        return History(versions, previous)
    # Imported here: most builds (a local build, the first version) have nothing to compare,
    # and the diff modules are a tenth of the core's import time.
    from strategy_as_code.changes.compare import compare
    from strategy_as_code.reading.revisions import Revision, load_revision_or_none

    try:
        old = load_revision_or_none(repo, Revision(previous.tag, previous.commit), folder)
    except StrategyInvalid as invalid:
        # An old version can fail today's rules (a field that became required); say so rather
        # than stop the build of the new version.
        return History(versions, previous, unreadable=len(invalid.problems))
    return History(versions, previous, changes=compare(old, strategy))


def overview_fragment(
    strategy: RegionalStrategy, name: str, page_path: str, *, version: str = "", status: str = ""
) -> Markup:
    """Fragment ``name`` for an overview page, with what only publishing knows: the open data, and
    which version this build is (``version`` a year, ``utkast`` or empty; ``status`` ``antagen``,
    ``utkast`` or empty), for the printed edition's title page."""
    return render_fragment(
        strategy, name, page_path, OPEN_DATA_TABLES=open_data.TABLES, version=version, status=status,
        version_decision=strategy.adoption_of_version(int(version)) if is_year(version) else None,
    )
