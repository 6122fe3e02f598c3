"""Output files are written whole or not at all: a failed render never leaves half a file behind."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def write_atomic(output: Path, content: bytes | Callable[[Path], object]) -> None:
    """Write `output` whole or not at all: `content` is the bytes, or a function writing to the path it is given."""
    output.parent.mkdir(parents=True, exist_ok=True)
    # A sibling file, so that the final rename stays on one file system and is atomic.
    tmp = output.with_name(output.name + ".regdraft-tmp")
    try:
        if isinstance(content, bytes):
            tmp.write_bytes(content)
        else:
            content(tmp)
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)


def write_page(html: str, output: Path, *, pdf: bool, progress: bool = False) -> None:
    """Write an HTML page as it is, or laid out as a PDF (WeasyPrint is imported only then)."""
    if not pdf:
        write_atomic(output, html.encode("utf-8"))
        return
    from regdraft.render.pdf import write_pdf

    write_pdf(html, output, progress=progress)
