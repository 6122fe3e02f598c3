"""Access links: invited people only, reviewers only for their body, drafters alone answer."""

from __future__ import annotations

import re

from regdraft.web.guard import ACCESS_COOKIE
from regdraft.workspace.access import invite, links, lookup, revoke
from regdraft.workspace.rounds import add_comment, load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import BODIES, SLUG, client, comment_form, head, token


def _enter(ws: Workspace, secret: str):  # type: ignore[no-untyped-def]
    c = client(ws, links=True)
    opened = c.get(f"/access/{secret}")
    assert opened.status_code == 303 and opened.headers["location"] == "/"
    return c


def test_invite_stores_only_the_hash_and_revoke_removes_it(review_ws: Workspace, invoke: Invoke) -> None:
    before = head(review_ws)
    link, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    config = review_ws.path("regdraft.yaml").read_text(encoding="utf-8")
    assert secret not in config and link.token_sha256 in config
    assert config.startswith("# regdraft workspace settings") or "identity:" in config  # the rest is kept
    assert review_ws.repo.git.rev_list(f"{before}..HEAD").count("\n") == 0  # one commit
    assert lookup(review_ws, secret) == link and lookup(review_ws, secret + "x") is None
    out = invoke(review_ws, "review", "invite", "--name", "Trần Thị Bình", "--role", "drafter", "--url",
                 "http://10.1.2.3:8421/")
    assert out.exit_code == 0, out.output
    printed = re.search(r"http://10\.1\.2\.3:8421/access/([A-Za-z0-9_-]{40,})", out.output)
    assert printed and lookup(review_ws, printed.group(1)) is not None
    assert [x.name for x in links(review_ws)] == ["Nguyễn Văn An", "Trần Thị Bình"]
    listed = invoke(review_ws, "review", "links")
    assert link.key in listed.output and printed.group(1) not in listed.output
    gone = invoke(review_ws, "review", "revoke", link.key)
    assert gone.exit_code == 0 and "Nguyễn Văn An" in gone.output
    assert lookup(review_ws, secret) is None and len(links(review_ws)) == 1
    assert invoke(review_ws, "review", "revoke", "nobody").exit_code == 2  # an unknown link id
    reviewer_without_body = invoke(review_ws, "review", "invite", "--name", "X")
    assert reviewer_without_body.exit_code == 2 and "--body" in reviewer_without_body.output


def test_without_a_link_nothing_is_shown(review_ws: Workspace) -> None:
    invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = client(review_ws, links=True)
    for url in ("/", f"/a/{SLUG}/redline", f"/a/{SLUG}/comments", f"/a/{SLUG}/report", f"/a/{SLUG}/report.csv"):
        page = c.get(url, headers={"host": "review.office.local"})
        assert page.status_code == 401 and "Cần đường dẫn truy cập" in page.text, url
        assert "01-QC/TU" not in page.text
        # Nor is the visitor named: they were told they were the drafting office "on this machine".
        assert 'class="who"' not in page.text and "trên máy này" not in page.text, url
    for url in ("/access/not-a-token", "/no/such/page"):
        page = c.get(url, headers={"host": "review.office.local"})
        assert page.status_code in (401, 403) and 'class="who"' not in page.text, url
    assert c.get("/access/not-a-token").status_code == 403


def test_reviewer_comments_only_as_their_body_and_cannot_answer(review_ws: Workspace) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = _enter(review_ws, secret)
    page = c.get(f"/a/{SLUG}/redline").text
    assert f'name="body" value="{BODIES[0]}" readonly' in page and 'value="Nguyễn Văn An" readonly' in page
    before = head(review_ws)
    other = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), body=BODIES[1], text="Giả danh."))
    assert other.status_code == 403 and "Đường dẫn truy cập này dành cho Ban Tổ chức Tỉnh ủy" in other.text
    assert "Giả danh." in other.text and head(review_ws) == before
    own = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), name="Tên khác", text="Góp ý thật."))
    assert own.status_code == 303
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.by == BODIES[0]
    assert review_ws.repo.git.log("-1", "--format=%an") == "Nguyễn Văn An"   # the link's person, not the field
    answers = c.get(f"/a/{SLUG}/comments").text
    assert "/respond" not in answers and "/accept" not in answers
    before = head(review_ws)
    for action in ("respond", "accept"):
        refused = c.post(f"/a/{SLUG}/comments/{comment.id}/{action}",
                         data={"csrf": token(c), "disposition": "accepted", "reply": "x"})
        assert refused.status_code == 403 and "Chỉ cơ quan soạn thảo mới tiếp thu, giải trình ý kiến" in refused.text
    assert head(review_ws) == before


def test_drafter_link_answers_under_their_name(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.")
    _, secret = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    c = _enter(review_ws, secret)
    done = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                  data={"csrf": token(c, f"/a/{SLUG}/comments"), "disposition": "noted", "reply": "Ghi nhận."})
    assert done.status_code == 303
    assert review_ws.repo.git.log("-1", "--format=%an") == "Chánh Văn phòng"


def test_a_revoked_link_stops_working(review_ws: Workspace) -> None:
    link, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = _enter(review_ws, secret)
    assert c.get("/").status_code == 200
    revoke(review_ws, link.key)
    assert c.get("/").status_code == 401


def test_serving_the_network_needs_links(review_ws: Workspace, invoke: Invoke) -> None:
    refused = invoke(review_ws, "review", "--host", "0.0.0.0")
    assert refused.exit_code == 1 and "access link" in refused.output


def test_links_mode_accepts_any_host_name(review_ws: Workspace) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = _enter(review_ws, secret)
    assert c.get("/", headers={"host": "10.0.0.5:8421"}).status_code == 200


def test_the_access_cookie_is_sent_on_a_link_opened_from_another_site(review_ws: Workspace) -> None:
    # SameSite=Strict: a link clicked in webmail (another site) landed on "Cần đường dẫn truy cập", reloads too.
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = client(review_ws, links=True)
    entered = c.get(f"/access/{secret}")
    assert entered.status_code == 303
    (cookie,) = [v for v in entered.headers.get_list("set-cookie") if v.startswith(f"{ACCESS_COOKIE}=")]
    assert "samesite=lax" in cookie.lower() and "httponly" in cookie.lower()


def test_a_link_of_someone_else_asks_before_the_browser_changes_identity(review_ws: Workspace) -> None:
    """Login CSRF: any site sent a member's browser to another member's link and the access cookie was replaced,
    silently; what the member wrote next was recorded under the other name and body."""
    _, binh = invite(review_ws, "Trần Thị Bình", BODIES[1])
    _, evil = invite(review_ws, "Kẻ Xấu", BODIES[2])
    c = _enter(review_ws, binh)  # the member's own link, first opened from an email (another site): no question
    cross_site = {"sec-fetch-site": "cross-site", "referer": "http://evil.example/login.html"}
    asked = c.get(f"/access/{evil}", headers=cross_site)
    assert asked.status_code == 200 and ACCESS_COOKIE not in asked.headers.get("set-cookie", "")
    assert "Trần Thị Bình (Ủy ban Kiểm tra Tỉnh ủy), người góp ý" in asked.text
    assert "Kẻ Xấu (Văn phòng Tỉnh ủy), người góp ý" in asked.text and "Đổi người góp ý?" in asked.text
    assert "Trần Thị Bình" in c.get("/").text  # nothing changed
    # A form from another site cannot answer the question (no CSRF cookie, another origin).
    outsider = client(review_ws, links=True)
    outsider.cookies.set(ACCESS_COOKIE, binh)
    assert outsider.post(f"/access/{evil}", data={"csrf": "x"}, headers={"origin": "http://evil.example"}
                         ).status_code == 403
    # The member's own choice, from the page, switches.
    found = re.search(r'name="csrf" value="([^"]+)"', asked.text)
    assert found and f'action="/access/{evil}"' in asked.text
    switched = c.post(f"/access/{evil}", data={"csrf": found.group(1)})
    assert switched.status_code == 303 and "Kẻ Xấu" in c.get("/").text
    # The same link again, or a link in a browser with no (or a revoked) identity, signs in at once.
    assert c.get(f"/access/{evil}", headers=cross_site).status_code == 303
    assert client(review_ws, links=True).get(f"/access/{binh}", headers=cross_site).status_code == 303


def test_a_form_opened_before_the_browser_switched_person_says_so(review_ws: Workspace) -> None:
    """A tab opened as An, sent after the browser switched to Bình, was refused as a form from before a restart of
    the server; its advice, to reopen the page and send again, filed An's comment under Bình's name and body."""
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, binh = invite(review_ws, "Trần Thị Bình", BODIES[1])
    c = _enter(review_ws, an)
    old_tab = token(c)  # the redline, opened as An
    asked = c.get(f"/access/{binh}")
    found = re.search(r'name="csrf" value="([^"]+)"', asked.text)
    assert found and c.post(f"/access/{binh}", data={"csrf": found.group(1)}).status_code == 303
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(old_tab, text="Ý kiến gửi từ tab cũ của An."))
    assert sent.status_code == 403 and load_comments(review_ws, SLUG) == []
    assert "Trình duyệt đã chuyển sang người khác" in sent.text
    assert "khởi động lại" not in sent.text and "Biểu mẫu đã hết hạn" not in sent.text
    page = " ".join(sent.text.split())
    assert ("Trang này được mở với tư cách Nguyễn Văn An (Ban Tổ chức Tỉnh ủy), người góp ý, nhưng sau đó trình "
            "duyệt này đã chuyển sang Trần Thị Bình (Ủy ban Kiểm tra Tỉnh ủy), người góp ý, nên góp ý về khoản 2 "
            "Điều 5 chưa được lưu.") in page
    assert ("ý kiến sẽ được ghi là của Trần Thị Bình (Ủy ban Kiểm tra Tỉnh ủy), người góp ý; muốn gửi với tư cách "
            "Nguyễn Văn An, xin mở lại đường dẫn truy cập của Nguyễn Văn An trước.") in page
    assert "Ý kiến gửi từ tab cũ của An." in sent.text  # kept to copy
    # A token of no one of this browser (a restarted server, a revoked link) is still an expired form.
    revoke(review_ws, links(review_ws)[0].key)
    again = c.post(f"/a/{SLUG}/comments", data=comment_form(old_tab))
    assert again.status_code == 403 and "Biểu mẫu đã hết hạn" in again.text
    stranger = c.post(f"/a/{SLUG}/comments", data=comment_form("0" * 64))
    assert stranger.status_code == 403 and "Biểu mẫu đã hết hạn" in stranger.text
