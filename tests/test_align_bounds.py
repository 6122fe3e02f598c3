"""Finding moved provisions by similarity costs a few steps a pair, not a step a word of each pair: a
draft of 500 articles of 150 words put in reverse order (and lightly edited) took `compare` 18 s,
each of the 250,000 pairs of articles scored one dictionary look-up a word."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.core import align as aligning
from regdraft.core.align import align, dice, flatten
from regdraft.core.markdown import parse
from regdraft.core.text import tone_key
from tests import counting

HEAD = "---\nid: E/1\ntype: Quy chế\ntitle: T\nlanguage: vi\nissuer: A\nsigned: 2021-01-09\n---\n\n"


def _texts(n: int, words: int) -> list[str]:
    rng = random.Random(7)
    syllables = [a + b for a in "bcdghklmnpqrstvx" for b in ("a", "á", "ơ", "ư", "ỗ", "iê", "uy", "an", "ông")]
    return [" ".join(rng.choice(syllables) for _ in range(words)) for _ in range(n)]


def _regulation(texts: list[str], order: list[int], edited: bool) -> str:
    def text(k: int) -> str:
        return texts[k].replace(texts[k].split()[2], "thay", 1) if edited else texts[k]

    return HEAD + "\n\n".join(f"## Điều {m}. Điều\n\n{text(k)}." for m, k in enumerate(order, 1)) + "\n"


def test_reordered_articles_are_paired_in_a_few_steps_a_pair() -> None:
    n = 150
    texts = _texts(n, 60)
    old = flatten(parse(_regulation(texts, list(range(n)), False), "a.md"))
    new = flatten(parse(_regulation(texts, list(reversed(range(n))), True), "b.md"))
    for item in (*old, *new):
        item.bag()  # the word bags are read once for any comparison: not what is counted
    count, pairs = counting.events(lambda: align(old, new, fold=tone_key), counting.in_module("core/align.py"))
    assert pairs == [(n - 1 - j, j) for j in range(n)]  # each article found where it moved, though edited
    assert count < 40 * n * n  # profile events: about 24 a pair, 130 before (a look-up a word)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from("abcdefghij"), st.integers(1, 6)), min_size=2, max_size=5))
def test_the_bit_levels_count_what_dice_counts(bags: list[dict[str, int]]) -> None:
    counters = [Counter(bag) for bag in bags]
    levels = aligning._WordLevels(counters)
    for a in counters:
        for b in counters:
            shared = sum((x & y).bit_count() for x, y in zip(levels.of(a), levels.of(b), strict=False))
            total = a.total() + b.total()
            assert (2 * shared / total if total else 0.0) == dice(a, b)
