"""The paragraphs of provisions a draft inserts that a member rejected in a Word redline ("Reject" on a paragraph the
redline inserts whole: Word removes it, its mark with it), read by their absence. Pure core, used by `reply_rejected`.

Post-conditions of `missing`:
1. A provision the draft inserts (a clause, a point, an article: paragraphs the redline inserts whole), some or all
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
   that it may be it moved and retyped (`reply_moved`), it is not given: a note names its provision (`unsure_note`);
   but one standing alone there that reads, word for word, as the line before the draft the redline printed in it
   (Reject on the whole paragraph) is the old line kept in its place: given as the missing line, under its label.
"""

from __future__ import annotations

import difflib
from collections import Counter

from regdraft.core.markdown_writer import unit_label_text
from regdraft.core.model import Kind, Regulation
from regdraft.core.reply_drafted import line_key, printed_at, printed_lines, rewritten_lines
from regdraft.core.reply_model import ReplyParagraph, Texts
from regdraft.core.reply_moved import maybe_moved
from regdraft.core.reply_wording import lines_of

MOVED_LIKE = 0.75  # how alike (difflib's ratio of their keys) a paragraph elsewhere is to a line it may be, moved

_LOOKED_FOR = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)

def _drafted(base: Regulation | None, draft: Regulation) -> list[tuple[str, str, str, bool]]:
    """Each paragraph of a text as the redline prints it, in its order (a table's rows aside: a Word table's cells
    are no paragraphs of it): its line, the address of its provision, and that address again when the draft inserts
    the provision whole (an article, a clause or a point: a paragraph the redline inserts), or inserts the line in a
    provision it rewrites (`rewritten_lines`), or rewrites it there (then not `sure`: the line before there is no
    rejection read, and the line missing is named, never said rejected), else ""."""
    had = {str(loc.address) for loc in base.walk()} if base is not None else None
    _, added, _, paired = rewritten_lines(base, draft) if base is not None else ([], set(), [], set())
    out = []
    for loc in draft.walk():
        at = str(loc.address)
        # Only an article's, a clause's or a point's lines are looked for: a chapter's or an appendix's heading may be
        # printed on lines of its own (`Chương VIII`, then its title), which would read as missing when they are not.
        was = printed_at(base, draft).get(at, at) if base is not None else at
        new = had is not None and (was is None or was not in had) and not loc.unit.repealed and \
            loc.unit.kind in _LOOKED_FOR
        for line in printed_lines(loc.unit, draft.language):
            if line.strip() and not line.lstrip().startswith("|"):
                sure = new or (at, line_key(line)) in added
                out.append((line, at, at if sure or (at, line_key(line)) in paired else "", sure))
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
                out |= {line_key(label.rstrip(" .:")), line_key(loc.unit.title)}
    return out - {""}


def missing(paragraphs: list[ReplyParagraph], texts: Texts, bases: Texts
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
    held = Counter(line_key(p.original) for p in paragraphs if p.original.strip() and not p.cell[0])
    counted = Counter(line_key(line) for _, draft in texts for loc in draft.walk()
                      for line in printed_lines(loc.unit, draft.language))
    if not any(new and held[line_key(line)] < counted[line_key(line)] for _, line, _, new, _ in drafted):
        return [], [], []
    ours_at = [k for k, p in enumerate(paragraphs) if not p.cell[0] and line_key(p.original)]  # places in the reply
    ours = [line_key(paragraphs[k].original) for k in ours_at]
    theirs = [line_key(line) for _, line, _, _, _ in drafted]
    accounted = set(counted) | _headings(texts) | set(theirs)  # the words of a paragraph some text prints
    # … or the end of a line before the draft that the redline printed after the paragraphs it inserts (its word diff
    # across a rewritten provision: `) ngày làm việc …`, or its full stop alone), left there by Reject on them: no line
    # moved or retyped. Its beginning is not (the old line back, its end still struck out: Reject pressed on part of
    # it), nor is the whole line: back there, it is no rejection read, and the line missing beside it is named.
    old = "".join("\0" + line_key(line) + "\0" for _, base in bases for loc in base.walk()
                  for line in lines_of(loc.unit))
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
    # Beside it, a paragraph of the reply standing for none; elsewhere, one so like it that it may be it moved.
    moved = maybe_moved([(key, line_key(paragraphs[back[n]].original) if n in back else None)
                         for n, (*_, key) in enumerate(found)], loose, MOVED_LIKE)  # bounded (r44 sweep CI F3)
    for n, ((beside, sure, (reg, at, line), _), elsewhere) in enumerate(zip(found, moved, strict=True)):
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
    key = line_key(p.original)
    return bool(p.before.strip()) and line_key(p.before) == key and f"\0{key}\0" in old
