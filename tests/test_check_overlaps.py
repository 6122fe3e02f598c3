"""`check` notes how many provisions pending drafts both change, and names `amend conflicts` (r42 sweep CM 7: it said
"No problems found." over 13 overlapping pairs); a note, not a problem, and nothing when none overlap."""

from __future__ import annotations

from regdraft.workspace.store import Workspace
from tests.conftest import run_cli
from tests.web.test_web_pending_overlaps import _drafts


def test_check_notes_how_many_provisions_pending_drafts_both_change(tmp_workspace: Workspace) -> None:
    _drafts(tmp_workspace, "moi-a", "moi-c")
    before = run_cli(tmp_workspace, "check")
    assert "pending amendments both change" not in before.output
    _drafts(tmp_workspace, "moi-b")
    done = run_cli(tmp_workspace, "check")
    assert done.exit_code == before.exit_code  # a note, not a problem
    assert ("Note: pending amendments both change 1 provision (1 pair of instructions); `regdraft amend conflicts` "
            "lists them.") in done.output, done.output
