"""Placeholders (`3. (được bãi bỏ)`) quoted inside the new text of an amending document, which no amending document
enacts: a unit is repealed with `Bãi bỏ khoản 3 Điều 2.`, and the new text of a unit amended whole leaves out a unit
repealed at its end (docs/from-edits.md; `amend from-edits` writes them so).

Post-conditions of `placeholders_quoted`:
1. One warning per placeholder quoted in an instruction's new unit (the unit itself or one inside it), at the
   placeholder's line, naming the instruction and the provision, with the fix: `Bãi bỏ …` for a unit in force (or,
   at the end of the new text, leaving it out), leaving it out for a new unit or one repealed already.
2. No warning for a unit repealed already that a unit of its kind in force follows in the quote: leaving it out
   would renumber the ones after it, which are never renumbered, so the quote keeps its place (as `amend from-edits`
   writes it).
"""

from __future__ import annotations

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.operations import InsertUnit, RepealUnits, ReplaceUnit
from regdraft.core.amend.quote import short
from regdraft.core.amend.wording import sentence
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.labels import REPEALED_TEXT
from regdraft.core.model import Address, Regulation, Unit, unit_address


def placeholders_quoted(amendment: Amendment, before: Regulation) -> list[Problem]:
    """Warnings for the placeholders the new units of `amendment`'s instructions quote (`before`: the text they
    amend)."""
    out: list[Problem] = []
    language = amendment.language or before.language
    kind = str(before.meta.get("type") or "Quy chế")
    for ins in amendment.leaves():
        if ins.unit is None or not isinstance(ins.op, (ReplaceUnit, InsertUnit)):
            continue
        for address, unit, last in _placeholders(ins.unit, ins.op.target, True, language):
            was = _in_force(before, address)
            if was is not None and was.repealed and not last:
                continue  # post-condition 2
            where, whole = address.describe(language), ins.op.target.describe(language)
            if was is not None and not was.repealed:
                repeal = sentence(RepealUnits((address,)), language, document_type=kind)
                fix = f"repeal the unit with '{repeal}' instead" + (
                    "" if address == ins.op.target else f", or leave it out of the new text of {whole}" if last
                    else ", and amend the units around it on their own")
            elif address == ins.op.target:
                fix = (f"{where} is repealed already" if was is not None else "a new unit is never a placeholder") \
                    + ": leave the instruction out"
            else:
                fix = f"{where} is {'repealed already' if was is not None else 'not in the text in force'}: leave it " \
                      f"out of the new text of {whole}"
            out.append(Problem(
                f"instruction {ins.location} ({short(ins.text)}) quotes {where} as the placeholder "
                f"«{REPEALED_TEXT.get(language, REPEALED_TEXT['vi'])}» in its new text: no amending document enacts "
                f"a placeholder; {fix}.", amendment.source, unit.line or ins.line))
    return out


def _placeholders(unit: Unit, address: Address, last: bool, language: str) -> list[tuple[Address, Unit, bool]]:
    """The placeholders in `unit` (at `address`; itself included: a quote of one unit alone is read as its text),
    each with whether only placeholders of its kind follow it in its holder (`last`: the quote may leave it out)."""
    if unit.repealed or (not unit.children and unit.text == (REPEALED_TEXT.get(language, REPEALED_TEXT["vi"]),)):
        return [(address, unit, last)]
    found = []
    for k, child in enumerate(unit.children):
        after = unit.children[k + 1:]
        found += _placeholders(child, unit_address(child, address),
                               all(c.repealed for c in after if c.kind is child.kind), language)
    return found


def _in_force(before: Regulation, address: Address) -> Unit | None:
    try:
        return before.find(address).unit
    except RegdraftError:
        return None
