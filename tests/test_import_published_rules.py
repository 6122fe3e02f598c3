"""The published form (a Quyết định followed by the Quy chế it issues) as real copies print it: the attached
Quy chế's own header has a rule under its issuer and one under the Tiêu ngữ (`-------`, `_______`,
`---------------`). Whatever rules it prints, the import keeps the Quyết định's signature and recipients and the
Quy chế's body, as it does when the header prints none (r24 a-regress, defect 1)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.frontmatter import load_yaml
from regdraft.importer import import_file
from tests.test_import_state_regulation import HEADER, REGULATION

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
