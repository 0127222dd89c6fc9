"""The pages about versions: "Vad har ändrats?" (this version against the previous adopted one,
from the semantic diff) and the archive of every adopted version with its decision."""

from __future__ import annotations

from pathlib import Path

from strategy_as_code.model import RegionalStrategy
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.reading.versions import adopted_versions, is_year, previous_version
from strategy_as_code.render.environment import environment
from strategy_as_code.render.links import Linker
from strategy_as_code.render.pages import GeneratedPage
from strategy_as_code.render.shield import Shield

CHANGES_PAGE = "andringar"
ARCHIVE_PAGE = "versioner"


def version_pages(
    strategy: RegionalStrategy, shield: Shield, *, repo: Path | None, folder: str, version: str, status: str
) -> list[GeneratedPage]:
    """``version`` is this build's version (a year, ``utkast`` or empty for a local build) and
    ``status`` ``antagen``, ``utkast`` or empty."""
    versions = adopted_versions(repo)
    previous = previous_version(versions, version)
    env = environment()
    changes_path = f"{CHANGES_PAGE}/"
    context = {
        "strategy": strategy, "version": version, "status": status, "previous": previous,
        "decision": strategy.adoption_of_version(int(version)) if is_year(version) else None,
        "unreadable": None, "changes": None, "changes_html": None,
    }
    if previous is not None:
        # Imported here: most builds (a local build, the first version) have nothing to compare,
        # and the diff modules are a tenth of the core's import time.
        from strategy_as_code.changes.compare import compare
        from strategy_as_code.reading.revisions import Revision, load_revision_or_none
        from strategy_as_code.render.changes import render_changes_html

        try:
            old = load_revision_or_none(repo, Revision(previous.tag, previous.commit), folder)
        except StrategyInvalid as invalid:
            # An old version can fail today's rules (a field that became required); say so
            # rather than stop the build of the new version.
            context["unreadable"] = len(invalid.problems)
        else:
            changes = compare(old, strategy)
            context.update(changes=changes, changes_html=render_changes_html(changes, Linker(changes_path)))
    changes_page = shield.page(env.get_template("pages/changes.md.j2").render(link=Linker(changes_path), **context))
    archive_path = f"{ARCHIVE_PAGE}/"
    archive_page = shield.page(env.get_template("pages/versions.md.j2").render(
        strategy=strategy, versions=versions, current=version, status=status, link=Linker(archive_path)
    ))
    return [
        GeneratedPage("history", CHANGES_PAGE, f"{CHANGES_PAGE}.md", changes_path, "Vad har ändrats?", "",
                      changes_page),
        GeneratedPage("history", ARCHIVE_PAGE, f"{ARCHIVE_PAGE}.md", archive_path, "Versioner", "", archive_page),
    ]
