"""`amend check` of a second amending document drafted against the text as a pending first one leaves it: a provision
missing from the text in force that the pending amendment brings in is said to be so, naming that amendment and what
to do (r26 sweep M, defect 3). It said only "Điều 20a does not exist", and the drafter took the draft for wrong.
"""

from __future__ import annotations

import pytest

from regdraft.workspace import awaited
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

SECOND = """---
type: Quy chế
title: Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh
regulation: 01-QC/TU
language: vi
status: draft
---

## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế làm việc

1\\. Bãi bỏ khoản 4a Điều 6.

2\\. Bổ sung Điều 20b vào sau Điều 20a như sau:

“Điều 20b. Chế độ bảo mật trên môi trường điện tử

Văn bản, tài liệu có nội dung bí mật nhà nước không được gửi trên hệ thống thông tin điện tử.”.

3\\. Bãi bỏ khoản 9 Điều 1.

## Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""


def _checked(ws: Workspace, invoke: Invoke, text: str) -> str:
    ws.commit({"amendments/qc-2026/amendment.md": text.encode("utf-8")}, "Second amendment")
    result = invoke(ws, "amend", "check", "qc-2026")
    assert result.exit_code != 0, result.output
    return " ".join(result.output.split())


def test_a_provision_a_pending_amendment_inserts_is_said_to_come_from_it(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    said = _checked(tmp_workspace, invoke, SECOND)
    adopt = f"adopt it first (`regdraft amend adopt {SHIPPED_AMENDMENT}`) and check this one again, or see what the " \
            "two change alike with `regdraft amend conflicts`."
    assert ("amendments/qc-2026/amendment.md:11: instruction 1 (Bãi bỏ khoản 4a Điều 6.): Điều 6 has no khoản 4a "
            "(khoản 4a Điều 6 does not exist). The pending amendment qc-sua-doi-2025 (05-QC/TU) inserts khoản 4a "
            f"Điều 6 (instruction 3, line 64): {adopt}") in said, said
    assert ("amendments/qc-2026/amendment.md:13: instruction 2 (Bổ sung Điều 20b vào sau Điều 20a như sau:): Điều 20a "
            "does not exist. The pending amendment qc-sua-doi-2025 (05-QC/TU) inserts Điều 20a (instruction 9, line "
            f"106): {adopt}") in said, said
    # A provision no pending amendment brings in: the problem as it was, nothing added.
    assert ("amendments/qc-2026/amendment.md:19: instruction 3 (Bãi bỏ khoản 9 Điều 1.): Điều 1 has no khoản 9 "
            "(khoản 9 Điều 1 does not exist).") in said and said.rstrip().endswith("3 problems found."), said
    assert said.count("The pending amendment") == 2


def test_pending_amendments_are_applied_only_when_a_provision_is_missing(
        tmp_workspace: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[str] = []
    pending = awaited._pending

    def counted(*args: object) -> object:
        looked.append("applied")
        return pending(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(awaited, "_pending", counted)
    words = SECOND.replace("1\\. Bãi bỏ khoản 4a Điều 6.",
                           "1\\. Thay thế cụm từ “không có” bằng cụm từ “có” tại Điều 6.")
    missing_words_only = words.split("2\\. Bổ sung")[0] + "## Điều 2." + SECOND.split("## Điều 2.")[1]
    said = _checked(tmp_workspace, invoke, missing_words_only)
    assert "is found 0 times in Điều 6" in said and "The pending amendment" not in said, said
    assert looked == []
    said = _checked(tmp_workspace, invoke, SECOND)
    assert looked == ["applied"]  # once, for the two instructions naming a provision it inserts


def test_a_pending_amendment_inserting_only_the_article_is_not_said_to_be_enough(tmp_workspace: Workspace,
                                                                                 invoke: Invoke) -> None:
    """05-QC/TU inserts Điều 20a with khoản 1-3: an instruction amending its khoản 4 is told that adopting 05-QC/TU
    first would not be enough, not to adopt it and check again (r27 sweep V, defect 2)."""
    instruction = "1\\. Sửa đổi, bổ sung khoản 4 Điều 20a như sau:\n\n“4. Khoản không có.”.\n\n"
    fourth = SECOND.split("1\\. Bãi bỏ")[0] + instruction + "## Điều 2." + SECOND.split("## Điều 2.")[1]
    said = _checked(tmp_workspace, invoke, fourth)
    assert ("The pending amendment qc-sua-doi-2025 (05-QC/TU) inserts Điều 20a (instruction 9, line 106), but "
            "without khoản 4 Điều 20a, which this instruction needs: adopting it first would not be enough; see what "
            "the two change alike with `regdraft amend conflicts`.") in said, said
    assert "adopt it first (`" not in said, said


def test_check_applies_each_pending_amendment_once_for_all_the_problems(
        tmp_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` applied every other pending amendment again for each one with a missing provision: 80 amendments took
    25.5 s, 160 took 192 s (r27 sweep W, defect 4). Now each is applied once per regulation for the whole command."""
    from regdraft.workspace.checks import check_replay

    shipped = tmp_workspace.read(f"amendments/{SHIPPED_AMENDMENT}/amendment.md").decode("utf-8")
    lines = shipped.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("14\\. Thay thế"))
    lines.insert(at + 1, "\n15\\. Bãi bỏ khoản 2 Điều 40.")
    copies = 4
    tmp_workspace.commit({f"amendments/p{n}/amendment.md": "\n".join(lines).replace(
        "number: 05-QC/TU", f"number: {100 + n}-QC/TU").encode("utf-8") for n in range(copies)}, "Copies")
    applied: list[str] = []
    apply = awaited.apply  # type: ignore[attr-defined]

    def counted(before: object, amendment: object, **kwargs: object) -> object:
        applied.append(amendment.slug)  # type: ignore[attr-defined]
        return apply(before, amendment, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(awaited, "apply", counted)
    problems = [p for p in check_replay(tmp_workspace) if "khoản 2 Điều 40" in p.message]
    assert sorted(p.source for p in problems) == [f"amendments/p{n}/amendment.md" for n in range(copies)], problems
    # Each pending amendment once (the four copies and the shipped one); 16 before: each copy applied the other four.
    assert sorted(applied) == sorted([SHIPPED_AMENDMENT, *(f"p{n}" for n in range(copies))]), applied
