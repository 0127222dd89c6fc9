"""What changed between two versions of the strategy, as plain data for any renderer.

Entities are matched by ``id`` and compared field by field, never by file: renaming a file
changes nothing. Text gets a word-level diff; lists report added, removed and edited items and,
separately, a new order of the items they share; links to other entities carry names, not only
ids. The result feeds the pull-request summary (``render/changes_markdown.py``) and the
citizens' "Vad har ändrats?" page (``render/changes.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import reduce
from typing import Any, ClassVar

from strategy_as_code.kinds import KINDS, EntityKind
from strategy_as_code.model import DEFAULT_LANGUAGE, Link, Measurement, RegionalStrategy, Text
from strategy_as_code.swedish import AGENDA_2030, swedish_date, swedish_number

SAME, REMOVED, ADDED = "same", "removed", "added"
NOTHING = "(inget angivet)"
LANGUAGES = {"en": "engelska", "se": "nordsamiska", "fi": "finska", "fit": "meänkieli", "yi": "jiddisch"}
"""Swedish names of languages a text may gain beside Swedish (the national minority languages
and English), for labels like "Beskrivning på engelska"."""


# --- The result -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of words in a word-level diff: kept, removed or added."""

    op: str
    text: str


@dataclass(frozen=True)
class Item:
    """A value as a reader sees it: a name, a priority, "2024: 26,5". ``kind`` and ``id`` are set
    when it names an entity, so that a renderer can link to the entity's page; a yearly value
    keeps its year in ``id``, so that a corrected value pairs with the one it replaces."""

    text: str
    kind: str | None = None
    id: str | None = None
    current: bool = True
    """Whether the entity still exists in the newer version, so that its page can be linked."""


@dataclass(frozen=True)
class FieldChange:
    field: str
    """Attribute path on the model, e.g. ``summary`` or ``source_of_data.kolada``."""
    label: str
    """The field's Swedish name, e.g. ``Sammanfattning``."""
    shape: ClassVar[str]


@dataclass(frozen=True)
class TextChange(FieldChange):
    """A human text that changed: the old and new text and a word-level diff between them."""

    old: str | None
    new: str | None
    words: tuple[Segment, ...]
    shape: ClassVar[str] = "text"

    @property
    def lines(self) -> tuple[tuple[Segment, ...], ...]:
        """The changed lines only, long unchanged stretches shortened (see :func:`changed_lines`)."""
        return changed_lines(self.words)


@dataclass(frozen=True)
class ValueChange(FieldChange):
    """A single value that changed: a status, a year, a number, the entity a field points at."""

    old: Item
    new: Item
    shape: ClassVar[str] = "value"


@dataclass(frozen=True)
class ListChange(FieldChange):
    """A list that changed. ``reordered`` is about the items present in both versions only, so a
    new order is reported even when items were also added or removed."""

    added: tuple[Item, ...]
    removed: tuple[Item, ...]
    edited: tuple[tuple[Segment, ...], ...]
    """Items changed in place (a reworded priority, a corrected yearly value), as word diffs."""
    reordered: bool
    after: tuple[Item, ...]
    """The whole list in its new order."""
    shape: ClassVar[str] = "list"


@dataclass(frozen=True)
class EntityChange:
    kind: str
    id: str
    name: str
    """The entity's name in the newer version (in the older one when it was removed)."""
    status: str
    """``added``, ``removed`` or ``changed``."""
    summary: str | None = None
    """A line that says what the entity is about (shown for added and removed ones)."""
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class KindChanges:
    kind: EntityKind
    added: tuple[EntityChange, ...]
    removed: tuple[EntityChange, ...]
    changed: tuple[EntityChange, ...]

    @property
    def entities(self) -> tuple[EntityChange, ...]:
        return self.added + self.removed + self.changed


@dataclass(frozen=True)
class Changes:
    """Every change between two versions. ``initial`` when there was no older version."""

    settings: tuple[FieldChange, ...]
    kinds: tuple[KindChanges, ...]
    """Only kinds with at least one change, in the order of :data:`kinds.KINDS`."""
    initial: bool = False

    @property
    def empty(self) -> bool:
        return not self.settings and not self.kinds


# --- Which fields are compared, and how a reader names them ----------------------------------


@dataclass(frozen=True)
class _Field:
    path: str
    label: str
    shape: str
    """``text``, ``value``, ``ref`` (one entity), ``refs``, ``texts``, ``links``, ``sdgs``, ``values``."""
    show: Callable[[Any], str] = str
    target: str | None = None
    """Kind of the entities a ``ref``/``refs`` field points at."""


def _year(value: int | None) -> str:
    return NOTHING if value is None else str(value)


def _measurement(value: Measurement) -> str:
    return f"{swedish_number(value.value)} år {value.year}"


def _yearly(value: Measurement) -> str:
    split = [f"{name} {swedish_number(part)}" for name, part in (("kvinnor", value.women), ("män", value.men))
             if part is not None]
    return f"{value.year}: {swedish_number(value.value)}" + (f" ({', '.join(split)})" if split else "")


def _yes_no(value: bool) -> str:
    return "ja" if value else "nej"


def _direction(value: str) -> str:
    return {"increase": "ett högre värde är bättre", "decrease": "ett lägre värde är bättre"}.get(value, value)


def _sdg(number: int) -> str:
    return f"{number}. {AGENDA_2030.get(number, '')}".rstrip()


_ORDER = _Field("order", "Plats i ordningen", "value")
_NAME = _Field("name", "Namn", "text")
_SUMMARY = _Field("summary", "Sammanfattning", "text")
_DESCRIPTION = _Field("description", "Beskrivning", "text")
_LINKS = _Field("links", "Länkar", "links")

FIELDS: dict[str, tuple[_Field, ...]] = {
    "goals": (
        _ORDER, _NAME, _SUMMARY, _DESCRIPTION, _Field("agenda2030", "Globala mål i Agenda 2030", "sdgs"),
    ),
    "strategies": (
        _ORDER, _NAME, _SUMMARY, _DESCRIPTION,
        _Field("goal_ids", "Bidrar till målen", "refs", target="goals"),
        _Field("priorities", "Prioriteringar", "texts"),
    ),
    "principles": (_ORDER, _NAME, _DESCRIPTION),
    "success_factors": (_ORDER, _NAME, _DESCRIPTION),
    "actions": (
        _NAME, _SUMMARY, _Field("challenge", "Utmaning", "text"), _DESCRIPTION,
        _Field("status", "Status", "value"), _Field("start", "Startår", "value", _year),
        _Field("end", "Slutår", "value", _year),
        _Field("owner_id", "Leds av", "ref", target="partners"),
        _Field("partner_ids", "Medverkande aktörer", "refs", target="partners"),
        _Field("strategy_ids", "Genomför strategierna", "refs", target="strategies"),
        _LINKS,
    ),
    "indicators": (
        _NAME, _DESCRIPTION, _Field("unit", "Enhet", "text"), _Field("direction", "Riktning", "value", _direction),
        _Field("goal_ids", "Följer upp målen", "refs", target="goals"),
        _Field("source_of_data.name", "Källa", "text"),
        _Field("source_of_data.kolada", "Nyckeltal i Kolada", "value"),
        _Field("source_of_data.scb_table", "Tabell hos SCB", "value"),
        _Field("source_of_data.url", "Källans webbadress", "value"),
        _Field("baseline", "Utgångsläge", "value", _measurement),
        _Field("target", "Målvärde", "value", _measurement),
        _Field("values", "Uppmätta värden", "values", _yearly),
    ),
    "partners": (
        _NAME, _Field("type", "Slag av aktör", "value"), _Field("kommunkod", "Kommunkod", "value"),
        _DESCRIPTION, _Field("url", "Webbplats", "value"),
    ),
    "decisions": (
        _Field("title", "Rubrik", "text"), _Field("body", "Beslutande organ", "text"),
        _Field("date", "Datum", "value", swedish_date), _Field("diarienummer", "Diarienummer", "value"),
        _SUMMARY, _LINKS, _Field("version", "Antar årsversionen", "value", _year),
    ),
}

SETTINGS_FIELDS: tuple[_Field, ...] = (
    _Field("region", "Region", "text"), _Field("name", "Strategins namn", "text"),
    _Field("short_name", "Kortnamn", "text"), _Field("period_start", "Periodens första år", "value", _year),
    _Field("period_end", "Periodens sista år", "value", _year), _Field("example", "Påhittat exempel", "value", _yes_no),
    _Field("vision", "Vision", "text"), _Field("introduction", "Inledning", "text"),
    _Field("adopted_by", "Antagen genom beslutet", "ref", target="decisions"),
    _Field("contact.organisation", "Kontaktens organisation", "text"),
    _Field("contact.unit", "Kontaktens enhet", "text"),
    _Field("contact.email", "Kontaktens e-postadress", "value"),
    _Field("contact.phone", "Kontaktens telefonnummer", "value"),
    _Field("contact.url", "Kontaktens webbadress", "value"),
    _LINKS,
    _Field("accessibility.compliance", "Tillgänglighet: förenlighet med lagen", "value"),
    _Field("accessibility.shortcomings", "Tillgänglighet: kända brister", "texts"),
    _Field("accessibility.out_of_scope", "Tillgänglighet: innehåll som inte omfattas", "texts"),
    _Field("accessibility.method", "Tillgänglighet: hur webbplatsen har granskats", "text"),
    _Field("accessibility.assessed", "Tillgänglighet: datum för granskningen", "value", swedish_date),
    _Field("accessibility.updated", "Tillgänglighet: redogörelsen uppdaterad", "value", swedish_date),
    _Field("accessibility.published", "Tillgänglighet: webbplatsen publicerad", "value"),
    _Field("accessibility.email", "Tillgänglighet: e-post för att rapportera brister", "value"),
    _Field("accessibility.phone", "Tillgänglighet: telefon för att rapportera brister", "value"),
    _Field("accessibility.report_url", "Tillgänglighet: webbformulär för att rapportera brister", "value"),
    _Field("accessibility.response_time", "Tillgänglighet: svarstid", "text"),
    _Field("accessibility.supervisor", "Tillgänglighet: tillsynsmyndighet", "text"),
    _Field("accessibility.complaint_url", "Tillgänglighet: anmälan till tillsynsmyndigheten", "value"),
    _Field("accessibility.organisation", "Tillgänglighet: organisation", "text"),
)


# --- Comparing ------------------------------------------------------------------------------


def compare(old: RegionalStrategy | None, new: RegionalStrategy) -> Changes:
    """Every change from ``old`` to ``new``; with ``old`` None everything counts as added."""
    kinds = []
    for kind in KINDS:
        before = {e.id: e for e in old.all(kind.key)} if old else {}
        after = {e.id: e for e in new.all(kind.key)}
        added = tuple(_whole(kind.key, e, ADDED) for e in new.all(kind.key) if e.id not in before)
        removed = tuple(_whole(kind.key, e, REMOVED) for e in old.all(kind.key) if e.id not in after) if old else ()
        changed = []
        for entity in new.all(kind.key):
            if entity.id in before:
                fields = _fields(FIELDS[kind.key], before[entity.id], entity, old, new)
                if fields:
                    changed.append(EntityChange(kind.key, entity.id, str(entity.name), "changed", fields=fields))
        if added or removed or changed:
            kinds.append(KindChanges(kind, added, removed, tuple(changed)))
    settings = _fields(SETTINGS_FIELDS, old.settings, new.settings, old, new) if old else ()
    return Changes(settings, tuple(kinds), initial=old is None)


def _whole(kind: str, entity: Any, status: str) -> EntityChange:
    about = getattr(entity, "summary", None) or getattr(entity, "description", None)
    return EntityChange(kind, entity.id, str(entity.name), status, _first_line(about))


def _first_line(text: Text | None, limit: int = 300) -> str | None:
    if text is None:
        return None
    line = next((line.strip() for line in str(text).splitlines() if line.strip()), "")
    if len(line) <= limit:
        return line or None
    return line[:limit].rsplit(" ", 1)[0] + " …"


def _get(obj: Any, path: str) -> Any:
    return reduce(lambda value, name: None if value is None else getattr(value, name), path.split("."), obj)


def _fields(
    specs: Sequence[_Field], old_obj: Any, new_obj: Any, old: RegionalStrategy | None, new: RegionalStrategy
) -> tuple[FieldChange, ...]:
    changes: list[FieldChange] = []
    for spec in specs:
        before, after = _get(old_obj, spec.path), _get(new_obj, spec.path)
        if before == after:
            continue
        if spec.shape == "text":
            changes.extend(_text_changes(spec, before, after))
        elif spec.shape == "value":
            changes.append(ValueChange(spec.path, spec.label, _value(spec, before), _value(spec, after)))
        elif spec.shape == "ref":
            changes.append(ValueChange(
                spec.path, spec.label, _reference(spec, before, old, new), _reference(spec, after, new, new),
            ))
        else:
            change = _list_change(spec, _items(spec, before, old, new), _items(spec, after, new, new))
            if change is not None:
                changes.append(change)
    return tuple(changes)


def _text_changes(spec: _Field, before: Text | None, after: Text | None) -> list[TextChange]:
    old_texts = dict(before.translations) if before else {}
    new_texts = dict(after.translations) if after else {}
    languages = sorted(set(old_texts) | set(new_texts), key=lambda lang: (lang != DEFAULT_LANGUAGE, lang))
    changes = []
    for language in languages:
        old_text, new_text = old_texts.get(language), new_texts.get(language)
        if old_text == new_text:
            continue
        label = spec.label if language == DEFAULT_LANGUAGE else f"{spec.label} på {LANGUAGES.get(language, language)}"
        changes.append(TextChange(spec.path, label, old_text, new_text, word_diff(old_text or "", new_text or "")))
    return changes


def _value(spec: _Field, value: Any) -> Item:
    return Item(NOTHING if value is None else spec.show(value))


def _entity_item(kind: str, entity_id: str, side: RegionalStrategy | None, new: RegionalStrategy) -> Item:
    """An entity named by a link from another one, by its name in the version the link is from."""
    name = _name(side, kind, entity_id)
    return Item(entity_id if name is None else name, kind, entity_id, _name(new, kind, entity_id) is not None)


def _name(strategy: RegionalStrategy | None, kind: str, entity_id: str) -> str | None:
    """The entity's name in ``strategy``; None when that version has no such entity."""
    if strategy is None:
        return None
    try:
        return str(strategy.get(kind, entity_id).name)
    except KeyError:
        return None


def _reference(spec: _Field, value: str | None, side: RegionalStrategy | None, new: RegionalStrategy) -> Item:
    if value is None or spec.target is None:
        return Item(NOTHING)
    return _entity_item(spec.target, value, side, new)


def _link_text(link: Link) -> str:
    return f"{link.title} ({link.url})"


def _items(
    spec: _Field, values: Sequence[Any] | None, side: RegionalStrategy | None, new: RegionalStrategy
) -> list[Item]:
    values = values or ()
    if spec.shape == "refs":
        return [_entity_item(spec.target, value, side, new) for value in values]
    if spec.shape == "links":
        return [Item(_link_text(link)) for link in values]
    if spec.shape == "sdgs":
        return [Item(_sdg(number)) for number in values]
    if spec.shape == "values":
        return [Item(spec.show(value), id=str(value.year)) for value in values]
    return [Item(str(value)) for value in values]


def _identity(item: Item) -> str:
    """What makes two list items the same: the entity for links between entities (so renaming a
    goal does not change every strategy that points at it), the shown text for everything else."""
    return f"{item.kind}:{item.id}" if item.kind else item.text


def _split(items: list[Item], keep: Counter) -> tuple[list[Item], list[Item]]:
    """Items whose identity occurs in ``keep`` (as often as counted) and the rest, in order."""
    left = Counter(keep)
    kept, rest = [], []
    for item in items:
        if left[_identity(item)] > 0:
            left[_identity(item)] -= 1
            kept.append(item)
        else:
            rest.append(item)
    return kept, rest


def _list_change(spec: _Field, before: list[Item], after: list[Item]) -> ListChange | None:
    shared = Counter(map(_identity, before)) & Counter(map(_identity, after))
    kept_before, removed = _split(before, shared)
    kept_after, added = _split(after, shared)
    reordered = [_identity(i) for i in kept_before] != [_identity(i) for i in kept_after]
    edited: list[tuple[Segment, ...]] = []
    if spec.shape in ("texts", "links", "values"):
        for old_item in list(removed):
            partner = _partner(spec, old_item, added)
            if partner is not None:
                removed.remove(old_item)
                added.remove(partner)
                edited.append(word_diff(old_item.text, partner.text))
    if not (added or removed or edited or reordered):
        return None
    return ListChange(spec.path, spec.label, tuple(added), tuple(removed), tuple(edited), reordered, tuple(after))


def _partner(spec: _Field, old_item: Item, candidates: list[Item]) -> Item | None:
    """The added item that is an edited version of ``old_item``: the same year for yearly values,
    a text that keeps at least half of the words for priorities and links."""
    for candidate in candidates:
        if spec.shape == "values":
            if candidate.id == old_item.id:
                return candidate
        elif SequenceMatcher(None, old_item.text.split(), candidate.text.split(), autojunk=False).ratio() >= 0.5:
            return candidate
    return None


# --- Word-level diff ------------------------------------------------------------------------

_TOKEN = re.compile(r"\s+|\S+")


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """``old`` -> ``new`` as runs of kept, removed and added words (whitespace kept as written).

    Whitespace between two changed words joins the change, so that a rewritten phrase reads as
    one removed and one added phrase rather than a word-by-word zigzag.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    runs: list[tuple[str, str, str]] = []  # (op, removed text, added text); op "same" keeps a == b
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        # A paragraph break stays a boundary, so that each paragraph's change reads on its own.
        between_changes = 0 < index < len(opcodes) - 1 and not old_part.strip() and "\n" not in old_part
        if op == "equal" and not between_changes:
            runs.append((SAME, old_part, old_part))
        elif runs and runs[-1][0] != SAME:
            runs[-1] = ("change", runs[-1][1] + old_part, runs[-1][2] + new_part)
        else:
            runs.append(("change", old_part, new_part))
    segments: list[Segment] = []
    for op, removed, added in runs:
        if op == SAME:
            segments.append(Segment(SAME, removed))
            continue
        if removed.strip():
            segments.append(Segment(REMOVED, removed))
        if added.strip():
            segments.append(Segment(ADDED, added))
        if not removed.strip() and not added.strip() and (removed or added):
            segments.append(Segment(SAME, added or removed))
    return tuple(_merge(segments))


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        elif segment.text:
            merged.append(segment)
    return merged


ELLIPSIS = "…"


def changed_lines(segments: Sequence[Segment], context: int = 10) -> tuple[tuple[Segment, ...], ...]:
    """The lines of a word diff that contain a change, for a reader who wants the change only.

    Unchanged lines are left out and a line of its own with "…" stands where they were; within
    a line, unchanged stretches longer than ``context`` words on either side of a change are
    shortened to "…".
    """
    lines: list[list[Segment]] = [[]]
    for segment in segments:
        for number, part in enumerate(segment.text.split("\n")):
            if number:
                lines.append([])
            if part:
                lines[-1].append(Segment(segment.op, part))
    shown: list[tuple[Segment, ...]] = []
    skipped = False
    for line in lines:
        if not any(s.op != SAME and s.text.strip() for s in line):
            skipped = skipped or any(s.text.strip() for s in line)
            continue
        if skipped:
            shown.append((Segment(SAME, ELLIPSIS),))
            skipped = False
        shown.append(_shorten(line, context))
    if skipped and shown:
        shown.append((Segment(SAME, ELLIPSIS),))
    return tuple(shown)


def _shorten(line: list[Segment], context: int) -> tuple[Segment, ...]:
    result = []
    for index, segment in enumerate(line):
        if segment.op != SAME:
            result.append(segment)
            continue
        words = segment.text.split()
        first, last = index == 0, index == len(line) - 1
        text = segment.text
        if first and len(words) > context:
            text = f"{ELLIPSIS} " + " ".join(words[-context:]) + " "
        elif last and len(words) > context:
            text = " " + " ".join(words[:context]) + f" {ELLIPSIS}"
        elif not first and not last and len(words) > 2 * context:
            text = " " + " ".join(words[:context]) + f" {ELLIPSIS} " + " ".join(words[-context:]) + " "
        if first:
            text = text.lstrip()
        result.append(Segment(SAME, text))
    return tuple(result)


def describe(kind: EntityKind, count: int) -> str:
    """``1 mål``, ``3 strategier``: a count with the kind's Swedish noun."""
    return f"{count} {kind.singular if count == 1 else kind.plural}"


def headline(changes: Changes) -> str:
    """One Swedish sentence that says how much changed, e.g. "1 mål har ändrats och 2 indikatorer
    har lagts till." """
    if changes.empty:
        return "Inga ändringar i strategin."
    phrases = []
    if changes.settings:
        phrases.append("strategins inställningar har ändrats")
    for group in changes.kinds:
        for items, verb in ((group.added, "lagts till"), (group.removed, "tagits bort"), (group.changed, "ändrats")):
            if items:
                phrases.append(f"{describe(group.kind, len(items))} har {verb}")
    sentence = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " och " + phrases[-1]
    return sentence[0].upper() + sentence[1:] + "."

