"""Work counted instead of timed: the profile events (calls, returns, generator steps) an action makes, so that a
test can bound how work grows with its input without asserting wall-clock time."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def events(action: Callable[[], Any], counted: Callable[[FrameType, str], bool]) -> tuple[int, Any]:
    """How many profile events `counted` accepts while `action` runs, and what `action` returned."""
    count = 0

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal count
        if counted(frame, event):
            count += 1

    sys.setprofile(profile)
    try:
        result = action()
    finally:
        sys.setprofile(None)
    return count, result


def in_module(ending: str | tuple[str, ...]) -> Callable[[FrameType, str], bool]:
    """Events of code in the files whose path ends with `ending` (`core/align.py`, or a tuple of endings)."""
    return lambda frame, _event: frame.f_code.co_filename.replace("\\", "/").endswith(ending)


def calls(frame: FrameType, event: str) -> bool:
    """Every call, of Python functions and built-ins alike."""
    return event in ("call", "c_call")
