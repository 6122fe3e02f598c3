"""Slips in laying out an amending article (regdraft/core/amend/layout.py): a missing blank line, instructions
numbered out of sequence or `1-`, new text in ‘ ’ or « »; each named with its line and instruction, the rest of the
article still read (sweep r22 s8docs defects 2, 4, 5 and 7). And a comma left out gets the standard wording (3)."""

from __future__ import annotations

import pytest

from regdraft.core.amend import load_amendment
from regdraft.core.amend.document import read_amendment
from regdraft.core.amend.grammar import GrammarError, read_instruction
from regdraft.core.amend.layout import expected_label, joined_pieces
from regdraft.core.errors import ParseError

SOURCE = "amendments/x/amendment.md"
HEAD = "---\nregulation: 01-QC/TU\nstatus: draft\ndraft: 1\n---\n\n## Điều 1. Sửa đổi\n\n"  # body on line 9
SIGNED = HEAD.replace("draft: 1", "draft: 1\nsigned: 2025-03-28\neffective: 2025-04-01")  # body on line 11
REPLACE = "1\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:"
QUOTE = "“2\\. Mọi chủ trương phải được thảo luận dân chủ.”"
REPEAL = "2\\. Bãi bỏ khoản 3 Điều 10."
CITED = "the issued document and the footnotes of the consolidated text cite each instruction by its"


def problems(body: str, head: str = HEAD) -> list[str]:
    with pytest.raises(ParseError) as info:
        load_amendment(head + body, SOURCE, "x")
    return [str(p) for p in info.value.problems]


def test_a_quote_without_a_blank_line_before_the_next_instruction_names_both_lines_and_reads_on() -> None:
    # Was: "the quoted text opened on line 11 is not closed with ” (or ")" (it is), and instruction 2 unread.
    body = f"{REPLACE}\n\n{QUOTE}\n{REPEAL}\n"
    assert problems(body) == [
        f"{SOURCE}:12: instruction 2 (Bãi bỏ khoản 3 Điều 10.) on line 12 has no blank line before it, so Markdown "
        "joins it to the quoted text of instruction 1 on line 11; leave a blank line between line 11 and line 12."]
    amendment, _ = read_amendment(HEAD + body, SOURCE, "x")
    assert amendment is not None
    assert [(i.location, i.line) for i in amendment.instructions] == [("1", 9), ("2", 12)]
    assert amendment.instructions[0].quote == (QUOTE,)


def test_an_instruction_without_a_blank_line_before_its_quote_is_not_told_to_end_with_nhu_sau() -> None:
    # Was: "it announces new text but ends with '”'; end it with “như sau:”" (it does end so).
    found = problems(f"{REPLACE}\n{QUOTE}\n\n{REPEAL}\n")
    assert found == [
        f"{SOURCE}:10: the quoted text of instruction 1 on line 10 has no blank line before it, so Markdown joins it "
        "to instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:) on line 9; leave a blank line between line 9 "
        "and line 10."]


def test_every_missing_blank_line_is_named_and_every_instruction_read() -> None:
    # Was: "cannot read the provisions 'khoản 2 Điều 3 như sau: “2\. Mọi …” 2\. Bãi bỏ khoản 3 Điều 10'".
    body = f"{REPLACE}\n{QUOTE}\n{REPEAL}\n3\\. Bãi bỏ khoản 4 Điều 10.\n"
    found = problems(body)
    assert [p.split(": ", 1)[0] for p in found] == [f"{SOURCE}:10", f"{SOURCE}:11", f"{SOURCE}:12"]
    assert all("has no blank line before it" in p for p in found)
    assert "instruction 3 (Bãi bỏ khoản 4 Điều 10.) on line 12" in found[2]
    amendment, _ = read_amendment(HEAD + body, SOURCE, "x")
    assert amendment is not None and [i.location for i in amendment.instructions] == ["1", "2", "3"]


def test_lettered_instructions_and_quoted_clauses_typed_without_blank_lines() -> None:
    group = "1\\. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 12 như sau:\na) Bãi bỏ điểm a.\nb) Bãi bỏ điểm b.\n"
    found = problems(group)
    assert [p.split(" on line")[0] for p in found] == [f"{SOURCE}:10: instruction 1.a (Bãi bỏ điểm a.)",
                                                       f"{SOURCE}:11: instruction 1.b (Bãi bỏ điểm b.)"]
    quoted = "1\\. Sửa đổi, bổ sung Điều 3 như sau:\n\n“Điều 3. Nguyên tắc\n\n1\\. Một.\n2\\. Hai.”\n"
    assert problems(quoted) == [
        f"{SOURCE}:14: the line '2. Hai.”' in the quoted text of instruction 1 on line 14 has no blank line before "
        "it, so Markdown joins it to the line '1. Một.' in the quoted text of instruction 1 on line 13; leave a blank "
        "line between line 13 and line 14."]


def test_a_sentence_wrapped_by_hand_stays_one_sentence() -> None:
    body = ("1\\. Thay thế cụm từ “Ban Chấp hành” bằng cụm từ “Ban Chấp hành Đảng bộ” tại khoản 1 Điều\n3.\n\n"
            "2\\. Sửa đổi, bổ sung khoản 2 Điều 3 như\nsau:\n\n“2\\. Mọi chủ trương được thảo luận\n"
            "dân chủ.”\n")
    amendment, found = read_amendment(HEAD + body, SOURCE, "x")
    assert found == ()
    assert amendment is not None and len(amendment.instructions) == 2
    assert joined_pieces("a b", 1, [("b", 2)]) == [("a b", 1)]


@pytest.mark.parametrize(("numbers", "line", "message"), [
    (("1", "3"), 13, "instruction 3 (Bãi bỏ khoản 4 Điều 10.) follows instruction 1: number it 2, since "),
    (("1", "1"), 13, "instruction 1 (Bãi bỏ khoản 4 Điều 10.) has the same number as instruction 1 on line 9: "
                     "number it 2, since "),
    # The second `2` is right by its place (the sweep: it was told "number it 3", and following both pieces of advice
    # gave 1, 3).
    (("2", "2"), 9, "instruction 2 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:) is the first instruction of Điều 1: "
                    "number it 1, since "),
])
def test_instructions_numbered_out_of_sequence_are_a_problem(numbers: tuple[str, str], line: int,
                                                             message: str) -> None:
    # Was: no problem, and the wrong numbers cited as "khoản N Điều 1" in the issued and consolidated texts.
    first, second = numbers
    body = f"{first}\\. {REPLACE[4:]}\n\n{QUOTE}\n\n{second}\\. Bãi bỏ khoản 4 Điều 10.\n"
    assert problems(body) == [f"{SOURCE}:{line}: {message}{CITED} number."]


def test_lettered_instructions_out_of_sequence_are_a_problem() -> None:
    body = ("1\\. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 12 như sau:\n\na) Bãi bỏ điểm a.\n\n"
            "c) Bãi bỏ điểm b.\n")
    assert problems(body) == [
        f"{SOURCE}:13: instruction 1.c (Bãi bỏ điểm b.) follows instruction 1.a: letter it b), since {CITED} letter."]


@pytest.mark.parametrize(("labels", "wrong"), [
    # The drafting sweep's Luật Du lịch amendment: 1…5, 7, 7, 8 was told to renumber both 7s (giving 6, 8, 8), and
    # 1…5, 5, 7 both the 5 and the 7 (giving 6, 6). By place, only the wrong one is named.
    (["1", "2", "3", "4", "5", "7", "7", "8"], {5: "6"}),
    (["1", "2", "3", "4", "5", "5", "7", "8"], {5: "6"}),
    (["1", "2", "4", "5"], {2: "3", 3: "4"}),  # a gap: every one after it moves
    (["1", "2", "2a", "3"], {}),  # an inserted number is neither judged nor counted
])
def test_instructions_are_judged_by_their_place(labels: list[str], wrong: dict[int, str]) -> None:
    found = {k: expected_label(labels[:k], label, letters=False) for k, label in enumerate(labels)}
    assert {k: e for k, e in found.items() if e is not None} == wrong


def test_letters_are_judged_by_their_place_and_points_take_no_f() -> None:
    # `a) … e) f) h)` passed silently (f is no point letter), and the h after it was not judged either.
    labels = ["a", "b", "c", "d", "đ", "e", "f", "h"]
    found = {k: expected_label(labels[:k], label, letters=True) for k, label in enumerate(labels)}
    assert {k: e for k, e in found.items() if e is not None} == {6: "g"}
    assert expected_label(["a", "b", "c", "d", "e"], "g", letters=True) == "e"  # đ left out: e is the fifth…
    assert expected_label(["a", "b", "c", "d", "đ", "e"], "g", letters=True) is None


def test_numbers_in_sequence_pass_and_a_signed_document_keeps_its_numbers_with_a_warning() -> None:
    fine = f"{REPLACE}\n\n{QUOTE}\n\n{REPEAL}\n\n2a\\. Bãi bỏ khoản 5 Điều 10.\n\n3\\. Bãi bỏ khoản 4 Điều 10.\n"
    assert read_amendment(HEAD + fine, SOURCE, "x")[1] == ()
    amendment, found = read_amendment(SIGNED + f"{REPLACE}\n\n{QUOTE}\n\n3\\. Bãi bỏ khoản 4 Điều 10.\n", SOURCE, "x")
    assert found == ()
    assert amendment is not None and [i.location for i in amendment.instructions] == ["1", "3"]
    assert [str(w) for w in amendment.warnings] == [
        f"{SOURCE}:15: instruction 3 (Bãi bỏ khoản 4 Điều 10.) follows instruction 1; the signed text is kept as "
        f"issued, and {CITED} number as written."]
    assert expected_label(["a", "b", "c", "d"], "đ", letters=True) is None
    assert expected_label(["d"], "d1", letters=True) is None
    assert expected_label(["1", "2", "2a"], "3", letters=False) is None  # judged by its place among 1, 2 (was ["2a"])


def test_an_instruction_numbered_with_a_hyphen_is_named_and_its_quote_is_not_blamed() -> None:
    # Was: "This quoted text does not follow an instruction that takes new text" (at the quote), the line never named.
    assert problems(f"1- {REPLACE[4:]}\n\n{QUOTE}\n") == [
        f"{SOURCE}:9: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:) is numbered '1-'; number it '1\\.' as "
        "instructions are numbered in an amending document: '1\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:'."]
    # Was: "the amendment has no instruction", without saying why the `1-` lines were not read.
    assert problems("1- Bãi bỏ khoản 3 Điều 10.\n\n2 - Bãi bỏ khoản 4 Điều 10.\n") == [
        f"{SOURCE}:9: instruction 1 (Bãi bỏ khoản 3 Điều 10.) is numbered '1-'; number it '1\\.' as instructions are "
        "numbered in an amending document: '1\\. Bãi bỏ khoản 3 Điều 10.'.",
        f"{SOURCE}:11: instruction 2 (Bãi bỏ khoản 4 Điều 10.) is numbered '2-'; number it '2\\.' as instructions are "
        "numbered in an amending document: '2\\. Bãi bỏ khoản 4 Điều 10.'."]


@pytest.mark.parametrize(("opening", "closing"), [("‘", "’"), ("«", "»")])
def test_new_text_in_single_quotes_or_guillemets_names_the_marks(opening: str, closing: str) -> None:
    # Was: "the new text in quotes (“...”) is missing after it" and "This paragraph is neither an instruction nor …".
    assert problems(f"{REPLACE}\n\n{opening}2\\. Mọi chủ trương.{closing}\n") == [
        f"{SOURCE}:11: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:): the new text on line 11 is in the "
        f"quotation marks {opening} {closing} (as Word may paste them), not “ ”; write “ instead of {opening} and ” "
        f"instead of {closing}."]
    several = (f"1\\. Sửa đổi, bổ sung Điều 3 như sau:\n\n{opening}Điều 3. Tên\n\n1\\. Một.\n\n2\\. Hai.{closing}\n\n"
               f"{REPEAL}\n")
    amendment, found = read_amendment(SIGNED + several, SOURCE, "x")
    assert found == ()
    assert amendment is not None and [i.location for i in amendment.instructions] == ["1", "2"]
    assert amendment.instructions[0].quote == ("“Điều 3. Tên", "1\\. Một.", "2\\. Hai.”")
    assert [str(w) for w in amendment.warnings] == [
        f"{SOURCE}:13: instruction 1 (Sửa đổi, bổ sung Điều 3 như sau:): the new text on line 13 is in the quotation "
        f"marks {opening} {closing}; it is read as quoted with “ ”."]


def test_a_comma_left_out_gets_the_closest_standard_wording_as_documented() -> None:
    # As docs/amendments.md promises; was "cannot read the provisions 'bổ sung khoản 2 Điều 5': … is not a provision".
    with pytest.raises(GrammarError) as caught:
        read_instruction("Sửa đổi bổ sung khoản 2 Điều 5 như sau:", "vi")
    assert str(caught.value) == ("cannot read this instruction as written; the closest standard wording is "
                                 "'Sửa đổi, bổ sung khoản 2 Điều 5 như sau:'.")
    with pytest.raises(GrammarError) as caught:  # a provision that does not read is still named
        read_instruction("Sửa đổi bổ sung khoản 2 Điều như sau:", "vi")
    assert "as written" not in str(caught.value)
