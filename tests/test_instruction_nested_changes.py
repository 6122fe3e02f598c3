"""Accepting a proposal on one nested instruction (`7. c)` of a group) is said as that instruction changed, as the
commit's `reasons:` names it (`điểm c khoản 7 Điều 4`), not as the whole group (sweep r26 S, defect 3)."""

from __future__ import annotations

from regdraft.core.amend.document import Amendment, load_amendment
from regdraft.core.amend.instruction_changes import CHANGED, InstructionChange, instruction_changes
from regdraft.web.answers import _said_changes
from regdraft.web.words import Words

GROUP = (
    "1\\. Sửa đổi, bổ sung một số điểm của khoản 2 Điều 2 như sau:\n\n"
    "a) Sửa đổi, bổ sung điểm c như sau:\n\n“c) Công tác kiểm tra, giám sát và kỷ luật đảng;”\n\n"
    "b) Sửa đổi, bổ sung điểm d như sau:\n\n“d) Gói thầu có giá không quá 300 triệu đồng;”\n\n"
    "c) Bãi bỏ điểm a.\n\n"
    "2\\. Bãi bỏ khoản 3 Điều 2."
)


def _amendment(body: str) -> Amendment:
    text = ("---\nnumber: 07-QC/TU\ntitle: Test\nregulation: 02-QC/TU\nlanguage: vi\nstatus: draft\ndraft: 1\n---\n\n"
            f"## Điều 1. Sửa đổi, bổ sung một số điều\n\n{body}\n")
    return load_amendment(text, "amendment.md", "test")


def test_a_nested_instruction_changed_alone_is_named_not_its_group() -> None:
    before, after = _amendment(GROUP), _amendment(GROUP.replace("300 triệu", "500 triệu"))
    changes = instruction_changes(before, after)
    assert changes == [InstructionChange(CHANGED, "1", "1.b", "1.b")]
    assert _said_changes(changes, Words.of("vi")) == ["điểm b khoản 1 Điều 1 (sửa)"]
    assert _said_changes(changes, Words.of("en")) == ["point b, clause 1, Article 1 (changed)"]


def test_a_group_whose_own_sentence_changed_is_named_whole() -> None:
    after = _amendment(GROUP.replace("một số điểm của khoản 2 Điều 2 như sau", "các điểm của khoản 2 Điều 2 như sau"))
    assert instruction_changes(_amendment(GROUP), after) == [
        InstructionChange(CHANGED, "1", "1", "1")]
