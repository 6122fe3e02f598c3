"""Word 365 markup in a regulation imported from Word (r27 sweep AA): a style separator (`w:specVanish`) joins its
paragraph to the next as Word shows it, and a symbol (`w:sym`) is read as its character.

Every .docx is built here with python-docx; `regdraft import` reads them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.test_importer_docx_joined import _import, _law

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402


def test_a_style_separator_joins_its_paragraph_to_the_next_as_word_shows_it(invoke: Invoke, tmp_path: Path) -> None:
    # The clause was cut in two, a blank line between: "…gần nhất;" / "giúp Ban Thường vụ …".
    document = _law("Điều 1. Phạm vi điều chỉnh")
    first = document.add_paragraph("1. Giải quyết những vấn đề phát sinh; ")  # type: ignore[attr-defined]
    first._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {nsdecls("w")}><w:vanish/><w:specVanish/></w:rPr>'))
    document.add_paragraph("giúp Ban Thường vụ thực hiện chế độ báo cáo.")  # type: ignore[attr-defined]
    document.add_paragraph("2. Chỉ đạo phối hợp công tác.")  # type: ignore[attr-defined]
    body, output = _import(invoke, tmp_path, document)
    assert body == ("\n# Điều 1. Phạm vi điều chỉnh\n\n"
                    "1\\. Giải quyết những vấn đề phát sinh; giúp Ban Thường vụ thực hiện chế độ báo cáo.\n\n"
                    "2\\. Chỉ đạo phối hợp công tác.\n")
    assert "tracked change" not in output


def _symbol(paragraph: object, font: str, char: str) -> None:
    paragraph._p.append(parse_xml(  # type: ignore[attr-defined]
        f'<w:r {nsdecls("w")}><w:sym w:font="{font}" w:char="{char}"/></w:r>'))


def test_symbols_are_read_as_their_characters_and_one_with_none_is_said(invoke: Invoke, tmp_path: Path) -> None:
    # "kinh tế - xã hội" with the dash from the Symbol font came in as "kinh tế  xã hội", with no note.
    document = _law("Điều 1. Phạm vi điều chỉnh")
    clause = document.add_paragraph("1. Phát triển kinh tế ")  # type: ignore[attr-defined]
    _symbol(clause, "Symbol", "F02D")
    clause.add_run(" xã hội, tỷ lệ ")
    _symbol(clause, "Symbol", "F0B3")
    clause.add_run(" 5%; ")
    _symbol(clause, "Wingdings", "F0FC")
    _symbol(clause, "Wingdings", "F0E6")
    body, output = _import(invoke, tmp_path, document)
    assert "1\\. Phát triển kinh tế - xã hội, tỷ lệ ≥ 5%; ✓\uf0e6\n" in body
    assert ("1 symbol inserted from a symbol font (Wingdings F0E6) has no Unicode character and was kept as the "
            "private-use character Word stores") in " ".join(output.split())


def test_a_symbol_whose_code_is_no_character_is_left_out_and_said(invoke: Invoke, tmp_path: Path) -> None:
    # r27 sweep T2: a negative code, one past U+10FFFF, one too large for a C int and a surrogate ended the import
    # in a traceback (chr() out of range, OverflowError, UnicodeEncodeError when written).
    document = _law("Điều 1. Phạm vi điều chỉnh")
    clause = document.add_paragraph("1. Phát triển kinh tế ")  # type: ignore[attr-defined]
    for font, char in (("Symbol", "-F001"), ("Symbol", "110000"), ("Wingdings", "FFFFFFFF"), ("Arial", "D800")):
        _symbol(clause, font, char)
    clause.add_run(" xã hội; ")
    _symbol(clause, "Wingdings", "F0E6")
    body, output = _import(invoke, tmp_path, document)
    assert "1\\. Phát triển kinh tế xã hội; \uf0e6\n" in body
    said = " ".join(output.split())
    assert ("4 symbols (Symbol “-F001”, Symbol “110000”, Wingdings “FFFFFFFF”, Arial “D800”) have a code that is "
            "no character and were left out") in said
    assert "1 symbol inserted from a symbol font (Wingdings F0E6) has no Unicode character" in said
