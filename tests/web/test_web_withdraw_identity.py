"""Who may withdraw a comment on the review pages: the link that sent it, never a name (r31 sweep AS 2, 3, 4).

A member's comment was theirs by name: a second link for "NGUYỄN  VĂN AN" (two members of a body may share the name)
withdrew Nguyễn Văn An's comment, recorded as An's own withdrawal with An as the commit's author; so did a drafter's
link of that name; a reply the office had recorded without a disposition was replaced by the withdrawal; and a paper
comment the office typed at the terminal under An's name was An's to withdraw, and counted toward An's bound. Each
comment sent through a link now records the link's id (`link:`), and only that link withdraws it.
"""

from __future__ import annotations

import html
import re

import yaml
from starlette.testclient import TestClient

from regdraft.core.comments import Disposition
from regdraft.workspace.access import invite, token_hash
from regdraft.workspace.rounds import add_comment, find_comment, load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import BODIES, SLUG, comment_form, entered, head, review_setting, sent, token

COMMENTS = f"/a/{SLUG}/comments?round=1"



def _withdraw_forms(page: str) -> list[str]:
    return re.findall(r'action="/a/[^"]+/comments/([0-9a-f]+)/withdraw"', page)


def _file(ws: Workspace, cid: str) -> str:
    return ws.path(f"amendments/{SLUG}/comments/{cid}.yaml").read_text(encoding="utf-8")


def _withdraw(c: TestClient, cid: str) -> tuple[int, str]:
    answer = c.post(f"/a/{SLUG}/comments/{cid}/withdraw", data={"csrf": token(c)})
    return answer.status_code, html.unescape(answer.text)


def test_a_namesakes_link_or_a_drafters_does_not_withdraw_a_members_comment(review_ws: Workspace) -> None:
    an_link, an_token = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, namesake_token = invite(review_ws, "NGUYỄN  VĂN AN", BODIES[0])  # another member of the body, same name
    _, office_token = invite(review_ws, "Nguyễn Văn An", "", role="drafter")
    an, namesake, office = (entered(review_ws, t) for t in (an_token, namesake_token, office_token))
    mine = sent(an, text="Ý kiến của anh An thứ nhất.")
    # The namesake's page offers no withdrawal of An's comment, and a form sent anyway is refused: nothing written.
    assert _withdraw_forms(namesake.get(COMMENTS).text) == []
    before = head(review_ws)
    status, page = _withdraw(namesake, mine)
    assert status == 403 and f"Ý kiến {mine} không phải do anh/chị gửi qua trang góp ý này" in page
    # The office's link of the same name is refused too, told to answer it through the answer form instead.
    assert _withdraw_forms(office.get(COMMENTS).text) == []
    status, page = _withdraw(office, mine)
    assert status == 403 and "cơ quan soạn thảo ghi ý kiến là đã rút bằng mẫu trả lời" in page
    assert "“Đã rút ý kiến”" in page
    assert head(review_ws) == before and find_comment(review_ws, mine, SLUG)[1].disposition is None
    # The comment's file says which link sent it: its id, never the token nor the token's hash.
    text = _file(review_ws, mine)
    assert yaml.safe_load(text)["link"] == an_link.key and find_comment(review_ws, mine, SLUG)[1].link == an_link.key
    assert an_token not in text and token_hash(an_token) not in text

    # The namesake sending An's very words is recorded (their own comment), not told it was sent before; and it is
    # theirs to withdraw, not An's.
    theirs = sent(namesake, text="Ý kiến của anh An thứ nhất.")
    assert theirs != mine and len(load_comments(review_ws, SLUG)) == 2
    assert _withdraw_forms(an.get(COMMENTS).text) == [mine]
    assert _withdraw_forms(namesake.get(COMMENTS).text) == [theirs]
    # An withdraws An's own: recorded as before, by An.
    status, _ = _withdraw(an, mine)
    assert status == 303 and find_comment(review_ws, mine, SLUG)[1].disposition is Disposition.WITHDRAWN
    assert find_comment(review_ws, theirs, SLUG)[1].disposition is None


def test_the_member_bound_counts_the_comments_of_the_link_not_of_the_name(review_ws: Workspace) -> None:
    review_setting(review_ws, "comments_per_member: 1")
    _, an_token = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, namesake_token = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    # A paper comment the office typed under An's name is the office's record: not sent by An through the pages.
    add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Ý kiến anh An gửi bằng văn bản.", person="Nguyễn Văn An",
                force=True)
    an, namesake = entered(review_ws, an_token), entered(review_ws, namesake_token)
    sent(an, text="Góp ý của người thứ nhất.")
    sent(namesake, text="Góp ý của người thứ hai.")  # refused as An's second comment before
    refused = an.post(f"/a/{SLUG}/comments", data=comment_form(token(an), text="Góp ý thứ hai của người thứ nhất."))
    assert refused.status_code == 403 and "đã gửi 1 ý kiến" in html.unescape(refused.text)
    assert len(load_comments(review_ws, SLUG)) == 3


def test_a_reply_the_office_recorded_without_a_disposition_is_an_answer(review_ws: Workspace) -> None:
    _, an_token = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    an = entered(review_ws, an_token)
    cid = sent(an, text="Đề nghị làm rõ thời hạn báo cáo.")
    relative = f"amendments/{SLUG}/comments/{cid}.yaml"
    text = _file(review_ws, cid)
    assert "reply: null" in text
    reply = "Văn phòng đang xin ý kiến lãnh đạo, sẽ trả lời sau."
    review_ws.commit({relative: text.replace("reply: null", f"reply: {reply}").encode("utf-8")}, "Office note")
    # No withdrawal offered, and one sent from a page loaded before is refused: the office's reply kept.
    assert _withdraw_forms(an.get(COMMENTS).text) == []
    before = head(review_ws)
    status, page = _withdraw(an, cid)
    assert status == 409 and f"Cơ quan soạn thảo đã trả lời ý kiến {cid} nên không thể rút" in page
    kept = find_comment(review_ws, cid, SLUG)[1]
    assert head(review_ws) == before and kept.reply == reply and kept.disposition is None


def test_a_comment_the_office_typed_under_a_members_name_is_not_theirs_to_withdraw(review_ws: Workspace) -> None:
    # The office transcribed An's paper comment at the terminal (`comment add --by BODY`, An the person): it has no
    # place in an import and no source, and was An's to withdraw. So is one sent through the pages before links were
    # recorded: neither has a link, and a namesake could have sent it, so the page says to ask the office.
    _, an_token = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    typed = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Ý kiến anh An gửi bằng văn bản, văn phòng ghi lại.",
                        person="Nguyễn Văn An", force=True)
    assert typed.link == "" and "link" not in yaml.safe_load(_file(review_ws, typed.id))  # written as before
    an = entered(review_ws, an_token)
    page = html.unescape(an.get(COMMENTS).text)
    assert _withdraw_forms(page) == []
    assert "Ý kiến này mang tên anh/chị nhưng không được gửi qua đường dẫn góp ý của anh/chị" in page
    before = head(review_ws)
    status, said = _withdraw(an, typed.id)
    assert status == 403 and f"Ý kiến {typed.id} không được gửi qua đường dẫn góp ý của anh/chị" in said
    assert "muốn rút, xin liên hệ cơ quan soạn thảo" in said
    assert head(review_ws) == before and find_comment(review_ws, typed.id, SLUG)[1].disposition is None


def test_invite_warns_of_another_link_for_the_same_name_and_body(review_ws: Workspace, invoke: Invoke) -> None:
    first = invoke(review_ws, "review", "invite", "--name", "Nguyễn Văn An", "--body", BODIES[0])
    assert first.exit_code == 0 and "Warning" not in first.output, first.output
    key = re.search(r"Access link ([0-9a-f]{8})", first.output)
    assert key
    other_body = invoke(review_ws, "review", "invite", "--name", "Nguyễn Văn An", "--body", BODIES[1])
    assert other_body.exit_code == 0 and "Warning" not in other_body.output, other_body.output
    second = invoke(review_ws, "review", "invite", "--name", "NGUYỄN  VĂN AN", "--body", BODIES[0])
    assert second.exit_code == 0, second.output  # made all the same: two members may share a name
    said = " ".join(second.output.split())
    assert (f"Warning: NGUYỄN VĂN AN ({BODIES[0]}) has another access link already: {key.group(1)} (Nguyễn Văn An, "
            "reviewer).") in said
    assert f"revoke the old one (regdraft review revoke {key.group(1)})" in said
    assert "/access/" in second.output


def test_a_link_written_into_a_comment_by_hand_does_not_make_it_the_members(review_ws: Workspace,
                                                                            invoke: Invoke) -> None:
    """A link's id is public (regdraft.yaml lists it): a received file naming B's link on a comment the office typed
    let B withdraw it, in a commit authored by B (r32 sweep AW F6). The comment must also carry B's name and not be
    imported; `check` names a link that is no link's id, or that regdraft.yaml does not list."""
    b_link, b_token = invite(review_ws, "Lê Văn Cường", BODIES[0])
    b = entered(review_ws, b_token)
    typed = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Ý kiến chính thức của Ban do văn phòng nhập.")
    imported = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Ý kiến trong bảng tổng hợp của Ban.",
                           person="Lê Văn Cường")
    odd = add_comment(review_ws, SLUG, BODIES[0], "general", "Ý kiến chung của Ban.")
    gone = add_comment(review_ws, SLUG, BODIES[0], "general", "Ý kiến gửi qua một đường dẫn đã thu hồi.")
    forged = {typed.id: f"link: '{b_link.key}'\n", imported.id: f"link: '{b_link.key}'\norder: 1\n",
              odd.id: "link: [a, b]\n", gone.id: "link: 0badc0de\n"}
    review_ws.commit({f"amendments/{SLUG}/comments/{cid}.yaml": (_file(review_ws, cid) + added).encode("utf-8")
                      for cid, added in forged.items()}, "Received from a colleague")
    assert _withdraw_forms(b.get(COMMENTS).text) == []
    before = head(review_ws)
    for cid in (typed.id, imported.id):
        status, page = _withdraw(b, cid)
        assert status == 403 and f"Ý kiến {cid} không phải do anh/chị gửi qua trang góp ý này" in page
    assert head(review_ws) == before
    assert all(c.disposition is None for c in load_comments(review_ws, SLUG))
    mine = sent(b, text="Ý kiến của anh Cường.")  # B's own is B's to withdraw, as before
    assert _withdraw_forms(b.get(COMMENTS).text) == [mine]
    checked = invoke(review_ws, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 1 and "Traceback" not in said, said
    # The line of `link:` in each file (a comment written in the same second as another has a `sequence:` line more).
    at = {cid: 1 + [line.startswith("link:") for line in _file(review_ws, cid).splitlines()].index(True)
          for cid in (odd.id, gone.id)}
    assert (f"comments/{odd.id}.yaml:{at[odd.id]}: 'link: ['a', 'b']' is not the id of an access link (8 hexadecimal "
            "digits, as the review server writes it), so the comment is read as sent through none.") in said
    assert (f"comments/{gone.id}.yaml:{at[gone.id]}: warning: comment {gone.id} by {BODIES[0]} was sent through the "
            "access link "
            "0badc0de, which regdraft.yaml does not list") in said
    assert f"comments/{typed.id}.yaml" not in said and f"comments/{mine}.yaml" not in said
