"""The Unicode encoding a file's bytes are saved in: UTF-8 (with or without its byte-order mark) or UTF-16, the
"Unicode" of Notepad and of Word's and Excel's "Unicode Text". One answer for every reader of text: regulation and
amendment files, edited copies (`core.markdown.decode`), imported texts (`importer.plaintext`) and comment sheets
(`importer.comment_sheet`).

Post-conditions:
1. `utf16` names UTF-16 for a file starting with a UTF-16 byte-order mark. Without a mark it reads the first `SAMPLE`
   bytes both ways (little- and big-endian) and names the reading with more Vietnamese characters (ASCII, the
   Vietnamese letters, their tone marks after a letter, typographic dashes and quotes; little-endian on a tie) when:
   a. the sample holds a zero byte (which no UTF-8 or 8-bit text holds) and at most one character in 16 of that
      reading is neither text nor a plausible symbol: a few control characters (Word's cell and field marks, a
      stray NUL; tabs, line and form feeds and vertical tabs are text) are allowed, the random code points a binary
      file (PNG, ZIP, PDF, random bytes) reads as are not; or
   b. the sample holds no zero byte (every character above U+00FF: `ờơ`) and every character of the reading is
      Vietnamese. Such a sample holds a byte 0x01, 0x03 or 0x1E, a control character in UTF-8, so a UTF-8 text
      (and a text in a legacy 8-bit encoding, which has none) is never read this way.
   Anything else (UTF-8, a legacy 8-bit encoding, a binary file) is not UTF-16. A text of two or more Vietnamese
   characters saved as UTF-16 (either byte order, NFC or NFD) is named for what it is.
2. `decoded` reads UTF-16 when `utf16` says so and UTF-8 otherwise, strictly (a `UnicodeDecodeError` for a bad
   byte, its offset in `data`), the byte-order mark dropped; it names the encoding read, as an import report says it.
3. `readable_head` reads a file (or its first bytes, a character cut by their end left out) as `decoded` reads it,
   up to the line holding the first byte that does not read: never a character replaced. It is for what reads a
   key of a file's front matter without reading the file (an id, a language, a status), whose own reader reports
   the byte at its line.
4. `binary` is true for a file holding a zero byte in its first `2 * SAMPLE` bytes that is not UTF-16: no text
   saved in UTF-8 or in an 8-bit encoding holds one.
"""

from __future__ import annotations

import codecs

from regdraft.core.errors import ParseError

UTF16_LE, UTF16_BE = "utf-16-le", "utf-16-be"
SAMPLE = 4096
# What a Vietnamese text is written with: ASCII (line ends, tabs, a form feed, which pdftotext writes at a page end,
# and a vertical tab, Word's line break, among them), the Vietnamese letters, and the typography Word puts in.
_VIETNAMESE = frozenset(
    "\t\n\r\f\v" + "".join(map(chr, range(0x20, 0x7F)))
    + "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư" + "".join(map(chr, range(0x1EA0, 0x1EFA)))
    + "\u00a0\u00ab\u00bb\u00b0\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026")
# The marks of letters written apart (NFD): grave, acute, circumflex, tilde, breve, hook, horn, dot below.
_MARKS = frozenset("\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323")
# Other characters a text may hold: Latin, Greek and Cyrillic letters, punctuation and symbols, the Symbol font's
# characters Word writes (U+F0xx), a zero-width no-break space, emoji. Any other control character is not text.
_PLAUSIBLE = ((0x00A0, 0x04FF), (0x1E00, 0x1EFF), (0x2000, 0x27BF), (0xF000, 0xF0FF), (0xFEFF, 0xFEFF),
              (0x1F300, 0x1FAFF))
# Each Vietnamese character above U+00FF has one of these bytes: the high byte of U+01xx, U+03xx or U+1Exx.
_HIGH_BYTES = (b"\x01", b"\x03", b"\x1e")
_FOREIGN_SHARE = 16  # at most one character in 16 of a text with zero bytes is a control or a foreign code point


def utf16(data: bytes) -> str | None:
    """`UTF16_LE` or `UTF16_BE` when `data` is UTF-16 text (post-condition 1); None otherwise."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return UTF16_LE
    if data.startswith(codecs.BOM_UTF16_BE):
        return UTF16_BE
    sample = data[:SAMPLE]
    sample = sample[:len(sample) - len(sample) % 2]
    zeros = b"\x00" in sample
    if len(sample) < 4 or not (zeros or any(byte in sample for byte in _HIGH_BYTES)):
        return None
    readings = [(counts, name) for name in (UTF16_LE, UTF16_BE) if (counts := _reading(sample, name)) is not None]
    if not readings:
        return None
    (vietnamese, plausible, chars), name = max(readings, key=lambda r: r[0][:2])  # max keeps the first on a tie
    if zeros:
        return name if (chars - plausible) * _FOREIGN_SHARE <= chars else None
    return name if vietnamese == chars >= 2 else None


def _reading(sample: bytes, name: str) -> tuple[int, int, int] | None:
    """How many characters of `sample` read as `name` are Vietnamese, how many are text or plausible, and how many
    there are; None when the bytes are not UTF-16 (a surrogate alone). A pair cut by the sample's end is left out."""
    try:
        text = codecs.getincrementaldecoder(name)().decode(sample)
    except UnicodeDecodeError:
        return None
    vietnamese = plausible = 0
    after_letter = False
    for ch in text:
        if ch in _MARKS:
            ours = after_letter  # a mark follows its letter or another mark of it
        else:
            ours = ch in _VIETNAMESE
            after_letter = ours and ch.isalpha()
        vietnamese += ours
        code = ord(ch)
        plausible += ours or any(low <= code <= high for low, high in _PLAUSIBLE)
    return vietnamese, plausible, len(text)


def binary(data: bytes) -> bool:
    """True when `data` holds a zero byte near its start and is not UTF-16 (post-condition 4)."""
    return b"\x00" in data[:2 * SAMPLE] and utf16(data) is None


def decoded(data: bytes) -> tuple[str, str]:
    """`data` as text and the encoding read: UTF-16 as `utf16` finds it, else UTF-8 (post-condition 2)."""
    encoding = utf16(data) or "utf-8"
    return data.decode(encoding).removeprefix("\ufeff"), encoding


def readable_head(data: bytes, size: int | None = None) -> str:
    """The text of `data` (of its first `size` bytes) read as `decoded` reads the whole, up to the line holding the
    first byte that does not read (post-condition 3)."""
    encoding = utf16(data) or "utf-8"
    head = data if size is None else data[:size]
    try:
        return codecs.getincrementaldecoder(encoding)().decode(head).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        text = codecs.getincrementaldecoder(encoding)().decode(head[:exc.start]).removeprefix("\ufeff")
        return text[:text.rfind("\n") + 1]


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
