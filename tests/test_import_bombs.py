"""Files a user imports are untrusted: a Word reply, a comment sheet or a document to import or compare that
unpacks to far more than its size, whose XML is damaged, or whose comment is a book, is refused with one
sentence naming it, and nothing is written (`importer.archive`, `core.comments.MAX_TEXT`).

The hostile files are built here with zipfile, small on disk: a part of zeros or of repeated XML packs
about a thousand times."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from regdraft.core.comments import MAX_TEXT
from regdraft.importer.archive import MAX_UNPACKED
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import FIXTURES, Invoke
from tests.test_faults import expect_refusal

SLUG = "mini-sua"
BODY = "Ban A"
MB = 1024 * 1024

Chunks = Callable[[], Iterator[bytes]]


@pytest.fixture
def ws(consulting_workspace: Workspace) -> Workspace:
    return consulting_workspace


def _repeated(head: bytes, piece: bytes, tail: bytes, size: int) -> Chunks:
    """A part of `size` bytes or so: `head`, `piece` over and over, `tail`; made a chunk at a time."""
    def chunks() -> Iterator[bytes]:
        yield head
        block = piece * (MB // len(piece))
        for _ in range(size // len(block)):
            yield block
        yield tail
    return chunks


def _rebuilt(base: bytes, parts: dict[str, Chunks | bytes]) -> bytes:
    """`base` with the named parts replaced or added, each packed at the fastest level."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for item in source.infolist():
            if item.filename not in parts:
                target.writestr(item, source.read(item.filename))
        for name, content in parts.items():
            if isinstance(content, bytes):
                target.writestr(name, content)
                continue
            with target.open(name, "w", force_zip64=True) as handle:
                for chunk in content():
                    handle.write(chunk)
    return out.getvalue()


def _xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _word(texts: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    return kit.docx_bytes(document)


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def _comments(ws: Workspace) -> int:
    return len(rounds.load_comments(ws, SLUG))


SHEET = [["by", "on", "text"], [BODY, "general", "Ý kiến."]]
MEGAS = 12  # a part of this many megabytes packs to a few kilobytes: past the ratio, far below the total bound


# -- comment sheets (.xlsx) -----------------------------------------------------------------------


def _shared_strings() -> dict[str, Chunks | bytes]:
    return {"xl/sharedStrings.xml": _repeated(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas'
                                              b'.openxmlformats.org/spreadsheetml/2006/main">',
                                              b"<si><t>a</t></si>", b"</sst>", MEGAS * MB)}


def _inline_cell(size: int) -> Callable[[bytes], dict[str, Chunks | bytes]]:
    def parts(base: bytes) -> dict[str, Chunks | bytes]:
        sheet = _part(base, "xl/worksheets/sheet1.xml").decode("utf-8")
        row = '<row r="2"><c r="A2" t="inlineStr"><is><t>Ban A</t></is></c><c r="B2" t="inlineStr"><is><t>general' \
              '</t></is></c><c r="C2" t="inlineStr"><is><t>'
        head, tail = sheet.split("</sheetData>")
        body = head[:head.index('<row r="2"')]
        return {"xl/worksheets/sheet1.xml": _repeated((body + row).encode(), b"a",
                                                      ("</t></is></c></row></sheetData>" + tail).encode(), size)}
    return parts


def _padded_styles(base: bytes) -> dict[str, Chunks | bytes]:
    styles = _part(base, "xl/styles.xml")
    end = styles.index(b"?>") + 2 if styles.startswith(b"<?xml") else 0
    return {"xl/styles.xml": _repeated(styles[:end] + b"<!--", b" ", b"-->" + styles[end:], MEGAS * MB)}


@pytest.mark.parametrize(("case", "part"), [
    (lambda base: _shared_strings(), "xl/sharedStrings.xml"),
    (_inline_cell(MEGAS * MB), "xl/worksheets/sheet1.xml"),
    (_padded_styles, "xl/styles.xml"),
], ids=["shared-strings", "a-cell", "styles-comment"])
def test_an_xlsx_part_packed_past_any_real_ratio_is_refused(
        ws: Workspace, invoke: Invoke, tmp_path: Path, case: Callable[[bytes], dict[str, Chunks | bytes]],
        part: str) -> None:
    base = _xlsx(SHEET)
    sheet = tmp_path / "gop-y.xlsx"
    sheet.write_bytes(_rebuilt(base, case(base)))
    assert sheet.stat().st_size < 200_000
    out = expect_refusal(ws, invoke, "comment", "import", SLUG, str(sheet),
                         says=f"gop-y.xlsx: its part {part} unpacks to {MEGAS} MB")
    assert "it is not a document regdraft reads." in out
    assert _comments(ws) == 0


def test_an_xlsx_unpacking_past_the_total_bound_is_refused(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.xlsx"
    sheet.write_bytes(_rebuilt(_xlsx(SHEET), {"xl/media/image1.png": _repeated(b"", b"\0", b"", MAX_UNPACKED)}))
    assert sheet.stat().st_size < 2 * MB
    expect_refusal(ws, invoke, "comment", "import", SLUG, str(sheet),
                   says="gop-y.xlsx: its parts unpack to more than 200 MB (xl/media/image1.png: 200 MB); it is "
                        "not a document regdraft reads.")
    assert _comments(ws) == 0


def test_an_xlsx_part_whose_listed_size_lies_is_a_damaged_workbook(ws: Workspace, invoke: Invoke,
                                                                   tmp_path: Path) -> None:
    """The archive's directory says 1 KB, the part holds 12 MB: it is read no further than 1 KB, and fails."""
    sheet = tmp_path / "gop-y.xlsx"
    sheet.write_bytes(_lying(_rebuilt(_xlsx(SHEET), _inline_cell(MEGAS * MB)(_xlsx(SHEET))),
                             "xl/worksheets/sheet1.xml", 1024))
    expect_refusal(ws, invoke, "comment", "import", SLUG, str(sheet),
                   says="gop-y.xlsx: cannot be read as an Excel workbook")
    assert _comments(ws) == 0


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"])
def test_an_xlsx_with_damaged_xml_is_a_damaged_workbook(ws: Workspace, invoke: Invoke, tmp_path: Path,
                                                       part: str) -> None:
    base = _xlsx(SHEET)
    sheet = tmp_path / "gop-y.xlsx"
    sheet.write_bytes(_rebuilt(base, {part: _part(base, part)[:-20]}))
    expect_refusal(ws, invoke, "comment", "import", SLUG, str(sheet), says="gop-y.xlsx: cannot be read as an Excel "
                                                                           "workbook")
    assert _comments(ws) == 0


def _lying(data: bytes, name: str, size: int) -> bytes:
    """The archive with `name`'s unpacked size in its central directory set to `size`."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        at = archive.start_dir
    while patched[at:at + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack("<HHH", patched[at + 28:at + 34])
        if patched[at + 46:at + 46 + name_length].decode() == name:
            patched[at + 24:at + 28] = struct.pack("<I", size)
            return bytes(patched)
        at += 46 + name_length + extra_length + comment_length
    raise AssertionError(f"{name} is not in the archive")


# -- the length of a comment ----------------------------------------------------------------------


def _long_text() -> str:
    """Words that pack about as well as real text does (so no archive bound is reached), past `MAX_TEXT`."""
    words = ["đề", "nghị", "bổ", "sung", "quy", "định", "về", "trách", "nhiệm", "của", "người", "đứng", "đầu"]
    picked = random.Random(4).choices(words, k=MAX_TEXT // 3)
    return " ".join(picked)


def test_a_sheet_cell_longer_than_a_comment_may_be_is_refused(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    text = _long_text()
    sheet = tmp_path / "gop-y.xlsx"
    sheet.write_bytes(_xlsx([["by", "on", "text"], [BODY, "general", "Ý kiến."], [BODY, "general", text]]))
    expect_refusal(ws, invoke, "comment", "import", SLUG, str(sheet),
                   says=f"row 3: the comment text is {len(text):,} characters long; a comment and its proposed "
                        f"wording hold at most {MAX_TEXT:,} characters each.")
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text(f"by,on,text,proposal\n{BODY},d2.k2.c,Sửa.,{text}\n", encoding="utf-8")
    expect_refusal(ws, invoke, "comment", "import", SLUG, str(sheet),
                   says=f"row 2: the proposed wording is {len(text):,} characters long")
    assert _comments(ws) == 0


def test_a_comment_added_longer_than_a_comment_may_be_is_refused(ws: Workspace, invoke: Invoke) -> None:
    text = _long_text()
    expect_refusal(ws, invoke, "comment", "add", SLUG, "--by", BODY, "--on", "general", "--text", text, code=2,
                   says=f"the comment text is {len(text):,} characters long")
    result = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "general", "--text", text[:MAX_TEXT])
    assert result.exit_code == 0, result.output
    assert _comments(ws) == 1


# -- Word replies, and Word files imported or compared ---------------------------------------------


@pytest.fixture
def reply(ws: Workspace, invoke: Invoke, tmp_path: Path) -> bytes:
    """A reply on the round's review copy: one Word comment on điểm c khoản 2 Điều 2 of the draft."""
    copy = tmp_path / "copy.docx"
    result = invoke(ws, "round", "copy", SLUG, "-o", str(copy))
    assert result.exit_code == 0, result.output
    document = kit.open_docx(copy)
    run = kit.isolate(kit.paragraph_with(document, "Thiểu số phục tùng đa số"), "Thiểu số")
    kit.comment(document, run, "Đề nghị giữ nguyên.", "Nguyễn Văn An")
    return kit.docx_bytes(document)


def _imported(ws: Workspace, invoke: Invoke, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    out = expect_refusal(ws, invoke, "comment", "import", SLUG, str(path), "--by", BODY)
    assert _comments(ws) == 0
    return out


def test_the_reply_itself_is_imported(ws: Workspace, invoke: Invoke, tmp_path: Path, reply: bytes) -> None:
    (tmp_path / "reply.docx").write_bytes(reply)
    result = invoke(ws, "comment", "import", SLUG, str(tmp_path / "reply.docx"), "--by", BODY)
    assert result.exit_code == 0, result.output
    assert [c.on for c in rounds.load_comments(ws, SLUG)] == ["d2.k2.c"]


def _big_picture(base: bytes) -> bytes:
    """The document with a picture of zeros, one byte past `MAX_UNPACKED` on its own, that its body refers to."""
    rels = _part(base, "word/_rels/document.xml.rels").replace(
        b"</Relationships>", b'<Relationship Id="rIdBig" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/image" Target="media/big.png"/></Relationships>')
    return _rebuilt(base, {"word/_rels/document.xml.rels": rels,
                           "word/media/big.png": _repeated(b"\x89PNG", b"\0", b"", MAX_UNPACKED)})


def test_a_reply_unpacking_past_the_total_bound_is_refused(ws: Workspace, invoke: Invoke, tmp_path: Path,
                                                          reply: bytes) -> None:
    bomb = _big_picture(reply)
    assert len(bomb) < 2 * MB
    out = _imported(ws, invoke, tmp_path / "reply.docx", bomb)
    assert "reply.docx: its parts unpack to more than 200 MB (word/media/big.png: 200 MB); it is not a document " \
           "regdraft reads." in out


def _huge_xml_comment(base: bytes) -> dict[str, Chunks | bytes]:
    document = _part(base, "word/document.xml")
    end = document.index(b"?>") + 2 if document.startswith(b"<?xml") else 0
    return {"word/document.xml": _repeated(document[:end] + b"<!--", b"-", b" -->" + document[end:], MEGAS * MB)}


def test_a_reply_part_packed_past_any_real_ratio_is_refused(ws: Workspace, invoke: Invoke, tmp_path: Path,
                                                           reply: bytes) -> None:
    out = _imported(ws, invoke, tmp_path / "reply.docx", _rebuilt(reply, _huge_xml_comment(reply)))
    assert f"reply.docx: its part word/document.xml unpacks to {MEGAS} MB" in out


# The ten-fold nesting of the billion laughs: libxml2 stops it as an entity reference loop.
DOCTYPE = b"<!DOCTYPE w:document [<!ENTITY a0 \"lol\">" + b"".join(
    b"<!ENTITY a%d \"%s\">" % (n, b"&a%d;" % (n - 1) * 10) for n in range(1, 10)) + b"]>"


def _cut_short(base: bytes) -> dict[str, Chunks | bytes]:
    return {"word/document.xml": _part(base, "word/document.xml")[:-20]}


def _with_entities(base: bytes) -> dict[str, Chunks | bytes]:
    document = _part(base, "word/document.xml")
    end = document.index(b"?>") + 2 if document.startswith(b"<?xml") else 0
    text = document.index(b">", document.index(b"<w:t")) + 1  # the first run's text
    return {"word/document.xml": document[:end] + DOCTYPE + document[end:text] + b"&a9;" + document[text:]}


DAMAGED = pytest.mark.parametrize("damage", [_cut_short, _with_entities], ids=["cut-short", "doctype-entities"])


@DAMAGED
def test_a_reply_with_damaged_xml_is_not_a_word_file(ws: Workspace, invoke: Invoke, tmp_path: Path, reply: bytes,
                                                     damage: Callable[[bytes], dict[str, Chunks | bytes]]) -> None:
    out = _imported(ws, invoke, tmp_path / "reply.docx", _rebuilt(reply, damage(reply)))
    assert "reply.docx: is not a Word (.docx) file that can be read" in out
    assert "Traceback" not in out


def test_a_reply_whose_word_comment_is_too_long_is_refused(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    run = kit.isolate(kit.paragraph_with(document, "Thiểu số phục tùng đa số"), "Thiểu số")
    text = _long_text()
    kit.comment(document, run, text, "Nguyễn Văn An")
    out = _imported(ws, invoke, tmp_path / "reply.docx", kit.docx_bytes(document))
    # Alone in the reply, nothing is imported; it is named where it stands (others would be imported: see
    # test_word_reply_long_thread.py).
    assert (f"reply.docx holds no comment that can be imported; nothing was imported. Word comment 1 by Nguyễn Văn An "
            f"on điểm c khoản 2 Điều 2 is {len(text):,} characters long, over the 20,000 a comment holds") \
        in " ".join(out.split())


def test_a_reply_whose_tracked_change_is_too_long_is_refused(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    run = kit.isolate(kit.paragraph_with(document, "Thiểu số phục tùng đa số"), "cá nhân phục tùng tổ chức")
    kit.track_replace(run, _long_text(), "Nguyễn Văn An")
    out = _imported(ws, invoke, tmp_path / "reply.docx", kit.docx_bytes(document))
    assert "reply.docx: the wording proposed for điểm c khoản 2 Điều 2 is " in out


# `regdraft import` and `regdraft compare` read Word files with another reader (importer.docx).


@pytest.fixture
def word(tmp_path: Path) -> bytes:
    return _word(["QUY CHẾ", "Điều 1. Phạm vi", "Quy chế này quy định."])


def _import_and_compare(invoke: Invoke, tmp_path: Path, data: bytes, says: str) -> None:
    source = tmp_path / "van-ban.docx"
    source.write_bytes(data)
    folder = tmp_path / "out"
    for args in (("import", str(source), "-o", str(folder / "x.md")),
                 ("compare", str(FIXTURES / "mini.md"), str(source), "-o", str(folder / "r.html"))):
        result = invoke(None, *args)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (result.output, result.exception)
        assert says in result.output, result.output
        assert not folder.exists()


def test_a_word_file_unpacking_past_the_total_bound_is_not_imported_or_compared(invoke: Invoke, tmp_path: Path,
                                                                                word: bytes) -> None:
    _import_and_compare(invoke, tmp_path, _big_picture(word),
                        "van-ban.docx: its parts unpack to more than 200 MB (word/media/big.png: 200 MB)")


def test_a_word_file_packed_past_any_real_ratio_is_not_imported_or_compared(invoke: Invoke, tmp_path: Path,
                                                                           word: bytes) -> None:
    _import_and_compare(invoke, tmp_path, _rebuilt(word, _huge_xml_comment(word)),
                        f"van-ban.docx: its part word/document.xml unpacks to {MEGAS} MB")


@DAMAGED
def test_a_word_file_with_damaged_xml_is_not_imported_or_compared(
        invoke: Invoke, tmp_path: Path, word: bytes, damage: Callable[[bytes], dict[str, Chunks | bytes]]) -> None:
    _import_and_compare(invoke, tmp_path, _rebuilt(word, damage(word)),
                        "van-ban.docx is not a Word .docx file that can be read")
