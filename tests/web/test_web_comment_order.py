"""The review server lists a member's comments sent in one second in the order they were sent (`core.comment_order`),
and they stay the member's own: counted toward their bound and theirs to withdraw (the fix of round 30 wrote the
place in `order`, an import's field, and the server took them for imported)."""

from __future__ import annotations

import html
import re

from regdraft.workspace.access import invite
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.test_comment_order import one_second  # noqa: F401 (a fixture: one second, falling ids)
from tests.web.conftest import BODIES, SLUG, comment_form, entered, review_setting, token

COMMENTS = f"/a/{SLUG}/comments?round=1"


def test_a_members_comments_sent_in_one_second_are_listed_as_sent_and_stay_theirs(
        review_ws: Workspace, one_second: None) -> None:  # noqa: F811
    review_setting(review_ws, "comments_per_member: 3")
    _, link = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    an = entered(review_ws, link)
    said = [f"Góp ý thứ {n} về thời hạn báo cáo." for n in (1, 2, 3)]
    sent = []
    for text in said:
        answer = an.post(f"/a/{SLUG}/comments", data=comment_form(token(an), text=text))
        assert answer.status_code == 303, html.unescape(answer.text)
        added = re.search(r"added=([0-9a-f]+)", answer.headers["location"])
        assert added is not None
        sent.append(added[1])
    assert sent == ["fff0", "ffe0", "ffd0"]
    page = html.unescape(an.get(COMMENTS).text)
    assert sorted(said, key=page.index) == said
    # Each is An's to withdraw, in the order of the page, and the three use up An's bound.
    assert re.findall(r'action="/a/[^"]+/comments/([0-9a-f]+)/withdraw"', page) == sent
    refused = an.post(f"/a/{SLUG}/comments", data=comment_form(token(an), text="Góp ý thứ tư."))
    assert refused.status_code == 403 and "đã gửi 3 ý kiến" in html.unescape(refused.text)
    assert [c.sequence for c in load_comments(review_ws, SLUG)] == [0, 1, 2]
