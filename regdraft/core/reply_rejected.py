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
2. A provision the draft inserts (a clause, a point, an article: paragraphs the redline inserts whole), some or all
   of whose paragraphs the reply holds nowhere, was rejected (Word removes a rejected paragraph, its mark with it):
   each paragraph missing is given, after the reply's own, as the paragraph as circulated struck out (its text
   as the member left it empty), so the proposal on the provision leaves it out (all of them: the provision
   proposed as not inserted). A redline sent back as it was holds every paragraph it inserted: nothing is given.
   A paragraph is missing at its place: the reply's paragraphs aligned in order with the text's as printed, it is
   one with no paragraph of the reply standing for it there (the same words elsewhere, in another provision the
   draft inserts too, are not it), and one retyped without Track Changes still stands there (no rejection). A
   paragraph holding a line of the texts word for word (moved there with Track Changes off, or a chapter's label
   printed on a line of its own) stands for that line alone, never for another beside it. Where the reply holds,
   beside the missing line, a paragraph of words no text holds that stands for nothing, or, anywhere, one so like it
   that it may be it moved and retyped (`MOVED_LIKE`), it is not given: a note names its provision (`unsure_note`);
   but one standing alone there that reads, word for word, as the line before the draft the redline printed in it
   (Reject on the whole paragraph) is the old line kept in its place: given as the missing line, under its label.
3. A paragraph of a Word table is a cell of its row: one whose text before reads as a cell of a row the draft changed
   (the rows as many cells wide), and whose text as circulated as no cell of the draft, is given as that cell as
   circulated, so its change is placed by its row and column (`reply_cells`) like a typed one.
   Any other paragraph is left as it was: one the draft did not change, one changed without Track Changes (its text
   before is no line of the text before the draft). A paragraph whose words as they now read (the draft's words
   retyped without Track Changes, the redline's struck words left struck) are a line before the draft that the draft
   changed, and no line of the draft, is a rejection as by Reject: decided by the words, never by likeness. A cell
   of several paragraphs is one paragraph here (`whole_cells`).
4. A provision the draft rewrites whole (`Sửa đổi Điều 5 như sau:`) is printed as a word diff across its paragraphs
   (`_rewritten`). A paragraph back as a line before the draft in a run rewritten into more or fewer lines is given
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
5. The paragraphs given are listed by their place in the reply with the provision (its text's key and address):
   they are placed there, and the comment says that the draft's change is undone (`undone_note`).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from dataclasses import replace

from regdraft.core.markdown_writer import unit_label_text
from regdraft.core.model import REPEALED_TEXT, TEXT_HEADINGS, Kind, Regulation, Unit
from regdraft.core.reply_cells import cells as row_cells
from regdraft.core.reply_model import Place, Reply, ReplyParagraph, Texts
from regdraft.core.reply_rejected_notes import unread_note, unsure_note
from regdraft.core.reply_split import split_lines
from regdraft.core.reply_stops import stopped, unended, unplaced
from regdraft.core.reply_wording import fold, label_of, lines_of, strip_label

MOVED_LIKE = 0.75  # how alike (difflib's ratio of their keys) a paragraph elsewhere is to a line it may be, moved

_LOOKED_FOR = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)


@functools.lru_cache(maxsize=1 << 16)  # a line is keyed again and again: as drafted, printed, held, counted
def _key(text: str) -> str:
    """The words of a line as matched here: folded, its label aside, spaces left out (a struck run leaves two)."""
    return re.sub(r"\s+", "", fold(strip_label(text)))


def _changed_lines(base: Regulation, draft: Regulation) -> list[tuple[str, str, str]]:
    """Each line the draft changed: the provision's address, the line before and in the draft (paired where both
    texts have as many lines in a changed run; a provision repealed: its first line, and the placeholder)."""
    before = {str(loc.address): (lines_of(loc.unit), loc.unit.repealed) for loc in base.walk()}
    placeholder = REPEALED_TEXT.get(draft.language, REPEALED_TEXT["vi"])
    out = []
    for loc in draft.walk():
        old, was_repealed = before.get(str(loc.address), (None, False))
        new = lines_of(loc.unit)
        if old is None or old == new:
            continue
        if loc.unit.repealed and not was_repealed and old:
            # The redline strikes out its words and inserts the placeholder in the same paragraph.
            out.append((str(loc.address), old[0], placeholder))
            continue
        matcher = difflib.SequenceMatcher(None, [_key(x) for x in old], [_key(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                out += [(str(loc.address), a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True)]
    return out


Drafted = tuple[str, str, str]  # the text (its key in `Texts`), the provision's address, the line as drafted
Lines = set[tuple[str, str]]  # lines of provisions: each provision's address and the line's key (`_key`)


def _rewritten(base: Regulation, draft: Regulation
               ) -> tuple[list[tuple[str, str, str]], Lines, list[tuple[str, str]], Lines]:
    """What a provision rewritten whole changed besides the lines paired one for one (`_changed_lines`), as the
    redline prints it (a word diff across the provision's paragraphs, old and new interleaved):
    1. each line before the draft in a run the draft rewrote into more or fewer lines, the provision's address and
       the line of the draft it is printed with (the first with the first, in order; "" past the draft's lines);
    2. the lines of the draft such a run adds or a run of lines inserts (address, key): Reject removes them;
    3. each line of a provision the rewrite left out (no such address in the draft, not repealed: `Sửa đổi Điều 5 như
       sau` with four clauses of five), with the nearest provision above it that the draft has;
    4. the lines of the draft paired one for one with a line before (address, key): Reject leaves the line before
       there, so one the reply holds neither way was changed otherwise (or its rejection cannot be read)."""
    before = {str(loc.address): loc.unit for loc in base.walk()}
    after = {str(loc.address) for loc in draft.walk()}
    uneven: list[tuple[str, str, str]] = []
    added: Lines = set()
    paired: Lines = set()
    for loc in draft.walk():
        at = str(loc.address)
        if at not in before or loc.unit.repealed or before[at].repealed:
            continue
        old, new = _printed(before[at], base.language), _printed(loc.unit, draft.language)
        if old == new:
            continue
        matcher = difflib.SequenceMatcher(None, [_key(x) for x in old], [_key(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                paired |= {(at, _key(line)) for line in new[j1:j2]}
            if tag == "insert" or tag == "replace" and i2 - i1 != j2 - j1:
                added |= {(at, _key(line)) for line in new[j1:j2]}
            if tag == "replace" and i2 - i1 != j2 - j1:
                uneven += [(at, line, new[j1 + k] if j1 + k < j2 else "") for k, line in enumerate(old[i1:i2])]
    dropped = []
    for loc in base.walk():
        at = str(loc.address)
        if at in after or loc.unit.repealed or "." not in at:
            continue
        above = at.rsplit(".", 1)[0]
        while "." in above and above not in after:
            above = above.rsplit(".", 1)[0]
        if above in after:
            dropped += [(above, line) for line in _printed(loc.unit, base.language) if line.strip()]
    return uneven, added, dropped, paired


def _repealed_rest(base: Regulation, draft: Regulation) -> dict[str, list[str]]:
    """For each provision the draft repeals whole (an article, a clause, a point), the paragraphs the redline strikes
    out after its first line, as it stood before the draft and in the order printed: its own further lines, its
    clauses' and points', then its closing text."""
    had = {str(loc.address): loc.unit for loc in base.walk()}
    return {str(loc.address): _as_printed(had[str(loc.address)], base.language)[1:] for loc in draft.walk()
            if loc.unit.repealed and str(loc.address) in had and not had[str(loc.address)].repealed}


def _as_printed(unit: Unit, language: str) -> list[str]:
    """A unit's paragraphs as a Word redline prints them, its children's within it, its closing text last (`_printed`
    gives a unit's own lines, its closing text among them)."""
    printed = _printed(unit, language)
    closing = [line for text in unit.closing for line in text.split("\n")]
    own = printed[:len(printed) - len(closing)] if closing else printed
    return [*own, *(line for child in unit.children for line in _as_printed(child, language)), *closing]


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
        if p.original.strip() and _key(p.original) == _key(line):
            found.append(j)
        elif p.original.strip() or p.accepted.strip():
            return found, False
        j += 1
    return found, True


def _cell_pairs(old: str, new: str) -> list[tuple[str, str]]:
    """Each cell a table's row changed (`| a | b |`, the rows as many cells wide), before and in the draft."""
    if old.lstrip()[:1] != "|" or new.lstrip()[:1] != "|" or len(row_cells(old)) != len(row_cells(new)):
        return []
    return [(was, made) for was, made in zip(row_cells(old), row_cells(new), strict=True) if _key(was) != _key(made)]


def _printed(unit: Unit, language: str) -> list[str]:
    """A unit's own paragraphs as a Word redline prints them: its heading line or label before its first line."""
    lines = lines_of(unit)
    if unit.kind in TEXT_HEADINGS and unit.title:
        from regdraft.core.markdown_writer import heading_text

        return [heading_text(unit, language), *lines[1:]]
    label = unit_label_text(unit, language) if not unit.title else ""
    return [f"{label} {lines[0]}".strip(), *lines[1:]] if lines and label else lines


def _drafted(base: Regulation | None, draft: Regulation) -> list[tuple[str, str, str, bool]]:
    """Each paragraph of a text as the redline prints it, in its order (a table's rows aside: a Word table's cells
    are no paragraphs of it): its line, the address of its provision, and that address again when the draft inserts
    the provision whole (an article, a clause or a point: a paragraph the redline inserts), or inserts the line in a
    provision it rewrites (`_rewritten`), or rewrites it there (then not `sure`: the line before there is no rejection
    read, and the line missing is named, never said rejected), else ""."""
    had = {str(loc.address) for loc in base.walk()} if base is not None else None
    _, added, _, paired = _rewritten(base, draft) if base is not None else ([], set(), [], set())
    out = []
    for loc in draft.walk():
        at = str(loc.address)
        # Only an article's, a clause's or a point's lines are looked for: a chapter's or an appendix's heading may be
        # printed on lines of its own (`Chương VIII`, then its title), which would read as missing when they are not.
        new = had is not None and at not in had and not loc.unit.repealed and loc.unit.kind in _LOOKED_FOR
        for line in _printed(loc.unit, draft.language):
            if line.strip() and not line.lstrip().startswith("|"):
                sure = new or (at, _key(line)) in added
                out.append((line, at, at if sure or (at, _key(line)) in paired else "", sure))
    return out


# The product of the characters of a run's paragraphs and of its lines weighed one against the other at most: real
# runs are a few paragraphs of a few hundred characters (a run of ten against ten: 9 million).
LIKENESS_BUDGET = 20_000_000


def _like(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _paired(held: list[str], drafted: list[str], accounted: set[str]) -> tuple[set[int], set[int]]:
    """The drafted lines of a run the reply reads otherwise (by their keys) that a paragraph of the reply stands for,
    and the reply's paragraphs of the run whose words are no line of the texts that stand for none of them.

    A line the run holds word for word stands for itself; a paragraph whose words are a line of the texts (moved
    there, or a chapter's label printed on a line of its own) stands for no other. Each other paragraph stands for
    the line it is most like, in order, none when it is like none of them (under half its words); a run too long to
    weigh, each line (nothing is said missing that is not surely so)."""
    if len(held) * len(drafted) > 10_000:
        return set(range(len(drafted))), set()
    standing = {j for j, line in enumerate(drafted) if line in held}
    unknown = [i for i, h in enumerate(held) if h not in accounted]
    rest = [j for j in range(len(drafted)) if j not in standing]
    if sum(len(held[i]) for i in unknown) * sum(len(drafted[j]) for j in rest) > LIKENESS_BUDGET:
        # Too long to weigh character by character (59 typed paragraphs of 2,000 words: 64 s of CPU, r41 sweep CI
        # F3): the lines not held word for word cannot be told missing or not, and are said so, never rejected.
        return standing, set(unknown)
    like = [[_like(held[i], drafted[j]) for j in rest] for i in unknown]
    # best[i][j]: the most likeness pairing the first i paragraphs with the first j lines in order, and its pairs.
    best: list[list[tuple[float, tuple[tuple[int, int], ...]]]] = [[(0.0, ())] * (len(rest) + 1)]
    for i in range(1, len(unknown) + 1):
        row = [best[i - 1][0]]
        for j in range(1, len(rest) + 1):
            options = [row[j - 1], best[i - 1][j]]
            if like[i - 1][j - 1] >= 0.5:
                score, pairs = best[i - 1][j - 1]
                options.append((score + like[i - 1][j - 1], (*pairs, (i - 1, j - 1))))
            row.append(max(options, key=lambda option: option[0]))
        best.append(row)
    pairs = best[-1][-1][1]
    return standing | {rest[j] for _, j in pairs}, set(unknown) - {unknown[i] for i, _ in pairs}


def _headings(texts: Texts) -> set[str]:
    """The keys of a titled unit's label and title apart: a Word redline may print a chapter's on lines of their own
    (`Chương VII`, then `ĐIỀU KHOẢN THI HÀNH`)."""
    out = set()
    for _, draft in texts:
        for loc in draft.walk():
            if loc.unit.title:
                heading = unit_label_text(loc.unit, draft.language)
                label = heading[:-len(loc.unit.title)] if heading.endswith(loc.unit.title) else heading
                out |= {_key(label.rstrip(" .:")), _key(loc.unit.title)}
    return out - {""}


def _missing(paragraphs: list[ReplyParagraph], texts: Texts, bases: Texts
             ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[tuple[int, str, str, str]]]:
    """Each paragraph of a provision the draft inserts that the reply holds nowhere at its place, with its text's key
    and its provision's address: the reply's paragraphs aligned, in order, with the texts' as the redline printed
    them, one missing where the reply has no paragraph between the held ones around it (Word removed it: Reject),
    not where a paragraph reads otherwise there (changed without Track Changes). A line held as often as the drafts
    hold it is missing nowhere (the same words may stand in another provision too, or the paragraph was moved).
    Then the provisions (text's key, address) of the lines that cannot be told missing or not: a paragraph of words
    no text holds stands beside them standing for none, or is like one of them (moved or retyped without Track
    Changes, or both): never said rejected. Last, each paragraph standing alone beside one missing line that reads,
    word for word, as the line before the draft the redline printed there (`_back_whole`), with that line's text's
    key, provision and line: the old line kept in the inserted one's place, no guess."""
    before = dict(bases)
    drafted = [(reg, *line) for reg, draft in texts for line in _drafted(before.get(reg), draft)]
    held = Counter(_key(p.original) for p in paragraphs if p.original.strip() and not p.cell[0])
    counted = Counter(_key(line) for _, draft in texts for loc in draft.walk()
                      for line in _printed(loc.unit, draft.language))
    if not any(new and held[_key(line)] < counted[_key(line)] for _, line, _, new, _ in drafted):
        return [], [], []
    ours_at = [k for k, p in enumerate(paragraphs) if not p.cell[0] and _key(p.original)]  # their places in the reply
    ours = [_key(paragraphs[k].original) for k in ours_at]
    theirs = [_key(line) for _, line, _, _, _ in drafted]
    accounted = set(counted) | _headings(texts) | set(theirs)  # the words of a paragraph some text prints
    # … or the end of a line before the draft that the redline printed after the paragraphs it inserts (its word diff
    # across a rewritten provision: `) ngày làm việc …`, or its full stop alone), left there by Reject on them: no line
    # moved or retyped. Its beginning is not (the old line back, its end still struck out: Reject pressed on part of
    # it), nor is the whole line: back there, it is no rejection read, and the line missing beside it is named.
    old = "".join("\0" + _key(line) + "\0" for _, base in bases for loc in base.walk() for line in lines_of(loc.unit))
    accounted |= {key for key in ours if key not in accounted and key + "\0" in old and f"\0{key}\0" not in old}
    found: list[tuple[bool, bool, tuple[str, str, str], str]] = []  # unsure, sure, (text, provision, line), key
    loose: list[str] = []  # paragraphs of words no text holds standing for no line
    instead: dict[int, int] = {}  # a line before the draft back whole in the place of one missing: paragraph → found
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if tag == "delete":
            loose += [key for key in ours[i1:i2] if key not in accounted]
        if tag not in ("insert", "replace"):
            continue
        standing, free = _paired(ours[i1:i2], theirs[j1:j2], accounted)
        loose += [ours[i1 + i] for i in sorted(free)]
        had = len(found)
        for k, (reg, line, _, new, sure) in enumerate(drafted[j1:j2]):
            key = theirs[j1 + k]
            if new and k not in standing and key and held[key] < counted[key]:
                held[key] += 1  # one missing line given once
                found.append((bool(free), sure, (reg, new, line), key))
        if len(free) == 1 and len(found) == had + 1 and found[-1][1] and _back_whole(
                paragraphs[alone := ours_at[i1 + min(free)]], old):
            instead[alone] = had
    out, unsure, kept = [], [], []
    back = {n: k for k, n in instead.items()}
    for n, (beside, sure, (reg, at, line), key) in enumerate(found):
        # Beside it, a paragraph of the reply standing for none; elsewhere, one so like it that it may be it moved.
        elsewhere = any(_like(other, key) >= MOVED_LIKE for other in loose
                        if n not in back or other != _key(paragraphs[back[n]].original))
        if n in back and not elsewhere:
            kept.append((back[n], reg, at, line))
        elif beside or not sure or elsewhere:
            unsure.append((reg, at, "" if sure else "rewrites"))
        else:
            out.append((reg, at, line))
    return out, list(dict.fromkeys(unsure)), kept


def _back_whole(p: ReplyParagraph, old: str) -> bool:
    """Whether a paragraph reads, word for word, as the line before the draft the redline printed in it (Reject
    pressed on the whole paragraph: the draft's words gone, the old ones back), a whole line of the text before."""
    key = _key(p.original)
    return bool(p.before.strip()) and _key(p.before) == key and f"\0{key}\0" in old


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
        for at, old, new in _changed_lines(base, drafts[reg]) if reg in drafts else ():
            lines.setdefault(_key(old), set()).add((reg, at, new))
            for was, made in _cell_pairs(old, new):
                cells.setdefault(_key(was), set()).add((reg, at, made))
    in_cells = {_key(cell) for _, draft in texts for loc in draft.walk() for line in lines_of(loc.unit)
                if line.lstrip()[:1] == "|" for cell in row_cells(line)}
    known = {_key(line) for _, draft in texts for loc in draft.walk() for line in lines_of(loc.unit)}
    repeals = {_key(REPEALED_TEXT.get(draft.language, REPEALED_TEXT["vi"])) for _, draft in texts}
    known |= repeals
    rests = {(reg, at): rest for reg, base in bases if reg in drafts
             for at, rest in _repealed_rest(base, drafts[reg]).items()}
    # A provision rewritten whole: a line rejected where the draft has more or fewer, or one of a provision it left out.
    uneven: dict[str, set[tuple[str, str, str]]] = {}
    dropped: dict[str, set[tuple[str, str]]] = {}
    for reg, base in bases:
        if reg in drafts:
            rewrite = _rewritten(base, drafts[reg])
            for at, old, new in rewrite[0]:
                uneven.setdefault(_key(old), set()).add((reg, at, new))
            for above, line in rewrite[2]:
                dropped.setdefault(_key(line), set()).add((reg, above))
    bare, bare_uneven, bare_dropped = unended(lines), unended(uneven), unended(dropped)
    held = Counter(_key(p.original) for p in reply.paragraphs if p.original.strip() and not p.cell[0])
    paragraphs = list(reply.paragraphs)
    split = split_lines(paragraphs, (lines, uneven), _key, functools.partial(_lines_at, drafts))
    undone: dict[int, Place] = {}
    notes: list[str] = []
    for i, p in enumerate(paragraphs):
        # A paragraph of a Word table is a cell of its row (`reply_cells`): matched as a cell the draft changed.
        # Its words before the draft, Reject pressed; or, read as it is now, the draft's words retyped without Track
        # Changes as they were before (the redline's struck words left struck): decided by the words, as a Reject.
        found: set[tuple[str, str, str]] = set()
        # The line's full stop may stand in the next paragraph: the redline printed it after the paragraphs the draft
        # inserts (its word diff), and Reject on this paragraph alone left it there.
        stop = paragraphs[i + 1].original if i + 1 < len(paragraphs) and not p.cell[0] else ""
        ended = p.original + stop.strip() if stop.strip() and not any(ch.isalnum() for ch in stop) else ""
        for text in dict.fromkeys((p.before, p.original, ended)):
            if not found and text.strip():
                found = (cells if p.cell[0] else lines).get(_key(text), set())
        stop = ""  # the old line's final punctuation, left by Reject in the next paragraph (`reply_stops`)
        if not found and not p.cell[0] and p.original.strip() and not ended:
            stop, found = bare.get(_key(p.original), ("", set()))
        if len(found) != 1 and not p.cell[0] and p.original.strip() and _key(p.original) not in known:
            if _rewritten_back(paragraphs, i, p, (uneven, bare_uneven), (dropped, bare_dropped), held, undone, ended):
                continue
            if i in split:
                # Part of an old line the word diff split over paragraphs, some of its changes rejected there: the
                # draft's line printed in this paragraph, changed to the words as the member left them.
                reg, at, new = split[i]
                paragraphs[i] = replace(p, original=label_of(p.original.strip()) + strip_label(new).strip())
                undone[i] = (reg, at)
                continue
        if len(found) != 1 or _key(p.original) in (in_cells if p.cell[0] else known):
            continue
        (reg, at, new), = found
        if held[_key(new)] and not p.cell[0]:
            # The draft's line paired with it stands elsewhere in the reply word for word: the redline's word diff
            # printed this line before the draft with another of the provision's (`1. [bỏ: …]`, then `[bỏ: Thủ
            # trưởng …][bổ sung: Bộ Tư pháp …]`), the one line of it the reply does not hold.
            new = _unheld(drafts[reg], at, held) or new
        # The paragraph as the redline circulated it: its label (as the redline writes it) and the draft's words.
        made = new.strip() if p.cell[0] else label_of(p.original.strip()) + strip_label(new).strip()
        # A repeal's deletion rejected, its placeholder left: the words back are the provision kept (`reply_stops`).
        left = unplaced(p.accepted, REPEALED_TEXT.get(drafts[reg].language, "")) if _key(new) in repeals else p.accepted
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
    gone, unsure, kept = _missing(paragraphs, texts, bases)
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


def _lines_at(drafts: dict[str, Regulation], reg: str, at: str) -> list[str]:
    """The lines of the provision `at` of the draft `reg`, as the redline prints them."""
    unit = next((loc.unit for loc in drafts[reg].walk() if str(loc.address) == at), None)
    return _printed(unit, drafts[reg].language) if unit is not None else []


def _unheld(draft: Regulation, at: str, held: Counter[str]) -> str:
    """The one line of the draft's provision `at` (as printed) that no paragraph of the reply holds, or ""."""
    unit = next((loc.unit for loc in draft.walk() if str(loc.address) == at), None)
    lines = [line for line in _printed(unit, draft.language) if line.strip() and not held[_key(line)]] if unit else []
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
    readings = [(_key(text), "") for text in dict.fromkeys((p.before, p.original, ended)) if text.strip()]
    if not ended:
        readings.append((_key(p.original), "*"))
    for key, bare in readings:
        stop, found = uneven[1].get(key, ("", set())) if bare else ("", uneven[0].get(key, set()))
        if len(found) == 1:
            (reg, at, new), = found
            if new and held[_key(new)]:
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
