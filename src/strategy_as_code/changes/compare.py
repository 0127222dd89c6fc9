"""What changed between two versions of the strategy, as plain data for any renderer.

Entities are matched by ``id`` and compared field by field, never by file: renaming a file
changes nothing. Text gets a word-level diff; lists report added, removed and edited items and,
separately, a new order of the items they share; links to other entities carry names, not only
ids. The result feeds the pull-request summary (``render/changes_markdown.py``) and the
citizens' "Vad har ändrats?" page (``render/changes.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import reduce
from typing import Any, ClassVar

from strategy_as_code.changes.fields import FIELDS, NOTHING, SETTINGS_FIELDS, Field, sdg
from strategy_as_code.changes.words import ADDED, REMOVED, Segment, changed_lines, word_diff
from strategy_as_code.kinds import KINDS, EntityKind
from strategy_as_code.model import DEFAULT_LANGUAGE, Link, RegionalStrategy, Text

LANGUAGES = {"en": "engelska", "se": "nordsamiska", "fi": "finska", "fit": "meänkieli", "yi": "jiddisch"}
"""Swedish names of languages a text may gain beside Swedish (the national minority languages
and English), for labels like "Beskrivning på engelska"."""


# --- The result -----------------------------------------------------------------------------


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
    specs: Sequence[Field], old_obj: Any, new_obj: Any, old: RegionalStrategy | None, new: RegionalStrategy
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


def _text_changes(spec: Field, before: Text | None, after: Text | None) -> list[TextChange]:
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


def _value(spec: Field, value: Any) -> Item:
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


def _reference(spec: Field, value: str | None, side: RegionalStrategy | None, new: RegionalStrategy) -> Item:
    if value is None or spec.target is None:
        return Item(NOTHING)
    return _entity_item(spec.target, value, side, new)


def _link_text(link: Link) -> str:
    return f"{link.title} ({link.url})"


def _items(
    spec: Field, values: Sequence[Any] | None, side: RegionalStrategy | None, new: RegionalStrategy
) -> list[Item]:
    values = values or ()
    if spec.shape == "refs":
        assert spec.target is not None, f"the refs field {spec.path} names no kind"
        return [_entity_item(spec.target, value, side, new) for value in values]
    if spec.shape == "links":
        return [Item(_link_text(link)) for link in values]
    if spec.shape == "sdgs":
        return [Item(sdg(number)) for number in values]
    if spec.shape == "values":
        return [Item(spec.show(value), id=str(value.year)) for value in values]
    if spec.shape == "series":
        names = new if side is None else side
        return [
            Item(f"{names.series_name(series)}, {spec.show(value)}", id=f"{series.area}:{value.year}")
            for series in values for value in series.values
        ]
    return [Item(spec.show(value)) for value in values]



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


def _list_change(spec: Field, before: list[Item], after: list[Item]) -> ListChange | None:
    shared = Counter(map(_identity, before)) & Counter(map(_identity, after))
    kept_before, removed = _split(before, shared)
    kept_after, added = _split(after, shared)
    reordered = [_identity(i) for i in kept_before] != [_identity(i) for i in kept_after]
    edited: list[tuple[Segment, ...]] = []
    if spec.shape in ("texts", "links", "values", "series"):
        for old_item in list(removed):
            partner = _partner(spec, old_item, added)
            if partner is not None:
                removed.remove(old_item)
                added.remove(partner)
                edited.append(word_diff(old_item.text, partner.text))
    if not (added or removed or edited or reordered):
        return None
    return ListChange(spec.path, spec.label, tuple(added), tuple(removed), tuple(edited), reordered, tuple(after))


def _partner(spec: Field, old_item: Item, candidates: list[Item]) -> Item | None:
    """The added item that is an edited version of ``old_item``: the same year for yearly values,
    a text that keeps at least half of the words for priorities and links."""
    for candidate in candidates:
        if spec.shape in ("values", "series"):
            if candidate.id == old_item.id:
                return candidate
        elif SequenceMatcher(None, old_item.text.split(), candidate.text.split(), autojunk=False).ratio() >= 0.5:
            return candidate
    return None


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

