"""Provisions named in a message (`core.amend.named`): an English list parts only provisions with its commas."""

from __future__ import annotations

from regdraft.core.amend.named import named_provisions
from regdraft.core.model import Address

ADDRESSES = [Address.parse(a) for a in ("d1", "d1.k1", "d1.k2", "d1.k2.a", "d1.k2.b", "d3")]


def test_an_english_list_is_cited_as_an_instruction_cites_provisions() -> None:
    # It was `Article 1, clause 1, Article 1, clause 2, Article 1, point a, clause 2, Article 1 and 2 more`.
    assert named_provisions(ADDRESSES, "en", 4) == (
        "Article 1, clauses 1 and 2 of Article 1 and point a of clause 2 of Article 1 (and 2 more)")
    assert named_provisions(ADDRESSES, "en", 6) == (
        "Article 1, clauses 1 and 2 of Article 1, points a and b of clause 2 of Article 1 and Article 3")
    assert named_provisions(ADDRESSES[2:3], "en") == "clause 2 of Article 1"


def test_a_vietnamese_list_is_as_it_was() -> None:
    assert named_provisions(ADDRESSES, "vi", 4) == (
        "Điều 1, khoản 1 Điều 1, khoản 2 Điều 1, điểm a khoản 2 Điều 1 and 2 more")
    assert named_provisions(ADDRESSES[:1], "vi") == "Điều 1"
