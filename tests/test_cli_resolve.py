"""Conflict markers committed into a regulation: every command says so first, naming the
provision with both versions; `resolve` keeps one of them in one commit."""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke, needs_corpus

REGULATION = "regulations/01-QC-TU.md"
LINE = "b) Cụ thể hóa và tổ chức thực hiện các nghị quyết"


def _commit_markers(ws: Workspace, label: str = "1a2b3c4 (Sửa điểm b)") -> str:
    """Markers committed by mistake, the change on their second side. With a rebase's label (the default)
    that side is the commit it replayed, the drafter's own; with a merge's (`origin/main`), the remote's."""
    path = ws.root / REGULATION
    text = path.read_text(encoding="utf-8")
    start = text.index(LINE)
    end = text.index("\n", start)
    original = text[start:end]
    changed = original.replace("Cụ thể hóa", "Cụ thể hóa kịp thời")
    path.write_text(text[:start] + f"<<<<<<< HEAD\n{original}\n=======\n{changed}\n>>>>>>> {label}"
                    + text[end:], encoding="utf-8")
    subprocess.run(["git", "-C", str(ws.root), "commit", "-qam", "Commit a conflict by mistake"], check=True,
                   env={"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@b", "GIT_COMMITTER_NAME": "A",
                        "GIT_COMMITTER_EMAIL": "a@b", "PATH": "/usr/bin:/bin", "HOME": str(ws.root.parent)})
    return changed


def test_committed_markers_are_reported_with_the_provision_on_both_sides(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    _commit_markers(tmp_workspace)
    for args in (("check",), ("list",), ("show", "01-QC/TU", "d5.k1.b")):
        result = invoke(tmp_workspace, *args)
        assert result.exit_code == 1, result.output
        assert "Conflict markers (<<<<<<< ======= >>>>>>>) were committed" in result.output
        assert "not an article heading" not in result.output
        assert "điểm b khoản 1 Điều 5:" in result.output
        # Committed in a rebase: the replayed side (second) is yours, shown first.
        assert "Yours" in result.output
        row = next(line for line in result.output.splitlines() if "kịp thời" in line)
        assert row.index("Cụ thể hóa kịp thời") < row.index("│") < row.index("Cụ thể hóa và")
        assert f"regdraft resolve {REGULATION} --theirs" in result.output


def test_resolve_keeps_one_version_in_one_commit(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # `--ours` of markers committed in a rebase kept the remote's side (the first) while saying it kept yours.
    changed = _commit_markers(tmp_workspace)
    head = tmp_workspace.head()
    outside = invoke(tmp_workspace, "resolve", "amendments/qc-sua-doi-2025/amendment.md", "--ours")
    assert outside.exit_code == 1 and f"is not in conflict (files in conflict: {REGULATION})" in outside.output
    done = invoke(tmp_workspace, "resolve", REGULATION, "--ours")
    assert done.exit_code == 0, done.output
    text = (tmp_workspace.root / REGULATION).read_text(encoding="utf-8")
    assert changed in text and "<<<<<<<" not in text
    assert tmp_workspace.head() != head and tmp_workspace.uncommitted() == []
    assert invoke(tmp_workspace, "show", "01-QC/TU", "d5.k1.b").exit_code == 0


def test_markers_committed_in_a_merge_keep_the_first_side_as_yours(tmp_workspace: Workspace, invoke: Invoke) -> None:
    changed = _commit_markers(tmp_workspace, "origin/main")
    done = invoke(tmp_workspace, "resolve", REGULATION, "--ours")
    assert done.exit_code == 0, done.output
    text = (tmp_workspace.root / REGULATION).read_text(encoding="utf-8")
    assert changed not in text and LINE in text and "<<<<<<<" not in text


def test_a_conflict_spanning_two_provisions_names_both(tmp_workspace: Workspace, invoke: Invoke) -> None:
    path = tmp_workspace.root / REGULATION
    text = path.read_text(encoding="utf-8")
    start = text.index(LINE)
    end = text.index("\n", text.index("\nc) ", start) + 1)
    original = text[start:end]
    changed = original.replace("Cụ thể hóa", "Cụ thể hóa kịp thời").replace("\nc) ", "\nc) Kịp thời ")
    path.write_text(text[:start] + f"<<<<<<< HEAD\n{original}\n=======\n{changed}\n>>>>>>> 1a2b3c4"
                    + text[end:], encoding="utf-8")
    result = invoke(tmp_workspace, "check")
    assert result.exit_code == 1
    assert "điểm b khoản 1 Điều 5:" in result.output and "điểm c khoản 1 Điều 5:" in result.output
    assert "Conflict markers are left in it" in result.output


def test_the_store_refuses_to_commit_in_the_middle_of_a_rebase(tmp_workspace: Workspace) -> None:
    # The library refuses too (the review server and scripts call it without the CLI's check).
    import pytest

    from regdraft.core.errors import StoreError

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_workspace.root), "-c", "user.name=A", "-c", "user.email=a@b", *args],
                       check=True, capture_output=True)

    path = tmp_workspace.root / REGULATION
    original = path.read_text(encoding="utf-8")
    git("switch", "-q", "-c", "other")
    path.write_text(original.replace(LINE, LINE + " (bên kia)"), encoding="utf-8")
    git("commit", "-qam", "Theirs")
    git("switch", "-q", "main")
    path.write_text(original.replace(LINE, LINE + " (bên này)"), encoding="utf-8")
    git("commit", "-qam", "Mine")
    with pytest.raises(subprocess.CalledProcessError):
        git("rebase", "other")
    head = tmp_workspace.head()
    with pytest.raises(StoreError, match="A git rebase is unfinished"):
        tmp_workspace.commit({"amendments/note.md": b"x"}, "Write during the rebase")
    assert tmp_workspace.head() == head and not (tmp_workspace.root / "amendments/note.md").exists()


@needs_corpus
def test_a_conflict_in_luat_57_2024_names_the_lettered_instruction_and_the_article_kept_as_text(
        invoke: Invoke, tmp_path: Path) -> None:
    # A conflict inside sub-instruction c) of a group showed only the group heading, the same on both sides;
    # one in Điều 1 (amending another law, kept as text) was "the front matter or preamble".
    root = tmp_path / "ws"
    source = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023"
    for args in (("init", str(root)), ("import", str(source / "base-22-2023-QH15.txt")),
                 ("amend", "import", str(source / "amending-57-2024-QH15.txt"), "--slug", "l57")):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    path = root / "amendments" / "l57" / "amendment.md"
    text = path.read_text(encoding="utf-8")
    for needle, old, mine, theirs in (("có giá gói thầu không quá 300 triệu đồng", "300", "350", "400"),
                                      ("tỉnh có liên quan theo quy định của Chính phủ.”.", "Chính phủ.",
                                       "Chính phủ (B).", "Chính phủ (A).")):
        at = text.index(needle)
        start, end = text.rindex("\n", 0, at) + 1, text.index("\n", at)
        line = text[start:end]
        text = (text[:start] + f"<<<<<<< HEAD\n{line.replace(old, theirs)}\n=======\n{line.replace(old, mine)}\n"
                f">>>>>>> 1a2b3c4 (B)" + text[end:])
    path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "-c", "user.name=A", "-c", "user.email=a@b", "commit", "-qam", "markers"],
                   check=True)
    said = invoke(root, "check").output
    assert "điểm c khoản 7 Điều 4 (Sửa đổi, bổ sung điểm m khoản 1 như sau:):" in said
    row = next(line for line in said.splitlines() if "không quá 350" in line)
    assert row.index("350") < row.index("│") < row.index("400")  # yours (the replayed commit's) first
    assert "Điều 1. Sửa đổi, bổ sung một số điều của Luật Quy hoạch (lines" in said
    assert "front matter or preamble" not in said
