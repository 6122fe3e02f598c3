"""The Unicode encoding a file's bytes are saved in: UTF-8 (with or without its byte-order mark) or UTF-16, the
"Unicode" of Notepad and of Word's and Excel's "Unicode Text". One answer for every reader of text: regulation and
amendment files, edited copies (`core.markdown.decode`), imported texts (`importer.plaintext`) and comment sheets
(`importer.comment_sheet`).

Post-conditions:
1. `utf16` names UTF-16 for a file starting with a UTF-16 byte-order mark. Without a mark it reads the first `SAMPLE`
   bytes both ways (little- and big-endian); a reading passes when:
   a. the sample holds a zero byte (which no UTF-8 or 8-bit text holds) and at most one character in 16 of that
      reading is neither text nor a plausible symbol: a few control characters (Word's cell and field marks, a
      stray NUL; tabs, line and form feeds and vertical tabs are text) are allowed, the random code points a binary
      file (PNG, ZIP, PDF, random bytes) reads as are not; or
   b. the sample holds no zero byte (every character above U+00FF: `ờơ`) and every character of the reading is
      Vietnamese (ASCII, the Vietnamese letters, their tone marks after a letter, typographic dashes and quotes).
      Such a sample holds a byte 0x01, 0x03 or 0x1E, a control character in UTF-8, so a UTF-8 text (and a text in a
      legacy 8-bit encoding, which has none) is never read this way; or
   c. the sample holds a zero byte and the reading is a text in another script (Chinese, Japanese, Korean, Arabic,
      Hebrew, Thai, the Indic scripts and the like; `_SCRIPTS`): at most one character in 16 is neither text, a
      plausible symbol nor a letter of the one script most of its letters are in (one in 32 when fewer than 64
      characters are read), and, when there are 32 or more, those letters vary as a text's do: no one letter is
      more than a quarter of them, and at most half of them repeat one of the four characters before (in Thai, the
      most repetitive of the scripts, a fifth do). The random code points of a binary file spread over every
      script; an image's runs of one colour read as a few letters over and over (three quarters repeat). A text
      in ASCII (UTF-8) holding a stray zero byte reads as ideographs each of whose two bytes is ASCII: at most
      seven characters in eight of the reading may be such pairs (a text all in hiragana has three in four). The
      reading needs eight characters or more (a word alone says too little).
   Of the readings that pass, the one with more Vietnamese characters, then more text, is named (little-endian on
   a tie). Anything else (UTF-8, a legacy 8-bit encoding, a binary file) is not UTF-16. A text of two or more
   Vietnamese characters saved as UTF-16 (either byte order, NFC or NFD) is named for what it is.
2. `decoded` reads UTF-16 when `utf16` says so and UTF-8 otherwise, strictly (a `UnicodeDecodeError` for a bad
   byte, its offset in `data`), the byte-order mark dropped; it names the encoding read, as an import report says it.
3. `readable_head` reads a file (or its first bytes, a character cut by their end left out) as `decoded` reads it,
   up to the line holding the first byte that does not read: never a character replaced. It is for what reads a
   key of a file's front matter without reading the file (an id, a language, a status), whose own reader reports
   the byte at its line.
4. `binary` is true for a file holding a zero byte in its first `2 * SAMPLE` bytes that is not UTF-16: no text
   saved in UTF-8 or in an 8-bit encoding holds one.
5. `strict_text` is the strict reading of a file regdraft reads whole (its settings, a profile, a vote, a template,
   a comment): `decoded`'s text, or `Unreadable` with the line at fault and why, a clause a reader's sentence puts
   after the file and line: a binary file (line 1), a byte that is not UTF-8, or bytes that are not UTF-16 in a file
   saved so (cut off or damaged). `lenient_text` reads a file as `decoded` does with a byte that does not read
   replaced, for what only counts its lines (the line of a key); never for text that is shown or kept.
"""

from __future__ import annotations

import bisect
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
# The letters of the scripts a text in another language is written in, one group a script (the ideographs, kana and
# bopomofo of Chinese and Japanese together): Armenian, Hebrew, Arabic (with Syriac and Thaana), the Indic scripts,
# Thai and Lao, Tibetan, Myanmar, Georgian, Ethiopic, Khmer, Mongolian, Hangul, the East Asian ideographs. Greek and
# Cyrillic are plausible already. CJK punctuation and full-width forms count as Chinese and Japanese letters.
_SCRIPTS = (("armenian", 0x0530, 0x058F), ("hebrew", 0x0590, 0x05FF), ("arabic", 0x0600, 0x07BF),
            ("arabic", 0x08A0, 0x08FF), ("indic", 0x0900, 0x0DFF), ("thai", 0x0E00, 0x0EFF),
            ("tibetan", 0x0F00, 0x0FFF), ("myanmar", 0x1000, 0x109F), ("georgian", 0x10A0, 0x10FF),
            ("hangul", 0x1100, 0x11FF), ("ethiopic", 0x1200, 0x139F), ("khmer", 0x1780, 0x17FF),
            ("mongolian", 0x1800, 0x18AF), ("cjk", 0x2E80, 0x2FDF), ("cjk", 0x3000, 0x312F),
            ("hangul", 0x3130, 0x318F), ("cjk", 0x3190, 0x31FF), ("cjk", 0x3200, 0x4DBF), ("cjk", 0x4E00, 0x9FFF),
            ("hangul", 0xAC00, 0xD7AF), ("cjk", 0xF900, 0xFAFF), ("hebrew", 0xFB1D, 0xFB4F),
            ("arabic", 0xFB50, 0xFDFF), ("arabic", 0xFE70, 0xFEFE), ("cjk", 0xFF00, 0xFFEF))
_SCRIPT_STARTS = [start for _, start, _ in _SCRIPTS]
_MOST_OF_ONE = 4  # in a text, no one letter of its script is more than a quarter of them
_NEAR = 4  # a letter repeating one of the four characters before it: in a text at most half of them do
_VARIED_FROM = 32  # fewer letters of a script (a line, a name) say too little of how they vary
_ASCII = frozenset(b"\t\n\r" + bytes(range(0x20, 0x7F)))  # the bytes of an ASCII text
_ASCII_PAIRS = 8  # at most 7 characters in 8 of a text in another script are two bytes of ASCII
_SHORTEST = 8  # the fewest characters a text in another script is told by


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
    passing = [(reading.vietnamese, reading.text, name) for name in (UTF16_LE, UTF16_BE)
               if (reading := _reading(sample, name)) is not None and reading.passes(zeros)]
    return max(passing, key=lambda p: p[:2])[2] if passing else None  # max keeps the first on a tie


class _Reading:
    """What a sample read one way holds: how many characters there are, how many are Vietnamese, plausible, and
    letters of each other script (`_SCRIPTS`, each letter counted)."""

    def __init__(self, text: str) -> None:
        self.chars = len(text)
        self.vietnamese = self.plausible = 0
        self.scripts: dict[str, dict[str, int]] = {}
        self.repeats: dict[str, int] = {}
        self.ascii_pairs = 0  # characters each of whose two bytes is ASCII text (`ab` read as 扡)
        after_letter = False
        for at, ch in enumerate(text):
            if ch in _MARKS:
                ours = after_letter  # a mark follows its letter or another mark of it
            else:
                ours = ch in _VIETNAMESE
                after_letter = ours and ch.isalpha()
            self.vietnamese += ours
            code = ord(ch)
            self.ascii_pairs += code >> 8 in _ASCII and code & 0xFF in _ASCII
            if ours or any(low <= code <= high for low, high in _PLAUSIBLE):
                self.plausible += 1
            elif (script := _script(code)) is not None:
                letters = self.scripts.setdefault(script, {})
                letters[ch] = letters.get(ch, 0) + 1
                self.repeats[script] = self.repeats.get(script, 0) + (ch in text[max(at - _NEAR, 0):at])
        # the script most of the other letters are in, if any
        self.main = max(self.scripts, key=lambda script: sum(self.scripts[script].values()), default="")
        self.text = self.plausible + sum(self.scripts.get(self.main, {}).values())

    def passes(self, zeros: bool) -> bool:
        """Whether the reading is a text (post-condition 1, a to c): with zero bytes in the sample, or without."""
        if not zeros:
            return self.vietnamese == self.chars >= 2
        if (self.chars - self.plausible) * _FOREIGN_SHARE <= self.chars:
            return True
        share = _FOREIGN_SHARE * (2 if self.chars < 4 * _FOREIGN_SHARE else 1)
        return (self.chars >= _SHORTEST and (self.chars - self.text) * share <= self.chars and self._varied()
                and self.ascii_pairs * _ASCII_PAIRS <= self.chars * (_ASCII_PAIRS - 1))

    def _varied(self) -> bool:
        """Whether the letters of the main script vary as a text's do (post-condition 1c)."""
        letters = self.scripts.get(self.main, {})
        count = sum(letters.values())
        return count < _VARIED_FROM or (max(letters.values()) * _MOST_OF_ONE <= count
                                        and self.repeats.get(self.main, 0) * 2 <= count)


def _script(code: int) -> str | None:
    """The script (`_SCRIPTS`) whose letters include the code point `code`; None for any other."""
    at = bisect.bisect_right(_SCRIPT_STARTS, code) - 1
    if at < 0:
        return None
    script, _, end = _SCRIPTS[at]
    return script if code <= end else None


def _reading(sample: bytes, name: str) -> _Reading | None:
    """`sample` read as `name`; None when the bytes are not UTF-16 (a surrogate alone). A pair cut by the sample's
    end is left out."""
    try:
        return _Reading(codecs.getincrementaldecoder(name)().decode(sample))
    except UnicodeDecodeError:
        return None


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


class Unreadable(ValueError):
    """A file's bytes that are not text (post-condition 5): the line at fault, and why in a clause."""

    def __init__(self, line: int, why: str) -> None:
        super().__init__(why)
        self.line, self.why = line, why


def strict_text(data: bytes) -> str:
    """`data` as `decoded` reads it (UTF-8, or UTF-16 with or without its mark), the mark dropped; `Unreadable` for a
    binary file or a byte that does not read (post-condition 5)."""
    if binary(data):
        raise Unreadable(1, "the file is not text (it looks like a binary file)")
    try:
        return decoded(data)[0]
    except UnicodeDecodeError as exc:
        encoding = utf16(data)
        line = undecodable_line(data, exc, encoding)
        if encoding is None:
            raise Unreadable(line, "the line is not UTF-8 text") from None
        raise Unreadable(line, "the line is not UTF-16 text (the file is saved as UTF-16 ('Unicode'), and may be cut "
                               "off or damaged)") from None


def undecodable_line(data: bytes, exc: UnicodeDecodeError, encoding: str | None) -> int:
    """The line of `data` holding the bytes `exc` found not to read in `encoding` (`utf16`'s answer; None: UTF-8)."""
    if encoding is None:
        return data[:exc.start].count(b"\n") + 1
    return data[:exc.start - exc.start % 2].decode(encoding, errors="replace").count("\n") + 1


def lenient_text(data: str | bytes) -> str:
    """`data` as `decoded` reads it, a byte that does not read replaced (post-condition 5): only to count lines."""
    if isinstance(data, str):
        return data
    return data.decode(utf16(data) or "utf-8", errors="replace").removeprefix("\ufeff")


def saved_as(encoding: str) -> str:
    """How a message names the encoding a file was saved in: `UTF-16 ('Unicode')` or `UTF-8`."""
    return "UTF-16 ('Unicode')" if encoding in (UTF16_LE, UTF16_BE) else encoding.upper()


def text_of(data: bytes, source: str, advice: str) -> str:
    """`data` as `strict_text` reads it; a `ParseError` naming the line at fault, why, and `advice`."""
    try:
        return strict_text(data)
    except Unreadable as exc:
        raise ParseError(f"{source}:{exc.line}: {exc.why}; {advice}") from None
