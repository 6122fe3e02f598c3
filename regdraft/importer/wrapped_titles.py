"""Where a heading or a title that a hard-wrapped copy cuts over lines ends (`pdfcopy.read_lines`), and the line
patterns both read.

Post-conditions, in a hard-wrapped copy:
1. An article's heading in words goes on with a line starting with a capital when its last line ends in a comma
   or a word no title ends with (`và`, `của` …), or when that line's paragraph ends with no `.`, `:` or `;`
   (`heading_ends`); else where that line's first word would not have fitted on the heading's last line and the
   line is short and ends no sentence. A clause's label (`1.`, `a)`) ends it.
2. A title in capitals on the line after `Chương II` (`Mục 1`, `Phần thứ hai`), or after its label on that line,
   goes on with the lines in capitals that are no label, whatever their width (`caps_title_goes_on`).
Each costs the same whatever the file: a title is read over `TITLE_LINES` lines at most, blank lines back over
`BLANKS`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

LABEL = re.compile(r"^(?:[“\"]?(?:phần|chương|tiểu mục|mục|điều|phụ lục|part|chapter|section|article|appendix)\s+"
                   r"(?:\d+[a-z]?|(?-i:[IVXLCDM]+)|thứ\s)\b"
                   r"|\d{1,3}[a-z]?\s?(?:[.)]|-(?:\s|$))"  # `2-9.` (a date) is no clause `2-`
                   r"|\(?(?:dd|[a-zđ])\d*\s?[.)\-](?:\s|$)|[-–—−•·+*](?:\s|$))", re.I)
SENTENCE_END = re.compile(r"[.;:!?…][\"”»’)]*$")
HEADING_LINE = re.compile(r"^[“\"]?(?:phần|chương|tiểu mục|mục|điều|phụ lục)\s+(?:\d+[a-z]?|(?-i:[IVXLCDM]+))"
                          r"\s*[.:\-–]?\s*", re.I)
CLAUSE = re.compile(r"^(?:\d{1,3}[a-z]?|[a-zđ]|dd)\s?[.)]\s")  # `1. `, `a) `: a clause or point starts
FULL_STOP = re.compile(r"[.!?…][\"”»’)]*$")  # a sentence's end, not a heading's (`… như sau:`)
# A heading's line ending in a comma or a word no title ends with (`… Thanh niên Việt Nam và` / `Hội Sinh viên …`).
_TITLE_OPEN = re.compile(r"(?:,|(?:^|\s)(?:và|của|các|với|về|cho|trong|tại|theo|hoặc|những|giữa|thuộc|để|and|of|"
                         r"the|for|with|by|or))$", re.I)
_BARE_HEADING = re.compile(r"^(?:phần|chương|tiểu mục|mục|phụ lục|part|chapter|section|appendix)\s+(?:\d+[a-z]?|"
                           r"(?-i:[IVXLCDM]+)|thứ\s+\S+)\s*[.:]?$", re.I)  # `Chương II`, its title on the next line
TITLE_LINES = 4  # the lines a heading's title is read over at most
BLANKS = 3  # the blank lines read back to a paragraph before (each line costs the same, whatever the file)


class Paragraph(Protocol):
    """A paragraph being joined from lines (`pdfcopy._Joined`): its first characters, parts and last line."""

    start: str
    parts: list[str]
    last: str


def caps(text: str) -> bool:
    return any(c.isalpha() for c in text) and text.upper() == text


def slack(width: int) -> int:
    return max(15, width // 4)


def title_goes_on(before: str, after: str, width: int, limit: int, open_end: bool) -> bool:
    """True when `after`, starting with a capital, goes on with the article heading whose last line is `before`
    (`… Hội Sinh viên Việt` / `Nam`): its first word would not have fitted on that line, and it is short of the
    width and ends no sentence, as a heading does not (`… công đoàn cơ sở` / `Ở cơ quan, … công đoàn cấp`, a full
    line; `… đối với` / `Luật này … năm 2013.`). Whatever the widths (a PDF's bold heading), a line that is no label
    goes on after a comma or a word no title ends with (`… Việt Nam và` / `Hội Sinh viên …`), or when its paragraph
    ends with no `.`, `:`, `;`, as an article's text does (`open_end`: `… cấp` / `Giấy phép … nội địa` / `1. …`)."""
    fits = len(before) + 1 + len(after.split()[0]) <= limit
    if not fits and len(after) < width - slack(width) and not FULL_STOP.search(after):
        return True
    if LABEL.match(after) or SENTENCE_END.search(before):
        return False
    return bool(_TITLE_OPEN.search(before)) or (open_end and not FULL_STOP.search(after))


def is_heading(start: str) -> bool:
    """True when a paragraph starting `start` starts as an article's (or chapter's) heading in words, not one in
    capitals."""
    heading = HEADING_LINE.match(start)
    return heading is not None and not caps(start[heading.end():])


def title_goes_on_lower(paragraph: Paragraph, after: str) -> bool:
    """True when `after`, starting in lower case and no label, goes on with the title of the article (chapter) whose
    heading `paragraph` is, however short of the width its last line ends (a PDF cuts a bold heading at 3/4 of the
    width or less: `Điều 6. Sự tham gia của cộng đồng dân cư` / `trong phát triển du lịch`): no article's text
    starts in lower case (none of the 370 articles of the five laws in the corpus does). Not after a bare `Điều 5`
    (a title starts with a capital), a last line ending a sentence, or `TITLE_LINES` lines."""
    heading = HEADING_LINE.match(paragraph.start)
    return (is_heading(paragraph.start) and heading is not None and bool(paragraph.start[heading.end():].strip())
            and after[:1].islower() and not LABEL.match(after) and not FULL_STOP.search(paragraph.last)
            and len(paragraph.parts) < TITLE_LINES)


def heading_ends(paragraph: Paragraph, after: str, width: int, limit: int, open_end: bool = False) -> bool:
    """True when `after` starts the text of the article whose heading `paragraph` is, wrapped over lines: a clause's
    label (`1.`, `a)`), or a capital where the title would not go on (`title_goes_on`: `Điều 17. Quyền, … đối với`
    / `người lao động … công đoàn cơ sở` / `Ở cơ quan, …`). Only the paragraph's first characters are read. A line
    starting `Điều 31` inside a paragraph (`… quy định tại` / `Điều 31 của Luật này …`) is no heading: only the
    paragraph's start is read as one."""
    if not is_heading(paragraph.start):
        return False
    if CLAUSE.match(after):
        return True  # `Điều 61. … tại điểm` / `1. Hồ sơ …`: no reference goes on in a heading
    return after[:1].isupper() and not title_goes_on(paragraph.last, after, width, limit, open_end)


def open_end(items: Sequence[tuple[int, str]], joins: Sequence[str | None], i: int) -> bool:
    """True when the paragraph line `i` of `items` (number, text) starts, its lines joined as `joins` reads them
    (`TITLE_LINES` at most), ends with no sentence's end: the rest of a heading's title, not an article's text."""
    end = i
    while end + 1 < len(items) and joins[end] not in (None, "title") and items[end + 1][1]:
        end += 1
        if end - i >= TITLE_LINES:
            return False
    return not SENTENCE_END.search(items[end][1])


def caps_title_goes_on(out: Sequence[Paragraph], after: str) -> bool:
    """True when `after`, a line in capitals, goes on with the title in capitals of the chapter (part, section)
    that `out` ends with, on the line above it (`Chương II` / `QUYỀN, … ĐOÀN VIÊN CÔNG` / `ĐOÀN`, as a PDF centres
    it, short of the text's width): no label, and the title read over `TITLE_LINES` lines at most."""
    title = out[-1]
    if not caps(after) or LABEL.match(after) or len(title.parts) >= TITLE_LINES:
        return False
    heading = HEADING_LINE.match(title.start)
    if heading:
        return caps(title.start[heading.end():])
    at = len(out) - 2
    while at >= max(0, len(out) - 2 - BLANKS) and not out[at].start:  # blank lines are paragraphs with no text
        at -= 1
    return caps(title.start) and at >= 0 and bool(_BARE_HEADING.match(out[at].start))
