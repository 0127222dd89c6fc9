"""The strategy as plain Python objects, built from validated YAML data.

Objects are immutable; relations between them (which strategies contribute to a goal, which
indicators follow it up) are computed once in :class:`RegionalStrategy`, so renderers never
search lists.

Longer than our other modules (about 750 lines) on purpose: it is the strategy's vocabulary, one
small class per concept, and each class is read beside the ones it refers to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, TypeVar

from strategy_as_code.areas import Areas, areas_of
from strategy_as_code.series import Fetch, Provenance, Revision, fetch_of, fetched_of, revisions_of
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
    """A goal, or with ``parent_id`` a sub-goal (delmål) of another goal."""

    order: int
    name: Text
    summary: Text
    description: Text
    agenda2030: tuple[int | str, ...] = ()
    """Global goals (1–17) and their targets ("11.2")."""
    parent_id: str | None = None
    priorities: tuple[Text, ...] = ()
    target: Text | None = None
    """The goal's target in the strategy's words, when it has one."""
    horizon: int | None = None
    """The year the goal looks to, when it is not the end of the strategy's period."""

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Goal:
        return cls(
            id=data["id"], source=source, order=data["order"], name=Text.of(data["name"]),
            summary=Text.of(data["summary"]), description=Text.of(data["description"]),
            agenda2030=tuple(data.get("agenda2030", ())), parent_id=data.get("parent"),
            priorities=tuple(Text.of(item) for item in data.get("priorities", ())),
            target=Text.optional(data.get("target")), horizon=data.get("horizon"),
        )

    @property
    def is_subgoal(self) -> bool:
        return self.parent_id is not None


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


class Perspective(Principle):
    """A horizontal perspective (horisontellt perspektiv): jämställdhet, integration,
    barnrättsperspektivet … which every part of the strategy is to take into account."""


@dataclass(frozen=True)
class Challenge(Entity):
    """A challenge (utmaning) the strategy answers, with the goals that meet it."""

    order: int
    name: Text
    description: Text
    summary: Text | None = None
    goal_ids: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Challenge:
        return cls(
            id=data["id"], source=source, order=data["order"], name=Text.of(data["name"]),
            description=Text.of(data["description"]), summary=Text.optional(data.get("summary")),
            goal_ids=tuple(data.get("goals", ())), links=_links(data),
        )


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


QUALIFIERS = ("cirka", "under", "över", "minst", "högst")
"""How a document may state a figure: "under 4 procent", "cirka 10"."""


@dataclass(frozen=True)
class Measurement:
    year: int
    value: float
    women: float | None = None
    men: float | None = None
    qualifier: str | None = None
    """As the document states the figure (``under``, ``cirka`` …); None: exactly."""
    text: Text | None = None
    """The document's own words about it, when they say more than the figure."""
    revised: tuple[Revision, ...] = ()
    """Earlier values the source has since revised (issue 16, ``make figures``)."""

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Measurement:
        return cls(
            year=data["year"], value=data["value"], women=data.get("women"), men=data.get("men"),
            qualifier=data.get("qualifier"), text=Text.optional(data.get("text")), revised=revisions_of(data),
        )


class TargetForm(StrEnum):
    """What kind of target the document sets; decides whether and how progress can be judged."""

    VALUE = "value"
    """A figure: 83,8 år 2030 (possibly "under 4 procent")."""
    BY_SEX = "by_sex"
    """A figure for women and one for men."""
    CHANGE = "change"
    """A change in percent from a base year's value: "halveras jämfört med 2019"."""
    RANK = "rank"
    """A place among others: "topp 5 bland EU:s regioner"."""
    COMPARISON = "comparison"
    """A level relative to another area's: "nå riksgenomsnittet", "ligga under riket"."""
    DIRECTION = "direction"
    """A direction only: "ska öka"."""
    WORDS = "words"
    """A target in words, with no figure."""


@dataclass(frozen=True)
class Target:
    """A target as the strategy writes it: exactly one form, the document's words kept beside it."""

    form: TargetForm
    year: int | None = None
    text: Text | None = None
    value: float | None = None
    qualifier: str | None = None
    women: float | None = None
    men: float | None = None
    change: float | None = None
    base_year: int | None = None
    rank: int | None = None
    among: Text | None = None
    direction: str | None = None
    change_type: str = "percent"
    """``percent`` of the base year's value, or ``absolute`` in the indicator's unit."""
    compared_with: str | None = None
    """The area a comparison target is relative to (``00``: Sweden)."""
    relation: str | None = None
    """``reach``, ``above`` or ``below`` the area in ``compared_with``."""

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Target:
        return cls(
            form=target_form(data), year=data.get("year"), text=Text.optional(data.get("text")),
            value=data.get("value"), qualifier=data.get("qualifier"), women=data.get("women"), men=data.get("men"),
            change=data.get("change"), base_year=data.get("base_year"), rank=data.get("rank"),
            among=Text.optional(data.get("among")), direction=data.get("direction"),
            change_type=data.get("change_type", "percent"), compared_with=data.get("compared_with"),
            relation=data.get("relation"),
        )


TARGET_FORM_FIELDS: dict[TargetForm, tuple[str, ...]] = {
    TargetForm.VALUE: ("value",),
    TargetForm.BY_SEX: ("women", "men"),
    TargetForm.CHANGE: ("change", "base_year"),
    TargetForm.RANK: ("rank", "among"),
    TargetForm.COMPARISON: ("compared_with", "relation"),
    TargetForm.DIRECTION: ("direction",),
}
"""The fields that make each form; a target uses the fields of one form at most (the loader
checks it), and one with none of them is a target in words."""


def target_forms(data: Mapping[str, Any]) -> list[TargetForm]:
    """Every form whose fields a target's data uses: one for a valid target, none for words."""
    return [form for form, names in TARGET_FORM_FIELDS.items() if any(name in data for name in names)]


def target_form(data: Mapping[str, Any]) -> TargetForm:
    forms = target_forms(data)
    return forms[0] if forms else TargetForm.WORDS


@dataclass(frozen=True)
class IndicatorSource:
    name: Text
    kolada: str | None = None
    scb_table: str | None = None
    url: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> IndicatorSource:
        return cls(
            name=Text.of(data["name"]), kolada=data.get("kolada"), scb_table=data.get("scb_table"),
            url=data.get("url"),
        )


@dataclass(frozen=True)
class Series:
    """Figures for another area than the strategy's own: Sweden, a municipality or another county."""

    area: str
    """``00`` for Sweden, a two-digit länskod or a four-digit kommunkod."""
    values: tuple[Measurement, ...]
    """Sorted by year."""
    name: Text | None = None
    """The name the file gives the series; otherwise the area's own name is shown."""
    source_of_data: IndicatorSource | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Series:
        source = data.get("source")
        return cls(
            area=data["area"], values=_measurements(data["values"]), name=Text.optional(data.get("name")),
            source_of_data=None if source is None else IndicatorSource.from_data(source),
        )

    @property
    def is_municipality(self) -> bool:
        return len(self.area) == 4

    @property
    def latest(self) -> Measurement | None:
        return self.values[-1] if self.values else None


def _measurements(items: Sequence[Mapping[str, Any]]) -> tuple[Measurement, ...]:
    return tuple(sorted((Measurement.from_data(v) for v in items), key=lambda m: m.year))


@dataclass(frozen=True)
class Indicator(Entity):
    name: Text
    description: Text
    unit: Text
    direction: str | None
    """``increase`` when a higher value is better, ``decrease`` when lower is better; None when
    the strategy does not say."""
    goal_ids: tuple[str, ...]
    source_of_data: IndicatorSource
    baseline: Measurement | None
    """The starting point the strategy states; None when it states none."""
    target: Target | None
    """The final target; None when the indicator has none."""
    values: tuple[Measurement, ...]
    """Sorted by year."""
    milestones: tuple[Target, ...] = ()
    """Intermediate targets before ``target``, sorted by year."""
    series: tuple[Series, ...] = ()
    """Comparison and breakdown series (Sweden, municipalities), in the file's order."""
    # Figures from Kolada and SCB (issue 16): where they are fetched from, and where the fetched
    # ones came from (strategy_as_code.series).
    fetch: Fetch | None = None
    fetched: tuple[Provenance, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Indicator:
        baseline, target = data.get("baseline"), data.get("target")
        return cls(
            id=data["id"], source=source, name=Text.of(data["name"]), description=Text.of(data["description"]),
            unit=Text.of(data["unit"]), direction=data.get("direction"), goal_ids=tuple(data["goals"]),
            source_of_data=IndicatorSource.from_data(data["source"]),
            baseline=None if baseline is None else Measurement.from_data(baseline),
            target=None if target is None else Target.from_data(target),
            values=_measurements(data["values"]),
            milestones=tuple(sorted(
                (Target.from_data(m) for m in data.get("milestones", ())), key=lambda t: t.year or 0,
            )),
            series=tuple(Series.from_data(x) for x in data.get("series", ())),
            fetch=fetch_of(data), fetched=fetched_of(data),
        )

    @property
    def latest(self) -> Measurement | None:
        return self.values[-1] if self.values else None

    @property
    def has_gender_split(self) -> bool:
        return any(m.women is not None or m.men is not None for m in self.values)

    @property
    def targets(self) -> tuple[Target, ...]:
        """Milestones and the final target, in order of year."""
        return self.milestones + ((self.target,) if self.target else ())

    @property
    def municipal_series(self) -> tuple[Series, ...]:
        return tuple(x for x in self.series if x.is_municipality)

    @property
    def comparison_series(self) -> tuple[Series, ...]:
        """Sweden and other counties: the series a chart draws beside the strategy's own."""
        return tuple(x for x in self.series if not x.is_municipality)


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
    diarienummer: str | None
    summary: Text
    links: tuple[Link, ...] = ()
    version: int | None = None
    """The annual version of the strategy this decision adopted, if it adopted one."""

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Decision:
        return cls(
            id=data["id"], source=source, title=Text.of(data["title"]), body=Text.of(data["body"]), date=data["date"],
            diarienummer=data.get("diarienummer"), summary=Text.of(data["summary"]), links=_links(data),
            version=data.get("version"),
        )

    @property
    def name(self) -> Text:
        return self.title


@dataclass(frozen=True)
class Contact:
    organisation: Text
    email: str | None = None
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
class Label:
    """A region's own word for a part of the strategy, in the two forms the site needs."""

    singular: str
    plural: str

    @property
    def title(self) -> str:
        """The plural as a heading or menu entry: "Målområden"."""
        return self.plural[:1].upper() + self.plural[1:]

    @property
    def singular_title(self) -> str:
        return self.singular[:1].upper() + self.singular[1:]


DEFAULT_LABELS: dict[str, Label] = {
    "goal": Label("mål", "mål"),
    "subgoal": Label("delmål", "delmål"),
    "strategy": Label("strategi", "strategier"),
    "priority": Label("prioritering", "prioriteringar"),
    "action": Label("kraftsamling", "kraftsamlingar"),
    "principle": Label("vägledande princip", "vägledande principer"),
    "success_factor": Label("framgångsfaktor", "framgångsfaktorer"),
    "perspective": Label("perspektiv", "perspektiv"),
    "challenge": Label("utmaning", "utmaningar"),
    "indicator": Label("indikator", "indikatorer"),
}
"""The words the site uses unless ``strategy.yml`` gives the region's own (``labels``)."""


@dataclass(frozen=True)
class Horizon:
    year: int
    description: Text


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
    county_code: str | None = None
    """Länskod, two digits, when the settings give it."""
    example_note: Text | None = None
    """For an example that re-enters a real region's strategy: who did and from what."""
    labels: Mapping[str, Label] = field(default_factory=lambda: dict(DEFAULT_LABELS), compare=False)
    """The region's words for the parts of the strategy; every key of DEFAULT_LABELS is there."""
    horizons: tuple[Horizon, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], source: Source) -> Settings:
        contact = data["contact"]
        labels = dict(DEFAULT_LABELS)
        labels.update({key: Label(v["singular"], v["plural"]) for key, v in data.get("labels", {}).items()})
        return cls(
            county_code=data.get("county_code"), labels=labels, example_note=Text.optional(data.get("example_note")),
            horizons=tuple(sorted(
                (Horizon(h["year"], Text.of(h["description"])) for h in data.get("horizons", ())),
                key=lambda h: h.year,
            )),
            region=Text.of(data["region"]), name=Text.of(data["name"]),
            short_name=Text.optional(data.get("short_name")), period_start=data["period"]["start"],
            period_end=data["period"]["end"], example=data.get("example", False), vision=Text.of(data["vision"]),
            introduction=Text.optional(data.get("introduction")), adopted_by=data["adopted_by"],
            contact=Contact(
                organisation=Text.of(contact["organisation"]), email=contact.get("email"),
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
    "perspectives": Perspective,
    "challenges": Challenge,
    "actions": Action,
    "indicators": Indicator,
    "partners": Partner,
    "decisions": Decision,
}

AnyEntity = Goal | Strategy | Principle | Challenge | Action | Indicator | Partner | Decision
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
    perspectives: tuple[Perspective, ...]
    challenges: tuple[Challenge, ...]
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
        perspectives = _of_kind(entities, "perspectives", Perspective)
        challenges = _of_kind(entities, "challenges", Challenge)
        actions = _of_kind(entities, "actions", Action)
        indicators = _of_kind(entities, "indicators", Indicator)
        partners = _of_kind(entities, "partners", Partner)
        decisions = tuple(sorted(_of_kind(entities, "decisions", Decision), key=lambda d: (d.date, d.id)))
        ordered: dict[str, tuple[AnyEntity, ...]] = {
            "goals": goals, "strategies": strategies, "principles": principles, "success_factors": success_factors,
            "perspectives": perspectives, "challenges": challenges, "actions": actions, "indicators": indicators,
            "partners": partners, "decisions": decisions,
        }
        led = _invert(actions, "owner_id")
        joined = _invert(actions, "partner_ids")
        related = {
            ("goals", "strategies"): _invert(strategies, "goal_ids"),
            ("goals", "indicators"): _invert(indicators, "goal_ids"),
            ("goals", "goals"): _invert([g for g in goals if g.parent_id], "parent_id"),
            ("goals", "challenges"): _invert(challenges, "goal_ids"),
            ("strategies", "actions"): _invert(actions, "strategy_ids"),
            ("partners", "actions"): {
                pid: tuple(dict.fromkeys(led.get(pid, ()) + joined.get(pid, ()))) for pid in set(led) | set(joined)
            },
        }
        return cls(
            settings=settings, goals=goals, strategies=strategies, principles=principles,
            success_factors=success_factors, perspectives=perspectives, challenges=challenges, actions=actions,
            indicators=indicators, partners=partners, decisions=decisions,
            _index={key: {e.id: e for e in items} for key, items in ordered.items()},
            _related=related,
        )

    def get(self, kind: str, entity_id: str) -> Any:
        return self._index[kind][entity_id]

    def all(self, kind: str) -> tuple[AnyEntity, ...]:
        return getattr(self, kind)

    def related(self, kind: str, entity_id: str, other: str) -> tuple[Any, ...]:
        """Entities of kind ``other`` that point at ``kind``/``entity_id`` (the reverse links)."""
        return self._related[(kind, other)].get(entity_id, ())

    @property
    def main_goals(self) -> tuple[Goal, ...]:
        """The goals that are not sub-goals of another, in display order."""
        return tuple(g for g in self.goals if g.parent_id is None)

    def subgoals_of(self, goal: Goal) -> tuple[Goal, ...]:
        return self.related("goals", goal.id, "goals")

    def parent_of(self, goal: Goal) -> Goal | None:
        return None if goal.parent_id is None else self.get("goals", goal.parent_id)

    def label(self, key: str) -> Label:
        """The region's word for a part of the strategy (``goal``, ``action`` …)."""
        return self.settings.labels[key]

    @cached_property
    def areas(self) -> Areas:
        """The strategy's county and its partner municipalities, named as their files name them."""
        partners = [{"kommunkod": p.kommunkod, "name": str(p.name)} for p in self.partners if p.kommunkod]
        return areas_of({"region": str(self.settings.region), "county_code": self.settings.county_code}, partners)

    def area_name(self, code: str) -> str:
        """The name of an area a series is for: Sverige, the county, or a municipality."""
        return self.areas.name(code)

    def counts(self) -> str:
        """What the strategy holds, in its own words: "3 mål, 7 delmål, 8 strategier …"; kinds
        it has none of are left out."""
        from strategy_as_code.kinds import KINDS, LABEL_OF_KIND

        parts = []
        for kind in KINDS:
            items = self.all(kind.key)
            if kind.key == "goals":
                groups: list[tuple[str | None, int]] = [
                    ("goal", len(self.main_goals)), ("subgoal", len(items) - len(self.main_goals)),
                ]
            else:
                groups = [(LABEL_OF_KIND.get(kind.key), len(items))]
            for key, count in groups:
                if count:
                    label = self.label(key) if key else Label(kind.singular, kind.plural)
                    parts.append(f"{count} {label.singular if count == 1 else label.plural}")
        return ", ".join(parts)

    def series_names(self, indicator: Indicator) -> dict[str, str]:
        """Area code -> the name each of the indicator's series is shown with."""
        return {series.area: self.series_name(series) for series in indicator.series}

    def series_name(self, series: Series) -> str:
        return str(series.name) if series.name else self.area_name(series.area)

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
