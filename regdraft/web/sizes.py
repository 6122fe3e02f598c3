"""What a value `Server.cached` keeps is counted as, in bytes of memory, without pickling it.

`Server.cached` pickled each redline it kept to count its bytes: a second serialisation of the whole comparison
after the build (1.4 s for 5,000 articles, the GIL held throughout, so the server's other requests waited), and a
count of the pickle, not of the memory (a 1,000-article comparison pickles to 4.3 MB and holds 14.9 MB).

Post-conditions:
1. `held(value)` is the memory `value` reaches, each object counted once (`sys.getsizeof`), classes, modules and
   functions left out: exact, and an upper bound of what dropping it frees (what it shares with others is counted).
   It walks every object: for small values.
2. `redline_bytes(redline, page)` counts a redline page (`pages.redline_page`) without visiting each object of the
   texts compared: the comparison is estimated from its texts' characters, units and changed word runs (`CHAR`,
   `UNIT`, `SEGMENT`, walked by unit, not by object: about a fifth of pickling's time), the page's texts from their
   lengths, and the rest (versions, amending document, badges, rounds) counted by `held`. The estimate is an upper
   bound on every shape measured (long paragraphs, short points, heavy edits: 1.7 to 2 times the memory held), not a
   proven one: a shape not measured could hold more than it is counted as.
"""

from __future__ import annotations

import gc
import sys
import types
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.core.diff import Comparison
    from regdraft.core.model import Regulation
    from regdraft.render.redline import Redline
    from regdraft.web.pages import RedlinePage

# Shared by every value, never held by one: not counted (an instance's type would lead to its module, and on).
_SHARED = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.CodeType)

CHAR = 4  # bytes a character of a Python string takes at most (2 for Vietnamese text, 4 outside the BMP)
UNIT = 512  # a unit of either text: its Unit, tuples, strings' headers, aligned provision, addresses (314-464 measured)
SEGMENT = 256  # a run of words of the changes' word diff, its words and objects (about 110 measured)
ENTRY = 256  # an entry of the page's texts or provisions besides its characters: strings' headers, tuple, slot


def held(value: object, leave: Iterable[object] = ()) -> int:
    """The bytes of every object `value` reaches, each once, but those of `leave` and what only they reach."""
    seen = {id(thing) for thing in leave}
    stack = [value]
    total = 0
    while stack:
        thing = stack.pop()
        if id(thing) in seen or isinstance(thing, _SHARED):
            continue
        seen.add(id(thing))
        total += sys.getsizeof(thing)
        stack.extend(gc.get_referents(thing))
    return total


def _text(regulation: Regulation) -> tuple[int, int]:
    """The characters of a regulation's text and its number of units, unit by unit."""
    chars = len(regulation.front_matter) + sum(map(len, regulation.preamble))
    units = 0
    stack = list(regulation.units)
    while stack:
        unit = stack.pop()
        units += 1
        chars += len(unit.label) + len(unit.title or "") + sum(map(len, unit.text)) + sum(map(len, unit.closing))
        stack.extend(unit.children)
    return chars, units


def comparison_bytes(comparison: Comparison) -> int:
    """The memory a comparison holds, estimated from its two texts and its word runs (post-condition 2)."""
    old, new = _text(comparison.old), _text(comparison.new)
    runs = sum(len(change.segments) + len(change.title) + 1 for change in comparison.changes)
    stack = list(comparison.provisions)
    while stack:
        provision = stack.pop()
        runs += len(provision.title) + len(provision.text)
        stack.extend(provision.children)
    return CHAR * (old[0] + new[0]) + UNIT * (old[1] + new[1]) + SEGMENT * runs


def _entries(pairs: Iterable[tuple[str, str]]) -> int:
    return sum(CHAR * (len(key) + len(text)) + ENTRY for key, text in pairs)


def redline_bytes(value: tuple[Redline, RedlinePage]) -> int:
    """What a redline page kept by `Server.cached` is counted as (post-condition 2)."""
    redline, page = value
    comparison = redline.comparison
    texts: Mapping[str, str] = page.texts
    rest = held(value, (comparison, comparison.old, comparison.new, texts, page.provisions))
    return comparison_bytes(comparison) + _entries(texts.items()) + _entries(page.provisions) + rest
