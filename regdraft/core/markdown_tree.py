"""Build the unit tree of a regulation from the blocks of its Markdown body (docs/format.md).

`regdraft.core.markdown` splits the file into front matter and body blocks (`regdraft.core.blocks`) and
feeds them here one at a time (`feed`); a `Builder` places each block in the tree of open units and
collects what it cannot place as problems. Checking the finished tree (label sequences, articles
outside chapters) is `regdraft.core.validate`.

Post-conditions of a `Builder` fed the blocks of a body:
1. `top` holds the units read, each under the unit its heading or label belongs to (a section under a
   chapter or part, an article under a section, chapter or part, a clause under an article, a point
   under a clause or article); paragraphs of text before the first unit are the `preamble`.
2. Whatever cannot go into the tree (a heading that names no unit or has no valid number, with what
   is under it; a clause or point outside any article; a marker that closes nothing) is a problem
   with its file and line, never dropped silently.
3. A paragraph whose reading is doubtful (a point typed `a.`, a heading without `#`, text after a last
   point or clause that reads like a closing text) is a warning (`warnings`, `ambiguities`); it does not
   change the tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from regdraft.core.blocks import DEEP, INTERRUPTS, JOINED
from regdraft.core.common_law import bracketed, heading_hint
from regdraft.core.errors import Problem
from regdraft.core.labels import MAX_ROMAN, appendix_designation, appendix_label, indefinite
from regdraft.core.markdown_writer import _dash_content, numbered_read
from regdraft.core.model import (
    Address,
    Kind,
    OpenUnit,
    Segment,
    chapter_label,
    noun,
    part_label_from_text,
)
from regdraft.core.parts import (
    ambiguity,
    looks_closing,
    marker_unit,
    read_marker,
)
from regdraft.core.patterns import lazy
from regdraft.core.text import fold_letters

# Numbers in headings are bounded, so that reading them costs nothing whatever they say.
MAX_NUMBER_DIGITS = 6

_HEADING_WORDS = {
    "vi": {"phần": Kind.PART, "chương": Kind.CHAPTER, "mục": Kind.SECTION, "tiểu mục": Kind.SUBSECTION,
           "điều": Kind.ARTICLE, "phụ lục": Kind.APPENDIX},
    "en": {"part": Kind.PART, "chapter": Kind.CHAPTER, "section": Kind.SECTION, "sub-section": Kind.SUBSECTION,
           "subsection": Kind.SUBSECTION, "article": Kind.ARTICLE, "appendix": Kind.APPENDIX, "annex": Kind.APPENDIX,
           "schedule": Kind.APPENDIX},
}
_HEADING = lazy(r"^((?i:phụ\s+lục|tiểu\s+mục|sub-section)|\w+)(?:\s+(thứ\s+\w+|[^\s.:\-–—]+))?\s*(?:[.:\-–—]\s*(.*))?$")
# Paragraphs read as text that look typed as a point (`a. …`) or as a heading without `#` (`**Điều 2. …**`).
_DOTTED_POINT = lazy(r"^([a-zđ])\.\s+\S")
_HEADING_TEXT = lazy(r"^(\*{0,2})((?i:tiểu\s+mục|sub-section)|\w+)\s+(\d+[a-z]?|[IVXLC]+)\s*[.:]\s*\S")
# A unit heading with its title after the number and no separator (`Điều 12 Nguyên tắc …`).
_UNSEPARATED = lazy(r"^(\w+)\s+(\d+[a-z]?|[IVXLCivxlc]+)\s+(\S.*)$")
# A footnote mark right after a unit's label, as a consolidated copy writes it (`2\.[^3] …`, `c)[^4] …`): the mark
# stays at the start of the unit's text.
_NOTE_MARK = r"(?=\[\^[^\]\s]+\])"
_CLAUSE = lazy(rf"^(\d+[a-z]?)\\?\.(?:(?:\s+|{_NOTE_MARK})(.*))?$", re.S)
# The open units a paragraph of text may go into, the lowest first.
_INNERMOST_FIRST = (Kind.POINT, Kind.CLAUSE, Kind.ARTICLE, Kind.SUBSECTION, Kind.SECTION, Kind.CHAPTER, Kind.PART,
                    Kind.APPENDIX)
_POINT = lazy(rf"^(dd|[a-zđ])(\d*)\)(?:(?:\s+|{_NOTE_MARK})(.*))?$", re.S)
# Headings close the open units from their own level down (an appendix closes them all).
_HEADING_ORDER = (Kind.APPENDIX, Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.ARTICLE, Kind.CLAUSE,
                  Kind.POINT)
_ARTICLE_LABEL = lazy(r"^\d+[a-z]?$")
_SECTION_LABEL = lazy(r"^\d+[a-z]?$")  # an inserted section: 2a
# A line joined to the paragraph above it that starts like a unit of its own (docs/format.md, Joined lines): a
# point (`a1)`, a mistyped `f)` too), a clause (`3.`, `3\.`: up to three digits, so a year is none) or a dash
# or plus item.
_JOINED_UNIT = lazy(r"^(?:(dd|[a-zđ])(\d*)\)|(\d{1,3}[a-z]?)\\?\.|([-+]))(?:\s|$)")
# How the line before a clause must end: a sentence or an item (`.`, `;`, `:` …, then any closing quotes or
# brackets); a wrapped sentence (`… tại khoản 1 Điều` + `12. …`) is not taken for a clause typed on its own line.
_ITEM_END = lazy(r"[.;:!?…][”’\"')]*$")


class Builder:
    """Turns the Markdown block stream into the unit tree, collecting problems."""

    def __init__(self, source: str, language: str, offset: int, lines: Sequence[str] = ()) -> None:
        self.source = source
        self.lines = lines
        self.levels: dict[int, int] = {}  # id(OpenUnit) -> its heading's number of `#`
        self.language = language
        self.offset = offset
        self.problems: list[Problem] = []
        self.preamble: list[str] = []
        self.top: list[OpenUnit] = []
        self.stack: dict[Kind, OpenUnit] = {}
        # The unit whose closing text is being read (after a closing marker), if any.
        self.closing_of: OpenUnit | None = None
        self.continued = False  # a continuation marker came just before the next paragraph
        # Continuation paragraphs of a clause or point: (unit, its holder, index, line, marked).
        self.continuations: list[tuple[OpenUnit, OpenUnit, int, int, bool]] = []
        self.holder: dict[int, OpenUnit] = {}
        self.warnings: list[Problem] = []
        # The last heading `_heading_kind` read: `ends_article` asks before `heading` reads it.
        self._heading: tuple[str | None, re.Match[str] | None, Kind | None] = (None, None, None)

    def problem(self, line: int, message: str, unit: str = "") -> None:
        self.problems.append(Problem(message, self.source, line, unit))

    def ends_article(self, content: str) -> bool:
        """True when the heading `content` is one of a unit, which closes the article above it
        (a heading that names no unit is reported and leaves the article open)."""
        return self._heading_kind(content)[1] is not None

    def _heading_kind(self, content: str) -> tuple[re.Match[str] | None, Kind | None]:
        """The heading's match and the kind of unit its keyword names (None: no unit heading)."""
        if self._heading[0] != content:
            match = _HEADING.match(content.strip())
            words = _HEADING_WORDS.get(self.language, _HEADING_WORDS["vi"])
            # A keyword or label typed with a lookalike letter (`Ðiều` with U+00D0) still reads.
            keyword = " ".join(fold_letters(match.group(1)).lower().split()) if match else ""
            self._heading = (content, match, words.get(keyword) if match else None)
        return self._heading[1], self._heading[2]

    def heading(self, content: str, line: int) -> None:
        self._end_marks(line)
        match, kind = self._heading_kind(content)
        words = _HEADING_WORDS.get(self.language, _HEADING_WORDS["vi"])
        if match is None or kind is None:
            loose = _UNSEPARATED.match(content.strip()) if match is None else None
            loose_kind = words.get(fold_letters(loose.group(1)).lower()) if loose else None
            if loose is not None and loose_kind is not None:
                # `Điều 12 Nguyên tắc …`: a unit heading with no period after its number. Its units
                # are kept out of the tree, as under a heading with a bad number: one problem, not one
                # for each clause under it.
                self.problem(line, f"The heading '{content}' needs a period after its number: write "
                                   f"'{loose.group(1)} {loose.group(2)}. {loose.group(3)}'.")
                self._detach(OpenUnit(loose_kind, "?", None, line))
                return
            keywords = ", ".join(w.capitalize() for w in words)
            hint = heading_hint(content) if self.language == "en" else ""  # `### 1. Short title`: an Article
            self.problem(line, f"The heading '{content}' is not a unit heading: it must start with {keywords} and a "
                               f"number.{hint}")
            return
        raw_label, title = match.group(2), match.group(3)
        raw_label = fold_letters(raw_label) if raw_label else raw_label
        # An English text's one unnumbered appendix (`# Schedule. TITLE`) is its appendix 1.
        alone = kind is Kind.APPENDIX and raw_label is None and self.language == "en"
        label = "1" if alone else self._label(kind, raw_label, content, line) if raw_label else None
        if label is None:
            if raw_label is None:
                self.problem(line, f"The heading '{content}' has no number.")
            self._detach(OpenUnit(kind, "?", None, line))
            return
        node = OpenUnit(kind, label, (title or "").strip() or None, line)
        if kind is Kind.APPENDIX:
            word = " ".join(fold_letters(match.group(1)).split())
            node.designation = appendix_designation(word, None if alone else label, self.language)
        raw = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self.levels[id(node)] = len(raw) - len(raw.lstrip("#"))
        self._attach_heading(node)

    def _label(self, kind: Kind, raw: str, content: str, line: int) -> str | None:
        bad = f"The heading '{content}' has no valid {noun(kind, self.language)} number ('{raw}')."
        digits = raw.rstrip("abcdefghijklmnopqrstuvwxyz")
        if (digits.isdigit() and len(digits) > MAX_NUMBER_DIGITS) or len(raw) > 4 * MAX_NUMBER_DIGITS:
            self.problem(line, f"The heading '{content[:60]}' has {indefinite(noun(kind, self.language))} number of "
                               f"{len(raw)} characters; numbers have at most {MAX_NUMBER_DIGITS} digits.")
            return None
        if kind is Kind.PART:
            number = part_label_from_text(raw)
            if number is None:
                self.problem(line, bad)
            return number
        if kind is Kind.CHAPTER:
            if raw.isdigit() and int(raw) > MAX_ROMAN:
                self.problem(line, bad[:-1] + f": chapters are numbered up to {MAX_ROMAN}.")
                return None
            chapter = chapter_label(raw)
            if chapter is None:
                self.problem(line, bad)
            return chapter
        if kind is Kind.APPENDIX:
            number = appendix_label(raw, letters=self.language == "en")
            if number is None:
                self.problem(line, bad[:-1] + ": appendices are numbered I, II, III or 1, 2, 3" +
                             (" or A, B, C." if self.language == "en" else "."))
            return number
        pattern = _SECTION_LABEL if kind in (Kind.SECTION, Kind.SUBSECTION) else _ARTICLE_LABEL
        if not pattern.match(raw):
            self.problem(line, bad)
            return None
        return raw

    def _detach(self, node: OpenUnit) -> None:
        """Open a unit that is kept out of the tree, so the clauses under a broken heading
        do not spill into the previous article and cause a cascade of false problems."""
        for kind in _HEADING_ORDER[_HEADING_ORDER.index(node.kind):]:
            self.stack.pop(kind, None)
        self.stack.pop(Kind.APPENDIX, None)
        self.stack[node.kind] = node

    def _attach_heading(self, node: OpenUnit) -> None:
        for kind in _HEADING_ORDER[_HEADING_ORDER.index(node.kind):]:
            self.stack.pop(kind, None)
        self.stack.pop(Kind.APPENDIX, None)  # any heading ends an appendix (`validate` reports a unit after one)
        parent: OpenUnit | None = None
        if node.kind is Kind.SECTION:
            # Real laws have sections directly under a part, or with no chapter at all.
            parent = self.stack.get(Kind.CHAPTER) or self.stack.get(Kind.PART)
        elif node.kind is Kind.SUBSECTION:
            parent = self.stack.get(Kind.SECTION)
            if parent is None:
                self.problem(node.line, (f"{noun(Kind.SUBSECTION, self.language)} {node.label} stands outside any "
                                         f"{noun(Kind.SECTION, self.language)}; a sub-section (tiểu mục) divides a "
                                         "section: put it under a section heading."))
                self._detach(node)
                return
        elif node.kind is Kind.CHAPTER:
            parent = self.stack.get(Kind.PART)
        elif node.kind is Kind.ARTICLE:
            for kind in (Kind.SUBSECTION, Kind.SECTION):
                holder = self.stack.get(kind)
                if holder is not None and holder.children and (
                        self.levels.get(id(node), 0) < self.levels.get(id(holder.children[0]), 0)):
                    # A chapter holding articles after its sections writes them one level above the
                    # articles of a section (canonically `##` against `###`), a section after its
                    # sub-sections likewise; levels decide nothing else.
                    self.stack.pop(kind)
            parent = (self.stack.get(Kind.SUBSECTION) or self.stack.get(Kind.SECTION) or self.stack.get(Kind.CHAPTER)
                      or self.stack.get(Kind.PART))
        (parent.children if parent else self.top).append(node)
        self.stack[node.kind] = node

    def paragraph(self, content: str, line: int) -> None:
        if Kind.APPENDIX in self.stack:
            # An appendix is free text: `1. …` and `a) …` in a form are not units (`1\\. …` is how a list is read).
            self.text(numbered_read(content), line)
            return
        clause = _CLAUSE.match(content)
        point = None if clause else _POINT.match(content)
        if clause:
            self.clause(clause.group(1), clause.group(2), line)
        elif point:
            self.point(point.group(1).replace("dd", "đ") + point.group(2), point.group(3), line)
        else:
            self._doubtful(content, line)
            self.text(content, line)

    def joined(self, content: str, line: int) -> None:
        """A line joined to the paragraph above (a Markdown lazy continuation): a problem when it starts like a
        unit of its own, which a drafter typing it meant (`a1) …` right after `- …;`), never silently words."""
        unit = _JOINED_UNIT.match(content)
        if unit is None or Kind.APPENDIX in self.stack:
            return  # a wrapped sentence; an appendix is free text, its `a)` and `1.` words of a form
        point, label, clause, item = unit.groups()
        if clause is not None and not _ITEM_END.search(self.lines[line - 2].rstrip() if line >= 2 else ""):
            return  # `… khoản 1 Điều` + `12. Trường hợp …`: a sentence wrapped before a number
        if item is not None:
            what = "a dash item" if item == "-" else "a plus item"
        elif clause is not None:
            what = f"{noun(Kind.CLAUSE, self.language)} {clause}"
        else:
            what = f"{noun(Kind.POINT, self.language)} {point}{label}"
        shown = content if len(content) <= 60 else content[:57] + "…"
        self.problem(line, (f"The line '{shown}' starts like {what} but has no blank line before it, so Markdown joins "
                            f"it to the paragraph above: it is read as words at the end of {self._where()}. Leave a "
                            f"blank line before it to make it {what}, or write it on the line above if it continues "
                            "that sentence."))

    def interrupts(self, content: str, line: int) -> None:
        """A list started right under a paragraph (Markdown lets `- `, `+ `, `* ` and `1. ` interrupt one): a problem
        when the line above ends mid-sentence, as `… kinh tế` + `- xã hội …;` does, never a sentence silently split
        into a lead-in and a dash item (or a clause)."""
        if Kind.APPENDIX in self.stack or _ITEM_END.search(self.lines[line - 2].rstrip() if line >= 2 else "."):
            return  # a lead-in (`… sau:` + `- Công tác cán bộ;`); an appendix is free text
        if content[:1] in "-+*":
            what = needs = "a dash item" if content[:1] != "+" else "a plus item"
            where = f"{what} of {self._where()}"
        else:  # `1. …` (or `1) …`), read as clause 1: the builder has just opened it, if an article holds it
            what, needs = f"{noun(Kind.CLAUSE, self.language)} 1", "a clause"
            clause = self.stack.get(Kind.CLAUSE)
            where = self._name(clause) if clause is not None and clause.line == line else what
        shown = content if len(content) <= 60 else content[:57] + "…"
        self.problem(line, (f"The line '{shown}' starts {what} right under a paragraph, without the blank line "
                            f"{needs} needs; it is read as {where}. Leave a blank line before it if it is one, or "
                            "join it to the line above if it continues the sentence."))

    def _where(self) -> str:
        """The unit a paragraph read now goes into, named: `điểm a khoản 2 Điều 6`, a closing text, the preamble."""
        if self.closing_of is not None:
            return f"the closing text of {self._name(self.closing_of)}"
        innermost = self._innermost()
        return self._name(innermost) if innermost is not None else "the preamble"

    def _doubtful(self, content: str, line: int) -> None:
        """Warn of a paragraph read as text that looks typed as a point or a heading: `a. …` for
        `a) …`, or `**Điều 2. …**` without the heading's `##` (pasted from Word)."""
        if self.closing_of is not None or not self.stack:
            return
        dotted = _DOTTED_POINT.match(content)
        if dotted is None and self.language == "en" and (how := bracketed(content)):
            self._warn_doubtful(content, line, how)  # `(1) …`, `(a) …`: common-law numbering, read as text
            return
        heading = None if dotted else _HEADING_TEXT.match(content)
        keyword = " ".join(fold_letters(heading.group(2)).lower().split()) if heading else ""
        kind = _HEADING_WORDS.get(self.language, _HEADING_WORDS["vi"]).get(keyword)
        if dotted is None and kind is None:
            return  # nearly every paragraph: nothing more to do
        innermost = self._innermost()
        assert innermost is not None  # the stack is not empty
        where = self._name(innermost)
        shown = content if len(content) <= 60 else content[:57] + "…"
        if dotted is not None:
            label = dotted.group(1)
            message = (f"The paragraph '{shown}' looks like a point typed with '{label}.'; it is read as text of "
                       f"{where}. If it is a point, write '{label}) …'.")
        else:
            assert heading is not None
            level = "#" if kind in (Kind.PART, Kind.CHAPTER) else "###" if kind is Kind.SUBSECTION else "##"
            message = (f"The paragraph '{shown}' looks like a heading; it is read as text of {where}. If it starts "
                       f"a unit, write it as a heading: '{level} {keyword.capitalize()} {heading.group(3)}. …'.")
        self.warnings.append(Problem(message, self.source, line, warning=True))

    def _warn_doubtful(self, content: str, line: int, how: str) -> None:
        innermost = self._innermost()
        assert innermost is not None  # the stack is not empty
        shown = content if len(content) <= 60 else content[:57] + "…"
        self.warnings.append(Problem(f"The paragraph '{shown}' is read as text of {self._name(innermost)}: {how}",
                                     self.source, line, warning=True))

    def _innermost(self) -> OpenUnit | None:
        """The open unit a paragraph of text goes into: the lowest one open."""
        return next((self.stack[k] for k in _INNERMOST_FIRST if k in self.stack), None)

    def clause(self, label: str, text: str | None, line: int) -> None:
        self._end_marks(line)
        article = self.stack.get(Kind.ARTICLE)
        if article is None:
            clause, heading = noun(Kind.CLAUSE, self.language).capitalize(), noun(Kind.ARTICLE, self.language)
            self.problem(
                line, f"{clause} {label} is outside any article; put it under a heading like '## {heading} N'.")
            return
        self.stack.pop(Kind.POINT, None)
        node = OpenUnit(Kind.CLAUSE, label, None, line, [text] if text else [])
        self._after_closing(article, node)
        article.children.append(node)
        self.holder[id(node)] = article
        self.stack[Kind.CLAUSE] = node

    def point(self, label: str, text: str | None, line: int) -> None:
        self._end_marks(line)
        parent = self.stack.get(Kind.CLAUSE) or self.stack.get(Kind.ARTICLE)
        if parent is None:
            point = noun(Kind.POINT, self.language).capitalize()
            self.problem(line, f"{point} {label} is outside any article or clause.")
            return
        node = OpenUnit(Kind.POINT, label, None, line, [text] if text else [])
        self._after_closing(parent, node)
        parent.children.append(node)
        self.holder[id(node)] = parent
        self.stack[Kind.POINT] = node

    def _after_closing(self, holder: OpenUnit, node: OpenUnit) -> None:
        if holder.closing:
            self.problem(node.line, (
                f"{self._name(node).capitalize()} comes after the closing text of {self._name(holder)} "
                f"(line {holder.line}); the closing text must follow the last {noun(node.kind, self.language)}."))

    def _name(self, node: OpenUnit) -> str:
        """The unit's citation with the units holding it: `điểm đ khoản 2 Điều 21`."""
        chain = [node]
        while chain[-1].kind in (Kind.CLAUSE, Kind.POINT) and id(chain[-1]) in self.holder:
            chain.append(self.holder[id(chain[-1])])
        kinds = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)
        segments = tuple(Segment(n.kind, n.label) for n in reversed(chain) if n.kind in kinds)
        if not segments:
            return f"{noun(node.kind, self.language)} {node.label}"
        return Address(segments).describe(self.language)

    def _end_marks(self, line: int) -> None:
        """A clause, point or heading ends a closing text and cancels a dangling marker."""
        if self.closing_of is not None and not self.closing_of.closing:
            self.problem(line, "A closing-text marker is not followed by any paragraph; remove it.")
        self.closing_of = None
        self.continued = False

    def closing_mark(self, unit: str | None, line: int) -> None:
        """`<!-- đoạn cuối [khoản N] -->`: the paragraphs that follow close a unit holding points or clauses."""
        self._end_marks(line)
        holder: OpenUnit | None = None
        if unit:
            named = marker_unit(unit)
            if named is None:
                self.problem(line, (f"The closing-text marker names '{unit}'; name the unit it closes like "
                                    f"'<!-- đoạn cuối khoản 3 -->' or '<!-- đoạn cuối Điều 8 -->', or nothing."))
                return
            holder = self.stack.get(named[0])
            if holder is None or holder.label != named[1]:
                self.problem(line, (f"The closing-text marker names {noun(named[0], self.language)} {named[1]}, "
                                    "which is not the unit just above it; put it right after that unit's last "
                                    "point or clause."))
                return
        else:
            point = self.stack.get(Kind.POINT)
            if point is not None:
                holder = self.holder.get(id(point))
            elif self.stack.get(Kind.CLAUSE) is not None:
                holder = self.stack.get(Kind.ARTICLE)
        if holder is None or not holder.children:
            what = f"{self._name(holder)} has no points or clauses" if holder else "no point or clause comes before it"
            self.problem(line, (f"A closing-text marker needs points or clauses above it to close, but {what}; "
                                "remove the marker (the paragraph then belongs to the unit above it)."))
            return
        if holder.closing:
            self.problem(line, f"{self._name(holder).capitalize()} already has a closing text; remove this marker.")
            return
        self.closing_of = holder

    def continued_mark(self, line: int) -> None:
        """`<!-- tiếp -->`: the next paragraph continues the unit above (silences the ambiguity warning)."""
        self.continued = True

    def text(self, content: str, line: int) -> None:
        if self.closing_of is not None:
            self.closing_of.closing.append(content)
            return
        marked, self.continued = self.continued, False
        node = self._innermost()
        if node is None:
            self.preamble.append(content)
            return
        if node.text and node.kind in (Kind.POINT, Kind.CLAUSE) and not _dash_content(content):
            holder = self.holder.get(id(node))
            if holder is not None:
                self.continuations.append((node, holder, len(node.text), line, marked))
        node.text.append(content)

    def ambiguities(self, start: int = 0) -> list[Problem]:
        """Warnings for unmarked paragraphs after a last point or clause that read like a closing text
        (those read since `continuations[start]`)."""
        out = []
        for node, holder, index, line, marked in self.continuations[start:]:
            if marked or node.children or node is not holder.children[-1] or holder.closing:
                continue
            if looks_closing(holder.text, node.text[index - 1], node.text[index], holder.kind):
                out.append(ambiguity(self._name(node), self._name(holder), holder.kind, holder.label,
                                     self.language, self.source, line))
        return out


def feed(builder: Builder, kind: str, content: str, line: int) -> None:
    """One block to the builder."""
    if kind == DEEP:
        builder.problem(line, content)
    elif kind == JOINED:
        builder.joined(content, line)
    elif kind == INTERRUPTS:
        builder.interrupts(content, line)
    elif kind == "heading":
        builder.heading(content, line)
    elif kind == "para":
        if _dash_content(content):
            builder.text(content, line)
        elif content.startswith("<!--") and (mark := read_marker(content)) is not None:
            if mark.closing:
                builder.closing_mark(mark.names, line)
            else:
                builder.continued_mark(line)
        else:
            builder.paragraph(content, line)
    else:
        builder.text(content, line)
