"""What the redline says it is (issue 15 §2): a comparison naming both documents, versions named by
document, draft and date (the text in force by its effective date), commit ids only in a metadata
line at the end, and a summary giving the page of each change."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from regdraft.workspace.store import Workspace
from tests import pdf_text
from tests.conftest import FIXTURES, Invoke, module_git, run_cli, unwrapped, workspace_copy
from tests.test_english_documents import in_words
from tests.test_render_pdf import pdf_fonts

# The running header: both documents named as the title names them, shortened by whole words to one line.
# The term kept when the title is cut (r23 s11terms: term XIV's and term XV's 01-QC/TU read alike without it). The
# text in force as the title line names it (r43 cmp43 2).
RUNNING = "Bản so sánh Dự thảo lần 2 (05-QC/TU) với Quy chế số 01-QC/TU ngày 09/01/2021"


def _pages(pdf: Path) -> list[str]:
    return [" ".join(page.split()) for page in pdf_text.pages(pdf)]


@pytest.fixture(scope="module")
def shipped_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped workspace's redline PDF, printed once a module (two tests read it, about 1 s of CPU a print) from a
    copy of the workspace each test's `tmp_workspace` copies: the same files and history, so the same versions, ids
    and dates as the test's own."""
    folder = tmp_path_factory.mktemp("shipped")
    pdf = folder / "r.pdf"
    with module_git(tmp_path_factory):
        result = run_cli(workspace_copy(tmp_path_factory, "tmp_workspace", folder / "ws"), "redline", "01-QC/TU",
                         "-o", str(pdf), catch=False)
    assert result.exit_code == 0, result.output
    return pdf


def test_the_title_names_both_documents_and_the_versions_their_dates(shipped_pdf: Path,
                                                                      tmp_workspace: Workspace) -> None:
    pages = _pages(shipped_pdf)
    first = pages[0]
    assert ("BẢN SO SÁNH Dự thảo lần 2 Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp "
            "hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025 (05-QC/TU) với Quy chế số 01-QC/TU ngày 09/01/2021") \
        in first
    # The text in force is dated by its effective date; the draft by the day it was last saved.
    last_saved = tmp_workspace.log("amendments/qc-sua-doi-2025/amendment.md", limit=1)[0].date
    year, month, day = str(last_saved)[:10].split("-")
    # The new text first, as the title line names them.
    assert (f"Dự thảo lần 2 (Quy chế số 05-QC/TU, ngày {day}/{month}/{year}) so với văn bản hiện hành (Quy chế số "
            "01-QC/TU, có hiệu lực từ ngày 09/01/2021)") in first
    assert "Số 05-QC/TU" not in first and "commit" not in first  # no number of its own, no commit id up front
    assert not re.search(r"\d{4}-\d{2}-\d{2}", " ".join(pages))  # no ISO date, the metadata line's included
    head = tmp_workspace.log("regulations/01-QC-TU.md", limit=1)[0].short
    assert re.search(rf"Các phiên bản được so sánh: 01-QC/TU: mã phiên bản {head}, \d{{2}}/\d{{2}}/\d{{4}}; "
                     r"05-QC/TU: mã phiên bản [0-9a-f]{7}, \d{2}/\d{2}/\d{4}\.", pages[-1])
    # The running header names the documents as the title does, shortened by whole words to one line.
    assert RUNNING in pages[1]
    assert all("Tinos" in f or "LiberationSerif" in f.replace("-", "") for f in pdf_fonts(shipped_pdf))


def test_the_text_in_force_is_dated_by_its_latest_adopted_amendment(tmp_workspace: Workspace,
                                                                    invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-03-01",
                    "--effective", "2025-03-15", "--force", "--reason", "test", catch=False)
    assert result.exit_code == 0, result.output
    html = tmp_workspace.root / "r.html"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--to", "HEAD", "-o", str(html), catch=False)
    assert result.exit_code == 0, result.output
    text = " ".join(re.sub(r"<[^>]+>", " ", unwrapped(html.read_text(encoding="utf-8"))).split())
    # ... and names that amendment: the date is not the text's own (Luật Đấu thầu read "có hiệu lực từ ngày 15 tháng
    # 01 năm 2025", the date of Luật 57/2024, not its own 01/01/2024).
    assert ("văn bản hiện hành (Quy chế số 01-QC/TU, được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU, có hiệu lực từ "
            "ngày 15/3/2025)") in text


def test_dates_in_words_when_the_profile_says_so(tmp_workspace: Workspace, invoke: Invoke) -> None:
    profiles = tmp_workspace.root / "profiles"
    profiles.mkdir(exist_ok=True)
    (profiles / "words.yaml").write_text("base: party-36\ndates:\n  cited: words\n", encoding="utf-8")
    settings = tmp_workspace.root / "regdraft.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "profile: words\n", encoding="utf-8")
    html = tmp_workspace.root / "r.html"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "-o", str(html), "--force", catch=False)
    assert result.exit_code == 0, result.output
    text = " ".join(re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8")).split())
    assert "với Quy chế số 01-QC/TU ngày 09 tháng 01 năm 2021" in text
    assert "có hiệu lực từ ngày 09 tháng 01 năm 2021" in text


def test_the_summary_gives_the_page_each_change_is_on(shipped_pdf: Path, tmp_workspace: Workspace) -> None:
    from regdraft.render.profile import load_profile
    from regdraft.render.redline_helpers import Helpers
    from regdraft.workspace import redline as rl

    pages = _pages(shipped_pdf)
    reader = PdfReader(str(shipped_pdf))
    anchors: dict[str, int] = {}
    for name, dest in reader.named_destinations.items():
        number = reader.get_destination_page_number(dest)
        assert number is not None, name  # every anchor of the redline points at one of its pages
        anchors[name] = number + 1
    redline = rl.build(tmp_workspace, "01-QC/TU")
    helpers = Helpers(redline, load_profile({}))
    summary = " ".join(pages[:2])
    for n, change in enumerate(redline.comparison.changes, 1):
        described = " ".join(helpers.describe(change).split())
        kind = helpers.kind_label(change.kind, change)
        found = re.search(rf"{n}\. {re.escape(described)} {re.escape(kind)} tr\. (\d+)", summary)
        assert found, described
        printed = int(found.group(1))
        assert printed == anchors[change.anchor], described
        # And the change is there, by its text: its first inserted or deleted words are on that page
        # (or, when the provision starts at the foot of the page, on the next).
        words = next((" ".join(s.text.split()[:3]) for s in change.segments if s.op != "equal" and
                      len(s.text.split()) >= 3), None)
        if words:
            assert words in pages[printed - 1] + " " + pages[min(printed, len(pages) - 1)], (described, words)
    assert len(anchors) >= len(redline.comparison.changes)


TITLE = ("Dự thảo lần 2 Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh "
         "khóa XIV, nhiệm kỳ 2020 - 2025 (05-QC/TU) với Quy chế số 01-QC/TU ngày 09/01/2021")


def test_the_table_layout_and_the_word_redline_carry_the_same_title(tmp_workspace: Workspace, invoke: Invoke) -> None:
    import zipfile

    table = tmp_workspace.root / "out" / "table.pdf"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--layout", "table", "-o", str(table), catch=False)
    assert result.exit_code == 0, result.output
    first = _pages(table)[0]
    assert "BẢNG SO SÁNH " + TITLE in first and "Số 05-QC/TU" not in first
    word = tmp_workspace.root / "out" / "r.docx"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "-o", str(word), catch=False)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(word) as z:
        text = " ".join(re.sub(r"<[^>]+>", " ", z.read("word/document.xml").decode("utf-8")).split())
    assert "BẢN SO SÁNH " + TITLE in text and "Số 05-QC/TU" not in text
    assert "so với văn bản hiện hành (Quy chế số 01-QC/TU, có hiệu lực từ ngày 09/01/2021)" in text
    assert re.search(r"Các phiên bản được so sánh: 01-QC/TU: mã phiên bản [0-9a-f]{7}, \d{2}/\d{2}/\d{4}; "
                     r"05-QC/TU: mã phiên bản", text)
    assert text.index("Điều 31") < text.index("Các phiên bản được so sánh")  # at the end


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return " ".join(re.sub(r"<[^>]+>", " ", z.read("word/document.xml").decode("utf-8")).split())


def test_the_english_title_reads_on_from_comparison(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """COMPARISON of Draft 1 of the Regulation … with Regulation No. …: the title's words joined in English."""
    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "Add an English amendment")
    title = ("COMPARISON of Draft 1 of the Regulation amending the Working Regulations with Regulations No. 01-QC/TU "
             "of 9 January 2021")
    pdf, word = tmp_workspace.root / "out" / "en.pdf", tmp_workspace.root / "out" / "en.docx"
    for out in (pdf, word):
        result = invoke(tmp_workspace, "redline", "01-QC/TU-EN", "--amendment", "en1", "-o", str(out), catch=False)
        assert result.exit_code == 0, result.output
    saved = tmp_workspace.log("amendments/en1/amendment.md", limit=1)[0].date
    versions = (f"Draft 1 (dated {in_words(saved)}) compared with the text in force (Regulations No. 01-QC/TU, "
                "effective from 9 January 2021)")
    pages = _pages(pdf)
    for text in (pages[0], _docx_text(word)):  # the PDF and the Word redline alike
        assert title in text and versions in text
        assert " with with " not in text and "Dự thảo" not in text and " với " not in text
    running = "Comparison of Draft 1 with Regulations No. 01-QC/TU of 9 January 2021"  # as the title (r43 cmp43 2)
    assert running in pages[1]  # the running header
    with zipfile.ZipFile(word) as z:  # and the Word file's title, as Word's File > Info shows it
        assert f"<dc:title>{running}</dc:title>" in z.read("docProps/core.xml").decode()


def test_the_vietnamese_title_needs_no_connecting_word(tmp_workspace: Workspace) -> None:
    from regdraft.render.profile import load_profile
    from regdraft.render.redline import page_header
    from regdraft.workspace import redline as rl

    redline = rl.build(tmp_workspace, "01-QC/TU")
    profile = load_profile({})
    assert redline.title_line(profile) == TITLE  # under "BẢN SO SÁNH", read on as it is
    header = page_header(redline, profile, dt.date(2026, 1, 5))
    assert header.running == RUNNING and header.type == "Bản so sánh"


def test_an_amending_document_without_a_draft_number_is_named_by_its_title(tmp_workspace: Workspace) -> None:
    """An issued or imported amending document has no draft number: its title alone, not `Văn bản sửa đổi …`."""
    from regdraft.render.profile import load_profile
    from regdraft.workspace import redline as rl

    path = "amendments/qc-sua-doi-2025/amendment.md"
    text = tmp_workspace.read(path).decode("utf-8")
    assert "\ndraft: 2\n" in text
    tmp_workspace.commit({path: text.replace("\ndraft: 2\n", "\n").encode("utf-8")}, "No draft number")
    line = rl.build(tmp_workspace, "01-QC/TU").title_line(load_profile({}))
    assert line == TITLE.removeprefix("Dự thảo lần 2 ")
    assert "Văn bản sửa đổi" not in line and "Dự thảo" not in line


def test_the_summary_names_a_title_whose_words_are_replaced_as_the_instruction_does(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    """`Thay thế cụm từ … tại tên Điều 26` is listed as `tên Điều 26`, not as the whole article."""
    path = "amendments/qc-sua-doi-2025/amendment.md"
    text = tmp_workspace.read(path).decode("utf-8").replace(
        "\n\n## Điều 2. Điều khoản chuyển tiếp",
        "\n\n15\\. Thay thế cụm từ “Quan hệ với Ủy ban Kiểm tra” bằng cụm từ “Quan hệ công tác với Ủy ban Kiểm "
        "tra” tại tên Điều 26.\n\n## Điều 2. Điều khoản chuyển tiếp", 1)
    tmp_workspace.commit({path: text.encode("utf-8")}, "Replace words in a title")
    html = tmp_workspace.root / "out" / "r.html"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", str(html), catch=False)
    assert result.exit_code == 0, result.output
    rows = re.findall(r'<td><a href="#chg-\d+">([^<]*)</a></td><td class="summary-kind">([^<]*)</td>',
                      html.read_text(encoding="utf-8"))
    assert ("tên Điều 26", "thay thế cụm từ") in rows, rows
    assert ("khoản 1 Điều 3", "bỏ cụm từ") in rows  # words in a provision's text: the provision itself


def test_a_state_text_is_cited_by_its_dates_in_words(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # Nghị định 30/2020/NĐ-CP writes a date cited in a state document in words (ngày 16 tháng 6 năm 2020), as the
    # consolidated text's opening already did; the redline's title and cover line wrote 16/6/2020.
    from tests.test_cli_core import LAW

    law = LAW.replace("issuer: QUỐC HỘI\n", "issuer: QUỐC HỘI\nprofile: state-30\neffective: 2021-01-01\n")
    edited = law.replace("quyền, nghĩa vụ của thanh niên", "quyền, nghĩa vụ và trách nhiệm của thanh niên")
    tmp_workspace.commit({"regulations/57-2020-QH14.md": law.encode()}, "A law")
    tmp_workspace.commit({"regulations/57-2020-QH14.md": edited.encode()}, "Edited")
    html = tmp_workspace.root / "r.html"
    result = invoke(tmp_workspace, "redline", "57/2020/QH14", "--from", "HEAD~1", "--to", "HEAD", "-o", str(html))
    assert result.exit_code == 0, result.output
    text = " ".join(re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8")).split())
    # a law cited by its name, as its running header cites it (Nghị định 30/2020/NĐ-CP, Phụ lục I)
    assert "với Luật Thanh niên số 57/2020/QH14 ngày 16 tháng 6 năm 2020 (Phiên bản HEAD~1)" in text
    # the versions named by git carry no date: a commit's (`Phiên bản HEAD~1 (…, ngày 03 tháng 12 năm 2026)`) is no
    # date of the document
    cover = text[text.index("(Phiên bản HEAD~1)"):text.index("Ký hiệu")]
    assert "Phiên bản HEAD (Luật Thanh niên số 57/2020/QH14 ) so với phiên bản HEAD~1 (Luật Thanh niên số " \
           "57/2020/QH14 )" in cover
    assert not re.search(r"ngày \d{2} tháng \d{1,2} năm \d{4}\)", cover) and not re.search(r"\d{2}/\d{2}/\d{4}", cover)
