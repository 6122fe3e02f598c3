"""A comment a member sent before the pages recorded links, or one the office typed for them, holds no link: the pages
let no one withdraw or edit it (a name is no identity), and the page told the member to ask the office, which had no
way to hand it to them. `regdraft review attach ID --link KEY` attaches it to the member's link once its person and body
are the link's; the member can then withdraw or edit it."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import yaml

from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.workspace.access import invite
from regdraft.workspace.rounds import add_comment, find_comment
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import BODIES, SLUG, entered, head, token

COMMENTS = f"/a/{SLUG}/comments?round=1"


def _forms(page: str, kind: str) -> list[str]:
    return re.findall(rf'action="/a/[^"]+/comments/([0-9a-f]+)/{kind}"', page)


def test_the_office_attaches_a_members_comment_with_no_link_and_the_member_then_edits_it(
        review_ws: Workspace, invoke: Invoke) -> None:
    an_link, an_token = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    binh_link, _ = invite(review_ws, "Nguyễn Văn An", BODIES[1])  # the same name, another body
    office_link, _ = invite(review_ws, "Nguyễn Văn An", "", role="drafter")
    # Sent before links were recorded (or typed by the office from An's letter): An's name, no link.
    typed = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Ý kiến anh An gửi trước đây.", person="Nguyễn Văn An",
                        force=True)
    an = entered(review_ws, an_token)
    page = html.unescape(an.get(COMMENTS).text)
    assert _forms(page, "edit") == [] and _forms(page, "withdraw") == []
    assert "nên không rút hay sửa được ở đây; muốn rút hoặc sửa, xin liên hệ cơ quan soạn thảo" in page
    before = head(review_ws)
    refused = an.post(f"/a/{SLUG}/comments/{typed.id}/edit", data={"csrf": token(an), "text": "Sửa."})
    said = html.unescape(refused.text)
    assert refused.status_code == 403 and f"Ý kiến {typed.id} không được gửi qua đường dẫn góp ý của anh/chị" in said
    assert "có thể gắn ý kiến này với đường dẫn của anh/chị" in said and "regdraft" not in said
    assert head(review_ws) == before

    # The office names the wrong link: another body's, a drafter's, or a name several links carry. Nothing written.
    wrong = invoke(review_ws, "review", "attach", typed.id, "--link", binh_link.key)
    assert wrong.exit_code == 2 and f"was written by Nguyễn Văn An for {BODIES[0]}" in " ".join(wrong.output.split())
    drafter = invoke(review_ws, "review", "attach", typed.id, "--link", office_link.key)
    assert drafter.exit_code == 2 and "is a drafter's" in drafter.output
    several = invoke(review_ws, "review", "attach", typed.id, "--link", "Nguyễn Văn An")
    assert several.exit_code == 2 and "name the link by its id" in " ".join(several.output.split())
    unknown = invoke(review_ws, "review", "attach", typed.id, "--link", "ffffffff")
    assert unknown.exit_code == 2 and "No access link matches 'ffffffff'" in unknown.output
    assert head(review_ws) == before and find_comment(review_ws, typed.id, SLUG)[1].link == ""

    done = invoke(review_ws, "review", "attach", typed.id, "--link", an_link.key)
    assert done.exit_code == 0, done.output
    assert f"Attached comment {typed.id} on {SLUG} to the access link {an_link.key} of Nguyễn Văn An" in done.output
    assert len(list(review_ws.repo.iter_commits(f"{before}..HEAD"))) == 1
    data = yaml.safe_load(review_ws.path(f"amendments/{SLUG}/comments/{typed.id}.yaml").read_text("utf-8"))
    assert data["link"] == an_link.key and data["text"] == "Ý kiến anh An gửi trước đây."
    # Run again: said, nothing written; another link is refused (it is An's now).
    after = head(review_ws)
    again = invoke(review_ws, "review", "attach", typed.id, "--link", an_link.key)
    assert again.exit_code == 0 and "already" in again.output and head(review_ws) == after
    namesake, _ = invite(review_ws, "Nguyễn Văn An", BODIES[0])  # another member of the body, the same name
    taken = invoke(review_ws, "review", "attach", typed.id, "--link", namesake.key)
    assert taken.exit_code == 1 and f"was sent through the access link {an_link.key}" in taken.output

    # An now edits it, and may withdraw it.
    page = an.get(COMMENTS).text
    assert _forms(page, "edit") == [typed.id] and _forms(page, "withdraw") == [typed.id]
    edited = an.post(f"/a/{SLUG}/comments/{typed.id}/edit", data={"csrf": token(an), "text": "Ý kiến đã sửa."})
    assert edited.status_code == 303 and find_comment(review_ws, typed.id, SLUG)[1].text == "Ý kiến đã sửa."


def test_a_comment_naming_no_person_is_not_attached(review_ws: Workspace, invoke: Invoke) -> None:
    link, _ = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    office = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Ý kiến của Ban, không ghi người viết.", force=True)
    before = head(review_ws)
    refused = invoke(review_ws, "review", "attach", office.id, "--link", link.key)
    assert refused.exit_code == 2 and "names no person who wrote it" in refused.output
    assert head(review_ws) == before


def test_a_comment_the_office_imported_is_not_attached_to_a_members_link(review_ws: Workspace,
                                                                         invoke: Invoke) -> None:
    # Imported from a Word reply (`source`) or a sheet (`order`) under An's name: `attach` took it, said An "may now
    # withdraw or edit it", which the pages then refused, and it counted toward An's own limits (r33 sweep AZ F3).
    an_link, _ = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    replied = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Ý kiến trong văn bản trả lời của Ban.",
                          person="Nguyễn Văn An")
    sheet = add_comment(review_ws, SLUG, BODIES[0], "general", "Ý kiến trong bảng tổng hợp của Ban.",
                        person="Nguyễn Văn An")
    review_ws.commit({f"amendments/{SLUG}/comments/{c.id}.yaml": comment_to_yaml(c).encode("utf-8") for c in (
        replace(replied, source="docx:0123456789abcdef", order=1), replace(sheet, order=3))}, "Imported")
    before = head(review_ws)
    for cid, where in ((replied.id, "a Word reply (docx:0123456789abcdef)"),
                       (sheet.id, "a comment sheet (comment 3 of its import)")):
        refused = invoke(review_ws, "review", "attach", cid, "--link", an_link.key)
        said = " ".join(refused.output.split())
        assert refused.exit_code == 2 and "Traceback" not in said, said
        assert f"Comment {cid} on {SLUG} is the office's: it was imported from {where}" in said
        assert find_comment(review_ws, cid, SLUG)[1].link == ""
    assert head(review_ws) == before
