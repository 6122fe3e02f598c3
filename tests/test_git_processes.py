"""How many git processes a command starts (issue 22, speed; docs/performance.md, round 36): each is 1-1.5 ms of
CPU and more of waiting, and the test suite ran 79,173 of them. Counted, never timed (`tests.counting.git_processes`);
what each cut leaves out is shown to be the same answer: the refusals it stood for still come."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import git  # imported before any count: GitPython's import runs `git version` twice, once a process
import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import REPO_ROOT, Invoke
from tests.counting import git_processes

REGULATION = "regulations/01-QC-TU.md"
SLUG = "qc-sua-doi-2025"


def _kinds(started: list[list[str]]) -> Counter[str]:
    return Counter(argv[0] for argv in started)


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def _edited(ws: Workspace) -> dict[str, bytes | None]:
    return {REGULATION: ws.read(REGULATION) + "\nMột dòng thêm.\n".encode()}


def test_init_in_a_new_folder_starts_four_gits(tmp_path: Path) -> None:
    # No index and no file yet: `git ls-files` (a submodule?) and `git status` (uncommitted work?) have nothing to
    # list. Was nine: init, config ×2, ls-files, symbolic-ref, status, add, commit, cat-file.
    with git_processes() as started:
        ws = init_workspace(tmp_path / "new", example_from=REPO_ROOT)
    assert [argv[0] for argv in started] == ["init", "config", "add", "commit"]
    assert _git(ws, "status", "--porcelain") == "" and _git(ws, "ls-files").count("\n") > 5


def test_init_over_work_already_there_still_asks_git(tmp_path: Path) -> None:
    # A repository with an index (or a file the write would replace) is asked, as before.
    folder = tmp_path / "existing"
    folder.mkdir()
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "regdraft.yaml").write_text("profile: org\n", encoding="utf-8")
    subprocess.run(["git", "add", "regdraft.yaml"], cwd=folder, check=True)
    (folder / "regdraft.yaml").unlink()  # staged, then gone from the folder: git's index still holds it
    with git_processes() as started, pytest.raises(StoreError, match="uncommitted changes to regdraft.yaml"):
        init_workspace(folder)
    assert "status" in _kinds(started)


def test_a_write_of_a_tracked_file_starts_three_gits(tmp_workspace: Workspace) -> None:
    # Opening (the settings), the uncommitted-work check and the commit. Was eight: the settings asked twice, `git
    # ls-files` for a submodule, `git symbolic-ref` and GitPython's `cat-file --batch-check` for HEAD, `git add`.
    ws = Workspace(tmp_workspace.root)  # opened anew, as each command opens it
    changes = _edited(ws)
    with git_processes() as started:
        sha = ws.commit(changes, "Edit")
    assert [argv[0] for argv in started] == ["config", "status", "commit"]
    assert _git(ws, "rev-parse", "HEAD").strip() == sha
    assert _git(ws, "show", f"HEAD:{REGULATION}").encode() == changes[REGULATION]
    assert _git(ws, "status", "--porcelain") == ""  # the index holds what was committed


def test_a_new_file_is_still_staged_with_git_add(tmp_workspace: Workspace) -> None:
    ws = Workspace(tmp_workspace.root)
    changes = {**_edited(ws), "amendments/new/notes.md": b"# Notes\n"}
    with git_processes() as started:
        ws.commit(changes, "Edit and add")
    adds = [argv for argv in started if argv[0] == "add"]
    assert len(adds) == 1 and adds[0][-1] == "amendments/new/notes.md" and REGULATION not in adds[0]
    assert set(_git(ws, "show", "--name-only", "--format=", "HEAD").split()) == set(changes)
    assert _git(ws, "status", "--porcelain") == ""


def test_a_deleted_file_is_recorded_without_git_add(tmp_workspace: Workspace) -> None:
    ws = Workspace(tmp_workspace.root)
    with git_processes() as started:
        ws.commit({"regulations/01-QC-TU-EN.md": None}, "Remove the English text")
    assert "add" not in _kinds(started)
    assert _git(ws, "show", "--name-status", "--format=", "HEAD").split() == ["D", "regulations/01-QC-TU-EN.md"]
    assert _git(ws, "status", "--porcelain") == ""


def test_settings_changed_after_opening_are_checked_again_on_write(tmp_workspace: Workspace) -> None:
    # The settings are asked of git once a command while the files they come from keep their bytes; a setting put
    # in .git/config after the workspace was opened is still refused before `git add` runs what it names.
    ws = Workspace(tmp_workspace.root)
    ws.git_options()
    config = ws.root / ".git" / "config"
    config.write_text(config.read_text(encoding="utf-8") + '[filter "x"]\n\tclean = touch ran\n', encoding="utf-8")
    with git_processes() as started, pytest.raises(StoreError, match="filter.x.clean"):
        ws.commit(_edited(ws), "Edit")
    assert _kinds(started)["config"] == 1 and "add" not in _kinds(started)
    assert not (ws.root / "ran").exists() and _git(ws, "status", "--porcelain") == ""


def test_a_detached_head_and_an_unborn_branch_are_still_refused(tmp_workspace: Workspace, tmp_path: Path) -> None:
    ws = Workspace(tmp_workspace.root)
    _git(ws, "checkout", "-q", "--detach")
    with pytest.raises(StoreError, match="detached"):
        ws.commit(_edited(ws), "Edit")
    unborn = tmp_path / "unborn"
    git.Repo.init(unborn, initial_branch="trunk")
    (unborn / "regdraft.yaml").write_text("profile: org\n", encoding="utf-8")
    with pytest.raises(StoreError, match="trunk in .* has no commits yet"):
        Workspace(unborn).commit({"regulations/.gitkeep": b""}, "First")


def test_a_history_from_the_first_commit_asks_no_diff_tree(tmp_workspace: Workspace) -> None:
    # A file added in the first commit (no parent) came from no rename: `git diff-tree` is not asked of it. A file
    # added later is (a rename made it there: `tests/test_late_moves.py`, `tests/test_moved_rounds_walks.py`).
    ws = Workspace(tmp_workspace.root)
    ws.git_options()
    with git_processes() as started:
        revisions = ws.log(REGULATION)
    assert [argv[0] for argv in started] == ["log"]
    assert [r.sha for r in revisions] == _git(ws, "log", "--format=%H", "--", REGULATION).split()
    ws.commit({"regulations/later.md": ws.read(REGULATION)}, "Add a copy")
    with git_processes() as started:
        ws.log("regulations/later.md")
    assert [argv[0] for argv in started] == ["log", "diff-tree"]


@pytest.mark.parametrize(("command", "most"), [
    (("list",), 1), (("show", "01-QC/TU", "d5.k2"), 1),  # were 2: `git ls-files`
    (("amend", "check", SLUG), 2),  # 1, and since r39 one `git diff` naming a comment file deleted by mistake
    (("log", "01-QC/TU", "--no-pager"), 2),  # was 4: the same, and a diff-tree of the first commit
    (("redline", SLUG, "--format", "html", "-o", "r.html"), 4),  # was 6: the same
    (("redline", SLUG, "--format", "html", "-o", "out/r.html"), 5),  # was 9: the settings asked again for `-o`
    (("amend", "status", SLUG, "submitted"), 3),  # was 8
    # 5 (the settings, two logs, a diff for a comment deleted by mistake, the adoption tags), and since r40 one git
    # log of the comment files' key lines (`dropped_keys.examine`): the first check only, none once HEAD is examined
    (("check",), 6),
])
def test_the_shipped_workspaces_commands_start_at_most(tmp_workspace: Workspace, invoke: Invoke,
                                                        command: tuple[str, ...], most: int) -> None:
    # benchmarks/bench_git_calls.py counts them in a process of their own, where GitPython's import adds two.
    # `r.html` beside the workspace, `out/r.html` in it (its `out/`, ignored)
    args = [str((tmp_workspace.root if "/" in a else tmp_workspace.root.parent) / a) if a.endswith(".html") else a
            for a in command]
    with git_processes() as started:
        result = invoke(tmp_workspace, *args)
    assert result.exit_code == 0, result.output
    assert len(started) <= most, [argv[0] for argv in started]


@pytest.mark.parametrize("index", ["2", "4", "split"])
def test_a_submodule_is_found_in_the_index_however_git_keeps_it(tmp_workspace: Workspace, invoke: Invoke,
                                                                 index: str) -> None:
    # A command opening the workspace reads git's index instead of asking `git ls-files` (one process a command);
    # a submodule recorded in it is refused as before, in every index version and in a split index (whose entries
    # are in another file: git lists them).
    ws = tmp_workspace
    if index == "split":
        _git(ws, "update-index", "--split-index")
    else:
        _git(ws, "update-index", "--index-version", index)
    _git(ws, "update-index", "--add", "--cacheinfo", f"160000,{_git(ws, 'rev-parse', 'HEAD').strip()},amendments/sub")
    with git_processes() as started:
        result = invoke(ws, "list")
    assert result.exit_code == 1 and "amendments/sub is another git repository nested" in result.output, result.output
    assert "ls-files" in _kinds(started)
    _git(ws, "update-index", "--force-remove", "amendments/sub")
    with git_processes() as started:
        assert invoke(ws, "list").exit_code == 0
    assert ("ls-files" in _kinds(started)) == (index == "split")


def test_a_second_check_of_the_same_head_starts_no_more_gits(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # `check` looks through the commits it has not yet looked through for comment keys an older regdraft dropped:
    # once, not at each run (tests/test_restore_dropped_keys.py shows what it finds).
    assert invoke(tmp_workspace, "check").exit_code == 0
    with git_processes() as started:
        assert invoke(tmp_workspace, "check").exit_code == 0
    assert len(started) <= 5 and not any(argv[0] == "log" and "-p" in argv for argv in started), started
