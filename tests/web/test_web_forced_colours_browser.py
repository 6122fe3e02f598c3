"""The review page in forced colours (Windows high contrast), where the browser drops backgrounds and colours: text
moved away still double struck, the provision chosen for a comment still marked on the text."""

from __future__ import annotations

from typing import Any

from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import BROWSER
from tests.web.conftest import BODIES, SLUG

pytestmark = BROWSER

STYLE = """(selector) => { const s = getComputedStyle(document.querySelector(selector));
    return {line: s.textDecorationLine, style: s.textDecorationStyle, image: s.backgroundImage,
            outline: s.outlineStyle, width: s.outlineWidth}; }"""


def test_in_forced_colours_moved_away_text_is_double_struck_and_the_chosen_provision_outlined(
        review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    page = browser_page
    page.emulate_media(forced_colors="active")
    page.goto(f"{live_server}/a/{SLUG}/redline")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    # "gạch ngang kép" (the legend's sample, and any text moved away) was two background bands: none in forced colours.
    moved = page.evaluate(STYLE, ".legend del.mv")
    assert moved["line"] == "line-through" and moved["style"] == "double", moved
    page.locator('[data-on="d12.k1.b"]').first.click()
    chosen = page.evaluate(STYLE, ".selected-provision")
    assert chosen["outline"] == "solid" and chosen["width"] == "2px", chosen  # was its yellow background alone


def test_without_forced_colours_the_chosen_provision_keeps_its_yellow_alone(
        review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    page.locator('[data-on="d12.k1.b"]').first.click()
    assert page.evaluate(STYLE, ".selected-provision")["outline"] == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.selected-provision')).backgroundColor") \
        == "rgb(255, 244, 194)"


def test_a_screen_reader_hears_what_each_mark_means_and_the_page_text_stays_the_documents(
        review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    # `<del>`/`<ins>` alone: a reader not set to announce them said "khi có trên ít nhất một phần ba", old and new
    # words run together. Now as the tagged PDF says them, in the document's words, heard but not seen.
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    tree = page.locator(".legend").aria_snapshot()
    assert "[bổ sung: gạch chân" in tree and "[bỏ: gạch ngang" in tree, tree
    assert "[chuyển đến: gạch chân kép" in tree and "[đã chuyển đi: gạch ngang kép" in tree, tree
    # The page's own text (r41: generated text, a member's copy into an email lost them), so a copy holds them; not
    # seen (the mark as wide as its words), not printed.
    copied = page.evaluate("""() => { const s = getSelection(), r = document.createRange();
        r.selectNodeContents(document.querySelector('.legend')); s.removeAllRanges(); s.addRange(r);
        return s.toString(); }""")
    assert "[bổ sung: gạch chân]" in copied and "[bỏ: gạch ngang]" in copied, copied
    assert "[chuyển đến: gạch chân kép]" in copied and "[đã chuyển đi: gạch ngang kép]" in copied, copied
    width = page.evaluate("""() => { const e = document.querySelector('.legend del.del'), r = document.createRange();
        r.selectNodeContents(e.childNodes[1]);
        return [e.getBoundingClientRect().width, r.getBoundingClientRect().width]; }""")
    assert abs(width[0] - width[1]) < 1, width
    # Left out of what review.js names a changed heading by (its title as it reads now).
    named = page.evaluate("[...document.querySelectorAll('[aria-label]')].map(h => h.getAttribute('aria-label'))")
    assert "Điều 7. Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên" in named, named
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.legend .said')).display") == "none"


def test_a_comment_badge_is_named_once_by_its_provision_and_left_out_of_a_copy_of_the_text(
        review_ws: Workspace, live_server: str, browser_page: Any) -> None:
    # "b) link 1 ý kiến · không thay đổi Bất thường khi cần thiết …": the badge read and copied mid-sentence.
    add_comment(review_ws, SLUG, BODIES[0], "d12.k1.b", "Đề nghị làm rõ.")
    page = browser_page
    page.goto(f"{live_server}/a/{SLUG}/redline")
    point = page.locator('p[data-on="d12.k1.b"]').first
    link = point.get_by_role("link", name="1 ý kiến · không thay đổi về điểm b khoản 1 Điều 12", exact=True)
    assert link.count() == 1
    copied = point.evaluate("""p => { const s = getSelection(), r = document.createRange(); r.selectNodeContents(p);
        s.removeAllRanges(); s.addRange(r); return s.toString(); }""")
    assert "ý kiến" not in copied and copied.replace(" ", "").startswith("b)Bấtthường"), copied
