"""The comment form's refusals, as a committee member meets them: asked before a wording that cannot be accepted as
written is recorded (a whole article without its heading line, a wording on no provision), every text the form lets
them type accepted or refused in a sentence with the text kept (never a bare 413, never cut), and a form refused
after the server restarted saying which provision it was about and leading back to it."""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlencode

from regdraft.core.comments import MAX_TEXT
from regdraft.web.actions import FIELDS, TYPED
from regdraft.web.guard import worst_body
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG, client, comment_form, head, token

ONE_LINE = "Bí thư Tỉnh ủy chủ trì, lãnh đạo toàn diện hoạt động của Ban Chấp hành Đảng bộ tỉnh."
SENTENCE = "Đề nghị cơ quan soạn thảo nghiên cứu, bổ sung quy định về trách nhiệm giải trình của người đứng đầu. "


def _textarea(page: str, name: str) -> str:
    found = re.search(rf'<textarea name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, f"no {name} field"
    return html.unescape(found.group(1))


def _words(n: int) -> str:
    return (SENTENCE * (n // len(SENTENCE) + 1))[:n]


def test_a_one_line_wording_for_a_whole_article_is_asked_about_before_it_is_recorded(review_ws: Workspace) -> None:
    c = client(review_ws)
    before = head(review_ws)
    form = comment_form(token(c), on="Điều 9", text="Viết gọn Điều 9.", proposal=ONE_LINE)
    refused = c.post(f"/a/{SLUG}/comments", data=form)
    assert refused.status_code == 400 and head(review_ws) == before
    page = html.unescape(refused.text)
    # In the member's words: an article's wording begins with its heading line, or its clauses would go.
    assert "câu chữ đề xuất cho một điều phải bắt đầu bằng dòng tên điều, ở đây là “Điều 9. …”" in page
    assert "các khoản 1, 2, 3, 4, 5, 6 của Điều 9 sẽ bị xóa" in page
    assert _textarea(refused.text, "proposal") == ONE_LINE and _textarea(refused.text, "text") == form["text"]
    assert 'value="Điều 9"' in page and 'name="record_anyway"' in page
    assert c.post(f"/a/{SLUG}/comments", data={**form, "record_anyway": "1"}).status_code == 303
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.on == "d9" and comment.proposal == ONE_LINE


def test_a_wording_with_no_provision_chosen_asks_for_the_provision(review_ws: Workspace) -> None:
    c = client(review_ws)
    form = comment_form(token(c), on="", text="Sửa câu chữ.", proposal="2. Ban Thường vụ Tỉnh ủy báo cáo định kỳ.")
    refused = c.post(f"/a/{SLUG}/comments", data=form)
    assert refused.status_code == 400 and load_comments(review_ws, SLUG) == []
    page = html.unescape(refused.text)
    assert "có câu chữ đề xuất nhưng chưa chọn điều, khoản, điểm được đề xuất sửa" in page
    assert _textarea(refused.text, "proposal") == form["proposal"] and 'name="record_anyway"' in page
    # Named, it is recorded at once; a general comment without a wording is not asked about.
    assert c.post(f"/a/{SLUG}/comments", data={**form, "on": "khoản 2 Điều 5"}).status_code == 303
    assert c.post(f"/a/{SLUG}/comments", data={**form, "proposal": ""}).status_code == 303
    assert sorted(x.on for x in load_comments(review_ws, SLUG)) == ["d5.k2", "general"]


def test_what_the_form_lets_a_member_type_is_not_refused_for_its_size(review_ws: Workspace) -> None:
    c = client(review_ws)
    # The members' case: a 15,500-character comment and a 12,783-character wording (HTTP 413, a bare text page).
    form = comment_form(token(c), text=_words(15_500), proposal="2. " + _words(12_780))
    assert len(urlencode(form).encode()) > 64 * 1024
    done = c.post(f"/a/{SLUG}/comments", data=form)
    assert done.status_code == 303, done.text[:500]
    # The worst the form allows, every box full of three-byte letters: refused in a sentence, not by the size guard.
    page = c.get(f"/a/{SLUG}/redline").text
    assert page.count(f'maxlength="{TYPED}"') == 2
    full = comment_form(token(c), text="ệ" * TYPED, proposal="ữ" * TYPED, name="Ư" * 200, on="ơ" * 100)
    assert len(urlencode(full).encode()) <= worst_body(FIELDS)
    refused = c.post(f"/a/{SLUG}/comments", data=full)
    assert refused.status_code == 400
    assert f"ô “Nội dung góp ý” có {TYPED} ký tự, quá giới hạn {MAX_TEXT} ký tự" in html.unescape(refused.text)


def test_the_limit_counts_letters_in_nfc_and_a_longer_text_is_refused_with_it_kept(review_ws: Workspace) -> None:
    c = client(review_ws)
    # Decomposed accents (three code units a letter, as `maxlength` counts) fill the box no sooner.
    decomposed = unicodedata.normalize("NFD", "ệ" * MAX_TEXT)
    assert len(decomposed) == 3 * MAX_TEXT <= TYPED
    assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=decomposed)).status_code == 303
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.text == "ệ" * MAX_TEXT
    # One letter more is refused in a sentence, everything kept (it was cut to the limit and recorded).
    before = head(review_ws)
    longer = "Đề nghị " + "ệ" * MAX_TEXT
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=longer))
    assert refused.status_code == 400 and head(review_ws) == before
    assert _textarea(refused.text, "text") == longer
    assert f"có {MAX_TEXT + 8} ký tự, quá giới hạn {MAX_TEXT} ký tự" in html.unescape(refused.text)


def test_a_body_too_large_is_a_page_leading_back(review_ws: Workspace) -> None:
    c = client(review_ws)
    before = head(review_ws)
    huge = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="x" * (worst_body(FIELDS) + 1)))
    assert huge.status_code == 413 and huge.headers["content-type"].startswith("text/html")
    assert '<html lang="vi">' in huge.text and "chưa có gì được lưu" in huge.text
    assert f'<a href="/a/{SLUG}/redline">Quay lại trang góp ý</a>' in huge.text
    assert head(review_ws) == before


def test_a_form_refused_after_a_restart_names_its_provision_and_leads_back_to_it(review_ws: Workspace) -> None:
    old = client(review_ws)
    csrf = token(old)
    restarted = client(review_ws)  # a new server signs forms with a new secret
    restarted.cookies.update(old.cookies)
    form = comment_form(csrf, on="khoản 2 Điều 5", text="Góp ý gõ trước khi khởi động lại.")
    refused = restarted.post(f"/a/{SLUG}/comments", data=form)
    assert refused.status_code == 403
    page = html.unescape(refused.text)
    assert "Biểu mẫu trên trang này đã hết hạn nên góp ý về khoản 2 Điều 5 chưa được lưu" in page
    assert "góp ý về khoản 2 Điều 5 chưa được lưu" in page and "Góp ý gõ trước khi khởi động lại." in page
    assert "không được gửi từ trang này" not in page
    assert f'<a href="/a/{SLUG}/redline?round=1#on-d5.k2" id="back">Mở lại khoản 2 Điều 5</a>' in page


def test_a_form_naming_a_round_in_other_digits_is_refused_in_a_sentence(review_ws: Workspace) -> None:
    """`²` passed `str.isdigit` and `int` refused it: a 500 with a traceback in the server's log."""
    c = client(review_ws)
    before = head(review_ws)
    form = comment_form(token(c), round="²")
    refused = c.post(f"/a/{SLUG}/comments", data=form)
    assert refused.status_code == 400 and head(review_ws) == before
    assert "Biểu mẫu không ghi vòng lấy ý kiến" in html.unescape(refused.text)
    assert _textarea(refused.text, "text") == form["text"]


def _lines(n: int, line: int = 47) -> str:
    """`n` characters of text on lines of `line` characters each, with `\\r\\n` between them, as a browser sends a
    text box: the `\\r` is not the member's and is not stored."""
    text = _words(n)
    rows = [text[k:k + line] for k in range(0, n, line)]
    return "\r\n".join(row[:-1] for row in rows[:-1]) + "\r\n" + rows[-1]


def test_a_line_break_counts_once_toward_the_limit_as_it_is_stored(review_ws: Workspace) -> None:
    # A browser sends each line break as `\r\n`: a comment of exactly 20,000 characters on 426 lines was refused as
    # "20426 ký tự", and the count told the member was more than they had typed.
    c = client(review_ws)
    typed = _lines(MAX_TEXT)
    stored = typed.replace("\r\n", "\n")
    assert len(stored) == MAX_TEXT and typed.count("\r\n") > 400
    done = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=typed, proposal=""))
    assert done.status_code == 303, html.unescape(done.text)[:400]
    (comment,) = load_comments(review_ws, SLUG)
    assert comment.text == stored
    # One character more is refused with the count of the text as typed, line breaks once.
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=typed + "!"))
    assert refused.status_code == 400 and head(review_ws) == before
    assert f"có {MAX_TEXT + 1} ký tự, quá giới hạn {MAX_TEXT} ký tự" in html.unescape(refused.text)


def test_a_comment_holding_only_the_quotation_of_the_words_selected_is_refused(review_ws: Workspace) -> None:
    # Words selected, then Send with nothing written after the quotation the page put in: it was recorded as a
    # comment, and its body was no longer counted as agreeing (sweep r28/AF, defect 2).
    c = client(review_ws)
    before = head(review_ws)
    for bare in ("Về đoạn “Việc biểu quyết đ”: ", "Về đoạn “một phần ba”:\r\n  ", "On “one third”: "):
        refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d12.k1.b", text=bare))
        assert refused.status_code == 400, bare
        assert "Xin viết nội dung góp ý sau đoạn được trích trước khi gửi." in html.unescape(refused.text)
        assert _textarea(refused.text, "text").strip() == bare.strip()
    assert head(review_ws) == before and load_comments(review_ws, SLUG) == []
    # Anything written after it, or a comment that goes on and quotes again, is a comment.
    for said in ("Về đoạn “một phần ba”: đề nghị sửa thành một nửa.", "Về đoạn “A”: bỏ “B”:"):
        assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d12.k1.b", text=said)).status_code == 303
    assert len(load_comments(review_ws, SLUG)) == 2
