"""Real laws copied from a PDF import as their clean text: hard-wrapped lines, words hyphenated at a line end and
page heads (sweep r22 s10import defects 1, 2 and 6). The copies are made here from ../shared/corpus/vi the way
the sweep's mkvar.py made them."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from regdraft.importer import ImportResult, import_file
from regdraft.importer.pdfcopy import read_lines
from regdraft.importer.plaintext import read_text
from tests.conftest import SHARED, needs_corpus

CORPUS = SHARED / "corpus" / "vi"
pytestmark = needs_corpus
HEAD = "CÔNG BÁO/Số 123 + 124/Ngày 15-7-2012"


def pdf_wrap(text: str, width: int = 80) -> str:
    """Every paragraph cut into lines of at most `width` characters, and a page head every 40 lines."""
    out: list[str] = []
    count, page = 0, 1
    for para in text.split("\n"):
        if not para.strip():
            out.append("")
            continue
        lines, current = [], ""
        for word in para.split(" "):
            if len(current) + len(word) + 1 > width and current:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
        for line in lines:
            out.append(line)
            count += 1
            if count % 40 == 0:
                page += 1
                out += ["", f"Trang {page}", HEAD, ""]
    return "\n".join(out)


def hyphenated(text: str) -> str:
    """The eleventh word of each long paragraph cut after two letters with `-` at the line end."""
    out = []
    for para in text.split("\n"):
        words = para.split(" ")
        if len(words) > 15 and not re.match(r"(Điều|Chương|\d+\.|[a-zđ]\))", para) and len(words[10]) >= 5:
            words[10] = words[10][:2] + "-\n" + words[10][2:]
            para = " ".join(words)
        out.append(para)
    return "\n".join(out)


@cache
def clean(name: str) -> ImportResult:
    return import_file(CORPUS / name)


def imported(tmp_path: Path, name: str, text: str) -> ImportResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(path, target=clean(name).regulation.source)


def messages(result: ImportResult, category: str) -> list[str]:
    return [n.message for n in result.report.notes if n.category == category]


@pytest.mark.parametrize("name", ["luat-cong-doan.txt", "luat-thanh-nien.txt"])
def test_a_hard_wrapped_copy_imports_as_the_clean_law(tmp_path: Path, name: str) -> None:
    source = (CORPUS / name).read_text(encoding="utf-8")
    result = imported(tmp_path, name, pdf_wrap(source))
    assert name != "luat-cong-doan.txt" or "tổ chức xã hội -\nnghề nghiệp" in pdf_wrap(source)
    assert result.text == clean(name).text  # every paragraph whole, the adoption sentence and the title read
    assert result.report.passes_check
    wrapped = [m for m in messages(result, "info") if "hard-wrapped" in m]
    assert len(wrapped) == 1 and "about 80 characters" in wrapped[0]
    joined = int(re.search(r"(\d+) lines were joined", wrapped[0]).group(1))  # type: ignore[union-attr]
    lines = [line for line in pdf_wrap(source).split("\n") if line and line != HEAD and not line.startswith("Trang ")]
    assert joined == len(lines) - len([line for line in source.split("\n") if line.strip()])
    # The page heads (`Trang 4`, `CÔNG BÁO/Số …`) are left out, each noted, even in the middle of a sentence.
    skipped = [n.text for n in result.report.notes if n.category == "skipped" and "page" in n.message]
    assert skipped.count(HEAD) == pdf_wrap(source).count(HEAD) > 3


def test_a_label_after_a_reference_word_stays_in_the_reference(tmp_path: Path) -> None:
    """`… quy định tại khoản 3 và` / `Điều 7 của Luật này …`: the wrapped line is not an article heading."""
    name = "luat-giao-duc.txt"
    wrapped = pdf_wrap((CORPUS / name).read_text(encoding="utf-8"))
    lines = [(i, line) for i, line in enumerate(wrapped.split("\n"), start=1)
             if line and line != HEAD and not line.startswith("Trang ")]  # a page break between them too
    traps = [b[0] for a, b in zip(lines, lines[1:], strict=False) if re.match(r"Điều \d+", b[1])
             and re.search(r"(khoản \d+|tại|và)$", a[1])]
    assert len(traps) == 3  # the real text has them at this width
    result = imported(tmp_path, name, wrapped)
    numbers = [loc.unit.label for loc in result.regulation.articles()]
    assert numbers == [loc.unit.label for loc in clean(name).regulation.articles()]
    assert result.text == clean(name).text
    named = {n.where for n in result.report.notes if n.category == "warning" and "reference word" in n.message}
    assert named == set(traps)


def test_a_file_that_is_not_wrapped_keeps_its_lines(tmp_path: Path) -> None:
    """Short lines ending without a full stop (header, headings, the signature) are never joined."""
    for name in ("luat-cong-doan.txt", "luat-thi-dua-khen-thuong.txt"):
        data = (CORPUS / name).read_bytes()
        paragraphs, _, notes = read_text(data, name)
        assert [p.text for p in paragraphs] == [" ".join(line.split()) for line in data.decode().split("\n")
                                                if line.strip()]
        assert not notes


def test_words_hyphenated_at_a_line_end_are_joined(tmp_path: Path) -> None:
    name = "luat-cong-doan.txt"
    source = (CORPUS / name).read_text(encoding="utf-8")
    result = imported(tmp_path, name, hyphenated(source))
    assert result.text == clean(name).text  # `th-` / `ống nhất` reads `thống nhất`
    joined = [m for m in messages(result, "info") if "broken by a hyphen" in m]
    broken = len(re.findall(r"[^\W\d_]-\n", hyphenated(source)))
    assert len(joined) == 1 and joined[0].startswith(f"{broken} words")


def test_a_real_hyphen_at_a_line_end_is_kept(tmp_path: Path) -> None:
    """`Mô-` / `đun` is a word written with a hyphen (`chính trị -` / `xã hội`, a dash between words, is in the
    wrapped Luật Công đoàn above)."""
    name = "luat-giao-duc.txt"
    wrapped = pdf_wrap((CORPUS / name).read_text(encoding="utf-8"))
    assert "6. Mô-đun là" in wrapped
    wrapped = wrapped.replace("6. Mô-đun là", "6. Mô-\nđun là", 1)
    result = imported(tmp_path, name, wrapped)
    assert result.text == clean(name).text
    assert any("the hyphen was kept" in m for m in messages(result, "warning"))


def test_a_page_break_inside_the_signature_block(tmp_path: Path) -> None:
    """A page number and the gazette's head between the signer's title and name, after every 60 lines too."""
    name = "luat-cong-doan.txt"
    lines = (CORPUS / name).read_text(encoding="utf-8").split("\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i % 60 == 59 or line == "CHỦ TỊCH QUỐC HỘI":
            out += ["", str(i // 60 + 2), "", "CÔNG BÁO/Số 123", ""]
    result = imported(tmp_path, name, "\n".join(out))
    assert result.text == clean(name).text
    assert result.regulation.meta["signer"] == clean(name).regulation.meta["signer"]
    skipped = [n.text for n in result.report.notes if n.category == "skipped" and "page" in n.message]
    assert skipped.count("CÔNG BÁO/Số 123") == len(skipped) // 2 >= 3


def test_the_signature_block_is_read_across_a_page_head() -> None:
    """Paragraphs from any reader (a Word copy of a PDF too): the page's number between the signer's title and name
    is left out, not read as text of the last article with the title."""
    from regdraft.importer.closing import read_closing
    from regdraft.importer.report import Paragraph

    lines = [line.strip() for line in (CORPUS / "luat-cong-doan.txt").read_text(encoding="utf-8").split("\n")]
    tail = [line for line in lines[lines.index("Điều 33. Quy định chi tiết và hướng dẫn thi hành"):] if line]
    title = tail.index("CHỦ TỊCH QUỐC HỘI")
    tail[title + 1:title + 1] = ["10", "CÔNG BÁO/Số 123"]
    closing = read_closing([Paragraph(text, i) for i, text in enumerate(tail, start=1)], 0)
    assert closing.signer == {"title": "CHỦ TỊCH QUỐC HỘI", "name": "Nguyễn Sinh Hùng"}
    assert closing.body_end == title
    assert [n.text for n in closing.notes if n.category == "skipped"] == ["10", "CÔNG BÁO/Số 123"]


def no_blank(text: str) -> str:
    """The hard-wrapped copy without its blank lines, as pdftotext writes it: nothing parts two paragraphs."""
    return "\n".join(line for line in pdf_wrap(text).split("\n") if line.strip())


@pytest.mark.parametrize("name", ["luat-cong-doan.txt", "luat-du-lich.txt", "luat-thanh-nien.txt",
                                  "luat-thi-dua-khen-thuong.txt"])
def test_a_hard_wrapped_copy_with_no_blank_lines_imports_as_the_clean_law(tmp_path: Path, name: str) -> None:
    """A line ending a sentence (`…;`, `….`) at the wrapping width goes on when the next line starts in lower case
    or its first word would not have fitted; an article heading wrapped over two lines ends before a capital that
    would have (Luật Công đoàn's Điều 17); `Quốc khánh` / `2-9.` is no clause `2-`."""
    result = imported(tmp_path, name, no_blank((CORPUS / name).read_text(encoding="utf-8")))
    assert result.text == clean(name).text


def test_luat_giao_duc_with_no_blank_lines_keeps_its_paragraphs_whole(tmp_path: Path) -> None:
    """`2. Việc liên thông … bảo đảm chất lượng.` / `Chương trình giáo dục …`: one paragraph, as in the law. A sentence
    joined that way is named in a warning: where a paragraph ends at the full width before a capital (`… đặc biệt
    khó khăn.` / `Nhà nước có trách nhiệm …`, 80 characters), nothing in the copy tells it from a wrapped one."""
    name = "luat-giao-duc.txt"
    copy = no_blank((CORPUS / name).read_text(encoding="utf-8"))
    result = imported(tmp_path, name, copy)
    paragraphs = clean(name).text.split("\n\n")
    whole = next(p for p in paragraphs if p.startswith("2\\. Việc liên thông trong giáo dục"))
    assert "chất lượng. Chương trình giáo dục" in whole and whole in result.text.split("\n\n")
    ends = next(p for p in paragraphs if p.startswith("2\\. Ngân sách nhà nước chi cho giáo dục"))
    after = paragraphs[paragraphs.index(ends) + 1]
    assert after.startswith("Nhà nước có trách nhiệm bố trí kinh phí")
    assert result.text == clean(name).text.replace(f"{ends}\n\n{after}", f"{ends} {after}")
    lines = copy.split("\n")
    named = [n.where for n in result.report.notes if n.category == "warning" and "ends a sentence" in n.message]
    assert [lines[n - 1].split()[0] for n in named] == ["Chương", "Hội", "Hội", "Bộ", "Nhà"]
    assert lines[named[-1] - 1].startswith("Nhà nước có trách nhiệm bố trí kinh phí")


def test_a_hyphen_at_a_line_end_joins_lines_only_in_a_copy_from_a_pdf(tmp_path: Path) -> None:
    """`tổ chức chính trị-` / `xã hội` is one paragraph in a hard-wrapped copy (the hyphen kept, with a warning);
    in an ordinary file each line is a paragraph, as a line ending `khóa XIV-` or a list line `- …` is."""
    name = "luat-thanh-nien.txt"
    source = (CORPUS / name).read_text(encoding="utf-8")
    cut = "chính trị-xã hội"
    wrapped = pdf_wrap(source, 64)  # a width where `chính trị-xã` ends a line: the PDF broke it at the hyphen
    assert source.count(cut) == wrapped.count("chính trị-xã\n") == 1
    result = imported(tmp_path, name, wrapped.replace("chính trị-xã\n", "chính trị-\nxã ", 1))
    assert result.text == clean(name).text
    assert any("the hyphen was kept" in m for m in messages(result, "warning"))

    plain = source.replace(cut, cut.replace("trị-", "trị-\n"), 1)
    paragraphs, _, notes = read_text(plain.encode(), name)
    first = next(p.text for p in paragraphs if "chính trị-" in p.text)
    assert first.endswith("tổ chức chính trị-")
    assert paragraphs[[p.text for p in paragraphs].index(first) + 1].text.startswith("xã hội của thanh niên")
    assert not [n for n in notes if "hyphen" in n.message]

    lines = ["Điều 2. Đối tượng áp dụng", "Quy chế này áp dụng cho Ban Chấp hành Đảng bộ tỉnh khóa XIV-",
             "khóa XV, nhiệm kỳ 2020-", "2025 và các nhiệm kỳ sau.", "Các cơ quan tham mưu:",
             "- Ban Tổ chức Tỉnh ủy -", "- Ban Tuyên giáo Tỉnh ủy.", "Phát triển kinh tế-",
             "xã hội là nhiệm vụ trọng tâm."]
    paragraphs, _, notes = read_text("\n".join(lines).encode(), "quy-che.txt")
    assert [p.text for p in paragraphs] == lines
    assert not notes


def test_a_word_file_made_from_a_pdf_leaves_its_page_heads_out(tmp_path: Path) -> None:
    """Word's PDF opening writes each page's running head and number as a body paragraph: `Trang 4`, a lone `12`,
    the gazette's `CÔNG BÁO/Số 123 + 124/Ngày 20-02-2024`, between articles and inside the signature block. They are
    left out, each noted as in a .txt copy, and the law reads as its plain text does."""
    import docx

    name = "luat-cong-doan.txt"
    heads = ["Trang 4", "12", "CÔNG BÁO/Số 123 + 124/Ngày 20-02-2024"]
    document = docx.Document()
    for line in (CORPUS / name).read_text(encoding="utf-8").split("\n"):
        if line.startswith(("Điều 5.", "Điều 20.")) or line == "Nguyễn Sinh Hùng":
            for head in heads:
                document.add_paragraph(head)
        document.add_paragraph(line)
    path = tmp_path / "luat-cong-doan.docx"
    document.save(str(path))
    result = import_file(path, target=clean(name).regulation.source)
    assert result.text == clean(name).text
    assert result.regulation.meta["signer"] == {"title": "CHỦ TỊCH QUỐC HỘI", "name": "Nguyễn Sinh Hùng"}
    skipped = [n.text for n in result.report.notes if n.category == "skipped" and "page" in n.message]
    assert skipped == heads * 3


def lines_of(text: str) -> list[str]:
    return [" ".join(line.split()) for line in unicodedata.normalize("NFC", text).split("\n") if line.strip()]


def joins(clean: list[str], got: list[str]) -> list[tuple[str, str]]:
    """The places where `got` joined two paragraphs of `clean` (each the last line's end and the next's start);
    fails where `got` is not `clean` with some paragraphs next to each other joined by a space (a paragraph cut)."""
    out, i = [], 0
    for paragraph in got:
        text = clean[i]
        i += 1
        while text != paragraph and paragraph.startswith(text + " ") and i < len(clean):
            out.append((text[-30:], clean[i][:30]))
            text += " " + clean[i]
            i += 1
        assert text == paragraph, f"a paragraph cut or changed: {paragraph[-80:]!r}"
    assert i == len(clean)
    return out


@pytest.mark.parametrize("blank", [True, False], ids=["blank", "no-blank"])
@pytest.mark.parametrize("width", [64, 72, 78, 80, 100])
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else ["-"])
def test_no_paragraph_of_a_wrapped_law_is_cut_nor_joined_mid_sentence(name: str, width: int, blank: bool) -> None:
    """Every paragraph of the five laws, wrapped at 64 to 100 with and without blank lines, is whole: a line cut
    before the dash of `kinh tế - xã hội` or `tổ chức xã hội - nghề nghiệp` goes on (it was a dash item, 4 of 9
    copies of sweep r23 s8docs); a heading ends before its article's text, also when its last line is full (Luật
    Công đoàn's Điều 17 at 78) or before its first clause after `… tại điểm` (Luật Du lịch's Điều 61 at 100). Two
    paragraphs are joined only where one ends a sentence (`.`, `;`, `:`) at the width, as docs/import.md says."""
    source = (CORPUS / name).read_text(encoding="utf-8")
    copy = pdf_wrap(source, width) if blank else no_blank_at(source, width)
    paragraphs, _, _ = read_text(copy.encode(), name)
    for before, after in joins(lines_of(source), [p.text for p in paragraphs]):
        assert re.search(r"[.;:]$", before) and not after.startswith(("-", "Điều")), (before, after)


def no_blank_at(text: str, width: int) -> str:
    return "\n".join(line for line in pdf_wrap(text, width).split("\n") if line.strip())


def test_a_line_cut_before_the_dash_of_kinh_te_xa_hoi(tmp_path: Path) -> None:
    """Luật Thanh niên at 78 (sweep r23 s8docs defect 1): `… kế hoạch phát triển kinh tế` / `- xã hội của ngành,
    lĩnh vực. …` is khoản 2 Điều 36 whole, not a dash item; a real dash list (`…, gồm:` / `- Dự thảo tờ trình;`)
    keeps its items."""
    name = "luat-thanh-nien.txt"
    copy = pdf_wrap((CORPUS / name).read_text(encoding="utf-8"), 78)
    assert "phát triển kinh tế\n- xã hội của ngành, lĩnh vực." in copy
    result = imported(tmp_path, name, copy)
    assert result.text == clean(name).text
    assert "kinh tế - xã hội của ngành, lĩnh vực. Hướng dẫn" in result.text
    assert not messages(result, "warning")

    items = ["Hồ sơ gửi Bộ Tư pháp xem xét, đánh giá, gồm:", "- Dự thảo tờ trình;",
             "- Dự thảo văn bản phê duyệt phương án đơn giản hóa thủ tục hành chính;",
             "- Báo cáo kết quả rà soát của Bộ, cơ quan ngang Bộ;"]
    text = (CORPUS.parent / "amendments" / "nd-63-2010" / "amending-48-2013-ND-CP.txt").read_text(encoding="utf-8")
    assert all(line in text.split("\n") for line in items)
    paragraphs, _, _ = read_text(no_blank_at(text, 80).encode(), "nd-48.txt")
    assert all(item in [p.text for p in paragraphs] for item in items[1:])


def test_a_wrapped_heading_whose_last_line_is_full_ends_there(tmp_path: Path) -> None:
    """Luật Công đoàn at 78 without blank lines (sweep r23 s8docs defect 2): Điều 17's heading `… đối với` /
    `người lao động … công đoàn cơ sở` (78 characters, the full width) is followed by its text `Ở cơ quan, …`; `Ở`
    would not have fitted, but the line is full, and a heading goes on only with a short line."""
    name = "luat-cong-doan.txt"
    copy = no_blank_at((CORPUS / name).read_text(encoding="utf-8"), 78)
    lines = copy.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Điều 17."))
    assert len(lines[at + 1]) == 78 and lines[at + 2].startswith("Ở cơ quan, tổ chức, doanh nghiệp")
    result = imported(tmp_path, name, copy)
    assert result.text == clean(name).text
    article = next(loc.unit for loc in result.regulation.articles() if loc.unit.label == "17")
    assert article.title is not None and article.title.endswith("chưa thành lập công đoàn cơ sở")
    assert not [m for m in messages(result, "warning") if "heading" in m]


def test_a_heading_that_takes_a_line_ending_a_sentence_is_warned_of() -> None:
    """A heading is joined with a line in lower case; where that line ends a sentence (a law printing its headings
    with a full stop, or text run into a heading) a warning names it."""
    lines = ["Điều 17. Quyền, trách nhiệm của công đoàn cấp trên trực tiếp cơ sở đối với người lao",
             "động ở cơ quan, tổ chức, doanh nghiệp chưa thành lập công đoàn cơ sở.",
             "Ở cơ quan, tổ chức, doanh nghiệp chưa thành lập công đoàn cơ sở, công đoàn cấp trên",
             "trực tiếp cơ sở có quyền, trách nhiệm đại diện, bảo vệ quyền, lợi ích hợp pháp,",
             "chính đáng của người lao động khi được người lao động ở đó yêu cầu."]
    paragraphs, notes = read_lines(list(enumerate(lines, start=1)))
    assert [text for _, text in paragraphs] == [" ".join(lines[:2]), " ".join(lines[2:])]
    warned = [n for n in notes if n.category == "warning"]
    assert [(n.where, n.message.split(",")[0]) for n in warned] == [(2, "Line 2 was read as part of the heading "
                                                                           "that starts on line 1 ('Điều 17')")]
