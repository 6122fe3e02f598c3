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
4. An answer is taken at `answer_rate` bytes a second [10,000] on average, after `answer_grace` seconds [10]
   from the moment the server had something for the connection that it did not take (what the server wrote
   waits in the process's buffer): at any moment `answer_grace + taken / answer_rate` seconds have not passed
   since then; else the connection is dropped at once (`_drop`: what it had not taken is thrown away, not
   kept to be sent, and the client is sent a reset). A client that sent requests and never read the answers
   held its connections and a page's worth of memory each (several megabytes) for ever: uvicorn only stops
   writing while the buffer is full, and closing a connection waits for the buffer to be sent. The rule holds
   in every phase, also after the connection was closed for idling or a slow request (a closing connection is
   busy until its buffer is sent, and counts among the connections of 3). Time the buffer stood empty does not
   count: the clock starts again when the server writes to an empty buffer.
"""

from __future__ import annotations

import asyncio
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, cast

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from regdraft.core.errors import RegdraftError
from regdraft.web.words import Words
from regdraft.workspace.review_limits import CONNECTIONS, PER_ADDRESS, per_address


@dataclass(frozen=True, slots=True)
class Bounds:
    """How long the server waits for each part of a request, and how many connections it holds (seconds, bytes)."""

    headers: float = 10.0
    idle: int = 5
    grace: float = 10.0
    min_rate: int = 10_000
    connections: int = CONNECTIONS
    per_client: int = PER_ADDRESS
    answer_grace: float = 10.0
    answer_rate: int = 10_000


BOUNDS = Bounds()
HEADER_BYTES = 16 * 1024  # a request line and headers longer than this are refused (h11's default, stated)
# Seconds Ctrl-C or SIGTERM waits for the requests in flight before they are cancelled: uvicorn by itself waited for
# them without end, and a page built for a browser long gone kept a stopped server running (r29 sweep AM, D1). The
# builds themselves are abandoned (`web.builds`); a write in flight is short and finishes.
GRACE = 3


def bounds_for(review: dict[str, Any]) -> Bounds:
    """The bounds `regdraft review` serves with, given regdraft.yaml's `review:` settings."""
    value, wrong = per_address(review)
    if wrong:
        raise RegdraftError(f"regdraft.yaml: {wrong}")
    return replace(BOUNDS, per_client=value)


def uvicorn_options(bounds: Bounds = BOUNDS) -> dict[str, Any]:
    """The settings of `uvicorn.run` / `uvicorn.Config` that apply `bounds`: the guarded protocol, in every
    installation (not httptools where it is installed), no WebSocket upgrade (the server has none), and a stop that
    waits `GRACE` seconds for the requests in flight, not for ever."""
    return {"http": _guarded(bounds), "ws": "none", "timeout_keep_alive": bounds.idle,
            "h11_max_incomplete_event_size": HEADER_BYTES, "timeout_graceful_shutdown": GRACE}


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
        self._answer_timer: asyncio.TimerHandle | None = None
        self._written = 0  # bytes written to the transport, in all
        self._answer_start = 0.0  # when the server last wrote to an empty buffer
        self._answer_base = 0  # `_written` before that write
        # uvicorn writes the answers through `self.transport`: what it wrote and what was taken is counted.
        counted = cast(asyncio.Transport, _Counted(transport, self._wrote))
        super().connection_made(counted)  # counts this connection among the server's
        ours = sum(1 for other in self.connections if _address(other) == _address(self))
        if len(self.connections) > self.BOUNDS.connections or ours > self.BOUNDS.per_client:
            transport.close()
            return
        self._follow(0)

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop()
        if self._answer_timer is not None:
            self._answer_timer.cancel()
            self._answer_timer = None
        super().connection_lost(exc)

    def _wrote(self, size: int, waiting: int) -> None:
        """`size` bytes were written to the transport, where `waiting` bytes were still to be sent before."""
        if not waiting:  # the connection had taken everything: the answer's clock starts now
            self._answer_start, self._answer_base = self.loop.time(), self._written
        self._written += size
        if self._answer_timer is None and self.transport.get_write_buffer_size():
            self._answer_timer = self.loop.call_later(self.BOUNDS.answer_grace, self._answer_due)

    def _answer_due(self) -> None:
        """Drop the connection unless it took what was written at its rate (then look again later), or all of it."""
        self._answer_timer = None
        waiting = self.transport.get_write_buffer_size()
        if not waiting:
            return
        taken = self._written - waiting - self._answer_base
        due = self._answer_start + self.BOUNDS.answer_grace + taken / self.BOUNDS.answer_rate
        if self.loop.time() < due:
            self._answer_timer = self.loop.call_later(due - self.loop.time(), self._answer_due)
            return
        _drop(self.transport)

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


def _drop(transport: asyncio.Transport) -> None:
    """Close a connection at once, throwing away what it has not taken: the process's buffer (`abort`; `close`
    keeps the connection until its buffer is sent) and the system's (a reset, not an orphaned socket that the
    kernel keeps trying to send for minutes)."""
    sock = transport.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:  # already closed by the other end
            pass
    transport.abort()


class _Counted:
    """A transport that tells `wrote` the size of every write and how much was still to be sent before it."""

    def __init__(self, transport: asyncio.Transport, wrote: Callable[[int, int], None]) -> None:
        self._transport, self._wrote = transport, wrote

    def write(self, data: bytes | bytearray | memoryview) -> None:
        waiting = self._transport.get_write_buffer_size()
        self._transport.write(data)
        self._wrote(memoryview(data).nbytes, waiting)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


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
