"""HTML fragments for the hand-written overview pages in ``docs/``: each template in
``templates/fragments/`` is one fragment, called from Markdown as a macro of the same name."""

from __future__ import annotations

from importlib.resources import files

from markupsafe import Markup

from strategy_as_code.model import RegionalStrategy
from strategy_as_code.render.environment import environment
from strategy_as_code.render.links import Linker
from strategy_as_code.render.overviews import empty_overviews, overview_title, src_uri_of

_SUFFIX = ".html.j2"


def fragment_names() -> tuple[str, ...]:
    folder = files("strategy_as_code") / "templates" / "fragments"
    return tuple(sorted(p.name.removesuffix(_SUFFIX) for p in folder.iterdir() if p.name.endswith(_SUFFIX)))


def render_fragment(strategy: RegionalStrategy, name: str, page_path: str, **context: object) -> Markup:
    """Fragment ``name`` as HTML for the page at ``page_path`` (links are relative to it).
    ``context`` brings what later stages know (the open-data files, from publishing)."""
    template = environment().get_template(f"fragments/{name}{_SUFFIX}")
    return Markup(template.render(
        strategy=strategy, link=Linker(page_path), page_title=overview_title(strategy, src_uri_of(page_path)),
        page_src=src_uri_of(page_path), empty=empty_overviews(strategy), **context,
    ).strip())
