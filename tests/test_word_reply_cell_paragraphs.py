"""A table cell of two paragraphs in a Word reply (r41 word41): Enter typed in a cell of Phụ lục I of Nghị định
63/2010 with Track Changes off, as a member breaks a long question or answer, then a change or a Reject in the second
paragraph. A table's row is one line of the text, each cell one paragraph as printed: half a cell read as no
provision's words, so a change there refused the whole reply ("could not be placed"), and a Reject there was missed
(the reply "holds no tracked changes"). The cell is one cell of its row again, the proposal naming the row and keeping
the words of both paragraphs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx.text.paragraph import Paragraph

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "nd-sua"
BODY = "Bộ Tư pháp"
OLD = "2. Thủ tục hành chính dự kiến khi được thực hiện có đáp ứng được mục tiêu đặt ra hay không?"
CELL = OLD.replace("đáp ứng được", "bảo đảm đầy đủ")  # row 2's question as draft 1 words it
ANSWER_3 = ("a) Có £ b) Không £ Nếu chọn câu trả lời a, đề nghị cho biết lý do và nêu rõ biện pháp thay thế?")
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


def _second(document: Any, row: int, cell: int, before: str) -> Paragraph:
    """Row `row`'s cell `cell` of Phụ lục I split in two before `before`, untracked: its second paragraph."""
    return Paragraph(kit.split_paragraph(document.tables[TABLE].rows[row].cells[cell].paragraphs[0]._p, before),
                     document.part)


def _row(proposal: str, start: str) -> str:
    (line,) = [line for line in proposal.split("\n") if line.startswith(f"| {start}")]
    return line


def test_a_change_in_the_second_paragraph_of_a_cell_is_a_proposal_on_its_row_keeping_both(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(built.parent / "redline.docx")
    second = _second(document, 3, 1, "Nếu chọn")
    kit.track_replace(kit.isolate(second, "lý do"), "căn cứ", "An")
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    assert c["provision"] == "pli" and "tại dòng “3. Có biện pháp khác" in c["text"], c["text"]
    row = _row(c["proposal"], "3. Có biện pháp")
    # Both paragraphs' words, in the one cell: the first paragraph (`a) Có £ b) Không £`) is not lost.
    assert f"| {ANSWER_3.replace('lý do', 'căn cứ')}" in row, row


def test_a_reject_in_the_second_paragraph_of_a_cell_is_a_proposal_undoing_the_drafts_change_there(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(built.parent / "redline.docx")
    kit.rejected(_second(document, 2, 0, "đáp ứng được"), "w:ins", "w:del")
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại Phụ lục I") and "tại dòng “2. Thủ tục" in c["text"]
    assert _row(c["proposal"], "2. Thủ tục").startswith(f"| {OLD} | a) Có £ b) Không £"), c["proposal"]


def test_a_change_in_the_second_paragraph_of_a_cell_the_draft_changed_keeps_the_drafts_words_in_the_first(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(built.parent / "redline.docx")
    kit.track_replace(kit.isolate(_second(document, 2, 0, "mục tiêu"), "mục tiêu"), "các mục tiêu", "An")
    reply = kit.save(document, tmp_path / "tra-loi.docx")
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, reply, BODY).values()
    assert _row(c["proposal"], "2. Thủ tục").startswith(f"| {CELL.replace('mục tiêu', 'các mục tiêu')} |")
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    assert len(list((ws.root / "amendments" / SLUG / "comments").glob("*.yaml"))) == 1
