"""A committed comment file renamed, the rename not committed (`git mv`, or a rename in a file manager), is no
deleted comment: it was called deleted, with a `git restore` that would have made a second copy of it (r40 sweep
CD F2). A comment moved to where it is read (its id's name in an amendment's comments folder) is read there; one
renamed to a name that breaks the comments folder's rule is named as renamed, with the rule and the way back."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.deleted_comments import deleted_comments
from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke

SLUG = SHIPPED_AMENDMENT
FOLDER = f"amendments/{SLUG}/comments"


@pytest.fixture
def recorded(circulating: Workspace) -> tuple[Workspace, str]:
    """The shipped workspace with one comment by Ban Tổ chức Tỉnh ủy on Điều 20a: the workspace and its id."""
    return circulating, rounds.add_comment(circulating, SLUG, "Ban Tổ chức Tỉnh ủy", "d20a", "Đề nghị làm rõ.").id


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def _said(output: str) -> str:
    return " ".join(output.split())


def test_a_git_mv_within_the_folder_is_named_as_a_rename_with_the_rule_and_the_way_back(
        recorded: tuple[Workspace, str], invoke: Invoke) -> None:
    ws, cid = recorded
    old, new = f"{FOLDER}/{cid}.yaml", f"{FOLDER}/{cid}-old.yaml"
    _git(ws, "mv", old, new)
    for command in (("check",), ("comment", "list", SLUG)):
        result = invoke(ws, *command)
        said = _said(result.output)
        assert result.exit_code == 1, result.output
        assert (f"{new}: comment {cid} by Ban Tổ chức Tỉnh ủy on d20a was renamed with `git mv` to {new}, the "
                f"rename not committed; but a comment's file is named by its id, `{cid}.yaml`") in said
        assert f"`git mv {new} {old}` puts it back" in said
        assert "deleted" not in said and "git restore" not in said
        assert "holds 'id:" not in said  # named once, as renamed, not again as a comment named otherwise
    _git(ws, "mv", new, old)
    assert invoke(ws, "check").output == "No problems found.\n"


def test_a_rename_outside_git_to_another_extension_says_how_to_put_it_back(recorded: tuple[Workspace, str],
                                                                            invoke: Invoke) -> None:
    ws, cid = recorded
    old, new = f"{FOLDER}/{cid}.yaml", f"{FOLDER}/{cid}.yml"
    (ws.root / old).rename(ws.root / new)
    result = invoke(ws, "check")
    said = _said(result.output)
    assert result.exit_code == 1
    assert f"was renamed outside git (its new name is untracked) to {new}" in said
    assert f"`mv {new} {old}` puts it back" in said and "deleted" not in said


def test_a_move_into_a_subfolder_names_the_folder_rule(recorded: tuple[Workspace, str], invoke: Invoke) -> None:
    ws, cid = recorded
    old, new = f"{FOLDER}/{cid}.yaml", f"{FOLDER}/cu/{cid}.yaml"
    (ws.root / FOLDER / "cu").mkdir()
    _git(ws, "mv", old, new)
    said = _said(invoke(ws, "check").output)
    assert f"a comment's file stays in its amendment's comments folder, {FOLDER}/, named by its id" in said
    assert f"`git mv {new} {old}` puts it back" in said


def test_a_comment_moved_into_another_amendment_is_named_not_dropped_from_its_report(
        recorded: tuple[Workspace, str], invoke: Invoke) -> None:
    """Moved with `git mv` into another amendment's comments folder, it was read there, and its own round's list and
    report went on without it, exit 0 (r41 sweep CK F3): it is named as renamed, with the way back, and its id stays
    taken."""
    ws, cid = recorded
    other = ws.root / "amendments" / "khac" / "comments"
    other.mkdir(parents=True)
    old, new = f"{FOLDER}/{cid}.yaml", f"amendments/khac/comments/{cid}.yaml"
    _git(ws, "mv", old, new)
    assert deleted_comments(ws, SLUG) == []  # not deleted: renamed
    for command in (("comment", "list", SLUG), ("round", "report", SLUG, "-o", "bc.html")):
        result = invoke(ws, *command)
        said = _said(result.output)
        assert result.exit_code == 1, result.output
        assert f"was renamed with `git mv` to {new}" in said and f"`git mv {new} {old}` puts it back" in said
    assert rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d20a", "Ý kiến khác.").id != cid


def test_a_renamed_file_that_does_not_read_is_still_found_by_its_id_line(recorded: tuple[Workspace, str],
                                                                          invoke: Invoke) -> None:
    ws, cid = recorded
    old, new = f"{FOLDER}/{cid}.yaml", f"{FOLDER}/{cid}.yaml.bak"
    data = (ws.root / old).read_bytes()
    (ws.root / old).unlink()
    (ws.root / new).write_bytes(b"<<<<<<< HEAD\n" + data + b"=======\n")
    said = _said(invoke(ws, "check").output)
    assert f"renamed outside git (its new name is untracked) to {new}" in said and "deleted" not in said
    assert Path(ws.root / new).exists()


def test_a_workspace_in_memory_lists_the_files_its_last_version_lacks() -> None:
    from regdraft.workspace.memory import memory_workspace

    ws = memory_workspace({"amendments/a/comments/x.yaml": b"id: x\n", "amendments/a/amendment.md": b""})
    assert ws.unrecorded("amendments") == {}
    ws.store.working["amendments/a/comments/x.yml"] = ws.store.working.pop("amendments/a/comments/x.yaml")
    assert ws.unrecorded("amendments") == {"amendments/a/comments/x.yml": False}


def test_a_link_holding_the_id_is_not_followed_nor_taken_for_the_renamed_comment(recorded: tuple[Workspace, str],
                                                                                  tmp_path: Path) -> None:
    """A file the last commit lacks is read for its `id:` line only when it is a plain file: a link to a file outside
    the workspace (which holds the id) is neither read nor taken for the comment renamed; the comment is deleted."""
    ws, cid = recorded
    outside = tmp_path / "outside.yaml"
    outside.write_text(f"id: {cid}\n", encoding="utf-8")
    (ws.root / FOLDER / f"{cid}.yaml").unlink()
    (ws.root / FOLDER / f"{cid}-link.yaml").symlink_to(outside)
    assert deleted_comments(ws, SLUG) == [f"{FOLDER}/{cid}.yaml"]


def test_a_folder_in_a_comment_files_place_is_said_once(recorded: tuple[Workspace, str], invoke: Invoke) -> None:
    """`comment list` printed the sentence twice ("Error: …" and the same line again, indented): the one problem of a
    refusal is its summary (r41 sweep CH F1)."""
    ws, _ = recorded
    (ws.root / FOLDER / "c999.yaml").mkdir()
    result = invoke(ws, "comment", "list", SLUG)
    assert result.exit_code == 1
    assert result.output.count("stands where this comment file should be") == 1, result.output
