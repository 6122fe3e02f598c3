"""Lookalike and decomposed letters (issue 19 §2): headings and citations read after folding,
the text keeps the source letters unless asked, and the report names every line folding decided."""

from __future__ import annotations

from pathlib import Path

from regdraft.core.markdown import parse
from regdraft.core.refs import find_references
from regdraft.core.text import fold_letters, folded_letters
from regdraft.importer import import_file
from tests.conftest import FIXTURES

SOURCE = FIXTURES / "import" / "hien-phap-2013-trich.txt"


def test_fold_letters() -> None:
    assert fold_letters("\u00d0iều 5") == "Điều 5"
    assert fold_letters("\u00f0iểm a") == "điểm a"
    assert fold_letters("Chương \u0406\u0406") == "Chương II"  # Cyrillic І
    assert fold_letters("\u0430) Văn bản") == "a) Văn bản"  # Cyrillic а
    assert fold_letters("\u0301Điều 3") == "Điều 3"  # a mark on no letter
    text = "Ban Chấp hành Đảng bộ tỉnh, Thường trực Tỉnh ủy; hoà, hòa, uỷ"
    assert fold_letters(text) == text
    assert folded_letters("\u00d0iều 5") == ["Ð (U+00D0 LATIN CAPITAL LETTER ETH) as Đ"]


def _with(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "law.txt"
    path.write_text(SOURCE.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


def test_a_heading_with_a_lookalike_letter_is_read_and_noted(tmp_path: Path) -> None:
    source = _with(tmp_path, "Điều 2\n", "\u00d0iều 2\n")
    source.write_text(source.read_text(encoding="utf-8").replace(
        "và đội ngũ trí thức.\n", "và đội ngũ trí thức:\n\u0430) Công nhân;\nb) Nông dân.\n").replace(
        "Chương I\n", "Chương \u0406\n"), encoding="utf-8")
    result = import_file(source, reg_id="HP-2013")
    assert [loc.unit.label for loc in result.regulation.articles()] == ["1", "2", "3"]
    assert result.regulation.find("d2.k2.a").unit.text == ("Công nhân;",)
    assert str(result.regulation.units[0].label) == "I"
    lines = source.read_text(encoding="utf-8").split("\n")
    notes = result.report.by_category("letters")
    assert [n.where for n in notes] == [i + 1 for i, line in enumerate(lines)
                                        if line.startswith(("\u00d0", "\u0430)", "Chương \u0406"))]
    assert any("U+00D0" in n.message for n in notes)
    assert "## Điều 2" in result.text and "\u00d0" not in result.text
    assert result.report.passes_check


def test_the_text_keeps_its_letters_unless_normalised(tmp_path: Path) -> None:
    source = _with(tmp_path, "có chủ quyền", "có chủ quyền \u0441\u043e")  # Cyrillic "со"
    kept = import_file(source, reg_id="HP-2013")
    assert "chủ quyền \u0441\u043e" in kept.regulation.find("d1").unit.text[0]
    assert not kept.report.by_category("letters")
    normalised = import_file(source, reg_id="HP-2013", normalise_letters=True)
    assert "chủ quyền co," in normalised.regulation.find("d1").unit.text[0]
    [note] = normalised.report.by_category("letters")
    assert "U+0441" in note.message and note.where == next(
        i + 1 for i, line in enumerate(source.read_text(encoding="utf-8").split("\n")) if "\u0441" in line)


FM = "---\nid: X\ntype: Luật\ntitle: T\nlanguage: vi\nissuer: QUỐC HỘI\nsigned: 2015-11-24\n---\n\n"


def test_markdown_headings_and_citations_read_after_folding() -> None:
    reg = parse(FM + "# Chương I. A\n\n## \u00d0iều 1. Một\n\nVăn bản.\n\n## Điều 2. Hai\n\n"
                     "1\\. Theo \u00d0iều 1 và \u00f0iểm a khoản 2 Điều này.\n\n2\\. Hai:\n\na) Ba.\n")
    assert [loc.unit.label for loc in reg.articles()] == ["1", "2"]
    targets = [str(t) for ref in find_references(reg) for t in ref.targets]
    assert targets == ["d1", "d2.k2.a"]
