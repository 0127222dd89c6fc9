"""The kinds of entity a strategy is made of: where their files live, their schema, their URL
section and their Swedish names. Everything that walks over "all kinds" reads this table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityKind:
    key: str
    """Folder under ``strategy/`` and attribute name on the model, e.g. ``goals``."""
    schema: str
    """File name of the JSON Schema in ``schemas/``."""
    section: str
    """URL section on the site: pages are at ``/<section>/<id>/``. Stable across versions."""
    singular: str
    """Swedish noun, indefinite singular: ``mål``, ``strategi``."""
    definite: str
    """Swedish noun, definite singular: ``målet``, ``strategin``."""
    plural: str
    """Swedish noun, plural: ``mål``, ``strategier``."""
    title: str
    """Heading of the overview page."""
    has_pages: bool
    """Whether each entity gets a page of its own (principles are short and listed on one page)."""


KINDS: tuple[EntityKind, ...] = (
    EntityKind("goals", "goal.schema.json", "mal", "mål", "målet", "mål", "Mål", True),
    EntityKind(
        "strategies", "strategy.schema.json", "strategier", "strategi", "strategin", "strategier", "Strategier", True,
    ),
    EntityKind(
        "principles", "principle.schema.json", "principer", "vägledande princip", "principen", "vägledande principer",
        "Vägledande principer", False,
    ),
    EntityKind(
        "success_factors", "success-factor.schema.json", "framgangsfaktorer", "framgångsfaktor", "framgångsfaktorn",
        "framgångsfaktorer", "Framgångsfaktorer för samverkan", False,
    ),
    EntityKind(
        "actions", "action.schema.json", "kraftsamlingar", "kraftsamling", "kraftsamlingen", "kraftsamlingar",
        "Kraftsamlingar", True,
    ),
    EntityKind(
        "indicators", "indicator.schema.json", "indikatorer", "indikator", "indikatorn", "indikatorer", "Indikatorer",
        True,
    ),
    EntityKind(
        "partners", "partner.schema.json", "aktorer", "aktör", "aktören", "aktörer", "Aktörer i partnerskapet", True,
    ),
    EntityKind("decisions", "decision.schema.json", "beslut", "beslut", "beslutet", "beslut", "Beslut", True),
)

KIND_BY_KEY = {kind.key: kind for kind in KINDS}

FOLDERS = {kind.key.replace("_", "-"): kind for kind in KINDS}
"""Folder name under ``strategy/`` -> kind (``success-factors`` holds ``success_factors``)."""

STRATEGY_FOLDER = "strategy"
"""The strategy's folder in the repository (``strategy/``): the one place its name is written."""
SETTINGS_FILE = "strategy.yml"
SETTINGS_SCHEMA = "settings.schema.json"


def folder_of(kind: EntityKind) -> str:
    return kind.key.replace("_", "-")


@dataclass(frozen=True)
class Reference:
    """A field in one kind's files that names entities of another kind by id."""

    source: str
    """Kind key, or ``settings`` for strategy.yml."""
    field: str
    target: str
    many: bool


REFERENCES: tuple[Reference, ...] = (
    Reference("settings", "adopted_by", "decisions", False),
    Reference("strategies", "goals", "goals", True),
    Reference("actions", "owner", "partners", False),
    Reference("actions", "partners", "partners", True),
    Reference("actions", "strategies", "strategies", True),
    Reference("indicators", "goals", "goals", True),
)
