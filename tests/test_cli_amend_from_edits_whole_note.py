"""The note of `amend from-edits` on the units the new text of an article amended whole leaves out is said only
when an instruction written amends it whole (r34 sweep BD 4).

The amendment amended khoản 1 Điều 10 of Luật Thanh niên, inserted khoản 3a and repealed khoản 4, three
instructions; its preview, edited elsewhere, was written with those three kept and one more, yet the command said
"Điều 10 is amended as a whole, and its new text leaves out what … repeals: khoản 4 Điều 10": the edits alone would
amend Điều 10 whole, and the note was theirs, not the document's. On ../shared/corpus/vi.
"""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import SHARED, Invoke, needs_corpus, standing_for_a_draft
from .test_cli_amend_from_edits_revised import _edited as edited
from .test_cli_amend_from_edits_undo import TRADITION
from .test_cli_amend_real_forms import YOUTH, YOUTH_FILE, started, with_instructions

pytestmark = needs_corpus

TWICE = ("ít nhất mỗi năm một lần", "ít nhất mỗi năm hai lần, trong đó có một lần trực tuyến")  # khoản 1 Điều 10
ONLINE = "3a\\. Việc đối thoại có thể được tổ chức trực tuyến; kết quả đối thoại trực tuyến có giá trị như đối thoại."
CLAUSE_4 = ("4\\. Chính phủ quy định chi tiết Điều này.", f"{ONLINE}\n\n4\\. (được bãi bỏ)")
NOTE = "Điều 10 is amended as a whole, and its new text leaves out what"


def test_no_note_of_a_whole_article_when_the_instructions_kept_amend_its_clauses(
        empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = started(empty_workspace, invoke, "luat-thanh-nien.txt", YOUTH, "tn")
    law = ws.path(YOUTH_FILE).read_text(encoding="utf-8")
    clause_1 = next(row for row in law.split("\n") if TWICE[0] in row)
    with_instructions(ws, "tn", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 10 như sau:\n\n“{clause_1.replace(*TWICE)}”.\n\n"
                                f"2\\. Bổ sung khoản 3a vào sau khoản 3 Điều 10 như sau:\n\n“{ONLINE}”.\n\n"
                                "3\\. Bãi bỏ khoản 4 Điều 10.")
    preview = tmp_path / "preview.md"
    assert invoke(ws, "amend", "preview", "tn", "-o", str(preview)).exit_code == 0
    result = invoke(ws, "amend", "from-edits", "tn", "--edited",
                    str(edited(preview.read_text(encoding="utf-8"), preview, TRADITION)))
    assert result.exit_code == 0, result.output
    assert "with 4 instructions" in result.output
    assert "3\\. Bãi bỏ khoản 4 Điều 10." in ws.path("amendments/tn/amendment.md").read_text(encoding="utf-8")
    assert NOTE not in result.output, result.output


def test_the_note_stays_where_the_article_is_amended_whole(empty_workspace: Workspace, invoke: Invoke,
                                                           tmp_path: Path) -> None:
    ws = started(empty_workspace, invoke, "luat-thanh-nien.txt", YOUTH, "tn")
    law = ws.path(YOUTH_FILE).read_text(encoding="utf-8")
    result = invoke(ws, "amend", "from-edits", "tn", "--edited", str(edited(law, tmp_path / "e.md", TWICE, CLAUSE_4)))
    assert result.exit_code == 0, result.output
    assert "1\\. Sửa đổi, bổ sung Điều 10 như sau:" in ws.path("amendments/tn/amendment.md").read_text(encoding="utf-8")
    assert f"{NOTE} {tmp_path / 'e.md'} repeals: khoản 4 Điều 10." in " ".join(result.output.split())


def test_no_note_of_a_whole_article_an_instruction_kept_as_it_stood_amends(invoke: Invoke, tmp_path: Path) -> None:
    # Luật 57/2024 re-enacts Điều 29 of Luật Đấu thầu with two of its four clauses. Every `amend from-edits` of the
    # imported law repeated "Điều 29 is amended as a whole, and its new text leaves out … điểm a khoản 1 Điều 29 …",
    # with "Instructions: no change." too, or for an edit of khoản 1 Điều 3 alone (r35 sweep BG 3): the law's own
    # instruction, kept as it stood, is no news. The note stays when the run rewrites that instruction.
    source = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023"
    root = tmp_path / "ws"
    assert invoke(None, "init", str(root)).exit_code == 0
    assert invoke(root, "import", str(source / "base-22-2023-QH15.txt")).exit_code == 0
    assert invoke(root, "amend", "import", str(source / "amending-57-2024-QH15.txt"), "--slug", "l57").exit_code == 0
    standing_for_a_draft(root, "l57")  # an issued law's Điều 29 is not rewritten (test_cli_amend_from_edits_issued)
    preview = tmp_path / "preview.md"
    assert invoke(root, "amend", "preview", "l57", "-o", str(preview)).exit_code == 0
    text = preview.read_text(encoding="utf-8")
    note = "Điều 29 is amended as a whole, and its new text leaves out"
    same = invoke(root, "amend", "from-edits", "l57", "--edited", str(preview))
    assert same.exit_code == 0 and "Instructions: no change." in same.output, same.output
    assert note not in same.output, same.output
    strict = ("phải tuân thủ quy định của Luật này", "phải tuân thủ nghiêm quy định của Luật này")  # khoản 1 Điều 3
    elsewhere = invoke(root, "amend", "from-edits", "l57", "--edited", str(edited(text, tmp_path / "e1.md", strict)))
    assert elsewhere.exit_code == 0 and "with 22 instructions" in elsewhere.output, elsewhere.output
    assert note not in elsewhere.output, elsewhere.output
    text = (tmp_path / "e1.md").read_text(encoding="utf-8")
    last = "2\\. Chính phủ quy định chi tiết Điều này.\n"  # the last clause of the new Điều 29
    at = text.index(last, text.index("### Điều 29."))
    rewritten = tmp_path / "e2.md"
    rewritten.write_text(text[:at] + "2\\. Chính phủ quy định chi tiết và hướng dẫn Điều này.\n"
                         + text[at + len(last):], encoding="utf-8")
    changed = invoke(root, "amend", "from-edits", "l57", "--edited", str(rewritten))
    assert changed.exit_code == 0, changed.output
    assert "+2\\. Chính phủ quy định chi tiết và hướng dẫn Điều này.”." in changed.output
    assert note in changed.output, changed.output
