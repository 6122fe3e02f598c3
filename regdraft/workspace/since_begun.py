"""What an adoption made since a pending draft was begun does to the draft's instructions, other than its quotes.

Draft B (`bs-cum-tu`) was written on Luật Đấu thầu as it stood before 57/2024/QH15 was adopted. Since then:
- `Bổ sung cụm từ “, hồ sơ mời thầu qua mạng” vào sau cụm từ “hồ sơ yêu cầu” tại khoản 1 Điều 19` reaches one more
  place, the point c 57/2024/QH15 added to that clause: applying it says nothing (`reach_changed` warns);
- `Thay thế cụm từ “đơn vị tư vấn đấu thầu” … tại khoản 1 Điều 19` finds the phrase 0 times, 57/2024/QH15 having
  rewritten the clause, and a `Bổ sung khoản 4a` meets a khoản 4a another adoption inserted: the refusal read like
  the drafter's typo (`explained` names the adoption and, for a label, the next free one).
(Quotes that undo such an adoption: `reverts`.)

Post-conditions:
1. The adoptions are those made since the draft was begun (`adopted_since`); each instruction is applied alone to
   the text just before and just after each, in memory: nothing is written.
2. `reach_changed`: a warning for each instruction changing words in named provisions or throughout whose places
   (the provisions it changes), or the number of times its words occur in them, are not the same after an adoption
   as before it, naming the adoption, the counts before and after, the places it brought in or took away and those
   holding the words more or fewer times, on the instruction's line (a second “hồ sơ yêu cầu” in the same clause
   gets the added words twice).
3. `explained`: each problem on the line of an instruction that applied before such an adoption and does not after
   it, said again with the adoption (number, slug, its instructions that make the difference, effective date) and
   what to do; for a label that adoption took, the next free label. Other problems are returned as they were.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from regdraft.core.amend.operations import InsertUnit, ReplaceWords
from regdraft.core.counts import listed
from regdraft.core.errors import Problem, RegdraftError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from regdraft.core.amend.applied import Applied, AppliedChange
    from regdraft.core.amend.document import Amendment, Instruction
    from regdraft.core.model import Address, Regulation
    from regdraft.workspace.adopted_since import Since
    from regdraft.workspace.store import Workspace

_CHOOSE = "; choose the next free label."  # `apply`'s advice, said with the label itself when an adoption took it


def reach_changed(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """A warning for each words instruction that reaches other places than when the draft was begun (see the
    module)."""
    words = [ins for ins in amendment.leaves() if isinstance(ins.op, ReplaceWords)]
    if not words:
        return []
    from regdraft.workspace.adopted_since import adoptions_since

    language = amendment.language
    out: list[Problem] = []
    for since in adoptions_since(ws, amendment):
        for ins in words:
            before, after = _reach(since.before, amendment, ins), _reach(since.after, amendment, ins)
            if before is None or after is None or before == after:
                continue
            assert isinstance(ins.op, ReplaceWords)
            moved = list(before) != list(after)
            out.append(Problem(
                f"instruction {ins.location} changes words {_reach_said(before, after)}: {since.named}, adopted "
                f"since{since.effective}, changed the text it applies to "
                f"({_what_changed(before, after, ins.op.old, language)}); check that the instruction is meant to "
                "reach them as they stand now, or " + ("name the provisions." if moved else
                                                       "quote words that occur only where it is meant to apply."),
                amendment.source, ins.line, warning=True))
    return out


def _reach_said(before: dict[Address, int], after: dict[Address, int]) -> str:
    """`in 2 places now, 1 when this draft was begun`, or, the places the same, `at 2 occurrences now, 1 …`."""
    if list(before) != list(after):
        return (f"in {len(after)} {'place' if len(after) == 1 else 'places'} now, {len(before)} when this draft "
                "was begun")
    now, then = sum(after.values()), sum(before.values())
    return (f"at {now} {'occurrence' if now == 1 else 'occurrences'} now, {then} when this draft was begun, in "
            f"the same {'provision' if len(after) == 1 else 'provisions'}")


def _what_changed(before: dict[Address, int], after: dict[Address, int], words: str, language: str) -> str:
    """The places an adoption brought in or took away, and those where `words` occur more or fewer times."""
    brought = [a.describe(language) for a in after if a not in before]
    gone = [a.describe(language) for a in before if a not in after]
    times = [f"{a.describe(language)} holds “{words}” {_times(n)} now, {_times(before[a])} before"
             for a, n in after.items() if a in before and before[a] != n]
    return "; ".join(([f"it now also reaches {', '.join(brought)}"] if brought else [])
                     + ([f"no longer {', '.join(gone)}"] if gone else []) + times)


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def explained(ws: Workspace, amendment: Amendment, problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """`problems`, each on an instruction that no longer applies because of an adoption made since the draft was
    begun said with that adoption (see the module)."""
    blamed = blamed_on(ws, amendment, {p.line for p in problems if p.line})
    said = {line: _why(since, amendment, ins) for line, (ins, since) in blamed.items()}
    return tuple(replace(p, message=f"{p.message.removesuffix(_CHOOSE).rstrip('.')}; {said[p.line]}")
                 if p.line in said else p for p in problems)


def blamed_on(ws: Workspace, amendment: Amendment, lines: set[int]) -> dict[int, tuple[Instruction, Since]]:
    """For each instruction on `lines` that applied to the text the draft was begun on and does not since an
    adoption made after, that instruction and the first such adoption, by the instruction's line."""
    failing = [ins for ins in amendment.leaves() if ins.line in lines]
    if not failing:
        return {}
    from regdraft.workspace.adopted_since import adoptions_since

    found: dict[int, tuple[Instruction, Since]] = {}
    for since in adoptions_since(ws, amendment):
        for ins in failing:
            if ins.line in found or _places(since.before, amendment, ins) is None \
                    or _places(since.after, amendment, ins) is not None:
                continue
            found[ins.line] = (ins, since)
    return found


def _why(since: Since, amendment: Amendment, ins: Instruction) -> str:
    """What adoption `since` changed that `ins` relied on, and what to do."""
    by = _culprits(since, amendment, ins)
    who = f"{since.adopted.number} ({since.adopted.slug}" + (f", {by})" if by else ")")
    if isinstance(ins.op, InsertUnit):
        free = _free_label(since.after, ins.op.target)
        return (f"{who}, adopted since this draft was begun{since.effective}, inserted "
                f"{ins.op.target.describe(amendment.language)}: label this one {free} (the next free label)")
    if _already_made(since, amendment, ins):  # nothing to quote: the words it puts in stand where it would
        return (f"the instruction applied to the text this draft was begun on: {who}, adopted since"
                f"{since.effective}, made the same change already; drop the instruction")
    if isinstance(ins.op, ReplaceWords) and not _occurs(since.after, ins.op.old):
        return (f"the instruction applied to the text this draft was begun on: {who}, adopted since"
                f"{since.effective}, took these words out; drop the instruction, or write it on "
                "the words that stand in their place")
    return (f"the instruction applied to the text this draft was begun on: {who}, adopted since{since.effective}, "
            "changed it; quote the words as they stand now, or drop the instruction")


def _occurs(regulation: Regulation, words: str) -> bool:
    """Whether `words` occur anywhere in `regulation`, as a words instruction matches them."""
    from regdraft.core.amend.phrases import count_in_unit

    return any(count_in_unit(unit, words) for unit in regulation.units)


def _already_made(since: Since, amendment: Amendment, ins: Instruction) -> bool:
    """Whether words instruction `ins` (replacing or deleting words) changed, in the text before adoption `since`,
    only provisions that read, after it, without its old words and with its new ones as often as `ins` puts them."""
    from regdraft.core.amend.phrases import count

    op = ins.op
    if not isinstance(op, ReplaceWords) or op.position:
        return False
    mine = _alone(since.before, amendment, ins)
    if mine is None:
        return False
    places = list(dict.fromkeys(change.address.unit for change in mine.changes))
    for address in places:
        try:
            wanted, theirs = mine.regulation.find(address).unit.all_text(), since.after.find(address).unit.all_text()
        except RegdraftError:
            return False
        if count(theirs, op.old) or (op.new is not None and count(theirs, op.new) < count(wanted, op.new)):
            return False
    return bool(places)


def _culprits(since: Since, amendment: Amendment, ins: Instruction) -> str:
    """The instructions of the adoption each of which, applied alone to the text before it, leaves `ins` unable
    to apply (`instruction 6`, `instructions 3, 5`); when none does alone, those that do together (`instructions
    1.a, 12 and 21 together`); "" when neither."""
    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.kept import with_instructions

    adopted = since.adopted
    mine = [a.unit for a in _places(since.before, amendment, ins) or ()]
    found: list[str] = []
    near: list[Instruction] = []  # those changing a provision `ins` changes, or one inside or around it
    for theirs in adopted.leaves():
        try:
            one = apply(since.before, with_instructions(adopted, adopted.regulation, (theirs,)), checked=False)
        except RegdraftError:
            continue
        if _places(one.regulation, amendment, ins) is None:
            found.append(theirs.location)
        elif any(a.contains(c.address.unit) or c.address.unit.contains(a) for c in one.changes for a in mine):
            near.append(theirs)
    if found:
        return f"{'instruction' if len(found) == 1 else 'instructions'} {', '.join(found)}"
    together = _together(since, amendment, ins, near)
    return f"instructions {listed(together)} together" if together else ""


def _together(since: Since, amendment: Amendment, ins: Instruction, near: Sequence[Instruction]) -> list[str]:
    """Of `near` (the adoption's instructions changing provisions `ins` changes, none of which alone leaves `ins`
    unable to apply), those that together do, each of them needed: a phrase used throughout that several rewrites
    took out, each from its own provision (57/2024/QH15's instructions 1.a, 12 and 21 all took “vốn vay ưu đãi của
    nhà tài trợ nước ngoài” out of 22/2023/QH15); none when all of them together leave it applying."""
    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.kept import with_instructions

    adopted = since.adopted

    def stops(chosen: Sequence[Instruction]) -> bool:
        try:
            some = apply(since.before, with_instructions(adopted, adopted.regulation, tuple(chosen)), checked=False)
        except RegdraftError:
            return False
        return _places(some.regulation, amendment, ins) is None

    if len(near) < 2 or not stops(near):
        return []
    needed = list(near)
    for theirs in near:  # left out where the others do without it (one pass: each application is the whole text)
        if len(needed) > 2 and stops([t for t in needed if t is not theirs]):
            needed.remove(theirs)
    return [t.location for t in needed]


def _places(regulation: Regulation, amendment: Amendment, ins: Instruction) -> list[Address] | None:
    """The provisions `ins`, applied alone to `regulation`, changes, in order; None when it does not apply."""
    reach = _reach(regulation, amendment, ins)
    return None if reach is None else list(reach)


def _reach(regulation: Regulation, amendment: Amendment, ins: Instruction) -> dict[Address, int] | None:
    """Each provision `ins`, applied alone to `regulation`, changes, in order, with how many times the words it
    changes occur there (1 for an instruction that does not change words); None when it does not apply."""
    applied = _alone(regulation, amendment, ins)
    if applied is None:
        return None
    found: dict[Address, int] = {}
    for change in applied.changes:
        found[change.address] = found.get(change.address, 0) + _occurrences(regulation, change)
    return found


def _alone(regulation: Regulation, amendment: Amendment, ins: Instruction) -> Applied | None:
    """`ins` of `amendment` applied alone to `regulation`, in memory; None when it does not apply."""
    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.kept import with_instructions

    try:
        return apply(regulation, with_instructions(amendment, amendment.regulation, (ins,)), checked=False)
    except RegdraftError:
        return None


def _occurrences(regulation: Regulation, change: AppliedChange) -> int:
    """How many times the words `change` changes occur in the text it changed, as `regulation` reads (1 when it
    changes no words, or the place cannot be read)."""
    from regdraft.core.amend.phrases import count
    from regdraft.core.parts import part_paragraphs

    if change.old_words is None:
        return 1
    address = change.address
    try:
        unit = regulation.find(address.unit if address.part else address).unit
    except RegdraftError:
        return 1
    texts = ((unit.title or "",) if change.in_title else part_paragraphs(unit, address.part) if address.part
             else (*((unit.title,) if unit.title else ()), *unit.text, *unit.closing))
    return max(1, sum(count(text, change.old_words) for text in texts))


def _free_label(regulation: Regulation, target: Address) -> str:
    """The label after `target`'s that no unit of `regulation` has (`4a` taken: `4b`)."""
    from regdraft.core.address import Address as Addressed
    from regdraft.core.address import Segment
    from regdraft.core.amend.insertion import next_insert_label

    label = target.label
    while True:
        label = next_insert_label(target.kind, label)
        address = Addressed((*target.segments[:-1], Segment(target.kind, label)))
        try:
            regulation.find(address)
        except RegdraftError:
            return address.describe(regulation.language)
