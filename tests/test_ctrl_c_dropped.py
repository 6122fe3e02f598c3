"""A Ctrl-C Python dropped, and one in the last milliseconds of a run (r43 sweep CK F8).

1. The handler's `KeyboardInterrupt`, raised inside a weakref callback of importlib's, was dropped ("Exception
   ignored in … KeyboardInterrupt" on the screen) and the command ran on to exit 0, the Ctrl-C not honoured.
2. `comment add` printed "Added comment …" and then exited 130 with no word: the Ctrl-C came as Python shut down,
   after it had put back the signal's default action (a kill). Both in a process of their own, through
   `regdraft.console.main`, as a drafter runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys

from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT

ADD = ["comment", "add", SHIPPED_AMENDMENT, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d5.k2", "--text", "Ý kiến."]

# After the comment's commit, a Ctrl-C lands while a weakref callback runs, where Python drops what it raises.
DROPPED = """
import os, signal, sys, time, weakref
import regdraft.workspace.rounds as rounds

def in_a_callback(_ref):
    os.kill(os.getpid(), signal.SIGINT)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # the handler runs here, inside the callback
        pass

warnings = rounds.body_warnings
def body_warnings(*args, **kwargs):
    class Gone: pass
    gone = Gone()
    ref = weakref.ref(gone, in_a_callback)
    del gone
    return warnings(*args, **kwargs)

rounds.body_warnings = body_warnings
sys.argv = ["regdraft", *sys.argv[1:]]
from regdraft.console import main
main()
"""

# The run over, Python's shutdown puts back the default action of a signal whose handler is Python's own function
# (as CPython's `_PySignal_Fini` does), and a Ctrl-C comes.
LATE = """
import os, signal, sys
sys.argv = ["regdraft", *sys.argv[1:]]
from regdraft.console import main
try:
    main()
except SystemExit as exc:
    code = exc.code
if callable(signal.getsignal(signal.SIGINT)):
    signal.signal(signal.SIGINT, signal.SIG_DFL)
os.kill(os.getpid(), signal.SIGINT)
sys.exit(code)
"""


def _run(script: str, ws: Workspace) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *ADD, "--workspace", str(ws.root)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})


def _head(ws: Workspace) -> str:
    return subprocess.run(["git", "-C", str(ws.root), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_ctrl_c_python_dropped_still_stops_the_command_and_says_it_was_recorded(circulating: Workspace) -> None:
    before = _head(circulating)
    done = _run(DROPPED, circulating)
    assert done.returncode == 130, (done.stdout, done.stderr)
    after = _head(circulating)
    assert after != before
    said = " ".join(done.stderr.split())
    assert f"Interrupted after the work was committed ({after[:8]}): it is recorded" in said, said
    assert "Exception ignored" not in said and "Traceback" not in said, said


def test_a_ctrl_c_as_python_shuts_down_does_not_kill_a_run_that_said_its_result(circulating: Workspace) -> None:
    done = _run(LATE, circulating)
    assert "Added comment" in done.stdout, done.stderr
    assert done.returncode == 0, (done.returncode, done.stderr)
