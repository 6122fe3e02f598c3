"""`amend check` and `check` warn of an amendment in another language than the text it amends: `language: vi` on an
amendment of 01-QC/TU-EN read, passed both checks, and printed `Điều 1. Amendments to…`, `DỰ THẢO lần 1` and
`ngày … tháng … năm` around English text (r34 sweep BE defect 4)."""

from __future__ import annotations

from pathlib import Path

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


def test_an_amendment_with_no_language_line_is_read_in_the_language_of_the_text_it_amends(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    from regdraft.workspace.amendments import load

    # It was read as Vietnamese: the English instruction was refused, and the export printed `Điều 1`.
    text = MIXED.replace("language: {language}\n", "").format(instruction="Clause 3 of Article 8 is amended to read:")
    tmp_workspace.commit({"amendments/mix/amendment.md": text.encode("utf-8")}, "Hand-written, no language line")
    checked = invoke(tmp_workspace, "amend", "check", "mix")
    assert checked.exit_code == 0 and "mix: no problems found" in checked.output, checked.output
    assert load(tmp_workspace, "mix").language == "en"
    whole = invoke(tmp_workspace, "check")
    assert whole.exit_code == 0 and "This amendment is in" not in whole.output, whole.output
    out = tmp_path / "mix.html"
    assert invoke(tmp_workspace, "amend", "export", "mix", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "Article 1." in page and "Điều" not in page and "DỰ THẢO" not in page
    status = invoke(tmp_workspace, "amend", "status", "mix", "circulating", "--draft", "1")
    assert status.exit_code == 0, status.output
    # The file says what it said: no language line is written into it.
    assert "language:" not in (tmp_workspace.root / "amendments" / "mix" / "amendment.md").read_text(encoding="utf-8")


def test_an_amendment_of_a_vietnamese_text_with_no_language_line_stays_vietnamese(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    from regdraft.workspace.amendments import load

    text = (MIXED.replace("language: {language}\n", "").replace("01-QC/TU-EN", "01-QC/TU")
            .replace("## Article 1. Amendments to the Working Regulations", "## Điều 1. Sửa đổi Quy chế")
            .replace("## Article 2. Entry into force\n\nThese Regulations take effect on the date of signing.",
                     "## Điều 2. Hiệu lực\n\nQuy chế này có hiệu lực kể từ ngày ký.")
            .format(instruction="Sửa đổi, bổ sung khoản 3 Điều 8 như sau:")
            .replace("To be provided by the Standing Committee with the necessary information.",
                     "Được Ban Thường vụ cung cấp thông tin cần thiết."))
    tmp_workspace.commit({"amendments/vn/amendment.md": text.encode("utf-8")}, "Hand-written, no language line")
    checked = invoke(tmp_workspace, "amend", "check", "vn")
    assert checked.exit_code == 0 and "vn: no problems found" in checked.output, checked.output
    assert load(tmp_workspace, "vn").language == "vi" and "language" not in load(tmp_workspace, "vn").meta
