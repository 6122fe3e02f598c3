"""What the consolidated text prints on paper, read back from the PDF: the signature never stands
alone on the last page, a rule separates the footnotes from the text, a footnote prints on the page
of its call, and a footnote number never runs into the label it follows in the text layer."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from regdraft.core.consolidate import consolidate
from regdraft.core.markdown import parse
from regdraft.render.consolidated import consolidated_html
from regdraft.render.html import environment
from regdraft.render.pdf import write_pdf
from regdraft.render.profile import load_profile
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, in_corpus
from tests.print_marks import page_words
from tests.test_consolidate import FakeApplied, amendment_meta, change, words_of
from tests.test_export import SECOND_EFFECTIVE, adopted  # noqa: F401 (a fixture)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                reason="poppler-utils (pdftotext, pdftoppm) is not installed")

LAST_WORDS = "Quy chế này có hiệu lực kể từ ngày ký."
SIGNED = """signer: {on_behalf: T/M TỈNH ỦY, title: BÍ THƯ, name: Phạm Đức Thịnh}
recipients: [Ban Bí thư Trung ương Đảng (để báo cáo), Văn phòng Trung ương Đảng, Ban Tổ chức Trung ương,
  Ủy ban Kiểm tra Trung ương, Các đồng chí Tỉnh ủy viên, Các ban đảng Tỉnh ủy, Lưu Văn phòng Tỉnh ủy.]
"""


def page_texts(pdf: Path) -> list[str]:
    """Each page's text as pdftotext reads it, whitespace runs made one space."""
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [" ".join(page.split()) for page in done.stdout.split("\f")[:-1]]


def _regulation(clauses: int) -> str:
    """A regulation with a signature block whose second article has `clauses` one-line clauses."""
    body = "\n\n".join(f"{n}\\. Nội dung khoản {n}." for n in range(1, clauses + 1))
    return (f"---\nid: 09-QC/TU\ntype: Quy chế\ntitle: Quy chế thử\nlanguage: vi\nissuer: TỈNH ỦY ĐIỆN BIÊN\n"
            f"place: Điện Biên\nsigned: 2021-01-09\neffective: 2021-01-09\n{SIGNED}---\n\n"
            f"## Điều 1. Phạm vi\n\nQuy chế này quy định chế độ làm việc.\n\n## Điều 2. Nội dung\n\n{body}\n\n"
            f"## Điều 3. Hiệu lực thi hành\n\n{LAST_WORDS}\n")


def test_the_signature_never_stands_alone_on_the_last_page(tmp_path: Path) -> None:
    """Whatever the length of the text, the page of the signature also carries the last article's words."""
    profile = load_profile({})
    alone_without_the_rule = 0
    # One page's worth of lengths, the page break falling everywhere; the longest first, as the shorter leave the
    # signature alone without the rule less often (at 42 and 44 clauses alone when measured, 2026-12-07).
    for clauses in range(44, 21, -2):
        regulation = parse(_regulation(clauses))
        ct = consolidate(regulation, [], dt.date(2021, 1, 9), words=words_of(regulation))
        html = consolidated_html(ct, environment(None), profile, paged=True)
        out = tmp_path / f"c{clauses}.pdf"
        write_pdf(html, out)
        pages = page_texts(out)
        signature = next(i for i, page in enumerate(pages) if "Nơi nhận" in page)
        assert "Phạm Đức Thịnh" in pages[signature]
        assert LAST_WORDS in pages[signature], (clauses, pages[signature][:200])
        # The same text without the keep rule: some of these lengths do leave the signature alone,
        # so the assertion above is not true by luck of the page breaks. One such length is the proof: the
        # lengths after it are printed with the rule alone (each a PDF the more: 0.2-0.4 s of CPU).
        if alone_without_the_rule:
            continue
        write_pdf(html.replace('class="keep-with-signature"', ""), out)
        pages = page_texts(out)
        signature = next(i for i, page in enumerate(pages) if "Nơi nhận" in page)
        alone_without_the_rule += LAST_WORDS not in pages[signature]
    assert alone_without_the_rule


def _dark_rows(png: Path) -> list[tuple[int, float]]:
    """Each pixel row of a grayscale page: (y, the share of the text width that is dark)."""
    from PIL import Image

    with Image.open(png) as image:
        gray = image.convert("L")
        width, height = gray.size
        left, right = int(width * 30 / 210), int(width * (1 - 15 / 210))  # the profile's margins
        pixels = gray.tobytes()  # one byte a pixel, row after row
        # Dark: under 192, as a thin rule falling between two pixel rows at 72 dpi prints both grey (129-165).
        return [(y, sum(pixels[y * width + x] < 192 for x in range(left, right)) / (right - left))
                for y in range(height)]


def test_footnotes_sit_under_a_rule_and_their_numbers_apart_from_labels(adopted: Workspace,  # noqa: F811
                                                                        tmp_path: Path) -> None:
    done = export_regulation(adopted, "01-QC/TU", tmp_path / "c.pdf", "pdf", as_of=SECOND_EFFECTIVE)
    pages = page_texts(done.path)
    whole = " ".join(pages)
    # Every footnote call follows its label after a space in the text layer: "Chương V 16", not "V16".
    assert re.search(r"Chương V \d+ QUAN HỆ CÔNG TÁC", whole)
    assert re.search(r"\b3\. \d+ \(được bãi bỏ\)", whole)
    assert not re.search(r"Chương [IVX]+\d", whole) and not re.search(r"\b\d+[a-z]?\.\d+ \(được bãi bỏ\)", whole)
    with_notes = [i for i, page in enumerate(pages) if "được sửa đổi, bổ sung theo quy định tại" in page]
    without = [i for i, page in enumerate(pages) if "theo quy định tại" not in page and "Nơi nhận" not in page]
    assert with_notes and without
    for index, expected in ((with_notes[0], True), (without[-1], False)):
        subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", str(index + 1), "-l", str(index + 1), "-png",
                        str(done.path), str(tmp_path / f"p{index}")], check=True)
        (png,) = tmp_path.glob(f"p{index}*.png")
        rows = _dark_rows(png)
        lower_half = [share for y, share in rows if y > len(rows) // 2]
        # The separator: a row dark across the whole text width, in the lower half of a page with notes only.
        assert (max(lower_half) > 0.95) is expected, (index, max(lower_half))


def test_a_forms_long_answer_lines_wrap_inside_their_cell(tmp_path: Path) -> None:
    # Nghị định 63/2010's appendix forms: a row of dots for the answer ran off the page, taking the words after it
    # with it, and the question column was one word wide.
    answer = ("a) Có £ b) Không £ Đề nghị giải thích lý do" + "." * 400
              + " Nếu chọn câu trả lời b, đề xuất phương án xử lý")
    text = _regulation(2).replace(f"{LAST_WORDS}\n", f"{LAST_WORDS}\n\n| Câu hỏi | Trả lời |\n| --- | --- |\n"
                                  f"| 1. Thủ tục hành chính được đặt ra nhằm đạt được mục tiêu gì? | {answer} |\n")
    regulation = parse(text)
    ct = consolidate(regulation, [], dt.date(2021, 1, 9), words=words_of(regulation))
    out = tmp_path / "form.pdf"
    write_pdf(consolidated_html(ct, environment(None), load_profile({}), paged=True), out)
    done = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True)
    printed = done.stdout.split()
    for word in "Nếu chọn câu trả lời b, đề xuất phương án xử lý".split():  # not cut off at the page's edge
        assert word in printed, word
    assert len(page_texts(out)) == 1  # the question column is not a word a line


def notes_off_their_page(pdf: Path) -> tuple[int, list[tuple[int, int, int | None]]]:
    """How many footnote calls the PDF prints, and each (note, page of its call, page of its note) that differ.

    Read from the words' boxes: a call is a number in small raised type (70 % of the body's 13 pt), a note
    starts its line at the left margin with its number and a full stop, in the notes' 10 pt."""
    pages = [page_words(pdf, n) for n in range(1, len(page_texts(pdf)) + 1)]
    heights = sorted(w.y1 - w.y0 for words in pages for w in words)
    body = heights[len(heights) * 9 // 10]  # most words are the body's (headings are few)
    calls: dict[int, int] = {}
    notes: dict[int, int] = {}
    for number, words in enumerate(pages, 1):
        left = min((w.x0 for w in words), default=0.0)
        for w in words:
            height = w.y1 - w.y0
            if w.text.isdigit() and height < 0.7 * body:
                calls.setdefault(int(w.text), number)
            elif re.fullmatch(r"\d+\.", w.text) and abs(w.x0 - left) < 1 and height < 0.9 * body:
                notes.setdefault(int(w.text[:-1]), number)
    return len(calls), [(n, page, notes.get(n)) for n, page in sorted(calls.items()) if notes.get(n) != page]


def _amended_clauses(before: int) -> str:
    """Article 2's clauses after `before` one-line clauses of article 1: short and five-line ones by turns."""
    filler = "\n\n".join(f"{n}\\. Nội dung khoản {n} của Điều 1." for n in range(1, before + 1))
    clauses = "\n\n".join(f"{n}\\. Nội dung khoản {n} được sửa đổi" + ", bổ sung theo yêu cầu công tác" * (8 * (n % 2))
                          + "." for n in range(1, 61))
    return (f"---\nid: 09-QC/TU\ntype: Quy chế\ntitle: Quy chế thử\nlanguage: vi\nissuer: TỈNH ỦY ĐIỆN BIÊN\n"
            f"place: Điện Biên\nsigned: 2021-01-09\neffective: 2021-01-09\n---\n\n"
            f"## Điều 1. Phạm vi\n\n{filler or 'Quy chế này quy định chế độ làm việc.'}\n\n"
            f"## Điều 2. Nội dung\n\n{clauses}\n")


@pytest.mark.parametrize("before", range(4))
def test_a_footnote_prints_on_the_page_of_its_call(before: int, tmp_path: Path) -> None:
    """Every third clause of article 2 was amended, so calls fall on every line of a page, the last one too, and
    in the second line of a long clause, where orphans forbid a break: the note never waits for the next page.
    (Luật Đấu thầu 22/2023's `3. ²⁰ Lựa chọn nhà đầu tư …` ended page 34 with note 20 under page 35.)"""
    regulation = parse(_amended_clauses(before))
    steps = [(amendment_meta("05-QC/TU", "2025-03-15", "2025-04-01"),
              FakeApplied(regulation, [change(f"d2.k{n}", "amended", f"khoản {n} Điều 1") for n in range(1, 61, 3)]))]
    ct = consolidate(regulation, steps, dt.date(2025, 4, 1), words=words_of(regulation))
    out = tmp_path / "notes.pdf"
    write_pdf(consolidated_html(ct, environment(None), load_profile({}), paged=True), out)
    calls, apart = notes_off_their_page(out)
    assert calls == 20 and not apart


@pytest.mark.slow
def test_a_consolidated_decrees_footnotes_print_on_the_pages_of_their_calls(tmp_path: Path) -> None:
    """Nghị định 63/2010 as Nghị định 48/2013 amended it: notes 6, 9 and 18 printed a page after their calls."""
    from regdraft.core.amend import apply
    from regdraft.importer import import_file
    from regdraft.importer.amendment import import_amendment

    folder = in_corpus(SHARED / "corpus" / "amendments" / "nd-63-2010")
    imported = import_file(folder / "base-63-2010-ND-CP.txt", reg_id="63/2010/NĐ-CP")
    base = parse(imported.text, imported.regulation.source)
    amending = import_amendment(folder / "amending-48-2013-ND-CP.txt", "nd-48-2013", {"63/2010/NĐ-CP": base.meta})
    assert amending.amendment is not None
    profile = load_profile({}, base.meta)
    ct = consolidate(base, [(amending.amendment.meta, apply(base, amending.amendment))], dt.date(2026, 1, 1),
                     words=profile.words("vi"))
    out = tmp_path / "63-2010.pdf"
    write_pdf(consolidated_html(ct, environment(None), profile, paged=True), out)
    calls, apart = notes_off_their_page(out)
    assert calls == len(ct.footnotes) == 18 and not apart
