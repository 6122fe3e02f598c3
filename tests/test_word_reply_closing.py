"""Word replies on a lead-in (đoạn mở đầu) or a closing text (đoạn cuối, the paragraph after a clause's points):
a Word comment or tracked change made entirely inside one lands on that part (`d42.k3.end`, `d21.k2.intro`), as
inside a dash item it lands on the item, while a comment spanning the lead-in and a point stays on the unit; a
proposal on the closing text accepted by the office replaces the closing text alone (`comment import FILE.docx`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.rounds import draft_text
from regdraft.workspace.store import Workspace, init_workspace
from tests import word_reply_kit as kit
from tests.conftest import SHARED, SHIPPED_AMENDMENT, Invoke, needs_corpus, standing_for_a_draft

BODY = "Ban Tổ chức Tỉnh ủy"
# Khoản 2 Điều 21 of the shipped regulation, left as it is by the amendment: a lead-in, points a to đ and a
# closing text.
LEAD_IN_21 = ("Ủy viên Ban Thường vụ, Tỉnh ủy viên thực hiện kiểm tra, giám sát theo phân công, tập trung vào các "
              "nội dung:")
POINT_A_21 = "a) Việc chấp hành Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết, chỉ thị của Đảng;"
POINT_DD_21 = "đ) Việc giữ gìn phẩm chất đạo đức, lối sống và thực hiện trách nhiệm nêu gương."
CLOSING_21 = "Kết quả kiểm tra, giám sát được báo cáo Ban Thường vụ Tỉnh ủy."
# Khoản 4 Điều 7: a lead-in and three dash items, no points.
LEAD_IN_7 = "Tỉnh ủy viên có trách nhiệm nêu gương về:"
# Khoản 3 Điều 42 of Luật Đấu thầu 22/2023 as Luật 57/2024 rewrites it: a lead-in, points a to đ, a closing text.
LEAD_IN_42 = ("Đối với gói thầu quy định tại khoản 2 Điều này, các thủ tục được thực hiện trước khi dự án được phê "
              "duyệt hoặc trước khi ký kết điều ước quốc tế, thỏa thuận vay nước ngoài bao gồm:")
CLOSING_42 = ("Việc ký kết hợp đồng chỉ được thực hiện sau khi dự án được phê duyệt đầu tư; đối với gói thầu thuộc dự "
              "án sử dụng vốn ODA, vốn vay ưu đãi nước ngoài, việc ký kết hợp đồng có thể thực hiện trước khi ký "
              "kết điều ước quốc tế, thỏa thuận vay nước ngoài theo quy định của nhà tài trợ nước ngoài nhưng phải "
              "sau khi dự án được phê duyệt đầu tư.")


def _round_copy(invoke: Invoke, ws: Workspace | Path, slug: str, out: Path) -> Path:
    return kit.round_copy(invoke, ws, slug, out, BODY)


def _imported(invoke: Invoke, ws: Workspace, slug: str, reply: Path) -> dict[str, dict[str, Any]]:
    """Import a reply; the comments written, by their text."""
    result = invoke(ws, "comment", "import", slug, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    files = [yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in (ws.root / "amendments" / slug / "comments").glob("*.yaml")]
    return {c["text"]: c for c in files}


def _comment(document: Any, paragraph: str, needle: str, said: str) -> None:
    kit.comment(document, kit.isolate(kit.paragraph_with(document, paragraph), needle), said, "Nguyễn Văn An")


def _across(document: Any, first: str, last: str, said: str) -> None:
    start, end = kit.paragraph_with(document, first), kit.paragraph_with(document, last)
    kit.comment(document, start.runs[0], said, "Nguyễn Văn An", end.runs[-1])


@pytest.fixture
def shipped(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> tuple[Workspace, Path]:
    """The shipped workspace in round 1, and its review copy."""
    return tmp_workspace, _round_copy(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "copy.docx")


def test_word_comments_inside_a_closing_text_or_a_lead_in_are_on_that_part(
        shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    # The comment on the closing text landed on the whole khoản 2 Điều 21, anchored on its lead-in and points too.
    ws, copy = shipped
    document = kit.open_docx(copy)
    _comment(document, CLOSING_21, "báo cáo Ban Thường vụ", "Đề nghị báo cáo cả Ban Chấp hành.")
    _comment(document, LEAD_IN_21, "theo phân công", "Ai phân công?")
    _comment(document, LEAD_IN_7, "nêu gương", "Nêu gương ở đâu?")  # a lead-in before dash items
    _across(document, LEAD_IN_21, POINT_A_21, "Từ đoạn mở đầu đến điểm a.")
    _across(document, POINT_DD_21, CLOSING_21, "Từ điểm đ đến đoạn cuối.")
    comments = _imported(invoke, ws, SHIPPED_AMENDMENT, kit.save(document, tmp_path / "reply.docx"))
    closing = comments["Đề nghị báo cáo cả Ban Chấp hành."]
    assert (closing["provision"], closing["anchor"], closing["selection"]) == (
        "d21.k2.end", CLOSING_21, "báo cáo Ban Thường vụ")
    lead_in = comments["Ai phân công?"]
    assert (lead_in["provision"], lead_in["anchor"]) == ("d21.k2.intro", LEAD_IN_21)
    assert comments["Nêu gương ở đâu?"]["provision"] == "d7.k4.intro"
    assert comments["Nêu gương ở đâu?"]["anchor"] == LEAD_IN_7
    # Words of two parts, or of a part and a point, are on the unit that holds them.
    assert comments["Từ đoạn mở đầu đến điểm a."]["provision"] == "d21.k2"
    assert comments["Từ điểm đ đến đoạn cuối."]["provision"] == "d21.k2"
    listed = invoke(ws, "comment", "list", SHIPPED_AMENDMENT)
    assert listed.exit_code == 0, listed.output
    assert "d21.k2.end" in listed.output and "d21.k2.intro" in listed.output


def _tracked(shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path, paragraph: str, old: str,
             new: str) -> dict[str, Any]:
    """The one comment a reply makes of Lê Văn Cường's tracked change of `old` to `new` in `paragraph` of the copy."""
    ws, copy = shipped
    document = kit.open_docx(copy)
    kit.track_replace(kit.isolate(kit.paragraph_with(document, paragraph), old), new, "Lê Văn Cường")
    (change,) = _imported(invoke, ws, SHIPPED_AMENDMENT, kit.save(document, tmp_path / "reply.docx")).values()
    return change


def test_a_tracked_change_in_a_closing_text_is_a_proposal_the_office_accepts_on_it_alone(
        shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    # It was a proposal on the whole clause, which accepting refused: "has a closing text after its points".
    ws, _ = shipped
    before = draft_text(ws, SHIPPED_AMENDMENT).find("d21.k2").unit
    change = _tracked(shipped, invoke, tmp_path, CLOSING_21, "Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh")
    proposed = "Kết quả kiểm tra, giám sát được báo cáo Ban Chấp hành Đảng bộ tỉnh."
    assert (change["provision"], change["anchor"], change["proposal"]) == ("d21.k2.end", CLOSING_21, proposed)
    assert change["author"] == "Lê Văn Cường" and change["type"] == "editorial"
    assert accept_proposal(ws, SHIPPED_AMENDMENT, change["id"]).commit  # the review server's Accept button
    after = draft_text(ws, SHIPPED_AMENDMENT).find("d21.k2").unit
    assert after.closing == (proposed,)
    assert (after.text, after.children) == (before.text, before.children)


def test_a_tracked_change_in_a_lead_in_is_a_proposal_on_it_which_keeps_the_points(
        shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    ws, _ = shipped
    before = draft_text(ws, SHIPPED_AMENDMENT).find("d21.k2").unit
    change = _tracked(shipped, invoke, tmp_path, LEAD_IN_21, "theo phân công", "theo phân công của Ban Thường vụ")
    proposed = LEAD_IN_21.replace("theo phân công", "theo phân công của Ban Thường vụ")
    assert (change["provision"], change["anchor"], change["proposal"]) == ("d21.k2.intro", LEAD_IN_21, proposed)
    assert accept_proposal(ws, SHIPPED_AMENDMENT, change["id"]).commit
    after = draft_text(ws, SHIPPED_AMENDMENT).find("d21.k2").unit
    assert after.text == (proposed,)
    assert (after.children, after.closing) == (before.children, before.closing)


@needs_corpus
def test_luat_57_2024_a_comment_and_a_change_in_the_closing_text_of_khoan_3_dieu_42(
        invoke: Invoke, tmp_path: Path) -> None:
    # The tester's reply: a comment on "phải sau khi dự án được phê duyệt đầu tư" was recorded on d42.k3, anchored
    # on the lead-in, the five points and the closing text.
    folder = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023"
    ws = init_workspace(tmp_path / "ws")
    for args in (("import", str(folder / "base-22-2023-QH15.txt")),
                 ("amend", "import", str(folder / "amending-57-2024-QH15.txt"), "--slug", "l57"),
                 ("amend", "status", "l57", "--draft", "1")):
        result = invoke(ws, *args)
        assert result.exit_code == 0, result.output
    copy = _round_copy(invoke, ws, "l57", tmp_path / "copy.docx")
    document = kit.open_docx(copy)
    _comment(document, CLOSING_42, "phải sau khi dự án được phê duyệt đầu tư", "Cần làm rõ thời điểm ký hợp đồng.")
    _comment(document, LEAD_IN_42, "các thủ tục được thực hiện", "Đề nghị liệt kê đủ các thủ tục.")
    # The same closing text as the amending document quotes it (Luật 57/2024 rewrites khoản 3 Điều 42).
    quoted = kit.paragraph_with(document, CLOSING_42, last=False)
    kit.track_replace(kit.isolate(quoted, "theo quy định của nhà tài trợ nước ngoài"),
                      "theo quy định của điều ước quốc tế", "Trần Thị Bình")
    comments = _imported(invoke, ws, "l57", kit.save(document, tmp_path / "reply.docx"))
    said = comments["Cần làm rõ thời điểm ký hợp đồng."]
    assert (said["provision"], said["anchor"]) == ("d42.k3.end", CLOSING_42)
    assert said["selection"] == "phải sau khi dự án được phê duyệt đầu tư"
    lead_in = comments["Đề nghị liệt kê đủ các thủ tục."]
    assert (lead_in["provision"], lead_in["anchor"]) == ("d42.k3.intro", LEAD_IN_42)
    # The change is in the closing text the comment is on: one comment carries both.
    assert said["proposal"] == CLOSING_42.replace("theo quy định của nhà tài trợ nước ngoài",
                                                  "theo quy định của điều ước quốc tế")
    assert said["author"] == "Nguyễn Văn An, Trần Thị Bình"
    standing_for_a_draft(ws, "l57")  # the law as a draft: an issued text's instructions keep their words
    assert accept_proposal(ws, "l57", said["id"]).commit
    clause = draft_text(ws, "l57").find("d42.k3").unit
    assert clause.closing == (said["proposal"],)
    assert clause.text == (LEAD_IN_42,) and len(clause.children) == 5
