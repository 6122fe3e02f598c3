"""Commenting on a part of a unit from the review page: a title, a lead-in, a closing text, a dash item.

The page let a member click an article, a clause or a point, and nothing else: a comment on the lead-in of khoản 4
Điều 7 or on the title of Điều 7 needed its address typed in the provision box, which members never do. Each part
now begins with a button choosing it (`data-pick`), named in words; its paragraphs name it (`data-part`) and still
belong to their unit (`data-on`), so a click elsewhere in them chooses the unit as before. The browser's side is in
test_web_browser.py.
"""

from __future__ import annotations

import html
import re

import yaml

from regdraft.core.amend.proposal import PROPOSABLE
from regdraft.core.comments import anchor_text
from regdraft.core.part_codes import TITLE
from regdraft.core.parts import unit_parts
from regdraft.workspace.rounds import close_round, draft_text, find_round, load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, comment_form, provision_texts, token


def _buttons(text: str) -> dict[str, str]:
    """The parts the page's buttons choose, each with the name the button says (its title and accessible name)."""
    found = re.findall(r'<button type="button" class="part-pick" data-pick="([^"]+)" title="([^"]+)" '
                       r'aria-label="([^"]+)"></button>', text)
    assert all(title == label for _, title, label in found)
    named = {pick: html.unescape(title) for pick, title, _ in found}
    assert len(named) == len(found), "a part with two buttons"
    return named


def test_every_part_of_the_round_draft_begins_with_a_button_naming_it(review_ws: Workspace) -> None:
    text = client(review_ws).get(f"/a/{SLUG}/redline").text
    buttons = _buttons(text)
    draft = draft_text(review_ws, SLUG, find_round(review_ws, SLUG).revision)
    expected = {str(loc.address.with_part(part)) for loc in draft.walk() for part in unit_parts(loc.unit)
                if loc.unit.kind in PROPOSABLE or part == TITLE}
    assert set(buttons) == expected
    assert {"d7.title", "d7.k4.intro", "d7.k4.dash2", "d21.k2.end", "ch3.title", "d16.k1.dash3"} <= expected
    assert buttons["d7.k4.intro"] == "Góp ý vào đoạn mở đầu khoản 4 Điều 7"
    assert buttons["d7.title"] == "Góp ý vào tên Điều 7"
    assert buttons["d21.k2.end"] == "Góp ý vào đoạn cuối khoản 2 Điều 21"
    assert buttons["d7.k4.dash2"] == "Góp ý vào gạch đầu dòng thứ hai khoản 4 Điều 7"
    # The paragraphs of a part name it and stay their unit's: a click on their words chooses the clause.
    assert re.search(r'<p class="dash" data-on="d7.k4" data-part="d7.k4.dash2"><span class="part-picks">'
                     r'<button [^>]*data-pick="d7.k4.dash2"[^>]*></button></span>- Giữ gìn phẩm chất', text)
    assert re.search(r'<span class="part-picks"><button [^>]*data-pick="d7.title"[^>]*></button></span>'
                     r'<h3 class="article-heading chg" id="[^"]+" data-on="d7" data-part="d7.title">Điều 7', text)
    # The handle stands just before the heading, outside it: the heading is named by its text alone.
    assert re.search(r'<span class="part-picks"><button [^>]*data-pick="ch3.title"[^>]*></button></span>'
                     r'<h2 class="chapter[^"]*" data-part="ch3.title">', text)
    # The provision box lists them by name, and the wording editor opens with the part's own text.
    assert '<option value="d7.k4.intro">Đoạn mở đầu khoản 4 Điều 7</option>' in text
    texts = provision_texts(text)
    assert texts["d7.k4.dash2"] == ("- Giữ gìn phẩm chất đạo đức, lối sống; đấu tranh chống chủ nghĩa cá nhân, cơ hội, "
                                    "thực dụng;")
    assert texts["d7.title"] == "Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"
    assert texts["d21.k2.end"] == "Kết quả kiểm tra, giám sát được báo cáo Ban Thường vụ Tỉnh ủy."


def test_a_comment_sent_on_a_part_is_recorded_on_it(review_ws: Workspace) -> None:
    c = client(review_ws)
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d7.k4.intro", text="Đề nghị nêu rõ hơn."))
    assert sent.status_code == 303 and sent.headers["location"].endswith("#on-d7.k4.intro")
    proposal = "Nhiệm vụ, quyền hạn và trách nhiệm của Tỉnh ủy viên"
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d7.title", text="Gọn hơn.", proposal=proposal,
                                                           body=BODIES[1]))
    assert sent.status_code == 303
    circulated = draft_text(review_ws, SLUG, find_round(review_ws, SLUG).revision)
    recorded = {}
    for comment in load_comments(review_ws, SLUG):
        data = yaml.safe_load(review_ws.path(f"amendments/{SLUG}/comments/{comment.id}.yaml").read_text("utf-8"))
        recorded[data["provision"]] = data
    assert set(recorded) == {"d7.k4.intro", "d7.title"}
    assert recorded["d7.k4.intro"]["anchor"] == anchor_text(circulated, "d7.k4.intro") \
        == "Tỉnh ủy viên có trách nhiệm nêu gương về:"
    assert recorded["d7.title"]["proposal"] == proposal and recorded["d7.title"]["by"] == BODIES[1]


def test_a_closed_round_has_no_buttons(review_ws: Workspace) -> None:
    close_round(review_ws, SLUG)
    text = client(review_ws).get(f"/a/{SLUG}/redline").text
    assert "part-pick" not in text and "data-part" not in text and 'data-on="d7.k4"' in text
