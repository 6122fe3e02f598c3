"""A plain `git pull` that stops on a conflict is named for what it is (r30 sweep AQ 4): every command said "A sync
stopped while merging the shared remote's work with yours", though no `regdraft sync` ran; the way out it named
(`resolve`, then `sync --continue`) works, and now says it also shares the merge as a sync does."""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke, two_clones

AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
CLAUSE_TEXT = "Định kỳ 6 tháng, một năm báo cáo Bộ Chính trị"


def _git(where: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True, text=True).stdout


def _edit(ws: Workspace, new: str) -> None:
    target = ws.root / AMENDMENT
    text = target.read_text(encoding="utf-8")
    assert CLAUSE_TEXT in text
    target.write_text(text.replace(CLAUSE_TEXT, new, 1), encoding="utf-8")
    _git(ws.root, "commit", "-q", "-am", "edit")


def test_a_conflicting_git_pull_is_named_as_a_merge_started_outside_regdraft(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    lan, minh = two_clones(tmp_workspace, tmp_path)
    _edit(lan, "Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị")
    _git(lan.root, "push", "-q", "origin", "HEAD")
    _edit(minh, "Định kỳ 4 tháng, một năm báo cáo Bộ Chính trị")
    pulled = subprocess.run(["git", "-C", str(minh.root), "pull", "-q", "--no-rebase", "--no-edit"],
                            capture_output=True, text=True)
    assert pulled.returncode != 0
    refused = invoke(minh, "comment", "list", SHIPPED_AMENDMENT)
    assert refused.exit_code == 1
    said = " ".join(refused.output.split())
    assert "A sync stopped" not in said and "before the sync" not in said
    assert ("A git merge started outside regdraft (by `git pull` or `git merge`) stopped: you and a colleague changed "
            "the same provisions. Nothing is lost; choose what to keep.") in said, said
    assert ("Then run `regdraft sync --continue` to finish the merge and share it as `regdraft sync` does (or "
            "`regdraft sync --abort` to go back to how things were before the merge).") in said, said
    assert "`git add FILE`, then `git merge --continue`" in said
    resolved = invoke(minh, "resolve", AMENDMENT, "--ours")
    assert resolved.exit_code == 0, resolved.output
    assert "Every conflict is resolved: run `regdraft sync --continue` to finish the merge and share it as " \
        "`regdraft sync` does." in " ".join(resolved.output.split())
    done = invoke(minh, "sync", "--continue")
    assert done.exit_code == 0, done.output
    _git(lan.root, "pull", "-q", "--no-rebase")
    assert "Định kỳ 4 tháng" in (lan.root / AMENDMENT).read_text(encoding="utf-8")
