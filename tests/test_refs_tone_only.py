"""A change that only moves tone marks (`Toà án` to `Tòa án`) touches no reference (core.refs, post-condition 4).

Luật Công đoàn (../shared/corpus/vi/luat-cong-doan.txt): khoản 9 Điều 22 cites «các điều 24, 25 và 26»; an
amendment re-enacting khoản 3 Điều 25 with `Tòa án` for the law's `Toà án` changes no word of it, so `amend check`
asks for no review of khoản 9 Điều 22 (twentieth round). A change of a word in the same clause still does.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CORPUS, Invoke, in_corpus

FILE = "regulations/12-2012-QH13.md"
AMENDMENT = """---
number: 45/2026/QH15
type: Luật
title: Luật sửa đổi, bổ sung một số điều của Luật Công đoàn
regulation: 12/2012/QH13
language: vi
status: draft
draft: 1
---

## Điều 1. Sửa đổi, bổ sung một số điều của Luật Công đoàn số 12/2012/QH13

1\\. Sửa đổi, bổ sung khoản 3 Điều 25 như sau:

“{clause}”
"""


def _check(tmp_path: Path, invoke: Invoke, old: str, new: str) -> str:
    from regdraft.workspace.store import init_workspace

    ws = init_workspace(tmp_path / "ws")
    assert invoke(ws, "import", str(in_corpus(CORPUS / "luat-cong-doan.txt"))).exit_code == 0
    text = ws.read(FILE).decode("utf-8")
    clause = next(line for line in text.split("\n") if line.startswith("3\\. Trường hợp người lao động là cán bộ"))
    assert old in clause
    ws.commit({"amendments/cd/amendment.md": AMENDMENT.format(clause=clause.replace(old, new)).encode()}, "Draft 1")
    result = invoke(ws, "amend", "check", "cd")
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_a_tone_mark_moved_asks_for_no_review_of_a_reference(tmp_path: Path, invoke: Invoke) -> None:
    said = _check(tmp_path, invoke, "Toà án", "Tòa án")
    assert "requires checking" not in said and "khoản 9 Điều 22" not in said, said
    assert "cd: no problems found." in said


def test_a_word_changed_still_asks_for_review(tmp_path: Path, invoke: Invoke) -> None:
    said = _check(tmp_path, invoke, "Toà án", "Tòa án nhân dân")
    assert "requires checking: regulations/12-2012-QH13.md" in said, said
    assert "khoản 9 Điều 22 refers to Điều 25" in said
