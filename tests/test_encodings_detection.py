"""How `core.encodings` tells UTF-16 text from a binary file: a UTF-16 file without its byte-order mark holding a few
control characters (Word's cell and field marks, a stray NUL) was called binary, one whose letters are all above
U+00FF (`ờơ`, no zero byte) was read as UTF-8, and one mostly in another script (Chinese, Korean, Arabic, Thai ...)
was called binary. Random bytes and real binary files (PNG, ZIP, PDF, GZIP, an old Word file, an uncompressed image,
a sound, a UTF-8 text with a stray zero byte) are never read as UTF-16 text; any text of two or more Vietnamese
characters saved as UTF-16 reads back exactly."""

from __future__ import annotations

import gzip
import io
import random
import struct
import unicodedata
import zipfile
import zlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from regdraft.core.encodings import SAMPLE, UTF16_BE, UTF16_LE, binary, decoded, utf16
from regdraft.core.errors import ParseError
from regdraft.core.markdown import decode
from regdraft.importer.plaintext import read_text

WIDE = (UTF16_LE, UTF16_BE)
TEXT = ("Điều 1. Phạm vi điều chỉnh\r\nQuy chế này quy định nguyên tắc, chế độ làm việc của Ban Chấp hành Đảng bộ "
        "tỉnh, Ban Thường vụ Tỉnh ủy và Thường trực Tỉnh ủy.\r\n") * 20

# The control characters a text saved by Word or Notepad holds besides line ends and tabs: a form feed (a page
# break), a vertical tab (Shift+Enter), a table cell's end (U+0007), the marks of a field (U+0013-U+0015), an
# optional and a non-breaking hyphen (U+001F, U+001E), and a NUL left at the end of a file cut short.
WORD_CONTROLS = ["\f", "\v", "\x07", "\x13", "\x14", "\x15", "\x1e", "\x1f", "\x00", "\x07\x07\x1e\x1f"]


@pytest.mark.parametrize("encoding", WIDE)
@pytest.mark.parametrize("control", WORD_CONTROLS, ids=[repr(c) for c in WORD_CONTROLS])
def test_utf16_without_a_mark_holding_a_few_control_characters_is_text(encoding: str, control: str) -> None:
    """`core.markdown.decode` and `importer.plaintext.read_text` said "looks like a binary file"."""
    text = TEXT[:300] + control + TEXT[300:]
    data = text.encode(encoding)
    assert utf16(data) == encoding and not binary(data)
    assert decoded(data) == (text, encoding)
    assert "\u0110i\u1ec1u 1" in decode(data, "x.md")
    paragraphs, read_as, _ = read_text(data, "x.txt")
    assert read_as == encoding and paragraphs


@pytest.mark.parametrize("encoding", WIDE)
@pytest.mark.parametrize("text", ["ờơ", "Đường", "ườ" * 3000, "ĂĂ", "ăă", unicodedata.normalize("NFD", "ầ"),
                                  unicodedata.normalize("NFD", "ậy")])
def test_utf16_letters_above_u00ff_without_a_zero_byte_read_as_utf16(encoding: str, text: str) -> None:
    """With no zero byte, these were read as UTF-8: a `UnicodeDecodeError`, or control characters."""
    data = text.encode(encoding)
    assert decoded(data) == (text, encoding)


# -- property: random bytes and binary files are never text ----------------------------------------------------

def _png(payload: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(payload)) + chunk(b"IEND", b"")


def _zip(payload: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", payload)
        archive.writestr("a.txt", TEXT)
    return out.getvalue()


def _pdf(payload: bytes) -> bytes:
    stream = zlib.compress(payload)
    return (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode"
            b" >>\nstream\n" + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def _ole(payload: bytes) -> bytes:  # an old Word 97-2003 file: its header, then sectors
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + payload


def _bmp(payload: bytes) -> bytes:
    """An uncompressed 24-bit image of a few colours in runs (a drawing, a screenshot): its repeated pixels read as a
    few characters over and over, each colour's often in one script (`b"\x80" * 3` is 老老老)."""
    colours = [(payload[i:i + 3] + b"\x80\x80\x80")[:3] for i in range(0, 12, 3)]
    pixels = b"".join(colours[byte % 4] * (1 + byte % 13) for byte in payload[12:])
    info = struct.pack("<IiiHHIIiiII", 40, 64, max(1, len(pixels) // 192), 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 54 + len(pixels), 0, 0, 54) + info + pixels


def _wav(payload: bytes) -> bytes:
    """16-bit sound, quiet (each sample a few hundred either side of silence) or loud."""
    loud = payload[:1] > b"\x80"
    samples = b"".join(struct.pack("<h", (byte - 128) * (200 if loud else 3)) for byte in payload)
    fmt = struct.pack("<HHIIHH", 1, 1, 16000, 32000, 2, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(samples)) + samples
    return b"RIFF" + struct.pack("<I", len(body)) + body


ENGLISH = ("Article 1. Scope\nThese Rules govern the principles and working regime of the Provincial Party Executive "
           "Committee, its Standing Committee and its Standing Office.\n")


def _stray_zero(payload: bytes) -> bytes:
    """A UTF-8 text, English or Vietnamese, with a zero byte somewhere in it (each pair of ASCII bytes reads as an
    ideograph: `ab` as 扡)."""
    text = ((ENGLISH if payload[:1] < b"\x80" else TEXT) * 40).encode("utf-8")
    at = int.from_bytes(payload[1:3] or b"\0", "little") % min(len(text), 2 * SAMPLE)
    return text[:at] + b"\x00" + text[at:]


FILES = {"random": lambda p: p, "png": _png, "zip": _zip, "pdf": _pdf, "gzip": gzip.compress, "ole": _ole,
         "bmp": _bmp, "wav": _wav, "text with a zero byte": _stray_zero}


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=2**64), st.integers(min_value=64, max_value=3 * SAMPLE),
       st.sampled_from(sorted(FILES)))
def test_random_bytes_and_binary_files_are_never_read_as_text(seed: int, size: int, kind: str) -> None:
    data = FILES[kind](random.Random(seed).randbytes(size))
    assert utf16(data) is None
    with pytest.raises(ParseError):  # binary, or not UTF-8
        decode(data, "x.md")
    if b"\x00" in data[:2 * SAMPLE]:  # bytes with none read as a legacy 8-bit text in `regdraft import`
        assert binary(data)
        with pytest.raises(ParseError, match="looks like a binary file"):
            read_text(data, "x.txt")


@pytest.mark.parametrize("kind", sorted(FILES))
def test_each_kind_of_binary_file_is_called_binary(kind: str) -> None:
    data = FILES[kind](random.Random(kind).randbytes(5000))
    assert binary(data)
    with pytest.raises(ParseError) as refused:
        decode(data, "x.md")
    assert "binary file" in refused.value.problems[0].message


# -- property: any Vietnamese text saved as UTF-16 reads back exactly -------------------------------------------

_LOWER = ("aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵfjwz")
VIETNAMESE = _LOWER + _LOWER.upper() + "0123456789 .,;:!?()-/\"'%\n\r\t"


@settings(max_examples=200)
@given(st.text(alphabet=VIETNAMESE, min_size=2, max_size=3000), st.sampled_from(WIDE),
       st.sampled_from(["NFC", "NFD"]))
@example(text="ờơ", encoding=UTF16_LE, form="NFC")
@example(text="ăă", encoding=UTF16_BE, form="NFC")
@example(text="ắ", encoding=UTF16_LE, form="NFD")
def test_vietnamese_text_saved_as_utf16_reads_back_exactly(text: str, encoding: str, form: str) -> None:
    text = unicodedata.normalize("NFD", text) if form == "NFD" else unicodedata.normalize("NFC", text)
    data = text.encode(encoding)
    assert utf16(data) == encoding
    assert decoded(data) == (text, encoding)
    assert not binary(data)


# -- texts in other scripts: UTF-16 without a mark ---------------------------------------------------------------

OTHER_SCRIPTS = {
    "zh": ("第一条 为了规范省委常委会的工作，根据党章和有关规定，制定本规则。\n"
           "第二条 本规则适用于省委全体会议和常委会会议。\n"),
    "ja": ("第1条　この規則は、県党委員会の運営に関し必要な事項を定めるものとする。\n"
           "第2条　委員会は、毎月一回会議を開く。\n"),
    "ko": ("제1조 이 규칙은 도당위원회의 운영에 관하여 필요한 사항을 정함을 목적으로 한다.\n"
           "제2조 위원회는 매월 1회 회의를 개최한다.\n"),
    "ar": ("المادة 1. تحدد هذه اللائحة مبادئ ونظام عمل اللجنة التنفيذية للحزب في المقاطعة.\n"
           "المادة 2. تعقد اللجنة اجتماعا كل شهر.\n"),
    "he": ("סעיף 1. תקנון זה קובע את עקרונות העבודה של הוועד המנהל של המפלגה במחוז.\n"
           "סעיף 2. הוועד מתכנס פעם בחודש.\n"),
    "th": ("มาตรา 1 ระเบียบนี้กำหนดหลักการและระบบการทำงานของคณะกรรมการบริหารพรรคประจำจังหวัด\n"
           "มาตรา 2 คณะกรรมการประชุมเดือนละครั้ง\n"),
    "hi": ("अनुच्छेद 1. यह विनियम प्रांतीय पार्टी कार्यकारी समिति के कार्य के सिद्धांतों और व्यवस्था को\n"
           "निर्धारित करता है।\nअनुच्छेद 2. समिति प्रति माह एक बैठक करती है।\n"),
    "ru": ("Статья 1. Настоящий регламент определяет принципы и порядок работы комитета.\n"
           "Статья 2. Комитет собирается раз в месяц.\n"),
    "zh, no ASCII": "一二三四五六七八九十百千万",
    "ja, one line, ideographic spaces": "第一条　総則　この規則は委員会の運営に関し必要な事項を定める",
    "zh with Vietnamese": "Điều 1. 第一条 为了规范省委常委会的工作，根据党章和有关规定，制定本规则。\n" * 3,
}


@pytest.mark.parametrize("encoding", WIDE)
@pytest.mark.parametrize("text", [text * 30 if "\n" in text else text for text in OTHER_SCRIPTS.values()],
                         ids=list(OTHER_SCRIPTS))
def test_utf16_without_a_mark_in_another_script_is_text(encoding: str, text: str) -> None:
    """Mostly Chinese, Japanese, Korean, Arabic, Hebrew, Thai or Hindi, it was called "a binary file": its letters
    are neither Vietnamese nor the Latin, Greek and Cyrillic the reading allowed."""
    data = text.encode(encoding)
    assert utf16(data) == encoding and not binary(data)
    assert decoded(data) == (text, encoding)
    paragraphs, read_as, _ = read_text(data, "x.txt")
    assert read_as == encoding and paragraphs
