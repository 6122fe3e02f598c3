"""A reading command run while another process writes (the review server recording a comment) found that write's
journal and told the drafter to run `check --repair` on it (r24 h-office defect 4): a write whose writer holds the
workspace lock is running, not interrupted."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG = "mini-sua"


def test_a_write_running_meanwhile_is_not_called_interrupted(consulting_workspace: Workspace, invoke: Invoke,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import regdraft.cli.options as options

    monkeypatch.setattr(options, "WRITE_WAIT", 0.1)
    ws = consulting_workspace
    writer = Workspace(ws.root)
    with writer.writing("review server"):  # another writer, its journal written: as the server between two steps
        writer.journal.begin(writer.head(), "refs/heads/main", "Comment d3ad on mini-sua d1 by Ban A", None, {})
        listed = invoke(ws, "round", "list", SLUG)
        writer.journal.end()
    assert listed.exit_code == 0, listed.output
    assert "check --repair" not in listed.output and "interrupted" not in listed.output
    assert "another write to this workspace was running meanwhile ('Comment d3ad" in listed.output
    # Left by a writer that is gone, the journal is an interrupted write, as before.
    writer.journal.begin(writer.head(), "refs/heads/main", "Comment d3ad on mini-sua d1 by Ban A", None, {})
    listed = invoke(ws, "round", "list", SLUG)
    assert "an earlier write was interrupted ('Comment d3ad" in listed.output and "check --repair" in listed.output


def test_check_names_a_write_running_in_another_process_as_in_progress(consulting_workspace: Workspace,
                                                                         invoke: Invoke,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # `check` (without --repair) called the journal of a write another process was making (the review server
    # committing a comment, a sync) "interrupted" and advised `check --repair` (r24 fixer r24-mv, defect 2).
    import subprocess
    import sys

    import regdraft.workspace.stopped_writes as stopped

    monkeypatch.setattr(stopped, "WRITE_WAIT", 0.1)
    ws = consulting_workspace
    holder = ("import sys\nfrom pathlib import Path\nfrom regdraft.workspace.store import Workspace\n"
              "w = Workspace(Path(sys.argv[1]))\n"
              "with w.writing('review server'):\n"
              "    w.journal.begin(w.head(), 'refs/heads/main', 'Comment d3ad on mini-sua d1 by Ban A', None, {})\n"
              "    print('held', flush=True)\n    sys.stdin.readline()\n    w.journal.end()\n")
    with subprocess.Popen([sys.executable, "-c", holder, str(ws.root)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as writer:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "held"
        checked = invoke(ws, "check")
        assert writer.stdin is not None
        writer.stdin.write("\n")
        writer.stdin.close()
        assert writer.wait() == 0
    assert "interrupted" not in checked.output and "check --repair" not in checked.output, checked.output
    assert ("warning: Another write to this workspace is in progress ('Comment d3ad on mini-sua d1 by Ban A'" in
            checked.output), checked.output
    assert checked.exit_code == 0
    # Left by a writer that is gone, the journal is an interrupted write, as before.
    writer_ws = Workspace(ws.root)
    writer_ws.journal.begin(writer_ws.head(), "refs/heads/main", "Comment d3ad on mini-sua d1 by Ban A", None, {})
    checked = invoke(ws, "check")
    assert checked.exit_code == 1 and "was interrupted before it finished" in checked.output
    assert "check --repair" in checked.output
