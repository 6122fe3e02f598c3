"""A received Word file costs no work out of proportion to its size, and hostile values give no traceback
(sweep r25 I, defects 1-3): a table cell's `w:gridSpan` is bounded by the table's grid, numbering.xml's levels,
start values and level texts by Word's own limits, and a level that is not a number is read as no level.

Every .docx is built here with python-docx; the sizes would take seconds to minutes and gigabytes unbounded, and
the tests assert what is read (row widths, labels, notes), never time.
"""

from __future__ import annotations

import io

import pytest

from regdraft.importer.docx import read_docx
from regdraft.importer.docx_numbering import Numbering

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402


def _read(document: object) -> tuple[list[str], list[tuple[tuple[str, ...], ...] | None], list[str]]:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    paragraphs, _, notes = read_docx(out.getvalue(), "received.docx")
    return [p.text for p in paragraphs], [p.rows for p in paragraphs], [n.message for n in notes]


def _table_with_span(span: str) -> object:
    document = docx.Document()
    document.add_paragraph("Điều 1. Bảng")
    table = document.add_table(rows=2, cols=3)
    for i, cell in enumerate(table.rows[1].cells):
        cell.text = f"ô {i}"
    first = table.rows[0].cells[0]._tc
    first.get_or_add_tcPr().append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="{span}"/>'))
    for tc in table.rows[0]._tr.findall(qn("w:tc"))[1:]:  # the span covers the row's other columns
        table.rows[0]._tr.remove(tc)
    first.append(parse_xml(f'<w:p {nsdecls("w")}><w:r><w:t>đầu</w:t></w:r></w:p>'))
    return document


def test_a_cell_spanning_a_million_columns_spans_no_further_than_the_tables_grid() -> None:
    # A 2.5 KB file: the row became a million empty cells (1.17 GB, an 8.5 MB .md). Now the three grid columns.
    _, rows, notes = _read(_table_with_span("1000000"))
    table = next(r for r in rows if r is not None)
    assert [len(row) for row in table] == [3, 3]
    assert table[1] == ("ô 0", "ô 1", "ô 2")
    assert [n for n in notes if "gridSpan" in n] == [
        "1 table cell gave a span (`gridSpan`) past the table's columns or not a number; the first, in this "
        "paragraph, “1000000”, was read as 3: a cell spans no further than the table's grid (at most 63 columns, "
        "as in Word)."]
    _, rows, notes = _read(_table_with_span("3"))  # a span within the grid is kept, with no note
    assert [len(row) for row in next(r for r in rows if r is not None)] == [3, 3]
    assert not any("gridSpan" in n for n in notes)


def test_a_span_that_is_not_a_number_is_one_column_with_a_note_not_a_traceback() -> None:
    _, rows, notes = _read(_table_with_span("abc"))
    table = next(r for r in rows if r is not None)
    assert len(table[0]) == 1 and table[0][0].endswith("đầu")
    assert any("“abc”, was read as 1" in n for n in notes)


# --- numbering.xml ------------------------------------------------------------------------------


def _list(document: object, levels: str, num_id: int = 90, overrides: str = "") -> int:
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/>'
                               f'{overrides}</w:num>'))
    return num_id


def _level(ilvl: str, start: str = "1", text: str = "%1.") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _numbered(document: object, text: str, num_id: int, ilvl: str = "0") -> None:
    paragraph = document.add_paragraph(text)  # type: ignore[attr-defined]
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_a_start_value_of_four_thousand_digits_is_read_as_words_largest() -> None:
    # bigstart.docx: every `%1` became the 4,000-digit number, 20 MB a paragraph label.
    document = docx.Document()
    num = _list(document, _level("0", start="9" * 4000),
                overrides='<w:lvlOverride w:ilvl="1"><w:startOverride w:val="-5"/></w:lvlOverride>')
    _numbered(document, "Một.", num)
    _numbered(document, "Hai.", num)
    texts, _, notes = _read(document)
    assert texts == ["32767. Một.", "32768. Hai."]
    assert ("Word's numbering in this file goes past Word's own limits, so those values were not taken as they "
            "stand: a start value past Word's 0 to 32,767 (read as the nearest of the two): 4,000 characters long, "
            "and 1 other.") in notes


def test_a_level_text_past_the_bound_gives_no_label_instead_of_megabytes() -> None:
    # 5,000 × `%1` made each label 5,000 numbers long; 100,000 × `%1` on 3,000 levels took 2 min 18 s.
    document = docx.Document()
    num = _list(document, _level("0", text="%1" * 5000) + _level("1", text="%1.%2."))
    _numbered(document, "Một.", num)
    _numbered(document, "Hai.", num, "1")
    texts, _, notes = _read(document)
    assert texts == ["Một.", "1.1. Hai."]
    assert any("a level's text longer than 255 characters (its paragraphs get no number): 10,000 characters" in n
               for n in notes)


def test_levels_outside_words_0_to_8_are_not_kept_and_their_paragraphs_get_no_number() -> None:
    # hugeilvl.docx: a level 100,000,000 walked 100 million levels for each paragraph (4.8 s each); 3,000 levels
    # were all kept.
    element = parse_xml(f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="1">'
                        + "".join(_level(str(i)) for i in range(3000)) + _level("100000000")
                        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/>'
                        '<w:lvlOverride w:ilvl="100000000"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
                        '</w:numbering>')
    numbering = Numbering(element)
    assert sorted(numbering.levels["1"]) == list(range(9))
    assert numbering.nums["1"] == ("1", {})
    assert numbering.label("1", 8) == "1." and numbering.label("1", None) is None


def test_a_paragraph_level_that_is_not_a_number_gives_no_number_and_a_note_not_a_traceback() -> None:
    # badilvl.docx: `<w:ilvl w:val="abc"/>` ended `import` in a ValueError traceback.
    document = docx.Document()
    num = _list(document, _level("0"))
    _numbered(document, "Một.", num)
    _numbered(document, "Lạ.", num, "abc")
    _numbered(document, "Xa.", num, "100000000")
    _numbered(document, "Hai.", num)
    texts, _, notes = _read(document)
    assert texts == ["1. Một.", "Lạ.", "Xa.", "2. Hai."]
    assert any("a paragraph's list level other than Word's 0 to 8 (the paragraph gets no number): 'abc', "
               "and 1 other" in n for n in notes)


def test_a_style_level_that_is_not_a_number_gives_no_traceback() -> None:
    document = docx.Document()
    num = _list(document, _level("0"))
    style = document.styles.add_style("Khoản lạ", 1)
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="x1"/><w:numId w:val="{num}"/></w:numPr>'))
    document.add_paragraph("Một.", style="Khoản lạ")
    texts, _, notes = _read(document)
    assert texts == ["Một."] and any("'x1'" in n for n in notes)


# --- styles based on styles (sweep r26 L, defect 3) -------------------------------------------------------------


def _chained_styles(depth: int, paragraphs: int, root_name: str = "s0") -> object:
    """`depth` paragraph styles s0 … s{depth-1}, each based on the one before; `paragraphs` in the deepest."""
    document = docx.Document()
    styles = document.styles.element
    for i in range(depth):
        based = f'<w:basedOn w:val="s{i - 1}"/>' if i else ""
        styles.append(parse_xml(f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="s{i}">'
                                f'<w:name w:val="{root_name if i == 0 else f"s{i}"}"/>{based}</w:style>'))
    body = document.element.body
    for i in range(paragraphs):
        body.append(parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="s{depth - 1}"/></w:pPr>'
                              f'<w:r><w:t>Điều {i + 1}. Văn bản thử</w:t></w:r></w:p>'))
    return document


def _style_lookups(monkeypatch: pytest.MonkeyPatch, document: object) -> int:
    """How many times the reader looked into a style element (`w:style`'s `find`) reading `document`."""
    from docx.oxml.styles import CT_Style

    looked = [0]
    find = CT_Style.find

    def counted(self: object, *args: object, **kwargs: object) -> object:
        looked[0] += 1
        return find(self, *args, **kwargs)

    monkeypatch.setattr(CT_Style, "find", counted)
    _read(document)
    monkeypatch.undo()
    return looked[0]


def test_a_deep_based_on_chain_is_resolved_once_per_style_not_per_paragraph_and_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # 3,000 styles each based on the one before, 1,000 paragraphs in the deepest: 52 KB, `import` 143 s. The chain
    # was walked again for every paragraph (heading, closing, numbering) and run (hidden, font).
    few = _style_lookups(monkeypatch, _chained_styles(300, 10))
    many = _style_lookups(monkeypatch, _chained_styles(300, 100))
    assert few == many  # the same lookups whatever the number of paragraphs
    assert many <= 10 * 10  # a few per style of the chain, followed at most 9 levels up


def test_a_style_is_read_through_at_most_nine_levels_of_based_on_as_in_word() -> None:
    # The root is a heading style: a paragraph 9 levels below it is a heading, one 10 levels below it is not, and
    # a warning says so.
    def heading_and_notes(depth: int) -> tuple[list[bool], list[str]]:
        out = io.BytesIO()
        _chained_styles(depth, 1, root_name="heading 1").save(out)  # type: ignore[attr-defined]
        paragraphs, _, notes = read_docx(out.getvalue(), "received.docx")
        return [p.heading for p in paragraphs], [n.message for n in notes if "based on a chain" in n.message]

    assert heading_and_notes(10) == ([True], [])
    assert heading_and_notes(11) == ([False], [
        "1 style in use, the first “s10”, is based on a chain of more than 9 styles; what the styles past the 9th "
        "give (font, numbering, heading, hidden text) was not read, as Word bases styles at most 9 levels deep."])
