"""A list of provisions ends on `và` (`and`) even where its last provision holds a `và` of its own.

`amend from-edits` wrote `tại điểm a và điểm b khoản 2 Điều 28, điểm a và điểm b khoản 2 Điều 33.` and `…, các
điểm b, c và d khoản 1 Điều 73, điểm đ và điểm e khoản 1 Điều 79.`: the list read unfinished. Luật 57/2024 keeps the
final `và` after provisions that hold one (`Bãi bỏ khoản 5 Điều 5, điểm đ khoản 1 và điểm đ khoản 3 Điều 16, …,
Điều 52 và số thứ tự 31 tại Phụ lục I.`), as the English lists keep their `and`. The clauses and points of one
article cited once with it keep the comma real texts put there (`điểm d và điểm đ khoản 1, điểm d và điểm đ khoản 2
Điều 17`, Luật Đấu thầu 22/2023).
"""

from __future__ import annotations

import pytest

from regdraft.core.amend.grammar import RepealUnits, read_instruction
from regdraft.core.amend.provisions import provisions
from regdraft.core.amend.wording import cite_list, sentence
from regdraft.core.markdown import parse
from regdraft.core.model import Address

from .test_amend_edits import body, reproduces


def _at(*codes: str) -> list[Address]:
    return [Address.parse(code) for code in codes]


@pytest.mark.parametrize(("codes", "vi", "en"), [
    (("d28.k2.a", "d28.k2.b", "d33.k2.a", "d33.k2.b"),
     "điểm a và điểm b khoản 2 Điều 28 và điểm a và điểm b khoản 2 Điều 33",
     "points a and b of clause 2 of Article 28 and points a and b of clause 2 of Article 33"),
    (("d6.k1", "d73.k1.b", "d73.k1.c", "d73.k1.d", "d79.k1.đ", "d79.k1.e"),
     "khoản 1 Điều 6, các điểm b, c và d khoản 1 Điều 73 và điểm đ và điểm e khoản 1 Điều 79",
     "clause 1 of Article 6, points b, c and d of clause 1 of Article 73 and points dd and e of clause 1 of "
     "Article 79"),
    (("d74.k4", "d105.k3", "d105.k4"), "khoản 4 Điều 74 và khoản 3 và khoản 4 Điều 105",
     "clause 4 of Article 74 and clauses 3 and 4 of Article 105"),
    # the clauses and points of one article, last in the list
    (("d25.k2.b", "d43.k1.đ", "d43.k3.d"), "điểm b khoản 2 Điều 25 và điểm đ khoản 1 và điểm d khoản 3 Điều 43",
     "point b of clause 2 of Article 25, point dd of clause 1 of Article 43 and point d of clause 3 of Article 43"),
    (("d5.k1", "d28.k1.a", "d28.k2.b", "d28.k2.c"),
     "khoản 1 Điều 5 và điểm a khoản 1, điểm b và điểm c khoản 2 Điều 28",
     "clause 1 of Article 5, point a of clause 1 of Article 28 and points b and c of clause 2 of Article 28"),
    # unchanged: a last provision without `và`, and the points of one article (a comma before a last holding `và`)
    (("d16.k1.đ", "d16.k3.đ", "d52"), "điểm đ khoản 1 và điểm đ khoản 3 Điều 16 và Điều 52",
     "point dd of clause 1 of Article 16, point dd of clause 3 of Article 16 and Article 52"),
    (("d17.k1.d", "d17.k1.đ", "d17.k2.d", "d17.k2.đ"), "điểm d và điểm đ khoản 1, điểm d và điểm đ khoản 2 Điều 17",
     "points d and dd of clause 1 of Article 17 and points d and dd of clause 2 of Article 17"),
])
def test_a_list_ends_on_and_and_reads_back_to_its_provisions(codes: tuple[str, ...], vi: str, en: str) -> None:
    addresses = _at(*codes)
    for language, written in (("vi", vi), ("en", en)):
        assert cite_list(addresses, language) == written
        assert [cited.address for cited in provisions(written, None, language)] == addresses
        repeal = sentence(RepealUnits(tuple(addresses)), language, None, document_type="Quy chế")
        assert read_instruction(repeal, language, None) == RepealUnits(tuple(addresses))
    assert sentence(RepealUnits(tuple(addresses)), "vi", None, document_type="Quy chế") == f"Bãi bỏ {vi}."


_VI = """---
id: T-QC
type: Quy chế
title: Quy chế thử
language: vi
issuer: TỈNH ỦY ĐIỆN BIÊN
signed: 2021-01-09
---

## Điều 1. Văn phòng

1\\. Văn phòng Tỉnh ủy có nhiệm vụ:

a) Tham mưu cho Văn phòng Tỉnh ủy về công tác văn thư;

b) Tổng hợp tình hình;

c) Giúp Văn phòng Tỉnh ủy quản lý tài chính.

## Điều 2. Ban Tổ chức

1\\. Ban Tổ chức có nhiệm vụ:

a) Phối hợp với Văn phòng Tỉnh ủy chuẩn bị hội nghị;

b) Gửi Văn phòng Tỉnh ủy danh sách đại biểu;

c) Theo dõi công tác cán bộ.
"""

_EN = """---
id: T-QC-EN
type: Regulations
title: Test Regulations
language: en
issuer: DIEN BIEN PROVINCIAL PARTY COMMITTEE
signed: 2021-01-09
---

## Article 1. The Office

1\\. The Provincial Party Office shall:

a) advise the Provincial Party Office on records;

b) compile reports;

c) help the Provincial Party Office manage finance.

## Article 2. The Organisation Commission

1\\. The Organisation Commission shall:

a) work with the Provincial Party Office to prepare conferences;

b) send the Provincial Party Office the list of delegates;

c) follow personnel work.
"""


def _edited(text: str, starts: tuple[str, ...], old: str, new: str) -> str:
    lines = text.split("\n")
    for start in starts:
        [at] = [i for i, line in enumerate(lines) if line.startswith(start)]
        lines[at] = lines[at].replace(old, new)
    return "\n".join(lines)


@pytest.mark.parametrize(("text", "starts", "old", "new", "written"), [
    (_VI, ("a) Tham mưu", "a) Phối hợp", "b) Gửi"), "Văn phòng Tỉnh ủy", "Văn phòng Ban Thường vụ",
     "1\\. Thay thế cụm từ “Văn phòng Tỉnh ủy” bằng cụm từ “Văn phòng Ban Thường vụ” tại điểm a khoản 1 Điều 1 và "
     "điểm a và điểm b khoản 1 Điều 2."),
    (_EN, ("a) advise", "a) work", "b) send"), "Provincial Party Office", "Standing Office",
     "1\\. The words “Provincial Party Office” are replaced with the words “Standing Office” in point a of clause 1 of "
     "Article 1 and points a and b of clause 1 of Article 2."),
])
def test_from_edits_ends_a_list_on_and_and_applying_it_gives_the_edited_text(
        text: str, starts: tuple[str, ...], old: str, new: str, written: str) -> None:
    edited = _edited(text, starts, old, new)
    assert body(text, edited).strip() == written
    reproduces(parse(text, "old.md"), parse(edited, "edited.md"))
