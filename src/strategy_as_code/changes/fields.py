"""Which fields of each kind are compared, how a reader names them in Swedish, and how their
values are written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from strategy_as_code.model import Horizon, Label, Measurement, Target, TargetForm
from strategy_as_code.series import SOURCE_NAMES, Fetch, Provenance
from strategy_as_code.swedish import AGENDA_2030, swedish_date, swedish_number

NOTHING = "(inget angivet)"


@dataclass(frozen=True)
class Field:
    path: str
    label: str
    shape: str
    """``text``, ``value``, ``ref`` (one entity), ``refs``, ``texts``, ``links``, ``sdgs``, ``values``,
    ``series`` (yearly values per area)."""
    show: Callable[[Any], str] = str
    target: str | None = None
    """Kind of the entities a ``ref``/``refs`` field points at."""


def _year(value: int | None) -> str:
    return NOTHING if value is None else str(value)


def _measurement(value: Measurement) -> str:
    qualifier = f"{value.qualifier} " if value.qualifier else ""
    return f"{qualifier}{swedish_number(value.value)} år {value.year}"


def target_words(target: Target) -> str:
    """A target as a line of the list of changes: its form in words, and the strategy's own words."""
    year = f" år {target.year}" if target.year else ""
    if target.form is TargetForm.VALUE:
        qualifier = f"{target.qualifier} " if target.qualifier else ""
        words = f"{qualifier}{swedish_number(target.value)}{year}"
    elif target.form is TargetForm.BY_SEX:
        words = f"kvinnor {swedish_number(target.women)}, män {swedish_number(target.men)}{year}"
    elif target.form is TargetForm.CHANGE:
        change = target.change or 0
        unit = "procent" if target.change_type == "percent" else "(i indikatorns enhet)"
        words = (f"{'ökning' if change > 0 else 'minskning'} med {swedish_number(abs(change))} {unit} "
                 f"till {target.year} jämfört med {target.base_year}")
    elif target.form is TargetForm.COMPARISON:
        relation = {"reach": "nå", "above": "ligga över", "below": "ligga under"}.get(target.relation or "", "")
        words = f"{relation} området {target.compared_with}{year}"
    elif target.form is TargetForm.RANK:
        words = f"plats {target.rank} bland {target.among}{year}"
    elif target.form is TargetForm.DIRECTION:
        words = f"ska {'öka' if target.direction == 'increase' else 'minska'}{year}"
    else:
        return f"i ord{year}: {target.text}" if target.text else f"i ord{year}"
    return f"{words} (”{target.text}”)" if target.text else words


def _horizon(horizon: Horizon) -> str:
    return f"{horizon.year}: {horizon.description}"


def _labels(labels: dict[str, Label]) -> str:
    return "; ".join(f"{label.singular}/{label.plural}" for label in labels.values())


def _yearly(value: Measurement) -> str:
    split = [f"{name} {swedish_number(part)}" for name, part in (("kvinnor", value.women), ("män", value.men))
             if part is not None]
    text = f"{value.year}: {swedish_number(value.value)}" + (f" ({', '.join(split)})" if split else "")
    if value.revised:  # make figures kept what the source said before (issue 16)
        earlier = value.revised[-1]
        text += f" – reviderat av källan, tidigare {swedish_number(earlier.value)} (hämtat {earlier.date})"
    return text


def _fetch(spec: Fetch) -> str:
    """Where make figures fetches from, in a line: "Kolada N00914: län, riket, kommuner"."""
    parts = []
    if spec.kolada:
        sexes = f" ({', '.join(spec.kolada.sexes)})" if spec.kolada.sexes != ("T",) else ""
        since = f" från {spec.kolada.since}" if spec.kolada.since else ""
        parts.append(f"Kolada {spec.kolada.kpi}: {', '.join(spec.kolada.areas)}{sexes}{since}")
    if spec.scb:
        chosen = "".join(f", {variable} {code}" for variable, code in spec.scb.selection)
        since = f" från {spec.scb.since}" if spec.scb.since else ""
        parts.append(f"SCB tabell {spec.scb.table}{chosen}: {', '.join(spec.scb.areas)}{since}")
    return "; ".join(parts)


def _fetched(provenance: tuple[Provenance, ...]) -> str:
    return ", ".join(f"{SOURCE_NAMES[p.source]} {p.date}" for p in provenance) or NOTHING


def _yes_no(value: bool) -> str:
    return "ja" if value else "nej"


def _direction(value: str) -> str:
    return {"increase": "ett högre värde är bättre", "decrease": "ett lägre värde är bättre"}.get(value, value)


def sdg(number: int | str) -> str:
    goal = int(str(number).split(".")[0])
    return f"{number}. {AGENDA_2030.get(goal, '')}".rstrip()


_ORDER = Field("order", "Plats i ordningen", "value")
_NAME = Field("name", "Namn", "text")
_SUMMARY = Field("summary", "Sammanfattning", "text")
_DESCRIPTION = Field("description", "Beskrivning", "text")
_LINKS = Field("links", "Länkar", "links")

FIELDS: dict[str, tuple[Field, ...]] = {
    "goals": (
        _ORDER, _NAME, Field("parent_id", "Delmål till", "ref", target="goals"), _SUMMARY, _DESCRIPTION,
        Field("target", "Målsättning", "text"), Field("horizon", "Siktar mot år", "value", _year),
        Field("priorities", "Prioriteringar", "texts"), Field("agenda2030", "Globala mål i Agenda 2030", "sdgs"),
    ),
    "strategies": (
        _ORDER, _NAME, _SUMMARY, _DESCRIPTION,
        Field("goal_ids", "Bidrar till målen", "refs", target="goals"),
        Field("priorities", "Prioriteringar", "texts"),
    ),
    "principles": (_ORDER, _NAME, _DESCRIPTION),
    "success_factors": (_ORDER, _NAME, _DESCRIPTION),
    "perspectives": (_ORDER, _NAME, _DESCRIPTION),
    "challenges": (
        _ORDER, _NAME, _SUMMARY, _DESCRIPTION, Field("goal_ids", "Möts av målen", "refs", target="goals"), _LINKS,
    ),
    "actions": (
        _NAME, _SUMMARY, Field("challenge", "Utmaning", "text"), _DESCRIPTION,
        Field("status", "Status", "value"), Field("start", "Startår", "value", _year),
        Field("end", "Slutår", "value", _year),
        Field("owner_id", "Leds av", "ref", target="partners"),
        Field("partner_ids", "Medverkande aktörer", "refs", target="partners"),
        Field("strategy_ids", "Genomför strategierna", "refs", target="strategies"),
        _LINKS,
    ),
    "indicators": (
        _NAME, _DESCRIPTION, Field("unit", "Enhet", "text"), Field("direction", "Riktning", "value", _direction),
        Field("goal_ids", "Följer upp målen", "refs", target="goals"),
        Field("source_of_data.name", "Källa", "text"),
        Field("source_of_data.kolada", "Nyckeltal i Kolada", "value"),
        Field("source_of_data.scb_table", "Tabell hos SCB", "value"),
        Field("source_of_data.url", "Källans webbadress", "value"),
        Field("baseline", "Utgångsläge", "value", _measurement),
        Field("target", "Mål", "value", target_words),
        Field("milestones", "Etappmål", "texts", target_words),
        Field("values", "Uppmätta värden", "values", _yearly),
        Field("series", "Värden för jämförelse och per kommun", "series", _yearly),
        Field("fetch", "Hämtas från", "value", _fetch),
        Field("fetched", "Senast hämtade", "value", _fetched),
    ),
    "partners": (
        _NAME, Field("type", "Slag av aktör", "value"), Field("kommunkod", "Kommunkod", "value"),
        _DESCRIPTION, Field("url", "Webbplats", "value"),
    ),
    "decisions": (
        Field("title", "Rubrik", "text"), Field("body", "Beslutande organ", "text"),
        Field("date", "Datum", "value", swedish_date), Field("diarienummer", "Diarienummer", "value"),
        _SUMMARY, _LINKS, Field("version", "Antar årsversionen", "value", _year),
    ),
}

SETTINGS_FIELDS: tuple[Field, ...] = (
    Field("region", "Region", "text"), Field("county_code", "Länskod", "value"),
    Field("name", "Strategins namn", "text"),
    Field("short_name", "Kortnamn", "text"), Field("period_start", "Periodens första år", "value", _year),
    Field("period_end", "Periodens sista år", "value", _year), Field("example", "Påhittat exempel", "value", _yes_no),
    Field("example_note", "Om exemplet", "text"),
    Field("horizons", "Tidshorisonter", "texts", _horizon),
    Field("labels", "Egna ord för strategins delar", "value", _labels),
    Field("vision", "Vision", "text"), Field("introduction", "Inledning", "text"),
    Field("adopted_by", "Antagen genom beslutet", "ref", target="decisions"),
    Field("contact.organisation", "Kontaktens organisation", "text"),
    Field("contact.unit", "Kontaktens enhet", "text"),
    Field("contact.email", "Kontaktens e-postadress", "value"),
    Field("contact.phone", "Kontaktens telefonnummer", "value"),
    Field("contact.url", "Kontaktens webbadress", "value"),
    _LINKS,
    Field("accessibility.compliance", "Tillgänglighet: förenlighet med lagen", "value"),
    Field("accessibility.shortcomings", "Tillgänglighet: kända brister", "texts"),
    Field("accessibility.out_of_scope", "Tillgänglighet: innehåll som inte omfattas", "texts"),
    Field("accessibility.method", "Tillgänglighet: hur webbplatsen har granskats", "text"),
    Field("accessibility.assessed", "Tillgänglighet: datum för granskningen", "value", swedish_date),
    Field("accessibility.updated", "Tillgänglighet: redogörelsen uppdaterad", "value", swedish_date),
    Field("accessibility.published", "Tillgänglighet: webbplatsen publicerad", "value"),
    Field("accessibility.email", "Tillgänglighet: e-post för att rapportera brister", "value"),
    Field("accessibility.phone", "Tillgänglighet: telefon för att rapportera brister", "value"),
    Field("accessibility.report_url", "Tillgänglighet: webbformulär för att rapportera brister", "value"),
    Field("accessibility.response_time", "Tillgänglighet: svarstid", "text"),
    Field("accessibility.supervisor", "Tillgänglighet: tillsynsmyndighet", "text"),
    Field("accessibility.complaint_url", "Tillgänglighet: anmälan till tillsynsmyndigheten", "value"),
    Field("accessibility.organisation", "Tillgänglighet: organisation", "text"),
)
