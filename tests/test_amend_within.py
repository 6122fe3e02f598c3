"""`Bổ sung Điều 40b vào sau Điều 40a thuộc Mục 2 Chương II`: the `thuộc ...` phrase is checked, not dropped.

It was stripped and ignored, so an instruction naming the wrong section, or one that does not exist, passed.
"""

from __future__ import annotations

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.grammar import GrammarError, InsertUnit, read_instruction
from regdraft.core.amend.provisions import provisions
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Regulation
from regdraft.importer import import_file
from tests.conftest import CORPUS, in_corpus
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
    path = in_corpus(CORPUS / "luat-giao-duc.txt")
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


def _home(reg: Regulation, label: str) -> tuple[str, int]:
    """The innermost part, chapter, section or sub-section holding an article, and the article's place in it."""
    found = reg.find(f"d{label}")
    holder = found.ancestors[-1]
    index = next(i for i, c in enumerate(holder.children) if c is found.unit)
    return f"{holder.kind.value} {holder.label}", index


ARTICLE = "“Điều {label}. Thử\n\nNội dung mới.”"


@pytest.mark.parametrize(("place", "label", "after"), [
    ("cuối Tiểu mục 1 Mục 1 Chương II", "27a", "27"),
    ("cuối Mục 1 Chương II", "40a", "40"),  # after the last article of its last sub-section
    ("cuối Mục 2 Chương IV", "71a", "71"),  # not the last section of its chapter
    ("cuối Mục 2 Chương II", "46a", "46"),  # the last section, but not the last article of the law
    ("cuối Chương I", "22a", "22"),
    ("Tiểu mục 3 Mục 1 Chương II", "37a", "37"),
    ("cuối Chương IX", "116", "115"),  # after the last article of all: the next number
    ("cuối Chương IX", "115a", "115"),
])
def test_an_article_added_at_the_end_of_a_unit_goes_after_its_last_article(
        giao_duc: Regulation, place: str, label: str, after: str) -> None:
    # `vào cuối` took only the next number after the law's last article: `Bổ sung Điều 27a vào cuối Tiểu mục 1 Mục 1
    # Chương II` was refused ("takes the next number, 116, in the chapter holding the last article").
    quote = ARTICLE.format(label=label)
    appended = _apply(giao_duc, f"1\\. Bổ sung Điều {label} vào {place} như sau:\n\n{quote}")
    assert appended == _apply(giao_duc, f"1\\. Bổ sung Điều {label} vào sau Điều {after} như sau:\n\n{quote}")
    holder, index = _home(appended, label)
    assert (holder, index - 1) == _home(appended, after)


def test_an_article_added_at_the_end_of_a_section_is_labelled_after_its_last_article(giao_duc: Regulation) -> None:
    problems = _problems(giao_duc, f"1\\. Bổ sung Điều 27a vào cuối Mục 2 Chương IV như sau:\n\n"
                                   f"{ARTICLE.format(label='27a')}")
    assert any("Điều 27a is out of place: an article added at the end of Mục 2 Chương IV follows Điều 71, so it is "
               "labelled 71a." in p for p in problems), problems
    quote = ARTICLE.format(label="117")
    problems = _problems(giao_duc, f"1\\. Bổ sung Điều 117 vào cuối Chương IX như sau:\n\n{quote}")
    assert any("labelled 115a (or 116, after the last article)." in p for p in problems), problems


@pytest.mark.parametrize(("place", "label", "home"), [
    ("Tiểu mục 2 Mục 1 Chương II", "27a", "subsection 2"),
    ("Mục 2 Chương II", "40a", "section 2"),
    ("Chương II", "22a", "subsection 1"),  # before Điều 23, in the sub-section that holds it
])
def test_an_article_added_at_the_head_of_a_unit_goes_before_its_first_article(
        giao_duc: Regulation, place: str, label: str, home: str) -> None:
    assert read_instruction(f"Bổ sung Điều {label} vào đầu {place} như sau:", "vi") == InsertUnit(
        Address.parse(f"d{label}"), parent=provisions(place, None, "vi")[0].address, first=True)
    amended = _apply(giao_duc, f"1\\. Bổ sung Điều {label} vào đầu {place} như sau:\n\n{ARTICLE.format(label=label)}")
    assert _home(amended, label) == (home, 0)
    problems = _problems(giao_duc, f"1\\. Bổ sung Điều 50a vào đầu {place} như sau:\n\n{ARTICLE.format(label='50a')}")
    assert any(f"an article added at the head of {place} follows Điều {label[:-1]}, so it is labelled {label}."
               in p for p in problems), problems


def test_the_head_and_end_of_a_sub_section_in_english() -> None:
    where = Address.parse("ch2.m1.tm2")
    assert read_instruction("Insert Article 27a at the beginning of Sub-section 2, Section 1, Chapter II:",
                            "en") == InsertUnit(Address.parse("d27a"), parent=where, first=True)
    assert read_instruction("Insert Article 34a at the end of Sub-section 2, Section 1, Chapter II:",
                            "en") == InsertUnit(Address.parse("d34a"), parent=where)
    with pytest.raises(GrammarError, match="only articles are added at the head"):
        read_instruction("Bổ sung khoản 1a vào đầu Điều 5 như sau:", "vi")
