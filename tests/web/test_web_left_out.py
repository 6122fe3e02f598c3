"""The review server's comment form says on the page it goes on to what it left out of what was typed, in the page's
language (r38): every field was read without its invisible characters, and nothing said so, while `comment add` does."""

from __future__ import annotations

import html
import re

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG as REVIEWED
from tests.web.conftest import client, comment_form, token

SHY, ZWSP = "\u00ad", "\u200b"


def test_the_review_form_says_on_the_next_page_what_it_left_out(review_ws: Workspace) -> None:
    c = client(review_ws)
    phrase = f"Báo cáo Ban Chấp hành{SHY} Đảng bộ tỉnh"
    sent = c.post(f"/a/{REVIEWED}/comments", data=comment_form(
        token(c), on="d5.k2", text=f"Về đoạn “{phrase}”: Đề nghị nêu rõ{ZWSP} thời hạn.{ZWSP}"))
    assert sent.status_code == 303, sent.text
    (comment,) = load_comments(review_ws, REVIEWED)
    assert (comment.selection, comment.text) == ("Báo cáo Ban Chấp hành Đảng bộ tỉnh", "Đề nghị nêu rõ thời hạn.")
    page = c.get(sent.headers["location"]).text
    found = re.search(r'id="added-notice"[^>]*>(.*?)</p>', page, re.S)
    assert found is not None, page
    notice = " ".join(html.unescape(found.group(1)).split())
    assert notice == (
        f"Đã lưu góp ý {comment.id}. Đã bỏ 1 dấu gạch nối mềm (dấu gạch nối tùy chọn của Word, U+00AD), dấu đầu tiên "
        "trong đoạn được chọn: dấu này chỉ đánh dấu chỗ một từ có thể ngắt khi xuống dòng, không thuộc nội dung văn "
        "bản. «Chấp hành Đảng» Đã bỏ 2 ký tự ẩn (U+200B (zero width space)), ký tự đầu tiên trong nội dung góp ý: "
        "văn bản quy phạm không chứa các ký tự này. «nêu rõ thời»"), notice
    # In English, on a page speaking it; an address carrying what no form sends says nothing.
    address = sent.headers["location"].split("#")[0]
    english = html.unescape(c.get(address + "&lang=en").text)
    assert "1 soft hyphen (Word's optional hyphens, U+00AD) left out, the first in the words selected" in english
    crafted = address.split("&left=")[0] + '&left=[[1,"text","x",["41"]]]'
    assert "Đã bỏ" not in c.get(crafted).text
