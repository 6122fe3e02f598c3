"""`amend import` of a .txt or .docx amending document reads its words as text, as `regdraft import` reads a
regulation's (escape32).

A regulation imported from a text file stores `2*3*4` as `2\\*3\\*4` (`core.inline.as_text`), so that it prints as
written. The amending document's quoted words were written raw: `Thay thế cụm từ “2*3*4” …` found the phrase 0 times
and was refused, and its quoted new text `*B*` printed in italics. Now its paragraphs are written as text, the words
an instruction quotes are escaped wherever Markdown could read them (`as_words`), and a phrase is matched as it reads,
escapes resolved (`core.amend.phrases`), so `“b_c”` finds `b\\_c` and `“*A”` finds `*A` either way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.core.amend.phrases import count, find, replace
from regdraft.core.inline import as_words
from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke, needs_corpus
from tests.test_import_literal_text import HEADER  # a law's header, as a text file writes it

REGULATION = HEADER + """Điều 1. Phạm vi điều chỉnh

Luật này quy định tỷ lệ 2*3*4 và mã __x__ của hồ sơ.

Điều 2. Giải thích từ ngữ

1. Mã số _b_c_ là mã của hồ sơ.

2. Ký hiệu *A* là mẫu.

3. Ký hiệu *A là mẫu cũ.

Điều 3. Hiệu lực thi hành

Luật này có hiệu lực từ ngày 01 tháng 01 năm 2021.

Luật này đã được Quốc hội khóa XIV thông qua ngày 19 tháng 6 năm 2020.

CHỦ TỊCH QUỐC HỘI
Nguyễn Thị Kim Ngân
"""

AMENDING = """QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Luật số: 100/2026/QH15 | Hà Nội, ngày 10 tháng 3 năm 2026
LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT THỬ NGHIỆM
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Điều 1. Sửa đổi, bổ sung một số điều của Luật Thử nghiệm
1. Thay thế cụm từ “2*3*4” bằng cụm từ “5*6*7” tại Điều 1.
2. Thay thế cụm từ “_b_c_” bằng cụm từ “_d_e_” tại khoản 1 Điều 2.
3. Thay thế cụm từ “*A là mẫu cũ” bằng cụm từ “*C là mẫu mới” tại khoản 3 Điều 2.
4. Sửa đổi, bổ sung khoản 2 Điều 2 như sau:
“2. Ký hiệu *B* là mẫu __mới__.”
Điều 2. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.
Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, Kỳ họp thứ 9 thông qua ngày 10 tháng 3 năm 2026.
CHỦ TỊCH QUỐC HỘI
Trần Thanh Mẫn
"""


def test_a_phrase_is_matched_as_it_reads() -> None:
    text = "Tỷ lệ 2\\*3\\*4 và mã b\\_c, ký hiệu *A."
    assert count(text, "2*3*4") == count(text, "2\\*3\\*4") == 1
    assert find(text, "b_c") == find(text, "b\\_c") == [(text.index("b\\_c"), text.index(","))]
    assert count(text, "\\*A") == count(text, "*A") == 1
    assert count(text, "b") == 0  # whole words as they read: `b_c` is one word
    assert replace(text, "2*3*4", "5\\*6\\*7") == ("Tỷ lệ 5\\*6\\*7 và mã b\\_c, ký hiệu *A.", 1)
    assert count("Tỷ lệ 2*3*4.", "2\\*3\\*4") == 1  # the other way round
    assert as_words("*C là mẫu") == "\\*C là mẫu" and as_words("O&M") == "O&M"


@pytest.fixture
def imported(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Workspace:
    (tmp_path / "luat.txt").write_text(REGULATION, encoding="utf-8")
    (tmp_path / "sua-doi.txt").write_text(AMENDING, encoding="utf-8")
    assert invoke(empty_workspace, "import", str(tmp_path / "luat.txt")).exit_code == 0
    result = invoke(empty_workspace, "amend", "import", str(tmp_path / "sua-doi.txt"), "--slug", "a100")
    assert result.exit_code == 0, result.output
    return empty_workspace


def test_quoted_words_of_an_imported_amending_text_find_the_imported_regulations_words(
        imported: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = imported
    stored = (ws.root / "regulations" / "99-2020-QH14.md").read_text(encoding="utf-8")
    assert "2\\*3\\*4" in stored and "\\_b_c\\_" in stored  # as `regdraft import` writes them (wording31)
    assert "3\\. Ký hiệu *A là mẫu cũ." in stored  # it reads as typed: as it is
    written = (ws.root / "amendments" / "a100" / "amendment.md").read_text(encoding="utf-8")
    assert "cụm từ “2\\*3\\*4” bằng cụm từ “5\\*6\\*7”" in written
    assert "cụm từ “\\*A là mẫu cũ” bằng cụm từ “\\*C là mẫu mới”" in written  # read as typed on its line
    assert "“2. Ký hiệu \\*B\\* là mẫu \\_\\_mới\\_\\_.”" in written
    check = invoke(ws, "amend", "check", "a100")
    assert check.exit_code == 0, check.output
    page = tmp_path / "hop-nhat.html"
    assert invoke(ws, "amend", "adopt", "a100").exit_code == 0
    assert invoke(ws, "export", "99/2020/QH14", "-o", str(page)).exit_code == 0
    printed = " ".join(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")).split())
    assert "<em>" not in page.read_text(encoding="utf-8")
    for words in ("tỷ lệ 5*6*7 và mã __x__", "Mã số _d_e_ là mã của hồ sơ.", "Ký hiệu *C là mẫu mới.",
                  "Ký hiệu *B* là mẫu __mới__."):
        assert words in printed, words


CORPUS = SHARED / "corpus" / "amendments"


@needs_corpus
@pytest.mark.parametrize(("folder", "base", "amending"), [
    ("nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt"),
    ("luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt"),
])
def test_a_real_amending_law_needs_no_escape(invoke: Invoke, tmp_path: Path, folder: str, base: str,
                                             amending: str) -> None:
    """The corpus's amending laws hold no mark Markdown reads (`O&M`, `R&D` read as typed): written as before."""
    root = tmp_path / "ws"
    assert invoke(None, "init", str(root)).exit_code == 0
    assert invoke(root, "import", str(CORPUS / folder / base)).exit_code == 0
    assert invoke(root, "amend", "import", str(CORPUS / folder / amending), "--slug", "a").exit_code == 0
    written = (root / "amendments" / "a" / "amendment.md").read_text(encoding="utf-8")
    assert not re.search(r"\\[*_`\[<&\\]", written)
