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

from .conftest import Invoke, needs_corpus
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
