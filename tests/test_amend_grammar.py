"""The instruction grammar: every form in Vietnamese and English, citations, and its refusals."""

from __future__ import annotations

import pytest

from regdraft.core.amend.grammar import (
    AmendGroup,
    GrammarError,
    InsertUnit,
    RepealUnits,
    ReplaceHeading,
    ReplaceUnit,
    ReplaceWords,
    Several,
    read_instruction,
)
from regdraft.core.model import Address

A = Address.parse


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Sửa đổi, bổ sung khoản 2 Điều 5 như sau:", "vi", ReplaceUnit(A("d5.k2"))),
        ("Sửa đổi điểm đ khoản 1 Điều 4 như sau:", "vi", ReplaceUnit(A("d4.k1.dd"))),
        ("Khoản 2 Điều 5 được sửa đổi, bổ sung như sau:", "vi", ReplaceUnit(A("d5.k2"))),
        ("Clause 2 of Article 5 is amended to read:", "en", ReplaceUnit(A("d5.k2"))),
        ("Point dd, clause 1, Article 4 is amended to read:", "en", ReplaceUnit(A("d4.k1.dd"))),
        ("Sửa đổi tên Chương II như sau:", "vi", ReplaceHeading(A("ch2"))),
        ("Sửa đổi tên Mục 1 Chương IV như sau:", "vi", ReplaceHeading(A("ch4.m1"))),
        ("Sửa đổi tên Điều 7 như sau:", "vi", ReplaceHeading(A("d7"))),
        ("The title of Chapter II is amended to read:", "en", ReplaceHeading(A("ch2"))),
        ("Bổ sung khoản 5a vào sau khoản 5 Điều 4 như sau:", "vi", InsertUnit(A("d4.k5a"), after=A("d4.k5"))),
        ("Bổ sung Điều 20a vào sau Điều 20:", "vi", InsertUnit(A("d20a"), after=A("d20"))),
        ("Bổ sung điểm d1 vào sau điểm d khoản 2 Điều 7:", "vi", InsertUnit(A("d7.k2.d1"), after=A("d7.k2.d"))),
        ("Bổ sung khoản 5 vào Điều 14 như sau:", "vi", InsertUnit(A("d14.k5"), parent=A("d14"))),
        ("Bổ sung Điều 32 vào cuối Chương VI như sau:", "vi", InsertUnit(A("d32"), parent=A("ch6"))),
        ("Insert clause 5a after clause 5 of Article 4:", "en", InsertUnit(A("d4.k5a"), after=A("d4.k5"))),
        (
            "Insert point dd1 after point dd of clause 1 of Article 4:",
            "en",
            InsertUnit(A("d4.k1.dd1"), after=A("d4.k1.dd")),
        ),
        ("Add clause 5 to Article 14:", "en", InsertUnit(A("d14.k5"), parent=A("d14"))),
        ("Bãi bỏ điểm b khoản 2 Điều 9.", "vi", RepealUnits((A("d9.k2.b"),))),
        ("Bãi bỏ khoản 2 Điều 1, Điều 3 và Điều 4.", "vi", RepealUnits((A("d1.k2"), A("d3"), A("d4")))),
        ("Bãi bỏ điểm b, điểm c khoản 2 Điều 9.", "vi", RepealUnits((A("d9.k2.b"), A("d9.k2.c")))),
        ("Bãi bỏ khoản 2 và khoản 3 Điều 9;", "vi", RepealUnits((A("d9.k2"), A("d9.k3")))),
        ("Repeal point b, clause 2, Article 9.", "en", RepealUnits((A("d9.k2.b"),))),
        ("Repeal clause 2 of Article 1, Article 3 and Article 4.", "en", RepealUnits((A("d1.k2"), A("d3"), A("d4")))),
        (
            "Thay thế cụm từ “A b” bằng cụm từ “C” tại khoản 2 Điều 15 và khoản 1 Điều 32.",
            "vi",
            ReplaceWords("A b", "C", (A("d15.k2"), A("d32.k1"))),
        ),
        ('Thay thế cụm từ "A" bằng cụm từ "B" trong toàn bộ Quy chế.', "vi", ReplaceWords("A", "B")),
        ("Bỏ cụm từ “khóa XIV” tại khoản 1 Điều 1.", "vi", ReplaceWords("khóa XIV", None, (A("d1.k1"),))),
        (
            'Replace the words "A" with "B" in clause 2 of Article 15 and clause 1 of Article 32.',
            "en",
            ReplaceWords("A", "B", (A("d15.k2"), A("d32.k1"))),
        ),
        ('Replace the words "A" with "B" throughout these Regulations.', "en", ReplaceWords("A", "B")),
        ('Delete the words "A" in Article 3.', "en", ReplaceWords("A", None, (A("d3"),))),
        ("Sửa đổi, bổ sung một số điểm của khoản 1 Điều 4 như sau:", "vi", AmendGroup(A("d4.k1"))),
        ("Sửa đổi, bổ sung một số điều của Quy chế làm việc như sau:", "vi", AmendGroup(None)),
        ("Some points of clause 1 of Article 4 are amended as follows:", "en", AmendGroup(A("d4.k1"))),
        ("Article 5 is amended as follows:", "en", AmendGroup(A("d5"))),
    ],
)
def test_forms(sentence: str, language: str, expected: object) -> None:
    assert read_instruction(sentence, language) == expected


def test_relative_addresses_in_a_group() -> None:
    assert read_instruction("Sửa đổi, bổ sung điểm c như sau:", "vi", A("d4.k1")) == ReplaceUnit(A("d4.k1.c"))
    assert read_instruction("Bổ sung điểm e vào sau điểm đ như sau:", "vi", A("d4.k1")) == InsertUnit(
        A("d4.k1.e"), after=A("d4.k1.dd")
    )
    assert read_instruction("Bãi bỏ điểm a khoản 2.", "vi", A("d5")) == RepealUnits((A("d5.k2.a"),))
    assert read_instruction("Point c is amended to read:", "en", A("d4.k1")) == ReplaceUnit(A("d4.k1.c"))


@pytest.mark.parametrize(
    ("sentence", "language", "context", "message"),
    [
        ("Sửa đổi khoản 2 Điều 5", "vi", None, "announces new text but has no closing punctuation"),
        ("Bãi bỏ Điều 4", "vi", None, "must end with '.' or ';'"),
        ("Xóa Điều 4.", "vi", None, "documented forms"),
        ("Bãi bỏ khoản 2.", "vi", None, "does not name its article"),
        ("Sửa đổi khoản 3; bổ sung khoản 3a vào sau khoản 3 như sau:", "vi", None, "does not name its article"),
        ("Bãi bỏ Điều 4 Quy chế.", "vi", None, "'Quy chế' is not a provision"),
        ("Bãi bỏ Điều 4, Điều 4.", "vi", None, "names the same provision twice"),
        ("Sửa đổi, bổ sung Chương II như sau:", "vi", None, "Sửa đổi tên Chương II"),
        ("Sửa đổi tên khoản 2 Điều 3 như sau:", "vi", None, "has no title"),
        ("Bổ sung khoản 5a vào sau điểm a khoản 5 Điều 4:", "vi", None, "only be inserted after another khoản"),
        ("Bổ sung khoản 5a Điều 4 vào sau khoản 5 Điều 4:", "vi", None, "name only the new unit"),
        ("Sửa đổi, bổ sung khoản 2 như sau:", "vi", A("d4.k1"), "lies outside khoản 1 Điều 4"),
        ("Thay thế cụm từ “A” bằng cụm từ “A” tại Điều 3.", "vi", None, "the same words"),
        ("Repeal clause x of Article 2.", "en", None, "valid clause number"),
    ],
)
def test_refusals(sentence: str, language: str, context: Address | None, message: str) -> None:
    with pytest.raises(GrammarError) as info:
        read_instruction(sentence, language, context)
    assert message in str(info.value)


# The wording of real amending documents (issue 12 §2): every form, as offices and the National Assembly write it.
W = ReplaceWords


@pytest.mark.parametrize(
    ("sentence", "language", "context", "expected"),
    [
        # several provisions in one instruction, the quote holding each new unit in order
        ("Sửa đổi, bổ sung điểm a, điểm b khoản 1 Điều 12 như sau:", "vi", None,
         Several((ReplaceUnit(A("d12.k1.a")), ReplaceUnit(A("d12.k1.b"))))),
        ("Sửa đổi, bổ sung các điểm a, b và c khoản 1 Điều 3 như sau:", "vi", None,
         Several((ReplaceUnit(A("d3.k1.a")), ReplaceUnit(A("d3.k1.b")), ReplaceUnit(A("d3.k1.c"))))),
        ("Sửa đổi, bổ sung các điểm a, b và c khoản 1 như sau:", "vi", A("d3"),
         Several((ReplaceUnit(A("d3.k1.a")), ReplaceUnit(A("d3.k1.b")), ReplaceUnit(A("d3.k1.c"))))),
        ("Sửa đổi, bổ sung điểm a và điểm b khoản 2 Điều 7 như sau:", "vi", None,
         Several((ReplaceUnit(A("d7.k2.a")), ReplaceUnit(A("d7.k2.b"))))),
        ("Sửa đổi, bổ sung các khoản 19, 20 và 22 Điều 4 như sau:", "vi", None,
         Several((ReplaceUnit(A("d4.k19")), ReplaceUnit(A("d4.k20")), ReplaceUnit(A("d4.k22"))))),
        ("Sửa đổi, bổ sung khoản 2 và khoản 3 như sau:", "vi", A("d9"),
         Several((ReplaceUnit(A("d9.k2")), ReplaceUnit(A("d9.k3"))))),
        ("Sửa đổi, bổ sung Điều 10, Điều 11 như sau:", "vi", None,
         Several((ReplaceUnit(A("d10")), ReplaceUnit(A("d11"))))),
        ("Sửa đổi Điều 5:", "vi", None, ReplaceUnit(A("d5"))),
        ("Sửa đổi Khoản 2 Điều 10:", "vi", None, ReplaceUnit(A("d10.k2"))),
        ("Sửa đổi về thời hạn ban hành quyết định công bố tại Điều 15:", "vi", None,
         ReplaceUnit(A("d15"), about="thời hạn ban hành quyết định công bố")),
        ("Sửa đổi, bổ sung tên Điều và khoản 1 Điều 17 như sau:", "vi", None,
         Several((ReplaceHeading(A("d17")), ReplaceUnit(A("d17.k1"))))),
        ("Sửa đổi, bổ sung khoản 3 và khoản 4; bổ sung khoản 4a vào sau khoản 4 như sau:", "vi", A("d8"),
         Several((ReplaceUnit(A("d8.k3")), ReplaceUnit(A("d8.k4")), InsertUnit(A("d8.k4a"), after=A("d8.k4"))))),
        ("Sửa đổi, bổ sung khoản 6 và bổ sung khoản 6a vào sau khoản 6 như sau:", "vi", A("d8"),
         Several((ReplaceUnit(A("d8.k6")), InsertUnit(A("d8.k6a"), after=A("d8.k6"))))),
        # at the top level, the article named at the end is each change's (Luật 57/2024, Điều 3 khoản 9)
        ("Sửa đổi, bổ sung khoản 2 và khoản 3; bổ sung khoản 4 vào sau khoản 3 Điều 21 như sau:", "vi", None,
         Several((ReplaceUnit(A("d21.k2")), ReplaceUnit(A("d21.k3")), InsertUnit(A("d21.k4"), after=A("d21.k3"))))),
        ("Sửa đổi điểm a; bổ sung điểm a1 vào sau điểm a khoản 2 Điều 5 như sau:", "vi", None,
         Several((ReplaceUnit(A("d5.k2.a")), InsertUnit(A("d5.k2.a1"), after=A("d5.k2.a"))))),
        ("Bãi bỏ khoản 3; sửa đổi, bổ sung khoản 4 Điều 20 như sau:", "vi", None,
         Several((RepealUnits((A("d20.k3"),)), ReplaceUnit(A("d20.k4"))))),
        ("Sửa đổi, bổ sung khoản 3 Điều 4; bổ sung khoản 3a vào sau khoản 3 Điều 5 như sau:", "vi", None,
         Several((ReplaceUnit(A("d4.k3")), InsertUnit(A("d5.k3a"), after=A("d5.k3"))))),
        # group headings (a group without lettered instructions after it is decided by the document)
        ("Sửa đổi, bổ sung một số điểm, khoản của Điều 3 như sau:", "vi", None, AmendGroup(A("d3"))),
        ("Sửa đổi, bổ sung, bãi bỏ một số khoản của Điều 2 như sau:", "vi", None, AmendGroup(A("d2"))),
        ("Bổ sung một số khoản vào Điều 80 như sau:", "vi", None, AmendGroup(A("d80"))),
        ("Sửa đổi, bổ sung các khoản của Điều 6 như sau:", "vi", None, AmendGroup(A("d6"))),
        ("Sửa đổi, bổ sung, bãi bỏ một số điểm của khoản 1 Điều 31 như sau:", "vi", None, AmendGroup(A("d31.k1"))),
        ("Các sửa đổi khác:", "vi", None, AmendGroup(None)),
        ("Some clauses of Article 3 are amended as follows:", "en", None, AmendGroup(A("d3"))),
        ("Some points and clauses of Article 3 are amended and repealed as follows:", "en", None, AmendGroup(A("d3"))),
        ("Bổ sung, bãi bỏ một số điểm, khoản của Điều 36 như sau:", "vi", None, AmendGroup(A("d36"))),
        # inserts
        ("Bổ sung Điều 15a, Điều 15b vào sau Điều 15 như sau:", "vi", None,
         Several((InsertUnit(A("d15a"), after=A("d15")), InsertUnit(A("d15b"), after=A("d15a"))))),
        ("Bổ sung Điều 29a vào sau Điều 29 thuộc Mục 1 Chương III như sau:", "vi", None,
         InsertUnit(A("d29a"), after=A("d29"), within=A("ch3.m1"))),
        ("Bổ sung khoản 3a sau khoản 3 Điều 5 như sau:", "vi", None, InsertUnit(A("d5.k3a"), after=A("d5.k3"))),
        ("Bổ sung thêm điểm e vào khoản 2 Điều 4 như sau:", "vi", None, InsertUnit(A("d4.k2.e"), parent=A("d4.k2"))),
        ("Bổ sung điểm e vào cuối khoản 2 như sau:", "vi", A("d4"), InsertUnit(A("d4.k2.e"), parent=A("d4.k2"))),
        ("Bổ sung Điều 40 vào cuối Mục 2 Chương IV như sau:", "vi", None, InsertUnit(A("d40"), parent=A("ch4.m2"))),
        ("Bổ sung khoản 1a, khoản 1b vào sau khoản 1 Điều 9 như sau:", "vi", None,
         Several((InsertUnit(A("d9.k1a"), after=A("d9.k1")), InsertUnit(A("d9.k1b"), after=A("d9.k1a"))))),
        ("Bổ sung các khoản 2a, 2b và 2c vào sau khoản 2 như sau:", "vi", A("d7"),
         Several((InsertUnit(A("d7.k2a"), after=A("d7.k2")), InsertUnit(A("d7.k2b"), after=A("d7.k2a")),
                  InsertUnit(A("d7.k2c"), after=A("d7.k2b"))))),
        ("Bổ sung Điều 35a:", "vi", None, InsertUnit(A("d35a"), after=A("d35"))),
        ("Bổ sung điểm đ và điểm e vào sau điểm d như sau:", "vi", A("d32.k1"),
         Several((InsertUnit(A("d32.k1.dd"), after=A("d32.k1.d")), InsertUnit(A("d32.k1.e"), after=A("d32.k1.dd"))))),
        ("Clause 5a is added after clause 5 of Article 4 as follows:", "en", None,
         InsertUnit(A("d4.k5a"), after=A("d4.k5"))),
        ("Article 20a is inserted after Article 20:", "en", None, InsertUnit(A("d20a"), after=A("d20"))),
        # repeal
        ("Bãi bỏ các điểm b, c khoản 1 Điều 6.", "vi", None, RepealUnits((A("d6.k1.b"), A("d6.k1.c")))),
        ("Bãi bỏ Chương II.", "vi", None, RepealUnits((A("ch2"),))),
        ("Bãi bỏ Mục 2 Chương IV.", "vi", None, RepealUnits((A("ch4.m2"),))),
        ("Bãi bỏ Phần thứ hai.", "vi", None, RepealUnits((A("p2"),))),
        ("Bãi bỏ Khoản 5 Điều 29.", "vi", None, RepealUnits((A("d29.k5"),))),
        ("Bãi bỏ điểm d và điểm đ khoản 2, điểm c khoản 3 Điều này.", "vi", A("d5"),
         RepealUnits((A("d5.k2.d"), A("d5.k2.dd"), A("d5.k3.c")))),
        ("Article 9 is repealed.", "en", None, RepealUnits((A("d9"),))),
        ("Points b and c of clause 2 of Article 9 are annulled.", "en", None,
         RepealUnits((A("d9.k2.b"), A("d9.k2.c")))),
        # words
        ("Bãi bỏ cụm từ “và Tỉnh ủy” tại khoản 1 Điều 3.", "vi", None, W("và Tỉnh ủy", None, (A("d3.k1"),))),
        ("Bỏ từ “mật” tại Điều 5 và Điều 7.", "vi", None, W("mật", None, (A("d5"), A("d7")))),
        ("Thay cụm từ “A” bằng cụm từ “B” tại các khoản 1 và 3 Điều 4.", "vi", None,
         W("A", "B", (A("d4.k1"), A("d4.k3")))),
        ("Thay thế từ “A” bằng từ “B” tại Điều 2.", "vi", None, W("A", "B", (A("d2"),))),
        ("Sửa cụm từ “A” bằng cụm từ “B” tại Khoản 2 Điều 26;", "vi", None, W("A", "B", (A("d26.k2"),))),
        ("Thay thế cụm từ “A” bằng cụm từ “B”, cụm từ “C” bằng cụm từ “D” tại Điều 4.", "vi", None,
         Several((W("A", "B", (A("d4"),)), W("C", "D", (A("d4"),))))),
        ("Thay thế cụm từ “A” bằng cụm từ “B” tại tên Điều 3, điểm a khoản 7 Điều 3 và khoản 3 Điều 39.", "vi", None,
         W("A", "B", (A("d3.k7.a"), A("d39.k3")), (A("d3"),))),
        ("Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 2 Điều 21; khoản 9 Điều 39.", "vi", None,
         W("A", "B", (A("d21.k2"), A("d39.k9")))),
        ("Thay thế cụm từ “A” bằng cụm từ “B” tại phần căn cứ ban hành.", "vi", None, W("A", "B", preamble=True)),
        ("Bổ sung cụm từ “A” vào sau cụm từ “B” tại khoản 1 Điều 2.", "vi", None,
         W("B", "A", (A("d2.k1"),), position="after")),
        ("Bổ sung cụm từ “A” vào trước cụm từ “B” trong toàn bộ Quy chế.", "vi", None, W("B", "A", position="before")),
        ("Thay thế cụm từ “A” bằng cụm từ “B” trong toàn bộ Luật.", "vi", None, W("A", "B")),
        ("Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 1 Điều 8; bỏ cụm từ “C” tại khoản 4 Điều 13.", "vi", None,
         Several((W("A", "B", (A("d8.k1"),)), W("C", None, (A("d13.k4"),))))),
        ('Replace the phrase "A" with "B" in Article 4.', "en", None, W("A", "B", (A("d4"),))),
        ('Replace the words “A” with “B” in the title of Article 3 and clause 1 of Article 5.', "en", None,
         W("A", "B", (A("d5.k1"),), (A("d3"),))),
        ('Delete the words "A" from clause 2 of Article 3.', "en", None, W("A", None, (A("d3.k2"),))),
        ("Replace the words “A” with “B” in the preamble.", "en", None, W("A", "B", preamble=True)),
        ('Insert the words "A" after the words "B" in Article 2.', "en", None,
         W("B", "A", (A("d2"),), position="after")),
        # the English examples of docs/amendments.md
        ("Points a and b of clause 1 of Article 12 are amended to read:", "en", None,
         Several((ReplaceUnit(A("d12.k1.a")), ReplaceUnit(A("d12.k1.b"))))),
        ("The title of Article 17 and clause 1 of Article 17 are amended to read:", "en", None,
         Several((ReplaceHeading(A("d17")), ReplaceUnit(A("d17.k1"))))),
        ("Insert clauses 5a and 5b after clause 5 of Article 4:", "en", None,
         Several((InsertUnit(A("d4.k5a"), after=A("d4.k5")), InsertUnit(A("d4.k5b"), after=A("d4.k5a"))))),
        ("Clause 5 is added to Article 14 as follows:", "en", None, InsertUnit(A("d14.k5"), parent=A("d14"))),
        ("Chapter II is repealed.", "en", None, RepealUnits((A("ch2"),))),
        ("Replace the words “A” with “B”, “C” with “D” in Article 4.", "en", None,
         Several((W("A", "B", (A("d4"),)), W("C", "D", (A("d4"),))))),
        ("Thay thế cụm từ “A” bằng cụm từ “B” tại Lời nói đầu.", "vi", None, W("A", "B", preamble=True)),
        ("Bổ sung khoản 3a Điều 5:", "vi", None, InsertUnit(A("d5.k3a"), after=A("d5.k3"))),
        ("Sửa đổi phần mở đầu Điều 7 như sau:", "vi", None, ReplaceUnit(A("d7").with_part("intro"))),
        ("The lead-in of clause 2 of Article 5 is amended to read:", "en", None,
         ReplaceUnit(A("d5.k2").with_part("intro"))),
        ("Bổ sung đoạn cuối vào khoản 3 Điều 8 như sau:", "vi", None,
         InsertUnit(A("d8.k3").with_part("end"), parent=A("d8.k3"))),
        ("Thay thế cụm từ “A” bằng cụm từ “B” tại đoạn mở đầu khoản 1 Điều 3.", "vi", None,
         W("A", "B", (A("d3.k1").with_part("intro"),))),
    ],
)
def test_real_document_forms(sentence: str, language: str, context: Address | None, expected: object) -> None:
    assert read_instruction(sentence, language, context) == expected
