"""The review server's pages, through Starlette's test client: what each shows, and what it refuses."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from regdraft.core.comments import RoundStatus
from regdraft.workspace.rounds import add_comment, close_round, load_comments, open_round
from regdraft.workspace.store import Workspace, init_workspace
from tests import pdf_text
from tests.conftest import REPO_ROOT, unsaid
from tests.web.conftest import BODIES, SLUG, client, edit_draft, provision_texts


def test_home_lists_regulations_amendments_and_open_rounds(review_ws: Workspace) -> None:
    c = client(review_ws)
    page = c.get("/")
    assert page.status_code == 200
    assert "01-QC/TU" in page.text and "Quy chế làm việc" in page.text
    row = re.search(r"<tr>\s*<td[^>]*><a href=\"/a/qc-sua-doi-2025/redline\">.*?</tr>", page.text, re.S)
    assert row, page.text
    assert "đang lấy ý kiến" in row.group(0) and re.search(r'<td data-label="[^"]*">2</td>', row.group(0))
    assert "Vòng lấy ý kiến 1 (đang lấy ý kiến, hạn góp ý 15/3/2025)" in row.group(0)
    assert "0/3 cơ quan, đơn vị đã gửi ý kiến" in row.group(0)
    add_comment(review_ws, SLUG, BODIES[1], "d20a", "Đề nghị bổ sung.")
    assert "1/3 cơ quan, đơn vị đã gửi ý kiến; 1 ý kiến, 1 chưa xử lý" in c.get("/").text


def test_redline_shows_the_round_draft_with_marks_addresses_and_comment_badges(review_ws: Workspace) -> None:
    add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ.")
    add_comment(review_ws, SLUG, BODIES[1], "d5.k2", "Đề nghị bỏ.")
    page = client(review_ws).get(f"/a/{SLUG}/redline")
    assert page.status_code == 200
    text = page.text
    assert "Dự thảo lần 2 – Vòng lấy ý kiến 1 (đang lấy ý kiến)" in text
    assert 'class="ins"' in text and 'class="del"' in text          # the redline's own marks
    assert "Tóm tắt các thay đổi" in text                             # and its summary
    assert 'data-on="d5.k2"' in text and 'data-on="d5.k2.a"' in text  # every provision is addressable
    badge = re.search(r'<a class="badge ([^"]*)" aria-label="[^"]*" '
                      r'href="/a/qc-sua-doi-2025/comments\?round=1#on-d5.k2">([^<]*)</a>', text)
    assert badge and badge.group(1) == "state-unchanged" and badge.group(2) == "2 ý kiến · không thay đổi"
    assert 'id="comment-form"' in text
    assert provision_texts(text)["d5.k2.a"].startswith("a) Báo cáo Ban Chấp hành")
    # The text the round compares with is named as the text in force, by its document and date of effect,
    # not as "Phiên bản <commit>" dated by the commit.
    cover = re.search(r'<p class="cover-line">(.*?)</p>', text, re.S)
    assert cover and "so với văn bản hiện hành (Quy chế số 01-QC/TU, có hiệu lực từ ngày 09/01/2021)" in cover.group(1)
    assert "Phiên bản" not in cover.group(1)


def test_comments_on_parts_of_a_unit_are_counted_on_the_unit_and_lead_to_the_first(review_ws: Workspace) -> None:
    # Comments on a title, a lead-in, a closing text or a dash item were counted nowhere on the page: it marks
    # provisions, and their badges were keyed by the part's address (`d21.k2.end`).
    for on in ("d21.k2.end", "d7.k4.dash2", "d7.title", "d5.k2.intro", "d5.k2"):
        add_comment(review_ws, SLUG, BODIES[0], on, f"Về {on}.")
    text = client(review_ws).get(f"/a/{SLUG}/redline").text

    def badge(on: str) -> str:
        found = re.findall(r'<a class="badge state-unchanged" aria-label="[^"]*" '
                           r'href="/a/qc-sua-doi-2025/comments\?round=1#on-'
                           + re.escape(on) + r'">([^<]*)</a>', text)
        assert len(found) == 1, (on, found)
        return str(found[0])

    assert badge("d21.k2.end") == badge("d7.k4.dash2") == badge("d7.title") == "1 ý kiến · không thay đổi"
    assert badge("d5.k2") == "2 ý kiến · không thay đổi"  # its own and its lead-in's, leading to its own first
    assert "#on-d5.k2.intro" not in text
    answers = client(review_ws).get(f"/a/{SLUG}/comments").text
    for on in ("d21.k2.end", "d7.k4.dash2", "d7.title", "d5.k2"):
        assert f'id="on-{on}"' in answers


def test_badge_says_changed_once_the_provision_changed_since_the_comment(review_ws: Workspace) -> None:
    add_comment(review_ws, SLUG, BODIES[0], "d5.k2.b", "Đề nghị sửa.")
    edit_draft(review_ws, "Định kỳ 6 tháng, một năm", "Định kỳ hằng quý")
    text = client(review_ws).get(f"/a/{SLUG}/redline").text
    assert "1 ý kiến · đã sửa" in text and "state-changed" in text


def test_document_text_is_escaped_and_never_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    evil = '<script>alert("x")</script><style>body{display:none}</style><img src="http://example.com/x.png">'
    text = ws.read("regulations/01-QC-TU.md").decode("utf-8")
    assert "Quy chế này quy định" in text
    ws.commit({"regulations/01-QC-TU.md": text.replace("Quy chế này quy định", evil + " Quy chế này quy định", 1)
               .encode("utf-8")}, "A hostile edit")
    open_round(ws, SLUG, "", "2025-03-15", BODIES)
    add_comment(ws, SLUG, BODIES[0], "general", evil)
    c = client(ws)
    for url in (f"/a/{SLUG}/redline", f"/a/{SLUG}/comments", f"/a/{SLUG}/report"):
        page = c.get(url)
        assert page.status_code == 200
        assert "&lt;script&gt;" in page.text, url
        assert "<script>alert" not in page.text and "<style>body{display" not in page.text
        assert '<img src="http://example.com' not in page.text
        scripts = re.findall(r"<script[^>]*>", page.text)
        assert set(scripts) <= {'<script src="/static/review.js" defer>',
                                '<script type="application/json" id="provision-texts">'}
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_any_two_versions_of_the_draft(review_ws: Workspace) -> None:
    first = review_ws.resolve("HEAD").sha
    edit_draft(review_ws, "Định kỳ 6 tháng, một năm", "Định kỳ hằng quý")
    page = client(review_ws).get(f"/a/{SLUG}/redline?from={first[:10]}&to=HEAD")
    assert page.status_code == 200
    assert f"Dự thảo tại phiên bản {first[:7]} so với {review_ws.resolve('HEAD').short}" in page.text
    assert re.search(r'<del class="del">[^<]*6 tháng, một năm', unsaid(page.text))
    assert re.search(r'<ins class="ins">[^<]*hằng quý', unsaid(page.text))
    assert 'id="comment-form"' not in page.text   # comments go to the circulated draft only


def test_a_revision_the_workspace_lacks_is_refused_in_the_pages_language(review_ws: Workspace) -> None:
    """A code typed in the page's "So sánh dự thảo tại phiên bản" box that names nothing: said in Vietnamese, not in
    git's English (`There is no revision 'zzz' in the workspace`)."""
    for query in ("from=zzz", "from=HEAD&to=zzz"):
        unknown = client(review_ws).get(f"/a/{SLUG}/redline?{query}")
        assert unknown.status_code == 404 and "Không có phiên bản “zzz” của dự thảo." in unknown.text
        assert "There is no revision" not in unknown.text and "tiếng Anh" not in unknown.text


def test_closed_round_is_read_only(review_ws: Workspace) -> None:
    close_round(review_ws, SLUG)
    c = client(review_ws)
    page = c.get(f"/a/{SLUG}/redline")
    assert "Vòng lấy ý kiến 1 đã kết thúc: dự thảo này chỉ để xem." in page.text
    assert 'id="comment-form"' not in page.text
    answers = c.get(f"/a/{SLUG}/comments")
    assert "Vòng lấy ý kiến này đã kết thúc" in answers.text and "/respond" not in answers.text


def test_comments_are_grouped_by_provision_in_document_order(review_ws: Workspace) -> None:
    add_comment(review_ws, SLUG, BODIES[0], "d20a", "Về Điều 20a.")
    add_comment(review_ws, SLUG, BODIES[1], "d5.k2", "Về khoản 2 Điều 5.")
    add_comment(review_ws, SLUG, BODIES[2], "general", "Góp ý chung.")
    add_comment(review_ws, SLUG, BODIES[2], "d5.k2", "Thêm về khoản 2 Điều 5.")
    page = client(review_ws).get(f"/a/{SLUG}/comments")
    headings = re.findall(r'<section class="provision-group" id="on-([^"]+)">', page.text)
    assert headings == ["general", "d5.k2", "d20a"]
    group = page.text[page.text.index('id="on-d5.k2"'):page.text.index('id="on-d20a"')]
    # Within a provision, the comments keep their recorded order (creation time, then id).
    expected = [c.text for c in load_comments(review_ws, SLUG) if c.on == "d5.k2"]
    assert sorted(expected, key=group.index) == expected and len(expected) == 2
    assert page.text.count("/respond") == 4   # the local user is the drafter: every comment can be answered


def test_report_page_and_downloads(review_ws: Workspace) -> None:
    add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Đề nghị làm rõ thời hạn.", proposal="2. Mới.")
    c = client(review_ws)
    page = c.get(f"/a/{SLUG}/report")
    assert page.status_code == 200
    assert "BÁO CÁO" in page.text and "Đề nghị làm rõ thời hạn." in page.text
    for fmt in ("pdf", "docx", "csv", "xlsx"):
        assert f'href="/a/{SLUG}/report.{fmt}?round=1"' in page.text
    sheet = c.get(f"/a/{SLUG}/report.csv?round=1")
    assert sheet.headers["content-type"].startswith("text/csv")
    assert "attachment" in sheet.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(sheet.content.decode("utf-8-sig"))))
    assert rows[1][3:5] == [BODIES[0], "Đề nghị làm rõ thời hạn."]
    book = c.get(f"/a/{SLUG}/report.xlsx?round=1")
    assert book.headers["content-type"].endswith("spreadsheetml.sheet")
    assert ".xlsx" in book.headers["content-disposition"]
    import openpyxl

    cells = [cell.value for row in openpyxl.load_workbook(io.BytesIO(book.content)).active.iter_rows() for cell in row]
    assert BODIES[0] in cells and any(str(v).startswith("Đề nghị làm rõ thời hạn.") for v in cells)
    word = c.get(f"/a/{SLUG}/report.docx?round=1")
    assert word.status_code == 200 and word.content[:2] == b"PK"
    pdf = c.get(f"/a/{SLUG}/report.pdf?round=1")
    text = " ".join(pdf_text.pages(pdf.content))
    assert "BÁO CÁO" in text and "Ban Tổ chức Tỉnh ủy" in text
    assert c.get(f"/a/{SLUG}/report.exe").status_code == 400


def test_refusals_of_bad_addresses(review_ws: Workspace) -> None:
    c = client(review_ws)
    missing = c.get("/a/no-such-thing/redline")
    assert missing.status_code == 404 and "Không có dự thảo “no-such-thing”" in missing.text
    assert "<h1>Không tìm thấy</h1>" in missing.text
    assert c.get("/a/..%2F..%2Fetc/redline").status_code in (400, 404)
    assert c.get(f"/a/{SLUG}/redline?from=HEAD:regdraft.yaml").status_code == 400
    assert c.get(f"/a/{SLUG}/redline?round=x").status_code == 400
    # A digit `str.isdigit` takes and `int` refuses (a 500 and a traceback), or more digits than `int` reads.
    for shown in ("redline", "comments", "report", "report.pdf"):
        for number in ("%C2%B2", "1" * 5000):
            refused = c.get(f"/a/{SLUG}/{shown}?round={number}")
            assert refused.status_code == 400 and "không phải là số của vòng lấy ý kiến" in refused.text, shown
    assert c.get(f"/a/{SLUG}/redline?round=7").status_code == 404
    # The report and its downloads say it as the other pages do, in the page's words (it was in English).
    for address in (f"/a/{SLUG}/report?round=7", f"/a/{SLUG}/report.pdf?round=7"):
        page = c.get(address)
        assert page.status_code == 404 and "không có vòng lấy ý kiến 7" in page.text and "has no round" not in page.text
    # A revision the workspace lacks is named without the server's folder.
    unknown = c.get(f"/a/{SLUG}/redline?from=nonexist")
    assert unknown.status_code == 404 and str(review_ws.root) not in unknown.text
    assert c.get("/static/../../regdraft.yaml").status_code == 404
    assert c.get("/favicon.ico").status_code == 204  # asked for by every browser: no error in the console
    assert c.get("/", headers={"host": "attacker.example"}).status_code == 400  # no DNS rebinding


def test_round_status_is_read_from_the_workspace(review_ws: Workspace) -> None:
    from regdraft.workspace.rounds import find_round

    assert find_round(review_ws, SLUG).status is RoundStatus.OPEN


def test_before_any_round_the_working_draft_is_shown_without_a_form(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    c = client(ws)
    page = c.get(f"/a/{SLUG}/redline")
    assert page.status_code == 200 and "Dự thảo đang soạn (chưa lấy ý kiến)" in page.text
    assert 'class="ins"' in page.text and 'id="comment-form"' not in page.text
    assert "Chưa lấy ý kiến." in c.get("/").text
    assert c.get(f"/a/{SLUG}/comments").status_code == 404


def test_the_amendment_address_leads_to_its_redline_and_the_own_files_are_served(review_ws: Workspace) -> None:
    c = client(review_ws)
    moved = c.get(f"/a/{SLUG}")
    assert moved.status_code == 303 and moved.headers["location"] == f"/a/{SLUG}/redline"
    script = c.get("/static/review.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "provision-texts" in script.text
    style = c.get("/static/review.css")
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")


def test_an_adopted_amendment_without_rounds_shows_what_it_changed(tmp_path: Path) -> None:
    """Its changes are already in the working text: the page compares the text before its adoption."""
    from regdraft.workspace.adoption import adopt

    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    adopt(ws, SLUG, "2025-03-28", force="Hội nghị quyết định")
    page = client(ws).get(f"/a/{SLUG}/redline")
    assert page.status_code == 200 and "Văn bản đã thông qua, so với văn bản trước khi sửa đổi" in page.text
    assert re.search(r'<ins class="ins">[^<]*', page.text)


def test_a_comment_on_a_chapter_title_is_counted_on_the_chapter_heading(review_ws: Workspace) -> None:
    # Every commented provision had its badge but a chapter: its heading, printed by the redline's own loop rather
    # than as a provision, carried none, so a comment on `ch5.title` was counted nowhere on the page.
    for on in ("ch5.title", "ch1.title", "ch1.title"):  # the title the draft amends, and one it leaves as it is
        add_comment(review_ws, SLUG, BODIES[0], on, f"Về {on}.", force=True)  # ch1.title twice
    text = client(review_ws).get(f"/a/{SLUG}/redline").text
    for on, said in (("ch5.title", "1 ý kiến · không thay đổi"), ("ch1.title", "2 ý kiến · không thay đổi")):
        heading = re.search(r'<h2 class="chapter[^"]*"[^>]*>((?:(?!</h2>).)*#on-' + re.escape(on) + r'.*?)</h2>',
                            text, re.S)
        assert heading, on
        assert f">{said}</a>" in heading.group(1)
