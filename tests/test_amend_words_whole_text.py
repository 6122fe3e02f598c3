"""Word changes throughout the amended text, in the forms real amending documents write their scope (r35 sweep F3):
`trong toàn bộ Luật Thi đua, khen thưởng` (the text's name), `tại Luật này`, `trong Luật này`, `ở Luật này`,
`trong toàn bộ Nghị định số 63/2010/NĐ-CP`, `tại Nghị định này`. Each was refused as "not a provision such as
'khoản 2 Điều 5'" while `trong toàn bộ Luật` was read. A name that is not the amended text's is refused at its line,
saying which text the amendment amends; `tại Luật này` inside quoted words or a quoted new text is text.

Applied to real laws (../shared/corpus) through the amendment reader, the results checked word for word.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.grammar import ReplaceWords, read_instruction
from regdraft.core.amend.provisions import GrammarError
from regdraft.core.amend.type_words import wrong_type_words
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace

from .conftest import SHARED, Invoke, in_corpus, needs_corpus
from .test_cli_amend_real_forms import EMULATION, started, with_instructions

pytestmark = needs_corpus

THI_DUA = SHARED / "corpus" / "vi" / "luat-thi-dua-khen-thuong.txt"
ND_63 = SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"
# Luật Thi đua, khen thưởng: four places, điểm c khoản 1 Điều 21 to khoản 1 Điều 24
OLD, NEW = "Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cấp cơ sở"
# Nghị định 63/2010: the name Nghị định 48/2013 changes, at nineteen places (one more in lower case, left as it is)
BODY, OFFICE = "Cơ quan kiểm soát thủ tục hành chính", "Cục Kiểm soát thủ tục hành chính"


@functools.cache
def _law(path: Path) -> Regulation:
    return import_file(in_corpus(path)).regulation


def _applied(law: Regulation, instructions: str) -> Regulation:
    text = (f"---\nnumber: 99/2025/QH15\ntitle: Sửa đổi\nregulation: {law.id}\nlanguage: vi\nstatus: draft\n"
            f"draft: 1\n---\n\n## Điều 1. Sửa đổi, bổ sung một số điều\n\n{instructions.strip()}\n")
    return apply(law, load_amendment(text, "amendments/x/amendment.md", "x")).regulation


def _thi_dua() -> Regulation:
    return _law(THI_DUA)


def _nd_63() -> Regulation:
    return _law(ND_63)


@pytest.mark.parametrize("where", [
    "trong toàn bộ Luật Thi đua, khen thưởng", "trong toàn bộ Luật thi đua, khen thưởng", "tại Luật này",
    "trong Luật này", "ở Luật này", "trong toàn bộ Luật này", "tại Luật Thi đua, khen thưởng",
    "trong toàn bộ Luật Thi đua, khen thưởng số 15/2003/QH11", "trong toàn bộ Luật số 15/2003/QH11",
])
def test_a_law_named_whole_as_amending_laws_name_it_changes_every_occurrence(where: str) -> None:
    law = _thi_dua()
    before = render(law)
    assert before.count(OLD) == 4
    result = render(_applied(law, f"1\\. Thay thế cụm từ “{OLD}” bằng cụm từ “{NEW}” {where}."))
    assert result == before.replace(OLD, NEW)  # word for word: those four places, and nothing else
    assert 'Danh hiệu "Chiến sĩ thi đua cấp cơ sở" được xét tặng cho cá nhân đạt các tiêu chuẩn sau:' in result
    assert 'c) "Chiến sĩ thi đua cấp cơ sở";' in result


@pytest.mark.parametrize("where", [
    "trong toàn bộ Nghị định số 63/2010/NĐ-CP", "tại Nghị định này", "trong Nghị định này",
    "tại Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính",
    "trong toàn bộ Nghị định về kiểm soát thủ tục hành chính",
])
def test_a_decree_named_whole_by_its_number_or_as_this_decree_changes_every_occurrence(where: str) -> None:
    decree = _nd_63()
    before = render(decree)
    assert before.count(BODY) == 19
    result = render(_applied(decree, f"1\\. Thay thế cụm từ “{BODY}” bằng cụm từ “{OFFICE}” {where}."))
    assert result == before.replace(BODY, OFFICE)
    assert ("3\\. Cục Kiểm soát thủ tục hành chính chịu trách nhiệm rà soát, đánh giá độc lập thủ tục hành chính "
            "trong các trường hợp sau đây:") in result
    assert "cơ quan kiểm soát thủ tục hành chính" in result  # other capitals: other words, as written


def test_words_deleted_and_several_pairs_at_the_law_named_whole() -> None:
    law = _thi_dua()
    before = render(law)
    result = render(_applied(law, "1\\. Bỏ cụm từ “ cơ sở” tại Luật này; thay thế cụm từ “Lao động tiên tiến” bằng "
                                  "cụm từ “Lao động giỏi” trong toàn bộ Luật Thi đua, khen thưởng."))
    assert result == before.replace(" cơ sở", "").replace("Lao động tiên tiến", "Lao động giỏi")


@pytest.mark.parametrize(("law", "where", "said"), [
    (_thi_dua, "trong toàn bộ Luật Đất đai",
     "“Luật Đất đai” is not the text this amendment amends, 15/2003/QH11 (Luật Thi đua, khen thưởng): to change the "
     "words throughout 15/2003/QH11, write ‘trong toàn bộ Luật’ (or ‘trong toàn bộ Luật Thi đua, khen thưởng’)."),
    (_thi_dua, "tại Luật Thi đua, khen thưởng số 22/2023/QH15", "“Luật Thi đua, khen thưởng số 22/2023/QH15” is not"),
    (_thi_dua, "trong toàn bộ Luật Thi đua", "“Luật Thi đua” is not the text this amendment amends, 15/2003/QH11"),
    (_nd_63, "trong toàn bộ Nghị định số 20/2008/NĐ-CP",
     "“Nghị định số 20/2008/NĐ-CP” is not the text this amendment amends, 63/2010/NĐ-CP (Nghị định về kiểm soát thủ "
     "tục hành chính): to change the words throughout 63/2010/NĐ-CP, write ‘trong toàn bộ Nghị định’"),
    (_nd_63, "trong toàn bộ Luật số 63/2010/NĐ-CP",  # its number, not its name: not "… is not …, 63/2010/NĐ-CP"
     "“Luật số 63/2010/NĐ-CP” has the number of the text this amendment amends, 63/2010/NĐ-CP, but not its name"),
])
def test_another_text_named_whole_is_refused_at_its_line_naming_the_text_amended(
        law: Callable[[], Regulation], where: str, said: str) -> None:
    regulation = law()
    with pytest.raises(AmendmentConflict) as caught:
        _applied(regulation, f"1\\. Bỏ cụm từ “thủ tục” tại Điều 1.\n\n2\\. Thay thế cụm từ “Nhà nước” bằng cụm từ "
                             f"“Nhà nước Việt Nam” {where}.")
    problems = caught.value.problems
    assert [p.line for p in problems] == [14], problems
    assert problems[0].message.startswith("instruction 2 (Thay thế cụm từ “Nhà nước”"), problems[0].message
    assert said in problems[0].message, problems[0].message


def test_this_law_inside_quoted_words_or_a_quoted_new_text_is_text_not_a_scope() -> None:
    law = _thi_dua()
    before = render(law)
    clause = "1. Trong Luật này, thi đua được tổ chức theo quy định tại Luật này."
    result = render(_applied(law, f"1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n\n“{clause}”.\n\n2\\. Thay thế cụm "
                                  "từ “Luật này quy định” bằng cụm từ “Luật này quy định tại Luật này” tại Điều 1."))
    old_clause = next(line for line in before.splitlines() if line.startswith("1\\. Thi đua là hoạt động"))
    assert result == before.replace(old_clause, clause.replace("1.", "1\\.", 1)).replace(
        "Luật này quy định về đối tượng", "Luật này quy định tại Luật này về đối tượng")
    op = read_instruction("Thay thế cụm từ “quy định tại Luật này” bằng cụm từ “theo Luật này” tại khoản 1 Điều 5.",
                          "vi")
    assert isinstance(op, ReplaceWords) and not op.throughout and op.old == "quy định tại Luật này"


def test_this_decree_in_an_amendment_of_a_law_is_warned_of_but_a_name_is_left_to_applying() -> None:
    law = _thi_dua()

    def warned(where: str) -> list[str]:
        text = (f"---\nnumber: 99/2025/QH15\ntitle: Sửa đổi\nregulation: {law.id}\nlanguage: vi\nstatus: draft\n"
                f"draft: 1\n---\n\n## Điều 1. Sửa đổi\n\n1\\. Bỏ cụm từ “thủ tục” {where}.\n")
        return [p.message for p in wrong_type_words(load_amendment(text, "amendments/x/amendment.md", "x"), law)]

    assert [m.split(" names ")[1] for m in warned("tại Nghị định này")] == [
        "the amended text “tại Nghị định này”, but 15/2003/QH11 is a Luật: write “tại Luật này” (the word as the "
        "amended text's type is)"]
    assert warned("tại Luật này") == warned("trong toàn bộ Luật Thi đua, khen thưởng") == []
    assert warned("trong toàn bộ Nghị định Thi đua, khen thưởng") == []  # refused when applied: not its name


def test_a_wrong_name_is_a_clear_error_of_amend_check_and_preview(empty_workspace: Workspace,
                                                                  invoke: Invoke) -> None:
    ws = started(empty_workspace, invoke, "luat-thi-dua-khen-thuong.txt", EMULATION, "td")
    with_instructions(ws, "td", f"1\\. Thay thế cụm từ “{OLD}” bằng cụm từ “{NEW}” trong toàn bộ Luật Đất đai.")
    for command in ("check", "preview"):
        result = invoke(ws, "amend", command, "td")
        assert result.exit_code == 1, result.output
        said = " ".join(result.output.split())
        assert "Traceback" not in said
        assert ("amendments/td/amendment.md:30: instruction 1 (Thay thế cụm từ “Chiến sĩ thi đua cơ sở” bằng cụm từ "
                "“Chiến sĩ thi đua cấp cơ sở” trong toàn bộ Luật Đất đai.): “Luật Đất đai” is not the text this "
                "amendment amends, 15/2003/QH11 (Luật Thi đua, khen thưởng)") in said, said
    assert invoke(ws, "amend", "new", "td2", "-r", EMULATION).exit_code == 0
    with_instructions(ws, "td2", f"1\\. Thay thế cụm từ “{OLD}” bằng cụm từ “{NEW}” trong toàn bộ Luật Thi đua, khen "
                      "thưởng.")
    preview = invoke(ws, "amend", "preview", "td2")
    assert preview.exit_code == 0, preview.output
    assert preview.output.count(NEW) == 4 and OLD not in preview.output


def test_phrases_left_unquoted_end_before_this_law_at_the_sentence_end() -> None:
    with pytest.raises(GrammarError) as caught:
        read_instruction("Thay thế cụm từ Bộ Nội vụ bằng cụm từ Bộ Tư pháp tại Luật này.", "vi")
    assert str(caught.value) == (
        "cannot read this instruction: the phrases 'Bộ Nội vụ' and 'Bộ Tư pháp' need to be in quotation marks “…”: "
        "'Thay thế cụm từ “Bộ Nội vụ” bằng cụm từ “Bộ Tư pháp” tại Luật này.'.")
