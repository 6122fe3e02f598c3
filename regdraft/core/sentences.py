"""Long texts compared sentence by sentence first, so the word diff stays bounded.

A provision's text is usually a few hundred characters, and `regdraft.core.word_diff.diff_words`
compares it word by word at once. A pasted report or a whole law on one line can be megabytes:
an exact word diff of it costs time in proportion to its length times its number of changes,
and its words outnumber the codes the character diff can use. So a long text is first cut into
`pieces` (sentences; a sentence too long is cut again at word boundaries chosen by the words
themselves), the pieces of both sides are paired by `match_pieces`, and only the runs of
unpaired pieces between them are compared word by word.

Post-conditions:
1. `"".join(pieces(text, n)) == text`, and a piece boundary depends only on the text around
   it, so an edit in one sentence leaves the pieces of every other sentence as they were.
2. `match_pieces(a, b)` returns index pairs increasing on both sides, each pairing equal keys.
3. The work done is bounded whatever the input: matching is near-linear in the number of
   pieces (unique pieces anchor the rest, as git's patience diff does; anchoring stops after
   looking at 16 times the pieces, leaving what remains as changed runs), and the exact
   comparison only runs on gaps of at most `EXACT_GAP` pieces a side, or of `EXACT_PAIRS`
   pairs of pieces where no piece is unique.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import accumulate, compress

from regdraft.core.align import increasing

SENTENCE_PIECE = 400  # a sentence longer than this is cut again at word boundaries
EXACT_GAP = 400  # unmatched stretches up to this many pieces a side are compared exactly
EXACT_PAIRS = 1_000_000  # ... and stretches without unique pieces while their sizes multiply to at most this

_END = re.compile(r"[.!?;…]+[\"”’)\]]*\s+|\n+")
_WORD_AND_SPACE = re.compile(r"\w+\s*|[^\w]+", re.UNICODE)
_WORD_START = re.compile(r"\w", re.UNICODE)


def pieces(text: str, minimum: int = 1) -> list[str]:
    """The text as sentences (each with the spaces after it); long sentences cut at chosen words.

    A sentence shorter than `minimum` characters joins the one after it, which bounds the
    number of pieces of a text whatever its punctuation.
    """
    out: list[str] = []
    pending = ""
    start = 0
    for match in _END.finditer(text):
        pending += text[start:match.end()]
        start = match.end()
        if len(pending) >= minimum:
            out.extend(_cut_long(pending))
            pending = ""
    pending += text[start:]
    if pending:
        out.extend(_cut_long(pending))
    return out


def _cut_long(sentence: str) -> list[str]:
    """A sentence cut after words whose hash says so (content-defined, as rsync chooses blocks).

    About one word in 16 ends a piece once the piece holds 64 characters; a stretch without
    such a word (or without words) is cut every 4 * SENTENCE_PIECE characters. Each distinct
    word is hashed once, and only the chosen words are visited one by one.
    """
    if len(sentence) <= SENTENCE_PIECE:
        return [sentence]
    parts = _WORD_AND_SPACE.findall(sentence)
    ends = list(accumulate(map(len, parts)))
    chosen = {part: bool(_WORD_START.match(part)) and zlib.crc32(part.rstrip().encode("utf-8", "replace")) & 15 == 0
              for part in set(parts)}
    out: list[str] = []
    begin = 0
    longest = 4 * SENTENCE_PIECE
    for k in compress(range(len(parts)), map(chosen.__getitem__, parts)):
        end = ends[k]
        if end - begin >= 64:
            while end - begin > longest:
                out.append(sentence[begin:begin + longest])
                begin += longest
            out.append(sentence[begin:end])
            begin = end
    while len(sentence) - begin > longest:
        out.append(sentence[begin:begin + longest])
        begin += longest
    if begin < len(sentence):
        out.append(sentence[begin:])
    return out


Exact = Callable[[Sequence[str], Sequence[str]], list[tuple[int, int]]]


def match_pieces(a: Sequence[str], b: Sequence[str], exact: Exact) -> list[tuple[int, int]]:
    """Pairs (i, j) of equal pieces, increasing on both sides (see post-conditions 2 and 3).

    `exact(x, y)` returns the matching index pairs of a longest common subsequence of two
    short sequences; it is called only on the gaps post-condition 3 names.
    """
    pairs: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    budget = 16 * (len(a) + len(b)) + 100_000  # pieces looked at while anchoring, at most
    while stack:
        lo_a, hi_a, lo_b, hi_b = stack.pop()
        while lo_a < hi_a and lo_b < hi_b and a[lo_a] == b[lo_b]:
            pairs.append((lo_a, lo_b))
            lo_a, lo_b = lo_a + 1, lo_b + 1
        while lo_a < hi_a and lo_b < hi_b and a[hi_a - 1] == b[hi_b - 1]:
            hi_a, hi_b = hi_a - 1, hi_b - 1
            pairs.append((hi_a, hi_b))
        if lo_a == hi_a or lo_b == hi_b:
            continue
        if hi_a - lo_a <= EXACT_GAP and hi_b - lo_b <= EXACT_GAP:
            pairs.extend((lo_a + i, lo_b + j) for i, j in exact(a[lo_a:hi_a], b[lo_b:hi_b]))
            continue
        budget -= (hi_a - lo_a) + (hi_b - lo_b)
        anchors = _unique_anchors(a, b, lo_a, hi_a, lo_b, hi_b) if budget > 0 else []
        if not anchors:
            # Nothing is unique on both sides (a repeated sentence, a text cut at fixed lengths):
            # compared exactly while that stays small, else one changed run.
            if (hi_a - lo_a) * (hi_b - lo_b) <= EXACT_PAIRS and not set(a[lo_a:hi_a]).isdisjoint(b[lo_b:hi_b]):
                pairs.extend((lo_a + i, lo_b + j) for i, j in exact(a[lo_a:hi_a], b[lo_b:hi_b]))
            continue
        pairs.extend(anchors)
        bounds = [(lo_a - 1, lo_b - 1), *anchors, (hi_a, hi_b)]
        for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
            if i1 - i0 > 1 and j1 - j0 > 1:
                stack.append((i0 + 1, i1, j0 + 1, j1))
    pairs.sort()
    return pairs


def _unique_anchors(a: Sequence[str], b: Sequence[str], lo_a: int, hi_a: int, lo_b: int,
                    hi_b: int) -> list[tuple[int, int]]:
    """Pieces found once on each side of the stretch, the longest run of them in the same order."""
    count_a = Counter(a[lo_a:hi_a])
    count_b = Counter(b[lo_b:hi_b])
    where_b = {b[j]: j for j in range(lo_b, hi_b) if count_b[b[j]] == 1}
    candidates = [(i, where_b[a[i]]) for i in range(lo_a, hi_a) if count_a[a[i]] == 1 and a[i] in where_b]
    kept = increasing(candidates)
    return [(i, j) for i, j in candidates if i in kept]
