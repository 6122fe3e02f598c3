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


def test_both_sides_before_an_adoption_are_named_by_their_revisions_alike(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # `--from A --to B`, both before an adoption (r35 sweep BG, 63/2010 against 48/2013): the old side was named
    # "Phiên bản A" but the new one "Văn bản hiện hành (…, có hiệu lực từ ngày 09/01/2021)", though amended since; the
    # table's columns read "Quy định hiện hành" / "Dự thảo sửa đổi, bổ sung", and the running header named the old
    # side by type and number, the new one by its number alone.
    ws = tmp_workspace
    ws.commit({"notes.txt": b"a commit before the adoption\n"}, "A commit before the adoption")
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective", "2025-04-01",
                     "--force", "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    assert ws.resolve("HEAD").short == ws.resolve("adopted/05-QC-TU").short
    pair = ("--from", "HEAD~2", "--to", "HEAD~1")
    inline, table = tmp_path / "revs.html", tmp_path / "revs-table.html"
    for out, layout in ((inline, "inline"), (table, "table")):
        done = invoke(ws, "redline", "01-QC/TU", *pair, "--layout", layout, "-o", str(out))
        assert done.exit_code == 0, done.output
    for out in (inline, table):
        shown = _text(out)
        for wrong in ("Văn bản hiện hành", "văn bản hiện hành", "Quy định hiện hành", "Dự thảo sửa đổi"):
            assert wrong not in shown, shown[:1500]
        assert "Phiên bản HEAD~1 (" in shown and "phiên bản HEAD~2 (" in shown, shown[:1500]
    columns = re.findall(r"<th>([^<]*)</th>", table.read_text(encoding="utf-8"))
    assert columns == ["Phiên bản HEAD~2", "Phiên bản HEAD~1"]
    for out in (inline, table):  # the running header (and HTML title): both sides named alike, by their revisions
        title = re.search(r"<title>Bản?g? so sánh (.*)</title>", unwrapped(out.read_text(encoding="utf-8")))
        assert title is not None
        new, old = title.group(1).split(" với ")
        assert new.replace("(Phiên bản HEAD~1)", "(Phiên bản HEAD~2)") == old, title.group(1)
