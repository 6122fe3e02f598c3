"""Counts in words (issue 21 §5): one helper, right in English and Vietnamese."""

from __future__ import annotations

import pytest

from regdraft.core.counts import count, names_several, several


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


@pytest.mark.parametrize(("title", "plural"), [
    ("Working Regulations of the Provincial Party Executive Committee, term XIV, 2020 - 2025", True),
    ("Regulations amending the Working Regulations", True), ("Rules of Procedure", True), ("Regulations", True),
    ("Regulation on the Provincial Party Executive Committee", False), ("Law on Tourism", False),
    ("Decree No. 63/2010/ND-CP on the control of administrative procedures", False), ("Process", False),
    ("Status of the Party Organisation", False), ("", False),
    # A basis note's subject, the document as notes cite it (sweep r26/O 9b): "… were issued on the following basis".
    ("Staff Rules No. 7/2025/IWA of 1 June 2025 of the International Water Association", True),
    ("Working Regulations issued with Decision No. 15/2021/QD-UBND of 20 August 2021", True)])
def test_an_english_title_names_its_document_in_the_plural_or_not(title: str, plural: bool) -> None:
    # The consolidated text's opening: "Working Regulations … are amended by:", "Law on Tourism … is amended by:".
    assert names_several(title) is plural
