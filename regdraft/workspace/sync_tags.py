"""Adoption tags kept on the branch through a sync (`regdraft.workspace.sync`'s 4): the tag of a rebased adoption
commit moves to the commit the rebase made of it (keeping its message); tags from the remote are copied in; a tag
whose commit has left the history is reported and not pushed. Tags on the remote are never moved; one whose commit
adopts another document than yours of that name (two terms' 20-QC/TU) replaces nothing: yours stays here, unsent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import RegdraftError
from regdraft.workspace.stale_tags import OFF_BRANCH, Staleness, local_note, remote_note

if TYPE_CHECKING:
    from regdraft.workspace.resolve import SyncState
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.store_sync import Tag


def keep_tags(ws: Workspace, state: SyncState) -> tuple[list[str], list[str]]:
    """Keep every adoption tag on the branch; the tags to push, and notes on what was done."""
    local, remote = ws.tags(), ws.remote_tags(state.remote)
    head = ws.head() or ""
    push: list[str] = []
    notes: list[str] = []
    clashes = set()
    copied: dict[str, str] = {}
    staleness = Staleness(ws, head)
    stale: dict[str, str] = {}  # the remote's tags naming an adoption undone since: never copied in, and said
    for name, theirs in remote.items():
        mine = local.get(name)
        why = staleness.why(theirs, f"refs/regdraft/{state.remote}/adopted/")
        if why:
            stale[name] = why
            continue
        if mine is not None and mine.commit != theirs.commit and (clash := _other_document(ws, mine, theirs)):
            clashes.add(name)  # two documents, one tag name: both adoptions stay, each clone's tag names its own
            notes.append(f"Tag {name}: {state.remote} has it on the adoption of {clash[1]} ({theirs.commit[:8]}); "
                         f"yours names the adoption of {clash[0]}, another document bearing the number. Both "
                         f"adoptions are kept and your tag stays here, not sent (tags on the shared remote never "
                         f"move); regdraft finds each adoption by its own commit, and `{Command.of('check')}` "
                         "names the adoption whose tag names another.")
            continue
        if mine is None or mine.ref != theirs.ref:
            copied[name] = theirs.ref
        if mine is not None and mine.commit != theirs.commit:
            notes.append(f"Tag {name}: {state.remote} already has it on {theirs.commit[:8]}; yours (on "
                         f"{mine.commit[:8]}) was replaced by it, as tags on the shared remote never move.")
    ws.set_tags(copied)  # one git for them all
    kept: dict[str, str] = {}  # your tags of the names of the remote's stale ones, on an adoption in force
    for name, tag in local.items():
        why = staleness.why(tag)
        if why and (why != OFF_BRANCH or (name in remote and remote[name].ref == tag.ref)):
            shared = state.remote if name in remote and remote[name].ref == tag.ref else ""
            notes.append(local_note(tag, why, staleness.subject(tag), shared))  # kept here, not sent, and said
            continue
        if name in remote and name not in clashes and name not in stale:
            continue
        if name in clashes or name in stale:  # the remote has the name: yours follows its adoption here only
            new = "" if ws.is_ancestor(tag.commit, head) else ws.rewritten(tag.commit, state.theirs or None)
            if new:
                ws.retag(tag, new)  # the rebase replayed that adoption
            if name in stale and (new or not why):
                kept[name] = new or tag.commit
            continue
        if ws.is_ancestor(tag.commit, head):
            push.append(name)
            continue
        new = ws.rewritten(tag.commit, state.theirs or None)
        if new:
            ws.retag(tag, new)
            push.append(name)
            notes.append(f"Tag {name} moved from {tag.commit[:8]} to {new[:8]}: the rebase replayed that adoption.")
        else:
            notes.append(f"Tag {name} cannot be kept: its commit {tag.commit[:8]} is no longer on {state.branch} "
                         "(the sync dropped it, or it was never there); it was not pushed. Check "
                         f"`regdraft amend list` and the tag (`{Command.git('show', name)}`).")
    for name, why in sorted(stale.items()):
        mine = local.get(name)
        if mine is None or mine.ref != remote[name].ref:  # a copy of it here was said above, with both commands
            notes.append(remote_note(state.remote, remote[name], why, staleness.subject(remote[name]),
                                     kept.get(name)))
    return push, notes


def _other_document(ws: Workspace, mine: Tag, theirs: Tag) -> tuple[str, str] | None:
    """The slugs of the two amendments two tags of one name adopt, when they are two documents (term XIV's and term
    XV's 20-QC/TU, tagged alike by two clones); None when they adopt one amendment or either is no adoption."""
    from regdraft.workspace.terms import tagged_slug

    try:
        ours, other = tagged_slug(ws.resolve(mine.commit)), tagged_slug(ws.resolve(theirs.commit))
    except RegdraftError:
        return None
    return (ours, other) if ours and other and ours != other else None
