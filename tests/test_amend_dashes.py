"""Dash items (gạch đầu dòng) named by their ordinal: address, wording, exact application, refusals (issue 12)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.grammar import (
    GrammarError,
    InsertUnit,
    RepealUnits,
    ReplaceUnit,
    ReplaceWords,
    read_instruction,
)
from regdraft.core.consolidate import consolidate
from regdraft.core.errors import AmendmentConflict, ParseError
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import HEADING_KINDS, Address, Kind, Regulation
from regdraft.workspace.store import Workspace
from tests.test_consolidate import words_of

from .conftest import FIXTURES, SHIPPED_REGULATION, Invoke
from .test_cli_amend import REG, amendment_text, snapshot, submit
from .test_consolidate import amendment_meta

SHIPPED = parse(SHIPPED_REGULATION.read_bytes(), "regulations/01-QC-TU.md")
HOLDER = "d7.k4"  # "Tỉnh ủy viên có trách nhiệm nêu gương về:" and three dash items
LEAD = "Tỉnh ủy viên có trách nhiệm nêu gương về:"
DASHES = SHIPPED.find(HOLDER).unit.text[1:]


def amended(body: str) -> Regulation:
    text = ("---\nnumber: 07-QC/TU\ntitle: Thử\nregulation: 01-QC/TU\nlanguage: vi\nstatus: draft\n---\n\n"
            f"## Điều 1. Sửa đổi\n\n{body.strip()}\n")
    result = apply(SHIPPED, load_amendment(text, "amendments/t/amendment.md", "t")).regulation
    assert validate(result) == [] and parse(render(result)) == result
    # Nothing outside the clause changes: every other unit (but the article holding it) is equal.
    holder = Address.parse(HOLDER)
    after = result.index()
    for loc in SHIPPED.walk():
        if loc.unit.kind in HEADING_KINDS - {Kind.ARTICLE}:
            assert after[loc.address].unit.title == loc.unit.title
        elif not loc.address.contains(holder) and not holder.contains(loc.address):
            assert after[loc.address].unit == loc.unit, loc.address
    assert result.find(HOLDER).unit.children == ()
    return result


def clause(reg: Regulation) -> tuple[str, ...]:
    return reg.find(HOLDER).unit.text


def test_the_address_of_a_dash_item_reads_and_writes_in_every_form() -> None:
    address = Address.parse("d7.k4.dash2")
    assert address.part == "dash2" and address.unit == Address.parse("d7.k4")
    assert address.describe() == "gạch đầu dòng thứ hai khoản 4 Điều 7"
    assert address.describe("en") == "the second dash item of clause 4, Article 7"
    for written in ("gạch đầu dòng thứ hai khoản 4 Điều 7", "the second dash item of clause 4 of Article 7",
                    "gach dau dong thu hai khoan 4 dieu 7", str(address)):
        assert Address.parse(written) == address, written
    assert Address.parse("gạch đầu dòng thứ tư điểm a khoản 1 Điều 5").part == "dash4"


def test_the_wording_of_dash_instructions_in_both_languages() -> None:
    dash2 = Address.parse("d5.k1.a.dash2")
    assert read_instruction("Sửa đổi gạch đầu dòng thứ hai điểm a khoản 1 Điều 5 như sau:", "vi") == ReplaceUnit(dash2)
    assert read_instruction("Bãi bỏ gạch đầu dòng thứ hai điểm a khoản 1 Điều 5.", "vi") == RepealUnits((dash2,))
    assert read_instruction("Bổ sung gạch đầu dòng sau gạch đầu dòng thứ nhất điểm a khoản 1 Điều 5 như sau:",
                            "vi") == InsertUnit(dash2, after=Address.parse("d5.k1.a.dash1"))
    assert read_instruction("Bổ sung gạch đầu dòng vào cuối điểm a khoản 1 Điều 5 như sau:", "vi") == InsertUnit(
        Address.parse("d5.k1.a").with_part("dash"), parent=Address.parse("d5.k1.a"))
    words = read_instruction("Thay thế cụm từ “A” bằng cụm từ “B” tại gạch đầu dòng thứ hai điểm a khoản 1 Điều 5.",
                             "vi")
    assert words == ReplaceWords("A", "B", (dash2,))
    assert read_instruction("The second dash item of point a, clause 1, Article 5 is amended to read:",
                            "en") == ReplaceUnit(dash2)
    assert read_instruction("Insert a dash item after the first dash item of point a of clause 1 of Article 5:",
                            "en") == InsertUnit(dash2, after=Address.parse("d5.k1.a.dash1"))
    with pytest.raises(GrammarError, match="inserted after the first is the second"):
        read_instruction("Bổ sung gạch đầu dòng thứ ba vào sau gạch đầu dòng thứ nhất khoản 4 Điều 7 như sau:", "vi")
    with pytest.raises(GrammarError, match="not an ordinal"):
        read_instruction("Bãi bỏ gạch đầu dòng thứ mấy khoản 4 Điều 7.", "vi")


def test_replacing_a_dash_item_changes_only_it() -> None:
    reg = amended("1\\. Sửa đổi, bổ sung gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n"
                  "“- Giữ gìn phẩm chất đạo đức, lối sống;”")
    assert clause(reg) == (LEAD, DASHES[0], "- Giữ gìn phẩm chất đạo đức, lối sống;", DASHES[2])


def test_a_dash_item_may_be_replaced_with_its_plus_items() -> None:
    reg = amended("1\\. Sửa đổi gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“- Giữ gìn:\n\n+ đạo đức;\n\n"
                  "+ lối sống;”")
    assert clause(reg) == (LEAD, DASHES[0], "- Giữ gìn:", "+ đạo đức;", "+ lối sống;", DASHES[2])
    # The + items belong to the second dash item: replacing it again replaces them too.
    text = render(reg)
    again = apply(reg, load_amendment(
        "---\nnumber: 08-QC/TU\ntitle: Thử\nregulation: 01-QC/TU\nlanguage: vi\nstatus: draft\n---\n\n## Điều 1. X\n\n"
        "1\\. Sửa đổi gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“- Giữ gìn phẩm chất.”\n",
        "amendments/u/amendment.md", "u")).regulation
    assert "+ đạo đức;" in text and clause(again) == (LEAD, DASHES[0], "- Giữ gìn phẩm chất.", DASHES[2])


def test_repealing_a_dash_item_leaves_a_placeholder_so_later_ordinals_stay() -> None:
    reg = amended("1\\. Bãi bỏ gạch đầu dòng thứ hai khoản 4 Điều 7.\n\n"
                  "2\\. Sửa đổi gạch đầu dòng thứ ba khoản 4 Điều 7 như sau:\n\n“- Thực hiện dân chủ.”")
    assert clause(reg) == (LEAD, DASHES[0], "- (được bãi bỏ)", "- Thực hiện dân chủ.")


def test_inserting_dash_items_after_one_and_at_the_end() -> None:
    reg = amended("1\\. Bổ sung gạch đầu dòng vào sau gạch đầu dòng thứ nhất khoản 4 Điều 7 như sau:\n\n"
                  "“- Gương mẫu trong công tác;”")
    assert clause(reg) == (LEAD, DASHES[0], "- Gương mẫu trong công tác;", *DASHES[1:])
    reg = amended("1\\. Bổ sung gạch đầu dòng thứ tư vào cuối khoản 4 Điều 7 như sau:\n\n“- Gương mẫu.”")
    # The old last dash item now ends with ';' (a consequential edit, test_amend_consequential).
    assert clause(reg) == (LEAD, *DASHES[:2], DASHES[2][:-1] + ";", "- Gương mẫu.")


def test_words_changed_in_one_dash_item_only() -> None:
    reg = amended("1\\. Thay thế cụm từ “dân chủ” bằng cụm từ “dân chủ, công khai” tại gạch đầu dòng thứ ba "
                  "khoản 4 Điều 7.")
    assert clause(reg) == (LEAD, DASHES[0], DASHES[1], DASHES[2].replace("dân chủ", "dân chủ, công khai"))


@pytest.mark.parametrize(("body", "words"), [
    ("1\\. Bãi bỏ gạch đầu dòng thứ tư khoản 4 Điều 7.",
     "khoản 4 Điều 7 has 3 dash items, so gạch đầu dòng thứ tư khoản 4 Điều 7 does not exist"),
    ("1\\. Sửa đổi gạch đầu dòng thứ nhất khoản 1 Điều 7 như sau:\n\n“- X.”",
     "khoản 1 Điều 7 has no dash items, so gạch đầu dòng thứ nhất khoản 1 Điều 7 does not exist"),
    ("1\\. Bổ sung gạch đầu dòng vào sau gạch đầu dòng thứ năm khoản 4 Điều 7 như sau:\n\n“- X.”",
     "gạch đầu dòng thứ năm khoản 4 Điều 7 does not exist"),
    ("1\\. Bổ sung gạch đầu dòng thứ sáu vào khoản 4 Điều 7 như sau:\n\n“- X.”",
     "a dash item added at its end is the fourth (thứ tư), not the sixth"),
    ("1\\. Bổ sung gạch đầu dòng vào khoản 2 Điều 21 như sau:\n\n“- X.”",
     "khoản 2 Điều 21 is divided into points; add the dash item to one of them"),
    ("1\\. Bãi bỏ gạch đầu dòng thứ hai khoản 4 Điều 7.\n\n2\\. Bãi bỏ gạch đầu dòng thứ hai khoản 4 Điều 7.",
     "gạch đầu dòng thứ hai khoản 4 Điều 7 has already been repealed"),
])
def test_a_dash_item_that_does_not_exist_is_refused_with_the_count(body: str, words: str) -> None:
    with pytest.raises(AmendmentConflict) as caught:
        amended(body)
    assert words in " ".join(p.message for p in caught.value.problems)


def test_a_quoted_dash_item_must_start_with_its_dash() -> None:
    with pytest.raises(ParseError) as caught:
        amended("1\\. Sửa đổi gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“Giữ gìn.”")
    assert "a quoted dash item begins with '- '" in str(caught.value.problems[0])


def test_the_consolidated_text_notes_the_dash_item_on_its_clause() -> None:
    text = ("---\nnumber: 07-QC/TU\ntitle: Thử\nregulation: 01-QC/TU\nlanguage: vi\nstatus: draft\n---\n\n"
            "## Điều 1. Sửa đổi\n\n1\\. Sửa đổi gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“- Giữ gìn.”\n\n"
            "2\\. Bãi bỏ gạch đầu dòng thứ ba khoản 4 Điều 7.\n")
    applied = apply(SHIPPED, load_amendment(text, "amendments/t/amendment.md", "t"))
    assert [str(c.address) for c in applied.changes] == ["d7.k4.dash2", "d7.k4.dash3"]
    ct = consolidate(SHIPPED, [(amendment_meta("07-QC/TU", "2025-03-15", "2025-04-01"), applied)],
                     dt.date(2025, 6, 1), words=words_of(SHIPPED))
    (note,) = [f.text for f in ct.footnotes if str(f.address) == HOLDER]
    assert note.startswith("Gạch đầu dòng thứ hai khoản này được sửa đổi theo quy định tại khoản 1 Điều 1")
    assert "Gạch đầu dòng thứ ba khoản này được bãi bỏ theo quy định tại khoản 2 Điều 1" in note


BODY = ("1\\. Sửa đổi gạch đầu dòng thứ nhất khoản 2 Điều 3 như sau:\n\n“- Dự thảo nghị quyết, kết luận;”\n\n"
        "2\\. Bổ sung gạch đầu dòng vào sau gạch đầu dòng thứ hai khoản 2 Điều 3 như sau:\n\n"
        "“- Danh sách đại biểu mời dự.”")


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    empty_workspace.commit(
        {REG: (FIXTURES / "amend" / "vi.md").read_bytes(),
         "amendments/dash/amendment.md": amendment_text(BODY).encode(),
         "amendments/missing/amendment.md": amendment_text("1\\. Bãi bỏ gạch đầu dòng thứ ba khoản 2 Điều 3.",
                                                           number="08-QC/TU").encode()},
        "Add a regulation with dash items and amendments of them")
    return empty_workspace


def test_commands_carry_dash_items_from_check_to_the_consolidated_text(ws: Workspace, invoke: Invoke,
                                                                      tmp_path: Path) -> None:
    check = invoke(ws, "amend", "check", "dash")
    assert check.exit_code == 0, check.output
    preview = invoke(ws, "amend", "preview", "dash")
    assert preview.exit_code == 0, preview.output
    assert ("2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị:\n\n- Dự thảo nghị quyết, kết luận;\n"
            "- Tài liệu phục vụ hội nghị;\n- Danh sách đại biểu mời dự.") in preview.stdout
    # The end of the old last dash item changed without an instruction: the preview says so.
    assert ("note: amendments/dash/amendment.md:21: instruction 2 (Bổ sung gạch đầu dòng vào sau gạch đầu dòng thứ "
            "hai khoản 2 Điều 3 như sau:): the end of gạch đầu dòng thứ hai khoản 2 Điều 3 changes from '.' to ';' "
            "without an instruction, since gạch đầu dòng thứ ba khoản 2 Điều 3 is appended at the end of the list "
            "(a consequential edit).") in preview.stderr
    html = tmp_path / "redline.html"
    assert invoke(ws, "redline", "02-QC/TU", "--amendment", "dash", "-o", str(html)).exit_code == 0
    assert "Danh sách đại biểu mời dự" in html.read_text(encoding="utf-8")
    submit(ws, "dash")
    adopted = invoke(ws, "amend", "adopt", "dash", "--signed", "2025-10-20")
    assert adopted.exit_code == 0, adopted.output
    assert "amends gạch đầu dòng thứ nhất khoản 2 Điều 3" in str(ws.repo.head.commit.message)
    out = tmp_path / "hop-nhat.md"
    assert invoke(ws, "export", "02-QC/TU", "--as-of", "2025-10-20", "-o", str(out)).exit_code == 0
    consolidated = out.read_text(encoding="utf-8")
    assert "Gạch đầu dòng thứ nhất khoản này được sửa đổi theo quy định tại khoản 1 Điều 1" in consolidated
    assert "Gạch đầu dòng thứ ba khoản này được bổ sung theo quy định tại khoản 2 Điều 1" in consolidated


def test_a_missing_dash_item_fails_adoption_and_changes_nothing(ws: Workspace, invoke: Invoke) -> None:
    check = invoke(ws, "amend", "check", "missing")
    assert check.exit_code == 1
    assert "khoản 2 Điều 3 has 2 dash items, so gạch đầu dòng thứ ba khoản 2 Điều 3 does not exist" in check.output
    submit(ws, "missing")
    before = snapshot(ws)
    assert invoke(ws, "amend", "adopt", "missing", "--signed", "2025-10-20").exit_code == 1
    assert snapshot(ws) == before


def test_a_note_on_an_articles_lead_in_cites_dieu_nay_with_its_capital() -> None:
    # Luật Thi đua, khen thưởng's lead-in of Điều 7 amended: the note read "Phần mở đầu điều này được sửa đổi".
    text = ("---\nnumber: 07-QC/TU\ntitle: Thử\nregulation: 01-QC/TU\nlanguage: vi\nstatus: draft\n---\n\n"
            "## Điều 1. Sửa đổi\n\n1\\. Sửa đổi, bổ sung đoạn mở đầu Điều 5 như sau:\n\n"
            "“Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo và kiểm tra toàn diện việc thực hiện các nghị quyết.”\n")
    applied = apply(SHIPPED, load_amendment(text, "amendments/t/amendment.md", "t"))
    ct = consolidate(SHIPPED, [(amendment_meta("07-QC/TU", "2025-03-15", "2025-04-01"), applied)],
                     dt.date(2025, 6, 1), words=words_of(SHIPPED))
    (note,) = [f.text for f in ct.footnotes]
    assert note.startswith("Đoạn mở đầu Điều này được sửa đổi, bổ sung theo quy định tại khoản 1 Điều 1"), note
