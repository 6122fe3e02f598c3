"""Compound instructions: one sentence joining several changes, as amending laws write them (`Sửa đổi, bổ sung
khoản 2 và khoản 3; bổ sung khoản 4 vào sau khoản 3 Điều 21 như sau:`, Luật 57/2024).

`changes(body, context, read, language)` cuts the sentence (without its number and closing `như sau:`) into its
changes, each a verb phrase `grammar` reads (`read`).

Post-conditions:
1. The changes are in the order the sentence names them; the sentence is never cut inside a quoted phrase.
2. A change that names no article (`Sửa đổi, bổ sung khoản 2 và khoản 3`) takes the article the last change names
   (with its clause, for points), as a provision of one list takes it from the next (`khoản 2 và khoản 3 Điều
   21`), unless the group's provision (`context`) names it; a change naming its own article is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from regdraft.core.amend.operations import InsertUnit, RepealUnits, ReplaceHeading, ReplaceUnit, ReplaceWords
from regdraft.core.amend.provisions import LEVEL, GrammarError, largest_named
from regdraft.core.model import Address, Kind, noun
from regdraft.core.patterns import lazy

VERBS = r"(?:sửa đổi|bổ sung|bãi bỏ|thay thế|thay|bỏ|sửa)"
_COMPOUND = lazy(rf";\s+(?={VERBS}[\s,])|\s+và\s+(?=(?:sửa đổi|bổ sung|bãi bỏ)\s)", re.IGNORECASE)

Part = ReplaceUnit | ReplaceHeading | InsertUnit | RepealUnits | ReplaceWords


def changes(body: str, context: Address | None, read: Callable[[str], Sequence[Part] | None],
            language: str) -> list[str]:
    """The changes of `body`, each naming its article (post-condition 2)."""
    return _completed([p.strip() for p in _split(body)], context, read, language)


def _split(body: str) -> list[str]:
    """Split `Sửa đổi khoản 3; bổ sung khoản 3a vào sau khoản 3` into its changes (never inside quotes)."""
    pieces: list[str] = []
    start = 0
    for match in _COMPOUND.finditer(body):
        at = match.start()
        if body.count("“", 0, at) != body.count("”", 0, at) or body.count('"', 0, at) % 2:
            continue
        pieces.append(body[start:match.start()])
        start = match.end()
    pieces.append(body[start:])
    return pieces


def _completed(pieces: list[str], context: Address | None, read: Callable[[str], Sequence[Part] | None],
               language: str) -> list[str]:
    """The changes of a compound instruction, each naming its article: the article the last change ends with
    (and its clause, for points) completes every earlier change that names none, as it completes the provisions
    of one list (`khoản 3 và khoản 4 Điều 20`). `Sửa đổi, bổ sung khoản 2 và khoản 3; bổ sung khoản 4 vào sau
    khoản 3 Điều 21` (Luật 57/2024) amends khoản 2 and khoản 3 of Điều 21. A group's provision already names it."""
    if len(pieces) < 2 or any(s.kind is Kind.ARTICLE for s in (context.segments if context else ())):
        return pieces
    try:
        last = read(pieces[-1])
    except GrammarError:
        return pieces  # reported when the last change is read in turn
    place = _place(last[-1]) if last else None
    if place is None or Kind.ARTICLE not in {s.kind for s in place.segments}:
        return pieces
    out = []
    for piece in pieces[:-1]:
        top = largest_named(piece)
        if 0 <= top < LEVEL[Kind.ARTICLE]:
            shared = [s for s in reversed(place.unit.segments)
                      if s.kind is Kind.ARTICLE or (s.kind is Kind.CLAUSE and top < LEVEL[Kind.CLAUSE])]
            piece = " ".join([piece, *(f"{noun(s.kind, language)} {s.label}" for s in shared)])
        out.append(piece)
    return [*out, pieces[-1]]


def _place(part: Part) -> Address | None:
    """The provision a change names last: where a unit is inserted, what it amends or repeals, where words change."""
    if isinstance(part, InsertUnit):
        return part.after or part.parent
    if isinstance(part, (ReplaceUnit, ReplaceHeading)):
        return part.target
    if isinstance(part, RepealUnits):
        return part.targets[-1]
    named = (*part.targets, *part.titles)
    return named[-1] if named else None
