"""Provisions that cite articles renumbered with them: `Điều 16 Quy chế này` now `Điều 15 Quy chế này`.

A new regulation that leaves out an article renumbers the ones after it and corrects the references to them, so
an article citing one of them differs from its old self only in the numbers it cites. `regdraft.core.align` pairs
such a provision with its old self by `cited_aside(text)`, the same for both, before it pairs what stands under
one label (old Điều 12 with new Điều 12, the old Điều 13 renumbered: two alike articles on conferences).

Post-conditions:
1. `cited_aside(text)` is `text` with each number of an article citation written `#` (`Điều #`, `các Điều #, # và
   #`, `từ Điều # đến Điều #`, `Article #`), and of the clauses cited of an article (`khoản # Điều #`, `các khoản #,
   # Điều #`, `clause # of Article #`; not `khoản 2 Điều này`), and "" when the text cites no article: two texts
   have the same `cited_aside` when they differ only in the articles and clauses they cite, and as many spaces.
2. `closest(numbers, candidates)` is the position, among the first `CANDIDATES` of `candidates` (each a key and
   the numbers its text cites, as `cited_numbers` reads them), of the one citing the most of `numbers` at the same
   places; of those alike, the first under `key`, else the first. The work is bounded by `CANDIDATES` a call.
3. Both read the text once, in linear time: no citation is read twice, whatever the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from regdraft.core.patterns import lazy

CANDIDATES = 16  # old provisions alike but for their citations weighed for one new one: a bound, not a choice

_NUMBER = r"\d+[a-zđ]?(?!\w)"
_JOIN = r"(?:[ \t]*,[ \t]*|[ \t]+(?:và|hoặc|đến|and|or|to)[ \t]+)"
_CITATION = lazy(rf"(?<!\w)(?:điều|articles?)[ \t]+{_NUMBER}(?:{_JOIN}(?:(?:điều|articles?)[ \t]+)?{_NUMBER})*", re.I)
# The clauses cited of an article (`khoản 3 Điều 16`, `các khoản 1, 2 và 3 Điều 5`, `clause 2 of Article 4`): a
# clause left out renumbers the ones after it, and the citations of them are corrected too. Read on their own and
# kept only where an article's number follows (`_OF_ARTICLE`), so that each is read once: a run of `khoản N, …`
# that no article follows is not read again from each of its numbers.
_CLAUSES = lazy(rf"(?<!\w)(?:khoản|clauses?)[ \t]+{_NUMBER}(?:{_JOIN}(?:(?:khoản|clauses?)[ \t]+)?{_NUMBER})*", re.I)
_OF_ARTICLE = lazy(r"[ \t]+(?:of[ \t]+)?(?:điều|articles?)[ \t]+\d", re.I)
_DIGITS = lazy(r"\d+")


def _cited(text: str) -> list[tuple[int, int]]:
    """The spans of `text` citing articles, and clauses of an article, in order; [] when it cites no article."""
    articles = [m.span() for m in _CITATION.finditer(text)]
    if not articles:
        return []
    clauses = [m.span() for m in _CLAUSES.finditer(text) if _OF_ARTICLE.match(text, m.end())]
    return sorted(articles + clauses)


def cited_aside(text: str) -> str:
    """`text` with the numbers of the articles and clauses it cites set aside (`#`), or "" when it cites none."""
    spans = _cited(text)
    if not spans:
        return ""
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], _DIGITS.sub("#", text[start:end])]
        at = end
    return "".join([*out, text[at:]])


def cited_numbers(text: str) -> tuple[str, ...]:
    """The numbers of the articles and clauses `text` cites, in order (the ones `cited_aside` sets aside)."""
    return tuple(number for start, end in _cited(text) for number in _DIGITS.findall(text, start, end))


def closest(key: str, numbers: tuple[str, ...], candidates: Sequence[tuple[str, tuple[str, ...]]]) -> int:
    """The position of the candidate citing the most of `numbers` at the same places (post-condition 2)."""
    best, best_rank = 0, (-1, False)
    for position, (their_key, theirs) in enumerate(candidates[:CANDIDATES]):
        rank = (sum(map(str.__eq__, numbers, theirs)), their_key == key)
        if rank > best_rank:
            best, best_rank = position, rank
    return best
