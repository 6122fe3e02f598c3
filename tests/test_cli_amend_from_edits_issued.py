"""`amend from-edits` on an amending document whose numbers are cited (r40 misc40 1).

Luật 57/2024/QH15 imported as an amendment of the Luật Đấu thầu (22/2023/QH15) is an issued text: its Điều 4's 21
instructions are cited by number (the consolidated text's footnotes name `khoản 4 Điều 4`). An edit of điểm a khoản 1
Điều 10, between its instructions 3 (Điều 6) and 4 (Điều 16), was written as instruction 4 and the law's 4-21 became
5-22. Now the law's numbers stay and the new instruction follows them, as `sync` places two drafters' additions
(`workspace.instruction_merge`). An adopted document is not regenerated at all: the refusal says that a correction is
a new amending document.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.adoption import adopt
from regdraft.workspace.regenerate import split_instructions
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke
from tests.test_sync_added_instructions import edited_preview
from tests.test_sync_corpus_merge import ON_10, ON_60, PATH, SLUG, _office, pytestmark  # noqa: F401


def _edited(ws: Workspace, invoke: Invoke, tmp_path: Path, *edits: tuple[str, str]) -> Path:
    return edited_preview(ws, invoke, tmp_path, *edits, slug=SLUG)


def _head(ws: Workspace) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws.root, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_an_edit_between_an_issued_laws_instructions_follows_them_under_a_new_number(
        empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    original = _office(empty_workspace, invoke)
    done = invoke(empty_workspace, "amend", "from-edits", SLUG, "--edited",
                  str(_edited(empty_workspace, invoke, tmp_path, ON_10)))
    said = " ".join(done.output.split())
    assert done.exit_code == 0, said
    assert ("57/2024/QH15 is an issued text, so its instructions keep their numbers (they are cited by them) and the "
            "new one follows them, not in the order of the provisions: 22 (Sửa đổi, bổ sung điểm a khoản 1 Điều 10 "
            "như sau:)") in said, said
    region = split_instructions((empty_workspace.root / PATH).read_text(encoding="utf-8"), "4")[1]
    assert region == (split_instructions(original, "4")[1]
                      + f"\n\n22\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 10 như sau:\n\n“{ON_10[1]}”.")
    # The next edit, of a provision before 22's, follows it as 23; the text is the one both edits make.
    done = invoke(empty_workspace, "amend", "from-edits", SLUG, "--edited",
                  str(_edited(empty_workspace, invoke, tmp_path, ON_60)))
    assert done.exit_code == 0, done.output
    text = (empty_workspace.root / PATH).read_text(encoding="utf-8")
    assert split_instructions(text, "4")[1].endswith(
        f"\n\n22\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 10 như sau:\n\n“{ON_10[1]}”."
        f"\n\n23\\. Sửa đổi, bổ sung điểm d khoản 1 Điều 60 như sau:\n\n“{ON_60[1]}”.")
    shown = invoke(empty_workspace, "amend", "preview", SLUG)
    assert shown.exit_code == 0 and ON_10[1] in shown.stdout and ON_60[1] in shown.stdout


def test_an_edit_taking_out_an_issued_instruction_is_refused_naming_it(empty_workspace: Workspace, invoke: Invoke,
                                                                      tmp_path: Path) -> None:
    # Point b khoản 1 Điều 79 written back, which instruction 20 repeals: with --allow-undo the instruction was left
    # out and the change of words (21) became 20.
    original = _office(empty_workspace, invoke)
    head = _head(empty_workspace)
    edited = _edited(empty_workspace, invoke, tmp_path, ("b) (được bãi bỏ)\n\nc) Yêu cầu nhà thầu làm rõ",
                     "b) Quyết định thành lập tổ chuyên gia trong trường hợp bên mời thầu là đơn vị tư vấn được chủ "
                     "đầu tư lựa chọn;\n\nc) Yêu cầu nhà thầu làm rõ"))
    refused = invoke(empty_workspace, "amend", "from-edits", SLUG, "--edited", str(edited), "--allow-undo")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1 and "Traceback" not in said, said
    assert (f"{PATH}: 57/2024/QH15 is an issued text, so its instructions keep their numbers; the edited text would "
            "take out instruction 20 (line ") in said, said
    assert "Bãi bỏ điểm b khoản 1 Điều 79.), and an issued instruction is not taken out" in said, said
    assert "new amending document" in said
    assert _head(empty_workspace) == head and (empty_workspace.root / PATH).read_text(encoding="utf-8") == original


def test_from_edits_of_an_adopted_amendment_says_a_correction_is_a_new_amending_document(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    adopt(tmp_workspace, SHIPPED_AMENDMENT, "2025-03-28", force="Hội nghị quyết định")
    head = _head(tmp_workspace)
    refused = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited",
                     str(tmp_workspace.root / "regulations" / "01-QC-TU.md"))
    said = " ".join(refused.stderr.split())
    assert refused.exit_code == 2, said
    assert ("the amendment is adopted; only a pending amendment's instructions can be regenerated. 05-QC/TU is "
            "issued: its instructions are cited by their numbers and are not rewritten; a change to the text it made, "
            "or a correction of it, is a new amending document (`regdraft amend from-edits NEW-SLUG --edited FILE`, "
            "from a copy of the text in force).") in said, said
    assert _head(tmp_workspace) == head


# An edit of text an issued instruction writes: khoản 2 Điều 55 (instruction 17 amends it) was written into 17's quote
# (`“2\.`, its number kept, its words no longer the law's); Điều 34a (12 inserts it), likewise into 12's.
INSIDE = {"17": ("thì cơ sở y tế được tự quyết định mua sắm", "thì cơ sở y tế công lập được tự quyết định mua sắm",
                 "Sửa đổi, bổ sung khoản 2 Điều 55 như sau:"),
          "12": ("2\\. Chính phủ quy định chi tiết Điều này.\n\n### Điều 35.",
                 "2\\. Chính phủ quy định chi tiết và hướng dẫn thi hành Điều này.\n\n### Điều 35.",
                 "Bổ sung Điều 34a vào sau Điều 34 như sau:")}


@pytest.mark.parametrize("number", sorted(INSIDE))
def test_an_edit_of_what_an_issued_instruction_writes_is_refused_naming_it(empty_workspace: Workspace, invoke: Invoke,
                                                                           tmp_path: Path, number: str) -> None:
    original = _office(empty_workspace, invoke)
    head = _head(empty_workspace)
    old, new, sentence = INSIDE[number]
    refused = invoke(empty_workspace, "amend", "from-edits", SLUG, "--edited",
                     str(_edited(empty_workspace, invoke, tmp_path, (old, new))))
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1 and "Traceback" not in said, said
    assert (f"{PATH}: 57/2024/QH15 is an issued text, and the edited text changes what its instruction {number} "
            f"writes (line ") in said, said
    assert (f": {sentence}), whose words stay as issued; an amending document changes a provision by one instruction "
            "only, so the edit cannot be a new instruction of it either. Put that text back in the edited copy as the "
            "amendment's preview has it, and make the change by a new amending document (`regdraft amend from-edits "
            "NEW-SLUG --edited FILE`).") in said, said
    assert _head(empty_workspace) == head and (empty_workspace.root / PATH).read_text(encoding="utf-8") == original


def test_an_edit_beside_an_issued_instruction_is_a_new_instruction_not_joined_to_it(
        empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Điểm b khoản 1 Điều 30, beside điểm a that instruction 9 amends: 9 became `Sửa đổi, bổ sung điểm a và điểm b
    # khoản 1 Điều 30 như sau:` with b's text in its quote. Now 9 stays as issued and the edit is 22.
    original = _office(empty_workspace, invoke)
    point = ("b) Chào hàng cạnh tranh đối với gói thầu", "b) Chào hàng cạnh tranh trong nước đối với gói thầu")
    done = invoke(empty_workspace, "amend", "from-edits", SLUG, "--edited",
                  str(_edited(empty_workspace, invoke, tmp_path, point)))
    assert done.exit_code == 0, done.output
    region = split_instructions((empty_workspace.root / PATH).read_text(encoding="utf-8"), "4")[1]
    issued = split_instructions(original, "4")[1]
    assert region.startswith(issued + "\n\n22\\. Sửa đổi, bổ sung điểm b khoản 1 Điều 30 như sau:\n\n“b) Chào hàng "
                             "cạnh tranh trong nước đối với gói thầu"), region[-600:]
    assert region.count("\n\n“") == issued.count("\n\n“") + 1
    # 22 is the drafter's, not the law's: an edit of the same point again rewords it in place.
    again = ("b) Chào hàng cạnh tranh trong nước đối với", "b) Chào hàng cạnh tranh trong nước hoặc quốc tế đối với")
    done = invoke(empty_workspace, "amend", "from-edits", SLUG, "--edited",
                  str(_edited(empty_workspace, invoke, tmp_path, again)))
    assert done.exit_code == 0, done.output
    region = split_instructions((empty_workspace.root / PATH).read_text(encoding="utf-8"), "4")[1]
    assert region.startswith(issued + "\n\n22\\. Sửa đổi, bổ sung điểm b khoản 1 Điều 30 như sau:\n\n“b) Chào hàng "
                             "cạnh tranh trong nước hoặc quốc tế đối với gói thầu"), region[-600:]
    assert "\n23\\. " not in region
