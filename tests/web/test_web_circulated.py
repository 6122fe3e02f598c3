"""A reviewer sees the drafts circulated in rounds and comparisons between them, never the office's working draft
nor a commit or branch it did not circulate (sweep r22 s7lan defect 5: `?from=HEAD` showed a reviewer the office's
uncommitted edits); the drafting office sees every version."""

from __future__ import annotations

from html import escape
from pathlib import Path

from starlette.testclient import TestClient

from regdraft.web.words import Words
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import close_round, load_rounds, open_round
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import BODIES, SLUG, client, edit_draft

OLD = "“c) Thảo luận, cho ý kiến về"
SAVED = "“c) ĐÃ-LƯU-CHƯA-GỬI Thảo luận, cho ý kiến về"  # committed, never circulated
TYPED = "“c) BÍ-MẬT-ĐANG-SOẠN Thảo luận, cho ý kiến về"  # in the working tree only
REFUSED = escape(Words.of("vi")("circulated_only"))


def _enter(ws: Workspace, name: str, body: str, role: str = "reviewer") -> TestClient:
    _, secret = invite(ws, name, body, role)
    c = client(ws, links=True)
    assert c.get(f"/access/{secret}").status_code == 303
    return c


def test_a_reviewer_sees_only_circulated_drafts(review_ws: Workspace) -> None:
    first = load_rounds(review_ws, SLUG)[0].revision
    reviewer = _enter(review_ws, "Nguyễn Văn An", BODIES[0])
    drafter = _enter(review_ws, "Chánh Văn phòng", "", "drafter")
    edit_draft(review_ws, OLD, SAVED)
    # A drafter's comparison fills the server's page cache first: the reviewer asking for it is still refused.
    assert "ĐÃ-LƯU-CHƯA-GỬI" in drafter.get(f"/a/{SLUG}/redline?from={first}&to=HEAD").text
    for query in (f"from={first}&to=HEAD", "from=HEAD", f"to={first}", "from=HEAD&to=HEAD", "from=main&to=main",
                  f"from={first[:10]}", "from=nonexist&to=nonexist"):
        page = reviewer.get(f"/a/{SLUG}/redline?{query}")
        assert page.status_code == 403 and REFUSED in page.text, query
        assert "ĐÃ-LƯU" not in page.text
    edit_draft(review_ws, SAVED, TYPED, commit=False)
    for query in ("from=HEAD", f"from={first}"):
        page = reviewer.get(f"/a/{SLUG}/redline?{query}")
        assert page.status_code == 403 and REFUSED in page.text and "BÍ-MẬT" not in page.text, query
    # The round's page and the comparison of circulated drafts stay open to the reviewer.
    shown = reviewer.get(f"/a/{SLUG}/redline")
    assert shown.status_code == 200 and "Thảo luận, cho ý kiến về" in shown.text
    assert "BÍ-MẬT" not in shown.text and "ĐÃ-LƯU" not in shown.text
    same = reviewer.get(f"/a/{SLUG}/redline?from={first}&to={first}")
    assert same.status_code == 200 and "ĐÃ-LƯU" not in same.text
    # The drafting office sees the working draft and any version: by its link or on this machine.
    for office in (drafter, client(review_ws)):
        page = office.get(f"/a/{SLUG}/redline?from=HEAD")
        assert page.status_code == 200 and "BÍ-MẬT-ĐANG-SOẠN" in page.text


def test_a_reviewer_compares_two_circulated_rounds(review_ws: Workspace) -> None:
    first = load_rounds(review_ws, SLUG)[0].revision
    edit_draft(review_ws, OLD, SAVED)
    edit_draft(review_ws, "\ndraft: 2\n", "\ndraft: 3\n")
    close_round(review_ws, SLUG, 1)
    second = open_round(review_ws, SLUG, "Vòng 2", "2025-04-15", BODIES).revision
    reviewer = _enter(review_ws, "Nguyễn Văn An", BODIES[0])
    page = reviewer.get(f"/a/{SLUG}/redline?from={first}&to={second}")
    assert page.status_code == 200 and "ĐÃ-LƯU-CHƯA-GỬI" in page.text
    assert reviewer.get(f"/a/{SLUG}/redline?from={second}").status_code == 403  # to the working draft


def test_a_reviewer_sees_no_draft_before_a_round(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    reviewer = _enter(ws, "Nguyễn Văn An", BODIES[0])
    page = reviewer.get(f"/a/{SLUG}/redline")
    assert page.status_code == 403 and "chưa được gửi lấy ý kiến" in page.text
    assert client(ws).get(f"/a/{SLUG}/redline").status_code == 200
