"""A Quy chế issued with a Quyết định, replaced by the next term's (r24 a-regress defects 3 and 4): the replaced
text's note and the commands' line cite the new one by its title and its Quyết định (docs/format.md,
`issued_with`), never `Quy chế số 20/2027/QĐ-UBND`, its title printed once; an English translation cites a
Quyết định as a `Decision`, the word its own `issued_with` gives, in the replaced note and in the note of the
amendments it does not contain (it read "Document No. 45/2025/QĐ-UBND")."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_issued_with_decision import REG, _adopted, _ok

TRANSLATION = """---
id: 15/2021/QĐ-UBND-EN
type: Regulations
title: Working Regulations of the Lao Cai Provincial People's Committee for the 2021 - 2026 term
language: en
translation_of: 15/2021/QĐ-UBND
number: 15/2021/QĐ-UBND
profile: state-30
issuer: LAO CAI PROVINCIAL PEOPLE'S COMMITTEE
place: Lao Cai
signed: 2021-08-20
issued_with: Decision No. 15/2021/QĐ-UBND of 20 August 2021 of the Lao Cai Provincial People's Committee
---

# Chapter I. GENERAL PROVISIONS

## Article 1. Scope

These Regulations govern the working rules of the Provincial People's Committee.

# Chapter II. WORKING RULES

## Article 2. Meetings of the Provincial People's Committee

1\\. The Provincial People's Committee meets once a month.

2\\. Meeting documents are sent at least 05 working days before the meeting.
"""
NEW_TITLE = "Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2026 - 2031"
NEW_DECISION = "Quyết định số 20/2027/QĐ-UBND ngày 20 tháng 5 năm 2027 của Ủy ban nhân dân tỉnh Lào Cai"
NEW = f"""---
id: 20/2027/QĐ-UBND
type: Quy chế
title: {NEW_TITLE}
issued_with: {NEW_DECISION}
language: vi
profile: state-30
issuer: ỦY BAN NHÂN DÂN TỈNH LÀO CAI
place: Lào Cai
signed: 2027-05-20
effective: 2027-06-01
replaces: 15/2021/QĐ-UBND
---

# Chương I. NHỮNG QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh

Quy chế này quy định nguyên tắc, chế độ làm việc của Ủy ban nhân dân tỉnh.
"""
NEW_EN = """---
id: 20/2027/QĐ-UBND-EN
type: Regulations
title: Working Regulations of the Lao Cai Provincial People's Committee for the 2026 - 2031 term
language: en
translation_of: 20/2027/QĐ-UBND
number: 20/2027/QĐ-UBND
profile: state-30
issuer: LAO CAI PROVINCIAL PEOPLE'S COMMITTEE
signed: 2027-05-20
effective: 2027-06-01
issued_with: Decision No. 20/2027/QĐ-UBND of 20 May 2027 of the Lao Cai Provincial People's Committee
---

# Chapter I. GENERAL PROVISIONS

## Article 1. Scope

These Regulations govern the working rules of the Provincial People's Committee.
"""


@pytest.fixture
def replaced(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    _adopted(tmp_workspace, invoke)  # Quyết định 45/2025/QĐ-UBND, in force from 2026-01-01
    tmp_workspace.commit({"regulations/15-2021-QĐ-UBND-EN.md": TRANSLATION.encode(),
                          "regulations/20-2027-QĐ-UBND.md": NEW.encode()}, "Bản dịch, Quy chế nhiệm kỳ mới")
    return tmp_workspace


def _exported(ws: Workspace, invoke: Invoke, reg: str, day: str) -> tuple[str, str]:
    out = ws.root / "out.md"
    done = invoke(ws, "export", reg, "--as-of", day, "-o", str(out))
    assert done.exit_code == 0, done.output
    return " ".join(out.read_text(encoding="utf-8").split()), " ".join(str(done.output).split())


def test_the_replaced_note_cites_the_new_text_by_its_title_and_decision_once(replaced: Workspace,
                                                                             invoke: Invoke) -> None:
    text, said = _exported(replaced, invoke, REG, "2027-07-01")
    assert (f"Văn bản này đã hết hiệu lực, được thay thế bởi {NEW_TITLE} ban hành kèm theo {NEW_DECISION}, có hiệu "
            "lực kể từ ngày 01 tháng 6 năm 2027.") in text
    assert text.count(NEW_TITLE) == 1 and "Quy chế số 20/2027" not in text
    # The commands' line: it read "by Quy chế 20/2027/QĐ-UBND".
    assert f"was replaced on 2027-06-01 by {NEW_TITLE} issued with Quyết định 20/2027/QĐ-UBND:" in said
    shown = " ".join(_ok(invoke, replaced, "show", REG, "--as-of", "2027-07-01").split())
    assert f"by {NEW_TITLE} issued with Quyết định 20/2027/QĐ-UBND:" in shown


def test_the_english_replaced_note_cites_the_decision(replaced: Workspace, invoke: Invoke) -> None:
    text, said = _exported(replaced, invoke, "15/2021/QĐ-UBND-EN", "2027-07-01")
    assert ("it was replaced by the Regulations issued with Decision No. 20/2027/QĐ-UBND of 20 May 2027, effective "
            "from 1 June 2027.") in text
    assert "Regulations No. 20/2027" not in text and "Regulations 20/2027" not in said


def test_the_english_replaced_note_cites_the_new_texts_translation(replaced: Workspace, invoke: Invoke) -> None:
    replaced.commit({"regulations/20-2027-QĐ-UBND-EN.md": NEW_EN.encode()}, "Bản dịch")
    text, said = _exported(replaced, invoke, "15/2021/QĐ-UBND-EN", "2027-07-01")
    title = "Working Regulations of the Lao Cai Provincial People's Committee for the 2026 - 2031 term"
    assert (f"it was replaced by the {title} issued with Decision No. 20/2027/QĐ-UBND of 20 May 2027 of the Lao Cai "
            "Provincial People's Committee, effective from 1 June 2027.") in text
    assert text.count(title) == 1
    assert f"by {title} issued with Decision 20/2027/QĐ-UBND (20/2027/QĐ-UBND-EN):" in said


def test_the_untranslated_amendment_is_a_decision(replaced: Workspace, invoke: Invoke) -> None:
    text, _ = _exported(replaced, invoke, "15/2021/QĐ-UBND-EN", "2026-02-01")
    assert ("does not contain the amendments to its original in force on 1 February 2026: Decision No. "
            "45/2025/QĐ-UBND of 20 December 2025, effective from 1 January 2026.") in text
    assert "Document No." not in text
