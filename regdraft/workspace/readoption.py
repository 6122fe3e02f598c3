"""The way out for a signed document refused because adopted documents take effect after it (`order._refusal`): a
decree of 2019 entered after those of 2020 and 2026 that change the same clause. Its date is fixed by its text and
adopted documents apply in the order they take effect, so the later adoptions are undone (`git revert`, the latest
first, and their tags deleted: regdraft never moves one), it is adopted, and they are adopted again.

Post-conditions of `way_out`:
1. The adoptions it names to undo are those of the documents in the way and every adoption of the regulation made
   after the first of them: their reverts, the latest first, each undo the last change to the file, so they meet no
   conflict among themselves. Commits since that are no adoption (a sync's merge, an edit) are named as the ones a
   revert may stop on.
2. The steps are tried on the texts before it says them (`Plan`): the text before the first undone adoption, the
   document applied to it, and each undone document applied again in the order they take effect, each compared with
   the replay by effective date as its adoption will compare it. What fails is said for what it is: the document
   does not apply to the text of its day (a document before it missing, or its instructions entered otherwise than
   issued), or a document adopted again does not apply after it or gives another text (an instruction dated on its
   own after it, and the others before it: no order of adopting whole documents gives that text).
3. With a remote, it says to sync first and, once done, to delete the remote's tags of the undone adoptions and sync.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from regdraft.core.amend.document import Amendment
from regdraft.core.commands import Command
from regdraft.core.errors import RegdraftError
from regdraft.core.model import Regulation
from regdraft.workspace.store import Workspace
from regdraft.workspace.timeline import adopted_for, base_text, replay


@dataclass
class Plan:
    """The undoing and adopting again a refusal names, as tried on the texts (post-condition 2)."""

    undo: list[tuple[Amendment, str]] = field(default_factory=list)  # latest adoption first, with its commands
    tags: list[str] = field(default_factory=list)  # the adoption tags those commands delete
    again: list[Amendment] = field(default_factory=list)  # in the order they take effect
    others: list[str] = field(default_factory=list)  # commits since that are no adoption: `1a2b3c4d (“subject”)`
    fails_here: bool = False  # the document does not apply to the text of its day
    blocked: Amendment | None = None  # a document adopted again that does not apply after it, or gives another text
    blocked_fails: bool = False  # it does not apply (else: it gives another text)


def _apply(text: Regulation, amendment: Amendment) -> Regulation | None:
    from regdraft.core.amend.apply import apply

    try:
        return apply(text, amendment).regulation
    except RegdraftError:
        return None


def plan(ws: Workspace, amendment: Amendment, parts: list[Amendment]) -> Plan:
    """The adoptions to undo for `amendment` (dated as it would be adopted) to be adopted before `parts`, the adopted
    documents (or their dated instructions) in the way, and what trying the steps gives (post-conditions 1, 2)."""
    from regdraft.workspace.terms import adoption_revision

    found = Plan()
    path = ws.locate_regulation(amendment.regulation)
    history = adopted_for(ws, amendment.regulation)
    log = ws.log(path)
    place = {r.sha: n for n, r in enumerate(log)}  # 0: the newest
    revisions = {a.slug: adoption_revision(ws, a) for a in history}
    in_the_way = {p.slug for p in parts}
    first = max((place.get(r.sha, -1) for s, r in revisions.items() if s in in_the_way and r is not None),
                default=-1)

    def placed(document: Amendment) -> int:  # where its adoption stands in the file's log (-1: not found)
        revision = revisions[document.slug]
        return place.get(revision.sha, -1) if revision is not None else -1

    undone = [a for a in history if a.slug in in_the_way or 0 <= placed(a) <= first]
    ordered = sorted(undone, key=placed)  # the latest adoption first
    for document in ordered:
        step, tag = _undo_step(ws, document, revisions[document.slug])
        found.undo.append((document, step))
        found.tags += [tag] if tag else []
    adoptions = {r.sha for r in revisions.values() if r is not None}
    found.others = [f"{r.sha[:8]} (“{r.subject}”)" for r in log[:first] if r.sha not in adoptions]
    found.again = [a for a in history if a in undone]  # replay order: the order they take effect
    base = base_text(ws, path)
    kept = [a for a in history if a not in undone]
    try:
        start = replay(base, kept, None).regulation
    except RegdraftError:
        return found  # a history that does not replay is `check`'s to report
    current = _apply(start, amendment)
    if current is None:
        found.fails_here = True
        return found
    done = [*kept, amendment]
    for again in found.again:
        current = _apply(current, again)
        done.append(again)
        try:
            expected: Regulation | None = replay(base, done, None).regulation
        except RegdraftError:
            expected = None
        if current is None or expected is None or expected.units != current.units:
            found.blocked, found.blocked_fails = again, current is None or expected is None
            break
    return found


def _undo_step(ws: Workspace, document: Amendment, revision: object) -> tuple[str, str]:
    """`git revert --no-edit SHA` and `git tag -d TAG` (when the tag names that commit) for one adoption, and the tag
    deleted ("" for none)."""
    from regdraft.workspace.terms import adoption_tag, tag_holder

    sha = getattr(revision, "sha", None)
    if sha is None:
        return f"undo the adoption of {document.name} by hand", ""
    tag = adoption_tag(ws, document)
    held = tag_holder(ws, tag)
    revert = f"`{Command.git('revert', sha[:8], switches=('no-edit',))}`"
    if held is None or held.sha != sha:
        return revert, ""
    return f"{revert} and `{Command.git('tag', tag, switches=('d',))}`", tag


def way_out(ws: Workspace, amendment: Amendment, parts: list[Amendment], adopt: Command, dates: tuple[dt.date, dt.date]
            ) -> str:
    """The sentences after a signed document's refusal: the steps that adopt it in its place, tried first (`plan`);
    or, when no order of adopting whole documents gives the text, why. `dates`: its effective date, and the latest
    of those in the way (a document not yet issued may still take effect then)."""
    from regdraft.core.amend.staged import STAGED

    effective, latest = dates
    draft = f" A document not yet issued can instead be given an effective date on or after {latest}."
    found = plan(ws, amendment, parts)
    one = len(found.undo) == 1
    since = [a for a, _ in found.undo if a.slug not in {p.slug for p in parts}]
    also = (f" ({_names(since)} too, adopted since: undone with them, no revert meets a later change)"
            if since else "")
    undo = (f"undo {'the adoption' if one else 'the adoptions'} of {_names([a for a, _ in found.undo])}"
            f"{'' if one else ', the latest first'}{also} ({', then '.join(step for _, step in found.undo)})")
    again = ", then ".join(f"`{Command.of('amend adopt', d.slug, signed=d.signed, effective=d.effective)}`"
                           for d in found.again)
    readopt = f"adopt {'it' if one else 'them'} again{'' if one else ' in the order they take effect'} ({again})"
    fixed = ("Its effective date is fixed by its signed text, and adopted documents apply in the order they take "
             "effect")
    check = Command.of("amend check", amendment.slug)
    if found.fails_here:
        show = Command.of("show", amendment.regulation, as_of=effective.isoformat())
        said = (f"It does not apply to {amendment.regulation} as it stood on {effective} (`{show}`): a document "
                f"amends the text of its day, so one in force before it that changed these provisions is missing from "
                f"the workspace, or its instructions were entered otherwise than issued. {fixed}: {undo}; adopt the "
                f"missing document, or correct its instructions, until `{check}` passes; adopt {amendment.name} "
                f"(`{adopt}`); then {readopt}.{draft}")
    elif found.blocked is not None and found.blocked_fails:
        other = Command.of("amend check", found.blocked.slug)
        said = (f"Applied on its date, it leaves {found.blocked.name} unable to apply after it: that document's "
                f"instructions were entered against the text without it, or otherwise than issued. {fixed}: {undo}; "
                f"adopt {amendment.name} (`{adopt}`); correct the instructions of {found.blocked.name} until `{other}` "
                f"passes; then {readopt}.")
    elif found.blocked is not None:
        staged = [p for p in parts if p.meta.get(STAGED) and p.slug == found.blocked.slug]
        when = f" ({', '.join(str(p.meta[STAGED]) for p in staged)} from {staged[0].effective})" if staged else ""
        return (f"{found.blocked.name} takes effect in parts, some before it and some after it{when}, and "
                f"regdraft adopts a document whole: adopted before or after it, {found.blocked.name} gives another "
                f"text than the one in force between those dates, so no order of adoption records it (docs/"
                f"amendments.md, \"Adoption and legal time\").{draft}")
    else:
        said = (f"{fixed}, so it must be adopted before {'that one' if one else 'them'}: {undo}, adopt "
                f"{amendment.name} (`{adopt}`), then {readopt}.")
    return " ".join([said, *_notes(ws, found)])


def _names(documents: list[Amendment]) -> str:
    return ", ".join(d.name for d in documents)


def _notes(ws: Workspace, found: Plan) -> list[str]:
    """What may stop the steps: other commits a revert may conflict with; and, with a remote, syncing (post-conditions
    1, 3)."""
    notes = []
    if found.others:
        notes.append(f"A revert may stop on a conflict, as other commits changed the file since "
                     f"({', '.join(found.others)}): `{Command.git('revert', switches=('abort',))}` then puts it back "
                     "as it was, and those commits are to be undone first too.")
    remotes = _remotes(ws)
    if remotes:
        remote = "origin" if "origin" in remotes else remotes[0]
        shared = ws.remote_tags(remote)  # as of the last sync: a clone never synced has none noted
        tags = [t for t in found.tags if t in shared] or found.tags
        delete = (f"`{Command.git('push', remote, *tags, switches=('delete',))}` deletes {remote}'s tags of the "
                  f"undone adoptions (regdraft never deletes one there), and ") if tags else ""
        notes.append(f"The workspace shares its history through {remote}: run `{Command.of('sync')}` first, so that "
                     f"no colleague's adoption is left out; once done, {delete}`{Command.of('sync')}` sends the "
                     f"undoing and the adoptions to your colleagues (a colleague's change of the same lines meanwhile "
                     f"stops it on a conflict, as any sync).")
    return notes


def _remotes(ws: Workspace) -> list[str]:
    try:
        return ws.remotes()
    except (AttributeError, RegdraftError):
        return []  # a workspace kept in memory
