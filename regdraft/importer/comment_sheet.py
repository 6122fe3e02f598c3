"""Comment sheets: the rows of a CSV, tab-separated text (.txt) or XLSX file that commenting bodies filled in.

Reads cells, and pairs the comments of rows with those recorded before (`with_recorded`); turning rows into
comments checked against a draft is `core.comments.validate_rows`.

Post-conditions of `read_sheet` (and of `iter_sheet`, which reads the file as its rows are taken):
1. The header row names the columns, in English or in the Vietnamese of the comment report: it is
   the first row naming a known column, among the first `MAX_LEAD` rows (row 1 of a plain sheet;
   the rows above it, a title or the XLSX report's preface, are skipped). A sheet with no such row
   is one `ParseError` naming the file and the columns expected; an unknown or missing required
   column in the header is one `ParseError` naming every such column. A row-number column
   (`STT`, `No.`, `#`) is ignored.
2. Every non-blank row below the header comes back with its spreadsheet row number and
   NFC-normalised, stripped values keyed by canonical column name; `on` reading the report's words
   for the draft as a whole (`Góp ý chung`) reads `general`. A cell the report's writer kept from
   reading as a formula (`'=…`, `'-…`: `render.report.spreadsheet_cell`) reads without its `'`.
3. regdraft's own comment report (CSV, XLSX, or its table saved as a sheet) reads as a sheet: its
   address column (`Địa chỉ`) is `on`, or without one (or in a row that leaves it empty) the provision in words
   (`Khoản 1 Điều 5`);
   the regulation named after the provision in words (`Khoản 1 Điều 5 (01-QC/TU)`) is `regulation`, those
   words `REGULATION_IN` (a bracket holding a clause number or point letter is the address's: `Article 7(3)`);
   a comment cell ending with the proposal (`…\nĐề xuất: …`, as the XLSX writes it) is `text` and
   `proposal`. Its answer columns (`Tiếp thu`, `Giải trình`, `Nội dung tiếp thu, giải trình`)
   must be empty or say the comment is not answered yet; a report holding answers, or whose
   columns do not map, is refused with a sentence saying it is a report, not a sheet of comments.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

from regdraft.core.browser_quotes import apart
from regdraft.core.comments import REGULATION_IN, Comment, Row
from regdraft.core.counts import is_are, several
from regdraft.core.encodings import SAMPLE
from regdraft.core.errors import ParseError, Problem, UsageError
from regdraft.core.inline import plain
from regdraft.core.repeats import Key, comment_key, same_person
from regdraft.core.text import as_text, nfc, starts_formula
from regdraft.importer.archive import check_parts, not_a_package
from regdraft.importer.sheet_text import text_lines

COLUMNS = ("round", "by", "on", "type", "text", "proposal", "regulation")
REQUIRED_COLUMNS = ("by", "on", "text")
_COLUMN_ALIASES = {
    "đợt": "round", "vòng": "round",
    "chủ thể góp ý": "by", "cơ quan": "by", "đơn vị": "by",
    "điều, khoản": "on", "điều khoản": "on", "address": "on", "địa chỉ": "on",
    "loại": "type",
    "nội dung góp ý": "text", "comment": "text",
    "đề xuất": "proposal", "đề nghị": "proposal",
    "văn bản": "regulation", "quy chế": "regulation",
    # An English sheet, as the English report's columns and a committee's own name them.
    "body": "by", "commented by": "by", "agency": "by", "organisation": "by", "organization": "by",
    "provision": "on", "comment type": "type", "proposed wording": "proposal", "document": "regulation",
    # The person and the words selected, as the report's CSV and XLSX name them (`report_person_column`).
    "người góp ý": "author", "person": "author", "author": "author",
    "đoạn được chọn": "selection", "selected text": "selection", "selection": "selection",
}

# The row number (số thứ tự) that nearly every sheet starts with: regdraft numbers nothing by it.
_ROW_NUMBER = frozenset({"stt", "stt.", "tt", "tt.", "số thứ tự", "no", "no.", "number", "#"})
# Where the provision is now, as the report's CSV and XLSX give it (party-36.yaml: `report_now_column`): ignored,
# a comment is on the provision of the draft it was made on.
_NOW = frozenset({"điều, khoản hiện nay", "provision now"})
# The report's mark of a comment recorded after its round closed (`report_late_column`): ignored, a comment imported
# is judged late by when its own commit records it.
_LATE = frozenset({"góp ý sau thời hạn", "late comment"})
# When a comment its member reworded was last edited (`report_edited_column`): ignored, the comment's text is its own.
_EDITED = frozenset({"sửa lúc", "edited"})
# Columns of regdraft's comment report that hold the office's answers, which a sheet cannot bring in,
# and how the report words a comment not answered yet (party-36.yaml: `disposition_none`).
_ANSWERS = frozenset({"tiếp thu", "giải trình", "nội dung tiếp thu, giải trình", "disposition", "reply",
                      "how it was taken into account"})
_UNANSWERED = frozenset({"", "chưa xử lý", "not answered yet"})
# The report's words for a comment on the draft as a whole (party-36.yaml: `report_general`).
_GENERAL_WORDS = frozenset({"góp ý chung", "general"})
# The report's provision in words, which names the regulation after it when the draft amends several.
_IN_WORDS = frozenset({"điều, khoản", "điều khoản", "provision"})
_ADDRESSES = frozenset({"địa chỉ", "address"})
# A clause number or point letter in brackets (`7(3)`, `3(2)(b)`, `5(2a)`).
_BRACKETED_LABEL = re.compile(r"\d+[a-zđ]?\d*|[a-zđ]\d*", re.IGNORECASE)
_SKIP, _ANSWER, _WORDS = "", "answer", "words"  # header markers besides the canonical column names
# How the XLSX report ends a comment cell with its proposal (party-36.yaml: `report_proposal`), and how
# its writer keeps a cell from reading as a formula (render/report.py: `spreadsheet_cell`).
PROPOSAL_WORDS = ("Đề xuất:", "Proposed:")
_PROPOSAL_LINE = re.compile(r"\n[ \t]*(?:" + "|".join(re.escape(w) for w in PROPOSAL_WORDS) + r")[ \t]*")
# How the XLSX report ends a cell longer than Excel holds (party-36.yaml: `report_cell_cut`, each language): the
# characters left out are counted. A row carrying it names the column cut and the count under `CUT`.
# Both are searched for in the cell's last `_CUT_TAIL` characters only, the spaces before the mark then stripped: a
# pattern opening with `\s*` and ending at `$`, searched over a whole cell, took time growing with the square of a run
# of spaces in it (120 KB of CSV, 44 s; r32 sweep AW F4).
_CUT_MARK = re.compile(r"… \[(?:còn ([\d.,]+) ký tự không vừa một ô Excel; xem đủ trong báo cáo CSV, HTML hoặc "
                       r"PDF|([\d.,]+) more characters do not fit in an Excel cell; see the CSV, HTML or PDF "
                       r"report)\]$")
# The mark's start, the rest of it lost (the cell edited and saved again, Excel keeping its first 32,767 characters).
_CUT_START = re.compile(r"… \[(?:còn ([\d.,]+)|([\d.,]+) more)[^\]]*$")
_CUT_TAIL = 200  # the mark is under 100 characters
EXCEL_CELL = 32_767  # the most characters an Excel cell holds: a cell this long was cut, marked or not
CUT = "cut"
SHEET_COLUMNS = ("A sheet of comments names its columns in row 1: by, on and text (the body, the provision or "
                 "'general', the comment), and may add type, proposal, round and regulation; one comment a row.")

# Bounds on what a sheet may hold, so that a small file cannot claim (or unpack to) unbounded work.
# Rows are read one at a time (never the whole sheet at once), so the row bound is about the
# size of the commit an import makes, not about memory.
MAX_ROWS = 200_000
MAX_COLUMNS = 64
# The rows looked through for the header: the XLSX report has its title and preface (at most 8 rows) above it.
MAX_LEAD = 20


def read_sheet(path: Path) -> list[Row]:
    """The rows of a CSV or XLSX sheet as (row number, {column: value}), read below its header row."""
    return list(iter_sheet(path))


def iter_sheet(path: Path) -> Iterator[Row]:
    """The rows of a CSV or XLSX sheet one at a time, as `read_sheet` returns them.

    The file is read as the rows are taken: problems with the header come with the first row,
    a bad byte or an unclosed quote when its row is reached.
    """
    suffix = path.suffix.lower()
    if suffix in TEXT_SHEETS:
        return _rows(_csv_cells(path, tabbed=suffix == ".txt"), path.name)
    if suffix in (".xlsx", ".xlsm"):
        return _rows(_xlsx_cells(path), path.name)
    raise UsageError(unknown_kind(path))


def unknown_kind(path: Path) -> str:
    """The sentence refusing a file that is neither a Word reply nor a sheet."""
    return (f"{path.name} is not a file comments are imported from: give a Word reply (.docx) or a sheet of "
            "comments (.csv, .xlsx, or Excel's 'Unicode Text' .txt).")


def _xlsx_cells(path: Path) -> Iterator[list[str]]:
    import openpyxl

    check_parts(path, path.name)
    with path.open("rb") as handle:
        if (said := not_a_package(handle.read(SAMPLE), path.name, "Excel", path.suffix.lower())) is not None:
            raise ParseError(said)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ParseError(f"{path.name}: cannot be read as an Excel workbook ({exc}).") from None
    try:
        sheet = book.worksheets[0]
        # Read-only mode trusts the size the file declares (`A1:C2` over five rows drops three;
        # `A1:XFD1048576` pads every row to 16,384 cells): count the rows that are really there.
        sheet.reset_dimensions()
        for count, row in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            _bound(count, path.name)
            yield ["" if v is None else _cell(v) for v in row]
    except ParseError:
        raise
    except Exception as exc:  # a damaged sheet fails part-way in many ways
        raise ParseError(f"{path.name}: cannot be read as an Excel workbook ({exc}).") from None
    finally:
        book.close()


def _csv_cells(path: Path, tabbed: bool = False) -> Iterator[list[str]]:
    """The rows of a text sheet; `tabbed` (a .txt: Excel's "Unicode Text" and "Text (Tab delimited)") tries a tab
    first, as the separator a tie between separators goes to."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ParseError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None
    with handle:
        lines = text_lines(handle, path.name)
        head = list(islice(lines, MAX_LEAD))
        reader = csv.reader(chain(head, lines), delimiter=_separator(head, TAB_FIRST if tabbed else SEPARATORS))
        try:
            for count, row in enumerate(reader, start=1):
                _bound(count, path.name)
                yield row[:MAX_COLUMNS]
        except csv.Error as exc:
            raise ParseError(f"{path.name}:{reader.line_num}: the CSV cannot be read ({exc}); a cell may hold at "
                             f"most {csv.field_size_limit():,} characters and quotes must be closed.") from None


# What parts a CSV's columns: a comma; a semicolon, as Excel writes "CSV" where the comma is the decimal mark
# (Vietnamese regional settings); a tab, as it writes "Unicode Text".
SEPARATORS = (",", ";", "\t")
TAB_FIRST = ("\t", ",", ";")
# The files read as text sheets: a CSV, and Excel's "Unicode Text" (UTF-16, tab-separated), which it names .txt.
TEXT_SHEETS = (".csv", ".txt")
SHEETS = (*TEXT_SHEETS, ".xlsx", ".xlsm")


def _separator(lines: Sequence[str], order: Sequence[str] = SEPARATORS) -> str:
    """The separator that parts the first line naming a known column into the most known columns (the first of
    `order` on a tie); the first of `order` when no line among `lines` names one. A line the CSV reader cannot split
    names none (the reader says what is wrong with it when it reaches it)."""
    for line in lines:
        known = {sep: _known_columns(line, sep) for sep in order}
        best = max(order, key=known.__getitem__)
        if known[best]:
            return best
    return order[0]


# The characters of a line looked at for the header's names: room for `MAX_COLUMNS` names, each long. A line is split
# three times (once for each separator), and each of its cells was looked up: twenty lines of 2 MB took 52 s to be
# refused (r32 sweep AW F5). Columns past `MAX_COLUMNS` are not read anyway.
_SNIFFED = MAX_COLUMNS * 256


def _known_columns(line: str, separator: str) -> int:
    try:
        cells = next(csv.reader([line[:_SNIFFED]], delimiter=separator), [])
    except csv.Error:  # a carriage return inside a cell not quoted, a quote never closed
        return 0
    return sum(1 for cell in cells[:MAX_COLUMNS]
               if _column(" ".join(nfc(cell).strip().lower().split())) not in (None, _SKIP))


def _bound(rows: int, source: str) -> None:
    if rows > MAX_ROWS + 1:
        raise ParseError(f"{source}: the sheet has more than {MAX_ROWS:,} comment rows; split it into several "
                         "sheets and import them one by one.")


def _cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _found_header(cells: Iterator[list[str]], source: str) -> tuple[int, list[str]]:
    """The header row's number and cells: the first row naming a known column, within the first `MAX_LEAD`."""
    seen = False
    for number, row in enumerate(cells, start=1):
        names = [" ".join(nfc(str(cell)).strip().lower().split()) for cell in row]
        if any(_column(name) not in (None, _SKIP) for name in names if name):
            return number, row
        seen = seen or any(names)
        if number == MAX_LEAD:
            break
    if not seen:
        raise ParseError(f"{source}: the sheet is empty; row 1 must name the columns ({', '.join(COLUMNS)}).")
    raise ParseError(f"{source}: no header row naming the columns was found in its first {MAX_LEAD} rows; a sheet "
                     "of comments needs the columns by, on and text (Vietnamese: Chủ thể góp ý, Điều, khoản, Nội "
                     "dung góp ý; English: Body, Provision, Comment) and may add type, proposal, round and "
                     "regulation.")


def _rows(cells: Iterator[list[str]], source: str) -> Iterator[Row]:
    excel = source.lower().endswith((".xlsx", ".xlsm"))  # a cell holds at most `EXCEL_CELL` characters
    top, first = _found_header(cells, source)
    header = _header(first)
    report = _ANSWER in header
    at = f"row {top}"
    problems = [Problem(f"unknown column '{raw}' (columns: {', '.join(COLUMNS)}).", source, 0, at)
                for raw, name in zip(first, header, strict=True) if name is None and raw.strip()]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        columns = f"the {several(len(missing), 'column')} {', '.join(missing)}"
        problems.append(Problem(f"{columns} {is_are(len(missing))} missing.", source, 0, at))
    if problems and report:
        raise ParseError(f"{source} is a comment report, not a sheet of comments: its columns do not say "
                         f"who commented on what. {SHEET_COLUMNS}")
    if problems:
        raise ParseError.collect(problems, "sheet")
    joined = report and "proposal" not in header  # the XLSX report: the proposal ends the comment cell
    for number, row in enumerate(cells, start=top + 1):
        values: dict[str, str] = {}
        answers = []
        for name, cell in zip(header, row, strict=False):
            # Word's cell and field marks (U+0007, U+0013) an Excel "Unicode Text" save keeps, a NUL: left out of every
            # column, a space kept between two words (`text.as_text`); no document can hold them (r33 sweep AZ F1).
            value = as_text(_unneutralised(nfc(str(cell))))
            if name == _ANSWER:
                answers.append(value.strip())
            elif name:
                values[name] = value.strip()
        words = values.pop(_WORDS, "")
        if not any(values.values()):
            continue
        _mark_cut(values, excel)
        answered = [a for a in answers if " ".join(a.lower().split()) not in _UNANSWERED]
        if answered:
            raise ParseError(f"{source} is a comment report, not a sheet of comments: row {number} holds the "
                             f"office's answer ('{answered[0]}'), which an import cannot record. {SHEET_COLUMNS}")
        if words and not values.get("on"):
            # The address cell left empty, the provision typed in words only (`khoản 1 Điều 3` under `Điều, khoản`):
            # read as an address is, never a general comment.
            values["on"] = words
        if report or (words and values.get("on") == words):
            _name_regulation(values, words or values.get("on", ""))
        if joined and _PROPOSAL_LINE.search(values.get("text", "")):
            text, proposal = _PROPOSAL_LINE.split(values["text"], maxsplit=1)
            values["text"], values["proposal"] = text.strip(), proposal.strip()
        if " ".join(values.get("on", "").lower().split()) in _GENERAL_WORDS:
            values["on"] = "general"
        yield number, values


def _mark_cut(values: dict[str, str], excel: bool) -> None:
    """Take the XLSX report's mark of a cell cut at Excel's limit off the end of the comment, proposal and selection
    cells, naming each column cut and the characters it left out under `CUT` (`text=3233`; `0`, not known). In a
    workbook, a cell as long as Excel holds was cut: the mark's start is enough (edited and saved again, the cell
    lost the rest of it), and with none the cell is cut all the same."""
    said = []
    for name in ("text", "proposal", "selection"):
        value = values.get(name, "")
        full = excel and len(value) >= EXCEL_CELL - 8  # stripped of the spaces at its ends
        tail = max(0, len(value) - _CUT_TAIL)
        found = _CUT_MARK.search(value, tail) or (_CUT_START.search(value, tail) if full else None)
        if found is None and not full:
            continue
        if found is not None:
            values[name] = value[:found.start()].rstrip()
        said.append(f"{name}={re.sub(r'[.,]', '', (found.group(1) or found.group(2)) if found else '0')}")
    if said:
        values[CUT] = ",".join(said)


def restored(rows: Iterable[Row], known: Sequence[Comment], source: str,
             cut: dict[int, tuple[int, str]]) -> Iterator[Row]:
    """The rows, each whose comment cell the XLSX report cut at Excel's limit (`CUT`) given the whole text, proposal
    and selection of the recorded comment whose cell it begins: it reads as that comment again (`with_recorded`),
    never as a new comment cut short. `cut` is told each such row's number, the characters the cell left out and the
    comment's id. A cut row that begins no recorded comment's cell is a `ParseError` naming it, so nothing is
    imported: what the cell lost cannot be known."""
    cells: list[tuple[str, Comment]] | None = None
    for number, values in rows:
        parts = dict(item.split("=", 1) for item in values.pop(CUT, "").split(",") if item)
        if "text" not in parts and "proposal" not in parts:  # a selection cut alone is shortened, and said, anyway
            yield number, values
            continue
        if cells is None:
            cells = [(cell, c) for c in known for cell in _whole_cells(c)]
        left_out = int(parts.get("text") or parts.get("proposal") or 0)
        begun = _begun(values.get("text", ""), values.get("proposal", ""))
        whole = next((c for cell, c in cells if len(cell) > len(begun) and cell.startswith(begun)), None)
        if whole is None:
            raise ParseError(
                f"{source}: row {number}: the comment cell is cut ({cut_said(left_out)}); it begins no comment "
                "recorded, and a comment cut short is never recorded: nothing was imported. Import the CSV report "
                "(it holds every character), or put the whole comment in the cell and take the report's mark out.")
        values["text"], values["proposal"] = whole.text, whole.proposal
        if "selection" in parts or not values.get("selection"):
            values["selection"] = whole.selection
        cut[number] = (left_out, whole.id)
        yield number, values


def cut_said(left_out: int) -> str:
    """How a cell of the XLSX report was cut, in words: the characters its mark says were left out, or its length."""
    if left_out:
        return f"the report's mark says {left_out:,} characters did not fit in an Excel cell"
    return f"it holds {EXCEL_CELL:,} characters, as many as an Excel cell holds"


def _begun(text: str, proposal: str) -> str:
    """A cut comment cell's words: its text, and the proposal's when the cell kept its `Đề xuất:` line."""
    return " ".join(f"{text} {PROPOSAL_WORDS[0]} {proposal}".split()) if proposal else " ".join(text.split())


def _whole_cells(c: Comment) -> Iterator[str]:
    """A recorded comment's cell as the XLSX report writes it (as typed, or read as Markdown by an older report), in
    `_begun`'s words: a cut cell of it begins one of them."""
    for text, proposal in ((c.text, c.proposal), (plain(c.text), plain(c.proposal))):
        yield _begun(text, proposal)
        if proposal:
            yield " ".join(f"{text} {PROPOSAL_WORDS[1]} {proposal}".split())


def _unneutralised(value: str) -> str:
    return value[1:] if value.startswith("'") and starts_formula(value[1:]) else value


def _header(first: list[str]) -> list[str | None]:
    """The canonical name of each column, `_SKIP` for a row number, `_ANSWER`, `_WORDS`, or None when unknown.

    The report has the provision both in words and as an address: the address is `on`, the words
    are kept for the regulation they name.
    """
    raw = [" ".join(nfc(str(h)).strip().lower().split()) for h in first]
    addressed = any(name in _ADDRESSES for name in raw)
    return [_WORDS if addressed and name in _IN_WORDS else _column(name) for name in raw]


def _name_regulation(values: dict[str, str], words: str) -> None:
    """Set a report row's `regulation` from its provision in words (`Khoản 1 Điều 5 (01-QC/TU)`), and
    `regulation_in` to those words. A bracket holding a clause number or a point letter is part of an English
    address (`Article 7(3)`, `Article 3(2)(b)`), never a regulation."""
    named = re.fullmatch(r"(.*\S)\s*\(([^()]+)\)", words)
    if named and not values.get("regulation") and not _BRACKETED_LABEL.fullmatch(named.group(2).strip()):
        values["regulation"], values[REGULATION_IN] = named.group(2).strip(), words
        if values.get("on") == words:
            values["on"] = named.group(1)


def _column(name: str) -> str | None:
    if name in COLUMNS:
        return name
    if name in _ROW_NUMBER or name in _NOW or name in _LATE or name in _EDITED:
        return _SKIP
    if name in _ANSWERS:
        return _ANSWER
    return _COLUMN_ALIASES.get(name)


# -- rows imported before ---------------------------------------------------------------------

def with_recorded(made: Iterable[Comment], known: Sequence[Comment]) -> Iterator[tuple[Comment, Comment | None]]:
    """Each comment of a sheet's rows with the comment already recorded that it repeats, or None when it is new.

    A row repeats a comment of the same round, body, regulation, provision, text and proposal, not another person's
    (`core.repeats`, the rule `comment add` and the review server follow). Each recorded comment answers one row, so
    a sheet that says the same thing twice, imported again after a row was added, still leaves both alone. A row
    whose proposal came out of the XLSX report's comment cell, split at a `Đề xuất:` line the comment's own text
    has, repeats the comment whose cell reads the same (`_cells`).
    """
    waiting: dict[Key, list[Comment]] = {}
    by_cell: dict[Key, list[Comment]] = {}
    for c in known:
        waiting.setdefault(comment_key(c), []).append(c)
        for key in _cell_keys(c):
            by_cell.setdefault(key, []).append(c)
    answered: set[int] = set()

    def take(index: dict[Key, list[Comment]], key: Key, row: Comment) -> Comment | None:
        same = index.get(key, [])
        while same and id(same[0]) in answered:  # it answered a row through the other index
            same.pop(0)
        found = next((c for c in same if id(c) not in answered and same_person(row, c)), None)
        if found is None:
            return None
        answered.add(id(found))
        same.remove(found)
        return found

    for comment in made:
        # A comment made on the review page before round 37 is read with its selection apart (`core.browser_quotes`);
        # the report of an earlier version has it quoted in the comment's cell: read as it is read.
        earlier = take(waiting, comment_key(apart(comment)), comment)
        if earlier is None and comment.proposal:
            earlier = next(filter(None, (take(by_cell, key, comment) for key in _cell_keys(comment))), None)
        yield comment, earlier


def _cell_keys(c: Comment) -> Iterator[Key]:
    """`comment_key` with the text and proposal as the XLSX report's one comment cell has them."""
    for cell in _cells(c.text, c.proposal):
        yield comment_key(replace(c, text=cell, proposal=""))


def _cells(text: str, proposal: str) -> tuple[str, ...]:
    """The XLSX report's comment cell for a comment, as one line of words, with each language's `Đề xuất:`."""
    text, proposal = plain(text), plain(proposal)
    if not proposal:
        return (" ".join(text.split()),)
    return tuple(" ".join(f"{text} {word} {proposal}".split()) for word in PROPOSAL_WORDS)
