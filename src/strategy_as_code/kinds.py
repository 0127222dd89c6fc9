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
    template: str | None
    """Page template in ``templates/pages/`` (``goal`` for ``goal.md.j2``); None: no page of its own,
    the entities are listed on the overview page (principles are short)."""
    one: str
    """One of them with its article, as the open data's file list says what a row is: ``ett mål``."""
    columns: tuple[tuple[str, str], ...]
    """The open data's CSV columns: column name -> attribute of the model (dotted for a part of
    it, a list is written as ids separated by semicolons)."""

    @property
    def has_pages(self) -> bool:
        return self.template is not None

    @property
    def csv_file(self) -> str:
        return f"{folder_of(self)}.csv"


def _columns(*names: str, **attributes: str) -> tuple[tuple[str, str], ...]:
    """Columns named like the model's attributes, then those whose attribute has another name."""
    return tuple((name, name) for name in names) + tuple(attributes.items())


KINDS: tuple[EntityKind, ...] = (
    EntityKind(
        key="goals", schema="goal.schema.json", section="mal", singular="mål", definite="målet", plural="mål",
        title="Mål", template="goal", one="ett mål", columns=_columns(
            "id", "order", "name", "summary", "target", "horizon", "agenda2030", parent="parent_id",
        ),
    ),
    EntityKind(
        key="strategies", schema="strategy.schema.json", section="strategier", singular="strategi",
        definite="strategin", plural="strategier", title="Strategier", template="strategy", one="en strategi",
        columns=_columns("id", "order", "name", "summary", goals="goal_ids"),
    ),
    EntityKind(
        key="principles", schema="principle.schema.json", section="principer", singular="vägledande princip",
        definite="principen", plural="vägledande principer", title="Vägledande principer", template=None,
        one="en vägledande princip", columns=_columns("id", "order", "name", "description"),
    ),
    EntityKind(
        key="success_factors", schema="success-factor.schema.json", section="framgangsfaktorer",
        singular="framgångsfaktor", definite="framgångsfaktorn", plural="framgångsfaktorer",
        title="Framgångsfaktorer för samverkan", template=None, one="en framgångsfaktor",
        columns=_columns("id", "order", "name", "description"),
    ),
    EntityKind(
        key="perspectives", schema="perspective.schema.json", section="perspektiv", singular="perspektiv",
        definite="perspektivet", plural="perspektiv", title="Perspektiv", template=None, one="ett perspektiv",
        columns=_columns("id", "order", "name", "description"),
    ),
    EntityKind(
        key="challenges", schema="challenge.schema.json", section="utmaningar", singular="utmaning",
        definite="utmaningen", plural="utmaningar", title="Utmaningar", template=None, one="en utmaning",
        columns=_columns("id", "order", "name", "summary", "description", goals="goal_ids"),
    ),
    EntityKind(
        key="actions", schema="action.schema.json", section="kraftsamlingar", singular="kraftsamling",
        definite="kraftsamlingen", plural="kraftsamlingar", title="Kraftsamlingar", template="action",
        one="en kraftsamling",
        columns=_columns(
            "id", "name", "summary", "status", "start", "end", owner="owner_id", partners="partner_ids",
            strategies="strategy_ids",
        ),
    ),
    EntityKind(
        key="indicators", schema="indicator.schema.json", section="indikatorer", singular="indikator",
        definite="indikatorn", plural="indikatorer", title="Indikatorer", template="indicator", one="en indikator",
        columns=_columns(
            "id", "name", "unit", "direction", goals="goal_ids", source="source_of_data.name",
            kolada="source_of_data.kolada", scb_table="source_of_data.scb_table", source_url="source_of_data.url",
            baseline_year="baseline.year", baseline_value="baseline.value", baseline_qualifier="baseline.qualifier",
            target_text="target.text", target_year="target.year", target_value="target.value",
            target_qualifier="target.qualifier", target_change="target.change", target_base_year="target.base_year",
            target_rank="target.rank", target_among="target.among", target_direction="target.direction",
        ),
    ),
    EntityKind(
        key="partners", schema="partner.schema.json", section="aktorer", singular="aktör", definite="aktören",
        plural="aktörer", title="Aktörer i partnerskapet", template="partner", one="en aktör",
        columns=_columns("id", "name", "type", "kommunkod", "url"),
    ),
    EntityKind(
        key="decisions", schema="decision.schema.json", section="beslut", singular="beslut", definite="beslutet",
        plural="beslut", title="Beslut", template="decision", one="ett beslut",
        columns=_columns("id", "title", "body", "date", "diarienummer", "version"),
    ),
)

KIND_BY_KEY = {kind.key: kind for kind in KINDS}

LABEL_OF_KIND = {
    "goals": "goal", "strategies": "strategy", "principles": "principle", "success_factors": "success_factor",
    "perspectives": "perspective", "challenges": "challenge", "actions": "action", "indicators": "indicator",
}
"""The key in a strategy's ``labels`` of each kind a region may name in its own words (the
others, partners and decisions, are the same in every region)."""

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
    Reference("goals", "parent", "goals", False),
    Reference("challenges", "goals", "goals", True),
)
