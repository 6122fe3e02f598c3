"""A committed comment file deleted by mistake, the deletion not committed, is named by every reader of comments:
`comment list` said "No comments match.", `check` "No problems found.", `round close` and `round report` left it
out and `amend adopt` passed its gate of unanswered comments over it (r39 sweep BY F1)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.memory import memory_workspace
from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke

SLUG = SHIPPED_AMENDMENT


@pytest.fixture
def deleted(circulating: Workspace) -> tuple[Workspace, str]:
    """The shipped workspace with one comment by Ban Tổ chức Tỉnh ủy on Điều 20a, its file deleted by mistake:
    the workspace and the file's path."""
    comment = rounds.add_comment(circulating, SLUG, "Ban Tổ chức Tỉnh ủy", "d20a", "Đề nghị làm rõ.")
    path = f"amendments/{SLUG}/comments/{comment.id}.yaml"
    (circulating.root / path).unlink()
    return circulating, path


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def _head(ws: Workspace) -> str:
    return _git(ws, "rev-parse", "HEAD").strip()


def test_check_names_the_deleted_comment_and_how_to_bring_it_back(deleted: tuple[Workspace, str],
                                                                   invoke: Invoke) -> None:
    ws, path = deleted
    comment_id = Path(path).stem
    result = invoke(ws, "check")
    assert result.exit_code == 1
    assert (f"{path}: comment {comment_id} by Ban Tổ chức Tỉnh ủy on d20a is in the last commit, but its file was "
            "deleted and the deletion is not committed") in result.output
    assert f"`git restore {path}` brings it back; if it is meant to go, `git rm {path}` and commit that." \
        in " ".join(result.output.split())


def test_comment_list_and_the_round_report_refuse_rather_than_leave_it_out(deleted: tuple[Workspace, str],
                                                                           invoke: Invoke, tmp_path: Path) -> None:
    ws, path = deleted
    listed = invoke(ws, "comment", "list", SLUG)
    assert listed.exit_code == 1
    assert "No comments match" not in listed.output and path in listed.output
    report = invoke(ws, "round", "report", SLUG, "-o", str(tmp_path / "r.csv"))
    assert report.exit_code == 1 and path in report.output
    assert not (tmp_path / "r.csv").exists()


def test_round_close_and_adoption_refuse_and_change_nothing(deleted: tuple[Workspace, str], invoke: Invoke) -> None:
    ws, path = deleted
    head = _head(ws)
    closed = invoke(ws, "round", "close", SLUG)
    assert closed.exit_code == 1 and path in closed.output
    assert _head(ws) == head
    _git(ws, "restore", path)  # closed and submitted with the comment there, then deleted again
    assert invoke(ws, "round", "close", SLUG).exit_code == 0
    assert invoke(ws, "amend", "status", SLUG, "submitted").exit_code == 0
    (ws.root / path).unlink()
    head = _head(ws)
    adopted = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-03-28")
    assert adopted.exit_code == 1, adopted.output
    assert path in adopted.output
    assert _head(ws) == head and _git(ws, "status", "--porcelain") == f" D {path}\n"
    _git(ws, "restore", path)
    assert "1 comment is not answered" in invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-03-28").output


def test_answering_the_deleted_comment_names_its_deletion(deleted: tuple[Workspace, str], invoke: Invoke) -> None:
    ws, path = deleted
    result = invoke(ws, "comment", "respond", Path(path).stem, "--disposition", "accepted", "--reply", "Tiếp thu.")
    assert result.exit_code == 1
    assert "its file was deleted" in result.output and "There is no comment" not in result.output


def test_a_deletion_staged_with_git_rm_is_named_with_its_own_restore(deleted: tuple[Workspace, str],
                                                                      invoke: Invoke) -> None:
    ws, path = deleted
    _git(ws, "rm", "-q", "--cached", path)
    result = invoke(ws, "check")
    assert result.exit_code == 1
    assert f"`git restore --staged --worktree {path}` brings it back; if it is meant to go, commit the deletion." \
        in " ".join(result.output.split())


def test_a_committed_deletion_is_no_problem(deleted: tuple[Workspace, str], invoke: Invoke) -> None:
    ws, path = deleted
    _git(ws, "rm", "-q", "--cached", path)
    _git(ws, "-c", "user.name=Văn phòng", "-c", "user.email=vp@example.org", "commit", "-q", "-m", "Withdraw it")
    assert "deleted" not in invoke(ws, "check").output
    assert invoke(ws, "comment", "list", SLUG).output == "No comments match.\n"


def test_a_workspace_in_memory_names_a_file_deleted_since_its_last_version() -> None:
    ws = memory_workspace({"amendments/a/comments/x.yaml": b"id: x\n", "amendments/a/amendment.md": b""})
    assert ws.deleted("amendments") == []
    del ws.store.working["amendments/a/comments/x.yaml"]
    assert ws.deleted("amendments") == ["amendments/a/comments/x.yaml"]


def test_a_file_a_write_in_progress_deletes_is_left_to_that_write(deleted: tuple[Workspace, str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A write that removes a comment (withdrawn on the review server) deletes its file before it commits; killed
    # there, its journal names the file, and the repair (not `git restore`) is the way on.
    from regdraft.workspace.deleted_comments import deleted_comments

    ws, path = deleted
    assert deleted_comments(ws, SLUG) == [path]

    class Journalled:
        changes = {path: None}

    monkeypatch.setattr(Workspace, "interrupted", lambda self: Journalled())
    assert deleted_comments(ws, SLUG) == []


def test_a_folder_of_deleted_comments_is_named_by_its_first_files_in_as_many_gits_as_one(
        deleted: tuple[Workspace, str], invoke: Invoke) -> None:
    # r40 sweep CE F4: 3,000 comment files deleted at once took a git process each (`git ls-files`), about 4 minutes
    # a command, and `comment list` printed 1.4 MB, a long sentence for each.
    from regdraft.workspace.deleted_comments import SHOWN
    from tests.counting import git_processes

    ws, path = deleted
    with git_processes() as started:
        one = invoke(ws, "comment", "list", SLUG)
    assert one.exit_code == 1 and "its file was deleted" in one.output
    _git(ws, "restore", path)
    text = (ws.root / path).read_text(encoding="utf-8")
    comment_id = Path(path).stem
    copies = {f"amendments/{SLUG}/comments/c{n:03d}.yaml": text.replace(comment_id, f"c{n:03d}").encode()
              for n in range(24)}
    ws.commit(copies, "24 comments more")
    for copy in [path, *copies]:
        (ws.root / copy).unlink()
    with git_processes() as many:
        listed = invoke(ws, "comment", "list", SLUG)
    said = " ".join(listed.output.split())
    assert listed.exit_code == 1 and "25 comment files of" in said, said
    rest = sorted([path, *copies])[SHOWN:SHOWN + 3]  # named by the first three past those shown
    assert said.count("its file was deleted") == SHOWN and f"{25 - SHOWN} more comment files of {SLUG} were " \
        f"deleted the same way ({', '.join(Path(p).name for p in rest)}, …)" in said, said
    assert f"`git diff --name-only --diff-filter=D HEAD -- amendments/{SLUG}/comments` lists them all" in said
    assert len(many) <= len(started) + 1, ([a[0] for a in started], [a[0] for a in many])
    checked = " ".join(invoke(ws, "check").output.split())
    assert checked.count("its file was deleted") == SHOWN and f"{25 - SHOWN} more comment files" in checked, checked
