"""The `regdraft` console script (pyproject's `[project.scripts]`): Ctrl-C from the very start of a run ends it in
the one sentence and exit code 130 that a Ctrl-C before the command starts gives (`regdraft.cli.on_interrupt`).

Python takes a tenth of a second to import the command line and its libraries (click, the command's module); a
Ctrl-C then raised `KeyboardInterrupt` in the middle of an import and printed its traceback, since the command line's
own handler is set only once it is imported. This module imports only the standard library's `signal` (`sys` and
`regdraft` itself hold nothing more), and sets a handler of its own before it imports the rest.

Post-conditions:
1. A Ctrl-C (SIGINT) before `regdraft.cli.main` sets its handler writes `NOTHING_CHANGED` and exits with
   `INTERRUPTED`, wherever it lands; nothing has been read or written by then.
2. From then on `regdraft.cli.main` runs as when it is called directly.
"""

from __future__ import annotations

import signal
import sys
from typing import NoReturn

from regdraft import INTERRUPTED, NOTHING_CHANGED


def main() -> None:
    """Run the `regdraft` command line (the console script's entry point)."""
    try:
        signal.signal(signal.SIGINT, _before_start)
        from regdraft.cli import main as run
    except KeyboardInterrupt:  # came before the handler was set
        _before_start()
    run()


def _before_start(signum: int = signal.SIGINT, frame: object = None) -> NoReturn:
    """Ctrl-C while Python imports the command line: nothing was done yet."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not cut the sentence short
    sys.stderr.write(NOTHING_CHANGED + "\n")
    raise SystemExit(INTERRUPTED)
