"""Two drafters adding instructions to one amendment (r37 sweep BQ 3): Lan's `amend from-edits` on one provision and
Minh's on another each wrote their instruction under the same number, and the sync stopped on a conflict that
`--ours` or `--theirs` settled only by throwing a colleague's instruction away, though docs/collaboration.md said such
edits merge. The sync now keeps both, numbered as `amend from-edits` numbers them. Lan's and Minh's clones sharing a
bare remote, with real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.regenerate import split_instructions
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

AMENDMENT = f"amendments/{SLUG}/amendment.md"
# Two edits of the shipped draft's preview, on provisions its instructions leave alone: Điều 13 (between the
# instructions on Điều 12 and Điều 14) and Điều 15 (after them).
ON_13 = ("Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng hai lần",
         "Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng ba lần")
ON_15 = ("giơ tay, bỏ phiếu kín hoặc ghi phiếu.", "giơ tay, bỏ phiếu kín, ghi phiếu hoặc biểu quyết điện tử.")


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def _from_edits(ws: Workspace, invoke: Invoke, tmp_path: Path, *edits: tuple[str, str]) -> None:
    preview = tmp_path / f"{ws.root.name}-preview.md"
    done = invoke(ws, "amend", "preview", SLUG, "-o", str(preview))
    assert done.exit_code == 0, done.output
    text = preview.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    preview.write_text(text, encoding="utf-8")
    done = invoke(ws, "amend", "from-edits", SLUG, "--edited", str(preview))
    assert done.exit_code == 0, done.output


def _instructions(ws: Workspace) -> str:
    return split_instructions((ws.root / AMENDMENT).read_text(encoding="utf-8"))[1]


@pytest.fixture
def clones(tmp_workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    return two_clones(tmp_workspace, tmp_path)


@pytest.mark.parametrize("lans, minhs", [(ON_15, ON_13), (ON_13, ON_15)])
def test_instructions_two_drafters_add_to_one_amendment_are_both_kept_in_order(
        clones: tuple[Workspace, Workspace], tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path,
        lans: tuple[str, str], minhs: tuple[str, str]) -> None:
    lan, minh = clones
    _from_edits(lan, invoke, tmp_path, lans)
    _from_edits(minh, invoke, tmp_path, minhs)
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert (f"{AMENDMENT}: you and a colleague (origin) each added instructions to Điều 1; both were kept, numbered "
            "in the order of the provisions they amend, as amend from-edits numbers them: khoản 8 Điều 1 "
            "(Sửa đổi, bổ sung khoản 1 Điều 13, ") in said, said
    assert "khoản 10 Điều 1 (Sửa đổi, bổ sung khoản 1 Điều 15, " in said, said
    assert ("from origin); khoản 10" if lans == ON_13 else "yours); khoản 10") in said, said
    assert _git(minh, "status", "--porcelain") == "" and _git(minh, "rev-parse", "HEAD") == \
        _git(minh, "rev-parse", "origin/main")
    # What one drafter making both edits gets from `amend from-edits`, numbers and all.
    _from_edits(tmp_workspace, invoke, tmp_path, lans, minhs)
    assert _instructions(minh) == _instructions(tmp_workspace)
    assert invoke(lan, "sync").exit_code == 0 and _instructions(lan) == _instructions(tmp_workspace)
    checked = invoke(minh, "amend", "check", SLUG)
    assert checked.exit_code == 0, checked.output


def test_two_drafters_amending_one_provision_still_choose(clones: tuple[Workspace, Workspace], invoke: Invoke,
                                                          tmp_path: Path) -> None:
    # Two instructions on one provision are no instructions to keep side by side: git's conflict stands.
    lan, minh = clones
    _from_edits(lan, invoke, tmp_path, ON_15)
    _from_edits(minh, invoke, tmp_path, ("giơ tay, bỏ phiếu kín hoặc ghi phiếu.", "giơ tay hoặc bỏ phiếu kín."))
    assert invoke(lan, "sync").exit_code == 0
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1 and "you and a colleague changed the same provisions" in stopped.output
    assert invoke(minh, "sync", "--abort").exit_code == 0
