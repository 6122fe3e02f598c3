"""Whether a line a Word reply no longer holds may be one of its paragraphs moved and retyped without Track Changes:
a paragraph of words no text holds, standing for no line, so like it (difflib's ratio of their keys) that it may be
it (`reply_missing.missing`, which then names the line in a note and never gives it as rejected).

Each line was weighed against every such paragraph, character by character: a reply holding one paragraph of 100,000
runs took 60.9 s of CPU, 84 % of it in difflib (r44 sweep CI F3). Now, as `LIKENESS_BUDGET` bounds
`reply_missing._paired`:

Post-conditions of `maybe_moved`:
1. A pair whose lengths, or whose characters counted, already keep its ratio under the likeness asked (difflib's
   `real_quick_ratio` and `quick_ratio`, upper bounds of the ratio) is not weighed: the answer is as before.
2. The pairs weighed cost at most `MOVED_BUDGET` (the product of their characters, and the characters counted); a
   line that would need more is taken as maybe moved: named in a note, never given as rejected, nothing dropped.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence

MOVED_BUDGET = 20_000_000  # as `reply_missing.LIKENESS_BUDGET`: real replies weigh a few lines against a few


def maybe_moved(lines: Sequence[tuple[str, str | None]], loose: Sequence[str], at_least: float,
                budget: int = MOVED_BUDGET) -> list[bool]:
    """For each of `lines` (a line's key, and the paragraph not to count for it: None for none), whether a paragraph
    of `loose` is at least `at_least` like it (difflib's ratio), or it cannot be told within `budget` (see the
    module)."""
    others = [(other, len(other), Counter(other)) for other in dict.fromkeys(loose)]
    out = []
    for key, not_it in lines:
        counted, size, found, spent_out = Counter(key), len(key), False, False
        for other, length, chars in others:
            if other == not_it:
                continue
            budget -= 1 + len(counted) + len(chars)  # a pair looked at costs, however quickly it is told apart
            if budget < 0:
                spent_out = True
                break
            if 2.0 * min(size, length) / (size + length) < at_least or \
                    2.0 * sum((counted & chars).values()) / (size + length) < at_least:
                continue  # under the likeness asked whatever their order (post-condition 1)
            budget -= size * length
            if budget < 0:
                spent_out = True
                break
            if difflib.SequenceMatcher(None, other, key, autojunk=False).ratio() >= at_least:
                found = True
                break
        out.append(found or spent_out)
    return out
