"""Word 365's own markup in a review reply (r27 sweep AA): a paragraph moved up with Track Changes (w:moveFrom and
w:moveTo inside their range marks, the move on both paragraph marks), a paragraph split by Enter alone, a text box
anchored in a provision, a style separator (w:specVanish), symbols (w:sym) and resolved comments. Each fixture is
built here on the round's own review copy, as Word 365 writes it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_nested_changes import _accept_all, _clause
from tests.test_word_reply_paragraph_marks import LEAD, POINT_A, POINT_B, POINT_C, _mark, split_before
from tests.test_word_reply_paragraph_marks import consulting_one as consulting_one  # noqa: F401  (the fixtures)
from tests.test_word_reply_paragraph_marks import ws as ws  # noqa: F401
from tests.test_word_reply_proposals import BODY, SLUG

DATE = "2025-03-11T09:00:00Z"


@pytest.fixture
def copy_docx(consulting_one: Path, ws: Workspace, tmp_path: Path) -> Path:
    """The round's review copy (`round copy`), as written of the workspace `ws` is a copy of."""
    return kit.copy_beside(consulting_one, tmp_path / "ban-lay-y-kien.docx")


def _tracked(tag: str, number: int, **more: str) -> Any:
    element = OxmlElement(tag)
    for key, value in (("w:id", str(number)), ("w:author", "B"), ("w:date", DATE), *more.items()):
        element.set(qn(key), value)
    return element


def _word_move_up(document: Any, text: str, before: str) -> None:
    """Move the paragraph holding `text` up, before the one holding `before`, as Word 365 writes a tracked move: the
    destination's runs in a w:moveTo between w:moveToRangeStart/End, the source's in a w:moveFrom between
    w:moveFromRangeStart/End (w:delText), and the move on both paragraph marks."""
    source, target = kit.paragraph_with(document, text)._p, kit.paragraph_with(document, before)._p
    moved = OxmlElement("w:p")
    moved.append(copy.deepcopy(source.find(qn("w:pPr"))))
    moved.append(_tracked("w:moveToRangeStart", 9501, **{"w:name": "move1"}))
    into = _tracked("w:moveTo", 9502)
    for run in source.findall(qn("w:r")):
        into.append(copy.deepcopy(run))
    moved.append(into)
    end = OxmlElement("w:moveToRangeEnd")
    end.set(qn("w:id"), "9501")
    moved.append(end)
    _mark(moved, "w:moveTo")
    target.addprevious(moved)
    runs = source.findall(qn("w:r"))
    start, gone = _tracked("w:moveFromRangeStart", 9503, **{"w:name": "move1"}), _tracked("w:moveFrom", 9504)
    runs[0].addprevious(start)
    start.addnext(gone)
    for run in runs:
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        gone.append(run)
    end = OxmlElement("w:moveFromRangeEnd")
    end.set(qn("w:id"), "9503")
    gone.addnext(end)
    _mark(source, "w:moveFrom")


def _import(invoke: Invoke, ws: Workspace, reply: Path) -> dict[str, Any]:
    return kit.imported_by_provision(invoke, ws, SLUG, reply, BODY)


def test_a_point_moved_up_with_track_changes_is_a_proposal_moving_it(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Point c moved above point b: the insertion came before the deletion, the deletion struck out the words just put
    # in, and the proposal was the clause as circulated: "holds no Word comments and no tracked changes".
    document = kit.open_docx(copy_docx)
    _word_move_up(document, POINT_C, POINT_B)
    reply = kit.save(document, tmp_path / "reply.docx")
    expected = [LEAD, POINT_A, POINT_C, POINT_B]
    assert _clause(_accept_all(reply)) == expected
    (c,) = _import(invoke, ws, reply).values()
    assert c["provision"] == "d9.k3" and c["author"] == "B"
    assert c["proposal"].split("\n") == expected
    assert c["text"] == "Đề nghị sửa như sau: chuyển điểm c lên trước điểm b."


def test_a_point_moved_up_beside_a_comment_elsewhere_is_not_dropped(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # With another comment in the reply the move was dropped without a word.
    document = kit.open_docx(copy_docx)
    _word_move_up(document, POINT_C, POINT_B)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, POINT_A), "cán bộ"), "Rõ hơn.", "B")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert comments["d9.k3"]["proposal"].split("\n") == [LEAD, POINT_A, POINT_C, POINT_B]
    assert comments["d9.k3.a"]["text"] == "Rõ hơn."


def _split_before(document: Any, text: str, second_half: str, separator: bool = False) -> Any:
    """Enter typed before `second_half` in the paragraph holding `text` with Track Changes on, nothing else typed: a
    new paragraph holds the runs before the break, its mark tracked as inserted (`separator`: its mark a style
    separator, hidden with w:specVanish, untracked), and the paragraph holding the second half is returned."""
    point = kit.paragraph_with(document, text)
    first, _ = split_before(document, text, second_half)
    if not separator:
        _mark(first, "w:ins")
        return point
    marks = OxmlElement("w:rPr")
    marks.append(OxmlElement("w:vanish"))
    marks.append(OxmlElement("w:specVanish"))
    first.find(qn("w:pPr")).append(marks)
    return point


def test_a_point_split_by_enter_alone_is_a_proposal_with_the_break(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The two halves read as the point's words unchanged (a line break taken for a space): "holds no Word comments
    # and no tracked changes; nothing was imported".
    document = kit.open_docx(copy_docx)
    _split_before(document, POINT_B, " phòng, chống tham nhũng, lãng phí, tiêu cực;")
    (c,) = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx")).values()
    assert c["provision"] == "d9.k3.b" and c["author"] == "B"
    assert c["proposal"].split("\n") == ["b) Công tác quốc phòng, an ninh, nội chính,",
                                         "phòng, chống tham nhũng, lãng phí, tiêu cực;"]
    assert c["text"] == "Đề nghị sửa như sau: xuống dòng trước “phòng, chống tham nhũng, lãng phí,…”."
    accept_proposal(ws, SLUG, c["id"])
    assert rounds.draft_text(ws, SLUG).find("d9.k3.b").unit.text == (
        "Công tác quốc phòng, an ninh, nội chính,", "phòng, chống tham nhũng, lãng phí, tiêu cực;")


_BOX_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                   'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                   'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                   'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                   'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                   'xmlns:v="urn:schemas-microsoft-com:vml"')


def _text_box(words: str) -> Any:
    """A run holding a Word 365 text box: the drawing (`mc:Choice`, wps) and its VML copy (`mc:Fallback`), each with
    the box's paragraph in a w:txbxContent."""
    from lxml import etree

    inner = f'<w:txbxContent><w:p><w:r><w:t>{words}</w:t></w:r></w:p></w:txbxContent>'
    return etree.fromstring(
        f'<w:r {_BOX_NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:txbx>{inner}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict><v:shape id="Text Box 1" type="#_x0000_t202"><v:textbox>'
        f'{inner}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_text_box_in_a_point_is_left_out_of_its_proposal(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The box's words were read twice (drawing and fallback), each box paragraph a paragraph of its own cutting the
    # point in two: the "6" → "3" became "Đề nghị sửa câu “…” của văn bản sửa đổi", no proposal.
    document = kit.open_docx(copy_docx)
    point = kit.paragraph_with(document, POINT_B)
    kit.track_replace(kit.isolate(point, "quốc phòng"), "quân sự", "B")
    kit.isolate(point, " nội chính")._r.addprevious(_text_box("GHI CHÚ HỘP VĂN BẢN"))
    (c,) = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx")).values()
    assert (c["provision"], c["proposal"]) == ("d9.k3.b", POINT_B.replace("quốc phòng", "quân sự"))
    assert c["text"] == "Đề nghị sửa như sau: thay “quốc phòng” bằng “quân sự”."


def test_a_comment_across_a_text_box_selects_the_words_around_it(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy_docx)
    point = kit.paragraph_with(document, POINT_B)
    first, last = kit.isolate(point, "an ninh,"), kit.isolate(point, " nội chính")
    last._r.addprevious(_text_box("GHI CHÚ"))
    kit.comment(document, first, "Rõ hơn.", "B", last)
    (c,) = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx")).values()
    assert (c["provision"], c["selection"]) == ("d9.k3.b", "an ninh, nội chính")


def test_a_comment_on_the_words_of_a_text_box_is_placed_where_the_box_stands_and_said(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy_docx)
    point = kit.paragraph_with(document, POINT_B)
    box = _text_box("GHI CHÚ")
    kit.isolate(point, " nội chính")._r.addprevious(box)
    cid = _comment_only(document, "Hộp này thừa.")
    for content in box.iter(qn("w:txbxContent")):  # Word marks the comment in both copies of the box
        run = content.find(f"{qn('w:p')}/{qn('w:r')}")
        start, end = OxmlElement("w:commentRangeStart"), OxmlElement("w:commentRangeEnd")
        reference, holder = OxmlElement("w:commentReference"), OxmlElement("w:r")
        for mark in (start, end, reference):
            mark.set(qn("w:id"), cid)
        holder.append(reference)
        run.addprevious(start)
        run.addnext(end)
        end.addnext(holder)
    reply = kit.save(document, tmp_path / "reply.docx")
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    assert ("Word comment 1 by B is on the words of a text box, which are left out of the text (as in an imported "
            "regulation): it is placed on điểm b khoản 3 Điều 9, where the box stands.") in " ".join(
        result.output.split())
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, reply, BODY).values()
    assert (c["provision"], c["text"], c.get("selection")) == ("d9.k3.b", "Hộp này thừa.", None)


def _comment_only(document: Any, text: str) -> str:
    """The id of a comment by B in the comments part (python-docx writes it), its marks left for the test to put."""
    scratch = document.add_paragraph()
    made = document.add_comment([scratch.add_run("x")], text=text, author="B", initials="B")
    scratch._p.getparent().remove(scratch._p)
    return str(made.comment_id)


def test_a_change_after_a_style_separator_is_a_proposal_on_the_point(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Word shows a paragraph whose mark is a style separator (w:specVanish) and the next one as one paragraph. Read
    # as two, the change in the second half was "Đề nghị sửa câu “…” của văn bản sửa đổi", no proposal.
    document = kit.open_docx(copy_docx)
    rest = _split_before(document, POINT_B, " an ninh, nội chính, phòng, chống tham nhũng, lãng phí, tiêu cực;", True)
    kit.track_replace(kit.isolate(rest, "tiêu cực"), "tiêu cực, quan liêu", "B")
    (c,) = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx")).values()
    assert (c["provision"], c["proposal"]) == ("d9.k3.b", POINT_B[:-1] + ", quan liêu;")
    assert c["text"] == "Đề nghị sửa như sau: bổ sung “, quan liêu” vào sau “tiêu cực”."


def _sym(font: str, char: str) -> Any:
    run, sym = OxmlElement("w:r"), OxmlElement("w:sym")
    sym.set(qn("w:font"), font)
    sym.set(qn("w:char"), char)
    run.append(sym)
    return run


def test_symbols_are_read_in_a_tracked_insertion_and_in_a_comment(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # w:sym was not read: "(≥ 2 lĩnh vực)" came in as "( 2 lĩnh vực)", "khoản → sửa" as "khoản  sửa", and a ✓ alone
    # was "no tracked changes".
    document = kit.open_docx(copy_docx)
    point = kit.paragraph_with(document, POINT_A)
    anchor = kit.isolate(point, "cán bộ")
    kit.track_insert_after(anchor, " (", "B")
    added = anchor._r.getnext()
    added.append(_sym("Symbol", "F0B3"))
    added.append(copy.deepcopy(added[0]))
    added[-1].find(qn("w:t")).text = " 2 lĩnh vực)"
    added.append(_sym("Wingdings", "F0FC"))
    kit.comment(document, kit.isolate(kit.paragraph_with(document, POINT_C), "đối ngoại"), "Xem khoản ", "B")
    said = document.comments.get(0)._comment_elm.findall(f".//{qn('w:r')}")[-1]
    said.addnext(_sym("Symbol", "F0AE"))
    tail = copy.deepcopy(said)
    tail.find(qn("w:t")).text = " sửa tên."
    said.getnext().addnext(tail)
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert comments["d9.k3.a"]["proposal"] == "a) Công tác tổ chức, cán bộ (≥ 2 lĩnh vực)✓;"
    assert comments["d9.k3.c"]["text"] == "Xem khoản → sửa tên."


def test_a_wingdings_mark_with_no_unicode_character_is_kept_and_said(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy_docx)
    anchor = kit.isolate(kit.paragraph_with(document, POINT_A), "cán bộ")
    kit.track_insert_after(anchor, " ", "B")
    anchor._r.getnext().append(_sym("Wingdings", "F0E6"))
    reply = kit.save(document, tmp_path / "reply.docx")
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    assert ("1 symbol inserted from a symbol font (Wingdings F0E6) has no Unicode character and was kept as the "
            "private-use character Word stores") in " ".join(result.output.split())
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, reply, BODY).values()
    assert c["proposal"] == "a) Công tác tổ chức, cán bộ \uf0e6;"
