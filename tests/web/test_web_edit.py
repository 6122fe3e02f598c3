"""A member corrects their own comment in place on the comments page ("Sửa ý kiến"): there was no way to but withdrawing
it and sending another (a new id, the first one listed as withdrawn in the report). The edit follows the rules of a
withdrawal: the link that sent it only, while the round is open and the office has not answered it. The wording before
stays in the history (a commit per edit), and the comment records when it was edited, which the pages and the report
say; an answer from a page that showed the wording before is refused."""

from __future__ import annotations

import html
import io
import re
import threading
from pathlib import Path

import docx
import yaml
from starlette.testclient import TestClient

from regdraft.core.comments import Disposition
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import (
    build_report,
    close_round,
    find_comment,
    load_comments,
    respond_comment,
)
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import (
    BODIES,
    EN_BODIES,
    EN_SLUG,
    SLUG,
    comment_form,
    english_workspace,
    entered,
    head,
    loaded,
    review_setting,
    sent,
    token,
)

COMMENTS = f"/a/{SLUG}/comments?round=1"
# A member's Vietnamese, with the `*` and `_` a plain box takes as typed (never emphasis).
TYPED = "Đề nghị sửa *thời hạn* thành __30 ngày__ (xem điểm a_1)\nvà bỏ cụm từ “định kỳ”."



def _edit_forms(page: str) -> list[str]:
    return re.findall(r'action="/a/[^"]+/comments/([0-9a-f]+)/edit"', page)


def _edit(c: TestClient, cid: str, text: str, csrf: str = "", **headers: str) -> tuple[int, str, str]:
    answer = c.post(f"/a/{SLUG}/comments/{cid}/edit", data={"csrf": csrf or token(c), "text": text},
                    headers=headers)
    return answer.status_code, html.unescape(answer.text), answer.headers.get("location", "")


def _file(ws: Workspace, cid: str) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(ws.path(f"amendments/{SLUG}/comments/{cid}.yaml").read_text("utf-8"))
    return data


def _members(ws: Workspace) -> tuple[TestClient, TestClient]:
    _, an = invite(ws, "Nguyễn Văn An", BODIES[0])
    _, binh = invite(ws, "Trần Thị Bình", BODIES[1])
    return entered(ws, an), entered(ws, binh)


def test_a_member_edits_their_own_comment_in_place_and_the_wording_before_stays_in_the_history(
        review_ws: Workspace) -> None:
    an, binh = _members(review_ws)
    cid = sent(an, text="Đề nghị làm rõ thời hạn bao cáo.")
    other = sent(binh, body=BODIES[1], text="Ý kiến của Ủy ban Kiểm tra.")
    first = _file(review_ws, cid)
    # The page offers An "Sửa ý kiến" beside "Rút ý kiến này" for An's comment alone, the box holding the text.
    page = an.get(COMMENTS).text
    assert _edit_forms(page) == [cid] and "Sửa ý kiến" in page and "Rút ý kiến này" in page
    assert "Đề nghị làm rõ thời hạn bao cáo.</textarea>" in page
    assert _edit_forms(binh.get(COMMENTS).text) == [other]

    before = head(review_ws)
    status, _, where = _edit(an, cid, TYPED.replace("\n", "\r\n"))  # a browser's line breaks
    assert status == 303 and "edited=1" in where and f"done={cid}" in where
    # One commit by An; the comment keeps its id, time, order and place; its file says when it was edited.
    assert len(list(review_ws.repo.iter_commits(f"{before}..HEAD"))) == 1
    assert review_ws.repo.head.commit.author.name == "Nguyễn Văn An"
    now = _file(review_ws, cid)
    assert now["text"] == TYPED and now["edited"]
    assert {k: v for k, v in now.items() if k not in ("text", "edited")} == {k: v for k, v in first.items()
                                                                               if k != "text"}
    assert find_comment(review_ws, cid, SLUG)[1].text == TYPED
    # The wording before is in git: the commit before the edit holds it.
    assert "thời hạn bao cáo" in review_ws.repo.git.show(f"{before}:amendments/{SLUG}/comments/{cid}.yaml")
    assert len(load_comments(review_ws, SLUG)) == 2

    # Back on the page: the notice, the new wording as typed (no emphasis read into `*` and `_`), when it was edited.
    shown = an.get(where)
    text = html.unescape(shown.text)
    assert f"Đã lưu ý kiến {cid} đã sửa" in text
    assert ('<p class="text">Đề nghị sửa *thời hạn* thành __30 ngày__ (xem điểm a_1)<br>\nvà bỏ cụm từ “định kỳ”.</p>'
            in shown.text)
    assert re.search(r"\(sửa lúc \d\d/\d\d/\d{4} \d\d:\d\d\)", text)
    assert TYPED + "</textarea>" in text  # the box holds the text as it now reads, for another correction

    # Sent again (Back, then Send): nothing more written.
    after = head(review_ws)
    status, _, _ = _edit(an, cid, TYPED)
    assert status == 303 and head(review_ws) == after


def test_another_link_a_forged_form_or_another_site_cannot_edit_a_comment(review_ws: Workspace) -> None:
    an, binh = _members(review_ws)
    _, namesake_token = invite(review_ws, "NGUYỄN VĂN AN", BODIES[0])  # another member of the body, the same name
    _, office_token = invite(review_ws, "Nguyễn Văn An", "", role="drafter")
    namesake, office = entered(review_ws, namesake_token), entered(review_ws, office_token)
    cid = sent(an, text="Ý kiến của anh An.")
    before = head(review_ws)
    for other in (binh, namesake):
        status, said, _ = _edit(other, cid, "Đã bị sửa.")
        assert status == 403 and f"Ý kiến {cid} không phải do anh/chị gửi qua trang góp ý này" in said
        assert _edit_forms(other.get(COMMENTS).text) == []
    status, said, _ = _edit(office, cid, "Đã bị sửa.")
    assert status == 403 and "cơ quan soạn thảo không sửa lời góp ý của người góp ý" in said
    forged = an.post(f"/a/{SLUG}/comments/{cid}/edit", data={"csrf": "forged", "text": "Đã bị sửa."})
    assert forged.status_code == 403
    status, _, _ = _edit(an, cid, "Đã bị sửa.", origin="https://evil.example")
    assert status == 403
    assert head(review_ws) == before and find_comment(review_ws, cid, SLUG)[1].text == "Ý kiến của anh An."


def test_an_answered_withdrawn_or_closed_comment_is_not_edited_and_what_was_typed_is_kept(
        review_ws: Workspace) -> None:
    an, _ = _members(review_ws)
    answered, withdrawn, empty = (sent(an, text=f"Ý kiến thứ {n}.") for n in (1, 2, 3))
    # The form was loaded; the office answers meanwhile, at the terminal.
    form = {"csrf": token(an, COMMENTS), "text": "Ý kiến thứ nhất, đã sửa."}
    respond_comment(review_ws, answered, "noted", "Đã ghi nhận.", SLUG)
    before = head(review_ws)
    late = an.post(f"/a/{SLUG}/comments/{answered}/edit", data=form)
    said = html.unescape(late.text)
    assert late.status_code == 409 and f"Cơ quan soạn thảo đã trả lời ý kiến {answered} nên không thể sửa" in said
    assert "Nội dung đã sửa (chưa được lưu), để sao chép:" in said and "Ý kiến thứ nhất, đã sửa.</textarea>" in said
    assert answered not in _edit_forms(late.text)
    kept = find_comment(review_ws, answered, SLUG)[1]
    assert kept.text == "Ý kiến thứ 1." and kept.disposition is Disposition.NOTED and not kept.edited

    assert an.post(f"/a/{SLUG}/comments/{withdrawn}/withdraw", data={"csrf": token(an, COMMENTS)}).status_code == 303
    before = head(review_ws)
    status, said, _ = _edit(an, withdrawn, "Sửa sau khi rút.")
    assert status == 409 and f"Ý kiến {withdrawn} đã được rút nên không sửa được nữa" in said
    # An empty text, or one over the limit, is refused as a new comment's is.
    status, said, _ = _edit(an, empty, "  \n ")
    assert status == 400 and "Xin viết nội dung góp ý trước khi gửi." in said
    status, said, _ = _edit(an, empty, "x" * 20_001)
    assert status == 400 and "quá giới hạn 20000 ký tự" in said
    assert head(review_ws) == before

    csrf = token(an)  # the page loaded while the round was open
    close_round(review_ws, SLUG, 1)
    status, said, _ = _edit(an, empty, "Sửa sau khi đóng vòng.", csrf)
    assert status == 409 and "Vòng lấy ý kiến 1" in said and "đã kết thúc" in said
    assert find_comment(review_ws, empty, SLUG)[1].text == "Ý kiến thứ 3."


def _at_once(forms: dict[str, tuple[TestClient, str, dict[str, str]]]) -> dict[str, int]:
    """Each browser sends its form at the same moment (threads past one barrier): the status of each, by name."""
    start = threading.Barrier(len(forms))
    results: dict[str, int] = {}

    def send(name: str, c: TestClient, url: str, form: dict[str, str]) -> None:
        start.wait()
        results[name] = c.post(url, data=form).status_code

    threads = [threading.Thread(target=send, args=(name, *sent)) for name, sent in forms.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def test_an_edit_and_an_answer_sent_at_the_same_moment_never_leave_an_answer_over_an_unseen_wording(
        review_ws: Workspace) -> None:
    an, _ = _members(review_ws)
    _, office_token = invite(review_ws, "Lê Văn Phòng", "", role="drafter")
    office = entered(review_ws, office_token)
    outcomes = set()
    for n in range(4):
        cid = sent(an, text=f"Ý kiến số {n}.")
        answer = {**loaded(office, cid), "disposition": "accepted", "reply": "Tiếp thu."}
        edit = {"csrf": token(an, COMMENTS), "text": f"Ý kiến số {n}, đã sửa."}
        results = _at_once({"edit": (an, f"/a/{SLUG}/comments/{cid}/edit", edit),
                            "answer": (office, f"/a/{SLUG}/comments/{cid}/respond", answer)})
        # One of them went first under the write lock; the other is refused, nothing written for it.
        assert sorted(results.values()) == [303, 409], results
        comment = find_comment(review_ws, cid, SLUG)[1]
        if results["edit"] == 303:  # the answer came from a page showing the wording before: refused
            assert comment.text == f"Ý kiến số {n}, đã sửa." and comment.edited and comment.disposition is None
        else:  # answered first: the comment keeps the wording the office answered
            assert comment.text == f"Ý kiến số {n}." and not comment.edited
            assert comment.disposition is Disposition.ACCEPTED
        outcomes.add(next(name for name, status in results.items() if status == 303))
    assert outcomes <= {"edit", "answer"}  # which goes first is the scheduler's; the answer is over what it saw


def test_the_office_answering_from_a_page_opened_before_the_edit_is_told_and_keeps_its_reply(
        review_ws: Workspace) -> None:
    an, _ = _members(review_ws)
    _, office_token = invite(review_ws, "Lê Văn Phòng", "", role="drafter")
    office = entered(review_ws, office_token)
    cid = sent(an, text="Đề nghị làm rõ thời hạn.")
    stale = {**loaded(office, cid), "disposition": "rejected", "reply": "Không tiếp thu vì đã rõ."}
    assert _edit(an, cid, "Đề nghị rút ngắn thời hạn còn 15 ngày.")[0] == 303
    before = head(review_ws)
    refused = office.post(f"/a/{SLUG}/comments/{cid}/respond", data=stale)
    said = html.unescape(refused.text)
    assert refused.status_code == 409 and f"Người góp ý đã sửa ý kiến {cid} lúc" in said
    assert "Đề nghị rút ngắn thời hạn còn 15 ngày." in said and "Không tiếp thu vì đã rõ.</textarea>" in said
    assert head(review_ws) == before and find_comment(review_ws, cid, SLUG)[1].disposition is None
    # Read again, the answer goes through.
    fresh = {**loaded(office, cid), "disposition": "rejected", "reply": "Không tiếp thu."}
    assert office.post(f"/a/{SLUG}/comments/{cid}/respond", data=fresh).status_code == 303
    assert find_comment(review_ws, cid, SLUG)[1].disposition is Disposition.REJECTED


def test_edits_add_no_comment_to_the_members_bound_and_lengthening_counts_its_characters(
        review_ws: Workspace) -> None:
    review_setting(review_ws, "comments_per_member: 1\n  characters_per_member: 60")
    an, _ = _members(review_ws)
    cid = sent(an, text="Ý kiến ngắn, ba mươi ký tự thôi.")
    # At the bound of one comment, the comment is still corrected.
    assert _edit(an, cid, "Ý kiến ngắn, đã sửa lại.")[0] == 303
    before = head(review_ws)
    status, said, _ = _edit(an, cid, "x" * 61)
    assert status == 403 and f"Ý kiến {cid} chưa được sửa" in said and "vượt quá 60 ký tự" in said
    assert "x" * 61 + "</textarea>" in said and head(review_ws) == before
    assert _edit(an, cid, "y" * 60)[0] == 303


def test_the_report_prints_the_edited_wording_and_when_it_was_edited(review_ws: Workspace, invoke: Invoke,
                                                                     tmp_path: Path) -> None:
    an, _ = _members(review_ws)
    cid = sent(an, text="Đề nghị làm rõ.")
    sent(an, text="Ý kiến giữ nguyên.", on="d20a")
    assert _edit(an, cid, TYPED)[0] == 303
    edited = find_comment(review_ws, cid, SLUG)[1].edited
    day, time = edited[:10].split("-"), edited[11:16]
    note = f"(sửa lúc {time} ngày {day[2]}/{day[1]}/{day[0]})"
    rows = {row.text: row for group in build_report(review_ws, SLUG, 1).groups for row in group.rows}
    assert rows[TYPED].edited == edited and not rows["Ý kiến giữ nguyên."].edited
    report = html.unescape(an.get(f"/a/{SLUG}/report?round=1").text)
    assert note in report and report.count("(sửa lúc") == 1
    assert "Đề nghị sửa *thời hạn* thành __30 ngày__ (xem điểm a_1)<br>\nvà bỏ cụm từ “định kỳ”." in report
    csv = an.get(f"/a/{SLUG}/report.csv?round=1")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert "Sửa lúc" in lines[0].split(",")
    assert f"{edited[:10]} {time}" in csv.text
    word = docx.Document(io.BytesIO(an.get(f"/a/{SLUG}/report.docx?round=1").content))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert any(TYPED in cell and note in cell for cell in cells)
    # Read back as a sheet (`comment import`), the column is left aside: both comments were imported before.
    sheet = tmp_path / "bao-cao.csv"
    sheet.write_bytes(csv.content)
    again = invoke(review_ws, "comment", "import", SLUG, str(sheet))
    assert again.exit_code == 0 and "Nothing imported: the 2 comments in bao-cao.csv were imported before" in \
        again.output, again.output


def test_an_english_amendments_member_edits_in_english(tmp_path: Path) -> None:
    from tests.web.test_web_language import interface, other_language

    ws = english_workspace(tmp_path / "en")
    _, secret = invite(ws, "John Smith", EN_BODIES[0])
    john = entered(ws, secret)
    sent = john.post(f"/a/{EN_SLUG}/comments", data=comment_form(token(john, f"/a/{EN_SLUG}/redline"),
                                                                   body=EN_BODIES[0], name="", on="d1.k1",
                                                                   text="Please clarify."))
    found = re.search(r"added=([0-9a-f]+)", sent.headers["location"])
    assert found
    cid = found.group(1)
    comments = f"/a/{EN_SLUG}/comments?round=1"
    page = john.get(comments).text
    assert "Edit the comment" in page and "Save the corrected comment" in page
    done = john.post(f"/a/{EN_SLUG}/comments/{cid}/edit", data={"csrf": token(john, comments),
                                                                 "text": "Please clarify *when*."})
    assert done.status_code == 303
    shown = john.get(done.headers["location"]).text
    said = interface(shown, ws)
    assert f"Comment {cid} was saved as corrected" in html.unescape(said) and "(edited " in said
    assert other_language(said, "en") == []


def test_edits_are_paced_as_comment_forms_are(review_ws: Workspace) -> None:
    # Each edit takes the write lock: a script rewording a comment as fast as it could held every other member's form.
    review_setting(review_ws, "submissions_per_minute: 1")
    an, _ = _members(review_ws)
    cid = sent(an, text="Ý kiến thứ nhất.")  # the one form of the minute
    before = head(review_ws)
    refused = an.post(f"/a/{SLUG}/comments/{cid}/edit", data={"csrf": token(an), "text": "Ý kiến đã sửa ngay."})
    said = html.unescape(refused.text)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert "Xin chờ khoảng" in said and "rồi bấm “Lưu ý kiến đã sửa” lại" in said
    assert "Ý kiến đã sửa ngay.</textarea>" in said  # what was typed, in the box opened again
    assert head(review_ws) == before and find_comment(review_ws, cid, SLUG)[1].text == "Ý kiến thứ nhất."
