"""What `amend from-edits` says beside the instructions it wrote: an open round whose circulated draft the change
leaves behind, a closing-like sentence quoted into a last clause or point, an instruction that changes nothing. Split
out of `workspace.regenerate` (r44 office44), unchanged: warnings, never in the commit.
"""

from __future__ import annotations

from regdraft.core.amend.document import Amendment
from regdraft.core.commands import Command
from regdraft.core.comments import RoundStatus
from regdraft.core.errors import RegdraftError
from regdraft.core.model import Regulation
from regdraft.workspace.amendments import load_rounds
from regdraft.workspace.store import Workspace


def drafts_left_behind(ws: Workspace, amendment: Amendment) -> tuple[str, ...]:
    """A warning for each open round whose circulated draft this change of the text leaves behind."""
    out = []
    for r in load_rounds(ws, amendment.slug):
        if r.status is RoundStatus.OPEN and (amendment.draft or 0) <= r.draft:
            out.append(f"Round {r.number} is open on draft {r.draft}, and this changes the text it circulated: "
                       f"comments are still checked against draft {r.draft}; number this text as the next draft "
                       f"with `{Command.of('amend status', amendment.slug, draft=r.draft + 1)}` before the next round "
                       "opens.")
    return tuple(out)


def closings_quoted_said(old: Regulation, written: Amendment) -> tuple[str, ...]:
    """A warning for each instruction written that quotes a closing-like sentence into a last clause or point
    (`core.amend.closing_quotes`): Luật Công đoàn's "Chính phủ quy định chi tiết Điều này …" in khoản 10 Điều 10."""
    from regdraft.core.amend import apply
    from regdraft.core.amend.closing_quotes import closings_quoted

    try:
        applied = apply(old, written.for_regulation(old.id), checked=False)
    except RegdraftError:
        return ()  # `amend check` reports why it cannot be applied
    return tuple(f"{p.source}:{p.line}: {p.message}" for p in closings_quoted(applied, written, old))


def unchanging_said(old: Regulation, written: Amendment) -> tuple[str, ...]:
    """A warning for each instruction written that gives its provision the text in force (`core.amend.undone`): a
    provision put back in the edited text keeps its instruction, now changing nothing (r34 sweep BF F1); said when
    it is written, not only by the next `check`."""
    from regdraft.core.amend.undone import changes_nothing

    if old.id not in written.regulations:
        return ()
    return tuple(f"{p.source}:{p.line}: {p.message}" for p in changes_nothing(written.for_regulation(old.id), old))
