"""An edited copy made from an older text than the one in force: `amend from-edits` names it instead of reading it.

A drafter copies the regulation, edits it, and meanwhile another amendment is adopted. The copy's
differences from the text in force then include undoing that adoption, which `from-edits` would write as
instructions (or refuse as a renumbering the drafter never made). `refuse_stale_copy` compares the copy with
the versions of the regulation recorded in git.

Post-conditions of `refuse_stale_copy`:
1. It raises `RegdraftError` when the copy is closer (fewer differing lines) to a recorded earlier version of the
   regulation than to the text in force; the message names the first change made since that version, the
   adoption of an amendment (its number, slug and effective date) or else the commit, and says how to make a
   new copy. Otherwise it returns None and writes nothing.
2. A copy as close to the text in force as to any earlier version is never refused (a deliberate partial
   reversal of an amendment is an edit like any other). A copy equal to an earlier version cannot be told from one
   making again a change a later commit undid (`git revert`): the refusal offers `allow_undo`, which skips this
   check (r39 sweep BZ F3: a correction redoing a reverted hand edit was refused whatever copy was made).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from regdraft.core.errors import ParseError, RegdraftError
from regdraft.core.markdown import decode
from regdraft.core.word_diff import differing_items

if TYPE_CHECKING:
    from regdraft.workspace.store import Revision, Workspace

# How far back a copy is looked for: a copy older than the last few changes of the text is rare, and each
# version read is one git read.
_VERSIONS = 12


def differing_lines(a: str, b: str) -> int:
    """How many lines two texts differ by (the larger side of each differing stretch)."""
    return differing_items(a.split("\n"), b.split("\n"))


def refuse_stale_copy(ws: Workspace, reg_path: str, reg_id: str, edited: bytes, edited_name: str) -> None:
    """Raise `RegdraftError` when `edited` was plainly made from an earlier version of the regulation."""
    # Each text read as the regulation and the copy are parsed (UTF-16 too, line ends and NFC alike), never a byte
    # replaced: the text in force must read; a version that does not is passed over.
    current = decode(ws.read(reg_path), reg_path)
    text = decode(edited, edited_name)
    own = differing_lines(text, current)
    if own == 0:
        return
    try:
        history = ws.log(reg_path, limit=_VERSIONS)
    except RegdraftError:
        return  # no history to compare with (a store without git, a file not committed yet)
    best: tuple[int, int] | None = None  # (distance, index in history)
    now = len(current.encode("utf-8"))
    for i, revision in enumerate(history):
        # A version far larger is not read (`store_history.history_bound`).
        older = ws.read_beside(reg_path, revision.sha, now)
        if older is None:
            continue
        try:
            version = decode(older, reg_path)
        except ParseError:
            continue
        if version == current:
            continue
        distance = differing_lines(text, version)
        if distance < own and (best is None or distance < best[0]):
            best = (distance, i)
    if best is None:
        return
    index = best[1]
    # The change made right after the version copied: the newer commit next to it in the file's history, or the
    # working file itself when that version is the last one committed.
    since = _change_after(ws, reg_id, history[index - 1]) if index > 0 else "it was last edited in the working file"
    name = edited_name or "The edited text"
    raise RegdraftError(f"{name} was copied from the text of {reg_id} before {since}, so writing instructions from it "
                    f"would undo that change: make a new copy of the text in force ({reg_path}) and carry your edits "
                    "over to it. If it reads as that earlier text because you mean to make a change again (one undone "
                    "by that commit), undoing it can be allowed.", options=("allow_undo",))


def _change_after(ws: Workspace, reg_id: str, revision: Revision) -> str:
    """The change a commit made to the regulation, in words: an amendment's adoption, or the commit."""
    from regdraft.workspace.terms import adoption_revision
    from regdraft.workspace.timeline import adopted_for

    for amendment in adopted_for(ws, reg_id):
        if not amendment.number:
            continue
        try:
            found = adoption_revision(ws, amendment)
        except RegdraftError:
            continue
        if found is not None and found.sha == revision.sha:
            when = amendment.effective or amendment.signed
            on = f", effective {when.isoformat()}" if when else f" on {revision.date}"
            return f"{amendment.number} ({amendment.slug}) was adopted{on}"
    return f"commit {revision.short} ({revision.subject}) changed it on {revision.date}"
