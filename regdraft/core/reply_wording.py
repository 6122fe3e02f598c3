"""The text of a Word reply matched to a provision's, and a reviewer's changes written as a proposal.

`fold` and `strip_label` make the keys paragraphs are matched by (lookalike letters, tone placement,
case, spacing and labels aside); `match_line` finds the line of a provision a reply paragraph is (as
written, as an instruction's quoted new text, or as a cell of a table's row); `wording` and
`proposed_text` write a provision with the reviewer's changes in place, as the wording editor writes it;
`describe_change` says in plain words what changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from regdraft.core.amend.proposal import editor_text, proposable
from regdraft.core.amend.quote import CLAUSE, POINT
from regdraft.core.labels import Kind, noun, written
from regdraft.core.model import TEXT_HEADINGS, Unit
from regdraft.core.text import nfc, tone_key
from regdraft.core.word_diff import DiffSegment, Op, diff_words

# -- matching text ----------------------------------------------------------------------------

# Letters that look Vietnamese but are not: Icelandic eth, Cyrillic and Greek capitals.
_LOOKALIKES = str.maketrans({
    "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T",
})


def fold(text: str) -> str:
    """A key for matching reply text to the draft: NFC, lookalikes read, tone placement, case and spacing folded."""
    return wording_key(text).casefold()


def wording_key(text: str) -> str:
    """A key for whether a reviewer changed a wording: as `fold`, but a capital is a change (`nhà nước` →
    `Nhà nước`, the State, was dropped as no change at all)."""
    text = unicodedata.normalize("NFC", nfc(text).translate(_LOOKALIKES))
    return " ".join(tone_key(text).split())


_LABEL = re.compile(r"^\s*(?:(?:Điều|Article)\s+\d+[a-z]*\s*[.:]?|\d+[a-z]*\s*[.-]|[a-zđ]\d*\s*[).])\s*",
                    re.IGNORECASE)


def strip_label(text: str) -> str:
    """A paragraph without its leading label (`2. `, `a) `, `Điều 5. `)."""
    return _LABEL.sub("", text, count=1)


# The close of quoted new text: `”`, `”.`, `”;` (or a straight quote), at the end of its last paragraph.
_CLOSING_QUOTE = re.compile(r"\s*[”\"][.;,]?\s*$")


def unquoted(text: str) -> str:
    """A paragraph of an instruction's quoted new text as the provision holds it: without the opening
    `“`, its label (`“Điều 35.`, `4.`) and the closing `”.` or `”;`."""
    text = text.strip()
    if text[:1] in "“\"":
        text = text[1:]
    return _CLOSING_QUOTE.sub("", strip_label(text)).strip()


def without_quotes(selection: str, opens: str, closes: str) -> str:
    """Words selected in an instruction's quoted new text without the quote marks of the amending document: the
    opening `“` when the selection starts where the paragraph `opens` does, the closing `”;` or `”.` when it
    ends where `closes` does (the paragraphs it starts and ends in). Whatever else was selected is kept."""
    lines = selection.split("\n")
    if lines[0][:1] in "“\"" and opens.strip().startswith(lines[0]):
        lines[0] = lines[0][1:].lstrip()
    if _CLOSING_QUOTE.search(lines[-1]) and closes.strip().endswith(lines[-1]):
        lines[-1] = _CLOSING_QUOTE.sub("", lines[-1])
    return "\n".join(lines).strip() or selection


def line_key(line: str) -> str:
    return fold(strip_label(line))


def match_line(keys: Sequence[str], text: str, lines: Sequence[str] = ()) -> tuple[int, bool, int] | None:
    """The line (of the folded `keys`) a reply paragraph is, whether it was read as quoted new text, and the
    cell it is when the line is a table's row (`lines`, as written: `| a | b |`; -1: the whole line). The
    review copy prints a table as a Word table, one paragraph a cell (Nghị định 63/2010's forms)."""
    for quoted, key in ((False, line_key(text)), (True, fold(unquoted(text)))):
        if key and key in keys:
            return keys.index(key), quoted, -1
    key = line_key(text)
    for at, line in enumerate(lines if key else ()):
        if line.lstrip().startswith("|"):
            cell = next((c for c, cell in enumerate(line.split("|")) if line_key(cell) == key), None)
            if cell is not None:
                return at, False, cell
    return None


def lines_of(unit: Unit) -> list[str]:
    """A unit's own paragraphs as lines: a table's rows each a line."""
    return [line for text in own_lines(unit) for line in text.split("\n")]


def label_of(line: str) -> str:
    """A line's leading label with the space after it (`4. `, `Điều 35. `), empty when it has none."""
    return line[:len(line) - len(strip_label(line))]


def opening_label(text: str) -> str:
    """A paragraph's leading label (`2. `), an opening quote of an instruction's quoted new text aside."""
    text = text.strip()
    return label_of(text[1:] if text[:1] in "“\"" else text)


def relabelled(old: str, new: str) -> str | None:
    """The label a reviewer's tracked change gave a paragraph (`3. ` where it was `2. `; empty when they struck it
    out), None when its label is as circulated or the paragraph was added or struck out whole."""
    if not old.strip() or not new.strip():
        return None
    before, after = opening_label(old), opening_label(new)
    return None if fold(before) == fold(after) else after


def renumbers(edit: Edit) -> bool:
    """Whether an edit changes the label of a clause or point (`2.` → `3.`), as a reviewer renumbers clauses."""
    return relabelled(edit.old, edit.new) is not None and any(
        new_kind(opening_label(text)) is not None for text in (edit.old, edit.new))


def new_kind(text: str) -> Kind | None:
    """The kind of provision a paragraph the reviewer added begins, by its label (`i) …` a point, `4. …` a clause)."""
    text = " ".join(text.split())
    if POINT.match(text):
        return Kind.POINT
    return Kind.CLAUSE if CLAUSE.match(text) else None


def own_lines(unit: Unit) -> list[str]:
    return [*([unit.title] if unit.title else []), *unit.text, *unit.closing]


# -- describing a proposal --------------------------------------------------------------------

WORDS = {
    "vi": {"replace": "thay “{a}” bằng “{b}”", "add": "bổ sung “{b}”", "delete": "bỏ “{a}”",
           "lead": "Đề nghị sửa như sau: {changes}.", "general": "Góp ý chung",
           "instruction": "Đề nghị sửa câu “{old}” của văn bản sửa đổi: {changes}.",
           "repeal": "Đề nghị bãi bỏ {what}.", "join": "gộp đoạn “{a}” với đoạn sau",
           "split": "xuống dòng trước “{b}”", "renumber": "đánh số lại {a} thành {b}"},
    "en": {"replace": "replace “{a}” with “{b}”", "add": "add “{b}”", "delete": "delete “{a}”",
           "lead": "Proposed wording: {changes}.", "general": "General",
           "instruction": "Proposed wording of the instruction “{old}”: {changes}.",
           "repeal": "Proposed: repeal {what}.", "join": "join the paragraph “{a}” to the next",
           "split": "start a new paragraph at “{b}”", "renumber": "renumber {a} as {b}"},
}


def describe_change(old: str, new: str, language: str = "vi", relabels: Sequence[tuple[str, str]] = ()) -> str:
    """A plain sentence of what changed between two texts, phrase by phrase (`thay “A” bằng “B”`), then the
    labels the reviewer changed (`relabels`: label as circulated, as they left it), `đánh số lại khoản 2 thành
    khoản 3`; `new` is then the text with its labels as circulated."""
    words = WORDS.get(language, WORDS["vi"])
    renumbered = [_renumbering(a, b, words, language) for a, b in relabels]
    return words["lead"].format(changes=_changes(old, new, words, renumbered))


def _named(label: str, language: str) -> str:
    """A label as a provision's name (`2.` → `khoản 2`, `a)` → `điểm a`), else as written."""
    label = " ".join(label.split())
    for pattern, kind in ((CLAUSE, Kind.CLAUSE), (POINT, Kind.POINT)):
        if match := pattern.match(label):
            return f"{noun(kind, language)} {written(kind, match.group(1) + (match.group(2) or ''), language)}" \
                if kind is Kind.POINT else f"{noun(kind, language)} {match.group(1)}"
    return label.rstrip(".:")


def _renumbering(old: str, new: str, words: dict[str, str], language: str) -> str:
    if not new.strip():
        return words["delete"].format(a=" ".join(old.split()))
    if not old.strip():
        return words["add"].format(b=" ".join(new.split()))
    return words["renumber"].format(a=_named(old, language), b=_named(new, language))


def describe_instruction_change(old: str, new: str, language: str = "vi") -> str:
    """A plain sentence of what a reviewer changed in an instruction's own words (not in its quoted new text)."""
    words = WORDS.get(language, WORDS["vi"])
    return words["instruction"].format(old=" ".join(old.split()), changes=_changes(old, new, words))


def _changes(old: str, new: str, words: dict[str, str], extra: Sequence[str] = ()) -> str:
    parts: list[str] = []
    deleted = ""
    segments = (*diff_words(old, new), DiffSegment(Op.EQUAL, ""))
    for k, segment in enumerate(segments):
        text = " ".join(segment.text.split())
        if segment.op is not Op.EQUAL and "\n" in segment.text and _rejoins(segments, k):
            # A paragraph break removed (two paragraphs joined) or typed (one split): said with the words around it.
            before = "".join(s.text for s in segments[:k] if s.op is not Op.INSERT).rsplit("\n", 1)[-1].split()
            following = (segment.text.rsplit("\n", 1)[-1] + "".join(s.text for s in segments[k + 1:]
                                                                      if s.op is not Op.DELETE)).split("\n")[0]
            parts.append(words["join"].format(a=_shortened(before[-6:], len(before) > 6, False))
                         if segment.op is Op.DELETE else
                         words["split"].format(b=_shortened(following.split()[:6], False, len(following.split()) > 6)))
        if segment.op is Op.DELETE:
            deleted = text
            continue
        if segment.op is Op.INSERT:
            parts.append(words["replace"].format(a=deleted, b=text) if deleted else words["add"].format(b=text))
        elif deleted:
            parts.append(words["delete"].format(a=deleted))
        deleted = ""
    return "; ".join([*(p for p in parts if "“”" not in p), *extra]) or words["replace"].format(a=old, b=new)


def _rejoins(segments: Sequence[DiffSegment], k: int) -> bool:
    """Whether a paragraph break deleted or inserted at segment `k` joins or splits paragraphs, words of the text
    both versions share following it on the same line (not a paragraph added or struck out whole)."""
    skipped = Op.INSERT if segments[k].op is Op.DELETE else Op.DELETE
    following = next((s for s in segments[k + 1:] if s.op is not skipped), None)
    preceding = next((s for s in reversed(segments[:k]) if s.op is Op.EQUAL or "\n" in s.text), None)
    return (following is not None and following.op is Op.EQUAL and bool(following.text.split("\n")[0].strip())
            and preceding is not None and preceding.op is Op.EQUAL and bool(preceding.text.rsplit("\n", 1)[-1].strip())
            and not segments[k].text.split("\n")[0].strip())


def _shortened(words: Sequence[str], cut_before: bool, cut_after: bool) -> str:
    """A few words quoted from a longer passage, `…` where it was cut."""
    return f"{'…' if cut_before else ''}{' '.join(words)}{'…' if cut_after else ''}"


@dataclass(frozen=True, slots=True)
class Edit:
    """A paragraph the reviewer changed: as circulated (empty when they added it), as they left it, and the
    text (as they left it) of the paragraph just before it, which says where an added paragraph goes."""

    old: str
    new: str
    after: str = ""


def wording(unit: Unit, anchor: str, language: str, labelled: bool = False) -> tuple[str, bool]:
    """The provision's text as a proposal on it states it, and whether its lines carry labels.

    A clause or point without points is its text (the anchor); an article or an appendix (its heading
    line first, `Phụ lục I. BIỂU MẪU …`), a provision holding points or clauses, or one the reviewer
    adds a labelled paragraph to (`labelled`), is written as the browser's wording editor writes it,
    a label on every line, so that accepting the proposal keeps its heading, points and clauses (a
    unit with a closing text has no such form).
    """
    if proposable(unit) and not unit.repealed and (labelled or unit.kind in TEXT_HEADINGS or unit.children):
        return editor_text(unit, language), True
    return anchor, False


def proposed_text(text: str, edits: Sequence[Edit], own: int, labelled: bool = False, relabel: bool = True) -> str:
    """A provision's `wording` (one paragraph a line) with the reviewer's changed paragraphs in place.

    A changed paragraph replaces the line it is, keeping the line's label unless the reviewer's tracked change
    changed that label (`relabel`; a split clause's followers renumbered): a labelled line, or any line of a
    labelled text, then takes the reviewer's label, as Word's "Accept all" reads it; it is read as quoted
    new text when only that matches (`“4. … ”.` in an instruction is the line `4. …`). An added
    paragraph follows the paragraph it was added after, else the provision's `own` first lines;
    it keeps its label when the lines carry labels (`labelled`: it is a new point or clause).
    A changed paragraph that is no line of the text is left out: it is not the provision's wording.
    """
    lines = text.split("\n") if text else []
    keys = [line_key(line) for line in lines]
    last = own - 1
    for edit in edits:
        found = match_line(keys, edit.old, lines) if edit.old.strip() else None
        if found is not None and found[2] >= 0:
            at, _, cell = found  # a table's cell: the row keeps its other cells, and stays when this one is emptied
            cells = lines[at].split("|")
            cells[cell] = f" {' '.join(edit.new.split())} " if edit.new.strip() else " "
            lines[at] = "|".join(cells)
            keys[at] = line_key(lines[at])
            last = max(last, at)
        elif found is not None:
            at, quoted, _ = found
            new = unquoted(edit.new) if quoted else strip_label(edit.new).strip()
            label = relabelled(edit.old, edit.new) if relabel else None
            if new:
                keep = label is None or not (labelled or label_of(lines[at]))
                lines[at] = (label_of(lines[at]) if keep else label or "") + new
                keys[at] = line_key(lines[at])
                last = max(last, at)
            else:
                del lines[at], keys[at]
                last = max(last - 1, at - 1)
        elif not edit.old.strip() and edit.new.strip():
            before = match_line(keys, edit.after, lines) if edit.after.strip() else None
            at = before[0] + 1 if before is not None else last + 1
            new = " ".join(edit.new.split()) if labelled else strip_label(edit.new).strip()
            lines.insert(at, new)
            keys.insert(at, line_key(new))
            last = max(last + 1, at)
    return "\n".join(lines)


def own_count(unit: Unit, labelled: bool) -> int:
    """How many lines of a provision's wording are its own paragraphs (before its points or clauses)."""
    if not labelled:
        return len(own_lines(unit))
    return 1 + len(unit.text) if unit.kind in TEXT_HEADINGS else max(1, len(unit.text))
