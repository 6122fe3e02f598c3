"""UK and Commonwealth amending wordings (r38 sweep BV F4, F5): `In Article 6, paragraph (2) is deleted.` named its
article first and was told it named none, with a fixed example (`clause 2 of Article 5`) for a suggestion; `In Article
4(1), for “A” substitute “B”.`, `omit “A”`, `Article 7 is amended by replacing “A” with “B”.`, `… is amended by
deleting “A”.`, `In Article 3(2), after point (b), insert:`, `After Article 4 insert—` and `Paragraph (b) of Article
3(2) is repealed.` (a Commonwealth paragraph is a point) were refused. Each now applies as its documented twin."""

from __future__ import annotations

import pytest

from regdraft.core.amend.grammar import GrammarError, read_instruction
from tests.test_amend_apply import applied, regulation, text_of


@pytest.mark.parametrize(("written", "twin"), [
    ("In Article 3, paragraph (2) is deleted.", "Clause 2 of Article 3 is repealed."),
    ("In Article 1, clause 1 is repealed.", "Clause 1 of Article 1 is repealed."),
    ("In Article 2(2), point (b) is deleted.", "Point b of clause 2 of Article 2 is repealed."),
    ("In Article 2, clauses 1 and 3 are omitted.", "Clauses 1 and 3 of Article 2 are repealed."),
])
def test_a_provision_deleted_within_the_one_named_first_reads_as_its_documented_twin(written: str, twin: str) -> None:
    assert read_instruction(written, "en") == read_instruction(twin, "en")


def test_a_point_deleted_within_the_clause_named_first_is_repealed() -> None:
    reg = applied("1\\. In Article 2(2), point (b) is deleted.", "en")
    assert reg.find("d2.k2.b").unit.repealed and not reg.find("d2.k2.c").unit.repealed


@pytest.mark.parametrize(("sentence", "language", "suggested"), [
    ("Clause 2 is repealed.", "en", "(clause 2 of Article N)"),
    ("Point b of clause 3 is repealed.", "en", "(point b of clause 3 of Article N)"),
    ("Bãi bỏ điểm a khoản 4.", "vi", "(điểm a khoản 4 Điều N)"),
])
def test_a_provision_without_its_article_is_shown_written_in_full_from_what_was_written(
        sentence: str, language: str, suggested: str) -> None:
    with pytest.raises(GrammarError) as info:
        read_instruction(sentence, language)
    assert "does not name its article" in str(info.value)
    assert str(info.value).endswith(f"write it in full {suggested}.")
    assert "Article 5" not in str(info.value) and "Điều 5" not in str(info.value)


@pytest.mark.parametrize(("written", "twin", "quote"), [
    ("In Article 3(1), for “three months” substitute “two months”.",
     "The words “three months” are replaced with the words “two months” in clause 1 of Article 3.", ""),
    ("In Article 1(1), omit “, term XIV”.", "The words “, term XIV” are deleted from clause 1 of Article 1.", ""),
    ("Article 3 is amended by replacing “three months” with “two months”.",
     "The words “three months” are replaced with the words “two months” in Article 3.", ""),
    ("Article 3 is amended by substituting “two months” for “three months”.",
     "The words “three months” are replaced with the words “two months” in Article 3.", ""),
    ("Article 1(1) is amended by deleting “, term XIV”.",
     "The words “, term XIV” are deleted from clause 1 of Article 1.", ""),
    ("Article 3(1) is amended by inserting “ordinarily” after “Committee”.",
     "Insert the words “ordinarily” after the words “Committee” in clause 1 of Article 3.", ""),
    # r39 sweep BW F3: the UK form without "the words" was refused ("to insert words, write it like …").
    ("In Article 3(1), after “Committee” insert “ordinarily”.",
     "Insert the words “ordinarily” after the words “Committee” in clause 1 of Article 3.", ""),
    ("In Article 3(1), before “meets”, insert the words “ordinarily”.",
     "Insert the words “ordinarily” before the words “meets” in clause 1 of Article 3.", ""),
    ("In Article 2(2), after point (b), insert:", "Insert point b1 after point b of clause 2 of Article 2:",
     "\n\n“b1) Budgets;”"),
    ("Article 2(2) is amended by inserting after point (b):", "Insert point b1 after point b of clause 2 of Article 2:",
     "\n\n“b1) Budgets;”"),
    ("After Article 3 insert—", "Insert Article 3a after Article 3:", "\n\n“Article 3a. Reports\n\nReports are kept.”"),
    ("After Article 3, insert the following:—", "Insert Article 3a after Article 3:",
     "\n\n“Article 3a. Reports\n\nReports are kept.”"),
    ("Paragraph (b) of Article 2(2) is repealed.", "Point b of clause 2 of Article 2 is repealed.", ""),
    ("Paragraphs (a) and (c) of Article 2(2) are repealed.", "Points a and c of clause 2 of Article 2 are repealed.",
     ""),
])
def test_a_uk_wording_applies_as_its_documented_twin(written: str, twin: str, quote: str) -> None:
    result = applied(f"1\\. {written}{quote}", "en")
    assert result == applied(f"1\\. {twin}{quote}", "en")
    assert result != regulation("en")


def test_a_paragraph_numbered_in_brackets_is_still_a_clause() -> None:
    assert read_instruction("Paragraph (2) of Article 3 is repealed.", "en") == \
        read_instruction("Clause 2 of Article 3 is repealed.", "en")


def test_the_uk_substitution_changes_the_words_of_the_clause_named() -> None:
    reg = applied("1\\. In Article 3(1), for “three months” substitute “two months”.", "en")
    assert text_of(reg, "d3.k1") == "The Executive Committee meets every two months."
