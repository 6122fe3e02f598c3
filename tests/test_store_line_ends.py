"""A clone that Git for Windows' `core.autocrlf=true` checked out with CRLF line ends holds what git records with LF
(`workspace.store_line_ends`): `fmt` finds it canonical, a write of the same text makes no empty commit, and git's
LF/CRLF warning is never shown as why a write failed (r35 sweep BI)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import git
import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace.store import Workspace
from regdraft.workspace.write_failures import failure
from tests.conftest import FIXTURES, Invoke

REGULATION = "regulations/MINI-QC.md"
WARNING = ("warning: in the working copy of 'regulations/MINI-QC.md', LF will be replaced by CRLF the next time Git "
           "touches it")


def git_out(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def windows_clone(ws: Workspace, tmp_path: Path, autocrlf: str = "true") -> Workspace:
    """A clone of `ws` made as Git for Windows makes one (`core.autocrlf=true`): its working files have CRLF."""
    target = tmp_path / "windows"
    git_out(tmp_path, "clone", "-q", "-c", f"core.autocrlf={autocrlf}", str(ws.root), str(target))
    clone = Workspace(target)
    assert b"\r\n" in (target / REGULATION).read_bytes()
    assert git_out(target, "status", "--porcelain") == ""
    return clone


def test_fmt_finds_a_crlf_checkout_canonical_and_commits_nothing(mini_workspace: Workspace, tmp_path: Path,
                                                                 invoke: Invoke) -> None:
    ws = windows_clone(mini_workspace, tmp_path)
    head = git_out(ws.root, "rev-parse", "HEAD")
    checked = invoke(ws, "fmt", "--check")
    assert checked.exit_code == 0 and checked.output.strip() == "All files are canonical.", checked.output
    done = invoke(ws, "fmt")
    assert done.exit_code == 0 and done.output.strip() == "All files are canonical.", done.output
    assert git_out(ws.root, "rev-parse", "HEAD") == head and git_out(ws.root, "status", "--porcelain") == ""


def test_fmt_still_writes_a_real_change_under_autocrlf(mini_workspace: Workspace, tmp_path: Path,
                                                       invoke: Invoke) -> None:
    ws = windows_clone(mini_workspace, tmp_path)
    path = ws.root / REGULATION
    path.write_bytes(path.read_bytes().replace("## Điều 1. ".encode(), "## Điều 1.   ".encode()))
    git_out(ws.root, "-c", "user.name=Bình", "-c", "user.email=binh@vptu.local", "commit", "-q", "-am", "Spaces")
    assert invoke(ws, "fmt", "--check").exit_code == 1
    done = invoke(ws, "fmt")
    assert done.exit_code == 0 and f"reformatted {REGULATION}" in done.output, done.output
    assert git_out(ws.root, "show", f"HEAD:{REGULATION}") == (FIXTURES / "mini.md").read_text(encoding="utf-8")
    assert git_out(ws.root, "status", "--porcelain") == ""
    assert invoke(ws, "fmt", "--check").exit_code == 0


def test_without_autocrlf_crlf_line_ends_are_a_change(mini_workspace: Workspace, tmp_path: Path) -> None:
    """Where git records the CRLF (no line-end settings), the file is not the canonical text."""
    ws = windows_clone(mini_workspace, tmp_path)
    data = (ws.root / REGULATION).read_bytes()
    text = (FIXTURES / "mini.md").read_bytes()
    assert ws.same_recorded(REGULATION, data, text)
    git_out(ws.root, "config", "core.autocrlf", "false")
    assert not ws.same_recorded(REGULATION, data, text)
    assert not ws.same_recorded(REGULATION, data, text.replace(b"Quy ch", b"Quy  ch"))  # more than line ends


def test_the_same_text_written_again_is_nothing_to_record(mini_workspace: Workspace, tmp_path: Path) -> None:
    """Not git's empty commit (whose only words were its LF/CRLF warning): regdraft's own sentence."""
    ws = windows_clone(mini_workspace, tmp_path)
    with pytest.raises(StoreError, match=r"^Nothing to record: regulations/MINI-QC.md holds exactly this already"):
        ws.commit({REGULATION: (FIXTURES / "mini.md").read_bytes()}, "Write it again")
    assert git_out(ws.root, "status", "--porcelain") == ""


def test_importing_the_same_text_again_is_no_change(mini_workspace: Workspace, tmp_path: Path,
                                                    invoke: Invoke) -> None:
    ws = windows_clone(mini_workspace, tmp_path)
    head = git_out(ws.root, "rev-parse", "HEAD")
    result = invoke(ws, "import", str(FIXTURES / "mini.md"), "--force")
    assert result.exit_code == 0, result.output
    assert git_out(ws.root, "rev-parse", "HEAD") == head


def test_a_repair_takes_a_crlf_checkout_for_the_text_head_has(mini_workspace: Workspace, tmp_path: Path) -> None:
    """An interrupted write's file still as checked out is not the drafter's edit (`check --repair` refused)."""
    ws = windows_clone(mini_workspace, tmp_path)
    assert ws.edited_since({REGULATION: b"---\nid: MINI-QC\n---\n"}) == []
    (ws.root / REGULATION).write_bytes((ws.root / REGULATION).read_bytes() + b"\r\nS\xe1\xbb\xada tay.\r\n")
    assert ws.edited_since({REGULATION: b"---\nid: MINI-QC\n---\n"}) == [REGULATION]


def test_git_warnings_are_never_the_reason_a_write_failed() -> None:
    empty = git.GitCommandError(["git", "commit"], 1, stderr=f"{WARNING}\n{WARNING}",
                                stdout="On branch main\nnothing to commit, working tree clean")
    assert failure(empty) == "On branch main\nnothing to commit, working tree clean"
    fatal = git.GitCommandError(["git", "commit"], 128, stderr=f"{WARNING}\nfatal: unable to write new index file")
    assert failure(fatal) == "fatal: unable to write new index file"
    only = git.GitCommandError(["git", "add"], 1, stderr="warning: could not open directory 'x/': Permission denied")
    assert failure(only) == "warning: could not open directory 'x/': Permission denied"  # all git said


def test_a_redline_from_a_revision_names_the_text_in_force_as_in_a_checkout_with_lf(mini_workspace: Workspace,
                                                                                    tmp_path: Path,
                                                                                    invoke: Invoke) -> None:
    """The text at `--from HEAD`, the working text too, is the text in force since the adopted amendment: the CRLF
    checkout was taken for a text amended since, and the old side dated by the regulation's own date."""
    from regdraft.workspace.redline import build

    ws = mini_workspace
    first = (FIXTURES / "comments" / "amendment-1.md").read_text(encoding="utf-8")
    ws.commit({"amendments/a1/amendment.md": first.replace("number: 02-QC/TU", "number: 02-QC/TU\nsigned: 2025-06-01"
                                                           "\neffective: 2025-06-01").encode()}, "Draft 1")
    adopted = invoke(ws, "amend", "adopt", "a1", "--signed", "2025-06-01", "--force", "--reason", "thử")
    assert adopted.exit_code == 0, adopted.output
    second = (FIXTURES / "comments" / "amendment-2.md").read_text(encoding="utf-8")
    ws.commit({"amendments/a2/amendment.md": second.replace("number: 02-QC/TU", "number: 03-QC/TU").encode()},
              "Draft 2")
    here = build(ws, "MINI-QC", rev_from="HEAD", amendment="a2").old_version
    assert here.amended_by  # the adopted amendment named, as the text in force is
    clone = windows_clone(ws, tmp_path)
    assert build(clone, "MINI-QC", rev_from="HEAD", amendment="a2").old_version == here
