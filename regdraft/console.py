"""The `regdraft` console script (pyproject's `[project.scripts]`): Ctrl-C from the very start of a run ends it in
the one sentence and exit code 130 that a Ctrl-C before the command starts gives (`regdraft.cli.on_interrupt`);
SIGTERM and SIGHUP likewise, with 143 and 129.

Python takes a tenth of a second to import the command line and its libraries (click, the command's module); a
Ctrl-C then raised `KeyboardInterrupt` in the middle of an import and printed its traceback, since the command line's
own handler is set only once it is imported. This module imports only the standard library's `signal` (`sys` and
`regdraft` itself hold nothing more), and sets a handler of its own before it imports the rest.

Post-conditions:
1. A Ctrl-C (SIGINT), SIGTERM or SIGHUP before `regdraft.cli.main` sets its handler writes `NOTHING_CHANGED` and
   exits with 128 + the signal's number (`INTERRUPTED` for Ctrl-C), wherever it lands; nothing has been read or
   written by then.
2. From then on `regdraft.cli.main` runs as when it is called directly, with the cyclic collector's thresholds
   Python's own (`regdraft.core.collector.run_once` raises the youngest one for the command itself).

While it imports the command line, the cyclic collector collects its youngest objects only every `IMPORTING_YOUNG`
new ones, not every 700, and what the import made is frozen after it (`gc.freeze`, which also starts the count of
young objects again): the modules, classes and functions made then live to the end of the process, and the 17
collections that walked them took about 2 ms of a warm `compare` (docs/performance.md, thirty-eighth round).
"""

from __future__ import annotations

import gc
import signal
import sys
from typing import NoReturn

from regdraft import NOTHING_CHANGED, STOPPING_SIGNALS

IMPORTING_YOUNG = 50_000  # as `regdraft.core.collector.ONE_COMMAND_YOUNG`


def main() -> None:
    """Run the `regdraft` command line (the console script's entry point)."""
    thresholds = gc.get_threshold()
    try:
        for name in STOPPING_SIGNALS:  # SIGTERM and SIGHUP as Ctrl-C (SIGHUP: not on Windows)
            # A hangup ignored on purpose (`nohup regdraft …`) stays ignored, for `regdraft.cli.main` to see so too.
            if hasattr(signal, name) and not (name == "SIGHUP" and signal.getsignal(signal.SIGHUP) is signal.SIG_IGN):
                signal.signal(getattr(signal, name), _before_start)
        gc.set_threshold(max(IMPORTING_YOUNG, thresholds[0]), *thresholds[1:])
        from regdraft.cli import main as run
    except KeyboardInterrupt:  # came before the handler was set
        _before_start()
    finally:
        # What the import made lives to the end (a server's `collector.run_long` hands it back): frozen, it is never
        # walked, and the collections the young objects counted so far would start are not due.
        gc.freeze()
        gc.set_threshold(*thresholds)
    run()


def _before_start(signum: int = signal.SIGINT, frame: object = None) -> NoReturn:
    """Ctrl-C (or SIGTERM, SIGHUP) while Python imports the command line: nothing was done yet."""
    for name in STOPPING_SIGNALS:  # a second signal does not cut the sentence short
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    try:
        sys.stderr.write(NOTHING_CHANGED + "\n")
    except OSError:  # the terminal is gone (SIGHUP): the exit code says it
        pass
    raise SystemExit(128 + int(signum))
