"""A proposal that would delete its provision's points when accepted is recorded (no member's comment is lost) with a
warning said while the member can still be asked: `comment add`, `comment import` (a sheet's row, a Word reply's
comment) and `check`. Before, nothing was said until the drafter accepted it and was refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.core.comments import Comment, CommentType
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import ONE_LINE_19, Invoke, luat_57_2024_copy, luat_57_2024_once, needs_corpus

SLUG = "luat-57-2024"
BODY = "Bộ Nội vụ"  # the body luat_57_2024's round consults
ONE_LINE = ONE_LINE_19
LOST = "points a, b, c of khoản 1 Điều 19 would be removed"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return luat_57_2024_once(tmp_path_factory, BODY)


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of the Luật 57/2024 workspace of its own for the test."""
    yield luat_57_2024_copy(built, tmp_path)


@needs_corpus
def test_comment_add_records_a_proposal_dropping_points_and_warns_at_its_file(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "khoản 1 Điều 19", "--text",
                    "Quy định số thành viên tối thiểu.", "--proposal", ONE_LINE)
    assert result.exit_code == 0, result.output
    (comment,) = rounds.load_comments(ws, SLUG)
    assert comment.proposal == ONE_LINE   # recorded as written
    warning = next(line for line in result.output.splitlines() if "warning:" in line)
    path = f"amendments/{SLUG}/comments/{comment.id}.yaml"
    line = next(n for n, text in enumerate(ws.path(path).read_text("utf-8").splitlines(), 1)
                if text.startswith("proposal:"))
    assert warning.startswith(f"{path}:{line}: warning: the proposal of comment {comment.id} by {BODY} for "
                              "khoản 1 Điều 19 does not begin with its label “1.”")
    assert LOST in warning
    # Under --json too; the clause written whole from its label warns of nothing.
    data = json.loads(invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d19.k1", "--text", "Như trên.",
                             "--proposal", ONE_LINE, "--json").stdout)
    assert LOST in data["warnings"][0]["message"] and data["warnings"][0]["warning"] is True
    whole = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d19.k1", "--text", "Viết đủ.",
                   "--proposal", "1. " + ONE_LINE + "\na) Chủ đầu tư thành lập;")
    assert whole.exit_code == 0 and "warning" not in whole.output


@needs_corpus
def test_check_warns_about_an_unanswered_proposal_that_drops_points(ws: Workspace, invoke: Invoke) -> None:
    comment = rounds.add_comment(ws, SLUG, BODY, "khoản 1 Điều 19", "Quy định số thành viên.", ONE_LINE)
    result = invoke(ws, "check")
    assert result.exit_code == 0, result.output
    assert f"amendments/{SLUG}/comments/{comment.id}.yaml" in result.output and LOST in result.output
    assert "No problems found (1 warning)." in result.output
    # Answered (here: not accepted), there is nothing left to ask.
    rounds.respond_comment(ws, comment.id, "rejected", "Giữ như dự thảo.", SLUG)
    assert LOST not in invoke(ws, "check").output


@needs_corpus
def test_a_sheet_row_dropping_points_is_imported_with_a_warning_at_its_row(ws: Workspace, invoke: Invoke,
                                                                          tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text,proposal\n"
                     f"{BODY},khoản 2 Điều 19,Nhất trí.,\n"
                     f"{BODY},khoản 1 Điều 19,Quy định số thành viên.,{ONE_LINE}\n", encoding="utf-8")
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    assert len(rounds.load_comments(ws, SLUG)) == 2
    (warning,) = [line for line in result.output.splitlines() if "warning:" in line]
    assert warning.startswith("gop-y.csv: row 3: warning: the proposal by Bộ Nội vụ for khoản 1 Điều 19") \
        and LOST in warning
    # Imported again, its rows were recorded before: nothing imported, nothing said again (`check` says it).
    again = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert again.exit_code == 0 and "warning" not in again.output


@needs_corpus
def test_a_word_replys_proposal_dropping_points_is_warned_at_its_word_comment(ws: Workspace) -> None:
    # The comments a Word reply makes, as `import_word_reply` has them after recording them (it writes a proposal on a
    # provision with points from its label, as the editor does: this is the warning it gives when one is not).
    from regdraft.workspace.replies import _losing

    draft = rounds.draft_text(ws, SLUG, rounds.find_round(ws, SLUG).revision)
    word = Comment("1a2b", 1, BODY, "d19.k1", CommentType.SUBSTANTIVE, "Quy định số thành viên.", ONE_LINE,
                   author="Nguyễn Văn An", selection="Tổ chuyên gia gồm các cá nhân")
    whole = Comment("3c4d", 1, BODY, "d19.k1", CommentType.EDITORIAL, "Sửa.", "1. " + ONE_LINE + "\na) Chủ đầu tư;")
    (warning,) = _losing([word, whole], {"": draft}, "tra-loi-bo-noi-vu.docx")
    assert str(warning).startswith("tra-loi-bo-noi-vu.docx: the Word comment of Nguyễn Văn An on “Tổ chuyên gia "
                                   "gồm các cá nhân”: warning: the proposal of comment 1a2b")
    assert LOST in warning.message
