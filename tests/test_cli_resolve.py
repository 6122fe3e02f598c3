"""Conflict markers committed into a regulation: every command says so first, naming the
provision with both versions; `resolve` keeps one of them in one commit."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, SHIPPED_AMENDMENT, Invoke, needs_corpus

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


def test_two_answers_to_one_comment_are_reported_as_answers(tmp_path: Path, invoke: Invoke) -> None:
    # Two clones of one office answering the same comment differently: the report flattened the YAML into prose
    # (`disposition: rejected reply: Không tiếp thu (A). created: '…'`) and spoke of "the same provisions".
    remote = tmp_path / "office.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    assert invoke(None, "init", "--example", str(tmp_path / "a"), "--remote", str(remote)).exit_code == 0
    assert invoke(None, "clone", str(remote), str(tmp_path / "b")).exit_code == 0
    a, b = tmp_path / "a", tmp_path / "b"
    for name, where in (("A", a), ("B", b)):
        for key, value in (("user.name", name), ("user.email", f"{name.lower()}@vptu.example")):
            subprocess.run(["git", "-C", str(where), "config", key, value], check=True)
    opened = invoke(a, "round", "open", SHIPPED_AMENDMENT, "--title", "Lấy ý kiến", "--due", "2025-03-15", "--yes",
                    "--consult", "Ban Tổ chức Tỉnh ủy")
    assert opened.exit_code == 0, opened.output
    added = invoke(a, "comment", "add", SHIPPED_AMENDMENT, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "Điều 4", "--text",
                   "Đề nghị bổ sung nhiệm vụ chuyển đổi số.")
    assert added.exit_code == 0, added.output
    found = re.search(r"Added comment (\w+)", added.output)
    assert found is not None
    comment = found.group(1)
    assert invoke(a, "sync").exit_code == 0 and invoke(b, "sync").exit_code == 0
    for where, disposition, reply in ((a, "rejected", "Không tiếp thu (A)."), (b, "partly", "Tiếp thu một phần, "
                                                                                          "bổ sung tại khoản 2 (B).")):
        answered = invoke(where, "comment", "respond", comment, "--disposition", disposition, "--reply", reply)
        assert answered.exit_code == 0, answered.output
    assert invoke(a, "sync").exit_code == 0

    stopped = invoke(b, "sync")
    assert stopped.exit_code == 1
    report = stopped.output
    path = f"amendments/{SHIPPED_AMENDMENT}/comments/{comment}.yaml"
    assert f"you and a colleague answered comment {comment} differently" in report
    assert "the same provisions" not in report
    assert f"  the answer to comment {comment} (by Ban Tổ chức Tỉnh ủy, on Điều 4):" in report
    assert "disposition:" not in report and "created:" not in report
    # Each side's answer as the comment report words it, B's own (yours) first.
    row = next(line for line in report.splitlines() if "Tiếp thu một phần" in line)
    assert row.index("Tiếp thu một phần") < row.index("│") < row.index("Không tiếp thu")
    assert "Giải trình: Không tiếp thu (A)." in report
    assert f"regdraft resolve {path} --ours" in report and f"regdraft resolve {path} --theirs" in report
    # Every command that reads says the same first.
    assert f"the answer to comment {comment}" in invoke(b, "check").output

    assert invoke(b, "resolve", path, "--theirs").exit_code == 0
    assert invoke(b, "sync", "--continue").exit_code == 0
    assert "Không tiếp thu (A)." in (b / path).read_text(encoding="utf-8")
