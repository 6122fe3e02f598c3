"""An issued amending document's own instructions changed in the work a sync is about to send (r41; r40 sweep CG F4).

Luật 57/2024/QH15 imported over the Luật Đấu thầu is an issued text still pending: `amend from-edits` keeps its
instructions word for word (`workspace.as_issued`), but a text editor does not, and `sync` sent instruction 17's
quote as Lan changed it by hand, replayed after the merge of her addition with Minh's, to every clone; in one commit
with the addition, the sync stopped on git's conflict instead. The merge now keeps both additions
(`workspace.instruction_merge`), and this refuses to send the change, as `sent_edits` refuses a regulation in force
edited by hand.

Post-conditions of `issued_rewordings(ws, outgoing, theirs)`:
1. For each pending issued amending document a commit sent (no adoption) changed: one sentence (`file:line: …`) when
   an instruction of it as issued (`as_issued.issued_instructions`) reads otherwise here, or is no longer in it, and
   the remote's commit `theirs` does not hold it so already (a change that came in is not yours to send), with the
   commits that changed the file; [] otherwise.
2. Nothing is read unless a commit sent changed an amending document; nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import ParseError, RegdraftError
from regdraft.core.layout import AMENDMENTS, amendment_path
from regdraft.core.text import shown_name

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.amend.instructions import Instruction
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.store_sync import CommitInfo


def issued_rewordings(ws: Workspace, outgoing: Sequence[CommitInfo], theirs: str | None,
                      adopts: str | tuple[str, ...]) -> list[tuple[str, list[CommitInfo]]]:
    """The issued instructions the commits `outgoing` (`adopts`: an adoption's subject, skipped) change, each as a
    sentence with the commits that changed its file (see the module)."""
    touched: dict[str, list[CommitInfo]] = {}
    for commit in outgoing:
        if commit.subject.startswith(adopts):
            continue
        for status, path in commit.files:
            parts = PurePosixPath(path).parts
            if status != "D" and len(parts) == 3 and parts[0] == AMENDMENTS and path == amendment_path(parts[1]):
                touched.setdefault(path, []).append(commit)
    found = []
    for path, commits in touched.items():
        said = _reworded(ws, path, theirs)
        if said is not None:
            found.append((said, commits))
    return found


def _reworded(ws: Workspace, path: str, theirs: str | None) -> str | None:
    """The sentence on the first instruction as issued that the document at `path` holds otherwise than issued and
    than the remote's commit `theirs` holds it; None when none."""
    from regdraft.core.amend.appended import wording_of
    from regdraft.core.amend.document import PENDING
    from regdraft.workspace.amendments import load
    from regdraft.workspace.as_issued import issued_instructions

    slug = PurePosixPath(path).parts[1]
    try:
        here = load(ws, slug)
        if not here.issued or here.status not in PENDING:
            return None
        there = _at(ws, slug, theirs)
        for reg in here.regulations:
            issued = issued_instructions(ws, path, here, reg) or {}
            now = {ins.location.partition(".")[0]: ins for ins in here.for_regulation(reg).instructions}
            then = {} if there is None or reg not in there.regulations else {
                ins.location.partition(".")[0]: ins for ins in there.for_regulation(reg).instructions}
            for number, ins in issued.items():
                mine = now.get(number)
                if mine is not None and wording_of(mine) == wording_of(ins):
                    continue
                remote = then.get(number)
                if there is not None and (remote is mine is None or (
                        remote is not None and mine is not None and wording_of(remote) == wording_of(mine))):
                    continue  # the remote holds it so: it came in
                added = ws.since_added(path)
                return _sentence(path, here, ins, mine, added.revision.short if added is not None else "")
    except (RegdraftError, ParseError):
        return None
    return None


def _at(ws: Workspace, slug: str, rev: str | None) -> Amendment | None:
    from regdraft.workspace.amendments import load

    if not rev:
        return None
    try:
        return load(ws, slug, rev)
    except (RegdraftError, ParseError):
        return None


def _sentence(path: str, amendment: Amendment, issued: Instruction, now: Instruction | None, first: str) -> str:
    """The instruction as issued that reads otherwise here, where it is issued (`first`, the commit), what to do."""
    line = now.line if now is not None else issued.line
    how = "reads otherwise than as issued" if now is not None else "is no longer in it"
    shown = f" (`{Command.git('show', f'{first}:{path}')}` shows it as issued)" if first else ""
    return (f"{shown_name(path)}:{line}: instruction {issued.location} of Điều {issued.article} "
            f"({issued.text.strip()}) of {amendment.number or amendment.slug}, an issued text, {how}{shown}. An "
            "issued text's instructions keep their words: put its lines back as issued and commit; a change of what "
            f"it says is a new amending document (`{Command.of('amend from-edits', 'NEW-SLUG', edited='FILE')}`).")


def refusal(remote: str, said: str, commits: Sequence[CommitInfo], brought_in: Sequence[str]) -> str:
    """The sync's refusal to send `said`: the commits that changed the file, what came in, what to do."""
    named = ", ".join(f'{c.sha[:8]} ("{shown_name(c.subject)}", by {shown_name(c.author)})' for c in commits)
    made = f" Your {'commit' if len(commits) == 1 else 'commits'} {named} changed the file." if commits else ""
    came = (f" The work from {remote} was brought in ({'; '.join(brought_in)}); your commits stay here on top of it."
            if brought_in else " Your commits stay here.")
    return (f"Nothing was sent to {remote}: {said}{made}{came} Then run `{Command.of('sync')}` again; or, if the "
            "office means the issued text to read so (its import misread it), send it as it is with "
            f"`{Command.of('sync', hand_edits=True)}`.")
