"""A change in a table cell found by where the cell stands, not by its words (r39 word39): Nghị định 63/2010 with draft
1 filling the empty second cell of Phụ lục I's section rows I and II with the same words (`Ý kiến`), replied on in the
review copy and in a Word redline. Words typed into an empty cell were read as a paragraph added after the row (the
proposal broke the table), and a change of row II's `Ý kiến` was made in row I's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from regdraft.core.markdown import parse
from regdraft.core.replies import Reply, ReplyParagraph, comments_from_reply
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, run_cli

SLUG = "nd-sua"
BODY = "Bộ Tư pháp"
SECTIONS = ("I. Về sự cần thiết của thủ tục hành chính", "II. Về tính hợp lý của thủ tục hành chính")
FOURTH = "4. Với câu trả lời đối với các câu hỏi từ câu 1 – 3"  # row 5 of the table, its second cell empty
# The Word table of Phụ lục I: in the review copy the text as amended's (after the instruction's and the signature's),
# in the redline the third (after the header and the signature).
TABLES = {"copy.docx": 3, "redline.docx": 2}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("nd63") / "ws"
    old, *more = (f"| {section} | |" for section in SECTIONS)
    kit.decree_63_consulting(root, old, old.replace("| |", "| Ý kiến |"), SLUG, BODY,
                             "round", "copy", SLUG, "-o", str(root.parent / "copy.docx"),
                             also=tuple((line, line.replace("| |", "| Ý kiến |")) for line in more))
    result = run_cli(root, "redline", "63/2010/NĐ-CP", "--amendment", SLUG, "-o", str(root.parent / "redline.docx"))
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield Workspace(Path(shutil.copytree(built, tmp_path / "ws", symlinks=True)))


def _reply(built: Path, copy: str, out: Path, row: int, text: str) -> Path:
    """`copy` with `text` typed by An at the end of the second cell of Phụ lục I's row `row` (python-docx's, from 0)."""
    document = kit.open_docx(built.parent / copy)
    kit.typed_into(document.tables[TABLES[copy]].rows[row].cells[1].paragraphs[0], text, "An")
    return kit.save(document, out)


def _imported(ws: Workspace, invoke: Invoke, reply: Path) -> dict[str, Any]:
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = [yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in (ws.root / "amendments" / SLUG / "comments").glob("*.yaml")]
    assert c["provision"] == "pli"
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    return dict(c)


def _rows(proposal: str) -> dict[str, list[str]]:
    """The proposal's table rows by the words of their first cell (each once), each its cells' words."""
    rows = [[cell.strip() for cell in line.split("|")[1:-1]] for line in proposal.split("\n")
            if line.startswith("|") and not set(line) <= set("|-: ")]
    by_first = {row[0][:len(FOURTH)]: row for row in rows}
    assert len(by_first) == len(rows)
    return by_first


@pytest.mark.parametrize("copy", list(TABLES))
def test_words_typed_into_an_empty_cell_are_a_proposal_putting_them_in_that_cell(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path, copy: str) -> None:
    c = _imported(ws, invoke, _reply(built, copy, tmp_path / "reply.docx", 4, "Có £ Không £"))
    lines = c["proposal"].split("\n")
    table = [k for k, line in enumerate(lines) if line.startswith("|")]
    assert table == list(range(table[0], table[-1] + 1)), "the table is broken by a line of its own"
    assert "Có £ Không £" not in [line.strip() for line in lines]
    rows = _rows(c["proposal"])
    assert rows[FOURTH][1] == "Có £ Không £"
    assert [rows[s[:len(FOURTH)]][1] for s in SECTIONS] == ["Ý kiến", "Ý kiến"]
    assert "“Có £ Không £”" in c["text"]


@pytest.mark.parametrize("copy", list(TABLES))
def test_a_change_of_the_second_of_two_cells_reading_alike_is_made_in_that_cell(
        built: Path, ws: Workspace, invoke: Invoke, tmp_path: Path, copy: str) -> None:
    c = _imported(ws, invoke, _reply(built, copy, tmp_path / "reply.docx", 5, " đánh giá"))
    rows = _rows(c["proposal"])
    assert [rows[s[:len(FOURTH)]][1] for s in SECTIONS] == ["Ý kiến", "Ý kiến đánh giá"]
    assert "“đánh giá”" in c["text"]


FORM = """---
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
| 1. Có cần thiết không? | Có £ |
| 2. Có hợp lý không? | Có £ |
"""


def test_a_cell_whose_row_is_not_found_for_sure_is_named_never_put_in_as_a_line() -> None:
    """The row as the reply circulated it reads as no row of the draft's table: an empty cell, or words two cells
    hold, cannot be placed for sure; a warning names the provision, the table, the row and the column."""
    def cell(row: int, column: int, old: str, new: str = "") -> ReplyParagraph:
        return ReplyParagraph("pli", old, new or old, ("An",) if new else (), "2025-03-10T09:00:00Z" if new else "",
                              cell=(1, 10 + row, ""), grid=(row, column))

    circulated = [cell(1, 1, "Câu hỏi"), cell(1, 2, "Trả lời"), cell(2, 1, "1. Có cần thiết không (nay)?"),
                  cell(2, 2, "", "Không £"), cell(3, 1, "2. Có hợp lý không (nay)?"),
                  cell(3, 2, "Có £", "Có £ Không £")]
    placed = comments_from_reply(Reply("r.docx", tuple(circulated), ()), parse(FORM), 1, BODY)
    assert not placed.placed and not placed.unplaced
    said = " ".join(placed.notes)
    assert ("The tracked change by An in r.docx on Phụ lục I, in row 2, column 2 of the reply's table 1, types “Không "
            "£” into the empty cell: that row of the provision's table could not be found for sure, so it is not "
            "imported") in said
    assert "in row 3, column 2 of the reply's table 1, changes “Có £” to “Có £ Không £” in the cell" in said
