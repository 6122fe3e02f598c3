"""Tracked changes in a table cell of a Word redline (`regdraft redline … --format docx`) sent back as a reply:
Nghị định 63/2010 with draft 1 rewriting a question of Phụ lục I's table (`đáp ứng được` struck out, `bảo đảm đầy
đủ` inserted). A change in any cell was refused ("could not be placed … reply on the review copy"): the redline marks
no provision, and a cell's words were looked for as a whole paragraph of the draft, never as a cell of its table
(r38 wordtab38). They are a proposal on the appendix, as on the review copy; a change inside the words the redline
strikes out (the old text) is named, not guessed into the new text."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx.oxml.ns import qn
from docx.text.run import Run

from regdraft.core.markdown import parse
from regdraft.core.replies import Reply, ReplyParagraph, comments_from_reply
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "nd-sua"
BODY = "Bộ Tư pháp"
OLD = "2. Thủ tục hành chính dự kiến khi được thực hiện có đáp ứng được mục tiêu đặt ra hay không?"
CELL = OLD.replace("đáp ứng được", "bảo đảm đầy đủ")  # row 2's question as draft 1 words it
UNCHANGED = "3. Có biện pháp khác để thay thế thủ tục hành chính này mà vẫn đảm bảo mục tiêu đặt ra hay không?"
TABLE = 2  # the redline's tables: the header, the recipients and signature, then Phụ lục I's


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nghị định 63/2010 with draft 1 of `nd-sua` rewording row 2's question of Phụ lục I, round 1 consulting Bộ Tư
    pháp, and the Word redline of the draft beside the workspace."""
    root = tmp_path_factory.mktemp("nd63") / "ws"
    return kit.decree_63_consulting(root, OLD, CELL, SLUG, BODY, "redline", "63/2010/NĐ-CP", "--amendment", SLUG,
                                    "-o", str(root.parent / "redline.docx"))


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield Workspace(Path(shutil.copytree(built, tmp_path / "ws", symlinks=True)))


def _cell(document: Any, row: int, cell: int = 0) -> Any:
    return document.tables[TABLE].rows[row].cells[cell].paragraphs[0]


def _changed(document: Any, row: int, words: str, made: str, cell: int = 0) -> None:
    kit.track_replace(kit.isolate(_cell(document, row, cell), words), made, "An")


def _words(run: Any) -> str:
    return "".join(t.text or "" for t in run.iter(qn("w:t")))


def _changed_in_inserted(document: Any, words: str, made: str) -> None:
    """`words` of the words the redline inserts in row 2 (`bảo đảm đầy đủ`) replaced by An: a change nested in the
    redline's own insertion."""
    paragraph = _cell(document, 2)
    run = next(r for r in next(paragraph._p.iter(qn("w:ins"))).iter(qn("w:r")) if words in _words(r))
    before, after = _words(run).split(words)
    for text, place in ((before, run.addprevious), (after, run.addnext)):
        if text:
            piece = copy.deepcopy(run)
            next(piece.iter(qn("w:t"))).text = text
            next(piece.iter(qn("w:t"))).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            place(piece)
    next(run.iter(qn("w:t"))).text = words
    kit.track_replace(Run(run, paragraph), made, "An")


def _typed_inside_struck(document: Any) -> None:
    """`hoàn toàn ` typed between `đáp ứng ` and `được` of row 2's struck-out words, as Word writes it: the
    redline's deletion split around An's insertion."""
    p = _cell(document, 2)._p
    own = next(p.iter(qn("w:del")))
    tail = copy.deepcopy(own)
    own.addnext(tail)
    next(own.iter(qn("w:delText"))).text = "đáp ứng "
    next(tail.iter(qn("w:delText"))).text = "được"
    typed = copy.deepcopy(own.find(qn("w:r")))
    next(typed.iter(qn("w:delText"))).tag = qn("w:t")
    next(typed.iter(qn("w:t"))).text = "hoàn toàn "
    inserted = kit._change("w:ins", "An", "2025-03-10T09:00:00Z", 9005)
    inserted.append(typed)
    own.addnext(inserted)


def _comments(ws: Workspace) -> list[dict[str, Any]]:
    found = [yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in (ws.root / "amendments" / SLUG / "comments").glob("*.yaml")]
    return sorted(found, key=lambda c: c["order"])


def _row(proposal: str, opening: str) -> str:
    (row,) = [line for line in proposal.split("\n") if line.startswith(f"| {opening}")]
    return row.split("|")[1].strip()


def _reply(built: Path, out: Path, *edits: Any) -> Path:
    document = kit.open_docx(built.parent / "redline.docx")
    for edit in edits:
        edit(document)
    return kit.save(document, out)


def test_a_change_in_a_cell_the_draft_changed_is_a_proposal_on_the_appendix(built: Path, ws: Workspace,
                                                                           invoke: Invoke, tmp_path: Path) -> None:
    # Two changes of the cell, one inside the words the redline inserts: both in the one proposal.
    reply = _reply(built, tmp_path / "reply.docx", lambda d: _changed(d, 2, "mục tiêu", "mục tiêu chính"),
                   lambda d: _changed_in_inserted(d, "đầy đủ", "toàn diện"))
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = _comments(ws)
    assert (c["provision"], c["author"]) == ("pli", "An")
    assert _row(c["proposal"], "2.") == CELL.replace("đầy đủ", "toàn diện").replace("mục tiêu", "mục tiêu chính")
    assert _row(c["proposal"], "3.") == UNCHANGED
    assert "“chính”" in c["text"] and "“toàn diện”" in c["text"]
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output


def test_a_change_in_a_cell_the_draft_left_as_it_was_is_a_proposal_on_the_appendix(built: Path, ws: Workspace,
                                                                                  invoke: Invoke,
                                                                                  tmp_path: Path) -> None:
    reply = _reply(built, tmp_path / "reply.docx", lambda d: _changed(d, 3, "biện pháp khác", "biện pháp nào khác"),
                   lambda d: _changed(d, 3, "Nếu chọn câu trả lời a", "Nếu trả lời a", cell=1))
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = _comments(ws)
    assert c["provision"] == "pli"
    (row,) = [line for line in c["proposal"].split("\n") if line.startswith("| 3.")]
    assert row.split("|")[1].strip() == UNCHANGED.replace("biện pháp khác", "biện pháp nào khác")
    assert row.split("|")[2].strip().startswith("a) Có £ b) Không £ Nếu trả lời a, đề nghị cho biết lý do")
    assert _row(c["proposal"], "2.") == CELL  # the draft's wording, not the text in force the redline strikes out


def test_words_typed_inside_the_words_the_redline_strikes_out_are_named_not_proposed(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    reply = _reply(built, tmp_path / "reply.docx", _typed_inside_struck,
                   lambda d: _changed(d, 3, "biện pháp khác", "biện pháp nào khác"))
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = _comments(ws)
    assert _row(c["proposal"], "2.") == CELL and "hoàn toàn" not in c["proposal"] + c["text"]
    said = " ".join(result.output.split())
    assert ("The tracked change by An in reply.docx on Phụ lục I, in the table cell “2. Thủ tục hành chính dự kiến "
            "khi được thực hiện có bảo đảm…” (row 3 of its table), types “hoàn toàn” inside the words “đáp ứng "
            "được” that the Word redline strikes out") in said and "not imported" in said


def test_a_reply_whose_only_change_is_inside_struck_words_imports_nothing_and_says_why(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    def deleted_again(document: Any) -> None:  # An's deletion nested in the redline's: struck out twice
        own = next(_cell(document, 2)._p.iter(qn("w:del")))
        run = own.find(qn("w:r"))
        nested = kit._change("w:del", "An", "2025-03-10T09:00:00Z", 9006)
        own.remove(run)
        nested.append(run)
        own.append(nested)

    head = ws.repo.head.commit.hexsha
    result = invoke(ws, "comment", "import", SLUG, str(_reply(built, tmp_path / "r.docx", deleted_again)),
                    "--by", BODY)
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "nothing was imported" in said, result.output
    assert "deletes “đáp ứng được” inside the words “đáp ứng được” that the Word redline strikes out" in said
    assert ws.repo.head.commit.hexsha == head and not _comments(ws)


FORMS = """---
id: 01/2020/NĐ-CP
type: Nghị định
title: Về biểu mẫu
language: vi
issuer: CHÍNH PHỦ
signed: 2020-01-08
---

# Chương I. QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh

Nghị định này ban hành các biểu mẫu.

# Phụ lục I. MẪU MỘT

| Câu hỏi | Trả lời |
|---|---|
| 1. Có cần thiết không? | Có £ Không £ |

# Phụ lục II. MẪU HAI

| Câu hỏi | Trả lời |
|---|---|
| 1. Có hợp lý không? | Có £ Không £ |
"""


def test_a_cell_whose_words_two_tables_hold_is_placed_by_the_other_cells_of_its_word_table() -> None:
    draft = parse(FORMS)
    cells = ["Câu hỏi", "Trả lời", "1. Có hợp lý không?", "Có £ Không £"]
    paragraphs = tuple(ReplyParagraph(None, text, text, cell=(3, 10 + k // 2, "")) for k, text in enumerate(cells))
    changed = ReplyParagraph(None, "Có £ Không £", "Có £ Không £ Khác £", ("An",), "2025-03-10T09:00:00Z",
                             cell=(3, 11, ""))
    (c,) = comments_from_reply(Reply("r.docx", (*paragraphs[:3], changed), ()), draft, 1, BODY).placed
    assert c.on == "plii" and "| 1. Có hợp lý không? | Có £ Không £ Khác £ |" in c.proposal
    # Outside a Word table the same words are no cell: placed by no guess.
    alone = ReplyParagraph(None, "Có £ Không £", "Có £ Không £ Khác £", ("An",), "2025-03-10T09:00:00Z")
    assert comments_from_reply(Reply("r.docx", (alone,), ()), draft, 1, BODY).unplaced


def test_the_drafts_change_of_a_cell_rejected_in_the_redline_is_a_proposal_naming_its_row(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Reject pressed on row 2's own changes: `đáp ứng được` plain again, `bảo đảm đầy đủ` gone; nothing records it.
    reply = _reply(built, tmp_path / "reply.docx", lambda d: kit.rejected(_cell(d, 2), "w:ins", "w:del"))
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = _comments(ws)
    assert c["provision"] == "pli" and _row(c["proposal"], "2.") == OLD and _row(c["proposal"], "3.") == UNCHANGED
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại Phụ lục I trong bản so sánh"), c["text"]
    assert "tại dòng" in c["text"] and "“đáp ứng được”" in c["text"], c["text"]
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output


def test_a_rejected_change_and_a_typed_one_in_the_same_cell_are_one_proposal(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    reply = _reply(built, tmp_path / "reply.docx", lambda d: kit.rejected(_cell(d, 2), "w:ins", "w:del"),
                   lambda d: _changed(d, 2, "mục tiêu", "mục tiêu chính"))
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = _comments(ws)
    assert _row(c["proposal"], "2.") == OLD.replace("mục tiêu", "mục tiêu chính"), c["proposal"]
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại Phụ lục I") and "“chính”" in c["text"], c["text"]
