"""Sentences the office reads when a comment or a sync goes wrong: each said once, in the words of what happened."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result

from regdraft.core.comment_wording import WrongWording, _reads_as_the_part, _reads_as_the_provision
from regdraft.workspace import rounds
from regdraft.workspace.resolve import Conflict, ConflictedFile
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import REPO_ROOT, Invoke


def test_a_point_proposed_on_its_clause_is_explained_in_one_sentence() -> None:
    # It read "… the provision commented on: The proposed wording does not read as khoản 2 Điều 5: …".
    with pytest.raises(WrongWording) as refused:
        _reads_as_the_provision("a) Tổ chức thực hiện các nghị quyết.", "d5.k2", "vi")
    message = str(refused.value)
    assert message.startswith("The proposed wording begins “a) Tổ chức thực hiện các nghị quyết.”, which is not "
                              "khoản 2 Điều 5, the provision commented on: ")
    assert message.count("The proposed wording") == 1


def test_a_conflict_over_the_conference_vote_is_not_called_a_provision() -> None:
    vote = ConflictedFile("amendments/qc-sua-doi-2025/vote.yaml", "Changed by you and by the remote")
    said = Conflict("rebase", (vote,)).report()
    assert "you and a colleague recorded the conference vote differently" in said and "provisions" not in said
    text = ConflictedFile("regulations/01-QC-TU.md", "Changed by you and by the remote")
    assert "changed the same provisions" in Conflict("rebase", (vote, text)).report()


# -- a wording that goes on into another unit (r23 regression sweep, defects 3 and 4) -----------------------------

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
LEAD_IN = ("Lãnh đạo tổ chức thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV và các nghị quyết, chỉ "
           "thị, kết luận của Trung ương, cụ thể:")


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-03-15", (BODY,))
    return ws


def _add(invoke: Invoke, ws: Workspace, on: str, proposal: str) -> Result:
    return invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", on, "--text", "Thử.", "--proposal", proposal)


def test_comment_add_refuses_a_lead_in_wording_adding_a_point_naming_the_line(ws: Workspace, invoke: Invoke) -> None:
    # Recorded, it could never be accepted ("Điểm a khoản 1 Điều 4 appears twice").
    before = ws.resolve("HEAD").sha
    result = _add(invoke, ws, "d4.k1.intro", f"{LEAD_IN}\na) Một điểm mới;")
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert ("The proposed wording for đoạn mở đầu khoản 1 Điều 4 goes on with “a) Một điểm mới;”, another unit than "
            "đoạn mở đầu khoản 1 Điều 4") in said
    assert "comment on khoản 1 Điều 4 and write the wording for the whole of khoản 1 Điều 4." in said
    assert ws.resolve("HEAD").sha == before
    # Any labelled line after a part's own words is named (here a clause line after the lead-in of khoản 2 Điều 5).
    with pytest.raises(WrongWording) as refused:
        _reads_as_the_part("Thực hiện chế độ báo cáo:\n3. Một khoản mới.", "d5.k2.intro", "vi")
    assert refused.value.extra == "3. Một khoản mới."
    _reads_as_the_part("Thực hiện chế độ báo cáo định kỳ:", "d5.k2.intro", "vi")  # its own words: kept


def test_comment_add_names_the_added_line_of_a_point_and_of_a_title(ws: Workspace, invoke: Invoke) -> None:
    # The point's wording opened as điểm b, yet `comment add` said it began "b) …, which is not điểm b".
    point = " ".join(_add(invoke, ws, "d5.k2.b", "b) Nội dung mới;\nc) Một điểm thêm.").output.split())
    assert "The proposed wording for điểm b khoản 2 Điều 5 goes on with “c) Một điểm thêm.”" in point
    assert "which is not" not in point
    title = " ".join(_add(invoke, ws, "d7.title", "Nhiệm vụ của Tỉnh ủy viên\nĐiều 7a. Trách nhiệm nêu gương")
                     .output.split())
    assert "The proposed wording for tên Điều 7 goes on with “Điều 7a. Trách nhiệm nêu gương”" in title
    assert "comment on Điều 7" in title and "A title is one line" not in title
