"""What changed in an amending document's instructions from one version to the next: the instructions added,
changed, removed and renumbered (accepting a proposal regenerates them, and may rewrite or renumber others).

Post-conditions of `instruction_changes(before, after)`:
1. Instructions are compared by what they say (their sentence, quoted text and nested instructions), not by their
   number: one saying the same under another number is `renumbered` (`15` → `16`), never `changed`.
2. One saying something else about a provision an instruction named before, which is no longer said, is `changed`
   (the old number and the new); one naming no such provision is `added`; one no longer said and not changed is
   `removed`.
3. The changes come in the order of the new document (removed ones last), each with its amending article.
4. A group instruction (`7. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 23 như sau:`) changed only in its nested
   instructions, under the same number and sentence, is said by those (`7.c` changed), not as a whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.operations import targets
from regdraft.core.model import Address

ADDED, CHANGED, REMOVED, RENUMBERED = "added", "changed", "removed", "renumbered"


@dataclass(frozen=True, slots=True)
class InstructionChange:
    """One instruction of an amending article (`article`, `1`) that is new, changed, gone or renumbered: `old` is
    its number before (empty when added), `new` after (empty when removed); a nested one's is its location (`7.c`)."""

    kind: str
    article: str
    old: str
    new: str


def _said(ins: Instruction) -> tuple[object, ...]:
    """What an instruction says, whatever its number."""
    return (" ".join(ins.text.split()), tuple(" ".join(q.split()) for q in ins.quote),
            tuple(_said(child) for child in ins.children))


def _named(ins: Instruction) -> set[Address]:
    """The provisions an instruction names, its nested ones' too."""
    return set(targets(ins.op)).union(*(_named(child) for child in ins.children))


def _articles(amendment: Amendment) -> dict[str, list[Instruction]]:
    found: dict[str, list[Instruction]] = {}
    for ins in (*amendment.instructions, *(ins for other in amendment.others for ins in other.instructions)):
        found.setdefault(ins.article, []).append(ins)
    return found


def _nested_only(old: Instruction, new: Instruction) -> bool:
    """True when a group instruction stands under the same number with the same sentence and quoted text, so what
    changed is in its nested instructions (post-condition 4); not for one naming several provisions, whose
    `implied` children share its sentence and number."""
    return (old.location == new.location and bool(old.children) and bool(new.children)
            and _said(old)[:2] == _said(new)[:2]
            and not any(child.implied for child in (*old.children, *new.children)))


def instruction_changes(before: Amendment, after: Amendment) -> list[InstructionChange]:
    """The instructions `after` adds, changes, removes or renumbers against `before` (post-conditions 1-3)."""
    old, new = _articles(before), _articles(after)
    changes: list[InstructionChange] = []
    for article in dict.fromkeys((*new, *old)):
        changes.extend(_compared(article, old.get(article, []), new.get(article, [])))
    return sorted(changes, key=lambda c: c.kind == REMOVED)  # stable: the new document's order, removed ones last


def _compared(article: str, old: list[Instruction], new: list[Instruction]) -> Iterable[InstructionChange]:
    matcher = SequenceMatcher(None, [_said(i) for i in old], [_said(i) for i in new], autojunk=False)
    paired: dict[int, int] = {}  # new index -> old index, for the same words
    for block in matcher.get_matching_blocks():
        paired.update((block.b + k, block.a + k) for k in range(block.size))
    unpaired = [k for k in range(len(old)) if k not in paired.values()]
    rewritten: set[int] = set()
    for j, ins in enumerate(new):
        if j in paired:
            was = old[paired[j]]
            if was.location != ins.location:
                yield InstructionChange(RENUMBERED, article, was.location, ins.location)
            continue
        named = _named(ins)
        same = next((k for k in unpaired if named & _named(old[k])), None)
        if same is None:
            yield InstructionChange(ADDED, article, "", ins.location)
        else:
            rewritten.add(same)
            if _nested_only(old[same], ins):
                yield from _compared(article, list(old[same].children), list(ins.children))
            else:
                yield InstructionChange(CHANGED, article, old[same].location, ins.location)
    yield from (InstructionChange(REMOVED, article, old[k].location, "") for k in unpaired if k not in rewritten)


def _everything(amendment: Amendment) -> list[Instruction]:
    """Every instruction of every amending article, nested ones included."""
    def walk(instructions: Iterable[Instruction]) -> Iterable[Instruction]:
        for ins in instructions:
            yield ins
            yield from walk(ins.children)

    return list(walk((*amendment.instructions, *(ins for part in amendment.others for ins in part.instructions))))


def _at(amendment: Amendment, article: str, location: str) -> Instruction | None:
    return next((i for i in _everything(amendment) if (i.article, i.location) == (article, location)), None)


def lacking(base: Amendment, other: Amendment, kept: Amendment) -> list[InstructionChange]:
    """The instructions `other` adds, changes, removes or renumbers against `base` that `kept` does not also hold:
    what keeping `kept` whole drops of the changes made in `other`; not an instruction both changed, each its own
    way (that is the conflict itself, shown side by side)."""
    everything = _everything(kept)
    said = {(i.article, _said(i)) for i in everything}
    placed = {(i.article, i.location, _said(i)) for i in everything}
    out = []
    for change in instruction_changes(base, other):
        if change.kind == REMOVED:
            gone = _at(base, change.article, change.old)
            if gone is not None and (change.article, _said(gone)) in said:
                out.append(change)
            continue
        new = _at(other, change.article, change.new)
        if new is None:
            continue
        if change.kind == CHANGED:
            was = _at(base, change.article, change.old)
            mine = next((i for i in everything if i.article == change.article and _said(i)[0] == _said(new)[0]), None)
            if was is not None and mine is not None and _said(mine) not in (_said(was), _said(new)):
                continue
        if change.kind == RENUMBERED and (change.article, new.location, _said(new)) not in placed \
                or change.kind != RENUMBERED and (change.article, _said(new)) not in said:
            out.append(change)
    return out


def worded(changes: Iterable[InstructionChange], before: Amendment, after: Amendment) -> list[str]:
    """`khoản 7 Điều 1 (on điểm b khoản 1 Điều 12) changed`, `khoản 2 Điều 1 (on khoản 1 Điều 10, was khoản 1
    Điều 1) renumbered`: each change of `after` against `before`, the provisions named as the instruction names them."""
    from regdraft.core.amend.staged import cite_places

    language = after.language
    said = []
    for change in changes:
        place = cite_places(((change.article, change.new or change.old),), language)
        was = f", was {cite_places(((change.article, change.old),), language)}" \
            if change.old and change.new and change.old != change.new else ""
        found = _at(after if change.new else before, change.article, change.new or change.old)
        named = ", ".join(dict.fromkeys(a.describe(language) for a in targets(found.op))) if found is not None else ""
        on = f" (on {named}{was})" if named else f" ({was[2:]})" if was else ""
        said.append(f"{place}{on} {change.kind}")
    return said
