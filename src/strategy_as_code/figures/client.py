"""HTTP for the sources of figures, with the standard library alone: a GET that expects JSON, with
a timeout, new attempts after growing waits when the source is busy or failing (429, 5xx, a
timeout, a lost connection; ``Retry-After`` honoured), an optional limit of calls per time
window, and every failure as one Swedish sentence (:class:`FetchFailed`) naming the address.

urllib is enough here: a handful of GET requests a month, no sessions, no streaming; a library
(requests, httpx) would add packages to pin for what thirty lines do.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from strategy_as_code.problems import visible

USER_AGENT = "strategi-som-kod (make figures; https://github.com/)"


class FetchFailed(Exception):
    """A source could not give the figures; the message says why in Swedish."""


class NotFound(FetchFailed):
    """The source has nothing at the address (HTTP 404)."""


class NotAllowed(FetchFailed):
    """The source does not take this method at the address (HTTP 405)."""


class NotJson(FetchFailed):
    """The source's answer is not JSON."""


@dataclass(frozen=True)
class Policy:
    timeout: float = 30.0
    """Seconds to wait for a connection or for the next bytes of an answer."""
    attempts: int = 4
    """Tries per request: the first and three new ones."""
    first_wait: float = 2.0
    """Seconds before the second try; each later wait is twice as long."""
    longest_wait: float = 120.0
    """A source that asks us to wait longer (Retry-After) is not waited for: the run fails."""
    max_bytes: int = 64 * 1024 * 1024


@dataclass(frozen=True)
class Answer:
    url: str
    body: bytes
    data: Any

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass
class CallWindow:
    """At most ``calls`` requests in any ``seconds``, as SCB publishes in its /config."""

    calls: int
    seconds: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    made: deque[float] = field(default_factory=deque)

    def wait(self) -> None:
        """Before a call: sleep until it fits in the window, then count it."""
        now = self._forget(self.clock())
        if len(self.made) >= self.calls:
            self.sleep(self.made[0] + self.seconds - now)
            now = self._forget(max(self.clock(), self.made[0] + self.seconds))
        self.made.append(now)

    def _forget(self, now: float) -> float:
        while self.made and self.made[0] <= now - self.seconds:
            self.made.popleft()
        return now


class _Retry(Exception):
    def __init__(self, why: str, wait: float | None = None) -> None:
        super().__init__(why)
        self.why, self.wait = why, wait


def _reject_constant(name: str) -> float:
    raise ValueError(name)  # NaN and Infinity are not JSON, and no figure


class Client:
    """Requests to one source, named in Swedish in every message ("Kolada", "SCB")."""

    def __init__(
        self, source: str, policy: Policy | None = None, *, sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic, window: CallWindow | None = None,
    ) -> None:
        self.source = source
        self.policy = policy or Policy()
        self.sleep, self.clock = sleep, clock
        self.window = window

    def get_json(
        self, url: str, *, not_found: str | None = None, refused: Callable[[str], str] | None = None,
        body: bytes | None = None,
    ) -> Answer:
        """The answer at ``url`` as JSON; with ``body``, to a POST of that JSON. ``not_found`` is
        the message for a 404; ``refused`` words another 4xx from the source's own explanation."""
        policy = self.policy
        for attempt in range(1, policy.attempts + 1):
            try:
                return self._once(url, not_found, refused, body)
            except _Retry as retry:
                if attempt == policy.attempts:
                    raise FetchFailed(
                        f"{retry.why} {self.source} svarade likadant vid alla {policy.attempts} försöken. "
                        f"Adressen: {url}"
                    ) from None
                wait = retry.wait if retry.wait is not None else policy.first_wait * 2 ** (attempt - 1)
                if wait > policy.longest_wait:
                    raise FetchFailed(
                        f"{retry.why} {self.source} bad oss vänta {wait:.0f} sekunder, längre än "
                        f"{policy.longest_wait:.0f}. Försök igen senare. Adressen: {url}"
                    ) from None
                self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _once(
        self, url: str, not_found: str | None, refused: Callable[[str], str] | None, data: bytes | None,
    ) -> Answer:
        if self.window is not None:
            self.window.wait()
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.policy.timeout) as response:
                body = response.read(self.policy.max_bytes + 1)
        except urllib.error.HTTPError as error:
            try:
                self._http_error(error, url, not_found, refused)
            finally:
                error.close()  # an error holds the connection's answer open
        except TimeoutError:  # socket.timeout is TimeoutError since Python 3.10
            raise _Retry(f"{self.source} svarade inte inom {self.policy.timeout:g} sekunder.") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise _Retry(f"{self.source} svarade inte inom {self.policy.timeout:g} sekunder.") from None
            raise _Retry(f"{self.source} gick inte att nå ({_reason(error.reason)}).") from None
        except (OSError, http.client.HTTPException) as error:
            raise _Retry(f"Förbindelsen med {self.source} bröts ({type(error).__name__}).") from None
        if len(body) > self.policy.max_bytes:
            raise FetchFailed(f"{self.source} svarade med mer än {self.policy.max_bytes // 2**20} MB. Adressen: {url}")
        try:
            parsed = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError):
            raise NotJson(
                f"{self.source} svarade med något som inte är giltig JSON, så inga siffror kunde läsas. Adressen: {url}"
            ) from None
        return Answer(url, body, parsed)

    def _http_error(
        self, error: urllib.error.HTTPError, url: str, not_found: str | None, refused: Callable[[str], str] | None,
    ) -> None:
        status = error.code
        retry_after = _retry_after(error.headers.get("Retry-After"))
        if status == 429:
            raise _Retry(f"{self.source} tar inte emot fler anrop just nu (HTTP 429 Too Many Requests).", retry_after)
        if status >= 500:
            raise _Retry(f"{self.source} svarade med ett serverfel (HTTP {status}).", retry_after)
        if status == 404:
            raise NotFound(not_found or f"{self.source} har inget på adressen {url} (HTTP 404).") from None
        if status == 405:
            raise NotAllowed(f"{self.source} tar inte emot frågan på det sättet (HTTP 405). Adressen: {url}") from None
        detail = _detail(error)
        if refused is not None:
            raise FetchFailed(refused(f"HTTP {status}" + (f": {detail}" if detail else ""))) from None
        raise FetchFailed(
            f"{self.source} godtog inte frågan (HTTP {status}{': ' + detail if detail else ''}). Adressen: {url}"
        ) from None


def _reason(reason: object) -> str:
    """Why a connection failed, in Swedish where the reason is a common one."""
    if isinstance(reason, ConnectionRefusedError):
        return "servern tog inte emot anslutningen"
    if isinstance(reason, socket.gaierror):
        return "serverns namn gick inte att slå upp"
    if isinstance(reason, ssl.SSLError):
        return "den krypterade förbindelsen kunde inte upprättas"
    return visible(str(reason))[:120]


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _detail(error: urllib.error.HTTPError) -> str:
    """The source's own explanation of a refusal (a problem+json ``detail`` or ``title``), on one
    line and cut short: it goes into a message, never into a page."""
    try:
        data = json.loads(error.read(64 * 1024).decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return ""
    if not isinstance(data, dict):
        return ""
    text = data.get("detail") or data.get("title") or data.get("message") or ""
    return visible(" ".join(str(text).split()))[:200] if isinstance(text, str) else ""
