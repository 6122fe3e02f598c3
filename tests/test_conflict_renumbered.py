"""A conflict in an amending document where a colleague inserted an instruction above yours (r34 sweep BD 2): the
report labelled both sides with the number the merged file gives the remote's instruction (yours was "khoản 3
Điều 1" though your file calls it khoản 2), and `resolve --ours` kept your whole file without a word, dropping the
colleague's new instruction that the report never showed. Each side is now read in its own file and paired by what
the instruction amends, and both the report and `resolve` say what keeping one whole file drops."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke, two_clones

AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
CLAUSE_TEXT = "Định kỳ 6 tháng, một năm báo cáo Bộ Chính trị"  # in instruction 2 (khoản 2 Điều 5)
TARGET = "Sửa đổi, bổ sung khoản 2 Điều 5 như sau:"
INSERTED = ("2\\. Sửa đổi, bổ sung khoản 1 Điều 5 như sau:\n\n“1\\. Lãnh đạo, chỉ đạo thực hiện các nghị quyết, "
            "chỉ thị của Trung ương và của Tỉnh ủy.”.\n\n")


def _git(where: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True, text=True)


def _commit(ws: Workspace, text: str) -> None:
    (ws.root / AMENDMENT).write_text(text, encoding="utf-8")
    _git(ws.root, "commit", "-q", "-am", "edit")


def test_an_instruction_renumbered_by_a_colleagues_insert_is_named_per_side_and_ours_says_what_it_drops(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    lan, minh = two_clones(tmp_workspace, tmp_path)
    text = (lan.root / AMENDMENT).read_text(encoding="utf-8")
    # Lan inserts a new instruction 2 (the rest renumbered) and changes the old one's quote; she shares it first.
    renumbered = re.sub(r"^(\d+)\\\. (Sửa đổi|Bổ sung)",
                        lambda m: f"{int(m[1]) + 1}\\. {m[2]}" if int(m[1]) >= 2 else m[0], text, flags=re.M)
    at = renumbered.index(f"3\\. {TARGET}")
    _commit(lan, (renumbered[:at] + INSERTED + renumbered[at:]).replace(CLAUSE_TEXT, "Định kỳ 3 tháng, một năm "
                                                                        "báo cáo Bộ Chính trị"))
    assert invoke(lan, "sync").exit_code == 0
    _commit(minh, text.replace(CLAUSE_TEXT, "Định kỳ 4 tháng, một năm báo cáo Bộ Chính trị"))

    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1
    said = stopped.output
    # Minh's own file calls his instruction khoản 2 Điều 1; the remote's calls it khoản 3.
    assert f"khoản 2 Điều 1 in yours, khoản 3 Điều 1 in theirs ({TARGET}):" in said, said
    assert f"khoản 3 Điều 1 ({TARGET})" not in said
    lines = said.splitlines()
    ours = next(n for n, line in enumerate(lines) if line.strip().startswith(f"regdraft resolve {AMENDMENT} --ours"))
    assert " ".join(lines[ours + 1].split()) == ("(the whole file: the remote's other changes to it are dropped: "
                                                 "khoản 2 Điều 1 (on khoản 1 Điều 5) added; 8 instructions renumbered)")
    assert "--theirs" in lines[ours + 2]  # Minh changed nothing else: keeping theirs drops nothing more

    resolved = invoke(minh, "resolve", AMENDMENT, "--ours")
    assert resolved.exit_code == 0, resolved.output
    assert ("kept your version, the whole file, so the remote's other changes to it are dropped: khoản 2 Điều 1 (on "
            "khoản 1 Điều 5) added; 8 instructions renumbered. To keep them after all, `regdraft sync --abort`") \
        in " ".join(resolved.output.split())
