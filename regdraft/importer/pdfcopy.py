"""Text copied from a PDF: running heads and page numbers, hard-wrapped lines and words hyphenated at a line end.

Post-conditions of `read_lines` (the non-blank lines of a plain-text file, in order, with their line numbers):
1. A line that reads as a page's running head or number (`Trang 4`, a bare `10`, `CÔNG BÁO/Số 123 …`, or a line
   that comes back at page breaks three times or more, not starting in lower case, `_repeated_heads`) is left
   out, with a `skipped` note. A line inside the text (no page number, form feed or blank line next to it) is
   never a head.
2. A file is read as hard-wrapped only when most of its long lines end near one width (at most 120 characters)
   and its lines go on with the sentence of the line before; then a line that does not end a sentence and
   ends near that width is joined with the next one, and one note says how many lines were joined. A line
   starting with a label (`3.`, `a)`, `Điều 3.`) is joined only after a line ending in a reference word
   (`khoản`, `điểm`, `Điều`, `tại`, `và` …), with a note naming it, and never to an article's heading when it
   is a clause's or point's; a line starting `- ` and a word in lower case (`kinh tế` / `- xã hội`) goes on with
   a line that does not end a sentence, except after an item of a dash list in lower case whose list's item before
   it ends with no punctuation (or that is the list's first, with a warning): there it is the next item. A line
   ending in a number and a hyphen (`nhiệm kỳ 2020-`, `Quốc khánh 2-`) goes on with a line starting with a digit
   with no space between (`2020-2025`, `2-9.`, no clause `9.`), and one ending in a year with a line starting with
   a dash and a year (`thời kỳ 2021` / `- 2030`: no dash item). A line starting `- ` and a capital after a line
   ending mid-phrase (no `:`, `;`, `.`, `,`) goes on, warned of, unless the paragraph is a dash item; one starting
   with a structural word in lower case (`phần VII`) is text. An article heading wrapped over lines goes on with a
   line starting with a capital when its last line ends in a comma or a word no title ends with (`và`, `của` …)
   or that line's paragraph ends with no `.`, `:` or `;`; else it ends before one that would have fitted on its
   last line, is of the full width or ends a sentence; a line starting in lower case goes on with a titled
   heading whatever the widths (`title_goes_on_lower`). A heading that took a line ending a sentence is warned of.
   A title in capitals under `Chương II` (`Mục 1.` …) goes on with the lines in capitals after it, whatever their
   width. A file that is not hard-wrapped keeps one paragraph per line; one whose lines look cut at 25 to 40
   characters (`_narrow_width`), too short to join safely, gets one warning naming that width.
3. In any file, a syllable broken at a line end (`th-` / `ống nhất`) is joined, without the hyphen, and noted; a
   hyphen with a space before it (`Bà Rịa -`, `kinh tế - xã hội`) is not a broken word. A hyphen between whole
   syllables (`Mô-` / `đun`) joins its lines, the hyphen kept and warned of, only in a hard-wrapped file: in any
   other, a line ending `khóa XIV-` or `kinh tế-` is a paragraph as written.
4. In any file, the line a regulation's title carries, `(Ban hành kèm theo …` (`(Kèm theo …`, `(Issued with …`),
   starts a paragraph, and when its bracket does not close on that line the lines after it up to the one closing
   it (at most three, none blank or starting with a label) are joined to it, with a note where the file is not
   hard-wrapped: the published form's Quy chế is found by that line (`importer.attached`).
5. A line far longer than the width (a table's row pdftotext wrote on one line) does not keep a file from being
   read as hard-wrapped, once in a hundred long lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence

from regdraft.importer.report import Note
from regdraft.importer.wrapped_titles import BLANKS as _BLANKS
from regdraft.importer.wrapped_titles import FULL_STOP as _FULL_STOP
from regdraft.importer.wrapped_titles import HEADING_LINE as _HEADING_LINE
from regdraft.importer.wrapped_titles import LABEL as _LABEL
from regdraft.importer.wrapped_titles import SENTENCE_END as _SENTENCE_END
from regdraft.importer.wrapped_titles import caps as _caps
from regdraft.importer.wrapped_titles import caps_title_goes_on, heading_ends, is_heading, open_end, title_goes_on_lower
from regdraft.importer.wrapped_titles import slack as _slack

Line = tuple[int, str]  # (1-based line number, cleaned text; "" for a blank line)

_PAGE = re.compile(r"^(?:(?:trang|page)\s+\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?|[-–]?\s*\d{1,3}\s*[-–]?)$", re.I)
_GAZETTE = re.compile(r"^CÔNG BÁO\s*/?\s*Số\b.{0,80}$")
_REFERENCE_END = re.compile(r"(?:^|\s)(?:khoản|điểm|điều|mục|chương|phần|tại|và|hoặc|theo|của|đến|từ|với|các)"
                            r"(?:\s+(?:\d+[a-z]?|[a-zđ]))?$", re.I)
# The line under a regulation's title naming the decision that issues it (header._ISSUED_WITH, its bracket open).
_ISSUED_OPEN = re.compile(r"^\(\s*(?:(?:Ban hành\s+)?kèm theo|(?:Issued|Promulgated)(?:\s+together)?\s+with)\s", re.I)
_DASH = re.compile(r"^[-–—−•·+*](?:\s|$)")
_DASH_GOES_ON = re.compile(r"^[-–—−]\s+[^\W\d_]")  # `- xã hội …`: the dash of `kinh tế - xã hội`, if lower case
# `… thuộc` / `phần VII - Phí …`: a structural word in lower case is a reference in the text; headings are capitalised.
_LOWER_LABEL = re.compile(r"^(?-i:phần|chương|tiểu mục|mục|điều|phụ lục|part|chapter|section|article|appendix)\s")
# `nhiệm kỳ 2020-` / `2025 …`, `Quốc khánh 2-` / `9.`: a range or date broken at its hyphen, one word.
_NUMBER_HYPHEN_END = re.compile(r"(?:^|[\s(])\d{1,4}(?:[-/.]\d{1,4})*-$")
# `thời kỳ 2021` / `- 2030 …`: a range of years cut before its spaced dash, no dash item.
_YEAR_END = re.compile(r"(?:^|[\s(])\d{4}$")
_DASH_YEAR = re.compile(r"^[-–]\s\d{4}\b")
_ITEM_END = re.compile(r"[.;,:!?…][\"”»’)]*$")  # an item of a dash list closed by its punctuation
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])-$")
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
_VOWELS = set("aeiouy")
_MAX_WIDTH = 120
_TAIL = 64  # the characters of a paragraph's end a join reads (no word is longer)
_HEAD = 1000  # of its start (an article heading wrapped over lines)
_SHOWN = 2000  # of its end a note shows
_LONG = 40
_NARROW = 25  # the narrowest width a copy is said to be cut at


def running_head(text: str) -> bool:
    """True for a line that reads as a printed page's head or number, whatever the file: `Trang 4`, `10`, `- 5 -`,
    `CÔNG BÁO/Số 123 + 124/Ngày 15-7-2012`."""
    return bool(_PAGE.match(text) or _GAZETTE.match(text))


def _at_page_break(lines: Sequence[Line], i: int, pages: Collection[int], marks: Collection[int]) -> str | None:
    """Where `lines[i]` stands: 'page' at a page break (a form feed on it, or on a line next to it past blank lines,
    or a page number or running head next to it, `marks`); 'apart' where blank lines (or the file's ends) part it
    from the text on both sides; None inside the text, as a line of a hard-wrapped sentence is."""
    if lines[i][0] in pages:
        return "page"
    apart = True
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j][1]:
            if lines[j][0] in pages:
                return "page"
            j += step
        if 0 <= j < len(lines):
            if j in marks or lines[j][0] in pages:
                return "page"
            apart = apart and j != i + step
    return "apart" if apart else None


def _repeated_heads(lines: Sequence[Line], pages: Collection[int], marks: Collection[int]) -> set[int]:
    """The places of the lines that come back at page breaks three times or more, most of them pages apart: a
    running head or foot, of any length, written alike on each page (`VĂN BẢN HỢP NHẤT … - Luật Công đoàn số
    12/2012/QH13`) or with its page number changing. Only a line at a page break (`_at_page_break`) counts: one
    standing where the file marks a page ('page'), or a short line with digits, no sentence, parted by blank lines
    from the text ('apart'). A line inside the text is never a head, however often it comes back: a hard-wrapped
    law cuts clauses written alike into the same lines (`từ 5 năm trở lên trước thời điểm đề`). Nor is a line
    starting in lower case: it goes on with a sentence (`tượng quy định tại khoản 1 Điều này đạt các tiêu`)."""
    seen: dict[str, list[int]] = {}
    for i, (_, text) in enumerate(lines):
        if (not text or i in marks or text[:1].islower() or _LABEL.match(text) or _SENTENCE_END.search(text)
                or text.startswith(("|", "“", '"'))):
            continue
        where = _at_page_break(lines, i, pages, marks)
        shape = re.sub(r"\d+", "#", text)
        if where == "page":
            keys = {text, shape}
        elif where == "apart" and shape != text and len(text) <= 60 and not re.search(r"[,;]", text):
            keys = {shape}
        else:
            continue
        for key in keys:
            seen.setdefault(key, []).append(i)
    found: set[int] = set()
    for at in seen.values():
        # Most pages hold 15 lines or more (the last may be short).
        gaps = sorted(b - a for a, b in zip(at, at[1:], strict=False))
        if len(at) >= 3 and gaps[len(gaps) // 2] >= 15:
            found.update(at)
    return found


def _starts_lower(text: str) -> bool:
    return text[:1].islower() and not _LABEL.match(text)


def _goes_on(before: str, after: str) -> bool:
    """True when `after` can go on with the word `before` broke at its hyphen: in lower case, or in capitals
    after a word in capitals (`LUẬT QUY HO-` / `ẠCH, LUẬT …`). `before` may be only the paragraph's tail."""
    if _LABEL.match(after):
        return False
    first = after.split(None, 1)[0] if after.strip() else ""
    return after[:1].islower() or (after[:1].isalpha() and _caps(first) and _caps(before.rsplit(None, 1)[-1]))


def _has_vowel(text: str) -> bool:
    return any(unicodedata.normalize("NFD", c)[0].lower() in _VOWELS for c in text if c.isalpha())


def _broken_syllable(before: str, after: str) -> bool:
    """True when `before-` / `after` is one syllable cut by the line end (`th-` / `ống`, `ho-` / `ạch`, `cô-` /
    `ng`), not a word written with a hyphen (`Mô-` / `đun`: two syllables, the second starting with a consonant)."""
    first = _LAST_LETTERS.search(before)
    second = re.match(r"[^\W\d_]+", after)
    if not first or not second:
        return True
    head, tail = first.group(), second.group()
    return not _has_vowel(head) or not _has_vowel(tail) or _has_vowel(tail[0])


def _width(texts: Sequence[str]) -> int | None:
    """The width a hard-wrapped file's lines end near, or None when its long lines are not of one width. A line far
    longer (a table's row that pdftotext wrote on one line) is allowed once in a hundred long lines."""
    lengths = sorted(len(t) for t in texts if len(t) > _LONG)
    if len(lengths) < 3:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if width - _slack(width) <= n <= width + 5)
    over = sum(1 for n in lengths if n > width + 40)
    if width > _MAX_WIDTH or near < len(lengths) / 2 or over > max(1, len(lengths) // 100):
        return None
    return width


def _narrow_width(texts: Sequence[str]) -> int | None:
    """The width, `_NARROW` to `_LONG` characters, a file's lines look cut at when they are too short for `_width`
    to read (a PDF's narrow column): twenty lines or more, most of them within 10 characters of the longest but for
    one in a hundred, and one in five going on in lower case. None otherwise."""
    lengths = sorted(len(t) for t in texts)
    if len(lengths) < 20:
        return None
    width = lengths[int(len(lengths) * 0.99)]
    near = sum(1 for n in lengths if width - 10 <= n <= width)
    lower = sum(1 for t in texts if _starts_lower(t))
    if not _NARROW <= width <= _LONG or near < len(lengths) / 2 or lower < len(lengths) / 5:
        return None
    return width


def _blank_separated(items: Sequence[Line]) -> bool:
    """True when the file puts a blank line before every numbered label (`1.`, `a)`, `Điều 2.`) that follows a
    sentence: then lines next to each other are one paragraph, even where a sentence ends at a line end."""
    after_sentence = labels = 0
    for a, b in zip(items, items[1:], strict=False):
        if b[1] and _LABEL.match(b[1]) and not _DASH.match(b[1]):
            labels += 1
            after_sentence += bool(a[1] and _SENTENCE_END.search(a[1]))
    return labels > 0 and after_sentence <= labels // 50


def _continues(before: str, after: str, width: int, blank_separated: bool, limit: int = 0) -> str | None:
    """How `after` continues `before` in a hard-wrapped file: 'text', 'reference' (a label after a reference
    word), 'sentence' (a sentence after one ending at the line end, in a file with no blank lines), or None when it
    starts a paragraph of its own. `limit` is the longest line the file's wrapping wrote."""
    if len(before) < width - _slack(width) or running_head(after) or not any(c.isalnum() for c in after):
        return None  # a rule (`-----`, `***`) under the Tiêu ngữ goes on with nothing
    if _NUMBER_HYPHEN_END.search(before) and after[:1].isdigit():
        return "range"  # joined with no space, the hyphen kept: `2020-2025`, `2-9.` (no clause `9.`)
    if _SENTENCE_END.search(before):
        # A sentence ending at the line end goes on in the same paragraph where blank lines part paragraphs, or,
        # where none do, when the next line's first word would not have fitted on this one: a paragraph that
        # ended there would have left room for it (`… bảo đảm chất lượng.` / `Chương trình …`).
        if _LABEL.match(after) or _continues(before[:-1] + "x", after, width, False, limit) is None:
            return None
        if blank_separated or _starts_lower(after):
            return "text"
        return "sentence" if len(before) + 1 + len(after.split()[0]) > limit else None
    if _starts_lower(after) or _LOWER_LABEL.match(after):
        return "text"  # `… mục 3.2 thuộc` / `phần VII - Phí …`: a reference, no Part heading
    heading = _HEADING_LINE.match(before)
    title = before[heading.end():] if heading else before
    if _DASH_GOES_ON.match(after) and after.split(None, 2)[1][:1].islower():
        # A line cut in the middle of a phrase, then `- xã hội …`: the dash between words of `kinh tế - xã hội`
        # or `tổ chức xã hội - nghề nghiệp` that the line broke before; an item of a dash list starts with a
        # capital, or after a line ending in `:` or `;`.
        return "text"
    if _YEAR_END.search(before) and _DASH_YEAR.match(after):
        return "text"  # `quy hoạch tỉnh thời kỳ 2021` / `- 2030 đã được …`
    if _DASH_GOES_ON.match(after) and not _ITEM_END.search(before):
        # `… Bộ Lao động` / `- Thương binh và Xã hội …`: a dash list follows a lead-in ending in `:` or an item, not
        # a line cut mid-phrase; `read_lines` joins it, with a warning, unless the paragraph is a dash item itself.
        return "dash"
    if _LABEL.match(after):
        return "reference" if _REFERENCE_END.search(before) else None
    if after[:1].isdigit() and not _LABEL.match(after):
        return "text"  # `… Luật Giáo dục nghề nghiệp số` / `74/2014/QH13 …`
    if heading and not _caps(title) and not _caps(after):
        # An article heading, then its text or its title going on (`… Hội Sinh viên Việt` / `Nam`): after a capital,
        # 'title', `heading_ends` tells which; else the title goes on with a short line its first word did not fit.
        short = len(before) + 1 + len(after.split()[0]) > limit and len(after) < width - _slack(width)
        return "title" if after[:1].isupper() else "text" if short else None
    if _caps(title) != _caps(after) or (heading and not _caps(title)):
        return None  # a heading or title, then text (or the other way round)
    return "text"


def _list_item(out: Sequence[_Joined], after: str) -> str | None:
    """How `after`, a line starting `- ` and a word in lower case, goes on from the paragraph `out` ends with when
    that paragraph is an item of a dash list in lower case (`- nội dung a`, its last line at the wrapping width with
    no punctuation): 'item', the next item, where the list's item before it ends with no punctuation either;
    'join' (a dash between words, `kinh tế` / `- xã hội`) where that item ends with punctuation (`;`); 'first', the
    next item, where there is no item before it to tell (read back over `_BLANKS` blank lines at most). None when
    the paragraph is no such item."""
    if not out or not _DASH_GOES_ON.match(after) or after.split(None, 2)[1][:1].isupper():
        return None
    start = out[-1].start
    if start[:1] != after[:1] or not _DASH_GOES_ON.match(start) or not start.split(None, 2)[1][:1].islower():
        return None
    at = len(out) - 2
    while at >= max(0, len(out) - 2 - _BLANKS) and not out[at].start:  # blank lines are paragraphs with no text
        at -= 1
    before = out[at] if at >= 0 and out[at].start else None
    if before is None or before.start[:1] != after[:1] or not _DASH.match(before.start):
        return "first"
    return "join" if _ITEM_END.search(before.tail()) else "item"


def _bracketed(items: Sequence[Line]) -> set[int]:
    """The places of the lines that go on with a `(Ban hành kèm theo …` line above them, up to the one closing its
    bracket: at most three, none blank or starting with a label; none when no line within three closes it."""
    found: set[int] = set()
    for i, (_, text) in enumerate(items):
        depth = text.count("(") - text.count(")")
        if depth <= 0 or not _ISSUED_OPEN.match(text):
            continue
        for j in range(i + 1, min(i + 4, len(items))):
            after = items[j][1]
            if not after or _LABEL.match(after):
                break
            depth += after.count("(") - after.count(")")
            if depth <= 0:
                found.update(range(i + 1, j + 1))
                break
    return found


def page_heads(lines: Sequence[Line], pages: Collection[int] = ()) -> tuple[set[int], list[Note]]:
    """The places (indexes in `lines`) of the lines that read as a page's running head or number, whatever the
    reader (a .txt copy of a PDF, or a Word file made from one), each with a `skipped` note. `pages` are the
    numbers of the lines holding a form feed (pdftotext writes one at each page's end)."""
    heads = {i for i, (_, text) in enumerate(lines) if text and running_head(text)}
    heads |= _repeated_heads(lines, pages, heads)
    return heads, [Note(lines[i][0], "skipped", "A page header or page number (as printed on each page of a PDF copy) "
                                                "was left out.", lines[i][1]) for i in sorted(heads)]


class _Joined:
    """A paragraph joined from lines. Its parts are joined once, when it is done, and each join reads only its
    start and its tail: a line costs the same whatever the length of the paragraph it joins (40 KB of `th-` lines,
    one word, took 40 s when each join copied and read the whole paragraph)."""

    __slots__ = ("number", "parts", "length", "start", "last")

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        self.parts = [text]
        self.length = len(text)
        self.start = text[:_HEAD]  # the paragraph's first characters
        self.last = text  # the last line joined

    def add(self, text: str, between: str = " ", hyphen: bool = False) -> None:
        """`text` joined on after `between`, the hyphen ending the paragraph left out (`hyphen`) or kept."""
        if hyphen:
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            self.start = self.start[:self.length]
        joined = between + text
        self.parts.append(joined)
        self.length += len(joined)
        if len(self.start) < _HEAD:
            self.start += joined[:_HEAD - len(self.start)]
        self.last = text

    def tail(self, size: int = _TAIL) -> str:
        """The paragraph's last `size` characters (or all of it)."""
        taken: list[str] = []
        count = 0
        for part in reversed(self.parts):
            taken.append(part)
            count += len(part)
            if count >= size:
                break
        return "".join(reversed(taken))[-size:]

    def shown(self) -> str:
        """The paragraph as a note shows it: whole, or its last `_SHOWN` characters."""
        text = self.tail(_SHOWN + 1)
        return text if len(text) <= _SHOWN else "…" + text[-_SHOWN:]

    def text(self) -> str:
        return "".join(self.parts)


def read_lines(lines: Sequence[Line], pages: Collection[int] = ()) -> tuple[list[Line], list[Note]]:
    """The paragraphs of a plain-text file's lines (blank ones included), with the notes on what was left out
    or joined. `pages`: the numbers of the lines holding a form feed."""
    heads, notes = page_heads(lines, pages)
    kept: list[Line | None] = [None if i in heads else line for i, line in enumerate(lines)]  # None: a page break
    # A page break, with the blank lines around it, does not end a paragraph: the text may go on on the next page.
    breaks = _near_page_breaks(kept)
    items: list[Line] = [item for i, item in enumerate(kept) if item is not None and (item[1] or i not in breaks)]
    width = _width([text for _, text in items if text])
    limit = max((len(text) for _, text in items if width and len(text) <= width + 5), default=0)
    separated = _blank_separated([item or (0, "") for item in kept])  # a page break parts lines too
    joins = [_continues(a[1], b[1], width, separated, limit) if width and a[1] and b[1] else None
             for a, b in zip(items, items[1:], strict=False)]
    if sum(1 for j in joins if j and j != "title") < 2:
        width = None
    bracketed = _bracketed(items)
    out: list[_Joined] = []
    joined, hyphens = 0, []
    for i, (number, text) in enumerate(items):
        prev = out[-1] if out and out[-1].start and i and items[i - 1][1] else None
        if not text or prev is None or _ISSUED_OPEN.match(text):
            out.append(_Joined(number, text))
            continue
        end = prev.tail()
        if _HYPHEN_END.search(end) and _goes_on(end, text) and (
                width is not None or _broken_syllable(end[:-1], text)):
            # Outside a hard-wrapped copy only a syllable cut in two (`th-` / `ống`) is a broken word: a line ending
            # with a hyphen between whole syllables (`khóa XIV-` / `khóa XV`, `kinh tế-` / `xã hội`) is kept as written.
            if _broken_syllable(end[:-1], text):
                prev.add(text, between="", hyphen=True)
                hyphens.append(number)
            else:
                prev.add(text, between="")
                notes.append(Note(number, "warning", f"Line {items[i - 1][0]} ends in a hyphen and this line goes "
                                  "on with the word: they were joined, and the hyphen was kept, as in a word "
                                  "written with one; if it only broke the word at the line end, delete it.",
                                  prev.shown()))
        elif i in bracketed:
            prev.add(text)
            joined += 1
            if width is None:
                opened = prev.start.split(None, 4)[:4]
                notes.append(Note(number, "info", f"Line {number} closes the bracket of '{' '.join(opened)} …' on "
                                  f"line {prev.number}: the lines were read as one.", prev.shown()))
        elif width is not None and joins[i - 1] == "text" and (item := _list_item(out, text)) in ("item", "first"):
            out.append(_Joined(number, text))
            if item == "first":
                notes.append(Note(number, "warning", f"Line {number} starts with '{text[0]}' and a word in lower case, "
                                  f"as the item on line {prev.number} does, and line {items[i - 1][0]} before it "
                                  "ends at the wrapping width with no punctuation, so it was read as the next item "
                                  "of the list. If it goes on with that item (a dash between words, as in `kinh tế "
                                  "- xã hội`), join the two lines.", text))
        elif width is not None and caps_title_goes_on(out, text):
            prev.add(text)
            joined += 1
        elif width is not None and joins[i - 1] is not None and (
                joins[i - 1] == "range" or not (joins[i - 1] == "dash" and _DASH.match(prev.start)) and not
                heading_ends(prev, text, width, limit, is_heading(prev.start) and open_end(items, joins, i))):
            joined += 1
            if joins[i - 1] == "dash":
                notes.append(Note(number, "warning", f"Line {number} starts with '{text[0]}' and a capital, but line "
                                  f"{items[i - 1][0]} before it ends at the wrapping width in the middle of a phrase "
                                  "(no `:`, `;`, `.` or `,`), so it was read as going on with it (a dash between "
                                  "words, as in `Bộ Lao động - Thương binh và Xã hội`), not as an item of a list. If "
                                  "it starts one, put a blank line before it.", prev.shown()))
            if joins[i - 1] == "text" and _list_item(out, text) == "join":
                notes.append(Note(number, "warning", f"Line {number} starts with '{text[0]}' and a word in lower case "
                                  f"after line {items[i - 1][0]}, which ends at the wrapping width with no "
                                  f"punctuation, so it was read as going on with the item on line {prev.number} (a "
                                  "dash between words, as in `kinh tế - xã hội`): the list's items end with "
                                  "punctuation. If it is the next item, put a blank line before it.", prev.shown()))
            if is_heading(prev.start) and _FULL_STOP.search(text):
                notes.append(Note(number, "warning", f"Line {number} was read as part of the heading that starts on "
                                  f"line {prev.number} ('{prev.start.split('.')[0]}'), but it ends a sentence and a "
                                  "heading has none: if it is the text of the article, put a blank line before "
                                  "it.", prev.shown()))
            prev.add(text, between="" if joins[i - 1] == "range" else " ")
            if joins[i - 1] == "reference":
                notes.append(Note(number, "warning", f"Line {number} starts like a label ('{text.split()[0]}'), but "
                                  f"line {items[i - 1][0]} before it ends in a reference word, so it was read as "
                                  "the rest of that reference, not as a new provision. If it starts one, put it "
                                  "on a line of its own after a blank line.", prev.shown()))
            elif joins[i - 1] == "sentence":
                notes.append(Note(number, "warning", f"Line {items[i - 1][0]} ends a sentence at the wrapping width "
                                  f"and this line's first word ('{text.split()[0]}') would not have fitted on it, so "
                                  "it was read as the next sentence of the same paragraph. If it starts a paragraph, "
                                  "put a blank line before it.", prev.shown()))
        elif width is not None and title_goes_on_lower(prev, text):
            prev.add(text)  # `Điều 6. … dân cư` / `trong phát triển du lịch`, a bold heading cut short of the width
            joined += 1
        else:
            out.append(_Joined(number, text))
    if width is not None:
        notes.insert(0, Note(0, "info", f"The text reads as hard-wrapped (lines cut at about {width} characters, as "
                                        f"copied from a PDF): {joined} lines were joined to the paragraph they go "
                                        "on. Compare the paragraphs with the source."))
    elif (narrow := _narrow_width([text for _, text in items if text])) is not None:
        notes.insert(0, Note(0, "warning", f"The lines look cut at about {narrow} characters (a narrow column copied "
                                           "from a PDF): too short to tell a line that goes on from a paragraph, so "
                                           "they were not joined and each line was read as a paragraph. Copy the "
                                           "text again at the page's full width, or join its paragraphs, and import "
                                           "it again."))
    if hyphens:
        shown = ", ".join(map(str, hyphens[:20])) + (" …" if len(hyphens) > 20 else "")
        notes.append(Note(hyphens[0], "info", f"{len(hyphens)} words broken by a hyphen at a line end were joined "
                                              f"without the hyphen (lines {shown})."))
    return [(paragraph.number, paragraph.text()) for paragraph in out if paragraph.start], notes


def _near_page_breaks(items: Sequence[Line | None]) -> set[int]:
    """The places of the blank lines next to a page break (through other blank lines): each run of blank lines is
    walked once."""
    near: set[int] = set()
    i = 0
    while i < len(items):
        if items[i] is None or items[i][1]:  # type: ignore[index]
            i += 1
            continue
        end = i
        while end < len(items) and items[end] is not None and not items[end][1]:  # type: ignore[index]
            end += 1
        if (i > 0 and items[i - 1] is None) or (end < len(items) and items[end] is None):
            near.update(range(i, end))
        i = end
    return near
