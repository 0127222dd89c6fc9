"""The changes between two versions (``diff.Changes``) as an HTML fragment, for the citizens'
"Vad har ändrats?" page. The HTML is in ``templates/changes.html.j2`` (autoescape on); links to
entity pages are relative to the page the fragment is placed on."""

from __future__ import annotations

from markupsafe import Markup

from strategy_as_code.changes.compare import Changes, headline
from strategy_as_code.render.environment import environment
from strategy_as_code.render.links import Linker


def render_changes_html(changes: Changes, link: Linker) -> Markup:
    """The changes as HTML, headed by ``<h2>`` per kind of entity and ``<h3>`` per entity."""
    template = environment().get_template("changes.html.j2")
    return Markup(template.render(changes=changes, headline=headline(changes), link=link).strip())
