"""Sentences `amend from-edits` writes in the forms of real amending laws, read back by the grammar as the same
operation (wording.py, post-condition 1): words added next to a phrase (`Bổ sung cụm từ “, minh bạch” vào sau cụm
từ “công bằng”`), and a group heading that says what its instructions do (`Sửa đổi, bổ sung, bãi bỏ một số điểm,
khoản của Điều 13 như sau:`, Luật 57/2024); and added words applied with the spacing they are written with."""

from __future__ import annotations

import pytest

from regdraft.core.amend.grammar import (
    AmendGroup,
    InsertUnit,
    Operation,
    RepealUnits,
    ReplaceUnit,
    ReplaceWords,
    read_instruction,
)
from regdraft.core.amend.phrases import replace
from regdraft.core.amend.wording import sentence
from regdraft.core.model import Address


@pytest.mark.parametrize(
    ("op", "language", "written"),
    [
        (ReplaceWords("công bằng", ", minh bạch", (Address.parse("d6.k2.a"),), position="after"), "vi",
         "Bổ sung cụm từ “, minh bạch” vào sau cụm từ “công bằng” tại điểm a khoản 2 Điều 6."),
        (ReplaceWords("kịp thời", "minh bạch,", position="before"), "vi",
         "Bổ sung cụm từ “minh bạch,” vào trước cụm từ “kịp thời” trong toàn bộ Quy chế."),
        (ReplaceWords("fair", ", transparent", (Address.parse("d6"),), position="after"), "en",
         "The words “, transparent” are inserted after the words “fair” in Article 6."),
    ],
)
def test_words_added_next_to_a_phrase_are_worded_as_added_and_read_back(op: ReplaceWords, language: str,
                                                                        written: str) -> None:
    assert sentence(op, language) == written
    assert read_instruction(written, language) == op


@pytest.mark.parametrize(
    ("ops", "language", "written"),
    [
        ((ReplaceUnit(Address.parse("d5.k1")), RepealUnits((Address.parse("d5.k3.b"),))), "vi",
         "Sửa đổi, bổ sung, bãi bỏ một số điểm, khoản của Điều 5 như sau:"),
        ((InsertUnit(Address.parse("d5.k4"), after=Address.parse("d5.k3")), RepealUnits((Address.parse("d5.k3.b"),))),
         "vi", "Bổ sung, bãi bỏ một số điểm, khoản của Điều 5 như sau:"),
        ((ReplaceUnit(Address.parse("d5.k1")), InsertUnit(Address.parse("d5.k4"), after=Address.parse("d5.k3"))), "vi",
         "Sửa đổi, bổ sung một số điểm, khoản của Điều 5 như sau:"),
        ((ReplaceUnit(Address.parse("d5.k1")), RepealUnits((Address.parse("d5.k3.b"),))), "en",
         "Some points and clauses of Article 5 are amended and repealed as follows:"),
        ((InsertUnit(Address.parse("d5.k4"), after=Address.parse("d5.k3")), RepealUnits((Address.parse("d5.k3.b"),))),
         "en", "Some points and clauses of Article 5 are amended and repealed as follows:"),  # "supplemented": r24
        ((InsertUnit(Address.parse("d5.k4"), after=Address.parse("d5.k3")),), "en",
         "Some points and clauses of Article 5 are amended as follows:"),  # docs/from-edits.md's English, r24
    ],
)
def test_a_group_heading_says_what_its_instructions_do(ops: tuple[Operation, ...], language: str,
                                                       written: str) -> None:
    group = AmendGroup(Address.parse("d5"))
    assert sentence(group, language, group_kind=None, group_of=ops) == written
    assert read_instruction(written, language) == group


@pytest.mark.parametrize(
    ("text", "phrase", "added", "position", "result"),
    [
        # It gave `công bằng , minh bạch`: the comma is written against the word before it.
        ("Chính xác, công khai, công bằng, kịp thời;", "công bằng", ", minh bạch", "after",
         "Chính xác, công khai, công bằng, minh bạch, kịp thời;"),
        ("Chính xác, công khai, công bằng, kịp thời;", "kịp thời", "minh bạch,", "before",
         "Chính xác, công khai, công bằng, minh bạch, kịp thời;"),
        ("công bằng và kịp thời;", "và kịp thời", ", minh bạch", "before", "công bằng, minh bạch và kịp thời;"),
        ("công bằng và kịp thời;", "công bằng", "minh bạch", "after", "công bằng minh bạch và kịp thời;"),
    ],
)
def test_added_words_are_spaced_as_they_are_written(text: str, phrase: str, added: str, position: str,
                                                    result: str) -> None:
    assert replace(text, phrase, added, position) == (result, 1)


@pytest.mark.parametrize(
    ("op", "written"),
    [
        (ReplaceUnit(Address.parse("d8.k1")), "Clause 1 of Article 8 is amended to read:"),
        (RepealUnits((Address.parse("d8.k1.b"),)), "Point b, clause 1, Article 8 is repealed."),
        (RepealUnits((Address.parse("d9.k2.b"), Address.parse("d9.k2.c"))),
         "Points b and c of clause 2 of Article 9 are repealed."),
        (InsertUnit(Address.parse("d11.k3"), after=Address.parse("d11.k2")),
         "Clause 3 is inserted after clause 2 of Article 11:"),
        (InsertUnit(Address.parse("d5.k2.đ"), parent=Address.parse("d5.k2")),
         "Point dd is added to clause 2 of Article 5:"),
        (ReplaceWords("archivist", "records officer", (Address.parse("d12"),)),
         "The words “archivist” are replaced with the words “records officer” in Article 12."),
        (ReplaceWords("archivist", None, (Address.parse("d12"),)), "The words “archivist” are deleted in Article 12."),
    ],
)
def test_english_instructions_are_worded_in_one_voice_and_read_back(op: Operation, written: str) -> None:
    # The passive of English amending instruments throughout (`Point b is repealed.` beside `Clause 1 of Article 8 is
    # amended to read:`), never an imperative `Repeal point b.` or `Insert clause 3 …` among them.
    assert sentence(op, "en") == written
    assert read_instruction(written, "en") == op
