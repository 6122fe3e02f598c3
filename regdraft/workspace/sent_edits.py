"""A regulation in force edited by hand, in the work a sync is about to send (r37 sweep BQ 2).

`check` calls a regulation that reads otherwise than its base text with the adopted amendments replayed "edited
without an amendment", but `sync` sent such an edit to every clone saying only "01-QC/TU edited by Hoa": a note typed
into the text in force, and even an edit kept over a colleague's adoption (`resolve --ours`), which took the adopted
wording out of the shared regulation. The sync now refuses to send it, before it pushes: the drafter's commits stay
here (nothing is lost, and what came in stays in), the remote keeps the text in force, and the refusal says what
`check` says, with the commits that made the edit and the `git revert` that undoes them. Refusing, not warning: a
warning came after the text in force had gone to everyone, and the hand edit belongs in an amendment either way.

Post-conditions:
1. `refuse_hand_edits` raises one `StoreError` when a regulation the sync would send (its file differs between the
   remote's commit and yours) reads otherwise than its base text with the adopted amendments replayed, as `check`
   says it (`checks.EDITED`), and a commit of yours that is no adoption changed it (or a merge of yours is sent);
   it changes nothing. An adoption of yours over a text the remote already holds edited is not refused, nor is a
   regulation with no adoption yet, one whose replay fails or two adoptions dated out of order (`check` names each).
2. Nothing is read unless a commit sent changed a regulation's file (not an adoption's alone): a sync of comments
   replays nothing.
3. Asked to (`meant`: the office means the edit), nothing is refused: each such regulation is a note for the report,
   naming the file, its first differing line and the commits, saying it was sent as a deliberate edit of the text
   in force. The commits are sent as they are (no history is rewritten to say so).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import ParseError, RegdraftError, StoreError
from regdraft.core.layout import AMENDMENTS, REGULATIONS, amendment_path
from regdraft.core.text import shown_name
from regdraft.workspace.activity import describe
from regdraft.workspace.adoption_subjects import PREFIXES
from regdraft.workspace.receiving import Receiving
from regdraft.workspace.resolve import SyncState
from regdraft.workspace.sent_issued import issued_rewordings, refusal

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.store_sync import CommitInfo

ADOPTS = PREFIXES  # the subjects of adoption commits (`adoption_subjects`)


def refuse_hand_edits(ws: Workspace, state: SyncState, outgoing: Sequence[CommitInfo], *, meant: bool = False
                      ) -> list[str]:
    """Refuse to send a regulation in force edited without an amendment (see the module): the sync ends there,
    saying what it brought in (no note of it is kept for the next sync to say). `meant`: the office means to send
    them (post-condition 3): the notes that say, for the report, which texts in force it sends edited by hand."""
    theirs = state.theirs
    merged = any(c.parents > 1 for c in outgoing)
    edits: dict[str, list[CommitInfo]] = {}
    for commit in outgoing:
        if commit.subject.startswith(ADOPTS):
            continue
        for status, path in commit.files:
            if status != "D" and _regulation(path):
                edits.setdefault(path, []).append(commit)
    paths = sorted({*edits, *(_sent_regulations(ws, theirs) if merged else ())})
    notes = []
    for path, commits in _issued_edits(ws, outgoing).items():  # an issued document rewritten (`issued_text`)
        if theirs and _same_at(ws, path, theirs):
            continue
        said = _rewritten(ws, path)
        if said is not None and meant:
            notes.append(f"Sent to {state.remote} as you asked: {said}")
        elif said is not None:
            SyncState.clear(ws)
            Receiving.clear(ws)
            came = describe(ws, ws.commits(state.before, theirs)) if theirs and theirs != state.before else []
            raise StoreError(_refusal(state.remote, said, commits, came, "issued text"))
    for said, commits in issued_rewordings(ws, outgoing, theirs, ADOPTS):  # a pending issued text's own (`as_issued`)
        if meant:
            notes.append(f"Sent to {state.remote} as you asked: {said}")
        else:
            SyncState.clear(ws)
            Receiving.clear(ws)
            came = describe(ws, ws.commits(state.before, theirs)) if theirs and theirs != state.before else []
            raise StoreError(refusal(state.remote, said, commits, came))
    for path in paths:
        if theirs and _same_at(ws, path, theirs):
            continue  # the remote holds the file as it is here: nothing of it is sent
        problem = _edited(ws, path)
        if problem is not None and meant:
            notes.append(_deliberate(state.remote, problem, edits.get(path, [])))
        elif problem is not None:
            SyncState.clear(ws)
            Receiving.clear(ws)
            came = describe(ws, ws.commits(state.before, theirs)) if theirs and theirs != state.before else []
            raise StoreError(_refusal(state.remote, problem, edits.get(path, []), came))
    return notes


def _issued_edits(ws: Workspace, outgoing: Sequence[CommitInfo]) -> dict[str, list[CommitInfo]]:
    """The amending documents a commit sent (no adoption) changed since its adoption, with those commits: a draft's
    edits before the adoption sent with it are the text adopted, and reverting them would undo the draft the adoption
    was made from (r40 sweep CD F1)."""
    found: dict[str, list[CommitInfo]] = {}
    for commit in outgoing:  # oldest first
        adoption = commit.subject.startswith(ADOPTS)
        for status, path in commit.files:
            parts = PurePosixPath(path).parts
            if status == "D" or len(parts) != 3 or parts[0] != AMENDMENTS or path != amendment_path(parts[1]):
                continue
            if adoption:
                found.pop(path, None)  # the commits before it made the text adopted
            else:
                found.setdefault(path, []).append(commit)
    return found


def _rewritten(ws: Workspace, path: str) -> str | None:
    """`check`'s sentence (`file:line: …`) for an adopted amendment rewritten since its adoption; None otherwise."""
    from regdraft.workspace.amendments import load
    from regdraft.workspace.issued_text import rewritten

    try:
        found = rewritten(ws, load(ws, PurePosixPath(path).parts[1]))
    except (RegdraftError, ParseError):
        return None
    if found is None:
        return None
    problem = found.problem()
    return f"{shown_name(problem.source)}:{problem.line}: {problem.message}"


def _regulation(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) == 2 and parts[0] == REGULATIONS and path.endswith(".md")


def _sent_regulations(ws: Workspace, theirs: str) -> list[str]:
    """The regulations a merge of yours may send: every one whose file differs from the remote's."""
    return [path for path in ws.regulation_files() if not theirs or not _same_at(ws, path, theirs)]


def _same_at(ws: Workspace, path: str, rev: str) -> bool:
    try:
        return ws.read(path, rev) == ws.read(path)
    except RegdraftError:
        return False


def _edited(ws: Workspace, path: str) -> str | None:
    """`check`'s sentence for the regulation as the workspace holds it (`file:line: …`) when it is a regulation in
    force edited without an amendment; None otherwise."""
    from regdraft.workspace.checks import EDITED, replay_difference
    from regdraft.workspace.parse_cache import read_regulation
    from regdraft.workspace.timeline import adopted_for

    try:
        reading = read_regulation(ws, ws.read(path), path)
        if reading.problems:
            return None  # a regulation that does not read: `check` names it
        adopted = adopted_for(ws, reading.regulation.id)
        problems = replay_difference(ws, path, reading.regulation, adopted) if adopted else []
    except (RegdraftError, ParseError):
        return None
    found = next((p for p in problems if EDITED in p.message), None)
    if found is None:
        return None
    return f"{shown_name(path)}{f':{found.line}' if found.line else ''}: {found.message}"


def _made_by(commits: Sequence[CommitInfo]) -> str:
    return ", ".join(f'{c.sha[:8]} ("{shown_name(c.subject)}", by {shown_name(c.author)})' for c in commits)


def _deliberate(remote: str, said: str, commits: Sequence[CommitInfo]) -> str:
    """The report's note on a hand edit of a text in force sent as the office asked (post-condition 3)."""
    made = f" by your {'commit' if len(commits) == 1 else 'commits'} {_made_by(commits)}" if commits else ""
    where = said.split(": it was edited", 1)[0]
    return (f"Sent to {remote} as you asked: {where}, a deliberate edit of the text in force made without an "
            f"amendment{made}. It is now every clone's text in force; `{Command.of('check')}` goes on naming it "
            "edited without an amendment.")


def _refusal(remote: str, said: str, commits: Sequence[CommitInfo], brought_in: Sequence[str],
             what: str = "text in force") -> str:
    """The refusal: what `check` says, the commits that made the edit and how to undo them, what came in."""
    made = ""
    if commits:
        named = _made_by(commits)
        undo = Command.git("revert", *(c.sha[:8] for c in reversed(commits)))
        made = f" {'Your commit' if len(commits) == 1 else 'Your commits'} {named} made it: `{undo}` undoes it."
    came = (f" The work from {remote} was brought in ({'; '.join(brought_in)}); your commits stay here on top of it."
            if brought_in else " Your commits stay here.")
    return (f"Nothing was sent to {remote}: {said}{made} Sent, it would become every clone's {what}.{came} "
            f"Then run `{Command.of('sync')}` again; or, if the office means this text in force to read so, send the "
            f"edit as it is with `{Command.of('sync', hand_edits=True)}`.")
