"""`amend from-edits` counts each candidate phrase in a top unit once, not once per round, and only in its texts
that may hold it.

`choose` picks one phrase instruction a round; each round compares every candidate phrase's count over
the whole regulation with the edits it explains. `_Folded.count` keeps each top unit's counts across
the rounds (a round changes a few units and shares the rest) and counts only in the texts whose loose
line may hold the phrase. It must count exactly what `apply.occurrences` counts, and `choose` must
choose exactly what it chose when every round counted everything again: on Luật Giáo dục with 30
scattered phrase edits, the instructions and the text they make are the same.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import pytest

from regdraft.core.amend import phrases
from regdraft.core.amend.apply import occurrences, replace_words
from regdraft.core.amend.reading import Reading as _Folded
from regdraft.core.amend.replacements import choose
from regdraft.core.markdown import parse
from regdraft.core.model import Address, Kind, Regulation, Unit, map_units
from regdraft.importer import import_file

from .conftest import CORPUS, in_corpus


def _law() -> Regulation:
    law = import_file(in_corpus(CORPUS / "luat-giao-duc.txt"), reg_id="43/2019/QH14")
    return parse(law.text.encode("utf-8"), "luat-giao-duc.md")


_TERMS = (("người học", "người theo học"), ("nhà giáo", "nhà giáo, giảng viên"), ("Nhà nước", "Nhà nước Việt Nam"),
          ("giáo dục nghề nghiệp", "giáo dục nghề nghiệp, giáo dục thường xuyên"), ("học sinh", "học viên"))


def _scattered(old: Regulation, seed: int = 7) -> Regulation:
    """`old` with 30 clauses and points (units without parts) edited, picked by `seed`: a term replaced in four of
    those holding it, for each of five terms, and words added in ten others, as a drafter edits a law."""
    rnd = random.Random(seed)
    leaves = [loc for loc in old.walk() if loc.unit.text and not loc.unit.children
              and loc.unit.kind in (Kind.CLAUSE, Kind.POINT)]
    edits: dict[Address, str] = {}
    for term, by in _TERMS:
        holding = [loc for loc in leaves if term in loc.unit.text[0] and loc.address not in edits]
        for loc in rnd.sample(holding, 4):
            edits[loc.address] = loc.unit.text[0].replace(term, by)
    for k, loc in enumerate(rnd.sample([loc for loc in leaves if loc.address not in edits], 10)):
        paragraph = loc.unit.text[0]
        if k % 2:
            edits[loc.address] = paragraph.rstrip(".;:") + ", trừ trường hợp pháp luật có quy định khác" + paragraph[-1]
        else:
            words = paragraph.split(" ")
            words[len(words) // 2] = "chặt chẽ " + words[len(words) // 2]
            edits[loc.address] = " ".join(words)
    def edited(paragraph: str) -> Callable[[Unit], list[Unit]]:
        return lambda unit: [replace(unit, text=(paragraph, *unit.text[1:]))]

    new = old
    for address, paragraph in edits.items():
        units, _ = map_units(new.units, address, edited(paragraph))
        new = new.with_units(units)
    assert sum(1 for loc in leaves if new.index()[loc.address].unit != loc.unit) == 30
    return new


def _counting_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """`choose` as it was: each round counts every phrase in every unit again, paragraph by paragraph."""
    monkeypatch.setattr(_Folded, "count",
                        lambda self, units, phrase, beyond=None: sum(occurrences(u, phrase) for u in units))


def test_choose_with_counts_kept_chooses_what_counting_everything_chooses(monkeypatch: pytest.MonkeyPatch) -> None:
    old = _law()
    new = _scattered(old)
    fast = choose(old, new)
    with monkeypatch.context() as patched:
        _counting_everything(patched)
        slow = choose(old, new)
    assert len(fast[0]) >= 5  # several phrase instructions, so several rounds
    assert fast == slow


def test_counts_are_what_apply_counts_as_the_text_changes() -> None:
    old = _law()
    rnd = random.Random(3)
    paragraphs = [p.split() for loc in old.walk() for p in loc.unit.text if len(p.split()) > 4]
    wanted = [" ".join(w[at:at + rnd.randint(1, 4)]) for w in rnd.sample(paragraphs, 60)
              for at in (rnd.randrange(len(w) - 4),)]
    wanted += ["Bộ Giáo dục và Đào tạo", "giáo dục", "và", "Bộ  Giáo dục", "giáo dục,", ""]
    folded = _Folded()
    current = old
    for k, phrase in enumerate(wanted):
        assert folded.count(current.units, phrase) == sum(occurrences(u, phrase) for u in current.units), phrase
        if k % 10 == 0 and phrase:  # a round's instruction: some units changed, the others shared
            changed = [replace_words(u, phrase, "chỉnh sửa") if i % 3 == 0 else u for i, u in enumerate(current.units)]
            current = current.with_units(tuple(changed))
            assert folded.count(current.units, "chỉnh sửa") == sum(occurrences(u, "chỉnh sửa") for u in current.units)


def test_a_phrase_is_counted_only_in_the_texts_that_may_hold_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each round used to count every candidate phrase in every paragraph of each article that may hold it (its loose
    # text does), most of which do not: 15,642 counts of 8,953 pairs of paragraph and phrase here, for 999 pairs of a
    # paragraph and a phrase its loose line holds. Now one count for each of those and for each paragraph changed.
    old = _law()
    new = _scattered(old)
    calls: Counter[tuple[str, str]] = Counter()
    counting = phrases.count

    def count(text: str, phrase: str) -> int:
        calls[text, phrase] += 1
        return counting(text, phrase)

    monkeypatch.setattr(phrases, "count", count)
    from regdraft.core.amend import replacements

    monkeypatch.setattr(replacements, "count", count, raising=False)
    chosen, _ = choose(old, new)
    assert len(chosen) == 6
    held = {(text, phrase) for text, phrase in calls if phrases.loose_phrase(phrase) in phrases._loose(text)}
    assert sum(calls.values()) < 2 * len(held)
