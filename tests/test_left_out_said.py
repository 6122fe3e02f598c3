"""`comment respond`, `round open` and the review server's comment form say what they leave out (r38).

Round 37 left the invisible characters out of every text as it comes in, and `comment add`, a sheet and a Word reply
said so in the import's words; `comment respond` (the reply), `round open` (the title, the bodies' names) and the
review server's comment form left them out without a word. Luật Thanh niên 57/2020/QH14 (../shared/corpus) is the
regulation the draft amends.
"""

from __future__ import annotations

import json

from regdraft.workspace.rounds import add_comment, load_comments, load_rounds
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG, BODY = "tn-sua", "Bộ Nội vụ"
SHY, ZWSP = "\u00ad", "\u200b"


def warnings(output: str) -> list[str]:
    return [w["message"] for w in json.loads(output)["warnings"]]


def test_comment_respond_says_what_the_reply_lost(thanh_nien_ws: Workspace, invoke: Invoke) -> None:
    ws = thanh_nien_ws
    comment = add_comment(ws, SLUG, BODY, "d6.k1", "Đề nghị làm rõ.")
    answered = invoke(ws, "comment", "respond", comment.id, "--disposition", "accepted",
                      "--reply", f"Đã tiếp thu, chỉnh sửa tại khoản{SHY}{ZWSP} 1.", "--json")
    assert answered.exit_code == 0, answered.output
    (stored,) = load_comments(ws, SLUG)
    assert stored.reply == "Đã tiếp thu, chỉnh sửa tại khoản 1."
    assert warnings(answered.stdout) == [
        "1 soft hyphen (Word's optional hyphens, U+00AD) left out, the first in the reply: a soft hyphen only marks "
        "where a word may break at a line's end and is no part of the wording.  «tại khoản 1.»",
        "1 invisible character (U+200B (zero width space)) left out, the first in the reply: no legal text holds "
        "them.  «tại khoản 1.»"]
    # Without --json, on stderr, as `comment add` says it; a reply without any says nothing.
    again = invoke(ws, "comment", "respond", comment.id, "--disposition", "partly", "--reply", f"Tiếp{SHY} thu.")
    assert "soft hyphen" in again.stderr and "soft hyphen" not in again.stdout, again.output
    plain = invoke(ws, "comment", "respond", comment.id, "--disposition", "partly", "--reply", "Tiếp thu.")
    assert plain.exit_code == 0 and "left out" not in plain.output, plain.output


def test_round_open_says_what_the_title_and_bodies_lost(thanh_nien_ws: Workspace, invoke: Invoke) -> None:
    ws = thanh_nien_ws
    for args in (("round", "close", SLUG), ("amend", "status", SLUG, "--draft", "2")):
        done = invoke(ws, *args)
        assert done.exit_code == 0, done.output
    opened = invoke(ws, "round", "open", SLUG, "--title", f"Lấy ý kiến lần{ZWSP} 2", "--due", "2099-08-01",
                    "--consult", BODY, "--consult", f"Bộ Tư pháp{SHY}", "--json")
    assert opened.exit_code == 0, opened.output
    assert load_rounds(ws, SLUG)[-1].consulted == (BODY, "Bộ Tư pháp")
    said = warnings(opened.stdout)
    assert said == [
        "1 soft hyphen (Word's optional hyphens, U+00AD) left out, the first in the bodies consulted (body 2): a soft "
        "hyphen only marks where a word may break at a line's end and is no part of the wording.  «Tư pháp»",
        "1 invisible character (U+200B (zero width space)) left out, the first in the round's title: no legal text "
        "holds them.  «kiến lần 2»"], said
    assert json.loads(opened.stdout)["consulted"] == [BODY, "Bộ Tư pháp"]

