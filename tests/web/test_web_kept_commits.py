"""Pages of two drafts are built, checked and kept for commits, never for the names typed in the address (r30 sweep
AO, D2): `Server.cached` and the kept pages were keyed by `?from=b2` as typed, so after the branch moved a reviewer
was handed the redline the drafting office had opened of a draft never circulated."""

from __future__ import annotations

from starlette.testclient import TestClient

from regdraft.web.app import create_app
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import load_rounds
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, LOCAL, SLUG, edit_draft, head

OLD = "“c) Thảo luận, cho ý kiến về"
SAVED = "“c) ĐÃ-LƯU-CHƯA-GỬI Thảo luận, cho ý kiến về"  # committed, never circulated


def _entered(app: object, ws: Workspace, name: str, body: str, role: str) -> TestClient:
    """A browser of the one server `app`, signed in with a new access link."""
    _, secret = invite(ws, name, body, role)
    c = TestClient(app, base_url=LOCAL, follow_redirects=False)  # type: ignore[arg-type]
    assert c.get(f"/access/{secret}").status_code == 303
    return c


def test_a_branch_moved_between_two_requests_shows_no_reviewer_an_uncirculated_draft(review_ws: Workspace) -> None:
    circulated = review_ws.resolve(load_rounds(review_ws, SLUG)[0].revision).sha
    app = create_app(review_ws.root, links=True)
    drafter = _entered(app, review_ws, "Chánh Văn phòng", "", "drafter")
    reviewer = _entered(app, review_ws, "Nguyễn Văn An", BODIES[0], "reviewer")
    edit_draft(review_ws, OLD, SAVED)
    saved = head(review_ws)
    review_ws.repo.git.branch("-f", "b2", saved)
    address = f"/a/{SLUG}/redline?from=b2&to={circulated}"
    assert "ĐÃ-LƯU-CHƯA-GỬI" in drafter.get(address).text
    review_ws.repo.git.branch("-f", "b2", circulated)  # the name now names the circulated draft
    shown = reviewer.get(address)
    assert shown.status_code == 200
    assert "ĐÃ-LƯU-CHƯA-GỬI" not in shown.text and saved[:7] not in shown.text
    assert reviewer.get(f"/a/{SLUG}/redline?from={saved}&to={circulated}").status_code == 403


def test_a_drafter_s_comparison_follows_the_branch_it_names(review_ws: Workspace) -> None:
    circulated = review_ws.resolve(load_rounds(review_ws, SLUG)[0].revision).sha
    edit_draft(review_ws, OLD, SAVED)
    saved = head(review_ws)
    app = create_app(review_ws.root, links=True)
    drafter = _entered(app, review_ws, "Chánh Văn phòng", "", "drafter")
    review_ws.repo.git.branch("-f", "b1", circulated)
    address = f"/a/{SLUG}/redline?from=b1"
    before = drafter.get(address).text
    assert circulated[:7] in before
    review_ws.repo.git.branch("-f", "b1", saved)
    after = drafter.get(address).text
    assert saved[:7] in after and circulated[:7] not in after
    # The page of a name is the page of its commit, byte for byte (forms' tokens aside: one browser, one token).
    assert drafter.get(f"/a/{SLUG}/redline?from={saved}").text == after
