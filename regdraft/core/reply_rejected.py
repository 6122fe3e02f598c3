"""A Word redline's own tracked changes that a member rejected ("Reject" in Word's Review tab): the draft's change
undone there, the old wording kept. Word leaves no mark of a rejection (an insertion rejected is gone, a deletion
rejected is plain text again), so the paragraph reads as no paragraph of the draft and was passed over unsaid.
Pure core, used by `replies.comments_from_reply`.

Post-conditions of `rejected`:
1. Reject leaves the text before the draft as it was: the words the redline strikes out (a deletion rejected is
   plain text again) with the plain ones, its own insertions aside (`ReplyParagraph.before`). A paragraph of a redline
   reply whose text before reads as one line the draft changed (the text before the draft, `bases`), and whose text
   as circulated (its own changes as Word now holds them) reads as no line of the draft, is given as that paragraph
   with the draft's line as circulated: its change is then a proposal on the provision like any tracked change, the
   text as the member left it (`accepted`) proposed. A provision the draft repeals reads, as circulated, as its
   label and the placeholder (`5. (được bãi bỏ)`): its words back as plain text propose it kept as it was, and so
   each of its further paragraphs (an article's clauses and points) the reply holds back as plain text after it, in
   order (`_restored`: given as added to it, so the proposal keeps them); the placeholder left after words back (Reject
   on the deletion alone) is left out of them; one of those paragraphs still struck out is left out, and one
   reading as none of its lines ends the reading, which a note names (`unread_note`), never guessed.
2. A provision the draft inserts, some or all of whose paragraphs the reply holds nowhere at their place, was
   rejected (Word removes a rejected paragraph): each paragraph missing is given, after the reply's own, struck
   out, so the proposal on the provision leaves it out; where that cannot be told, a note names it
   (`reply_missing`).
3. A paragraph of a Word table is a cell of its row: one whose text before reads as a cell of a row the draft changed
   (the rows as many cells wide), and whose text as circulated as no cell of the draft, is given as that cell as
   circulated, so its change is placed by its row and column (`reply_cells`) like a typed one.
   Any other paragraph is left as it was: one the draft did not change, one changed without Track Changes (its text
   before is no line of the text before the draft). A paragraph whose words as they now read (the draft's words
   retyped without Track Changes, the redline's struck words left struck) are a line before the draft that the draft
   changed, and no line of the draft, is a rejection as by Reject: decided by the words, never by likeness. A cell
   of several paragraphs is one paragraph here (`whole_cells`).
4. A provision the draft rewrites whole (`Sửa đổi Điều 5 như sau:`) is printed as a word diff across its paragraphs
   (`rewritten_lines`). A paragraph back as a line before the draft in a run rewritten into more or fewer lines is given
   as the draft's line printed with it (the first with the first; past the draft's lines, as added); one of a clause
   or point the rewrite leaves out, as added to the nearest provision above it the draft has (its deletion
   rejected: kept). A line of the draft such a run adds, or a run inserts, missing at its place is one Reject removed
   (2.); a line paired with a line before, missing with neither standing there, is named (`unsure_note`), never given.
   The old line's end the redline printed after the paragraphs it inserts, left alone by Reject on them, stands for
   no line; an old line back whose full stop stands alone in the next paragraph is read with it, and one back without
   the final punctuation the draft's insertion held (`reply_stops`) is the line, its stop given back in the proposal.
   A line paired with a draft's line the reply holds word for word elsewhere stands for the provision's one line the
   reply does not hold (the word diff printed it there), if there is one. An old line the word diff split over
   paragraphs (their words before the draft, joined, are it: `reply_split`) is read by its parts: each paragraph of
   them reading as no line, Reject pressed on some of its changes, is given as the draft's line printed there.
   Old lines the draft joins into one, printed over their paragraphs (`reply_joined`), are read as one: Reject on
   some of their changes gives the draft's line, the words of those paragraphs as the member left them joined.
   A line printed whole in a paragraph whose break the redline inserts (the draft's new provision after it: khoản 1
   Điều 31 of 63/2010 before 48/2013's khoản 2) is its text before the draft (`_whole`), read as in 1.
   A line before the draft is the draft's line the redline prints it with: of the provision the comparison pairs it
   with by its words (`printed_at`: 48/2013's điểm h khoản 3 Điều 35 is the old điểm g), not by its address; its
   label alone rejected, the old label kept beside the new, is no rejection read here (`reply_label_rejected`).
5. The paragraphs given are listed by their place in the reply with the provision (its text's key and address):
   they are placed there, and the comment says that the draft's change is undone (`undone_note`).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import replace

from regdraft.core.model import REPEALED_TEXT, Regulation
from regdraft.core.reply_cells import cells as row_cells
from regdraft.core.reply_drafted import (
    Drafted,
    cell_pairs,
    changed_lines,
    joined_runs,
    line_key,
    printed_lines,
    repealed_rest,
    rewritten_lines,
)
from regdraft.core.reply_joined import joined_lines, joined_words
from regdraft.core.reply_label_rejected import label_words
from regdraft.core.reply_missing import missing
from regdraft.core.reply_model import Place, Reply, ReplyParagraph, Texts
from regdraft.core.reply_rejected_notes import unread_note, unsure_note
from regdraft.core.reply_split import split_lines
from regdraft.core.reply_stops import stopped, unended, unplaced
from regdraft.core.reply_wording import label_of, lines_of, strip_label


def _restored(paragraphs: list[ReplyParagraph], i: int, rest: list[str]) -> tuple[list[int], bool]:
    """The paragraphs after the `i`th that are the lines `rest` of a repealed provision back as plain text (Reject
    pressed on their deletion), and whether each line was read: one still struck out (no words as circulated) was
    left deleted by the member, one reading otherwise stops the reading (retyped, or another provision's)."""
    found: list[int] = []
    j = i + 1
    for line in rest:
        if j >= len(paragraphs) or paragraphs[j].cell[0]:
            return found, False
        p = paragraphs[j]
        if p.original.strip() and line_key(p.original) == line_key(line):
            found.append(j)
        elif p.original.strip() or p.accepted.strip():
            return found, False
        j += 1
    return found, True




def rejected(reply: Reply, texts: Texts, bases: Texts) -> tuple[Reply, dict[int, Place]]:
    """The reply with each paragraph where the member rejected some of the redline's own changes given as the
    draft's line changed to the text they left (`accepted`), each paragraph of an insertion they rejected given as
    struck out, and those paragraphs' places with the provision."""
    if not bases:
        return reply, {}
    drafts = dict(texts)
    lines: dict[str, set[tuple[str, str, str]]] = {}  # a changed line as it read before the draft -> where, as drafted
    cells: dict[str, set[tuple[str, str, str]]] = {}  # … a changed cell of a table's row, so
    for reg, base in bases:
        for at, old, new in changed_lines(base, drafts[reg]) if reg in drafts else ():
            lines.setdefault(line_key(old), set()).add((reg, at, new))
            for was, made in cell_pairs(old, new):
                cells.setdefault(line_key(was), set()).add((reg, at, made))
    in_cells = {line_key(cell) for _, draft in texts for loc in draft.walk() for line in lines_of(loc.unit)
                if line.lstrip()[:1] == "|" for cell in row_cells(line)}
    known = {line_key(line) for _, draft in texts for loc in draft.walk() for line in lines_of(loc.unit)}
    repeals = {line_key(REPEALED_TEXT.get(draft.language, REPEALED_TEXT["vi"])) for _, draft in texts}
    known |= repeals
    rests = {(reg, at): rest for reg, base in bases if reg in drafts
             for at, rest in repealed_rest(base, drafts[reg]).items()}
    # A provision rewritten whole: a line rejected where the draft has more or fewer, or one of a provision it left out.
    uneven: dict[str, set[tuple[str, str, str]]] = {}
    dropped: dict[str, set[tuple[str, str]]] = {}
    runs: dict[tuple[str, ...], set[Drafted]] = {}  # the old lines the draft joins into one, by their keys
    for reg, base in bases:
        if reg in drafts:
            rewrite = rewritten_lines(base, drafts[reg])
            for at, old, new in rewrite[0]:
                uneven.setdefault(line_key(old), set()).add((reg, at, new))
            for above, line in rewrite[2]:
                dropped.setdefault(line_key(line), set()).add((reg, above))
            for at, olds, new in joined_runs(base, drafts[reg]):
                runs.setdefault(tuple(line_key(old) for old in olds), set()).add((reg, at, new))
    bare, bare_uneven, bare_dropped = unended(lines), unended(uneven), unended(dropped)
    held = Counter(line_key(p.original) for p in reply.paragraphs if p.original.strip() and not p.cell[0])
    paragraphs = list(reply.paragraphs)
    split = split_lines(paragraphs, (lines, uneven), line_key, functools.partial(_lines_at, drafts))
    joins = joined_lines(paragraphs, runs, line_key)
    undone: dict[int, Place] = {}
    notes: list[str] = []
    end = 0
    for i, p in enumerate(paragraphs):
        if i < end:
            continue
        if i in joins:
            # Old lines the draft joins into one, Reject pressed on some of the changes there (`reply_joined`).
            end, (reg, at, new) = joins[i]
            run = paragraphs[i:end]
            paragraphs[i] = replace(p, original=label_of(p.original.strip()) + strip_label(new).strip(),
                                    accepted=joined_words(run), date=max(q.date for q in run),
                                    authors=tuple(dict.fromkeys(a for q in run for a in q.authors)))
            for k in range(i + 1, end):
                paragraphs[k] = replace(paragraphs[k], original="", accepted="")
            undone |= dict.fromkeys(range(i, end), (reg, at))
            continue
        # A paragraph of a Word table is a cell of its row (`reply_cells`): matched as a cell the draft changed.
        # Its words before the draft, Reject pressed; or, read as it is now, the draft's words retyped without Track
        # Changes as they were before (the redline's struck words left struck): decided by the words, as a Reject.
        found: set[tuple[str, str, str]] = set()
        # The line's full stop may stand in the next paragraph: the redline printed it after the paragraphs the draft
        # inserts (its word diff), and Reject on this paragraph alone left it there.
        stop = paragraphs[i + 1].original if i + 1 < len(paragraphs) and not p.cell[0] else ""
        ended = p.original + stop.strip() if stop.strip() and not any(ch.isalnum() for ch in stop) else ""
        for text in dict.fromkeys((p.before or _whole(paragraphs, i), p.original, ended)):
            if not found and text.strip():
                found = (cells if p.cell[0] else lines).get(line_key(text), set())
        stop = ""  # the old line's final punctuation, left by Reject in the next paragraph (`reply_stops`)
        if not found and not p.cell[0] and p.original.strip() and not ended:
            stop, found = bare.get(line_key(p.original), ("", set()))
        if len(found) != 1 and not p.cell[0] and p.original.strip() and line_key(p.original) not in known:
            if _rewritten_back(paragraphs, i, p, (uneven, bare_uneven), (dropped, bare_dropped), held, undone, ended):
                continue
            if i in split:
                # Part of an old line the word diff split over paragraphs, some of its changes rejected there: the
                # draft's line printed in this paragraph, changed to the words as the member left them.
                reg, at, new = split[i]
                paragraphs[i] = replace(p, original=label_of(p.original.strip()) + strip_label(new).strip())
                undone[i] = (reg, at)
                continue
        if len(found) != 1 or line_key(p.original) in (in_cells if p.cell[0] else known):
            continue
        (reg, at, new), = found
        if not p.cell[0] and label_words(p.original) == label_words(new):
            continue  # its label alone rejected, the old one kept beside the draft's: named (`reply_label_rejected`)
        if held[line_key(new)] and not p.cell[0]:
            # The draft's line paired with it stands elsewhere in the reply word for word: the redline's word diff
            # printed this line before the draft with another of the provision's (`1. [bỏ: …]`, then `[bỏ: Thủ
            # trưởng …][bổ sung: Bộ Tư pháp …]`), the one line of it the reply does not hold.
            new = _unheld(drafts[reg], at, held) or new
        # The paragraph as the redline circulated it: its label (as the redline writes it) and the draft's words.
        made = new.strip() if p.cell[0] else label_of(p.original.strip()) + strip_label(new).strip()
        # A repeal's deletion rejected, its placeholder left: the words back are the provision kept (`reply_stops`).
        left = (unplaced(p.accepted, REPEALED_TEXT.get(drafts[reg].language, "")) if line_key(new) in repeals
                else p.accepted)
        paragraphs[i] = replace(p, original=made, accepted=stopped(left, stop))
        undone[i] = (reg, at)
        if (reg, at) in rests and not p.cell[0]:
            # The rest of a repealed provision (its clauses and points) back as plain text: paragraphs the draft
            # does not print, each given as added to it, so that the proposal keeps them (only its heading was).
            back, read = _restored(paragraphs, i, rests[reg, at])
            for j in back:
                paragraphs[j] = replace(paragraphs[j], original="")
                undone[j] = (reg, at)
            if not read:
                notes.append(unread_note(at, drafts[reg].language, reply.source))
    gone, unsure, kept = missing(paragraphs, texts, bases)
    for i, reg, at, line in kept:
        # An old line back whole in the place of one the draft inserts (the redline printed them as one word diff):
        # the inserted line's change is rejected there, the old words kept in its place, under its label.
        p = paragraphs[i]
        paragraphs[i] = replace(p, original=line, accepted=label_of(line) + strip_label(p.original).strip())
        undone[i] = (reg, at)
    for reg, at, line in gone:
        undone[len(paragraphs)] = (reg, at)
        paragraphs.append(ReplyParagraph(None, line, ""))
    had = {(reg, str(loc.address)) for reg, base in bases for loc in base.walk()}
    notes += [unsure_note(at, drafts[reg].language, reply.source, how or ("inserts" if (reg, at) in had else ""))
              for reg, at, how in unsure]
    if not undone:
        return (replace(reply, notes=(*reply.notes, *notes)) if notes else reply), {}
    return replace(reply, paragraphs=tuple(paragraphs), notes=(*reply.notes, *notes)), undone


def _whole(paragraphs: list[ReplyParagraph], i: int) -> str:
    """The words before the draft of paragraph `i` whose break the redline inserts, when they are a whole line: the
    paragraphs after it up to the old line's break hold none (the draft inserts them after the line: khoản 1 Điều 31
    of 63/2010, then the new khoản 2), else ""."""
    p = paragraphs[i]
    return p.part if p.part.strip() and (i + 1 == len(paragraphs) or not paragraphs[i + 1].part.strip()) else ""


def _lines_at(drafts: dict[str, Regulation], reg: str, at: str) -> list[str]:
    """The lines of the provision `at` of the draft `reg`, as the redline prints them."""
    unit = next((loc.unit for loc in drafts[reg].walk() if str(loc.address) == at), None)
    return printed_lines(unit, drafts[reg].language) if unit is not None else []


def _unheld(draft: Regulation, at: str, held: Counter[str]) -> str:
    """The one line of the draft's provision `at` (as printed) that no paragraph of the reply holds, or ""."""
    unit = next((loc.unit for loc in draft.walk() if str(loc.address) == at), None)
    lines = [line for line in printed_lines(unit, draft.language)
             if line.strip() and not held[line_key(line)]] if unit else []
    return lines[0] if len(lines) == 1 else ""


def _rewritten_back(paragraphs: list[ReplyParagraph], i: int, p: ReplyParagraph,
                   uneven: tuple[dict[str, set[Drafted]], dict[str, tuple[str, set[Drafted]]]],
                   dropped: tuple[dict[str, set[tuple[str, str]]], dict[str, tuple[str, set[tuple[str, str]]]]],
                   held: Counter[str], undone: dict[int, Place], ended: str = "") -> bool:
    """Whether paragraph `i`, reading as a line before the draft of a provision it rewrote whole, was given: as the
    draft's line printed with it (its words rejected there), as added to the provision (a line past the draft's, or
    of a provision the rewrite left out: its deletion rejected). A draft's line the reply holds word for word is not
    the one it stands for (moved there, or another provision's words): nothing is given. `ended`: its words with the
    full stop the next paragraph holds alone. Each table (`uneven`, `dropped`) comes with its lines keyed without
    their final punctuation (`reply_stops`): the old line back without the stop the draft's insertion held is it."""
    readings = [(line_key(text), "") for text in dict.fromkeys((p.before, p.original, ended)) if text.strip()]
    if not ended:
        readings.append((line_key(p.original), "*"))
    for key, bare in readings:
        stop, found = uneven[1].get(key, ("", set())) if bare else ("", uneven[0].get(key, set()))
        if len(found) == 1:
            (reg, at, new), = found
            if new and held[line_key(new)]:
                return False
            paragraphs[i] = replace(p, original=label_of(p.original.strip()) + strip_label(new).strip() if new else "",
                                    accepted=stopped(p.accepted, stop))
            undone[i] = (reg, at)
            return True
        stop, places = dropped[1].get(key, ("", set())) if bare else ("", dropped[0].get(key, set()))
        if len(places) == 1:
            (reg, above), = places
            paragraphs[i] = replace(p, original="", accepted=stopped(p.accepted, stop))
            undone[i] = (reg, above)
            return True
    return False
