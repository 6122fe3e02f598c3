"""The review server's forms: comment, answer, accept a proposal; and every refusal, which writes nothing."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.comments import anchor_text
from regdraft.workspace.rounds import add_comment, close_round, draft_text, find_round, load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import unsaid
from tests.web.conftest import (
    BODIES,
    SLUG,
    client,
    comment_form,
    edit_draft,
    head,
    loaded,
    token,
)


def _files(ws: Workspace, sha: str) -> list[str]:
    return str(ws.repo.git.show("--name-only", "--format=", sha)).split()


def test_a_comment_is_written_as_comment_add_writes_it(review_ws: Workspace) -> None:
    c = client(review_ws)
    before = head(review_ws)
    proposal = "2. Thực hiện chế độ báo cáo định kỳ với Ban Chấp hành Đảng bộ tỉnh."
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), proposal=proposal, type="editorial"))
    assert sent.status_code == 303
    (comment,) = load_comments(review_ws, SLUG)
    assert sent.headers["location"] == f"/a/{SLUG}/redline?round=1&added={comment.id}#on-d5.k2"
    relative = f"amendments/{SLUG}/comments/{comment.id}.yaml"
    data = yaml.safe_load(review_ws.path(relative).read_text(encoding="utf-8"))
    circulated = draft_text(review_ws, SLUG, find_round(review_ws, SLUG).revision)
    assert data["anchor"] == anchor_text(circulated, "d5.k2")       # the exact text commented on
    assert (data["by"], data["provision"], data["type"]) == (BODIES[0], "d5.k2", "editorial")
    assert data["proposal"] == proposal
    assert review_ws.path(relative).read_text(encoding="utf-8") == comment_to_yaml(comment)
    # One commit, holding that one file, authored by the person, with comment add's message.
    assert review_ws.repo.git.rev_list(f"{before}..HEAD").split() == [head(review_ws)]
    assert _files(review_ws, "HEAD") == [relative]
    author = review_ws.repo.git.log("-1", "--format=%an|%s")
    assert author == f"Nguyễn Văn An|Comment {comment.id} on {SLUG} d5.k2 by {BODIES[0]}"
    # The same comment recorded on the command line has the same keys, in the same order.
    cli = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ thời hạn báo cáo.", proposal, "editorial",
                      force=True)
    cli_keys = list(yaml.safe_load(review_ws.path(f"amendments/{SLUG}/comments/{cli.id}.yaml").read_text()).keys())
    # and the person's name besides (the CLI's comment names none): it was only the commit's author. The CLI's
    # comment, recorded in the same second as the page's when the machine is quick, then takes `sequence: 1`.
    cli_keys = [key for key in cli_keys if key != "sequence"]
    assert data["author"] == "Nguyễn Văn An" and [key for key in data if key != "author"] == cli_keys
    assert f"Đã lưu góp ý {comment.id}." in c.get(sent.headers["location"]).text


def test_a_title_typed_into_the_provision_field_is_commented_on(review_ws: Workspace) -> None:
    # The page offers whole provisions to click; a title (`tên Điều 7`), like any part, is typed into the field.
    c = client(review_ws)
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="tên Điều 7", text="Đề nghị sửa tên Điều."))
    assert sent.status_code == 303, sent.text
    (comment,) = load_comments(review_ws, SLUG)
    assert (comment.on, comment.anchor) == ("d7.title", "Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên")
    untitled = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d31.title", text="x"))
    assert untitled.status_code == 400 and "Điều 31" in untitled.text


def test_refused_comment_shows_the_reason_and_keeps_the_text(review_ws: Workspace) -> None:
    c = client(review_ws)
    before = head(review_ws)
    typed = "Một góp ý dài, gõ cẩn thận <b>không được mất</b>."
    wrong_body = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), body="Sở Tài chính", text=typed,
                                                                   proposal="2. Đề xuất mới."))
    assert wrong_body.status_code == 400
    assert "“Sở Tài chính” không có trong danh sách cơ quan, đơn vị được lấy ý kiến tại vòng 1" in wrong_body.text
    assert "Một góp ý dài, gõ cẩn thận &lt;b&gt;không được mất&lt;/b&gt;." in wrong_body.text
    assert "2. Đề xuất mới." in wrong_body.text
    no_name = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), name="  ", text=typed))
    assert no_name.status_code == 400 and "Xin ghi họ và tên" in no_name.text
    bad_provision = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d99.k1", text=typed))
    assert bad_provision.status_code == 400 and "Điều 99" in bad_provision.text and "gõ cẩn thận" in bad_provision.text
    assert head(review_ws) == before and load_comments(review_ws, SLUG) == []


def test_round_closed_meanwhile(review_ws: Workspace) -> None:
    c = client(review_ws)
    csrf = token(c)                 # the page was opened while the round was open
    close_round(review_ws, SLUG)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(csrf, text="Gửi sau khi đóng vòng."))
    assert refused.status_code == 409
    page = html.unescape(refused.text)
    # The document by its number and title, not its slug.
    assert ("Vòng lấy ý kiến 1 về 05-QC/TU “Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp "
            "hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025” đã kết thúc, chỉ để xem") in page
    assert "qc-sua-doi-2025”" not in page
    # Said at the top, where the page opens, with what was typed: on a phone the panel below the document was
    # 31,000 px down, and nothing at the top said the comment was not saved.
    notice = page.index('id="not-saved"')
    assert notice < page.index("Căn cứ Điều lệ Đảng") and "Góp ý CHƯA được lưu." in page[notice:notice + 400]
    assert notice < page.index("Gửi sau khi đóng vòng.") < page.index("Căn cứ Điều lệ Đảng")
    assert head(review_ws) == before


def test_csrf_is_required_on_every_form(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.", proposal="2. Mới.")
    c = client(review_ws)
    good = token(c)
    before = head(review_ws)
    for url, data in ((f"/a/{SLUG}/comments", comment_form("")),
                      (f"/a/{SLUG}/comments", comment_form("0" * 64)),
                      (f"/a/{SLUG}/comments/{comment.id}/respond", {"csrf": "x", "disposition": "noted"}),
                      (f"/a/{SLUG}/comments/{comment.id}/accept", {"reply": "ok"})):
        refused = c.post(url, data=data)
        assert refused.status_code == 403 and "Biểu mẫu đã hết hạn" in refused.text, url
    # A token is bound to its browser: another client's cookie does not match it.
    other = client(review_ws)
    other.get("/")
    assert other.post(f"/a/{SLUG}/comments", data=comment_form(good)).status_code == 403
    # A form posted from another site is refused even with the right token.
    foreign = c.post(f"/a/{SLUG}/comments", data=comment_form(good), headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403
    assert head(review_ws) == before


def test_request_size_is_bounded(review_ws: Workspace) -> None:
    c = client(review_ws)
    before = head(review_ws)
    huge = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="x" * 2_000_000))
    assert huge.status_code == 413 and "; chưa có gì được lưu" in huge.text
    assert head(review_ws) == before


def test_answering_records_disposition_and_reply(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.")
    c = client(review_ws)
    done = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                  data={"csrf": token(c), "disposition": "partly", "reply": "Tiếp thu một phần, sửa khoản 2."})
    assert done.status_code == 303 and done.headers["location"].endswith(f"#c-{comment.id}-saved")
    (answered,) = load_comments(review_ws, SLUG)
    assert answered.disposition is not None and answered.disposition.value == "partly"
    assert answered.reply == "Tiếp thu một phần, sửa khoản 2."
    assert _files(review_ws, "HEAD") == [f"amendments/{SLUG}/comments/{comment.id}.yaml"]
    page = c.get(done.headers["location"]).text
    assert "<strong>Tiếp thu một phần</strong>: Tiếp thu một phần, sửa khoản 2." in page
    missing = c.post(f"/a/{SLUG}/comments/{comment.id}/respond", data={"csrf": token(c), "disposition": "",
                                                                        "reply": "Lời đáp giữ lại"})
    assert missing.status_code == 400 and "Lời đáp giữ lại" in missing.text
    assert ("Xin chọn kết quả tiếp thu: Tiếp thu, Tiếp thu một phần, Không tiếp thu, Ghi nhận hoặc Đã rút ý kiến"
            in missing.text)
    assert c.post(f"/a/{SLUG}/comments/zzzz/respond", data={"csrf": token(c)}).status_code == 400


def test_accepting_a_proposal_changes_the_amendment_in_one_commit_naming_the_comment(review_ws: Workspace) -> None:
    proposal = ("b) Định kỳ hằng quý, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh "
                "và kết quả thực hiện các nghị quyết, chỉ thị của Đảng;")
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Đề nghị báo cáo hằng quý.", proposal=proposal)
    c = client(review_ws)
    before = head(review_ws)
    done = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={"csrf": token(c), "reply": "Tiếp thu."})
    assert done.status_code == 303
    first, second = review_ws.repo.git.rev_list("--reverse", f"{before}..HEAD").split()
    assert _files(review_ws, first) == [f"amendments/{SLUG}/amendment.md"]
    assert comment.id in review_ws.repo.git.log("-1", "--format=%s", first)
    assert _files(review_ws, second) == [f"amendments/{SLUG}/comments/{comment.id}.yaml"]
    (accepted,) = load_comments(review_ws, SLUG)
    assert accepted.disposition is not None and accepted.disposition.value == "accepted"
    assert accepted.accepted_in == first and accepted.reply == "Tiếp thu."
    draft = draft_text(review_ws, SLUG)
    assert draft.find("d5.k2.b").unit.text == (proposal[3:],)
    # The comment is the recorded reason of the instruction that writes it, and the comparison table says so.
    from regdraft.render.redline import render_html
    from regdraft.workspace.amendments import load
    from regdraft.workspace.redline import build

    amendment = load(review_ws, SLUG)
    reason = f"Tiếp thu ý kiến của {BODIES[0]} (ý kiến {comment.id})."
    on_clause = [ins for ins in amendment.leaves() if "khoản 2 Điều 5" in ins.text]
    assert on_clause and all(amendment.reason(ins) == reason for ins in on_clause)
    assert [ins for ins in amendment.leaves() if amendment.reason(ins)] == on_clause
    assert f"Lý do: {reason}" in render_html(build(review_ws, "01-QC/TU"), layout="table")
    page = c.get(done.headers["location"]).text
    # The link reads as the page it opens names the version: by its 7-character short id (it read 8 before).
    assert f'href="/a/{SLUG}/redline?from={first}~1&amp;to={first}">{first[:7]}</a>' in page
    shown = unsaid(c.get(f"/a/{SLUG}/redline?from={first}~1&to={first}").text)
    read = re.sub(r"<[^>]*>", " ", shown)  # what the page reads: the link to the other language keeps the address
    assert first[:7] in read and first[:8] not in read
    assert re.search(r'<ins class="ins">[^<]*hằng quý', shown)
    # Members read it: each draft by its short commit id (the one before the change by its own), never git's
    # `~1` nor forty characters; the page's title cut by no `…`; the draft named by its own document, which cites
    # the text it amends, not `số 01-QC/TU`, the regulation's number, as if the draft carried it.
    parent = review_ws.resolve(f"{first}~1").short
    text = _plain(shown)
    assert f"Dự thảo tại phiên bản {parent} so với {first[:7]}" in text
    assert "~1" not in text and first not in text and first[:8] not in text
    assert (f"Dự thảo tại phiên bản {first[:7]} Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban "
            f"Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025 (05-QC/TU) với Dự thảo tại phiên bản {parent} "
            "Quy chế sửa đổi, bổ sung") in text
    assert "số 01-QC/TU" not in text.split("Ký hiệu:")[0]
    title = re.search(r"<title>(.*?)</title>", shown, re.S)
    assert title is not None and "…" not in title[1] and first[:7] in title[1] and parent in title[1]


def _plain(page: str) -> str:
    """A page's words, without its tags and styles."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", page, flags=re.S))).split())


def test_accept_refused_over_uncommitted_edits_keeps_the_reply(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Sửa.", proposal="b) Báo cáo hằng quý;")
    edit_draft(review_ws, "Định kỳ 6 tháng, một năm", "Định kỳ hằng tháng", commit=False)
    c = client(review_ws)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/accept",
                     data={"csrf": token(c, f"/a/{SLUG}/comments"), "reply": "Trả lời đã gõ"})
    assert refused.status_code == 409
    assert "uncommitted changes to amendments/qc-sua-doi-2025/amendment.md" in refused.text
    assert "Trả lời đã gõ" in refused.text
    assert head(review_ws) == before and load_comments(review_ws, SLUG)[0].disposition is None


def test_a_proposal_that_is_no_provision_is_refused(review_ws: Workspace) -> None:
    # A wording labelled as another provision is refused when the comment is made (the browser kept khoản 9's
    # wording when the member clicked khoản 8, and the comment was filed on khoản 8): the member sees why.
    from regdraft.core.errors import UsageError

    with pytest.raises(UsageError, match="begins “c\\) Một điểm khác hẳn.”, which is not điểm b khoản 2 Điều 5"):
        add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Sửa.", proposal="c) Một điểm khác hẳn.")
    c = client(review_ws)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d5.k2.b", text="Sửa điểm này.",
                                                               proposal="9. Một khoản khác hẳn."))
    assert refused.status_code == 400 and "không phải điểm b khoản 2 Điều 5 đang góp ý" in refused.text
    assert "bằng tiếng Anh" not in refused.text
    assert "Sửa điểm này." in refused.text and "9. Một khoản khác hẳn." in refused.text  # the typed text kept
    assert head(review_ws) == before
    # A wording without a label of its own is the body's words, kept as they are.
    assert add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Sửa.", proposal="Báo cáo hằng quý.").proposal


def test_a_wording_opening_as_the_point_and_adding_another_names_the_added_line(review_ws: Workspace) -> None:
    # "c) …; / d) Cơ sở." proposed on điểm c: the page said the wording did not begin with điểm c, which it does;
    # the reason (it adds a point d) was left out, and the member could not tell to comment on the clause instead.
    c = client(review_ws)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d5.k2.b", text="Tách điểm.",
                                                               proposal="b) Nội dung mới;\nc) Một điểm thêm."))
    assert refused.status_code == 400
    text = html.unescape(refused.text)
    assert "Đề xuất sửa thành cho điểm b khoản 2 Điều 5 có thêm dòng “c) Một điểm thêm.”" in text
    assert "xin góp ý vào khoản 2 Điều 5 và viết đề xuất cho cả khoản 2 Điều 5" in text
    assert "bắt đầu bằng" not in text and "Tách điểm." in text
    assert head(review_ws) == before


def test_a_proposal_made_before_the_provision_changed_is_not_written_over_the_change(review_ws: Workspace) -> None:
    # Accepting a second proposal on a provision already rewritten by an accepted one silently undid the first.
    text = ("b) Định kỳ hằng quý, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh "
            "và kết quả thực hiện các nghị quyết, chỉ thị của Đảng;")
    first = add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Hằng quý.", proposal=text)
    second = add_comment(review_ws, SLUG, BODIES[1], "d5.k2.b", "Hằng tháng.",
                         proposal=text.replace("hằng quý", "hằng tháng"))
    c = client(review_ws)
    assert c.post(f"/a/{SLUG}/comments/{first.id}/accept", data={"csrf": token(c)}).status_code == 303
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments/{second.id}/accept", data={"csrf": token(c, f"/a/{SLUG}/comments")})
    assert refused.status_code == 422
    # In the page's words, the provision cited as a reader cites it (it was the library's English).
    page = " ".join(html.unescape(refused.text).split())
    assert f"Nội dung điểm b khoản 2 Điều 5 đã được sửa sau khi có ý kiến {second.id}" in page
    assert "has changed since comment" not in page and "bằng tiếng Anh" not in page
    assert head(review_ws) == before
    assert "hằng quý" in draft_text(review_ws, SLUG).find("d5.k2.b").unit.text[0]


def test_a_proposal_in_free_words_for_a_whole_article_is_refused_in_the_page_words(review_ws: Workspace) -> None:
    # A body's sheet may propose free words for an article: kept as the body wrote them, but accepting them
    # cannot replace the article (its heading line is missing). The refusal was the library's English.
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5", "Viết lại.",
                          proposal="Ban Chấp hành làm việc theo quy chế.")
    c = client(review_ws)
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={"csrf": token(c, f"/a/{SLUG}/comments")})
    page = " ".join(html.unescape(refused.text).split())
    assert refused.status_code == 400
    assert f"Câu chữ đề xuất của ý kiến {comment.id} không đọc được là Điều 5" in page
    assert f"regdraft amend from-edits {SLUG}" in page
    assert head(review_ws) == before


def test_a_comment_whose_wording_is_in_the_draft_cannot_be_answered_as_not_taken_in(review_ws: Workspace) -> None:
    # "Không tiếp thu: đổi ý" was recorded beside "Đã sửa vào dự thảo", the wording still in the draft.
    from regdraft.workspace.rounds import respond_comment

    proposal = ("b) Định kỳ hằng quý, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh "
                "và kết quả thực hiện các nghị quyết, chỉ thị của Đảng;")
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Đề nghị báo cáo hằng quý.", proposal=proposal)
    c = client(review_ws)
    assert c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={"csrf": token(c)}).status_code == 303
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments/{comment.id}/respond",
                     data={**loaded(c, comment.id), "disposition": "rejected", "reply": "Đổi ý."})
    page = " ".join(html.unescape(refused.text).split())
    assert refused.status_code == 409 and "Đổi ý." in page
    assert f"Đề xuất của ý kiến {comment.id} đã được đưa vào dự thảo" in page and "dự thảo vẫn giữ nội dung đó" in page
    assert "the draft still holds it" not in page
    assert head(review_ws) == before
    # Answered again as partly accepted, it keeps the commit that wrote it.
    assert respond_comment(review_ws, comment.id, "partly", "Tiếp thu một phần.", SLUG).accepted_in
    # Once the wording is out of the draft (the point written back as it was), it can be answered so.
    text = review_ws.path(f"amendments/{SLUG}/amendment.md").read_text(encoding="utf-8")
    review_ws.commit({f"amendments/{SLUG}/amendment.md": text.replace("Định kỳ hằng quý, một năm",
                                                                       "Định kỳ 6 tháng, một năm").encode()},
                     "Take the wording out")
    with_draft = draft_text(review_ws, SLUG).find("d5.k2.b").unit.text[0]
    assert "hằng quý" not in with_draft
    answered = respond_comment(review_ws, comment.id, "rejected", "Không tiếp thu.", SLUG)
    assert answered.disposition is not None and answered.disposition.value == "rejected" and not answered.accepted_in


def test_a_comment_of_a_closed_round_answered_from_an_old_page_says_why_and_keeps_the_reply(
        review_ws: Workspace) -> None:
    # With round 2 open, the refusal showed round 2's page: no reason, and the typed reply gone.
    from regdraft.workspace.lifecycle import set_status
    from regdraft.workspace.rounds import open_round

    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.", proposal="2. Mới.")
    c = client(review_ws)
    csrf = token(c)
    close_round(review_ws, SLUG)
    set_status(review_ws, SLUG, None, draft=3)
    open_round(review_ws, SLUG, "Vòng 2", "2099-04-15", BODIES)
    before = head(review_ws)
    for action in ("respond", "accept"):
        refused = c.post(f"/a/{SLUG}/comments/{comment.id}/{action}",
                         data={"csrf": csrf, "disposition": "noted", "reply": "Lời đáp đã gõ"})
        assert refused.status_code == 409
        page = refused.text
        assert f'id="c-{comment.id}"' in page and "đã kết thúc, chỉ để xem" in page  # round 1's page, the reason
        assert re.search(r'role="alert">[^<]*đã kết thúc', page)
        assert "Nội dung giải trình chưa được lưu" in page and ">Lời đáp đã gõ</textarea>" in page
    assert head(review_ws) == before


def test_closed_round_cannot_be_answered(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.", proposal="2. Mới.")
    c = client(review_ws)
    csrf = token(c)
    close_round(review_ws, SLUG)
    before = head(review_ws)
    for action in ("respond", "accept"):
        refused = c.post(f"/a/{SLUG}/comments/{comment.id}/{action}", data={"csrf": csrf, "disposition": "noted"})
        assert refused.status_code == 409 and "đã kết thúc, chỉ để xem" in refused.text
    assert head(review_ws) == before


def test_a_form_signed_before_a_restart_shows_what_was_typed(review_ws: Workspace) -> None:
    # The server signs forms anew when it restarts: the refusal said to reload, which gave an empty form.
    old = client(review_ws)
    signed = token(old)
    restarted = client(review_ws)  # a new server: a new secret
    restarted.cookies.update(old.cookies)
    before = head(review_ws)
    refused = restarted.post(f"/a/{SLUG}/comments", data=comment_form(signed, text="Góp ý đã gõ dài.",
                                                                      proposal="2. Lời văn đề xuất."))
    assert refused.status_code == 403 and "Biểu mẫu đã hết hạn" in refused.text
    assert ">Góp ý đã gõ dài.</textarea>" in refused.text and ">2. Lời văn đề xuất.</textarea>" in refused.text
    assert head(review_ws) == before
    # A form from another site is not shown back.
    foreign = restarted.post(f"/a/{SLUG}/comments", data=comment_form(signed, text="Từ trang khác."),
                             headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403 and "Từ trang khác." not in foreign.text


def test_two_accepted_proposals_on_one_instruction_give_it_two_sentences_of_reason(review_ws: Workspace) -> None:
    # Luật Công đoàn's review: two accepted comments on clauses of one inserted article gave the reason
    # "… (ý kiến be81).; Tiếp thu …" in the front matter and the comparison table's note column.
    from regdraft.workspace.amendments import load

    first = add_comment(review_ws, SLUG, BODIES[0], "d20a.k1", "Đề nghị sửa.", proposal=(
        "1. Văn bản, tài liệu phục vụ hội nghị Ban Chấp hành, Ban Thường vụ, Thường trực Tỉnh ủy được gửi qua hệ "
        "thống thông tin điện tử của Tỉnh ủy, trừ văn bản, tài liệu mật."))
    second = add_comment(review_ws, SLUG, BODIES[1], "d20a.k3", "Đề nghị sửa.", proposal=(
        "3. Văn phòng Tỉnh ủy chủ trì quản lý, vận hành hệ thống thông tin điện tử của Tỉnh ủy; bảo đảm an toàn, "
        "an ninh thông tin và bảo vệ bí mật của Đảng, Nhà nước."))
    c = client(review_ws)
    for comment in (first, second):
        done = c.post(f"/a/{SLUG}/comments/{comment.id}/accept", data={"csrf": token(c), "reply": "Tiếp thu."})
        assert done.status_code == 303, done.text
    amendment = load(review_ws, SLUG)
    (article,) = [ins for ins in amendment.leaves() if "Điều 20a" in ins.text]
    assert amendment.reason(article) == (f"Tiếp thu ý kiến của {BODIES[0]} (ý kiến {first.id}). "
                                         f"Tiếp thu ý kiến của {BODIES[1]} (ý kiến {second.id}).")


def test_a_proposal_the_draft_already_reads_as_is_accepted_without_writing_anything(review_ws: Workspace) -> None:
    # Luật Công đoàn's review: a second body proposed, word for word, what an accepted comment had already written;
    # accepting it was refused ("… đã được sửa sau khi có ý kiến …: đưa vào bây giờ sẽ làm mất phần đã sửa"), though
    # nothing would be lost, and the office had to answer it with `comment respond`.
    text = ("b) Định kỳ hằng quý, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh "
            "và kết quả thực hiện các nghị quyết, chỉ thị của Đảng;")
    first = add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Hằng quý.", proposal=text)
    second = add_comment(review_ws, SLUG, BODIES[1], "d5.k2.b", "Cũng đề nghị hằng quý.", proposal=text)
    third = add_comment(review_ws, SLUG, BODIES[2], "d5.k2.b", "Hằng quý nữa.", proposal=text)
    c = client(review_ws)
    assert c.post(f"/a/{SLUG}/comments/{first.id}/accept", data={"csrf": token(c)}).status_code == 303
    written = {x.id: x for x in load_comments(review_ws, SLUG)}[first.id].accepted_in
    amendment, draft, before = (review_ws.path(f"amendments/{SLUG}/amendment.md").read_bytes(),
                                draft_text(review_ws, SLUG), head(review_ws))
    done = c.post(f"/a/{SLUG}/comments/{second.id}/accept",
                  data={"csrf": token(c, f"/a/{SLUG}/comments"), "reply": "Tiếp thu."})
    assert done.status_code == 303
    page = " ".join(html.unescape(c.get(done.headers["location"]).text).split())
    assert f"Dự thảo đã có đúng nội dung ý kiến {second.id} đề xuất: ý kiến được ghi là tiếp thu" in page
    assert "đã được sửa sau khi có ý kiến" not in page
    # One commit, the comment's answer alone: the amendment and the draft as they were.
    (answer,) = review_ws.repo.git.rev_list(f"{before}..HEAD").split()
    assert _files(review_ws, answer) == [f"amendments/{SLUG}/comments/{second.id}.yaml"]
    assert review_ws.path(f"amendments/{SLUG}/amendment.md").read_bytes() == amendment
    assert draft_text(review_ws, SLUG) == draft
    answered = {x.id: x for x in load_comments(review_ws, SLUG)}[second.id]
    assert answered.disposition is not None and answered.disposition.value == "accepted"
    assert answered.reply == "Tiếp thu." and answered.accepted_in == written  # the commit that wrote the words
    # Its reply left empty, the answer says where the words are, as accepting one that writes them says.
    c.post(f"/a/{SLUG}/comments/{third.id}/accept", data={"csrf": token(c, f"/a/{SLUG}/comments")})
    answered = {x.id: x for x in load_comments(review_ws, SLUG)}[third.id]
    assert answered.reply == "Đã chỉnh sửa điểm b khoản 2 Điều 5 của dự thảo theo đề xuất."
    assert answered.accepted_in == written
    assert review_ws.path(f"amendments/{SLUG}/amendment.md").read_bytes() == amendment
