"""A field the schema does not know, worded for what the partner most likely meant. A Swedish word
for a field that exists ("målvärde" for ``target``), a part of the strategy that has files of its
own ("delmål", "perspektiv"), a field of another kind of file, something the files do not carry,
and only last a near miss of a real field name: "troligen ett stavfel" is said of that alone.
Called by the schema check (schema.py) for each unknown field."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from strategy_as_code.kinds import FOLDERS, KINDS, REFERENCES, SETTINGS_FILE, SETTINGS_SCHEMA, EntityKind, folder_of
from strategy_as_code.problems import Problem, visible
from strategy_as_code.reading.places import Path, place
from strategy_as_code.reading.yamlsource import Document


def _plain(word: str) -> str:
    """A field name as it is looked up: lower case, å ä ö as a a o, words joined by _."""
    decomposed = unicodedata.normalize("NFD", word.strip().casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "_".join(letters.replace("-", " ").split())


_WORDS: dict[str, tuple[str, ...]] = {
    # What a partner may write -> the fields it means, the likeliest first.
    "namn": ("name", "title"), "rubrik": ("name", "title"), "titel": ("title", "name"), "benamning": ("name",),
    "beskrivning": ("description",), "brodtext": ("description",), "text": ("description",),
    "sammanfattning": ("summary",), "ingress": ("summary",),
    "ordning": ("order",), "ordningsfoljd": ("order",), "nummer": ("order",), "sortering": ("order",),
    "enhet": ("unit",), "riktning": ("direction",),
    "mal": ("goals",), "malen": ("goals",), "malomrade": ("goals",), "malomraden": ("goals",),
    "overordnat_mal": ("parent",), "huvudmal": ("parent",), "foralder": ("parent",), "tillhor": ("parent",),
    "kalla": ("source",), "kallor": ("source",), "datakalla": ("source",),
    "utgangslage": ("baseline",), "utgangsvarde": ("baseline",), "basvarde": ("baseline",), "nulage": ("baseline",),
    "malvarde": ("target",), "malniva": ("target",), "malvarden": ("milestones", "target"),
    "etappmal": ("milestones", "target"), "milstolpar": ("milestones", "target"),
    "milstolpe": ("milestones", "target"),
    "varden": ("values",), "matvarden": ("values",), "utfall": ("values",), "matningar": ("values",),
    "varde": ("value",), "ar": ("year",), "artal": ("year",), "kvinnor": ("women",), "man": ("men",),
    "prioriteringar": ("priorities",), "prioritering": ("priorities",),
    "horisont": ("horizon", "horizons"), "tidshorisont": ("horizon", "horizons"),
    "tidshorisonter": ("horizons", "horizon"), "malar": ("horizon", "year"),
    "jamforelse": ("series",), "jamforelser": ("series",), "serier": ("series",), "serie": ("series",),
    "omrade": ("area",), "omradeskod": ("area",),
    "agare": ("owner",), "ansvarig": ("owner",), "huvudman": ("owner",),
    "aktorer": ("partners",), "parter": ("partners",), "partner": ("partners",), "samarbetspartner": ("partners",),
    "strategier": ("strategies",), "startar": ("start",), "slut": ("end",), "slutar": ("end",),
    "typ": ("type",), "webbplats": ("url",), "hemsida": ("url",), "lank": ("url",), "adress": ("url",),
    "lankar": ("links",),
    "organ": ("body",), "beslutsorgan": ("body",), "beslutande": ("body",), "instans": ("body",),
    "datum": ("date",), "beslutsdatum": ("date",), "dnr": ("diarienummer",), "arsversion": ("version",),
    "kontakt": ("contact",), "agenda": ("agenda2030",), "agenda_2030": ("agenda2030",),
    "globala_mal": ("agenda2030",), "globala_malen": ("agenda2030",), "sdg": ("agenda2030",),
    "forandring": ("change",), "basar": ("base_year",), "placering": ("rank",), "rang": ("rank",),
    "bland": ("among",),
}
_WORDS = {_plain(word): fields for word, fields in _WORDS.items()}


@dataclass(frozen=True)
class _Part:
    """A part of the strategy with files of its own, which a partner may try to write as a field."""

    words: tuple[str, ...]
    folder: str
    what: str
    """What they are, as the subject of "skrivs i egna filer": ``Horisontella perspektiv``."""
    each: str
    """One of them, after "Skriv": ``varje perspektiv``."""
    fields: str
    """The fields such a file begins with."""


_PARTS = (
    _Part(("delmål", "delmålen", "subgoals", "sub_goals", "subgoal"), "goals", "Delmål", "varje delmål",
          "id, order, name, summary, description och parent (id för målet det hör till)"),
    _Part(("perspektiv", "perspektiven", "horisontella perspektiv", "perspectives", "perspective"), "perspectives",
          "Horisontella perspektiv", "varje perspektiv", "id, order, name och description"),
    _Part(("utmaningar", "utmaning", "utmaningarna", "challenges"), "challenges", "Utmaningar", "varje utmaning",
          "id, order, name och description"),
    _Part(("kraftsamlingar", "kraftsamling", "åtaganden", "åtagande", "insatser", "actions"), "actions",
          "Kraftsamlingar", "varje kraftsamling", "id, name, summary, description, owner och status"),
    _Part(("indikatorer", "indikator", "indicators"), "indicators", "Indikatorer", "varje indikator",
          "id, name, description, unit, direction, goals, source och values"),
    _Part(("principer", "vägledande principer", "principles"), "principles", "Vägledande principer",
          "varje princip", "id, order, name och description"),
    _Part(("framgångsfaktorer", "success_factors"), "success-factors", "Framgångsfaktorer",
          "varje framgångsfaktor", "id, order, name och description"),
    _Part(("beslut", "decisions"), "decisions", "Beslut", "varje beslut", "id, title, body, date och diarienummer"),
    _Part(("mål", "målen", "målområden"), "goals", "Mål", "varje mål", "id, order, name, summary och description"),
    _Part(("aktörer",), "partners", "Aktörer", "varje aktör", "id, name och type"),
    _Part(("strategier",), "strategies", "Strategier", "varje strategi",
          "id, order, name, summary, description och goals"),
)
_PART_BY_WORD = {_plain(word): part for part in _PARTS for word in part.words}

_NOT_CARRIED: dict[str, tuple[str, str]] = {
    # What the files do not carry -> (what, what to do instead)
    **dict.fromkeys(("kommentar", "kommentarer", "anteckning", "anteckningar", "notering", "comment"), (
        "kommentarer",
        "Skriv en kommentar på en egen rad som börjar med #. Den syns inte på webbplatsen.",
    )),
    **dict.fromkeys(("bild", "bilder", "figur", "image", "images"), (
        "bilder",
        "Beskriv det bilden visar med ord i en beskrivning, och länka till bilden eller dokumentet med "
        "[länktext](https://…).",
    )),
    **dict.fromkeys(("budget", "kostnad", "kostnader", "finansiering"), (
        "budget och finansiering",
        "Skriv det i beskrivningen (description) om det ska stå på webbplatsen.",
    )),
}
_NOT_CARRIED = {_plain(word): meaning for word, meaning in _NOT_CARRIED.items()}


def distance(first: str, second: str) -> int:
    """Edits between two words (a letter added, left out, changed, or two swapped): "sumary" is
    1 from "summary", "valeus" 1 from "values"."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i]
        for j, b in enumerate(second, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def near_miss(name: str, allowed: list[str]) -> str | None:
    """The allowed field ``name`` is a misspelling of, if it is one: at most one edit for a name of up
    to four letters, two for a longer one."""
    word = name.casefold()
    limit = 1 if len(word) <= 4 else 2
    scored = sorted((distance(word, field.casefold()), field) for field in allowed)
    return scored[0][1] if scored and scored[0][0] <= limit else None


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} och {words[-1]}"


def _definite_article(kind: EntityKind) -> str:
    return "det" if kind.one.startswith("ett ") else "den"


def _kind_of(schema_name: str) -> EntityKind | None:
    return next((kind for kind in KINDS if kind.schema == schema_name), None)


def _root(document: Document, schema_name: str) -> str:
    """The strategy folder as the file's path names it (``strategy``, ``HEAD:strategy``)."""
    return document.path.rsplit("/", 1 if schema_name == SETTINGS_SCHEMA else 2)[0]


def unknown_field(
    document: Document, path: Path, name: str, allowed: list[str], properties: Mapping[str, Any],
    schema_name: str, schemas: Mapping[str, Mapping[str, Any]],
) -> Problem:
    """The problem for the unknown field ``name`` in the table at ``path``."""
    shown = visible(name)
    unknown = f'"{shown}" i {place(path)}' if path else f'"{shown}"'
    at = (*path, name)
    listed = f"Tillåtna fält här: {', '.join(allowed)}."
    word = _plain(name)
    meant = _WORDS.get(word, ())
    for field in meant:
        if field in allowed:
            description = properties.get(field, {}).get("description", "")
            return document.problem(
                at, f'Okänt fält {unknown}: fältet heter "{field}".',
                f'Fältnamnen skrivs som i schemat, på engelska: byt "{shown}" mot "{field}". {description}'.strip(),
                key=True,
            )
    part = _PART_BY_WORD.get(word)
    if part is not None and not path:
        return document.problem(
            at, f"Okänt fält {unknown}: {part.what.lower()} skrivs i egna filer, inte som ett fält.",
            _part_hint(part, document, schema_name), key=True,
        )
    if word in _NOT_CARRIED:
        what, instead = _NOT_CARRIED[word]
        return document.problem(
            at, f"Okänt fält {unknown}: strategifilerna har inget fält för {what}.", f"{instead} Ta bort fältet här.",
            key=True,
        )
    guess = near_miss(name, allowed)
    if guess is not None:
        return document.problem(
            at, f"Okänt fält {unknown} (troligen ett stavfel).", f'Menade du "{guess}"? {listed}', key=True,
        )
    elsewhere = None if path else _elsewhere((name, *meant), schema_name, schemas, _root(document, schema_name))
    if elsewhere is not None:
        field, owners, files = elsewhere
        named = f'fältet "{field}"' if field != name else "fältet"
        this = _kind_of(schema_name)
        here = f"för {this.plural}" if this else "i strategins inställningar"
        return document.problem(
            at, f"Okänt fält {unknown}: {named} finns {owners}, men inte {here}.",
            f"Skriv det i {files}, eller ta bort raden här. {listed}", key=True,
        )
    return document.problem(
        at, f"Okänt fält {unknown}.",
        f"Det finns inget fält med det namnet här. Ta bort raden, eller skriv innehållet i ett av fälten som finns. "
        f"{listed}", key=True,
    )


def _elsewhere(
    names: tuple[str, ...], schema_name: str, schemas: Mapping[str, Mapping[str, Any]], root: str,
) -> tuple[str, str, str] | None:
    """The first of ``names`` that is a field of other files: the field, which files have it ("för
    strategier och indikatorer") and where to write it instead."""
    for field in names:
        kinds = [
            kind for kind in KINDS
            if kind.schema != schema_name and field in schemas.get(kind.schema, {}).get("properties", {})
        ]
        owners, files = [], []
        if kinds:
            owners.append(f"för {_and([kind.plural for kind in kinds])}")
            which = " eller ".join(f"{_definite_article(kind)} {kind.singular}" for kind in kinds)
            folders = " eller ".join(f"{root}/{folder_of(kind)}/" for kind in kinds)
            files.append(f"filen för {which} det gäller, i {folders}")
        if schema_name != SETTINGS_SCHEMA and field in schemas.get(SETTINGS_SCHEMA, {}).get("properties", {}):
            owners.append("i strategins inställningar")
            files.append(f"{root}/{SETTINGS_FILE}")
        if owners:
            return field, " och ".join(owners), " eller i ".join(files)
    return None


def _part_hint(part: _Part, document: Document, schema_name: str) -> str:
    hint = f"Skriv {part.each} i en egen fil i {_root(document, schema_name)}/{part.folder}/ med {part.fields}, " \
           "och ta bort fältet här."
    this = _kind_of(schema_name)
    if this is None:
        return hint
    if part.what == "Delmål":
        own_id = document.data.get("id") if isinstance(document.data, dict) else None
        if this.key == "goals" and isinstance(own_id, str):
            return f'{hint} Ett delmål till det här målet får raden "parent: {visible(own_id)}".'
        refers = next((r for r in REFERENCES if r.source == this.key and r.target == "goals"), None)
        if refers is not None:
            return f'{hint} Sedan kan delmålets id stå under "{refers.field}" här.'
        return hint
    kind = FOLDERS.get(part.folder)
    link = next((r for r in REFERENCES if kind and r.source == kind.key and r.target == this.key), None)
    if kind is not None and link is not None:
        hint += f' Där säger fältet "{link.field}" vilka {this.plural} {_definite_article(kind)} hör till.'
    return hint
