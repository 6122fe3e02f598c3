"""An amending document's instructions in words a colleague reads in `git log`.

`touched(instructions, language)` names the provisions by what happens to them ("amends
khoản 2 Điều 5, inserts Điều 20a, repeals khoản 3 Điều 10"); `listing(instructions)` gives one
line per instruction as the document words it, nested ones indented under their group.
Commit messages of `amend from-edits` and `amend adopt` are built from these.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from regdraft.core.address import TITLE
from regdraft.core.amend.document import Instruction
from regdraft.core.amend.grammar import InsertUnit, Operation, RepealUnits, ReplaceHeading, ReplaceUnit, ReplaceWords
from regdraft.core.amend.wording import cite_list
from regdraft.core.model import Address, label_order

LISTED = 3  # provisions named for one verb before they are counted instead


def _leaves(instructions: Sequence[Instruction]) -> Iterator[Operation]:
    for ins in instructions:
        if ins.children:
            yield from _leaves(ins.children)
        else:
            yield ins.op


def _document_order(address: Address) -> tuple[tuple[int, str], ...]:
    return tuple(label_order(s.kind, s.label) for s in address.segments)


def _named(addresses: list[Address], language: str) -> str:
    if len(addresses) > LISTED:
        return f"{len(addresses)} provisions"
    if language == "en":
        # As an English instruction cites them, one style and siblings together: `points a and b of clause 1 of
        # Article 5 and clause 2 of Article 5`, not `point a, clause 1, Article 5, point b, clause 1, …`.
        # In document order (`repeals Articles 6 and 11`), each with `of` among the other verbs' commas (`inserts point
        # d of clause 2 of Article 7`, not `point d, clause 2, Article 7`).
        titles = [a.unit for a in addresses if a.part == TITLE]
        units = sorted((a for a in addresses if a.part != TITLE), key=_document_order)
        return cite_list(units, language, titles=titles, of=True)
    cited = [a.describe(language) for a in addresses]
    return cited[0] if len(cited) == 1 else ", ".join(cited[:-1]) + " and " + cited[-1]


def touched(instructions: Sequence[Instruction], language: str = "vi") -> str:
    """What the instructions do to which provisions, verbs in the order they first occur."""
    verbs: dict[str, list[Address]] = {}
    words: list[str] = []
    for op in _leaves(instructions):
        if isinstance(op, ReplaceUnit):
            verbs.setdefault("amends", []).append(op.target)
        elif isinstance(op, ReplaceHeading):
            verbs.setdefault("renames", []).append(op.target)
        elif isinstance(op, InsertUnit):
            verbs.setdefault("inserts", []).append(op.target)
        elif isinstance(op, RepealUnits):
            verbs.setdefault("repeals", []).extend(op.targets)
        elif isinstance(op, ReplaceWords):
            verb = "deletes" if op.new is None else "replaces"
            # `tại tên Điều 22` names a title alone (`op.titles`), `tại phần mở đầu` the preamble: places too.
            places = [*op.targets, *(replace(a, part=TITLE) for a in op.titles)]
            where = ("throughout" if op.throughout else
                     " and ".join(filter(None, ["in the preamble" if op.preamble else "",
                                                f"in {_named(places, language)}" if places else ""])))
            # `Bổ sung cụm từ “, minh bạch” vào sau cụm từ “công bằng”` adds words, and replaces none.
            said = f"adds “{op.new}” {op.position} “{op.old}”" if op.position else f"{verb} “{op.old}”"
            words.append(f"{said} {where}")
    parts = [f"{verb} {_named(list(dict.fromkeys(found)), language)}" for verb, found in verbs.items()]
    parts += words
    return ", ".join(parts) if parts else "no instructions"


def listing(instructions: Sequence[Instruction], indent: str = "") -> list[str]:
    """One line per instruction as the document words it (`2. Bổ sung Điều 20a vào sau Điều 20 như sau:`); an
    instruction naming several provisions is one line, its per-provision split (`implied`) not being instructions."""
    lines: list[str] = []
    for ins in instructions:
        label = ins.location.rpartition(".")[2]
        lines.append(f"{indent}{label}{')' if indent else '.'} {ins.text}")
        lines.extend(listing([c for c in ins.children if not c.implied], indent + "   "))
    return lines
