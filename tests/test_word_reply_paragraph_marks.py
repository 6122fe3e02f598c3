"""Tracked changes to a paragraph's break in a Word reply: two paragraphs merged (the mark deleted) or one split
(a mark inserted mid-paragraph) are one proposal on the unit holding them, the wording Word's "Accept all" leaves;
changes inside a unit whose paragraphs were added, removed or moved are one proposal on that unit."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, built_once, copied
from tests.test_word_reply_proposals import BODY, SLUG, track_insert_paragraph_after

POINT_A = "a) Công tác tổ chức, cán bộ;"
POINT_B = "b) Công tác quốc phòng, an ninh, nội chính, phòng, chống tham nhũng, lãng phí, tiêu cực;"
POINT_C = "c) Công tác đối ngoại của Đảng bộ tỉnh."
LEAD = "3. Trực tiếp phụ trách các lĩnh vực:"


@pytest.fixture(scope="session")
def consulting_one(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped workspace in round 1 consulting BODY, with its review copy beside it (`kit.round_copy`'s)."""
    return built_once(tmp_path_factory, "consulting-one", kit.consulted("Lấy ý kiến", "2099-07-15", BODY))


@pytest.fixture
def ws(consulting_one: Path, tmp_path: Path) -> Workspace:
    return copied(consulting_one, tmp_path / "ws")


@pytest.fixture
def copy_docx(consulting_one: Path, ws: Workspace, tmp_path: Path) -> Path:
    """The round's review copy (`round copy`), as written of the workspace `ws` is a copy of."""
    return kit.copy_beside(consulting_one, tmp_path / "ban-lay-y-kien.docx")



def split_before(document: Any, text: str, second_half: str) -> tuple[Any, Any]:
    """The paragraph holding `text` cut before its words `second_half`, as Enter typed there leaves it: a new
    paragraph (returned first, its mark not yet marked) holds the runs before the break, the bookmark's start among
    them; returned second, the run that starts the second half."""
    point = kit.paragraph_with(document, text)
    second = kit.isolate(point, second_half)._r
    first = OxmlElement("w:p")
    first.append(copy.deepcopy(point._p.find(qn("w:pPr"))))
    for child in list(point._p):
        if child is second:
            break
        if child.tag != qn("w:pPr"):
            first.append(child)
    point._p.addprevious(first)
    return first, second

def _mark(paragraph: Any, tag: str, author: str = "B") -> None:
    """Track a change to a paragraph's own mark (its break), as Word writes it: in w:pPr/w:rPr."""
    properties = paragraph.get_or_add_pPr()
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = OxmlElement("w:rPr")
        properties.append(marks)
    change = OxmlElement(tag)
    for key, value in (("w:id", "9201"), ("w:author", author), ("w:date", "2025-03-11T09:00:00Z")):
        change.set(qn(key), value)
    marks.append(change)


def _import(invoke: Invoke, ws: Workspace, reply: Path) -> dict[str, Any]:
    return kit.imported_by_provision(invoke, ws, SLUG, reply, BODY)


def test_two_points_merged_by_deleting_a_paragraph_mark_are_one_proposal_on_the_clause(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Alone in a reply, the merge was refused: "holds no Word comments and no tracked changes; nothing was imported".
    document = kit.open_docx(copy_docx)
    _mark(kit.paragraph_with(document, POINT_A)._p, "w:del")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    (c,) = comments.values()
    assert c["provision"] == "d9.k3" and c["author"] == "B" and c["created"] == "2025-03-11T09:00:00Z"
    assert c["proposal"].split("\n") == [LEAD, f"{POINT_A} {POINT_B}", POINT_C]  # Word's "Accept all": `;b)`
    assert c["text"] == "Đề nghị sửa như sau: gộp đoạn “…Công tác tổ chức, cán bộ;” với đoạn sau."


def test_a_point_split_by_an_inserted_paragraph_mark_is_a_proposal_with_the_break(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Enter typed before " phòng, chống" and "c) Công tác" typed: Word leaves the bookmark's start in the first half,
    # and the second half (" phòng, chống …" no line of khoản 3) became a comment "… của văn bản sửa đổi", no proposal.
    document = kit.open_docx(copy_docx)
    first, second = split_before(document, POINT_B, " phòng, chống tham nhũng, lãng phí, tiêu cực;")
    _mark(first, "w:ins")
    inserted, run = OxmlElement("w:ins"), copy.deepcopy(second)
    for key, value in (("w:id", "9202"), ("w:author", "B"), ("w:date", "2025-03-11T09:00:00Z")):
        inserted.set(qn(key), value)
    run.find(qn("w:t")).text = "c) Công tác"
    inserted.append(run)
    second.addprevious(inserted)
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    (c,) = comments.values()
    assert c["provision"] == "d9.k3" and c["author"] == "B"
    assert c["proposal"].split("\n") == [
        LEAD, POINT_A, "b) Công tác quốc phòng, an ninh, nội chính,",
        "c) Công tác phòng, chống tham nhũng, lãng phí, tiêu cực;", POINT_C]
    assert c["text"].startswith("Đề nghị sửa như sau: xuống dòng trước “c) Công tác phòng, chống")


def test_changes_to_points_and_a_new_point_are_one_proposal_on_the_clause(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The clause's proposal showed point a as circulated beside a proposal on point a with the reviewer's words.
    document = kit.open_docx(copy_docx)
    kit.track_insert_after(kit.isolate(kit.paragraph_with(document, POINT_A), "cán bộ"), " và đào tạo", "B")
    track_insert_paragraph_after(document, POINT_C, "d) Công tác cải cách hành chính.")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert set(comments) == {"d9.k3"}
    assert comments["d9.k3"]["proposal"].split("\n") == [
        LEAD, "a) Công tác tổ chức, cán bộ và đào tạo;", POINT_B, POINT_C, "d) Công tác cải cách hành chính."]


def test_a_point_moved_is_one_proposal_holding_it_once(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Struck out where it was and added after point c: a proposal repealing point b, and the clause's holding b twice.
    document = kit.open_docx(copy_docx)
    point = kit.paragraph_with(document, POINT_B)
    for run in list(point.runs):
        kit.track_replace(run, "", "B")
    _mark(point._p, "w:del")
    track_insert_paragraph_after(document, POINT_C, POINT_B, "B")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert set(comments) == {"d9.k3"}
    assert comments["d9.k3"]["proposal"].split("\n") == [LEAD, POINT_A, POINT_C, POINT_B]



def test_two_points_merged_as_a_person_does_it_are_said_as_merged(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # r23 review of the Luật Thi đua, khen thưởng: `;` made ` và`, the paragraph mark deleted, `b) ` deleted and the
    # capital made small read "thay “; b) Thi” bằng “và thi”", never saying that the two points were merged.
    document = kit.open_docx(copy_docx)
    first, second = kit.paragraph_with(document, POINT_A), kit.paragraph_with(document, POINT_B)
    kit.track_replace(kit.isolate(first, ";"), " và ", "B")
    _mark(first._p, "w:del")
    kit.track_replace(kit.isolate(second, "b)"), "", "B")
    kit.track_replace(kit.isolate(second, " "), "", "B")
    kit.track_replace(kit.isolate(second, "Công"), "công", "B")
    (c,) = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx")).values()
    assert c["proposal"].split("\n") == [LEAD, "a) Công tác tổ chức, cán bộ và " + POINT_B[3:].replace("C", "c", 1),
                                         POINT_C]
    assert c["text"] == ("Đề nghị sửa như sau: gộp đoạn “…Công tác tổ chức, cán bộ;” với đoạn sau; thay “;” bằng "
                         "“và”; bỏ “b)”; thay “Công” bằng “công”.")


def _moved_after(document: Any, text: str, after: str, words: Sequence[tuple[str, str]]) -> None:
    """Move the paragraph holding `text` to after the one holding `after` with Track Changes on (w:moveFrom where it
    was, w:moveTo where it goes), its new text `words`: (tag, text) runs, `w:moveTo` the moved words."""
    source, target = kit.paragraph_with(document, text)._p, kit.paragraph_with(document, after)._p
    moved = OxmlElement("w:p")
    moved.append(copy.deepcopy(source.find(qn("w:pPr"))))
    for number, (tag, words_of) in enumerate(words, 9301):
        change, run, t = OxmlElement(tag), OxmlElement("w:r"), OxmlElement("w:t")
        for key, value in (("w:id", str(number)), ("w:author", "B"), ("w:date", "2025-03-11T09:00:00Z")):
            change.set(qn(key), value)
        t.text = words_of
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
        change.append(run)
        moved.append(change)
    _mark(moved, "w:moveTo")
    target.addnext(moved)
    gone = OxmlElement("w:moveFrom")
    for key, value in (("w:id", "9300"), ("w:author", "B"), ("w:date", "2025-03-11T09:00:00Z")):
        gone.set(qn(key), value)
    runs = source.findall(qn("w:r"))
    runs[0].addprevious(gone)
    for run in runs:
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        gone.append(run)
    _mark(source, "w:moveFrom")


def test_a_point_moved_and_relabelled_is_said_as_moved(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # r23: point c moved after point d (Luật Thi đua, khen thưởng, khoản 1 Điều 24), the labels swapped and the ends
    # fixed, read "thay “c” bằng “d) Có đạo đức, lối sống lành mạnh; d”; bỏ “d) Có đạo đức, lối sống lành mạnh.”;
    # đánh số lại điểm d thành điểm c", which says neither that a point moved nor where.
    document = kit.open_docx(copy_docx)
    _moved_after(document, POINT_B, POINT_C[3:], [("w:ins", "c) "), ("w:moveTo", POINT_B[3:-1]), ("w:ins", ".")])
    last = kit.paragraph_with(document, POINT_C)
    kit.track_replace(kit.isolate(last, "c)"), "b)", "B")
    kit.track_replace(kit.isolate(last, "."), ";", "B")
    (c,) = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx")).values()
    assert c["provision"] == "d9.k3"
    assert c["proposal"].split("\n") == [LEAD, POINT_A, "b) " + POINT_C[3:-1] + ";", "c) " + POINT_B[3:-1] + "."]
    assert c["text"] == ("Đề nghị sửa như sau: chuyển điểm b xuống sau điểm c; thay “.” bằng “;”; thay “;” bằng "
                         "“.”; đánh số lại điểm b thành điểm c; đánh số lại điểm c thành điểm b.")
