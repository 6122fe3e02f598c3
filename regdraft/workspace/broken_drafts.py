"""Pending amendments that the work a sync brought in leaves unable to apply (r35, item 1 of the round's note).

Lan adopts an amendment repealing Điều 5; Minh's pending draft amends khoản 2 Điều 5. Minh's `sync` said only what
came in ("… adopted as 07-QC/TU by Lan"), and Minh learnt that the draft no longer applies to the text in force from
`check`, later, if at all. The sync now ends with one paragraph per such amendment: which regulation, whose change
came in, the first instruction that fails (file, line, provision, as `amend check` says it) and what to run.

Post-conditions of `no_longer_apply(ws, before, incoming)`:
1. Nothing is written, and nothing raises: a document that cannot be read makes no sentence (the sync itself
   succeeded; `check` names what does not read).
2. Cost: nothing is read unless an incoming commit changed a regulation file; then only the pending amendments of the
   regulations changed are applied, to the text now, and each that fails once more to the text at `before`.
3. An amendment is named only when it applied at `before` (this clone's work before the sync) and does not now: one
   failing already, or one that came in with the sync, is `check`'s to name, not news of the sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.amend.apply import apply
from regdraft.core.amend.document import PENDING, Amendment
from regdraft.core.commands import Command
from regdraft.core.counts import count
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.layout import REGULATIONS
from regdraft.workspace.double_adoption import adopted_number, adopted_slug

if TYPE_CHECKING:
    from regdraft.workspace.awaited import Shared
    from regdraft.workspace.store import CommitInfo, Workspace

SHOWN_CAUSES = 3  # the incoming changes to a regulation named in a sentence; the rest are counted


def no_longer_apply(ws: Workspace, before: str, incoming: Sequence[CommitInfo]) -> list[str]:
    """One paragraph for each pending amendment that applied to its regulation at `before` and no longer applies
    now that `incoming` commits changed that regulation (see the module)."""
    touched: dict[str, list[CommitInfo]] = {}
    for commit in incoming:
        for _, path in commit.files:
            if path.startswith(f"{REGULATIONS}/") and path.endswith(".md"):
                touched.setdefault(path, []).append(commit)
    if not touched or not before:
        return []
    from regdraft.workspace.amendments import survey

    try:
        entries = survey(ws)
    except RegdraftError:
        return []
    shared: Shared = {}  # the pending amendments applied, once for all of them (`awaited`)
    said = []
    for entry in entries:
        amendment = entry.amendment
        if amendment is None or amendment.status not in PENDING:
            continue
        for reg_id in amendment.regulations or (amendment.regulation,):
            try:
                changes = touched.get(ws.locate_regulation(reg_id))
                failing = _failing(ws, amendment.for_regulation(reg_id), shared) if changes else []
                if failing and _applied_then(ws, amendment.slug, reg_id, before):
                    said.append(_sentence(amendment, reg_id, failing, changes or []))
            except RegdraftError:
                continue
    return said


def _failing(ws: Workspace, amendment: Amendment, shared: Shared) -> list[Problem]:
    """What `check` finds applying the amendment to the text now (its warnings aside), first line first."""
    from regdraft.workspace.lifecycle import check_amendment

    found = [p for p in check_amendment(ws, amendment, shared) if not p.warning]
    return sorted(found, key=lambda p: (p.line == 0, p.line))


def _applied_then(ws: Workspace, slug: str, reg_id: str, before: str) -> bool:
    """Whether the amendment, as it was at `before`, applied to its regulation as it was then."""
    from regdraft.workspace.amendments import load, target_regulation

    try:
        then = load(ws, slug, before)
        if then.status not in PENDING:
            return False
        part = then.for_regulation(reg_id)
        apply(target_regulation(ws, part, before), part)
    except RegdraftError:
        return False  # not there then, or failing already: not the sync's news
    return True


def _sentence(amendment: Amendment, reg_id: str, failing: list[Problem], changes: list[CommitInfo]) -> str:
    name = amendment.slug + (f" ({amendment.number})" if amendment.number else "")
    more = len(failing) - 1
    others = f" ({count(more, 'more problem', plural_form='more problems')})" if more else ""
    first = str(failing[0]).rstrip(".")
    return (f"Your pending amendment {name} no longer applies to {reg_id} as it now stands, after {_causes(changes)}. "
            f"The first instruction that fails: {first}{others}. Nothing was changed; see every problem with "
            f"`{Command.of('amend check', amendment.slug)}`, and rewrite what fails against the text in force.")


def _causes(changes: list[CommitInfo]) -> str:
    """`Lan adopted 07-QC/TU (bai-bo-dieu-5)`, `Minh edited it`: the incoming changes to the regulation, in order."""
    causes: list[str] = []
    for commit in changes:
        slug = adopted_slug(commit)
        cause = (f"{commit.author} adopted {adopted_number(commit)} ({slug})" if slug
                 else f"{commit.author} edited it")
        if cause not in causes:
            causes.append(cause)
    if len(causes) > SHOWN_CAUSES:
        rest = len(causes) - SHOWN_CAUSES
        causes = [*causes[:SHOWN_CAUSES], count(rest, "other change")]
    return causes[0] if len(causes) == 1 else f"{', '.join(causes[:-1])} and {causes[-1]}"
