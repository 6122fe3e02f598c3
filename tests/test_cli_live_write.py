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
