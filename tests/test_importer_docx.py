"""Word import: documents generated here with python-docx (numbering, tables, legacy fonts)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from regdraft.core.errors import ParseError
from regdraft.core.markdown import parse
from regdraft.core.model import Kind
from regdraft.importer import import_file
from regdraft.importer.docx import read_docx
from regdraft.importer.legacy import encode_tcvn3, encode_vni

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

# --- building Word files --------------------------------------------------------------------


def add_list(document: object, levels: Sequence[tuple[str, str, int]],
             start_override: dict[int, int] | None = None) -> int:
    """Define a Word list (one abstractNum and one num) and return its numId.

    `levels` are (numFmt, lvlText, start) for ilvl 0, 1, ...
    """
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    existing = numbering.xpath("./w:abstractNum/@w:abstractNumId")
    nums = numbering.xpath("./w:num/@w:numId")
    abstract_id = max([int(x) for x in existing] + [0]) + 1
    num_id = max([int(x) for x in nums] + [0]) + 1
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    first_num = numbering.find(abstract.tag.replace("abstractNum", "num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    else:
        numbering.append(abstract)
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
        for ilvl, value in (start_override or {}).items()
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'))
    return num_id


def numbered(document: object, text: str, num_id: int, ilvl: int = 0) -> object:
    """Add a paragraph carrying Word automatic numbering."""
    paragraph = document.add_paragraph(text)  # type: ignore[attr-defined]
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def legacy_run(paragraph: object, text: str, font: str) -> None:
    """Add a run in a legacy font (the text must already be in that font's encoding)."""
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.font.name = font


def party_docx(path: Path) -> Path:
    """A Party regulation with a header table, Word numbering, a table and a TCVN3 run."""
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "TỈNH ỦY ĐIỆN BIÊN\n*\nSố 07-QC/TU"
    header.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM\nĐiện Biên, ngày 09 tháng 01 năm 2021"
    document.add_paragraph("QUY CHẾ")
    document.add_paragraph("làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV")
    document.add_paragraph("-----")
    document.add_paragraph("Căn cứ Điều lệ Đảng;")
    document.add_heading("Chương I", level=1)
    document.add_paragraph("NHỮNG QUY ĐỊNH CHUNG")
    articles = add_list(document, [("decimal", "Điều %1.", 1)])
    clauses = add_list(document, [("decimal", "%1.", 1), ("lowerLetter", "%2)", 1)])
    numbered(document, "Phạm vi điều chỉnh", articles)
    document.add_paragraph("Quy chế này quy định chế độ làm việc.")
    numbered(document, "Nguyên tắc làm việc", articles)
    numbered(document, "Tập trung dân chủ:", clauses, 0)
    numbered(document, "Tập thể lãnh đạo;", clauses, 1)
    numbered(document, "Cá nhân phụ trách;", clauses, 1)
    numbered(document, "Công khai, minh bạch:", clauses, 0)
    numbered(document, "Trong Đảng;", clauses, 1)
    legacy = document.add_paragraph("- ")
    legacy_run(legacy, encode_tcvn3("Đảng viên phải gương mẫu"), ".VnTime")
    document.add_heading("Chương II", level=1)
    document.add_paragraph("CHẾ ĐỘ LÀM VIỆC")
    numbered(document, "Hội nghị", articles)
    document.add_paragraph("Lịch hội nghị như sau:")
    table = document.add_table(rows=3, cols=2)
    for r, row in enumerate([("Quý", "Nội dung"), ("I", "Sơ kết | tổng kết"), ("II", "Kiểm tra")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- Ban Bí thư,\n- Lưu Văn phòng Tỉnh ủy."
    closing.cell(0, 1).text = "T/M TỈNH ỦY\nBÍ THƯ\nMùa A Sơn"
    document.save(path)
    return path


# --- tests ----------------------------------------------------------------------------------


def test_word_numbering_becomes_literal_labels(tmp_path: Path) -> None:
    result = import_file(party_docx(tmp_path / "qc.docx"))
    reg = result.regulation
    assert [loc.unit.label for loc in reg.articles()] == ["1", "2", "3"]
    titles = [loc.unit.title for loc in reg.articles()]
    assert titles == ["Phạm vi điều chỉnh", "Nguyên tắc làm việc", "Hội nghị"]
    assert [str(loc.address) for loc in reg.walk() if loc.unit.kind in (Kind.CLAUSE, Kind.POINT)] == [
        "d2.k1", "d2.k1.a", "d2.k1.b", "d2.k2", "d2.k2.a"]
    assert reg.find("d2.k2.a").unit.text[0] == "Trong Đảng;"


def test_chapters_titles_header_and_closing(tmp_path: Path) -> None:
    result = import_file(party_docx(tmp_path / "qc.docx"))
    reg = result.regulation
    assert [(u.label, u.title) for u in reg.units] == [("I", "NHỮNG QUY ĐỊNH CHUNG"), ("II", "CHẾ ĐỘ LÀM VIỆC")]
    meta = reg.meta
    assert meta["id"] == "07-QC/TU"
    assert meta["issuer"] == "TỈNH ỦY ĐIỆN BIÊN"
    assert meta["national"] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert str(meta["signed"]) == "2021-01-09" and meta["place"] == "Điện Biên"
    assert meta["type"] == "Quy chế"
    assert meta["title"] == "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV"
    assert meta["signer"] == {"on_behalf": "T/M TỈNH ỦY", "title": "BÍ THƯ", "name": "Mùa A Sơn"}
    assert meta["recipients"] == ["Ban Bí thư,", "Lưu Văn phòng Tỉnh ủy."]
    assert reg.preamble == ("Căn cứ Điều lệ Đảng;",)
    assert result.report.passes_check, result.report.text()


def test_table_kept_as_markdown_table(tmp_path: Path) -> None:
    reg = import_file(party_docx(tmp_path / "qc.docx")).regulation
    article = reg.find("d3").unit
    assert article.text == (
        "Lịch hội nghị như sau:",
        "| Quý | Nội dung |\n| --- | --- |\n| I | Sơ kết \\| tổng kết |\n| II | Kiểm tra |",
    )


def test_tcvn3_run_converted(tmp_path: Path) -> None:
    result = import_file(party_docx(tmp_path / "qc.docx"))
    assert result.regulation.find("d2.k2.a").unit.text[1] == "- Đảng viên phải gương mẫu"
    assert result.report.by_category("encoding")
    assert "tcvn3" in result.report.encoding
    # A Word file holds Unicode: the report names what was converted, not an encoding the file was read in.
    assert result.report.text().splitlines()[0].startswith(
        "qc.docx: read as a Word document, runs in TCVN3 converted to Unicode; ")


def test_the_report_of_a_word_file_names_no_encoding(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    document = docx.Document()
    for text in ("Điều 1. Phạm vi", "Quy chế này quy định."):
        document.add_paragraph(text)
    document.save(str(path))
    first = import_file(path, "01-QC/TU").report.text().splitlines()[0]
    assert first.startswith("plain.docx: read as a Word document; ") and "utf-8" not in first


def test_imported_docx_round_trips_through_the_format(tmp_path: Path) -> None:
    result = import_file(party_docx(tmp_path / "qc.docx"))
    assert parse(result.text, "x.md") == result.regulation


def test_vni_font_and_capitals_font(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph()
    legacy_run(p, encode_vni("Điều 1. Phạm vi điều chỉnh"), "VNI-Times")
    heading = document.add_paragraph()
    legacy_run(heading, encode_tcvn3("chương ii"), ".VnTimeH")
    path = tmp_path / "legacy.docx"
    document.save(path)
    paragraphs, used, _ = read_docx(path.read_bytes(), "legacy.docx")
    assert [p.text for p in paragraphs] == ["Điều 1. Phạm vi điều chỉnh", "CHƯƠNG II"]
    assert "vni" in used and "tcvn3" in used


def test_forced_encoding_applies_to_every_run(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(encode_tcvn3("Bảo Thắng"))
    path = tmp_path / "plain-font.docx"
    document.save(path)
    assert read_docx(path.read_bytes(), "x")[0][0].text == encode_tcvn3("Bảo Thắng")
    assert read_docx(path.read_bytes(), "x", "tcvn3")[0][0].text == "Bảo Thắng"


def test_numbering_start_override_and_restart(tmp_path: Path) -> None:
    document = docx.Document()
    list_id = add_list(document, [("decimal", "%1.", 1), ("lowerLetter", "%2)", 1), ("lowerRoman", "(%3)", 1)],
                       start_override={0: 3})
    numbered(document, "ba", list_id, 0)
    numbered(document, "a", list_id, 1)
    numbered(document, "i", list_id, 2)
    numbered(document, "ii", list_id, 2)
    numbered(document, "b", list_id, 1)
    numbered(document, "bốn", list_id, 0)
    numbered(document, "a again", list_id, 1)
    bullets = add_list(document, [("bullet", "-", 1), ("bullet", "+", 1)])
    numbered(document, "dash", bullets, 0)
    numbered(document, "plus", bullets, 1)
    path = tmp_path / "numbers.docx"
    document.save(path)
    texts = [p.text for p in read_docx(path.read_bytes(), "x")[0]]
    assert texts == ["3. ba", "a) a", "(i) i", "(ii) ii", "b) b", "4. bốn", "a) a again", "- dash", "+ plus"]


def test_word_letters_beyond_d_are_kept_and_reported(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Điều 1. Thử")
    points = add_list(document, [("lowerLetter", "%1)", 1)])
    for word in ("một", "hai", "ba", "bốn", "năm", "sáu"):
        numbered(document, word, points)
    path = tmp_path / "letters.docx"
    document.save(path)
    result = import_file(path, reg_id="T/1")
    assert [u.label for u in result.regulation.find("d1").unit.children] == ["a", "b", "c", "d", "e", "f"]
    assert not result.report.passes_check
    messages = " ".join(n.message for n in result.report.by_category("check")).lower()
    assert "điểm e" in messages and "điểm f" in messages
    assert any("English alphabet" in n.message for n in result.report.by_category("numbering"))


def test_not_a_docx_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(ParseError, match=r"broken\.docx is not a Word file but plain text \(perhaps a text file "
                                         r"renamed to \.docx\)"):
        import_file(path, reg_id="X/1")


def test_round_trip_export_to_docx_and_import_back(tmp_path: Path) -> None:
    import datetime as dt

    from regdraft.core.consolidate import consolidate
    from regdraft.render.consolidated_docx import write_consolidated_docx
    from regdraft.render.profile import load_profile
    from tests.test_consolidate import words_of

    shipped = Path(__file__).resolve().parents[1] / "regulations" / "01-QC-TU.md"
    original = parse(shipped.read_bytes(), "01-QC-TU.md")
    path = tmp_path / "01-QC-TU.docx"
    ct = consolidate(original, [], dt.date(2022, 1, 1), words=words_of(original))
    write_consolidated_docx(ct, load_profile({}), path)
    result = import_file(path)
    back = result.regulation
    assert back.units == original.units
    assert back.id == original.id
    for key in ("issuer", "title", "type", "place", "signed", "national", "signer", "recipients"):
        assert back.meta[key] == original.meta[key], key
    # The header's type and summary give the title, not the preamble's "ban hành Quy chế ... như sau:".
    assert back.meta["title"] == "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025"
    # The consolidated copy's mark and opening are left out (and quoted in the report).
    assert back.preamble == original.preamble
    skipped = [n.text for n in result.report.by_category("skipped")]
    assert "VĂN BẢN HỢP NHẤT (bản để tham khảo)" in skipped
    assert any(t.startswith("Quy chế làm việc") and "chưa được sửa đổi" in t for t in skipped)
    assert result.report.passes_check
