"""Instructions an edited text would undo, and instructions that change nothing.

A drafter who copies the regulation's file (the text in force) instead of the amendment's preview, edits one
provision and runs `amend from-edits` gives a text that leaves every provision the amendment already changes as it
is in force: written from it, the amendment's other instructions would be dropped, or kept with their new text
rewritten to the text in force (r34 sweep BD 1). `undone` finds them, so the command can refuse before writing;
`changes_nothing` is the warning `check` gives for an instruction left so.

Post-conditions of `undone(old, amendment, edited)`:
1. One `Undone` per numbered instruction (a nested one by its location, `3.a`) with a provision that the
   instructions, applied to `old`, change, and that `edited` has exactly as `old` has it (a unit inserted by the
   amendment and absent from `edited`, a repealed unit still in it word for word, a title put back), in
   document order, with those provisions in the order the instructions change them.
2. A provision the edit changes in any other way (deleted outright, worded anew) is the drafter's edit, not undone;
   so is a unit the amendment inserts into one the edit repeals (an article moved away, left as its placeholder).
3. Nothing when `edited` keeps any provision as the preview has it where the preview differs from `old`: the text
   is the preview, edited, and a change put back there is the drafter's (a phrase replaced throughout, put back at
   one place); only a text that keeps none of the amendment's changes reads as a copy of the text in force.
4. Instructions that cannot be applied yield nothing (`amend check` reports why); nothing is written.

Post-conditions of `changes_nothing(amendment, before)`:
1. One warning per instruction that re-enacts a unit (or a title) with exactly the text `before` gives it, on the
   instruction's line, naming the instruction and the provision.
"""

from __future__ import annotations

from dataclasses import dataclass

from regdraft.core.amend.document import Amendment, Instruction
from regdraft.core.amend.operations import ReplaceHeading, ReplaceUnit
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.model import Address, Regulation, Unit
from regdraft.core.parts import part_paragraphs


@dataclass(frozen=True, slots=True)
class Undone:
    """A numbered instruction (`location`: `1`, `3.a`) whose change an edited text takes back at `provisions`."""

    location: str
    line: int
    provisions: tuple[Address, ...]

    def describe(self, language: str) -> str:
        """`instruction 1 (khoản 1 Điều 9)`: its number and the provisions it changes that the edit puts back."""
        return f"instruction {self.location} ({', '.join(a.describe(language) for a in self.provisions)})"


def _state(reg: Regulation, address: Address) -> Unit | tuple[str, ...] | None:
    """What `reg` has at `address`: the unit, the paragraphs (or title) of a part, None when it has no such unit."""
    try:
        unit = reg.find(address).unit
    except RegdraftError:
        return None
    return part_paragraphs(unit, address.part) if address.part else unit


def _stands(reg: Regulation, address: Address | None) -> bool:
    """Whether `reg` has the unit at `address` in force (not repealed); True for no address (the text itself)."""
    if address is None:
        return True
    held = _state(reg, address)
    return isinstance(held, Unit) and not held.repealed


def undone(old: Regulation, amendment: Amendment, edited: Regulation) -> tuple[Undone, ...]:
    """The instructions of `amendment` (as it amends `old`) whose changes `edited` leaves as in force (see the
    module)."""
    from regdraft.core.amend.apply import apply

    try:
        applied = apply(old, amendment, checked=False)
    except RegdraftError:
        return ()
    preview = applied.regulation
    found: dict[str, tuple[int, list[Address]]] = {}
    for change in applied.changes:
        at = change.provision
        before, after, now = _state(old, at), _state(preview, at), _state(edited, at)
        if after == before:
            continue
        if now == after:
            return ()  # the preview, edited (post-condition 3)
        if now != before:
            continue
        if before is None and not _stands(edited, at.parent()):
            continue  # a unit inserted into one the edit repeals (or moves away): the edit's own change
        ins = change.instruction
        _, provisions = found.setdefault(ins.location, (ins.line, []))
        if at not in provisions:
            provisions.append(at)
    return tuple(Undone(location, line, tuple(provisions)) for location, (line, provisions) in found.items())


def undone_message(name: str, slug: str, undone: tuple[Undone, ...], language: str, preview: str) -> str:
    """The refusal of `amend from-edits` over an edited text that would undo `undone` (`preview`: the command that
    writes the amendment's preview to a file, as a `Command` marker)."""
    one = len(undone) == 1
    listed = "; ".join(u.describe(language) for u in undone)
    return (f"{name} has the text in force where amendment '{slug}' already changes it, so writing the instructions "
            f"from it would empty or drop {'this instruction' if one else 'these instructions'}: {listed}. It looks "
            "like a copy of the regulation's file, not of the amendment's preview; nothing was written. Start from "
            f"the preview (`{preview}`), make your edits in that copy and run this command again with it; to undo "
            "those changes on purpose, run it again with the option below.")


def changes_nothing(amendment: Amendment, before: Regulation) -> list[Problem]:
    """Warnings for the instructions of `amendment` whose new text is the text `before` (in force) has (see the
    module)."""
    language = amendment.language or before.language
    out: list[Problem] = []
    for ins in amendment.leaves():
        target = _re_enacted(ins, before)
        if target is None:
            continue
        out.append(Problem(
            f"instruction {ins.location} gives {target.describe(language)} the text it already has in force, so it "
            "changes nothing: write the new text meant, or leave the instruction out.",
            amendment.source, ins.line, warning=True))
    return out


def _re_enacted(ins: Instruction, before: Regulation) -> Address | None:
    """The provision `ins` re-enacts whole (or whose heading it renames) exactly as `before` has it, else None."""
    if ins.unit is None or not isinstance(ins.op, (ReplaceUnit, ReplaceHeading)) or ins.op.target.part:
        return None
    try:
        was = before.find(ins.op.target).unit
    except RegdraftError:
        return None
    if was.repealed:
        return None
    if isinstance(ins.op, ReplaceHeading):
        same = ins.unit.title is not None and ins.unit.title == was.title
    else:
        same = ins.unit == was
    return ins.op.target if same else None
