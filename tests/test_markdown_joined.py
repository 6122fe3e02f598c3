"""A line typed as a unit of its own but joined to the paragraph above (a Markdown lazy continuation) is a
problem naming the line, never words silently added to the unit above (docs/format.md, Joined lines)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from regdraft.core.errors import ParseError, Problem
from regdraft.core.markdown import canonical, parse, read
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file
from tests.conftest import CORPUS, FIXTURES, needs_corpus

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def joined(problems: tuple[Problem, ...]) -> list[Problem]:
    return [p for p in problems if "has no blank line before it" in p.message]


def test_a_point_typed_right_after_a_dash_item_is_a_problem_not_words_of_the_dash_item() -> None:
    text = MINI.replace("- Hội nghị bất thường.", "- Hội nghị bất thường;\na) Hội nghị chuyên đề.")
    reading = read(text, "mini.md")
    [problem] = reading.problems
    assert (problem.source, problem.line) == ("mini.md", 43)
    assert problem.message == (
        "The line 'a) Hội nghị chuyên đề.' starts like điểm a but has no blank line before it, so Markdown joins "
        "it to the paragraph above: it is read as words at the end of khoản 1 Điều 3. Leave a blank line before "
        "it to make it điểm a, or write it on the line above if it continues that sentence.")
    with pytest.raises(ParseError) as raised:
        parse(text, "mini.md")
    assert str(raised.value) == "mini.md has 1 problem:" and raised.value.problems == (problem,)
    with pytest.raises(ParseError):  # `fmt` writes nothing in its place (the joined words or anything else)
        canonical(text, "mini.md")


@pytest.mark.parametrize(("line", "what", "where"), [
    ("b1) Cá nhân đề xuất;", "điểm b1", "điểm b khoản 2 Điều 2"),
    ("đ) Cá nhân đề xuất;", "điểm đ", "điểm b khoản 2 Điều 2"),
    ("f) Cá nhân đề xuất;", "điểm f", "điểm b khoản 2 Điều 2"),
    ("2a. Cá nhân đề xuất.", "khoản 2a", "điểm b khoản 2 Điều 2"),
    ("2a\\. Cá nhân đề xuất.", "khoản 2a", "điểm b khoản 2 Điều 2"),
    ("    - Cá nhân đề xuất;", "a dash item", "điểm b khoản 2 Điều 2"),
])
def test_each_unit_label_joined_to_a_point_is_named(line: str, what: str, where: str) -> None:
    text = MINI.replace("Ban Thường vụ Tỉnh ủy;\n", f"Ban Thường vụ Tỉnh ủy;\n{line}\n")
    [problem] = joined(read(text, "mini.md").problems)
    assert problem.line == 30
    assert f"starts like {what} but" in problem.message
    assert f"words at the end of {where}." in problem.message
    assert f"Leave a blank line before it to make it {what}," in problem.message


def test_with_the_blank_line_the_unit_reads() -> None:
    text = MINI.replace("Ban Thường vụ Tỉnh ủy;\n", "Ban Thường vụ Tỉnh ủy;\n\nb1) Cá nhân đề xuất;\n")
    reading = read(text, "mini.md")
    assert not joined(reading.problems)
    clause = reading.regulation.find("d2.k2").unit
    assert [p.label for p in clause.children] == ["a", "b", "b1", "c"]


def test_a_plus_item_joined_inside_a_closing_text_names_the_closing_text() -> None:
    text = MINI.replace("c) Thiểu số phục tùng đa số.\n",
                        "c) Thiểu số phục tùng đa số.\n\n<!-- đoạn cuối khoản 2 -->\n\nViệc thực hiện:\n"
                        "      + báo cáo hằng năm.\n")
    [problem] = joined(read(text, "mini.md").problems)
    assert "starts like a plus item" in problem.message
    assert "words at the end of the closing text of khoản 2 Điều 2." in problem.message


def test_a_wrapped_sentence_is_no_problem() -> None:
    # Hand-wrapped paragraphs are joined into one line, as before: a line starting with a word, or with a number
    # after a line that ends mid-sentence (`… Điều` + `12. …`), is the sentence going on.
    text = MINI.replace(
        "3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.",
        "3\\. Công khai, minh bạch theo quy định tại khoản 1\nĐiều này và Điều\n12. Quy định số 22-QĐ/TW\n"
        "ngày 28/7/2021;\n2021. Năm.")
    reading = read(text, "mini.md")
    assert reading.problems == ()
    assert reading.regulation.find("d2.k3").unit.text == (
        "Công khai, minh bạch theo quy định tại khoản 1 Điều này và Điều 12. Quy định số 22-QĐ/TW ngày "
        "28/7/2021; 2021. Năm.",)


def test_a_clause_after_the_end_of_a_sentence_is_a_problem() -> None:
    text = MINI.replace("tại khoản 1 Điều này.", "tại khoản 1 Điều này.\n4. Các cơ quan thi hành.")
    [problem] = joined(read(text, "mini.md").problems)
    assert problem.line == 34 and "starts like khoản 4 but" in problem.message


def test_an_appendix_is_free_text() -> None:
    text = MINI + "\n# Phụ lục I. MẪU\n\nÝ kiến:\na) Có;\n"
    assert not joined(read(text, "mini.md").problems)


def test_an_english_text_names_its_units_in_english() -> None:
    text = MINI.replace("language: vi", "language: en").replace(
        "Ban Thường vụ Tỉnh ủy;\n", "Ban Thường vụ Tỉnh ủy;\ndd) Cá nhân đề xuất;\n")
    [problem] = joined(read(text, "mini.md").problems)
    assert "starts like point dd but" in problem.message


@needs_corpus
@pytest.mark.parametrize("law", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_corpus_law_has_a_joined_unit_even_wrapped(law: Path) -> None:
    """Imported, and with every paragraph hand-wrapped at 30 to 100 columns, no line is taken for a joined unit."""
    text = render(import_file(law).regulation)
    assert not joined(read(text, law.name).problems)
    lines = text.split("\n")
    body = lines.index("---", 1) + 1
    for width in (30, 50, 72, 100):
        wrapped = [*lines[:body]]
        for line in lines[body:]:
            plain = line.strip() and line[:1] not in "#|-+ "
            wrapped.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
                           if plain else [line])
        assert not joined(read("\n".join(wrapped), law.name).problems), width
