"""A draft prints no document number, even numbered ahead of its signing (r37 legal item 4).

Nghị định 30/2020/NĐ-CP, Điều 15 khoản 2: the number and date of issue are given after the competent person signs
(the clerk's register, Phụ lục I, 3a). `amend number` sets the number before adoption (the gate asks for it), and the
draft then printed `DỰ THẢO lần 2` over `Số 05-QC/TU`, a number no issued document bore yet. A pending draft prints
the blank of its series (`Số       -QC/TU`, `Số:       /2025/NĐ-CP`); the adopted document, or an issued one imported
before its adoption (signed), prints its number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from regdraft.core.amend.document import load_amendment
from regdraft.render.draft_numbers import unissued
from regdraft.render.html import amendment_header
from regdraft.render.profile import load_profile
from regdraft.workspace.export import export_amendment
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, unwrapped

GAP = "\u00a0" * 6
DECREE = """---
number: 12/2025/NĐ-CP
type: Nghị định
title: Nghị định sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP
regulation: 63/2010/NĐ-CP
language: vi
profile: state-30
status: {status}
draft: 3
signed: {signed}
effective: {effective}
issuer: CHÍNH PHỦ
place: Hà Nội
---

Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP.

## Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP

1\\. Bãi bỏ khoản 2 Điều 3.
"""


def _header(status: str, signed: str = "null", effective: str = "null") -> tuple[str, str, str]:
    text = DECREE.format(status=status, signed=signed, effective=effective)
    amendment = load_amendment(text, "amendments/nd/amendment.md", "nd")
    header = amendment_header(amendment, load_profile({"profile": "state-30"}), dt.date(2026, 3, 1))
    return header.number, header.draft, header.running


def test_a_numbered_draft_prints_the_blank_of_its_series() -> None:
    number, draft, running = _header("submitted")
    assert (number, draft) == (f"Số: {GAP}/2025/NĐ-CP", "DỰ THẢO lần 3")
    assert "12/2025" not in running  # nor in the running header: a draft is named by its title


def test_the_adopted_document_and_an_issued_one_imported_print_their_number() -> None:
    assert _header("adopted", "2025-05-14", "2025-07-01")[:2] == ("Số: 12/2025/NĐ-CP", "")
    # Read from a signed document before `amend adopt` (a real decree imported to be consolidated): issued already.
    assert _header("draft", "2025-05-14")[0] == "Số: 12/2025/NĐ-CP"


def test_the_blank_keeps_the_series_the_clerk_gave() -> None:
    assert unissued("12/2025/NĐ-CP") == f"{GAP}/2025/NĐ-CP"
    assert unissued("05a-QC/TU") == f"{GAP}-QC/TU"
    assert unissued("QĐ-UBND") == GAP


def test_the_shipped_draft_prints_no_number(tmp_workspace: Workspace, tmp_path: Path) -> None:
    page = unwrapped(export_amendment(tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "a.html",
                                      today=dt.date(2025, 2, 1)).path.read_text(encoding="utf-8"))
    assert '<p class="draft-banner">DỰ THẢO lần 2</p>' in page
    assert f'<div class="number">Số {GAP}-QC/TU</div>' in page and "Số 05-QC/TU" not in page
