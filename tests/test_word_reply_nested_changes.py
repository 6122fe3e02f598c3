"""Tracked changes nested in one another in a Word reply: text deleted inside an insertion or a move (a second
reviewer's deletion, a moved point relabelled) or inserted inside a deletion is in neither version of the text, so
the proposal reads as Word's "Accept all" leaves the paragraphs and the text as circulated as "Reject all" does."""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from regdraft.core.replies import ReplyParagraph
from regdraft.core.reply_blocks import versions
from regdraft.importer.word_reply import read_reply
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_paragraph_marks import LEAD, POINT_A, POINT_B, POINT_C, _mark
from tests.test_word_reply_proposals import BODY, SLUG

DATE = "2025-03-11T09:00:00Z"
Words = Sequence["tuple[str, str] | tuple[str, str, Words]"]


@pytest.fixture
def copy_docx(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Path:
    return kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "ban-lay-y-kien.docx", BODY)


def _change(tag: str, author: str, number: int) -> Any:
    change = OxmlElement(tag)
    for key, value in (("w:id", str(number)), ("w:author", author), ("w:date", DATE)):
        change.set(qn(key), value)
    return change


def _run(text: str, deleted: bool) -> Any:
    run, t = OxmlElement("w:r"), OxmlElement("w:delText" if deleted else "w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def _fill(holder: Any, words: Words, author: str, deleted: bool = False, number: int = 9400) -> int:
    """Append `words` to `holder`: ("", text) a plain run, (tag, text) a run tracked as `tag`, (tag, author,
    words) a change by that author holding `words` (nested changes)."""
    for word in words:
        number += 1
        if len(word) == 3:
            tag, by, inner = word
            change = _change(tag, by, number)
            number = _fill(change, inner, by, deleted or tag in ("w:del", "w:moveFrom"), number)
            holder.append(change)
        elif word[0]:
            change = _change(word[0], author, number)
            change.append(_run(word[1], deleted or word[0] in ("w:del", "w:moveFrom")))
            holder.append(change)
        else:
            holder.append(_run(word[1], deleted))
    return number


def _accept_all(path: Path) -> list[str]:
    """The paragraphs of a Word file's body as Word's "Accept all" leaves them, scripted on its XML: what is in a
    deletion or a move's source at any depth goes, and a paragraph whose deleted mark goes joins the next one."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    gone = {qn("w:del"), qn("w:moveFrom")}
    out, carry = [], ""
    for p in root.iter(qn("w:p")):
        for t in p.iter(qn("w:t"), qn("w:delText")):
            if not any(a.tag in gone for a in t.iterancestors()):
                carry += t.text or ""
        marks = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        if marks is not None and any(m.tag in gone for m in marks):
            continue
        out.append(carry)
        carry = ""
    return out


def _clause(lines: list[str]) -> list[str]:
    """Khoản 3 Điều 9 among the paragraphs: its lead-in and the three points after it (the last one)."""
    at = max(i for i, line in enumerate(lines) if line == LEAD)
    return lines[at:at + 4]


def test_a_point_moved_and_relabelled_inside_the_move_keeps_both_points(
        tmp_workspace: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # r23 sweep s9word: Word writes the relabelling of a moved point as w:del/w:ins inside the w:moveTo. The deleted
    # label was read as circulated text: the proposal dropped the moved point (accepting it deleted a point) and
    # the member's change became a comment on a sentence "a);3. …" that exists nowhere.
    document = kit.open_docx(copy_docx)
    source, target = kit.paragraph_with(document, POINT_B)._p, kit.paragraph_with(document, POINT_C)._p
    moved = OxmlElement("w:p")
    moved.append(copy.deepcopy(source.find(qn("w:pPr"))))
    _fill(moved, [("w:moveTo", "B", [("w:del", "b) "), ("w:ins", "c) "), ("", POINT_B[3:-1]),
                                     ("w:del", ";"), ("w:ins", ".")])], "B")
    _mark(moved, "w:moveTo")
    target.addnext(moved)
    runs = source.findall(qn("w:r"))
    origin = _change("w:moveFrom", "B", 9300)
    runs[0].addprevious(origin)
    for run in runs:
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        origin.append(run)
    _mark(source, "w:moveFrom")
    last = kit.paragraph_with(document, POINT_C)
    kit.track_replace(kit.isolate(last, "c)"), "b)", "B")
    kit.track_replace(kit.isolate(last, "."), ";", "B")
    reply = kit.save(document, tmp_path / "reply.docx")
    expected = [LEAD, POINT_A, "b) " + POINT_C[3:-1] + ";", "c) " + POINT_B[3:-1] + "."]
    assert _clause(_accept_all(reply)) == expected
    (c,) = kit.imported_by_provision(invoke, tmp_workspace, SLUG, reply, BODY).values()
    assert c["provision"] == "d9.k3"
    assert c["proposal"].split("\n") == expected
    assert c["text"].startswith("Đề nghị sửa như sau: chuyển điểm b xuống sau điểm c;")
    assert "đánh số lại điểm b thành điểm c; đánh số lại điểm c thành điểm b" in c["text"]


def test_a_second_reviewer_deleting_inside_the_first_ones_insertion_is_a_proposal_as_accepted(
        tmp_workspace: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # r23 sweep s9word: Nguyễn An inserted ", thường xuyên"; Trần Bình deleted "thường " inside it. The import gave
    # no proposal, only a comment on a sentence "… cán bộthường …" "của văn bản sửa đổi" that exists nowhere.
    document = kit.open_docx(copy_docx)
    anchor = kit.isolate(kit.paragraph_with(document, POINT_A), "cán bộ")._r
    inserted = OxmlElement("w:ins")
    _fill(inserted, [("", ", "), ("w:del", "Trần Bình", [("", "thường ")]), ("", "xuyên")], "Nguyễn An")
    for key, value in (("w:id", "9500"), ("w:author", "Nguyễn An"), ("w:date", DATE)):
        inserted.set(qn(key), value)
    anchor.addnext(inserted)
    reply = kit.save(document, tmp_path / "reply.docx")
    expected = [LEAD, "a) Công tác tổ chức, cán bộ, xuyên;", POINT_B, POINT_C]
    assert _clause(_accept_all(reply)) == expected
    (c,) = kit.imported_by_provision(invoke, tmp_workspace, SLUG, reply, BODY).values()
    assert c["provision"] == "d9.k3.a"
    assert c["proposal"] == expected[1]  # a point's proposal is its text after its label, as the editor writes it
    assert c["author"] == "Nguyễn An, Trần Bình"
    assert c["text"] == "Đề nghị sửa như sau: bổ sung “, xuyên” vào sau “cán bộ”."


def _read(words: Words, marks: Sequence[str] = ()) -> tuple[ReplyParagraph, ...]:
    """A Word file whose first paragraph holds `words` (by "A"), its break tracked as `marks` (by "B"), read back."""
    document = docx.Document()
    p = document.add_paragraph()._p
    _fill(p, words, "A")
    for tag in marks:
        _mark(p, tag)
    document.add_paragraph("Đoạn sau.")
    buffer = io.BytesIO()
    document.save(buffer)
    return read_reply(buffer.getvalue(), "reply.docx").paragraphs


def _first(words: Words) -> tuple[str, str]:
    """The first paragraph as circulated and with every change accepted."""
    first = _read(words)[0]
    return first.original, first.accepted


def test_text_inserted_inside_a_deletion_is_in_neither_version() -> None:
    assert _first([("", "Một "), ("w:del", "A", [("", "hai "), ("w:ins", "ba "), ("", "bốn ")]), ("", "năm")]) \
        == ("Một hai bốn năm", "Một năm")


def test_text_inserted_inside_a_moved_source_is_in_neither_version() -> None:
    assert _first([("w:moveFrom", "A", [("", "hai "), ("w:ins", "ba "), ("", "bốn")])]) == ("hai bốn", "")


def test_text_deleted_inside_an_insertion_or_a_move_is_in_neither_version() -> None:
    assert _first([("", "Một "), ("w:ins", "A", [("", "hai "), ("w:del", "ba "), ("", "bốn ")]), ("", "năm")]) \
        == ("Một năm", "Một hai bốn năm")
    assert _first([("w:moveTo", "A", [("w:del", "b) "), ("w:ins", "a) "), ("", "Nội dung.")])]) \
        == ("", "a) Nội dung.")


def test_a_break_one_reviewer_inserted_and_another_deleted_joins_the_next_paragraph_in_both_versions() -> None:
    # It was read as inserted only: "Accept all" kept a break the second reviewer had taken out.
    assert versions(_read([("", "Một ")], ["w:ins", "w:del"])) == (["Một Đoạn sau."], ["Một Đoạn sau."])
    assert versions(_read([("", "Một ")], ["w:ins"])) == (["Một Đoạn sau."], ["Một ", "Đoạn sau."])
