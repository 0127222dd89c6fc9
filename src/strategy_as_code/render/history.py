"""The pages about versions: "Vad har ändrats?" (this version against the previous adopted one,
from the semantic diff) and the archive of every adopted version with its decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from strategy_as_code.model import RegionalStrategy
from strategy_as_code.reading.versions import AdoptedVersion, is_year
from strategy_as_code.render.environment import environment
from strategy_as_code.render.links import Linker
from strategy_as_code.render.pages import GeneratedPage
from strategy_as_code.render.shield import Shield

if TYPE_CHECKING:
    from strategy_as_code.changes.compare import Changes

CHANGES_PAGE = "andringar"
ARCHIVE_PAGE = "versioner"


def pdf_name(version: str) -> str:
    """The file name of a published version's PDF in its folder (publishing/printed.py writes it):
    ``strategin-2026.pdf``, ``strategin-utkast.pdf``."""
    return f"strategin-{version}.pdf"


@dataclass(frozen=True)
class History:
    """What the version pages say, gathered from git by publishing/site.py (a renderer runs no
    git): every adopted version, the one before this build's, and what changed since it."""

    versions: list[AdoptedVersion] = field(default_factory=list)
    previous: AdoptedVersion | None = None
    changes: Changes | None = None
    unreadable: int | None = None
    """Problems the previous version has under today's rules, when it cannot be compared."""


def version_pages(
    strategy: RegionalStrategy, shield: Shield, history: History, *, version: str, status: str
) -> list[GeneratedPage]:
    """``version`` is this build's version (a year, ``utkast`` or empty for a local build) and
    ``status`` ``antagen``, ``utkast`` or empty."""
    env = environment()
    changes_path = f"{CHANGES_PAGE}/"
    context = {
        "strategy": strategy, "version": version, "status": status, "previous": history.previous,
        "decision": strategy.adoption_of_version(int(version)) if is_year(version) else None,
        "unreadable": history.unreadable, "changes": history.changes, "changes_html": None,
    }
    if history.changes is not None:
        # Imported here: most builds (a local build, the first version) have nothing to compare.
        from strategy_as_code.render.changes import render_changes_html

        context["changes_html"] = render_changes_html(history.changes, Linker(changes_path))
    changes_page = shield.page(env.get_template("pages/changes.md.j2").render(link=Linker(changes_path), **context))
    archive_path = f"{ARCHIVE_PAGE}/"
    archive_page = shield.page(env.get_template("pages/versions.md.j2").render(
        strategy=strategy, versions=history.versions, current=version, status=status, link=Linker(archive_path),
        pdf_name=pdf_name,
    ))
    return [
        GeneratedPage("history", CHANGES_PAGE, f"{CHANGES_PAGE}.md", changes_path, "Vad har ändrats?", "",
                      changes_page),
        GeneratedPage("history", ARCHIVE_PAGE, f"{ARCHIVE_PAGE}.md", archive_path, "Versioner", "", archive_page),
    ]
