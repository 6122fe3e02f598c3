"""Plus items (ý, `+ `) under a dash item, named by both ordinals: address, wording, exact application,
refusals and footnotes (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.grammar import (
    GrammarError,
    InsertUnit,
    RepealUnits,
    ReplaceUnit,
    ReplaceWords,
    read_instruction,
)
from regdraft.core.consolidate import consolidate
from regdraft.core.errors import AddressError, AmendmentConflict, ParseError
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import HEADING_KINDS, Address, Kind, Regulation
from tests.test_consolidate import words_of

from .conftest import SHIPPED_REGULATION
from .test_consolidate import amendment_meta

HOLDER = "d7.k4"
LEAD = "Tỉnh ủy viên có trách nhiệm nêu gương về:"
DASH1 = "- Chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước;"
DASH2 = "- Giữ gìn phẩm chất đạo đức, lối sống:"
PLUS = ("+ tu dưỡng, rèn luyện thường xuyên;", "+ đấu tranh chống chủ nghĩa cá nhân, cơ hội, thực dụng;")
DASH3 = "- Thực hiện dân chủ, giữ gìn đoàn kết nội bộ và mối liên hệ mật thiết với nhân dân."
# The shipped regulation with the second dash item of khoản 4 Điều 7 divided into two plus items.
BASE = parse(SHIPPED_REGULATION.read_text(encoding="utf-8").replace(
    "- Giữ gìn phẩm chất đạo đức, lối sống; đấu tranh chống chủ nghĩa cá nhân, cơ hội, thực dụng;\n",
    f"{DASH2}\n  {PLUS[0]}\n  {PLUS[1]}\n"), "regulations/01-QC-TU.md")


def amending(body: str) -> Amendment:
    """An amending document whose Điều 1 holds the instructions of `body`."""
    text = ("---\nnumber: 07-QC/TU\ntitle: Thử\nregulation: 01-QC/TU\nlanguage: vi\nstatus: draft\n---\n\n"
            f"## Điều 1. Sửa đổi\n\n{body.strip()}\n")
    return load_amendment(text, "amendments/t/amendment.md", "t")


def amended(body: str, base: Regulation = BASE) -> Regulation:
    """`base` with the instructions of `body` applied; nothing outside khoản 4 Điều 7 may change."""
    result = apply(base, amending(body)).regulation
    assert validate(result) == [] and parse(render(result)) == result
    holder = Address.parse(HOLDER)
    after = result.index()
    for loc in base.walk():
        if loc.unit.kind in HEADING_KINDS - {Kind.ARTICLE}:
            assert after[loc.address].unit.title == loc.unit.title
        elif not loc.address.contains(holder) and not holder.contains(loc.address):
            assert after[loc.address].unit == loc.unit, loc.address
    return result


def clause(reg: Regulation) -> tuple[str, ...]:
    return reg.find(HOLDER).unit.text


def test_the_base_reads_the_plus_items_under_the_second_dash_item() -> None:
    assert clause(BASE) == (LEAD, DASH1, DASH2, *PLUS, DASH3)


def test_the_address_of_a_plus_item_reads_and_writes_in_every_form() -> None:
    address = Address.parse("d7.k4.dash2.plus1")
    assert address.part == "dash2.plus1" and address.unit == Address.parse("d7.k4")
    assert str(address) == "d7.k4.dash2.plus1"
    assert address.describe() == "ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7"
    assert address.describe("en") == "the first plus item of the second dash item of clause 4, Article 7"
    for written in ("ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7",
                    "dấu cộng thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7",
                    "the first plus item of the second dash item of clause 4 of Article 7",
                    "the first sub-item of the second dash item of clause 4 of Article 7",
                    "y thu nhat gach dau dong thu hai khoan 4 dieu 7", "d7 k4 dash2.plus1", str(address)):
        assert Address.parse(written) == address, written
    assert Address.parse("ý thứ ba gạch đầu dòng thứ tư điểm a khoản 1 Điều 5").part == "dash4.plus3"
    # A dash item holds its plus items (a conflict check relies on it); a plus item only itself.
    assert Address.parse("d7.k4.dash2").contains(address)
    assert not Address.parse("d7.k4.dash1").contains(address) and not address.contains(Address.parse("d7.k4.dash2"))
    with pytest.raises(AddressError):
        Address.parse("d7.k4.plus1")  # a plus item is named after its dash item


def test_the_wording_of_plus_instructions_in_both_languages() -> None:
    plus1 = Address.parse("d7.k4.dash2.plus1")
    assert read_instruction("Sửa đổi, bổ sung ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:",
                            "vi") == ReplaceUnit(plus1)
    assert read_instruction("Bãi bỏ ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7.", "vi") == RepealUnits((plus1,))
    assert read_instruction("Bổ sung ý vào sau ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:",
                            "vi") == InsertUnit(Address.parse("d7.k4.dash2.plus2"), after=plus1)
    assert read_instruction("Bổ sung ý thứ ba vào gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:", "vi") == InsertUnit(
        Address.parse("d7.k4.dash2.plus3"), parent=Address.parse("d7.k4.dash2"))
    assert read_instruction("Thay thế cụm từ “A” bằng cụm từ “B” tại ý thứ nhất gạch đầu dòng thứ hai khoản 4 "
                            "Điều 7.", "vi") == ReplaceWords("A", "B", (plus1,))
    assert read_instruction("The first plus item of the second dash item of clause 4 of Article 7 is amended to "
                            "read:", "en") == ReplaceUnit(plus1)
    assert read_instruction("Insert a plus item after the first plus item of the second dash item of clause 4 of "
                            "Article 7:", "en") == InsertUnit(Address.parse("d7.k4.dash2.plus2"), after=plus1)
    with pytest.raises(GrammarError, match="inserted after the first is the second"):
        read_instruction("Bổ sung ý thứ ba vào sau ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:", "vi")
    with pytest.raises(GrammarError, match="a plus item .ý. is added to a dash item"):
        read_instruction("Bổ sung ý vào khoản 4 Điều 7 như sau:", "vi")


def test_replacing_a_plus_item_changes_only_it() -> None:
    reg = amended("1\\. Sửa đổi, bổ sung ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n"
                  "“+ tu dưỡng, rèn luyện, giữ gìn uy tín;”")
    assert clause(reg) == (LEAD, DASH1, DASH2, "+ tu dưỡng, rèn luyện, giữ gìn uy tín;", PLUS[1], DASH3)


def test_repealing_a_plus_item_leaves_a_placeholder_so_later_ordinals_stay() -> None:
    reg = amended("1\\. Bãi bỏ ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7.\n\n"
                  "2\\. Sửa đổi ý thứ hai gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“+ đấu tranh chống "
                  "chủ nghĩa cá nhân.”")
    assert clause(reg) == (LEAD, DASH1, DASH2, "+ (được bãi bỏ)", "+ đấu tranh chống chủ nghĩa cá nhân.", DASH3)


def test_inserting_plus_items_after_one_at_the_end_and_under_a_dash_item_without_any() -> None:
    reg = amended("1\\. Bổ sung ý vào sau ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n"
                  "“+ gương mẫu trong công tác;”")
    assert clause(reg) == (LEAD, DASH1, DASH2, PLUS[0], "+ gương mẫu trong công tác;", PLUS[1], DASH3)
    reg = amended("1\\. Bổ sung ý thứ ba vào gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“+ gương mẫu;”")
    assert clause(reg) == (LEAD, DASH1, DASH2, *PLUS, "+ gương mẫu;", DASH3)
    # The third dash item has none: the new one goes right under it, before nothing else.
    reg = amended("1\\. Bổ sung ý vào gạch đầu dòng thứ ba khoản 4 Điều 7 như sau:\n\n“+ với nhân dân.”")
    assert clause(reg) == (LEAD, DASH1, DASH2, *PLUS, DASH3, "+ với nhân dân.")
    reg = amended("1\\. Bổ sung ý vào gạch đầu dòng thứ nhất khoản 4 Điều 7 như sau:\n\n“+ của Đảng;”")
    assert clause(reg) == (LEAD, DASH1, "+ của Đảng;", DASH2, *PLUS, DASH3)


def test_words_changed_in_one_plus_item_only() -> None:
    reg = amended("1\\. Thay thế cụm từ “chủ nghĩa cá nhân” bằng cụm từ “chủ nghĩa cá nhân, bè phái” tại ý thứ "
                  "hai gạch đầu dòng thứ hai khoản 4 Điều 7.")
    assert clause(reg) == (LEAD, DASH1, DASH2, PLUS[0], PLUS[1].replace("cá nhân", "cá nhân, bè phái"), DASH3)


@pytest.mark.parametrize(("body", "words"), [
    ("1\\. Bãi bỏ ý thứ ba gạch đầu dòng thứ hai khoản 4 Điều 7.",
     "gạch đầu dòng thứ hai khoản 4 Điều 7 has 2 plus items, so ý thứ ba gạch đầu dòng thứ hai khoản 4 Điều 7 "
     "does not exist"),
    ("1\\. Sửa đổi ý thứ nhất gạch đầu dòng thứ nhất khoản 4 Điều 7 như sau:\n\n“+ X.”",
     "gạch đầu dòng thứ nhất khoản 4 Điều 7 has no plus items, so ý thứ nhất"),
    ("1\\. Bãi bỏ ý thứ nhất gạch đầu dòng thứ năm khoản 4 Điều 7.",
     "khoản 4 Điều 7 has 3 dash items, so gạch đầu dòng thứ năm khoản 4 Điều 7 does not exist"),
    ("1\\. Bổ sung ý thứ năm vào gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“+ X.”",
     "a plus item added at its end is the third (thứ ba), not the fifth"),
    ("1\\. Bãi bỏ ý thứ hai gạch đầu dòng thứ hai khoản 4 Điều 7.\n\n"
     "2\\. Bãi bỏ ý thứ hai gạch đầu dòng thứ hai khoản 4 Điều 7.", "already"),
])
def test_a_plus_item_that_does_not_exist_is_refused_with_the_count(body: str, words: str) -> None:
    with pytest.raises(AmendmentConflict) as caught:
        amended(body)
    assert words in " ".join(p.message for p in caught.value.problems)


def test_amending_a_dash_item_and_one_of_its_plus_items_is_a_conflict() -> None:
    with pytest.raises(AmendmentConflict) as caught:
        amended("1\\. Sửa đổi gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“- Giữ gìn.”\n\n"
                "2\\. Bãi bỏ ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7.")
    assert "one provision may be changed by one instruction only" in " ".join(
        p.message for p in caught.value.problems)


def test_a_quoted_plus_item_must_start_with_its_plus_sign() -> None:
    with pytest.raises(ParseError) as caught:
        amended("1\\. Sửa đổi ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n“- tu dưỡng.”")
    assert "a quoted plus item (ý) begins with '+ '" in str(caught.value.problems[0])


def test_the_consolidated_text_notes_the_plus_item_on_its_clause() -> None:
    applied = apply(BASE, amending("1\\. Sửa đổi ý thứ nhất gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:\n\n"
                                   "“+ tu dưỡng;”\n\n2\\. Bãi bỏ ý thứ hai gạch đầu dòng thứ hai khoản 4 Điều 7."))
    changes = [str(c.address) for c in applied.changes]
    assert changes == ["d7.k4.dash2.plus1", "d7.k4.dash2.plus2"]
    ct = consolidate(BASE, [(amendment_meta("07-QC/TU", "2025-03-15", "2025-04-01"), applied)],
                     dt.date(2025, 6, 1), words=words_of(BASE))
    (note,) = [f.text for f in ct.footnotes if str(f.address) == HOLDER]
    assert note.startswith("Ý thứ nhất gạch đầu dòng thứ hai khoản này được sửa đổi theo quy định tại "
                           "khoản 1 Điều 1")
    assert "Ý thứ hai gạch đầu dòng thứ hai khoản này được bãi bỏ theo quy định tại khoản 2 Điều 1" in note
