"""The cyclic garbage collector paused while large trees of acyclic values are built.

Reading a regulation, loading it from the parse cache, comparing two versions and writing their
HTML each allocate hundreds of thousands of objects and make no reference cycles, so Python's
cyclic collector only costs time there: each full collection walks every object alive, and the
heap keeps growing (about 15 % of a parse, a third of loading and rendering 5,000 articles).

Pausing alone defers that walk: the objects made in the block are all young when it ends, so the
next collections walk them once per generation. A process that runs one command and ends (the
command line: `run_once`) freezes them instead (`gc.freeze`): they stay alive to the end anyway,
and the collector never walks them again. A long-running process (the review server: `run_long`) does
not, so that cycles made between two blocks are still collected.

A one-command process also collects its youngest objects only every `ONE_COMMAND_YOUNG` new ones, not every 700
(Python's default): what it imports and builds outside the paused blocks (the command's modules, its classes and
their methods) lives to the end too, and a warm `compare` of 1,000 articles walked it in 32 collections, about 5 ms of
its CPU (docs/performance.md, thirty-seventh round). Cycles are still collected, in larger batches; a long-running
process gets Python's thresholds back.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_freeze_after = False
ONE_COMMAND_YOUNG = 50_000
_thresholds: tuple[int, ...] | None = None  # the collector's thresholds before `run_once` raised them


def run_once() -> None:
    """Declare this process one command that then ends: what a paused block made is frozen after it, and the
    youngest objects are collected every `ONE_COMMAND_YOUNG` new ones."""
    global _freeze_after, _thresholds
    _freeze_after = True
    if _thresholds is None:
        _thresholds = gc.get_threshold()
        gc.set_threshold(max(ONE_COMMAND_YOUNG, _thresholds[0]), *_thresholds[1:])


def run_long() -> None:
    """Declare this process long-running (the review server, started from the command line): blocks
    freeze nothing from now on, what was frozen is handed back to the collector, and its thresholds are as before."""
    global _freeze_after, _thresholds
    _freeze_after = False
    gc.unfreeze()
    if _thresholds is not None:
        gc.set_threshold(*_thresholds)
        _thresholds = None


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off; it is on again afterwards if it was before.

    Post-conditions:
    1. The collector's state on exit is its state on entry, also when the block raises.
    2. Nothing is collected or leaked while the process runs, unless `run_once` was called:
       reference counting frees acyclic garbage as usual, and a cycle made inside the block waits
       for the next collection after it. After `run_once`, every object alive when a block ends
       is frozen (`gc.freeze`): kept out of all later collections, freed as the process ends.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze_after:
            gc.freeze()
        if collecting:
            gc.enable()
