"""An error or warning quoting a drafter's phrase quotes a bounded excerpt of it (its start and end, with its length
in characters): a `Thay thế cụm từ "…" bằng cụm từ "…"` whose phrase ran to 50 KB printed 50 KB to the terminal."""

from __future__ import annotations

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.layout import phrase_marks_message
from regdraft.core.errors import AmendmentConflict, ParseError
from regdraft.core.text import excerpt
from tests.test_amend_apply import amendment, regulation

LONG = "Ban cán sự đảng " + "x" * 5_000 + " Ủy ban nhân dân"
SOURCE = "amendments/test/amendment.md"


def test_an_excerpt_keeps_a_short_text_whole_and_cuts_a_long_one_to_its_start_and_end() -> None:
    assert excerpt("Thường trực Tỉnh ủy") == "“Thường trực Tỉnh ủy”"
    cut = excerpt(LONG)
    assert cut.startswith("“Ban cán sự đảng x") and cut.endswith(" Ủy ban nhân dân” (5,032 characters)")
    assert " … " in cut and len(cut) < 120
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
