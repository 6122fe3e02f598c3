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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from regdraft.core.collector import paused
from regdraft.core.diff import Comparison, Provision
from regdraft.core.errors import UsageError
from regdraft.core.model import Kind
from regdraft.core.moves import Place
from regdraft.core.word_diff import DiffSegment
from regdraft.render.marked import Paragraph, marked, para_class
from regdraft.render.paragraphs import bar
from regdraft.render.profile import cited_date, mid_sentence
from regdraft.render.redline_helpers import Helpers, changed_provisions, words_for
from regdraft.render.redline_page import KeptRun, passed_page, passed_pieces

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
    superseded: bool = False  # a text later adoptions of the run amended: not `Quy định hiện hành` in a table
    # named by its revision alone (`Phiên bản HEAD~4`): neither the text in force, an adopted text nor a draft, so a
    # table's column is named so too, not `Quy định hiện hành` / `Dự thảo sửa đổi, bổ sung`
    by_revision: bool = False
    # instructions it holds that take effect after `effective`, as cited, each with its date: (`khoản 9 Điều 1 Quy chế
    # số 05-QC/TU`, 2025-07-01), dated by their document's entry-into-force article (`core.amend.staged`)
    later: tuple[tuple[str, Any], ...] = ()
    issued_with: str = ""  # the type of the decision the text was issued with, whose number it has (`Quyết định`)
    # The amending documents its label names, as cited (`Nghị định số 48/2013/NĐ-CP`): an adopted text's, or those of
    # the run the text as enacted stood before (`workspace.redline_adopted`)
    amenders: str = ""
    # For a reader without commit ids (`commits` off): the round the version was circulated in, worded by the review
    # server (`gửi lấy ý kiến vòng 1 ngày 06/12/2026`), said in place of the commit's date, which dated the saving.
    circulated: str = ""

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
        return f"{self._kind(words)}{number}{dated}"

    def _kind(self, words: Mapping[str, str]) -> str:
        """The text's type as it is named before its number: a text issued with a decision by the decision (`Quy chế
        ban hành kèm theo Quyết định` số 15/2021/QĐ-UBND), as its number is the decision's."""
        if self.issued_with:
            return f"{self.kind or self.label} {words['issued_with']} {self.issued_with}"
        return self.kind or self.label

    def describe(self, words: Mapping[str, str], style: str) -> str:
        """`Văn bản hiện hành (Quy chế số 01-QC/TU, có hiệu lực từ ngày 09/01/2021)`, `Dự thảo lần 2 (… ngày …)`;
        a text amended since: `(Luật số 22/2023/QH15, được sửa đổi, bổ sung bởi Luật số 57/2024/QH15, có hiệu lực từ
        ngày 15/01/2025)`."""
        kind = self._kind(words) if self.kind else ""
        number = f"{kind} {words['number_cited']} {self.number or self.doc_id}".strip() \
            if self.number or self.doc_id else ""
        bits = [number] if number else []
        if self.amended_by:  # its date of effect is then the latest amendment's, not the text's own
            bits.append(f"{words['amended_by']} {', '.join(self.amended_by)}")
        if self.effective:
            since = words["pending_from"] if self.pending else words["effective_from"]
            bits.append(f"{since} {cited_date(self.effective, style, words)}")
            bits.extend(words["effective_except"].format(provisions=provisions, date=cited_date(day, style, words))
                        for provisions, day in self.later)
        elif self.drafted:
            bits.append(f"{words['drafted_on']} {cited_date(self.drafted, style, words)}")
        return f"{self.label} ({', '.join(bits)})" if bits else self.label

    def revision(self, words: Mapping[str, str], style: str = "numeric", commits: bool = True) -> str:
        """For the metadata line: `01-QC/TU: mã phiên bản 4934479, 02/3/2026` (`commit 4934479` in English: the
        profile's `revision`; the commit's date in `style`), or `01-QC/TU: chưa lưu vào lịch sử`. Without `commits`
        (a reader who has no use for them), the version by its label: `05-QC/TU (Dự thảo lần 2): 02/3/2026`, or by the
        round it was circulated in when it was (`circulated`): `05-QC/TU (Dự thảo lần 2): gửi lấy ý kiến vòng 1 ngày
        06/12/2026`."""
        commit = words.get("revision", "commit {commit}").format(commit=self.commit) if self.commit and commits else ""
        dated = "" if self.uncommitted else cited_date(self.date, style, words)
        if not commits and self.circulated:
            dated = self.circulated
        bits = [b for b in (self.uncommitted or commit, dated) if b]
        named = self.doc_id or self.label
        if not commits and self.doc_id and self.label and self.label != self.doc_id:
            named = f"{self.doc_id} ({self.label})"
        return f"{named}: {', '.join(bits)}" if bits else ""


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
    commits: bool = True  # the metadata line names the commits read (the review server leaves them out for members)
    # What reading the two files said, for `compare` to print: a .txt or .docx converted from a legacy encoding.
    read_notes: tuple[str, ...] = ()
    # The references the comparison table lists after its rows: two files compared, those the new text kept whose
    # target now stands under another number (an amendment's table, the dossier's Bảng so sánh, lists none).
    table_references: tuple[str, ...] = ()
    # Another amendment of the workspace has the amendment's title and number (`render.told_apart`): its folder said.
    alike: bool = False

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
        before, after = self.old_version, self.new_version
        if old == new and after.adopted and not before.adopted and before.amenders and after.amenders \
                and words.get("comparison_before_after"):
            # The text as enacted and as a run of adoptions left it: one document, named once (`Nghị định số
            # 63/2010/NĐ-CP … trước và sau khi được sửa đổi, bổ sung bởi Nghị định số 48/2013/NĐ-CP`, r36 BL 8).
            return words["comparison_before_after"].format(document=old, documents=after.amenders)
        if old == new:  # two revisions of one document: say which is which
            old, new = f"{old} ({self.old_version.label})", f"{new} ({self.new_version.label})"
        return words["comparison_summary"].format(new=new, old=old)

    def cover_line(self, profile: Profile | None = None) -> str:
        """The line naming the two versions compared, by document, draft and date, in the order the title line above
        it names them: the new one compared with the old (`Dự thảo lần 2 (…) so với văn bản hiện hành (…)` under `Dự
        thảo lần 2 … với Quy chế số 01-QC/TU …`); it read `Văn bản hiện hành (…) so với dự thảo lần 2 (…)`."""
        words, style = self._words(profile)
        old = mid_sentence(self.old_version.describe(words, style), words, self.comparison.new.language)
        return f"{self.new_version.describe(words, style)} {words['compared_with']} {old}"

    def metadata_line(self, profile: Profile | None = None) -> str:
        """The small line at the end naming the revisions read (commit ids and their dates)."""
        words, style = self._words(profile)
        style = style if self.comparison.new.language == "en" else "numeric"  # 05/12/2026 in Vietnamese, not ISO
        bits = [b for b in (self.old_version.revision(words, style, self.commits),
                            self.new_version.revision(words, style, self.commits)) if b]
        return f"{words['compared_versions']} {'; '.join(bits)}." if bits else ""


# --- HTML ---------------------------------------------------------------------------------


class _Runs:
    """`in_order` of the body's top level, each run of unchanged provisions printed at once.

    Runs of unchanged provisions become `(html, "kept")`: their fragments joined by the line break
    the template's loop would have put between them, so the page is the same byte for byte, while
    the template is entered once per run instead of once per provision (a sandboxed call, attribute
    lookups and an escape each). Anything else comes as `in_order` gives it.
    """

    KEPT = "kept"

    def __init__(self, helpers: Helpers, fragments: Fragments, globals_: Mapping[str, Any],
                 changed_only: bool) -> None:
        # Private: a template calls this helper, and has no business with what it holds (`render.reach`).
        self._helpers, self._fragments, self._globals, self._changed_only = helpers, fragments, globals_, changed_only

    def __call__(self, provisions: Sequence[Provision]) -> list[tuple[Provision | Markup, str]]:
        return [(p if isinstance(p, Provision) else Markup("\n".join(t for t, _ in p.parts)), at)
                for p, at in self._runs(provisions, False)]

    def passed(self, provisions: Sequence[Provision]) -> list[tuple[Provision | KeptRun, str]]:
        """The same, each run's kept articles as the page's pass makes them (`Fragments.passed_html`): the page
        prints a mark in their place (`PASSED`), passes the rest and puts them in (`passed_page`)."""
        return self._runs(provisions, True)

    def _runs(self, provisions: Sequence[Provision], passed: bool) -> list[tuple[Provision | KeptRun, str]]:
        annotate = bool(self._globals.get("annotate"))
        out: list[tuple[Provision | list[tuple[str | bytes, bool] | int], str]] = []
        run: list[tuple[str | bytes, bool] | int] = []
        fragments = self._fragments
        for p, at in self._helpers.in_order(provisions):
            # What the template's loop prints for it: `unchanged(p.new, False, …)` (with --changed-only a
            # collapsed line instead, and a heading or a provision moved away their own lines).
            if p.identical and not self._changed_only and at != Place.MOVED_AWAY and p.kind not in _HEADINGS:
                assert p.new is not None
                address = p.new_address if annotate else None
                # Kept: passed already; printed now: passed with the others printed now (`pass_later`, an int).
                run.append(fragments.passed_later(p.new, p.old) if passed and address is None
                           else (fragments.unchanged_html(p.new, False, address, p.old), False))
                continue
            if run:
                out.append((run, self.KEPT))
                run = []
            out.append((p, at))
        if run:
            out.append((run, self.KEPT))
        later = fragments.pass_later() if passed else []
        return [(KeptRun.of([later[part] if isinstance(part, int) else part for part in p]), at)
                if isinstance(p, list) else (p, at) for p, at in out]


_HEADINGS = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)  # printed as a heading line by the body's loop


def _environment(workspace_root: Path | None, page: PageTemplate | None,
                 globals_: Mapping[str, Any] | None = None) -> Any:
    """The templates' environment (`render.html.environment`), with the page's globals when given."""
    from regdraft.render.html import environment

    env = environment(workspace_root, page)
    if globals_ is not None:
        env.globals.update(globals_)
    return env


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
    from regdraft.render.told_apart import told_apart

    own = amendment_header(redline.documents[-1], profile, today)
    return dataclasses.replace(header, draft=own.draft, place_date=own.place_date,
                               told_apart=told_apart(redline.amendment, redline.alike, words))


def _preamble(comparison: Comparison) -> tuple[list[Paragraph], tuple[DiffSegment, ...]]:
    """The new text's preamble (its bases, `Căn cứ …`) as printed paragraphs, marked against the old one's where
    they differ, and the word diff when they do (empty when not): a comparison of the provisions alone showed an
    edited basis nowhere."""
    from regdraft.core.word_diff import diff_words
    from regdraft.render.html import inline_markdown

    old, new = comparison.old.preamble, comparison.new.preamble
    if old == new:
        return [Paragraph(inline_markdown(text), _preamble_class(text)) for text in new], ()
    segments = diff_words("\n".join(old), "\n".join(new))
    return [dataclasses.replace(para, css=f"{_preamble_class(_new_text(para.html))} {para.css}".strip())
            for para in marked(segments)], segments


def _preamble_class(text: str) -> str:
    """A preamble line's class as the export prints it: a line of the layout in capitals (a decree's `CHÍNH PHỦ`
    over its bases, `NGHỊ ĐỊNH:`) upright, bold and centred (`standing`), a basis in italics
    (`core.inline.standing_line`)."""
    from regdraft.core.inline import standing_line

    return "preamble standing" if standing_line(text) else "preamble"


def _new_text(html: str) -> str:
    """A marked paragraph's text in the new version: without what it deletes and without tags."""
    import re

    text = re.sub(r"<[^>]+>", "", re.sub(r"<del\b.*?</del>", "", html, flags=re.S))
    if "&" not in text:
        return text  # what `html.unescape` returns for it, without loading its 2,231 entities
    import html as entities

    return entities.unescape(text)


def render_html(redline: Redline, *, layout: str = "inline", changed_only: bool = False,
                workspace_root: Path | None = None, profile: Any = None, today: dt.date | None = None,
                page: PageTemplate | None = None, bookmarks: bool = False) -> str:
    """The redline as an HTML document (inline marks, or the landscape comparison table).

    `page` renders it through another template that extends the layout's (the review server's). `bookmarks`: for
    a PDF, a heading whose printed words are not its name names its bookmark (`Helpers.bookmark`).
    """
    printed = _render_html(redline, layout, changed_only, workspace_root, profile, today, page, pieces=False,
                           bookmarks=bookmarks)
    assert isinstance(printed, str)
    return printed


def render_html_pieces(redline: Redline, *, layout: str = "inline", changed_only: bool = False,
                       workspace_root: Path | None = None, profile: Any = None,
                       today: dt.date | None = None) -> list[str | bytes]:
    """`render_html(...)` in pieces, for a file: the page's UTF-8 is theirs joined, each text encoded. A warm printed
    page's kept articles are the bytes their cache entry holds (`render.fragments.KeptFragments`), never decoded into
    the page and encoded again (docs/performance.md, thirty-eighth round)."""
    from regdraft.render.profile import default_profile
    from regdraft.render.said_marks import said_pieces

    printed = _render_html(redline, layout, changed_only, workspace_root, profile, today, None, pieces=True)
    # A screen page: its marks said in words a copy holds (the PDF's are said by its tags, `render.spoken`).
    words = words_for(redline.comparison.new.language, profile or default_profile())
    return said_pieces([printed] if isinstance(printed, str) else printed, words)


def _render_html(redline: Redline, layout: str, changed_only: bool, workspace_root: Path | None, profile: Any,
                 today: dt.date | None, page: PageTemplate | None, pieces: bool,
                 bookmarks: bool = False) -> str | list[str | bytes]:
    """`render_html`, or (`pieces`) `render_html_pieces` where the page holds kept articles passed already."""
    from regdraft.render.changed import Changed
    from regdraft.render.closing_parts import compare_closing
    from regdraft.render.fragments import Fragments, articles
    from regdraft.render.html import kept_whole, print_globals
    from regdraft.render.profile import default_profile

    if layout not in ("inline", "table"):
        raise UsageError(f"The layout '{layout}' is unknown; use inline or table.")
    profile = profile or default_profile()
    comparison = redline.comparison
    helpers = Helpers(redline, profile)
    helpers.bookmarks = bookmarks
    header = page_header(redline, profile, today or dt.date.today(), landscape=layout == "table")
    # A face's page (`page`) brings its own globals (annotation hooks) into the environment; a printed page has the
    # print globals, and may be printed without Jinja2 (`render.redline_page`).
    env = _environment(workspace_root, page) if page is not None else None
    globals_ = env.globals if env is not None else print_globals()
    fragments = Fragments(helpers.language, globals_["mark"], globals_["badge"], globals_["mark_parts"])
    kept = redline.kept if page is None else None  # printed pages only: a face's page may annotate
    if kept is not None:
        fragments.keep(articles(comparison.new.units), kept.load())
    kept_old = redline.kept_old if page is None and comparison.old.language == comparison.new.language else None
    if kept_old is not None:
        fragments.keep_old(comparison.old.units, kept_old.load)
    changed = Changed(helpers, fragments.unchanged, globals_)
    globals_.update(
        unchanged=fragments.unchanged, in_runs=_Runs(helpers, fragments, globals_, changed_only),
        provision_html=changed, title_marks=changed.title,
        heading=helpers.heading, label=helpers.label, heading_marked=helpers.heading_marked, bookmark=helpers.bookmark,
        label_marked=helpers.label_marked, describe=helpers.describe, kind_label=helpers.kind_label,
        where=helpers.where, moved_note=helpers.moved_note, body=helpers.body, closing=helpers.closing,
        in_order=helpers.in_order, moved_away=helpers.moved_away, legend=helpers.legend,
        reasons=helpers.reasons, line=helpers.line,
        touched=helpers.touched, prune=changed_only and layout == "table", whole=helpers.whole,
        marked=marked, para_class=para_class, change_bar=bar, removed_text=helpers.removed_text,
    )
    preamble, preamble_segments = _preamble(comparison)
    values = dict(
        lang=helpers.language, profile=profile, header=header, words=helpers.words,
        orientation="landscape" if layout == "table" else "portrait",
        cover_line=redline.cover_line(profile),
        metadata_line=redline.metadata_line(profile), changes=comparison.changes,
        provisions=comparison.provisions, rows=list(changed_provisions(comparison.provisions)),
        changed_only=changed_only, references=redline.references,
        table_references=redline.table_references,
        preamble=preamble, preamble_changed=bool(preamble_segments), preamble_segments=preamble_segments,
        closing=compare_closing(comparison.old.meta, comparison.new.meta),
        first_appendix=next((k for k, p in enumerate(comparison.provisions) if p.kind == "appendix"),
                            len(comparison.provisions)),
    )
    name = page.name if page else f"redline-{layout}.html.j2"

    def jinja(reads: bool = False) -> tuple[str, set[str] | None]:
        """The page through the templates (and, asked, the names its outer part reads: `render.redline_page`)."""
        from regdraft.render.limits import regulation_size

        environment = env or _environment(workspace_root, None, globals_)
        with paused():  # a string or more per provision; the few cycles of templates wait until after
            rendered = environment.get_template(name).render(
                size=lambda: regulation_size(comparison.old) + regulation_size(comparison.new), **values)
        if not reads:
            return rendered, None
        from regdraft.render.redline_page import outer_reads

        return rendered, outer_reads(environment, name)

    def jinja_outer() -> tuple[str, str, set[str] | None] | None:
        """The page's outer part through the templates, its content block printing a mark alone (the provisions
        are not printed twice), and the names that part reads; None when the mark is not there once."""
        from regdraft.render.limits import regulation_size
        from regdraft.render.redline_page import MARK, checked_reads, outer_reads

        environment = env or _environment(workspace_root, None, globals_)
        child = environment.from_string(f'{{% extends "{name}" %}}{{% block content %}}{MARK}{{% endblock %}}')
        with paused():
            rendered = child.render(
                size=lambda: regulation_size(comparison.old) + regulation_size(comparison.new), **values)
        head, found, tail = rendered.partition(MARK)
        if not found or MARK in tail:
            return None
        reads = checked_reads(sources)
        return head, tail, reads if reads is not None else outer_reads(environment, name)

    sources = None
    # The runs of kept articles the printed page holds passed already (`PASSED` marks), each a text or its pieces.
    passed: list[str | list[str | bytes]] = []
    if page is None and layout == "inline":
        from regdraft.render import redline_page

        sources = redline_page.applies(workspace_root, helpers.words)
    if sources is None:
        rendered = jinja()[0]
    else:
        from regdraft.render.html import cache_folder_of

        outer = redline_page.Outer(cache_folder_of(workspace_root), sources, values)
        with paused():
            rendered = redline_page.page(values, globals_, outer, lambda: jinja(reads=True), jinja_outer,
                                         passed if page is None else None)
    if kept is not None and fragments.added:
        kept.store(fragments.kept)
    if kept_old is not None and fragments.old_added:
        kept_old.store(fragments.old_kept)
    # A line, above all in the table's narrow columns, would break a document number at its slash ("22-QĐ/"
    # then "TW"), or open with the hyphen of ` - ` ("- nghề nghiệp", read as a dash item). The review server's
    # page (`page`) is screen text beside a comment panel, left as it is.
    if page is not None:
        from regdraft.render.said_marks import said

        return said(rendered, helpers.words)  # a screen page: its marks said in words a copy holds
    if passed:
        whole = passed_pieces(rendered, passed) if pieces else passed_page(rendered, passed)
        if whole is not None:
            return whole
        # Never with regdraft's own templates and text (no text holds the mark, no page a script): printed as before.
        with paused():
            rendered = redline_page.page(values, globals_, outer, lambda: jinja(reads=True), jinja_outer)
    return kept_whole(rendered)
