"""What a failed write tells the drafter (`workspace.write_failures`): a full disk that also stops the undoing, a
writer asked to write while an interrupted write waits, and the file an error is about named."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import git
import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "mini-sua"
OUT_OF_SPACE = "fatal: sha1 file '.git/index.lock' write error. Out of diskspace"


def git_out(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def _disk_full_at_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """`git commit` runs out of space after `git add` changed the index, and so does putting the index back (its
    bytes, then `git reset`): the sweep's full disk (r28 AG defect 1), without filling one."""

    def no_space(self: git.cmd.Git, *args: Any, **kwargs: Any) -> str:
        raise git.GitCommandError(["git", "commit"], 128, stderr=OUT_OF_SPACE)

    from regdraft.render.files import new_file as real

    def new_file(path: Path, data: bytes = b"", durable: bool = False) -> Path:
        if path.name == "index.regdraft-tmp":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, data, durable)

    monkeypatch.setattr(git.cmd.Git, "commit", no_space, raising=False)
    monkeypatch.setattr(git.cmd.Git, "reset", no_space, raising=False)
    monkeypatch.setattr("regdraft.workspace.store_writes.new_file", new_file)


def test_a_full_disk_that_stops_the_undoing_too_says_so_in_one_sentence(consulting_workspace: Workspace,
                                                                       invoke: Invoke,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ws = consulting_workspace
    head = git_out(ws.root, "rev-parse", "HEAD")
    _disk_full_at_commit(monkeypatch)
    result = invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--on", "d1", "--text", "Đĩa đầy.")
    monkeypatch.undo()
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception  # a message, not a crash
    error = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error) == 1, result.output
    said = error[0]
    assert said.startswith("Error: The disk is full (fatal: sha1 file"), said
    assert "could not be undone; it is recorded in .git/regdraft/journal.json" in said
    assert "`regdraft check --repair` will finish or undo it once space is freed." in said
    assert "Traceback" not in result.output and "cmdline" not in result.output
    assert ws.journal.exists()  # left for the repair, as the sentence says
    repaired = invoke(ws, "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert "Finished the interrupted write 'Comment" in repaired.output
    assert git_out(ws.root, "rev-list", "--count", f"{head.strip()}..HEAD").strip() == "1"
    assert git_out(ws.root, "status", "--porcelain") == "" and not ws.journal.exists()


def test_a_write_of_new_files_whose_undoing_fails_leaves_its_journal_and_says_so(
        consulting_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = consulting_workspace

    def no_space(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Workspace, "_commit_only", no_space)
    monkeypatch.setattr(Workspace, "_undo_new_files", no_space)
    files = iter([("amendments/mini-sua/comments/aaaa.yaml", b"x: 1\n")])
    with pytest.raises(StoreError, match=r"The disk is full \(No space left on device\), so the write 'Import' "
                                         r"stopped part-way .* once space is freed\.$"):
        ws.commit_new_files("amendments/mini-sua/comments", files, "Import")
    assert ws.journal.exists()


# -- every writer refuses while an interrupted write waits --------------------------------------------------------


def _killed(root: Path, *args: str) -> None:
    """Run the command and kill it once it has written its first file (a journal left, the file not committed)."""
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", *args]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "REGDRAFT_TEST_STOP_AT": "file-written"})
    assert done.returncode == 137, done.stdout + done.stderr


def test_a_word_reply_whose_import_was_interrupted_is_refused_not_taken_for_imported(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws, slug, body = tmp_workspace, "qc-sua-doi-2025", "Ban Tổ chức Tỉnh ủy"
    assert invoke(ws, "round", "open", slug, "--title", "Lấy ý kiến", "--due", "2099-03-15",
                  "--consult", body).exit_code == 0
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", slug, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, "Thường lệ ba tháng một lần"), "ba tháng"),
                "Hai tháng.", "A")
    reply = kit.save(document, tmp_path / "reply.docx")
    _killed(ws.root, "comment", "import", slug, str(reply), "--by", body)
    head = git_out(ws.root, "rev-parse", "HEAD")
    again = invoke(ws, "comment", "import", slug, str(reply), "--by", body)
    assert again.exit_code == 1, again.output
    said = " ".join(again.output.split())
    assert "imported before" not in said and "Nothing imported" not in said
    assert "An earlier write to this workspace was interrupted: 'Import 1 comment on" in said
    assert "finish it with `regdraft check --repair` before writing again (nothing was changed)" in said
    assert git_out(ws.root, "rev-parse", "HEAD") == head and ws.journal.exists()
    assert invoke(ws, "check", "--repair").exit_code == 0
    assert "Nothing imported" in invoke(ws, "comment", "import", slug, str(reply), "--by", body).output


def test_an_amendment_import_is_refused_while_an_interrupted_write_waits(consulting_workspace: Workspace,
                                                                        invoke: Invoke, tmp_path: Path) -> None:
    ws = consulting_workspace
    _killed(ws.root, "comment", "add", SLUG, "--by", "Ban A", "--on", "d1", "--text", "Ý kiến.")
    source = tmp_path / "sua-doi.txt"
    source.write_text("QUY CHẾ\nsửa đổi Quy chế MINI-QC\n\nĐiều 1. Sửa đổi\n1. Bãi bỏ khoản 2 Điều 1.\n",
                      encoding="utf-8")
    # Its file exists: it said so, before the journal was looked at.
    result = invoke(ws, "amend", "import", str(source), "--slug", SLUG, "--regulation", "MINI-QC")
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "already exists" not in said
    assert "An earlier write to this workspace was interrupted: 'Comment" in said, said


# -- the file an error is about -----------------------------------------------------------------------------------


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file opened for writing runs out of space at its first write, as a full disk says it (no file named)."""
    real = os.fdopen

    class Full:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as a file's write says it: no file named

        def flush(self) -> None:
            self.handle.flush()

        def fileno(self) -> int:
            return int(self.handle.fileno())

    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k:
                        Full(real(fd, mode, *a, **k)) if mode == "wb" else real(fd, mode, *a, **k))


def test_an_export_on_a_full_disk_names_its_file(mini_workspace: Workspace, invoke: Invoke,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _disk_full(monkeypatch)
    monkeypatch.chdir(mini_workspace.root)
    result = invoke(mini_workspace, "export", "MINI-QC", "-o", "hop-nhat.html")
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert ("Error: cannot write hop-nhat.html: the disk is full (No space left on device); nothing was written."
            in result.output), result.output
    assert not list(mini_workspace.root.glob("hop-nhat.html*"))


def test_a_failed_export_or_redline_removes_the_folders_it_made_and_no_other(consulting_workspace: Workspace,
                                                                             invoke: Invoke,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """`export … -o out/x.pdf` (or `redline`) that failed left `out/` it had made, empty (r44 office44): the folders
    the command made are removed again; one that was there before, or that holds a file, stays."""
    ws = consulting_workspace
    root = ws.root
    kept = root / "kept"
    kept.mkdir()
    (root / "full").mkdir()
    (root / "full" / "other.txt").write_text("giữ lại", encoding="utf-8")
    _disk_full(monkeypatch)
    monkeypatch.chdir(root)
    for command in (("export", "MINI-QC", "-o", "out/nam/hop-nhat.html"), ("redline", "MINI-QC", "-o", "out/r.html"),
                    ("export", "MINI-QC", "-o", "kept/x.html"), ("export", "MINI-QC", "-o", "full/moi/x.html")):
        result = invoke(ws, *command)
        assert result.exit_code == 1 and "the disk is full" in result.output, (command, result.output)
    monkeypatch.undo()
    assert not (root / "out").exists()  # out/ and out/nam/ both made by the command
    assert kept.is_dir() and not list(kept.iterdir())  # there before: stays, empty as it was
    assert sorted(p.name for p in (root / "full").iterdir()) == ["other.txt"]  # full/moi/ made, removed
    assert git_out(root, "status", "--porcelain", "-uall") == "?? full/other.txt\n"


def test_a_render_error_removes_the_folder_made_but_not_one_holding_a_file(tmp_path: Path) -> None:
    """A PDF renders into its temporary file (`write_atomic` given a function): a render error there left the folder
    made for it; a file written into it meanwhile (another command's) keeps it."""
    from regdraft.render.files import write_atomic

    def fails(path: Path) -> None:
        raise ValueError("render error")

    with pytest.raises(ValueError, match="render error"):
        write_atomic(tmp_path / "out" / "a" / "x.pdf", fails)
    assert list(tmp_path.iterdir()) == []

    def beside(path: Path) -> None:
        (path.parent.parent / "other.pdf").write_bytes(b"%PDF")
        raise ValueError("render error")

    with pytest.raises(ValueError, match="render error"):
        write_atomic(tmp_path / "out" / "a" / "x.pdf", beside)
    assert [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*"))] == ["out", "out/other.pdf"]


def test_a_file_that_cannot_be_changed_is_named(consulting_workspace: Workspace, invoke: Invoke,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    ws = consulting_workspace
    real = os.replace

    def immutable(src: Any, dst: Any, **kwargs: Any) -> None:  # `chattr +i` on the round's file
        if str(dst).endswith("rounds/1.yaml"):
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(src), None, str(dst))
        real(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", immutable)
    before = git_out(ws.root, "status", "--porcelain")
    result = invoke(ws, "round", "close", SLUG)
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert ("The write failed: regdraft could not write amendments/mini-sua/rounds/1.yaml, as it or its folder is "
            "protected against changes (Operation not permitted); the workspace is as it was.") in result.output
    assert git_out(ws.root, "status", "--porcelain") == before and not ws.journal.exists()


def test_a_file_git_is_told_to_skip_is_named_with_the_way_out(mini_workspace: Workspace) -> None:
    # `git commit -- PATH` leaves a skip-worktree file out and says "nothing to commit, working tree clean": the
    # refusal said so just after regdraft changed the file (r37 sweep BO F2).
    ws = mini_workspace
    relative = "regulations/MINI-QC.md"
    git_out(ws.root, "update-index", "--skip-worktree", relative)
    before = (ws.root / relative).read_bytes()
    head = git_out(ws.root, "rev-parse", "HEAD")
    with pytest.raises(StoreError) as refused:
        ws.commit({relative: before + b"\nThem.\n"}, "Edit")
    said = str(refused.value)
    assert "nothing to commit" not in said
    assert (f"git is set to ignore changes to {relative} (skip-worktree) in your folder, so it cannot record them; "
            f"the workspace is as it was. Undo that setting (`git update-index --no-skip-worktree {relative}`)") in said
    assert (ws.root / relative).read_bytes() == before and git_out(ws.root, "rev-parse", "HEAD") == head
    git_out(ws.root, "update-index", "--no-skip-worktree", relative)  # the way out the sentence gives
    ws.commit({relative: before + b"\nThem.\n"}, "Edit")
    assert git_out(ws.root, "rev-parse", "HEAD") != head
