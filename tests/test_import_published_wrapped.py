"""The published form (a Decision followed by the Quy chế it issues) copied from a PDF: hard-wrapped at 64-100
columns, with and without blank lines, it imports exactly as the clean text does (r23 s12scale defect 3: the
wrapped `(Ban hành kèm theo …` line was joined onto the title line above it, or left open over two lines, so the
Quy chế was not found and the file read as one Quyết định with Điều 1-3 twice)."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

import pytest

from regdraft.importer import import_file
from tests.test_import_state_regulation import DECISION, HEADER, ISSUED_WITH, REGULATION

WHO = ("Ủy ban nhân dân tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
       "Các sở, ban, ngành", "Thủ trưởng các cơ quan chuyên môn", "Ủy ban nhân dân cấp huyện")
TOPICS = ("công tác cải cách hành chính", "việc tiếp công dân", "công tác thi đua, khen thưởng",
          "công tác quốc phòng, an ninh")
DUTIES = ("chủ trì, phối hợp xây dựng chương trình công tác năm",
          "chịu trách nhiệm trước Hội đồng nhân dân tỉnh về kết quả thực hiện nhiệm vụ được giao",
          "báo cáo định kỳ kết quả thực hiện chế độ thông tin, báo cáo theo quy định",
          "tham mưu, đề xuất những vấn đề về phát triển kinh tế - xã hội trên địa bàn tỉnh")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")


def _generated(articles: int) -> str:
    """A Quy chế of `articles` articles in chapters of ten, each of one to three clauses longer than a PDF line."""
    pick = random.Random(7).choice
    lines = REGULATION.split("\n")[:4]  # its type, title and `(Ban hành kèm theo …)` lines
    for n in range(1, articles + 1):
        if n % 10 == 1:
            lines += [f"Chương {ROMAN[n // 10]}", "QUY ĐỊNH VỀ CÔNG TÁC", ""]
        lines.append(f"Điều {n}. Trách nhiệm của {pick(WHO)} trong {pick(TOPICS)}")
        lines += [f"{k}. {pick(WHO)} {pick(DUTIES)} và {pick(DUTIES)}." for k in range(1, 1 + n % 3 + 1)]
        lines.append("")
    return "\n".join(lines)


def _wrapped(text: str, width: int, blanks: bool) -> str:
    lines = [part for line in text.split("\n") for part in (textwrap.wrap(line, width) or [""])]
    return "\n".join(line for line in lines if blanks or line) + "\n"


def _imported(tmp_path: Path, text: str) -> Any:
    source = tmp_path / "quy-che.txt"  # one name: the front matter's `source` is the same
    source.write_text(text, encoding="utf-8")
    return import_file(source)


@pytest.mark.parametrize("regulation", [REGULATION, _generated(70)], ids=["test-text", "generated-70"])
def test_a_hard_wrapped_copy_of_the_published_form_imports_as_the_clean_text(tmp_path: Path, regulation: str) -> None:
    clean = HEADER + DECISION + regulation
    expected = _imported(tmp_path, clean).text
    assert "type: Quy chế" in expected and f"issued_with: {ISSUED_WITH}" in expected
    for blanks in (True, False):
        for width in range(64, 101, 2):
            assert _imported(tmp_path, _wrapped(clean, width, blanks)).text == expected, (width, blanks)


def test_the_issued_with_line_wrapped_in_a_text_not_hard_wrapped(tmp_path: Path) -> None:
    # The report's dec_wrapped.txt: only three of the Quy chế's lines wrapped at 80 columns, too few for the file
    # to read as hard-wrapped; the bracket of `(Ban hành kèm theo …` closes on the next line.
    regulation = "\n".join(part for line in REGULATION.split("\n") for part in (textwrap.wrap(line, 80) or [""]))
    result = _imported(tmp_path, HEADER + DECISION + regulation)
    front = result.text.split("---\n")[1]
    assert "type: Quy chế" in front and f"issued_with: {ISSUED_WITH}" in front
    assert "title: Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026\n" in front
    assert [a.unit.label for a in result.regulation.articles()] == ["1", "2", "3"]
    said = "Line 29 closes the bracket of '(Ban hành kèm theo …' on line 28: the lines were read as one."
    assert any(n.where == 29 and n.message == said for n in result.report.notes)


@pytest.mark.parametrize("width", [None, 64, 80])
def test_a_decisions_authority_line_is_its_preamble_not_its_title(tmp_path: Path, width: int | None) -> None:
    # The issuer printed over two lines (`ỦY BAN NHÂN DÂN` / `TỈNH LÀO CAI`), then on one under the title: it was
    # glued onto the title ("… nhiệm kỳ 2021 - 2026 ỦY BAN NHÂN DÂN TỈNH LÀO CAI"), clean or wrapped.
    text = HEADER + DECISION
    result = _imported(tmp_path, text if width is None else _wrapped(text, width, True))
    front, body = result.text.split("---\n")[1:3]
    title = "Quyết định ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026"
    assert f"title: {title}\n" in front
    assert body.lstrip().startswith("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\n\nCăn cứ Luật Tổ chức chính quyền địa phương")
