"""The instructions in words for `git log` (`regdraft.core.amend.summary`): every place an instruction names is said.

A phrase replaced only in an article's title (`tại tên Điều 22`, Luật Thanh niên's style) names no whole unit: the
summary of `amend from-edits` and `amend adopt` failed on it with an IndexError.
"""

from __future__ import annotations

from pathlib import Path

from regdraft.core.address import parse_address
from regdraft.core.amend.document import Instruction
from regdraft.core.amend.grammar import ReplaceWords
from regdraft.core.amend.summary import touched
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
TITLE_ONLY = ("15\\. Thay thế cụm từ “Trách nhiệm, quyền hạn” bằng cụm từ “Nhiệm vụ, quyền hạn” tại tên Điều 4 "
              "và tên Điều 6.")


def _words(**places: object) -> Instruction:
    op = ReplaceWords("Tổng cục Du lịch", "Cục Du lịch Quốc gia Việt Nam", **places)  # type: ignore[arg-type]
    return Instruction("1", 1, "", op)


def test_a_phrase_replaced_in_titles_alone_names_the_titles() -> None:
    titles = (parse_address("d22"), parse_address("d7"))
    assert touched([_words(titles=titles)], "vi") == \
        "replaces “Tổng cục Du lịch” in tên Điều 22 and tên Điều 7"
    assert touched([_words(titles=titles[:1])], "en") == \
        "replaces “Tổng cục Du lịch” in the title of Article 22"


def test_a_phrase_replaced_in_the_preamble_and_a_clause_names_both() -> None:
    said = touched([_words(targets=(parse_address("d5.k2"),), preamble=True)], "vi")
    assert said == "replaces “Tổng cục Du lịch” in the preamble and in khoản 2 Điều 5"
    assert touched([_words(preamble=True)], "vi") == "replaces “Tổng cục Du lịch” in the preamble"


def test_from_edits_and_its_commit_on_an_amendment_replacing_words_in_titles(tmp_workspace: Workspace,
                                                                            tmp_path: Path, invoke: Invoke) -> None:
    text = tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8")
    last = "trong toàn bộ Quy chế.\n"
    tmp_workspace.commit({AMENDMENT: text.replace(last, f"{last}\n{TITLE_ONLY}\n", 1).encode()},
                         "An instruction on two titles")
    assert invoke(tmp_workspace, "amend", "preview", SHIPPED_AMENDMENT, "-o", str(tmp_path / "p.md")).exit_code == 0
    preview = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "## Điều 6. Nhiệm vụ, quyền hạn của Thường trực Tỉnh ủy" in preview
    (tmp_path / "p.md").write_text(preview.replace("Phạm vi điều chỉnh", "Phạm vi áp dụng", 1), encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(tmp_path / "p.md"))
    assert result.exit_code == 0, result.output
    assert "in tên Điều 4 and tên Điều 6" in tmp_workspace.repo.head.commit.message


def test_an_instruction_naming_several_provisions_is_listed_once() -> None:
    """The commit message of `amend from-edits` and `amend adopt` listed `4. Clauses 2 and 3 of Article 12 are amended
    to read:` and then its own sentence again, twice, as sub-instructions `4)` (r24 sweep g-english, defect 7)."""
    from regdraft.core.amend.summary import listing
    from tests.test_amend_apply import amendment

    english = amendment("1\\. Clauses 1 and 2 of Article 3 are amended to read:\n\n“1. A.\n\n2. B.”\n\n"
                        "2\\. Some points of clause 2 of Article 2 are amended as follows:\n\n"
                        "a) Points a and b are amended to read:\n\n“a) C;\n\nb) D;”", "en")
    assert listing(english.instructions) == [
        "1. Clauses 1 and 2 of Article 3 are amended to read:",
        "2. Some points of clause 2 of Article 2 are amended as follows:",
        "   a) Points a and b are amended to read:",
    ]
    vietnamese = amendment("1\\. Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 1 như sau:\n\n“1. A.\n\n2. B.”")
    assert listing(vietnamese.instructions) == ["1. Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 1 như sau:"]
