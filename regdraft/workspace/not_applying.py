"""Why a pending draft no longer applies to the text in force, said alike by every face.

A draft begun before another amendment was adopted may no longer apply: its comments are placed nowhere
(`State.UNKNOWN`). `comment list` and the review server's comments page say which of its instructions no longer
apply and since which adoption, and accepting a proposal on it is refused with the same reason (nothing written).

Post-conditions of `not_applying`:
1. None when the draft's instructions all apply (quotes that would undo an adoption apply: they are `reverts`).
2. Otherwise, the instructions that do not apply (their locations, in document order); the adoptions made since the
   draft was begun that left them unable to apply (numbers, each once, as `amend check` names them; none when the
   draft's own text is at fault); their problems as `amend check` says them; and, apart, the quotes of the
   instructions that do apply that would undo an adoption.
3. Nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.counts import listed
from regdraft.core.errors import Problem, RegdraftError, Worded

if TYPE_CHECKING:
    from regdraft.core.amend.document import Instruction
    from regdraft.workspace.store import Workspace


@dataclass(frozen=True, slots=True)
class NotApplying:
    """The instructions of a draft that no longer apply, the adoptions that made it so, and the problems."""

    slug: str
    instructions: tuple[Instruction, ...]
    adoptions: tuple[str, ...]  # `57/2024/QH15`
    problems: tuple[Problem, ...]  # those instructions' (and any other that keeps the draft from applying)
    reverts: tuple[Problem, ...]  # quotes of instructions that apply, which would undo an adoption

    def sentence(self) -> str:
        """`instructions 1 and 5 of bs-cum-tu no longer apply to the text in force since 57/2024/QH15 was adopted`."""
        locations = tuple(ins.location for ins in self.instructions)
        which = (f"{'instruction' if len(locations) == 1 else 'instructions'} {listed(locations)} "
                 f"of {self.slug} {'no longer applies' if len(locations) == 1 else 'no longer apply'}"
                 if self.instructions else f"{self.slug} {'no longer applies' if self.adoptions else 'does not apply'}")
        since = (f" since {listed(self.adoptions)} {'was' if len(self.adoptions) == 1 else 'were'} adopted"
                 if self.adoptions else "")
        return f"{which} to the text in force{since}"


class DraftNotApplying(Worded):
    """A proposal accepted on a draft that no longer applies: refused with why (`why`), nothing written."""

    def __init__(self, why: NotApplying, comment_id: str) -> None:
        problems = " ".join(str(p) for p in why.problems)
        super().__init__(f"{why.sentence()[0].upper()}{why.sentence()[1:]}, so where comment {comment_id}'s provision "
                         f"stands in it is unknown: redraft it before accepting the proposal. {problems}",
                         "draft_not_applying", id=comment_id, slug=why.slug, detail=problems)
        self.why = why


def not_applying(ws: Workspace, slug: str) -> NotApplying | None:
    """Why the pending draft `slug` does not apply to the text in force (see the module), or None."""
    from regdraft.workspace.amendments import load
    from regdraft.workspace.lifecycle import review
    from regdraft.workspace.since_begun import blamed_on

    reviewed = review(ws, slug)
    failing = tuple(p for p in reviewed.problems if p not in reviewed.reverts and p not in reviewed.broken)
    if not failing:
        return None
    lines = {p.line for p in failing if p.line}
    try:
        amendment = load(ws, slug)
    except RegdraftError:  # a draft that does not read: its problems say why, no instruction to name
        return NotApplying(slug, (), (), failing, reviewed.reverts)
    instructions = tuple(ins for ins in amendment.leaves() if ins.line in lines)
    adoptions: dict[str, None] = {}
    for reg_id in amendment.regulations:
        part = amendment.for_regulation(reg_id)
        for _, (_, since) in sorted(blamed_on(ws, part, lines).items()):
            adoptions[since.adopted.number or since.adopted.slug] = None
    return NotApplying(slug, instructions, tuple(adoptions), failing, reviewed.reverts)
