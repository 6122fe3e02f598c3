"""`check` warns of front-matter dates that contradict each other, naming the file and the lines (r37 legal item 5).

A text takes effect on or after the day it is signed, and a state document's number bears the year it is issued in
(Nghị định 30/2020/NĐ-CP, Điều 15: numbers run from 01 each year and are given after signing): `22/2023/QH15` signed
on 23 June 2023. Neither was checked: a regulation signed 2024 as `12/2023/QH15`, or taking effect the year before it
was signed, passed `check` without a word; an adopted amendment's number was not compared with its signing date."""

from __future__ import annotations

from pathlib import Path

from regdraft.core.amend.document import read_amendment
from regdraft.core.markdown import read
from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke, needs_corpus

LAW = (SHARED / "corpus" / "amendments" / "luat-dau-thau-2023" / "base-22-2023-QH15.txt")
TEXT = """---
id: 22/2023/QH15
type: Luật
title: Luật Đấu thầu
language: vi
issuer: QUỐC HỘI
signed: {signed}
effective: {effective}
---

## Điều 1. Phạm vi điều chỉnh

Luật này quy định về đấu thầu.
"""


def _warnings(signed: str, effective: str) -> list[str]:
    reading = read(TEXT.format(signed=signed, effective=effective), "regulations/22-2023-QH15.md")
    return [str(p) for p in (*reading.problems, *reading.warnings)]


def test_consistent_dates_say_nothing() -> None:
    assert _warnings("2023-06-23", "2024-01-01") == []
    assert _warnings("2023-06-23", "2023-06-23") == []


def test_a_number_of_another_year_than_the_signing_is_named_with_both_lines() -> None:
    assert _warnings("2024-01-05", "2024-07-01") == [
        "regulations/22-2023-QH15.md:2: warning: The number 22/2023/QH15 bears the year 2023, but the front matter's "
        "'signed' is 2024-01-05 (line 7): a document's number bears the year it is issued in, numbers running from "
        "01 each year (Nghị định 30/2020/NĐ-CP, Điều 15); correct the number or the signing date."]


def test_taking_effect_before_signing_is_named_with_both_lines() -> None:
    assert _warnings("2023-06-23", "2023-01-01") == [
        "regulations/22-2023-QH15.md:8: warning: The front matter's 'effective' (2023-01-01) is before its 'signed' "
        "(2023-06-23, line 7): a text takes effect on or after the day it is signed; correct the date that is wrong, "
        "unless the text itself says it takes effect before it was signed."]


def test_an_adopted_amendments_number_is_checked_against_its_signing() -> None:
    text = """---
number: 57/2023/QH15
type: Luật
title: Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu
regulation: 22/2023/QH15
language: vi
status: adopted
signed: 2024-11-29
effective: 2025-01-15
---

Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu.

## Điều 1. Sửa đổi, bổ sung một số điều của Luật Đấu thầu

1\\. Bãi bỏ khoản 2 Điều 1.
"""
    amendment, problems = read_amendment(text, "amendments/luat-57/amendment.md", "luat-57")
    assert amendment is not None and not problems
    assert [str(w) for w in amendment.warnings] == [
        "amendments/luat-57/amendment.md:2: warning: The number 57/2023/QH15 bears the year 2023, but the front "
        "matter's 'signed' is 2024-11-29 (line 8): a document's number bears the year it is issued in, numbers "
        "running from 01 each year (Nghị định 30/2020/NĐ-CP, Điều 15); correct the number or the signing date."]
    right = read_amendment(text.replace("57/2023", "57/2024"), "a.md", "a")[0]  # Luật 57/2024/QH15
    assert right is not None and not right.warnings


@needs_corpus
def test_check_names_them_and_the_real_law_passes(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    imported = invoke(tmp_workspace, "import", str(LAW))
    assert imported.exit_code == 0, imported.output
    checked = invoke(tmp_workspace, "check", "22/2023/QH15")
    assert "warning" not in checked.output, checked.output  # 22/2023/QH15, signed 23 June 2023
    path = tmp_workspace.root / "regulations" / "22-2023-QH15.md"
    path.write_text(path.read_text(encoding="utf-8").replace("signed: 2023-06-23", "signed: 2024-06-23"),
                    encoding="utf-8")
    checked = invoke(tmp_workspace, "check", "22/2023/QH15")
    assert checked.exit_code == 0  # a warning: the file still reads
    assert "regulations/22-2023-QH15.md:2: warning: The number 22/2023/QH15 bears the year 2023" in checked.output
