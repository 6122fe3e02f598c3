"""Hard-wrapped copies of laws: a number broken at its hyphen and the items of a dash list (sweep r24 joins).

A PDF (and Word) breaks a line after a hyphen between digits: `Quốc khánh 2-` / `9.` in Luật Thi đua, khen thưởng
is one date, `2-9.`, not a paragraph `9.`; `nhiệm kỳ 2020-` / `2025` reads `2020-2025`. A range written with
spaces (`thời kỳ 2021 - 2030`, Luật 57/2024) cut before its dash is no dash item. An item of a dash list in lower
case (`- nội dung a`, no closing punctuation) filling the line is not joined to the next item."""

from __future__ import annotations

import re
import textwrap
from functools import cache
from pathlib import Path

import pytest

from regdraft.importer import ImportResult, import_file
from regdraft.importer.pdfcopy import read_lines
from regdraft.importer.plaintext import read_text
from tests.conftest import CORPUS, needs_corpus

SENTENCE = "ends a sentence at the wrapping width"
_BREAK = re.compile(r"(?<= )|(?<=\d-)(?=\d)")  # after a space, or after a hyphen between digits


def word_wrap(line: str, width: int) -> list[str]:
    """`line` cut into lines of at most `width` characters, at spaces and after a hyphen between digits (`2-` /
    `9.`), as Word and a PDF break them (`textwrap` never breaks between digits)."""
    out, current = [], ""
    for piece in (p for p in _BREAK.split(line) if p):
        if current and len((current + piece).rstrip()) > width:
            out.append(current.rstrip())
            current = piece
        else:
            current += piece
    return [*out, current.rstrip()] if current.strip() else out


def wrapped(text: str, width: int, blank: bool, digits: bool = False, pdf: bool = False) -> str:
    """Each paragraph of `text` cut at `width` (by `textwrap`, or `word_wrap` with `digits`), a blank line after
    each or none (pdftotext's way). With `pdf`, as a PDF prints a law: an article's heading (bold) cut at 9/10 of
    the width, a title in capitals (centred) at 3/5 of it."""
    return "\n".join(line for line, _ in cut(text, width, blank, digits, pdf)) + "\n"


def cut(text: str, width: int, blank: bool, digits: bool = False, pdf: bool = False,
        bold: tuple[int, int] = (9, 10)) -> list[tuple[str, int]]:
    """The lines of `wrapped`, each with the place of its paragraph among the lines of `text`; with `pdf`, an
    article's heading cut at the share `bold` of the width."""
    out: list[tuple[str, int]] = []
    for at, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        if blank and out:
            out.append(("", at))
        size = width
        if pdf and line.startswith(("Điều ", "Article ")):
            size = width * bold[0] // bold[1]
        elif pdf and line.upper() == line:
            size = width * 3 // 5
        out.extend((part, at) for part in (word_wrap(line, size) if digits else textwrap.wrap(line, size)))
    return out


@cache
def clean(name: str) -> ImportResult:
    return import_file(CORPUS / name)


def imported(tmp_path: Path, name: str, text: str) -> ImportResult:
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(path, target=clean(name).regulation.source)


def with_warned_joins(source: str, width: int, result: ImportResult, pdf: bool = False) -> str:
    """The clean source (no blank lines) with each paragraph whose first line a warning says was read as the next
    sentence of the paragraph above (`Line N ends a sentence at the wrapping width …`) joined to it: what the copy
    reads as, by the warnings. A warned line inside a paragraph was read right."""
    lines = cut(source, width, False, pdf=pdf)
    paragraphs = {at: " ".join(text.split()) for at, text in enumerate(source.split("\n")) if text.strip()}
    for note in (n for n in result.report.notes if SENTENCE in n.message):
        at = lines[note.where - 1][1]
        if lines[note.where - 2][1] != at:  # the line starts the paragraph at `at`
            above = max(k for k in paragraphs if k < at)
            paragraphs[above] += " " + paragraphs.pop(at)
    return "\n".join(paragraphs.values())


WIDTHS = [(w, False) for w in (42, 44, 50, 58, 61, 70, 72, 76, 80, 100, 116)] + [(w, True) for w in (70, 80, 90)]


@needs_corpus
@pytest.mark.parametrize("blank", [True, False], ids=["blank", "no-blank"])
@pytest.mark.parametrize(("width", "pdf"), WIDTHS, ids=[f"{w}{'-pdf' if p else ''}" for w, p in WIDTHS])
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else ["-"])
def test_a_wrapped_law_imports_as_the_clean_law_but_for_the_warned_joins(tmp_path: Path, name: str, width: int,
                                                                        pdf: bool, blank: bool) -> None:
    """Each of the five laws cut by `textwrap` at 42 to 116 characters, and as a PDF prints it (headings cut
    shorter, `pdf`), with and without blank lines: the Markdown is the clean import's; without blank lines a
    paragraph ending a sentence at the width is read as going on where the next line's first word would not have
    fitted, and only there, each named in a warning. The widths are those where a heading's title was cut
    (`… thẩm quyền cấp` / `Giấy phép …` at 50, `Chương V. … TỔ CHỨC XÃ` / `HỘI, …` as printed), `thuộc` / `phần
    VII - Phí …` read as a Part (44), `Bộ Lao động` / `- Thương binh và Xã hội` or `Mác` / `- Lê nin` as a dash
    item (50, 58, 61, 76, 116), and the rule under the Tiêu ngữ joined to it (42)."""
    source = (CORPUS / name).read_text(encoding="utf-8")
    copy = wrapped(source, width, blank, pdf=pdf)
    result = imported(tmp_path, name, copy)
    warned = [n for n in result.report.notes if SENTENCE in n.message]
    if blank or not warned:
        assert result.text == clean(name).text
        assert not warned
    else:
        expected = imported(tmp_path / "joined", name, with_warned_joins(source, width, result, pdf))
        assert result.text == expected.text


DATES = [(68, False, "Việt Nam 27-\n2."), (83, True, "Quốc khánh 2-\n9."), (83, False, "Quốc khánh 2-\n9."),
         (84, True, "Quốc khánh 2-\n9.")]


@needs_corpus
@pytest.mark.parametrize(("width", "blank", "cut"), DATES, ids=[f"{w}-{'blank' if b else 'no-blank'}"
                                                               for w, b, _ in DATES])
def test_a_date_broken_at_its_hyphen_is_one_word(tmp_path: Path, width: int, blank: bool, cut: str) -> None:
    """Luật Thi đua, khen thưởng broken as Word breaks it, after the hyphen of `Quốc khánh 2-9.` or `Thầy thuốc
    Việt Nam 27-2.`: the law imports as its clean text; the line `9.` was a paragraph of its own (`9&#46;`) and
    `2-` ended the clause."""
    name = "luat-thi-dua-khen-thuong.txt"
    copy = wrapped((CORPUS / name).read_text(encoding="utf-8"), width, blank, digits=True)
    assert cut in copy
    result = imported(tmp_path, name, copy)
    assert result.text == clean(name).text
    assert not [n for n in result.report.notes if n.category == "warning" and SENTENCE not in n.message]


@needs_corpus
@pytest.mark.parametrize("width", [53, 66, 68, 83, 84, 106, 110])
def test_every_date_of_the_law_broken_at_its_hyphen_reads_whole(width: int) -> None:
    """At every width where one of the law's dates (`20-11.`, `27-2.`, `2-9.`) ends a line at its hyphen, with and
    without blank lines, each clause holding one reads as in the law."""
    source = (CORPUS / "luat-thi-dua-khen-thuong.txt").read_text(encoding="utf-8")
    dated = [" ".join(p.split()) for p in source.split("\n") if re.search(r"\d-\d", p)]
    assert len(dated) == 6
    for blank in (True, False):
        copy = wrapped(source, width, blank, digits=True)
        assert re.search(r"\d-\n\d", copy)
        paragraphs = [p.text for p in read_text(copy.encode(), "luat.txt")[0]]
        assert all(p in paragraphs for p in dated), (width, blank)
        assert not [p for p in paragraphs if re.fullmatch(r"\d+\.", p)]


def context(width: int) -> list[str]:
    """Luật Thanh niên's first clauses cut at `width`, with no blank lines: a hard-wrapped copy to put lines into."""
    source = (CORPUS / "luat-thanh-nien.txt").read_text(encoding="utf-8")
    start = source.index("Điều 1.")
    return wrapped(source[start:source.index("Điều 4.")], width, False).split("\n")[:-1]


def paragraphs_of(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    out, notes = read_lines(list(enumerate(lines, start=1)))
    return [text for _, text in out], [(n.where, n.message) for n in notes if n.category == "warning"]


@needs_corpus
def test_a_year_range_broken_at_its_hyphen_reads_as_written() -> None:
    """`nhiệm kỳ 2020-` / `2025 …` at the wrapping width reads `2020-2025`; `khóa XIV -` / `khóa XV` and `kinh tế
    -` / `xã hội` (a dash with spaces) keep their spaces, and a dash item `- Ban …` stays an item."""
    lines = context(72)
    lines += ["Quy chế này áp dụng cho Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020-",
              "2025 và các nhiệm kỳ sau; Ban Thường vụ Tỉnh ủy khóa XIV, khóa XV theo dõi,",
              "đôn đốc việc thực hiện Quy chế, báo cáo tình hình phát triển kinh tế -",
              "xã hội của tỉnh tại các hội nghị thường lệ của Ban Chấp hành, gồm:",
              "- Ban Tổ chức Tỉnh ủy;", "- Ban Tuyên giáo Tỉnh ủy."]
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-3:] == [
        "Quy chế này áp dụng cho Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020-2025 và các nhiệm kỳ sau; Ban "
        "Thường vụ Tỉnh ủy khóa XIV, khóa XV theo dõi, đôn đốc việc thực hiện Quy chế, báo cáo tình hình phát triển "
        "kinh tế - xã hội của tỉnh tại các hội nghị thường lệ của Ban Chấp hành, gồm:",
        "- Ban Tổ chức Tỉnh ủy;", "- Ban Tuyên giáo Tỉnh ủy."]
    assert not warnings


@needs_corpus
@pytest.mark.parametrize("width", [48, 119])
def test_a_spaced_year_range_cut_before_its_dash_is_no_dash_item(width: int) -> None:
    """Luật 57/2024 (`… quy hoạch tỉnh thời kỳ 2021` / `- 2030 đã được cấp có thẩm quyền …`) at the two widths
    `textwrap` cuts it there: the point reads whole, the dash between its years kept with its spaces."""
    source = (CORPUS.parent / "amendments" / "luat-dau-thau-2023" / "amending-57-2024-QH15.txt").read_text(
        encoding="utf-8")
    [point] = [line for line in source.split("\n") if "thời kỳ 2021 - 2030" in line]
    for blank in (True, False):
        copy = wrapped(source, width, blank)
        assert re.search(r"2021\n- 2030", copy)
        paragraphs = [p.text for p in read_text(copy.encode(), "luat-57.txt")[0]]
        assert point in paragraphs
        assert not [p for p in paragraphs if p.startswith("- 2030")]


ITEMS = ["- xây dựng, ban hành và tổ chức thực hiện chương trình phát triển thanh niên",
         "- tổ chức đối thoại với thanh niên",
         "- thống kê, đánh giá việc thực hiện chính sách, pháp luật về thanh niên",
         "- hợp tác quốc tế về thanh niên"]


@needs_corpus
@pytest.mark.parametrize("dash", ["-", "–"])
def test_each_item_of_a_dash_list_in_lower_case_stays_an_item(dash: str) -> None:
    """A list of items in lower case with no closing punctuation, in a hard-wrapped copy with no blank lines: an
    item filling the line (76 and 71 characters, the copy cut at 76) is followed by the next item, not by its own
    words (`- nội dung a … - nội dung b` was one paragraph, silently). After the list's first item nothing tells the
    next item from a dash between words (`kinh tế` / `- xã hội`), so that one is named in a warning; after an item
    that ends with no punctuation, it is the list's way."""
    items = [dash + item[1:] for item in ITEMS]
    lines = [*context(76), "Nội dung quản lý nhà nước về thanh niên gồm:", *items]
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-5:] == ["Nội dung quản lý nhà nước về thanh niên gồm:", *items]
    second = len(lines) - 2  # the line of the list's second item
    assert [w for w, _ in warnings] == [second]
    assert warnings[0][1] == (
        f"Line {second} starts with '{dash}' and a word in lower case, as the item on line {second - 1} does, and "
        f"line {second - 1} before it ends at the wrapping width with no punctuation, so it was read as the next "
        "item of the list. If it goes on with that item (a dash between words, as in `kinh tế - xã hội`), join the "
        "two lines.")


@needs_corpus
def test_a_dash_between_words_inside_an_item_of_a_punctuated_list_goes_on_with_a_warning() -> None:
    """`- … phát triển kinh tế` / `- xã hội …;` after an item ending with `;`: the dash is between words, as in a
    paragraph (`kinh tế` / `- xã hội` in Luật Thanh niên at 78), and the warning names the line."""
    lines = [*context(76), "Nội dung quản lý nhà nước về thanh niên gồm:", "- tổ chức đối thoại với thanh niên;",
             "- xây dựng kế hoạch phát triển thanh niên gắn với phát triển kinh tế",
             "- xã hội của địa phương;", "- hợp tác quốc tế về thanh niên."]
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-3:] == [
        "- tổ chức đối thoại với thanh niên;",
        "- xây dựng kế hoạch phát triển thanh niên gắn với phát triển kinh tế - xã hội của địa phương;",
        "- hợp tác quốc tế về thanh niên."]
    assert [w for w, _ in warnings] == [len(lines) - 1]
    assert f"so it was read as going on with the item on line {len(lines) - 2}" in warnings[0][1]


@needs_corpus
@pytest.mark.parametrize("width", [40, 44, 47, 50, 53, 56, 58])
def test_a_narrow_column_loses_no_line_taken_for_a_running_head(width: int) -> None:
    """Luật Thi đua, khen thưởng cut at 40-58 columns: the clauses written alike (`… xét tặng cho đối tượng quy định
    tại khoản 1 Điều này đạt các tiêu chuẩn sau:`) put the same line, with digits, on three pages or more
    (`tượng quy định tại khoản 1 Điều này đạt các tiêu` at 53), which was left out as a running head: `… cho đối
    chuẩn sau:`. A line starting in lower case goes on with a sentence; every word of the law is read."""
    source = (CORPUS / "luat-thi-dua-khen-thuong.txt").read_text(encoding="utf-8")
    for blank in (True, False):
        paragraphs, _, notes = read_text(wrapped(source, width, blank).encode(), "luat.txt")
        assert " ".join(p.text for p in paragraphs).split() == source.split(), (width, blank)
        assert not [n for n in notes if n.category == "skipped"]


NARROW = "characters (a narrow column copied from a PDF): too short to tell a line that goes on from a paragraph"


@needs_corpus
@pytest.mark.parametrize("width", [30, 35, 40])
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else ["-"])
def test_a_copy_cut_at_a_narrow_width_is_said_to_be_not_joined(name: str, width: int) -> None:
    """Each of the five laws cut at 30-40 columns: no line is longer than 40 characters, which hard-wrap detection
    reads, so each line was a paragraph (Luật Công đoàn at 40: 696 paragraphs against 185), silently. The import
    now says, once, that the lines look cut at that width and were not joined; the clean law says nothing of it."""
    source = (CORPUS / name).read_text(encoding="utf-8")
    assert not [n for n in read_text(source.encode(), name)[2] if NARROW in n.message]
    for blank in (True, False):
        _, _, notes = read_text(wrapped(source, width, blank).encode(), name)
        said = [n for n in notes if NARROW in n.message]
        assert [(n.where, n.category) for n in said] == [(0, "warning")], blank
        assert said[0].message.startswith(f"The lines look cut at about {width} characters")
        assert not [n for n in notes if "hard-wrapped" in n.message]
