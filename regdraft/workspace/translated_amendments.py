"""A translation's amending documents against its original's: what they leave untranslated.

A translation holds an amendment of its original when one of its own adopted amending documents bears that number
(`export.untranslated`). A translation of 2 of 05-QC/TU's 14 instructions, adopted to 01-QC/TU-EN, then made `list`
and `check` say nothing while Article 20a and the changes to Articles 5, 6, 8, 9 and 12 were missing (r38 sweep BV 1).
Here each such pair is compared instruction by instruction (`core.amend.translated_changes`).

Post-conditions:
1. `partly_translated` gives one clause for each amendment of the original in force on the day whose number the
   translation holds but whose instructions it does not all translate (numbered, with what they change), and one
   for each article that amendment inserted in the original that the translation's text lacks; none otherwise.
   `untranslated_parts` names the same instructions for the note heading the translation's consolidated text, in
   its own language (`clauses 2, 3, 5–14 of Article 1 of Regulations No. 05-QC/TU of 28 March 2025 (…)`).
2. `amendments.kept_numbers` says whether an amending document of a translation bears the number of an amending
   document of its original (or none yet): its instructions may then keep the original's numbers, with gaps; and
   `numbers_unlike` gives `amend check`'s problems for its instructions numbered otherwise than the original's one
   instruction they translate (refused while pending), and its warnings for those that change other provisions than
   the original's instructions of their numbers, and for the original's it does not translate.
Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from regdraft.core.amend.grammar import InsertUnit
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.model import Address, Kind

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.amend.instructions import Instruction
    from regdraft.core.model import Regulation
    from regdraft.workspace.store import Workspace


def partly_translated(ws: Workspace, reg_id: str, meta: Mapping[str, Any], day: dt.date,
                      held: Sequence[Amendment], text: Callable[[], Regulation]) -> list[str]:
    """The clauses naming what the translation `reg_id` (front matter `meta`) lacks of the original's amendments in
    force on `day` that it holds by number (`held`: its own adopted amending documents), `text` its text to look in
    for the articles they inserted (post-condition 1)."""
    from regdraft.core.amend.translated_changes import described, numbered, unheld, untranslated
    from regdraft.core.document_names import number_key

    original = str(meta.get("translation_of") or "").strip()
    ours = {number_key(a.number): a for a in held if a.number}
    out: list[str] = []
    for theirs in _originals(ws, original, day):
        translation = ours.get(number_key(theirs.number))
        if translation is None:
            continue
        missing, said = untranslated(theirs, translation), unheld(theirs, translation)
        if missing:
            language = translation.language
            out.append(f"{theirs.number}'s {_instructions(missing)} {numbered(missing)} "
                       f"({described(missing, language, said)}) {'have' if len(missing) > 1 else 'has'} no "
                       f"translation in {translation.slug}, adopted to {reg_id} as {translation.number}")
        inserted = [leaf.op.target for leaf in theirs.leaves() if isinstance(leaf.op, InsertUnit)
                    and ("insert", leaf.op.target) not in said and _article(leaf.op.target)]
        lacking = [a for a in inserted if not _holds(text(), a)]
        if lacking:
            named = ", ".join(a.describe(translation.language) for a in lacking)
            out.append(f"{named}, which {theirs.number} inserted in {original}, "
                       f"{'are' if len(lacking) > 1 else 'is'} not in {reg_id}'s text")
    return out


def untranslated_parts(ws: Workspace, meta: Mapping[str, Any], day: dt.date, held: Sequence[Amendment],
                       words: Mapping[str, str]) -> list[str]:
    """For the note heading a translation's consolidated text (front matter `meta`, in force on `day`): each of its
    amending documents (`held`) that bears the number of one of its original's but leaves some of its instructions
    untranslated, named with those instructions and what they change in the translation's language (post-condition
    1), as `partly_translated` names them to the command."""
    import dataclasses

    from regdraft.core.amend.translated_changes import cited, unheld, worded
    from regdraft.core.consolidate import reference, source_of

    language = str(meta.get("language") or "vi")
    of = " of " if language == "en" else " của "
    out: list[str] = []
    for translation, theirs, missing in partly_held(ws, meta, day, held):
        document = reference(dataclasses.replace(source_of(translation.meta), title="", issuer=""), words)
        out.append(f"{cited(missing, language)}{of}{document} "
                   f"({worded(missing, language, unheld(theirs, translation))})")
    return out


def partly_held(ws: Workspace, meta: Mapping[str, Any], day: dt.date,
                held: Sequence[Amendment]) -> list[tuple[Amendment, Amendment, list[Instruction]]]:
    """Each amending document of the translation (`held`) bearing the number of an amendment of its original in force
    on `day`, with that amendment and the original's instructions it does not translate, when there are some."""
    from regdraft.core.amend.translated_changes import untranslated
    from regdraft.core.document_names import number_key

    ours = {number_key(a.number): a for a in held if a.number}
    out: list[tuple[Amendment, Amendment, list[Instruction]]] = []
    for theirs in _originals(ws, str(meta.get("translation_of") or "").strip(), day):
        translation = ours.get(number_key(theirs.number))
        missing = untranslated(theirs, translation) if translation is not None else []
        if translation is not None and missing:
            out.append((translation, theirs, missing))
    return out


def _instructions(missing: Sequence[object]) -> str:
    return "instructions" if len(missing) > 1 else "instruction"


def _article(address: Address) -> bool:
    return len(address.segments) == 1 and address.segments[0].kind is Kind.ARTICLE


def _holds(text: Regulation, address: Address) -> bool:
    try:
        text.find(address)
    except RegdraftError:
        return False
    return True


def _originals(ws: Workspace, original: str, day: dt.date | None) -> list[Amendment]:
    """The amendments adopted to `original` (in force on `day`, when given) that bear a number."""
    from regdraft.workspace.timeline import adopted_for

    if not original:
        return []
    return [a for a in adopted_for(ws, original) if a.number and a.effective is not None
            and (day is None or a.effective <= day)]


def numbers_unlike(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """`amend check`'s problems for a translation's amending document that bears its original's number
    (post-condition 2): each instruction numbered otherwise than the one instruction of the original it translates
    (a problem while the document is pending: adopted so, the notes of the consolidated text would cite the wrong
    instruction; a warning once adopted), each that changes other provisions (or in another way) than the original's
    instruction of its number (a warning), and the original's instructions it does not translate (a warning)."""
    from regdraft.core.amend.document import PENDING
    from regdraft.core.amend.quote import short
    from regdraft.core.amend.translated_changes import described, numbered, translates, unheld, unlike, untranslated
    from regdraft.core.document_names import number_key
    from regdraft.workspace.api import load_regulation

    if not amendment.number or len(amendment.regulations) != 1:
        return []
    try:
        original = str(load_regulation(ws, amendment.regulations[0]).meta.get("translation_of") or "").strip()
    except RegdraftError:
        return []
    theirs = next((a for a in _originals(ws, original, None) if number_key(a.number) == number_key(amendment.number)),
                  None)
    if theirs is None:
        return []
    language, out = amendment.language, []
    for ins, other in unlike(theirs, amendment):
        where = f"instruction {ins.location} ({short(ins.text)})"
        meant = translates(theirs, ins)
        if meant is not None:  # r44 sweep CR F3: 1-5 for the original's 2, 4, 9, 11, 12, adopted, cited as 1-5
            why = (f"it translates {theirs.number}'s instruction {meant.location} ({described([ins], language)}), "
                   f"not its instruction {ins.location}" if other is not None
                   else f"it translates {theirs.number}'s instruction {meant.location} "
                        f"({described([ins], language)}); {theirs.number} has no instruction {ins.location}")
            out.append(Problem(f"{where}: {why}. The notes of the consolidated text cite a translation's instructions "
                               f"by their numbers, which are its original's: number it {meant.location}, as in "
                               f"{theirs.number} ({theirs.slug}).", amendment.source, ins.line,
                               warning=amendment.status not in PENDING))
            continue
        if other is None:
            why = f"{theirs.number} ({theirs.slug}) has no instruction {ins.location}"
        else:
            why = (f"{theirs.number}'s instruction {ins.location} ({theirs.slug}) changes "
                   f"{described([other], language)}, this one {described([ins], language)}")
        out.append(Problem(f"{where}: {why}. A translation of {theirs.number} keeps its instruction numbers, which "
                           "the footnotes of the consolidated text cite: number this instruction as the original's "
                           "instruction that it translates.", amendment.source, ins.line, warning=True))
    missing = untranslated(theirs, amendment)
    if missing:
        out.append(Problem(
            f"{theirs.number}'s {_instructions(missing)} {numbered(missing)} "
            f"({described(missing, language, unheld(theirs, amendment))}) "
            f"{'have' if len(missing) > 1 else 'has'} no translation here: adopted so, {amendment.regulations[0]} "
            f"would lack those changes while holding {theirs.number}. Translate them, unless the translation leaves "
            "them out on purpose.", amendment.source, amendment.article.line, warning=True))
    return out
