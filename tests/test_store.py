"""The git workspace: reading through git objects, all-or-nothing commits, identity, log."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.core.errors import NoWorkspace, StoreError
from regdraft.core.layout import regulation_filename
from regdraft.workspace.store import Workspace, init_workspace


def git(ws: Workspace | Path, *args: str) -> str:
    root = ws.root if isinstance(ws, Workspace) else ws
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def snapshot(ws: Workspace) -> tuple[str, str, str]:
    """HEAD, the index and the working tree status: what 'git exactly as it was' means."""
    return git(ws, "rev-parse", "HEAD"), git(ws, "ls-files", "-s"), git(ws, "status", "--porcelain", "-uall")


def test_init_creates_layout_and_one_commit_with_fallback_identity(empty_workspace: Workspace) -> None:
    ws = empty_workspace
    for folder in ("regulations", "amendments", "templates"):
        assert (ws.root / folder).is_dir()
    assert (ws.root / "regdraft.yaml").is_file()
    log = git(ws, "log", "--format=%an <%ae>|%s").splitlines()
    assert log == ["regdraft <regdraft@localhost>|Set up regdraft workspace"]
    assert git(ws, "status", "--porcelain") == ""


def test_user_identity_wins_over_the_fallback(empty_workspace: Workspace) -> None:
    ws = empty_workspace
    git(ws, "config", "user.name", "Nguyễn Văn A")
    git(ws, "config", "user.email", "a@example.org")
    ws.commit({"regulations/A.md": b"x\n"}, "Add A")
    assert git(ws, "log", "-1", "--format=%an <%ae>") == "Nguyễn Văn A <a@example.org>\n"


def test_configured_fallback_identity(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w")
    (ws.root / "regdraft.yaml").write_text("identity:\n  name: Văn phòng\n  email: vp@tinhuy.vn\n", encoding="utf-8")
    git(ws, "-c", "user.name=x", "-c", "user.email=x@y", "commit", "-qam", "settings")
    ws = Workspace(ws.root)
    ws.commit({"regulations/A.md": b"x\n"}, "Add A")
    assert git(ws, "log", "-1", "--format=%an <%ae>") == "Văn phòng <vp@tinhuy.vn>\n"


def test_init_in_an_existing_repository_keeps_its_history(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / "notes.txt").write_text("keep\n")
    git(root, "add", "notes.txt")
    git(root, "-c", "user.name=u", "-c", "user.email=u@x", "commit", "-qm", "first")
    (root / "draft.txt").write_text("uncommitted\n")
    ws = init_workspace(root)
    assert git(ws, "log", "--format=%s").splitlines() == ["Set up regdraft workspace", "first"]
    assert "?? draft.txt" in git(ws, "status", "--porcelain")


def test_init_twice_is_refused(empty_workspace: Workspace) -> None:
    with pytest.raises(StoreError, match="already a regdraft workspace"):
        init_workspace(empty_workspace.root)


def test_read_through_git_objects_keeps_the_final_newline(empty_workspace: Workspace) -> None:
    ws = empty_workspace
    ws.commit({"regulations/A.md": b"first\n\n"}, "Add A")
    first = git(ws, "rev-parse", "HEAD").strip()
    ws.commit({"regulations/A.md": b"second\n"}, "Change A")
    assert ws.read("regulations/A.md", first) == b"first\n\n"
    assert ws.read("regulations/A.md", "HEAD") == b"second\n"
    assert ws.read("regulations/A.md", "HEAD~1") == b"first\n\n"
    assert ws.read("regulations/A.md") == b"second\n"


def test_read_errors(empty_workspace: Workspace) -> None:
    ws = empty_workspace
    with pytest.raises(StoreError, match="does not exist in the workspace"):
        ws.read("regulations/none.md")
    with pytest.raises(StoreError, match="does not exist at revision HEAD"):
        ws.read("regulations/none.md", "HEAD")
    with pytest.raises(StoreError, match="There is no revision 'nope'"):
        ws.read("regdraft.yaml", "nope")
    with pytest.raises(StoreError, match="outside the workspace"):
        ws.read("../outside.md")


def test_commit_refuses_over_uncommitted_changes_and_names_them(empty_workspace: Workspace) -> None:
    ws = empty_workspace
    ws.commit({"regulations/Tờ trình.md": b"v1\n", "regulations/B.md": b"b\n"}, "Add")
    (ws.root / "regulations" / "Tờ trình.md").write_bytes(b"edited by hand\n")
    before = snapshot(ws)
    with pytest.raises(StoreError, match="uncommitted changes to regulations/Tờ trình.md"):
        ws.commit({"regulations/Tờ trình.md": b"v2\n", "regulations/B.md": b"b2\n"}, "Change")
    assert snapshot(ws) == before
    assert (ws.root / "regulations" / "B.md").read_bytes() == b"b\n"
    # other files' changes do not block a commit, and are left alone
    ws.commit({"regulations/B.md": b"b2\n"}, "Change B")
    assert (ws.root / "regulations" / "Tờ trình.md").read_bytes() == b"edited by hand\n"
    assert git(ws, "show", "--name-only", "--format=", "HEAD").split() == ["regulations/B.md"]


def test_untracked_target_counts_as_uncommitted(empty_workspace: Workspace) -> None:
    ws = empty_workspace
    (ws.root / "regulations" / "new.md").write_bytes(b"mine\n")
    with pytest.raises(StoreError, match="regulations/new.md"):
        ws.commit({"regulations/new.md": b"theirs\n"}, "Add")
    assert (ws.root / "regulations" / "new.md").read_bytes() == b"mine\n"


def test_commit_is_all_or_nothing(empty_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = empty_workspace
    ws.commit({"regulations/A.md": b"a\n"}, "Add A")
    before = snapshot(ws)
    # a hook-free failure: git refuses an empty commit message
    with pytest.raises(StoreError, match="the workspace is as it was"):
        ws.commit({"regulations/A.md": b"a2\n", "regulations/C.md": b"c\n"}, "")
    assert snapshot(ws) == before
    assert (ws.root / "regulations" / "A.md").read_bytes() == b"a\n"
    assert not (ws.root / "regulations" / "C.md").exists()


def test_commit_deletes_and_tags(empty_workspace: Workspace) -> None:
    ws = empty_workspace
    ws.commit({"regulations/A.md": b"a\n"}, "Add A")
    sha = ws.commit({"regulations/A.md": None}, "Remove A", tag="v1")
    assert not (ws.root / "regulations" / "A.md").exists()
    assert git(ws, "rev-parse", "v1^{commit}").strip() == sha
    with pytest.raises(StoreError, match="tag 'v1' already exists"):
        ws.commit({"regulations/B.md": b"b\n"}, "Add B", tag="v1")


def test_log_lists_commits_newest_first(empty_workspace: Workspace) -> None:
    ws = empty_workspace
    ws.commit({"regulations/A.md": b"a\n"}, "Add A")
    ws.commit({"regulations/A.md": b"a2\n"}, "Change A")
    entries = ws.log("regulations/A.md")
    assert [e.subject for e in entries] == ["Change A", "Add A"]
    assert entries[0].author == "regdraft" and len(entries[0].sha) == 40
    assert ws.log("regulations/none.md") == []


def test_find_and_locate(mini_workspace: Workspace, tmp_path: Path) -> None:
    ws = mini_workspace
    assert Workspace.find(ws.root / "regulations").root == ws.root
    assert ws.locate_regulation("MINI-QC") == "regulations/MINI-QC.md"
    assert ws.locate_regulation("MINI-QC.md") == "regulations/MINI-QC.md"
    assert ws.locate_regulation("regulations/MINI-QC.md") == "regulations/MINI-QC.md"
    with pytest.raises(StoreError, match=r"no regulation 'X' .*The only regulation is MINI-QC\."):
        ws.locate_regulation("X")
    outside = tmp_path / "outside"
    outside.mkdir()
    with pytest.raises(StoreError, match="not inside a regdraft workspace"):
        Workspace.find(outside)
    assert regulation_filename("01-QC/TU") == "01-QC-TU.md"


def test_workspace_without_git_is_reported(tmp_path: Path) -> None:
    (tmp_path / "regdraft.yaml").write_text("profile: party-36\n")
    with pytest.raises(StoreError, match="is not a git repository"):
        Workspace(tmp_path).log("x")


def test_broken_settings_are_reported(empty_workspace: Workspace) -> None:
    (empty_workspace.root / "regdraft.yaml").write_bytes(b"identity: [\n")
    with pytest.raises(StoreError, match="the workspace settings are not valid YAML"):
        Workspace(empty_workspace.root).config  # noqa: B018
    (empty_workspace.root / "regdraft.yaml").write_bytes(b"profile: S\xe8\n")  # b"\xff\xfe" is UTF-16, empty
    with pytest.raises(StoreError, match="regdraft.yaml:1: cannot read the workspace settings"):
        Workspace(empty_workspace.root).config  # noqa: B018


def test_the_workspace_around_a_path_is_found_as_find_finds_it(mini_workspace: Workspace, tmp_path: Path) -> None:
    from regdraft.workspace.roots import workspace_root

    inner = mini_workspace.root / "regulations"
    assert workspace_root(inner) == Workspace.find(inner).root == mini_workspace.root.resolve()
    assert workspace_root(mini_workspace.root / "out" / "not-yet") == mini_workspace.root.resolve()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    assert workspace_root(outside) is None
    with pytest.raises(NoWorkspace):
        Workspace.find(outside)
