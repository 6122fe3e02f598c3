"""A file git merged without a conflict, and wrongly (r38): Lan added an instruction at the end of Điều 2 of an
amendment, Minh rewrote the instruction above and added another after it; git merged the two without a word, the
result held two instructions numbered `2\\.`, and `sync` sent it. The sync now stops before sending, Minh's work put
back as it was. Lan's and Minh's clones sharing a bare remote, with real git."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from regdraft.workspace.receiving import Receiving
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke, two_clones
from tests.test_review_several import MAIN, NEW_POINT, SECOND, several_workspace
from tests.test_review_several import SLUG as BOTH
from tests.test_sync_added_instructions import ON_13, ON_MAIN, _several_from_edits

PATH = f"amendments/{BOTH}/amendment.md"
ON_5 = (NEW_POINT, NEW_POINT.replace("toàn khóa, hằng năm", "toàn khóa, hằng năm, hằng quý"))  # Điều 2's instruction
ON_15 = ("giơ tay, bỏ phiếu kín hoặc ghi phiếu.", "giơ tay, bỏ phiếu kín, ghi phiếu hoặc biểu quyết điện tử.")


def _git(ws: Workspace | Path, *args: str) -> str:
    root = ws.root if isinstance(ws, Workspace) else ws
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def clones(empty_workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    """Lan's and Minh's clones of a workspace with a document amending two regulations (Điều 2: 01-QC/TU)."""
    return two_clones(several_workspace(empty_workspace), tmp_path)


def test_a_merge_git_makes_cleanly_but_numbers_twice_stops_before_sending(
        clones: tuple[Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> None:
    lan, minh = clones
    _several_from_edits(lan, invoke, tmp_path, SECOND, ON_13)  # instruction 2: khoản 1 Điều 13
    _several_from_edits(minh, invoke, tmp_path, SECOND, ON_5, ON_15)  # instruction 1 rewritten, 2: khoản 1 Điều 15
    assert invoke(lan, "sync").exit_code == 0
    for ws in (lan, minh):  # each version alone passes `amend check`
        assert invoke(ws, "amend", "check", BOTH).exit_code == 0
    minhs, head = (minh.root / PATH).read_bytes(), _git(minh, "rev-parse", "HEAD")
    remote = _git(tmp_path / "office.git", "rev-parse", "main")
    stopped = invoke(minh, "sync")
    said = " ".join(stopped.output.split())
    assert stopped.exit_code == 1, stopped.output
    assert (f"Refusing to sync: {PATH}: git brought your changes and those from origin together without a conflict, "
            f"but the result has a problem neither version had: {PATH}:36: instruction 2 (Sửa đổi, bổ sung khoản 1 "
            "Điều 13 như sau:) has the same number as instruction 2 on line 32: number it 3") in said, said
    assert (f"`git merge --no-commit --no-ff origin/main`, correct {PATH} as said above, `git commit -a --no-edit`, "
            f"check it with `regdraft amend check {BOTH}`, then `regdraft sync`.") in said, said
    assert "Traceback" not in stopped.output
    # Nothing sent, nothing lost: Minh's work as it was, Lan's on the remote as she sent it.
    assert _git(tmp_path / "office.git", "rev-parse", "main") == remote
    assert _git(minh, "rev-parse", "HEAD") == head and _git(minh, "status", "--porcelain") == ""
    assert (minh.root / PATH).read_bytes() == minhs and not minh.operation() and Receiving.load(minh) is None
    # What the refusal says to do brings the two together, and the sync then sends it.
    _git(minh, "merge", "--no-commit", "--no-ff", "origin/main")
    text = (minh.root / PATH).read_text(encoding="utf-8")
    assert text.count("2\\. Sửa đổi, bổ sung khoản 1 Điều 13") == 1
    (minh.root / PATH).write_text(text.replace("2\\. Sửa đổi, bổ sung khoản 1 Điều 13",
                                               "3\\. Sửa đổi, bổ sung khoản 1 Điều 13"), encoding="utf-8")
    _git(minh, "commit", "-q", "-a", "--no-edit")
    assert invoke(minh, "amend", "check", BOTH).exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    assert _git(tmp_path / "office.git", "rev-parse", "main") == _git(minh, "rev-parse", "HEAD")


def test_a_clean_merge_of_valid_changes_to_one_amendment_still_syncs(
        clones: tuple[Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> None:
    # Lan amends 02-QC/TU further in Điều 1, Minh 01-QC/TU in Điều 2: git merges them, and the result passes.
    lan, minh = clones
    _several_from_edits(lan, invoke, tmp_path, MAIN, ON_MAIN)
    _several_from_edits(minh, invoke, tmp_path, SECOND, ON_5)
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    assert "Refusing" not in done.output and "replayed on top of the work from origin (rebase)" in done.output
    assert _git(tmp_path / "office.git", "rev-parse", "main") == _git(minh, "rev-parse", "HEAD")
    text = (minh.root / PATH).read_text(encoding="utf-8")
    assert ON_5[1] in text and "khoản 1 Điều 5" in text
    assert invoke(minh, "amend", "check", BOTH).exit_code == 0


def _commit(ws: Workspace, path: str, text: str, *parents: str) -> str:
    """A commit of `path` holding `text` over the first parent's files, with `parents` (a merge when two): what git
    would have made; HEAD left on it."""
    _git(ws, "checkout", "-q", "--detach", parents[0])
    (ws.root / path).write_text(text, encoding="utf-8")
    _git(ws, "add", path)
    tree = _git(ws, "write-tree").strip()
    who = ("-c", "user.name=Lan", "-c", "user.email=lan@tinhuy.example")
    sha = _git(ws, *who, "commit-tree", tree, *(arg for p in parents for arg in ("-p", p)), "-m", "edit").strip()
    _git(ws, "reset", "-q", "--hard", sha)
    return sha


@pytest.mark.parametrize("merged, broken", [
    ("2\\. Công khai", True),  # two clauses 2 in Điều 2, neither side's doing alone: broken by the merge
    ("3\\. Công khai", False),  # the two edits merged as they should be
])
def test_a_regulation_both_sides_changed_is_read_as_check_reads_it(mini_workspace: Workspace, merged: str,
                                                                   broken: bool) -> None:
    from regdraft.workspace.clean_merges import broken_merges

    ws = mini_workspace
    path = ws.locate_regulation("MINI-QC")
    text = (ws.root / path).read_text(encoding="utf-8")
    base = _git(ws, "rev-parse", "HEAD").strip()
    yours = _commit(ws, path, text.replace("Tập thể thảo luận dân chủ", "Tập thể thảo luận"), base)
    theirs = _commit(ws, path, text.replace("nguyên tắc, chế độ làm việc", "nguyên tắc làm việc"), base)
    both = text.replace("Tập thể thảo luận dân chủ", "Tập thể thảo luận").replace(
        "nguyên tắc, chế độ làm việc", "nguyên tắc làm việc").replace("3\\. Công khai", merged)
    _commit(ws, path, both, yours, theirs)
    found = broken_merges(ws, yours, theirs)
    assert [(p, [str(problem) for problem in problems]) for p, problems in found] == ([(path, [
        f"{path}:33: Khoản 2 Điều 2 appears twice; each number may be used only once."])] if broken else [])
    # A side that had the problem already: `check`'s to name, not the merge's.
    theirs = _commit(ws, path, text.replace("3\\. Công khai", "2\\. Công khai"), base)
    _commit(ws, path, both, yours, theirs)
    assert broken_merges(ws, yours, theirs) == []


def _commit_file(ws: Workspace, path: str, text: str, message: str) -> None:
    (ws.root / path).parent.mkdir(parents=True, exist_ok=True)
    (ws.root / path).write_text(text, encoding="utf-8")
    _git(ws, "add", path)
    _git(ws, "commit", "-q", "-m", message)


def _broken_with_a_conflict(clones: tuple[Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> str:
    """Lan's and Minh's work as in the first test (git merges the amendment cleanly and numbers twice), and besides a
    note both committed otherwise (a conflict that stops the rebase); Minh's HEAD before his sync."""
    lan, minh = clones
    _several_from_edits(lan, invoke, tmp_path, SECOND, ON_13)
    _commit_file(lan, "ghi-chu.txt", "Lan\n", "ghi chu")
    _several_from_edits(minh, invoke, tmp_path, SECOND, ON_5, ON_15)
    _commit_file(minh, "ghi-chu.txt", "Minh\n", "ghi chu")
    assert invoke(lan, "sync").exit_code == 0
    return _git(minh, "rev-parse", "HEAD")


def test_a_broken_clean_merge_is_not_sent_by_sync_continue_after_a_settled_conflict(
        clones: tuple[Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> None:
    lan, minh = clones
    head = _broken_with_a_conflict(clones, invoke, tmp_path)
    minhs = (minh.root / PATH).read_bytes()
    remote = _git(tmp_path / "office.git", "rev-parse", "main")
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1 and "ghi-chu.txt" in stopped.output, stopped.output
    assert invoke(minh, "resolve", "ghi-chu.txt", "--ours").exit_code == 0
    refused = invoke(minh, "sync", "--continue")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1, refused.output
    assert (f"Refusing to sync: {PATH}: git brought your changes and those from origin together without a conflict, "
            f"but the result has a problem neither version had: {PATH}:36: instruction 2 (Sửa đổi, bổ sung khoản 1 "
            "Điều 13 như sau:) has the same number as instruction 2 on line 32") in said, said
    assert "Traceback" not in refused.output
    # Nothing sent; Minh's work as it was before the sync, no sync left to finish; what he settled kept in a commit.
    assert _git(tmp_path / "office.git", "rev-parse", "main") == remote
    assert _git(minh, "rev-parse", "HEAD") == head and _git(minh, "status", "--porcelain") == ""
    assert (minh.root / PATH).read_bytes() == minhs and not minh.operation()
    kept = said.split("what you settled is kept in commit ")[1][:8]
    assert f"`git checkout {kept} -- ghi-chu.txt` takes it back" in said, said
    assert _git(minh, "show", f"{kept}:ghi-chu.txt") == "Minh\n"
    assert "There is no stopped sync" in invoke(minh, "sync", "--continue").output
    # The way by hand the refusal names ends in a sync that sends both sides' work.
    subprocess.run(["git", "merge", "--no-commit", "--no-ff", "origin/main"], cwd=minh.root, capture_output=True)
    _git(minh, "checkout", kept, "--", "ghi-chu.txt")
    text = (minh.root / PATH).read_text(encoding="utf-8")
    (minh.root / PATH).write_text(text.replace("2\\. Sửa đổi, bổ sung khoản 1 Điều 13",
                                               "3\\. Sửa đổi, bổ sung khoản 1 Điều 13"), encoding="utf-8")
    _git(minh, "commit", "-q", "-a", "--no-edit")
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output


def test_a_settled_file_is_sent_as_the_drafter_settled_it(clones: tuple[Workspace, Workspace], invoke: Invoke,
                                                          tmp_path: Path) -> None:
    # Both rewrote one provision: git stops there, and what Minh settles (numbered twice, by his hand, through git) is
    # sent as he settled it, `check`'s to name after; only what git merged without a conflict is held back.
    lan, minh = clones
    _several_from_edits(lan, invoke, tmp_path, SECOND, ON_15)
    _several_from_edits(minh, invoke, tmp_path, SECOND, (ON_15[0], "giơ tay hoặc bỏ phiếu kín."))
    assert invoke(lan, "sync").exit_code == 0
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1 and minh.operation(), stopped.output
    settled = _git(minh, "show", f"origin/main:{PATH}").replace("2\\. Sửa đổi, bổ sung khoản 1 Điều 15",
                                                                 "1\\. Sửa đổi, bổ sung khoản 1 Điều 15")
    assert settled.count("1\\. Sửa đổi, bổ sung") == 3  # Điều 1's, and two in Điều 2
    (minh.root / PATH).write_text(settled, encoding="utf-8")
    _git(minh, "add", PATH)  # `resolve` would refuse it; git takes it
    done = invoke(minh, "sync", "--continue")
    assert done.exit_code == 0 and "Refusing" not in done.output, done.output
    assert _git(tmp_path / "office.git", "show", f"main:{PATH}") == settled


def test_a_sync_killed_before_its_check_is_finished_by_one_that_checks(
        clones: tuple[Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> None:
    # Killed (as by `kill -9`) once git had rebased, before the check: the next sync, which found nothing left to
    # integrate, sent the broken merge. It checks what the interrupted sync brought together, and goes back to
    # where that one began.
    lan, minh = clones
    _several_from_edits(lan, invoke, tmp_path, SECOND, ON_13)
    _several_from_edits(minh, invoke, tmp_path, SECOND, ON_5, ON_15)
    assert invoke(lan, "sync").exit_code == 0
    head, remote = _git(minh, "rev-parse", "HEAD"), _git(tmp_path / "office.git", "rev-parse", "main")
    killed = subprocess.run([sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C",
                             str(minh.root)], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "REGDRAFT_TEST_STOP_AT": "integrated"})
    assert killed.returncode == 137, killed.stderr
    assert _git(minh, "rev-parse", "HEAD") != head  # rebased, not checked
    refused = invoke(minh, "sync")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1 and f"Refusing to sync: {PATH}: git brought your changes" in said, said
    assert _git(tmp_path / "office.git", "rev-parse", "main") == remote
    assert _git(minh, "rev-parse", "HEAD") == head and _git(minh, "status", "--porcelain") == ""
    assert Receiving.load(minh) is None


def test_a_commit_made_after_the_kill_is_kept_by_the_refusal(
        clones: tuple[Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> None:
    # A commit made between the killed sync and the next stays: the branch is not put back behind it.
    lan, minh = clones
    _several_from_edits(lan, invoke, tmp_path, SECOND, ON_13)
    _several_from_edits(minh, invoke, tmp_path, SECOND, ON_5, ON_15)
    assert invoke(lan, "sync").exit_code == 0
    killed = subprocess.run([sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C",
                             str(minh.root)], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "REGDRAFT_TEST_STOP_AT": "integrated"})
    assert killed.returncode == 137, killed.stderr
    _commit_file(minh, "ghi-chu.txt", "Minh\n", "ghi chu")
    later = _git(minh, "rev-parse", "HEAD")
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1 and "Refusing to sync" in refused.output, refused.output
    assert _git(minh, "rev-parse", "HEAD") == later


def _merged_broken(ws: Workspace, path: str, text: str, yours: str, theirs: str, both: str) -> list[str]:
    """The problems `broken_merges` names when `path` (holding `text` at the base) was made `yours` on one side,
    `theirs` on the other, and `both` by the merge."""
    from regdraft.workspace.clean_merges import broken_merges

    (ws.root / path).parent.mkdir(parents=True, exist_ok=True)
    (ws.root / path).write_text(text, encoding="utf-8")
    _git(ws, "add", path)
    _git(ws, "-c", "user.name=Lan", "-c", "user.email=lan@tinhuy.example", "commit", "-q", "-m", "base")
    base = _git(ws, "rev-parse", "HEAD").strip()
    mine, other = _commit(ws, path, yours, base), _commit(ws, path, theirs, base)
    _commit(ws, path, both, mine, other)
    return [str(problem) for found, problems in broken_merges(ws, mine, other) for problem in problems
            if found == path]


def test_a_base_text_both_sides_changed_is_read_as_a_regulation(mini_workspace: Workspace) -> None:
    ws = mini_workspace
    text = (ws.root / ws.locate_regulation("MINI-QC")).read_text(encoding="utf-8")
    path = "regulations/history/mini/base.md"
    yours = text.replace("Tập thể thảo luận dân chủ", "Tập thể thảo luận")
    theirs = text.replace("nguyên tắc, chế độ làm việc", "nguyên tắc làm việc")
    both = yours.replace("nguyên tắc, chế độ làm việc", "nguyên tắc làm việc").replace("3\\. Công khai",
                                                                                       "2\\. Công khai")
    assert _merged_broken(ws, path, text, yours, theirs, both) == [
        f"{path}:33: Khoản 2 Điều 2 appears twice; each number may be used only once."]


def test_a_comment_both_sides_changed_is_read_as_comment_list_reads_it(consulting_workspace: Workspace) -> None:
    ws = consulting_workspace
    path = "amendments/mini-sua/comments/ab12.yaml"
    text = ("id: ab12\nround: 1\nby: Ban A\nprovision: Điều 1\ntext: Ý kiến gốc.\nproposal: ''\n"
            "disposition: ''\nreply: ''\n")
    yours = text.replace("disposition: ''", "disposition: accepted")
    theirs = text.replace("reply: ''", "reply: Đã sửa.")
    both = yours.replace("reply: ''", "reply: Đã sửa.").replace("accepted", "acepted")
    assert [p.split(": ", 1)[0] for p in _merged_broken(ws, path, text, yours, theirs, both)] == [f"{path}:7"]
