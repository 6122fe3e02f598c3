"""The consolidated text and the amending document as HTML, PDF-ready HTML and Markdown.

Both documents are first flattened into `Block`s (one per heading, labelled paragraph or
plain paragraph), so the HTML template, the Markdown writer and the DOCX writer
(`regdraft.render.consolidated_docx`) walk the same sequence and cannot disagree about order,
labels or footnote numbers.

Post-conditions:
1. A changed unit's footnote marker follows its label (`2.`³, `c)`⁴, `Điều 20a.`⁵) in every
   format; the PDF gets real page footnotes (CSS `float: footnote`), the HTML numbered notes
   at the end, the DOCX real Word footnotes, the Markdown `[^n]` markers and definitions.
2. `regdraft.core.markdown.parse` accepts the Markdown export: its markers follow the label right after
   its dot or parenthesis, as in the other formats (`2\\.[^3] text`, `c)[^4] text`, `## Điều 20a.[^5] Title`),
   and the footnote definitions, the banner and the opening stand in the preamble, before the first unit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regdraft.core.consolidate import ConsolidatedText, Footnote
from regdraft.core.consolidation_frame import GAP, Frame, closing
from regdraft.core.frontmatter import signature_block
from regdraft.core.labels import ISSUED_WITH
from regdraft.core.markdown import dump_front_matter
from regdraft.core.markdown_writer import list_line
from regdraft.core.model import (
    HEADING_KINDS,
    REPEALED_TEXT,
    Address,
    Kind,
    Regulation,
    Unit,
    noun,
    part_label_text,
    unit_address,
)
from regdraft.core.parts import closing_mark, closing_marker, is_table, table_head, table_rows

if TYPE_CHECKING:
    import jinja2

    from regdraft.core.amend import Amendment
    from regdraft.core.amend.document import Instruction
    from regdraft.render.html import DocumentHeader
    from regdraft.render.profile import Profile


@dataclass(frozen=True, slots=True)
class Block:
    """One printed paragraph: a heading, a labelled clause or point, or a plain paragraph.

    `kind` is a unit kind, `para`, `dash`, `subdash`, `table` or `quote`; `level` is the heading
    depth for headings (1 = `#`) and the indentation step for the rest.
    """

    kind: str
    label: str = ""
    title: str = ""
    text: str = ""
    note: int | None = None
    level: int = 0
    repealed: bool = False
    address: str = ""
    closes: str = ""  # on a closing text's first paragraph: the marker the Markdown file writes before it
    closing: str = ""  # for a closing-text paragraph: `article` or `clause`, the kind it closes
    more: tuple[int, ...] = ()  # the footnotes after `note` (an amending document's own provisions, quoted)

    @property
    def notes(self) -> tuple[int, ...]:
        """Every footnote number after the label, in order."""
        return (self.note, *self.more) if self.note else self.more


def split_appendices(blocks: Sequence[Block]) -> tuple[Sequence[Block], Sequence[Block]]:
    """The blocks before the first appendix (printed before the signature) and the appendices' (after it)."""
    first = next((i for i, b in enumerate(blocks) if b.kind == "appendix"), len(blocks))
    return blocks[:first], blocks[first:]


def consolidated_blocks(ct: ConsolidatedText) -> list[Block]:
    """The consolidated regulation as blocks, in document order, with footnote numbers."""
    return regulation_blocks(ct.regulation, ct.markers)


def regulation_blocks(regulation: Regulation, marker: Callable[[Address], tuple[int, ...]] = lambda _: ()
                      ) -> list[Block]:
    """A regulation's units as blocks in document order, each naming its unit's address.

    `marker` gives the footnote numbers after a unit's label, if any.
    """
    out: list[Block] = []
    for unit in regulation.units:
        _unit_blocks(unit, None, 1, regulation.language, marker, out)
    return out


def _unit_blocks(unit: Unit, parent: Address | None, depth: int, language: str,
                 marker: Callable[[Address], tuple[int, ...]], out: list[Block]) -> None:
    address = unit_address(unit, parent)
    note, *more = marker(address) or (None,)
    at = str(address)
    repealed = REPEALED_TEXT.get(language, REPEALED_TEXT["vi"])
    if unit.kind in HEADING_KINDS:
        number = part_label_text(unit.label, language) if unit.kind is Kind.PART else unit.label
        # `Điều 5. Title`; an untitled article prints `Điều 1` alone, as the law does (Luật Thi đua, khen thưởng),
        # and `Điều 5.[1]` when a footnote mark follows its label (DOMAIN.md).
        titled = unit.kind is Kind.ARTICLE and bool(unit.title or unit.repealed or note)
        label = (unit.designation or f"{noun(unit.kind, language)} {number}") + ("." if titled else "")
        title = repealed if unit.repealed else (unit.title or "")
        out.append(Block(unit.kind.value, label, title, "", note, depth, unit.repealed, at, more=tuple(more)))
        text = unit.text
        if unit.kind is Kind.APPENDIX and text and ISSUED_WITH.match(text[0]):
            # `(Ban hành kèm theo Nghị định số …)` under the title, centred in italics as the document prints it.
            out.append(Block("appendix-note", text=text[0], address=at))
            text = text[1:]
        out.extend(_paragraphs(text, 0, at))
        for child in unit.children:
            _unit_blocks(child, address, depth + 1, language, marker, out)
        out.extend(_closing(unit, 0, language, at))
        return
    level = 2 if unit.kind is Kind.POINT and parent is not None and parent.kind is Kind.CLAUSE else 1
    label = f"{unit.label}." if unit.kind is Kind.CLAUSE else \
        f"{unit.label.replace('đ', 'dd') if language == 'en' else unit.label})"
    if unit.repealed:
        out.append(Block(unit.kind.value, label, "", repealed, note, level, True, at, more=tuple(more)))
        return
    first, rest = _split_first(unit.text)
    out.append(Block(unit.kind.value, label, "", first, note, level, address=at, more=tuple(more)))
    out.extend(_paragraphs(rest, level, at))
    for child in unit.children:
        _unit_blocks(child, address, depth, language, marker, out)
    out.extend(_closing(unit, level, language, at))


def _closing(unit: Unit, level: int, language: str, address: str) -> list[Block]:
    """A unit's closing text (đoạn cuối), its first paragraph carrying the format's marker."""
    kind = "article" if unit.kind in HEADING_KINDS else "clause"
    blocks = list(_paragraphs(unit.closing, level, address, kind))
    if blocks:
        blocks[0] = dataclasses.replace(blocks[0], closes=closing_marker(unit.kind, unit.label, language))
    return blocks


def _split_first(text: Sequence[str]) -> tuple[str, Sequence[str]]:
    if text and not _is_dash(text[0]):
        return text[0], text[1:]
    return "", text


def _is_dash(text: str) -> bool:
    return text.startswith("- ") or text.startswith("+ ")


def _paragraphs(texts: Sequence[str], level: int, address: str = "", closing: str = "") -> Iterator[Block]:
    for text in texts:
        if text.startswith("- "):
            yield Block("dash", text=text[2:], level=level, address=address)
        elif text.startswith("+ "):
            yield Block("subdash", text=text[2:], level=level, address=address)
        elif text.startswith("|"):
            yield Block("table", text=text, level=level, address=address)
        else:
            yield Block("para", text=text, level=level, address=address, closing=closing)


# --- HTML -----------------------------------------------------------------------------------


def consolidated_header(ct: ConsolidatedText, profile: Profile, frame: Frame | None = None,
                        today: dt.date | None = None) -> DocumentHeader:
    """The header block of the consolidated copy: the base document's number, place and date; issued by a
    consolidating body (`frame.issued`), that body's name, the copy's number (`Số: 15/VBHN-VPQH`, else a blank in
    its series) and place and date (else a blank to fill). The running header names the text by type, number and
    short title (`render.running`)."""
    from regdraft.core.frontmatter import document_number, issued_with
    from regdraft.render import running
    from regdraft.render.html import document_header
    from regdraft.render.profile import place_date

    meta = ct.regulation.meta
    words = profile.words(ct.language)
    mark = words["consolidated_running"] if frame is not None and frame.issued else banner(ct, profile)
    line = running.document_line(words, profile, str(meta.get("type") or ""), document_number(meta),
                                 str(meta.get("title") or ""), f"{mark} - ", issued_with(meta))
    if frame is None or not frame.issued:
        return document_header(meta, profile, running=line)
    place = frame.place or str(meta.get("place") or "")
    header = document_header({**meta, "issuer": frame.body, "superior": frame.superior}, profile, running=line)
    when = place_date(place, frame.signed, words) if frame.signed is not None else \
        ", ".join(filter(None, (place, words["date_unsigned"].format(gap=GAP, year=(today or dt.date.today()).year))))
    return dataclasses.replace(header, number=profile.number_line(frame.number_text(words), ct.language),
                               place_date=when)


def consolidated_html(ct: ConsolidatedText, env: jinja2.Environment, profile: Profile, *, paged: bool,
                      frame: Frame | None = None, today: dt.date | None = None) -> str:
    """The consolidated text as one HTML page; `paged` puts the notes at the page foot (for the PDF); `frame` the
    consolidating body's header and authentication (`core.consolidation_frame`)."""
    from regdraft.render.html import kept_whole
    from regdraft.render.limits import regulation_size

    signer, recipients = closing(frame, ct.regulation.meta, profile.words(ct.language))
    return kept_whole(env.get_template("consolidated.html.j2").render(
        size=lambda: regulation_size(ct.regulation),
        header=consolidated_header(ct, profile, frame, today), profile=profile, lang=ct.language,
        banner=banner(ct, profile, frame),
        opening=ct.opening, preamble=ct.regulation.preamble, basis=ct.basis, blocks=consolidated_blocks(ct),
        notes=ct.footnotes, note_text={f.number: f.paragraphs for f in ct.footnotes}, paged=paged,
        ends=end_notes(ct, paged),
        signer=signer, recipients=recipients, adoption=_adoption(ct.regulation.meta),
        words=profile.words(ct.language), table_rows=table_rows, table_head=table_head,
    ))


# The longest note printed at the foot of its page in the PDF: WeasyPrint never breaks a footnote across pages and
# drops what does not fit. Longer ones (an amending law's transitional articles quoted, Luật 57/2024/QH15's Điều 6
# runs for two pages) print, whole, in the notes after the text, their markers linking to them as in the HTML.
PAGE_FOOT = 2000


def end_notes(ct: ConsolidatedText, paged: bool) -> set[int]:
    """The notes the PDF prints after the text rather than at the foot of the page (`PAGE_FOOT`)."""
    return {f.number for f in ct.footnotes if paged and len(f.text) > PAGE_FOOT}


def _adoption(meta: Mapping[str, Any]) -> str:
    """A law's closing sentence (`Luật này được Quốc hội … thông qua ngày …`), printed after its last article."""
    adoption = meta.get("adoption")
    return adoption if isinstance(adoption, str) else ""


def _printed(quote: Sequence[str]) -> list[str]:
    """A quote's paragraphs as printed: closing-text markers are for the reader, not the page."""
    return [q for q in quote if closing_mark(q) is None]


def amendment_blocks(amendment: Amendment, profile: Profile | None = None) -> list[Block]:
    """The amending document's body: Điều 1 with its instructions and quotes, then the closing articles."""
    from regdraft.render.profile import default_profile

    word = (profile or default_profile()).words(amendment.language)["article"]
    from regdraft.core.amend.document import document_articles

    amending = {amendment.article.label: amendment.instructions,
                **{part.article.label: part.instructions for part in amendment.others}}
    out: list[Block] = []
    for article in document_articles(amendment):
        out.append(Block("article", f"{word} {article.label}.", article.title or ""))
        out.extend(_paragraphs(article.paragraphs, 0))
        for ins in amending.get(article.label, ()):
            out.extend(_instruction_blocks(ins, amendment.language, 1))
    return out


def _instruction_blocks(ins: Instruction, language: str, level: int) -> list[Block]:
    """An instruction, its quote, and its lettered (then dashed) instructions below it. One naming no provision
    (words changed throughout the text) is about the whole draft: a Word comment on it is a general comment."""
    from regdraft.core.comments import GENERAL

    at = _target(ins) or GENERAL
    label = ins.location.rpartition(".")[2]
    shown = label.replace("đ", "dd") if language == "en" else label
    marker = f"{label}." if level == 1 else "-" if level > 2 else f"{shown})"
    out = [Block("clause" if level == 1 else "point", marker, text=ins.text, level=min(level, 2), address=at)]
    for q in _printed(ins.quote):
        out.extend(_quote_blocks(q, min(level, 2), at))
    for child in ins.children:
        if not child.implied:
            out.extend(_instruction_blocks(child, language, level + 1))
    return out


_QUOTE_END = re.compile(r"(”[.;,]?)$")


def _quote_blocks(text: str, level: int, address: str) -> list[Block]:
    """A quoted paragraph as printed; a quoted table (an appendix's form) as a table, its quotation marks in
    paragraphs of their own beside it, where they stood (they printed as `| … |”.` lines)."""
    opening = "“" if text.startswith("“") else ""
    end = _QUOTE_END.search(text)
    closing = end.group(1) if end is not None else ""
    inner = text[len(opening):len(text) - len(closing)]
    if not is_table(inner):
        return [Block("quote", text=text, level=level, address=address)]
    return [*([Block("quote", text=opening, level=level, address=address)] if opening else []),
            Block("table", text=inner, level=level, address=address),
            *([Block("quote", text=closing, level=level, address=address)] if closing else [])]


def _target(instruction: Instruction) -> str:
    """The provision an instruction is about: the one it names; of several, the article (or clause) holding them all
    (`tại khoản 1 và khoản 4 Điều 5`: Điều 5), else the first (empty for words changed throughout).

    A group's heading (`Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:`) names the provision it
    amends parts of; one naming none (`một số điều của Luật`) is about what its instructions name. Words changed in
    a title named first (`tại tên Điều 3, điểm a khoản 7 Điều 3`) are about that title (`d3.title`).
    """
    from regdraft.core.amend.grammar import ReplaceWords
    from regdraft.core.amend.provisions import TITLE, common_parent

    named = _named(instruction)
    op = instruction.op
    first = (str(op.titles[0].with_part(TITLE)) if isinstance(op, ReplaceWords) and op.titles_first and op.titles
             else str(named[0]) if named else "")
    if len(named) < 2:
        return first
    held = common_parent(list(named))
    return str(held) if held is not None and any(s.kind is Kind.ARTICLE for s in held.segments) else first


def _named(instruction: Instruction) -> tuple[Address, ...]:
    """The provisions an instruction names, in its order: a group's own target, else those its instructions name."""
    from regdraft.core.amend.grammar import AmendGroup, targets

    if not isinstance(instruction.op, AmendGroup):
        return targets(instruction.op)
    if instruction.op.target is not None:
        return (instruction.op.target,)
    return tuple(address for child in instruction.children for address in _named(child))


def amendment_html(amendment: Amendment, env: jinja2.Environment, profile: Profile, today: dt.date,
                   amended_number: str = "") -> str:
    """The amending document as one HTML page, ready for signature (`amended_number`: the number of the text it
    amends, for an unnumbered draft's series)."""
    from regdraft.render.html import amendment_header, kept_whole

    signer, recipients = signature_block(amendment.meta)
    return kept_whole(env.get_template("amendment.html.j2").render(
        size=lambda: len(repr((amendment.preamble, amendment.article, amendment.instructions, amendment.closing))),
        header=amendment_header(amendment, profile, today, amended_number), profile=profile,
        lang=amendment.language,
        preamble=amendment.preamble, blocks=amendment_blocks(amendment, profile),
        signer=signer, recipients=recipients, adoption=_adoption(amendment.meta),
        words=profile.words(amendment.language), table_rows=table_rows, table_head=table_head,
    ))


# --- Markdown -------------------------------------------------------------------------------


def banner(ct: ConsolidatedText, profile: Profile, frame: Frame | None = None) -> str:
    """The line above a consolidated text (`VĂN BẢN HỢP NHẤT (bản để tham khảo)`), from the profile's words; none
    on a copy a consolidating body issues (`frame.issued`), its header and number saying what it is."""
    return "" if frame is not None and frame.issued else profile.words(ct.language)["consolidated_banner"]


def opening_markdown(lead: str, items: Sequence[str]) -> str:
    """The opening's lead and its amending documents numbered as the other formats number them (`1. Luật số …`):
    in the lead's paragraph, a line each (a hard break, `\\`), the number escaped (`1\\.`), so that neither
    Markdown nor `regdraft.core.markdown.parse` reads an item as a list or a clause outside any article."""
    return "\\\n".join([lead, *(f"{i}\\. {item}" for i, item in enumerate(items, 1))])


def preamble_marked(preamble: Sequence[str], mark: str) -> list[str]:
    """The preamble with `mark` (the amending documents' bases' note markers) after its last paragraph."""
    return [*preamble[:-1], preamble[-1] + mark] if preamble and mark else list(preamble)


def _note_markdown(note: Footnote) -> str:
    """`[^n]: …`, a note of several lines (an amending document's own articles quoted) with the others as the
    note's own paragraphs, indented; a number opening one escaped as a clause's is (`1\\.`), not read as a list."""
    first, *more = note.paragraphs
    return "\n\n".join([f"[^{note.number}]: {first}", *("    " + _CLAUSE_START.sub(r"\1\\.", p) for p in more)])


_CLAUSE_START = re.compile(r"^(\d+[a-z]?)\.(?=\s)")


def consolidated_markdown(ct: ConsolidatedText, profile: Profile | None = None, frame: Frame | None = None) -> str:
    """The consolidated text in the regulation file format, with `[^n]` footnotes; the copy's frame (its
    consolidating body, number, date and authentication) in the front matter's `consolidated:`."""
    from regdraft.render.profile import default_profile

    profile = profile or default_profile()
    reg = ct.regulation
    meta = dict(reg.meta)
    meta["consolidated"] = {
        "as_of": ct.as_of,
        "base": {"number": ct.base.number, "effective": ct.base.effective},
        "amendments": [{"number": a.number, "effective": a.effective} for a in ct.amendments],
        **_frame_keys(frame),
    }
    out = ["---", dump_front_matter(meta), "---", ""]
    shown = profile.words(ct.language)["consolidated_running"] if frame is not None and frame.issued \
        else banner(ct, profile)
    blocks: list[str] = [f"**{shown}**", *(f"**{note}**" for note in ct.opening.notes),
                         opening_markdown(ct.opening.lead, ct.opening.items)]
    if ct.opening.close:
        blocks.append(ct.opening.close)
    blocks.extend(preamble_marked(reg.preamble, "".join(f"[^{n}]" for n in ct.basis)))
    blocks.extend(_note_markdown(f) for f in ct.footnotes)
    for block in consolidated_blocks(ct):
        if block.closes:
            blocks.append(block.closes)
        mark = "".join(f"[^{n}]" for n in block.notes)
        if block.kind in ("part", "chapter", "section", "subsection", "article", "appendix"):
            head = block.label.rstrip(".")
            title = f" {block.title}" if block.title else ""
            dot = "." if block.title or mark else ""  # `## Điều 1` untitled and unmarked, as `heading_text` writes it
            blocks.append(f"{'#' * min(block.level, 6)} {head}{dot}{mark}{title}")
        elif block.kind in ("clause", "point"):
            label = (block.label.replace(".", "\\.") if block.kind == "clause" else block.label) + mark
            blocks.append(f"{label} {block.text}" if block.text else label)
        elif block.kind in ("dash", "subdash"):
            item = list_line(f"- {block.text}" if block.kind == "dash" else f"+ {block.text}")
            if blocks and blocks[-1].lstrip().startswith(("- ", "+ ")) and not blocks[-1].startswith("[^"):
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
        else:
            blocks.append(block.text)
    return "\n".join(out) + "\n" + "\n\n".join(blocks) + "\n"


def _frame_keys(frame: Frame | None) -> dict[str, Any]:
    """The front matter's record of who issues and authenticates the copy (`consolidated:`), when a body does."""
    if frame is None or not frame.issued:
        return {}
    signer = {key: value for key, value in (("title", frame.title), ("name", frame.name)) if value}
    return {"issued_by": frame.body, **({"superior": frame.superior} if frame.superior else {}),
            **({"number": frame.number} if frame.number else {}), **({"place": frame.place} if frame.place else {}),
            **({"signed": frame.signed} if frame.signed else {}),
            **({"authenticated_by": signer} if signer else {}),
            **({"recipients": list(frame.recipients)} if frame.recipients else {})}

