"""What a committee member reads on the review pages is theirs to use: the form comparing two versions by their codes
("So sánh dự thảo tại phiên bản [mã phiên bản] với [dự thảo đang soạn]") was shown to members, who have no version
code and are refused the working draft it compares with (403); commit ids ("mã phiên bản 9360867") closed the
redline they read."""

from __future__ import annotations

import html

from regdraft.workspace.access import invite
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, entered

REDLINE = f"/a/{SLUG}/redline?round=1"


def test_a_member_is_not_offered_the_comparison_by_version_codes(review_ws: Workspace) -> None:
    _, member = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, office = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    page = html.unescape(entered(review_ws, member).get(REDLINE).text)
    assert 'name="from"' not in page and "mã phiên bản" not in page.split('class="metadata-line"')[0]
    assert "Vòng 1 (Dự thảo lần" in page  # the rounds' drafts are still offered
    drafted = html.unescape(entered(review_ws, office).get(REDLINE).text)
    assert 'name="from"' in drafted and "So sánh dự thảo tại phiên bản" in drafted
