"""How many provisions pending amendments both change, and how many pairs of instructions, counted without comparing
every pair of amendments (`check`'s note, `workspace.overlaps.overlap_note`).

Post-conditions of `tally(amendments, texts)`:
1. It is what `conflicts.between(amendments, texts)` gives, counted: the set of (regulation, the inner of the two
   provisions) of its conflicts, and their number.
2. Footprints are indexed by the provisions they touch: a footprint is set only against those of the units holding
   it or of the same unit, so the cost follows the pairs that overlap, not amendments² × instructions² (r43 sweep
   CI F3: 62 pending drafts, 12 s of `check`'s 16 s).
3. A phrase replaced throughout is looked for once in each provision another amendment quotes or changes words in,
   whatever the number of amendments replacing it; only two amendments that both replace phrases throughout are
   compared pair by pair (they are few).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from regdraft.core.amend.conflicts import (
    _both_throughout,
    _overlap,
    _standing,
    footprints,
)
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.grammar import ReplaceHeading, ReplaceUnit, ReplaceWords, targets
from regdraft.core.model import Address, Regulation

Place = tuple[str, Address]


def tally(amendments: Sequence[Amendment], texts: Mapping[str, Regulation] | None = None) -> tuple[set[Place], int]:
    """The provisions both changed (regulation, the inner one) and the number of pairs of instructions of different
    amendments that overlap, as `between` would list them (the module's post-conditions)."""
    places: set[Place] = set()
    count = _footprints_met(amendments, places)
    texts = texts or {}
    for regulation, text in texts.items():
        of = [(n, a) for n, a in enumerate(amendments) if a.regulation == regulation]
        count += _throughout_met(of, text, places)
    return places, count


def _footprints_met(amendments: Sequence[Amendment], places: set[Place]) -> int:
    """The pairs of footprints of different amendments that overlap: each footprint against those already indexed
    at its own unit (the same segments) and at the units holding it."""
    index: dict[tuple[str, tuple[object, ...]], list[tuple[int, Address]]] = {}
    every = [(n, a.regulation, fp.address) for n, a in enumerate(amendments) for ins in a.leaves()
             for fp in footprints(ins)]
    for n, regulation, address in every:
        index.setdefault((regulation, tuple(address.segments)), []).append((n, address))
    count = 0
    for n, regulation, address in every:
        segments = tuple(address.segments)
        for k in range(len(segments), 0, -1):
            for m, other in index.get((regulation, segments[:k]), ()):
                # A pair at one unit is met from both sides: counted from the later amendment's.
                if m == n or (k == len(segments) and m > n) or not _overlap(address, other):
                    continue
                count += 1
                places.add((regulation, address if other.contains(address) else other))
    return count


def _throughout_met(of: list[tuple[int, Amendment]], text: Regulation, places: set[Place]) -> int:
    """The conflicts of phrases replaced throughout with provisions another amendment quotes or changes words in
    (`conflicts._throughout`, both ways), and of two such phrases (`_both_throughout`)."""
    holders: dict[str, Counter[int]] = {}  # each phrase: how many instructions of each amendment replace it
    for n, amendment in of:
        for ins in amendment.leaves():
            if isinstance(ins.op, ReplaceWords) and ins.op.throughout and ins.op.old.strip():
                holders.setdefault(ins.op.old, Counter())[n] += 1
    if not holders:
        return 0
    total = {phrase: sum(by.values()) for phrase, by in holders.items()}
    count = 0
    for n, amendment in of:
        for address, haystacks in _quoted(amendment, text):
            for phrase, by in holders.items():
                others = total[phrase] - by[n]
                if others and any(phrase in h for h in haystacks):
                    count += others
                    places.add((amendment.regulation, address))
    replacing = [a for n, a in of if any(by[n] for by in holders.values())]
    for i, first in enumerate(replacing):
        for second in replacing[i + 1 :]:
            for c in _both_throughout(first, second, text):
                count += 1
                places.add((first.regulation, c.first_address))
    return count


def _quoted(amendment: Amendment, text: Regulation) -> list[tuple[Address, tuple[str, ...]]]:
    """Each provision `amendment` quotes whole or changes words in (not throughout), with the words a phrase replaced
    throughout may stand in there: the text in force and the quote, or the new words."""
    out: list[tuple[Address, tuple[str, ...]]] = []
    for ins in amendment.leaves():
        op = ins.op
        if isinstance(op, ReplaceWords) and not op.throughout:
            out.extend((address, (_standing(text, address, title=address in op.titles), op.new or ""))
                       for address in targets(op))
        if isinstance(op, (ReplaceUnit, ReplaceHeading)):
            out.append((op.target, (_standing(text, op.target, title=False), "\n".join(ins.quote))))
    return out
