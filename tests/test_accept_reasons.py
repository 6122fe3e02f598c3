"""Every accepted comment stays a reason of the instruction that writes its wording, in the order they were accepted,
also when a later accept folds its clause into an instruction that already had a reason."""

from __future__ import annotations

import re

from regdraft.core.amend.document import load_amendment
from regdraft.core.amend.instructions import Instruction, read_instructions
from regdraft.core.amend.reasons import carried_reasons
from regdraft.core.errors import Problem
from regdraft.core.model import Address
from regdraft.render import redline as rr
from regdraft.workspace import redline as rl
from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT

BODIES = ("Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy")
AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
K2 = ("2. Thực hiện chế độ báo cáo với Ban Chấp hành Đảng bộ tỉnh và với cấp trên:\n"
      "a) Báo cáo Ban Chấp hành Đảng bộ tỉnh tại các kỳ hội nghị thường lệ về những công việc Ban Thường vụ "
      "Tỉnh ủy đã giải quyết giữa hai kỳ hội nghị;\n"
      "b) Định kỳ hằng quý, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh và kết quả "
      "thực hiện các nghị quyết, chỉ thị của Đảng;\n"
      "c) Báo cáo kịp thời Bộ Chính trị, Ban Bí thư những vấn đề đột xuất, phức tạp về chính trị, quốc phòng, an "
      "ninh, đối ngoại xảy ra trên địa bàn tỉnh.")
K3 = ("3. Ban Thường vụ Tỉnh ủy chịu trách nhiệm trước Ban Chấp hành Đảng bộ tỉnh, Bộ Chính trị, Ban Bí thư về "
      "những quyết định của mình; hằng năm tự phê bình và phê bình, kiểm điểm tập thể, cá nhân và báo cáo kết quả "
      "với Ban Chấp hành Đảng bộ tỉnh và Ban Thường vụ Tỉnh ủy.")
POINT_A = ("a) Xây dựng chương trình làm việc toàn khóa, chương trình công tác hằng năm của Ban Chấp hành Đảng bộ "
           "tỉnh và của Ban Thường vụ Tỉnh ủy; chuẩn bị nội dung các kỳ hội nghị thường lệ Ban Chấp hành Đảng bộ tỉnh;")


def _reason(by: str, comment: str) -> str:
    return f"Tiếp thu ý kiến của {by} (ý kiến {comment})."


def test_a_second_accept_folded_into_the_same_instruction_keeps_both_reasons(tmp_workspace: Workspace) -> None:
    # r23 review of the Luật Thi đua, khen thưởng: accepting a proposal on khoản 1 Điều 15 after one on khoản 2
    # rewrote the instruction as "Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 15", but its reason named only the
    # first comment: the comparison table no longer credited the body whose wording was adopted second.
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", list(BODIES))
    first = rounds.add_comment(ws, SHIPPED_AMENDMENT, BODIES[0], "d5.k2", "Hằng quý.", proposal=K2).id
    second = rounds.add_comment(ws, SHIPPED_AMENDMENT, BODIES[1], "d5.k3", "Cả Ban Thường vụ.", proposal=K3).id
    for comment in (first, second):
        accept_proposal(ws, SHIPPED_AMENDMENT, comment, "Tiếp thu.")
    amendment = load_amendment(ws.read(AMENDMENT), AMENDMENT, SHIPPED_AMENDMENT)
    (merged,) = [ins for ins in amendment.instructions if "Điều 5" in ins.text]
    assert merged.text.startswith("Sửa đổi, bổ sung khoản 2 và khoản 3 Điều 5")
    both = f"{_reason(BODIES[0], first)} {_reason(BODIES[1], second)}"
    assert amendment.reason(merged) == both
    # The comparison table's note column names both, on each clause the instruction writes.
    html = rr.render_html(rl.build(ws, "01-QC/TU"), layout="table")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert text.count(f"Lý do: {both}") == 2

    # A third comment, on a point of khoản 1, gets an instruction of its own; the two keep theirs when the article's
    # instructions are written anew.
    third = rounds.add_comment(ws, SHIPPED_AMENDMENT, BODIES[2], "d5.k1.a", "Hằng năm.", proposal=POINT_A).id
    accept_proposal(ws, SHIPPED_AMENDMENT, third, "Tiếp thu.")
    amendment = load_amendment(ws.read(AMENDMENT), AMENDMENT, SHIPPED_AMENDMENT)
    reasons = {ins.text: amendment.reason(ins) for ins in amendment.instructions if "Điều 5" in ins.text}
    assert reasons == {"Sửa đổi, bổ sung điểm a khoản 1 Điều 5 như sau:": _reason(BODIES[2], third),
                       "Sửa đổi, bổ sung khoản 2 và khoản 3 Điều 5 như sau:": both}


def _instructions(*lines: str) -> list[Instruction]:
    problems: list[Problem] = []
    _, found = read_instructions([(f"{n}\\. {line}", n) for n, line in enumerate(lines, 1)], "1", "x.md", "vi",
                                 problems, [])
    assert not problems, problems
    return found


def test_instructions_merged_or_split_keep_every_reason_of_their_provisions() -> None:
    (one,) = _instructions("Bãi bỏ khoản 2 và khoản 3 Điều 5.")
    k2, k3 = _instructions("Bãi bỏ khoản 2 Điều 5.", "Bãi bỏ khoản 3 Điều 5.")
    # Merged: both reasons, in the instructions' order.
    meta = {"reasons": {"khoản 1 Điều 1": "A.", "khoản 2 Điều 1": "B."}}
    assert carried_reasons(meta, [k2, k3], [one], "vi", "1") == {"khoản 1 Điều 1": "A. B."}
    # Split: each keeps what it had; a comment added on one clause goes after them, once.
    added = {Address.parse("d5.k3"): "C."}
    assert carried_reasons({"reasons": {"khoản 1 Điều 1": "A. C."}}, [one], [k2, k3], "vi", "1", added) == {
        "khoản 1 Điều 1": "A. C.", "khoản 2 Điều 1": "A. C."}
    assert carried_reasons({"reasons": {"khoản 1 Điều 1": "A."}}, [one], [one], "vi", "1", added) == {
        "khoản 1 Điều 1": "A. C."}
