"""Where a run stands for Ctrl-C (SIGINT, and SIGTERM and SIGHUP alike): `regdraft.cli.on_interrupt` reads it, the
commands and the printing of their results move it on.

Post-conditions:
1. `Interrupt.phase` is "starting" until a command is invoked, "running" while it works, and "ending" once its work
   is done (`work_done`): from then on a Ctrl-C is ignored, so the command says whole what it did and exits with its
   own code. An adoption printed "Adopted … in commit …" and then exited 130, read by a script as a failure (r37
   sweep BQ 4).
2. `work_done` is called as the result of a command that committed is printed (`printing.prints_result`; a reading
   command stays one a Ctrl-C stops), and by a command as soon as its write is recorded (`amend adopt`).
3. A Ctrl-C whose `KeyboardInterrupt` Python dropped, raised where it drops exceptions (a weakref callback of
   importlib's, a finalizer: "Exception ignored in …"), still stops the command: `unraisable` keeps it off the screen
   and `not_dropped`, as the command's result comes back, raises it again, so the run ends in the sentence of an
   interrupt and 130, not in a traceback and exit 0 (r43 sweep CK F8).
4. Once the run ends (`ignore_late`) the stopping signals are ignored: Python, shutting down, puts back their default
   action, and a Ctrl-C in those last milliseconds killed the process silently with 130 after its result was said.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any


class Interrupt:
    """Ctrl-C (SIGINT) in this process: whether it came, and where the run was (`main` installs `on_interrupt`)."""

    received = False
    phase = "starting"  # "running" once a command is invoked, "ending" once it is done
    signum = 2  # the signal that came: SIGINT, or SIGTERM or SIGHUP, handled alike (`regdraft.STOPPING_SIGNALS`)


def work_done() -> None:
    """The command's work is done and recorded: a Ctrl-C from now on is ignored (see the module)."""
    Interrupt.phase = "ending"


def not_dropped() -> None:
    """Raise again the `KeyboardInterrupt` of a Ctrl-C that came while the command ran and that Python dropped (see
    the module's 3); a Ctrl-C that reached the command was raised through it and never returns here."""
    if Interrupt.received and Interrupt.phase == "running":
        raise KeyboardInterrupt


def unraisable(dropped: Any) -> None:
    """`sys.unraisablehook` of the command line: a `KeyboardInterrupt` Python drops is not printed as a traceback
    ("Exception ignored in …"), `not_dropped` raises it again; anything else as Python says it."""
    if isinstance(dropped.exc_value, KeyboardInterrupt) and Interrupt.received:
        return
    sys.__unraisablehook__(dropped)


def ignore_late(signals: Iterable[int]) -> None:
    """Ignore `signals` from now on: the run is over (see the module's 4)."""
    import signal

    for signum in signals:
        if callable(signal.getsignal(signum)):  # ours; a signal ignored on purpose (`nohup`) stays so
            signal.signal(signum, signal.SIG_IGN)
