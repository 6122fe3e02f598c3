"""A UTF-16 sheet without its byte-order mark is read as UTF-16 to its end, or refused at the line at fault (r33 sweep
AZ F5): a surrogate alone in its first 4 KB made it read as UTF-8 ("this line is not UTF-8 text"), and only those
4 KB decided, so what followed them was imported whatever it held."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from regdraft.core.errors import ParseError
from regdraft.importer.comment_sheet import read_sheet
from tests.test_importer_real_laws import _cp1258 as cp1258

HEADER = "Chủ thể góp ý\tĐiều, khoản\tNội dung góp ý\r\n"
ROW = "Ban Tổ chức Tỉnh ủy\tkhoản 2 Điều 5\tĐề nghị sửa thời hạn báo cáo cho phù hợp.\r\n"


def _sheet(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "gop-y.txt"
    path.write_bytes(data)
    return path


def _refused(path: Path) -> str:
    with pytest.raises(ParseError) as caught:
        read_sheet(path)
    return str(caught.value)


@pytest.mark.parametrize(("rows", "name"), [(1, "utf-16-le"), (1, "utf-16-be"), (300, "utf-16-le")])
def test_a_surrogate_alone_is_named_at_its_line_as_utf16(tmp_path: Path, rows: int, name: str) -> None:
    # In the first 4 KB (rows 1) or far past them (300 rows: 40 KB), where the decoder read 8 KB at a time.
    lone = b"\x00\xd8" if name.endswith("le") else b"\xd8\x00"
    data = (HEADER + ROW * rows).encode(name) + lone + ROW.encode(name) + (ROW * 3).encode(name)
    said = _refused(_sheet(tmp_path, data))
    assert said == (f"gop-y.txt:{rows + 2}: the sheet is saved as UTF-16 ('Unicode'), but this line is not UTF-16 "
                    "text (the file may be cut off or damaged); save the sheet as 'CSV UTF-8'."), said


def _not_text(rng: random.Random, size: int) -> str:
    """Characters of no text: controls, private-use and unassigned code points, some letters and the separators
    between them, in rows of three cells."""
    pool = [chr(c) for c in (*range(0x01, 0x09), *range(0x0E, 0x20), *range(0xE000, 0xE100), 0x0378, 0x0530,
                             0xFFFE, 0xFFFF, *range(0x4E00, 0x4E40), *range(0x61, 0x7B))]
    cells = ("".join(rng.choice(pool) for _ in range(rng.randint(5, 40))) for _ in range(size))
    return "".join(f"{a}\t{b}\t{c}\n" for a, b, c in zip(cells, cells, cells, strict=False))


@pytest.mark.parametrize("name", ["utf-16-le", "utf-16-be"])
def test_what_does_not_read_as_text_after_the_first_4_kb_is_refused_at_its_line(tmp_path: Path, name: str) -> None:
    rows = 40  # 4.5 KB of UTF-16: the sample decides on text alone
    data = (HEADER + ROW * rows + _not_text(random.Random(33), 300)).encode(name)
    said = _refused(_sheet(tmp_path, data))
    assert said.startswith(f"gop-y.txt:{rows + 2}: the sheet is read as UTF-16 ('Unicode') from its first 4,096 "
                           "bytes, but from this line on it does not read as text"), said


def test_a_long_sheet_of_text_with_other_scripts_and_word_marks_is_read_whole(tmp_path: Path) -> None:
    # Chinese and Russian in a comment, Word's cell mark (U+0007) and the Symbol font's U+F0B7 are text.
    rows = [ROW, "Sở Ngoại vụ\tĐiều 3\tĐề nghị dẫn nguyên văn 中华人民共和国外交部 và Министерство.\r\n",
            "Văn phòng\tĐiều 4\tĐề nghị sửa\a thời hạn \uf0b7 báo cáo.\r\n"]
    data = (HEADER + "".join(rows) * 200).encode("utf-16-le")
    assert len(read_sheet(_sheet(tmp_path, data))) == 600


def test_a_utf16_sheet_tests_only_its_lines_holding_a_character_not_printed(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # r34 sweep BC F1: every character of every line went through a class of about 700 ranges (3 µs a character:
    # 20 s for 150,000 rows, against 0.4 s in UTF-8), built from all 1,114,112 code points (1 s).
    from regdraft.importer import sheet_text

    sheet_text._foreign.cache_clear()
    looked_up: list[str] = []

    def category(char: str) -> str:
        looked_up.append(char)
        return unicodedata.category(char)

    monkeypatch.setattr(sheet_text, "unicodedata", SimpleNamespace(category=category))
    built, tested = sheet_text._foreign, []

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def findall(self, text: str) -> list[str]:
            tested.append(len(text))
            return self.pattern.findall(text)

    monkeypatch.setattr(sheet_text, "_foreign", lambda: Counting(built()))
    unusual = ["Sở Tư pháp\tĐiều 4\tĐề nghị sửa\u00a0thời hạn \uf0b7 báo cáo 😀 \U000f0001.\r\n"]
    data = (HEADER + ROW * 3000 + "".join(unusual) + ROW * 3000).encode("utf-16-le")
    assert len(read_sheet(_sheet(tmp_path, data))) == 6001
    assert sum(tested) <= sum(map(len, unusual)), tested
    assert len(looked_up) <= 0x10000 + 2, len(looked_up)  # the Basic Multilingual Plane, and the line's two beyond it


def test_the_foreign_characters_of_a_line_are_counted_as_each_one_is_judged() -> None:
    from regdraft.importer import sheet_text

    rng = random.Random(34)
    pool = [chr(c) for c in (*range(0x00, 0x21), *range(0x7F, 0xA1), 0xAD, 0x200B, 0x2028, 0xFEFF, 0x0378, 0xFFFF,
                             *range(0xE000, 0xE004), *range(0xF0A0, 0xF0A4), 0x1F600, 0x1F9FF, 0x2FFFF, 0x3134B,
                             0x40000, 0xE0001, 0xE01EF, 0xF0000, 0x10FFFD, 0xD800, *range(0x61, 0x7B),
                             *map(ord, "ờệĐ中"))]
    for size in (*range(1, 40), 200, 5000):
        for _ in range(20):
            line = "".join(rng.choice(pool) for _ in range(size)).replace("\r", "").replace("\n", "")
            line += rng.choice(["", "\n", "\r\n", "\r"])
            counted = 0 if sheet_text._printable(line) else sheet_text._foreign_in(line)
            assert counted == sum(sheet_text._is_foreign(ord(char)) for char in line), ascii(line)


@pytest.mark.parametrize(("encode", "named"), [
    (cp1258, "Windows-1258, as Excel saves a plain 'CSV' on Vietnamese Windows"),
    (lambda text: text.encode("cp1252", errors="replace"), "Windows-1252, as Excel saves a plain 'CSV' on Windows set "
                                                           "to a Western language, which cannot hold most Vietnamese "
                                                           "letters"),
])
def test_a_sheet_saved_in_an_old_encoding_is_named_as_import_names_it(tmp_path: Path, encode: object,
                                                                      named: str) -> None:
    """A plain 'CSV' of old Excel was refused as "saved in another encoding"; `import` names Windows-1258 (r35 BI)."""
    data = encode((HEADER + ROW * 3).replace("\t", ","))  # type: ignore[operator]
    said = _refused(_sheet(tmp_path, data).rename(tmp_path / "gop-y.csv"))
    assert said == f"gop-y.csv:1: this line is not UTF-8 text (the sheet looks saved in {named}); save the sheet as " \
                   "'CSV UTF-8'.", said
