"""What the review server's forms do, each one library call under the workspace write lock.

Post-conditions:
1. A comment is recorded by `rounds.add_comment`, as `regdraft comment add` records it: one
   YAML file, one commit, authored by the person who wrote it, against the regulation the
   form names (the page's, for an amendment of several).
2. A comment empty, or holding only the quotation the page puts before a comment on words selected (`Về đoạn
   “…”:`), is refused. Every refusal is a `RegdraftError` whose sentence says why (the server's own refusals in the
   page's words, `ui`); nothing is written then.
3. Only drafters answer and accept; a reviewer comments only as their link's body; nothing is
   written in a closed round.
4. Every field is read in NFC with each line break a `\n` (`form_values`), whatever the browser sent: a name typed
   in NFD was committed as the author in NFD, and a comment's `\r\n` line breaks counted twice toward its limit.
   Invisible characters are left out (`core.text.visible`), save the joiners in a comment's or a reply's words.
5. A form sent again (Back, then Send) records nothing: the comment of the same round, body,
   regulation, provision, text and proposal already recorded by the same person (the name the link or the form
   gives) is answered (`Recorded.again`); so does an answer the comment already has, the same disposition and
   reply (`AnsweredAgain`). Another member of the body who sends the same words is recorded: they never sent
   that form, and were told they had. A comment recorded with a proposal that is the provision's text in the draft
   commented on is recorded as sent, and said to change nothing (`Recorded.same`).
6. A proposal that would delete the points or clauses of its provision when accepted (written without the
   provision's label) is not recorded until the member confirms it (`record_anyway`): `WouldDrop` names what
   would be lost, and the page keeps everything typed and offers the confirmation. So is a wording for an article
   without its heading line (accepting it is refused), and a wording on no provision (a general comment).
7. A text, proposal or reply is at most `MAX_TEXT` characters counted in NFC with `\n` line breaks, as stored: the form
   lets the browser take up to `TYPED` (its `maxlength` counts UTF-16 code units, and decomposed accents take up to
   three a letter), and a longer text is refused in a sentence, with everything typed kept, never cut.
8. A reviewer's link sends at most `comments_per_member` comments, of at most `characters_per_member` characters in
   all, in a round (`review_limits.per_member`); the next is refused in a sentence saying how many they sent and
   that the office can raise the bound, everything typed kept. A drafter's link, and the office's commands, are not
   bounded.
9. An answer or accept is recorded only over the answer its page showed (`answers.answer_mark`, the form's `answered`;
   empty: no answer): one given since, at the terminal or in another tab, is refused with nothing written, both answers
   said and the one typed kept (`answered_since`). A first answer, and the answer the comment has sent again, pass.
   A form without the field (`UNSAID`: a workspace's own comments page made before it, a script) changes no answer:
   refused in a sentence saying why and, for the workspace's own page, the field to add (`answered_unsaid`).
   Nor over words its page did not show (the form's `wording`: the member edited the comment's text or proposed
   wording since, `answers.not_reworded_since`); a form without the field answers only a comment never edited.
10. A member withdraws only a comment they sent through these pages with their own link (`own`: the comment's
    `link`, recorded as it was sent, is theirs), in an open round, while the office has given it no answer at all (no
    disposition, reply nor accepted proposal: `answers.answer_mark`): recorded as `regdraft comment respond ID
    withdrawn` records it (one commit, authored by them, the comment's words kept, the report counting it withdrawn);
    sent twice, nothing more. A name is no identity (two members of a body may share one, and a drafter's link may
    carry it too): a comment under their name sent through another link, typed by the office at the terminal, or sent
    before links were recorded is not theirs to withdraw (the page says to ask the office); a drafter records a
    withdrawal through the answer form, never this one. Editing a comment (`web.edits`) follows the same rules.
11. Every comment sent through a link records the link's id (`Comment.link`, `AccessLink.key`, never the token); a
    member's bound (8), and a form sent again (5), count the comments of their link, not of their name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from regdraft.core.comments import (
    MAX_TEXT,
    Comment,
    Disposition,
    Round,
    RoundStatus,
    WrongWording,
    one_newline,
    same_body,
)
from regdraft.core.errors import AddressError, Category, RegdraftError, UnknownUnit
from regdraft.core.model import Address
from regdraft.core.text import visible
from regdraft.web.guard import Visitor
from regdraft.web.not_taken import no_longer_taking
from regdraft.web.pages import language  # the amendment's: a profile's words are quoted in it, whatever the page's
from regdraft.web.senders import _namesake, own, sent_by, sent_through
from regdraft.web.words import Refused, Words, only_quoted, quoted_selection, refuse
from regdraft.workspace.store import Workspace

# What the browser may send in a text box (`maxlength`, in UTF-16 code units): a Vietnamese letter typed decomposed
# (`ệ` as e + two marks) is three of them, and the limit that counts, `MAX_TEXT`, is checked here on the NFC text.
TYPED = 3 * MAX_TEXT
# Longest text accepted in each field, in characters (the request itself is bounded by them: `guard.worst_body`).
FIELDS = {"round": 8, "body": 300, "name": 200, "on": 100, "regulation": 100, "text": TYPED, "proposal": TYPED,
          "type": 20, "disposition": 20, "reply": TYPED, "record_anyway": 8, "answered": 16, "wording": 16}


# The fields holding a person's own words, which keep their joiners (`visible`): not a name or a provision's wording.
WORDS = frozenset({"text", "reply"})


def form_values(form: Mapping[str, object]) -> dict[str, str]:
    """The known fields of a submitted form as text in NFC with `\n` line breaks, each cut to its bound."""
    values = {}
    for name, limit in FIELDS.items():
        value = form.get(name)
        # Invisible characters dropped: a name holding U+202E showed the rest of its line reversed on every page.
        # A comment's and a reply's words keep their joiners (U+200C, U+200D): 👨‍👩‍👧 came apart into three people.
        # Line breaks as stored (`\n`): a browser sends a text box's as `\r\n`, and each counted twice toward
        # `MAX_TEXT` and the member's bound (a comment of 20,000 characters on 417 lines was "20416 ký tự").
        values[name] = visible(one_newline(value), joiners=name in WORDS)[:limit] if isinstance(value, str) else ""
    if not isinstance(form.get("answered"), str):  # a page that does not say what it showed (`_not_answered_since`)
        values["answered"] = UNSAID
    # An edit form without the wording's box (a workspace's own page made before it) keeps the wording (`web.edits`).
    values[PROPOSAL_SENT] = "1" if isinstance(form.get("proposal"), str) else ""
    return values


# The key `form_values` says under whether the form had a `proposal` field at all (an empty one removes a wording).
PROPOSAL_SENT = "proposal_sent"


# What `form_values` reads a form without the `answered` field as: no answer mark (16 hexadecimal digits, or empty
# for none) is this. A workspace's own `web-comments.html.j2` made before the field, or a script, sends such forms.
UNSAID = "-"


@dataclass(frozen=True, slots=True)
class Recorded:
    """A comment the server recorded, and the round it went to."""

    comment: Comment
    round: int
    again: bool = False  # the form was sent before: the comment it recorded then, nothing written now
    same: bool = False  # its proposal is the text the provision has in the draft commented on: it changes nothing


class WouldDrop(Refused):
    """A proposal not recorded until the member confirms it: accepting it would delete the points or clauses named."""


def round_number(text: str) -> int | None:
    """The round a form or an address names (`1`), or None for anything else: only ASCII digits, at most nine
    (`str.isdigit` took `²`, which `int` refuses: a 500 and a traceback; `int` refuses 4,300 digits too)."""
    return int(text) if re.fullmatch("[0-9]{1,9}", text) else None


def _round(ws: Workspace, slug: str, number: str, ui: Words) -> Round:
    from regdraft.workspace.rounds import find_round

    found = round_number(number.strip())
    if found is None:
        raise refuse(ui, Category.USAGE, "form_no_round")
    return find_round(ws, slug, found)


def _open(ws: Workspace, r: Round, slug: str, ui: Words) -> None:
    if r.status is not RoundStatus.OPEN:
        raise refuse(ui, Category.STATE, "round_is_closed", number=r.number, document=document(ws, slug))


def _taking(ws: Workspace, r: Round, slug: str, ui: Words) -> None:
    """Refuse a member's comment, or their edit or withdrawal of one, in round `r` when it takes none: closed, or
    left open by its amendment's adoption, the form sent from a tab opened before (r43 sweep CK F7, r44 office44).
    The office still answers the round's comments (`_answerable`), as `comment respond` does."""
    _open(ws, r, slug, ui)
    key, fields = no_longer_taking(ws, slug, ui)
    if key:
        raise refuse(ui, Category.STATE, f"not_taken_{key}", document=document(ws, slug), **fields)


def document(ws: Workspace, slug: str) -> str:
    """The amending document as its readers know it: `05-QC/TU “Quy chế sửa đổi, bổ sung …”`, not its slug."""
    from regdraft.workspace.amendments import load

    try:
        meta = load(ws, slug).meta
    except RegdraftError:
        return f"“{slug}”"
    number, title = str(meta.get("number") or ""), str(meta.get("title") or "")
    return " ".join(part for part in (number, f"“{title}”" if title else "") if part) or f"“{slug}”"


def add_comment(ws: Workspace, visitor: Visitor, slug: str, values: Mapping[str, str], ui: Words) -> Recorded:
    """Record a comment from the form of the redline page."""
    from regdraft.workspace.counted_aside import counted_with_aside
    from regdraft.workspace.rounds import add_comment as record
    from regdraft.workspace.rounds import load_comments

    r = _round(ws, slug, values["round"], ui)
    _taking(ws, r, slug, ui)
    body = values["body"].strip() or visitor.body
    if not body:
        raise refuse(ui, Category.USAGE, "choose_body_first")
    consulted = [b for b in r.consulted if same_body(b, body)]
    if not consulted and not visitor.may_answer:  # a member's link is bound to its body: none to choose
        raise refuse(ui, Category.USAGE, "body_not_asked", body=body, number=r.number, consulted=", ".join(r.consulted))
    if not consulted:
        raise refuse(ui, Category.USAGE, "not_consulted", body=body, number=r.number,
                     consulted=", ".join(r.consulted))
    if not visitor.may_comment_as(body):
        raise refuse(ui, Category.FORBIDDEN, "not_your_body", mine=visitor.body, body=body)
    name = visitor.name or " ".join(values["name"].split())
    if not name:
        raise refuse(ui, Category.USAGE, "write_name")
    if not visible(values["text"]).strip():  # joiners alone are no words either
        raise refuse(ui, Category.USAGE, "write_comment")
    if only_quoted(values["text"]):  # a tap on Send after selecting words: it made the body "not agreeing"
        raise refuse(ui, Category.USAGE, "write_after_quote")
    _within(values, ("text", "field_text"), ("proposal", "proposed_wording"), ui=ui)
    on = values["on"].strip() or "general"
    comments = load_comments(ws, slug)
    earlier = _recorded_before(ws, visitor, slug, r, consulted[0], on, values, name, comments)
    if earlier is not None:
        return Recorded(earlier, r.number, again=True)
    # A comment whose file is set aside (it does not read, or was deleted by mistake) is still its member's, as last
    # committed: a file broken by hand freed a place in their bound (r40 left).
    _within_member_bound(ws, visitor, r, counted_with_aside(ws, slug, comments), values, ui)
    if values["record_anyway"] != "1":
        if on == "general" and values["proposal"].strip():
            # A wording replaces a provision: on none, it could only be recorded as a general comment, never accepted.
            raise WouldDrop(ui("proposal_needs_provision", field=ui("field_on"), confirm=ui("record_anyway")),
                            Category.USAGE)
        _not_dropping(ws, slug, r, on, values, ui)
    try:
        selection, text = quoted_selection(values["text"])
        comment = record(ws, slug, consulted[0], on, text, values["proposal"], values["type"].strip() or None,
                         r.number, author=ws.person(name), regulation=values["regulation"].strip() or None,
                         person=name, force=True, link=sent_through(visitor), selection=selection)  # repeats: above
    except (UnknownUnit, AddressError) as exc:
        raise refuse(ui, exc.category, "no_provision", provision=_named(on, ui), draft=r.draft) from exc
    except WrongWording as exc:
        raise wording_refusal(exc, on, ui) from exc
    from regdraft.workspace.proposals import proposes_nothing

    return Recorded(comment, r.number, same=proposes_nothing(ws, slug, comment))


def wording_refusal(exc: WrongWording, on: str, ui: Words) -> Refused:
    """A wording that is not one of its provision `on`, said in the page's words (a new comment's, an edited one's)."""
    if exc.extra:  # it does open as the provision, and goes on into another unit: say that, not the opening
        parent = Address.parse(on).parent() or Address.parse(on)
        return refuse(ui, exc.category, "wording_holds_another", extra=exc.extra, provision=_named(on, ui),
                      parent=parent.describe(ui.language))
    if exc.lines:  # a title on several lines: it is one line, its words are not another provision's
        return refuse(ui, exc.category, "title_on_lines", lines=exc.lines, provision=_named(on, ui))
    return refuse(ui, exc.category, "wording_not_this_provision", first=exc.first, provision=_named(on, ui))


def _not_dropping(ws: Workspace, slug: str, r: Round, on: str, values: Mapping[str, str], ui: Words) -> None:
    """Refuse, until confirmed, a proposal that would delete points or clauses when accepted: found at accept time,
    it was too late to ask the member what they meant."""
    not_dropping(ws, slug, r.number, on, values["proposal"], values["regulation"].strip() or None, ui)


def not_dropping(ws: Workspace, slug: str, number: int, on: str, proposal: str, regulation: str | None,
                 ui: Words) -> None:
    """`_not_dropping` for a wording `proposal` on `on` in round `number` (a new comment's, or an edited one's)."""
    from regdraft.workspace.proposals import proposal_loss

    lost = proposal_loss(ws, slug, on, proposal, number, regulation)
    if lost is not None:
        provision = lost.at.describe(ui.language)
        key = (("would_drop_heading" if lost.units else "wording_needs_heading") if lost.heading
               else "would_drop_points" if lost.points else "would_drop_clauses")
        raise WouldDrop(ui(key, provision=provision, label=lost.label, labels=lost.labels, confirm=ui("record_anyway")),
                        Category.USAGE)


def _within(values: Mapping[str, str], *fields: tuple[str, str], ui: Words) -> None:
    """Refuse a text longer than `MAX_TEXT` characters (NFC, as read), naming its box."""
    for name, label in fields:
        if len(values[name]) > MAX_TEXT:
            raise refuse(ui, Category.USAGE, "too_long", field=ui(label), count=len(values[name]), limit=MAX_TEXT)


def _within_member_bound(ws: Workspace, visitor: Visitor, r: Round, comments: Sequence[Comment],
                         values: Mapping[str, str], ui: Words) -> None:
    """Refuse a reviewer's comment past what one access link may send in a round (`review_limits.per_member`,
    regdraft.yaml read afresh, so a bound the office raises holds at once): one member's thousands of long comments
    made every page and every submission slow for the whole committee. Their comments are those of the round sent
    through their link (`Comment.link`): not another member's of the same name, nor one the office recorded under
    theirs (a Word reply or a sheet imported, a paper comment typed at the terminal); a drafter is not bounded."""
    from regdraft.workspace.access import Role, review_settings
    from regdraft.workspace.review_limits import per_member

    if visitor.role is not Role.REVIEWER:
        return
    bound = per_member(review_settings(ws))[0]
    name = " ".join(visitor.name.split())
    # By the link, as `own`: by name, a namesake's comments used up this member's bound, and a Word reply the office
    # imported under their name did ("đã gửi 5 ý kiến" before any was sent here).
    mine = [c for c in comments if c.round == r.number and sent_by(visitor, c)]
    said = {"number": r.number, "name": name, "body": visitor.body, "sent": ui.count(len(mine), "comment")}
    if len(mine) >= bound.comments:
        raise refuse(ui, Category.FORBIDDEN, "member_comments_bound", limit=ui.count(bound.comments, "comment"),
                     **said)
    characters = sum(len(c.text) + len(c.proposal) for c in mine)
    adding = len(values["text"]) + len(values["proposal"])
    if characters + adding > bound.characters:
        raise refuse(ui, Category.FORBIDDEN, "member_characters_bound", characters=ui.figure(characters),
                     adding=ui.figure(adding), limit=ui.figure(bound.characters), **said)


def _recorded_before(ws: Workspace, visitor: Visitor, slug: str, r: Round, body: str, on: str,
                     values: Mapping[str, str], name: str, comments: Sequence[Comment]) -> Comment | None:
    """The comment this form recorded when it was sent before, as `comment import` leaves a sheet's rows
    recorded before alone: the one it repeats (`core.repeats`: the same round, body, regulation, provision, words
    selected, text and proposal) among those a reviewer's link sent (a namesake's are theirs: recorded), or those
    `name` sent for a drafter, who types comments for others (a comment naming no person is the office's, never
    this form's)."""
    from regdraft.core.comments import CommentType, canonical_on
    from regdraft.core.repeats import person_key, recorded_as
    from regdraft.workspace.access import Role
    from regdraft.workspace.circulated import regulation_key

    try:
        address = canonical_on(on)
        key = regulation_key(ws, slug, r.revision, values["regulation"].strip() or None)
    except RegdraftError:
        return None  # refused as it is recorded, in the page's words
    selection, text = quoted_selection(values["text"])
    sent = Comment("", r.number, body, address, CommentType.GENERAL, text, values["proposal"], regulation=key,
                   author=name, selection=selection)
    if visitor.role is Role.REVIEWER:
        return recorded_as(sent, [c for c in comments if sent_by(visitor, c)])
    return recorded_as(sent, [c for c in comments if c.author and person_key(c.author) == person_key(name)])


def _named(on: str, ui: Words) -> str:
    """A provision as a sentence names it (`khoản 1 Điều 99`, `tên Điều 31`), or as typed when it names none."""
    from regdraft.core.model import Address

    try:
        return Address.parse(on).describe(ui.language)
    except AddressError:
        return f"“{on}”"


def _answerable(ws: Workspace, visitor: Visitor, slug: str, cid: str, ui: Words) -> Comment:
    from regdraft.workspace.rounds import find_comment, find_round

    if not visitor.may_answer:
        raise refuse(ui, Category.FORBIDDEN, "only_drafters")
    _, comment = find_comment(ws, cid, slug)
    _open(ws, find_round(ws, slug, comment.round), slug, ui)
    return comment


def _not_answered_since(ws: Workspace, slug: str, comment: Comment, values: Mapping[str, str], typed: Disposition,
                        button: str, ui: Words) -> None:
    """Refuse an answer sent from a page that showed the comment answered otherwise than it is now (the page's
    `answer_mark`, sent as `answered`; none sent: a page showing no answer). An answer given since, at the terminal
    or in another tab, was replaced unseen. A comment still unanswered, or answered as sent (the button pressed
    twice), is no change. Read under the write lock, so nothing can answer it before this one is recorded."""
    from regdraft.web.answers import answer_mark, own_comments_page
    from regdraft.workspace.profiles import amendment_profile

    mark, reply = answer_mark(comment), values["reply"].strip()
    if not mark or values["answered"] == mark or (comment.disposition is typed and comment.reply == reply):
        return
    words = amendment_profile(ws, slug).words(language(ws, slug))  # as the page offers them, whatever its words

    def said(disposition: Disposition, text: str) -> str:
        shown = text if len(text) <= SHOWN_REPLY else text[:SHOWN_REPLY].rstrip() + "…"
        return f"{disposition.label(words)} (“{shown}”)" if shown else disposition.label(words)

    recorded = said(comment.disposition, comment.reply) if comment.disposition else f"“{comment.reply}”"
    if values["answered"] == UNSAID:
        # Pressing the button again sends no more than the first time: refused for good, with the way out. Taking
        # such a form as one that showed the answer on record would replace an answer given since, unseen.
        raise refuse(ui, Category.STATE, "answered_unsaid", id=comment.id, recorded=recorded,
                     typed=said(typed, reply), why=ui("unsaid_own_template" if own_comments_page(ws)
                                                       else "unsaid_old_page", field=ANSWERED_FIELD))
    raise refuse(ui, Category.STATE, "answered_since", id=comment.id, recorded=recorded, typed=said(typed, reply),
                 button=ui(button))


# The field each answering form of the comments page carries, as the package's `web-comments.html.j2` writes it.
ANSWERED_FIELD = '<input type="hidden" name="answered" value="{{ item.answered }}">'


# The characters of a reply a refusal quotes: the whole reply is on the page (the one on record above the form, the one
# typed in it).
SHOWN_REPLY = 200


@dataclass(frozen=True, slots=True)
class AnsweredAgain:
    """An answer sent as the comment already had it (the form sent twice, or saved again unchanged): nothing written."""

    comment: Comment


def respond(ws: Workspace, visitor: Visitor, slug: str, cid: str, values: Mapping[str, str],
            ui: Words) -> Comment | AnsweredAgain:
    """Record a disposition and reply, as `regdraft comment respond` does (nothing, said so, when the comment has
    that answer already)."""
    from regdraft.web.answers import not_reworded_since
    from regdraft.workspace.profiles import profile_for
    from regdraft.workspace.rounds import respond_comment

    before = _answerable(ws, visitor, slug, cid, ui)
    not_reworded_since(ws, before, values, ui)
    _within(values, ("reply", "field_reply"), ui=ui)
    if not values["disposition"]:
        words = profile_for(ws).words(language(ws, slug))  # the profile's words, in the document's language
        raise refuse(ui, Category.USAGE, "choose_disposition", choices=ui.either([d.label(words) for d in Disposition]))
    typed = values["disposition"].strip().lower()
    if typed in {d.value for d in Disposition}:  # another word is refused as the command refuses it
        _not_answered_since(ws, slug, before, values, Disposition(typed), "record_answer", ui)
    answered = respond_comment(ws, cid, values["disposition"], values["reply"], slug,
                               author=ws.person(visitor.name) if visitor.name else None)
    return AnsweredAgain(answered) if answered == before else answered


@dataclass(frozen=True, slots=True)
class AcceptedAsIs:
    """A proposal accepted whose wording the draft already had: the comment answered, nothing written."""

    comment: Comment


def accept(ws: Workspace, visitor: Visitor, slug: str, cid: str, values: Mapping[str, str],
           ui: Words) -> Comment | AcceptedAsIs:
    """Write the comment's proposal into the amendment and mark the comment accepted (only marked, said so, when
    the draft already reads as proposed)."""
    from regdraft.web.answers import not_reworded_since
    from regdraft.workspace.proposals import accept_proposal

    before = _answerable(ws, visitor, slug, cid, ui)
    not_reworded_since(ws, before, values, ui)
    _within(values, ("reply", "field_reply"), ui=ui)
    if not before.accepted_in:  # written in already (the button pressed twice): `accept_proposal` says so
        _not_answered_since(ws, slug, before, values, Disposition.ACCEPTED, "accept_proposal", ui)
    from regdraft.workspace.not_applying import DraftNotApplying

    try:
        done = accept_proposal(ws, slug, cid, values["reply"],
                               author=ws.person(visitor.name) if visitor.name else None)
    except DraftNotApplying as exc:  # said in the page's words, the adoption named, the details for the office
        from regdraft.web.answers import not_applying_said

        raise refuse(ui, Category.DOCUMENT, "accept_draft_not_applying", id=cid, why=not_applying_said(exc.why, ui),
                     detail=exc.fields["detail"]) from None
    return AcceptedAsIs(done.comment) if done.already else done.comment


def withdrawal(visitor: Visitor, comment: Comment) -> str:
    """What the comments page offers `visitor` for `comment` in an open round: `form` to withdraw it (their own, no
    answer of any kind), `office` to ask the office (their name's, not sent through their link), or nothing."""
    from regdraft.web.answers import answer_mark

    if answer_mark(comment):
        return ""
    return "form" if own(visitor, comment) else "office" if _namesake(visitor, comment) else ""


def withdrawable(ws: Workspace, visitor: Visitor, slug: str, cid: str, ui: Words) -> Comment:
    """The comment `cid` when `visitor` may withdraw it (their own, in an open round, with no answer of any kind, or
    withdrawn already); refused in a sentence otherwise."""
    from regdraft.web.answers import answer_mark
    from regdraft.workspace.profiles import amendment_profile
    from regdraft.workspace.rounds import find_comment, find_round

    _, comment = find_comment(ws, cid, slug)
    if visitor.may_answer:
        label = Disposition.WITHDRAWN.label(amendment_profile(ws, slug).words(language(ws, slug)))
        raise refuse(ui, Category.FORBIDDEN, "withdraw_by_office", id=comment.id, label=label)
    if not own(visitor, comment):
        raise refuse(ui, Category.FORBIDDEN, "withdraw_ask_office" if _namesake(visitor, comment)
                     else "not_your_comment", id=comment.id)
    _taking(ws, find_round(ws, slug, comment.round), slug, ui)
    # Any answer: a reply the office recorded with no disposition yet ("asking the leadership") was replaced.
    if comment.disposition is not Disposition.WITHDRAWN and answer_mark(comment):
        raise refuse(ui, Category.STATE, "answered_already", id=comment.id)
    return comment


def withdraw(ws: Workspace, visitor: Visitor, slug: str, cid: str, values: Mapping[str, str],
             ui: Words) -> Comment | AnsweredAgain:
    """Record the member's own comment as withdrawn (`Disposition.WITHDRAWN`, as `regdraft comment respond ID
    withdrawn` records it), its words kept, one commit authored by them; only while the office has not answered it,
    in an open round. Withdrawn already (the form sent twice): nothing written, said so."""
    from regdraft.workspace.rounds import respond_comment

    comment = withdrawable(ws, visitor, slug, cid, ui)
    if comment.disposition is Disposition.WITHDRAWN:
        return AnsweredAgain(comment)
    return respond_comment(ws, cid, Disposition.WITHDRAWN.value, ui("withdrawn_reply", name=comment.author), slug,
                           author=ws.person(visitor.name))


def round_of(ws: Workspace, slug: str, cid: str) -> int | None:
    """The round a comment belongs to, or None when there is no such comment."""
    from regdraft.workspace.rounds import find_comment

    try:
        return find_comment(ws, cid, slug)[1].round
    except RegdraftError:
        return None
