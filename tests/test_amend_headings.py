"""A new chapter or section inserted with its articles (`Bổ sung Chương IIa sau Chương II như sau:`), issue 12."""

from __future__ import annotations

import datetime as dt

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.grammar import InsertUnit, read_instruction
from regdraft.core.consolidate import consolidate
from regdraft.core.errors import AmendmentConflict, ParseError
from regdraft.core.markdown import parse, render, validate
from regdraft.core.model import Address, Kind, Regulation

from .conftest import SHIPPED_REGULATION
from .test_consolidate import amendment_meta

SHIPPED = parse(SHIPPED_REGULATION.read_bytes(), "regulations/01-QC-TU.md")
CHAPTER = ("“Chương IIa\n\nTRÁCH NHIỆM CỦA ỦY BAN KIỂM TRA TỈNH ỦY\n\nĐiều 6a. Nhiệm vụ\n\n1\\. Kiểm tra tổ chức đảng."
           "\n\n2\\. Giám sát:\n\na) tổ chức đảng cấp dưới;\n\nb) đảng viên.\n\nĐiều 6b. Quyền hạn\n\n"
           "Ủy ban Kiểm tra Tỉnh ủy được yêu cầu báo cáo.”")


def text(body: str) -> str:
    return ("---\nnumber: 07-QC/TU\ntitle: Thử\nregulation: 01-QC/TU\nlanguage: vi\nstatus: draft\n---\n\n"
            f"## Điều 1. Sửa đổi\n\n{body.strip()}\n")


def amended(body: str) -> Regulation:
    result = apply(SHIPPED, load_amendment(text(body), "amendments/t/amendment.md", "t")).regulation
    assert validate(result) == [] and parse(render(result)) == result
    # Every article of the base keeps its text and its place in the order.
    before = [(loc.unit.label, loc.unit) for loc in SHIPPED.articles()]
    after = [(loc.unit.label, loc.unit) for loc in result.articles() if loc.unit.label in dict(before)]
    assert after == before
    return result


def test_the_wording_of_new_chapters_and_sections() -> None:
    chapter_2a, chapter_2 = Address.parse("ch2a"), Address.parse("ch2")
    assert read_instruction("Bổ sung Chương IIa vào sau Chương II như sau:", "vi") == InsertUnit(chapter_2a,
                                                                                               after=chapter_2)
    assert read_instruction("Bổ sung Chương IIa sau Chương II như sau:", "vi") == InsertUnit(chapter_2a,
                                                                                           after=chapter_2)
    assert read_instruction("Bổ sung Mục 3a vào sau Mục 3 Chương IV như sau:", "vi") == InsertUnit(
        Address.parse("ch4.m3a"), after=Address.parse("ch4.m3"))
    assert read_instruction("Bổ sung Mục 4 vào cuối Chương IV như sau:", "vi") == InsertUnit(
        Address.parse("ch4.m4"), parent=Address.parse("ch4"))
    assert read_instruction("Chapter IIa is inserted after Chapter II as follows:", "en") == InsertUnit(
        chapter_2a, after=chapter_2)
    assert Address.parse("Mục 3a Chương IV") == Address.parse("ch4.m3a")


def test_a_new_chapter_with_its_articles_goes_after_the_chapter_named() -> None:
    reg = amended(f"1\\. Bổ sung Chương IIa vào sau Chương II như sau:\n\n{CHAPTER}")
    chapter = reg.find("ch2a").unit
    assert chapter.title == "TRÁCH NHIỆM CỦA ỦY BAN KIỂM TRA TỈNH ỦY"
    assert [c.label for c in chapter.children] == ["6a", "6b"]
    assert reg.find("d6a.k2.b").unit.text == ("đảng viên.",)
    assert [u.label for u in reg.units if u.kind is Kind.CHAPTER][:4] == ["I", "II", "IIa", "III"]
    assert "# Chương IIa. TRÁCH NHIỆM CỦA ỦY BAN KIỂM TRA TỈNH ỦY\n\n## Điều 6a. Nhiệm vụ" in render(reg)


def test_a_new_section_after_another_and_one_at_the_end_of_a_chapter() -> None:
    reg = amended("1\\. Bổ sung Mục 3a vào sau Mục 3 Chương IV như sau:\n\n“Mục 3a. THÔNG TIN\n\n"
                  "Điều 21a. Thông tin\n\nThông tin được cung cấp kịp thời.”")
    assert [s.label for s in reg.find("ch4").unit.children] == ["1", "2", "3", "3a"]
    assert reg.find("d21a").unit.text == ("Thông tin được cung cấp kịp thời.",)
    reg = amended("1\\. Bổ sung Mục 4 vào Chương IV như sau:\n\n“Mục 4\n\nTHÔNG TIN\n\nĐiều 21a. Thông tin\n\nX.”")
    assert reg.find("ch4.m4").unit.title == "THÔNG TIN"


def test_a_chapter_with_sections_appended_after_the_last_takes_the_next_numbers() -> None:
    reg = amended("1\\. Bổ sung Chương VII vào sau Chương VI như sau:\n\n“Chương VII. ĐIỀU KHOẢN CHUYỂN TIẾP\n\n"
                  "Mục 1. CHUNG\n\nĐiều 32. Chuyển tiếp\n\nX.\n\nMục 2. RIÊNG\n\nĐiều 33. Riêng\n\nY.”")
    assert [a.label for a in reg.find("ch7.m2").unit.children] == ["33"]


def test_the_consolidated_text_notes_the_new_chapter() -> None:
    applied = apply(SHIPPED, load_amendment(text(f"1\\. Bổ sung Chương IIa vào sau Chương II như sau:\n\n{CHAPTER}"),
                                            "amendments/t/amendment.md", "t"))
    ct = consolidate(SHIPPED, [(amendment_meta("07-QC/TU", "2025-03-15", "2025-04-01"), applied)], dt.date(2025, 6, 1))
    notes = {str(f.address): f.text for f in ct.footnotes}
    assert notes["ch2a"].startswith("Chương này được bổ sung theo quy định tại khoản 1 Điều 1 Quy chế số 07-QC/TU")


@pytest.mark.parametrize(("body", "words"), [
    ("1\\. Bổ sung Chương IIa sau Chương II như sau:\n\n“Chương IIa. X\n\nĐiều 9. Y\n\nZ.”",
     "the new Chương IIa holds Điều 9, which the regulation already has"),
    ("1\\. Bổ sung Chương IIa sau Chương II như sau:\n\n“Chương IIa. X\n\nĐiều 12a. Y\n\nZ.”",
     "are out of place: articles are numbered through the whole document, so the ones standing after Điều 6 and "
     "before Điều 7 are numbered 6a, 6b"),
    ("1\\. Bổ sung Chương IIb sau Chương II như sau:\n\n“Chương IIb. X\n\nĐiều 6a. Y\n\nZ.”",
     "Chương IIb is out of place: a Chương inserted after Chương II is labelled IIa"),
    ("1\\. Bổ sung Chương IIa sau Chương IX như sau:\n\n“Chương IIa. X\n\nĐiều 6a. Y\n\nZ.”",
     "Chương IX does not exist"),
])
def test_a_new_chapter_that_does_not_fit_is_refused(body: str, words: str) -> None:
    with pytest.raises(AmendmentConflict) as caught:
        amended(body)
    assert words in " ".join(p.message for p in caught.value.problems)


@pytest.mark.parametrize(("quote", "words"), [
    ("“Chương IIa. X\n\nNội dung lạc.\n\nĐiều 6a. Y\n\nZ.”", "holds 'Nội dung lạc.' outside any article"),
    ("“Chương IIa. X”", "has no article; quote its articles too"),
    ("“Chương III. X\n\nĐiều 6a. Y\n\nZ.”", "must begin with 'Chương IIa'"),
])
def test_a_quoted_chapter_that_is_not_one_is_refused(quote: str, words: str) -> None:
    with pytest.raises(ParseError) as caught:
        amended(f"1\\. Bổ sung Chương IIa sau Chương II như sau:\n\n{quote}")
    assert words in " ".join(p.message for p in caught.value.problems)
