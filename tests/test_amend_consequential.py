"""Consequential punctuation: appending or repealing the last point fixes the list's ends (issue 12 §3)."""

from __future__ import annotations

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.apply import Applied
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Regulation
from tests.conftest import SHIPPED_REGULATION

SHIPPED = parse(SHIPPED_REGULATION.read_bytes(), "regulations/01-QC-TU.md")


def amended(body: str, reg_id: str = "01-QC/TU", reg: object = SHIPPED, language: str = "vi") -> Applied:
    text = (f"---\nnumber: 07-QC/TU\ntitle: Thử\nregulation: {reg_id}\nlanguage: {language}\nstatus: draft\n---\n\n"
            f"## Điều 1. Sửa đổi\n\n{body.strip()}\n")
    applied = apply(reg, load_amendment(text, "amendments/t/amendment.md", "t"))  # type: ignore[arg-type]
    assert validate(applied.regulation) == [] and parse(render(applied.regulation)) == applied.regulation
    return applied


def ends(applied: Applied, address: str) -> str:
    return applied.regulation.find(address).unit.text[-1][-1]


def test_appending_a_point_turns_the_end_of_the_old_last_point_into_a_semicolon() -> None:
    assert SHIPPED.find("d21.k2.dd").unit.text[-1].endswith("nêu gương.")
    applied = amended("1\\. Bổ sung điểm e vào khoản 2 Điều 21 như sau:\n\n“e) Việc thực hiện chế độ báo cáo.”")
    assert applied.regulation.find("d21.k2.dd").unit.text[-1].endswith("nêu gương;")
    assert ends(applied, "d21.k2.e") == "."
    [mark] = applied.punctuation
    assert (mark.address, mark.old, mark.new, mark.cause) == (Address.parse("d21.k2.dd"), ".", ";",
                                                              Address.parse("d21.k2.e"))
    assert mark.instruction.location == "1"
    assert "điểm đ khoản 2 Điều 21" in mark.describe("vi") and "'.' to ';'" in mark.describe("vi")
    # Only the final mark changed; the closing text is untouched.
    before, after = SHIPPED.find("d21.k2.dd").unit.text[-1], applied.regulation.find("d21.k2.dd").unit.text[-1]
    assert before[:-1] == after[:-1]
    assert applied.regulation.find("d21.k2").unit.closing == SHIPPED.find("d21.k2").unit.closing


def test_inserting_after_the_last_point_with_a_suffix_label_does_the_same() -> None:
    applied = amended("1\\. Bổ sung điểm đ1 vào sau điểm đ khoản 2 Điều 21 như sau:\n\n“đ1) Việc báo cáo.”")
    assert ends(applied, "d21.k2.dd") == ";"


def test_inserting_in_the_middle_changes_no_punctuation() -> None:
    applied = amended("1\\. Bổ sung điểm a1 vào sau điểm a khoản 2 Điều 21 như sau:\n\n“a1) Việc báo cáo;”")
    assert applied.punctuation == ()
    assert applied.regulation.find("d21.k2.a").unit == SHIPPED.find("d21.k2.a").unit


def test_repealing_the_last_point_turns_the_new_last_end_into_a_full_stop() -> None:
    assert ends_of(SHIPPED, "d21.k2.d") == ";"
    applied = amended("1\\. Bãi bỏ điểm đ khoản 2 Điều 21.")
    assert ends(applied, "d21.k2.d") == "."
    [mark] = applied.punctuation
    assert (mark.address, mark.old, mark.new) == (Address.parse("d21.k2.d"), ";", ".")
    assert mark.describe("vi") == (
        "the end of điểm d khoản 2 Điều 21 changes from ';' to '.' without an instruction, since "
        "điểm đ khoản 2 Điều 21 is repealed, so it ends the list (a consequential edit).")


def test_repealing_the_last_two_points_at_once() -> None:
    applied = amended("1\\. Bãi bỏ điểm d, điểm đ khoản 2 Điều 21.")
    assert ends(applied, "d21.k2.c") == "."
    assert [str(m.address) for m in applied.punctuation] == ["d21.k2.c"]


def test_repealing_the_last_point_and_inserting_one_after_it_leaves_the_point_before_as_it_was() -> None:
    # The repeal turns point d's end into '.', the point inserted after the repealed one turns it back:
    # an edit undone by the next is no edit, and `amend preview` notes nothing (found by the English
    # property test of `amend from-edits`, which repealed a last point and appended one after it).
    applied = amended("1\\. Sửa đổi, bổ sung một số điểm của khoản 2 Điều 21 như sau:\n\n"
                      "a) Bãi bỏ điểm đ.\n\nb) Bổ sung điểm đ1 vào sau điểm đ như sau:\n\n“đ1) Việc báo cáo.”")
    assert ends(applied, "d21.k2.d") == ";" and ends(applied, "d21.k2.dd1") == "."
    assert applied.regulation.find("d21.k2.d").unit == SHIPPED.find("d21.k2.d").unit
    assert applied.punctuation == ()


def test_the_marks_left_are_those_of_ends_the_amendment_changed() -> None:
    # Then a point đ2 after đ1: point d is as it was (no mark), đ1's '.' becomes ';' (one mark).
    applied = amended("1\\. Sửa đổi, bổ sung một số điểm của khoản 2 Điều 21 như sau:\n\n"
                      "a) Bãi bỏ điểm đ.\n\nb) Bổ sung điểm đ1 vào sau điểm đ như sau:\n\n“đ1) Việc báo cáo.”\n\n"
                      "c) Bổ sung điểm đ2 vào sau điểm đ1 như sau:\n\n“đ2) Việc tổng kết.”")
    assert (ends(applied, "d21.k2.d"), ends(applied, "d21.k2.dd1"), ends(applied, "d21.k2.dd2")) == (";", ";", ".")
    assert [(str(m.address), m.old, m.new) for m in applied.punctuation] == [("d21.k2.dd1", ".", ";")]


def test_a_new_last_point_ending_with_a_semicolon_leaves_the_old_one_alone() -> None:
    applied = amended("1\\. Bổ sung điểm e vào khoản 2 Điều 21 như sau:\n\n“e) Việc thực hiện chế độ báo cáo;”")
    assert ends(applied, "d21.k2.dd") == "." and applied.punctuation == ()


def ends_of(reg: Regulation, address: str) -> str:
    return reg.find(address).unit.text[-1][-1]


def _with_or() -> object:
    """The shipped regulation with `hoặc` after the point before the last of khoản 2 Điều 21."""
    d = SHIPPED.find("d21.k2.d").unit.text[-1]
    assert d.endswith(";")
    return parse(render(SHIPPED).replace(d, d + " hoặc"), "regulations/01-QC-TU.md")


def test_appending_moves_the_or_before_the_new_last_point() -> None:
    applied = amended("1\\. Bổ sung điểm e vào khoản 2 Điều 21 như sau:\n\n“e) Việc báo cáo.”", reg=_with_or())
    assert applied.regulation.find("d21.k2.d").unit == SHIPPED.find("d21.k2.d").unit  # its `hoặc` moved on
    assert applied.regulation.find("d21.k2.dd").unit.text[-1].endswith("nêu gương; hoặc")
    assert [(str(m.address), m.old, m.new) for m in applied.punctuation] == [
        ("d21.k2.d", "; hoặc", ";"), ("d21.k2.dd", ".", "; hoặc")]
    assert "'; hoặc' to ';'" in applied.punctuation[0].describe("vi")


def test_repealing_the_last_point_moves_the_or_to_the_point_before() -> None:
    applied = amended("1\\. Bãi bỏ điểm đ khoản 2 Điều 21.", reg=_with_or())
    assert ends(applied, "d21.k2.d") == "."
    assert applied.regulation.find("d21.k2.c").unit.text[-1].endswith("; hoặc")
    assert [(str(m.address), m.old, m.new) for m in applied.punctuation] == [
        ("d21.k2.d", "; hoặc", "."), ("d21.k2.c", ";", "; hoặc")]
    assert all(m.reason == "repeal" for m in applied.punctuation)


def test_the_first_point_added_to_a_clause_turns_its_full_stop_into_a_colon() -> None:
    before = SHIPPED.find("d7.k1").unit.text
    assert before[-1].endswith(".")
    applied = amended("1\\. Bổ sung điểm a vào khoản 1 Điều 7 như sau:\n\n“a) Báo cáo định kỳ.”")
    after = applied.regulation.find("d7.k1").unit.text
    assert after[-1] == before[-1][:-1] + ":"
    [mark] = applied.punctuation
    assert (str(mark.address), mark.old, mark.new, mark.reason) == ("d7.k1", ".", ":", "first")
    assert mark.describe("vi") == (
        "the end of khoản 1 Điều 7 changes from '.' to ':' without an instruction, since điểm a khoản 1 Điều 7 is the "
        "first below it (a consequential edit).")


# Dash items (gạch đầu dòng) and their plus items (ý) end the same way: khoản 4 Điều 7 lists three
# dash items after "Tỉnh ủy viên có trách nhiệm nêu gương về:", the last ending with '.'.
DASHED = SHIPPED.find("d7.k4").unit.text


def test_appending_a_dash_item_turns_the_end_of_the_old_last_one_into_a_semicolon() -> None:
    for how in ("vào cuối khoản 4 Điều 7", "vào sau gạch đầu dòng thứ ba khoản 4 Điều 7"):
        applied = amended(f"1\\. Bổ sung gạch đầu dòng {how} như sau:\n\n“- Gương mẫu trong công tác.”")
        assert applied.regulation.find("d7.k4").unit.text == (
            *DASHED[:3], DASHED[3][:-1] + ";", "- Gương mẫu trong công tác."), how
        [mark] = applied.punctuation
        assert (str(mark.address), mark.old, mark.new, str(mark.cause)) == ("d7.k4.dash3", ".", ";", "d7.k4.dash4")
        assert mark.describe("vi") == (
            "the end of gạch đầu dòng thứ ba khoản 4 Điều 7 changes from '.' to ';' without an instruction, since "
            "gạch đầu dòng thứ tư khoản 4 Điều 7 is appended at the end of the list (a consequential edit).")


def test_inserting_a_dash_item_in_the_middle_changes_no_punctuation() -> None:
    applied = amended("1\\. Bổ sung gạch đầu dòng vào sau gạch đầu dòng thứ nhất khoản 4 Điều 7 như sau:\n\n"
                      "“- Gương mẫu;”")
    assert applied.punctuation == ()
    assert applied.regulation.find("d7.k4").unit.text == (*DASHED[:2], "- Gương mẫu;", *DASHED[2:])


def test_repealing_the_last_dash_item_turns_the_new_last_end_into_a_full_stop_and_back() -> None:
    applied = amended("1\\. Bãi bỏ gạch đầu dòng thứ ba khoản 4 Điều 7.")
    assert applied.regulation.find("d7.k4").unit.text == (*DASHED[:2], DASHED[2][:-1] + ".", "- (được bãi bỏ)")
    [mark] = applied.punctuation
    assert (str(mark.address), mark.old, mark.new, mark.reason) == ("d7.k4.dash2", ";", ".", "repeal")
    # Repealing the first one changes no end.
    assert amended("1\\. Bãi bỏ gạch đầu dòng thứ nhất khoản 4 Điều 7.").punctuation == ()


def test_a_plus_item_appended_after_the_last_one_of_the_list_does_the_same() -> None:
    # The last dash item divided into plus items: the last one ends the whole list with '.'.
    base = parse(SHIPPED_REGULATION.read_text(encoding="utf-8").replace(
        "- Thực hiện dân chủ, giữ gìn đoàn kết nội bộ và mối liên hệ mật thiết với nhân dân.\n",
        "- Thực hiện dân chủ:\n  + giữ gìn đoàn kết nội bộ;\n  + mối liên hệ mật thiết với nhân dân.\n"),
        "regulations/01-QC-TU.md")
    applied = amended("1\\. Bổ sung ý vào gạch đầu dòng thứ ba khoản 4 Điều 7 như sau:\n\n“+ lắng nghe ý kiến.”",
                      reg=base)
    assert applied.regulation.find("d7.k4").unit.text == (
        *DASHED[:3], "- Thực hiện dân chủ:", "+ giữ gìn đoàn kết nội bộ;", "+ mối liên hệ mật thiết với nhân dân;",
        "+ lắng nghe ý kiến.")
    [mark] = applied.punctuation
    assert (str(mark.address), mark.old, mark.new) == ("d7.k4.dash3.plus2", ".", ";")
    assert "ý thứ hai gạch đầu dòng thứ ba khoản 4 Điều 7" in mark.describe("vi")
    # And a dash item appended after it ends the list instead: its last plus item then ends with ';'.
    after_dash = amended("1\\. Bổ sung gạch đầu dòng vào cuối khoản 4 Điều 7 như sau:\n\n“- Gương mẫu.”", reg=base)
    assert after_dash.regulation.find("d7.k4").unit.text[-2:] == ("+ mối liên hệ mật thiết với nhân dân;",
                                                                  "- Gương mẫu.")


def test_appending_two_points_at_once_ends_the_old_last_point_with_a_semicolon() -> None:
    # `Bổ sung điểm n và điểm o vào sau điểm m` (Luật 57/2024's wording): the old last point was left ending in
    # '.' in the middle of the list (r24 sweep c-drafter defect 2); a single point was handled.
    applied = amended("1\\. Bổ sung điểm e và điểm g vào sau điểm đ khoản 2 Điều 21 như sau:\n\n"
                      "“e) Việc thực hiện chế độ báo cáo;\n\ng) Việc tổng kết.”")
    assert ends(applied, "d21.k2.dd") == ";"
    assert applied.regulation.find("d21.k2.e").unit.text[-1].endswith("chế độ báo cáo;")
    assert ends(applied, "d21.k2.g") == "."
    [mark] = applied.punctuation
    assert (mark.address, mark.old, mark.new) == (Address.parse("d21.k2.dd"), ".", ";")
