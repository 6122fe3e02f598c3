"""An English instruction joining many changes is read in time in proportion to its length, and a refusal quotes it
cut short (docs/security.md, Bounded work; sweep r25 B defect 2): `To amend clause 1 of Article 3, amend x, amend x …`
(37 KB) took `check` 16 s, each separator rescanning the part before it and the rest after it, and the refusal quoted
the instruction twice on one line of 72,000 characters.

The work is counted, never timed: the text `english.cut`'s regular expressions are given to scan."""

from __future__ import annotations

import pytest

from regdraft.core.amend import english
from regdraft.core.amend.english import cut
from regdraft.core.amend.grammar import GrammarError, read_instruction
from tests.counting import scanning


@pytest.mark.parametrize(("body", "pieces"), [
    ("To amend clause 1 of Article 3" + ", amend x" * 3000, 2),  # an imperative: the part before it grows
    ("Clause 1" + ", clause 1" * 3000 + " of Article 1 is amended", 1),  # a passive: its verb looked for before each
    ("Clause 1 of Article 1 is amended" + ", in clause 2" * 3000, 1),  # a place first, its comma looked for
    ("Clause 1 of Article 1 is amended" + " and clause 3 is added after clause 2" * 3000, 3001),
    ("To amend clause 1 of Article 3" + ", “x, y”" * 3000, 1),  # quotation marks counted before each separator
], ids=["imperative", "passive", "place", "each-a-change", "quoted"])
def test_a_sentence_of_many_separators_is_scanned_about_once(monkeypatch: pytest.MonkeyPatch, body: str,
                                                            pieces: int) -> None:
    counted = scanning(monkeypatch.setattr, english)
    assert len(cut(body)) == pieces
    assert sum(c.scanned for c in counted) < 8 * len(body)  # it was hundreds of times the length
    separators = len(list(english._SEPARATOR.finditer(body)))
    assert sum(c.matches for c in counted) < 8 * separators


def test_provisions_after_a_change_are_read_in_proportion_to_their_number() -> None:
    # After each separator the rest was scanned for the provisions' verb, inside one match (which the count above does
    # not see): 20,000 of them (200 KB) would take minutes, as 4,000 (40 KB) took 4 s.
    body = "Clause 1 of Article 1 is amended" + ", clause 1" * 20_000
    assert cut(body) == [body]
    rest = ", ".join(["clause 1"] * 20_000) + " and clause 3 is added after clause 2"
    assert cut(body + " and clause 3 is added after clause 2") == ["Clause 1 of Article 1 is amended", rest]


@pytest.mark.parametrize("body", [
    "Clause 1 of Article 10 is amended and clause 3 is added after clause 2",
    "To amend clause 1 and add clause 3 after clause 2 of Article 10",
    "Clause 1 of Article 10 is amended, and the words “a, b” are replaced with the words “c”",
    "Clause 1 of Article 10 is amended; in clause 2, the words “a” are deleted",
    "Clause 1 of Article 10 is amended, clause 2 “is amended”, and clause 3 is repealed",
])
def test_the_changes_are_cut_where_they_were(body: str) -> None:
    expected = {
        "Clause 1 of Article 10 is amended and clause 3 is added after clause 2":
            ["Clause 1 of Article 10 is amended", "clause 3 is added after clause 2"],
        "To amend clause 1 and add clause 3 after clause 2 of Article 10":
            ["To amend clause 1", "add clause 3 after clause 2 of Article 10"],
        "Clause 1 of Article 10 is amended, and the words “a, b” are replaced with the words “c”":
            ["Clause 1 of Article 10 is amended", "the words “a, b” are replaced with the words “c”"],
        "Clause 1 of Article 10 is amended; in clause 2, the words “a” are deleted":
            ["Clause 1 of Article 10 is amended", "in clause 2, the words “a” are deleted"],
        # a verb inside quotation marks is not the provisions' own
        "Clause 1 of Article 10 is amended, clause 2 “is amended”, and clause 3 is repealed":
            ["Clause 1 of Article 10 is amended, clause 2 “is amended”", "clause 3 is repealed"],
    }
    assert cut(body) == expected[body]


def test_the_refusal_of_a_long_instruction_quotes_it_cut_short() -> None:
    sentence = "To amend clause 1 of Article 3" + ", amend x" * 4000 + " as follows:"
    with pytest.raises(GrammarError) as info:
        read_instruction(sentence, "en")
    said = str(info.value)
    assert said.startswith("cannot read the provisions 'X, amend x, amend x, ")
    assert "…" in said and len(said) < 600, len(said)
