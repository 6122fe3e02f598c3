"""Footnotes in Word documents: the reference mark in a paragraph, the footnotes part holding their
text, and reading them back from a written file. python-docx has no footnote API, so this writes
the WordprocessingML itself (python-docx imported lazily).

Post-conditions:
1. A document given `add_footnotes` has one footnotes part with Word's two separator footnotes
   (ids -1 and 0) and one footnote per note, in the "Footnote Text" style sized from the profile.
2. `footnote_reference(para, n)` marks note `n` where the paragraph ends, in the "Footnote Reference"
   (superscript) style; `read_footnotes` returns the notes' texts by id, the separators left out.
3. A note's lines (`\n`: an amending document's articles quoted) are paragraphs of its footnote, the reference
   mark in the first; `read_footnotes` gives them back joined by `\n`.
4. The space before a ` - ` or ` – ` between two words is written as a no-break space
   (`dashes.no_break_before_dashes`), as in the body; `read_footnotes` reads it back as a plain space, as
   regdraft's Word import does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

    from regdraft.render.profile import Profile


_FOOTNOTES_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def footnote_reference(para: Paragraph, number: int) -> None:
    """Add a real footnote reference mark (`w:footnoteReference`) at the end of a paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    rpr.append(style)
    run.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    run.append(ref)
    para._p.append(run)


def add_footnotes(document: Document, notes: Sequence[tuple[int, str]], profile: Profile) -> None:
    """Give the document a footnotes part holding `notes` (id, text), with the Word styles they use.

    python-docx has no footnote API, so the part is written as WordprocessingML: the two
    separator footnotes Word expects (ids -1 and 0), then one footnote per note.
    """
    from xml.sax.saxutils import escape

    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.shared import Pt

    from regdraft.core.text import as_text
    from regdraft.render.dashes import no_break_before_dashes
    from regdraft.render.docx import new_style

    names = [s.name for s in document.styles]
    if "Footnote Text" not in names:
        text_style = new_style(document, "Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        text_style.base_style = document.styles["Normal"]
        text_style.font.size = Pt(max(8.0, profile.body_pt - 3))
        text_style.paragraph_format.space_after = Pt(0)
    if "Footnote Reference" not in names:
        ref_style = new_style(document, "Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref_style.font.superscript = True
    # python-docx names a new style's id after its name without spaces, which is the id
    # `footnote_reference` writes: `FootnoteReference`.
    text_id = document.styles["Footnote Text"].style_id
    ref_id = document.styles["Footnote Reference"].style_id
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        '</w:footnote>',
    ]
    style = f'<w:pPr><w:pStyle w:val="{text_id}"/><w:jc w:val="both"/></w:pPr>'
    for number, text in notes:
        text = no_break_before_dashes(as_text(text))  # written as XML by hand: no character XML refuses
        first, *more = text.split("\n")  # a note of several lines: one paragraph each, the mark in the first
        body.append(
            f'<w:footnote w:id="{number}"><w:p>{style}'
            f'<w:r><w:rPr><w:rStyle w:val="{ref_id}"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(first)}</w:t></w:r></w:p>'
            + "".join(f'<w:p>{style}<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in more)
            + "</w:footnote>"
        )
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_FOOTNOTES_NS}>'
           + "".join(body) + "</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def read_footnotes(path: Path) -> dict[int, str]:
    """The footnotes of a .docx file by id (separators left out), read back from its XML."""
    import zipfile
    from xml.etree import ElementTree

    from regdraft.render.dashes import NO_BREAK_SPACE

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return {}
        root = ElementTree.fromstring(archive.read("word/footnotes.xml"))
    out = {}
    for note in root.iter(f"{w}footnote"):
        number = int(note.get(f"{w}id", "0"))
        if number > 0:
            lines = ("".join(t.text or "" for t in para.iter(f"{w}t")) for para in note.iter(f"{w}p"))
            out[number] = "\n".join(lines).strip().replace(NO_BREAK_SPACE, " ")
    return out
