"""UK and Commonwealth amending wordings (r38 sweep BV F4, F5): `In Article 6, paragraph (2) is deleted.` named its
article first and was told it named none, with a fixed example (`clause 2 of Article 5`) for a suggestion; `In Article
4(1), for “A” substitute “B”.`, `omit “A”`, `Article 7 is amended by replacing “A” with “B”.`, `… is amended by
deleting “A”.`, `In Article 3(2), after point (b), insert:`, `After Article 4 insert—` and `Paragraph (b) of Article
3(2) is repealed.` (a Commonwealth paragraph is a point) were refused. Each now applies as its documented twin."""

from __future__ import annotations

import pytest

from regdraft.core.amend.grammar import GrammarError, read_instruction
from tests.test_amend_apply import applied


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
