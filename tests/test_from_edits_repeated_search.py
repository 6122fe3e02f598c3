"""`amend from-edits` does not do the same work twice for the same inputs (round 42: 25 % of eight heavy test modules'
time was the phrase search of `replacements.choose` on real laws, and accepting a proposal on Luật Đấu thầu took
seconds).

- A candidate phrase in one provision is asked whether it is a few words (`one_provision.few_words`, a word diff)
  only where no edit it explains costs anything: one that does is never an instruction on one provision, whatever
  its words.
- The cohesion of the text in force (`readable.Cohesion`, every word of the law with where it stands) is built once
  for the searches of one command, and of the accepts after it, not once for each.

The work is counted here, not timed; what is written stays the same (`tests/test_replacements_*.py`, and the round's
byte-for-byte check in docs/performance.md).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from regdraft.core.amend import one_provision, reading, replacements
from regdraft.core.amend.edits import instructions_from_edits
from regdraft.core.amend.readable import Cohesion, balanced
from regdraft.core.markdown import parse
from regdraft.core.model import Regulation, Unit
from tests.conftest import REPO_ROOT

WORDS = (("Tỉnh ủy", "Tỉnh ủy khóa XIV"), ("Ban Thường vụ", "Thường trực"), ("công tác", "nhiệm vụ"))


@pytest.fixture(scope="module")
def shipped() -> Regulation:
    return parse((REPO_ROOT / "regulations" / "01-QC-TU.md").read_bytes(), "01-QC-TU.md")


def _edited(reg: Regulation, seed: int = 3) -> Regulation:
    """`reg` with one of `WORDS` replaced in about a third of the paragraphs holding it, picked by `seed`: phrases
    changed in several provisions and in one alone, some of them cutting names (edits that cost)."""
    rnd = random.Random(seed)

    def edit(unit: Unit) -> Unit:
        text = list(unit.text)
        for i, paragraph in enumerate(text):
            for old, new in WORDS:
                if old in paragraph and rnd.random() < 0.35:
                    text[i] = paragraph.replace(old, new, 1)
                    break
        return replace(unit, text=tuple(text), children=tuple(edit(c) for c in unit.children))

    return reg.with_units(tuple(edit(u) for u in reg.units))


@pytest.fixture
def fresh_cohesions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Each `Cohesion` built inside the test, counted (by the number of its paragraphs), none kept from before it."""
    built: list[int] = []

    class Counted(Cohesion):
        def __init__(self, paragraphs: list[str], language: str | None = None) -> None:
            built.append(len(paragraphs))
            super().__init__(paragraphs, language)

    monkeypatch.setattr(reading, "Cohesion", Counted)
    monkeypatch.setattr(reading, "_COHESIONS", {}, raising=False)
    reading._widened.cache_clear()
    yield built
    reading._widened.cache_clear()


def test_a_phrase_whose_edits_cost_is_never_asked_whether_it_is_a_few_words(shipped: Regulation,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str | None, bool]] = []
    real_few_words = one_provision.few_words

    def few_words(old: str, new: str | None) -> bool:
        caller = sys._getframe(1)
        if caller.f_code.co_name == "_best":  # the candidates' filter (`_evaluate` asks it of one it keeps)
            hits = caller.f_locals["hits"]  # the candidate's edits, at the cost they are read at
            asked.append((old, new, any(hit.cost for hit in hits.values())))
        return real_few_words(old, new)

    monkeypatch.setattr(replacements, "few_words", few_words)
    chosen, _ = replacements.choose(shipped, _edited(shipped))
    assert chosen and asked, "no phrase instruction was weighed: the edits do not exercise the search"
    dear = [(old, new) for old, new, costs in asked if costs]
    assert not dear, f"{len(dear)} of {len(asked)} questions were about phrases whose edits cost: {dear[:3]}"


def test_one_search_builds_the_cohesion_of_the_text_in_force_once(shipped: Regulation,
                                                                  fresh_cohesions: list[int]) -> None:
    edited = _edited(shipped)
    first = instructions_from_edits(shipped, edited)
    assert fresh_cohesions, "no phrase search was made"
    assert len(fresh_cohesions) == len(set(fresh_cohesions)), f"built {fresh_cohesions} (paragraphs each)"
    # An accept after it (the same text in force, another edited text) builds none again.
    count = len(fresh_cohesions)
    instructions_from_edits(shipped, _edited(shipped, seed=5))
    assert len(fresh_cohesions) == count, "the text in force's cohesion was built again"
    assert first


def test_a_kept_cohesion_answers_as_a_new_one(shipped: Regulation, monkeypatch: pytest.MonkeyPatch) -> None:
    # The cohesion kept from one search (with what it counted there) chooses what a new one chooses.
    edited = _edited(shipped, seed=11)
    monkeypatch.setattr(reading, "_COHESIONS", {}, raising=False)
    reading._widened.cache_clear()
    kept = replacements.choose(shipped, edited)
    assert reading._COHESIONS, "the cohesion was not kept"
    monkeypatch.setattr(reading, "_COHESIONS", {}, raising=False)
    reading._widened.cache_clear()
    assert replacements.choose(shipped, edited) == kept


@pytest.mark.parametrize("phrase", ["", "thầu", "(nếu có)", "thầu (nếu", "có)", "[a (b] c)", "((a) b)", "a) b (c",
                                    "Điều 3 (khoản 2)", ")("])
def test_brackets_balance_as_they_are_read_one_by_one(phrase: str) -> None:
    stack: list[str] = []
    expected = True
    for char in phrase:
        if char in "([":
            stack.append(")" if char == "(" else "]")
        elif char in ")]" and (not stack or stack.pop() != char):
            expected = False
            break
    assert balanced(phrase) == (expected and not stack)


def test_the_phrases_of_a_round_are_gathered_without_hashing_an_address_each(shipped: Regulation,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # Each round of `choose` gathers every edit's phrases by occurrence (provision, paragraph, start): an address was
    # hashed for each phrase, and again for each candidate's provisions (Nghị định 48/2013 edited: 512,376 hashes of
    # addresses, a quarter of the search). The places are numbered once an edit (`Reading.place`).
    from regdraft.core.model import Address

    hashed = [0]
    weighed = [0]
    real_hash, real_widenings = Address.__hash__, reading.Reading.widenings

    def counted_hash(self: Address) -> int:
        caller = sys._getframe(1).f_code
        if caller.co_filename == replacements.__file__ and caller.co_name in ("_best", "<genexpr>"):
            hashed[0] += 1
        return real_hash(self)

    def widenings(self: reading.Reading, site: Any, cohesion: Any) -> Any:
        found = real_widenings(self, site, cohesion)
        weighed[0] += len(found)
        return found

    monkeypatch.setattr(Address, "__hash__", counted_hash)
    monkeypatch.setattr(reading.Reading, "widenings", widenings)
    chosen, _ = replacements.choose(shipped, _edited(shipped))
    assert chosen and weighed[0] > 1000
    assert hashed[0] * 4 < weighed[0], f"{hashed[0]} addresses hashed gathering {weighed[0]} phrases"
