"""Words an instruction leaves because they differ from its phrase in capitals alone.

`Thay thế cụm từ`, `Bỏ cụm từ` and `Bổ sung cụm từ … vào sau cụm từ …` match the phrase exactly as written,
capitals included (`phrases`): legal text is changed as the instruction says, never as it might have meant.
`Replace the words “the archivist” … throughout` leaves `The archivist is …` at the start of a sentence as it is;
`capitals_left` says so, so that the drafter adds an instruction for it or lets it stand.

Post-conditions of `capitals_left`:
1. One warning per phrase instruction whose scope in the amended text (the whole text, the units, titles, parts or
   preamble it names) still holds an occurrence of its phrase that differs from it in capitals alone; the warning
   stands at the instruction's line and names each such occurrence as it is written and the provision holding it.
2. No warning for an instruction whose phrase stands nowhere else in other capitals, nor for another instruction; an
   occurrence that reads exactly as the instruction's new words (`Ban Chấp hành`, replacing `Ban chấp hành`) is the
   replacement, not words left, and each occurrence left is named once per provision.
"""

from __future__ import annotations

from collections.abc import Iterator

from regdraft.core.amend import phrases
from regdraft.core.amend.apply import Applied
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.operations import ReplaceWords
from regdraft.core.amend.quote import short
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.model import Address, Regulation, Unit, unit_address
from regdraft.core.parts import part_paragraphs
from regdraft.core.text import excerpt


def capitals_left(applied: Applied, amendment: Amendment) -> list[Problem]:
    """Warnings for the phrase instructions of `amendment` (applied as `applied`) that leave occurrences of their
    phrase in other capitals (`The council` for `the council`) unchanged in what they name."""
    reg = applied.regulation
    out: list[Problem] = []
    for ins in amendment.leaves():
        op = ins.op
        if not isinstance(op, ReplaceWords):
            continue
        # Each place once (a provision holding the words twice is named once); not those reading as the new words.
        left = list(dict.fromkeys(f"{excerpt(word, '«', '»')} in {where}" for where, text in _scope(reg, op)
                                  for word in phrases.other_capitals(text, op.old, None if op.position else op.new)))
        if left:
            one = len(left) == 1
            out.append(Problem(
                f"instruction {ins.location} ({short(ins.text)}) leaves {', '.join(left)} unchanged: "
                f"{'it differs' if one else 'they differ'} from {excerpt(op.old)} in capitals alone, and words are "
                f"matched exactly as written, capitals included. If {'it' if one else 'they'} should change too, add "
                f"an instruction that quotes {'it' if one else 'them'} as {'it stands' if one else 'they stand'}.",
                amendment.source, ins.line))
    return out


def _scope(reg: Regulation, op: ReplaceWords) -> Iterator[tuple[str, str]]:
    """Each paragraph (or title) the instruction names, with the provision holding it, in the amended text."""
    language = reg.language
    if op.throughout:
        yield from (("the preamble", t) for t in reg.preamble)
        for unit in reg.units:
            yield from _texts(unit, None, language)
        return
    if op.preamble:
        yield from (("the preamble", t) for t in reg.preamble)
    for target in op.titles:
        titled = _unit(reg, target)
        if titled is not None and titled.title:
            yield target.describe(language), titled.title
    for target in op.targets:
        named = _unit(reg, target)
        if named is None:
            continue
        if target.part:
            yield from ((target.describe(language), t) for t in part_paragraphs(named, target.part))
        else:
            yield from _texts(named, target.parent(), language)


def _texts(unit: Unit, parent: Address | None, language: str) -> Iterator[tuple[str, str]]:
    address = unit_address(unit, parent)
    where = address.describe(language)
    for text in (*((unit.title,) if unit.title else ()), *unit.text, *unit.closing):
        yield where, text
    for child in unit.children:
        yield from _texts(child, address, language)


def _unit(reg: Regulation, target: Address) -> Unit | None:
    try:
        return reg.find(target).unit
    except RegdraftError:
        return None

