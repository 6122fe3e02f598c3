"""Redline documents: a `Redline` (two versions compared) laid out as HTML or PDF.

`render_html` and `write` turn a `Redline` into a document in the office's format; choosing the
two versions from a workspace is `regdraft.workspace.redline`.

Post-conditions:
1. The title names both documents (`BẢN SO SÁNH Dự thảo lần 2 Quy chế … (05-QC/TU) với Quy chế số
   01-QC/TU ngày 09/01/2021`); the cover line names each version by document, draft and date (the
   text in force by its effective date) in the profile's date style; commit ids only in the
   metadata line at the end. Page 1 prints no document number: a comparison has none.
2. The summary lists every change of the comparison with a link to it and, in print, the page it
   is on; against an amendment, each provision an instruction names is listed with the kind of
   change the instruction makes.
3. Page 1 carries the place-and-date line: blank days for an amendment not yet signed (as the
   amending document prints it), the regulation's own date when two of its revisions are compared.
4. Each side quotes its text as written: the old side (the column of the text in force, or the
   unchanged and struck words inline) the old text, the new side the new text, also where the
   comparison found two spellings equal (`thoả`/`thỏa`: `core.word_diff.as_written`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from regdraft.core.collector import paused
from regdraft.core.diff import ChangeKind, Comparison, Provision, unit_lines
from regdraft.core.errors import UsageError
from regdraft.core.markdown_writer import heading_text, unit_label_text
from regdraft.core.model import CONTAINER_KINDS, HEADING_KINDS, REPEALED_TEXT, TEXT_HEADINGS, Kind, Unit, unit_address
from regdraft.core.moves import Place, child_ranks, reading_order, top_ranks
from regdraft.core.parts import is_table, table_head, table_rows
from regdraft.core.word_diff import DiffSegment
from regdraft.render.kinds import in_part_alone, in_title_alone, kind_words, only_amends
from regdraft.render.marked import Paragraph, marked, para_class
from regdraft.render.paragraphs import bar, relabelled, renumbered_only
from regdraft.render.profile import cited_date, mid_sentence

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.render.fragments import Fragments, KeptFragments
    from regdraft.render.html import DocumentHeader, PageTemplate
    from regdraft.render.profile import Profile


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a comparison: the document it is (type, number, dates, draft) and the revision read.

    `signed` names the document by its date; `effective` dates a text in force; `drafted` dates a
    draft; `commit` and `date` (the commit's) go to the metadata line only.
    """

    label: str
    doc_id: str = ""
    commit: str = ""
    date: str = ""
    uncommitted: str = ""
    kind: str = ""
    number: str = ""
    title: str = ""
    signed: Any = None
    effective: Any = None
    drafted: Any = None
    draft: int | None = None  # an amending document's draft number, when it has one
    amended_by: tuple[str, ...] = ()  # the text in force: the adopted amending documents it holds (`Luật số …`)
    pending: bool = False  # the working text holds an adopted amendment not yet in force: `effective` is that one's
    adopted: bool = False  # the text as an adopted amendment left it (a revision that is its adoption)

    def document(self, words: Mapping[str, str], style: str) -> str:
        """`Quy chế số 01-QC/TU ngày 09/01/2021`, or a draft `Dự thảo lần 2 Quy chế sửa đổi, bổ sung … (05-QC/TU)`
        (`Draft 1 of the Regulation amending …` in English: the profile's `draft_of`); an amending
        document with no draft number (an issued law, say) by its title alone: `Luật sửa đổi, bổ sung …
        (57/2024/QH15)`."""
        if self.title:
            number = f" ({self.number})" if self.number else ""
            if self.draft is None:
                return self.title + number
            return words["draft_of"].format(draft=self.label, title=self.title) + number
        number = f" {words['number_cited']} {self.number or self.doc_id}" if self.number or self.doc_id else ""
        signed = cited_date(self.signed, style, words)
        dated = f" {words['dated']} {signed}" if signed else ""
        return f"{self.kind or self.label}{number}{dated}"

    def describe(self, words: Mapping[str, str], style: str) -> str:
        """`Văn bản hiện hành (Quy chế số 01-QC/TU, có hiệu lực từ ngày 09/01/2021)`, `Dự thảo lần 2 (… ngày …)`;
        a text amended since: `(Luật số 22/2023/QH15, được sửa đổi, bổ sung bởi Luật số 57/2024/QH15, có hiệu lực từ
        ngày 15/01/2025)`."""
        number = f"{self.kind} {words['number_cited']} {self.number or self.doc_id}".strip() \
            if self.number or self.doc_id else ""
        bits = [number] if number else []
        if self.amended_by:  # its date of effect is then the latest amendment's, not the text's own
            bits.append(f"{words['amended_by']} {', '.join(self.amended_by)}")
        if self.effective:
            since = words["pending_from"] if self.pending else words["effective_from"]
            bits.append(f"{since} {cited_date(self.effective, style, words)}")
        elif self.drafted:
            bits.append(f"{words['drafted_on']} {cited_date(self.drafted, style, words)}")
        return f"{self.label} ({', '.join(bits)})" if bits else self.label

    def revision(self, words: Mapping[str, str], style: str = "numeric") -> str:
        """For the metadata line: `01-QC/TU: mã phiên bản 4934479, 02/03/2026` (`commit 4934479` in English: the
        profile's `revision`; the commit's date in `style`), or `01-QC/TU: chưa lưu vào lịch sử`."""
        commit = words.get("revision", "commit {commit}").format(commit=self.commit) if self.commit else ""
        dated = "" if self.uncommitted else cited_date(self.date, style, words)
        bits = [b for b in (self.uncommitted or commit, dated) if b]
        return f"{self.doc_id or self.label}: {', '.join(bits)}" if bits else ""


@dataclass(frozen=True, slots=True)
class Redline:
    """A comparison with what the document needs around it: versions, draft number, reasons."""

    comparison: Comparison
    old_version: Version
    new_version: Version
    draft: int | None = None
    number: str | None = None
    reasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    stem: str = "redline"  # the default file name's: the regulation's stem and the pair compared
    references: tuple[str, ...] = ()
    amendment: Amendment | None = None
    kept: KeptFragments | None = None  # where the new text's unchanged articles are kept printed
    kept_old: KeptFragments | None = None  # the same for the old text (used when both share a language)
    # Two adopted texts compared, the new one made from the old by a run of adoptions: their amending documents, in
    # order (`workspace.redline_adopted`), named and dated as an amendment's redline names and dates its document.
    adopted: tuple[Amendment, ...] = ()

    @property
    def documents(self) -> tuple[Amendment, ...]:
        """The amending documents that make the new text from the old: the amendment, or the adopted run."""
        return (self.amendment,) if self.amendment is not None else self.adopted

    def _words(self, profile: Profile | None) -> tuple[dict[str, str], str]:
        from regdraft.render.profile import default_profile

        profile = profile or default_profile()
        language = self.comparison.new.language
        return profile.words(language), profile.cited_style(language)

    def title_line(self, profile: Profile | None = None) -> str:
        """What the comparison is, the line under its title: `Dự thảo lần 2 Quy chế … (05-QC/TU) với Quy chế số
        01-QC/TU ngày 09/01/2021`; in English `of Draft 1 of the Regulation … with Regulation No. 01-QC/TU of
        09/01/2021`, so that it reads on from the title ("COMPARISON of …"): the profile's `comparison_summary`."""
        words, style = self._words(profile)
        old, new = self.old_version.document(words, style), self.new_version.document(words, style)
        if old == new:  # two revisions of one document: say which is which
            old, new = f"{old} ({self.old_version.label})", f"{new} ({self.new_version.label})"
        return words["comparison_summary"].format(new=new, old=old)

    def cover_line(self, profile: Profile | None = None) -> str:
        """The line naming the two versions compared, by document, draft and date."""
        words, style = self._words(profile)
        new = mid_sentence(self.new_version.describe(words, style), words, self.comparison.new.language)
        return f"{self.old_version.describe(words, style)} {words['compared_with']} {new}"

    def metadata_line(self, profile: Profile | None = None) -> str:
        """The small line at the end naming the revisions read (commit ids and their dates)."""
        words, style = self._words(profile)
        style = style if self.comparison.new.language == "en" else "numeric"  # 05/12/2026 in Vietnamese, not ISO
        bits = [b for b in (self.old_version.revision(words, style), self.new_version.revision(words, style)) if b]
        return f"{words['compared_versions']} {'; '.join(bits)}." if bits else ""


def words_for(language: str, profile: Profile | None = None) -> dict[str, str]:
    """The redline's fixed phrases in `language`, from the profile (the default one when None)."""
    from regdraft.render.profile import default_profile

    return (profile or default_profile()).words(language)


def sentence(text: str) -> str:
    """`text` with its first letter capitalised."""
    return text[:1].upper() + text[1:]


# --- HTML ---------------------------------------------------------------------------------


_LEGEND_MARKS = {"ins": ('<ins class="ins">', "</ins>"), "del": ('<del class="del">', "</del>"),
                 "moved": ('<span class="mv">', "</span>"), "moved-away": ('<del class="mv">', "</del>")}


SHORT_ROW = 240  # characters: about five lines of a comparison table's text column, where a cell may first break


class _Helpers:
    """Functions the redline templates call, bound to the document's language."""

    def __init__(self, redline: Redline, profile: Profile) -> None:
        self.redline = redline
        self.language = redline.comparison.new.language
        self.words = words_for(self.language, profile)
        doc = redline.amendment
        if doc is not None and doc.issued:
            # A signed amending document (imported to be consolidated) is no draft: `Quy định sửa đổi, bổ sung`.
            self.words = {**self.words, "proposed": self.words.get("amended_text", self.words["proposed"])}
        if redline.new_version.adopted:  # two adopted texts compared: the new one is no draft
            self.words = {**self.words, "proposed": self.words.get("amended_text", self.words["proposed"])}
        if redline.old_version.pending:  # an adopted amendment not yet in force is in it: not `Quy định hiện hành`
            self.words = {**self.words, "current": self.words.get("adopted_column", self.words["current"])}
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

    def heading_marked(self, p: Provision, side: str, place: str = Place.HERE) -> Markup:
        unit = p.new or p.old
        assert unit is not None
        old_label = heading_text(_bare(p.old), self.language) if p.old else ""
        new_label = heading_text(_bare(p.new), self.language) if p.new else ""
        moved = place == Place.MOVED_HERE
        if p.new is None:
            label = Markup(f'<del class="del">{escape(old_label)}</del>') if side != "new" else Markup("")
        elif p.old is None:
            label = Markup(f'<ins class="ins">{escape(new_label)}</ins>') if side != "old" else Markup("")
        else:
            label = relabelled(old_label, new_label, side, self.note(p, place), moved)
        if p.identical:
            title = escape(unit.title or "")
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

        One side alone (the comparison table's columns) keeps the new order.
        """
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
        head = f"{heading_text(Unit(p.kind, p.old.label), self.language)}. " if p.kind in TEXT_HEADINGS else \
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
        """A provision's own paragraphs, marked; a repealed one ends with its placeholder. `only_changed`: the
        changed ones alone (`marked`)."""
        paragraphs = marked(p.text, side, moved, only_changed, labelled=p.kind not in TEXT_HEADINGS)
        if paragraphs and paragraphs[0].tag != "p" and p.kind not in TEXT_HEADINGS:
            paragraphs.insert(0, Paragraph(Markup(""), "para"))  # the label on a line of its own, above the table
        if p.change is ChangeKind.REPEALED and p.new is not None and p.kind not in TEXT_HEADINGS and side != "old":
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
            return f"{old.describe(self.language)} → {new.describe(self.language)}"
        where = str(change.address.describe(self.language))
        if in_title_alone(change):  # the summary's change and the table's row alike
            return f"{'the title of' if self.language == 'en' else 'tên'} {where}"
        part = in_part_alone(self._provision(change))  # `phần mở đầu Điều 37`: words changed in its lead-in alone
        return str(change.address.unit.with_part(part).describe(self.language)) if part else where

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
        parts = getattr(item, "parts", ())
        unit_kind = item.kind if isinstance(item, Provision) else getattr(item, "unit_kind", Kind.CLAUSE)
        only = only_amends(self.redline.documents, item)
        own = kind_words(self.words, kind, parts, unit_kind, self.language, only)
        if kind in (ChangeKind.AMENDED, ChangeKind.WORDS_REPLACED) and item is not None and self._end_only(item):
            return self.words.get("kind_end_punctuation") or own  # a profile of an office's own may lack the word
        return own

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
        if p.old_address is None or (p.change is not ChangeKind.MOVED and p.moved_from is None):
            return ""
        return f"{self.words['moved_from']} {p.old_address.describe(self.language)}"

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


def _bare(unit: Unit | None) -> Unit:
    """The unit with its title dropped, so `heading_text` gives only `Điều 5`."""
    assert unit is not None
    return Unit(unit.kind, unit.label)


def changed_provisions(provisions: Sequence[Provision]) -> Iterator[Provision]:
    """Every provision listed as a change, in document order."""
    for p in provisions:
        if p.change is not None and p.anchor:
            yield p
        if p.change not in (ChangeKind.INSERTED, ChangeKind.REPEALED):
            yield from changed_provisions(p.children)


class _Runs:
    """`in_order` of the body's top level, each run of unchanged provisions printed at once.

    Runs of unchanged provisions become `(html, "kept")`: their fragments joined by the line break
    the template's loop would have put between them, so the page is the same byte for byte, while
    the template is entered once per run instead of once per provision (a sandboxed call, attribute
    lookups and an escape each). Anything else comes as `in_order` gives it.
    """

    KEPT = "kept"

    def __init__(self, helpers: _Helpers, fragments: Fragments, globals_: Mapping[str, Any],
                 changed_only: bool) -> None:
        # Private: a template calls this helper, and has no business with what it holds (`render.reach`).
        self._helpers, self._fragments, self._globals, self._changed_only = helpers, fragments, globals_, changed_only

    def __call__(self, provisions: Sequence[Provision]) -> list[tuple[Provision | Markup, str]]:
        annotate = bool(self._globals.get("annotate"))
        out: list[tuple[Provision | Markup, str]] = []
        run: list[str] = []
        for p, at in self._helpers.in_order(provisions):
            # What the template's loop prints for it: `unchanged(p.new, False, …)` (with --changed-only a
            # collapsed line instead, and a heading or a provision moved away their own lines).
            if p.identical and not self._changed_only and at != Place.MOVED_AWAY and p.kind not in _HEADINGS:
                assert p.new is not None
                run.append(self._fragments.unchanged_html(p.new, False, p.new_address if annotate else None, p.old))
                continue
            if run:
                out.append((Markup("\n".join(run)), self.KEPT))
                run = []
            out.append((p, at))
        if run:
            out.append((Markup("\n".join(run)), self.KEPT))
        return out


_HEADINGS = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)  # printed as a heading line by the body's loop


def page_header(redline: Redline, profile: Profile, today: dt.date, landscape: bool = False) -> DocumentHeader:
    """Page 1's header block: the comparison's title naming both documents, the banner and date line; the running
    header fits a line of the page (`landscape`: the comparison table's).

    Against an amendment, the `DỰ THẢO lần N` banner and the place-and-date line are those the
    amending document prints (`amend export`): blank days until it is signed; the number is the
    amendment's, or the regulation's while the amendment has none. Between two revisions, the
    regulation's own number and date.
    """
    from regdraft.render import running
    from regdraft.render.html import document_header

    header = document_header(redline.comparison.new.meta, profile, draft=redline.draft, number=redline.number)
    # A comparison is no numbered document: its title names both documents, and so does its running header.
    words, _ = redline._words(profile)
    header = dataclasses.replace(header, number="", running=running.redline_line(redline, profile, landscape),
                                 type=words["comparison_title"],
                                 summary=redline.title_line(profile))
    if not redline.documents:
        return header
    from regdraft.render.html import amendment_header

    # The amendment's draft banner and date line; an adopted run's latest document's date (as its redline had it).
    own = amendment_header(redline.documents[-1], profile, today)
    return dataclasses.replace(header, draft=own.draft, place_date=own.place_date)


def _preamble(comparison: Comparison) -> tuple[list[Paragraph], tuple[DiffSegment, ...]]:
    """The new text's preamble (its bases, `Căn cứ …`) as printed paragraphs, marked against the old one's where
    they differ, and the word diff when they do (empty when not): a comparison of the provisions alone showed an
    edited basis nowhere."""
    from regdraft.core.word_diff import diff_words
    from regdraft.render.html import inline_markdown

    old, new = comparison.old.preamble, comparison.new.preamble
    if old == new:
        return [Paragraph(inline_markdown(text), "preamble") for text in new], ()
    segments = diff_words("\n".join(old), "\n".join(new))
    return [dataclasses.replace(para, css=f"preamble {para.css}") for para in marked(segments)], segments


def render_html(redline: Redline, *, layout: str = "inline", changed_only: bool = False,
                workspace_root: Path | None = None, profile: Any = None, today: dt.date | None = None,
                page: PageTemplate | None = None) -> str:
    """The redline as an HTML document (inline marks, or the landscape comparison table).

    `page` renders it through another template that extends the layout's (the review server's).
    """
    from regdraft.render.changed import Changed
    from regdraft.render.closing_parts import compare_closing
    from regdraft.render.fragments import Fragments, articles
    from regdraft.render.html import environment, numbers_kept_whole
    from regdraft.render.limits import regulation_size
    from regdraft.render.profile import default_profile

    if layout not in ("inline", "table"):
        raise UsageError(f"The layout '{layout}' is unknown; use inline or table.")
    profile = profile or default_profile()
    comparison = redline.comparison
    helpers = _Helpers(redline, profile)
    header = page_header(redline, profile, today or dt.date.today(), landscape=layout == "table")
    env = environment(workspace_root, page)
    fragments = Fragments(helpers.language, env.globals["mark"], env.globals["badge"], env.globals["mark_parts"])
    kept = redline.kept if page is None else None  # printed pages only: a face's page may annotate
    if kept is not None:
        fragments.keep(articles(comparison.new.units), kept.load())
    kept_old = redline.kept_old if page is None and comparison.old.language == comparison.new.language else None
    if kept_old is not None:
        fragments.keep_old(comparison.old.units, kept_old.load)
    changed = Changed(helpers, fragments.unchanged, env.globals)
    env.globals.update(
        unchanged=fragments.unchanged, in_runs=_Runs(helpers, fragments, env.globals, changed_only),
        provision_html=changed, title_marks=changed.title,
        heading=helpers.heading, label=helpers.label, heading_marked=helpers.heading_marked,
        label_marked=helpers.label_marked, describe=helpers.describe, kind_label=helpers.kind_label,
        where=helpers.where, moved_note=helpers.moved_note, body=helpers.body, closing=helpers.closing,
        in_order=helpers.in_order, moved_away=helpers.moved_away, legend=helpers.legend,
        reasons=helpers.reasons, line=helpers.line,
        touched=helpers.touched, prune=changed_only and layout == "table", whole=helpers.whole,
        marked=marked, para_class=para_class, change_bar=bar, repealed_text=REPEALED_TEXT[helpers.language],
    )
    preamble, preamble_segments = _preamble(comparison)
    template = env.get_template(page.name if page else f"redline-{layout}.html.j2")
    with paused():  # a string or more per provision; the few cycles of templates wait until after
        rendered = template.render(
            size=lambda: regulation_size(comparison.old) + regulation_size(comparison.new),
            lang=helpers.language, profile=profile, header=header, words=helpers.words,
            orientation="landscape" if layout == "table" else "portrait",
            cover_line=redline.cover_line(profile),
            metadata_line=redline.metadata_line(profile), changes=comparison.changes,
            provisions=comparison.provisions, rows=list(changed_provisions(comparison.provisions)),
            changed_only=changed_only, references=redline.references,
            preamble=preamble, preamble_changed=bool(preamble_segments), preamble_segments=preamble_segments,
            closing=compare_closing(comparison.old.meta, comparison.new.meta),
            first_appendix=next((k for k, p in enumerate(comparison.provisions) if p.kind == "appendix"),
                                len(comparison.provisions)),
        )
    if kept is not None and fragments.added:
        kept.store(fragments.kept)
    if kept_old is not None and fragments.old_added:
        kept_old.store(fragments.old_kept)
    # A line, above all in the table's narrow columns, would break a document number at its slash ("22-QĐ/"
    # then "TW"). The review server's page (`page`) is screen text beside a comment panel, left as it is.
    return numbers_kept_whole(rendered) if page is None else rendered
