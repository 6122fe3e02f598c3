"""`longest_match.opcodes` is difflib's comparison, in time about the texts' length.

Accepting a tracked change in Nghị định 63/2010's Phụ lục I (a form whose table is one paragraph of 7,500 tokens, half
of them spaces and dotted blanks) took 30 s of CPU, most of it difflib walking every pair of like tokens of the table
row for each instruction chosen; the comparison is the same, found through a suffix automaton.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.core import longest_match
from regdraft.core.amend.edits import instructions_from_edits
from regdraft.core.longest_match import Matcher, opcodes
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render

from .conftest import SHARED, needs_corpus

ND_63 = SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"
QUESTION = "7. Thủ tục hành chính có xác định rõ trình tự, cách thức thực hiện hay không?"  # Phụ lục I's table

_tokens = st.lists(st.integers(0, 4), max_size=80)


def _difflib(a: Sequence[Hashable], b: Sequence[Hashable]) -> Sequence[tuple[str, int, int, int, int]]:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


@settings(max_examples=400, deadline=None)
@given(_tokens, _tokens)
def test_the_opcodes_are_difflibs_for_any_tokens(a: list[int], b: list[int]) -> None:
    matcher = Matcher(a, b)
    matcher.short = 0  # every stretch through the automaton, however short
    assert matcher.get_opcodes() == _difflib(a, b)
    assert opcodes(a, b) == _difflib(a, b)


@settings(max_examples=200, deadline=None)
@given(_tokens, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 3), st.lists(st.integers(0, 5), max_size=4)),
                         max_size=5))
def test_the_opcodes_are_difflibs_for_a_text_and_its_edits(a: list[int],
                                                           edits: list[tuple[int, int, list[int]]]) -> None:
    # Mostly alike, as a paragraph and its edited text are: long blocks, chosen among others as long by where they end.
    b = list(a)
    for at, removed, added in edits:
        b[at:at + removed] = added
    matcher = Matcher(a, b)
    matcher.short = 0
    assert matcher.get_opcodes() == _difflib(a, b)


def test_a_long_text_of_repeated_tokens_is_compared_in_steps_about_its_length() -> None:
    row = ["Có", " ", "£", " ", "Không", " ", "£", " ", "." * 30, " "] * 800  # a form's answer boxes and blanks
    edited = row[:4000] + row[4002:]
    matcher = Matcher(row, edited)
    assert matcher.get_opcodes() == _difflib(row, edited)
    assert matcher.steps < 10 * len(row)  # difflib's own search walks tens of millions of token pairs here


@needs_corpus
def test_nghi_dinh_63_2010_a_word_deleted_in_an_appendix_form_is_compared_in_proportion(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Writing the instruction compares the table's paragraph with its edited text in each round of choosing phrases:
    # difflib's search walked every pair of like tokens of the 7,500 (57 million for its first block alone).
    from regdraft.importer import import_file

    old_text = render(import_file(ND_63).regulation)
    assert old_text.count(QUESTION + " |") == 1
    old = parse(old_text, Path(ND_63).stem + ".md")
    new = parse(old_text.replace(QUESTION, QUESTION.replace("hay ", "")), "edited.md")
    pairs = [0]  # the pairs of tokens difflib's own search may walk: the product of the stretches it searches
    steps = [0]  # the tokens the automata read and hold
    difflibs = difflib.SequenceMatcher.find_longest_match
    automaton = longest_match._longest

    def counted(self: difflib.SequenceMatcher[Hashable], alo: int, ahi: int, blo: int, bhi: int) -> difflib.Match:
        # difflib's matching blocks (and `Matcher`) give the four bounds
        pairs[0] += (ahi - alo) * (bhi - blo)
        return difflibs(self, alo, ahi, blo, bhi)

    def read(a: list[Hashable], alo: int, ahi: int, b: list[Hashable], blo: int, bhi: int) -> difflib.Match:
        steps[0] += (ahi - alo) + (bhi - blo)
        return automaton(a, alo, ahi, b, blo, bhi)

    monkeypatch.setattr(difflib.SequenceMatcher, "find_longest_match", counted)
    monkeypatch.setattr(longest_match, "_longest", read)
    written = instructions_from_edits(old, new)
    assert "hay" in repr(written.instructions)  # the deletion is written
    assert pairs[0] + steps[0] < 500_000, (pairs[0], steps[0])
