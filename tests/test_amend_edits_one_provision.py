"""A few words changed in one provision: a word instruction naming it, as real amending documents write one.

Nghị định 48/2013/NĐ-CP renames and removes a body in single provisions of Nghị định 63/2010 by word instructions
(`c) Sửa cụm từ “Cơ quan kiểm soát thủ tục hành chính” bằng cụm từ “Cục Kiểm soát thủ tục hành chính” tại Khoản 2
Điều 26;`, `d) Bỏ cụm từ “và Cơ quan kiểm soát thủ tục hành chính” tại Khoản 3 Điều 29.`); `amend from-edits`
re-enacted khoản 2 Điều 26 and khoản 3 Điều 29 whole. Luật 57/2024/QH15 re-enacts the provisions of Luật Đấu thầu it
adds words to (`và tổ chức khác` in điểm a khoản 1 Điều 5), and those stay re-enacted
(regdraft.core.amend.one_provision).
"""

from __future__ import annotations

import pytest

from regdraft.core.amend import apply
from regdraft.core.amend.document import Instruction
from regdraft.core.amend.edits import instructions_from_edits
from regdraft.core.amend.grammar import ReplaceWords
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation
from regdraft.importer import import_file
from regdraft.importer.amendment import import_amendment

from .conftest import SHARED, SHIPPED_ENGLISH, needs_corpus
from .test_amend_edits import body, reproduces

AMENDMENTS = SHARED / "corpus" / "amendments"
ENGLISH_TEXT = SHIPPED_ENGLISH.read_text(encoding="utf-8")


def _base_and_real(folder: str, base: str, amending: str, reg_id: str, slug: str) -> tuple[Regulation, Regulation,
                                                                                              tuple[Instruction, ...]]:
    """The text in force, the same text amended by the real document, and the real document's instructions."""
    imported = import_file(AMENDMENTS / folder / base, reg_id=reg_id)
    regulation = parse(imported.text, imported.regulation.source)
    real = import_amendment(AMENDMENTS / folder / amending, slug, {regulation.id: regulation.meta}).amendment
    assert real is not None
    return regulation, apply(regulation, real).regulation, real.instructions


def _leaves(instructions: tuple[Instruction, ...]) -> list[Instruction]:
    return [leaf for ins in instructions for leaf in (ins.children or (ins,))]


def _words(instructions: tuple[Instruction, ...]) -> set[tuple[str, str | None, tuple[str, ...]]]:
    return {(i.op.old, i.op.new, tuple(str(t) for t in i.op.targets))
            for i in _leaves(instructions) if isinstance(i.op, ReplaceWords)}


@pytest.fixture(scope="module")
def nd_63() -> tuple[Regulation, Regulation, tuple[Instruction, ...]]:
    return _base_and_real("nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt", "63/2010/NĐ-CP",
                          "nd-48-2013")


@needs_corpus
def test_nghi_dinh_48_2013s_word_changes_in_one_provision_are_written_as_the_decree_writes_them(
        nd_63: tuple[Regulation, Regulation, tuple[Instruction, ...]]) -> None:
    base, amended, real = nd_63
    generated = instructions_from_edits(base, amended).instructions
    # Its four word instructions, the two on one provision among them (were `Sửa đổi, bổ sung khoản 2 Điều 26 như
    # sau:` and `Sửa đổi, bổ sung, bãi bỏ một số khoản của Điều 29 như sau:` with khoản 3 quoted whole).
    assert _words(generated) == _words(real)
    texts = [ins.text for ins in generated]
    assert ("Thay thế cụm từ “Cơ quan kiểm soát thủ tục hành chính” bằng cụm từ “Cục Kiểm soát thủ tục hành chính” "
            "tại khoản 2 Điều 26.") in texts
    assert "Bỏ cụm từ “và Cơ quan kiểm soát thủ tục hành chính” tại khoản 3 Điều 29." in texts
    assert "Bãi bỏ khoản 5 Điều 29." in texts  # as its no. 7, `Bãi bỏ Khoản 5 Điều 29.`
    assert not any("khoản 2 Điều 26 như sau" in t or "Điều 29 như sau" in t for t in texts)


@needs_corpus
def test_a_body_renamed_or_removed_in_one_clause_of_the_decree_is_a_word_instruction(
        nd_63: tuple[Regulation, Regulation, tuple[Instruction, ...]]) -> None:
    text = render(nd_63[0])
    renamed = text.replace("Cơ quan kiểm soát thủ tục hành chính có trách nhiệm đăng tải dữ liệu",
                           "Cục Kiểm soát thủ tục hành chính có trách nhiệm đăng tải dữ liệu", 1)
    assert body(text, renamed) == ("1\\. Thay thế cụm từ “Cơ quan kiểm soát thủ tục hành chính” bằng cụm từ “Cục Kiểm "
                                   "soát thủ tục hành chính” tại khoản 2 Điều 26.")
    removed = text.replace("trực thuộc Trung ương và Cơ quan kiểm soát thủ tục hành chính rà soát",
                           "trực thuộc Trung ương rà soát", 1)
    assert body(text, removed) == "1\\. Bỏ cụm từ “và Cơ quan kiểm soát thủ tục hành chính” tại khoản 3 Điều 29."
    for edited in (renamed, removed):
        reproduces(nd_63[0], parse(edited, "edited.md"))


@needs_corpus
def test_names_changed_in_two_clauses_of_an_article_are_a_word_instruction_each(
        nd_63: tuple[Regulation, Regulation, tuple[Instruction, ...]]) -> None:
    # Two of the clauses of Điều 26, each with a name of its own changed: one word instruction each, as Nghị định
    # 48/2013 names khoản 1 and khoản 2 Điều 26 in its a) and c); neither clause is re-enacted.
    text = render(nd_63[0])
    both = (text.replace("Văn phòng Chính phủ có trách nhiệm chủ trì, phối hợp với Bộ Công an",
                         "Bộ Tư pháp có trách nhiệm chủ trì, phối hợp với Bộ Công an", 1)
            .replace("Cơ quan kiểm soát thủ tục hành chính có trách nhiệm đăng tải dữ liệu",
                     "Cục Kiểm soát thủ tục hành chính có trách nhiệm đăng tải dữ liệu", 1))
    written = body(text, both)
    assert "Thay thế cụm từ “Văn phòng Chính phủ” bằng cụm từ “Bộ Tư pháp” tại khoản 1" in written
    assert ("Thay thế cụm từ “Cơ quan kiểm soát thủ tục hành chính” bằng cụm từ “Cục Kiểm soát thủ tục hành chính” tại "
            "khoản 2") in written
    assert "như sau:\n\n“" not in written
    reproduces(nd_63[0], parse(both, "edited.md"))


@needs_corpus
def test_words_of_their_own_changed_in_most_clauses_of_an_article_re_enact_it(
        nd_63: tuple[Regulation, Regulation, tuple[Instruction, ...]]) -> None:
    # Điều 13 has three clauses: a title changed in khoản 1 alone is a word instruction; one changed in khoản 2 too
    # would be two instructions on two of its three clauses, which read worse than the article re-enacted.
    text = render(nd_63[0])
    one = text.replace("1\\. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ công bố",
                       "1\\. Bộ trưởng, Người đứng đầu cơ quan ngang Bộ công bố", 1)
    assert body(text, one) == ("1\\. Thay thế cụm từ “Thủ trưởng cơ quan” bằng cụm từ “Người đứng đầu cơ quan” tại "
                               "khoản 1 Điều 13.")
    two = one.replace("2\\. Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương công bố",
                      "2\\. Thủ trưởng Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương công bố", 1)
    written = body(text, two)
    assert written.startswith("1\\. Sửa đổi, bổ sung Điều 13 như sau:") and "cụm từ" not in written, written
    for edited in (one, two):
        reproduces(nd_63[0], parse(edited, "edited.md"))


@needs_corpus
def test_luat_57_2024_still_re_enacts_the_provisions_it_adds_words_to() -> None:
    # Guard: all 21 instructions of its Điều 4 as the law writes them, `và tổ chức khác` added to điểm a khoản 1
    # Điều 5 and `, trừ trường hợp …` to khoản 9 Điều 16 re-enacting their provisions.
    base, amended, real = _base_and_real("luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt",
                                         "22/2023/QH15", "4")
    generated = instructions_from_edits(base, amended).instructions
    assert [(i.location, i.text) for i in _leaves(generated)] == [(i.location, i.text) for i in _leaves(real)]
    text = render(base)
    added = text.replace("vốn đầu tư nước ngoài đăng ký thành lập", "vốn đầu tư nước ngoài và tổ chức khác đăng ký "
                         "thành lập", 1)
    assert body(text, added).startswith("1\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 5 như sau:")


def test_a_name_changed_in_one_point_of_the_english_text_is_a_word_instruction_in_english() -> None:
    edited = ENGLISH_TEXT.replace("before they are submitted to the Provincial People's Council;",
                                  "before they are submitted to the Provincial People's Committee;", 1)
    assert edited != ENGLISH_TEXT
    assert body(ENGLISH_TEXT, edited) == ("1\\. The words “Provincial People's Council” are replaced with the words "
                                          "“Provincial People's Committee” in point c, clause 1, Article 4.")
    reproduces(parse(ENGLISH_TEXT, "old.md"), parse(edited, "edited.md"))
