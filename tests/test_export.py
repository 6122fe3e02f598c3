"""Exports of the consolidated text (as of dates around two adopted amendments) and of the
amending document, in every format, read back: Markdown parsed, HTML searched, PDF text and
fonts extracted, DOCX opened with python-docx (and converted by LibreOffice when installed)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from regdraft.core.consolidate import ConsolidatedText
from regdraft.core.errors import RegdraftError, UsageError
from regdraft.core.markdown import parse
from regdraft.core.model import Address
from regdraft.render.docx_notes import read_footnotes
from regdraft.workspace.adoption import adopt
from regdraft.workspace.export import consolidated_text, export_amendment, export_regulation
from regdraft.workspace.store import Workspace, init_workspace
from tests import pdf_text as read_pdf
from tests.conftest import FIXTURES, REPO_ROOT, SHIPPED_AMENDMENT, Invoke, unwrapped, word_text
from tests.test_consolidate import unmarked
from tests.test_render_pdf import pdf_fonts, pdf_text

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

SECOND = "qc-sua-doi-2026"
FIRST_EFFECTIVE = dt.date(2025, 4, 1)
SECOND_EFFECTIVE = dt.date(2026, 1, 1)


def style_name(paragraph: Paragraph) -> str:
    """The name of a python-docx paragraph's style (the document's default style when none is set)."""
    assert paragraph.style is not None
    return str(paragraph.style.name)


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The shipped regulation with two amendments adopted: 05-QC/TU (effective 2025-04-01),
    then 07-QC/TU (effective 2026-01-01), which amends text the first one wrote."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        mp.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        ws = init_workspace(tmp_path_factory.mktemp("export") / "ws", example_from=REPO_ROOT)
        ws.commit({f"amendments/{SECOND}/amendment.md": (FIXTURES / "export" / f"{SECOND}.md").read_bytes()},
                  "Add a second amendment")
        # Both documents say "có hiệu lực kể từ ngày ký"; these tests need effective dates after signing.
        adopt(ws, SHIPPED_AMENDMENT, "2025-03-15", FIRST_EFFECTIVE, force="test: effective after signing")
        adopt(ws, SECOND, "2025-12-20", SECOND_EFFECTIVE, force="test: effective after signing")
        yield ws


@pytest.fixture(scope="module")
def latest(adopted: Workspace) -> ConsolidatedText:
    return consolidated_text(adopted, "01-QC/TU", SECOND_EFFECTIVE)


def notes_by_address(ct: ConsolidatedText) -> dict[str, str]:
    return {str(f.address): f.text for f in ct.footnotes}


# --- as of a date ---------------------------------------------------------------------------


def test_before_the_base_document_is_an_error(adopted: Workspace) -> None:
    with pytest.raises(RegdraftError, match="took effect on 2021-01-09.*2020-12-31"):
        consolidated_text(adopted, "01-QC/TU", "2020-12-31")


def test_a_malformed_date_is_a_usage_error(adopted: Workspace) -> None:
    with pytest.raises(UsageError, match="The date the text is in force on '31/13/2025' is not a date"):
        consolidated_text(adopted, "01-QC/TU", "31/13/2025")
    # the Vietnamese way of writing a date is a date
    assert consolidated_text(adopted, "01-QC/TU", "31/12/2025").as_of == consolidated_text(
        adopted, "01-QC/TU", "2025-12-31").as_of


@pytest.mark.parametrize("day", ["2021-01-09", "2025-03-31"])
def test_before_the_first_amendment_the_text_is_the_base(adopted: Workspace, day: str) -> None:
    ct = consolidated_text(adopted, "01-QC/TU", day)
    base = parse(adopted.read("regulations/history/01-QC-TU/base.md"))
    assert ct.regulation.units == base.units
    assert ct.footnotes == () and ct.amendments == ()
    assert "chưa được sửa đổi, bổ sung" in ct.opening.lead


@pytest.mark.parametrize("day", ["2025-04-01", "2025-12-31"])
def test_between_the_amendments_only_the_first_counts(adopted: Workspace, day: str) -> None:
    ct = consolidated_text(adopted, "01-QC/TU", day)
    assert [a.number for a in ct.amendments] == ["05-QC/TU"]
    assert not ct.regulation.find("d20a").unit.repealed
    assert not ct.regulation.find("d9.k1").unit.repealed
    notes = notes_by_address(ct)
    assert notes["d20a"] == ("Điều này được bổ sung theo quy định tại khoản 9 Điều 1 Quy chế số 05-QC/TU "
                             "ngày 15 tháng 3 năm 2025 của Tỉnh ủy Điện Biên sửa đổi, bổ sung một số điều của Quy "
                             "chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025, "
                             "có hiệu lực kể từ ngày 01 tháng 4 năm 2025.")
    assert "07-QC/TU" not in " ".join(notes.values())


def test_after_both_amendments_the_text_is_the_current_file(adopted: Workspace, latest: ConsolidatedText) -> None:
    current = parse(adopted.read("regulations/01-QC-TU.md"))
    assert latest.regulation.units == current.units
    assert [(a.number, a.effective) for a in latest.amendments] == [
        ("05-QC/TU", FIRST_EFFECTIVE), ("07-QC/TU", SECOND_EFFECTIVE)]
    later = consolidated_text(adopted, "01-QC/TU", "2030-01-01")
    assert later.regulation.units == current.units


def test_footnotes_chain_and_follow_document_order(latest: ConsolidatedText) -> None:
    notes = notes_by_address(latest)
    assert notes["d20a"].startswith("Điều này được bổ sung theo quy định tại khoản 9 Điều 1 Quy chế số 05-QC/TU")
    assert ". Điều này được bãi bỏ theo quy định tại khoản 2 Điều 1 Quy chế số 07-QC/TU ngày 20 tháng 12 năm 2025" \
        in notes["d20a"]
    assert notes["d9.k1"].startswith("Khoản này được bãi bỏ theo quy định tại khoản 2 Điều 1 Quy chế số 07-QC/TU")
    assert notes["d9"].startswith("Điều này được sửa đổi, bổ sung theo quy định tại khoản 6 Điều 1 Quy chế số 05-QC/TU")
    assert notes["ch5"].startswith("Tên Chương này được sửa đổi theo quy định tại khoản 10 Điều 1")
    assert notes["d4.k1.e"].startswith("Điểm này được bổ sung theo quy định tại điểm b khoản 1 Điều 1")
    order = {loc.address: i for i, loc in enumerate(latest.regulation.walk())}
    positions = [order[f.address] for f in latest.footnotes if f.address is not None]
    assert positions == sorted(positions)
    assert [f.number for f in latest.footnotes] == list(range(1, len(latest.footnotes) + 1))
    assert latest.marker(Address.parse("d9")) == latest.marker(Address.parse("d9.k1")) - 1  # type: ignore[operator]


# --- formats --------------------------------------------------------------------------------


def test_markdown_parses_again_as_the_consolidated_regulation(adopted: Workspace, latest: ConsolidatedText,
                                                              tmp_path: Path) -> None:
    done = export_regulation(adopted, "01-QC/TU", tmp_path / "hop-nhat.md", as_of=SECOND_EFFECTIVE)
    text = done.path.read_text(encoding="utf-8")
    again = parse(text, "hop-nhat.md")
    assert again.meta["consolidated"]["as_of"] == SECOND_EFFECTIVE
    assert [a["number"] for a in again.meta["consolidated"]["amendments"]] == ["05-QC/TU", "07-QC/TU"]
    assert re.search(r"^### Điều 20a\.\[\^\d+\] \(được bãi bỏ\)$", text, re.M)
    assert re.search(r"^# Chương V\.\[\^\d+\] QUAN HỆ CÔNG TÁC CỦA BAN CHẤP HÀNH", text, re.M)
    preamble = list(again.preamble)
    for f in latest.footnotes:
        # A note quoting an amending document's own articles: its other lines are the note's indented paragraphs.
        first, *more = f.paragraphs
        at = preamble.index(f"[^{f.number}]: {first}")
        assert not more or preamble[at + 1] == "\n\n".join(
            "    " + re.sub(r"^(\d+)\.", r"\1\\.", line) for line in more), preamble[at + 1]
    assert unmarked(again.units) == latest.regulation.units


def test_html_marks_each_changed_label_and_lists_the_notes(adopted: Workspace, latest: ConsolidatedText,
                                                           tmp_path: Path) -> None:
    exported = export_regulation(adopted, "01-QC/TU", tmp_path / "c.html", as_of=SECOND_EFFECTIVE)
    page = unwrapped(exported.path.read_text())
    n = latest.marker(Address.parse("d20a"))
    assert (f'Điều 20a.<sup class="fnref" id="fnref-{n}"><a href="#fn-{n}" aria-label="Chú thích {n}">{n}</a></sup>'
            ' (được bãi bỏ)') in page
    k = latest.marker(Address.parse("d5.k2"))
    assert f'<p class="clause" id="d5.k2">2.<sup class="fnref" id="fnref-{k}">' in page
    assert page.count('class="fnref"') == len(latest.footnotes)
    assert page.count('<li id="fn-') == len(latest.footnotes)
    assert "VĂN BẢN HỢP NHẤT (bản để tham khảo)" in page and "Số 01-QC/TU" in page
    assert "DỰ THẢO" not in page
    assert "có hiệu lực kể từ ngày 01 tháng 01 năm 2026" in page
    assert "T/M TỈNH ỦY" in page and "Lưu Văn phòng Tỉnh ủy." in page


def test_pdf_text_fonts_and_footnotes_on_the_page_of_their_call(adopted: Workspace, latest: ConsolidatedText,
                                                                tmp_path: Path) -> None:
    done = export_regulation(adopted, "01-QC/TU", tmp_path / "c.pdf", "pdf", as_of=SECOND_EFFECTIVE)
    pages = list(read_pdf.pages(done.path))
    whole = "\n".join(pages)
    assert unicodedata.normalize("NFC", whole) == whole
    for words in ("VĂN BẢN HỢP NHẤT (bản để tham khảo)", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 01-QC/TU",
                  "Trách nhiệm, quyền hạn của Ban Thường vụ Tỉnh ủy",
                  "Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"):
        assert re.sub(r"\s+", "", words) in re.sub(r"\s+", "", whole)
    flat = [re.sub(r"\s+", " ", p) for p in pages]
    note = notes_by_address(latest)["ch5"]
    note_page = next(i for i, p in enumerate(flat) if note[:60] in p)
    assert re.search(r"Chương V\s*\d+\s*QUAN HỆ CÔNG TÁC CỦA BAN CHẤP HÀNH", flat[note_page])
    fonts = pdf_fonts(done.path)
    assert fonts and all(re.search(r"Tinos|Liberation", f) for f in fonts)


def test_docx_has_styles_text_and_real_footnotes(adopted: Workspace, latest: ConsolidatedText,
                                                tmp_path: Path) -> None:
    import docx

    done = export_regulation(adopted, "01-QC/TU", tmp_path / "c.docx", as_of=SECOND_EFFECTIVE)
    document = docx.Document(str(done.path))
    used = {style_name(p) for p in document.paragraphs}
    assert {"Chương", "Mục", "Điều", "Khoản", "Điểm"} <= used
    headings = [p.text for p in document.paragraphs if style_name(p) == "Điều"]
    assert "Điều 20a. (được bãi bỏ)" in headings
    assert "Điều 7. Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên" in headings
    assert "Điều 9. Trách nhiệm, quyền hạn của Bí thư Tỉnh ủy" in headings
    clauses = [p.text for p in document.paragraphs if style_name(p) == "Khoản"]
    assert any(t.startswith("4a. Chỉ đạo việc xây dựng, vận hành") for t in clauses)
    assert all(unicodedata.normalize("NFC", t) == t for t in clauses)
    assert document.styles["Normal"].font.name == "Times New Roman"
    section = document.sections[0]
    assert section.left_margin is not None and section.right_margin is not None  # the export sets its margins
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    notes = read_footnotes(done.path)
    assert notes == {f.number: f.text for f in latest.footnotes}
    references = document.element.body.xpath(".//w:footnoteReference")
    assert [int(r.get(docx.oxml.ns.qn("w:id"))) for r in references] == [f.number for f in latest.footnotes]


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed here; the DOCX is still read back with python-docx")
def test_libreoffice_converts_the_docx(adopted: Workspace, tmp_path: Path) -> None:
    done = export_regulation(adopted, "01-QC/TU", tmp_path / "c.docx", as_of=SECOND_EFFECTIVE)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(done.path)],
                   check=True, capture_output=True, timeout=180)
    text = read_pdf.text(tmp_path / "c.pdf")
    flat = " ".join(text.split())
    # By SECOND_EFFECTIVE the second amendment has repealed the Điều 20a the first one inserted.
    assert re.search(r"Điều 20a\.\d+ \(được bãi bỏ\)", flat)
    # Word footnotes survive the conversion as real notes, in the formal wording, chained.
    assert "Điều này được bổ sung theo quy định tại" in flat and "Điều này được bãi bỏ" in flat


def test_english_regulation_exports_with_english_words(adopted: Workspace, tmp_path: Path) -> None:
    import docx

    md = export_regulation(adopted, "01-QC/TU-EN", tmp_path / "en.md", as_of="2025-01-01").path.read_text()
    assert "**CONSOLIDATED TEXT (for reference)**" in md
    assert "have not been amended as of 1 January 2025." in md
    parse(md)
    document = docx.Document(str(export_regulation(adopted, "01-QC/TU-EN", tmp_path / "en.docx").path))
    assert {"Chapter", "Article", "Clause"} <= {style_name(p) for p in document.paragraphs}


def test_the_opening_cites_an_english_amendment_by_the_title_amend_new_gave_it(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    """`amend new` titles an English amending document "Regulations amending the …" (then of type Regulation); the
    opening of every export cited it as "… Provincial Party Committee s amending the …"."""
    import docx

    assert invoke(tmp_workspace, "amend", "new", "en-2026", "--regulation", "01-QC/TU-EN").exit_code == 0
    path = "amendments/en-2026/amendment.md"
    text = (tmp_workspace.root / path).read_text(encoding="utf-8").replace(
        "## Article 2.", '1\\. Clause 1 of Article 1 is amended to read:\n\n"1. New clause text."\n\n## Article 2.')
    tmp_workspace.commit({path: text.encode()}, "Write the instruction")
    assert invoke(tmp_workspace, "amend", "number", "en-2026", "09-QC/TU-EN").exit_code == 0
    adopt(tmp_workspace, "en-2026", "2026-01-10", force="test: adopted without its rounds")
    cited = ("Regulations No. 09-QC/TU-EN of 10 January 2026 of the Dien Bien Provincial Party Committee amending "
             "the Working Regulations of the Provincial Party Executive Committee, term XIV, 2020 - 2025, effective "
             "from 10 January 2026.")
    md = export_regulation(tmp_workspace, "01-QC/TU-EN", tmp_path / "x.md", as_of="2026-02-01").path.read_text()
    assert f"\\\n1\\. {cited}" in md  # numbered, as in the other formats
    page = export_regulation(tmp_workspace, "01-QC/TU-EN", tmp_path / "x.html", as_of="2026-02-01").path.read_text()
    assert cited in " ".join(re.sub(r"<[^>]+>", " ", page).split())
    document = docx.Document(str(export_regulation(tmp_workspace, "01-QC/TU-EN", tmp_path / "x.docx",
                                                   as_of="2026-02-01").path))
    assert any(cited in word_text(p.text) for p in document.paragraphs)


def test_an_unknown_format_writes_nothing(adopted: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="it is written as pdf, docx, html, md"):
        export_regulation(adopted, "01-QC/TU", tmp_path / "c.txt")
    assert not (tmp_path / "c.txt").exists()


# --- the amending document ------------------------------------------------------------------


def test_pending_amendment_prints_as_a_draft(tmp_workspace: Workspace, tmp_path: Path) -> None:
    page = unwrapped(export_amendment(tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "a.html",
                                      today=dt.date(2025, 2, 1)).path.read_text())
    assert '<p class="draft-banner">DỰ THẢO lần 2</p>' in page
    # Numbered (05-QC/TU) ahead of its signing, it prints the blank of its series until issued (r37).
    assert "Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-QC/TU" in page and "Số 05-QC/TU" not in page
    assert "Điện Biên, ngày" in page and "năm 2025" in page
    assert "Sửa đổi, bổ sung một số điều của Quy chế làm việc" in page
    assert '<p class="clause">1. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 4 như sau:</p>' in page
    assert '<p class="point">a) Sửa đổi, bổ sung điểm c như sau:</p>' in page
    assert "“2. Thực hiện chế độ báo cáo với Ban Chấp hành Đảng bộ tỉnh và với cấp trên:" in page
    assert "Điều 3. Hiệu lực thi hành" in page
    signature = page[page.index('class="signature-block"'):]
    assert signature.index("T/M TỈNH ỦY") < signature.index("BÍ THƯ") < signature.index("Phạm Đức Thịnh")
    recipients = re.findall(r'<p class="recipient">(.*?)</p>', signature)
    assert recipients[-1] == "- Lưu Văn phòng Tỉnh ủy."


def test_adopted_amendment_has_its_date_and_no_draft_banner(adopted: Workspace, tmp_path: Path) -> None:
    done = export_amendment(adopted, SHIPPED_AMENDMENT, tmp_path / "a.pdf")
    text = read_pdf.text(done.path)
    assert "DỰ THẢO" not in text
    assert "Điện Biên, ngày 15 tháng 3 năm 2025" in re.sub(r"\s+", " ", text)
    assert "Bổ sung Điều 20a vào sau Điều 20 như sau:" in re.sub(r"\s+", " ", text)


def test_amendment_docx_reads_back(tmp_workspace: Workspace, tmp_path: Path) -> None:
    import docx

    done = export_amendment(tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "a.docx")
    document = docx.Document(str(done.path))
    texts = [p.text for p in document.paragraphs]
    assert "DỰ THẢO lần 2" in texts
    assert any(t.startswith("9. Bổ sung Điều 20a vào sau Điều 20 như sau:") for t in texts)
    assert "“Điều 20a. Làm việc trên môi trường điện tử" in texts
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("Lưu Văn phòng Tỉnh ủy." in c and "T/M" not in c for c in cells)
    assert any("T/M TỈNH ỦY" in c and "BÍ THƯ" in c for c in cells)


def test_amendment_export_refuses_markdown(tmp_workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        export_amendment(tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "a.md")


def test_english_documents_print_english_header_words(tmp_workspace: Workspace, tmp_path: Path,
                                                      invoke: Invoke) -> None:
    """Number line, draft banner, place and date, and page numbers follow the document's language."""
    regulation = pdf_text(export_regulation(tmp_workspace, "01-QC/TU-EN", tmp_path / "en.pdf").path)
    assert "No. 01-QC/TU " in regulation + " " and "01-QC/TU-EN" not in regulation
    assert "Dien Bien, 9 January 2021" in regulation
    assert re.search(r"Page 1/\d+", regulation)
    assert "Số" not in regulation and "Trang" not in regulation
    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "Add an English amendment")
    amendment = pdf_text(export_amendment(tmp_workspace, "en1", tmp_path / "a.pdf", today=dt.date(2025, 2, 1)).path)
    assert "DRAFT No. 1" in amendment and "Page 1/1" in amendment
    assert "DỰ THẢO" not in amendment and "Số" not in amendment and "Trang" not in amendment
    done = invoke(tmp_workspace, "redline", "01-QC/TU-EN", "--amendment", "en1", "--format", "html",
                  "-o", str(tmp_path / "rl.html"))
    assert done.exit_code == 0, done.output
    page = (tmp_path / "rl.html").read_text()
    # A comparison is not an issued document: no number of its own, its words in English.
    assert 'class="number"' not in page and '<p class="draft-banner">DRAFT No. 1</p>' in page
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert '<span class="doc-type">COMPARISON</span>' in page and "Regulations No. 01-QC/TU of 9 January 2021" in words
    assert "So sánh" not in words and "BẢN SO SÁNH" not in words
    assert 'content: "Page " counter(page)' in page and "Trang" not in page
    vietnamese = export_regulation(tmp_workspace, "01-QC/TU", tmp_path / "vi.html").path.read_text()
    assert '<div class="number">Số 01-QC/TU</div>' in unwrapped(vietnamese)
    assert 'content: "Trang " counter(page)' in vietnamese
