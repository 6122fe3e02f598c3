"""Hard-wrapped copies of the laws (sweep r24 e-import defects 5-7): a heading's title cut over lines keeps its last
words, `thuộc` / `phần VII - Phí …` is no Part, and `Bộ Lao động` / `- Thương binh và Xã hội` is no dash item.

The copies are cut by characters (`textwrap`), as the sweep's `fold -s` (which counts bytes) only approximates;
tests/test_importer_pdfcopy_joins.py reads the five laws whole at the widths where each happened."""

from __future__ import annotations

import textwrap

import pytest

from regdraft.importer.plaintext import read_text
from regdraft.importer.wrapped_titles import HEADING_LINE
from tests.conftest import CORPUS, needs_corpus
from tests.test_importer_pdfcopy_joins import context, cut, paragraphs_of


def article(name: str, start: str) -> tuple[str, str]:
    """The heading of the article starting `start` in the law `name`, and the paragraph after it."""
    lines = [line for line in (CORPUS / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    at = next(i for i, line in enumerate(lines) if line.startswith(start))
    return lines[at], lines[at + 1]


HEADINGS = [("luat-thanh-nien.txt", "Điều 29.", "Việt Nam và"),  # `Hội` would have fitted: a title ends no `và`
            ("luat-thanh-nien.txt", "Điều 39.", "cơ quan ngang"),  # `Bộ`, a line of its own before the text
            ("luat-du-lich.txt", "Điều 32.", "thẩm quyền cấp"),  # `Giấy phép … nội địa`, then `1. Hồ sơ …`
            ("luat-giao-duc.txt", "Điều 113.", "của Luật")]  # `Giáo dục nghề nghiệp số …`, over two more lines


@needs_corpus
@pytest.mark.parametrize(("name", "start", "cut"), HEADINGS, ids=[f"{n[5:-4]}-{s[5:-1]}" for n, s, _ in HEADINGS])
def test_a_heading_cut_where_its_next_word_would_have_fitted_keeps_its_last_words(name: str, start: str,
                                                                                   cut: str) -> None:
    """A heading cut short of the width its text is cut at (a PDF's bold heading; `fold`, which counts bytes):
    its next line goes on with the title when the heading's line ends in a word no title ends with (`… Việt Nam
    và` / `Hội Sinh viên Việt Nam`) or the paragraph that line starts ends with no `.`, `:` or `;` (`Bộ`; `Giấy
    phép kinh doanh dịch vụ lữ hành nội địa`, 44 of 60 characters). It was the article's first paragraph,
    silently; in Luật Giáo dục check then reported a missing reference instead."""
    heading, text = article(name, start)
    first = heading[:heading.index(cut) + len(cut)]
    rest = heading[len(first) + 1:]
    lines = [*context(60), first, *textwrap.wrap(rest, 60), *textwrap.wrap(text, 60)]
    assert len(first) + 1 + len(rest.split()[0]) <= 60  # the next word would have fitted
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-2:] == [heading, text]
    assert not warnings


CHAPTER = ["Chương II", "QUYỀN, TRÁCH NHIỆM CỦA CÔNG ĐOÀN VÀ ĐOÀN VIÊN CÔNG", "ĐOÀN",
           "Mục 1. QUYỀN, TRÁCH NHIỆM CỦA CÔNG", "ĐOÀN",
           "Điều 10. Đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của người lao động"]


@needs_corpus
@pytest.mark.parametrize("blank", [False, True], ids=["no-blank", "blank"])
def test_a_chapter_title_in_capitals_goes_on_with_its_line_in_capitals(blank: bool) -> None:
    """`pdftotext -layout` of a law centres a chapter's title in capitals, cut short of the text's width: `Chương
    II` / `QUYỀN, … ĐOÀN VIÊN CÔNG` / `ĐOÀN` is one title (`ĐOÀN` was a paragraph of the chapter), and so is `Mục 1.
    QUYỀN, … CÔNG` / `ĐOÀN`; the section's label and the article's heading start paragraphs of their own."""
    lines = [*context(80), *CHAPTER[:1], *([""] if blank else []), *CHAPTER[1:]]
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-4:] == ["Chương II", "QUYỀN, TRÁCH NHIỆM CỦA CÔNG ĐOÀN VÀ ĐOÀN VIÊN CÔNG ĐOÀN",
                               "Mục 1. QUYỀN, TRÁCH NHIỆM CỦA CÔNG ĐOÀN", CHAPTER[-1]]
    assert not warnings


@needs_corpus
def test_a_structural_word_in_lower_case_after_a_line_going_on_is_text() -> None:
    """Luật Du lịch's Điều 76 cut at 44 (at 60 by `fold`): `… mục 3.2 thuộc` / `phần VII - Phí thuộc lĩnh vực …`
    is one sentence, not `# Phần thứ bảy. Phí thuộc lĩnh vực …` (check then said only that Phần 7 was out of
    sequence): a real heading is capitalised."""
    _, text = article("luat-du-lich.txt", "Điều 76.")
    lines = [*context(44), *textwrap.wrap(text, 44)]
    assert any(line.startswith("phần VII - Phí") for line in lines)
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-1] == text
    assert not warnings


@needs_corpus
def test_a_dash_and_a_capital_after_a_line_cut_mid_phrase_goes_on_with_a_warning() -> None:
    """Luật Giáo dục's khoản 4 Điều 105 cut at 44 (at 90 by `fold`): `… Bộ Lao động` / `- Thương binh và Xã hội
    thực hiện …` is the ministry's name, not a dash item: a list follows a lead-in ending in `:` or an item. A
    paragraph that ends exactly there and a list with no lead-in read the same, so a warning names the line."""
    text = next(line for line in (CORPUS / "luat-giao-duc.txt").read_text(encoding="utf-8").split("\n")
                if line.startswith("4. Bộ, cơ quan ngang Bộ") and "Lao động - Thương binh" in line)
    lines = [*context(44), *textwrap.wrap(text, 44)]
    at = lines.index("- Thương binh và Xã hội thực hiện quản lý") + 1
    assert lines[at - 2].endswith("Bộ Lao động")
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-1] == text
    assert warnings == [(at, f"Line {at} starts with '-' and a capital, but line {at - 1} before it ends at the "
                             "wrapping width in the middle of a phrase (no `:`, `;`, `.` or `,`), so it was read as "
                             "going on with it (a dash between words, as in `Bộ Lao động - Thương binh và Xã hội`), "
                             "not as an item of a list. If it starts one, put a blank line before it.")]


@needs_corpus
def test_an_item_of_a_dash_list_is_followed_by_the_next_item_whatever_its_end() -> None:
    """An item in capitals with no closing punctuation filling the line, then `- Biên bản …`: the next item (the
    paragraph is itself an item), with no warning."""
    items = ["- Văn bản đề nghị của cơ quan chủ quản kèm theo danh sách và báo cáo thành tích",
             "- Biên bản họp Hội đồng thi đua, khen thưởng cấp trình khen"]
    lines = [*context(80), "Hồ sơ đề nghị khen thưởng gồm:", *items]
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-3:] == ["Hồ sơ đề nghị khen thưởng gồm:", *items]
    assert not warnings


@needs_corpus
def test_a_heading_ending_in_a_word_no_title_ends_with_goes_on_whatever_follows() -> None:
    """`… Thanh niên Việt Nam và` / `Hội Sinh viên Việt Nam.` (a copy printing its headings with a full stop): the
    title goes on, as no title ends with `và`, and the line ending a sentence is named in the heading's warning."""
    heading, text = article("luat-thanh-nien.txt", "Điều 29.")
    lines = [*context(60), "Điều 29. Hội Liên hiệp Thanh niên Việt Nam và", "Hội Sinh viên Việt Nam.",
             *textwrap.wrap(text, 60)]
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-2:] == [heading + ".", text]
    at = len(lines) - len(textwrap.wrap(text, 60))
    assert [(w, m.split(",")[0]) for w, m in warnings] == [
        (at, f"Line {at} was read as part of the heading that starts on line {at - 1} ('Điều 29')")]


@needs_corpus
def test_a_lower_case_line_after_a_heading_cut_far_short_of_the_width_goes_on_with_its_title() -> None:
    """Luật Du lịch's Điều 6 as a PDF prints a bold heading, cut at 3/4 of the text's width or less: `Điều 6. Sự
    tham gia của cộng đồng dân cư` / `trong phát triển du lịch` is one title (it was the heading, then a paragraph
    `trong phát triển du lịch` of the article's text): no article's text starts in lower case."""
    heading, text = article("luat-du-lich.txt", "Điều 6.")
    first = heading[:heading.index("dân cư") + len("dân cư")]
    lines = [*context(80), first, heading[len(first) + 1:], *textwrap.wrap(text, 80)]
    assert len(first) <= 80 * 3 // 4
    paragraphs, warnings = paragraphs_of(lines)
    assert paragraphs[-2:] == [heading, text]
    assert not warnings


BOLD = [(3, 4), (2, 3), (3, 5)]


@needs_corpus
@pytest.mark.parametrize("bold", BOLD, ids=[f"{a}-{b}" for a, b in BOLD])
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else ["-"])
def test_no_paragraph_after_a_heading_cut_short_starts_in_lower_case(name: str, bold: tuple[int, int]) -> None:
    """Each of the five laws as a PDF prints it at 80 columns, its articles' headings cut at 3/4, 2/3 and 3/5 of the
    width, with and without blank lines: no paragraph after an article's heading starts in lower case (at 3/4,
    642 headings over the matrix of 60 to 100 columns lost their last words to a paragraph `trong phát triển du
    lịch` or `giáo dục`), and every title so cut reads whole."""
    source = (CORPUS / name).read_text(encoding="utf-8")
    titles = [" ".join(line.split()) for line in source.split("\n") if line.startswith("Điều ")]
    for blank in (True, False):
        copy = "\n".join(line for line, _ in cut(source, 80, blank, pdf=True, bold=bold)) + "\n"
        paragraphs = [p.text for p in read_text(copy.encode(), name)[0]]
        after = [(a, b) for a, b in zip(paragraphs, paragraphs[1:], strict=False)
                 if HEADING_LINE.match(a) and b[:1].islower()]
        assert after == [], (blank, after[:3])
        lower = [t for t in titles if all(line[:1].islower() for line in textwrap.wrap(t, 80 * bold[0] // bold[1])[1:])]
        assert [t for t in lower if t not in paragraphs] == [], blank
