"""Each side's paragraphs whole in a marked text, and which printed paragraphs carry the change bar.

A provision's paragraphs are compared as one text (`regdraft.core.diff`), so a paragraph break one side alone
has can fall inside a deleted or inserted run: Nghị định 48/2013 split a paragraph of Điều 15 of Nghị định
63/2010 in two, and the comparison kept the old paragraph's `) ngày làm việc …` as the end of the new second
one, the old one cut after `10 (mười` and its last words printed as unchanged text of the next paragraph.
Printed line by line, neither side read as written. `regrouped` cuts the comparison at the breaks both sides
share; in each stretch between two of them where the sides have other breaks, it pairs each old paragraph with
a new one that reads alike (`core.align.similarity`, at least `CONFIRM`), compares the two word by word, and
prints the others deleted or inserted whole, each a paragraph of its own: a paragraph rewritten throughout reads
better struck out whole above its new wording than as words of both interleaved, and a reviewer sees which
paragraph became which.

Post-conditions of `regrouped(segments)`:
1. The old text is the equal and deleted runs, the new the equal and inserted runs, as before
   (`word_diff.diff_words`, post-condition 1).
2. Cut into lines (`table_diff.lines`), each line is, on each side, one whole paragraph of that side or nothing:
   a redline's paragraphs with the insertions dropped are the old paragraphs, with the deletions dropped the new
   ones. A paragraph of one side only has a line of its own, unless nothing of the stretch pairs (its last old
   paragraph deleted and its first new one inserted then share one).
3. With `labelled` (a clause's or a point's text, printed after its label), the first line holds both sides'
   first paragraphs, so that the label begins the first paragraph of each.
4. A stretch with one paragraph on each side, or holding a table's row (`table_diff.table_grid` pairs rows), is
   kept as the comparison marked it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from markupsafe import Markup, escape

from regdraft.core.align import CONFIRM, similarity
from regdraft.core.diff import Provision
from regdraft.core.item_ends import only_end_differs
from regdraft.core.table_diff import pairs
from regdraft.core.word_diff import DiffSegment, Op, diff_words

_BREAK = {(True, True): Op.EQUAL, (True, False): Op.DELETE, (False, True): Op.INSERT}


def regrouped(segments: Sequence[DiffSegment], labelled: bool = False) -> tuple[DiffSegment, ...]:
    """`segments` with each side's paragraphs whole (the module's post-conditions)."""
    if not any(s.op is not Op.EQUAL and "\n" in s.text for s in segments):
        return tuple(segments)
    out: list[DiffSegment] = []
    for k, stretch in enumerate(_stretches(segments)):
        if k:
            out.append(DiffSegment(Op.EQUAL, "\n"))
        out.extend(_regrouped(stretch, labelled and k == 0))
    return tuple(out)


def _stretches(segments: Sequence[DiffSegment]) -> Iterator[list[DiffSegment]]:
    """The runs between the line breaks both sides have (equal ones), without those breaks."""
    stretch: list[DiffSegment] = []
    for seg in segments:
        if seg.op is not Op.EQUAL or "\n" not in seg.text:
            stretch.append(seg)
            continue
        pieces, olds = seg.text.split("\n"), seg.old_text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                yield stretch
                stretch = []
            if piece:
                old = olds[k] if len(olds) == len(pieces) and olds[k] != piece else None
                stretch.append(DiffSegment(Op.EQUAL, piece, old))
    yield stretch


def _regrouped(stretch: list[DiffSegment], first_paired: bool) -> list[DiffSegment]:
    old = "".join(s.old_text for s in stretch if s.op is not Op.INSERT)
    new = "".join(s.text for s in stretch if s.op is not Op.DELETE)
    if "\n" not in old + new or any(_row(p) for p in (*old.split("\n"), *new.split("\n"))):
        return stretch
    olds, news = old.split("\n") if old else [], new.split("\n") if new else []
    items = [(olds[0], news[0]), *pairs(olds[1:], news[1:], _alike)] if first_paired and olds and news \
        else pairs(olds, news, _alike)
    out: list[DiffSegment] = []
    for k, ((o, n), between) in enumerate(zip(items, (None, *_breaks(items)), strict=True)):
        if k and between is not None:
            out.append(DiffSegment(between, "\n"))
        if o is not None and n is not None:
            out.extend(diff_words(o, n) if o != n else (DiffSegment(Op.EQUAL, n),))
        elif o or n:
            out.append(DiffSegment(Op.DELETE, o) if o else DiffSegment(Op.INSERT, n or ""))
    return out


def _breaks(items: Sequence[tuple[str | None, str | None]]) -> list[Op | None]:
    """How the line break between each two of `items` is marked: each side has one between each two of its
    paragraphs, placed where the other side has none if it can be; None where neither side has one."""
    old_at, new_at = [False] * (len(items) - 1), [False] * (len(items) - 1)
    spans: list[tuple[int, int, list[bool]]] = []
    for marks, side in ((old_at, 0), (new_at, 1)):
        at = [k for k, item in enumerate(items) if item[side] is not None]
        spans.extend((p, q, marks) for p, q in zip(at, at[1:], strict=False))
    for p, q, marks in sorted(spans, key=lambda span: span[1] - span[0]):  # the breaks with one place first
        free = [b for b in range(p, q) if not (old_at[b] or new_at[b])]
        marks[free[0] if free else q - 1] = True
    return [_BREAK.get(both) for both in zip(old_at, new_at, strict=True)]


def _alike(old: str, new: str) -> bool:
    return similarity(old, new) >= CONFIRM


def _row(paragraph: str) -> bool:
    return paragraph.lstrip().startswith("|")


def shows_change(html: str) -> bool:
    """Whether a printed paragraph of a redline shows a change: words inserted, deleted or moved, or a note on
    its label. Only such a paragraph carries the change bar (the legend: `đoạn có thay đổi`); an unchanged
    paragraph of a changed provision has none."""
    return any(mark in html for mark in ('<ins class="', '<del class="', '<span class="mv'))


def bar(changed: object, html: str) -> str:
    """The change bar's class (` chg`) for a paragraph of a changed provision (`changed`) that shows a change."""
    return " chg" if changed and shows_change(html) else ""


def relabelled(old: str, new: str, side: str, note: Markup, moved: bool) -> Markup:
    """A label on both sides: the new one (double underlined where a moved provision now stands), then the note
    saying where it came from; with no note (the provision's words changed too: a renumbering note says the
    words did not), the old label deleted and the new one inserted."""
    if side == "old":
        return escape(old)
    if side == "new" or old == new and not moved:
        return escape(new)
    if not note and not moved:
        return Markup(f'<del class="del">{escape(old)}</del> <ins class="ins">{escape(new)}</ins>')
    label = Markup(f'<span class="mv">{escape(new)}</span>') if moved else escape(new)
    return label + Markup(" ") + note if note else label


def renumbered_only(p: Provision) -> bool:
    """Whether a provision under a new label kept its own words (what the note `(đánh số lại từ …)` says): its
    title, text and closing text as they were, or only the end of its text changed (`.` for `;` where a point is
    added after it: `core.item_ends.only_end_differs`)."""
    if not any(s.op is not Op.EQUAL for s in (*p.title, *p.text, *p.closing)):
        return True
    if p.old is None or p.new is None:
        return False
    return only_end_differs(replace(p.old, label=p.new.label, children=()), replace(p.new, children=()))
