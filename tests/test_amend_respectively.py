"""Several words replaced by as many in one sentence, paired in order: `Thay thế cụm từ “A”, “C” lần lượt bằng cụm từ
“B”, “D” tại …` (or `… bằng cụm từ “B”, “D” tương ứng tại …`) and the English translators' `The words “A” and “C”
are replaced with “B” and “D” respectively in …` (`core.amend.word_changes`) read as the pairs they mean
(`… cụm từ “A” bằng cụm từ “B”, cụm từ “C” bằng cụm từ “D” …`).

regdraft refused both: the English with its generic message, the Vietnamese saying it "must end with '.' or ';'".
"""

from __future__ import annotations

import pytest

from regdraft.core.amend.grammar import GrammarError, ReplaceWords, Several, read_instruction
from regdraft.core.model import Address
from tests.test_amend_apply import applied, text_of

PAIRS_EN = "Replace the words “A” with “B”, “C” with “D” in clause 2 of Article 9."
PAIRS_VI = "Thay thế cụm từ “A” bằng cụm từ “B”, cụm từ “C” bằng cụm từ “D” tại khoản 2 Điều 9."


@pytest.mark.parametrize("written", [
    "The words “A” and “C” are replaced with “B” and “D” respectively in clause 2 of Article 9.",
    "The words “A” and “C” in clause 2 of Article 9 are replaced with the words “B” and “D”, respectively.",
    "The words “A”, “C” are replaced with the words “B”, “D”, respectively, in clause 2 of Article 9.",
    "In clause 2 of Article 9, the words “A” and “C” are replaced with “B” and “D” respectively.",
    "Replace the words “A” and “C” with “B” and “D” respectively in clause 2 of Article 9.",
])
def test_english_words_replaced_respectively_are_the_pairs(written: str) -> None:
    assert read_instruction(written, "en") == read_instruction(PAIRS_EN, "en") == Several((
        ReplaceWords("A", "B", (Address.parse("d9.k2"),)), ReplaceWords("C", "D", (Address.parse("d9.k2"),))))


@pytest.mark.parametrize("written", [
    "Thay thế cụm từ “A”, “C” lần lượt bằng cụm từ “B”, “D” tại khoản 2 Điều 9.",
    "Thay thế các cụm từ “A” và “C” lần lượt bằng các cụm từ “B” và “D” tại khoản 2 Điều 9.",
    "Thay thế cụm từ “A”, cụm từ “C” lần lượt bằng cụm từ “B”, cụm từ “D” tại khoản 2 Điều 9.",
])
def test_vietnamese_words_replaced_lan_luot_are_the_pairs(written: str) -> None:
    assert read_instruction(written, "vi") == read_instruction(PAIRS_VI, "vi")


@pytest.mark.parametrize("written", [
    "Thay thế cụm từ “A”, “C” bằng cụm từ “B”, “D” tương ứng tại khoản 2 Điều 9.",
    "Thay thế các cụm từ “A” và “C” bằng các cụm từ “B” và “D” tương ứng tại khoản 2 Điều 9.",
    "Thay thế cụm từ “A”, cụm từ “C” bằng cụm từ “B”, cụm từ “D”, tương ứng, tại khoản 2 Điều 9.",
])
def test_vietnamese_words_replaced_tuong_ung_are_the_pairs(written: str) -> None:
    """`tương ứng` right after the new words pairs them in order, as `lần lượt` before `bằng` does: regdraft said
    the sentence "must end with '.' or ';'"."""
    assert read_instruction(written, "vi") == read_instruction(PAIRS_VI, "vi")
    assert read_instruction("Thay thế các cụm từ “A”, “C” bằng các cụm từ “B”, “D” tương ứng trong toàn bộ Quy chế.",
                            "vi") == Several((ReplaceWords("A", "B"), ReplaceWords("C", "D")))


@pytest.mark.parametrize(("written", "said"), [
    ("Thay thế cụm từ “A”, “C” bằng cụm từ “B”, “D” tại khoản 2 Điều 9 tương ứng.",
     "cannot read this instruction: “tương ứng” after the provisions (tại khoản 2 Điều 9) may pair the words with the "
     "provisions; to pair the words in order write it after the new words: ‘Thay thế cụm từ “A”, “C” bằng cụm từ “B”, "
     "“D” tương ứng tại khoản 2 Điều 9’ (or ‘… lần lượt bằng cụm từ …’)."),
    ("Thay thế cụm từ “A”, “C” bằng cụm từ “B”, “D” tại khoản 2 Điều 9.",
     "cannot read this instruction: it replaces 2 words (“A”, “C”) with 2 (“B”, “D”) with nothing saying how they "
     "pair; to pair them in order write ‘Thay thế cụm từ “A”, “C” bằng cụm từ “B”, “D” tương ứng tại khoản 2 Điều 9’ "
     "(or ‘… lần lượt bằng cụm từ …’)."),
], ids=["after-the-provisions", "no-pairing-word"])
def test_words_not_said_to_pair_in_order_are_refused_with_the_wording_to_write(written: str, said: str) -> None:
    """`tương ứng` after the provisions may pair the words with the provisions (A at one, C at another), and two
    lists with no word pairing them say nothing of how: refused naming the wording regdraft reads (it said the
    sentence "must end with '.' or ';'")."""
    with pytest.raises(GrammarError) as info:
        read_instruction(written, "vi")
    assert str(info.value) == said


def test_three_pairs_throughout_the_text() -> None:
    read = read_instruction("Thay thế các cụm từ “A”, “C” và “E” lần lượt bằng các cụm từ “B”, “D” và “F” trong "
                            "toàn bộ Quy chế.", "vi")
    assert read == Several((ReplaceWords("A", "B"), ReplaceWords("C", "D"), ReplaceWords("E", "F")))
    assert read_instruction("The words “A”, “C” and “E” are replaced with “B”, “D” and “F” respectively throughout "
                            "these Regulations.", "en") == read


@pytest.mark.parametrize(("written", "language", "word"), [
    ("Thay thế cụm từ “A”, “C” lần lượt bằng cụm từ “B” tại khoản 2 Điều 9.", "vi", "lần lượt"),
    ("Thay thế cụm từ “A”, “C” bằng cụm từ “B”, “D”, “E” tương ứng tại khoản 2 Điều 9.", "vi", "tương ứng"),
    ("The words “A” and “C” are replaced with “B”, “D” and “E” respectively in clause 2 of Article 9.", "en",
     "respectively"),
])
def test_as_many_words_as_they_replace(written: str, language: str, word: str) -> None:
    with pytest.raises(GrammarError) as info:
        read_instruction(written, language)
    assert f"but “{word}” pairs them in order: name as many of each" in str(info.value)


def test_the_pairs_apply_in_order() -> None:
    reg = applied("1\\. Thay thế cụm từ “thường lệ”, “3 tháng” lần lượt bằng cụm từ “định kỳ”, “2 tháng” tại khoản 1 "
                  "Điều 3.")
    assert text_of(reg, "d3.k1") == "Ban Chấp hành họp định kỳ 2 tháng một lần."
    assert applied("1\\. Thay thế cụm từ “thường lệ”, “3 tháng” bằng cụm từ “định kỳ”, “2 tháng” tương ứng tại khoản 1 "
                   "Điều 3.") == reg
    reg = applied("1\\. The words “meets” and “three months” in clause 1 of Article 3 are replaced with the words "
                  "“convenes” and “two months”, respectively.", "en")
    assert text_of(reg, "d3.k1") == "The Executive Committee convenes every two months."
