"""Bounds on what a Word or Excel file may unpack to, checked before python-docx or openpyxl open it.

A .docx or .xlsx is a zip archive of parts, and both libraries unpack every part they read whole:
a file of one megabyte can hold a part of gigabytes (a picture of zeros, an XML comment, a
cell). `check_parts` reads only the archive's list of parts and refuses one that would cost memory
or time out of proportion to the file.

Post-conditions of `check_parts`:
1. A file whose parts unpack to more than `MAX_UNPACKED` bytes in all is refused with one
   `ParseError` naming the file and its largest part.
2. Otherwise, a part unpacking to more than `RATIO_FROM` bytes and more than `MAX_RATIO` times its packed size
   is refused with one `ParseError` naming the file and the part.
3. Nothing is unpacked. A file that is not a zip archive passes: its reader says what it is not (`not_a_package`
   gives the sentence: a text file renamed, an old Word or Excel file).
   The sizes are those of the archive's directory, which the readers go by too: Python's zipfile
   unpacks a part no further than the size listed there, and a part whose bytes say otherwise
   fails its checksum, which the readers report as a file that cannot be read.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path
from typing import BinaryIO

from regdraft.core.encodings import utf16
from regdraft.core.errors import ParseError

# All parts together, unpacked. A real Word reply with pictures is a few megabytes, tens at most;
# a sheet of 200,000 comment rows (`comment_sheet.MAX_ROWS`) about 60 MB.
MAX_UNPACKED = 200 * 1024 * 1024
# Packing ratios: Word's and Excel's XML parts pack about 5 to 30 times (a sheet of identical rows
# 16 times), pictures hardly at all; 100 is Apache POI's bound for the same check. Small parts are
# not measured: a megabyte costs nothing, whatever it packs to.
MAX_RATIO = 100
RATIO_FROM = 1024 * 1024

_NOT_READ = "it is not a document regdraft reads."


def check_parts(file: bytes | Path | BinaryIO, source: str) -> None:
    """Refuse a zip archive whose parts unpack past `MAX_UNPACKED` in all, or pack past `MAX_RATIO` each."""
    try:
        with zipfile.ZipFile(io.BytesIO(file) if isinstance(file, bytes) else file) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if sum(part.file_size for part in parts) > MAX_UNPACKED:
        largest = max(parts, key=lambda part: part.file_size)
        raise ParseError(f"{source}: its parts unpack to more than {size(MAX_UNPACKED)} ({largest.filename}: "
                         f"{size(largest.file_size)}); {_NOT_READ}")
    for part in parts:
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise ParseError(f"{source}: its part {part.filename} unpacks to {size(part.file_size)} from "
                             f"{size(part.compress_size)}, more than {MAX_RATIO} times its packed size as no real "
                             f"document's part does; {_NOT_READ}")


def size(count: int) -> str:
    """A byte count as people say it: `820 bytes`, `25 KB`, `1.5 MB`, `200 MB`, `1.5 GB`."""
    for unit, scale in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if count >= scale:
            value = count / scale
            shown = f"{value:.1f}" if value < 10 and not value.is_integer() else f"{value:.0f}"
            return f"{shown} {unit}"
    return f"{count} bytes"


# Documents Word or LibreOffice opens and saves as .docx, which regdraft reads.
_SAVED_AS_DOCX = (".doc", ".rtf", ".odt", ".docm", ".dot", ".dotx", ".wpd", ".wps")


def not_importable(path: object, suffix: str) -> str:
    """The sentence refusing to import a file with `suffix`, naming the formats read; for a document Word or
    LibreOffice opens (`.doc`, `.rtf`, `.odt`), how to turn it into a .docx."""
    said = f"{path}: cannot import '{suffix or 'no extension'}' files; use .docx, .txt or .md"
    if suffix in _SAVED_AS_DOCX:
        return f"{said}: open it in Word or LibreOffice and save it as .docx (Word Document), then import that."
    return f"{said}."


# The start of an old Word 97-2003 (.doc) or Excel 97-2003 (.xls) file (an OLE compound file), and of an RTF file.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF = b"{\\rtf"


def not_a_package(head: bytes, source: str, kind: str, suffix: str) -> str | None:
    """The sentence for a file named as a `kind` (`Word`, `Excel`) file with `suffix` that is no zip archive, as every
    .docx and .xlsx is, from its first bytes `head`: an old binary file saved under the new name, an RTF file, a
    text file renamed; None for a zip archive (its reader says what else is wrong with it)."""
    if head.startswith(b"PK"):
        return None
    a = "an" if kind[:1] in "AEIOU" else "a"
    if not head:
        return f"{source} is empty, not {a} {kind} file."
    if head.startswith(_OLE):
        return (f"{source} is an old {kind} 97-2003 file, not a {suffix} file: open it in {kind} and save it as a "
                f"{suffix} file.")
    if head.startswith(_RTF):
        return f"{source} is an RTF file, not a {suffix} file: open it in {kind} and save it as {suffix}."
    wide = utf16(head)
    # A letter cut by the end of `head` reads as one replacement character there.
    text = head.decode(wide or "utf-8", errors="replace").removeprefix("\ufeff").rstrip("\ufffd")
    if text.strip() and "\ufffd" not in text and not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f"
                                                        for ch in text):
        return (f"{source} is not {a} {kind} file but plain text (perhaps a text file renamed to {suffix}): give it "
                "its real extension (.txt, .md or .csv) and use it as that.")
    return f"{source} is not {a} {kind} file: a {suffix} file is a zip package, and this one is not."
