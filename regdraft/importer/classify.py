"""Turn the body paragraphs of a document into the unit tree of a `Regulation`.

Post-conditions of `classify`:
1. Every paragraph is placed: as a heading (part, chapter, section, sub-section, article), a clause, a
   point, a dash sub-point, a table, or plain text of the unit most recently opened (the
   preamble before any heading), following the rules of docs/format.md.
2. Labels are kept as written (a gap or a repeated number stays); only their spelling is made
   canonical (`Chương 1:` -> chapter `I`, `a-` -> `a)`, `1-` -> `1.`).
3. A paragraph that looks like a label but cannot be one where it stands (a clause before any
   article, a number far out of sequence, text inside a quotation) is kept as plain text, with
   its Markdown escaped so it reads back as text, and a note saying why.
4. Text paragraphs are escaped so that `markdown.parse(markdown_writer.render(tree))` gives back the
   same tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.labels import point_alphabet, written
from regdraft.core.model import (
    Kind,
    OpenUnit,
    Unit,
    base_label,
    chapter_label,
    from_roman,
    label_order,
    noun,
    part_label_from_text,
)
from regdraft.core.text import fold_letters, folded_letters
from regdraft.importer.report import Note, Paragraph

_KEYWORDS = {
    "vi": {"phần": Kind.PART, "chương": Kind.CHAPTER, "mục": Kind.SECTION, "tiểu mục": Kind.SUBSECTION,
           "điều": Kind.ARTICLE},
    "en": {"part": Kind.PART, "chapter": Kind.CHAPTER, "section": Kind.SECTION, "sub-section": Kind.SUBSECTION,
           "subsection": Kind.SUBSECTION, "article": Kind.ARTICLE},
}
_HEADING = re.compile(
    r"^(?P<kw>phần|chương|tiểu\s+mục|mục|điều|part|chapter|sub-?section|section|article)\s+"
    r"(?P<label>thứ\s+\w+|\d+[a-z]?|[IVXLCDM]+\b|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s*(?P<sep>[.:\-–—])?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"^(?P<label>\d{1,3}[a-z]?)\s?(?P<sep>[.\-)])(?:\s+|$|(?=[^\W\d_]))(?P<text>.*)$")
_POINT = re.compile(r"^\(?(?P<label>dd|[a-zđ])(?P<suffix>\d*)\s?(?P<sep>[)\-.])(?:\s+|$)(?P<text>.*)$")
# A star is a bullet only with a space after it: `*Ghi chú: …` opens with a note's mark, printed as it stands.
_DASH = re.compile(r"^(?P<mark>[-–—−•·∙◦▪+]|\*(?=\s))\s*(?P<text>.*)$")
_DECORATIVE = re.compile(r"^[-–—_=*~.·•|:\s]+$")

_ORDER = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)


def decorative(text: str) -> bool:
    """True for a line of rules or asterisks (`--------`, `*`, `***`) that carries no words."""
    return bool(_DECORATIVE.match(text))


# Markdown that would read a text paragraph as something else: a clause or a point, a list,
# a heading, a quotation, a code fence or a link definition.
_AS_CLAUSE = re.compile(r"^(\d+[a-z]?)\\?([.)])(?=\s|$)")
_AS_POINT = re.compile(r"^(dd|[a-zđ]\d*)\)(?=\s|$)")
_AS_BLOCK = re.compile(r"^(?:[*+\-](?=\s|$)|#{1,6}(?=\s|$)|>|```|~~~|\[[^\]]*\]:)")


def literal(text: str, item: bool = False) -> str:
    """Escape a paragraph so that the Markdown reader takes it as plain text, nothing more; with `item`, the words
    of a dash item after its mark, whose own first mark is a word (`- 0 …` of the line `- - 0 …`)."""
    if text.startswith(("- ", "+ ")):
        # A second marker would open a list inside the first: `- - 0` reads back as `- 0`: written `- \- 0`.
        return "\\" + text if item else text[:2] + literal(text[2:], item=True)
    clause = _AS_CLAUSE.match(text)
    if clause:
        label, mark = clause.groups()
        if mark == ")" and not label.isdigit():
            return text
        # `1\.` is how the format writes a clause, so a literal number takes an entity.
        escaped = r"\)" if mark == ")" else "&#46;"
        return label + escaped + text[clause.end():]
    point = _AS_POINT.match(text)
    if point:
        return point.group(1) + "\\" + text[point.end(1):]
    if _AS_BLOCK.match(text):
        return "\\" + text
    return text


def table_markdown(rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table for rows of cells; the first row is the header row."""
    width = max((len(r) for r in rows), default=0) or 1
    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")
    lines = []
    for i, row in enumerate(rows or [[""]]):
        cells = [cell(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join([" --- "] * width) + "|")
    return "\n".join(line.replace("|  |", "| |") for line in lines)


@dataclass
class _State:
    language: str
    notes: list[Note]
    preamble: list[str] = field(default_factory=list)
    top: list[OpenUnit] = field(default_factory=list)
    stack: dict[Kind, OpenUnit] = field(default_factory=dict)
    articles: int = 0
    quote_depth: int = 0
    quote_start: int = 0
    arabic_chapters: list[int] = field(default_factory=list)
    word_labels: int = 0  # clause and point labels written as words (`Khoản 1.`, `Điểm a.`)
    bracketed: OpenUnit | None = None  # the article whose clauses are numbered `(1)`, `(2)` (English), if any
    sub_item: tuple[OpenUnit, int] | None = None  # the point of the last `(ii)` read under one (English), its number
    alphabet: str = "vi"  # the points' (`point_alphabet`): a to z in English until a point is lettered `dd`


def classify(
    paragraphs: Sequence[Paragraph], language: str, notes: list[Note]
) -> tuple[tuple[str, ...], tuple[Unit, ...]]:
    """Build the preamble and the units from body paragraphs, appending notes about them."""
    state = _State(language, notes, alphabet=point_alphabet(language))
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        i += 1
        if para.rows is not None:
            _text(state, table_markdown(para.rows))
            continue
        if para.closing and _closing_text(state, para):
            _track_quotes(state, para)
            continue
        if state.quote_depth > 0 and not _closes_quote(state, para):
            _text(state, literal(para.text))
            _track_quotes(state, para)
            continue
        para = _folded_start(para, language, notes)
        heading = _heading(para, language)
        if heading is not None:
            kind, label, title = heading
            untitled = title is None and kind is not Kind.ARTICLE
            if untitled and i < len(paragraphs) and _title_like(paragraphs[i], language):
                title = paragraphs[i].text
                i += 1
            _open_heading(state, kind, label, title, para)
        elif not _labelled(state, para):
            dash = _DASH.match(para.text)
            if dash and dash.group("text") and not decorative(para.text):
                marker = "+ " if dash.group("mark") == "+" else "- "
                _text(state, marker + literal(dash.group("text"), item=True))
            else:
                _text(state, literal(para.text))
        _track_quotes(state, para)
    if state.arabic_chapters:
        notes.append(Note(state.arabic_chapters[0], "info",
                          f"{counted(len(state.arabic_chapters), 'chapter')} "
                          f"{'was' if len(state.arabic_chapters) == 1 else 'were'} numbered in Arabic numerals "
                          f"(`{noun(Kind.CHAPTER, language)} 1:`); they are written in Roman numerals, "
                          "as the format requires."))
    units = tuple(node.freeze(language) for node in state.top)
    return tuple(state.preamble), units


_START = re.compile(r"^\S+(?:\s+[^\s.:\-–—)]+)?")


def _folded_start(para: Paragraph, language: str, notes: list[Note]) -> Paragraph:
    """The paragraph with its first words (keyword and label) read after folding lookalike
    letters (`Ðiều 5` with U+00D0), when only that makes it a heading, a clause or a point.

    The rest of the text keeps the source letters; the note names the line and the letters.
    """
    text = para.text
    if text.isascii():
        return para
    start = _START.match(text)
    if start is None:
        return para
    head = start.group(0)
    folded = fold_letters(head)
    if folded == head:
        return para
    candidate = Paragraph(folded + text[len(head):], para.where, para.rows, para.heading)
    if _heading(candidate, language) is None and not _CLAUSE.match(candidate.text) \
            and not _POINT.match(candidate.text):
        return para
    notes.append(Note(para.where, "letters", f"Read as «{folded}» after folding {'; '.join(folded_letters(head))}; "
                      "the rest of the text keeps the source letters (normalising the letters, "
                      f"`{Command.option(normalise_letters=True)}`, replaces them).", text))
    return candidate


def _closing_text(state: _State, para: Paragraph) -> bool:
    """A paragraph the source marks as the closing text of the open article or clause joins it."""
    holder = state.stack.get(Kind.ARTICLE if para.closing == "article" else Kind.CLAUSE)
    if holder is None or not holder.children:
        return False
    holder.closing.append(literal(para.text))
    return True


def _track_quotes(state: _State, para: Paragraph) -> None:
    opened = para.text.count("“") - para.text.count("”")
    if state.quote_depth == 0 and opened > 0:
        state.quote_start = para.where
    state.quote_depth = max(0, state.quote_depth + opened)


def _closes_quote(state: _State, para: Paragraph) -> bool:
    """A quotation never closed must not swallow the rest: the next article heading ends it."""
    heading = _heading(para, state.language)
    if heading is None or heading[0] is not Kind.ARTICLE:
        return False
    if label_order(Kind.ARTICLE, heading[1])[0] != state.articles + 1:
        return False
    state.notes.append(Note(state.quote_start, "info",
                            "A quotation opened here (“) is not closed (”) before the next article; "
                            "the article heading ends it."))
    state.quote_depth = 0
    return True


def _heading(para: Paragraph, language: str) -> tuple[Kind, str, str | None] | None:
    match = _HEADING.match(para.text)
    if match is None:
        return None
    kind = _KEYWORDS[language].get(" ".join(match.group("kw").lower().split()))
    if kind is None:
        return None
    raw, sep, title = match.group("label"), match.group("sep"), match.group("title").strip()
    if title and not sep and not (title.upper() == title or para.heading):
        return None  # `Điều 5 của Luật này ...` is a sentence, not a heading
    label = _canonical_label(kind, raw)
    if label is None:
        return None
    return kind, label, title or None


def _canonical_label(kind: Kind, raw: str) -> str | None:
    if kind is Kind.PART:
        roman = from_roman(raw)
        return str(roman) if roman else part_label_from_text(raw)
    if kind is Kind.CHAPTER:
        return chapter_label(raw)
    if kind in (Kind.SECTION, Kind.SUBSECTION):
        roman = from_roman(raw)
        return raw if raw.isdigit() else (str(roman) if roman else None)
    return raw.lower() if re.match(r"^\d+[a-z]?$", raw, re.I) else None


def _title_like(para: Paragraph, language: str) -> bool:
    """The paragraph after `Chương I` is its title when it is capitals or a short phrase."""
    text = para.text
    if para.rows is not None or _heading(para, language) or _CLAUSE.match(text) or decorative(text):
        return False
    return text.upper() == text or para.heading or (len(text) < 120 and not text.endswith((".", ";", ":", ",")))


def _open_heading(state: _State, kind: Kind, label: str, title: str | None, para: Paragraph) -> None:
    if kind is Kind.SUBSECTION and Kind.SECTION not in state.stack:
        # A sub-section (tiểu mục) divides a section: with none open, its heading stays text, as it stood.
        state.notes.append(Note(para.where, "unclassified",
                                f"This looks like {noun(kind, state.language)} {label} but stands outside any "
                                f"{noun(Kind.SECTION, state.language)}; kept as text.", para.text))
        _text(state, literal(para.text))
        if title is not None and title not in para.text:
            _text(state, literal(title))  # the title line read after the heading
        return
    for k in _ORDER[_ORDER.index(kind):]:
        state.stack.pop(k, None)
    node = OpenUnit(kind, label, title, para.where)
    parent: OpenUnit | None = None
    if kind is Kind.SECTION:
        parent = state.stack.get(Kind.CHAPTER)
    elif kind is Kind.SUBSECTION:
        parent = state.stack.get(Kind.SECTION)
    elif kind is Kind.CHAPTER:
        parent = state.stack.get(Kind.PART)
        if re.match(r"^\S+\s+\d", para.text):
            state.arabic_chapters.append(para.where)
    elif kind is Kind.ARTICLE:
        parent = (state.stack.get(Kind.SUBSECTION) or state.stack.get(Kind.SECTION) or state.stack.get(Kind.CHAPTER)
                  or state.stack.get(Kind.PART))
        state.articles = max(state.articles, label_order(kind, label)[0])
    (parent.children if parent else state.top).append(node)
    state.stack[kind] = node


def _word_label(language: str, text: str) -> tuple[Kind, str, str] | None:
    """A clause or point label written as a word (`Khoản 1. …`, `Điểm a. …`, some internal regulations write
    them so): its kind, label and text; None for anything else (`Khoản 1 Điều 5 được sửa đổi …` has no full stop)."""
    for kind, label in ((Kind.CLAUSE, r"\d{1,3}[a-z]?"), (Kind.POINT, r"dd|[a-zđ]\d*")):
        found = re.match(rf"^{noun(kind, language)}\s+({label})\.(?:\s+|$)(.*)$", text, re.I)
        if found:
            return kind, found.group(1).replace("dd", "đ"), found.group(2)
    return None


def _labelled(state: _State, para: Paragraph) -> bool:
    """Place a clause or point paragraph; False when the paragraph is not one."""
    worded = _word_label(state.language, para.text)
    if worded is not None:
        kind, label, text = worded
        placed = _clause(state, para, label, text) if kind is Kind.CLAUSE else _point(state, para, label, ")", text)
        if placed and not state.word_labels:
            state.notes.append(Note(para.where, "info", f"Clause and point labels are written as words "
                                    f"(`{para.text.split('.')[0]}.`): they were read as labels, written `1\\.` and "
                                    "`a)` in the file, the first here.", para.text))
        state.word_labels += placed
        return placed
    bracketed = _BRACKETED.match(para.text) if state.language == "en" else None
    if bracketed is not None and _bracketed(state, para, bracketed.group("label"), bracketed.group("text")):
        return True
    if state.language == "en" and _sub_item(state, para):
        return True
    clause = _CLAUSE.match(para.text)
    if clause and not (clause.group("sep") == ")" and not clause.group("label").isdigit()):
        return _clause(state, para, clause.group("label"), clause.group("text"))
    point = _POINT.match(para.text)
    if point:
        letter = point.group("label")
        if point.group(0).startswith("(") and point.group("sep") != ")":
            return False
        label = ("đ" if letter == "dd" else letter) + point.group("suffix")
        return _point(state, para, label, point.group("sep"), point.group("text"))
    return False


def _clause(state: _State, para: Paragraph, label: str, text: str) -> bool:
    article = state.stack.get(Kind.ARTICLE)
    name = noun(Kind.CLAUSE, state.language)
    if article is None:
        state.notes.append(Note(para.where, "unclassified",
                                f"This looks like {name} {label} but stands outside any article; kept as text.",
                                para.text))
        return False
    clauses = [c for c in article.children if c.kind is Kind.CLAUSE]
    previous = label_order(Kind.CLAUSE, clauses[-1].label)[0] if clauses else 0
    position = label_order(Kind.CLAUSE, label)[0]
    if not (previous - 1 <= position <= previous + 3):
        state.notes.append(Note(para.where, "unclassified",
                                f"This looks like {name} {label}, but the clauses of "
                                f"{noun(Kind.ARTICLE, state.language)} {article.label} have reached "
                                f"{previous}; kept as text of the unit above.", para.text))
        return False
    state.stack.pop(Kind.POINT, None)
    node = OpenUnit(Kind.CLAUSE, label, None, para.where, [literal(text)] if text else [])
    article.children.append(node)
    state.stack[Kind.CLAUSE] = node
    return True


_BRACKETED = re.compile(r"^\((?P<label>\d{1,3})\)\s+(?P<text>\S.*)$")


def _bracketed(state: _State, para: Paragraph, label: str, text: str) -> bool:
    """`(1) The Secretary-General shall …`: a clause of an English text, read as one only in sequence, `(1)` the first
    of its article and each next one the number after the one before, also bracketed (r26 sweep O defect 5). The first
    is noted; a bracketed number anywhere else stays text, as before."""
    article = state.stack.get(Kind.ARTICLE)
    clauses = [c for c in article.children if c.kind is Kind.CLAUSE] if article is not None else []
    follows = bool(clauses) and state.bracketed is article and clauses[-1].label == str(int(label) - 1)
    if article is None or not (follows or (label == "1" and not clauses)) or not _clause(state, para, label, text):
        return False
    if state.bracketed is None:
        state.notes.append(Note(para.where, "info", "Clauses numbered in brackets (`(1)`, `(2)` …), as English rules "
                                "number them, were read as clauses, written `1\\.` in the file, the first here; a "
                                "bracketed number out of sequence stays text.", para.text))
    state.bracketed = article
    return True


_ROMAN_ITEM = re.compile(r"^\((?P<number>[ivxlc]+)\)\s+\S")


def _sub_item(state: _State, para: Paragraph) -> bool:
    """`(ii) previous clubs;` under point (b) of an English text: a sub-item numbered in lower-case Roman numerals,
    kept as text of the point (regdraft numbers no unit below a point) with a note for each, as a point out of
    sequence has one; `(i)`, `(v)`, `(x)` only where no point would be lettered so (`(i)` right after point (h) is
    point i, `(v)` a sub-item only after `(iv)`)."""
    found = _ROMAN_ITEM.match(para.text)
    point = state.stack.get(Kind.POINT)
    number = from_roman(found.group("number")) if found is not None else None
    if found is None or point is None or number is None:
        return False
    label = found.group("number")
    if len(label) == 1:
        holder = state.stack.get(Kind.CLAUSE) or state.stack.get(Kind.ARTICLE)
        points = [c for c in holder.children if c.kind is Kind.POINT] if holder is not None else []
        following = bool(points) and label_order(Kind.POINT, label, state.alphabet)[0] == label_order(
            Kind.POINT, points[-1].label, state.alphabet)[0] + 1
        run = state.sub_item is not None and state.sub_item[0] is point and state.sub_item[1] == number - 1
        if not (run or (number == 1 and not following)):
            return False
    state.sub_item = (point, number)
    name = f"{noun(Kind.POINT, state.language)} {written(Kind.POINT, point.label, state.language)}"
    state.notes.append(Note(para.where, "unclassified", f"This looks like sub-item ({label}) of {name}; regdraft "
                            f"numbers no unit below a point, so it was kept as text of {name}.", para.text))
    _text(state, literal(para.text))
    return True


_ENGLISH_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _points_above(points: list[OpenUnit], reached: int, alphabet: str, label: str) -> str:
    """Why a point label out of sequence is not taken for the next point: where the points before it end."""
    if not points:
        return "no point comes before it, and points start at a)"
    if not reached:  # Word's automatic `f)`: no Vietnamese point label
        return (f"the points above end at {points[-1].label}), which is not a point label in the order points run "
                "(a b c d đ e g h i k …, without f, j, w, z)")
    return f"the points above end at {base_label(Kind.POINT, reached, alphabet)}), and {label}) does not follow it"


def _point(state: _State, para: Paragraph, label: str, sep: str, text: str) -> bool:
    parent = state.stack.get(Kind.CLAUSE) or state.stack.get(Kind.ARTICLE)
    name = noun(Kind.POINT, state.language)
    if parent is None:
        if sep == ")":
            state.notes.append(Note(para.where, "unclassified",
                                    f"This looks like {name} {label} but stands outside any article; kept as text.",
                                    para.text))
        return False
    points = [c for c in parent.children if c.kind is Kind.POINT]
    if label.startswith("đ"):
        state.alphabet = "vi"  # an English translation of a Vietnamese text keeps its letters (`Regulation.alphabet`)
    previous = label_order(Kind.POINT, points[-1].label, state.alphabet) if points else (0, "")
    position, suffix = label_order(Kind.POINT, label, state.alphabet)
    if position == 0:
        # Word's automatic letters run a b c d e f g: keep the literal `f` and let the check say why.
        letters = [p.label for p in points]
        english = _ENGLISH_LETTERS.index(label[0]) if label[0] in _ENGLISH_LETTERS else -1
        plausible = english > 0 and bool(letters) and letters[-1][:1] == _ENGLISH_LETTERS[english - 1]
        if not plausible:
            return False
    elif sep != ")" and not (position == previous[0] + 1 or (suffix and position == previous[0])):
        return False  # `a.` and `a-` are too common in prose to trust out of sequence
    elif sep == ")" and not (previous[0] - 1 <= position <= previous[0] + 3):
        why = _points_above(points, previous[0], state.alphabet, label)
        state.notes.append(Note(para.where, "unclassified", f"This looks like {name} {label}, but {why}; kept as text.",
                                para.text))
        return False
    if points and _english_successor(points[-1].label, label) and position != previous[0] + 1:
        state.notes.append(Note(para.where, "numbering",
                                f"{name.capitalize()} {label} follows {points[-1].label} in the English alphabet, "
                                "as Word's automatic letters do; Vietnamese points run a b c d đ e g h i k "
                                "(no f, j, w, z): renumber by hand.", para.text))
    node = OpenUnit(Kind.POINT, label, None, para.where, [literal(text)] if text else [])
    parent.children.append(node)
    state.stack[Kind.POINT] = node
    return True


def _english_successor(before: str, label: str) -> bool:
    return (len(before) == 1 and len(label) == 1 and before in _ENGLISH_LETTERS and label in _ENGLISH_LETTERS
            and _ENGLISH_LETTERS.index(label) == _ENGLISH_LETTERS.index(before) + 1)


def _text(state: _State, content: str) -> None:
    for kind in reversed(_ORDER):
        node = state.stack.get(kind)
        if node is not None:
            node.text.append(content)
            return
    state.preamble.append(content)
