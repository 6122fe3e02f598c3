"""How long the review server waits for a request, and how many connections it keeps open (uvicorn, h11).

uvicorn by itself waits for a request's headers and body without end: a host that sent one header line a
second, or nothing at all, kept its connection for as long as it liked, and one host could open such
connections until they held every file the process may open, with no access link needed (slowloris). Its own
settings do not help:
`timeout_keep_alive` runs only after a response, and `limit_concurrency` answers 503 to requests once the
limit is reached but never closes or refuses a connection, so idle ones still pile up. This module is uvicorn's
h11 protocol with the missing deadlines and bounds; `uvicorn_options` hands it to uvicorn.

Post-conditions (`Bounds`, defaults in brackets):
1. A connection's request line and headers are complete within `headers` seconds [10] of its opening, or of
   the previous response on a kept-alive connection; else it is closed, with a 408 answer when part of a
   request had come (a connection that sent nothing, such as a browser's spare one, is closed without a word).
   A kept-alive connection with nothing coming is closed after `idle` seconds [5] (uvicorn's keep-alive).
2. A request's body arrives at `min_rate` bytes a second [10,000] on average, after `grace` seconds [10] from
   its headers: at any moment `grace + received / min_rate` seconds have not passed since then (Apache's
   mod_reqtimeout rule, body=10,MinRate=10000); else 408 (if nothing was answered yet) and the connection is
   closed. A phone sending a 1 MB form at 50 KB/s takes 20 s of the 110 s it is allowed, and may stall for
   most of a minute on the way. Time the server itself stops reading (the application has not yet taken what
   came) does not count: the clock starts again when it reads. Also applies to a body still coming after the
   response (an application may answer without reading it: a form too large).
3. At most `connections` connections [256] are open at once, at most `per_client` [128] from one address (a
   browser opens six to a server; an office behind one NAT address is every member's browser: 21 of them);
   one more is closed at once. regdraft.yaml's `review: connections_per_address` sets `per_client`
   (`bounds_for`). Headers are at most 16 KiB (h11's bound).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from regdraft.core.errors import RegdraftError
from regdraft.web.words import Words


@dataclass(frozen=True, slots=True)
class Bounds:
    """How long the server waits for each part of a request, and how many connections it holds (seconds, bytes)."""

    headers: float = 10.0
    idle: int = 5
    grace: float = 10.0
    min_rate: int = 10_000
    connections: int = 256
    per_client: int = 128


BOUNDS = Bounds()
HEADER_BYTES = 16 * 1024  # a request line and headers longer than this are refused (h11's default, stated)


PER_ADDRESS_SETTING = "connections_per_address"  # under `review:` in regdraft.yaml


def bounds_for(review: dict[str, Any]) -> Bounds:
    """The bounds `regdraft review` serves with, given regdraft.yaml's `review:` settings."""
    value = review.get(PER_ADDRESS_SETTING, BOUNDS.per_client)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= BOUNDS.connections:
        raise RegdraftError(f"regdraft.yaml: review: {PER_ADDRESS_SETTING} is '{value}'; write a whole number "
                            f"from 1 to {BOUNDS.connections} (the connections one address may hold open; "
                            f"{BOUNDS.per_client} when it is not set).")
    return replace(BOUNDS, per_client=value)


def uvicorn_options(bounds: Bounds = BOUNDS) -> dict[str, Any]:
    """The settings of `uvicorn.run` / `uvicorn.Config` that apply `bounds`: the guarded protocol, in every
    installation (not httptools where it is installed), and no WebSocket upgrade (the server has none)."""
    return {"http": _guarded(bounds), "ws": "none", "timeout_keep_alive": bounds.idle,
            "h11_max_incomplete_event_size": HEADER_BYTES}


def _guarded(bounds: Bounds) -> type[asyncio.Protocol]:
    class Guarded(_Guarded):
        BOUNDS = bounds

    return Guarded


class _Guarded(H11Protocol):
    """uvicorn's h11 protocol with one timer a connection, following h11's view of the request it reads."""

    BOUNDS = BOUNDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]  # as uvicorn
        self._timer: asyncio.TimerHandle | None = None
        self._phase: object = None  # h11's state of the request the timer runs for
        self._partial = False  # part of a request's line or headers has come
        self._body_start = 0.0
        self._body_bytes = 0
        super().connection_made(transport)  # counts this connection among the server's
        ours = sum(1 for other in self.connections if _address(other) == _address(self))
        if len(self.connections) > self.BOUNDS.connections or ours > self.BOUNDS.per_client:
            transport.close()
            return
        self._follow(0)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow(len(data))

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow(0)

    def _follow(self, received: int) -> None:
        """Start, keep or stop the timer for where the request now stands."""
        if self.transport.is_closing():
            return
        state = self.conn.their_state
        if state is h11.IDLE:  # waiting for a request line and headers
            if self._phase is not h11.IDLE:
                self._phase, self._partial = h11.IDLE, False
                self._start(self.BOUNDS.headers)
            elif received:
                self._partial = True
        elif state is h11.SEND_BODY:
            if self._phase is not h11.SEND_BODY:  # the headers are complete: the body's clock starts
                self._phase = h11.SEND_BODY
                self._restart_body()
            else:
                self._body_bytes += received
        else:  # the request is all in, or the connection is closing or switching
            self._phase = state
            self._stop()

    def _restart_body(self) -> None:
        self._body_start, self._body_bytes = self.loop.time(), 0
        self._start(self.BOUNDS.grace)

    def _start(self, seconds: float) -> None:
        self._stop()
        self._timer = self.loop.call_later(seconds, self._due)

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _due(self) -> None:
        """The timer ran out: close the connection, unless the body has come at its rate (then look again later)."""
        self._timer = None
        if self.transport.is_closing():
            return
        if self._phase is h11.SEND_BODY:
            if self.flow.read_paused:  # the application has not read what came: not the sender's fault
                self._restart_body()
                return
            due = self._body_start + self.BOUNDS.grace + self._body_bytes / self.BOUNDS.min_rate
            if self.loop.time() < due:
                self._start(due - self.loop.time())
                return
            if not self.cycle.response_started:  # the application may answer before the body is in (a 413)
                self.transport.write(_too_slow())
        elif self._partial:
            self.transport.write(_too_slow())
        self.transport.close()


def _address(connection: object) -> str | None:
    """The address a connection comes from (None when the transport does not say)."""
    client = getattr(connection, "client", None)
    return str(client[0]) if client else None


def _too_slow() -> bytes:
    """A 408 answer, in both languages: nothing tells this layer which one the workspace speaks."""
    body = "\n".join(Words.of(language)("too_slow") for language in ("vi", "en")).encode() + b"\n"
    return (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
            b"x-content-type-options: nosniff\r\nconnection: close\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
