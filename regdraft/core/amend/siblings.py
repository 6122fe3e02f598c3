"""Consecutive points (clauses) of one clause (article) amended whole, named in one instruction with one quote, as
amending laws write them: `Sửa đổi, bổ sung điểm b và điểm c khoản 1 Điều 6 như sau:` then `“b) …` `c) …”.`
(Luật 57/2024, amending the PPP law), `Sửa đổi, bổ sung các điểm b, c và d khoản 1 như sau:`, `… khoản 2 và khoản 3
…`. Units that are not consecutive keep their group, `a)` khoản 1, `b)` khoản 3 (`Sửa đổi, bổ sung khoản 1 và khoản 3
Điều 73 như sau:`, `wording.number`).

`joined(instructions, regulation)` words so every group of `instructions` whose lettered instructions amend whole a
consecutive run of units of `regulation` (the edited text); `folded(ins, others, regulation, language)` is the
instruction of `others` (the amending document's) that an instruction `ins` amending a unit whole joins in that
wording, with its new place among them.

Post-conditions:
1. The joined (folded) instruction reads back, with `load_amendment`, as itself: its sentence names the units in
   their order, its quote holds each unit's lines in that order and ends as the one it replaces ended (`”.`, `”;`).
2. It makes the changes of the instructions it joins: each unit gets the text they quote.
3. An instruction of the document keeps its own lines for its unit (and the article heading it quotes first, as
   Nghị định 48/2013 quotes `“Điều 30. Kế hoạch rà soát, đánh giá` before khoản 4); only its sentence is written
   anew, and the folded unit's lines are added in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.amend.grammar import AmendGroup, ReplaceUnit, Several
from regdraft.core.amend.instructions import Instruction, read_instructions
from regdraft.core.amend.kept import ending
from regdraft.core.amend.quote import HEADING, strip_quotes
from regdraft.core.amend.wording import cite
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.model import Address, Kind, Regulation, noun

_KINDS = (Kind.POINT, Kind.CLAUSE)


def joined(instructions: Sequence[Instruction], regulation: Regulation) -> tuple[Instruction, ...]:
    """`instructions` with each group amending whole a consecutive run of units written as one instruction."""
    out = []
    for ins in instructions:
        members = ins.children if isinstance(ins.op, AmendGroup) else ()
        run = [_whole(child) for child in members]
        addresses = [a for a in run if a is not None]
        together = None
        if len(addresses) == len(run) >= 2 and _consecutive(addresses, regulation):
            lines = [line for child in members for line in strip_quotes(list(child.quote))]
            together = several(ins.location, addresses, lines, _end(members[-1]), ins.article, regulation.language)
        out.append(together or ins)
    return tuple(out)


def folded(ins: Instruction, others: Sequence[Instruction], regulation: Regulation,
           language: str) -> tuple[int, Instruction] | None:
    """The index in `others` of the instruction `ins` (amending a point or clause whole) joins, and that instruction
    naming both; None when none amends whole a unit next to it (post-condition 3)."""
    target = _whole(ins)
    if target is None:
        return None
    for n, other in enumerate(others):
        named = _named(other)
        if not named or target in named or any(a.parent() != target.parent() or a.kind is not target.kind
                                               for a in named):
            continue
        addresses = sorted([*named, target], key=lambda a: _place(a, regulation))
        if not _consecutive(addresses, regulation):
            continue
        heading = _heading(other, named[0])
        own = dict(zip(named, _own_lines(other, heading), strict=True))
        own[target] = strip_quotes(list(ins.quote))
        lines = [line for a in addresses for line in own[a]]
        for first in ([heading] if heading else []) + [None]:
            together = several(other.location, addresses, [first, *lines] if first else lines, _end(other),
                               other.article, language, line=other.line)
            if together is not None:
                return n, together
    return None


def several(location: str, addresses: Sequence[Address], lines: Sequence[str], end: str, article: str,
            language: str, *, line: int = 0) -> Instruction | None:
    """The instruction amending the units `addresses` (of one clause or article, in order) with the quoted `lines`,
    read back as `load_amendment` reads it; None when it would not read."""
    text = _sentence(addresses, language)
    quoted = list(lines)
    quoted[0] = "“" + quoted[0]
    quoted[-1] = quoted[-1] + "”" + end
    problems: list[Problem] = []
    try:
        _, read = read_instructions([(f"{location.partition('.')[0]}. {text}", line),
                                     *((p, line) for p in quoted)], article, "<joined>", language, problems, [],
                                    numbered=False)
    except RegdraftError:
        return None
    if problems or len(read) != 1 or not isinstance(read[0].op, Several):
        return None
    together = read[0]
    return replace(together, location=location, children=tuple(replace(c, location=location)
                                                                  for c in together.children))


def _sentence(addresses: Sequence[Address], language: str) -> str:
    """`Sửa đổi, bổ sung điểm a và điểm b khoản 1 Điều 30 như sau:`, `các điểm b, c và d`; `Points a and b, clause 1,
    Article 30 are amended to read:`."""
    kind, labels = addresses[0].kind, [a.label for a in addresses]
    holder = addresses[0].parent()
    assert holder is not None
    if language == "en":
        labels = [label.replace("đ", "dd") for label in labels]
        named = f"{', '.join(labels[:-1])} and {labels[-1]}"
        plural = "Points" if kind is Kind.POINT else "Clauses"
        where = f"{plural} {named}, {cite(holder, language)}" if kind is Kind.POINT else \
            f"{plural} {named} of {cite(holder, language)}"
        return f"{where} are amended to read:"
    word = noun(kind, "vi")
    named = f"{word} {labels[0]} và {word} {labels[1]}" if len(labels) == 2 else \
        f"các {word} {', '.join(labels[:-1])} và {labels[-1]}"
    return f"Sửa đổi, bổ sung {named} {cite(holder, 'vi')} như sau:"


def _whole(ins: Instruction) -> Address | None:
    """The point or clause `ins` amends whole, alone (its new text quoted), or None."""
    op = ins.op
    if (isinstance(op, ReplaceUnit) and not op.target.part and not op.about and not ins.children
            and op.target.kind in _KINDS and ins.unit is not None and not ins.unit.repealed and ins.quote):
        return op.target
    return None


def _named(ins: Instruction) -> list[Address]:
    """The units an instruction of the document amends whole, alone or named together (`điểm b và điểm c …`)."""
    if isinstance(ins.op, Several):
        parts = [_whole(child) for child in ins.children]
        return [a for a in parts if a is not None] if parts and None not in parts and ins.quote else []
    whole = None if ins.implied else _whole(ins)
    return [whole] if whole is not None else []


def _own_lines(ins: Instruction, heading: str | None) -> list[list[str]]:
    """The quoted lines of each unit an instruction of the document amends, without the heading it quotes first."""
    if isinstance(ins.op, Several):
        return [list(child.quote) for child in ins.children]
    lines = strip_quotes(list(ins.quote))
    return [lines[1:] if heading else lines]


def _heading(ins: Instruction, first: Address) -> str | None:
    """The heading of the article an instruction quotes before its clause or points (Nghị định 48/2013, before the
    unit `first`), unquoted."""
    lines = strip_quotes(list(ins.quote))
    match = HEADING.match(lines[0]) if len(lines) > 1 else None
    return lines[0] if match is not None and match.group(2) == first.segments[0].label else None


def _end(ins: Instruction) -> str:
    found = ending(ins.quote[-1]) if ins.quote else None
    return "." if found is None else found


def _place(address: Address, regulation: Regulation) -> int:
    parent = address.parent()
    assert parent is not None
    labels = [(c.kind, c.label) for c in regulation.find(parent).unit.children]
    return labels.index((address.kind, address.label))


def _consecutive(addresses: Sequence[Address], regulation: Regulation) -> bool:
    """Units of one clause (article), of one kind, standing next to one another in `regulation` in this order."""
    parent = addresses[0].parent()
    if parent is None or any(a.parent() != parent or a.kind is not addresses[0].kind or a.kind not in _KINDS
                             for a in addresses):
        return False
    try:
        places = [_place(a, regulation) for a in addresses]
    except (RegdraftError, ValueError):
        return False
    return places == list(range(places[0], places[0] + len(places)))
