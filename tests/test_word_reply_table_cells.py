"""Two tracked changes of one table cell in a Word reply on Nghị định 63/2010's review copy: an amendment rewrites
Phụ lục I (its form a table), so the review copy prints the table twice, in the instruction's quoted new text and in
the text as amended, and a member changes the same cell in both (one the draft already changed). The import kept the
first change and dropped the second unsaid: the cell, no longer as circulated, was read as no cell of the table."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "nd-sua"
BODY = "Bộ Tư pháp"
# Row 2 of Phụ lục I's table, its first cell as the draft words it (it adds `đầy đủ`).
CELL = "2. Thủ tục hành chính dự kiến khi được thực hiện có đáp ứng đầy đủ được mục tiêu đặt ra hay không?"
QUOTED, AMENDED = 1, 3  # the review copy's tables: Phụ lục I in the instruction, then in the text as amended


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nghị định 63/2010 with draft 1 of `nd-sua` rewriting Phụ lục I (row 2's question: `đầy đủ` added), round 1
    consulting Bộ Tư pháp, and its review copy beside the workspace."""
    root = tmp_path_factory.mktemp("nd63") / "ws"
    return kit.decree_63_consulting(root, CELL.replace("đầy đủ ", ""), CELL, SLUG, BODY,
                                    "round", "copy", SLUG, "-o", str(root.parent / "copy.docx"))


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield Workspace(Path(shutil.copytree(built, tmp_path / "ws", symlinks=True)))


def _reply(built: Path, out: Path, *changes: tuple[int, int, str, str]) -> Path:
    """The review copy with each (table, cell of row 2, words, made) change tracked by An."""
    document = kit.open_docx(built.parent / "copy.docx")
    for table, cell, words, made in changes:
        paragraph = document.tables[table].rows[2].cells[cell].paragraphs[0]
        kit.track_replace(kit.isolate(paragraph, words), made, "An")
    return kit.save(document, out)


def _comments(ws: Workspace) -> list[dict[str, Any]]:
    found = [yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in (ws.root / "amendments" / SLUG / "comments").glob("*.yaml")]
    return sorted(found, key=lambda c: c["order"])


def _row(proposal: str) -> str:
    (row,) = [line for line in proposal.split("\n") if line.startswith("| 2. Thủ tục")]
    return row.split("|")[1].strip()


def test_two_changes_of_one_cell_are_one_proposal_holding_both(built: Path, ws: Workspace, invoke: Invoke,
                                                               tmp_path: Path) -> None:
    reply = _reply(built, tmp_path / "reply.docx", (QUOTED, 0, "dự kiến", "dự kiến ban hành"),
                   (AMENDED, 0, "mục tiêu", "mục tiêu chính"))
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = _comments(ws)
    assert c["provision"] == "pli"
    assert _row(c["proposal"]) == CELL.replace("dự kiến", "dự kiến ban hành").replace("mục tiêu", "mục tiêu chính")
    assert "“ban hành”" in c["text"] and "“chính”" in c["text"]
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    assert [d["id"] for d in _comments(ws)] == [c["id"]]


def test_two_changes_of_the_same_words_of_a_cell_are_two_proposals_and_named(built: Path, ws: Workspace,
                                                                             invoke: Invoke, tmp_path: Path) -> None:
    reply = _reply(built, tmp_path / "both.docx", (QUOTED, 0, "dự kiến", "dự kiến ban hành"),
                   (AMENDED, 0, "dự kiến", "được đề xuất"))
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("Two tracked changes by An in both.docx on Phụ lục I change the same words in two ways that cannot both "
            "stand (bổ sung “ban hành” vào sau “dự kiến”; and thay “dự kiến” bằng “được đề xuất”)") in said
    assert [_row(c["proposal"]) for c in _comments(ws)] == [CELL.replace("dự kiến", "dự kiến ban hành"),
                                                           CELL.replace("dự kiến", "được đề xuất")]
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    assert len(_comments(ws)) == 2


def test_a_change_of_another_cell_of_the_row_is_kept_beside_it(built: Path, ws: Workspace, invoke: Invoke,
                                                               tmp_path: Path) -> None:
    reply = _reply(built, tmp_path / "reply.docx", (QUOTED, 0, "dự kiến", "dự kiến ban hành"),
                   (AMENDED, 1, "Đề nghị giải thích", "Đề nghị nêu rõ"))
    assert invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY).exit_code == 0
    (c,) = _comments(ws)
    (row,) = [line for line in c["proposal"].split("\n") if line.startswith("| 2. Thủ tục")]
    assert CELL.replace("dự kiến", "dự kiến ban hành") in row and "b) Không £ Đề nghị nêu rõ lý do" in row


def test_a_reply_imported_when_the_second_change_was_dropped_is_known_again(built: Path, ws: Workspace,
                                                                            invoke: Invoke, tmp_path: Path) -> None:
    """The comment regdraft before r38 wrote for the reply holding both changes (checked by running it: its source
    was docx:c7da795be5a0324f) is the one it writes for the first change alone: imported again, the reply is known by
    it and nothing is added; a warning says what it left out."""
    first = (QUOTED, 0, "dự kiến", "dự kiến ban hành")
    result = invoke(ws, "comment", "import", SLUG, str(_reply(built, tmp_path / "r.docx", first)), "--by", BODY)
    assert result.exit_code == 0, result.output
    (stored,) = _comments(ws)
    assert stored["source"] == "docx:c7da795be5a0324f"
    # Its sentence names the row since r39 (the fingerprint keeps the sentence as imports before wrote it).
    assert stored["text"].endswith("vào sau “dự kiến” tại dòng “2. Thủ tục hành chính dự…”."), stored["text"]
    both = _reply(built, tmp_path / "r.docx", first, (AMENDED, 0, "mục tiêu", "mục tiêu chính"))
    again = invoke(ws, "comment", "import", SLUG, str(both), "--by", BODY)
    said = " ".join(again.output.split())
    assert again.exit_code == 0 and f"Nothing imported: the comment in r.docx was imported before ({stored['id']})" \
        in said, again.output
    assert (f"Comment {stored['id']} on Phụ lục I was imported from this reply by an earlier version of regdraft, "
            "which kept only part of the tracked changes of An there") in said and "“chính”" in said
    assert [c["id"] for c in _comments(ws)] == [stored["id"]]
