"""The lines of a text sheet (a CSV, or Excel's "Unicode Text"), decoded one by one from UTF-8 or UTF-16.

Post-conditions of `text_lines`:
1. A file `core.encodings.utf16` names UTF-16 is read as UTF-16, its byte-order mark dropped; so is one whose first
   `SAMPLE` bytes it would name UTF-16 but for a surrogate alone (a damaged file), which is then refused at that line.
2. Any other file is read as UTF-8, line by line, a UTF-8 byte-order mark dropped.
3. A line that does not decode (a UTF-16 surrogate alone, a byte cut off at the end, a byte that is not UTF-8) is one
   `ParseError` naming the file, the line and the encoding the sheet is read in.
4. Read as UTF-16, the rest of the file must read as text as its first `SAMPLE` bytes did (only they decide the
   encoding): in each stretch of lines at least `STRETCH` characters long, at most one character in 16 is foreign
   (a control character other than a tab, a line end, a form or line feed; a code point no character is given; a
   private-use one other than the Symbol font's U+F0xx). A stretch holding more is one `ParseError` naming its
   first line that holds more itself, or the line where the share was passed: what follows is not a sheet's text.
"""

from __future__ import annotations

import codecs
import functools
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from regdraft.core.encodings import SAMPLE, UTF16_BE, UTF16_LE, saved_as, utf16
from regdraft.core.errors import ParseError
from regdraft.importer import legacy

STRETCH = SAMPLE // 2  # the characters of the sample, which decided the encoding
_SHARE = 16  # at most one character in 16 of a stretch is foreign, as in the sample (`core.encodings`)
_SURROGATE = re.compile("[\ud800-\udfff]")  # one alone: the UTF-16 decoder passes it on to be named at its line


def text_lines(handle: BinaryIO, source: str) -> Iterator[str]:
    """The file's lines decoded one by one, from UTF-8 or from UTF-16 (post-conditions)."""
    sample = handle.read(SAMPLE)
    wide = utf16(sample) or _damaged_utf16(sample)
    handle.seek(0)
    if wide is None:
        yield from _utf8_lines(handle, source, sample)
        return
    number = 0
    try:
        lines = io.TextIOWrapper(handle, encoding=wide, errors="surrogatepass", newline="")
        for number, line in enumerate(_read_as_text(lines, source, wide), start=1):
            yield line.removeprefix("\ufeff") if number == 1 else line
    except UnicodeDecodeError:  # a byte cut off at the end
        raise _not_utf16(source, number + 1, wide) from None


def _not_utf16(source: str, number: int, wide: str) -> ParseError:
    return ParseError(f"{source}:{number}: the sheet is saved as {saved_as(wide)}, but this line is not UTF-16 text "
                      "(the file may be cut off or damaged); save the sheet as 'CSV UTF-8'.")


def _damaged_utf16(sample: bytes) -> str | None:
    """The byte order `utf16` would name for `sample` but for its surrogates alone (each read as U+FFFF, a code
    point of no character); None for a sample with none, or that is not UTF-16 all the same."""
    even = sample[:len(sample) - len(sample) % 2]
    for name in (UTF16_LE, UTF16_BE):
        text = codecs.getincrementaldecoder(name)("surrogatepass").decode(even)  # a pair cut by the end left out
        if _SURROGATE.search(text) and utf16(_SURROGATE.sub("\uffff", text).encode(name)) == name:
            return name
    return None


def _read_as_text(lines: Iterator[str], source: str, wide: str) -> Iterator[str]:
    """`lines` (read as UTF-16), each refused at its number when it holds a surrogate alone, and a stretch with too
    many foreign characters at its line (post-condition 4)."""
    chars = foreign = worst = 0  # of the stretch so far; `worst`: its first line foreign on its own
    for number, line in enumerate(lines, start=1):
        own = 0 if _printable(line) else _foreign_in(line)
        if own and _SURROGATE.search(line):
            raise _not_utf16(source, number, wide)
        if not worst and own * _SHARE > len(line):
            worst = number
        chars += len(line)
        foreign += own
        if foreign * _SHARE > max(chars, STRETCH):
            raise ParseError(f"{source}:{worst or number}: the sheet is read as {saved_as(wide)} from its first "
                             f"{SAMPLE:,} bytes, but from this line on it does not read as text (more than one "
                             f"character in {_SHARE} is a control character or no character at all); the file may "
                             "be damaged, or not a sheet: save the sheet as 'CSV UTF-8' and import that.")
        if chars >= STRETCH:
            chars = foreign = worst = 0
        yield line


def _printable(line: str) -> bool:
    """Whether `line` holds only characters Python prints, a tab and its line end aside. Every foreign character
    (a surrogate too) is one it does not print: such a line, most lines of a sheet, is passed over in a step of C."""
    return line.rstrip("\r\n").replace("\t", "").isprintable()


def _foreign_in(line: str) -> int:
    """How many characters of `line` are foreign (post-condition 4): those of the Basic Multilingual Plane counted
    by one class a regex tests in one step a character (a bitmap), those beyond it, when it holds any, by character."""
    own = len(_foreign().findall(line))
    if _ASTRAL.search(line):
        own += sum(n for char, n in Counter(line).items() if char > "\uffff" and _is_foreign(ord(char)))
    return own


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _foreign() -> re.Pattern[str]:
    """A foreign character of the Basic Multilingual Plane (post-condition 4). Built on first use, from its 65,536
    code points in the Unicode database, for a UTF-16 sheet with a line holding a character Python does not print.
    The plane alone: a class with a character beyond it is tested range by range (about 300 ns a range each
    character, against one step for a class within it)."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if _is_foreign(code):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(re.escape(chr(low)) + ("-" + re.escape(chr(high)) if high > low else "")
                                    for low, high in ranges) + "]")


def _is_foreign(code: int) -> bool:
    category = unicodedata.category(chr(code))
    if category == "Cc":
        return chr(code) not in "\t\n\r\f\v"
    if category == "Co":
        return not 0xF000 <= code <= 0xF0FF
    return category in ("Cn", "Cs")


def _utf8_lines(handle: BinaryIO, source: str, sample: bytes) -> Iterator[str]:
    """The file's lines decoded one by one (a byte-order mark dropped), naming the line of a bad byte and the
    encoding the sheet looks saved in, from its first bytes (`sample`) and that line (as `import` names it)."""
    for number, raw in enumerate(handle, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            looks = ("the rest of the sheet reads as UTF-8: the file may be damaged" if legacy.mostly_utf8(sample + raw)
                     else f"the sheet looks saved in {legacy.eight_bit(sample + raw)}")
            raise ParseError(f"{source}:{number}: this line is not UTF-8 text ({looks}); save the sheet as "
                             "'CSV UTF-8'.") from None
