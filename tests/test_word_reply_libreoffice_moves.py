"""A moved point in a Word reply saved again by LibreOffice: LibreOffice keeps the move on the moved paragraph's mark
alone, its words untracked, and drops a deletion inside the move (the old letter of a relabelled point stays beside
the new one). The proposal is what Word's "Accept all" leaves, the moved point kept, and a paragraph of the text as
amended is never said to be a sentence "của văn bản sửa đổi" (r24 sweep d-word)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_nested_changes import _accept_all, _change, _clause, _fill
from tests.test_word_reply_paragraph_marks import LEAD, POINT_A, POINT_B, POINT_C, _mark
from tests.test_word_reply_paragraph_marks import consulting_one as consulting_one  # noqa: F401  (the fixtures)
from tests.test_word_reply_paragraph_marks import ws as ws  # noqa: F401
from tests.test_word_reply_proposals import BODY, SLUG


@pytest.fixture
def copy_docx(consulting_one: Path, ws: Workspace, tmp_path: Path) -> Path:
    """The round's review copy (`round copy`), as written of the workspace `ws` is a copy of."""
    return kit.copy_beside(consulting_one, tmp_path / "ban-lay-y-kien.docx")


def _moved_below(document: Any, moved_words: list[tuple[str, str] | tuple[str, str, Any]]) -> None:
    """Point b struck out where it stood (its words in a w:moveFrom, as LibreOffice writes them: w:t, not
    w:delText) and a paragraph holding `moved_words`, its mark a w:moveTo, put after point c, relabelled b."""
    source, target = kit.paragraph_with(document, POINT_B)._p, kit.paragraph_with(document, POINT_C)._p
    moved = OxmlElement("w:p")
    moved.append(copy.deepcopy(source.find(qn("w:pPr"))))
    _fill(moved, moved_words, "B")
    _mark(moved, "w:moveTo")
    target.addnext(moved)
    runs = source.findall(qn("w:r"))
    origin = _change("w:moveFrom", "B", 9300)
    runs[0].addprevious(origin)
    for run in runs:
        origin.append(run)
    _mark(source, "w:moveFrom")
    last = kit.paragraph_with(document, POINT_C)
    kit.track_replace(kit.isolate(last, "c"), "b", "B")


def _import(invoke: Invoke, ws: Workspace, reply: Path) -> list[dict[str, Any]]:
    return list(kit.imported_by_provision(invoke, ws, SLUG, reply, BODY).values())


def test_a_moved_point_libreoffice_left_untracked_is_kept_in_the_proposal(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The moved paragraph as LibreOffice 7.4 wrote it: "b" untracked, "c" inserted, ") Công tác …" untracked, its
    # mark a w:moveTo. Its words were read as circulated text a second time, joined to khoản 4 by the mark: the
    # proposal dropped point b ("bỏ “b) …”"; accepting it repealed the point) and a comment on Điều 9 said
    # "Đề nghị sửa câu “b) …;4. …” của văn bản sửa đổi".
    document = kit.open_docx(copy_docx)
    _moved_below(document, [("", "b"), ("w:ins", "c"), ("", POINT_B[1:])])
    reply = kit.save(document, tmp_path / "reply.docx")
    expected = [LEAD, POINT_A, "b" + POINT_C[1:], "bc" + POINT_B[1:]]
    assert _clause(_accept_all(reply)) == expected
    (c,) = _import(invoke, ws, reply)
    assert c["provision"] == "d9.k3"
    assert c["proposal"].split("\n") == expected
    assert c["text"] == ("Đề nghị sửa như sau: chuyển điểm b xuống sau điểm c; đánh số lại điểm b thành bc); "
                         "đánh số lại điểm c thành điểm b.")


def test_a_tracked_mark_on_a_paragraph_as_circulated_is_no_sentence_of_the_amending_document(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Point c's mark tracked as inserted, its words untracked: "Reject all" joins it to khoản 4, a paragraph no one
    # circulated. The change was said as "Đề nghị sửa câu “c) …4. …” của văn bản sửa đổi" on the whole of Điều 9.
    document = kit.open_docx(copy_docx)
    point = kit.paragraph_with(document, POINT_C)
    _mark(point._p, "w:ins")
    kit.track_replace(kit.isolate(point, "đối ngoại"), "dân vận", "B")
    reply = kit.save(document, tmp_path / "reply.docx")
    (c,) = _import(invoke, ws, reply)
    assert "văn bản sửa đổi" not in c["text"]
    assert (c["provision"], c["proposal"]) == ("d9.k3.c", "c) Công tác dân vận của Đảng bộ tỉnh.")
    assert c["text"] == "Đề nghị sửa như sau: thay “đối ngoại” bằng “dân vận”."


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_word_move_saved_again_by_libreoffice_keeps_the_moved_point(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Word's own markup (the relabel a w:del/w:ins inside the w:moveTo), then a real LibreOffice round trip.
    document = kit.open_docx(copy_docx)
    _moved_below(document, [("w:moveTo", "B", [("w:del", "b"), ("w:ins", "c"), ("", POINT_B[1:])])])
    saved = kit.saved_by_libreoffice(document, tmp_path)
    expected = _clause(_accept_all(saved))
    assert any(POINT_B[3:] in line for line in expected)
    comments = _import(invoke, ws, saved)
    assert not any("văn bản sửa đổi" in c["text"] for c in comments)
    (c,) = comments
    assert c["provision"] == "d9.k3" and c["proposal"].split("\n") == expected
    assert c["text"].startswith("Đề nghị sửa như sau: chuyển điểm b xuống sau điểm c;")


def test_paragraph_marks_are_read_once_in_a_reply_with_no_move(copy_docx: Path, monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    # Looking for moved paragraphs asked every paragraph for its mark before the walk asked again: a reply with no
    # move read a fifth slower (r24 sweep i-costs defect 2). Only paragraphs whose mark holds a move are asked twice.
    from regdraft.importer import word_reply

    document = kit.open_docx(copy_docx)
    kit.track_replace(kit.isolate(kit.paragraph_with(document, POINT_C), "c"), "c", "d")
    reply = kit.save(document, tmp_path / "reply.docx")
    asked: list[object] = []
    real = word_reply._mark

    def counted(p: Any, *rest: Any) -> Any:
        asked.append(p)
        return real(p, *rest)

    monkeypatch.setattr(word_reply, "_mark", counted)
    read = word_reply.read_reply(reply.read_bytes(), str(reply))
    assert read.paragraphs and len(asked) == len({id(p) for p in asked})
