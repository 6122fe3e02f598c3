"""Review in Word: write the review copy of a circulated draft, and import the replies that come
back with Word comments and tracked changes.

Post-conditions:
1. `write_review_copy` writes only the output file; the workspace and git are untouched.
2. `import_word_reply` writes every comment of a reply in one commit, or nothing: a reply with
   anything it cannot place is refused with each unplaced passage named, unless the office
   chose to import those as general comments. While an interrupted write waits for `check --repair` it refuses,
   as every writer does, before saying anything of the reply.
3. Importing the same reply twice imports nothing the second time (each comment remembers a
   fingerprint of what it came from). A comment imported before (the same Word author, date, words, selection,
   proposal and provision in the round) is not imported again, whatever file brings it: from the same body it is
   among those already there (a copy saved again renumbers Word's comments); from another body (a copy one body
   commented on, forwarded by a second that added its own) it is left under that body and named in
   `ReplyImport.forwarded`, and a reply holding nothing else is refused naming that body. A Word thread is matched
   comment by comment as it was imported (`_answers`): the replies added since come in alone, as a comment of the
   body importing, its first line naming the comment they answer; the comments recorded before are unchanged. A
   thread imported as one, its comments brought apart (a copy saved again by LibreOffice keeps no threads), is among
   those already there, each known by its person, words and provision (`core.repeats.Threads`).
4. A comment whose proposal would delete points or clauses when accepted is imported as it is, with a
   warning naming the reply and the Word comment or changes it came from (`ReplyImport.warnings`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from regdraft.core.amend.named import named_provisions
from regdraft.core.amend.proposal import loss
from regdraft.core.commands import Command
from regdraft.core.comment_order import after_recorded, word_minute
from regdraft.core.comments import Comment, Round, as_consulted, body_key, not_consulted, shown_on
from regdraft.core.counts import count as counted
from regdraft.core.errors import ParseError, Problem, RegdraftError, UsageError
from regdraft.core.model import Address, Regulation
from regdraft.core.repeats import Threads
from regdraft.core.replies import Reply, ReplyComment, Texts, comments_from_reply, joined_thread
from regdraft.core.text import nfc
from regdraft.workspace.circulated import commentable_round, draft_texts
from regdraft.workspace.profiles import amendment_words
from regdraft.workspace.rounds import (
    _comment_changes,
    _now,
    _taken_ids,
    _with_ids,
    find_round,
    load_comments,
    load_rounds,
)
from regdraft.workspace.store import Workspace, writes

# A reply bigger than this is not a reply someone typed.
MAX_REPLY_BYTES = 50 * 1024 * 1024


def write_review_copy(ws: Workspace, slug: str, output: Path, round_number: int | None = None,
                      today: dt.date | None = None) -> Path:
    """Write the Word review copy of the draft circulated in a round (the latest when None)."""
    from regdraft.render.files import STDOUT
    from regdraft.render.review_copy import write_review_copy as write
    from regdraft.workspace.amendments import load
    from regdraft.workspace.profiles import profile_for

    if output != STDOUT and output.suffix.lower() != ".docx":  # standard output: a Word file all the same
        raise UsageError(f"{output.name}: the review copy is a Word file; name it with .docx.")
    r = find_round(ws, slug, round_number)
    amendment = load(ws, slug, rev=r.revision)
    texts = draft_texts(ws, slug, r.revision)
    write(amendment, dict(texts)[""], r, profile_for(ws, amendment.meta), output, today or dt.date.today(),
          texts)
    return output


@dataclass(frozen=True, slots=True)
class ReplyImport:
    """What an import of a Word reply did: the comments written, those already there, and those imported before
    from another body (`forwarded`: a copy one body commented on, sent on by another), left under that body."""

    round: int
    imported: tuple[Comment, ...]
    already: tuple[Comment, ...]
    warnings: tuple[Problem, ...] = ()
    forwarded: tuple[Comment, ...] = ()
    language: str = "vi"  # the draft's, in which the lines name the provisions (`d4.k2`, English `a4.c2`)

    def lines(self) -> list[str]:
        """One line per comment imported, as the office reads them."""
        out = []
        for c in self.imported:
            kind = "proposal" if c.proposal else "comment"
            flat = " ".join(c.text.split())  # one line, whatever lines the comment has
            words = flat if len(flat) <= 70 else flat[:69] + "…"
            on = shown_on(c.on, self.language) + (f" ({c.regulation})" if c.regulation else "")
            out.append(f"  {c.id}  {on:<12} {kind:<8} {c.author or c.by}: {words}")
        return out

    def left_out(self, name: str) -> list[str]:
        """The comments of another body's reply the file also held, as the office reads them: a sentence naming
        how many, whose and under which body they stand, then one line each."""
        if not self.forwarded:
            return []
        body = self.imported[0].by if self.imported else "this body"
        count = len(self.forwarded)
        bodies = " and ".join(dict.fromkeys(c.by for c in self.forwarded))
        # Each person once, though a thread's author names several ("An, Bình" and "An": An, Bình; r27 sweep R2).
        people = ", ".join(dict.fromkeys(name.strip() for c in self.forwarded if c.author
                                         for name in c.author.split(",") if name.strip()))
        whose = f" by {people}" if people else ""
        noun = "comment" if count == 1 else f"{count} comments"
        were = "was" if count == 1 else "were"
        it = "it stays" if count == 1 else "they stay"
        return [f"Left out {'the ' if count == 1 else ''}{noun}{whose} in {name} that {were} imported before as the "
                f"reply of {bodies}: {it} under {bodies}, not under {body}, and {'is' if count == 1 else 'are'} "
                "not counted again:",
                *ReplyImport(self.round, self.forwarded, (), language=self.language).lines()]


@writes
def import_word_reply(ws: Workspace, slug: str, reply_file: Path, by: str, name: str = "",
                      place_unplaced: bool = False, round_number: int | None = None) -> ReplyImport:
    """Import the Word comments and tracked changes of a reply into an open round (one commit).

    Under the workspace lock, as every writer: refused while an interrupted write waits for its repair, before
    anything is compared (an import interrupted with its comments only staged: "imported before" it said).
    """
    from regdraft.importer.word_reply import read_reply

    size = reply_file.stat().st_size
    if size > MAX_REPLY_BYTES:
        raise UsageError(f"{reply_file.name} is {size // (1024 * 1024)} MB; a review reply is at most "
                         f"{MAX_REPLY_BYTES // (1024 * 1024)} MB.")
    body = " ".join(nfc(by).split())
    if not body:
        raise UsageError("Name the body that sent the reply.", options=("by",))
    rounds = load_rounds(ws, slug)
    r = commentable_round(rounds, round_number, slug, ws)
    body = as_consulted(body, r)
    reply = read_reply(reply_file.read_bytes(), reply_file.name)
    texts = draft_texts(ws, slug, r.revision)
    _same_copy(ws, slug, r, rounds, reply, texts)
    recorded = load_comments(ws, slug)
    words = amendment_words(ws, slug)
    reply = _answers(reply, [c for c in recorded if c.round == r.number], " ".join(nfc(name).split()), words)
    result = comments_from_reply(reply, dict(texts)[""], r.number, body, " ".join(nfc(name).split()),
                                 place_unplaced, texts, _bases(ws, slug, r, texts) if reply.redline else ())
    if result.unplaced:
        problems = [Problem(f"{u.what} in {u.where} of draft {r.draft}: “{_short(u.text)}”." if u.where else
                            f"{u.what}: “{_short(u.text)}” on “{_short(u.passage)}” matches no provision "
                            f"of draft {r.draft}.", reply_file.name, 0, "") for u in result.unplaced]
        count = len(problems)
        keep = f"to keep them as general comments, add {Command.option(place_unplaced='general')}:"
        if all(u.outside for u in result.unplaced):
            # On the review copy itself, outside every marked paragraph: the articles of the amending document that
            # amend other texts, its entry into force. Another copy would hold the same.
            reviewed = " or ".join(reg.id for _, reg in texts if reg.id) or "the text under review"
            why = (f"{'it is' if count == 1 else 'they are'} in parts of the document that amend other texts or "
                   f"are not provisions of {reviewed} (such as its entry into force); {keep}")
        else:
            why = f"ask the body to reply on the review copy ({Command.of('round copy', slug)}), or, {keep}"
        # The passages follow the sentence, so the option that keeps them is named inside it.
        raise ParseError(f"{reply_file.name}: {count} {'passage' if count == 1 else 'passages'} could not be placed "
                         f"on a provision, so nothing was imported; {why}", problems)
    if not result.placed:
        # What else it held is said (formatting changes, which are not taken): "no tracked changes" alone misleads.
        held = "no comment that can be imported" if reply.comments else \
            "no Word comments and no tracked changes of wording"
        redlined = reply.redline and any(p.before != p.original for p in reply.paragraphs)
        if redlined and not reply.comments:
            # A redline holds the draft's changes as tracked changes: "no tracked changes" read as "the member agreed".
            held = ("no Word comments, and the only tracked changes in it are the redline's own (the draft's "
                    "changes), none of them found rejected")
        raise RegdraftError(" ".join([f"{reply_file.name} holds {held}; nothing was imported.", *result.notes])
                            if result.notes or redlined else
                            f"{reply_file.name} holds no Word comments and no tracked changes; nothing was imported.")
    known = {c.source: c for c in recorded if c.source}
    # A comment imported before, from this file or another (a copy forwarded from body to body, or saved again,
    # which renumbers Word's comments), is left alone: under the body it came from, never counted twice.
    said = {_said(c): c for c in recorded if c.round == r.number}
    # A Word thread imported as one comes back as its comments apart from a copy saved again by LibreOffice (which
    # keeps no thread): each known again as part of it, by its person and words on the same provision.
    threads = Threads((c for c in recorded if c.round == r.number),
                      {_heading(c, words) for c in recorded if c.round == r.number})
    # Or by the source an import before r37/r38 wrote for it (a second change of a line or a cell replaced the first or
    # was left out): the reply imported then is this one, and what that import left out is said (`_earlier_kept`).
    # Or by the one an import before r38's space at a join wrote (paragraphs a deleted mark joins run together).
    then = {c.source: known.get(result.earlier.get(c.source, "")) for c in result.placed}
    spaced = {c.source: known.get(result.run_together.get(c.source, "")) for c in result.placed}
    before = [known.get(c.source) or said.get(_said(c)) or threads.holding(c) or then[c.source] or spaced[c.source]
              for c in result.placed]
    kept_less = (*_earlier_kept(result.placed, then, known, reply_file.name, dict(texts)[""].language),
                 *_run_together(result.placed, {s: c for s, c in spaced.items() if not then[s]}, known,
                                reply_file.name, dict(texts)[""].language))
    fresh = [c for c, was in zip(result.placed, before, strict=True) if was is None]
    already = tuple({was.id: was for was in before
                     if was is not None and body_key(was.by) == body_key(body)}.values())
    forwarded = tuple(was for was in before if was is not None and body_key(was.by) != body_key(body))
    if not fresh:
        if forwarded and not already:  # the file is another body's reply, named as this one's
            _refuse_another_bodys(reply_file.name, forwarded)
        # this body's reply again: nothing new
        return ReplyImport(r.number, (), already, kept_less, forwarded, dict(texts)[""].language)
    when = _now()
    stamped = [replace(c, created=c.created or when) for c in fresh]
    with_ids = _with_ids(stamped, _taken_ids(ws, slug))
    # _with_ids stamps the import time; a Word comment keeps the date its author wrote it.
    with_ids = [replace(made, created=orig.created) for made, orig in zip(with_ids, stamped, strict=True)]
    # In a second holding comments recorded before, after them (their next `sequence`); the reply's own keep `order`.
    with_ids = after_recorded(with_ids, recorded)
    ws.commit(_comment_changes(slug, with_ids),
              f"Import {counted(len(with_ids), 'comment')} on {slug} from {body}'s Word reply {reply_file.name}")
    unasked = not_consulted(body, r)
    return ReplyImport(r.number, tuple(with_ids), already,
                       (*([Problem(unasked, reply_file.name, 0, "", warning=True)] if unasked else []),
                        *(Problem(note, reply_file.name, 0, "", warning=True) for note in result.notes),
                        *_losing(with_ids, dict(texts), reply_file.name), *kept_less,
                        *_unlikely_dates(with_ids, int(when[:4]), reply_file.name)), forwarded,
                       dict(texts)[""].language)


def _bases(ws: Workspace, slug: str, r: Round, texts: Texts) -> Texts:
    """The texts the round's draft amends, as they stood before it (what a Word redline of the draft strikes out)."""
    from regdraft.workspace.api import load_regulation
    from regdraft.workspace.circulated import amendment_at

    main = amendment_at(ws, slug, r.revision).regulation
    return tuple((key, load_regulation(ws, key or main, r.revision)) for key, _ in texts)


def _earlier_kept(placed: Sequence[Comment], then: Mapping[str, Comment | None], known: Mapping[str, Comment],
                  name: str, language: str) -> tuple[Problem, ...]:
    """A warning at each comment an earlier import wrote with fewer of the reply's tracked changes than this one
    reads (a second change of a line or a table's cell replaced the first or was left out), naming both wordings."""
    found: dict[str, Problem] = {}
    for c in placed:
        was = then[c.source]
        if was is None or c.source in known or was.proposal == c.proposal or was.id in found:
            continue
        on = Address.parse(was.on).describe(language)
        found[was.id] = Problem(
            f"Comment {was.id} on {on} was imported from this reply by an earlier version of regdraft, which kept only "
            f"part of the tracked changes of {c.author or c.by} there: it says “{_short(was.text, 120)}”, where the "
            f"reply's changes say “{_short(c.text, 120)}”. Nothing was imported again for it: add what it left out as "
            f"a comment of {c.by} if they meant it.", name, 0, "", warning=True)
    return tuple(found.values())


def _run_together(placed: Sequence[Comment], then: Mapping[str, Comment | None], known: Mapping[str, Comment],
                  name: str, language: str) -> tuple[Problem, ...]:
    """A warning at each comment an earlier import wrote with the paragraphs a deleted mark joins run together
    (`chính.Cơ quan`), where this one proposes them with a space at the join, quoting both there."""
    found: dict[str, Problem] = {}
    for c in placed:
        was = then.get(c.source)
        if was is None or c.source in known or was.proposal == c.proposal or was.id in found:
            continue
        at = len(os.path.commonprefix([was.proposal, c.proposal]))  # where the wordings part: at the join
        found[was.id] = Problem(
            f"Comment {was.id} on {Address.parse(was.on).describe(language)} was imported from this reply by an "
            f"earlier version of regdraft, which ran together the paragraphs {c.author or c.by} joined there: it "
            f"proposes “{_near(was.proposal, at)}”, where the reply's changes now read “{_near(c.proposal, at)}”. "
            f"Nothing was imported again for it: edit its proposal if the words "
            f"should be spaced.", name, 0, "", warning=True)
    return tuple(found.values())


def _near(text: str, at: int, reach: int = 30) -> str:
    """The whole words of `text` within `reach` characters of `at`, `…` where it was cut."""
    words = list(re.finditer(r"\S+", text))
    near = [w for w in words if w.end() > at - reach and w.start() < at + reach]
    if not near:
        return ""
    return (f"{'…' if near[0] is not words[0] else ''}{' '.join(w.group() for w in near)}"
            f"{'…' if near[-1] is not words[-1] else ''}")


FIRST_YEAR = 1990  # no reply to a draft regdraft circulated was written before


def _unlikely_dates(comments: Sequence[Comment], year: int, name: str) -> tuple[Problem, ...]:
    """A warning at each comment the reply dates before `FIRST_YEAR` or after next year (a reviewer's clock set
    wrong, or a file made up): recorded as the reply dates it, which is where it lists."""
    found = []
    for c in comments:
        written = int(c.created[:4]) if c.created[:4].isdigit() else year
        if not FIRST_YEAR <= written <= year + 1:
            who = c.author or c.by
            came = f"the Word comment of {who} on “{_short(c.selection, 40)}”" if c.selection else \
                f"the tracked changes of {who}"
            found.append(Problem(f"Comment {c.id} ({came}) is dated {c.created}, which cannot be when it was "
                                 f"written (the reviewer's clock was likely wrong); it is recorded so and lists by "
                                 f"that date: ask {c.by} when it was written.", name, 0, "", warning=True))
    return tuple(found)


def _losing(comments: Sequence[Comment], drafts: dict[str, Regulation], name: str) -> tuple[Problem, ...]:
    """A warning at each comment whose proposal would delete points or clauses when accepted, naming the Word comment
    (or the tracked changes) it came from."""
    found = []
    for c in comments:
        lost = loss(drafts[c.regulation], c.on, c.proposal) if c.proposal and c.regulation in drafts else None
        if lost is not None:
            who = c.author or c.by
            came = f"the Word comment of {who} on “{_short(c.selection, 40)}”" if c.selection else \
                f"the tracked changes of {who}"
            found.append(lost.warning(c.by, c.id, name, 0, came))
    return tuple(found)


def _answers(reply: Reply, recorded: Sequence[Comment], name: str, words: Mapping[str, str]) -> Reply:
    """The reply with each Word thread part of which was imported before cut into the comments as they were imported
    (its first comments as one; a reply imported apart, or on its own before threads were read), then the replies
    added since as a comment of their own, its first line naming the comment they answer (`comment_answers`: its id,
    body and person). A thread read as one comment changes its text with every reply: a copy forwarded, or sent
    again, with a reply added imported the whole thread again, under the body that replied (r27 sweep V defect 1)."""
    said = {(c.created, c.text): c for c in recorded}
    dated: dict[str, dict[int, list[Comment]]] = {}  # by the minute of Word's clock: imported with or without its UTC
    for c in said.values():
        dated.setdefault(word_minute(c.created), {}).setdefault(len(c.text), []).append(c)
    comments: list[ReplyComment] = []
    for wc in reply.comments:
        rest, answered, cut = list(wc.thread), None, []
        while rest:
            heading = _heading(answered, words)
            # The longest run of the thread's next comments imported before as one comment (its first line naming
            # the comment it answers, when it is an answer; none when imported before threads were read).
            found = _imported_run(rest, heading, dated.get(word_minute(rest[0].date), {}), name)
            if found is None:
                break
            k, answered, line = found
            form = joined_thread(rest[:k], line)
            cut.append(form)
            rest = rest[k:]
        if not cut or (len(cut) == 1 and not rest):  # nothing of it imported before, or all of it as one comment
            comments.append(wc)
            continue
        added = [joined_thread(rest, _heading(answered, words))] if rest else []
        for part in (*cut, *added):  # all placed as the thread (its first comment), as Word places a reply
            comments.append(replace(wc, id=part.id, author=part.author, date=part.date, text=part.text,
                                    thread=part.thread, moment=part.moment))
    return replace(reply, comments=tuple(comments))


def _imported_run(rest: Sequence[ReplyComment], heading: str, sized: Mapping[int, Sequence[Comment]],
                  name: str) -> tuple[int, Comment, str] | None:
    """The longest run `rest[:k]` that `joined_thread(rest[:k], line)` made into a comment recorded before (`sized`:
    those of the first comment's date by the length of their text; the heading tried before none), by its author or
    the person importing, as (k, that comment, line); None when there is none. The run's text is followed by its
    length and built only where a recorded comment has that length, once per text: every run was built and looked
    up, a thread of 20,000 comments in O(n²), 62 s, before it was refused for its length (r27 sweep T2, defect 2)."""
    best: tuple[int, Comment, str] | None = None
    longest = max(sized, default=-1)
    for line in dict.fromkeys((heading, "")):
        parts: list[str] = []  # the run's nonempty lines, as joined_thread joins them
        size = 0  # the length of "\n".join(parts)
        names: dict[str, None] = {}  # the run's authors, as joined_thread names them
        named = 0  # the length of ", ".join(names)
        same: dict[tuple[int, int], bool] = {}  # (a recorded comment, a length): its text or author is the run's
        for k, r in enumerate(rest, 1):
            for part in (line, r.text) if k == 1 else (f"{r.author}: {r.text}" if r.author else r.text,) * bool(r.text):
                if part:
                    size += len(part) + bool(parts)
                    parts.append(part)
            if r.author and r.author not in names:
                named += len(r.author) + 2 * bool(names)
                names[r.author] = None
            if size > longest:
                break
            for was in sized.get(size, ()):
                if (text := (id(was), -1 - size)) not in same:  # one text per length: a reply adds to it or is empty
                    same[text] = "\n".join(parts) == was.text
                if not same[text]:
                    continue
                if was.author != name and named == len(was.author) and (author := (id(was), named)) not in same:
                    same[author] = ", ".join(names) == was.author  # one set of names per length: they only grow
                if (was.author == name or same.get((id(was), named), False)) and (best is None or k > best[0]):
                    best = (k, was, line)
    return best


def _heading(answered: Comment | None, words: Mapping[str, str]) -> str:
    """The line opening replies imported apart from the comment they answer: its id, body and person."""
    if answered is None:
        return ""
    person = f" {words['report_person'].format(person=answered.author)}" if answered.author else ""
    return words["comment_answers"].format(id=answered.id, body=answered.by, person=person)


def _said(c: Comment) -> tuple[str, ...]:
    """What makes an imported comment the same one wherever it comes from: its Word author, date (the minute on the
    reviewer's clock: imported before or after its true UTC was read, `word_minute`), words, selection, proposal and
    provision."""
    return c.author, word_minute(c.created), c.text, c.selection, c.proposal, c.on, c.regulation


def _refuse_another_bodys(name: str, again: Sequence[Comment]) -> None:
    """Refuse a reply every comment of which was imported before, some from another body: the same file named
    as a second body's reply."""
    bodies = sorted({c.by for c in again})
    ids = ", ".join(c.id for c in again[:10]) + (" …" if len(again) > 10 else "")
    raise RegdraftError(f"{name}: its comments were imported before as the reply of {' and '.join(bodies)} "
                        f"({ids}), so nothing was imported: a reply is imported once, under the body that sent it.")


def _same_copy(ws: Workspace, slug: str, r: Round, rounds: Sequence[Round], reply: Reply, texts: Texts) -> None:
    """Refuse a reply written on another amendment's review copy, or on an earlier round's copy whose marked
    provisions read differently in the round's draft: the copy's hidden marks would place its comments on
    provisions they are not about (a reply on Nghị định 63/2010's copy landed on Luật Đấu thầu)."""
    from regdraft.core.comments import anchor_text
    from regdraft.core.reply_marks import slug_digest

    mark, name = reply.copy, reply.source
    if mark is None:
        return
    if mark.digest != slug_digest(slug):
        from regdraft.workspace.amendments import slugs

        other = next((s for s in slugs(ws) if slug_digest(s) == mark.digest), None)
        whose = f"amendment '{other}'" if other else "an amendment that is not in this workspace"
        hint = f" Import it into '{other}': `{Command.of('comment import', other, name, by=None)}`." if other else ""
        raise RegdraftError(f"{name} is the review copy of {whose} (round {mark.round}), not of '{slug}': its "
                            f"comments would land on provisions of another text, so nothing was imported.{hint}")
    if mark.round == r.number:
        return
    then = next((x for x in rounds if x.number == mark.round), None)
    if then is None:
        raise RegdraftError(f"{name} is the review copy of round {mark.round} of '{slug}', which has no such round; "
                            "nothing was imported.")
    # Only the provisions a comment or a tracked change is on need to read the same in both drafts.
    marked = {i for c in reply.comments for i in range(c.start, c.end + 1)}
    marked |= {i for i, p in enumerate(reply.paragraphs) if p.original != p.accepted}
    old_texts = draft_texts(ws, slug, then.revision)
    old_by_key, new_by_key = dict(old_texts), dict(texts)
    changed = []
    for i in sorted(marked):
        p = reply.paragraphs[i] if i < len(reply.paragraphs) else None
        if p is None or p.address is None or p.text > len(old_texts):
            continue
        key = old_texts[p.text - 1][0] if p.text else ""
        try:
            same = anchor_text(old_by_key[key], p.address) == anchor_text(new_by_key[key], p.address)
        except (KeyError, RegdraftError):
            same = False
        if not same and p.address not in changed:
            changed.append(p.address)
    if changed:
        language = next(iter(new_by_key.values())).language
        named = named_provisions([Address.parse(a) for a in changed], language)
        raise RegdraftError(f"{name} is the review copy of round {then.number} (draft {then.draft}), and round "
                            f"{r.number} circulates draft {r.draft}, in which {named} the reply comments on "
                            f"{'reads' if len(changed) == 1 else 'read'} differently: its comments cannot be "
                            "placed by the copy's marks, so nothing was imported. Ask the body to reply on "
                            f"round {r.number}'s copy (`{Command.of('round copy', slug)}`).")


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"



