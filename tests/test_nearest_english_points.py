"""The "did you mean" for a missing point of an English text of its own places the letter in the text's alphabet, a
to z (r38 sweep BV F7): `point f` (and `z`) of a clause with points a–d suggested point a, since the Vietnamese
series, which has no f or z, put them before every letter."""

from __future__ import annotations

import pytest

from regdraft.core.address import parse_address
from regdraft.core.nearest import missing_message
from tests.test_amend_apply import regulation


@pytest.mark.parametrize("letter", ["e", "f", "z"])
def test_a_missing_point_of_an_english_text_suggests_the_nearest_in_its_own_alphabet(letter: str) -> None:
    message = missing_message(regulation("en"), parse_address(f"d2.k2.{letter}"))
    assert message.endswith("it has points a–d; did you mean point d, clause 2, Article 2 (a2.c2.d)?"), message


def test_a_missing_point_of_a_vietnamese_text_still_suggests_in_the_vietnamese_series() -> None:
    message = missing_message(regulation("vi"), parse_address("d2.k2.g"))
    assert "did you mean điểm d khoản 2 Điều 2 (d2.k2.d)?" in message, message
