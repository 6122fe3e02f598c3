"""Words on the command line (issue 21 §5): counts in the right number, redline names what it compares."""

from __future__ import annotations

import subprocess

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke


def _status(ws: Workspace) -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ws.root,
                          capture_output=True, text=True, check=True).stdout


def test_one_body_consulted_is_singular(tmp_workspace: Workspace, invoke: Invoke) -> None:
    one = invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-03-15",
                 "--consult", "Ban Tổ chức Tỉnh ủy")
    assert one.exit_code == 0, one.output
    assert "1 body consulted, due 2099-03-15." in one.output
    assert "bodies" not in one.output


def test_check_counts_one_problem_in_the_singular(mini_workspace: Workspace, invoke: Invoke) -> None:
    text = (mini_workspace.root / "regulations" / "MINI-QC.md").read_text(encoding="utf-8")
    (mini_workspace.root / "regulations" / "MINI-QC.md").write_text(
        text.replace("## Điều 4", "## Điều 4\n\n## Điều 4"), encoding="utf-8")
    result = invoke(mini_workspace, "check")
    assert result.exit_code == 1
    summary = result.output.strip().splitlines()[-1]
    assert summary.endswith(" found.") and "(s)" not in summary
    count = int(summary.split()[0])
    assert summary.startswith(f"{count} problem found" if count == 1 else f"{count} problems found")


def test_redline_refuses_to_guess_between_two_pending_amendments(tmp_workspace: Workspace, invoke: Invoke) -> None:
    made = invoke(tmp_workspace, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU")
    assert made.exit_code == 0, made.output
    before = _status(tmp_workspace)
    guessed = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html")
    assert guessed.exit_code == 2
    assert "2 amendments to 01-QC/TU are pending" in guessed.output
    assert f"{SHIPPED_AMENDMENT} (status circulating, draft 2)" in guessed.output
    assert "qc-sua-doi-2026 (status draft, draft 1)" in guessed.output
    assert "--amendment SLUG" in guessed.output
    assert not (tmp_workspace.root / "out").exists() and _status(tmp_workspace) == before
    chosen = invoke(tmp_workspace, "redline", "01-QC/TU", "--amendment", SHIPPED_AMENDMENT, "--format", "html")
    assert chosen.exit_code == 0, chosen.output
    assert f"01-QC/TU against amendment {SHIPPED_AMENDMENT}, draft 2)" in chosen.output
    assert "(20 changes;" in chosen.output


def test_amend_new_with_a_title_for_a_name_is_refused_with_a_slug(tmp_workspace: Workspace, invoke: Invoke) -> None:
    before = _status(tmp_workspace)
    result = invoke(tmp_workspace, "amend", "new", "Sửa đổi 2026", "--regulation", "01-QC/TU")
    assert result.exit_code == 2
    assert "'Sửa đổi 2026' is not an amendment name" in result.output and "e.g. sua-doi-2026" in result.output
    assert _status(tmp_workspace) == before and not (tmp_workspace.root / "amendments" / "Sửa đổi 2026").exists()
