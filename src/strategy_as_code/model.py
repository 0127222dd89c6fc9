"""The strategy as plain Python objects, built from validated YAML data.

Objects are immutable; relations between them (which strategies contribute to a goal, which
indicators follow it up) are computed once in :class:`RegionalStrategy`, so renderers never
search lists.

Longer than our other modules (about 400 lines) on purpose: it is the strategy's vocabulary, one
small class per concept, and each class is read beside the ones it refers to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DEFAULT_LANGUAGE = "sv"


@dataclass(frozen=True)
class Text:
    """A human text in one or more languages. Swedish is required; ``str()`` gives Swedish.

    YAML may hold a plain string (Swedish) or a table ``{sv: …, en: …}``, so a second language
    can be added file by file without changing the model.
    """

    translations: Mapping[str, str]

    @classmethod
    def of(cls, value: str | Mapping[str, str] | None) -> Text | None:
        if value is None:
            return None
        if isinstance(value, str):
            return cls({DEFAULT_LANGUAGE: value})
        return cls(dict(value))

    def __str__(self) -> str:
        return self.translations[DEFAULT_LANGUAGE]

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.translations.items())))

    def get(self, language: str) -> str:
        return self.translations.get(language, str(self))


@dataclass(frozen=True)
class Source:
    """Where an entity was defined, for error messages and "edit this" links."""

    path: str
    line: int = 1


@dataclass(frozen=True)
class Link:
    title: Text
    url: str


def _links(data: Mapping[str, Any]) -> tuple[Link, ...]:
    return tuple(Link(Text.of(link["title"]), link["url"]) for link in data.get("links", ()))


@dataclass(frozen=True)
class Entity:
    id: str
    source: Source = field(compare=False, repr=False)


@dataclass(frozen=True)
class Goal(Entity):
    order: int
    name: Text
    summary: Text
    description: Text
    agenda2030: tuple[int, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Goal:
        return cls(
            data["id"], source, data["order"], Text.of(data["name"]), Text.of(data["summary"]),
            Text.of(data["description"]), tuple(data.get("agenda2030", ())),
        )


@dataclass(frozen=True)
class Strategy(Entity):
    order: int
    name: Text
    summary: Text
    description: Text
    goal_ids: tuple[str, ...]
    priorities: tuple[Text, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Strategy:
        return cls(
            data["id"], source, data["order"], Text.of(data["name"]), Text.of(data["summary"]),
            Text.of(data["description"]), tuple(data["goals"]),
            tuple(Text.of(item) for item in data.get("priorities", ())),
        )


@dataclass(frozen=True)
class Principle(Entity):
    """A guiding principle (vägledande princip) for how the partnership works."""

    order: int
    name: Text
    description: Text

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Principle:
        return cls(data["id"], source, data["order"], Text.of(data["name"]), Text.of(data["description"]))


class SuccessFactor(Principle):
    """A success factor for collaboration (framgångsfaktor för samverkan)."""


ACTION_STATUSES = ("planerad", "pågående", "pausad", "avslutad")


@dataclass(frozen=True)
class Action(Entity):
    """A kraftsamling: a challenge-driven platform where partners work on one challenge."""

    name: Text
    summary: Text
    challenge: Text
    description: Text | None
    status: str
    start: int
    end: int | None
    owner_id: str
    partner_ids: tuple[str, ...]
    strategy_ids: tuple[str, ...]
    links: tuple[Link, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Action:
        return cls(
            data["id"], source, Text.of(data["name"]), Text.of(data["summary"]), Text.of(data["challenge"]),
            Text.of(data.get("description")), data["status"], data["start"], data.get("end"), data["owner"],
            tuple(data.get("partners", ())), tuple(data["strategies"]), _links(data),
        )


@dataclass(frozen=True)
class Measurement:
    year: int
    value: float
    women: float | None = None
    men: float | None = None


@dataclass(frozen=True)
class IndicatorSource:
    name: Text
    kolada: str | None = None
    scb_table: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Indicator(Entity):
    name: Text
    description: Text
    unit: Text
    direction: str
    """``increase`` when a higher value is better, ``decrease`` when lower is better."""
    goal_ids: tuple[str, ...]
    source_of_data: IndicatorSource
    baseline: Measurement
    target: Measurement
    values: tuple[Measurement, ...]
    """Sorted by year."""

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Indicator:
        src = data["source"]
        return cls(
            data["id"], source, Text.of(data["name"]), Text.of(data["description"]), Text.of(data["unit"]),
            data["direction"], tuple(data["goals"]),
            IndicatorSource(Text.of(src["name"]), src.get("kolada"), src.get("scb_table"), src.get("url")),
            Measurement(data["baseline"]["year"], data["baseline"]["value"]),
            Measurement(data["target"]["year"], data["target"]["value"]),
            tuple(sorted(
                (Measurement(v["year"], v["value"], v.get("women"), v.get("men")) for v in data["values"]),
                key=lambda m: m.year,
            )),
        )

    @property
    def latest(self) -> Measurement | None:
        return self.values[-1] if self.values else None

    @property
    def has_gender_split(self) -> bool:
        return any(m.women is not None or m.men is not None for m in self.values)


PARTNER_TYPES = ("region", "kommun", "länsstyrelse", "lärosäte", "statlig myndighet", "näringsliv", "civilsamhälle")


@dataclass(frozen=True)
class Partner(Entity):
    name: Text
    type: str
    kommunkod: str | None = None
    description: Text | None = None
    url: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Partner:
        return cls(
            data["id"], source, Text.of(data["name"]), data["type"], data.get("kommunkod"),
            Text.of(data.get("description")), data.get("url"),
        )


@dataclass(frozen=True)
class Decision(Entity):
    title: Text
    body: Text
    date: str
    diarienummer: str
    summary: Text
    links: tuple[Link, ...] = ()
    version: int | None = None
    """The annual version of the strategy this decision adopted, if it adopted one."""

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Decision:
        return cls(
            data["id"], source, Text.of(data["title"]), Text.of(data["body"]), data["date"], data["diarienummer"],
            Text.of(data["summary"]), _links(data), data.get("version"),
        )

    @property
    def name(self) -> Text:
        return self.title


@dataclass(frozen=True)
class Contact:
    organisation: Text
    email: str
    unit: Text | None = None
    phone: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class AccessibilityStatement:
    """The accessibility statement (tillgänglighetsredogörelse) the law requires of the site: the
    facts live in ``strategy.yml`` (validated, reviewed like any change), the wording in a template."""

    compliance: str
    """``helt``, ``delvis`` or ``inte`` (förenlig med lagen)."""
    shortcomings: tuple[Text, ...]
    out_of_scope: tuple[Text, ...]
    method: Text
    assessed: str
    updated: str
    published: str | None
    email: str
    phone: str | None
    report_url: str | None
    response_time: Text | None
    supervisor: Text
    complaint_url: str
    organisation: Text | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any] | None) -> AccessibilityStatement | None:
        if data is None:
            return None
        contact, supervisor = data["contact"], data["supervisor"]
        return cls(
            data["compliance"], tuple(Text.of(t) for t in data["shortcomings"]),
            tuple(Text.of(t) for t in data.get("out_of_scope", ())), Text.of(data["assessment"]["method"]),
            data["assessment"]["date"], data["updated"], data.get("published"), contact["email"],
            contact.get("phone"), contact.get("url"), Text.of(contact.get("response_time")),
            Text.of(supervisor["name"]), supervisor["url"], Text.of(data.get("organisation")),
        )


@dataclass(frozen=True)
class Settings:
    """The strategy's own file (``strategy/strategy.yml``)."""

    region: Text
    name: Text
    short_name: Text | None
    period_start: int
    period_end: int
    example: bool
    vision: Text
    introduction: Text | None
    adopted_by: str
    contact: Contact
    links: tuple[Link, ...]
    source: Source = field(compare=False, repr=False)
    accessibility: AccessibilityStatement | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Settings:
        contact = data["contact"]
        return cls(
            Text.of(data["region"]), Text.of(data["name"]), Text.of(data.get("short_name")),
            data["period"]["start"], data["period"]["end"], data.get("example", False), Text.of(data["vision"]),
            Text.of(data.get("introduction")), data["adopted_by"],
            Contact(
                Text.of(contact["organisation"]), contact["email"], Text.of(contact.get("unit")),
                contact.get("phone"), contact.get("url"),
            ),
            _links(data), source,
            accessibility=AccessibilityStatement.from_data(data.get("accessibility")),
        )

    @property
    def period(self) -> str:
        return f"{self.period_start}–{self.period_end}"


ENTITY_CLASSES: dict[str, type[Entity]] = {
    "goals": Goal,
    "strategies": Strategy,
    "principles": Principle,
    "success_factors": SuccessFactor,
    "actions": Action,
    "indicators": Indicator,
    "partners": Partner,
    "decisions": Decision,
}


def _sort_key(entity: Any) -> tuple:
    return (getattr(entity, "order", 0), str(entity.name).casefold(), entity.id)


@dataclass(frozen=True)
class RegionalStrategy:
    """The whole strategy: settings, every entity in display order, and their relations."""

    settings: Settings
    goals: tuple[Goal, ...]
    strategies: tuple[Strategy, ...]
    principles: tuple[Principle, ...]
    success_factors: tuple[SuccessFactor, ...]
    actions: tuple[Action, ...]
    indicators: tuple[Indicator, ...]
    partners: tuple[Partner, ...]
    decisions: tuple[Decision, ...]
    _index: dict[str, dict[str, Entity]] = field(default_factory=dict, compare=False, repr=False)
    _related: dict[tuple[str, str], dict[str, tuple[Entity, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(cls, settings: Settings, entities: Mapping[str, list[Entity]]) -> RegionalStrategy:
        ordered = {key: tuple(sorted(entities.get(key, ()), key=_sort_key)) for key in ENTITY_CLASSES}
        ordered["decisions"] = tuple(sorted(ordered["decisions"], key=lambda d: (d.date, d.id)))
        strategy = cls(settings, **ordered)
        strategy._index.update({key: {e.id: e for e in items} for key, items in ordered.items()})
        strategy._relate()
        return strategy

    def _relate(self) -> None:
        def invert(items: tuple[Entity, ...], attribute: str) -> dict[str, tuple[Entity, ...]]:
            result: dict[str, list[Entity]] = {}
            for item in items:
                ids = getattr(item, attribute)
                for target in (ids,) if isinstance(ids, str) else ids:
                    result.setdefault(target, []).append(item)
            return {key: tuple(value) for key, value in result.items()}

        self._related[("goals", "strategies")] = invert(self.strategies, "goal_ids")
        self._related[("goals", "indicators")] = invert(self.indicators, "goal_ids")
        self._related[("strategies", "actions")] = invert(self.actions, "strategy_ids")
        led = invert(self.actions, "owner_id")
        joined = invert(self.actions, "partner_ids")
        self._related[("partners", "actions")] = {
            pid: tuple(dict.fromkeys(led.get(pid, ()) + joined.get(pid, ())))
            for pid in set(led) | set(joined)
        }

    def get(self, kind: str, entity_id: str) -> Any:
        return self._index[kind][entity_id]

    def all(self, kind: str) -> tuple[Entity, ...]:
        return getattr(self, kind)

    def related(self, kind: str, entity_id: str, other: str) -> tuple[Any, ...]:
        """Entities of kind ``other`` that point at ``kind``/``entity_id`` (the reverse links)."""
        return self._related[(kind, other)].get(entity_id, ())

    # Forward links, resolved to objects.
    def goals_of(self, item: Strategy | Indicator) -> tuple[Goal, ...]:
        return tuple(sorted((self.get("goals", gid) for gid in item.goal_ids), key=_sort_key))

    def strategies_of(self, action: Action) -> tuple[Strategy, ...]:
        return tuple(sorted((self.get("strategies", sid) for sid in action.strategy_ids), key=_sort_key))

    def owner_of(self, action: Action) -> Partner:
        return self.get("partners", action.owner_id)

    def partners_of(self, action: Action) -> tuple[Partner, ...]:
        return tuple(self.get("partners", pid) for pid in action.partner_ids)

    @property
    def adoption(self) -> Decision:
        return self.get("decisions", self.settings.adopted_by)

    def adoption_of_version(self, year: int) -> Decision | None:
        """The decision that adopted annual version ``year``, if the strategy records one."""
        return next((d for d in self.decisions if d.version == year), None)
