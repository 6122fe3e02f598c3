"""The review pages for a member using a screen reader, the keyboard or a magnifier (WCAG 2.1 AA): contrast computed
from review.css, accessible names, headings and landmarks, live regions and languages, through the test client."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client

CSS = Path(__file__).resolve().parents[2] / "regdraft" / "web" / "static" / "review.css"


def _rules(css: str) -> list[tuple[str, dict[str, str]]]:
    """The top-level rules of a stylesheet, in order: (selector list, declarations); @media blocks left out."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    rules = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = dict((k.strip(), v.strip()) for k, _, v in (d.partition(":") for d in body.split(";")) if v)
        rules.append((selectors.strip(), declarations))
    return rules


def _computed(classes: set[str], prop: str) -> str | None:
    """`prop` of an element with these classes, by the cascade over selectors made of classes alone: the most
    specific, then the last (as the browser picks it)."""
    best: tuple[int, int, str] | None = None
    for order, (selectors, declarations) in enumerate(_rules(CSS.read_text(encoding="utf-8"))):
        if prop not in declarations:
            continue
        for selector in selectors.split(","):
            wanted = re.findall(r"\.([\w-]+)", selector.strip())
            if wanted and re.fullmatch(r"(\.[\w-]+)+", selector.strip()) and set(wanted) <= classes:
                found = (len(wanted), order, declarations[prop])
                best = found if best is None or found[:2] > best[:2] else best
    return best[2] if best else None


def _rgb(colour: str) -> tuple[float, ...]:
    named = {"white": "#ffffff", "black": "#000000"}
    colour = named.get(colour, colour).lstrip("#")
    colour = "".join(c * 2 for c in colour) if len(colour) == 3 else colour  # `#555`
    return tuple(int(colour[k:k + 2], 16) / 255 for k in (0, 2, 4))


def _ratio(one: tuple[float, ...], two: tuple[float, ...]) -> float:
    def luminance(rgb: tuple[float, ...]) -> float:
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("state", ["unchanged", "changed", "moved", "removed", None])
def test_every_comment_badge_reads_at_4_5_to_1(state: str | None) -> None:
    # `.state-changed, .state-removed { color: #b3261e }`, meant for the comments page, came after `.badge` and
    # turned the badge's white text red: 1:1 on the red "đã bỏ" badge, 1.89:1 on the orange "đã sửa".
    classes = {"badge"} | ({f"state-{state}"} if state else set())
    text, ground = _computed(classes, "color"), _computed(classes, "background")
    assert text and ground
    assert _ratio(_rgb(text), _rgb(ground)) >= 4.5, (state, text, ground)


def test_the_comments_page_still_says_a_changed_state_in_red() -> None:
    assert _computed({"state", "state-changed"}, "color") == "#b3261e"


def test_the_forms_hint_reads_at_4_5_to_1_on_the_panel() -> None:
    # The hints under the comment form are 12 px grey (#555 on the panel's #fbfbf8: 7.2:1); small text needs 4.5:1.
    text, ground = _computed({"hint"}, "color"), _computed({"comment-panel"}, "background")
    assert text and ground
    assert _ratio(_rgb(text), _rgb(ground)) >= 4.5, (text, ground)


def test_a_part_button_at_rest_stands_3_to_1_against_the_page() -> None:
    # The ✎ buttons were faint at opacity 0.45: 2.25:1, under WCAG 1.4.11's 3:1 for a control.
    colour, opacity = _rgb(_computed({"part-pick"}, "color") or ""), float(_computed({"part-pick"}, "opacity") or 1)
    shown = tuple(opacity * c + (1 - opacity) * 1.0 for c in colour)  # over the white page
    assert _ratio(shown, (1.0, 1.0, 1.0)) >= 3


def test_a_changed_articles_buttons_stay_on_a_narrow_screen() -> None:
    # `.chg > .part-picks` pulled the buttons left of the change bar, off the left edge at 320 px and at 200% zoom.
    # (A heading's buttons stand before it, outside it: `.part-picks:has(+ .chg)`, reset the same way.)
    narrow = re.search(r"@media screen and \(max-width: 1000px\) \{\s*\.chg > \.part-picks, "
                       r"\.part-picks:has\(\+ \.chg\) \{ margin-left: 0; \}", CSS.read_text(encoding="utf-8"))
    assert narrow


def test_every_field_of_the_comment_form_has_a_name_and_the_choice_is_said(review_ws: Workspace) -> None:
    page = client(review_ws).get(f"/a/{SLUG}/redline").text
    editor = re.search(r'<textarea name="proposal"[^>]*>', page)
    assert editor and 'aria-label="Đề xuất sửa thành"' in editor.group(0)
    assert 'aria-describedby="proposal-hint"' in editor.group(0) and 'id="proposal-hint"' in page
    versions = re.findall(r'<input name="(?:from|to)"[^>]*>', page)
    assert len(versions) == 2
    assert 'aria-label="So sánh từ phiên bản (mã phiên bản)"' in versions[0]
    assert 'aria-label="So sánh với phiên bản (để trống: dự thảo đang soạn)"' in versions[1]
    # "Đã chọn: Tên Điều 7" is read out when it changes, and describes the comment box the focus moves to.
    assert '<p class="selected" id="comment-where" aria-live="polite"></p>' in page
    assert re.search(r'<textarea name="text" id="comment-text" aria-describedby="comment-where"', page)


def test_the_two_replies_of_a_comment_are_told_apart(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d19.k1", "Đề nghị sửa.", proposal="1. Nội dung mới.")
    page = client(review_ws).get(f"/a/{SLUG}/comments").text
    names = re.findall(r'<textarea name="reply" aria-label="([^"]*)"', page)
    assert names == [f"Nội dung giải trình – ý kiến {comment.id}",
                     f"Nội dung giải trình khi tiếp thu đề xuất – ý kiến {comment.id}"]
    assert "<label>Nội dung giải trình khi tiếp thu đề xuất <textarea" in page


def test_each_comments_answer_buttons_say_which_comment(review_ws: Workspace) -> None:
    # "Lưu kết quả tiếp thu, giải trình" and "Tiếp thu đề xuất, sửa vào dự thảo" repeated with the same name on every
    # comment: a screen reader's list of buttons could not tell them apart. The name begins with the words shown.
    first = add_comment(review_ws, SLUG, BODIES[0], "d19.k1", "Đề nghị sửa.", proposal="1. Nội dung mới.")
    second = add_comment(review_ws, SLUG, BODIES[1], "d5.k2", "Đề nghị làm rõ.")
    page = client(review_ws).get(f"/a/{SLUG}/comments").text
    buttons = re.findall(r'<button type="submit" aria-label="([^"]*)">([^<]*)</button>', page)
    assert sorted(buttons) == sorted([
        (f"Lưu kết quả tiếp thu, giải trình – ý kiến {first.id}", "Lưu kết quả tiếp thu, giải trình"),
        (f"Tiếp thu đề xuất, sửa vào dự thảo – ý kiến {first.id}", "Tiếp thu đề xuất, sửa vào dự thảo"),
        (f"Lưu kết quả tiếp thu, giải trình – ý kiến {second.id}", "Lưu kết quả tiếp thu, giải trình")])
    assert f'aria-label="Kết quả tiếp thu – ý kiến {second.id}"' in page


@pytest.mark.parametrize("path", ["redline", "report"])
def test_the_document_pages_have_a_title_heading_headings_and_a_main_landmark(review_ws: Workspace, path: str) -> None:
    page = client(review_ws).get(f"/a/{SLUG}/{path}").text
    main = re.search(r"<main>(.*)</main>", page, re.S)
    assert main, "no <main>"
    assert 'class="review-nav"' not in main.group(1)  # the server's bar stands before the document
    assert len(re.findall(r"<h1[ >]", page)) == 1
    if path == "redline":
        assert re.search(r'<h1 class="doc-title"><span class="doc-type">BẢN SO SÁNH</span>', page)
        assert re.search(r'<h2 class="chapter[^"]*"[^>]*>.*?Chương I<br>NHỮNG QUY ĐỊNH CHUNG</h2>', page)
        assert re.search(r'<h3 class="article-heading[^"]*"[^>]*>.*Điều 7\.', page)  # a changed article
        assert re.search(r'<h3 class="article-heading[^"]*"[^>]*>.*Điều 8\.', page)  # an unchanged one
        assert "</aside>" in page[main.end():]  # the comment panel is not the main content


def test_after_a_comment_the_notice_is_a_status(review_ws: Workspace) -> None:
    page = client(review_ws).get(f"/a/{SLUG}/redline?round=1&added=e254").text
    assert '<p class="notice" id="added-notice" role="status" tabindex="-1">Đã lưu góp ý e254.</p>' in page


def test_a_title_in_english_on_the_vietnamese_home_page_says_so(review_ws: Workspace) -> None:
    page = client(review_ws).get("/").text
    assert '<html lang="vi">' in page
    assert re.search(r'<td data-label="Tên văn bản" lang="en">Working Regulations of the Provincial Party', page)
    # The page's own language is not marked again.
    assert re.search(r'<td data-label="Tên văn bản">Quy chế làm việc', page)


def test_the_articles_of_a_section_are_headed_one_level_below_it(review_ws: Workspace) -> None:
    # Mục 1 and Điều 12 inside it were both h3: a screen reader's outline put the article level with its section
    # (sweep r28/AF, defect 7). Under a chapter with no sections an article stays h3.
    page = client(review_ws).get(f"/a/{SLUG}/redline").text
    levels = [(m.group(1), m.group(2), re.sub(r"<[^>]+>", "", m.group(3)))
              for m in re.finditer(r'<h(\d) class="(chapter|section|article-heading)[^"]*"[^>]*>(.*?)</h\1>', page)]

    def level(words: str) -> str:
        return next(h for h, _, text in levels if text.startswith(words))
    assert level("Chương IV") == "2" and level("Mục 1") == "3" and level("Điều 12.") == "4"
    assert level("Mục 3") == "3" and level("Điều 21.") == "4"
    assert level("Chương V") == "2" and level("Điều 22.") == "3" and level("Điều 3.") == "3"
