"""What applying an amending document returns (`regdraft.core.amend.apply`): the amended regulation, each
provision changed by each instruction, and the consequential punctuation made or kept out on the way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from regdraft.core.amend.consequential import KeptEnd, Punctuation
from regdraft.core.amend.document import Instruction
from regdraft.core.diff import ChangeKind
from regdraft.core.model import TITLE, Address, Regulation


@dataclass(frozen=True, slots=True)
class AppliedChange:
    """One provision changed by one instruction."""

    address: Address
    kind: ChangeKind
    instruction: Instruction
    old_words: str | None = None
    new_words: str | None = None
    position: str = ""  # words added (WORDS_ADDED): `before` or `after` `old_words`, as the instruction says
    in_title: bool = False  # words changed in the title of the unit at `address` (`tại tên Điều 3`), not its text

    @property
    def provision(self) -> Address:
        """What the change rewrote, as references are checked against it: the title of a renamed heading
        (`ch2.m1.tm2.title`: the articles under it keep their numbers and their text), else `address`."""
        return self.address.with_part(TITLE) if self.kind is ChangeKind.HEADING_CHANGED else self.address


@dataclass(frozen=True, slots=True)
class Applied:
    """The amended regulation and the changes, in the order they were made.

    `punctuation` lists the consequential edits made without an instruction (the end of the
    item before an appended point turned from '.' into ';', and back when the last is repealed);
    `kept` those left out, as the unit's end is quoted by an earlier instruction of the document.
    """

    regulation: Regulation
    changes: tuple[AppliedChange, ...]
    punctuation: tuple[Punctuation, ...] = ()
    kept: tuple[KeptEnd, ...] = ()


class Marks:
    """The consequential punctuation of an amendment, in the order it was made. The end of a unit
    changed again by a later instruction is one change (from its first end to its last), and none
    when it is back as it was: repealing the last point turns the point before it from ';' into '.',
    and a point inserted after the repealed one turns it back, which is no edit to note."""

    def __init__(self) -> None:
        self.made: list[Punctuation | None] = []
        self.last: dict[Address, int] = {}  # a unit's address -> where the last change of its end is in `made`

    def add(self, marks: Sequence[Punctuation]) -> None:
        for mark in marks:
            k = self.last.get(mark.address, -1) if mark.reason != "first" else -1
            earlier = self.made[k] if k >= 0 else None
            if earlier is not None and earlier.new == mark.old:
                self.made[k] = None
                del self.last[mark.address]
                if earlier.old == mark.new:
                    continue
                mark = replace(mark, old=earlier.old)
            if mark.reason != "first":
                self.last[mark.address] = len(self.made)
            self.made.append(mark)

    def result(self) -> tuple[Punctuation, ...]:
        return tuple(m for m in self.made if m is not None)
