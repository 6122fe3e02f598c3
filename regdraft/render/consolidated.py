"""The consolidated text and the amending document as HTML, PDF-ready HTML, Markdown and DOCX.

Both documents are first flattened into `Block`s (one per heading, labelled paragraph or
plain paragraph), so the HTML template, the Markdown writer and the DOCX writer walk the same
sequence and cannot disagree about order, labels or footnote numbers.

Post-conditions:
1. A changed unit's footnote marker follows its label (`2.`³, `c)`⁴, `Điều 20a.`⁵) in every
   format; the PDF gets real page footnotes (CSS `float: footnote`), the HTML numbered notes
   at the end, the DOCX real Word footnotes, the Markdown `[^n]` markers and definitions.
2. `regdraft.core.markdown.parse` accepts the Markdown export: its markers follow the label after a
   space (`2\\. [^3] text`) or the heading's dot (`## Điều 20a.[^5] Title`), and the footnote
   definitions, the banner and the opening stand in the preamble, before the first unit.
3. The DOCX defines one named paragraph style per level (`Chương`, `Điều`, `Khoản`, `Điểm` ...;
   `Chapter`, `Article` ... in English) and uses the profile's font, size and margins.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regdraft.core.consolidate import ConsolidatedText
from regdraft.core.frontmatter import signature_block
from regdraft.core.markdown import dump_front_matter
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
from regdraft.core.parts import closing_mark, closing_marker

if TYPE_CHECKING:
    import jinja2

    from regdraft.core.amend import Amendment
    from regdraft.core.amend.document import Instruction
    from regdraft.render.html import DocumentHeader
    from regdraft.render.profile import Profile

# The closing text (đoạn cuối) of an article or a clause is printed as a paragraph in its own
# style, so that importing the Word file back gives it to the unit it closes.
CLOSING_STYLES = {"article": "regdraft closing text", "clause": "regdraft clause closing text"}
STYLE_NAMES = {
    "vi": {"part": "Phần", "chapter": "Chương", "section": "Mục", "article": "Điều", "clause": "Khoản",
           "point": "Điểm", "para": "Đoạn văn", "dash": "Gạch đầu dòng", "subdash": "Gạch đầu dòng 2",
           "quote": "Trích dẫn", "opening": "Phần mở đầu", "closing": CLOSING_STYLES["article"],
           "closing-clause": CLOSING_STYLES["clause"]},
    "en": {"part": "Part", "chapter": "Chapter", "section": "Section", "article": "Article", "clause": "Clause",
           "point": "Point", "para": "Provision Text", "dash": "Dash Item", "subdash": "Dash Item 2",
           "quote": "Quoted Text", "opening": "Opening", "closing": CLOSING_STYLES["article"],
           "closing-clause": CLOSING_STYLES["clause"]},
}


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


def consolidated_blocks(ct: ConsolidatedText) -> list[Block]:
    """The consolidated regulation as blocks, in document order, with footnote numbers."""
    return regulation_blocks(ct.regulation, ct.marker)


def regulation_blocks(regulation: Regulation, marker: Callable[[Address], int | None] = lambda _: None) -> list[Block]:
    """A regulation's units as blocks in document order, each naming its unit's address.

    `marker` gives the footnote number after a unit's label, if any.
    """
    out: list[Block] = []
    for unit in regulation.units:
        _unit_blocks(unit, None, 1, regulation.language, marker, out)
    return out


def _unit_blocks(unit: Unit, parent: Address | None, depth: int, language: str,
                 marker: Callable[[Address], int | None], out: list[Block]) -> None:
    address = unit_address(unit, parent)
    note = marker(address)
    at = str(address)
    repealed = REPEALED_TEXT.get(language, REPEALED_TEXT["vi"])
    if unit.kind in HEADING_KINDS:
        number = part_label_text(unit.label, language) if unit.kind is Kind.PART else unit.label
        label = f"{noun(unit.kind, language)} {number}" + ("." if unit.kind is Kind.ARTICLE else "")
        title = repealed if unit.repealed else (unit.title or "")
        out.append(Block(unit.kind.value, label, title, "", note, depth, unit.repealed, at))
        out.extend(_paragraphs(unit.text, 0, at))
        for child in unit.children:
            _unit_blocks(child, address, depth + 1, language, marker, out)
        out.extend(_closing(unit, 0, language, at))
        return
    level = 2 if unit.kind is Kind.POINT and parent is not None and parent.kind is Kind.CLAUSE else 1
    label = f"{unit.label}." if unit.kind is Kind.CLAUSE else \
        f"{unit.label.replace('đ', 'dd') if language == 'en' else unit.label})"
    if unit.repealed:
        out.append(Block(unit.kind.value, label, "", repealed, note, level, True, at))
        return
    first, rest = _split_first(unit.text)
    out.append(Block(unit.kind.value, label, "", first, note, level, address=at))
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


def table_rows(text: str) -> list[list[str]]:
    """The cells of a Markdown table, its separator line left out."""
    rows = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(set(c) <= set(":- ") for c in cells):
            continue
        rows.append(cells)
    return rows


# --- HTML -----------------------------------------------------------------------------------


def consolidated_header(ct: ConsolidatedText, profile: Profile) -> DocumentHeader:
    """The Party header block of the consolidated copy: the base document's number, place and date."""
    from regdraft.core.frontmatter import document_number
    from regdraft.render.html import document_header

    running = f"{banner(ct, profile)} - {document_number(ct.regulation.meta)}"
    return document_header(ct.regulation.meta, profile, running=running)


def consolidated_html(ct: ConsolidatedText, env: jinja2.Environment, profile: Profile, *, paged: bool) -> str:
    """The consolidated text as one HTML page; `paged` puts the notes at the page foot (for the PDF)."""
    from regdraft.render.html import numbers_kept_whole

    signer, recipients = signature_block(ct.regulation.meta)
    return numbers_kept_whole(env.get_template("consolidated.html.j2").render(
        header=consolidated_header(ct, profile), profile=profile, lang=ct.language, banner=banner(ct, profile),
        opening=ct.opening, preamble=ct.regulation.preamble, blocks=consolidated_blocks(ct),
        notes=ct.footnotes, note_text={f.number: f.text for f in ct.footnotes}, paged=paged,
        signer=signer, recipients=recipients,
        words=profile.words(ct.language), table_rows=table_rows,
    ))


def amendment_header(amendment: Amendment, profile: Profile, today: dt.date) -> DocumentHeader:
    """The header block of an amending document: `DỰ THẢO lần N` and a blank date until adopted."""
    from regdraft.render.html import document_header

    pending = amendment.status != "adopted"
    draft = (amendment.draft if amendment.draft is not None else "") if pending else None
    header = document_header(amendment.meta, profile, number=amendment.number or "     ",
                             draft=draft, date=amendment.signed)
    if amendment.signed is None:
        place = str(amendment.meta.get("place") or "")
        # Kept open for the date of signing (the profile's `date_unsigned`); {gap} is six no-break
        # spaces, as plain spaces would collapse.
        blank = profile.words(amendment.language)["date_unsigned"].format(gap="\u00a0" * 6, year=today.year)
        header = dataclasses.replace(header, place_date=f"{place}, {blank}" if place else blank)
    return header


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
    """An instruction, its quote, and its lettered (then dashed) instructions below it."""
    at = _target(ins)
    label = ins.location.rpartition(".")[2]
    shown = label.replace("đ", "dd") if language == "en" else label
    marker = f"{label}." if level == 1 else "-" if level > 2 else f"{shown})"
    out = [Block("clause" if level == 1 else "point", marker, text=ins.text, level=min(level, 2), address=at)]
    out.extend(Block("quote", text=q, level=min(level, 2), address=at) for q in _printed(ins.quote))
    for child in ins.children:
        if not child.implied:
            out.extend(_instruction_blocks(child, language, level + 1))
    return out


def _target(instruction: Instruction) -> str:
    """The first provision an instruction names (empty for words changed throughout)."""
    from regdraft.core.amend.grammar import targets

    named = targets(instruction.op)
    return str(named[0]) if named else ""


def amendment_html(amendment: Amendment, env: jinja2.Environment, profile: Profile, today: dt.date) -> str:
    """The amending document as one HTML page, ready for signature."""
    from regdraft.render.html import numbers_kept_whole

    signer, recipients = signature_block(amendment.meta)
    return numbers_kept_whole(env.get_template("amendment.html.j2").render(
        header=amendment_header(amendment, profile, today), profile=profile, lang=amendment.language,
        preamble=amendment.preamble, blocks=amendment_blocks(amendment, profile),
        signer=signer, recipients=recipients,
        words=profile.words(amendment.language), table_rows=table_rows,
    ))


# --- Markdown -------------------------------------------------------------------------------


def banner(ct: ConsolidatedText, profile: Profile) -> str:
    """The line above a consolidated text (`VĂN BẢN HỢP NHẤT (bản để tham khảo)`), from the profile's words."""
    return profile.words(ct.language)["consolidated_banner"]


def consolidated_markdown(ct: ConsolidatedText, profile: Profile | None = None) -> str:
    """The consolidated text in the regulation file format, with `[^n]` footnotes."""
    from regdraft.render.profile import default_profile

    profile = profile or default_profile()
    reg = ct.regulation
    meta = dict(reg.meta)
    meta["consolidated"] = {
        "as_of": ct.as_of,
        "base": {"number": ct.base.number, "effective": ct.base.effective},
        "amendments": [{"number": a.number, "effective": a.effective} for a in ct.amendments],
    }
    out = ["---", dump_front_matter(meta), "---", ""]
    blocks: list[str] = [f"**{banner(ct, profile)}**", ct.opening.lead]
    if ct.opening.items:
        blocks.append("\n".join(f"- {item}" for item in ct.opening.items))
    if ct.opening.close:
        blocks.append(ct.opening.close)
    blocks.extend(reg.preamble)
    blocks.extend(f"[^{f.number}]: {f.text}" for f in ct.footnotes)
    for block in consolidated_blocks(ct):
        if block.closes:
            blocks.append(block.closes)
        mark = f"[^{block.note}]" if block.note else ""
        if block.kind in ("part", "chapter", "section", "article"):
            head = block.label.rstrip(".")
            title = f" {block.title}" if block.title else ""
            blocks.append(f"{'#' * min(block.level, 6)} {head}.{mark}{title}")
        elif block.kind in ("clause", "point"):
            label = block.label.replace(".", "\\.") if block.kind == "clause" else block.label
            body = " ".join(p for p in (mark, block.text) if p)
            blocks.append(f"{label} {body}" if body else label)
        elif block.kind in ("dash", "subdash"):
            item = f"- {block.text}" if block.kind == "dash" else f"  + {block.text}"
            if blocks and blocks[-1].lstrip().startswith(("- ", "+ ")) and not blocks[-1].startswith("[^"):
                blocks[-1] += "\n" + item
            else:
                blocks.append(item.lstrip())
        else:
            blocks.append(block.text)
    return "\n".join(out) + "\n" + "\n\n".join(blocks) + "\n"


# --- DOCX -----------------------------------------------------------------------------------


def _styles(document: Any, profile: Profile, language: str) -> dict[str, str]:
    """Create the named paragraph styles; returns kind -> style id."""
    from regdraft.render.docx import paragraph_style

    names = STYLE_NAMES.get(language, STYLE_NAMES["vi"])
    size = profile.body_pt
    for kind, outline in (("part", 0), ("chapter", 0), ("section", 1)):
        paragraph_style(document, names[kind], bold=True, size=size, align="center", outline_level=outline,
                        space_before=12, space_after=6, keep_with_next=True)
    paragraph_style(document, names["article"], bold=True, size=size, outline_level=2, space_before=6,
                    keep_with_next=True, first_line_mm=10)
    paragraph_style(document, names["clause"], size=size, first_line_mm=10)
    paragraph_style(document, names["point"], size=size, first_line_mm=10)
    paragraph_style(document, names["para"], size=size, first_line_mm=10)
    paragraph_style(document, names["dash"], size=size, first_line_mm=10)
    paragraph_style(document, names["subdash"], size=size, indent_mm=5, first_line_mm=10)
    paragraph_style(document, names["quote"], size=size, first_line_mm=10)
    paragraph_style(document, names["closing"], size=size, first_line_mm=10)
    paragraph_style(document, names["closing-clause"], size=size, first_line_mm=10)
    paragraph_style(document, names["opening"], italic=True, size=size, first_line_mm=10)
    return {kind: document.styles[name].style_id for kind, name in names.items()}


_PLAIN = frozenset("*_`\\[<&!")
_inline_parser: Any = None


def _runs(para: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Add a paragraph's inline Markdown as runs: bold and italic kept, escapes and links resolved."""
    global _inline_parser
    from regdraft.render.docx import add_run

    if _PLAIN.isdisjoint(text):
        add_run(para, text, bold=bold, italic=italic)  # most provisions: no inline markup at all
        return
    if _inline_parser is None:
        from markdown_it import MarkdownIt

        _inline_parser = MarkdownIt("commonmark")
    state = {"b": bold, "i": italic}
    for token in _inline_parser.parseInline(text):
        for child in token.children or []:
            if child.type in ("strong_open", "strong_close"):
                state["b"] = child.type == "strong_open" or bold
            elif child.type in ("em_open", "em_close"):
                state["i"] = child.type == "em_open" or italic
            elif child.type in ("text", "code_inline", "html_inline"):
                add_run(para, child.content, bold=state["b"], italic=state["i"])
            elif child.type in ("softbreak", "hardbreak"):
                add_run(para, " ")


def _add(document: Any, style_id: str) -> Any:
    """A new paragraph with a style given by id (python-docx's lookup by name is slow)."""
    from regdraft.render.docx import append_paragraph

    para = append_paragraph(document) if hasattr(document, "element") else document.add_paragraph()
    para._p.style = style_id
    return para


class Bookmarks:
    """Hidden Word bookmarks carrying each paragraph's provision address (the review copy's).

    `text` numbers the amended text being written in a copy of several (0: the copy holds one).
    """

    def __init__(self) -> None:
        self.count = 0
        self.text = 0

    def mark(self, para: Any, address: str) -> None:
        """Wrap a paragraph's content in a bookmark named after `address`."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        from regdraft.core.replies import bookmark_name

        self.count += 1
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        for element in (start, end):
            element.set(qn("w:id"), str(self.count))
        start.set(qn("w:name"), bookmark_name(self.count, address, self.text))
        p = para._p
        properties = p.find(qn("w:pPr"))
        p.insert(0 if properties is None else 1, start)
        p.append(end)


def _write_blocks(document: Any, blocks: Sequence[Block], names: Mapping[str, str], upper_titles: bool,
                  bookmarks: Bookmarks | None = None) -> None:
    from regdraft.render.docx import add_run, footnote_reference

    for block in blocks:
        style = names.get(block.kind, names["para"])
        if block.closing and block.kind == "para":
            style = names["closing" if block.closing == "article" else "closing-clause"]
        made = []
        if block.kind in ("part", "chapter", "section"):
            para = _add(document, style)
            add_run(para, block.label)
            if block.note:
                footnote_reference(para, block.note)
            made.append(para)
            if block.title:
                title = _add(document, style)
                add_run(title, block.title.upper() if upper_titles else block.title)
                made.append(title)
        elif block.kind == "table":
            from regdraft.render.docx import add_row, grid_table, text_width_mm

            rows = table_rows(block.text)
            if rows:
                width = text_width_mm(document) / max(1, len(rows[0]))
                table = grid_table(document, rows[0], [width] * len(rows[0]))
                for row in rows[1:]:
                    add_row(table, row)
        else:
            para = _add(document, style)
            if block.label:
                add_run(para, block.label, bold=block.kind == "article")
                if block.note:
                    footnote_reference(para, block.note)
            prefix = {"dash": "- ", "subdash": "+ "}.get(block.kind, "")
            body = block.title if block.kind == "article" else block.text
            if body:
                if block.label:
                    add_run(para, " ")
                _runs(para, prefix + body, bold=block.kind == "article")
            made.append(para)
        if bookmarks is not None and block.address:
            for para in made:
                bookmarks.mark(para, block.address)


FRONT_MATTER_MARK = "regdraft front matter (YAML):"


def _signature(document: Any, signer: Mapping[str, Any], recipients: Sequence[str], profile: Profile,
               language: str) -> None:
    from regdraft.render.docx import borderless_table, paragraph, text_width_mm

    if not any(signer.values()) and not recipients:
        return
    width = text_width_mm(document)
    left, right = borderless_table(document, 2, [width * 0.5, width * 0.5]).rows[0].cells
    if recipients:
        paragraph(left, profile.words(language)["recipients"], bold=True, italic=True,
                  underline=profile.recipients_title_underline, size=profile.recipients_pt + 1, align="left",
                  space_after=0)
        for item in recipients:
            paragraph(left, f"- {item}", size=profile.recipients_pt, align="left", space_after=0)
    for key, bold in (("on_behalf", True), ("title", True)):
        if signer.get(key):
            paragraph(right, str(signer[key]), bold=bold, align="center", space_after=0)
    if signer.get("name"):
        for _ in range(3):
            paragraph(right, "", space_after=0)
        paragraph(right, str(signer["name"]), bold=True, align="center", space_after=0)


def _front(document: Any, header: DocumentHeader, profile: Profile, banner: str) -> None:
    from regdraft.render.docx import page_numbers, paragraph, party_header

    party_header(document, header, profile)
    page_numbers(document, profile, header.page)
    if banner:
        paragraph(document, banner, bold=True, align="center", size=profile.body_pt + 1)
    paragraph(document, header.type, bold=True, align="center", upper=True, size=profile.body_pt + 1, space_after=0)
    if header.summary:
        paragraph(document, header.summary, bold=True, align="center", space_after=12)


def write_consolidated_docx(ct: ConsolidatedText, profile: Profile, output: Path) -> None:
    """Write the consolidated text as a Word document with real footnotes."""
    from regdraft.render.docx import add_footnotes, new_document, save

    document = new_document(profile)
    names = _styles(document, profile, ct.language)
    _front(document, consolidated_header(ct, profile), profile, banner(ct, profile))
    opening = names["opening"]
    for text in (ct.opening.lead, *(f"{i}. {t}" for i, t in enumerate(ct.opening.items, 1)), ct.opening.close):
        if text:
            _runs(_add(document, opening), text)
    for text in ct.regulation.preamble:
        _runs(_add(document, opening), text)
    _write_blocks(document, consolidated_blocks(ct), names, upper_titles=True)
    meta = ct.regulation.meta
    _signature(document, *signature_block(meta), profile, ct.language)
    # The whole front matter rides along in the document's properties, so that importing the
    # file back gives the same keys, also those the printed header does not show (effective, term).
    # python-docx caps core properties at 255 characters, which the OOXML format does not.
    description = document.core_properties._element._get_or_add("description")
    description.text = f"{FRONT_MATTER_MARK}\n{ct.regulation.front_matter}"
    add_footnotes(document, [(f.number, f.text) for f in ct.footnotes], profile)
    save(document, output)


def write_amendment_docx(amendment: Amendment, profile: Profile, output: Path, today: dt.date) -> None:
    """Write the amending document as a Word document, ready for signature."""
    from regdraft.render.docx import new_document, save

    document = new_document(profile)
    names = _styles(document, profile, amendment.language)
    header = amendment_header(amendment, profile, today)
    _front(document, header, profile, header.draft)
    for text in amendment.preamble:
        _runs(_add(document, names["opening"]), text)
    _write_blocks(document, amendment_blocks(amendment, profile), names, upper_titles=False)
    meta = amendment.meta
    _signature(document, *signature_block(meta), profile, amendment.language)
    save(document, output)
