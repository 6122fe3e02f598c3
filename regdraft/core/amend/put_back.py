"""The instructions of an amending document whose every change an edited preview takes back.

A member who rejects, in a Word redline, the repeal of khoản 5 Điều 29 (Nghị định 48/2013's `Bãi bỏ Khoản 5 Điều
29.`) proposes the clause kept as in force; accepted, the draft holds the clause word for word as the text in force
has it. Written from that draft by comparing instructions afresh (`core.amend.kept`), the repeal was gone but the
instructions on the articles it shares with others (the `Các sửa đổi khác:` group changing words in khoản 3 Điều 29)
were rewritten too, and accepting was refused. The instruction put back is taken out instead, the others kept.

Post-conditions of `put_back(effects, was, edited, fixed)`:
1. None when no instruction of `was` outside `fixed` (by id) has every provision it changes (applied alone to the
   text in force, `effects.old`) exactly as the text in force has it in `edited`: a unit it inserts absent, a unit it
   repeals or amends word for word as in force. An instruction that cannot be applied alone is kept.
2. Otherwise `was` without those instructions, the others in their order and numbered 1, 2, ... (one after a
   taken-out instruction moves up); whether that makes `edited` is the caller's to check.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.kept import Effects, relocated
from regdraft.core.errors import RegdraftError
from regdraft.core.model import Address, Regulation, Unit


def put_back(effects: Effects, was: Sequence[Instruction], edited: Regulation,
             fixed: Collection[int] = ()) -> tuple[Instruction, ...] | None:
    """`was` without the instructions whose changes `edited` all takes back (see the module); None when none does."""
    out = [ins for ins in was if id(ins) in fixed or not _taken_back(effects, ins, edited)]
    if len(out) == len(was):
        return None
    return tuple(relocated(ins, str(n)) for n, ins in enumerate(out, 1))


def _taken_back(effects: Effects, ins: Instruction, edited: Regulation) -> bool:
    effect = effects.one(ins)
    return effect is not None and bool(effect.changed) and all(
        _unit(effects.old, at) == _unit(edited, at) for at in effect.changed)


def _unit(text: Regulation, address: Address) -> Unit | None:
    """The unit of `text` at `address` (its part's too: a title), None when it has none."""
    try:
        return text.find(address.unit).unit
    except RegdraftError:
        return None
