"""Nothing a workspace brings can have regdraft write into git's own folder or have git run a program it names
(r28 sweep AD, defect 1): a received workspace's repair journal wrote `.git/config.worktree` (a filter) and
`.gitattributes` (`* filter=x`), and the `git add` of `check --repair` ran the filter's program."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def git(where: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=where, check=True, capture_output=True, text=True).stdout


def _payload(ws: Workspace, marker: Path) -> str:
    """A filter's program kept in the git folder (where a received workspace may carry anything): the clean command
    that would run it, touching `marker`."""
    script = ws.root / ".git" / "regdraft" / "payload.sh"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(f"touch {marker}\ncat\n", encoding="utf-8")
    return f"sh {script}"


def _filter_config(clean: str) -> bytes:
    return f'[filter "x"]\n\tclean = {clean}\n\tsmudge = cat\n'.encode()


GIT_FOLDER_PATHS = [".git/config.worktree", ".git/config", ".GIT/config", ".Git/config.worktree", ".git./config",
                    ".git /config", ".git. . /config", "git~1/config", "GIT~1/config", ".g\u200cit/config",
                    ".\ufeffgit/config", "amendments/mini-sua/.git/config", "amendments/.git::$INDEX_ALLOCATION/x",
                    ".git\\config", "\uff0egit/config"]


@pytest.mark.parametrize("named", GIT_FOLDER_PATHS)
def test_a_journal_writing_into_git_s_folder_is_refused_whole_and_runs_nothing(
        consulting_workspace: Workspace, invoke: Invoke, tmp_path: Path, named: str) -> None:
    ws = consulting_workspace
    marker = tmp_path / "PWNED"
    git(ws.root, "config", "core.repositoryformatversion", "1")
    git(ws.root, "config", "extensions.worktreeConfig", "true")
    head = git(ws.root, "rev-parse", "HEAD").strip()
    changes = {named: _filter_config(_payload(ws, marker)), ".gitattributes": b"* filter=x\n"}
    ws.journal.path.write_text(json.dumps({
        "head": head, "branch": "refs/heads/main", "message": "Record comment", "tag": None, "author": None,
        "new_in": None, "changes": {p: base64.b64encode(b).decode() for p, b in changes.items()}}), encoding="utf-8")
    checked = invoke(ws, "check")
    assert "cannot be read" in checked.output and "--repair` to finish it" not in checked.output, checked.output
    repaired = invoke(ws, "check", "--repair")
    assert repaired.exit_code == 1 and str(ws.journal.path) in repaired.output, repaired.output
    assert f"it names {named!r}, inside git's own folder" in repaired.output.replace("\n", " ") or (
        f"it names {named!r}, outside the workspace" in repaired.output), repaired.output
    assert "Traceback" not in repaired.output
    assert not marker.exists()
    assert not (ws.root / ".git" / "config.worktree").exists() and not (ws.root / ".gitattributes").exists()
    assert git(ws.root, "rev-parse", "HEAD").strip() == head and ws.journal.exists()  # nothing changed
    assert git(ws.root, "status", "--porcelain") == ""


@pytest.mark.parametrize("where", ["folder", "file"])
def test_a_new_files_journal_naming_git_s_folder_removes_nothing(consulting_workspace: Workspace, invoke: Invoke,
                                                                where: str) -> None:
    ws = consulting_workspace
    folder = ".git/hooks" if where == "folder" else "amendments/mini-sua/comments"
    target = ws.root / (".git/hooks/post-commit" if where == "folder" else "amendments/mini-sua/comments/.GIT/x")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"git's own\n")
    head = git(ws.root, "rev-parse", "HEAD").strip()
    ws.journal.path.write_text(json.dumps({"head": head, "branch": "refs/heads/main", "message": "Import comments",
                                           "tag": None, "new_in": folder, "changes": {}}), encoding="utf-8")
    ws.journal.new_files.write_text(json.dumps([target.relative_to(ws.root).as_posix(),
                                                hashlib.sha256(b"git's own\n").hexdigest()]) + "\n", encoding="utf-8")
    repaired = invoke(ws, "check", "--repair")
    assert "cannot be read" in repaired.output and "inside git's own folder" in repaired.output, repaired.output
    assert target.read_bytes() == b"git's own\n"


@pytest.mark.parametrize("named", [p for p in GIT_FOLDER_PATHS if "\\" not in p and "::" not in p])
def test_no_write_of_regdraft_goes_into_git_s_folder(mini_workspace: Workspace, named: str) -> None:
    ws = mini_workspace
    head = git(ws.root, "rev-parse", "HEAD").strip()
    with pytest.raises(StoreError, match="inside git's own folder"):
        ws.commit({named: b"[core]\n", "regulations/x.md": b"x\n"}, "Write git's settings")
    assert git(ws.root, "rev-parse", "HEAD").strip() == head and not (ws.root / "regulations" / "x.md").exists()
    assert not ws.journal.exists()


@pytest.mark.parametrize("name", [".gitignore", ".github", "x.git", ".git-blame-ignore-revs", "git", ".gi", "a.git."])
def test_names_only_like_git_s_folder_are_kept(name: str) -> None:
    from regdraft.workspace.store_files import git_folder_part

    assert git_folder_part(f"amendments/{name}/x.md") is None


def test_settings_changed_since_the_workspace_was_opened_are_checked_before_git_stages(
        mini_workspace: Workspace, tmp_path: Path) -> None:
    # The check made when the workspace was opened saw the settings before a write; `git add` runs the filters of
    # the settings as they are when it runs. Settings that changed meanwhile are checked again first.
    ws = mini_workspace
    marker = tmp_path / "PWNED"
    head = git(ws.root, "rev-parse", "HEAD").strip()
    with (ws.root / ".git" / "config").open("ab") as config:
        config.write(_filter_config(_payload(ws, marker)))
    with pytest.raises(StoreError, match=r"filter\.x\.clean"):
        ws.commit({".gitattributes": b"* filter=x\n", "regulations/x.md": b"x\n"}, "Attributes")
    assert not marker.exists()
    assert not (ws.root / ".gitattributes").exists() and not (ws.root / "regulations" / "x.md").exists()
    assert git(ws.root, "rev-parse", "HEAD").strip() == head and not ws.journal.exists()
    with pytest.raises(StoreError, match=r"filter\.x\.clean"):
        ws.commit_new_files("amendments/mini-sua/comments", [("amendments/mini-sua/comments/a.yaml", b"a\n")], "C")
    assert not marker.exists() and not (ws.root / "amendments/mini-sua/comments/a.yaml").exists()


def test_worktree_settings_are_read_by_the_check(mini_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # `extensions.worktreeConfig` (which `git sparse-checkout` writes) makes git read `.git/config.worktree`: the
    # check reads it too, as git does.
    ws = mini_workspace
    marker = tmp_path / "PWNED"
    git(ws.root, "config", "extensions.worktreeConfig", "true")
    (ws.root / ".git" / "config.worktree").write_bytes(_filter_config(_payload(ws, marker)))
    (ws.root / ".gitattributes").write_text("* filter=x\n", encoding="utf-8")
    result = invoke(ws, "list")
    assert result.exit_code == 1 and "filter.x.clean" in result.output and "config.worktree" in result.output, \
        result.output
    assert not marker.exists()
