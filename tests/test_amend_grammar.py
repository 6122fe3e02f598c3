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
        ("Bãi bỏ Điều 4 Quy chế.", "vi", None, "'Quy chế' is not a provision"),
        ("Bãi bỏ Điều 4, Điều 4.", "vi", None, "names the same provision twice"),
        ("Sửa đổi, bổ sung Chương II như sau:", "vi", None, "Sửa đổi tên Chương II"),
        ("Sửa đổi tên khoản 2 Điều 3 như sau:", "vi", None, "has no title"),
        ("Bổ sung khoản 5a vào sau điểm a khoản 5 Điều 4:", "vi", None, "only be inserted after another khoản"),
        ("Bổ sung khoản 5a Điều 4 vào sau khoản 5 Điều 4:", "vi", None, "name only the new unit"),
        ("Sửa đổi, bổ sung khoản 2 như sau:", "vi", A("d4.k1"), "lies outside khoản 1 Điều 4"),
        ("Thay thế cụm từ “A” bằng cụm từ “A” tại Điều 3.", "vi", None, "the same words"),
        ("Bãi bỏ Chương II.", "vi", None, "repeal its articles"),
        ("Repeal clause x of Article 2.", "en", None, "valid clause number"),
    ],
)
def test_refusals(sentence: str, language: str, context: Address | None, message: str) -> None:
    with pytest.raises(GrammarError) as info:
        read_instruction(sentence, language, context)
    assert message in str(info.value)
