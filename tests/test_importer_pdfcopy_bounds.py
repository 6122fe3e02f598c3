"""A plain-text file to import costs work in proportion to its size (docs/security.md, Bounded work; sweep r23
s2security defects 2 and 3): 40 KB of blank lines took 2 minutes (each blank line walked the whole run of blank
lines around it) and 40 KB of `th-` lines 40 s (each join re-read the whole growing word and paragraph).

The work is counted, never timed: the lines of `regdraft/importer/pdfcopy.py` and `wrapped_titles.py` (the
headings it reads) Python runs (generator expressions included, so a scan of the paragraph letter by letter counts),
for a file and for one four times as long."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from regdraft.importer import pdfcopy, wrapped_titles
from regdraft.importer.pdfcopy import Line, read_lines


def steps(lines: list[Line]) -> tuple[int, tuple[list[Line], Any]]:
    """How many lines of pdfcopy.py and wrapped_titles.py run to read `lines`, and what they read."""
    count = 0
    sources = {pdfcopy.__file__, wrapped_titles.__file__}

    def trace(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        nonlocal count
        if frame.f_code.co_filename not in sources:
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        out = read_lines(lines)
    finally:
        sys.settrace(None)
    return count, out


def numbered(text: str) -> list[Line]:
    return list(enumerate(text.split("\n"), start=1))


def blanks(n: int) -> list[Line]:
    return numbered("Điều 1. Phạm vi\n" + "\n" * n + "Nội dung.\n")


def broken(n: int) -> list[Line]:
    return numbered("Điều 1. Phạm vi\n" + "th-\n" * n + "ống.\n")


def test_a_long_run_of_blank_lines_reads_in_proportion_to_its_length() -> None:
    small, (lines, _) = steps(blanks(500))
    large, (more, _) = steps(blanks(2000))
    assert lines == [(1, "Điều 1. Phạm vi"), (502, "Nội dung.")]
    assert more == [(1, "Điều 1. Phạm vi"), (2002, "Nội dung.")]
    assert large < 5 * small  # four times the lines: four times the work (it was sixteen)


def test_blank_lines_around_a_page_break_still_do_not_end_a_paragraph() -> None:
    text = "Điều 1. Phạm vi\n" + "Nội dung của điều này áp dụng cho các cơ quan, tổ chức và cá nhân có liên quan\n"
    text += "\n" * 300 + "Trang 2\n" + "\n" * 300 + "trong phạm vi cả nước.\n" + "\n" * 300 + "Điều 2. Đối tượng\n"
    lines, notes = read_lines(numbered(text))
    texts = [t for _, t in lines]
    assert "trong phạm vi cả nước." in texts and "Trang 2" not in texts and "Điều 2. Đối tượng" in texts
    assert [n.text for n in notes if n.category == "skipped"] == ["Trang 2"]


def test_ten_thousand_lines_of_a_broken_syllable_read_as_one_word_in_proportion() -> None:
    small, (lines, notes) = steps(broken(500))
    large, (more, _) = steps(broken(2000))
    assert lines == [(1, "Điều 1. Phạm vi"), (2, "th" * 500 + "ống.")]
    assert more == [(1, "Điều 1. Phạm vi"), (2, "th" * 2000 + "ống.")]
    assert [n.message.split(" words")[0] for n in notes if "broken by a hyphen" in n.message] == ["500"]
    assert large < 5 * small
    lines, _ = read_lines(broken(10_000))  # the sweep's 40 KB file
    assert lines == [(1, "Điều 1. Phạm vi"), (2, "th" * 10_000 + "ống.")]


def test_a_word_in_capitals_broken_line_after_line_reads_in_proportion() -> None:
    def capitals(n: int) -> list[Line]:
        return numbered("Điều 1. PHẠM VI\nLUẬT TH-\n" + "TH-\n" * n + "ỐNG.\n")

    small, (lines, _) = steps(capitals(500))
    large, (more, _) = steps(capitals(2000))
    assert lines[-1] == (2, "LUẬT " + "TH" * 501 + "ỐNG.") and more[-1] == (2, "LUẬT " + "TH" * 2001 + "ỐNG.")
    assert large < 5 * small


def test_a_hyphen_kept_in_each_of_many_lines_names_the_paragraph_shortened() -> None:
    """A warning shows the paragraph it joined; past 2,000 characters only its end, so that a note costs no more
    than a line (each note held the whole paragraph so far). The paragraph is the article's clause `1.`: a line in
    lower case after a heading goes on with its title."""
    line = "kinh tế xã hội của thanh niên trong giai đoạn mới và các chính sách phát triển của tế-"
    text = "Điều 1. Phạm vi\n1. " + (line + "\n") * 400 + "xã hội.\n"
    lines, notes = read_lines(numbered(text))
    assert lines[1] == (2, "1. " + line * 400 + "xã hội.")
    kept = [n for n in notes if "the hyphen was kept" in n.message]
    assert len(kept) == 400
    assert kept[0].text == "1. " + line * 2 and kept[-1].text == "…" + (line * 400 + "xã hội.")[-2000:]


def test_dash_lines_after_many_blank_lines_read_in_proportion() -> None:
    """A line `- xã hội …` after an item of a dash list in lower case reads back only a few blank lines for the
    list's item before (`- bước một;`), not the whole run, each time (sweep r24 joins): past them the item is the
    list's first, and the lines are its items."""
    item = "- xây dựng kế hoạch phát triển thanh niên gắn với phát triển kinh tế và các"
    line = "- xã hội của địa phương và các nội dung có liên quan đến thanh niên trong"

    def dashes(n: int) -> list[Line]:
        wrapped = "Điều 1. Phạm vi\n" + (item[2:] + " nội dung\n") * 5 + "các nội dung sau đây:\n"
        return numbered(wrapped + "- bước một;\n" + "\n" * n + item + "\n" + (line + "\n") * n)

    small, (lines, notes) = steps(dashes(500))
    large, (more, _) = steps(dashes(2000))
    assert [text for _, text in lines[-501:]] == [item] + [line] * 500 and len(more) == len(lines) + 1500
    # The list's first item after the blank lines (line 509), then its first line `- xã hội …`.
    assert [n.where for n in notes if n.category == "warning"] == [8 + 500 + 2]
    assert large < 5 * small
