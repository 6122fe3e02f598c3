"""Quotation marks inside quoted words (`core.amend.nested_quotes`; r26 sweep O defect 4): `Bổ sung cụm từ “ (gọi tắt
là “Quy chế”)” vào sau cụm từ “Quy chế này” …` was refused as having "no closing punctuation", and `… replaced by
the words “chief executive officer (the “CEO”)”.` with the generic message."""

from __future__ import annotations

import pytest

from regdraft.core.amend.grammar import GrammarError, ReplaceWords, read_instruction
from regdraft.core.amend.nested_quotes import hidden
from tests.test_amend_apply import applied, text_of


def test_a_vietnamese_defined_term_in_quotes_inside_the_words_inserted() -> None:
    reg = applied("1\\. Bổ sung cụm từ “ (gọi tắt là “Quy chế”)” vào sau cụm từ “Quy chế này” tại khoản 1 Điều 1.")
    assert text_of(reg, "d1.k1").startswith("Quy chế này (gọi tắt là “Quy chế”) quy định chế độ làm việc")


def test_an_english_defined_term_in_quotes_inside_the_new_words() -> None:
    reg = applied("1\\. In clause 1 of Article 1, the words “Provincial Executive Committee” are replaced by the words "
                  "“Provincial Executive Committee (the “Committee”)”.", "en")
    assert text_of(reg, "d1.k1") == ("These Regulations govern the work of the Provincial Executive Committee "
                                     "(the “Committee”), term XIV.")


def test_nested_quotes_in_the_old_words_and_in_several_changes() -> None:
    op = read_instruction("Thay thế cụm từ “Ban “A”” bằng cụm từ “Ban “B”” tại khoản 1 Điều 1.", "vi")
    assert isinstance(op, ReplaceWords) and (op.old, op.new) == ("Ban “A”", "Ban “B”")


@pytest.mark.parametrize("sentence", [
    "Thay thế cụm từ “A bằng cụm từ “B” tại khoản 2 Điều 15.",  # a mark left open: said so, as before
    "Thay thế cụm từ “A“ bằng cụm từ “B” tại khoản 2 Điều 15.",
])
def test_unbalanced_marks_are_not_read_as_nested(sentence: str) -> None:
    assert hidden(sentence) == sentence
    with pytest.raises(GrammarError) as info:
        read_instruction(sentence, "vi")
    assert "a quotation mark is not closed" in str(info.value)
    assert "\ue000" not in str(info.value)


@pytest.mark.parametrize("sentence", [
    "Thay thế cụm từ “tập trung dân chủ” bằng cụm từ ““tập trung dân chủ, công khai”” tại khoản 1 Điều 3.",
    "Thay thế cụm từ ““Phòng Kiểm soát thủ tục”” bằng cụm từ “Phòng Kiểm soát thủ tục hành chính” tại Điều 5.",
    "Bổ sung cụm từ ““, Sở Nội vụ”” vào sau cụm từ “Sở Tư pháp” tại khoản 2 Điều 4.",
])
def test_a_whole_phrase_quoted_twice_is_a_slip_refused_not_written_into_the_text(sentence: str) -> None:
    # Sweep r26/R: ““…”” (Word's autocorrect, a phrase pasted inside new marks) was read as a nested quote and the
    # marks written into the law with no warning; refused before the nested reading, and so again.
    assert hidden(sentence) == sentence
    with pytest.raises(GrammarError):
        read_instruction(sentence, "vi")


def test_a_quoted_term_opening_the_new_words_is_still_nested() -> None:
    sentence = "Thay thế cụm từ “Quy chế” bằng cụm từ ““Quy chế” này” tại khoản 1 Điều 1."
    assert hidden(sentence) != sentence


def test_private_use_marks_already_in_the_sentence_are_kept_as_typed() -> None:
    # Sweep r26/T: U+E000/U+E001 typed in an instruction with a nested quote came back as “ ” in the law.
    sentence = "Thay thế cụm từ “A” bằng cụm từ “Đảng ủy \ue000UBND\ue001 tỉnh (gọi tắt là “Đảng ủy”)” tại Điều 1."
    assert hidden(sentence) == sentence
