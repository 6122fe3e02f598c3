"""The cyclic garbage collector paused while large trees of acyclic values are built.

Reading a regulation, loading it from the parse cache, comparing two versions and writing their
HTML each allocate hundreds of thousands of objects and make no reference cycles, so Python's
cyclic collector only costs time there: each full collection walks every object alive, and the
heap keeps growing (about 15 % of a parse, a third of loading and rendering 5,000 articles).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off; it is on again afterwards if it was before.

    Post-conditions:
    1. The collector's state on exit is its state on entry, also when the block raises.
    2. Nothing is collected or leaked: reference counting frees acyclic garbage as usual, and a
       cycle made inside the block waits for the next collection after it.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
