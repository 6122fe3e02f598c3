"""A proposal typed as one line for a clause with points is not accepted as the whole clause: accepted, the
amendment read `“1\\. Tổ chuyên gia có ít nhất 03 thành viên.”` and the clause's points a)–c) were gone."""

from __future__ import annotations

import pytest

from regdraft.core.address import Address
from regdraft.core.amend.proposal import labels_of, left_out, proposed_unit
from regdraft.core.errors import Worded
from regdraft.core.word_diff import DiffSegment
from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, SHIPPED_AMENDMENT, needs_corpus

BODY = "Ban Tổ chức Tỉnh ủy"
ONE_LINE = "Ban Chấp hành Đảng bộ tỉnh họp hai tháng một lần."


@needs_corpus
def test_one_line_for_the_clause_luat_57_rewrites_leaves_out_its_points() -> None:
    # Khoản 1 Điều 19 of Luật Đấu thầu as Luật 57/2024 writes it: a lead-in and points a), b), c).
    amending = (SHARED / "corpus" / "amendments" / "luat-dau-thau-2023" / "amending-57-2024-QH15.txt")
    lines = amending.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("“1. Tổ chuyên gia gồm"))
    written = "\n".join(lines[start:start + 4]).strip("“”.")
    address = Address.parse("khoản 1 Điều 19")
    clause = proposed_unit(written, address, "vi")
    assert [p.label for p in clause.children] == ["a", "b", "c"]
    typed = "Tổ chuyên gia có ít nhất 03 thành viên."
    lost = left_out(clause, typed, proposed_unit(typed, address, "vi"))
    assert labels_of(lost, "vi") == "a)–c)"
    # Written whole from its label, or with points of its own, it says what it keeps.
    for whole in ("1. " + typed, typed + "\na) Chủ đầu tư thành lập;"):
        assert left_out(clause, whole, proposed_unit(whole, address, "vi")) == ()


def test_accepting_one_line_typed_for_a_clause_with_points_is_refused(tmp_workspace: Workspace) -> None:
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", [BODY])
    # The address written in words, the editor left empty: one line typed for the clause.
    comment = rounds.add_comment(ws, SHIPPED_AMENDMENT, BODY, "khoản 1 Điều 12", "Họp thường xuyên hơn.",
                                 proposal=ONE_LINE)
    before = ws.resolve("HEAD").sha
    amendment = ws.path(f"amendments/{SHIPPED_AMENDMENT}/amendment.md").read_text("utf-8")
    with pytest.raises(Worded) as refused:
        accept_proposal(ws, SHIPPED_AMENDMENT, comment.id)
    assert refused.value.case == "drops_points" and refused.value.fields["labels"] == "a)–c)"
    assert "has no points a)–c) of khoản 1 Điều 12" in str(refused.value)
    assert ws.resolve("HEAD").sha == before
    assert ws.path(f"amendments/{SHIPPED_AMENDMENT}/amendment.md").read_text("utf-8") == amendment
    assert not rounds.load_comments(ws, SHIPPED_AMENDMENT)[0].disposition


def test_the_report_strikes_out_the_points_such_a_proposal_would_delete(tmp_workspace: Workspace) -> None:
    # Shown as a free text of its own (it shares few words with the clause), the loss went unseen.
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", [BODY])
    rounds.add_comment(ws, SHIPPED_AMENDMENT, BODY, "d12.k1", "Họp thường xuyên hơn.", proposal=ONE_LINE)
    (group,) = [g for g in rounds.build_report(ws, SHIPPED_AMENDMENT).groups if g.on == "d12.k1"]
    marked: tuple[DiffSegment, ...] = group.rows[0].marked
    deleted = " ".join(s.text for s in marked if s.op == "delete")
    assert "Chuyên đề để thảo luận, quyết định những vấn đề quan trọng" in deleted   # point c)
    assert "hai" in " ".join(s.text for s in marked if s.op == "insert")
