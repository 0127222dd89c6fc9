"""The hand-written overview pages in ``docs/`` that present one part of the strategy: their
titles in the region's own words (``labels`` in strategy.yml), and which of them a strategy
has nothing for, so that the site leaves them out of the menu and does not build them."""

from __future__ import annotations

from dataclasses import dataclass

from strategy_as_code.model import RegionalStrategy


@dataclass(frozen=True)
class Overview:
    label: str
    """The key of the part in the strategy's labels."""
    kind: str
    """The kind of entity the page presents."""
    title: str = "{title}"
    """The page's title, from the label's forms: ``{title}`` (Målområden), ``{plural}``."""


OVERVIEWS: dict[str, Overview] = {
    "mal/index.md": Overview("goal", "goals", "Vision och {plural}"),
    "strategier/index.md": Overview("strategy", "strategies"),
    "principer.md": Overview("principle", "principles"),
    "framgangsfaktorer.md": Overview("success_factor", "success_factors"),
    "perspektiv.md": Overview("perspective", "perspectives"),
    "utmaningar.md": Overview("challenge", "challenges"),
    "kraftsamlingar/index.md": Overview("action", "actions"),
    "indikatorer/index.md": Overview("indicator", "indicators", "Uppföljning"),
}
"""Overview page (its path under ``docs/``) -> what it presents."""


def overview_title(strategy: RegionalStrategy, src_uri: str) -> str | None:
    """The title of an overview page in the strategy's own words; None for other pages."""
    overview = OVERVIEWS.get(src_uri)
    if overview is None:
        return None
    label = strategy.label(overview.label)
    return overview.title.format(title=label.title, plural=label.plural)


def empty_overviews(strategy: RegionalStrategy) -> frozenset[str]:
    """The overview pages of parts the strategy has none of (no kraftsamlingar, no principles):
    left out of the menu, the home page and the build. The goals page always stays: it holds the
    vision too."""
    return frozenset(
        src_uri for src_uri, overview in OVERVIEWS.items()
        if overview.kind != "goals" and not strategy.all(overview.kind)
    )


def src_uri_of(url: str) -> str:
    """The page under ``docs/`` a page address comes from (directory URLs): ``mal/`` ->
    ``mal/index.md`` when that is an overview, ``principer/`` -> ``principer.md``."""
    stem = url.strip("/")
    return f"{stem}/index.md" if f"{stem}/index.md" in OVERVIEWS else f"{stem}.md"
