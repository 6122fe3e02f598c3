"""A Word reply whose tracked changes renumber clauses (a clause split in two and those after it renumbered, or a
label changed alone): the proposal reads as Word's "Accept all" does, labels included, and says each renumbering."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from regdraft.core.amend.proposal import proposed_unit
from regdraft.core.errors import Worded
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, map_units
from regdraft.core.reply_wording import describe_change
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.regenerate import from_edits
from regdraft.workspace.rounds import draft_text
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_paragraph_marks import _mark
from tests.test_word_reply_proposals import BODY, SLUG

K3 = ("3. Đề cao trách nhiệm cá nhân, nhất là trách nhiệm của người đứng đầu; mỗi công việc chỉ giao cho một cơ quan, "
      "một cá nhân chủ trì và chịu trách nhiệm chính.")
K3_SECOND = (" Cá nhân được phân công phụ trách chịu trách nhiệm trước tập thể và trước cấp trên về kết quả thực hiện "
             "nhiệm vụ được giao.")
K4 = "4. Giữ gìn đoàn kết, thống nhất trong Ban Chấp hành và trong toàn Đảng bộ"
K5 = "5. Ban Chấp hành Đảng bộ tỉnh làm việc theo chương trình công tác toàn khóa và hằng năm"


@pytest.fixture
def copy_docx(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Path:
    return kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "ban-lay-y-kien.docx", BODY)


def _relabel(document: Any, text: str, old: str, new: str) -> None:
    """The label `old` of the paragraph starting with `text` changed to `new` with Track Changes on."""
    kit.track_replace(kit.isolate(kit.paragraph_with(document, text), old), new, "B")


def _split_k3(document: Any) -> None:
    """Enter typed before “Cá nhân được phân công” in khoản 3 Điều 3, then “4. ” typed (the space before it deleted)."""
    clause = kit.paragraph_with(document, K3[:40])
    second = kit.isolate(clause, K3_SECOND)
    first = OxmlElement("w:p")
    first.append(copy.deepcopy(clause._p.find(qn("w:pPr"))))
    for child in list(clause._p):
        if child is second._r:
            break
        if child.tag != qn("w:pPr"):
            first.append(child)
    clause._p.addprevious(first)
    _mark(first, "w:ins")
    space = kit.isolate(clause, " ")  # the leading space of the second half, now a run of its own
    kit.track_replace(space, "4. ", "B")


def _clauses(ws: Workspace) -> list[str]:
    return [f"{k.label}. {' '.join(k.text)}" for k in draft_text(ws, SLUG).find("d3").unit.children]


def test_a_split_clause_and_the_clauses_renumbered_after_it_are_accepted_as_word_reads_them(
        tmp_workspace: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The proposal kept the circulated labels (1, 2, 3, 4, 4, 5), its summary left the renumbering out, and accepting
    # it was refused: “Khoản 4 Điều 3 appears twice”.
    document = kit.open_docx(copy_docx)
    _split_k3(document)
    _relabel(document, K4, "4", "5")
    _relabel(document, K5, "5", "6")
    comments = kit.imported_by_provision(invoke, tmp_workspace, SLUG, kit.save(document, tmp_path / "r.docx"), BODY)
    (c,) = comments.values()
    assert c["provision"] == "d3"
    labels = [line.split(" ", 1)[0] for line in c["proposal"].split("\n")[1:]]
    assert labels == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert c["proposal"].split("\n")[3:5] == [K3, "4. " + K3_SECOND.strip()]
    assert c["text"].endswith("đánh số lại khoản 4 thành khoản 5; đánh số lại khoản 5 thành khoản 6.")
    before = _clauses(tmp_workspace)
    # An amending document renumbers no existing provision unless the drafter chooses to (DOMAIN.md): the review
    # server's Accept says so, and the drafter's `amend from-edits --allow-renumber` writes the proposal as it reads.
    with pytest.raises(Worded, match="renumbers existing provisions of Điều 3"):
        accept_proposal(tmp_workspace, SLUG, c["id"])
    draft = draft_text(tmp_workspace, SLUG)
    d3 = Address.parse("d3")
    units, _ = map_units(draft.units, d3, lambda _unit: (proposed_unit(c["proposal"], d3, "vi"),))
    from_edits(tmp_workspace, SLUG, edited=render(draft.with_units(units)).encode("utf-8"), allow_renumber=True)
    after = _clauses(tmp_workspace)
    assert [line.split(".", 1)[0] for line in after] == ["1", "2", "3", "4", "5", "6"]
    assert after[2:] == [K3, "4. " + K3_SECOND.strip(), "5" + before[3][1:], "6" + before[4][1:]]
    checked = invoke(tmp_workspace, "amend", "check", SLUG)
    assert checked.exit_code == 0, checked.output
    assert "Điều 3" not in checked.output and "appears twice" not in checked.output


def test_a_reply_that_only_renumbers_a_clause_is_a_proposal(
        tmp_workspace: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Refused: “holds no Word comments and no tracked changes; nothing was imported”.
    document = kit.open_docx(copy_docx)
    _relabel(document, K5, "5", "6")
    comments = kit.imported_by_provision(invoke, tmp_workspace, SLUG, kit.save(document, tmp_path / "r.docx"), BODY)
    (c,) = comments.values()
    assert c["provision"] == "d3"
    assert c["text"] == "Đề nghị sửa như sau: đánh số lại khoản 5 thành khoản 6."
    assert [line[:2] for line in c["proposal"].split("\n")[1:]] == ["1.", "2.", "3.", "4.", "6."]


def test_a_renumbering_is_said_in_english_and_a_label_struck_out_as_deleted() -> None:
    old = "Article 3. Rules\n1. A.\n2. B."
    assert describe_change(old, old, "en", [("2. ", "3. ")]) == "Proposed wording: renumber clause 2 as clause 3."
    assert describe_change(old, old, "vi", [("a) ", "b) "), ("2. ", "")]) == \
        "Đề nghị sửa như sau: đánh số lại điểm a thành điểm b; bỏ “2.”."
