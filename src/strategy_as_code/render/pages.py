"""One Markdown page per goal, strategy, action, indicator, partner and decision.

A template renders the whole page as HTML (escaped and sanitised), with fixed Swedish section
headings as ``<h2>`` lines; the shield hands the site engine only those headings, as Markdown for
its table of contents and search sections, and tokens for the HTML (render/shield.py).
The front matter turns macro rendering off: text from a pull request is never run as Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strategy_as_code.kinds import KINDS
from strategy_as_code.model import Action, AnyEntity, Goal, Indicator, Partner, RegionalStrategy, Strategy
from strategy_as_code.render.environment import environment
from strategy_as_code.render.links import Linker, entity_path, source_uri
from strategy_as_code.render.shield import Shield

STATUS_CLASSES = {"planerad": "planned", "pågående": "ongoing", "pausad": "paused", "avslutad": "done"}


@dataclass(frozen=True)
class GeneratedPage:
    kind: str
    entity_id: str
    src_uri: str
    """Where the page sits among the site's Markdown sources, e.g. ``mal/goda-livsvillkor.md``."""
    path: str
    """Its address on the site, e.g. ``mal/goda-livsvillkor/``."""
    title: str
    """Plain-text title for navigation."""
    source_path: str
    """The YAML file it was generated from, for "propose a change" links."""
    content: str
    """Markdown for the site engine: front matter, headings and the shield's tokens."""


def _context(strategy: RegionalStrategy, item: AnyEntity) -> dict[str, Any]:
    """What a page's template needs beside the item, by the item's kind."""
    if isinstance(item, Goal):
        return {
            "goal": item,
            "parent": strategy.parent_of(item),
            "subgoals": strategy.subgoals_of(item),
            "challenges": strategy.related("goals", item.id, "challenges"),
            "strategies": strategy.related("goals", item.id, "strategies"),
            "indicators": strategy.related("goals", item.id, "indicators"),
        }
    if isinstance(item, Strategy):
        goals = strategy.goals_of(item)
        actions = strategy.related("strategies", item.id, "actions")
        partner_ids = {p.id for action in actions for p in (strategy.owner_of(action), *strategy.partners_of(action))}
        return {
            "goals": goals, "actions": actions,
            # Followed up through its goals: each goal with the indicators that follow it up.
            "followed_up": [(goal, strategy.related("goals", goal.id, "indicators")) for goal in goals],
            "partners": [partner for partner in strategy.partners if partner.id in partner_ids],
        }
    if isinstance(item, Action):
        return {
            "owner": strategy.owner_of(item),
            "partners": strategy.partners_of(item),
            "strategies": strategy.strategies_of(item),
            "status_class": STATUS_CLASSES[item.status],
        }
    if isinstance(item, Indicator):
        return {
            "goals": strategy.goals_of(item),
            "comparisons": [strategy.series_name(x) for x in item.comparison_series],
            "series_names": strategy.series_names(item),
        }
    if isinstance(item, Partner):
        actions = strategy.related("partners", item.id, "actions")
        strategy_ids = {s.id for action in actions for s in strategy.strategies_of(action)}
        strategies = [s for s in strategy.strategies if s.id in strategy_ids]
        goal_ids = {goal.id for s in strategies for goal in strategy.goals_of(s)}
        return {
            "leads": [action for action in actions if action.owner_id == item.id],
            "takes_part": [action for action in actions if action.owner_id != item.id],
            # What the partner works for through its kraftsamlingar.
            "strategies": strategies,
            "goals": [goal for goal in strategy.goals if goal.id in goal_ids],
        }
    return {}


def entity_pages(strategy: RegionalStrategy, shield: Shield) -> list[GeneratedPage]:
    env = environment()
    pages = []
    for kind in KINDS:
        if not kind.has_pages:
            continue
        template = env.get_template(f"pages/{kind.template}.md.j2")
        for item in strategy.all(kind.key):
            path = entity_path(kind.key, item.id)
            content = shield.page(template.render(
                strategy=strategy, item=item, link=Linker(path), **_context(strategy, item)
            ))
            pages.append(GeneratedPage(
                kind.key, item.id, source_uri(kind.key, item.id), path, str(item.name), item.source.path, content,
            ))
    return pages
