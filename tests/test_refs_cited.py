"""One citation of several provisions is one finding (sweep r31/AR, flaws 2).

`points b to f of clause 1 of Article 2` gave `amend check` five nearly identical "requires checking" lines, one per
point, and the HTML redline's list of references the same five; a Vietnamese `các điểm a, b và c khoản 1 Điều 2` or
`từ điểm b đến điểm e …` three and five, and `check` one line per provision of a citation of provisions that do not
exist. Each citation is now one line naming the provisions it covers (`core.refs.cited`), in English and Vietnamese.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from regdraft.core.markdown import parse
from regdraft.core.model import Address, Regulation, map_units, repealed_unit
from regdraft.core.refs import missing_problems
from regdraft.render.profile import load_profile
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import Invoke

EN = """---
id: 01/2024/SR-SH
type: Staff Rules
title: Staff Rules of the Society
language: en
issuer: THE SOCIETY
place: Hanoi
signed: 2024-01-10
effective: 2024-01-10
---

## Article 1. Scope

1\\. These Rules govern staff.

## Article 2. Duties

1\\. Staff shall:

a) attend meetings;

b) keep records;

c) report monthly;

d) answer letters;

e) keep the seal;

f) file returns.

2\\. Staff shall not disclose records.

## Article 3. References

1\\. Duties are those in Article 2(1)(a) and (e).

2\\. The tasks in points (a) to (c) of clause 1 of Article 2 are daily.

3\\. As set out in paragraph 1, the rules in points b to f of clause 1 of Article 2 apply.
"""

VI = """---
id: 01-QC/TU
type: Quy chế
title: Quy chế làm việc
language: vi
issuer: TỈNH ỦY ĐIỆN BIÊN
place: Điện Biên
signed: 2024-01-10
effective: 2024-01-10
---

## Điều 1. Phạm vi

1\\. Quy chế này áp dụng cho cán bộ.

## Điều 2. Nhiệm vụ

1\\. Cán bộ có nhiệm vụ:

a) dự họp;

b) giữ hồ sơ;

c) báo cáo hằng tháng;

d) trả lời thư;

đ) giữ con dấu;

e) nộp báo cáo.

2\\. Cán bộ không được tiết lộ hồ sơ.

## Điều 3. Dẫn chiếu

1\\. Nhiệm vụ tại các điểm a, b và c khoản 1 Điều 2 là hằng ngày.

2\\. Nhiệm vụ từ điểm b đến điểm e khoản 1 Điều 2 được áp dụng.

3\\. Nhiệm vụ tại điểm a và điểm đ khoản 1 Điều 2 là chính.
"""

EN_AMENDMENT = """---
number: null
type: Staff Rules
title: Staff Rules amending the Staff Rules of the Society
regulation: 01/2024/SR-SH
language: en
status: draft
draft: 1
signed: null
effective: null
issuer: THE SOCIETY
place: Hanoi
---

The Society issues the Staff Rules amending the Staff Rules of the Society, as follows:

## Article 1. Amendments to the Staff Rules of the Society

1\\. Clause 1 of Article 2 is amended to read:

“1\\. Staff shall:

a) attend all meetings;

b) keep full records;

c) report weekly;

d) answer letters promptly;

e) keep the seal safe;

f) file returns yearly.”

## Article 2. Entry into force

These Staff Rules take effect on the date of signing.
"""

VI_AMENDMENT = """---
number: null
type: Quy chế
title: Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc
regulation: 01-QC/TU
language: vi
status: draft
draft: 1
signed: null
effective: null
issuer: TỈNH ỦY ĐIỆN BIÊN
place: Điện Biên
---

Tỉnh ủy Điện Biên ban hành Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc như sau:

## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế làm việc

1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:

“1\\. Cán bộ có nhiệm vụ:

a) dự đủ các cuộc họp;

b) giữ đầy đủ hồ sơ;

c) báo cáo hằng tuần;

d) trả lời thư kịp thời;

đ) giữ con dấu an toàn;

e) nộp báo cáo hằng năm.”.

## Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""

EN_CHECKED = [
    "regulations/01-2024-SR-SH.md:36: clause 1, Article 3 refers to points a and e of clause 1 of Article 2 "
    '("Article 2(1)(a) and (e)"); the amendment changes clause 1, Article 2: check that the reference still holds.',
    # As written, but for the brackets around its letters: no need to quote it.
    "regulations/01-2024-SR-SH.md:38: clause 2, Article 3 refers to points a to c of clause 1 of Article 2; the "
    "amendment changes clause 1, Article 2: check that the reference still holds.",
    "regulations/01-2024-SR-SH.md:40: clause 3, Article 3 refers to points b to f of clause 1 of Article 2; the "
    "amendment changes clause 1, Article 2: check that the reference still holds.",
]

VI_CHECKED = [
    "regulations/01-QC-TU.md:36: khoản 1 Điều 3 refers to các điểm a, b và c khoản 1 Điều 2; the amendment changes "
    "khoản 1 Điều 2: check that the reference still holds.",
    "regulations/01-QC-TU.md:38: khoản 2 Điều 3 refers to từ điểm b đến điểm e khoản 1 Điều 2; the amendment "
    "changes khoản 1 Điều 2: check that the reference still holds.",
    "regulations/01-QC-TU.md:40: khoản 3 Điều 3 refers to điểm a và điểm đ khoản 1 Điều 2; the amendment changes "
    "khoản 1 Điều 2: check that the reference still holds.",
]


def _workspace(root: Path, regulation: str, amendment: str) -> tuple[Workspace, str, str]:
    ws = init_workspace(root)
    reg = parse(regulation.encode(), "r.md")
    path = f"regulations/{reg.id.replace('/', '-')}.md"
    ws.commit({path: regulation.encode(), "amendments/a1/amendment.md": amendment.encode()}, "Add the texts")
    return ws, reg.id, path


@pytest.mark.parametrize(("regulation", "amendment", "expected"), [
    (EN, EN_AMENDMENT, EN_CHECKED), (VI, VI_AMENDMENT, VI_CHECKED)], ids=["en", "vi"])
def test_amend_check_says_each_citation_of_several_points_once(tmp_path: Path, invoke: Invoke, regulation: str,
                                                               amendment: str, expected: list[str]) -> None:
    ws, _, _ = _workspace(tmp_path / "ws", regulation, amendment)
    result = invoke(ws, "amend", "check", "a1")
    assert result.exit_code == 0, result.output
    said = [line.removeprefix("requires checking: ") for line in result.output.splitlines()
            if line.startswith("requires checking: ")]
    assert said == expected  # were 10 lines in English (2 + 3 + 5), 11 in Vietnamese (3 + 5 + 2)


@pytest.mark.parametrize(("regulation", "amendment", "expected"), [
    (EN, EN_AMENDMENT, [
        "Clause 1, Article 3 refers to points a and e of clause 1 of Article 2 (“Article 2(1)(a) and (e)”); the "
        "amendment changes clause 1, Article 2: check that the reference still holds.",
        "Clause 2, Article 3 refers to points a to c of clause 1 of Article 2; the amendment changes clause 1, "
        "Article 2: check that the reference still holds.",
        "Clause 3, Article 3 refers to points b to f of clause 1 of Article 2; the amendment changes clause 1, "
        "Article 2: check that the reference still holds."]),
    (VI, VI_AMENDMENT, [
        "Khoản 1 Điều 3 dẫn chiếu các điểm a, b và c khoản 1 Điều 2; dự thảo sửa đổi khoản 1 Điều 2: cần rà soát.",
        "Khoản 2 Điều 3 dẫn chiếu từ điểm b đến điểm e khoản 1 Điều 2; dự thảo sửa đổi khoản 1 Điều 2: cần rà soát.",
        "Khoản 3 Điều 3 dẫn chiếu điểm a và điểm đ khoản 1 Điều 2; dự thảo sửa đổi khoản 1 Điều 2: cần rà soát."]),
], ids=["en", "vi"])
def test_the_redline_lists_each_citation_of_several_points_once(tmp_path: Path, invoke: Invoke, regulation: str,
                                                                amendment: str, expected: list[str]) -> None:
    ws, reg_id, _ = _workspace(tmp_path / "ws", regulation, amendment)
    out = tmp_path / "r.html"
    result = invoke(ws, "redline", reg_id, "--amendment", "a1", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    listed = page.split('<ul class="references">', 1)[1].split("</ul>", 1)[0]
    assert [item.split("</li>")[0] for item in listed.split("<li>")[1:]] == expected


@pytest.mark.parametrize(("language", "citations", "expected"), [
    ("en", "points (g) and (h) of clause 1 of Article 2; points g to i of clause 1 of Article 2",
     ["clause 1, Article 1 refers to points g and h of clause 1 of Article 2, which do not exist.",
      'clause 1, Article 1 refers to points g, h and i of clause 1 of Article 2 ("points g to i of clause 1 of '
      'Article 2"), which do not exist.']),
    ("vi", "các điểm a, g và h khoản 1 Điều 2; từ điểm g đến điểm i khoản 1 Điều 2",
     ['khoản 1 Điều 1 refers to điểm g và điểm h khoản 1 Điều 2 ("điểm a, g và h khoản 1 Điều 2"), which do not '
      "exist.",
      'khoản 1 Điều 1 refers to các điểm g, h và i khoản 1 Điều 2 ("điểm g đến điểm i khoản 1 Điều 2"), which do '
      "not exist."]),
], ids=["en", "vi"])
def test_check_says_each_citation_of_missing_points_once(language: str, citations: str,
                                                         expected: list[str]) -> None:
    text = EN if language == "en" else VI
    first = "These Rules govern staff." if language == "en" else "Quy chế này áp dụng cho cán bộ."
    reg = parse(text.replace(first, f"{first[:-1]}, as in {citations}.").encode(), "r.md")
    assert [p.message for p in missing_problems(reg)] == expected  # were 5 lines in each language


def _repeal(reg: Regulation, where: str) -> Regulation:
    return reg.with_units(map_units(reg.units, Address.parse(where), lambda u: [repealed_unit(u)])[0])


def _retext(reg: Regulation, where: str, text: str) -> Regulation:
    return reg.with_units(map_units(reg.units, Address.parse(where), lambda u: [replace(u, text=(text,))])[0])


def test_a_citation_changed_in_several_ways_is_one_line_of_each_kind() -> None:
    from regdraft.core.refs import cited_issues

    before = parse(VI.encode(), "r.md")
    after = _retext(_repeal(before, "d2.k1.d"), "d2.k1.b", "giữ mọi hồ sơ;")
    found = cited_issues(before, after, [Address.parse("d2.k1.b"), Address.parse("d2.k1.d")])
    assert [(str(i.reference.source), i.describe("vi")) for i in found] == [
        ("d3.k1", 'khoản 1 Điều 3 refers to điểm b khoản 1 Điều 2 ("điểm a, b và c khoản 1 Điều 2"), whose text the '
                  "amendment changes: check that the reference still holds."),
        ("d3.k2", 'khoản 2 Điều 3 refers to điểm b khoản 1 Điều 2 ("điểm b đến điểm e khoản 1 Điều 2"), whose text the '
                  "amendment changes: check that the reference still holds."),
        ("d3.k2", 'khoản 2 Điều 3 refers to điểm d khoản 1 Điều 2 ("điểm b đến điểm e khoản 1 Điều 2"), which the '
                  "amendment repeals or removes: the reference is broken."),
    ]
    # Two articles cited, one of them with a clause amended and the other with a clause repealed: one line naming
    # both changes, in the profile's words too.
    cites = _retext(before, "d3.k3", "Nhiệm vụ tại Điều 1 và Điều 2 là chính.")
    after = _repeal(_retext(cites, "d1.k1", "Quy chế này áp dụng cho mọi cán bộ."), "d2.k2")
    [issue] = cited_issues(cites, after, [Address.parse("d1.k1"), Address.parse("d2.k2")])
    assert issue.describe("vi") == ("khoản 3 Điều 3 refers to Điều 1 và Điều 2; the amendment changes khoản 1 Điều 1 "
                                    "and repeals khoản 2 Điều 2: check that the reference still holds.")
    assert issue.note(load_profile({}).words("vi"), "vi") == (
        "khoản 3 Điều 3 dẫn chiếu Điều 1 và Điều 2; dự thảo sửa đổi khoản 1 Điều 1 và bãi bỏ khoản 2 Điều 2: cần rà "
        "soát.")


def test_check_warns_once_of_a_citation_an_adoption_forced_past_amend_check_broke(tmp_path: Path,
                                                                                   invoke: Invoke) -> None:
    # The warning `forced_references` makes of `check`'s problem: one per citation, naming both points repealed.
    ws, _, path = _workspace(tmp_path / "ws", VI, VI_AMENDMENT.replace(
        VI_AMENDMENT[VI_AMENDMENT.index("1\\. Sửa đổi"):VI_AMENDMENT.index("## Điều 2")],
        "1\\. Bãi bỏ điểm b và điểm c khoản 1 Điều 2.\n\n"))
    assert invoke(ws, "amend", "number", "a1", "05-QC/TU").exit_code == 0
    adopted = invoke(ws, "amend", "adopt", "a1", "--signed", "2025-06-01", "--force", "--reason", "sửa sau")
    assert adopted.exit_code == 0, adopted.output
    checked = invoke(ws, "check")
    assert checked.exit_code == 0, checked.output
    warned = [line for line in checked.output.splitlines() if line.startswith(f"{path}:")]
    assert [line.split(";")[0] for line in warned] == [
        f'{path}:36: warning: khoản 1 Điều 3 refers to điểm b và điểm c khoản 1 Điều 2 ("điểm a, b và c khoản 1 '
        'Điều 2"), which have been repealed',
        f'{path}:38: warning: khoản 2 Điều 3 refers to điểm b và điểm c khoản 1 Điều 2 ("điểm b đến điểm e khoản 1 '
        'Điều 2"), which have been repealed',
    ]
    assert all("05-QC/TU (a1) broke the reference and was adopted past it on purpose" in line for line in warned)
