"""An amendment taking effect before a dated instruction of one adopted earlier (`workspace.order`): refused at
adoption and warned of by `amend check` when the order changes the text, and named by `check` in a workspace an
older regdraft adopted so (it called it a hand edit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke
from tests.test_amend_staged import _dated
from tests.test_cli_amend import snapshot

DATED = "Quy định tại khoản 6 Điều 1 của Quy chế này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027."
SAID = f"khoản 6 Điều 1 of 05-QC/TU (in force from 2027-01-01, as Điều 3 of it says: “{DATED}”)"
CLAUSE_6 = ("1\\. Sửa đổi, bổ sung khoản 6 Điều 9 như sau:\n\n“6\\. Thực hiện tiếp công dân định kỳ ít nhất một ngày "
            "trong tháng; trực tiếp đối thoại với nhân dân.”.")
WORDS = "1\\. Thay thế cụm từ “mọi mặt công tác” bằng cụm từ “toàn bộ công tác” tại khoản 1 Điều 9."
THROUGHOUT = "1\\. Thay thế cụm từ “mọi mặt công tác” bằng cụm từ “toàn bộ công tác” trong toàn bộ Quy chế."
OWN_DATE = "Quy chế này có hiệu lực kể từ ngày ký."
LATER = """---
number: 07-QC/TU
type: Quy chế
title: Quy chế sửa đổi Quy chế làm việc
regulation: 01-QC/TU
language: vi
status: submitted
draft: 1
signed: null
effective: null
---

## Điều 1. Sửa đổi, bổ sung một số điều

{instructions}

## Điều 2. Hiệu lực thi hành

{entry}
"""


@pytest.fixture
def dated(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    """05-QC/TU adopted, signed 2025-10-20: khoản 6 Điều 1 (Điều 9 re-enacted, with a new khoản 6) dated 2027."""
    _dated(tmp_workspace, DATED)
    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-10-20", "--force",
                     "--reason", "test: circulating")
    assert adopted.exit_code == 0, adopted.output
    return tmp_workspace


def _later(ws: Workspace, instructions: str, entry: str = OWN_DATE, signed: str = "null") -> int:
    """qc-2026 (07-QC/TU) added, pending; the line of its entry-into-force sentence."""
    text = LATER.format(instructions=instructions, entry=entry).replace("signed: null", f"signed: {signed}")
    ws.commit({"amendments/qc-2026/amendment.md": text.encode("utf-8")}, "Add qc-2026")
    return text.split("\n").index(entry) + 1


def _flat(text: str) -> str:
    return " ".join(text.split())


# The way out for a signed document (r39 rec39 2): it advised "an effective date on or after 2027-01-01", which an
# issued document cannot have. Amending the khoản 6 Điều 9 that exists only from 2027, it does not apply on its date;
# changing words 05-QC/TU's part of 2027 changes, it is adopted before 05-QC/TU, which is adopted again after it.
_AS_STOOD = ("It does not apply to 01-QC/TU as it stood on 2026-03-01 (`regdraft show 01-QC/TU --as-of 2026-03-01`): "
             "a document amends the text of its day")
_UNDO = "so it must be adopted before that one: undo the adoption of 05-QC/TU (`git revert --no-edit "


@pytest.mark.parametrize(("instructions", "why", "out"), [
    (CLAUSE_6, "both change khoản 6 Điều 9, so it cannot be applied before them.", _AS_STOOD),
    (WORDS, "both change khoản 1 Điều 9, and applied in the order they take effect they give a different text from "
            "the order of adoption.", _UNDO),
    (THROUGHOUT, "both change the words “mọi mặt công tác” (throughout the text), and applied in the order they take "
                 "effect they give a different text from the order of adoption.", _UNDO),
], ids=["inserted-clause", "changed-words", "words-throughout"])
def test_taking_effect_before_a_dated_instruction_it_overlaps_is_refused(dated: Workspace, invoke: Invoke,
                                                                          instructions: str, why: str,
                                                                          out: str) -> None:
    line = _later(dated, instructions)
    checked = invoke(dated, "amend", "check", "qc-2026")
    assert (f"warning: amendments/qc-2026/amendment.md:{line}: adopted as it stands (signed today), it would take "
            f"effect on " in _flat(checked.output)), checked.output
    assert f"before {SAID}, already adopted; {why}" in _flat(checked.output)
    before = snapshot(dated)
    refused = invoke(dated, "amend", "adopt", "qc-2026", "--signed", "2026-03-01", "--force", "--reason", "urgent")
    assert refused.exit_code == 1, refused.output
    assert (f"Error: amendments/qc-2026/amendment.md: it would take effect on 2026-03-01, before {SAID}, already "
            f"adopted; {why} " in _flat(refused.output)), refused.output
    assert out in _flat(refused.output) and "Give it an effective date" not in refused.output
    assert snapshot(dated) == before
    unsigned = invoke(dated, "check")  # no date of its own: `amend check` says what adopting it today would do
    assert unsigned.exit_code == 0 and "adopted as it stands" not in unsigned.output


@pytest.mark.parametrize(("instructions", "signed", "entry", "day"), [
    (CLAUSE_6, "2026-03-01", OWN_DATE, "2026-03-01"),
    (WORDS, "2026-03-01", "Quy chế này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2026.", "2026-03-15"),
], ids=["signed", "dated"])
def test_check_warns_of_a_pending_amendment_dated_before_a_dated_instruction(dated: Workspace, invoke: Invoke,
                                                                            instructions: str, signed: str,
                                                                            entry: str, day: str) -> None:
    """`regdraft check` says what `amend check` says of a pending amendment with a signed date, at the line of its
    entry-into-force sentence; a warning (it is not adopted yet)."""
    line = _later(dated, instructions, entry, signed)
    checked = invoke(dated, "check")
    assert checked.exit_code == 0, checked.output
    assert (f"amendments/qc-2026/amendment.md:{line}: warning: adopted as it stands, it would take effect on {day}, "
            f"before {SAID}, already adopted;" in _flat(checked.output)), checked.output
    # And the shipped English translation lacks the adopted amendment (r26/O 8): the second warning.
    assert "01-QC/TU-EN is a translation of 01-QC/TU" in checked.output and "2 warnings" in checked.output


def test_check_says_nothing_of_a_pending_amendment_dated_after_the_adopted(dated: Workspace, invoke: Invoke,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing adopted takes effect after it: the amendment is neither applied again nor replayed."""
    from regdraft.workspace import order

    def _not_called(*_args: object) -> None:
        raise AssertionError("applied and replayed with nothing in force after it")

    monkeypatch.setattr(order, "order_warning", _not_called)
    _later(dated, WORDS, "Quy chế này có hiệu lực thi hành từ ngày 01 tháng 02 năm 2027.", "2026-03-01")
    checked = invoke(dated, "check")
    assert "adopted as it stands" not in checked.output and checked.exit_code == 0, checked.output


def test_taking_effect_after_the_dated_instruction_is_adopted(dated: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    _later(dated, WORDS, "Quy chế này có hiệu lực thi hành từ ngày 01 tháng 02 năm 2027.")
    checked = invoke(dated, "amend", "check", "qc-2026")
    assert "adopted as it stands" not in checked.output
    adopted = invoke(dated, "amend", "adopt", "qc-2026", "--signed", "2026-03-01")
    assert adopted.exit_code == 0, adopted.output
    assert invoke(dated, "check").exit_code == 0
    out = tmp_path / "feb.md"
    assert invoke(dated, "export", "01-QC/TU", "--as-of", "2027-02-01", "-o", str(out)).exit_code == 0
    assert "toàn bộ công tác" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("instructions", "clause"), [
    (CLAUSE_6, "khoản 6 Điều 9"), (WORDS, "khoản 1 Điều 9"),
    (THROUGHOUT, "the words “mọi mặt công tác” (throughout the text)")],
                         ids=["inserted-clause", "changed-words", "words-throughout"])
def test_check_names_an_adoption_out_of_order_not_a_hand_edit(dated: Workspace, invoke: Invoke,
                                                              monkeypatch: pytest.MonkeyPatch, instructions: str,
                                                              clause: str) -> None:
    """As a regdraft without the gate adopted it: `check` says which two documents and why, not "edited without an
    amendment"."""
    from regdraft.workspace import order

    _later(dated, instructions)
    monkeypatch.setattr(order, "check_order", lambda *args: None)
    assert invoke(dated, "amend", "adopt", "qc-2026", "--signed", "2026-03-01").exit_code == 0
    checked = _flat(invoke(dated, "check").output)
    assert "edited without an amendment" not in checked
    assert (f"07-QC/TU, in force from 2026-03-01, was adopted after {SAID} but takes effect before it, and both change "
            f"{clause}: applied on their dates they do not give the text they were adopted into"
            in checked), checked
    assert "so the consolidated text from 2026-03-01 on is wrong or cannot be made" in checked


@pytest.mark.parametrize(("command", "place"), [
    (("amend", "check", "qc-2026"), "warning: amendments/qc-2026/amendment.md:{line}:"),
    (("check",), "amendments/qc-2026/amendment.md:{line}: warning:")], ids=["amend-check", "check"])
def test_dated_only_by_its_front_matter_is_warned_of_at_its_effective_key(dated: Workspace, invoke: Invoke,
                                                                         command: tuple[str, ...], place: str) -> None:
    """No entry-into-force sentence in its text, only `effective:` in its front matter: the warning stands at that
    key's line, as every other such warning stands at a file:line."""
    text = LATER.format(instructions=WORDS, entry="Văn phòng Tỉnh ủy chịu trách nhiệm thi hành Quy chế này.")
    text = text.replace("signed: null", "signed: 2026-03-01").replace("effective: null", "effective: 2026-03-15")
    dated.commit({"amendments/qc-2026/amendment.md": text.encode("utf-8")}, "Add qc-2026")
    line = text.split("\n").index("effective: 2026-03-15") + 1
    checked = _flat(invoke(dated, *command).output)
    assert (f"{place.format(line=line)} adopted as it stands, it would take effect on 2026-03-15, before {SAID}, "
            f"already adopted;" in checked), checked
