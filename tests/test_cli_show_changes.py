"""`show REG ADDRESS --changes`: a provision as the pending amendment would make it, its words marked.

On a terminal the deletions are red and the insertions green; with NO_COLOR, into a pipe or a
file, the marks are git's word-diff markers `[-…-]{+…+}` in plain text. The real example
amendment (qc-sua-doi-2025, draft 2) is the measure; nothing is written.
"""

from __future__ import annotations

import json
import subprocess

from regdraft.core.word_diff import DiffSegment, Op, new_side, old_side
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke
from tests.test_cli_terminal import ESC, on_pipe, on_terminal

RED, GREEN = f"{ESC}31m", f"{ESC}32m"


def _status(ws: Workspace) -> str:
    return subprocess.run(["git", "-C", str(ws.root), "status", "--porcelain"], check=True, capture_output=True,
                          text=True).stdout


def test_words_replaced_are_marked_in_a_pipe(tmp_workspace: Workspace) -> None:
    out = on_pipe(tmp_workspace, "show", "01-QC/TU", "d3.k1", "--changes")
    assert out.startswith("khoản 1 Điều 3  (Chương I › Điều 3)\n"
                          f"As amendment {SHIPPED_AMENDMENT}, draft 2 would make it:\n\n1. Ban Chấp hành")
    # "Thay thế cụm từ ... khóa XII ..." deletes the words; the rest of the clause is as it was.
    assert "của Ban Chấp hành Trung ương Đảng[- khóa XII-], Bộ Chính trị" in out
    assert ESC not in out and "{+" not in out and _status(tmp_workspace) == ""


def test_marks_are_coloured_on_a_terminal_and_plain_with_no_color(tmp_workspace: Workspace) -> None:
    coloured = on_terminal(tmp_workspace, "show", "01-QC/TU", "d10.k3", "--changes", "--no-pager")
    assert RED in coloured and GREEN in coloured
    deleted = coloured[coloured.index(RED):]
    assert deleted.index("Trực tiếp làm Trưởng Ban Bảo vệ") < deleted.index(GREEN) < deleted.index("(được bãi bỏ)")
    plain = on_terminal(tmp_workspace, "show", "01-QC/TU", "d10.k3", "--changes", "--no-pager", NO_COLOR="1")
    assert ESC not in plain
    assert "3. [-Trực tiếp làm Trưởng Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh;" in plain
    assert "quản lý.-]{+(được bãi bỏ)+}" in plain


def test_an_inserted_provision_is_all_insertion(tmp_workspace: Workspace) -> None:
    out = on_pipe(tmp_workspace, "show", "01-QC/TU", "d6.k4a", "--changes")
    assert "\n{+4a. Chỉ đạo việc xây dựng, vận hành" in out and out.rstrip().endswith("cơ quan đảng tỉnh.+}")
    assert "[-" not in out


def test_json_holds_both_texts_and_the_diff_between(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "show", "01-QC/TU", "d5.k2", "--changes", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["amendment"], data["draft"], data["address"], data["changed"]) == (SHIPPED_AMENDMENT, 2, "d5.k2", True)
    segments = [DiffSegment(Op(s["op"]), s["text"]) for s in data["segments"]]
    assert old_side(segments) == data["old"] and new_side(segments) == data["new"]
    assert "c) Báo cáo kịp thời Bộ Chính trị" in data["new"] and "c) Báo cáo kịp thời" not in data["old"]
    # The new side is the provision of the amended text, as `amend preview` writes it.
    preview = invoke(tmp_workspace, "amend", "preview", SHIPPED_AMENDMENT).stdout
    assert "c) Báo cáo kịp thời Bộ Chính trị, Ban Bí thư những vấn đề đột xuất" in preview
    assert _status(tmp_workspace) == ""


def test_an_unchanged_provision_says_so(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "show", "01-QC/TU", "d1", "--amendment", SHIPPED_AMENDMENT)
    assert result.exit_code == 0
    assert f"Unchanged by amendment {SHIPPED_AMENDMENT}, draft 2:" in result.stdout
    assert "[-" not in result.stdout and "{+" not in result.stdout and "Điều 1. Phạm vi điều chỉnh" in result.stdout


def test_bad_usage(tmp_workspace: Workspace, invoke: Invoke) -> None:
    missing = invoke(tmp_workspace, "show", "01-QC/TU", "d99", "--changes")
    assert missing.exit_code == 2 and "did you mean Điều 31 (d31)?" in missing.stderr
    with_revision = invoke(tmp_workspace, "show", "01-QC/TU", "d5.k2", "--changes", "--at", "HEAD")
    assert with_revision.exit_code == 2 and "leave out --at and --as-of" in with_revision.stderr
    unknown = invoke(tmp_workspace, "show", "01-QC/TU", "d5.k2", "--amendment", "nope")
    assert unknown.exit_code == 2 and "There is no amendment 'nope'" in unknown.stderr
    english = invoke(tmp_workspace, "show", "01-QC/TU-EN", "d5.k2", "--amendment", SHIPPED_AMENDMENT)
    assert english.exit_code == 2 and "not 01-QC/TU-EN; choose an amendment to 01-QC/TU-EN" in english.stderr


def test_two_pending_amendments_are_not_guessed_between(tmp_workspace: Workspace, invoke: Invoke) -> None:
    assert invoke(tmp_workspace, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU").exit_code == 0
    result = invoke(tmp_workspace, "show", "01-QC/TU", "d5.k2", "--changes")
    assert result.exit_code == 2 and "2 amendments to 01-QC/TU are pending" in result.stderr
    assert "--amendment SLUG" in result.stderr
