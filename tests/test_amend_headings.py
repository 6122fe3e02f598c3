"""A new chapter or section inserted with its articles (`Bổ sung Chương IIa sau Chương II như sau:`), issue 12."""

from __future__ import annotations

import datetime as dt

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.grammar import InsertUnit, read_instruction
from regdraft.core.consolidate import consolidate
from regdraft.core.errors import AmendmentConflict, ParseError
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Kind, Regulation
from tests.test_consolidate import words_of

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
    ct = consolidate(SHIPPED, [(amendment_meta("07-QC/TU", "2025-03-15", "2025-04-01"), applied)], dt.date(2025, 6, 1),
                     words=words_of(SHIPPED))
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


NEW_LAST = "“Chương VII. ĐIỀU KHOẢN CHUYỂN TIẾP\n\nĐiều 32. Chuyển tiếp\n\nCác văn bản đã ban hành tiếp tục thực hiện.”"


@pytest.mark.parametrize("instruction", [
    "Bổ sung Chương VII vào sau Chương VI như sau:",
    "Bổ sung Chương VII như sau:",  # no place named: after Chương VI, the one before it
    "Bổ sung Chương VII vào cuối Quy chế như sau:",
    "Bổ sung Chương VII vào cuối Quy chế này như sau:",
])
def test_a_chapter_added_after_the_last_one_with_or_without_naming_it(instruction: str) -> None:
    reg = amended(f"1\\. {instruction}\n\n{NEW_LAST}")
    assert [u.label for u in reg.units if u.kind is Kind.CHAPTER] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert render(reg).endswith("# Chương VII. ĐIỀU KHOẢN CHUYỂN TIẾP\n\n## Điều 32. Chuyển tiếp\n\n"
                                "Các văn bản đã ban hành tiếp tục thực hiện.\n")
    assert reg.units[:-1] == SHIPPED.units


def test_a_chapter_with_a_suffix_and_a_section_without_naming_the_place() -> None:
    assert read_instruction("Bổ sung Chương VIIa như sau:", "vi") == InsertUnit(Address.parse("ch7a"),
                                                                                 after=Address.parse("ch7"))
    assert read_instruction("Bổ sung Chương VIII như sau:", "vi") == InsertUnit(Address.parse("ch8"),
                                                                                 after=Address.parse("ch7"))
    assert read_instruction("Bổ sung Mục 4 Chương IV như sau:", "vi") == InsertUnit(Address.parse("ch4.m4"),
                                                                                     after=Address.parse("ch4.m3"))
    assert read_instruction("Bổ sung Phần thứ tư như sau:", "vi") == InsertUnit(Address.parse("p4"),
                                                                                after=Address.parse("p3"))
    assert read_instruction("Chapter VII is added at the end of these Regulations as follows:", "en") == InsertUnit(
        Address.parse("ch7"), after=Address.parse("ch6"))
    reg = amended(f"1\\. Bổ sung Chương VIa như sau:\n\n{NEW_LAST.replace('Chương VII', 'Chương VIa')}")
    assert [u.label for u in reg.units if u.kind is Kind.CHAPTER][-2:] == ["VI", "VIa"]
    with pytest.raises(AmendmentConflict) as caught:
        amended(f"1\\. Bổ sung Chương VIII như sau:\n\n{NEW_LAST.replace('Chương VII', 'Chương VIII')}")
    assert "Chương VII does not exist" in caught.value.problems[0].message
    with pytest.raises(ParseError) as refused:
        amended(f"1\\. Bổ sung Chương I như sau:\n\n{NEW_LAST.replace('Chương VII', 'Chương I')}")
    assert "say where Chương I goes" in refused.value.problems[0].message


PARTS = """---
id: 03-QC/TU
type: Quy chế
title: Quy chế có các phần
issuer: TỈNH ỦY ĐIỆN BIÊN
signed: 2021-01-09
language: vi
---

# Phần thứ nhất. QUY ĐỊNH CHUNG

## Chương I. PHẠM VI

### Điều 1. Phạm vi

Quy chế này quy định chế độ làm việc.

# Phần thứ hai. CHẾ ĐỘ LÀM VIỆC

## Chương II. HỘI NGHỊ

### Điều 2. Hội nghị

Hội nghị họp thường kỳ.

## Chương III. VĂN BẢN

### Điều 3. Văn bản

Văn bản được ban hành đúng thể thức.
"""
NEW_PART = ("“Phần thứ ba. ĐIỀU KHOẢN THI HÀNH\n\nChương IV. CHUYỂN TIẾP\n\nĐiều 4. Chuyển tiếp\n\n"
            "Văn bản cũ tiếp tục thực hiện.\n\nChương V. HIỆU LỰC\n\nMục 1. CHUNG\n\nĐiều 5. Hiệu lực\n\n"
            "1\\. Quy chế này có hiệu lực kể từ ngày ký.\n\n2\\. Bãi bỏ quy chế cũ.”")


def with_parts(body: str) -> Regulation:
    base = parse(PARTS, "regulations/03-QC-TU.md")
    result = apply(base, load_amendment(text(body).replace("01-QC/TU", "03-QC/TU"), "amendments/t/amendment.md",
                                        "t")).regulation
    assert validate(result) == [] and parse(render(result)) == result
    assert result.units[:len(base.units)] == base.units
    return result


@pytest.mark.parametrize("instruction", [
    "Bổ sung Phần thứ ba vào sau Phần thứ hai như sau:", "Bổ sung Phần thứ ba như sau:",
    "Bổ sung Phần thứ ba vào cuối Quy chế như sau:",
])
def test_a_new_part_with_its_chapters_sections_and_articles(instruction: str) -> None:
    reg = with_parts(f"1\\. {instruction}\n\n{NEW_PART}")
    part = reg.find("p3").unit
    assert (part.title, [c.label for c in part.children]) == ("ĐIỀU KHOẢN THI HÀNH", ["IV", "V"])
    assert reg.find("ch5.m1").unit.title == "CHUNG"
    assert reg.find("d5.k2").unit.text == ("Bãi bỏ quy chế cũ.",)
    assert render(reg).endswith(
        "# Phần thứ ba. ĐIỀU KHOẢN THI HÀNH\n\n## Chương IV. CHUYỂN TIẾP\n\n### Điều 4. Chuyển tiếp\n\n"
        "Văn bản cũ tiếp tục thực hiện.\n\n## Chương V. HIỆU LỰC\n\n### Mục 1. CHUNG\n\n#### Điều 5. Hiệu lực\n\n"
        "1\\. Quy chế này có hiệu lực kể từ ngày ký.\n\n2\\. Bãi bỏ quy chế cũ.\n")


@pytest.mark.parametrize(("quote", "words"), [
    (NEW_PART.replace("Chương IV.", "Chương II."),
     "the new Phần thứ ba holds Chương II, which the regulation already has; chapters are numbered through"),
    (NEW_PART.replace("Chương IV.", "Chương VI."), "the chapters of the new Phần thứ ba (Chương VI, V) are out of "
     "place: chapters are numbered through the whole document, so the ones standing after Chương III are numbered "
     "IIIa, IIIb"),
    (NEW_PART.replace("Điều 4.", "Điều 2."), "the new Phần thứ ba holds Điều 2, which the regulation already has"),
])
def test_a_new_part_whose_chapters_or_articles_do_not_fit_is_refused(quote: str, words: str) -> None:
    with pytest.raises(AmendmentConflict) as caught:
        with_parts(f"1\\. Bổ sung Phần thứ ba vào sau Phần thứ hai như sau:\n\n{quote}")
    assert words in " ".join(p.message for p in caught.value.problems)


def test_a_quoted_part_that_is_not_one_is_refused() -> None:
    with pytest.raises(ParseError) as caught:
        with_parts("1\\. Bổ sung Phần thứ ba như sau:\n\n“Phần thứ ba. X\n\nChương IV. Y”")
    assert "the quoted Chương IV has no article" in caught.value.problems[0].message
    with pytest.raises(ParseError) as wrong:
        with_parts(f"1\\. Bổ sung Phần thứ tư như sau:\n\n{NEW_PART}")
    assert "must begin with 'Phần thứ tư'" in wrong.value.problems[0].message


def test_a_part_of_articles_and_a_chapter_added_at_the_end_of_a_part() -> None:
    reg = with_parts("1\\. Bổ sung Phần thứ ba như sau:\n\n“Phần thứ ba. THI HÀNH\n\nĐiều 4. Hiệu lực\n\n"
                     "Quy chế này có hiệu lực kể từ ngày ký.”")
    assert [(c.kind, c.label) for c in reg.find("p3").unit.children] == [(Kind.ARTICLE, "4")]
    base = parse(PARTS, "regulations/03-QC-TU.md")
    chapter = "“Chương IV. THI HÀNH\n\nĐiều 4. Hiệu lực\n\nQuy chế này có hiệu lực kể từ ngày ký.”"
    for instruction in ("Bổ sung Chương IV vào sau Chương III như sau:", "Bổ sung Chương IV như sau:",
                        "Bổ sung Chương IV vào Phần thứ hai như sau:"):
        amendment = load_amendment(text(f"1\\. {instruction}\n\n{chapter}").replace("01-QC/TU", "03-QC/TU"),
                                   "amendments/t/amendment.md", "t")
        result = apply(base, amendment).regulation
        assert [c.label for c in result.find("p2").unit.children] == ["II", "III", "IV"], instruction
        assert result.find("d4").unit.text == ("Quy chế này có hiệu lực kể từ ngày ký.",)
        assert result.units[0] == base.units[0] and validate(result) == []
