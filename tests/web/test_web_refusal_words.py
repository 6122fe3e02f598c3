"""The refusals a committee member meets on a phone, in their terms (r38 sweep BU, finding 6): a form expired
because the phone dropped its session cookie, a link revoked, a round the draft does not have, a badge on comments
already answered."""

from __future__ import annotations

import html
import re

from regdraft.web.guard import ACCESS_COOKIE, CSRF_COOKIE
from regdraft.workspace.access import invite, revoke
from regdraft.workspace.rounds import add_comment, respond_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, comment_form, entered, token


def _said(page: str) -> str:
    return " ".join(html.unescape(page).split())


def test_a_form_expired_by_a_restarted_phone_names_the_phone_not_only_the_server(review_ws: Workspace) -> None:
    """The CSRF cookie lives as long as the browser: a phone restarted overnight drops it, and the page blamed a
    restart of the review server for what the phone did."""
    for language, causes, kept in (
            ("vi", ("trang đã mở từ lâu", "trình duyệt hay điện thoại đã tắt rồi mở lại",
                    "máy chủ góp ý vừa khởi động lại"), "góp ý về khoản 2 Điều 5 chưa được lưu"),
            ("en", ("the page was opened long ago", "the browser or phone was closed and opened again",
                    "the review server was restarted"), "the comment on clause 2, Article 5 was not recorded")):
        c = client(review_ws)
        csrf = token(c, f"/a/{SLUG}/redline?lang={language}")
        c.cookies.delete(CSRF_COOKIE)  # the phone was restarted: its session cookies are gone
        refused = c.post(f"/a/{SLUG}/comments?lang={language}",
                         data=comment_form(csrf, on="khoản 2 Điều 5", text="Gõ tối qua."))
        assert refused.status_code == 403
        page = _said(refused.text)
        assert all(cause in page for cause in causes), page
        assert kept in page and "Gõ tối qua." in page  # what it offered is kept: the text, the way back
        assert re.search(rf'href="/a/{SLUG}/redline\?round=1#on-d5\.k2[^"]*" id="back"', refused.text)
        assert "opened before the review server restarted" not in page
        assert "được mở trước khi máy chủ góp ý khởi động lại" not in page


def test_a_revoked_link_is_said_on_the_first_page_and_no_link_leads_back_to_it(review_ws: Workspace) -> None:
    link, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = entered(review_ws, secret)
    assert c.get("/").status_code == 200
    revoke(review_ws, link.key)
    for address in ("/", f"/a/{SLUG}/redline", "/no/such/page"):
        page = c.get(address)
        said = _said(page.text)
        assert page.status_code == 401, address
        assert "Đường dẫn đã bị thu hồi hoặc bị gõ sai; xin liên hệ cơ quan soạn thảo" in said, address
        assert "Xin mở lại đường dẫn đó" not in said, address
        assert 'href="/"' not in page.text, address  # "Về trang chủ" was this same refusal again
    # A browser that never had a link is asked for it, with no link to the start page either.
    fresh = client(review_ws, links=True)
    asked = fresh.get("/")
    assert asked.status_code == 401 and "Xin mở lại đường dẫn đó" in _said(asked.text)
    assert 'href="/"' not in asked.text
    # The revoked link opened again: refused, and the start page is offered only to a browser signed in otherwise.
    again = fresh.get(f"/access/{secret}")
    assert again.status_code == 403 and "thu hồi" in again.text and 'href="/"' not in again.text
    _, other = invite(review_ws, "Trần Thị Bình", BODIES[1])
    signed_in = entered(review_ws, other)
    assert signed_in.cookies.get(ACCESS_COOKIE)
    elsewhere = signed_in.get(f"/access/{secret}")
    assert elsewhere.status_code == 403 and 'href="/"' in elsewhere.text


def test_a_round_the_draft_lacks_is_named_with_the_draft_as_the_pages_name_it(review_ws: Workspace) -> None:
    c = client(review_ws)
    for shown in ("redline", "comments", "report"):
        page = c.get(f"/a/{SLUG}/{shown}?round=9")
        said = _said(page.text)
        assert page.status_code == 404, shown
        assert "Dự thảo Quy chế số 05-QC/TU không có vòng lấy ý kiến 9." in said, (shown, said)
        assert f"“{SLUG}”" not in said, shown
    english = _said(c.get(f"/a/{SLUG}/redline?round=9&lang=en").text)
    assert "The draft Quy chế số 05-QC/TU has no round 9." in english and f"'{SLUG}'" not in english


def test_a_badge_says_the_comments_on_it_were_answered(review_ws: Workspace) -> None:
    """"1 ý kiến · không thay đổi" on a comment answered "Tiếp thu" read as nothing done with it."""
    first = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.")
    add_comment(review_ws, SLUG, BODIES[1], "d6", "Đề nghị bỏ.")
    second = add_comment(review_ws, SLUG, BODIES[2], "d6", "Đề nghị giữ.")
    respond_comment(review_ws, first.id, "accepted", "Tiếp thu.")
    respond_comment(review_ws, second.id, "noted", "Ghi nhận.")
    c = client(review_ws)

    def badge(on: str, lang: str = "vi") -> str:
        text = c.get(f"/a/{SLUG}/redline?lang={lang}").text
        found = re.search(rf'<a class="badge [^"]*" aria-label="[^"]*" '
                          rf'href="[^"]*#on-{re.escape(on)}"[^>]*>([^<]*)</a>',
                          text)
        assert found, on
        return found.group(1)

    assert badge("d5.k2") == "1 ý kiến · đã trả lời"
    assert badge("d6") == "2 ý kiến · 1 đã trả lời, không thay đổi"
    assert badge("d5.k2", "en") == "1 comment · answered"
