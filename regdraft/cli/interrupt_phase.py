"""Where a run stands for Ctrl-C (SIGINT, and SIGTERM and SIGHUP alike): `regdraft.cli.on_interrupt` reads it, the
commands and the printing of their results move it on.

Post-conditions:
1. `Interrupt.phase` is "starting" until a command is invoked, "running" while it works, and "ending" once its work
   is done (`work_done`): from then on a Ctrl-C is ignored, so the command says whole what it did and exits with its
   own code. An adoption printed "Adopted … in commit …" and then exited 130, read by a script as a failure (r37
   sweep BQ 4).
2. `work_done` is called as the result of a command that committed is printed (`printing.prints_result`; a reading
   command stays one a Ctrl-C stops), and by a command as soon as its write is recorded (`amend adopt`).
"""

from __future__ import annotations


class Interrupt:
    """Ctrl-C (SIGINT) in this process: whether it came, and where the run was (`main` installs `on_interrupt`)."""

    received = False
    phase = "starting"  # "running" once a command is invoked, "ending" once it is done
    signum = 2  # the signal that came: SIGINT, or SIGTERM or SIGHUP, handled alike (`regdraft.STOPPING_SIGNALS`)


def work_done() -> None:
    """The command's work is done and recorded: a Ctrl-C from now on is ignored (see the module)."""
    Interrupt.phase = "ending"
