"""Working together through a shared git remote: sync (sharing a workspace and joining one is
`workspace.remote_setup`).

How `sync` brings the remote's work and yours together (docs/collaboration.md says the same):

1. Nothing new on the remote: your commits are pushed. Nothing new here: a fast-forward.
2. Both moved on: your commits that only this clone has are **rebased**, replayed one by one
   on top of the remote's, so the history stays one line and every regdraft action stays one
   commit. Comments, rounds and votes live in files of their own and never meet.
3. A **merge** instead, when a rebase would rewrite something others rely on: one of your
   commits is a merge already, is on another remote, or is the revision a comment round
   recorded as circulated (round files keep that commit's id; a rebase would change it).
4. Adoption tags stay on the branch (`sync_tags`): the tag of a rebased adoption commit moves to the commit
   the rebase made of it (keeping its message); tags from the remote are copied in; a tag whose
   commit has left the history is reported and not pushed. Tags on the remote are never moved; one whose commit
   adopts another document than yours of that name (two terms' 20-QC/TU) replaces nothing: yours stays here, unsent.
   Your adoption of an amendment the remote has adopted already is left out of the rebase, the remote's kept and
   the report saying so; a merge is refused before it starts (`double_adoption`). So is a sync whose remote adopted
   another text of that amendment than yours, or changed the text you adopted (`adopted_text`).
5. The branch and the adoption tags are pushed in one atomic push; when a colleague pushed in
   the meantime, regdraft fetches and integrates again (up to five times).
6. Before it pushes, the sync notes what it sends (`sending.Sending`, in the git folder), and forgets it only once
   it has said what it sent; a sync killed while git pushes may leave git to finish the push, and the next
   sync, finding the remote holding that work, says that the interrupted sync sent it (so too after a sync
   stopped once its push had gone through). So too with what it brought in (`receiving.Receiving`, noted as git
   starts to bring it in): the next sync says what the interrupted one had brought in, which it never said.

7. Killed while git rebases, a sync leaves git's rebase behind and its own state (noted before git
   starts): `continue_sync` finishes it, first putting back the commit git had listed as done but
   not yet replayed, or clearing a rebase git had finished (the branch moved) but not cleared.
   `sync` itself finishes it too, and says so, when no conflict waits for the user (none stopped git);
   it refuses, naming `sync --continue`, when one does. Nothing is lost, and the work is pushed.

A pending amendment of this clone that the work brought in leaves unable to apply (a colleague's adoption repealed
what it amends) is named last, with its first failing instruction (`broken_drafts`); nothing is changed for it.

A regulation in force edited by hand (as `check` says) is not sent: refused before the push (`sent_edits`).

A file both sides changed that git merged without a conflict but broke (two instructions numbered `2\\.`, one that
no longer applies), where neither side's version was broken, stops the sync before anything is sent, your work put
back as it was (`clean_merges`): whether the sync brought the two together, `continue_sync` finished it after a
conflict the drafter settled (the files settled aside), or a sync finished one killed meanwhile.

A comment brought in that repeats one recorded here (the same round, body, provision, text and proposal:
`core.repeats`) is named in a note: the report would count it twice (`repeated.arrived_repeats`).

A conflict stops the sync with the report of `resolve.find_conflict`; `continue_sync` goes on
after `resolve`, `abort_sync` puts everything back as it was before the sync. Only `main` is
synced, or a branch git is set to share under its own name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.encodings import Unreadable, strict_text
from regdraft.core.errors import StoreError, UsageError
from regdraft.core.frontmatter import load_yaml
from regdraft.core.text import shown_text
from regdraft.workspace import double_adoption, interrupts
from regdraft.workspace.activity import describe
from regdraft.workspace.broken_drafts import no_longer_apply
from regdraft.workspace.clean_merges import refuse_broken
from regdraft.workspace.dropped_keys import dropped_in, remember
from regdraft.workspace.instruction_merge import merge_added
from regdraft.workspace.journal import changed_while_stopped, stop_point
from regdraft.workspace.receiving import Receiving
from regdraft.workspace.repeated import arrived_repeats
from regdraft.workspace.resolve import (
    ABORT,
    GO_ON,
    SyncState,
    UnresolvedConflict,
    ensure_settled,
    find_conflict,
    settle_adoptions,
)
from regdraft.workspace.sending import Sending
from regdraft.workspace.sent_edits import refuse_hand_edits
from regdraft.workspace.store import Workspace, writes
from regdraft.workspace.sync_tags import keep_tags

if TYPE_CHECKING:
    from regdraft.workspace.store_sync import CommitInfo

ATTEMPTS = 5
BRANCH = "main"


@dataclass(slots=True)
class SyncReport:
    """What a sync did: what came in, what went out, how, and what happened to tags."""

    remote: str
    how: str = "none"
    reason: str = ""
    came_in: list[str] = field(default_factory=list)
    went_out: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replayed: int = 0
    settled: bool = False  # finished after a conflict (`sync --continue`)
    sent_before: list[str] = field(default_factory=list)  # what an interrupted sync had sent
    brought_before: list[str] = field(default_factory=list)  # what an interrupted sync had brought in, unsaid
    resumed: bool = False  # a plain `sync` finished a sync that was killed while git integrated
    no_longer_apply: list[str] = field(default_factory=list)  # pending amendments the work brought in left failing

    def lines(self) -> list[str]:
        """The report in words, one line per topic."""
        nothing = "nothing more to send" if self.sent_before else "nothing to send"
        out = ["Finished the sync that was interrupted while git was bringing your work and the remote's together."
               ] if self.resumed else []
        nothing_new = "nothing more to bring in" if self.brought_before else "nothing new"
        # An adoption of yours left out as the remote had adopted it: the notes say so, not "the same changes".
        set_aside = any(note.startswith(double_adoption.OPENING) for note in self.notes)
        out += [f"From {self.remote}: " + (_listed(self.came_in) if self.came_in else nothing_new) + ".",
               f"To {self.remote}: " + (_listed(self.went_out) if self.went_out else nothing) + "."]
        if self.brought_before:
            out.append(f"The interrupted sync had brought in from {self.remote}: {_listed(self.brought_before)} (it "
                       "was stopped before it could say so).")
        if self.sent_before:
            out.append(f"Your work was sent by the interrupted sync: {'; '.join(self.sent_before)}. {self.remote} has "
                       "it.")
        if self.how == "rebase" and not self.replayed and self.settled:
            out.append(f"Nothing of yours was left to replay: the conflict was settled with {self.remote}'s work.")
        elif self.how == "rebase" and not self.replayed and not set_aside:
            # git drops a commit whose change the remote already has (both clones adopted the same amendment).
            out.append(f"Nothing of yours was left to replay: {self.remote} already had the same changes.")
        elif self.how == "rebase" and self.replayed:
            out.append(f"Your {_commits(self.replayed)} replayed on top of the work from {self.remote} (rebase).")
        elif self.how == "merge":
            out.append(f"Your work and the work from {self.remote} were merged ({self.reason}).")
        # no escape sequence a remote sent reaches the terminal
        return [shown_text(line) for line in (*out, *self.notes, *self.no_longer_apply)]


SHOWN_TAGS = 5  # tags named on a line of the report; the rest are counted (a remote held 3,000 new ones)


def _listed(items: list[str]) -> str:
    """`items` joined with "; ", past `SHOWN_TAGS` tags the tags as their number and the first few names."""
    tags = [item.removeprefix("tag ") for item in items if item.startswith("tag ")]
    if len(tags) <= SHOWN_TAGS:
        return "; ".join(items)
    return "; ".join([*(item for item in items if not item.startswith("tag ")),
                      f"{len(tags):,} tags ({', '.join(tags[:SHOWN_TAGS])} and {len(tags) - SHOWN_TAGS:,} more)"])


def _commits(n: int) -> str:
    return "commit was" if n == 1 else f"{n} commits were"


def _remote_name(ws: Workspace, branch: str, remote: str | None) -> str:
    names = ws.remotes()
    chosen = remote or ws.upstream(branch) or ("origin" if "origin" in names else "")
    if not chosen:
        raise StoreError("This workspace has no shared remote: give it one with `regdraft init`, or "
                         "`git remote add origin URL`.", options=("init:url",))
    if chosen not in names:
        raise UsageError(f"There is no remote named {chosen} (remotes: {', '.join(names) or 'none'}).")
    return chosen


@writes
def sync(ws: Workspace, remote: str | None = None, *, hand_edits: bool = False) -> SyncReport:
    """Fetch the remote's work, bring it together with yours, push yours; report both in words. `hand_edits`: send
    a regulation in force edited by hand all the same, the office meaning it (`sent_edits`, post-condition 3)."""
    if ws.operation():
        state = SyncState.load(ws)
        ws.repair_killed_checkout()
        if ws.finish_interrupted_rebase():
            if state is not None:  # a sync killed as git finished its rebase: carry it on
                return replace(_run(ws, state, integrated=True, hand_edits=hand_edits), resumed=True)
        elif state is not None and not _conflict_waits(ws):  # a sync killed while git integrated: finish it
            return replace(_finish(ws, hand_edits), resumed=True)
        else:
            raise UnresolvedConflict(_stopped_message(ws))
    ensure_settled(ws, first=False)  # a first sync killed half way is finished below
    if ws.head() is None:
        ws.writable_branch(initial=True)  # a detached HEAD, or one naming no branch git can have, is refused
        if not ws.any_ref("refs/heads/"):  # no commit at all here: take the remote's, as a first clone does
            from regdraft.workspace.sync_first import first_sync

            return first_sync(ws, SyncReport(_remote_name(ws, BRANCH, remote)), BRANCH)
    from regdraft.workspace.sync_first import FirstNote

    FirstNote.clear(ws)  # a first sync killed once the branch named the remote's commit: done (`Receiving` says it)
    # Untracked files (a drafter's notes) are no obstacle unless the work coming in has a file there
    # (`_refuse_overwriting`): asked to commit them, drafters sent their notes to the whole office.
    dirty = ws.changed()
    if dirty:
        if ws.head() is None:  # on no commit (a HEAD naming no branch git can have), every file reads as changed
            _shared_branch(ws)  # which says what is wrong with the branch
        raise StoreError("Refusing to sync with uncommitted changes to " + ", ".join(dirty)
                         + "; commit them (or undo them) first. Nothing was changed.")
    branch = _shared_branch(ws)
    name = _remote_name(ws, branch, remote)
    return _run(ws, SyncState(name, branch, ws.head() or "", "", "none"), hand_edits=hand_edits)


def _shared_branch(ws: Workspace) -> str:
    """The branch to sync: main, or another that git is set to share under its own name (`git push -u`)."""
    branch = ws.writable_branch().removeprefix("refs/heads/")
    if branch != BRANCH and not ws.shares_branch(branch):
        raise StoreError(f"This workspace is on the branch {branch}, but `regdraft sync` shares only {BRANCH} with "
                         f"the office: switch back with `{Command.git('switch', BRANCH)}` (and bring the work of "
                         f"{branch} in there with `{Command.git('merge', branch)}` if it is to be shared), then sync "
                         "again; nothing was sent.")
    return branch


def _conflict_waits(ws: Workspace) -> bool:
    """Whether a stopped rebase or merge waits for the user: git stopped on a conflict (resolved or not), or a file
    still holds one."""
    conflict = find_conflict(ws)
    return conflict is not None and (bool(conflict.files) or conflict.commit is not None)


def _stopped_message(ws: Workspace) -> str:
    conflict = find_conflict(ws)
    report = conflict.report() if conflict else ""
    return (f"A sync (or a git rebase or merge) is unfinished; finish it with `{GO_ON}` or undo it with `{ABORT}`."
            "\n\n" + report)


def _run(ws: Workspace, state: SyncState, integrated: bool = False, settled: bool = False,
         hand_edits: bool = False) -> SyncReport:
    """Integrate and push until the push goes through (`integrated`: git has brought the two together already;
    `settled`: after a conflict the user resolved; `hand_edits`: as `sync` says)."""
    report = SyncReport(state.remote, settled=settled)
    known = ws.tags()
    interrupted = Sending.load(ws)
    fetched = Receiving.load(ws)  # what an interrupted sync had brought in, never said
    start = fetched.start(state.remote, state.branch, state.before) if fetched is not None else state.before
    # What is done so far, for the sentence a Ctrl-C ends the sync with (`interrupts.left_behind`).
    interrupts.syncing(ws, state.remote, state.branch, state.before, theirs=state.theirs if integrated else None,
                       how=state.how)
    for _ in range(ATTEMPTS):
        if not integrated:
            theirs = ws.fetch(state.remote, state.branch) or ""
            interrupts.syncing(ws, state.remote, state.branch, state.before, theirs=theirs)
            if interrupted is not None and not report.sent_before:
                report.sent_before = interrupted.arrived(ws, replace(state, theirs=theirs))
            state = _integrate(ws, replace(state, theirs=theirs, how="none", reason=""), report.notes,
                               Receiving(state.remote, state.branch, start, theirs))
            interrupts.syncing(ws, state.remote, state.branch, state.before, how=state.how)
            stop_point("integrated")
        integrated = False
        # Whoever brought the two together (this sync, the drafter's `--continue`, a sync killed since): a file git
        # merged without a conflict and broke is not sent (`clean_merges`).
        refuse_broken(ws, state, start, fetched)
        tags, notes = keep_tags(ws, state)
        head = ws.head() or ""
        outgoing = ws.commits(state.theirs or None, head) if head != state.theirs else []
        sent, sent_tags = outgoing, tags
        # A regulation in force edited by hand is not sent, unless the office means it: the report says so.
        meant = refuse_hand_edits(ws, state, outgoing, meant=hand_edits)
        if outgoing or tags:
            Sending(state.remote, state.branch, head, state.theirs, tuple(tags)).save(ws)
            stop_point("sending")
            pushed = ws.push(state.remote, state.branch, tags)
            if pushed is None:
                continue  # someone pushed meanwhile: fetch and integrate again
            stop_point("sent")
            sent, sent_tags = pushed.lacked(ws, state.theirs, head, outgoing, tags)
        SyncState.clear(ws)
        incoming = ws.commits(state.before, state.theirs) if state.theirs else []
        reported = {c.sha for c in incoming}
        earlier = [] if fetched is None else fetched.brought_in(ws, state.remote, state.branch, reported)
        report.came_in = describe(ws, incoming)
        report.brought_before = describe(ws, earlier)
        # Those copied in: a tag naming an adoption undone since is not (`stale_tags`), and the notes say so.
        report.came_in += [f"tag {t}" for t in sorted(set(ws.remote_tags(state.remote)) & set(ws.tags()) - set(known))]
        report.went_out = describe(ws, [c for c in sent if c.parents < 2])
        report.went_out += [f"tag {t}" for t in sent_tags]
        # A comment file an older regdraft rewrote without the keys it does not know: named, and kept for `check`.
        dropped = dropped_in(ws, [*earlier, *incoming])
        remember(ws, dropped)
        report.notes += meant + notes + arrived_repeats(ws, state.remote, [*earlier, *incoming])
        report.notes += [d.sentence() for d in dropped]
        report.no_longer_apply = no_longer_apply(ws, start, [*earlier, *incoming])  # said last, changing nothing
        report.how, report.reason = state.how, state.reason
        report.replayed = len([c for c in outgoing if c.parents < 2])
        stop_point("reported")
        # Forgotten last: a sync stopped while it reported what it sent leaves the next one to say so.
        Sending.clear(ws)
        Receiving.clear(ws)
        return report
    raise StoreError(f"The shared remote {state.remote} kept changing while regdraft was sending your work; your "
                     "commits are safe here. Run `regdraft sync` again in a moment.")


def _integrate(ws: Workspace, state: SyncState, notes: list[str], receiving: Receiving) -> SyncState:
    """Bring the remote's work (`state.theirs`) in: `receiving` is noted as git starts, not before: a sync refused
    before then (a second adoption to merge, an untracked file in the way) brought nothing in and leaves no note."""
    theirs, head = state.theirs, ws.head() or ""
    if not theirs or ws.is_ancestor(theirs, head):
        return state
    if ws.is_ancestor(head, theirs):
        _refuse_overwriting(ws, state.remote, theirs, [])
        receiving.save(ws)
        ws.integrate(theirs, "ff")
        return replace(state, how="fast-forward")
    if not ws.related(head, theirs):
        raise StoreError(f"This workspace and the one on {state.remote} have no history in common (they were "
                         "set up separately); join the shared one with `regdraft clone URL DIR` instead. Nothing "
                         "was changed.")
    local = ws.commits(theirs, head)
    how, reason = _choose(ws, state.remote, local)
    double_adoption.refuse_unproven(ws, state.remote, state.before, theirs, local)  # a forged adoption: refused
    if how == "merge":  # a merge cannot leave out your adoption of an amendment the remote adopted: refused
        double_adoption.refuse_merge(ws, state.remote, ws.commits(state.before, theirs), theirs, local, reason)
    _refuse_overwriting(ws, state.remote, theirs, local if how == "rebase" else [])
    state = replace(state, how=how, reason=reason)
    # Noted while git runs, so that a sync killed then is finished (and pushed) as one; kept on a conflict.
    receiving.save(ws)
    state.save(ws)
    try:
        finished = ws.integrate(theirs, how, f"Merge the work from {state.remote}")
    except StoreError:
        SyncState.clear(ws)
        raise
    _advance(ws, state, finished, notes)
    SyncState.clear(ws)
    return state


def _refuse_overwriting(ws: Workspace, remote: str, theirs: str, replayed: list[CommitInfo]) -> None:
    """Refuse, before git starts, when an untracked file stands where the work coming in puts a file (or a
    folder), or where a commit of yours that the rebase replays writes one: git would stop half way, or
    overwrite an ignored file without a word."""
    untracked = ws.untracked()
    if not untracked:
        return
    incoming = ws.files_at(theirs)
    folders = {str(folder) for path in incoming for folder in PurePosixPath(path).parents}
    yours = {path for commit in replayed for _, path in commit.files}
    for path in untracked:
        parents = {str(folder) for folder in PurePosixPath(path).parents}
        if path in incoming or path in folders or parents & incoming:
            whose = f"the work from {remote} brings a colleague's file there, which would overwrite it"
        elif path in yours or parents & yours:
            whose = "one of your commits, replayed on top of the work from the remote, writes a file there"
        else:
            continue
        raise StoreError(f"Refusing to sync: {path} is untracked here (never committed), and {whose}. Move your "
                         "file aside (rename it, or move it out of the workspace), run `regdraft sync` again, then "
                         "compare the two. Nothing was changed.")


def _advance(ws: Workspace, state: SyncState, finished: bool, notes: list[str]) -> None:
    """Carry a stopped rebase on while its only conflicts are two adoptions meeting in a regulation, or git stopped
    with no conflict at all (a lock another git held a moment)."""
    retried = 0
    while not finished:
        doubled = double_adoption.stopped_there(ws, state.remote, ws.commits(state.before, state.theirs),
                                                state.theirs)
        if doubled:  # the remote adopted that amendment already: its adoption is kept, yours left out
            notes.append(doubled)
            finished = ws.skip_replay()
            continue
        rebuilt = settle_adoptions(ws)
        joined = [] if rebuilt else merge_added(ws, state.remote)  # instructions both sides added: both kept
        notes.extend(joined)
        if not rebuilt and not joined:
            conflict = find_conflict(ws)
            if conflict is not None and not conflict.files and retried < ATTEMPTS:
                # git stopped with nothing in conflict: it could not take the index lock for a moment (another git,
                # not regdraft's, held it) and left the commit to replay, or its replay staged: go on with it.
                retried += 1
                finished = ws.continue_integration()
                continue
            stopped = tuple(path for path, _ in ws.unmerged())  # the drafter settles them: noted for `clean_merges`
            replace(state, settled=None if state.settled is None else (*state.settled, *stopped)).save(ws)
            said = [n for n in notes if n.startswith(double_adoption.OPENING)]  # else unsaid once stopped
            raise UnresolvedConflict("\n".join([*said, *([""] if said else []), _conflict_report(ws)]))
        notes.extend(f"{path} rebuilt from its base text and adopted amendments: two adoptions changed "
                     "neighbouring lines of it." for path in rebuilt)
        finished = ws.continue_integration()


def _conflict_report(ws: Workspace) -> str:
    conflict = find_conflict(ws)
    return conflict.report() if conflict else f"The sync stopped; run `{GO_ON}`."


def _choose(ws: Workspace, remote: str, local: list[CommitInfo]) -> tuple[str, str]:
    """Rebase local commits unless that would rewrite a merge, published work or a circulated revision."""
    if any(c.parents > 1 for c in local):
        return "merge", "your history holds a merge, which a rebase would flatten"
    shas = [c.sha for c in local]
    if ws.published(shas, remote):
        return "merge", "some of your commits are already on another remote"
    circulated = _circulated(ws, shas)
    if circulated:
        return "merge", f"{circulated} records one of your commits as the draft it circulated"
    return "rebase", ""


def _circulated(ws: Workspace, shas: list[str]) -> str:
    """The round (`round 2 of qc-sua-doi-2025`) whose revision is one of the commits, or ""."""
    import yaml

    for relative in ws.files("amendments", "*/rounds/*.yaml"):
        try:
            data = load_yaml(strict_text(ws.read(relative)))  # UTF-16 too, as the round's own reader reads it
        except (yaml.YAMLError, StoreError, Unreadable):
            continue
        path = PurePosixPath(relative)
        revision = str(data.get("revision") or "") if isinstance(data, dict) else ""
        if revision and any(sha.startswith(revision) or revision.startswith(sha) for sha in shas):
            return f"round {path.stem} of {path.parent.parent.name}"
    return ""


@writes
def continue_sync(ws: Workspace, *, hand_edits: bool = False) -> SyncReport:
    """Finish a sync that stopped on a conflict, once `regdraft resolve` has settled every file (`hand_edits`: as
    `sync` says)."""
    return _finish(ws, hand_edits)


def _finish(ws: Workspace, hand_edits: bool = False) -> SyncReport:
    state = SyncState.load(ws)
    operation = ws.operation()
    if not operation and state is None:
        raise UsageError("There is no stopped sync to continue; run `regdraft sync`.")
    ws.repair_killed_checkout()
    conflict = find_conflict(ws)
    if conflict is not None and conflict.files:
        raise UnresolvedConflict(conflict.report())
    _refuse_edits(ws, "finishing")
    if ws.rebase_not_begun():  # killed while git switched to the remote's files: start the sync again
        ws.abort_integration()
        SyncState.clear(ws)
        branch = _shared_branch(ws)
        remote = state.remote if state else _remote_name(ws, branch, None)
        return _run(ws, SyncState(remote, branch, ws.head() or "", "", "none"), hand_edits=hand_edits)
    if state is None:  # a rebase or merge git started, not regdraft: finish it, then sync as `sync` does
        if operation and not ws.continue_integration():
            raise UnresolvedConflict(_conflict_report(ws))
        branch = _shared_branch(ws)
        return _run(ws, SyncState(_remote_name(ws, branch, None), branch, ws.head() or "", "", "none"),
                    hand_edits=hand_edits)
    notes: list[str] = []
    if operation:
        _advance(ws, state, ws.continue_integration(), notes)
    # Settled only when git had stopped on a conflict; a sync killed while git worked had none.
    report = _run(ws, state, integrated=True, settled=conflict is not None and conflict.commit is not None,
                  hand_edits=hand_edits)
    report.notes[:0] = notes
    return report


def _no_sync_to_abort() -> str:
    raise UsageError("There is no stopped sync to abort.")


def _refuse_edits(ws: Workspace, doing: str) -> None:
    """Refuse to finish or undo a stopped sync over edits made while it was stopped: undoing threw them away
    without a word, and git refuses to finish (`sync --continue` then said only to run itself again)."""
    edited = ws.edited_while_stopped()
    if edited:
        why = ("undoing the sync would throw those changes away" if doing == "undoing"
               else "git finishes a sync only with the files as it holds them")
        raise StoreError(changed_while_stopped(edited, "the sync", why, f"`{Command.git('restore', 'FILE')}`",
                                               f"{'undo' if doing == 'undoing' else 'finish'} the sync"))


@writes
def abort_sync(ws: Workspace) -> str:
    """Undo a stopped sync: the branch, files and tags are as they were before it started."""
    state = SyncState.load(ws)
    operation = ws.operation()
    if not operation and state is None:
        from regdraft.workspace.sync_first import abort_first

        return abort_first(ws) or _no_sync_to_abort()
    ws.repair_killed_checkout()
    _refuse_edits(ws, "undoing")
    conflict = find_conflict(ws)
    stopped = conflict is not None and (bool(conflict.files) or conflict.commit is not None)
    ws.abort_integration()
    SyncState.clear(ws)
    remote = state.remote if state else "the remote"
    when = "when you are ready to resolve the conflict" if stopped else "to bring it in"
    return (f"The sync was undone: your work is as it was before it. The work from {remote} is not in yet; run "
            f"`regdraft sync` again {when}.")

