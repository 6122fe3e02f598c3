"""The review page asks before recording a proposal that would delete its provision's points when accepted (it was
recorded silently, and the member learnt of it from the drafter at accept time, too late to be asked); the comments
page marks a proposal against the text circulated, as the comment report does."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from regdraft.workspace.rounds import add_comment, load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import ONE_LINE_19, luat_57_2024_copy, luat_57_2024_once, needs_corpus
from tests.web.conftest import BODIES, SLUG, client, comment_form, head, token

LUAT = "luat-57-2024"
BODY = "Bộ Nội vụ"
ONE_LINE = ONE_LINE_19


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return luat_57_2024_once(tmp_path_factory, BODY)


@pytest.fixture
def luat_ws(built: Path, tmp_path: Path) -> Workspace:
    return luat_57_2024_copy(built, tmp_path)


def _form(csrf: str, **fields: str) -> dict[str, str]:
    return comment_form(csrf, **{"round": "1", "body": BODY, "on": "khoản 1 Điều 19",
                                 "text": "Quy định số thành viên tối thiểu.", "proposal": ONE_LINE, **fields})


def _textarea(page: str, name: str) -> str:
    found = re.search(rf'<textarea name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, f"no {name} field"
    return html.unescape(found.group(1))


@needs_corpus
def test_a_proposal_dropping_points_is_not_recorded_until_the_member_confirms_it(luat_ws: Workspace) -> None:
    c = client(luat_ws)
    url = f"/a/{LUAT}/redline"
    before = head(luat_ws)
    form = _form(token(c, url), name="Nguyễn Văn An", type="editorial")
    refused = c.post(f"/a/{LUAT}/comments", data=form)
    assert refused.status_code == 400
    assert load_comments(luat_ws, LUAT) == [] and head(luat_ws) == before
    page = html.unescape(refused.text)
    assert ("nếu tiếp thu thì các điểm a, b, c của khoản 1 Điều 19 sẽ bị xóa" in page
            and "không bắt đầu bằng số thứ tự “1.”" in page)
    # Everything typed is kept, and the confirmation is offered.
    assert _textarea(refused.text, "proposal") == ONE_LINE and _textarea(refused.text, "text") == form["text"]
    assert 'value="khoản 1 Điều 19"' in page and 'value="Nguyễn Văn An"' in page
    assert '<option value="editorial" selected>' in page
    assert 'name="record_anyway"' in page and "Vẫn lưu đề xuất này như đã viết" in page
    # Confirmed, it is recorded as written.
    recorded = c.post(f"/a/{LUAT}/comments", data={**form, "record_anyway": "1"})
    assert recorded.status_code == 303
    (comment,) = load_comments(luat_ws, LUAT)
    assert comment.on == "d19.k1" and comment.proposal == ONE_LINE
    # The clause written whole from its label is recorded at once, and the box is offered only when it is needed.
    whole = c.post(f"/a/{LUAT}/comments", data=_form(token(c, url), proposal="1. " + ONE_LINE + "\na) Chủ đầu tư;"))
    assert whole.status_code == 303 and len(load_comments(luat_ws, LUAT)) == 2
    assert 'name="record_anyway"' not in c.get(url).text


@needs_corpus
def test_the_comments_page_marks_a_proposal_against_the_text_circulated(luat_ws: Workspace) -> None:
    add_comment(luat_ws, LUAT, BODY, "khoản 1 Điều 19", "Quy định số thành viên.", ONE_LINE)
    page = client(luat_ws).get(f"/a/{LUAT}/comments").text
    # The points it would delete are struck through, its own words underlined (shown as plain text, the loss was
    # not seen).
    deleted = " ".join(html.unescape(d) for d in re.findall(r"<del>(.*?)</del>", page, re.S))
    assert "Chủ đầu tư thành lập hoặc giao nhiệm vụ đối với lựa chọn nhà thầu" in deleted   # point a)
    assert "03 thành viên" in " ".join(html.unescape(i) for i in re.findall(r"<ins>(.*?)</ins>", page, re.S))


def test_the_comments_page_marks_a_rewording_as_the_report_does(review_ws: Workspace) -> None:
    add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Sửa thời hạn.",
                "b) Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh và kết quả "
                "thực hiện các nghị quyết, chỉ thị của Đảng;")
    c = client(review_ws)
    page = c.get(f"/a/{SLUG}/comments").text
    report = c.get(f"/a/{SLUG}/report").text
    marks = re.findall(r"<(del|ins)>(.*?)</\1>", page, re.S)
    assert marks == [("del", "6"), ("ins", "3")] == re.findall(r"<(del|ins)>(.*?)</\1>", report, re.S)
