"""A Party text issued with a decision (`issued_with: Quyết định`: a Quy chế ban hành kèm theo Quyết định of the Ban
Thường vụ Tỉnh ủy) is amended by a Party decision in Party style (Hướng dẫn 36-HD/VPTW): the Party's basis, `BAN
THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH`, then Điều 1-3, in Vietnamese and in English; never the Party `amending_*` wording of a
Quy chế amending a Quy chế, nor a state decision's."""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

QUY_CHE = """---
id: 05-QĐ/TU
type: Quy chế
title: Quy chế làm việc của Ban Thường vụ Tỉnh ủy
issued_with: Quyết định
language: vi
profile: party-36
national: ĐẢNG CỘNG SẢN VIỆT NAM
issuer: TỈNH ỦY ĐIỆN BIÊN
place: Điện Biên
signed: 2021-03-15
signer:
  on_behalf: T/M BAN THƯỜNG VỤ
  title: BÍ THƯ
  name: Phạm Đức Thịnh
---

# Chương I. NHỮNG QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh

Quy chế này quy định chế độ làm việc của Ban Thường vụ Tỉnh ủy.

## Điều 2. Tổ chức thực hiện

Văn phòng Tỉnh ủy theo dõi việc thực hiện Quy chế này.
"""

QUY_CHE_EN = """---
id: 05-QĐ/TU-EN
type: Regulations
title: Working Regulations of the Standing Board of the Provincial Party Committee
issued_with: Decision
translation_of: 05-QĐ/TU
language: en
profile: party-36
national: COMMUNIST PARTY OF VIETNAM
issuer: DIEN BIEN PROVINCIAL PARTY COMMITTEE
place: Dien Bien
signed: 2021-03-15
---

# Chapter I. GENERAL PROVISIONS

## Article 1. Scope

These Regulations govern the work of the Standing Board of the Provincial Party Committee.

## Article 2. Implementation

The Office of the Provincial Party Committee monitors the implementation of these Regulations.
"""


def _scaffold(ws: Workspace, invoke: Invoke, regulation: str, slug: str) -> str:
    ws.commit({"regulations/05-QĐ-TU.md": QUY_CHE.encode(), "regulations/05-QĐ-TU-EN.md": QUY_CHE_EN.encode()},
              "Quy chế")
    done = invoke(ws, "amend", "new", slug, "--regulation", regulation)
    assert done.exit_code == 0, done.output
    return (Path(ws.root) / f"amendments/{slug}/amendment.md").read_text(encoding="utf-8")


def test_a_party_text_issued_with_a_decision_is_amended_by_a_party_decision(tmp_workspace: Workspace,
                                                                              invoke: Invoke) -> None:
    text = _scaffold(tmp_workspace, invoke, "05-QĐ/TU", "qd")
    assert "\ntype: Quyết định\n" in text
    body = text.split("\n---\n", 1)[1]
    assert body.split("\n\n")[:5] == ["\nCăn cứ Điều lệ Đảng Cộng sản Việt Nam;", "Căn cứ …;", "Xét đề nghị của …,",
                                      "BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH",
                                      "## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Thường vụ "
                                      "Tỉnh ủy ban hành kèm theo Quyết định số 05-QĐ/TU ngày 15 tháng 3 năm 2021 của "
                                      "Tỉnh ủy Điện Biên"]
    assert "\n## Điều 2\n\nQuyết định này có hiệu lực từ ngày ký.\n\n## Điều 3\n\nCác ban, ngành" in body
    assert body.rstrip().endswith("chịu trách nhiệm thi hành Quyết định này.")
    # One style: none of the Party Quy chế's amending wording, none of the state decision's
    assert "Quy chế số" not in body and "ban hành Quyết định" not in body and "Tỉnh ủy viên" not in body
    assert "Luật Tổ chức chính quyền" not in body and "QUYẾT ĐỊNH:" not in body


def test_its_english_translation_is_amended_by_a_party_decision_in_english(tmp_workspace: Workspace,
                                                                            invoke: Invoke) -> None:
    text = _scaffold(tmp_workspace, invoke, "05-QĐ/TU-EN", "qd-en")
    assert "\ntype: Decision\n" in text
    body = text.split("\n---\n", 1)[1]
    assert body.split("\n\n")[:4] == ["\nPursuant to the Charter of the Communist Party of Vietnam;", "Pursuant to …;",
                                      "At the proposal of …,",
                                      "THE STANDING BOARD OF THE PROVINCIAL PARTY COMMITTEE DECIDES"]
    assert "\n## Article 1. Amendments to the Working Regulations of the Standing Board" in body
    assert "\n## Article 2\n\nThis Decision takes effect on the date of signing.\n\n## Article 3\n\n" in body
    assert body.rstrip().endswith("are responsible for implementing this Decision.")
    assert "issues the" not in body and "Regulations, No." not in body
