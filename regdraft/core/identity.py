"""Values kept for the last few objects asked about, by identity.

A draft or a tree of units is immutable and large: hashing it (to key a cache by its value) walks all of
it, which is what the caches kept this way were slow from. `ByIdentity` keys by `id` and holds each object
while its entry is kept, so an id is never reused for another object under a live entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
E = TypeVar("E")


class ByIdentity(Generic[T, E]):
    """The entry `make(obj)` of each of the last `kept` objects asked about (the oldest dropped first)."""

    def __init__(self, kept: int, make: Callable[[T], E]) -> None:
        self._kept = kept
        self._make = make
        self._entries: dict[int, tuple[T, E]] = {}

    def __call__(self, obj: T) -> E:
        found = self._entries.get(id(obj))
        if found is not None and found[0] is obj:
            return found[1]
        while len(self._entries) >= self._kept:
            try:  # the oldest out (review server threads may be at it too)
                self._entries.pop(next(iter(self._entries)))
            except (StopIteration, KeyError, RuntimeError):
                break
        entry = self._make(obj)
        self._entries[id(obj)] = (obj, entry)
        return entry

    def __len__(self) -> int:
        return len(self._entries)
