"""How the review server shows comments: the person and the words selected, the member's lines, the labels typed
in a wording, and badges counting the round shown."""

from __future__ import annotations

import re
from dataclasses import replace

from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.layout import comments_folder
from regdraft.workspace.lifecycle import set_status
from regdraft.workspace.rounds import add_comment, close_round, load_comments, open_round
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, comment_form, edit_draft, token


def _with(ws: Workspace, cid: str, author: str, selection: str) -> None:
    """Give a recorded comment the fields a Word reply's import gives it."""
    (c,) = [c for c in load_comments(ws, SLUG) if c.id == cid]
    made = replace(c, author=author, selection=selection)
    ws.commit({f"{comments_folder(SLUG)}/{cid}.yaml": comment_to_yaml(made).encode("utf-8")},
              "As a Word reply's import records it")


def test_the_person_and_the_words_selected_are_shown_with_the_comment(review_ws: Workspace) -> None:
    # A Word comment's author and selected words were saved but shown nowhere.
    c = add_comment(review_ws, SLUG, BODIES[2], "d3.k1", "Đề nghị giữ nguyên cụm từ này.")
    _with(review_ws, c.id, author="Nguyễn Văn An", selection="tập trung dân chủ")
    page = client(review_ws).get(f"/a/{SLUG}/comments").text
    article = page[page.index(f'id="c-{c.id}"'):]
    assert "<strong>Văn phòng Tỉnh ủy</strong> (Nguyễn Văn An)" in article
    assert "Về đoạn “tập trung dân chủ”:" in article


def test_a_browser_comment_records_the_reviewers_name(review_ws: Workspace) -> None:
    # The person was only the git commit's author: no `author:` in the file, nothing to show.
    c = client(review_ws)
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), name="Trần Thị Bình"))
    assert sent.status_code == 303, sent.text
    (recorded,) = load_comments(review_ws, SLUG)
    assert recorded.author == "Trần Thị Bình"
    assert "author: Trần Thị Bình" in review_ws.read(f"{comments_folder(SLUG)}/{recorded.id}.yaml").decode("utf-8")
    assert "(Trần Thị Bình)" in c.get(f"/a/{SLUG}/comments").text


def test_a_members_lines_are_kept_and_the_browsers_line_ends_are_one(review_ws: Workspace) -> None:
    # "Ý thứ nhất…\nÝ thứ hai…" was one run-on line; the browser's `\r\n` was stored as sent; backticks vanished.
    c = client(review_ws)
    text = "Ý thứ nhất: **giữ** nguyên.\r\nÝ thứ hai: bổ sung.\r\n\r\n- ý một\r\n- ý hai\r\n`mã` giữ nguyên"
    assert c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), text=text)).status_code == 303
    (recorded,) = load_comments(review_ws, SLUG)
    assert recorded.text == text.replace("\r\n", "\n")
    assert b"\\r" not in review_ws.read(f"{comments_folder(SLUG)}/{recorded.id}.yaml")
    page = c.get(f"/a/{SLUG}/comments").text
    assert ("Ý thứ nhất: **giữ** nguyên.<br>\nÝ thứ hai: bổ sung.<br>\n<br>\n- ý một<br>\n- ý hai<br>\n"
            "`mã` giữ nguyên") in page  # as typed: no Markdown read in a comment (r28/AF 3)


def test_a_file_written_with_the_browsers_line_ends_reads_with_one(review_ws: Workspace) -> None:
    c = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Một.")
    path = f"{comments_folder(SLUG)}/{c.id}.yaml"
    old = review_ws.read(path).decode("utf-8").replace("text: Một.", 'text: "Dòng một.\\r\\nDòng hai."')
    review_ws.commit({path: old.encode("utf-8")}, "A file as the browser's comments were stored")
    (read,) = load_comments(review_ws, SLUG)
    assert read.text == "Dòng một.\nDòng hai."
    assert "Dòng một.<br>\nDòng hai." in client(review_ws).get(f"/a/{SLUG}/comments").text


def test_a_wording_shows_its_labels_as_typed_and_the_points_it_drops_with_their_letters(
        review_ws: Workspace) -> None:
    # "2. …", "a) …" typed in the wording were removed when shown; the points a wording drops were struck letterless.
    labelled = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Sửa điểm b.", proposal=(
        "2. Thực hiện chế độ báo cáo với Ban Chấp hành Đảng bộ tỉnh và với cấp trên:\n"
        "a) Báo cáo Ban Chấp hành Đảng bộ tỉnh tại các kỳ hội nghị thường lệ về những công việc Ban Thường vụ Tỉnh "
        "ủy đã giải quyết giữa hai kỳ hội nghị;\n"
        "b) Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh và kết quả "
        "thực hiện các nghị quyết, chỉ thị của Đảng."))
    dropping = add_comment(review_ws, SLUG, BODIES[1], "d5.k2", "Viết gọn.", proposal=(
        "Thực hiện chế độ báo cáo định kỳ với Ban Chấp hành Đảng bộ tỉnh và cấp trên theo quy định."))
    page = client(review_ws).get(f"/a/{SLUG}/comments").text

    def wording(cid: str) -> str:
        article = page[page.index(f'id="c-{cid}"'):]
        return article[article.index("<pre>") + 5:article.index("</pre>")]

    shown = wording(labelled.id)
    assert shown.startswith("2. Thực hiện chế độ báo cáo") and "\na) Báo cáo" in shown and "\nb) Định kỳ " in shown
    assert "<del>6</del><ins>3</ins>" in shown
    struck = wording(dropping.id)
    assert "\na) Báo cáo Ban Chấp hành" in struck and "\nb) Định kỳ 6 tháng" in struck
    assert "2." not in struck.split("\n")[0]  # the clause's own label, which the wording does not type, is not struck


def test_badges_count_the_comments_of_the_round_shown(review_ws: Workspace) -> None:
    # On `?round=1`, khoản 1 Điều 3 said "1 ý kiến", leading to round 1's page, where round 2's comment is not.
    add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Vòng 1.")
    close_round(review_ws, SLUG)
    edit_draft(review_ws, "Định kỳ 6 tháng, một năm", "Định kỳ hằng quý")
    set_status(review_ws, SLUG, None, draft=3)
    open_round(review_ws, SLUG, "Vòng 2", "2025-05-15", BODIES)
    add_comment(review_ws, SLUG, BODIES[1], "d3.k1", "Vòng 2.")
    add_comment(review_ws, SLUG, BODIES[1], "general", "Chung, vòng 2.")
    c = client(review_ws)

    def badges(number: int) -> dict[str, str]:
        page = c.get(f"/a/{SLUG}/redline?round={number}").text
        return dict(re.findall(rf'<a class="badge[^"]*"(?: aria-label="[^"]*")? '
                               rf'href="/a/{SLUG}/comments\?round={number}#on-([^"]+)">([^<]*)</a>', page))

    first, second = badges(1), badges(2)
    assert list(first) == ["d5.k2"] and first["d5.k2"].startswith("1 ý kiến")
    assert sorted(second) == ["d3.k1", "general"] and all(b.startswith("1 ý kiến") for b in second.values())
    assert "#on-general" not in c.get(f"/a/{SLUG}/redline?round=1").text


def test_a_general_comment_says_general_once(review_ws: Workspace) -> None:
    # "· góp ý chung · 20/07/2025 · ý kiến 637f · góp ý chung": its type, then where its provision stands.
    general = add_comment(review_ws, SLUG, BODIES[0], "general", "Cơ bản nhất trí với dự thảo.")
    substantive = add_comment(review_ws, SLUG, BODIES[1], "general", "Đề nghị rà soát thẩm quyền.",
                              type_="substantive")
    page = client(review_ws).get(f"/a/{SLUG}/comments").text

    def meta(cid: str) -> str:
        found = re.search(rf'id="c-{cid}">\s*<p class="meta">(.*?)</p>', page, re.S)
        assert found, page
        return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())

    assert meta(general.id).count("góp ý chung") == 1, meta(general.id)
    assert f"ý kiến {general.id}" in meta(general.id)
    # A general comment of another type still says both what it is about and that it is general.
    assert "về nội dung" in meta(substantive.id) and meta(substantive.id).count("góp ý chung") == 1
