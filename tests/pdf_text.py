"""The text of a PDF's pages as the tests read it: `pages(pdf)`, one string a page, each line's runs of white space
made one space and its ends stripped.

Read by poppler's `pdftotext -raw` where poppler-utils is installed (`scripts/setup.sh` installs it), else by pypdf.
Both read a page's text in its content stream's order and break its lines in the same places; they differ only in
white space: pypdf writes two spaces where WeasyPrint's justified lines space words out, and a space after a list's
bullet, which the normalising takes away (the same text from both, page by page, on the shipped workspace's
consolidated text, inline redline and comparison table, and on the suite's PDFs of real laws). pypdf parses the
content stream in Python, about 35 ms a page of a WeasyPrint PDF; pdftotext 3-5 ms (docs/performance.md,
"2026-12-07 (r43, suite43)").

A PDF is read once a process for the same bytes (several tests read the same module-scoped PDF); the answer is a
tuple, so no test can change what another is given.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from collections import OrderedDict
from pathlib import Path

PDFTOTEXT = shutil.which("pdftotext")
_KEPT = 32  # the texts of this many PDFs kept, the last read
_read: OrderedDict[bytes, tuple[str, ...]] = OrderedDict()


def normal(text: str) -> str:
    """`text` with each line's runs of white space made one space and its ends stripped (line breaks kept)."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def pages(pdf: Path | str | bytes) -> tuple[str, ...]:
    """The text of each page of `pdf` (a path or the file's bytes), normalised (`normal`)."""
    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    key = hashlib.sha256(data).digest()
    if key in _read:
        _read.move_to_end(key)
        return _read[key]
    texts = tuple(normal(text) for text in (_poppler(data) if PDFTOTEXT else _pypdf(data)))
    _read[key] = texts
    if len(_read) > _KEPT:
        _read.popitem(last=False)
    return texts


def text(pdf: Path | str | bytes, sep: str = "\n") -> str:
    """The text of all of `pdf`'s pages joined by `sep`."""
    return sep.join(pages(pdf))


def _poppler(data: bytes) -> list[str]:
    assert PDFTOTEXT is not None
    done = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True,
                          check=True)
    # Each page's text ends in a line break and a form feed (the last page's too); pypdf's in neither.
    return [page.removesuffix("\n") for page in done.stdout.decode("utf-8").split("\f")[:-1]]


def _pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
