"""A wording proposed for a whole article without its heading line (`Điều 9. …`) is asked about while its author can
still be asked: accepting it is refused ("must begin with its heading line"), and before, nothing flagged it when it
was recorded (`loss` read it as losing nothing), neither `comment add` nor `check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.amend.proposal import loss
from regdraft.core.model import Regulation
from regdraft.workspace import circulated, rounds
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import REPO_ROOT, Invoke

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
ONE_LINE = "Bí thư Tỉnh ủy chủ trì, lãnh đạo toàn diện hoạt động của Ban Chấp hành Đảng bộ tỉnh."
SAID = "must begin with its heading line “Điều 9. …”"
LOST = "clauses 1, 2, 3, 4, 5, 6 of Điều 9 would be removed"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-03-15", (BODY,))
    return ws


def _draft(ws: Workspace) -> Regulation:
    r = rounds.load_rounds(ws, SLUG)[0]
    return rounds.draft_text(ws, SLUG, r.revision, circulated.regulation_key(ws, SLUG, r.revision, None))


def test_a_one_line_wording_for_an_article_is_a_loss_saying_its_heading_line_is_needed(ws: Workspace) -> None:
    draft = _draft(ws)
    lost = loss(draft, "d9", ONE_LINE)
    assert lost is not None and lost.heading and SAID in lost.sentence() and LOST in lost.sentence()
    # Written from its heading line, or with its number alone, nothing is lost.
    assert loss(draft, "d9", "Điều 9. Trách nhiệm của Bí thư Tỉnh ủy\n1. " + ONE_LINE) is None


def test_comment_add_and_check_warn_about_an_article_wording_without_its_heading_line(ws: Workspace,
                                                                                   invoke: Invoke) -> None:
    added = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "Điều 9", "--text", "Viết gọn Điều 9.",
                   "--proposal", ONE_LINE)
    assert added.exit_code == 0, added.output
    (comment,) = rounds.load_comments(ws, SLUG)
    assert comment.proposal == ONE_LINE  # recorded as written
    warning = next(line for line in added.output.splitlines() if "warning:" in line)
    assert f"the proposal of comment {comment.id} by {BODY} for Điều 9 does not begin with its heading line" in warning
    assert SAID in warning and LOST in warning
    checked = invoke(ws, "check")
    assert f"amendments/{SLUG}/comments/{comment.id}.yaml" in checked.output and SAID in checked.output
    rounds.respond_comment(ws, comment.id, "rejected", "Giữ như dự thảo.", SLUG)
    assert SAID not in invoke(ws, "check").output
