"""The instructions that accepting a proposal must leave as the drafter wrote them.

Accepting a comment's proposed wording changes the instructions on the commented provision: the quote of the
one amending it, or a new instruction when none does. `rewritten(before, after, on)` names the instructions of
the amending article `before` that the accepted text `after` does not keep, among those that `on` says are not
on the provision: a proposal on Article 3 had rewritten `In Article 2(2), the words “30 days” are replaced by
“14 days”.` and taken out `Clause 3 of Article 2 is repealed.`

Post-conditions of `rewritten`:
1. An instruction is kept when its lines (without the blank lines after it) are in `after`'s amending article, in
   the order `before` has them, byte for byte but for its number: a new instruction inserted before it moves it
   down (`3\\.` becomes `4\\.`), as the house order places new instructions (docs/from-edits.md).
2. An instruction not kept is not listed when an instruction of `after` on the provision names every provision it
   names: the commented clause folded into the instruction amending the clause next to it (`Sửa đổi, bổ sung khoản
   2 và khoản 3 Điều 5 như sau:`, `core.amend.siblings`). What that instruction makes of them is the caller's to
   check (`as_edited`).
3. The result lists the other instructions not kept for which `on` is false, in their order in `before`.

`on_provision(address, effects)` is such an `on`: true for an instruction naming the provision at `address`, one
inside it or one holding it, or changing words throughout where they change one of those (in `effects`' text).
`as_edited(old, amendment, edited)` is true when `amendment` leaves `old` as `edited`, to the letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from regdraft.core.amend.apply import apply
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.edits import instructions_from_edits, unedited
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.kept import Effects
from regdraft.core.amend.operations import ReplaceWords, targets
from regdraft.core.errors import RegdraftError
from regdraft.core.model import Address, Regulation

_NUMBER = re.compile(r"^\d+[a-z]?(\\?\.\s)")

Article = tuple[str, Sequence[Instruction]]
"""An amending document's text, with the numbered instructions of one of its articles as read from it."""


def rewritten(before: Article, after: Article, on: Callable[[Instruction], bool]) -> list[Instruction]:
    """The instructions of `before` for which `on` is false that `after` does not keep (see the post-conditions)."""
    kept = [_unnumbered(chunk) for chunk in _chunks(*after)]
    holders = [set(_named(ins)) for ins in after[1] if on(ins)]
    out: list[Instruction] = []
    at = 0
    for ins, chunk in zip(_tops(before[1]), _chunks(*before), strict=True):
        if on(ins):
            continue
        found = next((n for n in range(at, len(kept)) if kept[n] == _unnumbered(chunk)), None)
        if found is not None:
            at = found + 1
        elif not any(set(_named(ins)) <= named for named in holders):
            out.append(ins)
    return out


def on_provision(address: Address, effects: Effects) -> Callable[[Instruction], bool]:
    """True for an instruction on the provision at `address` (see the module's docstring)."""
    def on(ins: Instruction) -> bool:
        named = _named(ins)
        leaves = ins.leaves() or [ins]
        if any(isinstance(leaf.op, ReplaceWords) and not targets(leaf.op) for leaf in leaves):
            effect = effects.one(ins)
            named.extend(a.unit for a in (effect.changed if effect is not None else ()))
        return any(a.contains(address.unit) or address.unit.contains(a) for a in named)
    return on


def as_edited(old: Regulation, amendment: Amendment, edited: Regulation) -> bool:
    """True when `amendment` applied to `old` leaves `edited`: no instruction is wanted to go from one to the other
    (a repealed unit's placeholder too)."""
    try:
        applied = apply(old, amendment, checked=False).regulation
        # Equal, the two are not searched for instructions (every edit site of the text walked) to find none.
        return unedited(applied, edited) or not instructions_from_edits(applied, edited).instructions
    except RegdraftError:
        return False


def _named(ins: Instruction) -> list[Address]:
    """The provisions `ins` names (its nested instructions too)."""
    return [a.unit for leaf in ins.leaves() or [ins] for a in targets(leaf.op)]


def _tops(instructions: Sequence[Instruction]) -> list[Instruction]:
    return sorted(instructions, key=lambda ins: ins.line)


def _chunks(text: str, instructions: Sequence[Instruction]) -> list[list[str]]:
    """The lines of each instruction (1-based `line`), up to the next one or the next heading; blank lines after
    it left out."""
    lines = text.split("\n")
    starts = [ins.line - 1 for ins in _tops(instructions)]
    out = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
        chunk = lines[start:end]
        while chunk and not chunk[-1].strip():
            chunk.pop()
        out.append(chunk)
    return out


def _unnumbered(chunk: list[str]) -> list[str]:
    """An instruction's lines with its number taken off its first line."""
    return [_NUMBER.sub(r"\1", chunk[0]), *chunk[1:]] if chunk else chunk
