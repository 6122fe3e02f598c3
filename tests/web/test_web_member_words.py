"""What a committee member reads on the review pages is theirs to use: the form comparing two versions by their codes
("So sánh dự thảo tại phiên bản [mã phiên bản] với [dự thảo đang soạn]") was shown to members, who have no version
code and are refused the working draft it compares with (403); commit ids ("mã phiên bản 9360867") closed the
redline they read."""

from __future__ import annotations

import html
import re

from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment, respond_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, entered, head

REDLINE = f"/a/{SLUG}/redline?round=1"


def test_a_member_is_not_offered_the_comparison_by_version_codes(review_ws: Workspace) -> None:
    _, member = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, office = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    page = html.unescape(entered(review_ws, member).get(REDLINE).text)
    assert 'name="from"' not in page and "mã phiên bản" not in page.split('class="metadata-line"')[0]
    assert "Vòng 1 (Dự thảo lần" in page  # the rounds' drafts are still offered
    drafted = html.unescape(entered(review_ws, office).get(REDLINE).text)
    assert 'name="from"' in drafted and "So sánh dự thảo tại phiên bản" in drafted


def _metadata(page: str) -> str:
    found = re.search(r'<p class="metadata-line">(.*?)</p>', page, re.S)
    assert found, "no metadata line"
    return html.unescape(found.group(1))


def test_a_member_reads_the_versions_by_draft_and_date_not_commit_ids(review_ws: Workspace) -> None:
    _, member = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, office = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    commit = head(review_ws)
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.")
    respond_comment(review_ws, comment.id, "accepted", "", SLUG, accepted_in=commit)
    an, drafter = entered(review_ws, member), entered(review_ws, office)
    line = _metadata(an.get(REDLINE).text)
    assert line.startswith("Các phiên bản được so sánh: 01-QC/TU (Văn bản hiện hành): ")
    assert "05-QC/TU (Dự thảo lần 2): " in line and "mã phiên bản" not in line and commit[:7] not in line
    assert "mã phiên bản" in _metadata(drafter.get(REDLINE).text)  # the office keeps the commits read
    # Nor does the comments page give a member the commit that wrote a proposal in.
    said = html.unescape(an.get(f"/a/{SLUG}/comments?round=1").text)
    assert "Đã sửa vào dự thảo." in said and commit[:7] not in said
    assert commit[:7] in drafter.get(f"/a/{SLUG}/comments?round=1").text
