"""A proposed wording as the reviewer edits it: one paragraph or point a line, read back as the provision."""

from __future__ import annotations

import pytest

from regdraft.core.amend.proposal import editor_text, proposable, proposed_unit
from regdraft.core.errors import UsageError
from regdraft.core.markdown import parse
from regdraft.core.model import Address
from tests.conftest import SHIPPED_ENGLISH, SHIPPED_REGULATION


@pytest.mark.parametrize("source", [SHIPPED_REGULATION, SHIPPED_ENGLISH], ids=["vi", "en"])
def test_every_provision_reads_back_from_its_editor_text(source) -> None:  # type: ignore[no-untyped-def]
    reg = parse(source.read_bytes(), source.name)
    count = 0
    for loc in reg.walk():
        if proposable(loc.unit):
            assert proposed_unit(editor_text(loc.unit, reg.language), loc.address, reg.language) == loc.unit
            count += 1
    assert count > 100


def test_editor_text_is_the_provision_one_paragraph_a_line() -> None:
    reg = parse(SHIPPED_REGULATION.read_bytes())
    lines = editor_text(reg.find("d12.k1").unit, "vi").split("\n")
    assert lines[0] == "1. Ban Chấp hành Đảng bộ tỉnh họp:"
    assert lines[1].startswith("a) Thường lệ ba tháng một lần;") and lines[2].startswith("b) Bất thường")


def test_the_label_may_be_left_out_and_spacing_is_tidied() -> None:
    unit = proposed_unit("  Thường lệ   hai tháng một lần; \n\n", Address.parse("d12.k1.a"), "vi")
    assert (unit.label, unit.text) == ("a", ("Thường lệ hai tháng một lần;",))


def test_the_placeholder_alone_repeals() -> None:
    assert proposed_unit("b) (được bãi bỏ)", Address.parse("d12.k1.b"), "vi").repealed


@pytest.mark.parametrize(("proposal", "address", "message"), [
    ("c) Một điểm khác.", "d12.k1.a", "does not read as điểm a khoản 1 Điều 12"),
    ("a) Điểm a.\n2. Một khoản trong điểm.", "d12.k1.a", "does not read as điểm a khoản 1 Điều 12"),
    ("Nội dung điều mới.", "d12", "must begin with its heading line ('Điều 12. ...')"),
    ("  \n ", "d12.k1", "is empty"),
    ("Chương mới", "ch1", "an article, a clause, a point or an appendix"),
])
def test_wordings_that_are_not_the_provision_are_refused(proposal: str, address: str, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        proposed_unit(proposal, Address.parse(address), "vi")
