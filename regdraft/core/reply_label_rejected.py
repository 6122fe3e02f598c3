"""A Word redline's own change of a label rejected alone: the member pressed Reject on a label the draft gives, or
takes away, and not on the words after it. Pure core, used by `replies.comments_from_reply`.

A provision's label follows from its place (the draft numbers what it inserts after what it keeps, and renumbers what
follows), and a label without its words, or words without their label, is no wording an amending document can hold:
so no proposal is made of it (keeping the old label `2.` where the draft inserts a new khoản 2 before it would number
two clauses alike). Word's Reject with the cursor in a change rejects the whole change, the paragraph's words with its
label; a label alone is a selection the member made, which the office should read. It is named in a note, never passed
over unsaid, and never guessed into a rejection of the provision.

Post-conditions of `label_notes`:
1. A paragraph of the reply whose words (labels and the punctuation after them aside) read as one line of the draft
   that opens with a label, whose label differs from that line's, where the redline printed another label before the
   draft (none, for a provision the draft inserts; the old one, for one it renumbers), has one note: the label the
   draft gives rejected alone (`g)` gone), or the old label kept beside it (`2.3. …`).
2. A paragraph holding only a label, whose words before the draft read as a line the draft leaves out, has one note:
   that label kept alone, its words still struck out.
3. A paragraph already read as a rejection of the draft's change (`reply_rejected`: `undone`) has none; neither has a
   reply on no redline (no `bases`), a paragraph of a table, one the redline printed unchanged (a chapter's title
   reading as an article's), or one whose label is as the draft's.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from regdraft.core.labels import Kind
from regdraft.core.model import Address
from regdraft.core.reply_drafted import printed_lines
from regdraft.core.reply_model import ReplyParagraph, Texts
from regdraft.core.reply_wording import fold, label_of, lines_of, strip_label

_KINDS = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)
_LEAD = re.compile(r"^[\s.:)\-]+")


def label_words(text: str) -> str:
    """A line's words as matched here: its labels (one kept beside another: `2.3. …`) and the punctuation after them
    aside, folded, spaces left out."""
    text = text.strip()
    for _ in range(3):
        rest = _LEAD.sub("", strip_label(text))
        if rest == text:
            break
        text = rest
    return re.sub(r"\s+", "", fold(text))


def _label(text: str) -> str:
    return re.sub(r"\s+", "", label_of(text.strip()))


def _first_lines(texts: Texts) -> dict[str, set[tuple[str, str, str]]]:
    """Each provision's first line as a redline prints it, by its words: its text, address and label."""
    out: dict[str, set[tuple[str, str, str]]] = {}
    for reg, text in texts:
        for loc in text.walk():
            if loc.unit.kind in _KINDS and not loc.unit.repealed and lines_of(loc.unit):
                line = printed_lines(loc.unit, text.language)[0]
                if _label(line) and label_words(line):
                    label = label_of(line.strip()).strip()
                    out.setdefault(label_words(line), set()).add((reg, str(loc.address), label))
    return out


def label_notes(paragraphs: tuple[ReplyParagraph, ...], texts: Texts, bases: Texts, undone: Collection[int],
                source: str) -> list[str]:
    """The notes for labels of a Word redline's own changes rejected alone (docstring)."""
    if not bases:
        return []
    language = texts[0][1].language if texts else "vi"
    drafted, before = _first_lines(texts), _first_lines(bases)
    kept = {(reg, str(loc.address)) for reg, text in texts for loc in text.walk() if not loc.unit.repealed}
    notes = []
    for i, p in enumerate(paragraphs):
        if i in undone or p.cell[0] or not p.original.strip() or p.before.strip() and p.before == p.original:
            continue  # … or a paragraph the redline printed unchanged: its words as before the draft
        if p.part.strip() and (not p.original.strip() or strip_label(p.original).strip()):
            continue  # part of a line the redline splits or joins: its label may stand in the paragraph beside it
        now, words = label_of(p.original.strip()).strip(), label_words(p.original)
        found = drafted.get(words, set()) if words else set()
        if len(found) == 1:
            (_, at, label), = found
            printed = _label(p.before) if p.before.strip() else ""
            if _label(p.original) == re.sub(r"\s+", "", label) or printed == re.sub(r"\s+", "", label):
                continue
            what = Address.parse(at).describe(language)
            notes.append(f"In {source}, the old label “{now}” of {what} was kept beside the draft's “{label}” (Reject "
                         "pressed on the old label's deletion alone). " + _NOTHING if now else
                         f"In {source}, the label “{label}” the draft gives {what} was rejected alone, its words kept "
                         "as drafted (Reject pressed on the label alone). " + _NOTHING)
        elif not words and now and (p.before.strip() or p.part.strip()):
            was = before.get(label_words(p.before or p.part), set())
            if len(was) == 1 and not any((reg, at) in kept for reg, at, _ in was):
                (_, at, _), = was
                what = Address.parse(at).describe(language)
                notes.append(f"In {source}, the label “{now}” of {what} as it stood before the draft, which the draft "
                             "leaves out, was kept alone, its words still struck out (Reject pressed on the label's "
                             "deletion alone). " + _NOTHING)
    return notes


_NOTHING = ("A label follows from the provision's place, and a label without its words is no wording, so nothing is "
            "imported for it; if the member meant to reject the draft's change there, add a comment by hand.")

