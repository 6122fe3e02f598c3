"""Lead-in and closing text under amendment: never lost, and addressable on their own (issue 12 §1)."""

from __future__ import annotations

import pytest

from regdraft.core.amend import ChangeKind, apply, load_amendment
from regdraft.core.amend.document import Instruction
from regdraft.core.amend.edits import document
from regdraft.core.amend.grammar import InsertUnit, RepealUnits, ReplaceUnit, ReplaceWords
from regdraft.core.amend.quote import quoted_unit
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Regulation
from tests.conftest import SHIPPED_REGULATION

SHIPPED = parse(SHIPPED_REGULATION.read_bytes(), "regulations/01-QC-TU.md")
CLOSING = ("Kết quả kiểm tra, giám sát được báo cáo Ban Thường vụ Tỉnh ủy.",)
LEAD_IN = ("Ủy viên Ban Thường vụ, Tỉnh ủy viên thực hiện kiểm tra, giám sát theo phân công, tập trung "
           "vào các nội dung:",)


def amended(body: str) -> Regulation:
    text = ("---\nnumber: 07-QC/TU\ntitle: Thử\nregulation: 01-QC/TU\nlanguage: vi\nstatus: draft\n---\n\n"
            f"## Điều 1. Sửa đổi\n\n{body.strip()}\n")
    result = apply(SHIPPED, load_amendment(text, "amendments/t/amendment.md", "t")).regulation
    assert validate(result) == [] and parse(render(result)) == result
    return result


def test_the_shipped_clause_has_its_lead_in_and_closing_text() -> None:
    clause = SHIPPED.find("d21.k2").unit
    assert clause.text == LEAD_IN and clause.closing == CLOSING
    assert SHIPPED.find("d21.k2.dd").unit.text == ("Việc giữ gìn phẩm chất đạo đức, lối sống và thực hiện trách "
                                                   "nhiệm nêu gương.",)


def test_replacing_the_last_point_keeps_the_closing_text() -> None:
    reg = amended("1\\. Sửa đổi, bổ sung điểm đ khoản 2 Điều 21 như sau:\n\n“đ) Việc nêu gương của người đứng đầu.”")
    clause = reg.find("d21.k2").unit
    assert clause.children[-1].text == ("Việc nêu gương của người đứng đầu.",)
    assert clause.closing == CLOSING and clause.text == LEAD_IN


def test_adding_a_point_after_the_last_keeps_the_closing_text_after_it() -> None:
    reg = amended("1\\. Bổ sung điểm e vào khoản 2 Điều 21 như sau:\n\n“e) Việc thực hiện chế độ báo cáo.”")
    clause = reg.find("d21.k2").unit
    assert [c.label for c in clause.children][-2:] == ["đ", "e"]
    assert clause.children[-1].text == ("Việc thực hiện chế độ báo cáo.",)
    assert clause.closing == CLOSING
    text = render(reg)
    assert text.index("e) Việc thực hiện chế độ báo cáo.") < text.index(CLOSING[0])


def test_repealing_the_last_point_keeps_the_closing_text() -> None:
    reg = amended("1\\. Bãi bỏ điểm đ khoản 2 Điều 21.")
    clause = reg.find("d21.k2").unit
    assert clause.children[-1].repealed and clause.closing == CLOSING and clause.text == LEAD_IN


def instruction(op: object, quote: tuple[str, ...] = ()) -> Instruction:
    quoted = [(q, 10 + i) for i, q in enumerate(quote)]
    unit = quoted_unit(op, quoted, "vi") if quote else None  # type: ignore[arg-type]
    return Instruction("1", 9, "instruction", op, quote, unit)  # type: ignore[arg-type]


def run(*instructions: Instruction) -> Regulation:
    result = apply(SHIPPED, document(SHIPPED, instructions)).regulation
    assert validate(result) == [] and parse(render(result)) == result
    return result


def test_replacing_the_lead_in_keeps_the_points_and_closing_text() -> None:
    target = Address.parse("đoạn mở đầu khoản 2 Điều 21")
    reg = run(instruction(ReplaceUnit(target), ("“2. Tỉnh ủy viên kiểm tra, giám sát các nội dung sau:”;",)))
    clause, before = reg.find("d21.k2").unit, SHIPPED.find("d21.k2").unit
    assert clause.text == ("Tỉnh ủy viên kiểm tra, giám sát các nội dung sau:",)
    assert clause.children == before.children and clause.closing == CLOSING


def test_replacing_and_repealing_the_closing_text() -> None:
    target = Address.parse("d21.k2.end")
    reg = run(instruction(ReplaceUnit(target), ("“Kết quả được báo cáo Ban Chấp hành.”",)))
    assert reg.find("d21.k2").unit.closing == ("Kết quả được báo cáo Ban Chấp hành.",)
    assert reg.find("d21.k2").unit.children == SHIPPED.find("d21.k2").unit.children
    gone = run(instruction(RepealUnits((target,))))
    assert gone.find("d21.k2").unit.closing == () and gone.find("d21.k2").unit.text == LEAD_IN


def test_adding_a_closing_text_to_a_clause_with_points() -> None:
    target = Address.parse("đoạn cuối khoản 2 Điều 8")
    assert SHIPPED.find("d8.k2").unit.children and not SHIPPED.find("d8.k2").unit.closing
    result = apply(SHIPPED, document(SHIPPED, (
        instruction(InsertUnit(target, parent=target.unit), ("“Ban Thường vụ báo cáo kết quả.”",)),)))
    assert result.regulation.find("d8.k2").unit.closing == ("Ban Thường vụ báo cáo kết quả.",)
    assert [(c.address, c.kind) for c in result.changes] == [(target, ChangeKind.INSERTED)]


@pytest.mark.parametrize(
    ("op", "quote", "words"),
    [
        (InsertUnit(Address.parse("d21.k2.end"), parent=Address.parse("d21.k2")), ("“Mới.”",),
         "khoản 2 Điều 21 already has đoạn cuối; amend it instead"),
        (ReplaceUnit(Address.parse("d8.k2.end")), ("“Mới.”",), "khoản 2 Điều 8 has no đoạn cuối to amend; to add one"),
        (ReplaceUnit(Address.parse("d21.k1.intro")), ("“Mới:”",), "khoản 1 Điều 21 has no points, so it has no "
                                                                   "đoạn mở đầu apart from its whole text"),
        (RepealUnits((Address.parse("d8.k2.end"),)), (), "khoản 2 Điều 8 has no đoạn cuối"),
    ],
)
def test_part_instructions_that_do_not_fit_are_refused(op: object, quote: tuple[str, ...], words: str) -> None:
    with pytest.raises(AmendmentConflict) as caught:
        apply(SHIPPED, document(SHIPPED, (instruction(op, quote),)))
    assert words in caught.value.report()


def test_words_replaced_in_a_lead_in_only() -> None:
    target = Address.parse("d21.k2.intro")
    reg = run(instruction(ReplaceWords("Tỉnh ủy viên", "Ủy viên Ban Chấp hành", (target,))))
    assert reg.find("d21.k2").unit.text[0].startswith("Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành thực hiện")
    assert reg.find("d21.k2").unit.children == SHIPPED.find("d21.k2").unit.children
    with pytest.raises(AmendmentConflict) as caught:
        run(instruction(ReplaceWords("Tỉnh ủy viên", "X", (Address.parse("d21.k2.end"),))))
    assert "found 0 times in đoạn cuối khoản 2 Điều 21" in caught.value.report()


def test_quoted_lead_in_that_holds_a_point_is_refused() -> None:
    from regdraft.core.amend.grammar import GrammarError

    with pytest.raises(GrammarError, match="starts another unit"):
        quoted_unit(ReplaceUnit(Address.parse("d21.k2.intro")), [("“2. Lead:", 1), ("a) point.”", 2)], "vi")
