"""Word changes that quote words an earlier word change of the same document put in.

Instructions apply one after the other, in document order (`apply`, post-condition 4), so `a) Thay thế cụm từ “hệ”
bằng cụm từ “Hệ” …` followed by `b) Thay thế cụm từ “Hệ thống thông tin điện tử của Tỉnh ủy” …` does reach the text
intended. But the document is read against the text in force, and b) quotes a phrase that text does not hold: no
office issues one change as two chained ones (docs/from-edits.md, "one change quoted whole"). `amend check` warns of
it; `amend from-edits` never writes it.

Post-conditions of `chained_words(before, applied, amendment)`:
1. One warning per phrase instruction (`Thay thế cụm từ`, `Bỏ cụm từ`, `Bổ sung cụm từ … vào sau cụm từ …`) whose
   phrase occurs more often, in a provision it changes, once the earlier phrase instructions of the document have
   changed that provision than in the text in force (`before`): it stands at the instruction's line and names the
   provisions and the earlier instruction whose words it quotes.
2. Only the provisions each instruction changed (`applied.changes`) are looked at, each with the earlier phrase
   instructions that changed it: no instruction is applied again to the whole text. The changes are grouped by
   provision, and each earlier change is applied to a provision's texts once for all the later ones there: work in
   proportion to the changes times the instructions changing one provision (r27 sweep W, defect 5: it was the
   changes squared, 60 instructions on the whole text of 200 articles took 79 s).
"""

from __future__ import annotations

from regdraft.core.amend import phrases
from regdraft.core.amend.apply import Applied, AppliedChange
from regdraft.core.amend.document import Amendment, Instruction
from regdraft.core.amend.operations import ReplaceWords
from regdraft.core.amend.quote import short
from regdraft.core.amend.tree import find_unit
from regdraft.core.errors import Problem
from regdraft.core.model import TITLE, Address, Regulation
from regdraft.core.parts import part_paragraphs
from regdraft.core.text import excerpt


def chained_words(before: Regulation, applied: Applied, amendment: Amendment) -> list[Problem]:
    """Warnings for the phrase instructions of `amendment` (applied to `before` as `applied`) that quote words an
    earlier phrase instruction of it put in at the provisions they change."""
    words = [c for c in applied.changes if isinstance(c.instruction.op, ReplaceWords)]
    # The changes by unit and by instruction (indices into `words`, in order): an instruction on the whole text
    # changes every provision, and looking through all earlier changes for each made it words² (r27 sweep W, defect
    # 5: 60 of them over 200 articles, 79 s).
    at_unit: dict[Address, list[int]] = {}
    of: dict[int, list[int]] = {}
    for at, change in enumerate(words):
        at_unit.setdefault(change.address.unit, []).append(at)
        of.setdefault(id(change.instruction), []).append(at)

    def earlier(at: int, by: Instruction | None = None) -> list[AppliedChange]:
        """The changes before `words[at]` at its place, of another instruction (of `by` only, given)."""
        change = words[at]
        out = []
        for i in at_unit[change.address.unit]:
            if i >= at:
                break
            made = words[i]
            if (made.instruction is by if by is not None else made.instruction is not change.instruction) \
                    and _same_place(made, change):
                out.append(made)
        return out

    steps = _Steps()
    out: list[Problem] = []
    seen: set[int] = set()
    for at, change in enumerate(words):
        later = change.instruction
        if id(later) in seen:
            continue
        before_it = earlier(at)
        culprit = _chained(before, change, before_it, steps) if before_it else None
        if culprit is None:
            continue
        seen.add(id(later))
        places = [words[i].address for i in of[id(later)]
                  if _chained(before, words[i], earlier(i, culprit), steps) is not None]
        out.append(_warning(later, culprit, places, amendment, before.language))
    return out


def _same_place(earlier: AppliedChange, later: AppliedChange) -> bool:
    """Whether `earlier` changed words in the texts `later` changes (the same unit; a title only where both did)."""
    return earlier.address.unit == later.address.unit and (not earlier.in_title or later.in_title)


def _texts(before: Regulation, change: AppliedChange) -> list[str]:
    """The texts of the text in force that `change` changed words in: a title, a lead-in, or a unit's own texts."""
    address = change.address
    if address.unit.segments == ():
        return []
    unit = find_unit(before.units, address.unit)
    if unit is None:
        return []  # a unit the document inserts: its words are its own
    if change.in_title or address.part == TITLE:
        return [unit.title or ""]
    if address.part:
        return list(part_paragraphs(unit, address.part))
    return [*((unit.title,) if unit.title else ()), *unit.text, *unit.closing]


class _Steps:
    """The texts of the text in force as earlier changes leave them, each step made once: a change is checked against
    the earlier ones at its place in turn, and the changes at one place share those steps (each state is a number)."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, ...]] = []
        self._first: dict[tuple[str, ...], int] = {}
        self._next: dict[tuple[int, int], int] = {}

    def first(self, texts: tuple[str, ...]) -> int:
        if texts not in self._first:
            self._first[texts] = len(self.texts)
            self.texts.append(texts)
        return self._first[texts]

    def after(self, state: int, made: AppliedChange) -> int:
        key = (state, id(made))  # `made` lives as long as the `chained_words` call that owns these steps
        if key not in self._next:
            op = made.instruction.op
            assert isinstance(op, ReplaceWords)
            self._next[key] = len(self.texts)
            self.texts.append(tuple(phrases.replace(t, op.old, op.new, op.position)[0] for t in self.texts[state]))
        return self._next[key]


def _chained(before: Regulation, change: AppliedChange, earlier: list[AppliedChange],
             steps: _Steps) -> Instruction | None:
    """The earlier instruction after which `change`'s phrase occurs more often where it changed words, if any."""
    texts = tuple(_texts(before, change))
    if not texts:
        return None
    later = change.instruction.op
    assert isinstance(later, ReplaceWords)
    found = sum(phrases.count(t, later.old) for t in texts)
    state = steps.first(texts)
    for made in earlier:
        state = steps.after(state, made)
        now = sum(phrases.count(t, later.old) for t in steps.texts[state])
        if now > found:
            return made.instruction
    return None


def _warning(later: Instruction, earlier: Instruction, places: list[Address], amendment: Amendment,
             language: str) -> Problem:
    op = later.op
    assert isinstance(op, ReplaceWords)
    where = " and ".join(dict.fromkeys(a.unit.describe(language) for a in places))
    one = len(places) == 1
    return Problem(
        f"instruction {later.location} ({short(later.text)}) quotes {excerpt(op.old)}, which {where} "
        f"{'holds' if one else 'hold'} only once instruction {earlier.location} (line {earlier.line}) has changed "
        f"{'its' if one else 'their'} words: instructions apply one after the other, but each should quote the text "
        f"in force, as its readers have it. Make the two one instruction that quotes the words as they stand in the "
        f"text in force.",
        amendment.source, later.line)
