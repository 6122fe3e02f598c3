"""A redline between revisions that are adoptions is named by the amending documents, not by git
(`workspace.redline_adopted`), and cites their instructions as the amendment's own redline does."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke, unwrapped


def _text(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", unwrapped(path.read_text(encoding="utf-8"))).split())


def test_a_revision_that_is_an_adoption_is_named_by_its_document(tmp_workspace: Workspace, tmp_path: Path,
                                                                  invoke: Invoke) -> None:
    ws = tmp_workspace
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective", "2025-04-01",
                     "--force", "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    tag = next(t for t in ws.repo.git.tag().split() if t.startswith("adopted/"))
    own = invoke(ws, "redline", "01-QC/TU", "--from", f"{tag}~1", "--to", tag, "--layout", "table",
                 "-o", str(tmp_path / "own.html"))
    assert own.exit_code == 0, own.output
    shown = _text(tmp_path / "own.html")
    assert f"Phiên bản {tag} (" not in shown and f"(Phiên bản {tag})" not in shown
    assert "văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ " \
           "ngày 01/04/2025)" in shown
    assert "Dự thảo sửa đổi, bổ sung" not in shown and "Quy định sửa đổi, bổ sung" in shown
    # The instructions are known: counted and cited as the amendment's redline does (Điều 9 re-enacted: one row).
    pending = invoke(ws, "redline", "01-QC/TU", "--from", f"{tag}~1", "--amendment", SHIPPED_AMENDMENT,
                     "-o", str(tmp_path / "amendment.html"))
    assert pending.exit_code == 0, pending.output
    count = re.search(r"\((\d+) changes", own.output)
    assert count is not None and f"({count[1]} changes;" in pending.output, (own.output, pending.output)
    assert "Điều 1 Quy chế số 05-QC/TU" in shown
