"""`show` reads a paragraph as amending instructions do (r38 sweep BV F6): `Article 3 paragraph 2` and `paragraph (2)
of Article 3` were refused ("cannot read 'paragraph'") though `Paragraph (2) of Article 6 is deleted.` applies. A
numbered paragraph is a clause, a lettered one (Commonwealth style) a point."""

from __future__ import annotations

import pytest

from regdraft.core.address import parse_address
from regdraft.core.errors import AddressError


@pytest.mark.parametrize(("typed", "code"), [
    ("Article 3 paragraph 2", "d3.k2"),
    ("paragraph (2) of Article 3", "d3.k2"),
    ("paragraph 2 of Article 3", "d3.k2"),
    ("para 2 of art 3", "d3.k2"),
    ("paragraph (b) of paragraph 2 of Article 3", "d3.k2.b"),
    ("Article 3(2) paragraph (b)", "d3.k2.b"),
])
def test_a_paragraph_is_read_as_a_clause_or_a_point(typed: str, code: str) -> None:
    assert parse_address(typed) == parse_address(code)


def test_a_paragraph_without_its_number_is_still_refused_by_its_word() -> None:
    with pytest.raises(AddressError, match="cannot read 'paragraph'"):
        parse_address("paragraph of Article 3")
