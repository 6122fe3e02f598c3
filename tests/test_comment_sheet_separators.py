"""`regdraft comment import` of CSV sheets as Excel saves them outside an English locale: columns separated by `;`
(Excel set to Vietnamese) or by tabs ("Unicode Text"), and sheets saved as UTF-16 (r31 sweep AU, finding 2)."""

from __future__ import annotations

import codecs
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, Invoke

SLUG = "mini-sua"
ROWS = [("Ban A", "khoản 2 Điều 2", "Đề nghị bổ sung, làm rõ."), ("Ban B", "Điều 1", "Đề nghị giữ nguyên.")]


def _head(ws: Workspace) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws.root, capture_output=True, text=True).stdout


def _sheet(separator: str, header: tuple[str, str, str] = ("by", "on", "text")) -> str:
    def quote(cell: str) -> str:
        return f'"{cell}"' if separator in cell or "," in cell else cell

    return "".join(separator.join(quote(cell) for cell in row) + "\r\n" for row in [header, *ROWS])


def _texts(ws: Workspace) -> list[tuple[str, str, str]]:
    return sorted((c.by, c.on, c.text) for c in rounds.load_comments(ws, SLUG))


SAVES: dict[str, Callable[[], bytes]] = {
    "semicolons, CSV UTF-8": lambda: codecs.BOM_UTF8 + _sheet(";").encode("utf-8"),
    "semicolons, Vietnamese column names": lambda: _sheet(
        ";", ("Chủ thể góp ý", "Điều, khoản", "Nội dung góp ý")).encode("utf-8"),
    "tabs, Unicode Text": lambda: codecs.BOM_UTF16_LE + _sheet("\t").encode("utf-16-le"),
    "commas, UTF-16 with its mark": lambda: codecs.BOM_UTF16_LE + _sheet(",").encode("utf-16-le"),
    "semicolons, UTF-16 without a mark": lambda: _sheet(";").encode("utf-16-le"),
    "commas": lambda: _sheet(",").encode("utf-8"),
}


# Excel saves "Unicode Text" as a .txt: it was refused ("is not a file comments are imported from"), and the
# documentation said to rename it .csv.
TXT_SAVES: dict[str, Callable[[], bytes]] = {
    "Unicode Text": lambda: codecs.BOM_UTF16_LE + _sheet("\t").encode("utf-16-le"),
    "Unicode Text, Vietnamese column names": lambda: codecs.BOM_UTF16_LE + _sheet(
        "\t", ("Chủ thể góp ý", "Điều, khoản", "Nội dung góp ý")).encode("utf-16-le"),
    "Text (Tab delimited) in UTF-8": lambda: _sheet("\t").encode("utf-8"),
}
SHEETS = [("gopy.csv", save) for save in SAVES.values()] + [("gopy.txt", save) for save in TXT_SAVES.values()]


@pytest.mark.parametrize(("name", "save"), SHEETS, ids=[*SAVES, *(f"{k}, .txt" for k in TXT_SAVES)])
def test_a_sheet_is_read_whatever_separates_its_columns(consulting_workspace: Workspace, invoke: Invoke,
                                                        tmp_path: Path, name: str, save: Callable[[], bytes]) -> None:
    """A `;` sheet said "no header row naming the columns was found in its first 20 rows"; a UTF-16 one "is not
    UTF-8 text"."""
    sheet = tmp_path / name
    sheet.write_bytes(save())
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Imported 2 comments on mini-sua: ")
    assert _texts(consulting_workspace) == [("Ban A", "d2.k2", ROWS[0][2]), ("Ban B", "d1", ROWS[1][2])]


def test_a_sheet_in_another_encoding_is_refused_in_a_sentence(consulting_workspace: Workspace, invoke: Invoke,
                                                               tmp_path: Path) -> None:
    """It said "gopy.csv:2: is not UTF-8 text", a sentence with no subject."""
    sheet = tmp_path / "gopy.csv"
    sheet.write_bytes(b"by,on,text\r\nBan A,d1,\xd0\xe1ng\r\n")  # cp1258
    head = _head(consulting_workspace)
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert ("gopy.csv:2: this line is not UTF-8 text (the sheet looks saved in Windows-1258, as Excel saves a plain "
            "'CSV' on Vietnamese Windows); save the sheet as 'CSV UTF-8'.") in " ".join(result.output.split())
    assert _head(consulting_workspace) == head and _texts(consulting_workspace) == []


def test_the_separators_are_documented() -> None:
    docs = " ".join((REPO_ROOT / "docs" / "comments.md").read_text(encoding="utf-8").split())
    assert "separated by commas, by semicolons" in docs and "UTF-16" in docs


def test_a_line_the_csv_reader_cannot_split_is_said_in_a_sentence(consulting_workspace: Workspace, invoke: Invoke,
                                                                   tmp_path: Path) -> None:
    """Looking for the separator, a carriage return inside a cell not quoted was a traceback (tests/
    test_fuzz_readers.py found it)."""
    sheet = tmp_path / "gopy.csv"
    sheet.write_bytes(b"G\xc3\xb3p \xc3\xbd\r\xc4\x91\xe1\xbb\xa3t 1\nby,on,text\nBan A,d1,M\xe1\xbb\x99t\n")
    result = invoke(consulting_workspace, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "gopy.csv:1: the CSV cannot be read (new-line character seen in unquoted field" in result.output


def test_unicode_text_needs_no_renaming_in_the_documentation() -> None:
    docs = " ".join((REPO_ROOT / "docs" / "comments.md").read_text(encoding="utf-8").split())
    assert "renamed `.csv`" not in docs and "saved as a `.txt`: import it as it is" in docs


def test_the_separator_is_chosen_in_work_bounded_by_a_headers_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of the first 20 lines was split whole three times and each of its cells looked up: twenty lines of 2 MB
    took 52 s to be refused (r32 sweep AW F5). Counted: the characters split and the cells looked up, the same for a
    line of 100,000 cells as for one of 10,000."""
    import csv as real

    from regdraft.importer import comment_sheet

    split, looked = [0], [0]

    def reader(lines: list[str], delimiter: str) -> object:
        split[0] += sum(map(len, lines))
        return real.reader(lines, delimiter=delimiter)

    def column(name: str) -> str | None:
        looked[0] += 1
        return None

    monkeypatch.setattr(comment_sheet, "csv", type("Csv", (), {"reader": staticmethod(reader), "Error": real.Error}))
    monkeypatch.setattr(comment_sheet, "_column", column)
    spent = []
    for cells in (10_000, 100_000):
        split[0] = looked[0] = 0
        assert comment_sheet._separator(["x," * cells + "\n"] * comment_sheet.MAX_LEAD) == ","
        spent.append((split[0], looked[0]))
    assert spent[0] == spent[1]
    assert spent[1][1] <= comment_sheet.MAX_LEAD * 3 * comment_sheet.MAX_COLUMNS
