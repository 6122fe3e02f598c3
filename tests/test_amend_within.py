"""`Bổ sung Điều 40b vào sau Điều 40a thuộc Mục 2 Chương II`: the `thuộc ...` phrase is checked, not dropped.

It was stripped and ignored, so an instruction naming the wrong section, or one that does not exist, passed.
"""

from __future__ import annotations

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.grammar import InsertUnit, read_instruction
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Regulation
from regdraft.importer import import_file
from tests.conftest import CORPUS
from tests.test_amend_headings import SHIPPED, text

ARTICLE_13A = "“Điều 13a. Thử\n\nNội dung mới.”"


def _apply(reg: Regulation, body: str) -> Regulation:
    source = text(body).replace("regulation: 01-QC/TU", f"regulation: {reg.id}")
    return apply(reg, load_amendment(source, "amendments/t/amendment.md", "t")).regulation


def _problems(reg: Regulation, body: str) -> list[str]:
    with pytest.raises(AmendmentConflict) as caught:
        _apply(reg, body)
    assert {p.line for p in caught.value.problems} == {11}  # the instruction's line
    return [p.message for p in caught.value.problems]


def test_the_phrase_is_read_as_the_container() -> None:
    assert read_instruction("Bổ sung Điều 29a vào sau Điều 29 thuộc Mục 1 Chương III như sau:", "vi") == InsertUnit(
        Address.parse("d29a"), after=Address.parse("d29"), within=Address.parse("ch3.m1"))
    assert read_instruction("Bổ sung Điều 29a vào sau Điều 29 thuộc Tiểu mục 2 Mục 1 Chương II như sau:",
                            "vi").within == Address.parse("ch2.m1.tm2")  # type: ignore[union-attr]
    # A phrase that is not a citation is ignored, as before.
    assert read_instruction("Bổ sung Điều 29a vào sau Điều 29 thuộc Mục này như sau:", "vi") == InsertUnit(
        Address.parse("d29a"), after=Address.parse("d29"))


def test_the_right_section_applies_as_without_the_phrase() -> None:
    plain = _apply(SHIPPED, f"1\\. Bổ sung Điều 13a vào sau Điều 13 như sau:\n\n{ARTICLE_13A}")
    placed = _apply(SHIPPED, f"1\\. Bổ sung Điều 13a vào sau Điều 13 thuộc Mục 1 Chương IV như sau:\n\n{ARTICLE_13A}")
    assert placed == plain
    assert [a.label for a in placed.find("ch4.m1").unit.children] == ["12", "13", "13a", "14", "15"]
    whole_chapter = _apply(SHIPPED, f"1\\. Bổ sung Điều 13a vào sau Điều 13 thuộc Chương IV như sau:\n\n{ARTICLE_13A}")
    assert whole_chapter == plain


@pytest.mark.parametrize(("within", "words"), [
    ("Mục 2 Chương IV", "Điều 13 is not in Mục 2 Chương IV (it is in Mục 1 Chương IV)"),
    ("Chương III", "Điều 13 is not in Chương III (it is in Mục 1 Chương IV)"),
    ("Mục 7 Chương IX", "Mục 7 Chương IX does not exist"),
    ("Mục 7 Chương IV", "Mục 7 Chương IV does not exist"),
])
def test_a_wrong_or_missing_container_is_a_problem_at_the_instruction(within: str, words: str) -> None:
    problems = _problems(SHIPPED, f"1\\. Bổ sung Điều 13a vào sau Điều 13 thuộc {within} như sau:\n\n{ARTICLE_13A}")
    assert any(words.lower() in p.lower() for p in problems), problems


def test_an_article_added_at_the_end_of_a_section_is_checked_too() -> None:
    problems = _problems(SHIPPED, "1\\. Bổ sung Điều 15a vào cuối Mục 1 Chương IV thuộc Chương III như sau:\n\n"
                                  "“Điều 15a. Thử\n\nNội dung mới.”")
    assert any("is not in chương iii" in p.lower() for p in problems), problems


@pytest.fixture(scope="module")
def giao_duc() -> Regulation:
    path = CORPUS / "luat-giao-duc.txt"
    if not path.is_file():
        pytest.skip("the shared corpus (../shared/corpus) is absent")
    return read(render(import_file(path).regulation), "luat-giao-duc.md").regulation


def test_sub_sections_of_the_education_law(giao_duc: Regulation) -> None:
    quote = "“Điều 27a. Thử\n\nNội dung mới.”"
    plain = _apply(giao_duc, f"1\\. Bổ sung Điều 27a vào sau Điều 27 như sau:\n\n{quote}")
    placed = _apply(giao_duc, f"1\\. Bổ sung Điều 27a vào sau Điều 27 thuộc Tiểu mục 1 Mục 1 Chương II như sau:"
                              f"\n\n{quote}")
    assert placed == plain
    problems = _problems(giao_duc, f"1\\. Bổ sung Điều 27a vào sau Điều 27 thuộc Tiểu mục 2 Mục 1 Chương II như "
                                   f"sau:\n\n{quote}")
    assert any("Điều 27 is not in Tiểu mục 2 Mục 1 Chương II (it is in Tiểu mục 1 Mục 1 Chương II)".lower()
               in p.lower() for p in problems), problems
