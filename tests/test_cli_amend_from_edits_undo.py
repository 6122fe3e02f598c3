"""`amend from-edits` given a copy of the text in force, not of the amendment's preview (r34 sweep BD 1).

A drafter copied `regulations/57-2020-QH14.md`, as the README's first example does, edited khoản 1 Điều 12 and ran
`amend from-edits tn`: the amendment's instruction on khoản 1 Điều 9 (a colleague's) was rewritten to quote the text
in force, a change of nothing, with exit 0, and `check` found no problem. Now the command refuses, naming the
instructions it would empty or drop and pointing to `amend preview`, unless `--allow-undo`; `check` and `amend check`
warn about an instruction whose new text is the text in force. On Luật Thanh niên (../shared/corpus/vi).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import Invoke, needs_corpus
from .test_cli_amend_from_edits_revised import _edited as edited
from .test_cli_amend_real_forms import YOUTH, YOUTH_FILE, started

pytestmark = needs_corpus

MARCH = ("1\\. Tháng 3 hằng năm là", "1\\. Tháng 3 và tháng 9 hằng năm là")  # khoản 1 Điều 9
TRADITION = ("1\\. Phát huy truyền thống dựng nước", "1\\. Phát huy mạnh mẽ truyền thống dựng nước")  # k1 Điều 12
AMENDMENT = "amendments/tn/amendment.md"


def _state(ws: Workspace) -> tuple[str, str, bytes]:
    """HEAD, `git status` and the amendment's bytes: what a refusal must leave as they were."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout

    status = git("status", "--porcelain", "--untracked-files=all")
    return git("rev-parse", "HEAD"), status, ws.path(AMENDMENT).read_bytes()


def _with_march(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Workspace:
    """Luật Thanh niên with amendment tn, whose instruction 1 amends khoản 1 Điều 9 (the colleague's)."""
    ws = started(empty_workspace, invoke, "luat-thanh-nien.txt", YOUTH, "tn")
    law = ws.path(YOUTH_FILE).read_text(encoding="utf-8")
    result = invoke(ws, "amend", "from-edits", "tn", "--edited", str(edited(law, tmp_path / "e1.md", MARCH)))
    assert result.exit_code == 0, result.output
    return ws


def test_a_copy_of_the_text_in_force_is_refused_naming_the_instructions_it_would_undo(
        empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = _with_march(empty_workspace, invoke, tmp_path)
    before = _state(ws)
    law = ws.path(YOUTH_FILE).read_text(encoding="utf-8")
    copy = edited(law, tmp_path / "e2.md", TRADITION)
    result = invoke(ws, "amend", "from-edits", "tn", "--edited", str(copy))
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "Traceback" not in said
    assert f"{copy} has the text in force where amendment 'tn' already changes it" in said
    assert "instruction 1 (khoản 1 Điều 9)" in said
    assert "`regdraft amend preview tn --output /tmp/edited.md`" in said
    assert "--allow-undo" in said and "nothing was written" in said
    assert _state(ws) == before  # the workspace and git exactly as they were

    # Asked for, the undoing proceeds as before, and both checks say the instruction left changes nothing.
    result = invoke(ws, "amend", "from-edits", "tn", "--edited", str(copy), "--allow-undo")
    assert result.exit_code == 0, result.output
    text = ws.path(AMENDMENT).read_text(encoding="utf-8")
    assert "Tháng 3 và tháng 9" not in text and "Phát huy mạnh mẽ" in text
    line = next(n for n, row in enumerate(text.split("\n"), 1) if row.startswith("1\\. Sửa đổi"))
    warning = "instruction 1 gives khoản 1 Điều 9 the text it already has in force, so it changes nothing"
    for command in (("check",), ("amend", "check", "tn")):
        checked = invoke(ws, *command)
        assert checked.exit_code == 0, checked.output
        said = next(row for row in checked.output.split("\n") if warning in row)
        assert f"{AMENDMENT}:{line}:" in said and "warning:" in said


def test_every_instruction_undone_is_named_inserted_and_repealed_units_too(
        empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = _with_march(empty_workspace, invoke, tmp_path)
    preview = tmp_path / "preview.md"
    assert invoke(ws, "amend", "preview", "tn", "-o", str(preview)).exit_code == 0
    text = preview.read_text(encoding="utf-8")
    # Khoản 4 Điều 12 added after its last, and khoản 6 Điều 13 repealed (deleted outright).
    clause_6 = "\n\n6\\. Tích cực tham gia hoạt động chăm sóc, giáo dục và bảo vệ trẻ em."
    added = ("\n\n## Điều 13.", "\n\n4\\. Tích cực tham gia chuyển đổi số.\n\n## Điều 13.")
    result = invoke(ws, "amend", "from-edits", "tn", "--edited", str(edited(text, preview, added, (clause_6, ""))))
    assert result.exit_code == 0, result.output
    before = _state(ws)
    law = ws.path(YOUTH_FILE).read_text(encoding="utf-8")
    result = invoke(ws, "amend", "from-edits", "tn", "--edited", str(edited(law, tmp_path / "e3.md", TRADITION)))
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert ("would empty or drop these instructions: instruction 1 (khoản 1 Điều 9); instruction 2 (khoản 4 Điều "
            "12); instruction 3 (khoản 6 Điều 13)") in said, said
    assert _state(ws) == before


def test_an_edit_of_the_preview_is_written_as_before(empty_workspace: Workspace, invoke: Invoke,
                                                      tmp_path: Path) -> None:
    ws = _with_march(empty_workspace, invoke, tmp_path)
    preview = tmp_path / "preview.md"
    assert invoke(ws, "amend", "preview", "tn", "-o", str(preview)).exit_code == 0
    copy = edited(preview.read_text(encoding="utf-8"), preview, TRADITION)
    result = invoke(ws, "amend", "from-edits", "tn", "--edited", str(copy))
    assert result.exit_code == 0, result.output
    assert "with 2 instructions" in result.output
    text = ws.path(AMENDMENT).read_text(encoding="utf-8")
    assert "Tháng 3 và tháng 9" in text and "Phát huy mạnh mẽ" in text
    checked = invoke(ws, "check")
    assert checked.exit_code == 0 and "warning" not in checked.output, checked.output


def test_a_provision_put_back_in_the_preview_is_said_to_leave_its_instruction_changing_nothing(
        empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # r34 sweep BF F1: the instruction is kept, quoting the text in force, and from-edits said nothing (exit 0);
    # only the next `check` told of it.
    ws = _with_march(empty_workspace, invoke, tmp_path)
    preview = tmp_path / "preview.md"
    assert invoke(ws, "amend", "preview", "tn", "-o", str(preview)).exit_code == 0
    result = invoke(ws, "amend", "from-edits", "tn", "--edited",
                    str(edited(preview.read_text(encoding="utf-8"), preview, TRADITION)))
    assert result.exit_code == 0 and "changes nothing" not in result.output, result.output
    assert invoke(ws, "amend", "preview", "tn", "-o", str(preview)).exit_code == 0
    put_back = (MARCH[1], MARCH[0])  # khoản 1 Điều 9 as in force again; khoản 1 Điều 12 still amended
    result = invoke(ws, "amend", "from-edits", "tn", "--edited",
                    str(edited(preview.read_text(encoding="utf-8"), preview, put_back)))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "instruction 1 gives khoản 1 Điều 9 the text it already has in force, so it changes nothing" in said, said
