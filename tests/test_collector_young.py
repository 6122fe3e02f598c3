"""A one-command process collects its youngest objects in larger batches (`collector.run_once`): what a command
imports and builds lives to its end, and walking it every 700 new objects cost a warm compare of 1,000 articles 32
collections, about 5 ms of CPU (docs/performance.md, thirty-seventh round). Counted as collections, not time."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import SHIPPED_REGULATION

_COUNTED = """
import gc, sys
from regdraft.cli import main
counted = []
gc.callbacks.append(lambda phase, info: counted.append(info["generation"]) if phase == "start" else None)
sys.argv = ["regdraft", "compare", sys.argv[1], sys.argv[1], "--format", "html", "-o", sys.argv[2]]
try:
    main()
except SystemExit:
    pass
gc.callbacks.clear()
print(len(counted), gc.get_threshold()[0])
"""


def test_a_command_is_not_walked_every_700_new_objects(tmp_path: object) -> None:
    out = f"{tmp_path}/c.html"
    done = subprocess.run([sys.executable, "-c", _COUNTED, str(SHIPPED_REGULATION), out], capture_output=True,
                          text=True, check=True, cwd=str(tmp_path),
                          env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path)))
    collections, threshold = map(int, done.stdout.split()[-2:])
    # The command's own imports, its readings (cold), comparison and page: 18 collections at Python's threshold.
    assert collections <= 2 and threshold >= 50_000


_SERVER = """
import gc
from regdraft.core import collector
before = gc.get_threshold()
collector.run_once()
raised = gc.get_threshold()
collector.run_once()
collector.run_long()
print(raised[0] > before[0], gc.get_threshold() == before)
"""


def test_a_long_running_process_gets_the_thresholds_back() -> None:
    done = subprocess.run([sys.executable, "-c", _SERVER], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


# The console script as pyproject.toml names it (`regdraft.console:main`), with `regdraft --version`: the collections
# made from its `main` until `regdraft.cli.main` is entered (the import of the command line), and the thresholds
# that one starts with.
_CONSOLE = """
import gc, sys
counted, entered = [], []
gc.callbacks.append(lambda phase, info: counted.append(info["generation"]) if phase == "start" else None)

def seen(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "main" and frame.f_globals.get("__name__") == "regdraft.console":
        entered.append(len(counted))
    if event == "call" and frame.f_code.co_name == "main" and frame.f_globals.get("__name__") == "regdraft.cli":
        entered.append((len(counted) - entered.pop(), gc.get_threshold()))
        sys.setprofile(None)

before = gc.get_threshold()
sys.setprofile(seen)
sys.argv = ["regdraft", "--version"]
from regdraft.console import main
try:
    main()
except SystemExit:
    pass
gc.callbacks.clear()
(collections, thresholds), = entered
print(collections, thresholds == before)
"""


def test_the_console_script_imports_the_command_line_without_walking_it() -> None:
    """`regdraft.console` imports the command line (click and regdraft's modules) with the youngest collections put
    off and freezes what it made: 17 collections of objects that live to the end were made before (thirty-eighth
    round). The command line then starts with Python's own thresholds (`collector.run_once` raises them itself; a
    server's `run_long` gives back what it found)."""
    done = subprocess.run([sys.executable, "-c", _CONSOLE], capture_output=True, text=True, check=True)
    collections, same = done.stdout.split()[-2:]
    assert int(collections) == 0 and same == "True"
