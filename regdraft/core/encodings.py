"""The Unicode encoding a file's bytes are saved in: UTF-8 (with or without its byte-order mark) or UTF-16, the
"Unicode" of Notepad and of Word's and Excel's "Unicode Text". One answer for every reader of text: regulation and
amendment files, edited copies (`core.markdown.decode`), imported texts (`importer.plaintext`) and comment sheets
(`importer.comment_sheet`).

Post-conditions:
1. `utf16` names UTF-16 for a file starting with a UTF-16 byte-order mark, and for one without a mark whose zero
   bytes fall on the high byte of its characters (ASCII, and the Latin letters of Vietnamese below U+0100, have a
   zero high byte; Vietnamese's other letters and tone marks a non-zero one), in its first `SAMPLE` bytes, that read
   as text with no control character. Anything else (UTF-8, a legacy 8-bit encoding, a binary file) is not UTF-16.
2. `decoded` reads UTF-16 when `utf16` says so and UTF-8 otherwise, strictly (a `UnicodeDecodeError` for a bad
   byte, its offset in `data`), the byte-order mark dropped; it names the encoding read, as an import report says it.
"""

from __future__ import annotations

import codecs
import unicodedata

from regdraft.core.errors import ParseError

UTF16_LE, UTF16_BE = "utf-16-le", "utf-16-be"
SAMPLE = 4096
# Line ends, tabs and a form feed (a page end pdftotext writes) are the control characters a text holds.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def utf16(data: bytes) -> str | None:
    """`UTF16_LE` or `UTF16_BE` when `data` is UTF-16 text (post-condition 1); None otherwise."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return UTF16_LE
    if data.startswith(codecs.BOM_UTF16_BE):
        return UTF16_BE
    sample = data[:SAMPLE - SAMPLE % 2]
    sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    chars = len(sample) // 2
    # A text's high bytes are mostly zero; its low bytes are zero only for a few letters (a combining grave
    # accent, U+0300, in text stored with letters and marks apart).
    for name, high, low in ((UTF16_LE, odd, even), (UTF16_BE, even, odd)):
        if high * 4 >= chars and low * 8 <= high:
            text = sample.decode(name, errors="replace").rstrip("\ufffd")  # a pair cut by the sample's end
            if "\ufffd" not in text and not any(unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS
                                                for ch in text):
                return name
    return None


def decoded(data: bytes) -> tuple[str, str]:
    """`data` as text and the encoding read: UTF-16 as `utf16` finds it, else UTF-8 (post-condition 2)."""
    encoding = utf16(data) or "utf-8"
    return data.decode(encoding).removeprefix("\ufeff"), encoding


def saved_as(encoding: str) -> str:
    """How a message names the encoding a file was saved in: `UTF-16 ('Unicode')` or `UTF-8`."""
    return "UTF-16 ('Unicode')" if encoding in (UTF16_LE, UTF16_BE) else encoding.upper()


def text_of(data: bytes, source: str, advice: str) -> str:
    """`data` as `decoded` reads it; a `ParseError` naming the line of a byte that does not read, and `advice`."""
    try:
        return decoded(data)[0]
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ParseError(f"{source}:{line}: the line is not UTF-8 text; {advice}") from None
