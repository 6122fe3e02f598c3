"""Provisions an amendment names that only another pending amendment brings in (r26 sweep M, defect 3).

A second amending document drafted against the text as the first one leaves it (06-QC/TU repealing khoản 4a Điều 6,
which 05-QC/TU inserts) cannot be applied to the text in force while the first is pending: each instruction naming
such a provision fails with "khoản 4a Điều 6 does not exist". That is true, but a drafter reads it as a mistake in
the draft. `awaited` adds to each such problem the pending amendment that brings the provision in and what to do.

Post-conditions of `awaited(ws, amendment, problems)`:
1. `problems` is returned in its order; a problem at the line of an instruction of `amendment` that names a provision
   missing from the text in force (its target, or the unit it inserts after or into) gains one sentence where another
   pending amendment of the same regulation, applied alone to the text in force, has that provision: the sentence
   names the provision, that amendment (slug and number), its instruction that brings it in, and the commands to
   run (`amend adopt` it first, `amend conflicts`), as `Command` markers. Where the pending amendment brings in only
   the unit around the provision (Điều 20a with khoản 1-3 for an instruction on its khoản 4), the sentence says
   adopting it would not be enough (r27 sweep V, defect 2).
2. Cost: nothing is read or applied unless an instruction names a missing provision and has a problem; then each
   other pending amendment of that regulation is applied once, whatever the number of such instructions. Given a
   `Shared` (`check`, which asks for every pending amendment and writes nothing), each pending amendment of a
   regulation is applied once for all of them: `check` applied every other one again for each amendment with such
   a problem (80 amendments: 25.5 s, 160: 192 s; r27 sweep W, defect 4).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from regdraft.core.amend.apply import Applied, apply
from regdraft.core.amend.document import PENDING, Amendment, Instruction
from regdraft.core.amend.operations import InsertUnit, Operation, Several, targets
from regdraft.core.amend.quote import short
from regdraft.core.amend.tree import find_unit
from regdraft.core.commands import Command
from regdraft.core.errors import AmendmentConflict, ParseError, Problem, RegdraftError
from regdraft.core.model import Address, Regulation
from regdraft.workspace.amendments import list_amendments, target_regulation
from regdraft.workspace.store import Workspace

# Each regulation's pending amendments applied to its text in force, kept for one command that writes nothing.
Shared = dict[str, list[tuple[Amendment, Applied]]]


def awaited(ws: Workspace, amendment: Amendment, problems: Sequence[Problem],
            shared: Shared | None = None) -> tuple[Problem, ...]:
    """`problems` of applying `amendment`, each that a missing provision explains saying which pending amendment
    brings that provision in (see the module); `shared` keeps the pending amendments applied for the next call of
    the same command."""
    out = list(problems)
    lines = {p.line for p in out if p.source == amendment.source}
    for regulation in amendment.regulations or (amendment.regulation,):
        part = amendment.for_regulation(regulation)
        wanted = [ins for ins in part.leaves() if ins.line in lines]
        if not wanted:
            continue
        try:
            before = target_regulation(ws, part)
        except RegdraftError:
            continue  # the regulation cannot be read: that is reported on its own
        others: list[tuple[Amendment, Applied]] | None = None  # applied only once a provision is found missing
        for ins in wanted:
            missing = [(a, _highest(before, a)) for a in _named(ins.op) if find_unit(before.units, a) is None]
            if not missing:
                continue
            if others is None:
                others = _others(ws, amendment, regulation, before, shared)
            said = _brought(others, missing, before.language)
            if said is None:
                continue
            at = next(i for i, p in enumerate(out) if p.source == amendment.source and p.line == ins.line)
            out[at] = replace(out[at], message=f"{out[at].message.rstrip()} {said}")
            lines.discard(ins.line)
    return tuple(out)


def _named(op: Operation) -> list[Address]:
    """The provisions an instruction needs in the text: what it changes, or the unit it inserts after or into."""
    if isinstance(op, InsertUnit):
        return [a for a in (op.after, op.parent) if a is not None and a.segments]
    if isinstance(op, Several):
        return [a for p in op.parts for a in _named(p)]
    return list(dict.fromkeys(a.unit for a in targets(op) if a.segments))


def _highest(before: Regulation, address: Address) -> Address:
    """The outermost unit missing from `before` that holds `address` (Điều 35a for điểm đ khoản 2 Điều 35a)."""
    parent = address.parent()
    while parent is not None and parent.segments and find_unit(before.units, parent) is None:
        address, parent = parent, parent.parent()
    return address


def _others(ws: Workspace, amendment: Amendment, regulation: str, before: Regulation,
            shared: Shared | None) -> list[tuple[Amendment, Applied]]:
    """The pending amendments of `regulation` other than `amendment`, applied: all of them once into `shared`."""
    if shared is None:
        return list(_pending(ws, amendment.slug, regulation, before))
    if regulation not in shared:
        shared[regulation] = list(_pending(ws, None, regulation, before))
    return [(other, applied) for other, applied in shared[regulation] if other.slug != amendment.slug]


def _pending(ws: Workspace, skipped: str | None, regulation: str,
             before: Regulation) -> Iterator[tuple[Amendment, Applied]]:
    """Every pending amendment of `regulation` but `skipped` that applies to the text in force, with what it makes."""
    for other in list_amendments(ws):
        if other.slug == skipped or other.status not in PENDING or regulation not in (
                other.regulations or (other.regulation,)):
            continue
        try:
            yield other, apply(before, other.for_regulation(regulation), checked=False)
        except (AmendmentConflict, ParseError):
            continue  # it does not apply either: its own check says why


def _brought(others: list[tuple[Amendment, Applied]], missing: list[tuple[Address, Address]],
             language: str) -> str | None:
    """The sentence naming the pending amendment that brings in the first missing provision one of them has: the
    provision the instruction names, or else (r27 sweep V) only the unit around it, which it says is not enough."""
    for needed, address in missing:
        short_of: str | None = None
        for other, applied in others:
            unit = find_unit(applied.regulation.units, address)
            if unit is None or unit.repealed:
                continue
            by = next((c.instruction for c in applied.changes if c.address.unit.contains(address)), None)
            whole = find_unit(applied.regulation.units, needed)
            if whole is not None and not whole.repealed:
                return _sentence(address, other, by, language)
            short_of = short_of or _sentence(address, other, by, language, needed)
        if short_of is not None:
            return short_of
    return None


def _sentence(address: Address, other: Amendment, by: Instruction | None, language: str,
              lacking: Address | None = None) -> str:
    number = f" ({other.number})" if other.number else ""
    inserted = by is not None and isinstance(by.op, InsertUnit)
    which = f" (instruction {by.location}, line {by.line}{'' if inserted else ': ' + short(by.text)})" if by else ""
    brings = f"The pending amendment {other.slug}{number} {'inserts' if inserted else 'brings in'} " \
             f"{address.describe(language)}{which}"
    if lacking is not None:
        return (f"{brings}, but without {lacking.describe(language)}, which this instruction needs: adopting it "
                f"first would not be enough; see what the two change alike with `{Command.of('amend conflicts')}`.")
    return (f"{brings}: adopt it first (`{Command.of('amend adopt', other.slug)}`) and "
            f"check this one again, or see what the two change alike with `{Command.of('amend conflicts')}`.")
