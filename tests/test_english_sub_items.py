"""Sub-items numbered `(i)`, `(ii)` … under a point of an English text are noted at import, each, as a point out of
sequence is (r34 sweep BE, point 2): `(i)` was noted as "point i, but the points above have reached b", and `(ii)`
had no note at all. They stay text of their point, as before; `(i)` right after point (h) is point i."""

from __future__ import annotations

from pathlib import Path

from regdraft.importer import import_file

RULES = """STAFF RULES

Article 1. Definitions

In these Staff Rules:

(a) "staff member" means a person appointed by the Secretary-General;

(b) "dependant" means:

(i) a spouse whose annual income does not exceed the lowest salary of the Council;

(ii) a child under 18 years of age;

(iii) a child under 21 years of age in full-time education;

(c) "salary" means the gross salary set out in Schedule 1.

Article 2. Matters for the Board

The Board shall decide:

(a) the accounts;

(b) the budget;

(c) the salary scale;

(d) the allowances;

(e) the staff regulations;

(f) the pension scheme;

(g) disciplinary appeals;

(h) the audit;

(i) any other business.
"""


def test_each_roman_sub_item_under_a_point_is_noted_and_kept_as_its_text(tmp_path: Path) -> None:
    source = tmp_path / "rules.txt"
    source.write_text(RULES, encoding="utf-8")
    result = import_file(source, "1/2025/SR", language="en")
    point = result.regulation.find("d1.b").unit
    assert point.text == ('"dependant" means:',
                          "(i) a spouse whose annual income does not exceed the lowest salary of the Council;",
                          "(ii) a child under 18 years of age;",
                          "(iii) a child under 21 years of age in full-time education;")
    noted = [(n.where, n.message) for n in result.report.notes if n.category == "unclassified"]
    assert noted == [(line, f"This looks like sub-item ({number}) of point b; regdraft numbers no unit below a "
                            "point, so it was kept as text of point b.")
                     for line, number in ((11, "i"), (13, "ii"), (15, "iii"))]
    # After point (h), `(i)` is point i.
    assert result.regulation.find("d2.i").unit.text == ("any other business.",)


def test_a_vietnamese_text_notes_as_before(tmp_path: Path) -> None:
    source = tmp_path / "quy-che.txt"
    source.write_text("QUY CHẾ\n\nĐiều 1. Giải thích\n\n1. Người lao động là:\n\na) người được tuyển dụng;\n\n"
                      "(ii) người được điều động.\n", encoding="utf-8")
    result = import_file(source, "01-QC/TU", language="vi")
    assert not [n for n in result.report.notes if n.category == "unclassified"]
    assert result.regulation.find("d1.k1.a").unit.text[-1] == "(ii) người được điều động."
