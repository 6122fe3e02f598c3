"""Real laws copied from a PDF import as their clean text: hard-wrapped lines, words hyphenated at a line end and
page heads (sweep r22 s10import defects 1, 2 and 6). The copies are made here from ../shared/corpus/vi the way
the sweep's mkvar.py made them."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from regdraft.importer import ImportResult, import_file
from regdraft.importer.plaintext import read_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "vi"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not available")
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
