"""`amend check` and `check` warn of an amendment in another language than the text it amends: `language: vi` on an
amendment of 01-QC/TU-EN read, passed both checks, and printed `Điều 1. Amendments to…`, `DỰ THẢO lần 1` and
`ngày … tháng … năm` around English text (r34 sweep BE defect 4)."""

from __future__ import annotations

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

MIXED = """---
title: Regulations amending the Working Regulations
regulation: 01-QC/TU-EN
language: {language}
status: draft
---

## Article 1. Amendments to the Working Regulations

1\\. {instruction}

“3. To be provided by the Standing Committee with the necessary information.”

## Article 2. Entry into force

These Regulations take effect on the date of signing.
"""


def _commit(ws: Workspace, language: str, instruction: str) -> None:
    text = MIXED.format(language=language, instruction=instruction)
    ws.commit({"amendments/mix/amendment.md": text.encode("utf-8")}, "Hand-written")


def test_a_vietnamese_amendment_of_an_english_text_is_warned_of_at_its_language_line(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    _commit(tmp_workspace, "vi", "Sửa đổi, bổ sung khoản 3 Điều 8 như sau:")
    expected = ("amendments/mix/amendment.md:4: This amendment is in Vietnamese (language: vi), but 01-QC/TU-EN, the "
                "text it amends, is in English: its export, redlines and comparison tables will print the amending "
                "document's own words in Vietnamese (“Điều 1”, “DỰ THẢO lần 1”, the date as “ngày … tháng … năm”, "
                "“Số”) around English text. To amend 01-QC/TU-EN, write `language: en` and word the instructions in "
                "English (“Clause 3 of Article 8 is amended to read:”); or amend 01-QC/TU, the Vietnamese text it "
                "translates, instead.")
    checked = invoke(tmp_workspace, "amend", "check", "mix")
    assert checked.exit_code == 0, checked.output  # a warning, never a refusal
    said = " ".join(checked.output.split())
    assert f"warning: {expected}" in said, said
    whole = invoke(tmp_workspace, "check")
    assert whole.exit_code == 0, whole.output
    said = " ".join(whole.output.split())
    assert expected.replace(":4: ", ":4: warning: ", 1) in said, said


def test_an_amendment_in_the_text_s_language_is_not_warned_of(tmp_workspace: Workspace, invoke: Invoke) -> None:
    _commit(tmp_workspace, "en", "Clause 3 of Article 8 is amended to read:")
    checked = invoke(tmp_workspace, "amend", "check", "mix")
    assert checked.exit_code == 0, checked.output
    assert "This amendment is in" not in checked.output, checked.output
    assert "This amendment is in" not in invoke(tmp_workspace, "check").output
