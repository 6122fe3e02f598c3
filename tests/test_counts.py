"""Counts in words (issue 21 §5): one helper, right in English and Vietnamese."""

from __future__ import annotations

import pytest

from regdraft.core.counts import count, several


@pytest.mark.parametrize(("number", "noun", "language", "expected"), [
    (1, "instruction", "en", "1 instruction"),
    (2, "instruction", "en", "2 instructions"),
    (0, "change", "en", "0 changes"),
    (19, "footnote", "en", "19 footnotes"),
    (1, "body consulted", "en", "1 body consulted"),
    (3, "body consulted", "en", "3 bodies consulted"),
    (2, "day", "en", "2 days"),
    (2, "match", "en", "2 matches"),
    (2, "address", "en", "2 addresses"),
    (1, "điều", "vi", "1 điều"),
    (3, "điều", "vi", "3 điều"),
    (5, "ý kiến", "vi", "5 ý kiến"),
])
def test_count_puts_the_noun_in_the_right_number(number: int, noun: str, language: str, expected: str) -> None:
    assert count(number, noun, language) == expected


def test_an_irregular_plural_is_given() -> None:
    assert count(2, "person", plural_form="people") == "2 people"
    assert count(1, "person", plural_form="people") == "1 person"
    assert several(4, "clause") == "clauses" and several(1, "clause") == "clause"
