"""Accepting a comment's proposed wording: the wording becomes a change to the amendment's text.

The draft (the comment's regulation with the amendment applied, in the working tree) gets the
proposed provision in place of the commented one, and `amend from-edits` regenerates the
instructions of the amending article for that regulation from that edited text (the document's
other articles are kept as they are).

Post-conditions of `accept_proposal`:
1. Two commits: the amendment's new instructions (its message names the comment, and its front
   matter records the comment as the reason of the instructions that write it), then the
   comment marked accepted with `accepted_in` naming the first; or nothing at all when refused.
2. The draft built from the amendment afterwards holds the proposed provision exactly.

Recording is not refused for what accepting would refuse: a member's comment is never lost. `proposal_loss` says,
before a comment is recorded, what its proposal would delete (the review page asks the member to confirm);
`losses` finds the recorded ones, and `Loss.warning` words each as a warning at the file, row or Word comment it
came from (`comment add`, `comment import`, `check`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from regdraft.core.amend.proposal import (
    PROPOSABLE,
    Loss,
    changes_nothing,
    holds,
    labels_of,
    left_out,
    loss,
    proposable,
    proposed_part,
    proposed_unit,
)
from regdraft.core.amend.reasons import accepted_reply, already_reply, from_comment
from regdraft.core.anchoring import State
from regdraft.core.commands import Command
from regdraft.core.comments import GENERAL, Comment, describe_on
from regdraft.core.errors import Category, Problem, RegdraftError, UsageError, Worded
from regdraft.core.layout import amendment_path, comments_folder
from regdraft.core.markdown_writer import render
from regdraft.core.model import TITLE, Address, Kind, Regulation, Unit, map_units, noun
from regdraft.workspace.store import Workspace, writes

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment


@dataclass(frozen=True, slots=True)
class Accepted:
    """What accepting a proposal did: the comment as answered and the commit that changed the text. `already`: the
    draft read as proposed before (`commit` is the one that wrote those words, or empty when not found), and
    accepting recorded the answer alone."""

    comment: Comment
    commit: str
    already: bool = False


@writes
def accept_proposal(ws: Workspace, slug: str, comment_id: str, reply: str = "",
                    author: str | None = None) -> Accepted:
    """Write a comment's proposed wording into the amendment (one commit naming it), then accept the comment with
    `reply`, or, when that is empty, a sentence saying which provision of the draft was changed."""
    from regdraft.workspace.amendments import load
    from regdraft.workspace.regenerate import from_edits
    from regdraft.workspace.rounds import draft_text, find_comment, list_comments, respond_comment

    where, comment = find_comment(ws, comment_id, slug)
    if not comment.proposal:
        raise Worded(f"Comment {comment.id} proposes no wording; answer it with a disposition instead.",
                     "no_wording", id=comment.id)
    if comment.accepted_in:
        raise Worded(f"The proposal of comment {comment.id} was already written into the text "
                     f"in commit {comment.accepted_in[:8]}.", "already_accepted", id=comment.id,
                     commit=comment.accepted_in[:8])
    if comment.on == GENERAL:
        raise Worded(f"Comment {comment.id} is a general comment; its proposal names no provision "
                     "to replace, so edit the text and run `regdraft amend from-edits`.", "general_proposal",
                     id=comment.id, slug=where)
    placement = next(item.placement for item in list_comments(ws, where) if item.comment.id == comment.id)
    if placement.state is State.UNKNOWN:  # an adoption since it was begun (or its own text): nothing to write on
        from regdraft.workspace.not_applying import DraftNotApplying, not_applying

        why = not_applying(ws, where)
        if why is not None:
            raise DraftNotApplying(why, comment.id)
    if placement.state is State.REMOVED:
        raise Worded(f"{describe_on(comment.on, _language(ws, where))} of comment {comment.id} is no longer in the "
                     "draft; its proposal has no provision to replace.", "provision_gone", id=comment.id,
                     provisions={"provision": comment.on})
    if placement.state is State.CHANGED and not ws.dirty([amendment_path(where)]):  # (uncommitted: refused below)
        draft = draft_text(ws, where, regulation=comment.regulation)
        if holds(draft, Address.parse(placement.address), comment.proposal):
            # Changed to the very words proposed (another accepted comment wrote them): nothing would be undone,
            # nothing is left to write; the comment is answered as accepted, pointing at the commit that did.
            written = _written_in(ws, where, comment, Address.parse(placement.address))
            provision = describe_on(placement.address, draft.language)
            reply = reply.strip() or (accepted_reply(provision, draft.language) if written
                                      else already_reply(provision, draft.language))
            return Accepted(respond_comment(ws, comment.id, "accepted", reply, where, author=author,
                                            accepted_in=written), written, already=True)
        # Its wording was written against the text circulated: written in now, it would undo what changed
        # since (another proposal accepted on the same provision was silently undone).
        raise Worded(f"{describe_on(placement.address, _language(ws, where))} has changed since comment "
                     f"{comment.id} was made on it, and its proposal was written against the text as it was: "
                     "accepting it would undo that change. Compare the two, then edit the text and run "
                     f"`{Command.of('amend from-edits', where)}`.", "changed_since", id=comment.id, slug=where,
                     provisions={"provision": placement.address})
    draft = draft_text(ws, where, regulation=comment.regulation)
    address = Address.parse(placement.address)
    if address.segments[-1].kind not in PROPOSABLE and address.part != TITLE:  # a chapter's title is renamed
        raise Worded(f"Comment {comment.id} is on {describe_on(comment.on, draft.language)}; a wording replaces an "
                     "article, a clause, a point or an appendix.", "not_proposable", id=comment.id,
                     provisions={"provision": comment.on})
    if not address.part and not proposable(draft.find(address).unit):
        raise Worded(f"{describe_on(placement.address, draft.language)} has a closing text after its "
                     "points or clauses; accept the proposal by editing the text and running "
                     f"`regdraft amend from-edits {where}{_option(comment.regulation)}`.", "closing_text",
                     slug=where, provisions={"provision": placement.address})
    try:
        new = (proposed_part(draft.find(address).unit, address.part, comment.proposal) if address.part
               else proposed_unit(comment.proposal, address, draft.language))
    except UsageError as exc:  # free text for an article, a clause inside a point, ...
        raise Worded(f"{exc.args[0]} Edit the text and run `{Command.of('amend from-edits', where)}`.",
                     "does_not_read", category=exc.category, id=comment.id, slug=where,
                     detail=str(exc.args[0]), provisions={"provision": placement.address}) from None
    if not address.part:
        _refuse_dropping(comment, draft.find(address).unit, new, placement.address, where, draft.language)
    of = f" of {comment.regulation}" if comment.regulation else ""
    regulation = comment.regulation or load(ws, where).regulation
    # A provision the draft inserts, proposed repealed (its insertion rejected in a Word redline): left out of the
    # draft, so its instruction goes; a placeholder no text in force holds was refused as a new unit with no text.
    dropped = not address.part and new.repealed and not _in_force(ws, regulation, address)
    units, _ = map_units(draft.units, address.unit, lambda _unit: () if dropped else (new,))
    edited = draft.with_units(units)
    if edited == draft:
        raise Worded(f"The proposal of comment {comment.id} is already the text of "
                     f"{describe_on(placement.address, draft.language).lower()} in the draft.", "already_text",
                     id=comment.id, provisions={"provision": placement.address})
    _refuse_issued(ws, where, comment, address, regulation, draft.language)
    # A renumbering the draft already makes is the amendment's own, which `from_edits` does not refuse; one the
    # proposal would make is refused as the command refuses it without the drafter's say (docs/from-edits.md).
    try:
        outcome = from_edits(ws, where, edited=render(edited).encode("utf-8"), edited_name=f"comment {comment.id}",
                             regulation=regulation,
                             message=f"Accept the proposal of comment {comment.id} by {comment.by} on "
                                     f"{address.short(draft.language)}{of} into amendment {where}", author=author,
                             reasons={address: from_comment(comment.by, comment.id, draft.language)},
                             vet=_others_kept(ws, where, regulation, comment, address, edited),
                             allow_undo=True,  # a proposal putting back the text in force is accepted as such
                             take_out=True)  # and the instruction it puts back taken out, the others kept
    except Worded:
        raise
    except RegdraftError as exc:
        if "allow_renumber" not in exc.options and exc.category is not Category.DOCUMENT:
            raise  # a workspace's state (an amendment no longer pending …), said as it is
        if "allow_renumber" not in exc.options:
            # The edited draft does not check (a number used twice) or its instructions do not read back: said in
            # the page's words too, where the library's English ("comment 1ad2:74: Điểm a … appears twice") showed.
            raise Worded(f"The proposal of comment {comment.id} could not be written into "
                         f"{address.describe(draft.language)}: {exc.report()}\nEdit the text and run "
                         f"`{Command.of('amend from-edits', where)}`.", "does_not_write",
                         id=comment.id, slug=where, provisions={"provision": placement.address}) from None
        raise Worded(f"The proposal of comment {comment.id} renumbers existing provisions of "
                     f"{address.describe(draft.language)}, which an amending document "
                     "does not do unless the drafter chooses to; edit the text and run "
                     f"`{Command.of('amend from-edits', where)}`.", "renumbers", id=comment.id, slug=where,
                     provisions={"provision": placement.address}) from None
    if outcome.commit is None:
        raise Worded(f"The proposal of comment {comment.id} leaves the amendment's instructions as they are.",
                     "no_change", id=comment.id)
    # Left empty, the answer says where the wording went: the report's answer column read a bare "Tiếp thu".
    reply = reply.strip() or accepted_reply(describe_on(placement.address, draft.language), draft.language)
    answered = respond_comment(ws, comment.id, "accepted", reply, where, author=author, accepted_in=outcome.commit)
    return Accepted(answered, outcome.commit)


def _refuse_issued(ws: Workspace, slug: str, comment: Comment, address: Address, regulation: str,
                   language: str) -> None:
    """Refuse, naming it, a proposal on a provision an instruction of an issued document (numbered and signed:
    `workspace.as_issued`) changes: its words stay as issued, and a change of the provision is no new instruction of
    the same document either (`amend from-edits` refuses both). The page had said the draft "does not make amending
    instructions that check clean" and sent the drafter to that command, which refuses it too (r44 sweep CH F6)."""
    from regdraft.core.amend.operations import targets
    from regdraft.workspace.amendments import amended_id, load
    from regdraft.workspace.as_issued import issued_numbers

    amendment = load(ws, slug)
    path = amendment_path(slug)
    reg = amended_id(ws, amendment, regulation) or amendment.regulation
    numbers = issued_numbers(ws, path, amendment, reg) if reg in amendment.regulations else None
    if not numbers:
        return
    part = amendment.for_regulation(reg)
    on = [ins for ins in part.instructions if ins.location.partition(".")[0] in numbers and any(
        a.unit.contains(address.unit) or address.unit.contains(a.unit)
        for leaf in (ins.leaves() or [ins]) for a in targets(leaf.op))]
    if not on:
        return
    ins = on[0]
    number = amendment.number or slug
    provision = address.describe(language)
    raise Worded(f"The proposal of comment {comment.id} cannot be written into {provision}: {number} is an issued "
                 f"text (numbered and signed), and instruction {ins.location} of its {noun(Kind.ARTICLE, language)} "
                 f"{part.article.label} ({path}, line {ins.line}: {ins.text}), which changes {provision}, keeps its "
                 "words as issued. Make the change by a new amending document "
                 f"(`{Command.of('amend from-edits', 'NEW-SLUG', edited='FILE')}`), or, if {slug} is a draft "
                 "modelled on that text, "
                 "take its signing date out of its front matter and accept again.", "issued", id=comment.id,
                 slug=slug, number=number, instruction=ins.location, article=part.article.label,
                 line=str(ins.line), sentence=ins.text, provisions={"provision": str(address)})


def _in_force(ws: Workspace, regulation: str, address: Address) -> bool:
    """Whether the text in force of `regulation` holds the provision at `address` (one the draft inserts does not)."""
    from regdraft.workspace.api import load_regulation

    return address in load_regulation(ws, regulation).index()


def _others_kept(ws: Workspace, slug: str, regulation: str, comment: Comment, address: Address,
                 edited: Regulation) -> Callable[[str, Amendment], None]:
    """A check of the amending document as accepting the proposal would write it: every instruction not on the
    proposal's provision kept as the drafter wrote it (`core.amend.untouched`), and the draft it builds `edited`
    exactly, else refused with nothing written. A proposal on Article 3 had rewritten the instructions on Article 2
    into one and left out its repeal."""
    from regdraft.core.amend.document import load_amendment
    from regdraft.core.amend.kept import Effects
    from regdraft.core.amend.untouched import as_edited, on_provision, rewritten
    from regdraft.core.markdown import decode
    from regdraft.workspace.amendments import amended_id
    from regdraft.workspace.left_out import parse_stored

    path = amendment_path(slug)
    before = decode(ws.read(path), path)
    language = edited.language  # the amended text's: the document's own when its front matter gives none
    was = load_amendment(before, path, slug, language)
    reg = amended_id(ws, was, regulation) or was.regulation
    standing = was.for_regulation(reg)
    located = ws.locate_regulation(reg)
    in_force = parse_stored(ws.read(located), located, ws)
    on = on_provision(address, Effects(in_force, standing, reg))
    provision = address.describe(language)

    def vet(text: str, read: Amendment) -> None:
        # `read` is `text` as `from_edits` read it back, in the amended text's language: read again only in another.
        after = (read if read.language == language and read.source == path
                 else load_amendment(text, path, slug, language)).for_regulation(reg)
        lost = rewritten((before, standing.instructions), (text, after.instructions), on)
        if lost:
            numbers = _listed([ins.location for ins in lost])
            plural = len(lost) > 1
            raise Worded(f"Accepting the proposal of comment {comment.id} would also rewrite instruction"
                         f"{'s' if plural else ''} {numbers} of {noun(Kind.ARTICLE, language)} "
                         f"{standing.article.label} of {path}, which {'are' if plural else 'is'} not on {provision}; "
                         f"nothing was changed. Write the proposal into {provision} by editing the text and running "
                         f"`{Command.of('amend from-edits', slug)}`, then answer the comment.", "rewrites_others",
                         id=comment.id, slug=slug, numbers=numbers, article=standing.article.label,
                         provisions={"provision": str(address)})
        if not as_edited(in_force, after, edited):
            raise Worded(f"Accepting the proposal of comment {comment.id} would change the draft elsewhere than "
                         f"{provision}; nothing was changed. Write the proposal into {provision} by editing the text "
                         f"and running `{Command.of('amend from-edits', slug)}`, then answer the comment.",
                         "changes_elsewhere", id=comment.id, slug=slug, provisions={"provision": str(address)})

    return vet


def _listed(items: list[str]) -> str:
    """`1`, `1 and 3`, `1, 3 and 4`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _language(ws: Workspace, slug: str) -> str:
    """The amendment's language, in which a refusal names its provisions (`clause 1 of Article 2` in English)."""
    from regdraft.workspace.amendments import load

    return load(ws, slug).language


def _written_in(ws: Workspace, slug: str, comment: Comment, address: Address, limit: int = 30) -> str:
    """The commit since which the draft has read as `comment` proposes at `address`: the oldest of the latest
    commits of the amendment (at most `limit`) whose drafts all hold it; empty when none or all of them do."""
    from regdraft.workspace.rounds import draft_text

    found = ""
    for revision in ws.log(amendment_path(slug), limit=limit):
        try:
            held = holds(draft_text(ws, slug, revision.sha, comment.regulation), address, comment.proposal)
        except RegdraftError:
            held = False
        if not held:
            return found
        found = revision.sha
    return ""


def _refuse_dropping(comment: Comment, current: Unit, new: Unit, at: str, slug: str, language: str) -> None:
    """Refuse a proposal that would delete the provision's points or clauses without saying so (`left_out`): one line
    typed for khoản 1 Điều 19 (its address written in words, the editor left empty) became the whole clause, and its
    points a)–c) were gone from the amendment."""
    lost = left_out(current, comment.proposal, new)
    if not lost:
        return
    labels = labels_of(lost, language)
    said = (f"of {Address.parse(at).describe(language)}: it is written without the provision's label, as its first "
            "paragraph alone, and accepting it would delete them. Ask for the provision written whole (from its "
            f"label), or edit the text and run `{Command.of('amend from-edits', slug)}`.")
    if lost[0].kind is Kind.POINT:
        raise Worded(f"The proposal of comment {comment.id} has no points {labels} {said}", "drops_points",
                     id=comment.id, slug=slug, labels=labels, provisions={"provision": at})
    raise Worded(f"The proposal of comment {comment.id} has no clauses {labels} {said}", "drops_clauses",
                 id=comment.id, slug=slug, labels=labels, provisions={"provision": at})


def _option(regulation: str) -> str:
    """The `-r REG` that `amend from-edits` needs for a comment on a regulation other than the main one."""
    return f" -r {regulation}" if regulation else ""


# -- recording: what a proposal would lose -----------------------------------------------------


def proposal_loss(ws: Workspace, slug: str, on: str, proposal: str, round_number: int | None = None,
                  regulation: str | None = None) -> Loss | None:
    """What `proposal`, made on `on` in the open round (`round_number`, else the open one), would delete when
    accepted (`core.amend.proposal.loss`); None when nothing, or when the comment would be refused anyway (no open
    round, no such provision: recording it says why)."""
    from regdraft.core.comments import canonical_on
    from regdraft.workspace.amendments import load_rounds
    from regdraft.workspace.circulated import commentable_round, draft_text, regulation_key

    if not proposal.strip():
        return None
    try:
        r = commentable_round(load_rounds(ws, slug), round_number, slug)
        key = regulation_key(ws, slug, r.revision, regulation)
        return loss(draft_text(ws, slug, r.revision, key), canonical_on(on), proposal)
    except RegdraftError:
        return None


def _on_drafts(ws: Workspace, slug: str, comments: Sequence[Comment]) -> Iterator[tuple[Comment, Regulation]]:
    """Each comment proposing a wording for a provision, with the draft its round circulated (a draft that cannot be
    built is left to the checks that say why)."""
    if not any(c.proposal for c in comments):
        return  # `check` of a workspace without proposals imports nothing more (PyYAML, with the rounds module)
    from regdraft.workspace.rounds import draft_text, load_rounds

    revisions = {r.number: r.revision for r in load_rounds(ws, slug)}
    drafts: dict[tuple[str, str], Regulation | None] = {}
    for c in comments:
        if not c.proposal or c.on == GENERAL or c.round not in revisions:
            continue
        key = (revisions[c.round], c.regulation)
        if key not in drafts:
            try:
                drafts[key] = draft_text(ws, slug, *key)
            except RegdraftError:
                drafts[key] = None
        if (draft := drafts[key]) is not None:
            yield c, draft


def losses(ws: Workspace, slug: str, comments: Sequence[Comment]) -> list[tuple[Comment, Loss]]:
    """The comments whose proposals would delete points or clauses when accepted, each with what it would delete,
    in the draft its round circulated."""
    return [(c, lost) for c, draft in _on_drafts(ws, slug, comments) if (lost := loss(draft, c.on, c.proposal))]


def proposes_nothing(ws: Workspace, slug: str, comment: Comment) -> bool:
    """True when `comment`'s proposal is the text its provision has in the draft its round circulated."""
    return any(changes_nothing(draft, c.on, c.proposal, "", "", "") for c, draft in _on_drafts(ws, slug, [comment]))


def recorded_losses(ws: Workspace, slug: str, comments: Sequence[Comment]) -> list[Problem]:
    """A warning at the file of each recorded comment (its `proposal:` line) whose proposal would delete points or
    clauses when accepted, or reads as its provision already read in the draft circulated (`changes_nothing`)."""
    warnings = []
    for c, draft in _on_drafts(ws, slug, comments):
        path = f"{comments_folder(slug)}/{c.id}.yaml"
        lost = loss(draft, c.on, c.proposal)
        said = lost.warning(c.by, c.id, path) if lost else changes_nothing(draft, c.on, c.proposal, c.by, c.id, path)
        if said is not None:
            from regdraft.core.comment_yaml import key_line  # PyYAML: only when there is something to say

            warnings.append(replace(said, line=key_line(ws.read(path), "proposal")))
    return warnings


def dropping_proposals(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: the unanswered comments whose proposals would delete points or clauses when accepted, the
    comments whose body's name is a mistyped consulted body's (`rounds.body_warnings`), and wording accepted as typed
    that reads as Markdown (`accepted_wording`), and the comments whose proposal was written in but which are still
    unanswered (`accept_unanswered`)."""
    from regdraft.workspace.accept_unanswered import unanswered_accepts
    from regdraft.workspace.accepted_wording import unmeant_markdown
    from regdraft.workspace.amendments import load_comments, survey

    problems = []
    for entry in survey(ws):
        amendment = entry.amendment
        if amendment is None or (name is not None and not _amends(ws, amendment.regulations, name)):
            continue
        try:
            comments = load_comments(ws, entry.slug, [])
            if not comments:
                continue
            from regdraft.workspace.rounds import body_warnings  # reads rounds (YAML): not for a draft without comments

            problems.extend(body_warnings(ws, entry.slug, comments, typos_only=True))
            problems.extend(recorded_losses(ws, entry.slug, [c for c in comments if c.is_open and c.proposal]))
            problems.extend(unmeant_markdown(ws, amendment, comments))  # wording accepted as typed (warnings)
            problems.extend(unanswered_accepts(entry.slug, amendment, comments))  # accepting stopped halfway
        except RegdraftError:
            continue  # unreadable rounds or comments: `late_comments` names them
    return problems


def _amends(ws: Workspace, regulations: Sequence[str], name: str) -> bool:
    try:
        wanted = ws.locate_regulation(name)
        return any(ws.locate_regulation(reg) == wanted for reg in regulations)
    except RegdraftError:
        return False
