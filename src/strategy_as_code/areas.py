"""The areas a figure is about, coded as SCB codes them: Sweden ``00``, a county (län) by its two
digits and a municipality (kommun) by its four; the words a fetch spec may use instead (``riket``,
``län``, ``kommuner``); and the Swedish name shown for each. Shared by the loader's check, the
fetching of figures and the pages that show them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from strategy_as_code import regions

SWEDEN = "00"
COUNTY_WORD, SWEDEN_WORD, MUNICIPALITIES_WORD = "län", "riket", "kommuner"
WORDS = (COUNTY_WORD, SWEDEN_WORD, MUNICIPALITIES_WORD)
CODE = re.compile(r"[0-9]{2}|[0-9]{4}")


@cache
def _sweden() -> regions.Sweden | None:
    try:
        return regions.load()
    except regions.RegionDataInvalid:  # new_region reports the data's own problems; here, no names
        return None


def county_code(settings: Mapping[str, Any], kommunkoder: Iterable[str]) -> str | None:
    """The county the strategy is about: ``county_code`` in strategy.yml if it says so, else the two
    first digits every partner municipality's kommunkod shares (``2715`` -> ``27``)."""
    stated = settings.get("county_code")
    if isinstance(stated, str) and re.fullmatch(r"[0-9]{2}", stated):
        return stated
    prefixes = {code[:2] for code in kommunkoder if isinstance(code, str) and re.fullmatch(r"[0-9]{4}", code)}
    return prefixes.pop() if len(prefixes) == 1 else None


@dataclass(frozen=True)
class Areas:
    """What one strategy knows of areas: its county and its partner municipalities."""

    county: str | None
    region_name: str
    """The strategy's region ("Region Sjöland"): the county's name when data/sverige has none."""
    partners: Mapping[str, str] = field(default_factory=dict)
    """Kommunkod -> the partner's name ("Åsby kommun")."""

    def known(self, code: str) -> bool:
        """A code the strategy may use: Sweden, its county, a partner's kommunkod or any code in
        data/sverige."""
        if code in (SWEDEN, self.county) or code in self.partners:
            return True
        sweden = _sweden()
        if sweden is None:
            return False
        return any(code == county.code for county in sweden.counties) or any(
            code == municipality.code for municipality in sweden.municipalities
        )

    def municipalities(self) -> tuple[str, ...]:
        """Every municipality of the county: data/sverige's and the partners', in code order."""
        if self.county is None:
            return ()
        codes = {code for code in self.partners if code.startswith(self.county)}
        sweden = _sweden()
        if sweden is not None:
            codes |= {m.code for m in sweden.municipalities if m.county_code == self.county}
        return tuple(sorted(codes))

    def resolve(self, entries: Iterable[str]) -> tuple[str, ...]:
        """The codes a fetch spec's ``areas`` names, sorted Sweden, counties, municipalities. A
        word the county is needed for gives nothing without one (the loader says so)."""
        codes: set[str] = set()
        for entry in entries:
            if entry == SWEDEN_WORD:
                codes.add(SWEDEN)
            elif entry == COUNTY_WORD:
                codes.update([self.county] if self.county else [])
            elif entry == MUNICIPALITIES_WORD:
                codes.update(self.municipalities())
            else:
                codes.add(entry)
        return tuple(sorted(codes, key=order))

    def name(self, code: str) -> str:
        """The area's name: "Sverige", the county's name, the partner's name of a municipality."""
        if code == SWEDEN:
            return "Sverige"
        if code in self.partners:
            return self.partners[code]
        sweden = _sweden()
        if len(code) == 2:
            county = next((c for c in sweden.counties if c.code == code), None) if sweden else None
            if county is not None:
                return county.name
            return self.region_name if code == self.county else f"Län {code}"
        municipality = next((m for m in sweden.municipalities if m.code == code), None) if sweden else None
        return municipality.organisation if municipality else f"Kommun {code}"

    def kind(self, code: str) -> str:
        """``sweden``, ``county`` (the strategy's own), ``other_county`` or ``municipality``."""
        if code == SWEDEN:
            return "sweden"
        if len(code) == 2:
            return "county" if code == self.county else "other_county"
        return "municipality"


def order(code: str) -> tuple[int, str]:
    """Sweden first, then counties, then municipalities, each in code order."""
    return (0 if code == SWEDEN else len(code), code)


def areas_of(settings: Mapping[str, Any], partners: Iterable[Mapping[str, Any]]) -> Areas:
    """The areas of a strategy from its settings and partner files (plain data: the loader has
    no model yet when it checks them)."""
    named = {
        p["kommunkod"]: str(_swedish(p.get("name"))) for p in partners
        if isinstance(p.get("kommunkod"), str) and CODE.fullmatch(p["kommunkod"]) and len(p["kommunkod"]) == 4
    }
    region = _swedish(settings.get("region")) or "Länet"
    return Areas(county_code(settings, named), region, named)


def _swedish(text: Any) -> str:
    if isinstance(text, Mapping):
        text = text.get("sv")
    return text if isinstance(text, str) else ""
