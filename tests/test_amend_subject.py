"""`Sửa đổi về <subject> tại Điều N:` with a quote that leaves out the article's clauses (core/amend/subject.py).

Nghị định 48/2013/NĐ-CP writes it so (khoản 5 Điều 1, on Điều 15 of Nghị định 63/2010/NĐ-CP): the
quote restates the title and the new paragraphs on the time limit, and the clauses stay.
"""

from __future__ import annotations

import pytest

from regdraft.core.amend import Amendment, apply, load_amendment
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation

REGULATION = """---
id: 02-QC/TU
type: Quy chế
title: Quy chế thử nghiệm
language: vi
issuer: TỈNH ỦY ĐIỆN BIÊN
signed: 2021-01-09
effective: 2021-01-09
---

## Điều 1. Quyết định công bố

Quyết định công bố phải được ban hành chậm nhất trước 10 (mười) ngày làm việc tính đến ngày có hiệu lực.

Nội dung quyết định công bố theo quy định sau đây:

1\\. Đối với quyết định mới, nội dung gồm các bộ phận của thủ tục.

2\\. Đối với quyết định sửa đổi, nội dung gồm phần được sửa đổi.

## Điều 2. Hiệu lực

Quy chế này có hiệu lực từ ngày ký.
"""

NEW_TIME = ("Quyết định công bố của Ban Thường vụ phải được ban hành chậm nhất trước 20 (hai mươi) ngày làm việc "
            "tính đến ngày văn bản có hiệu lực thi hành.")
NEW_SECOND = ("Quyết định công bố của các ban phải được ban hành chậm nhất trước 05 (năm) ngày làm việc tính đến "
              "ngày văn bản có hiệu lực thi hành.")


def amendment(body: str) -> Amendment:
    text = ("---\nnumber: 07-QC/TU\ntitle: Test\nregulation: 02-QC/TU\nlanguage: vi\nstatus: draft\ndraft: 1\n---\n\n"
            f"## Điều 1. Sửa đổi, bổ sung một số điều\n\n{body.strip()}\n")
    return load_amendment(text, "amendments/test/amendment.md", "test")


def base() -> Regulation:
    return parse(REGULATION, "regulations/02-QC-TU.md")


def applied(body: str) -> Regulation:
    result = apply(base(), amendment(body)).regulation
    assert validate(result) == [] and parse(render(result)) == result
    return result


def test_the_quoted_paragraphs_replace_those_they_restate_and_the_clauses_stay() -> None:
    result = applied(f"1\\. Sửa đổi về thời hạn ban hành quyết định công bố tại Điều 1:\n\n"
                     f"“Điều 1. Quyết định công bố\n\n{NEW_TIME}\n\n{NEW_SECOND}”.")
    before, after = base().find("d1").unit, result.find("d1").unit
    assert after.text == (NEW_TIME, NEW_SECOND, "Nội dung quyết định công bố theo quy định sau đây:")
    assert after.children == before.children and after.title == before.title
    assert result.find("d2").unit == base().find("d2").unit


def test_a_quote_with_the_clauses_replaces_the_whole_article() -> None:
    result = applied(f"1\\. Sửa đổi về thời hạn ban hành quyết định công bố tại Điều 1:\n\n"
                     f"“Điều 1. Quyết định công bố\n\n{NEW_TIME}\n\n1\\. Chỉ một khoản.”")
    unit = result.find("d1").unit
    assert unit.text == (NEW_TIME,) and [c.label for c in unit.children] == ["1"]


def test_the_whole_article_wording_still_replaces_it_whole() -> None:
    result = applied(f"1\\. Sửa đổi, bổ sung Điều 1 như sau:\n\n“Điều 1. Quyết định công bố\n\n{NEW_TIME}”.")
    unit = result.find("d1").unit
    assert unit.text == (NEW_TIME,) and unit.children == ()


def test_a_quote_that_restates_no_paragraph_is_refused() -> None:
    with pytest.raises(AmendmentConflict) as info:
        apply(base(), amendment("1\\. Sửa đổi về thẩm quyền tại Điều 1:\n\n“Điều 1. Quyết định công bố\n\n"
                                "Ban Thường vụ Tỉnh ủy xem xét, cho ý kiến về các đề án lớn.”"))
    report = info.value.report()
    assert "about “thẩm quyền”" in report and "no paragraph before them reads like the quoted text" in report
    assert "leaves out its clauses and points" in report
