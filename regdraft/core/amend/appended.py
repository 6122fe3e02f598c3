"""New instructions after those of a document whose numbers are kept (`amend from-edits` on an issued text).

`amend from-edits` places a new instruction among the document's own in the order of the provisions they amend,
numbering those after it anew (`core.amend.revised`, `core.amend.kept`). An issued text (numbered and signed: Luật
57/2024/QH15 imported to be consolidated) or a translation numbered as its original is cited by its numbers: the
consolidated text's footnotes name `khoản 4 Điều 4 Luật số 57/2024/QH15`. `appended(old, amendment, regulation, was,
written, why)` keeps them, as `sync` keeps them merging two drafters' additions (`workspace.instruction_merge`).

Post-conditions of `appended`:
1. Each instruction of `was` that `written` still holds (as written, or reworded in its place: its line in the
   document is its own) bears its number in `was`; those of `written` that are new follow them all, in the order
   `written` has them (the house order), numbered on from the last of `was` (21 instructions: 22, 23, …).
2. The result makes the change `written` makes (the same articles as they leave them, applied to `old`).
3. `RegdraftError`, naming the instruction and `why` (the reason its numbers are kept), when `written` leaves out or
   moves an instruction of `was`, or when a new instruction placed last would change the text otherwise.
4. An instruction of `was` whose line is in `fixed` (one of the text as issued: `workspace.as_issued`) is in the
   result word for word (its sentence, its quote, its nested instructions); `written` rewording one (an edit
   `core.amend.revised` could not write as a new instruction) is `RegdraftError` naming it, and what to do.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.kept import Effects, relocated
from regdraft.core.commands import Command
from regdraft.core.errors import RegdraftError
from regdraft.core.model import Regulation


def appended(old: Regulation, amendment: Amendment, regulation: str, was: Sequence[Instruction],
             written: Sequence[Instruction], why: str,
             fixed: Collection[int] = ()) -> tuple[tuple[Instruction, ...], tuple[Instruction, ...]]:
    """`written` with `was`'s instructions under their own numbers and the new ones after them (see the module), and
    the new ones as numbered; `amendment` is the document they stand in, `regulation` the id of `old`, `fixed` the
    lines of `was`'s instructions kept word for word."""
    own = {ins.line: ins for ins in was if ins.line > 0}
    kept = [ins for ins in written if ins.line in own]
    new = [ins for ins in written if ins.line not in own]
    reworded = next((ins for ins in kept if ins.line in fixed and wording_of(ins) != wording_of(own[ins.line])), None)
    if reworded is not None:
        one = own[reworded.line]
        raise RegdraftError(f"{amendment.source}: {why}, and the edited text changes what its instruction "
                            f"{one.location} writes (line {one.line}: {one.text.strip()}), whose words stay as "
                            "issued; an amending document changes a provision by one instruction only, so the edit "
                            "cannot be a new instruction of it either. Put that text back in the edited copy as the "
                            "amendment's preview has it, and make the change by a new amending document "
                            f"(`{Command.of('amend from-edits', 'NEW-SLUG', edited='FILE')}`).")
    where = f"{amendment.source}: {why}, so its instructions keep their numbers"
    taken = [ins for ins in was if ins.line not in {k.line for k in kept}]
    if taken:
        first = taken[0]
        raise RegdraftError(f"{where}; the edited text would take out instruction {first.location} "
                            f"(line {first.line}: {first.text.strip()}), and an issued instruction is not taken out "
                            "by editing its document: put back the text it writes in the edited copy, or make the "
                            "change by a new amending document.")
    if [ins.line for ins in kept] != [ins.line for ins in was if ins.line in own]:
        raise RegdraftError(f"{where}; the edited text would reorder them, which no edit of the text can mean: start "
                            "again from the amendment's preview.")
    if not new:
        return tuple(written), ()
    last = max((int(ins.location.partition(".")[0]) for ins in was if ins.location.partition(".")[0].isdigit()),
               default=0)
    added = tuple(relocated(ins, str(last + n)) for n, ins in enumerate(new, 1))
    result = (*(relocated(ins, own[ins.line].location.partition(".")[0]) for ins in kept), *added)
    effects = Effects(old, amendment, regulation)
    if effects.of(result) != effects.of(tuple(written)):
        one = added[0]
        raise RegdraftError(f"{where}, and a new instruction goes after them; placed last, the new instruction "
                            f"{one.location} ({one.text.strip()}) would change the text otherwise than the edited "
                            "text does, as an instruction after it changes the same provision: make this change by "
                            "a new amending document.")
    return result, added


def appended_note(why: str, added: tuple[Instruction, ...]) -> str:
    """The note on new instructions placed after those of a document whose numbers are kept."""
    if not added:
        return ""
    listed = "; ".join(f"{ins.location} ({ins.text.strip()})" for ins in added)
    return (f"{why}, so its instructions keep their numbers (they are cited by them) and the new "
            f"{'one follows them' if len(added) == 1 else 'ones follow them'}, not in the order of the provisions: "
            f"{listed}")


def wording_of(ins: Instruction) -> tuple[object, ...]:
    """An instruction as written, wherever it is numbered: its sentence, its quote, its nested instructions so."""
    return ins.text, ins.quote, tuple(wording_of(child) for child in ins.children)
