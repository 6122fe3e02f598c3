"""`amend check` warns of a placeholder (`3. (được bãi bỏ)`) quoted in the new text of a hand-written amending
document, at its line (r24 left 4): no amending document enacts one; a unit is repealed with `Bãi bỏ …`."""

from __future__ import annotations

from regdraft.core.amend import load_amendment
from regdraft.core.amend.placeholders_quoted import placeholders_quoted
from regdraft.core.markdown import parse
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke

HEAD = """---
type: Quy chế
title: Quy chế sửa đổi, bổ sung một số điều của Quy chế thử nghiệm
regulation: MINI-QC
language: vi
status: draft
---

## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế thử nghiệm

"""
TAIL = """

## Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""
ARTICLE_2 = """1\\. Sửa đổi, bổ sung Điều 2 như sau:

“Điều 2. Nguyên tắc làm việc

1\\. Bảo đảm sự lãnh đạo tập trung, thống nhất của Ban Chấp hành Đảng bộ tỉnh.

2\\. Thực hiện nguyên tắc tập trung dân chủ.

3\\. (được bãi bỏ)”."""
CLAUSE_2 = """1\\. Sửa đổi, bổ sung khoản 2 Điều 2 như sau:

“2\\. Thực hiện nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách:

a) Tập thể thảo luận dân chủ;

b) (được bãi bỏ)

c) Thiểu số phục tùng đa số.”."""
MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _warned(instructions: str, regulation: str = MINI) -> list[str]:
    amendment = load_amendment(HEAD + instructions + TAIL, "amendments/x/amendment.md", "x")
    return [f"{p.line}: {p.message}" for p in placeholders_quoted(amendment, parse(regulation, "MINI-QC.md"))]


def test_a_placeholder_quoted_for_a_unit_in_force_is_warned_of_at_its_line_with_the_repeal_to_write(
        mini_workspace: Workspace, invoke: Invoke) -> None:
    mini_workspace.commit({"amendments/x/amendment.md": (HEAD + ARTICLE_2 + TAIL).encode("utf-8")}, "Hand-written")
    checked = invoke(mini_workspace, "amend", "check", "x")
    assert checked.exit_code == 0, checked.output  # a warning, never a refusal
    said = " ".join(checked.output.split())
    assert ("warning: amendments/x/amendment.md:19: instruction 1 (Sửa đổi, bổ sung Điều 2 như sau:) quotes khoản 3 "
            "Điều 2 as the placeholder «(được bãi bỏ)» in its new text: no amending document enacts a placeholder; "
            "repeal the unit with 'Bãi bỏ khoản 3 Điều 2.' instead, or leave it out of the new text of Điều 2."
            ) in said, said
    # A point in the middle of a clause too (its line), and nothing for a quote without a placeholder.
    assert _warned(CLAUSE_2) == [
        "17: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 2 như sau:) quotes điểm b khoản 2 Điều 2 as the placeholder "
        "«(được bãi bỏ)» in its new text: no amending document enacts a placeholder; repeal the unit with 'Bãi bỏ "
        "điểm b khoản 2 Điều 2.' instead, and amend the units around it on their own."]
    assert _warned(CLAUSE_2.replace("b) (được bãi bỏ)", "b) Cá nhân phụ trách;")) == []


def test_a_placeholder_of_a_unit_repealed_already_is_warned_of_only_where_the_quote_may_leave_it_out() -> None:
    repealed = MINI.replace("3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.", "3\\. (được bãi bỏ)")
    assert _warned(ARTICLE_2, repealed) == [
        "19: instruction 1 (Sửa đổi, bổ sung Điều 2 như sau:) quotes khoản 3 Điều 2 as the placeholder «(được bãi bỏ)» "
        "in its new text: no amending document enacts a placeholder; khoản 3 Điều 2 is repealed already: leave it "
        "out of the new text of Điều 2."]
    # In the middle, a unit after it: leaving it out would renumber khoản 3, so the quote keeps its place.
    middle = MINI.replace("2\\. Thực hiện nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách:",
                          "2\\. (được bãi bỏ)").replace("a) Tập thể thảo luận dân chủ;\n\nb) Cá nhân phụ trách chịu "
                                                       "trách nhiệm trước Ban Thường vụ Tỉnh ủy;\n\nc) Thiểu số "
                                                       "phục tùng đa số.\n\n", "")
    assert "2\\. (được bãi bỏ)\n\n3\\." in middle
    quote = ARTICLE_2.replace("2\\. Thực hiện nguyên tắc tập trung dân chủ.", "2\\. (được bãi bỏ)").replace(
        "3\\. (được bãi bỏ)”.", "3\\. Công khai, minh bạch.”.")
    assert _warned(quote, middle) == []


def test_a_quote_that_is_a_placeholder_itself_is_warned_of_with_the_repeal_or_without_the_instruction() -> None:
    replaced = "1\\. Sửa đổi, bổ sung khoản 3 Điều 2 như sau:\n\n“3\\. (được bãi bỏ)”."
    assert _warned(replaced) == [
        "13: instruction 1 (Sửa đổi, bổ sung khoản 3 Điều 2 như sau:) quotes khoản 3 Điều 2 as the placeholder «(được "
        "bãi bỏ)» in its new text: no amending document enacts a placeholder; repeal the unit with 'Bãi bỏ khoản 3 "
        "Điều 2.' instead."]
    inserted = "1\\. Bổ sung khoản 4 vào Điều 2 như sau:\n\n“4\\. (được bãi bỏ)”."
    assert [w.split("; ")[-1] for w in _warned(inserted)] == ["a new unit is never a placeholder: leave the "
                                                              "instruction out."]
