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


def _applied(a: Sequence[Hashable], b: Sequence[Hashable],
             codes: Sequence[tuple[str, int, int, int, int]]) -> list[Hashable]:
    """`a` turned by the opcodes: `b` again when they are a true comparison."""
    out: list[Hashable] = []
    for tag, i1, i2, j1, j2 in codes:
        assert (tag == "equal") == (list(a[i1:i2]) == list(b[j1:j2]))
        out += a[i1:i2] if tag == "equal" else b[j1:j2]
    return out


@pytest.mark.parametrize("words", [300, 4000])
def test_texts_sharing_only_spaces_are_compared_in_steps_about_their_length(words: int) -> None:
    # Every block is one token (a space, or a word of the one text standing between the other's): each was found by
    # an automaton over all of `b` left, 32 million steps (27 s) for 4,000 words of each.
    disjoint = ([t for i in range(words) for t in (f"cũ{i}", " ")], [t for i in range(words) for t in (f"mới{i}", " ")])
    interleaved = ([f"w{i}" for i in range(words)], [t for i in range(words) for t in (f"w{i}", f"j{i}")])
    for a, b in (disjoint, interleaved):
        matcher = Matcher(a, b)
        codes = matcher.get_opcodes()
        assert matcher.steps < 10 * (len(a) + len(b)), matcher.steps
        if words <= 300:
            assert codes == _difflib(a, b)
        assert _applied(a, b, codes) == b


def test_a_short_text_against_a_long_one_is_not_left_to_difflibs_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    # A 300-character clause and a member's 20,000-character wording of repeated spaces: difflib walked every place
    # of every token of the clause in the wording, for each block (4 s with the write lock held).
    clause = [t for i in range(30) for t in (f"từ{i}", " ")]
    wording = [t for i in range(4000) for t in (f"khác{i % 997}", " ")]
    expected = _difflib(clause, wording)
    walked = [0]  # the places difflib's own search may visit: the product of the stretches it searches
    difflibs = difflib.SequenceMatcher.find_longest_match

    def counted(self: difflib.SequenceMatcher[Hashable], alo: int, ahi: int, blo: int, bhi: int) -> difflib.Match:
        walked[0] += (ahi - alo) * (bhi - blo)
        return difflibs(self, alo, ahi, blo, bhi)

    monkeypatch.setattr(difflib.SequenceMatcher, "find_longest_match", counted)
    matcher = Matcher(clause, wording)
    assert matcher.get_opcodes() == expected
    assert walked[0] + matcher.steps < 70 * (len(clause) + len(wording)), (walked[0], matcher.steps)


def test_blocks_that_split_stretches_unevenly_stop_at_the_budget_with_a_true_comparison() -> None:
    # Two-token blocks ("s", "t") each peeling three tokens off: an automaton over all that is left for each.
    a = [t for i in range(3_000) for t in (f"u{i}", "s", "t")]
    b = [t for i in range(3_000) for t in (f"v{i}", "s", "t")]
    matcher = Matcher(a, b)
    codes = matcher.get_opcodes()
    assert matcher.steps <= matcher.budget + len(a) + len(b)
    assert _applied(a, b, codes) == b
    assert codes[:4] == _difflib(a[:300], b[:300])[:4]  # the first blocks are difflib's own


@settings(max_examples=200, deadline=None)
@given(_tokens, _tokens, st.integers(0, 200))
def test_the_opcodes_turn_a_into_b_whatever_the_budget(a: list[int], b: list[int], budget: int) -> None:
    matcher = Matcher(a, b)
    matcher.short, matcher.budget = 0, budget
    assert _applied(a, b, matcher.get_opcodes()) == b
