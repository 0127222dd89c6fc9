"""What one site build gets from the strategy, prepared once: the strategy validated and checked
for publishing, the shield, the generated pages, the macros' output, the open data, the
navigation and the theme settings. The MkDocs glue (``macros/``) and the engine-neutral site
sources (site_sources.py) are two ways of handing this same content to an engine."""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from strategy_as_code.kinds import KINDS, STRATEGY_FOLDER
from strategy_as_code.model import RegionalStrategy
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.publishing import open_data
from strategy_as_code.publishing.accessibility import publishing_problems
from strategy_as_code.publishing.brand import Brand, read_brand
from strategy_as_code.publishing.site import generated_pages, overview_fragment
from strategy_as_code.reading.loader import load_strategy_cached, site_strategy_folder
from strategy_as_code.reading.versions import repository_of
from strategy_as_code.render.environment import environment
from strategy_as_code.render.links import overview_path
from strategy_as_code.render.overviews import empty_overviews, overview_title
from strategy_as_code.render.pages import GeneratedPage
from strategy_as_code.render.shield import Shield

HEADING_ID = "innehall"
"""The id of a page's heading, where the theme's skip link leads (macros/page_heading.py)."""

NAV_LIMIT = 50
"""A section lists its entities' pages in the navigation only up to this many. The theme writes
the open section's whole list into each of its pages, so a section of n pages costs n² links: at
10× the example (150 partners) that was nearly a third of the build, at 100× most of it. A larger
section's pages are still built and searchable; its overview page lists them all."""

BUILD_KEY = "rus_site"
"""Key of this build's content in the engine's ``extra`` settings (see :func:`site_content`)."""

_PAGE_HEADING = re.compile(r'\A<h1 id="(\w+)">([^<>]*)</h1>\Z')


def nav_title(text: str) -> str:
    """A title for the engine's navigation, from strategy text: HTML-escaped (the theme prints
    nav titles as HTML) and with braces as character references, because the macros plugin runs
    navigation titles as Jinja; "{{ config }}" in a label must stay text."""
    return str(escape(text)).replace("{", "&#123;").replace("}", "&#125;")


@dataclass(frozen=True)
class SiteContent:
    strategy: RegionalStrategy
    shield: Shield
    pages: list[GeneratedPage]
    """The generated pages (one per entity, and the version pages), as Markdown with tokens."""
    data_files: dict[str, bytes]
    """The open data, keyed by path under the site's ``data/`` folder."""
    version: str = ""
    """This build's version: a year, ``utkast`` or empty (a local build)."""
    status: str = ""
    """``antagen``, ``utkast`` or empty."""
    brand: Brand = field(default_factory=Brand)
    """The region's logo, favicon and colours (``identity`` in strategy.yml), checked."""

    def macro(self, name: str, page_url: str) -> str:
        """What ``{{ name() }}`` in an overview page at ``page_url`` becomes: the token of the
        fragment. A page heading (the strategy's name) keeps its ``<h1>`` as fixed HTML around the
        token, so that an engine that never sees the HTML still knows the page has a heading."""
        fragment = str(overview_fragment(self.strategy, name, page_url, version=self.version, status=self.status))
        heading = _PAGE_HEADING.match(fragment.strip())
        if heading:
            return f'\n\n<h1 id="{heading.group(1)}">{self.shield.hide(heading.group(2))}</h1>\n\n'
        return self.shield.hide(fragment)

    def navigation(self, nav: list | None) -> list | None:
        """Each overview page ``<section>/index.md`` in ``nav`` becomes a section holding it and
        its entities' pages (titles escaped: the theme prints nav titles as HTML), up to NAV_LIMIT.
        The overview of a kind the strategy has none of (``<section>.md`` or ``<section>/index.md``)
        leaves the menu, its page still built: a region without guiding principles gets no empty
        "Vägledande principer", and need not edit the menu."""
        if nav is None:
            return None
        overviews = {overview_path(kind.key) + "index.md": kind.key for kind in KINDS if kind.has_pages}
        # A part the strategy has none of leaves the menu (and is not built: macros/hooks.py).
        empty = self.empty_pages
        result = []
        for entry in nav:
            title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
            if isinstance(target, str):
                if target in empty:
                    continue  # a part the strategy does not have: no menu entry
                own_words = overview_title(self.strategy, target)
                if own_words is not None and title is not None:
                    title = nav_title(own_words)
                    entry = {title: target}
            kind = overviews.get(target) if isinstance(target, str) else None
            if kind is None or not self.in_navigation(kind):
                result.append(entry)
                continue
            children = [target] + [{nav_title(p.title): p.src_uri} for p in self.pages if p.kind == kind]
            result.append({title: children} if title else children)
        return result

    @property
    def empty_pages(self) -> frozenset[str]:
        """Overview pages under ``docs/`` of parts the strategy has none of: not built."""
        return empty_overviews(self.strategy)

    def in_navigation(self, kind: str) -> bool:
        return sum(page.kind == kind for page in self.pages) <= NAV_LIMIT

    def theme_settings(self) -> dict:
        """``extra.strategy`` for the theme's overrides (escaped: the templates print it as HTML)."""
        settings = self.strategy.settings
        return {
            "region": str(escape(settings.region)), "name": str(escape(settings.name)),
            "short_name": str(escape(settings.short_name)) if settings.short_name else "", "example": settings.example,
            "example_note": bool(settings.example_note), "brand": self.brand.theme_settings(),
        }


def prepare_site(folder: Path, *, version: str = "", status: str = "") -> SiteContent:
    """The content of a site built from the strategy in ``folder``, or :class:`StrategyInvalid`
    with every problem (the strategy's, then what publishing needs: the accessibility statement,
    and readable colours and safe images if settings name them)."""
    strategy = load_strategy_cached(folder)
    brand, brand_problems = read_brand(folder, folder.name)
    problems = publishing_problems(strategy, folder.name) + brand_problems
    if problems:
        raise StrategyInvalid(problems)
    repo = repository_of(folder)
    shield = Shield()
    pages = generated_pages(
        strategy, shield, repo=repo, version=version, status=status,
        folder=folder.resolve().relative_to(repo).as_posix() if repo else STRATEGY_FOLDER,
    )
    return SiteContent(strategy, shield, pages, open_data.files(strategy), version, status, brand)


def site_content(config_file: str, extra: MutableMapping) -> SiteContent:
    """This build's content, prepared by whichever part of the engine's glue asks first and kept
    in the build's ``extra`` settings (a new build, also each rebuild of ``mkdocs serve``, reads its
    configuration anew and so prepares anew). ``extra`` names the strategy folder and version."""
    if BUILD_KEY not in extra:
        extra[BUILD_KEY] = prepare_site(
            site_strategy_folder(config_file, extra),
            # !ENV values are read as YAML, so a year arrives as a number.
            version=str(extra.get("rus_version") or ""), status=str(extra.get("rus_version_status") or ""),
        )
    return extra[BUILD_KEY]


def problems_page(report: str) -> str:
    """The page a preview server shows in place of every page while the strategy has problems:
    the report of every problem (escaped), in Swedish."""
    return environment().get_template("site/problems.html.j2").render(report=report)
