"""Wording accepted from a comment before accepting escaped it is named by `amend check` and `regdraft check`
(escape32).

Accepting a proposal writes `2\\*3\\*4` since wording30 (`typed_wording`); one accepted before stands in the amending
document as typed, `2*3*4`, and the HTML redline printed `2<em>3</em>4` without a word. Both checks now warn at the
amending document's line, naming the provision, the comment and the escaped wording to write; nothing is rewritten.
"""

from __future__ import annotations

from regdraft.core.amend.accepted_markdown import unmeant_markdown
from regdraft.core.amend.document import load_amendment
from regdraft.core.comments import Comment, CommentType
from regdraft.core.layout import amendment_path
from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke

BODY = "Ban Tổ chức Tỉnh ủy"
PATH = amendment_path(SLUG)


def _accepted_before_escaping(ws: Workspace) -> tuple[Comment, str]:
    """A proposal holding `*hai*` and `2*3*4` accepted, its wording then written back as typed, as accepting wrote it
    before wording30: the amending document's text."""
    rounds.open_round(ws, SLUG, "Lấy ý kiến", "2030-07-15", [BODY])
    anchor = rounds.add_comment(ws, SLUG, BODY, "d12.k1.a", "Đề nghị sửa.", proposal="a) x").anchor
    typed = "a) " + anchor.replace("ba tháng", "*hai* tháng").replace("năm sau;", "năm sau 2*3*4;")
    comment = rounds.add_comment(ws, SLUG, BODY, "d12.k1.a", "Đề nghị hai tháng.", proposal=typed)
    accepted = accept_proposal(ws, SLUG, comment.id).comment
    text = ws.read(PATH).decode("utf-8")
    assert "\\*hai\\*" in text
    ws.commit({PATH: text.replace("\\*", "*").encode("utf-8")}, "The wording as accepted before escaping")
    return accepted, text.replace("\\*", "*")


def test_wording_accepted_as_typed_is_named_with_its_line_and_how_to_write_it(tmp_workspace: Workspace,
                                                                              invoke: Invoke) -> None:
    ws = tmp_workspace
    comment, text = _accepted_before_escaping(ws)
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "*hai* tháng" in row)
    said = invoke(ws, "amend", "check", SLUG)
    assert said.exit_code == 0, said.output
    warning = next(w for w in said.output.split("\n") if "warning: " in w and comment.id in w)
    assert f"{PATH}:{line}: điểm a khoản 1 Điều 12: the wording accepted from comment {comment.id} ({BODY})" in warning
    assert "its `*` reads as emphasis" in warning and "prints «Thường lệ hai tháng" in warning
    assert "Write it «Thường lệ \\*hai\\* tháng một lần;" in warning and "năm sau 2\\*3\\*4;»" in warning
    checked = invoke(ws, "check")
    assert f"{PATH}:{line}: warning: điểm a khoản 1 Điều 12: the wording accepted from comment {comment.id}" \
        in checked.output
    assert ws.read(PATH).decode("utf-8") == text  # nothing rewritten
    # Written as the warning says, it prints as typed and is said no more.
    ws.commit({PATH: text.replace("*hai*", "\\*hai\\*").replace("2*3*4", "2\\*3\\*4").encode("utf-8")}, "Escaped")
    assert comment.id not in invoke(ws, "amend", "check", SLUG).output
    assert comment.id not in invoke(ws, "check").output


def test_words_an_instruction_takes_from_the_wording_are_named_and_lines_read_as_typed_are_not() -> None:
    text = ("---\nnumber: null\ntype: Quy chế\ntitle: Quy chế sửa đổi\nregulation: 01-QC/TU\nlanguage: vi\n"
            "status: draft\ndraft: 1\nsigned: null\neffective: null\n---\n\n"
            "## Điều 1. Sửa đổi, bổ sung một số điều\n\n"
        "1\\. Thay thế cụm từ “ba tháng” bằng cụm từ “*hai* tháng” tại điểm a khoản 1 Điều 12.\n\n"
        "2\\. Sửa đổi, bổ sung khoản 2 Điều 12 như sau:\n\n“2. Hội nghị năm_sau (*) họp.”\n")
    amendment = load_amendment(text, "amendments/a/amendment.md", "a")
    def made(id: str, on: str, proposal: str, accepted_in: str = "") -> Comment:
        return Comment(id, 1, BODY, on, CommentType.SUBSTANTIVE, "Đề nghị.", proposal, accepted_in=accepted_in)

    words = made("c1", "d12.k1.a", "a) Thường lệ *hai* tháng một lần;", "abc1")
    as_typed = made("c2", "d12.k2", "2. Hội nghị năm_sau (*) họp.", "abc2")
    open_one = made("c3", "d12.k1.a", "a) Thường lệ *hai* tháng một lần;")
    (warning,) = unmeant_markdown(amendment, text, [words, as_typed, open_one])
    assert warning.warning and warning.source == "amendments/a/amendment.md"
    assert text.split("\n")[warning.line - 1].startswith("1\\. Thay thế cụm từ “ba tháng”")
    assert "comment c1" in warning.message and "Write it «\\*hai\\* tháng»" in warning.message
