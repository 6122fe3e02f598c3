"""Word bags made quick to compare many against many, for `regdraft.core.align`'s search for moved provisions: an
index of their rarer words that finds the pairs which may reach a similarity (`candidates`, a prefix filter), and
bags as bit sets that score a pair in a few machine-level operations (`WordLevels`). Both give exactly what
`regdraft.core.align.dice` over every pair would.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import chain, repeat
from typing import TYPE_CHECKING

from regdraft.core.model import Kind

if TYPE_CHECKING:
    from regdraft.core.align import Item


def candidates(olds: Sequence[Item], news: Sequence[Item], bound: float, move: float) -> list[list[int]] | None:
    """For each of `olds`, in order, the positions in `news` of the items of its kind that may be at least `move`
    similar to it (every one that is, and few that are not); None when finding them would take `bound` steps or
    more, a step for each rarer word an old and a new item share.

    A prefix filter. A word a bag holds k times counts as k tokens (its first, second, … occurrence), so the
    words two bags share, each as often as both hold it, are the tokens they share. Two bags of s and t tokens at
    least `move` similar share o >= move * (s + t) / 2 tokens, and o <= t, so o >= move * s / (2 - move) =: o(s).
    With every bag's tokens in one order, the rarest first, the h-th token two bags share has at least o - h
    shared tokens after it in each bag: it is among the first s - o(s) + h tokens of one and t - o(t) + h of the
    other. So each bag is indexed by its first s - o(s) + h(s) tokens, h(s) = o(s) / 4, and only pairs whose
    indexed tokens share h of the one or h of the other are scored: words every article holds (`của`, `và`,
    `quy định`) come last and rarely count.
    """
    top, bottom = move.as_integer_ratio()  # o(s) / s = move / (2 - move), exactly: integers, not floats
    share = (top, 2 * bottom - top)
    old_tokens = [_tokens(item.bag()) for item in olds]
    new_tokens = [_tokens(item.bag()) for item in news]
    frequency = Counter(chain.from_iterable(chain(old_tokens, new_tokens)))
    rank = {token: n for n, token in enumerate(sorted(frequency, key=lambda token: (frequency[token], str(token))))}
    postings: dict[Kind, defaultdict[int, list[int]]] = {}
    needs: list[int] = []  # for each new item, the indexed tokens it shares with any item at least `move` similar
    for m, (item, tokens) in enumerate(zip(news, new_tokens, strict=True)):
        prefix, need = _prefix(tokens, rank, share)
        needs.append(need)
        index = postings.setdefault(item.unit.kind, defaultdict(list))
        for found in map(index.__getitem__, prefix):
            found.append(m)
    probes = []
    steps = 0
    for item, tokens in zip(olds, old_tokens, strict=True):
        prefix, need = _prefix(tokens, rank, share)
        index = postings.get(item.unit.kind, defaultdict(list))
        lists = [index[r] for r in prefix if r in index]
        steps += sum(map(len, lists))
        if steps >= bound:
            return None
        probes.append((lists, need))
    candidates = []
    for lists, need in probes:
        shared = Counter(chain.from_iterable(lists))
        candidates.append(sorted(m for m, count in shared.items() if count >= need or count >= needs[m]))
    return candidates


def _tokens(bag: Counter[str]) -> list[str | tuple[str, int]]:
    """A bag's tokens: each word, then (word, k) for its k-th occurrence after the first."""
    tokens: list[str | tuple[str, int]] = list(bag)
    for word, count in bag.items():
        if count > 1:
            tokens += zip(repeat(word), range(1, count))
    return tokens


def _prefix(tokens: list[str | tuple[str, int]], rank: dict[str | tuple[str, int], int],
            share: tuple[int, int]) -> tuple[list[int], int]:
    """The ranks of the tokens a bag is indexed by, rarest first, and how many of them it shares at the least with
    an item at least `move` similar that indexes as many. o(s) is taken a little low, and at least 1: a longer
    prefix, or fewer tokens to share, misses nothing."""
    least = max(1, share[0] * len(tokens) // share[1])
    need = max(1, least // 4)
    return sorted(map(rank.__getitem__, tokens))[:len(tokens) - least + need], need


class WordLevels:
    """Word bags as bit sets, one a level: level k holds the words a bag has at least k times, so the words
    two bags share, each as often as both hold it (what `dice` counts), are the bits their levels share.

    A pair costs a few machine-level ANDs and bit counts instead of a dictionary look-up a word (a
    reordered draft of 500 long articles compared 250,000 pairs: ten seconds). Words are numbered from the
    most common, so the levels above the first, which hold the words a bag repeats, are short.
    """

    def __init__(self, bags: Sequence[Counter[str]]) -> None:
        frequency = Counter(chain.from_iterable(bags))
        ranked = sorted(frequency, key=lambda word: (-frequency[word], word))
        self.bit = {word: n for n, word in enumerate(ranked)}

    def of(self, bag: Counter[str]) -> tuple[int, ...]:
        bit = self.bit
        levels = []
        words = list(bag)
        held = 0
        while words:  # the words held more than `held` times: bits summed, as no two are the same
            levels.append(sum(map((1).__lshift__, map(bit.__getitem__, words))))
            held += 1
            words = [word for word in words if bag[word] > held]
        return tuple(levels) or (0,)
