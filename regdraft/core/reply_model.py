"""A review reply that came back in Word, as values: its paragraphs (as circulated and as the reviewer left them),
its Word comments and threads, and what placing it on a draft gave (`Placed`, `Unplaced`).

Pure core, no file, git or clock: the DOCX reader (`regdraft.importer.word_reply`) makes a `Reply`;
`regdraft.core.replies.comments_from_reply` places it, and the values are importable from there too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from regdraft.core.model import Regulation

if TYPE_CHECKING:
    from regdraft.core.comments import Comment
    from regdraft.core.reply_marks import CopyMark

# A provision of one amended text: the regulation's key (as in `Texts`) and the address.
Place = tuple[str, str]
# The amended texts of a review copy, in the copy's order: each regulation's key in comments (empty
# for the amendment's main regulation, else its id) and the text as amended.
Texts = Sequence[tuple[str, Regulation]]


@dataclass(frozen=True, slots=True)
class StruckChange:
    """A reviewer's tracked change inside words a Word redline itself strikes out (the old text): the words typed
    there, those of the struck words deleted again, the struck words around it, and who made it. The struck words are
    no text of the draft, so it changes no wording of it."""

    inserted: str
    deleted: str
    struck: str
    authors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReplyParagraph:
    """One paragraph of a reply: the text as circulated and the text with the reviewer's changes.

    `address` comes from the review copy's bookmark (None when the reply has none), and `text`
    from its amended text (1, 2 ... in a copy of several; 0 when the bookmark names none);
    `original` rejects every tracked change, `accepted` accepts them all; in a table, `grid` says which cell of it the
    paragraph is (a cell's words may be another's, or none); `authors` and `date`
    are those of its tracked changes; `mark` is `ins` or `del` when the paragraph break itself
    was inserted or deleted (the paragraph then joins the next one in the other version), `gone` when it was
    inserted and then deleted (it joins the next one in both). On a Word redline, `in_struck` holds the reviewer's
    tracked changes inside words the redline itself strikes out, which are in neither `original` nor `accepted`.
    """

    address: str | None
    original: str
    accepted: str
    authors: tuple[str, ...] = ()
    date: str = ""
    mark: str = ""
    text: int = 0
    cell: tuple[int, int, str] = (0, 0, "")  # in a table: the table, the row (from 1), `ins`/`del` of the row
    formatting: tuple[tuple[str, ...], ...] = ()  # its formatting-only tracked changes, each by what it changed
    in_struck: tuple[StruckChange, ...] = ()
    grid: tuple[int, int] = (0, 0)  # in a table: the row of its table and the cell of the row (each from 1)
    before: str = ""  # on a Word redline, its words with the redline's own changes rejected (the text before the draft)
    # … where the redline splits or joins paragraphs there (`before` is then ""), those words all the same: a part of
    # a line before the draft, the rest in the paragraphs beside it (`reply_split`)
    part: str = ""

    @property
    def changed(self) -> bool:
        """True when the reviewer changed this paragraph with Track Changes on."""
        return self.original != self.accepted


UNANCHORED = -1  # the paragraph of a Word comment whose range and reference the reviewer deleted


@dataclass(frozen=True, slots=True)
class ReplyComment:
    """A Word comment: who wrote it, when, what, and the paragraphs its range starts and ends in (`UNANCHORED`
    when the reviewer deleted the words it was on); on a Word redline, `struck` holds the words the redline itself
    strikes out that it is on (none of the text as circulated selected). A Word thread read as one comment
    (`joined_thread`) keeps each comment of it as its member wrote it in `thread`, the first one first."""

    id: str
    author: str
    date: str
    text: str
    start: int
    end: int
    selection: str
    struck: str = ""
    thread: tuple[ReplyComment, ...] = ()
    boxed: bool = False  # on the words of a text box, which are no text of the paragraph it is anchored in
    resolved: bool = False  # marked resolved in Word (its thread's first comment)
    # When it was written as a true moment with its offset (`2025-07-10T09:00:37+07:00`), when the file gives its
    # true UTC; `date` is Word's `w:date` as written, the reviewer's local time marked `Z`, which identifies it.
    moment: str = ""


def joined_thread(thread: Sequence[ReplyComment], heading: str = "") -> ReplyComment:
    """A Word thread (a comment and the replies to it, in order) as one comment, as Word shows it: the first
    comment's text, then each reply's on a line opening with the replier's name, the author naming every person in
    it; placed where the first comment is. `heading`, when given, is a line before them all (what the thread
    answers)."""
    head, *replies = thread
    lines = [heading, head.text, *(f"{r.author}: {r.text}" if r.author else r.text for r in replies if r.text)]
    names = ", ".join(dict.fromkeys(a for a in (head.author, *(r.author for r in replies)) if a))
    return replace(head, text="\n".join(x for x in lines if x), author=names, thread=tuple(thread))


@dataclass(frozen=True, slots=True)
class Reply:
    """A whole reply: its paragraphs and its Word comments, in document order (comments whose words were deleted
    last)."""

    source: str
    paragraphs: tuple[ReplyParagraph, ...]
    comments: tuple[ReplyComment, ...]
    copy: CopyMark | None = None  # the review copy it was written on (copies written before 2026-12 have none)
    notes: tuple[str, ...] = ()  # what the reader could not read as written (a symbol with no Unicode character)
    redline: bool = False  # written on a Word redline (`regdraft redline … --format docx`): its own changes known

    @property
    def bookmarked(self) -> bool:
        """True for a review copy written by `regdraft round copy` (its provisions carry addresses)."""
        return any(p.address for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Something in a reply that could not be placed on a provision, with the words to show."""

    what: str
    text: str
    passage: str
    outside: bool = False  # in a paragraph of the review copy that is no provision's (another text's amendment)
    where: str = ""  # said when the passage is no words to quote: a table row's place (`the header table, …`)


@dataclass(frozen=True, slots=True)
class Placed:
    """The comments a reply holds, and what could not be placed."""

    placed: tuple[Comment, ...]
    unplaced: tuple[Unplaced, ...]
    notes: tuple[str, ...] = ()  # what the office should know of how comments were placed (a text box's)
    # A placed comment's `source` → the one an import before r37/r38 wrote for the same changes (a second tracked change
    # of a line or a table's cell replaced the first or was left out): a reply imported then is known again by it.
    earlier: Mapping[str, str] = field(default_factory=dict)
    # … and the one an import before r38 wrote with paragraphs a deleted mark joins run together (`chính.Cơ quan`, as
    # Word's "Accept all" leaves them), where the proposal now has a space at the join.
    run_together: Mapping[str, str] = field(default_factory=dict)
