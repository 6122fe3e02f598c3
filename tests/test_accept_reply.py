"""Accepting a proposal without a reply answers the comment with where its wording went, so that the comment
report's answer column does not read a bare "Tiếp thu"."""

from __future__ import annotations

import csv
import io

from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

BODY = "Ban Tổ chức Tỉnh ủy"
TITLE = "Điều 7. Chức trách, nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"


def _comment(ws: Workspace, on: str, proposal: str) -> str:
    return rounds.add_comment(ws, SHIPPED_AMENDMENT, BODY, on, "Đề nghị chỉnh sửa.", proposal=proposal).id


def test_an_accepted_proposal_without_a_reply_names_the_provision_changed(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", [BODY])
    quiet = _comment(ws, "d7.title", TITLE)
    accepted = accept_proposal(ws, SHIPPED_AMENDMENT, quiet)  # the review server's Accept, its reply left empty
    assert accepted.comment.reply == "Đã chỉnh sửa tên Điều 7 của dự thảo theo đề xuất."

    result = invoke(ws, "round", "report", SHIPPED_AMENDMENT, "-o", str(ws.root / "out" / "bao-cao.csv"))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((ws.root / "out" / "bao-cao.csv").read_text(encoding="utf-8-sig"))))
    assert any("Đã chỉnh sửa tên Điều 7 của dự thảo theo đề xuất." in row for row in rows), rows


def test_a_reply_given_with_the_accept_is_kept_as_written(tmp_workspace: Workspace) -> None:
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", [BODY])
    said = _comment(ws, "d7.title", TITLE)
    accepted = accept_proposal(ws, SHIPPED_AMENDMENT, said, "Tiếp thu nguyên văn.")
    assert accepted.comment.reply == "Tiếp thu nguyên văn."
