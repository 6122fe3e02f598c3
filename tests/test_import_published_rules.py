"""The published form (a Quyết định followed by the Quy chế it issues) as real copies print it: the attached
Quy chế's own header has a rule under its issuer and one under the Tiêu ngữ (`-------`, `_______`,
`---------------`). Whatever rules it prints, the import keeps the Quyết định's signature and recipients and the
Quy chế's body, as it does when the header prints none (r24 a-regress, defect 1). The title takes its capitals
from the Quyết định's running text (`Ban hành Quy chế công tác thanh niên …`), not from the header's summary line
printed with a capital because it starts a line (defect 5)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.frontmatter import load_yaml
from regdraft.importer import import_file
from tests.test_import_state_regulation import HEADER, REGULATION, SIGNED

RULES = (None, "-----", "_______", "---------------")
DECISION = """
QUYẾT ĐỊNH
Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026

ỦY BAN NHÂN DÂN TỈNH LÀO CAI

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 9 năm 2021.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.

Nơi nhận:
- Như Điều 3;
- Bộ Nội vụ;
- Lưu: VT, NC.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Trọng Hài

"""
SIGNER = {"on_behalf": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Trọng Hài"}


def _attached_header(under_issuer: str | None, under_motto: str | None) -> str:
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", under_issuer, "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", under_motto, ""]
    return "\n".join(line for line in lines if line is not None) + "\n"


def _imported(tmp_path: Path, text: str) -> Any:
    source = tmp_path / "quyet-dinh.txt"
    source.write_text(text, encoding="utf-8")
    return import_file(source)


def _front(result: Any) -> dict[str, Any]:
    front = load_yaml(result.text.split("---\n")[1])
    assert isinstance(front, dict)
    return front


@pytest.mark.parametrize(("under_issuer", "under_motto"), list(itertools.product(RULES, RULES)))
def test_the_attached_headers_rule_lines_keep_the_decisions_signature(tmp_path: Path, under_issuer: str | None,
                                                                       under_motto: str | None) -> None:
    plain = _imported(tmp_path, HEADER + DECISION + _attached_header(None, None) + REGULATION)
    result = _imported(tmp_path, HEADER + DECISION + _attached_header(under_issuer, under_motto) + REGULATION)
    front, expected = _front(result), _front(plain)
    assert expected["signer"] == SIGNER
    assert expected["recipients"] == ["Như Điều 3;", "Bộ Nội vụ;", "Lưu: VT, NC."]
    assert front["signer"] == SIGNER and front["recipients"] == expected["recipients"]
    assert result.text.split("---\n", 2)[2] == plain.text.split("---\n", 2)[2]  # the body
    assert {k: v for k, v in front.items()} == expected
    assert not any("cut off" in n.message for n in result.report.notes)
    assert result.report.passes_check


@pytest.mark.parametrize("rule", RULES[1:])
def test_a_rule_in_the_decisions_own_header_too(tmp_path: Path, rule: str) -> None:
    header = HEADER.replace("TỈNH LÀO CAI\n", f"TỈNH LÀO CAI\n{rule}\n").replace("Hạnh phúc\n", f"Hạnh phúc\n{rule}\n")
    result = _imported(tmp_path, header + DECISION + _attached_header(rule, rule) + REGULATION)
    front = _front(result)
    assert front["signer"] == SIGNER and front["issuer"] == "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    assert front["id"] == "15/2021/QĐ-UBND" and str(front["effective"]) == "2021-09-01"


def _published(subject: str, cited: str) -> str:
    """The published form of a Quy chế whose header's summary line is `subject` and which the Quyết định cites
    in running text as `cited`."""
    decision = DECISION.replace("Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026", cited)
    regulation = REGULATION.replace("Làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026", subject)
    return HEADER + decision + _attached_header("-------", "---------------") + regulation


@pytest.mark.parametrize(("subject", "title"), [
    # r24 a-regress defect 5: it read `Quy chế Công tác thanh niên …`.
    ("Công tác thanh niên trên địa bàn tỉnh Lào Cai", "Quy chế công tác thanh niên trên địa bàn tỉnh Lào Cai"),
    # A subject the importer's list does not hold: the decision's running text gives its capitals.
    ("Nâng bậc lương trước thời hạn đối với công chức", "Quy chế nâng bậc lương trước thời hạn đối với công chức"),
    # A name keeps its capitals, as the decision writes them.
    ("Giải thưởng Báo chí tỉnh Lào Cai", "Quy chế Giải thưởng Báo chí tỉnh Lào Cai"),
])
def test_the_title_takes_the_decisions_capitals(tmp_path: Path, subject: str, title: str) -> None:
    result = _imported(tmp_path, _published(subject, title))
    assert _front(result)["title"] == title
    assert result.report.passes_check


def test_a_decision_in_capitals_gives_no_capitals(tmp_path: Path) -> None:
    text = _published("Giải thưởng Báo chí tỉnh Lào Cai", "Quy chế Giải thưởng Báo chí tỉnh Lào Cai")
    text = text.replace("Ban hành Quy chế Giải thưởng Báo chí tỉnh Lào Cai\n",
                        "BAN HÀNH QUY CHẾ GIẢI THƯỞNG BÁO CHÍ TỈNH LÀO CAI\n").replace(
        "Quyết định này Quy chế Giải thưởng Báo chí tỉnh Lào Cai", "Quyết định này Quy chế")
    assert _front(_imported(tmp_path, text))["title"] == "Quy chế Giải thưởng Báo chí tỉnh Lào Cai"


@pytest.mark.parametrize(("subject", "title"), [
    ("Công tác văn thư, lưu trữ của Ủy ban nhân dân tỉnh",
     "Quy chế công tác văn thư, lưu trữ của Ủy ban nhân dân tỉnh"),
    ("Tiếp công dân của Ủy ban nhân dân tỉnh", "Quy chế tiếp công dân của Ủy ban nhân dân tỉnh"),
    ("Văn hóa công sở tại các cơ quan", "Quy chế văn hóa công sở tại các cơ quan"),
    ("Giải thưởng Báo chí tỉnh Lào Cai", "Quy chế Giải thưởng Báo chí tỉnh Lào Cai"),
])
def test_a_quy_che_alone_lowers_its_usual_subjects(tmp_path: Path, subject: str, title: str) -> None:
    regulation = REGULATION.replace("Làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026", subject)
    assert _front(_imported(tmp_path, HEADER + "\n" + regulation + SIGNED))["title"] == title
