"""Kolada's API v3 (RKA): a key figure (nyckeltal) for the areas an indicator asks for.

``/data/kpi/{id}/municipality/{ids}`` is read page by page (``next_url``; the older ``next_page``
is followed too), at most 25 areas per request as the API allows. No figures at all, or none for
an area, cannot tell "unknown" from "nothing yet": then the key figure and the silent areas are
looked up (``/kpi/{id}``, ``/municipality/{ids}``), and one Kolada does not know stops the run.

Kolada names Sweden ``0000`` and a county's region ``00`` + länskod (``0027``); a municipality by
its kommunkod. An answer looks like
``{"values": [{"kpi", "municipality", "period", "values": [{"gender", "status", "value"}]}]}``.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator, Sequence

from strategy_as_code.areas import SWEDEN
from strategy_as_code.figures.client import Client, FetchFailed, NotFound
from strategy_as_code.figures.observations import Observations, malformed, number, year_of
from strategy_as_code.series import KOLADA, SEXES, KoladaFetch

KOLADA_API = "https://api.kolada.se/v3"
API_VERSION = "v3"
IDS_PER_REQUEST = 25
PAGE_SIZE = 5000
MAX_PAGES = 1000


def kolada_id(area: str) -> str:
    """Our code (SCB's) as Kolada's id: ``00`` -> ``0000``, ``27`` -> ``0027``."""
    return "0000" if area == SWEDEN else f"00{area}" if len(area) == 2 else area


def area_of(kolada: str) -> str:
    return SWEDEN if kolada == "0000" else kolada[2:] if kolada.startswith("00") else kolada


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), IDS_PER_REQUEST):
        yield items[start:start + IDS_PER_REQUEST]


class Kolada:
    def __init__(self, base_url: str, client: Client) -> None:
        self.base = base_url.rstrip("/")
        self.client = client
        self._known_areas: set[str] = set()

    def fetch(self, spec: KoladaFetch, areas: Sequence[str], names: dict[str, str]) -> Observations:
        """Every figure Kolada states for ``spec.kpi`` in ``areas`` (our codes)."""
        asked = frozenset(SEXES[sex] for sex in spec.sexes)
        found = Observations(KOLADA, API_VERSION, asked, spec.since, tuple(areas))
        wanted = {kolada_id(area): area for area in areas}
        try:
            for chunk in _chunks(list(wanted)):
                url = f"{self.base}/data/kpi/{spec.kpi}/municipality/{','.join(chunk)}?per_page={PAGE_SIZE}"
                self._read_pages(url, spec, wanted, found)
        except NotFound:
            self._check_kpi(spec.kpi)
            self._check_areas(areas, names)
            raise
        if not found.figures:
            self._check_kpi(spec.kpi)
        self._check_areas([area for area in areas if area not in found.figures], names)
        return found

    def _check_kpi(self, kpi: str) -> None:
        missing = f"Kolada har inget nyckeltal med id {kpi}. Kontrollera kpi under fetch.kolada."
        answer = self.client.get_json(f"{self.base}/kpi/{kpi}", not_found=missing)
        values = _values(answer.data, "Kolada")
        if not any(isinstance(item, dict) and item.get("id") == kpi for item in values):
            raise FetchFailed(missing)

    def _check_areas(self, areas: Sequence[str], names: dict[str, str]) -> None:
        unknown = [kolada_id(a) for a in areas if kolada_id(a) not in self._known_areas]
        for chunk in _chunks(unknown):
            try:
                answer = self.client.get_json(f"{self.base}/municipality/{','.join(chunk)}")
            except NotFound:
                continue  # none of them known: said below, area by area
            self._known_areas.update(
                item["id"] for item in _values(answer.data, "Kolada") if isinstance(item, dict)
                and isinstance(item.get("id"), str)
            )
        for area in areas:
            if kolada_id(area) not in self._known_areas:
                raise FetchFailed(
                    f"Kolada känner inte till området {area} ({names.get(area, area)}, i Kolada {kolada_id(area)}). "
                    "Kontrollera areas under fetch.kolada och kommunkoderna i aktörernas filer."
                )

    def _read_pages(self, url: str, spec: KoladaFetch, wanted: dict[str, str], found: Observations) -> None:
        seen: set[str] = set()
        next_url: str | None = url
        while next_url:
            if next_url in seen or len(seen) >= MAX_PAGES:
                raise malformed("Kolada", "sidorna pekar tillbaka på en sida som redan har lästs")
            seen.add(next_url)
            answer = self.client.get_json(next_url)
            found.read_from(answer)
            rows = _values(answer.data, "Kolada")
            for row in rows:
                self._row(row, spec, wanted, found)
            next_url = self._next(answer.data, next_url) if rows else None

    def _row(self, row: object, spec: KoladaFetch, wanted: dict[str, str], found: Observations) -> None:
        where = f"Kolada ({spec.kpi})"
        if not isinstance(row, dict) or not isinstance(row.get("values"), list):
            raise malformed(where, "en rad saknar sina värden")
        if row.get("isdeleted") is True or row.get("kpi") not in (spec.kpi, None):
            return
        municipality = row.get("municipality")
        area = wanted.get(municipality) if isinstance(municipality, str) else None
        if area is None:
            return  # an area not asked for
        year = year_of(row.get("period"), where)
        for item in row["values"]:
            if not isinstance(item, dict):
                raise malformed(where, "ett värde är inte en grupp av fält")
            key = SEXES.get(item.get("gender", "T"))
            if key is None or key not in found.asked or item.get("isdeleted") is True:
                continue
            value = number(item.get("value"), where)
            if value is not None:  # a missing figure (status "Missing") stays missing
                found.add(area, year, key, value, where)

    def _next(self, data: object, current: str) -> str | None:
        """The next page's address, on the configured server: Kolada writes its own host into
        ``next_url``, and a mirror or a test stand-in must not send us there."""
        link = (data.get("next_url") or data.get("next_page")) if isinstance(data, dict) else None
        if not link:
            return None
        if not isinstance(link, str):
            raise malformed("Kolada", "adressen till nästa sida är inte text")
        target = urllib.parse.urlsplit(urllib.parse.urljoin(current, link))
        base = urllib.parse.urlsplit(self.base)
        if (target.scheme, target.netloc) == (base.scheme, base.netloc):
            return target.geturl()
        # Another host (api.kolada.se behind a mirror, localhost for 127.0.0.1): the same path on
        # the configured server, never a request elsewhere.
        for prefix in (base.path, urllib.parse.urlsplit(KOLADA_API).path):
            if prefix and target.path.startswith(prefix + "/"):
                rest = target.path[len(prefix):]
                return urllib.parse.urlunsplit((base.scheme, base.netloc, base.path + rest, target.query, ""))
        raise malformed("Kolada", f"nästa sida ligger på en annan server, {target.netloc}")


def _values(data: object, where: str) -> list:
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        raise malformed(where, "svaret saknar listan values")
    return data["values"]
