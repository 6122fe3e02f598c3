"""HEAD naming a ref git refuses by its name (r37 sweep BP F3): `ref: refs/heads/../../../../secret`,
`refs/heads/x..y`, `refs/heads/main.lock` and `refs/heads/ma:in` were read as an unborn branch, and every write said
"The branch ../../../../secret … has no commits yet; commit the workspace first"."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace.git_head import branch_named
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

REFUSED = {"refs/heads/../../../../secret": "two dots in a row", "refs/heads/x..y": "two dots in a row",
           "refs/heads/main.lock": "a part ending in “.lock”", "refs/heads/ma:in": "the character “:”",
           "refs/heads/a/.b": "a part beginning with a dot", "refs/heads/a.": "a dot at its end",
           "refs/heads/a@{1}": "“@{”", "refs/heads//a": "an empty part", "refs/heads/a b": "the character “ ”"}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_ref_git_refuses_is_no_branch(tmp_path: Path, name: str) -> None:
    (tmp_path / "HEAD").write_text(f"ref: {name}\n", encoding="utf-8")
    assert branch_named(tmp_path) is None


@pytest.mark.parametrize("name", ["refs/heads/main", "refs/heads/feature/x-1", "refs/heads/v1.2",
                                  "refs/heads/a.lockb", "refs/heads/dự-thảo"])
def test_a_ref_git_accepts_is_the_branch(tmp_path: Path, name: str) -> None:
    (tmp_path / "HEAD").write_text(f"ref: {name}\n", encoding="utf-8")
    assert branch_named(tmp_path) == name


def test_a_write_names_what_is_wrong_with_heads_branch_and_changes_nothing(mini_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    head = mini_workspace.root / ".git" / "HEAD"
    for name, problem in REFUSED.items():
        head.write_text(f"ref: {name}\n", encoding="utf-8")
        with pytest.raises(StoreError) as raised:
            Workspace(mini_workspace.root).commit({"regulations/x.md": b"x\n"}, "Edit")
        said = str(raised.value)
        assert f"names {name}, which is no branch git can have (its name has {problem})" in said, said
        assert "no commits yet" not in said and "`git switch main`" in said
        assert not (mini_workspace.root / "regulations" / "x.md").exists()
    head.write_text("ref: refs/heads/../../../../secret\n", encoding="utf-8")
    for args in (("amend", "new", "x", "--regulation", "MINI-QC"), ("sync",)):
        result = invoke(mini_workspace, *args)
        assert result.exit_code == 1, result.output
        assert "which is no branch git can have (its name has two dots in a row)" in result.output, result.output
    assert not (mini_workspace.root / "amendments" / "x").exists()
    # What the message says to do, done: the workspace writes again.
    subprocess.run(["git", "switch", "-q", "main"], cwd=mini_workspace.root, check=True, capture_output=True)
    assert invoke(mini_workspace, "amend", "new", "x", "--regulation", "MINI-QC").exit_code == 0


def test_a_loop_of_symbolic_refs_is_named_as_one_and_nothing_is_written(mini_workspace: Workspace,
                                                                        invoke: Invoke) -> None:
    # r38 sweep BS F2: `refs/heads/main` saying `ref: refs/heads/other`, which says `ref: refs/heads/main`, was taken
    # for a branch with no commits: "The branch main … has no commits yet; commit the workspace first".
    root = mini_workspace.root
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, check=True, capture_output=True,
                            text=True).stdout.strip()
    before = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout
    refs = root / ".git" / "refs" / "heads"
    (refs / "main").write_text("ref: refs/heads/other\n", encoding="utf-8")
    (refs / "other").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert "its ref is a loop of symbolic references" in invoke(mini_workspace, "sync").output  # before any fetch
    result = invoke(mini_workspace, "amend", "new", "x", "--regulation", "MINI-QC")
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "no commits yet" not in said
    assert ("its ref is a loop of symbolic references (.git/refs/heads/main says `ref: refs/heads/other`, "
            ".git/refs/heads/other says `ref: refs/heads/main`)") in said, said
    assert f"`git update-ref --no-deref refs/heads/main {commit}`, the commit its reflog names last" in said
    assert "(`rm .git/refs/heads/other`)" in said and "nothing was changed" in said
    assert not (root / "amendments" / "x").exists()
    assert (refs / "main").read_text(encoding="utf-8") == "ref: refs/heads/other\n"
    # r39 sweep BX F4: `log` printed nothing and exited 0, as if the regulation had no history.
    logged = invoke(mini_workspace, "log", "MINI-QC")
    assert logged.exit_code == 1 and "its ref is a loop of symbolic references" in logged.output, logged.output
    # What the message says to do, done: the workspace writes again.
    subprocess.run(["git", "update-ref", "--no-deref", "refs/heads/main", commit], cwd=root, check=True)
    (refs / "other").unlink()
    assert subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout == before
    assert invoke(mini_workspace, "amend", "new", "x", "--regulation", "MINI-QC").exit_code == 0


def test_a_chain_of_symbolic_refs_deeper_than_git_follows_is_named(tmp_path: Path) -> None:
    from regdraft.workspace.git_head import refuse_symbolic_loop

    refs = tmp_path / "refs" / "heads"
    refs.mkdir(parents=True)
    chain = ["main", "a", "b", "c", "d"]
    for name, target in zip(chain, chain[1:], strict=False):
        (refs / name).write_text(f"ref: refs/heads/{target}\n", encoding="utf-8")
    (refs / "d").write_text("0" * 39 + "1\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"a chain of more symbolic references than git follows \(5, HEAD's"):
        refuse_symbolic_loop(tmp_path, tmp_path, tmp_path, "refs/heads/main")
    refuse_symbolic_loop(tmp_path, tmp_path, tmp_path, "refs/heads/a")  # git follows three to a commit
    (refs / "d").unlink()
    refuse_symbolic_loop(tmp_path, tmp_path, tmp_path, "refs/heads/a")  # a branch with no commits yet
