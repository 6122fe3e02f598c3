"""Document numbers restart each term (Hướng dẫn 36-HD/VPTW): term XV's 05-QC/TU is no clash with term XIV's.

The shipped workspace with term XIV's 05-QC/TU adopted (2025-03-28), and the term XV regulation imported as
`01-QC/TU-XV` (number 01-QC/TU, `term: khóa XV, …`, replacing 01-QC/TU from 2025-10-28); an amendment to it numbered
05-QC/TU as well (r23 sweep s5years, defect 3: `amend number` refused the number, and the tag would collide).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from regdraft.workspace.adoption import adopt
from regdraft.workspace.amendments import load
from regdraft.workspace.numbers import example_number
from regdraft.workspace.redline_adopted import adoptions
from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke
from .test_replaced_regulation import _term_xv

XV_FILE = "amendments/qc-xv/amendment.md"
HEADING = "ngày 28/10/2025)\n\n## Điều 2"
INSTRUCTION = '1\\. Thay thế cụm từ "xem xét, quyết định" bằng cụm từ "quyết định" tại Điều 30.'


@pytest.fixture
def two_terms(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Workspace:
    adopt(tmp_workspace, SHIPPED_AMENDMENT, dt.date(2025, 3, 28), force="kept on paper")
    source = tmp_path / "quy-che-khoa-xv.md"
    source.write_text(_term_xv(tmp_workspace), encoding="utf-8")
    assert invoke(tmp_workspace, "import", str(source)).exit_code == 0
    assert invoke(tmp_workspace, "amend", "new", "qc-xv", "--regulation", "01-QC/TU-XV").exit_code == 0
    text = (tmp_workspace.root / XV_FILE).read_text(encoding="utf-8")
    assert HEADING in text
    tmp_workspace.commit({XV_FILE: text.replace(HEADING, f"ngày 28/10/2025)\n\n{INSTRUCTION}\n\n## Điều 2").encode()},
                         "Điều 1 of qc-xv")
    return tmp_workspace


def test_a_number_of_the_last_term_is_free_in_the_new_one(two_terms: Workspace, invoke: Invoke) -> None:
    numbered = invoke(two_terms, "amend", "number", "qc-xv", "05-QC/TU")
    assert numbered.exit_code == 0, numbered.output
    assert "qc-xv is now numbered 05-QC/TU." in numbered.output
    # Within term XV a number is still one document's: the regulation's own, 01-QC/TU, is refused.
    own = invoke(two_terms, "amend", "number", "qc-xv", "01-QC/TU")
    assert own.exit_code == 1
    assert "The number 01-QC/TU is already that of the regulation 01-QC/TU-XV" in own.output
    assert invoke(two_terms, "check").exit_code == 0


def test_within_a_term_a_number_still_clashes(two_terms: Workspace, invoke: Invoke) -> None:
    assert invoke(two_terms, "amend", "new", "qc-xiv", "--regulation", "01-QC/TU", "--force").exit_code == 0
    refused = invoke(two_terms, "amend", "number", "qc-xiv", "05-QC/TU")
    assert refused.exit_code == 1
    assert "The number 05-QC/TU is already that of the amendment 'qc-sua-doi-2025'" in refused.output
    assert invoke(two_terms, "amend", "number", "qc-xv", "05-QC/TU").exit_code == 0
    assert invoke(two_terms, "amend", "new", "qc-xv-2", "--regulation", "01-QC/TU-XV").exit_code == 0
    path = "amendments/qc-xv-2/amendment.md"
    text = (two_terms.root / path).read_text(encoding="utf-8")
    two_terms.commit({path: text.replace("number: null", "number: 05-QC/TU", 1).encode()}, "by hand")
    checked = invoke(two_terms, "check")
    assert checked.exit_code == 1
    assert "its number 05-QC/TU is that of the amendment 'qc-xv'" in checked.output
    assert "qc-sua-doi-2025" not in checked.output


def test_the_suggested_number_counts_in_its_own_term(two_terms: Workspace) -> None:
    # Term XV has only its Working Regulation, 01-QC/TU, so far; term XIV's 05-QC/TU is no part of its series.
    assert example_number(two_terms, load(two_terms, "qc-xv"), dt.date(2026, 5, 10)) == "02-QC/TU"


def test_the_later_terms_adoption_has_a_tag_of_its_own(two_terms: Workspace, invoke: Invoke) -> None:
    first = two_terms.resolve("adopted/05-QC-TU").sha
    assert invoke(two_terms, "amend", "number", "qc-xv", "05-QC/TU").exit_code == 0
    adopted = invoke(two_terms, "amend", "adopt", "qc-xv", "--signed", "2026-05-10", "--force", "--reason",
                     "test", "--json")
    assert adopted.exit_code == 0, adopted.output
    assert json.loads(adopted.stdout)["tag"] == "adopted/XV/05-QC-TU"
    # Term XIV's tag is as it was; each regulation's adoptions are found by their own tags.
    assert two_terms.resolve("adopted/05-QC-TU").sha == first
    assert [(a.amendment.slug, a.commit) for a in adoptions(two_terms, "regulations/01-QC-TU.md", "01-QC/TU")] == [
        (SHIPPED_AMENDMENT, first)]
    assert [(a.amendment.slug, a.commit) for a in adoptions(two_terms, "regulations/01-QC-TU-XV.md",
                                                            "01-QC/TU-XV")] == [
        ("qc-xv", two_terms.resolve("adopted/XV/05-QC-TU").sha)]
    assert invoke(two_terms, "check").exit_code == 0
    shown = invoke(two_terms, "show", "01-QC/TU-XV", "d30", "--as-of", "2026-06-01")
    assert shown.exit_code == 0 and "do Ban Chấp hành Đảng bộ tỉnh quyết định" in shown.output
    compared = invoke(two_terms, "redline", "01-QC/TU-XV", "--from", "adopted/XV/05-QC-TU~1", "--to",
                      "adopted/XV/05-QC-TU", "--format", "html", "-o", str(two_terms.root.parent / "r.html"))
    assert compared.exit_code == 0, compared.output
    assert "(1 change)" in compared.output
    issued = invoke(two_terms, "redline", "qc-xv", "--format", "html", "-o", str(two_terms.root.parent / "i.html"))
    assert issued.exit_code == 0, issued.output
    assert "(adopted/XV/05-QC-TU~1) against the text it left (adopted/XV/05-QC-TU)" in issued.output


IMPORTED = """TỈNH ỦY ĐIỆN BIÊN
Số 07-QC/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Điện Biên, ngày 10 tháng 5 năm 2026

QUY CHẾ
sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - 2030

Căn cứ Điều lệ Đảng Cộng sản Việt Nam;

Điều 1. {heading}

1. Thay thế cụm từ "xem xét, quyết định" bằng cụm từ "quyết định" tại Điều 30.

Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""


@pytest.mark.parametrize(("heading", "meant", "other", "why"), [
    ("Sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - 2030 "
     "(Quy chế số 01-QC/TU ngày 28/10/2025)", "01-QC/TU-XV", "01-QC/TU", "the heading cites its title"),
    ("Sửa đổi, bổ sung một số điều của Quy chế số 01-QC/TU ngày 28/10/2025", "01-QC/TU-XV", "01-QC/TU",
     "the heading cites its signing date"),
    # Term XIV's document recorded late: its heading names term XIV's text, which the file order put after term XV's.
    ("Sửa đổi, bổ sung một số điều của Quy chế số 01-QC/TU ngày 09/01/2021 của Tỉnh ủy", "01-QC/TU", "01-QC/TU-XV",
     "the heading cites its signing date")])
def test_an_amending_document_citing_a_number_both_terms_bear_amends_the_one_it_names(
        two_terms: Workspace, invoke: Invoke, tmp_path: Path, heading: str, meant: str, other: str, why: str) -> None:
    source = tmp_path / "07-QC-TU.txt"
    source.write_text(IMPORTED.format(heading=heading), encoding="utf-8")
    result = invoke(two_terms, "amend", "import", str(source), "--slug", "qc-07")
    assert result.exit_code == 0, result.output
    assert load(two_terms, "qc-07").regulation == meant
    assert f"Điều 1 amends {meant} of the workspace ({other} bears the number it cites too; {why})" in result.output
