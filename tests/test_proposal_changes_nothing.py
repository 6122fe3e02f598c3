"""A comment whose proposed wording is the provision's text in the draft it was made on is recorded whole and said
to change nothing: by `comment add`, a sheet's row, `check`, the review page (its test in tests/web), and a Word reply
whose tracked changes cancel out (a word deleted and the same word typed again). Before, the Word reply's changes
vanished without a word, and the other ways recorded the proposal as if it proposed something."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

CLAUSE = "Bảo đảm sự lãnh đạo tập trung, thống nhất của Ban Chấp hành Đảng bộ tỉnh."
SLUG = "qc-sua-doi-2025"  # the shipped amendment (`circulating`)
SAID = "is the text it already has in the draft it was made on: it changes nothing"


def test_comment_add_and_check_say_a_proposal_of_the_text_as_it_reads_changes_nothing(
        consulting_workspace: Workspace, invoke: Invoke) -> None:
    ws = consulting_workspace
    result = invoke(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "khoản 1 Điều 2", "--text",
                    "Giữ như dự thảo.", "--proposal", "1.  " + CLAUSE + " ")
    assert result.exit_code == 0, result.output
    (comment,) = rounds.load_comments(ws, "mini-sua")
    assert (comment.text, comment.proposal) == ("Giữ như dự thảo.", "1.  " + CLAUSE)  # recorded as written
    path = f"amendments/mini-sua/comments/{comment.id}.yaml"
    line = next(n for n, text in enumerate(ws.path(path).read_text("utf-8").splitlines(), 1)
                if text.startswith("proposal:"))
    assert f"{path}:{line}: warning: the proposal of comment {comment.id} by Ban A for khoản 1 Điều 2 {SAID}" \
        in result.output
    assert SAID in invoke(ws, "check").output
    # A wording that changes a word says nothing of the kind.
    changed = invoke(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d2.k1", "--text", "Sửa.",
                     "--proposal", CLAUSE.replace("tập trung", "tập trung dân chủ"))
    assert changed.exit_code == 0 and "warning" not in changed.output


def test_a_sheet_row_proposing_the_text_as_it_reads_is_imported_and_said_to_change_nothing(
        consulting_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text(f'by,on,text,proposal\nBan A,khoản 1 Điều 2,Giữ nguyên.,"{CLAUSE}"\n', encoding="utf-8")
    result = invoke(consulting_workspace, "comment", "import", "mini-sua", str(sheet))
    assert result.exit_code == 0, result.output
    assert len(rounds.load_comments(consulting_workspace, "mini-sua")) == 1
    assert f"gop-y.csv: row 2: warning: the proposal by Ban A for khoản 1 Điều 2 {SAID}" in result.output


def _reply(ws: Workspace, invoke: Invoke, tmp_path: Path, commented: bool) -> Result:
    """`comment import` of a reply in which Bình deletes "ba tháng" and types it again (and, when `commented`, An
    does the same with "định kỳ" and comments on it)."""
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    if commented:
        run = kit.isolate(kit.paragraph_with(document, "Thực hiện tiếp công dân định kỳ"), "định kỳ")
        kit.comment(document, run, "Xem lại cụm từ này.", "An")
        kit.track_replace(run, "định kỳ", "An")
    kit.track_replace(kit.isolate(kit.paragraph_with(document, "Thường lệ ba tháng một lần"), "ba tháng"),
                      "ba tháng", "Bình")
    return invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply.docx")),
                  "--by", "Ban Tổ chức Tỉnh ủy")


def test_a_word_reply_whose_tracked_changes_cancel_out_says_so_and_keeps_the_comment(
        circulating: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    result = _reply(circulating, invoke, tmp_path, commented=True)
    assert result.exit_code == 0, result.output
    (comment,) = rounds.load_comments(circulating, SLUG)
    assert (comment.on, comment.text, comment.proposal) == ("d9.k6", "Xem lại cụm từ này.", "")
    assert ("reply.docx: warning: Tracked changes by An on khoản 6 Điều 9 and by Bình on điểm a khoản 1 Điều 12 "
            "change nothing once accepted (the words they delete are inserted again as they were), so no wording "
            "is proposed there; the Word comment on khoản 6 Điều 9 is imported as written, without a proposal.") \
        in " ".join(result.output.split())


def test_a_word_reply_holding_only_changes_that_cancel_out_says_where_they_are(
        circulating: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    result = _reply(circulating, invoke, tmp_path, commented=False)
    assert result.exit_code == 1
    assert "Tracked changes by Bình on điểm a khoản 1 Điều 12 change nothing once accepted" in \
        " ".join(result.output.split())
