"""A member takes back their own comment in the browser while the office has not answered it: there was no way to
(app.py had add, respond and accept), and a typo or a duplicate stayed counted until the office answered it. The
comment stays in the record as withdrawn, as `regdraft comment respond ID withdrawn` records it."""

from __future__ import annotations

import html
import re

from regdraft.core.comments import Disposition
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import build_report, find_comment, load_comments, respond_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, entered, head, sent, token

COMMENTS = f"/a/{SLUG}/comments?round=1"



def _withdraw_forms(page: str) -> list[str]:
    return re.findall(r'action="/a/[^"]+/comments/([0-9a-f]+)/withdraw"', page)


def test_a_member_withdraws_their_own_unanswered_comment_and_it_stays_in_the_record(review_ws: Workspace) -> None:
    _, an_link = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, binh_link = invite(review_ws, "Trần Thị Bình", BODIES[1])
    an, binh = entered(review_ws, an_link), entered(review_ws, binh_link)
    typo = sent(an, text="Đề nghị làm rõ thời hạn bao cáo.")
    answered = sent(an, text="Đề nghị bổ sung điểm mới.")
    other = sent(binh, body=BODIES[1], text="Ý kiến của Ban Kiểm tra.")
    # The comments page offers An the control for An's own comments only, and says what it does.
    page = an.get(COMMENTS)
    assert sorted(_withdraw_forms(page.text)) == sorted([typo, answered])
    assert "Rút ý kiến này" in page.text and "hoặc sửa nội dung ý kiến" in html.unescape(page.text)
    assert _withdraw_forms(binh.get(COMMENTS).text) == [other]

    # Bình cannot withdraw An's comment, nor can a form without the page's token: nothing written.
    before = head(review_ws)
    refused = binh.post(f"/a/{SLUG}/comments/{typo}/withdraw", data={"csrf": token(binh, COMMENTS)})
    assert refused.status_code == 403 and "chỉ người đã gửi ý kiến mới rút được" in html.unescape(refused.text)
    assert an.post(f"/a/{SLUG}/comments/{typo}/withdraw", data={"csrf": "forged"}).status_code == 403
    assert head(review_ws) == before

    # An withdraws: one commit by An, the comment kept word for word and answered as withdrawn.
    done = an.post(f"/a/{SLUG}/comments/{typo}/withdraw", data={"csrf": token(an, COMMENTS)})
    assert done.status_code == 303 and "withdrawn=1" in done.headers["location"]
    assert len(list(review_ws.repo.iter_commits(f"{before}..HEAD"))) == 1
    assert review_ws.repo.head.commit.author.name == "Nguyễn Văn An"
    _, kept = find_comment(review_ws, typo, SLUG)
    assert kept.disposition is Disposition.WITHDRAWN and kept.text == "Đề nghị làm rõ thời hạn bao cáo."
    notice = an.get(done.headers["location"])
    assert f"Đã rút ý kiến {typo}" in html.unescape(notice.text)
    assert typo not in _withdraw_forms(notice.text)
    # Sent twice (Back, then Send): nothing more written.
    after = head(review_ws)
    again = an.post(f"/a/{SLUG}/comments/{typo}/withdraw", data={"csrf": token(an, COMMENTS)})
    assert again.status_code == 303 and head(review_ws) == after

    # Once the office has answered, the comment is An's no longer to take back: refused, saying why.
    respond_comment(review_ws, answered, "noted", "Đã ghi nhận.", SLUG)
    assert answered not in _withdraw_forms(an.get(COMMENTS).text)
    after = head(review_ws)
    late = an.post(f"/a/{SLUG}/comments/{answered}/withdraw", data={"csrf": token(an)})
    assert late.status_code == 409 and head(review_ws) == after
    assert f"Cơ quan soạn thảo đã trả lời ý kiến {answered} nên không thể rút" in html.unescape(late.text)
    assert find_comment(review_ws, answered, SLUG)[1].disposition is Disposition.NOTED

    # The report still lists all three, counting the withdrawn one apart.
    assert len(load_comments(review_ws, SLUG)) == 3
    report = build_report(review_ws, SLUG, 1)
    assert report.withdrawn == 1 and sum(len(g.rows) for g in report.groups) == 3
