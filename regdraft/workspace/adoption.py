"""Adopting an amendment in a workspace: the gates, the amended texts in one commit and a tag, and resuming
an adoption that was interrupted.

Checking and previewing an amendment, which adoption relies on, is `workspace.lifecycle`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from regdraft.core.amend.document import PENDING, Amendment, with_front_matter
from regdraft.core.amend.summary import listing, touched
from regdraft.core.counts import count as counted
from regdraft.core.dates import parse_date
from regdraft.core.errors import AmendmentConflict, NotPending, Problem, RegdraftError, StoreError, UsageError
from regdraft.core.layout import amendment_path, base_path
from regdraft.core.markdown import decode
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, noun
from regdraft.workspace.amendments import read_back
from regdraft.workspace.left_out import parse_stored
from regdraft.workspace.lifecycle import applied_at_once, read_with_problems, review
from regdraft.workspace.store import Workspace, writes
from regdraft.workspace.store_undo import Undone
from regdraft.workspace.store_writes import uncommitted
from regdraft.workspace.terms import FORCED, tag_to_make

if TYPE_CHECKING:
    from regdraft.workspace.gates import Refusal
    from regdraft.workspace.journal import Entry


@writes
def adopt(ws: Workspace, slug: str, signed: str | dt.date | None, effective: str | dt.date | None = None, *,
          force: str | None = None) -> str:
    """Apply a pending amendment to its regulation and record it as adopted: one commit and a tag.

    Refuses, naming every gate it does not pass and the command that fixes each
    (`workspace.gates`), unless `force` gives the reason to adopt anyway (recorded in the
    commit). Without `signed` the date is the document's own (`signed:` in its front matter, as an
    imported law has it); without `effective` it comes from the document's entry-into-force article.
    The first adoption also stores the regulation's text before it as the base for replay. An adoption whose tag's
    name is another document's adoption's (made by a regdraft before tags named their term), or names a blob or a
    tree (a remote's), has no tag (`terms.tag_to_make`): that tag is never moved, and `check` warns.
    Returns the commit sha. Nothing is written when any instruction fails or a file is dirty.
    """
    amendment, reading = read_with_problems(ws, slug, None)
    signed_on = parse_date(signed, "the signing date") if signed is not None else amendment.signed
    if signed_on is None:
        raise UsageError(f"{amendment.source} has no signing date: give the date it was signed.",
                         options=("signed",))
    effective_on = _effective(amendment, signed_on, effective)
    if amendment.status not in PENDING:
        raise NotPending(
            f"{amendment.source}: the amendment is {amendment.status}; only a draft, circulating "
            "or submitted amendment can be adopted."
        )
    if force is not None and not force.strip():
        raise UsageError("Say why the amendment is adopted past its gates.", options=("force", "reason"))
    from regdraft.workspace.numbers import refuse_untaggable

    refuse_untaggable(amendment)  # a number git cannot tag, or one a shell reads as code in advice naming its tag
    # A tag name held by anything but another document's adoption or a blob or tree is refused here, before the gates
    # and the texts.
    tag = tag_to_make(ws, amendment)
    from regdraft.workspace.gates import refusals  # the gates (votes, rounds) only where an adoption is decided

    missing = refusals(ws, amendment, signed_on, effective_on)
    reviewed = review(ws, slug)  # what `amend check` reports; its warnings and references to check stay so
    # A quote undoing an adoption is refused by its own gate (`gates.refusals`, forcible with a reason), once.
    # So is an amendment to a regulation replaced by the day it takes effect (`gates.refusals`, on these dates).
    checked = tuple(p for p in reviewed.problems if p not in reviewed.reverts and p not in reviewed.replaced)
    if checked:
        missing.append(_check_refusal(amendment, checked, forcible=set(checked) <= set(reviewed.broken)))
    blocking = [r for r in missing if force is None or not r.forcible]
    if blocking:
        name = f"{slug} ({amendment.number})" if amendment.number else slug
        forcible = force is None and all(r.forcible for r in blocking)
        raise RegdraftError(
            f"{amendment.source}: {name} cannot be adopted yet:\n"
            + "\n".join(f"  - {r.sentence()}" for r in blocking)
            + "\nNothing was changed."
            + (" In an exceptional case, it is adopted anyway with the reason recorded." if forcible else ""),
            checked if any(r.gate == "check" for r in blocking) else (),
            options=("force", "reason") if forcible else (),
        )
    if amendment.replacing:  # a new regulation's draft: issued as that regulation (`workspace.replacing`)
        from regdraft.workspace.replacing import issue

        return issue(ws, amendment, signed_on, effective_on, missing, force, tag, vote_lines(ws, amendment))
    # A document may amend several regulations of the workspace: all of them or none, in one commit.
    paths = {reg_id: ws.locate_regulation(reg_id) for reg_id in amendment.regulations}
    relative = amendment_path(slug)
    dirty = ws.dirty([*paths.values(), relative])
    if dirty:
        raise StoreError(uncommitted(dirty, "adopting"))
    own: dict[str, dict[str, str]] = {}  # each text's own words for its appendices (`Schedule 1`), for the message
    changes = _adopted_texts(ws, amendment, paths, reading, signed_on, effective_on, own)
    text = with_front_matter(
        decode(ws.read(relative), relative), {"status": "adopted", "signed": signed_on, "effective": effective_on}
    )
    read_back(ws, text, relative, slug, amendment.language)
    changes[relative] = text.encode("utf-8")  # the status line last: see `Workspace.commit`
    from regdraft.workspace.votes import changed_ungated

    unvoted = changed_ungated(ws, amendment)  # without the vote gate: adopted as it stands, the commit says so
    return ws.commit(changes, adoption_message(amendment, signed_on, effective_on, missing, force, unvoted, own,
                                               _vote_notes(ws, amendment)), tag=tag)


def _vote_notes(ws: Workspace, amendment: Amendment) -> list[str]:
    """What the adoption commit says of the votes: no vote, no majority, a majority of the votes cast, a part without
    one; and the parts that carried (`amend vote --on "Điều 11"`)."""
    from regdraft.workspace.vote_gate import adoption_vote_notes
    from regdraft.workspace.vote_parts import part_lines

    return adoption_vote_notes(ws, amendment) + part_lines(ws, amendment)


def vote_lines(ws: Workspace, amendment: Amendment) -> list[str]:
    """The adoption commit's lines on the votes (`Vote: …`) and on a text changed since its vote (`Not as voted:
    …`, the workspace not requiring one), as `adoption_message` writes them: for a new regulation's draft too, whose
    commit recorded none (r42 newreg42, 5)."""
    from regdraft.workspace.votes import changed_ungated

    unvoted = changed_ungated(ws, amendment)
    return [*(f"Vote: {note}." for note in _vote_notes(ws, amendment)),
            *([f"Not as voted: {unvoted}."] if unvoted is not None else [])]


def _check_refusal(amendment: Amendment, problems: Sequence[Problem], forcible: bool) -> Refusal:
    """The gate of `amend check`: an amendment it finds problems in is not adopted; the problems are listed
    under the refusal. References it breaks alone may be adopted past the gate (a reason recorded); an
    instruction that cannot be applied, or a text that does not read back, never."""
    from regdraft.workspace.forced_references import check_gate
    from regdraft.workspace.gates import Refusal

    opening = check_gate(amendment.slug)
    return Refusal("check", f"{opening}{counted(len(problems), 'problem')} in it (listed below)",
                   "amend the amendment (or the text it refers to) until it finds none", forcible=forcible)


def _adopted_texts(ws: Workspace, amendment: Amendment, paths: Mapping[str, str], reading: tuple[Problem, ...],
                   signed: dt.date, effective: dt.date, own: dict[str, dict[str, str]]) -> dict[str, bytes | None]:
    """The amended text of every regulation the document amends (and each one's base, on its first
    adoption); `AmendmentConflict` with the problems of all of them when any instruction fails. `own` is given each
    one's own words for its appendices (`address.designated.designations`)."""
    from regdraft.core.address.designated import designations
    from regdraft.workspace.order import check_order

    changes: dict[str, bytes | None] = {}
    problems: list[Problem] = []
    for reg_id, path in paths.items():
        part = amendment.for_regulation(reg_id)
        original = ws.read(path)
        try:
            text = parse_stored(original, path)
            own[reg_id] = designations(text.units)
            applied = applied_at_once(text, part, reading if reg_id == amendment.regulation else ())
        except AmendmentConflict as exc:
            problems.extend(p for p in exc.problems if p not in problems)
            continue
        check_order(ws, part, applied, signed, effective)
        if not ws.exists(base_path(path)):
            changes[base_path(path)] = original
        changes[path] = render(applied.regulation).encode("utf-8")
    if problems:
        problems.sort(key=lambda p: (p.line == 0, p.line))
        raise AmendmentConflict(
            f"{amendment.source}: {counted(len(problems), 'problem')} reading and applying {amendment.name} to "
            f"{', '.join(paths)}; nothing was changed:", problems)
    return changes



def _effective(amendment: Amendment, signed: dt.date, effective: str | dt.date | None) -> dt.date:
    if effective is not None:
        return parse_date(effective, "the effective date")
    if amendment.replacing:  # a regulation takes effect when signed unless it says otherwise (docs/format.md)
        return signed
    from regdraft.workspace.gates import effective_from_document

    named = effective_from_document(amendment, signed)
    if named is None:
        raise UsageError(f"{amendment.source}: the document names no effective date regdraft can read; "
                         "give the date it takes effect.", options=("effective",))
    return named


def adoption_message(amendment: Amendment, signed: dt.date, effective: dt.date, forced: list[Refusal],
                     reason: str | None, unvoted: str | None = None,
                     appendices: Mapping[str, Mapping[str, str]] | None = None, vote: Sequence[str] = ()) -> str:
    """The adoption commit: number, slug, regulation and dates; what it changes; what was forced and why; and
    `unvoted`, how the instructions changed since the conference vote, when the workspace does not require it; `vote`,
    what is said of the vote itself (`votes.adoption_notes`: none recorded, no majority, of the votes cast).
    `appendices` gives each regulation's own words for its appendices (`address.designated`: `Schedule 1`)."""
    from regdraft.core.address.designated import designating

    language = amendment.language
    regulations = amendment.regulations
    lines = [f"Adopt amendment {amendment.number} ({amendment.slug}) to {', '.join(regulations)}: signed {signed}, "
             f"effective {effective}"]
    for reg_id in regulations:
        part = amendment.for_regulation(reg_id)
        word = noun(Kind.ARTICLE, language)
        of = "" if len(regulations) == 1 else f" of {reg_id} ({word} {part.article.label})"
        with designating((appendices or {}).get(reg_id, {})):
            lines += ["", f"{amendment.number} {touched(part.instructions, language)}{of}.", "",
                      *listing(part.instructions)]
    from regdraft.core.amend.staged import described

    staged = described(amendment)  # instructions its entry-into-force article gives a date of their own
    lines += ["", *staged] if staged else []
    lines += ["", *(f"Vote: {note}." for note in vote)] if vote else []
    if unvoted is not None:
        lines += ["", f"Not as voted: {unvoted}."]
    if reason is not None and forced:
        lines += ["", f"{FORCED}{reason.strip()}", *(f"- {r.missing}" for r in forced)]
    return "\n".join(lines)


def resume_adoption(ws: Workspace, slug: str) -> str:
    """Finish an adoption that a kill or power cut interrupted (files, commit and tag); its message."""
    entry = _interrupted_adoption(ws, slug, "resume")
    done = ws.resume()
    return done or entry.describe()


def cancel_adoption(ws: Workspace, slug: str) -> Undone:
    """Undo an adoption that a Ctrl-C, kill or power cut interrupted: the workspace as it was before it
    (`store_undo`); its message, what was left as it was (a tag of its name pointing elsewhere) or "", and that tag."""
    entry = _interrupted_adoption(ws, slug, "cancel")
    done = ws.undo_interrupted()
    return done or Undone(entry.describe(), "")


def _interrupted_adoption(ws: Workspace, slug: str, doing: str) -> Entry:
    entry = ws.interrupted()
    if entry is None or amendment_path(slug) not in entry.changes:
        other = f"; the interrupted write is {entry.describe()}: repairing the workspace finishes it" if entry else ""
        finished = _finished_adoption(ws, slug) if entry is None and doing == "cancel" else ""
        raise UsageError(f"There is no interrupted adoption of '{slug}' to {doing}{other}.{finished}",
                         options=("check:repair",) if entry else ())
    return entry


def _finished_adoption(ws: Workspace, slug: str) -> str:
    """For a cancel asked of an adoption that finished (adopted with the wrong date, noticed the next morning): the way
    back, which "no interrupted adoption" alone did not name (r39 sweep BY F5c): its commit reverted, its tag
    deleted, as for an adoption undone to adopt an earlier document first (`order`). "" when it is not adopted."""
    from regdraft.core.commands import Command
    from regdraft.workspace.amendments import load
    from regdraft.workspace.terms import adoption_revision, adoption_tag, tag_holder

    try:
        amendment = load(ws, slug)
        if amendment.status != "adopted":
            return ""
        revision = adoption_revision(ws, amendment)
        tag = adoption_tag(ws, amendment)
    except RegdraftError:
        return ""
    if revision is None:
        return f" {slug} is adopted; its adoption finished, so it is undone by hand in git, not cancelled."
    held = tag_holder(ws, tag)
    untag = f", then `{Command.git('tag', tag, switches=('d',))}`" if held and held.sha == revision.sha else ""
    return (f" Its adoption finished in commit {revision.sha[:8]}; to undo it, "
            f"`{Command.git('revert', revision.sha[:8], switches=('no-edit',))}`{untag}, and adopt it again "
            f"(`{Command.of('amend adopt', slug, signed=None)}`).")
