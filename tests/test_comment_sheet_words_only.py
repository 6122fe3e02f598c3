"""A sheet row naming its provision in words (`Điều, khoản`) with the address column (`Địa chỉ`) left empty is a
comment on that provision, not a general comment (sweep r32 AV, P1).

A body filling in a sheet with the comment report's columns types `khoản 2 Điều 2` where it reads the provisions,
and leaves `Địa chỉ` (the report's `d2.k2`) empty. The row was imported as a general comment, with no word said,
and the provision was lost. It is now read from the words, as an address is (a provision that does not exist is a
problem naming the row, with a did-you-mean), in a CSV (`,`, `;`, tab, UTF-16) and an XLSX alike.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG = "mini-sua"
# The comment report's columns, its answer columns left empty as a body fills them in.
HEADER = ("STT", "Điều, khoản", "Địa chỉ", "Chủ thể góp ý", "Nội dung góp ý", "Tiếp thu", "Giải trình")
ROWS = [("1", "khoản 2 Điều 2", "", "Ban A", "Đề nghị làm rõ.", "", ""),
        ("2", "Điều 1 (MINI-QC)", "", "Ban B", "Đề nghị giữ nguyên.", "", ""),
        ("3", "Góp ý chung", "", "Ban B", "Nhất trí.", "", ""),
        ("4", "khoản 1 Điều 1", "d2.k2", "Ban A", "Địa chỉ đứng trước.", "", "")]
WANTED = [("Ban A", "d2.k2", "Đề nghị làm rõ."), ("Ban A", "d2.k2", "Địa chỉ đứng trước."),
          ("Ban B", "d1", "Đề nghị giữ nguyên."), ("Ban B", "general", "Nhất trí.")]


def _csv(separator: str, rows: Sequence[tuple[str, ...]]) -> str:
    def quote(cell: str) -> str:
        return f'"{cell}"' if separator in cell or "," in cell else cell

    return "".join(separator.join(quote(cell) for cell in row) + "\r\n" for row in [HEADER, *rows])


def _xlsx(rows: Sequence[tuple[str, ...]], path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(list(row))
    book.save(path)


SAVES: dict[str, Callable[[Sequence[tuple[str, ...]], Path], object]] = {
    "commas": lambda rows, p: p.write_bytes(_csv(",", rows).encode("utf-8")),
    "semicolons": lambda rows, p: p.write_bytes(codecs.BOM_UTF8 + _csv(";", rows).encode("utf-8")),
    "tabs, UTF-16": lambda rows, p: p.write_bytes(codecs.BOM_UTF16_LE + _csv("\t", rows).encode("utf-16-le")),
    "commas, UTF-16": lambda rows, p: p.write_bytes(_csv(",", rows).encode("utf-16-le")),
    "xlsx": _xlsx,
}


def _sheet(tmp_path: Path, kind: str, rows: Sequence[tuple[str, ...]]) -> Path:
    path = tmp_path / ("gopy.xlsx" if kind == "xlsx" else "gopy.csv")
    SAVES[kind](rows, path)
    return path


@pytest.mark.parametrize("kind", SAVES)
def test_the_provision_in_words_is_read_when_the_address_is_empty(consulting_workspace: Workspace, invoke: Invoke,
                                                                  tmp_path: Path, kind: str) -> None:
    ws = consulting_workspace
    result = invoke(ws, "comment", "import", SLUG, str(_sheet(tmp_path, kind, ROWS)))
    assert result.exit_code == 0, result.output
    assert sorted((c.by, c.on, c.text) for c in rounds.load_comments(ws, SLUG)) == WANTED


@pytest.mark.parametrize("kind", ["commas", "xlsx"])
def test_a_provision_in_words_that_does_not_exist_is_a_problem_naming_the_row(
        consulting_workspace: Workspace, invoke: Invoke, tmp_path: Path, kind: str) -> None:
    ws = consulting_workspace
    result = invoke(ws, "comment", "import", SLUG,
                    str(_sheet(tmp_path, kind, [ROWS[0], ("2", "khoản 9 Điều 2", "", "Ban B", "Sai.", "", "")])))
    assert result.exit_code == 1 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert "row 3:" in said and "khoản 9 Điều 2 does not exist" in said and "did you mean" in said, said
    assert rounds.load_comments(ws, SLUG) == []
