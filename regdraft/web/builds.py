"""The review server's heavy pages and downloads: built off the event loop, a few at a time, once for each state.

A round of 2,600 comments makes a 3.5 MB comments page that costs 1.3 s of CPU. The server rendered it on the
event loop, so every other request, `/` included, waited behind it; twenty members opening it at once locked the
server for tens of minutes, kept computing pages whose browsers had gone, and SIGTERM waited for them (r29 sweep AM,
D1); a round's PDF report (41 s of CPU) was built again for every request (D2). A `Gate` holds such work.

Post-conditions (`Gate.value(key, build, gone)`):
1. `build()` runs in a thread of its own, never on the event loop: other requests are answered meanwhile. The
   thread is a daemon: a server that stops abandons the builds in flight instead of waiting for them.
2. At most `slots` builds of a gate run at once; the others wait their turn, in order of arrival.
3. While a build of `key` runs or waits, another request for `key` shares it (one build, its value to each); once
   built, the value is kept and handed to the next request for `key` without building. What is kept is bounded: at
   most `kept_entries` values, and at most `kept_bytes` counting each value and its key (`footprint`), the least
   recently used dropped first (r30 sweep AO, D1: the keys were not counted, and held a copy of the workspace's
   state each, 1.26 MB with 3,000 untracked files). `key=None`: neither shared nor kept. A failed build is not kept:
   each of its requests gets its error.
4. A request whose `gone()` returns (its client left) before its build started stops waiting (`ClientDisconnect`);
   when no request for that build is left waiting, the build never starts. A build already started runs to its
   end, and its value is kept for the next request.
5. `still()`, when given, is asked in the build's thread after the build; the value is kept only when it is True
   (the state the key was taken from has not changed while the page was built).
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, TypeVar

from starlette.requests import ClientDisconnect, Request

R = TypeVar("R")

KEPT_BYTES = 64 * 1024 * 1024  # of pages kept: about twenty of the 3.5 MB comments page of a 2,600-comment round
KEPT_ENTRIES = 4096  # pages kept, however small (a CSV of a round without comments is 149 bytes)
ENTRY_BYTES = 256  # what keeping one more value costs besides its key and value: the dict's and the list's slots


def footprint(key: object) -> int:
    """The bytes `key` holds, counted through its tuples and dataclasses (a string shared by two keys is counted in
    each: counted high, never low)."""
    if isinstance(key, (tuple, list, frozenset, set)):
        return sys.getsizeof(key) + sum(footprint(part) for part in key)
    if is_dataclass(key) and not isinstance(key, type):
        return sys.getsizeof(key) + sum(footprint(getattr(key, f.name)) for f in fields(key))
    return sys.getsizeof(key)


def cores() -> int:
    """The processors this process may run on: how many page builds run at once (`create_app`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(eq=False)
class _Flight:
    """One build and the requests waiting for it."""

    task: asyncio.Task[bytes] | None = None
    waiting: int = 0
    started: bool = False


class Gate:
    """Builds of one kind (pages, PDFs): at most `slots` at once, shared and kept by key (post-conditions)."""

    def __init__(self, slots: int, kept_bytes: int = KEPT_BYTES, kept_entries: int = KEPT_ENTRIES) -> None:
        self.slots = slots
        self._kept_bytes = kept_bytes
        self._kept_entries = kept_entries
        self._turns: asyncio.Semaphore | None = None  # made on the server's loop, at the first build
        self._flights: dict[Hashable, _Flight] = {}
        self._kept: OrderedDict[Hashable, tuple[bytes, int]] = OrderedDict()  # key -> (value, bytes counted)
        self.size = 0  # the bytes counted of what is kept: values, keys and `ENTRY_BYTES` each (tests look at it)
        self.waiting = 0  # requests waiting for a build (tests look at it)

    async def value(self, key: Hashable | None, build: Callable[[], bytes],
                    gone: Callable[[], Awaitable[None]], still: Callable[[], bool] | None = None) -> bytes:
        """What `build()` returns, or the value kept or being built for `key` (post-conditions 1-5)."""
        if key is not None and key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key][0]
        flight = self._flights.get(key) if key is not None else None
        if flight is None:
            flight = _Flight()
            flight.task = asyncio.ensure_future(self._fly(flight, key, build, still))
            flight.task.add_done_callback(_retrieved)
            if key is not None:
                self._flights[key] = flight
        task = flight.task
        assert task is not None
        flight.waiting += 1
        self.waiting += 1
        left = asyncio.ensure_future(gone())
        try:
            await asyncio.wait({task, left}, return_when=asyncio.FIRST_COMPLETED)
            if not task.done():
                raise ClientDisconnect()
            built: bytes = task.result()
            return built
        finally:
            left.cancel()
            flight.waiting -= 1
            self.waiting -= 1
            if not flight.waiting and not flight.started and not task.done():
                task.cancel()  # no one waits for it any more: it never starts
                if key is not None and self._flights.get(key) is flight:
                    del self._flights[key]

    async def _fly(self, flight: _Flight, key: Hashable | None, build: Callable[[], bytes],
                   still: Callable[[], bool] | None) -> bytes:
        if self._turns is None:
            self._turns = asyncio.Semaphore(self.slots)
        try:
            async with self._turns:
                flight.started = True
                value, keep = await _in_thread(lambda: _built(build, still))
        finally:
            if key is not None and self._flights.get(key) is flight:
                del self._flights[key]
        if key is not None and keep:
            self._keep(key, value)
        return value

    @property
    def kept(self) -> int:
        """How many values are kept (tests look at it)."""
        return len(self._kept)

    def _keep(self, key: Hashable, value: bytes) -> None:
        counted = len(value) + footprint(key) + ENTRY_BYTES
        if counted > self._kept_bytes:
            return
        if key in self._kept:
            self.size -= self._kept.pop(key)[1]
        self._kept[key] = (value, counted)
        self.size += counted
        while self.size > self._kept_bytes or len(self._kept) > self._kept_entries:
            _, (_, dropped) = self._kept.popitem(last=False)
            self.size -= dropped


def _built(build: Callable[[], bytes], still: Callable[[], bool] | None) -> tuple[bytes, bool]:
    value = build()
    return value, still is None or still()


def _retrieved(task: asyncio.Task[Any]) -> None:
    """A build's error is each waiting request's; when none was left to take it, it is taken here (not logged)."""
    if not task.cancelled():
        task.exception()


async def _in_thread(work: Callable[[], R]) -> R:
    """`work()` in a daemon thread of its own, with the caller's context variables (as Starlette's threads)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[R] = loop.create_future()
    context = contextvars.copy_context()

    def settle(value: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)

    def run() -> None:
        value: Any = None
        error: BaseException | None = None
        try:
            value = context.run(work)
        except BaseException as raised:  # handed to the request, which words it
            error = raised
        try:
            loop.call_soon_threadsafe(settle, value, error)
        except RuntimeError:  # the loop closed: the server stopped while this was built
            pass

    threading.Thread(target=run, name="regdraft page build", daemon=True).start()
    return await future


def departure(request: Request) -> Callable[[], Awaitable[None]]:
    """A wait that ends when the client of `request` has disconnected (whatever of its body is left is read
    first: a form's body has been read already)."""
    async def gone() -> None:
        while True:
            message = await request.receive()
            if message["type"] == "http.disconnect":
                return

    return gone
