"""What the redline templates call: `Helpers`, the functions bound to the document's language and words that
label, mark and describe a compared provision, and the redline's fixed phrases (`words_for`).

`render.redline.render_html` hands a `Helpers`' methods to the templates by name; `render.redline_docx` calls
them for the Word redline, so both documents name and mark a change alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from regdraft.core.diff import ChangeKind, Provision, holds_moves, unit_lines
from regdraft.core.markdown_writer import heading_text, unit_label_text
from regdraft.core.model import (
    CONTAINER_KINDS,
    HEADING_KINDS,
    REPEALED_TEXT,
    TEXT_HEADINGS,
    Kind,
    Regulation,
    Unit,
    unit_address,
)
from regdraft.core.moves import Place, child_ranks, reading_order, top_ranks
from regdraft.core.parts import is_table, table_head, table_rows
from regdraft.render.kinds import in_part_alone, in_title_alone, kind_words, only_amends, words_done, words_label
from regdraft.render.marked import Paragraph, marked, para_class
from regdraft.render.paragraphs import relabelled, renumbered_only

if TYPE_CHECKING:
    from regdraft.core.address import Address
    from regdraft.render.profile import Profile
    from regdraft.render.redline import Redline


def words_for(language: str, profile: Profile | None = None) -> dict[str, str]:
    """The redline's fixed phrases in `language`, from the profile (the default one when None)."""
    from regdraft.render.profile import default_profile

    return (profile or default_profile()).words(language)


def sentence(text: str) -> str:
    """`text` with its first letter capitalised."""
    return text[:1].upper() + text[1:]


_LEGEND_MARKS = {"ins": ('<ins class="ins">', "</ins>"), "del": ('<del class="del">', "</del>"),
                 "moved": ('<span class="mv">', "</span>"), "moved-away": ('<del class="mv">', "</del>")}


SHORT_ROW = 240  # characters: about five lines of a comparison table's text column, where a cell may first break


def replaces(new: Regulation, old: Regulation) -> bool:
    """Whether `new` is a regulation (or the draft of one) that replaces `old` whole (its `replaces:` names it)."""
    from regdraft.core.frontmatter import replaced_ids

    return bool(old.id) and old.id in replaced_ids(new.meta)


# The headings the redline prints as two lines, label then title (`Chương I` / `NHỮNG QUY ĐỊNH CHUNG`).
_TWO_LINES = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)


class Helpers:
    """Functions the redline templates call, bound to the document's language."""

    def __init__(self, redline: Redline, profile: Profile) -> None:
        self.redline = redline
        self.bookmarks = False  # for a PDF: `bookmark` names the headings' bookmarks
        self.language = redline.comparison.new.language
        self.words = words_for(self.language, profile)
        doc = redline.amendment
        if doc is not None and doc.issued:
            # A signed amending document (imported to be consolidated) is no draft: `Quy định sửa đổi, bổ sung`.
            self.words = {**self.words, "proposed": self.words.get("amended_text", self.words["proposed"])}
        # A new regulation's text (its draft, or it issued) against the one it replaces: no amending draft, and what
        # it lacks is not carried over, not repealed (`not_carried_over`).
        self.replacing = replaces(redline.comparison.new, redline.comparison.old)
        if self.replacing:
            self.words = {**self.words, "proposed": self.words.get("new_text", self.words["proposed"])}
        if redline.new_version.adopted:  # two adopted texts compared: the new one is no draft
            self.words = {**self.words, "proposed": self.words.get("amended_text", self.words["proposed"])}
        for side, key in ((redline.old_version, "current"), (redline.new_version, "proposed")):
            if side.by_revision:  # a column of a text at a revision is named as its side is (`Phiên bản HEAD~4`)
                self.words = {**self.words, key: side.label}
        if redline.old_version.pending:  # an adopted amendment not yet in force is in it: not `Quy định hiện hành`
            self.words = {**self.words, "current": self.words.get("adopted_column", self.words["current"])}
        if redline.old_version.superseded:  # the text before a run of adoptions, no longer in force
            self.words = {**self.words, "current": self.words.get("superseded_column", self.words["current"])}
        self._by_anchor: dict[str, Provision] | None = None  # the listed changes' provisions (`_end_only`)

    def whole(self, p: Provision) -> bool:
        """Whether a comparison table's row is kept on one page: its text is short on both sides (`SHORT_ROW`
        characters), so no cell could break anyway (two lines before a break, three after). Laid out as any
        row, its number, label and note stood alone at a page's foot, its text cells empty, all the text on
        the next page (Luật Thi đua, khen thưởng's khoản 3 Điều 80, one paragraph of three lines)."""
        return all(len(unit.title or "") + len(unit.all_text()) <= SHORT_ROW for unit in (p.old, p.new) if unit)

    def heading(self, unit: Unit) -> str:
        return heading_text(unit, self.language)

    def label(self, unit: Unit) -> str:
        return unit_label_text(unit, self.language)

    def bookmark(self, p: Provision, name: str | None = None) -> Markup:
        """A heading's PDF bookmark as an attribute (base.css: `bookmark-label: attr(data-bookmark)`): the heading as
        it now reads (as it read, when removed), not its struck and inserted words side by side, nor its label and
        title run together where a line break parts them (`Chương INHỮNG QUY ĐỊNH CHUNG`). A part's, chapter's or
        section's reads as it prints, its label's line then its title's (`Chương I NHỮNG QUY ĐỊNH CHUNG`), as the
        consolidated text's bookmark does. `name`: a comparison table's row, named by its first column. Only for a
        PDF (`bookmarks`): the HTML and the review page stay as they were."""
        if not self.bookmarks:
            return Markup()
        unit = p.new or p.old
        assert unit is not None
        text = name if name is not None else heading_text(unit, self.language)
        if name is None and unit.kind in _TWO_LINES and unit.title and not unit.repealed \
                and text.endswith(f". {unit.title}"):
            text = f"{text[:-len(unit.title) - 2]} {unit.title}"
        return Markup(' data-bookmark="{}"').format(text)

    def heading_marked(self, p: Provision, side: str, place: str = Place.HERE) -> Markup:
        unit = p.new or p.old
        assert unit is not None
        old_label = heading_text(_bare(p.old), self.language) if p.old else ""
        # A bare heading's text is its kind's noun, label and designation: one written out serves both sides.
        new_label = (old_label if p.old is not None and _labelled_alike(p.old, p.new) else
                     heading_text(_bare(p.new), self.language)) if p.new else ""
        moved = place == Place.MOVED_HERE
        if p.new is None:
            label = Markup(f'<del class="del">{escape(old_label)}</del>') if side != "new" else Markup("")
        elif p.old is None:
            label = Markup(f'<ins class="ins">{escape(new_label)}</ins>') if side != "old" else Markup("")
        else:
            label = relabelled(old_label, new_label, side, self.note(p, place), moved)
        if p.identical:
            from regdraft.render.html import inline_title

            title = inline_title(unit.title or "")  # Markdown inline, as a changed title's words (`marked`) read
        else:
            title = Markup(" ").join(x.html for x in marked(p.title, side, moved))
        if p.change is ChangeKind.REPEALED and p.new is not None and side != "old":
            title = title + Markup(f' <ins class="ins">{escape(REPEALED_TEXT[self.language])}</ins>')
        if not title:
            return label
        joiner = Markup("<br>") if unit.kind not in TEXT_HEADINGS else Markup(". ")
        if joiner != "<br>" and (p.old is None or p.new is None):  # an article's `. ` goes with it: no stray `.`
            joiner = Markup('<ins class="ins">. </ins>' if p.old is None else '<del class="del">. </del>')
        return label + joiner + title

    def label_marked(self, p: Provision, side: str, place: str = Place.HERE) -> Markup:
        old = unit_label_text(p.old, self.language) if p.old else ""
        new = unit_label_text(p.new, self.language) if p.new else ""
        if p.new is None:
            return Markup(f'<del class="del">{escape(old)}</del>') if side != "new" else Markup("")
        if p.old is None:
            return Markup(f'<ins class="ins">{escape(new)}</ins>') if side != "old" else Markup("")
        moved = place == Place.MOVED_HERE
        if p.kind in CONTAINER_KINDS and not p.identical and p.new.title:
            # A chapter's or section's label is its heading line (`Mục 2. HỢP TÁC …`): its title marked word by word,
            # as an article's is. It printed unmarked in a comparison table, a renamed Mục shown as unchanged.
            label = relabelled(heading_text(_bare(p.old), self.language), heading_text(_bare(p.new), self.language),
                               side, self.note(p, place), moved)
            return label + Markup(". ") + Markup(" ").join(x.html for x in marked(p.title, side, moved))
        return relabelled(old, new, side, self.note(p, place), moved)

    def note(self, p: Provision, place: str) -> Markup:
        """`(chuyển từ khoản 3 Điều 9)` where a moved provision stands, `(chuyển đến …)` where it
        stood, `(đánh số lại từ khoản 4)` for a new label alone (its words kept: `renumbered_only`); else nothing."""
        to = p.moved_to or p.new_address
        if p.old is None or p.old_address is None or to is None:
            return Markup("")
        if place == Place.MOVED_HERE:
            text = f"{self.words['moved_from_note']} {p.old_address.describe(self.language)}"
        elif place == Place.MOVED_AWAY:
            text = f"{self.words['moved_to_note']} {to.describe(self.language)}"
        elif p.new is not None and p.old.label != p.new.label and renumbered_only(p):
            own = unit_address(Unit(p.old.kind, p.old.label), None).describe(self.language)
            text = f"{self.words['renumbered_from']} {own}"
        else:
            return Markup("")
        return Markup(f'<span class="mv-note">({escape(text)})</span>')

    def in_order(self, level: Sequence[Provision], parent: Provision | None = None,
                 side: str = "both") -> list[tuple[Provision, str]]:
        """A level in reading order: each moved provision also where it stood (`core.moves`).

        One side alone (the comparison table's columns) keeps the new order; its old column prints a clause moved to
        another article where it stood, with `(chuyển đến …)` (a table's note names one provision only), and not one
        moved in from another article, which did not stand there (its own row and the other article's show it).
        """
        if side == "old":
            return [(p, Place.MOVED_AWAY if p.moved_to and p.new is None else Place.HERE)
                    for p in level if p.moved_from is None]
        if side != "both" or not any(p.change is not None for p in level):
            return [(p, Place.HERE) for p in level]
        ranks = top_ranks(self.redline.comparison.old) if parent is None else child_ranks(parent)
        # A clause moved to or from another article is where reading order puts a removal or an insertion.
        return [(p, Place.MOVED_AWAY if p.moved_to else Place.MOVED_HERE if p.moved_from else str(place))
                for p, place in reading_order(level, ranks)]

    def moved_away(self, p: Provision) -> list[Paragraph]:
        """A moved provision where it stood: its old text struck twice, then `(chuyển đến …)`. One repealed
        in place keeps its label and prints its placeholder: `5. <struck text> (được bãi bỏ) (chuyển đến …)`."""
        from regdraft.render.fragments import table_body
        from regdraft.render.html import inline_markdown

        assert p.old is not None
        heading_only = p.kind in CONTAINER_KINDS
        lines = [heading_text(p.old, self.language)] if heading_only else unit_lines(p.old, self.language)
        # `5. text`, or an article's `Điều 8. Title`: the label stays, the rest is struck.
        head = f"{heading_text(_bare(p.old), self.language)}. " if p.kind in TEXT_HEADINGS else \
            f"{unit_label_text(p.old, self.language)} "
        stands = not heading_only and p.new is not None and p.new.repealed and lines[0].startswith(head)
        out: list[Paragraph] = []
        for k, line in enumerate(lines):
            if k and is_table(line):
                rows = ["<tr>" + "".join(f'<td><del class="mv">{inline_markdown(c)}</del></td>' for c in row)
                        + "</tr>\n" for row in table_rows(line)]
                out.append(Paragraph(Markup("\n" + table_body(rows, table_head(line))), "provision-table chg", "table"))
                continue
            css = "article-heading" if k == 0 and p.kind in TEXT_HEADINGS else \
                p.kind.value if k == 0 and p.kind in HEADING_KINDS else para_class(line)
            if k == 0 and stands:
                html = Markup(f'{escape(head.rstrip())} <del class="mv">{inline_markdown(line[len(head):])}</del> '
                              f'<ins class="ins">{escape(REPEALED_TEXT[self.language])}</ins>')
            else:
                html = Markup(f'<del class="mv">{inline_markdown(line)}</del>')
            if k == 0:
                html += Markup(" ") + self.note(p, Place.MOVED_AWAY)
            out.append(Paragraph(html, f"{css} chg"))
        return out

    def legend(self) -> list[Markup]:
        """The legend's items, each with its sample drawn in the mark it explains.

        The profile writes a sample between `<ins>`, `<del>`, `<moved>` or `<moved-away>`; the
        words are escaped first, so nothing else in them becomes markup.
        """
        items = []
        for key in ("inserted", "deleted", "moved_here", "moved_away", "renumbered", "bar"):
            html = str(escape(self.words[f"legend_{key}"]))
            for tag, (start, end) in _LEGEND_MARKS.items():
                html = html.replace(f"&lt;{tag}&gt;", start).replace(f"&lt;/{tag}&gt;", end)
            items.append(Markup(html))
        return items

    def body(self, p: Provision, side: str, moved: bool = False, only_changed: bool = False) -> list[Paragraph]:
        """A provision's own paragraphs, marked; a repealed one ends with its placeholder, also one inserted as a
        placeholder (khoản 2 Điều 20a, inserted and repealed within a run of adoptions: `2. (được bãi bỏ)`, not `2.`).
        `only_changed`: the changed ones alone (`marked`)."""
        paragraphs = marked(p.text, side, moved, only_changed, labelled=p.kind not in TEXT_HEADINGS)
        if paragraphs and paragraphs[0].tag != "p" and p.kind not in TEXT_HEADINGS:
            paragraphs.insert(0, Paragraph(Markup(""), "para"))  # the label on a line of its own, above the table
        gone = p.change is ChangeKind.REPEALED or p.change is ChangeKind.INSERTED and bool(p.new and p.new.repealed)
        if gone and p.new is not None and p.kind not in TEXT_HEADINGS and side != "old":
            placeholder = Markup(f'<ins class="ins">{escape(REPEALED_TEXT[self.language])}</ins>')
            if paragraphs and paragraphs[-1].tag != "p":
                paragraphs.append(Paragraph(placeholder, "para"))
            elif paragraphs:
                last = paragraphs[-1]
                paragraphs[-1] = Paragraph(last.html + Markup(" ") + placeholder, last.css)
            else:
                paragraphs.append(Paragraph(placeholder, "para"))
        return paragraphs

    def closing(self, p: Provision, side: str, moved: bool = False) -> list[Paragraph]:
        """A provision's closing text (đoạn cuối), marked, after its children."""
        return marked(p.closing, side, moved) if p.closing else []

    def describe(self, change: Any) -> str:
        """The provision a listed change names: `khoản 2 Điều 5`; `tên Điều 3` (`the title of Article 3`)
        for words replaced in a title alone, as the amending instruction names it."""
        old, new = change.old_address, change.new_address
        # An insertion or a repeal names the one place it is made, also where it is a move's other end.
        kind = change.change if isinstance(change, Provision) else change.kind  # a table's row is a provision
        if kind is ChangeKind.INSERTED and new is not None:
            old = new
        elif kind is ChangeKind.REPEALED and old is not None:
            new = old
        if old is not None and new is not None and old != new:
            return f"{self._named(old)} → {self._named(new)}"
        where = self._named(change.address)
        if in_title_alone(change):  # the summary's change and the table's row alike
            return f"{'the title of' if self.language == 'en' else 'tên'} {where}"
        part = in_part_alone(self._provision(change))  # `đoạn mở đầu Điều 37`: words changed in its lead-in alone
        return str(change.address.unit.with_part(part).describe(self.language)) if part else where

    def _named(self, address: Address) -> str:
        """An address as the text names it: an appendix as its text designates it (`Schedule 1`), else
        `Address.describe`."""
        if address.kind is Kind.APPENDIX and not address.part:
            for reg in (self.redline.comparison.new, self.redline.comparison.old):
                unit = next((u for u in reg.units if u.kind is Kind.APPENDIX and u.label == address.label), None)
                if unit is not None:
                    return unit.designation or address.describe(self.language)
        return str(address.describe(self.language))

    def where(self, change: Any) -> str:
        """The provision as the table's first column names it: `Khoản 2 Điều 5`."""
        return sentence(self.describe(change))

    def line(self, text: str) -> str:
        """`text` as a line of a list or a cell of the table's notes starts: with a capital in English (`Point a,
        clause 1, Article 12`, `Amended`, `Clause 1 of Article 1, Draft 1`); as written in Vietnamese, whose summary
        and notes run on in lower case (`điểm a khoản 1 Điều 12`, `sửa đổi, bổ sung`)."""
        return sentence(text) if self.language == "en" else text

    def kind_label(self, kind: ChangeKind | None, item: Any = None) -> str:
        """The kind of a change in the document's words (`render.kinds`); given the change (or its provision),
        what happened to its lead-in or closing text alone (`sửa đổi, bổ sung đoạn mở đầu`), and a clause or
        point whose text changed only in its end (`.` to `;`, as a point added after it makes it) says so, not
        that it was amended."""
        if not kind:
            return ""
        if kind is ChangeKind.REPEALED and moved_children(self._provision(item)):
            return kind_words(self.words, ChangeKind.MOVED)  # its clauses moved: the note says where (`moved_note`)
        if kind is ChangeKind.REPEALED and self.not_carried_over(item):
            return self.words.get("kind_not_carried_over") or kind_words(self.words, kind)
        parts = getattr(item, "parts", ())
        unit_kind = item.kind if isinstance(item, Provision) else getattr(item, "unit_kind", Kind.CLAUSE)
        only = only_amends(self.redline.documents, item)
        own = kind_words(self.words, kind, parts, unit_kind, self.language, only)
        if kind in (ChangeKind.WORDS_REPLACED, ChangeKind.WORDS_DELETED, ChangeKind.WORDS_ADDED) and not parts:
            # as its instructions say it: `thay thế, bổ sung cụm từ`, not the comparison's `bổ sung cụm từ` alone
            own = words_label(self.words, words_done(self.redline.documents, self._provision(item))) or own
        if kind in (ChangeKind.AMENDED, ChangeKind.WORDS_REPLACED) and item is not None and self._end_only(item):
            return self.words.get("kind_end_punctuation") or own  # a profile of an office's own may lack the word
        return own

    def not_carried_over(self, item: Any) -> bool:
        """Whether a listed change (or the table's row) is a provision a new regulation's text lacks: it does not
        say `(được bãi bỏ)`, an amending document's repeal, so the draft column and the note say it is not carried
        over. A placeholder the new text itself writes (`3. (được bãi bỏ)`) is its own words, and stays."""
        if not self.replacing:
            return False
        p = self._provision(item)
        return p is not None and p.change is ChangeKind.REPEALED and p.new is None

    def removed_text(self, p: Provision) -> Markup:
        """What the draft column of a comparison table prints for a provision the new text lacks: the placeholder
        `(được bãi bỏ)` of a repeal, text the new version holds, marked inserted; a new regulation's `(không còn quy
        định)` (`not_carried_over`) or where an article's clauses went, a note of the table's, not text of either
        version: not marked inserted, so neither a copy nor a screen reader reads "[bổ sung: (không còn quy định)]"
        (r42 sweep CK 3)."""
        moved = moved_children(p)
        if moved:  # `(chuyển đến khoản 5 Điều 22, khoản 6 Điều 22)`: where its clauses now stand
            places = ", ".join(c.moved_to.describe(self.language) for c in moved if c.moved_to is not None)
            return Markup('<span class="table-note">{}</span>').format(f"({self.words['moved_to_note']} {places})")
        if self.not_carried_over(p) and self.words.get("not_carried_over_text"):
            return Markup('<span class="table-note">{}</span>').format(self.words["not_carried_over_text"])
        return Markup('<ins class="ins">{}</ins>').format(REPEALED_TEXT[self.language])

    def _provision(self, item: Any) -> Provision | None:
        """The provision of a listed change (the summary's `Change`), or the table's row itself."""
        if isinstance(item, Provision):
            return item
        if self._by_anchor is None:
            self._by_anchor = {p.anchor: p for p in changed_provisions(self.redline.comparison.provisions)}
        return self._by_anchor.get(getattr(item, "anchor", ""))

    def _end_only(self, item: Any) -> bool:
        item = self._provision(item)
        if item is None or item.old is None or item.new is None or item.old.label != item.new.label:
            return False
        from regdraft.core.item_ends import only_end_differs

        return only_end_differs(item.old, item.new)

    def moved_note(self, p: Provision) -> str:
        """The comparison table's note on a move: `Chuyển từ khoản 5 Điều 8` where a moved provision stands,
        `Chuyển đến khoản 3 Điều 6` where it stood (a repeal whose text an insertion takes elsewhere); else ""."""
        if p.moved_to is not None:
            return sentence(f"{self.words['moved_to_note']} {p.moved_to.describe(self.language)}")
        if moved_children(p):
            return self._children_moved(p)
        if p.old_address is None or (p.change is not ChangeKind.MOVED and p.moved_from is None):
            return ""
        return f"{self.words['moved_from']} {p.old_address.describe(self.language)}"

    def _children_moved(self, p: Provision) -> str:
        """Where each clause of a removed article went (`Khoản 1 chuyển đến khoản 5 Điều 22; khoản 3 không còn quy
        định`): the row of an article whose clauses mostly moved, which no repeal took away whole."""
        said = []
        for child in p.children:
            if child.old is None:
                continue
            own = unit_address(Unit(child.old.kind, child.old.label), None).describe(self.language)
            if child.moved_to is not None:
                said.append(f"{own} {self.words['moved_to_note']} {child.moved_to.describe(self.language)}")
            elif child.change is ChangeKind.REPEALED:
                word = self.words.get("kind_not_carried_over") if self.replacing else None
                said.append(f"{own} {word or kind_words(self.words, ChangeKind.REPEALED)}")
        return sentence("; ".join(said))

    def reasons(self, p: Provision) -> tuple[str, ...]:
        """The instructions behind a change: its own, else those of the nearest enclosing unit."""
        address: Any = p.address
        while address is not None:
            found = self.redline.reasons.get(str(address))
            if found:
                return found
            address = address.parent()
        return ()

    def touched(self, p: Provision) -> bool:
        return p.change is not None or any(self.touched(c) for c in p.children)


def _labelled_alike(old: Unit, new: Unit) -> bool:
    """Whether the two units' bare headings (`heading_text(_bare(…))`) read the same: kind, label and designation."""
    return old is new or (old.kind, old.label, old.designation) == (new.kind, new.label, new.designation)


def _bare(unit: Unit | None) -> Unit:
    """The unit with its title dropped, so `heading_text` gives only `Điều 5` (`Schedule 1`)."""
    assert unit is not None
    return Unit(unit.kind, unit.label, designation=unit.designation)


def moved_children(p: Provision | None) -> tuple[Provision, ...]:
    """The clauses (points) moved elsewhere of a provision the new text lacks, when more than half of its own moved
    (an article split among others, Điều 26's clauses now khoản 5 and 6 of Điều 22): its row says they moved and
    where, not that it was repealed; else ()."""
    if p is None or p.change is not ChangeKind.REPEALED or p.new is not None or p.old is None or not p.old.children:
        return ()
    moved = tuple(c for c in p.children if c.moved_to is not None)
    return moved if 2 * len(moved) > len(p.old.children) else ()


def changed_provisions(provisions: Sequence[Provision]) -> Iterator[Provision]:
    """Every provision listed as a change, in document order."""
    for p in provisions:
        if p.change is not None and p.anchor:
            yield p
        if p.children and (p.change not in (ChangeKind.INSERTED, ChangeKind.REPEALED)  # most have none: no generator
                           or p.change is ChangeKind.INSERTED and holds_moves(p)):
            yield from changed_provisions(p.children)
