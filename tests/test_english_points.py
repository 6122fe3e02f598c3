"""An English text letters its points as English texts do, a to z (r29 sweep AL, defect 2).

regdraft held every text to the Vietnamese alphabet (a b c d đ e g …, no f, j, w, z): `check` said of an English
bylaws' `(e)` "expected point đ after point d", `(f)` was refused, and the messages spoke of `đ`, `Bãi bỏ` and
`(được bãi bỏ)` to an English secretary. A Vietnamese text, and an English translation of one (`translation_of`,
or a text lettering a point `dd`), keep the Vietnamese alphabet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.errors import AddressError
from regdraft.core.markdown import parse, read, validate
from regdraft.core.model import Address
from regdraft.importer import import_file
from tests.test_amend_apply import amendment, regulation

HEAD = ("---\nid: BL-2024\ntype: Bylaws\ntitle: Bylaws\nlanguage: en\nissuer: International Association\n"
        "signed: 2024-03-15\n{extra}---\n\n")


def _bylaws(letters: str, extra: str = "") -> str:
    points = "".join(f"{letter}) Item {letter};\n\n" for letter in letters.split())
    return (HEAD.format(extra=extra) + "## Article 1. Definitions\n\nIn these Bylaws:\n\n" + points
            + "## Article 2. Effect\n\nThese Bylaws take effect on adoption.\n")


def _problems(text: str) -> list[str]:
    return [p.message for p in read(text, "regulations/BL-2024.md").problems]


def test_an_english_text_letters_its_points_a_to_z() -> None:
    assert _problems(_bylaws("a b c d e f g h i j k")) == []


def test_an_english_text_missing_a_letter_is_told_so_in_its_own_alphabet() -> None:
    assert _problems(_bylaws("a b c d f")) == [
        "Point f of Article 1 is out of sequence: expected point e after point d."]


def test_a_translation_and_a_text_lettering_dd_keep_the_vietnamese_alphabet() -> None:
    assert _problems(_bylaws("a b c d dd e g", "translation_of: 01-QC/TU\n")) == []
    assert _problems(_bylaws("a b c d dd e g")) == []
    assert _problems(_bylaws("a b c d e", "translation_of: 01-QC/TU\n")) == [
        "Point e of Article 1 is out of sequence: expected point dd after point d."]


def test_a_vietnamese_text_still_refuses_f() -> None:
    text = _bylaws("a b c d đ e f").replace("language: en", "language: vi").replace("Article", "Điều")
    assert any("'f' is not a point label" in p for p in _problems(text))
    with pytest.raises(AddressError, match="the Vietnamese series of points has no f"):
        Address.parse("điểm f khoản 1 Điều 2")


def test_an_english_address_names_point_f() -> None:
    reg = parse(_bylaws("a b c d e f"), "regulations/BL-2024.md")
    assert reg.find(Address.parse("a1.f", "en")).unit.text == ("Item f;",)
    assert reg.find(Address.parse("point f of Article 1", "en")).unit.text == ("Item f;",)


def test_an_english_amendment_adds_point_e_after_point_d() -> None:
    from regdraft.core.amend import apply

    reg = regulation("en")
    body = "1\\. Insert point e at the end of clause 2 of Article 2:\n\n“e) Budgets.”."
    result = apply(reg, amendment(body, "en")).regulation
    assert result.find(Address.parse("a2.c2.e", "en")).unit.text == ("Budgets.",)
    assert validate(result) == []


def test_the_import_reads_e_and_f_and_speaks_english_of_a_gap(tmp_path: Path) -> None:
    source = tmp_path / "bylaws.txt"
    source.write_text(
        "BYLAWS\n\nArticle 1. Definitions\nIn these Bylaws:\n(a) one;\n(b) two;\n(c) three;\n(d) four;\n(e) five;\n"
        "(f) six.\n\nArticle 2. Objects\nThe objects are to:\n(a) one;\n(c) three.\n", encoding="utf-8")
    result = import_file(source, "BL-2024", language="en")
    points = [u.label for u in result.regulation.find(Address.parse("a1", "en")).unit.children]
    assert points == ["a", "b", "c", "d", "e", "f"]
    messages = [n.message for n in result.report.notes]
    assert not [m for m in messages if "Vietnamese" in m or "đ" in m]
    gap = next(m for m in messages if "missing from the numbering" in m)
    assert "(`Point b of Article 2 is repealed.`)" in gap and "`(repealed)`" in gap
    assert "Bãi bỏ" not in gap and "được" not in gap
