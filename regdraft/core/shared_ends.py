"""A lower bound of how alike two long texts are, from their common beginning and end alone.

`regdraft.core.align.Item.similar` confirms two long versions of a provision from it without counting their words:
the words it counts are the ones `regdraft.core.align.word_bag` reads (in lower case).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")  # as `regdraft.core.align` reads words


def shared_ends_similarity(a: str, b: str, threshold: float) -> float:
    """A lower bound of `similarity(a, b)` from the words of their common beginning and end
    (0, without counting words, when the ends share too few characters to be worth it).

    The words are counted as `word_bag` reads them (in lower case). Every whole word of the common
    prefix and suffix is in both word bags (folding only merges words), so it counts towards
    the shared words; the word cut by each end may not.
    """
    a, b = a.lower(), b.lower()
    prefix = common_prefix(a, b)
    suffix = common_prefix(a[prefix:][::-1], b[prefix:][::-1])
    if 2 * (prefix + suffix) < threshold * (len(a) + len(b)):
        return 0.0  # too little is shared at the ends to reach the threshold: words not counted
    shared = max(0, len(_WORD.findall(a, 0, prefix)) - 1) + max(0, len(_WORD.findall(a, len(a) - suffix)) - 1)
    total = len(_WORD.findall(a)) + len(_WORD.findall(b))
    return 2 * shared / total if total else 0.0


def common_prefix(a: str, b: str) -> int:
    """The length of the common beginning of two strings (binary search over slice comparisons)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo
