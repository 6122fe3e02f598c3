"""A reply joining two paragraphs (a deleted paragraph mark) imported by a version before r38's space at the join
(`chính.Cơ quan`, as Word's "Accept all" leaves it) is known again by the wording that version proposed: imported
again, it adds nothing, and a warning names the comment holding the old wording."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from regdraft.core import replies, reply_blocks
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_paragraph_marks import LEAD, POINT_A, POINT_B, POINT_C, _mark, consulting_one, copy_docx, ws
from tests.test_word_reply_proposals import BODY, SLUG

__all__ = ["consulting_one", "copy_docx", "ws"]  # the fixtures, used here



def _run_together(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paragraphs a deleted mark joins run together, as imports before the space at the join read them."""
    plain = reply_blocks.versions

    def versions(paragraphs: Sequence[Any], spaced: bool = False) -> tuple[list[str], list[str]]:
        return plain(paragraphs)

    for module in (reply_blocks, replies):
        monkeypatch.setattr(module, "versions", versions)


@pytest.mark.parametrize("said, changed, stored", [
    # The sources regdraft before the space at a join (f561fbfa^) wrote for these replies (checked by running it).
    (False, False, "docx:768df3942ac9da52"),
    (True, False, "docx:61aba9645c1bd2f1"),  # a Word comment on the clause: one comment carries it and the proposal
    (False, True, "docx:6dc3c0d28cd78be7"),  # another change of the clause, in point c)
])
def test_a_join_imported_run_together_is_known_again(ws: Workspace, copy_docx: Path, invoke: Invoke,
                                                     tmp_path: Path, said: bool, changed: bool, stored: str) -> None:
    document = kit.open_docx(copy_docx)
    _mark(kit.paragraph_with(document, POINT_A)._p, "w:del")
    if said:
        made = document.add_comment([kit.isolate(kit.paragraph_with(document, LEAD), "Trực tiếp"),
                                     kit.isolate(kit.paragraph_with(document, POINT_C), "đối ngoại")],
                                    text="Đề nghị gộp hai điểm.", author="B", initials="B")
        made._comment_elm.set(qn("w:date"), "2025-03-11T10:00:00Z")  # its source holds it: as the reply was written
    if changed:
        kit.track_replace(kit.isolate(kit.paragraph_with(document, POINT_C), "đối ngoại"), "đối ngoại, hợp tác", "B")
    reply = kit.save(document, tmp_path / "reply.docx")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _run_together(monkeypatch)
        (old,) = kit.imported_by_provision(invoke, ws, SLUG, reply, BODY).values()
    assert old["proposal"].split("\n")[1] == POINT_A + POINT_B and old["source"] == stored
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    output = " ".join(again.output.split())
    assert again.exit_code == 0 and f"Nothing imported: the comment in reply.docx was imported before ({old['id']})" \
        in output, again.output
    assert f"Comment {old['id']} on khoản 3 Điều 9 was imported from this reply by an earlier version" in output
    assert "proposes “…vực: a) Công tác tổ chức, cán bộ;b) Công tác" in output
    assert "now read “…vực: a) Công tác tổ chức, cán bộ; b) Công tác" in output
    folder = ws.root / "amendments" / SLUG / "comments"
    assert [p.stem for p in folder.glob("*.yaml")] == [old["id"]]
