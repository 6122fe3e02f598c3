"""A hand-wrapped line that starts with `- `, `+ `, `* ` or `1. ` right under a paragraph starts a list in Markdown,
which splits the sentence into a lead-in and a dash item (or a clause): a problem naming the line, never a silent
split, when the line above ends mid-sentence (docs/format.md, Lists right under a paragraph)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from regdraft.core.blocks import INTERRUPTS, body_blocks
from regdraft.core.errors import ParseError, Problem
from regdraft.core.markdown import Chunks, canonical, parse, read
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file
from tests.conftest import CORPUS, FIXTURES, needs_corpus

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
POINT_B = "b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;\n"


def interrupting(problems: tuple[Problem, ...]) -> list[Problem]:
    return [p for p in problems if "right under a paragraph" in p.message]


def wrapped_point_b(line: str, above: str = "b) Cá nhân phụ trách phát triển kinh tế") -> str:
    return MINI.replace(POINT_B, f"{above}\n{line}\n")


def test_the_blocks_tell_where_a_list_starts_right_under_a_paragraph() -> None:
    text = "a) Phát triển kinh tế\n- xã hội;\n  + ý một\n    - ý hai\n\nSau:\n1. Khoản một."
    lines = text.split("\n")
    assert list(body_blocks(text, lines, 0, joins=True)) == [
        ("para", "a) Phát triển kinh tế", 1), ("para", "- xã hội;", 2), (INTERRUPTS, "- xã hội;", 2),
        ("para", "+ ý một", 3),  # a `+` list in a dash item: how the format writes plus items
        ("para", "- ý hai", 4), (INTERRUPTS, "- ý hai", 4),  # a dash list in the plus item: not the format's
        ("para", "Sau:", 6), ("para", "1\\. Khoản một.", 7), (INTERRUPTS, "1. Khoản một.", 7)]
    assert INTERRUPTS not in [kind for kind, _, _ in body_blocks(text, lines, 0)]


def test_a_dash_wrapped_into_a_point_is_a_problem_not_a_silent_dash_item() -> None:
    text = wrapped_point_b("- xã hội của địa phương;")
    reading = read(text, "mini.md")
    [problem] = reading.problems
    assert (problem.source, problem.line) == ("mini.md", 30)
    assert problem.message == (
        "The line '- xã hội của địa phương;' starts a dash item right under a paragraph, without the blank line a "
        "dash item needs; it is read as a dash item of điểm b khoản 2 Điều 2. Leave a blank line before it if it "
        "is one, or join it to the line above if it continues the sentence.")
    with pytest.raises(ParseError) as raised:
        parse(text, "mini.md")
    assert raised.value.problems == (problem,)
    with pytest.raises(ParseError):  # `fmt` never writes the split sentence as a lead-in and a dash item
        canonical(text, "mini.md")


def test_joined_to_the_line_above_the_sentence_reads_whole() -> None:
    text = wrapped_point_b("- xã hội của địa phương;", "b) Cá nhân phụ trách phát triển kinh tế")
    joined = text.replace("kinh tế\n- xã hội", "kinh tế - xã hội")
    reading = read(joined, "mini.md")
    assert reading.problems == ()
    assert reading.regulation.find("d2.k2.b").unit.text == ("Cá nhân phụ trách phát triển kinh tế - xã hội của địa "
                                                            "phương;",)


@pytest.mark.parametrize(("line", "starts", "read_as"), [
    ("+ xã hội của địa phương;", "a plus item", "a plus item of điểm b khoản 2 Điều 2"),
    ("* xã hội của địa phương;", "a dash item", "a dash item of điểm b khoản 2 Điều 2"),
    ("- Thương binh và Xã hội;", "a dash item", "a dash item of điểm b khoản 2 Điều 2"),  # Bộ Lao động - Thương binh
    ("1. xã hội của địa phương;", "khoản 1", "khoản 1 Điều 2"),
    ("1) xã hội của địa phương;", "khoản 1", "khoản 1 Điều 2"),
])
def test_each_list_that_interrupts_a_wrapped_sentence_is_named(line: str, starts: str, read_as: str) -> None:
    [problem] = interrupting(read(wrapped_point_b(line), "mini.md").problems)
    assert problem.line == 30
    assert f"The line '{line}' starts {starts} right under a paragraph" in problem.message
    assert f"it is read as {read_as}. Leave a blank line" in problem.message


@pytest.mark.parametrize("above", [
    "b) Cá nhân phụ trách các việc sau:", "b) Cá nhân phụ trách;", "b) Cá nhân phụ trách.", "b) Cá nhân “phụ trách.”",
])
def test_a_list_typed_right_under_a_lead_in_that_ends_is_a_list(above: str) -> None:
    # Markdown has always read these as a lead-in and its items, as the drafter meant: nothing to report.
    reading = read(wrapped_point_b("- Công tác cán bộ;", above), "mini.md")
    assert reading.problems == ()
    assert reading.regulation.find("d2.k2.b").unit.text[1:] == ("- Công tác cán bộ;",)


def test_plus_items_under_a_dash_item_as_the_format_writes_them_are_no_problem() -> None:
    # `fmt` writes a plus item right under its dash item (`- …` then `  + …`); the dash item need not end with `:`.
    text = MINI.replace(POINT_B, "b) Cá nhân phụ trách:\n\n- Công tác cán bộ\n+ quy hoạch\n+ đào tạo\n- Công tác "
                                 "khác\n\n+ kiểm tra\n+ giám sát\n")
    regulation = parse(text, "mini.md")
    written = render(regulation)
    assert "- Công tác cán bộ\n  + quy hoạch\n  + đào tạo\n- Công tác khác\n  + kiểm tra" in written
    reading = read(written, "mini.md")
    assert reading.problems == () and reading.regulation == parse(written, "mini.md")
    # A plus item first in its list is indented as the others are (it was at the margin, the next ones not), and
    # under a paragraph of a dash item too.
    plus_first = MINI.replace(POINT_B, "b) Cá nhân phụ trách:\n\n+ quy hoạch\n+ đào tạo\n")
    written = render(parse(plus_first, "mini.md"))
    assert "phụ trách:\n\n  + quy hoạch\n  + đào tạo\n" in written and read(written, "mini.md").problems == ()
    assert render(parse(written, "mini.md")) == written
    under = MINI.replace(POINT_B, "b) Cá nhân phụ trách:\n\n- Công tác cán bộ:\n\ngồm:\n\n+ quy hoạch\n+ đào tạo\n")
    written = render(parse(under, "mini.md"))
    assert "gồm:\n\n  + quy hoạch\n  + đào tạo\n" in written and read(written, "mini.md").problems == ()
    assert parse(written, "mini.md") == parse(under, "mini.md") and render(parse(written, "mini.md")) == written


def test_a_dash_wrapped_inside_a_dash_item_is_a_problem() -> None:
    text = MINI.replace(POINT_B, "b) Cá nhân phụ trách:\n\n- Phát triển kinh tế\n  - xã hội;\n- Quốc phòng.\n")
    [problem] = interrupting(read(text, "mini.md").problems)
    assert problem.line == 32
    assert "The line '- xã hội;' starts a dash item" in problem.message


def test_the_preamble_and_a_closing_text_are_named() -> None:
    preamble = MINI.replace("Căn cứ Điều lệ Đảng;\n", "Căn cứ kế hoạch phát triển kinh tế\n- xã hội;\n")
    [problem] = interrupting(read(preamble, "mini.md").problems)
    assert "it is read as a dash item of the preamble." in problem.message
    closing = MINI.replace("c) Thiểu số phục tùng đa số.\n",
                           "c) Thiểu số phục tùng đa số.\n\n<!-- đoạn cuối khoản 2 -->\n\nViệc phát triển kinh tế\n"
                           "- xã hội.\n")
    [problem] = interrupting(read(closing, "mini.md").problems)
    assert "it is read as a dash item of the closing text of khoản 2 Điều 2." in problem.message


def test_an_appendix_is_free_text() -> None:
    text = MINI + "\n# Phụ lục I. MẪU\n\nKế hoạch phát triển kinh tế\n- xã hội\n1. Có\n"
    assert not interrupting(read(text, "mini.md").problems)


def test_an_english_text_names_its_units_in_english() -> None:
    text = wrapped_point_b("1. social development;").replace("language: vi", "language: en")
    [problem] = interrupting(read(text, "mini.md").problems)
    assert "starts clause 1 right under a paragraph, without the blank line a clause needs" in problem.message


def test_read_an_article_at_a_time_the_problem_is_the_same() -> None:
    text = wrapped_point_b("- xã hội của địa phương;")
    chunks: Chunks = {}
    assert read(text, "mini.md", chunks=chunks).problems == read(text, "mini.md").problems
    assert read(text, "mini.md", reuse=chunks, chunks={}).problems == read(text, "mini.md").problems


_INTERRUPTS = re.compile(r"^(?:[-+*]|1[.)]) ")


@needs_corpus
@pytest.mark.parametrize("law", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_corpus_law_is_reported_and_each_wrapped_sentence_is(law: Path) -> None:
    """Imported and rendered, no law has a list right under a paragraph reported; hand-wrapped at 30 to 100
    columns, every wrapped line that starts like a list (`… kinh tế` + `- xã hội …`) is reported, and no other."""
    text = render(import_file(law).regulation)
    assert not read(text, law.name).problems
    lines = text.split("\n")
    body = lines.index("---", 1) + 1
    for width in (30, 50, 72, 100):
        wrapped, expected = [*lines[:body]], []
        for line in lines[body:]:
            plain = line.strip() and line[:1] not in "#|-+ "
            for k, part in enumerate(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
                                     if plain else [line]):
                wrapped.append(part)
                if k and _INTERRUPTS.match(part):
                    expected.append(len(wrapped))
        problems = read("\n".join(wrapped), law.name).problems
        assert [p.line for p in problems] == [p.line for p in interrupting(problems)] == expected, width
