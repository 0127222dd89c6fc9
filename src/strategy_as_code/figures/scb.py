"""SCB's statistical database through PxWebApi 2: one table, one value per variable besides the
areas, the years and (optionally) sex, read as JSON-stat 2.0.

``/config`` is read first for the limit SCB publishes (``maxCallsPerTimeWindow`` calls per
``timeWindow`` seconds), and every later call waits its turn (without a /config: SCB's published
limit). The data is a GET of ``/tables/{id}/data?lang=sv&outputFormat=json-stat2&valuecodes[Var]=a,b``,
so that the address alone says what was asked (it is written into the indicator file as
provenance); a server that takes only POST (HTTP 405) gets the same selection as a JSON body,
which the provenance then keeps too. A missing figure is ``null`` in ``value`` (with a symbol
such as ``..`` in ``status``) and stays missing; an area the table does not have stops the run.
"""

from __future__ import annotations

import json
import math
import urllib.parse
from collections.abc import Mapping, Sequence
from typing import Any

from strategy_as_code.figures.client import CallWindow, Client, FetchFailed, NotAllowed, NotFound, NotJson
from strategy_as_code.figures.observations import Observations, malformed, number, year_of
from strategy_as_code.series import SCB, ScbFetch

SCB_API = "https://statistikdatabasen.scb.se/api/v2"
API_VERSION = "v2"
DEFAULT_WINDOW = (30, 10)
"""Calls per seconds when /config states no limit: what SCB published for the API in 2025."""


class Scb:
    def __init__(self, base_url: str, client: Client) -> None:
        self.base = base_url.rstrip("/")
        self.client = client
        self.api = API_VERSION
        self._configured = False

    def _configure(self) -> None:
        if self._configured:
            return
        try:
            config = self.client.get_json(f"{self.base}/config").data
        except (NotFound, NotJson):  # a mirror without /config: SCB's published limit
            config = {}
        if not isinstance(config, dict):
            config = {}
        calls, seconds = config.get("maxCallsPerTimeWindow"), config.get("timeWindow")
        if not (_positive(calls) and _positive(seconds)):  # 0 or nothing: a limit SCB does not state
            calls, seconds = DEFAULT_WINDOW
        self.client.window = CallWindow(
            max(1, int(calls or 0)), float(seconds or 0), clock=self.client.clock, sleep=self.client.sleep,
        )
        self.client.window.wait()  # the call to /config counts too
        version = config.get("apiVersion")
        if isinstance(version, str) and version.replace(".", "").isdigit() and len(version) <= 20:
            self.api = f"{API_VERSION} ({version})"
        self._configured = True

    @staticmethod
    def selection(spec: ScbFetch, areas: Sequence[str]) -> list[tuple[str, list[str]]]:
        """Variable -> the value codes asked for: the areas, every year, one value of each variable
        the spec selects, and the sex codes."""
        chosen = [(spec.region, list(areas)), (spec.time, ["*"])]
        chosen += [(variable, [code]) for variable, code in spec.selection]
        if spec.sex is not None:
            codes = [c for c in (spec.sex.total, spec.sex.women, spec.sex.men) if c is not None]
            chosen.append((spec.sex.variable, list(dict.fromkeys(codes))))
        return chosen

    def _url(self, spec: ScbFetch, query: list[tuple[str, str]]) -> str:
        query = [("lang", "sv"), ("outputFormat", "json-stat2"), *query]
        encoded = urllib.parse.urlencode(query, safe="[],*", quote_via=urllib.parse.quote)
        return f"{self.base}/tables/{urllib.parse.quote(spec.table, safe='')}/data?{encoded}"

    def data_url(self, spec: ScbFetch, areas: Sequence[str]) -> str:
        return self._url(spec, [(f"valuecodes[{v}]", ",".join(codes)) for v, codes in self.selection(spec, areas)])

    def fetch(self, spec: ScbFetch, areas: Sequence[str], names: Mapping[str, str]) -> Observations:
        self._configure()
        table = spec.table
        problems: dict[str, Any] = {
            "not_found": f"SCB har ingen tabell med id {table}. Kontrollera table under fetch.scb.",
            "refused": lambda why: (
                f"SCB godtog inte urvalet ur tabell {table} ({why}). Kontrollera att variablerna och "
                "värdena under fetch.scb (selection, region, time, sex) och områdena finns i tabellen."
            ),
        }
        body = None
        try:
            answer = self.client.get_json(self.data_url(spec, areas), **problems)
        except NotAllowed:  # a server that takes the selection as a POST only
            selection = [{"variableCode": v, "valueCodes": codes} for v, codes in self.selection(spec, areas)]
            body = json.dumps({"selection": selection}, ensure_ascii=False, separators=(",", ":"))
            answer = self.client.get_json(self._url(spec, []), body=body.encode("utf-8"), **problems)
        asked = frozenset(["value"] + [key for key in ("women", "men") if spec.sex and getattr(spec.sex, key)])
        found = Observations(SCB, self.api, asked, spec.since, tuple(areas))
        found.read_from(answer, body)
        stated = _read_dataset(answer.data, spec, set(areas), found)
        for area in areas:
            if area not in stated:
                raise FetchFailed(
                    f"SCB:s tabell {table} har inget område {area} ({names.get(area, area)}). Kontrollera areas "
                    "under fetch.scb och kommunkoderna i aktörernas filer."
                )
        return found


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def _categories(dimension: object, name: str, where: str) -> list[str]:
    """A dimension's codes in their order (``category.index`` is a list or a code -> position table)."""
    category = dimension.get("category") if isinstance(dimension, dict) else None
    index = category.get("index") if isinstance(category, dict) else None
    if isinstance(index, list) and all(isinstance(code, str) for code in index):
        return index
    if isinstance(index, dict) and all(isinstance(p, int) for p in index.values()):
        ordered = sorted(index, key=lambda code: index[code])
        if [index[code] for code in ordered] == list(range(len(ordered))):
            return ordered
    if isinstance(category, dict) and index is None and isinstance(category.get("label"), dict) \
            and len(category["label"]) == 1:
        return list(category["label"])  # JSON-stat allows a single category without an index
    raise malformed(where, f"variabeln {name} har inga koder i ordning")


def _read_dataset(data: object, spec: ScbFetch, areas: set[str], found: Observations) -> set[str]:
    """Reads the figures into ``found``; returns the areas the table has."""
    where = f"SCB (tabell {spec.table})"
    if not isinstance(data, dict) or data.get("class", "dataset") != "dataset":
        raise malformed(where, "svaret är inget JSON-stat-dataset")
    ids, sizes, dimensions = data.get("id"), data.get("size"), data.get("dimension")
    if not (isinstance(ids, list) and isinstance(sizes, list) and isinstance(dimensions, dict)
            and len(ids) == len(sizes) and all(isinstance(i, str) and i in dimensions for i in ids)
            and all(isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in sizes)):
        raise malformed(where, "id, size och dimension stämmer inte med varandra")
    codes = {name: _categories(dimensions[name], name, where) for name in ids}
    if any(len(codes[name]) != size for name, size in zip(ids, sizes, strict=True)):
        raise malformed(where, "antalet koder stämmer inte med size")
    sex = spec.sex
    roles = {spec.region: "area", spec.time: "year"} | ({sex.variable: "sex"} if sex else {})
    for variable in roles:
        if variable not in codes:
            raise FetchFailed(
                f"{where} har ingen variabel {variable} i svaret. Kontrollera region, time och sex under fetch.scb."
            )
    for name in ids:
        if name not in roles and len(codes[name]) != 1:
            raise FetchFailed(
                f"{where} gav {len(codes[name])} värden för variabeln {name}, men indikatorn kan bara visa ett. "
                f"Välj ett av dem under fetch.scb.selection, t.ex. {name}: \"{codes[name][0]}\"."
            )
    total = math.prod(sizes)
    values = data.get("value")
    if isinstance(values, list):
        if len(values) != total:
            raise malformed(where, f"{len(values)} värden där det ska vara {total}")
        cells = dict(enumerate(values))
    elif isinstance(values, dict):  # JSON-stat's sparse form: position -> value
        try:
            cells = {int(position): value for position, value in values.items()}
        except ValueError:
            raise malformed(where, "värdenas nycklar är inga positioner") from None
    else:
        raise malformed(where, "svaret saknar value")
    sex_key = {code: key for code, key in ((sex.total, "value"), (sex.women, "women"), (sex.men, "men")) if code} \
        if sex else {}
    strides = [math.prod(sizes[i + 1:]) for i in range(len(sizes))]
    for position, raw in cells.items():
        if not 0 <= position < total:
            raise malformed(where, "ett värde ligger utanför tabellen")
        cell = {name: codes[name][(position // stride) % size] for name, stride, size in zip(ids, strides, sizes,
                                                                                          strict=True)}
        value = number(raw, where)
        if value is None:
            continue  # ".." and other symbols in status: the figure is missing, and stays so
        area = cell[spec.region]
        key = sex_key.get(cell[sex.variable]) if sex else "value"
        if area not in areas or key is None:
            continue
        found.add(area, year_of(cell[spec.time], where), key, value, where)
    return set(codes[spec.region])
