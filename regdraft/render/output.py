"""Writing a rendered page: HTML as it is, or laid out as PDF."""

from __future__ import annotations

from pathlib import Path

from regdraft.render.files import write_atomic


def write_page(html: str, output: Path, *, pdf: bool, progress: bool = False) -> None:
    """Write an HTML page as it is, or laid out as a PDF (WeasyPrint is imported only then)."""
    if not pdf:
        write_atomic(output, html.encode("utf-8"))
        return
    from regdraft.render.pdf import write_pdf

    write_pdf(html, output, progress=progress)
