"""`amend check` names the instruction whose text does not read back (r40 misc40 2).

The amended text is written out and read again. Where it read otherwise, `amend check` said "the amended text does not
read back as the same provisions; check the quoted text for paragraphs that look like clauses or points", or "the
amended text does not read back: regulations/22-2023-QH15.md:1115: A closing-text marker is not followed by any
paragraph; remove it." (a line of the text as amended, not of the file named), of the whole document: in a draft of
twenty instructions the drafter looked for the one at fault by hand. Each cause below is a word replacement on the
real Luật Đấu thầu 22/2023/QH15 whose new words begin a paragraph like a point or a clause; the report now names the
instruction's number, line and the provision it amends, and what reads otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke

CORPUS = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023"
PATH = "amendments/thu/amendment.md"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus of amending documents is absent")

FRONT = """---
title: Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu
regulation: 22/2023/QH15
language: vi
status: draft
draft: 1
---

## Điều 1. Sửa đổi, bổ sung một số điều của Luật Đấu thầu

1\\. Sửa đổi, bổ sung khoản 9 Điều 16 như sau:

“9. Tổ chức lựa chọn nhà thầu khi chưa xác định được nguồn vốn theo quy định tại khoản 3 Điều 39.”.

2\\. Bổ sung điểm e vào sau điểm đ khoản 1 Điều 17 như sau:

“e) Hủy thầu theo quy định tại khoản 5 Điều 42 của Luật này.”.

"""

# The third instruction, on line 19, and the words the report must say of it.
CAUSES = {
    # Words put before a point's second paragraph: it reads as a point of its own.
    "a point made of a continuation": (
        "3\\. Thay thế cụm từ “Đối với gói thầu mua sắm hàng hóa, xây lắp” bằng cụm từ “d1) Đối với gói thầu mua sắm "
        "hàng hóa, xây lắp” tại khoản 1 Điều 43.",
        "instruction 3 on khoản 1 Điều 43 (Thay thế cụm từ “Đối với gói thầu mua sắm hàng hóa, xây lắp” bằng cụm từ "
        "“d1) Đối với gói thầu mua sắm hàng hóa, xây lắp” tại khoản 1 Điều 43.) leaves a text that does not read "
        "back as the same provisions: a paragraph is read back as điểm d1 khoản 1 Điều 43 (“d1) Đối với gói thầu mua "
        "sắm hàng hóa, xây lắp, cung …”), a provision the amended text does not have."),
    # A clause's closing text (đoạn cuối) begun like a point: it reads as point e.
    "a point made of a closing text": (
        "3\\. Thay thế cụm từ “Đối với trường hợp quy định tại điểm m” bằng cụm từ “e) Đối với trường hợp quy định "
        "tại điểm m” tại khoản 2 Điều 43.",
        "instruction 3 on khoản 2 Điều 43 (Thay thế cụm từ “Đối với trường hợp quy định tại điểm m” bằng cụm từ “e) "
        "Đối với trường hợp quy định tại điểm m” tại khoản 2 Điều 43.) leaves a text that does not read back as the "
        "same provisions: a paragraph is read back as điểm e khoản 2 Điều 43 (“e) Đối với trường hợp quy định tại "
        "điểm m khoản 1 …”), a provision the amended text does not have."),
    # The same closing text begun like a clause: a second khoản 3, which the reading refused as a number used twice.
    "a clause numbered twice": (
        "3\\. Thay thế cụm từ “Đối với trường hợp quy định tại điểm m” bằng cụm từ “3. Đối với trường hợp quy định "
        "tại điểm m” tại khoản 2 Điều 43.",
        "instruction 3 on khoản 2 Điều 43 (Thay thế cụm từ “Đối với trường hợp quy định tại điểm m” bằng cụm từ “3. "
        "Đối với trường hợp quy định tại điểm m” tại khoản 2 Điều 43.) leaves a text that does not read back as the "
        "same provisions: a paragraph is read back as a second khoản 3 Điều 43 (“3. Đối với trường hợp quy định tại "
        "điểm m khoản 1 …”), a provision the amended text does not have."),
    # A paragraph made an article heading: quoted as the article reads, “Điều 43a. …” (it was “43a Đối với …”, r41
    # sweep CH F2).
    "an article made of a clause's words": (
        "3\\. Thay thế cụm từ “Đối với gói thầu mua sắm hàng hóa, xây lắp” bằng cụm từ “## Điều 43a. Đối với gói "
        "thầu mua sắm hàng hóa, xây lắp” tại khoản 1 Điều 43.",
        "instruction 3 on khoản 1 Điều 43 (Thay thế cụm từ “Đối với gói thầu mua sắm hàng hóa, xây lắp” bằng cụm từ "
        "“## Điều 43a. Đối với gói thầu mua sắm hàng hóa, xây lắp” tại khoản 1 Điều 43.) leaves a text that does not "
        "read back as the same provisions: a paragraph is read back as Điều 43a (“Điều 43a. Đối với gói thầu mua sắm "
        "hàng hóa, xây lắp, …”), a provision the amended text does not have."),
    # A group's lettered instruction: the letter is named, with the provision it amends.
    "a lettered instruction of a group": (
        "3\\. Sửa đổi, bổ sung một số điểm, khoản của Điều 43 như sau:\n\n"
        "a) Sửa đổi, bổ sung khoản 8 như sau:\n\n“8. Chính phủ quy định chi tiết Điều này.”.\n\n"
        "b) Thay thế cụm từ “Đối với trường hợp quy định tại điểm m” bằng cụm từ “e) Đối với trường hợp quy định "
        "tại điểm m” tại khoản 2.",
        "instruction 3.b on khoản 2 Điều 43 (Thay thế cụm từ “Đối với trường hợp quy định tại điểm m” bằng cụm từ "
        "“e) Đối với trường hợp quy định tại điểm m” tại khoản 2.) leaves a text that does not read back as the same "
        "provisions: a paragraph is read back as điểm e khoản 2 Điều 43"),
}


@pytest.fixture
def law(empty_workspace: Workspace, invoke: Invoke) -> Workspace:
    imported = invoke(empty_workspace, "import", str(CORPUS / "base-22-2023-QH15.txt"), "--id", "22/2023/QH15")
    assert imported.exit_code == 0, imported.output
    return empty_workspace


@pytest.mark.parametrize("cause", list(CAUSES))
def test_a_text_that_does_not_read_back_names_the_instruction_and_what_reads_otherwise(law: Workspace,
                                                                                      invoke: Invoke,
                                                                                      cause: str) -> None:
    instruction, said = CAUSES[cause]
    path = law.root / PATH
    path.parent.mkdir(parents=True)
    path.write_text(FRONT + instruction + "\n", encoding="utf-8")
    line = FRONT.count("\n") + 1 + (instruction[:instruction.index("b) Thay")].count("\n") if "b) Thay" in instruction
                                    else 0)
    checked = invoke(law, "amend", "check", "thu")
    output = " ".join(checked.output.split())
    assert checked.exit_code == 1 and "Traceback" not in output, output
    assert f"{PATH}:{line}: {said}" in output, output
    assert "Check the words it writes for a paragraph that begins like a clause or point" in output
    assert "regulations/22-2023-QH15.md:1115" not in output and "closing-text marker" not in output
    assert output.count("does not read back") == 1, output


def test_the_instructions_before_it_are_not_named(law: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # The two instructions before the one at fault read back: the amendment without it passes.
    path = law.root / PATH
    path.parent.mkdir(parents=True)
    path.write_text(FRONT.rstrip("\n") + "\n", encoding="utf-8")
    checked = invoke(law, "amend", "check", "thu")
    assert checked.exit_code == 0 and "read back" not in checked.output, checked.output
