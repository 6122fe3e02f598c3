"""`redline REG --from REV --to REV`: each side is named by what it is (r34 sweep BE, point 5)."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke, unwrapped


def _text(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", unwrapped(path.read_text(encoding="utf-8"))).split())


def test_the_text_before_an_adoption_compared_with_a_later_revision_is_not_called_in_force(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # `--from <before the adoption> --to HEAD` (HEAD a later commit, not the adoption's) called the old side "Văn bản
    # hiện hành" / "Text in force (… effective from <its own date>)", though at HEAD the amended text is in force.
    ws = tmp_workspace
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective", "2025-04-01",
                     "--force", "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    ws.commit({"notes.txt": b"a later commit\n"}, "A later commit")
    out = tmp_path / "revs.html"
    done = invoke(ws, "redline", "01-QC/TU", "--from", "adopted/05-QC-TU~1", "--to", "HEAD", "-o", str(out))
    assert done.exit_code == 0, done.output
    shown = _text(out)
    assert "hiện hành" not in shown and "có hiệu lực từ ngày 09/01/2021" not in shown, shown[:1500]
    assert "(Phiên bản adopted/05-QC-TU~1)" in shown and "(Phiên bản HEAD)" in shown
    before = ws.resolve("adopted/05-QC-TU~1").short
    assert f"mã phiên bản {before}" in shown  # its commit and date are on the metadata line
