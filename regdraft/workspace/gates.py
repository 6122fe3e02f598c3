"""What must hold before an amendment is adopted, each refusal with the command that fixes it.

`refusals(ws, amendment, signed, effective)` lists what is missing, in the order an office
meets it:
1. the amendment has its document number (`regdraft amend number`);
2. it was submitted (`regdraft amend status SLUG submitted`, through the statuses between: from a draft,
   `circulating` first);
3. every comment round is closed (`regdraft round close`);
4. every comment is answered (`regdraft comment respond`);
5. a recorded conference vote with a majority, when `regdraft.yaml` sets `require_vote_majority`, taken on the
   instructions as they stand (`votes.changed_since_vote`: a vote on draft 2 does not adopt a draft 3 changed since),
   and no part voted on by itself without one, or changed since (`vote_gate.vote_refusals`, which the library's
   `check_adoptable` reads too);
6. the effective date agrees with the document's entry-into-force article ("kể từ ngày ký" is
   the signing date; "kể từ ngày 01/4/2025" that date); an article regdraft cannot read, or its
   absence, is a refusal that quotes what the document says;
7. the signer is named (`amend new` leaves the name for the drafter: who signs is known when it is signed);
8. the signing date is not after today (a date mistyped a week ahead made a text in force that was not), nor
   before a conference vote recorded on it, whole or part (`regdraft amend vote`): a text is signed once it is voted;
   nor before a regulation it amends was itself signed, and its effective date not before that either (a year
   mistyped, 1925 for 2025; an amendment may take effect before the text it amends does, as Luật 43/2024/QH15 did);
9. the effective date is not before the signing date: a document takes effect retroactively only when its
   wording says so, which is adopted past the gate with the reason recorded (a date mistyped is corrected).
10. no provision it quotes whole undoes words of an amendment adopted since it was begun (`workspace.reverts`):
    one drafted against an older text would silently revert them;
11. no regulation it amends for the first time was edited without an amendment since first committed
    (`workspace.hand_edits`): the edit would become the regulation's original wording;
12. no regulation it amends was replaced by a new one (`workspace.replacements`) by its effective date: it could
    never be in force (adopted past the gate only to record the old regulation's history, as `amend new --force`).
An empty list means the amendment may be adopted. Adopting with a reason (`adopt(force=…)`)
passes every gate but the number (the adoption tag is named after it); the reason is recorded
in the adoption commit. Each fix names its command as a `core.commands.Command`, which the CLI
writes as a command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.amend.document import TRANSITIONS, Amendment
from regdraft.core.amend.entry import entry_into_force
from regdraft.core.commands import Command
from regdraft.core.comments import RoundStatus, shown_on
from regdraft.core.counts import count as counted
from regdraft.core.text import excerpt
from regdraft.workspace.amendments import load_comments, load_rounds
from regdraft.workspace.numbers import PLACEHOLDER, example_number
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.workspace.replacements import Replacement


@dataclass(frozen=True, slots=True)
class Refusal:
    """One gate an amendment does not pass: what is missing, and the command that fixes it."""

    gate: str  # number, status, rounds, comments, vote, effective, signer, reverts, signed, voted, edited, replaced
    missing: str
    fix: str
    forcible: bool = True

    def sentence(self) -> str:
        """The refusal as one line of the adoption error."""
        return f"{self.missing}; {self.fix}"


def _path(status: str, wanted: str) -> list[str]:
    """The statuses `amend status` moves through from `status` to `wanted`, the fewest (`TRANSITIONS`): from a
    draft, circulating and then submitted. Just `wanted` when there is no way."""
    paths = {status: [status]}
    queue = [status]
    for at in queue:
        for step in TRANSITIONS.get(at, ()):
            if step not in paths:
                paths[step] = [*paths[at], step]
                queue.append(step)
    return paths.get(wanted, [status, wanted])[1:]


def refusals(ws: Workspace, amendment: Amendment, signed: dt.date, effective: dt.date) -> list[Refusal]:
    """Every gate the amendment does not pass before adoption on these dates (see the module)."""
    slug = amendment.slug
    out: list[Refusal] = []
    if not amendment.number:
        example = example_number(ws, amendment, signed)
        unknown = f"; write the term's number for “{PLACEHOLDER}”" if PLACEHOLDER in example else ""
        out.append(Refusal("number", "it has no document number",
                           f"give it the number it is signed with, e.g. `{Command.of('amend number', slug, example)}` "
                           f"(the next free in its series{unknown})" if example else
                           f"give it the number it is signed with: `{Command.of('amend number', slug, 'NUMBER')}`",
                           forcible=False))
    if amendment.status != "submitted":
        steps = " then ".join(f"`{Command.of('amend status', slug, status)}`"
                              for status in _path(amendment.status, "submitted"))
        out.append(Refusal("status", f"it is {amendment.status}, not submitted", f"submit it with {steps}"))
    rounds = load_rounds(ws, slug)
    for r in rounds:
        if r.status is RoundStatus.OPEN:
            out.append(Refusal("rounds", f"comment round {r.number} (draft {r.draft}) is still open",
                               f"close it with `{Command.of('round close', slug, number=r.number)}`"))
    unanswered = [c for c in load_comments(ws, slug) if c.is_open]
    if unanswered:
        shown = ", ".join(f"{c.id} by {c.by} on {shown_on(c.on, amendment.language)}"
                          + (f" of {c.regulation}" if c.regulation else "")
                          for c in unanswered[:5])
        more = f" and {len(unanswered) - 5} more" if len(unanswered) > 5 else ""
        out.append(Refusal("comments", f"{counted(len(unanswered), 'comment')} "
                           f"{'is' if len(unanswered) == 1 else 'are'} not answered "
                           f"({shown}{more})",
                           f"answer each with `{Command.of('comment respond', 'ID', disposition=None, reply=None)}`"))
    from regdraft.workspace.vote_gate import vote_refusals

    out += [Refusal("vote", missing, fix) for missing, fix in vote_refusals(ws, amendment)]  # whole and parts
    refusal = effective_refusal(amendment, signed, effective)
    if refusal is not None:
        out.append(refusal)
    from regdraft.core.amend.staged import unresolved_sentences

    for sentence in unresolved_sentences(amendment):  # a date of their own for provisions it cannot find
        out.append(Refusal("effective", f"{sentence}, and every instruction would take effect on {effective}",
                           f"cite the instructions the sentence means as the document numbers them ({_own(amendment)}"
                           f"), or adopt past the gate with "
                           f"`{Command.of('amend adopt', slug, force=True, reason=None)}`"))
    from regdraft.core.amend.staged import given_twice

    for sentence in given_twice(amendment):  # one instruction, two dates: the document contradicts itself
        out.append(Refusal("effective", f"{sentence}; only the first date would apply",
                           f"give each instruction one date in {amendment.source}, or adopt past the gate with "
                           f"`{Command.of('amend adopt', slug, force=True, reason=None)}` (the first date stands)"))
    if effective < signed:
        out.append(retroactive_refusal(amendment, signed, effective))
    from regdraft.core.amend.staged import before_signing, cite_places

    for part in before_signing(amendment, signed):  # a date of their own for some instructions, as for the whole
        said = f"{part.sentence.place}: {excerpt(part.sentence.sentence)}"
        out.append(retroactive_refusal(amendment, signed, part.day, f"{cite_places(part.places, amendment.language)} "
                                       f"({said})", part.sentence.place))
    signer = amendment.meta.get("signer")
    if isinstance(signer, Mapping) and not str(signer.get("name") or "").strip():
        out.append(Refusal("signer", "it names no signer (`signer:` in its front matter has no `name:`)",
                           f"write the name of who signs it under `signer:` in {amendment.source}"))
    out.extend(_reverting(ws, amendment))
    out.extend(_hand_edits(ws, amendment))
    out.extend(_replaced(ws, amendment, effective))
    today = dt.date.today()
    if signed > today:
        out.append(Refusal("signed", f"its signing date {signed} is after today ({today})",
                           f"adopt it once it is signed, with the date it was signed: "
                           f"`{Command.of('amend adopt', slug, signed=None)}`"))
    out.extend(_before_vote(ws, slug, signed))
    out.extend(_before_regulation(ws, amendment, signed, effective))
    return out


def _own(amendment: Amendment) -> str:
    """`“khoản 1 Điều 1 của Quy chế này”`, `“clause 1 of Article 1 of this Decree”`: the document's first instruction
    cited as the document cites its own, with its own type (a fixed `khoản 6` named an instruction it may lack)."""
    kind = str(amendment.meta.get("type") or "")
    first = amendment.instructions[0].location.partition(".")[0] if amendment.instructions else "1"
    article = amendment.article.label or "1"
    if amendment.language == "en":
        return f"“clause {first} of Article {article} of this {kind or 'document'}”"
    return f"“khoản {first} Điều {article} của {kind or 'văn bản'} này”"


def _before_vote(ws: Workspace, slug: str, signed: dt.date) -> list[Refusal]:
    """A refusal when the signing date is before the date of a conference vote recorded on the amendment, on the
    whole or a part (`vote_gate.last_vote`)."""
    from regdraft.workspace.vote_gate import last_vote

    last = last_vote(ws, slug)
    if last is None or signed >= last[0]:
        return []  # no vote date to compare (an unreadable vote file is the vote gate's and `check`'s to report)
    voted, on = last
    # The vote held before the date on file is a correction of that date (`votes.record_vote`).
    record = Command.of("amend vote", slug, on=on or False, for_=None, against=None, abstain=None, date=None,
                        force=True, reason=None)
    which = f"the conference vote on {on}" if on else "the conference vote"
    return [Refusal("voted", f"its signing date {signed} is before {which} recorded on it ({voted})",
                    f"adopt it with the date it was signed, on or after the vote: "
                    f"`{Command.of('amend adopt', slug, signed=None)}`, or correct the vote's date to the date it "
                    f"was held: `{record}`")]


def _before_regulation(ws: Workspace, amendment: Amendment, signed: dt.date, effective: dt.date) -> list[Refusal]:
    """A refusal when the signing date, or else the effective date, is before a regulation it amends was itself
    signed (not before it took effect: an amendment may bring a signed text's date forward): a year mistyped (1925
    for 2025) was adopted, and every `--as-of` answer between the two dates showed the amendment in force (r39 sweep
    BY F3)."""
    from regdraft.core.dates import signed_after
    from regdraft.core.errors import RegdraftError
    from regdraft.workspace.api import load_regulation

    out: list[Refusal] = []
    for reg_id in amendment.regulations:
        try:
            meta = load_regulation(ws, reg_id).meta
        except RegdraftError:
            continue  # adopting reads it again and says why it cannot
        if own_signed := signed_after(meta, signed):
            out.append(Refusal("signed", f"its signing date {signed} is before {reg_id} itself was signed "
                               f"({own_signed})", "adopt it with the date it was signed: "
                               f"`{Command.of('amend adopt', amendment.slug, signed=None)}`"))
        elif own_signed := signed_after(meta, effective):
            # Before the regulation took effect but after it was signed is real: Luật 43/2024/QH15 brought Luật Đất
            # đai 2024's own date forward, taking effect five months before it.
            out.append(Refusal("effective", f"its effective date {effective} is before {reg_id} itself was signed "
                               f"({own_signed})", "adopt it with the date it takes effect: "
                               f"`{Command.of('amend adopt', amendment.slug, signed=signed, effective=None)}`"))
    return out


def _reverting(ws: Workspace, amendment: Amendment) -> list[Refusal]:
    """A refusal for each quoted provision that would undo an adoption made since the amendment was begun."""
    from regdraft.core.amend.apply import apply
    from regdraft.core.errors import RegdraftError
    from regdraft.workspace.amendments import target_regulation
    from regdraft.workspace.reverts import findings

    out: list[Refusal] = []
    for reg_id in amendment.regulations:
        part = amendment.for_regulation(reg_id)
        try:
            in_force = target_regulation(ws, part)
            applied = apply(in_force, part)
        except RegdraftError:
            continue  # adopting applies it again and says why it cannot
        out.extend(Refusal("reverts", f"{part.source}:{line}: {finding}",
                           "quote the text in force, keeping only the changes intended, or adopt it anyway with "
                           "the reason") for line, finding in findings(ws, part, applied, in_force))
    return out


def _hand_edits(ws: Workspace, amendment: Amendment) -> list[Refusal]:
    """A refusal for each regulation it amends that was edited without an amendment before its first adoption: the
    adoption would keep the edit as its original wording (`workspace.hand_edits`)."""
    from regdraft.workspace.hand_edits import hand_edit

    out: list[Refusal] = []
    for reg_id in amendment.regulations:
        edit = hand_edit(ws, ws.locate_regulation(reg_id))
        if edit is not None:
            out.append(Refusal("edited", f"{edit.what()}; adopting would keep this text as the original wording of "
                               f"{reg_id}, the text the consolidated text starts from", edit.advice(amendment.slug)))
    return out


def _replaced(ws: Workspace, amendment: Amendment, effective: dt.date) -> list[Refusal]:
    """A refusal for each regulation it amends that a new one replaced by `effective` (`workspace.replacements`):
    the amendment could never be in force. As `amend new` on such a regulation, adopted anyway only on purpose."""
    from regdraft.workspace.replacements import amending_replaced, amending_sentence

    return [Refusal("replaced", amending_sentence(reg_id, found, effective), replaced_fix(amendment.slug, found))
            for reg_id, found in amending_replaced(ws, amendment.regulations, effective)]


def replaced_fix(slug: str, found: Replacement) -> str:
    """What to do about an amendment to a replaced regulation: amend the one in force instead; adopt this one only to
    record the old one's history, with an effective date before the replacement or past the gate with a reason."""
    new = Command.of("amend new", "SLUG", regulation=found.new)
    forced = Command.of("amend adopt", slug, force=True, reason=None)
    return (f"amend {found.new}, the regulation in force, instead (`{new}`); adopt this one only to record the "
            f"history of {found.old}, with the date it took effect (before {found.on}), or past the gate with "
            f"`{forced}`")


def effective_refusal(amendment: Amendment, signed: dt.date, effective: dt.date) -> Refusal | None:
    """A refusal when the effective date disagrees with what the document says of its entry into force."""
    entry = entry_into_force(amendment)
    slug = amendment.slug
    if entry is None:
        return None  # the document says nothing to contradict; the date given stands
    named = entry.date(signed)
    says = f"{entry.place}, which says {excerpt(entry.sentence)}"
    if named is None:
        return Refusal("effective", f"the effective date cannot be checked against {says}: it names no date "
                       "regdraft can read", f"write the date in {entry.place} (“có hiệu lực kể từ ngày ký” or "
                       f"“kể từ ngày dd/mm/yyyy”), or adopt past the gate with "
                       f"`{Command.of('amend adopt', slug, force=True, reason=None)}` (effective {effective})")
    if named != effective:
        return Refusal("effective", f"the effective date {effective} contradicts {says}: {named}",
                       f"adopt with `{Command.of('amend adopt', slug, signed=signed, effective=named)}`, or amend "
                       f"{entry.place} first")
    return None


def retroactive_refusal(amendment: Amendment, signed: dt.date, effective: dt.date, what: str = "it",
                        article: str | None = None) -> Refusal:
    """The refusal of an effective date before the signing date: a mistyped date, or a retroactive effect the
    document states, which is adopted past the gate with the reason recorded. `what` names the instructions a
    sentence of `article` dates on their own, when only they would (`khoản 6 Điều 1 (Điều 3: “…”)`)."""
    entry = entry_into_force(amendment)
    article = article or (entry.article if entry is not None else None)
    where = f"{article} of {amendment.source}" if article is not None else amendment.source
    slug = amendment.slug
    whose = "it" if what == "it" else "the document"
    return Refusal("retroactive", f"{what} would take effect on {effective}, before {whose} is signed on {signed}",
                   f"correct the date in {where} or the signing date "
                   f"(`{Command.of('amend adopt', slug, signed=None)}`); a retroactive effect the document "
                   f"states on purpose is adopted with "
                   f"`{Command.of('amend adopt', slug, signed=signed, force=True, reason=None)}`")


def effective_from_document(amendment: Amendment, signed: dt.date) -> dt.date | None:
    """The effective date the document's entry-into-force article names, given the signing date."""
    entry = entry_into_force(amendment)
    return entry.date(signed) if entry is not None else None
