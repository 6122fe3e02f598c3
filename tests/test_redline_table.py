"""The comparison table (Bảng so sánh): only changed provisions with --changed-only, the note
column naming each instruction in its document with the reason recorded for it, and on paper a
header row and a "(tiếp)" label on every page a provision runs onto, no document number broken."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from regdraft.core.amend.document import read_amendment
from regdraft.render import redline as rr
from regdraft.render.profile import load_profile
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke
from tests.test_render_pdf import pdf_fonts

AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
SHIPPED_TEXT = (REPO_ROOT / AMENDMENT).read_text(encoding="utf-8")
REASONS = """reasons:
  khoản 12 Điều 1: Ban Chấp hành Trung ương khóa XII đã hết nhiệm kỳ.
  "1": Thống nhất với Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương.
"""


def _with_reasons(text: str, reasons: str = REASONS) -> str:
    return text.replace("recipients:\n", reasons + "recipients:\n", 1)


def _rows(table: str) -> dict[str, str]:
    """Each row of the table's HTML by the provision its second column names."""
    rows = re.findall(r'<tr id="chg-\d+".*?</tr>', table, flags=re.S)
    return {re.search(r'<td class="col-where[^"]*">([^<]*)</td>', row).group(1): row for row in rows}  # type: ignore[union-attr]


def _text(html: str) -> str:
    """The words of some HTML: a paragraph or a cell ends a word, a mark inside a word does not."""
    spaced = re.sub(r"</?(p|td|tr|br)\b[^>]*>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", "", spaced).split())


def test_changed_only_keeps_only_what_changed(tmp_workspace: Workspace) -> None:
    redline = rl.build(tmp_workspace, "01-QC/TU")
    full = _rows(rr.render_html(redline, layout="table"))
    changed = _rows(rr.render_html(redline, layout="table", changed_only=True))
    assert list(changed) == list(full)  # the same rows, in the same order
    # An article whose title alone changed: its title row only, no unchanged clause.
    assert "Tỉnh ủy viên có trách nhiệm, quyền hạn" in _text(full["Điều 7"])
    assert "Tỉnh ủy viên có trách nhiệm, quyền hạn" not in _text(changed["Điều 7"])
    assert "Trách nhiệm, quyền hạn của Tỉnh ủy viên" in _text(changed["Điều 7"])
    assert "Nhiệm vụ, quyền hạn và trách nhiệm nêu gương" in _text(changed["Điều 7"])
    # A replaced clause keeps its lead-in and its changed points, not the unchanged point a).
    clause = _text(changed["Khoản 2 Điều 5"])
    assert "Thực hiện chế độ báo cáo" in clause and "b) Định kỳ 6 tháng" in clause and "c) Báo cáo kịp thời" in clause
    assert "a) Báo cáo Ban Chấp hành" not in clause and "a) Báo cáo Ban Chấp hành" in _text(full["Khoản 2 Điều 5"])


def test_the_note_names_the_instruction_in_its_document_and_its_reason(tmp_workspace: Workspace) -> None:
    tmp_workspace.commit({AMENDMENT: _with_reasons(SHIPPED_TEXT).encode()}, "Record reasons")
    rows = _rows(rr.render_html(rl.build(tmp_workspace, "01-QC/TU"), layout="table"))
    note = _text(re.search(r'<td class="col-note">.*?</td>', rows["Khoản 1 Điều 3"], re.S).group(0))  # type: ignore[union-attr]
    assert note == ("bỏ cụm từ khoản 12 Điều 1 Dự thảo 05-QC/TU "
                    "Lý do: Ban Chấp hành Trung ương khóa XII đã hết nhiệm kỳ.")
    # A reason for a numbered instruction covers its lettered ones (khoản 1 Điều 1 holds points a and b).
    for where, point in (("Điểm c khoản 1 Điều 4", "a"), ("Điểm e khoản 1 Điều 4", "b")):
        note = _text(re.search(r'<td class="col-note">.*?</td>', rows[where], re.S).group(0))  # type: ignore[union-attr]
        assert f"điểm {point} khoản 1 Điều 1 Dự thảo 05-QC/TU" in note
        assert "Lý do: Thống nhất với Quy định số 24-QĐ/TW" in note
    plain = _text(re.search(r'<td class="col-note">.*?</td>', rows["Khoản 2 Điều 5"], re.S).group(0))  # type: ignore[union-attr]
    assert plain == "sửa đổi, bổ sung khoản 2 Điều 1 Dự thảo 05-QC/TU"  # no reason recorded: none printed
    # Điểm đ: no instruction amends it; its end became ';' because điểm e follows it.
    end = _text(re.search(r'<td class="col-note">.*?</td>', rows["Điểm đ khoản 1 Điều 4"], re.S).group(0))  # type: ignore[union-attr]
    assert end.startswith("sửa dấu câu cuối") and "sửa đổi, bổ sung" not in end
    # Named with the insertion that made it, without that insertion's reason: it was not changed for it.
    assert "điểm b khoản 1 Điều 1 Dự thảo 05-QC/TU" in end and "Lý do" not in end


def test_a_reason_naming_no_instruction_is_reported_with_its_line() -> None:
    bad = _with_reasons(SHIPPED_TEXT, "reasons:\n  khoản 20 Điều 1: Không có khoản này.\n  \"3\": 5\n")
    _, problems = read_amendment(bad, AMENDMENT, SHIPPED_AMENDMENT)
    lines = bad.split("\n")
    found = {p.line: p.message for p in problems}
    assert len(found) == 2
    line = lines.index("  khoản 20 Điều 1: Không có khoản này.") + 1
    assert "gives a reason for 'khoản 20 Điều 1', but no instruction" in found[line]
    assert "must be text" in found[lines.index('  "3": 5') + 1]
    _, problems = read_amendment(_with_reasons(SHIPPED_TEXT, "reasons: không rõ\n"), AMENDMENT, SHIPPED_AMENDMENT)
    assert [p.message for p in problems] == [
        "The front matter's 'reasons' must map each instruction to its reason, one a line (khoản 12 Điều 1: "
        "Thống nhất với Quy định số 24-QĐ/TW ...)."]


def test_amend_check_names_the_file_and_line_of_a_wrong_reason(tmp_workspace: Workspace, invoke: Invoke) -> None:
    bad = _with_reasons(SHIPPED_TEXT, "reasons:\n  Điều 9: Không phải một hướng dẫn.\n")
    tmp_workspace.commit({AMENDMENT: bad.encode()}, "A reason for no instruction")
    head = tmp_workspace.resolve("HEAD").sha
    result = invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT)
    assert result.exit_code == 1 and "Traceback" not in result.output
    line = bad.split("\n").index("  Điều 9: Không phải một hướng dẫn.") + 1
    assert f"{AMENDMENT}:{line}:" in result.output and "'Điều 9'" in result.output
    assert tmp_workspace.resolve("HEAD").sha == head and not tmp_workspace.dirty([AMENDMENT])


def _pages(pdf: Path) -> list[list[str]]:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [page.split("\n") for page in done.stdout.split("\f")[:-1]]


def _words(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's words with where they start (x, y), as pdftotext reads them."""
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [[(float(x), float(y), html.unescape(word)) for x, y, word in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)]
            for page in done.stdout.split("<page ")[1:]]


def _label_column(words: list[tuple[float, float, str]], columns: tuple[str, str] = ("Điều,", "Quy"),
                  ) -> tuple[str, list[str]]:
    """On a page of the table: what its label column holds above the first numbered row, and the rows' numbers.

    The columns are found from the header row's words: STT, then "Điều, khoản" up to "Quy định" (`columns`).
    """
    header_y, label_x = next((y, x) for x, y, word in words if word == columns[0])
    text_x = next(x for x, y, word in words if word == columns[1] and abs(y - header_y) < 1)
    body = sorted((y, x, word) for x, y, word in words if y > header_y + 5)
    numbers = [(y, word) for y, x, word in body if x < label_x - 2 and word.isdigit()]
    first_y = numbers[0][0] if numbers else float("inf")
    label = [word for y, x, word in body if label_x - 2 <= x < text_x - 2 and y < first_y - 1]
    return " ".join(label), [word for _, word in numbers]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_table_pdf_repeats_header_and_label_on_every_page(tmp_workspace: Workspace, invoke: Invoke) -> None:
    out = tmp_workspace.root / "bang.pdf"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--layout", "table", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    labels = list(_rows(rr.render_html(rl.build(tmp_workspace, "01-QC/TU"), layout="table",
                                       profile=load_profile({}))))
    pages = _pages(out)
    assert all(any(re.search(r"STT\s+Điều, khoản\s+Quy định hiện hành", line) for line in lines) for lines in pages)
    continued, last = [], ""  # `last`: the row begun last, on an earlier page
    for number, words in enumerate(_words(out), start=1):
        label, numbers = _label_column(words)
        if number > 1 and label:
            # A page that opens inside a row names that row in its label column: "Khoản 2 Điều 5 (tiếp)".
            assert label == f"{last} (tiếp)", (number, label, last)
            continued.append(last)
        assert numbers or label, number  # every page shows a row's label
        last = labels[int(numbers[-1]) - 1] if numbers else last
    assert "Khoản 2 Điều 5" in continued and len(continued) >= 2
    text = "\n".join("\n".join(lines) for lines in pages)
    assert text.count("(tiếp)") == len(continued)  # hidden where the row begins
    # No document number broken at its slash ("22-QĐ/" then "TW" in a narrow column).
    assert re.findall(r"\d+-Q[ĐC]/TW|\d+-QC/TU", text) and not re.search(r"[A-ZĐ]/(\s|$)", text)
    assert all(re.search(r"Tinos|Liberation", font) for font in pdf_fonts(out))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_an_english_row_continues_as_article_4_continued(tmp_workspace: Workspace, invoke: Invoke) -> None:
    text = tmp_workspace.read("regulations/01-QC-TU-EN.md").decode("utf-8")
    retitled = text.replace("## Article 4. Duties and powers of the Provincial",
                            "## Article 4. Duties, powers and responsibilities of the Provincial")
    assert retitled != text
    tmp_workspace.commit({"regulations/01-QC-TU-EN.md": retitled.encode()}, "Retitle Article 4")
    out = tmp_workspace.root / "en.pdf"  # one row: the renamed article, printed whole over several pages
    result = invoke(tmp_workspace, "redline", "01-QC/TU-EN", "--from", "HEAD~1", "--to", "HEAD", "--layout", "table",
                    "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    pages = _words(out)
    assert len(pages) >= 3
    # Two revisions, neither adopted nor a draft: the columns are named by them ("Version HEAD~1", r35 sweep BG 1).
    assert _label_column(pages[0], ("Provision", "Version")) == ("", ["1"])
    for page in pages[1:]:
        assert _label_column(page, ("Provision", "Version")) == ("Article 4 (continued)", [])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_changed_only_table_pdf_prints_the_renamed_article_as_its_title(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    full, short = tmp_workspace.root / "full.pdf", tmp_workspace.root / "short.pdf"
    invoke(tmp_workspace, "redline", "01-QC/TU", "--layout", "table", "-o", str(full), catch=False)
    invoke(tmp_workspace, "redline", "01-QC/TU", "--layout", "table", "--changed-only", "-o", str(short), catch=False)
    full_text = " ".join(" ".join(p) for p in _pages(full))
    short_pages = _pages(short)
    short_text = " ".join(" ".join(p) for p in short_pages)
    assert len(short_pages) < len(_pages(full))
    for words in ("Tham dự đầy đủ các hội nghị", "Tổ chức quán triệt, cụ thể hóa"):  # Điều 7's unchanged clauses
        assert words in " ".join(full_text.split()) and words not in " ".join(short_text.split())
    assert "Điều 7. Trách nhiệm, quyền hạn của" in short_text and "Điều 7. Nhiệm vụ, quyền hạn và trách" in short_text


def test_reasons_follow_their_changes_when_from_edits_writes_the_instructions_anew(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    from regdraft.core.amend.document import load_amendment

    slug, relative = "qc-sua-doi-2026", "amendments/qc-sua-doi-2026/amendment.md"
    invoke(tmp_workspace, "amend", "new", slug, "--regulation", "01-QC/TU", catch=False)
    text = (tmp_workspace.root / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần"), encoding="utf-8")
    invoke(tmp_workspace, "amend", "from-edits", slug, "--edited", str(edited), catch=False)
    document = tmp_workspace.read(relative).decode("utf-8")
    reason = "reasons:\n  khoản 1 Điều 1: Họp thường xuyên hơn.\n"
    tmp_workspace.commit({relative: _with_reasons(document, reason).encode()}, "Record a reason")
    # A change earlier in the text: the instruction with the reason becomes khoản 2 Điều 1.
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "chấp hành nghiêm Điều lệ Đảng", "chấp hành nghiêm chỉnh Điều lệ Đảng"), encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "from-edits", slug, "--edited", str(edited), catch=False)
    assert result.exit_code == 0, result.output
    amendment = load_amendment(tmp_workspace.read(relative), relative, slug)
    reasons = {ins.cite(): amendment.reason(ins) for ins in amendment.leaves()}
    assert reasons == {"khoản 1 Điều 1": "", "khoản 2 Điều 1": "Họp thường xuyên hơn."}
    assert "điểm a khoản 1 Điều 12" in amendment.instructions[1].text
    assert invoke(tmp_workspace, "amend", "check", slug).exit_code == 0


DASH_AMENDMENT = """---
type: Quy chế
title: Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh
regulation: 01-QC/TU
language: vi
status: draft
draft: 1
issuer: TỈNH ỦY ĐIỆN BIÊN
---

## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế số 01-QC/TU

1\\. Sửa đổi, bổ sung gạch đầu dòng thứ hai khoản 4 Điều 7 như sau:

“- Giữ gìn phẩm chất đạo đức, lối sống; đấu tranh chống chủ nghĩa cá nhân, cơ hội, thực dụng và lợi ích nhóm;”

2\\. Bãi bỏ điểm c khoản 3 Điều 7.

## Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""


def test_a_row_changed_in_a_dash_item_names_its_instruction(tmp_workspace: Workspace) -> None:
    # The tester's Khoản 4 Điều 7: the note said what changed ("sửa đổi, bổ sung gạch đầu dòng thứ hai") but not
    # which instruction did it, as every other row does: the change's address was the dash item's (d7.k4.dash2).
    tmp_workspace.commit({"amendments/gach-dau-dong/amendment.md": DASH_AMENDMENT.encode()}, "A dash item amended")
    rows = _rows(rr.render_html(rl.build(tmp_workspace, "01-QC/TU", amendment="gach-dau-dong"), layout="table"))
    note = _text(re.search(r'<td class="col-note">.*?</td>', rows["Khoản 4 Điều 7"], re.S).group(0))  # type: ignore[union-attr]
    assert note.startswith("sửa đổi, bổ sung gạch đầu dòng thứ hai")
    assert "khoản 1 Điều 1 Dự thảo lần 1" in note
    repealed = _text(re.search(r'<td class="col-note">.*?</td>', rows["Điểm c khoản 3 Điều 7"], re.S).group(0))  # type: ignore[union-attr]
    assert "khoản 2 Điều 1 Dự thảo lần 1" in repealed


def test_a_renamed_article_row_leaves_out_a_clause_whose_changes_have_rows(tmp_workspace: Workspace) -> None:
    # Luật Đấu thầu's Điều 3 (renamed) printed the unchanged lead-in of khoản 7 in its row, with nothing after it:
    # khoản 7's changed points a and d have rows of their own.
    head, _, rest = DASH_AMENDMENT.partition("1\\. Sửa đổi")
    text = (head + "1\\. Sửa đổi tên Điều 4 như sau:\n\n"
            "“Điều 4. Nhiệm vụ, quyền hạn của Ban Chấp hành Đảng bộ tỉnh”\n\n"
            "2\\. Sửa đổi, bổ sung điểm c khoản 1 Điều 4 như sau:\n\n"
            "“c) Thảo luận, cho ý kiến về kế hoạch phát triển.”\n\n" + rest[rest.index("## Điều 2"):])
    assert "Sửa đổi tên Điều 4" in text
    tmp_workspace.commit({"amendments/ten-dieu/amendment.md": text.encode()}, "A title and a point amended")
    redline = rl.build(tmp_workspace, "01-QC/TU", amendment="ten-dieu")
    changed = _rows(rr.render_html(redline, layout="table", changed_only=True))
    assert list(changed) == ["Điều 4", "Điểm c khoản 1 Điều 4"]
    article = _text(changed["Điều 4"])
    assert "Nhiệm vụ, quyền hạn của Ban Chấp hành Đảng bộ tỉnh" in article
    assert "Lãnh đạo tổ chức thực hiện Nghị quyết" not in article  # khoản 1's lead-in: its change has a row
