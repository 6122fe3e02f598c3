"""The refusals a committee member meets on a phone, in their terms (r38 sweep BU, finding 6): a form expired
because the phone dropped its session cookie."""

from __future__ import annotations

import html
import re

from regdraft.web.guard import CSRF_COOKIE
from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG, client, comment_form, token


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
