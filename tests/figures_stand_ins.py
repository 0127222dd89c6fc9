"""Local stand-ins for Kolada's API v3 and SCB's PxWebApi 2, served on 127.0.0.1 (a free port, in
a thread), with answers built in the shapes the two APIs document, and faults on demand.

The shapes, and where they were read (no test here reaches the network):
- Kolada v3 data: ``{"values": [{"kpi", "municipality", "period", "values": [{"gender", "status",
  "value", "count"}]}], "next_url"}``; ``/kpi/{id}`` and ``/municipality/{ids}`` answer
  ``{"values": [{"id", "title", …}]}`` and an empty ``values`` for an id Kolada does not know.
  Read in rKolada (LCHansson/rKolada: R/data.R and R/aaa_utils.R after its move to v3: pages by
  ``next_url``, 25 ids per path segment, ``per_page`` up to 5000, ``isdeleted``; its mocked tests),
  in Kolada's v1 README (Hypergene/kolada) and in public v3 clients (``next_page`` in some).
  Sweden is ``0000`` and a county's region ``00`` + länskod in Kolada.
- SCB PxWebApi 2: ``GET /config`` with ``maxCallsPerTimeWindow`` and ``timeWindow``, and
  ``/tables/{id}/data?outputFormat=json-stat2`` answering a JSON-stat 2.0 dataset (``id``,
  ``size``, ``dimension.*.category.index``, ``value``, ``status``); errors as problem+json
  (``title``, ``status``, ``detail``). Read in the API's OpenAPI specification (PxTools/PxApiSpecs,
  PxAPI-2.yml, 2026-01) and public clients' fixtures.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    """JSON data, bytes sent as they are, or a function of the request's path giving either."""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Request:
    method: str
    path: str
    """Path and query as sent, e.g. ``/v3/kpi/N00914``."""
    body: bytes = b""

    @property
    def query(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)


class StandIn:
    """Routes (a regular expression searched in the path and query) to replies given in turn; the
    last reply of a route is repeated. Anything else gets a 404."""

    def __init__(self) -> None:
        self.routes: list[tuple[re.Pattern, list[Reply]]] = []
        self.requests: list[Request] = []
        self.url = ""

    def on(self, pattern: str, *replies: Reply | Any, method: str = "GET") -> StandIn:
        routes = [r if isinstance(r, Reply) else Reply(body=r) for r in replies]
        self.routes.insert(0, (re.compile(pattern), routes, method))
        return self

    def reply(self, path: str, method: str = "GET") -> Reply:
        for pattern, replies, accepts in self.routes:
            if accepts == method and pattern.search(path):
                return replies.pop(0) if len(replies) > 1 else replies[0]
        if any(pattern.search(path) for pattern, _, _ in self.routes):
            return Reply(405, {"title": "Method Not Allowed", "status": 405})
        return Reply(404, {"title": "Not Found", "status": 404})


def _handler(stand_in: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.do_GET("POST")

        def do_GET(self, method: str = "GET") -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) if method == "POST" else b""
            stand_in.requests.append(Request(method, self.path, body))
            reply = stand_in.reply(self.path, method)
            if reply.delay:
                time.sleep(reply.delay)
            body = reply.body(self.path) if callable(reply.body) else reply.body
            body = body if isinstance(body, bytes) else json.dumps(body).encode()
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that was the test

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(stand_in: StandIn, prefix: str) -> Iterator[StandIn]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stand_in))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stand_in.url = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()


# --- Kolada -----------------------------------------------------------------------------------

def kolada_id(area: str) -> str:
    return "0000" if area == "00" else f"00{area}" if len(area) == 2 else area


def kolada_rows(kpi: str, figures: dict[str, dict[int, dict[str, float | None]]]) -> list[dict]:
    """Rows of a Kolada data answer: area (our code) -> year -> {"T"/"K"/"M": value or None}."""
    return [
        {
            "kpi": kpi, "municipality": kolada_id(area), "period": year,
            "values": [
                {"count": 1, "gender": gender, "status": "" if value is not None else "Missing", "value": value}
                for gender, value in by_sex.items()
            ],
        }
        for area, years in figures.items() for year, by_sex in sorted(years.items())
    ]


def municipalities(unknown: tuple[str, ...] = ()) -> Reply:
    """``/municipality/{ids}``: every id asked for (the ids after the last slash) but ``unknown``."""
    def answer(path: str) -> dict:
        ids = urllib.parse.unquote(urllib.parse.urlsplit(path).path.rsplit("/", 1)[1]).split(",")
        return {"values": [{"id": i, "title": f"Område {i}", "type": "K"} for i in ids if i not in unknown]}
    return Reply(body=answer)


def kolada(kpi: str, figures: dict[str, dict[int, dict[str, float | None]]], *, pages: int = 1) -> StandIn:
    """A Kolada that knows ``kpi`` and every area, and serves the figures in ``pages`` pages, each
    pointing to the next with an absolute ``next_url`` on Kolada's own host (as the real API
    writes it)."""
    rows = kolada_rows(kpi, figures)
    stand_in = StandIn()
    stand_in.on(rf"/v3/kpi/{kpi}$", {"count": 1, "values": [{"id": kpi, "title": f"Nyckeltal {kpi}",
                                                             "is_divided_by_gender": True}]})
    stand_in.on(r"/v3/municipality/", municipalities())
    size = math.ceil(len(rows) / pages) or 1
    chunks = [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        answer: dict[str, Any] = {"count": len(chunk), "values": chunk}
        if number < len(chunks):
            answer["next_url"] = f"https://api.kolada.se/v3/data/kpi/{kpi}/municipality/x?page={number + 1}&per_page=5000"
        pattern = rf"/v3/data/kpi/{kpi}/municipality/[^?]*\?per_page=5000$" if number == 1 else rf"page={number}&"
        stand_in.on(pattern, answer)
    return stand_in


# --- SCB --------------------------------------------------------------------------------------

SCB_CONFIG = {
    "apiVersion": "2.0.0", "appVersion": "2.0.0", "languages": [{"id": "sv", "label": "Svenska"}],
    "defaultLanguage": "sv", "maxDataCells": 150000, "maxCallsPerTimeWindow": 30, "timeWindow": 10,
    "license": "https://creativecommons.org/publicdomain/zero/1.0/", "defaultDataFormat": "px",
    "dataFormats": ["px", "json-stat2", "csv", "xlsx"],
}


def json_stat(
    table: str, dimensions: dict[str, list[str]], value: dict[tuple[str, ...], float | None],
    *, status: dict[tuple[str, ...], str] | None = None,
) -> dict:
    """A JSON-stat 2.0 dataset as PxWebApi 2 writes it: ``dimensions`` in order with their codes,
    ``value`` by a tuple of codes (one per dimension); cells not given are null."""
    names = list(dimensions)
    cells = list(itertools.product(*dimensions.values()))
    values = [value.get(cell) for cell in cells]
    dataset = {
        "version": "2.0", "class": "dataset", "label": f"Tabell {table}", "source": "SCB",
        "updated": "2026-02-20T07:00:00Z", "id": names, "size": [len(dimensions[n]) for n in names],
        "role": {"time": ["Tid"], "geo": ["Region"]},
        "dimension": {
            name: {"label": name.lower(), "category": {
                "index": {code: i for i, code in enumerate(codes)}, "label": {code: code for code in codes},
            }} for name, codes in dimensions.items()
        },
        "value": values,
    }
    if status:
        dataset["status"] = {str(cells.index(cell)): symbol for cell, symbol in status.items()}
    return dataset


def scb(table: str, dataset: dict | Reply, *, config: dict | None = None) -> StandIn:
    stand_in = StandIn()
    stand_in.on(r"/api/v2/config$", config or SCB_CONFIG)
    stand_in.on(rf"/api/v2/tables/{table}/data\?", dataset)
    return stand_in
