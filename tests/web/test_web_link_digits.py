"""An access link whose id is all decimal digits with a leading zero (`05959718`, about one link in 500): the review
server wrote `link: 05959718` unquoted and r32's reader took it for the number 5959718, so its member could neither
withdraw nor edit their comments, `check` failed on files the server wrote, and `review attach` wrote the same line
back ("Nothing to record") (r33 sweep AY F1)."""

from __future__ import annotations

import re
import secrets

import pytest

from regdraft.workspace import access
from regdraft.workspace.rounds import find_comment
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import BODIES, SLUG, entered, head, sent, token

SECRET = "gFVrDoTjh0MuYK8P-KxIygBKkesJujPORwBoYH0puWA"  # its SHA-256 starts 05959718
COMMENTS = f"/a/{SLUG}/comments?round=1"
NAME = "Trần Thị Bình"


def _forms(page: str, kind: str) -> list[str]:
    return sorted(re.findall(rf'action="/a/[^"]+/comments/([0-9a-f]+)/{kind}"', page))


def _digits_link(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> access.AccessLink:
    monkeypatch.setattr(secrets, "token_urlsafe", lambda _n: SECRET)
    link, _ = access.invite(ws, NAME, BODIES[1])
    monkeypatch.undo()
    assert link.key == "05959718"
    return link


@pytest.mark.parametrize("as_before", [False, True], ids=["written-now", "written-unquoted-before"])
def test_a_member_whose_link_id_is_digits_keeps_their_comments(
        review_ws: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch, as_before: bool) -> None:
    _digits_link(review_ws, monkeypatch)
    binh = entered(review_ws, SECRET)
    first = sent(binh, body=BODIES[1], name=NAME, text="Đề nghị giữ định kỳ 6 tháng.")
    second = sent(binh, body=BODIES[1], name=NAME, on="general", text="Nhất trí.")
    paths = [f"amendments/{SLUG}/comments/{cid}.yaml" for cid in (first, second)]
    files = {path: review_ws.read(path).decode("utf-8") for path in paths}
    assert all("\nlink: '05959718'\n" in text for text in files.values()), files
    if as_before:  # as 85ef129 and every earlier version wrote it
        review_ws.commit({path: text.replace("'05959718'", "05959718").encode("utf-8")
                          for path, text in files.items()}, "Written unquoted")
    assert find_comment(review_ws, first, SLUG)[1].link == "05959718"

    checked = invoke(review_ws, "check")
    assert checked.exit_code == 0, checked.output
    page = binh.get(COMMENTS).text
    assert _forms(page, "withdraw") == sorted([first, second]) and _forms(page, "edit") == sorted([first, second])
    edited = binh.post(f"/a/{SLUG}/comments/{first}/edit", data={"csrf": token(binh), "text": "Giữ 6 tháng."})
    assert edited.status_code == 303, edited.text
    assert find_comment(review_ws, first, SLUG)[1].text == "Giữ 6 tháng."
    withdrawn = binh.post(f"/a/{SLUG}/comments/{second}/withdraw", data={"csrf": token(binh, COMMENTS)})
    assert withdrawn.status_code == 303, withdrawn.text

    before = head(review_ws)
    again = invoke(review_ws, "review", "attach", first, "--link", "05959718")
    assert again.exit_code == 0 and "already" in again.output, again.output
    assert head(review_ws) == before


def test_the_office_attaches_a_comment_to_a_link_whose_id_is_digits(
        review_ws: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.workspace.rounds import add_comment

    _digits_link(review_ws, monkeypatch)
    typed = add_comment(review_ws, SLUG, BODIES[1], "d5.k2", "Ý kiến chị Bình gửi bằng thư.", person=NAME, force=True)
    done = invoke(review_ws, "review", "attach", typed.id, "--link", "05959718")
    assert done.exit_code == 0, done.output
    assert "\nlink: '05959718'\n" in review_ws.read(f"amendments/{SLUG}/comments/{typed.id}.yaml").decode("utf-8")
    binh = entered(review_ws, SECRET)
    assert _forms(binh.get(COMMENTS).text, "edit") == [typed.id]
    assert invoke(review_ws, "check").exit_code == 0
