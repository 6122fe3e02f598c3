"""The Word redline: the whole new text with every change as a real Word tracked change.

Word's and LibreOffice's Review pane list each change (w:ins / w:del, authored by the draft with
its date), so a committee member who lives in Word reviews the redline there.

Post-conditions of `write_redline_docx`:
1. "Accept all" gives exactly the paragraphs of the new version, "Reject all" exactly those
   of the old one, as the same writer prints an unchanged text: a paragraph break that exists
   only in one version is a tracked paragraph mark (inserted or deleted) of its own.
2. A renumbered label is a deletion of the old label and an insertion of the new one.
3. The document opens with the profile's header block, the cover line naming both versions
   and the summary of changes; nothing in it is a field or a link that needs updating.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regdraft.core.diff import ChangeKind, Provision
from regdraft.core.inline import Span, spans
from regdraft.core.markdown_writer import heading_text, unit_label_text
from regdraft.core.model import (
    CONTAINER_KINDS,
    HEADING_KINDS,
    REPEALED_TEXT,
    TEXT_HEADINGS,
    Address,
    Kind,
    Unit,
    unit_address,
)
from regdraft.core.moves import Place, child_ranks, reading_order, top_ranks
from regdraft.core.table_diff import Row, has_head, lines, runs, table_grid
from regdraft.core.text import as_text
from regdraft.core.word_diff import DiffSegment, Op, as_written

if TYPE_CHECKING:
    from regdraft.render.closing_parts import ClosingParts
    from regdraft.render.profile import Profile
    from regdraft.render.redline import Redline

_STYLE_KIND = {Kind.PART: "part", Kind.CHAPTER: "chapter", Kind.SECTION: "section", Kind.SUBSECTION: "subsection",
               Kind.ARTICLE: "article", Kind.CLAUSE: "clause", Kind.POINT: "point", Kind.APPENDIX: "article"}


class _Writer:
    """Paragraphs of runs, each run plain, inserted or deleted; tracked paragraph marks."""

    def __init__(self, document: Any, names: dict[str, str], author: str, date: str) -> None:
        self.document, self.names, self.author, self.date = document, names, author, date
        self.para: Any = None
        self.style = names["para"]
        self.ids = 0
        self.first: Any = None  # the first paragraph of the text: the summary and page break before are not in it

    def start(self, kind: str) -> None:
        """Begin the next paragraph in the style of `kind` (a unit kind or `para`)."""
        self.style = self.names.get(kind, self.names["para"])
        self.para = None

    def _paragraph(self) -> Any:
        if self.para is None:
            from regdraft.render.consolidated_docx import _add

            self.para = _add(self.document, self.style)
            if self.first is None:
                self.first = self.para._p
        return self.para

    def _change(self, tag: str) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self.ids += 1
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.ids))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        return element

    def run(self, text: str, op: Op = Op.EQUAL, bold: bool = False) -> None:
        """Add text to the current paragraph; a line break ends it (the mark tracked as `op`)."""
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                self.end(op)
            if piece:
                self._add_run(piece, op, bold)

    def _add_run(self, text: str, op: Op, bold: bool, para: Any = None) -> None:
        from docx.oxml.ns import qn

        from regdraft.render.docx import add_run

        para = para if para is not None else self._paragraph()
        # The text's Markdown inline read, as the HTML redline reads each change's words (`marked`): `*nghiêng*` and
        # `**đậm**` italic and bold runs, an accepted wording's `\*` a `*`.
        runs = [add_run(para, span.text, bold=span.bold, italic=span.italic)._r
                for span in (spans(text, bold=bold) if text.strip() else [Span(text, bold)])]
        if op is Op.EQUAL or not runs:
            return
        wrapper = self._change("w:ins" if op is Op.INSERT else "w:del")  # one change, however many runs
        runs[0].addprevious(wrapper)
        for r in runs:
            wrapper.append(r)
            if op is Op.DELETE:
                for t in r.findall(qn("w:t")):
                    t.tag = qn("w:delText")

    def table(self, rows: Sequence[Row], head: bool = False) -> None:
        """A table of marked cells after the current paragraph; a row one version alone has is a tracked
        row insertion or deletion, so accepting the changes leaves no empty row. With `head`, the first row
        is repeated at the top of each page the table runs onto."""
        from regdraft.render.docx import repeat_row, text_width_mm, widths

        if self.para is not None:
            self.end()
        if not rows:
            return
        columns = len(rows[0].cells)
        table = self.document.add_table(rows=0, cols=columns)
        table.style = "Table Grid"
        for row in rows:
            made = table.add_row()
            if row.op is not Op.EQUAL:
                made._tr.get_or_add_trPr().append(self._change("w:ins" if row.op is Op.INSERT else "w:del"))
            for cell, cell_runs in zip(made.cells, row.cells, strict=True):
                for seg in as_written(cell_runs):
                    self._add_run(seg.text, seg.op, False, cell.paragraphs[0])
        if head:
            repeat_row(table.rows[0])
        widths(table, [text_width_mm(self.document) / columns] * columns)

    def end(self, op: Op = Op.EQUAL) -> None:
        """End the current paragraph; its mark is inserted or deleted when only one version has it."""
        para = self._paragraph()
        if op is not Op.EQUAL:
            from docx.oxml import OxmlElement

            properties = para._p.get_or_add_pPr()
            marks = OxmlElement("w:rPr")
            marks.append(self._change("w:ins" if op is Op.INSERT else "w:del"))
            properties.append(marks)
        self.para = None

    def marks_as_word_writes_them(self) -> None:
        """Move each inserted block's mark as Word writes it: Enter pressed at the end of the paragraph before
        marks that paragraph's mark inserted, the block's last mark the original one (its old properties in a
        `w:pPrChange` where they differ). Both forms give the same two versions, but LibreOffice's "Reject all"
        joined the paragraph before to the one after the block when the two insertions touched (`;` for `.` at
        a point's end, then the new point: Luật 57/2024's điểm e khoản 1 Điều 17, sweep r26/N)."""
        from docx.oxml.ns import qn

        def mark(p: Any) -> Any:
            return p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}")

        def inserted_whole(p: Any) -> bool:
            parts = [c.tag for c in p if c.tag != qn("w:pPr")]
            return (p.tag == qn("w:p") and mark(p) is not None and qn("w:ins") in parts
                    and all(t in (qn("w:ins"), qn("w:bookmarkStart"), qn("w:bookmarkEnd")) for t in parts))

        children = list(self.document.element.body)
        if self.first is None:
            return
        i = children.index(self.first) + 1
        while i < len(children):
            before, j = children[i - 1], i
            while j < len(children) and inserted_whole(children[j]):
                j += 1
            if j > i and before.tag == qn("w:p") and before.find(f"{qn('w:pPr')}/{qn('w:rPr')}") is None:
                last = children[j - 1]
                old_properties = before.find(qn("w:pPr"))
                properties = last.find(qn("w:pPr"))
                held = mark(last).getparent()
                properties.remove(held)
                if old_properties is None:
                    old_properties = before.makeelement(qn("w:pPr"), {})
                    before.insert(0, old_properties)
                previous = [c for c in old_properties if c.tag not in (qn("w:rPr"), qn("w:sectPr"))]
                if [_xml(c) for c in previous] != [_xml(c) for c in properties if c.tag != qn("w:rPr")]:
                    change = self._change("w:pPrChange")
                    change.append(change.makeelement(qn("w:pPr"), {}))
                    change[0].extend(copy.deepcopy(c) for c in previous)
                    properties.append(change)
                old_properties.append(held)
            i = max(j, i + 1)


def _xml(element: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(element))


def _sides(segments: Sequence[DiffSegment]) -> Op:
    """How a joiner next to these segments is tracked: kept when both versions have text, else as they are."""
    old = any(s.op is not Op.INSERT and s.text for s in segments)
    new = any(s.op is not Op.DELETE and s.text for s in segments)
    return Op.EQUAL if old and new else Op.INSERT if new else Op.DELETE if old else Op.EQUAL


def _label(p: Provision, language: str) -> list[DiffSegment]:
    def text(unit: Unit | None) -> str:
        if unit is None:
            return ""
        if unit.kind in HEADING_KINDS:
            return heading_text(Unit(unit.kind, unit.label, designation=unit.designation), language)
        return unit_label_text(unit, language)

    old, new = text(p.old), text(p.new)
    if old == new:
        return [DiffSegment(Op.EQUAL, new)]
    return [s for s in (DiffSegment(Op.DELETE, old), DiffSegment(Op.INSERT, new)) if s.text]


def _plain_segments(unit: Unit, language: str) -> tuple[list[DiffSegment], list[DiffSegment], list[DiffSegment]]:
    """Title, text and closing of an unchanged unit as equal segments."""
    def eq(lines: Sequence[str]) -> list[DiffSegment]:
        return [DiffSegment(Op.EQUAL, "\n".join(lines))] if lines else []

    title = [DiffSegment(Op.EQUAL, unit.title)] if unit.title else []
    return title, eq(unit.text), eq(unit.closing)


def _one_sided(unit: Unit, op: Op, address: Address | None, top: bool) -> Provision:
    """A whole unit as inserted or deleted (a heading at the top level without the articles under it)."""
    def seg(lines: Sequence[str]) -> tuple[DiffSegment, ...]:
        return (DiffSegment(op, "\n".join(lines)),) if lines else ()

    heading_only = top and unit.kind in CONTAINER_KINDS
    children = () if heading_only else tuple(
        _one_sided(c, op, unit_address(c, address) if address else None, False) for c in unit.children)
    title = (DiffSegment(op, unit.title),) if unit.title and not unit.repealed else ()
    inserted = op is Op.INSERT
    return Provision(unit.kind, None if inserted else unit, unit if inserted else None,
                     None if inserted else address, address if inserted else None,
                     title=title, text=() if unit.repealed else seg(unit.text), children=children,
                     closing=() if heading_only or unit.repealed else seg(unit.closing))


def _in_order(level: Sequence[Provision], old_rank: dict[str, int], top: bool) -> list[Provision]:
    """The level as written: a moved provision is inserted where it now stands and deleted where it
    stood (`regdraft.core.moves.reading_order`), so rejecting every change gives the old order back."""
    out: list[Provision] = []
    for p, place in reading_order(level, old_rank):
        if place is Place.MOVED_HERE or p.moved_from is not None:  # from this level or another
            out.append(_one_sided(p.new, Op.INSERT, p.new_address, top))  # type: ignore[arg-type]
        elif place is Place.MOVED_AWAY:
            out.append(_one_sided(p.old, Op.DELETE, p.old_address, top))  # type: ignore[arg-type]
        else:
            out.append(p)
    return out


def _emit(w: _Writer, p: Provision, language: str) -> None:
    repealed = REPEALED_TEXT.get(language, REPEALED_TEXT["vi"])
    unit = p.new or p.old
    assert unit is not None
    children: Sequence[Provision] = p.children
    if p.identical and p.new is not None:
        title, text, closing = _plain_segments(p.new, language)
        label: list[DiffSegment] = [DiffSegment(Op.EQUAL, _label(p, language)[0].text)]
        if p.new.repealed:
            title = [DiffSegment(Op.EQUAL, repealed)] if p.kind in HEADING_KINDS else []
            text = [] if p.kind in HEADING_KINDS else [DiffSegment(Op.EQUAL, repealed)]
        # Headings stand alone in the aligned list: the articles under them follow as provisions of their own.
        children = [] if p.kind in CONTAINER_KINDS else \
            [Provision(c.kind, c, c, None, None, identical=True) for c in p.new.children]
    else:
        # Reject all quotes the old text as written, Accept all the new: a word whose tone mark moved is changed.
        label, title, text, closing = (_label(p, language), list(as_written(p.title)), list(as_written(p.text)),
                                       list(as_written(p.closing)))
        if p.old is not None and p.new is not None and p.children and p.old_address is not None:
            children = _in_order(p.children, child_ranks(p), top=False)
        elif p.children:  # a provision the new text inserts (or the old one had alone) holding one moved into it
            children = [_one_sided(c.new, Op.INSERT, c.new_address, False) if c.moved_from is not None
                        and c.new is not None else c for c in p.children]
        # A repealed unit prints its placeholder, which neither side's segments hold (but a placeholder the new text
        # leaves out, whose deleted text is its words: `core.diff`, post-condition 5).
        old_gone, new_gone = p.old is not None and p.old.repealed, p.new is not None and p.new.repealed
        if (old_gone or new_gone) and p.change is not ChangeKind.PLACE_LEFT_OUT:
            op = Op.EQUAL if old_gone and new_gone else Op.INSERT if new_gone else Op.DELETE
            (title if p.kind in HEADING_KINDS else text).append(DiffSegment(op, repealed))
    kind = _STYLE_KIND.get(p.kind, "para")
    w.start(kind)
    for s in label:
        w.run(s.text, s.op, bold=p.kind in TEXT_HEADINGS)
    if p.kind in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION):
        w.end(_sides(label))
        if title:
            w.start(kind)
            for s in title:
                w.run(s.text, s.op)
            w.end(_sides(title))
    elif p.kind in TEXT_HEADINGS:
        if title:
            w.run(". ", _sides(title), bold=True)
            for s in title:
                w.run(s.text, s.op, bold=True)
        w.end(_sides(label + title))
        if text:
            w.start("para")
            _body(w, text)
    else:
        if text:
            w.run(" ", _sides(text))
            _body(w, text, _sides(label + text))  # the label keeps the paragraph wherever it exists
        else:
            w.end(_sides(label))
    for child in children:
        _emit(w, child, language)
    if closing:
        w.start("para")
        _body(w, closing)


def _body(w: _Writer, segments: Sequence[DiffSegment], last: Op | None = None) -> None:
    """Paragraphs of marked text, a Markdown table as a Word table (`table_diff`); the last paragraph's
    break is tracked as `last` (default: as the text)."""
    split = lines(segments)
    tables = dict(runs(split))
    i = 0
    while i < len(split):
        if i in tables:
            w.table(table_grid(split[i:tables[i]]), has_head(split[i:tables[i]]))
            i = tables[i]
            if i == len(split):
                return  # the table ends the text: no paragraph after it
            continue
        line, end = split[i]
        for s in line:
            w.run(s.text, s.op)
        if i + 1 < len(split):
            w.end(end)
        i += 1
    w.end(_sides(segments) if last is None else last)


def tracked_author(redline: Redline) -> str:
    """Who the tracked changes are by: the draft (`Dự thảo lần 2 05-QC/TU`), else the new version's label."""
    return " ".join(x for x in (redline.new_version.label, redline.number or redline.new_version.doc_id) if x)


def write(redline: Redline, output: Path, *, layout: str = "inline", changed_only: bool = False,
          config: Mapping[str, Any] | None = None, today: dt.date | None = None,
          profile: Profile | None = None) -> Path:
    """Write the Word redline with the workspace's profile; the table layout and collapsing are for PDF and HTML."""
    from regdraft.core.errors import UsageError
    from regdraft.render.profile import load_profile

    if layout != "inline" or changed_only:
        raise UsageError("The Word redline is the whole text with tracked changes; the table layout and the "
                         "changed provisions alone are for PDF and HTML.", options=("layout", "changed_only"))
    profile = profile or load_profile(config or {}, redline.comparison.new.meta)
    write_redline_docx(redline, output, profile, today or dt.date.today())
    return output


def write_redline_docx(redline: Redline, output: Path, profile: Profile, today: dt.date) -> None:
    """Write the redline as a Word document whose changes are Word tracked changes."""
    from regdraft.core.reply_marks import redline_mark
    from regdraft.render.closing_parts import compare_closing
    from regdraft.render.consolidated_docx import _front, styled_document
    from regdraft.render.docx import hidden_mark, paragraph, paragraph_style, save
    from regdraft.render.redline import page_header
    from regdraft.render.redline_helpers import Helpers, words_for

    comparison = redline.comparison
    language = comparison.new.language
    words = words_for(language, profile)
    document, names = styled_document(profile, language)
    header = page_header(redline, profile, today)
    # python-docx's limit; "Bản so sánh 05-QC/TU với 01-QC/TU"
    document.core_properties.title = as_text(header.running)[:255]
    _front(document, header, profile)
    if header.told_apart:  # another draft has its title and number: its folder (`render.told_apart`)
        paragraph(document, header.told_apart, align="center")
    # Names the author of the redline's own tracked changes: a reply made on it reads them as the text it
    # circulated, not as a reviewer's changes.
    hidden_mark(paragraph(document, redline.cover_line(profile), italic=True, align="center"),
                redline_mark(tracked_author(redline)))
    # A heading (Word's navigation pane and table of contents list it beside the chapters), named by its words.
    paragraph(document, words["summary"], bold=True).style = paragraph_style(
        document, words["summary"], bold=True, outline_level=0, keep_with_next=True)
    helpers = Helpers(redline, profile)
    for n, change in enumerate(comparison.changes, 1):
        kind = helpers.kind_label(change.kind, change)
        paragraph(document, f"{n}. {helpers.line(helpers.describe(change))}: {kind}", space_after=0)
    if not comparison.changes:
        paragraph(document, words["no_changes"])
    document.add_page_break()  # type: ignore[no-untyped-call]
    when = _change_date(redline, today)
    writer = _Writer(document, names, tracked_author(redline), when)
    _preamble(writer, comparison.old.preamble, comparison.new.preamble)
    closing: ClosingParts | None = compare_closing(comparison.old.meta, comparison.new.meta)
    for p in _in_order(comparison.provisions, top_ranks(comparison.old), top=True):
        if p.kind == "appendix" and closing is not None:
            _closing(writer, closing, profile, words)  # the signature before the appendices, as in the text
            closing = None
        _emit(writer, p, language)
    if closing is not None:
        _closing(writer, closing, profile, words)
    writer.marks_as_word_writes_them()
    if redline.metadata_line(profile):
        paragraph(document, redline.metadata_line(profile), size=profile.body_pt - 4)
    save(document, output)


def _closing(w: _Writer, closing: ClosingParts, profile: Profile, words: Mapping[str, str]) -> None:
    """The adoption sentence, then the recipients (left) and the signature block (right) in a borderless table, as
    the consolidated text prints them, tracked where the two texts differ."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from regdraft.render.docx import borderless_table, text_width_mm

    if closing.empty:
        return
    if closing.adoption:
        w.start("para")
        _body(w, closing.adoption)
    document = w.document
    width = text_width_mm(document)
    left, right = borderless_table(document, 2, [width * 0.5, width * 0.5], words["layout_table"]).rows[0].cells
    try:
        if closing.recipients:
            w.document = left
            w.start("para")
            w.run(words["recipients"], bold=True)
            w.end()
            split = lines(closing.recipients)
            for k, (line, end) in enumerate(split):
                w.run("- ", _sides(line))  # the list's dash, as the consolidated text prints each recipient
                for seg in line:
                    w.run(seg.text, seg.op)
                w.end(end if k + 1 < len(split) else _sides(closing.recipients))
            for para in left.paragraphs:
                para.alignment = WD_ALIGN_PARAGRAPH.LEFT
        w.document = right
        for key, segments in closing.signer.items():
            if not segments:
                continue
            if key == "name":
                for _ in range(3):
                    w.start("para")
                    w.end()
            w.start("para")
            for seg in segments:
                w.run(seg.text, seg.op, bold=key not in ("note", "note_after"))
            w.end(_sides(segments))
        for para in right.paragraphs:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for para in (*left.paragraphs, *right.paragraphs):  # centred on the column, as the consolidated text's
            para.paragraph_format.first_line_indent = 0
    finally:
        w.document = document
    for cell in (left, right):  # a new cell's own empty paragraph, above what was written
        if len(cell.paragraphs) > 1 and not cell.paragraphs[0].text:
            cell._tc.remove(cell.paragraphs[0]._p)


def _preamble(w: _Writer, old: Sequence[str], new: Sequence[str]) -> None:
    """The bases (`Căn cứ …`) before the first provision, as the consolidated text prints them, tracked where the
    two texts differ (the HTML and PDF redlines mark them so)."""
    from regdraft.core.inline import standing_line
    from regdraft.core.word_diff import diff_words

    before, after = "\n".join(old), "\n".join(new)
    if not before and not after:
        return
    segments = as_written(diff_words(before, after)) if before != after else (DiffSegment(Op.EQUAL, after),)
    split = lines(segments)
    for i, (line, end) in enumerate(split):
        # A line in capitals (`ỦY BAN NHÂN DÂN TỈNH LÀO CAI`, `QUYẾT ĐỊNH:`) upright, bold and centred, as the
        # consolidated text prints it (`consolidated_docx.opening_style`); the new side's words decide.
        shown = "".join(s.text for s in line if s.op is not Op.DELETE) or "".join(s.text for s in line)
        w.start("opening-line" if standing_line(shown) else "opening")
        for s in line:
            w.run(s.text, s.op)
        w.end(end if i + 1 < len(split) else _sides(segments))


def _change_date(redline: Redline, today: dt.date) -> str:
    meta = redline.documents[-1].meta if redline.documents else {}
    for key in ("date", "signed"):
        value = meta.get(key)
        if value:
            try:
                day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
                return f"{day.isoformat()}T00:00:00Z"
            except ValueError:
                continue
    return f"{today.isoformat()}T00:00:00Z"
