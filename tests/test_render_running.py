"""The running header (the page margin from page 2 on) names a document by its type, number and short title, as its
title block does, on one line; read from the PDF's page 2, as a reader sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from regdraft.core.consolidate import consolidate
from regdraft.core.markdown import parse
from regdraft.render.consolidated import consolidated_html
from regdraft.render.html import environment
from regdraft.render.pdf import write_pdf
from regdraft.render.profile import load_profile
from regdraft.render.running import budget, cut, document_line, one_line, width
from regdraft.workspace.store import Workspace, init_workspace
from tests import pdf_text
from tests.conftest import REPO_ROOT, SHARED, SHIPPED_AMENDMENT, Invoke, needs_corpus

AMENDMENTS = SHARED / "corpus" / "amendments"


def _margin_line(pdf: Path) -> str:
    """Page 2's running header: its last line (state-30 prints the page number at the top, the header below)."""
    lines = pdf_text.pages(pdf)[1].splitlines()
    return lines[-1]


@needs_corpus
@pytest.mark.parametrize(("folder", "base", "amending", "redline", "table", "consolidated", "amendment"), [
    ("luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt",
     # The law compared against as the page's heading names it, with its date (r43 cmp43 2), as the table's line does.
     "Bản so sánh Luật số 57/2024/QH15 với Luật Đấu thầu số 22/2023/QH15 ngày 23 tháng 6 năm 2023",
     # The comparison table, titled BẢNG SO SÁNH, is named so in its header too (it read "Bản so sánh"); the law it
     # compares against as the table's heading names it, with its date (r42 sweep CH F3).
     "Bảng so sánh Luật số 57/2024/QH15 với Luật Đấu thầu số 22/2023/QH15 ngày 23 tháng 6 năm 2023",
     "VĂN BẢN HỢP NHẤT (bản để tham khảo) - Luật Đấu thầu số 22/2023/QH15",
     # The amending law's long title names four laws: cut short, it read `… Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư …
     # số 57/2024/QH15`, one law named twice to a reader and the list taken for whole; cited by type and number.
     "Luật số 57/2024/QH15"),
    # Both lines name the decree as the page's heading does, by type, number and date: the portrait line shortened its
    # subject by whole words (`… thủ tục hành …`, until r43 cmp43 2), the table's was fitted to the portrait line once,
    # then named it by its subject whole (r42 sweep CH F3).
    ("nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt",
     "Bản so sánh Nghị định số 48/2013/NĐ-CP với Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010",
     "Bảng so sánh Nghị định số 48/2013/NĐ-CP với Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010",
     "VĂN BẢN HỢP NHẤT (bản để tham khảo) - Nghị định số 63/2010/NĐ-CP về kiểm soát thủ tục hành chính",
     "Nghị định số 48/2013/NĐ-CP sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát …"),
], ids=["luat-22-2023", "nghi-dinh-63-2010"])
def test_a_law_is_named_by_type_number_and_title_on_one_line(invoke: Invoke, tmp_path: Path, folder: str, base: str,
                                                           amending: str, redline: str, table: str,
                                                           consolidated: str, amendment: str) -> None:
    root = init_workspace(tmp_path / "ws").root
    for args in (("import", str(AMENDMENTS / folder / base)),
                 ("amend", "import", str(AMENDMENTS / folder / amending), "--slug", "real")):
        result = invoke(root, *args)
        assert result.exit_code == 0, result.output
    regulation = invoke(root, "list").output.split()[0]
    pdf, landscape, text = tmp_path / "r.pdf", tmp_path / "t.pdf", tmp_path / "c.pdf"
    # The running header names the documents whatever provisions are printed (`render.redline.page_header`): the
    # changed ones alone print a third to a half of the pages.
    for command in (("redline", "real", "--changed-only", "-o", str(pdf)),
                    ("redline", "real", "--layout", "table", "-o", str(landscape))):
        result = invoke(root, *command)
        assert result.exit_code == 0, result.output
    assert _margin_line(pdf) == redline
    # The whole header is the page's last line: on one line of the landscape page, not wrapped.
    page = PdfReader(str(landscape)).pages[1]
    assert page.mediabox.width > page.mediabox.height
    assert _margin_line(landscape) == table
    # The amending document printed for signature (`amend export`): once `57/2024/QH15 – Luật sửa đổi, …` on two lines.
    own = tmp_path / "a.pdf"
    result = invoke(root, "amend", "export", "real", "-o", str(own))
    assert result.exit_code == 0, result.output
    assert _margin_line(own) == amendment
    # The consolidated text's header names the law from its front matter, as imported: printed from the law cut
    # after Điều 3, three or four pages (the whole law printed 82 pages of Luật Đấu thầu for the one line).
    kept = next((root / "regulations").glob("*.md"))
    whole = kept.read_text(encoding="utf-8")
    Workspace(root).commit({f"regulations/{kept.name}": whole[:whole.index("\n## Điều 4.") + 1].encode()}, "Điều 1-3")
    result = invoke(root, "export", regulation, "-o", str(text))
    assert result.exit_code == 0, result.output
    assert _margin_line(text) == consolidated


@pytest.mark.parametrize("profile", ["party-36", "state-30"])
def test_the_running_header_prints_from_page_2(profile: str, tmp_path: Path) -> None:
    """Page 1 opens with the title block and no running header, in either place a profile prints it: state-30 prints
    the page number at the top and the header at the foot, and page 1 printed the header at its foot."""
    clauses = "\n\n".join(f"{n}\\. Nội dung khoản {n} của Điều 1." for n in range(1, 60))
    regulation = parse(f"---\nid: 09/2021/NĐ-CP\ntype: Nghị định\ntitle: Nghị định về công tác thử\nlanguage: vi\n"
                       f"issuer: CHÍNH PHỦ\nplace: Hà Nội\nsigned: 2021-01-09\neffective: 2021-01-09\n"
                       f"profile: {profile}\n---\n\n## Điều 1. Phạm vi\n\n{clauses}\n")
    chosen = load_profile({}, regulation.meta)
    assert chosen.name == profile
    out = tmp_path / "c.pdf"
    write_pdf(consolidated_html(consolidate(regulation, [], words=chosen.words("vi")), environment(None), chosen,
                                paged=True), out)
    pages = pdf_text.pages(out)
    running = "VĂN BẢN HỢP NHẤT (bản để tham khảo) - "  # page 1's banner has no dash after it
    assert len(pages) > 2 and running not in pages[0]
    assert all(running in page for page in pages[1:])
    if chosen.number_first_page:
        assert "Trang 1/" in pages[0] and "Trang 2/" in pages[1]
    else:  # state-30: the bare number (Nghị định 30/2020, Phụ lục I), none on page 1
        assert "Trang" not in pages[0] + pages[1] and "\n2\n" in pages[1]


def test_the_docs_quote_the_running_header_an_amending_law_prints() -> None:
    """docs/export.md (`amend export`) quoted `Luật sửa đổi, … Luật Đầu tư, Luật Đầu tư … số 57/2024/QH15`, the cut
    list the running header deliberately never prints; it prints the law by type and number."""
    docs = (REPO_ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    section = docs[docs.index("## `regdraft amend export"):]
    section = section[:section.index("\n## ", 1)]
    title = ("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác "
             "công tư và Luật Đấu thầu")
    profile = load_profile({}, {"profile": "state-30"})
    printed = document_line(profile.words("vi"), profile, "Luật", "57/2024/QH15", title)
    quoted = [q for q in re.findall(r"`([^`]*)`", section) if q.endswith("57/2024/QH15")]
    assert quoted == [printed] == ["Luật số 57/2024/QH15"]


def test_the_amending_regulation_is_named_by_its_short_title_and_number_on_one_line(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Party-36 prints the header at the top and the page number below, so the header is a line of its own.
    pdf = tmp_path / "du-thao.pdf"
    result = invoke(tmp_workspace, "amend", "export", SHIPPED_AMENDMENT, "-o", str(pdf))
    assert result.exit_code == 0, result.output
    lines = pdf_text.pages(pdf)[1].splitlines()
    # Its term kept (term XV's draft reads alike but for it): `… Đảng bộ … số 05-QC/TU` before r23 s11terms. A
    # draft has no number until it is issued (r37; `Quy chế số 05-QC/TU sửa đổi, … khóa XIV` before): its title.
    header = "Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV …"
    assert header in lines, lines[-3:]


def test_a_line_too_long_loses_whole_words_never_part_of_one() -> None:
    line = "Bản so sánh Dự thảo lần 1 với Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV"
    short = cut(line, 40)
    assert short == "Bản so sánh Dự thảo lần 1 với Quy chế …" and width(short) <= 40
    # The new document cited by type and number before the old one loses words of its title.
    assert one_line(lambda n, o: f"{n} với {o}", ["Luật sửa đổi, bổ sung một số điều số 57", "Luật số 57", "57"],
                    ["Luật Đấu thầu số 22", "Luật số 22", "22"], 35) == "Luật số 57 với Luật Đấu thầu số 22"


def test_a_plural_title_loses_its_type_as_whole_words() -> None:
    # An office's profile naming a text by type and subject, as state-30 does: `Regulations amending …` must not
    # read `Regulation No. 9 s amending …`.
    from regdraft.render.running import document_names

    words = {"running_document": "{name} No. {number}{about}", "cited_document": "{type} No. {number}",
             "cited_untyped": "document"}
    names = document_names(words, "Regulation", "09-QC/TU-EN", "Regulations amending the Working Regulations")
    assert names[0] == "Regulation No. 09-QC/TU-EN amending the Working Regulations"
    assert not any(" s amending" in name for name in names)


def test_a_document_with_neither_title_nor_number_has_a_running_header_all_the_same() -> None:
    # The front-matter fuzz test found `one_line` indexing an empty list of names (a text with no title and no
    # number, as a colleague's workspace may hold): an IndexError instead of a PDF.
    from regdraft.render.profile import load_profile
    from regdraft.render.running import document_line, one_line

    profile = load_profile({})
    words = profile.words("vi")
    assert one_line(lambda n, o: f"So sánh {n} với {o}".strip(), [], [], 80) == "So sánh  với"
    assert one_line(lambda n, o: f"{n}|{o}", ["Dự thảo lần 1"], [], 80) == "Dự thảo lần 1|"
    assert document_line(words, profile, "", "", "", prefix="VĂN BẢN HỢP NHẤT - ") == "VĂN BẢN HỢP NHẤT"


def test_a_title_naming_several_documents_is_named_whole_or_by_type_and_number() -> None:
    # Luật 57/2024/QH15's title (the corpus's, as `amend import` reads it): any cut leaves its number after part of
    # the list of laws it amends, or after none of them.
    from regdraft.render.profile import load_profile
    from regdraft.render.running import document_names

    words = load_profile({}).words("vi")
    title = ("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác "
             "công tư và Luật Đấu thầu")
    assert document_names(words, "Luật", "57/2024/QH15", title) == [
        f"{title} số 57/2024/QH15", "Luật số 57/2024/QH15", "57/2024/QH15"]
    # A title naming one document is still shortened word by word (`… Quy chế làm việc của Ban Chấp hành …`), its
    # term kept.
    one = "Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV"
    assert "Quy chế số 05-QC/TU sửa đổi, bổ sung một số điều của Quy chế làm việc của … khóa XIV" in document_names(
        words, "Quy chế", "05-QC/TU", one)


def test_a_long_title_is_shortened_in_proportion_to_its_length(monkeypatch: pytest.MonkeyPatch) -> None:
    # r23 s10security defect 1: an 80 KB title (10,000 × `của Ban `) made every prefix of itself, each measured,
    # and `cut` joined the words again for each word dropped: `redline` took 150 s and 3.2 GB. The names made
    # and the characters measured now grow with the title, not with its square.
    from regdraft.render import running

    measured: list[int] = []
    measure = running.width

    def counted(text: str) -> float:
        measured.append(len(text))
        return measure(text)

    monkeypatch.setattr(running, "width", counted)
    profile = load_profile({})
    words = profile.words("vi")
    for count in (1000, 4000):
        title = "Quy chế làm việc " + "của Ban " * count
        measured.clear()
        names = running.document_names(words, "Quy chế", "01-QC/TU", title)
        line = document_line(words, profile, "Quy chế", "01-QC/TU", title)
        assert line.startswith("Quy chế số 01-QC/TU làm việc của Ban") and line.endswith(" …")
        assert width(line) <= running.budget(profile)
        assert sum(map(len, names)) < 30 * len(title)
        assert sum(measured) < 30 * len(title)
        long_line = "Bản so sánh " + title
        measured.clear()
        short = cut(long_line, 80)
        assert short.endswith(" …") and width(short) <= 80 and long_line.startswith(short[:-2])
        assert sum(measured) < 4 * len(long_line)
    # What is kept is what the line could hold: the shortenings a line of the widest page fits are all there.
    title = "Quy chế làm việc " + "của Ban " * 100
    assert "Quy chế số 01-QC/TU làm việc của Ban …" in running.document_names(words, "Quy chế", "01-QC/TU", title)


def test_check_names_a_title_too_long(tmp_workspace: Workspace, invoke: Invoke) -> None:
    relative = "regulations/01-QC-TU.md"
    text = tmp_workspace.read(relative).decode()
    title = "Quy chế làm việc " + "của Ban " * 300
    tmp_workspace.commit({relative: re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1).encode()}, "Long")
    checked = " ".join(invoke(tmp_workspace, "check").output.split())
    assert (f"{relative}:4: The front matter's 'title' is {len(title.strip()):,} characters long; a document's title "
            "has at most 2,000") in checked, checked


def test_two_terms_documents_of_one_number_keep_their_term_in_the_running_header() -> None:
    """r23 s11terms defect 3: term XIV's and term XV's 01-QC/TU were both `Quy chế làm việc của Ban Chấp hành Đảng
    bộ … số 01-QC/TU` (the cut took exactly `khóa XIV` / `khóa XV`): the title shortened keeps the term."""
    profile = load_profile({}, {"profile": "party-36"})
    lines = [document_line(profile.words("vi"), profile, "Quy chế", "01-QC/TU",
                           f"Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa {term}, nhiệm kỳ {years}",
                           prefix="VĂN BẢN HỢP NHẤT (bản để tham khảo) - ")
             for term, years in (("XIV", "2020 - 2025"), ("XV", "2025 - 2030"))]
    assert lines[0] != lines[1]
    assert lines == [f"VĂN BẢN HỢP NHẤT (bản để tham khảo) - Quy chế số 01-QC/TU làm việc của Ban Chấp hành … khóa "
                     f"{term}" for term in ("XIV", "XV")]
    assert all(width(line) <= budget(profile) for line in lines)


def test_a_name_cut_short_reads_type_and_number_first_in_every_format(tmp_workspace: Workspace, invoke: Invoke,
                                                                     tmp_path: Path) -> None:
    """r36 BL 3: `Quy chế … của Ban Chấp hành … khóa XIV số 05-QC/TU` read as if the number were the term's. A title
    cut short is named type and number first, its cut at the end or before the term it keeps, alike in the HTML
    title and the Word file's title (the PDF's margin: test above); an English name keeps its number after a comma."""
    import docx

    named = {}
    for what, command in (("amendment", ("amend", "export", SHIPPED_AMENDMENT)), ("text", ("export", "01-QC/TU")),
                          ("english", ("export", "01-QC/TU-EN"))):
        for suffix in (".html", ".docx"):
            out = tmp_path / f"{what}{suffix}"
            result = invoke(tmp_workspace, *command, "-o", str(out))
            assert result.exit_code == 0, result.output
            found = re.search(r"<title>([^<]*)</title>", out.read_text(encoding="utf-8")) if suffix == ".html" else None
            named[what, suffix] = found.group(1) if found else docx.Document(str(out)).core_properties.title
    # The circulating draft, numbered ahead of its signing, is named by its title until it is issued (r37).
    assert named["amendment", ".html"] == named["amendment", ".docx"] == (
        "Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV …")
    assert named["text", ".html"] == named["text", ".docx"] == (
        "VĂN BẢN HỢP NHẤT (bản để tham khảo) - Quy chế số 01-QC/TU làm việc của Ban Chấp hành … khóa XIV")
    assert named["english", ".html"] == named["english", ".docx"] == (
        "CONSOLIDATED TEXT (for reference) - Working Regulations of the … term XIV, No. 01-QC/TU")


def _term_xv_draft(ws: Workspace, invoke: Invoke) -> None:
    """`quy-che-xv`: the draft of a new regulation replacing 01-QC/TU for the next term, its title the new term's."""
    result = invoke(ws, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV")
    assert result.exit_code == 0, result.output
    draft = ws.root / "amendments" / "quy-che-xv" / "amendment.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace(
        "title: Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025",
        "title: Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - 2030", 1), encoding="utf-8")


def test_the_comparison_tables_line_names_the_old_text_as_its_heading_does(tmp_workspace: Workspace, invoke: Invoke,
                                                                           tmp_path: Path) -> None:
    """r42 sweep CH F3: the table of a new regulation's draft read `… với Quy chế số 01-QC/TU làm việc của … khóa
    XIV` in every page's margin, the number inside the title cut short, where its heading says `với Quy chế số
    01-QC/TU ngày 09/01/2021`; an ordinary amendment's table named the old text otherwise than its heading too."""
    _term_xv_draft(tmp_workspace, invoke)
    old = "với Quy chế số 01-QC/TU ngày 09/01/2021"
    for slug, new in (("quy-che-xv", "Dự thảo lần 1 Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ "
                                      "2025 - 2030"),
                      (SHIPPED_AMENDMENT, "Dự thảo lần 2 (05-QC/TU)")):
        out = tmp_path / f"{slug}.pdf"
        result = invoke(tmp_workspace, "redline", slug, "--layout", "table", "-o", str(out))
        assert result.exit_code == 0, result.output
        heading = " ".join(pdf_text.pages(out)[0].split())
        assert old in heading, heading
        margin = [line for line in pdf_text.pages(out)[1].splitlines()
                  if line.startswith("Bảng so sánh")]
        assert margin == [f"Bảng so sánh {new} {old}"], margin


def test_the_inline_redlines_line_names_the_old_text_as_its_heading_does(tmp_workspace: Workspace, invoke: Invoke,
                                                                          tmp_path: Path) -> None:
    """r43 cmp43 2: the portrait redline's margin read `Bản so sánh Dự thảo lần 1 với Quy chế số 01-QC/TU làm việc của
    Ban Chấp hành Đảng bộ … khóa XIV` on every page, the number inside the title cut short, where its heading says
    `với Quy chế số 01-QC/TU ngày 09/01/2021` (the table's line was put right in r42); an amendment's and an English
    one's too. Every page from the second has the line."""
    from tests.conftest import FIXTURES

    _term_xv_draft(tmp_workspace, invoke)
    english = tmp_workspace.root / "amendments" / "en1" / "amendment.md"
    english.parent.mkdir()
    english.write_bytes((FIXTURES / "export" / "en-amendment.md").read_bytes())
    vi, en = "với Quy chế số 01-QC/TU ngày 09/01/2021", "with Regulations No. 01-QC/TU of 9 January 2021"
    for args, heading, line in (
            (("quy-che-xv",), vi, f"Bản so sánh Dự thảo lần 1 {vi}"),
            ((SHIPPED_AMENDMENT,), vi, f"Bản so sánh Dự thảo lần 2 (05-QC/TU) {vi}"),
            (("01-QC/TU-EN", "--amendment", "en1"), en, f"Comparison of Draft 1 {en}")):
        out = tmp_path / f"{args[-1]}.pdf"
        result = invoke(tmp_workspace, "redline", *args, "-o", str(out))
        assert result.exit_code == 0, result.output
        pages = [page.extract_text() for page in PdfReader(str(out)).pages]
        assert heading in " ".join(pages[0].split()), pages[0]
        assert len(pages) > 10
        margins = [[text for text in page.splitlines() if text.startswith(" ".join(line.split()[:2]))]
                   for page in pages[1:]]
        assert margins == [[line]] * len(margins), margins
