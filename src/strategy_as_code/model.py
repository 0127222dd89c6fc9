"""The strategy as plain Python objects, built from validated YAML data.

Objects are immutable; relations between them (which strategies contribute to a goal, which
indicators follow it up) are computed once in :class:`RegionalStrategy`, so renderers never
search lists.

Longer than our other modules (about 470 lines) on purpose: it is the strategy's vocabulary, one
small class per concept, and each class is read beside the ones it refers to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strategy_as_code.series import Fetch, Provenance, Revision, Series, fetch_of, fetched_of, revisions_of, series_of
from strategy_as_code.swedish import collation_key

DEFAULT_LANGUAGE = "sv"


@dataclass(frozen=True)
class Text:
    """A human text in one or more languages. Swedish is required; ``str()`` gives Swedish.

    YAML may hold a plain string (Swedish) or a table ``{sv: …, en: …}``, so a second language
    can be added file by file without changing the model.
    """

    translations: Mapping[str, str]

    @classmethod
    def of(cls, value: str | Mapping[str, str]) -> Text:
        """A required text, as the schema guarantees it is there."""
        if isinstance(value, str):
            return cls({DEFAULT_LANGUAGE: value})
        return cls(dict(value))

    @classmethod
    def optional(cls, value: str | Mapping[str, str] | None) -> Text | None:
        """A text the schema lets a file leave out."""
        return None if value is None else cls.of(value)

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
    return tuple(Link(title=Text.of(link["title"]), url=link["url"]) for link in data.get("links", ()))


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
            id=data["id"], source=source, order=data["order"], name=Text.of(data["name"]),
            summary=Text.of(data["summary"]), description=Text.of(data["description"]),
            agenda2030=tuple(data.get("agenda2030", ())),
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
            id=data["id"], source=source, order=data["order"], name=Text.of(data["name"]),
            summary=Text.of(data["summary"]), description=Text.of(data["description"]), goal_ids=tuple(data["goals"]),
            priorities=tuple(Text.of(item) for item in data.get("priorities", ())),
        )


@dataclass(frozen=True)
class Principle(Entity):
    """A guiding principle (vägledande princip) for how the partnership works."""

    order: int
    name: Text
    description: Text

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Principle:
        return cls(
            id=data["id"], source=source, order=data["order"], name=Text.of(data["name"]),
            description=Text.of(data["description"]),
        )


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
            id=data["id"], source=source, name=Text.of(data["name"]), summary=Text.of(data["summary"]),
            challenge=Text.of(data["challenge"]), description=Text.optional(data.get("description")),
            status=data["status"], start=data["start"], end=data.get("end"), owner_id=data["owner"],
            partner_ids=tuple(data.get("partners", ())), strategy_ids=tuple(data["strategies"]), links=_links(data),
        )


@dataclass(frozen=True)
class Measurement:
    year: int
    value: float
    women: float | None = None
    men: float | None = None
    revised: tuple[Revision, ...] = ()
    """Earlier values the source has since revised (issue 16, ``make figures``)."""


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
    # Figures from Kolada and SCB (issue 16): comparison series per area, where they are fetched
    # from and where the fetched ones came from (strategy_as_code.series).
    series: tuple[Series, ...] = ()
    fetch: Fetch | None = None
    fetched: tuple[Provenance, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Indicator:
        src = data["source"]
        return cls(
            id=data["id"], source=source, name=Text.of(data["name"]), description=Text.of(data["description"]),
            unit=Text.of(data["unit"]), direction=data["direction"], goal_ids=tuple(data["goals"]),
            source_of_data=IndicatorSource(
                name=Text.of(src["name"]), kolada=src.get("kolada"), scb_table=src.get("scb_table"), url=src.get("url"),
            ),
            baseline=Measurement(year=data["baseline"]["year"], value=data["baseline"]["value"]),
            target=Measurement(year=data["target"]["year"], value=data["target"]["value"]),
            values=tuple(sorted(
                (
                    Measurement(
                        year=v["year"], value=v["value"], women=v.get("women"), men=v.get("men"),
                        revised=revisions_of(v),
                    )
                    for v in data["values"]
                ),
                key=lambda m: m.year,
            )),
            series=series_of(data), fetch=fetch_of(data), fetched=fetched_of(data),
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
            id=data["id"], source=source, name=Text.of(data["name"]), type=data["type"],
            kommunkod=data.get("kommunkod"), description=Text.optional(data.get("description")), url=data.get("url"),
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
            id=data["id"], source=source, title=Text.of(data["title"]), body=Text.of(data["body"]), date=data["date"],
            diarienummer=data["diarienummer"], summary=Text.of(data["summary"]), links=_links(data),
            version=data.get("version"),
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
            compliance=data["compliance"], shortcomings=tuple(Text.of(t) for t in data["shortcomings"]),
            out_of_scope=tuple(Text.of(t) for t in data.get("out_of_scope", ())),
            method=Text.of(data["assessment"]["method"]), assessed=data["assessment"]["date"],
            updated=data["updated"], published=data.get("published"), email=contact["email"],
            phone=contact.get("phone"), report_url=contact.get("url"),
            response_time=Text.optional(contact.get("response_time")), supervisor=Text.of(supervisor["name"]),
            complaint_url=supervisor["url"], organisation=Text.optional(data.get("organisation")),
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
            region=Text.of(data["region"]), name=Text.of(data["name"]),
            short_name=Text.optional(data.get("short_name")), period_start=data["period"]["start"],
            period_end=data["period"]["end"], example=data.get("example", False), vision=Text.of(data["vision"]),
            introduction=Text.optional(data.get("introduction")), adopted_by=data["adopted_by"],
            contact=Contact(
                organisation=Text.of(contact["organisation"]), email=contact["email"],
                unit=Text.optional(contact.get("unit")), phone=contact.get("phone"), url=contact.get("url"),
            ),
            links=_links(data), source=source,
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

AnyEntity = Goal | Strategy | Principle | Action | Indicator | Partner | Decision
"""An entity of any kind: each has an id, a source and a name (a decision's is its title)."""

E = TypeVar("E", bound=AnyEntity)


def _sort_key(entity: AnyEntity) -> tuple[int, tuple[str, str], str]:
    """Display order: the entity's own order number, then its name in Swedish alphabetical order."""
    return (getattr(entity, "order", 0), collation_key(str(entity.name)), entity.id)


def _of_kind(entities: Mapping[str, Sequence[Entity]], key: str, cls: type[E]) -> tuple[E, ...]:
    """The entities of one kind in display order, checked to be of that kind's class."""
    items = entities.get(key, ())
    typed = [item for item in items if isinstance(item, cls)]
    if len(typed) != len(items):
        raise TypeError(f"{key} holds an entity that is not a {cls.__name__}")
    return tuple(sorted(typed, key=_sort_key))


def _invert(items: Sequence[AnyEntity], attribute: str) -> dict[str, tuple[AnyEntity, ...]]:
    """Entity id -> the items whose ``attribute`` (one id or several) names it."""
    result: dict[str, list[AnyEntity]] = {}
    for item in items:
        ids = getattr(item, attribute)
        for target in (ids,) if isinstance(ids, str) else ids:
            result.setdefault(target, []).append(item)
    return {key: tuple(value) for key, value in result.items()}


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
    _index: Mapping[str, Mapping[str, AnyEntity]] = field(default_factory=dict, compare=False, repr=False)
    _related: Mapping[tuple[str, str], Mapping[str, tuple[AnyEntity, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(cls, settings: Settings, entities: Mapping[str, Sequence[Entity]]) -> RegionalStrategy:
        """The strategy with its index and relations computed before it is constructed, so the
        frozen object is never changed afterwards."""
        goals = _of_kind(entities, "goals", Goal)
        strategies = _of_kind(entities, "strategies", Strategy)
        principles = _of_kind(entities, "principles", Principle)
        success_factors = _of_kind(entities, "success_factors", SuccessFactor)
        actions = _of_kind(entities, "actions", Action)
        indicators = _of_kind(entities, "indicators", Indicator)
        partners = _of_kind(entities, "partners", Partner)
        decisions = tuple(sorted(_of_kind(entities, "decisions", Decision), key=lambda d: (d.date, d.id)))
        ordered: dict[str, tuple[AnyEntity, ...]] = {
            "goals": goals, "strategies": strategies, "principles": principles, "success_factors": success_factors,
            "actions": actions, "indicators": indicators, "partners": partners, "decisions": decisions,
        }
        led = _invert(actions, "owner_id")
        joined = _invert(actions, "partner_ids")
        related = {
            ("goals", "strategies"): _invert(strategies, "goal_ids"),
            ("goals", "indicators"): _invert(indicators, "goal_ids"),
            ("strategies", "actions"): _invert(actions, "strategy_ids"),
            ("partners", "actions"): {
                pid: tuple(dict.fromkeys(led.get(pid, ()) + joined.get(pid, ()))) for pid in set(led) | set(joined)
            },
        }
        return cls(
            settings=settings, goals=goals, strategies=strategies, principles=principles,
            success_factors=success_factors, actions=actions, indicators=indicators, partners=partners,
            decisions=decisions, _index={key: {e.id: e for e in items} for key, items in ordered.items()},
            _related=related,
        )

    def get(self, kind: str, entity_id: str) -> Any:
        return self._index[kind][entity_id]

    def all(self, kind: str) -> tuple[AnyEntity, ...]:
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
        return tuple(sorted((self.get("partners", pid) for pid in action.partner_ids), key=_sort_key))

    @property
    def adoption(self) -> Decision:
        return self.get("decisions", self.settings.adopted_by)

    def adoption_of_version(self, year: int) -> Decision | None:
        """The decision that adopted annual version ``year``, if the strategy records one."""
        return next((d for d in self.decisions if d.version == year), None)
