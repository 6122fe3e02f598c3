"""Compound instructions: one sentence joining several changes, as amending laws write them (`Sửa đổi, bổ sung
khoản 2 và khoản 3; bổ sung khoản 4 vào sau khoản 3 Điều 21 như sau:`, Luật 57/2024).

`changes(body, context, read, language)` cuts the sentence (without its number and closing `như sau:`) into its
changes, each a verb phrase `grammar` reads (`read`).

Post-conditions:
1. The changes are in the order the sentence names them; the sentence is never cut inside a quoted phrase.
2. A change that names no article (`Sửa đổi, bổ sung khoản 2 và khoản 3`) takes the article the last change names
   (with its clause, for points), as a provision of one list takes it from the next (`khoản 2 và khoản 3 Điều
   21`), unless the group's provision (`context`) names it; a change naming its own article is left as written.
   An English sentence may name it in its first change instead (`Clause 1 of Article 10 is amended and clause 3 is
   added after clause 2`), as translations write it: then the later changes take it from the first.
3. An English sentence's changes are cut and worded as `regdraft.core.amend.english` says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from regdraft.core.amend.english import cut, standard
from regdraft.core.amend.operations import InsertUnit, RepealUnits, ReplaceHeading, ReplaceUnit, ReplaceWords
from regdraft.core.amend.provisions import LEVEL, GrammarError, largest_named
from regdraft.core.labels import written
from regdraft.core.model import Address, Kind, Segment, noun
from regdraft.core.patterns import lazy

VERBS = r"(?:sửa đổi|bổ sung|bãi bỏ|thay thế|thay|bỏ|sửa)"
_COMPOUND = lazy(rf";\s+(?={VERBS}[\s,])|\s+và\s+(?=(?:sửa đổi|bổ sung|bãi bỏ)\s)", re.IGNORECASE)

Part = ReplaceUnit | ReplaceHeading | InsertUnit | RepealUnits | ReplaceWords


def changes(body: str, context: Address | None, read: Callable[[str], Sequence[Part] | None],
            language: str) -> list[str]:
    """The changes of `body`, each naming its article (post-condition 2)."""
    if language == "en":
        return _completed([standard(p.strip()) for p in cut(body)], context, read, language)
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
    source = _named_place(pieces[-1], read)
    at = len(pieces) - 1
    if source is None and language == "en":
        source, at = _named_place(pieces[0], read), 0
    if source is None:
        return pieces
    out = []
    for k, piece in enumerate(pieces):
        top = largest_named(piece)
        if k != at and 0 <= top < LEVEL[Kind.ARTICLE]:
            shared = [s for s in reversed(source.unit.segments)
                      if s.kind is Kind.ARTICLE or (s.kind is Kind.CLAUSE and top < LEVEL[Kind.CLAUSE])]
            piece = _with(piece, shared, language)
        out.append(piece)
    return out


def _named_place(piece: str, read: Callable[[str], Sequence[Part] | None]) -> Address | None:
    """The provision a change names last, when it names its article."""
    try:
        found = read(piece)
    except GrammarError:
        return None  # reported when the change is read in turn
    place = _place(found[-1]) if found else None
    return place if place is not None and Kind.ARTICLE in {s.kind for s in place.segments} else None


# An English change whose provisions are its subject (`clause 3 is repealed`): they come before its verb.
_SUBJECT = lazy(r"^(?P<cite>(?!the\s+(?:words?|phrases?)\b)[^“”\"]+?)(?P<rest>\s+(?:is|are)\s+(?:amended|repealed|"
                r"annulled|abolished|deleted)\b.*)$", re.IGNORECASE)


def _with(piece: str, shared: list[Segment], language: str) -> str:
    """`piece` naming the clause and article of `shared` (smallest first) after its provisions: `khoản 2 Điều 21`,
    `clause 3 of Article 10`."""
    if language != "en":
        return " ".join([piece, *(f"{noun(s.kind, language)} {s.label}" for s in shared)])
    suffix = "".join(f" of {noun(s.kind, language)} {written(s.kind, s.label, language)}" for s in shared)
    subject = _SUBJECT.match(piece)
    return f"{subject.group('cite')}{suffix}{subject.group('rest')}" if subject else piece + suffix


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
