"""Comment sheets: the rows of a CSV or XLSX file that commenting bodies filled in.

Reads cells only; turning rows into comments checked against a draft is `core.comments.validate_rows`.

Post-conditions of `read_sheet`:
1. Row 1 names the columns, in English or in the Vietnamese of the comment report; an unknown
   or missing required column is one `ParseError` naming every such column.
2. Every other non-blank row comes back with its spreadsheet row number and NFC-normalised,
   stripped values keyed by canonical column name.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from regdraft.core.comments import Row
from regdraft.core.counts import is_are, several
from regdraft.core.errors import ParseError, Problem, UsageError
from regdraft.core.text import nfc

COLUMNS = ("round", "by", "on", "type", "text", "proposal")
REQUIRED_COLUMNS = ("by", "on", "text")
_COLUMN_ALIASES = {
    "đợt": "round", "vòng": "round",
    "chủ thể góp ý": "by", "cơ quan": "by", "đơn vị": "by",
    "điều, khoản": "on", "điều khoản": "on", "address": "on",
    "loại": "type",
    "nội dung góp ý": "text", "comment": "text",
    "đề xuất": "proposal", "đề nghị": "proposal",
}

# Bounds on what a sheet may hold, so that a small file cannot claim (or unpack to) unbounded work.
MAX_ROWS = 20_000
MAX_COLUMNS = 64


def read_sheet(path: Path) -> list[Row]:
    """The rows of a CSV or XLSX sheet as (row number, {column: value}); the header is row 1."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ParseError(f"{path.name}:{line}: is not UTF-8 text; save the sheet as 'CSV UTF-8'.") from None
        table = _csv_table(text, path.name)
    elif suffix in (".xlsx", ".xlsm"):
        table = _xlsx_table(path)
    else:
        raise UsageError(f"{path.name}: comments are imported from .csv or .xlsx files.")
    return _rows(table, path.name)


def _xlsx_table(path: Path) -> list[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ParseError(f"{path.name}: cannot be read as an Excel workbook ({exc}).") from None
    try:
        sheet = book.worksheets[0]
        # Read-only mode trusts the size the file declares (`A1:C2` over five rows drops three;
        # `A1:XFD1048576` pads every row to 16,384 cells): count the rows that are really there.
        sheet.reset_dimensions()
        table: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            _bound(len(table) + 1, path.name)
            table.append(["" if v is None else _cell(v) for v in row])
        return table
    except ParseError:
        raise
    except Exception as exc:  # a damaged sheet fails part-way in many ways
        raise ParseError(f"{path.name}: cannot be read as an Excel workbook ({exc}).") from None
    finally:
        book.close()


def _csv_table(text: str, source: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text))
    table: list[list[str]] = []
    try:
        for row in reader:
            _bound(len(table) + 1, source)
            table.append(row[:MAX_COLUMNS])
    except csv.Error as exc:
        raise ParseError(f"{source}:{reader.line_num}: the CSV cannot be read ({exc}); a cell may hold at most "
                         f"{csv.field_size_limit():,} characters and quotes must be closed.") from None
    return table


def _bound(rows: int, source: str) -> None:
    if rows > MAX_ROWS + 1:
        raise ParseError(f"{source}: the sheet has more than {MAX_ROWS:,} comment rows; split it into several "
                         "sheets and import them one by one.")


def _cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(table: list[list[str]], source: str) -> list[Row]:
    if not table:
        raise ParseError(f"{source}: the sheet is empty; row 1 must name the columns ({', '.join(COLUMNS)}).")
    header = [_column(h) for h in table[0]]
    problems = [Problem(f"unknown column '{raw}' (columns: {', '.join(COLUMNS)}).", source, 0, "row 1")
                for raw, name in zip(table[0], header, strict=True) if name is None and raw.strip()]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        columns = f"the {several(len(missing), 'column')} {', '.join(missing)}"
        problems.append(Problem(f"{columns} {is_are(len(missing))} missing.", source, 0, "row 1"))
    if problems:
        raise ParseError.collect(problems, "sheet")
    rows: list[Row] = []
    for number, cells in enumerate(table[1:], start=2):
        values = {name: nfc(str(cell)).strip() for name, cell in zip(header, cells, strict=False) if name}
        if any(values.values()):
            rows.append((number, values))
    return rows


def _column(raw: str) -> str | None:
    name = " ".join(nfc(str(raw)).strip().lower().split())
    if name in COLUMNS:
        return name
    return _COLUMN_ALIASES.get(name)
