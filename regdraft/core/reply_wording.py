"""The text of a Word reply matched to a provision's, and a reviewer's changes written as a proposal.

`fold` and `strip_label` make the keys paragraphs are matched by (lookalike letters, tone placement,
case, spacing and labels aside); `match_line` finds the line of a provision a reply paragraph is (as
written, as an instruction's quoted new text, or as a cell of a table's row); `wording` and
`reply_proposed.proposed_text` write a provision with the reviewer's changes in place, as the wording editor writes it;
`describe_change` says in plain words what changed: paragraphs moved, joined or split, then words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from regdraft.core.amend.proposal import PROPOSABLE, editor_text, proposable
from regdraft.core.amend.quote import CLAUSE, POINT
from regdraft.core.labels import Kind, noun, written
from regdraft.core.model import TEXT_HEADINGS, Unit
from regdraft.core.reply_phrases import Syllables, addition, whole_number, widened
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


def paragraphs_key(text: str) -> str:
    """A key for whether a reviewer changed a provision's wording, paragraph by paragraph: as `wording_key`, but a
    paragraph split (Enter typed mid-paragraph, nothing else) is a change; blank lines are none."""
    return "\n".join(key for line in text.split("\n") if (key := wording_key(line)))


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
           "add_before": "bổ sung “{b}” vào trước “{c}”", "add_after": "bổ sung “{b}” vào sau “{c}”",
           "add_title_end": "bổ sung “{b}” vào cuối tên {c}",
           "lead": "Đề nghị sửa như sau: {changes}.", "general": "Góp ý chung",
           "instruction": "Đề nghị sửa câu “{old}” của văn bản sửa đổi: {changes}.",
           "repeal": "Đề nghị bãi bỏ {what}.", "join": "gộp đoạn “{a}” với đoạn sau",
           "split": "xuống dòng trước “{b}”", "renumber": "đánh số lại {a} thành {b}",
           "move": "chuyển {a} {where}", "move_after": "xuống sau {b}", "move_before": "lên trước {b}",
           "paragraph": "đoạn “{a}”", "row": "{change} tại dòng {row}"},
    "en": {"replace": "replace “{a}” with “{b}”", "add": "add “{b}”", "delete": "delete “{a}”",
           "add_before": "add “{b}” before “{c}”", "add_after": "add “{b}” after “{c}”",
           "add_title_end": "add “{b}” at the end of the title of {c}",
           "lead": "Proposed wording: {changes}.", "general": "General",
           "instruction": "Proposed wording of the instruction “{old}”: {changes}.",
           "repeal": "Proposed: repeal {what}.", "join": "join the paragraph “{a}” to the next",
           "split": "start a new paragraph at “{b}”", "renumber": "renumber {a} as {b}",
           "move": "move {a} {where}", "move_after": "down after {b}", "move_before": "up before {b}",
           "paragraph": "the paragraph “{a}”", "row": "{change} in the row {row}"},
}


def describe_change(old: str, new: str, language: str = "vi", relabels: Sequence[tuple[str, str]] = (),
                    syllables: Syllables | None = None) -> str:
    """A plain sentence of what changed between two texts: the paragraphs the reviewer moved (`chuyển điểm c xuống
    sau điểm d`), then phrase by phrase (`thay “A” bằng “B”`, `gộp đoạn “…” với đoạn sau`), then the labels the
    reviewer changed (`relabels`: label as circulated, as they left it), `đánh số lại khoản 2 thành khoản 3`;
    `new` is then the text with its labels as circulated (a moved paragraph's label is the reviewer's). A syllable
    replaced is quoted as the word it is one syllable of in the regulation's text (`syllables`: `thay “đặc biệt”
    bằng “đặc thù”`, not `“biệt”`), and words added are said with where they go (`bổ sung “các” vào trước “trường
    hợp”`; at the end of a line, `vào cuối tên Điều 15` or after the line's last words: `_added_where`)."""
    words = WORDS.get(language, WORDS["vi"])
    old, moves, moved_labels = _moves(old, new, words, language)
    renumbered = [_renumbering(a, b, words, language) for a, b in (*moved_labels, *relabels)]
    changes = [[*moves, *_parts(old, new, words, syllables, rows), *renumbered] for rows in (True, False)]
    said = [words["lead"].format(changes="; ".join(each) or words["replace"].format(a=old, b=new)) for each in changes]
    return Said(said[0], said[1], max(len(changes[1]), 1))


class Said(str):
    """A sentence `describe_change` makes, and `plain`: the same without the rows of a table it names, as regdraft
    before r39 wrote it. An imported comment's fingerprint (`replies.fingerprint`) keeps the plain one, so that a
    reply imported by an earlier version is known again and not imported twice. `phrases`: how many changes it names
    (`thay “A” bằng “B”` one; 0: not counted)."""

    plain: str
    phrases: int

    def __new__(cls, text: str, plain: str, phrases: int = 0) -> Said:
        made = super().__new__(cls, text)
        made.plain = plain
        made.phrases = phrases
        return made


def plain_said(text: str) -> str:
    """The sentence as regdraft before r39 wrote it (`Said.plain`); any other text as it is."""
    return text.plain if isinstance(text, Said) else text


# A point's label as a relabelled moved point may come back from LibreOffice, the old letter kept beside the new
# (`cd) …`: it drops a deletion inside a move).
_RUN_ON_LABEL = re.compile(r"^\s*[a-zđ]{2,3}\d*\s*\)\s*")


def _moved_label(line: str) -> str:
    """A paragraph's label as a move carries it: `label_of`'s, or a point's letters run together (`cd) `)."""
    label = label_of(line)
    found = _RUN_ON_LABEL.match(line) if not label.strip() else None
    return found.group(0) if found else label


def _line_key(line: str) -> str:
    """A paragraph's key for finding it moved: its words, its label and its end punctuation aside."""
    return fold(line[len(_moved_label(line)):]).rstrip(" ;.,:")


def _labelled_key(line: str) -> str:
    return f"{fold(_moved_label(line))} {_line_key(line)}"


def _moves(old: str, new: str, words: dict[str, str], language: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """The paragraphs of `old` the reviewer moved (struck out where they stood, the same words added elsewhere):
    `old` with each in its new place and under its new label (so that the words compared are the words changed),
    what each move is said as, and the labels they changed (as circulated, as the reviewer left it)."""
    import difflib

    lines, wanted = old.split("\n"), new.split("\n")
    keys, new_keys = [_line_key(line) for line in lines], [_line_key(line) for line in wanted]
    # Lined up with their labels: of two points swapped, the one that kept its label with its words stayed.
    codes = difflib.SequenceMatcher(None, [_labelled_key(line) for line in lines],
                                    [_labelled_key(line) for line in wanted], autojunk=False).get_opcodes()
    gone = [i for tag, i1, i2, _, _ in codes if tag in ("delete", "replace") for i in range(i1, i2)]
    came = [j for tag, _, _, j1, j2 in codes if tag in ("insert", "replace") for j in range(j1, j2)]
    kept = {j1 + d: i1 + d for tag, i1, i2, j1, _ in codes if tag == "equal" for d in range(i2 - i1)}  # new -> old
    said: list[str] = []
    labels: list[tuple[str, str]] = []
    order = list(range(len(lines)))
    for i in gone:
        j = next((j for j in came if keys[i] and new_keys[j] == keys[i]), None)
        if j is None:
            continue
        came.remove(j)
        before, after = kept.get(j - 1), kept.get(j + 1)
        if after is not None and after < i:
            where = words["move_before"].format(b=_called(lines[after], words, language))
            order.remove(i)
            order.insert(order.index(after), i)
        elif before is not None:
            where = words["move_after"].format(b=_called(lines[before], words, language))
            order.remove(i)
            order.insert(order.index(before) + 1, i)
        else:
            continue
        said.append(words["move"].format(a=_called(lines[i], words, language), where=where))
        if fold(_moved_label(lines[i])) != fold(_moved_label(wanted[j])):
            labels.append((_moved_label(lines[i]), _moved_label(wanted[j])))
        lines[i] = _moved_label(wanted[j]) + lines[i][len(_moved_label(lines[i])):]
    return "\n".join(lines[i] for i in order), said, labels


def _called(line: str, words: dict[str, str], language: str) -> str:
    """A paragraph as a move names it: by its label (`điểm c`), else by its first words."""
    label = label_of(line)
    if label.strip():
        return _named(label, language)
    return words["paragraph"].format(a=_shortened(line.split()[:6], False, len(line.split()) > 6))


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


def said_changes(old: str, new: str, language: str = "vi") -> str:
    """What changed between two texts, phrase by phrase, without the proposal's lead (`xuống dòng trước “…”`)."""
    return _changes(old, new, WORDS.get(language, WORDS["vi"]))


def _changes(old: str, new: str, words: dict[str, str]) -> str:
    return "; ".join(_parts(old, new, words)) or words["replace"].format(a=old, b=new)


def _parts(old: str, new: str, words: dict[str, str], syllables: Syllables | None = None,
           rows: bool = False) -> list[str]:
    """What changed from `old` to `new`, phrase by phrase; a paragraph break removed (two paragraphs joined) or
    typed (one split) is said with the words around it, then the words changed on each side of it. With `rows`, a
    change inside a table's row names the row (`tại dòng 3`)."""
    parts: list[str] = []
    segments = (*diff_words(old, new), DiffSegment(Op.EQUAL, ""))
    k = 0
    while k < len(segments):
        if segments[k].op is Op.EQUAL:
            k += 1
            continue
        j = next(j for j in range(k, len(segments)) if segments[j].op is Op.EQUAL)  # the change: k .. j-1
        said = len(parts)
        parts.extend(_change_parts(segments, k, j, old, words, syllables))
        row = _row_named(segments, k, j) if rows else ""
        if row:  # a form's blank (`………………`) stands in many rows: the row names which
            parts[said:] = [words["row"].format(change=part, row=row) for part in parts[said:]]
        k = j
    return parts


def _row_named(segments: Sequence[DiffSegment], k: int, j: int) -> str:
    """The row of a Markdown table the change `k` .. `j-1` stands in, named by its first cell (`3` for a form's
    STT, the first words of a longer one, quoted); "" when the change is not inside one row."""
    from regdraft.core.parts import table_rows

    changed = "".join(s.text for s in segments[k:j])
    before = "".join(s.text for s in segments[:k] if s.op is not Op.INSERT).rsplit("\n", 1)[-1]
    after = "".join(s.text for s in segments[j:] if s.op is not Op.INSERT).split("\n", 1)[0]
    line = before + "".join(s.text for s in segments[k:j] if s.op is Op.DELETE) + after
    if "\n" in changed or not line.lstrip().startswith("|"):
        return ""
    cells = [c for c in (table_rows(line) or [[]])[0] if c.strip()]
    if not cells:
        return ""
    first = cells[0].split()
    if len(first) == 1 and len(first[0]) <= 6:
        return first[0]
    return f"“{_shortened(first[:6], False, len(first) > 6)}”"


def _change_parts(segments: Sequence[DiffSegment], k: int, j: int, old: str, words: dict[str, str],
                  syllables: Syllables | None) -> list[str]:
    """What the change `k` .. `j-1` of `segments` (old to new) says, phrase by phrase (`_parts`)."""
    parts: list[str] = []
    deleted = "".join(s.text for s in segments[k:j] if s.op is Op.DELETE)
    inserted = "".join(s.text for s in segments[k:j] if s.op is Op.INSERT)
    joins = _rejoins(segments, k, j, deleted, inserted)
    if joins:
        earlier = "".join(s.text for s in segments[:k] if s.op is not Op.INSERT)
        if joins is Op.DELETE:
            before = (earlier + deleted.split("\n")[0]).rsplit("\n", 1)[-1].split()
            parts.append(words["join"].format(a=_shortened(before[-6:], len(before) > 6, False)))
        else:
            following = (inserted.rsplit("\n", 1)[-1] + "".join(
                s.text for s in segments[j:] if s.op is not Op.DELETE)).split("\n")[0].split()
            parts.append(words["split"].format(b=_shortened(following[:6], False, len(following) > 6)))
    if not joins and "\n" not in deleted + inserted and inserted.strip():
        # Whole words, and words added said with where they go (`regdraft.core.reply_phrases`).
        left, right = (segments[k - 1].text if k else "").rsplit("\n", 1)[-1], segments[j].text.split("\n", 1)[0]
        earlier = "".join(s.text for s in segments[:k] if s.op is not Op.INSERT)
        place = None if deleted.strip() else _added_where(inserted, left, right, earlier, old, syllables)
        if place is not None:
            parts.append(words[f"add_{place[0]}"].format(b=" ".join(inserted.split()), c=place[1]))
            return parts
        if deleted.strip():
            deleted, inserted = widened(" ".join(deleted.split()), " ".join(inserted.split()),
                                        left, right, syllables)
            deleted, inserted = whole_number(deleted, inserted, left, right, old)
    pairs = _around_break(deleted, inserted, joins) if joins else [(deleted, inserted)]
    for a, b in pairs:
        a, b = " ".join(a.split()), " ".join(b.split())
        if a or b:
            parts.append(words["replace"].format(a=a, b=b) if a and b else
                         words["add"].format(b=b) if b else words["delete"].format(a=a))
    return parts


# The heading line an article's or appendix's wording starts with: `Điều 15. Title`, `Phụ lục I. TITLE`.
_HEADING = re.compile(r"((?:Điều|Article|Phụ lục|Appendix)\s+\w+)\.\s+\S")


def _added_where(added: str, before: str, after: str, earlier: str, provision: str,
                 syllables: Syllables | None) -> tuple[str, str] | None:
    """Where words added go: `addition`'s place (`before` and `after` the unchanged text on their line either side
    of them; `earlier` the text as circulated up to them). At the end of a line a reader is told where too, though
    no few words before them stand once in the provision (the words of a title the lead-in repeats): at the end of
    the title of the article (appendix) whose heading the provision's first line is (`title_end`, `Điều 15`:
    `vào cuối tên Điều 15`), else after as many of the line's last words as stand once in it."""
    if after.strip():
        return addition(added, before, after, provision, syllables)
    line = earlier.rsplit("\n", 1)[-1]
    if "\n" not in earlier and (heading := _HEADING.match(line)):
        return "title_end", " ".join(heading.group(1).split())
    return addition(added, before, after, provision, syllables) or addition(added, before, after, provision,
                                                                            syllables, widest=None)


_WORD = re.compile(r"\w")


def _rejoins(segments: Sequence[DiffSegment], k: int, j: int, deleted: str, inserted: str) -> Op | None:
    """Whether the change of segments `k` to `j` (exclusive) joins two paragraphs (`Op.DELETE`: a break deleted)
    or splits one (`Op.INSERT`), None when neither: a break on one side alone, with words both versions share on
    its line before the change and after it (not a paragraph added or struck out whole)."""
    if ("\n" in deleted) == ("\n" in inserted) or deleted.count("\n") + inserted.count("\n") > 1:
        return None
    before, after = (segments[k - 1].text if k else ""), segments[j].text
    if not (_WORD.search(before.rsplit("\n", 1)[-1]) and _WORD.search(after.split("\n", 1)[0])):
        return None
    return Op.DELETE if "\n" in deleted else Op.INSERT


# A word, a label (`b)`, `2.`) or a punctuation mark.
_PIECE = re.compile(r"\w+[).](?=\s|$)|\w+|[^\w\s]")


def _around_break(deleted: str, inserted: str, joins: Op) -> list[tuple[str, str]]:
    """The words changed on each side of a paragraph break joined or split, as (was, now) pairs: the text on the
    side of the break is compared with the other side's text, the break between them, words that differ only in
    case (`Thi` → `thi`) a change. Words put in where the break stood go with the text before it."""
    import difflib

    broken, other = (deleted, inserted) if joins is Op.DELETE else (inserted, deleted)
    halves = broken.split("\n", 1)
    # Each piece: its text, the half it is in (-1: the break), where it stands there.
    side = [*((m.group(), 0, m.span()) for m in _PIECE.finditer(halves[0])), ("\n", -1, (0, 0)),
            *((m.group(), 1, m.span()) for m in _PIECE.finditer(halves[1]))]
    theirs = [(m.group(), m.span()) for m in _PIECE.finditer(other)]
    pairs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, [p[0].casefold() for p in side], [p[0].casefold() for p in theirs],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [(a[0], b[0]) for a, b in zip(side[i1:i2], theirs[j1:j2], strict=True) if a[0] != b[0]]
            continue
        now = other[theirs[j1][1][0]:theirs[j2 - 1][1][1]] if j2 > j1 else ""
        was = []
        for half in (0, 1):
            run = [p[2] for p in side[i1:i2] if p[1] == half]
            was.append(halves[half][run[0][0]:run[-1][1]] if run else "")
        pairs += [(was[0], now), (was[1], "")] if was[0] else [(was[1], now)]
    return [(b, a) for a, b in pairs] if joins is Op.INSERT else pairs


def _shortened(words: Sequence[str], cut_before: bool, cut_after: bool) -> str:
    """A few words quoted from a longer passage, `…` where it was cut."""
    return f"{'…' if cut_before else ''}{' '.join(words)}{'…' if cut_after else ''}"


@dataclass(frozen=True, slots=True)
class Edit:
    """A paragraph the reviewer changed: as circulated (empty when they added it), as they left it, and the
    text (as they left it) of the paragraph just before it, which says where an added paragraph goes. A table's
    cell carries its place: the words of each cell of its row as circulated (`row`) and the cell of that row (`column`,
    from 1; 0: no table's), and the row of its table (`row_number`, from 1), so its row and cell are found by where
    it stands, not by its words (an empty cell, or two cells reading alike)."""

    old: str
    new: str
    after: str = ""
    row: tuple[str, ...] = ()
    column: int = 0
    row_number: int = 0


def wording(unit: Unit, anchor: str, language: str, labelled: bool = False) -> tuple[str, bool]:
    """The provision's text as a proposal on it states it, and whether its lines carry labels.

    A clause or point without points is its text (the anchor); an article or an appendix (its heading
    line first, `Phụ lục I. BIỂU MẪU …`), a provision holding points or clauses, or one the reviewer
    adds a labelled paragraph to (`labelled`), is written as the browser's wording editor writes it,
    a label on every line, so that accepting the proposal keeps its heading, points and clauses (a
    unit with a closing text has no form the editor reads back: it is written so all the same, its closing text
    after its points, unlabelled, for the office to read; accepting it is refused).
    """
    if proposable(unit) and not unit.repealed and (labelled or unit.kind in TEXT_HEADINGS or unit.children):
        return editor_text(unit, language), True
    if unit.kind in PROPOSABLE and not unit.repealed and unit.children:
        return editor_text(unit, language, closing=True), True
    return anchor, False
