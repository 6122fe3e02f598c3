"""Which instruction leaves an amended text that does not read back, and what reads otherwise (`amend check`).

The amended text is written out and read again; where it does not read as the same provisions (a word replacement
starting a paragraph with `d1)`, a quote's paragraph that looks like a point) or reads with a problem the text before
had not (`Khoản 3 Điều 43 appears twice`), `amend check` said so of the whole document, naming no instruction.
`unread(before, amendment)` finds it.

Post-conditions of `unread`:
1. None when the text `amendment` leaves (applied to `before`) reads back as the same provisions with no new problem.
2. Otherwise the instruction (the lettered one inside a group when one alone of them changes the provision that reads
   otherwise) after which the text first fails to read back, instructions applied in their order: the text the ones
   before it leave reads back; and `what`, a clause saying how it reads (the provision a paragraph becomes, the
   provision that is no longer read as its own, the text that reads otherwise; or the problem the reading finds).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from regdraft.core.amend.apply import Applied, apply
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.operations import targets
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Kind, Regulation, Unit


@dataclass(frozen=True, slots=True)
class Unread:
    """The instruction after which the amended text does not read back, and how it reads."""

    instruction: Instruction
    what: str


def unread(before: Regulation, amendment: Amendment) -> Unread | None:
    """The first instruction of `amendment` (its article amending `before`) whose text does not read back (see the
    module)."""
    part = amendment.for_regulation(before.id) if before.id in amendment.regulations else amendment
    instructions = part.instructions
    if not instructions:
        return None
    known = {p.message for p in read(render(before), before.source).problems}

    def failing(n: int) -> tuple[Applied, str, Address | None] | None:
        try:
            applied = apply(before, replace(part, instructions=instructions[:n]), checked=False)
        except RegdraftError:
            return None
        found = _reads_otherwise(applied.regulation, known, part.language)
        return None if found is None else (applied, *found)

    last = failing(len(instructions))
    if last is None:
        return None
    # The text before any instruction reads back (its own problems are known); the first that fails is found by
    # halving, each side kept so: the one at `hi` fails, the one at `lo` does not.
    lo, hi = 0, len(instructions)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        found = failing(mid)
        if found is None:
            lo = mid
        else:
            hi, last = mid, found
    applied, what, address = last
    return Unread(_leaf(instructions[hi - 1], applied, address), what)


def _leaf(ins: Instruction, applied: Applied, address: Address | None) -> Instruction:
    """`ins`, or the one of its lettered instructions that alone changes the provision holding `address`."""
    if not ins.children or address is None:
        return ins
    leaves = {id(leaf) for leaf in ins.leaves()}
    mine = [change.instruction for change in applied.changes if id(change.instruction) in leaves
            and (change.address.contains(address) or address.contains(change.address))]
    if mine and all(one is mine[0] for one in mine):
        return next((child for child in ins.children if child is mine[0] or id(mine[0]) in
                     {id(leaf) for leaf in child.leaves()}), ins)
    return ins


def _reads_otherwise(amended: Regulation, known: set[str], language: str) -> tuple[str, Address | None] | None:
    """How `amended`, written out and read again, reads otherwise: a provision read otherwise, else a new problem."""
    reading = read(render(amended), amended.source)
    new = [p for p in reading.problems if p.message not in known]
    again = reading.regulation
    if again.units == amended.units and again.preamble == amended.preamble:
        # The problems of a text written out are the reading's own words about that file (`remove the marker`):
        # the drafter's text is the instruction, so only the provision is named.
        return (f"read again, it has a problem the text before had not ({new[0].message.rstrip('.')})", None) \
            if new else None
    return read_otherwise(amended, again, language)


def read_otherwise(amended: Regulation, again: Regulation, language: str) -> tuple[str, Address | None]:
    """The first provision `again` (`amended` written out and read again) reads otherwise than `amended` holds it, in
    words, and its address (None for the preamble)."""
    mine = {loc.address: loc.unit for loc in amended.walk()}
    read: dict[Address, list[Unit]] = {}
    for loc in again.walk():
        read.setdefault(loc.address, []).append(loc.unit)
    for address, units in read.items():
        if address not in mine or len(units) > 1:
            # Of two units of one number, the one the amended text does not hold is the paragraph read as it.
            unit = next((u for u in units if u != mine.get(address)), units[0])
            second = "a second " if len(units) > 1 else ""
            return (f"a paragraph is read back as {second}{address.describe(language)} (“{_opening(unit, language)}”), "
                    "a provision the amended text does not have", address)
    theirs = {address: units[0] for address, units in read.items()}
    for loc in amended.walk():
        if loc.address not in theirs:
            return f"{loc.address.describe(language)} is no longer read back as a provision of its own", loc.address
    for loc in amended.walk():
        other = theirs[loc.address]
        named = loc.address.describe(language)
        if loc.unit.title != other.title:
            return (f"the title of {named} reads back as “{_shortened(other.title or '')}”, not "
                    f"“{_shortened(loc.unit.title or '')}”", loc.address)
        if (loc.unit.text, loc.unit.closing) != (other.text, other.closing):
            written, read_back = (*loc.unit.text, *loc.unit.closing), (*other.text, *other.closing)
            lost = next((p for p in written if p not in read_back), "")
            if lost:
                return f"a paragraph of {named} (“{_shortened(lost)}”) is not read back as written", loc.address
            gained = next((p for p in read_back if p not in written), "")
            if gained:
                return f"a paragraph “{_shortened(gained)}” is read back into {named}", loc.address
            return f"the text of {named} is not read back as written", loc.address
    gained = next((p for p in again.preamble if p not in amended.preamble), "")
    if gained:
        return f"a paragraph “{_shortened(gained)}” is read back into the preamble", None
    return "the preamble reads back otherwise", None


def _opening(unit: Unit, language: str) -> str:
    """The first words of a unit as read: its label as the text writes it (`3.`, `b)`, `Điều 43a.` with its title:
    an article's was quoted “43a Đối với …”, r41 sweep CH F2), its title and text."""
    from regdraft.core.markdown_writer import heading_text

    if unit.kind in (Kind.CLAUSE, Kind.POINT):
        head = " ".join(filter(None, ({Kind.POINT: f"{unit.label})"}.get(unit.kind, f"{unit.label}."), unit.title)))
    else:
        head = heading_text(unit, language)
    return _shortened(" ".join(filter(None, (head, *unit.text[:1]))))


def _shortened(text: str, words: int = 12) -> str:
    """`text`'s first `words` words, `…` after them when there are more."""
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def unread_problem(found: Unread, amendment: Amendment) -> Problem:
    """The problem `amend check` reports at the instruction: its number, what it amends, how the text reads back."""
    ins = found.instruction
    named = [a for leaf in (ins.leaves() or [ins]) for a in targets(leaf.op)]
    on = f" on {named[0].describe(amendment.language)}" if named else ""
    return Problem(f"instruction {ins.location}{on} ({ins.text.strip()}) leaves a text that does not read back as "
                   f"the same provisions: {found.what}. Check the words it writes for a paragraph that begins like a "
                   "clause or point (`3.`, `d1)`).",
                   amendment.source, ins.line)
