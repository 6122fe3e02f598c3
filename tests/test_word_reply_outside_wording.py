"""What a Word 365 reply holds that is no wording of a provision (r27 sweep AA defects 7 and 8): formatting-only
tracked changes (w:pPrChange, w:rPrChange) are named in a warning, and a tracked table row added to the review copy's
header table is one passage, its place named. Each fixture is built here on the round's own review copy."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_paragraph_marks import POINT_A, POINT_B, POINT_C, _mark
from tests.test_word_reply_proposals import BODY, SLUG

DATE = "2025-03-11T09:00:00Z"


def _change(tag: str, number: int, *inside: str) -> Any:
    element = OxmlElement(tag)
    for key, value in (("w:id", str(number)), ("w:author", "B"), ("w:date", DATE)):
        element.set(qn(key), value)
    for name in inside:
        element.append(OxmlElement(name))
    return element


def _reply_formatted(copy_docx: Path, tmp_path: Path, wording: bool, amended: bool = True) -> Path:
    """Word 365's "Formatted:" changes: "cán bộ" of point a bolded (w:rPrChange) and point b centred (w:pPrChange),
    with, when `wording`, a tracked change of words in point c; in the text as amended, or when not `amended` in the
    amending document's quoted text (marked with the instruction's article, `_rd…_d9`)."""
    document = kit.open_docx(copy_docx)
    run = kit.isolate(kit.paragraph_with(document, POINT_A, last=amended), "cán bộ")
    properties = run._r.get_or_add_rPr()
    properties.append(OxmlElement("w:b"))
    properties.append(_change("w:rPrChange", 9601, "w:rPr"))
    point_b = kit.paragraph_with(document, POINT_B, last=amended)._p.get_or_add_pPr()
    old = copy.deepcopy(point_b)
    for child in list(old):
        if child.tag in (qn("w:rPr"), qn("w:sectPr")):
            old.remove(child)
    centred = OxmlElement("w:jc")
    centred.set(qn("w:val"), "center")
    point_b.append(centred)
    change = _change("w:pPrChange", 9602)
    change.append(old)
    point_b.append(change)
    if wording:
        point_c = kit.paragraph_with(document, POINT_C, last=amended)
        kit.track_replace(kit.isolate(point_c, "đối ngoại"), "đối ngoại, dân vận", "B")
    return kit.save(document, tmp_path / "reply.docx")


def test_formatting_only_changes_are_named_in_one_warning(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # A bolded word and a centred point vanished from the import without a note.
    copy_docx = kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "ban-lay-y-kien.docx", BODY)
    reply = _reply_formatted(copy_docx, tmp_path, wording=True)
    result = invoke(tmp_workspace, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("2 formatting-only changes (bold, centring) were not imported: regdraft takes wording, not formatting; "
            "they are in reply.docx on điểm a khoản 3 Điều 9 and điểm b khoản 3 Điều 9.") in said
    assert said.count("formatting-only") == 1
    (c,) = kit.imported_by_provision(invoke, tmp_workspace, SLUG, reply, BODY).values()
    assert c["provision"] == "d9.k3.c"


def test_formatting_in_the_amending_documents_quoted_text_names_the_points(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Bold and centring in the quoted Điều 9 of the amending document were said to be "on Điều 9" (its paragraphs
    # carry the instruction's bookmark), while the tracked change of words beside them was narrowed to point c.
    copy_docx = kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "ban-lay-y-kien.docx", BODY)
    reply = _reply_formatted(copy_docx, tmp_path, wording=True, amended=False)
    result = invoke(tmp_workspace, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("2 formatting-only changes (bold, centring) were not imported: regdraft takes wording, not formatting; "
            "they are in reply.docx on điểm a khoản 3 Điều 9 and điểm b khoản 3 Điều 9.") in said
    (c,) = kit.imported_by_provision(invoke, tmp_workspace, SLUG, reply, BODY).values()
    assert c["provision"] == "d9.k3.c"
    formatting_alone = _reply_formatted(copy_docx, tmp_path, wording=False, amended=False)
    alone = invoke(tmp_workspace, "comment", "import", SLUG, str(formatting_alone), "--by", BODY)
    said = " ".join(alone.output.split())
    assert "they are in reply.docx on điểm a khoản 3 Điều 9 and điểm b khoản 3 Điều 9." in said


def test_a_reply_of_formatting_alone_says_so_when_nothing_is_imported(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    copy_docx = kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "ban-lay-y-kien.docx", BODY)
    reply = _reply_formatted(copy_docx, tmp_path, wording=False)
    result = invoke(tmp_workspace, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert "holds no Word comments and no tracked changes of wording; nothing was imported." in said
    assert "2 formatting-only changes (bold, centring) were not imported" in said


def test_a_row_added_to_the_header_table_is_one_passage_naming_its_place(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # The row came as six passages, one per cell paragraph, each `… bổ sung “Hàng thêm”.” on “” matches no provision`.
    copy_docx = kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "ban-lay-y-kien.docx", BODY)
    document = kit.open_docx(copy_docx)
    header = document.element.body.find(qn("w:tbl"))
    row = copy.deepcopy(header.findall(qn("w:tr"))[-1])
    row.insert(0, OxmlElement("w:trPr"))
    row[0].append(_change("w:ins", 9701))
    paragraphs = list(row.iter(qn("w:p")))
    assert len(paragraphs) > 2
    for p in paragraphs:
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        words, run, text = _change("w:ins", 9702), OxmlElement("w:r"), OxmlElement("w:t")
        text.text = "Hàng thêm"
        run.append(text)
        words.append(run)
        p.append(words)
        _mark(p, "w:ins")
    header.findall(qn("w:tr"))[-1].addnext(row)
    reply = kit.save(document, tmp_path / "reply.docx")
    result = invoke(tmp_workspace, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert ("reply.docx: a table row added by B with Track Changes in the header table, outside any provision of "
            "draft 2: “Hàng thêm”.") in said
    assert said.count("Hàng thêm") == 1 and "1 passage could not be placed" in said
    (c,) = kit.imported_by_provision(invoke, tmp_workspace, SLUG, reply, BODY, "--place-unplaced", "general").values()
    assert (c["provision"], c["proposal"]) == ("general", "Hàng thêm")
