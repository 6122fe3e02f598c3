"""The review server over a document amending two regulations: the redline page names both and
shows each one's text, and a comment on the second is recorded against it."""

from __future__ import annotations

import html

import yaml

from regdraft.core.comments import anchor_text
from regdraft.workspace.rounds import add_comment, draft_text, find_round, load_comments
from regdraft.workspace.store import Workspace
from tests.test_review_several import BODY, MAIN, NEW_CLAUSE, NEW_POINT, SECOND, SLUG, several_workspace
from tests.web.conftest import client, comment_form, token

REDLINE = f"/a/{SLUG}/redline"


def _text(page: str) -> str:
    return html.unescape(page)


def test_redline_page_names_both_regulations_and_shows_each_text(empty_workspace: Workspace) -> None:
    ws = several_workspace(empty_workspace)
    c = client(ws)
    first = c.get(REDLINE)
    assert first.status_code == 200, first.text
    page = _text(first.text)
    # The first regulation the document amends is shown, and the selector names the other.
    assert "Dự thảo sửa đổi, bổ sung:" in page and MAIN in page and SECOND in page
    assert f"regulation={SECOND}" in page
    assert NEW_CLAUSE in page and NEW_POINT not in page
    second = c.get(REDLINE, params={"round": "1", "regulation": SECOND})
    assert second.status_code == 200, second.text
    page = _text(second.text)
    assert NEW_POINT in page and NEW_CLAUSE not in page
    assert f'name="regulation" value="{SECOND}"' in page  # the comment form records it
    assert f"Dự thảo lần 1 ({SECOND}) – Vòng lấy ý kiến 1" in page
    unknown = c.get(REDLINE, params={"regulation": "09-QC/TU"})
    assert unknown.status_code == 404
    assert f"sửa đổi, bổ sung {MAIN}, {SECOND}, không sửa đổi 09-QC/TU" in _text(unknown.text)


def test_a_comment_posted_on_the_second_regulation_lands_on_it(empty_workspace: Workspace) -> None:
    ws = several_workspace(empty_workspace)
    c = client(ws)
    url = f"{REDLINE}?round=1&regulation={SECOND}"
    form = comment_form(token(c, url), body=BODY, on="d5.k1.a", regulation=SECOND, text="Bỏ cụm từ “toàn khóa”.")
    sent = c.post(f"/a/{SLUG}/comments", data=form)
    assert sent.status_code == 303, sent.text
    (comment,) = load_comments(ws, SLUG)
    assert (comment.on, comment.regulation) == ("d5.k1.a", SECOND)
    data = yaml.safe_load(ws.path(f"amendments/{SLUG}/comments/{comment.id}.yaml").read_text(encoding="utf-8"))
    circulated = draft_text(ws, SLUG, find_round(ws, SLUG).revision, SECOND)
    assert (data["regulation"], data["anchor"]) == (SECOND, anchor_text(circulated, "d5.k1.a"))
    assert sent.headers["location"] == (f"/a/{SLUG}/redline?round=1&added={comment.id}&regulation={SECOND}"
                                        "#on-d5.k1.a")
    # The badge stands on the second regulation's provision, and is counted in the selector.
    shown = _text(c.get(sent.headers["location"]).text)
    assert f'#on-{SECOND}-d5.k1.a">1 ý kiến' in shown
    assert f"{SECOND}" in shown and "(1 ý kiến)" in shown
    assert "#on-d5.k1.a" not in _text(c.get(REDLINE).text)
    # The main regulation's d1.k2 is another provision: posting without the regulation records it there.
    plain = c.post(f"/a/{SLUG}/comments",
                   data=comment_form(token(c, REDLINE), body=BODY, on="d1.k2", text="Giữ nguyên."))
    assert plain.status_code == 303
    assert {(x.on, x.regulation) for x in load_comments(ws, SLUG)} == {("d5.k1.a", SECOND), ("d1.k2", "")}
    # The answering page groups them by regulation.
    answers = _text(c.get(f"/a/{SLUG}/comments").text)
    assert answers.index(f"Khoản 2 Điều 1 ({MAIN})") < answers.index(f"Điểm a khoản 1 Điều 5 ({SECOND})")
    assert f'id="on-{SECOND}-d5.k1.a"' in answers


def test_a_wrong_provision_of_the_second_regulation_keeps_the_page_and_the_text(empty_workspace: Workspace) -> None:
    ws = several_workspace(empty_workspace)
    c = client(ws)
    url = f"{REDLINE}?round=1&regulation={SECOND}"
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c, url), body=BODY, on="d99.k1",
                                                               regulation=SECOND, text="Gõ cẩn thận."))
    assert refused.status_code == 400
    page = _text(refused.text)
    assert "Gõ cẩn thận." in page and NEW_POINT in page  # the same regulation's page, with the text kept
    assert load_comments(ws, SLUG) == []


def test_accepting_a_proposal_on_the_second_regulation_rewrites_its_article(empty_workspace: Workspace) -> None:
    ws = several_workspace(empty_workspace)
    wording = NEW_POINT.replace("hằng năm", "hằng năm, hằng quý")
    comment = add_comment(ws, SLUG, BODY, "d5.k1.a", "Đề nghị bổ sung hằng quý.", proposal=f"a) {wording}",
                          regulation=SECOND)
    c = client(ws)
    answers = _text(c.get(f"/a/{SLUG}/comments").text)
    assert f'/a/{SLUG}/comments/{comment.id}/accept"' in answers  # the Accept button is shown
    relative = f"amendments/{SLUG}/amendment.md"
    before = ws.read(relative).decode("utf-8").split("\n---\n", 1)[1]
    start = ws.resolve("HEAD").sha
    done = c.post(f"/a/{SLUG}/comments/{comment.id}/accept",
                  data={"csrf": token(c, f"/a/{SLUG}/comments"), "reply": "Tiếp thu."})
    assert done.status_code == 303, done.text
    first, second = ws.repo.git.rev_list("--reverse", f"{start}..HEAD").split()
    assert str(ws.repo.git.show("--name-only", "--format=", first)).split() == [relative]
    assert str(ws.repo.commit(first).message).startswith(
        f"Accept the proposal of comment {comment.id} by {BODY} on d5.k1.a of {SECOND} into amendment {SLUG}")
    assert str(ws.repo.git.show("--name-only", "--format=", second)).split() == [
        f"amendments/{SLUG}/comments/{comment.id}.yaml"]
    (accepted,) = load_comments(ws, SLUG)
    assert accepted.accepted_in == first and accepted.disposition is not None
    assert (accepted.disposition.value, accepted.reply, accepted.regulation) == ("accepted", "Tiếp thu.", SECOND)
    # Below the front matter only Điều 2, the article amending the second regulation, changed.
    after = ws.read(relative).decode("utf-8").split("\n---\n", 1)[1]
    cut = before.index("## Điều 2."), before.index("## Điều 3.")
    assert after.startswith(before[:cut[0]]) and after.endswith(before[cut[1]:]) and after != before
    assert draft_text(ws, SLUG, regulation=SECOND).find("d5.k1.a").unit.text == (wording,)
    assert draft_text(ws, SLUG).find("d1.k2").unit.text == (NEW_CLAUSE,)
    page = _text(c.get(done.headers["location"]).text)
    assert "Đã sửa vào dự thảo (phiên bản <a " in page and f">{first[:7]}</a>)." in page
    assert f'/a/{SLUG}/comments/{comment.id}/accept"' not in page
