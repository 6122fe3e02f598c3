"""difflib's token comparison, the same opcodes in time about linear in the texts' length.

`opcodes(a, b)` is `difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()`, exactly. difflib looks for
the longest matching block by walking, for every token of `a`, every place the token stands in `b`: for a text whose
tokens repeat (the spaces and dotted blanks of an appendix form's table, 7,500 tokens with 3,700 spaces) that is
millions of steps for each block, and a paragraph was compared again for each instruction chosen (Nghị định 63/2010's
Phụ lục I: 30 s). Here the longest block of a long stretch is found through a suffix automaton of the stretch of `b`
(built once, each token of `a` then read once), with difflib's own choice among blocks as long: the one ending
first in `a`, then first in `b`. Short stretches are left to difflib.

Post-conditions:
1. `opcodes(a, b)` equals difflib's `get_opcodes()` for `SequenceMatcher(None, a, b, autojunk=False)`, whatever the
   tokens (`tests/test_longest_match.py` compares them on texts of few, often repeated tokens).
2. The work for each block found is about the two stretches' length, never their product (`Matcher.steps` counts
   it: the tokens of `a` read and of `b` put in automata). A stretch is left to difflib only when both its sides are
   short: difflib walks every place each token of `a` stands in `b`, which for 64 tokens against a long proposal of
   repeated spaces was millions of steps (accepting a member's 20,000-character wording held the write lock 4 s).
3. Where the longest block of a long stretch is a single token (two texts sharing only spaces or a few common
   words), every block after it is one token too, and difflib's choice is then a greedy walk: the next token of `a`
   standing anywhere in what is left of `b`, at its first place there. That walk is made at once, through each
   token's places in `b` (a stretch found block by block cost its length for each of thousands of blocks: 27 s).
4. Blocks of two or more tokens can still split stretches unevenly; past `Matcher.budget` steps (a multiple of the
   texts' length) a long stretch left is reported as replaced whole: still a true comparison (the opcodes turn `a`
   into `b`), less fine than difflib's, reached only by texts built to be costly.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Hashable, Sequence

__all__ = ["Matcher", "opcodes"]

SHORT = 64  # stretches with fewer tokens on both sides are compared by difflib itself
BUDGET = 16  # steps allowed for each token of the two texts (and `FLOOR` more) before long stretches go whole
FLOOR = 1 << 18

Opcode = tuple[str, int, int, int, int]


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> Sequence[Opcode]:
    """The edits turning `a` into `b`, as difflib's `get_opcodes()` gives them (without junk or autojunk)."""
    return Matcher(a, b).get_opcodes()


class Matcher(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """A `difflib.SequenceMatcher` (no junk, no autojunk) whose longest block in a long stretch is found through a
    suffix automaton; `steps` counts the tokens the automata read and hold."""

    short = SHORT
    a: Sequence[Hashable]  # set by difflib (typeshed does not declare them)
    b: Sequence[Hashable]
    matching_blocks: list[difflib.Match] | None

    def __init__(self, a: Sequence[Hashable], b: Sequence[Hashable]) -> None:
        self.steps = 0
        super().__init__(None, a, b, autojunk=False)
        self.budget = BUDGET * (len(self.a) + len(self.b)) + FLOOR

    def get_matching_blocks(self) -> list[difflib.Match]:
        """difflib's matching blocks (its own loop), with a stretch whose longest block is one token walked at once."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        queue = [(0, len(self.a), 0, len(self.b))]
        blocks: list[tuple[int, int, int]] = []
        while queue:
            alo, ahi, blo, bhi = queue.pop()
            i, j, k = self.find_longest_match(alo, ahi, blo, bhi)
            if not k:
                continue
            blocks.append((i, j, k))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if k == 1 and ahi - alo >= self.short and bhi - blo >= self.short:
                blocks += self._singles(i + 1, ahi, j + 1, bhi)  # the tokens before i stand nowhere in b[blo:bhi]
            elif i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
        blocks.sort()
        joined: list[tuple[int, int, int]] = []
        for i, j, k in blocks:
            if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
                joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + k)
            else:
                joined.append((i, j, k))
        made = [difflib.Match(*block) for block in [*joined, (len(self.a), len(self.b), 0)]]
        self.matching_blocks = made
        return made

    def _singles(self, alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int, int]]:
        """The one-token blocks difflib finds in a stretch with none longer: each next token of `a` standing in what is
        left of `b`, at its first place there."""
        self.steps += (ahi - alo) + (bhi - blo)
        places: dict[Hashable, list[int]] = {}
        for at in range(blo, bhi):
            places.setdefault(self.b[at], []).append(at)
        found: list[tuple[int, int, int]] = []
        for i in range(alo, ahi):
            if blo >= bhi:
                break
            where = places.get(self.a[i])
            if where:
                n = bisect_left(where, blo)
                if n < len(where):
                    found.append((i, where[n], 1))
                    blo = where[n] + 1
        return found

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0,
                           bhi: int | None = None) -> difflib.Match:
        """difflib's longest block in `a[alo:ahi]` and `b[blo:bhi]`: the longest, then the one ending first in `a`,
        then in `b` (none, past the budget, in a long stretch)."""
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        if ahi - alo < self.short and bhi - blo < self.short:
            return super().find_longest_match(alo, ahi, blo, bhi)
        if self.steps > self.budget:
            return difflib.Match(alo, blo, 0)
        self.steps += (ahi - alo) + (bhi - blo)
        return _longest(self.a, alo, ahi, self.b, blo, bhi)


def _longest(a: Sequence[Hashable], alo: int, ahi: int, b: Sequence[Hashable], blo: int, bhi: int) -> difflib.Match:
    """The longest block of `a[alo:ahi]` found in `b[blo:bhi]`, ending first in `a`, then in `b`."""
    # The suffix automaton of b[blo:bhi]: each state a class of substrings sharing their ends in b; `first` the
    # earliest of those ends, `size` the longest substring of the class, `link` the class of its shorter suffixes.
    moves: list[dict[Hashable, int]] = [{}]
    link, size, first = [-1], [0], [-1]
    last = 0
    for at in range(blo, bhi):
        token = b[at]
        cur = len(moves)
        moves.append({})
        link.append(0)
        size.append(size[last] + 1)
        first.append(at)
        p = last
        while p != -1 and token not in moves[p]:
            moves[p][token] = cur
            p = link[p]
        if p != -1:
            q = moves[p][token]
            if size[p] + 1 == size[q]:
                link[cur] = q
            else:
                clone = len(moves)
                moves.append(dict(moves[q]))
                link.append(link[q])
                size.append(size[p] + 1)
                first.append(first[q])
                while p != -1 and moves[p].get(token) == q:
                    moves[p][token] = clone
                    p = link[p]
                link[q] = link[cur] = clone
        last = cur
    # Read a: after each token, the longest of its suffixes standing in b and its class. The first token at which
    # that is longer than any before ends difflib's block (it keeps a block only where one is strictly longer).
    state = length = best = 0
    besti, bestj = alo, blo
    for i in range(alo, ahi):
        token = a[i]
        while state and token not in moves[state]:
            state = link[state]
            length = size[state]
        if token in moves[state]:
            state = moves[state][token]
            length += 1
        else:
            state = length = 0
        if length > best:
            best, besti, bestj = length, i - length + 1, first[state] - length + 1
    return difflib.Match(besti, bestj, best)
