"""Several provisions in English instructions and messages: siblings cited once with their clause or article, one
address style in a sentence, a list joined `A, B and C` (office sweep r22, an English-speaking office).

regdraft wrote `Point a, clause 1, Article 5, point b, clause 1, Article 5 and clause 2 of Article 5 are repealed.`,
`in clause 4 of Article 16, clause 5 of Article 16 and clause 3 of Article 19`, commit subjects `repeals point a,
clause 1, Article 5, point b, clause 1, Article 5 and clause 2, Article 5`, `amend check`'s `in clause 3, Article 2
and clause 1, Article 7 and clause 3, Article 7 and Article 11` and the hint `it has clauses 1, 2`. The Vietnamese
side already grouped siblings (`điểm a và điểm b khoản 1 Điều 5`); it stays as it was.
"""

from __future__ import annotations

import pytest

from regdraft.core.address import parse_address
from regdraft.core.amend.document import Instruction
from regdraft.core.amend.grammar import Operation, RepealUnits, ReplaceWords, read_instruction
from regdraft.core.amend.summary import touched
from regdraft.core.amend.wording import sentence
from regdraft.core.errors import UnknownUnit
from regdraft.core.model import Address
from tests.test_amend_apply import failure, regulation


def _at(*addresses: str) -> tuple[Address, ...]:
    return tuple(parse_address(a) for a in addresses)


POINTS_AND_CLAUSE = _at("d5.k1.a", "d5.k1.b", "d5.k2")
TWO_ARTICLES = _at("d16.k4", "d16.k5", "d19.k3")


@pytest.mark.parametrize(("op", "language", "context", "written"), [
    (RepealUnits(POINTS_AND_CLAUSE), "en", None,
     "Points a and b of clause 1 of Article 5 and clause 2 of Article 5 are repealed."),
    (ReplaceWords("A", "B", TWO_ARTICLES), "en", None,
     "The words “A” are replaced with the words “B” in clauses 4 and 5 of Article 16 and clause 3 of Article 19."),
    (RepealUnits(_at("d19.k3", "d20.k4", "d20.k5", "d20.k6")), "en", None,
     "Clause 3 of Article 19 and clauses 4, 5 and 6 of Article 20 are repealed."),
    (RepealUnits(_at("d5.k1.a", "d6")), "en", None, "Point a of clause 1 of Article 5 and Article 6 are repealed."),
    (RepealUnits(_at("d5.k1.a", "d5.k1.đ")), "en", "d5.k1", "Points a and dd are repealed."),
    (RepealUnits(POINTS_AND_CLAUSE), "en", "d5", "Points a and b of clause 1 and clause 2 are repealed."),
    # one provision alone keeps its documented form
    (RepealUnits(_at("d8.k1.b")), "en", None, "Point b, clause 1, Article 8 is repealed."),
    # the Vietnamese wording cites the article once, as Luật 57/2024 does (`điểm a khoản 19 và khoản 20 Điều 1`)
    (RepealUnits(POINTS_AND_CLAUSE), "vi", None, "Bãi bỏ điểm a và điểm b khoản 1 và khoản 2 Điều 5."),
    (ReplaceWords("A", "B", TWO_ARTICLES), "vi", None,
     "Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 4 và khoản 5 Điều 16 và khoản 3 Điều 19."),
    (RepealUnits(_at("d19.k3", "d20.k4", "d20.k5")), "vi", None,
     "Bãi bỏ khoản 3 Điều 19 và khoản 4 và khoản 5 Điều 20."),
])
def test_several_provisions_are_cited_as_one_list_and_read_back(op: Operation, language: str, context: str | None,
                                                               written: str) -> None:
    where = None if context is None else parse_address(context)
    assert sentence(op, language, where, document_type="Rules") == written
    assert read_instruction(written, language, where) == op


def test_a_commit_subject_names_english_provisions_as_instructions_cite_them() -> None:
    repeal = [Instruction("1", 1, "", RepealUnits(POINTS_AND_CLAUSE))]
    words = [Instruction("1", 1, "", ReplaceWords("A", "B", TWO_ARTICLES))]
    assert touched(repeal, "en") == "repeals points a and b of clause 1 of Article 5 and clause 2 of Article 5"
    assert touched(words, "en") == "replaces “A” in clauses 4 and 5 of Article 16 and clause 3 of Article 19"
    titled = [Instruction("1", 1, "", ReplaceWords("A", "B", _at("d3.k1", "d3.k2"), titles=_at("d3")))]
    assert touched(titled, "en") == "replaces “A” in the title of Article 3 and clauses 1 and 2 of Article 3"
    # Vietnamese subjects as they were
    assert touched(repeal, "vi") == "repeals điểm a khoản 1 Điều 5, điểm b khoản 1 Điều 5 and khoản 2 Điều 5"


def test_a_phrase_not_found_in_several_provisions_lists_them_once_each() -> None:
    said = failure("1\\. The words “Secretary General” are replaced with the words “Chair” in clause 1 of Article 1, "
                   "clauses 1 and 3 of Article 2 and Article 4.", "en")
    assert ("“Secretary General” is found 0 times in clause 1 of Article 1, clauses 1 and 3 of Article 2 and "
            "Article 4 (it occurs 0 times in the whole regulation)") in said
    said = failure("1\\. The words “Secretary General” are replaced with the words “Chair” in the title of Article 3 "
                   "and clause 1 of Article 3.", "en")
    assert "is found 0 times in the title of Article 3 and clause 1 of Article 3 (" in said
    said = failure("1\\. Thay thế cụm từ “Tổng Bí thư” bằng cụm từ “X” tại khoản 1 Điều 1, khoản 1 và khoản 3 Điều 2.")
    assert "is found 0 times in khoản 1 Điều 1 and khoản 1 Điều 2 and khoản 3 Điều 2 (" in said


def test_a_missing_provision_lists_those_there_joined_with_and() -> None:
    with pytest.raises(UnknownUnit) as info:
        regulation("en").find("d3.k9")
    assert "Article 3 has no clause 9 (clause 9, Article 3 does not exist): it has clauses 1 and 2; did you mean" \
        in str(info.value)


def test_a_commit_subject_cites_english_provisions_in_one_style_and_in_order() -> None:
    """`repeals point b of clause 2 of Article 7, Article 11 and Article 6, inserts point d, clause 2, Article 7`: the
    articles out of order and apart, and one provision in the comma style among a comma-separated list (r24 sweep
    g-english, defect 8)."""
    from regdraft.core.amend.grammar import InsertUnit

    instructions = [Instruction("1", 1, "", RepealUnits(_at("d7.k2.b", "d11"))),
                    Instruction("2", 2, "", InsertUnit(parse_address("d7.k2.d"), after=parse_address("d7.k2.c"))),
                    Instruction("3", 3, "", RepealUnits(_at("d6")))]
    assert touched(instructions, "en") == \
        "repeals Article 6, point b of clause 2 of Article 7 and Article 11, inserts point d of clause 2 of Article 7"
    assert touched([Instruction("1", 1, "", RepealUnits(_at("d11", "d6")))], "en") == "repeals Articles 6 and 11"
    assert touched([Instruction("1", 1, "", RepealUnits(_at("d11", "d6")))], "vi") == "repeals Điều 11 and Điều 6"


@pytest.mark.parametrize(("targets", "written"), [
    (("d6", "d11"), "Articles 6 and 11 are repealed."),
    (("d6", "d7", "d11"), "Articles 6, 7 and 11 are repealed."),
    (("d5.k1", "d6", "d11"), "Clause 1 of Article 5 and Articles 6 and 11 are repealed."),
])
def test_english_articles_next_to_each_other_are_cited_together(targets: tuple[str, ...], written: str) -> None:
    op = RepealUnits(_at(*targets))
    assert sentence(op, "en", document_type="Rules") == written
    assert read_instruction(written, "en") == op
