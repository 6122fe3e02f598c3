"""An English text numbering its clauses `(1)`, `(2)` (points `(a)`, `(b)` under them) imports with its clauses, and a
title line naming the kind of text (`STAFF RULES`) is its type, not its issuer (r26 sweep O defect 5): the `(1)` lines
were kept as plain text, so the points became `point a, Article 1` instead of `point a, clause 2, Article 1`, with no
note, and `STAFF RULES` was read as the issuer, the real issuer as the superior body."""

from __future__ import annotations

from pathlib import Path

from regdraft.importer import ImportResult, import_file

RULES = (
    "INTERNATIONAL WATER ASSOCIATION\n\nNo. 3/2024/IWA\n\nGeneva, 15 March 2024\n\nSTAFF RULES\n\n"
    "The General Assembly adopts the following Staff Rules:\n\n"
    "Chapter I. GENERAL PROVISIONS\n\n"
    "Article 1. Scope\n\n"
    "(1) These Rules apply to all staff members of the Association.\n\n"
    "(2) These Rules do not apply to:\n\n"
    "(a) consultants engaged under individual contracts;\n\n"
    "(b) interns and volunteers.\n\n"
    "Article 2. Annual leave\n\n"
    "A staff member accrues annual leave as follows:\n\n"
    "(1) two and a half days per month;\n\n"
    "(3) half a day in the last month.\n\n"
    "Article 3. Entry into force\n\n"
    "(2) These Rules enter into force on 1 April 2024.\n"
)


def _imported(tmp_path: Path, text: str = RULES, name: str = "rules.txt") -> ImportResult:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return import_file(source)


def test_bracketed_numbers_in_sequence_are_the_clauses_of_an_english_text(tmp_path: Path) -> None:
    result = _imported(tmp_path)
    reg = result.regulation
    assert reg.language == "en"
    assert [c.label for c in reg.find("d1").unit.children] == ["1", "2"]
    assert reg.find("d1.k1").unit.text == ("These Rules apply to all staff members of the Association.",)
    assert [p.label for p in reg.find("d1.k2").unit.children] == ["a", "b"]
    assert reg.find("d1.k2.a").unit.text == ("consultants engaged under individual contracts;",)
    notes = [n.message for n in result.report.notes if "in brackets" in n.message]
    assert notes == ["Clauses numbered in brackets (`(1)`, `(2)` …), as English rules number them, were read as "
                     "clauses, written `1\\.` in the file, the first here; a bracketed number out of sequence stays "
                     "text."]


def test_a_bracketed_number_out_of_sequence_stays_text(tmp_path: Path) -> None:
    reg = _imported(tmp_path).regulation
    # Article 2: (1) is its first clause; (3) does not follow it, so it stays text of clause 1
    assert [c.label for c in reg.find("d2").unit.children] == ["1"]
    assert reg.find("d2.k1").unit.text[-1].endswith("half a day in the last month.")
    # Article 3: a (2) that opens no sequence stays text
    assert not reg.find("d3").unit.children
    assert "(2) These Rules enter into force on 1 April 2024." in reg.find("d3").unit.text


def test_the_title_line_of_an_english_text_is_its_type_not_its_issuer(tmp_path: Path) -> None:
    meta = _imported(tmp_path).regulation.meta
    assert meta["type"] == "Staff Rules"
    assert meta["issuer"] == "INTERNATIONAL WATER ASSOCIATION"
    assert "superior" not in meta
    rules = RULES.replace("STAFF RULES", "RULES OF PROCEDURE")
    assert _imported(tmp_path, rules, "procedure.txt").regulation.meta["type"] == "Rules of Procedure"


def test_a_vietnamese_text_keeps_bracketed_numbers_as_text(tmp_path: Path) -> None:
    text = ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\n\nSố: 01-QC/TU\n\nQUY CHẾ\n\nlàm việc\n\nĐiều 1. Phạm vi\n\n"
            "(1) Quy chế này áp dụng cho các cơ quan.\n\n(2) Quy chế này không áp dụng cho cá nhân.\n")
    reg = _imported(tmp_path, text, "qc.txt").regulation
    assert reg.language == "vi"
    assert not reg.find("d1").unit.children
