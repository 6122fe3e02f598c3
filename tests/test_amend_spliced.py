"""`core.amend.spliced`: regenerated instructions written into the amending document's own lines."""

from __future__ import annotations

import re
from dataclasses import replace

from regdraft.core.amend.document import instruction_markdown
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.operations import RepealUnits, ReplaceUnit
from regdraft.core.amend.spliced import spliced
from regdraft.core.model import Address

LEAD = "“2. Hồ sơ gồm:"
REPEAL = Instruction("2", 0, "Bãi bỏ Điều 7.", RepealUnits((Address.parse("d7"),)))


def _document(quote: tuple[str, ...], between: str) -> tuple[str, Instruction, Instruction]:
    """The lines of two instructions, the first quoting `quote` with `between` between its dash items."""
    first = Instruction("1", 1, "Sửa đổi khoản 2 Điều 5:", ReplaceUnit(Address.parse("d5.k2")), quote)
    lines = re.sub(r"(?m)^(- .*\n)(?=- )", lambda m: m.group(1) + between, instruction_markdown(first))
    repeal = replace(REPEAL, line=lines.count("\n") + 3)
    return f"{lines}\n\n{instruction_markdown(repeal)}", first, repeal


def test_a_dash_item_added_is_spaced_as_the_document_spaces_them() -> None:
    region, first, repeal = _document((LEAD, "- Tờ trình;", "- Dự thảo.”"), "\n")
    new = replace(first, quote=(LEAD, "- Tờ trình;", "- Báo cáo;", "- Dự thảo.”"))
    assert spliced(region, (first, repeal), (new, repeal)) == (
        "1\\. Sửa đổi khoản 2 Điều 5:\n\n“2. Hồ sơ gồm:\n\n- Tờ trình;\n\n- Báo cáo;\n\n- Dự thảo.”\n\n"
        "2\\. Bãi bỏ Điều 7.")


def test_a_paragraph_after_a_dash_item_of_a_tight_list_is_its_own() -> None:
    region, first, repeal = _document((LEAD, "- Tờ trình;", "- Dự thảo.”"), "")
    new = replace(first, quote=(LEAD, "- Tờ trình;", "Bộ Tư pháp hướng dẫn.”"))
    assert spliced(region, (first, repeal), (new, repeal)) == (
        "1\\. Sửa đổi khoản 2 Điều 5:\n\n“2. Hồ sơ gồm:\n\n- Tờ trình;\n\nBộ Tư pháp hướng dẫn.”\n\n"
        "2\\. Bãi bỏ Điều 7.")


def test_an_instruction_kept_under_a_new_number_keeps_its_lines_but_the_number() -> None:
    region, first, repeal = _document((LEAD, "- Tờ trình;", "- Dự thảo.”"), "\n")
    added = Instruction("1", 0, "Bãi bỏ Điều 3.", RepealUnits((Address.parse("d3"),)))
    moved = replace(first, location="2")
    out = spliced(region, (first, repeal), (added, moved, replace(repeal, location="3")))
    assert out == "1\\. Bãi bỏ Điều 3.\n\n2" + region[1:].replace("2\\. Bãi bỏ Điều 7.", "3\\. Bãi bỏ Điều 7.")
