"""An error or warning quoting a drafter's phrase quotes a bounded excerpt of it (its start and end, with its length
in characters): a `Thay thế cụm từ "…" bằng cụm từ "…"` whose phrase ran to 50 KB printed 50 KB to the terminal.
A phrase of the length real ones run to (100-200 characters, `QUOTED` at most) is quoted whole (r35 sweep BG)."""

from __future__ import annotations

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.layout import phrase_marks_message
from regdraft.core.errors import AmendmentConflict, ParseError
from regdraft.core.markdown import parse
from regdraft.core.text import QUOTED, excerpt
from tests.conftest import SHIPPED_REGULATION
from tests.test_amend_apply import amendment, regulation

LONG = "Ban cán sự đảng " + "x" * 5_000 + " Ủy ban nhân dân"
SOURCE = "amendments/test/amendment.md"


def test_an_excerpt_keeps_a_short_text_whole_and_cuts_a_long_one_to_its_start_and_end() -> None:
    assert excerpt("Thường trực Tỉnh ủy") == "“Thường trực Tỉnh ủy”"
    cut = excerpt(LONG)
    assert cut.startswith("“Ban cán sự đảng x") and cut.endswith(" Ủy ban nhân dân” (5,032 characters)")
    assert " … " in cut and len(cut) < QUOTED + 40
    assert excerpt(LONG, "«", "»").startswith("«Ban")


def test_a_long_phrase_found_nowhere_is_quoted_as_an_excerpt() -> None:
    with pytest.raises(AmendmentConflict) as info:
        apply(regulation(), amendment(f"1\\. Bỏ cụm từ “{LONG}” trong toàn bộ Quy chế."))
    said = info.value.report()
    assert "does not occur anywhere in the regulation" in said and "(5,032 characters)" in said
    assert len(said) < 1_000
    with pytest.raises(AmendmentConflict) as info:
        apply(regulation(), amendment(f"1\\. Thay thế cụm từ “{LONG}” bằng cụm từ “B” tại khoản 1 Điều 1."))
    said = info.value.report()
    assert "is found 0 times in khoản 1 Điều 1" in said and "(5,032 characters)" in said and len(said) < 1_000


def test_a_long_phrase_replaced_with_itself_is_quoted_as_an_excerpt() -> None:
    body = f"1\\. Thay thế cụm từ “{LONG}” bằng cụm từ “{LONG}” tại khoản 1 Điều 1."
    text = (f"---\nnumber: 07-QC/TU\ntitle: Test\nregulation: 02-QC/TU\nlanguage: vi\nstatus: draft\ndraft: 1\n---\n\n"
            f"## Điều 1. Sửa đổi\n\n{body}\n")
    with pytest.raises(ParseError) as info:
        load_amendment(text, SOURCE, "test")
    said = "\n".join(str(p) for p in info.value.problems)
    assert "with the same words" in said and "(5,032 characters)" in said and len(said) < 1_000


def test_a_long_phrase_in_single_marks_is_quoted_as_an_excerpt() -> None:
    said = phrase_marks_message("instruction 1", f"Bỏ cụm từ ‘{LONG}’ tại khoản 1 Điều 1.", signed=False)
    assert "the phrase ‘Ban cán sự" in said and "(5,032 characters)" in said and len(said) < 1_000


def test_a_real_length_phrase_not_found_is_quoted_whole() -> None:
    # 148 characters differing from Điều 5 near their end ("…của cấp trên, của Trung ương" where the text says "…của
    # cấp trên và nghị quyết…"): cut at 80 characters, the message printed "“Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ …
    # chỉ thị của cấp trên, của Trung ương” (148 characters)", hiding the middle where the words part.
    phrase = ("Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo và kiểm tra việc thực hiện nghị quyết đại hội Đảng bộ tỉnh, "
              "nghị quyết, chỉ thị của cấp trên, của Trung ương")
    reg = parse(SHIPPED_REGULATION.read_text(encoding="utf-8"), "regulations/01-QC-TU.md")
    text = ("---\nnumber: 07-QC/TU\ntitle: Test\nregulation: 01-QC/TU\nlanguage: vi\nstatus: draft\ndraft: 1\n---\n\n"
            f"## Điều 1. Sửa đổi, bổ sung một số điều\n\n1\\. Bỏ cụm từ “{phrase}” tại Điều 5.\n")
    with pytest.raises(AmendmentConflict) as info:
        apply(reg, load_amendment(text, SOURCE, "test"))
    said = info.value.report()
    assert f"“{phrase}” is found 0 times in Điều 5" in said, said
    assert "characters)" not in said
