"""Read a review reply from a Word file: its paragraphs with tracked changes, its comments and
the review copy's hidden address bookmarks. Owns nothing new: python-docx opens the package.

Post-conditions of `read_reply`:
1. Paragraphs come in document order, table cells included; each has its text as circulated
   (tracked insertions left out, deletions kept) and with every tracked change accepted, spaces
   kept as they are but for a no-break space before a hyphen or an en dash, which regdraft's copies write in ` - `
   and ` – ` and which is read as a plain space (`_dashes`) (a paragraph whose break was deleted joins the next one
   as it is; one whose mark is a style separator, `w:specVanish`, is one paragraph with the next in both versions,
   as Word shows it); the author and date of a tracked change to its break are among its changes'. Text both
   inserted and deleted (a deletion inside an insertion or a move, as Word writes a second reviewer's deletion or a
   relabelled moved point) is in neither.
   Each paragraph in a table names the table and the row (numbered from 1 in the document) and the row's own
   tracked change (`ins`, `del`: a row added or removed), and its row in its table and cell in the row
   (`grid`). The formatting-only tracked changes in it (`w:pPrChange`,
   `w:rPrChange`, a redline's own aside) are listed, each by the properties it changed (`bold`, `centring`).
   A paragraph whose mark is a move's destination and whose words are those of a moved-from paragraph is moved text
   throughout, its untracked runs included: LibreOffice writes a moved point holding a change (a relabelled point)
   so, the move kept on its mark alone, and the words would otherwise stand twice in the text as circulated.
   An invisible character typed or pasted in the text (`core.text.INVISIBLE`: U+00AD, U+200B …) is read as Word's
   own optional hyphen (`w:softHyphen`) is, as nothing, as an import reads a regulation's; so are those of a Word
   comment's text (but the joiners a script needs: `core.comments.own_words`) and of an author's name. The reply's
   notes count them, as an import's do (`plaintext.LeftOut`).
2. Each Word comment names the paragraphs its range starts and ends in, and its selection is
   the exact text between its range marks as circulated (NFC); a comment without a range
   (only a reference mark) belongs to the paragraph holding the mark. On a Word redline, a comment on words the
   redline itself strikes out (its selection as circulated empty) carries those words as `struck`. Its text keeps
   its line breaks (a paragraph, or Shift+Enter), a tab read as a space. Comments come in the document's order,
   those starting at the same place in the order of their range marks (LibreOffice reorders the comments part).
   A text box's words (`w:txbxContent`) are no text of the paragraph it is anchored in, as `read_docx` leaves them
   out; a comment on them is on that paragraph, its selection empty, marked `boxed`.
3. A Word reply to a comment (commentsExtended.xml's `paraIdParent`) is part of the comment opening its thread,
   as Word shows it: its text follows that comment's, on a line opening with the replier's name, and the
   comment's author names each person in the thread (`joined_thread`; each comment as written kept in its
   `thread`). A missing or unreadable part, or a link to no comment, leaves
   each comment standing alone.
   Each comment keeps Word's `w:date` as written (the reviewer's local time marked `Z`) in `date`, and, when newer
   Word wrote its true UTC (commentsExtensible.xml), its true moment with its offset in `moment` (`word_dates`).
4. A file that is not a Word document, or whose parts unpack past `archive.check_parts`'s bounds, raises
   `ParseError` naming the file; nothing else raises.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field, replace
from typing import Any

from regdraft.core.comments import own_words
from regdraft.core.errors import ParseError
from regdraft.core.replies import UNANCHORED, Reply, ReplyComment, ReplyParagraph, joined_thread
from regdraft.core.reply_marks import REDLINE_MARK, CopyMark, bookmark_target, slug_digest
from regdraft.core.text import nfc, plain, visible
from regdraft.importer.archive import check_parts, not_a_package
from regdraft.importer.docx_marks import TEXT_BOX, style_separator
from regdraft.importer.docx_symbols import symbol, unmapped
from regdraft.importer.plaintext import LeftOut
from regdraft.importer.word_dates import true_moments
from regdraft.importer.word_formatting import formatting_changes
from regdraft.importer.word_struck import STRUCK, inside_struck

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_INSERTED = (f"{_W}ins", f"{_W}moveTo")
_DELETED = (f"{_W}del", f"{_W}moveFrom")
# Run-level marks that stand for characters.
_CHARACTERS = {f"{_W}tab": " ", f"{_W}br": " ", f"{_W}cr": " ", f"{_W}noBreakHyphen": "-", f"{_W}softHyphen": ""}
# In a Word comment, a line break (Shift+Enter) stays a line break: the comment's text keeps its lines.
_COMMENT_CHARACTERS = {**_CHARACTERS, f"{_W}br": "\n", f"{_W}cr": "\n"}
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
# Parts of a paragraph that are not its text.
_SKIPPED = {f"{_W}pPr", f"{_W}rPr", f"{_W}instrText", f"{_W}fldChar", f"{_W}footnoteReference"}


@dataclass
class _Paragraph:
    address: tuple[int, str] | None  # the amended text (0: none named) and the provision
    original: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date: str = ""
    mark: str = ""
    length: int = 0  # of `original` joined: where the next text as circulated starts
    shown: list[str] = field(default_factory=list)  # as circulated, with the words a Word redline strikes out
    shown_length: int = 0
    cell: tuple[int, int, str] = (0, 0, "")  # the table, the row (0: none) and the row's own tracked change
    grid: tuple[int, int] = (0, 0)  # the row of its table and the cell of the row (each from 1; 0: none)
    before: list[str] = field(default_factory=list)  # on a Word redline, as it reads with its own changes rejected
    own_mark: bool = False  # its break is one of a Word redline's own changes (the draft joined or split paragraphs)
    formatting: list[tuple[str, ...]] = field(default_factory=list)  # each formatting-only change: what it changed
    pieces: list[tuple[str, str, str]] = field(default_factory=list)  # each text read: its state, it, its author
    marked: list[str] = field(default_factory=list)  # the authors of a tracked change of its break


# Where in the document: the paragraph, the offset in its text as circulated, and in its text as shown.
_At = tuple[int, int, int]


@dataclass
class _Range:
    start: _At
    end: _At | None = None
    met: int = 0  # its place among the range starts and references met in the document


class _Reader:
    def __init__(self) -> None:
        self.paragraphs: list[_Paragraph] = []
        self.address: tuple[int, str] | None = None
        self.ranges: dict[str, _Range] = {}
        self.bookmarks: dict[str, tuple[int, str]] = {}
        self.references: dict[str, tuple[int, int]] = {}  # the paragraph, and its place among those met
        self.copy: CopyMark | None = None
        self.own = ""  # on a Word redline, the digest of the author of its own tracked changes
        self.moved: set[str] = set()  # the words of each paragraph whose mark is a move's source (`_moved_words`)
        self.boxed: set[str] = set()  # the Word comments on the words of a text box
        self.separated = False  # the paragraph just read ends in a style separator: the next one runs on in it
        self.symbols: list[str] = []  # the symbols (`w:sym`) with no Unicode character, named
        self.cell: tuple[int, int, str] = (0, 0, "")  # where the paragraphs read now stand: table, row, row's mark
        self.tables = self.rows = 0
        self.grid: tuple[int, int] = (0, 0)  # the row of the table read now and its cell read now (`_Paragraph.grid`)
        self.left_out = LeftOut()  # the invisible characters left out of the text, as an import leaves them out
        self.own_inserted = 0  # how many of a Word redline's own insertions the text read now is inside

    def _own(self, element: Any) -> bool:
        """Whether a tracked change is the redline's own (the document's text, not a reviewer's change)."""
        return bool(self.own) and slug_digest(nfc(element.get(f"{_W}author") or "")) == self.own

    def here(self) -> _At:
        if not self.paragraphs:
            self.paragraphs.append(_Paragraph(self.address))
        return len(self.paragraphs) - 1, self.paragraphs[-1].length, self.paragraphs[-1].shown_length

    def walk(self, element: Any, state: str = "", author: str = "", date: str = "") -> None:
        tag = element.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            return
        if tag == f"{_W}{TEXT_BOX}":
            self.box(element)
            return
        if tag == f"{_W}p":
            mark, change = _mark(element, self._own)
            if self.separated and self.paragraphs:  # as Word shows it: one paragraph, the separator never shown
                self.paragraphs[-1].mark = mark
            else:
                self.paragraphs.append(_Paragraph(self.address, mark=mark, cell=self.cell, grid=self.grid))
            self.separated = False
            self.paragraphs[-1].own_mark |= bool(self.own) and change is None and _own_break(element, self._own)
            if change is not None:  # the break itself changed: its author and date are the paragraph's too
                self.paragraphs[-1].authors += [a for a in [change.get(f"{_W}author") or ""] if a]
                self.paragraphs[-1].marked += [a for a in [change.get(f"{_W}author") or ""] if a]
                self.paragraphs[-1].date = change.get(f"{_W}date") or ""
                if change.tag == f"{_W}moveTo" and _moved_words(element) in self.moved:
                    # A moved paragraph as LibreOffice writes it (the move on its mark alone): all of it moved text.
                    state, author, date = "ins", change.get(f"{_W}author") or "", change.get(f"{_W}date") or ""
        elif tag == f"{_W}bookmarkEnd":
            if self.bookmarks.pop(element.get(f"{_W}id") or "", None) == self.address:
                self.address = None
        elif (tag in _INSERTED or tag in _DELETED) and self._own(element):
            if tag in _DELETED:
                # Struck out by the redline itself: in neither version of the text it circulated, but shown (a
                # member's Word comment on it is on those words).
                state = "struck" if state in ("", "struck") else "gone"
        elif tag in _INSERTED or tag in _DELETED:
            kind = "ins" if tag in _INSERTED else "del"
            # Deleted inside an insertion or a move (a second reviewer's deletion, a relabelled moved point), or
            # inserted inside a deletion: Reject all removes the insertion and Accept all the deletion, so the text
            # is in neither version. Inside words a Word redline strikes out, it is set apart (`word_struck`).
            state = kind if state in ("", kind) else f"struck-{kind}" if state == "struck" else "gone"
            author, date = element.get(f"{_W}author") or "", element.get(f"{_W}date") or ""
        elif tag == f"{_W}bookmarkStart":
            name = element.get(f"{_W}name") or ""
            address = bookmark_target(name)
            self.copy = self.copy or CopyMark.read(name)
            if address is not None:
                self.address = address
                self.bookmarks[element.get(f"{_W}id") or ""] = address
                if self.paragraphs and not self.paragraphs[-1].original and not self.paragraphs[-1].accepted:
                    self.paragraphs[-1].address = address
        elif tag == f"{_W}commentRangeStart":
            met = len(self.ranges) + len(self.references)
            self.ranges[element.get(f"{_W}id") or ""] = _Range(self.here(), None, met)
        elif tag == f"{_W}commentRangeEnd":
            found = self.ranges.get(element.get(f"{_W}id") or "")
            if found is not None:
                found.end = self.here()
        elif tag == f"{_W}commentReference":
            self.references.setdefault(element.get(f"{_W}id") or "",
                                       (self.here()[0], len(self.ranges) + len(self.references)))
        elif tag in (f"{_W}t", f"{_W}delText") or tag in _CHARACTERS:
            self.text(_CHARACTERS.get(tag, element.text or ""), state, author, date)
        elif tag == f"{_W}sym":
            shown, named = symbol(element)
            self.symbols += [named] if named else []
            self.text(shown, state, author, date)
        if tag in (f"{_W}p", f"{_W}r"):
            self.here()
            self.paragraphs[-1].formatting += formatting_changes(element, self._own)
        inside = tag in _INSERTED and self._own(element)  # the redline's own words: not in the text before it
        self.own_inserted += inside
        around, grid = self.cell, self.grid
        if tag == f"{_W}tbl":
            self.tables += 1
            self.cell, self.grid = (self.tables, 0, ""), (0, 0)
        elif tag == f"{_W}tr":
            self.rows += 1
            self.cell, self.grid = (self.cell[0], self.rows, _row_mark(element, self._own)), (self.grid[0] + 1, 0)
        elif tag == f"{_W}tc":
            self.grid = (self.grid[0], self.grid[1] + 1)
        for child in element:
            self.walk(child, state, author, date)
        self.cell = around
        self.own_inserted -= inside
        if tag == f"{_W}tbl":  # the rows and cells of a table counted on past each other, a table's ended
            self.grid = grid
        if tag == f"{_W}p":
            self.separated = style_separator(element)

    def box(self, element: Any) -> None:
        """A text box, left out of the paragraph it is anchored in (`docx_marks.TEXT_BOX`); a Word comment on its
        words is on that paragraph, at the box's place, and marked as on a box (Word writes the box twice, as a
        drawing and as its VML fallback: the first one read places it)."""
        for mark in element.iter(f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference"):
            cid = mark.get(f"{_W}id") or ""
            if mark.tag == f"{_W}commentRangeEnd":
                found = self.ranges.get(cid)
                if found is not None and found.end is None:
                    found.end = self.here()
            elif cid not in self.ranges and cid not in self.references:
                self.boxed.add(cid)
                met = len(self.ranges) + len(self.references)
                if mark.tag == f"{_W}commentRangeStart":
                    self.ranges[cid] = _Range(self.here(), self.here(), met)
                else:
                    self.references[cid] = (self.here()[0], met)

    def text(self, text: str, state: str, author: str, date: str) -> None:
        if text and not plain(text):  # read as Word's optional hyphen (`w:softHyphen`) is: a regulation holds none
            self.left_out.read("document", text, f", paragraph {max(1, len(self.paragraphs))}")
            text = visible(text)
        if not text:
            return
        if not self.paragraphs:
            self.paragraphs.append(_Paragraph(self.address))
        p = self.paragraphs[-1]
        p.pieces.append((state, text, author))
        if state in ("", "del", "struck", "struck-del") and not self.own_inserted:
            p.before.append(text)
        if state not in ("ins", "gone", "struck-ins"):
            p.shown.append(text)
            p.shown_length += len(text)
        if state in STRUCK:
            return
        if state not in ("ins", "gone"):
            p.original.append(text)
            p.length += len(text)
        if state not in ("del", "gone"):
            p.accepted.append(text)
        if state:
            if author and author not in p.authors:
                p.authors.append(author)
            p.date = max(p.date, date)


def _move_marked(body: Any) -> list[Any]:
    """The paragraphs whose own mark holds a `w:moveFrom`, found from the marks: asking every paragraph for its mark
    made reading a reply with no move a fifth slower (r24 sweep i-costs defect 2)."""
    found: list[Any] = []
    for move in body.iter(f"{_W}moveFrom"):
        marks = move.getparent()
        properties = marks.getparent() if marks is not None and marks.tag == f"{_W}rPr" else None
        p = properties.getparent() if properties is not None and properties.tag == f"{_W}pPr" else None
        if p is not None and p.tag == f"{_W}p" and (not found or found[-1] is not p):
            found.append(p)
    return found


def _mark(p: Any, own: Any = lambda _element: False) -> tuple[str, Any | None]:
    """`ins` or `del` when the paragraph's own mark (its break) is a tracked change (not one of a redline's
    own: those are taken as the break it circulated), `gone` when it is both (one reviewer's break another
    deleted: in neither version), with the latest change's element (None when unchanged)."""
    properties = p.find(f"{_W}pPr")
    marks = properties.find(f"{_W}rPr") if properties is not None else None
    if marks is None:
        return "", None
    found = [(kind, m) for kind, tags in (("ins", _INSERTED), ("del", _DELETED)) for tag in tags
             if (m := marks.find(tag)) is not None and not own(m)]
    if not found:
        return "", None
    kinds = {kind for kind, _ in found}
    return ("gone" if len(kinds) > 1 else found[0][0]), found[-1][1]


def _own_break(p: Any, own: Any) -> bool:
    """Whether a paragraph's mark (its break) is one of a Word redline's own tracked changes."""
    marks = p.find(f"{_W}pPr/{_W}rPr")
    return marks is not None and any(own(m) for tag in (*_INSERTED, *_DELETED) for m in marks.findall(tag))


def _row_mark(row: Any, own: Any) -> str:
    """`ins` or `del` when a table row itself is a tracked change (added or removed), else empty."""
    properties = row.find(f"{_W}trPr")
    found = [kind for kind, tag in (("ins", f"{_W}ins"), ("del", f"{_W}del")) if properties is not None
             and (m := properties.find(tag)) is not None and not own(m)]
    return found[-1] if found else ""


def _moved_words(p: Any) -> str:
    """A paragraph's words, its insertions aside (the text a move's source held, or its destination carries over),
    spaces folded."""
    words = (t.text or "" for t in p.iter(f"{_W}t", f"{_W}delText")
             if not any(a.tag == f"{_W}ins" for a in t.iterancestors(f"{_W}ins")))
    return " ".join(nfc("".join(words)).split())


def _comments_part(document: Any, name: str = "/word/comments.xml") -> Any | None:
    from docx.oxml import parse_xml

    for part in document.part.package.iter_parts():
        if str(part.partname) == name:
            return parse_xml(part.blob)
    return None


def _comment_text(element: Any, symbols: list[str] | None = None) -> str:
    """A Word comment's words, a paragraph a line: a line break in it (`w:br`, `w:cr`) a line break, a tab a space,
    a symbol its character, as in the document's text (`_CHARACTERS`); the symbols with none are named in
    `symbols`."""
    paragraphs = []
    for p in element.iter(f"{_W}p"):
        pieces = ((child.text or "") if child.tag == f"{_W}t" else _symbol(child, symbols)
                  if child.tag == f"{_W}sym" else _COMMENT_CHARACTERS.get(child.tag, "")
                  for run in p.iter(f"{_W}r") for child in run)
        paragraphs.append("\n".join(line.strip() for line in "".join(pieces).split("\n")).strip())
    return nfc("\n".join(x for x in paragraphs if x))


def _symbol(element: Any, symbols: list[str] | None) -> str:
    shown, named = symbol(element)
    if named and symbols is not None:
        symbols.append(named)
    return shown


def _threads(document: Any, part: Any) -> tuple[dict[str, str], set[str]]:
    """Each Word reply to a comment (commentsExtended.xml: its `paraIdParent` names a paragraph of the comment it
    answers) and the comment opening its thread, by their ids. A part that is missing or cannot be read, or a link
    to no comment, gives no thread: each comment then stands alone. With them, the comments marked resolved in Word
    (`w15:done`)."""
    from lxml.etree import XMLSyntaxError

    try:
        extended = _comments_part(document, "/word/commentsExtended.xml")
    except (XMLSyntaxError, ValueError):
        return {}, set()
    if extended is None or part is None:
        return {}, set()
    owner = {pid: element.get(f"{_W}id") or "" for element in part.iter(f"{_W}comment")
             for p in element.iter(f"{_W}p") if (pid := p.get(f"{_W14}paraId"))}
    parent: dict[str, str] = {}
    done = {owner[pid] for ex in extended.iter(f"{_W15}commentEx")
            if ex.get(f"{_W15}done") in ("1", "true", "on") and (pid := ex.get(f"{_W15}paraId") or "") in owner}
    for ex in extended.iter(f"{_W15}commentEx"):
        child, above = owner.get(ex.get(f"{_W15}paraId") or ""), owner.get(ex.get(f"{_W15}paraIdParent") or "")
        if child is not None and above is not None and child != above:
            parent.setdefault(child, above)
    roots: dict[str, str] = {}
    for cid in parent:
        chain, seen = [cid], {cid}  # up to the thread's first comment, once round a loop a broken file may hold
        while chain[-1] in parent and chain[-1] not in roots and parent[chain[-1]] not in seen:
            chain.append(parent[chain[-1]])
            seen.add(chain[-1])
        root = roots.get(chain[-1], chain[-1])
        roots.update(dict.fromkeys(chain, root))
    return {cid: root for cid, root in roots.items() if cid != root}, done


def _threaded(comments: list[ReplyComment], threads: dict[str, str]) -> list[ReplyComment]:
    """The comments with each reply in its thread's first comment: its text follows, a line opening with the
    replier's name, and the author names every person in the thread (Word shows a thread as one comment)."""
    by_id = {c.id: c for c in comments}
    answers: dict[str, list[ReplyComment]] = {}
    for c in comments:
        if threads.get(c.id) in by_id:
            answers.setdefault(threads[c.id], []).append(c)
    out = []
    for c in comments:
        if threads.get(c.id) in by_id:
            continue
        replies = sorted(answers.get(c.id, ()), key=lambda r: r.date)  # stable: in the document's order
        out.append(joined_thread([c, *replies]) if replies else c)
    return out


def _dashes(text: str) -> str:
    """`text` with a no-break space before a hyphen or an en dash read as a plain space: regdraft's copies write
    ` - ` and ` – ` between two words so (`render.dashes`), to keep the dash off a line's start; the regulation has
    a plain space there."""
    return _NO_BREAK_DASH.sub(" ", text)


_NO_BREAK_DASH = re.compile("\u00a0(?=[-\u2013])")


def read_reply(data: bytes, source: str, *, redline_changes: bool = False) -> Reply:
    """The paragraphs, tracked changes and comments of a Word reply.

    On a Word redline, its own tracked changes are the text it circulated (accepted in both versions);
    `redline_changes` reads them as changes like any other (the redline's "Reject all" and "Accept all")."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    check_parts(data, source)
    if (said := not_a_package(data[:4096], source, "Word", ".docx")) is not None:
        raise ParseError(said)
    try:
        document = docx.Document(io.BytesIO(data))
        part = _comments_part(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        # XMLSyntaxError: a part cut short, or with a DOCTYPE declaring entities, which Word never writes.
        raise ParseError(f"{source}: is not a Word (.docx) file that can be read ({exc}).") from None
    reader = _Reader()
    body = document.element.body
    reader.moved = {words for p in _move_marked(body)
                    if getattr(_mark(p)[1], "tag", "") == f"{_W}moveFrom" and (words := _moved_words(p))}
    named = (element.get(f"{_W}name") or "" for element in body.iter(f"{_W}bookmarkStart"))
    if not redline_changes:
        reader.own = next((n[len(REDLINE_MARK):] for n in named if n.startswith(REDLINE_MARK)), "")
    reader.walk(body)
    # Where the redline joins or splits paragraphs, a paragraph is part of a line before and after: no text before.
    joined = [p.own_mark or bool(k and reader.paragraphs[k - 1].own_mark) for k, p in enumerate(reader.paragraphs)]
    paragraphs = tuple(_paragraph(p, bool(reader.own), cut) for p, cut in zip(reader.paragraphs, joined, strict=True))
    comments: list[tuple[tuple[_At, int], ReplyComment]] = []  # where each starts in the document, and it
    circulated = [_dashes("".join(p.original)) for p in reader.paragraphs]
    shown = [_dashes("".join(p.shown)) for p in reader.paragraphs]
    for element in part.iter(f"{_W}comment") if part is not None else ():
        cid = element.get(f"{_W}id") or ""
        said, author = _comment_text(element, reader.symbols), nfc(element.get(f"{_W}author") or "")
        reader.left_out.read("text", said, f" of the Word comment by {author}")
        reader.left_out.read("author", author, f" of the Word comment by {author}")
        said, author = own_words(said), visible(author)
        span = reader.ranges.get(cid)
        if span is not None:
            start, end = span.start, span.end or span.start
        elif cid in reader.references:
            start = end = (reader.references[cid][0], 0, 0)
        else:
            # The reviewer deleted the words it was on: it is kept, placed nowhere (general, or reported).
            comments.append((((len(reader.paragraphs), 0, 0), 0), ReplyComment(
                cid, author, element.get(f"{_W}date") or "", said, UNANCHORED, UNANCHORED, "")))
            continue
        selection = nfc(_selection(circulated, start[:2], end[:2])).strip()
        struck = "" if selection or not reader.own else nfc(_selection(shown, start[::2], end[::2])).strip()
        met = span.met if span is not None else reader.references[cid][1]
        comments.append(((start, met), ReplyComment(
            cid, author, element.get(f"{_W}date") or "", said,
            start[0], end[0], selection, struck, boxed=cid in reader.boxed)))
    # In the document's order, as Word's review pane lists them (the comments part holds them as they were written,
    # or, saved by LibreOffice, in an order of its own): those starting at the same place as their range marks stand.
    comments.sort(key=lambda found: found[0])
    threads, done = _threads(document, part)
    moments = true_moments(lambda name: _comments_part(document, name), part)  # newer Word's true UTC
    comments = [(at, replace(c, resolved=c.id in done, moment=moments.get(c.id, ""))) for at, c in comments]
    notes = [*([left] if (left := unmapped(reader.symbols)) else []), *reader.left_out.said()]
    return Reply(source, paragraphs, tuple(_threaded([c for _, c in comments], threads)), reader.copy, tuple(notes),
                 bool(reader.own))


def _paragraph(p: _Paragraph, redline: bool = False, cut: bool = False) -> ReplyParagraph:
    """A paragraph as read, its reviewer's changes inside words a Word redline strikes out set apart: text typed
    there is in neither version (it was read as typed into the new text), and its author is not among the
    paragraph's (`word_struck`); on a redline, with the text it reads as with the redline's own changes rejected
    (`cut`: where the redline splits or joins paragraphs, as part of a line, not a line before the draft)."""
    apart, in_struck = inside_struck(p.pieces) if _holds_struck(p.pieces) else (set(), ())
    accepted, authors = p.accepted, p.authors
    if apart:
        accepted = [text for k, (state, text, _) in enumerate(p.pieces) if state in ("", "ins") and k not in apart]
        authors = list(dict.fromkeys([*p.marked, *(who for k, (state, _, who) in enumerate(p.pieces)
                                                   if state in ("ins", "del") and k not in apart and who)]))
    return ReplyParagraph(p.address[1] if p.address else None, nfc(_dashes("".join(p.original))),
                          nfc(_dashes("".join(accepted))), tuple(visible(nfc(a)) for a in authors), p.date, p.mark,
                          p.address[0] if p.address else 0, p.cell, tuple(p.formatting),
                          tuple(replace(c, authors=tuple(visible(nfc(a)) for a in c.authors)) for c in in_struck),
                          p.grid, nfc(_dashes("".join(p.before))) if redline and not cut else "",
                          nfc(_dashes("".join(p.before))) if redline and cut else "")


def _holds_struck(pieces: list[tuple[str, str, str]]) -> bool:
    """Whether a paragraph holds words a Word redline strikes out (else nothing of it is set apart)."""
    return any(state in STRUCK for state, _, _ in pieces)


def _selection(circulated: list[str], start: tuple[int, ...], end: tuple[int, ...]) -> str:
    """The text as circulated (each paragraph's) between two (paragraph, offset) positions, paragraphs joined by
    line breaks."""
    if start[0] == end[0]:
        return circulated[start[0]][start[1]:end[1]]
    pieces = [circulated[start[0]][start[1]:], *circulated[start[0] + 1:end[0]], circulated[end[0]][:end[1]]]
    return "\n".join(x for x in pieces if x)
