"""What one access link may send in a round: a member's script posted hundreds of comments of 20,000 characters,
each a commit and a file, and nothing stopped it. The review server bounds each reviewer's link per round
(`review: comments_per_member`, `characters_per_member`); the office's links and commands are not bounded."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.workspace.access import invite
from regdraft.workspace.review_limits import PerMember, per_member
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import BODIES, SLUG, comment_form, entered, head, review_setting, token


def _text(page: str) -> str:
    found = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, "no text field"
    return html.unescape(found.group(1))


def test_a_member_sends_at_most_the_bound_in_a_round_and_others_are_not_affected(review_ws: Workspace) -> None:
    review_setting(review_ws, "comments_per_member: 2")
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    _, binh = invite(review_ws, "Trần Thị Bình", BODIES[1])
    _, office = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    c = entered(review_ws, an)
    sent = [comment_form(token(c), text=f"Góp ý thứ {n}.") for n in (1, 2)]
    for form in sent:
        assert c.post(f"/a/{SLUG}/comments", data=form).status_code == 303
    assert len(load_comments(review_ws, SLUG)) == 2  # the bound-th comment is recorded
    # A form sent again (Back, then Send) is still answered with the comment it recorded, not refused.
    again = c.post(f"/a/{SLUG}/comments", data={**sent[1], "csrf": token(c)})
    assert again.status_code == 303 and "again=1" in again.headers["location"]
    before = head(review_ws)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="Góp ý thứ ba, chưa được lưu."))
    assert refused.status_code == 403 and head(review_ws) == before and len(load_comments(review_ws, SLUG)) == 2
    page = html.unescape(refused.text)
    assert ("trong vòng lấy ý kiến 1, Nguyễn Văn An (Ban Tổ chức Tỉnh ủy) đã gửi 2 ý kiến; số ý kiến tối đa "
            "một người được gửi trong một vòng qua trang này là 2 ý kiến.") in page
    assert "xin đề nghị cơ quan soạn thảo nâng giới hạn này" in page
    assert _text(refused.text) == "Góp ý thứ ba, chưa được lưu."
    # Another member, and the office's own link (for any body, An's too), are not affected.
    other = entered(review_ws, binh)
    assert other.post(f"/a/{SLUG}/comments", data=comment_form(token(other), body=BODIES[1])).status_code == 303
    drafter = entered(review_ws, office)
    for n in range(3):
        form = comment_form(token(drafter), name="Nguyễn Văn An", text=f"Ý kiến {n} do văn phòng nhập.")
        assert drafter.post(f"/a/{SLUG}/comments", data=form).status_code == 303
    assert len(load_comments(review_ws, SLUG)) == 6


def test_comments_the_office_imports_under_a_members_name_do_not_use_up_their_bound(review_ws: Workspace,
                                                                                     tmp_path: Path) -> None:
    # The office imported Nguyễn Thị Lan's Word reply (5 comments); her first comment from the page was refused as
    # "đã gửi 5 ý kiến, bằng số ý kiến tối đa … (3 ý kiến)" though she had sent none through it.
    from regdraft.workspace.sheet_import import import_comments

    review_setting(review_ws, "comments_per_member: 2")
    sheet = tmp_path / "reply.csv"
    rows = "".join(f"{BODIES[0]},Nguyễn Văn An,Điều 4,Ý kiến {n} trong bản Word.\n" for n in range(3))
    sheet.write_text(f"Commented by,Người góp ý,Provision,Comment\n{rows}", encoding="utf-8")
    import_comments(review_ws, SLUG, sheet)
    assert [c.author for c in load_comments(review_ws, SLUG)] == ["Nguyễn Văn An"] * 3
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = entered(review_ws, an)
    for n in (1, 2):
        sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=f"Góp ý qua trang {n}."))
        assert sent.status_code == 303, html.unescape(sent.text)
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="Góp ý thứ ba qua trang."))
    assert refused.status_code == 403 and "đã gửi 2 ý kiến" in html.unescape(refused.text)


def test_the_characters_a_member_sends_in_a_round_are_bounded(review_ws: Workspace) -> None:
    review_setting(review_ws, "characters_per_member: 60")
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = entered(review_ws, an)
    assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="ô" * 30)).status_code == 303
    before = head(review_ws)
    form = comment_form(token(c), text="ư" * 20, proposal="2. " + "ơ" * 17)
    refused = c.post(f"/a/{SLUG}/comments", data=form)
    assert refused.status_code == 403 and head(review_ws) == before
    assert ("đã gửi 1 ý kiến với tổng cộng 30 ký tự; thêm góp ý này (40 ký tự) sẽ vượt quá 60 ký tự"
            in html.unescape(refused.text))
    assert _text(refused.text) == form["text"]
    assert c.post(f"/a/{SLUG}/comments", data={**form, "proposal": ""}).status_code == 303  # 50 of 60


def test_a_line_break_counts_once_toward_the_members_bound(review_ws: Workspace) -> None:
    # The browser's `\r\n` counted two characters a line break: a member at the bound was refused, told more than
    # they had typed.
    review_setting(review_ws, "characters_per_member: 60")
    _, an = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    c = entered(review_ws, an)
    first = "\r\n".join(["ô" * 9] * 3)  # 29 characters as stored
    assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=first)).status_code == 303
    exactly = "\r\n".join(["ư" * 9] * 3) + "\r\n" + "ơ" * 1  # 31 characters: 60 in all
    assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=exactly)).status_code == 303
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text="a\r\nb"))
    assert refused.status_code == 403
    assert "tổng cộng 60 ký tự; thêm góp ý này (3 ký tự) sẽ vượt quá 60 ký tự" in html.unescape(refused.text)


def test_check_and_the_review_command_name_a_wrong_member_bound(review_ws: Workspace, invoke: Invoke,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert per_member({}) == (PerMember(500, 2_000_000), {})
    assert per_member({"comments_per_member": 3, "characters_per_member": 1000}) == (PerMember(3, 1000), {})
    bound, wrong = per_member({"comments_per_member": 0, "characters_per_member": "nhiều"})
    assert bound == PerMember() and wrong == {
        "comments_per_member": "review: comments_per_member is '0'; write a whole number from 1 to 100,000 (the "
                               "comments one member may send in a round; 500 when it is not set).",
        "characters_per_member": "review: characters_per_member is 'nhiều'; write a whole number from 1 to "
                                 "100,000,000 (the characters of comments and proposals one member may send in a "
                                 "round; 2,000,000 when it is not set)."}
    config = review_ws.root / "regdraft.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "review:\n  comments_per_member: many\n", encoding="utf-8")
    checked = invoke(review_ws, "check")
    line = config.read_text(encoding="utf-8").splitlines().index("  comments_per_member: many") + 1
    assert checked.exit_code == 1, checked.output
    assert f"regdraft.yaml:{line}: review: comments_per_member is 'many'" in checked.output, checked.output
    import uvicorn

    from regdraft.web import serve

    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: served.append(args))  # never serve in a test
    with pytest.raises(RegdraftError, match="review: comments_per_member is 'many'"):
        serve(review_ws.root, None, 0, print)
    assert served == []
